//! The result type.

use postguard_rules::{AllowHit, PiiFinding, RuleHit, SuppressedHit};
use serde::{Deserialize, Serialize};

use crate::{HelpResource, Label, Language, PerLabel};

/// One label's scores and decision. See [`fusion`](crate::fusion) for how
/// `fused` and `flagged` follow from the others.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct LabelScore {
    /// The model's probability for the label (sigmoid, 0..1), the maximum over windows.
    pub model: f32,
    /// Rule evidence: the largest severity weight among active rule hits (0 if none).
    pub rules: f32,
    /// The fused score.
    pub fused: f32,
    /// The threshold `fused` was compared with.
    pub threshold: f32,
    /// Whether the label applies.
    pub flagged: bool,
}

/// Which model produced a verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ModelInfo {
    /// Model name (`postguard.json` `name`; else the directory or repository name).
    pub name: String,
    /// Model version (`postguard.json` `version`; else `"unknown"` or the hub revision).
    pub version: String,
    /// Lower-case hex SHA-256 of `model.safetensors`.
    pub sha256: String,
    /// Lower-case hex SHA-256 of a manifest of every file that decides a score: one line
    /// `name  sha256\n` (file name, two spaces, lower-case hex SHA-256 of the file) for
    /// `model.safetensors`, `config.json`, `postguard.json` and `tokenizer.json`, in that
    /// order; `postguard.json`'s line is left out when the model has none. Other files of a
    /// model directory (`calibration.json`, `vocab.txt`, ...) are not read by the loader and
    /// not listed. Two models with the same `files_sha256` give the same scores (at the same
    /// [`precision`](Self::precision)); [`sha256`](Self::sha256) alone does not tell a changed
    /// tokenizer or threshold. From a model directory:
    /// `for f in model.safetensors config.json postguard.json tokenizer.json; do printf '%s  %s\n' "$f" "$(sha256sum < "$f" | cut -d' ' -f1)"; done | sha256sum`.
    /// Empty in a verdict deserialised from JSON written before this field existed.
    #[serde(default)]
    pub files_sha256: String,
    /// Arithmetic the model ran in: `"f32"`, or `"int8-"` and the int8 kernel
    /// (`amx`, `avx512`, `avxvnni`, `avx2`, `neon-dotprod`, `portable`; see
    /// [`Precision`](crate::Precision)).
    /// The int8 kernels give bit-identical scores; int8 and f32 differ by
    /// quantization noise, so a reproduction needs both the hash and this.
    pub precision: String,
}

/// The classification of one post: per-label scores, the rule hits behind
/// them, the decision, and help resources when the author may be in crisis.
///
/// Serialises to the JSON shape documented in the crate README ("Verdict JSON").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Verdict {
    pub(crate) labels: PerLabel<LabelScore>,
    pub(crate) flagged: Vec<Label>,
    pub(crate) violations: Vec<Label>,
    pub(crate) rule_hits: Vec<RuleHit>,
    pub(crate) allow_hits: Vec<AllowHit>,
    pub(crate) suppressed_hits: Vec<SuppressedHit>,
    pub(crate) resources: Vec<HelpResource>,
    pub(crate) windows: usize,
    pub(crate) model: ModelInfo,
    /// Present only when a per-post limit applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) limited: Option<Limited>,
    /// Personal information found in the text (the author's own and others').
    #[serde(default)]
    pub(crate) pii: Vec<PiiFinding>,
    /// Advice to the author, present only when the text shares details that are not someone
    /// else's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) privacy_notice: Option<String>,
    /// The language of the text (`und` when undetermined).
    #[serde(default)]
    pub(crate) language: Language,
    /// The text is confidently in a language the model does not support: its scores did not
    /// flag on their own.
    #[serde(default)]
    pub(crate) unsupported_language: bool,
}

/// What a per-post work limit left out of a verdict
/// ([`ClassifierBuilder::max_post_bytes`](crate::ClassifierBuilder::max_post_bytes),
/// [`max_rule_hits`](crate::ClassifierBuilder::max_rule_hits)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Limited {
    /// Bytes of the post's text.
    pub text_bytes: usize,
    /// Bytes of it that were scored (the model and the rules read only these).
    pub scored_text_bytes: usize,
    /// Bytes of the context (0 without one).
    pub context_bytes: usize,
    /// Bytes of the context that were scored.
    pub scored_context_bytes: usize,
    /// Rule hits not listed in [`Verdict::rule_hits`] (fusion saw them).
    pub rule_hits_dropped: usize,
    /// Allow hits not listed.
    pub allow_hits_dropped: usize,
    /// Suppressed hits not listed.
    pub suppressed_hits_dropped: usize,
}

