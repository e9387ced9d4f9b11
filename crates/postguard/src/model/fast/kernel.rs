//! Int8 matrix multiply: `C[m][n] = sum_k A[m][k] * W[n][k]` with `A` unsigned
//! bytes (activations quantized with zero point 128) and `W` signed bytes
//! (weights), accumulated exactly in i32.
//!
//! Two implementations with bit-identical results: AVX512-VNNI (`vpdpbusd`,
//! 64 multiply-adds per instruction) chosen at run time when the CPU has it,
//! and a portable loop. The packed weight layout serves both.
//!
//! This is the only module of the crate that uses `unsafe`: the intrinsics
//! take raw pointers and must only run on CPUs with the features checked by
//! `is_x86_feature_detected!`; every block states why its pointer reads stay
//! inside the slices it was given (lengths are asserted before the loops).
#![allow(unsafe_code)]

/// Output columns per packed block (one 512-bit register of i32 lanes).
pub(crate) const LANES: usize = 16;
/// Blocks handled together by the micro-kernel: 64 output columns.
pub(crate) const BLOCKS: usize = 4;
/// Output columns are padded to a multiple of this.
pub(crate) const COL_TILE: usize = LANES * BLOCKS;
/// Tokens (rows of A) per micro-kernel call.
const ROW_TILE: usize = 6;

/// Signed 8-bit weights `[n][k]`, packed for `vpdpbusd`: for each block of 16
/// output columns and each group of 4 consecutive k, 64 bytes laid out as
/// column-major groups of 4 (`packed[block][k/4][col][k%4]`).
#[derive(Clone)]
pub(crate) struct PackedI8 {
    pub(crate) n: usize,
    pub(crate) k: usize,
    /// `n` rounded up to [`COL_TILE`].
    pub(crate) n_pad: usize,
    /// `k` rounded up to 4.
    pub(crate) k_pad: usize,
    data: Vec<i8>,
}

impl std::fmt::Debug for PackedI8 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PackedI8").field("n", &self.n).field("k", &self.k).finish_non_exhaustive()
    }
}

impl PackedI8 {
    /// Packs row-major `w[n][k]`.
    pub(crate) fn pack(w: &[i8], n: usize, k: usize) -> Self {
        assert_eq!(w.len(), n * k);
        let n_pad = n.div_ceil(COL_TILE) * COL_TILE;
        let k_pad = k.div_ceil(4) * 4;
        let mut data = vec![0i8; n_pad * k_pad];
        for row in 0..n {
            let (block, lane) = (row / LANES, row % LANES);
            for col in 0..k {
                let (quad, r) = (col / 4, col % 4);
                data[(block * (k_pad / 4) + quad) * LANES * 4 + lane * 4 + r] = w[row * k + col];
            }
        }
        Self { n, k, n_pad, k_pad, data }
    }

    fn block(&self, block: usize) -> &[i8] {
        let len = (self.k_pad / 4) * LANES * 4;
        &self.data[block * len..(block + 1) * len]
    }
}

/// Which implementation [`matmul`] uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Isa {
    /// AVX512-VNNI (plus AVX512F/BW).
    Avx512Vnni,
    /// Plain Rust loops.
    Portable,
}

impl Isa {
    /// The best implementation this CPU supports.
    pub(crate) fn detect() -> Self {
        #[cfg(target_arch = "x86_64")]
        {
            if std::arch::is_x86_feature_detected!("avx512f")
                && std::arch::is_x86_feature_detected!("avx512bw")
                && std::arch::is_x86_feature_detected!("avx512vnni")
            {
                return Self::Avx512Vnni;
            }
        }
        Self::Portable
    }
}

/// `out[m * w.n_pad + col] = sum_k a[m * w.k_pad + k] * w[col][k]` for `m < rows`.
///
/// `a` holds `rows` rows of `w.k_pad` unsigned bytes; `out` at least
/// `rows * w.n_pad` i32 (columns past `w.n` come out 0).
///
/// # Panics
///
/// If a slice is too short.
pub(crate) fn matmul(isa: Isa, a: &[u8], rows: usize, w: &PackedI8, out: &mut [i32]) {
    assert!(a.len() >= rows * w.k_pad, "activation buffer too short");
    assert!(out.len() >= rows * w.n_pad, "output buffer too short");
    match isa {
        #[cfg(target_arch = "x86_64")]
        Isa::Avx512Vnni => {
            // SAFETY: Isa::Avx512Vnni is only constructed by Isa::detect after
            // checking the CPU features the function is compiled for; the
            // slice lengths were asserted above.
            unsafe { avx512::matmul(a, rows, w, out) }
        }
        _ => matmul_portable(a, rows, w, out),
    }
}

fn matmul_portable(a: &[u8], rows: usize, w: &PackedI8, out: &mut [i32]) {
    let quads = w.k_pad / 4;
    for block in 0..w.n_pad / LANES {
        let packed = w.block(block);
        for m in 0..rows {
            let a_row = &a[m * w.k_pad..(m + 1) * w.k_pad];
            let mut acc = [0i32; LANES];
            for q in 0..quads {
                let a4 = &a_row[q * 4..q * 4 + 4];
                let w64 = &packed[q * LANES * 4..(q + 1) * LANES * 4];
                for (lane, acc) in acc.iter_mut().enumerate() {
                    for r in 0..4 {
                        *acc += i32::from(a4[r]) * i32::from(w64[lane * 4 + r]);
                    }
                }
            }
            out[m * w.n_pad + block * LANES..m * w.n_pad + (block + 1) * LANES].copy_from_slice(&acc);
        }
    }
}

