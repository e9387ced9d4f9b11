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
        let (added_single, added_pair) =
            tokenizer.get_post_processor().map_or((0, 0), |p| (p.added_tokens(false), p.added_tokens(true)));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{tiny_vocab, tokenizer_json};

    fn tokenizer() -> Tokenizer {
        Tokenizer::from_bytes(tokenizer_json(&tiny_vocab()).to_string()).unwrap()
    }

    const CLS: u32 = 2;
    const SEP: u32 = 3;

    #[test]
    fn short_posts_match_the_tokenizers_own_pair_encoding() {
        let tok = tokenizer();
        let encoder = WindowEncoder::new(tok.clone(), 24, 6);
        let single = encoder.encode(&Post::new("then do it")).unwrap();
        let expected = tok.encode("then do it", true).unwrap();
        assert_eq!(
            single,
            vec![Window { ids: expected.get_ids().to_vec(), type_ids: expected.get_type_ids().to_vec() }]
        );

        let post = Post::new("then do it").with_context("i keep thinking");
        let pair = encoder.encode(&post).unwrap();
        let expected = tok.encode(("i keep thinking", "then do it"), true).unwrap();
        assert_eq!(pair.len(), 1);
        assert_eq!(pair[0].ids, expected.get_ids());
        assert_eq!(pair[0].type_ids, expected.get_type_ids());
        assert_eq!(pair[0].type_ids, [0, 0, 0, 0, 0, 1, 1, 1, 1]);
    }

    #[test]
    fn long_posts_become_overlapping_windows_with_context_on_each() {
        let tok = tokenizer();
        let encoder = WindowEncoder::new(tok.clone(), 24, 6);
        let text = "you are so stupid and nobody likes you ".repeat(8); // 64 tokens
        let context = "i keep thinking about ending things and things and things"; // 10 tokens, cut to 6
        let text_ids = tok.encode(text.as_str(), false).unwrap().get_ids().to_vec();
        let context_ids = &tok.encode(context, false).unwrap().get_ids()[..6].to_vec();
        let windows = encoder.encode(&Post::new(text.clone()).with_context(context)).unwrap();
        assert!(windows.len() > 1);
        let mut covered = Vec::new();
        for (i, w) in windows.iter().enumerate() {
            assert!(w.ids.len() <= 24);
            assert_eq!(w.ids.len(), w.type_ids.len());
            assert_eq!(w.ids[0], CLS);
            assert_eq!(&w.ids[1..7], context_ids.as_slice(), "window {i} keeps the context");
            assert_eq!(w.ids[7], SEP);
            assert_eq!(*w.ids.last().unwrap(), SEP);
            assert!(w.type_ids[..8].iter().all(|&t| t == 0) && w.type_ids[8..].iter().all(|&t| t == 1));
            let part = &w.ids[8..w.ids.len() - 1];
            if i > 0 {
                // Consecutive windows overlap by the stride.
                assert_eq!(&covered[covered.len() - 6..], &part[..6], "window {i} overlap");
                covered.extend_from_slice(&part[6..]);
            } else {
                covered.extend_from_slice(part);
            }
        }
        // Nothing is cut: the windows cover the whole text, in order.
        assert_eq!(covered, text_ids);
    }

    #[test]
    fn empty_text_and_context() {
        let encoder = WindowEncoder::new(tokenizer(), 24, 6);
        assert_eq!(encoder.encode(&Post::new("")).unwrap(), vec![Window { ids: vec![CLS, SEP], type_ids: vec![0, 0] }]);
        assert_eq!(encoder.encode(&Post::new("").with_context("")).unwrap().len(), 1);
    }

    #[test]
    fn tokenizer_truncation_settings_are_ignored() {
        let mut tok = tokenizer();
        tok.with_truncation(Some(tokenizers::TruncationParams { max_length: 4, ..Default::default() })).unwrap();
        let encoder = WindowEncoder::new(tok, 24, 6);
        let windows = encoder.encode(&Post::new("you are so stupid and nobody likes you")).unwrap();
        assert_eq!(windows[0].ids.len(), 10);
    }
}
