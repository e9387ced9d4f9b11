//! The chunk driver shared by `score` and `eval`: read a chunk of records (bounded by records
//! and text bytes), score its posts in one batch, hand every record's outcome to the command in
//! input order, apply `--on-error` to the bad ones, repeat.
//!
//! Invariants (tested in `score.rs` and below with stub scorers):
//! - every record the command admits gets exactly one outcome, in input order: scored, or bad
//!   (unreadable, rejected by the command, or not scorable);
//! - a post that makes its batch fail is found by splitting the batch, not by scoring the whole
//!   batch again one post at a time (see [`score_posts`]).

use std::sync::atomic::{AtomicBool, Ordering};

use postguard::{Label, Post};
use serde::{Deserialize, Serialize};

use crate::input::{Item, ReadError, Record, RecordError, RecordReader};
use crate::output::Scored;

/// Scores a batch of posts.
pub trait Scorer {
    /// The labels, in output order.
    fn labels(&self) -> Vec<Label>;
    /// Score every post (one result each, in order), or fail as a whole: the core's batch fails
    /// when one of its posts cannot be scored, without saying which.
    ///
    /// # Errors
    /// The message of the failure.
    fn score_batch(&mut self, posts: &[Post]) -> Result<Vec<Scored>, String>;
}

/// What to do with a record that cannot be scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OnError {
    /// Stop at the first bad record (exit code 3); records before it are written.
    Fail,
    /// Leave bad records out of the output; report each on stderr (exit code 5).
    Skip,
    /// Write an error record in their place (exit code 5).
    Emit,
}

/// Knobs of the driver.
#[derive(Debug, Clone)]
pub struct ChunkOptions {
    pub on_error: OnError,
    /// Records per chunk (one scoring batch).
    pub chunk_records: usize,
    /// A chunk is also closed once its texts reach this many bytes (so a run of huge posts does
    /// not multiply memory by the chunk size).
    pub chunk_bytes: usize,
    /// Name used in error messages (`FILE:LINE: ...`).
    pub input_name: String,
    /// Set (by a Ctrl-C handler) to stop before the next chunk.
    pub interrupted: Option<&'static AtomicBool>,
}

/// `FILE:LINE` or `FILE:LINE (id ID)`.
pub fn location(file: &str, e: &RecordError) -> String {
    match &e.id {
        Some(id) => format!("{file}:{} (id {id})", e.line),
        None => format!("{file}:{}", e.line),
    }
}

/// What a command does with the records the driver reads.
pub trait Consumer {
    /// What the command keeps of a record besides the record (eval: its known labels).
    type Extra;
    /// The command's own errors (writing output, ...).
    type Error;
    /// Turn a read item into a chunk entry: `None` passes the record by entirely (eval's
    /// sampling), `Err` makes it a bad record (e.g. eval's invalid labels).
    fn admit(&mut self, item: Item) -> Option<Result<(Record, Self::Extra), RecordError>>;
    /// How many more good records may be admitted (eval's `--limit`); `None`: no limit.
    fn room(&self) -> Option<usize> {
        None
    }
    /// Called after each chunk has been read (before it is scored).
    fn after_read(&mut self, _reader: &RecordReader) {}
    /// A scored record.
    ///
    /// # Errors
    /// The command's (stops the run).
    fn scored(&mut self, rec: Record, extra: Self::Extra, scored: Scored) -> Result<(), Self::Error>;
    /// A bad record under `--on-error skip|emit`; returns what was done with it, for the stderr
    /// report (`skipped`, `error record written`).
    ///
    /// # Errors
    /// The command's (stops the run).
    fn bad(&mut self, e: &RecordError) -> Result<&'static str, Self::Error>;
    /// The bad record that stops the run under `--on-error fail` (everything before it has been
    /// handed over); returns the error the run ends with.
    fn fatal(&mut self, e: RecordError) -> Self::Error;
    /// A chunk is done: every record of it has had its outcome.
    ///
    /// # Errors
    /// The command's (stops the run).
    fn chunk_done(&mut self) -> Result<(), Self::Error>;
}

