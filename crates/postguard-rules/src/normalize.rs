//! Normalisation before matching, with a map back to the original text.
//!
//! The normalised text contains only lowercase word characters separated by a single
//! `' '` (same sentence) or `'\n'` (sentence break or line break). Steps, in order:
//!
//! 1. zero-width, bidi and other invisible format characters are dropped;
//! 2. look-alikes are folded: a table for Cyrillic/Greek homoglyphs, small caps, negative
//!    squared/circled letters and regional indicators, then Unicode compatibility
//!    decomposition (NFKD: fullwidth, mathematical alphanumerics, circled and squared
//!    letters, ligatures) with combining marks removed, then lowercase;
//! 3. leetspeak is mapped only inside tokens that contain letters AND digits/symbols
//!    (`y0u`, `l0ser`, `k!ll`), never in numbers (`10mg`, `2nd`, `1000`);
//! 4. apostrophes inside words are removed (`don't` -> `dont`), other punctuation
//!    separates words;
//! 5. a letter repeated 3+ times collapses to one (`loooser` -> `loser`);
//! 6. runs of 3+ single letters separated by short gaps are joined (`k y s`, `k.y.s`,
//!    `k-i-l-l` -> `kys`, `kill`).
//!
//! Rule phrases go through the same function, so a rule and the text it should match are
//! always normalised alike. Every byte of the normalised text maps to the byte range of
//! the original character(s) it came from, so spans are reported on the original text.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Words that occur in compiled rule phrases; used to split joined single letters.
pub(crate) type Vocab = std::collections::HashSet<String>;

/// Longest run of joined single letters that is split into words.
const MAX_SEGMENT: usize = 48;

/// Collapse stretched words: if `chars[c0..c1]` has a letter repeated 3+ times, every run
/// of a repeated letter in it becomes one letter ("loooser" -> "loser",
/// "aaatttention" -> "atention"); otherwise the word is unchanged ("kill", "seeker").
/// Rule phrases get matching squashed variants. Returns the new end.
fn squash(chars: &mut [Piece], c0: usize, c1: usize) -> usize {
    let stretched = chars[c0..c1].windows(3).any(|w| w[0].c == w[1].c && w[1].c == w[2].c && w[0].c.is_alphabetic());
    if !stretched {
        return c1;
    }
    let mut w = c0;
    let mut r = c0;
    while r < c1 {
        let p = chars[r];
        let mut run_end = r + 1;
        while run_end < c1 && chars[run_end].c == p.c && p.c.is_alphabetic() {
            run_end += 1;
        }
        chars[w] = Piece { c: p.c, start: p.start, end: chars[run_end - 1].end };
        w += 1;
        r = run_end;
    }
    w
}

/// One folded character and the original byte range it came from.
#[derive(Debug, Clone, Copy)]
struct Piece {
    c: char,
    start: usize,
    end: usize,
}

/// A word of the normalised text.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Word {
    /// End of the word's byte range in the normalised text.
    pub end: usize,
    /// Sentence number (increments at each sentence or line break).
    pub sentence: u32,
    /// A clause break (`,` `:` `;` `(` dash ...) or sentence break precedes this word.
    pub clause_break_before: bool,
    /// The word was stretched in the text ("offff", "killlll") and squashed: only then may
    /// a rule's squashed phrase variant match it, so that squashing never makes two
    /// different words equal ("off myself" must not match "proud of myself").
    pub stretched: bool,
}

/// What separated a word from the previous one.
#[derive(Debug, Clone, Copy, Default)]
struct Gap {
    chars: u32,
    sentence: bool,
    clause: bool,
}

#[derive(Debug, Clone, Copy)]
struct TmpWord {
    /// Range into `Normalizer::chars`.
    c0: usize,
    c1: usize,
    gap: Gap,
    /// See [`Word::stretched`].
    stretched: bool,
}

/// The normalised text and its maps. Buffers are reused between calls.
#[derive(Debug, Default)]
pub(crate) struct Normalized {
    pub text: String,
    /// For every byte of `text`, the original byte range it came from.
    pub map: Vec<(usize, usize)>,
    pub words: Vec<Word>,
}

