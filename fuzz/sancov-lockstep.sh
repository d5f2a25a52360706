#!/usr/bin/env bash
# A rustc wrapper for `cargo fuzz`: SanitizerCoverage for lockstep and the fuzz targets only.
# cargo-fuzz instruments every crate it builds (`-Cpasses=sancov-module` in RUSTFLAGS);
# coverage of wasm-smith, wasmparser, wast and the rest neither guides the fuzzer to
# engine bugs nor comes free: each run pays for their counters, and libFuzzer for the
# features they add. This drops the pass for every other crate (fuzz/README.md, "Run").
#
#   RUSTC_WRAPPER="$PWD/fuzz/sancov-lockstep.sh" cargo fuzz run --target-dir fuzz/target/lockstep ...
#
# Cargo does not rebuild when the wrapper changes, hence a target folder of its own.
set -euo pipefail
rustc="$1"
shift
crate=""
prev=""
for arg in "$@"; do
    [ "$prev" = "--crate-name" ] && crate="$arg"
    prev="$arg"
done
case "$crate" in
    lockstep | decode | validate | differential) exec "$rustc" "$@" ;;
esac
args=()
for arg in "$@"; do
    [ "$arg" = "-Cpasses=sancov-module" ] || args+=("$arg")
done
exec "$rustc" "${args[@]}"
