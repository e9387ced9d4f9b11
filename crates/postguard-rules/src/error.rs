//! The crate's one error type.

use std::path::PathBuf;

/// Everything that can go wrong while loading or compiling rule packs.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RulesError {
    /// A pack file could not be read.
    #[error("cannot read rule pack {path}")]
    Io {
        /// The file that failed.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A pack is not valid TOML or does not follow the pack schema.
    #[error("rule pack `{pack}` is not valid: {source}")]
    Parse {
        /// The pack's name (as given to the builder).
        pack: String,
        /// The TOML error, which names the failing line.
        #[source]
        source: Box<toml::de::Error>,
    },
    /// A `patterns` entry is not a valid regular expression.
    #[error("rule `{id}` in pack `{pack}`: invalid regex `{pattern}`")]
    Regex {
        /// The pack's name.
        pack: String,
        /// The rule or allow-entry id.
        id: String,
        /// The offending pattern as written.
        pattern: String,
        /// The regex compiler's error.
        #[source]
        source: Box<regex::Error>,
    },
    /// A rule, allow entry or false-positive entry is malformed (no patterns, empty id,
    /// duplicate id inside one pack, a phrase template that expands too far, ...).
    #[error("entry `{id}` in pack `{pack}`: {reason}")]
    InvalidEntry {
        /// The pack's name.
        pack: String,
        /// The entry id (may be empty when the id itself is the problem).
        id: String,
        /// What is wrong.
        reason: String,
    },
    /// The phrase automaton could not be built (far too many phrases).
    #[error("cannot build the phrase matcher")]
    Automaton(#[source] aho_corasick::BuildError),
    /// A string is not one of the label names.
    #[error("unknown label `{0}` (expected one of {labels})", labels = crate::Label::name_list())]
    UnknownLabel(String),
    /// A string is not one of the severity names.
    #[error("unknown severity `{0}` (expected low, medium or high)")]
    UnknownSeverity(String),
}
