//! The record readers' contract (`src/input.rs`), checked against arbitrary input.
//!
//! Shared by the cargo-fuzz targets (`fuzz/fuzz_targets/{jsonl,csv}.rs`, via `#[path]`) and the
//! stable replay test (`tests/reader_corpus.rs`), so CI checks the same contract without nightly.
//!
//! For any bytes, [`check_jsonl`] / [`check_csv`] assert:
//! - reading never fails (no I/O errors from memory) and never panics;
//! - every physical record yields exactly one item, in input order: an independent whole-buffer
//!   splitter (below) finds the records and their 1-based start lines, and the reader's items
//!   carry exactly those lines (so they strictly increase); blank lines are counted, not items;
//! - a JSONL record giving a key twice (at any depth) is an error naming the key, a CSV header
//!   naming a column twice stops the reader;
//! - an item is `Ok` exactly when it should be, with the text / context / fields the input
//!   holds; an error carries the record's line, names its field when one is at fault, keeps the
//!   raw record when it could not be parsed, and has a one-line message;
//! - the result does not depend on how the input arrives: the same bytes fed a few bytes per
//!   `read` (a pipe, a socket) give the same items as one buffer.
//!
//! Specs: JSONL reads `text`, optional `context`, id `id`; CSV reads `text` and the optional
//! `context` column (no id, so a header only needs `text`).

use std::io::{self, BufRead, BufReader, Read};

use postguard_cli::input::{FieldSpec, Fields, Format, Item, RecordReader, unclosed_quote_message};
use serde_json::Value;
use serde_json::value::RawValue;

const BOM: &[u8] = b"\xEF\xBB\xBF";

fn jsonl_spec() -> FieldSpec {
    FieldSpec { text: "text".into(), context: Some("context".into()), context_required: false, id: Some("id".into()) }
}

fn csv_spec() -> FieldSpec {
    FieldSpec { text: "text".into(), context: Some("context".into()), context_required: false, id: None }
}

/// Hands out the input a few bytes per `read` (1, 2, ... 7, 1, ...).
struct Trickle {
    data: Vec<u8>,
    pos: usize,
    step: usize,
}

