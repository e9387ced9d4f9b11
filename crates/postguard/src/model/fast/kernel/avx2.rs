//! AVX2: the int8 product without VNNI, for x86 CPUs without AVX-512 or
//! AVX-VNNI (Intel before Alder Lake, AMD Zen 1 to 4 in their AVX2 mode), on
//! the same packed layout as the VNNI kernels.
//!
//! `vpmaddubsw`, the usual AVX2 byte product, saturates its 16-bit pair sums
//! (255 * 127 * 2 does not fit), so it would not agree with `vpdpbusd`.
//! Instead the weights are kept widened to 16 bits (packed for this kernel,
//! twice the memory of the byte layout) and the activations are widened once
//! per call, and `vpmaddwd` multiplies them: its 32-bit pair sums are exact,
//! so the result is bit-identical to the other implementations. (Widening the
//! packed bytes inside the loop instead, with shifts, measured 6-8 % slower
//! end to end: the shifts compete with `vpmaddwd` for the same two ports.)
//! The loop issues two `vpmaddwd` per 32 multiply-adds and nothing else on
//! those ports, the bound for exact 8-bit products without VNNI. Also here: the 256-bit
//! [`super::sum16`] and the AVX2 [`super::with_simd`] trampoline, which the
//! AVX-VNNI kind uses as well.
//!
//! Every function here is compiled for features in `AVX2_FEATURES` (see the parent's test).

use std::arch::x86_64::*;

use super::{LANES, PackedI8, SimdTask, row_tiles};

/// [`super::sum16`] with two 256-bit registers per partial sum.
///
/// # Safety
///
/// The CPU must support AVX2 and FMA; for every `i < coef.len()`, the 16 f32
/// at `data + base + i * stride` must be readable.
#[target_feature(enable = "avx2,fma")]
#[inline]
pub(super) unsafe fn sum16(coef: &[f32], data: *const f32, base: usize, stride: usize) -> [f32; 16] {
    // SAFETY (every load): only rows i < coef.len() are read, 16 f32 each, readable by the contract.
    let row = |i: usize, half: usize| unsafe { _mm256_loadu_ps(data.add(base + i * stride + half * 8)) };
    let mut acc = [[_mm256_setzero_ps(); 2]; 4];
    let quads = coef.len() / 4;
    for i4 in 0..quads {
        let i = i4 * 4;
        for (j, acc) in acc.iter_mut().enumerate() {
            let c = _mm256_set1_ps(coef[i + j]);
            for (half, acc) in acc.iter_mut().enumerate() {
                *acc = _mm256_fmadd_ps(c, row(i + j, half), *acc);
            }
        }
    }
    for (i, &c) in coef.iter().enumerate().skip(quads * 4) {
        for (half, acc) in acc[0].iter_mut().enumerate() {
            *acc = _mm256_fmadd_ps(_mm256_set1_ps(c), row(i, half), *acc);
        }
    }
    let [a0, a1, a2, a3] = acc;
    let mut out = [0.0f32; 16];
    for half in 0..2 {
        let sum = _mm256_add_ps(_mm256_add_ps(a0[half], a1[half]), _mm256_add_ps(a2[half], a3[half]));
        // SAFETY: `out` holds 16 f32, 8 from half * 8.
        unsafe { _mm256_storeu_ps(out.as_mut_ptr().add(half * 8), sum) };
    }
    out
}

/// # Safety
///
/// The CPU must support AVX2; `a.len() >= rows * w.k_pad`,
/// `out.len() >= rows * w.n_pad` and `w.wide.len() == w.n_pad * w.k_pad`.
#[target_feature(enable = "avx2")]
pub(super) unsafe fn matmul(a: &[u8], rows: usize, w: &PackedI8, out: &mut [i32]) {
    // The activations widened once per call (a few microseconds), so that the
    // kernel broadcasts a pair of them with one load, into a buffer each thread
    // keeps (a layer's matrices are up to 1.5 MB widened: no allocation per call).
    WIDE_A.with_borrow_mut(|wide_a| {
        wide_a.clear();
        wide_a.extend(a[..rows * w.k_pad].iter().map(|&x| i16::from(x)));
        // SAFETY: the caller's contract, and `wide_a` holds rows * k_pad values.
        unsafe { matmul_wide(wide_a, rows, w, out) }
    });
}

