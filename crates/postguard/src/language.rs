//! Language identification per post, with [lingua](https://docs.rs/lingua) in its high-accuracy
//! mode (character 1- to 5-gram models of [`LANGUAGES`]), chosen over whatlang after measuring both
//! on short posts (`benches/langid`, `tests/fixtures/multilingual/langid.jsonl`: 12 languages,
//! 3-30 words): lingua named the language right on 97-98 % of texts of 5 words or more, whatlang
//! 90 % (69 % with the confidence needed to abstain on noise), and on English posts (a quarter of
//! `val.jsonl`) the rule below calls 0.08 % another language (6 of 7,110), where lingua's
//! low-accuracy mode called 1.8 %.
//!
//! A verdict says which language its text is in, or `und` (undetermined) when the text is too
//! short or no language is clearly ahead. A model declares the languages it was trained on
//! (`postguard.json` `languages`); when a post is in another one, the model's scores do not flag
//! on their own (see [`Verdict::unsupported_language`](crate::Verdict::unsupported_language)).

use std::sync::OnceLock;

use lingua::{LanguageDetector, LanguageDetectorBuilder};
use serde::{Deserialize, Serialize};

use crate::classifier::prefix;
/// The code of an undetermined language (BCP 47 / ISO 639-2 `und`).
pub const UNDETERMINED: &str = "und";

/// Fewest words (of two letters or more, links, @handles and #tags left out) a text needs before
/// its language is named: below it ("lol ok", "kys 👍") the statistics are noise.
pub const MIN_WORDS: usize = 3;

/// A text whose best language is not English is named only if English's confidence value is at
/// most this: slangy English tweets otherwise read as Swedish or Indonesian, and a post called
/// another language loses its model scores' say.
pub const MAX_ENGLISH_CONFIDENCE: f64 = 0.1;

/// Lowest confidence value at which the best language is named (leetspeak and emoji-heavy text
/// spreads its values thin: "y0u ar3 a l0ser, k y s" is 0.14 Turkish).
pub const MIN_CONFIDENCE: f64 = 0.3;

/// The languages identification can name (lingua's models compiled in); a text in another
/// language gets the closest of these or `und`, and is unsupported all the same unless it lands
/// on a model language.
pub const LANGUAGES: &[&str] = &[
    "en", "es", "pt", "fr", "de", "it", "nl", "pl", "tr", "ru", "uk", "ar", "hi", "zh", "ja", "ko", "id", "vi", "ro",
    "sv",
];

fn detector() -> &'static LanguageDetector {
    static DETECTOR: OnceLock<LanguageDetector> = OnceLock::new();
    DETECTOR.get_or_init(|| {
        // lingua loads its models with rayon's parallel iterators, and the thread that holds this
        // OnceLock must not take part in any rayon pool while it waits for that load: a worker of
        // rayon's global pool waiting on a rayon job runs other queued jobs meanwhile, such as the
        // next post's identification, which waits on this very OnceLock; and a thread outside
        // the pool that needed the global pool for the load could find all its threads waiting
        // here. Both hung postguard-server's tests (its two batcher threads classifying their
        // first posts at once; tests/language_init*.rs make both schedules). So the load runs on a
        // thread of its own, with a pool of its own, and this thread only joins it.
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get).min(4);
        let load = || {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .thread_name(|i| format!("postguard-lingua-{i}"))
                .build()
                .unwrap_or_else(|e| panic!("postguard: cannot start threads to load the language models: {e}"));
            pool.install(build_detector)
        };
        std::thread::scope(|scope| {
            std::thread::Builder::new()
                .name("postguard-lingua-load".to_owned())
                .spawn_scoped(scope, load)
                .unwrap_or_else(|e| panic!("postguard: cannot start a thread to load the language models: {e}"))
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        })
    })
}

fn build_detector() -> LanguageDetector {
    use lingua::Language as L;
    LanguageDetectorBuilder::from_languages(&[
        L::English,
        L::Spanish,
        L::Portuguese,
        L::French,
        L::German,
        L::Italian,
        L::Dutch,
        L::Polish,
        L::Turkish,
        L::Russian,
        L::Ukrainian,
        L::Arabic,
        L::Hindi,
        L::Chinese,
        L::Japanese,
        L::Korean,
        L::Indonesian,
        L::Vietnamese,
        L::Romanian,
        L::Swedish,
    ])
    .with_preloaded_language_models()
    .build()
}

