//! The other schedule of `language_init.rs` (a test binary of its own, so the models are not
//! loaded yet): the first identification of the process starts on a thread of rayon's global
//! pool, among many queued ones (the posts of a `classify_batch`). A pool thread that waits for a
//! rayon job runs other queued jobs meanwhile; had it waited for the models' load that way, it
//! would have picked up the next post's identification and waited on itself, which hung
//! `postguard-server`'s tests once the first fix was in. Given two minutes; it takes about a second.

use std::sync::mpsc;
use std::time::Duration;

use postguard::Language;
use rayon::prelude::*;

#[test]
fn the_first_identification_inside_the_global_pool_cannot_wait_on_itself() {
    let (done_tx, done_rx) = mpsc::channel();
    std::thread::spawn(move || {
        let codes: Vec<String> = (0..256)
            .into_par_iter()
            .map(|i| Language::detect(&format!("post {i}: the bus was late again so i walked home in the rain")).code)
            .collect();
        done_tx.send(codes).expect("report");
    });
    let codes = done_rx
        .recv_timeout(Duration::from_secs(120))
        .expect("language identification did not finish in 120 s: the models' load waits on itself");
    assert!(codes.iter().all(|c| c == "en"), "{codes:?}");
}
