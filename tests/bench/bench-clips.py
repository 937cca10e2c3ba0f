#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Accuracy benchmark on encoded video: what `lightcode analyze --json`
reads from a few hundred clips made by lc-make-clip and compressed by real
encoders (VP8/WebM and, when x264enc is installed, H.264/MP4, half each).
bench-detector does the same on raw frames; this one adds the codec, the
container and the file source, and judges the same way: colour, kind, burst
count, a confirmed answer and the rate within 5 % (a burst of one: its lit
time, scored on its own).

The cases come from the seed (case i is the same whatever -n): every kind
(solid, slow and fast blink, bursts of 1 to 10, fade, alternating colours,
two lights, no light, too fast to time), the colours, LEDs of 2 to 30 px at
1280x720 (some clips at 640x360, scaled), about three pattern periods each,
and one webcam fault each. Prints overall and per-part correctness, rate
error, time to a stable answer in pattern periods (solid and no light:
1 s = 1 period), breakdowns by kind, fault, codec and LED size, and one
line per failing case with the commands that reproduce it. Asserts nothing
(and nothing about speed). VP8 is encoded with lc-make-clip --fast (the
real-time deadline webcams and browsers use; the best-quality one takes a
minute per clip), H.264 at x264's medium preset. Two clips at a time by
default; -n 300 takes about 15-20 min on two cores.

  tests/bench/bench-clips.py _build [-n N] [-s SEED] [--keep DIR] [-j JOBS] [-c CASE]
