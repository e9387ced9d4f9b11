//! Compiling packs into a [`RuleSet`] and checking text against it.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::{Arc, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use regex::{Regex, RegexSet};
use serde::{Deserialize, Serialize};

use crate::context::Cues;
use crate::normalize::{Normalized, Normalizer, Vocab};
use crate::pack::{self, AllowDef, ContextCues, ContextKind, ExampleDef, FalsePositiveDef, RuleDef};
use crate::{AllowHit, Label, RuleHit, RuleReport, RulesError, Severity, SuppressedHit};

/// The default rule pack (bullying, misinformation, unsafe advice, crisis), embedded.
pub const DEFAULT_PACK: &str = include_str!("../packs/default.toml");
/// The default allow-list and false-positive list, embedded.
pub const DEFAULT_ALLOW_PACK: &str = include_str!("../packs/allow.toml");
/// The crisis and "kill yourself" rules of other languages, embedded and loaded with the default
/// pack (`name`, TOML): Spanish, Portuguese, French, German, Italian.
pub const LANGUAGE_PACKS: &[(&str, &str)] = &[
    ("es", include_str!("../packs/lang_es.toml")),
    ("pt", include_str!("../packs/lang_pt.toml")),
    ("fr", include_str!("../packs/lang_fr.toml")),
    ("de", include_str!("../packs/lang_de.toml")),
    ("it", include_str!("../packs/lang_it.toml")),
];

/// Public description of one compiled rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RuleInfo {
    /// Unique id, e.g. `"bullying.kys"`.
    pub id: String,
    /// The label the rule gives evidence for.
    pub label: Label,
    /// Evidence strength.
    pub severity: Severity,
    /// Human-readable description.
    pub description: String,
    /// Name of the pack the rule came from (the last one that defined its id).
    pub pack: String,
    /// Examples the rule must flag (run by [`RuleSet::test_examples`]).
    pub must_match: Vec<String>,
    /// Examples the rule must not flag.
    pub must_not_match: Vec<String>,
    /// `Some(label)`: the rule fires only in a reply ([`RuleSet::check_reply`]) whose
    /// context has an active hit for `label`; never from [`RuleSet::check`].
    #[serde(default)]
    pub when_context: Option<Label>,
    /// Reply examples (text under a context) the rule must flag.
    #[serde(default)]
    pub must_match_replies: Vec<ReplyExample>,
    /// Reply examples the rule must not flag.
    #[serde(default)]
    pub must_not_match_replies: Vec<ReplyExample>,
}

/// A pack example checked as a reply: `text` under `context` (the message replied to).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ReplyExample {
    /// The reply.
    pub text: String,
    /// The message it replies to.
    pub context: String,
}

impl RuleInfo {
    /// Unique id.
    pub fn id(&self) -> &str {
        &self.id
    }
    /// The rule's label.
    pub fn label(&self) -> Label {
        self.label
    }
    /// The rule's severity.
    pub fn severity(&self) -> Severity {
        self.severity
    }
    /// Human-readable description.
    pub fn description(&self) -> &str {
        &self.description
    }
    /// Pack the rule came from.
    pub fn pack(&self) -> &str {
        &self.pack
    }
}

/// An example from a pack that did not behave as the pack says
/// (see [`RuleSet::test_examples`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ExampleFailure {
    /// The rule whose example failed.
    pub rule_id: String,
    /// The example text.
    pub example: String,
    /// The context the example was checked under (reply examples only).
    #[serde(default)]
    pub context: Option<String>,
    /// `true` for a `must_match` example that was not flagged, `false` for a
    /// `must_not_match` example that was.
    pub expected_match: bool,
    /// What the rule set reported for the example.
    pub report: RuleReport,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Rule(u32),
    Allow(u32),
    Fp(u32),
}

#[derive(Debug)]
struct CompiledRule {
    label: Label,
    severity: Severity,
    context: Vec<ContextKind>,
    when_context: Option<Label>,
}

#[derive(Debug)]
struct CompiledList {
    id: String,
    labels: Vec<Label>,
}

#[derive(Debug)]
struct Inner {
    infos: Vec<RuleInfo>,
    rules: Vec<CompiledRule>,
    allows: Vec<CompiledList>,
    fps: Vec<CompiledList>,
    ac: Option<AhoCorasick>,
    /// Per phrase pattern: its target and where its squashed letters may match.
    ac_targets: Vec<(Target, Stretch)>,
    set: Option<RegexSet>,
    regexes: Vec<CompiledRegex>,
    cues: Cues,
    /// Every word of every compiled phrase (splits joined single letters).
    vocab: Vocab,
}

