//! Human-readable output of `check` and `rules test`: scores, rule hits, and the text with the
//! matched spans highlighted (ANSI colour on a terminal, `[[...]]` marks otherwise).

use std::fmt::Write as _;

use postguard::Label;

/// A span to highlight: byte range into the text and the label name that decides its colour.
#[derive(Debug, Clone)]
pub struct Span<'a> {
    pub start: usize,
    pub end: usize,
    pub label: &'a str,
}

/// Output styling: colours on a terminal, plain marks otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
}

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";

/// Bold, underlined, one colour per label in taxonomy order (red, yellow, magenta, cyan, then
/// green, blue, ...): the colours follow `Label::ALL`, so a new label gets one without an edit.
fn label_color(label: &str) -> String {
    const COLOURS: [u8; 6] = [31, 33, 35, 36, 32, 34];
    match Label::ALL.iter().position(|l| l.as_str() == label) {
        Some(i) => format!("\x1b[1;4;{}m", COLOURS[i % COLOURS.len()]),
        None => "\x1b[1;4m".to_owned(),
    }
}

impl Style {
    pub fn bold(self, s: &str) -> String {
        if self.color { format!("{BOLD}{s}{RESET}") } else { s.to_owned() }
    }
    pub fn dim(self, s: &str) -> String {
        if self.color { format!("{DIM}{s}{RESET}") } else { s.to_owned() }
    }
    pub fn label(self, label: &str, s: &str) -> String {
        if self.color { format!("{}{s}{RESET}", label_color(label)) } else { s.to_owned() }
    }
}

/// `text` with `spans` marked. Overlapping spans are merged (the first span's label colours
/// the union). Spans not on char boundaries or out of range are ignored.
pub fn highlight(text: &str, spans: &[Span<'_>], style: Style) -> String {
    let mut spans: Vec<&Span<'_>> = spans
        .iter()
        .filter(|s| {
            s.start < s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
        })
        .collect();
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    let mut merged: Vec<(usize, usize, &str)> = Vec::new();
    for s in spans {
        match merged.last_mut() {
            Some(last) if s.start < last.1 => last.1 = last.1.max(s.end),
            _ => merged.push((s.start, s.end, s.label)),
        }
    }
    let mut out = String::with_capacity(text.len() + merged.len() * 12);
    let mut pos = 0;
    for (start, end, label) in merged {
        out.push_str(&text[pos..start]);
        if style.color {
            out.push_str(&label_color(label));
            out.push_str(&text[start..end]);
            out.push_str(RESET);
        } else {
            let _ = write!(out, "[[{}]]", &text[start..end]);
        }
        pos = end;
    }
    out.push_str(&text[pos..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_marks_and_merges_overlaps() {
        let text = "you are a loser, kys now";
        let spans = [
            Span { start: 10, end: 15, label: "bullying" },
            Span { start: 17, end: 20, label: "bullying" },
            Span { start: 18, end: 24, label: "crisis" },
        ];
        assert_eq!(highlight(text, &spans, Style { color: false }), "you are a [[loser]], [[kys now]]");
    }

    #[test]
    fn colour_and_bad_spans_ignored() {
        let text = "é bad";
        let spans = [Span { start: 1, end: 3, label: "bullying" }, Span { start: 3, end: 6, label: "bullying" }];
        assert_eq!(highlight(text, &spans, Style { color: true }), "é \x1b[1;4;31mbad\x1b[0m");
    }
}
