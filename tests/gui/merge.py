#!/usr/bin/python3
"""Find Duplicates… and the merge dialog as a user works them: the main
menu, the pair of contacts that share an e-mail address in another case,
one value taken from the other contact, Merge, then Undo from the toast;
the pair of organizations with the same name, merged and taken back with
Ctrl+Z. Results are read back with `rapport-cli --json`, and Undo must
give back exactly what `export all --format json` gave before.
"""

import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from rapport_gui import (App, Atspi, check, cli, cli_json, extents,  # noqa: E402
                         screenshot, wait_for, xdotool)
from safety import click, menu_item  # noqa: E402

NOW = "2026-03-20T12:00:00Z"


def database(tmp, name):
    """A database in a folder of its own, away from anything a file
    chooser might list (see import_csv.py)."""
    folder = os.path.join(tmp, "db-" + name)
    os.makedirs(folder, exist_ok=True)
    return os.path.join(folder, name)


def new_id(db, *args):
    return cli_json(db, *args)["id"]


def fill(db):
    """Two organizations of one name, and two contacts of one e-mail
    address (in another case); the second of each has deals, a note, a
    call and a follow-up, which the merge moves to the first."""
    os.environ["RAPPORT_NOW"] = NOW
    cli(db, "demo", "--deals", "10", "--contacts", "6")
    ids = {"acme": new_id(db, "org", "add", "Acme Corp"),
           "acme2": new_id(db, "org", "add", "ACME corp")}
    ids["ana"] = new_id(db, "contact", "add", "Ana Silva", "--email", "ana@example.com",
                        "--title", "Buyer", "--org", str(ids["acme"]))
    # Its first address is its own, so that the follow-up below is its;
    # its second is the first contact's, in another case.
    ids["ana2"] = new_id(db, "contact", "add", "Ana M. Silva",
                         "--emails", "work=ana.m@home.example,home=ANA@Example.com",
                         "--phone", "+1 555 0100", "--title", "Head of Purchasing", "--org", str(ids["acme2"]))
    ids["fleet"] = new_id(db, "deal", "add", "Forklift fleet", "--value", "40000",
                          "--contact", str(ids["ana2"]), "--org", str(ids["acme2"]))
    ids["parts"] = new_id(db, "deal", "add", "Spare parts", "--value", "1200", "--contact", str(ids["ana2"]))
    cli(db, "note", "add", "--contact", str(ids["ana2"]), "Prefers calls in the morning.")
    cli(db, "activity", "log", str(ids["ana2"]), "call", "--note", "Intro call")
    # A follow-up still to do, linked by its attendee's e-mail address.
    ics = os.path.join(os.path.dirname(db), "followup.ics")
    with open(ics, "w", newline="") as f:
        f.write("\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Rapport tests//merge.py//EN",
                              "BEGIN:VTODO", "UID:send-quote@tests.rapport", "DTSTAMP:20260301T000000Z",
                              "DUE:20260325T090000Z", "SUMMARY:Send the quote",
                              "ATTENDEE;CN=Ana M. Silva:mailto:ana.m@home.example",
                              "END:VTODO", "END:VCALENDAR", ""]))
    cli(db, "import", "ics", ics)
    check([f["contact_id"] for f in cli_json(db, "followup", "list") if f["title"] == "Send the quote"]
          == [ids["ana2"]], "the follow-up is not the second contact's")
    return ids


def export_all(db):
    data = json.loads(cli(db, "export", "all", "--format", "json"))
    data.pop("exported_at", None)
    return data


def visible(app, name, role=None, exact=True):
    return [n for n in app.find_all(name, role, exact) if extents(n)[2] > 0]


def press_button(app, name, timeout=10, exact=True):
    button = wait_for(f"the button {name!r}", lambda: visible(app, name, "push button", exact), timeout)[0]
    button.do_action(0)
    time.sleep(0.5)


def choose(app, value):
    """Picks @value in the merge dialog: the radio button named after it
    (a check box to AT-SPI in GTK 4.8)."""
    radio = wait_for(f"the value {value!r}", lambda: visible(app, value, role="check box"), 10)[0]
    # GTK 4.8 gives check buttons no AT-SPI action: the pointer clicks it
    # (the dialog is a window of its own at the screen's corner, as the
    # window is, with no window manager).
    click(radio)
    wait_for(f"{value!r} chosen", lambda: radio.get_state_set().contains(Atspi.StateType.CHECKED), 5)


def open_duplicates(app):
    menu_item(app, "Find Duplicates", 1)
    wait_for("the Duplicates page", lambda: visible(app, "Duplicates"), 10)
    # Found on a worker: the pairs show when it is done.
    wait_for("the pair of contacts", lambda: visible(app, "Same e-mail address.", exact=False), 60)


