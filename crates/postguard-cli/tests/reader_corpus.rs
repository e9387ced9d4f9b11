//! Stable-Rust replay of the reader fuzz inputs: every file in `tests/fixtures/` and in
//! `fuzz/seeds/{jsonl,csv}/` (fixtures, a minimized fuzz corpus and any crash inputs) goes
//! through both readers under the contract in `reader_contract/mod.rs` — the same check the
//! cargo-fuzz targets run — so CI checks it without nightly or libFuzzer.
//!
//! `POSTGUARD_READER_CORPUS=DIR[:DIR...]` replays more (e.g. a local `fuzz/corpus/jsonl`).

mod reader_contract;

use std::path::{Path, PathBuf};

fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut files: Vec<PathBuf> =
        entries.map(|e| e.unwrap().path()).filter(|p| p.is_file() && !p.ends_with(".gitattributes")).collect();
    files.sort();
    files
}

fn replay(dirs: &[PathBuf]) -> usize {
    let mut n = 0;
    for dir in dirs {
        for path in files(dir) {
            let data = std::fs::read(&path).unwrap();
            let run = |check: fn(&[u8]), what: &str| {
                if std::panic::catch_unwind(|| check(&data)).is_err() {
                    panic!("{what} reader contract broken by {}", path.display());
                }
            };
            run(reader_contract::check_jsonl, "JSONL");
            run(reader_contract::check_csv, "CSV");
            n += 1;
        }
    }
    n
}

#[test]
fn fixtures_and_fuzz_seeds_keep_the_reader_contract() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dirs = ["tests/fixtures", "fuzz/seeds/jsonl", "fuzz/seeds/csv"].map(|d| root.join(d));
    let n = replay(&dirs);
    assert!(n >= 11, "only {n} inputs found");
}

/// Found by `cargo fuzz run csv` (fuzz/seeds/csv/crash-30ade07b...): a CR quoted at the end of
/// a field (`"ab\r"` then the line end) was dropped as if it were part of a CRLF.
#[test]
fn csv_quoted_cr_before_line_end_is_kept() {
    for data in [&b"id,text\n1,\"ab\r\"\n2,x\n"[..], b"id,text\r\n1,\"ab\r\"\r\n", b"id,text\n1,\"ab\r\""] {
        reader_contract::check_csv(data);
    }
    let src: Box<dyn std::io::BufRead> = Box::new(std::io::Cursor::new(b"id,text\n1,\"ab\r\"\n2,x\r\n".to_vec()));
    let spec = postguard_cli::input::FieldSpec::default();
    let items: Vec<_> = postguard_cli::input::RecordReader::new(src, postguard_cli::input::Format::Csv, spec)
        .unwrap()
        .map(|i| match i.unwrap() {
            postguard_cli::input::Item::Ok(r) => r.post.text,
            postguard_cli::input::Item::Err(e) => panic!("{e}"),
        })
        .collect();
    assert_eq!(items, ["ab\r", "x"]);
}

#[test]
fn extra_corpus_from_env_keeps_the_reader_contract() {
    let Some(dirs) = std::env::var_os("POSTGUARD_READER_CORPUS") else { return };
    let dirs: Vec<PathBuf> = std::env::split_paths(&dirs).collect();
    eprintln!("replayed {} inputs", replay(&dirs));
}

#[test]
fn csv_unclosed_quote_is_a_record_error_not_a_swallowed_file() {
    // Before: the rest of the file silently became the `text` of line 3.
    let data = b"id,text\n1,fine\n2,\"never closed\n3,hidden\n4,also hidden\n";
    reader_contract::check_csv(data);
    let items: Vec<_> = postguard_cli::input::RecordReader::new(
        Box::new(std::io::Cursor::new(data.to_vec())),
        postguard_cli::input::Format::Csv,
        postguard_cli::input::FieldSpec::default(),
    )
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap();
    assert_eq!(items.len(), 2);
    let postguard_cli::input::Item::Err(e) = &items[1] else { panic!("{:?}", items[1]) };
    assert_eq!((e.line, e.field.as_deref()), (3, Some("text")));
    assert!(e.message.contains("never closed") && e.message.contains("line 5"), "{}", e.message);
}
