//! Dynamic batching: requests put their posts in one bounded queue; a worker thread takes
//! whole requests from its head into one `classify_batch` call, up to a token budget, waiting
//! at most a short time for more when the first request alone is below it (as
//! text-embeddings-inference does). While a batch runs, new requests queue, so under load the
//! next batch is as full as the budget allows.

use std::collections::VecDeque;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use postguard::{Classifier, Post, Verdict};
use tokio::sync::oneshot;

use crate::metrics::Metrics;

/// What a request's batch gave it.
pub(crate) type Reply = Result<Vec<Verdict>, String>;

/// UTF-8 bytes per model token assumed when a post's tokens are estimated for the batch budget
/// (English text in this WordPiece vocabulary: about 4.4 bytes per token on `benches/corpus`).
const BYTES_PER_TOKEN: usize = 4;

/// The token estimate of one post: its scored bytes over [`BYTES_PER_TOKEN`], plus [CLS] and [SEP].
pub(crate) fn estimate_tokens(post: &Post, max_post_bytes: usize) -> usize {
    let cap = |n: usize| if max_post_bytes == 0 { n } else { n.min(max_post_bytes) };
    let bytes = cap(post.text.len()) + post.context.as_deref().map_or(0, |c| cap(c.len()));
    bytes.div_ceil(BYTES_PER_TOKEN) + 2
}

/// Batching limits.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BatchLimits {
    /// Posts the queue holds at most (requests past it get 429).
    pub(crate) max_queued_posts: usize,
    /// Estimated tokens of one batch (a single request above it runs alone).
    pub(crate) batch_tokens: usize,
    /// How long the worker waits for more requests when the queue's first request is below the
    /// budget and other requests are being received, counted from that request's arrival.
    pub(crate) max_wait: Duration,
}

struct Job {
    posts: Vec<Post>,
    tokens: usize,
    queued_at: Instant,
    reply: oneshot::Sender<Reply>,
}

#[derive(Default)]
struct Queue {
    jobs: VecDeque<Job>,
    posts: usize,
    closed: bool,
    /// Posts per second of the last batches (for `Retry-After`), 0 before the first.
    rate: f64,
}

struct Shared {
    queue: Mutex<Queue>,
    /// Scoring requests being received (body read and parsed) but not queued yet: the ones worth
    /// waiting for. A lone client has none, so its requests never wait.
    arriving: AtomicUsize,
    ready: Condvar,
    limits: BatchLimits,
    metrics: Arc<Metrics>,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Queue> {
        // A panic while the lock is held cannot leave the queue inconsistent (no user code
        // runs under it), so a poisoned lock is taken as it is.
        self.queue.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Why a request was not queued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refused {
    /// The queue holds too many posts; retry after this many seconds.
    Full { retry_after: u64 },
    /// The server is shutting down.
    Closed,
}

/// The queue and its worker thread.
pub(crate) struct Batcher {
    shared: Arc<Shared>,
    worker: Mutex<Option<JoinHandle<()>>>,
    max_post_bytes: usize,
}

impl std::fmt::Debug for Batcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Batcher").field("limits", &self.shared.limits).finish_non_exhaustive()
    }
}

impl Batcher {
    pub(crate) fn start(classifier: Classifier, limits: BatchLimits, metrics: Arc<Metrics>) -> std::io::Result<Self> {
        let max_post_bytes = classifier.max_post_bytes();
        let shared = Arc::new(Shared {
            queue: Mutex::new(Queue::default()),
            arriving: AtomicUsize::new(0),
            ready: Condvar::new(),
            limits,
            metrics,
        });
        let worker = {
            let shared = Arc::clone(&shared);
            std::thread::Builder::new().name("postguard-batcher".to_owned()).spawn(move || run(&shared, &classifier))?
        };
        Ok(Self { shared, worker: Mutex::new(Some(worker)), max_post_bytes })
    }

    /// Marks a scoring request as being received, until it is submitted or dropped.
    pub(crate) fn arrival(&self) -> Arrival<'_> {
        self.shared.arriving.fetch_add(1, Ordering::SeqCst);
        Arrival { shared: &self.shared, done: false }
    }

    /// Queues a request's posts; the receiver gets their verdicts, in order.
    pub(crate) fn submit(
        &self,
        mut arrival: Arrival<'_>,
        posts: Vec<Post>,
    ) -> Result<oneshot::Receiver<Reply>, Refused> {
        let tokens = posts.iter().map(|p| estimate_tokens(p, self.max_post_bytes)).sum();
        let (tx, rx) = oneshot::channel();
        let mut q = self.shared.lock();
        // No longer arriving: queued, or refused.
        arrival.done = true;
        self.shared.arriving.fetch_sub(1, Ordering::SeqCst);
        if q.closed {
            return Err(Refused::Closed);
        }
        let n = posts.len();
        if q.posts + n > self.shared.limits.max_queued_posts {
            let retry_after = if q.rate > 0.0 { (q.posts as f64 / q.rate).ceil() as u64 } else { 1 };
            return Err(Refused::Full { retry_after: retry_after.clamp(1, 60) });
        }
        q.posts += n;
        self.shared.metrics.queue_depth.set(q.posts as i64);
        q.jobs.push_back(Job { posts, tokens, queued_at: Instant::now(), reply: tx });
        drop(q);
        self.shared.ready.notify_one();
        Ok(rx)
    }

    /// Posts waiting now.
    pub(crate) fn queued_posts(&self) -> usize {
        self.shared.lock().posts
    }

    /// Refuses new requests, lets the worker finish every queued one, and waits for it.
    pub(crate) fn close_and_join(&self) {
        self.shared.lock().closed = true;
        self.shared.ready.notify_all();
        let worker = self.worker.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take();
        if let Some(w) = worker
            && w.join().is_err()
        {
            tracing::error!("the batch worker panicked while shutting down");
        }
    }
}

