#!/usr/bin/python3
"""The global search driven as a user would: Ctrl+F, real keystrokes into
the header's search entry, results found by their accessible names under
their kind's heading, Enter to open the first. The records searched for are
added with rapport-cli (and a note with SQLite, whose triggers index it)
to a demo database of 5 000 contacts. Prints TAP.

Environment and helpers: see rapport_gui.py.
"""

import os
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import rapport_gui  # noqa: E402
from rapport_gui import (App, check, cli, cli_json, extents, inside,  # noqa: E402
                         screenshot, type_text, wait_for, xdotool)


def new_db(tmp, name):
    """A demo database, plus records whose names no demo record shares."""
    db = os.path.join(tmp, name + ".db")
    cli(db, "demo", "--deals", "500", "--contacts", "5000")
    org = cli_json(db, "org", "add", "Quillfeather Instruments")["id"]
    ids = {
        "org": org,
        "ingrid": cli_json(db, "contact", "add", "Ingrid Thornquist",
                           "--email", "ingrid@quillfeather.example", "--org", str(org))["id"],
        "zoe": cli_json(db, "contact", "add", "Zoë Quintrell")["id"],
        "deal": cli_json(db, "deal", "add", "Borealis observatory retrofit",
                         "--value", "48000")["id"],
    }
    # The owner of a note is found by a word of it. Prefer the command
    # line when it can add notes; else SQLite, whose triggers index it.
    ids["noted"] = 77
    noted_name = cli_json(db, "contact", "show", "77")["name"]
    text = "Prefers calls about the zeppelin hangar"
    if has_note_add():
        cli(db, "note", "add", "--contact", "77", text)
    else:
        con = sqlite3.connect(db)
        con.execute("INSERT INTO note (contact_id, body, created_at, updated_at)"
                    " VALUES (77, ?, strftime('%s'), strftime('%s'))", (text,))
        con.commit()
        con.close()
    return db, ids, noted_name


def has_note_add():
    out = rapport_gui.subprocess.run([rapport_gui.CLI, "--help"], capture_output=True, text=True)
    return "note add" in (out.stdout + out.stderr)


def start_search(app, text):
    """Ctrl+F, then replace whatever the entry holds with @text."""
    xdotool("key", "--clearmodifiers", "ctrl+f")
    time.sleep(0.3)
    xdotool("key", "--clearmodifiers", "ctrl+a")
    type_text(text)


def walk(node, name=None, role=None, depth=0, hits=None, max_depth=40):
    """Descendants of @node named @name with @role (either may be None)."""
    hits = [] if hits is None else hits
    if node is None or depth > max_depth:
        return hits
    try:
        n = node.get_name() or ""
        r = node.get_role_name()
    except Exception:
        return hits
    if (name is None or n == name) and (role is None or r == role):
        hits.append(node)
    for i in range(node.get_child_count()):
        walk(node.get_child_at_index(i), name, role, depth + 1, hits, max_depth)
    return hits


def results_root(app):
    """The search view, found once: walking the whole window (the board's
    hundreds of cards) takes seconds, the results a few milliseconds."""
    if getattr(app, "results", None) is None:
        app.results = wait_for("the search results", lambda: app.find("Search results"), 10)
    return app.results


def result(app, name, kind):
    """The row named @name under the heading @kind, or None."""
    root = results_root(app)
    lists = [n for n in walk(root, kind, "list") if extents(n)[2] > 0]
    for row in walk(root, name, "list item"):
        for section in lists:
            if extents(row)[2] > 0 and inside(row, section):
                return row
    return None


def header_title(app, name):
    """A label named @name in the header bar (the top 60 pixels). The
    header is near the top of the tree: the walk stops above the pages."""
    return [n for n in walk(app.node, name, "label", max_depth=16)
            if extents(n)[2] > 0 and extents(n)[1] < 60]


def test_prefix_and_enter(tmp):
    db, ids, _ = new_db(tmp, "prefix")
    app = App(db)
    try:
        start_search(app, "thornq")
        row = wait_for("Ingrid under Contacts",
                       lambda: result(app, "Ingrid Thornquist", "Contacts"), 5)
        description = row.get_description() or ""
        check("Quillfeather Instruments" in description,
              f"the row does not name her organization: {description!r}")
        screenshot("search-contact-prefix")
        xdotool("key", "Return")
        wait_for("the contact's page in the header",
                 lambda: header_title(app, "Ingrid Thornquist"), 15)

        # Back to the results; Down goes into them; Escape there ends the
        # search and shows the views again.
        xdotool("key", "--clearmodifiers", "alt+Left")
        wait_for("the results again", lambda: result(app, "Ingrid Thornquist", "Contacts"), 5)
        start_search(app, "thornq")
        wait_for("Ingrid under Contacts", lambda: result(app, "Ingrid Thornquist", "Contacts"), 5)
        xdotool("key", "Down")
        time.sleep(0.3)
        xdotool("key", "Escape")
        wait_for("the results gone",
                 lambda: result(app, "Ingrid Thornquist", "Contacts") is None, 5)
        wait_for("the board back", lambda: app.find_all(role="list item"))
        app.quit()
    finally:
        app.kill()


def test_kinds_notes_accents(tmp):
    db, ids, noted_name = new_db(tmp, "kinds")
    app = App(db)
    try:
        start_search(app, "observ")
        wait_for("the deal under Deals",
                 lambda: result(app, "Borealis observatory retrofit", "Deals"), 5)
        check(result(app, "Borealis observatory retrofit", "Contacts") is None,
              "the deal is listed under Contacts")

        start_search(app, "quillfeather")
        wait_for("the organization under Organizations",
                 lambda: result(app, "Quillfeather Instruments", "Organizations"), 5)
        # Her e-mail has the word too: she is found, under Contacts.
        wait_for("Ingrid under Contacts by her e-mail",
                 lambda: result(app, "Ingrid Thornquist", "Contacts"), 5)
        screenshot("search-grouped")

        start_search(app, "zeppelin")
        wait_for("the note's owner under Contacts",
                 lambda: result(app, noted_name, "Contacts"), 5)

        start_search(app, "zoe quin")
        wait_for("Zoë found by “zoe”", lambda: result(app, "Zoë Quintrell", "Contacts"), 5)
        start_search(app, "ZOË QUINTRELL")
        wait_for("Zoë found in capitals", lambda: result(app, "Zoë Quintrell", "Contacts"), 5)

        start_search(app, "xqzvvy")
        wait_for("No Results", lambda: [n for n in walk(results_root(app), "No Results")
                                        if extents(n)[2] > 0], 5)
        check(result(app, "Zoë Quintrell", "Contacts") is None, "old results still shown")
        screenshot("search-no-results")
        # Enter with nothing found opens nothing.
        xdotool("key", "Return")
        time.sleep(0.5)
        check(not header_title(app, "Zoë Quintrell"), "Enter opened a page with no results")

        # Enter opens the best match: the deal, the only hit.
        start_search(app, "borealis")
        wait_for("the deal under Deals",
                 lambda: result(app, "Borealis observatory retrofit", "Deals"), 5)
        xdotool("key", "Return")
        wait_for("the deal's page in the header",
                 lambda: header_title(app, "Borealis observatory retrofit"), 15)
        app.quit()
    finally:
        app.kill()


TESTS = [test_prefix_and_enter, test_kinds_notes_accents]


if __name__ == "__main__":
    sys.exit(rapport_gui.run_tap(TESTS))
