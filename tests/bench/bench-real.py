#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Scores `lightcode analyze --json` on real footage of status lights.

The clips and their labels live outside the project, in
../shared/real-footage/ (labels.json; rules in its README). Each clip ends
in one of three outcomes:

  right   the main light read correctly (colour, kind, burst count, period
          within 20 %, position within 0.09), every other light reported is
          a labelled one, each reported once;
  honest  not right, but nothing wrong claimed as confirmed (no reading, a
          provisional one, "too fast");
  wrong   a confirmed wrong reading, a confirmed light that is not there, a
          hang or a crash.

The camera page shows the answer as it goes, so where the build has
tests/vision/lc-detector-trace, every moment of each clip is judged too:
a confirmed answer that would be wrong at the end is wrong on the way,
even if the clip ends right.

Targets: every clip marked long_enough right, no clip wrong, none wrong on
the way. Prints a table
and exits 0 (benchmarks print, they do not assert) unless --check is given,
in which case it exits 1 when a target is missed. Skips, with a message,
when the footage folder is absent.

  tests/bench/bench-real.py _build [--footage DIR] [--check] [-v]
"""

import argparse
import json
import math
import os
import subprocess
import sys
import time

TIMEOUT_S = 60
# The trace tool plays each clip through the app's video source, as
# analyze does; a clip it still cannot trace in time is left out ('-').
TRACE_TIMEOUT_S = 20
POSITION_TOLERANCE = 0.09
PERIOD_TOLERANCE = 0.20


def led_colors(led):
    return [c for c in led.get('color', '').split('/') if c and c != 'unknown']


def light_period(led):
    return led.get('period_s') or 0.0


def matches_label(led, label, strict_pattern=True):
    """Whether a reported light is this labelled light (position and colour,
    and with strict_pattern its kind, count and period)."""
    if math.hypot(led['x'] - label['x'], led['y'] - label['y']) > POSITION_TOLERANCE:
        return False
    colors = led_colors(led)
    accepted = set(label['colors'])
    if not colors or not set(colors) <= accepted:
        return False
    if not strict_pattern:
        return True

    kind = label['kind']
    if kind == 'alternating':
        if led['kind'] != 'blink' or len(colors) < 2:
            return False
        # The full cycle, or the period of one colour, is accepted.
        period = light_period(led)
        want = label['period_s']
        return any(abs(period - p) <= PERIOD_TOLERANCE * p for p in (want, want / len(colors)))
    if led['kind'] != kind:
        return False
    if kind == 'burst' and led.get('count') != label.get('count'):
        return False
    if kind in ('blink', 'burst', 'fade') and label.get('period_s'):
        want = label['period_s']
        return abs(light_period(led) - want) <= PERIOD_TOLERANCE * want
    return True


def judge(result, labels):
    """Returns (outcome, reason)."""
    leds = result.get('leds') or []
    confirmed = result.get('state') == 'confirmed'
    main = next(l for l in labels if l.get('main'))

    main_right = [i for i, led in enumerate(leds) if matches_label(led, main)]
    if confirmed and main_right:
        others = [led for i, led in enumerate(leds) if i != main_right[0]]
        claimed = set()
        ok = True
        for led in others:
            hit = [j for j, label in enumerate(labels)
                   if label is not main and matches_label(led, label, strict_pattern=False)]
            if not hit or hit[0] in claimed:
                ok = False
                break
            claimed.add(hit[0])
        if ok:
            return 'right', 'main light read correctly'
        return 'wrong', 'an extra light, or one light reported twice'

    if not confirmed:
        return 'honest', 'not confirmed (%s)' % result.get('state')

    for led in leds:
        if led.get('kind') == 'too-fast':
            continue
        if not any(matches_label(led, label, strict_pattern=label is not main) for label in labels):
            return 'wrong', 'confirmed %s:%s at (%.2f, %.2f) is not a labelled light' % (
                led.get('color'), led.get('kind'), led['x'], led['y'])
    return 'wrong', 'confirmed, but the main light is not read'


def run_clip(lightcode, path):
    start = time.monotonic()
    try:
        proc = subprocess.run([lightcode, 'analyze', '--json', path],
                              capture_output=True, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return None, 'hang (over %d s)' % TIMEOUT_S, time.monotonic() - start
    elapsed = time.monotonic() - start
    if proc.returncode < 0:
        return None, 'crash (signal %d)' % -proc.returncode, elapsed
    if proc.returncode == 2 and not proc.stdout.strip():
        message = proc.stderr.decode('utf-8', 'replace').strip()
        return {'state': 'refused', 'leds': [], 'message': message}, None, elapsed
    try:
        return json.loads(proc.stdout), None, elapsed
    except ValueError:
        return None, 'invalid JSON (exit %d)' % proc.returncode, elapsed


def first_wrong_on_the_way(trace, path, labels):
    """The first moment the answer was confirmed and wrong, as (time,
    reason), or None; '-' when the trace cannot be run."""
    if not os.path.exists(trace):
        return '-'
    try:
        proc = subprocess.run([trace, '--json', path], capture_output=True, timeout=TRACE_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        return '-'
    for line in proc.stdout.decode('utf-8', 'replace').splitlines():
        try:
            moment = json.loads(line)
        except ValueError:
            continue
        if moment.get('state') != 'confirmed':
            continue
        outcome, reason = judge(moment, labels)
        if outcome == 'wrong':
            return moment['t'], '%s: %s' % (moment['signal'], reason)
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('build', help='build directory')
    parser.add_argument('--footage', default=None, help='folder with labels.json')
    parser.add_argument('--check', action='store_true', help='exit 1 when a target is missed')
    parser.add_argument('-v', '--verbose', action='store_true', help='print what was read')
    args = parser.parse_args()

    here = os.path.dirname(os.path.abspath(__file__))
    footage = args.footage or os.path.normpath(os.path.join(here, '..', '..', '..', 'shared', 'real-footage'))
    labels_path = os.path.join(footage, 'labels.json')
    if not os.path.exists(labels_path):
        print('SKIP: no real footage at %s (it is kept outside the project)' % footage)
        return 0
    lightcode = os.path.join(args.build, 'src', 'lightcode')
    trace = os.path.join(args.build, 'tests', 'vision', 'lc-detector-trace')

    with open(labels_path) as f:
        clips = json.load(f)

    rows = []
    for clip in clips:
        path = os.path.join(footage, clip['file'])
        result, failure, elapsed = run_clip(lightcode, path)
        if failure:
            outcome, reason, signal = 'wrong', failure, '-'
        else:
            outcome, reason = judge(result, clip['lights'])
            signal = result.get('signal') or result.get('message', '-')[:40] or '-'
            if result.get('state') not in ('confirmed', None):
                signal = '%s (%s)' % (signal, result.get('state'))
        on_the_way = first_wrong_on_the_way(trace, path, clip['lights'])
        rows.append((clip, outcome, reason, signal, elapsed, on_the_way))
        if args.verbose and result:
            print(json.dumps(result, indent=1)[:2000])

    name_w = max(len(r[0]['file']) for r in rows)
    print('%-*s  %-6s  %-6s  %5s  %s' % (name_w, 'clip', 'long', 'result', 'time', 'reading — why'))
    for clip, outcome, reason, signal, elapsed, on_the_way in rows:
        print('%-*s  %-6s  %-6s  %4.1fs  %s — %s' % (name_w, clip['file'],
                                                     'yes' if clip['long_enough'] else 'no',
                                                     outcome, elapsed, signal, reason))
        if on_the_way and on_the_way != '-':
            print('%*s  wrong on the way at %.1f s: %s' % (name_w, '', on_the_way[0], on_the_way[1]))

    long_clips = [r for r in rows if r[0]['long_enough']]
    long_right = sum(1 for r in long_clips if r[1] == 'right')
    wrong = sum(1 for r in rows if r[1] == 'wrong')
    print()
    print('long enough and right: %d of %d (target: all)' % (long_right, len(long_clips)))
    print('right %d, honest %d, wrong %d of %d (target: none wrong)' % (
        sum(1 for r in rows if r[1] == 'right'), sum(1 for r in rows if r[1] == 'honest'),
        wrong, len(rows)))
    traced = [r for r in rows if r[5] != '-']
    wrong_on_the_way = sum(1 for r in traced if r[5] is not None)
    if traced:
        print('confirmed wrong on the way: %d of %d traced (target: none)' % (wrong_on_the_way, len(traced)))
    else:
        print('not traced on the way (build tests/vision/lc-detector-trace)')

    if args.check and (long_right < len(long_clips) or wrong > 0 or wrong_on_the_way > 0):
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
