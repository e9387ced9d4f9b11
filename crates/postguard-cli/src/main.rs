//! `postguard`: label social-media posts (bullying, misinformation, unsafe advice) and flag posts
//! whose author may be in crisis (routed to help, never a violation).
//!
//! Subcommands: `check`, `score`, `eval`, `serve`, `rules list|test|audit`, `model info`. Exit codes are in
//! [`exit`] and in `--help`.

mod audit;
mod chunk;
mod engine;
mod eval;
mod outfile;
mod output;
mod render;
mod resume;
mod score;
mod serve;

use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context as _, anyhow};
use clap::{Args, Parser, Subcommand};
use postguard::{Label, Post};

use crate::engine::EngineArgs;
// The record readers live in the library (so the fuzz targets can reach them); `crate::input`
// stays the path the other modules use.
use crate::chunk::{OnError, Scorer};
use crate::input::{FieldSpec, Format, RecordReader};
use crate::render::{Span, Style};
use crate::score::Summary;
use postguard_cli::input;

/// Exit codes.
mod exit {
    pub const OK: u8 = 0;
    /// Bad command line (clap's own code for usage errors is also 2).
    pub const USAGE: u8 = 2;
    /// Unreadable or malformed input; `--on-error fail` met a bad record; output not writable.
    pub const INPUT: u8 = 3;
    /// The model or a rule pack could not be loaded.
    pub const MODEL: u8 = 4;
    /// Finished, but some records were skipped or written as error records.
    pub const PARTIAL: u8 = 5;
    /// `serve`: the address could not be bound, or the server failed.
    pub const SERVER: u8 = 6;
    /// Stopped by Ctrl-C, SIGTERM or SIGHUP (128 + SIGINT, as a shell reports Ctrl-C).
    pub const INTERRUPTED: u8 = 130;
    /// The output was closed by its reader (128 + SIGPIPE, as a shell reports it).
    pub const BROKEN_PIPE: u8 = 141;
}

const EXIT_CODES_HELP: &str = "\
Exit codes:
  0  success (flagged content is not an error)
  2  usage error (bad arguments or options)
  3  input/data error: unreadable or malformed input, a bad record under --on-error fail,
     an output that cannot be written
  4  model or rules load error
  5  completed, but records were skipped or errored (--on-error skip|emit)
  6  serve: the address could not be bound, or the server failed
  130  score stopped by Ctrl-C (or SIGTERM / SIGHUP) after a finished chunk (with -o: rerun
       with --resume)
  141  score's output was closed by its reader (e.g. `| head`); the summary counts what it got";

/// Label social-media posts (bullying, misinformation, unsafe advice) and flag crisis posts
/// (the author may be at risk: routed to help, never a violation).
#[derive(Debug, Parser)]
#[command(name = "postguard", version, after_help = EXIT_CODES_HELP)]
struct Cli {
    #[command(flatten)]
    global: Global,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Args)]
struct Global {
    #[command(flatten)]
    engine: EngineArgs,
    /// Records per scoring batch (score/eval read, score and write this many at a time).
    #[arg(long, global = true, default_value_t = 64, value_parser = clap::value_parser!(u64).range(1..=100_000))]
    batch_size: u64,
    /// Worker threads (default: all cores).
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=1024))]
    threads: Option<u64>,
    /// No progress bar and no summary on stderr (record errors are still reported).
    #[arg(long, short, global = true)]
    quiet: bool,
    /// Longest input record read (a JSONL line or a CSV record), in bytes: a longer one is an
    /// error record (see --on-error), read past without being held in memory.
    #[arg(long, global = true, value_name = "BYTES", default_value_t = input::DEFAULT_MAX_RECORD_BYTES, value_parser = at_least_one_usize)]
    max_record_bytes: usize,
}

/// clap's range parser says `not in 1..18446744073709551615`; this says what is meant.
fn at_least_one(s: &str) -> Result<u64, String> {
    match s.trim().parse::<u64>() {
        Ok(0) => Err("must be at least 1".to_owned()),
        Ok(n) => Ok(n),
        Err(_) => Err(format!("`{s}` is not a whole number")),
    }
}

