#!/usr/bin/python3
"""Team mode in the app, as a seller uses it, against a real PostgreSQL
(tests/gui/team_server.py) and a real keyring (gnome-keyring on the
test's session bus):

- test_join_and_stay_in_step: Preferences → Team joins an empty desktop
  to a team whose first desktop (rapport-cli) brought its deals up; the
  password lands in the keyring; a deal added and synced on the other
  desktop appears on the board by itself; a card moved in the app reaches
  the other desktop; the header says "Synced".
- test_offline_and_back: with the server stopped, a change made in the app
  waits ("Offline, 2 changes waiting": a move and its history), and goes when the server is back.
- test_new_password: the member's password changed on the server; the
  app, refused at its next connection, says so, and the new password
  typed on the Team page connects it again and lands in the keyring.
- test_leave: Leave Team… asks, then the file is in no team and the
  password leaves the keyring.

Timeouts are generous: how fast a change reaches the board is a figure of
build-aux/bench-team, never an assertion here.
"""

import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from rapport_gui import (App, Failure, check, cli, cli_json, focus, focus_card,  # noqa: E402
                         in_dialog, press, run_tap, screenshot, type_text, wait_for, xdotool)
from team_server import Skip, TeamServer  # noqa: E402

KEYRING_HOME = tempfile.mkdtemp(prefix="rapport-keyring-")
_keyring_started = False


def start_keyring():
    """gnome-keyring on this session bus, its login keyring unlocked, in
    a home of the test's own (the app's Secret Service)."""
    global _keyring_started
    if _keyring_started:
        return
    # Its files in the test's own home; the app reaches it over the bus.
    env = dict(os.environ, HOME=KEYRING_HOME, XDG_DATA_HOME=os.path.join(KEYRING_HOME, "data"),
               XDG_RUNTIME_DIR=KEYRING_HOME)
    daemon = subprocess.run(["gnome-keyring-daemon", "--unlock", "--replace", "--components=secrets"],
                            input="test", capture_output=True, text=True, env=env)
    if daemon.returncode != 0:
        raise Skip("gnome-keyring-daemon did not start: " + daemon.stderr.strip())
    _keyring_started = True


def keyring_password(server, user):
    out = subprocess.run(["secret-tool", "lookup", "server", server, "user", user],
                         capture_output=True, text=True)
    return out.stdout if out.returncode == 0 else None


def team_status(db):
    return cli_json(db, "team", "status")


def card_titles(app):
    return {n.get_name().split(",")[0] for n in app.find_all(role="list item") if n.get_name()}


def has_card(app, title):
    return any(n.get_name().startswith(title) for n in app.find_all(role="list item") if n.get_name())


def open_team_settings(app):
    xdotool("key", "--clearmodifiers", "ctrl+comma")
    wait_for("the Preferences window", lambda: app.find_all("Default Currency", exact=False), 10)
    time.sleep(0.5)
    tabs = wait_for("the Team page's tab", lambda: in_dialog(app, "Team"), 10)
    focus(tabs[0])
    time.sleep(0.5)


def close_dialog():
    xdotool("key", "Escape")
    time.sleep(0.5)


def fill(app, name, text):
    field = wait_for(f"the field {name}", lambda: in_dialog(app, name), 10)[0]
    focus(field)
    type_text(text)


def join_in_app(app, server, user, password):
    open_team_settings(app)
    fill(app, "Server, as host/database", server)
    fill(app, "User Name", user)
    fill(app, "Password", password)
    screenshot("team-join-filled")
    join = wait_for("Join Team", lambda: in_dialog(app, "Join Team", "push button"), 10)[0]
    focus(join)


def move_right(app, card):
    """Moves @card a stage on (Ctrl+Right), past the stage's gate if it
    has one (Move Anyway)."""
    focus_card(card)
    xdotool("key", "--clearmodifiers", "ctrl+Right")
    time.sleep(1)
    anyway = in_dialog(app, "Move Anyway", "push button")
    if anyway:
        focus(anyway[0])


