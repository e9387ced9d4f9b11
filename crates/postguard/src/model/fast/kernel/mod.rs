//! Int8 matrix multiply: `C[m][n] = sum_k A[m][k] * W[n][k]` with `A` unsigned
//! bytes (activations quantized with zero point 128) and `W` signed bytes
//! (weights), accumulated exactly in i32.
//!
//! Six implementations with bit-identical results, chosen at run time (see
//! [`Isa`]): AMX tiles (`tdpbusd`, `amx.rs`, inline assembly), AVX512-VNNI (`vpdpbusd` on 512 bits, 64 multiply-adds per
//! instruction, `avx512.rs`), AVX-VNNI (`vpdpbusd` on 256 bits, `avxvnni.rs`),
//! AVX2 (`vpmaddwd` on bytes widened to 16 bits, `avx2.rs`), aarch64 NEON
//! `sdot` (`neon.rs`) and a portable loop. The packed weight layout serves all
//! six. Attention's f32 inner loop
//! ([`sum16`]) and the target-feature trampoline for the rest of the encoder
//! ([`with_simd`]) live here too.
//!
//! This is the only module of the crate that uses `unsafe`, and its safety
//! contract rests on three things: an [`Isa`] other than the portable one can
//! only come from [`Isa::detect`] or [`Isa::select`], which check every
//! feature that the `#[target_feature]` functions of its file enable (a test
//! keeps each file's attributes inside its list);
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

/// Signed 8-bit weights `[n][k]`, packed for `vpdpbusd`: for each block of 16
/// output columns and each group of 4 consecutive k, 64 bytes laid out as
/// column-major groups of 4 (`packed[block][k/4][col][k%4]`).
///
/// For the AVX2 kernel the same weights are also kept widened to 16 bits
/// (`wide`, see `avx2.rs`), twice the memory, built only when packing for it.
///
/// The fields are private to this module: the kernels' bounds arguments rest
/// on `data.len() == n_pad * k_pad`, `n_pad` a multiple of [`COL_TILE`] and
/// `k_pad` a multiple of 4, which [`PackedI8::pack`] establishes and asserts,
/// and which nothing else can change; `wide` is empty or `n_pad * k_pad` long,
/// and [`matmul`] asserts the latter before the AVX2 kernel reads it.
#[derive(Clone)]
pub(crate) struct PackedI8 {
    n: usize,
    k: usize,
    /// `n` rounded up to [`COL_TILE`].
    n_pad: usize,
    /// `k` rounded up to 4.
    k_pad: usize,
    data: Vec<i8>,
    /// For the AVX2 kernel (else empty): `wide[block][k/2][half][col % 8][k % 2]`, 16-bit.
    #[cfg_attr(not(target_arch = "x86_64"), allow(dead_code, reason = "read by the x86 AVX2 kernel"))]
    wide: Vec<i16>,
    /// Per output column (`n_pad` of them): `sum_k w[col][k]`, for kernels that
    /// multiply signed activations (`a - 128`) and add `128 * col_sum` back.
    #[cfg_attr(not(target_arch = "aarch64"), allow(dead_code, reason = "read by the aarch64 kernel"))]
    col_sum: Vec<i32>,
}

impl std::fmt::Debug for PackedI8 {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PackedI8").field("n", &self.n).field("k", &self.k).finish_non_exhaustive()
    }
}

