//! Test support: a tiny random BertForSequenceClassification model directory
//! and a Hugging Face hub cache layout, so tests never need a download.
//!
//! Enabled by the `test-util` feature. The weights are random (seeded), so
//! scores mean nothing; the files have exactly the format of a real export.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use candle_core::{DType, Device, Tensor};
use serde_json::{Value, json};

use candle_transformers::models::bert::Config as BertConfig;

use crate::model::layout::{self, Role};
use crate::{Error, Label, Result};

/// Description of a tiny model; [`TinyModel::default`] gives a valid one,
/// the fields let tests break it in controlled ways.
#[derive(Debug, Clone)]
pub struct TinyModel {
    /// PRNG seed for the weights.
    pub seed: u64,
    /// Hidden size.
    pub hidden_size: usize,
    /// Encoder layers.
    pub num_layers: usize,
    /// Attention heads.
    pub num_heads: usize,
    /// Feed-forward size.
    pub intermediate_size: usize,
    /// Position embeddings (the longest possible window).
    pub max_position_embeddings: usize,
    /// `postguard.json` `max_tokens` (small, so windows are easy to exercise).
    pub max_tokens: usize,
    /// `postguard.json` `stride`.
    pub stride: usize,
    /// `id2label` names, head order.
    pub labels: Vec<String>,
    /// `config.json` `problem_type` (`None` leaves the field out).
    pub problem_type: Option<String>,
    /// `config.json` `hidden_act` (default `"gelu"`).
    pub hidden_act: String,
    /// Standard deviation of the random weights (large enough that scores vary with input).
    pub weight_std: f32,
    /// Classifier bias per head output (default zeros), to push scores up or down.
    pub classifier_bias: Option<Vec<f32>>,
    /// Store weights as F16 instead of F32.
    pub f16: bool,
    /// Prefix encoder tensors with `bert.` (as transformers saves them).
    pub bert_prefix: bool,
    /// Include `bert.pooler.*`.
    pub pooler: bool,
    /// Write `postguard.json`.
    pub settings_file: bool,
    /// `postguard.json` thresholds.
    pub thresholds: BTreeMap<String, f32>,
    /// `postguard.json` name.
    pub name: String,
    /// `postguard.json` version.
    pub version: String,
    /// Write `postguard.json`'s `tokenizer` entry (vocabulary hash and fingerprint, as the
    /// export pipeline records them); `false` writes a directory like an older export's.
    pub tokenizer_record: bool,
}

impl Default for TinyModel {
    fn default() -> Self {
        Self {
            seed: 7,
            hidden_size: 32,
            num_layers: 2,
            num_heads: 4,
            intermediate_size: 64,
            max_position_embeddings: 64,
            max_tokens: 24,
            stride: 6,
            labels: Label::ALL.iter().map(|l| l.as_str().to_owned()).collect(),
            problem_type: Some("multi_label_classification".to_owned()),
            hidden_act: "gelu".to_owned(),
            weight_std: 0.5,
            classifier_bias: None,
            f16: false,
            bert_prefix: true,
            pooler: true,
            settings_file: true,
            thresholds: Label::ALL.iter().map(|l| (l.as_str().to_owned(), 0.5)).collect(),
            name: "postguard-tiny-random".to_owned(),
            version: "0.0.0-test".to_owned(),
            tokenizer_record: true,
        }
    }
}

/// Special tokens, then punctuation, digits, letters, continuation pieces
/// (so every ASCII word tokenizes), then a few whole words.
pub fn tiny_vocab() -> Vec<String> {
    let mut vocab: Vec<String> = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"].map(String::from).to_vec();
    vocab.extend(".,!?'\"-:;()/#@&*".chars().map(String::from));
    vocab.extend(('0'..='9').chain('a'..='z').map(String::from));
    vocab.extend(('0'..='9').chain('a'..='z').map(|c| format!("##{c}")));
    vocab.extend(
        [
            "i", "you", "the", "a", "to", "and", "is", "it", "of", "that", "this", "then", "do", "keep", "thinking",
            "about", "ending", "things", "so", "stupid", "idiot", "nobody", "likes", "vaccines", "cause", "autism",
            "drink", "bleach", "hate", "love", "friend", "help", "me", "my", "are", "not", "go", "want", "cure",
            "everyone", "knows", "great", "day", "post", "reply", "what",
        ]
        .map(String::from),
    );
    vocab
}

/// splitmix64, then Box-Muller: deterministic normal samples without a rand dependency.
struct Normal(u64);

impl Normal {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }

    fn sample(&mut self) -> f32 {
        let (u, v) = (self.uniform(), self.uniform());
        ((-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()) as f32
    }
}

