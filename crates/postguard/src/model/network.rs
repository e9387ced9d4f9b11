//! BertForSequenceClassification: candle's BERT encoder, the pooler (dense +
//! tanh on `[CLS]`) and a linear head, scored with one sigmoid per label.

use std::collections::HashMap;

use candle_core::{DType, Device, Module, Tensor};
use candle_nn::{Linear, VarBuilder};
use candle_transformers::models::bert::{BertModel, Config as BertConfig};

use crate::model::fast::{FastBert, Precision};
use crate::model::files::ModelFile;
use crate::{Error, Result};

pub(crate) struct Network {
    bert: BertModel,
    pooler: Linear,
    classifier: Linear,
    /// The int8 path, when the precision asks for it; it then does all scoring.
    fast: Option<FastBert>,
}

impl std::fmt::Debug for Network {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Network").finish_non_exhaustive()
    }
}

/// Every tensor BertForSequenceClassification needs, with its shape, given
/// the encoder prefix (`"bert."` or `""`).
fn expected_tensors(
    config: &BertConfig,
    num_labels: usize,
    prefix: &str,
) -> Vec<(String, Vec<usize>)> {
    let h = config.hidden_size;
    let mut out = vec![
        (
            format!("{prefix}embeddings.word_embeddings.weight"),
            vec![config.vocab_size, h],
        ),
        (
            format!("{prefix}embeddings.position_embeddings.weight"),
            vec![config.max_position_embeddings, h],
        ),
        (
            format!("{prefix}embeddings.token_type_embeddings.weight"),
            vec![config.type_vocab_size, h],
        ),
        (format!("{prefix}embeddings.LayerNorm.weight"), vec![h]),
        (format!("{prefix}embeddings.LayerNorm.bias"), vec![h]),
    ];
    for layer in 0..config.num_hidden_layers {
        let p = format!("{prefix}encoder.layer.{layer}");
        for (name, rows, cols) in [
            ("attention.self.query", h, h),
            ("attention.self.key", h, h),
            ("attention.self.value", h, h),
            ("attention.output.dense", h, h),
            ("intermediate.dense", config.intermediate_size, h),
            ("output.dense", h, config.intermediate_size),
        ] {
            out.push((format!("{p}.{name}.weight"), vec![rows, cols]));
            out.push((format!("{p}.{name}.bias"), vec![rows]));
        }
        for norm in ["attention.output.LayerNorm", "output.LayerNorm"] {
            out.push((format!("{p}.{norm}.weight"), vec![h]));
            out.push((format!("{p}.{norm}.bias"), vec![h]));
        }
    }
    out.push((format!("{prefix}pooler.dense.weight"), vec![h, h]));
    out.push((format!("{prefix}pooler.dense.bias"), vec![h]));
    out.push(("classifier.weight".to_owned(), vec![num_labels, h]));
    out.push(("classifier.bias".to_owned(), vec![num_labels]));
    out
}

fn hint(tensor: &str) -> Option<String> {
    if tensor.contains("pooler.") {
        Some("BertForSequenceClassification needs the pooler; checkpoints saved without it cannot be scored".to_owned())
    } else if tensor.starts_with("classifier.") {
        Some("no classification head: expected a fine-tuned BertForSequenceClassification, not a base model".to_owned())
    } else {
        None
    }
}

impl Network {
    pub(crate) fn load(
        weights: &ModelFile,
        config: &BertConfig,
        num_labels: usize,
        device: &Device,
        precision: Precision,
    ) -> Result<Self> {
        let path = weights.path.as_path();
        let raw =
            candle_core::safetensors::load_buffer(&weights.bytes, device).map_err(|source| {
                Error::Safetensors {
                    path: path.to_owned(),
                    source,
                }
            })?;
        let mut tensors = HashMap::with_capacity(raw.len());
        for (name, tensor) in raw {
            // Old TF-converted checkpoints name LayerNorm parameters gamma/beta.
            let name = if let Some(stem) = name.strip_suffix("LayerNorm.gamma") {
                format!("{stem}LayerNorm.weight")
            } else if let Some(stem) = name.strip_suffix("LayerNorm.beta") {
                format!("{stem}LayerNorm.bias")
            } else {
                name
            };
            tensors.insert(name, tensor);
        }
        let probe = VarBuilder::from_tensors(tensors.clone(), DType::F32, device);
        let prefix = if probe.contains_tensor("bert.embeddings.word_embeddings.weight") {
            "bert."
        } else if probe.contains_tensor("embeddings.word_embeddings.weight") {
            ""
        } else {
            return Err(Error::MissingTensor {
                path: path.to_owned(),
                tensor: "bert.embeddings.word_embeddings.weight".to_owned(),
                hint: Some("no BERT embeddings under `bert.` or at the top level".to_owned()),
            });
        };

        // Check every tensor up front: candle's own errors do not name the
        // file, and a clear message beats a failure deep inside the encoder.
        let mut checked = HashMap::new();
        for (name, shape) in expected_tensors(config, num_labels, prefix) {
            let tensor = tensors.remove(&name).ok_or_else(|| Error::MissingTensor {
                path: path.to_owned(),
                tensor: name.clone(),
                hint: hint(&name),
            })?;
            if tensor.dims() != shape.as_slice() {
                return Err(Error::TensorShape {
                    path: path.to_owned(),
                    tensor: name,
                    found: tensor.dims().to_vec(),
                    expected: shape,
                });
            }
            let tensor = match tensor.dtype() {
                DType::F32 => tensor,
                DType::F16 | DType::BF16 | DType::F64 => {
                    tensor.to_dtype(DType::F32).map_err(Error::Model)?
                }
                other => {
                    return Err(Error::TensorDtype {
                        path: path.to_owned(),
                        tensor: name,
                        dtype: format!("{other:?}"),
                    });
                }
            };
            checked.insert(name, tensor);
        }
        let vb = VarBuilder::from_tensors(checked, DType::F32, device);
        let encoder_vb = if prefix.is_empty() {
            vb.clone()
        } else {
            vb.pp("bert")
        };
        let bert = BertModel::load(encoder_vb.clone(), config).map_err(Error::Model)?;
        let pooler = candle_nn::linear(
            config.hidden_size,
            config.hidden_size,
            encoder_vb.pp("pooler").pp("dense"),
        )
        .map_err(Error::Model)?;
        let classifier = candle_nn::linear(config.hidden_size, num_labels, vb.pp("classifier"))
            .map_err(Error::Model)?;
        let fast = if precision.uses_int8() {
            Some(FastBert::load(&encoder_vb, &vb, config, num_labels).map_err(Error::Model)?)
        } else {
            None
        };
        Ok(Self {
            bert,
            pooler,
            classifier,
            fast,
        })
    }

    /// The int8 path, if this network was loaded with one.
    pub(crate) fn fast(&self) -> Option<&FastBert> {
        self.fast.as_ref()
    }

    /// Probabilities `[batch, num_labels]` for padded `[batch, seq]` inputs.
    pub(crate) fn forward(
        &self,
        ids: &Tensor,
        type_ids: &Tensor,
        mask: &Tensor,
    ) -> candle_core::Result<Tensor> {
        let hidden = self.bert.forward(ids, type_ids, Some(mask))?;
        let cls = hidden.narrow(1, 0, 1)?.squeeze(1)?;
        let pooled = self.pooler.forward(&cls)?.tanh()?;
        let logits = self.classifier.forward(&pooled)?;
        // Multi-label: an independent sigmoid per label, never a softmax.
        candle_nn::ops::sigmoid(&logits)
    }
}
