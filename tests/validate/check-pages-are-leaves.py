#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The window's pages are leaf widgets: only the window and the application
include lc-window.h; pages ask the window for things through its actions and
their own signals (see src/ui/lc-pages.h). TAP output."""

import os
import re
import sys

ui = sys.argv[1]
allowed = {'lc-window.c', 'lc-window.h', 'lc-application.c'}
files = sorted(f for f in os.listdir(ui) if f.endswith(('.c', '.h')))
print(f'1..{len(files)}')
failed = 0
for i, name in enumerate(files, 1):
    with open(os.path.join(ui, name), encoding='utf-8') as f:
        text = f.read()
    calls = re.findall(r'\blc_window_[a-z_]+\s*\(', text)
    includes = '#include "lc-window.h"' in text
    if name not in allowed and (includes or calls):
        failed += 1
        print(f'not ok {i} {name} reaches into the window'
              f' ({"includes lc-window.h" if includes else ""} {", ".join(sorted(set(calls)))})')
    else:
        print(f'ok {i} {name}')
sys.exit(1 if failed else 0)
