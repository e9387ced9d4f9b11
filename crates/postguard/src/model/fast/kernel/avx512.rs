//! AVX512-VNNI: `vpdpbusd` on 512-bit registers, 64 multiply-adds per instruction.
//!
//! Every function here is compiled for features in `AVX512_FEATURES` (see the parent's test).

use std::arch::x86_64::*;

use super::{BLOCKS, LANES, PackedI8, SimdTask, row_tiles};

/// [`super::sum16`] with one 512-bit register per partial sum.
///
/// # Safety
///
/// The CPU must support AVX512F; for every `i < coef.len()`, the 16 f32 at
/// `data + base + i * stride` must be readable.
#[target_feature(enable = "avx512f")]
#[inline]
pub(super) unsafe fn sum16(coef: &[f32], data: *const f32, base: usize, stride: usize) -> [f32; 16] {
    // SAFETY (every load): only rows i < coef.len() are read, readable by the contract.
    let row = |i: usize| unsafe { _mm512_loadu_ps(data.add(base + i * stride)) };
    let mut acc = [_mm512_setzero_ps(); 4];
    let quads = coef.len() / 4;
    for i4 in 0..quads {
        let i = i4 * 4;
        for (j, acc) in acc.iter_mut().enumerate() {
            *acc = _mm512_fmadd_ps(_mm512_set1_ps(coef[i + j]), row(i + j), *acc);
        }
    }
    for (i, &c) in coef.iter().enumerate().skip(quads * 4) {
        acc[0] = _mm512_fmadd_ps(_mm512_set1_ps(c), row(i), acc[0]);
    }
    let sum = _mm512_add_ps(_mm512_add_ps(acc[0], acc[1]), _mm512_add_ps(acc[2], acc[3]));
    let mut out = [0.0f32; 16];
    // SAFETY: `out` holds 16 f32.
    unsafe { _mm512_storeu_ps(out.as_mut_ptr(), sum) };
    out
}

/// # Safety
///
/// The CPU must support AVX512F, AVX512BW and AVX512-VNNI;
/// `a.len() >= rows * w.k_pad` and `out.len() >= rows * w.n_pad`.
#[target_feature(enable = "avx512f,avx512bw,avx512vnni")]
pub(super) unsafe fn matmul(a: &[u8], rows: usize, w: &PackedI8, out: &mut [i32]) {
    let quads = w.k_pad / 4;
    let block_len = quads * LANES * 4;
    // Column tiles outer, rows inner: one 64-column panel of W
    // (k_pad * 64 bytes, 24 KiB for k = 384) stays in L1 while every
    // row tile streams past it.
    for tile in 0..w.n_pad / (LANES * BLOCKS) {
        for (m, mr) in row_tiles(rows) {
            // SAFETY: tile < n_pad / 64, so the panel's BLOCKS blocks lie
            // inside w.data (n_pad * k_pad bytes); m + mr <= rows, so the
            // rows of `a` (k_pad bytes each) and of `out` (n_pad i32 each,
            // 64 from this tile's first column) lie inside the slices,
            // whose lengths the caller checked.
            unsafe {
                let panel = w.data.as_ptr().add(tile * BLOCKS * block_len);
                let a_ptr = a.as_ptr().add(m * w.k_pad);
                let out_ptr = out.as_mut_ptr().add(m * w.n_pad + tile * LANES * BLOCKS);
                with_tile_height!(mr, tile_kernel(a_ptr, w.k_pad, panel, block_len, quads, out_ptr, w.n_pad))
            }
        }
    }
}

/// `MR` rows x 64 columns, the whole k range, accumulators in registers.
///
/// # Safety
///
/// AVX512F/BW/VNNI available; `a` points at `MR` rows of `lda` bytes,
/// `panel` at `BLOCKS` packed blocks of `block_len` bytes each (`quads`
/// groups of 64 bytes), `out` at `MR` rows of `ldc` i32 with 64 writable.
#[target_feature(enable = "avx512f,avx512bw,avx512vnni")]
#[inline]
unsafe fn tile_kernel<const MR: usize>(
    a: *const u8,
    lda: usize,
    panel: *const i8,
    block_len: usize,
    quads: usize,
    out: *mut i32,
    ldc: usize,
) {
    let mut acc = [[_mm512_setzero_si512(); BLOCKS]; MR];
    for q in 0..quads {
        let mut wv = [_mm512_setzero_si512(); BLOCKS];
        for (b, wv) in wv.iter_mut().enumerate() {
            // SAFETY: q < quads, so 64 bytes at q * 64 lie in block b.
            *wv = unsafe { _mm512_loadu_si512(panel.add(b * block_len + q * 64).cast()) };
        }
        for (r, acc) in acc.iter_mut().enumerate() {
            // SAFETY: r < MR rows of lda >= 4 * quads bytes.
            let a4 = unsafe { a.add(r * lda + q * 4).cast::<i32>().read_unaligned() };
            let av = _mm512_set1_epi32(a4);
            for b in 0..BLOCKS {
                acc[b] = _mm512_dpbusd_epi32(acc[b], av, wv[b]);
            }
        }
    }
    for (r, acc) in acc.iter().enumerate() {
        for (b, acc) in acc.iter().enumerate() {
            // SAFETY: r < MR rows of ldc i32, 64 writable from `out`.
            unsafe { _mm512_storeu_si512(out.add(r * ldc + b * LANES).cast(), *acc) };
        }
    }
}

/// [`super::with_simd`]'s trampoline: `task` compiled for this file's features.
///
/// # Safety
///
/// The CPU must support the enabled features.
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq,avx512vnni,avx2,fma,bmi2")]
pub(super) unsafe fn run<T: SimdTask>(task: T) -> T::Output {
    task.run()
}
