//! `cargo run --release --manifest-path benches/langid/Cargo.toml -- tests/fixtures/multilingual/langid.jsonl`
//!
//! For each detector: accuracy per language and per length band (3-5, 6-12, 13-30 words) on the
//! labelled texts, how often each abstains (names no language), and mean time per text. A
//! detector's answer counts as right when it names the labelled language, and, for `mixed` and
//! `unknown` texts, when it abstains. whatlang is used the way postguard uses it
//! (`postguard::Language::detect`'s rule: ≥ 12 letters, confidence ≥ 0.5; and at other settings), and raw;
//! lingua is restricted to the 12 languages of the set (which flatters it: postguard would have to
//! choose its languages in advance) with its minimum relative distance at 0.25.

mod gate;

use std::collections::BTreeMap;
use std::time::Instant;

use lingua::{Language, LanguageDetectorBuilder};

fn wl_at(text: &str, min_letters: usize, min_confidence: f64) -> Option<String> {
    if text.chars().filter(|c| c.is_alphabetic()).take(min_letters).count() < min_letters {
        return None;
    }
    let info = whatlang::detect(text)?;
    (info.confidence() >= min_confidence).then(|| code(info.lang()))
}

fn wl_allow(text: &str, allow: &[whatlang::Lang], min_letters: usize, min_confidence: f64) -> Option<String> {
    if text.chars().filter(|c| c.is_alphabetic()).take(min_letters).count() < min_letters {
        return None;
    }
    let info = whatlang::Detector::with_allowlist(allow.to_vec()).detect(text)?;
    (info.confidence() >= min_confidence).then(|| code(info.lang()))
}

fn wl_postguard(text: &str) -> Option<String> {
    wl_at(text, 12, 0.5)
}

fn wl_raw(text: &str) -> Option<String> {
    whatlang::detect(text).map(|i| code(i.lang()))
}

fn code(l: whatlang::Lang) -> String {
    use whatlang::Lang::*;
    match l {
        Eng => "en", Spa => "es", Por => "pt", Fra => "fr", Deu => "de", Ita => "it", Nld => "nl", Pol => "pl",
        Tur => "tr", Rus => "ru", Ara => "ar", Hin => "hi", other => other.code(),
    }
    .to_owned()
}

