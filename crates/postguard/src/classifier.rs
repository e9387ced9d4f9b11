//! The public entry point.

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use postguard_rules::{PiiDetector, PiiFinding, PiiKind, RuleHit, RuleReport, RuleSet, Severity, Whose};
use rayon::prelude::*;

use crate::model::Model;
use crate::model::encode::Window;
use crate::model::fast::{Int8Kernel, Precision};
use crate::verdict::Limited;
use crate::{Error, Label, Language, ModelInfo, ModelSource, PerLabel, Post, Result, Verdict, fusion, resources};

/// Default token budget of one forward pass (padded batch size x sequence length).
pub const DEFAULT_MAX_BATCH_TOKENS: usize = 4096;

/// Labels posts with a BERT multi-label model fused with rule evidence.
///
/// Cheap to clone (an [`Arc`] inside) and `Send + Sync`: build one and share
/// it between threads.
#[derive(Clone)]
pub struct Classifier {
    inner: Arc<Inner>,
}

struct Inner {
    model: Model,
    rules: RuleSet,
    privacy: PiiDetector,
    thresholds: PerLabel<f32>,
    locale: Option<String>,
    max_batch_tokens: usize,
    limits: Limits,
    /// The language every post is taken to be in, instead of detecting it.
    assume_language: Option<String>,
}

/// Bytes of a post's text (and, separately, of its context) that are scored by default; the
/// rest is not read. 100,000 bytes is more than any mainstream platform allows in one post
/// (Reddit 40,000 characters, Facebook about 63,000) and scores in well under a second.
pub const DEFAULT_MAX_POST_BYTES: usize = 100_000;

/// Rule hits (and, separately, allow and suppressed hits) a verdict lists by default; the
/// others are counted in [`Limited`]. Fusion always sees every hit.
pub const DEFAULT_MAX_RULE_HITS: usize = 100;

/// Per-post work limits (see [`ClassifierBuilder::max_post_bytes`] and
/// [`ClassifierBuilder::max_rule_hits`]); `0` means no limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Limits {
    post_bytes: usize,
    rule_hits: usize,
}

/// Someone else's personal information is a `privacy` violation: one `High` hit per finding
/// (`privacy.<kind>`), so fusion flags it outright; the author's own and unattributed details
/// are not (they get [`Verdict::privacy_notice`]). A user handle alone is not: replying to
/// `@sam` is how people talk, supportive replies included (handles are still findings, and
/// redacted). Hits stay ordered by start offset.
fn add_privacy_hits(report: &mut RuleReport, findings: &[PiiFinding]) {
    let mut added = false;
    for f in findings.iter().filter(|f| f.whose == Whose::Other && f.kind != PiiKind::UserHandle) {
        let id = format!("privacy.{}", f.kind);
        report.hits.push(RuleHit::new(&id, Label::Privacy, Severity::High, f.start, f.end, &f.text));
        added = true;
    }
    if added {
        report.hits.sort_by_key(|h| h.start);
    }
}

/// Advice to an author who shared their own details (or details nobody is named for).
fn privacy_notice(findings: &[PiiFinding]) -> Option<String> {
    let own: Vec<&str> = {
        let mut kinds: Vec<&str> =
            findings.iter().filter(|f| f.whose != Whose::Other).map(|f| pii_noun(f.kind)).collect();
        kinds.dedup();
        kinds
    };
    if own.is_empty() {
        return None;
    }
    Some(format!(
        "This post shares {}. Posts here are public and can be copied: to reach someone privately, use direct messages, and consider editing the details out.",
        own.join(", ")
    ))
}

