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

/// Prepare `output` for resuming: truncate it and say how many input records to skip.
///
/// # Errors
/// I/O errors, a checkpoint for another format, or an output shorter than its checkpoint.
pub fn prepare(output: &Path, format: Format) -> Result<ResumePoint, String> {
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
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let (records, complete_len) = count_complete(output, format).map_err(io_err)?;
            // A CSV output's first record is its header.
            let records = if format == Format::Csv { records.saturating_sub(1) } else { records };
            ResumePoint {
                records_done: records,
                summary: Summary { records_in: records, records_out: records, ok: records, ..Summary::default() },
                from_checkpoint: false,
                truncated_bytes: len - complete_len,
                csv_base: None,
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
    Ok(point)
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
        fs::write(&out, "{\"a\":1}\n{\"a\":2}\n{\"a\"").unwrap();
        let p = prepare(&out, Format::Jsonl).unwrap();
        assert_eq!((p.records_done, p.truncated_bytes, p.from_checkpoint), (2, 4, false));
        assert_eq!(fs::read_to_string(&out).unwrap(), "{\"a\":1}\n{\"a\":2}\n");
    }

    #[test]
    fn csv_counts_records_not_lines() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("o.csv");
        fs::write(&out, "id,text,postguard_bullying\n1,\"two\nlines\",0.1\n2,\"part").unwrap();
        let p = prepare(&out, Format::Csv).unwrap();
        assert_eq!(p.records_done, 1);
        assert_eq!(p.csv_base.as_deref(), Some(&["id".to_owned(), "text".to_owned()][..]));
        assert_eq!(fs::read_to_string(&out).unwrap(), "id,text,postguard_bullying\n1,\"two\nlines\",0.1\n");
    }

    #[test]
    fn checkpoint_wins_and_drops_a_partial_chunk() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("o.jsonl");
        fs::write(&out, "{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n").unwrap();
        let summary = Summary { records_in: 3, records_out: 1, ok: 1, skipped: 2, ..Summary::default() };
        save(&out, &Checkpoint { version: 1, output_format: "jsonl".into(), output_bytes: 8, summary: summary.clone() })
            .unwrap();
        let p = prepare(&out, Format::Jsonl).unwrap();
        assert_eq!((p.records_done, p.truncated_bytes, p.from_checkpoint), (3, 16, true));
        assert_eq!(p.summary, summary);
        assert_eq!(fs::read_to_string(&out).unwrap(), "{\"a\":1}\n");
        assert!(prepare(&out, Format::Csv).unwrap_err().contains("wrote jsonl"));
        clear(&out);
        assert!(!checkpoint_path(&out).exists());
    }

    #[test]
    fn missing_output_starts_fresh() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(prepare(&dir.path().join("none.jsonl"), Format::Jsonl).unwrap(), ResumePoint::default());
    }
}
