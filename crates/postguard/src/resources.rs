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
    /// Region the resource serves: an ISO 3166 region code (`"US"`, `"FR"`, `"DE"`, ...; `"UK"` for
    /// Great Britain), or `"INTL"` for the international directory.
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
    /// The languages (ISO 639-1) of the region the service serves, which a post in one of them
    /// brings forward when the caller gave no locale (see [`help_resources_for`]); empty for the
    /// directory and for a line only part of its region can call.
    languages: &'static [&'static str],
    name: &'static str,
    contact: &'static str,
    url: &'static str,
}

const INTERNATIONAL: &str = "INTL";

/// The table, one entry per service; a region may have several (table order breaks ties, see
/// [`help_resources`]). Each entry is checked on an official page (government, health service or
/// the service's own site), with the date in the comment beside it; `contact` says "free" and
/// "24/7" only where that page does. The pages checked are listed in the README's help-resources
/// table. A country whose line could not be checked has no entry: its locales get the
/// international directory first.
const TABLE: &[Entry] = &[
    // Checked 2026-12-08: health.wyo.gov (Wyoming Department of Health), cdcr.ca.gov (California,
    // CCJBH): free, confidential, 24/7; call, text or chat.
    Entry {
        locale: "US",
        languages: &["en"],
        name: "988 Suicide & Crisis Lifeline",
        contact: "call or text 988 (free, 24/7); chat at 988lifeline.org",
        url: "https://988lifeline.org",
    },
    // Checked 2026-12-07: samaritans.org (contact page for the UK and Ireland).
    Entry {
        locale: "UK",
        languages: &["en"],
        name: "Samaritans",
        contact: "call 116 123 (free, 24/7)",
        url: "https://www.samaritans.org",
    },
    Entry {
        locale: "IE",
        languages: &["en"],
        name: "Samaritans Ireland",
        contact: "call 116 123 (free, 24/7)",
        url: "https://www.samaritans.org",
    },
    // Checked 2026-12-07: service-public.fr (A15206), 3114.fr.
    Entry {
        locale: "FR",
        languages: &["fr"],
        name: "3114, numéro national de prévention du suicide",
        contact: "call 3114 (free, 24/7)",
        url: "https://3114.fr",
    },
    // Checked 2026-12-07: zelfmoord1813.be (Dutch-language line).
    Entry {
        locale: "BE",
        languages: &["nl"],
        name: "Zelfmoordlijn 1813 (Dutch)",
        contact: "call 1813 (available 24/7); chat and e-mail at zelfmoord1813.be",
        url: "https://www.zelfmoord1813.be",
    },
    // Checked 2026-12-07: preventionsuicide.be (French-language line).
    Entry {
        locale: "BE",
        languages: &["fr"],
        name: "Centre de Prévention du Suicide (French)",
        contact: "call 0800 32 123 (available 24/7)",
        url: "https://www.preventionsuicide.be",
    },
    // Checked 2026-12-07: caritas.drs.de and ekkw.de (the churches that run TelefonSeelsorge).
    Entry {
        locale: "DE",
        languages: &["de"],
        name: "TelefonSeelsorge",
        contact: "call 0800 111 0 111 or 0800 111 0 222 (free, 24/7); chat and e-mail at telefonseelsorge.de",
        url: "https://www.telefonseelsorge.de",
    },
    // Checked 2026-12-07: katholisch.at, dioezese-linz.at, telefonseelsorge.at.
    Entry {
        locale: "AT",
        languages: &["de"],
        name: "TelefonSeelsorge Österreich",
        contact: "call 142 (free, 24/7); chat and e-mail at onlineberatung-telefonseelsorge.at",
        url: "https://www.telefonseelsorge.at",
    },
    // Checked 2026-12-07: 143.ch (one number for every language region; a call is not free).
    Entry {
        locale: "CH",
        languages: &["de", "fr", "it"],
        name: "Die Dargebotene Hand / La Main Tendue / Telefono Amico (Tel 143)",
        contact: "call 143 (available 24/7); chat and e-mail at 143.ch",
        url: "https://www.143.ch",
    },
    // Checked 2026-12-07: Government of Canada release of 2023-11-30, CAMH (the operator).
    Entry {
        locale: "CA",
        languages: &["en", "fr"],
        name: "9-8-8: Suicide Crisis Helpline",
        contact: "call or text 9-8-8 (available 24/7)",
        url: "https://988.ca",
    },
    // Checked 2026-12-07: lifeinmind.org.au, lifelineh2h.org.au (calls from landlines cost a local call).
    Entry {
        locale: "AU",
        languages: &["en"],
        name: "Lifeline",
        contact: "call 13 11 14 or text 0477 13 11 14 (available 24/7); chat at lifeline.org.au",
        url: "https://www.lifeline.org.au",
    },
    // Checked 2026-12-07: health.govt.nz (Ministry of Health).
    Entry {
        locale: "NZ",
        languages: &["en"],
        name: "1737, Need to talk?",
        contact: "free call or text 1737 (available 24/7)",
        url: "https://www.health.govt.nz/news-media/news-items/phone-counselling-service-busy-following-christchurch-tragedy",
    },
    // Checked 2026-12-07: sadag.org.
    Entry {
        locale: "ZA",
        languages: &["en"],
        name: "SADAG Suicide Crisis Helpline",
        contact: "call 0800 567 567 (free, 24/7)",
        url: "https://www.sadag.org",
    },
    // Checked 2026-12-08: sns24.gov.pt (the national health service's line; the page does not say
    // whether the call is free), spms.min-saude.pt.
    Entry {
        locale: "PT",
        languages: &["pt"],
        name: "SNS 24, Aconselhamento Psicológico",
        contact: "call 808 24 24 24, then option 4: psychological counselling by clinical psychologists (available 24/7)",
        url: "https://www.sns24.gov.pt/en/servico/aconselhamento-psicologico-no-sns-24/",
    },
    // Checked 2026-12-08: saludcapital.gov.co and bogota.gov.co (Bogotá's health secretariat and
    // city hall). A city line: no national Colombian line could be checked on an official page.
    Entry {
        locale: "CO",
        // A city's line: not brought forward for every Spanish post (see `languages`).
        languages: &[],
        name: "Línea 106, El poder de ser escuchado (Bogotá)",
        contact: "call 106 from a phone in Bogotá (free, 24/7); WhatsApp 300 754 8933",
        url: "https://www.saludcapital.gov.co",
    },
    // Checked 2026-12-08: findahelpline.com (the service's own site: a directory of free,
    // confidential helplines by country).
    Entry {
        locale: INTERNATIONAL,
        languages: &[],
        name: "Find A Helpline (international directory)",
        contact: "find a free, confidential helpline in your country",
        url: "https://findahelpline.com",
    },
];

