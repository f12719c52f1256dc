#!/usr/bin/python3
"""The Insights tab as a sales manager uses it: the figures shown are the
ones `rapport-cli report summary` gives for the same period, a goal shows
its progress, and a click on a funnel bar lists the deals behind it, whose
rows open a deal's page.

The clock is pinned (RAPPORT_NOW) for the command line and the app alike,
so "this month" is November 2026 for both.
"""

import csv
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import rapport_gui  # noqa: E402
from rapport_gui import (App, check, cli, cli_json, center, extents, focus,  # noqa: E402
                         screenshot, sensitive, type_text, wait_for, xdotool)
from organizations import header_title, walk  # noqa: E402

NOW = "2026-11-23T09:00:00Z"
DEAL = "Zephyr observatory dome"


def money_whole(minor):
    """As Insights writes US dollars: whole dollars, rounded."""
    return f"${round(minor / 100):,}"


def named_like(app, prefix, role=None):
    return [n for n in app.find_all(prefix, role, exact=False)
            if (n.get_name() or "").startswith(prefix) and extents(n)[2] > 0]


def scroll_into_view(node):
    """Wheel the Insights page down until @node is well inside the window."""
    for _ in range(60):
        x, y = center(node)
        if 80 < y < 760:
            return
        xdotool("mousemove", 700, 450)
        xdotool("click", 5 if y >= 760 else 4)
        time.sleep(0.15)
    check(False, f"{node.get_name()!r} never came into view")


def click(node):
    scroll_into_view(node)
    time.sleep(0.3)
    x, y = center(node)
    xdotool("mousemove", x, y)
    time.sleep(0.05)
    xdotool("click", 1)
    time.sleep(0.3)


def test_figures_goal_and_funnel(tmp):
    os.environ["RAPPORT_NOW"] = NOW
    db = os.path.join(tmp, "insights.db")
    cli(db, "demo", "--deals", "400", "--contacts", "300")
    deal = cli_json(db, "deal", "add", DEAL, "--value", "7000")["id"]
    cli(db, "deal", "won", str(deal))
    cli(db, "goal", "add", "--metric", "won-value", "--period", "month", "--target", "50000")
    summary = cli_json(db, "report", "summary", "--from", "2026-11-01", "--to", "2026-11-30")
    goals = cli_json(db, "goal", "list")

    goal = goals[0] if isinstance(goals, list) else goals["goals"][0]
    progress = f"{money_whole(goal['actual'])} of {money_whole(goal['target'])}"
    app = App(db)
    try:
        # The board's top bar shows the main goal; a click opens Insights.
        indicator = wait_for("the goal on the board", lambda: named_like(
            app, "Won value, This month — The team: " + progress, "push button"), 15)
        screenshot("insights-board-goal")
        indicator[0].do_action(0)
        won_value = f"Won value: {money_whole(summary['won']['value'])}"
        wait_for("the Won value card", lambda: named_like(app, won_value), 15)
        screenshot("insights")

        # The cards say what the command line says, for the same month.
        check(named_like(app, f"Deals won: {summary['won']['count']}"),
              f"no card says {summary['won']['count']} deals won")
        check(named_like(app, f"Deals lost: {summary['lost']['count']}"),
              f"no card says {summary['lost']['count']} deals lost")
        check(named_like(app, f"New deals: {summary['new_deals']}"),
              f"no card says {summary['new_deals']} new deals")
        check(named_like(app, f"Open pipeline: {money_whole(summary['open']['value'])}"),
              "the open pipeline differs from rapport-cli's")

        # The goal, with the progress rapport-cli computes.
        check(named_like(app, "Won value, This month — The team: " + progress),
              f"no goal row says {progress}")

        # The first funnel stage: its count, then its deals on a click.
        first = summary["funnel"][0]
        stage = named_like(app, f"{first['stage']}: {first['reached']} deals reached it", "list item")
        check(stage, f"no funnel bar says {first['reached']} deals reached {first['stage']}")
        click(stage[0])
        wait_for("the funnel stage's deals",
                        lambda: [r for r in walk(app.node, DEAL, "list item") if extents(r)[2] > 0], 10)
        screenshot("insights-funnel-deals")
        deals = [n for n in app.find_all("Deals", "list") if extents(n)[2] > 0]
        listed = sum(1 for lst in deals for i in range(lst.get_child_count())
                     if lst.get_child_at_index(i).get_role_name() == "list item")
        check(listed == min(first["reached"], 100),
              f"the popover lists {listed} deals, the funnel counts {first['reached']}")

        # A deal of the list opens its page.
        first_row = [lst.get_child_at_index(0) for lst in deals if lst.get_child_count()][0]
        title = first_row.get_name()
        # (A popover's extents are relative to its own surface: use the
        # keyboard, as the focus is on its first row when it opens.)
        xdotool("key", "Return")
        wait_for(f"the page of {title!r}", lambda: header_title(app, title), 10)
        app.quit()
    finally:
        app.kill()


