//! The f32 backend: BertForSequenceClassification as a candle graph (candle's BERT encoder,
//! the pooler, dense + tanh on `[CLS]`, and a linear head), scored with one sigmoid per label.
//! It is the reference the int8 backend is tested against.

use std::collections::HashMap;

use candle_core::{DType, Device, Module, Tensor};
use candle_nn::{Linear, VarBuilder};
use candle_transformers::models::bert::{BertModel, Config as BertConfig};

use crate::model::encode::Window;
use crate::model::fast::Precision;
use crate::model::weights::Weights;
use crate::model::{Backend, layout};
use crate::{Error, Result};

pub(crate) struct CandleBert {
    bert: BertModel,
    pooler: Linear,
    classifier: Linear,
    pad_id: u32,
    device: Device,
}

impl std::fmt::Debug for CandleBert {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CandleBert").finish_non_exhaustive()
    }
}

impl CandleBert {
    pub(crate) fn load(weights: &Weights<'_>, config: &BertConfig, num_labels: usize) -> Result<Self> {
        let device = Device::Cpu;
        let mut tensors = HashMap::new();
        for spec in layout::tensors(config, num_labels, weights.prefix(), true) {
            let tensor = weights.tensor(&spec.name, &device)?;
            tensors.insert(spec.name, tensor);
        }
        let vb = VarBuilder::from_tensors(tensors, DType::F32, &device);
        let encoder_vb = if weights.prefix().is_empty() { vb.clone() } else { vb.pp("bert") };
        let bert = BertModel::load(encoder_vb.clone(), config).map_err(Error::Model)?;
        let h = config.hidden_size;
        let pooler = candle_nn::linear(h, h, encoder_vb.pp(layout::POOLER)).map_err(Error::Model)?;
        let classifier = candle_nn::linear(h, num_labels, vb.pp(layout::CLASSIFIER)).map_err(Error::Model)?;
        let pad_id = u32::try_from(config.pad_token_id).unwrap_or(0);
        Ok(Self { bert, pooler, classifier, pad_id, device })
    }

    /// Probabilities `[batch, num_labels]` for padded `[batch, seq]` inputs.
    fn forward(&self, ids: &Tensor, type_ids: &Tensor, mask: &Tensor) -> candle_core::Result<Tensor> {
        let hidden = self.bert.forward(ids, type_ids, Some(mask))?;
        let cls = hidden.narrow(1, 0, 1)?.squeeze(1)?;
        let pooled = self.pooler.forward(&cls)?.tanh()?;
        let logits = self.classifier.forward(&pooled)?;
        // Multi-label: an independent sigmoid per label, never a softmax.
        candle_nn::ops::sigmoid(&logits)
    }

    /// One padded forward pass over `windows`.
    fn forward_padded(&self, windows: &[&Window], scratch: &mut Scratch) -> Result<Vec<Vec<f32>>> {
        let seq_len = windows.iter().map(|w| w.ids.len()).max().unwrap_or(0);
        scratch.fill(windows, seq_len, self.pad_id);
        let shape = (windows.len(), seq_len);
        let tensor = |data: &[u32]| Tensor::from_slice(data, shape, &self.device).map_err(Error::Model);
        let (ids, type_ids, mask) = (tensor(&scratch.ids)?, tensor(&scratch.type_ids)?, tensor(&scratch.mask)?);
        self.forward(&ids, &type_ids, &mask).and_then(|probs| probs.to_vec2::<f32>()).map_err(Error::Model)
    }
}

impl Backend for CandleBert {
    /// Padded batches of at most `max_batch_tokens` tokens (padding included), windows sorted
    /// by length so that each batch pads little; the sort is stable, so equal lengths keep
    /// input order and results do not depend on it.
    fn score(&self, windows: &[&Window], max_batch_tokens: usize) -> Result<Vec<Vec<f32>>> {
        let mut order: Vec<usize> = (0..windows.len()).collect();
        order.sort_by_key(|&i| windows[i].ids.len());
        let mut out = vec![Vec::new(); windows.len()];
        let mut scratch = Scratch::default();
        let mut batch: Vec<&Window> = Vec::new();
        let mut start = 0;
        while start < order.len() {
            // Sorted, so the last window of a batch is its longest.
            let mut end = start + 1;
            while end < order.len() && windows[order[end]].ids.len() * (end + 1 - start) <= max_batch_tokens {
                end += 1;
            }
            batch.clear();
            batch.extend(order[start..end].iter().map(|&i| windows[i]));
            for (&i, probs) in order[start..end].iter().zip(self.forward_padded(&batch, &mut scratch)?) {
                out[i] = probs;
            }
            start = end;
        }
        Ok(out)
    }

    fn arithmetic(&self) -> String {
        Precision::F32.as_str().to_owned()
    }
}

/// Reusable input buffers of the padded batches.
#[derive(Debug, Default)]
struct Scratch {
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
