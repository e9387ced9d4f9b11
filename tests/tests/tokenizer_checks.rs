//! A tokenizer that is not the model's own is refused at load, with an error that says what
//! differs; `files_sha256` covers every file that decides a score (issue 30, row 7).
//!
//! Before these checks, each broken directory below loaded silently and scored garbage
//! ("YOU ARE A PATHETIC LOSER" bullying 0.985 -> 0.01-0.14).

use postguard::testing::TinyModel;
use postguard::{Classifier, Error};
use postguard_tests::{edit_json, load_err, model_dir};
use serde_json::{Value, json};

/// The bundled model's directory, tests that break a copy of it.
#[cfg(feature = "bundled")]
mod bundled {
    use std::path::PathBuf;

    use tempfile::TempDir;

    use super::*;

    /// A copy of models/postguard-default (the files the loader reads).
    fn bundled_copy() -> TempDir {
        let src = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../models/postguard-default");
        let dir = tempfile::tempdir().unwrap();
        for name in ["config.json", "tokenizer.json", "model.safetensors", "postguard.json"] {
            std::fs::copy(src.join(name), dir.path().join(name)).unwrap();
        }
        dir
    }

    fn tokenizer(dir: &TempDir) -> PathBuf {
        dir.path().join("tokenizer.json")
    }

    fn swap(vocab: &mut Value, a: &str, b: &str) {
        let (x, y) = (vocab[a].clone(), vocab[b].clone());
        assert!(x.is_u64() && y.is_u64(), "{a} {b}");
        vocab[a] = y;
        vocab[b] = x;
    }

    #[test]
    fn swapped_token_ids_are_refused() {
        // "you" (2017) and "are" (2024) both occur in the fixed text.
        let dir = bundled_copy();
        edit_json(&tokenizer(&dir), |t| swap(&mut t["model"]["vocab"], "you", "are"));
        let err = load_err(dir.path());
        assert!(matches!(err, Error::TokenizerDiffers { .. }), "{err}");
        let msg = err.to_string();
        for part in [
            "tokenizer does not match model: ",
            "tokenizer.json: postguard.json's fixed text \"YOU are a Pathetic LOSER",
            "at position 1 it gives id 2024 (\"you\") where the export had id 2017 (\"are\" in this vocabulary)",
            "the vocabulary differs too",
        ] {
            assert!(msg.contains(part), "{part:?} not in: {msg}");
        }

        // Two tokens the fixed text does not use: the vocabulary hash tells.
        let dir = bundled_copy();
        edit_json(&tokenizer(&dir), |t| swap(&mut t["model"]["vocab"], "cat", "dog"));
        let msg = load_err(dir.path()).to_string();
        assert!(
            msg.contains("its vocabulary (tokens sorted by id) has sha256")
                && msg.contains("tokens were renumbered, replaced, added or removed"),
            "{msg}"
        );
    }

    #[test]
    fn vocab_cut_to_1000_is_refused() {
        let dir = bundled_copy();
        edit_json(&tokenizer(&dir), |t| {
            t["model"]["vocab"].as_object_mut().unwrap().retain(|_, id| id.as_u64().unwrap() < 1000);
        });
        let err = load_err(dir.path());
        assert!(matches!(err, Error::TokenizerMismatch { tokenizer_vocab: 1000, model_vocab: 30522, .. }), "{err}");
        let msg = err.to_string();
        assert!(
            msg.contains("tokenizer.json has 1000 token ids but the model's word embeddings have 30522 rows"),
            "{msg}"
        );
    }

    #[test]
    fn lowercasing_off_is_refused() {
        let dir = bundled_copy();
        edit_json(&tokenizer(&dir), |t| t["normalizer"]["lowercase"] = false.into());
        let err = load_err(dir.path());
        assert!(matches!(err, Error::TokenizerDiffers { .. }), "{err}");
        let msg = err.to_string();
        assert!(
            msg.contains(
                "at position 1 it gives id 100 (\"[UNK]\") where the export had id 2017 (\"you\" in this vocabulary)"
            ) && msg.contains("was lowercasing turned off? the normalizer leaves \"YOU are a Pathetic LOSER"),
            "{msg}"
        );
        // The vocabulary itself is unchanged: no hint that it differs.
        assert!(!msg.contains("vocabulary differs"), "{msg}");
    }

    #[test]
    fn bpe_tokenizer_is_refused() {
        // The same vocabulary, same size, same special tokens, under a BPE model.
        let dir = bundled_copy();
        edit_json(&tokenizer(&dir), |t| {
            let vocab = t["model"]["vocab"].take();
            t["model"] = json!({
                "type": "BPE", "dropout": null, "unk_token": "[UNK]", "continuing_subword_prefix": null,
                "end_of_word_suffix": null, "fuse_unk": false, "byte_fallback": false,
                "ignore_merges": false, "vocab": vocab, "merges": [],
            });
        });
        let err = load_err(dir.path());
        assert!(matches!(err, Error::TokenizerDiffers { .. }), "{err}");
        let msg = err.to_string();
        assert!(
            msg.contains("at position 1 it gives")
                && msg.contains("its model is BPE, not the WordPiece of a BERT tokenizer"),
            "{msg}"
        );
    }

