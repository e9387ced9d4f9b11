//! The real server on an ephemeral loopback port, called over HTTP: every endpoint, auth on and
//! off, each error status, batching equivalence with the library, graceful shutdown.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Barrier, OnceLock};
use std::time::{Duration, Instant};

use postguard::{Classifier, Post, Precision};
use postguard_server::{BackgroundServer, ServerConfig};
use serde_json::Value;

/// int8 everywhere: it scores each window on its own (no padding), so a post's scores do not
/// depend on which other posts share its batch, and server and library agree to the byte.
fn classifier() -> Classifier {
    static C: OnceLock<Classifier> = OnceLock::new();
    C.get_or_init(|| Classifier::builder().precision(Precision::Int8).build().expect("the bundled model loads")).clone()
}

fn start(config: ServerConfig) -> BackgroundServer {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, 0));
    let server = BackgroundServer::start(addr, config, classifier()).expect("the server starts");
    wait_ready(&server);
    server
}

fn wait_ready(server: &BackgroundServer) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if call(server, "GET", "/readyz", None, &[]).0 == 200 {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("not ready after 60 s");
}

struct Reply {
    status: u16,
    body: String,
    headers: Vec<(String, String)>,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
    /// The error body's `code` and `param`, checking the one error shape.
    fn error(&self) -> (String, Option<String>) {
        let v = self.json();
        let e = &v["error"];
        assert!(e["message"].as_str().is_some_and(|m| !m.is_empty()), "{}", self.body);
        assert!(e["type"].is_string(), "{}", self.body);
        (e["code"].as_str().unwrap_or_default().to_owned(), e["param"].as_str().map(str::to_owned))
    }
}

fn agent() -> ureq::Agent {
    ureq::AgentBuilder::new().timeout(Duration::from_secs(60)).build()
}

fn request(
    agent: &ureq::Agent,
    server: &BackgroundServer,
    method: &str,
    path: &str,
    body: Option<&str>,
    headers: &[(&str, &str)],
) -> Reply {
    let mut req = agent.request(method, &format!("{}{path}", server.url()));
    for (k, v) in headers {
        req = req.set(k, v);
    }
    let result = match body {
        Some(b) => {
            if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("content-type")) {
                req = req.set("Content-Type", "application/json");
            }
            req.send_string(b)
        }
        None => req.call(),
    };
    let resp = match result {
        Ok(r) | Err(ureq::Error::Status(_, r)) => r,
        Err(e) => panic!("{method} {path}: {e}"),
    };
    let status = resp.status();
    let headers = resp
        .headers_names()
        .into_iter()
        .map(|n| {
            let v = resp.header(&n).unwrap_or_default().to_owned();
            (n, v)
        })
        .collect();
    Reply { status, headers, body: resp.into_string().expect("a readable body") }
}

fn call(
    server: &BackgroundServer,
    method: &str,
    path: &str,
    body: Option<&str>,
    headers: &[(&str, &str)],
) -> (u16, Reply) {
    let r = request(&agent(), server, method, path, body, headers);
    (r.status, r)
}

const POSTS: &[&str] = &[
    "i want to die tonight, i have the pills ready",
    "you are a pathetic loser and nobody likes you",
    "vaccines cause autism, the government is hiding it",
    "Have a great day, friend!",
    "stop taking your meds cold turkey, doctors just want your money",
    "I'm gay and proud of it",
    "her number is 07700 900123, go and tell her what you think",
    "How do I hammer a nail into a brick wall?",
];

fn corpus(n: usize) -> Vec<String> {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../benches/corpus/posts.jsonl"))
        .expect("benches/corpus/posts.jsonl");
    let mut out: Vec<String> = POSTS.iter().map(|s| (*s).to_owned()).collect();
    for line in text.lines() {
        if out.len() >= n {
            break;
        }
        let v: Value = serde_json::from_str(line).expect("a corpus line is JSON");
        out.push(v["text"].as_str().expect("a corpus text").to_owned());
    }
    out
}

fn body(v: &Value) -> String {
    serde_json::to_string(v).unwrap()
}

