//! How rule evidence and model scores combine into one decision per label.
//!
//! For label `l` with model score `m` (sigmoid, 0..1) and threshold `t`:
//!
//! 1. rule evidence `e` = the largest [`Severity::weight`](crate::Severity::weight) among the active
//!    rule hits for `l` (0 when there are none);
//! 2. if an allow hit (safe phrase, debunking, supportive or recovery marker) covers `l` and no
//!    High hit for `l` exists, both signals are damped by [`ALLOW_DAMPING`] (0.5): `m' = m * 0.5`,
//!    `e' = e * 0.5` (a debunked myth with a Medium hit does not flag on the rule alone);
//!    otherwise `m' = m`, `e' = e`;
//! 3. the two are combined on the label's own scale. The weights are written for a threshold of
//!    0.5, so the model score is first put on that scale with the piecewise-linear map `u_t`
//!    (`0 → 0`, `t → 0.5`, `1 → 1`), combined by noisy-OR, and put back ([`to_threshold_scale`],
//!    [`from_threshold_scale`]): `fused = u_t⁻¹(1 - (1 - u_t(m')) * (1 - e'))`. Without rule
//!    evidence `fused = m'`; a Medium hit alone (0.6) lands just past the threshold of every label
//!    (`t + 0.2(1 - t)`), a Low hit alone (0.35) at `0.7·t`, and a Low hit tips a model score of at
//!    least `0.46·t`, whatever `t` the model's calibration chose;
//! 4. `flagged = fused >= t || a High hit for l exists`.
//!
//! Up to model 2.0.0 the weights were combined with the raw model score, so with thresholds of
//! 0.699 (bullying), 0.744 (misinformation) and 0.936 (unsafe advice) a Medium rule alone never
//! flagged, and for unsafe advice the model had to give 0.84 already (issue 25).
//!
//! Both inputs stay visible in the verdict ([`LabelScore::model`] is the raw
//! model score, [`LabelScore::rules`] is the weight `e`), so every decision can be
//! explained. Crisis is flagged like any label but is never a violation.

use postguard_rules::RuleReport;

use crate::{Label, LabelScore};

/// Factor applied to the model score of a label covered by an allow hit.
pub const ALLOW_DAMPING: f32 = 0.5;

/// A score on label threshold `threshold`'s scale put on the scale where the threshold is 0.5:
/// the piecewise-linear map `0 → 0`, `threshold → 0.5`, `1 → 1`. Inputs are clamped to `0..=1`
/// (a NaN score counts as 0, a NaN threshold as 0.5).
pub fn to_threshold_scale(score: f32, threshold: f32) -> f32 {
    let x = unit_or_zero(score);
    let t = threshold_in_range(threshold);
    if x <= t { 0.5 * x / t } else { 0.5 + 0.5 * (x - t) / (1.0 - t) }
}

/// The inverse of [`to_threshold_scale`]: `0 → 0`, `0.5 → threshold`, `1 → 1`.
pub fn from_threshold_scale(unit: f32, threshold: f32) -> f32 {
    let u = unit_or_zero(unit);
    let t = threshold_in_range(threshold);
    if u <= 0.5 { 2.0 * u * t } else { t + (2.0 * u - 1.0) * (1.0 - t) }
}

/// `x` clamped to `0..=1`, a NaN as 0.
fn unit_or_zero(x: f32) -> f32 {
    if x.is_nan() { 0.0 } else { x.clamp(0.0, 1.0) }
}

fn threshold_in_range(threshold: f32) -> f32 {
    if threshold.is_nan() { 0.5 } else { threshold.clamp(1e-6, 1.0 - 1e-6) }
}

