#!/usr/bin/python3
"""The board in a team's file: every card shows its owner, "My Deals"
leaves only this desktop's user's cards (clicked with the real pointer,
and by Ctrl+M), "Everyone" brings the others back, the deal page says
whose deal it is, and the choice goes when the file leaves the team while
the window is open. A file in no team offers no such choice. Prints TAP;
skipped when PostgreSQL is not installed.

Environment and helpers: see rapport_gui.py and team_server.py.
"""

import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from rapport_gui import (App, Atspi, check, cli, cli_json, center, extents, focus_card,  # noqa: E402
                         run_tap, screenshot, wait_for, xdotool)
from team_server import Skip, TeamServer  # noqa: E402

SERVER = None
TEMPLATE = None
PASSWORDS = {}

ALEX = ["Alpha pilot", "Bravo renewal"]
SAM = ["Charlie expansion", "Delta licence"]


def make_team_file(tmp):
    """A file joined to the team as alex, two deals alex's and two sam's
    (one each in Prospecting). Made once: each test works on a copy, as
    a second file joining would download the first one's records."""
    db = os.path.join(tmp, "template.db")
    cli(db, "init")
    SERVER.join(db, "alex", PASSWORDS["alex"])
    for title, stage, owner in [("Alpha pilot", "Prospecting", "alex"),
                                ("Bravo renewal", "Presentation", "alex"),
                                ("Charlie expansion", "Prospecting", "sam"),
                                ("Delta licence", "Negotiation", "sam")]:
        cli(db, "deal", "add", title, "--value", "12500", "--stage", stage, "--owner", owner)
    return db


def team_file(tmp, name):
    db = os.path.join(tmp, name + ".db")
    for suffix in ("", "-wal"):
        if os.path.exists(TEMPLATE + suffix):
            shutil.copyfile(TEMPLATE + suffix, db + suffix)
    ids = {d["title"]: d["id"] for d in cli_json(db, "deal", "list")}
    return db, ids


def cards(app):
    """The titles of the cards on the board (panels; the rows around them
    bear the title too)."""
    titles = set()
    for node in app.find_all(role="panel"):
        try:
            if extents(node)[2] > 0 and node.get_name() in ALEX + SAM:
                titles.add(node.get_name())
        except Exception:  # noqa: BLE001 — recycled meanwhile
            continue
    return titles


def card(app, title):
    return app.find(title, role="panel")


def description(node):
    return node.get_description() or ""


def toggle(app, name):
    # GTK 4.8 gives a toggle button the role of a push button, pressed
    # or not.
    hits = [h for h in app.find_all(name) if h.get_role_name() in ("toggle button", "push button")
            and extents(h)[2] > 0]
    return hits[0] if hits else None


def pressed(node):
    states = node.get_state_set()
    return states.contains(Atspi.StateType.PRESSED) or states.contains(Atspi.StateType.CHECKED)


def click(node):
    x, y = center(node)
    xdotool("mousemove", x, y)
    time.sleep(0.1)
    xdotool("click", 1)
    time.sleep(0.3)


def column_count(app, stage):
    """The count a column shows, from its accessible description ("1 open
    deal, …")."""
    column = app.find(stage)
    return description(column).split(" ", 1)[0]


def column_total(app, stage):
    """The total a column shows, from its accessible description ("…, $9,000
    in total, …")."""
    return description(app.find(stage)).split(", ")[1]


