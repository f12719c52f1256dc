#!/usr/bin/python3
"""The deal detail page driven as a user would: a card on the board opened
with a click and Enter, then its fields, the value's refusal of a negative
amount, a playbook tick, BANT answers, a negotiation entry, Won, Lost… and
Ctrl+Z, found by their accessible names, with rapport-cli to read what was
committed. Prints TAP.

Environment and helpers: see rapport_gui.py.
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import rapport_gui  # noqa: E402
from rapport_gui import (App, check, cli, cli_json, center, extents,  # noqa: E402
                         screenshot, type_text, wait_for, xdotool)

TITLE = "Zulu detail test"


def new_db(tmp, name):
    """A small demo database plus one open deal of our own, in the first
    stage, with nothing answered or ticked yet."""
    db = os.path.join(tmp, name + ".db")
    cli(db, "demo", "--deals", "12", "--contacts", "30")
    deal_id = cli_json(db, "deal", "add", TITLE, "--value", "12500",
                       "--stage", "Negotiation")["id"]
    return db, deal_id


def deal(db, deal_id):
    return cli_json(db, "deal", "show", str(deal_id))


class Page:
    """The open deal page: lookups walk its subtree only, not the views
    behind it."""

    def __init__(self, app):
        self.app = app
        self.node = wait_for("the detail page", lambda: app.find("Deal Details"))
        self.bottom = max(extents(app.node.get_child_at_index(i))[3]
                          for i in range(app.node.get_child_count())) - 24

    def find_all(self, name, role=None, exact=True):
        hits = []

        def walk(node, depth):
            if node is None or depth > 40:
                return
            try:
                n = node.get_name() or ""
                r = node.get_role_name()
            except Exception:
                return
            same = n == name or n == f"{name} {name}"
            if (same if exact else name in n) and (role is None or r == role):
                hits.append(node)
            for i in range(node.get_child_count()):
                walk(node.get_child_at_index(i), depth + 1)

        walk(self.node, 0)
        return [h for h in hits if extents(h)[2] > 0]

    def find(self, name, role=None, exact=True):
        hits = self.find_all(name, role, exact)
        check(hits, f"no visible {name!r} (role {role}) on the page")
        return hits[0]

    def visible(self, name, role=None, exact=True):
        """The widget, scrolled into the window first with the wheel over
        the middle of the page: one notch to learn how far a notch goes,
        then as many as it takes."""
        node = wait_for(repr(name), lambda: self.find(name, role, exact))
        step = None
        for _ in range(8):
            x, y, w, h = extents(node)
            if 60 < y and y + h < self.bottom:
                return node
            target = self.bottom // 2
            button = 5 if y > target else 4
            notches = 1 if step is None else max(1, round(abs(y - target) / step))
            xdotool("mousemove", 640, 400)
            xdotool("click", "--repeat", notches, "--delay", 15, button)
            time.sleep(0.2)
            node = self.find(name, role, exact)
            if step is None:
                step = max(20, abs(extents(node)[1] - y))
        return node

    def set_text(self, field, text):
        """Replaces the text of an entry row and saves it with Enter."""
        click(self.visible(field, "text"))
        xdotool("key", "--clearmodifiers", "ctrl+a")
        type_text(text)
        xdotool("key", "Return")
        time.sleep(0.2)


def n_windows(app):
    return app.node.get_child_count()


def click(node):
    x, y = center(node)
    xdotool("mousemove", x, y)
    time.sleep(0.05)
    xdotool("click", 1)
    time.sleep(0.25)


def open_deal(app, title=TITLE):
    """Opens the deal's card on the board: one click."""
    click(wait_for("the card", lambda: app.find(title)))
    page = Page(app)
    wait_for("the page filled in", lambda: page.find("Qualification (BANT)", exact=False))
    return page