/// Bytes of a text that language identification reads (a prefix, cut back to a char boundary):
/// enough for any language to show, and a bound on its cost for a huge post.
pub const MAX_DETECT_BYTES: usize = 600;

/// The language of a post's text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Language {
    /// ISO 639-1 code (`"en"`, `"es"`; one of [`LANGUAGES`]); `"und"` when undetermined.
    pub code: String,
    /// How sure the identification is, 0..1 (lingua's confidence value of the language: its share
    /// among the candidate languages; 1 when assumed; 0 when undetermined).
    pub confidence: f32,
    /// Whether the caller said the language (`ClassifierBuilder::assume_language`) instead of it
    /// being detected.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub assumed: bool,
}

impl Default for Language {
    fn default() -> Self {
        Self::undetermined()
    }
}

impl Language {
    /// An undetermined language.
    pub fn undetermined() -> Self {
        Self { code: UNDETERMINED.to_owned(), confidence: 0.0, assumed: false }
    }

    /// A language the caller asserts.
    pub fn assumed(code: &str) -> Self {
        Self { code: code.to_owned(), confidence: 1.0, assumed: true }
    }

    /// Whether a language was named (detected or assumed).
    pub fn is_determined(&self) -> bool {
        self.code != UNDETERMINED
    }

    /// Identifies the language of `text` (its first [`MAX_DETECT_BYTES`]);
    /// [`Language::undetermined`] when it has fewer than [`MIN_WORDS`] words, when the best
    /// language's confidence is below [`MIN_CONFIDENCE`], or when the best language is not English
    /// while English's confidence is above [`MAX_ENGLISH_CONFIDENCE`].
    pub fn detect(text: &str) -> Self {
        let text = words_only(prefix(text, MAX_DETECT_BYTES));
        let words =
            text.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).take(2).count() == 2).count();
        if words < MIN_WORDS {
            return Self::undetermined();
        }
        let values = detector().compute_language_confidence_values(&text);
        let Some(&(best, confidence)) = values.first() else { return Self::undetermined() };
        let english = values.iter().find(|(l, _)| *l == lingua::Language::English).map_or(0.0, |(_, c)| *c);
        if confidence < MIN_CONFIDENCE || (best != lingua::Language::English && english > MAX_ENGLISH_CONFIDENCE) {
            return Self::undetermined();
        }
        Self { code: best.iso_code_639_1().to_string().to_lowercase(), confidence: confidence as f32, assumed: false }
    }
}

/// `text` without the tokens that say little of its language: links, @handles, emails, #tags.
fn words_only(text: &str) -> String {
    text.split_whitespace()
        .filter(|w| !(w.contains("://") || w.starts_with("www.") || w.contains('@') || w.starts_with('#')))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether `code` is a language code postguard accepts from a caller (`--assume-language`, a
/// model's `languages`): two or three ASCII lowercase letters.
pub fn is_language_code(code: &str) -> bool {
    (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clear_sentences_are_named_and_short_ones_are_not() {
        for (text, want) in [
            ("ya no quiero vivir, esta noche me voy a matar", "es"),
            ("hoy fue un buen día, fui al parque con mi perro", "es"),
            ("je veux mourir ce soir, je n'en peux plus de tout ça", "fr"),
            ("Ich hasse dich, du bist wertlos und niemand mag dich", "de"),
            ("I just want to die, I can't do this anymore", "en"),
        ] {
            let l = Language::detect(text);
            assert_eq!(l.code, want, "{text}");
            assert!(l.confidence > 0.0 && !l.assumed);
        }
        for text in [
            "lol",
            "ok 👍",
            "https://example.org/x",
            "kys",
            "",
            "12345 67890 !!!",
            "@someone_else www.example.org/page",
            "y0u ar3 a l0ser, k y s",
        ] {
            assert_eq!(Language::detect(text), Language::undetermined(), "{text:?}");
        }
    }

    #[test]
    fn a_huge_text_reads_a_prefix_only() {
        let text = "je veux mourir ce soir. ".repeat(100_000);
        assert_eq!(Language::detect(&text).code, "fr");
        let cut = prefix("ééé", 3);
        assert_eq!(cut, "é");
    }

    #[test]
    fn codes_are_checked() {
        assert!(is_language_code("en") && is_language_code("cmn"));
        assert!(
            !is_language_code("EN")
                && !is_language_code("english")
                && !is_language_code("e")
                && !is_language_code("en-US")
        );
    }
}
