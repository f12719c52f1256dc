#!/usr/bin/python3
"""The pipeline board driven as a user would: real pointer drags through
XTest, keys, accessibility to find cards and columns by name, and
rapport-cli to read what was committed. Prints TAP.

Environment and helpers: see rapport_gui.py.
"""

import os
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from rapport_gui import (APP, App, Atspi, check, cli, cli_json, center, drag, in_dialog,  # noqa: E402
                         drag_finish, drag_start, extents, focus, focus_card, inside, press,
                         run_tap, screenshot, sensitive, type_text, wait_for,
                         xdotool)


def deal(db, deal_id):
    return cli_json(db, "deal", "show", str(deal_id))


def new_board(tmp, name):
    """A database whose cards have names no other card shares."""
    db = os.path.join(tmp, name + ".db")
    cli(db, "init")
    ids = {}
    for title, stage in [("Alpha pilot", "Prospecting"), ("Bravo renewal", "Prospecting"),
                         ("Charlie expansion", "Prospecting"), ("Delta licence", "Presentation"),
                         ("Echo support", "Negotiation")]:
        ids[title] = cli_json(db, "deal", "add", title, "--value", "12500", "--stage", stage)["id"]
    return db, ids


def column_of(app, stage):
    return app.find(stage)


def card(app, title):
    # The card itself (a panel), not the board's row around it, which
    # bears its title too.
    return app.find(title, role="panel")


def empty_spot(app, stage):
    """A point in the column below its few cards, above the drop zones
    that cover the bottom of the board while a drag is on."""
    x, y, w, h = extents(column_of(app, stage))
    return x + w // 2, y + h // 2


def last_history(db, deal_id):
    return deal(db, deal_id)["history"][-1]


def test_drag_to_third_column(tmp):
    db, ids = new_board(tmp, "drag")
    app = App(db)
    try:
        sx, sy = center(card(app, "Alpha pilot"))
        dx, dy = empty_spot(app, "Presentation")
        drag(sx, sy, dx, dy)
        wait_for("Alpha in Presentation",
                 lambda: deal(db, ids["Alpha pilot"])["stage"] == "Presentation")
        h = last_history(db, ids["Alpha pilot"])
        check(h["from_stage"] == "Prospecting" and h["to_stage"] == "Presentation",
              f"history: {h}")
        wait_for("the card in the third column",
                 lambda: inside(card(app, "Alpha pilot"), column_of(app, "Presentation")))
        screenshot("board-after-drag")
        app.quit()
    finally:
        app.kill()


def test_drag_rtl(tmp):
    """Right to left (as in Hebrew) the later stages lie to the left, and
    a card dragged there by the real pointer lands in that stage."""
    db, ids = new_board(tmp, "drag-rtl")
    app = start_app(db, GTK_DEBUG="invert-text-dir")
    try:
        check(extents(column_of(app, "Presentation"))[0] < extents(column_of(app, "Prospecting"))[0],
              "right to left, Presentation is not left of Prospecting")
        sx, sy = center(card(app, "Bravo renewal"))
        dx, dy = empty_spot(app, "Presentation")
        drag(sx, sy, dx, dy)
        wait_for("Bravo in Presentation",
                 lambda: deal(db, ids["Bravo renewal"])["stage"] == "Presentation")
        wait_for("the card in the Presentation column",
                 lambda: inside(card(app, "Bravo renewal"), column_of(app, "Presentation")))
        screenshot("board-rtl-after-drag")
        app.quit()
    finally:
        app.kill()


