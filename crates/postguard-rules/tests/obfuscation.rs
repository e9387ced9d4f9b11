//! Obfuscation is measured: every bullying and crisis `must_match` example is rewritten
//! with common evasion tricks, and each trick must be caught at the plain-form rate.
//!
//! `cargo test -p postguard-rules --test obfuscation -- --nocapture` prints the rates.

use postguard_rules::{Label, RuleSet};

/// Index range (in chars) of the longest word, the one an evader obfuscates.
fn longest_word(chars: &[char]) -> (usize, usize) {
    let mut best = (0, 0);
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_alphanumeric() || chars[i] == '@' {
            let mut j = i;
            while j < chars.len() && (chars[j].is_alphanumeric() || chars[j] == '@') {
                j += 1;
            }
            if j - i > best.1 - best.0 {
                best = (i, j);
            }
            i = j;
        } else {
            i += 1;
        }
    }
    best
}

/// Rewrite the longest word's letters with `f` (gets the letter, returns the replacement).
fn on_longest(text: &str, f: impl Fn(usize, char) -> String) -> String {
    let chars: Vec<char> = text.chars().collect();
    let (a, b) = longest_word(&chars);
    let mut out = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if (a..b).contains(&i) {
            out.push_str(&f(i - a, c));
        } else {
            out.push(c);
        }
    }
    out
}

/// Apply `f` to every letter of words with at least three letters.
fn on_words(text: &str, f: impl Fn(char) -> char) -> String {
    text.split(' ')
        .map(|w| {
            if w.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
                w.chars().map(&f).collect()
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn leet(c: char) -> char {
    match c.to_ascii_lowercase() {
        'a' => '4',
        'e' => '3',
        'i' => '1',
        'o' => '0',
        's' => '5',
        't' => '7',
        _ => c,
    }
}

fn cyrillic(c: char) -> char {
    match c {
        'a' => 'а',
        'c' => 'с',
        'e' => 'е',
        'o' => 'о',
        'p' => 'р',
        'x' => 'х',
        'y' => 'у',
        'i' => 'і',
        'k' => 'к',
        _ => c,
    }
}

fn fullwidth(c: char) -> char {
    if c.is_ascii_graphic() { char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap_or(c) } else { c }
}

fn math_bold(c: char) -> char {
    match c {
        'a'..='z' => char::from_u32(0x1D41A + (c as u32 - 'a' as u32)).unwrap(),
        'A'..='Z' => char::from_u32(0x1D400 + (c as u32 - 'A' as u32)).unwrap(),
        _ => c,
    }
}

fn small_caps(c: char) -> char {
    const T: [char; 26] = [
        'ᴀ', 'ʙ', 'ᴄ', 'ᴅ', 'ᴇ', 'ꜰ', 'ɢ', 'ʜ', 'ɪ', 'ᴊ', 'ᴋ', 'ʟ', 'ᴍ', 'ɴ', 'ᴏ', 'ᴘ', 'ǫ', 'ʀ', 'ꜱ', 'ᴛ', 'ᴜ', 'ᴠ',
        'ᴡ', 'x', 'ʏ', 'ᴢ',
    ];
    match c.to_ascii_lowercase() {
        l @ 'a'..='z' => T[(l as u8 - b'a') as usize],
        _ => c,
    }
}

fn circled(c: char) -> char {
    match c.to_ascii_lowercase() {
        l @ 'a'..='z' => char::from_u32(0x24D0 + (l as u32 - 'a' as u32)).unwrap(),
        _ => c,
    }
}

type Variant = (&'static str, fn(&str) -> String);

fn variants() -> Vec<Variant> {
    vec![
        ("spacing", |t| on_longest(t, |i, c| if i == 0 { c.to_string() } else { format!(" {c}") })),
        ("dots", |t| on_longest(t, |i, c| if i == 0 { c.to_string() } else { format!(".{c}") })),
        ("dashes", |t| on_longest(t, |i, c| if i == 0 { c.to_string() } else { format!("-{c}") })),
        ("leet", |t| on_words(t, leet)),
        ("cyrillic_lookalikes", |t| on_words(t, cyrillic)),
        ("fullwidth", |t| t.chars().map(fullwidth).collect()),
        ("math_bold", |t| t.chars().map(math_bold).collect()),
        ("small_caps", |t| t.chars().map(small_caps).collect()),
        ("circled", |t| t.chars().map(circled).collect()),
        ("repeated_letters", |t| {
            on_longest(t, |i, c| if i == 1 || "aeiouy".contains(c) { c.to_string().repeat(4) } else { c.to_string() })
        }),
        ("zero_width", |t| on_longest(t, |i, c| if i == 0 { c.to_string() } else { format!("\u{200B}{c}") })),
        ("uppercase", |t| t.to_uppercase()),
        ("leet_and_spacing", |t| {
            on_longest(t, |i, c| if i == 0 { leet(c).to_string() } else { format!(" {}", leet(c)) })
        }),
    ]
}

#[test]
fn obfuscated_variants_are_caught_like_plain_text() {
    // The English rules (the default pack) at 95 % of their plain rate; the other languages'
    // packs (`lang_*`, written later, with longer phrase templates) at 90 %: leetspeak plus
    // letter spacing inside their long inflected words ("b u 7 7 4 r 5 1") is where they lose most.
    let english = worst_ratio(|pack| pack == "default");
    assert!(
        english >= 0.95,
        "English rules: some obfuscation is caught at < 95% of the plain rate (worst ratio {english:.3})"
    );
    let others = worst_ratio(|pack| pack != "default");
    assert!(
        others >= 0.90,
        "other languages' rules: some obfuscation is caught at < 90% of the plain rate (worst ratio {others:.3})"
    );
}

/// The worst ratio, over the obfuscation kinds, of the rate at which the crisis and bullying
/// rules of the packs `keep` selects catch their own must_match examples obfuscated to the rate
/// at which they catch them plain.
fn worst_ratio(keep: impl Fn(&str) -> bool) -> f64 {
    let rules = RuleSet::default();
    let cases: Vec<(String, String)> = rules
        .rules()
        .iter()
        .filter(|r| matches!(r.label, Label::Bullying | Label::Crisis) && keep(&r.pack))
        .flat_map(|r| r.must_match.iter().map(move |e| (r.id.clone(), e.clone())))
        .collect();
    let plain = cases.iter().filter(|(id, t)| rules.check(t).has_rule(id)).count();
    let plain_rate = plain as f64 / cases.len() as f64;
    println!("plain: {plain}/{} = {:.1}%", cases.len(), 100.0 * plain_rate);
    let mut worst = 1.0f64;
    let mut misses = Vec::new();
    for (kind, f) in variants() {
        let mut caught = 0;
        for (id, t) in &cases {
            let v = f(t);
            let r = rules.check(&v);
            if r.has_rule(id) {
                caught += 1;
                for h in &r.hits {
                    assert_eq!(&v[h.start..h.end], h.text);
                }
            } else {
                misses.push(format!("{kind:>20}  {id:<36} {v:?}"));
            }
        }
        let rate = caught as f64 / cases.len() as f64;
        worst = worst.min(rate / plain_rate);
        println!("{kind:>20}: {caught}/{} = {:.1}%", cases.len(), 100.0 * rate);
    }
    for m in &misses {
        println!("miss: {m}");
    }
    worst
}