def test_fields_undo_and_process(tmp):
    db, deal_id = new_db(tmp, "fields")
    app = App(db)
    try:
        page = open_deal(app)
        screenshot("deal-detail-open")

        # Fields: saved at once, a negative value refused next to the field.
        page.set_text("Title", "Zulu renamed")
        wait_for("the new title stored", lambda: deal(db, deal_id)["title"] == "Zulu renamed")
        wait_for("the header to follow", lambda: page.find("Zulu renamed", "label"))

        page.set_text("Value", "-5")
        wait_for("the refusal next to the value", lambda: page.find("negative", exact=False))
        screenshot("deal-detail-negative-value")
        check(deal(db, deal_id)["value"] == 1250000, "a negative value was stored")

        page.set_text("Value", "2,500.75")
        wait_for("the value stored", lambda: deal(db, deal_id)["value"] == 250075)
        wait_for("the formatted value", lambda: page.find("$2,500.75"))

        # Still in the saved field: Ctrl+Z undoes the last edit, and the
        # database has the old value again.
        xdotool("key", "--clearmodifiers", "ctrl+z")
        wait_for("the value undone", lambda: deal(db, deal_id)["value"] == 1250000)
        check(deal(db, deal_id)["title"] == "Zulu renamed", "undo took back more than one edit")

        # The playbook of the current stage.
        step = deal(db, deal_id)["playbook"][0]
        check(not step["done"], "the first key action is ticked already")
        click(page.visible(step["action"], "check box"))
        wait_for("the tick stored", lambda: deal(db, deal_id)["playbook"][0]["done"])

        # BANT: qualified from 3 of 4.
        for item in ("Budget", "Authority"):
            click(page.visible(f"{item}: Yes"))
        wait_for("two answers stored", lambda: deal(db, deal_id)["bant_score"] == 2)
        wait_for("not qualified yet", lambda: page.find("Not qualified — 2 of 4"))
        check(not deal(db, deal_id)["qualified"], "qualified at 2 of 4")
        click(page.visible("Need: Yes"))
        wait_for("qualified at 3 of 4", lambda: deal(db, deal_id)["qualified"])
        wait_for("the state line", lambda: page.find("Qualified — 3 of 4"))
        check(deal(db, deal_id)["bant"]["need"] is True, "Need is not Yes")
        screenshot("deal-detail-bant")

        # The negotiation log.
        page.set_text("Amount", "1,000")
        click(page.visible("What Was Said", "text"))
        type_text("First offer, annual plan")
        click(page.visible("Add Entry", "push button"))
        entries = wait_for("the negotiation entry", lambda: deal(db, deal_id)["negotiation"])
        check(len(entries) == 1, f"entries {entries}")
        check(entries[0]["kind"] == "offer" and entries[0]["amount"] == 100000 and
              entries[0]["text"] == "First offer, annual plan", f"entry {entries[0]}")
        wait_for("the entry on the timeline", lambda: page.find("First offer, annual plan"))
        screenshot("deal-detail-negotiation")

        # Won, and Ctrl+Z takes it back.
        click(page.visible("Won", "push button"))
        wait_for("won", lambda: deal(db, deal_id)["status"] == "won")
        wait_for("Reopen on show", lambda: page.find("Reopen", "push button"))
        screenshot("deal-detail-won")
        xdotool("key", "--clearmodifiers", "ctrl+z")
        wait_for("Won undone", lambda: deal(db, deal_id)["status"] == "open")
        app.quit()
    finally:
        app.kill()