/// A compiled, immutable set of rules. Cheap to clone (an `Arc` inside), `Send + Sync`.
///
/// Build one with [`RuleSet::builder`], or use [`RuleSet::default`] for the embedded
/// default pack.
#[derive(Debug, Clone)]
pub struct RuleSet {
    inner: Arc<Inner>,
}

/// Configures and compiles a [`RuleSet`] from TOML packs. Later packs override rules,
/// allow entries and false-positive entries with the same id.
#[derive(Debug)]
pub struct RuleSetBuilder {
    default_pack: bool,
    packs: Vec<(String, pack::PackFile)>,
}

impl Default for RuleSet {
    /// The embedded default pack and allow list, compiled once per process.
    ///
    /// # Panics
    ///
    /// Never in practice: the embedded packs are validated by the crate's tests.
    fn default() -> Self {
        static DEFAULT: OnceLock<RuleSet> = OnceLock::new();
        DEFAULT
            .get_or_init(|| RuleSet::builder().build().expect("embedded default rule pack is valid (checked by tests)"))
            .clone()
    }
}

impl RuleSet {
    /// Same as [`RuleSet::default`]: the embedded default packs.
    pub fn new() -> Self {
        Self::default()
    }

    /// A builder that starts with the default packs enabled.
    pub fn builder() -> RuleSetBuilder {
        RuleSetBuilder { default_pack: true, packs: Vec::new() }
    }

    /// All compiled rules, in pack order.
    pub fn rules(&self) -> &[RuleInfo] {
        &self.inner.infos
    }

    /// Look up one rule by id.
    pub fn rule(&self, id: &str) -> Option<&RuleInfo> {
        self.inner.infos.iter().find(|r| r.id == id)
    }

    /// Check `text` against every rule. Never panics; spans point into `text`.
    /// Rules with `when_context` never fire here (see [`RuleSet::check_reply`]).
    pub fn check(&self, text: &str) -> RuleReport {
        self.check_labels(text, &[])
    }

    /// Check `text` as a reply to `context` (the message replied to). Same as
    /// [`RuleSet::check`], plus the rules declaring `when_context = "<label>"` whose label
    /// has an active hit in `check(context)`. Spans point into `text`; the usual context
    /// suppression (negation etc.) applies to the reply's own hits. `None` = no context.
    pub fn check_reply(&self, text: &str, context: Option<&str>) -> RuleReport {
        let mut labels: Vec<Label> = Vec::new();
        if let Some(ctx) = context
            && self.inner.rules.iter().any(|r| r.when_context.is_some())
        {
            for h in self.check(ctx).hits {
                if !labels.contains(&h.label) {
                    labels.push(h.label);
                }
            }
        }
        self.check_labels(text, &labels)
    }

