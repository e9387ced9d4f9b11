//! End-to-end tests of the `postguard` binary on the fixture files, with the core crate's tiny
//! random model (scores are meaningless; the plumbing is what is tested).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// A tiny random model, written once per test process (under cargo's per-target test tmpdir,
/// so nothing is left in /tmp).
fn tiny_model() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("postguard-cli-tiny-model");
        postguard::testing::TinyModel::default().write(&dir).unwrap();
        dir
    })
}

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_postguard"));
    c.env_remove("HF_HOME")
        .env_remove("HF_HUB_CACHE")
        .env_remove("XDG_CACHE_HOME")
        .env_remove("HF_HUB_OFFLINE")
        .env_remove("NO_COLOR");
    c
}

/// `postguard --model <tiny> ARGS...`.
fn pg(args: &[&str]) -> Output {
    bin().arg("--model").arg(tiny_model()).args(args).output().unwrap()
}

fn pg_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = bin()
        .arg("--model")
        .arg(tiny_model())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn jsonl(s: &str) -> Vec<Value> {
    s.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"))).collect()
}

fn fx(name: &str) -> String {
    fixture(name).to_str().unwrap().to_owned()
}

#[test]
fn help_documents_exit_codes() {
    let o = bin().arg("--help").output().unwrap();
    assert_eq!(code(&o), 0);
    let h = stdout(&o);
    for needle in ["Exit codes", "2  usage error", "3  input/data error", "4  model", "5  completed"] {
        assert!(h.contains(needle), "missing {needle:?} in\n{h}");
    }
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["score"][..],
        &["frobnicate"],
        &["--threshold", "bullying", "check", "x"],
        &["--threshold", "nonsense=0.5", "check", "x"],
        &["--threshold", "crisis=2", "check", "x"],
        &["score", "in.txt"],
        &["score", "-", "--resume"],
        // Issue 19, item 5: these were a model load error (4) or accepted silently.
        &["--max-batch-tokens", "0", "check", "x"],
        &["--locale", "english", "check", "x"],
        &["--locale", "12", "check", "x"],
        &["score", "-", "--delimiter", "ab"],
        &["score", "-", "--delimiter", "\""],
    ] {
        let o = pg(args);
        assert_eq!(code(&o), 2, "{args:?}: {}", stderr(&o));
    }
    let o = pg(&["--locale", "english", "check", "x"]);
    assert!(stderr(&o).contains("`english` is not a locale tag"), "{}", stderr(&o));
}

/// Issue 19, item 5: a well-formed locale without helplines of its own is accepted with a
/// warning, which `score` repeats after its summary.
#[test]
fn locale_without_regional_resources_warns() {
    let o = pg(&["--locale", "XX", "score", &fx("good.jsonl")]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let e = stderr(&o);
    assert_eq!(e.matches("--locale XX: postguard has no helpline entries for this region").count(), 2, "{e}");
    let o = pg(&["--locale", "en-GB", "check", "x"]);
    assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));
}

