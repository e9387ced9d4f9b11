//! Where model files come from: a directory, the Hugging Face hub (or its
//! cache), or the copy compiled into the library.

use std::borrow::Cow;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

use hf_hub::{Cache, Repo, RepoType};

use crate::{Error, Result};

/// Model configuration (BertConfig + id2label + problem_type).
pub const CONFIG_FILE: &str = "config.json";
/// Hugging Face fast tokenizer.
pub const TOKENIZER_FILE: &str = "tokenizer.json";
/// Weights.
pub const WEIGHTS_FILE: &str = "model.safetensors";
/// postguard's own settings (name, version, window, thresholds); optional.
pub const SETTINGS_FILE: &str = "postguard.json";

/// Where to load the model from.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ModelSource {
    /// The model compiled into this build (cargo feature `bundled`).
    Bundled,
    /// A Hugging Face style directory (see the README, "Model directory format").
    Dir(PathBuf),
    /// A repository on the Hugging Face hub, or its local cache.
    Hub(HubModel),
}

impl ModelSource {
    /// Interprets a command-line style model argument: `"bundled"` is
    /// [`Bundled`](Self::Bundled); an existing path, or anything that looks
    /// like a path (starts with `.`, `/`, `~`, or has no `/`), is a
    /// [`Dir`](Self::Dir); otherwise `org/name` or `org/name@revision` is a
    /// [`Hub`](Self::Hub) model (online, default cache).
    pub fn from_arg(arg: &str) -> Self {
        let path = Path::new(arg);
        if arg == "bundled" {
            return Self::Bundled;
        }
        if path.exists() || arg.starts_with(['.', '/', '~', '\\']) || !arg.contains('/') || arg.matches('/').count() > 1
        {
            return Self::Dir(path.to_owned());
        }
        let (repo_id, revision) = match arg.split_once('@') {
            Some((repo_id, revision)) => (repo_id, Some(revision.to_owned())),
            None => (arg, None),
        };
        let mut hub = HubModel::new(repo_id);
        hub.revision = revision;
        Self::Hub(hub)
    }
}

impl Default for ModelSource {
    /// [`ModelSource::Bundled`].
    fn default() -> Self {
        Self::Bundled
    }
}

impl From<PathBuf> for ModelSource {
    fn from(path: PathBuf) -> Self {
        Self::Dir(path)
    }
}

impl From<&Path> for ModelSource {
    fn from(path: &Path) -> Self {
        Self::Dir(path.to_owned())
    }
}

impl From<HubModel> for ModelSource {
    fn from(hub: HubModel) -> Self {
        Self::Hub(hub)
    }
}

/// A model on the Hugging Face hub.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HubModel {
    /// Repository id, `org/name`.
    pub repo_id: String,
    /// Branch, tag or commit; `main` when `None`.
    pub revision: Option<String>,
    /// Hub cache directory (the `hub` folder, holding `models--org--name`).
    /// `None` means hf-hub's default, `~/.cache/huggingface/hub`; this library
    /// does not read `HF_HOME` itself, callers pass it here (from
    /// [`hf_hub_cache_dir`], given their environment).
    pub cache_dir: Option<PathBuf>,
    /// Use only what is already in the cache; never touch the network.
    pub offline: bool,
}

impl HubModel {
    /// `repo_id` at `main`, default cache, online.
    pub fn new(repo_id: impl Into<String>) -> Self {
        Self { repo_id: repo_id.into(), revision: None, cache_dir: None, offline: false }
    }

    /// Sets the revision (branch, tag or commit hash).
    #[must_use]
    pub fn revision(mut self, revision: impl Into<String>) -> Self {
        self.revision = Some(revision.into());
        self
    }

    /// Sets the cache directory.
    #[must_use]
    pub fn cache_dir(mut self, cache_dir: impl Into<PathBuf>) -> Self {
        self.cache_dir = Some(cache_dir.into());
        self
    }

