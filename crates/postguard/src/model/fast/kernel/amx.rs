//! AMX (Intel Xeon from Sapphire Rapids): `tdpbusd`, a 16 x 16 block of i32
//! sums from a 16 x 64 tile of unsigned activation bytes and a 16 x 64 tile of
//! signed weight bytes, 16,384 multiply-adds per instruction. The packed
//! layout is already AMX's B-tile layout: a block's 16 consecutive groups of 4
//! k are 16 rows of 64 bytes (16 columns x 4 k), so a tile loads straight from
//! it with a row stride of 64.
//!
//! Rust has no stable AMX intrinsics or target features yet, so the tile code
//! is inline assembly, and detection is by hand (CPUID, XCR0, and Linux's
//! per-process permission for the tile data). Row tails (fewer than 16 rows
//! left, e.g. the last layer's single `[CLS]` row) and weights whose `k_pad` is
//! not a multiple of 64 go to the AVX512-VNNI kernel, which AMX CPUs have and
//! which detection requires: sums are exact in both, so the results are the
//! same bits.

use std::arch::asm;
use std::sync::OnceLock;

use super::{BLOCKS, LANES, PackedI8, avx512};

/// Rows of an A tile (tokens per tile).
const TILE_ROWS: usize = 16;
/// Bytes of k per A tile row (16 groups of 4).
const TILE_K: usize = 64;

/// The 64-byte operand of `ldtilecfg`: palette 1, then per tile its bytes per row and rows.
#[repr(C, align(64))]
struct TileConfig {
    palette: u8,
    start_row: u8,
    reserved: [u8; 14],
    colsb: [u16; 16],
    rows: [u8; 16],
}

/// Whether this CPU and OS let this process use AMX-INT8: CPUID says AMX-TILE and AMX-INT8,
/// the OS enabled the tile state in XCR0, and Linux granted the permission for the tile data
/// (asked once per process, on first call).
pub(super) fn usable() -> bool {
    static USABLE: OnceLock<bool> = OnceLock::new();
    *USABLE.get_or_init(|| cpu_has_amx_int8() && os_enabled_tiles() && request_permission())
}

fn cpu_has_amx_int8() -> bool {
    use std::arch::x86_64::__cpuid_count;
    // Leaf 7 must exist before it is read.
    if __cpuid_count(0, 0).eax < 7 {
        return false;
    }
    let edx = __cpuid_count(7, 0).edx;
    // EDX bit 24: AMX-TILE; bit 25: AMX-INT8.
    edx & (1 << 24) != 0 && edx & (1 << 25) != 0
}

fn os_enabled_tiles() -> bool {
    use std::arch::x86_64::__cpuid_count;
    // CPUID.1:ECX bit 27 (OSXSAVE): xgetbv is available.
    if __cpuid_count(1, 0).ecx & (1 << 27) == 0 {
        return false;
    }
    let (lo, _hi): (u32, u32);
    // SAFETY: xgetbv with ECX = 0 reads XCR0; OSXSAVE, checked above, makes it legal.
    unsafe { asm!("xgetbv", in("ecx") 0u32, out("eax") lo, out("edx") _hi, options(nomem, nostack, preserves_flags)) };
    // XCR0 bit 17: XTILECFG; bit 18: XTILEDATA.
    lo & (1 << 17) != 0 && lo & (1 << 18) != 0
}

#[cfg(target_os = "linux")]
fn request_permission() -> bool {
    const SYS_ARCH_PRCTL: u64 = 158;
    const ARCH_REQ_XCOMP_PERM: u64 = 0x1023;
    const XFEATURE_XTILEDATA: u64 = 18;
    let ret: i64;
    // SAFETY: arch_prctl(ARCH_REQ_XCOMP_PERM, XFEATURE_XTILEDATA) only asks the kernel to let
    // this process use the AMX tile data; the syscall clobbers rcx and r11, declared here.
    unsafe {
        asm!(
            "syscall",
            inlateout("rax") SYS_ARCH_PRCTL => ret,
            in("rdi") ARCH_REQ_XCOMP_PERM,
            in("rsi") XFEATURE_XTILEDATA,
            lateout("rcx") _,
            lateout("r11") _,
            options(nostack)
        );
    }
    ret == 0
}

#[cfg(not(target_os = "linux"))]
fn request_permission() -> bool {
    // Other systems need their own permission request; until one is written, no AMX there.
    false
}

