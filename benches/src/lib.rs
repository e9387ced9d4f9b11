//! Shared loaders for the postguard criterion benchmarks and the timing
//! binary used by `benches/compare/compare.py`.
//!
//! Every benchmark runs over the same fixed corpus, [`corpus`]: 2,000 posts
//! sampled deterministically from permissively licensed sources (see
//! `benches/corpus/README.md`). The model is picked by [`BenchModel::locate`].

use std::path::{Path, PathBuf};

use postguard::{Classifier, ModelSource, Post, Precision};
use serde::Deserialize;

/// The benchmark corpus, one JSON object per line (`text`, `context`, `source`, `id`).
pub const CORPUS_JSONL: &str = include_str!("../corpus/posts.jsonl");

#[derive(Deserialize)]
struct Record {
    text: String,
    context: Option<String>,
}

/// The corpus as posts, in file order.
///
/// # Panics
///
/// If the embedded corpus is not valid JSONL (it is checked by a test).
pub fn corpus() -> Vec<Post> {
    parse_jsonl(CORPUS_JSONL)
}

/// Parses JSONL records with `text` and optional `context` into posts.
///
/// # Panics
///
/// On a malformed line.
pub fn parse_jsonl(jsonl: &str) -> Vec<Post> {
    jsonl
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let r: Record = serde_json::from_str(l).expect("corpus line is a JSON record");
            Post { text: r.text, context: r.context }
        })
        .collect()
}

/// Total UTF-8 bytes of the posts' texts and contexts.
pub fn corpus_bytes(posts: &[Post]) -> u64 {
    posts.iter().map(|p| (p.text.len() + p.context.as_ref().map_or(0, String::len)) as u64).sum()
}

/// The repository's `models/postguard-default/` directory.
pub fn default_model_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../models/postguard-default")
}

/// Where a benchmark's model lives; keeps a temporary directory alive.
#[derive(Debug)]
pub struct BenchModel {
    /// The model directory.
    pub dir: PathBuf,
    /// `"postguard-default"`, `"tiny (random)"` or the directory given.
    pub description: String,
    _temp: Option<tempfile::TempDir>,
}

impl BenchModel {
    /// `explicit` if given, else `models/postguard-default/` when it has
    /// weights, else a tiny random model written to a temporary directory
    /// (timings then mean little, but the benches still run).
    ///
    /// # Panics
    ///
    /// If the tiny model cannot be written.
    pub fn locate(explicit: Option<PathBuf>) -> Self {
        if let Some(dir) = explicit {
            return Self { description: dir.display().to_string(), dir, _temp: None };
        }
        let bundled = default_model_dir();
        if bundled.join(postguard::WEIGHTS_FILE).is_file() {
            return Self { dir: bundled, description: "postguard-default".to_owned(), _temp: None };
        }
        let temp = tempfile::tempdir().expect("temporary directory");
        postguard::testing::TinyModel::default().write(temp.path()).expect("write tiny model");
        Self { dir: temp.path().to_owned(), description: "tiny (random)".to_owned(), _temp: Some(temp) }
    }

    /// A classifier over this model with the default rules.
    ///
    /// # Panics
    ///
    /// If the model does not load.
    pub fn classifier(&self) -> Classifier {
        self.classifier_with(Precision::default())
    }

    /// A classifier over this model with the default rules and the given precision.
    ///
    /// # Panics
    ///
    /// If the model does not load.
    pub fn classifier_with(&self, precision: Precision) -> Classifier {
        Classifier::builder()
            .model(ModelSource::Dir(self.dir.clone()))
            .precision(precision)
            .build()
            .expect("benchmark model loads")
    }

    /// The model's tokenizer.
    ///
    /// # Panics
    ///
    /// If `tokenizer.json` does not load.
    pub fn tokenizer(&self) -> tokenizers::Tokenizer {
        tokenizers::Tokenizer::from_file(self.dir.join(postguard::TOKENIZER_FILE)).expect("tokenizer loads")
    }
}

/// A post of `words` short common words: about one token each with an uncased
/// WordPiece vocabulary, so windows are `words + 2` tokens long.
pub fn synthetic_post(words: usize, seed: usize) -> Post {
    const WORDS: [&str; 16] = [
        "the", "you", "and", "is", "not", "this", "people", "think", "really", "good", "bad", "time", "day", "know",
        "want", "help",
    ];
    let text: Vec<&str> = (0..words).map(|i| WORDS[(i * 7 + seed * 13) % WORDS.len()]).collect();
    Post::new(text.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corpus_parses_and_is_the_documented_size() {
        let posts = corpus();
        assert_eq!(posts.len(), 2000);
        assert!(posts.iter().all(|p| !p.text.is_empty()));
        assert!(posts.iter().any(|p| p.context.is_some()));
    }
}