def open_insights(app):
    xdotool("key", "--clearmodifiers", "alt+5")
    return wait_for("the Won value card", lambda: named_like(app, "Won value: "), 15)


def card_value(app, caption):
    """What the card named @caption says (its accessible name, “Won value: $1,234, …”)."""
    cards = named_like(app, caption + ": ")
    check(cards, f"no {caption} card")
    return cards[0].get_name()[len(caption) + 2:].split(", ")[0]


# Right to left, the calendar's grid is mirrored: the day before is on the right.
RTL = os.environ.get("LANGUAGE", "").split(":")[0] in ("he", "ar", "fa")
DAY_BEFORE = "Right" if RTL else "Left"


def day_button(app, title):
    button = [n for n in app.find_all(title, exact=True) if extents(n)[2] > 0
              and n.get_role_name() in ("toggle button", "push button", "button")]
    check(button, f"no {title} button")
    return button[0]


def day_shown(app, title):
    return day_button(app, title).get_description()


def pick_day(app, title, *keys):
    """Opens the day button @title ("From", "To") and moves its calendar by
    @keys; Return closes it."""
    click(day_button(app, title))
    time.sleep(0.6)
    for key in keys:
        xdotool("key", key)
        time.sleep(0.2)
    screenshot(f"insights-custom-{title.lower()}")
    xdotool("key", "Return")
    time.sleep(0.6)


def test_custom_period(tmp):
    """Custom…: From and To on calendars, by the keyboard; the cards then
    say what `rapport-cli report summary --from --to` says."""
    os.environ["RAPPORT_NOW"] = NOW
    db = os.path.join(tmp, "custom.db")
    cli(db, "demo", "--deals", "400", "--contacts", "300")
    app = App(db)
    try:
        open_insights(app)
        period = [n for n in app.find_all("Period") if extents(n)[2] > 0]
        check(period, "no Period picker")
        click(period[0])
        time.sleep(0.5)
        # This month → Custom…, the last choice (one more Down stays there).
        for _ in range(6):
            xdotool("key", "Down")
            time.sleep(0.1)
        xdotool("key", "Return")
        time.sleep(0.8)
        screenshot("insights-custom")
        # The custom period starts as the month shown: 1 to 30 November.
        pick_day(app, "From", "Up")                       # 25 October
        pick_day(app, "To", *[DAY_BEFORE] * 3)       # 27 November
        summary = cli_json(db, "report", "summary", "--from", "2026-10-25", "--to", "2026-11-27")
        won_value = money_whole(summary["won"]["value"])
        wait_for(f"the Won value card to say {won_value}",
                 lambda: card_value(app, "Won value") == won_value, 10)
        check(card_value(app, "Deals won") == str(summary["won"]["count"]),
              f"Deals won says {card_value(app, 'Deals won')}, rapport-cli {summary['won']['count']}")
        check(card_value(app, "New deals") == str(summary["new_deals"]),
              f"New deals says {card_value(app, 'New deals')}, rapport-cli {summary['new_deals']}")
        screenshot("insights-custom-range")

        # A start moved past the end brings the end along: To 20 November,
        # then From 25 October + 4 weeks = 22 November, and To with it.
        pick_day(app, "To", *[DAY_BEFORE] * 7)
        pick_day(app, "From", "Down", "Down", "Down", "Down")
        days = [day_shown(app, t) for t in ("From", "To")]
        check(days[0] == days[1], f"From says {days[0]}, To {days[1]}")
        summary = cli_json(db, "report", "summary", "--from", "2026-11-22", "--to", "2026-11-22")
        wait_for("one day's new deals",
                 lambda: card_value(app, "New deals") == str(summary["new_deals"]), 10)
        check(card_value(app, "Won value") == money_whole(summary["won"]["value"]),
              "one day's won value differs from rapport-cli's")

        # The days go under the filters: a narrow window keeps its width.
        windows = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(app.proc.pid)],
                                 capture_output=True, text=True).stdout.split()
        for w in windows:
            xdotool("windowsize", w, 360, 700)
        time.sleep(1.5)
        screenshot("insights-custom-narrow")
        widths = [int(line.split("=")[1]) for w in windows
                  for line in subprocess.run(["xdotool", "getwindowgeometry", "--shell", w],
                                             capture_output=True, text=True).stdout.splitlines()
                  if line.startswith("WIDTH=")]
        check(widths and max(widths) <= 400, f"the window stays {widths} wide")
        app.quit()
    finally:
        app.kill()


