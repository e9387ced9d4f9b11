//! `eval`: precision / recall / F1 at the configured thresholds and average precision (AUPRC)
//! per head, overall and per source, on labelled JSONL (the schema of `shared/data`).
//!
//! A label of `null` (or a missing head) means "unknown": the record is left out of that head's
//! metrics, never counted as a negative. The flag decision is the verdict's own `flagged` list
//! (fused score >= threshold, or a high-severity rule hit); AP ranks by the fused score.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use postguard::Label;

use crate::chunk::{self, ChunkOptions, Consumer, Scorer, Stop};
use crate::input::{Item, ReadError, Record, RecordError, RecordReader};

/// Metrics of one head on one slice.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeadMetrics {
    /// Records with a known (0/1) label.
    pub n: usize,
    pub positives: usize,
    /// Records flagged.
    pub predicted: usize,
    pub tp: usize,
    /// `None` where undefined (nothing predicted / no positives).
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub f1: Option<f64>,
    /// Average precision of the fused score (area under the precision-recall curve, step-wise as
    /// in scikit-learn's `average_precision_score`); `None` without positives.
    pub average_precision: Option<f64>,
}

/// Scores and decisions collected for one head on one slice.
#[derive(Debug, Clone, Default)]
struct HeadData {
    /// (fused score, flagged, label).
    points: Vec<(f32, bool, bool)>,
}

impl HeadData {
    fn metrics(&self) -> HeadMetrics {
        let n = self.points.len();
        let positives = self.points.iter().filter(|p| p.2).count();
        let predicted = self.points.iter().filter(|p| p.1).count();
        let tp = self.points.iter().filter(|p| p.1 && p.2).count();
        let precision = (predicted > 0).then(|| tp as f64 / predicted as f64);
        let recall = (positives > 0).then(|| tp as f64 / positives as f64);
        let f1 = match (precision, recall) {
            (Some(p), Some(r)) if p + r > 0.0 => Some(2.0 * p * r / (p + r)),
            (Some(_), Some(_)) => Some(0.0),
            _ => None,
        };
        HeadMetrics {
            n,
            positives,
            predicted,
            tp,
            precision,
            recall,
            f1,
            average_precision: average_precision(&self.points.iter().map(|p| (p.0, p.2)).collect::<Vec<_>>()),
        }
    }
}

/// Step-wise average precision: sum over distinct score thresholds (descending) of
/// (recall gain) x (precision at that threshold). Tied scores form one step.
pub fn average_precision(points: &[(f32, bool)]) -> Option<f64> {
    let positives = points.iter().filter(|p| p.1).count();
    if positives == 0 {
        return None;
    }
    let mut sorted = points.to_vec();
    sorted.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (mut tp, mut seen, mut ap, mut last_recall) = (0usize, 0usize, 0.0f64, 0.0f64);
    let mut i = 0;
    while i < sorted.len() {
        let score = sorted[i].0;
        while i < sorted.len() && sorted[i].0 == score {
            seen += 1;
            tp += usize::from(sorted[i].1);
            i += 1;
        }
        let recall = tp as f64 / positives as f64;
        ap += (recall - last_recall) * (tp as f64 / seen as f64);
        last_recall = recall;
    }
    Some(ap)
}

/// Which fields of a labelled record to read.
#[derive(Debug, Clone)]
pub struct EvalFields {
    pub labels: String,
    pub source: String,
    /// Behavioural-suite records name the functionality they test (`tests/behaviour/`);
    /// records without the field are left out of the per-functionality table.
    pub functionality: String,
}

/// Pass rate of one functionality of a behavioural suite: a case passes when every head it
/// labels (0 or 1) is decided that way by the verdict's `flagged` list.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct FunctionalityResult {
    pub cases: usize,
    pub passed: usize,
    pub pass_rate: f64,
}

