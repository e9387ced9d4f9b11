//! Load benchmark of `postguard serve`, loopback only, in one process and one run.
//!
//! ```text
//! pg-serve-load [--limit N] [--repeat N] [--server-bin PATH] [--model DIR] [--max-seconds S]
//!               [--json FILE] [--skip-saturation] [--skip-sigterm] [--server-arg=ARG ...]
//! ```
//!
//! 1. Times `Classifier::classify_batch` in-process over the corpus texts (no context, as
//!    `/v1/moderations` sends only texts): best of `--repeat` passes after a 64-post warm-up;
//!    then drops the classifier.
//! 2. Starts `postguard --model DIR serve --host 127.0.0.1 --port 0 --log-format json` as a
//!    child, reads the port from its stderr (drained on a thread, one JSON line per request),
//!    waits for `/readyz`.
//! 3. Runs 1, 8 and 64 clients (threads, one keep-alive connection each) with 1 and with 32
//!    posts per request, each scenario until the corpus has been sent once or `--max-seconds`:
//!    posts/s, ratio to the in-process figure, p50/p99 latency, non-200 answers, the server's
//!    `VmHWM`/`VmRSS`.
//! 4. SIGTERM under load (64 clients × 1 post): every request the server logged as answered
//!    must have reached its client; the server must exit 0 within 60 s (else SIGKILL).
//! 5. Saturation: a second server with `--max-queued-posts 64`, 256 clients × 1 post for
//!    `--saturation-seconds`: 200s, 429s (with `Retry-After`), other errors, liveness, RSS per
//!    second.
//!
//! Every request carries `x-request-id: TAG-CLIENT-SEQ`, so the server's access log can be
//! matched to what the clients saw. Every loop is bounded in count and time. The client threads
//! share the machine's cores with the server; each row says how the CPU time was split between
//! the server, this process and any other process (from `/proc/stat` and `/proc/PID/stat`).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStderr, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use clap::Parser;
use postguard::{Classifier, Post};
use serde::Serialize;
use serde_json::{Value, json};

/// How long the server may take to print its port and become ready.
const READY_TIMEOUT: Duration = Duration::from_secs(120);
/// How long a SIGTERM may take before the server is killed.
const EXIT_TIMEOUT: Duration = Duration::from_secs(60);
/// Overall limit of one HTTP request on the client side (the server's own limit is 30 s).
const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);
/// Most requests one scenario may send, whatever the time limit.
const MAX_REQUESTS: usize = 1_000_000;
/// Most non-access log lines kept for the report.
const MAX_OTHER_LINES: usize = 200;

#[derive(Parser, Debug)]
#[command(
    name = "pg-serve-load",
    about = "Loopback load benchmark of `postguard serve` against in-process classify_batch"
)]
struct Args {
    /// Use only the first N posts of the corpus.
    #[arg(long)]
    limit: Option<usize>,
    /// In-process passes over the corpus (the best counts).
    #[arg(long, default_value_t = 2)]
    repeat: usize,
    /// The `postguard` binary (default: target/release/postguard, else target/debug/postguard).
    #[arg(long)]
    server_bin: Option<PathBuf>,
    /// Model directory, for the in-process baseline and the server (default: models/postguard-default).
    #[arg(long)]
    model: Option<PathBuf>,
    /// Corpus, JSONL with `text` (default: benches/corpus/posts.jsonl).
    #[arg(long)]
    corpus: Option<PathBuf>,
    /// Time limit of each scenario, in seconds (a scenario also stops once the corpus is sent).
    #[arg(long, default_value_t = 60.0)]
    max_seconds: f64,
    /// Queue of the server used for the throughput scenarios (`--max-queued-posts`).
    #[arg(long, default_value_t = 4096)]
    max_queued_posts: usize,
    /// Duration of the saturation run, in seconds.
    #[arg(long, default_value_t = 15.0)]
    saturation_seconds: f64,
    /// Seconds of load before SIGTERM in the shutdown run.
    #[arg(long, default_value_t = 2.0)]
    sigterm_after: f64,
    /// Also write the results as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Skip the saturation run.
    #[arg(long)]
    skip_saturation: bool,
    /// Skip the SIGTERM-under-load run (the server is then stopped idle).
    #[arg(long)]
    skip_sigterm: bool,
    /// One more argument for both servers' `serve` (repeatable), e.g. `--server-arg=--max-batch-wait-ms
    /// --server-arg=0`.
    #[arg(long = "server-arg", value_name = "ARG", allow_hyphen_values = true)]
    server_args: Vec<String>,
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

// ---------------------------------------------------------------------------------------------
// Machine, corpus, baseline

#[derive(Debug, Serialize)]
struct Cpu {
    model_name: String,
    /// `family F model M stepping S` (a virtual machine often hides the marketing name).
    family_model: String,
    avx512_vnni: bool,
    logical_cpus: usize,
    available_parallelism: usize,
}

fn cpu() -> Cpu {
    let info = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model_name = info
        .lines()
        .find_map(|l| l.strip_prefix("model name").and_then(|r| r.split_once(':')).map(|(_, v)| v.trim().to_owned()))
        .unwrap_or_else(|| "unknown".to_owned());
    let field = |name: &str| {
        info.lines()
            .find_map(|l| l.split_once(':').filter(|(k, _)| k.trim() == name).map(|(_, v)| v.trim().to_owned()))
            .unwrap_or_else(|| "?".to_owned())
    };
    let family_model =
        format!("family {} model {} stepping {}", field("cpu family"), field("model"), field("stepping"));
    let avx512_vnni = field("flags").split_whitespace().any(|f| f == "avx512_vnni");
    let logical_cpus = info.lines().filter(|l| l.starts_with("processor")).count();
    let available_parallelism = std::thread::available_parallelism().map_or(0, |n| n.get());
    Cpu { model_name, family_model, avx512_vnni, logical_cpus, available_parallelism }
}

/// The corpus texts (contexts dropped) and how many of them had a context.
fn load_corpus(path: &Path, limit: Option<usize>) -> Result<(Vec<String>, usize), String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    let mut posts = postguard_benches::parse_jsonl(&raw);
    if let Some(n) = limit {
        posts.truncate(n);
    }
    if posts.is_empty() {
        return Err(format!("{} has no posts", path.display()));
    }
    let with_context = posts.iter().filter(|p| p.context.is_some()).count();
    Ok((posts.into_iter().map(|p| p.text).collect(), with_context))
}

