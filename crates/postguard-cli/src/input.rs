//! Record readers for `score` and `eval`: JSONL and CSV, one [`Item`] per input record.
//!
//! Every input record becomes exactly one item, either a [`Record`] (text found) or a
//! [`RecordError`] (the record is there but unusable: malformed JSON, invalid UTF-8, a missing or
//! non-string text field, a ragged CSV row). The caller decides what to do with errors
//! (`--on-error`); the reader never drops a record on its own.
//!
//! What is *not* a record:
//! - JSONL: a line that is empty or only whitespace. It is counted in
//!   [`RecordReader::blank_lines`] so the summary can show it.
//! - CSV: the header row and blank lines (the CSV parser ignores those; they are counted too).
//!
//! A UTF-8 byte-order mark at the start of the input is removed; CRLF line ends are accepted.
//! I/O errors are returned as `Err` and are fatal.

use std::fmt;
use std::io::{self, BufRead, Read};
use std::path::Path;

use postguard::Post;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

/// Input/output file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// One JSON object per line.
    Jsonl,
    /// Comma-separated values with a header row.
    Csv,
}

impl Format {
    /// Guess the format from a file name: `.csv` and `.tsv` are CSV (see [`is_tsv`]); `.jsonl`,
    /// `.ndjson`, `.json` are JSONL.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" | "tsv" => Some(Format::Csv),
            "jsonl" | "ndjson" | "json" => Some(Format::Jsonl),
            _ => None,
        }
    }
}

/// Whether a file name ends in `.tsv` (tab-separated values: CSV with a tab as separator).
pub fn is_tsv(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("tsv"))
}

/// Default limit on the bytes of one input record (a JSONL line, a CSV record): far above any
/// post (`--max-post-bytes` scores 100,000 bytes of one), low enough that one huge line cannot
/// exhaust memory. A longer record is an error record, read past without being held.
pub const DEFAULT_MAX_RECORD_BYTES: usize = 16 << 20;

/// Which fields of a record hold the text, the optional context and the optional id.
#[derive(Debug, Clone)]
pub struct FieldSpec {
    pub text: String,
    pub context: Option<String>,
    /// Whether a CSV header must have the context column (an explicit `--context-field`); the
    /// default `context` field is used only where present.
    pub context_required: bool,
    pub id: Option<String>,
}

impl Default for FieldSpec {
    fn default() -> Self {
        FieldSpec { text: "text".into(), context: None, context_required: false, id: None }
    }
}

/// The original fields of a record, kept so the output can pass them through unchanged.
#[derive(Debug, Clone)]
pub enum Fields {
    /// JSON object members in input order, values as their original JSON text.
    Json(Vec<(String, Box<RawValue>)>),
    /// CSV cells, in header order (the header is held by the reader / writer).
    Csv(Vec<String>),
}

impl Fields {
    /// Sets field `name` (if the record has it) to the string `value`, or to JSON null / an
    /// empty CSV cell for `None` (`score --redact`).
    pub fn replace(&mut self, name: &str, value: Option<&str>, header: &[String]) {
        match self {
            Fields::Json(members) => {
                if let Some((_, v)) = members.iter_mut().find(|(k, _)| k == name) {
                    let text = value
                        .map_or_else(|| "null".to_owned(), |s| serde_json::to_string(s).expect("a string serialises"));
                    *v = RawValue::from_string(text).expect("serde_json wrote valid JSON");
                }
            }
            Fields::Csv(cells) => {
                if let Some(cell) = header.iter().position(|h| h == name).and_then(|i| cells.get_mut(i)) {
                    *cell = value.unwrap_or_default().to_owned();
                }
            }
        }
    }

    /// Look a field up by name (`header` is needed for CSV).
    pub fn get<'a>(&'a self, name: &str, header: &[String]) -> Option<FieldValue<'a>> {
        match self {
            Fields::Json(members) => members.iter().find(|(k, _)| k == name).map(|(_, v)| FieldValue::Json(v)),
            Fields::Csv(cells) => {
                let idx = header.iter().position(|h| h == name)?;
                cells.get(idx).map(|c| FieldValue::Str(c))
            }
        }
    }
}

/// A borrowed field value.
#[derive(Debug, Clone, Copy)]
pub enum FieldValue<'a> {
    Json(&'a RawValue),
    Str(&'a str),
}

impl FieldValue<'_> {
    /// The value as an owned JSON value (CSV cells are strings).
    pub fn to_json(self) -> serde_json::Value {
        match self {
            FieldValue::Json(raw) => serde_json::from_str(raw.get()).unwrap_or(serde_json::Value::Null),
            FieldValue::Str(s) => serde_json::Value::String(s.to_owned()),
        }
    }
}

/// A usable input record.
#[derive(Debug, Clone)]
pub struct Record {
    /// 1-based line of the input where the record starts.
    pub line: usize,
    pub fields: Fields,
    /// The text and context, built once here and handed to the classifier as they are.
    pub post: Post,
    pub id: Option<String>,
}

/// An input record that cannot be scored.
#[derive(Debug, Clone)]
pub struct RecordError {
    /// 1-based line of the input where the record starts.
    pub line: usize,
    /// The field at fault, if one is.
    pub field: Option<String>,
    pub message: String,
    /// The record's fields when it could be parsed (kept in `--on-error emit` output).
    pub fields: Option<Fields>,
    /// The raw input (lossy UTF-8) when the record could not be parsed.
    pub raw: Option<String>,
    /// The record's id (`--id-field`) when it could be read.
    pub id: Option<String>,
}

impl fmt::Display for RecordError {
    /// `field `text`: expected a string, got number` (the caller adds `FILE:LINE: `).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.field {
            Some(field) => write!(f, "field `{field}`: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// One input record.
#[derive(Debug, Clone)]
pub enum Item {
    Ok(Record),
    Err(RecordError),
}

/// Reads records from JSONL or CSV.
pub struct RecordReader {
    inner: Inner,
    spec: FieldSpec,
    blank_lines: usize,
}

impl fmt::Debug for RecordReader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RecordReader").field("spec", &self.spec).finish_non_exhaustive()
    }
}

enum Inner {
    Jsonl { src: Box<dyn BufRead>, line: usize, buf: Vec<u8>, max: usize },
    Csv(Box<CsvInner>),
}

