//! Broken model directories give errors that name the file and the field or
//! tensor; none of them panics.

use std::path::Path;

use postguard::testing::TinyModel;
use postguard::{Classifier, Error, Label, Post};
use postguard_tests::{edit_json, load_err, model_dir};

fn load(dir: &Path) -> Result<Classifier, Error> {
    Classifier::from_dir(dir)
}

#[test]
fn missing_files() {
    for file in ["config.json", "tokenizer.json", "model.safetensors"] {
        let dir = model_dir(&TinyModel::default());
        std::fs::remove_file(dir.path().join(file)).unwrap();
        let err = load_err(dir.path());
        assert!(matches!(err, Error::MissingFile { .. }), "{file}: {err}");
        assert!(err.to_string().contains(file), "{err}");
    }
    let err = load_err(Path::new("/nonexistent/postguard-model"));
    assert!(matches!(err, Error::MissingFile { .. }), "{err}");
}

#[test]
fn settings_file_is_optional() {
    let dir = model_dir(&TinyModel::default());
    std::fs::remove_file(dir.path().join("postguard.json")).unwrap();
    let clf = load(dir.path()).unwrap();
    assert_eq!(clf.model_info().version, "unknown");
    assert_eq!(clf.max_tokens(), 64); // min(256, max_position_embeddings)
    clf.classify(&Post::new("hello")).unwrap();
}

#[test]
fn truncated_or_corrupt_safetensors() {
    let dir = model_dir(&TinyModel::default());
    let weights = dir.path().join("model.safetensors");
    let bytes = std::fs::read(&weights).unwrap();
    let header_len = u64::from_le_bytes(bytes[..8].try_into().unwrap()) as usize;
    let cuts =
        [0, 1, 7, 8, 20, 8 + header_len - 1, 8 + header_len, 8 + header_len + 10, bytes.len() / 2, bytes.len() - 1];
    for cut in cuts {
        std::fs::write(&weights, &bytes[..cut]).unwrap();
        let err = load_err(dir.path());
        assert!(err.to_string().contains("model.safetensors"), "cut {cut}: {err}");
    }
    // Garbage, and a header claiming more than the file holds.
    let mut garbage = vec![0xff_u8; 64];
    std::fs::write(&weights, &garbage).unwrap();
    assert!(matches!(load_err(dir.path()), Error::Safetensors { .. }));
    garbage[..8].copy_from_slice(&u64::MAX.to_le_bytes());
    std::fs::write(&weights, &garbage).unwrap();
    assert!(matches!(load_err(dir.path()), Error::Safetensors { .. }));
    let mut bad_header = bytes.clone();
    bad_header[8] = b'[';
    std::fs::write(&weights, &bad_header).unwrap();
    assert!(matches!(load_err(dir.path()), Error::Safetensors { .. }));
}

#[test]
fn wrong_shapes_name_the_tensor() {
    // Head has one output per label, config.json says 3 labels.
    let dir = model_dir(&TinyModel::default());
    edit_json(&dir.path().join("config.json"), |c| {
        c["id2label"] = serde_json::json!({"0": "bullying", "1": "misinformation", "2": "crisis"});
    });
    let err = load_err(dir.path());
    assert!(matches!(err, Error::TensorShape { .. }), "{err}");
    assert_eq!(
        err.to_string(),
        format!(
            "{}: tensor classifier.weight has shape [{}, 32], expected [3, 32]",
            dir.path().join("model.safetensors").display(),
            Label::COUNT
        )
    );

    let dir = model_dir(&TinyModel::default());
    edit_json(&dir.path().join("config.json"), |c| c["hidden_size"] = 48.into());
    let err = load_err(dir.path());
    assert!(err.to_string().contains("bert.embeddings.word_embeddings.weight has shape"), "{err}");

    let dir = model_dir(&TinyModel::default());
    edit_json(&dir.path().join("config.json"), |c| c["num_hidden_layers"] = 3.into());
    let err = load_err(dir.path());
    assert!(matches!(err, Error::MissingTensor { .. }), "{err}");
    assert!(err.to_string().contains("bert.encoder.layer.2."), "{err}");
}

#[test]
fn missing_pooler_is_a_clear_error() {
    let dir = model_dir(&TinyModel { pooler: false, ..TinyModel::default() });
    let err = load_err(dir.path());
    assert!(matches!(err, Error::MissingTensor { .. }), "{err}");
    let message = err.to_string();
    assert!(message.contains("bert.pooler.dense.weight") && message.contains("pooler"), "{message}");
}

#[test]
fn problem_type_must_be_multi_label() {
    for problem_type in ["single_label_classification", "regression"] {
        let dir = model_dir(&TinyModel { problem_type: Some(problem_type.to_owned()), ..TinyModel::default() });
        let err = load_err(dir.path());
        assert!(matches!(err, Error::UnsupportedProblemType { .. }), "{err}");
        let message = err.to_string();
        assert!(message.contains("config.json") && message.contains(problem_type), "{message}");
    }
    let dir = model_dir(&TinyModel { problem_type: None, ..TinyModel::default() });
    let err = load_err(dir.path());
    assert!(err.to_string().ends_with("config.json: missing field problem_type"), "{err}");
}