#[derive(Debug, Serialize)]
struct Baseline {
    posts: usize,
    load_s: f64,
    precision: String,
    passes_posts_per_s: Vec<f64>,
    posts_per_s: f64,
    /// For reference: `classify_batch` called on chunks of 32 posts (what 32-post requests give
    /// the server's batcher at most, when they do not share a batch), best pass.
    chunked_32_posts_per_s: f64,
    bench_process_vmhwm_mb: Option<f64>,
    cpu: Option<CpuShare>,
}

fn baseline(model: &Path, texts: &[String], repeat: usize) -> Result<Baseline, String> {
    let t0 = Instant::now();
    let classifier = Classifier::from_dir(model).map_err(|e| format!("loading {}: {e}", model.display()))?;
    let load_s = t0.elapsed().as_secs_f64();
    let posts: Vec<Post> = texts.iter().map(|t| Post::new(t.clone())).collect();
    classifier.classify_batch(&posts[..posts.len().min(64)]).map_err(|e| format!("warm-up: {e}"))?;
    let mut passes = Vec::new();
    let cpu_before = cpu_snap(None);
    for _ in 0..repeat.max(1) {
        let t = Instant::now();
        let verdicts = classifier.classify_batch(&posts).map_err(|e| format!("classify_batch: {e}"))?;
        let s = t.elapsed().as_secs_f64();
        if verdicts.len() != posts.len() {
            return Err(format!("classify_batch returned {} verdicts for {} posts", verdicts.len(), posts.len()));
        }
        passes.push(posts.len() as f64 / s);
    }
    let mut chunked_32_posts_per_s: f64 = 0.0;
    for _ in 0..repeat.max(1) {
        let t = Instant::now();
        for chunk in posts.chunks(32) {
            classifier.classify_batch(chunk).map_err(|e| format!("classify_batch: {e}"))?;
        }
        chunked_32_posts_per_s = chunked_32_posts_per_s.max(posts.len() as f64 / t.elapsed().as_secs_f64());
    }
    let cpu = cpu_share(cpu_before, cpu_snap(None));
    let precision = classifier.model_info().precision.clone();
    // The server is a separate process; this one must not hold the model while it runs.
    drop(classifier);
    let posts_per_s = passes.iter().copied().fold(0.0, f64::max);
    let bench_process_vmhwm_mb = proc_mem(std::process::id()).map(|m| m.vmhwm_mb);
    Ok(Baseline {
        posts: posts.len(),
        load_s,
        precision,
        passes_posts_per_s: passes,
        posts_per_s,
        chunked_32_posts_per_s,
        bench_process_vmhwm_mb,
        cpu,
    })
}

// ---------------------------------------------------------------------------------------------
// /proc

#[derive(Debug, Clone, Copy, Serialize)]
struct Mem {
    vmhwm_mb: f64,
    vmrss_mb: f64,
    threads: u64,
}

/// CPU time counters (in USER_HZ ticks) at one instant: the machine's, this process's (the
/// clients) and the server's, to tell how much of the machine other processes took meanwhile.
#[derive(Debug, Clone, Copy)]
struct CpuSnap {
    total: u64,
    busy: u64,
    own: u64,
    server: u64,
}

/// Shares of the machine's CPU time over an interval, in percent of all its CPUs.
#[derive(Debug, Clone, Copy, Serialize)]
struct CpuShare {
    busy_pct: f64,
    bench_process_pct: f64,
    server_pct: f64,
    /// Everything else on the machine (another build, tests, ...): the figures are only
    /// comparable when this is near 0.
    other_pct: f64,
}

fn proc_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
}

fn cpu_snap(server: Option<u32>) -> Option<CpuSnap> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    let v: Vec<u64> = stat.lines().next()?.split_whitespace().skip(1).filter_map(|x| x.parse().ok()).collect();
    // user nice system idle iowait irq softirq steal (guest time is already in user).
    let total: u64 = v.iter().take(8).sum();
    let idle = v.get(3)? + v.get(4).copied().unwrap_or(0);
    Some(CpuSnap {
        total,
        busy: total - idle,
        own: proc_ticks(std::process::id())?,
        server: server.and_then(proc_ticks).unwrap_or(0),
    })
}

fn cpu_share(a: Option<CpuSnap>, b: Option<CpuSnap>) -> Option<CpuShare> {
    let (a, b) = (a?, b?);
    let total = b.total.checked_sub(a.total).filter(|t| *t > 0)? as f64;
    let pct = |x: u64, y: u64| y.saturating_sub(x) as f64 / total * 100.0;
    let (busy, own, server) = (pct(a.busy, b.busy), pct(a.own, b.own), pct(a.server, b.server));
    Some(CpuShare {
        busy_pct: busy,
        bench_process_pct: own,
        server_pct: server,
        other_pct: (busy - own - server).max(0.0),
    })
}

fn proc_mem(pid: u32) -> Option<Mem> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let field = |name: &str| -> Option<f64> {
        status.lines().find_map(|l| l.strip_prefix(name))?.trim().trim_end_matches("kB").trim().parse().ok()
    };
    Some(Mem {
        vmhwm_mb: field("VmHWM:")? / 1024.0,
        vmrss_mb: field("VmRSS:")? / 1024.0,
        threads: field("Threads:").unwrap_or(0.0) as u64,
    })
}

// ---------------------------------------------------------------------------------------------
// The server child and its log

