//! The kernels against the definition and each other, and the safety checks of `mod.rs`.

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
    // Row counts past 16 and k multiples of 64 reach the AMX tiles (with their row tails);
    // k = 100 (k_pad not a multiple of 64) its fallback.
    let shapes = [
        (1, 64, 4),
        (7, 80, 13),
        (13, 130, 384),
        (6, 64, 1536),
        (2, 3, 1),
        (16, 64, 64),
        (37, 130, 384),
        (33, 200, 1536),
        (17, 64, 100),
    ];
    for (rows, n, k) in shapes {
        let w: Vec<i8> = (0..n * k).map(|_| next() as i8).collect();
        let pack = |isa| {
            let packed = PackedI8::pack(&w, n, k, isa);
            assert_eq!((packed.n(), packed.k()), (n, k));
            packed
        };
        let packed = pack(Isa::portable());
        let mut a = vec![0u8; rows * packed.k_pad];
        for m in 0..rows {
            for i in 0..k {
                a[m * packed.k_pad + i] = next() as u8;
            }
        }
        let expected = reference(&a, rows, &w, n, k, packed.k_pad);
        for isa in supported() {
            let packed = pack(isa);
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
        for isa in supported() {
            let got = sum16(isa, &coef, &data, base, stride);
            assert_eq!(portable.map(f32::to_bits), got.map(f32::to_bits), "{isa:?} len {len}");
        }
    }
}

#[test]
#[should_panic(expected = "past the end")]
fn sum16_checks_its_bounds() {
    sum16(Isa::detect(), &[1.0; 3], &[0.0; 40], 0, 16);
}

/// Every `#[target_feature(enable = ..)]` in each implementation's file names only features
/// that detection checks for that implementation, so "detected before called" stays true
/// when someone adds a feature to an attribute.
#[test]
fn every_enabled_feature_is_detected() {
    for (file, source, list, expected) in [
        ("avx512.rs", include_str!("avx512.rs"), AVX512_FEATURES, 4),
        // Inline assembly only; its row tails call avx512.rs, whose features AMX detection requires.
        ("amx.rs", include_str!("amx.rs"), AVX512_FEATURES, 0),
        ("avxvnni.rs", include_str!("avxvnni.rs"), AVXVNNI_FEATURES, 2),
        ("avx2.rs", include_str!("avx2.rs"), AVX2_FEATURES, 5),
        ("neon.rs", include_str!("neon.rs"), NEON_DOTPROD_FEATURES, 3),
        ("mod.rs", include_str!("mod.rs"), &[][..], 0),
    ] {
        let mut seen = 0;
        for attr in source.split(concat!("#[target_feature(", "enable = \"")).skip(1) {
            let features = &attr[..attr.find('"').expect("closing quote")];
            for feature in features.split(',') {
                assert!(list.contains(&feature), "{file}: {feature} is enabled but not detected");
            }
            seen += 1;
        }
        assert_eq!(seen, expected, "{file}: target_feature attributes found");
    }
}

/// Every implementation this CPU can run, the portable one first.
fn supported() -> Vec<Isa> {
    Int8Kernel::ALL.iter().rev().copied().filter(|kernel| kernel.is_supported()).map(Isa).collect()
}

#[test]
fn names_select_and_refuse() {
    for isa in supported() {
        assert_eq!(isa.name().parse::<Int8Kernel>().map(Isa::new), Ok(Ok(isa)));
        assert_eq!(Isa::select(Some(isa.0)), Ok(isa));
    }
    assert_eq!(Isa::detect(), supported().pop().unwrap());
    let err = "avx-512".parse::<Int8Kernel>().unwrap_err();
    assert!(err.contains("\"avx-512\"") && err.contains("amx, avx512, avxvnni, avx2, neon-dotprod, portable"), "{err}");
    for kernel in Int8Kernel::ALL.iter().copied().filter(|kernel| !kernel.is_supported()) {
        let err = Isa::select(Some(kernel)).unwrap_err();
        assert!(err.contains("lacks the instructions"), "{err}");
    }
}
