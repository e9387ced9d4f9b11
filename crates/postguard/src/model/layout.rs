//! The tensor layout of a BertForSequenceClassification checkpoint, written once.
//!
//! The loader's up-front check (every tensor present, with its shape), both backends (the
//! candle f32 graph through its `VarBuilder`, the int8 path by name) and the test model writer
//! ([`crate::testing::TinyModel`]) all read the names and shapes from [`tensors`] and the
//! per-layer tables below, so the three cannot drift apart.

use candle_transformers::models::bert::Config as BertConfig;

/// What a tensor is, for readers that treat kinds differently (the test writer initialises
/// each kind its own way; the int8 path quantizes only [`Role::LayerWeight`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Word, position or token-type embeddings.
    Embedding,
    /// A dense weight inside an encoder layer, `[rows, fan_in]`.
    LayerWeight { fan_in: usize },
    /// The pooler's or the classifier's dense weight.
    HeadWeight,
    /// A LayerNorm scale.
    NormWeight,
    /// A bias (dense or LayerNorm).
    Bias,
}

/// One tensor: its name (with the encoder prefix), shape and role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Spec {
    pub(crate) name: String,
    pub(crate) shape: Vec<usize>,
    pub(crate) role: Role,
}

/// The dense layers of one encoder layer, in checkpoint order. `query`, `key` and `value` are
/// the three thirds of attention's input projection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Dense {
    Query,
    Key,
    Value,
    AttentionOutput,
    Intermediate,
    Output,
}

impl Dense {
    pub(crate) const ALL: [Dense; 6] =
        [Dense::Query, Dense::Key, Dense::Value, Dense::AttentionOutput, Dense::Intermediate, Dense::Output];

    /// The module path inside a layer (`attention.self.query`).
    pub(crate) const fn path(self) -> &'static str {
        match self {
            Dense::Query => "attention.self.query",
            Dense::Key => "attention.self.key",
            Dense::Value => "attention.self.value",
            Dense::AttentionOutput => "attention.output.dense",
            Dense::Intermediate => "intermediate.dense",
            Dense::Output => "output.dense",
        }
    }

    /// `(rows, fan_in)` of the weight.
    pub(crate) fn shape(self, config: &BertConfig) -> (usize, usize) {
        let (h, i) = (config.hidden_size, config.intermediate_size);
        match self {
            Dense::Query | Dense::Key | Dense::Value | Dense::AttentionOutput => (h, h),
            Dense::Intermediate => (i, h),
            Dense::Output => (h, i),
        }
    }
}

/// The LayerNorms of one encoder layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Norm {
    /// After attention (residual: the layer input).
    Attention,
    /// After the feed-forward block.
    Output,
}

impl Norm {
    pub(crate) const ALL: [Norm; 2] = [Norm::Attention, Norm::Output];

    pub(crate) const fn path(self) -> &'static str {
        match self {
            Norm::Attention => "attention.output.LayerNorm",
            Norm::Output => "output.LayerNorm",
        }
    }
}

/// `{prefix}encoder.layer.{layer}.{path}`.
pub(crate) fn layer_path(prefix: &str, layer: usize, path: &str) -> String {
    format!("{prefix}encoder.layer.{layer}.{path}")
}

/// The embedding tensors, `{prefix}embeddings.*`.
pub(crate) const WORD_EMBEDDINGS: &str = "embeddings.word_embeddings.weight";
pub(crate) const POSITION_EMBEDDINGS: &str = "embeddings.position_embeddings.weight";
pub(crate) const TOKEN_TYPE_EMBEDDINGS: &str = "embeddings.token_type_embeddings.weight";
pub(crate) const EMBEDDINGS_NORM: &str = "embeddings.LayerNorm";
/// The pooler (dense + tanh on `[CLS]`), under the encoder prefix.
pub(crate) const POOLER: &str = "pooler.dense";
/// The classification head, always at the top level.
pub(crate) const CLASSIFIER: &str = "classifier";

/// Every tensor the model needs, in checkpoint order, with the encoder prefix (`"bert."` or
/// `""`); `pooler: false` leaves the pooler out (for writers of broken test models).
pub(crate) fn tensors(config: &BertConfig, num_labels: usize, prefix: &str, pooler: bool) -> Vec<Spec> {
    let h = config.hidden_size;
    let spec = |name: String, shape: Vec<usize>, role: Role| Spec { name, shape, role };
    let mut out = vec![
        spec(format!("{prefix}{WORD_EMBEDDINGS}"), vec![config.vocab_size, h], Role::Embedding),
        spec(format!("{prefix}{POSITION_EMBEDDINGS}"), vec![config.max_position_embeddings, h], Role::Embedding),
        spec(format!("{prefix}{TOKEN_TYPE_EMBEDDINGS}"), vec![config.type_vocab_size, h], Role::Embedding),
        spec(format!("{prefix}{EMBEDDINGS_NORM}.weight"), vec![h], Role::NormWeight),
        spec(format!("{prefix}{EMBEDDINGS_NORM}.bias"), vec![h], Role::Bias),
    ];
    for layer in 0..config.num_hidden_layers {
        for dense in Dense::ALL {
            let (rows, fan_in) = dense.shape(config);
            let p = layer_path(prefix, layer, dense.path());
            out.push(spec(format!("{p}.weight"), vec![rows, fan_in], Role::LayerWeight { fan_in }));
            out.push(spec(format!("{p}.bias"), vec![rows], Role::Bias));
        }
        for norm in Norm::ALL {
            let p = layer_path(prefix, layer, norm.path());
            out.push(spec(format!("{p}.weight"), vec![h], Role::NormWeight));
            out.push(spec(format!("{p}.bias"), vec![h], Role::Bias));
        }
    }
    if pooler {
        out.push(spec(format!("{prefix}{POOLER}.weight"), vec![h, h], Role::HeadWeight));
        out.push(spec(format!("{prefix}{POOLER}.bias"), vec![h], Role::Bias));
    }
    out.push(spec(format!("{CLASSIFIER}.weight"), vec![num_labels, h], Role::HeadWeight));
    out.push(spec(format!("{CLASSIFIER}.bias"), vec![num_labels], Role::Bias));
    out
}

/// Why a tensor may be missing, for the error message.
pub(crate) fn hint(tensor: &str) -> Option<String> {
    if tensor.contains("pooler.") {
        Some("BertForSequenceClassification needs the pooler; checkpoints saved without it cannot be scored".to_owned())
    } else if tensor.starts_with("classifier.") {
        Some("no classification head: expected a fine-tuned BertForSequenceClassification, not a base model".to_owned())
    } else {
        None
    }
}
