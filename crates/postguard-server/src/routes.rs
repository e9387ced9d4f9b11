//! The routes, the middleware (request id, timeout, access log, metrics, authentication) and
//! the handlers.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Instant;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use postguard::{Label, PiiKind, Post, Verdict, Whose};
use serde::Serialize;
use subtle::ConstantTimeEq as _;

use crate::batcher::{Arrival, Refused};
use crate::error::ApiError;
use crate::openai::{MAPPING, ModerationResponse, ModerationResult};
use crate::{AppState, Engine, request};

type Shared = Arc<AppState>;

/// The request id of a request (`x-request-id` as sent, if it is a sane token, else a new UUID).
#[derive(Debug, Clone)]
pub(crate) struct RequestId(pub(crate) String);

pub(crate) fn router(state: Shared) -> Router {
    let protected = Router::new()
        .route("/v1/moderations", post(moderations))
        .route("/v1/classify", post(classify))
        .route("/v1/redact", post(redact))
        .route("/v1/model", get(model))
        .route("/metrics", get(metrics))
        .route_layer(middleware::from_fn_with_state(Arc::clone(&state), authenticate));
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .merge(protected)
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(panicked))
        .layer(middleware::from_fn_with_state(Arc::clone(&state), observe))
        .with_state(state)
}

/// The route's name for metrics and logs: the known paths, else `other` (an unbounded set of
/// paths must not become an unbounded set of metric series).
fn route_name(path: &str) -> &'static str {
    match path {
        "/v1/moderations" => "/v1/moderations",
        "/v1/classify" => "/v1/classify",
        "/v1/redact" => "/v1/redact",
        "/v1/model" => "/v1/model",
        "/metrics" => "/metrics",
        "/healthz" => "/healthz",
        "/readyz" => "/readyz",
        _ => "other",
    }
}

fn request_id(headers: &HeaderMap) -> String {
    headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|s| {
            !s.is_empty() && s.len() <= 128 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b))
        })
        .map_or_else(|| uuid::Uuid::new_v4().simple().to_string(), str::to_owned)
}

/// Outermost: request id, timeout, metrics, and one access-log line per request with the
/// request id, method, route, status, sizes and latency (never a body).
async fn observe(State(state): State<Shared>, mut req: Request, next: Next) -> Response {
    let started = Instant::now();
    let id = request_id(req.headers());
    let route = route_name(req.uri().path());
    let method = req.method().as_str().to_owned();
    let request_bytes = req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    req.extensions_mut().insert(RequestId(id.clone()));
    let in_flight = InFlight::new(&state.metrics.in_flight);
    let mut resp = match tokio::time::timeout(state.config.request_timeout, next.run(req)).await {
        Ok(resp) => resp,
        Err(_) => ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "timeout",
            format!(
                "the request took longer than the server's limit of {} s",
                state.config.request_timeout.as_secs_f64()
            ),
        )
        .retry_after(1)
        .into_response(),
    };
    drop(in_flight);
    let seconds = started.elapsed().as_secs_f64();
    let status = resp.status().as_u16();
    state.metrics.observe_request(route, &method, status, seconds);
    if let Ok(v) = HeaderValue::from_str(&id) {
        resp.headers_mut().insert("x-request-id", v);
    }
    let response_bytes = axum::body::HttpBody::size_hint(resp.body()).exact();
    if status == 429 {
        // A 429 storm must not become a log storm: each refusal at debug, a summary at most
        // once a second.
        tracing::debug!(request_id = %id, method = %method, route, status, "request refused: queue full");
        state.note_refusal();
        return resp;
    }
    tracing::info!(
        request_id = %id,
        method = %method,
        route,
        status,
        request_bytes,
        response_bytes,
        latency_ms = format_args!("{:.2}", seconds * 1e3),
        "request"
    );
    resp
}

/// Counts a request in flight until dropped: also when its future is dropped unfinished (the
/// client went away), so the gauge cannot drift upwards.
struct InFlight<'a>(&'a prometheus_client::metrics::gauge::Gauge);

impl<'a> InFlight<'a> {
    fn new(gauge: &'a prometheus_client::metrics::gauge::Gauge) -> Self {
        gauge.inc();
        Self(gauge)
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        self.0.dec();
    }
}

/// `Authorization: Bearer KEY` on the protected routes, when a key is set.
async fn authenticate(State(state): State<Shared>, req: Request, next: Next) -> Response {
    let Some(want) = state.key_digest else { return next.run(req).await };
    let presented = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer ").or_else(|| v.strip_prefix("bearer ")))
        .map(str::trim);
    let Some(key) = presented else {
        return ApiError::new(
            StatusCode::UNAUTHORIZED,
            "missing_api_key",
            "this server needs an API key: send `Authorization: Bearer KEY`",
        )
        .into_response();
    };
    use sha2::Digest as _;
    let got: [u8; 32] = sha2::Sha256::digest(key.as_bytes()).into();
    if bool::from(got.ct_eq(&want)) {
        next.run(req).await
    } else {
        ApiError::new(StatusCode::UNAUTHORIZED, "invalid_api_key", "the API key is not valid").into_response()
    }
}

