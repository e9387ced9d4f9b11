//! `postguard serve`: the HTTP server of `postguard-server`, with the global model and rule
//! options, on a Tokio runtime, stopped gracefully by Ctrl-C or SIGTERM.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;

use anyhow::{Context as _, anyhow};
use postguard_server::{ServeError, ServerConfig};

use crate::engine::{self, EngineArgs};

pub const SERVE_HELP: &str = "\
Endpoints (JSON; every error is {\"error\": {\"message\", \"type\", \"param\", \"code\"}}):
  POST /v1/moderations  OpenAI's moderation API: {\"input\": TEXT | [TEXT, ...]}; postguard's verdict
                        is in each result's `postguard` field
  POST /v1/classify     {\"posts\": [TEXT | {\"text\", \"context\"}, ...]}: the verdicts of `check --json`
  POST /v1/redact       {\"input\": TEXT | [TEXT, ...]}: texts with personal information replaced
  GET  /v1/model        model name, version, hashes, labels, thresholds, limits
  GET  /healthz         200 while the process answers
  GET  /readyz          200 once the model is loaded, 503 while loading or shutting down
  GET  /metrics         Prometheus (OpenMetrics) text
With an API key, /v1/* and /metrics need `Authorization: Bearer KEY`; the probes never do.
Overload: 429 + Retry-After when the queue is full; 413 for a body or a post count over the
limit; 503 + Retry-After while loading, after --request-timeout, or when shutting down.
Ctrl-C / SIGTERM: stop accepting, answer every accepted request, exit 0.
Logs (stderr): one line per request (request id, method, route, status, sizes, latency), never
a post's text; POSTGUARD_LOG (e.g. `debug`) sets the level.";

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on (an IP address, or `localhost`). Anything but loopback needs an API
    /// key or --allow-unauthenticated.
    #[arg(long, default_value = "127.0.0.1")]
    host: String,
    /// Port (0 = any free port; the chosen one is printed).
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// Require `Authorization: Bearer KEY` on /v1/* and /metrics (compared in constant time).
    /// Prefer the environment variable: a command line is visible to other users.
    #[arg(long, env = "POSTGUARD_API_KEY", hide_env_values = true, value_name = "KEY")]
    api_key: Option<String>,
    /// Serve a non-loopback address without an API key (say so only when a proxy in front
    /// authenticates).
    #[arg(long)]
    allow_unauthenticated: bool,
    /// Largest request body, in bytes (larger: 413).
    #[arg(long, value_name = "BYTES", default_value_t = postguard_server::DEFAULT_MAX_BODY_BYTES, value_parser = crate::at_least_one_usize)]
    max_body_bytes: usize,
    /// Most posts (texts) in one request (more: 413).
    #[arg(long, value_name = "N", default_value_t = postguard_server::DEFAULT_MAX_POSTS_PER_REQUEST, value_parser = crate::at_least_one_usize)]
    max_posts_per_request: usize,
    /// Most posts waiting for the model; past it, requests get 429 with Retry-After.
    #[arg(long, value_name = "N", default_value_t = postguard_server::DEFAULT_MAX_QUEUED_POSTS, value_parser = crate::at_least_one_usize)]
    max_queued_posts: usize,
    /// Token budget of one model batch shared by concurrent requests (tokens estimated as
    /// UTF-8 bytes / 4).
    #[arg(long, value_name = "TOKENS", default_value_t = postguard_server::DEFAULT_BATCH_TOKENS, value_parser = crate::at_least_one_usize)]
    batch_tokens: usize,
    /// Longest wait, in milliseconds, for more requests to share a batch when the queue is
    /// short (0 = none).
    #[arg(long, value_name = "MS", default_value_t = 2)]
    max_batch_wait_ms: u64,
    /// Longest time one request may take, queue included, in seconds (then 503).
    #[arg(long, value_name = "SECONDS", default_value_t = 30, value_parser = crate::at_least_one)]
    request_timeout: u64,
    /// Longest wait on shutdown for accepted requests to finish, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    shutdown_timeout: u64,
    /// Log format on stderr.
    #[arg(long, value_enum, default_value_t = LogFormat::Text)]
    log_format: LogFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum LogFormat {
    Text,
    Json,
}

/// What `serve` failed with, and the exit code it maps to.
pub enum Failure {
    Usage(anyhow::Error),
    Model(anyhow::Error),
    Server(anyhow::Error),
}

fn parse_host(host: &str) -> Result<IpAddr, String> {
    match host {
        "localhost" => Ok(IpAddr::V4(Ipv4Addr::LOCALHOST)),
        "ip6-localhost" => Ok(IpAddr::V6(Ipv6Addr::LOCALHOST)),
        _ => {
            host.trim_start_matches('[').trim_end_matches(']').parse().map_err(|_| {
                format!("--host `{host}` is not an IP address (e.g. 127.0.0.1, ::1, 0.0.0.0) or `localhost`")
            })
        }
    }
}

fn init_logs(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("POSTGUARD_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn,postguard_server=info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()));
    let _ = match format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder.json().try_init(),
    };
}

pub fn run(eargs: &EngineArgs, args: &ServeArgs) -> Result<(), Failure> {
    let ip = parse_host(&args.host).map_err(|e| Failure::Usage(anyhow!(e)))?;
    let api_key = args.api_key.clone().filter(|k| !k.is_empty());
    postguard_server::check_exposure(ip, api_key.is_some(), args.allow_unauthenticated)
        .map_err(|e| Failure::Usage(e.into()))?;
    let config = {
        let mut c = ServerConfig::default();
        c.api_key = api_key;
        c.max_body_bytes = args.max_body_bytes;
        c.max_posts_per_request = args.max_posts_per_request;
        c.max_queued_posts = args.max_queued_posts;
        c.batch_tokens = args.batch_tokens;
        c.max_batch_wait = Duration::from_millis(args.max_batch_wait_ms);
        c.request_timeout = Duration::from_secs(args.request_timeout);
        c.shutdown_timeout = Duration::from_secs(args.shutdown_timeout);
        c
    };
    config.validate().map_err(|e| Failure::Usage(e.into()))?;
    // The rule packs are read (and their errors reported) before the port is taken.
    engine::rules(eargs).map_err(Failure::Model)?;
    init_logs(args.log_format);

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("postguard-http")
        .build()
        .context("starting the async runtime")
        .map_err(Failure::Server)?;
    runtime.block_on(async {
        let addr = SocketAddr::new(ip, args.port);
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("binding {addr}"))
            .map_err(Failure::Server)?;
        let local = listener.local_addr().context("reading the bound address").map_err(Failure::Server)?;
        let host = if local.is_ipv6() { format!("[{}]", local.ip()) } else { local.ip().to_string() };
        eprintln!(
            "postguard: listening on http://{host}:{} (loading the model; /readyz says when ready)",
            local.port()
        );
        let eargs = eargs.clone();
        let load = move || {
            engine::classifier(&eargs)
                .map(|(c, _)| c)
                .map_err(|e| -> Box<dyn std::error::Error + Send + Sync> { crate::report(&e).into() })
        };
        postguard_server::serve(listener, config, load, shutdown_signal()).await.map_err(|e| match e {
            ServeError::Load(e) => Failure::Model(anyhow!("{e}")),
            ServeError::Config(_) | ServeError::Unauthenticated(_) => Failure::Usage(e.into()),
            e => Failure::Server(e.into()),
        })
    })?;
    eprintln!("postguard: stopped");
    Ok(())
}

/// Ctrl-C, SIGTERM (what an orchestrator sends) or SIGHUP.
async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let (Ok(mut term), Ok(mut hup)) = (signal(SignalKind::terminate()), signal(SignalKind::hangup())) else {
            let _ = tokio::signal::ctrl_c().await;
            return;
        };
        tokio::select! {
            _ = tokio::signal::ctrl_c() => {}
            _ = term.recv() => {}
            _ = hup.recv() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}
