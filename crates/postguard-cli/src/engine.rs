//! Glue to the core crate: building the rule set and the classifier from the global options,
//! and adapting [`Classifier`] to the pipeline's [`Scorer`].

use std::path::PathBuf;

use anyhow::{Context as _, anyhow, bail};
use postguard::{Classifier, HubModel, Label, ModelSource, PiiFinding, Post, Precision, RuleSet, Verdict};

use crate::chunk::Scorer;
use crate::output::{ModelMeta, Redacted, Scored};

/// The global options that decide which model and rules are loaded (flattened into the CLI's
/// global options, so every subcommand takes them).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct EngineArgs {
    /// Model: a directory (Hugging Face layout), or a hub id `org/name` (cache from HF_HUB_CACHE /
    /// HF_HOME / XDG_CACHE_HOME; HF_HUB_OFFLINE=1 for cache only). Default: the bundled model.
    #[arg(long, global = true, value_name = "DIR_OR_HUB_ID")]
    pub model: Option<String>,
    /// Hub revision (branch, tag or commit) for a hub `--model`.
    #[arg(long, global = true, value_name = "REV")]
    pub revision: Option<String>,
    /// Extra rule pack (TOML); repeatable. Later packs override rules with the same id.
    #[arg(long = "rules", global = true, value_name = "PACK.toml")]
    pub rules: Vec<PathBuf>,
    /// Do not load the built-in rule pack.
    #[arg(long, global = true)]
    pub no_default_rules: bool,
    /// Threshold override, e.g. `--threshold bullying=0.7`; repeatable or comma-separated.
    #[arg(long = "threshold", global = true, value_name = "LABEL=VALUE", value_delimiter = ',', value_parser = parse_threshold)]
    pub thresholds: Vec<(Label, f32)>,
    /// Token budget of one model forward pass (default: the engine's).
    #[arg(long, global = true, value_name = "TOKENS", value_parser = crate::at_least_one)]
    pub max_batch_tokens: Option<u64>,
    /// Score only the first BYTES bytes of a post's text, and of its context (0 = no limit); the
    /// output's `limited` says when a post was cut. Bounds what one huge post costs.
    #[arg(long, global = true, value_name = "BYTES", default_value_t = postguard::DEFAULT_MAX_POST_BYTES)]
    pub max_post_bytes: usize,
    /// List at most N rule hits per post, and as many allow / suppressed hits (0 = no limit); the
    /// rest are counted in `limited`. The decision always uses every hit.
    #[arg(long, global = true, value_name = "N", default_value_t = postguard::DEFAULT_MAX_RULE_HITS)]
    pub max_rule_hits: usize,
    /// Locale that orders crisis help resources first: a region (US, UK, IE, ...) or a tag ending
    /// in one (en-US, en_GB, es-419). A region without entries of its own gets a warning.
    #[arg(long, global = true, value_parser = parse_locale)]
    pub locale: Option<String>,
    /// Take every post to be in this language (ISO 639-1, e.g. `en`) instead of detecting it:
    /// for a caller who knows. Without it, a post confidently in a language the model does not
    /// support (the bundled one: English only) is `unsupported_language`: its model scores do not
    /// flag on their own, only rules do.
    #[arg(long, global = true, value_name = "CODE", value_parser = parse_language)]
    pub assume_language: Option<String>,
    /// Arithmetic of the model: `auto` (int8 on x86 with AVX2 and aarch64 with dotprod, else f32),
    /// `int8`, or `f32` (the reference). Outputs name the one used (`model.precision`, with the
    /// int8 kernel, e.g. `int8-avx2`); `POSTGUARD_ISA` forces a kernel.
    #[arg(long, global = true, default_value = "auto", value_parser = str::parse::<Precision>)]
    pub precision: Precision,
}

fn parse_locale(s: &str) -> Result<String, String> {
    if postguard::is_locale_tag(s) {
        Ok(s.to_owned())
    } else {
        Err(format!(
            "`{s}` is not a locale tag: give a region (US, UK, IE, ...) or a tag ending in one (en-US, en_GB, es-419)"
        ))
    }
}