fn at_least_one_usize(s: &str) -> Result<usize, String> {
    at_least_one(s).and_then(|n| usize::try_from(n).map_err(|_| format!("{n} is too large")))
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Classify one post and explain the result.
    Check {
        /// The post's text (`-` reads it from stdin).
        text: String,
        /// The message the post replies to.
        #[arg(long)]
        context: Option<String>,
        /// Print the verdict as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Score a JSONL or CSV file, streaming: one output record per input record, in order.
    #[command(after_help = SCORE_HELP)]
    Score(ScoreArgs),
    /// Serve the model over HTTP: OpenAI-compatible /v1/moderations, /v1/classify, /v1/redact,
    /// probes and metrics, with dynamic batching (binds 127.0.0.1:8080 by default).
    #[command(after_help = serve::SERVE_HELP)]
    Serve(serve::ServeArgs),
    /// Precision / recall / F1 / AUPRC per head on labelled JSONL (the shared data schema).
    Eval(EvalArgs),
    /// Inspect or try the rule packs (no model is loaded).
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Inspect the model.
    #[command(subcommand)]
    Model(ModelCommand),
}

const SCORE_HELP: &str = "\
Output: the input record's fields unchanged, plus `postguard`: {scores, flagged, rule_hits,
resources, model, language, and pii / privacy_notice / limited / unsupported_language when they
apply} (JSONL), or postguard_*
columns (CSV): a score per label, flagged, rule_hits, resources, model, model_sha256,
model_files_sha256, error, raw, limited, pii, privacy_notice, language, language_confidence,
unsupported_language (and extra, below).
Blank JSONL lines are not records: they are counted as blank_lines in the summary.
CSV output from JSONL input: the columns are the first record's keys; a later record's keys
outside them go, as a JSON object, into a last postguard_extra column.
The output file is locked while a run writes it, and an output that is the input (stdin
included) is refused.
--on-error: fail = stop at the first bad record (exit 3); skip = leave it out and report it on
stderr (exit 5); emit = write {\"postguard\": {\"error\": {\"line\", \"message\"}}} in its place (exit 5).
--resume continues an interrupted run into the same -o file (see the README).";

#[derive(Debug, Args)]
struct ScoreArgs {
    /// Input file (`-` = stdin).
    input: PathBuf,
    /// Output file (default: stdout).
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Input format (default: from the extension; jsonl for stdin).
    #[arg(long, value_enum)]
    input_format: Option<Format>,
    /// Output format (default: from the extension, else the input format).
    #[arg(long, value_enum)]
    output_format: Option<Format>,
    /// Field (JSON key or CSV column) holding the text.
    #[arg(long, default_value = "text")]
    text_field: String,
    /// Field holding the parent message (context). Default: `context`, used where present.
    #[arg(long)]
    context_field: Option<String>,
    /// Field holding the record id (shown in error messages).
    #[arg(long)]
    id_field: Option<String>,
    /// What to do with a record that cannot be scored.
    #[arg(long, value_enum, default_value_t = OnError::Fail)]
    on_error: OnError,
    /// Continue an interrupted run: keep the complete records already in the output file and
    /// append the rest.
    #[arg(long, requires = "output")]
    resume: bool,
    /// Field separator of a CSV input: one ASCII character (`;`, `|`, ...) or `tab` (default: tab
    /// for a `.tsv` file, else `,`). CSV output is always comma-separated.
    #[arg(long, value_parser = parse_delimiter)]
    delimiter: Option<u8>,
    /// Write the text and context fields redacted: each piece of personal information (phone,
    /// email, address, ID and card numbers, ...) replaced by a placeholder such as `[PHONE]`; the
    /// matched texts in the postguard object are redacted too, and a record that cannot be scored
    /// is written with null text and context. Other fields are written as they are.
    #[arg(long)]
    redact: bool,
}

fn parse_delimiter(s: &str) -> Result<u8, String> {
    match s {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        _ if s.len() == 1 && s.is_ascii() && !matches!(s, "\"" | "\n" | "\r") => Ok(s.as_bytes()[0]),
        _ => Err(format!("expected one ASCII character or `tab` (not a quote or line break), got `{s}`")),
    }
}

#[derive(Debug, Args)]
struct EvalArgs {
    /// Labelled JSONL (fields: text, context, labels {head: 1|0|null}, source).
    file: PathBuf,
    /// Print the metrics as JSON.
    #[arg(long)]
    json: bool,
    /// Evaluate at most this many records.
    #[arg(long)]
    limit: Option<usize>,
    /// Evaluate every N-th record only (a quick, spread-out sample).
    #[arg(long, default_value_t = 1, value_parser = at_least_one)]
    sample_every: u64,
    /// Field holding the text.
    #[arg(long, default_value = "text")]
    text_field: String,
    /// Field holding the context (null or missing = none).
    #[arg(long, default_value = "context")]
    context_field: String,
    /// Field holding the per-head labels.
    #[arg(long, default_value = "labels")]
    labels_field: String,
    /// Field holding the source name (metrics per source).
    #[arg(long, default_value = "source")]
    source_field: String,
    /// Field naming a behavioural-suite case's functionality (tests/behaviour/suite.jsonl):
    /// the pass rate per functionality is printed for records that have it.
    #[arg(long, default_value = "functionality")]
    functionality_field: String,
    /// fail: stop at the first bad record (exit 3); skip|emit: leave it out, report it (exit 5).
    #[arg(long, value_enum, default_value_t = OnError::Fail)]
    on_error: OnError,
}

#[derive(Debug, Subcommand)]
enum RulesCommand {
    /// List the loaded rules.
    List {
        /// As JSON.
        #[arg(long)]
        json: bool,
    },
    /// Run the rules (only) on a text and show hits, allow markers and suppressed hits; without
    /// a text, run rule packs' must_match / must_not_match examples (exit 1 if one fails).
    #[command(after_help = RULES_TEST_HELP)]
    Test {
        /// The text (`-` reads stdin). Leave it out to run the packs' examples instead.
        text: Option<String>,
        /// A rule pack (TOML) to load on top of the default one (like the global --rules) and,
        /// without a text, whose examples to run; repeatable.
        #[arg(long, value_name = "PACK.toml")]
        pack: Vec<PathBuf>,
        /// The message the text replies to (enables reply-aware rules).
        #[arg(long)]
        context: Option<String>,
        /// As JSON (the rule report).
        #[arg(long)]
        json: bool,
    },
    /// Measure every rule on labelled JSONL (the shared data schema): hits, precision where
    /// the rule's head is labelled, and the share of rows labelled 0 for that head that it
    /// hits, against the floor of its severity; worst rule first. Exit 1 if a rule is past
    /// its floor.
    #[command(after_help = AUDIT_HELP)]
    Audit {
        /// Labelled JSONL files (fields: text, context, labels {head: 1|0|null}); all are
        /// counted together.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print the audit as JSON instead of a Markdown table.
        #[arg(long)]
        json: bool,
        /// Field holding the per-head labels.
        #[arg(long, default_value = "labels")]
        labels_field: String,
        /// `HEAD:SOURCE`: do not count SOURCE's labels for HEAD (treat them as null), for a
        /// source whose labels for that head do not judge the post (repeatable).
        #[arg(long, value_name = "HEAD:SOURCE", value_parser = parse_ignore)]
        ignore_labels: Vec<(Label, String)>,
    },
}

fn parse_ignore(s: &str) -> Result<(Label, String), String> {
    let (head, source) = s.split_once(':').ok_or_else(|| format!("expected HEAD:SOURCE, got `{s}`"))?;
    let label = head.parse::<Label>().map_err(|e| e.to_string())?;
    if source.is_empty() {
        return Err(format!("no source after `{head}:`"));
    }
    Ok((label, source.to_owned()))
}

const RULES_TEST_HELP: &str = "\
Examples:
  postguard rules test \"you absolute walnut\"      show the hits on a text
  postguard rules test --pack ours.toml             run ours.toml's examples (exit 1 if one fails)
  postguard rules test                              run every loaded rule's examples
A pack is checked when it loads (ids, labels, phrases and patterns); whether its examples
hold is checked here, and `score`/`check` warn when a --rules pack's examples do not hold.";

const AUDIT_HELP: &str = "\
Floors: high severity hits at most 0.05% of the rows labelled 0 for its head and, where it
hits labelled rows, has precision >= 0.90; medium hits at most 0.5%; low has no floor.
--ignore-labels crisis:sdcnl is how the rules README's table is made: SDCNL's crisis labels
are subreddits (r/SuicideWatch vs r/depression), not judgments of the post.
A null label is unknown: that row is not counted for the head. Each record is checked as the
classifier checks it (the text as a reply to its context, when it has one).
Exit codes: 0 every rule within its floor, 1 some rule past its floor, 2 usage, 3 bad input,
4 rules could not be loaded.";

#[derive(Debug, Subcommand)]
enum ModelCommand {
    /// Name, version, sha256, labels, thresholds, max_tokens and source of the model.
    Info {
        /// As JSON.
        #[arg(long)]
        json: bool,
    },
}

/// An error with its exit code.
#[derive(Debug)]
struct Failure {
    code: u8,
    error: anyhow::Error,
}

trait Code<T> {
    fn code(self, code: u8) -> Result<T, Failure>;
}

impl<T, E: Into<anyhow::Error>> Code<T> for Result<T, E> {
    fn code(self, code: u8) -> Result<T, Failure> {
        self.map_err(|e| Failure { code, error: e.into() })
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(f) => {
            eprintln!("postguard: error: {}", report(&f.error));
            ExitCode::from(f.code)
        }
    }
}

/// The error and its causes joined by `: `, leaving out a cause whose text an outer message
/// already shows (library errors such as a rule pack's TOML error print their source in their
/// own message too; `{:#}` would print it twice).
fn report(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let msg = cause.to_string();
        if out.contains(msg.as_str()) {
            continue;
        }
        if !out.is_empty() {
            out.push_str(": ");
        }
        out.push_str(&msg);
    }
    out
}