struct CsvInner {
    src: Box<dyn BufRead>,
    /// Physical lines read so far.
    line: usize,
    header: Vec<String>,
    spec: FieldSpec,
    delimiter: u8,
    /// Longest record kept, in bytes.
    max: usize,
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Removes a UTF-8 byte-order mark at the very start of a stream.
struct SkipBom<R> {
    inner: R,
    /// The first bytes, taken while they could still be a BOM (they may come in separate
    /// reads: a pipe or a socket can return one byte at a time); handed out first if they are
    /// not one.
    head: Vec<u8>,
    /// How much of `head` has been consumed.
    head_pos: usize,
    checked: bool,
}

impl<R> SkipBom<R> {
    fn new(inner: R) -> Self {
        SkipBom { inner, head: Vec::new(), head_pos: 0, checked: false }
    }
}

impl<R: BufRead> Read for SkipBom<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = {
            let buf = self.fill_buf()?;
            let n = buf.len().min(out.len());
            out[..n].copy_from_slice(&buf[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for SkipBom<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        while !self.checked {
            if self.head.len() == BOM.len() || !BOM.starts_with(&self.head) {
                self.checked = true;
                break;
            }
            let buf = self.inner.fill_buf()?;
            if buf.is_empty() {
                self.checked = true;
                break;
            }
            let n = (BOM.len() - self.head.len()).min(buf.len());
            self.head.extend_from_slice(&buf[..n]);
            self.inner.consume(n);
        }
        if self.head == BOM {
            self.head.clear();
        }
        if self.head_pos < self.head.len() {
            return Ok(&self.head[self.head_pos..]);
        }
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        let in_head = (self.head.len() - self.head_pos).min(amt);
        self.head_pos += in_head;
        if amt > in_head {
            self.inner.consume(amt - in_head);
        }
    }
}

/// Errors that stop reading altogether (exit code 3).
#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    /// A problem with the input as a whole, e.g. a CSV header without the text column.
    Input(String),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "{e}"),
            ReadError::Input(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for ReadError {}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> Self {
        ReadError::Io(e)
    }
}

impl RecordReader {
    /// A reader over `src` in `format`.
    ///
    /// # Errors
    /// CSV: the header cannot be read, is not UTF-8, or lacks the text column (or a named context /
    /// id column).
    pub fn new(src: Box<dyn BufRead>, format: Format, spec: FieldSpec) -> Result<Self, ReadError> {
        Self::with_delimiter(src, format, spec, b',')
    }

    /// [`new`](Self::new) with another CSV field separator (`;`, tab, ...); ignored for JSONL.
    ///
    /// # Errors
    /// As [`new`](Self::new).
    pub fn with_delimiter(
        src: Box<dyn BufRead>,
        format: Format,
        spec: FieldSpec,
        delimiter: u8,
    ) -> Result<Self, ReadError> {
        Self::with_options(src, format, spec, delimiter, DEFAULT_MAX_RECORD_BYTES)
    }

    /// [`with_delimiter`](Self::with_delimiter) with a limit on one record's bytes (a JSONL line
    /// without its line end, a CSV record): a longer record is an error record naming its size,
    /// and its bytes are read past, never held (`--max-record-bytes`).
    ///
    /// # Errors
    /// As [`new`](Self::new); also a compressed input (gzip, zstd, bzip2, xz, zip), named with
    /// the command that decompresses it.
    pub fn with_options(
        src: Box<dyn BufRead>,
        format: Format,
        spec: FieldSpec,
        delimiter: u8,
        max_record_bytes: usize,
    ) -> Result<Self, ReadError> {
        let mut src = src;
        if let Some((kind, unpack)) = compressed(src.fill_buf()?) {
            return Err(ReadError::Input(format!(
                "the input is {kind}-compressed (it starts with {kind}'s magic bytes), not text; decompress it first, e.g. `{unpack} FILE | postguard score -`"
            )));
        }
        let src: Box<dyn BufRead> = Box::new(SkipBom::new(src));
        let max = max_record_bytes.max(1);
        let mut blank_lines = 0;
        let inner = match format {
            Format::Jsonl => Inner::Jsonl { src, line: 0, buf: Vec::new(), max },
            Format::Csv => Inner::Csv(Box::new(CsvInner::new(src, &spec, &mut blank_lines, delimiter, max)?)),
        };
        Ok(RecordReader { inner, spec, blank_lines })
    }

    /// The CSV header (empty for JSONL).
    pub fn header(&self) -> &[String] {
        match &self.inner {
            Inner::Jsonl { .. } => &[],
            Inner::Csv(c) => &c.header,
        }
    }

    /// Blank lines seen so far (not records).
    pub fn blank_lines(&self) -> usize {
        self.blank_lines
    }

    /// The next record, `None` at the end of the input.
    ///
    /// # Errors
    /// I/O errors (fatal).
    pub fn next_item(&mut self) -> Option<Result<Item, ReadError>> {
        match &mut self.inner {
            Inner::Jsonl { src, line, buf, max } => next_jsonl(src, line, buf, *max, &self.spec, &mut self.blank_lines),
            Inner::Csv(c) => c.next_item(&mut self.blank_lines),
        }
    }
}

impl Iterator for RecordReader {
    type Item = Result<Item, ReadError>;
    fn next(&mut self) -> Option<Self::Item> {
        self.next_item()
    }
}

/// The compression format whose magic bytes `head` starts with, and the command that writes
/// its content to stdout.
fn compressed(head: &[u8]) -> Option<(&'static str, &'static str)> {
    const MAGIC: [(&[u8], &str, &str); 5] = [
        (b"\x1f\x8b", "gzip", "gzip -dc"),
        (b"\x28\xb5\x2f\xfd", "zstd", "zstd -dc"),
        (b"BZh", "bzip2", "bzip2 -dc"),
        (b"\xfd7zXZ\x00", "xz", "xz -dc"),
        (b"PK\x03\x04", "zip", "unzip -p"),
    ];
    MAGIC.iter().find(|(m, ..)| head.starts_with(m)).map(|&(_, kind, unpack)| (kind, unpack))
}

/// Read through the next `\n` (or the end of the input), handing each piece of the line to
/// `each` as it is read; returns the bytes read (0 at the end of the input). Nothing is held
/// here: the caller keeps what it wants, so a huge line costs no memory.
fn read_line_with(src: &mut dyn BufRead, mut each: impl FnMut(&[u8])) -> io::Result<usize> {
    let mut total = 0;
    loop {
        let avail = match src.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok(total);
        }
        let (used, done) = match avail.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (avail.len(), false),
        };
        each(&avail[..used]);
        src.consume(used);
        total += used;
        if done {
            return Ok(total);
        }
    }
}

