//! Readable, auditable rules for postguard.
//!
//! The main types:
//!
//! - [`RuleSet`]: compiled rule packs (cheap to clone, `Send + Sync`); [`RuleSet::default`]
//!   is the embedded default pack, [`RuleSet::builder`] loads your own TOML packs.
//! - [`RuleReport`]: what [`RuleSet::check`] found: active [`RuleHit`]s, [`AllowHit`]s
//!   (supportive / debunking markers that damp the model) and [`SuppressedHit`]s (hits
//!   cancelled by negation, debunking, recovery, quotes ..., each with a reason).
//! - [`Label`] and [`Severity`]: the taxonomy shared with the rest of postguard.
//!
//! ```
//! use postguard_rules::{Label, RuleSet, Severity};
//!
//! let rules = RuleSet::default();
//!
//! // Obfuscated abuse is normalised before matching; the span points at the original.
//! let text = "lol just k y s";
//! let report = rules.check(text);
//! let hit = &report.hits()[0];
//! assert_eq!(hit.rule_id, "bullying.kys");
//! assert_eq!((hit.label, hit.severity), (Label::Bullying, Severity::High));
//! assert_eq!(&text[hit.start..hit.end], "k y s");
//!
//! // First person is crisis (routed to help), never bullying.
//! let report = rules.check("i just want to kill myself");
//! assert!(report.has_high(Label::Crisis));
//! assert!(report.hits_for(Label::Bullying).next().is_none());
//!
//! // Debunking a myth is not misinformation: the hit is suppressed, with a reason.
//! let report = rules.check("It's a myth that antidepressants are just placebos.");
//! assert!(report.hits_for(Label::Misinformation).next().is_none());
//! assert!(report.suppressed()[0].reason.starts_with("debunking"));
//! assert!(report.is_allowed(Label::Misinformation));
//! ```
//!
//! Packs are TOML: rules (id, label, severity, phrases with `{a|b}` alternatives, regexes
//! on the normalised text, examples that must / must not match), allow entries and
//! false-positive entries. See `packs/default.toml` and `packs/allow.toml` in this crate,
//! and [`normalize()`] for what the matchers see.

#![warn(missing_docs)]

mod context;
mod engine;
mod error;
mod label;
mod normalize;
mod pack;
mod report;

pub use engine::{
    DEFAULT_ALLOW_PACK, DEFAULT_PACK, ExampleFailure, RuleInfo, RuleSet, RuleSetBuilder,
};
pub use error::RulesError;
pub use label::{Label, Severity};
pub use normalize::normalize;
pub use report::{AllowHit, RuleHit, RuleReport, SuppressedHit};