    /// Sets offline mode.
    #[must_use]
    pub fn offline(mut self, offline: bool) -> Self {
        self.offline = offline;
        self
    }
}

/// The Hugging Face hub cache directory by the rule of `huggingface_hub`:
/// `$HF_HUB_CACHE`, else `$HF_HOME/hub`, else `$XDG_CACHE_HOME/huggingface/hub`,
/// else `~/.cache/huggingface/hub`.
///
/// `env` looks a variable up (the CLI passes `std::env::var_os`, Python
/// `os.environ`); the library reads no environment itself. A variable set to
/// the empty string counts as unset. A leading `~` (alone, or followed by a
/// separator) in `HF_HUB_CACHE`, `HF_HOME` or `XDG_CACHE_HOME` is the home
/// directory, as `huggingface_hub` expands it; `~user` is left as it is. The
/// home directory is `env("HOME")`, else the platform's
/// ([`std::env::home_dir`]). `None` only when the result needs a home
/// directory and none is known.
pub fn hf_hub_cache_dir(env: impl Fn(&str) -> Option<OsString>) -> Option<PathBuf> {
    let var = |name: &str| env(name).filter(|v| !v.is_empty());
    let home = || var("HOME").map(PathBuf::from).or_else(std::env::home_dir);
    let expand = |v: OsString| -> Option<PathBuf> {
        let path = PathBuf::from(v);
        match path.strip_prefix("~") {
            Ok(rest) => Some(home()?.join(rest)),
            Err(_) => Some(path),
        }
    };
    if let Some(cache) = var("HF_HUB_CACHE") {
        return expand(cache);
    }
    let hf_home = match var("HF_HOME") {
        Some(h) => expand(h)?,
        None => {
            let xdg = match var("XDG_CACHE_HOME") {
                Some(x) => expand(x)?,
                None => home()?.join(".cache"),
            };
            xdg.join("huggingface")
        }
    };
    Some(hf_home.join("hub"))
}

/// Whether `HF_HUB_OFFLINE` asks for the cache only (`1`, `true`, `yes` or
/// `on`, any case, surrounding spaces ignored), as `huggingface_hub` reads it.
/// `env` as for [`hf_hub_cache_dir`].
pub fn hf_hub_offline(env: impl Fn(&str) -> Option<OsString>) -> bool {
    env("HF_HUB_OFFLINE").is_some_and(|v| {
        matches!(v.to_string_lossy().trim().to_ascii_lowercase().as_str(), "1" | "true" | "yes" | "on")
    })
}

/// One model file's bytes and the name errors use for it.
#[derive(Debug, Clone)]
pub(crate) struct ModelFile {
    pub(crate) path: PathBuf,
    pub(crate) bytes: Cow<'static, [u8]>,
}

/// The four files of a model, plus defaults for its identity.
#[derive(Debug, Clone)]
pub(crate) struct ModelFiles {
    pub(crate) config: ModelFile,
    pub(crate) tokenizer: ModelFile,
    pub(crate) weights: ModelFile,
    pub(crate) settings: Option<ModelFile>,
    /// Name to report when `postguard.json` has none.
    pub(crate) default_name: String,
    /// Version to report when `postguard.json` has none.
    pub(crate) default_version: String,
    /// Precomputed SHA-256 of the weights (bundled model: computed once per process).
    pub(crate) sha256: Option<String>,
    /// Precomputed SHA-256 of [`manifest`](Self::manifest) (bundled model: once per process).
    pub(crate) files_sha256: Option<String>,
}

fn read_file(path: PathBuf) -> Result<ModelFile> {
    match std::fs::read(&path) {
        Ok(bytes) => Ok(ModelFile { path, bytes: Cow::Owned(bytes) }),
        Err(source) if source.kind() == std::io::ErrorKind::NotFound => Err(Error::MissingFile { path }),
        Err(source) => Err(Error::Io { path, source }),
    }
}

