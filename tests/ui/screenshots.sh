#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright 2026 The Lightcode authors
#
# Refreshes the match page screenshots in data/screenshots/.
#
#   tests/ui/screenshots.sh BUILDDIR [OUTDIR]
#
# Needs `ninja -C BUILDDIR tests/ui/lc-screenshot` first. Runs under
# xvfb-run when there is no display. Look at every picture before
# committing it.

set -eu

builddir=${1:?usage: $0 BUILDDIR [OUTDIR]}
srcdir=$(cd "$(dirname "$0")/../.." && pwd)
outdir=${2:-$srcdir/data/screenshots}
tool=$builddir/tests/ui/lc-screenshot

if [ ! -x "$tool" ]; then
  echo "$tool is missing: ninja -C $builddir tests/ui/lc-screenshot" >&2
  exit 1
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${LC_SCREENSHOTS_IN_XVFB:-}" ]; then
  LC_SCREENSHOTS_IN_XVFB=1 exec xvfb-run -a -s "-screen 0 1600x1200x24" "$0" "$@"
fi

export GSETTINGS_BACKEND=memory
export GSETTINGS_SCHEMA_DIR="$builddir/data"
export GSK_RENDERER=cairo
export GDK_BACKEND=x11
export NO_AT_BRIDGE=1
export LANG=C.UTF-8
export LANGUAGE=C

mkdir -p "$outdir"

shoot () {
  name=$1; width=$2; height=$3; style=$4; shift 4
  dark=
  if [ "$style" = dark ]; then dark=--dark; fi
  "$tool" --output "$outdir/$name-$width-$style.png" --width "$width" --height "$height" $dark -- "$@"
}

for style in light dark; do
  shoot match-outdoor-4 360 720 $style --device outdoor-4 --signal red:burst:6
  shoot match-outdoor-4 1200 800 $style --device outdoor-4 --signal red:burst:6
  shoot match-sync-module 360 720 $style --device sync-module --signal blue:solid+green:blink
  shoot match-sync-module 1200 800 $style --device sync-module --signal blue:solid+green:blink
done

# Device picker and diagnosis page: $5 holds lc-screenshot options (the
# device chosen last time, the moment to diagnose) that go before the app's.
shoot_page () {
  name=$1; width=$2; height=$3; style=$4; options=$5; shift 5
  dark=
  if [ "$style" = dark ]; then dark=--dark; fi
  "$tool" --output "$outdir/$name-$width-$style.png" --width "$width" --height "$height" $dark $options -- "$@"
}

for style in light dark; do
  for size in "360 720" "1200 800"; do
    shoot_page picker $size $style "--last-device mini-2"
    shoot_page diagnosis $size $style "--diagnose recording" --device outdoor-4 --signal red:burst:6
    shoot_page diagnosis-normal $size $style "--diagnose any" --device sync-module-2 --signal blue:solid+green:solid
  done
done

# Fix pages and support page: a step with its picture and safety note, a
# running timer, the question after the last step, and the support page.
for style in light dark; do
  for size in "360 720" "1200 800"; do
    shoot_page fix-step $size $style "--diagnose any --fix-cause low-battery --fix-step 0" --device doorbell --signal red:blink
    shoot_page fix-timer $size $style "--diagnose any --fix-step 2 --fix-timer 47" --device mini --signal red:solid
    shoot_page fix-question $size $style "--diagnose recording --fix-step 0 --fix-view question" --device outdoor-4 --signal red:burst:6
    shoot_page support $size $style "--diagnose recording --fix-step 3 --fix-view support" --device outdoor-4 --signal red:burst:6
    shoot_page fix-sync-module-router $size $style "--diagnose any --fix-cause weak-wifi --fix-step 1" --device sync-module-2 --signal red:blink
    shoot_page fix-sync-module-label $size $style "--diagnose any --fix-cause wifi-password --fix-step 1" --device sync-module-2 --signal red:solid
  done
done

# The fix journey (XT2, six red blinks): the match page with nothing
# chosen yet, the battery fix's last step, support offered after two
# fixes, and the reset that erases the device, asking first.
for style in light dark; do
  for size in "360 720" "1280 800"; do
    shoot_page journey-match $size $style "" --device xt2
    shoot_page journey-fix-step $size $style "--diagnose any --fix-step 3" --device xt2 --signal red:burst:6
    shoot_page journey-offer $size $style "--diagnose any --fix-step 0 --fix-view offer" --device xt2 --signal red:burst:6
    shoot_page journey-erase $size $style "--diagnose any --fix-step 0 --fix-view erase" --device xt2 --signal red:burst:6
  done
done
