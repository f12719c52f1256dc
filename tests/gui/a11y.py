#!/usr/bin/python3
"""Every view, page and dialog of the running app walked through AT-SPI,
as a screen reader meets them: a control (button, field, check box, menu
item, list item, tab…) with no name, a toolkit's type name
("GtkSearchEntry") or a name said twice ("Won Won") fails, and so does an
image named by its type ("GtkImage": decorative ones are hidden) and a
window other than the main one that is not exposed as a dialog. The
failures are listed with the role and the path to them. GTK's own file
chooser, met on the way to the import assistant, is left out (in GNOME
it is the portal's, another program). Prints TAP.

Environment and helpers: see rapport_gui.py (audit, audit_windows).
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import rapport_gui  # noqa: E402
from safety import choose_file  # noqa: E402
from rapport_gui import (App, Failure, audit_windows, check, cli,  # noqa: E402
                         focus_card, screenshot, wait_for, xdotool)

# Records whose names no demo record shares: a search finds only them.
DEAL = "Yodelwick expansion"
CONTACT = "Xavierine Quabble"
ORGANIZATION = "Zanzibar Looms"


def new_db(tmp, name):
    db = os.path.join(tmp, name + ".db")
    cli(db, "demo", "--deals", "40", "--contacts", "40")
    cli(db, "org", "add", ORGANIZATION)
    cli(db, "contact", "add", CONTACT, "--lead")
    cli(db, "deal", "add", DEAL, "--value", "4200", "--stage", "Qualifying")
    return db


def key(*names):
    for name in names:
        xdotool("key", "--clearmodifiers", name)
        time.sleep(0.3)


def open_by_search(app, text):
    """The page of the record named @text, as a user opens it from the
    keyboard: Ctrl+F, its name, Enter."""
    key("Escape", "ctrl+f", "ctrl+a", "BackSpace")
    xdotool("type", "--delay", "20", "--", text)
    wait_for(f"{text!r} found", lambda: app.find(text, role="list item"), 10)
    key("Return")
    time.sleep(1.5)


def windows(app):
    """The windows of @app that show, as (role, name)."""
    shown = []
    for i in range(app.node.get_child_count()):
        w = app.node.get_child_at_index(i)
        try:
            # GTK 4.8 says "showing" of a window only (not of a dialog).
            if w is not None and w.get_state_set().contains(rapport_gui.Atspi.StateType.VISIBLE):
                shown.append((w.get_role_name(), w.get_name()))
        except Exception:  # noqa: BLE001
            pass
    return shown


class Walk:
    """The screens walked so far and what each of them got wrong."""

    def __init__(self, app):
        self.app = app
        self.problems = {}

    def look(self, screen, settle=0.8):
        time.sleep(settle)
        screenshot("a11y-" + screen)
        found = audit_windows(self.app)
        print(f"# {screen}: {len(found)} problem(s)")
        for problem in found:
            print(f"#   {problem}")
        if found:
            self.problems[screen] = found

    def dialog(self, screen, open_it, close=("Escape",)):
        """Opens a dialog by @open_it, audits it and closes it by @close;
        one that does not open is a problem too."""
        before = len(windows(self.app))
        try:
            open_it()
            wait_for(f"the {screen} window", lambda: len(windows(self.app)) > before, 15)
        except Failure as e:
            self.problems[screen] = [f"not reached: {e}"]
            key("Escape", "Escape")
            return
        self.look(screen)
        key(*close)
        wait_for(f"the {screen} window to close", lambda: len(windows(self.app)) == before, 10)

    def verdict(self):
        if self.problems:
            lines = []
            for screen, found in self.problems.items():
                lines.append(f"{screen}:")
                lines += ["  " + p for p in found]
            raise Failure(f"{sum(map(len, self.problems.values()))} accessibility problem(s):\n"
                          + "\n".join(lines))


def press(app, name, role="push button"):
    app.find(name, role=role).do_action(0)


def open_menu(app, name):
    """A menu button's popover: GTK 4.8 shows a GtkMenuButton as a button
    around its toggle button, which is the one that acts."""
    hits = [n for n in app.find_all(name) if n.get_role_name() in ("push button", "toggle button")
            and rapport_gui.extents(n)[2] > 0]
    check(hits, f"no menu button {name!r}")
    hits[-1].do_action(0)


def test_views(tmp):
    """The board (its menus too), every view of the switcher and the search
    results."""
    db = new_db(tmp, "views")
    app = App(db)
    walk = Walk(app)
    try:
        walk.look("board")
        open_menu(app, "Main Menu")
        wait_for("the main menu", lambda: app.find("Preferences", role="menu item"))
        walk.look("main-menu")
        key("Escape")
        card = app.find_all(role="list item")[0]
        focus_card(card.get_child_at_index(0) or card)
        key("shift+F10")
        wait_for("the card's menu", lambda: [n for n in app.find_all(role="menu item") if n.get_name()])
        walk.look("card-menu")
        key("Escape")
        for n, view in enumerate(["deals", "contacts", "organizations", "insights", "followups"], 2):
            key(f"alt+{n}")
            walk.look(view, 1.5)
        key("alt+1", "ctrl+f")
        xdotool("type", "--delay", "30", "an")
        walk.look("search", 1.5)
        key("Escape")
        walk.verdict()
        app.quit()
    finally:
        app.kill()


def test_pages(tmp):
    """A deal's page, a contact's and an organization's."""
    db = new_db(tmp, "pages")
    app = App(db)
    walk = Walk(app)
    try:
        for screen, name in [("deal-page", DEAL), ("contact-page", CONTACT),
                             ("organization-page", ORGANIZATION)]:
            open_by_search(app, name)
            walk.look(screen)
            key("alt+Left")
        walk.verdict()
        app.quit()
    finally:
        app.kill()


