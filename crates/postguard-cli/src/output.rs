//! Output writers for `score`: one output record per input record, original fields first, then
//! the `postguard` object (JSONL) or the `postguard_*` columns (CSV).
//!
//! Records are serialised whole into memory and then written, so a record is never interleaved
//! with another; [`Output::flush`] is called once per chunk, and the byte count it returns is the
//! resume checkpoint (everything before it is complete records).

use std::io::{self, Write};

use serde::ser::{SerializeMap, Serializer};
use serde_json::json;

use postguard::{HelpResource, Label, Language, Limited, PiiFinding, RuleHit};

use crate::input::{Fields, Format, Record, RecordError};

/// What the CLI keeps of a verdict, in the core's types (decoupled from [`postguard::Verdict`],
/// whose fields only the core can set, so the I/O layer can be tested with a stub scorer).
/// Serialised once, when its output record is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Scored {
    /// Fused score per label, in the classifier's label order.
    pub scores: Vec<(Label, f32)>,
    /// Labels flagged, in label order.
    pub flagged: Vec<Label>,
    /// Active rule hits.
    pub rule_hits: Vec<RuleHit>,
    /// Help resources (non-empty only when crisis is flagged).
    pub resources: Vec<HelpResource>,
    /// What a per-post limit cut, when one applied.
    pub limited: Option<Limited>,
    pub model: ModelMeta,
    /// Personal information found in the text.
    pub pii: Vec<PiiFinding>,
    /// Advice to an author who shared their own details.
    pub privacy_notice: Option<String>,
    /// The language of the text (`und` when undetermined).
    pub language: Language,
    /// The text is confidently in a language the model does not support.
    pub unsupported_language: bool,
    /// With `--redact`: the text and context with every finding replaced by its placeholder,
    /// to be written instead of the input's fields.
    pub redacted: Option<Redacted>,
}

/// The redacted text and context of a record (`score --redact`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redacted {
    pub text: String,
    pub context: Option<String>,
}

/// Name, version, weights digest and arithmetic (`int8`/`f32`) of the model that produced a score.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ModelMeta {
    pub name: String,
    pub version: String,
    pub sha256: String,
    /// Digest of every file that decides a score ([`postguard::ModelInfo::files_sha256`]).
    pub files_sha256: String,
    pub precision: String,
}

/// Serialises `[(label, score)]` as a JSON object in the given order.
struct OrderedScores<'a>(&'a [(Label, f32)]);

impl serde::Serialize for OrderedScores<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            m.serialize_entry(k.as_str(), &round(*v))?;
        }
        m.end()
    }
}

/// A core type in the output's JSON form: object keys in sorted order and floats as `f64`, as
/// `score` has always written rule hits, resources and `limited` (through `serde_json::Value`,
/// whose maps sort their keys). The output is pinned byte for byte, so it stays that way.
struct AsJson<'a, T>(&'a T);

impl<T: serde::Serialize> serde::Serialize for AsJson<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serde_json::to_value(self.0).map_err(serde::ser::Error::custom)?.serialize(s)
    }
}

/// `value` as [`AsJson`] text.
fn json_text<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(&AsJson(value)).expect("serialising plain data cannot fail")
}

/// Scores are written with 6 decimals: more is noise, and it keeps files diff-able.
fn round(v: f32) -> f64 {
    (f64::from(v) * 1e6).round() / 1e6
}

/// The `postguard` object of a scored record.
pub fn postguard_json(s: &Scored) -> String {
    #[derive(serde::Serialize)]
    struct Pg<'a> {
        scores: OrderedScores<'a>,
        flagged: &'a [Label],
        rule_hits: AsJson<'a, Vec<RuleHit>>,
        resources: AsJson<'a, Vec<HelpResource>>,
        model: &'a ModelMeta,
        #[serde(skip_serializing_if = "Option::is_none")]
        limited: Option<AsJson<'a, Limited>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        pii: Option<AsJson<'a, Vec<PiiFinding>>>,
        #[serde(skip_serializing_if = "Option::is_none")]
        privacy_notice: Option<&'a str>,
        language: AsJson<'a, Language>,
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        unsupported_language: bool,
    }
    serde_json::to_string(&Pg {
        scores: OrderedScores(&s.scores),
        flagged: &s.flagged,
        rule_hits: AsJson(&s.rule_hits),
        resources: AsJson(&s.resources),
        model: &s.model,
        limited: s.limited.as_ref().map(AsJson),
        pii: (!s.pii.is_empty()).then_some(AsJson(&s.pii)),
        privacy_notice: s.privacy_notice.as_deref(),
        language: AsJson(&s.language),
        unsupported_language: s.unsupported_language,
    })
    .expect("serialising plain data cannot fail")
}

