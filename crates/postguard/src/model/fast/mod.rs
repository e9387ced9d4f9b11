//! A CPU inference path for the BERT classifier that is several times faster
//! than the candle graph it mirrors:
//!
//! - **int8 linear layers**: weights quantized per output row, activations
//!   per token (dynamic, asymmetric), products accumulated exactly in i32 by
//!   the best kernel this CPU has ([`kernel`]: AMX, AVX512-VNNI, AVX-VNNI, AVX2 or NEON dotprod,
//!   bit-identical to each other and to the portable loop); dequantized with
//!   the bias (and GELU) in one pass. Attention, LayerNorm, pooler and head
//!   stay f32.
//! - **no padding**: each window runs at its own length, one window per
//!   thread (rayon), so two cores never wait on each other and no thread
//!   pool is nested inside another.
//! - **last layer on `[CLS]` only**: the head reads only the first token, so
//!   the last layer computes keys and values for all tokens but the query,
//!   attention output and feed-forward for `[CLS]` alone.
//! - **no allocation per window**: each worker reuses one [`Scratch`].
//!
//! Results match the f32 graph to quantization noise; the accuracy test in
//! `tests` bounds the per-label F1 difference on validation data.

mod kernel;
mod ops;

use candle_transformers::models::bert::Config as BertConfig;
use rayon::prelude::*;

use crate::model::Backend;
use crate::model::encode::Window;
use crate::model::layout::{self, Dense, Norm};
use crate::model::weights::Weights;
use crate::{Error, Result};

pub use kernel::Int8Kernel;
use kernel::{Isa, PackedI8, SimdTask};

/// Whether `Precision::Auto` takes the int8 path: this CPU has a SIMD int8 kernel, or
/// `POSTGUARD_ISA` forces one (a wrong value is then reported at load).
pub(crate) fn int8_accelerated() -> bool {
    Isa::forced_by_env() || !Isa::detect().is_portable()
}

/// A linear layer `y = x W^T + b` with int8 weights.
#[derive(Debug, Clone)]
struct QLinear {
    w: PackedI8,
    /// Per output row: weight scale.
    scale: Vec<f32>,
    /// Per output row: `sum_k w[n][k]`; times an activation row's zero point,
    /// it removes that zero point from the row's i32 sums.
    weight_sum: Vec<i32>,
    bias: Vec<f32>,
}

impl QLinear {
    /// From row-major f32 `w[n][k]` and `b[n]`, packed for the kernel `isa`.
    fn new(w: &[f32], b: &[f32], n: usize, k: usize, isa: Isa) -> Self {
        let mut q = vec![0i8; n * k];
        let mut scale = Vec::with_capacity(n);
        let mut weight_sum = Vec::with_capacity(n);
        for (row, qrow) in w.chunks_exact(k).zip(q.chunks_exact_mut(k)) {
            let max = row.iter().fold(0.0f32, |m, v| m.max(v.abs()));
            let s = if max > 0.0 { max / 127.0 } else { 1.0 };
            let mut sum = 0i32;
            for (q, v) in qrow.iter_mut().zip(row) {
                *q = (v / s).round().clamp(-127.0, 127.0) as i8;
                sum += i32::from(*q);
            }
            scale.push(s);
            weight_sum.push(sum);
        }
        Self { w: PackedI8::pack(&q, n, k, isa), scale, weight_sum, bias: b.to_vec() }
    }

