//! Measuring rules against labelled data: how often each rule fires, how often it is right
//! where its head is labelled, and how often it fires on posts labelled harmless for its head.
//!
//! A high-severity rule flags a post on its own, so an over-broad pattern flags thousands of
//! posts whatever the model says. [`RuleAudit`] counts, per rule, over the records given to
//! [`RuleAudit::add`]; [`RuleAudit::rows`] returns them worst first with the floor each
//! severity must meet ([`Floor`]).
//!
//! ```
//! use postguard_rules::{Label, RuleAudit, RuleSet};
//!
//! let rules = RuleSet::default();
//! let mut audit = RuleAudit::new(&rules);
//! for (text, crisis) in [("i want to kill myself", true), ("so proud of myself today", false)] {
//!     audit.add(&rules.check(text), &[(Label::Crisis, crisis)]);
//! }
//! let row = audit.rows().into_iter().find(|r| r.rule_id == "crisis.ideation.kill_myself").unwrap();
//! assert_eq!((row.hits, row.labelled_hits, row.positive_hits, row.zero_hits), (1, 1, 1, 0));
//! assert!(row.within_floor());
//! ```

use serde::Serialize;

use crate::{Label, RuleReport, RuleSet, Severity};

/// What a rule of a given severity must meet on labelled data.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Floor {
    /// Largest share of the rows labelled 0 for the rule's head that the rule may hit.
    pub max_zero_rate: f64,
    /// Smallest precision where the rule hits rows labelled for its head.
    pub min_precision: Option<f64>,
}

impl Floor {
    /// The floor for `severity`: high — at most 0.05 % of the head's negatives hit and
    /// precision ≥ 0.90 (a high hit flags a post on its own); medium — at most 0.5 %;
    /// low — none (low evidence only nudges the fused score).
    pub fn for_severity(severity: Severity) -> Option<Floor> {
        match severity {
            Severity::High => Some(Floor { max_zero_rate: 0.0005, min_precision: Some(0.90) }),
            Severity::Medium => Some(Floor { max_zero_rate: 0.005, min_precision: None }),
            Severity::Low => None,
        }
    }
}

/// One rule's counts over an audited file.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct AuditRow {
    /// Rule id.
    pub rule_id: String,
    /// The rule's head.
    pub label: Label,
    /// The rule's severity.
    pub severity: Severity,
    /// Rows with an active hit of the rule (a row counts once however many spans hit).
    pub hits: usize,
    /// Hits on rows whose label for the rule's head is known (0 or 1).
    pub labelled_hits: usize,
    /// Hits on rows labelled 1 for the rule's head.
    pub positive_hits: usize,
    /// Hits on rows labelled 0 for the rule's head.
    pub zero_hits: usize,
    /// Rows labelled 0 for the rule's head (the denominator of [`AuditRow::zero_rate`]).
    pub zero_rows: usize,
    /// The floor of the rule's severity, if any.
    pub floor: Option<Floor>,
}

impl AuditRow {
    /// `positive_hits / labelled_hits`; `None` without labelled hits.
    pub fn precision(&self) -> Option<f64> {
        (self.labelled_hits > 0).then(|| self.positive_hits as f64 / self.labelled_hits as f64)
    }

    /// `zero_hits / zero_rows`: the share of the head's negatives the rule hits.
    pub fn zero_rate(&self) -> f64 {
        if self.zero_rows == 0 { 0.0 } else { self.zero_hits as f64 / self.zero_rows as f64 }
    }

    /// Whether the rule meets its floor (always true for rules without one).
    pub fn within_floor(&self) -> bool {
        self.floor.is_none_or(|f| {
            self.zero_rate() <= f.max_zero_rate
                && f.min_precision.is_none_or(|p| self.precision().is_none_or(|x| x >= p))
        })
    }

    /// How far past its floor the rule is (> 1 = over): the larger of the negative hit rate
    /// and the precision shortfall, each relative to its floor; 0 without a floor.
    pub fn badness(&self) -> f64 {
        let Some(f) = self.floor else { return 0.0 };
        let rate = self.zero_rate() / f.max_zero_rate;
        let precision = match (f.min_precision, self.precision()) {
            (Some(min), Some(p)) if p < min => 1.0 + (min - p) / min,
            _ => 0.0,
        };
        rate.max(precision)
    }
}

/// Counts of every rule of a [`RuleSet`] over labelled records.
#[derive(Debug, Clone)]
pub struct RuleAudit {
    rows: Vec<AuditRow>,
    records: usize,
    zero_rows: [usize; Label::ALL.len()],
}

impl RuleAudit {
    /// An empty audit of every rule in `rules`.
    pub fn new(rules: &RuleSet) -> Self {
        let rows = rules
            .rules()
            .iter()
            .map(|r| AuditRow {
                rule_id: r.id.clone(),
                label: r.label,
                severity: r.severity,
                hits: 0,
                labelled_hits: 0,
                positive_hits: 0,
                zero_hits: 0,
                zero_rows: 0,
                floor: Floor::for_severity(r.severity),
            })
            .collect();
        RuleAudit { rows, records: 0, zero_rows: [0; Label::ALL.len()] }
    }

    /// Count one record: `report` is what the rules found in it (`check_reply` with its
    /// context), `known` its labels that are not null.
    pub fn add(&mut self, report: &RuleReport, known: &[(Label, bool)]) {
        self.records += 1;
        for &(label, positive) in known {
            if !positive {
                self.zero_rows[label.index()] += 1;
            }
        }
        for row in &mut self.rows {
            if !report.has_rule(&row.rule_id) {
                continue;
            }
            row.hits += 1;
            if let Some(&(_, positive)) = known.iter().find(|(l, _)| *l == row.label) {
                row.labelled_hits += 1;
                if positive {
                    row.positive_hits += 1;
                } else {
                    row.zero_hits += 1;
                }
            }
        }
    }

    /// Records counted so far.
    pub fn records(&self) -> usize {
        self.records
    }

    /// Every rule's counts, worst first: furthest past its floor, then most negatives hit.
    pub fn rows(&self) -> Vec<AuditRow> {
        let mut rows = self.rows.clone();
        for row in &mut rows {
            row.zero_rows = self.zero_rows[row.label.index()];
        }
        rows.sort_by(|a, b| {
            b.badness()
                .total_cmp(&a.badness())
                .then(b.zero_rate().total_cmp(&a.zero_rate()))
                .then(b.hits.cmp(&a.hits))
                .then(a.rule_id.cmp(&b.rule_id))
        });
        rows
    }
}
