//! The one error type of this crate.

use std::path::PathBuf;

use crate::Label;

/// Everything that can go wrong while loading a model or classifying posts.
///
/// Variants about model files name the file (as a path for directory and hub
/// sources, `<bundled>/name` for the compiled-in model) and, where there is
/// one, the field or tensor.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A required model file does not exist.
    #[error("{}: file not found", path.display())]
    MissingFile {
        /// The file that was looked for.
        path: PathBuf,
    },

    /// A model file exists but could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file being read.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },

    /// A JSON file (`config.json`, `postguard.json`) is not valid JSON or has
    /// a value of the wrong type.
    #[error("{}: {source}", path.display())]
    Json {
        /// The file being parsed.
        path: PathBuf,
        /// The parser's error (it names line and column).
        #[source]
        source: serde_json::Error,
    },

    /// A JSON file lacks a field the engine needs.
    #[error("{}: missing field {field}", path.display())]
    MissingField {
        /// The file being parsed.
        path: PathBuf,
        /// The missing field.
        field: String,
    },

    /// A field has a value the engine cannot use.
    #[error("{}: invalid {field}: {reason}", path.display())]
    InvalidField {
        /// The file being parsed.
        path: PathBuf,
        /// The offending field.
        field: String,
        /// What is wrong with it.
        reason: String,
    },

    /// `config.json` declares a problem type other than multi-label classification.
    #[error(
        "{}: problem_type is {found:?}; postguard needs a \"multi_label_classification\" model (one sigmoid per label)",
        path.display()
    )]
    UnsupportedProblemType {
        /// The `config.json` path.
        path: PathBuf,
        /// The problem type found.
        found: String,
    },

    /// `id2label` (or `postguard.json` thresholds) names a label postguard does not know.
    #[error(
        "{}: unknown label {label:?} (known labels: {})",
        path.display(),
        crate::Label::name_list()
    )]
    UnknownLabel {
        /// The file naming the label.
        path: PathBuf,
        /// The unknown label name.
        label: String,
    },

    /// The weights file is not a readable safetensors file (truncated, corrupt header, ...).
    #[error("{}: not a valid safetensors file: {source}", path.display())]
    Safetensors {
        /// The weights file.
        path: PathBuf,
        /// The decoder's error.
        #[source]
        source: candle_core::Error,
    },

    /// A tensor the architecture needs is absent from the weights file.
    #[error("{}: missing tensor {tensor}{}", path.display(), hint.as_deref().map(|h| format!(" ({h})")).unwrap_or_default())]
    MissingTensor {
        /// The weights file.
        path: PathBuf,
        /// The full tensor name looked for.
        tensor: String,
        /// Why the tensor is needed, when that is not obvious.
        hint: Option<String>,
    },

    /// A tensor has a shape that does not match `config.json`.
    #[error("{}: tensor {tensor} has shape {found:?}, expected {expected:?}", path.display())]
    TensorShape {
        /// The weights file.
        path: PathBuf,
        /// The tensor name.
        tensor: String,
        /// The shape in the file.
        found: Vec<usize>,
        /// The shape `config.json` implies.
        expected: Vec<usize>,
    },

    /// A tensor has a dtype the engine does not load (only F32, F16 and BF16 are).
    #[error("{}: tensor {tensor} has dtype {dtype}, expected F32 or F16", path.display())]
    TensorDtype {
        /// The weights file.
        path: PathBuf,
        /// The tensor name.
        tensor: String,
        /// The dtype found.
        dtype: String,
    },

    /// `tokenizer.json` could not be loaded.
    #[error("{}: {source}", path.display())]
    Tokenizer {
        /// The tokenizer file.
        path: PathBuf,
        /// The tokenizers crate's error.
        #[source]
        source: tokenizers::Error,
    },

    /// The tokenizer's vocabulary is not the size of the model's embedding table: it can
    /// produce ids the model has no embedding for, or it is not the tokenizer the model was
    /// trained with.
    #[error(
        "tokenizer does not match model: {} has {tokenizer_vocab} token ids but the model's word embeddings have {model_vocab} rows (config.json vocab_size)",
        path.display()
    )]
    TokenizerMismatch {
        /// The tokenizer file.
        path: PathBuf,
        /// Vocabulary size of the tokenizer: 1 + its largest token id (added tokens included).
        tokenizer_vocab: usize,
        /// `vocab_size` from `config.json` (the weights are checked to have that many
        /// embedding rows).
        model_vocab: usize,
    },

    /// The tokenizer is not the one the model was exported with: its special tokens disagree
    /// with `config.json` or its own post-processor, or it fails the fingerprint `postguard.json`
    /// recorded at export (vocabulary hash, a fixed text's token ids). A `postguard.json`
    /// without a `tokenizer` entry (older or third-party exports) loads after the size and
    /// special-token checks alone: a changed normalizer then goes unnoticed.
    #[error("tokenizer does not match model: {}: {reason}", path.display())]
    TokenizerDiffers {
        /// The tokenizer file.
        path: PathBuf,
        /// What differs, with the values found and expected.
        reason: String,
    },

    /// A hub download failed.
    #[error("hub model {repo_id}: cannot fetch {file}: {source}")]
    Hub {
        /// The repository id.
        repo_id: String,
        /// The file being fetched.
        file: String,
        /// hf-hub's error.
        #[source]
        source: Box<hf_hub::api::sync::ApiError>,
    },

    /// Offline hub use, and the cache lacks a file.
    #[error(
        "hub model {repo_id} (revision {revision}): {file} is not in the cache at {} (offline)",
        cache_dir.display()
    )]
    NotInCache {
        /// The repository id.
        repo_id: String,
        /// The revision looked up.
        revision: String,
        /// The missing file.
        file: String,
        /// The cache directory searched.
        cache_dir: PathBuf,
    },

    /// No hub cache directory was given and none could be derived.
    #[error("hub model {repo_id}: no cache directory given and no home directory to default to")]
    NoCacheDir {
        /// The repository id.
        repo_id: String,
    },

    /// [`ModelSource::Bundled`](crate::ModelSource::Bundled) was asked for but
    /// this build has no compiled-in model.
    #[error(
        "this build of postguard has no bundled model (cargo feature `bundled` is off); load a model directory or hub id"
    )]
    BundledUnavailable,

    /// The model could not be built from valid-looking files, or a forward pass failed.
    #[error("model error: {0}")]
    Model(#[source] candle_core::Error),

    /// Tokenizing a post failed.
    #[error("tokenization failed: {0}")]
    Tokenize(#[source] tokenizers::Error),

    /// A rule pack problem (from `postguard-rules`).
    #[error(transparent)]
    Rules(#[from] postguard_rules::RulesError),

    /// A threshold outside `0.0..=1.0` (or not a number).
    #[error("threshold for {label} must be within 0..=1, got {value}")]
    InvalidThreshold {
        /// The label.
        label: Label,
        /// The value given.
        value: f32,
    },

    /// A builder option with an unusable value.
    #[error("invalid option {option}: {reason}")]
    InvalidOption {
        /// The option name.
        option: &'static str,
        /// What is wrong with it.
        reason: String,
    },
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