    /// `out[rows][n] = x[rows][k] W^T + b`, then `gelu` if asked.
    #[inline(always)]
    fn forward(&self, isa: Isa, x: &[f32], rows: usize, out: &mut [f32], s: &mut QuantScratch, gelu: bool) {
        let (n, k) = (self.w.n(), self.w.k());
        s.qx.resize(rows * self.w.k_pad(), 0);
        s.qscale.resize(rows, 0.0);
        s.qzero.resize(rows, 0);
        s.acc.resize(rows * self.w.n_pad(), 0);
        ops::quantize_rows(&x[..rows * k], k, self.w.k_pad(), &mut s.qx, &mut s.qscale, &mut s.qzero);
        kernel::matmul(isa, &s.qx, rows, &self.w, &mut s.acc);
        for m in 0..rows {
            let acc = &s.acc[m * self.w.n_pad()..m * self.w.n_pad() + n];
            let (sx, zx) = (s.qscale[m], s.qzero[m]);
            let row = &mut out[m * n..(m + 1) * n];
            for ((((y, a), ws), sw), b) in
                row.iter_mut().zip(acc).zip(&self.weight_sum).zip(&self.scale).zip(&self.bias)
            {
                // Exact in i32: |a| <= 255 * 127 * k.
                *y = (a - zx * ws) as f32 * (sx * sw) + b;
            }
            if gelu {
                ops::gelu_in_place(row);
            }
        }
    }
}

/// A small f32 linear layer (pooler and head), row-major `w[n][k]`.
#[derive(Debug, Clone)]
struct DenseF32 {
    w: Vec<f32>,
    b: Vec<f32>,
    k: usize,
}

impl DenseF32 {
    #[inline(always)]
    fn forward(&self, x: &[f32], out: &mut Vec<f32>) {
        out.clear();
        out.extend(self.w.chunks_exact(self.k).zip(&self.b).map(|(w, b)| ops::dot(w, x) + b));
    }
}

#[derive(Debug, Clone)]
struct Layer {
    /// Query, key and value in one `[3h, h]` matrix.
    qkv: QLinear,
    attn_out: QLinear,
    attn_norm: (Vec<f32>, Vec<f32>),
    intermediate: QLinear,
    output: QLinear,
    out_norm: (Vec<f32>, Vec<f32>),
}

/// One window's forward pass, as a [`SimdTask`].
struct Forward<'a> {
    bert: &'a FastBert,
    ids: &'a [u32],
    type_ids: &'a [u32],
    scratch: &'a mut Scratch,
}

impl SimdTask for Forward<'_> {
    type Output = Vec<f32>;

    #[inline(always)]
    fn run(self) -> Vec<f32> {
        self.bert.forward_impl(self.ids, self.type_ids, self.scratch)
    }
}

/// Reusable buffers of one worker.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    x: Vec<f32>,
    qkv: Vec<f32>,
    ctx: Vec<f32>,
    tmp: Vec<f32>,
    inter: Vec<f32>,
    probs: Vec<f32>,
    keys_t: Vec<f32>,
    pooled: Vec<f32>,
    logits: Vec<f32>,
    quant: QuantScratch,
}

#[derive(Debug, Default)]
struct QuantScratch {
    qx: Vec<u8>,
    qscale: Vec<f32>,
    qzero: Vec<i32>,
    acc: Vec<i32>,
}

/// The int8 encoder + pooler + head of a BertForSequenceClassification.
pub(crate) struct FastBert {
    isa: Isa,
    hidden: usize,
    heads: usize,
    eps: f32,
    word: Vec<f32>,
    position: Vec<f32>,
    token_type: Vec<f32>,
    max_positions: usize,
    type_vocab: usize,
    emb_norm: (Vec<f32>, Vec<f32>),
    layers: Vec<Layer>,
    pooler: DenseF32,
    classifier: DenseF32,
}

impl std::fmt::Debug for FastBert {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FastBert")
            .field("isa", &self.isa)
            .field("layers", &self.layers.len())
            .field("hidden", &self.hidden)
            .finish_non_exhaustive()
    }
}

