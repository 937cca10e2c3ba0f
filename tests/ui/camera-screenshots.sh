#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Refreshes data/screenshots/camera-*.png: the camera page's choice, watching
# (a burst clip as the webcam, ring and timeline) and "no webcam" states, at
# 360 and 1200 px, light and dark.
#
#   tests/ui/camera-screenshots.sh [BUILDDIR]
#
# Needs Xvfb (xvfb-run), and from the build lc-camera-screenshot, lc-make-clip
# and the compiled settings schema:
#   ninja -C BUILDDIR tests/ui/lc-camera-screenshot tests/synth/lc-make-clip data/gschemas.compiled

set -eu

srcdir=$(cd "$(dirname "$0")/../.." && pwd)
builddir=$(cd "${1:-$srcdir/_build}" && pwd)
out="$srcdir/data/screenshots"
tool="$builddir/tests/ui/lc-camera-screenshot"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
clip="$tmp/burst.webm"
# Long enough to be caught confirmed with the light lit, mid-run.
"$builddir/tests/synth/lc-make-clip" --quiet --fast --signal red:burst:6 --seconds 30 --noise 2 "$clip"

export GSETTINGS_SCHEMA_DIR="$builddir/data"
export GSETTINGS_BACKEND=memory
export GDK_BACKEND=x11
export GSK_RENDERER=cairo
export LANG=C.UTF-8
export NO_AT_BRIDGE=1

shoot () {
  # state width height style
  name="camera-$1-$2"
  flags=""
  if [ "$4" = dark ]; then
    name="$name-dark"
    flags="--dark"
  fi
  xvfb-run -a -s "-screen 0 1400x1000x24" \
    "$tool" --output "$out/$name.png" --state "$1" --clip "$clip" \
            --signal red:burst:6 --device mini --width "$2" --height "$3" $flags
}

mkdir -p "$out"
for style in light dark; do
  for state in choose watching no-camera; do
    shoot "$state" 360 760 "$style"
    shoot "$state" 1200 800 "$style"
  done
done
