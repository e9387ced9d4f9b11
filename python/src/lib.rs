//! `postguard._postguard`: the pyo3 extension behind the `postguard` Python package.
//!
//! The Python layer (`python/postguard/`) normalises arguments and builds the
//! result objects; this module does one Rust call per batch:
//!
//! - owned `String`s are taken from Python first, then the GIL is released for
//!   the whole batch (`Python::detach`), so other Python threads run meanwhile
//!   and one classifier can serve many threads at once;
//! - the batch runs inside a rayon pool owned by this process (see `pool` below),
//!   which is what makes the classifier usable after `fork`;
//! - panics are caught at this boundary and raised as
//!   `postguard.errors.InternalError`, never as pyo3's `PanicException`.

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use numpy::ndarray::Array2;
use numpy::{IntoPyArray, PyArray2};
use postguard::rules::RulesError;
use postguard::{Classifier, Error, HubModel, Label, ModelSource, Post, Precision, RuleSet};
use pyo3::exceptions::{PyFileNotFoundError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyTuple;

/// The exception classes of `postguard/errors.py` (defined in Python so that
/// `ModelNotFoundError` can also be a `FileNotFoundError`).
mod exc {
    pyo3::import_exception!(postguard.errors, PostguardError);
    pyo3::import_exception!(postguard.errors, ModelError);
    pyo3::import_exception!(postguard.errors, ModelNotFoundError);
    pyo3::import_exception!(postguard.errors, RulesError);
    pyo3::import_exception!(postguard.errors, InputError);
    pyo3::import_exception!(postguard.errors, InternalError);
}

/// Maps a library error to the Python exception hierarchy in `postguard.errors`.
fn to_py_err(err: Error) -> PyErr {
    let msg = err.to_string();
    match &err {
        Error::MissingFile { .. } | Error::NotInCache { .. } => exc::ModelNotFoundError::new_err(msg),
        Error::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
            exc::ModelNotFoundError::new_err(msg)
        }
        Error::Rules(rules) => rules_err(rules, msg),
        Error::InvalidThreshold { .. } | Error::InvalidOption { .. } => PyValueError::new_err(msg),
        Error::Tokenize(_) => exc::InputError::new_err(msg),
        Error::Io { .. }
        | Error::Json { .. }
        | Error::MissingField { .. }
        | Error::InvalidField { .. }
        | Error::UnsupportedProblemType { .. }
        | Error::UnknownLabel { .. }
        | Error::Safetensors { .. }
        | Error::MissingTensor { .. }
        | Error::TensorShape { .. }
        | Error::TensorDtype { .. }
        | Error::Tokenizer { .. }
        | Error::TokenizerMismatch { .. }
        | Error::TokenizerDiffers { .. }
        | Error::Hub { .. }
        | Error::NoCacheDir { .. }
        | Error::BundledUnavailable
        | Error::Model(_) => exc::ModelError::new_err(msg),
        // `Error` is non_exhaustive: a variant added later is still a PostguardError.
        _ => exc::PostguardError::new_err(msg),
    }
}

fn rules_err(err: &RulesError, msg: String) -> PyErr {
    match err {
        RulesError::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
            PyFileNotFoundError::new_err(msg)
        }
        _ => exc::RulesError::new_err(msg),
    }
}

/// Runs `f`, turning a panic into `InternalError` so no panic crosses into Python.
fn guarded<T>(f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            Err(exc::InternalError::new_err(format!("internal error in postguard (please report it): {what}")))
        }
    }
}

/// The rayon pool batches run in, with the id of the process that built it.
static POOL: Mutex<Option<(u32, Arc<rayon::ThreadPool>)>> = Mutex::new(None);