    fn check_labels(&self, text: &str, ctx_labels: &[Label]) -> RuleReport {
        thread_local! {
            static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
        }
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut s) => {
                let r = self.check_with(text, ctx_labels, &mut s);
                s.trim();
                r
            }
            Err(_) => self.check_with(text, ctx_labels, &mut Scratch::default()),
        })
    }

    /// The text the matchers see for `text` (see [`normalize()`](crate::normalize)); with
    /// this rule set's vocabulary, joined single letters are split into known words.
    pub fn normalize(&self, text: &str) -> String {
        let mut n = Normalizer::default();
        n.run_with(text, Some(&self.inner.vocab));
        n.out.text
    }

    /// Run every rule's `must_match` / `must_not_match` examples and return the failures
    /// (empty when the packs are consistent). A `must_match` example passes when the rule
    /// has an active hit; a `must_not_match` example passes when it has none.
    pub fn test_examples(&self) -> Vec<ExampleFailure> {
        self.test_examples_of(|_| true)
    }

    /// [`test_examples`](Self::test_examples) for the rules `keep` selects only (those of one
    /// pack, say: [`RuleInfo::pack`]); the other rules' examples are not run.
    pub fn test_examples_of(&self, keep: impl Fn(&RuleInfo) -> bool) -> Vec<ExampleFailure> {
        let mut out = Vec::new();
        for info in self.rules().iter().filter(|r| keep(r)) {
            let plain = [(&info.must_match, true), (&info.must_not_match, false)];
            let plain = plain.into_iter().flat_map(|(v, e)| v.iter().map(move |t| (t.as_str(), None, e)));
            let replies = [(&info.must_match_replies, true), (&info.must_not_match_replies, false)];
            let replies = replies
                .into_iter()
                .flat_map(|(v, e)| v.iter().map(move |r| (r.text.as_str(), Some(r.context.as_str()), e)));
            for (ex, context, expected) in plain.chain(replies) {
                let report = self.check_reply(ex, context);
                if report.has_rule(&info.id) != expected {
                    out.push(ExampleFailure {
                        rule_id: info.id.clone(),
                        example: ex.to_owned(),
                        context: context.map(str::to_owned),
                        expected_match: expected,
                        report,
                    });
                }
            }
        }
        out
    }

    fn check_with(&self, text: &str, ctx_labels: &[Label], s: &mut Scratch) -> RuleReport {
        let inner = &*self.inner;
        s.norm.run_with(text, Some(&inner.vocab));
        let norm = &s.norm.out;
        let bytes = norm.text.as_bytes();
        s.cands.clear();
        if let Some(ac) = &inner.ac {
            for m in ac.find_overlapping_iter(norm.text.as_str()) {
                let (target, stretch) = inner.ac_targets[m.pattern().as_usize()];
                if bounded(bytes, m.start(), m.end()) && stretch.allows(norm, m.start(), m.end()) {
                    s.cands.push((target, m.start(), m.end()));
                }
            }
        }
        if let Some(set) = &inner.set {
            for i in set.matches(&norm.text).iter() {
                let re = &inner.regexes[i];
                for m in re.tolerant.find_iter(&norm.text) {
                    if m.end() > m.start() && re.allows(norm, m.start(), m.end()) {
                        s.cands.push((re.target, m.start(), m.end()));
                    }
                }
            }
        }
        let mut report = RuleReport::default();
        if s.cands.is_empty() {
            return report;
        }
        // Order by target then start, longest first; then drop overlaps within one target.
        s.cands.sort_unstable_by_key(|&(t, a, b)| (target_key(t), a, std::cmp::Reverse(b)));
        s.cands.dedup_by(|next, kept| next.0 == kept.0 && next.1 < kept.2);

        let mut cues_done = false;
        // False-positive matches sort last; only they are scanned for each rule hit.
        let fp_from = s.cands.partition_point(|c| target_key(c.0).0 < 2);
        for i in 0..s.cands.len() {
            let (t, a, b) = s.cands[i];
            match t {
                Target::Allow(k) => {
                    let al = &inner.allows[k as usize];
                    let (oa, ob) = norm.original_span(a, b);
                    report.allows.push(AllowHit {
                        id: al.id.clone(),
                        labels: al.labels.clone(),
                        start: oa,
                        end: ob,
                        text: text[oa..ob].to_owned(),
                    });
                }
                Target::Fp(_) => {}
                Target::Rule(k) => {
                    let rule = &inner.rules[k as usize];
                    if rule.when_context.is_some_and(|l| !ctx_labels.contains(&l)) {
                        continue;
                    }
                    let info = &inner.infos[k as usize];
                    let (oa, ob) = norm.original_span(a, b);
                    let hit = RuleHit {
                        rule_id: info.id.clone(),
                        label: rule.label,
                        severity: rule.severity,
                        start: oa,
                        end: ob,
                        text: text[oa..ob].to_owned(),
                    };
                    let mut reason = false_positive(inner, &s.cands[fp_from..], rule.label, a, b, norm);
                    if reason.is_none() && !rule.context.is_empty() {
                        if !cues_done {
                            inner.cues.find(norm, &mut s.cues);
                            cues_done = true;
                        }
                        reason = crate::context::suppression(
                            &rule.context,
                            &inner.cues,
                            &s.cues,
                            norm,
                            (a, b),
                            text,
                            (oa, ob),
                            rule.label == Label::Crisis,
                        );
                    }
                    match reason {
                        Some(reason) => report.suppressed.push(SuppressedHit { hit, reason }),
                        None => report.hits.push(hit),
                    }
                }
            }
        }
        report.hits.sort_by(|x, y| (x.start, x.end, &x.rule_id).cmp(&(y.start, y.end, &y.rule_id)));
        report.allows.sort_by(|x, y| (x.start, x.end, &x.id).cmp(&(y.start, y.end, &y.id)));
        report
            .suppressed
            .sort_by(|x, y| (x.hit.start, x.hit.end, &x.hit.rule_id).cmp(&(y.hit.start, y.hit.end, &y.hit.rule_id)));
        report
    }
}

fn target_key(t: Target) -> (u8, u32) {
    match t {
        Target::Rule(i) => (0, i),
        Target::Allow(i) => (1, i),
        Target::Fp(i) => (2, i),
    }
}

/// A match counts only on whole words of the normalised text ("skilled" never matches
/// "killed").
fn bounded(text: &[u8], a: usize, b: usize) -> bool {
    let sep = |c: u8| c == b' ' || c == b'\n';
    (a == 0 || sep(text[a - 1])) && (b == text.len() || sep(text[b]))
}

