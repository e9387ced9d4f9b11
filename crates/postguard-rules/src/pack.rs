//! The TOML pack schema and phrase templates.
//!
//! ```toml
//! [pack]
//! name = "my-community"
//! description = "Extra rules for our forum"
//! disable = ["bullying.mock_attention"]      # turn off rules from earlier packs
//!
//! [context]                                   # cue phrases, appended to earlier packs
//! negation = ["dont ever"]
//!
//! [[rule]]
//! id = "bullying.custom"
//! label = "bullying"                          # bullying | misinformation | unsafe_advice | crisis
//! severity = "medium"                         # low | medium | high
//! description = "..."
//! phrases = ["you {are|r} {worthless|pathetic}"]   # {a|b|} = alternatives, empty = optional
//! patterns = ['\bnobody (likes|wants) you\b']      # regexes on the normalised text
//! context = ["negation", "quote"]             # optional; default depends on the label
//! must_match = ["you are worthless", "..."]
//! must_not_match = ["you are not worthless", "..."]
//!
//! [[allow]]                                   # damps model and rule evidence for `labels`
//! id = "allow.custom"
//! labels = ["bullying", "crisis"]
//! phrases = ["sending hugs"]
//!
//! [[false_positive]]                          # cancels rule hits lying inside it
//! id = "fp.custom"
//! labels = ["crisis"]                         # optional, default: all labels
//! phrases = ["killed myself laughing"]
//! ```

use serde::Deserialize;

use crate::{Label, RulesError, Severity};

/// Ways the context around a hit can cancel it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum ContextKind {
    /// A negation cue shortly before the hit in the same clause ("never stop ...").
    Negation,
    /// A negation cue directly before a first-person hit ("I don't want to die").
    SelfNegation,
    /// A debunking cue in the sentence ("it's a myth that ...", "... is false").
    Debunk,
    /// Past-tense recovery ("I used to ...", "clean from ...").
    Recovery,
    /// Reported or meta speech ("someone told me to ...", "people who say ...").
    Reported,
    /// The hit is inside quotation marks.
    Quote,
    /// Conditional / supportive framing ("if you ever feel like you want to ...").
    Conditional,
    /// Figurative / joking use ("... lol", "if you spoil it").
    Figurative,
    /// The author talks about themself ("I'm scared I'm an attention seeker").
    SelfReference,
    /// A first-person subject shortly before the hit, with no other person named in
    /// between: the author speaks of themself ("I want to commit suicide", "i wish i could
    /// just die already"), so a rule about telling someone else to die does not apply.
    FirstPerson,
    /// The words are someone else's: quoted and attributed to a song, film, book, survey or
    /// another person in the same or a neighbouring sentence ("my friend texted me \"i want
    /// to die\""), or lyrics (a `lyrics` cue before the hit in its sentence, or music notes
    /// on its line). A quote alone never cancels a crisis hit.
    Attributed,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PackFile {
    #[serde(default)]
    pub pack: PackMeta,
    #[serde(default)]
    pub context: ContextCues,
    #[serde(default, rename = "rule")]
    pub rules: Vec<RuleDef>,
    #[serde(default, rename = "allow")]
    pub allows: Vec<AllowDef>,
    #[serde(default, rename = "false_positive")]
    pub false_positives: Vec<FalsePositiveDef>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PackMeta {
    #[serde(default)]
    #[allow(dead_code)] // documentation only; the builder's name wins
    pub name: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    pub description: Option<String>,
    #[serde(default)]
    pub disable: Vec<String>,
}

/// Cue phrases used by context analysis, all normalised like rule phrases.
#[derive(Debug, Default, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ContextCues {
    #[serde(default)]
    pub negation: Vec<String>,
    #[serde(default)]
    pub self_negation: Vec<String>,
    #[serde(default)]
    pub debunk_before: Vec<String>,
    #[serde(default)]
    pub debunk_after: Vec<String>,
    #[serde(default)]
    pub recovery_before: Vec<String>,
    #[serde(default)]
    pub recovery_after: Vec<String>,
    #[serde(default)]
    pub reported: Vec<String>,
    #[serde(default)]
    pub reported_after: Vec<String>,
    #[serde(default)]
    pub conditional: Vec<String>,
    #[serde(default)]
    pub figurative_after: Vec<String>,
    #[serde(default)]
    pub self_reference: Vec<String>,
    #[serde(default)]
    pub first_person: Vec<String>,
    #[serde(default)]
    pub other_person: Vec<String>,
    #[serde(default)]
    pub attribution: Vec<String>,
    #[serde(default)]
    pub lyrics: Vec<String>,
    #[serde(default)]
    pub self_attribution: Vec<String>,
    #[serde(default)]
    pub not_negation: Vec<String>,
    #[serde(default)]
    pub reset: Vec<String>,
}

