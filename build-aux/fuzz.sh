#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer harnesses of tests/fuzz with clang and runs each for SECONDS
# (default 60) on a copy of its seed corpus, then reports coverage, speed and crashes.
# Usage: build-aux/fuzz.sh [SECONDS] [HARNESS...]     (HARNESS: e.g. fuzz-timers; default all)
# Environment: BUILD (default _build-fuzz), FUZZ_OUT (default $BUILD/fuzz-runs), FUZZ_FORK
# (parallel fuzzing processes per harness, default 1).
# Runs use libFuzzer's fork mode with -ignore_crashes=1, so one known crash does not stop
# the search; every crash is kept under FUZZ_OUT/<harness>/crashes/ and replayed once at
# the end to print what it is.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
shift || true
case "$seconds" in
  ''|*[!0-9]*) echo "usage: $0 [SECONDS] [HARNESS...]" >&2; exit 2 ;;
esac
all=(fuzz-envelope fuzz-device fuzz-timers fuzz-tokens fuzz-sim-request fuzz-sim-device)
harnesses=("$@")
[ ${#harnesses[@]} -eq 0 ] && harnesses=("${all[@]}")

# clang and its runtime (libFuzzer, ASan, UBSan); apt only for what is missing.
build-aux/install-deps.sh --fuzz

BUILD=${BUILD:-_build-fuzz}
OUT=${FUZZ_OUT:-$BUILD/fuzz-runs}
FORK=${FUZZ_FORK:-1}
if [ ! -f "$BUILD/build.ninja" ]; then
  CC=clang meson setup "$BUILD" -Dfuzzing=true -Db_lundef=false -Dui=false
fi
targets=()
for h in "${harnesses[@]}"; do targets+=("tests/fuzz/$h"); done
ninja -C "$BUILD" "${targets[@]}"

# Leaks are checked by the corpus replay (meson test --suite fuzz); in fork mode LeakSanitizer's
# exit-time check of the job processes reports leaks no input reproduces.
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export G_DEBUG=fatal-criticals G_SLICE=always-malloc GIO_USE_PROXY_RESOLVER=dummy LANG=C.UTF-8

# The first line that says what went wrong in a crash's replay.
describe_crash () {
  "$1" "$2" 2>&1 | grep -m1 -E 'CRITICAL|ERROR: (AddressSanitizer|LeakSanitizer)|runtime error|round trip|not stable|fuzz_fail|^[a-z].*(without|refus|changed|does not)' \
    | sed -E 's/^\(process:[0-9]+\): //; s/[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]+: //; s/==[0-9]+==/==/' | cut -c1-100 || true
}

summary=()
found=0
for h in "${harnesses[@]}"; do
  dir="$OUT/$h"
  mkdir -p "$dir/corpus" "$dir/crashes"
  cp -n "tests/fuzz/corpus/$h/"* "$dir/corpus/" 2>/dev/null || true
  echo "== $h: ${seconds}s"
  "$BUILD/tests/fuzz/$h" -fork="$FORK" -ignore_crashes=1 -detect_leaks=0 -max_total_time="$seconds" -timeout=10 \
    -artifact_prefix="$dir/crashes/" "$dir/corpus" > "$dir/log" 2>&1 || true
  last=$(grep -E '^#[0-9]+.*cov: ' "$dir/log" | tail -n 1 || true)
  summary+=("$h: ${last:-no progress line, see $dir/log}")
  shopt -s nullglob
  crashes=()
  for c in "$dir/crashes/"crash-* "$dir/crashes/"leak-* "$dir/crashes/"timeout-* "$dir/crashes/"oom-*; do
    [ -s "$c" ] && crashes+=("$c")   # an empty file: a job died with no input to blame
  done
  shopt -u nullglob
  if [ ${#crashes[@]} -gt 0 ]; then
    found=1
    summary+=("  ${#crashes[@]} crash input(s) in $dir/crashes:")
    while IFS= read -r line; do summary+=("    $line"); done < <(
      for c in "${crashes[@]}"; do describe_crash "$BUILD/tests/fuzz/$h" "$c"; done | sort | uniq -c)
  fi
done

echo
echo "== Summary (last libFuzzer status line per harness)"
printf '%s\n' "${summary[@]}"
exit $found
