#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what is missing, builds Relay and starts it on the embedded simulated cloud.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=${BUILD:-_build}
build-aux/install-deps.sh
[ -d "$BUILD" ] || meson setup "$BUILD" ${MESON_ARGS:-}
meson compile -C "$BUILD"

# The schema is compiled into the build directory; the demo never writes the user's settings.
export GSETTINGS_SCHEMA_DIR="$PWD/$BUILD/data"
exec "$BUILD/src/ui/relay" --demo "$@"
