//! Personal information in posts: find it, say whose it is, and redact it.
//!
//! Pattern recognisers with validators and context words, in the manner of Microsoft Presidio:
//! each kind has a candidate pattern, a validator where the kind has one (the numbering plan for
//! phones through the `phonenumber` crate, Luhn for cards, mod-97 for IBANs, the issuing rules for
//! SSNs and National Insurance numbers, address ranges for IPs), and context words nearby that
//! raise or lower the confidence. Findings under [`PiiDetector::min_confidence`] are dropped.
//!
//! Never flagged: crisis and emergency numbers (988, 116 123, 741741, 911, 999, 112, ... and any
//! number given to [`PiiDetectorBuilder::allow_number`]), prices, times, dates that are not birth
//! dates, version numbers, order and ticket numbers, statistics, and the ranges reserved for
//! fiction and documentation (example.com, 555-0100..0199, Ofcom's drama numbers, 192.0.2.0/24,
//! 2001:db8::/32, the well-known test card numbers).
//!
//! The detectors read the text lightly folded (`pii_fold.rs`): zero-width, bidi and other
//! invisible characters dropped, fullwidth and other compatibility forms folded (`０７９１１` is
//! `07911`, `＠` is `@`), look-alike letters inside mixed words folded by the rule normaliser's
//! homoglyph table (a Cyrillic `і` in `gmail`), so a detail hidden from a pattern and not from a
//! reader is found, and the rules above about what is never flagged hold for it alike.
//!
//! Spans are byte offsets into the original text, on char boundaries, covering the original
//! characters (fullwidth, look-alike and invisible ones included); [`redact`] replaces each
//! finding by its kind's placeholder (`[EMAIL]`, `[PHONE]`, ...) and leaves every other byte.

use std::collections::HashSet;
use std::fmt;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

use regex::{Regex, RegexSet};
use serde::{Deserialize, Serialize};

/// What kind of personal information a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PiiKind {
    /// An email address, also written out ("jess at gmail dot com").
    Email,
    /// A phone number valid in its country's numbering plan.
    Phone,
    /// A house number and street.
    StreetAddress,
    /// A postcode or ZIP code next to an address.
    Postcode,
    /// A US Social Security number.
    Ssn,
    /// A UK National Insurance number.
    UkNino,
    /// A payment card number (Luhn-valid).
    PaymentCard,
    /// An IBAN (mod-97-valid).
    Iban,
    /// A public IPv4 or IPv6 address.
    IpAddress,
    /// Precise latitude and longitude.
    GeoCoordinates,
    /// A date in a birth context.
    DateOfBirth,
    /// Another user's handle (`@name`, `u/name`).
    UserHandle,
    /// A link to a personal profile (facebook.com/..., instagram.com/...).
    ProfileLink,
}

impl PiiKind {
    /// Every kind.
    pub const ALL: [PiiKind; 13] = [
        PiiKind::Email,
        PiiKind::Phone,
        PiiKind::StreetAddress,
        PiiKind::Postcode,
        PiiKind::Ssn,
        PiiKind::UkNino,
        PiiKind::PaymentCard,
        PiiKind::Iban,
        PiiKind::IpAddress,
        PiiKind::GeoCoordinates,
        PiiKind::DateOfBirth,
        PiiKind::UserHandle,
        PiiKind::ProfileLink,
    ];

    /// The snake_case name used in JSON (`"street_address"`).
    pub const fn as_str(self) -> &'static str {
        match self {
            PiiKind::Email => "email",
            PiiKind::Phone => "phone",
            PiiKind::StreetAddress => "street_address",
            PiiKind::Postcode => "postcode",
            PiiKind::Ssn => "ssn",
            PiiKind::UkNino => "uk_nino",
            PiiKind::PaymentCard => "payment_card",
            PiiKind::Iban => "iban",
            PiiKind::IpAddress => "ip_address",
            PiiKind::GeoCoordinates => "geo_coordinates",
            PiiKind::DateOfBirth => "date_of_birth",
            PiiKind::UserHandle => "user_handle",
            PiiKind::ProfileLink => "profile_link",
        }
    }

    /// The placeholder [`redact`] writes (`"[EMAIL]"`).
    pub const fn placeholder(self) -> &'static str {
        match self {
            PiiKind::Email => "[EMAIL]",
            PiiKind::Phone => "[PHONE]",
            PiiKind::StreetAddress => "[ADDRESS]",
            PiiKind::Postcode => "[POSTCODE]",
            PiiKind::Ssn => "[SSN]",
            PiiKind::UkNino => "[NINO]",
            PiiKind::PaymentCard => "[CARD]",
            PiiKind::Iban => "[IBAN]",
            PiiKind::IpAddress => "[IP]",
            PiiKind::GeoCoordinates => "[COORDINATES]",
            PiiKind::DateOfBirth => "[DOB]",
            PiiKind::UserHandle => "[HANDLE]",
            PiiKind::ProfileLink => "[PROFILE]",
        }
    }
}

impl fmt::Display for PiiKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for PiiKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        PiiKind::ALL.into_iter().find(|k| k.as_str() == s.trim()).ok_or_else(|| format!("unknown PII kind {s:?}"))
    }
}

/// Whose details a finding is, read from the words before it in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Whose {
    /// The author's own ("text me at ...", "I live on ..."): not a violation, a notice to the
    /// author.
    Own,
    /// Someone else's ("her number is ...", "he lives at ..."): a privacy violation.
    Other,
    /// Nothing says whose.
    Unknown,
}

/// One piece of personal information in a text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PiiFinding {
    /// What it is.
    pub kind: PiiKind,
    /// Byte offset of its first character in the original text.
    pub start: usize,
    /// Byte offset just past its last character.
    pub end: usize,
    /// `original[start..end]`.
    pub text: String,
    /// How sure the detector is, 0..1 (pattern, validator and context words).
    pub confidence: f32,
    /// Whose it is.
    pub whose: Whose,
}