def test_contacts_merged_and_undone(tmp):
    db = database(tmp, "contacts.db")
    ids = fill(db)
    before = export_all(db)
    app = App(db)
    try:
        open_duplicates(app)
        screenshot("merge-duplicates")
        press_button(app, "Merge “Ana Silva” and “Ana M. Silva”…")
        wait_for("the merge dialog", lambda: visible(app, "Merge Contacts"), 10)
        wait_for("what moves", lambda: visible(app, "2 deals will move to “Ana Silva”.", exact=False), 10)
        check(visible(app, "1 note will move to “Ana Silva”.", exact=False), "the note's move is not said")
        check(visible(app, "2 activities and follow-ups will move to “Ana Silva”.", exact=False),
              "the call's and the follow-up's move is not said")
        # The kept one has no phone: the other's is preset; its title is
        # taken by hand.
        choose(app, "Head of Purchasing")
        screenshot("merge-dialog")
        press_button(app, "Merge")

        wait_for("the other contact gone",
                 lambda: ids["ana2"] not in [c["id"] for c in cli_json(db, "contact", "list")], 20)
        wait_for("the toast", lambda: visible(app, "Merged “Ana M. Silva” into “Ana Silva”.", exact=False), 10)
        screenshot("merge-toast")
        kept = cli_json(db, "contact", "show", str(ids["ana"]))
        check(kept["name"] == "Ana Silva", f"the name became {kept['name']!r}")
        check(kept["title"] == "Head of Purchasing", f"the title taken is {kept['title']!r}")
        check(kept["email"] == "ana@example.com", f"the e-mail became {kept['email']!r}")
        check(kept["phone"] == "+1 555 0100", f"the other's phone was not filled in: {kept['phone']!r}")
        check(kept["organization_id"] == ids["acme"], "the organization was not the kept one's")
        check(sorted(kept["deals"]) == sorted([ids["fleet"], ids["parts"]]),
              f"the deals did not move: {kept['deals']}")
        check(any(n["body"] == "Prefers calls in the morning." for n in kept["notes"]), "the note did not move")
        check(any(a.get("note") == "Intro call" for a in kept["activities"]), "the call did not move")
        check([f["contact_id"] for f in cli_json(db, "followup", "list") if f["title"] == "Send the quote"]
              == [ids["ana"]], "the follow-up did not move")
        # The pair left the list.
        wait_for("the pair gone", lambda: not visible(app, "Merge “Ana Silva” and “Ana M. Silva”…"), 10)

        # The toast's (its mnemonic may show in the name).
        press_button(app, "Undo", exact=False)
        wait_for("the merge undone", lambda: export_all(db) == before, 20)
        wait_for("the pair back", lambda: visible(app, "Same e-mail address.", exact=False), 60)
        screenshot("merge-undone")
        app.quit()
    finally:
        app.kill()


def test_organizations_merged_and_ctrl_z(tmp):
    db = database(tmp, "organizations.db")
    ids = fill(db)
    before = export_all(db)
    app = App(db)
    try:
        open_duplicates(app)
        # The page's switcher, under the window's header bar.
        click(wait_for("the Organizations tab", lambda: [n for n in visible(app, "Organizations", role="page tab")
                                                          if extents(n)[1] > 45], 10)[-1])
        wait_for("the pair of organizations", lambda: visible(app, "Same name.", exact=False), 10)
        press_button(app, "Merge “Acme Corp” and “ACME corp”…")
        wait_for("the merge dialog", lambda: visible(app, "Merge Organizations"), 10)
        check(visible(app, "1 contact will move to “Acme Corp”.", exact=False), "the contact's move is not said")
        # Swap: the second is kept, and keeps its own name.
        press_button(app, "Keep the Other One")
        wait_for("the swap", lambda: visible(app, "1 contact will move to “ACME corp”.", exact=False), 10)
        screenshot("merge-organizations")
        press_button(app, "Merge")
        wait_for("the first organization gone",
                 lambda: ids["acme"] not in [o["id"] for o in cli_json(db, "org", "list")], 20)
        ana = cli_json(db, "contact", "show", str(ids["ana"]))
        check(ana["organization_id"] == ids["acme2"], "the contact did not move to the kept organization")
        names = [o["name"] for o in cli_json(db, "org", "list")]
        check("ACME corp" in names and "Acme Corp" not in names, f"the organizations are {names}")

        # Ctrl+Z in the window takes it back too.
        wait_for("the dialog gone", lambda: not visible(app, "Merge Organizations"), 10)
        xdotool("key", "--clearmodifiers", "ctrl+z")
        wait_for("the merge undone", lambda: export_all(db) == before, 20)
        app.quit()
    finally:
        app.kill()


if __name__ == "__main__":
    from rapport_gui import run_tap
    sys.exit(run_tap([test_contacts_merged_and_undone, test_organizations_merged_and_ctrl_z]))