def test_reorder_within_column(tmp):
    db, ids = new_board(tmp, "reorder")
    app = App(db)
    try:
        sx, sy = center(card(app, "Charlie expansion"))
        x, y, w, h = extents(card(app, "Alpha pilot"))
        drag(sx, sy, x + w // 2, y + 6)
        wait_for("Charlie first in Prospecting",
                 lambda: deal(db, ids["Charlie expansion"])["position"] == 0)
        check(deal(db, ids["Charlie expansion"])["stage"] == "Prospecting", "changed stage")
        check(deal(db, ids["Alpha pilot"])["position"] == 1, "Alpha is not second")
        check(deal(db, ids["Bravo renewal"])["position"] == 2, "Bravo is not third")
        app.quit()
    finally:
        app.kill()


def test_drop_on_lost(tmp):
    db, ids = new_board(tmp, "lost")
    app = App(db)
    try:
        # Cancelling the reason puts the card back.
        sx, sy = center(card(app, "Alpha pilot"))
        drag_start(sx, sy)
        lost = wait_for("the Lost drop zone", lambda: app.find("Lost"))
        dx, dy = center(lost)
        screenshot("board-dragging")
        drag_finish(sx + 16, sy + 16, dx, dy)
        wait_for("the reason dialog", lambda: app.find("Reason"))
        xdotool("key", "Escape")
        time.sleep(0.5)
        d = deal(db, ids["Alpha pilot"])
        check(d["status"] == "open" and d["stage"] == "Prospecting", f"cancel changed it: {d}")

        sx, sy = center(card(app, "Bravo renewal"))
        drag_start(sx, sy)
        lost = wait_for("the Lost drop zone", lambda: app.find("Lost"))
        dx, dy = center(lost)
        drag_finish(sx + 16, sy + 16, dx, dy)
        wait_for("the reason dialog", lambda: app.find("Reason"))
        time.sleep(0.3)
        screenshot("board-lost-reason")
        xdotool("type", "--delay", "20", "Chose a competitor")
        xdotool("key", "Return")
        d = wait_for("Bravo lost",
                     lambda: (lambda d: d if d["status"] == "lost" else None)(deal(db, ids["Bravo renewal"])))
        check(d["lost_reason"] == "Chose a competitor", f"reason: {d['lost_reason']!r}")
        check(d["closed_at"] is not None, "no closed_at")
        app.quit()
    finally:
        app.kill()


def test_board_filters(tmp):
    """The board's Filters, worked from the keyboard: only the deals worth
    at least 20 000 stay in their columns, as `deal list` has them; Clear
    Filters brings every card back."""
    db = os.path.join(tmp, "filters.db")
    cli(db, "init")
    for title, value, stage in [("Small pilot", "900", "Prospecting"), ("Large rollout", "45000", "Prospecting"),
                                ("Mid renewal", "8000", "Qualifying"), ("Big licence", "25000", "Presentation")]:
        cli(db, "deal", "add", title, "--value", value, "--stage", stage)
    big = {d["title"] for d in cli_json(db, "deal", "list", "--status", "open", "--value-min", "20000",
                                        "--sort", "board")}
    check(big == {"Large rollout", "Big licence"}, f"the CLI filters differently: {big}")
    app = App(db)
    try:
        wait_for("every card", lambda: all(app.find_all(t) for t in ("Small pilot", "Mid renewal")))
        press(app, "Filters")
        time.sleep(0.5)
        # Owner, Closes, then the smallest value (no Stage on the board).
        xdotool("key", "--clearmodifiers", "Tab", "Tab")
        type_text("20000")
        xdotool("key", "Escape")
        wait_for("the small ones hidden",
                 lambda: not [n for n in app.find_all("Small pilot") + app.find_all("Mid renewal")
                              if extents(n)[2] > 0])
        for title in big:
            check(card(app, title), f"{title} is not shown")
        wait_for("the button counts the filter", lambda: app.find("1 Filter"))
        screenshot("board-filtered")
        press(app, "1 Filter")
        time.sleep(0.5)
        app.find("Clear Filters", role="push button").do_action(0)
        wait_for("every card back", lambda: card(app, "Small pilot") and card(app, "Mid renewal"))
        xdotool("key", "--clearmodifiers", "Escape")   # the popover goes
        time.sleep(0.3)
        app.quit()
    finally:
        app.kill()


def test_undo(tmp):
    db, ids = new_board(tmp, "undo")
    app = App(db)
    try:
        sx, sy = center(card(app, "Bravo renewal"))
        dx, dy = empty_spot(app, "Negotiation")
        drag(sx, sy, dx, dy)
        wait_for("Bravo in Negotiation",
                 lambda: deal(db, ids["Bravo renewal"])["stage"] == "Negotiation")
        undo = wait_for("the Undo button", lambda: app.find("Undo", role="push button"))
        screenshot("board-undo-toast")
        undo.do_action(0)
        wait_for("Bravo back in Prospecting",
                 lambda: deal(db, ids["Bravo renewal"])["stage"] == "Prospecting")
        check(deal(db, ids["Bravo renewal"])["position"] == 1, "not back at its place")
        app.quit()
    finally:
        app.kill()


ZONES = ("Won", "Lost")


def zones_at_rest(app):
    """Where the Won and Lost zones sit while hidden (the bottom edge of
    the board, where their revealer opens), by name."""
    return {zone: extents(app.find_all(zone, role="panel")[0])[1] for zone in ZONES}


def drop_zones_shown(app, rest):
    """Which of the Won and Lost zones show: the board reveals them only
    while a card is being dragged, so they are the proof a drag is on.
    GTK 4.8 tells AT-SPI no "showing" state, and a closed revealer leaves
    its child allocated below the board's edge: a zone shows when it has a
    size and lies above where it rests."""
    shown = []
    for zone in ZONES:
        for node in app.find_all(zone, role="panel"):
            x, y, w, h = extents(node)
            if w > 0 and h > 0 and y + h <= rest[zone] + 2:
                shown.append(zone)
                break
    return shown


def test_escape_cancels_drag(tmp):
    db, ids = new_board(tmp, "escape")
    app = App(db)
    try:
        rest = zones_at_rest(app)
        check(not drop_zones_shown(app, rest), "drop zones shown before any drag")
        sx, sy = center(card(app, "Alpha pilot"))
        dx, dy = empty_spot(app, "Presentation")
        drag_start(sx, sy)
        for i in range(1, 9):
            xdotool("mousemove", sx + (dx - sx) * i // 8, sy + (dy - sy) * i // 8)
            time.sleep(0.02)
        # The drag really started: without this, a press that never became
        # a drag would pass the checks below as well.
        wait_for("the Won and Lost zones of a drag",
                 lambda: drop_zones_shown(app, rest) == list(ZONES))
        xdotool("key", "Escape")
        time.sleep(0.2)
        xdotool("mouseup", 1)
        wait_for("the drop zones to go with the drag", lambda: not drop_zones_shown(app, rest))
        time.sleep(0.3)
        d = deal(db, ids["Alpha pilot"])
        check(d["stage"] == "Prospecting" and d["position"] == 0, f"moved: {d}")
        wait_for("the card back in its column",
                 lambda: inside(card(app, "Alpha pilot"), column_of(app, "Prospecting")))
        app.quit()
    finally:
        app.kill()


def test_keyboard_move(tmp):
    db, ids = new_board(tmp, "keys")
    app = App(db)
    try:
        focus_card(card(app, "Delta licence"))
        xdotool("key", "--clearmodifiers", "ctrl+Right")
        wait_for("Delta in Negotiation",
                 lambda: deal(db, ids["Delta licence"])["stage"] == "Negotiation")
        xdotool("key", "--clearmodifiers", "ctrl+Left")
        xdotool("key", "--clearmodifiers", "ctrl+Left")
        wait_for("Delta in Qualifying",
                 lambda: deal(db, ids["Delta licence"])["stage"] == "Qualifying")
        # Ctrl+Z takes the moves back, last first.
        xdotool("key", "--clearmodifiers", "ctrl+z")
        wait_for("Delta back in Presentation",
                 lambda: deal(db, ids["Delta licence"])["stage"] == "Presentation")
        xdotool("key", "--clearmodifiers", "ctrl+z")
        wait_for("Delta back in Negotiation",
                 lambda: deal(db, ids["Delta licence"])["stage"] == "Negotiation")
        app.quit()
    finally:
        app.kill()


def test_other_writer(tmp):
    db, ids = new_board(tmp, "live")
    app = App(db)
    try:
        # How fast an external change reaches the board is a benchmark
        # figure; the test only asks that it arrives.
        cli(db, "deal", "move", str(ids["Echo support"]), "Prospecting", "--position", "0")
        wait_for("Echo in the first column",
                 lambda: inside(card(app, "Echo support"), column_of(app, "Prospecting")), 30)
        cli(db, "deal", "add", "Foxtrot from a script", "--value", "99", "--stage", "Closing")
        wait_for("a new card", lambda: card(app, "Foxtrot from a script"), 30)
        app.quit()
    finally:
        app.kill()


def test_new_deal_dialog(tmp):
    db, ids = new_board(tmp, "newdeal")
    app = App(db)
    try:
        press(app, "New Deal")
        title = wait_for("the Title field", lambda: app.find("Title", role="text"))
        create = app.find("Create", role="push button")
        check(not sensitive(create), "Create is enabled with an empty title")
        focus(title)
        type_text("Golf rollout")
        focus(app.find("Value", role="text"))
        type_text("-5")
        time.sleep(0.3)
        check(not sensitive(app.find("Create", role="push button")), "Create accepts a negative value")
        xdotool("key", "BackSpace", "BackSpace")
        type_text("2,500.75")
        time.sleep(0.3)
        screenshot("dialog-new-deal")
        wait_for("Create to be enabled", lambda: sensitive(app.find("Create", role="push button")))
        xdotool("key", "--clearmodifiers", "ctrl+Return")
        made = wait_for("the new deal", lambda: [d for d in cli_json(db, "deal", "list")
                                                  if d["title"] == "Golf rollout"])
        check(made[0]["value"] == 250075, f"value {made[0]['value']}")
        check(made[0]["stage"] == "Prospecting", f"stage {made[0]['stage']}")
        wait_for("its card", lambda: card(app, "Golf rollout"))
        # The toast's Open shows the new deal's page.
        press(app, "Open")
        wait_for("the deal's page", lambda: app.find("Won", role="push button"))
        app.quit()
    finally:
        app.kill()


def test_new_deal_and_lead_keys(tmp):
    """Ctrl+N asks for a new deal, Ctrl+Shift+N for a new lead, from the
    board."""
    db, ids = new_board(tmp, "newkeys")
    app = App(db)
    try:
        xdotool("key", "--clearmodifiers", "ctrl+n")
        wait_for("the new deal's Title field", lambda: app.find("Title", role="text"))
        check(app.find_all("Create", role="push button"), "Ctrl+N opened no New Deal dialog")
        xdotool("key", "Escape")
        wait_for("the dialog gone", lambda: not [n for n in app.find_all("Title", role="text") if extents(n)[2] > 0])
        xdotool("key", "--clearmodifiers", "ctrl+shift+n")
        wait_for("the new lead's Name field", lambda: app.find("Name", role="text"))
        screenshot("new-lead-by-key")
        xdotool("key", "Escape")
        app.quit()
    finally:
        app.kill()


def test_new_lead_dialog(tmp):
    db, ids = new_board(tmp, "newlead")
    cli(db, "contact", "add", "Hana Satō", "--email", "HANA@example.com")
    app = App(db)
    try:
        press(app, "New Lead")
        name = wait_for("the Name field", lambda: app.find("Name", role="text"))
        focus(name)
        type_text("Hana Sato")
        focus(app.find("Email", role="text"))
        type_text("hana@example")
        focus(app.find("Phone", role="text"))
        time.sleep(0.3)
        check(not sensitive(app.find("Create", role="push button")), "Create accepts a bad email")
        focus(app.find("Email", role="text"))
        type_text(".com")
        # Someone already has that e-mail: said, not refused.
        wait_for("the known contact named",
                 lambda: app.find_all("Hana Satō already has this e-mail", exact=False))
        focus(app.find("Phone", role="text"))
        type_text("+81 3 1234 5678")
        time.sleep(0.3)
        screenshot("dialog-new-lead")
        xdotool("key", "--clearmodifiers", "ctrl+Return")
        lead = wait_for("the lead", lambda: [c for c in cli_json(db, "contact", "list")
                                             if c["name"] == "Hana Sato"])[0]
        check(lead["lifecycle"] == "lead", f"lifecycle {lead['lifecycle']}")
        check(lead["email"] == "hana@example.com", f"email {lead['email']}")
        followups = [f for f in cli_json(db, "followup", "list") if f["contact_id"] == lead["id"]]
        check(len(followups) == 1 and followups[0]["rule"] == "speed-to-lead", f"follow-ups {followups}")
        app.quit()
    finally:
        app.kill()


def start_on(db):
    """App(db) for a board that may have no card at all."""
    app = App.__new__(App)
    app.db = db
    app.err = open(db + ".err", "w")
    env = dict(os.environ, GDK_BACKEND="x11", GSETTINGS_BACKEND="memory")
    Atspi.get_desktop(0).get_child_count()  # the bus up first, as App does
    app.proc = subprocess.Popen([APP, "--db", db], stderr=app.err, env=env)
    app.node = wait_for("the app on the accessibility bus", app._find_app, 60)
    return app


def showing(app, name, role="push button"):
    return [n for n in app.find_all(name, role=role) if extents(n)[2] > 0]


def test_empty_board(tmp):
    """An empty database: New Deal, New Lead and Load Demo Data; the demo
    is asked for, and Ctrl+Z takes it all back."""
    db = os.path.join(tmp, "empty.db")
    cli(db, "init")
    app = start_on(db)
    try:
        wait_for("the empty state", lambda: app.find("No Deals Yet", exact=False))
        time.sleep(0.5)
        check(showing(app, "New Lead") and showing(app, "Load Demo Data"), "New Lead or the demo not offered")
        screenshot("board-empty")

        # Asked first: cancelled, nothing is written.
        press(app, "Load Demo Data")
        wait_for("the question", lambda: app.find("Load Demo Data?", exact=False))
        screenshot("board-demo-question")
        xdotool("key", "Escape")
        time.sleep(0.5)
        check(cli_json(db, "deal", "list") == [], "cancelled, yet deals were written")

        press(app, "Load Demo Data")
        load = wait_for("the question's Load button",
                        lambda: in_dialog(app, "Load Demo Data", role="push button"))
        load[0].do_action(0)
        wait_for("demo deals", lambda: len(cli_json(db, "deal", "list")) > 20)
        wait_for("cards", lambda: app.find_all(role="list item"))
        screenshot("board-demo-loaded")

        focus_card(app.find_all(role="list item")[0])
        xdotool("key", "--clearmodifiers", "ctrl+z")
        wait_for("the demo taken back",
                 lambda: cli_json(db, "deal", "list") == [] and cli_json(db, "contact", "list") == [], 20)
        wait_for("the first run's empty state again", lambda: showing(app, "Load Demo Data"))
        app.quit()
    finally:
        app.kill()


def test_empty_pipeline(tmp):
    """A database with records but no open deal in the pipeline says so,
    offers New Deal and New Lead, and never the demo."""
    db = os.path.join(tmp, "emptypipe.db")
    cli(db, "init")
    won = cli_json(db, "deal", "add", "Old win", "--value", "100")["id"]
    cli(db, "deal", "won", str(won))
    app = start_on(db)
    try:
        wait_for("the empty pipeline", lambda: app.find("No Deals in This Pipeline", exact=False))
        time.sleep(0.5)
        check(showing(app, "New Deal") and showing(app, "New Lead"), "New Deal or New Lead not offered")
        check(not showing(app, "Load Demo Data"), "the demo offered on a database with deals")
        screenshot("board-empty-pipeline")
        press(app, "New Lead")
        wait_for("the new lead's Name field", lambda: app.find("Name", role="text"))
        xdotool("key", "Escape")
        app.quit()
    finally:
        app.kill()

    # An empty file that gets a contact from elsewhere: the demo goes.
    db = os.path.join(tmp, "firstcontact.db")
    cli(db, "init")
    app = start_on(db)
    try:
        wait_for("the demo offered", lambda: showing(app, "Load Demo Data"))
        cli(db, "contact", "add", "Ines Costa")
        wait_for("the demo gone", lambda: not showing(app, "Load Demo Data"), 30)
        check(app.find("No Deals in This Pipeline", exact=False), "not the empty pipeline")
        app.quit()
    finally:
        app.kill()

def window_of(app):
    return app.find_all(role="frame")[0]


def fully_inside(node, outer, slack=2):
    x, y, w, h = extents(node)
    ox, oy, ow, oh = extents(outer)
    return (ox - slack <= x and x + w <= ox + ow + slack and
            oy - slack <= y and y + h <= oy + oh + slack)


def sideways_board(tmp, name, template="cycle7", per_stage=2):
    """A board of @template with @per_stage cards in every stage."""
    db = os.path.join(tmp, name + ".db")
    cli(db, "init", "--template", template)
    stages = [s["name"] for s in cli_json(db, "stage", "list")]
    for n, stage in enumerate(stages):
        for i in range(per_stage):
            cli(db, "deal", "add", f"Deal {n + 1}{'ab'[i]}", "--value", "100", "--stage", stage)
    return db, stages


def start_app(db, **env):
    """App(db) with @env set for the app only (GTK_DEBUG, say)."""
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        return App(db)
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k)
            else:
                os.environ[k] = v


def test_five_stages_fit(tmp):
    """At the default 1280×800 every stage of a five-stage pipeline shows
    whole: the columns narrow to fit."""
    db, stages = sideways_board(tmp, "fit", template="classic5")
    app = App(db)
    try:
        window = window_of(app)
        check(extents(window)[2] >= 1260, f"not the default size: {extents(window)}")
        check(len(stages) == 5, f"stages {stages}")
        wait_for("all five stages in the window",
                 lambda: all(fully_inside(column_of(app, s), window) for s in stages))
        screenshot("board-1280x800")
        app.quit()
    finally:
        app.kill()


def shows_whole(app, stage):
    return fully_inside(column_of(app, stage), window_of(app))


def check_scrolls_sideways(app, stages, rtl):
    first, last = stages[0], stages[-1]
    wait_for("the first stage in view", lambda: shows_whole(app, first))
    check(not shows_whole(app, last), "seven stages fit: nothing to scroll")
    fx = extents(column_of(app, first))[0]
    check((fx > extents(column_of(app, last))[0]) == rtl, "the stages run the wrong way")

    # Shift+wheel over a card, where a column's list used to keep it.
    x, y = center(card(app, "Deal 3a"))
    xdotool("mousemove", x, y)
    xdotool("keydown", "shift")
    try:
        xdotool("click", "--repeat", "8", "--delay", "60", "5")
    finally:
        xdotool("keyup", "shift")
    wait_for("Shift+wheel down to bring the last stage in", lambda: shows_whole(app, last))
    check(not shows_whole(app, first), "the first stage still shows")

    # A sideways wheel (a touchpad's swipe on X11 without smooth scrolling)
    # goes the way it is pushed: left or right on the screen.
    x, y = center(card(app, "Deal 5a"))
    xdotool("mousemove", x, y)
    xdotool("click", "--repeat", "8", "--delay", "60", "7" if rtl else "6")
    wait_for("the sideways wheel to bring the first stage back", lambda: shows_whole(app, first))

    # The keys, from a card.
    focus_card(card(app, "Deal 1a"))
    for _ in range(3):
        xdotool("key", "--clearmodifiers", "ctrl+Page_Down")
        time.sleep(0.1)
    wait_for("Ctrl+Page Down to bring the last stage in", lambda: shows_whole(app, last))
    for _ in range(3):
        xdotool("key", "--clearmodifiers", "ctrl+Page_Up")
        time.sleep(0.1)
    wait_for("Ctrl+Page Up to bring the first stage back", lambda: shows_whole(app, first))
    # Up and down still go to the column under the pointer.
    check(all(d["stage"] == stages[int(d["title"][5]) - 1] for d in cli_json(app.db, "deal", "list")),
          "a scroll moved a deal")


def test_shift_wheel_scrolls(tmp):
    """Seven stages do not fit 1280 pixels: the board scrolls sideways by
    Shift+wheel over a card, a sideways wheel and Ctrl+Page Up/Down."""
    db, stages = sideways_board(tmp, "sideways")
    app = App(db)
    try:
        check_scrolls_sideways(app, stages, rtl=False)
        app.quit()
    finally:
        app.kill()


def test_sideways_rtl(tmp):
    """Right to left: the first stage starts at the right edge, in view,
    and the later stages are further on to the left."""
    db, stages = sideways_board(tmp, "sideways-rtl")
    app = start_app(db, GTK_DEBUG="invert-text-dir")
    try:
        screenshot("board-rtl-start")
        check_scrolls_sideways(app, stages, rtl=True)
        app.quit()
    finally:
        app.kill()


def stage_list(app, stage):
    return [n for n in app.find_all(stage, role="list") if extents(n)[3] > 0][0]


def test_reorder_keeps_both_in_view(tmp):
    """Alt+Down and Alt+Up down and up a column longer than the window:
    the moved card and the one it swapped with both stay in view."""
    db = os.path.join(tmp, "swap.db")
    cli(db, "init")
    order = [f"Card {i:02}" for i in range(1, 12)]
    ids = {t: cli_json(db, "deal", "add", t, "--value", "100", "--stage", "Prospecting")["id"] for t in order}
    app = App(db)
    try:
        # The plain wheel still scrolls the column under the pointer.
        x, y = center(card(app, "Card 03"))
        xdotool("mousemove", x, y)
        xdotool("click", "--repeat", "4", "--delay", "60", "5")
        # (Scrolled far enough, its row is no longer shown at all: GTK
        # keeps it unmapped, and screen readers no longer see it.)
        wait_for("the wheel to scroll the column down",
                 lambda: not [n for n in app.find_all("Card 01", role="panel")
                              if extents(n)[2] > 0 and fully_inside(n, stage_list(app, "Prospecting"))])
        xdotool("click", "--repeat", "8", "--delay", "60", "4")
        wait_for("the wheel to scroll it back up",
                 lambda: fully_inside(card(app, "Card 01"), stage_list(app, "Prospecting")))

        focus_card(card(app, "Card 01"))
        for key, delta in (("alt+Down", 1), ("alt+Up", -1)):
            for _ in range(len(order) - 1):
                before = order.index("Card 01")
                other = order[before + delta]
                order[before], order[before + delta] = other, "Card 01"
                xdotool("key", "--clearmodifiers", key)
                wait_for(f"{key} to {before + delta}",
                         lambda: deal(db, ids["Card 01"])["position"] == before + delta)
                wait_for(f"Card 01 and {other}, which it swapped with, in view",
                         lambda: fully_inside(card(app, "Card 01"), stage_list(app, "Prospecting")) and
                         fully_inside(card(app, other), stage_list(app, "Prospecting")))
        check(deal(db, ids["Card 01"])["position"] == 0, "Card 01 not back at the top")
        app.quit()
    finally:
        app.kill()


def test_rotting_on_card_and_page(tmp):
    """A deal 60 days in a stage that allows 14, nothing scheduled, its
    close date a month gone: the card and the deal page both say it is 46
    days over and that the close date has passed."""
    import datetime
    db = os.path.join(tmp, "rotting.db")
    cli(db, "init")
    now = datetime.datetime.now(datetime.timezone.utc)
    then = (now - datetime.timedelta(days=60)).strftime("%Y-%m-%dT%H:%M:%SZ")
    close = (now - datetime.timedelta(days=30)).strftime("%Y-%m-%d")
    env = dict(os.environ, RAPPORT_NOW=then)
    subprocess.run([os.environ["RAPPORT_CLI"], "--db", db, "deal", "add", "Stale quote", "--value", "900",
                    "--stage", "Prospecting", "--close", close], env=env, check=True, capture_output=True)
    cli(db, "deal", "add", "Fresh quote", "--value", "100", "--stage", "Prospecting")
    app = App(db)
    try:
        stale = card(app, "Stale quote")
        check("46 days longer" in (stale.get_description() or ""), f"card: {stale.get_description()!r}")
        check("longer" not in (card(app, "Fresh quote").get_description() or ""), "a fresh deal rots")
        # One click opens it.
        x, y = center(stale)
        xdotool("mousemove", x, y)
        xdotool("click", "1")
        wait_for("the deal's page", lambda: app.find("Won", role="push button"))
        wait_for("the page's rotting mark", lambda: app.find("46 days over", role="label"))
        check(app.find("Close date passed", role="label"), "no passed close on the page")
        time.sleep(0.3)
        screenshot("deal-page-rotting")
        app.quit()
    finally:
        app.kill()

def test_moved_card_stays_in_view(tmp):
    """Ctrl+Right across seven stages that do not fit: the board follows
    the card, stage after stage, to the last one."""
    db, stages = sideways_board(tmp, "follow", per_stage=1)
    moving = cli_json(db, "deal", "list")[0]
    app = App(db)
    try:
        focus_card(card(app, moving["title"]))
        for stage in stages[1:]:
            xdotool("key", "--clearmodifiers", "ctrl+Right")
            wait_for(f"the deal in {stage}", lambda: deal(db, moving["id"])["stage"] == stage)
            wait_for(f"its card in view in {stage}",
                     lambda: fully_inside(card(app, moving["title"]), window_of(app)) and
                     inside(card(app, moving["title"]), column_of(app, stage)))
        check(not shows_whole(app, stages[0]), "the board did not scroll")
        app.quit()
    finally:
        app.kill()


TESTS = [
    test_drag_to_third_column,
    test_reorder_within_column,
    test_drop_on_lost,
    test_undo,
    test_board_filters,
    test_escape_cancels_drag,
    test_keyboard_move,
    test_other_writer,
    test_new_deal_dialog,
    test_new_lead_dialog,
    test_new_deal_and_lead_keys,
    test_empty_board,
    test_empty_pipeline,
    test_five_stages_fit,
    test_shift_wheel_scrolls,
    test_sideways_rtl,
    test_drag_rtl,
    test_reorder_keeps_both_in_view,
    test_rotting_on_card_and_page,
    test_moved_card_stays_in_view,
]


if __name__ == "__main__":
    sys.exit(run_tap(TESTS))