#[derive(Debug, Default)]
struct LogState {
    /// Status counts of logged `POST /v1/moderations` requests, per request-id tag.
    by_tag: BTreeMap<String, BTreeMap<u16, u64>>,
    /// Request id -> status, for the tag in `track_tag`.
    tracked: HashMap<String, u16>,
    track_tag: Option<String>,
    lines: u64,
    /// Lines that are not access-log lines (startup, shutdown, warnings), the first few.
    other: Vec<String>,
    other_dropped: u64,
}

impl LogState {
    fn logged(&self, tag: &str, status: u16) -> u64 {
        self.by_tag.get(tag).and_then(|m| m.get(&status)).copied().unwrap_or(0)
    }

    fn record(&mut self, line: &str) {
        self.lines += 1;
        let parsed: Option<Value> = serde_json::from_str(line).ok();
        let access = parsed.as_ref().and_then(|v| {
            let f = v.get("fields")?;
            (f.get("message")?.as_str()? == "request").then_some(f)
        });
        let Some(f) = access else {
            if self.other.len() < MAX_OTHER_LINES {
                self.other.push(line.to_owned());
            } else {
                self.other_dropped += 1;
            }
            return;
        };
        let text = |k: &str| f.get(k).and_then(Value::as_str).unwrap_or("");
        let status = f
            .get("status")
            .and_then(|s| s.as_u64().or_else(|| s.as_str().and_then(|s| s.parse().ok())))
            .map_or(0, |s| u16::try_from(s).unwrap_or(0));
        if text("method") == "POST" && text("route") == "/v1/moderations" {
            let id = text("request_id");
            let tag = id.split('-').next().unwrap_or("").to_owned();
            if self.track_tag.as_deref() == Some(tag.as_str()) {
                self.tracked.insert(id.to_owned(), status);
            }
            *self.by_tag.entry(tag).or_default().entry(status).or_default() += 1;
        }
    }
}

fn listen_port(line: &str) -> Option<u16> {
    let rest = line.split_once("listening on http://")?.1;
    let addr = rest.split_whitespace().next()?;
    addr.rsplit_once(':')?.1.parse().ok()
}

fn drain(stderr: ChildStderr, log: Arc<Mutex<LogState>>, port_tx: mpsc::Sender<u16>) {
    let mut reader = BufReader::new(stderr);
    let mut buf = Vec::new();
    let mut port_tx = Some(port_tx);
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) | Err(_) => break,
            Ok(_) => {}
        }
        let line = String::from_utf8_lossy(&buf);
        let line = line.trim_end();
        if let Some(port) = port_tx.as_ref().and_then(|_| listen_port(line)) {
            if let Some(tx) = port_tx.take() {
                let _ = tx.send(port);
            }
            continue;
        }
        log.lock().expect("log lock").record(line);
    }
}

#[derive(Debug, Clone, Serialize)]
struct Exit {
    code: Option<i32>,
    signal_to_exit_s: f64,
    killed_after_timeout: bool,
}

#[derive(Debug)]
struct Server {
    child: Child,
    pid: u32,
    port: u16,
    log: Arc<Mutex<LogState>>,
    drain: Option<JoinHandle<()>>,
}

impl Server {
    fn start(bin: &Path, model: &Path, extra: &[String]) -> Result<Self, String> {
        let mut cmd = Command::new(bin);
        cmd.arg("--model").arg(model);
        cmd.args(["serve", "--host", "127.0.0.1", "--port", "0", "--log-format", "json"]).args(extra);
        cmd.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::piped());
        let mut child = cmd.spawn().map_err(|e| format!("starting {}: {e}", bin.display()))?;
        let pid = child.id();
        let stderr = child.stderr.take().ok_or("no stderr pipe")?;
        let log = Arc::new(Mutex::new(LogState::default()));
        let (tx, rx) = mpsc::channel();
        let drain = {
            let log = Arc::clone(&log);
            std::thread::Builder::new()
                .name("server-stderr".to_owned())
                .spawn(move || drain(stderr, log, tx))
                .map_err(|e| format!("spawning the stderr thread: {e}"))?
        };
        let mut server = Self { child, pid, port: 0, log, drain: Some(drain) };
        let deadline = Instant::now() + READY_TIMEOUT;
        server.port = loop {
            match rx.recv_timeout(Duration::from_millis(200)) {
                Ok(port) => break port,
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    return Err(format!("the server exited before listening: {:?}", server.other_lines()));
                }
                Err(mpsc::RecvTimeoutError::Timeout) if Instant::now() >= deadline => {
                    return Err("the server printed no port within 120 s".to_owned());
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
            }
        };
        let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(2)).build();
        let url = format!("{}/readyz", server.base());
        loop {
            if let Ok(Some(status)) = server.child.try_wait() {
                return Err(format!("the server exited ({status}) while loading: {:?}", server.other_lines()));
            }
            match agent.get(&url).call() {
                Ok(r) if r.status() == 200 => return Ok(server),
                _ if Instant::now() >= deadline => return Err("/readyz was not 200 within 120 s".to_owned()),
                _ => std::thread::sleep(Duration::from_millis(200)),
            }
        }
    }

    fn base(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn mem(&self) -> Option<Mem> {
        proc_mem(self.pid)
    }

    fn other_lines(&self) -> Vec<String> {
        self.log.lock().expect("log lock").other.clone()
    }

    fn sigterm(&self) -> Instant {
        let at = Instant::now();
        match Command::new("kill").arg("-TERM").arg(self.pid.to_string()).status() {
            Ok(s) if s.success() => {}
            other => eprintln!("pg-serve-load: kill -TERM {} failed: {other:?}", self.pid),
        }
        at
    }

    /// Waits (bounded) for the exit after a SIGTERM sent at `sent`; SIGKILL past the limit.
    /// Then reads the rest of its stderr.
    fn wait_exit(&mut self, sent: Instant) -> Exit {
        let deadline = sent + EXIT_TIMEOUT;
        let (status, killed) = loop {
            match self.child.try_wait() {
                Ok(Some(status)) => break (Some(status), false),
                Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(10)),
                _ => {
                    let _ = self.child.kill();
                    break (self.child.wait().ok(), true);
                }
            }
        };
        let signal_to_exit_s = sent.elapsed().as_secs_f64();
        if let Some(t) = self.drain.take() {
            let _ = t.join();
        }
        Exit { code: status.and_then(|s| s.code()), signal_to_exit_s, killed_after_timeout: killed }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

fn get_status(url: &str) -> Result<u16, String> {
    let agent = ureq::AgentBuilder::new().timeout(Duration::from_secs(5)).build();
    match agent.get(url).call() {
        Ok(r) => Ok(r.status()),
        Err(ureq::Error::Status(code, _)) => Ok(code),
        Err(ureq::Error::Transport(t)) => Err(transport_kind(&t)),
    }
}

// ---------------------------------------------------------------------------------------------
// Clients

#[derive(Debug, Clone, Copy)]
struct Load<'a> {
    /// Request-id prefix; no `-`.
    tag: &'a str,
    clients: usize,
    per_request: usize,
    texts: &'a [String],
    /// Send the corpus once (false) or cycle through it until the time limit (true).
    wrap: bool,
    seconds: f64,
    /// A client stops at its first transport error (else it pauses 20 ms and goes on).
    stop_on_error: bool,
}