impl Normalized {
    /// Original byte span of the normalised byte range `s..e` (`s < e <= text.len()`).
    pub fn original_span(&self, s: usize, e: usize) -> (usize, usize) {
        let a = self.map[s].0;
        let b = self.map[e - 1].1;
        (a, b.max(a))
    }

    /// Index of the word containing normalised byte `pos` (or the next word after it).
    pub fn word_at(&self, pos: usize) -> usize {
        self.words.partition_point(|w| w.end <= pos)
    }
}

/// Reusable scratch space for normalisation.
#[derive(Debug, Default)]
pub(crate) struct Normalizer {
    pieces: Vec<Piece>,
    chars: Vec<Piece>,
    words: Vec<TmpWord>,
    cuts: Vec<usize>,
    seg: String,
    best: Vec<u16>,
    back: Vec<u16>,
    pub out: Normalized,
}

/// The normalised form of `text`, as rule phrases are compiled: lowercase word
/// characters separated by `' '`, with `'\n'` at sentence and line breaks. Look-alikes,
/// leetspeak (inside mixed tokens only), spaced-out letters, stretched letters, invisible
/// characters, @mentions and URLs are handled as described in the crate docs.
///
/// [`RuleSet::normalize`](crate::RuleSet::normalize) additionally splits joined single
/// letters into the rule set's known words ("k y s l o s e r" -> "kys loser"). Allocates;
/// meant for explaining matches, not for the hot path.
///
/// ```
/// assert_eq!(postguard_rules::normalize("Ｙ0U ARE SUCH A looooser!!"), "you are such a loser");
/// assert_eq!(postguard_rules::normalize("you're the l 0 s e r"), "youre the loser");
/// assert_eq!(postguard_rules::normalize("I don't know. k.y.s"), "i dont know\nkys");
/// ```
pub fn normalize(text: &str) -> String {
    let mut n = Normalizer::default();
    n.run(text);
    std::mem::take(&mut n.out.text)
}

pub(crate) fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{FFF9}'..='\u{FFFB}' | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0000}'..='\u{E007F}' | '\u{E0100}'..='\u{E01EF}')
}

/// Look-alikes that compatibility decomposition does not fold (lowercase ASCII; also used
/// by the PII fold, `pii_fold.rs`).
pub(crate) fn confusable(c: char) -> Option<char> {
    let u = c as u32;
    // Negative circled / negative squared / regional indicator letters.
    if (0x1F150..=0x1F169).contains(&u) {
        return char::from_u32(u - 0x1F150 + 'a' as u32);
    }
    if (0x1F170..=0x1F189).contains(&u) {
        return char::from_u32(u - 0x1F170 + 'a' as u32);
    }
    if (0x1F1E6..=0x1F1FF).contains(&u) {
        return char::from_u32(u - 0x1F1E6 + 'a' as u32);
    }
    Some(match c {
        // Cyrillic
        'а' | 'А' => 'a',
        'в' | 'В' | 'ь' | 'Ь' => 'b',
        'с' | 'С' => 'c',
        'ԁ' => 'd',
        'е' | 'Е' | 'ё' | 'Ё' | 'є' | 'Є' => 'e',
        'һ' | 'Һ' | 'н' | 'Н' => 'h',
        'і' | 'І' | 'ї' | 'Ї' | 'ӏ' | 'Ӏ' => 'i',
        'ј' | 'Ј' => 'j',
        'к' | 'К' | 'ќ' => 'k',
        'м' | 'М' => 'm',
        'п' | 'П' => 'n',
        'о' | 'О' => 'o',
        'р' | 'Р' => 'p',
        'ԛ' | 'Ԛ' => 'q',
        'г' | 'Г' => 'r',
        'ѕ' | 'Ѕ' => 's',
        'т' | 'Т' => 't',
        'у' | 'У' | 'ў' | 'Ў' | 'ү' | 'Ү' => 'y',
        'х' | 'Х' => 'x',
        'ԝ' | 'Ԝ' | 'ш' | 'Ш' => 'w',
        'ѵ' | 'Ѵ' => 'v',
        // Greek
        'α' | 'Α' | 'ά' => 'a',
        'β' | 'Β' => 'b',
        'ε' | 'Ε' | 'έ' => 'e',
        'η' | 'Η' => 'n',
        'ι' | 'Ι' | 'ί' | 'ϊ' => 'i',
        'κ' | 'Κ' => 'k',
        'μ' | 'Μ' => 'm',
        'ν' | 'Ν' => 'v',
        'ο' | 'Ο' | 'ό' => 'o',
        'ρ' | 'Ρ' => 'p',
        'τ' | 'Τ' => 't',
        'υ' | 'Υ' | 'ύ' => 'u',
        'χ' | 'Χ' => 'x',
        'γ' => 'y',
        'ω' | 'ώ' => 'w',
        'Ζ' => 'z',
        // Latin small capitals and other look-alikes
        'ᴀ' => 'a',
        'ʙ' => 'b',
        'ᴄ' => 'c',
        'ᴅ' => 'd',
        'ᴇ' => 'e',
        'ғ' => 'f',
        'ɢ' | 'ɡ' => 'g',
        'ʜ' => 'h',
        'ɪ' | 'ı' => 'i',
        'ᴊ' => 'j',
        'ᴋ' => 'k',
        'ʟ' => 'l',
        'ᴍ' => 'm',
        'ɴ' => 'n',
        'ᴏ' | 'ø' | 'Ø' => 'o',
        'ᴘ' => 'p',
        'ǫ' => 'q',
        'ʀ' => 'r',
        'ꜱ' => 's',
        'ꜰ' => 'f',
        'ᴛ' => 't',
        'ᴜ' => 'u',
        'ᴠ' => 'v',
        'ᴡ' => 'w',
        'ʏ' => 'y',
        'ᴢ' => 'z',
        'ß' => 's',
        'ł' | 'Ł' => 'l',
        'đ' | 'Đ' => 'd',
        _ => return None,
    })
}