fn parse_language(s: &str) -> Result<String, String> {
    if postguard::language::is_language_code(s) {
        Ok(s.to_owned())
    } else {
        Err(format!("`{s}` is not a language code: give two or three lowercase letters (en, es, pt, fr, de, it, ...)"))
    }
}

fn parse_threshold(s: &str) -> Result<(Label, f32), String> {
    let (l, v) = s.split_once('=').ok_or_else(|| format!("expected LABEL=VALUE, got `{s}`"))?;
    let label: Label =
        l.trim().parse().map_err(|_| format!("unknown label `{}` (labels: {})", l.trim(), Label::name_list()))?;
    let value: f32 = v.trim().parse().map_err(|_| format!("`{}` is not a number", v.trim()))?;
    if !(0.0..=1.0).contains(&value) {
        return Err(format!("threshold {value} is outside 0..1"));
    }
    Ok((label, value))
}

/// Where the model comes from, for `model info`.
#[derive(Debug, Clone)]
pub enum SourceDesc {
    Bundled,
    Dir(PathBuf),
    Hub { repo_id: String, revision: Option<String>, cache_dir: Option<PathBuf>, offline: bool },
}

impl std::fmt::Display for SourceDesc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SourceDesc::Bundled => f.write_str("bundled (compiled into this binary)"),
            SourceDesc::Dir(p) => write!(f, "directory {}", p.display()),
            SourceDesc::Hub { repo_id, revision, cache_dir, offline } => {
                write!(f, "hub {repo_id}@{}", revision.as_deref().unwrap_or("main"))?;
                if let Some(c) = cache_dir {
                    write!(f, " (cache {})", c.display())?;
                }
                if *offline {
                    f.write_str(" (offline)")?;
                }
                Ok(())
            }
        }
    }
}

/// Load the rule set: the default pack unless `--no-default-rules`, then each `--rules` pack.
///
/// # Errors
/// A pack that cannot be read or compiled.
pub fn rules(args: &EngineArgs) -> anyhow::Result<RuleSet> {
    let set = build_rules(args)?;
    // A pack whose own examples fail loads (its rules may still be useful) but never silently.
    for path in &args.rules {
        let pack = path.display().to_string();
        let failures = set.test_examples_of(|r| r.pack == pack);
        if let Some(first) = failures.first() {
            eprintln!(
                "postguard: warning: rule pack {pack}: {} of its examples do not hold (first: {} {} {:?}); `postguard rules test --pack {pack}` lists them",
                failures.len(),
                first.rule_id,
                if first.expected_match { "must_match" } else { "must_not_match" },
                first.example
            );
        }
    }
    Ok(set)
}

/// [`rules`] without running the packs' examples (for `rules test`, which runs and lists them).
///
/// # Errors
/// A pack that cannot be read or compiled.
pub fn build_rules(args: &EngineArgs) -> anyhow::Result<RuleSet> {
    if args.rules.is_empty() && !args.no_default_rules {
        return Ok(RuleSet::default());
    }
    let mut b = RuleSet::builder();
    b.with_default_pack(!args.no_default_rules);
    for path in &args.rules {
        b.add_pack_file(path).with_context(|| format!("rule pack {}", path.display()))?;
    }
    Ok(b.build()?)
}