impl PiiFinding {
    /// The span as a range, for slicing the original text.
    pub fn span(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

/// `text` with each finding replaced by its kind's placeholder; every byte outside the
/// findings is unchanged. Overlapping findings are merged (the first one's placeholder).
pub fn redact(text: &str, findings: &[PiiFinding]) -> String {
    let mut spans: Vec<(usize, usize, PiiKind)> =
        findings.iter().filter(|f| f.end <= text.len() && f.start < f.end).map(|f| (f.start, f.end, f.kind)).collect();
    spans.sort_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end, kind) in spans {
        if end <= at {
            continue;
        }
        let start = start.max(at);
        out.push_str(&text[at..start]);
        out.push_str(kind.placeholder());
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

/// Crisis, emergency and support numbers, digits only: never personal information.
const HELPLINES: &[&str] = &[
    "988",
    "116123",
    "116111",
    "741741",
    "911",
    "999",
    "112",
    "000",
    "111",
    "18002738255",
    "18007844433",
    "85258",
    "131114",
    "1800551800",
    "18334564566",
    "08001111",
    "18006686868",
    "50808",
    "1737",
    "0800543354",
    "08457909090",
    "08457909192",
    "116006",
    "1800247247",
    "0311",
    "08001116123",
    // UK: CALM, Mind, Papyrus HOPELINEUK, The Mix, Shout's landline; US: NAMI, Trevor, domestic
    // violence, RAINN, Trans Lifeline, SAMHSA; AU: Beyond Blue, Kids Helpline; CA: Kids Help
    // Phone text line; IE: Pieta, Childline IE.
    "0800585858",
    "03001233393",
    "08000684141",
    "08088084994",
    "18009506264",
    "18664887386",
    "18007997233",
    "18006564673",
    "8775658860",
    "18006624357",
    "1300224636",
    "686868",
    "1800666666",
];

/// The default minimum confidence.
pub const DEFAULT_MIN_CONFIDENCE: f32 = 0.5;

/// Builds a [`PiiDetector`].
#[derive(Debug, Clone)]
pub struct PiiDetectorBuilder {
    regions: Vec<phonenumber::country::Id>,
    allowed: HashSet<String>,
    min_confidence: f32,
}

impl Default for PiiDetectorBuilder {
    fn default() -> Self {
        use phonenumber::country::Id::*;
        Self {
            regions: vec![US, GB, CA, AU, IE, NZ, IN, DE, FR, ES, IT, NL, BE, PT, BR, MX, JP, ZA],
            allowed: HELPLINES.iter().map(|s| (*s).to_owned()).collect(),
            min_confidence: DEFAULT_MIN_CONFIDENCE,
        }
    }
}

impl PiiDetectorBuilder {
    /// Reads national-format phone numbers (no country code) as this region's first
    /// (`"US"`, `"GB"`, `"UK"`, `"DE"`, ...); the other common regions are still tried after it.
    /// An unknown region is ignored.
    pub fn region(mut self, region: &str) -> Self {
        let code = match region.trim().to_ascii_uppercase().as_str() {
            "UK" => "GB".to_owned(),
            other => other.to_owned(),
        };
        if let Ok(id) = phonenumber::country::Id::from_str(&code) {
            self.regions.retain(|r| *r != id);
            self.regions.insert(0, id);
        }
        self
    }

    /// A number that is never personal information (a helpline of your own); any format, only
    /// its digits count.
    pub fn allow_number(mut self, number: &str) -> Self {
        let digits: String = number.chars().filter(char::is_ascii_digit).collect();
        if !digits.is_empty() {
            self.allowed.insert(digits);
        }
        self
    }

    /// Findings under this confidence are dropped (default [`DEFAULT_MIN_CONFIDENCE`]).
    pub fn min_confidence(mut self, min: f32) -> Self {
        self.min_confidence = min;
        self
    }

    /// Compiles the detector.
    pub fn build(self) -> PiiDetector {
        PiiDetector {
            patterns: patterns(),
            regions: self.regions,
            allowed: self.allowed,
            min_confidence: self.min_confidence,
        }
    }
}

/// Finds personal information; build once, share across threads.
#[derive(Debug, Clone)]
pub struct PiiDetector {
    patterns: Patterns,
    regions: Vec<phonenumber::country::Id>,
    allowed: HashSet<String>,
    min_confidence: f32,
}

impl Default for PiiDetector {
    fn default() -> Self {
        PiiDetectorBuilder::default().build()
    }
}

#[derive(Debug, Clone)]
struct Patterns {
    /// Cheap prefilter: a text matching none of these has no findings.
    any: RegexSet,
    email: Regex,
    email_spaced: Regex,
    email_spelled: Regex,
    phone: Regex,
    phone_words: Regex,
    ssn: Regex,
    nino: Regex,
    card: Regex,
    iban: Regex,
    ipv4: Regex,
    ipv6: Regex,
    geo: Regex,
    geo_named: Regex,
    dob: Regex,
    handle: Regex,
    profile: Regex,
    address_en: Regex,
    address_de: Regex,
    address_de_prep: Regex,
    address_fr: Regex,
    address_es: Regex,
    postcode_uk: Regex,
    postcode_other: Regex,
    zip_cued: Regex,
    zip_city: Regex,
    own: Regex,
    other: Regex,
}

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("built-in PII pattern {pattern:?}: {e}"))
}

const STREET_EN: &str = "street|st|road|rd|avenue|ave|av|lane|ln|drive|dr|way|close|court|ct|place|pl|crescent|cres|terrace|boulevard|blvd|grove|gardens|gdns|hill|square|sq|parkway|pkwy|row|mews|walk|circle|cir|highway|hwy";
const MONTHS: &str = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

fn patterns() -> Patterns {
    let date = format!(
        r"(?:\d{{1,2}}[/.\-]\d{{1,2}}[/.\-](?:19|20)?\d{{2}}|(?:19|20)\d{{2}}[/.\-]\d{{1,2}}[/.\-]\d{{1,2}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\.?,?\s+(?:19|20)\d{{2}}|(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}})"
    );
    Patterns {
        any: RegexSet::new([
            r"\d",
            r"@",
            r"(?i)\bat\b",
            r"(?i)\bu/",
            r"(?i)\b(?:o|oh|zero|one|two|three|four|five|six|seven|eight|nine)\b",
            r"(?i)(?:facebook|fb|instagram|twitter|x|tiktok|linkedin|reddit|snapchat|youtube|threads|twitch)\.(?:com|net|tv)/",
        ])
            .expect("prefilter compiles"),
        email: re(r"(?i)\b[a-z0-9][a-z0-9._%+\-]{0,63}@[a-z0-9](?:[a-z0-9\-]{0,62}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]{0,62}[a-z0-9])?)*\.[a-z]{2,24}\b"),
        email_spaced: re(r"(?i)\b[a-z0-9][a-z0-9._\-]{0,63}\s+@\s*[a-z0-9\-]{2,63}(?:\s*\.\s*[a-z0-9\-]{2,63})*?\s*\.\s*(?:com|net|org|edu|gov|io|co|uk|de|fr|ie|au|ca|info|me|us|nl|es|it|in|nz)\b(?:\s*\.\s*(?:uk|au|nz|in))?|(?i)\b[a-z0-9][a-z0-9._\-]{0,63}@\s+[a-z0-9\-]{2,63}(?:\s*\.\s*[a-z0-9\-]{2,63})*?\s*\.\s*(?:com|net|org|edu|gov|io|co|uk|de|fr|ie|au|ca|info|me|us|nl|es|it|in|nz)\b"),
        email_spelled: re(r"(?i)\b[a-z0-9][a-z0-9._\-]{0,63}\s*(?:\[at\]|\(at\)|\{at\}|\bat\b)\s*[a-z0-9\-]{2,63}(?:\s*(?:\[dot\]|\(dot\)|\{dot\}|\bdot\b|\.)\s*[a-z0-9\-]{2,63})*?\s*(?:\[dot\]|\(dot\)|\{dot\}|\bdot\b)\s*(?:com|net|org|edu|gov|io|co|uk|de|fr|ie|au|ca|info|me|us|nl|es|it|in|nz)\b(?:\s*(?:\[dot\]|\(dot\)|\bdot\b)\s*(?:uk|au|nz|in))?"),
        phone: re(r"(?:\+|\b00|\B\(|\b)\d[\d \t().\-/]{5,40}\d\b"),
        phone_words: re(r"(?i)\b(?:(?:o|oh|zero|one|two|three|four|five|six|seven|eight|nine|double|triple)[\s,.\-]+){6,}(?:o|oh|zero|one|two|three|four|five|six|seven|eight|nine)\b"),
        ssn: re(r"\b(\d{3})([- ]?)(\d{2})([- ]?)(\d{4})\b"),
        nino: re(r"(?i)\b([a-z]{2})\s?(\d{2})\s?(\d{2})\s?(\d{2})\s?([a-d])\b"),
        card: re(r"\b\d(?:[ \-]?\d){12,18}\b"),
        iban: re(r"(?i)\b([a-z]{2}\d{2})((?:[ ]?[a-z0-9]){11,30})\b"),
        ipv4: re(r"\b(?:\d{1,3}\.){3}\d{1,3}\b"),
        ipv6: re(r"(?i)(?:^|[^0-9a-z:])((?:[0-9a-f]{1,4})?(?::{1,2}[0-9a-f]{1,4}){2,7}(?:::)?)(?:$|[^0-9a-z:])"),
        geo: re(r"(-?\d{1,2}\.\d{3,})\s*°?\s*([NSns])?\s*[,;/]?\s+(-?\d{1,3}\.\d{3,})\s*°?\s*([EWew])?\b|(-?\d{1,2}\.\d{3,})°?\s*([NSns])?,(-?\d{1,3}\.\d{3,})°?\s*([EWew])?\b"),
        geo_named: re(r"(?i)\blat(?:itude)?\s*[:=]?\s*(-?\d{1,2}\.\d{3,})\s*[,;]?\s*(?:lon|lng|long|longitude)\s*[:=]?\s*(-?\d{1,3}\.\d{3,})"),
        dob: re(&format!(r"(?i)\b(?:born(?:\s+on|\s+in)?|b\.|dob|d\.o\.b\.?|date\s+of\s+birth|birth\s*date|birthday(?:\s+is)?|bday(?:\s+is)?)\s*[:\-]?\s*(?:is\s+|was\s+|on\s+|the\s+)?({date})")),
        handle: re(r"(?:^|[^\w@./])(@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)\b|(?i)(?:^|[^\w/])(u/[a-z0-9_\-]{3,20})\b"),
        profile: re(r"(?i)\b(?:https?://)?(?:www\.|m\.|mobile\.)?(?:facebook\.com|fb\.com|instagram\.com|twitter\.com|x\.com|tiktok\.com/@|linkedin\.com/in|reddit\.com/(?:u|user)|snapchat\.com/add|youtube\.com/@|threads\.net/@|twitch\.tv)/?([a-z0-9_.\-]{2,60})/?"),
        address_en: re(&format!(r"(?i)\b(?:(?:flat|apt|apartment|unit|suite)\s*\d{{1,4}}[a-z]?,?\s+)?(\d{{1,5}}[a-z]?),?\s+((?:[a-z0-9'’\-]*[a-z][a-z0-9'’\-]*\s+){{1,3}}?)(?:{STREET_EN})\b\.?(?:,?\s+(?:apt|apartment|unit|suite|#)\s*[0-9a-z]{{1,5}})?")),
        address_de: re(r"(?i)\b([\p{L}\-]{2,}(?:straße|strasse|str\.|weg|allee|gasse|platz|ring|damm|ufer|gracht|laan|straat|plein|kade|steeg|singel|dijk|markt))\s+(\d{1,4}[a-z]?)\b"),
        address_de_prep: re(r"\b(?:Am|An der|An den|Auf der|Auf dem|Im|In der|Zum|Zur|Unter den)\s+(\p{Lu}[\p{L}\-]{2,})\s+(\d{1,4}[a-z]?)\b"),
        address_fr: re(r"(?i)\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|boulevard|bd|chemin|impasse|allée|allee|place|quai|cours)\s+(?:(?:de|du|des|la|le|l'|d')\s*){0,2}([\p{L}'’\-]{2,})(?:\s+[\p{L}'’\-]{2,}){0,2}"),
        address_es: re(r"(?i)\b(?:calle|c/|avenida|avda\.?|paseo|plaza|via|viale|piazza|corso|largo|rua|travessa|carrer|avinguda)\s+((?:(?:de|del|la|los|las|di|della|dei|delle)\s+)?(?:[\p{L}'’\-]{2,}\s*){1,3}?),?\s*(?:n[ºo°]\.?\s*)?(\d{1,4})\b"),
        postcode_uk: re(r"(?i)\b(?:[a-pr-uwyz](?:\d[\da-hjkpstuw]?|[a-hk-y]\d[\dabehmnprv-y]?)\s?\d[abd-hjlnp-uw-z]{2})\b"),
        postcode_other: re(r"(?i:\b(?:[ACDEFHKNPRTVWXY]\d{2}\s?[0-9ACDEFHKNPRTVWXY]{4}|[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\s?\d[ABCEGHJ-NPRSTV-Z]\d)\b)|\b\d{4}\s?[A-Z]{2}\b"),
        zip_cued: re(r"(?i)(?:\bzip(?:\s*code)?|\bpostal\s+code|\bpost\s*code|\bpostleitzahl|\bplz|\bcode\s+postal|\bcp|\bcap)(?:\s+is)?\s*[:#=]?\s*(\d{5}(?:-\d{4})?)\b|\b(?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY])\s+(\d{5}(?:-\d{4})?)\b"),
        zip_city: re(r"\b(\d{5})\s+[\p{L}][\p{L}\-]{2,}"),
        own: re(r"(?i)\b(?:my|me|i|i'm|im|i've|ive|i'll|mine|our|us|we|we're)\b"),
        other: re(r"(?i)\b(?:her|hers|his|him|he|she|they|their|them|he's|she's|theyre|they're)\b|\bmy\s+(?:ex|mum|mom|mother|dad|father|sister|sis|brother|bro|friend|bff|boss|teacher|neighbou?r|bf|gf|boyfriend|girlfriend|husband|wife|partner|son|daughter|cousin|aunt|uncle|roommate|flatmate|coworker|colleague|classmate|stepdad|stepmom|stepmum|abuser|bully|stalker)\b|\b(?:this|that)\s+(?:guy|girl|person|woman|man|kid|dude|loser|creep|bitch)\b|\b[A-Z][a-z]{2,}'s\b|@\w+'s\b"),
    }
}

/// Context words around a candidate, within `window` bytes before it (and a little after).
fn before(text: &str, start: usize, window: usize) -> &str {
    let mut from = start.saturating_sub(window);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    &text[from..start]
}

fn after(text: &str, end: usize, window: usize) -> &str {
    let mut to = (end + window).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    &text[end..to]
}

fn has_word(hay: &str, words: &[&str]) -> bool {
    let lower = hay.to_lowercase();
    words.iter().any(|w| {
        lower.match_indices(w).any(|(i, _)| {
            let ok_before = lower[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            let ok_after = lower[i + w.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            ok_before && ok_after
        })
    })
}

/// Whether the number at `start..end` can be a house number: not part of a larger number
/// ("2,000"), of a name ("Covid-19"), a year's abbreviation ("'04") or a decade ("20s", "1980s").
fn house_number_ok(text: &str, start: usize, end: usize) -> bool {
    let mut back = text[..start].chars().rev();
    let prev = back.next();
    let glued = match prev {
        Some('\'' | '’' | '‘') => true,
        Some(',' | '.') => back.next().is_some_and(|c| c.is_ascii_digit()),
        Some('-') => back.next().is_some_and(char::is_alphanumeric),
        _ => false,
    };
    // "COVID 19 gate way", "Route 66", "Windows 10 way": a numbered thing's number ("No. 10" is
    // a house number).
    let word: String = text[..start].trim_end().chars().rev().take_while(|c| c.is_alphanumeric()).collect();
    let word: String = word.chars().rev().collect::<String>().to_lowercase();
    let numbered = word != "no" && word != "number" && NUMBERED_NOUNS.contains(&word.as_str());
    let n = &text[start..end];
    let decade = n.len() >= 3 && (n.ends_with("0s") || n.ends_with("0S"));
    !glued && !decade && !numbered
}

/// Whether the word after a number makes it a count, time or measure ("2 days", "7:30", "25%").
fn not_house_after(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let mut chars = rest.chars();
    match chars.next() {
        Some('%') => return true,
        Some(':' | '.') if chars.next().is_some_and(|c| c.is_ascii_digit()) => return true,
        _ => {}
    }
    let word: String = rest.trim_start().chars().take_while(|c| c.is_alphanumeric() || *c == '.').collect();
    let word = word.trim_end_matches('.').to_lowercase();
    rest.starts_with(char::is_whitespace) && NOT_AFTER_HOUSE_NUMBER.contains(&word.as_str())
}

/// `a-b` (or `a - b`, en or em dash) with a < b, neither with a leading zero and b at most one
/// digit longer: a range of years or counts, not a phone number (phone groups are not ordered).
fn number_range(raw: &str) -> bool {
    let parts: Vec<&str> = raw.split(['-', '–', '—']).map(str::trim).collect();
    let plain = |s: &str| !s.is_empty() && !s.starts_with('0') && s.bytes().all(|b| b.is_ascii_digit());
    let [a, b] = parts[..] else { return false };
    if !plain(a) || !plain(b) || b.len() < a.len() || b.len() > a.len() + 1 {
        return false;
    }
    matches!((a.parse::<u64>(), b.parse::<u64>()), (Ok(x), Ok(y)) if x < y)
}

/// Whether the word just before `start` is a month's name ("August 26 2020 924998").
fn after_month(text: &str, start: usize) -> bool {
    let word: String = before(text, start, 16)
        .trim_end()
        .trim_end_matches(['.', ','])
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect();
    let word: String = word.chars().rev().collect::<String>().to_lowercase();
    MONTH_NAMES.contains(&word.as_str())
}

/// Whether a street word at `end` is a unit's ("square foot", "mile walk").
fn unit_follows(text: &str, end: usize) -> bool {
    let word: String = text[end..].trim_start().chars().take_while(|c| c.is_alphabetic()).collect();
    [
        "foot",
        "feet",
        "ft",
        "metre",
        "metres",
        "meter",
        "meters",
        "mile",
        "miles",
        "km",
        "kilometres",
        "kilometers",
        "yard",
        "yards",
        "inch",
        "inches",
    ]
    .contains(&word.to_lowercase().as_str())
}

/// An English "-ring" word read as a German "...ring" street: a gerund or noun whose stem is
/// short or ends in a vowel ("during", "spring", "scoring", "roaring", "offering"), or an
/// "-rring" gerund ("occurring", "referring"). "Kaiserring", "Sachsenring", "Theodor-Heuss-Ring"
/// are streets.
fn english_ring_word(word: &str) -> bool {
    let Some(stem) = word.strip_suffix("ring") else { return false };
    let last = stem.chars().next_back();
    stem.chars().count() < 3
        || last.is_some_and(|c| "aeiouy".contains(c))
        || ["urring", "arring", "irring"].iter().any(|e| word.ends_with(e))
        || ERRING_GERUNDS.contains(&word)
}

const PHONE_CUES: &[&str] = &[
    "call",
    "calling",
    "called",
    "calls",
    "text",
    "texting",
    "texted",
    "texts",
    "txt",
    "rang",
    "ringing",
    "messaged",
    "messaging",
    "phone",
    "number",
    "num",
    "no.",
    "mobile",
    "mob",
    "cell",
    "whatsapp",
    "tel",
    "telephone",
    "ring",
    "reach",
    "contact",
    "signal",
    "telegram",
    "sms",
    "dial",
    "digits",
    "landline",
    "fone",
    "hmu",
];
const NUMBER_NOT_PHONE: &[&str] = &[
    "order",
    "ticket",
    "tracking",
    "invoice",
    "case",
    "ref",
    "reference",
    "id",
    "account",
    "acct",
    "isbn",
    "serial",
    "build",
    "version",
    "ver",
    "model",
    "policy",
    "claim",
    "booking",
    "confirmation",
    "receipt",
    "transaction",
    "item",
    "sku",
    "batch",
    "lot",
    "patient",
    "nhs",
    "member",
    "membership",
    "customer",
    "student",
    "employee",
    "flight",
    "page",
    "pages",
    "chapter",
    "room",
    "population",
    "deaths",
    "people",
    "total",
    "score",
    "steps",
    "calories",
    "views",
    "followers",
    "likes",
    "votes",
    "km",
    "miles",
    "mg",
    "ml",
];
const ADDRESS_CUES: &[&str] = &[
    "live",
    "lives",
    "living",
    "lived",
    "address",
    "addy",
    "moved",
    "move",
    "house",
    "flat",
    "apartment",
    "apt",
    "home",
    "stay",
    "stays",
    "staying",
    "at",
    "on",
    "near",
    "outside",
    "door",
    "postcode",
    "zip",
    "street",
    "find",
];
/// English function words (articles, pronouns, auxiliaries, prepositions, conjunctions, question
/// words): never part of a street's name, in the English form ([`NOT_STREET_NAME`] adds to them)
/// or the Romance-language ones ([`NOT_ROMANCE_NAME`]).
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "on", "to", "my", "of", "in", "at", "and", "or", "for", "is", "was", "are", "were", "be", "from",
    "with", "by", "into", "after", "before", "since", "until", "this", "that", "where", "which", "who", "when", "what",
    "how", "why", "i", "you", "he", "she", "we", "they", "it", "me", "him", "her", "us", "them", "his", "their", "our",
    "your", "its", "can", "could", "would", "should", "have", "has", "had", "every", "each", "all", "about", "around",
    "than", "then", "if", "as", "so", "just", "not",
];
/// Month names and their abbreviations (the words of the [`MONTHS`] pattern).
const MONTH_NAMES: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];
/// Whether `w` (lower case) cannot be a word of an English street name.
fn not_street_name(w: &str) -> bool {
    FUNCTION_WORDS.contains(&w) || NOT_STREET_NAME.contains(&w)
}
/// Whether `w` (lower case) cannot be a word of a French, Italian, Spanish or Portuguese street's
/// name in English text: a function word, a month ("mar" is the sea in Spanish and Portuguese:
/// "Calle del Mar 5"), or one of [`NOT_ROMANCE_NAME`].
fn not_romance_name(w: &str) -> bool {
    FUNCTION_WORDS.contains(&w) || (w != "mar" && MONTH_NAMES.contains(&w)) || NOT_ROMANCE_NAME.contains(&w)
}
const NOT_STREET_NAME: &[&str] = &[
    "down",
    "up",
    "pills",
    "pill",
    "mg",
    "times",
    "days",
    "hours",
    "minutes",
    "weeks",
    "months",
    "years",
    "people",
    "more",
    "way",
    "few",
    "many",
    "other",
    "way",
    "same",
    "whole",
    "long",
    "last",
    "next",
    "first",
    "no",
    // Quantities and units: "1 million square foot", "30 minute walk", "8 PM CT", "2 mile drive".
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "dozen",
    "percent",
    "per",
    "cent",
    "k",
    "bn",
    "minute",
    "hour",
    "seconds",
    "day",
    "week",
    "month",
    "year",
    "mile",
    "km",
    "foot",
    "feet",
    "ft",
    "inch",
    "yard",
    "yards",
    "metre",
    "metres",
    "meter",
    "meters",
    "mph",
    "kg",
    "lb",
    "lbs",
    "am",
    "pm",
    "x",
    "square",
    // Adverbs and adjectives of degree: "15 really close", "94 possible close".
    "really",
    "very",
    "too",
    "quite",
    "pretty",
    "super",
    "extremely",
    "only",
    "also",
    "still",
    "even",
    "ever",
    "never",
    "almost",
    "nearly",
    "approximately",
    "roughly",
    "literally",
    "actually",
    "basically",
    "totally",
    "fairly",
    "rather",
    "most",
    "least",
    "less",
    "much",
    "possible",
    "potential",
    "probably",
    "possibly",
    "maybe",
    "definitely",
    "absolutely",
    "fully",
    "completely",
    "truly",
    "seriously",
    "kinda",
    "sorta",
    "like",
    // Pronouns, auxiliaries, prepositions, number words: "3 Can two walk".
    "shall",
    "might",
    "must",
    "been",
    "do",
    "does",
    "did",
    "get",
    "got",
    "over",
    "under",
    "via",
    "off",
    "out",
    "but",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
];
/// English words that are never part of a street's name (checked in the Romance-language forms,
/// whose articles de/la/di/do... are left out): "via Dubai on August 7", "1 place to invest".
const NOT_ROMANCE_NAME: &[&str] = &[
    "till",
    "these",
    "those",
    "will",
    "some",
    "any",
    "private",
    "public",
    "own",
    "email",
    "text",
    "phone",
    "video",
    "zoom",
    "app",
    "car",
    "bus",
    "train",
    "plane",
    "flight",
    "ship",
    "boat",
    "vehicle",
    "taxi",
    "uber",
    "mail",
    "post",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "tonight",
    "tomorrow",
    "yesterday",
];
/// Nouns that label a number ("Channel 4", "Route 66", "Windows 10"): the number is not a house
/// number ("via Channel 4").
const NUMBERED_NOUNS: &[&str] = &[
    "channel", "route", "highway", "terminal", "gate", "platform", "level", "exit", "junction", "line", "windows",
    "series", "season", "episode", "chapter", "page", "step", "phase", "round", "stage", "version", "covid", "radio",
    "room", "track", "vol", "part", "number", "no", "top", "grade", "class", "iphone", "ios", "android", "ps", "xbox",
    "web", "studio", "bbc", "itv", "e4", "more4", "sky", "sport", "sports", "fm", "news", "zone", "tier",
];
/// Words after a number that make it a count, a time or a measure, not a house number
/// ("via Rome 2 days ago", "scoring 2 goals").
const NOT_AFTER_HOUSE_NUMBER: &[&str] = &[
    "am", "pm", "a.m", "p.m", "days", "day", "weeks", "week", "months", "month", "years", "year", "yrs", "hours",
    "hour", "hrs", "minutes", "minute", "mins", "min", "seconds", "times", "time", "people", "persons", "cases",
    "deaths", "patients", "percent", "per", "km", "kms", "miles", "mile", "mg", "kg", "lbs", "goals", "goal", "points",
    "pts", "runs", "wickets", "games", "matches", "million", "billion", "thousand", "hundred", "out", "x",
];
/// English "-erring" gerunds that the German "-ring" street suffix would read as a street.
const ERRING_GERUNDS: &[&str] = &[
    "referring",
    "preferring",
    "conferring",
    "deterring",
    "inferring",
    "transferring",
    "interring",
    "erring",
    "offering",
];
const VERSION_CUES: &[&str] =
    &["version", "ver", "v", "build", "ios", "android", "python", "release", "firmware", "update"];

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

fn luhn(digits: &str) -> bool {
    let mut sum = 0;
    for (i, c) in digits.bytes().rev().enumerate() {
        let mut d = u32::from(c - b'0');
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum % 10 == 0
}

fn card_prefix_ok(d: &str) -> bool {
    let p2: u32 = d[..2].parse().unwrap_or(0);
    let p4: u32 = d[..4].parse().unwrap_or(0);
    let len = d.len();
    match d.as_bytes()[0] {
        b'4' => matches!(len, 13 | 16 | 19),
        b'5' => (51..=55).contains(&p2) && len == 16,
        b'2' => (2221..=2720).contains(&p4) && len == 16,
        b'3' => {
            ((p2 == 34 || p2 == 37) && len == 15)
                || (p2 == 35 && (16..=19).contains(&len))
                || ((p2 == 36 || p2 == 38) && (14..=19).contains(&len))
        }
        b'6' => (p4 == 6011 || p2 == 65 || (644..=649).contains(&(p4 / 10)) || p2 == 62) && (16..=19).contains(&len),
        _ => false,
    }
}

const TEST_CARDS: &[&str] = &[
    "4111111111111111",
    "4242424242424242",
    "5555555555554444",
    "378282246310005",
    "4000056655665556",
    "5105105105105100",
    "371449635398431",
    "6011111111111117",
    "4012888888881881",
];

/// Length of the IBAN of each country that has one (SWIFT registry).
fn iban_length(country: &str) -> Option<usize> {
    Some(match country {
        "AD" => 24,
        "AE" => 23,
        "AL" => 28,
        "AT" => 20,
        "AZ" => 28,
        "BA" => 20,
        "BE" => 16,
        "BG" => 22,
        "BH" => 22,
        "BR" => 29,
        "CH" => 21,
        "CR" => 22,
        "CY" => 28,
        "CZ" => 24,
        "DE" => 22,
        "DK" => 18,
        "DO" => 28,
        "EE" => 20,
        "ES" => 24,
        "FI" => 18,
        "FO" => 18,
        "FR" => 27,
        "GB" => 22,
        "GE" => 22,
        "GI" => 23,
        "GL" => 18,
        "GR" => 27,
        "GT" => 28,
        "HR" => 21,
        "HU" => 28,
        "IE" => 22,
        "IL" => 23,
        "IS" => 26,
        "IT" => 27,
        "JO" => 30,
        "KW" => 30,
        "KZ" => 20,
        "LB" => 28,
        "LI" => 21,
        "LT" => 20,
        "LU" => 20,
        "LV" => 21,
        "MC" => 27,
        "MD" => 24,
        "ME" => 22,
        "MK" => 19,
        "MR" => 27,
        "MT" => 31,
        "MU" => 30,
        "NL" => 18,
        "NO" => 15,
        "PK" => 24,
        "PL" => 28,
        "PS" => 29,
        "PT" => 25,
        "QA" => 29,
        "RO" => 24,
        "RS" => 22,
        "SA" => 24,
        "SE" => 24,
        "SI" => 19,
        "SK" => 24,
        "SM" => 27,
        "TN" => 24,
        "TR" => 26,
        "UA" => 29,
        "VG" => 24,
        "XK" => 20,
        _ => return None,
    })
}

fn iban_valid(compact: &str) -> bool {
    let upper = compact.to_ascii_uppercase();
    if iban_length(&upper[..2]) != Some(upper.len()) || !upper.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return false;
    }
    let rearranged = format!("{}{}", &upper[4..], &upper[..4]);
    let mut rem: u64 = 0;
    for b in rearranged.bytes() {
        let v = if b.is_ascii_digit() { u64::from(b - b'0') } else { u64::from(b - b'A') + 10 };
        rem = if v >= 10 { (rem * 100 + v) % 97 } else { (rem * 10 + v) % 97 };
    }
    rem == 1
}

fn ssn_valid(area: &str, group: &str, serial: &str) -> bool {
    let a: u32 = area.parse().unwrap_or(0);
    a != 0 && a != 666 && a < 900 && group != "00" && serial != "0000"
}

fn nino_prefix_ok(prefix: &str) -> bool {
    let p = prefix.to_ascii_uppercase();
    let b = p.as_bytes();
    !b"DFIQUV".contains(&b[0])
        && !b"DFIOQUV".contains(&b[1])
        && !["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"].contains(&p.as_str())
}

fn public_ipv4(ip: Ipv4Addr) -> bool {
    let o = ip.octets();
    let documentation = matches!(o, [192, 0, 2, _] | [198, 51, 100, _] | [203, 0, 113, _]);
    !(ip.is_private()
        || ip.is_loopback()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || documentation
        || o[0] == 0
        || o[0] >= 240
        || (o[0] == 100 && (64..128).contains(&o[1])))
}

fn public_ipv6(ip: Ipv6Addr) -> bool {
    let s = ip.segments();
    let documentation = s[0] == 0x2001 && s[1] == 0x0db8;
    let unique_local = (s[0] & 0xfe00) == 0xfc00;
    let link_local = (s[0] & 0xffc0) == 0xfe80;
    !(ip.is_loopback() || ip.is_unspecified() || ip.is_multicast() || documentation || unique_local || link_local)
}

/// Numbers reserved for fiction and drama (NANP 555-0100..0199, Ofcom's drama ranges,
/// ACMA's fictional mobile range).
fn fictional_phone(national: &str, country: u16) -> bool {
    match country {
        1 => national.len() == 10 && &national[3..6] == "555" && national[6..8] == *"01",
        44 => {
            const OFCOM: &[(&str, usize)] = &[
                ("7700900", 3),
                ("2079460", 3),
                ("1614960", 3),
                ("1134960", 3),
                ("1174960", 3),
                ("1184960", 3),
                ("1214960", 3),
                ("1314960", 3),
                ("1414960", 3),
                ("1514960", 3),
                ("2896496", 3),
                ("2920180", 3),
                ("1632960", 3),
                ("3069990", 3),
                ("8081570", 3),
                ("9098790", 3),
            ];
            OFCOM.iter().any(|(p, rest)| national.starts_with(p) && national.len() == p.len() + rest)
        }
        61 => national.starts_with("491570") || national.starts_with("25550") || national.starts_with("75550"),
        _ => false,
    }
}

const NUMBER_WORDS: &[(&str, char)] = &[
    ("oh", '0'),
    ("zero", '0'),
    ("one", '1'),
    ("two", '2'),
    ("three", '3'),
    ("four", '4'),
    ("five", '5'),
    ("six", '6'),
    ("seven", '7'),
    ("eight", '8'),
    ("nine", '9'),
];

/// "oh seven nine double one" -> "07911".
fn words_to_digits(s: &str) -> String {
    let mut out = String::new();
    let mut repeat = 1;
    for w in s.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        let w = w.to_ascii_lowercase();
        match w.as_str() {
            "double" => repeat = 2,
            "triple" => repeat = 3,
            _ => {
                if let Some((_, d)) = NUMBER_WORDS.iter().find(|(n, _)| *n == w) {
                    for _ in 0..repeat {
                        out.push(*d);
                    }
                }
                repeat = 1;
            }
        }
    }
    out
}

