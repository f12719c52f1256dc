#!/usr/bin/python3
"""After the sale, driven as a user would: a deal dragged onto the board's
Won zone schedules its after-sales follow-ups (and Ctrl+Z takes them
back), they show in the Follow-ups view, the deal page records the
customer's satisfaction and makes a repeat deal, and the After-Sales
Plan window edits the plan. Found by accessible names, checked with
rapport-cli. Prints TAP.

Environment and helpers: see rapport_gui.py.
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import rapport_gui  # noqa: E402
from rapport_gui import (App, check, cli, cli_json, center, drag_finish,  # noqa: E402
                         drag_start, extents, screenshot, type_text, wait_for, xdotool)

TITLE = "Engines order"


def new_db(tmp, name):
    db = os.path.join(tmp, name + ".db")
    cli(db, "init")
    ada = cli_json(db, "contact", "add", "Ada Lovelace")["id"]
    deal_id = cli_json(db, "deal", "add", TITLE, "--value", "12500", "--contact", str(ada))["id"]
    # An open deal besides, so the board App waits for has a card.
    cli(db, "deal", "add", "Other pilot", "--value", "900")
    return db, deal_id, ada


def deal(db, deal_id):
    return cli_json(db, "deal", "show", str(deal_id))


def after_sales(db, deal_id):
    return [f for f in cli_json(db, "followup", "list")
            if f["deal_id"] == deal_id and f["rule"] == "after-sales"]


def win_by_drag(app, db, deal_id):
    sx, sy = center(app.find(TITLE))
    drag_start(sx, sy)
    won = wait_for("the Won drop zone", lambda: app.find("Won", role="panel"))
    dx, dy = center(won)
    drag_finish(sx + 16, sy + 16, dx, dy)
    wait_for("the deal won", lambda: deal(db, deal_id)["status"] == "won")


def test_win_schedules_and_undo(tmp):
    db, deal_id, ada = new_db(tmp, "win")
    app = App(db)
    try:
        win_by_drag(app, db, deal_id)
        steps = wait_for("three after-sales follow-ups", lambda: len(after_sales(db, deal_id)) == 3 and
                         after_sales(db, deal_id))
        check([f["title"] for f in steps] ==
              ["Delivery check call", "Satisfaction check", "Repeat-sale review"], f"steps: {steps}")
        check(all(f["contact_id"] == ada for f in steps), "not for the deal's contact")
        check(cli_json(db, "contact", "show", str(ada))["lifecycle"] == "customer", "not a customer")

        # Ctrl+Z takes the win back, and its follow-ups with it.
        xdotool("key", "--clearmodifiers", "ctrl+z")
        wait_for("the deal open again", lambda: deal(db, deal_id)["status"] == "open")
        wait_for("the follow-ups gone", lambda: not after_sales(db, deal_id))
        check(cli_json(db, "contact", "show", str(ada))["lifecycle"] == "contact", "still a customer")

        # Won again: the Follow-ups view lists them.
        win_by_drag(app, db, deal_id)
        wait_for("the follow-ups again", lambda: len(after_sales(db, deal_id)) == 3)
        xdotool("key", "--clearmodifiers", "alt+6")
        wait_for("the delivery check in Follow-ups",
                 lambda: app.find("Delivery check call", role="list item"))
        check(app.find("Satisfaction check", role="list item"), "no satisfaction check listed")
        time.sleep(0.5)
        screenshot("aftersales-followups")
        app.quit()
    finally:
        app.kill()


def click(node):
    x, y = center(node)
    xdotool("mousemove", x, y)
    time.sleep(0.05)
    xdotool("click", 1)
    time.sleep(0.3)


def open_deal_page(app, db, deal_id):
    """From the Follow-ups view: a follow-up of a deal opens its page."""
    xdotool("key", "--clearmodifiers", "alt+6")
    row = wait_for("the delivery check", lambda: app.find("Delivery check call", role="list item"))
    x, y, w, h = extents(row)
    xdotool("mousemove", x + w // 3, y + h // 2)
    xdotool("click", 1)
    return wait_for("the deal page's New Repeat Deal",
                    lambda: app.find("New Repeat Deal", role="push button"))


def test_satisfaction_and_repeat(tmp):
    db, deal_id, ada = new_db(tmp, "page")
    cli(db, "deal", "won", str(deal_id))
    app = App(db)
    try:
        open_deal_page(app, db, deal_id)
        app.find("Record Satisfaction…", role="push button").do_action(0)
        wait_for("the dialog", lambda: app.find("Satisfied 4 of 5", role="push button")).do_action(0)
        time.sleep(0.3)
        app.find("Would recommend 9 of 10", role="push button").do_action(0)
        time.sleep(0.3)
        comment = app.find("Comment", role="text")
        x, y = center(comment)
        xdotool("mousemove", x, y)
        xdotool("click", 1)
        time.sleep(0.2)
        type_text("Arrived early")
        time.sleep(0.3)
        screenshot("aftersales-satisfaction-dialog")
        app.find("Record", role="push button").do_action(0)
        answers = wait_for("the answer recorded", lambda: deal(db, deal_id)["satisfaction"])
        check(answers[0]["score"] == 4 and answers[0]["nps"] == 9, f"answer: {answers[0]}")
        check(answers[0]["comment"] == "Arrived early", f"comment: {answers[0]['comment']!r}")
        check(answers[0]["contact_id"] == ada, "not the customer's")
        wait_for("the answer on the page",
                 lambda: app.find("Satisfied 4 of 5, would recommend 9 of 10", exact=False))
        time.sleep(0.3)
        screenshot("aftersales-deal-page")

        app.find("New Repeat Deal", role="push button").do_action(0)
        wait_for("the repeat deal's dialog", lambda: app.find("Create", role="push button"))
        time.sleep(0.5)
        screenshot("aftersales-repeat-dialog")
        app.find("Create", role="push button").do_action(0)
        made = wait_for("the repeat deal", lambda: [d for d in cli_json(db, "deal", "list")
                                                     if d["repeat_of"] == deal_id])
        check(made[0]["title"] == "Repeat: " + TITLE, f"made: {made[0]}")
        check(made[0]["contact_id"] == ada and made[0]["value"] == 1250000, f"made: {made[0]}")
        check(made[0]["stage"] == "Prospecting" and made[0]["status"] == "open", f"made: {made[0]}")
        wait_for("the earlier deal lists it", lambda: deal(db, deal_id)["repeat_deals"] == [made[0]["id"]])

        # The earlier deal's page links to its repeat deal, whose "Repeat of"
        # leads back.
        click(wait_for("the Repeat deal row", lambda: app.find("Repeat deal", role="list item")))
        link = wait_for("the Repeat of row", lambda: app.find("Repeat of", role="list item"))
        time.sleep(0.3)
        screenshot("aftersales-repeat-page")
        click(link)
        wait_for("the earlier deal's page again",
                 lambda: app.find("New Repeat Deal", role="push button"))

        # Insights counts the answer: a score of 4, one promoter.
        xdotool("key", "--clearmodifiers", "alt+5")
        wait_for("the satisfaction card",
                 lambda: app.find("Average satisfaction, 1 answer: 4.0 of 5", exact=False))
        nps = app.find("Net promoter score, 1 answer: ", exact=False).get_name()
        check("+100" in nps, f"NPS card: {nps!r}")
        report = cli_json(db, "report", "summary")["satisfaction"]
        check(report["scores"] == 1 and report["nps"] == 100, f"report: {report}")
        time.sleep(0.3)
        screenshot("aftersales-insights")
        app.quit()
    finally:
        app.kill()


def test_done_offers_satisfaction(tmp):
    """Marking the satisfaction check done offers to record the answers."""
    db, deal_id, ada = new_db(tmp, "offer")
    cli(db, "deal", "won", str(deal_id))
    check_id = [f for f in after_sales(db, deal_id) if f["title"] == "Satisfaction check"][0]["id"]
    app = App(db)
    try:
        xdotool("key", "--clearmodifiers", "alt+6")
        row = wait_for("the satisfaction check", lambda: app.find("Satisfaction check", role="list item"))
        done = [n for n in app.find_all("Mark Done", role="push button") if rapport_gui.inside(n, row)]
        check(done, "no Mark Done on the row")
        done[0].do_action(0)
        wait_for("the offer", lambda: app.find("Satisfied 5 of 5", role="push button")).do_action(0)
        time.sleep(0.3)
        app.find("Record", role="push button").do_action(0)
        wait_for("the answer recorded", lambda: deal(db, deal_id)["satisfaction"])
        check([f for f in cli_json(db, "followup", "list") if f["id"] == check_id] == [],
              "the satisfaction check is still pending")
        app.quit()
    finally:
        app.kill()


def test_plan_window(tmp):
    """The main menu's After-Sales Plan… edits the current pipeline's plan."""
    db, deal_id, ada = new_db(tmp, "plan")
    app = App(db)
    try:
        xdotool("key", "F10")
        wait_for("the main menu", lambda: app.find("After-Sales Plan…")).do_action(0)
        wait_for("the plan window", lambda: app.find("Add Step", role="push button"))
        time.sleep(0.5)
        screenshot("aftersales-plan")
        app.find("Add Step", role="push button").do_action(0)
        wait_for("a fourth step", lambda: len(cli_json(db, "aftersales", "list", "1")) == 4)
        # The new step's title field has the focus: a name typed is saved.
        time.sleep(0.5)
        xdotool("key", "ctrl+a")
        type_text("Thank-you card")
        xdotool("key", "Return")
        wait_for("the title saved",
                 lambda: cli_json(db, "aftersales", "list", "1")[3]["title"] == "Thank-you card")
        time.sleep(0.3)
        screenshot("aftersales-plan-step")
        # Move it up by keyboard: Alt+Up on its row.
        xdotool("key", "--clearmodifiers", "alt+Up")
        wait_for("moved up", lambda: cli_json(db, "aftersales", "list", "1")[2]["title"] == "Thank-you card")
        # The focus stays with the step: pressed again, it moves again.
        time.sleep(0.5)
        xdotool("key", "--clearmodifiers", "alt+Up")
        wait_for("moved up again",
                 lambda: cli_json(db, "aftersales", "list", "1")[1]["title"] == "Thank-you card")
        time.sleep(0.3)
        screenshot("aftersales-plan-edited")
        # A real drag of the last step onto the first puts it first.
        last = [n for n in app.find_all("Repeat-sale review") if n.get_role_name() == "list item"
                or n.get_role_name() == "label"][0]
        first = [n for n in app.find_all("Delivery check call") if n.get_role_name() == "list item"
                 or n.get_role_name() == "label"][0]
        sx, sy = center(last)
        dx, dy = center(first)
        rapport_gui.drag(sx, sy, dx, dy)
        wait_for("dragged first",
                 lambda: cli_json(db, "aftersales", "list", "1")[0]["title"] == "Repeat-sale review")

        def closed():
            if not [n for n in app.find_all("Add Step", role="push button") if extents(n)[2] > 0]:
                return True
            xdotool("key", "Escape")
            return False
        wait_for("the plan window closed", closed)
        app.quit()
    finally:
        app.kill()


if __name__ == "__main__":
    sys.exit(rapport_gui.run_tap([test_win_schedules_and_undo, test_satisfaction_and_repeat,
                                  test_done_offers_satisfaction, test_plan_window]))