#[derive(Debug)]
struct Rec {
    client: u32,
    seq: u32,
    posts: u32,
    /// 0: no HTTP answer (see `error`).
    status: u16,
    latency_s: f64,
    retry_after: bool,
    /// A 200 whose body has one result per post.
    body_ok: bool,
    error: Option<String>,
}

#[derive(Debug)]
struct Outcome {
    recs: Vec<Rec>,
    wall_s: f64,
    hit_time_limit: bool,
}

#[derive(Serialize)]
struct OneInput<'a> {
    input: &'a str,
}

#[derive(Serialize)]
struct ManyInputs<'a> {
    input: Vec<&'a str>,
}

fn transport_kind(t: &ureq::Transport) -> String {
    let io = std::error::Error::source(t).and_then(|s| s.downcast_ref::<std::io::Error>());
    match (t.kind(), io) {
        (ureq::ErrorKind::ConnectionFailed, Some(e)) => format!("connect: {:?}", e.kind()),
        (ureq::ErrorKind::Io, Some(e)) => format!("io: {:?}", e.kind()),
        (kind, _) => format!("{kind:?}: {t}"),
    }
}

fn run_load(base: &str, load: Load<'_>) -> Outcome {
    let url = format!("{base}/v1/moderations");
    let cursor = AtomicUsize::new(0);
    let issued = AtomicUsize::new(0);
    let hit_time_limit = AtomicBool::new(false);
    let start = Instant::now();
    let deadline = start + Duration::from_secs_f64(load.seconds);
    let n = load.texts.len();
    let recs: Vec<Rec> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..load.clients)
            .map(|client| {
                let (url, cursor, issued, hit_time_limit) = (&url, &cursor, &issued, &hit_time_limit);
                s.spawn(move || {
                    let agent = ureq::AgentBuilder::new()
                        .timeout_connect(Duration::from_secs(5))
                        .timeout(REQUEST_TIMEOUT)
                        .max_idle_connections(1)
                        .max_idle_connections_per_host(1)
                        .build();
                    let mut recs = Vec::new();
                    for seq in 0..MAX_REQUESTS {
                        if Instant::now() >= deadline {
                            hit_time_limit.store(true, Ordering::Relaxed);
                            break;
                        }
                        if issued.fetch_add(1, Ordering::Relaxed) >= MAX_REQUESTS {
                            break;
                        }
                        let first = cursor.fetch_add(load.per_request, Ordering::Relaxed);
                        let batch: Vec<&str> = if load.wrap {
                            (first..first + load.per_request).map(|i| load.texts[i % n].as_str()).collect()
                        } else if first < n {
                            load.texts[first..(first + load.per_request).min(n)].iter().map(String::as_str).collect()
                        } else {
                            break;
                        };
                        let body = if load.per_request == 1 {
                            serde_json::to_string(&OneInput { input: batch[0] })
                        } else {
                            serde_json::to_string(&ManyInputs { input: batch.clone() })
                        }
                        .expect("serialises");
                        let id = format!("{}-{client}-{seq}", load.tag);
                        let t = Instant::now();
                        let result = agent
                            .post(url)
                            .set("Content-Type", "application/json")
                            .set("x-request-id", &id)
                            .send_string(&body);
                        let mut rec = Rec {
                            client: client as u32,
                            seq: seq as u32,
                            posts: batch.len() as u32,
                            status: 0,
                            latency_s: 0.0,
                            retry_after: false,
                            body_ok: false,
                            error: None,
                        };
                        let mut failed = false;
                        match result {
                            Ok(resp) => {
                                rec.status = resp.status();
                                let text = resp.into_string();
                                rec.latency_s = t.elapsed().as_secs_f64();
                                match text {
                                    Ok(text) => {
                                        rec.body_ok = serde_json::from_str::<Value>(&text).ok().is_some_and(|v| {
                                            v["results"].as_array().is_some_and(|r| r.len() == batch.len())
                                        });
                                    }
                                    Err(e) => rec.error = Some(format!("reading body: {:?}", e.kind())),
                                }
                            }
                            Err(ureq::Error::Status(code, resp)) => {
                                rec.status = code;
                                rec.retry_after = resp.header("retry-after").is_some();
                                let _ = resp.into_string();
                            }
                            Err(ureq::Error::Transport(t)) => {
                                rec.error = Some(transport_kind(&t));
                                failed = true;
                            }
                        }
                        if rec.latency_s == 0.0 {
                            rec.latency_s = t.elapsed().as_secs_f64();
                        }
                        recs.push(rec);
                        if failed {
                            if load.stop_on_error {
                                break;
                            }
                            std::thread::sleep(Duration::from_millis(20));
                        }
                    }
                    recs
                })
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().expect("client thread")).collect()
    });
    Outcome { recs, wall_s: start.elapsed().as_secs_f64(), hit_time_limit: hit_time_limit.load(Ordering::Relaxed) }
}

