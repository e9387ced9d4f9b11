//! What [`RuleSet::check`](crate::RuleSet::check) returns.

use serde::{Deserialize, Serialize};

use crate::{Label, Severity};

/// One active rule match. `start..end` is a byte span of the ORIGINAL text, on char
/// boundaries, and `text == original[start..end]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RuleHit {
    /// The rule's id, e.g. `"bullying.kys"`.
    pub rule_id: String,
    /// The label the rule gives evidence for.
    pub label: Label,
    /// How strong the evidence is.
    pub severity: Severity,
    /// Byte offset of the first matched character in the original text.
    pub start: usize,
    /// Byte offset just past the last matched character in the original text.
    pub end: usize,
    /// The original text of the span (`original[start..end]`).
    pub text: String,
}

impl RuleHit {
    /// A hit of `rule_id` on `text`, found at `start..end` of the original text (for reports
    /// built by hand, e.g. to test a fusion of your own; the rule set builds its own).
    pub fn new(rule_id: &str, label: Label, severity: Severity, start: usize, end: usize, text: &str) -> Self {
        Self { rule_id: rule_id.to_owned(), label, severity, start, end, text: text.to_owned() }
    }

    /// The span as a range, for slicing the original text.
    pub fn span(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

/// A safe phrase, supportive or debunking marker. It tells the fusion to damp the model score
/// and the Medium/Low rule evidence for `labels` (never a `High` rule hit).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AllowHit {
    /// The allow entry's id, e.g. `"allow.supportive"`.
    pub id: String,
    /// Labels whose model score and rule evidence the fusion damps.
    pub labels: Vec<Label>,
    /// Byte offset of the span in the original text (char boundary).
    pub start: usize,
    /// End of the span in the original text (char boundary).
    pub end: usize,
    /// `original[start..end]`.
    pub text: String,
}

impl AllowHit {
    /// An allow marker `id` for `labels` on `text` at `start..end` of the original text (for
    /// reports built by hand).
    pub fn new(id: &str, labels: Vec<Label>, start: usize, end: usize, text: &str) -> Self {
        Self { id: id.to_owned(), labels, start, end, text: text.to_owned() }
    }

    /// The span as a range, for slicing the original text.
    pub fn span(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

/// A rule hit cancelled by its context (negation, debunking, recovery, figurative use,
/// quotation, reported speech, or a false-positive entry). Kept for explainability; it is
/// not evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SuppressedHit {
    /// The hit that would have been reported.
    pub hit: RuleHit,
    /// Why it was cancelled, e.g. `"negation: \"never\" before the match"`.
    pub reason: String,
}

/// Everything the rules found in one text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RuleReport {
    /// Active hits (evidence for the fusion), ordered by start offset.
    pub hits: Vec<RuleHit>,
    /// Allow-list / supportive / debunking markers, ordered by start offset.
    pub allows: Vec<AllowHit>,
    /// Hits cancelled by context, with reasons, ordered by start offset.
    pub suppressed: Vec<SuppressedHit>,
}

impl RuleReport {
    /// A report of `hits` and `allows` (each ordered by start offset) and no suppressed hits,
    /// for reports built by hand.
    pub fn new(hits: Vec<RuleHit>, allows: Vec<AllowHit>) -> Self {
        Self { hits, allows, suppressed: Vec::new() }
    }

    /// Active hits.
    pub fn hits(&self) -> &[RuleHit] {
        &self.hits
    }

    /// Allow markers.
    pub fn allows(&self) -> &[AllowHit] {
        &self.allows
    }

    /// Hits cancelled by context.
    pub fn suppressed(&self) -> &[SuppressedHit] {
        &self.suppressed
    }

    /// `true` when nothing at all was found (no hits, allows or suppressed hits).
    pub fn is_empty(&self) -> bool {
        self.hits.is_empty() && self.allows.is_empty() && self.suppressed.is_empty()
    }

    /// Active hits for one label.
    pub fn hits_for(&self, label: Label) -> impl Iterator<Item = &RuleHit> + '_ {
        self.hits.iter().filter(move |h| h.label == label)
    }

    /// The strongest active severity for `label`, if any hit exists.
    pub fn max_severity(&self, label: Label) -> Option<Severity> {
        self.hits_for(label).map(|h| h.severity).max()
    }

    /// Rule evidence for `label`: the largest [`Severity::weight`] among active hits, 0 if none.
    pub fn evidence(&self, label: Label) -> f32 {
        self.max_severity(label).map_or(0.0, Severity::weight)
    }

    /// Whether an active `High` hit exists for `label` (fusion flags it outright).
    pub fn has_high(&self, label: Label) -> bool {
        self.max_severity(label) == Some(Severity::High)
    }

    /// Whether some allow marker covers `label`.
    pub fn is_allowed(&self, label: Label) -> bool {
        self.allows.iter().any(|a| a.labels.contains(&label))
    }

    /// Whether an active hit of the given rule id exists.
    pub fn has_rule(&self, rule_id: &str) -> bool {
        self.hits.iter().any(|h| h.rule_id == rule_id)
    }
}
