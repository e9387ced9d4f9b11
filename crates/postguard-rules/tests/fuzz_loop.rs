//! A randomized fuzz loop that runs on stable (no libFuzzer needed): mutates realistic
//! posts with the characters the normaliser treats specially and checks the invariants.
//! Ignored by default; run it in release mode for as long as you like:
//!
//! `POSTGUARD_FUZZ_SECS=300 cargo test -p postguard-rules --release --test fuzz_loop -- --ignored --nocapture`

use std::time::{Duration, Instant};

use postguard_rules::RuleSet;

const CORPUS: &str = include_str!("../benches/corpus.txt");

const PALETTE: &[&str] = &[
    "\u{200B}",
    "\u{200D}",
    "\u{202E}",
    "\u{2066}",
    "\u{FEFF}",
    "\u{00AD}",
    "\u{0301}",
    "\u{0336}",
    "\u{E0041}",
    "\u{FE0F}",
    "ﬁ",
    "½",
    "ǅ",
    "İ",
    "ẞ",
    "ß",
    "🅺",
    "🆈",
    "🇰",
    "ⓚ",
    "𝐤",
    "𝓀",
    "ｋ",
    "ᴋ",
    "к",
    "у",
    "ѕ",
    "α",
    "ι",
    "1",
    "3",
    "4",
    "0",
    "5",
    "7",
    "@",
    "$",
    "!",
    "|",
    "+",
    "€",
    "'",
    "’",
    "‘",
    "\"",
    "“",
    "”",
    "«",
    "»",
    ".",
    ",",
    ";",
    ":",
    "?",
    "-",
    "_",
    "*",
    "/",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\t",
    "k",
    "y",
    "s",
    "kys",
    "kill",
    "yourself",
    "myself",
    "i want to",
    "die",
    "not",
    "never",
    "myth",
    "used to",
    "but",
    "lol",
    "if you",
    "told me to",
    "😂",
    "🙂",
    "@user",
    "https://x.y/z",
    "#",
    "aaaa",
    "1000",
    "10mg",
    "2nd",
    "\u{10FFFF}",
    "\u{FFFD}",
    "\0",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn floor(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn mutate(rng: &mut Rng, posts: &[&str]) -> String {
    let mut s = posts[rng.below(posts.len())].to_string();
    for _ in 0..1 + rng.below(12) {
        let at = floor(&s, rng.below(s.len() + 1));
        match rng.below(7) {
            0 | 1 => s.insert_str(at, PALETTE[rng.below(PALETTE.len())]),
            2 => {
                let end = floor(&s, at + rng.below(12));
                s.replace_range(at..end, "");
            }
            3 => {
                let end = floor(&s, at + rng.below(20));
                let piece = s[at..end].repeat(1 + rng.below(4));
                s.insert_str(at, &piece);
            }
            4 => s.insert_str(at, posts[rng.below(posts.len())]),
            5 => {
                if let Some(c) = char::from_u32(rng.below(0x11_0000) as u32) {
                    s.insert(at, c);
                }
            }
            _ => {
                // Space out / dot out a stretch of letters.
                let end = floor(&s, at + rng.below(16));
                let sep = [" ", ".", "-", "\u{200B}"][rng.below(4)];
                let spaced: String = s[at..end].chars().map(|c| format!("{c}{sep}")).collect();
                s.replace_range(at..end, &spaced);
            }
        }
    }
    s
}

#[test]
#[ignore = "long-running; see the module docs"]
fn randomized_fuzz_loop() {
    let secs: u64 = std::env::var("POSTGUARD_FUZZ_SECS").ok().and_then(|v| v.parse().ok()).unwrap_or(60);
    let seed: u64 =
        std::env::var("POSTGUARD_FUZZ_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or(0x9E37_79B9_7F4A_7C15);
    let rules = RuleSet::default();
    let posts: Vec<&str> = CORPUS.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).collect();
    let mut rng = Rng(seed);
    let deadline = Instant::now() + Duration::from_secs(secs);
    let (mut n, mut hits, mut bytes) = (0u64, 0u64, 0u64);
    while Instant::now() < deadline {
        for _ in 0..256 {
            let text = mutate(&mut rng, &posts);
            let r = rules.check(&text);
            for (a, b, t) in r
                .hits
                .iter()
                .map(|h| (h.start, h.end, &h.text))
                .chain(r.suppressed.iter().map(|s| (s.hit.start, s.hit.end, &s.hit.text)))
                .chain(r.allows.iter().map(|a| (a.start, a.end, &a.text)))
            {
                assert!(a < b && b <= text.len(), "bad span {a}..{b} in {text:?}");
                assert!(text.is_char_boundary(a) && text.is_char_boundary(b), "{text:?}");
                assert_eq!(&text[a..b], t.as_str(), "{text:?}");
            }
            if n % 64 == 0 {
                assert_eq!(r, rules.check(&text), "non-deterministic on {text:?}");
            }
            hits += r.hits.len() as u64;
            bytes += text.len() as u64;
            n += 1;
        }
    }
    println!(
        "fuzz loop: {n} inputs ({:.1} MB) in {secs}s, {hits} active hits, seed {seed}, no failures",
        bytes as f64 / 1e6
    );
}
