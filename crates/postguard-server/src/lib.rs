#![doc = include_str!("../README.md")]

mod batcher;
mod error;
mod metrics;
mod openai;
mod request;
mod routes;

use std::future::{Future, IntoFuture};
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use postguard::Classifier;
use tokio::net::TcpListener;
use tokio::sync::Notify;

use crate::batcher::{BatchLimits, Batcher};
use crate::metrics::Metrics;

/// Default largest request body: 8 MiB.
pub const DEFAULT_MAX_BODY_BYTES: usize = 8 << 20;
/// Default most posts in one request.
pub const DEFAULT_MAX_POSTS_PER_REQUEST: usize = 256;
/// Default most posts waiting for the model; past it, requests get 429.
pub const DEFAULT_MAX_QUEUED_POSTS: usize = 2048;
/// Default token budget of one model batch (estimated from bytes, 4 per token).
pub const DEFAULT_BATCH_TOKENS: usize = 8192;
/// Default longest wait for more requests to share a batch.
pub const DEFAULT_MAX_BATCH_WAIT: Duration = Duration::from_millis(2);
/// Default time a request may take, queue included.
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Default time a shutdown waits for accepted requests to finish.
pub const DEFAULT_SHUTDOWN_TIMEOUT: Duration = Duration::from_secs(30);

/// How the server behaves; [`ServerConfig::default`] gives the defaults above, no API key.
#[derive(Clone)]
#[non_exhaustive]
pub struct ServerConfig {
    /// Bearer token every `/v1/*` and `/metrics` request must carry; `None` = no authentication.
    pub api_key: Option<String>,
    /// Largest request body in bytes (larger: 413).
    pub max_body_bytes: usize,
    /// Most posts (texts) in one request (more: 413).
    pub max_posts_per_request: usize,
    /// Most posts waiting for the model (more: 429 with `Retry-After`).
    pub max_queued_posts: usize,
    /// Estimated tokens of one model batch.
    pub batch_tokens: usize,
    /// Longest wait for more requests to share a batch (0: none).
    pub max_batch_wait: Duration,
    /// Longest time one request may take, from arrival to response, queue included (503 after).
    pub request_timeout: Duration,
    /// Longest time a shutdown waits for accepted requests before the server stops anyway.
    pub shutdown_timeout: Duration,
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            api_key: None,
            max_body_bytes: DEFAULT_MAX_BODY_BYTES,
            max_posts_per_request: DEFAULT_MAX_POSTS_PER_REQUEST,
            max_queued_posts: DEFAULT_MAX_QUEUED_POSTS,
            batch_tokens: DEFAULT_BATCH_TOKENS,
            max_batch_wait: DEFAULT_MAX_BATCH_WAIT,
            request_timeout: DEFAULT_REQUEST_TIMEOUT,
            shutdown_timeout: DEFAULT_SHUTDOWN_TIMEOUT,
        }
    }
}

impl std::fmt::Debug for ServerConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ServerConfig")
            .field("api_key", &self.api_key.as_ref().map(|_| "<set>"))
            .field("max_body_bytes", &self.max_body_bytes)
            .field("max_posts_per_request", &self.max_posts_per_request)
            .field("max_queued_posts", &self.max_queued_posts)
            .field("batch_tokens", &self.batch_tokens)
            .field("max_batch_wait", &self.max_batch_wait)
            .field("request_timeout", &self.request_timeout)
            .field("shutdown_timeout", &self.shutdown_timeout)
            .finish()
    }
}

impl ServerConfig {
    /// Checks the limits against each other.
    ///
    /// # Errors
    /// [`ServeError::Config`] naming the setting.
    pub fn validate(&self) -> Result<(), ServeError> {
        let bad = |what: &str| Err(ServeError::Config(what.to_owned()));
        if self.api_key.as_deref().is_some_and(|k| k.trim().is_empty()) {
            return bad("the API key is empty");
        }
        if self.max_body_bytes == 0 || self.max_posts_per_request == 0 || self.batch_tokens == 0 {
            return bad("max_body_bytes, max_posts_per_request and batch_tokens must be at least 1");
        }
        if self.max_queued_posts < self.max_posts_per_request {
            return bad(
                "max_queued_posts must be at least max_posts_per_request (a full request must fit in the queue)",
            );
        }
        if self.request_timeout.is_zero() {
            return bad("request_timeout must be positive");
        }
        Ok(())
    }
}