impl Limited {
    /// Whether any limit cut something.
    pub fn applied(&self) -> bool {
        self.scored_text_bytes < self.text_bytes
            || self.scored_context_bytes < self.context_bytes
            || self.rule_hits_dropped + self.allow_hits_dropped + self.suppressed_hits_dropped > 0
    }
}

impl Verdict {
    /// Scores and decision for every label.
    pub fn labels(&self) -> &PerLabel<LabelScore> {
        &self.labels
    }

    /// Scores and decision for one label.
    pub fn label(&self, label: Label) -> &LabelScore {
        &self.labels[label]
    }

    /// The flagged labels, in [`Label::ALL`] order (crisis included).
    pub fn flagged(&self) -> &[Label] {
        &self.flagged
    }

    /// Whether `label` is flagged.
    pub fn is_flagged(&self, label: Label) -> bool {
        self.labels[label].flagged
    }

    /// The flagged labels that are violations (never crisis).
    pub fn violations(&self) -> &[Label] {
        &self.violations
    }

    /// Whether the post breaks a content rule (any flagged label other than crisis).
    pub fn is_violation(&self) -> bool {
        !self.violations.is_empty()
    }

    /// Whether the author may be at risk: crisis is flagged and
    /// [`resources`](Self::resources) lists where to get help.
    pub fn is_crisis(&self) -> bool {
        self.labels[Label::Crisis].flagged
    }

    /// Active rule hits (byte spans into the post's text).
    pub fn rule_hits(&self) -> &[RuleHit] {
        &self.rule_hits
    }

    /// Allow hits (safe phrases, debunking, supportive or recovery markers).
    pub fn allow_hits(&self) -> &[AllowHit] {
        &self.allow_hits
    }

    /// Rule hits cancelled by their context (negation, quotes, ...), with the reason.
    pub fn suppressed_hits(&self) -> &[SuppressedHit] {
        &self.suppressed_hits
    }

    /// Help resources; non-empty exactly when crisis is flagged.
    pub fn resources(&self) -> &[HelpResource] {
        &self.resources
    }

    /// How many model windows the post was scored over (1 unless it was longer
    /// than the model's window; then the maximum per label is taken).
    pub fn windows(&self) -> usize {
        self.windows
    }

    /// The model that produced this verdict.
    pub fn model(&self) -> &ModelInfo {
        &self.model
    }

    /// Personal information in the post's text, ordered by start offset: whose it is, its span
    /// and kind. Someone else's flags [`Label::Privacy`](crate::Label); see also
    /// [`privacy_notice`](Self::privacy_notice).
    pub fn pii(&self) -> &[PiiFinding] {
        &self.pii
    }

    /// Advice for an author who shared their own details (not a violation), the way a crisis
    /// verdict carries [`resources`](Self::resources).
    pub fn privacy_notice(&self) -> Option<&str> {
        self.privacy_notice.as_deref()
    }

    /// The language of the post's text, as detected (or assumed by the caller): ISO 639-1 code
    /// and confidence, `und` when the text is too short, mixed, or not confidently one language.
    pub fn language(&self) -> &Language {
        &self.language
    }

    /// Whether the text is confidently in a language the model was not trained on (see
    /// [`Classifier::languages`](crate::Classifier::languages)). Then the model's scores are
    /// reported but do not flag on their own: a label is flagged only with rule evidence (the
    /// rule packs cover crisis and "kill yourself" in Spanish, Portuguese, French, German and
    /// Italian too). An undetermined language is not unsupported: short posts are scored as usual.
    pub fn unsupported_language(&self) -> bool {
        self.unsupported_language
    }

    /// What a per-post limit cut from this verdict, if one applied: only a prefix of a very
    /// long post was scored, or hits beyond the listing limit were counted instead of listed.
    pub fn limited(&self) -> Option<&Limited> {
        self.limited.as_ref()
    }
}