impl PackedI8 {
    /// Packs row-major `w[n][k]` for the kernel `isa`.
    ///
    /// # Panics
    ///
    /// If `w.len() != n * k`.
    pub(crate) fn pack(w: &[i8], n: usize, k: usize, isa: Isa) -> Self {
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
        let mut wide = Vec::new();
        if isa.0 == Int8Kernel::Avx2 {
            wide = vec![0i16; n_pad * k_pad];
            let pairs = k_pad / 2;
            for row in 0..n {
                let (block, half, lane) = (row / LANES, (row % LANES) / 8, row % 8);
                for col in 0..k {
                    let (pair, r) = (col / 2, col % 2);
                    wide[((block * pairs + pair) * 2 + half) * 16 + lane * 2 + r] = i16::from(w[row * k + col]);
                }
            }
        }
        let mut col_sum = vec![0i32; n_pad];
        for (sum, row) in col_sum.iter_mut().zip(w.chunks_exact(k.max(1))) {
            *sum = row.iter().map(|&v| i32::from(v)).sum();
        }
        // The invariants the kernels' SAFETY arguments rest on.
        assert!(n_pad.is_multiple_of(COL_TILE) && k_pad.is_multiple_of(4) && data.len() == n_pad * k_pad);
        assert_eq!(col_sum.len(), n_pad);
        assert!(wide.is_empty() || wide.len() == n_pad * k_pad);
        Self { n, k, n_pad, k_pad, data, wide, col_sum }
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

/// Tokens (rows of A) per micro-kernel call, in every SIMD kernel: 6 rows of accumulators plus
/// the weights and one broadcast fill the register file (16 AVX2 / 32 AVX512 or NEON registers).
#[cfg_attr(not(any(target_arch = "x86_64", target_arch = "aarch64")), allow(dead_code))]
const ROW_TILE: usize = 6;

/// The row tiles of a `rows`-row activation matrix: `(first row, height)`, heights
/// [`ROW_TILE`] but for the last; the SIMD kernels' drivers walk these for every column block.
#[cfg_attr(not(any(target_arch = "x86_64", target_arch = "aarch64")), allow(dead_code))]
#[inline(always)]
fn row_tiles(rows: usize) -> impl Iterator<Item = (usize, usize)> {
    (0..rows).step_by(ROW_TILE).map(move |m| (m, (rows - m).min(ROW_TILE)))
}

/// Calls the micro-kernel `$kernel::<MR>(args)` for a tile height `mr` known only at run time
/// (`1..=ROW_TILE`): the kernels hold their accumulators in arrays of const length `MR`.
#[cfg_attr(not(any(target_arch = "x86_64", target_arch = "aarch64")), allow(unused_macros))]
macro_rules! with_tile_height {
    ($mr:expr, $kernel:ident($($arg:expr),* $(,)?)) => {{
        const _: () = assert!(super::ROW_TILE == 6, "with_tile_height! has one arm per height 1..=6");
        match $mr {
            6 => $kernel::<6>($($arg),*),
            5 => $kernel::<5>($($arg),*),
            4 => $kernel::<4>($($arg),*),
            3 => $kernel::<3>($($arg),*),
            2 => $kernel::<2>($($arg),*),
            _ => $kernel::<1>($($arg),*),
        }
    }};
}

#[cfg(target_arch = "x86_64")]
mod amx;
#[cfg(target_arch = "x86_64")]
mod avx2;
#[cfg(target_arch = "x86_64")]
mod avx512;
#[cfg(target_arch = "x86_64")]
mod avxvnni;
#[cfg(target_arch = "aarch64")]
mod neon;

/// Declares, once, the CPU features the code of one file is compiled for:
/// detection checks every one, and a test checks that every
/// `#[target_feature(enable = ..)]` in that file names only these.
macro_rules! features {
    ($arch:literal, $is_detected:ident, $list:ident, $detected:ident: $($feature:tt),+) => {
        /// The features detection requires before this implementation is used.
        #[cfg(test)]
        const $list: &[&str] = &[$($feature),+];

        #[cfg(target_arch = $arch)]
        fn $detected() -> bool {
            true $(&& std::arch::$is_detected!($feature))+
        }
    };
}

features!("x86_64", is_x86_feature_detected, AVX512_FEATURES, avx512_detected: "avx512f", "avx512bw", "avx512vl", "avx512dq", "avx512vnni", "avx2", "fma", "bmi2", "f16c");
features!("x86_64", is_x86_feature_detected, AVXVNNI_FEATURES, avxvnni_detected: "avxvnni", "avx2", "fma");
features!("x86_64", is_x86_feature_detected, AVX2_FEATURES, avx2_detected: "avx2", "fma");
features!("aarch64", is_aarch64_feature_detected, NEON_DOTPROD_FEATURES, neon_dotprod_detected: "neon", "dotprod");

/// The environment variable that forces one implementation (tests and benchmarks
/// run every path on a CPU that has a wider one): a name of [`Int8Kernel::as_str`].
pub(crate) const ISA_VAR: &str = "POSTGUARD_ISA";

/// Which implementation the kernels use: a token that only detection creates.
///
/// Its field is private to this module and the only constructors are
/// [`Isa::detect`], [`Isa::select`] and [`Isa::portable`], which check
/// [`Int8Kernel::is_supported`], so holding an `Isa` of a SIMD kernel proves that this CPU has every feature of that kind's list,
/// the features its `#[target_feature]` functions are compiled for. That is
/// what makes the `unsafe` calls in [`matmul`], [`sum16`] and [`with_simd`]
/// sound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Isa(Int8Kernel);

/// An int8 matrix-multiply kernel: the instruction set the int8 path computes with.
///
/// [`Precision::Int8`](crate::Precision) and `Auto` pick the fastest kernel the CPU has at
/// load; all of them give bit-identical scores. Forcing one
/// ([`ClassifierBuilder::int8_kernel`](crate::ClassifierBuilder::int8_kernel), or the
/// environment variable `POSTGUARD_ISA` with its [`name`](Self::as_str)) lets tests and
/// benchmarks run every kernel on a CPU that has a wider one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Int8Kernel {
    /// `amx`: AMX-INT8 tiles (Intel Xeon from Sapphire Rapids, where Linux grants the process
    /// the tile state), with the AVX512-VNNI kernel for row tails: `tdpbusd`.
    Amx,
    /// `avx512`: AVX512 F/BW/VL/DQ/VNNI with AVX2, FMA and BMI2 (Intel Xeon from Ice Lake, AMD
    /// Zen 4 and 5): `vpdpbusd` on 512 bits.
    Avx512,
    /// `avxvnni`: AVX-VNNI with AVX2 and FMA (Intel from Alder Lake and Sapphire Rapids):
    /// `vpdpbusd` on 256 bits.
    AvxVnni,
    /// `avx2`: AVX2 and FMA (x86 CPUs since about 2015): `vpmaddwd` on widened bytes.
    Avx2,
    /// `neon-dotprod`: aarch64 NEON with the dot-product extension (Arm Neoverse N1 and later:
    /// AWS Graviton 2-4, Ampere Altra; Apple M1 and later; Cortex-A76 and later): `sdot`.
    NeonDotprod,
    /// `portable`: plain Rust loops, any CPU (slower than the f32 graph).
    Portable,
}

impl Int8Kernel {
    /// Every kernel, fastest first.
    pub const ALL: &'static [Self] =
        &[Self::Amx, Self::Avx512, Self::AvxVnni, Self::Avx2, Self::NeonDotprod, Self::Portable];