/// Sampling, chunking and error handling.
#[derive(Debug, Clone)]
pub struct EvalOptions {
    /// Stop after this many evaluated records.
    pub limit: Option<usize>,
    /// Evaluate every N-th record (1 = all).
    pub sample_every: usize,
    /// Chunks and `--on-error` (`emit` leaves bad records out, as `skip` does: eval writes no
    /// records).
    pub chunk: ChunkOptions,
}

/// The result of an evaluation.
#[derive(Debug, Clone, Serialize)]
pub struct EvalReport {
    /// Records evaluated.
    pub records: usize,
    /// Bad records left out (`--on-error skip|emit`).
    pub record_errors: usize,
    /// Threshold per head, as used.
    pub thresholds: BTreeMap<String, f32>,
    /// Head -> metrics over all sources.
    pub overall: BTreeMap<String, HeadMetrics>,
    /// Source -> head -> metrics.
    pub by_source: BTreeMap<String, BTreeMap<String, HeadMetrics>>,
    /// Functionality -> pass rate, for records that carry a functionality field.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub by_functionality: BTreeMap<String, FunctionalityResult>,
    #[serde(skip)]
    pub labels: Vec<String>,
}

/// What eval keeps of a record besides the record: its known labels `(head index, positive)`,
/// its source and its functionality (behavioural suites only).
type Labelled = (Vec<(usize, bool)>, String, Option<String>);

/// A string field of `rec`, if present.
pub(crate) fn string_field(rec: &Record, field: &str) -> Option<String> {
    rec.fields.get(field, &[]).and_then(|v| v.to_json().as_str().map(str::to_owned))
}

/// A record's known labels: `(head index, positive)`.
pub(crate) fn known_labels(
    rec: &Record,
    fields: &EvalFields,
    labels: &[String],
) -> Result<Vec<(usize, bool)>, Box<RecordError>> {
    let err = |message: String| {
        Box::new(RecordError {
            line: rec.line,
            field: Some(fields.labels.clone()),
            message,
            fields: None,
            raw: None,
            id: rec.id.clone(),
        })
    };
    let map = match rec.fields.get(&fields.labels, &[]).map(|v| v.to_json()) {
        Some(serde_json::Value::Object(map)) => map,
        None => return Err(err("missing".into())),
        Some(other) => return Err(err(format!("expected an object, got {}", json_type(&other)))),
    };
    // A key that names no head (a typo such as `bulying`) would silently make that head
    // "unknown" for the record and the metrics would say nothing: an error, not a guess.
    if let Some(k) = map.keys().find(|k| !labels.iter().any(|l| l == *k)) {
        return Err(err(format!("`{k}`: unknown label (the model's labels: {})", labels.join(", "))));
    }
    let mut out = Vec::new();
    for (i, l) in labels.iter().enumerate() {
        match map.get(l) {
            None | Some(serde_json::Value::Null) => {}
            Some(v) => match v.as_f64() {
                Some(x) if x == 0.0 || x == 1.0 => out.push((i, x == 1.0)),
                Some(b) => return Err(err(format!("`{l}`: expected 0, 1 or null, got {b}"))),
                None => match v.as_bool() {
                    Some(b) => out.push((i, b)),
                    None => return Err(err(format!("`{l}`: expected 0, 1 or null, got {v}"))),
                },
            },
        }
    }
    Ok(out)
}

fn json_type(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "boolean",
        serde_json::Value::Number(_) => "number",
        serde_json::Value::String(_) => "string",
        serde_json::Value::Array(_) => "array",
        serde_json::Value::Object(_) => "object",
    }
}

/// `eval` as a [`Consumer`] of the chunk driver: collects scores and decisions per head.
struct EvalSink<'a> {
    fields: &'a EvalFields,
    opts: &'a EvalOptions,
    labels: Vec<Label>,
    names: Vec<String>,
    /// Input records seen (for `--sample-every`).
    index: usize,
    records: usize,
    record_errors: usize,
    overall: Vec<HeadData>,
    by_source: BTreeMap<String, Vec<HeadData>>,
    by_functionality: BTreeMap<String, FunctionalityResult>,
}