/// The message of a record over the `--max-record-bytes` limit.
fn too_long_message(what: &str, bytes: usize, max: usize) -> String {
    format!(
        "the {what} is {bytes} bytes, over the limit of {max} bytes per record (--max-record-bytes); it was not read"
    )
}

fn next_jsonl(
    src: &mut Box<dyn BufRead>,
    line: &mut usize,
    buf: &mut Vec<u8>,
    max: usize,
    spec: &FieldSpec,
    blank_lines: &mut usize,
) -> Option<Result<Item, ReadError>> {
    loop {
        buf.clear();
        // Keep at most the limit plus a line end; count the rest without holding it.
        let keep = max.saturating_add(2);
        let mut last = 0u8;
        let read = read_line_with(src.as_mut(), |piece| {
            let room = keep.saturating_sub(buf.len());
            buf.extend_from_slice(&piece[..piece.len().min(room)]);
            last = piece.last().copied().unwrap_or(last);
        });
        let total = match read {
            Ok(0) => return None,
            Ok(n) => n,
            Err(e) => return Some(Err(e.into())),
        };
        *line += 1;
        // The line's length without its `\n` (a `\r` before it counts: it may be content).
        let content = total - usize::from(last == b'\n');
        if content > max && !(content == max + 1 && buf.ends_with(b"\r\n")) {
            buf.clear();
            buf.shrink_to(1 << 16);
            return Some(Ok(Item::Err(RecordError {
                line: *line,
                field: None,
                message: too_long_message("line", content, max),
                fields: None,
                raw: None,
                id: None,
            })));
        }
        let mut bytes = &buf[..];
        if let Some(b) = bytes.strip_suffix(b"\n") {
            bytes = b;
        }
        if let Some(b) = bytes.strip_suffix(b"\r") {
            bytes = b;
        }
        if bytes.iter().all(u8::is_ascii_whitespace) {
            *blank_lines += 1;
            continue;
        }
        return Some(Ok(parse_jsonl_line(bytes, *line, spec)));
    }
}

/// Parse one non-blank JSONL line.
pub fn parse_jsonl_line(bytes: &[u8], line: usize, spec: &FieldSpec) -> Item {
    let err = |message: String| {
        Item::Err(RecordError {
            line,
            field: None,
            message,
            fields: None,
            raw: Some(String::from_utf8_lossy(bytes).into_owned()),
            id: None,
        })
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => return err(format!("invalid UTF-8 at byte {}", e.valid_up_to())),
    };
    let members = match serde_json::from_str::<Object>(text) {
        Ok(Object(m)) => m,
        Err(e) if e.is_data() => {
            let kind = json_kind(text.trim_start());
            return err(format!("expected a JSON object, got {kind}"));
        }
        Err(e) => return err(format!("invalid JSON: {} (column {})", json_message(&e), e.column())),
    };
    // A key given twice is read differently by different JSON readers (serde_json's first-wins
    // here, Python's json and most others last-wins): scoring one value while a downstream
    // system reads the other would let a post through unseen. Never scored; a record error.
    if let Some(path) = duplicate_key(&members) {
        return Item::Err(RecordError {
            line,
            field: Some(path),
            message:
                "duplicate key: the record gives it more than once, and JSON readers disagree on which value counts"
                    .into(),
            fields: None,
            raw: Some(text.to_owned()),
            id: None,
        });
    }
    let fields = Fields::Json(members);
    extract(fields, line, spec, &[])
}

/// A record id read from a JSON value: a string's contents, else the value's JSON text (`7`).
pub fn json_id(raw: &RawValue) -> String {
    serde_json::from_str::<String>(raw.get()).unwrap_or_else(|_| raw.get().to_owned())
}

/// Pull text / context / id out of parsed fields.
fn extract(fields: Fields, line: usize, spec: &FieldSpec, header: &[String]) -> Item {
    let id = spec.id.as_ref().and_then(|name| {
        fields.get(name, header).map(|v| match v {
            FieldValue::Str(s) => s.to_owned(),
            FieldValue::Json(raw) => json_id(raw),
        })
    });
    let fail = |fields: Fields, field: &str, message: String, id: Option<String>| {
        Item::Err(RecordError { line, field: Some(field.to_owned()), message, fields: Some(fields), raw: None, id })
    };
    let text = match fields.get(&spec.text, header) {
        None => return fail(fields, &spec.text, "missing".into(), id),
        Some(v) => match string_value(v) {
            Ok(Some(s)) => s,
            Ok(None) => return fail(fields, &spec.text, "expected a string, got null".into(), id),
            Err(m) => return fail(fields, &spec.text, m, id),
        },
    };
    let context = match &spec.context {
        None => None,
        Some(name) => match fields.get(name, header).map(string_value) {
            None | Some(Ok(None)) => None,
            // An empty context (an empty CSV cell) means "no context".
            Some(Ok(Some(s))) => Some(s).filter(|s| !s.is_empty()),
            Some(Err(m)) => return fail(fields, name, m, id),
        },
    };
    Item::Ok(Record { line, fields, post: Post { text, context }, id })
}

/// A string field's value; `Ok(None)` for JSON null; `Err` names the JSON type otherwise.
fn string_value(v: FieldValue<'_>) -> Result<Option<String>, String> {
    match v {
        FieldValue::Str(s) => Ok(Some(s.to_owned())),
        FieldValue::Json(raw) => {
            let t = raw.get();
            match t.as_bytes().first() {
                Some(b'"') => serde_json::from_str::<String>(t).map(Some).map_err(|e| {
                    format!("invalid string: {} (character {} of the value)", json_message(&e), e.column())
                }),
                Some(b'n') => Ok(None),
                _ => Err(format!("expected a string, got {}", json_kind(t))),
            }
        }
    }
}

/// serde_json's message without its ` at line L column C` suffix: each JSONL line is parsed on
/// its own, so its "line 1" would contradict the record's real line, which the caller names.
fn json_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    full.strip_suffix(&suffix).map_or(full.clone(), str::to_owned)
}