/// Why [`drive`] stopped early.
#[derive(Debug)]
pub enum Stop<E> {
    /// Reading the input failed (I/O, or a bad CSV header).
    Read(ReadError),
    /// Stopped between two chunks on request (Ctrl-C).
    Interrupted,
    /// The consumer's error, or the one [`Consumer::fatal`] made.
    Consumer(E),
}

/// Score `posts`, one result per post in order. When the batch fails, it is split in halves and
/// each half is scored on its own, down to single posts, so only the failing posts end up as
/// errors.
///
/// Cost: the core reports a post it cannot score (a tokenizer error) before its forward pass,
/// so a failing batch costs tokenization only, and every good post still goes through exactly
/// one forward pass (in at most `2 * log2(n)` smaller batches per bad post) instead of the whole
/// batch being scored again post by post. (An error of the forward pass itself is not a post's:
/// it fails every half alike, and each post ends up with it.)
pub fn score_posts(scorer: &mut dyn Scorer, posts: &[Post]) -> Vec<Result<Scored, String>> {
    if posts.is_empty() {
        return Vec::new();
    }
    match scorer.score_batch(posts) {
        Ok(scored) => {
            assert_eq!(scored.len(), posts.len(), "the scorer returns one result per post");
            scored.into_iter().map(Ok).collect()
        }
        Err(e) if posts.len() == 1 => vec![Err(e)],
        Err(_) => {
            let (a, b) = posts.split_at(posts.len() / 2);
            let mut out = score_posts(scorer, a);
            out.extend(score_posts(scorer, b));
            out
        }
    }
}