impl Read for Trickle {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        self.step = self.step % 7 + 1;
        let n = self.step.min(out.len()).min(self.data.len() - self.pos);
        out[..n].copy_from_slice(&self.data[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

/// What one read of the whole input gave: the reader's construction error, or its header,
/// items and blank-line count.
struct Outcome {
    result: Result<(Vec<String>, Vec<Item>, usize), String>,
}

impl Outcome {
    fn debug(&self) -> String {
        format!("{:?}", self.result)
    }
}

fn read(src: Box<dyn BufRead>, format: Format, spec: FieldSpec) -> Outcome {
    let mut r = match RecordReader::new(src, format, spec) {
        Ok(r) => r,
        Err(e) => return Outcome { result: Err(e.to_string()) },
    };
    let mut items = Vec::new();
    while let Some(item) = r.next_item() {
        match item {
            Ok(item) => items.push(item),
            Err(e) => panic!("in-memory input gave a fatal read error: {e}"),
        }
    }
    Outcome { result: Ok((r.header().to_vec(), items, r.blank_lines())) }
}

/// Read `data` whole and trickled; both must agree. Returns the whole read.
fn read_both(data: &[u8], format: Format, spec: &FieldSpec) -> Outcome {
    let whole = read(Box::new(io::Cursor::new(data.to_vec())), format, spec.clone());
    let trickle = Trickle { data: data.to_vec(), pos: 0, step: 0 };
    let trickled = read(Box::new(BufReader::with_capacity(8, trickle)), format, spec.clone());
    assert_eq!(whole.debug(), trickled.debug(), "reading in small chunks changed the result");
    whole
}

fn one_line(message: &str) {
    assert!(!message.is_empty() && !message.contains(['\n', '\r']), "error message not one line: {message:?}");
}

fn assert_lines_increase(items: &[Item]) {
    let lines: Vec<usize> = items.iter().map(item_line).collect();
    assert!(lines.first().is_none_or(|&l| l >= 1), "line numbers are 1-based: {lines:?}");
    assert!(lines.windows(2).all(|w| w[0] < w[1]), "line numbers must strictly increase: {lines:?}");
}

fn item_line(item: &Item) -> usize {
    match item {
        Item::Ok(r) => r.line,
        Item::Err(e) => e.line,
    }
}

fn is_blank(line: &[u8]) -> bool {
    line.iter().all(u8::is_ascii_whitespace)
}

// ---------------------------------------------------------------------------------------------
// JSONL

/// The non-blank lines (1-based line, content without the line end) and the blank-line count.
fn jsonl_records(data: &[u8]) -> (Vec<(usize, &[u8])>, usize) {
    let data = data.strip_prefix(BOM).unwrap_or(data);
    let mut parts: Vec<&[u8]> = data.split(|&b| b == b'\n').collect();
    if data.is_empty() || data.ends_with(b"\n") {
        parts.pop(); // after the last line end: not a line
    }
    let mut records = Vec::new();
    let mut blanks = 0;
    for (i, part) in parts.into_iter().enumerate() {
        let content = part.strip_suffix(b"\r").unwrap_or(part);
        if is_blank(content) {
            blanks += 1;
        } else {
            records.push((i + 1, content));
        }
    }
    (records, blanks)
}

/// The first member named `name`.
fn member<'a>(members: &'a [(String, Box<RawValue>)], name: &str) -> Option<&'a str> {
    members.iter().find(|(k, _)| k == name).map(|(_, v)| v.get())
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Whether a JSON text gives some object key twice, at any depth. Independent of the reader's
/// check: the number of key/value entries the parser sees against the number of keys left in
/// serde_json's `Value`, where a repeated key overwrites the first.
fn has_duplicate_keys(text: &str) -> bool {
    struct Count(usize);
    impl<'de> serde::Deserialize<'de> for Count {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> serde::de::Visitor<'de> for V {
                type Value = Count;
                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("JSON")
                }
                fn visit_map<A: serde::de::MapAccess<'de>>(self, mut m: A) -> Result<Count, A::Error> {
                    let mut n = 0;
                    while m.next_key::<serde::de::IgnoredAny>()?.is_some() {
                        n += 1 + m.next_value::<Count>()?.0;
                    }
                    Ok(Count(n))
                }
                fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut s: A) -> Result<Count, A::Error> {
                    let mut n = 0;
                    while let Some(Count(c)) = s.next_element::<Count>()? {
                        n += c;
                    }
                    Ok(Count(n))
                }
                fn visit_bool<E>(self, _: bool) -> Result<Count, E> {
                    Ok(Count(0))
                }
                fn visit_i64<E>(self, _: i64) -> Result<Count, E> {
                    Ok(Count(0))
                }
                fn visit_u64<E>(self, _: u64) -> Result<Count, E> {
                    Ok(Count(0))
                }
                fn visit_f64<E>(self, _: f64) -> Result<Count, E> {
                    Ok(Count(0))
                }
                fn visit_str<E>(self, _: &str) -> Result<Count, E> {
                    Ok(Count(0))
                }
                fn visit_unit<E>(self) -> Result<Count, E> {
                    Ok(Count(0))
                }
            }
            d.deserialize_any(V)
        }
    }
    fn keys(v: &Value) -> usize {
        match v {
            Value::Object(o) => o.len() + o.values().map(keys).sum::<usize>(),
            Value::Array(a) => a.iter().map(keys).sum(),
            _ => 0,
        }
    }
    match (serde_json::from_str::<Count>(text), serde_json::from_str::<Value>(text)) {
        (Ok(Count(n)), Ok(v)) => n != keys(&v),
        _ => false,
    }
}

/// Check the JSONL reader on `data` (see the module docs).
pub fn check_jsonl(data: &[u8]) {
    let spec = jsonl_spec();
    let outcome = read_both(data, Format::Jsonl, &spec);
    let (header, items, blanks) = match outcome.result {
        Ok(r) => r,
        Err(e) => panic!("a JSONL reader cannot fail to start: {e}"),
    };
    assert!(header.is_empty());
    let (records, want_blanks) = jsonl_records(data);
    assert_eq!(blanks, want_blanks, "blank lines");
    assert_eq!(
        items.iter().map(item_line).collect::<Vec<_>>(),
        records.iter().map(|r| r.0).collect::<Vec<_>>(),
        "one item per non-blank line, in order, with its line number"
    );
    assert_lines_increase(&items);
    for (item, &(line, content)) in items.iter().zip(&records) {
        check_jsonl_item(item, line, content);
    }
}