/// This process's rayon pool.
///
/// Why not rayon's global pool: after `fork` the child has the parent's pool
/// data structures but none of its worker threads, so the first parallel call
/// in a multiprocessing worker would wait forever. The pool is therefore keyed
/// by process id: a forked child builds a fresh one on first use, and leaks
/// (never drops, never touches) the parent's, whose threads do not exist there.
/// Every library call runs inside `pool.install`, so the rayon work in
/// tokenization and candle's matmuls lands on the fresh pool.
fn pool() -> PyResult<Arc<rayon::ThreadPool>> {
    let pid = std::process::id();
    let mut slot = POOL.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some((owner, pool)) = slot.as_ref()
        && *owner == pid
    {
        return Ok(Arc::clone(pool));
    }
    if let Some(inherited) = slot.take() {
        std::mem::forget(inherited);
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .thread_name(|i| format!("postguard-{i}"))
        .build()
        .map_err(|e| exc::InternalError::new_err(format!("cannot start worker threads: {e}")))?;
    let pool = Arc::new(pool);
    *slot = Some((pid, Arc::clone(&pool)));
    Ok(pool)
}

/// Runs `f` with the GIL released, inside this process's pool, panics caught.
fn run_detached<T: Send>(py: Python<'_>, f: impl FnOnce() -> Result<T, Error> + Send) -> PyResult<T> {
    let pool = pool()?;
    py.detach(move || guarded(|| pool.install(f).map_err(to_py_err)))
}

fn posts(texts: Vec<String>, contexts: Option<Vec<Option<String>>>) -> PyResult<Vec<Post>> {
    match contexts {
        None => Ok(texts.into_iter().map(Post::new).collect()),
        Some(contexts) => {
            if contexts.len() != texts.len() {
                return Err(PyValueError::new_err(format!(
                    "contexts has {} items but texts has {}",
                    contexts.len(),
                    texts.len()
                )));
            }
            Ok(texts.into_iter().zip(contexts).map(|(text, context)| Post { text, context }).collect())
        }
    }
}

/// What `postguard/_classifier.py` passes to [`PyClassifier::load`]: one dict naming the model
/// source and the options (the same dict is pickled as the classifier's spec, so an unpickled
/// classifier is rebuilt from exactly what built the first one). The Python layer has already
/// checked the types; the keys of the other sources are absent. Keys added later carry
/// `#[pyo3(default)]`, so a spec pickled by an older version still loads.
#[derive(FromPyObject)]
#[pyo3(from_item_all)]
struct Spec {
    /// "bundled", "dir" or "hub".
    source: String,
    #[pyo3(default)]
    path: Option<PathBuf>,
    #[pyo3(default)]
    repo_id: Option<String>,
    #[pyo3(default)]
    revision: Option<String>,
    #[pyo3(default)]
    cache_dir: Option<PathBuf>,
    #[pyo3(default)]
    offline: bool,
    rules: Vec<PathBuf>,
    default_rules: bool,
    thresholds: Option<HashMap<String, f32>>,
    locale: Option<String>,
    precision: String,
    max_batch_tokens: Option<usize>,
    /// `None`: the engine default ([`postguard::DEFAULT_MAX_POST_BYTES`]); 0 = no limit.
    #[pyo3(default)]
    max_post_bytes: Option<usize>,
    /// `None`: the engine default ([`postguard::DEFAULT_MAX_RULE_HITS`]); 0 = no limit.
    #[pyo3(default)]
    max_rule_hits: Option<usize>,
    /// `None`: detect each post's language; else an ISO 639-1 code every post is taken to be in.
    #[pyo3(default)]
    assume_language: Option<String>,
}

impl Spec {
    fn model_source(&mut self) -> PyResult<ModelSource> {
        let missing = |key: &str| PyValueError::new_err(format!("source {:?} needs {key:?}", self.source));
        match self.source.as_str() {
            "bundled" => Ok(ModelSource::Bundled),
            "dir" => Ok(ModelSource::Dir(self.path.take().ok_or_else(|| missing("path"))?)),
            "hub" => Ok(ModelSource::Hub(HubModel {
                repo_id: self.repo_id.take().ok_or_else(|| missing("repo_id"))?,
                revision: self.revision.take(),
                cache_dir: self.cache_dir.take(),
                offline: self.offline,
            })),
            other => Err(PyValueError::new_err(format!("source must be 'bundled', 'dir' or 'hub', got {other:?}"))),
        }
    }
}

fn parse_precision(name: &str) -> PyResult<Precision> {
    name.parse().map_err(|_| PyValueError::new_err(format!("precision must be 'auto', 'int8' or 'f32', got {name:?}")))
}

fn build(source: ModelSource, precision: Precision, opts: Spec) -> Result<Classifier, Error> {
    let mut rules = RuleSet::builder();
    rules.with_default_pack(opts.default_rules);
    for path in &opts.rules {
        rules.add_pack_file(path)?;
    }
    let rules = rules.build()?;
    let mut thresholds = Vec::new();
    for (name, value) in opts.thresholds.unwrap_or_default() {
        let label: Label = name.parse().map_err(|_| Error::InvalidOption {
            option: "thresholds",
            reason: format!("unknown label {name:?} (expected one of {})", Label::name_list()),
        })?;
        thresholds.push((label, value));
    }
    let mut builder = Classifier::builder().model(source).rules(rules).thresholds(thresholds).precision(precision);
    if let Some(locale) = opts.locale {
        builder = builder.locale(&locale);
    }
    if let Some(tokens) = opts.max_batch_tokens {
        builder = builder.max_batch_tokens(tokens);
    }
    if let Some(bytes) = opts.max_post_bytes {
        builder = builder.max_post_bytes(bytes);
    }
    if let Some(hits) = opts.max_rule_hits {
        builder = builder.max_rule_hits(hits);
    }
    if let Some(code) = &opts.assume_language {
        builder = builder.assume_language(code);
    }
    builder.build()
}

/// `(scores, flagged)`: two `(n, labels)` arrays in label order.
type ScoresAndFlags<'py> = (Bound<'py, PyArray2<f32>>, Bound<'py, PyArray2<bool>>);

/// A loaded classifier (immutable; shared freely between threads).
#[pyclass(frozen, module = "postguard._postguard", name = "Classifier")]
struct PyClassifier {
    inner: Classifier,
}

#[pymethods]
impl PyClassifier {
    /// Loads a classifier from a spec dict (see [`Spec`]); the GIL is released while the model loads.
    #[staticmethod]
    fn load(py: Python<'_>, mut spec: Spec) -> PyResult<Self> {
        let precision = parse_precision(&spec.precision)?;
        let source = spec.model_source()?;
        let inner = run_detached(py, move || build(source, precision, spec))?;
        Ok(Self { inner })
    }

    /// Label names in score-column order.
    #[getter]
    fn labels(&self) -> Vec<&'static str> {
        Label::ALL.iter().map(|l| l.as_str()).collect()
    }

    /// Thresholds in label order, as the verdict JSON writes them (the
    /// shortest decimal of the f32, so 0.55 reads back as 0.55, not 0.550000011920929).
    #[getter]
    fn thresholds(&self) -> Vec<f64> {
        let t = self.inner.thresholds();
        Label::ALL.iter().map(|&l| f32_as_json_f64(t[l])).collect()
    }

    /// Bytes of a post's text (and of its context) that are scored; 0 = no limit.
    #[getter]
    fn max_post_bytes(&self) -> usize {
        self.inner.max_post_bytes()
    }

    /// Hits listed per kind in a verdict; 0 = no limit.
    #[getter]
    fn max_rule_hits(&self) -> usize {
        self.inner.max_rule_hits()
    }

    /// `(name, version, sha256, precision, files_sha256)` of the model.
    #[getter]
    fn model_info(&self) -> (String, String, String, String, String) {
        let info = self.inner.model_info();
        (
            info.name.clone(),
            info.version.clone(),
            info.sha256.clone(),
            info.precision.clone(),
            info.files_sha256.clone(),
        )
    }

    /// Each text with its personal information replaced by typed placeholders (`[PHONE]`, ...).
    fn redact(&self, py: Python<'_>, texts: Vec<String>) -> PyResult<Vec<String>> {
        let inner = &self.inner;
        // Inside the panic guard like every other entry point: a panic in the detectors reaches
        // Python as postguard.InternalError, not as pyo3's PanicException.
        py.detach(move || guarded(|| Ok(texts.iter().map(|t| inner.redact(t)).collect())))
    }

    /// The language code each text's verdict gets (`und` when undetermined), in input order.
    fn languages(&self, py: Python<'_>, texts: Vec<String>) -> PyResult<Vec<String>> {
        let inner = &self.inner;
        py.detach(move || guarded(|| Ok(texts.iter().map(|t| inner.language(t).code).collect())))
    }

    /// Verdicts of a batch as one JSON array, in input order.
    #[pyo3(signature = (texts, contexts = None))]
    fn classify_json(
        &self,
        py: Python<'_>,
        texts: Vec<String>,
        contexts: Option<Vec<Option<String>>>,
    ) -> PyResult<String> {
        let posts = posts(texts, contexts)?;
        let inner = &self.inner;
        let verdicts = run_detached(py, move || inner.classify_batch(&posts))?;
        serde_json::to_string(&verdicts)
            .map_err(|e| exc::InternalError::new_err(format!("cannot serialise verdicts: {e}")))
    }

    /// `(scores, flagged)` of a batch: float32 and bool arrays of shape (n, labels).
    #[pyo3(signature = (texts, contexts = None, kind = "fused"))]
    fn score<'py>(
        &self,
        py: Python<'py>,
        texts: Vec<String>,
        contexts: Option<Vec<Option<String>>>,
        kind: &str,
    ) -> PyResult<ScoresAndFlags<'py>> {
        let pick: fn(&postguard::LabelScore) -> f32 = match kind {
            "fused" => |s| s.fused,
            "model" => |s| s.model,
            "rules" => |s| s.rules,
            other => {
                return Err(PyValueError::new_err(format!("kind must be 'fused', 'model' or 'rules', got {other:?}")));
            }
        };
        let posts = posts(texts, contexts)?;
        let n = posts.len();
        let k = Label::ALL.len();
        let inner = &self.inner;
        let (scores, flags) = run_detached(py, move || {
            let verdicts = inner.classify_batch(&posts)?;
            let mut scores = Vec::with_capacity(n * k);
            let mut flags = Vec::with_capacity(n * k);
            for v in &verdicts {
                for &label in &Label::ALL {
                    let s = v.label(label);
                    scores.push(pick(s));
                    flags.push(s.flagged);
                }
            }
            Ok((scores, flags))
        })?;
        let shape_err = |e| exc::InternalError::new_err(format!("score array shape: {e}"));
        let scores = Array2::from_shape_vec((n, k), scores).map_err(shape_err)?;
        let flags = Array2::from_shape_vec((n, k), flags).map_err(shape_err)?;
        Ok((scores.into_pyarray(py), flags.into_pyarray(py)))
    }

    fn __repr__(&self) -> String {
        let info = self.inner.model_info();
        format!("<postguard._postguard.Classifier model={:?} version={:?}>", info.name, info.version)
    }
}