fn pii_noun(kind: PiiKind) -> &'static str {
    match kind {
        PiiKind::Email => "an email address",
        PiiKind::Phone => "a phone number",
        PiiKind::StreetAddress | PiiKind::Postcode => "an address",
        PiiKind::Ssn => "a Social Security number",
        PiiKind::UkNino => "a National Insurance number",
        PiiKind::PaymentCard => "a card number",
        PiiKind::Iban => "a bank account number",
        PiiKind::IpAddress => "an IP address",
        PiiKind::GeoCoordinates => "a precise location",
        PiiKind::DateOfBirth => "a date of birth",
        PiiKind::UserHandle | PiiKind::ProfileLink => "a profile",
        _ => "personal information",
    }
}

/// The longest prefix of `s` of at most `max` bytes that ends on a char boundary.
pub(crate) fn prefix(s: &str, max: usize) -> &str {
    if max == 0 || s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

impl fmt::Debug for Classifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Classifier")
            .field("model", &self.inner.model.info)
            .field("labels", &self.inner.model.labels)
            .field("thresholds", &self.inner.thresholds)
            .field("locale", &self.inner.locale)
            .field("max_tokens", &self.inner.model.settings.max_tokens)
            .field("stride", &self.inner.model.settings.stride)
            .field("max_batch_tokens", &self.inner.max_batch_tokens)
            .finish_non_exhaustive()
    }
}

/// Model scores of one post, before fusion with the rules.
#[derive(Debug, Clone, Copy, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[non_exhaustive]
pub struct ModelScores {
    /// Probability per label (maximum over windows).
    pub scores: PerLabel<f32>,
    /// Number of windows the post was scored over.
    pub windows: usize,
}

impl Classifier {
    /// The bundled model with the default rules and thresholds.
    ///
    /// # Errors
    ///
    /// Only if the bundled model fails to load, which the test suite rules out.
    #[cfg(feature = "bundled")]
    pub fn new() -> Result<Self> {
        Self::builder().build()
    }

    /// A builder; without further calls it builds what [`Classifier::new`] does.
    pub fn builder() -> ClassifierBuilder {
        ClassifierBuilder::default()
    }

    /// The model in directory `dir` with the default rules.
    ///
    /// # Errors
    ///
    /// See [`ClassifierBuilder::build`].
    pub fn from_dir(dir: impl AsRef<Path>) -> Result<Self> {
        Self::builder().model(ModelSource::Dir(dir.as_ref().to_owned())).build()
    }

    /// Classifies one post. Same result as a one-post [`classify_batch`](Self::classify_batch).
    ///
    /// # Errors
    ///
    /// Tokenization or inference failures ([`Error::Tokenize`], [`Error::Model`]).
    pub fn classify(&self, post: &Post) -> Result<Verdict> {
        let mut verdicts = self.classify_batch(std::slice::from_ref(post))?;
        Ok(verdicts.remove(0))
    }

    /// Classifies posts; the verdicts are in input order and equal to what
    /// [`classify`](Self::classify) gives for each post (up to float rounding
    /// in the last bits, from padding to different batch lengths).
    ///
    /// # Errors
    ///
    /// Tokenization or inference failures ([`Error::Tokenize`], [`Error::Model`]).
    pub fn classify_batch(&self, posts: &[Post]) -> Result<Vec<Verdict>> {
        let _span = tracing::info_span!("classify_batch", posts = posts.len()).entered();
        let scores = self.scores_batch(posts)?;
        let max = self.inner.limits.post_bytes;
        let reports: Vec<(RuleReport, Vec<PiiFinding>, Language)> = {
            let _span = tracing::info_span!("rules").entered();
            posts
                .par_iter()
                .map(|post| {
                    let text = prefix(&post.text, max);
                    let mut report =
                        self.inner.rules.check_reply(text, post.context.as_deref().map(|c| prefix(c, max)));
                    let findings = self.inner.privacy.find(text);
                    add_privacy_hits(&mut report, &findings);
                    (report, findings, self.language(text))
                })
                .collect()
        };
        let _span = tracing::info_span!("fuse").entered();
        Ok(reports
            .into_iter()
            .zip(scores)
            .zip(posts)
            .map(|(((report, findings, language), scores), post)| {
                self.verdict(post, report, findings, scores, language)
            })
            .collect())
    }

