#!/usr/bin/env bash
# aarch64 (issue 29): the library and the Python wheel cross-compile for aarch64-unknown-linux-gnu,
# and the int8 kernel and model tests run under emulation (qemu-user, `-cpu max`: NEON with the
# dot-product extension), so the NEON kernel is checked for correctness on an x86 machine. Speed
# cannot be measured this way; nothing here times anything.
#
#   bash tests/aarch64.sh
#
# Needs the Rust target, a cross C compiler (the tokenizers crate builds C code) and qemu-user:
#   rustup target add aarch64-unknown-linux-gnu
#   apt-get install -y gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user
# (.ci/run installs them). Called by tests/run.sh; POSTGUARD_SKIP_AARCH64=1 there skips it knowingly.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

TARGET=aarch64-unknown-linux-gnu
missing=()
rustup target list --installed 2>/dev/null | grep -x "$TARGET" >/dev/null || missing+=("rustup target add $TARGET")
command -v aarch64-linux-gnu-gcc >/dev/null 2>&1 || missing+=("apt-get install -y gcc-aarch64-linux-gnu libc6-dev-arm64-cross")
command -v qemu-aarch64 >/dev/null 2>&1 || missing+=("apt-get install -y qemu-user")
if [ ${#missing[@]} -gt 0 ]; then
    echo "tests/aarch64.sh: the aarch64 cross-build and emulated tests need what is missing here; install it with" >&2
    for m in "${missing[@]}"; do echo "    $m" >&2; done
    exit 1
fi

export CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_LINKER=aarch64-linux-gnu-gcc
export CC_aarch64_unknown_linux_gnu=aarch64-linux-gnu-gcc
export CXX_aarch64_unknown_linux_gnu=aarch64-linux-gnu-g++
export AR_aarch64_unknown_linux_gnu=aarch64-linux-gnu-ar
# -cpu max: every extension qemu emulates, dotprod among them (the NEON kernel is then the one
# Int8Kernel::detect picks, and the portable one is compared against it).
export CARGO_TARGET_AARCH64_UNKNOWN_LINUX_GNU_RUNNER="qemu-aarch64 -L /usr/aarch64-linux-gnu -cpu max"

echo "-- kernel and int8-model unit tests (every kernel against the definition; int8 against f32)"
cargo test -p postguard --target "$TARGET" --lib -- model::fast

echo "-- the bundled model: every int8 kernel (neon-dotprod, portable) scores bit-identically"
POSTGUARD_KERNEL_TEST_POSTS="${POSTGUARD_KERNEL_TEST_POSTS:-24}" \
    cargo test -p postguard --target "$TARGET" --test int8_accuracy every_int8_kernel -- --nocapture

echo "-- the Python wheel cross-compiles (abi3, manylinux aarch64)"
MATURIN="${MATURIN:-python/.venv/bin/maturin}"
if [ ! -x "$MATURIN" ]; then
    python3 -m venv python/.venv-aarch64
    python/.venv-aarch64/bin/python -m pip install -q "maturin>=1.7,<2"
    MATURIN=python/.venv-aarch64/bin/maturin
fi
wheels="$(mktemp -d)"
trap 'rm -rf "$wheels"' EXIT
# The dev profile (dependencies optimised, as for the tests above) reuses the test build; the
# release profile of pyproject.toml would rebuild everything with LTO for a check of the build.
"$MATURIN" build --manifest-path python/Cargo.toml --target "$TARGET" --profile dev --out "$wheels" --quiet
python3 - "$wheels" <<'EOF'
import pathlib, sys, zipfile
wheels = list(pathlib.Path(sys.argv[1]).glob("*.whl"))
assert len(wheels) == 1, f"expected one wheel, found {wheels}"
wheel = wheels[0]
assert "aarch64" in wheel.name, f"{wheel.name} is not tagged aarch64"
with zipfile.ZipFile(wheel) as z:
    libs = [n for n in z.namelist() if n.endswith(".so")]
    assert libs, f"{wheel.name} holds no extension module"
    for name in libs:
        header = z.open(name).read(20)
        # ELF e_machine (little-endian u16 at offset 18): 183 is AArch64.
        machine = int.from_bytes(header[18:20], "little")
        assert header[:4] == b"\x7fELF" and machine == 183, f"{name}: ELF machine {machine}, not AArch64 (183)"
print(f"{wheel.name}: {', '.join(libs)} are AArch64 ELF")
EOF
echo "tests/aarch64.sh: passed"
