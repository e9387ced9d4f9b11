//! Context that flips the meaning of a hit: negation, debunking, recovery, reported speech,
//! quotation, conditional/supportive framing and figurative use.
//!
//! Cue phrases come from the packs' `[context]` sections, normalised like rule phrases,
//! and are matched only when a text has at least one rule hit.

use aho_corasick::{AhoCorasick, MatchKind};

use crate::RulesError;
use crate::normalize::{Normalized, normalize};
use crate::pack::{ContextCues, ContextKind};

/// How many words around a hit context analysis looks at.
const LOOK: usize = 48;
/// How many bytes around a hit quote detection looks at.
const QUOTE_LOOK: usize = 1024;
/// Words between a negation cue and the hit (violations).
const NEGATION_WINDOW: usize = 4;
/// Words between a negation cue and a first-person crisis hit: only directly before
/// ("I don't want to die", "I don't really want to die"), never "I can't stop ...".
const SELF_NEGATION_WINDOW: usize = 2;
/// Words between a reported-speech cue and the hit.
const REPORTED_WINDOW: usize = 6;
/// Same, for crisis hits: only directly reported ("told me to kill myself").
const CRISIS_REPORTED_WINDOW: usize = 2;
/// Words between a conditional cue and the hit.
const CONDITIONAL_WINDOW: usize = 6;
/// Words between a first-person subject and the hit ("i will commit suicide").
const FIRST_PERSON_WINDOW: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueKind {
    Negation,
    SelfNegation,
    DebunkBefore,
    DebunkAfter,
    RecoveryBefore,
    RecoveryAfter,
    Reported,
    ReportedAfter,
    Conditional,
    FigurativeAfter,
    SelfReference,
    FirstPerson,
    OtherPerson,
    Attribution,
    Lyrics,
    SelfAttribution,
    NotNegation,
    Reset,
}

/// One cue occurrence, as an inclusive word range.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CueHit {
    kind: CueKind,
    pattern: u32,
    w0: usize,
    w1: usize,
}

#[derive(Debug)]
pub(crate) struct Cues {
    ac: Option<AhoCorasick>,
    kinds: Vec<CueKind>,
    phrases: Vec<String>,
}

impl Cues {
    pub(crate) fn compile(c: &ContextCues) -> Result<Self, RulesError> {
        let mut kinds = Vec::new();
        let mut phrases = Vec::new();
        let lists: [(&Vec<String>, CueKind); 18] = [
            (&c.negation, CueKind::Negation),
            (&c.self_negation, CueKind::SelfNegation),
            (&c.debunk_before, CueKind::DebunkBefore),
            (&c.debunk_after, CueKind::DebunkAfter),
            (&c.recovery_before, CueKind::RecoveryBefore),
            (&c.recovery_after, CueKind::RecoveryAfter),
            (&c.reported, CueKind::Reported),
            (&c.reported_after, CueKind::ReportedAfter),
            (&c.conditional, CueKind::Conditional),
            (&c.figurative_after, CueKind::FigurativeAfter),
            (&c.self_reference, CueKind::SelfReference),
            (&c.first_person, CueKind::FirstPerson),
            (&c.other_person, CueKind::OtherPerson),
            (&c.attribution, CueKind::Attribution),
            (&c.lyrics, CueKind::Lyrics),
            (&c.self_attribution, CueKind::SelfAttribution),
            (&c.not_negation, CueKind::NotNegation),
            (&c.reset, CueKind::Reset),
        ];
        for (list, kind) in lists {
            for template in list {
                let expanded = crate::pack::expand(template).ok_or_else(|| RulesError::InvalidEntry {
                    pack: "(context)".into(),
                    id: template.clone(),
                    reason: "bad cue template".into(),
                })?;
                for p in expanded {
                    let n = normalize(&p);
                    if !n.is_empty() {
                        kinds.push(kind);
                        phrases.push(n);
                    }
                }
            }
        }
        let ac = if phrases.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(&phrases)
                    .map_err(RulesError::Automaton)?,
            )
        };
        Ok(Cues { ac, kinds, phrases })
    }

    /// All word-bounded cue occurrences in `norm`.
    pub(crate) fn find(&self, norm: &Normalized, out: &mut Vec<CueHit>) {
        out.clear();
        let Some(ac) = &self.ac else { return };
        let bytes = norm.text.as_bytes();
        let sep = |c: u8| c == b' ' || c == b'\n';
        for m in ac.find_overlapping_iter(norm.text.as_str()) {
            let (a, b) = (m.start(), m.end());
            if (a == 0 || sep(bytes[a - 1])) && (b == bytes.len() || sep(bytes[b])) && b > a {
                let p = m.pattern().as_usize();
                out.push(CueHit {
                    kind: self.kinds[p],
                    pattern: p as u32,
                    w0: norm.word_at(a),
                    w1: norm.word_at(b - 1),
                });
            }
        }
        out.sort_by_key(|h| (h.w0, h.w1));
    }
}

