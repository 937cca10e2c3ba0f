#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Analysis-cost benchmark: wall time of `lightcode analyze` on a 10 s 720p
clip (VP8/WebM and H.264/MP4, made by lc-make-clip) against a decode-only
pipeline on the same file,

  gst-launch-1.0 filesrc location=FILE ! decodebin ! fakesink sync=false

Prints medians of wall and CPU time (user + system of the child), the
ratios (target in DESIGN.md: <= 1.3x) and how much faster than real time
the analysis runs (target: >= 20x). Headless. On a busy 2-core machine the
wall figures swing a lot; CPU time is the steadier measure of cost.

  tests/bench/bench-analyze.py [--check] _build [runs] [FILE…]

With --check it exits 1 when a CPU ratio is over 1.3x or the analysis is
under 20x real time.

FILEs are measured too, each against its own decode-only run: clips the
project did not make (../shared/real-footage, a phone's video) are the
figure that counts, since lc-make-clip's clips are easy to decode.
"""

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

check = '--check' in sys.argv
args = [a for a in sys.argv[1:] if a != '--check']
build = args[0] if len(args) > 0 else '_build'
runs = int(args[1]) if len(args) > 1 else 7
extra = args[2:]
missed = []

lightcode = os.path.join(build, 'src', 'lightcode')
make_clip = os.path.join(build, 'tests', 'synth', 'lc-make-clip')
gst_launch = shutil.which('gst-launch-1.0')
seconds = 10.0

# A webcam-like scene: the light, some noise and blur, a lamp.
scene = ['--signal', 'red:burst:6', '--seconds', str(seconds),
         '--width', '1280', '--height', '720', '--led-size', '10',
         '--noise', '2', '--blur', '0.8', '--lamp']


def measure(argv, expect):
    """Returns (wall seconds, CPU seconds) of one run, or None if it did
    not finish in time (gst-launch never ends on some animated GIFs)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    try:
        result = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=60)
    except subprocess.TimeoutExpired:
        return None
    elapsed = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode not in expect:
        sys.exit(f'{argv[0]} failed ({result.returncode}): {result.stderr.decode().strip()}')
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def main():
    for program in (lightcode, make_clip):
        if not os.access(program, os.X_OK):
            sys.exit(f'{program} is missing: build it first (ninja -C {build} src/lightcode tests/synth/lc-make-clip)')
    if gst_launch is None:
        sys.exit('gst-launch-1.0 is missing (gstreamer1.0-tools)')

    with tempfile.TemporaryDirectory(prefix='lightcode-bench-') as tmp:
        clips = {'VP8/WebM': os.path.join(tmp, 'clip.webm')}
        have_x264 = subprocess.run(['gst-inspect-1.0', '--exists', 'x264enc']).returncode == 0
        if have_x264:
            clips['H.264/MP4'] = os.path.join(tmp, 'clip.mp4')

        for name, path in clips.items():
            subprocess.run([make_clip, '--quiet'] + scene + [path], check=True)
        durations = {name: seconds for name in clips}
        for path in extra:
            name = os.path.basename(path)[:24]
            clips[name] = path
            out = subprocess.run([lightcode, 'analyze', '--json', path], capture_output=True, text=True).stdout
            durations[name] = json.loads(out)['duration_s'] if out else float('nan')

        print(f'{seconds:.0f} s 1280x720 30 fps clips, median of {runs} runs '
              f'(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs)')
        print(f'{"clip":<24} {"":>5} {"decode only":>12} {"analyze":>9} {"ratio":>7} {"x real time":>12}')
        for name, path in clips.items():
            decode_argv = [gst_launch, '-q', 'filesrc', f'location={path}', '!',
                           'decodebin', '!', 'fakesink', 'sync=false']
            analyze_argv = [lightcode, 'analyze', '--json', path]

            # Warm the page cache and the GStreamer registry first.
            if measure(decode_argv, (0,)) is None:
                print(f'{name:<24} decode-only did not finish in 60 s: no baseline to compare with')
                continue
            if measure(analyze_argv, (0, 1)) is None:
                print(f'{name:<24} analyze did not finish in 60 s')
                missed.append(f'{name} (hangs)')
                continue

            decode, analyze = [], []
            for _ in range(runs):
                decode.append(measure(decode_argv, (0,)))
                analyze.append(measure(analyze_argv, (0, 1)))
            if None in decode + analyze:
                print(f'{name:<24} a run did not finish in 60 s')
                missed.append(f'{name} (hangs)')
                continue

            for column, label in ((0, 'wall'), (1, 'CPU')):
                d = statistics.median(run[column] for run in decode)
                a = statistics.median(run[column] for run in analyze)
                print(f'{name if column == 0 else "":<24} {label:>5} {d:>11.3f}s {a:>8.3f}s '
                      f'{a / d:>6.2f}x {durations[name] / a:>11.1f}x')
                if (label == 'CPU' and a / d > 1.3) or (label == 'wall' and durations[name] / a < 20):
                    missed.append(f'{name} ({label})')

        if not have_x264:
            print('(x264enc not installed: no H.264 clip)')


if __name__ == '__main__':
    main()
    if check and missed:
        print('A target was missed (--check): ' + ', '.join(missed))
        sys.exit(1)
