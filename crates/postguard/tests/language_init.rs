//! The first language identification of a process loads lingua's models, which lingua does with
//! rayon's parallel iterators. When that first call came from a thread outside rayon's global
//! pool while the pool's threads were themselves waiting for the models (the first posts of a
//! `classify_batch` elsewhere), the load needed the very threads that waited for it: a deadlock,
//! seen in `postguard-server`'s tests (two batcher threads classifying their first posts at once).
//!
//! This file is its own test binary, so the models are not loaded yet when it starts. It makes
//! that schedule on purpose: every thread of the global pool waits for a signal, a plain thread
//! starts the first identification, then the pool's threads identify too. It must finish; it is
//! given two minutes (a deadlock never finishes; the load takes about a second). The other
//! schedule, the first identification on a thread of the pool itself, is `language_init_par.rs`.

use std::sync::mpsc;
use std::time::Duration;

use postguard::Language;

const TEXT: &str = "this is an ordinary english sentence about the weather and the bus being late again";

#[test]
fn the_first_identification_cannot_deadlock_with_the_global_pool() {
    let (done_tx, done_rx) = mpsc::channel();
    std::thread::spawn(move || {
        let workers = rayon::current_num_threads();
        let (go_tx, go_rx) = signals(workers);
        // Occupy every thread of the global pool until `go`, then identify there.
        let pool_side = std::thread::spawn(move || {
            rayon::scope(|s| {
                for rx in go_rx {
                    s.spawn(move |_| {
                        rx.recv().expect("go");
                        assert_eq!(Language::detect(TEXT).code, "en");
                    });
                }
            });
        });
        // Let the pool's threads take their jobs; then a plain thread makes the first
        // identification (and so the models' load)...
        std::thread::sleep(Duration::from_millis(50));
        let first = std::thread::spawn(|| Language::detect(TEXT));
        // ...and while it loads, the pool's threads ask too (and wait for the load). A second:
        // the plain thread holds the models' OnceLock by then, even on a busy machine (before the
        // fix, its load could not finish while the pool's threads were busy waiting for `go`).
        std::thread::sleep(Duration::from_secs(1));
        for tx in go_tx {
            tx.send(()).expect("send go");
        }
        assert_eq!(first.join().expect("first identification").code, "en");
        pool_side.join().expect("the pool's identifications");
        done_tx.send(()).expect("report");
    });
    assert!(
        done_rx.recv_timeout(Duration::from_secs(120)).is_ok(),
        "language identification did not finish in 120 s: the models' load waits for threads that wait for it"
    );
}

/// One single-use channel per pool thread.
fn signals(n: usize) -> (Vec<mpsc::Sender<()>>, Vec<mpsc::Receiver<()>>) {
    (0..n).map(|_| mpsc::channel()).unzip()
}
