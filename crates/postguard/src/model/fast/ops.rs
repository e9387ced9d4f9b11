//! Element-wise and row-wise f32 operations of the encoder, written as plain
//! loops over slices so that they vectorize (they are `#[inline(always)]` so
//! that they take on the instruction set of the caller, see
//! `kernel::with_simd`). Attention's inner loop is the exception: it is
//! written with intrinsics, in [`kernel::sum16`].

use super::kernel::{self, Isa};

/// `x = LayerNorm(x + residual)` over rows of `gamma.len()` values.
#[inline(always)]
pub(crate) fn add_layer_norm(x: &mut [f32], residual: &[f32], gamma: &[f32], beta: &[f32], eps: f32) {
    let h = gamma.len();
    for (row, res) in x.chunks_exact_mut(h).zip(residual.chunks_exact(h)) {
        for (v, r) in row.iter_mut().zip(res) {
            *v += *r;
        }
        layer_norm_row(row, gamma, beta, eps);
    }
}

/// LayerNorm of each row of `gamma.len()` values, in place.
#[inline(always)]
pub(crate) fn layer_norm(x: &mut [f32], gamma: &[f32], beta: &[f32], eps: f32) {
    for row in x.chunks_exact_mut(gamma.len()) {
        layer_norm_row(row, gamma, beta, eps);
    }
}

#[inline(always)]
fn layer_norm_row(row: &mut [f32], gamma: &[f32], beta: &[f32], eps: f32) {
    let n = row.len() as f32;
    let mean = sum(row) / n;
    let mut var = 0.0;
    for v in row.iter_mut() {
        *v -= mean;
    }
    var += sum_sq(row);
    let inv = 1.0 / (var / n + eps).sqrt();
    for ((v, g), b) in row.iter_mut().zip(gamma).zip(beta) {
        *v = *v * inv * g + b;
    }
}

/// Sum with 16 independent accumulators (vectorizes; f32 addition is not
/// associative, so a plain fold would stay scalar).
#[inline(always)]
pub(crate) fn sum(x: &[f32]) -> f32 {
    let mut acc = [0.0f32; 16];
    let chunks = x.chunks_exact(16);
    let tail = chunks.remainder();
    for c in chunks {
        for i in 0..16 {
            acc[i] += c[i];
        }
    }
    acc.iter().sum::<f32>() + tail.iter().sum::<f32>()
}

#[inline(always)]
fn sum_sq(x: &[f32]) -> f32 {
    let mut acc = [0.0f32; 16];
    let chunks = x.chunks_exact(16);
    let tail = chunks.remainder();
    for c in chunks {
        for i in 0..16 {
            acc[i] += c[i] * c[i];
        }
    }
    acc.iter().sum::<f32>() + tail.iter().map(|v| v * v).sum::<f32>()
}

/// Dot product of equal-length slices.
#[inline(always)]
pub(crate) fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0.0f32; 16];
    let ca = a.chunks_exact(16);
    let cb = b.chunks_exact(16);
    let tail: f32 = ca.remainder().iter().zip(cb.remainder()).map(|(x, y)| x * y).sum();
    for (x, y) in ca.zip(cb) {
        for i in 0..16 {
            acc[i] += x[i] * y[i];
        }
    }
    acc.iter().sum::<f32>() + tail
}

/// `y += alpha * x`.
#[inline(always)]
pub(crate) fn axpy(y: &mut [f32], alpha: f32, x: &[f32]) {
    for (y, x) in y.iter_mut().zip(x) {
        *y += alpha * x;
    }
}

/// `out[j] = scale * q . K[:, j]` for `j < tp`, with keys transposed:
/// `keys_t[c * tp + j]` (`tp` a multiple of 16), 16 keys at a time ([`kernel::sum16`]).
#[inline(always)]
pub(crate) fn scores(isa: Isa, q: &[f32], scale: f32, keys_t: &[f32], tp: usize, out: &mut [f32]) {
    for jb in (0..tp).step_by(16) {
        let sums = kernel::sum16(isa, q, keys_t, jb, tp);
        for (o, sum) in out[jb..jb + 16].iter_mut().zip(sums) {
            *o = sum * scale;
        }
    }
}

