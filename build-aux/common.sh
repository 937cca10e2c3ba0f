# SPDX-License-Identifier: GPL-3.0-or-later
# Shared by build-aux/run and build-aux/test: install what is missing, then
# configure and build _build. Sourced, not executed.

set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
build="$top/_build"

# Debian 12 / Ubuntu package names. Keep in sync with README.md.
packages="build-essential meson ninja-build pkg-config gettext
  libglib2.0-dev libgtk-4-dev libadwaita-1-dev libjson-glib-dev
  libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev libportal-dev libportal-gtk4-dev
  gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad
  gstreamer1.0-plugins-ugly gstreamer1.0-libav gstreamer1.0-tools gstreamer1.0-pipewire
  librsvg2-common desktop-file-utils appstream flatpak-builder xvfb xauth dbus-daemon"

say () { printf '\033[1m==> %s\033[0m\n' "$*"; }

install_packages () {
  if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    say "This is not a Debian or Ubuntu system. Install these packages (or your system's equivalents) and run again:"
    echo $packages
    exit 1
  fi

  missing=""
  for p in $packages $extra_packages; do
    if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
      missing="$missing $p"
    fi
  done
  [ -z "$missing" ] && return 0

  say "Installing:$missing"
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    sudo="sudo"
  fi
  $sudo apt-get update -q
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
}

configure_and_build () {
  if [ ! -f "$build/build.ninja" ]; then
    say "Configuring $build"
    meson setup "$build" "$top" --prefix=/usr
  fi
  say "Building"
  meson compile -C "$build"
}