fn percentile_ms(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1] * 1e3
}

fn counts(outcome: &Outcome) -> (BTreeMap<String, u64>, BTreeMap<String, u64>) {
    let mut statuses = BTreeMap::new();
    let mut errors = BTreeMap::new();
    for r in &outcome.recs {
        if r.status != 0 {
            *statuses.entry(r.status.to_string()).or_insert(0) += 1;
        }
        if let Some(e) = &r.error {
            *errors.entry(e.clone()).or_insert(0) += 1;
        }
    }
    (statuses, errors)
}

// ---------------------------------------------------------------------------------------------
// Scenarios

#[derive(Debug, Serialize)]
struct Scenario {
    name: String,
    clients: usize,
    posts_per_request: usize,
    requests: usize,
    posts_ok: u64,
    seconds: f64,
    stopped_by: &'static str,
    posts_per_s: f64,
    ratio_to_in_process: f64,
    p50_ms: f64,
    p99_ms: f64,
    max_ms: f64,
    non_200: usize,
    bad_bodies: usize,
    statuses: BTreeMap<String, u64>,
    client_errors: BTreeMap<String, u64>,
    server_logged_200: u64,
    server_mem_after: Option<Mem>,
    cpu: Option<CpuShare>,
}

fn scenario(server: &Server, name: &str, tag: &str, load: Load<'_>, baseline_pps: f64) -> Scenario {
    let before = cpu_snap(Some(server.pid));
    let outcome = run_load(&server.base(), Load { tag, ..load });
    let cpu = cpu_share(before, cpu_snap(Some(server.pid)));
    let mem = server.mem();
    let ok: Vec<&Rec> = outcome.recs.iter().filter(|r| r.status == 200).collect();
    let posts_ok: u64 = ok.iter().map(|r| u64::from(r.posts)).sum();
    let mut lat: Vec<f64> = ok.iter().map(|r| r.latency_s).collect();
    lat.sort_by(f64::total_cmp);
    let (statuses, client_errors) = counts(&outcome);
    // The access-log line is written before the response leaves; give the pipe a moment.
    std::thread::sleep(Duration::from_millis(200));
    let server_logged_200 = server.log.lock().expect("log lock").logged(tag, 200);
    let posts_per_s = posts_ok as f64 / outcome.wall_s;
    Scenario {
        name: name.to_owned(),
        clients: load.clients,
        posts_per_request: load.per_request,
        requests: outcome.recs.len(),
        posts_ok,
        seconds: outcome.wall_s,
        stopped_by: if outcome.hit_time_limit { "time" } else { "corpus sent" },
        posts_per_s,
        ratio_to_in_process: posts_per_s / baseline_pps,
        p50_ms: percentile_ms(&lat, 0.50),
        p99_ms: percentile_ms(&lat, 0.99),
        max_ms: lat.last().map_or(f64::NAN, |s| s * 1e3),
        non_200: outcome.recs.len() - ok.len(),
        bad_bodies: ok.iter().filter(|r| !r.body_ok).count(),
        statuses,
        client_errors,
        server_logged_200,
        server_mem_after: mem,
        cpu,
    }
}

#[derive(Debug, Serialize)]
struct Sigterm {
    clients: usize,
    sigterm_after_s: f64,
    client_200: u64,
    client_other_statuses: BTreeMap<String, u64>,
    client_errors: BTreeMap<String, u64>,
    server_logged_200: u64,
    server_logged_other: BTreeMap<String, u64>,
    /// Logged 200 by the server, never received by its client.
    lost_answered: Vec<String>,
    /// Client errors on requests the server logged (i.e. had accepted).
    errors_on_accepted: Vec<String>,
    /// Received 200 that the server did not log.
    unlogged_200: usize,
    no_accepted_request_lost: bool,
    exit: Exit,
    mem_before_signal: Option<Mem>,
}

fn sigterm_run(server: &mut Server, texts: &[String], after_s: f64, max_seconds: f64) -> Sigterm {
    let tag = "term";
    server.log.lock().expect("log lock").track_tag = Some(tag.to_owned());
    let clients = 64;
    let load = Load { tag, clients, per_request: 1, texts, wrap: true, seconds: max_seconds, stop_on_error: true };
    let base = server.base();
    let (outcome, exit, mem) = std::thread::scope(|s| {
        let load_thread = s.spawn(|| run_load(&base, load));
        std::thread::sleep(Duration::from_secs_f64(after_s));
        let mem = server.mem();
        let sent = server.sigterm();
        let exit = server.wait_exit(sent);
        (load_thread.join().expect("load thread"), exit, mem)
    });
    let log = server.log.lock().expect("log lock");
    let id = |r: &Rec| format!("{tag}-{}-{}", r.client, r.seq);
    let received_200: HashSet<String> = outcome.recs.iter().filter(|r| r.status == 200).map(id).collect();
    let mut lost_answered: Vec<String> =
        log.tracked.iter().filter(|(k, s)| **s == 200 && !received_200.contains(*k)).map(|(k, _)| k.clone()).collect();
    lost_answered.sort();
    let errors_on_accepted: Vec<String> = outcome
        .recs
        .iter()
        .filter(|r| r.status == 0 && log.tracked.contains_key(&id(r)))
        .map(|r| format!("{} ({})", id(r), r.error.as_deref().unwrap_or("")))
        .collect();
    let unlogged_200 = received_200.iter().filter(|k| log.tracked.get(*k) != Some(&200)).count();
    let (mut statuses, client_errors) = counts(&outcome);
    let client_200 = statuses.remove("200").unwrap_or(0);
    let server_logged_200 = log.logged(tag, 200);
    let server_logged_other = log
        .by_tag
        .get(tag)
        .map(|m| m.iter().filter(|(s, _)| **s != 200).map(|(s, n)| (s.to_string(), *n)).collect())
        .unwrap_or_default();
    let no_accepted_request_lost =
        server_logged_200 == client_200 && lost_answered.is_empty() && errors_on_accepted.is_empty();
    Sigterm {
        clients,
        sigterm_after_s: after_s,
        client_200,
        client_other_statuses: statuses,
        client_errors,
        server_logged_200,
        server_logged_other,
        lost_answered,
        errors_on_accepted,
        unlogged_200,
        no_accepted_request_lost,
        exit,
        mem_before_signal: mem,
    }
}