    /// Model scores only (no rules, no fusion), in input order: the fast path
    /// for evaluation and threshold tuning.
    ///
    /// # Errors
    ///
    /// Tokenization or inference failures ([`Error::Tokenize`], [`Error::Model`]).
    pub fn scores_batch(&self, posts: &[Post]) -> Result<Vec<ModelScores>> {
        let model = &self.inner.model;
        let max = self.inner.limits.post_bytes;
        let windows: Vec<Vec<Window>> = {
            let _span = tracing::info_span!("tokenize", posts = posts.len()).entered();
            posts
                .par_iter()
                .map(|post| {
                    let long = |s: &str| max != 0 && s.len() > max;
                    if long(&post.text) || post.context.as_deref().is_some_and(long) {
                        // Only the scored prefix is tokenized (a 5 MB post would otherwise
                        // cost minutes and a gigabyte of tokenizer memory).
                        let cut = Post {
                            text: prefix(&post.text, max).to_owned(),
                            context: post.context.as_deref().map(|c| prefix(c, max).to_owned()),
                        };
                        model.encoder.encode(&cut)
                    } else {
                        model.encoder.encode(post)
                    }
                })
                .collect::<Result<_>>()?
        };
        let mut out: Vec<ModelScores> =
            windows.iter().map(|w| ModelScores { scores: PerLabel::default(), windows: w.len() }).collect();

        // Every window of every post in one call: the backend batches them as suits it.
        let items: Vec<(usize, &Window)> =
            windows.iter().enumerate().flat_map(|(post, ws)| ws.iter().map(move |w| (post, w))).collect();
        let _span = tracing::info_span!("model", windows = items.len()).entered();
        let batch: Vec<&Window> = items.iter().map(|(_, w)| *w).collect();
        let probs = model.score(&batch, self.inner.max_batch_tokens)?;
        for ((post, _), probs) in items.iter().zip(probs) {
            let scores = &mut out[*post].scores;
            for label in Label::ALL {
                scores[label] = scores[label].max(probs[label]);
            }
        }
        Ok(out)
    }

    /// The language a verdict of `text` gets: the assumed one
    /// ([`ClassifierBuilder::assume_language`]), else detected from the scored prefix
    /// ([`Language::detect`]).
    pub fn language(&self, text: &str) -> Language {
        let text = prefix(text, self.inner.limits.post_bytes);
        match &self.inner.assume_language {
            Some(code) => Language::assumed(code),
            None => Language::detect(text),
        }
    }

    /// Whether `language` is one the model declares it was not trained on.
    fn is_unsupported(&self, language: &Language) -> bool {
        language.is_determined()
            && self.inner.model.settings.languages.as_ref().is_some_and(|langs| !langs.contains(&language.code))
    }