def sync_cli(server, db, password):
    return server.cli(db, "sync", "--json", password=password)


def deal_stage(db, deal_id):
    return cli_json(db, "deal", "show", str(deal_id))["stage"]


def team_of_two(tmp, tag):
    """A team whose first desktop (A, rapport-cli) brought up two deals;
    B, an empty file, joined in the app. Returns (server, A, B, app, pw)."""
    start_keyring()
    server = TeamServer(f"team_{tag}")
    try:
        pw_a = server.add_user(f"alex_{tag}", "seller")
        pw_b = server.add_user(f"sam_{tag}", "seller")
        a = os.path.join(tmp, f"{tag}-a.db")
        b = os.path.join(tmp, f"{tag}-b.db")
        cli(a, "init")
        cli(a, "deal", "add", "Atlas", "--value", "9000", "--owner", f"sam_{tag}")
        cli(a, "deal", "add", "Vega", "--value", "4000", "--owner", f"sam_{tag}")
        server.join(a, f"alex_{tag}", pw_a)
        cli(b, "init")
        app = App(b, board=False)
    except BaseException:
        server.close()
        raise
    try:
        # As the help tells people to write it: host:port/database.
        join_in_app(app, f"127.0.0.1:{server.port}/{server.dbname}", f"sam_{tag}", pw_b)
        wait_for("B in the team", lambda: team_status(b)["state"] == "synced", 60)
        wait_for("the team's deals on B's board", lambda: {"Atlas", "Vega"} <= card_titles(app), 30)
        close_dialog()
    except BaseException:
        app.kill()
        server.close()
        raise
    return server, a, b, app, (pw_a, pw_b)


def test_join_and_stay_in_step(tmp):
    server, a, b, app, (pw_a, pw_b) = team_of_two(tmp, "join")
    try:
        status = team_status(b)
        check(status["user"] == "sam_join", f"B's user: {status}")
        check(keyring_password(status["server"], "sam_join") == pw_b,
              "the password is not in the keyring under the team's server and user")
        with open(b, "rb") as f:
            check(pw_b.encode() not in f.read(), "the password is in the database file")
        wait_for("the header's Synced", lambda: app.find_all("Synced"), 20)
        screenshot("team-synced")

        # A teammate's deal appears by itself.
        cli(a, "deal", "add", "Borealis", "--value", "1200")
        sync_cli(server, a, pw_a)
        wait_for("Borealis on B's board", lambda: has_card(app, "Borealis"), 30)
        # The board reloads once more when the sync's bookkeeping lands.
        time.sleep(2)

        # A card moved in the app reaches the teammate.
        atlas = [d for d in cli_json(b, "deal", "list") if d["title"] == "Atlas"][0]
        before = deal_stage(b, atlas["id"])
        card = wait_for("Atlas's card", lambda: [n for n in app.find_all(role="list item")
                                                 if n.get_name().startswith("Atlas")], 10)[0]
        move_right(app, card)
        wait_for("the move committed on B", lambda: deal_stage(b, atlas["id"]) != before, 10)
        moved = deal_stage(b, atlas["id"])
        a_atlas = [d for d in cli_json(a, "deal", "list") if d["title"] == "Atlas"][0]

        def reached_a():
            sync_cli(server, a, pw_a)
            return deal_stage(a, a_atlas["id"]) == moved
        wait_for("the move on A after a sync", reached_a, 30)

        # Borealis is alex's: the server refuses sam's move, the app says
        # so and the card goes back.
        borealis = [d for d in cli_json(b, "deal", "list") if d["title"] == "Borealis"][0]
        card = [n for n in app.find_all(role="list item") if n.get_name().startswith("Borealis")][0]
        move_right(app, card)
        wait_for("the refusal", lambda: app.find_all("“Borealis” was not changed: This record belongs to alex_join",
                                                     exact=False), 30)
        screenshot("team-refused")
        wait_for("Borealis back where it was",
                 lambda: deal_stage(b, borealis["id"]) == borealis["stage"], 30)
        wait_for("nothing waiting on B", lambda: team_status(b)["pending"] == 0, 30)
        app.quit()
    finally:
        app.kill()
        server.close()