impl PiiDetector {
    /// A detector with the default regions, helplines and minimum confidence.
    pub fn new() -> Self {
        Self::default()
    }

    /// Options: regions for national phone numbers, numbers to allow, minimum confidence.
    pub fn builder() -> PiiDetectorBuilder {
        PiiDetectorBuilder::default()
    }

    /// The minimum confidence of a reported finding.
    pub fn min_confidence(&self) -> f32 {
        self.min_confidence
    }

    /// Every finding in `text`, ordered by start offset, none overlapping: of overlapping
    /// candidates the more confident one is kept, and the text is searched again with the kept
    /// findings redacted, so that what an overlap hid (a phone number run into the coordinates
    /// after it) is found too, and [`redact`] with these findings leaves no findings behind.
    pub fn find(&self, text: &str) -> Vec<PiiFinding> {
        let mut findings = self.find_once(text);
        for _ in 0..3 {
            if findings.is_empty() {
                break;
            }
            // Where each placeholder of the redacted text came from.
            let mut redacted = String::with_capacity(text.len());
            let mut map: Vec<(usize, usize, usize, usize)> = Vec::new();
            let mut at = 0;
            for f in &findings {
                redacted.push_str(&text[at..f.start]);
                let r = redacted.len();
                redacted.push_str(f.kind.placeholder());
                map.push((r, redacted.len(), f.start, f.end));
                at = f.end;
            }
            redacted.push_str(&text[at..]);
            let to_original = |pos: usize| {
                let mut shift: isize = 0;
                for &(rs, re, os, oe) in &map {
                    if pos >= re {
                        shift += (oe - os) as isize - (re - rs) as isize;
                    }
                }
                (pos as isize + shift) as usize
            };
            let mut more = Vec::new();
            for mut f in self.find_once(&redacted) {
                if map.iter().any(|&(rs, re, _, _)| f.start < re && f.end > rs) {
                    continue; // runs into a placeholder: part of a finding already reported
                }
                f.start = to_original(f.start);
                f.end = to_original(f.end);
                f.whose = self.whose_at(text, f.kind, f.start);
                more.push(f);
            }
            if more.is_empty() {
                break;
            }
            findings.extend(more);
            findings.sort_by_key(|f| f.start);
        }
        findings
    }