#[derive(Debug, Serialize)]
struct RssSample {
    t_s: f64,
    vmrss_mb: f64,
    vmhwm_mb: f64,
    threads: u64,
}

#[derive(Debug, Serialize)]
struct Saturation {
    clients: usize,
    max_queued_posts: usize,
    seconds: f64,
    stopped_by: &'static str,
    requests: usize,
    ok_200: u64,
    too_many_429: u64,
    retry_after_on_all_429: bool,
    other_statuses: BTreeMap<String, u64>,
    client_errors: BTreeMap<String, u64>,
    p50_ms_200: f64,
    p99_ms_200: f64,
    p50_ms_429: f64,
    server_logged_200: u64,
    server_logged_429: u64,
    healthz_after: Result<u16, String>,
    readyz_after: Result<u16, String>,
    rss_samples: Vec<RssSample>,
    cpu: Option<CpuShare>,
    exit: Exit,
    server_stderr_lines: u64,
    server_non_request_lines: Vec<String>,
}

fn saturation_run(
    bin: &Path,
    model: &Path,
    texts: &[String],
    seconds: f64,
    extra: &[String],
) -> Result<Saturation, String> {
    let queue = 64;
    let mut serve_args = vec![
        "--max-queued-posts".to_owned(),
        queue.to_string(),
        "--max-posts-per-request".to_owned(),
        queue.to_string(),
    ];
    serve_args.extend(extra.iter().cloned());
    let mut server = Server::start(bin, model, &serve_args)?;
    let tag = "sat";
    let clients = 256;
    let load = Load { tag, clients, per_request: 1, texts, wrap: true, seconds, stop_on_error: false };
    let base = server.base();
    let done = AtomicBool::new(false);
    let before = cpu_snap(Some(server.pid));
    let (outcome, samples) = std::thread::scope(|s| {
        let sampler = s.spawn(|| {
            let t0 = Instant::now();
            let mut samples = Vec::new();
            // One sample a second, bounded by the run's length (plus slack for slow requests).
            let most = (seconds + REQUEST_TIMEOUT.as_secs_f64()).ceil() as usize + 2;
            for _ in 0..most {
                if let Some(m) = server.mem() {
                    samples.push(RssSample {
                        t_s: t0.elapsed().as_secs_f64(),
                        vmrss_mb: m.vmrss_mb,
                        vmhwm_mb: m.vmhwm_mb,
                        threads: m.threads,
                    });
                }
                let next = Instant::now() + Duration::from_secs(1);
                while Instant::now() < next && !done.load(Ordering::Relaxed) {
                    std::thread::sleep(Duration::from_millis(50));
                }
                if done.load(Ordering::Relaxed) {
                    break;
                }
            }
            samples
        });
        let outcome = run_load(&base, load);
        done.store(true, Ordering::Relaxed);
        (outcome, sampler.join().expect("sampler"))
    });
    let cpu = cpu_share(before, cpu_snap(Some(server.pid)));
    let mut samples = samples;
    if let Some(m) = server.mem() {
        samples.push(RssSample { t_s: outcome.wall_s, vmrss_mb: m.vmrss_mb, vmhwm_mb: m.vmhwm_mb, threads: m.threads });
    }
    let healthz_after = get_status(&format!("{base}/healthz"));
    let readyz_after = get_status(&format!("{base}/readyz"));
    let (mut statuses, client_errors) = counts(&outcome);
    let ok_200 = statuses.remove("200").unwrap_or(0);
    let too_many_429 = statuses.remove("429").unwrap_or(0);
    let retry_after_on_all_429 = outcome.recs.iter().filter(|r| r.status == 429).all(|r| r.retry_after);
    let sorted = |status: u16| {
        let mut v: Vec<f64> = outcome.recs.iter().filter(|r| r.status == status).map(|r| r.latency_s).collect();
        v.sort_by(f64::total_cmp);
        v
    };
    let (lat200, lat429) = (sorted(200), sorted(429));
    let sent = server.sigterm();
    let exit = server.wait_exit(sent);
    let log = server.log.lock().expect("log lock");
    Ok(Saturation {
        clients,
        max_queued_posts: queue,
        seconds: outcome.wall_s,
        stopped_by: if outcome.hit_time_limit { "time" } else { "request cap" },
        requests: outcome.recs.len(),
        ok_200,
        too_many_429,
        retry_after_on_all_429,
        other_statuses: statuses,
        client_errors,
        p50_ms_200: percentile_ms(&lat200, 0.5),
        p99_ms_200: percentile_ms(&lat200, 0.99),
        p50_ms_429: percentile_ms(&lat429, 0.5),
        server_logged_200: log.logged(tag, 200),
        server_logged_429: log.logged(tag, 429),
        healthz_after,
        readyz_after,
        rss_samples: samples,
        cpu,
        exit,
        server_stderr_lines: log.lines,
        server_non_request_lines: log.other.clone(),
    })
}

// ---------------------------------------------------------------------------------------------
// Report