def test_offline_and_back(tmp):
    server, a, b, app, (pw_a, pw_b) = team_of_two(tmp, "offline")
    try:
        server.stop()
        vega = [d for d in cli_json(b, "deal", "list") if d["title"] == "Vega"][0]
        before = deal_stage(b, vega["id"])
        card = wait_for("Vega's card", lambda: [n for n in app.find_all(role="list item")
                                                if n.get_name().startswith("Vega")], 10)[0]
        move_right(app, card)
        wait_for("the move committed on B", lambda: deal_stage(b, vega["id"]) != before, 10)
        moved = deal_stage(b, vega["id"])
        try:
            # A move is two changes: the deal's stage and its history.
            wait_for("the header's Offline, N changes waiting",
                     lambda: app.find_all("Offline, 2 changes waiting"), 60)
        except Failure:
            screenshot("team-offline-failed")
            raise
        screenshot("team-offline")

        server.start()
        wait_for("the header's Synced again", lambda: app.find_all("Synced"), 120)
        a_vega = [d for d in cli_json(a, "deal", "list") if d["title"] == "Vega"][0]

        def reached_a():
            sync_cli(server, a, pw_a)
            return deal_stage(a, a_vega["id"]) == moved
        wait_for("the offline move on A", reached_a, 30)
        app.quit()
    finally:
        app.kill()
        server.close()


def test_new_password(tmp):
    server, a, b, app, (pw_a, pw_b) = team_of_two(tmp, "password")
    try:
        status = team_status(b)
        server.psql("postgres", "ALTER ROLE sam_password PASSWORD 'a-new-one-4711'")
        # The server comes back: the old password is refused at the reconnection.
        server.stop()
        server.start()
        wait_for("the refused login in the header", lambda: app.find_all("Sync failed"), 60)
        status_now = team_status(b)
        check(status_now["state"] == "error" and "did not take your password" in (status_now["error"] or ""),
              f"the refused password is not told as such: {status_now}")
        open_team_settings(app)
        fill(app, "New Password, if yours changed", "a-new-one-4711")
        xdotool("key", "Return")
        wait_for("Synced with the new password", lambda: app.find_all("Synced"), 60)
        check(keyring_password(status["server"], "sam_password") == "a-new-one-4711",
              "the new password is not in the keyring")
        close_dialog()
        app.quit()
    finally:
        app.kill()
        server.close()


def test_leave(tmp):
    server, a, b, app, (pw_a, pw_b) = team_of_two(tmp, "leave")
    try:
        status = team_status(b)
        open_team_settings(app)
        leave = wait_for("Leave Team…", lambda: in_dialog(app, "Leave Team…", "push button"), 10)[0]
        focus(leave)
        confirm = wait_for("the question's Leave Team",
                           lambda: in_dialog(app, "Leave Team", "push button"), 10)[0]
        screenshot("team-leave-question")
        focus(confirm)
        wait_for("B out of the team", lambda: team_status(b).get("server") is None, 20)
        check(keyring_password(status["server"], "sam_leave") is None, "the password stayed in the keyring")
        check({"Atlas", "Vega"} <= {d["title"] for d in cli_json(b, "deal", "list")},
              "the records did not stay")
        close_dialog()
        wait_for("no team status in the header", lambda: not app.find_all("Synced"), 10)
        app.quit()
    finally:
        app.kill()
        server.close()


def main():
    import glob
    if not glob.glob("/usr/lib/postgresql/*/bin/initdb"):
        print("1..0 # SKIP PostgreSQL is not installed")
        return 0
    try:
        subprocess.run(["gnome-keyring-daemon", "--version"], capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        print("1..0 # SKIP gnome-keyring is not installed")
        return 0
    try:
        return run_tap([test_join_and_stay_in_step, test_offline_and_back, test_new_password, test_leave])
    except Skip as skip:
        print(f"1..0 # SKIP {skip}")
        return 0


if __name__ == "__main__":
    sys.exit(main())