/// A false-positive entry whose match contains the hit cancels it.
fn false_positive(
    inner: &Inner,
    cands: &[(Target, usize, usize)],
    label: Label,
    a: usize,
    b: usize,
    norm: &Normalized,
) -> Option<String> {
    cands.iter().find_map(|&(t, fa, fb)| match t {
        Target::Fp(k) if fa <= a && b <= fb => {
            let fp = &inner.fps[k as usize];
            (fp.labels.is_empty() || fp.labels.contains(&label))
                .then(|| format!("false_positive: inside \"{}\" ({})", &norm.text[fa..fb], fp.id))
        }
        _ => None,
    })
}

/// Per-thread reusable buffers, so `check` does not allocate for clean text.
#[derive(Debug, Default)]
struct Scratch {
    norm: Normalizer,
    cands: Vec<(Target, usize, usize)>,
    cues: Vec<crate::context::CueHit>,
}

impl Scratch {
    /// Drop buffers grown by one huge input instead of keeping them per thread forever.
    fn trim(&mut self) {
        if self.norm.out.map.capacity() > (1 << 20) {
            *self = Scratch::default();
        }
    }
}

impl RuleSetBuilder {
    /// Include the embedded default pack and allow list (on by default).
    pub fn with_default_pack(&mut self, yes: bool) -> &mut Self {
        self.default_pack = yes;
        self
    }

    /// Add a pack from TOML text. `name` identifies the pack in errors and in
    /// [`RuleInfo::pack`].
    ///
    /// # Errors
    ///
    /// [`RulesError::Parse`] when the text is not valid TOML or does not follow the schema
    /// (unknown fields are rejected so typos surface). Rules are validated in
    /// [`RuleSetBuilder::build`].
    pub fn add_pack_str(&mut self, name: &str, toml: &str) -> Result<&mut Self, RulesError> {
        let parsed = pack::parse(name, toml)?;
        self.packs.push((name.to_owned(), parsed));
        Ok(self)
    }