#[test]
fn config_errors_name_file_and_field() {
    let dir = model_dir(&TinyModel::default());
    edit_json(&dir.path().join("config.json"), |c| {
        c.as_object_mut().unwrap().remove("id2label");
    });
    assert!(load_err(dir.path()).to_string().ends_with("config.json: missing field id2label"));

    let dir = model_dir(&TinyModel::default());
    edit_json(&dir.path().join("config.json"), |c| {
        c.as_object_mut().unwrap().remove("hidden_size");
    });
    assert!(load_err(dir.path()).to_string().ends_with("config.json: missing field hidden_size"));

    let labels = vec!["bullying".to_owned(), "spam".to_owned(), "unsafe_advice".to_owned(), "crisis".to_owned()];
    let dir = model_dir(&TinyModel { labels, ..TinyModel::default() });
    let err = load_err(dir.path());
    assert!(matches!(err, Error::UnknownLabel { .. }), "{err}");
    let message = err.to_string();
    assert!(message.contains("config.json") && message.contains("\"spam\""), "{message}");

    let dir = model_dir(&TinyModel::default());
    edit_json(&dir.path().join("config.json"), |c| c["model_type"] = "roberta".into());
    assert!(load_err(dir.path()).to_string().contains("config.json: invalid model_type"));

    let dir = model_dir(&TinyModel::default());
    std::fs::write(dir.path().join("config.json"), "{ not json").unwrap();
    let err = load_err(dir.path());
    assert!(matches!(err, Error::Json { .. }) && err.to_string().contains("config.json"), "{err}");
}

#[test]
fn settings_errors_name_file_and_field() {
    let dir = model_dir(&TinyModel { max_tokens: 65, ..TinyModel::default() });
    let err = load_err(dir.path());
    assert!(err.to_string().contains("postguard.json: invalid max_tokens"), "{err}");

    let dir = model_dir(&TinyModel { stride: 24, ..TinyModel::default() });
    assert!(load_err(dir.path()).to_string().contains("postguard.json: invalid stride"));

    let mut spec = TinyModel::default();
    spec.thresholds.insert("spam".to_owned(), 0.5);
    let dir = model_dir(&spec);
    let err = load_err(dir.path());
    assert!(matches!(err, Error::UnknownLabel { .. }) && err.to_string().contains("postguard.json"), "{err}");
}

#[test]
fn tokenizer_must_match_the_model() {
    let dir = model_dir(&TinyModel::default());
    edit_json(&dir.path().join("config.json"), |c| c["vocab_size"] = 50.into());
    let err = load_err(dir.path());
    assert!(matches!(err, Error::TokenizerMismatch { .. }), "{err}");
    assert!(err.to_string().starts_with("tokenizer does not match model"), "{err}");

    let dir = model_dir(&TinyModel::default());
    std::fs::write(dir.path().join("tokenizer.json"), "{\"model\": 3}").unwrap();
    let err = load_err(dir.path());
    assert!(matches!(err, Error::Tokenizer { .. }) && err.to_string().contains("tokenizer.json"), "{err}");
}

#[test]
fn compatible_checkpoint_variants_load() {
    let posts = [Post::new("then do it").with_context("i keep thinking about ending things"), Post::new("hello")];
    let reference = load(model_dir(&TinyModel::default()).path()).unwrap().classify_batch(&posts).unwrap();

    // No `bert.` prefix: same weights, same scores.
    let dir = model_dir(&TinyModel { bert_prefix: false, ..TinyModel::default() });
    let got = load(dir.path()).unwrap().classify_batch(&posts).unwrap();
    for (a, b) in got.iter().zip(&reference) {
        for label in Label::ALL {
            assert!((a.label(label).model - b.label(label).model).abs() < 1e-6);
        }
    }

    // F16 weights compute in F32: close to the F32 scores.
    let dir = model_dir(&TinyModel { f16: true, ..TinyModel::default() });
    let got = load(dir.path()).unwrap().classify_batch(&posts).unwrap();
    for (a, b) in got.iter().zip(&reference) {
        for label in Label::ALL {
            assert!((a.label(label).model - b.label(label).model).abs() < 2e-2, "{label}");
        }
    }

    // A model scoring only some labels: the others rely on the rules.
    let labels = vec!["crisis".to_owned(), "bullying".to_owned()];
    let dir = model_dir(&TinyModel { labels, ..TinyModel::default() });
    let clf = load(dir.path()).unwrap();
    assert_eq!(clf.labels(), &[Label::Crisis, Label::Bullying]);
    let v = clf.classify(&posts[0]).unwrap();
    assert_eq!(v.label(Label::Misinformation).model, 0.0);
    assert!(v.label(Label::Crisis).model > 0.0);
}

/// The int8 path implements BERT's erf GELU only: asked for it explicitly, a model with another
/// activation is an error naming config.json and hidden_act; `Auto` scores it with the f32
/// graph, and says so; f32 scores it.
#[test]
fn int8_refuses_an_activation_it_does_not_implement() {
    use postguard::Precision;
    let dir = model_dir(&TinyModel { hidden_act: "gelu_new".to_owned(), ..TinyModel::default() });
    let build = |precision| Classifier::builder().model(dir.path()).precision(precision).build();
    let err = build(Precision::Int8).expect_err("int8 must refuse gelu_new");
    assert!(matches!(err, Error::InvalidField { ref field, .. } if field == "hidden_act"), "{err}");
    assert!(err.to_string().contains("config.json"), "{err}");
    let auto = build(Precision::Auto).expect("auto falls back to f32");
    assert_eq!(auto.model_info().precision, "f32");
    let f32 = build(Precision::F32).expect("f32 implements gelu_new");
    let post = Post::new("you are all right");
    assert_eq!(auto.classify(&post).unwrap().labels(), f32.classify(&post).unwrap().labels());
    // The erf GELU model still gets int8.
    let gelu = model_dir(&TinyModel::default());
    let int8 = Classifier::builder().model(gelu.path()).precision(Precision::Int8).build().unwrap();
    assert!(int8.model_info().precision.starts_with("int8-"), "{}", int8.model_info().precision);
}