    fn verdict(
        &self,
        post: &Post,
        mut report: RuleReport,
        pii: Vec<PiiFinding>,
        model: ModelScores,
        language: Language,
    ) -> Verdict {
        let unsupported_language = self.is_unsupported(&language);
        let labels = PerLabel::from_fn(|label| {
            let threshold = self.inner.thresholds[label];
            if unsupported_language {
                // The model's score is shown but decides nothing: the decision is the rules'.
                let mut score = fusion::fuse(label, 0.0, threshold, &report);
                score.model = fusion::fuse(label, model.scores[label], threshold, &report).model;
                score
            } else {
                fusion::fuse(label, model.scores[label], threshold, &report)
            }
        });
        let flagged: Vec<Label> = Label::ALL.into_iter().filter(|l| labels[*l].flagged).collect();
        let violations = flagged.iter().copied().filter(|l| l.is_violation()).collect();
        let resources = if labels[Label::Crisis].flagged {
            // `und` names no region's language, so it orders as no language does.
            resources::help_resources_for(self.inner.locale.as_deref(), Some(&language.code))
        } else {
            Vec::new()
        };
        let privacy_notice = privacy_notice(&pii);
        // Fusion above saw every hit; the lists are cut afterwards, so a limit changes what is
        // shown, never the decision.
        let keep = self.inner.limits.rule_hits;
        let cut = |n: usize| if keep == 0 { 0 } else { n.saturating_sub(keep) };
        let (post_bytes, context_bytes) = (post.text.len(), post.context.as_deref().map_or(0, str::len));
        let max = self.inner.limits.post_bytes;
        let limited = Limited {
            text_bytes: post_bytes,
            scored_text_bytes: prefix(&post.text, max).len(),
            context_bytes,
            scored_context_bytes: post.context.as_deref().map_or(0, |c| prefix(c, max).len()),
            rule_hits_dropped: cut(report.hits.len()),
            allow_hits_dropped: cut(report.allows.len()),
            suppressed_hits_dropped: cut(report.suppressed.len()),
        };
        let limited = limited.applied().then_some(limited);
        if keep != 0 {
            report.hits.truncate(keep);
            report.allows.truncate(keep);
            report.suppressed.truncate(keep);
        }
        Verdict {
            labels,
            flagged,
            violations,
            rule_hits: report.hits,
            allow_hits: report.allows,
            suppressed_hits: report.suppressed,
            resources,
            windows: model.windows,
            model: self.inner.model.info.clone(),
            limited,
            pii,
            privacy_notice,
            language,
            unsupported_language,
        }
    }

    /// The PII detectors this classifier runs (regions from its locale; the help numbers of its
    /// resources table allowed).
    pub fn privacy_detector(&self) -> &PiiDetector {
        &self.inner.privacy
    }

    /// `text` with every piece of personal information the detectors find replaced by its
    /// placeholder (`[PHONE]`, `[EMAIL]`, ...); every other byte unchanged. Reads the whole
    /// text (no per-post limit), so nothing past the scored prefix is left in place.
    pub fn redact(&self, text: &str) -> String {
        postguard_rules::redact(text, &self.inner.privacy.find(text))
    }

    /// Name, version and weights hash of the model.
    pub fn model_info(&self) -> &ModelInfo {
        &self.inner.model.info
    }

    /// The labels the model scores, in the order of its head (`id2label`).
    /// Labels it does not score get model score 0 and rely on the rules.
    pub fn labels(&self) -> &[Label] {
        &self.inner.model.labels
    }

    /// The threshold per label (`postguard.json`, then builder overrides).
    pub fn thresholds(&self) -> &PerLabel<f32> {
        &self.inner.thresholds
    }

    /// The rule set.
    pub fn rules(&self) -> &RuleSet {
        &self.inner.rules
    }

    /// The languages the model was trained on (`postguard.json` `languages`), if it says; a post
    /// confidently in another language gets [`Verdict::unsupported_language`].
    pub fn languages(&self) -> Option<&[String]> {
        self.inner.model.settings.languages.as_deref()
    }

    /// The language every post is taken to be in, if one was set
    /// ([`ClassifierBuilder::assume_language`]).
    pub fn assumed_language(&self) -> Option<&str> {
        self.inner.assume_language.as_deref()
    }

    /// The locale that orders help resources, if one was set.
    pub fn locale(&self) -> Option<&str> {
        self.inner.locale.as_deref()
    }

    /// Tokens per model window (special tokens included).
    pub fn max_tokens(&self) -> usize {
        self.inner.model.settings.max_tokens
    }

    /// Overlap between consecutive windows, in tokens.
    pub fn stride(&self) -> usize {
        self.inner.model.settings.stride
    }

    /// The base model named in `postguard.json`, if any.
    pub fn base_model(&self) -> Option<&str> {
        self.inner.model.settings.base_model.as_deref()
    }

    /// Bytes of a post's text (and of its context) that are scored (0 = no limit); see
    /// [`ClassifierBuilder::max_post_bytes`].
    pub fn max_post_bytes(&self) -> usize {
        self.inner.limits.post_bytes
    }

