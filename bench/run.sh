#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds Relay and runs every benchmark of bench/ (meson's benchmark() targets) headless:
# Xvfb, a private D-Bus session and a throw-away HOME; then prints one summary table.
# BUILD (default _build-bench) and MESON_ARGS select the build directory and its options.
# Extra arguments go to `meson test --benchmark`, e.g. `bench/run.sh latency list`.
set -euo pipefail
cd "$(dirname "$0")/.."
top=$PWD

BUILD=${BUILD:-_build-bench}
build-aux/install-deps.sh --tests
[ -d "$BUILD" ] || meson setup "$BUILD" ${MESON_ARGS:-}
meson compile -C "$BUILD"

# The ewelink-api peer, by the lock file of tests/peer (as build-aux/run-tests.sh installs it).
if [ ! -f "$BUILD/peer/node_modules/ewelink-api/package.json" ]; then
  mkdir -p "$BUILD/peer"
  cp tests/peer/package.json tests/peer/package-lock.json "$BUILD/peer/"
  (cd "$BUILD/peer" && npm ci --no-audit --no-fund --loglevel=error)
fi

T=$(mktemp -d /tmp/relay-bench.XXXXXX)
trap 'rm -rf "$T"' EXIT
export HOME=$T/home XDG_CONFIG_HOME=$T/home/.config XDG_DATA_HOME=$T/home/.local/share \
       XDG_CACHE_HOME=$T/home/.cache XDG_RUNTIME_DIR=$T/run
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS

export RELAY_BENCH_BUILD="$top/$BUILD"
rc=0
xvfb-run -a -s '-screen 0 1280x800x24' \
  dbus-run-session -- \
  meson test -C "$RELAY_BENCH_BUILD" --benchmark --suite bench --num-processes 1 --print-errorlogs "$@" \
  || rc=$?
python3 bench/summary.py "$BUILD/meson-logs/testlog.json"
exit $rc
