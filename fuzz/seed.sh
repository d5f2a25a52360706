#!/usr/bin/env bash
# The seed corpus of the decode and validate targets, made at run time and never committed:
# every module of the official test suite (../shared/testsuite/wasm-2.0 and wasm-3.0, when
# there), of the repository's own scripts (testsuite/, tests/binary/) and of the other
# engines' suites it keeps (tests/others/), as .wasm files in
# fuzz/corpus/decode/ and fuzz/corpus/validate/ (git-ignored). The differential target reads
# its input as the choices that make a case (a probe or a wasm-smith module), not as a
# module: it gets random bytes, in
# fuzz/corpus/differential/, so that it starts from modules of some size (libFuzzer alone
# starts from inputs of a few bytes and lengthens them slowly).
#
#   fuzz/seed.sh [SUITE]    SUITE: the folder holding wasm-2.0/ and wasm-3.0/
#                           (default: ../shared/testsuite from the repository root)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
suite="${1:-$root/../shared/testsuite}"

dirs=("$root/testsuite" "$root/tests/binary" "$root/tests/others")
for v in wasm-2.0 wasm-3.0; do
    if [ -d "$suite/$v" ]; then
        dirs+=("$suite/$v")
    else
        echo "seed: no $suite/$v, seeding without it" >&2
    fi
done

# A crate of its own (fuzz/seed/), built without the fuzzer's instrumentation, in the
# git-ignored fuzz/target.
export CARGO_TARGET_DIR="$root/fuzz/target/seed"
cargo build --quiet --release --manifest-path "$root/fuzz/seed/Cargo.toml"
for target in decode validate; do
    "$CARGO_TARGET_DIR/release/lockstep-fuzz-seed" "$root/fuzz/corpus/$target" "${dirs[@]}"
done
"$CARGO_TARGET_DIR/release/lockstep-fuzz-seed" --random "$root/fuzz/corpus/differential"