impl FastBert {
    /// Builds the int8 network from the checked checkpoint, one tensor at a time: each dense
    /// weight is read as f32, quantized and packed, and its f32 copy dropped before the next is
    /// read, so the f32 encoder is never held in memory.
    ///
    /// `kernel` forces an int8 kernel (else `POSTGUARD_ISA`, else the best this CPU has).
    pub(crate) fn load(
        weights: &Weights<'_>,
        config: &BertConfig,
        num_labels: usize,
        kernel: Option<Int8Kernel>,
    ) -> Result<Self> {
        let h = config.hidden_size;
        let heads = config.num_attention_heads;
        if heads == 0 || !h.is_multiple_of(heads) {
            // config.rs rejects this first; kept so the attention loop's split is proven here.
            return Err(Error::Model(candle_core::Error::Msg(format!(
                "hidden_size {h} is not a multiple of num_attention_heads {heads}"
            ))));
        }
        let isa = Isa::select(kernel).map_err(|reason| Error::InvalidOption {
            option: if kernel.is_some() { "int8_kernel" } else { kernel::ISA_VAR },
            reason,
        })?;
        let p = weights.prefix();
        let norm = |path: String| -> Result<(Vec<f32>, Vec<f32>)> {
            Ok((weights.flat(&format!("{path}.weight"))?, weights.flat(&format!("{path}.bias"))?))
        };
        let dense = |layer: usize, d: Dense| -> Result<(Vec<f32>, Vec<f32>)> {
            let path = layout::layer_path(p, layer, d.path());
            Ok((weights.flat(&format!("{path}.weight"))?, weights.flat(&format!("{path}.bias"))?))
        };
        let linear = |layer: usize, d: Dense| -> Result<QLinear> {
            let (w, b) = dense(layer, d)?;
            let (n, k) = d.shape(config);
            Ok(QLinear::new(&w, &b, n, k, isa))
        };
        let mut layers = Vec::with_capacity(config.num_hidden_layers);
        for i in 0..config.num_hidden_layers {
            // Query, key and value in one [3h, h] matrix.
            let mut w = Vec::with_capacity(3 * h * h);
            let mut b = Vec::with_capacity(3 * h);
            for d in [Dense::Query, Dense::Key, Dense::Value] {
                let (dw, db) = dense(i, d)?;
                w.extend(dw);
                b.extend(db);
            }
            layers.push(Layer {
                qkv: QLinear::new(&w, &b, 3 * h, h, isa),
                attn_out: linear(i, Dense::AttentionOutput)?,
                attn_norm: norm(layout::layer_path(p, i, Norm::Attention.path()))?,
                intermediate: linear(i, Dense::Intermediate)?,
                output: linear(i, Dense::Output)?,
                out_norm: norm(layout::layer_path(p, i, Norm::Output.path()))?,
            });
        }
        let head = |path: String| -> Result<DenseF32> {
            Ok(DenseF32 {
                w: weights.flat(&format!("{path}.weight"))?,
                b: weights.flat(&format!("{path}.bias"))?,
                k: h,
            })
        };
        let classifier = head(layout::CLASSIFIER.to_owned())?;
        debug_assert_eq!(classifier.b.len(), num_labels, "checked by Weights::open");
        Ok(Self {
            isa,
            hidden: h,
            heads,
            eps: config.layer_norm_eps as f32,
            word: weights.flat(&format!("{p}{}", layout::WORD_EMBEDDINGS))?,
            position: weights.flat(&format!("{p}{}", layout::POSITION_EMBEDDINGS))?,
            token_type: weights.flat(&format!("{p}{}", layout::TOKEN_TYPE_EMBEDDINGS))?,
            max_positions: config.max_position_embeddings,
            type_vocab: config.type_vocab_size,
            emb_norm: norm(format!("{p}{}", layout::EMBEDDINGS_NORM))?,
            layers,
            pooler: head(format!("{p}{}", layout::POOLER))?,
            classifier,
        })
    }

    /// Label probabilities (head order) of each window, in input order.
    fn score_windows(&self, windows: &[&Window]) -> Vec<Vec<f32>> {
        // Longest first: rayon splits the slice in halves, and the long
        // windows are where an idle core would cost most.
        let mut order: Vec<usize> = (0..windows.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(windows[i].ids.len()));
        let mut probs: Vec<(usize, Vec<f32>)> = order
            .par_iter()
            .with_max_len(1)
            .map_init(Scratch::default, |scratch, &i| (i, self.forward(&windows[i].ids, &windows[i].type_ids, scratch)))
            .collect();
        probs.sort_unstable_by_key(|(i, _)| *i);
        probs.into_iter().map(|(_, p)| p).collect()
    }