/// The `postguard` object of an error record.
pub fn error_json(e: &RecordError) -> String {
    let mut err = json!({"line": e.line, "message": e.to_string()});
    if let Some(field) = &e.field {
        err["field"] = json!(field);
    }
    if e.fields.is_none()
        && let Some(raw) = &e.raw
    {
        err["raw"] = json!(raw);
    }
    json!({ "error": err }).to_string()
}

/// Counts bytes that reach the inner writer (the resume checkpoint).
#[derive(Debug)]
pub struct Counting<W> {
    inner: W,
    bytes: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// CSV output column names after the original columns, for `labels`.
pub fn csv_postguard_columns(labels: &[Label]) -> Vec<String> {
    let mut cols: Vec<String> = labels.iter().map(|l| format!("postguard_{}", l.as_str())).collect();
    for c in [
        "flagged",
        "rule_hits",
        "resources",
        "model",
        "model_sha256",
        "model_files_sha256",
        "error",
        "raw",
        "limited",
        "pii",
        "privacy_notice",
        "language",
        "language_confidence",
        "unsupported_language",
    ] {
        cols.push(format!("postguard_{c}"));
    }
    cols
}

/// A `score` output sink.
pub struct Output {
    kind: Kind,
    labels: Vec<Label>,
    /// `score --redact`: the text and context field names.
    redact_fields: Option<(String, Option<String>)>,
    /// Header of a CSV input (to name CSV cells in JSONL output).
    input_header: Vec<String>,
}

impl std::fmt::Debug for Output {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Output").field("labels", &self.labels).finish_non_exhaustive()
    }
}

enum Kind {
    Jsonl(io::BufWriter<Counting<Box<dyn Write>>>),
    Csv {
        w: Box<csv::Writer<Counting<Box<dyn Write>>>>,
        /// Original columns passed through; `None` until the first record decides them.
        base: Option<Vec<String>>,
        /// Whether the header row still has to be written.
        need_header: bool,
        /// JSONL input: the columns are decided by the first record, so a later record's keys
        /// outside them are written, as one JSON object, in a last `postguard_extra` column
        /// instead of being dropped.
        extra: bool,
    },
}

impl Output {
    /// A writer of `format` to `sink`. `input_header` is the CSV input header (empty for JSONL
    /// input). `resumed_csv_base`: when resuming a CSV output, the original columns of the header
    /// already in the file (the header is then not written again).
    pub fn new(
        sink: Box<dyn Write>,
        format: Format,
        labels: Vec<Label>,
        input_header: Vec<String>,
        resumed_csv_base: Option<Vec<String>>,
    ) -> Output {
        let counting = Counting { inner: sink, bytes: 0 };
        let kind = match format {
            Format::Jsonl => Kind::Jsonl(io::BufWriter::with_capacity(1 << 16, counting)),
            Format::Csv => {
                let w = Box::new(csv::WriterBuilder::new().flexible(false).from_writer(counting));
                let need_header = resumed_csv_base.is_none();
                let extra = input_header.is_empty();
                let base = resumed_csv_base
                    .or_else(|| (!input_header.is_empty()).then(|| without_postguard(input_header.iter().cloned())));
                Kind::Csv { w, base, need_header, extra }
            }
        };
        Output { kind, labels, input_header, redact_fields: None }
    }

    /// Write the redacted text (field `text`) and context (field `context`) of a record that
    /// carries them ([`Scored::redacted`]) instead of the input's values (`score --redact`).
    #[must_use]
    pub fn redacting(mut self, text: &str, context: Option<&str>) -> Output {
        self.redact_fields = Some((text.to_owned(), context.map(str::to_owned)));
        self
    }

