//! The input type.

use serde::{Deserialize, Serialize};

/// A post to classify: its text, and optionally the message it replies to.
///
/// The model reads `context` and `text` as a sentence pair (context first,
/// `token_type_ids` 0 for the context and 1 for the text). The rules match
/// `text`, so every rule span points into it; the context only enables
/// reply-aware rules (`RuleSet::check_reply`). A context that is empty (or
/// tokenizes to nothing) counts as no context for the model.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Post {
    /// The post itself.
    pub text: String,
    /// The message this post replies to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
}

impl Post {
    /// A post without context.
    pub fn new(text: impl Into<String>) -> Self {
        Self { text: text.into(), context: None }
    }

    /// The same post as a reply to `context`.
    #[must_use]
    pub fn with_context(mut self, context: impl Into<String>) -> Self {
        self.context = Some(context.into());
        self
    }
}

impl From<&str> for Post {
    fn from(text: &str) -> Self {
        Self::new(text)
    }
}

impl From<String> for Post {
    fn from(text: String) -> Self {
        Self::new(text)
    }
}
