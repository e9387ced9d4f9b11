//! How rule evidence and model scores combine into one decision per label.
//!
//! For label `l` with model score `m` (sigmoid, 0..1) and threshold `t`:
//!
//! 1. rule evidence `e` = the largest [`Severity::weight`](crate::Severity::weight) among the active
//!    rule hits for `l` (0 when there are none);
//! 2. if an allow hit (safe phrase, debunking, supportive or recovery marker)
//!    covers `l` and no High hit for `l` exists, the model score is damped:
//!    `m' = m * 0.5` ([`ALLOW_DAMPING`]); otherwise `m' = m`;
//! 3. `fused = 1 - (1 - m') * (1 - e)` (noisy-OR: either signal alone can
//!    raise the score, neither can lower the other);
//! 4. `flagged = fused >= t || a High hit for l exists`.
//!
//! Both inputs stay visible in the verdict ([`LabelScore::model`] is the raw
//! model score, [`LabelScore::rules`] is `e`), so every decision can be
//! explained. Crisis is flagged like any label but is never a violation.

use postguard_rules::RuleReport;

use crate::{Label, LabelScore};

/// Factor applied to the model score of a label covered by an allow hit.
pub const ALLOW_DAMPING: f32 = 0.5;

/// Fuses one label's model score with the evidence of a rule report: its strongest active hit
/// for `label` ([`RuleReport::evidence`]), whether that is `High` ([`RuleReport::has_high`]) and
/// whether an allow marker covers `label` ([`RuleReport::is_allowed`]).
///
/// `model` is clamped to `0..=1` (a NaN counts as 0) so a broken score can
/// never flag or hide anything by itself.
pub fn fuse(label: Label, model: f32, threshold: f32, report: &RuleReport) -> LabelScore {
    let model = if model.is_nan() { 0.0 } else { model.clamp(0.0, 1.0) };
    let evidence = report.evidence(label);
    let high_hit = report.has_high(label);
    let damped = if report.is_allowed(label) && !high_hit { model * ALLOW_DAMPING } else { model };
    let fused = 1.0 - (1.0 - damped) * (1.0 - evidence);
    LabelScore { model, rules: evidence, fused, threshold, flagged: fused >= threshold || high_hit }
}

#[cfg(test)]
mod tests {
    use postguard_rules::{AllowHit, RuleHit, Severity};

    use super::*;

    fn hit(label: Label, severity: Severity) -> RuleHit {
        RuleHit::new(&format!("{label}.test"), label, severity, 0, 3, "abc")
    }

    fn allow(labels: Vec<Label>) -> AllowHit {
        AllowHit::new("allow.test", labels, 0, 3, "abc")
    }

    const B: Label = Label::Bullying;

    /// (model, threshold, hits, allows, expected fused, expected flagged)
    type Case = (f32, f32, Vec<RuleHit>, Vec<AllowHit>, f32, bool);

    #[test]
    fn policy_table() {
        let cases: Vec<Case> = vec![
            // model alone
            (0.7, 0.5, vec![], vec![], 0.7, true),
            (0.3, 0.5, vec![], vec![], 0.3, false),
            (0.5, 0.5, vec![], vec![], 0.5, true), // threshold is inclusive
            // rules alone: Low/Medium below threshold, High always flags
            (0.0, 0.5, vec![hit(B, Severity::Low)], vec![], 0.35, false),
            (0.0, 0.5, vec![hit(B, Severity::Medium)], vec![], 0.6, true),
            (0.0, 0.95, vec![hit(B, Severity::High)], vec![], 0.9, true),
            // noisy-OR: 1 - 0.6 * 0.65 = 0.61
            (0.4, 0.6, vec![hit(B, Severity::Low)], vec![], 0.61, true),
            // strongest hit counts, not the sum
            (0.0, 0.5, vec![hit(B, Severity::Low), hit(B, Severity::Medium)], vec![], 0.6, true),
            // hits for other labels do not count
            (0.2, 0.5, vec![hit(Label::Crisis, Severity::High)], vec![], 0.2, false),
            // allow hit damps the model score: 0.8 -> 0.4
            (0.8, 0.5, vec![], vec![allow(vec![B])], 0.4, false),
            // allow for another label does nothing
            (0.8, 0.5, vec![], vec![allow(vec![Label::Crisis])], 0.8, true),
            // allow + Medium hit: 1 - (1 - 0.4) * 0.4 = 0.76
            (0.8, 0.5, vec![hit(B, Severity::Medium)], vec![allow(vec![B])], 0.76, true),
            // a High hit disables damping: 1 - 0.2 * 0.1 = 0.98
            (0.8, 0.5, vec![hit(B, Severity::High)], vec![allow(vec![B])], 0.98, true),
            // broken model scores are clamped
            (f32::NAN, 0.5, vec![], vec![], 0.0, false),
            (1.5, 0.5, vec![], vec![], 1.0, true),
        ];
        for (i, (model, threshold, hits, allows, fused, flagged)) in cases.into_iter().enumerate() {
            let score = fuse(B, model, threshold, &RuleReport::new(hits, allows));
            assert!((score.fused - fused).abs() < 1e-6, "case {i}: fused {} != {fused}", score.fused);
            assert_eq!(score.flagged, flagged, "case {i}");
            assert_eq!(score.threshold, threshold, "case {i}");
            assert!((0.0..=1.0).contains(&score.model), "case {i}");
        }
    }

    #[test]
    fn both_signals_visible() {
        let score = fuse(B, 0.3, 0.5, &RuleReport::new(vec![hit(B, Severity::Medium)], vec![]));
        assert_eq!(score.model, 0.3);
        assert_eq!(score.rules, 0.6);
    }
}