fn read_optional(path: PathBuf) -> Result<Option<ModelFile>> {
    match read_file(path) {
        Ok(file) => Ok(Some(file)),
        Err(Error::MissingFile { .. }) => Ok(None),
        Err(err) => Err(err),
    }
}

impl ModelFiles {
    /// The files that decide a score, in this order: `model.safetensors`, `config.json`,
    /// `postguard.json` (left out when the model has none) and `tokenizer.json`, one
    /// `name  sha256\n` line each (file name, two spaces, lower-case hex SHA-256 of its bytes).
    /// `weights_sha256` is the first file's digest, computed once elsewhere.
    /// [`ModelInfo::files_sha256`](crate::ModelInfo::files_sha256) is the SHA-256 of this text.
    pub(crate) fn manifest(&self, weights_sha256: &str) -> String {
        use crate::model::sha256_hex;
        let mut lines = vec![(WEIGHTS_FILE, weights_sha256.to_owned()), (CONFIG_FILE, sha256_hex(&self.config.bytes))];
        if let Some(settings) = &self.settings {
            lines.push((SETTINGS_FILE, sha256_hex(&settings.bytes)));
        }
        lines.push((TOKENIZER_FILE, sha256_hex(&self.tokenizer.bytes)));
        lines.into_iter().map(|(name, sha256)| format!("{name}  {sha256}\n")).collect()
    }

    pub(crate) fn load(source: &ModelSource) -> Result<Self> {
        let _span = tracing::info_span!("resolve_model", ?source).entered();
        match source {
            ModelSource::Bundled => bundled(),
            ModelSource::Dir(dir) => Self::from_dir(dir),
            ModelSource::Hub(hub) => Self::from_hub(hub),
        }
    }

    fn from_dir(dir: &Path) -> Result<Self> {
        if !dir.is_dir() {
            return Err(Error::MissingFile { path: dir.to_owned() });
        }
        let default_name = dir
            .canonicalize()
            .ok()
            .as_deref()
            .and_then(Path::file_name)
            .map_or_else(|| dir.display().to_string(), |name| name.to_string_lossy().into_owned());
        Ok(Self {
            config: read_file(dir.join(CONFIG_FILE))?,
            tokenizer: read_file(dir.join(TOKENIZER_FILE))?,
            weights: read_file(dir.join(WEIGHTS_FILE))?,
            settings: read_optional(dir.join(SETTINGS_FILE))?,
            default_name,
            default_version: "unknown".to_owned(),
            sha256: None,
            files_sha256: None,
        })
    }

    fn from_hub(hub: &HubModel) -> Result<Self> {
        let cache_dir = match &hub.cache_dir {
            Some(dir) => dir.clone(),
            // No environment: `~/.cache/huggingface/hub`.
            None => hf_hub_cache_dir(|_| None).ok_or_else(|| Error::NoCacheDir { repo_id: hub.repo_id.clone() })?,
        };
        let revision = hub.revision.clone().unwrap_or_else(|| "main".to_owned());
        let repo = Repo::with_revision(hub.repo_id.clone(), RepoType::Model, revision.clone());
        let fetch = |name: &str, required: bool| -> Result<Option<PathBuf>> {
            if hub.offline {
                match cached_file(&cache_dir, &repo, &revision, name) {
                    Some(path) => Ok(Some(path)),
                    None if required => Err(Error::NotInCache {
                        repo_id: hub.repo_id.clone(),
                        revision: revision.clone(),
                        file: name.to_owned(),
                        cache_dir: cache_dir.clone(),
                    }),
                    None => Ok(None),
                }
            } else {
                if let Some(path) = cached_file(&cache_dir, &repo, &revision, name) {
                    return Ok(Some(path));
                }
                let api = hf_hub::api::sync::ApiBuilder::from_cache(Cache::new(cache_dir.clone()))
                    .with_progress(false)
                    .build()
                    .map_err(|source| Error::Hub {
                        repo_id: hub.repo_id.clone(),
                        file: name.to_owned(),
                        source: Box::new(source),
                    })?;
                match api.repo(repo.clone()).get(name) {
                    Ok(path) => Ok(Some(path)),
                    // An optional file may simply not exist in the repository.
                    Err(_) if !required => Ok(None),
                    Err(source) => Err(Error::Hub {
                        repo_id: hub.repo_id.clone(),
                        file: name.to_owned(),
                        source: Box::new(source),
                    }),
                }
            }
        };
        let required = |name: &str| -> Result<ModelFile> {
            let path = fetch(name, true)?.ok_or_else(|| Error::MissingFile { path: name.into() })?;
            read_file(path)
        };
        let config = required(CONFIG_FILE)?;
        let tokenizer = required(TOKENIZER_FILE)?;
        let weights = required(WEIGHTS_FILE)?;
        let settings = match fetch(SETTINGS_FILE, false)? {
            Some(path) => read_optional(path)?,
            None => None,
        };
        Ok(Self {
            config,
            tokenizer,
            weights,
            settings,
            default_name: hub.repo_id.clone(),
            default_version: revision,
            sha256: None,
            files_sha256: None,
        })
    }
}