def goals(db):
    listed = cli_json(db, "goal", "list")
    return listed if isinstance(listed, list) else listed["goals"]


def test_goals_from_the_app(tmp):
    """Add Goal…: a dialog picks the measure, the period, whose and the
    target; each row deletes its goal, and the toast's Undo brings it back."""
    os.environ["RAPPORT_NOW"] = NOW
    db = os.path.join(tmp, "goals.db")
    cli(db, "demo", "--deals", "120", "--contacts", "60")
    named = [d["owner"] for d in cli_json(db, "deal", "list")]
    named += [c["owner"] for c in cli_json(db, "contact", "list")]
    first_owner = sorted({o for o in named if o})[0]
    app = App(db)
    try:
        open_insights(app)
        check(named_like(app, "No goals yet."), "no empty state without goals")
        add = app.find("Add Goal…", "push button")
        scroll_into_view(add)
        screenshot("insights-goals-empty")
        add.do_action(0)
        target = wait_for("the Target field", lambda: [n for n in app.find_all("Target", exact=False)
                                                       if extents(n)[2] > 0
                                                       and n.get_role_name() == "text"], 10)[0]
        # Whose: the whole team, then the owners named in the data, sorted.
        whose = app.find("Whose", exact=False)
        focus(whose)
        time.sleep(0.5)
        xdotool("key", "Down")
        time.sleep(0.2)
        xdotool("key", "Return")
        time.sleep(0.5)
        focus(target)
        type_text("12,50")
        time.sleep(0.3)
        screenshot("insights-goal-dialog-invalid")
        check(not sensitive(app.find("Add", "push button")), "Add takes 12,50")
        type_text("0")
        time.sleep(0.3)
        screenshot("insights-goal-dialog")
        xdotool("key", "Return")
        added = wait_for("the goal stored", lambda: goals(db), 10)
        check(len(added) == 1, f"{len(added)} goals stored")
        goal = added[0]
        check((goal["metric"], goal["period"], goal["owner"], goal["target"])
              == ("won-value", "month", first_owner, 1250000),
              f"the goal stored is {goal}")
        row = wait_for("the goal's row", lambda: named_like(app, "Won value, This month — " + first_owner), 10)
        scroll_into_view(row[0])
        screenshot("insights-goal-added")

        # Deleted from its row, then back with the toast's Undo.
        delete = wait_for("the goal's delete button",
                          lambda: named_like(app, "Delete the goal “Won value, This month", "push button"), 10)
        delete[0].do_action(0)
        # The pointer over the toasts' place holds the toast (a toast that
        # is hovered does not time out), however slow the checks below.
        xdotool("mousemove", 700, 735)
        undo = wait_for("the toast's Undo", lambda: [n for n in app.find_all("Undo", "push button")
                                                     if extents(n)[2] > 0], 10)
        wait_for("the goal deleted", lambda: not goals(db), 10)
        wait_for("the empty state again", lambda: named_like(app, "No goals yet."), 10)
        screenshot("insights-goal-deleted")
        undo[0].do_action(0)
        back = wait_for("the goal back", lambda: goals(db), 10)
        check([(g["metric"], g["period"], g["owner"], g["target"]) for g in back]
              == [("won-value", "month", first_owner, 1250000)], f"back came {back}")
        # Ctrl+Z after the toast's Undo does not bring it back twice.
        xdotool("key", "--clearmodifiers", "ctrl+z")
        time.sleep(1)
        check(len(goals(db)) == 1, "Ctrl+Z after Undo added the goal again")
        wait_for("the goal's row again", lambda: named_like(app, "Won value, This month — " + first_owner), 10)
        app.quit()
    finally:
        app.kill()