fn band(words: usize) -> &'static str {
    match words {
        0..=5 => "3-5",
        6..=12 => "6-12",
        _ => "13-30",
    }
}

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| "tests/fixtures/multilingual/langid.jsonl".to_owned());
    let rows: Vec<(String, String)> = std::fs::read_to_string(&path)
        .expect("the langid set")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("JSON");
            (v["lang"].as_str().unwrap().to_owned(), v["text"].as_str().unwrap().to_owned())
        })
        .collect();
    let langs = [
        Language::English, Language::Spanish, Language::Portuguese, Language::French, Language::German,
        Language::Italian, Language::Dutch, Language::Polish, Language::Turkish, Language::Russian,
        Language::Arabic, Language::Hindi,
    ];
    let lingua = LanguageDetectorBuilder::from_languages(&langs).with_minimum_relative_distance(0.25).build();
    let lingua_low =
        LanguageDetectorBuilder::from_languages(&langs).with_minimum_relative_distance(0.25).with_low_accuracy_mode().build();
    let lingua_low_fn = |t: &str| -> Option<String> {
        lingua_low.detect_language_of(t).map(|l| l.iso_code_639_1().to_string().to_lowercase())
    };
    use whatlang::Lang as W;
    let wl12 = [W::Eng, W::Spa, W::Por, W::Fra, W::Deu, W::Ita, W::Nld, W::Pol, W::Tur, W::Rus, W::Ara, W::Hin];
    let wl30 = [
        W::Eng, W::Spa, W::Por, W::Fra, W::Deu, W::Ita, W::Nld, W::Pol, W::Tur, W::Rus, W::Ara, W::Hin, W::Cmn, W::Jpn,
        W::Kor, W::Ind, W::Vie, W::Tha, W::Ukr, W::Ron, W::Swe, W::Dan, W::Nob, W::Fin, W::Ces, W::Hun, W::Ell, W::Heb,
        W::Pes, W::Urd, W::Ben, W::Tgl, W::Cat,
    ];
    let lingua_fn = |t: &str| -> Option<String> {
        lingua.detect_language_of(t).map(|l| l.iso_code_639_1().to_string().to_lowercase())
    };
    type Det<'a> = (&'a str, Box<dyn Fn(&str) -> Option<String> + 'a>);
    let detectors: Vec<Det<'_>> = vec![
        ("whatlang as postguard uses it", Box::new(wl_postguard)),
        ("whatlang raw", Box::new(wl_raw)),
        ("whatlang, >= 12 letters, confidence >= 0.3", Box::new(|t: &str| wl_at(t, 12, 0.3))),
        ("whatlang, >= 12 letters, confidence >= 0.7", Box::new(|t: &str| wl_at(t, 12, 0.7))),
        ("whatlang, >= 20 letters, confidence >= 0.5", Box::new(|t: &str| wl_at(t, 20, 0.5))),
        ("lingua (12 languages, min distance 0.25)", Box::new(lingua_fn)),
        ("lingua low-accuracy mode (12 languages, min distance 0.25)", Box::new(lingua_low_fn)),
        ("whatlang allowlist of the 12, >= 12 letters, confidence >= 0", Box::new(move |t: &str| wl_allow(t, &wl12, 12, 0.0))),
        ("whatlang allowlist of the 12, >= 12 letters, confidence >= 0.3", Box::new(move |t: &str| wl_allow(t, &wl12, 12, 0.3))),
        ("whatlang allowlist of 33, >= 12 letters, confidence >= 0", Box::new(move |t: &str| wl_allow(t, &wl30, 12, 0.0))),
        ("whatlang allowlist of 33, >= 12 letters, confidence >= 0.3", Box::new(move |t: &str| wl_allow(t, &wl30, 12, 0.3))),
    ];
    // The gate on English posts: val.jsonl (mostly English) as the negatives.
    if let Some(val) = std::env::args().nth(2) {
        let texts: Vec<String> = std::fs::read_to_string(&val)
            .expect("val")
            .lines()
            .step_by(4)
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["text"].as_str().unwrap_or("").to_owned())
            .collect();
        let all = [
            Language::English, Language::Spanish, Language::Portuguese, Language::French, Language::German,
            Language::Italian, Language::Dutch, Language::Polish, Language::Turkish, Language::Russian,
            Language::Ukrainian, Language::Arabic, Language::Hindi, Language::Chinese, Language::Japanese,
            Language::Korean, Language::Indonesian, Language::Vietnamese, Language::Romanian, Language::Swedish,
        ];
        let high = LanguageDetectorBuilder::from_languages(&all).build();
        let low = LanguageDetectorBuilder::from_languages(&all).with_low_accuracy_mode().build();
        let _ = &low;
        for (mode, det) in [("high", &high)] {
            for (min_words, max_en, min_conf) in [(3, 0.1, 0.0), (3, 0.1, 0.3), (3, 0.1, 0.5), (3, 0.1, 0.6), (3, 0.05, 0.5)] {
                let started = Instant::now();
                let not_en = texts.iter().filter(|t| gate::gate(det, t, min_words, max_en, min_conf).is_some_and(|c| c != "en")).count();
                let us = started.elapsed().as_secs_f64() / texts.len() as f64 * 1e6;
                let mut right5 = (0, 0);
                for (lang, text) in &rows {
                    if matches!(lang.as_str(), "mixed" | "unknown") || text.split_whitespace().count() < 5 { continue; }
                    right5.1 += 1;
                    right5.0 += usize::from(gate::gate(det, text, min_words, max_en, min_conf).as_deref() == Some(lang));
                }
                println!("gate {mode} min_words {min_words} max_en {max_en} min_conf {min_conf}: val posts called non-English {not_en} of {} ({:.2} %), {us:.0} µs; langid >= 5 words named right {}/{}", texts.len(), 100.0 * not_en as f64 / texts.len() as f64, right5.0, right5.1);
            }
        }
    }
    for (name, det) in &detectors {
        // Warm-up.
        for (_, t) in rows.iter().take(20) {
            let _ = det(t);
        }
        let mut per_lang: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        let mut per_band: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        let mut five_plus = (0usize, 0usize);
        let mut abstain = 0usize;
        let mut wrong_named = 0usize;
        let started = Instant::now();
        let answers: Vec<Option<String>> = rows.iter().map(|(_, t)| det(t)).collect();
        let per_text = started.elapsed().as_secs_f64() / rows.len() as f64;
        for ((lang, text), got) in rows.iter().zip(&answers) {
            let words = text.split_whitespace().count();
            let right = match lang.as_str() {
                "mixed" | "unknown" => got.is_none(),
                l => got.as_deref() == Some(l),
            };
            if got.is_none() {
                abstain += 1;
            } else if !right {
                wrong_named += 1;
            }
            let e = per_lang.entry(lang.clone()).or_default();
            e.0 += usize::from(right);
            e.1 += 1;
            if !matches!(lang.as_str(), "mixed" | "unknown") {
                let b = per_band.entry(band(words)).or_default();
                b.0 += usize::from(right);
                b.1 += 1;
                if words >= 5 {
                    five_plus.0 += usize::from(right);
                    five_plus.1 += 1;
                }
            }
        }
        println!("## {name}: {:.1} µs per text; abstained on {abstain} of {}; named a wrong language {wrong_named} times", per_text * 1e6, rows.len());
        let row = |(r, n): (usize, usize)| format!("{r}/{n} ({:.0} %)", 100.0 * r as f64 / n.max(1) as f64);
        println!("  texts of >= 5 words, language named right: {}", row(five_plus));
        for (b, v) in &per_band {
            println!("  {b} words: {}", row(*v));
        }
        println!("  per language: {}", per_lang.iter().map(|(l, v)| format!("{l} {}", row(*v))).collect::<Vec<_>>().join(", "));
    }
}