fn check_jsonl_item(item: &Item, line: usize, content: &[u8]) {
    let utf8 = std::str::from_utf8(content);
    // serde_json's own reading of the line, where it has one.
    let value: Option<Value> = utf8.ok().and_then(|t| serde_json::from_str(t).ok());
    let ctx = format!("line {line}: {:?}", String::from_utf8_lossy(content));
    match item {
        Item::Ok(r) => {
            assert!(utf8.is_ok(), "{ctx}: accepted invalid UTF-8");
            let Fields::Json(members) = &r.fields else { panic!("{ctx}: JSONL record with CSV fields") };
            let text = member(members, "text").expect("a record has its text field");
            assert_eq!(serde_json::from_str::<String>(text).ok().as_ref(), Some(&r.post.text), "{ctx}: text");
            let want_context = match member(members, "context") {
                None | Some("null") => None,
                Some(raw) => {
                    let s = serde_json::from_str::<String>(raw);
                    assert!(s.is_ok(), "{ctx}: accepted a non-string context {raw}");
                    s.ok().filter(|s| !s.is_empty())
                }
            };
            assert_eq!(r.post.context, want_context, "{ctx}: context");
            let want_id =
                member(members, "id").map(|raw| serde_json::from_str::<String>(raw).unwrap_or(raw.to_owned()));
            assert_eq!(r.id, want_id, "{ctx}: id");
            // A record given a key twice is never scored: readers disagree on its value.
            assert!(!has_duplicate_keys(utf8.unwrap()), "{ctx}: a record with a duplicated key accepted");
            if let Some(v) = &value {
                assert_eq!(
                    v.get("text").and_then(Value::as_str),
                    Some(r.post.text.as_str()),
                    "{ctx}: serde_json reads another text"
                );
            }
        }
        Item::Err(e) if e.message.starts_with("duplicate key") => {
            one_line(&e.message);
            assert!(utf8.is_ok_and(has_duplicate_keys), "{ctx}: duplicate key reported on a record without one");
            assert!(e.field.is_some(), "{ctx}: duplicate key error names no key");
            assert!(e.fields.is_none(), "{ctx}: a duplicate-key record's fields kept for output");
            assert_eq!(e.raw.as_deref(), Some(&*String::from_utf8_lossy(content)), "{ctx}: raw");
            let last = e.field.as_deref().unwrap().rsplit(['.', ']']).next().unwrap_or_default().to_owned();
            assert!(
                utf8.unwrap().contains(&format!("\"{last}\"")) || last.is_empty() || utf8.unwrap().contains('\\'),
                "{ctx}: named key `{last}` not in the record"
            );
        }
        Item::Err(e) => {
            one_line(&e.message);
            match &e.field {
                None => {
                    // The line could not be read as a JSON object: kept raw.
                    assert!(e.fields.is_none(), "{ctx}: unparsed record with fields");
                    assert_eq!(e.raw.as_deref(), Some(&*String::from_utf8_lossy(content)), "{ctx}: raw");
                    if let Some(at) = e.message.strip_prefix("invalid UTF-8 at byte ") {
                        let want = utf8.as_ref().err().map(|u| u.valid_up_to().to_string());
                        assert_eq!(Some(at.to_owned()), want, "{ctx}: {}", e.message);
                    } else {
                        assert!(utf8.is_ok(), "{ctx}: invalid UTF-8 reported as `{}`", e.message);
                        if let Some(v) = &value {
                            assert!(!v.is_object(), "{ctx}: a JSON object rejected: {}", e.message);
                            assert_eq!(e.message, format!("expected a JSON object, got {}", kind(v)), "{ctx}");
                        } else {
                            assert!(
                                e.message.starts_with("invalid JSON: ")
                                    || e.message.starts_with("expected a JSON object, got "),
                                "{ctx}: {}",
                                e.message
                            );
                        }
                    }
                }
                Some(field) => {
                    // The object was read; one of its fields is unusable.
                    assert!(e.raw.is_none(), "{ctx}: parsed record kept raw");
                    let Some(Fields::Json(members)) = &e.fields else { panic!("{ctx}: field error without fields") };
                    let text = member(members, "text");
                    match field.as_str() {
                        "text" => match text {
                            None => assert_eq!(e.message, "missing", "{ctx}"),
                            Some(raw) => assert!(
                                serde_json::from_str::<String>(raw).is_err(),
                                "{ctx}: a string text rejected: {}",
                                e.message
                            ),
                        },
                        "context" => {
                            assert!(
                                text.is_some_and(|t| serde_json::from_str::<String>(t).is_ok()),
                                "{ctx}: context blamed, text bad"
                            );
                            let raw = member(members, "context").expect("blamed context exists");
                            assert!(
                                raw != "null" && serde_json::from_str::<String>(raw).is_err(),
                                "{ctx}: context {raw} rejected"
                            );
                        }
                        other => panic!("{ctx}: error names field `{other}`, which is not read"),
                    }
                    assert_eq!(e.to_string(), format!("field `{field}`: {}", e.message));
                }
            }
            // What serde_json reads as a good record must not be an error.
            if let Some(Value::Object(o)) = &value {
                let context_ok = matches!(o.get("context"), None | Some(Value::Null | Value::String(_)));
                let distinct_keys = !has_duplicate_keys(utf8.unwrap());
                assert!(
                    !(o.get("text").is_some_and(Value::is_string) && context_ok && distinct_keys),
                    "{ctx}: a good record rejected: {e}"
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// CSV

/// One CSV record as the independent splitter sees it.
#[derive(Debug)]
struct CsvRec {
    line: usize,
    cells: Vec<Vec<u8>>,
    /// The input ends inside a quoted field of this record.
    unclosed: bool,
}

/// Split the whole input into CSV records (RFC 4180 with the reader's documented leniency: a
/// quote inside an unquoted field, or text after a closing quote, is literal; a quoted field
/// runs to the end of the input when unclosed (and the record is marked); a CR before the line end is part of the line
/// end unless quoted). Blank lines between records are counted, not records.
fn csv_records(data: &[u8]) -> (Vec<CsvRec>, usize) {
    let data = data.strip_prefix(BOM).unwrap_or(data);
    let (mut i, mut line, mut blanks) = (0, 1, 0);
    let mut records = Vec::new();
    while i < data.len() {
        let end = data[i..].iter().position(|&b| b == b'\n').map_or(data.len(), |p| i + p);
        if is_blank(&data[i..end]) {
            blanks += 1;
            i = end + 1;
            line += 1;
            continue;
        }
        let mut rec = CsvRec { line, cells: Vec::new(), unclosed: false };
        let mut cell = Vec::new();
        // Whether the last byte of the cell is an unquoted CR.
        let mut unquoted_cr = false;
        let mut at_field_start = true;
        loop {
            if i == data.len() {
                break;
            }
            let b = data[i];
            if at_field_start && b == b'"' {
                // Quoted part: up to the closing quote (`""` is a quote).
                i += 1;
                rec.unclosed = true;
                while i < data.len() {
                    match (data[i], data.get(i + 1)) {
                        (b'"', Some(b'"')) => {
                            cell.push(b'"');
                            i += 2;
                        }
                        (b'"', _) => {
                            i += 1;
                            rec.unclosed = false;
                            break;
                        }
                        (c, _) => {
                            line += usize::from(c == b'\n');
                            cell.push(c);
                            i += 1;
                        }
                    }
                }
                at_field_start = false;
                unquoted_cr = false;
                continue;
            }
            at_field_start = false;
            i += 1;
            match b {
                b',' => {
                    rec.cells.push(std::mem::take(&mut cell));
                    at_field_start = true;
                    unquoted_cr = false;
                }
                b'\n' => {
                    line += 1;
                    break;
                }
                c => {
                    cell.push(c);
                    unquoted_cr = c == b'\r';
                }
            }
        }
        if unquoted_cr {
            cell.pop();
        }
        rec.cells.push(cell);
        records.push(rec);
    }
    (records, blanks)
}

/// Check the CSV reader on `data` (see the module docs).
pub fn check_csv(data: &[u8]) {
    let spec = csv_spec();
    let outcome = read_both(data, Format::Csv, &spec);
    let (records, want_blanks) = csv_records(data);
    let Some((head, body)) = records.split_first() else {
        let (header, items, blanks) = outcome.result.expect("an input without records is not an error");
        assert!(header.is_empty() && items.is_empty());
        assert_eq!(blanks, want_blanks, "blank lines");
        return;
    };
    // The header: UTF-8, with a `text` column; otherwise the reader does not start.
    let last_line = data.split(|&b| b == b'\n').count() - usize::from(data.ends_with(b"\n"));
    if head.unclosed {
        let err = outcome.result.expect_err("a header with an unclosed quote is an error");
        let want = format!("line {}: CSV header: {}", head.line, unclosed_quote_message(head.cells.len(), last_line));
        assert_eq!(err, want);
        return;
    }
    let header: Result<Vec<String>, String> = head
        .cells
        .iter()
        .enumerate()
        .map(|(i, c)| {
            String::from_utf8(c.clone()).map_err(|e| {
                format!(
                    "line {}: CSV header, column {}: invalid UTF-8 at byte {}",
                    head.line,
                    i + 1,
                    e.utf8_error().valid_up_to()
                )
            })
        })
        .collect();
    let header = header.and_then(|h| {
        if let Some((i, j)) = (0..h.len()).find_map(|i| h[..i].iter().position(|c| *c == h[i]).map(|j| (i, j))) {
            // A name given to two columns stops the run before any record (which is the text?).
            Err(format!(
                "line {}: CSV header names column `{}` twice (columns {} and {})",
                head.line,
                h[i],
                j + 1,
                i + 1
            ))
        } else if h.iter().any(|c| c == "text") {
            Ok(h)
        } else {
            Err(format!("line {}: CSV header has no column `text`", head.line))
        }
    });
    let (got_header, items, blanks) = match (outcome.result, header) {
        (Ok(got), Ok(want)) => {
            assert_eq!(got.0, want, "header");
            got
        }
        (Err(got), Err(want)) => {
            assert!(got.starts_with(&want), "header error `{got}`, want `{want}...`");
            return;
        }
        (got, want) => panic!("header: reader gave {got:?}, want {want:?}"),
    };
    assert_eq!(blanks, want_blanks, "blank lines");
    assert_eq!(
        items.iter().map(item_line).collect::<Vec<_>>(),
        body.iter().map(|r| r.line).collect::<Vec<_>>(),
        "one item per record, in order, with the line it starts on"
    );
    assert_lines_increase(&items);
    let col = |name: &str| got_header.iter().position(|h| h == name);
    for (item, rec) in items.iter().zip(body) {
        let ctx = format!(
            "line {}: {:?}",
            rec.line,
            rec.cells.iter().map(|c| String::from_utf8_lossy(c)).collect::<Vec<_>>()
        );
        let bad_utf8 = rec.cells.iter().enumerate().find_map(|(i, c)| std::str::from_utf8(c).err().map(|e| (i, e)));
        match item {
            Item::Ok(r) => {
                assert!(!rec.unclosed, "{ctx}: a record with an unclosed quote accepted");
                assert_eq!(rec.cells.len(), got_header.len(), "{ctx}: ragged row accepted");
                assert!(bad_utf8.is_none(), "{ctx}: invalid UTF-8 accepted");
                let Fields::Csv(cells) = &r.fields else { panic!("{ctx}: CSV record with JSON fields") };
                let want: Vec<&[u8]> = rec.cells.iter().map(Vec::as_slice).collect();
                let got: Vec<&[u8]> = cells.iter().map(String::as_bytes).collect();
                assert_eq!(got, want, "{ctx}: cells");
                assert_eq!(Some(&r.post.text), col("text").map(|i| &cells[i]), "{ctx}: text");
                let want_context = col("context").map(|i| cells[i].clone()).filter(|c| !c.is_empty());
                assert_eq!(r.post.context, want_context, "{ctx}: context");
                assert_eq!(r.id, None);
            }
            Item::Err(e) => {
                one_line(&e.message);
                assert!(e.raw.is_some() && e.fields.is_none(), "{ctx}: an unusable row is kept raw");
                if rec.unclosed {
                    assert_eq!(e.message, unclosed_quote_message(rec.cells.len(), last_line), "{ctx}");
                    assert_eq!(e.field.as_deref(), got_header.get(rec.cells.len() - 1).map(String::as_str), "{ctx}");
                } else if rec.cells.len() != got_header.len() {
                    assert_eq!(e.field, None, "{ctx}");
                    assert_eq!(
                        e.message,
                        format!("expected {} fields (as in the header), found {}", got_header.len(), rec.cells.len()),
                        "{ctx}"
                    );
                } else {
                    let (i, u) = bad_utf8.unwrap_or_else(|| panic!("{ctx}: a good row rejected: {e}"));
                    assert_eq!(e.field.as_deref(), Some(got_header[i].as_str()), "{ctx}: names the column");
                    assert_eq!(e.message, format!("invalid UTF-8 at byte {}", u.valid_up_to()), "{ctx}");
                }
            }
        }
    }
}
