#!/usr/bin/python3
"""The Deals tab driven as a user would: Alt+2, the status buttons, a
column header clicked twice, the Filters popover worked from the keyboard,
the search typed into, and one click on a row opening its deal; what the
table shows is compared with `deal list --json`, which runs the same
query. Also the lost-reason dialog's reasons, one click each. Prints TAP.

Environment and helpers: see rapport_gui.py; the table helpers are those
of contacts.py.
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import rapport_gui  # noqa: E402
from rapport_gui import App, check, cli, cli_json, screenshot, type_text, wait_for  # noqa: E402
from contacts import click_node, find, key, page, rows, walk, named, not_table  # noqa: E402

TITLE, ORGANIZATION, CONTACT, VALUE, STAGE = range(5)
OURS = "Zephyrine hangar"


def new_db(tmp, name):
    db = os.path.join(tmp, name + ".db")
    cli(db, "demo", "--deals", "300", "--contacts", "500")
    ours = cli_json(db, "deal", "add", OURS, "--value", "123456", "--owner", "Quinn Zephyr")
    return db, ours["id"]


def open_deals(app):
    key("alt+2")
    view = wait_for("the deals view", lambda: page(app, "RapportDealsView"))
    table = wait_for("the deals table", lambda: find(view, "Deals", "tree table"))
    return view, table


def count_label(view):
    hits = walk(view, lambda n: n.get_role_name() == "label" and
                (n.get_name() or "").endswith((" deal", " deals")), prune=not_table)
    return hits[0].get_name() if hits else None


def titles(table):
    return [cells[TITLE] for _, cells in rows(table)]


def cli_titles(db, *args):
    return [d["title"] for d in cli_json(db, "deal", "list", *args)]


def shows_head_of(table, expected):
    """The table's rows in sight are the first of @expected, in order."""
    shown = titles(table)
    return len(shown) > 3 and shown == expected[:len(shown)]


def test_status_sort_filter_search_open(tmp):
    db, ours = new_db(tmp, "list")
    everything = cli_json(db, "deal", "list")
    app = App(db)
    try:
        view, table = open_deals(app)
        wait_for("every deal counted", lambda: count_label(view) == f"{len(everything):,} deals")
        wait_for("by title", lambda: shows_head_of(table, cli_titles(db, "--sort", "title")))
        screenshot("deals-view")

        # Won only, the largest first: the Value header twice.
        won = cli_titles(db, "--status", "won", "--sort", "value", "--descending")
        click_node(find(view, "Won"))
        wait_for("the won counted", lambda: count_label(view) == f"{len(won):,} deals")
        header = walk(table.get_child_at_index(0), named("Value", "label"))[0]
        click_node(header)
        wait_for("the smallest won first", lambda: shows_head_of(table, list(reversed(won))))
        click_node(header)
        wait_for("the largest won first", lambda: shows_head_of(table, won))

        # Filters, from the keyboard: Stage, Owner, Closes, then the
        # smallest value.
        click_node(find(view, "Filters"))
        time.sleep(0.5)
        key("Tab", "Tab", "Tab")
        type_text("20000")
        key("Escape")
        big = cli_titles(db, "--status", "won", "--sort", "value", "--descending", "--value-min", "20000")
        check(0 < len(big) < len(won), f"{len(big)} of {len(won)} won deals are worth 20 000 or more")
        wait_for("the big won counted", lambda: count_label(view) == f"{len(big):,} deals")
        wait_for("the big won in order", lambda: shows_head_of(table, big) or titles(table) == big)
        wait_for("the button counts the filter", lambda: find(view, "1 Filter"))
        screenshot("deals-won-filtered")

        # All again, and our deal by the start of a word of its title,
        # among 300.
        click_node(find(view, "All"))
        click_node(find(view, "Search Deals"))
        type_text("zephyr")
        wait_for("ours found", lambda: titles(table) == [OURS])
        check(cli_titles(db, "--search", "zephyr", "--value-min", "20000") == [OURS], "the CLI disagrees")

        # One click opens it.
        click_node(rows(table)[0][0])
        detail = wait_for("its page", lambda: page(app, "RapportDealDetail"))
        wait_for("its title", lambda: walk(detail, lambda n: n.get_name() == OURS, prune=not_table))
        app.quit()
    finally:
        app.kill()


def test_lost_reason_picked(tmp):
    """Mark Lost on a deal page offers the usual reasons; one click fills
    the entry, Mark Lost stores it."""
    db, ours = new_db(tmp, "lost")
    app = App(db)
    try:
        view, table = open_deals(app)
        click_node(find(view, "Search Deals"))
        type_text("zephyr")
        wait_for("ours found", lambda: titles(table) == [OURS])
        click_node(rows(table)[0][0])
        detail = wait_for("its page", lambda: page(app, "RapportDealDetail"))
        click_node(wait_for("Lost…", lambda: find(detail, "Lost…", "push button")))
        reason = wait_for("the reasons", lambda: app.find("No budget", role="push button"))
        screenshot("lost-reason-dialog")
        reason.do_action(0)
        # Mark Lost is enabled only with a reason: the click gave one. (On
        # a loaded machine the press came before the button woke, and did
        # nothing, as a click on a dimmed button does.)
        mark = wait_for("Mark Lost enabled",
                        lambda: [b for b in [app.find("Mark Lost", role="push button")] if rapport_gui.sensitive(b)])[0]
        mark.do_action(0)
        wait_for("lost with the reason", lambda: cli_json(db, "deal", "show", str(ours))["lost_reason"] == "No budget", 20)
        app.quit()
    finally:
        app.kill()


TESTS = [
    test_status_sort_filter_search_open,
    test_lost_reason_picked,
]


if __name__ == "__main__":
    sys.exit(rapport_gui.run_tap(TESTS))