/// Fuses one label's model score with the evidence of a rule report: its strongest active hit
/// for `label` ([`RuleReport::evidence`]), whether that is `High` ([`RuleReport::has_high`]) and
/// whether an allow marker covers `label` ([`RuleReport::is_allowed`]).
///
/// `model` is clamped to `0..=1` (a NaN counts as 0) so a broken score can
/// never flag or hide anything by itself.
pub fn fuse(label: Label, model: f32, threshold: f32, report: &RuleReport) -> LabelScore {
    let model = unit_or_zero(model);
    let evidence = report.evidence(label);
    let high_hit = report.has_high(label);
    // An allow marker (a debunk, a supportive or recovery phrase) says the words the model and a
    // Medium/Low rule react to are quoted, refuted or past: both signals are damped, so a quoted
    // myth with a Medium rule hit does not flag on the rule alone. A High hit is never damped.
    let allowed = report.is_allowed(label) && !high_hit;
    let damp = if allowed { ALLOW_DAMPING } else { 1.0 };
    let (m, e) = (model * damp, evidence * damp);
    let fused = if e > 0.0 {
        let u = 1.0 - (1.0 - to_threshold_scale(m, threshold)) * (1.0 - e);
        from_threshold_scale(u, threshold)
    } else {
        m
    };
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
            (0.0, 0.95, vec![hit(B, Severity::High)], vec![], 0.99, true), // 0.95 + 0.8 * 0.05
            // noisy-OR on the threshold scale: 0.4 at t 0.6 is 1/3; 1 - (2/3) * 0.65 = 0.5667,
            // back on the label's scale 0.6 + 0.1333 * 0.4 = 0.6533
            (0.4, 0.6, vec![hit(B, Severity::Low)], vec![], 0.653_333_4, true),
            // strongest hit counts, not the sum
            (0.0, 0.5, vec![hit(B, Severity::Low), hit(B, Severity::Medium)], vec![], 0.6, true),
            // hits for other labels do not count
            (0.2, 0.5, vec![hit(Label::Crisis, Severity::High)], vec![], 0.2, false),
            // allow hit damps the model score: 0.8 -> 0.4
            (0.8, 0.5, vec![], vec![allow(vec![B])], 0.4, false),
            // allow for another label does nothing
            (0.8, 0.5, vec![], vec![allow(vec![Label::Crisis])], 0.8, true),
            // allow + Medium hit: both damped, 1 - (1 - 0.4) * (1 - 0.3) = 0.58
            (0.8, 0.5, vec![hit(B, Severity::Medium)], vec![allow(vec![B])], 0.58, true),
            // allow + Medium hit alone: 0.3 < 0.5, a quoted myth does not flag on the rule
            (0.0, 0.5, vec![hit(B, Severity::Medium)], vec![allow(vec![B])], 0.3, false),
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

    /// The weights mean the same thing at any threshold: a Medium hit alone flags, a Low hit
    /// alone does not, a Low hit with a model score at 47 % of the threshold does, at 45 % not.
    #[test]
    fn evidence_is_placed_on_the_label_threshold() {
        for t in [0.2_f32, 0.472, 0.699, 0.744, 0.936, 0.99] {
            let alone = |sev| fuse(B, 0.0, t, &RuleReport::new(vec![hit(B, sev)], vec![]));
            let medium = alone(Severity::Medium);
            assert!(medium.flagged && medium.fused < 1.0, "t {t}: {medium:?}");
            assert!((medium.fused - (t + 0.2 * (1.0 - t))).abs() < 1e-5, "t {t}: {medium:?}");
            assert_eq!(medium.rules, 0.6, "the verdict keeps the weight");
            let low = alone(Severity::Low);
            assert!(!low.flagged && (low.fused - 0.7 * t).abs() < 1e-5, "t {t}: {low:?}");
            let nudged = fuse(B, 0.47 * t, t, &RuleReport::new(vec![hit(B, Severity::Low)], vec![]));
            assert!(nudged.flagged, "t {t}: {nudged:?}");
            let weak = fuse(B, 0.45 * t, t, &RuleReport::new(vec![hit(B, Severity::Low)], vec![]));
            assert!(!weak.flagged, "t {t}: {weak:?}");
            // no evidence: the model score as it is, on both sides of the threshold
            for m in [0.0, 0.5 * t, t, 0.5 * (1.0 + t), 1.0] {
                assert_eq!(fuse(B, m, t, &RuleReport::new(vec![], vec![])).fused, m);
                assert!((from_threshold_scale(to_threshold_scale(m, t), t) - m).abs() < 1e-5);
            }
        }
        // The example: unsafe advice at 0.936, a Medium pro-ana hit, model 0.75.
        let report = RuleReport::new(vec![hit(Label::UnsafeAdvice, Severity::Medium)], vec![]);
        let s = fuse(Label::UnsafeAdvice, 0.75, 0.936, &report);
        assert!(s.flagged, "{s:?}");
        // At 0.5 both maps are the identity: the weights as written.
        for x in [0.0_f32, 0.35, 0.5, 0.6, 0.9, 1.0] {
            assert!((to_threshold_scale(x, 0.5) - x).abs() < 1e-6);
            assert!((from_threshold_scale(x, 0.5) - x).abs() < 1e-6);
        }
        assert_eq!(to_threshold_scale(f32::NAN, 0.7), 0.0);
        assert_eq!(from_threshold_scale(0.6, f32::NAN), 0.6);
    }

    #[test]
    fn both_signals_visible() {
        let score = fuse(B, 0.3, 0.5, &RuleReport::new(vec![hit(B, Severity::Medium)], vec![]));
        assert_eq!(score.model, 0.3);
        assert_eq!(score.rules, 0.6);
    }
}