/// Issue 19, item 5: an unknown label key is a record error in eval, a directory is named.
#[test]
fn eval_unknown_label_key_and_directory() {
    let f = labelled_file("typo.jsonl", &[r#"{"text": "a", "labels": {"bulying": 1, "crisis": 0}}"#]);
    let o = pg(&["eval", f.to_str().unwrap()]);
    assert_eq!(code(&o), 3, "{}", stderr(&o));
    assert!(
        stderr(&o).contains(&format!(
            "typo.jsonl:1: field `labels`: `bulying`: unknown label (the model's labels: {})",
            postguard::Label::name_list()
        )),
        "{}",
        stderr(&o)
    );
    let dir = tempfile::tempdir().unwrap();
    let o = pg(&["eval", dir.path().to_str().unwrap()]);
    assert_eq!(code(&o), 3, "{}", stderr(&o));
    assert!(stderr(&o).contains(&format!("{}: is a directory", dir.path().display())), "{}", stderr(&o));
}

/// Issue 19, item 5: `--delimiter`, and the hint when a `;` file is read without it.
#[test]
fn csv_delimiter_option_and_hint() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("semi.csv");
    std::fs::write(&p, "id;text\n1;hello; world\n").unwrap();
    let o = pg(&["score", p.to_str().unwrap()]);
    assert_eq!(code(&o), 3, "{}", stderr(&o));
    assert!(stderr(&o).contains("the header looks `;`-separated: pass --delimiter ';'"), "{}", stderr(&o));
    std::fs::write(&p, "id;text\n1;\"hello; world\"\n").unwrap();
    let o = pg(&["score", p.to_str().unwrap(), "--delimiter", ";", "--output-format", "jsonl"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(jsonl(&stdout(&o))[0]["text"], "hello; world");
}

/// Issue 19, item 3: a huge post is scored on its first --max-post-bytes bytes, the output says
/// so, and --max-rule-hits lists that many hits and counts the rest.
#[test]
fn per_post_limits_are_applied_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("big.jsonl");
    let text = "you are a loser. ".repeat(20_000); // 340,000 bytes, a rule hit every sentence
    std::fs::write(&p, format!("{{\"text\": \"{text}\"}}\n{{\"text\": \"small\"}}\n")).unwrap();
    let o = pg(&["score", p.to_str().unwrap(), "--max-post-bytes", "1000", "--max-rule-hits", "3"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = jsonl(&stdout(&o));
    let l = &out[0]["postguard"]["limited"];
    assert_eq!(l["text_bytes"], text.len());
    assert_eq!(l["scored_text_bytes"], 1000);
    let hits = out[0]["postguard"]["rule_hits"].as_array().unwrap();
    assert_eq!(hits.len(), 3);
    assert!(l["rule_hits_dropped"].as_u64().unwrap() > 50, "{l}");
    assert!(hits.iter().all(|h| h["end"].as_u64().unwrap() <= 1000));
    assert_eq!(out[0]["text"].as_str().unwrap().len(), text.len(), "the record itself is passed on whole");
    assert!(out[1]["postguard"].get("limited").is_none());
    // Defaults: 100,000 bytes and 100 hits.
    let o = pg(&["score", p.to_str().unwrap()]);
    let out = jsonl(&stdout(&o));
    assert_eq!(out[0]["postguard"]["limited"]["scored_text_bytes"], 100_000);
    assert_eq!(out[0]["postguard"]["rule_hits"].as_array().unwrap().len(), 100);
    let o = pg(&["check", "--max-post-bytes", "1000", &text[..5000]]);
    assert!(
        stdout(&o).contains("limited: only the first 1000 of 5000 bytes of the text were scored"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn model_load_errors_exit_4() {
    let o = bin().args(["--model", "/nonexistent/model", "check", "hello"]).output().unwrap();
    assert_eq!(code(&o), 4, "{}", stderr(&o));
    assert!(stderr(&o).contains("/nonexistent/model"), "{}", stderr(&o));
    let dir = tempfile::tempdir().unwrap();
    let o = bin().arg("--model").arg(dir.path()).args(["check", "hello"]).output().unwrap();
    assert_eq!(code(&o), 4, "{}", stderr(&o));
    let o = pg(&["--rules", "/nonexistent/pack.toml", "rules", "list"]);
    assert_eq!(code(&o), 4, "{}", stderr(&o));
    // Issue 19, item 5: a malformed pack's TOML error is printed once, not twice.
    let pack = dir.path().join("bad.toml");
    std::fs::write(&pack, "[[rule]]\nid = \"x\"\nlabel = \n").unwrap();
    let o = pg(&["--rules", pack.to_str().unwrap(), "rules", "list"]);
    assert_eq!(code(&o), 4, "{}", stderr(&o));
    assert_eq!(stderr(&o).matches("TOML parse error at line 3").count(), 1, "{}", stderr(&o));
}

#[test]
fn check_json_is_the_verdict() {
    let o = pg(&["check", "you are so stupid", "--context", "what do you think?", "--json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    for l in ["bullying", "misinformation", "unsafe_advice", "crisis"] {
        for k in ["model", "rules", "fused", "threshold", "flagged"] {
            assert!(!v["labels"][l][k].is_null(), "labels.{l}.{k} in {v}");
        }
    }
    assert_eq!(v["model"]["name"], "postguard-tiny-random");
    assert!(v["flagged"].is_array() && v["resources"].is_array());
}

#[test]
fn check_text_output_is_plain_when_piped() {
    let o = pg(&["check", "hello there, have a great day"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let s = stdout(&o);
    assert!(!s.contains('\x1b'), "ANSI codes in piped output: {s:?}");
    for needle in ["label", "model", "rules", "fused", "threshold", "bullying", "crisis", "verdict:"] {
        assert!(s.contains(needle), "missing {needle:?} in\n{s}");
    }
}

#[test]
fn check_crisis_is_help_not_violation() {
    // Every threshold at 0 flags everything: crisis must still be shown as help.
    let o = pg(&["--threshold", "crisis=0", "check", "i keep thinking about ending things"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let s = stdout(&o);
    assert!(s.contains("AT RISK"), "{s}");
    assert!(s.contains("not a violation"), "{s}");
    assert!(s.contains("findahelpline.com"), "{s}");
    let o = pg(&["--threshold", "crisis=0", "check", "i keep thinking about ending things", "--json"]);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(v["flagged"].as_array().unwrap().contains(&Value::from("crisis")));
    assert!(!v["violations"].as_array().unwrap().contains(&Value::from("crisis")));
}

#[test]
fn score_keeps_fields_and_adds_postguard() {
    let o = pg(&["score", &fx("good.jsonl")]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = jsonl(&stdout(&o));
    assert_eq!(out.len(), 4);
    let ids: Vec<&str> = out.iter().map(|v| v["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["g1", "g2", "g3", "g4"]);
    // Original fields are passed through byte for byte (1.50 stays 1.50).
    assert!(stdout(&o).lines().next().unwrap().contains("\"n\":1.50"));
    assert_eq!(out[1]["meta"]["k"][1], 2);
    assert_eq!(out[3]["text"], "caf\u{e9} \u{2014} \u{201c}quoted\u{201d} \u{1F600} text");
    for v in &out {
        let pg = &v["postguard"];
        assert_eq!(pg["scores"].as_object().unwrap().len(), postguard::Label::COUNT, "{pg}");
        assert!(pg["flagged"].is_array() && pg["rule_hits"].is_array() && pg["resources"].is_array());
        assert_eq!(pg["model"]["name"], "postguard-tiny-random");
        assert_eq!(pg["model"]["sha256"].as_str().unwrap().len(), 64);
    }
    let e = stderr(&o);
    assert!(e.contains("records in 4, out 4 (ok 4, skipped 0, errored 0), blank lines 0"), "{e}");
    assert!(e.contains("flagged: bullying"), "{e}");
}

#[test]
fn score_threshold_override_applies() {
    let o = pg(&["--threshold", "bullying=0,misinformation=0", "score", &fx("good.jsonl")]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    for v in jsonl(&stdout(&o)) {
        let flagged = v["postguard"]["flagged"].as_array().unwrap().clone();
        assert!(flagged.contains(&Value::from("bullying")) && flagged.contains(&Value::from("misinformation")));
    }
    assert!(stderr(&o).contains("bullying 4, misinformation 4"), "{}", stderr(&o));
}

#[test]
fn on_error_fail_stops_with_file_and_line() {
    let o = pg(&["score", &fx("bad_lines.jsonl"), "--id-field", "id"]);
    assert_eq!(code(&o), 3, "{}", stderr(&o));
    let e = stderr(&o);
    assert!(e.contains("bad_lines.jsonl:2 (id b2): field `text`: expected a string, got number"), "{e}");
    // The record before the bad one was written.
    assert_eq!(jsonl(&stdout(&o)).len(), 1);
}

#[test]
fn on_error_skip_reports_every_bad_record() {
    let o = pg(&["score", &fx("bad_lines.jsonl"), "--on-error", "skip"]);
    assert_eq!(code(&o), 5, "{}", stderr(&o));
    let out = jsonl(&stdout(&o));
    let ids: Vec<&str> = out.iter().map(|v| v["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["b1", "b6"]);
    let e = stderr(&o);
    for line in [2, 4, 5, 6, 8] {
        assert!(e.contains(&format!("bad_lines.jsonl:{line}: ")), "line {line} not reported:\n{e}");
    }
    assert!(e.contains("records in 7, out 2 (ok 2, skipped 5, errored 0), blank lines 2"), "{e}");
}

#[test]
fn on_error_emit_writes_error_records_in_place() {
    let o = pg(&["score", &fx("bad_lines.jsonl"), "--on-error", "emit"]);
    assert_eq!(code(&o), 5, "{}", stderr(&o));
    let out = jsonl(&stdout(&o));
    assert_eq!(out.len(), 7);
    let lines: Vec<Option<u64>> = out.iter().map(|v| v["postguard"]["error"]["line"].as_u64()).collect();
    assert_eq!(lines, [None, Some(2), Some(4), Some(5), Some(6), Some(8), None]);
    assert_eq!(out[1]["id"], "b2", "parsed fields are kept");
    assert_eq!(out[1]["postguard"]["error"]["message"], "field `text`: expected a string, got number");
    assert_eq!(out[2]["postguard"]["error"]["raw"], "{\"id\": \"b3\", \"text\": \"unterminated");
    assert_eq!(out[4]["postguard"]["error"]["message"], "expected a JSON object, got array");
    assert!(stderr(&o).contains("records in 7, out 7 (ok 2, skipped 0, errored 5), blank lines 2"), "{}", stderr(&o));
}

#[test]
fn bom_crlf_invalid_utf8_and_no_final_newline() {
    let o = pg(&["score", &fx("bom_crlf.jsonl")]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = jsonl(&stdout(&o));
    assert_eq!(out.len(), 2);
    assert_eq!(out[0]["id"], "c1");
    assert_eq!(out[1]["text"], "windows line two");
    assert!(stderr(&o).contains("blank lines 1"));

    let o = pg(&["score", &fx("invalid_utf8.jsonl"), "--on-error", "emit"]);
    assert_eq!(code(&o), 5, "{}", stderr(&o));
    let out = jsonl(&stdout(&o));
    assert_eq!(out.len(), 3);
    assert_eq!(out[1]["postguard"]["error"]["line"], 2);
    assert!(out[1]["postguard"]["error"]["message"].as_str().unwrap().starts_with("invalid UTF-8"));

    let o = pg(&["score", &fx("no_final_newline.jsonl")]);
    assert_eq!(code(&o), 0);
    assert_eq!(jsonl(&stdout(&o)).len(), 2);
}

#[test]
fn empty_inputs() {
    for f in ["empty.jsonl", "only_blank.jsonl"] {
        let o = pg(&["score", &fx(f)]);
        assert_eq!(code(&o), 0, "{f}: {}", stderr(&o));
        assert_eq!(stdout(&o), "");
        assert!(stderr(&o).contains("records in 0, out 0"), "{}", stderr(&o));
    }
    // CSV output of an empty input is a header only.
    let o = pg(&["score", &fx("empty.jsonl"), "--output-format", "csv"]);
    assert_eq!(code(&o), 0);
    assert!(stdout(&o).starts_with("postguard_bullying,"), "{}", stdout(&o));
}

#[test]
fn stdin_input() {
    let o = pg_stdin(&["score", "-"], b"{\"text\": \"hello\"}\n{\"text\": \"world\"}\n");
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(jsonl(&stdout(&o)).len(), 2);
    let o = pg_stdin(&["score", "-", "--input-format", "csv", "--output-format", "jsonl"], b"text\nhello\n");
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(jsonl(&stdout(&o))[0]["text"], "hello");
}

#[test]
fn csv_in_csv_out() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.csv");
    let o = pg(&["score", &fx("good.csv"), "-o", out.to_str().unwrap(), "--context-field", "context"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let mut r = csv::Reader::from_path(&out).unwrap();
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(&header[..4], ["id", "text", "context", "postguard_bullying"]);
    assert!(header.contains(&"postguard_flagged".to_owned()) && header.contains(&"postguard_model".to_owned()));
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(&rows[1][1], "multi\r\nline \"quoted\" post");
    assert_eq!(&rows[1][2], "the parent");
    let rule_hits: Value =
        serde_json::from_str(&rows[0][header.iter().position(|h| h == "postguard_rule_hits").unwrap()]).unwrap();
    assert!(rule_hits.is_array());
    assert!(!out.with_extension("csv.postguard-resume").exists(), "checkpoint removed after a finished run");
}

#[test]
fn csv_ragged_rows() {
    let o = pg(&["score", &fx("ragged.csv"), "--on-error", "emit"]);
    assert_eq!(code(&o), 5, "{}", stderr(&o));
    let mut r = csv::Reader::from_reader(o.stdout.as_slice());
    let header = r.headers().unwrap().clone();
    let err_col = header.iter().position(|h| h == "postguard_error").unwrap();
    let errors: Vec<String> = r.records().map(|x| x.unwrap()[err_col].to_owned()).collect();
    assert_eq!(errors.len(), 5);
    assert_eq!(errors[0], "");
    assert_eq!(errors[1], "line 3: expected 3 fields (as in the header), found 2");
    assert_eq!(errors[2], "line 4: expected 3 fields (as in the header), found 4");
    assert_eq!(errors[3], "");
    assert!(errors[4].starts_with("line 6: field `text`: invalid UTF-8"), "{}", errors[4]);

    let o = pg(&["score", &fx("ragged.csv")]);
    assert_eq!(code(&o), 3);
    assert!(stderr(&o).contains("ragged.csv:3: expected 3 fields"), "{}", stderr(&o));

    let o = pg(&["score", &fx("no_text_column.csv")]);
    assert_eq!(code(&o), 3);
    assert!(stderr(&o).contains("CSV header has no column `text`"), "{}", stderr(&o));
}

#[test]
fn jsonl_to_csv_and_back() {
    let o = pg(&["score", &fx("good.jsonl"), "--output-format", "csv"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let mut r = csv::Reader::from_reader(o.stdout.as_slice());
    let header = r.headers().unwrap().clone();
    assert_eq!(&header[0], "id");
    assert_eq!(&header[2], "n");
    assert_eq!(r.records().count(), 4);
}

/// Scores rounded to 6 decimals may differ in the last digit between batch compositions.
fn same_output(a: &str, b: &str) {
    let (a, b) = (jsonl(a), jsonl(b));
    assert_eq!(a.len(), b.len(), "record count");
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x["i"], y["i"]);
        assert_eq!(x["postguard"]["error"], y["postguard"]["error"]);
        if let Some(sx) = x["postguard"]["scores"].as_object() {
            for (k, v) in sx {
                let d = (v.as_f64().unwrap() - y["postguard"]["scores"][k].as_f64().unwrap()).abs();
                assert!(d < 1e-4, "{k}: {x} vs {y}");
            }
        }
    }
}

fn numbered_input(dir: &Path, n: usize) -> PathBuf {
    let p = dir.join("in.jsonl");
    let mut s = String::new();
    for i in 0..n {
        if i % 50 == 7 {
            s += &format!("{{\"i\": {i}, \"text\": {i}}}\n");
        } else {
            s += &format!("{{\"i\": {i}, \"text\": \"post {i}: you are not stupid, have a great day\"}}\n");
        }
    }
    std::fs::write(&p, s).unwrap();
    p
}

#[test]
fn resume_after_partial_last_line() {
    let dir = tempfile::tempdir().unwrap();
    let input = numbered_input(dir.path(), 120);
    let full = dir.path().join("full.jsonl");
    let o = pg(&["score", input.to_str().unwrap(), "-o", full.to_str().unwrap(), "--on-error", "emit"]);
    assert_eq!(code(&o), 5, "{}", stderr(&o));
    let full_text = std::fs::read_to_string(&full).unwrap();

    // No checkpoint: 50 complete records and half of the 51st.
    let part = dir.path().join("part.jsonl");
    let cut: usize = full_text.lines().take(50).map(|l| l.len() + 1).sum::<usize>() + 20;
    std::fs::write(&part, &full_text[..cut]).unwrap();
    let o = pg(&["score", input.to_str().unwrap(), "-o", part.to_str().unwrap(), "--on-error", "emit", "--resume"]);
    assert_eq!(code(&o), 5, "{}", stderr(&o));
    assert!(stderr(&o).contains("resuming after 50 input records"), "{}", stderr(&o));
    same_output(&full_text, &std::fs::read_to_string(&part).unwrap());
    assert!(stderr(&o).contains("records in 120, out 120"), "{}", stderr(&o));
}

/// A `score - -o OUT ARGS...` run fed through a pipe the test holds: the first `first` lines of
/// `input` are written, then the test waits until the run has written a checkpoint (a chunk is
/// done and the signal handler is in place). The run cannot end before more input comes, so a
/// signal or a kill that the test sends next never races the end of the run.
fn paused_run(out: &Path, args: &[&str], input: &str, first: usize) -> (std::process::Child, std::process::ChildStdin) {
    let mut child = bin()
        .arg("--model")
        .arg(tiny_model())
        .args(["score", "-", "-o", out.to_str().unwrap()])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let head: String = input.lines().take(first).map(|l| format!("{l}\n")).collect();
    stdin.write_all(head.as_bytes()).unwrap();
    stdin.flush().unwrap();
    let checkpoint = PathBuf::from(format!("{}.postguard-resume", out.display()));
    let started = std::time::Instant::now();
    while !checkpoint.exists() {
        assert!(started.elapsed().as_secs() < 120, "no checkpoint after 120 s");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    (child, stdin)
}

#[test]
fn resume_after_kill() {
    let dir = tempfile::tempdir().unwrap();
    let input = numbered_input(dir.path(), 3000);
    let text = std::fs::read_to_string(&input).unwrap();
    let opts = ["--on-error", "skip", "--batch-size", "16"];
    let full = dir.path().join("full.jsonl");
    let o = pg(&[&["score", input.to_str().unwrap(), "-o", full.to_str().unwrap()][..], &opts].concat());
    assert_eq!(code(&o), 5, "{}", stderr(&o));
    let full_text = std::fs::read_to_string(&full).unwrap();

    // Killed (SIGKILL: no handler runs) after 1,000 records were fed and a checkpoint written.
    let out = dir.path().join("killed.jsonl");
    let (mut child, stdin) = paused_run(&out, &opts, &text, 1000);
    child.kill().unwrap();
    let status = child.wait().unwrap();
    drop(stdin);
    assert!(!status.success(), "{status:?}");
    let killed_len = std::fs::metadata(&out).unwrap().len();
    let resume = [&["score", "-", "-o", out.to_str().unwrap(), "--resume"][..], &opts].concat();
    let o = pg_stdin(&resume, text.as_bytes());
    assert_eq!(code(&o), 5, "{}", stderr(&o));
    same_output(&full_text, &std::fs::read_to_string(&out).unwrap());
    // Skipped records are counted across the interruption (checkpoint), so the totals match.
    assert!(
        stderr(&o).contains("records in 3000, out 2940 (ok 2940, skipped 60, errored 0)"),
        "{status:?} {killed_len}: {}",
        stderr(&o)
    );
}

fn huge_post(bytes: usize) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("huge.jsonl");
    let text = "you are not stupid. ".repeat(bytes / 20);
    std::fs::write(&p, format!("{{\"text\": \"{text}\"}}\n{{\"text\": \"small\"}}\n")).unwrap();
    let o = pg(&["score", p.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let out = jsonl(&stdout(&o));
    assert_eq!(out.len(), 2);
    assert_eq!(out[0]["text"].as_str().unwrap().len(), text.len());
    assert_eq!(out[1]["text"], "small");
}

/// A long post goes through the model in windows; the I/O layer with a 10 MB post is covered by
/// the unit test `score::tests::ten_megabyte_post` (stub scorer).
#[test]
fn long_single_post() {
    huge_post(100 * 1024);
}

/// The model side of a 10 MB post: slow (minutes, ~1 GB of tokenizer memory in a debug build).
#[test]
#[ignore = "minutes in a debug build"]
fn ten_megabyte_post() {
    huge_post(10 * 1024 * 1024);
}

#[test]
fn eval_metrics_per_source() {
    let o = pg(&["eval", &fx("labelled.jsonl"), "--json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["records"], 6);
    // Null labels are left out: crisis is known for 4 records, unsafe_advice for 3.
    assert_eq!(v["overall"]["crisis"]["n"], 4);
    assert_eq!(v["overall"]["unsafe_advice"]["n"], 3);
    assert_eq!(v["overall"]["bullying"]["n"], 5);
    assert_eq!(v["by_source"]["s2"]["crisis"]["positives"], 1);
    assert!(v["by_source"]["s1"].get("crisis").is_none(), "s1 has no crisis labels");
    for k in ["precision", "recall", "f1", "average_precision"] {
        assert!(v["overall"]["bullying"].get(k).is_some(), "{k}");
    }
    let o = pg(&["eval", &fx("labelled.jsonl")]);
    assert_eq!(code(&o), 0);
    let t = stdout(&o);
    assert!(t.contains("(overall)") && t.contains("AP") && t.contains("s3"), "{t}");

    let o = pg(&["eval", &fx("labelled.jsonl"), "--json", "--limit", "2"]);
    assert_eq!(serde_json::from_str::<Value>(&stdout(&o)).unwrap()["records"], 2);
    let o = pg(&["eval", &fx("labelled.jsonl"), "--json", "--sample-every", "2"]);
    assert_eq!(serde_json::from_str::<Value>(&stdout(&o)).unwrap()["records"], 3);
}

#[test]
fn eval_bad_records() {
    let o = pg(&["eval", &fx("good.jsonl")]);
    assert_eq!(code(&o), 3, "{}", stderr(&o));
    assert!(stderr(&o).contains("good.jsonl:1 (id g1): field `labels`: missing"), "{}", stderr(&o));
    // Every record skipped: nothing was measured, which is an error, not a partial success.
    let o = pg(&["eval", &fx("good.jsonl"), "--on-error", "skip", "--json"]);
    assert_eq!(code(&o), 3, "{}", stderr(&o));
}

#[test]
fn rules_commands_need_no_model() {
    // A model path that does not exist: rules commands must not try to load it.
    let o = bin().args(["--model", "/nonexistent", "rules", "list"]).output().unwrap();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stdout(&o).contains(" rules\n"), "{}", stdout(&o));
    let o = bin().args(["--model", "/nonexistent", "rules", "list", "--json"]).output().unwrap();
    let list: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(!list.as_array().unwrap().is_empty());
    let o = bin().args(["rules", "test", "nobody likes you, kys", "--json"]).output().unwrap();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let report: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(report["hits"].is_array());
    let o = bin().args(["--no-default-rules", "rules", "list", "--json"]).output().unwrap();
    assert_eq!(serde_json::from_str::<Value>(&stdout(&o)).unwrap(), serde_json::json!([]));
}

#[test]
fn model_info_json() {
    let o = pg(&["model", "info", "--json"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["name"], "postguard-tiny-random");
    assert_eq!(v["version"], "0.0.0-test");
    assert_eq!(v["sha256"].as_str().unwrap().len(), 64);
    assert_eq!(v["labels"], serde_json::json!(postguard::Label::NAMES));
    assert_eq!(v["max_tokens"], 24);
    assert_eq!(v["thresholds"]["crisis"], 0.5);
    assert_eq!(v["source"]["kind"], "dir");
    let o = pg(&["model", "info"]);
    assert!(stdout(&o).contains("sha256:"));
}

#[test]
fn hub_cache_from_xdg_cache_home_and_hf_hub_cache() {
    // The same rule as Python (and huggingface_hub): HF_HUB_CACHE, else $HF_HOME/hub, else
    // $XDG_CACHE_HOME/huggingface/hub.
    let xdg = tempfile::tempdir().unwrap();
    let cache = xdg.path().join("huggingface").join("hub");
    postguard::testing::write_hub_cache(&cache, "acme/tiny", "main", &"a".repeat(40), tiny_model()).unwrap();
    let info = |envs: &[(&str, &std::path::Path)]| {
        let mut c = bin();
        for (k, v) in envs {
            c.env(k, v);
        }
        let o =
            c.env("HF_HUB_OFFLINE", "1").args(["--model", "acme/tiny", "model", "info", "--json"]).output().unwrap();
        (code(&o), stdout(&o), stderr(&o))
    };
    let (rc, out, err) = info(&[("XDG_CACHE_HOME", xdg.path())]);
    assert_eq!(rc, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["source"]["cache_dir"], cache.to_str().unwrap());
    // HF_HUB_CACHE wins over XDG_CACHE_HOME; HF_HOME too (here pointing where there is no model).
    let (rc, _, err) = info(&[
        ("XDG_CACHE_HOME", xdg.path()),
        ("HF_HUB_CACHE", &cache),
        ("HF_HOME", std::path::Path::new("/nonexistent")),
    ]);
    assert_eq!(rc, 0, "{err}");
    let (rc, _, err) = info(&[("XDG_CACHE_HOME", xdg.path()), ("HF_HOME", std::path::Path::new("/nonexistent"))]);
    assert_eq!(rc, 4, "HF_HOME comes before XDG_CACHE_HOME: {err}");
}

#[test]
fn hub_model_from_hf_home_offline() {
    let home = tempfile::tempdir().unwrap();
    postguard::testing::write_hub_cache(&home.path().join("hub"), "acme/tiny", "main", &"a".repeat(40), tiny_model())
        .unwrap();
    let o = bin()
        .env("HF_HOME", home.path())
        .env("HF_HUB_OFFLINE", "1")
        .args(["--model", "acme/tiny", "model", "info", "--json"])
        .output()
        .unwrap();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["source"]["kind"], "hub");
    assert_eq!(v["source"]["offline"], true);
    // Not in the cache, offline: a model load error, no network.
    let o = bin()
        .env("HF_HOME", home.path())
        .env("HF_HUB_OFFLINE", "1")
        .args(["--model", "acme/other", "model", "info"])
        .output()
        .unwrap();
    assert_eq!(code(&o), 4, "{}", stderr(&o));
}

#[test]
fn example_posts_score() {
    let ex = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/posts.jsonl");
    let o = pg(&["score", ex.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(jsonl(&stdout(&o)).len(), 22);
}

/// Issue 19, item 7: the README's CSV example runs as written (from the repository root), with
/// the file the repository ships.
#[test]
fn readme_csv_example_runs() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../README.md")).unwrap();
    let line = readme
        .lines()
        .find(|l| l.starts_with("postguard score ") && l.contains(".csv"))
        .expect("README has a CSV score example");
    let args: Vec<String> = line.split('#').next().unwrap().split_whitespace().skip(1).map(String::from).collect();
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let args: Vec<String> = args
        .into_iter()
        .map(|a| {
            if a.ends_with(".csv") && !root.join(&a).exists() {
                dir.path().join(a).to_str().unwrap().to_owned()
            } else {
                a
            }
        })
        .collect();
    let o = bin().current_dir(&root).arg("--model").arg(tiny_model()).args(&args).output().unwrap();
    assert_eq!(code(&o), 0, "{line}: {}", stderr(&o));
    assert!(stderr(&o).contains("records in 22, out 22 (ok 22"), "{}", stderr(&o));
}

/// Not a test: writes the tiny model to `$PG_TINY_DIR` for trying the CLI by hand:
/// `PG_TINY_DIR=/tmp/tiny cargo test -p postguard-cli --no-default-features --test cli -- --ignored write_tiny_model`.
#[test]
#[ignore = "helper, not a test"]
fn write_tiny_model() {
    if let Some(dir) = std::env::var_os("PG_TINY_DIR") {
        postguard::testing::TinyModel::default().write(Path::new(&dir)).unwrap();
    }
}

/// A labelled JSONL file in cargo's per-target test tmpdir.
fn labelled_file(name: &str, rows: &[&str]) -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, rows.join("\n") + "\n").unwrap();
    path
}

#[test]
fn rules_audit_counts_per_rule_against_its_floor() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let pack = dir.join("audit-pack.toml");
    std::fs::write(
        &pack,
        "[[rule]]\nid = \"bullying.grumble\"\nlabel = \"bullying\"\nseverity = \"medium\"\nphrases = [\"grumble\"]\n",
    )
    .unwrap();
    let mut rows = vec![
        r#"{"text": "grumble grumble", "source": "a", "labels": {"bullying": 1}}"#.to_owned(),
        r#"{"text": "grumble", "source": "b", "labels": {"bullying": 0}}"#.to_owned(),
        r#"{"text": "grumble", "source": "a", "labels": {"bullying": null}}"#.to_owned(),
    ];
    rows.extend((0..97).map(|i| format!(r#"{{"text": "fine day {i}", "source": "a", "labels": {{"bullying": 0}}}}"#)));
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    let file = labelled_file("audit.jsonl", &rows);
    let audit = |extra: &[&str]| {
        bin()
            .arg("--no-default-rules")
            .arg("--rules")
            .arg(&pack)
            .args(["rules", "audit", "--json"])
            .args(extra)
            .arg(&file)
            .output()
            .unwrap()
    };
    // 1 of 98 rows labelled 0 hit: ~1.0%, past the medium floor of 0.5% -> exit 1.
    let o = audit(&[]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["records"], 100);
    let r = &v["rules"][0];
    assert_eq!(
        (r["rule_id"].as_str(), r["hits"].as_u64(), r["labelled_hits"].as_u64()),
        (Some("bullying.grumble"), Some(3), Some(2))
    );
    assert_eq!(
        (r["positive_hits"].as_u64(), r["zero_hits"].as_u64(), r["zero_rows"].as_u64()),
        (Some(1), Some(1), Some(98))
    );
    assert_eq!((r["precision"].as_f64(), r["within_floor"].as_bool()), (Some(0.5), Some(false)));
    // Source b's bullying labels not counted: no hit on a 0 row left -> exit 0.
    let o = audit(&["--ignore-labels", "bullying:b"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!((v["rules"][0]["zero_hits"].as_u64(), v["rules"][0]["zero_rows"].as_u64()), (Some(0), Some(97)));
    assert_eq!(v["ignored_labels"], serde_json::json!(["bullying:b"]));
    // The table form.
    let o =
        bin().arg("--no-default-rules").arg("--rules").arg(&pack).args(["rules", "audit"]).arg(&file).output().unwrap();
    assert!(stdout(&o).contains("| `bullying.grumble` | medium | 3 | 2 | 0.500 | 1 of 98 |"), "{}", stdout(&o));
    // Bad input names file and line; usage mistakes exit 2.
    let bad = labelled_file(
        "audit-bad.jsonl",
        &[r#"{"text": "a", "labels": {"bullying": 0}}"#, r#"{"text": "b", "labels": {"bullying": 7}}"#],
    );
    let o = bin().args(["rules", "audit"]).arg(&bad).output().unwrap();
    assert_eq!(code(&o), 3, "{}", stderr(&o));
    assert!(stderr(&o).contains("audit-bad.jsonl:2") && stderr(&o).contains("bullying"), "{}", stderr(&o));
    let o = bin().args(["rules", "audit", "--ignore-labels", "nonsense"]).arg(&file).output().unwrap();
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    let o = bin().args(["rules", "audit"]).arg(dir).output().unwrap();
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("is a directory"), "{}", stderr(&o));
}

#[test]
fn eval_reports_pass_rate_per_functionality() {
    let file = labelled_file(
        "functionalities.jsonl",
        &[
            r#"{"text": "kys", "functionality": "urging", "labels": {"bullying": 1, "crisis": 0}}"#,
            r#"{"text": "k y s loser", "functionality": "urging", "labels": {"bullying": 1}}"#,
            r#"{"text": "have a lovely day", "functionality": "everyday", "labels": {"bullying": 0}}"#,
            r#"{"text": "hello there", "functionality": "everyday", "labels": {"bullying": 1}}"#,
            r#"{"text": "no functionality field", "labels": {"bullying": 0}}"#,
        ],
    );
    // Thresholds of 1: only high-severity rule hits flag, so the decisions are known.
    let t = "bullying=1,misinformation=1,unsafe_advice=1,crisis=1";
    let o = pg(&["--threshold", t, "eval", "--json", file.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["by_functionality"]["urging"], serde_json::json!({"cases": 2, "passed": 2, "pass_rate": 1.0}));
    assert_eq!(v["by_functionality"]["everyday"], serde_json::json!({"cases": 2, "passed": 1, "pass_rate": 0.5}));
    assert_eq!(v["by_functionality"].as_object().unwrap().len(), 2);
    let o = pg(&["--threshold", t, "eval", file.to_str().unwrap()]);
    assert!(stdout(&o).contains("everyday") && stdout(&o).contains("50.0%"), "{}", stdout(&o));
    // Files without the field print no such table.
    let o = pg(&["eval", "--json", &fx("labelled.jsonl")]);
    assert!(serde_json::from_str::<Value>(&stdout(&o)).unwrap().get("by_functionality").is_none());
}

/// Issue 19, item 1: a key given twice is read differently by different JSON readers; such a
/// record is a record error under every `--on-error` policy, never scored.
#[test]
fn duplicate_json_keys_are_record_errors_under_every_policy() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("dup.jsonl");
    std::fs::write(&p, "{\"id\": \"d1\", \"text\": \"hello\"}\n{\"id\": \"d2\", \"text\": \"first\", \"text\": \"kys loser\"}\n{\"id\": \"d3\", \"text\": \"bye\"}\n").unwrap();
    let path = p.to_str().unwrap();
    let o = pg(&["score", path]);
    assert_eq!(code(&o), 3, "{}", stderr(&o));
    assert!(stderr(&o).contains("dup.jsonl:2: field `text`: duplicate key"), "{}", stderr(&o));
    assert_eq!(jsonl(&stdout(&o)).len(), 1, "only the record before it");
    let o = pg(&["score", path, "--on-error", "skip"]);
    assert_eq!(code(&o), 5, "{}", stderr(&o));
    let ids: Vec<Value> = jsonl(&stdout(&o)).iter().map(|v| v["id"].clone()).collect();
    assert_eq!(ids, ["d1", "d3"]);
    assert!(stderr(&o).contains("records in 3, out 2 (ok 2, skipped 1, errored 0)"), "{}", stderr(&o));
    let o = pg(&["score", path, "--on-error", "emit"]);
    assert_eq!(code(&o), 5, "{}", stderr(&o));
    let out = jsonl(&stdout(&o));
    assert_eq!(out.len(), 3);
    assert_eq!(out[1]["postguard"]["error"]["field"], "text");
    assert!(out[1]["postguard"].get("scores").is_none(), "never scored");
    // Both values stay visible in the error record's raw line; no `text` member is passed on.
    assert!(out[1]["postguard"]["error"]["raw"].as_str().unwrap().contains("kys loser"));
    assert!(out[1].get("text").is_none());
}

/// Issue 19, item 1: a CSV header naming a column twice stops the run (exit 3) before any
/// record, under every policy; `text,text` used to come out as `a,a`.
#[test]
fn duplicate_csv_header_stops_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("dup.csv");
    std::fs::write(&p, "text,text\na,kys loser\n").unwrap();
    for policy in ["fail", "skip", "emit"] {
        let o = pg(&["score", p.to_str().unwrap(), "--on-error", policy]);
        assert_eq!(code(&o), 3, "{policy}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("dup.csv: line 1: CSV header names column `text` twice (columns 1 and 2)"),
            "{}",
            stderr(&o)
        );
        assert!(stdout(&o).is_empty(), "{policy}: {}", stdout(&o));
    }
}

/// Issue 19, item 2: `--resume` checks every line it keeps, and the ids with `--id-field`.
#[test]
fn resume_refuses_a_damaged_or_foreign_output() {
    let dir = tempfile::tempdir().unwrap();
    let input = numbered_input(dir.path(), 10);
    let full = dir.path().join("full.jsonl");
    let args = |out: &Path| -> Vec<String> {
        ["score", input.to_str().unwrap(), "-o", out.to_str().unwrap(), "--on-error", "emit", "--id-field", "i"]
            .map(String::from)
            .to_vec()
    };
    let o = bin().arg("--model").arg(tiny_model()).args(args(&full)).output().unwrap();
    assert_eq!(code(&o), 5, "{}", stderr(&o));
    let full_text = std::fs::read_to_string(&full).unwrap();
    let lines: Vec<&str> = full_text.lines().collect();

    // A garbage line where record 4 should be.
    let out = dir.path().join("garbage.jsonl");
    std::fs::write(&out, format!("{}\n{}\n{}\ngarbage line\n", lines[0], lines[1], lines[2])).unwrap();
    let o = bin().arg("--model").arg(tiny_model()).args(args(&out)).arg("--resume").output().unwrap();
    assert_eq!(code(&o), 3, "{}", stderr(&o));
    assert!(stderr(&o).contains("garbage.jsonl:4: not a JSON object"), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&out).unwrap().ends_with("garbage line\n"), "nothing written");

    // The records of another input (ids 0, 1, 5): record 3 has the wrong id.
    let out = dir.path().join("foreign.jsonl");
    std::fs::write(&out, format!("{}\n{}\n{}\n", lines[0], lines[1], lines[5])).unwrap();
    let o = bin().arg("--model").arg(tiny_model()).args(args(&out)).arg("--resume").output().unwrap();
    assert_eq!(code(&o), 3, "{}", stderr(&o));
    assert!(stderr(&o).contains("line 3: id `2` here, but output record 3 has id `5`"), "{}", stderr(&o));

    // A complete output: the summary counts the whole file, flagged included.
    let out = dir.path().join("done.jsonl");
    std::fs::write(&out, &full_text).unwrap();
    let o = bin().arg("--model").arg(tiny_model()).args(args(&out)).arg("--resume").output().unwrap();
    let e = stderr(&o);
    assert!(e.contains("records in 10, out 10 (ok 9, skipped 0, errored 1)"), "{e}");
    let flagged = |e: &str| e.lines().find(|l| l.starts_with("flagged:")).unwrap().to_owned();
    let first =
        stderr(&bin().arg("--model").arg(tiny_model()).args(args(&dir.path().join("again.jsonl"))).output().unwrap());
    assert_eq!(flagged(&e), flagged(&first), "resumed summary counts what the first run flagged");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), full_text);
}

/// Issue 19, item 4: a reader that goes away (`| head -3`) ends the run with 141 for JSONL and
/// CSV alike, and the summary adds up (in = ok + skipped + errored; out = what was written).
#[test]
fn closed_pipe_ends_quietly_with_a_true_summary() {
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().unwrap();
    let input = numbered_input(dir.path(), 3000);
    for format in ["jsonl", "csv"] {
        let mut child = bin()
            .arg("--model")
            .arg(tiny_model())
            .args([
                "score",
                input.to_str().unwrap(),
                "--output-format",
                format,
                "--on-error",
                "skip",
                "--batch-size",
                "16",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        for _ in 0..3 {
            lines.next().unwrap().unwrap();
        }
        drop(lines);
        let o = child.wait_with_output().unwrap();
        assert_eq!(code(&o), 141, "{format}: {}", stderr(&o));
        let e = stderr(&o);
        let summary = e.lines().find(|l| l.starts_with("postguard score: records in")).unwrap_or_else(|| panic!("{e}"));
        let nums: Vec<u64> = summary
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .take(5)
            .map(|s| s.parse().unwrap())
            .collect();
        let [r_in, r_out, ok, skipped, errored] = nums[..] else { panic!("{summary}") };
        assert_eq!(r_in, ok + skipped + errored, "{format}: {summary}");
        assert_eq!(r_out, ok + errored, "{format}: {summary}");
        assert!(r_in < 3000, "{format}: {summary}");
        assert!(!e.contains("postguard: error"), "{format}: quiet: {e}");
    }
}

/// Issue 19, item 4: a write error names the output, not the input, and counts nothing unwritten.
#[test]
fn write_errors_name_the_output() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let o = pg(&["score", &fx("good.jsonl"), "-o", "/dev/full"]);
    let _ = std::fs::remove_file("/dev/full.postguard-resume");
    assert_eq!(code(&o), 3, "{}", stderr(&o));
    let e = stderr(&o);
    assert!(e.contains("/dev/full: writing output: No space left on device"), "{e}");
    assert!(!e.contains("good.jsonl: writing"), "{e}");
    assert!(e.contains("records in 0, out 0 (ok 0, skipped 0, errored 0)"), "{e}");
}

/// Issue 19, item 4: Ctrl-C stops after a finished chunk, says how to resume, exits 130, and
/// `--resume` then gives the same output as an uninterrupted run.
#[test]
fn ctrl_c_says_how_to_resume() {
    let dir = tempfile::tempdir().unwrap();
    let input = numbered_input(dir.path(), 2000);
    let text = std::fs::read_to_string(&input).unwrap();
    let opts = ["--on-error", "emit", "--batch-size", "16"];
    let full = dir.path().join("full.jsonl");
    let o = pg(&[&["score", input.to_str().unwrap(), "-o", full.to_str().unwrap()][..], &opts].concat());
    assert_eq!(code(&o), 5, "{}", stderr(&o));
    let out = dir.path().join("int.jsonl");
    let (child, mut stdin) = paused_run(&out, &opts, &text, 100);
    let sent = Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(sent.success());
    // The chunk being read is finished (16 more records), then the run stops: it never sees
    // the end of its input.
    let more: String = text.lines().skip(100).take(16).map(|l| format!("{l}\n")).collect();
    // (It may have stopped already, between two chunks of the 100: then the pipe is closed.)
    let _ = stdin.write_all(more.as_bytes()).and_then(|()| stdin.flush());
    let o = child.wait_with_output().unwrap();
    drop(stdin);
    let e = stderr(&o);
    assert_eq!(code(&o), 130, "{e}");
    assert!(e.contains("run the same command with --resume to continue"), "{e}");
    let resume = [&["score", "-", "-o", out.to_str().unwrap(), "--resume"][..], &opts].concat();
    let o = pg_stdin(&resume, text.as_bytes());
    assert_eq!(code(&o), 5, "{}", stderr(&o));
    same_output(&std::fs::read_to_string(&full).unwrap(), &std::fs::read_to_string(&out).unwrap());
}

/// `score --redact`: the text and context fields are written redacted, and no finding's text is
/// left anywhere in the output record (rule-hit texts and the findings included).
#[test]
fn score_redact_leaves_no_finding_in_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::write(
        &input,
        concat!(
            r#"{"id": 1, "text": "her number is 07911 123456 and she lives at 14 Elm Road", "context": "ask jake.m@gmail.com", "meta": "kept"}"#,
            "\n",
            r#"{"id": 2, "text": "call 988 if you need to talk"}"#,
            "\n",
            r#"{"id": 3, "text": 42}"#,
            "\n"
        ),
    )
    .unwrap();
    let o = pg(&["score", input.to_str().unwrap(), "--redact", "--on-error", "emit"]);
    assert_eq!(code(&o), 5, "one error record: {}", stderr(&o));
    let out = stdout(&o);
    for secret in ["07911", "123456", "Elm Road", "jake.m", "gmail"] {
        assert!(!out.contains(secret), "{secret} left in {out}");
    }
    let lines: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines[0]["text"], "her number is [PHONE] and she lives at [ADDRESS]");
    assert_eq!(lines[0]["context"], "ask [EMAIL]");
    assert_eq!(lines[0]["meta"], "kept");
    assert!(lines[0]["postguard"]["flagged"].as_array().unwrap().iter().any(|l| l == "privacy"));
    assert_eq!(lines[0]["postguard"]["pii"][0]["text"], "[PHONE]");
    assert_eq!(lines[1]["text"], "call 988 if you need to talk");
    assert!(lines[2]["text"].is_null(), "an error record's text is not written under --redact");
}

// ---- Issue 30 (hostile input, part 3): one regression test per row of the issue's table. ----

/// Row 1: JSONL in, CSV out, where later records carry keys the first lacked: nothing is dropped,
/// the context used for scoring included (it lands in `postguard_extra`).
#[test]
fn csv_output_keeps_keys_that_the_first_record_lacked() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("keys.jsonl");
    std::fs::write(
        &input,
        "{\"id\": 1, \"text\": \"hello\"}\n{\"id\": 2, \"text\": \"then do it\", \"context\": \"i want to die\", \"lang\": \"en\"}\n",
    )
    .unwrap();
    let out = dir.path().join("out.csv");
    let o = pg(&["score", input.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let mut r = csv::Reader::from_path(&out).unwrap();
    let header = r.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let extra = header.iter().position(|h| h == "postguard_extra").expect("a postguard_extra column");
    assert_eq!(&rows[0][extra], "");
    let v: Value = serde_json::from_str(&rows[1][extra]).unwrap();
    assert_eq!(v, serde_json::json!({"context": "i want to die", "lang": "en"}));
}

/// Row 2: a second run writing the same output while the first holds it is refused, and the
/// file is not touched; once the holder lets go, a run succeeds.
#[test]
fn an_output_another_run_holds_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("same.jsonl");
    std::fs::write(&out, "{\"kept\": true}\n").unwrap();
    // The lock a running `score` holds (flock on Unix), taken here so the test does not race a run.
    let holder = std::fs::OpenOptions::new().write(true).open(&out).unwrap();
    holder.try_lock().unwrap();
    let o = pg(&["score", &fx("good.jsonl"), "-o", out.to_str().unwrap()]);
    assert_eq!(code(&o), 3, "{}", stderr(&o));
    assert!(stderr(&o).contains("another run is writing to this file"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "{\"kept\": true}\n");
    drop(holder);
    let o = pg(&["score", &fx("good.jsonl"), "-o", out.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(jsonl(&std::fs::read_to_string(&out).unwrap()).len(), 4);
}

/// Row 3: `score - -o F < F` (and `-o` a hard link of the input, and stdout appended to the
/// input) are refused before anything is truncated.
#[test]
fn an_output_that_is_the_input_is_refused_stdin_included() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("in.jsonl");
    let content = std::fs::read(fixture("good.jsonl")).unwrap();
    std::fs::write(&f, &content).unwrap();
    let run = |args: &[&str], stdin: Stdio, stdout: Stdio| {
        bin()
            .arg("--model")
            .arg(tiny_model())
            .args(args)
            .stdin(stdin)
            .stdout(stdout)
            .stderr(Stdio::piped())
            .output()
            .unwrap()
    };
    let o =
        run(&["score", "-", "-o", f.to_str().unwrap()], Stdio::from(std::fs::File::open(&f).unwrap()), Stdio::piped());
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("is the same file as the input (standard input is redirected from it)"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read(&f).unwrap(), content, "the input is intact");
    let link = dir.path().join("link.jsonl");
    std::fs::hard_link(&f, &link).unwrap();
    let o = run(&["score", f.to_str().unwrap(), "-o", link.to_str().unwrap()], Stdio::null(), Stdio::piped());
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert_eq!(std::fs::read(&f).unwrap(), content);
    let append = std::fs::OpenOptions::new().append(true).open(&f).unwrap();
    let o = run(&["score", f.to_str().unwrap()], Stdio::null(), Stdio::from(append));
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(stderr(&o).contains("standard output is redirected to the input file"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&f).unwrap(), content);
}

/// A run that stops before writing (a bad CSV header, a model that does not load) leaves no empty
/// output file behind; an output that existed is left as it was.
#[test]
fn a_run_that_stops_before_writing_leaves_no_new_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.jsonl");
    let o = pg(&["score", &fx("no_text_column.csv"), "-o", out.to_str().unwrap()]);
    assert_eq!(code(&o), 3, "{}", stderr(&o));
    assert!(!out.exists(), "no output file left by a run that wrote nothing");
    let o = bin()
        .args(["--model", "/nonexistent", "score", &fx("good.jsonl"), "-o", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(code(&o), 4, "{}", stderr(&o));
    assert!(!out.exists());
    std::fs::write(&out, "old\n").unwrap();
    let o = pg(&["score", &fx("no_text_column.csv"), "-o", out.to_str().unwrap()]);
    assert_eq!(code(&o), 3, "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "old\n", "an existing output is untouched");
}

/// Row 4: a record over --max-record-bytes is an error record under every policy (named by line
/// and size), and the records around it are scored.
#[test]
fn a_record_over_the_size_limit_is_an_error_record_under_every_policy() {
    let big = format!("{{\"id\": 2, \"text\": \"{}\"}}", "x".repeat(5_000));
    let input = format!("{{\"id\": 1, \"text\": \"a\"}}\n{big}\n{{\"id\": 3, \"text\": \"b\"}}\n");
    let o = pg_stdin(&["score", "-", "--max-record-bytes", "1000", "--on-error", "emit"], input.as_bytes());
    assert_eq!(code(&o), 5, "{}", stderr(&o));
    let recs = jsonl(&stdout(&o));
    assert_eq!(recs.len(), 3);
    assert_eq!(recs[1]["postguard"]["error"]["line"], 2);
    assert_eq!(
        recs[1]["postguard"]["error"]["message"],
        "the line is 5021 bytes, over the limit of 1000 bytes per record (--max-record-bytes); it was not read"
    );
    assert!(recs[1]["postguard"]["error"]["raw"].is_null());
    assert_eq!(recs[2]["id"], 3);
    let o = pg_stdin(&["score", "-", "--max-record-bytes", "1000", "--on-error", "skip"], input.as_bytes());
    assert_eq!(code(&o), 5, "{}", stderr(&o));
    assert_eq!(jsonl(&stdout(&o)).len(), 2);
    let o = pg_stdin(&["score", "-", "--max-record-bytes", "1000"], input.as_bytes());
    assert_eq!(code(&o), 3, "{}", stderr(&o));
    assert!(stderr(&o).contains("<stdin>:2: the line is 5021 bytes"), "{}", stderr(&o));
    // CSV records too.
    let csv_in = format!("id,text\n1,a\n2,\"{}\"\n3,b\n", "y".repeat(3_000));
    let o = pg_stdin(
        &["score", "-", "--input-format", "csv", "--max-record-bytes", "1000", "--on-error", "emit"],
        csv_in.as_bytes(),
    );
    assert_eq!(code(&o), 5, "{}", stderr(&o));
    let mut r = csv::Reader::from_reader(o.stdout.as_slice());
    let header = r.headers().unwrap().clone();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let err = header.iter().position(|h| h == "postguard_error").unwrap();
    assert!(rows[1][err].starts_with("line 3: the record is 3004 bytes"), "{:?}", &rows[1]);
    assert_eq!(&rows[2][0], "3");
}

/// Row 8: `eval` and `rules audit` that measured nothing exit non-zero.
#[test]
fn eval_and_audit_on_no_records_fail() {
    for f in ["empty.jsonl", "only_blank.jsonl"] {
        let o = pg(&["eval", &fx(f)]);
        assert_eq!(code(&o), 3, "{f}: {}", stderr(&o));
        assert!(stderr(&o).contains("no record was scored"), "{}", stderr(&o));
        let o = bin().args(["rules", "audit", &fx(f)]).output().unwrap();
        assert_eq!(code(&o), 3, "{f}: {}", stderr(&o));
        assert!(stderr(&o).contains("no records"), "{}", stderr(&o));
    }
    // Every record bad and skipped: nothing measured either.
    let o = pg(&["eval", &fx("good.jsonl"), "--on-error", "skip"]);
    assert_eq!(code(&o), 3, "{}", stderr(&o));
    assert!(stderr(&o).contains("no record was scored (4 record errors"), "{}", stderr(&o));
}

/// Row 9: rule packs are validated at load (empty and control-character phrases, an id naming
/// another label); `rules test --pack` runs a pack's examples and fails on one that does not hold.
#[test]
fn rule_packs_are_validated_and_their_examples_tested() {
    let dir = tempfile::tempdir().unwrap();
    let pack = |name: &str, body: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, body).unwrap();
        p.to_str().unwrap().to_owned()
    };
    let rule = |id: &str, label: &str, phrase: &str| {
        format!(
            "[[rule]]\nid = \"{id}\"\nlabel = \"{label}\"\nseverity = \"medium\"\ndescription = \"d\"\nphrases = [{phrase}]\n"
        )
    };
    for (name, body, want) in [
        ("empty.toml", rule("bullying.empty", "bullying", "\"\""), "has no words once normalised"),
        ("punct.toml", rule("bullying.punct", "bullying", "\"?!\""), "has no words once normalised"),
        ("nul.toml", rule("bullying.nul", "bullying", "\"you \\u0000 loser\""), "control character U+0000"),
        (
            "mismatch.toml",
            rule("bullying.oops", "crisis", "\"i give up\""),
            "the id names label `bullying` but the rule's label is `crisis`",
        ),
    ] {
        let p = pack(name, &body);
        let o = bin().args(["--rules", &p, "rules", "list"]).output().unwrap();
        assert_eq!(code(&o), 4, "{name}: {}", stderr(&o));
        assert!(stderr(&o).contains(want), "{name}: {}", stderr(&o));
    }
    let failing = pack(
        "failing.toml",
        &(rule("bullying.walnut", "bullying", "\"you absolute walnut\"")
            + "must_match = [\"you absolute walnut\", \"you total muppet\"]\nmust_not_match = [\"a walnut tree\"]\n"),
    );
    let o = bin().args(["rules", "test", "--pack", &failing]).output().unwrap();
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("FAIL bullying.walnut: must_match \"you total muppet\""), "{out}");
    assert!(out.contains("2 of 3 examples of 1 rules hold"), "{out}");
    // Loading it elsewhere warns.
    let o = bin().args(["--rules", &failing, "rules", "list"]).output().unwrap();
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains("1 of its examples do not hold"), "{}", stderr(&o));
    let good = pack(
        "good.toml",
        &(rule("bullying.walnut", "bullying", "\"you absolute walnut\"") + "must_match = [\"you absolute walnut\"]\n"),
    );
    let o = bin().args(["rules", "test", "--pack", &good]).output().unwrap();
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    // Without --pack: every loaded rule's examples (the default pack's hold).
    let o = bin().args(["rules", "test"]).output().unwrap();
    assert_eq!(code(&o), 0, "{}", stdout(&o));
}

/// Row 11: SIGTERM, with -q, stops after the chunk with a word and the resume hint.
#[cfg(unix)]
#[test]
fn sigterm_with_quiet_says_what_happened() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.jsonl");
    let input = "{\"text\": \"one\"}\n{\"text\": \"two\"}\n{\"text\": \"three\"}\n";
    let (child, mut stdin) = paused_run(&out, &["--batch-size", "1", "-q"], input, 2);
    assert!(Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap().success());
    // One more record lets the reader finish its chunk; then the run stops.
    // (It may have stopped already, between chunks: then the pipe is closed and that is fine.)
    let _ = stdin.write_all(format!("{}\n", input.lines().nth(2).unwrap()).as_bytes()).and_then(|()| stdin.flush());
    let o = child.wait_with_output().unwrap();
    drop(stdin);
    let e = stderr(&o);
    assert_eq!(code(&o), 130, "{e}");
    assert!(e.contains("interrupted"), "{e}");
    assert!(e.contains("--resume"), "{e}");
}

/// Row 11: the small ones.
#[test]
fn small_input_mistakes_get_clear_words() {
    let dir = tempfile::tempdir().unwrap();
    // A gzip file named .jsonl: one error naming gzip, not thousands of UTF-8 skips.
    let gz = dir.path().join("posts.jsonl");
    std::fs::write(&gz, b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xab\xae\x05\x00").unwrap();
    let o = pg(&["score", gz.to_str().unwrap(), "--on-error", "skip"]);
    assert_eq!(code(&o), 3, "{}", stderr(&o));
    assert!(stderr(&o).contains("gzip-compressed") && stderr(&o).contains("gzip -dc"), "{}", stderr(&o));
    // .tsv is CSV with tabs.
    let tsv = dir.path().join("posts.tsv");
    std::fs::write(&tsv, "id\ttext\n1\thello, world\n2\tsecond post\n").unwrap();
    let o = pg(&["score", tsv.to_str().unwrap(), "--output-format", "jsonl"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let recs = jsonl(&stdout(&o));
    assert_eq!(recs[0]["text"], "hello, world");
    assert_eq!(recs[1]["id"], "2");
    // A header that differs in case or spaces.
    let csv = dir.path().join("posts.csv");
    std::fs::write(&csv, "id,Text \n1,hello\n").unwrap();
    let o = pg(&["score", csv.to_str().unwrap()]);
    assert_eq!(code(&o), 3, "{}", stderr(&o));
    assert!(stderr(&o).contains("did you mean `Text `?"), "{}", stderr(&o));
    // Numeric options that must be positive say so in words.
    let o = pg(&["eval", &fx("labelled.jsonl"), "--sample-every", "0"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("must be at least 1") && !stderr(&o).contains("18446744073709551615"),
        "{}",
        stderr(&o)
    );
    // No posts scored: no posts/s rate.
    let o = pg_stdin(&["score", "-", "--on-error", "skip"], b"{\"text\": 1}\nnot json\n");
    let e = stderr(&o);
    assert!(e.contains("records in 2, out 0 (ok 0, skipped 2, errored 0)"), "{e}");
    assert!(!e.contains("posts/s"), "{e}");
}