/// Leet digit / symbol to letter (`'1'` and `'|'` are resolved by context, see `leet_one`).
fn leet(c: char) -> Option<char> {
    Some(match c {
        '0' => 'o',
        '3' | '€' => 'e',
        '4' | '@' => 'a',
        '5' | '$' => 's',
        '6' | '9' => 'g',
        '7' | '+' => 't',
        '8' => 'b',
        '1' | '|' | '!' => 'i',
        _ => return None,
    })
}

/// Units and counted things that follow a number ("10mg", "3am", "50pills", "2nd").
const UNITS: &[&str] = &[
    "mg", "mcg", "g", "kg", "ml", "l", "lb", "lbs", "oz", "st", "am", "pm", "h", "hr", "hrs", "min", "mins", "s",
    "sec", "secs", "d", "day", "days", "wk", "wks", "week", "weeks", "mo", "yr", "yrs", "yo", "km", "kms", "m", "mi",
    "cm", "mm", "ft", "in", "x", "cal", "cals", "kcal", "pills", "pill", "tabs", "mb", "gb", "tb", "hz", "fps", "th",
    "nd", "rd", "ish", "ies", "s",
];

/// A leading number followed only by a unit: "10mg", "3am", "2nd", "1990s".
fn is_quantity(tok: &[Piece]) -> bool {
    let lead = tok.iter().take_while(|p| p.c.is_ascii_digit()).count();
    if lead == 0 {
        return false;
    }
    let rest = &tok[lead..];
    if rest.len() > 5 || !rest.iter().all(|p| p.c.is_ascii_alphabetic()) {
        return false;
    }
    let mut unit = [0u8; 5];
    for (u, p) in unit.iter_mut().zip(rest) {
        *u = p.c as u8;
    }
    let unit = std::str::from_utf8(&unit[..rest.len()]).unwrap_or("");
    if matches!(unit, "st" | "nd" | "rd" | "th") {
        // Only real ordinals: "1st", "22nd", "13th" — not "3nd" (= "end").
        let d = |i: usize| tok[i].c as u8 - b'0';
        let last = d(lead - 1);
        let teen = lead >= 2 && d(lead - 2) == 1;
        let want = match (teen, last) {
            (false, 1) => "st",
            (false, 2) => "nd",
            (false, 3) => "rd",
            _ => "th",
        };
        return unit == want;
    }
    UNITS.contains(&unit)
}

fn is_leet_symbol(c: char) -> bool {
    matches!(c, '@' | '$' | '!' | '|' | '+' | '€')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '`' | '‘' | '´')
}

fn is_sentence_end(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | ';' | '…' | '。' | '！' | '？')
}