#[test]
fn every_endpoint_answers_in_its_shape() {
    let server = start(ServerConfig::default());
    let (status, r) = call(&server, "GET", "/healthz", None, &[]);
    assert_eq!((status, r.json()["status"].as_str()), (200, Some("ok")));
    assert_eq!(call(&server, "GET", "/readyz", None, &[]).1.json()["status"], "ready");

    let (status, r) = call(&server, "GET", "/v1/model", None, &[]);
    assert_eq!(status, 200);
    let m = r.json();
    let info = classifier().model_info().clone();
    assert_eq!(m["name"], info.name.as_str());
    assert_eq!(m["sha256"], info.sha256.as_str());
    assert_eq!(m["files_sha256"], info.files_sha256.as_str());
    assert_eq!(m["openai_categories"]["self-harm/intent"], "crisis");
    assert!(m["thresholds"]["crisis"].is_number());

    // Moderations: one string, and a list in order.
    let (status, r) = call(
        &server,
        "POST",
        "/v1/moderations",
        Some(r#"{"input": "i want to die tonight, i have the pills ready"}"#),
        &[],
    );
    assert_eq!(status, 200, "{}", r.body);
    let v = r.json();
    assert!(v["id"].as_str().unwrap().starts_with("modr-"));
    assert_eq!(v["model"], format!("{}@{}", info.name, info.version));
    let res = &v["results"][0];
    assert_eq!(res["flagged"], true);
    assert_eq!(res["categories"]["self-harm/intent"], true);
    assert_eq!(res["categories"]["sexual"], false);
    assert_eq!(res["category_scores"]["violence"], 0.0);
    assert!(res["category_scores"]["self-harm"].as_f64().unwrap() > 0.5);
    assert_eq!(res["postguard"]["flagged"][0], "crisis");
    assert!(!res["postguard"]["resources"].as_array().unwrap().is_empty(), "a crisis result carries help resources");
    assert_eq!(res["category_applied_input_types"]["self-harm"][0], "text");

    let input: Vec<&str> = POSTS.to_vec();
    let (status, r) = call(
        &server,
        "POST",
        "/v1/moderations",
        Some(&body(&serde_json::json!({"input": input, "model": "omni-moderation-latest"}))),
        &[],
    );
    assert_eq!(status, 200, "{}", r.body);
    let results = r.json()["results"].as_array().unwrap().clone();
    assert_eq!(results.len(), POSTS.len());
    let lib = classifier().classify_batch(&POSTS.iter().map(|p| Post::new(*p)).collect::<Vec<_>>()).unwrap();
    for (res, v) in results.iter().zip(&lib) {
        assert_eq!(res["flagged"], !v.flagged().is_empty());
        assert_eq!(res["categories"]["harassment"], v.is_flagged(postguard::Label::Bullying));
        assert_eq!(res["postguard"], serde_json::from_str::<Value>(&serde_json::to_string(v).unwrap()).unwrap());
    }

    // Classify with context.
    let (status, r) = call(
        &server,
        "POST",
        "/v1/classify",
        Some(r#"{"posts": ["hello", {"text": "yes, exactly", "context": "is drinking bleach a cure for covid?"}]}"#),
        &[],
    );
    assert_eq!(status, 200, "{}", r.body);
    let v = r.json();
    assert_eq!(v["verdicts"].as_array().unwrap().len(), 2);
    assert_eq!(v["model"]["sha256"], info.sha256.as_str());

    // Redact: placeholders, spans into the original, never the matched text.
    let text = "call me on +44 7911 123456 or mail jess.smith@gmail.com";
    let (status, r) = call(&server, "POST", "/v1/redact", Some(&body(&serde_json::json!({"input": [text]}))), &[]);
    assert_eq!(status, 200, "{}", r.body);
    assert_eq!(r.json()["results"][0]["text"], classifier().redact(text));
    assert!(!r.body.contains("jess.smith@gmail.com") && !r.body.contains("123456"), "{}", r.body);
    let pii = &r.json()["results"][0]["pii"];
    assert!(pii.as_array().unwrap().iter().any(|f| f["kind"] == "email"), "{}", r.body);

    // Metrics: the series the operator needs, counting what just happened.
    let (status, r) = call(&server, "GET", "/metrics", None, &[]);
    assert_eq!(status, 200);
    assert!(r.header("content-type").unwrap().starts_with("application/openmetrics-text"));
    for series in [
        "postguard_http_requests_total{route=\"/v1/moderations\",method=\"POST\",status=\"200\"} 2",
        "postguard_posts_scored_total 11",
        "postguard_posts_flagged_total{label=\"crisis\"}",
        "postguard_queue_depth_posts 0",
        "postguard_batch_size_posts_count",
        "postguard_http_request_duration_seconds_bucket",
        "postguard_http_requests_in_flight",
    ] {
        assert!(r.body.contains(series), "no `{series}` in:\n{}", r.body);
    }
    // Every response carries a request id, and keeps one the client sent.
    let (_, r) = call(&server, "GET", "/healthz", None, &[("x-request-id", "abc-123")]);
    assert_eq!(r.header("x-request-id"), Some("abc-123"));
    server.shutdown().unwrap();
}

#[test]
fn server_verdicts_are_byte_identical_to_the_library_whatever_shares_the_batch() {
    let server = start(ServerConfig::default());
    let texts = corpus(48);
    let posts: Vec<Post> = texts.iter().map(|t| Post::new(t.clone())).collect();
    let expected: Vec<String> =
        classifier().classify_batch(&posts).unwrap().iter().map(|v| serde_json::to_string(v).unwrap()).collect();

    // All at once, in one request.
    let (status, r) = call(&server, "POST", "/v1/classify", Some(&body(&serde_json::json!({"posts": texts}))), &[]);
    assert_eq!(status, 200);
    #[derive(serde::Deserialize)]
    struct Raw<'a> {
        #[serde(borrow)]
        verdicts: Vec<&'a serde_json::value::RawValue>,
    }
    let raw: Raw<'_> = serde_json::from_str(&r.body).unwrap();
    let got: Vec<&str> = raw.verdicts.iter().map(|v| v.get()).collect();
    assert_eq!(got, expected);

    // One post per request from 16 concurrent clients: the batcher mixes them.
    let texts = Arc::new(texts);
    let expected = Arc::new(expected);
    let url = server.url();
    let barrier = Arc::new(Barrier::new(16));
    let threads: Vec<_> = (0..16)
        .map(|c| {
            let (texts, expected, url, barrier) =
                (Arc::clone(&texts), Arc::clone(&expected), url.clone(), Arc::clone(&barrier));
            std::thread::spawn(move || {
                let agent = agent();
                barrier.wait();
                for i in (c..texts.len()).step_by(16) {
                    let b = serde_json::to_string(&serde_json::json!({"posts": [texts[i]]})).unwrap();
                    let resp = agent
                        .post(&format!("{url}/v1/classify"))
                        .set("Content-Type", "application/json")
                        .send_string(&b)
                        .unwrap();
                    let s = resp.into_string().unwrap();
                    let raw: Raw<'_> = serde_json::from_str(&s).unwrap();
                    assert_eq!(raw.verdicts[0].get(), expected[i], "post {i}");
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let (_, m) = call(&server, "GET", "/metrics", None, &[]);
    let line = m.body.lines().find(|l| l.starts_with("postguard_batch_size_posts_count")).unwrap().to_owned();
    let batches: f64 = line.rsplit(' ').next().unwrap().parse().unwrap();
    assert!(batches < 49.0, "48 one-post requests from 16 clients took {batches} batches: nothing was batched");
    server.shutdown().unwrap();
}

#[test]
fn an_api_key_guards_v1_and_metrics_but_not_the_probes() {
    let mut config = ServerConfig::default();
    config.api_key = Some("s3cret-key".to_owned());
    let server = start(config);
    let body = Some(r#"{"input": "hello"}"#);
    let (status, r) = call(&server, "POST", "/v1/moderations", body, &[]);
    assert_eq!((status, r.error().0.as_str()), (401, "missing_api_key"));
    assert_eq!(r.header("www-authenticate"), Some("Bearer"));
    let (status, r) = call(&server, "POST", "/v1/moderations", body, &[("Authorization", "Bearer s3cret-kez")]);
    assert_eq!((status, r.error().0.as_str()), (401, "invalid_api_key"));
    let (status, _) = call(&server, "POST", "/v1/moderations", body, &[("Authorization", "Bearer s3cret-key-longer")]);
    assert_eq!(status, 401);
    assert_eq!(call(&server, "GET", "/metrics", None, &[]).0, 401);
    assert_eq!(call(&server, "GET", "/v1/model", None, &[]).0, 401);
    assert_eq!(call(&server, "POST", "/v1/moderations", body, &[("Authorization", "Bearer s3cret-key")]).0, 200);
    assert_eq!(call(&server, "GET", "/metrics", None, &[("Authorization", "Bearer s3cret-key")]).0, 200);
    assert_eq!(call(&server, "GET", "/healthz", None, &[]).0, 200);
    assert_eq!(call(&server, "GET", "/readyz", None, &[]).0, 200);
    server.shutdown().unwrap();

    // Without a key, a non-loopback address is refused unless said so.
    let any = SocketAddr::from((Ipv4Addr::UNSPECIFIED, 0));
    let err = BackgroundServer::start(any, ServerConfig::default(), classifier()).unwrap_err();
    assert!(err.to_string().contains("without authentication"), "{err}");
    assert!(postguard_server::check_exposure(any.ip(), false, true).is_ok());
    assert!(postguard_server::check_exposure(any.ip(), true, false).is_ok());
}

#[test]
fn each_error_has_its_status_and_names_what_was_wrong() {
    let mut config = ServerConfig::default();
    config.max_body_bytes = 4096;
    config.max_posts_per_request = 4;
    config.max_queued_posts = 8;
    let server = start(config);
    // (method, path, body, status, code, param)
    type Case = (&'static str, &'static str, Option<&'static str>, u16, &'static str, Option<&'static str>);
    let cases: &[Case] = &[
        ("POST", "/v1/moderations", Some("{\"input\": [\"ok\""), 400, "invalid_json", None),
        ("POST", "/v1/moderations", Some(""), 400, "empty_body", None),
        ("POST", "/v1/moderations", Some("[\"a\"]"), 400, "invalid_type", None),
        ("POST", "/v1/moderations", Some("{\"input\": [\"a\", 7]}"), 400, "invalid_type", Some("input[1]")),
        ("POST", "/v1/moderations", Some("{\"inputs\": \"a\"}"), 400, "unknown_field", Some("inputs")),
        ("POST", "/v1/moderations", Some("{}"), 400, "missing_field", Some("input")),
        ("POST", "/v1/moderations", Some("{\"input\": []}"), 400, "empty_input", Some("input")),
        (
            "POST",
            "/v1/classify",
            Some("{\"posts\": [{\"text\": \"a\", \"context\": 1}]}"),
            400,
            "invalid_type",
            Some("posts[0].context"),
        ),
        ("POST", "/v1/redact", Some("{\"input\": null}"), 400, "invalid_type", Some("input")),
        (
            "POST",
            "/v1/moderations",
            Some("{\"input\": [\"1\",\"2\",\"3\",\"4\",\"5\"]}"),
            413,
            "too_many_inputs",
            Some("input"),
        ),
        (
            "POST",
            "/v1/classify",
            Some("{\"posts\": [\"1\",\"2\",\"3\",\"4\",\"5\"]}"),
            413,
            "too_many_inputs",
            Some("posts"),
        ),
        ("GET", "/v1/moderations", None, 405, "method_not_allowed", None),
        ("GET", "/v2/anything", None, 404, "not_found", None),
    ];
    for (method, path, body, status, code, param) in cases {
        let (got, r) = call(&server, method, path, *body, &[]);
        assert_eq!(got, *status, "{method} {path} {body:?}: {}", r.body);
        assert_eq!(r.error(), ((*code).to_owned(), param.map(str::to_owned)), "{method} {path} {body:?}");
        assert_eq!(r.header("content-type"), Some("application/json"));
    }
    let big = serde_json::json!({"input": "x".repeat(5000)}).to_string();
    let (status, r) = call(&server, "POST", "/v1/moderations", Some(&big), &[]);
    assert_eq!((status, r.error().0.as_str()), (413, "body_too_large"));
    assert!(r.body.contains("4096"), "{}", r.body);
    let (status, r) =
        call(&server, "POST", "/v1/moderations", Some("{\"input\": \"a\"}"), &[("Content-Type", "text/plain")]);
    assert_eq!((status, r.error()), (415, ("unsupported_media_type".to_owned(), Some("Content-Type".to_owned()))));
    server.shutdown().unwrap();
}

#[test]
fn a_full_queue_answers_429_with_retry_after() {
    let mut config = ServerConfig::default();
    config.max_posts_per_request = 4;
    config.max_queued_posts = 8;
    let server = start(config);
    // A full queue: 429 with Retry-After, never absorbed; the rest are answered.
    let long = corpus(64).into_iter().max_by_key(String::len).unwrap().repeat(4);
    let b = Arc::new(serde_json::json!({"input": vec![long; 4]}).to_string());
    let url = server.url();
    let threads: Vec<_> = (0..24)
        .map(|_| {
            let (b, url) = (Arc::clone(&b), url.clone());
            std::thread::spawn(move || {
                match agent()
                    .post(&format!("{url}/v1/moderations"))
                    .set("Content-Type", "application/json")
                    .send_string(&b)
                {
                    Ok(r) => (r.status(), None),
                    Err(ureq::Error::Status(s, r)) => (s, r.header("retry-after").map(str::to_owned)),
                    Err(e) => panic!("{e}"),
                }
            })
        })
        .collect();
    let results: Vec<(u16, Option<String>)> = threads.into_iter().map(|t| t.join().unwrap()).collect();
    let full = results.iter().filter(|(s, _)| *s == 429).count();
    assert!(full > 0, "24 concurrent 4-post requests into an 8-post queue: none was refused: {results:?}");
    assert!(results.iter().all(|(s, _)| *s == 200 || *s == 429), "{results:?}");
    assert!(
        results
            .iter()
            .filter(|(s, _)| *s == 429)
            .all(|(_, ra)| ra.as_deref().is_some_and(|v| v.parse::<u64>().is_ok_and(|n| n >= 1)))
    );
    assert_eq!(call(&server, "GET", "/healthz", None, &[]).0, 200);
    server.shutdown().unwrap();
}

#[test]
fn a_request_past_its_timeout_gets_503() {
    let mut config = ServerConfig::default();
    config.request_timeout = Duration::from_millis(1);
    config.max_batch_wait = Duration::ZERO;
    let server = start(config);
    let long = corpus(64).concat();
    let (status, r) =
        call(&server, "POST", "/v1/moderations", Some(&serde_json::json!({"input": [long]}).to_string()), &[]);
    assert_eq!((status, r.error().0.as_str()), (503, "timeout"), "{}", r.body);
    assert!(r.header("retry-after").is_some());
    server.shutdown().unwrap();
}

#[test]
fn shutdown_answers_every_accepted_request_then_refuses_connections() {
    let server = start(ServerConfig::default());
    let addr = server.addr();
    let texts = corpus(200);
    let n = 12;
    let url = server.url();
    let threads: Vec<_> = (0..n)
        .map(|i| {
            let b = serde_json::json!({"input": texts[i * 16..(i + 1) * 16]}).to_string();
            let url = url.clone();
            std::thread::spawn(move || {
                let r = agent()
                    .post(&format!("{url}/v1/moderations"))
                    .set("Content-Type", "application/json")
                    .send_string(&b);
                match r {
                    Ok(r) => (r.status(), r.into_string().unwrap()),
                    Err(e) => (0, e.to_string()),
                }
            })
        })
        .collect();
    // Wait until every request is in the server (in flight), then shut down.
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let (_, m) = call(&server, "GET", "/metrics", None, &[]);
        let in_flight: f64 = m
            .body
            .lines()
            .find(|l| l.starts_with("postguard_http_requests_in_flight "))
            .and_then(|l| l.rsplit(' ').next()?.parse().ok())
            .unwrap_or(0.0);
        // The metrics request itself is in flight too.
        if in_flight >= (n + 1) as f64 {
            break;
        }
        assert!(Instant::now() < deadline, "the requests never arrived");
        std::thread::sleep(Duration::from_millis(1));
    }
    let mut server = server;
    server.begin_shutdown();
    for t in threads {
        let (status, body) = t.join().unwrap();
        assert_eq!(status, 200, "an accepted request was not answered: {body}");
        assert_eq!(serde_json::from_str::<Value>(&body).unwrap()["results"].as_array().unwrap().len(), 16);
    }
    server.shutdown().unwrap();
    assert!(
        std::net::TcpStream::connect_timeout(&addr, Duration::from_secs(1)).is_err(),
        "still accepting after shutdown"
    );
}