/// Decide the model source. Environment: the hub cache is [`postguard::hf_hub_cache_dir`]'s
/// (`HF_HUB_CACHE`, `HF_HOME`, `XDG_CACHE_HOME`), `HF_HUB_OFFLINE=1` forbids network access.
///
/// # Errors
/// No `--model` in a build without the bundled model.
pub fn source(args: &EngineArgs) -> anyhow::Result<(ModelSource, SourceDesc)> {
    let Some(arg) = args.model.as_deref() else {
        if cfg!(feature = "bundled") {
            return Ok((ModelSource::Bundled, SourceDesc::Bundled));
        }
        bail!(
            "this build has no bundled model (built without the `bundled` feature); pass --model DIR or --model org/name"
        );
    };
    Ok(match ModelSource::from_arg(arg) {
        ModelSource::Hub(mut hub) => {
            if let Some(rev) = &args.revision {
                hub.revision = Some(rev.clone());
            }
            hub.cache_dir = postguard::hf_hub_cache_dir(|name| std::env::var_os(name));
            hub.offline = postguard::hf_hub_offline(|name| std::env::var_os(name));
            let desc = SourceDesc::Hub {
                repo_id: hub.repo_id.clone(),
                revision: hub.revision.clone(),
                cache_dir: hub.cache_dir.clone(),
                offline: hub.offline,
            };
            (ModelSource::Hub(HubModel { ..hub }), desc)
        }
        ModelSource::Dir(p) => {
            if args.revision.is_some() {
                bail!("--revision applies to hub models, but {} is a directory", p.display());
            }
            if !p.is_dir() {
                bail!("model directory {} not found (for a hub model pass org/name)", p.display());
            }
            (ModelSource::Dir(p.clone()), SourceDesc::Dir(p))
        }
        other => (other, SourceDesc::Bundled),
    })
}

/// Build the classifier.
///
/// # Errors
/// Rules or model that cannot be loaded.
pub fn classifier(args: &EngineArgs) -> anyhow::Result<(Classifier, SourceDesc)> {
    let rules = rules(args)?;
    let (source, desc) = source(args)?;
    let mut b = Classifier::builder()
        .model(source)
        .rules(rules)
        .thresholds(args.thresholds.clone())
        .precision(args.precision)
        .max_post_bytes(args.max_post_bytes)
        .max_rule_hits(args.max_rule_hits);
    if let Some(n) = args.max_batch_tokens {
        b = b.max_batch_tokens(usize::try_from(n).unwrap_or(usize::MAX));
    }
    if let Some(l) = &args.locale {
        b = b.locale(l);
    }
    if let Some(code) = &args.assume_language {
        b = b.assume_language(code);
    }
    let clf = b
        .build()
        .map_err(|e| match hub_hint(&e, &desc) {
            Some(h) => anyhow!("{e}\n{h}"),
            None => anyhow!(e),
        })
        .with_context(|| format!("loading model ({desc})"))?;
    if let Some(w) = locale_warning(args) {
        eprintln!("postguard: warning: {w}");
    }
    Ok((clf, desc))
}

/// A hub download that failed (no network, in the usual case): say where the cache is and how
/// to use it alone, instead of leaving the user with a DNS error.
fn hub_hint(e: &postguard::Error, desc: &SourceDesc) -> Option<String> {
    match (e, desc) {
        (postguard::Error::Hub { .. }, SourceDesc::Hub { cache_dir, offline: false, .. }) => Some(format!(
            "hint: a hub model is downloaded once, then read from the cache ({}); this machine could not fetch it and the cache lacks it. Copy a cache that has the model there and set HF_HUB_OFFLINE=1 to use only the cache, or pass a model directory to --model",
            cache_dir.as_deref().map_or_else(|| "no cache directory found".to_owned(), |c| c.display().to_string())
        )),
        _ => None,
    }
}

/// A well-formed `--locale` whose region has no helpline of its own in the resources table: not
/// an error (any region may be given), but crisis verdicts then list the international directory
/// first, which the user should know. `score` repeats it after its summary.
pub fn locale_warning(args: &EngineArgs) -> Option<String> {
    let l = args.locale.as_deref()?;
    (!postguard::has_regional_resources(l)).then(|| {
        format!("--locale {l}: postguard has no helpline entries for this region; crisis verdicts list the international directory (Find A Helpline) first")
    })
}

