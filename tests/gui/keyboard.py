#!/usr/bin/python3
"""A seller's whole flow by the keyboard alone: a new lead, the first call
logged, a deal for it, qualified (BANT three of four), moved through the
stages from the board and marked won. Only keys are pressed (xdotool key
and type, no pointer); AT-SPI only watches where the focus is, and each
step is checked with rapport-cli --json. Screenshots along the way show a
focus ring on what has the focus. A toast's Undo is reached by Tab too.
Prints TAP.

Environment and helpers: see rapport_gui.py (keys_until_focused,
focus_ring_visible).
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import rapport_gui  # noqa: E402
from rapport_gui import (App, check, cli, cli_json, focus_ring_visible, focused,  # noqa: E402
                         keys_until_focused, screenshot, wait_for, xdotool)

LEAD = "Wilhelmina Ashgrove"
LEAD_EMAIL = "wilhelmina@ashgrove.example"
DEAL = f"Deal with {LEAD}"


def key(*names):
    for name in names:
        xdotool("key", "--clearmodifiers", name)
        time.sleep(0.25)


def type_text(text):
    xdotool("type", "--delay", "20", "--", text)
    time.sleep(0.2)


def lead(db):
    hits = [c for c in cli_json(db, "contact", "list") if c["name"] == LEAD]
    return cli_json(db, "contact", "show", str(hits[0]["id"])) if hits else None


def deal(db, deal_id):
    return cli_json(db, "deal", "show", str(deal_id))


def has_focus(app, name, role="text"):
    """The widget named @name that has the focus (an AdwEntryRow and the
    text inside it both bear the row's title)."""
    hits = [n for n in app.find_all(name, role=role) if focused(n)]
    return hits[0] if hits else None


def shown(app, name, role):
    """The widgets named @name, for keys_until_focused."""
    return lambda: app.find_all(name, role=role)


def ring(node, name):
    check(focus_ring_visible(node, "keyboard-" + name), f"no focus ring on {node.get_name()!r} ({name})")


def test_flow(tmp):
    db = os.path.join(tmp, "flow.db")
    cli(db, "demo", "--deals", "40", "--contacts", "30")
    stages = [s["name"] for s in cli_json(db, "stage", "list")]
    app = App(db)
    try:
        # A new lead: Ctrl+Shift+N, the name, Tab, the email, Ctrl+Enter.
        # (Without a window manager GTK never calls a dialog active, and
        # AT-SPI then says no focus inside it: what was typed is checked
        # in the database instead.)
        key("ctrl+shift+n")
        name = wait_for("the lead's Name field", lambda: app.find("Name", role="text"), 10)
        time.sleep(0.5)
        type_text(LEAD)
        ring(name, "lead-name")
        key("Tab")
        type_text(LEAD_EMAIL)
        key("ctrl+Return")
        contact = wait_for("the lead stored", lambda: lead(db), 10)
        check(contact["lifecycle"] == "lead" and contact["email"] == LEAD_EMAIL, f"lead: {contact}")
        check(contact["first_contacted_at"] is None, "contacted already")

        # Its page, by the search: Ctrl+F, the name, Enter.
        key("ctrl+f")
        type_text(LEAD)
        wait_for("the lead found", lambda: app.find(LEAD, role="list item"), 10)
        key("Return")
        wait_for("the contact page", lambda: app.find("Log Call"), 10)
        time.sleep(0.5)

        # The first call: Tab to Log Call, Space, a note, Enter.
        button = keys_until_focused(lambda: app.find_all("Log Call"))
        ring(button, "log-call")
        key("space")
        wait_for("the note field focused", lambda: has_focus(app, "Activity Note"))
        type_text("Introduced ourselves, asked for a demo")
        key("Return")
        wait_for("the first contact", lambda: lead(db)["first_contacted_at"] is not None, 10)
        calls = [a for a in lead(db)["activities"] if a["kind"] == "call"]
        check(len(calls) == 1 and calls[0]["note"] == "Introduced ourselves, asked for a demo",
              f"calls: {calls}")

        # A deal for the lead: Tab to Create Deal, Space, Tab, a value,
        # Enter; the deal's page opens.
        keys_until_focused(lambda: app.find_all("Create Deal"))
        key("space")
        wait_for("the deal title focused", lambda: has_focus(app, "Title"))
        key("Tab")
        type_text("18500")
        key("Return")
        deal_id = wait_for("the deal stored", lambda: (lead(db)["deals"] or [None])[0], 10)
        d = deal(db, deal_id)
        check(d["title"] == DEAL and d["value"] == 1850000 and d["stage"] == stages[0],
              f"deal: {d['title']!r} {d['value']} {d['stage']}")
        wait_for("the deal page", lambda: app.find("Budget: Yes"), 10)
        time.sleep(0.5)

        # Qualified: Budget, Authority and Need answered Yes, Timeline not.
        for item in ("Budget", "Authority", "Need"):
            toggle = keys_until_focused(shown(app, f"{item}: Yes", None))
            key("space")
            wait_for(f"{item} yes", lambda: deal(db, deal_id)["bant"][item.lower()] is True)
        ring(toggle, "bant")
        d = deal(db, deal_id)
        check(d["bant_score"] == 3 and d["qualified"] and d["bant"]["timeline"] is not True,
              f"bant: {d['bant']} score {d['bant_score']} qualified {d['qualified']}")
        screenshot("keyboard-qualified")

        # Through the stages from the board: Alt+1, Tab to the card,
        # Ctrl+Right stage by stage.
        # (Alt+1 leaves the deal page for the search it came from; Escape
        # ends the search.)
        key("alt+1", "Escape", "alt+1")
        time.sleep(1)
        screenshot("keyboard-board")
        # Tab reaches the first card of the column, Down the next ones.
        column = app.find(stages[0], role="list")
        rows = lambda: [column.get_child_at_index(i) for i in range(column.get_child_count())]  # noqa: E731
        keys_until_focused(lambda: rows() + [r.get_child_at_index(0) for r in rows() if r.get_child_count()],
                           limit=60)
        card = keys_until_focused(shown(app, DEAL, None), keys=("Down",), limit=10)
        ring(card, "card")
        for stage in stages[1:]:
            key("ctrl+Right")
            wait_for(f"the deal in {stage}", lambda: deal(db, deal_id)["stage"] == stage, 10)
            wait_for("the card focused again", lambda: [n for n in app.find_all(DEAL) if focused(n)], 10)
        screenshot("keyboard-last-stage")

        # Won: Enter opens the deal, Alt+W marks it won.
        key("Return")
        wait_for("the deal page", lambda: app.find("Won", role="push button"), 10)
        time.sleep(0.5)
        key("alt+w")
        wait_for("the deal won", lambda: deal(db, deal_id)["status"] == "won", 10)
        time.sleep(0.5)
        screenshot("keyboard-won")
        d = deal(db, deal_id)
        check(d["closed_at"] is not None, f"won without a close: {d}")
        # Every stage in the history, in order.
        moves = [h["to_stage"] for h in d["history"]]
        check([m for i, m in enumerate(moves) if i == 0 or m != moves[i - 1]] == stages,
              f"history: {moves}")
        app.quit()
    finally:
        app.kill()


def test_toast_by_keys(tmp):
    """A toast's action is reached by Tab: a card moved by Ctrl+Right, the
    toast's Undo focused by Tab and pressed by Space puts it back."""
    db = os.path.join(tmp, "toast.db")
    cli(db, "init")
    deal_id = cli_json(db, "deal", "add", "Quillon renewal", "--value", "900", "--stage", "Prospecting")["id"]
    app = App(db)
    try:
        keys_until_focused(shown(app, "Quillon renewal", "panel"), limit=60)
        key("ctrl+Right")
        wait_for("the deal moved", lambda: deal(db, deal_id)["stage"] == "Qualifying", 10)
        undo = keys_until_focused(lambda: app.find_all("Undo", role="push button"), limit=60)
        ring(undo, "toast-undo")
        key("space")
        wait_for("the move undone", lambda: deal(db, deal_id)["stage"] == "Prospecting", 10)
        app.quit()
    finally:
        app.kill()


if __name__ == "__main__":
    sys.exit(rapport_gui.run_tap([test_flow, test_toast_by_keys]))