/// # Safety
///
/// [`usable`] returned true and the CPU supports the AVX512 kernel's features;
/// `a.len() >= rows * w.k_pad` and `out.len() >= rows * w.n_pad`.
pub(super) unsafe fn matmul(a: &[u8], rows: usize, w: &PackedI8, out: &mut [i32]) {
    let tiled_rows = if w.k_pad >= TILE_K && w.k_pad.is_multiple_of(TILE_K) { rows / TILE_ROWS * TILE_ROWS } else { 0 };
    if tiled_rows > 0 {
        let mut config = TileConfig { palette: 1, start_row: 0, reserved: [0; 14], colsb: [0; 16], rows: [0; 16] };
        // tmm0-3: C (16 x 16 i32), tmm4: A (16 x 64 bytes), tmm5-7: B (16 x 64 bytes).
        for tile in 0..8 {
            config.colsb[tile] = 64;
            config.rows[tile] = 16;
        }
        let steps = w.k_pad / TILE_K;
        let block_len = (w.k_pad / 4) * LANES * 4;
        // SAFETY: the configuration is a valid palette-1 layout; AMX is usable (contract).
        unsafe { asm!("ldtilecfg [{}]", in(reg) &raw const config, options(nostack, preserves_flags)) };
        // Column panels (4 blocks, 64 columns) outer, row tiles inner: the panel's weights
        // (k_pad * 64 bytes) stay in L2 while every row tile streams past them.
        for panel in 0..w.n_pad / (LANES * BLOCKS) {
            for m in (0..tiled_rows).step_by(TILE_ROWS) {
                // SAFETY: panel < n_pad / 64, so its 4 blocks (block_len bytes each, read in
                // `steps` steps of 16 rows x 64 bytes) lie inside w.data; m + 16 <= rows, so the
                // A tile's 16 rows (k_pad bytes apart, read 64 bytes per step) lie inside `a`
                // and the C tiles' 16 rows (n_pad i32 apart, 64 i32 from this panel's first
                // column) inside `out`, whose lengths the caller checked.
                unsafe {
                    let b = w.data.as_ptr().add(panel * BLOCKS * block_len);
                    tile_kernel(
                        a.as_ptr().add(m * w.k_pad),
                        w.k_pad,
                        [b, b.add(block_len), b.add(2 * block_len), b.add(3 * block_len)],
                        steps,
                        out.as_mut_ptr().add(m * w.n_pad + panel * LANES * BLOCKS),
                        w.n_pad * 4,
                    );
                }
            }
        }
        // SAFETY: releases the tile state configured above.
        unsafe { asm!("tilerelease", options(nostack, preserves_flags)) };
    }
    if tiled_rows < rows {
        // SAFETY: the contract includes the AVX512 kernel's; the sub-slices keep its length
        // conditions for the remaining rows.
        unsafe { avx512::matmul(&a[tiled_rows * w.k_pad..], rows - tiled_rows, w, &mut out[tiled_rows * w.n_pad..]) };
    }
}

/// 16 rows x 64 columns over `steps` steps of 64 k: C tiles zeroed, then per step one A tile
/// and four B tiles, four `tdpbusd`; the C tiles stored to `out`.
///
/// # Safety
///
/// Tiles configured as in [`matmul`]; `a` points at 16 rows of `lda` bytes with `64 * steps`
/// readable each; each `b[i]` at `steps * 1024` readable bytes; `out` at 16 rows of `ldc_bytes`
/// with 256 writable bytes each.
unsafe fn tile_kernel(a: *const u8, lda: usize, b: [*const i8; 4], steps: usize, out: *mut i32, ldc_bytes: usize) {
    // SAFETY: by the contract, every tile load reads inside the operands and the stores write
    // inside `out`; the loop runs `steps` >= 1 times.
    unsafe {
        asm!(
            "tilezero tmm0",
            "tilezero tmm1",
            "tilezero tmm2",
            "tilezero tmm3",
            "2:",
            "tileloadd tmm4, [{a} + {lda}*1]",
            "tileloadd tmm5, [{b0} + {ldb}*1]",
            "tileloadd tmm6, [{b1} + {ldb}*1]",
            "tdpbusd tmm0, tmm4, tmm5",
            "tileloadd tmm7, [{b2} + {ldb}*1]",
            "tdpbusd tmm1, tmm4, tmm6",
            "tileloadd tmm5, [{b3} + {ldb}*1]",
            "tdpbusd tmm2, tmm4, tmm7",
            "tdpbusd tmm3, tmm4, tmm5",
            "add {a}, 64",
            "add {b0}, 1024",
            "add {b1}, 1024",
            "add {b2}, 1024",
            "add {b3}, 1024",
            "dec {n}",
            "jnz 2b",
            "tilestored [{c} + {ldc}*1], tmm0",
            "add {c}, 64",
            "tilestored [{c} + {ldc}*1], tmm1",
            "add {c}, 64",
            "tilestored [{c} + {ldc}*1], tmm2",
            "add {c}, 64",
            "tilestored [{c} + {ldc}*1], tmm3",
            a = inout(reg) a => _,
            lda = in(reg) lda,
            b0 = inout(reg) b[0] => _,
            b1 = inout(reg) b[1] => _,
            b2 = inout(reg) b[2] => _,
            b3 = inout(reg) b[3] => _,
            ldb = in(reg) 64usize,
            n = inout(reg) steps => _,
            c = inout(reg) out => _,
            ldc = in(reg) ldc_bytes,
            options(nostack)
        );
    }
}