/// The pipeline's view of a verdict.
pub fn scored(v: &Verdict) -> Scored {
    Scored {
        scores: Label::ALL.iter().map(|&l| (l, v.label(l).fused)).collect(),
        flagged: v.flagged().to_vec(),
        rule_hits: v.rule_hits().to_vec(),
        resources: v.resources().to_vec(),
        limited: v.limited().copied(),
        model: ModelMeta {
            name: v.model().name.clone(),
            version: v.model().version.clone(),
            sha256: v.model().sha256.clone(),
            files_sha256: v.model().files_sha256.clone(),
            precision: v.model().precision.clone(),
        },
        pii: v.pii().to_vec(),
        privacy_notice: v.privacy_notice().map(str::to_owned),
        language: v.language().clone(),
        unsupported_language: v.unsupported_language(),
        redacted: None,
    }
}

/// `text[start..end]` with the parts that lie inside `findings` replaced by their placeholders
/// (for a rule hit's matched text under `--redact`).
fn redact_span(text: &str, findings: &[PiiFinding], start: usize, end: usize) -> String {
    let mut out = String::new();
    let mut at = start;
    for f in findings.iter().filter(|f| f.start < end && f.end > start) {
        let (s, e) = (f.start.max(at), f.end.min(end));
        if s > at {
            out.push_str(&text[at..s]);
        }
        if e > at {
            out.push_str(f.kind.placeholder());
            at = e;
        }
    }
    out.push_str(&text[at..end]);
    out
}

/// `score --redact`: the record's text and context redacted, and every text in the postguard
/// object that could hold a finding (rule hits' matched text, the findings themselves) too.
fn redact_scored(clf: &Classifier, post: &Post, s: &mut Scored) {
    let detector = clf.privacy_detector();
    // The verdict's findings cover the whole text unless --max-post-bytes cut it.
    let whole = clf.max_post_bytes() == 0 || post.text.len() <= clf.max_post_bytes();
    let findings = if whole { s.pii.clone() } else { detector.find(&post.text) };
    for hit in &mut s.rule_hits {
        if hit.end <= post.text.len() && findings.iter().any(|f| f.start < hit.end && f.end > hit.start) {
            hit.text = redact_span(&post.text, &findings, hit.start, hit.end);
        }
    }
    for f in &mut s.pii {
        f.text = f.kind.placeholder().to_owned();
    }
    let context = post.context.as_deref().map(|c| postguard::redact(c, &detector.find(c)));
    s.redacted = Some(Redacted { text: postguard::redact(&post.text, &findings), context });
}

/// [`Classifier`] as a pipeline [`Scorer`]; with `redact`, records carry their redacted text.
#[derive(Debug)]
pub struct Engine {
    pub classifier: Classifier,
    pub redact: bool,
}

impl Scorer for Engine {
    fn labels(&self) -> Vec<Label> {
        Label::ALL.to_vec()
    }

    fn score_batch(&mut self, posts: &[Post]) -> Result<Vec<Scored>, String> {
        let verdicts = self.classifier.classify_batch(posts).map_err(|e| e.to_string())?;
        Ok(verdicts
            .iter()
            .zip(posts)
            .map(|(v, post)| {
                let mut s = scored(v);
                if self.redact {
                    redact_scored(&self.classifier, post, &mut s);
                }
                s
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_hub_download_names_the_cache_and_offline_mode() {
        let e = postguard::Error::Hub {
            repo_id: "acme/tiny".into(),
            file: "config.json".into(),
            source: Box::new(hf_hub::api::sync::ApiError::IoError(std::io::Error::other(
                "dns error: failed to lookup address",
            ))),
        };
        let hub = |offline| SourceDesc::Hub {
            repo_id: "acme/tiny".into(),
            revision: None,
            cache_dir: Some(PathBuf::from("/c/hub")),
            offline,
        };
        let hint = hub_hint(&e, &hub(false)).expect("a hint");
        assert!(hint.contains("/c/hub") && hint.contains("HF_HUB_OFFLINE=1") && hint.contains("--model"), "{hint}");
        assert_eq!(hub_hint(&e, &hub(true)), None, "offline errors already name the cache");
        assert_eq!(hub_hint(&e, &SourceDesc::Bundled), None);
    }
}