    /// Write one scored record.
    ///
    /// # Errors
    /// I/O errors of the sink.
    pub fn write_ok(&mut self, rec: &Record, scored: &Scored) -> io::Result<()> {
        let redacted;
        let fields = match (&scored.redacted, &self.redact_fields) {
            (Some(r), Some((text, context))) => {
                let mut f = rec.fields.clone();
                f.replace(text, Some(&r.text), &self.input_header);
                if let (Some(name), Some(value)) = (context, &r.context) {
                    f.replace(name, Some(value), &self.input_header);
                }
                redacted = f;
                &redacted
            }
            _ => &rec.fields,
        };
        match &mut self.kind {
            Kind::Jsonl(w) => {
                let line = jsonl_line(fields, &self.input_header, &postguard_json(scored));
                w.write_all(line.as_bytes())
            }
            Kind::Csv { .. } => {
                let mut tail: Vec<String> = scored.scores.iter().map(|(_, v)| round(*v).to_string()).collect();
                tail.push(scored.flagged.iter().map(|l| l.as_str()).collect::<Vec<_>>().join(";"));
                tail.push(json_text(&scored.rule_hits));
                tail.push(json_text(&scored.resources));
                tail.push(format!("{}@{}", scored.model.name, scored.model.version));
                tail.push(scored.model.sha256.clone());
                tail.push(scored.model.files_sha256.clone());
                tail.push(String::new());
                tail.push(String::new());
                tail.push(scored.limited.as_ref().map(json_text).unwrap_or_default());
                tail.push(if scored.pii.is_empty() { String::new() } else { json_text(&scored.pii) });
                tail.push(scored.privacy_notice.clone().unwrap_or_default());
                tail.push(scored.language.code.clone());
                tail.push(round(scored.language.confidence).to_string());
                tail.push(scored.unsupported_language.to_string());
                let fields = fields.clone();
                self.write_csv(Some(&fields), tail)
            }
        }
    }

    /// Write an error record in place of a bad input record (`--on-error emit`).
    ///
    /// # Errors
    /// I/O errors of the sink.
    pub fn write_error(&mut self, e: &RecordError) -> io::Result<()> {
        // With --redact, an error record's text and context are written as null and its raw
        // input is left out: they could not be scored, so they cannot be redacted either.
        let mut e = std::borrow::Cow::Borrowed(e);
        if let Some((text, context)) = &self.redact_fields {
            let e = e.to_mut();
            e.raw = None;
            if let Some(fields) = &mut e.fields {
                fields.replace(text, None, &self.input_header);
                if let Some(context) = context {
                    fields.replace(context, None, &self.input_header);
                }
            } else {
                e.fields = None;
            }
        }
        let e = e.as_ref();
        match &mut self.kind {
            Kind::Jsonl(w) => {
                let pg = error_json(e);
                let line = match &e.fields {
                    Some(fields) => jsonl_line(fields, &self.input_header, &pg),
                    None => format!("{{\"postguard\":{pg}}}\n"),
                };
                w.write_all(line.as_bytes())
            }
            Kind::Csv { .. } => {
                // Empty score, flagged, rule_hits, resources, model, model_sha256 and
                // model_files_sha256 cells (see csv_postguard_columns).
                let mut tail = vec![String::new(); self.labels.len() + 6];
                tail.push(format!("line {}: {e}", e.line));
                tail.push(if e.fields.is_none() { e.raw.clone().unwrap_or_default() } else { String::new() });
                // Empty limited, pii, privacy_notice, language, language_confidence and
                // unsupported_language cells.
                tail.extend(std::iter::repeat_n(String::new(), 6));
                self.write_csv(e.fields.as_ref(), tail)
            }
        }
    }