"""

import argparse
import concurrent.futures
import json
import math
import os
import random
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time

KINDS = ('solid', 'blink-slow', 'blink-fast', 'burst', 'fade', 'alternate',
         'two-lights', 'no-light', 'too-fast')
KIND_WEIGHTS = (0.12, 0.10, 0.12, 0.24, 0.06, 0.10, 0.10, 0.08, 0.08)

FAULTS = ('none', 'noise s8', 'blur s2', 'clipped', 'AE +-1EV/3s', 'WB drift',
          'flicker 10Hz 20%', 'shake 2px', 'lamp', 'drops 5%', 'jitter +-5ms',
          'variable fps', '15 fps')

# As in bench-detector: the three primaries twice as often as amber (and white).
COLORS = ('red', 'green', 'blue', 'red', 'green', 'blue', 'amber', 'white')
PRIMARIES = ('red', 'green', 'blue')

SIZE_BANDS = ((2, 4), (4, 8), (8, 16), (16, 31))

# lc-signal.h
BURST_DEFAULT_HZ = 2.5
BURST_PAUSE_MS = 1800
FADE_PERIOD_MS = 3000


def half_period_ms(rate_hz):
    """lc-signal.c: lround (500 / rate), at least 1 ms."""
    return max(1, int(math.floor(500.0 / rate_hz + 0.5)))


def rate_text(rate_hz):
    """A rate the parser takes: at most two decimals, no trailing zeros."""
    return f'{rate_hz:.2f}'.rstrip('0').rstrip('.')


class Light:
    """One light of the truth, with the timing lc_light_normalize() gives it."""

    def __init__(self, colors, kind, rate_hz=0.0, count=0, x=0.5, y=0.5):
        self.colors = colors        # list of colour ids
        self.kind = kind            # solid, blink, burst, fade
        self.count = count
        self.x, self.y = x, y
        self.on_ms = self.off_ms = 0
        self.rate_hz = 0.0
        self.period_s = 0.0
        if kind in ('blink', 'burst'):
            self.on_ms = self.off_ms = half_period_ms(rate_hz)
            # What is drawn: the rounded on/off times, not the nominal rate.
            self.rate_hz = 1000.0 / (self.on_ms + self.off_ms)
            cycle = self.on_ms + self.off_ms
            if kind == 'blink':
                self.period_s = len(colors) * cycle / 1000.0
            else:
                self.period_s = (count * cycle - self.off_ms + BURST_PAUSE_MS) / 1000.0
        elif kind == 'fade':
            self.on_ms = self.off_ms = FADE_PERIOD_MS // 2
            self.rate_hz = 1000.0 / FADE_PERIOD_MS
            self.period_s = len(colors) * FADE_PERIOD_MS / 1000.0


class Case:
    pass


def make_case(index, seed, have_x264):
    """Case @index of @seed: the same whatever the number of cases."""
    rand = random.Random(seed * 7919 + index)
    c = Case()
    c.index = index
    c.kind = rand.choices(KINDS, KIND_WEIGHTS)[0]
    # Each fault as often as the others; too fast is defined at 30 fps.
    c.fault = FAULTS[index % len(FAULTS)]
    while c.kind == 'too-fast' and c.fault in ('15 fps', 'variable fps'):
        c.fault = rand.choice(FAULTS)
    c.codec = 'webm' if index % 2 == 0 or not have_x264 else 'mp4'
    small = rand.random() < 0.15
    c.width, c.height = (640, 360) if small else (1280, 720)
    scale = c.height / 720.0
    c.size_720 = math.exp(rand.uniform(math.log(2.0), math.log(30.0)))
    size = max(c.size_720 * scale, 1.0)
    fps = 15.0 if c.fault == '15 fps' else 30.0
    x = rand.uniform(0.25, 0.75)
    y = rand.uniform(0.2, 0.5)
    color = rand.choice(COLORS)
    c.too_fast = False

    def blink_rate(low, high):
        rate = math.exp(rand.uniform(math.log(low), math.log(high)))
        # A blink must stay within what 15 fps can time (as bench-detector).
        if fps == 15.0 and rate > 5.0:
            rate = 5.0 * rate / 8.0
        return float(rate_text(rate))

    lights = []
    if c.kind == 'solid':
        lights.append(Light([color], 'solid', x=x, y=y))
        signal = f'{color}:solid'
    elif c.kind in ('blink-slow', 'blink-fast'):
        rate = blink_rate(0.5, 1.5) if c.kind == 'blink-slow' else blink_rate(1.5, 8.0)
        lights.append(Light([color], 'blink', rate, x=x, y=y))
        signal = f'{color}:blink@{rate_text(rate)}hz'
    elif c.kind == 'burst':
        count = rand.randint(1, 10)
        if rand.random() < 0.5:
            rate = BURST_DEFAULT_HZ
            signal = f'{color}:burst:{count}'
        else:
            rate = float(rate_text(rand.uniform(2.0, 4.0)))
            signal = f'{color}:burst:{count}@{rate_text(rate)}hz'
        lights.append(Light([color], 'burst', rate, count, x=x, y=y))
    elif c.kind == 'fade':
        lights.append(Light([color], 'fade', x=x, y=y))
        signal = f'{color}:fade'
    elif c.kind == 'alternate':
        pair = rand.sample(PRIMARIES, 2)
        rate = float(rate_text(rand.uniform(0.8, 3.0)))
        lights.append(Light(pair, 'blink', rate, x=x, y=y))
        signal = f'{pair[0]}/{pair[1]}:blink@{rate_text(rate)}hz'
    elif c.kind == 'two-lights':
        # The Sync Module: blue on, green blinking beside it.
        rate = float(rate_text(rand.uniform(1.0, 3.0)))
        gap = rand.uniform(40.0, 80.0) * scale + 2.0 * size
        lights.append(Light(['blue'], 'solid', x=x, y=y))
        lights.append(Light(['green'], 'blink', rate, x=x + gap / c.width, y=y))
        signal = f'blue:solid+green:blink@{rate_text(rate)}hz'
    elif c.kind == 'no-light':
        signal = 'off'
    else:  # too-fast
        rate = float(rate_text(rand.uniform(12.5, 14.5)))
        lights.append(Light([color], 'blink', rate, x=x, y=y))
        signal = f'{color}:blink@{rate_text(rate)}hz'
        c.too_fast = True
    c.signal = signal
    c.lights = lights

    # Time to stable is counted in these (bench-detector's definition).
    if c.kind in ('solid', 'no-light'):
        c.period_s = 1.0
    elif c.kind == 'two-lights':
        c.period_s = max(1.0 / lights[1].rate_hz, 1.0)
    elif c.kind in ('blink-slow', 'blink-fast', 'too-fast'):
        c.period_s = 1.0 / lights[0].rate_hz
    else:
        c.period_s = lights[0].period_s
    pattern_s = 1.0 if c.kind in ('solid', 'no-light') else max(l.period_s for l in lights)
    c.seconds = round(min(max(3.0 * pattern_s + 2.0, 6.0), 20.0), 1)

    args = ['--signal', signal, '--seconds', str(c.seconds),
            '--width', str(c.width), '--height', str(c.height),
            '--seed', str(seed * 31 + index),
            '--phase', f'{rand.uniform(0.0, 10.0):.3f}',
            '--led-x', f'{x:.4f}', '--led-y', f'{y:.4f}',
            '--led-size', f'{size:.2f}',
            '--ambient', f'{rand.uniform(0.2, 0.5):.3f}']
    if c.kind == 'two-lights':
        args += ['--led2-x', f'{lights[1].x:.4f}', '--led2-y', f'{y:.4f}']
    # Every camera has some noise; the "noise" fault is a lot of it.
    noise = 8.0 if c.fault == 'noise s8' else rand.uniform(1.5, 4.0)
    brightness = 3.0 if c.fault == 'clipped' else rand.uniform(0.75, 1.2)
    args += ['--noise', f'{noise:.2f}', '--brightness', f'{brightness:.2f}']
    args += {
        'none': [],
        'noise s8': [],
        'clipped': [],
        'blur s2': ['--blur', f'{2.0 * scale:g}'],
        'AE +-1EV/3s': ['--ae-step', '1', '--ae-period', '3'],
        'WB drift': ['--wb-drift', '0.15'],
        'flicker 10Hz 20%': ['--flicker', '0.2', '--flicker-hz', '10'],
        'shake 2px': ['--shake', f'{2.0 * scale:g}'],
        'lamp': ['--lamp'],
        'drops 5%': ['--drop', '0.05'],
        'jitter +-5ms': ['--jitter', '5'],
        'variable fps': ['--fps-wander', '0.2'],
        '15 fps': ['--fps', '15'],
    }[c.fault]
    if c.codec == 'webm':
        args.append('--fast')
    c.args = args
    c.file = f'case-{index:04d}.{c.codec}'
    return c


def size_band(size):
    for low, high in SIZE_BANDS:
        if low <= size < high:
            return f'{low}-{min(high, 30)} px'
    return f'{SIZE_BANDS[-1][0]}-30 px'


def light_text(colors, kind, count=0):
    text = '/'.join(sorted(colors)) + ':' + kind
    return text + f':{count}' if kind == 'burst' else text


def text_key(signal):
    """A signal text with the lights and the colours of each in a fixed order."""
    if signal is None:
        return None
    lights = []
    for light in signal.split('+'):
        colors, _, kind = light.partition(':')
        kind = kind.split('@')[0]
        lights.append('/'.join(sorted(colors.split('/'))) + ':' + kind)
    return '+'.join(sorted(lights))


def describe(result):
    if result is None:
        return 'nothing'
    parts = [result.get('state', '?')]
    for led in result.get('leds', []):
        kind = led['kind'] + (f":{led['count']}" if led['kind'] == 'burst' else '')
        parts.append(f"[{led['color']}:{kind} {led['rate_hz']:.2f}Hz on/off {led['on_ms']}/{led['off_ms']}ms "
                     f"conf={led['confidence']:.2f} stable={led['stable_since_s']:.2f}s "
                     f"at {led['x']:.2f},{led['y']:.2f}]")
    return ' '.join(parts)


def judge(c, status, result, error):
    """Scores one case like bench-detector's run_sequence()."""
    o = {'color': True, 'kind': True, 'count': True, 'confirmed': False,
         'rate_error': None, 'on_error': None, 'stable': None, 'text': False,
         'error': error}
    if result is None:
        o.update(color=False, kind=False, count=False)
        o['correct'] = o['rate_ok'] = False
        return o

    leds = result.get('leds', [])
    o['confirmed'] = result.get('state') == 'confirmed'
    want_text = None if c.kind == 'no-light' else '+'.join(
        light_text(l.colors, l.kind, l.count) for l in c.lights)
    o['text'] = text_key(result.get('signal')) == (text_key(want_text) if want_text else None)

    if c.kind == 'no-light':
        ok = status == 1 and result.get('state') == 'no-light' and not leds
        o.update(color=ok, kind=ok, confirmed=ok)
    elif len(leds) != len(c.lights):
        o['kind'] = False
        o['color'] = bool(leds) and sorted(leds[0]['color'].split('/')) == sorted(c.lights[0].colors)
        o['count'] = False
    else:
        stable = 0.0
        for truth in c.lights:
            led = min(leds, key=lambda d: math.hypot(d['x'] - truth.x, d['y'] - truth.y))
            want = 'too-fast' if c.too_fast else truth.kind
            o['color'] &= sorted(led['color'].split('/')) == sorted(truth.colors)
            o['kind'] &= led['kind'] == want
            if truth.kind == 'burst':
                o['count'] &= led['count'] == truth.count
            if truth.kind == 'burst' and truth.count == 1 and led['kind'] == want:
                o['on_error'] = abs(led['on_ms'] - truth.on_ms) / truth.on_ms
            elif not c.too_fast and led['kind'] == want and truth.kind in ('blink', 'burst', 'fade'):
                err = abs(led['rate_hz'] - truth.rate_hz) / truth.rate_hz
                o['rate_error'] = max(o['rate_error'] or 0.0, err)
            stable = max(stable, led['stable_since_s'])
        o['stable'] = stable / c.period_s

    o['rate_ok'] = o['rate_error'] is None or o['rate_error'] <= 0.05
    o['correct'] = o['color'] and o['kind'] and o['count'] and o['confirmed'] and o['rate_ok']
    return o