    #[test]
    fn thresholds_change_files_sha256_but_not_sha256() {
        let dir = bundled_copy();
        let original = Classifier::from_dir(dir.path()).unwrap().model_info().clone();
        // The compiled-in copy is the same files.
        let bundled = Classifier::new().unwrap().model_info().clone();
        assert_eq!((&bundled.sha256, &bundled.files_sha256), (&original.sha256, &original.files_sha256));
        assert_eq!(original.files_sha256.len(), 64);
        assert_ne!(original.files_sha256, original.sha256);

        edit_json(&dir.path().join("postguard.json"), |s| s["thresholds"]["bullying"] = 0.5.into());
        let info = Classifier::from_dir(dir.path()).unwrap().model_info().clone();
        assert_eq!(info.sha256, original.sha256, "sha256 is the weights' only");
        assert_ne!(info.files_sha256, original.files_sha256, "a threshold decides scores' flags");

        // A tokenizer.json that still passes every check (the same JSON, written compactly)
        // is another file: another files_sha256.
        let thresholds_changed = info.files_sha256;
        edit_json(&tokenizer(&dir), |_| {});
        let info = Classifier::from_dir(dir.path()).unwrap().model_info().clone();
        assert_eq!(info.sha256, original.sha256);
        assert_ne!(info.files_sha256, thresholds_changed);
    }
}

#[test]
fn the_tiny_model_records_its_tokenizer() {
    let dir = model_dir(&TinyModel::default());
    let settings: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("postguard.json")).unwrap()).unwrap();
    let record = &settings["tokenizer"];
    assert_eq!(record["vocab_sha256"].as_str().unwrap().len(), 64);
    assert_eq!(record["fingerprint_text"], "YOU are a Pathetic LOSER... Café naïve 2024 😊 #help @Someone");
    assert!(record["fingerprint_ids"].as_array().unwrap().len() > 10);
    Classifier::from_dir(dir.path()).unwrap();

    // Lowercasing off: refused.
    edit_json(&dir.path().join("tokenizer.json"), |t| t["normalizer"]["lowercase"] = false.into());
    let msg = load_err(dir.path()).to_string();
    assert!(msg.contains("was lowercasing turned off?"), "{msg}");

    // A malformed entry is a postguard.json error.
    let dir = model_dir(&TinyModel::default());
    edit_json(&dir.path().join("postguard.json"), |s| s["tokenizer"]["fingerprint_ids"] = "1 2 3".into());
    let err = load_err(dir.path());
    assert!(matches!(err, Error::Json { .. }) && err.to_string().contains("postguard.json"), "{err}");
}

#[test]
fn exports_without_a_tokenizer_record_get_the_structural_checks() {
    let spec = TinyModel { tokenizer_record: false, ..TinyModel::default() };
    let dir = model_dir(&spec);
    Classifier::from_dir(dir.path()).unwrap();
    // Without a fingerprint, a changed normalizer cannot be told (documented).
    edit_json(&dir.path().join("tokenizer.json"), |t| t["normalizer"]["lowercase"] = false.into());
    Classifier::from_dir(dir.path()).unwrap();

    // [PAD] against config.json.
    let dir = model_dir(&spec);
    edit_json(&dir.path().join("config.json"), |c| c["pad_token_id"] = 1.into());
    let err = load_err(dir.path());
    assert!(matches!(err, Error::TokenizerDiffers { .. }), "{err}");
    assert!(
        err.to_string().ends_with("tokenizer.json: [PAD] is id 0 in its vocabulary but config.json pad_token_id is 1"),
        "{err}"
    );

    // The post-processor's [CLS] against the vocabulary.
    let dir = model_dir(&spec);
    edit_json(&dir.path().join("tokenizer.json"), |t| {
        t["post_processor"]["special_tokens"]["[CLS]"]["ids"] = json!([5]);
    });
    let msg = load_err(dir.path()).to_string();
    assert!(
        msg.contains("its post-processor adds \"[CLS]\" as id 5 but its vocabulary has \"[CLS]\" at id 2"),
        "{msg}"
    );

    // [CLS] and [SEP] swapped in the WordPiece vocabulary: the post-processor's ids disagree.
    let dir = model_dir(&spec);
    edit_json(&dir.path().join("tokenizer.json"), |t| {
        let vocab = &mut t["model"]["vocab"];
        vocab["[CLS]"] = 3.into();
        vocab["[SEP]"] = 2.into();
    });
    let msg = load_err(dir.path()).to_string();
    assert!(
        msg.contains("its post-processor adds \"[CLS]\" as id 2 but its vocabulary has \"[CLS]\" at id 3"),
        "{msg}"
    );

    // A vocabulary smaller than the embedding table.
    let dir = model_dir(&spec);
    edit_json(&dir.path().join("tokenizer.json"), |t| {
        t["model"]["vocab"].as_object_mut().unwrap().retain(|_, id| id.as_u64().unwrap() < 30);
    });
    let err = load_err(dir.path());
    assert!(matches!(err, Error::TokenizerMismatch { tokenizer_vocab: 30, .. }), "{err}");

    // No post-processor: windows without [CLS] ... [SEP].
    let dir = model_dir(&spec);
    edit_json(&dir.path().join("tokenizer.json"), |t| t["post_processor"] = Value::Null);
    let msg = load_err(dir.path()).to_string();
    assert!(msg.contains("a BERT model expects [CLS] text [SEP], ids [2, 3]"), "{msg}");
}
