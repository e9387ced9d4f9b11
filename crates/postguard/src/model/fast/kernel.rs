//! Int8 matrix multiply: `C[m][n] = sum_k A[m][k] * W[n][k]` with `A` unsigned
//! bytes (activations quantized with zero point 128) and `W` signed bytes
//! (weights), accumulated exactly in i32.
//!
//! Two implementations with bit-identical results: AVX512-VNNI (`vpdpbusd`,
//! 64 multiply-adds per instruction) chosen at run time when the CPU has it,
//! and a portable loop. The packed weight layout serves both. Attention's f32
//! inner loop ([`sum16`]) and the target-feature trampoline for the rest of
//! the encoder ([`with_simd`]) live here too.
//!
//! This is the only module of the crate that uses `unsafe`, and its safety
//! contract rests on three things: an [`Isa`] other than the portable one can
//! only come from [`Isa::detect`], which checks every feature any
//! `#[target_feature]` here enables (a test keeps the two lists equal);
//! [`PackedI8`]'s padding invariants are private and asserted where it is
//! built; and slice lengths are asserted before every loop that reads through
//! raw pointers, each `unsafe` block saying why its reads stay inside them.
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
///
/// The fields are private to this module: the kernels' bounds arguments rest
/// on `data.len() == n_pad * k_pad`, `n_pad` a multiple of [`COL_TILE`] and
/// `k_pad` a multiple of 4, which [`PackedI8::pack`] establishes and asserts,
/// and which nothing else can change.
#[derive(Clone)]
pub(crate) struct PackedI8 {
    n: usize,
    k: usize,
    /// `n` rounded up to [`COL_TILE`].
    n_pad: usize,
    /// `k` rounded up to 4.
    k_pad: usize,
    data: Vec<i8>,
}

impl std::fmt::Debug for PackedI8 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PackedI8").field("n", &self.n).field("k", &self.k).finish_non_exhaustive()
    }
}

impl PackedI8 {
    /// Packs row-major `w[n][k]`.
    ///
    /// # Panics
    ///
    /// If `w.len() != n * k`.
    pub(crate) fn pack(w: &[i8], n: usize, k: usize) -> Self {
        assert_eq!(w.len(), n * k, "weights are not {n} x {k}");
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
        // The invariants the kernels' SAFETY arguments rest on.
        assert!(n_pad.is_multiple_of(COL_TILE) && k_pad.is_multiple_of(4) && data.len() == n_pad * k_pad);
        Self { n, k, n_pad, k_pad, data }
    }

    /// Output columns.
    pub(crate) fn n(&self) -> usize {
        self.n
    }

    /// Input columns.
    pub(crate) fn k(&self) -> usize {
        self.k
    }

    /// Output columns rounded up to [`COL_TILE`]: the row stride of [`matmul`]'s output.
    pub(crate) fn n_pad(&self) -> usize {
        self.n_pad
    }

    /// Input columns rounded up to 4: the row stride of [`matmul`]'s activations.
    pub(crate) fn k_pad(&self) -> usize {
        self.k_pad
    }

    fn block(&self, block: usize) -> &[i8] {
        let len = (self.k_pad / 4) * LANES * 4;
        &self.data[block * len..(block + 1) * len]
    }
}

/// Declares, once, the CPU features the AVX512 code of this module is compiled
/// for: [`Isa::detect`] checks every one, and a test checks that every
/// `#[target_feature(enable = ..)]` in this file names only these.
macro_rules! avx512_features {
    ($($feature:tt),+) => {
        /// The features [`Isa::detect`] requires for the AVX512 implementations.
        #[cfg(test)]
        const AVX512_FEATURES: &[&str] = &[$($feature),+];

        #[cfg(target_arch = "x86_64")]
        fn avx512_detected() -> bool {
            true $(&& std::arch::is_x86_feature_detected!($feature))+
        }
    };
}

avx512_features!("avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512vnni", "avx2", "fma", "bmi2");

/// Which implementation the kernels use: a token that only detection creates.
///
/// Its field is private to this module and the only constructors are
/// [`Isa::detect`] and [`Isa::portable`], so holding an AVX512 `Isa` proves
/// that this CPU has every feature in `AVX512_FEATURES`, the features the
/// `#[target_feature]` functions below are compiled for. That is what makes the
/// `unsafe` calls in [`matmul`], [`sum16`] and [`with_simd`] sound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Isa(Kind);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// AVX512 F/BW/VL/DQ/VNNI with AVX2, FMA and BMI2.
    Avx512Vnni,
    /// Plain Rust loops.
    Portable,
}