/// Refuses to serve without authentication on an address other machines can reach, unless the
/// operator said so (`allow_unauthenticated`).
///
/// # Errors
/// [`ServeError::Unauthenticated`] for a non-loopback address without a key.
pub fn check_exposure(ip: IpAddr, has_api_key: bool, allow_unauthenticated: bool) -> Result<(), ServeError> {
    if ip.is_loopback() || has_api_key || allow_unauthenticated { Ok(()) } else { Err(ServeError::Unauthenticated(ip)) }
}

/// Why the server could not start or stopped.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServeError {
    /// Binding, accepting or serving failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// The model did not load.
    #[error("loading the model: {0}")]
    Load(Box<dyn std::error::Error + Send + Sync>),
    /// A setting is out of range.
    #[error("invalid server setting: {0}")]
    Config(String),
    /// A non-loopback address without an API key.
    #[error(
        "refusing to serve {0} without authentication: other machines can reach it; set an API key (--api-key or POSTGUARD_API_KEY), bind 127.0.0.1, or pass --allow-unauthenticated if a proxy in front authenticates"
    )]
    Unauthenticated(IpAddr),
}

/// What the handlers share.
pub(crate) struct AppState {
    pub(crate) config: ServerConfig,
    /// SHA-256 of the API key: compared in constant time with the digest of the presented one.
    pub(crate) key_digest: Option<[u8; 32]>,
    pub(crate) engine: OnceLock<Engine>,
    pub(crate) shutting_down: AtomicBool,
    pub(crate) shutdown_started: Notify,
    pub(crate) metrics: Arc<Metrics>,
    /// 429s since the last summary line, and when that was.
    refusals: std::sync::Mutex<(u64, std::time::Instant)>,
}

/// The loaded model and its batcher.
pub(crate) struct Engine {
    pub(crate) classifier: Classifier,
    pub(crate) batcher: Batcher,
}

impl AppState {
    fn new(config: ServerConfig) -> Self {
        use sha2::Digest as _;
        let key_digest = config.api_key.as_deref().map(|k| sha2::Sha256::digest(k.as_bytes()).into());
        Self {
            config,
            key_digest,
            engine: OnceLock::new(),
            shutting_down: AtomicBool::new(false),
            shutdown_started: Notify::new(),
            metrics: Arc::new(Metrics::new()),
            refusals: std::sync::Mutex::new((0, std::time::Instant::now())),
        }
    }

    /// Counts a 429 and logs how many there were at most once a second.
    pub(crate) fn note_refusal(&self) {
        let mut r = self.refusals.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        r.0 += 1;
        let since = r.1.elapsed();
        if since >= Duration::from_secs(1) {
            tracing::warn!(
                refused = r.0,
                seconds = format_args!("{:.1}", since.as_secs_f64()),
                "requests refused with 429: the queue was full (--max-queued-posts)"
            );
            *r = (0, std::time::Instant::now());
        }
    }

    fn install(&self, classifier: Classifier) -> std::io::Result<()> {
        let limits = BatchLimits {
            max_queued_posts: self.config.max_queued_posts,
            batch_tokens: self.config.batch_tokens,
            max_wait: self.config.max_batch_wait,
        };
        let batcher = Batcher::start(classifier.clone(), limits, Arc::clone(&self.metrics))?;
        if self.engine.set(Engine { classifier, batcher }).is_err() {
            unreachable!("the model is installed once");
        }
        Ok(())
    }

    fn begin_shutdown(&self) {
        if !self.shutting_down.swap(true, Ordering::SeqCst) {
            tracing::info!("shutting down: no new connections; finishing accepted requests");
            self.shutdown_started.notify_waiters();
            self.shutdown_started.notify_one();
        }
    }
}