/// Every phone or text number in the table, which the privacy detectors must never report: the
/// digits of each number as written in `contact`, a number's groups joined across single spaces,
/// hyphens and dots (`"0800 111 0 111"`, `"13 11 14"`, `"9-8-8"`, `"0800.32.123"`), and for a
/// number with a trunk `0` also the digits without it, which is how the detectors read the same
/// number written with its country code (`"+49 800 111 0 111"`).
pub(crate) fn numbers() -> Vec<String> {
    let mut out = Vec::new();
    for entry in TABLE {
        for number in digit_runs(entry.contact) {
            if let Some(national) = number.strip_prefix('0').filter(|n| n.len() >= 6 && !n.starts_with('0')) {
                out.push(national.to_owned());
            }
            out.push(number);
        }
    }
    out
}

/// The numbers in `text`: runs of digits, a run continuing over one separator (space, no-break
/// space, hyphen, dot) that has a digit on both sides. Anything else ends a number, so
/// `"call 116 123 (free, 24/7)"` gives `116123`, `24` and `7`.
fn digit_runs(text: &str) -> Vec<String> {
    const SEPARATORS: [char; 5] = [' ', '\u{a0}', '\u{202f}', '-', '.'];
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_digit() {
            current.push(c);
        } else if SEPARATORS.contains(&c) && !current.is_empty() && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
            // A separator between two digits: the number goes on.
        } else if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        out.push(current);
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

