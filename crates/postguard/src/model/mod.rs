//! The model: files, configuration, tokenizer windows and a backend that scores windows.
//!
//! ## Backends
//!
//! A [`Backend`] turns token windows into head-ordered probabilities and owns its batching.
//! [`Model::from_files`] picks one at load from the configuration and the precision:
//!
//! - [`network::CandleBert`]: the f32 candle graph, padded batches under a token budget;
//! - [`fast::FastBert`]: int8 dense layers, one unpadded window per thread.
//!
//! Both read the checkpoint through [`weights::Weights`], checked against the one BERT tensor
//! table in [`layout`]. Another encoder family is one file implementing [`Backend`] (loading
//! through `Weights` with its own layout) plus an arm in `Model::from_files` for its
//! `model_type` (and [`config`] accepting that `model_type`).

pub(crate) mod config;
pub(crate) mod encode;
pub(crate) mod fast;
pub(crate) mod files;
pub(crate) mod layout;
pub(crate) mod network;
pub(crate) mod tokenizer_check;
pub(crate) mod weights;

use candle_transformers::models::bert::HiddenAct;
use sha2::{Digest, Sha256};
use tokenizers::Tokenizer;

use crate::model::config::{ModelConfig, ModelSettings};
use crate::model::encode::{Window, WindowEncoder};
use crate::model::fast::{FastBert, Int8Kernel, Precision};
use crate::model::files::ModelFiles;
use crate::model::network::CandleBert;
use crate::model::weights::Weights;
use crate::{Error, Label, ModelInfo, ModelSource, PerLabel, Result};

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// What scores token windows: one implementation per encoder family and arithmetic.
pub(crate) trait Backend: Send + Sync + std::fmt::Debug {
    /// Head-ordered label probabilities of each window, in input order. Each backend batches
    /// as suits it; `max_batch_tokens` bounds one forward pass where batches are padded.
    fn score(&self, windows: &[&Window], max_batch_tokens: usize) -> Result<Vec<Vec<f32>>>;

    /// The arithmetic of its dense layers, as [`ModelInfo::precision`] reports it (`f32`,
    /// `int8-avx512`, ...).
    fn arithmetic(&self) -> String;
}

/// A loaded model: tokenizer windows, backend, label order and settings.
#[derive(Debug)]
pub(crate) struct Model {
    pub(crate) encoder: WindowEncoder,
    backend: Box<dyn Backend>,
    /// Head output index -> label.
    pub(crate) labels: Vec<Label>,
    pub(crate) settings: ModelSettings,
    pub(crate) info: ModelInfo,
}

impl Model {
    /// `kernel` forces an int8 kernel; with [`Precision::Auto`] it also means int8.
    pub(crate) fn load(source: &ModelSource, precision: Precision, kernel: Option<Int8Kernel>) -> Result<Self> {
        let files = ModelFiles::load(source)?;
        Self::from_files(files, precision, kernel)
    }

    pub(crate) fn from_files(files: ModelFiles, precision: Precision, kernel: Option<Int8Kernel>) -> Result<Self> {
        let _span = tracing::info_span!("load_model").entered();
        let config = ModelConfig::parse(&files.config)?;
        let settings = ModelSettings::parse(files.settings.as_ref(), &config)?;
        let mut tokenizer = Tokenizer::from_bytes(&files.tokenizer.bytes)
            .map_err(|source| Error::Tokenizer { path: files.tokenizer.path.clone(), source })?;
        // As the window encoder uses it: no truncation, no padding.
        let _ = tokenizer.with_truncation(None);
        tokenizer.with_padding(None);
        tokenizer_check::check(&tokenizer, &files.tokenizer.path, &config, settings.tokenizer.as_ref())?;
        // The int8 backend implements BERT's erf GELU only: asked for explicitly on another
        // activation it is an error; `Auto` then takes the f32 graph, which has them all.
        let int8_gelu = config.bert.hidden_act == HiddenAct::Gelu;
        let resolved =
            if precision == Precision::Auto && kernel.is_some() { Precision::Int8 } else { precision.resolve() };
        let int8 = match resolved {
            Precision::Int8 if !int8_gelu && precision == Precision::Int8 => {
                return Err(Error::InvalidField {
                    path: files.config.path.clone(),
                    field: "hidden_act".to_owned(),
                    reason: format!(
                        "is {:?}; the int8 path implements only \"gelu\" (erf): use precision f32",
                        config.bert.hidden_act
                    ),
                });
            }
            Precision::Int8 => int8_gelu,
            _ => false,
        };
        let weights = Weights::open(&files.weights, &config.bert, config.labels.len())?;
        let backend: Box<dyn Backend> = if int8 {
            Box::new(FastBert::load(&weights, &config.bert, config.labels.len(), kernel)?)
        } else {
            Box::new(CandleBert::load(&weights, &config.bert, config.labels.len())?)
        };
        drop(weights);
        let sha256 = files.sha256.clone().unwrap_or_else(|| sha256_hex(&files.weights.bytes));
        let files_sha256 = files.files_sha256.clone().unwrap_or_else(|| sha256_hex(files.manifest(&sha256).as_bytes()));
        let info = ModelInfo {
            name: settings.name.clone().unwrap_or(files.default_name),
            version: settings.version.clone().unwrap_or(files.default_version),
            sha256,
            files_sha256,
            precision: backend.arithmetic(),
        };
        let encoder = WindowEncoder::new(tokenizer, settings.max_tokens, settings.stride);
        Ok(Self { encoder, backend, labels: config.labels, settings, info })
    }

    /// Label probabilities of each window, in input order.
    pub(crate) fn score(&self, windows: &[&Window], max_batch_tokens: usize) -> Result<Vec<PerLabel<f32>>> {
        let _span = tracing::debug_span!("forward", windows = windows.len()).entered();
        if windows.iter().all(|w| w.ids.is_empty()) {
            return Ok(vec![PerLabel::default(); windows.len()]);
        }
        let probs = self.backend.score(windows, max_batch_tokens)?;
        Ok(probs.into_iter().map(|row| self.per_label(row)).collect())
    }

    /// Head-ordered probabilities to per-label scores.
    fn per_label(&self, row: Vec<f32>) -> PerLabel<f32> {
        let mut scores = PerLabel::default();
        for (label, p) in self.labels.iter().zip(row) {
            scores[*label] = p;
        }
        scores
    }
}