#[cfg(target_arch = "x86_64")]
mod avx512 {
    use std::arch::x86_64::*;

    use super::{PackedI8, BLOCKS, LANES, ROW_TILE};

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
            let mut m = 0;
            while m < rows {
                let mr = (rows - m).min(ROW_TILE);
                // SAFETY: tile < n_pad / 64, so the panel's BLOCKS blocks lie
                // inside w.data (n_pad * k_pad bytes); m + mr <= rows, so the
                // rows of `a` (k_pad bytes each) and of `out` (n_pad i32 each,
                // 64 from this tile's first column) lie inside the slices,
                // whose lengths the caller checked.
                unsafe {
                    let panel = w.data.as_ptr().add(tile * BLOCKS * block_len);
                    let a_ptr = a.as_ptr().add(m * w.k_pad);
                    let out_ptr = out.as_mut_ptr().add(m * w.n_pad + tile * LANES * BLOCKS);
                    match mr {
                        6 => tile_kernel::<6>(a_ptr, w.k_pad, panel, block_len, quads, out_ptr, w.n_pad),
                        5 => tile_kernel::<5>(a_ptr, w.k_pad, panel, block_len, quads, out_ptr, w.n_pad),
                        4 => tile_kernel::<4>(a_ptr, w.k_pad, panel, block_len, quads, out_ptr, w.n_pad),
                        3 => tile_kernel::<3>(a_ptr, w.k_pad, panel, block_len, quads, out_ptr, w.n_pad),
                        2 => tile_kernel::<2>(a_ptr, w.k_pad, panel, block_len, quads, out_ptr, w.n_pad),
                        _ => tile_kernel::<1>(a_ptr, w.k_pad, panel, block_len, quads, out_ptr, w.n_pad),
                    }
                }
                m += mr;
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
}

/// Work that [`with_simd`] runs compiled for the best instruction set.
pub(crate) trait SimdTask {
    /// What the work returns.
    type Output;
    /// Does the work; implementations mark this `#[inline(always)]` (and so
    /// everything it calls), or it is compiled for the SSE2 baseline.
    fn run(self) -> Self::Output;
}

/// Runs `task` compiled for the instruction set `isa` (AVX512 when the CPU has
/// it): `task.run` and the `#[inline(always)]` helpers it calls are inlined
/// into a `#[target_feature]` function, so their plain loops vectorize with
/// 512-bit registers instead of the SSE2 baseline of the build target. (A
/// closure would not do: it is not reliably inlined, and then compiles
/// without the features.)
#[inline(always)]
pub(crate) fn with_simd<T: SimdTask>(isa: Isa, task: T) -> T::Output {
    match isa {
        #[cfg(target_arch = "x86_64")]
        Isa::Avx512Vnni => {
            // SAFETY: Isa::Avx512Vnni is only constructed by Isa::detect
            // after checking these CPU features.
            unsafe { run_avx512(task) }
        }
        _ => task.run(),
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq,avx2,fma,bmi2")]
/// # Safety
///
/// The CPU must support the enabled features.
unsafe fn run_avx512<T: SimdTask>(task: T) -> T::Output {
    task.run()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(a: &[u8], rows: usize, w: &[i8], n: usize, k: usize, k_pad: usize) -> Vec<i32> {
        let mut out = vec![0; rows * n];
        for m in 0..rows {
            for c in 0..n {
                out[m * n + c] = (0..k).map(|i| i32::from(a[m * k_pad + i]) * i32::from(w[c * k + i])).sum();
            }
        }
        out
    }

    #[test]
    fn all_implementations_agree_exactly_with_the_definition() {
        let mut seed = 0x9e37_79b9_u32;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed
        };
        for (rows, n, k) in [(1, 64, 4), (7, 80, 13), (13, 130, 384), (6, 64, 1536), (2, 3, 1)] {
            let w: Vec<i8> = (0..n * k).map(|_| next() as i8).collect();
            let packed = PackedI8::pack(&w, n, k);
            let mut a = vec![0u8; rows * packed.k_pad];
            for m in 0..rows {
                for i in 0..k {
                    a[m * packed.k_pad + i] = next() as u8;
                }
            }
            let expected = reference(&a, rows, &w, n, k, packed.k_pad);
            let mut isas = vec![Isa::Portable];
            if Isa::detect() != Isa::Portable {
                isas.push(Isa::detect());
            }
            for isa in isas {
                let mut out = vec![-1; rows * packed.n_pad];
                matmul(isa, &a, rows, &packed, &mut out);
                for m in 0..rows {
                    assert_eq!(&out[m * packed.n_pad..m * packed.n_pad + n], &expected[m * n..(m + 1) * n], "{isa:?} {rows}x{n}x{k}");
                    assert!(out[m * packed.n_pad + n..(m + 1) * packed.n_pad].iter().all(|&x| x == 0));
                }
            }
        }
    }
}