fn fmt_mem(m: Option<Mem>) -> String {
    m.map_or_else(|| "-".to_owned(), |m| format!("{:.0} / {:.0}", m.vmhwm_mb, m.vmrss_mb))
}

fn fmt_cpu(c: Option<CpuShare>) -> String {
    c.map_or_else(
        || "-".to_owned(),
        |c| format!("{:.0} / {:.0} / {:.0}", c.server_pct, c.bench_process_pct, c.other_pct),
    )
}

fn fmt_map(m: &BTreeMap<String, u64>) -> String {
    if m.is_empty() {
        return "none".to_owned();
    }
    m.iter().map(|(k, v)| format!("{k}: {v}")).collect::<Vec<_>>().join(", ")
}

fn print_scenarios(baseline: &Baseline, rows: &[Scenario]) {
    println!();
    println!(
        "| scenario | requests | posts | s | posts/s | × in-process | p50 ms | p99 ms | non-200 | server 200 logged \
         | server VmHWM / VmRSS MB | CPU % server / bench / other |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    println!(
        "| in-process `classify_batch` (best of {}) | - | {} | - | {:.1} | 1.00 | - | - | - | - | - | {} |",
        baseline.passes_posts_per_s.len(),
        baseline.posts,
        baseline.posts_per_s,
        fmt_cpu(baseline.cpu)
    );
    println!(
        "| in-process, chunks of 32 posts (reference) | - | {} | - | {:.1} | {:.2} | - | - | - | - | - | |",
        baseline.posts,
        baseline.chunked_32_posts_per_s,
        baseline.chunked_32_posts_per_s / baseline.posts_per_s
    );
    for r in rows {
        println!(
            "| {} | {} | {} | {:.1} | {:.1} | {:.2} | {:.1} | {:.1} | {} | {} | {} | {} |",
            r.name,
            r.requests,
            r.posts_ok,
            r.seconds,
            r.posts_per_s,
            r.ratio_to_in_process,
            r.p50_ms,
            r.p99_ms,
            r.non_200,
            r.server_logged_200,
            fmt_mem(r.server_mem_after),
            fmt_cpu(r.cpu)
        );
    }
    for r in rows {
        let mut notes = Vec::new();
        if r.stopped_by == "time" {
            notes.push("stopped by the time limit".to_owned());
        }
        if r.non_200 > 0 {
            notes.push(format!("statuses {}; client errors {}", fmt_map(&r.statuses), fmt_map(&r.client_errors)));
        }
        if r.bad_bodies > 0 {
            notes.push(format!("{} 200 answers without one result per post", r.bad_bodies));
        }
        let client_200 = r.statuses.get("200").copied().unwrap_or(0);
        if r.server_logged_200 != client_200 {
            notes.push(format!("server logged {} 200s, clients received {client_200}", r.server_logged_200));
        }
        if !notes.is_empty() {
            println!("  {}: {}", r.name, notes.join("; "));
        }
    }
}

fn print_sigterm(t: &Sigterm) {
    println!();
    println!("SIGTERM under load ({} clients × 1 post, SIGTERM after {:.1} s):", t.clients, t.sigterm_after_s);
    println!("  (a) 200s received by clients:          {}", t.client_200);
    println!(
        "  (b) client errors:                     {} ({})",
        t.client_errors.values().sum::<u64>(),
        fmt_map(&t.client_errors)
    );
    println!("  (c) POST /v1/moderations 200s logged:  {}", t.server_logged_200);
    println!(
        "  other statuses received / logged:      {} / {}",
        fmt_map(&t.client_other_statuses),
        fmt_map(&t.server_logged_other)
    );
    println!("  logged 200 but not received:           {}", t.lost_answered.len());
    println!("  errors on requests the server logged:  {}", t.errors_on_accepted.len());
    println!("  200 received but not logged:           {}", t.unlogged_200);
    println!(
        "  no accepted request lost:              {}",
        if t.no_accepted_request_lost { "yes ((c) == (a), every error on an unlogged request)" } else { "NO" }
    );
    println!(
        "  server exit: code {:?}, {:.2} s after SIGTERM{}",
        t.exit.code,
        t.exit.signal_to_exit_s,
        if t.exit.killed_after_timeout { ", KILLED after 60 s" } else { "" }
    );
    for x in t.lost_answered.iter().chain(&t.errors_on_accepted).take(10) {
        println!("    {x}");
    }
}

fn print_saturation(s: &Saturation) {
    println!();
    println!(
        "Saturation ({} clients × 1 post, --max-queued-posts {}, {:.1} s, stopped by {}, no client back-off):",
        s.clients, s.max_queued_posts, s.seconds, s.stopped_by
    );
    println!(
        "  requests {}: 200 {} (p50 {:.1} ms, p99 {:.1} ms), 429 {} (p50 {:.1} ms, Retry-After on every 429: {})",
        s.requests,
        s.ok_200,
        s.p50_ms_200,
        s.p99_ms_200,
        s.too_many_429,
        s.p50_ms_429,
        if s.retry_after_on_all_429 { "yes" } else { "NO" }
    );
    println!("  other statuses: {}; client errors: {}", fmt_map(&s.other_statuses), fmt_map(&s.client_errors));
    println!(
        "  server logged: 200 {}, 429 {} (the server logs 429s at debug level only, with a summary line at most once a second)",
        s.server_logged_200, s.server_logged_429
    );
    println!("  CPU % of the machine, server / bench (clients) / other processes: {}", fmt_cpu(s.cpu));
    println!("  after the run: /healthz {:?}, /readyz {:?}", s.healthz_after, s.readyz_after);
    let rss: Vec<String> = s.rss_samples.iter().map(|r| format!("{:.0}", r.vmrss_mb)).collect();
    println!("  server VmRSS MB, one sample a second: {}", rss.join(" "));
    if let Some(last) = s.rss_samples.last() {
        println!("  server VmHWM at the end: {:.0} MB, threads {}", last.vmhwm_mb, last.threads);
    }
    println!(
        "  server exit after SIGTERM: code {:?}, {:.2} s{}",
        s.exit.code,
        s.exit.signal_to_exit_s,
        if s.exit.killed_after_timeout { ", KILLED after 60 s" } else { "" }
    );
    print_lines("saturation server", s.server_stderr_lines, &s.server_non_request_lines, 0);
}

