//! aarch64 NEON with the dot-product extension (FEAT_DotProd): `sdot`, 16
//! multiply-adds per instruction, on the same packed layout as the x86
//! kernels: a 64-byte group of a block is four registers of 4 output columns
//! by 4 consecutive k.
//!
//! `sdot` multiplies signed bytes by signed bytes; the activations are
//! unsigned (zero point 128). So each activation byte is flipped to `a - 128`
//! (an exclusive or with 0x80), and `128 * sum_k w[col][k]` (the packed
//! column sums) is added back at the end: the i32 sums are exactly those of
//! the other kernels. The dot-product intrinsics are not stable in Rust yet,
//! so the instruction is written with `asm!` (one instruction, registers only).
//!
//! Every function here is compiled for features in `NEON_DOTPROD_FEATURES` (see the parent's test).

use std::arch::aarch64::*;
use std::arch::asm;

use super::{LANES, PackedI8, row_tiles};

/// # Safety
///
/// The CPU must support NEON and the dot-product extension;
/// `a.len() >= rows * w.k_pad` and `out.len() >= rows * w.n_pad`.
#[target_feature(enable = "neon,dotprod")]
pub(super) unsafe fn matmul(a: &[u8], rows: usize, w: &PackedI8, out: &mut [i32]) {
    let quads = w.k_pad / 4;
    let block_len = quads * LANES * 4;
    // Blocks outer, rows inner: one 16-column block of W (k_pad * 16 bytes)
    // stays in L1 while every row tile streams past it.
    for block in 0..w.n_pad / LANES {
        for (m, mr) in row_tiles(rows) {
            // SAFETY: block < n_pad / 16, so its block_len bytes lie inside
            // w.data (n_pad * k_pad bytes) and its 16 column sums inside
            // w.col_sum (n_pad); m + mr <= rows, so the rows of `a` (k_pad
            // bytes each) and of `out` (n_pad i32 each, 16 from this block's
            // first column) lie inside the slices, whose lengths the caller
            // checked.
            unsafe {
                let panel = w.data.as_ptr().add(block * block_len);
                let sums = w.col_sum.as_ptr().add(block * LANES);
                let a_ptr = a.as_ptr().add(m * w.k_pad);
                let out_ptr = out.as_mut_ptr().add(m * w.n_pad + block * LANES);
                with_tile_height!(mr, tile_kernel(a_ptr, w.k_pad, panel, sums, quads, out_ptr, w.n_pad))
            }
        }
    }
}

/// `acc + sum over each 4-byte group of w * a` (signed bytes), per i32 lane.
///
/// # Safety
///
/// The CPU must support the dot-product extension.
#[target_feature(enable = "neon,dotprod")]
#[inline]
unsafe fn sdot(acc: int32x4_t, w: int8x16_t, a: int8x16_t) -> int32x4_t {
    let mut acc = acc;
    // SAFETY: one register-only instruction, available by the contract.
    unsafe {
        asm!(
            "sdot {acc:v}.4s, {w:v}.16b, {a:v}.16b",
            acc = inout(vreg) acc,
            w = in(vreg) w,
            a = in(vreg) a,
            options(pure, nomem, nostack, preserves_flags)
        );
    }
    acc
}

/// `MR` rows x 16 columns, the whole k range, accumulators in registers.
///
/// # Safety
///
/// NEON and the dot-product extension available; `a` points at `MR` rows of
/// `lda` bytes, `block` at one packed block (`quads` groups of 64 bytes),
/// `sums` at its 16 column sums, `out` at `MR` rows of `ldc` i32 with 16
/// writable.
#[target_feature(enable = "neon,dotprod")]
#[inline]
unsafe fn tile_kernel<const MR: usize>(
    a: *const u8,
    lda: usize,
    block: *const i8,
    sums: *const i32,
    quads: usize,
    out: *mut i32,
    ldc: usize,
) {
    let mut acc = [[vdupq_n_s32(0); 4]; MR];
    for q in 0..quads {
        // SAFETY: q < quads, so the 64 bytes at q * 64 lie in the block.
        let wv: [int8x16_t; 4] = std::array::from_fn(|j| unsafe { vld1q_s8(block.add(q * 64 + j * 16)) });
        for (r, acc) in acc.iter_mut().enumerate() {
            // SAFETY: r < MR rows of lda >= 4 * quads bytes.
            let a4 = unsafe { a.add(r * lda + q * 4).cast::<u32>().read_unaligned() } ^ 0x8080_8080;
            let av = vreinterpretq_s8_u32(vdupq_n_u32(a4));
            for (acc, w) in acc.iter_mut().zip(wv) {
                // SAFETY: dotprod is available by this function's contract.
                *acc = unsafe { sdot(*acc, w, av) };
            }
        }
    }
    // SAFETY: 16 column sums are readable at `sums`.
    let back: [int32x4_t; 4] = std::array::from_fn(|j| vshlq_n_s32::<7>(unsafe { vld1q_s32(sums.add(j * 4)) }));
    for (r, acc) in acc.iter().enumerate() {
        for (j, (acc, back)) in acc.iter().zip(back).enumerate() {
            // SAFETY: r < MR rows of ldc i32, 16 writable from `out`.
            unsafe { vst1q_s32(out.add(r * ldc + j * 4), vaddq_s32(*acc, back)) };
        }
    }
}
