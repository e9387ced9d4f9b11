#![doc = include_str!("../README.md")]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod classifier;
mod error;
pub mod fusion;
mod labels;
pub mod language;
mod model;
mod post;
mod resources;
#[cfg(any(test, feature = "test-util"))]
pub mod testing;
mod verdict;

pub use classifier::{
    Classifier, ClassifierBuilder, DEFAULT_MAX_BATCH_TOKENS, DEFAULT_MAX_POST_BYTES, DEFAULT_MAX_RULE_HITS, ModelScores,
};
pub use error::{Error, Result};
pub use labels::PerLabel;
pub use language::Language;
pub use model::fast::{Int8Kernel, Precision};
pub use model::files::{
    CONFIG_FILE, HubModel, ModelSource, SETTINGS_FILE, TOKENIZER_FILE, WEIGHTS_FILE, hf_hub_cache_dir, hf_hub_offline,
};
pub use post::Post;
pub use resources::{HelpResource, has_regional_resources, help_resources, help_resources_for, is_locale_tag};
pub use verdict::{LabelScore, Limited, ModelInfo, Verdict};

/// The rules crate, for rule packs and reports.
pub use postguard_rules as rules;
pub use postguard_rules::{
    AllowHit, Label, PiiDetector, PiiFinding, PiiKind, RuleHit, RuleInfo, RuleReport, RuleSet, Severity, SuppressedHit,
    Whose, redact,
};