    /// Add a pack from a TOML file; the pack is named after the file path.
    ///
    /// # Errors
    ///
    /// [`RulesError::Io`] when the file cannot be read, else as [`Self::add_pack_str`].
    pub fn add_pack_file(&mut self, path: impl AsRef<Path>) -> Result<&mut Self, RulesError> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|source| RulesError::Io { path: path.to_owned(), source })?;
        self.add_pack_str(&path.display().to_string(), &text)
    }

    /// Merge the packs (later ids override earlier ones) and compile the matchers.
    ///
    /// # Errors
    ///
    /// [`RulesError::InvalidEntry`] for a malformed entry (no phrases or patterns, empty id,
    /// a duplicate id inside one pack, a bad phrase template, a phrase that normalises to
    /// nothing), [`RulesError::Regex`] for an invalid regex, [`RulesError::Parse`] if an
    /// embedded pack is broken, [`RulesError::Automaton`] if the phrase automaton is too big.
    pub fn build(&self) -> Result<RuleSet, RulesError> {
        let mut packs: Vec<(String, pack::PackFile)> = Vec::new();
        if self.default_pack {
            packs.push(("default".into(), pack::parse("default", DEFAULT_PACK)?));
            packs.push(("allow".into(), pack::parse("allow", DEFAULT_ALLOW_PACK)?));
            for (name, toml) in LANGUAGE_PACKS {
                packs.push(((*name).into(), pack::parse(name, toml)?));
            }
        }
        // PackFile is not Clone-cheap; re-parse is avoided by cloning the pieces we keep.
        let mut rules: Vec<(RuleDef, String)> = Vec::new();
        let mut allows: Vec<AllowDef> = Vec::new();
        let mut fps: Vec<FalsePositiveDef> = Vec::new();
        let mut cues = ContextCues::default();
        let all = packs.iter().map(|(n, p)| (n, p)).chain(self.packs.iter().map(|(n, p)| (n, p)));
        for (name, p) in all {
            let mut seen = HashSet::new();
            for r in &p.rules {
                if r.id.trim().is_empty() {
                    return Err(invalid(name, &r.id, "empty rule id"));
                }
                // Rule ids are `<label>.<name>`; an id naming another label is a copy-paste
                // slip that would make the rule list, the audit and every hit misleading.
                if let Some(prefix) = r.id.split_once('.').map(|(p, _)| p)
                    && let Ok(named) = prefix.parse::<Label>()
                    && named != r.label
                {
                    return Err(invalid(
                        name,
                        &r.id,
                        &format!(
                            "the id names label `{}` but the rule's label is `{}`; fix one of them",
                            named.as_str(),
                            r.label.as_str()
                        ),
                    ));
                }
                if !seen.insert(r.id.clone()) {
                    return Err(invalid(name, &r.id, "duplicate id in one pack"));
                }
                match rules.iter_mut().find(|(x, _)| x.id == r.id) {
                    Some(slot) => *slot = (r.clone(), name.clone()),
                    None => rules.push((r.clone(), name.clone())),
                }
            }
            for a in &p.allows {
                if !seen.insert(a.id.clone()) {
                    return Err(invalid(name, &a.id, "duplicate id in one pack"));
                }
                match allows.iter_mut().find(|x| x.id == a.id) {
                    Some(slot) => *slot = a.clone(),
                    None => allows.push(a.clone()),
                }
            }
            for f in &p.false_positives {
                if !seen.insert(f.id.clone()) {
                    return Err(invalid(name, &f.id, "duplicate id in one pack"));
                }
                match fps.iter_mut().find(|x| x.id == f.id) {
                    Some(slot) => *slot = f.clone(),
                    None => fps.push(f.clone()),
                }
            }
            for id in &p.pack.disable {
                rules.retain(|(r, _)| &r.id != id);
                allows.retain(|a| &a.id != id);
                fps.retain(|f| &f.id != id);
            }
            cues.extend(p.context.clone());
        }

        let mut c = Compiler::default();
        let mut infos = Vec::with_capacity(rules.len());
        let mut compiled = Vec::with_capacity(rules.len());
        for (i, (r, pack_name)) in rules.into_iter().enumerate() {
            let t = Target::Rule(i as u32);
            c.add(pack_name.as_str(), &r.id, t, &r.phrases, &r.patterns)?;
            compiled.push(CompiledRule {
                label: r.label,
                severity: r.severity,
                context: r.context.unwrap_or_else(|| r.label.default_contexts().to_vec()),
                when_context: r.when_context,
            });
            let (mut must_match, mut must_match_replies) = (Vec::new(), Vec::new());
            let (mut must_not_match, mut must_not_match_replies) = (Vec::new(), Vec::new());
            for (defs, plain, replies) in [
                (r.must_match, &mut must_match, &mut must_match_replies),
                (r.must_not_match, &mut must_not_match, &mut must_not_match_replies),
            ] {
                for d in defs {
                    match d {
                        ExampleDef::Text(t) => plain.push(t),
                        ExampleDef::Reply { text, context } => {
                            replies.push(ReplyExample { text, context });
                        }
                    }
                }
            }
            infos.push(RuleInfo {
                id: r.id,
                label: r.label,
                severity: r.severity,
                description: r.description,
                pack: pack_name,
                must_match,
                must_not_match,
                when_context: r.when_context,
                must_match_replies,
                must_not_match_replies,
            });
        }
        let mut allow_list = Vec::new();
        for (i, a) in allows.into_iter().enumerate() {
            c.add("allow", &a.id, Target::Allow(i as u32), &a.phrases, &a.patterns)?;
            if a.labels.is_empty() {
                return Err(invalid("allow", &a.id, "an allow entry needs at least one label"));
            }
            allow_list.push(CompiledList { id: a.id, labels: a.labels });
        }
        let mut fp_list = Vec::new();
        for (i, f) in fps.into_iter().enumerate() {
            c.add("false_positive", &f.id, Target::Fp(i as u32), &f.phrases, &f.patterns)?;
            fp_list.push(CompiledList { id: f.id, labels: f.labels });
        }
        let ac = if c.phrases.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .kind(AC_KIND)
                    .build(&c.phrases)
                    .or_else(|_| AhoCorasick::builder().match_kind(MatchKind::Standard).build(&c.phrases))
                    .map_err(RulesError::Automaton)?,
            )
        };
        let set = if c.regexes.is_empty() {
            None
        } else {
            Some(RegexSet::new(c.regexes.iter().map(|r| r.tolerant.as_str())).map_err(|e| RulesError::Regex {
                pack: "(all)".into(),
                id: "(regex set)".into(),
                pattern: String::new(),
                source: Box::new(e),
            })?)
        };
        let cues = Cues::compile(&cues)?;
        let vocab = c.vocab;
        Ok(RuleSet {
            inner: Arc::new(Inner {
                infos,
                rules: compiled,
                allows: allow_list,
                fps: fp_list,
                ac,
                ac_targets: c.targets,
                set,
                regexes: c.regexes,
                cues,
                vocab,
            }),
        })
    }
}

/// A full DFA searches fastest but takes ~10x longer to build for tens of thousands of
/// phrases; the contiguous NFA is close in search speed.
const AC_KIND: Option<AhoCorasickKind> = Some(AhoCorasickKind::ContiguousNFA);