// One call site; a parameter struct would only rename these.
#[allow(clippy::too_many_arguments)]
/// Why the hit at normalised span `span` (original span `orig`) is cancelled, if it is.
pub(crate) fn suppression(
    kinds: &[ContextKind],
    cues: &Cues,
    hits: &[CueHit],
    norm: &Normalized,
    span: (usize, usize),
    original: &str,
    orig: (usize, usize),
    crisis: bool,
) -> Option<String> {
    let words = &norm.words;
    if words.is_empty() {
        return None;
    }
    let ws = norm.word_at(span.0).min(words.len() - 1);
    let we = norm.word_at(span.1.saturating_sub(1)).min(words.len() - 1).max(ws);
    // Context is local: never look further than LOOK words either way, which also keeps
    // pathological inputs (one 100k-word sentence full of hits) linear.
    let lo = ws.saturating_sub(LOOK);
    let hi = (we + 1 + LOOK).min(words.len());
    let sentence = words[ws].sentence;
    let sentence_start = lo + words[lo..=ws].partition_point(|w| w.sentence < sentence);
    let clause_start = (sentence_start..=ws).rev().find(|&k| words[k].clause_break_before).unwrap_or(sentence_start);
    let sentence_end = we + words[we..hi].partition_point(|w| w.sentence <= sentence);
    let next_sentence_end = we + words[we..hi].partition_point(|w| w.sentence <= sentence + 1);
    let prev_sentence_start = lo + words[lo..=ws].partition_point(|w| w.sentence + 1 < sentence);
    // Cue hits are sorted by end word; keep the ones inside the window.
    let hits = &hits[hits.partition_point(|h| h.w0 < lo)..];
    let hits = &hits[..hits.partition_point(|h| h.w0 < hi)];
    // A "but"/"however" between a cue and the hit starts a new thought.
    let reset_after = hits
        .iter()
        .filter(|h| h.kind == CueKind::Reset && h.w1 < ws && h.w0 >= sentence_start)
        .map(|h| h.w1 + 1)
        .max()
        .unwrap_or(0);
    let sent_from = sentence_start.max(reset_after);
    let clause_from = clause_start.max(reset_after);

    // "not gonna lie", "no offense" ... contain a negation word but negate nothing.
    let fake_negation =
        |h: &CueHit| hits.iter().any(|n| n.kind == CueKind::NotNegation && n.w0 <= h.w1 && h.w0 <= n.w1);
    let before = |kind: CueKind, from: usize, window: usize| {
        hits.iter().find(|h| {
            h.kind == kind
                && h.w1 < ws
                && h.w0 >= from
                && ws - h.w1 <= window
                && !(matches!(kind, CueKind::Negation | CueKind::SelfNegation) && fake_negation(h))
        })
    };
    let after = |kind: CueKind, to: usize| hits.iter().find(|h| h.kind == kind && h.w0 > we && h.w1 < to);
    let say = |what: &str, h: &CueHit, pos: &str| {
        Some(format!("{what}: \"{}\" {pos} the match", cues.phrases[h.pattern as usize]))
    };

    for kind in kinds {
        let found = match kind {
            ContextKind::Negation => {
                before(CueKind::Negation, clause_from, NEGATION_WINDOW).and_then(|h| say("negation", h, "before"))
            }
            ContextKind::SelfNegation => before(CueKind::SelfNegation, clause_from, SELF_NEGATION_WINDOW)
                .and_then(|h| say("negation", h, "before")),
            ContextKind::Debunk => before(CueKind::DebunkBefore, sent_from, usize::MAX)
                .or_else(|| {
                    // A short heading sentence just before ("Myth #3:" / "MYTH.").
                    if sentence_start == 0 {
                        return None;
                    }
                    let prev = words[sentence_start - 1].sentence;
                    let prev_start = (0..sentence_start).rev().take_while(|&k| words[k].sentence == prev).last()?;
                    (sentence_start - prev_start <= 4)
                        .then(|| {
                            hits.iter().find(|h| {
                                h.kind == CueKind::DebunkBefore && h.w0 >= prev_start && h.w1 < sentence_start
                            })
                        })
                        .flatten()
                })
                .and_then(|h| say("debunking", h, "before"))
                .or_else(|| after(CueKind::DebunkAfter, next_sentence_end).and_then(|h| say("debunking", h, "after"))),
            ContextKind::Recovery => before(CueKind::RecoveryBefore, clause_from, usize::MAX)
                .and_then(|h| say("recovery", h, "before"))
                .or_else(|| after(CueKind::RecoveryAfter, sentence_end).and_then(|h| say("recovery", h, "after"))),
            ContextKind::Reported => {
                before(CueKind::Reported, sent_from, if crisis { CRISIS_REPORTED_WINDOW } else { REPORTED_WINDOW })
                    .and_then(|h| say("reported speech", h, "before"))
                    .or_else(|| {
                        // "Kill yourself — that's what they told me": only for violations; a
                        // first-person crisis statement is never explained away by what follows.
                        (!crisis)
                            .then(|| after(CueKind::ReportedAfter, next_sentence_end))
                            .flatten()
                            .and_then(|h| say("reported speech", h, "after"))
                    })
            }
            ContextKind::Conditional => before(CueKind::Conditional, clause_from, CONDITIONAL_WINDOW)
                .and_then(|h| say("conditional or supportive", h, "before")),
            ContextKind::Figurative => after(CueKind::FigurativeAfter, next_sentence_end.min(sentence_end + 2))
                .and_then(|h| say("figurative", h, "after")),
            ContextKind::SelfReference => before(CueKind::SelfReference, clause_from, CONDITIONAL_WINDOW)
                .and_then(|h| say("about the author", h, "before")),
            ContextKind::FirstPerson => hits
                .iter()
                .find(|h| {
                    h.kind == CueKind::FirstPerson
                        && h.w1 < ws
                        && h.w0 >= clause_from
                        && ws - h.w1 <= FIRST_PERSON_WINDOW
                        && !hits.iter().any(|o| o.kind == CueKind::OtherPerson && o.w0 > h.w1 && o.w1 < ws)
                })
                .and_then(|h| say("about the author", h, "before")),
            ContextKind::Attributed => {
                let lyrics_before =
                    before(CueKind::Lyrics, sentence_start, usize::MAX).and_then(|h| say("lyrics", h, "before"));
                let notes =
                    music_notes_on_line(original, orig.0, orig.1).then(|| "lyrics: music notes on the line".to_owned());
                // "the song was playing and i thought, \"...\"": an `i thought` between the
                // cue and the hit makes the quoted words the author's own after all.
                let own_words_after = |h: &CueHit| {
                    h.w1 < ws && hits.iter().any(|m| m.kind == CueKind::SelfAttribution && m.w0 > h.w1 && m.w1 < ws)
                };
                lyrics_before.or(notes).or_else(|| {
                    if !in_quotes(original, orig.0, orig.1) {
                        return None;
                    }
                    hits.iter()
                        .find(|h| {
                            matches!(h.kind, CueKind::Attribution | CueKind::Lyrics)
                                && h.w0 >= prev_sentence_start
                                && h.w1 < next_sentence_end
                                && (h.w1 < ws || h.w0 > we)
                                && !own_words_after(h)
                        })
                        .and_then(|h| {
                            say(
                                "attributed: quoted words of someone else",
                                h,
                                if h.w1 < ws { "before" } else { "after" },
                            )
                        })
                })
            }
            ContextKind::Quote => {
                in_quotes(original, orig.0, orig.1).then(|| "quote: inside quotation marks".to_owned())
            }
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// Whether a music note (♩ ♪ ♫ ♬ 🎵 🎶) stands on the line of `original[a..b]`.
fn music_notes_on_line(original: &str, a: usize, b: usize) -> bool {
    let line_start = original[..a].rfind('\n').map_or(0, |i| i + 1);
    let line_end = original[b..].find('\n').map_or(original.len(), |i| b + i);
    // Bounded like the quote check: a pathological one-line post costs no more than this.
    let from = line_start.max(a.saturating_sub(QUOTE_LOOK));
    let to = line_end.min(b + QUOTE_LOOK);
    let is_note = |c: char| matches!(c, '\u{2669}'..='\u{266C}' | '\u{1F3B5}' | '\u{1F3B6}');
    let (mut from, mut to) = (from, to);
    while !original.is_char_boundary(from) {
        from += 1;
    }
    while !original.is_char_boundary(to) {
        to -= 1;
    }
    original[from..to].chars().any(is_note)
}

/// Whether `original[a..b]` sits inside quotation marks on its line.
fn in_quotes(original: &str, a: usize, b: usize) -> bool {
    let mut from = a.saturating_sub(QUOTE_LOOK);
    while !original.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (b + QUOTE_LOOK).min(original.len());
    while !original.is_char_boundary(to) {
        to -= 1;
    }
    let line_start = original[from..a].rfind('\n').map_or(from, |i| from + i + 1);
    let line_end = original[b..to].find('\n').map_or(to, |i| b + i);
    let before = &original[line_start..a];
    let after = &original[b..line_end];
    let count = |s: &str, c: char| s.chars().filter(|&x| x == c).count();
    if count(before, '"') % 2 == 1 && after.contains('"') {
        return true;
    }
    for (open, close) in [('“', '”'), ('«', '»'), ('「', '」'), ('„', '“')] {
        if count(before, open) > count(before, close) && after.contains(close) {
            return true;
        }
    }
    // Curly single quotes, ignoring ’ used as an apostrophe inside a word.
    let opens = count(before, '‘');
    let closes = before
        .char_indices()
        .filter(|&(i, c)| c == '’' && !before[i + c.len_utf8()..].starts_with(char::is_alphabetic))
        .count();
    if opens > closes && after.contains('’') {
        return true;
    }
    // Straight single quotes hugging the span: 'kys'
    before.ends_with('\'')
        && before[..before.len() - 1].chars().last().is_none_or(|c| !c.is_alphanumeric())
        && after.starts_with('\'')
}
