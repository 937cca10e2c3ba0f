#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Camera-page cost benchmark: CPU of the window watching a 720p30 clip as
its webcam (LIGHTCODE_CAMERA, played in real time) against a reference that
only decodes and converts the same clip in real time,

  gst-launch-1.0 filesrc ! decodebin ! videoconvert ! video/x-raw,format=RGBA
                 ! fakesink sync=true

Prints both as a share of one core and their ratio (target: <= 2x). The
window is measured at a desktop size and at 360 px wide, after it has
settled, so start-up is not counted. Needs a display: run under xvfb-run
(GSK_RENDERER=cairo, as on these machines).

  xvfb-run -a tests/bench/bench-camera-cost.py [--check] _build [SECONDS]

FILE may be given with --clip FILE instead of the generated one.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

TICKS = os.sysconf('SC_CLK_TCK')


def cpu_seconds(pid):
    """utime + stime of @pid and its threads, in seconds."""
    with open(f'/proc/{pid}/stat') as f:
        fields = f.read().rsplit(')', 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def reference_cpu(clip, seconds):
    gst = shutil.which('gst-launch-1.0')
    argv = [gst, '-q', 'filesrc', f'location={clip}', '!', 'decodebin', '!',
            'videoconvert', '!', 'video/x-raw,format=RGBA', '!', 'fakesink', 'sync=true']
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(2.0)
    start_cpu, start = cpu_seconds(proc.pid), time.monotonic()
    time.sleep(seconds)
    used = cpu_seconds(proc.pid) - start_cpu
    elapsed = time.monotonic() - start
    proc.kill()
    proc.wait()
    return used / elapsed


def window_cpu(lightcode, build, clip, seconds, width, height):
    env = dict(os.environ)
    env.update({
        'LIGHTCODE_CAMERA': clip,
        'GSETTINGS_BACKEND': 'memory',
        'GSETTINGS_SCHEMA_DIR': os.path.join(build, 'data'),
        'GSK_RENDERER': env.get('GSK_RENDERER', 'cairo'),
        'NO_AT_BRIDGE': '1',
    })
    proc = subprocess.Popen([lightcode, '--device', 'mini', '--camera'], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        # Let it start, find the camera and settle the preview's size.
        time.sleep(4.0)
        if shutil.which('xdotool'):
            subprocess.run(['xdotool', 'search', '--sync', '--onlyvisible', '--pid', str(proc.pid),
                            'windowsize', '%@', str(width), str(height)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=10)
            time.sleep(2.0)
        start_cpu, start = cpu_seconds(proc.pid), time.monotonic()
        time.sleep(seconds)
        used = cpu_seconds(proc.pid) - start_cpu
        elapsed = time.monotonic() - start
    finally:
        proc.kill()
        proc.wait()
    return used / elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('build', nargs='?', default='_build')
    parser.add_argument('seconds', nargs='?', type=float, default=8.0)
    parser.add_argument('--clip', help='a clip to watch instead of the generated 720p30 one')
    parser.add_argument('--check', action='store_true', help='exit 1 above 2x the reference')
    args = parser.parse_args()

    if not os.environ.get('DISPLAY'):
        print('SKIP: needs a display (run under xvfb-run -a)')
        return 0
    lightcode = os.path.join(args.build, 'src', 'lightcode')
    make_clip = os.path.join(args.build, 'tests', 'synth', 'lc-make-clip')

    with tempfile.TemporaryDirectory() as tmp:
        clip = args.clip
        if clip is None:
            clip = os.path.join(tmp, 'camera-720p.webm')
            # Long enough to outlast the measurement: the camera loops nothing.
            subprocess.run([make_clip, '--signal', 'red:burst:6', '--seconds', str(args.seconds + 10),
                            '--width', '1280', '--height', '720', '--noise', '2', clip],
                           check=True, stdout=subprocess.DEVNULL)

        load = os.getloadavg()[0]
        reference = reference_cpu(clip, args.seconds)
        print(f'reference (decode + convert, real time): {100 * reference:5.1f} % of a core')
        worst = 0.0
        for width, height in ((1280, 800), (360, 640)):
            used = window_cpu(lightcode, args.build, clip, args.seconds, width, height)
            ratio = used / reference
            worst = max(worst, ratio)
            print(f'camera page at {width}x{height}:          {100 * used:5.1f} % of a core  '
                  f'{ratio:4.2f}x the reference (target <= 2x)')
        print(f'(load average {load:.1f} before the run; '
              f'renderer {os.environ.get("GSK_RENDERER", "cairo")})')

    if args.check and worst > 2.0:
        print('A target was missed (--check).')
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
