#!/usr/bin/python3
"""Preferences as a user works them: Ctrl+, opens the window; the default
currency is picked from its list; on the Lists page an entry another
program adds shows; a lost reason and a lead source are added, moved by
Alt+Up and by a drag, renamed in place, removed (and put back by the
toast's Undo); rapport-cli settings reads back what was stored. The
lost-reason dialog then offers
the new reason (and follows a reason another program adds while it is
open), the new-lead dialog's menu offers the new source, and a contact
page's menu saves a source picked from the list.

Environment and helpers: see rapport_gui.py; the Deals tab's helpers are
those of deals.py.
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import rapport_gui  # noqa: E402
from rapport_gui import App, center, check, cli, cli_json, drag, extents, focus, press, screenshot, type_text, wait_for, xdotool  # noqa: E402
from contacts import click_node, field_text, find, open_contacts, page, rows  # noqa: E402
from deals import open_deals, titles  # noqa: E402

OURS = "Zephyrine hangar"


def key(*names):
    for name in names:
        xdotool("key", "--clearmodifiers", name)
        time.sleep(0.3)


def open_preferences(app):
    key("ctrl+comma")
    return wait_for("the Preferences window", lambda: app.find("Default Currency", exact=False), 10)


def field(app, name):
    """The text field of an entry row, by the row's title or text."""
    return wait_for(f"the field {name!r}", lambda: app.find(name, role="text"))


