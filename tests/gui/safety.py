#!/usr/bin/python3
"""The database file under the running app, as a careless user or another
tool treats it, and the app's own Back Up… and Restore from Backup…, driven
through the main menu and the file chooser with real keys. Results are read
back with rapport-cli and plain SQLite. Prints TAP.

Environment and helpers: see rapport_gui.py.
"""

import hashlib
import os
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from rapport_gui import (App, Failure, center, check, cli, cli_json, extents, in_dialog, screenshot,  # noqa: E402
                         type_text, wait_for, xdotool)


def new_db(tmp, name):
    db = os.path.join(tmp, name + ".db")
    cli(db, "demo", "--deals", "30", "--contacts", "40")
    # Thirty demo deals are mostly closed by now, and on some days all of
    # them: the board needs a card to start on.
    cli(db, "deal", "add", "Open for the test", "--value", "100")
    return db


def checksum(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def label_with(app, text):
    return [n for n in app.find_all(role="label", exact=False, name=text)]


def wait_for_stop_dialog(app, says):
    wait_for("the dialog that Rapport stopped saving",
             lambda: app.find_all("Rapport Stopped Saving", exact=False), 20)
    wait_for(f"the dialog saying {says!r}", lambda: label_with(app, says), 5)


def response(app, label):
    """Answers a message dialog by the button named @label."""
    buttons = in_dialog(app, label, role="push button")
    check(buttons, f"no button {label!r}")
    buttons[0].do_action(0)
    time.sleep(0.5)


def click(node):
    x, y = center(node)
    xdotool("mousemove", x, y)
    xdotool("click", 1)
    time.sleep(0.5)


def menu_item(app, label, downs):
    """Opens the main menu with the pointer and picks one of its items with
    the keyboard (the first has the focus when it opens) (a popover is a surface of its own: the accessible
    extents of its items are not screen positions here)."""
    for attempt in range(3):
        click(app.find("Main Menu", role="push button"))
        try:
            wait_for(f"the menu item {label}", lambda: app.find(label, exact=False), 3)
            break
        except Failure:
            # After a dialog closes, the first click may only give the
            # window back its focus.
            screenshot(f"safety-menu-attempt-{attempt}")
    else:
        raise Failure(f"the main menu did not open to show {label}")
    for _ in range(downs):
        xdotool("key", "Down")
        time.sleep(0.1)
    xdotool("key", "Return")
    time.sleep(0.8)


def choose_file(app, path):
    """Types @path into GTK's file chooser (no portal here) and accepts it."""
    wait_for("the file chooser", lambda: [b for b in app.find_all("Cancel", role="push button", exact=False)
                                          if extents(b)[2] > 0], 10)
    time.sleep(0.5)
    xdotool("key", "--clearmodifiers", "ctrl+l")
    time.sleep(0.3)
    xdotool("key", "--clearmodifiers", "ctrl+a")
    type_text(path)
    time.sleep(0.3)
    xdotool("key", "Return")
    time.sleep(0.8)


def test_replaced_under_the_app(tmp):
    db = new_db(tmp, "replaced")
    other = os.path.join(tmp, "other.db")
    cli(other, "org", "add", "In the other file")
    app = App(db)
    try:
        # A restore as people do it by hand: another file moved over it.
        before = checksum(other)
        os.replace(other, db)
        wait_for_stop_dialog(app, "replaced")
        screenshot("safety-replaced")
        # Nothing went into the file that is there now, then or later.
        time.sleep(2)
        check(checksum(db) == before, "the app wrote into the file moved over its own")
        response(app, "Keep the Window Open")
        time.sleep(1)
        check(checksum(db) == before, "the app wrote after the dialog")
        app.quit()
    finally:
        app.kill()


def test_deleted_under_the_app(tmp):
    db = new_db(tmp, "deleted")
    app = App(db)
    try:
        os.unlink(db)
        wait_for_stop_dialog(app, "deleted")
        check(not os.path.exists(db), "the app made the deleted file anew")
        response(app, "Quit")
        app.proc.wait(20)
    finally:
        app.kill()


def test_backup_and_restore_from_the_menu(tmp):
    db = new_db(tmp, "menu")
    backup = os.path.join(tmp, "chosen backup.db")
    app = App(db)
    try:
        # Back Up… with the chooser's suggested name replaced by ours.
        menu_item(app, "Back Up", 2)
        screenshot("safety-backup-chooser")
        choose_file(app, backup)
        wait_for("the backup file", lambda: os.path.exists(backup), 20)
        wait_for("the toast", lambda: label_with(app, "Backed up to"), 10)
        n = len(cli_json(backup, "contact", "list"))
        check(n == len(cli_json(db, "contact", "list")), f"the backup holds {n} contacts")

        # A change after the backup, made by a script; then the backup back.
        cli(db, "contact", "add", "Added after the backup")
        menu_item(app, "Restore from Backup", 3)
        choose_file(app, backup)
        wait_for("the question", lambda: app.find_all("Restore “chosen backup.db”?", exact=False), 10)
        # It says what the backup holds, read from it.
        holds = f"Contacts: {n}. Organizations: {len(cli_json(backup, 'org', 'list'))}. Deals: {len(cli_json(backup, 'deal', 'list'))}."
        check(app.find_all(holds, exact=False), f"the question does not say {holds!r}")
        screenshot("safety-restore-question")
        response(app, "Restore")
        wait_for("the contact added after the backup gone",
                 lambda: all(c["name"] != "Added after the backup"
                             for c in cli_json(db, "contact", "list")), 20)
        wait_for("the toast", lambda: label_with(app, "Restored"), 10)
        screenshot("safety-restored")

        # What the restore replaced is kept beside the database.
        saved = [f for f in os.listdir(tmp) if ".before-restore-" in f]
        check(len(saved) == 1, f"saved copies: {saved}")
        names = [c["name"] for c in cli_json(os.path.join(tmp, saved[0]), "contact", "list")]
        check("Added after the backup" in names, "the copy before the restore lacks the last change")

        # And the app goes on saving into the restored file.
        check(not app.find_all("Rapport Stopped Saving", exact=False), "the restore looked like a lost file")
        app.quit()
        con = sqlite3.connect(db)
        check(con.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "integrity")
        con.close()
    finally:
        if app.proc.poll() not in (None, 0):
            with open(db + ".err") as f:
                for line in f.read().splitlines()[-15:]:
                    print("# app: " + line)
        app.kill()


def test_daily_backup(tmp):
    """The app copies the database once a day into the user's data folder
    (here a minute's wait is asked to be a second), readable by the user
    alone, and not again the same day."""
    db = new_db(tmp, "daily")
    data = os.path.join(tmp, "data")
    os.environ["XDG_DATA_HOME"] = data
    os.environ["RAPPORT_FIRST_BACKUP_SECONDS"] = "1"
    backups = os.path.join(data, "rapport", "backups")
    try:
        app = App(db)
        try:
            def written():
                found = []
                for root, _, files in os.walk(backups):
                    found += [os.path.join(root, f) for f in files if f.endswith(".db")]
                return found
            copies = wait_for("the daily backup", written, 30)
            check(len(copies) == 1, f"{len(copies)} backups made")
            name = os.path.basename(copies[0])
            check(len(name) == len("2026-12-03.db") and name[4] == "-", f"the backup is named {name}")
            check(os.stat(copies[0]).st_mode & 0o077 == 0, "the backup is readable by others")
            with sqlite3.connect(f"file:{copies[0]}?mode=ro", uri=True) as copy:
                deals = copy.execute("SELECT count(*) FROM deal").fetchone()[0]
            check(deals == len(cli_json(db, "deal", "list")), "the backup does not hold every deal")
            check(not [f for f in os.listdir(os.path.dirname(copies[0])) if f.endswith(".partial")],
                  "a partial copy was left")
            app.quit()
        finally:
            app.kill()
    finally:
        del os.environ["XDG_DATA_HOME"]
        del os.environ["RAPPORT_FIRST_BACKUP_SECONDS"]


TESTS = [
    test_replaced_under_the_app,
    test_deleted_under_the_app,
    test_backup_and_restore_from_the_menu,
    test_daily_backup,
]

if __name__ == "__main__":
    import rapport_gui
    sys.exit(rapport_gui.run_tap(TESTS))