def test_owners_and_my_deals(tmp):
    db, ids = team_file(tmp, "team")
    app = App(db)
    try:
        wait_for("all four cards", lambda: cards(app) == set(ALEX + SAM))
        for title in ALEX:
            check("owned by alex" in description(card(app, title)),
                  f"{title}: {description(card(app, title))!r}")
        for title in SAM:
            check("owned by sam" in description(card(app, title)),
                  f"{title}: {description(card(app, title))!r}")
        check(column_count(app, "Prospecting") == "2", description(app.find("Prospecting")))
        everyone_total = column_total(app, "Prospecting")

        mine = wait_for("My Deals", lambda: toggle(app, "My Deals"))
        everyone = toggle(app, "Everyone")
        check(everyone is not None, "no Everyone button")
        check(pressed(everyone) and not pressed(mine), "Everyone is not the first choice")
        screenshot("team-board-everyone")

        click(mine)
        wait_for("only alex's cards", lambda: cards(app) == set(ALEX))
        wait_for("My Deals pressed", lambda: pressed(toggle(app, "My Deals")))
        check(not pressed(toggle(app, "Everyone")), "Everyone still pressed")
        # The column counts follow, as with the filters' owner.
        wait_for("one deal in Prospecting", lambda: column_count(app, "Prospecting") == "1")
        check(column_count(app, "Negotiation") == "0", description(app.find("Negotiation")))
        # So do the totals: the sum of the cards shown, not the stage's.
        check(column_total(app, "Prospecting") != everyone_total,
              f"Prospecting's total stayed the stage's: {description(app.find('Prospecting'))}")
        check(app.find_all("2 open deals ·", exact=False), "the board's summary does not count alex's deals alone")
        screenshot("team-board-mine")

        click(toggle(app, "Everyone"))
        wait_for("all four cards back", lambda: cards(app) == set(ALEX + SAM))
        wait_for("two deals in Prospecting", lambda: column_count(app, "Prospecting") == "2")
        check(column_total(app, "Prospecting") == everyone_total, "the stage's total did not come back")

        # The keyboard: Ctrl+M from a card switches, and back.
        focus_card(card(app, "Alpha pilot"))
        xdotool("key", "--clearmodifiers", "ctrl+m")
        wait_for("only alex's cards by Ctrl+M", lambda: cards(app) == set(ALEX))
        xdotool("key", "--clearmodifiers", "ctrl+m")
        wait_for("all four cards by Ctrl+M", lambda: cards(app) == set(ALEX + SAM))

        # A deal changed hands elsewhere: the card follows.
        cli(db, "deal", "set", str(ids["Charlie expansion"]), "--owner", "alex")
        wait_for("Charlie now alex's",
                 lambda: "owned by alex" in description(card(app, "Charlie expansion")))
        check(cli_json(db, "deal", "show", str(ids["Charlie expansion"]))["owner"] == "alex",
              "the owner was not saved")
        app.quit()
    finally:
        app.kill()


def test_deal_page_owner(tmp):
    db, ids = team_file(tmp, "page")
    app = App(db)
    try:
        click(card(app, "Delta licence"))
        wait_for("Owned by sam", lambda: app.find("Owned by sam", role="label"))
        screenshot("team-deal-page")
        app.quit()
    finally:
        app.kill()


def test_leaving_hides_the_choice(tmp):
    """The file leaves the team while the window is open (another program,
    the command line): the choice goes, every card is back, the owners go
    from the cards."""
    db, ids = team_file(tmp, "leave")
    app = App(db)
    try:
        click(wait_for("My Deals", lambda: toggle(app, "My Deals")))
        wait_for("only alex's cards", lambda: cards(app) == set(ALEX))
        cli(db, "team", "leave")
        check(cli_json(db, "team", "status").get("server") in (None, ""), "still in the team")
        wait_for("the choice gone", lambda: toggle(app, "My Deals") is None, timeout=10)
        wait_for("every card back", lambda: cards(app) == set(ALEX + SAM))
        wait_for("no owner on the cards",
                 lambda: all("owned by" not in description(card(app, t)) for t in ALEX + SAM))
        screenshot("team-board-left")
        app.quit()
    finally:
        app.kill()


def test_no_team_no_choice(tmp):
    db = os.path.join(tmp, "solo.db")
    cli(db, "init")
    for title, owner in [("Alpha pilot", "alex"), ("Charlie expansion", "sam")]:
        cli(db, "deal", "add", title, "--value", "9000", "--owner", owner)
    app = App(db)
    try:
        wait_for("the cards", lambda: cards(app) == {"Alpha pilot", "Charlie expansion"})
        check(toggle(app, "My Deals") is None and toggle(app, "Everyone") is None,
              "a file in no team offers My Deals")
        check("owned by" not in description(card(app, "Alpha pilot")),
              f"an owner on a card outside a team: {description(card(app, 'Alpha pilot'))!r}")
        screenshot("team-board-solo")
        app.quit()
    finally:
        app.kill()


def main():
    global SERVER, TEMPLATE
    if not os.environ.get("DISPLAY"):
        return run_tap([])
    try:
        SERVER = TeamServer()
    except Skip as e:
        print(f"1..0 # SKIP {e}")
        return 0
    try:
        PASSWORDS["alex"] = SERVER.add_user("alex", "seller")
        PASSWORDS["sam"] = SERVER.add_user("sam", "seller")
        with tempfile.TemporaryDirectory() as tmp:
            TEMPLATE = make_team_file(tmp)
            return run_tap([test_owners_and_my_deals, test_deal_page_owner,
                            test_leaving_hides_the_choice, test_no_team_no_choice])
    finally:
        SERVER.close()


if __name__ == "__main__":
    sys.exit(main())