fn panicked(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("a handler panicked");
    ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal_error", "internal error").into_response()
}

async fn not_found(req: Request) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        format!(
            "no route {} {}: the routes are POST /v1/moderations, /v1/classify, /v1/redact and GET /v1/model, /healthz, /readyz, /metrics",
            req.method(),
            req.uri().path().chars().take(200).collect::<String>()
        ),
    )
}

async fn method_not_allowed(req: Request) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        format!("{} is not allowed on {}", req.method(), route_name(req.uri().path())),
    )
}

/// The engine, or 503 while the model loads or once the server is shutting down.
fn engine(state: &AppState) -> Result<&Engine, ApiError> {
    state.engine.get().ok_or_else(|| {
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "loading", "the model is still loading; retry shortly")
            .retry_after(2)
    })
}

/// The body as JSON: `Content-Type` JSON (or none), at most `max_body_bytes`.
async fn read_json(state: &AppState, headers: &HeaderMap, body: Body) -> Result<serde_json::Value, ApiError> {
    if let Some(ct) = headers.get(header::CONTENT_TYPE) {
        let ct = ct.to_str().unwrap_or("").to_ascii_lowercase();
        let essence = ct.split(';').next().unwrap_or("").trim();
        if !(essence == "application/json" || essence.ends_with("+json")) {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                format!("the body must be JSON (Content-Type: application/json), not {essence:?}"),
            )
            .with_param("Content-Type"));
        }
    }
    let limit = state.config.max_body_bytes;
    let too_large = |size: String| {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "body_too_large",
            format!("the request body is {size} bytes; this server takes at most {limit} (--max-body-bytes)"),
        )
    };
    if let Some(len) = headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok())
        && len > limit as u64
    {
        return Err(too_large(len.to_string()));
    }
    let bytes: Bytes = axum::body::to_bytes(body, limit).await.map_err(|e| {
        let inner = e.into_inner();
        if inner.downcast_ref::<http_body_util::LengthLimitError>().is_some() {
            too_large("more than that".to_owned())
        } else {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                "body_unreadable",
                "the request body could not be read (connection closed early?)",
            )
        }
    })?;
    request::json(&bytes)
}

fn too_many(state: &AppState, param: &str, n: usize) -> Result<(), ApiError> {
    let max = state.config.max_posts_per_request;
    if n > max {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too_many_inputs",
            format!("`{param}` has {n} entries; this server takes at most {max} per request (--max-posts-per-request): split the request"),
        )
        .with_param(param));
    }
    Ok(())
}

/// Queues the posts and waits for their verdicts.
async fn score<'a>(engine: &'a Engine, arrival: Arrival<'a>, posts: Vec<Post>) -> Result<Vec<Verdict>, ApiError> {
    let rx = engine.batcher.submit(arrival, posts).map_err(|r| match r {
        Refused::Full { retry_after } => ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            "queue_full",
            format!(
                "the server is at capacity ({} posts queued); retry after {retry_after} s",
                engine.batcher.queued_posts()
            ),
        )
        .retry_after(retry_after),
        Refused::Closed => {
            ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "shutting_down", "the server is shutting down")
                .retry_after(1)
        }
    })?;
    match rx.await {
        Ok(Ok(verdicts)) => Ok(verdicts),
        Ok(Err(message)) => {
            tracing::error!("classification failed");
            Err(ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "classification_failed",
                format!("classification failed: {message}"),
            ))
        }
        Err(_) => Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "shutting_down",
            "the server stopped before this request was scored",
        )
        .retry_after(1)),
    }
}

fn json_response(value: &impl Serialize) -> Response {
    let body = serde_json::to_vec(value).expect("responses serialise");
    ([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], body).into_response()
}

/// `POST /v1/moderations` (OpenAI's shape; see [`crate::openai`]).
async fn moderations(
    State(state): State<Shared>,
    axum::Extension(id): axum::Extension<RequestId>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let engine = engine(&state)?;
    let arrival = engine.batcher.arrival();
    let value = read_json(&state, &headers, body).await?;
    let texts = request::moderation(&value)?;
    drop(value);
    too_many(&state, "input", texts.len())?;
    let verdicts = score(engine, arrival, texts.into_iter().map(Post::new).collect()).await?;
    let info = engine.classifier.model_info();
    let resp = ModerationResponse {
        id: format!("modr-{}", id.0),
        model: format!("{}@{}", info.name, info.version),
        results: verdicts.iter().map(ModerationResult::new).collect(),
    };
    Ok(json_response(&resp))
}

#[derive(Serialize)]
struct ClassifyResponse<'a> {
    model: &'a postguard::ModelInfo,
    verdicts: &'a [Verdict],
}