fn run(cli: Cli) -> Result<u8, Failure> {
    let g = &cli.global;
    if let Some(n) = g.threads {
        // candle's CPU kernels and the engine's batch parallelism run on rayon's global pool.
        rayon::ThreadPoolBuilder::new().num_threads(n as usize).build_global().code(exit::USAGE)?;
    }
    let eargs = &g.engine;
    let color = io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let style = Style { color };
    match &cli.command {
        Command::Check { text, context, json } => check(eargs, text, context.as_deref(), *json, style),
        Command::Score(a) => score_cmd(eargs, g, a),
        Command::Eval(a) => eval_cmd(eargs, g, a),
        Command::Serve(a) => match serve::run(eargs, a) {
            Ok(()) => Ok(exit::OK),
            Err(serve::Failure::Usage(e)) => Err(e).code(exit::USAGE),
            Err(serve::Failure::Model(e)) => Err(e).code(exit::MODEL),
            Err(serve::Failure::Server(e)) => Err(e).code(exit::SERVER),
        },
        Command::Rules(RulesCommand::List { json }) => rules_list(eargs, *json),
        Command::Rules(RulesCommand::Test { text, pack, context, json }) => {
            let mut eargs = eargs.clone();
            eargs.rules.extend(pack.iter().cloned());
            match text {
                Some(text) => rules_test(&eargs, text, context.as_deref(), *json, style),
                None if context.is_some() => Err(anyhow!("--context needs a text to test")).code(exit::USAGE),
                None => rules_examples(&eargs, pack, *json),
            }
        }
        Command::Rules(RulesCommand::Audit { files, json, labels_field, ignore_labels }) => {
            rules_audit(eargs, g.max_record_bytes, files, *json, labels_field, ignore_labels)
        }
        Command::Model(ModelCommand::Info { json }) => model_info(eargs, *json),
    }
}

fn text_arg(text: &str) -> Result<String, Failure> {
    if text != "-" {
        return Ok(text.to_owned());
    }
    let mut s = String::new();
    io::Read::read_to_string(&mut io::stdin(), &mut s).context("reading the text from stdin").code(exit::INPUT)?;
    Ok(s.trim_end_matches(['\r', '\n']).to_owned())
}

fn load(eargs: &EngineArgs) -> Result<(postguard::Classifier, engine::SourceDesc), Failure> {
    engine::classifier(eargs).code(exit::MODEL)
}

fn print(s: &str) -> Result<u8, Failure> {
    let mut out = io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(exit::OK),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(exit::OK),
        Err(e) => Err(e).context("writing to stdout").code(exit::INPUT),
    }
}