thread_local! {
    /// [`matmul`]'s widened activations, reused across calls on this thread.
    static WIDE_A: std::cell::RefCell<Vec<i16>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// [`matmul`] on activations already widened to 16 bits.
///
/// # Safety
///
/// The CPU must support AVX2; `wide_a.len() >= rows * w.k_pad`,
/// `out.len() >= rows * w.n_pad` and `w.wide.len() == w.n_pad * w.k_pad`.
#[target_feature(enable = "avx2")]
unsafe fn matmul_wide(wide_a: &[i16], rows: usize, w: &PackedI8, out: &mut [i32]) {
    let pairs = w.k_pad / 2;
    let block_len = pairs * 32;
    // Blocks outer, rows inner: one 16-column block of the widened W
    // (k_pad * 32 bytes, 12 KiB for k = 384) stays in L1 while every row tile
    // streams past it.
    for block in 0..w.n_pad / LANES {
        for (m, mr) in row_tiles(rows) {
            // SAFETY: block < n_pad / 16, so its block_len values lie inside
            // w.wide (n_pad * k_pad values); m + mr <= rows, so the rows of
            // `wide_a` (k_pad values each) and of `out` (n_pad i32 each, 16
            // from this block's first column) lie inside the slices, whose
            // lengths the caller checked.
            unsafe {
                let panel = w.wide.as_ptr().add(block * block_len);
                let a_ptr = wide_a.as_ptr().add(m * w.k_pad);
                let out_ptr = out.as_mut_ptr().add(m * w.n_pad + block * LANES);
                with_tile_height!(mr, tile_kernel(a_ptr, w.k_pad, panel, pairs, out_ptr, w.n_pad))
            }
        }
    }
}

/// `MR` rows x 16 columns, the whole k range, accumulators in registers.
///
/// For each pair of k, one register holds 8 columns' two weights as 16-bit
/// lanes, and the row's two activations are broadcast as one 32-bit value:
/// `vpmaddwd` gives `a0 w0 + a1 w1` per column, exact in i32.
///
/// # Safety
///
/// AVX2 available; `a` points at `MR` rows of `lda` 16-bit values, `block` at
/// one widened block (`pairs` groups of 16 values per half), `out` at `MR`
/// rows of `ldc` i32 with 16 writable.
#[target_feature(enable = "avx2")]
#[inline]
unsafe fn tile_kernel<const MR: usize>(
    a: *const i16,
    lda: usize,
    block: *const i16,
    pairs: usize,
    out: *mut i32,
    ldc: usize,
) {
    let mut acc = [[_mm256_setzero_si256(); 2]; MR];
    for p in 0..pairs {
        // SAFETY: p < pairs, so the 32 values at p * 32 lie in the block.
        let w = unsafe {
            [_mm256_loadu_si256(block.add(p * 32).cast()), _mm256_loadu_si256(block.add(p * 32 + 16).cast())]
        };
        for (r, acc) in acc.iter_mut().enumerate() {
            // SAFETY: r < MR rows of lda >= 2 * pairs values.
            let a2 = unsafe { a.add(r * lda + p * 2).cast::<i32>().read_unaligned() };
            let av = _mm256_set1_epi32(a2);
            for (acc, w) in acc.iter_mut().zip(w) {
                *acc = _mm256_add_epi32(*acc, _mm256_madd_epi16(av, w));
            }
        }
    }
    for (r, acc) in acc.iter().enumerate() {
        for (half, acc) in acc.iter().enumerate() {
            // SAFETY: r < MR rows of ldc i32, 16 writable from `out`.
            unsafe { _mm256_storeu_si256(out.add(r * ldc + half * 8).cast(), *acc) };
        }
    }
}

/// [`super::with_simd`]'s trampoline: `task` compiled for this file's features.
///
/// # Safety
///
/// The CPU must support the enabled features.
#[target_feature(enable = "avx2,fma")]
pub(super) unsafe fn run<T: SimdTask>(task: T) -> T::Output {
    task.run()
}