    /// Probabilities of one window (`ids` and `type_ids` of equal length).
    pub(crate) fn forward(&self, ids: &[u32], type_ids: &[u32], s: &mut Scratch) -> Vec<f32> {
        kernel::with_simd(self.isa, Forward { bert: self, ids, type_ids, scratch: s })
    }

    #[inline(always)]
    fn forward_impl(&self, ids: &[u32], type_ids: &[u32], s: &mut Scratch) -> Vec<f32> {
        let h = self.hidden;
        let t = ids.len().min(self.max_positions);
        let vocab = self.word.len() / h;
        // Embeddings + LayerNorm.
        s.x.clear();
        for (pos, (&id, &ty)) in ids.iter().zip(type_ids).take(t).enumerate() {
            // Out-of-range ids cannot come from the checked tokenizer; clamp
            // instead of panicking all the same.
            let id = (id as usize).min(vocab - 1);
            let ty = (ty as usize).min(self.type_vocab - 1);
            let word = &self.word[id * h..(id + 1) * h];
            let p = &self.position[pos * h..(pos + 1) * h];
            let y = &self.token_type[ty * h..(ty + 1) * h];
            s.x.extend(word.iter().zip(p).zip(y).map(|((a, b), c)| a + b + c));
        }
        ops::layer_norm(&mut s.x, &self.emb_norm.0, &self.emb_norm.1, self.eps);

        let last = self.layers.len().saturating_sub(1);
        for (i, layer) in self.layers.iter().enumerate() {
            // In the last layer only [CLS] matters downstream.
            let rows = if i == last { 1 } else { t };
            self.layer(layer, t, rows, s);
        }

        let cls = &s.x[..h];
        self.pooler.forward(cls, &mut s.pooled);
        for v in &mut s.pooled {
            *v = v.tanh();
        }
        self.classifier.forward(&s.pooled, &mut s.logits);
        // Multi-label: an independent sigmoid per label.
        s.logits.iter().map(|&z| 1.0 / (1.0 + (-z).exp())).collect()
    }

    /// One encoder layer over `t` tokens of `s.x`; outputs the first `rows`
    /// tokens (all `t`, or 1 in the last layer) into `s.x[..rows * h]`.
    #[inline(always)]
    fn layer(&self, layer: &Layer, t: usize, rows: usize, s: &mut Scratch) {
        let h = self.hidden;
        let d = h / self.heads;
        let three_h = 3 * h;
        s.qkv.resize(t * three_h, 0.0);
        layer.qkv.forward(self.isa, &s.x, t, &mut s.qkv, &mut s.quant, false);

        // Attention, f32, per head; queries only for the rows kept.
        s.ctx.clear();
        s.ctx.resize(rows * h, 0.0);
        let tp = t.div_ceil(16) * 16;
        s.probs.resize(tp, 0.0);
        s.keys_t.resize(d * tp, 0.0);
        let scale = 1.0 / (d as f32).sqrt();
        for head in 0..self.heads {
            let off = head * d;
            // Keys transposed ([d][tp], zero-padded), so that 16 scores at
            // a time accumulate in one register over the head dimension.
            for j in 0..t {
                let k = &s.qkv[j * three_h + h + off..j * three_h + h + off + d];
                for (c, &v) in k.iter().enumerate() {
                    s.keys_t[c * tp + j] = v;
                }
            }
            for i in 0..rows {
                let q = &s.qkv[i * three_h + off..i * three_h + off + d];
                ops::scores(self.isa, q, scale, &s.keys_t, tp, &mut s.probs);
                ops::softmax_in_place(&mut s.probs[..t]);
                let ctx = &mut s.ctx[i * h + off..i * h + off + d];
                ops::weighted_sum(self.isa, &s.probs[..t], &s.qkv[2 * h + off..], three_h, ctx);
            }
        }

        s.tmp.resize(rows * h, 0.0);
        layer.attn_out.forward(self.isa, &s.ctx, rows, &mut s.tmp, &mut s.quant, false);
        // tmp = LN(attn + x): the residual is the layer input.
        ops::add_layer_norm(&mut s.tmp, &s.x[..rows * h], &layer.attn_norm.0, &layer.attn_norm.1, self.eps);

        let inter = layer.intermediate.w.n();
        s.inter.resize(rows * inter, 0.0);
        layer.intermediate.forward(self.isa, &s.tmp, rows, &mut s.inter, &mut s.quant, true);
        s.x.truncate(rows * h);
        layer.output.forward(self.isa, &s.inter, rows, &mut s.x, &mut s.quant, false);
        ops::add_layer_norm(&mut s.x, &s.tmp, &layer.out_norm.0, &layer.out_norm.1, self.eps);
    }
}