/// An f32 as the f64 that its JSON text denotes (serde_json writes the shortest
/// decimal that round-trips the f32), so Python sees the numbers the JSON holds.
fn f32_as_json_f64(x: f32) -> f64 {
    x.to_string().parse().unwrap_or(f64::from(x))
}

/// Whether this build compiled the default model in (cargo feature `bundled`).
/// Looks `name` up in a Python mapping (`os.environ`): `None` when absent.
fn env_var(env: &Bound<'_, PyAny>, name: &str) -> PyResult<Option<std::ffi::OsString>> {
    let value = env.call_method1("get", (name,))?;
    if value.is_none() { Ok(None) } else { value.extract() }
}

/// Runs one of the library's environment readers over a Python mapping, raising the first
/// lookup error instead of reading a variable that could not be looked up as unset.
fn with_env<T>(
    env: &Bound<'_, PyAny>,
    read: impl FnOnce(&dyn Fn(&str) -> Option<std::ffi::OsString>) -> T,
) -> PyResult<T> {
    let failed = std::cell::RefCell::new(None);
    let lookup = |name: &str| match env_var(env, name) {
        Ok(v) => v,
        Err(e) => {
            failed.borrow_mut().get_or_insert(e);
            None
        }
    };
    let out = read(&lookup);
    match failed.into_inner() {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

/// The hub cache directory for the environment `env` ([`postguard::hf_hub_cache_dir`], the rule
/// the CLI uses too); `None` when it needs a home directory and none is known.
#[pyfunction]
fn hf_hub_cache_dir(env: &Bound<'_, PyAny>) -> PyResult<Option<std::ffi::OsString>> {
    Ok(with_env(env, |e| postguard::hf_hub_cache_dir(e))?.map(PathBuf::into_os_string))
}

/// Whether `env` sets `HF_HUB_OFFLINE` ([`postguard::hf_hub_offline`]).
#[pyfunction]
fn hf_hub_offline(env: &Bound<'_, PyAny>) -> PyResult<bool> {
    with_env(env, |e| postguard::hf_hub_offline(e))
}

#[pyfunction]
fn has_bundled_model() -> bool {
    cfg!(feature = "bundled")
}

#[pymodule]
fn _postguard(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    // The taxonomy, from the one table in postguard-rules: Python spells no label list itself.
    m.add("LABELS", PyTuple::new(m.py(), Label::NAMES)?)?;
    let violations: Vec<&str> = Label::ALL.iter().filter(|l| l.is_violation()).map(|l| l.as_str()).collect();
    m.add("VIOLATION_LABELS", PyTuple::new(m.py(), violations)?)?;
    m.add_class::<PyClassifier>()?;
    m.add_function(wrap_pyfunction!(has_bundled_model, m)?)?;
    m.add_function(wrap_pyfunction!(hf_hub_cache_dir, m)?)?;
    m.add_function(wrap_pyfunction!(hf_hub_offline, m)?)?;
    Ok(())
}
