#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds Relay and runs the whole test suite headless:
# Xvfb, a private D-Bus session, an unlocked gnome-keyring and a throw-away HOME.
# Extra arguments go to `meson test` (e.g. --suite unit).
# BUILD (default _build-tests) and MESON_ARGS select the build directory and its options.
set -euo pipefail
cd "$(dirname "$0")/.."
top=$PWD

BUILD=${BUILD:-_build-tests}
build-aux/install-deps.sh --tests
[ -d "$BUILD" ] || meson setup "$BUILD" ${MESON_ARGS:-}
meson compile -C "$BUILD"

# The independent ewelink-api client for the peer tests, from the npm registry, by the lock file.
if [ ! -f "$BUILD/peer/node_modules/ewelink-api/package.json" ]; then
  mkdir -p "$BUILD/peer"
  cp tests/peer/package.json tests/peer/package-lock.json "$BUILD/peer/"
  (cd "$BUILD/peer" && npm ci --no-audit --no-fund --loglevel=error)
fi

T=$(mktemp -d /tmp/relay-tests.XXXXXX)
trap 'rm -rf "$T"' EXIT
export HOME=$T/home XDG_CONFIG_HOME=$T/home/.config XDG_DATA_HOME=$T/home/.local/share \
       XDG_CACHE_HOME=$T/home/.cache XDG_RUNTIME_DIR=$T/run
mkdir -p "$HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
export LANG=C.UTF-8 NO_AT_BRIDGE=1 GTK_A11Y=none GSETTINGS_BACKEND=memory
export GSK_RENDERER=cairo GDK_DEBUG=gl-disable GIO_USE_PROXY_RESOLVER=dummy
unset DISPLAY WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS

export RELAY_TEST_BUILD="$top/$BUILD"
rc=0
xvfb-run -a -s '-screen 0 1280x800x24' \
  dbus-run-session -- bash -c '
    set -e
    echo -n relay-test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    meson test -C "$RELAY_TEST_BUILD" --print-errorlogs "$@"
  ' relay-tests "$@" || rc=$?
python3 build-aux/test-summary.py "$BUILD/meson-logs/testlog.json"
exit $rc