    /// One pass of the detectors over `text` folded (see `pii_fold.rs`), spans on `text`.
    fn find_once(&self, text: &str) -> Vec<PiiFinding> {
        let Some(folded) = crate::pii_fold::fold(text) else {
            return self.detect(text);
        };
        let mut out: Vec<PiiFinding> = Vec::new();
        for mut f in self.detect(&folded.text) {
            let (mut start, end) = folded.original_span(f.start, f.end);
            // Two findings in the fold of one original character (`⑩` is `10`) share it: the
            // first has it.
            if let Some(last) = out.last() {
                start = start.max(last.end);
            }
            if start >= end {
                continue;
            }
            f.start = start;
            f.end = end;
            f.text = text[start..end].to_owned();
            out.push(f);
        }
        out
    }

    /// One pass of the detectors over `text` as it is.
    fn detect(&self, text: &str) -> Vec<PiiFinding> {
        let p = &self.patterns;
        if !p.any.is_match(text) {
            return Vec::new();
        }
        let mut found: Vec<(PiiKind, usize, usize, f32)> = Vec::new();
        let has_at = text.contains('@');
        let lower = text.to_ascii_lowercase();
        let lower_has = |needle: &str| lower.contains(needle);
        if has_at {
            for m in p.email.find_iter(text) {
                if !fictional_domain(m.as_str()) {
                    found.push((PiiKind::Email, m.start(), m.end(), 0.9));
                }
            }
        }
        if has_at {
            for m in p.email_spaced.find_iter(text) {
                found.push((PiiKind::Email, m.start(), m.end(), 0.8));
            }
        }
        if lower_has("at") && (lower_has("dot") || text.contains('[') || text.contains('(')) {
            for m in p.email_spelled.find_iter(text) {
                if !m.as_str().contains('@') && !fictional_domain(&m.as_str().replace(" dot ", ".")) {
                    found.push((PiiKind::Email, m.start(), m.end(), 0.75));
                }
            }
        }
        for m in p.phone_words.find_iter(text) {
            let d = words_to_digits(m.as_str());
            self.phone_candidate(text, m.start(), m.end(), d, &mut found);
        }
        let has_digit = text.bytes().any(|b| b.is_ascii_digit());
        if has_digit {
            self.numbers(text, &mut found);
            self.addresses(text, &mut found);
            for c in p.dob.captures_iter(text) {
                let m = c.get(1).expect("date group");
                found.push((PiiKind::DateOfBirth, m.start(), m.end(), 0.85));
            }
            for c in p.geo.captures_iter(text) {
                let (lat, lon) = match (c.get(1), c.get(3)) {
                    (Some(lat), Some(lon)) => (lat, lon),
                    _ => (c.get(5).expect("lat"), c.get(7).expect("lon")),
                };
                if geo_ok(lat.as_str(), lon.as_str()) {
                    let end = c.get(0).expect("match").end();
                    found.push((PiiKind::GeoCoordinates, lat.start(), end, 0.8));
                }
            }
            for c in p.geo_named.captures_iter(text) {
                let m = c.get(0).expect("match");
                if geo_ok(&c[1], &c[2]) {
                    found.push((PiiKind::GeoCoordinates, m.start(), m.end(), 0.85));
                }
            }
        }
        if has_at || lower_has("u/") {
            for c in p.handle.captures_iter(text) {
                if let Some(m) = c.get(1).or_else(|| c.get(2)) {
                    found.push((PiiKind::UserHandle, m.start(), m.end(), 0.6));
                }
            }
        }
        if text.contains('.') && text.contains('/') {
            for c in p.profile.captures_iter(text) {
                let m = c.get(0).expect("match");
                let path = c[1].to_ascii_lowercase();
                const NOT_PERSONAL: &[&str] = &[
                    "r",
                    "groups",
                    "pages",
                    "events",
                    "hashtag",
                    "explore",
                    "watch",
                    "search",
                    "help",
                    "policies",
                    "legal",
                    "about",
                    "home",
                    "login",
                    "signup",
                    "settings",
                    "privacy",
                    "terms",
                    "company",
                    "jobs",
                    "school",
                    "share",
                    "sharer",
                    "intent",
                    "i",
                    "messages",
                    "notifications",
                    "reel",
                    "reels",
                    "p",
                    "stories",
                    "tv",
                    "directory",
                    "discover",
                    "trending",
                    "status",
                ];
                // pic.twitter.com/..., video.twitter.com/...: another host, a media link.
                let other_host =
                    text[..m.start()].chars().next_back().is_some_and(|c| c == '.' || c == '-' || c.is_alphanumeric());
                // twitter.com/<user>/status/<id>, x.com/.../status/..., facebook.com/<user>/posts/...,
                // tiktok.com/@<user>/video/...: a link to a public post, which names its author as
                // any quote does; sharing one is ordinary, not someone's profile.
                let rest = text[m.end()..].trim_start_matches('/').to_ascii_lowercase();
                const POST_PATHS: &[&str] = &[
                    "status",
                    "statuses",
                    "posts",
                    "post",
                    "videos",
                    "video",
                    "photos",
                    "photo",
                    "reel",
                    "reels",
                    "comments",
                    "p",
                    "permalink",
                ];
                let post_link = m.as_str().ends_with('/') || text[m.end()..].starts_with('/');
                let post_link = post_link
                    && POST_PATHS
                        .iter()
                        .any(|seg| rest.strip_prefix(seg).is_some_and(|r| r.starts_with(['/', '?', '.'])));
                if !NOT_PERSONAL.contains(&path.trim_end_matches('/')) && !other_host && !post_link {
                    found.push((PiiKind::ProfileLink, m.start(), m.end(), 0.8));
                }
            }
        }
        self.resolve(text, found)
    }

