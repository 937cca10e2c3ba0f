#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest offline: it parses, it keeps the sandbox as
narrow as DESIGN.md says, it names real sources, and (when flatpak-builder
is installed) flatpak-builder accepts it without unknown keys."""

import json
import os
import re
import shutil
import subprocess
import sys

manifest_path = sys.argv[1]
top = os.path.dirname(os.path.dirname(os.path.abspath(manifest_path)))
problems = []

with open(manifest_path, encoding='utf-8') as f:
    manifest = json.load(f)

if manifest.get('id') != 'io.github.lightcode.Lightcode':
    problems.append('id is not io.github.lightcode.Lightcode')
if manifest.get('runtime') != 'org.gnome.Platform':
    problems.append('runtime is not org.gnome.Platform')
version = manifest.get('runtime-version', '')
if not re.fullmatch(r'\d+', version) or int(version) < 48:
    problems.append(f'runtime-version {version!r} is older than 48')

allowed = {'--share=ipc', '--socket=wayland', '--socket=fallback-x11', '--device=dri'}
for arg in manifest.get('finish-args', []):
    if arg not in allowed:
        problems.append(f'finish-arg {arg} goes beyond wayland, fallback-x11, ipc and dri')

modules = manifest.get('modules', [])
names = [m.get('name') for m in modules]
if 'libportal' not in names:
    problems.append('libportal is not bundled (the runtime lacks it before GNOME 51)')
if not names or names[-1] != 'lightcode':
    problems.append('the last module must be lightcode')
elif not modules[-1].get('run-tests'):
    problems.append('the lightcode module does not run its tests')

for module in modules:
    for source in module.get('sources', []):
        kind = source.get('type')
        if kind == 'archive':
            if not source.get('url', '').startswith('https://'):
                problems.append(f"{module['name']}: archive url is not https")
            if not re.fullmatch(r'[0-9a-f]{64}', source.get('sha256', '')):
                problems.append(f"{module['name']}: archive has no sha256")
        elif kind == 'dir':
            path = os.path.join(os.path.dirname(os.path.abspath(manifest_path)), source['path'])
            if not os.path.isfile(os.path.join(path, 'meson.build')):
                problems.append(f"{module['name']}: dir source {source['path']} has no meson.build")
        elif kind == 'git':
            if not (source.get('tag') or source.get('commit')):
                problems.append(f"{module['name']}: git source without tag or commit")

builder = shutil.which('flatpak-builder')
if builder:
    result = subprocess.run([builder, '--show-manifest', manifest_path],
                            capture_output=True, text=True)
    if result.returncode != 0:
        problems.append('flatpak-builder rejects it: ' + result.stderr.strip())
    elif 'Unknown property' in result.stderr:
        problems.append('flatpak-builder warns: ' + result.stderr.strip())

print('1..1')
if problems:
    print('not ok 1 - flatpak manifest')
    for p in problems:
        print('# ' + p)
    sys.exit(1)
print('ok 1 - flatpak manifest' + ('' if builder else ' # flatpak-builder not installed, JSON checks only'))
