#!/usr/bin/python3
"""Import… as a seller coming from another CRM uses it: the main menu, the
file chooser, the assistant's guesses, a stage of the other CRM mapped to
one of ours, bad rows skipped (and saved beside the file), the import, and
Undo. Results are read back with `rapport-cli --json`.
"""

import csv
import os
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from rapport_gui import (App, center, check, cli, cli_json, extents,  # noqa: E402
                         screenshot, sensitive, wait_for, xdotool)
from safety import choose_file, click, menu_item  # noqa: E402

NOW = "2026-03-20T12:00:00Z"
CORPUS = os.path.join(os.path.dirname(__file__), "..", "data", "import")


def database(tmp, name):
    """A database in a folder of its own, as users keep it in
    ~/.local/share/rapport. (test_duplicates_filled keeps one in the
    folder the file chooser lists, on purpose.)"""
    folder = os.path.join(tmp, "db-" + name)
    os.makedirs(folder, exist_ok=True)
    return os.path.join(folder, name)


def visible(app, name, role=None, exact=True):
    return [n for n in app.find_all(name, role, exact) if extents(n)[2] > 0]


def open_assistant(app, path):
    menu_item(app, "Import", 0)
    choose_file(app, path)
    wait_for("the assistant", lambda: visible(app, "Each row is", exact=False), 10)


def into_view(node):
    """Wheels the assistant's page (by its right edge, away from the
    preview, which scrolls sideways) until @node is inside the window."""
    for _ in range(80):
        x, y = center(node)
        if 70 < y < 620:
            return
        xdotool("mousemove", 745, 400)
        xdotool("click", 5 if y >= 620 else 4)
        time.sleep(0.1)
    check(False, f"{node.get_name()!r} never came into view")


def click_in_view(node):
    into_view(node)
    time.sleep(0.3)
    click(node)


def pick(app, row_title, downs):
    """Opens the combo row titled @row_title and moves @downs down its list."""
    # The last of its name: the preview above shows the same text.
    rows = app.find_all(row_title)
    check(rows, f"no row {row_title!r}")
    click_in_view(rows[-1])
    time.sleep(0.5)
    screenshot("import-pick-" + row_title.split()[0].lower())
    for _ in range(downs):
        xdotool("key", "Down")
        time.sleep(0.1)
    xdotool("key", "Return")
    time.sleep(0.5)


def import_button(app):
    buttons = visible(app, "Import", role="push button")
    check(buttons, "no Import button")
    return buttons[0]


def deals_by_title(db):
    return {d["title"]: d for d in cli_json(db, "deal", "list")}


def test_deals_with_a_stage_mapped(tmp):
    """A Salesforce export: the rows are guessed to be deals, the dates'
    order is found from the dates that can only be read one way, and two
    stages Rapport lacks are mapped by the user before Import is offered."""
    os.environ["RAPPORT_NOW"] = NOW
    db = database(tmp, "deals.db")
    cli(db, "demo", "--deals", "60", "--contacts", "40")
    before = deals_by_title(db)
    orgs_before = cli_json(db, "org", "list")
    os.makedirs(os.path.join(tmp, "exports"), exist_ok=True)
    path = os.path.join(tmp, "exports", "opportunities.csv")
    shutil.copy(os.path.join(CORPUS, "deals-salesforce.csv"), path)
    app = App(db)
    try:
        open_assistant(app, path)
        check(visible(app, "A deal"), "the rows were not guessed to be deals")
        # The dates are month first (01/15/2026): chosen, then only the
        # two stages are left.
        wait_for("the unknown stages", lambda: visible(app, "Discovery") and visible(app, "Proof of concept"), 30)
        wait_for("the check", lambda: visible(app, "2 rows of 4 have problems.", exact=False), 30)
        check(visible(app, "Month, day, year"), "the date order was not found from the dates")
        check(not sensitive(import_button(app)), "Import is offered while rows are bad")
        screenshot("import-stages")
        pick(app, "Discovery", 1)            # → Prospecting
        pick(app, "Proof of concept", 3)     # → Presentation
        wait_for("the clean check", lambda: visible(app, "All 4 rows of the file can be imported.", exact=False), 30)
        screenshot("import-ready")
        import_button(app).do_action(0)
        wait_for("the deals imported", lambda: len(deals_by_title(db)) == len(before) + 4, 60)
        wait_for("the toast", lambda: app.find_all("Imported 4 deals", exact=False), 20)
        screenshot("import-done")

        deals = deals_by_title(db)
        check(len(deals) == len(before) + 4, f"{len(deals) - len(before)} deals imported")
        check(deals["New depot"]["stage"] == "Prospecting", "Discovery was not mapped to Prospecting")
        check(deals["Pilot"]["stage"] == "Presentation", "Proof of concept was not mapped to Presentation")
        check(deals["Fleet renewal"]["status"] == "won" and deals["Spare parts"]["status"] == "lost",
              "Closed Won / Closed Lost were not read as won and lost")
        check(deals["Fleet renewal"]["closed_at"] == "2026-03-12T00:00:00Z", "the close date was misread")
        # The board shows the open ones.
        wait_for("the new deals on the board", lambda: visible(app, "New depot", exact=False), 10)

        # Undo takes the whole import back.
        undo = visible(app, "Undo", role="push button", exact=False)
        check(undo, "the toast has no Undo button")
        undo[0].do_action(0)
        wait_for("the import undone", lambda: deals_by_title(db) == before, 20)
        check(cli_json(db, "org", "list") == orgs_before, "the import's organizations are still there")
        screenshot("import-undone")
        app.quit()
    finally:
        app.kill()


