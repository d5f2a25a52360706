#!/usr/bin/env bash
# The mutant hunt: proof that the referee finds compiler bugs. For each bug planted in the
# compiler (src/jit/mutants.rs, compiled in by the cargo feature `mutants`), run the
# `differential` fuzz target with LOCKSTEP_MUTANT=NAME until it finds a divergence, within
# SECONDS each; then write the shrunk report of the artifact (`lockstep report --shrink`) and
# check that the FIRST rule at issue is the rule the bug breaks (and, for a numeric bug, that
# the next is the numeric function it computes wrongly), one that `lockstep rules` knows; and
# that the .wast reproducer fails under the mutated compiler and passes under the reference.
#
#   fuzz/mutants.sh [SECONDS] [NAME...]      (default: 120 s, every mutant)
#
# Reports go to fuzz/artifacts/mutants/NAME/report.md, reproducers to .../repro.wast; with
# EXAMPLES=DIR set, both are copied to DIR/NAME.md and DIR/NAME.wast (fuzz/examples/ holds
# the checked-in ones). Exits non-zero if a mutant survives or its report is wrong.
set -euo pipefail
cd "$(dirname "$0")/.."

secs=${1:-120}
shift || true

# A memory access's rules: a scalar or vector load or store, in bounds or not.
access="Step_read/load-num-val Step_read/load-pack-val Step/store-num-val Step/store-pack-val
    Step_read/load-num-oob Step_read/load-pack-oob Step/store-num-oob Step/store-pack-oob
    Step_read/vload-val Step_read/vload-pack-val Step_read/vload-splat-val Step_read/vload-zero-val
    Step_read/vload_lane-val Step/vstore-val Step/vstore_lane-val
    Step_read/vload-oob Step_read/vload-pack-oob Step_read/vload-splat-oob Step_read/vload-zero-oob
    Step_read/vload_lane-oob Step/vstore-oob Step/vstore_lane-oob"

# Each mutant, the rule at issue a report on it must lead with (any one of them: the rule of
# the reference's step that the compiler does not reproduce), and the numeric function of
# spec 4.3 that must follow it, if any. (src/jit/mutants.rs has the rules too.)
declare -A rules=(
    [rem_s_sign]="Step_pure/binop-val"
    [bounds_off_by_one]="$access"
    [br_table_default]="Step_pure/br_table-ge"
    [fmin_minss]="Step_pure/binop-val"
    [shr_u_mask31]="Step_pure/binop-val"
    [call_indirect_no_type_check]="Step_read/ref.cast-fail"
    [shuffle_lane_order]="Step_pure/vshuffle"
    [q15mulr_wraps]="Step_pure/vbinop-val"
    [fmin_minps]="Step_pure/vbinop-val"
    [trunc_sat_u_zero_bound]="Step_pure/vcvtop"
    [mem1_bound_of_mem0]="$access"
)
declare -A numeric=(
    [rem_s_sign]="op-irem"
    [fmin_minss]="op-fmin"
    [shr_u_mask31]="op-ishr"
)
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
    names=(rem_s_sign bounds_off_by_one br_table_default fmin_minss shr_u_mask31 call_indirect_no_type_check
        mem1_bound_of_mem0 shuffle_lane_order q15mulr_wraps fmin_minps trunc_sat_u_zero_bound)
fi

cargo build --release --features mutants --bin lockstep
# Built as fuzz/README.md runs a campaign: without comparison tracing and with coverage of
# lockstep alone (fuzz/sancov-lockstep.sh), several times the executions per second; the
# target needs no hints from comparisons or from wasm-smith's coverage to reach these bugs.
export RUSTC_WRAPPER="$PWD/fuzz/sancov-lockstep.sh"
flags=(--sanitizer none --no-trace-compares --target-dir fuzz/target/lockstep --features mutants)
cargo fuzz build "${flags[@]}" differential
lockstep=target/release/lockstep