    fn numbers(&self, text: &str, found: &mut Vec<(PiiKind, usize, usize, f32)>) {
        let p = &self.patterns;
        // Cards and IBANs first: their validators are strict, and a phone pattern would also
        // match their digit runs.
        for m in p.card.find_iter(text) {
            let d = digits(m.as_str());
            if (13..=19).contains(&d.len()) && luhn(&d) && card_prefix_ok(&d) && !TEST_CARDS.contains(&d.as_str()) {
                found.push((PiiKind::PaymentCard, m.start(), m.end(), 0.9));
            }
        }
        for c in p.iban.captures_iter(text) {
            let m = c.get(0).expect("match");
            let compact: String = m.as_str().chars().filter(|c| !c.is_whitespace()).collect();
            // The pattern may run into a following word: try the longest valid prefix.
            let Some(len) = iban_length(&compact[..2].to_ascii_uppercase()) else { continue };
            if compact.len() < len {
                continue;
            }
            let candidate = &compact[..len];
            if iban_valid(candidate) {
                let end = end_after_chars(text, m.start(), len);
                found.push((PiiKind::Iban, m.start(), end, 0.95));
            }
        }
        for c in p.ssn.captures_iter(text) {
            let m = c.get(0).expect("match");
            let (sep1, sep2) = (&c[2], &c[4]);
            if sep1 != sep2 || !ssn_valid(&c[1], &c[3], &c[5]) {
                continue;
            }
            let cue = has_word(before(text, m.start(), 40), &["ssn", "social", "security", "ss#", "soc"]);
            let confidence = match (sep1.is_empty(), cue) {
                (_, true) => 0.95,
                (false, false) if sep1 == "-" => 0.7,
                _ => continue,
            };
            found.push((PiiKind::Ssn, m.start(), m.end(), confidence));
        }
        for c in p.nino.captures_iter(text) {
            let m = c.get(0).expect("match");
            if nino_prefix_ok(&c[1])
                && (c[1].chars().all(|ch| ch.is_ascii_uppercase())
                    || has_word(before(text, m.start(), 40), &["ni", "nino", "national", "insurance"]))
            {
                found.push((PiiKind::UkNino, m.start(), m.end(), 0.9));
            }
        }
        for m in p.ipv4.find_iter(text) {
            if let Ok(ip) = m.as_str().parse::<Ipv4Addr>()
                && public_ipv4(ip)
                && !has_word(before(text, m.start(), 20), VERSION_CUES)
            {
                found.push((PiiKind::IpAddress, m.start(), m.end(), 0.8));
            }
        }
        if text.contains(':') {
            for c in p.ipv6.captures_iter(text) {
                let m = c.get(1).expect("address");
                if let Ok(ip) = m.as_str().parse::<Ipv6Addr>()
                    && public_ipv6(ip)
                {
                    found.push((PiiKind::IpAddress, m.start(), m.end(), 0.85));
                }
            }
        }
        for m in p.phone.find_iter(text) {
            self.phone_candidate(text, m.start(), m.end(), m.as_str().to_owned(), found);
        }
    }

