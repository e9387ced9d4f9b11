//! Prometheus metrics (`GET /metrics`, OpenMetrics text), with `prometheus-client`.

use postguard::{Label, Verdict};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
pub(crate) struct RequestLabels {
    pub(crate) route: &'static str,
    pub(crate) method: String,
    pub(crate) status: u16,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
pub(crate) struct RouteLabels {
    pub(crate) route: &'static str,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
pub(crate) struct LabelLabels {
    pub(crate) label: &'static str,
}

/// The server's metrics and their registry.
#[derive(Debug)]
pub(crate) struct Metrics {
    registry: Registry,
    pub(crate) requests: Family<RequestLabels, Counter>,
    pub(crate) errors: Family<RequestLabels, Counter>,
    pub(crate) latency: Family<RouteLabels, Histogram, fn() -> Histogram>,
    pub(crate) in_flight: Gauge,
    pub(crate) posts_scored: Counter,
    pub(crate) posts_flagged: Family<LabelLabels, Counter>,
    pub(crate) queue_depth: Gauge,
    pub(crate) batch_posts: Histogram,
    pub(crate) batch_seconds: Histogram,
    pub(crate) queue_wait_seconds: Histogram,
}

fn latency_histogram() -> Histogram {
    // 0.5 ms .. ~16 s.
    Histogram::new(exponential_buckets(0.0005, 2.0, 16))
}

impl Metrics {
    pub(crate) fn new() -> Self {
        let mut registry = Registry::with_prefix("postguard");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register("http_requests", "HTTP requests answered, by route, method and status", requests.clone());
        let errors = Family::<RequestLabels, Counter>::default();
        registry.register("http_errors", "HTTP requests answered with a status of 400 or more", errors.clone());
        let latency = Family::<RouteLabels, Histogram, fn() -> Histogram>::new_with_constructor(latency_histogram);
        registry.register(
            "http_request_duration_seconds",
            "Time from the request's arrival to its response, by route",
            latency.clone(),
        );
        let in_flight = Gauge::default();
        registry.register("http_requests_in_flight", "Requests being handled now", in_flight.clone());
        let posts_scored = Counter::default();
        registry.register("posts_scored", "Posts classified", posts_scored.clone());
        let posts_flagged = Family::<LabelLabels, Counter>::default();
        registry.register("posts_flagged", "Posts flagged, by label (crisis included)", posts_flagged.clone());
        let queue_depth = Gauge::default();
        registry.register("queue_depth_posts", "Posts waiting for a model batch", queue_depth.clone());
        let batch_posts = Histogram::new(exponential_buckets(1.0, 2.0, 11));
        registry.register("batch_size_posts", "Posts per model batch", batch_posts.clone());
        let batch_seconds = Histogram::new(exponential_buckets(0.001, 2.0, 14));
        registry.register("batch_duration_seconds", "Time to classify one batch", batch_seconds.clone());
        let queue_wait_seconds = Histogram::new(exponential_buckets(0.0005, 2.0, 14));
        registry.register(
            "queue_wait_seconds",
            "Time a request's posts waited in the queue before their batch started",
            queue_wait_seconds.clone(),
        );
        for label in Label::ALL {
            // Every label appears from the start, at 0, so a rate query works before the first flag.
            let _ = posts_flagged.get_or_create(&LabelLabels { label: label.as_str() });
        }
        Self {
            registry,
            requests,
            errors,
            latency,
            in_flight,
            posts_scored,
            posts_flagged,
            queue_depth,
            batch_posts,
            batch_seconds,
            queue_wait_seconds,
        }
    }

    pub(crate) fn observe_verdicts(&self, verdicts: &[Verdict]) {
        self.posts_scored.inc_by(verdicts.len() as u64);
        for v in verdicts {
            for label in v.flagged() {
                self.posts_flagged.get_or_create(&LabelLabels { label: label.as_str() }).inc();
            }
        }
    }

    pub(crate) fn observe_request(&self, route: &'static str, method: &str, status: u16, seconds: f64) {
        let labels = RequestLabels { route, method: method.to_owned(), status };
        self.requests.get_or_create(&labels).inc();
        if status >= 400 {
            self.errors.get_or_create(&labels).inc();
        }
        self.latency.get_or_create(&RouteLabels { route }).observe(seconds);
    }

    /// The OpenMetrics text of every metric.
    pub(crate) fn encode(&self) -> String {
        let mut out = String::new();
        prometheus_client::encoding::text::encode(&mut out, &self.registry).expect("writing to a String cannot fail");
        out
    }
}
