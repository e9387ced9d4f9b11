//! Hub models from an on-disk Hugging Face cache, offline: the layout is built
//! here (models--org--name/{blobs,snapshots,refs}); no network is touched.

use postguard::testing::{TinyModel, write_hub_cache};
use postguard::{Classifier, Error, HubModel, Label, ModelSource};
use postguard_tests::{assert_same_verdict, classifier, model_dir, sample_posts};

const COMMIT: &str = "0123456789abcdef0123456789abcdef01234567";

#[test]
fn offline_cache_loads_like_the_directory() {
    let model = model_dir(&TinyModel::default());
    let cache = tempfile::tempdir().unwrap();
    write_hub_cache(cache.path(), "acme/postguard-tiny", "main", COMMIT, model.path()).unwrap();
    assert!(cache.path().join("models--acme--postguard-tiny/refs/main").is_file());

    let hub = HubModel::new("acme/postguard-tiny").cache_dir(cache.path()).offline(true);
    let from_hub = Classifier::builder().model(hub).build().unwrap();
    let from_dir = classifier(model.path());
    assert_eq!(from_hub.model_info(), from_dir.model_info());
    let posts = sample_posts();
    for (a, b) in from_hub.classify_batch(&posts).unwrap().iter().zip(&from_dir.classify_batch(&posts).unwrap()) {
        assert_same_verdict(a, b, "hub vs dir");
    }
}

#[test]
fn revision_by_branch_and_by_commit() {
    let model = model_dir(&TinyModel::default());
    let cache = tempfile::tempdir().unwrap();
    write_hub_cache(cache.path(), "acme/tiny", "v1", COMMIT, model.path()).unwrap();
    for revision in ["v1", COMMIT] {
        let hub = HubModel::new("acme/tiny").revision(revision).cache_dir(cache.path()).offline(true);
        Classifier::builder().model(hub).build().unwrap_or_else(|e| panic!("{revision}: {e}"));
    }
    // `main` was never cached.
    let hub = HubModel::new("acme/tiny").cache_dir(cache.path()).offline(true);
    let err = Classifier::builder().model(hub).build().unwrap_err();
    assert!(matches!(err, Error::NotInCache { .. }), "{err}");
    assert!(err.to_string().contains("config.json"), "{err}");
}

#[test]
fn missing_repo_is_a_clear_offline_error() {
    let cache = tempfile::tempdir().unwrap();
    let hub = HubModel::new("acme/absent").cache_dir(cache.path()).offline(true);
    let err = Classifier::builder().model(hub).build().unwrap_err();
    let message = err.to_string();
    assert!(message.contains("acme/absent") && message.contains("offline"), "{message}");
}

#[test]
fn settings_file_is_optional_on_the_hub() {
    // A plain transformers checkpoint has no postguard.json.
    let spec = TinyModel { settings_file: false, ..TinyModel::default() };
    let model = model_dir(&spec);
    let cache = tempfile::tempdir().unwrap();
    write_hub_cache(cache.path(), "someone/bert-multilabel", "main", COMMIT, model.path()).unwrap();
    let hub = HubModel::new("someone/bert-multilabel").cache_dir(cache.path()).offline(true);
    let clf = Classifier::builder().model(hub).build().unwrap();
    assert_eq!(clf.model_info().name, "someone/bert-multilabel");
    assert_eq!(clf.model_info().version, "main");
    assert_eq!(clf.thresholds()[Label::Bullying], 0.5);
}

#[test]
fn model_argument_parsing() {
    assert_eq!(ModelSource::from_arg("bundled"), ModelSource::Bundled);
    assert_eq!(ModelSource::from_arg("./models/x"), ModelSource::Dir("./models/x".into()));
    assert_eq!(ModelSource::from_arg("/abs/path"), ModelSource::Dir("/abs/path".into()));
    assert_eq!(ModelSource::from_arg("acme/tiny"), ModelSource::Hub(HubModel::new("acme/tiny")));
    assert_eq!(ModelSource::from_arg("acme/tiny@v2"), ModelSource::Hub(HubModel::new("acme/tiny").revision("v2")));
    let model = model_dir(&TinyModel::default());
    let arg = model.path().to_str().unwrap();
    assert_eq!(ModelSource::from_arg(arg), ModelSource::Dir(model.path().to_owned()));
}