/// JSON type name of a JSON text, from its first character.
fn json_kind(t: &str) -> &'static str {
    match t.as_bytes().first() {
        Some(b'"') => "string",
        Some(b'{') => "object",
        Some(b'[') => "array",
        Some(b't' | b'f') => "boolean",
        Some(b'n') => "null",
        _ => "number",
    }
}

/// The first key that occurs twice in one object, at any depth, as a dotted path
/// (`labels.bullying`, `items[2].text`).
fn duplicate_key(members: &[(String, Box<RawValue>)]) -> Option<String> {
    let mut seen = std::collections::HashSet::with_capacity(members.len());
    for (k, _) in members {
        if !seen.insert(k.as_str()) {
            return Some(k.clone());
        }
    }
    for (k, v) in members {
        if matches!(v.get().as_bytes().first(), Some(b'{' | b'['))
            && let Ok(DupCheck(Some(inner))) = serde_json::from_str::<DupCheck>(v.get())
        {
            return Some(key_path(k, &inner));
        }
    }
    None
}

/// `outer` followed by the path `inner` found inside it: `labels` + `bullying` is
/// `labels.bullying`, `x` + `[1].k` is `x[1].k`.
fn key_path(outer: &str, inner: &str) -> String {
    let sep = if inner.starts_with('[') { "" } else { "." };
    format!("{outer}{sep}{inner}")
}

/// Walks a JSON value; holds the path of the first duplicated object key found in it.
struct DupCheck(Option<String>);

impl<'de> serde::Deserialize<'de> for DupCheck {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = DupCheck;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<DupCheck, A::Error> {
                let mut seen = std::collections::HashSet::new();
                let mut found = None;
                while let Some(k) = map.next_key::<String>()? {
                    let DupCheck(inner) = map.next_value::<DupCheck>()?;
                    if found.is_none() {
                        if seen.contains(&k) {
                            found = Some(k);
                        } else {
                            if let Some(p) = inner {
                                found = Some(key_path(&k, &p));
                            }
                            seen.insert(k);
                        }
                    }
                }
                Ok(DupCheck(found))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<DupCheck, A::Error> {
                let mut found = None;
                let mut i = 0usize;
                while let Some(DupCheck(inner)) = seq.next_element::<DupCheck>()? {
                    if found.is_none()
                        && let Some(p) = inner
                    {
                        found = Some(key_path(&format!("[{i}]"), &p));
                    }
                    i += 1;
                }
                Ok(DupCheck(found))
            }
            fn visit_bool<E>(self, _: bool) -> Result<DupCheck, E> {
                Ok(DupCheck(None))
            }
            fn visit_i64<E>(self, _: i64) -> Result<DupCheck, E> {
                Ok(DupCheck(None))
            }
            fn visit_u64<E>(self, _: u64) -> Result<DupCheck, E> {
                Ok(DupCheck(None))
            }
            fn visit_f64<E>(self, _: f64) -> Result<DupCheck, E> {
                Ok(DupCheck(None))
            }
            fn visit_str<E>(self, _: &str) -> Result<DupCheck, E> {
                Ok(DupCheck(None))
            }
            fn visit_unit<E>(self) -> Result<DupCheck, E> {
                Ok(DupCheck(None))
            }
        }
        d.deserialize_any(V)
    }
}

/// A JSON object whose members keep their order and their original text.
struct Object(Vec<(String, Box<RawValue>)>);

impl<'de> serde::Deserialize<'de> for Object {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Object;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Object, A::Error> {
                let mut members = Vec::with_capacity(map.size_hint().unwrap_or(8));
                while let Some((k, v)) = map.next_entry::<String, Box<RawValue>>()? {
                    members.push((k, v));
                }
                Ok(Object(members))
            }
        }
        d.deserialize_map(V)
    }
}

/// One CSV record as read by [`read_csv_record`].
#[derive(Debug, Default)]
struct RawCsvRecord {
    /// 1-based line where the record starts.
    line: usize,
    cells: Vec<Vec<u8>>,
    /// The input ended inside a quoted field: the last cell holds the rest of the input.
    unclosed_quote: bool,
    /// The record's bytes when they passed the limit (its cells were then dropped as read).
    too_long: Option<usize>,
}

/// Read the next CSV record (RFC 4180: `,` separator, `"` quoting with `""` escapes, quoted
/// fields may span lines; `\r\n` or `\n` ends a record). Blank lines between records are
/// counted, not returned. The csv crate's reader is not used here because its line numbers
/// drift after blank lines and quoted newlines, and error messages must name the right line.
///
/// At most `max` bytes of cells are kept: past that the record is still read to its end (so
/// the next one starts in the right place) but its bytes are dropped, and `too_long` says so.
fn read_csv_record(
    src: &mut dyn BufRead,
    line: &mut usize,
    blank_lines: &mut usize,
    delimiter: u8,
    max: usize,
) -> io::Result<Option<RawCsvRecord>> {
    #[derive(Clone, Copy, PartialEq)]
    enum St {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    }
    let mut rec = RawCsvRecord::default();
    let mut cell = Vec::new();
    let mut st = St::FieldStart;
    // Bytes of the record read so far, and whether its cells are still kept.
    let mut size = 0usize;
    let mut keep = true;
    loop {
        // A record starts on a line that is not blank: until it is known whether this line
        // is, remember the state so a blank line can be undone.
        let starting = rec.line == 0;
        let mut blank = true;
        let mut ends_record = false;
        let n = read_line_with(src, |piece| {
            let mut bytes = piece;
            if let Some(b) = bytes.strip_suffix(b"\n") {
                bytes = b;
                ends_record = true;
            }
            if starting {
                blank &= bytes.iter().all(u8::is_ascii_whitespace);
            }
            size += bytes.len();
            if keep && size > max {
                keep = false;
                rec.cells = Vec::new();
                cell = Vec::new();
            }
            for &c in bytes {
                st = match (st, c) {
                    (St::FieldStart, b'"') => St::Quoted,
                    (St::FieldStart | St::Unquoted | St::QuoteInQuoted, c) if c == delimiter => {
                        if keep {
                            rec.cells.push(std::mem::take(&mut cell));
                        }
                        St::FieldStart
                    }
                    (St::Quoted, b'"') => St::QuoteInQuoted,
                    (St::QuoteInQuoted, b'"') => {
                        if keep {
                            cell.push(b'"');
                        }
                        St::Quoted
                    }
                    (St::Quoted, c) => {
                        if keep {
                            cell.push(c);
                        }
                        St::Quoted
                    }
                    (_, c) => {
                        if keep {
                            cell.push(c);
                        }
                        St::Unquoted
                    }
                };
            }
        })?;
        if n == 0 {
            // End of input: a record without a final newline, or nothing.
            if rec.line == 0 {
                return Ok(None);
            }
            if keep {
                rec.cells.push(cell);
            } else {
                rec.too_long = Some(size);
            }
            rec.unclosed_quote = st == St::Quoted;
            return Ok(Some(rec));
        }
        *line += 1;
        if starting {
            if blank {
                *blank_lines += 1;
                rec.cells.clear();
                cell.clear();
                st = St::FieldStart;
                size = 0;
                keep = true;
                continue;
            }
            rec.line = *line;
        }
        if st == St::Quoted {
            // The newline belongs to the quoted field.
            if ends_record && keep {
                cell.push(b'\n');
            }
            continue;
        }
        // A CR right before the LF is part of the line end, not of the field — unless it is
        // inside quotes: after a closing quote (`"ab\r"`) the cell's last CR was quoted.
        if cell.last() == Some(&b'\r') && st == St::Unquoted {
            cell.pop();
        }
        if keep {
            rec.cells.push(cell);
        } else {
            rec.too_long = Some(size);
        }
        return Ok(Some(rec));
    }
}