fn check(eargs: &EngineArgs, text: &str, context: Option<&str>, json: bool, st: Style) -> Result<u8, Failure> {
    let text = text_arg(text)?;
    let (clf, _) = load(eargs)?;
    let mut post = Post::new(text.clone());
    if let Some(c) = context {
        post = post.with_context(c);
    }
    let v = clf.classify(&post).context("classifying").code(exit::INPUT)?;
    if json {
        return print(&(serde_json::to_string_pretty(&v).expect("a verdict serialises") + "\n"));
    }
    let mut s = String::new();
    let spans: Vec<Span<'_>> =
        v.rule_hits().iter().map(|h| Span { start: h.start, end: h.end, label: h.label.as_str() }).collect();
    if let Some(c) = context {
        s += &format!("{} {}\n", st.dim("context:"), c);
    }
    s += &format!("{} {}\n\n", st.dim("text:   "), render::highlight(&text, &spans, st));
    s += &format!("{:<16} {:>6} {:>6} {:>6} {:>9}  {}\n", "label", "model", "rules", "fused", "threshold", "decision");
    for (l, sc) in v.labels().iter() {
        let decision = match (sc.flagged, l.is_violation()) {
            (true, true) => st.label(l.as_str(), "FLAGGED"),
            (true, false) => st.label(l.as_str(), "AT RISK: offer help"),
            (false, _) => "-".to_owned(),
        };
        s += &format!(
            "{:<16} {:>6.3} {:>6.3} {:>6.3} {:>9.3}  {}\n",
            l.as_str(),
            sc.model,
            sc.rules,
            sc.fused,
            sc.threshold,
            decision
        );
    }
    if !v.rule_hits().is_empty() {
        s += "\nrule hits:\n";
        for h in v.rule_hits() {
            s += &format!(
                "  {} ({}, {}) {}..{} {}\n",
                h.rule_id,
                h.label.as_str(),
                format!("{:?}", h.severity).to_lowercase(),
                h.start,
                h.end,
                st.label(h.label.as_str(), &format!("{:?}", h.text))
            );
        }
    }
    if !v.allow_hits().is_empty() {
        s += "\nallow markers (damp the model score and rule evidence):\n";
        for a in v.allow_hits() {
            let labels: Vec<&str> = a.labels.iter().map(|l| l.as_str()).collect();
            s += &format!("  {} ({}) {}..{} {:?}\n", a.id, labels.join(", "), a.start, a.end, a.text);
        }
    }
    if !v.suppressed_hits().is_empty() {
        s += "\nsuppressed (not evidence):\n";
        for x in v.suppressed_hits() {
            s += &format!("  {} {:?}: {}\n", x.hit.rule_id, x.hit.text, x.reason);
        }
    }
    if !v.pii().is_empty() {
        s += "\npersonal information:\n";
        for f in v.pii() {
            let whose = match f.whose {
                postguard::Whose::Own => "the author's own",
                postguard::Whose::Other => "someone else's: privacy violation",
                _ => "whose is not said",
            };
            s += &format!(
                "  {} {}..{} {:?} ({whose}, confidence {:.2})\n",
                f.kind, f.start, f.end, f.text, f.confidence
            );
        }
        s += &format!("  redacted: {}\n", clf.redact(&text));
    }
    if v.windows() > 1 {
        s += &format!("\nlong post: scored over {} overlapping windows (max per label)\n", v.windows());
    }
    if let Some(l) = v.limited() {
        if l.scored_text_bytes < l.text_bytes || l.scored_context_bytes < l.context_bytes {
            s += &format!(
                "{}\n",
                st.bold(&format!(
                    "limited: only the first {} of {} bytes of the text{} were scored (--max-post-bytes)",
                    l.scored_text_bytes,
                    l.text_bytes,
                    if l.scored_context_bytes < l.context_bytes {
                        format!(" and {} of {} of the context", l.scored_context_bytes, l.context_bytes)
                    } else {
                        String::new()
                    }
                ))
            );
        }
        let dropped = l.rule_hits_dropped + l.allow_hits_dropped + l.suppressed_hits_dropped;
        if dropped > 0 {
            s += &format!("limited: {dropped} more hits not listed (--max-rule-hits); the verdict counts them all\n");
        }
    }
    let lang = v.language();
    if v.unsupported_language() {
        s += &format!(
            "\n{}\n",
            st.bold(&format!(
                "language: {} ({:.2}), which the model was not trained on: its scores are shown but do not flag on their own; only rules decide (--assume-language to override)",
                lang.code, lang.confidence
            ))
        );
    } else if lang.assumed {
        s += &format!("\nlanguage: {} (assumed)\n", lang.code);
    } else if lang.is_determined() {
        s += &format!("\nlanguage: {} ({:.2})\n", lang.code, lang.confidence);
    } else {
        s += "\nlanguage: undetermined (too short or mixed): scored as usual\n";
    }
    s += "\n";
    if v.is_violation() {
        let names: Vec<&str> = v.violations().iter().map(|l| l.as_str()).collect();
        s += &format!("{} {}\n", st.bold("verdict: violation:"), names.join(", "));
    } else {
        s += &format!("{}\n", st.bold("verdict: no violation"));
    }
    if let Some(notice) = v.privacy_notice() {
        s += &format!("\n{} {notice}\n", st.bold("privacy notice to the author:"));
    }
    if v.is_crisis() {
        s += &format!(
            "\n{}\n",
            st.bold("The author may be at risk. This is not a violation: reach out and share these resources:")
        );
        for r in v.resources() {
            s += &format!("  {} ({}): {} - {}\n", r.name, r.locale, r.contact, r.url);
        }
    }
    let m = v.model();
    s += &st.dim(&format!(
        "\nmodel: {} {} sha256:{} ({})\n",
        m.name,
        m.version,
        &m.sha256[..m.sha256.len().min(12)],
        m.precision
    ));
    print(&s)
}

fn rules_list(eargs: &EngineArgs, json: bool) -> Result<u8, Failure> {
    let rules = engine::rules(eargs).code(exit::MODEL)?;
    if json {
        let list: Vec<serde_json::Value> = rules
            .rules()
            .iter()
            .map(|r| {
                serde_json::json!({
                    "id": r.id, "label": r.label, "severity": r.severity,
                    "description": r.description, "pack": r.pack,
                })
            })
            .collect();
        return print(&(serde_json::to_string_pretty(&list).expect("serialises") + "\n"));
    }
    let mut s = format!("{:<36} {:<15} {:<7} {:<10} {}\n", "id", "label", "severity", "pack", "description");
    for r in rules.rules() {
        s += &format!(
            "{:<36} {:<15} {:<7} {:<10} {}\n",
            r.id,
            r.label.as_str(),
            format!("{:?}", r.severity).to_lowercase(),
            r.pack,
            r.description
        );
    }
    s += &format!("{} rules\n", rules.rules().len());
    print(&s)
}