survived=()
for name in "${names[@]}"; do
    [ -n "${rules[$name]:-}" ] || { echo "no mutant $name" >&2; exit 2; }
    out=fuzz/artifacts/mutants/$name
    rm -rf "$out" "fuzz/corpus/mutant-$name"
    mkdir -p "$out" "fuzz/corpus/mutant-$name"
    # Start from the unmutated build's corpus (fuzz/seed.sh's seeds, and what runs added).
    if [ -d fuzz/corpus/differential ]; then
        find fuzz/corpus/differential -maxdepth 1 -type f -exec cp -t "fuzz/corpus/mutant-$name" {} +
    fi
    start=$(date +%s)
    # libFuzzer stops at the first crash (a divergence panics) and exits non-zero.
    LOCKSTEP_MUTANT=$name cargo fuzz run "${flags[@]}" differential "fuzz/corpus/mutant-$name" -- \
        -max_total_time="$secs" -len_control=0 -max_len=4096 -artifact_prefix="$out/" \
        >"$out/fuzz.log" 2>&1 || true
    took=$(( $(date +%s) - start ))
    artifact=$(ls "$out"/crash-* 2>/dev/null | head -1 || true)
    if [ -z "$artifact" ]; then
        echo "$name: SURVIVED ${secs}s of fuzzing (log: $out/fuzz.log)"
        survived+=("$name")
        continue
    fi
    if ! LOCKSTEP_MUTANT=$name $lockstep report "$artifact" --shrink --time 60 --out "$out/report.md" \
        --wast "$out/repro.wast" 2>"$out/shrink.log"; then
        echo "$name: found in ${took}s, but no report was written (log: $out/shrink.log)"
        survived+=("$name")
        continue
    fi
    # The rules the report names in its "Rules at issue" section, in order.
    named=$(sed -n '/^## Rules at issue/,/^## /p' "$out/report.md" | { grep -o '^- \[`[^`]*`' || true; } | sed 's/^- \[`//; s/`$//')
    first=$(head -1 <<<"$named")
    second=$(sed -n 2p <<<"$named")
    found=""
    for rule in ${rules[$name]}; do
        if [ "$first" = "$rule" ] && $lockstep rules "$rule" >/dev/null; then
            found=$rule
        fi
    done
    size=$(grep -m1 -o '^[0-9]* bytes, [0-9]* function(s), [0-9]* instruction(s)' "$out/report.md" || true)
    if [ -z "$found" ]; then
        echo "$name: found in ${took}s, but the report leads with ${first:-no rule}, not one of: ${rules[$name]} (report: $out/report.md)"
        survived+=("$name")
        continue
    fi
    if [ -n "${numeric[$name]:-}" ] && [ "$second" != "${numeric[$name]}" ]; then
        echo "$name: found in ${took}s, but the report's numeric function is ${second:-none}, not ${numeric[$name]} (report: $out/report.md)"
        survived+=("$name")
        continue
    fi
    # The reproducer: the mutated compiler fails it, the reference passes it.
    if LOCKSTEP_MUTANT=$name $lockstep wast --engine jit "$out/repro.wast" >"$out/repro-jit.log" 2>&1; then
        echo "$name: found in ${took}s, but the mutated compiler passes the reproducer $out/repro.wast"
        survived+=("$name")
        continue
    fi
    if ! $lockstep wast --engine ref "$out/repro.wast" >"$out/repro-ref.log" 2>&1; then
        echo "$name: found in ${took}s, but the reference fails the reproducer $out/repro.wast"
        survived+=("$name")
        continue
    fi
    if [ -n "${EXAMPLES:-}" ]; then
        mkdir -p "$EXAMPLES"
        cp "$out/report.md" "$EXAMPLES/$name.md"
        cp "$out/repro.wast" "$EXAMPLES/$name.wast"
    fi
    echo "$name: found in ${took}s; shrunk to $size; the report leads with $found${second:+, $second}; the reproducer fails under the mutant, passes under the reference; $out/report.md"
done

if [ ${#survived[@]} -gt 0 ]; then
    echo "mutants not caught: ${survived[*]}" >&2
    exit 1
fi
echo "every mutant caught"