def test_lost_lists_and_other_writer(tmp):
    db, deal_id = new_db(tmp, "lost")
    app = App(db)
    try:
        page = open_deal(app)

        # A change by another program shows within a second.
        cli(db, "deal", "move", str(deal_id), "Closing")
        wait_for("the playbook to follow rapport-cli", lambda: page.find("Playbook: Closing"), 3)
        cli(db, "deal", "bant", str(deal_id), "--timeline", "yes")
        wait_for("BANT to follow rapport-cli", lambda: page.find("Not qualified — 1 of 4"), 3)
        cli(db, "deal", "negotiate", str(deal_id), "objection", "--text", "Objection from a script")
        wait_for("the log to follow rapport-cli", lambda: page.find("Objection from a script"), 3)

        # A stage of the stepper moves the deal; Ctrl+Z moves it back.
        click(page.visible("Presentation", "push button"))
        wait_for("moved", lambda: deal(db, deal_id)["stage"] == "Presentation")
        wait_for("the playbook of the new stage", lambda: page.find("Playbook: Presentation"))
        xdotool("key", "--clearmodifiers", "ctrl+z")
        wait_for("the move undone", lambda: deal(db, deal_id)["stage"] == "Closing")

        # A note, then a call logged from the Log popover.
        page.set_text("New Note", "Asked for a reference customer")
        wait_for("the note stored", lambda: [n for n in deal(db, deal_id)["notes"]
                                             if n["body"] == "Asked for a reference customer"])
        wait_for("the note listed", lambda: page.find("Asked for a reference customer"))
        # (The popover opens with its note field focused; Enter logs a call,
        # the first kind.)
        click(page.visible("Log Activity"))
        wait_for("the note field", lambda: app.find("Activity Note", "text"))
        type_text("Walked them through the contract")
        screenshot("deal-detail-log-popover")
        xdotool("key", "Return")
        calls = wait_for("the call stored", lambda: [a for a in deal(db, deal_id)["activities"]
                                                     if a["note"] == "Walked them through the contract"])
        check(calls[0]["kind"] == "call" and calls[0]["done_at"], f"activity {calls[0]}")
        wait_for("the call listed", lambda: page.find("Walked them through the contract", exact=False))

        # A follow-up from the Follow-up popover (its title field focused;
        # Enter schedules it for the day and time shown: tomorrow, 09:00),
        # then Mark Done on its row.
        click(page.visible("Schedule Follow-up"))
        wait_for("the title field", lambda: app.find("Follow-up Title", "text"))
        type_text("Send the signed contract")
        xdotool("key", "Return")
        followup = wait_for("the follow-up stored", lambda: [
            a for a in deal(db, deal_id)["activities"] if a["title"] == "Send the signed contract"])[0]
        check(followup["due_at"] is not None and followup["done_at"] is None, f"follow-up {followup}")
        wait_for("the follow-up listed", lambda: page.find("Send the signed contract"))
        screenshot("deal-detail-lists")
        click(page.visible("Mark Done", "push button"))
        wait_for("the follow-up done", lambda: [
            a for a in deal(db, deal_id)["activities"]
            if a["id"] == followup["id"] and a["done_at"] is not None])

        # Lost…: the dialog opens with its reason field focused. Escape
        # cancels and changes nothing; a reason and Enter mark it lost.
        click(page.visible("Lost…", "push button"))
        wait_for("the dialog", lambda: n_windows(app) == 2)
        xdotool("key", "Escape")
        wait_for("the dialog gone", lambda: n_windows(app) == 1)
        check(deal(db, deal_id)["status"] == "open", "cancel marked the deal lost")

        click(page.visible("Lost…", "push button"))
        wait_for("the dialog", lambda: n_windows(app) == 2)
        type_text("Went with a competitor")
        xdotool("key", "Return")
        wait_for("lost", lambda: deal(db, deal_id)["status"] == "lost")
        check(deal(db, deal_id)["lost_reason"] == "Went with a competitor", "wrong reason")
        wait_for("the dialog gone", lambda: n_windows(app) == 1)
        wait_for("Reopen on show", lambda: page.find("Reopen", "push button"))
        screenshot("deal-detail-lost")
        app.quit()
    finally:
        app.kill()


def test_contact_and_organization_pickers(tmp):
    """The deal's contact and organization: picked by the start of a name
    with the keyboard (the matches are a popover), written at once, and
    taken away by emptying the row."""
    db, deal_id = new_db(tmp, "pickers")
    ada = cli_json(db, "contact", "add", "Adaline Quorra", "--email", "adaline@example.com")["id"]
    org = cli_json(db, "org", "add", "Quorrawick Mills")["id"]
    app = App(db)
    try:
        page = open_deal(app)

        click(page.visible("Contact", "text"))
        type_text("Adaline")
        wait_for("Adaline among the matches", lambda: app.find_all("Adaline Quorra", role="list item"))
        time.sleep(0.3)
        screenshot("deal-detail-contact-picker")
        xdotool("key", "Return")
        wait_for("the contact stored", lambda: deal(db, deal_id)["contact_id"] == ada)
        wait_for("its page one click away", lambda: page.find("Open Contact", "push button"))

        click(page.visible("Organization", "text"))
        type_text("quorraw")
        wait_for("the mills among the matches",
                 lambda: app.find_all("Quorrawick Mills", role="list item"))
        xdotool("key", "Down", "Return")
        wait_for("the organization stored", lambda: deal(db, deal_id)["organization_id"] == org)

        # Emptied, then Enter: no contact any more.
        click(page.visible("Contact", "text"))
        xdotool("key", "--clearmodifiers", "ctrl+a")
        xdotool("key", "BackSpace")
        xdotool("key", "Return")
        wait_for("the contact taken away", lambda: deal(db, deal_id)["contact_id"] is None)
        check(deal(db, deal_id)["organization_id"] == org, "the organization went with the contact")
        app.quit()
    finally:
        app.kill()