fn rules_audit(
    eargs: &EngineArgs,
    max_record_bytes: usize,
    files: &[PathBuf],
    json: bool,
    labels_field: &str,
    ignore: &[(Label, String)],
) -> Result<u8, Failure> {
    let rules = engine::rules(eargs).code(exit::MODEL)?;
    let mut audit = postguard::rules::RuleAudit::new(&rules);
    let fields = eval::EvalFields {
        labels: labels_field.to_owned(),
        source: "source".to_owned(),
        functionality: "functionality".to_owned(),
    };
    let mut names = Vec::new();
    for file in files {
        let name = input_name(file);
        if Format::from_path(file) == Some(Format::Csv) {
            return Err(anyhow!("{name}: rules audit reads labelled JSONL, not CSV")).code(exit::USAGE);
        }
        if file.is_dir() {
            return Err(anyhow!("{name}: is a directory, not a labelled JSONL file")).code(exit::USAGE);
        }
        let spec = FieldSpec {
            text: "text".into(),
            context: Some("context".into()),
            context_required: false,
            id: Some("id".into()),
        };
        let mut reader = RecordReader::with_options(open_input(file)?, Format::Jsonl, spec, b',', max_record_bytes)
            .map_err(|e| anyhow!("{name}: {e}"))
            .code(exit::INPUT)?;
        let before = audit.records();
        audit::add_file(&mut audit, &rules, &mut reader, &fields, ignore, &name)
            .map_err(|e| anyhow!("{e}"))
            .code(exit::INPUT)?;
        // An audit that measured nothing must not pass: every rule is "within its floor" on an
        // empty file.
        if audit.records() == before {
            return Err(anyhow!(
                "{name}: no records ({} blank lines): nothing to audit; is it the right file?",
                reader.blank_lines()
            ))
            .code(exit::INPUT);
        }
        names.push(name);
    }
    let report =
        audit::AuditReport { files: names, ignored: ignore.to_vec(), records: audit.records(), rules: audit.rows() };
    let text =
        if json { serde_json::to_string_pretty(&report.json()).expect("serialises") + "\n" } else { report.table() };
    print(&text)?;
    Ok(if report.rules.iter().all(|r| r.within_floor()) { exit::OK } else { 1 })
}

fn rules_test(eargs: &EngineArgs, text: &str, context: Option<&str>, json: bool, st: Style) -> Result<u8, Failure> {
    let text = text_arg(text)?;
    let rules = engine::rules(eargs).code(exit::MODEL)?;
    let report = rules.check_reply(&text, context);
    if json {
        return print(&(serde_json::to_string_pretty(&report).expect("serialises") + "\n"));
    }
    let spans: Vec<Span<'_>> =
        report.hits().iter().map(|h| Span { start: h.start, end: h.end, label: h.label.as_str() }).collect();
    let mut s = format!("{} {}\n", st.dim("text:"), render::highlight(&text, &spans, st));
    if report.hits().is_empty() {
        s += "no rule hits\n";
    }
    for h in report.hits() {
        s += &format!(
            "hit       {} ({}, {}) {}..{} {}\n",
            h.rule_id,
            h.label.as_str(),
            format!("{:?}", h.severity).to_lowercase(),
            h.start,
            h.end,
            st.label(h.label.as_str(), &format!("{:?}", h.text))
        );
    }
    for a in report.allows() {
        let labels: Vec<&str> = a.labels.iter().map(|l| l.as_str()).collect();
        s += &format!("allow     {} ({}) {}..{} {:?}\n", a.id, labels.join(", "), a.start, a.end, a.text);
    }
    for x in report.suppressed() {
        s += &format!("suppressed {} {:?}: {}\n", x.hit.rule_id, x.hit.text, x.reason);
    }
    print(&s)
}

/// `rules test` without a text: run the examples of the rules from `packs` (every loaded rule
/// when none is named); exit 1 if any does not hold.
fn rules_examples(eargs: &EngineArgs, packs: &[PathBuf], json: bool) -> Result<u8, Failure> {
    let rules = engine::build_rules(eargs).code(exit::MODEL)?;
    let names: Vec<String> = packs.iter().map(|p| p.display().to_string()).collect();
    let ours = |pack: &str| names.is_empty() || names.iter().any(|n| n == pack);
    let tested: Vec<&postguard::rules::RuleInfo> = rules.rules().iter().filter(|r| ours(&r.pack)).collect();
    let examples: usize = tested
        .iter()
        .map(|r| {
            r.must_match.len() + r.must_not_match.len() + r.must_match_replies.len() + r.must_not_match_replies.len()
        })
        .sum();
    let failures = rules.test_examples_of(|r| ours(&r.pack));
    if tested.is_empty() {
        return Err(anyhow!("no rules to test: the packs named define none (or all are disabled)")).code(exit::USAGE);
    }
    if json {
        let v = serde_json::json!({"rules": tested.len(), "examples": examples, "failures": failures});
        print(&(serde_json::to_string_pretty(&v).expect("serialises") + "\n"))?;
    } else {
        let mut s = String::new();
        for f in &failures {
            let hits: Vec<String> = f.report.hits().iter().map(|h| format!("{} {:?}", h.rule_id, h.text)).collect();
            let why: Vec<String> = f
                .report
                .suppressed()
                .iter()
                .filter(|x| x.hit.rule_id == f.rule_id)
                .map(|x| x.reason.to_string())
                .collect();
            s += &format!(
                "FAIL {}: {} {:?}{}\n     hits: {}{}\n",
                f.rule_id,
                if f.expected_match { "must_match" } else { "must_not_match" },
                f.example,
                f.context.as_deref().map(|c| format!(" (context {c:?})")).unwrap_or_default(),
                if hits.is_empty() { "none".to_owned() } else { hits.join(", ") },
                if why.is_empty() { String::new() } else { format!("; suppressed: {}", why.join(", ")) },
            );
        }
        s += &format!(
            "{} of {examples} examples of {} rules hold{}\n",
            examples - failures.len(),
            tested.len(),
            if names.is_empty() { String::new() } else { format!(" ({})", names.join(", ")) }
        );
        print(&s)?;
    }
    Ok(if failures.is_empty() { exit::OK } else { 1 })
}