    /// Validates one phone candidate (`number` = its text, or its digits when spelled out).
    fn phone_candidate(
        &self,
        text: &str,
        start: usize,
        end: usize,
        number: String,
        found: &mut Vec<(PiiKind, usize, usize, f32)>,
    ) {
        let d = digits(&number);
        // 555-0100..0199 is fiction in any form (with or without an area code), and so are the
        // UK and Australian drama ranges, which the numbering plan may read as another country's.
        if !(7..=15).contains(&d.len()) || self.allowed.contains(&d) || d[d.len() - 7..].starts_with("55501") {
            return;
        }
        let trunk_less = d.strip_prefix("0044").or_else(|| d.strip_prefix("44")).or_else(|| d.strip_prefix('0'));
        if trunk_less.is_some_and(|n| fictional_phone(n, 44))
            || d.strip_prefix('0').is_some_and(|n| fictional_phone(n, 61))
        {
            return;
        }
        // Trim a trailing separator run the pattern cannot end on anyway; reject money, times,
        // percentages, dates and version strings by their neighbours.
        let prev = text[..start].chars().next_back();
        let next = text[end..].chars().next();
        if prev.is_some_and(|c| "$£€¥₹#".contains(c) || c == '.' || c == ',')
            || next
                .is_some_and(|c| c == '%' || c == '.' && text[end..].chars().nth(1).is_some_and(|n| n.is_ascii_digit()))
        {
            return;
        }
        let raw = &text[start..end];
        if raw.matches('.').count() >= 2
            && raw.split('.').all(|g| g.trim().len() <= 4)
            && has_word(before(text, start, 20), VERSION_CUES)
        {
            return;
        }
        // Dates (02.10.2021, 27-5-1982), dotted quads and versions (124.0.6367.91) are not phone
        // numbers, nor is the tail of an identifier (INV-2023-83087).
        let compact = !raw.contains(' ');
        let groups: Vec<&str> = raw.split(['.', '/', '-']).collect();
        let date_like = groups.len() == 3
            && groups[0].len() <= 4
            && groups[1].len() <= 2
            && (groups[2].len() == 2 || groups[2].len() == 4)
            && (groups[0].len() <= 2 || groups[0].len() == 4)
            && raw.chars().filter(|c| !c.is_ascii_digit()).collect::<HashSet<char>>().len() == 1;
        let dotted: Vec<&str> = raw.split('.').collect();
        // (French numbers are written in dotted pairs: 06.85.17.46.43.)
        let version_like = dotted.len() >= 4 && !dotted.iter().all(|g| g.len() == 2);
        if compact && (date_like || version_like) {
            return;
        }
        let mut back = text[..start].chars().rev();
        if back.next() == Some('-') && back.next().is_some_and(char::is_alphanumeric) {
            return;
        }
        // A range of numbers (1980-1999, 10001-90000, 2003 - 2011) is not a phone number, nor
        // is a run that starts with a date's day or year ("June 9 - 16 1253", "Sept 2020 883697").
        if number_range(raw) || after_month(text, start) {
            return;
        }
        let near = before(text, start, 40);
        if has_word(near, NUMBER_NOT_PHONE) && !has_word(near, &["call", "text", "phone", "mobile", "cell", "whatsapp"])
        {
            return;
        }
        let international = number.trim_start().starts_with('+') || number.trim_start().starts_with("00");
        let parsed = if international {
            let s = if let Some(rest) = number.trim_start().strip_prefix("00") {
                format!("+{rest}")
            } else {
                number.clone()
            };
            phonenumber::parse(None, &s).ok().filter(phonenumber::is_valid)
        } else {
            self.regions.iter().find_map(|&r| phonenumber::parse(Some(r), &number).ok().filter(phonenumber::is_valid))
        };
        let Some(parsed) = parsed else { return };
        let national = parsed.national().value().to_string();
        let country = parsed.code().value();
        if fictional_phone(&national, country) || self.allowed.contains(&national) {
            return;
        }
        let grouped = raw.contains([' ', '-', '.', '(', ')']) || international || d.starts_with('0');
        let cue =
            has_word(near, PHONE_CUES) || has_word(after(text, end, 25), &["call", "text", "whatsapp", "anytime"]);
        let mut confidence: f32 = if grouped { 0.6 } else { 0.45 };
        if cue {
            confidence += 0.3;
        }
        found.push((PiiKind::Phone, start, end, confidence.min(0.85)));
    }