    /// Hits listed per kind in a verdict (0 = no limit); see [`ClassifierBuilder::max_rule_hits`].
    pub fn max_rule_hits(&self) -> usize {
        self.inner.limits.rule_hits
    }

    /// Token budget of one forward pass.
    pub fn max_batch_tokens(&self) -> usize {
        self.inner.max_batch_tokens
    }
}

/// Builds a [`Classifier`]; see [`Classifier::builder`].
#[derive(Debug, Clone)]
pub struct ClassifierBuilder {
    source: ModelSource,
    rules: Option<RuleSet>,
    thresholds: Vec<(Label, f32)>,
    locale: Option<String>,
    max_batch_tokens: usize,
    precision: Precision,
    int8_kernel: Option<Int8Kernel>,
    limits: Limits,
    assume_language: Option<String>,
}

impl Default for ClassifierBuilder {
    fn default() -> Self {
        Self {
            source: ModelSource::Bundled,
            rules: None,
            thresholds: Vec::new(),
            locale: None,
            max_batch_tokens: DEFAULT_MAX_BATCH_TOKENS,
            precision: Precision::default(),
            int8_kernel: None,
            limits: Limits { post_bytes: DEFAULT_MAX_POST_BYTES, rule_hits: DEFAULT_MAX_RULE_HITS },
            assume_language: None,
        }
    }
}

impl ClassifierBuilder {
    /// Where the model comes from (default [`ModelSource::Bundled`]).
    #[must_use]
    pub fn model(mut self, source: impl Into<ModelSource>) -> Self {
        self.source = source.into();
        self
    }

    /// The rules (default [`RuleSet::default`], the embedded pack).
    #[must_use]
    pub fn rules(mut self, rules: RuleSet) -> Self {
        self.rules = Some(rules);
        self
    }

    /// Overrides thresholds of some labels (others keep the model's).
    #[must_use]
    pub fn thresholds(mut self, overrides: impl IntoIterator<Item = (Label, f32)>) -> Self {
        self.thresholds.extend(overrides);
        self
    }

    /// Overrides one label's threshold.
    #[must_use]
    pub fn threshold(mut self, label: Label, value: f32) -> Self {
        self.thresholds.push((label, value));
        self
    }

    /// Locale (`"en-US"`, `"en-GB"`, `"IE"`, ...) whose help resources come first. A tag
    /// whose region cannot be read is an error at [`build`](Self::build); a well-formed one
    /// without regional entries (see [`has_regional_resources`](crate::has_regional_resources))
    /// gets the international directory first.
    #[must_use]
    pub fn locale(mut self, locale: &str) -> Self {
        self.locale = Some(locale.to_owned());
        self
    }

    /// Token budget of one forward pass (default [`DEFAULT_MAX_BATCH_TOKENS`]).
    /// Larger batches are faster per post and use more memory.
    #[must_use]
    pub fn max_batch_tokens(mut self, tokens: usize) -> Self {
        self.max_batch_tokens = tokens;
        self
    }

    /// Scores only the first `bytes` bytes of a post's text, and of its context, each cut back to
    /// a char boundary (default [`DEFAULT_MAX_POST_BYTES`]; `0` = no limit). The model and the
    /// rules read the same prefix, so every span still points into the original text; the
    /// verdict's [`limited`](Verdict::limited) says when a post was cut. Bounds the time and
    /// memory one hostile post can cost.
    #[must_use]
    pub fn max_post_bytes(mut self, bytes: usize) -> Self {
        self.limits.post_bytes = bytes;
        self
    }

    /// Lists at most `hits` rule hits in a verdict, and as many allow and suppressed hits
    /// (default [`DEFAULT_MAX_RULE_HITS`]; `0` = no limit), the first ones in text order; the
    /// rest are counted in [`Verdict::limited`]. Fusion sees every hit, so the decision does not
    /// depend on this limit.
    #[must_use]
    pub fn max_rule_hits(mut self, hits: usize) -> Self {
        self.limits.rule_hits = hits;
        self
    }