impl Isa {
    /// The best implementation this CPU supports.
    pub(crate) fn detect() -> Self {
        #[cfg(target_arch = "x86_64")]
        {
            if avx512_detected() {
                return Self(Kind::Avx512Vnni);
            }
        }
        Self::portable()
    }

    /// The portable loops, which run on any CPU.
    pub(crate) const fn portable() -> Self {
        Self(Kind::Portable)
    }

    /// Whether this is the portable implementation.
    pub(crate) fn is_portable(self) -> bool {
        self.0 == Kind::Portable
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
    match isa.0 {
        #[cfg(target_arch = "x86_64")]
        Kind::Avx512Vnni => {
            // SAFETY: an Isa of this kind is only created by Isa::detect after
            // detecting every feature avx512::matmul is compiled for; the
            // slice lengths were asserted above, and `w`'s padding invariants
            // hold by construction (PackedI8::pack).
            unsafe { avx512::matmul(a, rows, w, out) }
        }
        _ => matmul_portable(a, rows, w, out),
    }
}

/// `sum_i coef[i] * data[base + i * stride..][..16]`: 16 outputs accumulated
/// over all `i` in four partial sums (over `i` modulo 4), so that the FMAs do
/// not wait on each other, added as `(s0 + s1) + (s2 + s3)`. Both
/// implementations perform the same fused multiply-adds in the same order, so
/// they agree bit for bit.
///
/// This is attention's inner loop (scores against transposed keys, and the
/// probability-weighted sum of values). It is written with intrinsics because
/// the auto-vectorizer proved fragile here: an unrelated change elsewhere in
/// the crate once turned the plain loop scalar and cost a third of the
/// throughput.
///
/// # Panics
///
/// If a row lies outside `data`.
#[inline(always)]
pub(crate) fn sum16(isa: Isa, coef: &[f32], data: &[f32], base: usize, stride: usize) -> [f32; 16] {
    let Some(last) = coef.len().checked_sub(1) else {
        return [0.0; 16];
    };
    let end = last.checked_mul(stride).and_then(|o| o.checked_add(base)).and_then(|o| o.checked_add(16));
    assert!(end.is_some_and(|end| end <= data.len()), "sum16: rows past the end of the data");
    match isa.0 {
        #[cfg(target_arch = "x86_64")]
        Kind::Avx512Vnni => {
            // SAFETY: this kind is only created after detecting the features
            // avx512::sum16 is compiled for; the last row read ends at `end`,
            // asserted above to lie inside `data`, and earlier rows end before it.
            unsafe { avx512::sum16(coef, data.as_ptr(), base, stride) }
        }
        _ => sum16_portable(coef, data, base, stride),
    }
}

#[inline(always)]
fn sum16_portable(coef: &[f32], data: &[f32], base: usize, stride: usize) -> [f32; 16] {
    let row = |i: usize| &data[base + i * stride..base + i * stride + 16];
    let (mut a0, mut a1, mut a2, mut a3) = ([0.0f32; 16], [0.0f32; 16], [0.0f32; 16], [0.0f32; 16]);
    let quads = coef.len() / 4;
    for i4 in 0..quads {
        let i = i4 * 4;
        let (r0, r1, r2, r3) = (row(i), row(i + 1), row(i + 2), row(i + 3));
        for l in 0..16 {
            a0[l] = coef[i].mul_add(r0[l], a0[l]);
            a1[l] = coef[i + 1].mul_add(r1[l], a1[l]);
            a2[l] = coef[i + 2].mul_add(r2[l], a2[l]);
            a3[l] = coef[i + 3].mul_add(r3[l], a3[l]);
        }
    }
    for (i, &c) in coef.iter().enumerate().skip(quads * 4) {
        let r = row(i);
        for l in 0..16 {
            a0[l] = c.mul_add(r[l], a0[l]);
        }
    }
    std::array::from_fn(|l| (a0[l] + a1[l]) + (a2[l] + a3[l]))
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

    use super::{BLOCKS, LANES, PackedI8, ROW_TILE};

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
    match isa.0 {
        #[cfg(target_arch = "x86_64")]
        Kind::Avx512Vnni => {
            // SAFETY: this kind is only created by Isa::detect after detecting
            // every feature run_avx512 enables.
            unsafe { run_avx512(task) }
        }
        _ => task.run(),
    }
}

#[cfg(target_arch = "x86_64")]
/// # Safety
///
/// The CPU must support the enabled features.
#[target_feature(enable = "avx512f,avx512bw,avx512vl,avx512dq,avx512vnni,avx2,fma,bmi2")]
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