    fn addresses(&self, text: &str, found: &mut Vec<(PiiKind, usize, usize, f32)>) {
        let p = &self.patterns;
        let mut streets: Vec<(usize, usize)> = Vec::new();
        for c in p.address_en.captures_iter(text) {
            let m = c.get(0).expect("match");
            let number = c.get(1).expect("house number");
            let name = c.get(2).map_or("", |g| g.as_str());
            let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
            if words.is_empty() || words.iter().any(|w| not_street_name(w)) {
                continue;
            }
            // A house number is a number of its own ("2,000", "Covid-19", "'04" and "20s" are
            // not), not a year before a comma ("from 2003 to 2006, Sesame Street made ..."), and
            // the street word is not a unit's ("1 million square foot", "a 2 mile walk").
            let year_comma = number.as_str().len() == 4
                && number.as_str().parse::<u32>().is_ok_and(|y| (1900..=2099).contains(&y))
                && text[number.end()..].starts_with(',');
            if !house_number_ok(text, number.start(), number.end()) || year_comma || unit_follows(text, m.end()) {
                continue;
            }
            let cue = has_word(before(text, m.start(), 40), ADDRESS_CUES);
            let capitalised = name.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase));
            let confidence = 0.5 + if cue { 0.3 } else { 0.0 } + if capitalised { 0.1 } else { 0.0 };
            found.push((PiiKind::StreetAddress, m.start(), m.end(), confidence));
            streets.push((m.start(), m.end()));
        }
        for (form, re) in [(0, &p.address_de), (1, &p.address_de_prep), (2, &p.address_fr), (3, &p.address_es)] {
            for c in re.captures_iter(text) {
                let m = c.get(0).expect("match");
                let ok = match form {
                    // Straße 12, Kaiserring 5; not an English "-ring" word ("during 2020", "the
                    // roaring 20s", "scoring 2"); the number a house number.
                    0 | 1 => {
                        let street = c[1].to_lowercase();
                        let number = c.get(2).expect("house number");
                        (form == 1 || !english_ring_word(&street))
                            && house_number_ok(text, number.start(), number.end())
                            && !not_house_after(text, number.end())
                    }
                    // 12 rue Victor Hugo; not "1 place to invest".
                    2 => !not_romance_name(&c[1].to_lowercase()),
                    // Via Roma 89, Calle de la Paz 110: a name of no English function words, months
                    // or numbered nouns, then a house number ("via Dubai on August 7", "via private
                    // vehicle on 13", "via Channel 4", "via Rome 2 days ago" are not).
                    _ => {
                        let words: Vec<String> = c[1].split_whitespace().map(str::to_lowercase).collect();
                        let number = c.get(2).expect("house number");
                        !words.is_empty()
                            && !words.iter().any(|w| not_romance_name(w))
                            && !words.last().is_some_and(|w| NUMBERED_NOUNS.contains(&w.as_str()))
                            && house_number_ok(text, number.start(), number.end())
                            && !not_house_after(text, number.end())
                    }
                };
                if !ok {
                    continue;
                }
                let cue = has_word(before(text, m.start(), 40), ADDRESS_CUES);
                found.push((PiiKind::StreetAddress, m.start(), m.end(), if cue { 0.85 } else { 0.65 }));
                streets.push((m.start(), m.end()));
            }
        }
        let near_street = |start: usize| streets.iter().any(|&(_, e)| e <= start && start - e <= 60);
        let address_words = |start: usize| {
            near_street(start)
                || has_word(
                    before(text, start, 50),
                    &[
                        "address",
                        "addy",
                        "live",
                        "lives",
                        "postcode",
                        "post code",
                        "zip",
                        "eircode",
                        "road",
                        "street",
                        "lane",
                    ],
                )
        };
        for m in p.postcode_uk.find_iter(text) {
            if m.as_str().chars().any(|c| c.is_ascii_lowercase()) && !address_words(m.start()) {
                continue;
            }
            let confidence = if address_words(m.start()) { 0.9 } else { 0.55 };
            found.push((PiiKind::Postcode, m.start(), m.end(), confidence));
        }
        for m in p.postcode_other.find_iter(text) {
            if address_words(m.start()) {
                found.push((PiiKind::Postcode, m.start(), m.end(), 0.8));
            }
        }
        for c in p.zip_cued.captures_iter(text) {
            let m = c.get(1).or_else(|| c.get(2)).expect("zip");
            found.push((PiiKind::Postcode, m.start(), m.end(), 0.85));
        }
        for c in p.zip_city.captures_iter(text) {
            let m = c.get(1).expect("zip");
            if near_street(m.start()) {
                found.push((PiiKind::Postcode, m.start(), m.end(), 0.85));
            }
        }
    }

    /// Drops weak and overlapped candidates, then reads whose each finding is.
    fn resolve(&self, text: &str, mut found: Vec<(PiiKind, usize, usize, f32)>) -> Vec<PiiFinding> {
        found.retain(|f| f.3 >= self.min_confidence);
        // Strongest first; among equals, the kind with the stricter validator, then the longer
        // span.
        let strict = |k: PiiKind| {
            !matches!(k, PiiKind::Phone | PiiKind::StreetAddress | PiiKind::Postcode | PiiKind::UserHandle)
        };
        found.sort_by(|a, b| {
            b.3.total_cmp(&a.3).then(strict(b.0).cmp(&strict(a.0))).then((b.2 - b.1).cmp(&(a.2 - a.1)))
        });
        let mut kept: Vec<(PiiKind, usize, usize, f32)> = Vec::new();
        for f in found {
            if kept.iter().all(|k| f.2 <= k.1 || f.1 >= k.2) {
                kept.push(f);
            }
        }
        kept.sort_by_key(|f| f.1);
        kept.into_iter()
            .map(|(kind, start, end, confidence)| PiiFinding {
                kind,
                start,
                end,
                text: text[start..end].to_owned(),
                confidence,
                whose: self.whose(text, kind, start),
            })
            .collect()
    }

    /// [`Self::whose`] of a finding at `start` of the original `text`, read on the fold of the
    /// words before it.
    fn whose_at(&self, text: &str, kind: PiiKind, start: usize) -> Whose {
        let window = before(text, start, 240);
        match crate::pii_fold::fold(window) {
            Some(f) => self.whose(&f.text, kind, f.text.len()),
            None => self.whose(window, kind, window.len()),
        }
    }

    /// Whose a finding is: the cue nearest before it in its sentence.
    fn whose(&self, text: &str, kind: PiiKind, start: usize) -> Whose {
        let window = before(text, start, 80);
        let sentence = window.rsplit(['.', '!', '?', '\n']).next().unwrap_or(window);
        let last = |re: &Regex| re.find_iter(sentence).last().map(|m| m.start());
        match (last(&self.patterns.own), last(&self.patterns.other)) {
            (Some(o), Some(t)) => {
                if t >= o {
                    Whose::Other
                } else {
                    Whose::Own
                }
            }
            (None, Some(_)) => Whose::Other,
            (Some(_), None) => Whose::Own,
            (None, None) if matches!(kind, PiiKind::UserHandle | PiiKind::ProfileLink) => Whose::Other,
            (None, None) => Whose::Unknown,
        }
    }
}