fn model_info(eargs: &EngineArgs, json: bool) -> Result<u8, Failure> {
    let (clf, desc) = load(eargs)?;
    let m = clf.model_info();
    let labels: Vec<&str> = clf.labels().iter().map(|l| l.as_str()).collect();
    let thresholds: serde_json::Map<String, serde_json::Value> =
        clf.thresholds().iter().map(|(l, t)| (l.as_str().to_owned(), serde_json::json!(t))).collect();
    let source = match &desc {
        engine::SourceDesc::Bundled => serde_json::json!({"kind": "bundled"}),
        engine::SourceDesc::Dir(p) => serde_json::json!({"kind": "dir", "path": p}),
        engine::SourceDesc::Hub { repo_id, revision, cache_dir, offline } => serde_json::json!({
            "kind": "hub", "repo_id": repo_id, "revision": revision, "cache_dir": cache_dir, "offline": offline,
        }),
    };
    if json {
        let v = serde_json::json!({
            "name": m.name, "version": m.version, "sha256": m.sha256, "files_sha256": m.files_sha256, "precision": m.precision,
            "base_model": clf.base_model(), "labels": labels, "thresholds": thresholds,
            "max_tokens": clf.max_tokens(), "stride": clf.stride(),
            "max_batch_tokens": clf.max_batch_tokens(), "rules": clf.rules().rules().len(),
            "source": source,
        });
        return print(&(serde_json::to_string_pretty(&v).expect("serialises") + "\n"));
    }
    let t: Vec<String> = clf.thresholds().iter().map(|(l, t)| format!("{}={t}", l.as_str())).collect();
    let s = format!(
        "name:             {}\nversion:          {}\nsha256:           {}\nfiles sha256:     {}\nprecision:        {}\nbase model:       {}\nlabels:           {}\nthresholds:       {}\nmax_tokens:       {} (stride {})\nmax_batch_tokens: {}\nrules:            {}\nsource:           {desc}\n",
        m.name,
        m.version,
        m.sha256,
        m.files_sha256,
        m.precision,
        clf.base_model().unwrap_or("-"),
        labels.join(", "),
        t.join(" "),
        clf.max_tokens(),
        clf.stride(),
        clf.max_batch_tokens(),
        clf.rules().rules().len(),
    );
    print(&s)
}

/// Open the input (`-` = stdin) for buffered reading.
fn open_input(path: &Path) -> Result<Box<dyn BufRead>, Failure> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(BufReader::with_capacity(1 << 20, io::stdin())));
    }
    if path.is_dir() {
        return Err(anyhow!("{}: is a directory, not a file", path.display())).code(exit::INPUT);
    }
    let f = File::open(path).with_context(|| format!("{}", path.display())).code(exit::INPUT)?;
    Ok(Box::new(BufReader::with_capacity(1 << 20, f)))
}

fn input_name(path: &Path) -> String {
    if path.as_os_str() == "-" { "<stdin>".to_owned() } else { path.display().to_string() }
}

fn progress_bar(quiet: bool, what: &str) -> indicatif::ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let pb = indicatif::ProgressBar::new_spinner();
    pb.set_style(
        indicatif::ProgressStyle::with_template(&format!(
            "{{spinner}} {{human_pos}} {what}  {{per_sec}}  [{{elapsed_precise}}]"
        ))
        .expect("a valid template"),
    );
    pb.enable_steady_tick(std::time::Duration::from_millis(200));
    pb
}

/// A chunk also closes at this many bytes of text, so huge posts do not multiply memory by the
/// batch size.
const CHUNK_BYTES: usize = 8 << 20;

