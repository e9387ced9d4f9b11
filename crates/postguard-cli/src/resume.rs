//! `score --resume`: continue an interrupted run that writes to a file.
//!
//! While `score` writes to a file it keeps a checkpoint next to it, `OUTPUT.postguard-resume`
//! (JSON: output byte length after the last complete chunk, and the summary counts up to there),
//! replaced atomically (write + rename) after every flushed chunk and removed when the run ends
//! normally. On `--resume`:
//!
//! 1. with a checkpoint: the output is truncated to the checkpoint's byte length (dropping a
//!    partly written chunk) and that many input records are skipped — exact in every
//!    `--on-error` mode;
//! 2. without one (e.g. the output came from elsewhere, or the run had already finished): the
//!    complete records in the output are counted, a trailing partial record is truncated, and
//!    that many input records are skipped. This is exact when every input record produced one
//!    output record (`--on-error fail|emit`), not after `skip` dropped some.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::input::Format;
use crate::score::Summary;

/// The checkpoint file's content.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Checkpoint {
    pub version: u32,
    /// `jsonl` or `csv`: the output format it was written in.
    pub output_format: String,
    /// Output length in bytes after the last complete chunk.
    pub output_bytes: u64,
    /// Counts up to that chunk (`records_in` input records consumed).
    pub summary: Summary,
}

/// Where to continue from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ResumePoint {
    /// Input records already handled: skip this many.
    pub records_done: u64,
    /// Counts carried over.
    pub summary: Summary,
    /// Whether a checkpoint file was used (else the output was counted).
    pub from_checkpoint: bool,
    /// Bytes removed from the end of the output (a partial record / chunk).
    pub truncated_bytes: u64,
    /// CSV output: the original columns of the header already in the file.
    pub csv_base: Option<Vec<String>>,
    /// The id (`--id-field`) of every record kept in the output, in order, when an id field is
    /// given: the skipped input records must carry the same ids.
    pub kept_ids: Option<Vec<Option<String>>>,
}

/// Path of the checkpoint for `output`.
pub fn checkpoint_path(output: &Path) -> PathBuf {
    let mut s = output.as_os_str().to_owned();
    s.push(".postguard-resume");
    PathBuf::from(s)
}

pub fn format_name(f: Format) -> &'static str {
    match f {
        Format::Jsonl => "jsonl",
        Format::Csv => "csv",
    }
}

/// Atomically replace the checkpoint.
///
/// # Errors
/// I/O errors.
pub fn save(output: &Path, cp: &Checkpoint) -> io::Result<()> {
    let path = checkpoint_path(output);
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    fs::write(&tmp, serde_json::to_vec(cp).map_err(io::Error::other)?)?;
    fs::rename(&tmp, &path)
}

/// Remove the checkpoint (run finished).
pub fn clear(output: &Path) {
    let _ = fs::remove_file(checkpoint_path(output));
}