def test_delete_and_undo(tmp):
    """Delete Deal… from the page's menu: the question says what goes with
    it, Delete closes the page and takes it off the board, and Ctrl+Z
    brings it back with its note, negotiation entry and history."""
    db, deal_id = new_db(tmp, "delete")
    cli(db, "note", "add", "--deal", str(deal_id), "Budget in May.")
    cli(db, "deal", "negotiate", str(deal_id), "offer", "--amount", "12000")
    def everything():
        """export all, but for the time it was made."""
        return [line for line in cli(db, "export", "all", "--format", "json").splitlines()
                if '"exported_at"' not in line]

    before = everything()
    app = App(db)
    try:
        page = open_deal(app)
        click(page.visible("Deal Menu"))
        screenshot("deal-menu")
        # A popover's accessible extents are off without a window manager:
        # the item is activated through accessibility, not clicked.
        wait_for("the menu", lambda: app.find("Delete Deal…")).do_action(0)
        wait_for("the question", lambda: app.find(f"Delete the Deal “{TITLE}”?"))
        check(app.find_all("1 note is deleted with it.", exact=False), "the question does not count the note")
        check(app.find_all("1 negotiation entry is deleted with it.", exact=False),
              "the question does not count the negotiation entry")
        screenshot("deal-delete-question")
        screenshot("deal-delete-asked")
        # The question's answer (the dialog keeps a second, hidden row of
        # answers).
        answer = rapport_gui.in_dialog(app, "Delete", role="push button")
        check(answer, "the question has no Delete answer")
        answer[0].do_action(0)
        wait_for("the deal deleted", lambda: all(d["id"] != deal_id for d in cli_json(db, "deal", "list")), 20)
        wait_for("the page closed", lambda: not app.find_all("Deal Details"), 10)
        wait_for("the toast", lambda: app.find_all(f"Deleted “{TITLE}”", exact=False), 10)
        screenshot("deal-deleted")

        def card():
            # Below the header bar, whose title label keeps its old text
            # while the views' switcher shows.
            return [n for n in app.find_all(TITLE) if extents(n)[2] > 0 and extents(n)[1] > 60]
        check(not card(), "the card is still on the board")
        xdotool("key", "--clearmodifiers", "ctrl+z")
        wait_for("the deal back", lambda: any(d["id"] == deal_id for d in cli_json(db, "deal", "list")), 20)
        wait_for("its card back", card, 10)
        # Its toast went with the undo: when the "Undone" toast has gone,
        # it does not come back from the queue with an Undo that would
        # take back another step.
        wait_for("the Undone toast gone",
                 lambda: not [n for n in app.find_all(f"Undone: Deleted “{TITLE}”") if extents(n)[2] > 0], 30)
        time.sleep(1)
        check(not [n for n in app.find_all(f"Deleted “{TITLE}”") if extents(n)[2] > 0],
              "the delete's toast came back after its step was undone")
        check(everything() == before, "the undo did not bring back all of it")
        app.quit()
    finally:
        app.kill()


def test_note_deleted_and_back(tmp):
    """A note's Delete button on the deal page: asked, deleted, and back
    with the toast's Undo."""
    db, deal_id = new_db(tmp, "note")
    cli(db, "note", "add", "--deal", str(deal_id), "Budget in May.")

    def notes():
        return [n["body"] for n in deal(db, deal_id)["notes"]]

    app = App(db)
    try:
        page = open_deal(app)
        page.visible("Delete This Note", "push button").do_action(0)
        wait_for("the question", lambda: app.find("Delete the Note?"))
        screenshot("note-delete-question")
        answer = rapport_gui.in_dialog(app, "Delete", role="push button")
        check(answer, "the question has no Delete answer")
        answer[0].do_action(0)
        wait_for("the note deleted", lambda: notes() == [], 20)
        xdotool("mousemove", 700, 735)   # holds the toast
        undo = wait_for("the toast's Undo", lambda: [n for n in app.find_all("Undo", role="push button", exact=False)
                                                     if extents(n)[2] > 0], 10)
        undo[0].do_action(0)
        wait_for("the note back", lambda: notes() == ["Budget in May."], 20)
        wait_for("its row back", lambda: page.find_all("Budget in May."), 10)
        app.quit()
    finally:
        app.kill()