impl ContextCues {
    pub(crate) fn extend(&mut self, o: ContextCues) {
        self.negation.extend(o.negation);
        self.self_negation.extend(o.self_negation);
        self.debunk_before.extend(o.debunk_before);
        self.debunk_after.extend(o.debunk_after);
        self.recovery_before.extend(o.recovery_before);
        self.recovery_after.extend(o.recovery_after);
        self.reported.extend(o.reported);
        self.reported_after.extend(o.reported_after);
        self.conditional.extend(o.conditional);
        self.figurative_after.extend(o.figurative_after);
        self.self_reference.extend(o.self_reference);
        self.first_person.extend(o.first_person);
        self.other_person.extend(o.other_person);
        self.attribution.extend(o.attribution);
        self.lyrics.extend(o.lyrics);
        self.self_attribution.extend(o.self_attribution);
        self.not_negation.extend(o.not_negation);
        self.reset.extend(o.reset);
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RuleDef {
    pub id: String,
    pub label: Label,
    pub severity: Severity,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub phrases: Vec<String>,
    #[serde(default)]
    pub patterns: Vec<String>,
    #[serde(default)]
    pub context: Option<Vec<ContextKind>>,
    /// Fire only when the replied-to context has an active hit for this label.
    #[serde(default)]
    pub when_context: Option<Label>,
    #[serde(default)]
    pub must_match: Vec<ExampleDef>,
    #[serde(default)]
    pub must_not_match: Vec<ExampleDef>,
}

/// A pack example: a plain string, or `{ text = "...", context = "..." }` for a reply.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub(crate) enum ExampleDef {
    Text(String),
    Reply { text: String, context: String },
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AllowDef {
    pub id: String,
    pub labels: Vec<Label>,
    #[serde(default)]
    #[allow(dead_code)]
    pub description: String,
    #[serde(default)]
    pub phrases: Vec<String>,
    #[serde(default)]
    pub patterns: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FalsePositiveDef {
    pub id: String,
    #[serde(default)]
    pub labels: Vec<Label>,
    #[serde(default)]
    #[allow(dead_code)]
    pub description: String,
    #[serde(default)]
    pub phrases: Vec<String>,
    #[serde(default)]
    pub patterns: Vec<String>,
}

pub(crate) fn parse(pack: &str, toml_text: &str) -> Result<PackFile, RulesError> {
    toml::from_str(toml_text).map_err(|e| RulesError::Parse { pack: pack.to_owned(), source: Box::new(e) })
}

/// Upper bound on the expansions of one phrase template.
const MAX_EXPANSIONS: usize = 16384;

/// Expand `{a|b|}` alternatives: `"kill {yourself|urself}"` -> two phrases.
/// Returns `None` on unbalanced braces or more than `MAX_EXPANSIONS` results.
pub(crate) fn expand(template: &str) -> Option<Vec<String>> {
    let mut acc = vec![String::new()];
    let mut rest = template;
    while !rest.is_empty() {
        match rest.find(['{', '}']) {
            None => {
                for a in &mut acc {
                    a.push_str(rest);
                }
                break;
            }
            Some(i) if rest.as_bytes()[i] == b'}' => return None,
            Some(i) => {
                let lit = &rest[..i];
                let close = rest[i + 1..].find(['{', '}'])? + i + 1;
                if rest.as_bytes()[close] != b'}' {
                    return None; // nested braces are not supported
                }
                let alts: Vec<&str> = rest[i + 1..close].split('|').collect();
                if acc.len().saturating_mul(alts.len()) > MAX_EXPANSIONS {
                    return None;
                }
                let mut next = Vec::with_capacity(acc.len() * alts.len());
                for a in &acc {
                    for alt in &alts {
                        let mut s = String::with_capacity(a.len() + lit.len() + alt.len());
                        s.push_str(a);
                        s.push_str(lit);
                        s.push_str(alt);
                        next.push(s);
                    }
                }
                acc = next;
                rest = &rest[close + 1..];
            }
        }
    }
    Some(acc)
}

#[cfg(test)]
mod tests {
    use super::expand;

    #[test]
    fn expands_alternatives() {
        assert_eq!(expand("kill {yourself|urself}").unwrap(), ["kill yourself", "kill urself"]);
        assert_eq!(expand("{go |}die").unwrap(), ["go die", "die"]);
        assert_eq!(expand("a{b|c}d{e|f}").unwrap().len(), 4);
        assert!(expand("a{b").is_none());
        assert!(expand("a}b").is_none());
        assert!(expand("{a{b}}").is_none());
        assert_eq!(expand("plain").unwrap(), ["plain"]);
    }
}