/// `out = sum_j p[j] * v_j` where `v_j = values[j * stride..][..out.len()]`.
#[inline(always)]
pub(crate) fn weighted_sum(isa: Isa, p: &[f32], values: &[f32], stride: usize, out: &mut [f32]) {
    let d = out.len();
    if !d.is_multiple_of(16) {
        out.fill(0.0);
        for (j, &pj) in p.iter().enumerate() {
            axpy(out, pj, &values[j * stride..j * stride + d]);
        }
        return;
    }
    // 16 output values at a time, accumulated in registers over all j.
    for cb in (0..d).step_by(16) {
        out[cb..cb + 16].copy_from_slice(&kernel::sum16(isa, p, values, cb, stride));
    }
}

/// `e^x` to about 2e-7 relative error for x in [-87, 88], branch-free.
#[inline(always)]
pub(crate) fn exp(x: f32) -> f32 {
    const LOG2E: f32 = std::f32::consts::LOG2_E;
    const LN2: f32 = std::f32::consts::LN_2;
    let x = x.clamp(-87.0, 88.0);
    let t = x * LOG2E;
    // Round to nearest with the 1.5 * 2^23 trick (vectorizes, unlike round()).
    let n = (t + 12_582_912.0) - 12_582_912.0;
    let g = (t - n) * LN2; // |g| <= ln2 / 2
    let p = 1.0 + g * (1.0 + g * (0.5 + g * (1.0 / 6.0 + g * (1.0 / 24.0 + g * (1.0 / 120.0 + g * (1.0 / 720.0))))));
    let scale = f32::from_bits(((n as i32 + 127) as u32) << 23);
    p * scale
}

/// `erf(x)`: a rational approximation (Eigen's `generic_fast_erf_float`),
/// about 1e-7 absolute error.
#[inline(always)]
pub(crate) fn erf(x: f32) -> f32 {
    let x = x.clamp(-4.0, 4.0);
    let x2 = x * x;
    let mut p = x2 * -2.726_142_3e-10 + 2.770_681_4e-8;
    p = x2 * p + -2.101_024e-6;
    p = x2 * p + -5.692_506_4e-5;
    p = x2 * p + -7.349_906_3e-4;
    p = x2 * p + -2.954_6e-3;
    p = x2 * p + -1.609_603_3e-2;
    p *= x;
    let mut q = x2 * -1.456_607_2e-5 + -2.133_740_6e-4;
    q = x2 * q + -1.682_827e-3;
    q = x2 * q + -7.373_329e-3;
    q = x2 * q + -1.426_473_9e-2;
    p / q
}

/// GELU as BERT defines it (`hidden_act = "gelu"`): `x * (1 + erf(x / sqrt 2)) / 2`.
#[inline(always)]
pub(crate) fn gelu_in_place(x: &mut [f32]) {
    for v in x.iter_mut() {
        *v = 0.5 * *v * (1.0 + erf(*v * std::f32::consts::FRAC_1_SQRT_2));
    }
}

/// Softmax of one row, in place.
#[inline(always)]
pub(crate) fn softmax_in_place(x: &mut [f32]) {
    let max = x.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    for v in x.iter_mut() {
        *v = exp(*v - max);
    }
    let inv = 1.0 / sum(x);
    for v in x.iter_mut() {
        *v *= inv;
    }
}