def documents_folder(tmp):
    """A Documents folder of the test's own, where the choosers must start."""
    config = os.path.join(tmp, "config")
    documents = os.path.join(tmp, "Documents")
    os.makedirs(config, exist_ok=True)
    os.makedirs(documents, exist_ok=True)
    with open(os.path.join(config, "user-dirs.dirs"), "w") as f:
        f.write(f'XDG_DOCUMENTS_DIR="{documents}"\n')
    os.environ["XDG_CONFIG_HOME"] = config
    return documents


def press_menu_button(node):
    """GTK 4.8 gives a GtkMenuButton no action; its toggle button inside has."""
    for n in [node] + [node.get_child_at_index(i) for i in range(node.get_child_count())]:
        action = n.get_action_iface() if n is not None else None
        if action is not None and action.get_n_actions() > 0:
            action.do_action(0)
            return
    check(False, f"{node.get_name()!r} cannot be pressed")


def export_menu(app, item):
    """Opens the Insights export menu and activates @item."""
    button = [n for n in app.find_all("Export") if extents(n)[2] > 0]
    check(button, "no Export menu")
    # (Through accessibility: the notifications of the demo's overdue
    # follow-ups pop up over the window's top right corner.)
    press_menu_button(button[0])
    entry = wait_for(f"the menu item {item!r}",
                     lambda: [n for n in app.find_all(item) if extents(n)[2] > 0], 10)
    screenshot("insights-export-menu")
    press_menu_button(entry[0])


def test_export_image(tmp):
    """Export as Image…: the whole page, also what is scrolled out of
    sight, as a PNG where the user typed, and a toast that opens it."""
    os.environ["RAPPORT_NOW"] = NOW
    documents = documents_folder(tmp)
    db = os.path.join(tmp, "image.db")
    cli(db, "demo", "--deals", "200", "--contacts", "100")
    png = os.path.join(tmp, "typed", "whole page.png")
    os.makedirs(os.path.dirname(png))
    app = App(db)
    try:
        open_insights(app)
        export_menu(app, "Export as Image…")
        wait_for("the save dialog", lambda: app.find_all("Export Insights as Image", exact=False), 10)
        time.sleep(1)
        screenshot("insights-image-chooser")
        xdotool("key", "--clearmodifiers", "ctrl+a")
        type_text(png)
        xdotool("key", "Return")
        wait_for("the PNG", lambda: os.path.exists(png), 20)
        wait_for("the toast", lambda: named_like(app, "Saved the image as “whole page.png”"), 10)
        check(app.find_all("Open", role="push button", exact=False), "the toast has no Open button")
        screenshot("insights-image-toast")
        out = subprocess.run(["identify", "-format", "%m %w %h", png],
                             capture_output=True, text=True, check=True).stdout.split()
        kind, width, height = out[0], int(out[1]), int(out[2])
        # The page is taller than the window: all of it, not what shows.
        check(kind == "PNG" and 700 <= width <= 1400 and height > 1500,
              f"the image is {kind} {width}×{height}")
        check(os.stat(png).st_mode & 0o002 == 0, "the image is writable by others")
        check([f for f in os.listdir(os.path.dirname(png))] == ["whole page.png"],
              "a temporary file was left beside the image")
        check(os.listdir(documents) == [], "something was written into Documents")
        shutil.copy(png, os.path.join(rapport_gui.SHOTS, "insights-exported.png"))
        app.quit()
    finally:
        app.kill()


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.reader(f))


