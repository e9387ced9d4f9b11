//! `rules audit`: every rule's hits, precision and negative hit rate over labelled JSONL
//! (the schema of `shared/data`), checked against the floor of its severity.
//!
//! A row counts for a rule's head only where that head is labelled (0 or 1): `null` is
//! unknown, never a negative. Each record is checked as the classifier checks it: the text
//! as a reply to its context, when it has one.

use std::fmt::Write as _;

use postguard::Label;
use postguard::rules::{AuditRow, RuleAudit, RuleSet};
use rayon::prelude::*;
use serde::Serialize;

use crate::eval::{EvalFields, known_labels, string_field};
use crate::input::{Item, ReadError, Record, RecordReader};

/// Records checked in parallel at a time.
const CHUNK: usize = 4096;

/// The audit of one or more files.
#[derive(Debug)]
pub struct AuditReport {
    /// The files audited, in order.
    pub files: Vec<String>,
    /// `(head, source)` pairs whose labels were not counted (`--ignore-labels`).
    pub ignored: Vec<(Label, String)>,
    /// Records audited.
    pub records: usize,
    /// Rules furthest past their floor first.
    pub rules: Vec<AuditRow>,
}

/// `--json`: a rule's counts with the derived rates and the verdict against its floor.
#[derive(Serialize)]
struct JsonRow<'a> {
    #[serde(flatten)]
    row: &'a AuditRow,
    precision: Option<f64>,
    zero_rate: f64,
    within_floor: bool,
}

/// Add every record of `reader` (named `name` in errors) to `audit`.
///
/// # Errors
/// The first unreadable or malformed record, named by file and line: an audit whose counts
/// silently miss records would misstate every rule's precision.
pub fn add_file(
    audit: &mut RuleAudit,
    rules: &RuleSet,
    reader: &mut RecordReader,
    fields: &EvalFields,
    ignore: &[(Label, String)],
    name: &str,
) -> Result<(), ReadError> {
    let labels: Vec<String> = Label::ALL.iter().map(|l| l.as_str().to_owned()).collect();
    let mut chunk: Vec<(Record, Vec<(Label, bool)>)> = Vec::with_capacity(CHUNK);
    loop {
        let item = reader.next_item().transpose()?;
        let end = item.is_none();
        if let Some(item) = item {
            let rec = match item {
                Item::Ok(rec) => rec,
                Item::Err(e) => return Err(ReadError::Input(format!("{}: {e}", crate::chunk::location(name, &e)))),
            };
            let known = known_labels(&rec, fields, &labels)
                .map_err(|e| ReadError::Input(format!("{}: {e}", crate::chunk::location(name, &e))))?;
            let source = string_field(&rec, &fields.source).unwrap_or_default();
            let known = known
                .into_iter()
                .map(|(i, p)| (Label::ALL[i], p))
                .filter(|(l, _)| !ignore.iter().any(|(il, is)| il == l && *is == source))
                .collect();
            chunk.push((rec, known));
        }
        if chunk.len() == CHUNK || (end && !chunk.is_empty()) {
            let reports: Vec<_> =
                chunk.par_iter().map(|(r, _)| rules.check_reply(&r.post.text, r.post.context.as_deref())).collect();
            for ((_, known), report) in chunk.iter().zip(&reports) {
                audit.add(report, known);
            }
            chunk.clear();
        }
        if end {
            return Ok(());
        }
    }
}

fn pct(x: f64) -> String {
    format!("{:.3}%", 100.0 * x)
}

impl AuditReport {
    /// The report as JSON: `{files, records, rules: [{rule_id, label, severity, hits,
    /// labelled_hits, positive_hits, zero_hits, zero_rows, floor, precision, zero_rate,
    /// within_floor}]}`, worst rule first.
    pub fn json(&self) -> serde_json::Value {
        let rules: Vec<JsonRow<'_>> = self
            .rules
            .iter()
            .map(|row| JsonRow {
                row,
                precision: row.precision(),
                zero_rate: row.zero_rate(),
                within_floor: row.within_floor(),
            })
            .collect();
        let ignored: Vec<String> = self.ignored.iter().map(|(l, s)| format!("{l}:{s}")).collect();
        serde_json::json!({ "files": self.files, "ignored_labels": ignored, "records": self.records, "rules": rules })
    }

    /// A Markdown table (it goes into the rules README as it is), worst rule first.
    pub fn table(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "{} records ({})", self.records, self.files.join(", "));
        for (l, src) in &self.ignored {
            let _ = writeln!(s, "labels not counted: {l} of {src}");
        }
        let _ = writeln!(s);
        let _ = writeln!(s, "| rule | severity | hits | labelled | precision | hits on 0 | rate on 0 | floor | ok |");
        let _ = writeln!(s, "|---|---|---:|---:|---:|---:|---:|---|---|");
        for r in &self.rules {
            let floor = r.floor.map_or_else(
                || "—".to_owned(),
                |f| match f.min_precision {
                    Some(p) => format!("≤ {}, P ≥ {p:.2}", pct(f.max_zero_rate)),
                    None => format!("≤ {}", pct(f.max_zero_rate)),
                },
            );
            let _ = writeln!(
                s,
                "| `{}` | {} | {} | {} | {} | {} of {} | {} | {} | {} |",
                r.rule_id,
                r.severity.as_str(),
                r.hits,
                r.labelled_hits,
                r.precision().map_or_else(|| "—".to_owned(), |p| format!("{p:.3}")),
                r.zero_hits,
                r.zero_rows,
                pct(r.zero_rate()),
                floor,
                if r.within_floor() { "yes" } else { "**no**" },
            );
        }
        let over = self.rules.iter().filter(|r| !r.within_floor()).count();
        let _ = writeln!(s, "\n{over} of {} rules past their floor", self.rules.len());
        s
    }
}
