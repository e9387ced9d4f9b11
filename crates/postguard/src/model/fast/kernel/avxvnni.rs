//! AVX-VNNI: `vpdpbusd` on 256-bit registers (Intel from Alder Lake and Sapphire
//! Rapids, AMD from Zen 5), 32 multiply-adds per instruction, on the same packed
//! layout as the AVX512 kernel: a 64-byte group of a block is two registers of
//! 8 output columns each.
//!
//! Every function here is compiled for features in `AVXVNNI_FEATURES` (see the parent's test).

use std::arch::x86_64::*;

use super::{LANES, PackedI8, row_tiles};

/// # Safety
///
/// The CPU must support AVX2 and AVX-VNNI; `a.len() >= rows * w.k_pad` and
/// `out.len() >= rows * w.n_pad`.
#[target_feature(enable = "avx2,avxvnni")]
pub(super) unsafe fn matmul(a: &[u8], rows: usize, w: &PackedI8, out: &mut [i32]) {
    let quads = w.k_pad / 4;
    let block_len = quads * LANES * 4;
    // Blocks outer, rows inner: one 16-column block of W (k_pad * 16 bytes,
    // 6 KiB for k = 384) stays in L1 while every row tile streams past it.
    for block in 0..w.n_pad / LANES {
        for (m, mr) in row_tiles(rows) {
            // SAFETY: block < n_pad / 16, so its block_len bytes lie inside
            // w.data (n_pad * k_pad bytes); m + mr <= rows, so the rows of `a`
            // (k_pad bytes each) and of `out` (n_pad i32 each, 16 from this
            // block's first column) lie inside the slices, whose lengths the
            // caller checked.
            unsafe {
                let panel = w.data.as_ptr().add(block * block_len);
                let a_ptr = a.as_ptr().add(m * w.k_pad);
                let out_ptr = out.as_mut_ptr().add(m * w.n_pad + block * LANES);
                with_tile_height!(mr, tile_kernel(a_ptr, w.k_pad, panel, quads, out_ptr, w.n_pad))
            }
        }
    }
}

/// `MR` rows x 16 columns, the whole k range, accumulators in registers.
///
/// # Safety
///
/// AVX2 and AVX-VNNI available; `a` points at `MR` rows of `lda` bytes,
/// `block` at one packed block (`quads` groups of 64 bytes), `out` at `MR`
/// rows of `ldc` i32 with 16 writable.
#[target_feature(enable = "avx2,avxvnni")]
#[inline]
unsafe fn tile_kernel<const MR: usize>(
    a: *const u8,
    lda: usize,
    block: *const i8,
    quads: usize,
    out: *mut i32,
    ldc: usize,
) {
    let mut acc = [[_mm256_setzero_si256(); 2]; MR];
    for q in 0..quads {
        // SAFETY: q < quads, so the 64 bytes at q * 64 lie in the block.
        let w = unsafe {
            [_mm256_loadu_si256(block.add(q * 64).cast()), _mm256_loadu_si256(block.add(q * 64 + 32).cast())]
        };
        for (r, acc) in acc.iter_mut().enumerate() {
            // SAFETY: r < MR rows of lda >= 4 * quads bytes.
            let a4 = unsafe { a.add(r * lda + q * 4).cast::<i32>().read_unaligned() };
            let av = _mm256_set1_epi32(a4);
            for (acc, w) in acc.iter_mut().zip(w) {
                *acc = _mm256_dpbusd_avx_epi32(*acc, av, w);
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
