//! The gate question: how often is an English post called another language (val.jsonl, which is
//! English apart from a few posts), and how often is a non-English post of the langid set named
//! right, for each rule.
use lingua::{Language, LanguageDetector};

pub fn words_only(text: &str) -> String {
    text.split_whitespace()
        .filter(|w| !(w.contains("://") || w.starts_with("www.") || w.contains('@') || w.starts_with('#')))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Named language, when `rule` accepts it.
pub fn gate(det: &LanguageDetector, text: &str, min_words: usize, max_en: f64, min_conf: f64) -> Option<String> {
    let t = words_only(text);
    let words = t.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2).count();
    if words < min_words {
        return None;
    }
    let vals = det.compute_language_confidence_values(&t);
    let (top, conf) = vals.first().copied()?;
    let en = vals.iter().find(|(l, _)| *l == Language::English).map_or(0.0, |(_, c)| *c);
    if top != Language::English && en > max_en {
        return None;
    }
    if conf < min_conf {
        return None;
    }
    Some(top.iso_code_639_1().to_string().to_lowercase())
}