def run_case(c, make_clip, lightcode, directory, reuse):
    path = os.path.join(directory, c.file)
    make = [make_clip, '--quiet'] + c.args + [path]
    result, status, error = None, None, None
    try:
        # A kept clip is the same clip: the cases depend on the seed only.
        if reuse and os.path.exists(path) and os.path.getsize(path) > 0:
            made = subprocess.CompletedProcess(make, 0)
        else:
            made = subprocess.run(make, capture_output=True, text=True, timeout=600)
        if made.returncode != 0:
            error = f'lc-make-clip failed ({made.returncode}): {made.stderr.strip()}'
        else:
            run = subprocess.run([lightcode, 'analyze', '--json', path],
                                 capture_output=True, text=True, timeout=600)
            status = run.returncode
            if status in (0, 1) and run.stdout.strip():
                result = json.loads(run.stdout)
            else:
                error = f'analyze exited {status}: {run.stderr.strip()}'
    except (subprocess.TimeoutExpired, json.JSONDecodeError) as e:
        error = str(e)
    return c, status, result, error


def percentile(values, q):
    """bench-detector's: the nearest rank."""
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, int(math.floor(q * (len(values) - 1) + 0.5)))]


def pct(part, whole):
    return 100.0 * part / whole if whole else 0.0


def main():
    parser = argparse.ArgumentParser(description='Accuracy of lightcode analyze on encoded synthetic clips.')
    parser.add_argument('build', nargs='?', default='_build')
    parser.add_argument('-n', type=int, default=300, help='number of clips (default 300)')
    parser.add_argument('-s', '--seed', type=int, default=1, help='seed (default 1)')
    parser.add_argument('--keep', metavar='DIR',
                        help='write the clips here and keep them; clips already there are used again '
                             '(remove them when lc-make-clip changes)')
    parser.add_argument('-j', '--jobs', type=int, default=2, help='clips made and analysed at once (default 2)')
    parser.add_argument('-c', '--case', type=int, help='run only this case and print its JSON')
    opts = parser.parse_args()

    lightcode = os.path.join(opts.build, 'src', 'lightcode')
    make_clip = os.path.join(opts.build, 'tests', 'synth', 'lc-make-clip')
    for program in (lightcode, make_clip):
        if not os.access(program, os.X_OK):
            sys.exit(f'{program} is missing: build it first '
                     f'(ninja -C {opts.build} src/lightcode tests/synth/lc-make-clip)')
    have_x264 = (shutil.which('gst-inspect-1.0') is not None and
                 subprocess.run(['gst-inspect-1.0', '--exists', 'x264enc']).returncode == 0)

    start = time.monotonic()
    indices = [opts.case] if opts.case is not None else range(opts.n)
    cases = [make_case(i, opts.seed, have_x264) for i in indices]

    # Every signal must parse: diagnose exits 2 only on bad input.
    for signal in sorted({c.signal for c in cases}):
        check = subprocess.run([lightcode, 'diagnose', '--device', 'outdoor-4', '--signal', signal],
                               capture_output=True, text=True)
        if check.returncode not in (0, 1):
            sys.exit(f'bad signal {signal}: {check.stderr.strip()}')

    if opts.keep:
        os.makedirs(opts.keep, exist_ok=True)
        directory, tmp = opts.keep, None
    else:
        tmp = tempfile.TemporaryDirectory(prefix='lightcode-clips-')
        directory = tmp.name

    outcomes = []
    lock = threading.Lock()
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, opts.jobs)) as pool:
            futures = [pool.submit(run_case, c, make_clip, lightcode, directory, opts.keep is not None) for c in cases]
            for done, future in enumerate(concurrent.futures.as_completed(futures), 1):
                c, status, result, error = future.result()
                o = judge(c, status, result, error)
                with lock:
                    outcomes.append((c, o, status, result))
                if opts.case is None and sys.stderr.isatty():
                    print(f'\r{done}/{len(cases)}', end='', file=sys.stderr, flush=True)
        if opts.case is None and sys.stderr.isatty():
            print(file=sys.stderr)
    finally:
        if tmp is not None:
            tmp.cleanup()

    outcomes.sort(key=lambda item: item[0].index)
    wall = time.monotonic() - start

    if opts.case is not None:
        c, o, status, result = outcomes[0]
        print(f'case {c.index}: {c.kind}, {c.fault}, {c.codec}, {c.size_720:.1f} px at 720p, {c.seconds} s')
        print(shlex.join([make_clip] + c.args + [c.file]))
        print(f'exit {status}' + (f', {o["error"]}' if o['error'] else ''))
        if result is not None:
            print(json.dumps(result, indent=2))
        print(('ok' if o['correct'] else 'FAIL') + f': want {c.signal}, got {describe(result)}')
        return

    n = len(outcomes)
    correct = [o['correct'] for _, o, _, _ in outcomes]
    rate_errors = [o['rate_error'] for _, o, _, _ in outcomes if o['rate_error'] is not None]
    on_errors = [o['on_error'] for _, o, _, _ in outcomes if o['on_error'] is not None]
    latencies = [o['stable'] for c, o, _, _ in outcomes
                 if o['correct'] and o['stable'] is not None and not c.too_fast]

    def count(key):
        return sum(1 for _, o, _, _ in outcomes if o[key])

    codecs = 'VP8/WebM and H.264/MP4' if have_x264 else 'VP8/WebM only (x264enc not installed)'
    print(f'{n} encoded clips ({codecs}), seed {opts.seed}, '
          f'{sum(c.height == 720 for c, _, _, _ in outcomes)} at 1280x720 and '
          f'{sum(c.height == 360 for c, _, _, _ in outcomes)} at 640x360, LED 2-30 px at 720p')
    print(f'correct (all of colour, kind, count, confirmed, rate within 5%): {pct(sum(correct), n):.1f} %')
    print(f'  colour {pct(count("color"), n):.1f} %, kind {pct(count("kind"), n):.1f} %, '
          f'count {pct(count("count"), n):.1f} %, confirmed {pct(count("confirmed"), n):.1f} %, '
          f'rate within 5% {pct(count("rate_ok"), n):.1f} %')
    print(f'  signal text form right (order of lights and colours aside): {pct(count("text"), n):.1f} %')
    if rate_errors:
        print(f'rate error: mean {100.0 * sum(rate_errors) / len(rate_errors):.2f} %, '
              f'max {100.0 * max(rate_errors):.2f} % ({len(rate_errors)} clips)')
    if on_errors:
        print(f'burst of one, lit time error: mean {100.0 * sum(on_errors) / len(on_errors):.2f} %, '
              f'max {100.0 * max(on_errors):.2f} % ({len(on_errors)} clips; not in the rate figures)')
    print('time to stable answer from the first frame (correct ones; solid and no light: 1 s = 1 period):')
    print(f'  median {percentile(latencies, 0.5):.2f}, 90th percentile {percentile(latencies, 0.9):.2f} periods')

    def breakdown(title, key, order, latency=False):
        print(title)
        for value in order:
            group = [(c, o) for c, o, _, _ in outcomes if key(c) == value]
            if not group:
                continue
            right = sum(o['correct'] for _, o in group)
            line = f'  {value:<18} {right:3}/{len(group):<3} {pct(right, len(group)):5.1f} %'
            if latency:
                too_fast = value == 'too-fast'
                values = [o['stable'] * (c.period_s if too_fast else 1.0)
                          for c, o in group if o['correct'] and o['stable'] is not None]
                if values:
                    line += (f'   stable after {percentile(values, 0.5):.2f} (median) / '
                             f'{percentile(values, 0.9):.2f} (90%) {"s" if too_fast else "periods"}')
            print(line)

    print()
    breakdown('by kind:', lambda c: c.kind, KINDS, latency=True)
    breakdown('by fault:', lambda c: c.fault, FAULTS)
    breakdown('by codec:', lambda c: {'webm': 'VP8/WebM', 'mp4': 'H.264/MP4'}[c.codec], ('VP8/WebM', 'H.264/MP4'))
    breakdown('by LED size at 720p:', lambda c: size_band(c.size_720), [size_band(low) for low, _ in SIZE_BANDS])

    failures = [(c, o, r) for c, o, _, r in outcomes if not o['correct'] or not o['text']]
    if failures:
        print(f'\nfailing cases ({sum(not o["correct"] for _, o, _ in failures)} wrong, '
              f'{sum(o["correct"] and not o["text"] for _, o, _ in failures)} with only the text form wrong):')
    for c, o, result in failures:
        wrong = [k for k in ('color', 'kind', 'count', 'confirmed', 'rate_ok') if not o[k]]
        if not wrong:
            wrong = ['text']
        detail = f' rate err {100.0 * o["rate_error"]:.1f}%,' if o['rate_error'] is not None else ''
        got = o['error'] or f'{describe(result)} signal={result.get("signal") if result else None}'
        print(f'FAIL #{c.index} {c.kind} [{c.fault}, {c.codec}, {c.size_720:.1f} px, {c.seconds} s] '
              f'{"/".join(wrong)}:{detail} want {c.signal}{" (too fast)" if c.too_fast else ""}, got {got}'
              f' | {shlex.join([make_clip] + c.args + [c.file])} && '
              f'{shlex.join([lightcode, "analyze", "--json", c.file])}')

    print(f'\nwall time {wall:.0f} s ({opts.jobs} at once, load average {os.getloadavg()[0]:.1f} '
          f'on {os.cpu_count()} CPUs)')


if __name__ == '__main__':
    main()
