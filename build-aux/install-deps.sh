#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what Relay needs to build, run and test on Debian 12, skipping what is there.
# Usage: build-aux/install-deps.sh [--tests] [--fuzz]
#   --tests adds the headless test tools and node/npm; --fuzz adds clang and its libFuzzer runtime.
set -euo pipefail

packages=(
  build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-bin libglib2.0-dev-bin glib-networking
  libgtk-4-dev libadwaita-1-dev libsoup-3.0-dev libjson-glib-dev libsecret-1-dev
  desktop-file-utils appstream librsvg2-common adwaita-icon-theme fonts-dejavu-core
  ca-certificates
)
for option in "$@"; do
  case "$option" in
    --tests) packages+=(xvfb xauth dbus-daemon gnome-keyring libsecret-tools openssl nodejs npm) ;;
    --fuzz) packages+=(clang libclang-rt-14-dev) ;;
    *) echo "usage: $0 [--tests] [--fuzz]" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  # nodejs/npm may come from elsewhere than Debian: a working binary is enough.
  case "$p" in
    nodejs) command -v node >/dev/null 2>&1 && continue ;;
    npm) command -v npm >/dev/null 2>&1 && continue ;;
  esac
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