fn io_err(path: &Path, source: std::io::Error) -> Error {
    Error::Io { path: path.to_owned(), source }
}

impl TinyModel {
    /// Writes `config.json`, `tokenizer.json`, `model.safetensors` and (unless
    /// disabled) `postguard.json`, with its `tokenizer` entry, into `dir`, creating it.
    ///
    /// # Errors
    ///
    /// I/O errors, or tensor errors from candle.
    pub fn write(&self, dir: &Path) -> Result<()> {
        std::fs::create_dir_all(dir).map_err(|e| io_err(dir, e))?;
        let vocab = tiny_vocab();
        let write = |name: &str, value: &Value| -> Result<()> {
            let path = dir.join(name);
            let text = serde_json::to_string_pretty(value).expect("JSON values serialise");
            std::fs::write(&path, text).map_err(|e| io_err(&path, e))
        };
        write(crate::CONFIG_FILE, &self.config_json(vocab.len()))?;
        let tokenizer = tokenizer_json(&vocab);
        write(crate::TOKENIZER_FILE, &tokenizer)?;
        if self.settings_file {
            let mut settings = json!({
                "name": self.name,
                "version": self.version,
                "base_model": "random",
                "max_tokens": self.max_tokens,
                "stride": self.stride,
                "thresholds": self.thresholds,
            });
            if self.tokenizer_record {
                let tokenizer = tokenizers::Tokenizer::from_bytes(tokenizer.to_string())
                    .map_err(|source| Error::Tokenizer { path: dir.join(crate::TOKENIZER_FILE), source })?;
                let record = crate::model::tokenizer_check::record(&tokenizer)?;
                settings["tokenizer"] = json!({
                    "vocab_sha256": record.vocab_sha256,
                    "fingerprint_text": record.fingerprint_text,
                    "fingerprint_ids": record.fingerprint_ids,
                });
            }
            write(crate::SETTINGS_FILE, &settings)?;
        }
        let path = dir.join(crate::WEIGHTS_FILE);
        candle_core::safetensors::save(&self.tensors(vocab.len())?, &path).map_err(Error::Model)
    }

    fn config_json(&self, vocab_size: usize) -> Value {
        let id2label: BTreeMap<String, &str> =
            self.labels.iter().enumerate().map(|(i, l)| (i.to_string(), l.as_str())).collect();
        let label2id: BTreeMap<&str, usize> = self.labels.iter().enumerate().map(|(i, l)| (l.as_str(), i)).collect();
        let mut config = json!({
            "architectures": ["BertForSequenceClassification"],
            "model_type": "bert",
            "vocab_size": vocab_size,
            "hidden_size": self.hidden_size,
            "num_hidden_layers": self.num_layers,
            "num_attention_heads": self.num_heads,
            "intermediate_size": self.intermediate_size,
            "hidden_act": self.hidden_act,
            "hidden_dropout_prob": 0.1,
            "attention_probs_dropout_prob": 0.1,
            "max_position_embeddings": self.max_position_embeddings,
            "type_vocab_size": 2,
            "initializer_range": 0.02,
            "layer_norm_eps": 1e-12,
            "pad_token_id": 0,
            "position_embedding_type": "absolute",
            "classifier_dropout": null,
            "id2label": id2label,
            "label2id": label2id,
        });
        if let Some(problem_type) = &self.problem_type {
            config["problem_type"] = json!(problem_type);
        }
        config
    }

    fn tensors(&self, vocab_size: usize) -> Result<HashMap<String, Tensor>> {
        let mut rng = Normal(self.seed);
        let dtype = if self.f16 { DType::F16 } else { DType::F32 };
        let mut out = HashMap::new();
        let mut put = |name: String, shape: &[usize], kind: Init| -> Result<()> {
            let n: usize = shape.iter().product();
            let data: Vec<f32> = match kind {
                Init::Random(scale) => (0..n).map(|_| rng.sample() * self.weight_std * scale).collect(),
                Init::Ones => vec![1.0; n],
                Init::Zeros => vec![0.0; n],
                Init::Values(ref v) => v.clone(),
            };
            let tensor =
                Tensor::from_vec(data, shape, &Device::Cpu).and_then(|t| t.to_dtype(dtype)).map_err(Error::Model)?;
            out.insert(name, tensor);
            Ok(())
        };
        // The one BERT tensor table the loader checks against, in checkpoint order (the
        // order of the random draws, so a seed always gives the same model).
        let mut config = self.config_json(vocab_size);
        config["hidden_act"] = json!("gelu"); // any activation has the same tensors
        let config: BertConfig = serde_json::from_value(config)
            .map_err(|e| Error::Model(candle_core::Error::Msg(format!("tiny model config: {e}"))))?;
        let prefix = if self.bert_prefix { "bert." } else { "" };
        let classifier_bias = format!("{}.bias", layout::CLASSIFIER);
        for spec in layout::tensors(&config, self.labels.len(), prefix, self.pooler) {
            let init = match spec.role {
                Role::Embedding | Role::HeadWeight => Init::Random(1.0),
                // Scaled by 1/sqrt(fan-in) so activations stay O(1).
                Role::LayerWeight { fan_in } => Init::Random((1.0 / (fan_in as f32).sqrt()) * 4.0),
                Role::NormWeight => Init::Ones,
                Role::Bias if spec.name == classifier_bias => {
                    Init::Values(self.classifier_bias.clone().unwrap_or_else(|| vec![0.0; self.labels.len()]))
                }
                Role::Bias => Init::Zeros,
            };
            put(spec.name, &spec.shape, init)?;
        }
        Ok(out)
    }
}

