#!/usr/bin/env bash
# The reference beside the official OCaml interpreter, in one run: CPU time (user + sys) of
# each workload under both, the best of RUNS, as a markdown table for BENCHMARKS.md.
#
#   benches/ocaml.sh path/to/spec/interpreter/wasm [RUNS]
#
# Kernels run through `lockstep run`; the interpreter asserts lockstep's result, so both
# compute the same value. Suites run one process per script under both (the interpreter
# cannot run several scripts in one process), and lockstep also in one process.
set -euo pipefail
wasm=$(realpath "${1:?usage: $0 path/to/spec/interpreter/wasm [RUNS]}")
runs=${2:-3}
cd "$(dirname "$0")/.."
cargo build --release --quiet -p lockstep
lockstep=$PWD/target/release/lockstep
suites=../shared/testsuite
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The best CPU time of `runs` runs of a command, in seconds.
best() {
  local best=
  for _ in $(seq "$runs"); do
    local t
    /usr/bin/time -o "$work/time" -f '%U %S' "$@" >/dev/null 2>&1
    t=$(awk '{ print $1 + $2 }' "$work/time")
    best=$(awk -v a="$t" -v b="${best:-$t}" 'BEGIN { print (a < b ? a : b) }')
  done
  printf '%.2f\n' "$best"
}

row() { # workload, lockstep seconds, OCaml seconds
  echo "| $1 | $2 s | $3 s | $(awk -v a="$2" -v b="$3" 'BEGIN { printf "%.1f×", b / a }') |"
}

# A kernel: lockstep's result, then the interpreter asserts it on the same module.
kernel() { # name, file, export, i32 arguments...
  local name=$1 file=$2 export=$3
  shift 3
  local args=() consts=
  for n in "$@"; do args+=("i32:$n"); consts+=" (i32.const $n)"; done
  local result
  result=$("$lockstep" run "$file" --invoke "$export" "${args[@]}")
  { cat "$file"; echo "(assert_return (invoke \"$export\"$consts) (i32.const ${result#i32:}))"; } > "$work/$export.wast"
  "$wasm" "$work/$export.wast" || { echo "the interpreter disagrees on $name" >&2; exit 1; }
  row "$name" "$(best "$lockstep" run "$file" --invoke "$export" "${args[@]}")" "$(best "$wasm" "$work/$export.wast")"
}

# A suite, one process per script under both; the interpreter must pass every script.
suite() { # name, folder, lockstep's --spec
  local name=$1 folder=$2 spec=$3 scripts
  scripts=$(find "$folder" -name '*.wast' | LC_ALL=C sort)
  for s in $scripts; do "$wasm" "$s" >/dev/null || { echo "the interpreter fails $s" >&2; exit 1; }; done
  printf '%s\n' "$scripts" > "$work/scripts"
  local each="while read -r s; do \"\$0\" \"\$@\" \"\$s\" || exit 1; done < $work/scripts"
  row "$name, a process per script ($(wc -l < "$work/scripts") scripts)" \
    "$(best bash -c "$each" "$lockstep" wast --spec "$spec" --engine ref)" \
    "$(best bash -c "$each" "$wasm")"
  echo "| $name, lockstep in one process | $(best "$lockstep" wast --spec "$spec" --engine ref "$folder") s | — | — |"
}

echo "| workload | lockstep \`--engine ref\`, CPU | OCaml interpreter, CPU | speed-up |"
echo "|---|---|---|---|"
kernel "fib(27)" benches/kernels/fib.wat fib 27
kernel "loop, 10^7 iterations" benches/kernels/loop.wat loop 10000000
kernel "memory sieve(10^6)" benches/kernels/memory.wat sieve 1000000
kernel "calls(10^6)" benches/kernels/calls.wat calls 1000000
kernel "binary trees, trees(100, 14)" benches/kernels/trees.wat trees 100 14
kernel "gc(10^6)" benches/kernels/gc.wat gc 1000000
suite "Wasm 3.0 suite" "$suites/wasm-3.0" 3.0