fn score_cmd(eargs: &EngineArgs, g: &Global, a: &ScoreArgs) -> Result<u8, Failure> {
    let stdin = a.input.as_os_str() == "-";
    let in_format = a.input_format.or_else(|| Format::from_path(&a.input)).unwrap_or(Format::Jsonl);
    if !stdin && a.input_format.is_none() && Format::from_path(&a.input).is_none() {
        return Err(anyhow!(
            "cannot tell the format of {} from its extension; pass --input-format jsonl|csv",
            a.input.display()
        ))
        .code(exit::USAGE);
    }
    let out_format = a.output_format.or_else(|| a.output.as_deref().and_then(Format::from_path)).unwrap_or(in_format);
    if let Some(out) = a.output.as_deref().filter(|p| input::is_tsv(p) && a.output_format.is_none()) {
        return Err(anyhow!(
            "{}: score writes CSV (comma-separated) or JSONL, not tab-separated values; name the output .csv or .jsonl, or pass --output-format",
            out.display()
        ))
        .code(exit::USAGE);
    }
    // Never write over the input: compared by device and inode before anything is opened for
    // writing, so `-o` naming the input (by any path), and stdin redirected from the output
    // file, are both refused before the output is truncated.
    let input_id = if stdin { outfile::stdin_id() } else { outfile::path_id(&a.input) };
    if let Some(out) = &a.output
        && if stdin {
            input_id.is_some() && outfile::path_id(out) == input_id
        } else {
            outfile::same_file(&a.input, out)
        }
    {
        return Err(anyhow!(
            "the output {} is the same file as the input{}: it would be truncated before it is read; write to another file",
            out.display(),
            if stdin { " (standard input is redirected from it)" } else { "" }
        ))
        .code(exit::USAGE);
    }
    if a.output.is_none() && input_id.is_some() && outfile::stdout_id() == input_id {
        return Err(anyhow!(
            "standard output is redirected to the input file {}: the run would read its own output; write to another file",
            input_name(&a.input)
        ))
        .code(exit::USAGE);
    }
    // Lock the output before anything reads or changes it (--resume looks at it first); the
    // lock is held until the run ends.
    // An output this run creates is removed again if the run stops before writing it.
    let mut created = a.output.as_deref().map(outfile::CreatedGuard::before_open);
    let out_file = match &a.output {
        Some(p) => Some(outfile::open_locked(p).with_context(|| format!("{}", p.display())).code(exit::INPUT)?),
        None => None,
    };
    let delimiter = a.delimiter.unwrap_or(if input::is_tsv(&a.input) { b'\t' } else { b',' });
    let spec = FieldSpec {
        text: a.text_field.clone(),
        context: Some(a.context_field.clone().unwrap_or_else(|| "context".to_owned())),
        context_required: a.context_field.is_some(),
        id: a.id_field.clone(),
    };
    let name = input_name(&a.input);
    let mut reader = RecordReader::with_options(open_input(&a.input)?, in_format, spec, delimiter, g.max_record_bytes)
        .map_err(|e| anyhow!("{name}: {e}"))
        .code(exit::INPUT)?;

    // Resume point (before loading the model, so a wrong --resume fails fast).
    let point = match (&a.output, a.resume) {
        (Some(out), true) => {
            resume::prepare(out, out_format, a.id_field.as_deref()).map_err(|e| anyhow!(e)).code(exit::INPUT)?
        }
        _ => resume::ResumePoint::default(),
    };
    if !point.from_checkpoint && point.records_done > 0 && a.on_error == OnError::Skip {
        return Err(anyhow!(
            "{} has no checkpoint (the run finished, or the file comes from elsewhere); with --on-error skip its records cannot be matched to input records; run without --resume",
            a.output.as_deref().unwrap_or(Path::new("-")).display()
        ))
        .code(exit::USAGE);
    }
    let (clf, _) = load(eargs)?;
    let mut scorer = engine::Engine { classifier: clf, redact: a.redact };

    let mut summary = point.summary.clone();
    if point.records_done > 0 {
        let found =
            score::skip_records(&mut reader, point.records_done, point.kept_ids.as_deref(), point.summary.skipped == 0)
                .map_err(|e| anyhow!("{name}: {e}"))
                .code(exit::INPUT)?;
        if found < point.records_done {
            return Err(anyhow!(
                "{name} has {found} records, but the output already holds {}: is it the same input?",
                point.records_done
            ))
            .code(exit::INPUT);
        }
        if !g.quiet {
            eprintln!(
                "postguard: resuming after {} input records ({}{})",
                point.records_done,
                if point.from_checkpoint { "from the checkpoint" } else { "counted in the output; no checkpoint" },
                if point.truncated_bytes > 0 {
                    format!(", dropped {} bytes of a partly written chunk", point.truncated_bytes)
                } else {
                    String::new()
                }
            );
        }
    }
    let blank_base = reader.blank_lines() as u64;

    let sink: Box<dyn Write> = match (out_file, &a.output) {
        (Some(mut f), Some(p)) => {
            // A new run starts the file afresh; --resume appends after what prepare() kept.
            // (Only a regular file: a device or a pipe, e.g. /dev/stdout, has no length to set.)
            let regular = f.metadata().is_ok_and(|m| m.is_file());
            let placed = match (regular, a.resume) {
                (false, _) => Ok(()),
                (true, true) => io::Seek::seek(&mut f, io::SeekFrom::End(0)).map(drop),
                (true, false) => f.set_len(0),
            };
            placed.with_context(|| format!("{}", p.display())).code(exit::INPUT)?;
            Box::new(f)
        }
        _ => Box::new(io::stdout().lock()),
    };
    if let Some(g) = created.as_mut() {
        g.keep();
    }
    if let (Some(p), false) = (&a.output, a.resume) {
        resume::clear(p);
    }
    let resumed_bytes =
        a.output.as_ref().filter(|_| a.resume).and_then(|p| std::fs::metadata(p).ok()).map_or(0, |m| m.len());
    let out = output::Output::new(
        sink,
        out_format,
        scorer.labels(),
        reader.header().to_vec(),
        if resumed_bytes > 0 { point.csv_base.clone() } else { None },
    );
    let mut out = if a.redact {
        out.redacting(&a.text_field, Some(a.context_field.as_deref().unwrap_or("context")))
    } else {
        out
    };
    // Ctrl-C: stop after the chunk being scored (its records written, the checkpoint saved), so
    // `--resume` continues exactly; a second Ctrl-C stops at once (the last checkpoint still holds).
    static INTERRUPTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    let resumable = a.output.is_some();
    let _ = ctrlc::set_handler(move || {
        if INTERRUPTED.swap(true, std::sync::atomic::Ordering::SeqCst) {
            if resumable {
                eprintln!(
                    "\npostguard: stopped; run the same command with --resume to continue from the last finished chunk"
                );
            }
            std::process::exit(i32::from(exit::INTERRUPTED));
        }
        eprintln!(
            "\npostguard: interrupted (Ctrl-C or a termination signal); finishing the current chunk (Ctrl-C again to stop at once)"
        );
    });
    let opts = chunk::ChunkOptions {
        on_error: a.on_error,
        chunk_records: g.batch_size as usize,
        chunk_bytes: CHUNK_BYTES,
        input_name: name.clone(),
        interrupted: Some(&INTERRUPTED),
    };
    let pb = progress_bar(g.quiet, "posts");
    let started = Instant::now();
    let out_path = a.output.clone();
    let format_name = resume::format_name(out_format).to_owned();
    let mut checkpoint = |s: &Summary, bytes: u64| -> io::Result<()> {
        match &out_path {
            Some(p) => resume::save(
                p,
                &resume::Checkpoint {
                    version: 1,
                    output_format: format_name.clone(),
                    output_bytes: resumed_bytes + bytes,
                    summary: s.clone(),
                },
            ),
            None => Ok(()),
        }
    };
    let ok_before = summary.ok;
    let result = score::run(&mut reader, &mut scorer, &mut out, &opts, &mut summary, blank_base, &pb, &mut checkpoint);
    let result = result.and_then(|()| out.finish().map(drop).map_err(score::ScoreError::Write));
    pb.finish_and_clear();
    let elapsed = started.elapsed();
    if !g.quiet || result.is_err() {
        print_summary(&summary, summary.ok - ok_before, elapsed);
        if let Some(w) = engine::locale_warning(eargs) {
            eprintln!("warning: {w}");
        }
    }
    match result {
        Ok(()) => {
            if let Some(p) = &a.output {
                resume::clear(p);
            }
            Ok(if summary.has_record_errors() { exit::PARTIAL } else { exit::OK })
        }
        // The reader went away (`| head`): stop quietly, as a command killed by SIGPIPE would;
        // the summary above counts what the output received.
        Err(score::ScoreError::Write(e)) if e.kind() == io::ErrorKind::BrokenPipe => Ok(exit::BROKEN_PIPE),
        Err(score::ScoreError::Write(e)) => Err(anyhow!(
            "{}: writing output: {e}{}",
            a.output.as_deref().map_or_else(|| "<stdout>".to_owned(), |p| p.display().to_string()),
            if a.output.is_some() {
                " (the records counted above are in it; free space or fix it and rerun with --resume)"
            } else {
                ""
            }
        ))
        .code(exit::INPUT),
        Err(score::ScoreError::Checkpoint(e)) => Err(anyhow!(
            "{}: {e}",
            a.output.as_deref().map(resume::checkpoint_path).unwrap_or_default().display()
        ))
        .code(exit::INPUT),
        Err(score::ScoreError::Interrupted) => {
            eprintln!(
                "postguard: interrupted after {} input records{}",
                summary.records_in,
                match &a.output {
                    Some(p) => format!(
                        ", their output is in {}; run the same command with --resume to continue",
                        p.display()
                    ),
                    None => " (written to stdout)".to_owned(),
                }
            );
            Ok(exit::INTERRUPTED)
        }
        Err(score::ScoreError::Record { line, id, message }) => Err(anyhow!(
            "{name}:{line}{}: {message}\n(stopped: --on-error fail; use --on-error skip or emit to continue past bad records{})",
            id.map(|id| format!(" (id {id})")).unwrap_or_default(),
            if a.output.is_some() { ", with --resume to keep what was written" } else { "" }
        ))
        .code(exit::INPUT),
        Err(e) => Err(anyhow!("{name}: {e}")).code(exit::INPUT),
    }
}