impl Consumer for EvalSink<'_> {
    type Extra = Labelled;
    type Error = ReadError;

    fn admit(&mut self, item: Item) -> Option<Result<(Record, Labelled), RecordError>> {
        self.index += 1;
        if !(self.index - 1).is_multiple_of(self.opts.sample_every.max(1)) {
            return None;
        }
        Some(match item {
            Item::Ok(rec) => known_labels(&rec, self.fields, &self.names).map_err(|e| *e).map(|known| {
                let source = string_field(&rec, &self.fields.source).unwrap_or_else(|| "(none)".to_owned());
                let functionality = string_field(&rec, &self.fields.functionality);
                (rec, (known, source, functionality))
            }),
            Item::Err(e) => Err(e),
        })
    }

    fn room(&self) -> Option<usize> {
        self.opts.limit.map(|l| l.saturating_sub(self.records))
    }

    fn scored(
        &mut self,
        _rec: Record,
        (known, source, functionality): Labelled,
        scored: crate::output::Scored,
    ) -> Result<(), ReadError> {
        self.records += 1;
        let n = self.labels.len();
        let per_source = self.by_source.entry(source).or_insert_with(|| vec![HeadData::default(); n]);
        let mut passed = true;
        for (head, positive) in known {
            let score = scored.scores.get(head).map_or(0.0, |s| s.1);
            let flagged = scored.flagged.contains(&self.labels[head]);
            self.overall[head].points.push((score, flagged, positive));
            per_source[head].points.push((score, flagged, positive));
            passed &= flagged == positive;
        }
        if let Some(f) = functionality {
            let r = self.by_functionality.entry(f).or_default();
            r.cases += 1;
            r.passed += usize::from(passed);
        }
        Ok(())
    }

    fn bad(&mut self, _e: &RecordError) -> Result<&'static str, ReadError> {
        self.record_errors += 1;
        Ok("skipped")
    }

    fn fatal(&mut self, e: RecordError) -> ReadError {
        ReadError::Input(format!("{}: {e}", chunk::location(&self.opts.chunk.input_name, &e)))
    }

    fn chunk_done(&mut self) -> Result<(), ReadError> {
        Ok(())
    }
}

/// Run the evaluation.
///
/// # Errors
/// Input errors; under `--on-error fail` the first bad record (`FILE:LINE: message` as
/// [`ReadError::Input`]).
pub fn run(
    reader: &mut RecordReader,
    scorer: &mut dyn Scorer,
    fields: &EvalFields,
    thresholds: BTreeMap<String, f32>,
    opts: &EvalOptions,
    progress: &indicatif::ProgressBar,
) -> Result<EvalReport, ReadError> {
    let labels = scorer.labels();
    let names: Vec<String> = labels.iter().map(|l| l.as_str().to_owned()).collect();
    let mut sink = EvalSink {
        fields,
        opts,
        overall: vec![HeadData::default(); labels.len()],
        labels,
        names,
        index: 0,
        records: 0,
        record_errors: 0,
        by_source: BTreeMap::new(),
        by_functionality: BTreeMap::new(),
    };
    chunk::drive(reader, scorer, &mut sink, &opts.chunk, progress).map_err(|e| match e {
        Stop::Read(e) | Stop::Consumer(e) => e,
        Stop::Interrupted => ReadError::Input("interrupted".into()),
    })?;
    let EvalSink { names: labels, overall, by_source, by_functionality, records, record_errors, .. } = sink;
    let to_map = |data: &[HeadData]| -> BTreeMap<String, HeadMetrics> {
        labels.iter().zip(data).filter(|(_, d)| !d.points.is_empty()).map(|(l, d)| (l.clone(), d.metrics())).collect()
    };
    Ok(EvalReport {
        records,
        record_errors,
        thresholds,
        overall: to_map(&overall),
        by_source: by_source.iter().map(|(s, d)| (s.clone(), to_map(d))).collect(),
        by_functionality: by_functionality
            .into_iter()
            .map(|(f, mut r)| {
                r.pass_rate = r.passed as f64 / r.cases.max(1) as f64;
                (f, r)
            })
            .collect(),
        labels: labels.clone(),
    })
}