impl CsvInner {
    fn new(
        mut src: Box<dyn BufRead>,
        spec: &FieldSpec,
        blank_lines: &mut usize,
        delimiter: u8,
        max: usize,
    ) -> Result<Self, ReadError> {
        let mut line = 0;
        let mut header = Vec::new();
        if let Some(rec) = read_csv_record(src.as_mut(), &mut line, blank_lines, delimiter, max)? {
            if let Some(bytes) = rec.too_long {
                return Err(ReadError::Input(format!(
                    "line {}: CSV header: {}",
                    rec.line,
                    too_long_message("header", bytes, max)
                )));
            }
            if rec.unclosed_quote {
                return Err(ReadError::Input(format!(
                    "line {}: CSV header: {}",
                    rec.line,
                    unclosed_quote_message(rec.cells.len(), line)
                )));
            }
            for (i, cell) in rec.cells.into_iter().enumerate() {
                let cell = String::from_utf8(cell).map_err(|e| {
                    ReadError::Input(format!(
                        "line {}: CSV header, column {}: invalid UTF-8 at byte {}",
                        rec.line,
                        i + 1,
                        e.utf8_error().valid_up_to()
                    ))
                })?;
                header.push(cell);
            }
            // Two columns with one name: which one is "the text" is a guess, and the output
            // (keyed by name) would lose one of them. Stop before reading any record.
            for (i, h) in header.iter().enumerate() {
                if let Some(j) = header[..i].iter().position(|x| x == h) {
                    return Err(ReadError::Input(format!(
                        "line {}: CSV header names column `{h}` twice (columns {} and {}); rename one",
                        rec.line,
                        j + 1,
                        i + 1
                    )));
                }
            }
            let check = |name: &str| -> Result<(), ReadError> {
                if header.iter().any(|h| h == name) {
                    Ok(())
                } else {
                    // A one-column header holding another separator: say which option reads it.
                    // A column that differs only in case or surrounding spaces (`Text`, `text `).
                    let near = header.iter().find(|h| h.trim().eq_ignore_ascii_case(name.trim()));
                    let hint = match (
                        header.len(),
                        [b';', b'\t', b'|'].into_iter().find(|d| *d != delimiter && header[0].as_bytes().contains(d)),
                    ) {
                        _ if near.is_some() => {
                            let h = near.expect("checked");
                            format!(
                                "; did you mean `{h}`? Column names are matched exactly: pass {} {h:?}",
                                flag_for(name, spec)
                            )
                        }
                        (1, Some(d)) => format!(
                            "; the header looks {}-separated: pass --delimiter {}",
                            if d == b'\t' { "tab".to_owned() } else { format!("`{}`", d as char) },
                            if d == b'\t' { "tab".to_owned() } else { format!("'{}'", d as char) }
                        ),
                        _ => String::new(),
                    };
                    Err(ReadError::Input(format!(
                        "line {}: CSV header has no column `{name}` (columns: {}){hint}",
                        rec.line,
                        header.join(", ")
                    )))
                }
            };
            check(&spec.text)?;
            if let Some(c) = spec.context.as_ref().filter(|_| spec.context_required) {
                check(c)?;
            }
            if let Some(c) = &spec.id {
                check(c)?;
            }
        }
        Ok(CsvInner { src, line, header, spec: spec.clone(), delimiter, max })
    }

    fn next_item(&mut self, blank_lines: &mut usize) -> Option<Result<Item, ReadError>> {
        let rec = match read_csv_record(self.src.as_mut(), &mut self.line, blank_lines, self.delimiter, self.max) {
            Ok(Some(rec)) => rec,
            Ok(None) => return None,
            Err(e) => return Some(Err(e.into())),
        };
        let line = rec.line;
        if let Some(bytes) = rec.too_long {
            return Some(Ok(Item::Err(RecordError {
                line,
                field: None,
                message: too_long_message("record", bytes, self.max),
                fields: None,
                raw: None,
                id: None,
            })));
        }
        let raw = || {
            let cells: Vec<&[u8]> = rec.cells.iter().map(Vec::as_slice).collect();
            csv_line(&cells)
        };
        if rec.unclosed_quote {
            // Without this the rest of the file would silently become one field of one record.
            return Some(Ok(Item::Err(RecordError {
                line,
                field: self.header.get(rec.cells.len() - 1).cloned(),
                message: unclosed_quote_message(rec.cells.len(), self.line),
                fields: None,
                raw: Some(raw()),
                id: None,
            })));
        }
        if rec.cells.len() != self.header.len() {
            return Some(Ok(Item::Err(RecordError {
                line,
                field: None,
                message: format!("expected {} fields (as in the header), found {}", self.header.len(), rec.cells.len()),
                fields: None,
                raw: Some(raw()),
                id: None,
            })));
        }
        let mut cells = Vec::with_capacity(rec.cells.len());
        for (i, cell) in rec.cells.iter().enumerate() {
            match std::str::from_utf8(cell) {
                Ok(s) => cells.push(s.to_owned()),
                Err(e) => {
                    return Some(Ok(Item::Err(RecordError {
                        line,
                        field: Some(self.header[i].clone()),
                        message: format!("invalid UTF-8 at byte {}", e.valid_up_to()),
                        fields: None,
                        raw: Some(raw()),
                        id: None,
                    })));
                }
            }
        }
        Some(Ok(extract(Fields::Csv(cells), line, &self.spec, &self.header)))
    }
}

