//! Load-time checks that `tokenizer.json` is the tokenizer the model was exported with.
//!
//! A tokenizer that loads but is not the model's own (two ids swapped, a shortened vocabulary,
//! another tokenizer model, lowercasing turned off) does not fail anywhere else: the model
//! scores whatever ids it is given, and the scores are garbage. [`check`] refuses it:
//!
//! 1. the vocabulary size, 1 + the largest token id (added tokens included), must equal the
//!    rows of the model's word embeddings (`config.json` `vocab_size`, which the weights are
//!    checked against);
//! 2. the special tokens must agree: `[PAD]`'s id with `config.json` `pad_token_id`; each
//!    token the post-processor adds with the vocabulary (an added token's id in tokenizer.json
//!    is ignored by the tokenizers library when the model's vocabulary has the token); a BERT vocabulary (one with `[CLS]` and `[SEP]`)
//!    must frame a text as `[CLS] text [SEP]`; a WordPiece `unk_token` must be in the vocabulary;
//! 3. when `postguard.json` has a `tokenizer` entry (the export pipeline writes one, see
//!    [`TokenizerRecord`]): the fixed text must tokenise to the recorded ids and the vocabulary
//!    must hash to the recorded `vocab_sha256`.
//!
//! An export without a `tokenizer` entry (older or third-party directories) gets checks 1 and
//! 2 only.

use std::collections::HashMap;
use std::path::Path;

use tokenizers::{ModelWrapper, NormalizedString, Normalizer, Tokenizer};

use crate::model::config::{ModelConfig, TokenizerRecord};
use crate::{Error, Result};

/// The text whose token ids the export records: upper and mixed case (lowercasing), accents
/// (accent stripping), digits, punctuation, an emoji (`[UNK]`), a hashtag and a handle.
#[cfg(any(test, feature = "test-util"))]
pub(crate) const FINGERPRINT_TEXT: &str = "YOU are a Pathetic LOSER... Café naïve 2024 😊 #help @Someone";

/// Lower-case hex SHA-256 of the vocabulary: every token (added tokens included) sorted by id,
/// then by token, each followed by `\n`, UTF-8.
#[cfg(any(test, feature = "test-util"))]
pub(crate) fn vocab_sha256(tokenizer: &Tokenizer) -> String {
    vocab_sha256_of(tokenizer.get_vocab(true))
}

/// [`vocab_sha256`] of a `get_vocab(true)` map.
fn vocab_sha256_of(vocab: HashMap<String, u32>) -> String {
    let mut vocab: Vec<(u32, String)> = vocab.into_iter().map(|(token, id)| (id, token)).collect();
    vocab.sort_unstable();
    let mut text = String::with_capacity(vocab.len() * 8);
    for (_, token) in &vocab {
        text.push_str(token);
        text.push('\n');
    }
    crate::model::sha256_hex(text.as_bytes())
}

/// What an export records of `tokenizer` (truncation and padding must be off).
#[cfg(any(test, feature = "test-util"))]
pub(crate) fn record(tokenizer: &Tokenizer) -> Result<TokenizerRecord> {
    let encoding = tokenizer.encode(FINGERPRINT_TEXT, true).map_err(Error::Tokenize)?;
    Ok(TokenizerRecord {
        vocab_sha256: vocab_sha256(tokenizer),
        fingerprint_text: FINGERPRINT_TEXT.to_owned(),
        fingerprint_ids: encoding.get_ids().to_vec(),
    })
}

/// Checks `tokenizer` (read from `path`, truncation and padding off) against the model's
/// `config` and, if the export recorded one, its `record` (see the module documentation).
pub(crate) fn check(
    tokenizer: &Tokenizer,
    path: &Path,
    config: &ModelConfig,
    record: Option<&TokenizerRecord>,
) -> Result<()> {
    let vocab = tokenizer.get_vocab(true);
    // Ids, not distinct tokens: a vocabulary may leave an id unused (the embedding row is
    // still there); what must agree is the id space.
    let tokenizer_vocab = vocab.values().max().map_or(0, |&id| id as usize + 1);
    if tokenizer_vocab != config.bert.vocab_size {
        return Err(Error::TokenizerMismatch {
            path: path.to_owned(),
            tokenizer_vocab,
            model_vocab: config.bert.vocab_size,
        });
    }
    let differs = |reason: String| Error::TokenizerDiffers { path: path.to_owned(), reason };
    special_tokens(tokenizer, config).map_err(differs)?;
    if let Some(record) = record {
        fingerprint(tokenizer, vocab, record).map_err(differs)?;
    }
    Ok(())
}