fn print_lines(what: &str, total: u64, other: &[String], dropped: u64) {
    println!();
    println!("{what}: {total} stderr lines; those that are not request lines:");
    for l in other {
        println!("  {}", l.chars().take(300).collect::<String>());
    }
    if dropped > 0 {
        println!("  ... and {dropped} more");
    }
}

fn main() {
    let args = Args::parse();
    if let Err(e) = run(&args) {
        eprintln!("pg-serve-load: {e}");
        std::process::exit(1);
    }
}

fn run(args: &Args) -> Result<(), String> {
    let root = workspace_root();
    let model = args.model.clone().unwrap_or_else(|| root.join("models/postguard-default"));
    let corpus = args.corpus.clone().unwrap_or_else(|| root.join("benches/corpus/posts.jsonl"));
    let bin = args.server_bin.clone().unwrap_or_else(|| {
        let release = root.join("target/release/postguard");
        if release.is_file() { release } else { root.join("target/debug/postguard") }
    });
    if !bin.is_file() {
        return Err(format!("no server binary at {} (build it: cargo build -p postguard-cli)", bin.display()));
    }
    let cpu = cpu();
    println!(
        "CPU: {} ({}, AVX512-VNNI {}; {} logical CPUs, available parallelism {})",
        cpu.model_name,
        cpu.family_model,
        if cpu.avx512_vnni { "yes" } else { "no" },
        cpu.logical_cpus,
        cpu.available_parallelism
    );
    let bin_age = std::fs::metadata(&bin).and_then(|m| m.modified()).ok().and_then(|t| t.elapsed().ok());
    println!(
        "server: {} (built {} ago), model: {}",
        bin.display(),
        bin_age.map_or_else(|| "?".to_owned(), |d| format!("{} min", d.as_secs() / 60)),
        model.display()
    );
    let (texts, with_context) = load_corpus(&corpus, args.limit)?;
    println!(
        "corpus: {} posts from {} ({} had a context, not sent: /v1/moderations takes texts only)",
        texts.len(),
        corpus.display(),
        with_context
    );
    println!(
        "client threads run on the same cores as the server; CPU % below is of the whole machine \
         ({} CPUs = 100), `other` = processes other than this one and the server",
        cpu.logical_cpus
    );

    let base = baseline(&model, &texts, args.repeat)?;
    println!(
        "in-process classify_batch ({}): {:.1} posts/s, best of {:?} (load {:.2} s); chunks of 32: {:.1} posts/s",
        base.precision, base.posts_per_s, base.passes_posts_per_s, base.load_s, base.chunked_32_posts_per_s
    );

    let mut serve_args = vec!["--max-queued-posts".to_owned(), args.max_queued_posts.to_string()];
    serve_args.extend(args.server_args.iter().cloned());
    let mut server = Server::start(&bin, &model, &serve_args)?;
    println!("server pid {} on {} ({}), ready", server.pid, server.base(), serve_args.join(" "));
    let mem_ready = server.mem();
    // Warm-up (not reported): 64 one-post requests.
    let warm = &texts[..texts.len().min(64)];
    let load = |clients, per_request, texts| Load {
        tag: "",
        clients,
        per_request,
        texts,
        wrap: false,
        seconds: args.max_seconds,
        stop_on_error: false,
    };
    let _ = run_load(&server.base(), Load { tag: "warm", ..load(1, 1, warm) });
    let mut rows = Vec::new();
    for (clients, per_request) in [(1, 1), (8, 1), (64, 1), (1, 32), (8, 32), (64, 32)] {
        let name = format!(
            "{clients} client{} × {per_request} post{}",
            if clients == 1 { "" } else { "s" },
            if per_request == 1 { "" } else { "s" }
        );
        let tag = format!("c{clients}x{per_request}");
        let row = scenario(&server, &name, &tag, load(clients, per_request, &texts), base.posts_per_s);
        eprintln!("pg-serve-load: {name}: {:.1} posts/s", row.posts_per_s);
        rows.push(row);
    }
    print_scenarios(&base, &rows);
    println!("server memory: {} MB (VmHWM / VmRSS) when ready", fmt_mem(mem_ready));

    let sigterm = if args.skip_sigterm {
        let sent = server.sigterm();
        let exit = server.wait_exit(sent);
        println!("server stopped idle: exit code {:?} after {:.2} s", exit.code, exit.signal_to_exit_s);
        None
    } else {
        let t = sigterm_run(&mut server, &texts, args.sigterm_after, args.max_seconds);
        print_sigterm(&t);
        Some(t)
    };
    {
        let log = server.log.lock().expect("log lock");
        print_lines("throughput server", log.lines, &log.other, log.other_dropped);
    }
    drop(server);

    let saturation = if args.skip_saturation {
        None
    } else {
        let s = saturation_run(&bin, &model, &texts, args.saturation_seconds, &args.server_args)?;
        print_saturation(&s);
        Some(s)
    };

    if let Some(path) = &args.json {
        let out = json!({
            "cpu": cpu,
            "server_bin": bin,
            "server_args": serve_args,
            "model": model,
            "corpus": corpus,
            "posts": texts.len(),
            "baseline": base,
            "server_mem_ready": mem_ready,
            "scenarios": rows,
            "sigterm": sigterm,
            "saturation": saturation,
        });
        let text = serde_json::to_string_pretty(&out).expect("serialises");
        std::fs::write(path, text + "\n").map_err(|e| format!("writing {}: {e}", path.display()))?;
    }
    Ok(())
}