fn cell(v: Option<f64>) -> String {
    v.map_or_else(|| "-".to_owned(), |x| format!("{x:.3}"))
}

impl EvalReport {
    /// A plain-text table: overall first, then each source.
    pub fn table(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "{} records evaluated, {} bad records left out", self.records, self.record_errors);
        let _ = writeln!(
            s,
            "thresholds: {}",
            self.labels
                .iter()
                .filter_map(|l| self.thresholds.get(l).map(|t| format!("{l}={t}")))
                .collect::<Vec<_>>()
                .join(" ")
        );
        let _ = writeln!(
            s,
            "\n{:<28} {:<15} {:>7} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
            "source", "head", "n", "pos", "flag", "prec", "recall", "f1", "AP"
        );
        let mut rows = |name: &str, m: &BTreeMap<String, HeadMetrics>| {
            for l in &self.labels {
                if let Some(h) = m.get(l) {
                    let _ = writeln!(
                        s,
                        "{:<28} {:<15} {:>7} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
                        name,
                        l,
                        h.n,
                        h.positives,
                        h.predicted,
                        cell(h.precision),
                        cell(h.recall),
                        cell(h.f1),
                        cell(h.average_precision)
                    );
                }
            }
        };
        rows("(overall)", &self.overall);
        for (src, m) in &self.by_source {
            rows(src, m);
        }
        if !self.by_functionality.is_empty() {
            let _ = writeln!(s, "\n{:<40} {:>6} {:>7} {:>9}", "functionality", "cases", "passed", "pass rate");
            for (f, r) in &self.by_functionality {
                let _ = writeln!(s, "{f:<40} {:>6} {:>7} {:>8.1}%", r.cases, r.passed, 100.0 * r.pass_rate);
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chunk::OnError;
    use crate::chunk::tests::Stub;
    use crate::input::{FieldSpec, Format};

    fn eval(
        data: &str,
        on_error: OnError,
        limit: Option<usize>,
        sample_every: usize,
        batch: usize,
    ) -> (Result<EvalReport, ReadError>, Stub) {
        let src: Box<dyn std::io::BufRead> = Box::new(std::io::Cursor::new(data.as_bytes().to_vec()));
        let spec = FieldSpec { id: Some("id".into()), ..FieldSpec::default() };
        let mut reader = RecordReader::new(src, Format::Jsonl, spec).unwrap();
        let fields =
            EvalFields { labels: "labels".into(), source: "source".into(), functionality: "functionality".into() };
        let chunk = ChunkOptions {
            on_error,
            chunk_records: batch,
            chunk_bytes: 1 << 20,
            input_name: "e.jsonl".into(),
            interrupted: None,
        };
        let mut stub = Stub::default();
        let opts = EvalOptions { limit, sample_every, chunk };
        let r = run(&mut reader, &mut stub, &fields, BTreeMap::new(), &opts, &indicatif::ProgressBar::hidden());
        (r, stub)
    }

    const DATA: &str = concat!(
        r#"{"id": 1, "text": "bad a", "labels": {"bullying": 1}, "source": "s1", "functionality": "f"}"#,
        "\n",
        r#"{"id": 2, "text": "fine", "labels": {"bullying": 0, "crisis": null}, "source": "s2"}"#,
        "\n",
        r#"{"id": 3, "text": "boom", "labels": {"bullying": 1}}"#,
        "\n",
        r#"{"id": 4, "text": "x", "labels": {"bulying": 1}}"#,
        "\n",
        r#"{"id": 5, "text": "bad b", "labels": {"bullying": 0}, "source": "s1", "functionality": "f"}"#,
        "\n",
        r#"{"id": 6, "text": 7, "labels": {"bullying": 0}}"#,
        "\n",
        r#"{"id": 7, "text": "fine 2", "labels": {"bullying": 1}, "source": "s2"}"#,
        "\n",
    );

    #[test]
    fn eval_through_the_chunk_driver() {
        for batch in [1, 2, 3, 100] {
            let (r, _) = eval(DATA, OnError::Skip, None, 1, batch);
            let r = r.unwrap();
            // 3 (not scorable), 4 (unknown label) and 6 (text not a string) are left out.
            assert_eq!((r.records, r.record_errors), (4, 3), "batch {batch}");
            let b = &r.overall["bullying"];
            assert_eq!((b.n, b.positives, b.predicted, b.tp), (4, 2, 2, 1), "batch {batch}");
            assert_eq!(r.by_source["s1"]["bullying"].n, 2);
            assert_eq!(r.by_functionality["f"].cases, 2);
            assert_eq!(r.by_functionality["f"].passed, 1);
            // `emit` has nothing to write in eval: the same as skip.
            let (e, _) = eval(DATA, OnError::Emit, None, 1, batch);
            assert_eq!(e.unwrap().record_errors, 3);
        }
    }

    #[test]
    fn eval_limit_sampling_and_fail() {
        let (r, stub) = eval(DATA, OnError::Skip, Some(2), 1, 100);
        assert_eq!(r.unwrap().records, 2);
        assert!(stub.max_batch <= 2, "the limit bounds what is scored: {}", stub.max_batch);
        // Every 2nd record: 1, 3, 5, 7; 3 cannot be scored.
        let (r, _) = eval(DATA, OnError::Skip, None, 2, 2);
        let r = r.unwrap();
        assert_eq!((r.records, r.record_errors), (3, 1));
        let (r, _) = eval(DATA, OnError::Fail, None, 1, 100);
        let Err(ReadError::Input(m)) = r else { panic!("{r:?}") };
        assert_eq!(m, "e.jsonl:3 (id 3): scoring failed: stub failure");
        let (r, _) = eval(&DATA.replace(r#""text": "boom""#, r#""text": "ok""#), OnError::Fail, None, 1, 100);
        let Err(ReadError::Input(m)) = r else { panic!("{r:?}") };
        assert_eq!(
            m,
            "e.jsonl:4 (id 4): field `labels`: `bulying`: unknown label (the model's labels: bullying, crisis)"
        );
    }

    #[test]
    fn average_precision_matches_sklearn() {
        // sklearn.metrics.average_precision_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.8333...
        let ap = average_precision(&[(0.1, false), (0.4, false), (0.35, true), (0.8, true)]).unwrap();
        assert!((ap - 0.833_333_333).abs() < 1e-6, "{ap}");
        // Perfect ranking.
        assert_eq!(average_precision(&[(0.9, true), (0.1, false)]), Some(1.0));
        // All tied: precision = prevalence.
        assert_eq!(average_precision(&[(0.5, true), (0.5, false), (0.5, false), (0.5, false)]), Some(0.25));
        assert_eq!(average_precision(&[(0.5, false)]), None);
    }

    #[test]
    fn precision_recall_f1() {
        let d =
            HeadData { points: vec![(0.9, true, true), (0.8, true, false), (0.2, false, true), (0.1, false, false)] };
        let m = d.metrics();
        assert_eq!((m.n, m.positives, m.predicted, m.tp), (4, 2, 2, 1));
        assert_eq!((m.precision, m.recall, m.f1), (Some(0.5), Some(0.5), Some(0.5)));
        let none = HeadData { points: vec![(0.1, false, false)] }.metrics();
        assert_eq!((none.precision, none.recall, none.f1, none.average_precision), (None, None, None, None));
    }
}