fn model_kind(tokenizer: &Tokenizer) -> &'static str {
    match tokenizer.get_model() {
        ModelWrapper::BPE(_) => "BPE",
        ModelWrapper::WordPiece(_) => "WordPiece",
        ModelWrapper::WordLevel(_) => "WordLevel",
        ModelWrapper::Unigram(_) => "Unigram",
    }
}

fn special_tokens(tokenizer: &Tokenizer, config: &ModelConfig) -> std::result::Result<(), String> {
    let pad = config.bert.pad_token_id;
    if let Some(id) = tokenizer.token_to_id("[PAD]")
        && id as usize != pad
    {
        return Err(format!("[PAD] is id {id} in its vocabulary but config.json pad_token_id is {pad}"));
    }
    let tokenize = |what: &str, e: tokenizers::Error| format!("cannot encode {what}: {e}");
    let single = tokenizer.encode("", true).map_err(|e| tokenize("an empty text", e))?;
    let pair = tokenizer.encode(("", ""), true).map_err(|e| tokenize("an empty pair", e))?;
    for encoding in [&single, &pair] {
        for (token, &id) in encoding.get_tokens().iter().zip(encoding.get_ids()) {
            match tokenizer.token_to_id(token) {
                Some(own) if own == id => {}
                Some(own) => {
                    return Err(format!(
                        "its post-processor adds {token:?} as id {id} but its vocabulary has {token:?} at id {own}"
                    ));
                }
                None => {
                    return Err(format!("its post-processor adds {token:?} (id {id}), which is not in its vocabulary"));
                }
            }
        }
    }
    if let (Some(cls), Some(sep)) = (tokenizer.token_to_id("[CLS]"), tokenizer.token_to_id("[SEP]"))
        && single.get_ids() != [cls, sep]
    {
        return Err(format!(
            "its post-processor frames a text as {:?} {:?}; a BERT model expects [CLS] text [SEP], ids [{cls}, {sep}]",
            single.get_tokens(),
            single.get_ids()
        ));
    }
    if let ModelWrapper::WordPiece(wordpiece) = tokenizer.get_model()
        && tokenizer.token_to_id(&wordpiece.unk_token).is_none()
    {
        return Err(format!("its WordPiece unk_token {:?} is not in its vocabulary", wordpiece.unk_token));
    }
    Ok(())
}

fn fingerprint(
    tokenizer: &Tokenizer,
    vocab: HashMap<String, u32>,
    record: &TokenizerRecord,
) -> std::result::Result<(), String> {
    let text = record.fingerprint_text.as_str();
    let encoding =
        tokenizer.encode(text, true).map_err(|e| format!("cannot encode postguard.json's fixed text {text:?}: {e}"))?;
    let ids = encoding.get_ids();
    let vocab = vocab_sha256_of(vocab);
    if ids != record.fingerprint_ids.as_slice() {
        let recorded = &record.fingerprint_ids;
        let at = ids.iter().zip(recorded).take_while(|(a, b)| a == b).count();
        let found = match ids.get(at) {
            Some(id) => format!("id {id} ({:?})", encoding.get_tokens()[at]),
            None => "nothing (the text ends)".to_owned(),
        };
        let expected = match recorded.get(at) {
            Some(id) => match tokenizer.id_to_token(*id) {
                Some(token) => format!("id {id} ({token:?} in this vocabulary)"),
                None => format!("id {id}"),
            },
            None => "nothing (the text ended)".to_owned(),
        };
        let mut hints = Vec::new();
        if vocab != record.vocab_sha256 {
            hints.push(format!(
                "the vocabulary differs too: its tokens sorted by id hash to {vocab}, the export's to {}",
                record.vocab_sha256
            ));
        }
        let kind = model_kind(tokenizer);
        if kind != "WordPiece" {
            hints.push(format!("its model is {kind}, not the WordPiece of a BERT tokenizer"));
        }
        if let Some(normalized) = keeps_upper_case(tokenizer, text, recorded) {
            hints.push(format!("was lowercasing turned off? the normalizer leaves {normalized:?}"));
        }
        let hints = if hints.is_empty() { String::new() } else { format!(" ({})", hints.join("; ")) };
        return Err(format!(
            "postguard.json's fixed text {text:?} tokenises to {ids:?} where the export recorded {recorded:?}: \
             at position {at} it gives {found} where the export had {expected}{hints}"
        ));
    }
    if vocab != record.vocab_sha256 {
        return Err(format!(
            "its vocabulary (tokens sorted by id) has sha256 {vocab} where postguard.json records {} from the export: \
             tokens were renumbered, replaced, added or removed",
            record.vocab_sha256
        ));
    }
    Ok(())
}