/// Looks `name` up in a hub cache: `refs/<revision>` names the snapshot; a
/// revision that is itself a snapshot (a commit hash) is used directly.
fn cached_file(cache_dir: &Path, repo: &Repo, revision: &str, name: &str) -> Option<PathBuf> {
    if let Some(path) = Cache::new(cache_dir.to_owned()).repo(repo.clone()).get(name) {
        return Some(path);
    }
    let repo_dir = cache_dir.join(repo.folder_name());
    // Python's huggingface_hub writes refs without a newline, other tools with one.
    let commit = std::fs::read_to_string(repo_dir.join("refs").join(revision))
        .map(|commit| commit.trim().to_owned())
        .unwrap_or_else(|_| revision.to_owned());
    if commit.is_empty() || commit.contains(['/', '\\']) || commit.starts_with('.') {
        return None;
    }
    let path = repo_dir.join("snapshots").join(commit).join(name);
    path.is_file().then_some(path)
}

#[cfg(feature = "bundled")]
fn bundled() -> Result<ModelFiles> {
    use std::sync::OnceLock;

    macro_rules! model_file {
        ($name:literal) => {
            ModelFile {
                path: PathBuf::from(concat!("<bundled>/", $name)),
                bytes: Cow::Borrowed(include_bytes!(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/../../models/postguard-default/",
                    $name
                ))),
            }
        };
    }
    static SHA256: OnceLock<(String, String)> = OnceLock::new();
    let mut files = ModelFiles {
        config: model_file!("config.json"),
        tokenizer: model_file!("tokenizer.json"),
        weights: model_file!("model.safetensors"),
        settings: Some(model_file!("postguard.json")),
        default_name: "postguard-default".to_owned(),
        default_version: "unknown".to_owned(),
        sha256: None,
        files_sha256: None,
    };
    let (sha256, files_sha256) = SHA256
        .get_or_init(|| {
            let sha256 = crate::model::sha256_hex(&files.weights.bytes);
            let files_sha256 = crate::model::sha256_hex(files.manifest(&sha256).as_bytes());
            (sha256, files_sha256)
        })
        .clone();
    files.sha256 = Some(sha256);
    files.files_sha256 = Some(files_sha256);
    Ok(files)
}