/// `scored_now`: posts scored by this run (a resumed run's summary also counts earlier ones);
/// the rate is of those, and is left out when there are none.
fn print_summary(s: &Summary, scored_now: u64, elapsed: std::time::Duration) {
    let secs = elapsed.as_secs_f64();
    let rate =
        if scored_now > 0 && secs > 0.0 { format!(", {:.1} posts/s", scored_now as f64 / secs) } else { String::new() };
    eprintln!(
        "postguard score: records in {}, out {} (ok {}, skipped {}, errored {}), blank lines {}; {:.1}s{rate}",
        s.records_in, s.records_out, s.ok, s.skipped, s.errored, s.blank_lines, secs
    );
    let counts: Vec<String> = Label::ALL
        .iter()
        .map(|l| format!("{} {}", l.as_str(), s.flagged.get(l.as_str()).copied().unwrap_or(0)))
        .collect();
    eprintln!("flagged: {}", counts.join(", "));
    if s.unsupported_language > 0 {
        eprintln!(
            "unsupported language: {} posts are in a language the model was not trained on: their model scores did not flag on their own, only rules did (--assume-language to override)",
            s.unsupported_language
        );
    }
}

fn eval_cmd(eargs: &EngineArgs, g: &Global, a: &EvalArgs) -> Result<u8, Failure> {
    let spec = FieldSpec {
        text: a.text_field.clone(),
        context: Some(a.context_field.clone()),
        context_required: false,
        id: Some("id".to_owned()),
    };
    let name = input_name(&a.file);
    let format = Format::from_path(&a.file).unwrap_or(Format::Jsonl);
    if format != Format::Jsonl {
        return Err(anyhow!("eval reads labelled JSONL; {} looks like CSV", a.file.display())).code(exit::USAGE);
    }
    let mut reader = RecordReader::with_options(open_input(&a.file)?, format, spec, b',', g.max_record_bytes)
        .map_err(|e| anyhow!("{name}: {e}"))
        .code(exit::INPUT)?;
    let (clf, _) = load(eargs)?;
    let thresholds = clf.thresholds().iter().map(|(l, t)| (l.as_str().to_owned(), *t)).collect();
    let mut scorer = engine::Engine { classifier: clf, redact: false };
    let pb = progress_bar(g.quiet, "posts");
    let started = Instant::now();
    let report = eval::run(
        &mut reader,
        &mut scorer,
        &eval::EvalFields {
            labels: a.labels_field.clone(),
            source: a.source_field.clone(),
            functionality: a.functionality_field.clone(),
        },
        thresholds,
        &eval::EvalOptions {
            limit: a.limit,
            sample_every: a.sample_every as usize,
            chunk: chunk::ChunkOptions {
                on_error: a.on_error,
                chunk_records: g.batch_size as usize,
                chunk_bytes: CHUNK_BYTES,
                input_name: name.clone(),
                interrupted: None,
            },
        },
        &pb,
    );
    pb.finish_and_clear();
    let report = report.map_err(|e| anyhow!("{e}")).code(exit::INPUT)?;
    // Metrics over no records are no measurement: say so instead of printing an empty table
    // that a script would take as a pass.
    if report.records == 0 {
        return Err(anyhow!(
            "{name}: no record was scored ({} record errors, {} blank lines{}): nothing to evaluate",
            report.record_errors,
            reader.blank_lines(),
            if a.limit == Some(0) { ", --limit 0" } else { "" }
        ))
        .code(exit::INPUT);
    }
    let secs = started.elapsed().as_secs_f64();
    let text = if a.json { serde_json::to_string_pretty(&report).expect("serialises") + "\n" } else { report.table() };
    print(&text)?;
    if !g.quiet {
        eprintln!(
            "postguard eval: {} records in {:.1}s ({:.1} posts/s)",
            report.records,
            secs,
            report.records as f64 / secs.max(1e-9)
        );
    }
    Ok(if report.record_errors > 0 { exit::PARTIAL } else { exit::OK })
}