/// A scoring request being received (see [`Batcher::arrival`]).
pub(crate) struct Arrival<'a> {
    shared: &'a Shared,
    done: bool,
}

impl Drop for Arrival<'_> {
    fn drop(&mut self) {
        if !self.done {
            // Not submitted (a bad request): the worker may be waiting for it.
            let q = self.shared.lock();
            self.shared.arriving.fetch_sub(1, Ordering::SeqCst);
            drop(q);
            self.shared.ready.notify_all();
        }
    }
}

impl Drop for Batcher {
    fn drop(&mut self) {
        self.close_and_join();
    }
}

/// The worker: take a batch, classify it, answer each request, until closed and empty.
fn run(shared: &Shared, classifier: &Classifier) {
    loop {
        let Some(batch) = next_batch(shared) else { return };
        let started = Instant::now();
        for job in &batch {
            shared.metrics.queue_wait_seconds.observe(started.duration_since(job.queued_at).as_secs_f64());
        }
        let n: usize = batch.iter().map(|j| j.posts.len()).sum();
        let posts: Vec<Post> = batch.iter().flat_map(|j| j.posts.iter().cloned()).collect();
        let result = classify(classifier, &posts);
        let seconds = started.elapsed().as_secs_f64();
        shared.metrics.batch_posts.observe(n as f64);
        shared.metrics.batch_seconds.observe(seconds);
        if seconds > 0.0 {
            let mut q = shared.lock();
            let rate = n as f64 / seconds;
            q.rate = if q.rate == 0.0 { rate } else { 0.8 * q.rate + 0.2 * rate };
        }
        match result {
            Ok(verdicts) => {
                shared.metrics.observe_verdicts(&verdicts);
                let mut verdicts = verdicts.into_iter();
                for job in batch {
                    let mine: Vec<Verdict> = verdicts.by_ref().take(job.posts.len()).collect();
                    // A receiver that is gone (its request timed out or its client left) is fine.
                    let _ = job.reply.send(Ok(mine));
                }
            }
            Err(_) if batch.len() > 1 => {
                // One request's posts must not fail the others': classify each request alone.
                for job in batch {
                    let reply = classify(classifier, &job.posts);
                    if let Ok(v) = &reply {
                        shared.metrics.observe_verdicts(v);
                    }
                    let _ = job.reply.send(reply);
                }
            }
            Err(e) => {
                for job in batch {
                    let _ = job.reply.send(Err(e.clone()));
                }
            }
        }
    }
}

/// `classify_batch`, with a panic turned into an error (the worker must outlive any one batch).
fn classify(classifier: &Classifier, posts: &[Post]) -> Reply {
    match catch_unwind(AssertUnwindSafe(|| classifier.classify_batch(posts))) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("the classifier panicked on this batch".to_owned()),
    }
}

/// Blocks until there is work; `None` once closed and empty. Requests whose client is gone are
/// dropped from the queue unscored.
fn next_batch(shared: &Shared) -> Option<Vec<Job>> {
    let limits = shared.limits;
    let mut q = shared.lock();
    loop {
        drop_abandoned(&mut q);
        if !q.jobs.is_empty() {
            break;
        }
        if q.closed {
            return None;
        }
        q = shared.ready.wait(q).unwrap_or_else(std::sync::PoisonError::into_inner);
    }
    // Below the budget while other requests are being received: wait for them (from the first
    // request's arrival) to share the batch.
    if !limits.max_wait.is_zero() {
        let deadline = q.jobs[0].queued_at + limits.max_wait;
        loop {
            let queued: usize = q.jobs.iter().map(|j| j.tokens).sum();
            let now = Instant::now();
            let arriving = shared.arriving.load(Ordering::SeqCst);
            if q.closed || arriving == 0 || queued >= limits.batch_tokens || now >= deadline {
                break;
            }
            q = shared.ready.wait_timeout(q, deadline - now).unwrap_or_else(std::sync::PoisonError::into_inner).0;
        }
        drop_abandoned(&mut q);
        if q.jobs.is_empty() {
            drop(q);
            return next_batch(shared);
        }
    }
    let mut batch = Vec::new();
    let mut tokens = 0;
    while let Some(job) = q.jobs.front() {
        if !batch.is_empty() && tokens + job.tokens > limits.batch_tokens {
            break;
        }
        tokens += job.tokens;
        let job = q.jobs.pop_front().expect("front exists");
        q.posts -= job.posts.len();
        batch.push(job);
    }
    shared.metrics.queue_depth.set(q.posts as i64);
    Some(batch)
}

fn drop_abandoned(q: &mut Queue) {
    let before = q.posts;
    q.jobs.retain(|j| !j.reply.is_closed());
    q.posts = q.jobs.iter().map(|j| j.posts.len()).sum();
    if q.posts != before {
        tracing::debug!(posts = before - q.posts, "dropped queued posts whose request is gone");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_estimate_counts_scored_bytes_only() {
        assert_eq!(estimate_tokens(&Post::new(""), 0), 2);
        assert_eq!(estimate_tokens(&Post::new("abcd"), 0), 3);
        assert_eq!(estimate_tokens(&Post::new("abcde").with_context("abcd"), 0), 2 + 2 + 1);
        assert_eq!(estimate_tokens(&Post::new("x".repeat(1_000_000)), 4000), 1002);
    }
}