#[cfg(not(feature = "bundled"))]
fn bundled() -> Result<ModelFiles> {
    Err(Error::BundledUnavailable)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fake environment from `NAME=VALUE` pairs.
    fn env(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let vars: Vec<(String, OsString)> = vars.iter().map(|(k, v)| ((*k).to_owned(), OsString::from(v))).collect();
        move |name| vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    }

    fn dir(vars: &[(&str, &str)]) -> Option<PathBuf> {
        hf_hub_cache_dir(env(vars))
    }

    #[test]
    fn hub_cache_dir_follows_huggingface_hub() {
        let all = [("HF_HUB_CACHE", "/c"), ("HF_HOME", "/h"), ("XDG_CACHE_HOME", "/x"), ("HOME", "/home/u")];
        assert_eq!(dir(&all), Some(PathBuf::from("/c")));
        assert_eq!(dir(&all[1..]), Some(PathBuf::from("/h/hub")));
        assert_eq!(dir(&all[2..]), Some(PathBuf::from("/x/huggingface/hub")));
        assert_eq!(dir(&all[3..]), Some(PathBuf::from("/home/u/.cache/huggingface/hub")));
        // Empty counts as unset, at every step.
        let empty = [("HF_HUB_CACHE", ""), ("HF_HOME", ""), ("XDG_CACHE_HOME", ""), ("HOME", "/home/u")];
        assert_eq!(dir(&empty), Some(PathBuf::from("/home/u/.cache/huggingface/hub")));
        // Relative values stay relative (as huggingface_hub leaves them).
        assert_eq!(dir(&[("HF_HOME", "rel/hf")]), Some(PathBuf::from("rel/hf/hub")));
    }

    #[test]
    fn hub_cache_dir_expands_a_leading_tilde() {
        let home = ("HOME", "/home/u");
        assert_eq!(dir(&[("HF_HUB_CACHE", "~/c"), home]), Some(PathBuf::from("/home/u/c")));
        assert_eq!(dir(&[("HF_HOME", "~"), home]), Some(PathBuf::from("/home/u/hub")));
        assert_eq!(dir(&[("XDG_CACHE_HOME", "~/xc"), home]), Some(PathBuf::from("/home/u/xc/huggingface/hub")));
        // `~user` and a `~` that does not start the path are not the home directory.
        assert_eq!(dir(&[("HF_HOME", "~bob/hf"), home]), Some(PathBuf::from("~bob/hf/hub")));
        assert_eq!(dir(&[("HF_HOME", "/a/~/b"), home]), Some(PathBuf::from("/a/~/b/hub")));
    }

    #[test]
    fn hub_cache_dir_without_home_falls_back_to_the_platform() {
        // No HOME in the environment given: the platform's home directory, when it has one.
        assert_eq!(dir(&[]), std::env::home_dir().map(|h| h.join(".cache/huggingface/hub")));
        // Nothing needs a home directory: no fallback consulted.
        assert_eq!(dir(&[("HF_HOME", "/h")]), Some(PathBuf::from("/h/hub")));
    }

    #[test]
    fn manifest_lists_the_files_that_decide_a_score() {
        let file =
            |name: &str, bytes: &'static [u8]| ModelFile { path: PathBuf::from(name), bytes: Cow::Borrowed(bytes) };
        let mut files = ModelFiles {
            config: file("config.json", b"abc"),
            tokenizer: file("tokenizer.json", b""),
            weights: file("model.safetensors", b"not read: its digest is passed in"),
            settings: Some(file("postguard.json", b"abc")),
            default_name: "m".to_owned(),
            default_version: "unknown".to_owned(),
            sha256: None,
            files_sha256: None,
        };
        // sha256("abc") and sha256("").
        let abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        let empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        assert_eq!(
            files.manifest("00ff"),
            format!("model.safetensors  00ff\nconfig.json  {abc}\npostguard.json  {abc}\ntokenizer.json  {empty}\n")
        );
        files.settings = None;
        assert_eq!(
            files.manifest("00ff"),
            format!("model.safetensors  00ff\nconfig.json  {abc}\ntokenizer.json  {empty}\n")
        );
    }

    #[test]
    fn hub_offline_values() {
        for (v, want) in [
            ("1", true),
            ("true", true),
            (" YES ", true),
            ("On", true),
            ("0", false),
            ("", false),
            ("no", false),
            ("2", false),
        ] {
            assert_eq!(hf_hub_offline(env(&[("HF_HUB_OFFLINE", v)])), want, "{v:?}");
        }
        assert!(!hf_hub_offline(env(&[])));
    }
}