enum Init {
    /// Normal samples times `weight_std` times this factor.
    Random(f32),
    Ones,
    Zeros,
    Values(Vec<f32>),
}

/// A BERT-style (uncased WordPiece) `tokenizer.json` over `vocab`, in the
/// format the tokenizers library writes.
pub fn tokenizer_json(vocab: &[String]) -> Value {
    let ids: BTreeMap<&str, usize> = vocab.iter().enumerate().map(|(i, t)| (t.as_str(), i)).collect();
    let id = |t: &str| ids[t];
    let added: Vec<Value> = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
        .iter()
        .map(|t| {
            json!({"id": id(t), "content": t, "single_word": false, "lstrip": false,
                   "rstrip": false, "normalized": false, "special": true})
        })
        .collect();
    let special = |t: &str, type_id: u32| json!({"SpecialToken": {"id": t, "type_id": type_id}});
    let sequence = |s: &str, type_id: u32| json!({"Sequence": {"id": s, "type_id": type_id}});
    json!({
        "version": "1.0",
        "truncation": null,
        "padding": null,
        "added_tokens": added,
        "normalizer": {"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true,
                       "strip_accents": null, "lowercase": true},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [special("[CLS]", 0), sequence("A", 0), special("[SEP]", 0)],
            "pair": [special("[CLS]", 0), sequence("A", 0), special("[SEP]", 0), sequence("B", 1), special("[SEP]", 1)],
            "special_tokens": {
                "[CLS]": {"id": "[CLS]", "ids": [id("[CLS]")], "tokens": ["[CLS]"]},
                "[SEP]": {"id": "[SEP]", "ids": [id("[SEP]")], "tokens": ["[SEP]"]},
            },
        },
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": true},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": ids},
    })
}

/// Writes `model_dir`'s files into a Hugging Face hub cache at `cache_dir` the
/// way huggingface_hub does: `models--org--name/blobs/<sha256>`,
/// `snapshots/<commit>/<file>` (a relative symlink to the blob on Unix, a
/// copy elsewhere) and `refs/<revision>` holding `commit`.
///
/// # Errors
///
/// I/O errors.
pub fn write_hub_cache(cache_dir: &Path, repo_id: &str, revision: &str, commit: &str, model_dir: &Path) -> Result<()> {
    let repo_dir = cache_dir.join(format!("models--{}", repo_id.replace('/', "--")));
    let blobs = repo_dir.join("blobs");
    let snapshot = repo_dir.join("snapshots").join(commit);
    let refs = repo_dir.join("refs");
    for dir in [&blobs, &snapshot, &refs] {
        std::fs::create_dir_all(dir).map_err(|e| io_err(dir, e))?;
    }
    let entries = std::fs::read_dir(model_dir).map_err(|e| io_err(model_dir, e))?;
    for entry in entries {
        let entry = entry.map_err(|e| io_err(model_dir, e))?;
        let name = entry.file_name();
        let bytes = std::fs::read(entry.path()).map_err(|e| io_err(&entry.path(), e))?;
        let blob_name = crate::model::sha256_hex(&bytes);
        let blob = blobs.join(&blob_name);
        std::fs::write(&blob, &bytes).map_err(|e| io_err(&blob, e))?;
        let link = snapshot.join(&name);
        #[cfg(unix)]
        std::os::unix::fs::symlink(Path::new("../../blobs").join(&blob_name), &link).map_err(|e| io_err(&link, e))?;
        #[cfg(not(unix))]
        std::fs::write(&link, &bytes).map_err(|e| io_err(&link, e))?;
    }
    let ref_file = refs.join(revision);
    if let Some(parent) = ref_file.parent() {
        std::fs::create_dir_all(parent).map_err(|e| io_err(parent, e))?;
    }
    std::fs::write(&ref_file, commit).map_err(|e| io_err(&ref_file, e))
}