fn is_clause_punct(c: char) -> bool {
    matches!(c, ',' | ':' | '(' | ')' | '[' | ']' | '—' | '–' | '"' | '“' | '”' | '«' | '»' | '/')
}

impl Normalizer {
    /// Normalise `text` into `self.out` (no vocabulary: joined letters stay joined).
    pub fn run(&mut self, text: &str) {
        self.run_with(text, None);
    }

    /// Normalise `text`, splitting joined single letters into words of `vocab`.
    pub fn run_with(&mut self, text: &str, vocab: Option<&Vocab>) {
        self.fold(text);
        self.tokenize();
        self.join_single_letters(vocab);
        self.emit();
    }

    /// Step 1-2: fold every original char into zero or more pieces.
    fn fold(&mut self, text: &str) {
        self.pieces.clear();
        self.pieces.reserve(text.len());
        let pieces = &mut self.pieces;
        if text.is_ascii() {
            // Fast path: no decomposition, no invisible characters.
            for (i, b) in text.bytes().enumerate() {
                pieces.push(Piece { c: (b as char).to_ascii_lowercase(), start: i, end: i + 1 });
            }
            return;
        }
        for (start, c) in text.char_indices() {
            let end = start + c.len_utf8();
            if c.is_ascii() {
                pieces.push(Piece { c: c.to_ascii_lowercase(), start, end });
                continue;
            }
            if is_invisible(c) || is_combining_mark(c) {
                // Glue the invisible char to the previous piece so spans stay contiguous.
                if let Some(p) = pieces.last_mut()
                    && !p.c.is_whitespace()
                    && p.end == start
                {
                    p.end = end;
                }
                continue;
            }
            if let Some(m) = confusable(c) {
                pieces.push(Piece { c: m, start, end });
                continue;
            }
            decompose_compatible(c, |d| {
                if is_combining_mark(d) || is_invisible(d) {
                    return;
                }
                let d = confusable(d).unwrap_or(d);
                if d.is_ascii() {
                    pieces.push(Piece { c: d.to_ascii_lowercase(), start, end });
                } else {
                    for l in d.to_lowercase() {
                        if !is_combining_mark(l) {
                            let l = confusable(l).unwrap_or(l);
                            pieces.push(Piece { c: l, start, end });
                        }
                    }
                }
            });
        }
    }

