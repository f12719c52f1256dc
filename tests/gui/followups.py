#!/usr/bin/python3
"""The Follow-ups view driven as a user would: the Follow-ups tab, Mark
Done, the Snooze menu and the New Follow-up dialog, found by their
accessible names, with rapport-cli to read what was committed. Prints TAP.

Environment and helpers: see rapport_gui.py.
"""

import datetime
import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import rapport_gui  # noqa: E402
from rapport_gui import (App, check, cli, cli_json, center, extents,  # noqa: E402
                         focus, inside, screenshot, sensitive, type_text, wait_for, xdotool)


def iso(when):
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def parse(text):
    return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(
        tzinfo=datetime.timezone.utc)


def utcnow():
    return datetime.datetime.now(datetime.timezone.utc)


def new_db(tmp, name):
    """Ada arrived two hours ago (overdue), Grace just now (due in an hour);
    one deal, so the board that App waits for has a card."""
    db = os.path.join(tmp, name + ".db")
    cli(db, "init")
    cli(db, "deal", "add", "Alpha pilot", "--value", "1000")
    now = utcnow()
    ids = {
        "Ada Lovelace": cli_json(db, "contact", "add", "Ada Lovelace", "--lead",
                                 "--created-at", iso(now - datetime.timedelta(hours=2)))["id"],
        "Grace Hopper": cli_json(db, "contact", "add", "Grace Hopper", "--lead",
                                 "--created-at", iso(now))["id"],
    }
    return db, ids


def followup_of(db, contact_id):
    hits = [f for f in cli_json(db, "followup", "list") if f["contact_id"] == contact_id]
    return hits[0] if hits else None


def child_named(node, name, role=None):
    """The first visible descendant of @node named @name."""
    def walk(n, depth):
        if n is None or depth > 30:
            return None
        try:
            nm = n.get_name() or ""
            r = n.get_role_name()
        except Exception:
            return None
        if (nm == name or nm == f"{name} {name}") and (role is None or r == role) \
                and extents(n)[2] > 0:
            return n
        for i in range(n.get_child_count()):
            hit = walk(n.get_child_at_index(i), depth + 1)
            if hit is not None:
                return hit
        return None
    hit = walk(node, 0)
    check(hit is not None, f"no {name!r} in {node.get_name()!r}")
    return hit


def click(node):
    x, y = center(node)
    xdotool("mousemove", x, y)
    time.sleep(0.05)
    xdotool("click", 1)
    time.sleep(0.3)


def row(app, title):
    return app.find(title, role="list item")


def open_followups(app):
    xdotool("key", "--clearmodifiers", "alt+6")
    return wait_for("the Overdue section", lambda: app.find("Overdue", role="list"))


def test_sections_and_badge(tmp):
    db, ids = new_db(tmp, "sections")
    app = App(db)
    try:
        overdue = open_followups(app)
        ada = wait_for("Ada's follow-up", lambda: row(app, "Contact Ada Lovelace"))
        grace = row(app, "Contact Grace Hopper")
        check(inside(ada, overdue), "Ada's follow-up is not under Overdue")
        check(not inside(grace, overdue), "Grace's follow-up is under Overdue")
        later = [s for s in ("Today", "Upcoming") if app.find_all(s, role="list")
                 and inside(grace, app.find(s, role="list"))]
        check(later, "Grace's follow-up is neither under Today nor under Upcoming")
        check(extents(grace)[1] > extents(ada)[1], "Grace is listed before Ada")
        # The badge is drawn by AdwViewSwitcher and not on the AT-SPI tree
        # in libadwaita 1.2: the screenshot shows it.
        screenshot("followups-sections")
        app.quit()
    finally:
        app.kill()