/// Run `consumer` over `reader` until the input ends (or the consumer's room is used up).
///
/// # Errors
/// See [`Stop`]; the consumer has seen every record before the point where it stopped.
pub fn drive<C: Consumer>(
    reader: &mut RecordReader,
    scorer: &mut dyn Scorer,
    consumer: &mut C,
    opts: &ChunkOptions,
    progress: &indicatif::ProgressBar,
) -> Result<(), Stop<C::Error>> {
    let mut chunk: Vec<Result<(Record, C::Extra), RecordError>> = Vec::with_capacity(opts.chunk_records);
    let mut ended = false;
    while !ended {
        if opts.interrupted.is_some_and(|f| f.load(Ordering::Relaxed)) {
            return Err(Stop::Interrupted);
        }
        chunk.clear();
        let (mut bytes, mut good) = (0, 0);
        while chunk.len() < opts.chunk_records.max(1) && bytes < opts.chunk_bytes {
            if consumer.room().is_some_and(|room| good >= room) {
                ended = true;
                break;
            }
            let item = match reader.next_item() {
                None => {
                    ended = true;
                    break;
                }
                Some(Err(e)) => return Err(Stop::Read(e)),
                Some(Ok(item)) => item,
            };
            let Some(entry) = consumer.admit(item) else { continue };
            if let Ok((r, _)) = &entry {
                bytes += r.post.text.len() + r.post.context.as_ref().map_or(0, String::len);
                good += 1;
            }
            // Under `fail` there is no point scoring records after a bad one.
            let stop = entry.is_err() && opts.on_error == OnError::Fail;
            chunk.push(entry);
            if stop {
                ended = true;
                break;
            }
        }
        consumer.after_read(reader);
        if chunk.is_empty() {
            break;
        }
        // The posts are moved out of their records for the batch (the core takes a slice of
        // posts) and back afterwards: nothing is copied.
        let mut posts: Vec<Post> =
            chunk.iter_mut().filter_map(|e| e.as_mut().ok()).map(|(r, _)| std::mem::take(&mut r.post)).collect();
        let results = score_posts(scorer, &posts);
        let n = chunk.len();
        let mut results = results.into_iter();
        let mut posts_back = posts.drain(..);
        for entry in chunk.drain(..) {
            let e = match entry {
                Ok((mut r, extra)) => {
                    r.post = posts_back.next().expect("one post per good record");
                    match results.next().expect("one result per post") {
                        Ok(s) => {
                            consumer.scored(r, extra, s).map_err(Stop::Consumer)?;
                            continue;
                        }
                        Err(message) => RecordError {
                            line: r.line,
                            field: None,
                            message: format!("scoring failed: {message}"),
                            fields: Some(r.fields),
                            raw: None,
                            id: r.id,
                        },
                    }
                }
                Err(e) => e,
            };
            if opts.on_error == OnError::Fail {
                return Err(Stop::Consumer(consumer.fatal(e)));
            }
            let what = consumer.bad(&e).map_err(Stop::Consumer)?;
            progress.suspend(|| eprintln!("{}: {e} ({what})", location(&opts.input_name, &e)));
        }
        consumer.chunk_done().map_err(Stop::Consumer)?;
        progress.inc(n as u64);
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::output::ModelMeta;

    /// Flags "bullying" when the text contains "bad"; a batch holding a text with "boom" fails
    /// as a whole before anything is scored (as the core's does on a tokenizer error).
    #[derive(Debug, Default)]
    pub(crate) struct Stub {
        /// Calls to `score_batch`.
        pub calls: usize,
        pub max_batch: usize,
        /// Posts scored (that went through the "forward pass").
        pub scored: usize,
    }

    impl Scorer for Stub {
        fn labels(&self) -> Vec<Label> {
            vec![Label::Bullying, Label::Crisis]
        }
        fn score_batch(&mut self, posts: &[Post]) -> Result<Vec<Scored>, String> {
            self.calls += 1;
            self.max_batch = self.max_batch.max(posts.len());
            if posts.iter().any(|p| p.text.contains("boom")) {
                return Err("stub failure".into());
            }
            self.scored += posts.len();
            Ok(posts
                .iter()
                .map(|p| {
                    let b = if p.text.contains("bad") { 0.9 } else { 0.1 };
                    Scored {
                        scores: vec![(Label::Bullying, b), (Label::Crisis, 0.0)],
                        flagged: if b > 0.5 { vec![Label::Bullying] } else { vec![] },
                        rule_hits: vec![],
                        resources: vec![],
                        limited: None,
                        pii: vec![],
                        privacy_notice: None,
                        language: postguard::Language::default(),
                        unsupported_language: false,
                        redacted: None,
                        model: ModelMeta {
                            name: "stub".into(),
                            version: "0".into(),
                            sha256: "00".into(),
                            files_sha256: "11".into(),
                            precision: "f32".into(),
                        },
                    }
                })
                .collect())
        }
    }

    #[test]
    fn a_failing_post_costs_no_rescoring_of_the_good_ones() {
        for (n, bad) in [(64, vec![37]), (64, vec![0, 63]), (100, vec![5, 6, 7]), (1, vec![0]), (7, vec![])] {
            let posts: Vec<Post> = (0..n)
                .map(|i| Post::new(if bad.contains(&i) { format!("boom {i}") } else { format!("post {i}") }))
                .collect();
            let mut stub = Stub::default();
            let results = score_posts(&mut stub, &posts);
            assert_eq!(results.len(), n, "one result per post");
            for (i, r) in results.iter().enumerate() {
                assert_eq!(r.is_err(), bad.contains(&i), "post {i} of {n}");
            }
            assert_eq!(stub.scored, n - bad.len(), "every good post is scored exactly once");
            // One call for the whole batch, then at most two per level of halving per bad post.
            let levels = usize::BITS - (n - 1).leading_zeros();
            assert!(stub.calls <= 1 + 2 * levels as usize * bad.len(), "{} calls for n={n}, bad={bad:?}", stub.calls);
        }
    }
}