def test_bad_rows_skipped(tmp):
    """Contacts with two bad rows: each is listed with its line and column,
    nothing is offered until they are skipped, and then the good rows are
    imported and the bad ones saved beside the file with what is wrong."""
    os.environ["RAPPORT_NOW"] = NOW
    db = database(tmp, "contacts.db")
    cli(db, "demo", "--deals", "60", "--contacts", "40")
    folder = os.path.join(tmp, "exports")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "people.csv")
    shutil.copy(os.path.join(CORPUS, "bad-row.csv"), path)
    app = App(db)
    try:
        open_assistant(app, path)
        check(visible(app, "A contact"), "the rows were not guessed to be contacts")
        wait_for("the check", lambda: visible(app, "3 rows of 5 have problems.", exact=False), 30)
        check(visible(app, "Line 3, column “Email”"), "the bad e-mail's row is not listed")
        check(visible(app, "Line 5, column “Created”"), "the bad date's row is not listed")
        check(not sensitive(import_button(app)), "Import is offered while rows are bad")
        screenshot("import-bad-rows")
        switch = visible(app, "Skip the Bad Rows", exact=False)
        check(switch, "no Skip the Bad Rows row")
        click_in_view(switch[0])
        wait_for("the check with the bad rows skipped",
                 lambda: visible(app, "2 contacts, with 0 new organizations.", exact=False), 30)
        import_button(app).do_action(0)

        def imported():
            return sorted(c["name"] for c in cli_json(db, "contact", "list") if c["name"].startswith(("Good", "Bad")))
        try:
            wait_for("the contacts imported", lambda: imported() == ["Good One", "Good Two"], 60)
        except Exception:
            screenshot("import-skipped-failed")
            with open(db + ".err") as f:
                for line in f.read().splitlines()[-40:]:
                    print("# app: " + line)
            raise
        wait_for("the toast", lambda: app.find_all("Imported 2 contacts", exact=False), 20)
        screenshot("import-skipped")
        saved = os.path.join(folder, "people bad rows.csv")
        wait_for("the bad rows' file", lambda: os.path.exists(saved), 10)
        with open(saved, newline="") as f:
            rows = list(csv.reader(f))
        check(rows[0] == ["Name", "Email", "Created", "What is wrong"], f"its header is {rows[0]}")
        check([r[0] for r in rows[1:]] == ["Bad Mail", "Bad Date", ""], f"its rows are {rows[1:]}")
        check(all(r[3] for r in rows[1:]), "a bad row does not say what is wrong")
        app.quit()
    finally:
        app.kill()


def test_duplicates_filled(tmp):
    """A file with a contact Rapport has (the e-mail in capitals): left out
    by default, then chosen to fill her empty fields; imported, then
    undone. The database sits in the folder the file chooser lists: GTK's
    chooser opens and closes every file there, which drops the app's
    POSIX locks, and the CLI runs of the test go on meanwhile; the app's
    own locks (rapport-db-file.h, rapport-sqlite.c) must keep the file's
    shared memory from being reset under it."""
    os.environ["RAPPORT_NOW"] = NOW
    folder = os.path.join(tmp, "together")
    os.makedirs(folder, exist_ok=True)
    db = os.path.join(folder, "rapport.db")
    cli(db, "contact", "add", "Ana Silva", "--email", "ana@acme.com")
    cli(db, "deal", "add", "Fleet", "--value", "900", "--contact", "1")
    path = os.path.join(folder, "people.csv")
    with open(path, "w", newline="") as f:
        f.write("Name,Email,Job Title\nANA SILVA,ANA@acme.com,CEO\nNew Person,new@example.com,\n")
    app = App(db)
    try:
        open_assistant(app, path)
        wait_for("the check", lambda: visible(
            app, "1 contact, with 0 new organizations. 1 row is a contact already in Rapport and is left out.",
            exact=False), 30)
        screenshot("import-duplicates")
        pick(app, "Contacts already in Rapport", 1)    # → Fill in their empty fields
        wait_for("the check with the duplicate filled", lambda: visible(
            app, "1 contact already in Rapport takes the file’s values.", exact=False), 30)
        import_button(app).do_action(0)

        def names():
            return sorted(c["name"] for c in cli_json(db, "contact", "list"))
        wait_for("the import", lambda: names() == ["Ana Silva", "New Person"], 60)
        ana = cli_json(db, "contact", "show", "1")
        check(ana["title"] == "CEO", f"her title is {ana['title']!r}")
        check(ana["email"] == "ana@acme.com", f"her e-mail is {ana['email']!r}")
        wait_for("the toast", lambda: app.find_all("Imported 1 contact", exact=False), 20)
        screenshot("import-duplicates-done")

        undo = visible(app, "Undo", role="push button", exact=False)
        check(undo, "the toast has no Undo button")
        undo[0].do_action(0)
        wait_for("the import undone", lambda: names() == ["Ana Silva"], 20)
        check(cli_json(db, "contact", "show", "1")["title"] is None, "her title was not taken back")
        app.quit()
    finally:
        app.kill()