    fn write_csv(&mut self, fields: Option<&Fields>, tail: Vec<String>) -> io::Result<()> {
        let Kind::Csv { w, base, need_header, extra } = &mut self.kind else { unreachable!() };
        let base = base.get_or_insert_with(|| match fields {
            // JSONL in, CSV out: the first record's keys are the columns.
            Some(Fields::Json(members)) => without_postguard(members.iter().map(|(k, _)| k.clone())),
            _ => Vec::new(),
        });
        if *need_header {
            *need_header = false;
            w.write_record(csv_header(base, &self.labels, *extra)).map_err(csv_io)?;
        }
        let extra_cell = extra.then(|| match fields {
            Some(Fields::Json(members)) => extra_members(members, base),
            _ => String::new(),
        });
        let mut row: Vec<String> = base
            .iter()
            .map(|col| {
                fields
                    .and_then(|f| f.get(col, &self.input_header))
                    .map(|v| match v {
                        crate::input::FieldValue::Str(s) => s.to_owned(),
                        crate::input::FieldValue::Json(raw) => match raw.get().as_bytes().first() {
                            Some(b'"') => serde_json::from_str::<String>(raw.get()).unwrap_or_default(),
                            Some(b'n') => String::new(),
                            _ => raw.get().to_owned(),
                        },
                    })
                    .unwrap_or_default()
            })
            .collect();
        row.extend(tail);
        row.extend(extra_cell);
        w.write_record(&row).map_err(csv_io)
    }

    /// Flush everything written so far; returns the total bytes written to the sink.
    ///
    /// # Errors
    /// I/O errors of the sink.
    pub fn flush(&mut self) -> io::Result<u64> {
        match &mut self.kind {
            Kind::Jsonl(w) => {
                w.flush()?;
                Ok(w.get_ref().bytes)
            }
            Kind::Csv { w, .. } => {
                w.flush()?;
                Ok(w.get_ref().bytes)
            }
        }
    }

    /// Flush, writing the CSV header if no record was written (an empty input still gets a
    /// header, so the output is a valid CSV file with the expected columns).
    ///
    /// # Errors
    /// I/O errors of the sink.
    pub fn finish(&mut self) -> io::Result<u64> {
        let labels = self.labels.clone();
        if let Kind::Csv { w, base, need_header, extra } = &mut self.kind
            && *need_header
        {
            *need_header = false;
            w.write_record(csv_header(base.as_deref().unwrap_or_default(), &labels, *extra)).map_err(csv_io)?;
        }
        self.flush()
    }
}

/// The I/O error inside a CSV writer error, kind kept (a closed pipe must stay `BrokenPipe`, so
/// JSONL and CSV output end the same way).
fn csv_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// The CSV header: the original columns, the postguard columns, and `postguard_extra` when the
/// input is JSONL.
fn csv_header(base: &[String], labels: &[Label], extra: bool) -> Vec<String> {
    let mut header = base.to_vec();
    header.extend(csv_postguard_columns(labels));
    if extra {
        header.push(EXTRA_COLUMN.to_owned());
    }
    header
}

/// The CSV column holding a JSONL record's members that are not columns (see [`Kind::Csv`]).
pub const EXTRA_COLUMN: &str = "postguard_extra";

/// The members of a JSONL record outside the CSV columns `base`, as a JSON object in input
/// order with their values as written; empty when there are none. An earlier run's `postguard`
/// object or `postguard_*` members are replaced by this run's, as in the columns.
fn extra_members(members: &[(String, Box<serde_json::value::RawValue>)], base: &[String]) -> String {
    let mut out = String::new();
    for (k, v) in members {
        if k == "postguard" || k.starts_with("postguard_") || base.iter().any(|b| b == k) {
            continue;
        }
        out.push(if out.is_empty() { '{' } else { ',' });
        out.push_str(&serde_json::to_string(k).expect("a string serialises"));
        out.push(':');
        out.push_str(v.get());
    }
    if !out.is_empty() {
        out.push('}');
    }
    out
}

fn without_postguard(cols: impl Iterator<Item = String>) -> Vec<String> {
    // An input that is itself postguard output: its old postguard columns are replaced.
    cols.filter(|c| !c.starts_with("postguard_")).collect()
}