def choose_folder(app, title, folder):
    wait_for("the folder chooser", lambda: app.find_all(title, exact=False), 10)
    time.sleep(1)
    xdotool("key", "--clearmodifiers", "ctrl+l")
    time.sleep(0.3)
    type_text(folder + "/")
    time.sleep(0.5)
    screenshot("insights-tables-chooser")
    xdotool("key", "Return")


TABLES = {
    "funnel.csv": "stage_id,stage,probability,reached,advanced,dropped,conversion,median_days",
    "forecast.csv": "month,deals,value,weighted,currency",
    "won-by-month.csv": "month,deals,value,currency",
    "lost-reasons.csv": "lost_reason,deals,value,currency",
    "owners.csv": "owner,won,lost,won_value,currency,win_rate,activities",
    "speed-to-lead.csv": "first_contact,leads",
}


def test_export_tables(tmp):
    """Export Tables as CSV…: six files of the period shown in the folder
    chosen, with rapport-cli's rows; a second export asks before replacing."""
    os.environ["RAPPORT_NOW"] = NOW
    documents_folder(tmp)
    db = os.path.join(tmp, "tables.db")
    cli(db, "demo", "--deals", "200", "--contacts", "100")
    folder = os.path.join(tmp, "tables")
    os.makedirs(folder)
    summary = cli_json(db, "report", "summary", "--from", "2026-11-01", "--to", "2026-11-30")
    rows = {
        "funnel.csv": len(summary["funnel"]),
        "forecast.csv": len(summary["forecast"]) + 2,
        "won-by-month.csv": len(summary["won_by_month"]),
        "lost-reasons.csv": len(summary["lost_reasons"]),
        "owners.csv": len(summary["owners"]),
        "speed-to-lead.csv": 5,
    }
    app = App(db)
    try:
        open_insights(app)
        export_menu(app, "Export Tables as CSV…")
        choose_folder(app, "Export Tables as CSV", folder)
        wait_for("the six tables", lambda: sorted(os.listdir(folder)) == sorted(TABLES), 20)
        wait_for("the toast", lambda: named_like(app, "Exported the tables to “tables”"), 10)
        screenshot("insights-tables-toast")
        for name, header in TABLES.items():
            table = read_csv(os.path.join(folder, name))
            check(",".join(table[0]) == header, f"{name} starts {table[0]}")
            check(len(table) - 1 == rows[name], f"{name} has {len(table) - 1} rows, not {rows[name]}")
            check(os.stat(os.path.join(folder, name)).st_mode & 0o002 == 0, f"{name} is writable by others")
        won = sum(int(r[1]) for r in read_csv(os.path.join(folder, "owners.csv"))[1:])
        check(won == summary["won"]["count"], f"owners.csv counts {won} won, rapport-cli {summary['won']['count']}")

        # Again into the same folder: asked first, then replaced.
        with open(os.path.join(folder, "funnel.csv"), "w") as f:
            f.write("mine")
        time.sleep(8)       # the first toast goes
        export_menu(app, "Export Tables as CSV…")
        choose_folder(app, "Export Tables as CSV", folder)
        replace = wait_for("the question", lambda: rapport_gui.in_dialog(app, "Replace", "push button"), 10)
        check(app.find_all("Replace the Tables?", exact=False), "no question before replacing")
        screenshot("insights-tables-replace")
        check(open(os.path.join(folder, "funnel.csv")).read() == "mine", "replaced before asking")
        replace[0].do_action(0)
        wait_for("funnel.csv replaced",
                 lambda: open(os.path.join(folder, "funnel.csv")).read().startswith("stage_id,"), 10)
        # The six are written one after another, each through a temporary
        # file beside it: waited for, not looked at once (a slow machine
        # is still writing the last).
        wait_for("only the six tables in the folder", lambda: sorted(os.listdir(folder)) == sorted(TABLES), 20)
        app.quit()
    finally:
        app.kill()


TESTS = [
    test_figures_goal_and_funnel,
    test_custom_period,
    test_goals_from_the_app,
    test_export_image,
    test_export_tables,
]

if __name__ == "__main__":
    sys.exit(rapport_gui.run_tap(TESTS))