    /// Steps 3-5: split into whitespace tokens, map leet inside mixed tokens, split on
    /// punctuation, squash repeated letters.
    fn tokenize(&mut self) {
        self.chars.clear();
        self.words.clear();
        let mut gap = Gap::default();
        // Taken out so `token` can borrow it while pushing into `self`.
        let pieces = std::mem::take(&mut self.pieces);
        let n = pieces.len();
        let mut i = 0;
        while i < n {
            let c = pieces[i].c;
            if c.is_whitespace() {
                gap.chars += 1;
                if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
                    gap.sentence = true;
                }
                i += 1;
                continue;
            }
            let mut j = i;
            while j < n && !pieces[j].c.is_whitespace() {
                j += 1;
            }
            self.token(&pieces[i..j], &mut gap);
            i = j;
        }
        self.pieces = pieces;
    }

    /// Process one whitespace-free token.
    fn token(&mut self, tok: &[Piece], gap: &mut Gap) {
        // @mentions and URLs are names, not words: "@kys_fan" or ".../kill-yourself-song"
        // say nothing about the author's intent.
        let is_mention = tok.len() > 1 && tok[0].c == '@' && tok[1].c.is_alphanumeric();
        let is_url = tok.windows(3).any(|w| w[0].c == ':' && w[1].c == '/' && w[2].c == '/')
            || (tok.len() > 4 && tok[..4].iter().map(|p| p.c).eq("www.".chars()));
        if is_mention || is_url {
            gap.chars += 1;
            return;
        }
        if let [p] = tok
            && matches!(p.c, '@' | '$')
        {
            // A lone leet symbol may belong to a spaced-out word ("w @ n t"); it is
            // kept as a one-char word here and dropped by `join_single_letters` if not.
            self.chars.push(*p);
            self.push_word(self.chars.len() - 1, gap);
            return;
        }
        let has_letter = tok.iter().any(|p| p.c.is_alphabetic());
        let has_leet = tok.iter().any(|p| p.c.is_ascii_digit() || is_leet_symbol(p.c));
        let mut map_digits = has_letter && has_leet;
        if map_digits && is_quantity(tok) {
            map_digits = false;
        }
        let is_wordish = |c: char| c.is_alphanumeric();
        let mut word_start: Option<usize> = None; // index into self.chars
        let mut k = 0;
        while k < tok.len() {
            let p = tok[k];
            let mut c = p.c;
            let mut is_word = is_wordish(c);
            if map_digits && (c.is_ascii_digit() || is_leet_symbol(c)) {
                let symbol = is_leet_symbol(c);
                // Symbols need letters on both sides inside the token ("k!ll", not "wow!").
                let ok = if symbol {
                    tok[..k].iter().any(|q| q.c.is_alphabetic())
                        && tok[k + 1..]
                            .iter()
                            .take_while(|q| is_wordish(q.c) || is_leet_symbol(q.c))
                            .any(|q| q.c.is_alphabetic())
                } else {
                    true
                };
                if ok && let Some(m) = leet(c) {
                    c = m;
                    if m == 'i' && matches!(p.c, '1' | '|' | '!') {
                        c = self.leet_one(tok, k, word_start);
                    }
                    is_word = true;
                }
            }
            if is_word {
                if word_start.is_none() {
                    word_start = Some(self.chars.len());
                }
                self.chars.push(Piece { c, start: p.start, end: p.end });
            } else if is_apostrophe(c) && word_start.is_some() && k + 1 < tok.len() && is_wordish(tok[k + 1].c) {
                // In-word apostrophe: "don't" -> "dont". Extend the previous piece.
                if let Some(last) = self.chars.last_mut() {
                    last.end = p.end;
                }
            } else if matches!(c, '@' | '$') && word_start.is_none() && tok.get(k + 1).is_none_or(|q| !is_wordish(q.c))
            {
                // A leet symbol standing alone between separators ("w.@.n.t"): keep it as a
                // one-char word; `join_single_letters` joins it into a spaced-out word or
                // drops it.
                self.chars.push(p);
                self.push_word(self.chars.len() - 1, gap);
            } else {
                if let Some(ws) = word_start.take() {
                    self.push_word(ws, gap);
                }
                gap.chars += 1;
                if is_sentence_end(c) {
                    // A terminator only ends a sentence when nothing but punctuation follows
                    // it in this token ("end." yes, "k.y.s" no).
                    if tok[k + 1..].iter().all(|q| !is_wordish(q.c)) {
                        gap.sentence = true;
                    }
                    gap.clause = true;
                } else if is_clause_punct(c) {
                    gap.clause = true;
                }
            }
            k += 1;
        }
        if let Some(ws) = word_start.take() {
            self.push_word(ws, gap);
        }
    }

    /// Resolve a leet `1`/`|`/`!` to `i` or `l`: "ki11" -> kill, "fai1" -> fail, "k1ll" -> kill.
    fn leet_one(&self, tok: &[Piece], k: usize, word_start: Option<usize>) -> char {
        let is_one = |q: &Piece| matches!(q.c, '1' | '|');
        let next_is_one = tok.get(k + 1).is_some_and(is_one);
        let prev_was_one = k > 0 && is_one(&tok[k - 1]);
        let prev = word_start.and_then(|ws| self.chars[ws..].last().map(|p| p.c));
        if next_is_one || prev_was_one || prev == Some('i') { 'l' } else { 'i' }
    }

    /// Finish the word `self.chars[ws..]` (see [`squash`]).
    fn push_word(&mut self, ws: usize, gap: &mut Gap) {
        let end = self.chars.len();
        let new_end = squash(&mut self.chars, ws, end);
        self.chars.truncate(new_end);
        self.words.push(TmpWord { c0: ws, c1: new_end, gap: *gap, stretched: new_end != end });
        *gap = Gap::default();
    }

    /// Step 6: join runs of >= 3 single-letter words separated by short gaps, then split
    /// the joined letters into known words when a vocabulary is given ("k y s l o s e r"
    /// -> "kys loser", "i w i s h i was dead" -> "i wish i was dead").
    fn join_single_letters(&mut self, vocab: Option<&Vocab>) {
        // A single letter, or a single leet digit ("l 0 s e r").
        let single = |chars: &[Piece], w: &TmpWord| {
            w.c1 - w.c0 == 1 && {
                let c = chars[w.c0].c;
                c.is_alphabetic() || ((c.is_ascii_digit() || c == '@' || c == '$') && leet(c).is_some())
            }
        };
        let lone_symbol = |chars: &[Piece], w: &TmpWord| w.c1 - w.c0 == 1 && matches!(chars[w.c0].c, '@' | '$');
        let mut out = 0;
        let mut i = 0;
        while i < self.words.len() {
            let mut j = i + 1;
            if single(&self.chars, &self.words[i]) {
                while j < self.words.len()
                    && single(&self.chars, &self.words[j])
                    && !self.words[j].gap.sentence
                    && self.words[j].gap.chars <= 3
                    && self.chars[self.words[j].c0].start.saturating_sub(self.chars[self.words[j - 1].c1 - 1].end) <= 8
                {
                    j += 1;
                }
            }
            let letters = self.words[i..j].iter().filter(|w| self.chars[w.c0].c.is_alphabetic()).count();
            if j - i >= 3 && letters >= 1 {
                let (c0, c1, gap) = (self.words[i].c0, self.words[j - 1].c1, self.words[i].gap);
                // Letters of consecutive single-letter words are adjacent in `chars`.
                for p in &mut self.chars[c0..c1] {
                    if let Some(m) = leet(p.c).filter(|_| !p.c.is_alphabetic()) {
                        p.c = m;
                    }
                }
                let joined_end = c1;
                let c1 = squash(&mut self.chars, c0, c1);
                let stretched = c1 != joined_end;
                self.segment(c0, c1, vocab);
                let mut first = true;
                for k in 0..self.cuts.len() - 1 {
                    let w = TmpWord {
                        c0: self.cuts[k],
                        c1: self.cuts[k + 1],
                        stretched,
                        gap: if first { gap } else { Gap { chars: 1, ..Gap::default() } },
                    };
                    first = false;
                    self.words[out] = w;
                    out += 1;
                }
                i = j;
            } else {
                if !lone_symbol(&self.chars, &self.words[i]) {
                    self.words[out] = self.words[i];
                    out += 1;
                } else if i + 1 < self.words.len() {
                    // Keep the dropped symbol's gap (e.g. a sentence break) for the next word.
                    let g = self.words[i].gap;
                    let next = &mut self.words[i + 1].gap;
                    next.sentence |= g.sentence;
                    next.clause |= g.clause;
                    next.chars += g.chars + 1;
                }
                i += 1;
            }
        }
        self.words.truncate(out);
    }

    /// Split `chars[c0..c1]` into vocabulary words; boundaries go to `self.cuts`
    /// (always starting with `c0` and ending with `c1`).
    fn segment(&mut self, c0: usize, c1: usize, vocab: Option<&Vocab>) {
        self.cuts.clear();
        self.cuts.push(c0);
        let n = c1 - c0;
        let Some(vocab) = vocab.filter(|_| n <= MAX_SEGMENT) else {
            self.cuts.push(c1);
            return;
        };
        self.seg.clear();
        self.seg.extend(self.chars[c0..c1].iter().map(|p| p.c));
        if self.seg.is_ascii() && !vocab.contains(self.seg.as_str()) {
            // best[k] = fewest words covering seg[..k]; back[k] = start of the last word.
            self.best.clear();
            self.best.resize(n + 1, u16::MAX);
            self.back.clear();
            self.back.resize(n + 1, 0);
            self.best[0] = 0;
            for end in 1..=n {
                for start in end.saturating_sub(MAX_SEGMENT)..end {
                    if self.best[start] != u16::MAX
                        && self.best[start] + 1 < self.best[end]
                        && vocab.contains(&self.seg[start..end])
                    {
                        self.best[end] = self.best[start] + 1;
                        self.back[end] = start as u16;
                    }
                }
            }
            if self.best[n] != u16::MAX {
                let mut k = n;
                let at = self.cuts.len();
                while k > 0 {
                    self.cuts.insert(at, c0 + k);
                    k = self.back[k] as usize;
                }
                self.cuts.pop();
                self.cuts.push(c1);
                return;
            }
            // No full split: peel stray one-letter words ("i", "a", "u") off the ends.
            let loose = |c: char| matches!(c, 'i' | 'a' | 'u');
            let bytes = self.seg.as_bytes();
            if n >= 4 && loose(bytes[0] as char) {
                self.cuts.push(c0 + 1);
            }
            if n >= 4 && loose(bytes[n - 1] as char) {
                self.cuts.push(c1 - 1);
            }
        }
        self.cuts.push(c1);
    }

    /// Write the normalised text, byte map and word table.
    fn emit(&mut self) {
        let out = &mut self.out;
        out.text.clear();
        out.map.clear();
        out.words.clear();
        let mut sentence = 0u32;
        let mut prev_end = 0usize;
        let mut buf = [0u8; 4];
        for (wi, w) in self.words.iter().enumerate() {
            let first = self.chars[w.c0];
            if wi > 0 {
                let sep = if w.gap.sentence {
                    sentence += 1;
                    '\n'
                } else {
                    ' '
                };
                out.text.push(sep);
                out.map.push((prev_end, first.start.max(prev_end)));
            }
            let start = out.text.len();
            for p in &self.chars[w.c0..w.c1] {
                let s = p.c.encode_utf8(&mut buf);
                out.text.push_str(s);
                for _ in 0..s.len() {
                    out.map.push((p.start, p.end));
                }
            }
            prev_end = self.chars[w.c1 - 1].end;
            let _ = start;
            out.words.push(Word {
                end: out.text.len(),
                sentence,
                clause_break_before: wi == 0 || w.gap.clause || w.gap.sentence,
                stretched: w.stretched,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(s: &str) -> String {
        normalize(s)
    }

    #[test]
    fn basic_folding() {
        assert_eq!(n("Hello,   World!"), "hello world");
        assert_eq!(n("I don't know. Really"), "i dont know\nreally");
        assert_eq!(n("ＫＩＬＬ ｙｏｕｒｓｅｌｆ"), "kill yourself");
        assert_eq!(n("𝐤𝐢𝐥𝐥 𝓎𝑜𝓊𝓇𝓈𝑒𝓁𝒻"), "kill yourself");
        assert_eq!(n("ⓚⓨⓢ"), "kys");
        assert_eq!(n("🅺🆈🆂"), "kys");
        assert_eq!(n("ᴋɪʟʟ ʏᴏᴜʀꜱᴇʟꜰ"), "kill yourself");
        assert_eq!(n("kіll уоurѕеlf"), "kill yourself"); // Cyrillic look-alikes
        assert_eq!(n("k\u{200B}y\u{200D}s"), "kys");
        assert_eq!(n("kÿs"), "kys");
    }

    #[test]
    fn leet_only_in_mixed_tokens() {
        assert_eq!(n("y0u ar3 a l0ser"), "you are a loser");
        assert_eq!(n("k!ll urs3lf"), "kill urself");
        assert_eq!(n("ki11 yourself"), "kill yourself");
        assert_eq!(n("sk1ll"), "skill");
        assert_eq!(n("I took 10mg at 3am on the 2nd"), "i took 10mg at 3am on the 2nd");
        assert_eq!(n("1000 pills"), "1000 pills");
        assert_eq!(n("wow! so good!"), "wow\nso good");
        assert_eq!(n("viable"), "viable");
    }

    #[test]
    fn separators_and_repeats() {
        assert_eq!(n("k y s"), "kys");
        assert_eq!(n("k.y.s"), "kys");
        assert_eq!(n("w.@.n.t"), "want");
        assert_eq!(n("pay $. ok"), "pay\nok");
        assert_eq!(n("email me @ home"), "email me home");
        assert_eq!(n("go k-i-l-l yourself"), "go kill yourself");
        assert_eq!(n("loooooser"), "loser");
        assert_eq!(n("killllll"), "kil");
        assert_eq!(n("1000000"), "1000000");
        assert_eq!(n("a b"), "a b");
    }

    #[test]
    fn spans_map_back() {
        let mut z = Normalizer::default();
        let t = "you are the l 0 s e r!!";
        z.run(t);
        assert_eq!(z.out.text, "you are the loser");
        let s = z.out.text.find("loser").unwrap();
        let (a, b) = z.out.original_span(s, s + 5);
        assert_eq!(&t[a..b], "l 0 s e r");
    }
}