fn invalid(pack: &str, id: &str, reason: &str) -> RulesError {
    RulesError::InvalidEntry { pack: pack.to_owned(), id: id.to_owned(), reason: reason.to_owned() }
}

/// Where a phrase variant with squashed letters may match. Squashing a stretched word of the
/// text ("offff" -> "of", "gooood" -> "god") can make it equal to a different word, so a
/// squashed variant of a phrase ("off myself" -> "of myself") matches only where the text
/// really was stretched, never an ordinary word ("proud of myself").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stretch {
    /// The phrase as written: matches anywhere.
    Plain,
    /// Word `k` of the match (bit `k`) must be a stretched word of the text.
    Words(u64),
    /// A glued or no-space form of a squashed phrase: some word of the match must be
    /// stretched.
    Any,
}

impl Stretch {
    fn allows(self, norm: &Normalized, a: usize, b: usize) -> bool {
        let first = norm.word_at(a);
        match self {
            Stretch::Plain => true,
            Stretch::Words(mask) => {
                (0..64).filter(|k| mask & (1 << k) != 0).all(|k| norm.words.get(first + k).is_some_and(|w| w.stretched))
            }
            Stretch::Any => stretched_between(norm, first, b),
        }
    }
}

/// Some word from `first` up to the one holding normalised byte `b - 1` is stretched.
fn stretched_between(norm: &Normalized, first: usize, b: usize) -> bool {
    let last = norm.word_at(b.saturating_sub(1));
    norm.words
        .get(first..=last.min(norm.words.len().saturating_sub(1)))
        .is_some_and(|ws| ws.iter().any(|w| w.stretched))
}

/// A rule's regex: `tolerant` also matches squashed spellings ([`squash_tolerant`]);
/// where it differs from the pattern as written, a match must either match `strict` as
/// a whole or lie on a stretched word of the text (see [`Stretch`]).
#[derive(Debug)]
struct CompiledRegex {
    target: Target,
    tolerant: Regex,
    strict: Option<Regex>,
}

impl CompiledRegex {
    fn allows(&self, norm: &Normalized, a: usize, b: usize) -> bool {
        self.strict
            .as_ref()
            .is_none_or(|strict| strict.is_match(&norm.text[a..b]) || stretched_between(norm, norm.word_at(a), b))
    }
}

/// Collects normalised phrases and regexes with their targets.
#[derive(Default)]
struct Compiler {
    phrases: Vec<String>,
    targets: Vec<(Target, Stretch)>,
    seen: HashMap<String, Vec<(Target, Stretch)>>,
    regexes: Vec<CompiledRegex>,
    /// Words of the phrases as written (not of the glued / joined variants, which would
    /// make "icutmyself" look like a word).
    vocab: Vocab,
    norm: Normalizer,
}

impl Compiler {
    fn add(
        &mut self,
        pack: &str,
        id: &str,
        t: Target,
        phrases: &[String],
        patterns: &[String],
    ) -> Result<(), RulesError> {
        if phrases.is_empty() && patterns.is_empty() {
            return Err(invalid(pack, id, "needs at least one phrase or pattern"));
        }
        for text in phrases.iter().chain(patterns) {
            // A control character (a NUL, an escape) can never appear in the normalised text a
            // rule is matched against: such a phrase would load and silently never fire.
            if let Some(c) = text.chars().find(|c| c.is_control()) {
                return Err(invalid(
                    pack,
                    id,
                    &format!(
                        "phrase or pattern {text:?} contains the control character U+{:04X}; remove it",
                        u32::from(c)
                    ),
                ));
            }
        }
        for template in phrases {
            let expanded = pack::expand(template).ok_or_else(|| {
                invalid(
                    pack,
                    id,
                    &format!(
                        "bad phrase template `{template}` (unbalanced or nested braces, or more than 16384 expansions)"
                    ),
                )
            })?;
            let mut matchable = false;
            for phrase in expanded {
                self.norm.run(&phrase);
                let norm = self.norm.out.text.clone();
                if norm.is_empty() {
                    continue; // e.g. the empty alternative of "{|...}" on its own
                }
                matchable = true;
                for w in norm.split([' ', '\n']) {
                    self.vocab.insert(squash_word(w));
                    self.vocab.insert(w.to_owned());
                }
                for (v, stretch) in variants(&norm) {
                    self.push(v, t, stretch);
                }
            }
            if !matchable {
                return Err(invalid(
                    pack,
                    id,
                    &format!(
                        "phrase {template:?} has no words once normalised (empty, or only punctuation), so it could never match; remove it"
                    ),
                ));
            }
        }
        for p in patterns {
            let compile = |body: &str, anchored: bool| {
                let (open, close) = if anchored { ("^", "$") } else { ("", "") };
                Regex::new(&format!(r"{open}(?-u:\b)(?:{body})(?-u:\b){close}")).map_err(|e| RulesError::Regex {
                    pack: pack.to_owned(),
                    id: id.to_owned(),
                    pattern: p.clone(),
                    source: Box::new(e),
                })
            };
            let tolerant_body = squash_tolerant(p);
            let strict = if tolerant_body == *p { None } else { Some(compile(p, true)?) };
            let tolerant = compile(&tolerant_body, false)?;
            self.regexes.push(CompiledRegex { target: t, tolerant, strict });
        }
        Ok(())
    }