/// The normalised `text` when it keeps upper-case letters although every recorded token is
/// lower case (an uncased model whose tokenizer no longer lowercases); else `None`.
fn keeps_upper_case(tokenizer: &Tokenizer, text: &str, recorded: &[u32]) -> Option<String> {
    let normalized = match tokenizer.get_normalizer() {
        Some(normalizer) => {
            let mut normalized = NormalizedString::from(text);
            normalizer.normalize(&mut normalized).ok()?;
            normalized.get().to_owned()
        }
        None => text.to_owned(),
    };
    let upper = |s: &str| s.chars().any(char::is_uppercase);
    let recorded_lower = recorded
        .iter()
        .filter_map(|id| tokenizer.id_to_token(*id))
        .all(|token| token.starts_with('[') || !upper(&token));
    (upper(&normalized) && recorded_lower).then_some(normalized)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{tiny_vocab, tokenizer_json};

    fn tokenizer() -> Tokenizer {
        Tokenizer::from_bytes(tokenizer_json(&tiny_vocab()).to_string()).unwrap()
    }

    #[test]
    fn vocab_hash_is_tokens_by_id_one_per_line() {
        // The tiny vocabulary lists "a" and "i" twice; the tokenizer keeps the later id.
        let json = tokenizer_json(&tiny_vocab());
        let mut by_id: Vec<(u64, &str)> = json["model"]["vocab"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(t, id)| (id.as_u64().unwrap(), t.as_str()))
            .collect();
        by_id.sort_unstable();
        let text: String = by_id.iter().map(|(_, t)| format!("{t}\n")).collect();
        assert!(text.starts_with("[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\n.\n"));
        assert_eq!(vocab_sha256(&tokenizer()), crate::model::sha256_hex(text.as_bytes()));
    }

    #[test]
    fn the_tiny_tokenizer_records_its_fingerprint() {
        let tok = tokenizer();
        let record = record(&tok).unwrap();
        assert_eq!(record.fingerprint_text, FINGERPRINT_TEXT);
        // [CLS] you are a ... [SEP]; lowercased, the emoji unknown.
        let ids = &record.fingerprint_ids;
        assert_eq!((ids[0], ids[ids.len() - 1]), (2, 3));
        assert_eq!(tok.id_to_token(ids[1]).as_deref(), Some("you"));
        assert!(ids.contains(&1), "{ids:?}");
        assert!(fingerprint(&tok, tok.get_vocab(true), &record).is_ok());
    }

    /// Prints the `tokenizer` entry of the bundled model's `postguard.json` (models/export.py
    /// writes it with Python's `tokenizers`; this is the Rust side of the same computation).
    #[test]
    #[ignore = "prints; run by hand"]
    fn print_bundled_tokenizer_record() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../models/postguard-default/tokenizer.json");
        let mut tok = Tokenizer::from_file(path).unwrap();
        let _ = tok.with_truncation(None);
        tok.with_padding(None);
        let record = record(&tok).unwrap();
        println!("vocab_sha256 {}", record.vocab_sha256);
        println!("fingerprint_text {:?}", record.fingerprint_text);
        println!("fingerprint_ids {:?}", record.fingerprint_ids);
    }
}