/// The byte offset `chars` alphanumeric characters after `start` (skipping spaces).
fn end_after_chars(text: &str, start: usize, chars: usize) -> usize {
    let mut n = 0;
    for (i, c) in text[start..].char_indices() {
        if !c.is_whitespace() {
            n += 1;
            if n == chars {
                return start + i + c.len_utf8();
            }
        }
    }
    text.len()
}

fn fictional_domain(address: &str) -> bool {
    let lower = address.to_ascii_lowercase();
    let domain = lower.rsplit(['@', ' ']).next().unwrap_or(&lower);
    ["example.com", "example.net", "example.org"].iter().any(|d| domain == *d || domain.ends_with(&format!(".{d}")))
        || [".test", ".invalid", ".example", ".localhost"].iter().any(|t| domain.ends_with(t))
}

fn geo_ok(lat: &str, lon: &str) -> bool {
    match (lat.parse::<f64>(), lon.parse::<f64>()) {
        (Ok(a), Ok(o)) => a.abs() <= 90.0 && o.abs() <= 180.0 && !(a == 0.0 && o == 0.0),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(PiiKind, String, Whose)> {
        PiiDetector::new().find(text).into_iter().map(|f| (f.kind, f.text, f.whose)).collect()
    }

    #[test]
    fn validators() {
        assert!(luhn("4539578763621486") && !luhn("4539578763621487"));
        assert!(iban_valid("GB82WEST12345698765432") && !iban_valid("GB82WEST12345698765433"));
        assert!(ssn_valid("123", "45", "6789") && !ssn_valid("666", "45", "6789") && !ssn_valid("912", "45", "6789"));
        assert!(nino_prefix_ok("AB") && !nino_prefix_ok("GB") && !nino_prefix_ok("DA"));
        assert_eq!(words_to_digits("oh seven nine double one, one two three"), "07911123");
    }

    #[test]
    fn finds_and_says_whose() {
        let f = kinds("her number is 07911 123456, make her life hell");
        assert_eq!(f, vec![(PiiKind::Phone, "07911 123456".into(), Whose::Other)]);
        let f = kinds("text me at +1 415 867 5309 if you want to talk");
        assert_eq!(f[0].0, PiiKind::Phone);
        assert_eq!(f[0].2, Whose::Own);
        assert_eq!(kinds("email me: jess.k92@gmail.com")[0].0, PiiKind::Email);
        assert_eq!(kinds("he lives at 14 Elm Road, Leeds LS6 2AB")[0].0, PiiKind::StreetAddress);
    }

    #[test]
    fn never_helplines_prices_versions_or_fiction() {
        for text in [
            "please call or text 988, they helped me",
            "samaritans are on 116 123 any time",
            "text HOME to 741741",
            "it cost $1,299.99 and i regret it",
            "updated to iOS 17.4.1 and my app crashed",
            "order #A12345678 never arrived",
            "call (212) 555-0147 in the film",
            "write to someone@example.com",
            "my ip is 192.168.1.5",
            "1 in 4 people will experience this",
        ] {
            assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
        }
    }

    #[test]
    fn never_ranges_measures_decades_english_via_or_post_links() {
        for text in [
            "she worked there 1980-1999 and loved it",
            "states with 15001-100000 confirmed cases",
            "they built a 1 million square foot warehouse next to her",
            "her roaring 20s party",
            "we were 15 really close and he ruined it",
            "he arrived from Islamabad via Dubai on August 7",
            "read his post https://twitter.com/some_user/status/1238120088890413063",
            "her photo pic.twitter.com/4UOvmNkveY",
        ] {
            assert!(kinds(text).is_empty(), "{text}: {:?}", kinds(text));
        }
        // ... while real addresses and profiles in those forms are still found.
        assert_eq!(kinds("he lives at Via Roma 89, Napoli")[0].0, PiiKind::StreetAddress);
        assert_eq!(kinds("she lives at Kaiserring 12")[0].0, PiiKind::StreetAddress);
        assert_eq!(kinds("her page is twitter.com/some_user")[0].0, PiiKind::ProfileLink);
        assert_eq!(kinds("his number is 0151 60873557")[0].0, PiiKind::Phone);
    }

    #[test]
    fn redaction_replaces_only_the_findings() {
        let text = "call me on 07911 123456 or jess@gmail.com ok";
        let findings = PiiDetector::new().find(text);
        assert_eq!(redact(text, &findings), "call me on [PHONE] or [EMAIL] ok");
    }
}