/// `POST /v1/classify`: the verdicts, in order, exactly as `postguard check --json` writes them.
async fn classify(State(state): State<Shared>, headers: HeaderMap, body: Body) -> Result<Response, ApiError> {
    let engine = engine(&state)?;
    let arrival = engine.batcher.arrival();
    let value = read_json(&state, &headers, body).await?;
    let posts = request::classify(&value)?;
    drop(value);
    too_many(&state, "posts", posts.len())?;
    let verdicts = score(engine, arrival, posts).await?;
    Ok(json_response(&ClassifyResponse { model: engine.classifier.model_info(), verdicts: &verdicts }))
}

#[derive(Serialize)]
struct Redacted {
    text: String,
    pii: Vec<Finding>,
}

/// A finding without its text (the point of redacting is not to send it back).
#[derive(Serialize)]
struct Finding {
    kind: PiiKind,
    start: usize,
    end: usize,
    whose: Whose,
    confidence: f32,
}

/// `POST /v1/redact`: each text with its personal information replaced by placeholders, and
/// the kinds and spans (into the original text) of what was replaced.
async fn redact(State(state): State<Shared>, headers: HeaderMap, body: Body) -> Result<Response, ApiError> {
    let value = read_json(&state, &headers, body).await?;
    let texts = request::redact(&value)?;
    drop(value);
    too_many(&state, "input", texts.len())?;
    let classifier = engine(&state)?.classifier.clone();
    let results = tokio::task::spawn_blocking(move || {
        let detector = classifier.privacy_detector();
        texts
            .iter()
            .map(|t| {
                let found = detector.find(t);
                Redacted {
                    text: postguard::redact(t, &found),
                    pii: found
                        .iter()
                        .map(|f| Finding {
                            kind: f.kind,
                            start: f.start,
                            end: f.end,
                            whose: f.whose,
                            confidence: f.confidence,
                        })
                        .collect(),
                }
            })
            .collect::<Vec<_>>()
    })
    .await
    .map_err(|_| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal_error", "redaction failed"))?;
    Ok(json_response(&serde_json::json!({ "results": results })))
}

/// `GET /v1/model`.
async fn model(State(state): State<Shared>) -> Result<Response, ApiError> {
    let engine = engine(&state)?;
    let c = &engine.classifier;
    let info = c.model_info();
    let labels: Vec<&str> = Label::ALL.iter().map(|l| l.as_str()).collect();
    let mapping: serde_json::Map<String, serde_json::Value> =
        MAPPING.iter().map(|(cat, l)| ((*cat).to_owned(), serde_json::Value::from(l.as_str()))).collect();
    let body = serde_json::json!({
        "id": format!("{}@{}", info.name, info.version),
        "name": info.name,
        "version": info.version,
        "sha256": info.sha256,
        "files_sha256": info.files_sha256,
        "precision": info.precision,
        "base_model": c.base_model(),
        "labels": labels,
        "model_labels": c.labels(),
        "thresholds": c.thresholds(),
        "locale": c.locale(),
        "languages": c.languages(),
        "max_tokens": c.max_tokens(),
        "stride": c.stride(),
        "max_post_bytes": c.max_post_bytes(),
        "rules": c.rules().rules().len(),
        "openai_categories": mapping,
        "limits": {
            "max_body_bytes": state.config.max_body_bytes,
            "max_posts_per_request": state.config.max_posts_per_request,
            "max_queued_posts": state.config.max_queued_posts,
            "batch_tokens": state.config.batch_tokens,
            "max_batch_wait_ms": state.config.max_batch_wait.as_secs_f64() * 1e3,
            "request_timeout_s": state.config.request_timeout.as_secs_f64(),
        },
    });
    Ok(json_response(&body))
}

async fn metrics(State(state): State<Shared>) -> Response {
    if let Some(e) = state.engine.get() {
        state.metrics.queue_depth.set(e.batcher.queued_posts() as i64);
    }
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/openmetrics-text; version=1.0.0; charset=utf-8"),
        )],
        state.metrics.encode(),
    )
        .into_response()
}

/// Alive: 200 whenever the process answers.
async fn healthz() -> Response {
    json_response(&serde_json::json!({"status": "ok"}))
}

/// Ready: 200 once the model is loaded and until shutdown begins, else 503 with the reason.
async fn readyz(State(state): State<Shared>) -> Response {
    let (status, what) = if state.shutting_down.load(Ordering::SeqCst) {
        (StatusCode::SERVICE_UNAVAILABLE, "shutting_down")
    } else if state.engine.get().is_none() {
        (StatusCode::SERVICE_UNAVAILABLE, "loading")
    } else {
        (StatusCode::OK, "ready")
    };
    let mut resp = json_response(&serde_json::json!({"status": what}));
    *resp.status_mut() = status;
    resp
}
