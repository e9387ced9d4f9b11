//! Help resources attached to crisis verdicts.
//!
//! A crisis flag is never a violation: it means the author may be at risk, and
//! the right response is to offer help. The table is deliberately small and
//! reviewed by hand; the international directory entry is always included so
//! that every locale gets somewhere to turn.

use serde::{Deserialize, Serialize};

/// A place a person in crisis can reach.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HelpResource {
    /// Region the resource serves (`"US"`, `"UK"`, `"IE"`, or `"INTL"`).
    pub locale: String,
    /// Name of the service.
    pub name: String,
    /// How to reach it.
    pub contact: String,
    /// Its website.
    pub url: String,
}

struct Entry {
    locale: &'static str,
    name: &'static str,
    contact: &'static str,
    url: &'static str,
}

const INTERNATIONAL: &str = "INTL";

const TABLE: &[Entry] = &[
    Entry {
        locale: "US",
        name: "988 Suicide & Crisis Lifeline",
        contact: "call or text 988",
        url: "https://988lifeline.org",
    },
    Entry { locale: "UK", name: "Samaritans", contact: "call 116 123 (free, 24/7)", url: "https://www.samaritans.org" },
    Entry {
        locale: "IE",
        name: "Samaritans Ireland",
        contact: "call 116 123 (free, 24/7)",
        url: "https://www.samaritans.org",
    },
    Entry {
        locale: INTERNATIONAL,
        name: "Find A Helpline (international directory)",
        contact: "find a free, confidential helpline in your country",
        url: "https://findahelpline.com",
    },
];

/// Every phone or text number in the table (digits as written in `contact`), which the privacy
/// detectors must never report.
pub(crate) fn numbers() -> Vec<String> {
    let mut out = Vec::new();
    for entry in TABLE {
        let mut current = String::new();
        for c in entry.contact.chars().chain(std::iter::once(';')) {
            if c.is_ascii_digit() {
                current.push(c);
            } else if c != ' ' && !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        }
    }
    out
}

/// The region part of a locale tag, in the table's spelling (for the privacy detectors too).
pub(crate) fn locale_region(locale: &str) -> Option<String> {
    region(locale)
}

/// The region part of a locale tag, in the table's spelling:
/// `"en-US"`, `"en_us"`, `"US"` give `"US"`; `"en-GB"`, `"uk"` give `"UK"`.
fn region(locale: &str) -> Option<String> {
    let region = locale.rsplit(['-', '_']).next()?.trim().to_ascii_uppercase();
    match region.as_str() {
        "" => None,
        "GB" => Some("UK".to_owned()),
        _ => Some(region),
    }
}

/// Whether `locale` is a well-formed tag whose region can be read: `"US"`, `"en-US"`, `"en_gb"`,
/// `"ga-IE"`, `"es-419"` (a region is two letters or three digits, the last part of the tag).
pub fn is_locale_tag(locale: &str) -> bool {
    let parts: Vec<&str> = locale.split(['-', '_']).collect();
    let Some(last) = parts.last() else { return false };
    let region_ok = (last.len() == 2 && last.bytes().all(|b| b.is_ascii_alphabetic()))
        || (last.len() == 3 && last.bytes().all(|b| b.is_ascii_digit()));
    let rest_ok = parts[..parts.len() - 1]
        .iter()
        .all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
    parts.len() <= 3 && region_ok && rest_ok
}

/// Whether the resources table has an entry of `locale`'s own region (US, UK, IE); other
/// locales get the international directory first.
pub fn has_regional_resources(locale: &str) -> bool {
    region(locale).is_some_and(|r| TABLE.iter().any(|e| e.locale == r && e.locale != INTERNATIONAL))
}

/// The help resources for a crisis verdict, the entries for `locale`'s region
/// first, then the international directory, then the others.
///
/// The international directory entry is always present.
pub fn help_resources(locale: Option<&str>) -> Vec<HelpResource> {
    let region = locale.and_then(region);
    let rank = |entry: &Entry| {
        if Some(entry.locale) == region.as_deref() {
            0
        } else if entry.locale == INTERNATIONAL {
            1
        } else {
            2
        }
    };
    let mut entries: Vec<&Entry> = TABLE.iter().collect();
    // Stable sort: the table order breaks ties.
    entries.sort_by_key(|entry| rank(entry));
    entries
        .into_iter()
        .map(|entry| HelpResource {
            locale: entry.locale.to_owned(),
            name: entry.name.to_owned(),
            contact: entry.contact.to_owned(),
            url: entry.url.to_owned(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locales(resources: &[HelpResource]) -> Vec<&str> {
        resources.iter().map(|r| r.locale.as_str()).collect()
    }

    #[test]
    fn locale_tags_are_checked() {
        for good in ["US", "uk", "en-US", "en_gb", "ga-IE", "es-419", "de-DE", "XX"] {
            assert!(is_locale_tag(good), "{good}");
        }
        for bad in ["", "english", "12", "e", "en-", "en-USA", "en-Latn-US-x", "zh-Hans", "en US"] {
            assert!(!is_locale_tag(bad), "{bad}");
        }
        assert!(has_regional_resources("en-GB") && has_regional_resources("IE") && has_regional_resources("en_us"));
        assert!(!has_regional_resources("de-DE") && !has_regional_resources("XX") && !has_regional_resources("INTL"));
    }

    #[test]
    fn locale_picks_first_entry() {
        assert_eq!(locales(&help_resources(Some("en-US")))[0], "US");
        assert_eq!(locales(&help_resources(Some("en_GB")))[0], "UK");
        assert_eq!(locales(&help_resources(Some("uk")))[0], "UK");
        assert_eq!(locales(&help_resources(Some("ga-IE")))[0], "IE");
        assert_eq!(locales(&help_resources(Some("de-DE")))[0], "INTL");
        assert_eq!(locales(&help_resources(None))[0], "INTL");
    }

    #[test]
    fn international_entry_always_present() {
        for locale in [None, Some("US"), Some("en-GB"), Some("fr-FR"), Some(""), Some("-")] {
            let resources = help_resources(locale);
            assert!(resources.iter().any(|r| r.url == "https://findahelpline.com"), "{locale:?}");
            assert_eq!(resources.len(), TABLE.len());
        }
    }

    #[test]
    fn required_numbers_listed() {
        let all = help_resources(None);
        assert!(all.iter().any(|r| r.locale == "US" && r.contact.contains("988")));
        assert!(all.iter().any(|r| r.locale == "UK" && r.contact.contains("116 123")));
        assert!(all.iter().any(|r| r.locale == "IE" && r.contact.contains("116 123")));
    }
}
