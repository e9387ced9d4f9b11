//! The model: files, configuration, tokenizer windows and the network.

pub(crate) mod config;
pub(crate) mod encode;
pub(crate) mod fast;
pub(crate) mod files;
pub(crate) mod network;

use candle_core::{Device, Tensor};
use sha2::{Digest, Sha256};
use tokenizers::Tokenizer;

use crate::model::config::{ModelConfig, ModelSettings};
use crate::model::encode::{Window, WindowEncoder};
use crate::model::fast::Precision;
use crate::model::files::ModelFiles;
use crate::model::network::Network;
use crate::{Error, Label, ModelInfo, ModelSource, PerLabel, Result};

pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// A loaded model: tokenizer windows, network, label order and settings.
#[derive(Debug)]
pub(crate) struct Model {
    pub(crate) encoder: WindowEncoder,
    network: Network,
    /// Head output index -> label.
    pub(crate) labels: Vec<Label>,
    pub(crate) settings: ModelSettings,
    pub(crate) info: ModelInfo,
    pad_id: u32,
    device: Device,
}

impl Model {
    pub(crate) fn load(source: &ModelSource, precision: Precision) -> Result<Self> {
        let files = ModelFiles::load(source)?;
        Self::from_files(files, precision)
    }

    pub(crate) fn from_files(files: ModelFiles, precision: Precision) -> Result<Self> {
        let _span = tracing::info_span!("load_model").entered();
        let config = ModelConfig::parse(&files.config)?;
        let settings = ModelSettings::parse(files.settings.as_ref(), &config)?;
        let tokenizer =
            Tokenizer::from_bytes(&files.tokenizer.bytes).map_err(|source| Error::Tokenizer {
                path: files.tokenizer.path.clone(),
                source,
            })?;
        let tokenizer_vocab = tokenizer.get_vocab_size(true);
        if tokenizer_vocab > config.bert.vocab_size {
            return Err(Error::TokenizerMismatch {
                path: files.tokenizer.path.clone(),
                tokenizer_vocab,
                model_vocab: config.bert.vocab_size,
            });
        }
        let device = Device::Cpu;
        let network = Network::load(
            &files.weights,
            &config.bert,
            config.labels.len(),
            &device,
            precision,
        )?;
        let sha256 = files
            .sha256
            .clone()
            .unwrap_or_else(|| sha256_hex(&files.weights.bytes));
        let info = ModelInfo {
            name: settings.name.clone().unwrap_or(files.default_name),
            version: settings.version.clone().unwrap_or(files.default_version),
            sha256,
            precision: if network.fast().is_some() { Precision::Int8 } else { Precision::F32 }
                .as_str()
                .to_owned(),
        };
        let pad_id = u32::try_from(config.bert.pad_token_id).unwrap_or(0);
        let encoder = WindowEncoder::new(tokenizer, settings.max_tokens, settings.stride);
        Ok(Self {
            encoder,
            network,
            labels: config.labels,
            settings,
            info,
            pad_id,
            device,
        })
    }

    /// Label probabilities for a batch of windows, padded to the longest.
    ///
    /// `scratch` holds the three input buffers so that repeated batches reuse
    /// one allocation.
    pub(crate) fn score(
        &self,
        windows: &[&Window],
        scratch: &mut Scratch,
    ) -> Result<Vec<PerLabel<f32>>> {
        let _span = tracing::debug_span!("forward", batch = windows.len()).entered();
        let seq_len = windows.iter().map(|w| w.ids.len()).max().unwrap_or(0);
        if windows.is_empty() || seq_len == 0 {
            return Ok(vec![PerLabel::default(); windows.len()]);
        }
        if let Some(fast) = self.network.fast() {
            // Unpadded, one window per thread: see model::fast.
            let inputs: Vec<(&[u32], &[u32])> = windows
                .iter()
                .map(|w| (&w.ids[..], &w.type_ids[..]))
                .collect();
            return Ok(fast
                .score(&inputs)
                .into_iter()
                .map(|row| self.per_label(row))
                .collect());
        }
        scratch.fill(windows, seq_len, self.pad_id);
        let shape = (windows.len(), seq_len);
        let ids = Tensor::from_slice(&scratch.ids, shape, &self.device).map_err(Error::Model)?;
        let type_ids =
            Tensor::from_slice(&scratch.type_ids, shape, &self.device).map_err(Error::Model)?;
        let mask = Tensor::from_slice(&scratch.mask, shape, &self.device).map_err(Error::Model)?;
        let probs = self
            .network
            .forward(&ids, &type_ids, &mask)
            .and_then(|probs| probs.to_vec2::<f32>())
            .map_err(Error::Model)?;
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

/// Reusable input buffers for [`Model::score`].
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    ids: Vec<u32>,
    type_ids: Vec<u32>,
    mask: Vec<u32>,
}

impl Scratch {
    fn fill(&mut self, windows: &[&Window], seq_len: usize, pad_id: u32) {
        self.ids.clear();
        self.type_ids.clear();
        self.mask.clear();
        for window in windows {
            let pad = seq_len - window.ids.len();
            self.ids.extend_from_slice(&window.ids);
            self.ids.extend(std::iter::repeat_n(pad_id, pad));
            self.type_ids.extend_from_slice(&window.type_ids);
            self.type_ids.extend(std::iter::repeat_n(0, pad));
            self.mask.extend(std::iter::repeat_n(1, window.ids.len()));
            self.mask.extend(std::iter::repeat_n(0, pad));
        }
    }
}