    /// The name in `POSTGUARD_ISA` and in [`ModelInfo::precision`](crate::ModelInfo) (after
    /// `int8-`): `amx`, `avx512`, `avxvnni`, `avx2`, `neon-dotprod` or
    /// `portable`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Amx => "amx",
            Self::Avx512 => "avx512",
            Self::AvxVnni => "avxvnni",
            Self::Avx2 => "avx2",
            Self::NeonDotprod => "neon-dotprod",
            Self::Portable => "portable",
        }
    }

    /// Whether this CPU can run the kernel.
    #[must_use]
    pub fn is_supported(self) -> bool {
        match self {
            #[cfg(target_arch = "x86_64")]
            Self::Amx => avx512_detected() && amx::usable(),
            #[cfg(target_arch = "x86_64")]
            Self::Avx512 => avx512_detected(),
            #[cfg(target_arch = "x86_64")]
            Self::AvxVnni => avxvnni_detected(),
            #[cfg(target_arch = "x86_64")]
            Self::Avx2 => avx2_detected(),
            #[cfg(target_arch = "aarch64")]
            Self::NeonDotprod => neon_dotprod_detected(),
            Self::Portable => true,
            _ => false,
        }
    }

    /// The fastest kernel this CPU can run.
    #[must_use]
    pub fn detect() -> Self {
        Isa::detect().0
    }
}

impl std::fmt::Display for Int8Kernel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Int8Kernel {
    type Err = String;

    /// Parses a name of [`Int8Kernel::as_str`].
    fn from_str(name: &str) -> Result<Self, String> {
        Self::ALL.iter().copied().find(|kernel| kernel.as_str() == name).ok_or_else(|| {
            let names = Self::ALL.iter().map(|kernel| kernel.as_str()).collect::<Vec<_>>().join(", ");
            format!("{name:?} is not an int8 kernel ({names})")
        })
    }
}

impl Isa {
    /// The best implementation this CPU supports.
    pub(crate) fn detect() -> Self {
        Self(Int8Kernel::ALL.iter().copied().find(|kernel| kernel.is_supported()).unwrap_or(Int8Kernel::Portable))
    }

    /// The implementation `forced` names, else the one [`ISA_VAR`] names, else
    /// [`Isa::detect`]'s.
    ///
    /// # Errors
    ///
    /// A message naming the variable when its value is not a kernel name, and
    /// one naming the kernel when this CPU cannot run it.
    pub(crate) fn select(forced: Option<Int8Kernel>) -> Result<Self, String> {
        let kernel = match (forced, std::env::var(ISA_VAR)) {
            (Some(kernel), _) => kernel,
            (None, Err(std::env::VarError::NotPresent)) => return Ok(Self::detect()),
            (None, Err(std::env::VarError::NotUnicode(value))) => {
                return Err(format!("{ISA_VAR}={value:?} is not UTF-8"));
            }
            (None, Ok(name)) => name.trim().parse()?,
        };
        Self::new(kernel)
    }

