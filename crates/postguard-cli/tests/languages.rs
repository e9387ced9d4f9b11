//! The language of each post in the CLI's outputs, with the bundled (English) model: JSONL and
//! CSV fields, the summary's count of unsupported posts, `check` in words, `--assume-language`.

use std::process::Command;

fn postguard() -> Command {
    Command::new(env!("CARGO_BIN_EXE_postguard"))
}

const ES: &str = "hoy fue un buen día, fui al parque con mi perro y comimos helado";
const EN: &str = "you are a pathetic loser and nobody likes you";

#[test]
fn score_writes_the_language_and_counts_unsupported_posts() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::write(&input, format!("{{\"text\": \"{ES}\"}}\n{{\"text\": \"{EN}\"}}\n{{\"text\": \"lol\"}}\n")).unwrap();
    let out = postguard().arg("score").arg(&input).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let rows: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let pg = |i: usize| rows[i]["postguard"].clone();
    assert_eq!(pg(0)["language"]["code"], "es");
    assert_eq!(pg(0)["unsupported_language"], true);
    assert_eq!(pg(0)["flagged"], serde_json::json!([]), "the English model's scores do not flag Spanish");
    assert_eq!(pg(1)["language"]["code"], "en");
    assert!(pg(1).get("unsupported_language").is_none(), "written only when true");
    assert_eq!(pg(1)["flagged"][0], "bullying");
    assert_eq!(pg(2)["language"]["code"], "und");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unsupported language: 1 posts"), "{err}");

    // CSV: three columns.
    let csv_out = dir.path().join("out.csv");
    let out = postguard().arg("-q").arg("score").arg(&input).arg("-o").arg(&csv_out).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let mut r = csv::Reader::from_path(&csv_out).unwrap();
    let header = r.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no {name} in {header:?}"));
    let (lang, conf, uns) =
        (col("postguard_language"), col("postguard_language_confidence"), col("postguard_unsupported_language"));
    let recs: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!((&recs[0][lang], &recs[0][uns]), ("es", "true"));
    assert!(recs[0][conf].parse::<f64>().unwrap() > 0.3);
    assert_eq!((&recs[1][lang], &recs[1][uns]), ("en", "false"));
    assert_eq!((&recs[2][lang], &recs[2][conf]), ("und", "0"));

    // --assume-language: nothing is unsupported, and the verdict says it was assumed.
    let out = postguard().args(["--assume-language", "en", "score"]).arg(&input).output().unwrap();
    let first: serde_json::Value =
        serde_json::from_str(String::from_utf8(out.stdout).unwrap().lines().next().unwrap()).unwrap();
    assert_eq!(first["postguard"]["language"], serde_json::json!({"code": "en", "confidence": 1.0, "assumed": true}));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("unsupported language"));
}

#[test]
fn check_says_it_in_words_and_a_bad_code_is_a_usage_error() {
    let out = postguard().args(["check", ES]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("language: es") && text.contains("not trained on"), "{text}");
    let out = postguard().args(["--assume-language", "Spanish", "check", ES]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a language code"));
}
