//! Readable, auditable rules for postguard.
//!
//! The main types:
//!
//! - [`RuleSet`]: compiled rule packs (cheap to clone, `Send + Sync`); [`RuleSet::default`]
//!   is the embedded default pack, [`RuleSet::builder`] loads your own TOML packs.
//! - [`RuleReport`]: what [`RuleSet::check`] found: active [`RuleHit`]s, [`AllowHit`]s
//!   (supportive / debunking markers that damp the model and the rule evidence) and [`SuppressedHit`]s (hits
//!   cancelled by negation, debunking, recovery, quotes ..., each with a reason).
//! - [`Label`] and [`Severity`]: the taxonomy shared with the rest of postguard.
//! - [`RuleAudit`]: per-rule hits, precision and negative hit rate over labelled data,
//!   against the [`Floor`] of each severity.
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
//! # Rule packs
//!
//! Rules are data a trust-and-safety engineer can read and change: TOML packs, merged in
//! order (the embedded [`DEFAULT_PACK`] and [`DEFAULT_ALLOW_PACK`] first, unless
//! [`RuleSetBuilder::with_default_pack`] turns them off). A later pack overrides a rule,
//! allow entry or false-positive entry with the same id, and `pack.disable` removes ids.
//!
//! ```toml
//! [pack]
//! name = "my-community"
//! disable = ["bullying.insult"]            # drop rules from earlier packs by id
//!
//! [context]                                 # cue phrases, appended to earlier packs
//! negation = ["dont ever"]                  # also: self_negation, not_negation,
//!                                           # debunk_before, debunk_after, recovery_before,
//!                                           # recovery_after, reported, conditional,
//!                                           # self_reference, figurative_after, reset,
//!                                           # first_person, other_person, attribution,
//!                                           # lyrics, self_attribution
//! [[rule]]
//! id = "bullying.forum_insult"              # <label>.<name>
//! label = "bullying"                        # bullying | misinformation | unsafe_advice | crisis
//! severity = "medium"                       # high flags outright in fusion: unambiguous only
//! description = "What it catches and why"
//! phrases = ["{you|u} {absolute|total} {muppet|walnut}"]   # {a|b|} alternatives
//! patterns = ['nobody (likes|wants) you']  # regexes over the normalised text
//! context = ["negation", "quote"]           # optional, which context may cancel a hit
//! # when_context = "crisis"                 # optional: reply-only rule, see below
//! must_match = ["you total muppet", "u absolute walnut"]   # run as tests
//! must_not_match = ["a muppet movie", "walnut cake"]
//!
//! [[allow]]                                 # supportive / debunking marker -> AllowHit
//! id = "allow.forum"
//! labels = ["bullying", "crisis"]
//! phrases = ["sending hugs"]
//!
//! [[false_positive]]                        # cancels rule hits lying inside its match
//! id = "fp.forum"
//! labels = ["crisis"]                       # optional, default all labels
//! phrases = ["killed myself laughing"]
//! ```
//!
//! Phrases and text are normalised alike (see [`normalize()`]), so phrases are written in
//! plain lowercase English and match obfuscated spellings; matches are whole words only.
//! Context kinds: `negation`, `self_negation`, `debunk`, `recovery`, `reported`, `quote`,
//! `conditional`, `figurative`, `self_reference`, `first_person`, `attributed`. Defaults by label: bullying — negation,
//! reported, quote, conditional; misinformation — negation, debunk, reported, quote;
//! unsafe_advice — those plus conditional and recovery; crisis — self_negation, recovery,
//! narrowly-reported speech and `attributed` (quoted words attributed to a song, a book, a
//! survey or another person, or lyrics) only: a quote alone never cancels a crisis hit.
//!
//! Reply-aware rules: `when_context = "<label>"` makes a rule fire only in
//! [`RuleSet::check_reply`]`(text, Some(context))` when `context` (the message replied to)
//! itself has an active hit for that label — "then do it" is harmless alone and
//! encourages self-harm under "i keep thinking about ending things". [`RuleSet::check`]
//! (no context) never fires such rules. Spans are spans of the reply; negation and the other
//! context kinds still cancel the reply's hit. Their examples may be tables:
//! `must_match = [{ text = "then do it", context = "i want to die" }]`, plain strings
//! are checked without context.
//!
//! ```
//! use postguard_rules::{Label, RuleSet};
//!
//! let mut builder = RuleSet::builder();
//! builder.add_pack_str("forum", r#"
//!     [[rule]]
//!     id = "bullying.forum_insult"
//!     label = "bullying"
//!     severity = "medium"
//!     phrases = ["{you|u} {absolute|total} {muppet|walnut}"]
//!     must_match = ["you total muppet", "u absolute walnut"]
//!     must_not_match = ["a muppet movie", "walnut cake"]
//! "#)?;
//! let rules = builder.build()?;
//! assert!(rules.test_examples().is_empty());
//! assert!(rules.check("y0u ᴛᴏᴛᴀʟ m u p p e t").has_rule("bullying.forum_insult"));
//! # Ok::<(), postguard_rules::RulesError>(())
//! ```
//!
//! `check` is allocation-light (per-thread reusable buffers, ASCII fast path) and runs in
//! time linear in the text; matching uses one Aho-Corasick automaton for all phrases and a
//! `RegexSet` for patterns, compiled once per [`RuleSet`].

#![warn(missing_docs)]

mod audit;
mod context;
mod engine;
mod error;
mod label;
mod normalize;
mod pack;
mod pii_fold;
pub mod privacy;
mod report;

pub use audit::{AuditRow, Floor, RuleAudit};
pub use engine::{
    DEFAULT_ALLOW_PACK, DEFAULT_PACK, ExampleFailure, LANGUAGE_PACKS, ReplyExample, RuleInfo, RuleSet, RuleSetBuilder,
};
pub use error::RulesError;
pub use label::{Label, Severity};
pub use normalize::normalize;
pub use privacy::{PiiDetector, PiiDetectorBuilder, PiiFinding, PiiKind, Whose, redact};
pub use report::{AllowHit, RuleHit, RuleReport, SuppressedHit};