    /// A xorshift32 stream: test data that is the same on every run.
    fn xorshift(mut seed: u32) -> impl FnMut() -> u32 {
        move || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed
        }
    }

    #[test]
    fn all_implementations_agree_exactly_with_the_definition() {
        let mut next = xorshift(0x9e37_79b9);
        for (rows, n, k) in [(1, 64, 4), (7, 80, 13), (13, 130, 384), (6, 64, 1536), (2, 3, 1)] {
            let w: Vec<i8> = (0..n * k).map(|_| next() as i8).collect();
            let packed = PackedI8::pack(&w, n, k);
            assert_eq!((packed.n(), packed.k()), (n, k));
            let mut a = vec![0u8; rows * packed.k_pad];
            for m in 0..rows {
                for i in 0..k {
                    a[m * packed.k_pad + i] = next() as u8;
                }
            }
            let expected = reference(&a, rows, &w, n, k, packed.k_pad);
            let mut isas = vec![Isa::portable()];
            if !Isa::detect().is_portable() {
                isas.push(Isa::detect());
            }
            for isa in isas {
                let mut out = vec![-1; rows * packed.n_pad];
                matmul(isa, &a, rows, &packed, &mut out);
                for m in 0..rows {
                    assert_eq!(
                        &out[m * packed.n_pad..m * packed.n_pad + n],
                        &expected[m * n..(m + 1) * n],
                        "{isa:?} {rows}x{n}x{k}"
                    );
                    assert!(out[m * packed.n_pad + n..(m + 1) * packed.n_pad].iter().all(|&x| x == 0));
                }
            }
        }
    }

    #[test]
    fn sum16_implementations_agree_bit_for_bit() {
        let mut bits = xorshift(0x2545_f491);
        let mut next = || (bits() as f32 / u32::MAX as f32) * 2.0 - 1.0;
        // Ragged lengths (not multiples of 4), strides wider than 16, offsets.
        for (len, stride, base) in [(0, 16, 0), (1, 16, 0), (3, 20, 5), (4, 16, 0), (38, 48, 16), (129, 1152, 32)] {
            let coef: Vec<f32> = (0..len).map(|_| next()).collect();
            let data: Vec<f32> = (0..base + len * stride + 16).map(|_| next()).collect();
            let portable = sum16(Isa::portable(), &coef, &data, base, stride);
            for (l, got) in portable.iter().enumerate() {
                let want: f64 = (0..len).map(|i| f64::from(coef[i]) * f64::from(data[base + i * stride + l])).sum();
                assert!((f64::from(*got) - want).abs() < 1e-4, "{got} vs {want}");
            }
            let detected = sum16(Isa::detect(), &coef, &data, base, stride);
            assert_eq!(portable.map(f32::to_bits), detected.map(f32::to_bits), "len {len}");
        }
    }

    #[test]
    #[should_panic(expected = "past the end")]
    fn sum16_checks_its_bounds() {
        sum16(Isa::detect(), &[1.0; 3], &[0.0; 40], 0, 16);
    }

    /// Every `#[target_feature(enable = ..)]` in this file names only features that
    /// `Isa::detect` checks, so "detected before called" stays true when someone adds a
    /// feature to an attribute.
    #[test]
    fn every_enabled_feature_is_detected() {
        let source = include_str!("kernel.rs");
        let mut seen = 0;
        for attr in source.split(concat!("#[target_feature(", "enable = \"")).skip(1) {
            let list = &attr[..attr.find('"').expect("closing quote")];
            for feature in list.split(',') {
                assert!(AVX512_FEATURES.contains(&feature), "{feature} is enabled but not detected");
            }
            seen += 1;
        }
        assert_eq!(seen, 4, "target_feature attributes found");
    }
}