def test_cards_and_calendar(tmp):
    """A .vcf from a phone and an .ics from a calendar, through Import…:
    the question says what each holds (one card is someone already in
    Rapport), Import stores them, and the toast's Undo takes each back."""
    os.environ["RAPPORT_NOW"] = NOW
    db = database(tmp, "cards.db")
    cli(db, "contact", "add", "Grace Hopper", "--email", "GRACE@navy.example")
    cli(db, "deal", "add", "Compilers", "--value", "500", "--contact", "1")
    folder = os.path.join(tmp, "phone")
    os.makedirs(folder, exist_ok=True)
    cards = os.path.join(folder, "contacts.vcf")
    shutil.copy(os.path.join(CORPUS, "..", "vcard", "v30-google-multi.vcf"), cards)
    calendar = os.path.join(folder, "work.ics")
    with open(calendar, "w", newline="") as f:
        f.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
                "BEGIN:VTODO\r\nUID:call-grace@test\r\nSUMMARY:Call Grace about COBOL\r\n"
                "DUE:20260325T100000Z\r\nEND:VTODO\r\n"
                "BEGIN:VEVENT\r\nUID:demo@test\r\nSUMMARY:Demo for the Navy\r\n"
                "DTSTART:20260326T140000Z\r\nDTEND:20260326T150000Z\r\nEND:VEVENT\r\n"
                "END:VCALENDAR\r\n")

    def names():
        return sorted(c["name"] for c in cli_json(db, "contact", "list"))

    def followups():
        return sorted(f["title"] for f in cli_json(db, "followup", "list"))

    app = App(db)
    try:
        menu_item(app, "Import", 0)
        choose_file(app, cards)
        wait_for("the question", lambda: visible(
            app, "“contacts.vcf” holds 3 cards. 1 of them is a contact already in Rapport.", exact=False), 30)
        screenshot("import-cards")
        # Enter gives the question's default answer: Import.
        xdotool("key", "Return")
        wait_for("the cards imported", lambda: names() == ["Grace Hopper", "Linus Example", "Margaret Heafield Hamilton"]
                 or len(names()) == 3, 60)
        check(len(names()) == 3, f"the contacts are {names()}")
        wait_for("the toast", lambda: app.find_all("Imported 2 contacts", exact=False), 20)
        undo = visible(app, "Undo", role="push button", exact=False)
        check(undo, "the toast has no Undo button")
        undo[0].do_action(0)
        wait_for("the cards undone", lambda: names() == ["Grace Hopper"], 20)

        before = followups()
        menu_item(app, "Import", 0)
        choose_file(app, calendar)
        wait_for("the question", lambda: visible(
            app, "“work.ics” holds 2 tasks and events, to become follow-ups.", exact=False), 30)
        screenshot("import-calendar")
        xdotool("key", "Return")
        wait_for("the follow-ups imported", lambda: len(followups()) == len(before) + 2, 60)
        check("Call Grace about COBOL" in followups(), f"the follow-ups are {followups()}")
        wait_for("the toast", lambda: app.find_all("Imported 2 follow-ups", exact=False), 20)
        screenshot("import-calendar-done")
        undo = visible(app, "Undo", role="push button", exact=False)
        check(undo, "the toast has no Undo button")
        undo[0].do_action(0)
        wait_for("the calendar undone", lambda: followups() == before, 20)
        app.quit()
    finally:
        app.kill()


if __name__ == "__main__":
    from rapport_gui import run_tap
    sys.exit(run_tap([test_deals_with_a_stage_mapped, test_bad_rows_skipped, test_duplicates_filled,
                      test_cards_and_calendar]))