    /// `kernel`, if this CPU can run it.
    fn new(kernel: Int8Kernel) -> Result<Self, String> {
        if kernel.is_supported() {
            Ok(Self(kernel))
        } else {
            let best = Self::detect().name();
            Err(format!("int8 kernel {kernel}: this CPU lacks the instructions it needs (the best here is {best})"))
        }
    }

    /// Whether [`ISA_VAR`] is set (to anything: a wrong value is reported at load).
    pub(crate) fn forced_by_env() -> bool {
        std::env::var_os(ISA_VAR).is_some()
    }

    /// The portable loops, which run on any CPU.
    #[cfg(test)]
    pub(crate) const fn portable() -> Self {
        Self(Int8Kernel::Portable)
    }

    /// Whether this is the portable implementation.
    pub(crate) fn is_portable(self) -> bool {
        self.0 == Int8Kernel::Portable
    }

    /// The kernel's name ([`Int8Kernel::as_str`]).
    pub(crate) fn name(self) -> &'static str {
        self.0.as_str()
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
    assert!(rows.checked_mul(w.k_pad).is_some_and(|len| a.len() >= len), "activation buffer too short");
    assert!(rows.checked_mul(w.n_pad).is_some_and(|len| out.len() >= len), "output buffer too short");
    // SAFETY (each arm): an Isa of that kind is only created after detecting
    // every feature its file's functions are compiled for; the slice lengths
    // were asserted above, and `w`'s padding invariants hold by construction
    // (PackedI8::pack).
    match isa.0 {
        #[cfg(target_arch = "x86_64")]
        Int8Kernel::Amx => unsafe { amx::matmul(a, rows, w, out) },
        #[cfg(target_arch = "x86_64")]
        Int8Kernel::Avx512 => unsafe { avx512::matmul(a, rows, w, out) },
        #[cfg(target_arch = "x86_64")]
        Int8Kernel::AvxVnni => unsafe { avxvnni::matmul(a, rows, w, out) },
        #[cfg(target_arch = "x86_64")]
        Int8Kernel::Avx2 => {
            assert_eq!(w.wide.len(), w.n_pad * w.k_pad, "weights not packed for the AVX2 kernel");
            // SAFETY: as above, and `w.wide` was just checked.
            unsafe { avx2::matmul(a, rows, w, out) }
        }
        #[cfg(target_arch = "aarch64")]
        Int8Kernel::NeonDotprod => unsafe { neon::matmul(a, rows, w, out) },
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
    // SAFETY (each arm): that kind is only created after detecting the
    // features the function is compiled for (AVX-VNNI's list contains AVX2's);
    // the last row read ends at `end`, asserted above to lie inside `data`,
    // and earlier rows end before it.
    match isa.0 {
        #[cfg(target_arch = "x86_64")]
        Int8Kernel::Amx | Int8Kernel::Avx512 => unsafe { avx512::sum16(coef, data.as_ptr(), base, stride) },
        #[cfg(target_arch = "x86_64")]
        Int8Kernel::AvxVnni | Int8Kernel::Avx2 => unsafe { avx2::sum16(coef, data.as_ptr(), base, stride) },
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

/// Work that [`with_simd`] runs compiled for the best instruction set.
pub(crate) trait SimdTask {
    /// What the work returns.
    type Output;
    /// Does the work; implementations mark this `#[inline(always)]` (and so
    /// everything it calls), or it is compiled for the SSE2 baseline.
    fn run(self) -> Self::Output;
}

/// Runs `task` compiled for the instruction set `isa` (AVX512 or AVX2 when the
/// CPU has it): `task.run` and the `#[inline(always)]` helpers it calls are
/// inlined into a `#[target_feature]` function, so their plain loops vectorize
/// with 512-bit (or 256-bit) registers instead of the SSE2 baseline of the
/// build target. (A closure would not do: it is not reliably inlined, and then
/// compiles without the features.)
#[inline(always)]
pub(crate) fn with_simd<T: SimdTask>(isa: Isa, task: T) -> T::Output {
    // SAFETY (each arm): that kind is only created after detecting every
    // feature the trampoline enables (AVX-VNNI's list contains AVX2's).
    match isa.0 {
        #[cfg(target_arch = "x86_64")]
        Int8Kernel::Amx | Int8Kernel::Avx512 => unsafe { avx512::run(task) },
        #[cfg(target_arch = "x86_64")]
        Int8Kernel::AvxVnni | Int8Kernel::Avx2 => unsafe { avx2::run(task) },
        _ => task.run(),
    }
}

#[cfg(test)]
mod tests;