impl Backend for FastBert {
    /// Unpadded, one window per thread (see the module docs); no token budget applies.
    fn score(&self, windows: &[&Window], _max_batch_tokens: usize) -> Result<Vec<Vec<f32>>> {
        Ok(self.score_windows(windows))
    }

    fn arithmetic(&self) -> String {
        format!("int8-{}", self.isa.name())
    }
}

/// Arithmetic of the model's linear layers; see [`ClassifierBuilder::precision`](crate::ClassifierBuilder::precision).
///
/// The int8 path has one kernel per instruction set, chosen at load ([`Int8Kernel`]): AMX tiles
/// (Intel Xeon from Sapphire Rapids), AVX512-VNNI (Intel Xeon from Ice Lake, AMD Zen 4 and 5),
/// AVX-VNNI (Intel from Alder Lake), AVX2 with FMA (x86 CPUs of the last decade without those),
/// NEON with dotprod (aarch64: Graviton 2-4, Ampere Altra, Apple M1+) and a portable loop (any
/// other CPU). All give bit-identical scores. [`ModelInfo::precision`](crate::ModelInfo) names
/// the one used (`int8-amx`, `int8-avx512`, `int8-avxvnni`, `int8-avx2`, `int8-neon-dotprod`,
/// `int8-portable`, or `f32`). The environment variable `POSTGUARD_ISA` (the kernel's name) or
/// [`ClassifierBuilder::int8_kernel`](crate::ClassifierBuilder::int8_kernel) forces one, for
/// tests and benchmarks; naming one this CPU cannot run is an error at load.
///
/// int8 scores differ from f32 scores by quantization noise (mean |logit
/// difference| ~0.03 on the validation set); `tests/int8_accuracy.rs` checks
/// on the `val.jsonl` rows of the sources in `models/accuracy_sample.json` that no
/// label's F1 drops by more than half a point
/// (or int8 is net wrong on at most 3 more posts) and that few decisions change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Precision {
    /// The default: int8 where the CPU has an int8 SIMD kernel (x86 with AVX2
    /// and FMA, aarch64 with dotprod: several times faster than f32), f32
    /// elsewhere (the portable int8 kernel is slower than f32), int8 with the
    /// forced kernel when `POSTGUARD_ISA` is set.
    #[default]
    Auto,
    /// int8 weights and per-token int8 activations everywhere (a portable,
    /// slower kernel on CPUs without an int8 SIMD kernel).
    Int8,
    /// f32 throughout (the candle graph): the reference.
    F32,
}

impl Precision {
    /// The name used on command lines and in outputs: `auto`, `int8` or `f32`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Auto => "auto",
            Self::Int8 => "int8",
            Self::F32 => "f32",
        }
    }

    /// What this precision means on this CPU: [`Precision::Auto`] becomes `Int8` where the CPU
    /// has an int8 SIMD kernel (or `POSTGUARD_ISA` forces one) and `F32` elsewhere; the others
    /// are returned as they are. This is what a classifier built with `self` reports in
    /// [`ModelInfo::precision`](crate::ModelInfo) (which adds the kernel's name to `int8`), except
    /// for a model whose `hidden_act` the int8 path does not implement (it implements BERT's erf
    /// `"gelu"`): there `Auto` scores in f32, and `Int8` is an error at load.
    #[must_use]
    pub fn resolve(self) -> Self {
        match self {
            Self::Auto if int8_accelerated() => Self::Int8,
            Self::Auto => Self::F32,
            other => other,
        }
    }
}

