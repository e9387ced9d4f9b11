//! `postguard serve` as a process: the address it prints, the probes, graceful SIGTERM with
//! requests in flight, and the refusals that happen before it serves.

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

fn postguard() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_postguard"));
    c.env_remove("POSTGUARD_API_KEY").env_remove("POSTGUARD_LOG");
    c
}

/// Starts `postguard serve --port 0 ARGS`; returns the child, its URL and a receiver of the rest
/// of its stderr (read on a thread, so the pipe never fills).
fn spawn(args: &[&str]) -> (Child, String, mpsc::Receiver<String>) {
    let mut child = postguard()
        .args(["serve", "--port", "0", "--log-format", "json"])
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut first = String::new();
    stderr.read_line(&mut first).unwrap();
    let url = first
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no address in {first:?}"))
        .to_owned();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut rest = String::new();
        let _ = stderr.read_to_string(&mut rest);
        let _ = tx.send(rest);
    });
    (child, url, rx)
}

fn get(url: &str) -> Option<u16> {
    match ureq::get(url).timeout(Duration::from_secs(10)).call() {
        Ok(r) => Some(r.status()),
        Err(ureq::Error::Status(s, _)) => Some(s),
        Err(_) => None,
    }
}

fn wait_ready(url: &str) {
    let deadline = Instant::now() + Duration::from_secs(120);
    while get(&format!("{url}/readyz")) != Some(200) {
        assert!(Instant::now() < deadline, "not ready after 120 s");
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn wait_exit(child: &mut Child, limit: Duration) -> std::process::ExitStatus {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("did not exit within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[cfg(unix)]
#[test]
fn sigterm_answers_every_accepted_request_and_exits_0_and_logs_no_text() {
    let (mut child, url, stderr) = spawn(&[]);
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    assert_eq!(get(&format!("{url}/healthz")), Some(200));
    wait_ready(&url);

    // A marker that must never reach the log.
    let marker = "zebra-quokka-marker-text";
    let n = 8;
    let (tx, rx) = mpsc::channel();
    for i in 0..n {
        let (url, tx) = (url.clone(), tx.clone());
        let body = serde_json::json!({"input": vec![format!("{marker} {i}: i want to die, nobody would miss me, this is a long post that takes a while to score"); 48]}).to_string();
        std::thread::spawn(move || {
            let r = ureq::post(&format!("{url}/v1/moderations"))
                .set("Content-Type", "application/json")
                .timeout(Duration::from_secs(60))
                .send_string(&body);
            let _ = tx.send(match r {
                Ok(r) => (r.status(), r.into_string().unwrap_or_default()),
                Err(e) => (0, e.to_string()),
            });
        });
    }
    // Once every request is in the server (the metrics request itself is in flight too), SIGTERM.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let metrics = ureq::get(&format!("{url}/metrics")).call().unwrap().into_string().unwrap();
        let in_flight: f64 = metrics
            .lines()
            .find(|l| l.starts_with("postguard_http_requests_in_flight "))
            .and_then(|l| l.rsplit(' ').next()?.parse().ok())
            .unwrap_or(0.0);
        if in_flight > n as f64 {
            break;
        }
        assert!(Instant::now() < deadline, "the requests never arrived");
        std::thread::sleep(Duration::from_millis(2));
    }
    let killed = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    assert!(killed.success());
    let status = wait_exit(&mut child, Duration::from_secs(60));
    let log = stderr.recv_timeout(Duration::from_secs(10)).unwrap();
    let answers: Vec<(u16, String)> = (0..n).map(|_| rx.recv_timeout(Duration::from_secs(60)).unwrap()).collect();
    for (code, body) in &answers {
        assert_eq!(*code, 200, "an accepted request was lost at SIGTERM: {body}\nlog:\n{log}");
    }
    assert_eq!(status.code(), Some(0), "{log}");
    assert!(log.contains("shutting down"), "{log}");
    assert!(!log.contains(marker), "a post's text reached the log:\n{log}");
    let logged = log.lines().filter(|l| l.contains("/v1/moderations") && l.contains("\"status\":200")).count();
    assert_eq!(logged, n, "one JSON access-log line per request:\n{log}");
}

#[test]
fn a_public_address_without_a_key_is_refused_before_binding() {
    let out = postguard().args(["serve", "--host", "0.0.0.0", "--port", "0"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("without authentication") && err.contains("--allow-unauthenticated"), "{err}");

    let out = postguard().args(["serve", "--host", "example.org"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not an IP address"));

    let out = postguard().args(["serve", "--max-posts-per-request", "10", "--max-queued-posts", "5"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("max_queued_posts"));
}

#[test]
fn a_model_that_does_not_load_stops_the_server_with_exit_4() {
    let dir = tempfile::tempdir().unwrap();
    let (mut child, url, stderr) = spawn(&["--model", dir.path().to_str().unwrap()]);
    let status = wait_exit(&mut child, Duration::from_secs(60));
    let log = stderr.recv_timeout(Duration::from_secs(10)).unwrap();
    assert_eq!(status.code(), Some(4), "{log}");
    assert!(log.contains("loading model") && log.contains("config.json"), "{log}");
    assert_eq!(get(&format!("{url}/healthz")), None, "still listening");
}

#[test]
fn the_api_key_comes_from_the_environment_and_never_shows_in_help() {
    let (mut child, url, _stderr) = {
        let mut c = postguard();
        c.env("POSTGUARD_API_KEY", "env-key-123");
        let mut child = c.args(["serve", "--port", "0"]).stdout(Stdio::null()).stderr(Stdio::piped()).spawn().unwrap();
        let mut stderr = BufReader::new(child.stderr.take().unwrap());
        let mut first = String::new();
        stderr.read_line(&mut first).unwrap();
        let url = first.split_whitespace().find(|w| w.starts_with("http://")).unwrap().to_owned();
        std::thread::spawn(move || std::io::copy(&mut stderr, &mut std::io::sink()));
        (child, url, ())
    };
    wait_ready(&url);
    assert_eq!(get(&format!("{url}/v1/model")), Some(401));
    let ok = ureq::get(&format!("{url}/v1/model")).set("Authorization", "Bearer env-key-123").call().unwrap();
    assert_eq!(ok.status(), 200);
    let _ = Command::new("kill").args(["-TERM", &child.id().to_string()]).status();
    assert_eq!(wait_exit(&mut child, Duration::from_secs(60)).code(), Some(0));

    let help = postguard().env("POSTGUARD_API_KEY", "env-key-123").args(["serve", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(help.contains("POSTGUARD_API_KEY") && !help.contains("env-key-123"), "{help}");
}
