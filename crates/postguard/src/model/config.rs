//! `config.json` and `postguard.json`.

use std::collections::BTreeMap;
use std::path::Path;

use candle_transformers::models::bert::Config as BertConfig;
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::model::files::ModelFile;
use crate::{Error, Label, PerLabel, Result};

/// The only problem type the engine accepts: one independent sigmoid per label.
pub(crate) const MULTI_LABEL: &str = "multi_label_classification";

/// Fields of a BERT `config.json` that have no sensible default.
const REQUIRED: [&str; 6] = [
    "vocab_size",
    "hidden_size",
    "num_hidden_layers",
    "num_attention_heads",
    "intermediate_size",
    "max_position_embeddings",
];

/// Hugging Face's defaults for the other fields candle's `Config` requires, so
/// that any checkpoint transformers can load also loads here.
const DEFAULTS: [(&str, f64); 5] = [
    ("hidden_dropout_prob", 0.1),
    ("type_vocab_size", 2.0),
    ("initializer_range", 0.02),
    ("layer_norm_eps", 1e-12),
    ("pad_token_id", 0.0),
];

/// What the engine needs from `config.json`.
#[derive(Debug, Clone)]
pub(crate) struct ModelConfig {
    pub(crate) bert: BertConfig,
    /// Head output index -> label.
    pub(crate) labels: Vec<Label>,
}

fn invalid(path: &Path, field: &str, reason: impl Into<String>) -> Error {
    Error::InvalidField { path: path.to_owned(), field: field.to_owned(), reason: reason.into() }
}

fn missing(path: &Path, field: &str) -> Error {
    Error::MissingField { path: path.to_owned(), field: field.to_owned() }
}

fn parse_label(path: &Path, name: &str) -> Result<Label> {
    name.parse::<Label>().map_err(|_| Error::UnknownLabel { path: path.to_owned(), label: name.to_owned() })
}

impl ModelConfig {
    pub(crate) fn parse(file: &ModelFile) -> Result<Self> {
        let path = file.path.as_path();
        let value: Value =
            serde_json::from_slice(&file.bytes).map_err(|source| Error::Json { path: path.to_owned(), source })?;
        let Value::Object(mut object) = value else {
            return Err(invalid(path, "(root)", "expected a JSON object"));
        };

        match object.get("problem_type") {
            None | Some(Value::Null) => return Err(missing(path, "problem_type")),
            Some(Value::String(found)) if found == MULTI_LABEL => {}
            Some(Value::String(found)) => {
                return Err(Error::UnsupportedProblemType { path: path.to_owned(), found: found.clone() });
            }
            Some(other) => {
                return Err(Error::UnsupportedProblemType { path: path.to_owned(), found: other.to_string() });
            }
        }
        if let Some(model_type) = object.get("model_type").and_then(Value::as_str)
            && model_type != "bert"
        {
            return Err(invalid(path, "model_type", format!("{model_type:?} is not supported (expected \"bert\")")));
        }
        let labels = Self::parse_id2label(path, &object)?;

        for field in REQUIRED {
            if object.get(field).is_none_or(Value::is_null) {
                return Err(missing(path, field));
            }
        }
        for (field, default) in DEFAULTS {
            if object.get(field).is_none_or(Value::is_null) {
                let value = if field.ends_with("_size") || field.ends_with("_id") {
                    Value::from(default as u64)
                } else {
                    Value::from(default)
                };
                object.insert(field.to_owned(), value);
            }
        }
        let act = object.get("hidden_act").cloned().unwrap_or_else(|| Value::from("gelu"));
        let act = match act.as_str() {
            // transformers' names for the tanh approximation of GELU.
            // (candle spells that variant "geluapproximate".)
            Some("gelu_new" | "gelu_pytorch_tanh" | "gelu_fast") => Value::from("geluapproximate"),
            _ => act,
        };
        object.insert("hidden_act".to_owned(), act);

        let bert: BertConfig = serde_json::from_value(Value::Object(object))
            .map_err(|source| Error::Json { path: path.to_owned(), source })?;
        if bert.num_attention_heads == 0 || !bert.hidden_size.is_multiple_of(bert.num_attention_heads) {
            return Err(invalid(
                path,
                "num_attention_heads",
                format!("hidden_size {} is not a multiple of {}", bert.hidden_size, bert.num_attention_heads),
            ));
        }
        if bert.type_vocab_size < 2 {
            return Err(invalid(path, "type_vocab_size", "must be at least 2 for sentence pairs"));
        }
        Ok(Self { bert, labels })
    }

    fn parse_id2label(path: &Path, object: &Map<String, Value>) -> Result<Vec<Label>> {
        let Some(id2label) = object.get("id2label") else {
            return Err(missing(path, "id2label"));
        };
        let Value::Object(id2label) = id2label else {
            return Err(invalid(path, "id2label", "expected an object {\"0\": \"label\", ...}"));
        };
        let mut by_index = BTreeMap::new();
        for (index, name) in id2label {
            let index: usize =
                index.parse().map_err(|_| invalid(path, "id2label", format!("key {index:?} is not an index")))?;
            let name =
                name.as_str().ok_or_else(|| invalid(path, "id2label", format!("value for {index} is not a string")))?;
            by_index.insert(index, parse_label(path, name)?);
        }
        if by_index.is_empty() {
            return Err(invalid(path, "id2label", "is empty"));
        }
        if by_index.keys().copied().ne(0..by_index.len()) {
            return Err(invalid(path, "id2label", "indices must be 0..n without gaps"));
        }
        let labels: Vec<Label> = by_index.into_values().collect();
        for (i, label) in labels.iter().enumerate() {
            if labels[..i].contains(label) {
                return Err(invalid(path, "id2label", format!("label {label} appears twice")));
            }
        }
        Ok(labels)
    }
}

