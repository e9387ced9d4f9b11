//! The label taxonomy and rule severities shared by every postguard crate.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::RulesError;

/// What a post is flagged for.
///
/// `Bullying`, `Misinformation` and `UnsafeAdvice` are violations. `Crisis` means the
/// *author* may be at risk of suicide or self-harm: it is flagged so the post can be routed
/// to help, and it is never a violation (see [`Label::is_violation`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Label {
    /// Harassment, telling someone to harm themselves, threats, mocking mental illness.
    Bullying,
    /// Well-known false claims about mental health and medicine.
    Misinformation,
    /// Advice that can hurt someone: stopping medication abruptly, mixing sedatives with
    /// alcohol, pro-eating-disorder tips, discouraging crisis lines.
    UnsafeAdvice,
    /// The author may be at risk of suicide or self-harm (not a violation).
    Crisis,
}

impl Label {
    /// All labels, in the order used for score arrays everywhere in postguard.
    pub const ALL: [Label; 4] = [
        Label::Bullying,
        Label::Misinformation,
        Label::UnsafeAdvice,
        Label::Crisis,
    ];

    /// The snake_case name used in JSON, TOML and the CLI (`"unsafe_advice"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Label::Bullying => "bullying",
            Label::Misinformation => "misinformation",
            Label::UnsafeAdvice => "unsafe_advice",
            Label::Crisis => "crisis",
        }
    }

    /// Whether a flag for this label is a content violation. `false` only for
    /// [`Label::Crisis`]: a person in crisis is routed to help, never punished.
    pub const fn is_violation(self) -> bool {
        !matches!(self, Label::Crisis)
    }

    /// Position of this label in [`Label::ALL`].
    pub const fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Label {
    type Err = RulesError;

    /// Parses `"bullying"`, `"misinformation"`, `"unsafe_advice"` (also `"unsafe-advice"`)
    /// or `"crisis"`, ignoring ASCII case and surrounding whitespace.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        Label::ALL
            .into_iter()
            .find(|l| {
                t.eq_ignore_ascii_case(l.as_str())
                    || t.replace('-', "_").eq_ignore_ascii_case(l.as_str())
            })
            .ok_or_else(|| RulesError::UnknownLabel(s.to_owned()))
    }
}

/// How strong one rule hit is as evidence. Ordered `Low < Medium < High`.
///
/// In fusion, a `High` hit flags its label outright, so `High` is reserved for
/// unambiguous patterns; `Medium` and `Low` only add evidence ([`Severity::weight`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Weak evidence (weight 0.35).
    Low,
    /// Moderate evidence (weight 0.6).
    Medium,
    /// Unambiguous: flags the label regardless of the model (weight 0.9).
    High,
}

impl Severity {
    /// Evidence weight used by the fusion's noisy-OR: Low 0.35, Medium 0.6, High 0.9.
    pub const fn weight(self) -> f32 {
        match self {
            Severity::Low => 0.35,
            Severity::Medium => 0.6,
            Severity::High => 0.9,
        }
    }

    /// The lowercase name used in JSON and TOML (`"high"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = RulesError;

    /// Parses `"low"`, `"medium"` or `"high"`, ignoring ASCII case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        [Severity::Low, Severity::Medium, Severity::High]
            .into_iter()
            .find(|v| t.eq_ignore_ascii_case(v.as_str()))
            .ok_or_else(|| RulesError::UnknownSeverity(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_names_round_trip() {
        for l in Label::ALL {
            assert_eq!(l.as_str().parse::<Label>().unwrap(), l);
            assert_eq!(serde_json::to_string(&l).unwrap(), format!("\"{l}\""));
        }
        assert_eq!(
            "Unsafe-Advice".parse::<Label>().unwrap(),
            Label::UnsafeAdvice
        );
        assert!("spam".parse::<Label>().is_err());
        assert!(!Label::Crisis.is_violation());
        assert!(Label::Bullying.is_violation());
    }

    #[test]
    fn severity_order_and_weights() {
        assert!(Severity::Low < Severity::Medium && Severity::Medium < Severity::High);
        assert_eq!(Severity::High.weight(), 0.9);
        assert_eq!("HIGH".parse::<Severity>().unwrap(), Severity::High);
        assert_eq!(
            serde_json::to_string(&Severity::Medium).unwrap(),
            "\"medium\""
        );
    }
}