/// The command-line option that names field `name` of `spec`.
fn flag_for(name: &str, spec: &FieldSpec) -> &'static str {
    if name == spec.text {
        "--text-field"
    } else if spec.id.as_deref() == Some(name) {
        "--id-field"
    } else {
        "--context-field"
    }
}

/// The error for a quoted field (the record's `column`-th, 1-based) that is still open where the
/// input ends, on line `last_line`.
pub fn unclosed_quote_message(column: usize, last_line: usize) -> String {
    format!("the quoted field in column {column} is never closed (the input ends inside it, on line {last_line})")
}

/// Re-encode CSV cells as one CSV line (lossy UTF-8), for error reports.
fn csv_line(cells: &[&[u8]]) -> String {
    let mut w = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
    let _ = w.write_record(cells);
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8_lossy(&bytes).trim_end_matches(['\r', '\n']).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(data: &[u8], format: Format, spec: FieldSpec) -> (Vec<Item>, usize) {
        let src: Box<dyn BufRead> = Box::new(io::Cursor::new(data.to_vec()));
        let mut r = RecordReader::new(src, format, spec).unwrap();
        let items: Vec<Item> = r.by_ref().map(Result::unwrap).collect();
        (items, r.blank_lines())
    }

    fn ok(item: &Item) -> &Record {
        match item {
            Item::Ok(r) => r,
            Item::Err(e) => panic!("expected a record, got error on line {}: {e}", e.line),
        }
    }

    fn err(item: &Item) -> &RecordError {
        match item {
            Item::Err(e) => e,
            Item::Ok(r) => panic!("expected an error, got record on line {}", r.line),
        }
    }

    #[test]
    fn jsonl_table() {
        // (input line, expected: Ok(text) or Err(display message))
        let cases: &[(&str, Result<&str, &str>)] = &[
            (r#"{"text": "hi"}"#, Ok("hi")),
            (r#"{"id": 1, "text": "caf\u00e9 \"q\""}"#, Ok("café \"q\"")),
            (r#"{"text": 5}"#, Err("field `text`: expected a string, got number")),
            (r#"{"text": null}"#, Err("field `text`: expected a string, got null")),
            (r#"{"text": ["a"]}"#, Err("field `text`: expected a string, got array")),
            (r#"{"text": {"a": 1}}"#, Err("field `text`: expected a string, got object")),
            (r#"{"text": true}"#, Err("field `text`: expected a string, got boolean")),
            (r#"{"body": "x"}"#, Err("field `text`: missing")),
            (r#"["text"]"#, Err("expected a JSON object, got array")),
            (r#""text""#, Err("expected a JSON object, got string")),
            (r#"{"text": "unterminated"#, Err("invalid JSON: EOF while parsing")),
            (r#"{"text": "a"} trailing"#, Err("invalid JSON: trailing characters (column 15)")),
            (
                r#"{"text": "\ud800 x"}"#,
                Err("field `text`: invalid string: unexpected end of hex escape (character 8 of the value)"),
            ),
        ];
        for (i, (input, want)) in cases.iter().enumerate() {
            let item = parse_jsonl_line(input.as_bytes(), i + 1, &FieldSpec::default());
            match (want, &item) {
                (Ok(text), Item::Ok(r)) => assert_eq!(&r.post.text, text, "case {input}"),
                (Err(msg), Item::Err(e)) => {
                    assert!(e.to_string().starts_with(msg), "case {input}: got `{e}`, want `{msg}`")
                }
                _ => panic!("case {input}: got {item:?}"),
            }
        }
    }

    #[test]
    fn jsonl_lines_bom_crlf_blank_and_utf8() {
        let data = b"\xEF\xBB\xBF{\"text\":\"a\"}\r\n\r\n   \n{\"text\":\"b\xff\"}\n{\"text\":\"c\"}";
        let (items, blanks) = read_all(data, Format::Jsonl, FieldSpec::default());
        assert_eq!(items.len(), 3);
        assert_eq!(blanks, 2);
        assert_eq!(ok(&items[0]).post.text, "a");
        assert_eq!(ok(&items[0]).line, 1);
        let e = err(&items[1]);
        assert_eq!(e.line, 4);
        assert!(e.message.starts_with("invalid UTF-8"), "{e}");
        assert_eq!(e.raw.as_deref(), Some("{\"text\":\"b\u{FFFD}\"}"));
        assert_eq!(ok(&items[2]).post.text, "c");
        assert_eq!(ok(&items[2]).line, 5);
    }

    /// A reader that returns one byte per `read`, as a pipe or socket may.
    struct OneByte(io::Cursor<Vec<u8>>);

    impl Read for OneByte {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let n = out.len().min(1);
            self.0.read(&mut out[..n])
        }
    }

    #[test]
    fn bom_split_across_reads_is_still_removed() {
        // Found by the reader contract's chunked-read check (fuzz/): the BOM was only removed
        // when the first read returned all three of its bytes.
        for (data, format) in
            [(&b"\xEF\xBB\xBF{\"text\":\"a\"}\n"[..], Format::Jsonl), (b"\xEF\xBB\xBFtext\na\n", Format::Csv)]
        {
            let src: Box<dyn BufRead> =
                Box::new(io::BufReader::with_capacity(2, OneByte(io::Cursor::new(data.to_vec()))));
            let mut r = RecordReader::new(src, format, FieldSpec::default()).unwrap();
            let items: Vec<Item> = r.by_ref().map(Result::unwrap).collect();
            assert_eq!(items.len(), 1);
            assert_eq!(ok(&items[0]).post.text, "a");
        }
        // Bytes that only start like a BOM are kept.
        let src: Box<dyn BufRead> =
            Box::new(io::BufReader::with_capacity(1, OneByte(io::Cursor::new(b"\xEF\xBBx\n".to_vec()))));
        let items: Vec<Item> =
            RecordReader::new(src, Format::Jsonl, FieldSpec::default()).unwrap().map(Result::unwrap).collect();
        assert_eq!(err(&items[0]).raw.as_deref(), Some("\u{FFFD}x"));
    }

    #[test]
    fn jsonl_empty_input() {
        let (items, blanks) = read_all(b"", Format::Jsonl, FieldSpec::default());
        assert!(items.is_empty());
        assert_eq!(blanks, 0);
    }

    #[test]
    fn jsonl_context_and_id() {
        let spec = FieldSpec {
            text: "body".into(),
            context: Some("parent".into()),
            context_required: true,
            id: Some("id".into()),
        };
        let data = br#"{"id": 7, "body": "b", "parent": "p"}
{"id": "x", "body": "b", "parent": null}
{"body": "b", "parent": ""}
{"body": "b", "parent": 3}
"#;
        let (items, _) = read_all(data, Format::Jsonl, spec);
        assert_eq!(ok(&items[0]).id.as_deref(), Some("7"));
        assert_eq!(ok(&items[0]).post.context.as_deref(), Some("p"));
        assert_eq!(ok(&items[1]).id.as_deref(), Some("x"));
        assert_eq!(ok(&items[1]).post.context, None);
        assert_eq!(ok(&items[2]).post.context, None);
        assert_eq!(ok(&items[2]).id, None);
        assert_eq!(err(&items[3]).to_string(), "field `parent`: expected a string, got number");
        // The parsed fields are kept for --on-error emit.
        assert!(err(&items[3]).fields.is_some());
    }

    #[test]
    fn jsonl_fields_keep_order_and_raw_text() {
        let item = parse_jsonl_line(br#"{"z": 1.50, "text": "t", "a": [1, 2]}"#, 1, &FieldSpec::default());
        let Fields::Json(members) = &ok(&item).fields else { panic!() };
        let got: Vec<(&str, &str)> = members.iter().map(|(k, v)| (k.as_str(), v.get())).collect();
        assert_eq!(got, [("z", "1.50"), ("text", "\"t\""), ("a", "[1, 2]")]);
    }

    #[test]
    fn csv_quoting_crlf_blank_lines_and_line_numbers() {
        let data = b"\xEF\xBB\xBFid,text\r\n1,plain\r\n\r\n2,\"multi\r\nline, \"\"quoted\"\"\"\r\n3,last";
        let (items, blanks) = read_all(data, Format::Csv, FieldSpec { id: Some("id".into()), ..Default::default() });
        assert_eq!(blanks, 1);
        assert_eq!(items.len(), 3);
        assert_eq!((ok(&items[0]).line, ok(&items[0]).post.text.as_str()), (2, "plain"));
        assert_eq!((ok(&items[1]).line, ok(&items[1]).post.text.as_str()), (4, "multi\r\nline, \"quoted\""));
        assert_eq!(ok(&items[1]).id.as_deref(), Some("2"));
        assert_eq!((ok(&items[2]).line, ok(&items[2]).post.text.as_str()), (6, "last"));
    }

    #[test]
    fn csv_ragged_rows_and_bad_utf8_are_record_errors() {
        let data = b"id,text\n1,a\n2\n3,b,extra\n4,\xff\n5,ok\n";
        let (items, _) = read_all(data, Format::Csv, FieldSpec::default());
        assert_eq!(items.len(), 5);
        assert_eq!(err(&items[1]).to_string(), "expected 2 fields (as in the header), found 1");
        assert_eq!(err(&items[1]).line, 3);
        assert_eq!(err(&items[2]).to_string(), "expected 2 fields (as in the header), found 3");
        assert_eq!(err(&items[2]).raw.as_deref(), Some("3,b,extra"));
        assert_eq!(err(&items[3]).to_string(), "field `text`: invalid UTF-8 at byte 0");
        assert_eq!(ok(&items[4]).post.text, "ok");
        assert_eq!(ok(&items[4]).line, 6);
    }

    #[test]
    fn csv_header_problems() {
        let src: Box<dyn BufRead> = Box::new(io::Cursor::new(b"id,body\n1,x\n".to_vec()));
        let e = RecordReader::new(src, Format::Csv, FieldSpec::default()).unwrap_err();
        assert_eq!(e.to_string(), "line 1: CSV header has no column `text` (columns: id, body)");
        // An empty file (or only a header) has no records and is not an error.
        assert!(read_all(b"", Format::Csv, FieldSpec::default()).0.is_empty());
        assert!(read_all(b"text\n", Format::Csv, FieldSpec::default()).0.is_empty());
    }

    #[test]
    fn duplicate_keys_are_record_errors_at_any_depth() {
        // (input, the key path the error names)
        let cases = [
            (r#"{"text": "first", "text": "kys loser"}"#, "text"),
            (r#"{"id": 1, "text": "a", "id": 2}"#, "id"),
            (r#"{"text": "a", "labels": {"bullying": 0, "bullying": 1}}"#, "labels.bullying"),
            (r#"{"text": "a", "meta": {"x": [1, {"k": 1, "k": 2}]}}"#, "meta.x[1].k"),
            (r#"{"text": "a", "list": [{"k": 1}, {"k": 2, "j": {"q": 1, "q": 1}}]}"#, "list[1].j.q"),
        ];
        for (input, path) in cases {
            let item = parse_jsonl_line(input.as_bytes(), 18, &FieldSpec::default());
            let e = err(&item);
            assert_eq!(e.line, 18, "{input}");
            assert_eq!(e.field.as_deref(), Some(path), "{input}");
            assert!(e.to_string().contains("duplicate key"), "{input}: {e}");
            assert_eq!(e.raw.as_deref(), Some(input));
        }
        // The same key in sibling objects is not a duplicate.
        let item =
            parse_jsonl_line(br#"{"text": "a", "l": [{"k": 1}, {"k": 2}], "m": {"k": 3}}"#, 1, &FieldSpec::default());
        assert_eq!(ok(&item).post.text, "a");
    }

    #[test]
    fn csv_duplicate_header_stops_the_run() {
        for (data, want) in [
            (
                &b"text,text\na,kys loser\n"[..],
                "line 1: CSV header names column `text` twice (columns 1 and 2); rename one",
            ),
            (
                b"\n\nid,text,note,id\n1,a,b,2\n",
                "line 3: CSV header names column `id` twice (columns 1 and 4); rename one",
            ),
        ] {
            let src: Box<dyn BufRead> = Box::new(io::Cursor::new(data.to_vec()));
            let e = RecordReader::new(src, Format::Csv, FieldSpec::default()).unwrap_err();
            assert_eq!(e.to_string(), want);
        }
    }

    #[test]
    fn csv_delimiter_and_the_hint_for_another_one() {
        let src: Box<dyn BufRead> = Box::new(io::Cursor::new(b"id;text\n1;\"a;b\"\n2;c\n".to_vec()));
        let items: Vec<Item> = RecordReader::with_delimiter(src, Format::Csv, FieldSpec::default(), b';')
            .unwrap()
            .map(Result::unwrap)
            .collect();
        assert_eq!(ok(&items[0]).post.text, "a;b");
        assert_eq!(ok(&items[1]).post.text, "c");
        let src: Box<dyn BufRead> = Box::new(io::Cursor::new(b"id;text\n1;a\n".to_vec()));
        let e = RecordReader::new(src, Format::Csv, FieldSpec::default()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "line 1: CSV header has no column `text` (columns: id;text); the header looks `;`-separated: pass --delimiter ';'"
        );
        let src: Box<dyn BufRead> = Box::new(io::Cursor::new(b"id\ttext\n1\ta\n".to_vec()));
        let e = RecordReader::new(src, Format::Csv, FieldSpec::default()).unwrap_err();
        assert!(e.to_string().ends_with("the header looks tab-separated: pass --delimiter tab"), "{e}");
    }

    fn read_limited(data: &[u8], format: Format, max: usize) -> Vec<Item> {
        let src: Box<dyn BufRead> = Box::new(io::Cursor::new(data.to_vec()));
        RecordReader::with_options(src, format, FieldSpec::default(), b',', max).unwrap().map(Result::unwrap).collect()
    }

    #[test]
    fn a_jsonl_line_over_the_limit_is_an_error_record_and_reading_goes_on() {
        let long = format!("{{\"text\":\"{}\"}}", "x".repeat(100));
        let data = format!("{{\"text\":\"a\"}}\n{long}\n\n{{\"text\":\"b\"}}\r\n{long}");
        let items = read_limited(data.as_bytes(), Format::Jsonl, 50);
        assert_eq!(items.len(), 4);
        assert_eq!(ok(&items[0]).post.text, "a");
        let e = err(&items[1]);
        assert_eq!(e.line, 2);
        assert_eq!(
            e.to_string(),
            "the line is 111 bytes, over the limit of 50 bytes per record (--max-record-bytes); it was not read"
        );
        assert!(e.raw.is_none() && e.fields.is_none(), "the line is not held");
        assert_eq!(ok(&items[2]).post.text, "b");
        assert_eq!(ok(&items[2]).line, 4);
        assert_eq!(err(&items[3]).line, 5);
        // A line exactly at the limit is read, with or without CRLF.
        let exact = r#"{"text":"abc"}"#;
        for data in [format!("{exact}\n"), format!("{exact}\r\n"), exact.to_owned()] {
            let items = read_limited(data.as_bytes(), Format::Jsonl, exact.len());
            assert_eq!(ok(&items[0]).post.text, "abc", "{data:?}");
        }
        let items = read_limited(exact.as_bytes(), Format::Jsonl, exact.len() - 1);
        assert!(err(&items[0]).message.contains("is 14 bytes"));
    }

    #[test]
    fn a_csv_record_over_the_limit_is_an_error_record_even_across_lines() {
        let big = "y".repeat(80);
        let data = format!("id,text\n1,a\n2,\"{big}\n{big}\"\n3,b\n4,{big}\n5,c\n");
        let items = read_limited(data.as_bytes(), Format::Csv, 40);
        assert_eq!(items.len(), 5);
        assert_eq!(ok(&items[0]).post.text, "a");
        let e = err(&items[1]);
        assert_eq!(e.line, 3);
        assert!(e.message.starts_with("the record is 16"), "{e}");
        assert!(e.raw.is_none());
        assert_eq!(ok(&items[2]).post.text, "b");
        assert_eq!(ok(&items[2]).line, 5);
        assert_eq!(err(&items[3]).line, 6);
        assert_eq!(ok(&items[4]).post.text, "c");
        // The header too.
        let src: Box<dyn BufRead> = Box::new(io::Cursor::new(format!("text,{big}\na,b\n").into_bytes()));
        let e = RecordReader::with_options(src, Format::Csv, FieldSpec::default(), b',', 40).unwrap_err();
        assert!(e.to_string().starts_with("line 1: CSV header: the header is 85 bytes"), "{e}");
    }

    #[test]
    fn compressed_input_is_named_not_read_as_records() {
        for (head, kind) in [
            (&b"\x1f\x8b\x08\x00rest"[..], "gzip"),
            (b"\x28\xb5\x2f\xfdzz", "zstd"),
            (b"BZh91AY", "bzip2"),
            (b"\xfd7zXZ\x00..", "xz"),
            (b"PK\x03\x04..", "zip"),
        ] {
            for format in [Format::Jsonl, Format::Csv] {
                let src: Box<dyn BufRead> = Box::new(io::Cursor::new(head.to_vec()));
                let e = RecordReader::new(src, format, FieldSpec::default()).unwrap_err();
                assert!(e.to_string().starts_with(&format!("the input is {kind}-compressed")), "{e}");
                assert!(e.to_string().ends_with(" FILE | postguard score -`"), "{e}");
            }
        }
    }

    #[test]
    fn a_header_that_differs_in_case_or_spaces_gets_a_did_you_mean() {
        for (header, col) in [("id,Text\n", "Text"), ("id,text \n", "text "), ("id, TEXT\n", " TEXT")] {
            let src: Box<dyn BufRead> = Box::new(io::Cursor::new(header.as_bytes().to_vec()));
            let e = RecordReader::new(src, Format::Csv, FieldSpec::default()).unwrap_err();
            assert!(
                e.to_string().ends_with(&format!(
                    "did you mean `{col}`? Column names are matched exactly: pass --text-field \"{col}\""
                )),
                "{e}"
            );
        }
    }

    #[test]
    fn format_from_path() {
        assert_eq!(Format::from_path(Path::new("a/b.TSV")), Some(Format::Csv));
        assert!(is_tsv(Path::new("a/b.tsv")) && !is_tsv(Path::new("a/b.csv")));
        assert_eq!(Format::from_path(Path::new("a/b.CSV")), Some(Format::Csv));
        assert_eq!(Format::from_path(Path::new("b.jsonl")), Some(Format::Jsonl));
        assert_eq!(Format::from_path(Path::new("b.txt")), None);
    }
}