/// Whether the resources table has an entry of `locale`'s own region (US, UK, IE, FR, BE, DE, AT,
/// CH, CA, AU, NZ, ZA, PT, CO); other locales get the international directory first.
pub fn has_regional_resources(locale: &str) -> bool {
    region(locale).is_some_and(|r| TABLE.iter().any(|e| e.locale == r && e.locale != INTERNATIONAL))
}

/// The help resources for a crisis verdict, the entries for `locale`'s region
/// first, then the international directory, then the others.
///
/// The international directory entry is always present. [`help_resources_for`] also weighs the
/// post's language.
pub fn help_resources(locale: Option<&str>) -> Vec<HelpResource> {
    help_resources_for(locale, None)
}

/// The help resources for a crisis verdict on a post in `language` (ISO 639-1, as in
/// [`Language::code`](crate::Language)): the entries for `locale`'s region first, then the
/// international directory, then, when the caller gave no locale, the entries of regions where
/// `language` is spoken (a French post: France, Belgium's French line, Switzerland, Canada), then
/// the others; table order breaks ties. A locale names where the reader is, so a line of another
/// country that shares the language (Portugal's for a Brazilian reader) is not brought forward.
///
/// Every entry is present, the international directory always.
pub fn help_resources_for(locale: Option<&str>, language: Option<&str>) -> Vec<HelpResource> {
    let region = locale.and_then(region);
    let rank = |entry: &Entry| {
        if Some(entry.locale) == region.as_deref() {
            0
        } else if entry.locale == INTERNATIONAL {
            1
        } else if region.is_none() && language.is_some_and(|language| entry.languages.contains(&language)) {
            2
        } else {
            3
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

    /// Every region with entries of its own (`INTL` aside).
    const REGIONS: [&str; 14] = ["US", "UK", "IE", "FR", "BE", "DE", "AT", "CH", "CA", "AU", "NZ", "ZA", "PT", "CO"];

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
        for regional in
            ["fr-FR", "nl-BE", "fr_be", "de-DE", "de-AT", "de-CH", "fr-CH", "it-CH", "en-CA", "fr-CA", "en-AU", "en-NZ"]
        {
            assert!(has_regional_resources(regional), "{regional}");
        }
        assert!(has_regional_resources("en-ZA") && has_regional_resources("zu_ZA"));
        assert!(!has_regional_resources("XX") && !has_regional_resources("INTL") && !has_regional_resources("es-419"));
    }

    #[test]
    fn locale_picks_first_entry() {
        assert_eq!(locales(&help_resources(Some("en-US")))[0], "US");
        assert_eq!(locales(&help_resources(Some("en_GB")))[0], "UK");
        assert_eq!(locales(&help_resources(Some("uk")))[0], "UK");
        assert_eq!(locales(&help_resources(Some("ga-IE")))[0], "IE");
        assert_eq!(locales(&help_resources(None))[0], "INTL");
        for (locale, region) in [
            ("fr-FR", "FR"),
            ("nl-BE", "BE"),
            ("fr-BE", "BE"),
            ("de-DE", "DE"),
            ("de_de", "DE"),
            ("de-AT", "AT"),
            ("de-CH", "CH"),
            ("fr-CH", "CH"),
            ("it-CH", "CH"),
            ("en-CA", "CA"),
            ("fr-CA", "CA"),
            ("en-AU", "AU"),
            ("en-NZ", "NZ"),
            ("mi-NZ", "NZ"),
            ("en-ZA", "ZA"),
            ("ZA", "ZA"),
            ("pt-PT", "PT"),
            ("pt_pt", "PT"),
            ("es-CO", "CO"),
        ] {
            assert_eq!(locales(&help_resources(Some(locale)))[0], region, "{locale}");
        }
    }

    /// Regions whose line could not be checked on an official page have no entry (yet): the
    /// international directory comes first for them.
    #[test]
    fn unlisted_regions_get_the_directory_first() {
        for locale in ["es-ES", "es-MX", "es-AR", "it-IT", "pt-BR", "hi-IN", "en-IN", "XX", "es-419"] {
            assert!(!has_regional_resources(locale), "{locale}");
            assert_eq!(locales(&help_resources(Some(locale)))[0], "INTL", "{locale}");
        }
    }

    /// The caller's region first (every entry of it, in table order), then the directory, then the
    /// other regions in table order.
    #[test]
    fn order_is_region_then_directory_then_the_rest() {
        let be = help_resources(Some("nl-BE"));
        assert_eq!(locales(&be)[..3], ["BE", "BE", "INTL"]);
        assert!(be[0].name.starts_with("Zelfmoordlijn") && be[1].name.starts_with("Centre de Prévention"));
        let rest: Vec<&str> = locales(&be)[3..].to_vec();
        let expected: Vec<&str> =
            TABLE.iter().map(|e| e.locale).filter(|l| *l != "BE" && *l != INTERNATIONAL).collect();
        assert_eq!(rest, expected);
        for region in REGIONS {
            let resources = help_resources(Some(region));
            let own = TABLE.iter().filter(|e| e.locale == region).count();
            assert!(own >= 1, "{region}");
            assert!(locales(&resources)[..own].iter().all(|l| *l == region), "{region}");
            assert_eq!(locales(&resources)[own], "INTL", "{region}");
            assert!(!locales(&resources)[own + 1..].contains(&region), "{region}");
        }
    }

    /// With no locale, the directory, then the lines of regions where the post's language is
    /// spoken, in table order, then the rest; a locale still comes first.
    #[test]
    fn the_posts_language_brings_its_regions_forward() {
        let order = |locale, language| {
            help_resources_for(locale, language).into_iter().map(|r| (r.locale, r.name)).collect::<Vec<_>>()
        };
        let regions = |locale, language| order(locale, language).into_iter().map(|(l, _)| l).collect::<Vec<_>>();
        assert_eq!(regions(None, Some("fr"))[..6], ["INTL", "FR", "BE", "CH", "CA", "US"]);
        assert!(order(None, Some("fr"))[2].1.starts_with("Centre de Prévention"));
        assert!(order(None, Some("nl"))[1].1.starts_with("Zelfmoordlijn"));
        assert_eq!(regions(None, Some("de"))[..4], ["INTL", "DE", "AT", "CH"]);
        assert_eq!(regions(None, Some("pt"))[..2], ["INTL", "PT"]);
        assert_eq!(regions(None, Some("it"))[..2], ["INTL", "CH"]);
        assert_eq!(regions(None, Some("en"))[..8], ["INTL", "US", "UK", "IE", "CA", "AU", "NZ", "ZA"]);
        // A locale: its region, the directory, then the table order (no other country's line
        // brought forward by the language: Portugal's is no help to a reader in Brazil).
        assert_eq!(order(Some("de-AT"), Some("fr")), order(Some("de-AT"), None));
        assert_eq!(order(Some("pt-BR"), Some("pt")), order(Some("pt-BR"), None));
        assert_eq!(regions(Some("pt-BR"), Some("pt"))[..2], ["INTL", "US"]);
        // No language, one no entry serves, or Spanish (Colombia's entry is Bogotá's line only):
        // the table order after the directory.
        for language in [None, Some("und"), Some("ja"), Some("es")] {
            assert_eq!(order(None, language), order(None, None), "{language:?}");
            assert_eq!(help_resources_for(Some("UK"), language), help_resources(Some("UK")));
        }
        for language in [None, Some("fr"), Some("en"), Some("und")] {
            assert_eq!(help_resources_for(None, language).len(), TABLE.len());
        }
    }

    #[test]
    fn international_entry_always_present() {
        for locale in [None, Some("US"), Some("en-GB"), Some("fr-FR"), Some("pt-BR"), Some(""), Some("-")] {
            let resources = help_resources(locale);
            assert!(resources.iter().any(|r| r.url == "https://findahelpline.com"), "{locale:?}");
            assert_eq!(resources.len(), TABLE.len());
        }
    }

    #[test]
    fn table_is_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for entry in TABLE {
            assert!(entry.locale == INTERNATIONAL || REGIONS.contains(&entry.locale), "{}", entry.locale);
            assert!(!entry.name.is_empty() && !entry.contact.is_empty(), "{}", entry.locale);
            assert!(entry.url.starts_with("https://") && !entry.url.contains(' '), "{}", entry.url);
            assert!(seen.insert((entry.locale, entry.name)), "{} {}", entry.locale, entry.name);
            assert!(entry.locale != INTERNATIONAL || entry.languages.is_empty(), "{}", entry.name);
            assert!(entry.languages.iter().all(|l| l.len() == 2 && l.bytes().all(|b| b.is_ascii_lowercase())));
        }
        for region in REGIONS {
            assert!(TABLE.iter().any(|e| e.locale == region), "{region}");
        }
        assert_eq!(TABLE.iter().filter(|e| e.locale == INTERNATIONAL).count(), 1);
    }

    #[test]
    fn required_numbers_listed() {
        let all = help_resources(None);
        let has = |region: &str, number: &str| all.iter().any(|r| r.locale == region && r.contact.contains(number));
        assert!(has("US", "988"));
        assert!(has("UK", "116 123"));
        assert!(has("IE", "116 123"));
        assert!(has("FR", "3114"));
        assert!(has("BE", "1813") && has("BE", "0800 32 123"));
        assert!(has("DE", "0800 111 0 111") && has("DE", "0800 111 0 222"));
        assert!(has("AT", "142"));
        assert!(has("CH", "143"));
        assert!(has("CA", "9-8-8"));
        assert!(has("AU", "13 11 14") && has("AU", "0477 13 11 14"));
        assert!(has("NZ", "1737"));
        assert!(has("ZA", "0800 567 567"));
        assert!(has("PT", "808 24 24 24"));
        assert!(has("CO", "106"));
    }

    #[test]
    fn digit_runs_join_groups_and_nothing_else() {
        assert_eq!(digit_runs("call 116 123 (free, 24/7)"), ["116123", "24", "7"]);
        assert_eq!(digit_runs("call 0800 111 0 111 or 0800 111 0 222"), ["08001110111", "08001110222"]);
        assert_eq!(digit_runs("call 13 11 14 or text 0477 13 11 14"), ["131114", "0477131114"]);
        assert_eq!(digit_runs("call or text 9-8-8"), ["988"]);
        assert_eq!(digit_runs("0800.32.123, 0800\u{a0}567\u{a0}567."), ["080032123", "0800567567"]);
        // A separator not between two digits ends the number: trailing dots, double spaces,
        // slashes, parentheses, letters. (One space between two numbers joins them, as it must for
        // "0800 111 0 111": the table's contacts put a word or punctuation between numbers.)
        assert_eq!(
            digit_runs("1813. 143  142, 24/7 (1737) zelfmoord1813.be"),
            ["1813", "143", "142", "24", "7", "1737", "1813"]
        );
        assert_eq!(digit_runs("142 24/7"), ["14224", "7"]);
        assert!(digit_runs("find a free, confidential helpline in your country").is_empty());
    }

    #[test]
    fn numbers_are_whole_and_include_the_national_form() {
        let numbers = numbers();
        for expected in [
            "988",
            "116123",
            "3114",
            "1813",
            "080032123",
            "08001110111",
            "08001110222",
            "142",
            "143",
            "131114",
            "0477131114",
            "1737",
            "0800567567",
            "808242424",
            "106",
            "3007548933",
            // Without the trunk 0, as read from "+49 800 111 0 111" and the like.
            "80032123",
            "8001110111",
            "8001110222",
            "477131114",
            "800567567",
        ] {
            assert!(numbers.iter().any(|n| n == expected), "{expected} not in {numbers:?}");
        }
        // No piece of a grouped number on its own.
        for piece in ["0800", "111", "0", "32", "123", "13", "11", "14", "0477", "567", "9", "8"] {
            assert!(!numbers.iter().any(|n| n == piece), "{piece} in {numbers:?}");
        }
    }

    /// The privacy detectors, built as the classifier builds them (the caller's region first, the
    /// table's numbers allowed), never report a help number: as written in the table, compact, in
    /// other common groupings, or with the country code.
    #[test]
    fn help_numbers_are_never_pii() {
        use postguard_rules::{PiiDetector, PiiKind};

        // (region, number as written, the country code of its international form, if any)
        let cases: [(&str, &str, Option<&str>); 17] = [
            ("FR", "3114", None),
            ("BE", "1813", None),
            ("BE", "0800 32 123", Some("32")),
            ("DE", "0800 111 0 111", Some("49")),
            ("DE", "0800 111 0 222", Some("49")),
            ("AT", "142", None),
            ("CH", "143", None),
            ("CA", "9-8-8", None),
            ("AU", "13 11 14", None),
            ("AU", "0477 13 11 14", Some("61")),
            ("NZ", "1737", None),
            ("ZA", "0800 567 567", Some("27")),
            ("UK", "116 123", None),
            ("US", "988", None),
            ("PT", "808 24 24 24", None),
            ("CO", "106", None),
            ("CO", "300 754 8933", None),
        ];
        let detector = |region: Option<&str>| {
            let mut builder = PiiDetector::builder();
            if let Some(region) = region {
                builder = builder.region(region);
            }
            for number in numbers() {
                builder = builder.allow_number(&number);
            }
            builder.build()
        };
        let phones = |detector: &PiiDetector, text: &str| -> Vec<String> {
            detector.find(text).into_iter().filter(|f| f.kind == PiiKind::Phone).map(|f| f.text).collect()
        };
        for region in [None, Some("US"), Some("UK")].into_iter().chain(REGIONS.iter().map(|r| Some(*r))) {
            let detector = detector(region);
            for entry in TABLE {
                let found = phones(&detector, entry.contact);
                assert!(found.is_empty(), "{region:?}: {:?} gives {found:?}", entry.contact);
                let sentence = format!("{}: {} (from {})", entry.name, entry.contact, entry.url);
                let found = phones(&detector, &sentence);
                assert!(found.is_empty(), "{region:?}: {sentence:?} gives {found:?}");
            }
            for (home, written, country) in cases {
                let digits: String = written.chars().filter(char::is_ascii_digit).collect();
                let mut forms = vec![
                    written.to_owned(),
                    digits.clone(),
                    written.replace(' ', "-"),
                    written.replace(' ', "."),
                    format!("please call {written} tonight, they helped me"),
                    format!("text me... no, text {digits} instead"),
                ];
                if let Some(code) = country {
                    let national = digits.strip_prefix('0').expect("trunk 0");
                    forms.push(format!("+{code} {national}"));
                    forms.push(format!("+{code} {}", written.strip_prefix('0').expect("trunk 0")));
                    forms.push(format!("00{code} {national}"));
                }
                for form in forms {
                    let found = phones(&detector, &form);
                    assert!(found.is_empty(), "{region:?} ({home} line): {form:?} gives {found:?}");
                }
            }
        }
        // A real personal number is still found (the allow list is exact, not a prefix).
        assert!(!phones(&detector(Some("DE")), "ruf ihn an: 0171 2345678").is_empty());
    }
}
