#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Mutation fuzzing of the whole video path: `lightcode analyze` on broken
copies of small generated WebM, MP4 and GIF files.

Run it on a sanitizer build (meson setup _build-san -Db_sanitize=address,undefined):

    tests/fuzz/fuzz-video.py _build-san --minutes 60 [--seed N] [--out DIR]

Seeds: lc-make-clip makes a VP8/WebM and (with x264enc) an H.264/MP4 clip,
ImageMagick an animated GIF. Each round copies one seed and applies one to
four mutations (flipped bytes, overwritten runs, a cut, a duplicated or
removed chunk, interesting integers), then runs the analysis with a time
limit. A run is a finding when it
  - dies from a signal, or exits other than 0, 1 or 2;
  - prints an AddressSanitizer / UBSan / LeakSanitizer report;
  - is still running after --timeout seconds (a hang).
Findings are copied to --out with the command's stderr. Nothing is kept for
ordinary runs. Prints a summary: rounds, time, exit statuses, findings.
"""

import argparse
import collections
import os
import random
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time

INTERESTING = [0, 1, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff]


def make_seeds(build, work):
    seeds = []
    clip = os.path.join(build, "tests", "synth", "lc-make-clip")
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=0")
    for name, extra in (("seed.webm", []), ("seed.mp4", [])):
        out = os.path.join(work, name)
        r = subprocess.run([clip, "--quiet", "--fast", "--signal", "red:blink@2hz", "--seconds", "3",
                            "--width", "160", "--height", "120"] + extra + [out],
                           env=env, capture_output=True)
        if r.returncode == 0 and os.path.getsize(out) > 0:
            seeds.append(out)
        else:
            print(f"no {name}: {r.stderr.decode(errors='replace').strip()[:200]}", file=sys.stderr)
    gif = os.path.join(work, "seed.gif")
    if shutil.which("convert"):
        frames = []
        for i in range(12):
            frames += ["-size", "48x36", "xc:#ff2020" if i % 2 == 0 else "xc:#202020"]
        r = subprocess.run(["convert", "-delay", "25"] + frames + [gif], capture_output=True)
        if r.returncode == 0:
            seeds.append(gif)
    return seeds


def mutate(data, rng):
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        if not data:
            break
        kind = rng.randrange(6)
        pos = rng.randrange(len(data))
        if kind == 0:  # flip bits
            for _ in range(rng.randint(1, 8)):
                p = rng.randrange(len(data))
                data[p] ^= 1 << rng.randrange(8)
        elif kind == 1:  # overwrite a run with random bytes
            n = min(rng.randint(1, 64), len(data) - pos)
            data[pos:pos + n] = bytes(rng.randrange(256) for _ in range(n))
        elif kind == 2:  # cut
            del data[rng.randrange(len(data)):]
        elif kind == 3:  # duplicate a chunk
            n = min(rng.randint(1, 4096), len(data) - pos)
            at = rng.randrange(len(data))
            data[at:at] = data[pos:pos + n]
        elif kind == 4:  # remove a chunk
            n = min(rng.randint(1, 4096), len(data) - pos)
            del data[pos:pos + n]
        else:  # an interesting integer, big-endian (MP4, EBML) or little (GIF)
            value = rng.choice(INTERESTING)
            fmt = rng.choice([">I", "<I", ">H", "<H", "B"])
            size = struct.calcsize(fmt)
            if pos + size <= len(data):
                data[pos:pos + size] = struct.pack(fmt, value & ((1 << (8 * size)) - 1))
    return bytes(data)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("build")
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--out", default=None)
    args = parser.parse_args()

    seed = args.seed if args.seed is not None else int(time.time())
    rng = random.Random(seed)
    lightcode = os.path.join(args.build, "src", "lightcode")
    work = tempfile.mkdtemp(prefix="lightcode-fuzz-")
    out = args.out or os.path.join(work, "findings")
    os.makedirs(out, exist_ok=True)
    env = dict(os.environ,
               LANGUAGE="C", LANG="C.UTF-8",
               ASAN_OPTIONS="detect_leaks=0:abort_on_error=1",
               UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1")
    env.pop("DISPLAY", None)

    seeds = make_seeds(args.build, work)
    if not seeds:
        sys.exit("no seed files could be made")
    print(f"seed {seed}; seeds: {', '.join(os.path.basename(s) for s in seeds)}; findings in {out}")

    contents = {s: open(s, "rb").read() for s in seeds}
    statuses = collections.Counter()
    findings = []
    rounds = 0
    longest = 0.0
    start = time.monotonic()
    deadline = start + args.minutes * 60
    while time.monotonic() < deadline:
        source = rng.choice(seeds)
        ext = os.path.splitext(source)[1]
        case = os.path.join(work, "case" + ext)
        with open(case, "wb") as f:
            f.write(mutate(contents[source], rng))
        t0 = time.monotonic()
        proc = subprocess.Popen([lightcode, "analyze", "--json", case], env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        try:
            _, err = proc.communicate(timeout=args.timeout)
            status = proc.returncode
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            _, err = proc.communicate()
            status = "hang"
        took = time.monotonic() - t0
        longest = max(longest, took)
        rounds += 1
        text = err.decode(errors="replace")
        sanitizer = any(k in text for k in ("AddressSanitizer", "runtime error:", "LeakSanitizer"))
        statuses[status if not sanitizer else "sanitizer"] += 1
        if status not in (0, 1, 2) or sanitizer:
            name = f"finding-{len(findings):03d}-{status}{ext}"
            shutil.copy(case, os.path.join(out, name))
            with open(os.path.join(out, name + ".txt"), "w") as f:
                f.write(text)
            findings.append((name, status, text.strip().splitlines()[-1:] if text.strip() else []))
            print(f"FINDING {name}: status {status} after {took:.1f} s", flush=True)

    minutes = (time.monotonic() - start) / 60
    print(f"{rounds} runs in {minutes:.1f} min; longest run {longest:.1f} s; statuses: {dict(statuses)}")
    print(f"{len(findings)} findings" + ("" if not findings else f" in {out}"))
    for name, status, last in findings:
        print(f"  {name}: {status} {last[0] if last else ''}")
    # The seeds and the last case go; findings stay (in --out, or here).
    if args.out or not findings:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if findings else 0)


if __name__ == "__main__":
    main()