/// `{original members..., "postguard": pg}\n`; an existing `postguard` member is replaced.
fn jsonl_line(fields: &Fields, header: &[String], pg: &str) -> String {
    let mut out = String::with_capacity(256 + pg.len());
    out.push('{');
    let push = |out: &mut String, key: &str, value: &str| {
        out.push_str(&serde_json::to_string(key).expect("a string serialises"));
        out.push(':');
        out.push_str(value);
        out.push(',');
    };
    match fields {
        Fields::Json(members) => {
            for (k, v) in members.iter().filter(|(k, _)| k != "postguard") {
                push(&mut out, k, v.get());
            }
        }
        Fields::Csv(cells) => {
            for (k, v) in header.iter().zip(cells).filter(|(k, _)| !k.starts_with("postguard_")) {
                push(&mut out, k, &serde_json::to_string(v).expect("a string serialises"));
            }
        }
    }
    out.push_str("\"postguard\":");
    out.push_str(pg);
    out.push_str("}\n");
    out
}

#[cfg(test)]
pub(crate) mod test_support {
    use std::io::{self, Write};
    use std::sync::{Arc, Mutex};

    /// A `Write` whose bytes can be read after the `Output` is done with it.
    #[derive(Clone, Default)]
    pub(crate) struct Shared(Arc<Mutex<Vec<u8>>>);
    impl Write for Shared {
        fn write(&mut self, b: &[u8]) -> io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(b);
            Ok(b.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
    impl Shared {
        /// Everything written so far, as UTF-8.
        pub(crate) fn text(&self) -> String {
            String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::Shared;
    use super::*;
    use crate::input::{FieldSpec, Item, parse_jsonl_line};
    use postguard::Severity;

    fn labels() -> Vec<Label> {
        vec![Label::Bullying, Label::Misinformation, Label::UnsafeAdvice, Label::Crisis]
    }

    fn scored() -> Scored {
        Scored {
            scores: labels().into_iter().zip([0.9, 0.1, 0.0, 0.25]).collect(),
            flagged: vec![Label::Bullying],
            rule_hits: vec![RuleHit::new("r", Label::Bullying, Severity::High, 0, 1, "x")],
            resources: vec![],
            limited: None,
            pii: vec![],
            privacy_notice: None,
            language: Language::default(),
            unsupported_language: false,
            redacted: None,
            model: ModelMeta {
                name: "m".into(),
                version: "1".into(),
                sha256: "ab".into(),
                files_sha256: "cd".into(),
                precision: "f32".into(),
            },
        }
    }

    fn record(line: &str) -> Record {
        match parse_jsonl_line(line.as_bytes(), 1, &FieldSpec::default()) {
            Item::Ok(r) => r,
            Item::Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn jsonl_keeps_fields_and_replaces_postguard() {
        let buf = Shared::default();
        let mut out = Output::new(Box::new(buf.clone()), Format::Jsonl, labels(), vec![], None);
        out.write_ok(&record(r#"{"b": 1.50, "text": "x", "postguard": 1}"#), &scored()).unwrap();
        let n = out.flush().unwrap();
        let text = buf.text();
        assert_eq!(n as usize, text.len());
        assert!(text.starts_with(r#"{"b":1.50,"text":"x","postguard":{"scores":{"bullying":0.9,"misinformation":0.1,"unsafe_advice":0.0,"crisis":0.25},"flagged":["bullying"]"#), "{text}");
        assert!(text.ends_with("}\n"));
        let v: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(v["postguard"]["model"]["sha256"], "ab");
    }

    #[test]
    fn jsonl_error_records() {
        let buf = Shared::default();
        let mut out = Output::new(Box::new(buf.clone()), Format::Jsonl, labels(), vec![], None);
        let Item::Err(with_fields) = parse_jsonl_line(br#"{"id": 3, "text": 5}"#, 4, &FieldSpec::default()) else {
            panic!()
        };
        let Item::Err(no_fields) = parse_jsonl_line(b"{oops", 5, &FieldSpec::default()) else { panic!() };
        out.write_error(&with_fields).unwrap();
        out.write_error(&no_fields).unwrap();
        out.flush().unwrap();
        let text = buf.text();
        let lines: Vec<serde_json::Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines[0]["id"], 3);
        assert_eq!(lines[0]["postguard"]["error"]["line"], 4);
        assert_eq!(lines[0]["postguard"]["error"]["field"], "text");
        assert_eq!(lines[0]["postguard"]["error"]["message"], "field `text`: expected a string, got number");
        assert_eq!(lines[1]["postguard"]["error"]["raw"], "{oops");
        assert_eq!(lines[1]["postguard"]["error"]["line"], 5);
    }

    #[test]
    fn csv_from_jsonl_flattens() {
        let buf = Shared::default();
        let mut out = Output::new(Box::new(buf.clone()), Format::Csv, labels(), vec![], None);
        out.write_ok(&record(r#"{"id": 1, "text": "a, \"b\"", "meta": {"k": null}}"#), &scored()).unwrap();
        out.write_ok(&record(r#"{"text": "c", "id": null}"#), &scored()).unwrap();
        out.finish().unwrap();
        let text = buf.text();
        let mut lines = text.lines();
        assert_eq!(
            lines.next().unwrap(),
            "id,text,meta,postguard_bullying,postguard_misinformation,postguard_unsafe_advice,postguard_crisis,postguard_flagged,postguard_rule_hits,postguard_resources,postguard_model,postguard_model_sha256,postguard_model_files_sha256,postguard_error,postguard_raw,postguard_limited,postguard_pii,postguard_privacy_notice,postguard_language,postguard_language_confidence,postguard_unsupported_language,postguard_extra"
        );
        assert_eq!(
            lines.next().unwrap(),
            r#"1,"a, ""b""","{""k"": null}",0.9,0.1,0,0.25,bullying,"[{""end"":1,""label"":""bullying"",""rule_id"":""r"",""severity"":""high"",""start"":0,""text"":""x""}]",[],m@1,ab,cd,,,,,,und,0,false,"#
        );
        assert_eq!(
            lines.next().unwrap(),
            r#",c,,0.9,0.1,0,0.25,bullying,"[{""end"":1,""label"":""bullying"",""rule_id"":""r"",""severity"":""high"",""start"":0,""text"":""x""}]",[],m@1,ab,cd,,,,,,und,0,false,"#
        );
    }

    #[test]
    fn csv_from_jsonl_keeps_keys_the_first_record_lacked() {
        let buf = Shared::default();
        let mut out = Output::new(Box::new(buf.clone()), Format::Csv, labels(), vec![], None);
        out.write_ok(&record(r#"{"id": 1, "text": "a"}"#), &scored()).unwrap();
        out.write_ok(
            &record(r#"{"id": 2, "text": "b", "context": "kys", "meta": {"k": [1, 2]}, "postguard_crisis": 1}"#),
            &scored(),
        )
        .unwrap();
        let Item::Err(bad) = parse_jsonl_line(br#"{"id": 3, "text": 5, "lang": "en"}"#, 3, &FieldSpec::default())
        else {
            panic!()
        };
        out.write_error(&bad).unwrap();
        out.finish().unwrap();
        let text = buf.text();
        let mut r = csv::Reader::from_reader(text.as_bytes());
        let header = r.headers().unwrap().clone();
        assert_eq!(header.iter().next_back(), Some("postguard_extra"));
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        let col = |row: &csv::StringRecord, name: &str| row[header.iter().position(|h| h == name).unwrap()].to_owned();
        assert_eq!(col(&rows[0], "postguard_extra"), "");
        // The context used for scoring, and every other key, is in the output.
        assert_eq!(col(&rows[1], "postguard_extra"), r#"{"context":"kys","meta":{"k": [1, 2]}}"#);
        assert_eq!(col(&rows[2], "postguard_extra"), r#"{"lang":"en"}"#);
        assert_eq!(col(&rows[2], "id"), "3");
        assert!(col(&rows[2], "postguard_error").contains("expected a string"));
        for row in &rows {
            assert_eq!(row.len(), header.len());
        }
    }

    #[test]
    fn csv_empty_input_still_gets_a_header() {
        let buf = Shared::default();
        let header = vec!["id".to_owned(), "text".to_owned()];
        let mut out = Output::new(Box::new(buf.clone()), Format::Csv, labels(), header, None);
        out.finish().unwrap();
        assert!(buf.text().starts_with("id,text,postguard_bullying,"));
        assert_eq!(buf.text().lines().count(), 1);
    }
}
