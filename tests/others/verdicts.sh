#!/usr/bin/env bash
# Writes verdicts.tsv: the official reference interpreter's verdict on every script here.
#
#   tests/others/verdicts.sh path/to/spec/interpreter/wasm
#
# Each line is `ok<TAB>path` or `fail<TAB>path<TAB>the interpreter's first error`. The
# interpreter is built from WebAssembly/spec (README.md here says which commit and how);
# tests/others.rs requires every `ok` script to pass in lockstep and no script to crash it.
set -euo pipefail
wasm=$(realpath "${1:?usage: $0 path/to/spec/interpreter/wasm}")
cd "$(dirname "$0")"
find . -name '*.wast' | sed 's|^\./||' | LC_ALL=C sort | while read -r script; do
  status=0
  error=$(timeout 300 "$wasm" "$script" 2>&1 >/dev/null </dev/null) || status=$?
  if [ "$status" = 0 ]; then
    printf 'ok\t%s\n' "$script"
  else
    # The first line that says what went wrong, without the script's own path in front.
    first=$(printf '%s\n' "$error" | sed '/^$/d' | head -1 | sed -E 's|^[^ ]*\.wast:[0-9.-]+: ||')
    printf 'fail\t%s\t%s\n' "$script" "${first:-exit status $status, no message}"
  fi
done > verdicts.tsv
echo "$(grep -c '^ok' verdicts.tsv) ok, $(grep -c '^fail' verdicts.tsv) failed: verdicts.tsv"
