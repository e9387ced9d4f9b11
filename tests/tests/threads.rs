//! One classifier shared by eight threads gives the single-threaded verdicts.

use std::sync::Arc;

use postguard::testing::TinyModel;
use postguard_tests::{assert_same_verdict, classifier, model_dir, sample_posts};

#[test]
fn eight_threads_share_one_classifier() {
    let dir = model_dir(&TinyModel::default());
    let clf = classifier(dir.path());
    let posts = Arc::new(sample_posts());
    let expected = Arc::new(clf.classify_batch(&posts).unwrap());
    let handles: Vec<_> = (0..8)
        .map(|t| {
            let (clf, posts, expected) = (clf.clone(), Arc::clone(&posts), Arc::clone(&expected));
            std::thread::spawn(move || {
                for round in 0..3 {
                    // Alternate between batch and single calls, rotated per thread.
                    if (t + round) % 2 == 0 {
                        let got = clf.classify_batch(&posts).unwrap();
                        for (i, (a, b)) in got.iter().zip(expected.iter()).enumerate() {
                            assert_same_verdict(a, b, &format!("thread {t} round {round} post {i}"));
                        }
                    } else {
                        for i in (0..posts.len()).map(|i| (i + t) % posts.len()) {
                            let got = clf.classify(&posts[i]).unwrap();
                            assert_same_verdict(&got, &expected[i], &format!("thread {t} single {i}"));
                        }
                    }
                }
            })
        })
        .collect();
    for handle in handles {
        handle.join().expect("thread panicked");
    }
}

#[test]
fn public_types_are_thread_safe() {
    fn check<T: Send + Sync + 'static>() {}
    check::<postguard::Classifier>();
    check::<postguard::Verdict>();
    check::<postguard::Error>();
    check::<postguard::Post>();
    check::<postguard::ModelSource>();
}