    fn push(&mut self, phrase: String, t: Target, stretch: Stretch) {
        let ts = self.seen.entry(phrase.clone()).or_default();
        if ts.contains(&(t, Stretch::Plain)) || ts.contains(&(t, stretch)) {
            return;
        }
        ts.push((t, stretch));
        self.phrases.push(phrase);
        self.targets.push((t, stretch));
    }
}

/// Forms of a normalised phrase that the text may take, each with where it may match:
/// - per-word squashed forms: a stretched word in the text ("killlll", "seeeker") has every
///   doubled letter collapsed ("kil", "seker"), so each word of the phrase may appear
///   squashed or not (all combinations for up to 4 such words, else all-or-nothing); a
///   squashed word matches only a stretched word of the text ([`Stretch::Words`]);
/// - one-letter words glued to the next ("a l o s e r" normalises to "aloser");
/// - for 2-3 word phrases, the no-space form ("killyourself", "#endital").
fn variants(norm: &str) -> Vec<(String, Stretch)> {
    let words: Vec<&str> = norm.split(' ').collect();
    let squashed: Vec<String> = words.iter().map(|w| squash_word(w)).collect();
    let doubled: Vec<usize> = (0..words.len()).filter(|&i| squashed[i] != words[i]).collect();
    // Index of each phrase word among the text's words (a phrase word may hold a '\n').
    let first_text_word: Vec<usize> = words
        .iter()
        .scan(0, |n, w| {
            let at = *n;
            *n += 1 + w.matches('\n').count();
            Some(at)
        })
        .collect();
    let mut bases: Vec<(Vec<&str>, Stretch)> = Vec::new();
    let masks: Vec<u32> = if doubled.len() <= 4 {
        (0..1u32 << doubled.len()).collect()
    } else {
        vec![0, (1u32 << doubled.len().min(31)) - 1]
    };
    for mask in masks {
        let mut b = words.clone();
        let mut need = 0u64;
        let mut beyond = false;
        for (bit, &wi) in doubled.iter().enumerate() {
            if mask & (1 << bit.min(31)) != 0 {
                b[wi] = &squashed[wi];
                let at = first_text_word[wi];
                for k in at..=at + words[wi].matches('\n').count() {
                    if k < 64 {
                        need |= 1 << k;
                    } else {
                        beyond = true;
                    }
                }
            }
        }
        let stretch = match (mask, beyond) {
            (0, _) => Stretch::Plain,
            (_, false) => Stretch::Words(need),
            (_, true) => Stretch::Any,
        };
        bases.push((b, stretch));
    }
    let mut out = Vec::new();
    // A glued or joined form of a squashed phrase: its words no longer line up.
    let joined_stretch = |s: Stretch| if s == Stretch::Plain { s } else { Stretch::Any };
    for (b, stretch) in bases {
        out.push((b.join(" "), stretch));
        if b.len() > 1 && b[..b.len() - 1].iter().any(|w| w.chars().count() == 1) {
            let mut glued = String::with_capacity(norm.len());
            for (i, w) in b.iter().enumerate() {
                glued.push_str(w);
                if i + 1 < b.len() && w.chars().count() != 1 {
                    glued.push(' ');
                }
            }
            out.push((glued, joined_stretch(stretch)));
        }
        let n_words = b.iter().map(|w| w.split('\n').count()).sum::<usize>();
        if (2..=3).contains(&n_words) {
            let joined: String = b.concat().chars().filter(|c| *c != '\n').collect();
            if joined.len() >= 6 {
                out.push((joined, joined_stretch(stretch)));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Let a regex written in normal spelling also match stretched-then-squashed words: a
/// doubled literal letter may be single ("kill" -> "kill?", matching "kil"). Letters
/// inside escapes, classes and `{m,n}` repetitions are left alone.
fn squash_tolerant(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut prev_literal: Option<char> = None;
    let mut chars = pattern.chars().peekable();
    let mut class_depth = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                out.push(c);
                if let Some(n) = chars.next() {
                    out.push(n);
                    if matches!(n, 'p' | 'P') && chars.peek() == Some(&'{') {
                        for m in chars.by_ref() {
                            out.push(m);
                            if m == '}' {
                                break;
                            }
                        }
                    }
                }
                prev_literal = None;
                continue;
            }
            '[' => class_depth += 1,
            ']' if class_depth > 0 => class_depth -= 1,
            '{' if class_depth == 0 => {
                out.push(c);
                for m in chars.by_ref() {
                    out.push(m);
                    if m == '}' {
                        break;
                    }
                }
                prev_literal = None;
                continue;
            }
            _ => {}
        }
        out.push(c);
        if class_depth == 0 && c.is_ascii_lowercase() {
            // The doubled letter must not carry its own quantifier ("ss+" stays as is).
            let quantified = matches!(chars.peek(), Some('?' | '*' | '+' | '{'));
            if prev_literal == Some(c) && !quantified {
                out.push('?');
                prev_literal = None;
                continue;
            }
            prev_literal = Some(c);
        } else {
            prev_literal = None;
        }
    }
    out
}

/// Collapse every doubled letter of one word ("attention" -> "atention").
fn squash_word(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut prev = None;
    for c in w.chars() {
        if Some(c) == prev && c.is_alphabetic() {
            continue;
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regexes_tolerate_squashed_letters() {
        assert_eq!(squash_tolerant("kill"), "kill?");
        assert_eq!(squash_tolerant("(?:bottle|pills)"), "(?:bott?le|pill?s)");
        assert_eq!(squash_tolerant(r"\d{2} [a-z]{0,2}ee+"), r"\d{2} [a-z]{0,2}ee+");
        assert_eq!(squash_tolerant(r"\p{Ll}ll"), r"\p{Ll}ll?");
        assert_eq!(squash_tolerant("[ll]x"), "[ll]x");
        assert!(Regex::new(&squash_tolerant("(?:kill|see+n) you")).is_ok());
    }

    #[test]
    fn ruleset_is_send_sync_clone() {
        fn assert_traits<T: Send + Sync + Clone + 'static>() {}
        assert_traits::<RuleSet>();
    }

    #[test]
    fn override_and_disable() {
        let mut b = RuleSet::builder();
        b.add_pack_str(
            "mine",
            r#"
            [pack]
            disable = ["bullying.mock_attention"]
            [[rule]]
            id = "bullying.kys"
            label = "bullying"
            severity = "medium"
            phrases = ["kys"]
            "#,
        )
        .unwrap();
        let rs = b.build().unwrap();
        let r = rs.rule("bullying.kys").unwrap();
        assert_eq!(r.severity, Severity::Medium);
        assert_eq!(r.pack, "mine");
        assert!(rs.rule("bullying.mock_attention").is_none());
    }

    #[test]
    fn bad_packs_are_errors() {
        let mut b = RuleSet::builder();
        assert!(matches!(b.add_pack_str("x", "[[rule]]\nid = 3"), Err(RulesError::Parse { .. })));
        let mut b = RuleSet::builder();
        b.add_pack_str("x", "[[rule]]\nid='a'\nlabel='crisis'\nseverity='low'\npatterns=['(']").unwrap();
        assert!(matches!(b.build(), Err(RulesError::Regex { .. })));
        let mut b = RuleSet::builder();
        b.add_pack_str("x", "[[rule]]\nid='a'\nlabel='crisis'\nseverity='low'").unwrap();
        assert!(matches!(b.build(), Err(RulesError::InvalidEntry { .. })));
        let mut b = RuleSet::builder();
        b.add_pack_str("x", "[[rule]]\nid='a'\nlabel='crisis'\nseverity='low'\nphrases=['{a']").unwrap();
        assert!(matches!(b.build(), Err(RulesError::InvalidEntry { .. })));
    }

    #[test]
    fn empty_ruleset_works() {
        let rs = RuleSet::builder().with_default_pack(false).build().unwrap();
        assert!(rs.check("kys").is_empty());
        assert!(rs.rules().is_empty());
    }

    #[test]
    fn duplicate_phrases_hit_every_rule() {
        let mut b = RuleSet::builder();
        b.with_default_pack(false)
            .add_pack_str(
                "x",
                "[[rule]]\nid='a'\nlabel='crisis'\nseverity='low'\nphrases=['foo bar']\n\
                 [[rule]]\nid='b'\nlabel='bullying'\nseverity='low'\nphrases=['foo bar']",
            )
            .unwrap();
        let rs = b.build().unwrap();
        let r = rs.check("FOO  bar");
        assert!(r.has_rule("a") && r.has_rule("b"), "{r:?}");
        assert_eq!(r.hits[0].text, "FOO  bar");
    }
}