def test_mark_done(tmp):
    db, ids = new_db(tmp, "done")
    app = App(db)
    try:
        open_followups(app)
        ada = wait_for("Ada's follow-up", lambda: row(app, "Contact Ada Lovelace"))
        fid = followup_of(db, ids["Ada Lovelace"])["id"]
        click(child_named(ada, "Mark Done", "push button"))
        wait_for("the follow-up gone from the pending list",
                 lambda: all(f["id"] != fid for f in cli_json(db, "followup", "list")))
        contact = cli_json(db, "contact", "show", str(ids["Ada Lovelace"]))
        check(contact["first_contacted_at"] is not None, f"no first contact: {contact}")
        # The first contact is logged as a call: her last contact agrees.
        calls = [a for a in contact["activities"] if a["kind"] == "call" and a["done_at"]]
        check(len(calls) == 1 and contact["last_contacted_at"] == contact["first_contacted_at"],
              f"the first contact not logged: {contact}")
        done = wait_for("the Done section", lambda: app.find("Done", role="list"))
        wait_for("Ada under Done", lambda: inside(row(app, "Contact Ada Lovelace"), done))
        check(not app.find_all("Overdue", role="list") or
              not [r for r in app.find_all("Contact Ada Lovelace", role="list item")
                   if extents(r)[2] > 0 and inside(r, app.find("Overdue", role="list"))],
              "Ada is still under Overdue")
        time.sleep(0.5)
        screenshot("followups-after-done")

        # Ctrl+Z: pending again, and the first contact and its call gone.
        xdotool("key", "--clearmodifiers", "ctrl+z")
        wait_for("the follow-up pending again",
                 lambda: any(f["id"] == fid for f in cli_json(db, "followup", "list")))
        contact = cli_json(db, "contact", "show", str(ids["Ada Lovelace"]))
        check(contact["first_contacted_at"] is None and contact["last_contacted_at"] is None
              and not [a for a in contact["activities"] if a["kind"] == "call"],
              f"the first contact stayed after undo: {contact}")

        # Activating a follow-up opens what it is about (here its contact).
        grace = wait_for("Grace's follow-up", lambda: row(app, "Contact Grace Hopper"))
        x, y, w, h = extents(grace)
        xdotool("mousemove", x + w // 2, y + h // 2)
        xdotool("click", 1)
        wait_for("Grace's page", lambda: app.find("Log Call", role="push button"))
        app.quit()
    finally:
        app.kill()


def test_snooze_one_hour(tmp):
    db, ids = new_db(tmp, "snooze")
    app = App(db)
    try:
        open_followups(app)
        grace = wait_for("Grace's follow-up", lambda: row(app, "Contact Grace Hopper"))
        fid = followup_of(db, ids["Grace Hopper"])["id"]
        click(child_named(grace, "Snooze"))
        item = wait_for("the Snooze menu", lambda: app.find("1 Hour"))
        screenshot("followups-snooze-menu")
        # A popover is a surface of its own, and AT-SPI gives extents
        # relative to it: activate the item through AT-SPI instead.
        item.do_action(0)
        asked = utcnow()
        f = wait_for("the snooze committed",
                     lambda: [f for f in cli_json(db, "followup", "list")
                              if f["id"] == fid and f["snoozed_until"]])[0]
        delta = (parse(f["snoozed_until"]) - asked).total_seconds()
        check(abs(delta - 3600) <= 120, f"snoozed {delta:.0f} s ahead, not an hour")
        app.quit()
    finally:
        app.kill()


def test_new_followup(tmp):
    db, ids = new_db(tmp, "new")
    app = App(db)
    try:
        open_followups(app)
        wait_for("the New Follow-up button",
                 lambda: app.find("New Follow-up", role="push button")).do_action(0)
        title = wait_for("the Title field", lambda: app.find("Title", role="text"))
        create = app.find("Create", role="push button")
        check(not sensitive(create), "Create is enabled with an empty title")
        focus(title)
        type_text("Send the proposal")
        focus(app.find("Contact", role="text"))
        type_text("Ada")
        match = wait_for("Ada among the matches", lambda: app.find("Ada Lovelace", role="list item"))
        click(match)
        time.sleep(0.3)
        screenshot("followups-new-dialog")
        wait_for("Create to be enabled",
                 lambda: sensitive(app.find("Create", role="push button")))
        app.find("Create", role="push button").do_action(0)
        made = wait_for("the new follow-up",
                        lambda: [f for f in cli_json(db, "followup", "list")
                                 if f["title"] == "Send the proposal"])[0]
        check(made["contact_id"] == ids["Ada Lovelace"], f"contact {made['contact_id']}")
        check(parse(made["due_at"]) > utcnow(), f"due {made['due_at']} is not ahead")
        wait_for("its row", lambda: row(app, "Send the proposal"))
        time.sleep(0.5)
        screenshot("followups-after-new")
        app.quit()
    finally:
        app.kill()


def test_new_followup_for_deal(tmp):
    """A deal picked by the start of its title; its contact comes with it."""
    db, ids = new_db(tmp, "deal")
    deal_id = cli_json(db, "deal", "add", "Kilo expansion", "--value", "100",
                       "--contact", str(ids["Grace Hopper"]))["id"]
    app = App(db)
    try:
        open_followups(app)
        wait_for("the New Follow-up button",
                 lambda: app.find("New Follow-up", role="push button")).do_action(0)
        title = wait_for("the Title field", lambda: app.find("Title", role="text"))
        focus(title)
        type_text("Review the expansion")
        check(not sensitive(app.find("Create", role="push button")),
              "Create is enabled with neither a contact nor a deal")
        focus(app.find("Deal", role="text"))
        type_text("kilo")
        match = wait_for("Kilo among the matches",
                         lambda: app.find("Kilo expansion", role="list item"))
        click(match)
        time.sleep(0.3)
        screenshot("followups-new-dialog-deal")
        wait_for("Create to be enabled",
                 lambda: sensitive(app.find("Create", role="push button")))
        app.find("Create", role="push button").do_action(0)
        made = wait_for("the new follow-up",
                        lambda: [f for f in cli_json(db, "followup", "list")
                                 if f["title"] == "Review the expansion"])[0]
        check(made["deal_id"] == deal_id, f"deal {made['deal_id']}, not {deal_id}")
        check(made["contact_id"] == ids["Grace Hopper"],
              f"contact {made['contact_id']}: the deal's contact was not filled in")
        wait_for("its row", lambda: row(app, "Review the expansion"))
        time.sleep(0.5)
        screenshot("followups-after-new-deal")
        app.quit()
    finally:
        app.kill()


def test_schedule_from_card(tmp):
    """The card's context menu opens the dialog with the deal filled in."""
    db, ids = new_db(tmp, "card")
    deal_id = [d for d in cli_json(db, "deal", "list") if d["title"] == "Alpha pilot"][0]["id"]
    app = App(db)
    try:
        x, y = center(wait_for("the card", lambda: app.find("Alpha pilot")))
        xdotool("mousemove", x, y)
        time.sleep(0.05)
        xdotool("click", 3)
        wait_for("the card's menu",
                 lambda: app.find("Schedule Follow-up…")).do_action(0)
        title = wait_for("the Title field", lambda: app.find("Title", role="text"))
        focus(title)
        type_text("Pilot check-in")
        wait_for("Create to be enabled",
                 lambda: sensitive(app.find("Create", role="push button")))
        app.find("Create", role="push button").do_action(0)
        made = wait_for("the new follow-up",
                        lambda: [f for f in cli_json(db, "followup", "list")
                                 if f["title"] == "Pilot check-in"])[0]
        check(made["deal_id"] == deal_id, f"deal {made['deal_id']}, not {deal_id}")
        app.quit()
    finally:
        app.kill()


# The suite's notification server (notify-capture: dbusmock) made to
# refuse every notification, and made to take them again: its Notify as the
# template has it.
NOTIFY_METHOD = ["gdbus", "call", "--session", "-d", "org.freedesktop.Notifications",
                 "-o", "/org/freedesktop/Notifications",
                 "-m", "org.freedesktop.DBus.Mock.AddMethod",
                 "org.freedesktop.Notifications", "Notify", "susssasa{sv}i", "u"]
NOTIFY_REFUSES = "raise dbus.exceptions.DBusException('No screen', name='org.freedesktop.DBus.Error.Failed')"
NOTIFY_SHOWS = """if args[1]:
    ret = args[1]
else:
    ret = self.next_id
    self.next_id += 1
"""


def notifications(code):
    import subprocess
    subprocess.run(NOTIFY_METHOD + [code], check=True, stdout=subprocess.DEVNULL)


def banner_text(app, words):
    hits = [n for n in app.find_all(words, role="label", exact=False) if extents(n)[2] > 0]
    return hits[0] if hits else None


def test_banner_beside_undo(tmp):
    """No notification could show Ada's overdue reminder: the window shows
    it in a banner, which leaves the toasts free, so a drag made meanwhile
    gets its Undo; the banner goes by itself once she is contacted (here
    by another program)."""
    db, ids = new_db(tmp, "banner")
    deal_id = [d for d in cli_json(db, "deal", "list") if d["title"] == "Alpha pilot"][0]["id"]
    notifications(NOTIFY_REFUSES)
    try:
        app = App(db)
        try:
            wait_for("the banner", lambda: banner_text(app, "Ada Lovelace"), 30)
            x, y, w, h = extents(app.find("Qualifying"))
            sx, sy = center(app.find("Alpha pilot"))
            rapport_gui.drag(sx, sy, x + w // 2, y + h // 2)
            wait_for("the deal moved",
                     lambda: cli_json(db, "deal", "show", str(deal_id))["stage"] == "Qualifying")
            wait_for("the Undo toast", lambda: app.find("Undo", role="push button"))
            check(banner_text(app, "Ada Lovelace"), "the banner went with the toast")
            screenshot("reminder-banner-and-undo")

            cli(db, "activity", "log", str(ids["Ada Lovelace"]), "call", "--note", "Reached her.")
            wait_for("the banner gone", lambda: banner_text(app, "Ada Lovelace") is None, 20)
            app.quit()
        finally:
            app.kill()
    finally:
        notifications(NOTIFY_SHOWS)


TESTS = [
    test_sections_and_badge,
    test_mark_done,
    test_snooze_one_hour,
    test_new_followup,
    test_new_followup_for_deal,
    test_schedule_from_card,
    test_banner_beside_undo,
]


if __name__ == "__main__":
    sys.exit(rapport_gui.run_tap(TESTS))