def test_activity_deleted_and_back(tmp):
    """An activity's menu (a right click on its row, made only then):
    Delete Activity…, asked, deleted, and back with Ctrl+Z."""
    db, deal_id = new_db(tmp, "activity")
    person = cli_json(db, "contact", "add", "Rowena Quell")["id"]
    cli(db, "activity", "log", str(person), "call", "--deal", str(deal_id), "--note", "Talked terms.")

    def notes():
        return [a["note"] for a in deal(db, deal_id)["activities"] if a["kind"] == "call"]

    app = App(db)
    try:
        page = open_deal(app)
        row = page.visible("Talked terms.", exact=False)
        x, y = center(row)
        xdotool("mousemove", x, y)
        xdotool("click", 3)
        time.sleep(0.3)
        screenshot("activity-menu")
        wait_for("its menu", lambda: app.find("Delete Activity…")).do_action(0)
        wait_for("the question", lambda: app.find("Delete the Activity “Call”?"))
        screenshot("activity-delete-question")
        answer = rapport_gui.in_dialog(app, "Delete", role="push button")
        check(answer, "the question has no Delete answer")
        answer[0].do_action(0)
        wait_for("the call deleted", lambda: notes() == [], 20)
        xdotool("key", "--clearmodifiers", "ctrl+z")
        wait_for("the call back", lambda: notes() == ["Talked terms."], 20)
        app.quit()
    finally:
        app.kill()


def test_log_call_with_outcome_and_next_step(tmp):
    """A call logged from the deal's Log popover with its outcome, duration
    and a next step chosen with one click: the activity and its follow-up
    stored together, and Ctrl+Z takes both back. A call logged on the
    contact alone shows on the deal too."""
    db = os.path.join(tmp, "logcall.db")
    cli(db, "demo", "--deals", "12", "--contacts", "30")
    person = cli_json(db, "contact", "add", "Quinn Logwell")["id"]
    deal_id = cli_json(db, "deal", "add", TITLE, "--value", "9000", "--stage", "Negotiation",
                       "--contact", str(person))["id"]
    cli(db, "activity", "log", str(person), "email", "--note", "Sent the price list")
    app = App(db)
    try:
        page = open_deal(app)
        wait_for("the contact's email on the deal", lambda: page.find("Sent the price list", exact=False))
        check([a for a in deal(db, deal_id)["activities"] if a["note"] == "Sent the price list"],
              "the contact's email not in the deal's activities")

        click(page.visible("Log Activity"))
        wait_for("the note field", lambda: app.find("Activity Note", "text"))
        type_text("Agreed on the pilot")
        app.find("Connected", "push button").do_action(0)
        app.find("Tomorrow", "push button").do_action(0)
        time.sleep(0.4)
        screenshot("deal-detail-log-outcome-next")
        app.find("Log Call", "push button").do_action(0)
        call = wait_for("the call stored", lambda: [a for a in deal(db, deal_id)["activities"]
                                                    if a["note"] == "Agreed on the pilot"])[0]
        check(call["kind"] == "call" and call["outcome"] == "connected" and call["done_at"],
              f"call {call}")
        nexts = wait_for("the next step stored", lambda: [
            f for f in cli_json(db, "followup", "list") if f["deal_id"] == deal_id])
        check(len(nexts) == 1 and nexts[0]["followup_kind"] == "call"
              and nexts[0]["title"] == "Call Quinn Logwell" and nexts[0]["due_at"] > call["done_at"],
              f"follow-ups {nexts}")
        wait_for("the call listed", lambda: page.find("Connected · Agreed on the pilot", exact=False))
        screenshot("deal-detail-log-listed")

        # One undo takes back the call and its next step.
        xdotool("key", "--clearmodifiers", "ctrl+z")
        wait_for("the call gone", lambda: not [a for a in deal(db, deal_id)["activities"]
                                               if a["note"] == "Agreed on the pilot"])
        check(not [f for f in cli_json(db, "followup", "list") if f["deal_id"] == deal_id],
              "the next step stayed after undo")
    finally:
        app.kill()


TESTS = [
    test_fields_undo_and_process,
    test_lost_lists_and_other_writer,
    test_contact_and_organization_pickers,
    test_delete_and_undo,
    test_note_deleted_and_back,
    test_log_call_with_outcome_and_next_step,
    test_activity_deleted_and_back,
]


if __name__ == "__main__":
    sys.exit(rapport_gui.run_tap(TESTS))