def scroll_to(app, name):
    """The field @name, the Preferences page scrolled (by the wheel) until
    it is inside the window."""
    window = app.find("Preferences", role="dialog")
    bottom = extents(window)[1] + extents(window)[3]
    for _ in range(30):
        node = field(app, name)
        x, y, w, h = extents(node)
        if y + h < bottom - 10:
            return node
        xdotool("mousemove", x + w // 2, bottom - 60)
        xdotool("click", 5)
        time.sleep(0.15)
    raise rapport_gui.Failure(f"{name!r} never scrolled into the window")


def setting(db, key_name):
    return cli_json(db, "settings", "get", key_name)


def test_preferences(tmp):
    db = os.path.join(tmp, "prefs.db")
    cli(db, "demo", "--deals", "60", "--contacts", "40")
    ours = cli_json(db, "deal", "add", OURS, "--value", "1000")["id"]
    reasons = setting(db, "lost-reasons")
    sources = setting(db, "lead-sources")
    check(setting(db, "default-currency") == "USD", "the demo is not in US dollars")
    app = App(db)
    try:
        currency = open_preferences(app)
        time.sleep(0.5)
        screenshot("preferences-general")

        # The currency list opens on the one in use; Euro is the next.
        focus(currency)
        time.sleep(0.5)
        screenshot("preferences-currencies")
        key("Down", "Return")
        wait_for("the euro stored", lambda: setting(db, "default-currency") == "EUR")

        # Lists: another program's entry shows while the page is open and
        # goes again; a reason added last, then moved up one with Alt+Up.
        click_node(app.find("Lists", exact=False))
        cli(db, "settings", "add", "lost-reasons", "Acquired by a rival")
        wait_for("another program's reason shown", lambda: app.find_all("Acquired by a rival", role="text"), 10)
        cli(db, "settings", "remove", "lost-reasons", "Acquired by a rival")
        wait_for("and gone again", lambda: not app.find_all("Acquired by a rival", role="text"), 10)
        add = field(app, "Add a Lost Reason")
        focus(add)
        type_text("Merged with a rival")
        key("Return")
        wait_for("the reason added", lambda: setting(db, "lost-reasons") == reasons + ["Merged with a rival"])
        focus(field(app, "Merged with a rival"))
        key("alt+Up")
        wait_for("the reason moved up",
                 lambda: setting(db, "lost-reasons") == reasons[:-1] + ["Merged with a rival", reasons[-1]])
        screenshot("preferences-lists-reasons")

        # The first reason dragged by its handle (at the start of the row)
        # onto the third.
        first = field(app, reasons[0])
        third = field(app, reasons[2])
        x, y, w, h = extents(first)
        tx, ty = center(third)
        drag(x + 24, y + h // 2, tx, ty)
        moved = reasons[1:3] + [reasons[0]] + reasons[3:-1] + ["Merged with a rival", reasons[-1]]
        wait_for("the reason dragged down", lambda: setting(db, "lost-reasons") == moved)
        reasons = moved[:-2] + [moved[-1]]

        # A source added, and one removed by its button.
        focus(scroll_to(app, "Add a Lead Source"))
        type_text("Podcast")
        key("Return")
        # Renamed in place: the text replaced, Enter.
        focus(field(app, sources[0]))
        key("ctrl+a")
        type_text("Web form")
        key("Return")
        sources[0] = "Web form"
        wait_for("the source renamed", lambda: setting(db, "lead-sources") == sources + ["Podcast"])
        time.sleep(0.5)
        check(not app.find_all("is not in the list", exact=False), "a second rename was tried and refused")

        # Removed by its button; the toast's Undo puts it back in its
        # place; removed again.
        remove = f"Remove “{sources[2]}”"
        app.find(remove, role="push button").do_action(0)
        wait_for("the source removed", lambda: setting(db, "lead-sources") == sources[:2] + sources[3:] + ["Podcast"])
        wait_for("the toast's Undo", lambda: app.find("Undo", role="push button")).do_action(0)
        wait_for("the source back", lambda: setting(db, "lead-sources") == sources + ["Podcast"])
        wait_for("its row back", lambda: app.find(remove, role="push button")).do_action(0)
        removed = sources[2]
        sources = sources[:2] + sources[3:]
        wait_for("the sources changed", lambda: setting(db, "lead-sources") == sources + ["Podcast"])
        time.sleep(0.5)
        screenshot("preferences-lists")
        # Escape closes the window (a first one may go to the toast).
        for _ in range(3):
            if not app.find_all("Preferences", role="dialog"):
                break
            key("Escape")
            time.sleep(0.5)
        check(not app.find_all("Preferences", role="dialog"), "Escape did not close Preferences")

        # The lost-reason dialog offers the new reason, and one another
        # program adds while it is open.
        view, table = open_deals(app)
        click_node(find(view, "Search Deals"))
        type_text("zephyr")
        wait_for("ours found", lambda: titles(table) == [OURS])
        click_node(rows(table)[0][0])
        detail = wait_for("its page", lambda: page(app, "RapportDealDetail"))
        click_node(wait_for("Lost…", lambda: find(detail, "Lost…", "push button")))
        wait_for("the new reason offered", lambda: app.find("Merged with a rival", role="push button"))
        cli(db, "settings", "add", "lost-reasons", "Budget moved to next year")
        wait_for("another program's reason offered",
                 lambda: app.find("Budget moved to next year", role="push button"), 10)
        screenshot("preferences-lost-reason-dialog")
        app.find("Merged with a rival", role="push button").do_action(0)
        # A button reacts a moment after its action: Mark Lost is offered
        # once the reason is in the entry.
        mark = wait_for("Mark Lost offered", lambda: [b for b in rapport_gui.in_dialog(app, "Mark Lost", "push button")
                                                      if rapport_gui.sensitive(b)])
        mark[0].do_action(0)
        wait_for("lost with the reason",
                 lambda: cli_json(db, "deal", "show", str(ours))["lost_reason"] == "Merged with a rival", 20)

        # The new-lead dialog offers the new source, not the removed one.
        key("alt+1")
        press(app, "New Lead")
        button = wait_for("the sources button", lambda: app.find("Common Sources", role="push button"))
        click_node(button)
        item = wait_for("the new source offered", lambda: app.find("Podcast", role="menu item"))
        check(not app.find_all(removed, role="menu item"), "the removed source is still offered")
        screenshot("preferences-lead-sources")
        item.do_action(0)
        wait_for("the source picked", lambda: field_text(field(app, "Source")) == "Podcast")
        focus(field(app, "Name"))
        type_text("Quilla Vantongeren")
        key("ctrl+Return")
        lead = wait_for("the lead stored", lambda: [c for c in cli_json(db, "contact", "list")
                                                    if c["name"] == "Quilla Vantongeren"], 10)[0]
        check(lead["source"] == "Podcast", f"the lead's source is {lead['source']!r}")

        # Her page offers the list too: a pick is saved at once.
        view, table = open_contacts(app)
        click_node(find(view, "Search Contacts"))
        type_text("Vantongeren")
        wait_for("her row", lambda: len(rows(table)) == 1)
        click_node(rows(table)[0][0])
        detail = wait_for("her page", lambda: page(app, "RapportContactDetail"))
        click_node(wait_for("its sources button", lambda: find(detail, "Common Sources", "push button")))
        offered = wait_for("the sources offered", lambda: app.find(sources[1], role="menu item"))
        screenshot("preferences-contact-sources")
        offered.do_action(0)
        wait_for("the source saved",
                 lambda: cli_json(db, "contact", "show", str(lead["id"]))["source"] == sources[1], 10)
        app.quit()
    finally:
        app.kill()


TESTS = [
    test_preferences,
]

if __name__ == "__main__":
    sys.exit(rapport_gui.run_tap(TESTS))