def test_dialogs(tmp):
    """Every dialog a user reaches from the window, its menu and a deal
    page: new deal, new lead, follow-up, lost reason, goal, preferences,
    keyboard shortcuts, about, the import assistant, the after-sales plan
    and a delete's confirmation."""
    db = new_db(tmp, "dialogs")
    app = App(db)
    walk = Walk(app)
    try:
        walk.dialog("new-deal", lambda: key("ctrl+n"))
        walk.dialog("new-lead", lambda: key("ctrl+shift+n"))
        walk.dialog("preferences", lambda: key("ctrl+comma"))
        walk.dialog("shortcuts", lambda: key("ctrl+question"))
        def from_menu(item):
            def open_it():
                open_menu(app, "Main Menu")
                wait_for("the main menu", lambda: app.find(item, role="menu item")).do_action(0)
            return open_it
        walk.dialog("about", from_menu("About Rapport"))
        def import_file():
            from_menu("Import…")()
            choose_file(app, os.path.join(os.path.dirname(__file__), "..", "data", "import", "hubspot.csv"))
        walk.dialog("import", import_file)
        walk.dialog("after-sales-plan", from_menu("After-Sales Plan…"))

        key("alt+6")
        time.sleep(1)
        walk.dialog("follow-up", lambda: press(app, "New Follow-up"), close=("Escape", "Escape"))

        key("alt+5")
        time.sleep(1)
        goal = [n for n in app.find_all(role="push button") if "Goal" in (n.get_name() or "")]
        check(goal, "no goal button on Insights")
        walk.dialog("goal", lambda: goal[0].do_action(0))

        open_by_search(app, DEAL)
        wait_for("the deal page", lambda: app.find("Won", role="push button"))
        time.sleep(1)
        walk.dialog("lost-reason", lambda: press(app, "Lost…"))

        def delete():
            open_menu(app, "Deal Menu")
            wait_for("the deal menu", lambda: app.find("Delete Deal…", role="menu item")).do_action(0)
        walk.dialog("delete", delete)
        walk.verdict()
        app.quit()
    finally:
        app.kill()


if __name__ == "__main__":
    sys.exit(rapport_gui.run_tap([test_views, test_pages, test_dialogs]))
