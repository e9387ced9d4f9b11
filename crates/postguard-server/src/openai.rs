//! The response of `POST /v1/moderations` in OpenAI's shape.
//!
//! | OpenAI category | from postguard |
//! |---|---|
//! | `harassment` | `bullying` |
//! | `self-harm`, `self-harm/intent` | `crisis` (route to help: not a violation) |
//! | `self-harm/instructions` | `unsafe_advice` |
//! | the other ten | not covered: `false`, score 0 |
//!
//! `flagged` is true when any postguard label is flagged, `misinformation` and `privacy` (which
//! have no OpenAI category) included; the whole verdict is in each result's `postguard` field.

use postguard::{Label, Verdict};
use serde::Serialize;

/// OpenAI's thirteen categories, one value each.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub(crate) struct Categories<T> {
    pub(crate) harassment: T,
    #[serde(rename = "harassment/threatening")]
    pub(crate) harassment_threatening: T,
    pub(crate) hate: T,
    #[serde(rename = "hate/threatening")]
    pub(crate) hate_threatening: T,
    pub(crate) illicit: T,
    #[serde(rename = "illicit/violent")]
    pub(crate) illicit_violent: T,
    #[serde(rename = "self-harm")]
    pub(crate) self_harm: T,
    #[serde(rename = "self-harm/intent")]
    pub(crate) self_harm_intent: T,
    #[serde(rename = "self-harm/instructions")]
    pub(crate) self_harm_instructions: T,
    pub(crate) sexual: T,
    #[serde(rename = "sexual/minors")]
    pub(crate) sexual_minors: T,
    pub(crate) violence: T,
    #[serde(rename = "violence/graphic")]
    pub(crate) violence_graphic: T,
}

/// Which postguard label each covered OpenAI category reads (the table above), for
/// `GET /v1/model` and the README.
pub(crate) const MAPPING: &[(&str, Label)] = &[
    ("harassment", Label::Bullying),
    ("self-harm", Label::Crisis),
    ("self-harm/intent", Label::Crisis),
    ("self-harm/instructions", Label::UnsafeAdvice),
];

impl<T: Copy + Default> Categories<T> {
    /// Each covered category from its label (as [`MAPPING`] lists), the others `T::default()`.
    fn from_labels(f: impl Fn(Label) -> T) -> Self {
        Self {
            harassment: f(Label::Bullying),
            self_harm: f(Label::Crisis),
            self_harm_intent: f(Label::Crisis),
            self_harm_instructions: f(Label::UnsafeAdvice),
            ..Self::default()
        }
    }
}

/// The input types each category was judged on (OpenAI's `category_applied_input_types`):
/// `["text"]` for the covered categories, `[]` for the others.
fn applied() -> Categories<&'static [&'static str]> {
    const TEXT: &[&str] = &["text"];
    Categories {
        harassment: TEXT,
        self_harm: TEXT,
        self_harm_intent: TEXT,
        self_harm_instructions: TEXT,
        ..Categories::default()
    }
}

/// One result of a moderation response.
#[derive(Debug, Serialize)]
pub(crate) struct ModerationResult<'a> {
    pub(crate) flagged: bool,
    pub(crate) categories: Categories<bool>,
    pub(crate) category_scores: Categories<f32>,
    pub(crate) category_applied_input_types: Categories<&'static [&'static str]>,
    /// postguard's verdict (the JSON of `postguard check --json`): every label's scores, rule
    /// hits with spans, help resources for a crisis, personal information found.
    pub(crate) postguard: &'a Verdict,
}

impl<'a> ModerationResult<'a> {
    pub(crate) fn new(v: &'a Verdict) -> Self {
        Self {
            flagged: !v.flagged().is_empty(),
            categories: Categories::from_labels(|l| v.is_flagged(l)),
            category_scores: Categories::from_labels(|l| v.label(l).fused),
            category_applied_input_types: applied(),
            postguard: v,
        }
    }
}

/// The whole response.
#[derive(Debug, Serialize)]
pub(crate) struct ModerationResponse<'a> {
    pub(crate) id: String,
    pub(crate) model: String,
    pub(crate) results: Vec<ModerationResult<'a>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The categories filled from labels are exactly the ones [`MAPPING`] (and so the README and
    /// `GET /v1/model`) lists, each from the label it names.
    #[test]
    fn the_mapping_table_matches_the_fields() {
        let named = Categories::from_labels(|l| Some(l.as_str()));
        let v = serde_json::to_value(named).unwrap();
        let filled: Vec<(String, String)> =
            v.as_object().unwrap().iter().filter_map(|(k, l)| Some((k.clone(), l.as_str()?.to_owned()))).collect();
        let mut want: Vec<(String, String)> =
            MAPPING.iter().map(|(c, l)| ((*c).to_owned(), l.as_str().to_owned())).collect();
        want.sort();
        let mut filled = filled;
        filled.sort();
        assert_eq!(filled, want);
        assert_eq!(v.as_object().unwrap().len(), 13, "OpenAI's 13 categories");
    }
}