    /// Takes every post to be in `code` (ISO 639-1, e.g. `"en"`) instead of detecting its
    /// language: for a caller who knows better than detection on short posts. The verdict's
    /// [`language`](Verdict::language) says `assumed`. An invalid code is an error at
    /// [`build`](Self::build).
    #[must_use]
    pub fn assume_language(mut self, code: &str) -> Self {
        self.assume_language = Some(code.to_owned());
        self
    }

    /// Arithmetic of the model's linear layers (default [`Precision::Auto`]:
    /// int8 where the CPU has an int8 kernel (x86 with AVX2, aarch64 with dotprod), f32 elsewhere;
    /// [`Precision::F32`] gives the reference scores everywhere).
    #[must_use]
    pub fn precision(mut self, precision: Precision) -> Self {
        self.precision = precision;
        self
    }

    /// Forces the int8 kernel (default: the fastest this CPU has, or the one the environment
    /// variable `POSTGUARD_ISA` names). With [`Precision::Auto`] this also means int8;
    /// [`Precision::F32`] ignores it. All kernels give bit-identical scores: this is for tests
    /// and benchmarks that run every kernel on one machine.
    ///
    /// [`build`](Self::build) fails with [`Error::InvalidOption`] if this CPU cannot run it.
    #[must_use]
    pub fn int8_kernel(mut self, kernel: Int8Kernel) -> Self {
        self.int8_kernel = Some(kernel);
        self
    }

    /// Loads the model and builds the classifier.
    ///
    /// # Errors
    ///
    /// Missing or malformed model files (the error names file and field or
    /// tensor), an unreachable hub, [`Error::BundledUnavailable`] without the
    /// `bundled` feature, a threshold outside `0..=1`, or `max_batch_tokens == 0`.
    pub fn build(self) -> Result<Classifier> {
        if self.max_batch_tokens == 0 {
            return Err(Error::InvalidOption { option: "max_batch_tokens", reason: "must be positive".to_owned() });
        }
        for &(label, value) in &self.thresholds {
            if !(0.0..=1.0).contains(&value) {
                return Err(Error::InvalidThreshold { label, value });
            }
        }
        if let Some(locale) = &self.locale
            && !resources::is_locale_tag(locale)
        {
            return Err(Error::InvalidOption {
                option: "locale",
                reason: format!(
                    "{locale:?} is not a locale tag (expected a region such as US, UK, IE, or a tag such as en-US, en_GB, es-419)"
                ),
            });
        }
        if let Some(code) = &self.assume_language
            && !crate::language::is_language_code(code)
        {
            return Err(Error::InvalidOption {
                option: "assume_language",
                reason: format!(
                    "{code:?} is not a language code (two or three lowercase letters, e.g. \"en\", \"es\")"
                ),
            });
        }
        let model = Model::load(&self.source, self.precision, self.int8_kernel)?;
        let mut privacy = PiiDetector::builder();
        if let Some(region) = self.locale.as_deref().and_then(resources::locale_region) {
            privacy = privacy.region(&region);
        }
        for number in resources::numbers() {
            privacy = privacy.allow_number(&number);
        }
        let mut thresholds = model.settings.thresholds;
        for (label, value) in self.thresholds {
            thresholds[label] = value;
        }
        Ok(Classifier {
            inner: Arc::new(Inner {
                model,
                rules: self.rules.unwrap_or_default(),
                privacy: privacy.build(),
                thresholds,
                locale: self.locale,
                max_batch_tokens: self.max_batch_tokens,
                limits: self.limits,
                assume_language: self.assume_language,
            }),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifier_is_send_sync_clone() {
        fn check<T: Send + Sync + Clone + 'static>() {}
        check::<Classifier>();
    }
}
