#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Start-up benchmark: time from exec to the first painted frame, and idle
resident memory, of `lightcode` against a bare AdwApplicationWindow built
beside it. Prints medians and ratios (targets in DESIGN.md: ≤ 1.3× and
≤ 1.5×). Needs a display: run under xvfb-run.

  xvfb-run -a tests/bench/bench-startup.py [--check] _build [runs]

With --check it exits 1 when a ratio is over its target.
"""

import os
import statistics
import subprocess
import sys
import time

check = '--check' in sys.argv
args = [a for a in sys.argv[1:] if a != '--check']
build = args[0] if len(args) > 0 else '_build'
runs = int(args[1]) if len(args) > 1 else 7

programs = {
    'bare window': [os.path.join(build, 'tests', 'bench', 'bare-window')],
    'lightcode': [os.path.join(build, 'src', 'lightcode')],
}

env = dict(os.environ)
env.update({
    # startup-probe.so reports the first frame and idle memory, then quits.
    'LD_PRELOAD': os.path.join(os.path.abspath(build), 'tests', 'bench', 'startup-probe.so'),
    'GSETTINGS_BACKEND': 'memory',
    'GSETTINGS_SCHEMA_DIR': os.path.join(build, 'data'),
    'NO_AT_BRIDGE': '1',
})


def run_once(argv):
    start_us = time.monotonic_ns() // 1000
    out = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=60).stdout
    values = dict(line.split(' ', 1) for line in out.splitlines() if ' ' in line)
    return ((int(values['first-frame-us']) - start_us) / 1000.0,
            int(values['idle-rss-kb']) / 1024.0)


results = {}
for name, argv in programs.items():
    run_once(argv)  # warm caches (fonts, shaders) once, not measured
    samples = [run_once(argv) for _ in range(runs)]
    results[name] = (statistics.median(s[0] for s in samples),
                     statistics.median(s[1] for s in samples))
    print(f'{name:12s} first frame {results[name][0]:7.1f} ms   idle RSS {results[name][1]:6.1f} MB'
          f'   (median of {runs}, renderer {env.get("GSK_RENDERER", "default")})')

bare, app = results['bare window'], results['lightcode']
print(f'ratio        first frame {app[0] / bare[0]:.2f}× (target ≤ 1.3×)   '
      f'idle RSS {app[1] / bare[1]:.2f}× (target ≤ 1.5×)')
if check and (app[0] / bare[0] > 1.3 or app[1] / bare[1] > 1.5):
    print('A target was missed (--check).')
    sys.exit(1)