/// Prepare `output` for resuming: truncate it, check every record it keeps, and say how many
/// input records to skip.
///
/// Each kept record must be one this command writes: JSONL, a complete JSON object with a
/// `postguard` object; CSV, a row of the header's width under a header with the `postguard_*`
/// columns. With `id_field`, the ids of the kept records are returned for the caller to match
/// against the input. Without a checkpoint the summary is counted from the kept records (ok,
/// errored, flagged per label), so a resumed run reports the whole file.
///
/// # Errors
/// I/O errors, a checkpoint for another format, an output shorter than its checkpoint, or a kept
/// line that is not a postguard record (named by line).
pub fn prepare(output: &Path, format: Format, id_field: Option<&str>) -> Result<ResumePoint, String> {
    let io_err = |e: io::Error| format!("{}: {e}", output.display());
    let len = match fs::metadata(output) {
        Ok(m) => m.len(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            clear(output);
            return Ok(ResumePoint::default());
        }
        Err(e) => return Err(io_err(e)),
    };
    let cp_path = checkpoint_path(output);
    let mut point = match fs::read(&cp_path) {
        Ok(bytes) => {
            let cp: Checkpoint = serde_json::from_slice(&bytes)
                .map_err(|e| format!("{}: not a postguard checkpoint: {e}", cp_path.display()))?;
            if cp.output_format != format_name(format) {
                return Err(format!(
                    "{}: the interrupted run wrote {}, this one would write {}",
                    output.display(),
                    cp.output_format,
                    format_name(format)
                ));
            }
            if cp.output_bytes > len {
                return Err(format!(
                    "{}: the file is shorter ({len} bytes) than its checkpoint ({} bytes); it was changed after the run, start over without --resume",
                    output.display(),
                    cp.output_bytes
                ));
            }
            ResumePoint {
                records_done: cp.summary.records_in,
                summary: cp.summary,
                from_checkpoint: true,
                truncated_bytes: len - cp.output_bytes,
                csv_base: None,
                kept_ids: None,
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let (records, complete_len) = count_complete(output, format).map_err(io_err)?;
            // A CSV output's first record is its header.
            let records = if format == Format::Csv { records.saturating_sub(1) } else { records };
            ResumePoint {
                records_done: records,
                summary: Summary { records_in: records, records_out: records, ..Summary::default() },
                from_checkpoint: false,
                truncated_bytes: len - complete_len,
                csv_base: None,
                kept_ids: None,
            }
        }
        Err(e) => return Err(format!("{}: {e}", cp_path.display())),
    };
    if point.truncated_bytes > 0 {
        let f = OpenOptions::new().write(true).open(output).map_err(io_err)?;
        f.set_len(len - point.truncated_bytes).map_err(io_err)?;
    }
    if format == Format::Csv && len - point.truncated_bytes > 0 {
        point.csv_base = Some(csv_header_base(output).map_err(io_err)?);
    }
    let kept = read_kept(output, format, id_field)?;
    if kept.records != point.summary.records_out {
        return Err(format!(
            "{}: holds {} complete records, but its checkpoint says {} were written; it was changed after the run, start over without --resume",
            output.display(),
            kept.records,
            point.summary.records_out
        ));
    }
    if !point.from_checkpoint {
        point.summary.ok = kept.ok;
        point.summary.errored = kept.errored;
        point.summary.flagged = kept.flagged;
        point.summary.unsupported_language = kept.unsupported_language;
    }
    point.kept_ids = id_field.map(|_| kept.ids);
    Ok(point)
}

/// What the kept part of an output holds, read back record by record.
#[derive(Debug, Default)]
struct Kept {
    records: u64,
    ok: u64,
    errored: u64,
    flagged: std::collections::BTreeMap<String, u64>,
    unsupported_language: u64,
    ids: Vec<Option<String>>,
}

fn damaged(output: &Path, line: u64, why: &str) -> String {
    format!(
        "{}:{line}: {why}; --resume keeps only records postguard score wrote. The output is damaged or comes from elsewhere: fix or remove that line, or start over without --resume",
        output.display()
    )
}

/// Read every record of a (truncated) output and check it is a postguard output record.
fn read_kept(output: &Path, format: Format, id_field: Option<&str>) -> Result<Kept, String> {
    use std::collections::HashMap;

    use serde_json::value::RawValue;

    let io_err = |e: io::Error| format!("{}: {e}", output.display());
    let mut kept = Kept::default();
    match format {
        Format::Jsonl => {
            let mut r = BufReader::with_capacity(1 << 20, File::open(output).map_err(io_err)?);
            let mut buf = Vec::new();
            let mut line = 0u64;
            loop {
                buf.clear();
                if r.read_until(b'\n', &mut buf).map_err(io_err)? == 0 {
                    break;
                }
                line += 1;
                let text = std::str::from_utf8(&buf)
                    .map_err(|e| damaged(output, line, &format!("invalid UTF-8 at byte {}", e.valid_up_to())))?;
                let members: HashMap<String, Box<RawValue>> = serde_json::from_str(text.trim_end())
                    .map_err(|e| damaged(output, line, &format!("not a JSON object ({e})")))?;
                let pg = members.get("postguard").ok_or_else(|| damaged(output, line, "no `postguard` member"))?;
                let pg: serde_json::Value =
                    serde_json::from_str(pg.get()).map_err(|e| damaged(output, line, &e.to_string()))?;
                let Some(pg) = pg.as_object() else {
                    return Err(damaged(output, line, "`postguard` is not an object"));
                };
                if pg.contains_key("error") {
                    kept.errored += 1;
                } else {
                    let Some(flagged) = pg.get("flagged").and_then(|f| f.as_array()) else {
                        return Err(damaged(output, line, "`postguard` has neither `flagged` nor `error`"));
                    };
                    kept.ok += 1;
                    kept.unsupported_language +=
                        u64::from(pg.get("unsupported_language").and_then(serde_json::Value::as_bool) == Some(true));
                    for l in flagged.iter().filter_map(|l| l.as_str()) {
                        *kept.flagged.entry(l.to_owned()).or_default() += 1;
                    }
                }
                if let Some(name) = id_field {
                    kept.ids.push(members.get(name).map(|raw| crate::input::json_id(raw)));
                }
                kept.records += 1;
            }
        }
        Format::Csv => {
            let mut r = csv::ReaderBuilder::new().has_headers(true).from_reader(File::open(output).map_err(io_err)?);
            let header = r.headers().map_err(|e| damaged(output, 1, &format!("CSV header: {e}")))?.clone();
            if header.is_empty() {
                return Ok(kept);
            }
            let col = |name: &str| header.iter().position(|h| h == name);
            let (Some(flagged_col), Some(error_col)) = (col("postguard_flagged"), col("postguard_error")) else {
                return Err(damaged(output, 1, "the CSV header has no postguard_flagged / postguard_error columns"));
            };
            let id_col = match id_field {
                Some(name) => Some(
                    col(name)
                        .ok_or_else(|| damaged(output, 1, &format!("the CSV header has no id column `{name}`")))?,
                ),
                None => None,
            };
            let mut rec = csv::StringRecord::new();
            loop {
                match r.read_record(&mut rec) {
                    Ok(false) => break,
                    Ok(true) => {}
                    Err(e) => {
                        let line = e.position().map_or(0, |p| p.line());
                        return Err(damaged(output, line, &format!("not a row of this CSV output ({e})")));
                    }
                }
                if !rec[error_col].is_empty() {
                    kept.errored += 1;
                } else {
                    kept.ok += 1;
                    kept.unsupported_language +=
                        u64::from(col("postguard_unsupported_language").is_some_and(|c| rec.get(c) == Some("true")));
                    for l in rec[flagged_col].split(';').filter(|l| !l.is_empty()) {
                        *kept.flagged.entry(l.to_owned()).or_default() += 1;
                    }
                }
                if let Some(c) = id_col {
                    kept.ids.push(Some(rec[c].to_owned()).filter(|s| !s.is_empty()));
                }
                kept.records += 1;
            }
        }
    }
    Ok(kept)
}

/// Columns of an existing CSV output before the postguard ones.
fn csv_header_base(output: &Path) -> io::Result<Vec<String>> {
    let mut r = csv::ReaderBuilder::new().has_headers(false).from_reader(File::open(output)?);
    let mut rec = csv::StringRecord::new();
    r.read_record(&mut rec).map_err(io::Error::other)?;
    Ok(rec.iter().take_while(|c| !c.starts_with("postguard_")).map(str::to_owned).collect())
}

/// Count complete records (terminated by a newline outside quotes for CSV) and the byte length
/// they span.
fn count_complete(path: &Path, format: Format) -> io::Result<(u64, u64)> {
    let mut r = BufReader::with_capacity(1 << 20, File::open(path)?);
    let (mut records, mut pos, mut complete) = (0u64, 0u64, 0u64);
    let mut buf = Vec::new();
    let mut in_quotes = false;
    loop {
        buf.clear();
        let n = r.read_until(b'\n', &mut buf)?;
        if n == 0 {
            break;
        }
        pos += n as u64;
        if format == Format::Csv {
            // Every `"` toggles: `""` escapes toggle twice. Our own writer only quotes whole cells.
            in_quotes ^= buf.iter().filter(|&&b| b == b'"').count() % 2 == 1;
        }
        if buf.ends_with(b"\n") && !in_quotes {
            records += 1;
            complete = pos;
        }
    }
    Ok((records, complete))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_truncates_a_partial_jsonl_line() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("o.jsonl");
        fs::write(&out, format!("{}{}{{\"a\"", rec(1, &[]), rec(2, &[]))).unwrap();
        let p = prepare(&out, Format::Jsonl, None).unwrap();
        assert_eq!((p.records_done, p.truncated_bytes, p.from_checkpoint), (2, 4, false));
        assert_eq!(fs::read_to_string(&out).unwrap(), format!("{}{}", rec(1, &[]), rec(2, &[])));
    }

    /// A JSONL output record as `score` writes it.
    fn rec(id: u32, flagged: &[&str]) -> String {
        format!(
            "{{\"id\":{id},\"text\":\"t\",\"postguard\":{{\"scores\":{{}},\"flagged\":{}}}}}\n",
            serde_json::to_string(flagged).unwrap()
        )
    }

    #[test]
    fn a_kept_line_that_is_not_a_postguard_record_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("o.jsonl");
        for (bad, why) in [
            ("garbage line\n", "not a JSON object"),
            ("{\"id\": 3, \"text\": \"t\"}\n", "no `postguard` member"),
            ("{\"postguard\": 1}\n", "`postguard` is not an object"),
            ("{\"postguard\": {\"scores\": {}}}\n", "`postguard` has neither `flagged` nor `error`"),
        ] {
            fs::write(&out, format!("{}{}{bad}{}", rec(1, &[]), rec(2, &[]), rec(4, &[]))).unwrap();
            let e = prepare(&out, Format::Jsonl, None).unwrap_err();
            assert!(e.starts_with(&format!("{}:3: {why}", out.display())), "{e}");
            assert!(e.contains("start over without --resume"), "{e}");
        }
        // CSV: a row narrower than the header, and a header that is not postguard's.
        let out = dir.path().join("o.csv");
        fs::write(&out, "id,text,postguard_flagged,postguard_error\n1,a,,\n2,b\n3,c,,\n").unwrap();
        let e = prepare(&out, Format::Csv, None).unwrap_err();
        assert!(e.starts_with(&format!("{}:3: not a row of this CSV output", out.display())), "{e}");
        fs::write(&out, "id,text\n1,a\n").unwrap();
        let e = prepare(&out, Format::Csv, None).unwrap_err();
        assert!(e.contains("no postguard_flagged / postguard_error columns"), "{e}");
    }

    #[test]
    fn without_a_checkpoint_the_summary_counts_the_whole_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("o.jsonl");
        let err = "{\"id\":3,\"text\":5,\"postguard\":{\"error\":{\"line\":3,\"message\":\"m\"}}}\n";
        fs::write(&out, format!("{}{}{err}{}", rec(1, &["bullying"]), rec(2, &[]), rec(4, &["bullying", "crisis"])))
            .unwrap();
        let p = prepare(&out, Format::Jsonl, Some("id")).unwrap();
        assert_eq!((p.summary.records_in, p.summary.records_out, p.summary.ok, p.summary.errored), (4, 4, 3, 1));
        assert_eq!(p.summary.flagged.get("bullying"), Some(&2));
        assert_eq!(p.summary.flagged.get("crisis"), Some(&1));
        let ids: Vec<Option<String>> = ["1", "2", "3", "4"].iter().map(|s| Some(s.to_string())).collect();
        assert_eq!(p.kept_ids, Some(ids));
        let out = dir.path().join("o.csv");
        fs::write(&out, "id,text,postguard_flagged,postguard_error\n1,a,bullying;crisis,\n,\"b\nc\",,line 3: bad\n")
            .unwrap();
        let p = prepare(&out, Format::Csv, Some("id")).unwrap();
        assert_eq!((p.summary.records_out, p.summary.ok, p.summary.errored), (2, 1, 1));
        assert_eq!(p.summary.flagged.get("crisis"), Some(&1));
        assert_eq!(p.kept_ids, Some(vec![Some("1".to_owned()), None]));
    }

    #[test]
    fn csv_counts_records_not_lines() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("o.csv");
        fs::write(&out, "id,text,postguard_flagged,postguard_error\n1,\"two\nlines\",,\n2,\"part").unwrap();
        let p = prepare(&out, Format::Csv, None).unwrap();
        assert_eq!(p.records_done, 1);
        assert_eq!(p.csv_base.as_deref(), Some(&["id".to_owned(), "text".to_owned()][..]));
        assert_eq!(
            fs::read_to_string(&out).unwrap(),
            "id,text,postguard_flagged,postguard_error\n1,\"two\nlines\",,\n"
        );
    }

    #[test]
    fn checkpoint_wins_and_drops_a_partial_chunk() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("o.jsonl");
        fs::write(&out, format!("{}{}{}", rec(1, &[]), rec(2, &[]), rec(3, &[]))).unwrap();
        let summary = Summary { records_in: 3, records_out: 1, ok: 1, skipped: 2, ..Summary::default() };
        let one = rec(1, &[]).len() as u64;
        save(
            &out,
            &Checkpoint { version: 1, output_format: "jsonl".into(), output_bytes: one, summary: summary.clone() },
        )
        .unwrap();
        let p = prepare(&out, Format::Jsonl, None).unwrap();
        assert_eq!((p.records_done, p.truncated_bytes, p.from_checkpoint), (3, 2 * one, true));
        assert_eq!(p.summary, summary);
        assert_eq!(fs::read_to_string(&out).unwrap(), rec(1, &[]));
        assert!(prepare(&out, Format::Csv, None).unwrap_err().contains("wrote jsonl"));
        clear(&out);
        assert!(!checkpoint_path(&out).exists());
    }

    #[test]
    fn missing_output_starts_fresh() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(prepare(&dir.path().join("none.jsonl"), Format::Jsonl, None).unwrap(), ResumePoint::default());
    }
}