#[derive(Debug, Deserialize)]
struct RawSettings {
    name: Option<String>,
    version: Option<String>,
    base_model: Option<String>,
    max_tokens: Option<usize>,
    stride: Option<usize>,
    #[serde(default)]
    thresholds: BTreeMap<String, f32>,
    tokenizer: Option<TokenizerRecord>,
    languages: Option<Vec<String>>,
}

/// `postguard.json` `tokenizer`: what the export recorded of its tokenizer, checked at load
/// (see [`tokenizer_check`](crate::model::tokenizer_check)).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub(crate) struct TokenizerRecord {
    /// SHA-256 of the vocabulary: every token (added tokens included), sorted by id (then by
    /// token), each followed by `\n`, UTF-8.
    pub(crate) vocab_sha256: String,
    /// A fixed text: mixed case, accents, digits, punctuation, an emoji.
    pub(crate) fingerprint_text: String,
    /// Its token ids with special tokens (`Tokenizer::encode(text, true)`, no truncation).
    pub(crate) fingerprint_ids: Vec<u32>,
}

/// `postguard.json`: identity, window and thresholds. Every field is optional
/// so a plain transformers checkpoint loads too.
#[derive(Debug, Clone)]
pub(crate) struct ModelSettings {
    pub(crate) name: Option<String>,
    pub(crate) version: Option<String>,
    pub(crate) base_model: Option<String>,
    pub(crate) max_tokens: usize,
    pub(crate) stride: usize,
    pub(crate) thresholds: PerLabel<f32>,
    /// The export's record of its tokenizer; `None` for exports without one.
    pub(crate) tokenizer: Option<TokenizerRecord>,
    /// The languages the model was trained on (`postguard.json` `languages`, language codes);
    /// `None` when the file does not say (then no post is treated as unsupported).
    pub(crate) languages: Option<Vec<String>>,
}

/// Window length used when `postguard.json` does not say.
const DEFAULT_MAX_TOKENS: usize = 256;
/// Threshold used for labels `postguard.json` does not list.
pub(crate) const DEFAULT_THRESHOLD: f32 = 0.5;
/// Smallest usable window: special tokens, a quarter for context, and text.
pub(crate) const MIN_MAX_TOKENS: usize = 8;

impl ModelSettings {
    pub(crate) fn parse(file: Option<&ModelFile>, config: &ModelConfig) -> Result<Self> {
        let max_position = config.bert.max_position_embeddings;
        let raw = match file {
            None => RawSettings {
                name: None,
                version: None,
                base_model: None,
                max_tokens: None,
                stride: None,
                thresholds: BTreeMap::new(),
                tokenizer: None,
                languages: None,
            },
            Some(file) => {
                serde_json::from_slice(&file.bytes).map_err(|source| Error::Json { path: file.path.clone(), source })?
            }
        };
        let path = file.map_or_else(|| Path::new("postguard.json"), |f| f.path.as_path());
        let max_tokens = raw.max_tokens.unwrap_or(DEFAULT_MAX_TOKENS.min(max_position));
        if max_tokens > max_position {
            return Err(invalid(
                path,
                "max_tokens",
                format!("{max_tokens} exceeds the model's max_position_embeddings {max_position}"),
            ));
        }
        if max_tokens < MIN_MAX_TOKENS {
            return Err(invalid(path, "max_tokens", format!("{max_tokens} is below {MIN_MAX_TOKENS}")));
        }
        let stride = raw.stride.unwrap_or(max_tokens / 4);
        if stride >= max_tokens {
            return Err(invalid(path, "stride", format!("{stride} must be smaller than max_tokens {max_tokens}")));
        }
        let mut thresholds = PerLabel::from_fn(|_| DEFAULT_THRESHOLD);
        for (name, value) in raw.thresholds {
            let label = parse_label(path, &name)?;
            if !(0.0..=1.0).contains(&value) {
                return Err(invalid(path, "thresholds", format!("{name} = {value} is outside 0..=1")));
            }
            thresholds[label] = value;
        }
        if let Some(langs) = &raw.languages {
            if langs.is_empty() {
                return Err(invalid(
                    path,
                    "languages",
                    "is empty: list the language codes the model was trained on (e.g. [\"en\"])".to_owned(),
                ));
            }
            if let Some(bad) = langs.iter().find(|l| !crate::language::is_language_code(l)) {
                return Err(invalid(
                    path,
                    "languages",
                    format!("{bad:?} is not a language code (two or three lowercase letters, e.g. \"en\")"),
                ));
            }
        }
        Ok(Self {
            name: raw.name,
            version: raw.version,
            base_model: raw.base_model,
            max_tokens,
            stride,
            thresholds,
            tokenizer: raw.tokenizer,
            languages: raw.languages,
        })
    }
}
