#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright 2026 The Lightcode authors
#
# The fix journey through the accessibility tree, as a screen reader user
# would take it: XT2 with six red blinks -> This Is What I See -> Fix It
# -> every step -> No -> the next cause -> "No" until support is offered
# -> the summary -> Copy. Procedure titles are checked against
# `lightcode diagnose --json`.
#
#   journey-atspi.py LIGHTCODE
#
# Needs Xvfb, a session bus and pyatspi (python3-pyatspi); run by meson
# under build-aux's wrapper. Exits 77 (skip) when they are missing.

import json
import os
import subprocess
import sys
import time

try:
    import gi
    gi.require_version('Atspi', '2.0')
    import pyatspi
except (ImportError, ValueError):
    print('1..0 # SKIP no pyatspi')
    sys.exit(77)

if not os.environ.get('DISPLAY') or not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
    print('1..0 # SKIP no display or session bus')
    sys.exit(77)

lightcode = sys.argv[1]
MAX_PROCEDURES = 3
DEVICE, SIGNAL = 'xt2', 'red:burst:6'

expected = json.loads(subprocess.check_output(
    [lightcode, 'diagnose', '--device', DEVICE, '--signal', SIGNAL, '--json']))
first_title = expected['causes'][0]['procedure']['title']
second_title = expected['causes'][1]['procedure']['title']

env = dict(os.environ)
env.pop('NO_AT_BRIDGE', None)
app_process = subprocess.Popen([lightcode, '--device', DEVICE, '--signal', SIGNAL], env=env)

tests = 0


def ok(condition, what):
    global tests
    tests += 1
    print(('ok %d ' if condition else 'not ok %d ') % tests + what, flush=True)
    if not condition:
        app_process.terminate()
        sys.exit(1)


def nodes(node):
    try:
        yield node
        for child in node:
            if child is not None:
                yield from nodes(child)
    except Exception:
        return


def find_app():
    for _ in range(60):
        time.sleep(0.5)
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and app.childCount > 0 and \
               (app.name or '').lower() in ('lightcode', 'lightcode-ui', 'io.github.lightcode'):
                return app
            if app is not None and app.childCount > 0 and 'lightcode' in (app.name or '').lower():
                return app
    return None


def buttons(app, name):
    return [n for n in nodes(app)
            if n.getRoleName() in ('push button', 'toggle button') and n.name == name
            and n.getState().contains(pyatspi.STATE_SENSITIVE)]


def press(app, name, index=0):
    found = buttons(app, name)
    ok(len(found) > index, 'a "%s" button is there' % name)
    action = found[index].queryAction()
    action.doAction(0)
    time.sleep(1.5)


def has_label(app, text):
    return any(n.getRoleName() == 'label' and n.name == text for n in nodes(app))


def wait_for(predicate, seconds=10):
    end = time.time() + seconds
    while time.time() < end:
        if predicate():
            return True
        time.sleep(0.3)
    return False


app = find_app()
ok(app is not None, 'the app is on the accessibility bus')
time.sleep(1)

# No mnemonic underscores in names.
ok(not any('_' in (n.name or '') for n in nodes(app) if n.getRoleName() == 'push button'),
   'no button name carries a mnemonic underscore')

press(app, 'This Is What I See')
ok(wait_for(lambda: buttons(app, 'Fix It')), 'the diagnosis offers Fix It')

# The first Fix It is the top cause's (it is the one expanded and first).
press(app, 'Fix It')
ok(wait_for(lambda: has_label(app, first_title)), 'Fix It opens "%s"' % first_title)

procedures = 1
for step in expected['causes'][0]['procedure']['steps']:
    press(app, 'Done')
press(app, 'No, It’s Still the Same')
ok(wait_for(lambda: has_label(app, second_title)),
   'after No, the next cause\'s fix: "%s"' % second_title)
procedures += 1

# "No" again until support is offered: within three fixes.
while not buttons(app, 'Keep Trying Other Fixes'):
    ok(procedures <= MAX_PROCEDURES, 'support offered within %d fixes' % MAX_PROCEDURES)
    for _ in range(12):
        if not buttons(app, 'Done'):
            break
        press(app, 'Done')
    press(app, 'No, It’s Still the Same')
    if buttons(app, 'Keep Trying Other Fixes'):
        break
    procedures += 1
ok(procedures <= MAX_PROCEDURES, 'support offered after %d fixes' % procedures)

summary = [n for n in nodes(app) if n.getRoleName() == 'text']
texts = []
for n in summary:
    try:
        t = n.queryText()
        texts.append(t.getText(0, t.characterCount))
    except Exception:
        pass
summary_text = next((t for t in texts if 'support summary' in t), '')
ok(summary_text != '', 'the support summary is shown')
ok('Stop here' not in summary_text, 'the summary carries no step\'s stop note')
ok(first_title in summary_text and second_title in summary_text, 'the summary lists the fixes tried')
press(app, 'Copy')

app_process.terminate()
app_process.wait(10)
print('1..%d' % tests)