/// Serves on `listener` until `shutdown` completes (or the model fails to load).
///
/// The listener answers at once: `/healthz` is 200 from the start, `/readyz` and the `/v1`
/// endpoints are 503 until `load` (run on a blocking thread) returns the classifier. On
/// `shutdown`, the server stops accepting connections, answers every request it had accepted
/// (up to [`ServerConfig::shutdown_timeout`]), closes the queue and returns.
///
/// # Errors
/// An invalid config, a model that does not load ([`ServeError::Load`]), or an I/O error.
pub async fn serve<L, E, S>(listener: TcpListener, config: ServerConfig, load: L, shutdown: S) -> Result<(), ServeError>
where
    L: FnOnce() -> Result<Classifier, E> + Send + 'static,
    E: Into<Box<dyn std::error::Error + Send + Sync>> + Send + 'static,
    S: Future<Output = ()> + Send + 'static,
{
    config.validate()?;
    let shutdown_timeout = config.shutdown_timeout;
    let state = Arc::new(AppState::new(config));
    let app = routes::router(Arc::clone(&state));
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let signal = {
        let state = Arc::clone(&state);
        async move {
            tokio::select! {
                () = shutdown => {}
                _ = stop_rx => {}
            }
            state.begin_shutdown();
        }
    };
    let server = axum::serve(listener, app.into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(signal)
        .into_future();
    tokio::pin!(server);

    let loader = tokio::task::spawn_blocking(load);
    let loaded = tokio::select! {
        r = loader => r,
        r = &mut server => {
            // Shut down before the model loaded.
            r?;
            return Ok(());
        }
    };
    let load_error = match loaded {
        Ok(Ok(classifier)) => {
            let info = classifier.model_info();
            tracing::info!(model = %info.name, version = %info.version, precision = %info.precision, "model loaded; ready");
            state.install(classifier)?;
            None
        }
        Ok(Err(e)) => Some(ServeError::Load(e.into())),
        Err(join) => Some(ServeError::Load(format!("the model loader panicked: {join}").into())),
    };
    if load_error.is_some() {
        tracing::error!("the model did not load; stopping");
        let _ = stop_tx.send(());
    }

    // Serve until the shutdown completes, or until its timeout once it has begun.
    let deadline = {
        let state = Arc::clone(&state);
        async move {
            if !state.shutting_down.load(Ordering::SeqCst) {
                state.shutdown_started.notified().await;
            }
            tokio::time::sleep(shutdown_timeout).await;
        }
    };
    tokio::select! {
        r = &mut server => r?,
        () = deadline => {
            tracing::warn!(in_flight = state.metrics.in_flight.get(), "shutdown timeout: stopping with requests still open");
        }
    }
    if state.engine.get().is_some() {
        // Every accepted request has its answer: close the queue and stop the worker.
        let state = Arc::clone(&state);
        let _ = tokio::task::spawn_blocking(move || {
            if let Some(engine) = state.engine.get() {
                engine.batcher.close_and_join();
            }
        })
        .await;
    }
    load_error.map_or(Ok(()), Err)
}

/// A server running on its own thread and runtime (for tests and for embedding in a program
/// that has no async runtime). Dropping it shuts the server down and waits for it.
#[derive(Debug)]
pub struct BackgroundServer {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<Result<(), ServeError>>>,
}

impl BackgroundServer {
    /// Binds `addr` (port 0 picks a free one) and serves `classifier` with `config`.
    ///
    /// # Errors
    /// The address cannot be bound, the runtime cannot start, or `config` is invalid.
    pub fn start(addr: SocketAddr, config: ServerConfig, classifier: Classifier) -> Result<Self, ServeError> {
        config.validate()?;
        check_exposure(addr.ip(), config.api_key.is_some(), false)?;
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
        let listener = runtime.block_on(TcpListener::bind(addr))?;
        let addr = listener.local_addr()?;
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::Builder::new().name("postguard-server".to_owned()).spawn(move || {
            runtime.block_on(serve(listener, config, move || Ok::<_, std::io::Error>(classifier), async move {
                let _ = stopped.await;
            }))
        })?;
        Ok(Self { addr, stop: Some(stop), thread: Some(thread) })
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://ADDR`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Begins a graceful shutdown without waiting for it.
    pub fn begin_shutdown(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }

    /// Shuts down gracefully and waits for the server to stop.
    ///
    /// # Errors
    /// What the server stopped with.
    pub fn shutdown(mut self) -> Result<(), ServeError> {
        self.begin_shutdown();
        self.thread.take().map_or(Ok(()), |t| {
            t.join().unwrap_or_else(|_| Err(ServeError::Config("the server thread panicked".to_owned())))
        })
    }
}

impl Drop for BackgroundServer {
    fn drop(&mut self) {
        self.begin_shutdown();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
