//! Posts to model inputs: sentence-pair encoding and overlapping windows.

use tokenizers::{Encoding, PostProcessor, Tokenizer, TruncationDirection};

use crate::{Error, Post, Result};

/// One model input: `[CLS] context [SEP] text-window [SEP]` (or
/// `[CLS] text-window [SEP]` without context), as the tokenizer's own
/// post-processor lays it out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Window {
    pub(crate) ids: Vec<u32>,
    pub(crate) type_ids: Vec<u32>,
}

/// Splits posts into windows of at most `max_tokens` tokens.
#[derive(Debug, Clone)]
pub(crate) struct WindowEncoder {
    tokenizer: Tokenizer,
    max_tokens: usize,
    stride: usize,
    added_single: usize,
    added_pair: usize,
}

impl WindowEncoder {
    /// `max_tokens >= MIN_MAX_TOKENS` and `stride < max_tokens` are checked by the caller.
    pub(crate) fn new(mut tokenizer: Tokenizer, max_tokens: usize, stride: usize) -> Self {
        // Windows are cut here, and batches padded here: the tokenizer's own
        // truncation and padding (if tokenizer.json configures them) would
        // silently drop text.
        let _ = tokenizer.with_truncation(None);
        tokenizer.with_padding(None);
        let (added_single, added_pair) = tokenizer
            .get_post_processor()
            .map_or((0, 0), |p| (p.added_tokens(false), p.added_tokens(true)));
        Self { tokenizer, max_tokens, stride, added_single, added_pair }
    }

    /// Most context tokens kept: a quarter of the window, so that the post
    /// itself always gets most of it. The context is cut at its end.
    pub(crate) fn context_budget(&self) -> usize {
        self.max_tokens / 4
    }

    /// The windows of one post, in text order (at least one).
    pub(crate) fn encode(&self, post: &Post) -> Result<Vec<Window>> {
        let mut text = self.tokenizer.encode_fast(post.text.as_str(), false).map_err(Error::Tokenize)?;
        let context = match post.context.as_deref() {
            Some(context) => {
                let mut encoding = self.tokenizer.encode_fast(context, false).map_err(Error::Tokenize)?;
                encoding.truncate(self.context_budget(), 0, TruncationDirection::Right);
                // truncate() keeps the cut-off tail as "overflowing" encodings,
                // which the post-processor would turn into extra sequences.
                drop(encoding.take_overflowing());
                (!encoding.is_empty()).then_some(encoding)
            }
            None => None,
        };
        let added = if context.is_some() { self.added_pair } else { self.added_single };
        let context_len = context.as_ref().map_or(0, Encoding::len);
        // max_tokens >= 8 leaves at least 8 - 3 - 2 = 3 tokens of text.
        let budget = self.max_tokens.saturating_sub(added + context_len).max(1);
        // The overlap may not swallow the window: keep the step at least half of it.
        let stride = self.stride.min(budget / 2);
        text.truncate(budget, stride, TruncationDirection::Right);
        let rest = text.take_overflowing();
        let mut windows = Vec::with_capacity(1 + rest.len());
        for part in std::iter::once(text).chain(rest) {
            let encoding = match &context {
                Some(context) => self.tokenizer.post_process(context.clone(), Some(part), true),
                None => self.tokenizer.post_process(part, None, true),
            }
            .map_err(Error::Tokenize)?;
            windows.push(Window { ids: encoding.get_ids().to_vec(), type_ids: encoding.get_type_ids().to_vec() });
        }
        Ok(windows)
    }
}