impl std::str::FromStr for Precision {
    type Err = String;

    /// Parses `auto`, `int8` or `f32` (the names of [`Precision::as_str`]).
    fn from_str(name: &str) -> Result<Self, String> {
        [Self::Auto, Self::Int8, Self::F32]
            .into_iter()
            .find(|p| p.as_str() == name)
            .ok_or_else(|| format!("unknown precision {name:?} (auto, int8, f32)"))
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::TinyModel;
    use crate::{Classifier, Label, Post, Precision};

    fn posts() -> Vec<Post> {
        let texts = [
            "you are so stupid and nobody likes you",
            "then do it",
            "i keep thinking about ending things",
            "",
            &"you are so stupid and nobody likes you ".repeat(6),
        ];
        let mut posts: Vec<Post> = texts.iter().map(|t| Post::new(*t)).collect();
        posts.push(Post::new("then do it").with_context("i keep thinking"));
        posts
    }

    #[test]
    fn resolve_names_what_a_classifier_reports() {
        let dir = tempfile::tempdir().unwrap();
        TinyModel::default().write(dir.path()).unwrap();
        for p in [Precision::Auto, Precision::Int8, Precision::F32] {
            let clf = Classifier::builder()
                .model(crate::ModelSource::Dir(dir.path().to_owned()))
                .precision(p)
                .build()
                .unwrap();
            let reported = &clf.model_info().precision;
            match p.resolve() {
                Precision::Int8 => assert_eq!(reported, &format!("int8-{}", super::Isa::select(None).unwrap().name())),
                resolved => assert_eq!(reported, resolved.as_str(), "{p:?}"),
            }
            assert_ne!(p.resolve(), Precision::Auto);
        }
        assert_eq!(Precision::Int8.resolve(), Precision::Int8);
        assert_eq!(Precision::F32.resolve(), Precision::F32);
    }

    #[test]
    fn int8_scores_track_the_f32_graph() {
        // Head size 8 (the generic attention loops) and 16 (the blocked ones).
        int8_tracks_f32(TinyModel { weight_std: 0.3, ..TinyModel::default() });
        int8_tracks_f32(TinyModel { weight_std: 0.2, hidden_size: 64, num_heads: 4, ..TinyModel::default() });
    }

    fn int8_tracks_f32(tiny: TinyModel) {
        let dir = tempfile::tempdir().unwrap();
        tiny.write(dir.path()).unwrap();
        let build = |p| {
            Classifier::builder().model(crate::ModelSource::Dir(dir.path().to_owned())).precision(p).build().unwrap()
        };
        let (f32_model, int8) = (build(Precision::F32), build(Precision::Int8));
        let posts = posts();
        let a = f32_model.scores_batch(&posts).unwrap();
        let b = int8.scores_batch(&posts).unwrap();
        let mut spread = 0.0f32;
        for (a, b) in a.iter().zip(&b) {
            assert_eq!(a.windows, b.windows);
            for l in Label::ALL {
                assert!((a.scores[l] - b.scores[l]).abs() < 0.02, "{l}: f32 {} int8 {}", a.scores[l], b.scores[l]);
                spread = spread.max((a.scores[l] - a.scores[Label::Bullying]).abs());
            }
        }
        // The comparison means something only if scores vary.
        assert!(spread > 0.05, "tiny model scores do not vary: {a:?}");
        // Batch results equal single results, in input order.
        for (post, batch) in posts.iter().zip(&b) {
            assert_eq!(int8.scores_batch(std::slice::from_ref(post)).unwrap()[0], *batch);
        }
    }
}
