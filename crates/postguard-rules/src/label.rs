//! The label taxonomy and rule severities shared by every postguard crate.
//!
//! The taxonomy is the one table in [`taxonomy!`] below: every list of labels in postguard
//! (score arrays, JSON keys, CSV columns, error messages, CLI colours, Python's `LABELS`, the
//! context cues a rule gets by default) is derived from it through [`Label::ALL`] and the
//! methods of [`Label`]. Growing the taxonomy means adding a row here and rules for the new label
//! in a pack; the `extra-label` feature adds a `spam` row to show exactly that (it exists for the
//! tests that run the extended taxonomy end to end, and is never on in a release).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::RulesError;
use crate::pack::ContextKind;

/// Defines [`Label`] and everything derived from its rows. Each row: doc comment, an optional
/// `#[cfg(..)]`, the variant, its snake_case name, whether a flag is a violation, and the
/// context cues that cancel a hit of a rule for that label unless the rule lists its own.
macro_rules! taxonomy {
    ($(
        $(#[cfg($cfg:meta)])?
        $(#[doc = $doc:literal])*
        $variant:ident = $name:literal {
            violation: $violation:expr,
            contexts: [$($context:ident),* $(,)?] $(,)?
        }
    ),+ $(,)?) => {
        /// What a post is flagged for.
        ///
        /// `Bullying`, `Misinformation`, `UnsafeAdvice` and `Privacy` are violations. `Crisis` means the
        /// *author* may be at risk of suicide or self-harm: it is flagged so the post can be
        /// routed to help, and it is never a violation (see [`Label::is_violation`]).
        ///
        /// Serialised by [`Label::as_str`] (`"unsafe_advice"`). The set of labels grows (see the
        /// module docs), so match on a label with a wildcard arm.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Label {
            $( $(#[cfg($cfg)])? $(#[doc = $doc])* $variant, )+
        }

        impl Label {
            const LIST: &'static [Label] = &[$( $(#[cfg($cfg)])? Label::$variant, )+];

            /// The names of [`Label::ALL`], in that order.
            pub const NAMES: &'static [&'static str] = &[$( $(#[cfg($cfg)])? $name, )+];

            /// How many labels there are.
            pub const COUNT: usize = Self::LIST.len();

            /// All labels, in the order used for score arrays everywhere in postguard.
            pub const ALL: [Label; Self::COUNT] = {
                let mut all = [Self::LIST[0]; Self::COUNT];
                let mut i = 0;
                while i < Self::COUNT {
                    all[i] = Self::LIST[i];
                    i += 1;
                }
                all
            };

            /// The snake_case name used in JSON, TOML, CSV headers and the CLI
            /// (`"unsafe_advice"`).
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( $(#[cfg($cfg)])? Label::$variant => $name, )+
                }
            }

            /// Whether a flag for this label is a content violation. `false` for
            /// [`Label::Crisis`]: a person in crisis is routed to help, never punished.
            pub const fn is_violation(self) -> bool {
                match self {
                    $( $(#[cfg($cfg)])? Label::$variant => $violation, )+
                }
            }

            /// The context cues that cancel a hit of a rule for this label, unless the rule
            /// names its own.
            pub(crate) fn default_contexts(self) -> &'static [ContextKind] {
                #[allow(unused_imports)]
                use ContextKind::*;
                match self {
                    $( $(#[cfg($cfg)])? Label::$variant => &[$($context),*], )+
                }
            }
        }
    };
}

taxonomy! {
    /// Harassment, telling someone to harm themselves, threats, mocking mental illness.
    Bullying = "bullying" {
        violation: true,
        contexts: [Negation, Reported, Quote, Conditional],
    },
    /// Well-known false claims about mental health and medicine.
    Misinformation = "misinformation" {
        violation: true,
        contexts: [Negation, Debunk, Reported, Quote, Conditional],
    },
    /// Advice that can hurt someone: stopping medication abruptly, mixing sedatives with
    /// alcohol, pro-eating-disorder tips, discouraging crisis lines.
    UnsafeAdvice = "unsafe_advice" {
        violation: true,
        contexts: [Negation, Debunk, Reported, Quote, Conditional, Recovery],
    },
    /// The author may be at risk of suicide or self-harm (not a violation).
    ///
    /// Missing a person in crisis is the worst failure, so only narrow cues cancel a crisis hit:
    /// a quote alone never does (a quoted "I want to die" still gets help); only quoted words
    /// attributed to a song, a book or another person do.
    Crisis = "crisis" {
        violation: false,
        contexts: [SelfNegation, Recovery, Reported, Attributed],
    },
    /// Someone else's personal information made public: their phone number, address, email,
    /// ID numbers and the like ("her number is ...", "he lives at ..."). Flagged from the PII
    /// detectors' findings (see [`crate::privacy`]), never by the model; the author's own details
    /// get a notice instead (see the verdict's `privacy_notice`).
    Privacy = "privacy" {
        violation: true,
        contexts: [],
    },
    #[cfg(feature = "extra-label")]
    /// Unsolicited advertising: the demonstration row of the `extra-label` feature, which tests
    /// use to run an extended taxonomy end to end.
    Spam = "spam" {
        violation: true,
        contexts: [Negation, Reported, Quote],
    },
}

impl Label {
    /// Position of this label in [`Label::ALL`].
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The label names joined for messages: `"bullying, misinformation, unsafe_advice, crisis, privacy"`.
    pub fn name_list() -> String {
        Self::NAMES.join(", ")
    }
}

impl Serialize for Label {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Label {
    /// Exactly one of [`Label::NAMES`] (the lenient spellings are for [`FromStr`]).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Label;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "a label name ({})", Label::name_list())
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Label, E> {
                Label::ALL.into_iter().find(|l| l.as_str() == v).ok_or_else(|| E::unknown_variant(v, Label::NAMES))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Label {
    type Err = RulesError;

    /// Parses a name of [`Label::NAMES`] (`"unsafe_advice"`, also `"unsafe-advice"`), ignoring
    /// ASCII case and surrounding whitespace.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        Label::ALL
            .into_iter()
            .find(|l| t.eq_ignore_ascii_case(l.as_str()) || t.replace('-', "_").eq_ignore_ascii_case(l.as_str()))
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
        assert_eq!("Unsafe-Advice".parse::<Label>().unwrap(), Label::UnsafeAdvice);
        assert!("spam".parse::<Label>().is_err());
        assert!(!Label::Crisis.is_violation());
        assert!(Label::Bullying.is_violation());
    }

    #[test]
    fn severity_order_and_weights() {
        assert!(Severity::Low < Severity::Medium && Severity::Medium < Severity::High);
        assert_eq!(Severity::High.weight(), 0.9);
        assert_eq!("HIGH".parse::<Severity>().unwrap(), Severity::High);
        assert_eq!(serde_json::to_string(&Severity::Medium).unwrap(), "\"medium\"");
    }
}
