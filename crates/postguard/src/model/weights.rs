//! The checkpoint's tensors, checked against the layout before any is converted, then read one
//! at a time by the backend that needs them.
//!
//! Reading on demand is what lets the int8 backend never hold the f32 encoder: it converts a
//! dense weight, quantizes it and drops the f32 copy before reading the next.

use std::collections::HashMap;
use std::path::Path;

use candle_core::safetensors::{Load, SliceSafetensors};
use candle_core::{DType, Device, Tensor};
use candle_transformers::models::bert::Config as BertConfig;
use safetensors::Dtype;

use crate::model::files::ModelFile;
use crate::model::layout;
use crate::{Error, Result};

/// A checked safetensors file: every tensor of [`layout::tensors`] is present, with its shape
/// and a float dtype.
pub(crate) struct Weights<'a> {
    path: &'a Path,
    file: SliceSafetensors<'a>,
    /// `"bert."` or `""`: where the encoder's tensors live.
    prefix: &'static str,
    /// Layout name -> name stored in the file (old TF-converted checkpoints call LayerNorm
    /// parameters gamma/beta).
    stored: HashMap<String, String>,
}

/// The layout's name of a stored tensor name.
fn canonical(name: &str) -> String {
    if let Some(stem) = name.strip_suffix("LayerNorm.gamma") {
        format!("{stem}LayerNorm.weight")
    } else if let Some(stem) = name.strip_suffix("LayerNorm.beta") {
        format!("{stem}LayerNorm.bias")
    } else {
        name.to_owned()
    }
}

impl<'a> Weights<'a> {
    /// Reads the header of `file` and checks every tensor the model needs, so that a bad
    /// checkpoint fails here with the file and the tensor named (candle's own errors name
    /// neither), never deep inside the encoder.
    pub(crate) fn open(file: &'a ModelFile, config: &BertConfig, num_labels: usize) -> Result<Self> {
        let path = file.path.as_path();
        let safetensors = |source| Error::Safetensors { path: path.to_owned(), source };
        let st = SliceSafetensors::new(&file.bytes).map_err(safetensors)?;
        let stored: HashMap<String, String> =
            st.tensors().into_iter().map(|(name, _)| (canonical(&name), name)).collect();
        let word = layout::WORD_EMBEDDINGS;
        let prefix = if stored.contains_key(&format!("bert.{word}")) {
            "bert."
        } else if stored.contains_key(word) {
            ""
        } else {
            return Err(Error::MissingTensor {
                path: path.to_owned(),
                tensor: format!("bert.{word}"),
                hint: Some("no BERT embeddings under `bert.` or at the top level".to_owned()),
            });
        };
        for spec in layout::tensors(config, num_labels, prefix, true) {
            let Some(name) = stored.get(&spec.name) else {
                return Err(Error::MissingTensor {
                    path: path.to_owned(),
                    hint: layout::hint(&spec.name),
                    tensor: spec.name,
                });
            };
            let view = st.get(name).map_err(safetensors)?;
            if view.shape() != spec.shape.as_slice() {
                return Err(Error::TensorShape {
                    path: path.to_owned(),
                    tensor: spec.name,
                    found: view.shape().to_vec(),
                    expected: spec.shape,
                });
            }
            if !matches!(view.dtype(), Dtype::F32 | Dtype::F16 | Dtype::BF16 | Dtype::F64) {
                return Err(Error::TensorDtype {
                    path: path.to_owned(),
                    tensor: spec.name,
                    dtype: format!("{:?}", view.dtype()),
                });
            }
        }
        Ok(Self { path, file: st, prefix, stored })
    }

    /// `"bert."` or `""`.
    pub(crate) fn prefix(&self) -> &'static str {
        self.prefix
    }

    /// The tensor `name` of the layout (checked by [`Weights::open`]) as f32.
    pub(crate) fn tensor(&self, name: &str, device: &Device) -> Result<Tensor> {
        let stored = self.stored.get(name).map_or(name, String::as_str);
        let to_error = |source| Error::Safetensors { path: self.path.to_owned(), source };
        let tensor = self.file.get(stored).and_then(|view| view.load(device)).map_err(to_error)?;
        if tensor.dtype() == DType::F32 { Ok(tensor) } else { tensor.to_dtype(DType::F32).map_err(Error::Model) }
    }

    /// The tensor `name` of the layout as a flat row-major f32 vector.
    pub(crate) fn flat(&self, name: &str) -> Result<Vec<f32>> {
        self.tensor(name, &Device::Cpu)?.flatten_all().and_then(|t| t.to_vec1::<f32>()).map_err(Error::Model)
    }
}