/// Asymmetric per-row 8-bit quantization of `rows` rows of `k` values into
/// unsigned bytes, rows `k_pad` apart (padding = the row's zero point, i.e.
/// zero). Row `m` is represented as `x ≈ scales[m] * (q - zero_points[m])`
/// over the row's own range `[min(x, 0), max(x, 0)]`: all 256 levels are used
/// even when a row is one-sided (GELU outputs are almost all >= 0), which a
/// symmetric scheme would spend half of on values that never occur.
#[inline(always)]
pub(crate) fn quantize_rows(
    x: &[f32],
    k: usize,
    k_pad: usize,
    out: &mut [u8],
    scales: &mut [f32],
    zero_points: &mut [i32],
) {
    for (((row, q), scale), zp) in
        x.chunks_exact(k).zip(out.chunks_exact_mut(k_pad)).zip(scales.iter_mut()).zip(zero_points.iter_mut())
    {
        let (lo, hi) = row.iter().fold((0.0f32, 0.0f32), |(lo, hi), &v| (lo.min(v), hi.max(v)));
        let s = if hi > lo { (hi - lo) / 255.0 } else { 1.0 };
        let inv = 1.0 / s;
        // The zero point is the integer nearest to -lo / s, in 0..=255.
        let z = (-lo * inv).round().clamp(0.0, 255.0);
        for (q, v) in q.iter_mut().zip(row) {
            // Round to nearest even with the 1.5 * 2^23 trick (vectorizes
            // without SSE4.1's round), then shift by the zero point; the
            // clamp only catches the half step that rounding z can add.
            let r = (v * inv + 12_582_912.0) - 12_582_912.0;
            *q = (r + z).clamp(0.0, 255.0) as u8;
        }
        for q in &mut q[k..] {
            *q = z as u8;
        }
        *scale = s;
        *zp = z as i32;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn erf64(x: f64) -> f64 {
        // Maclaurin series; converges fast enough in f64 for |x| <= 4.
        let mut sum = 0.0;
        let mut term = x;
        let mut n = 0.0;
        while term.abs() > 1e-17 || n < 5.0 {
            sum += term / (2.0 * n + 1.0);
            n += 1.0;
            term *= -x * x / n;
            if n > 200.0 {
                break;
            }
        }
        sum * 2.0 / std::f64::consts::PI.sqrt()
    }

    #[test]
    fn erf_and_exp_are_accurate() {
        for i in -400..=400 {
            let x = i as f32 / 100.0;
            let want = erf64(f64::from(x));
            assert!((f64::from(erf(x)) - want).abs() < 2e-6, "erf({x}) = {} want {want}", erf(x));
        }
        for i in -800..=800 {
            let x = i as f32 / 10.0;
            let want = f64::from(x).exp();
            let rel = (f64::from(exp(x)) - want).abs() / want;
            assert!(rel < 5e-6, "exp({x}) rel error {rel}");
        }
        assert!(erf(9.0) > 0.999_999 && erf(-9.0) < -0.999_999);
    }

    #[test]
    fn quantization_round_trips_within_half_a_step() {
        // Two-sided, one-sided (GELU-like) and all-zero rows.
        let mut x: Vec<f32> = (0..20).map(|i| (i as f32 - 17.0) * 0.37).collect();
        x.extend((0..20).map(|i| (i as f32 * 0.61).sin().max(-0.04) * 3.0));
        x.extend([0.0; 20]);
        let mut q = vec![0u8; 3 * 24];
        let (mut s, mut z) = (vec![0.0; 3], vec![0; 3]);
        quantize_rows(&x, 20, 24, &mut q, &mut s, &mut z);
        for m in 0..3 {
            for i in 0..20 {
                let back = (i32::from(q[m * 24 + i]) - z[m]) as f32 * s[m];
                assert!((back - x[m * 20 + i]).abs() <= s[m] * 0.5 + 1e-6, "row {m} col {i}");
            }
            assert!(q[m * 24 + 20..m * 24 + 24].iter().all(|&b| i32::from(b) == z[m]));
        }
        // The one-sided row uses (almost) the whole byte range.
        let (lo, hi) = q[24..44].iter().fold((255u8, 0u8), |(lo, hi), &b| (lo.min(b), hi.max(b)));
        assert!(lo <= 1 && hi == 255, "one-sided row spans {lo}..={hi}");
    }
}
