#!/usr/bin/python3
"""The process editor as a user works it: Edit Process… from the main
menu opens it; a stage dragged by its handle and one moved by Alt+Up
reorder the board's columns; a stage with deals is deleted and its deals
go to the stage picked in the dialog (their history kept, the old
stage's name in it); a key action edited in place shows on the deal
page's playbook, one added is moved by Alt+Up, one removed comes back by
the toast's Undo; a stage and the pipeline are renamed (the history
keeps the old names) and another program's new stage shows; a pipeline
is added from a template, then deleted. rapport-cli --json reads back
what each step stored.

Environment and helpers: see rapport_gui.py.
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import rapport_gui  # noqa: E402
from rapport_gui import App, center, check, cli, cli_json, drag, extents, focus, screenshot, type_text, wait_for, xdotool  # noqa: E402
from contacts import click_node, page  # noqa: E402
from safety import menu_item  # noqa: E402

EDIT_PROCESS_DOWNS = 5
CLASSIC = ["Prospecting", "Qualifying", "Presentation", "Negotiation", "Closing"]


def key(*names):
    for name in names:
        xdotool("key", "--clearmodifiers", name)
        time.sleep(0.3)


def new_db(tmp, name):
    """Classic 5 stages, a deal in each of the first three."""
    db = os.path.join(tmp, name + ".db")
    cli(db, "init")
    ids = {}
    for title, stage in [("Alpha pilot", "Prospecting"), ("Bravo renewal", "Qualifying"),
                         ("Charlie expansion", "Qualifying"), ("Delta licence", "Presentation")]:
        ids[title] = cli_json(db, "deal", "add", title, "--value", "1000", "--stage", stage)["id"]
    return db, ids


def stages(db, pipeline=None):
    return [s["name"] for s in cli_json(db, "stage", "list", *([str(pipeline)] if pipeline else []))]


def stage_id(db, name):
    return [s["id"] for s in cli_json(db, "stage", "list") if s["name"] == name][0]


def open_editor(app):
    menu_item(app, "Edit Process", EDIT_PROCESS_DOWNS)
    editor = wait_for("the process editor", lambda: app.find("Edit Process", role="frame"), 10)
    wait_for("its stages", lambda: app.find("Stages", role="list"), 10)
    time.sleep(0.5)
    return editor


def close_editor(app):
    for _ in range(3):
        if not app.find_all("Edit Process", role="frame"):
            return
        key("Escape")
        time.sleep(0.5)
    check(not app.find_all("Edit Process", role="frame"), "Escape did not close the editor")


def answer(app, label):
    """A button of a message dialog: GTK 4.8 names it by its mnemonic and
    its label ("_Delete Delete")."""
    names = {label, f"{label} {label}", f"_{label} {label}"}
    hits = [b for b in app.find_all(role="push button") if b.get_name() in names and extents(b)[2] > 0]
    check(hits, f"no dialog button {label!r}")
    return hits[0]


def field(app, name):
    """The text field of an entry row, by its title or text."""
    return wait_for(f"the field {name!r}", lambda: app.find(name, role="text"))


def board_order(app):
    """The board's columns, left to right (in the editor a stage is a text
    field, its settings a list: a column is a panel). One walk of the
    tree: each is slow."""
    names = set(CLASSIC) | {"Discovery"}
    found = {}
    for node in app.find_all(role="panel"):
        name = node.get_name()
        if name in names and name not in found and extents(node)[2] > 0:
            found[name] = extents(node)[0]
    return sorted(found, key=found.get)


def scroll_editor_to(app, node_of, editor):
    """The node @node_of gives, the editor scrolled (by the wheel) until it
    is inside the window."""
    bottom = extents(editor)[1] + extents(editor)[3]
    for _ in range(40):
        node = node_of()
        x, y, w, h = extents(node)
        if y + h < bottom - 10 and y > 50:
            return node
        xdotool("mousemove", extents(editor)[2] // 2 + 100, bottom - 80 if y > 50 else 200)
        xdotool("click", 5 if y > 50 else 4)
        time.sleep(0.15)
    raise rapport_gui.Failure("never scrolled into the window")


def test_reorder_stages(tmp):
    db, _ = new_db(tmp, "reorder")
    app = App(db)
    try:
        editor = open_editor(app)
        screenshot("process-editor")

        # Prospecting dragged by its handle (at the start of the row) onto
        # Presentation: it takes Presentation's place.
        first = field(app, "Prospecting")
        third = field(app, "Presentation")
        x, y, w, h = extents(first)
        tx, ty = center(third)
        drag(x + 20, y + h // 2, tx, ty)
        moved = ["Qualifying", "Presentation", "Prospecting", "Negotiation", "Closing"]
        wait_for("the stage dragged down", lambda: stages(db) == moved)
        wait_for("the board's columns in the new order", lambda: board_order(app) == moved, 10)

        # Alt+Up on Negotiation: one place up.
        focus(field(app, "Negotiation"))
        key("alt+Up")
        moved = ["Qualifying", "Presentation", "Negotiation", "Prospecting", "Closing"]
        wait_for("the stage moved up", lambda: stages(db) == moved)
        wait_for("the board's columns follow", lambda: board_order(app) == moved, 10)
        # The keyboard stays on the stage moved: again moves it again.
        time.sleep(0.5)
        key("alt+Up")
        moved = ["Qualifying", "Negotiation", "Presentation", "Prospecting", "Closing"]
        wait_for("the stage moved up again", lambda: stages(db) == moved)
        screenshot("process-editor-reordered")
        close_editor(app)
        check(board_order(app) == moved, f"the board shows {board_order(app)}")
        app.quit()
    finally:
        app.kill()


def test_delete_stage_with_deals(tmp):
    db, ids = new_db(tmp, "delete")
    qualifying = stage_id(db, "Qualifying")
    app = App(db)
    try:
        open_editor(app)
        app.find("Remove “Qualifying”", role="push button").do_action(0)
        wait_for("the question", lambda: app.find("Delete the Stage?", exact=False), 10)
        picker = wait_for("where its deals go", lambda: app.find("Move its 2 deals to", role="combo box"))
        time.sleep(0.5)
        screenshot("process-editor-delete-stage")
        # The picker lists the other stages: Prospecting first, then
        # Presentation.
        click_node(picker)
        time.sleep(0.8)
        key("Down", "Return")
        time.sleep(0.5)
        screenshot("process-editor-delete-stage-picked")
        answer(app, "Delete").do_action(0)
        wait_for("the stage deleted", lambda: stages(db) == ["Prospecting", "Presentation", "Negotiation", "Closing"])
        for title in ["Bravo renewal", "Charlie expansion"]:
            deal = cli_json(db, "deal", "show", str(ids[title]))
            check(deal["stage"] == "Presentation", f"{title} is in {deal['stage']}")
            history = deal["history"]
            check(history[0]["to_stage"] == "Qualifying" and history[0]["to_stage_id"] in (qualifying, None),
                  f"{title}'s first entry: {history[0]}")
            check(history[-1]["from_stage"] == "Qualifying" and history[-1]["to_stage"] == "Presentation",
                  f"{title}'s last entry: {history[-1]}")
        check(cli_json(db, "deal", "show", str(ids["Alpha pilot"]))["stage"] == "Prospecting", "Alpha moved")
        wait_for("the row gone", lambda: not app.find_all("Qualifying", role="text"))

        # A stage without deals asks with no picker; the last stage cannot
        # go.
        app.find("Remove “Closing”", role="push button").do_action(0)
        wait_for("the question", lambda: app.find("Delete the Stage?", exact=False), 10)
        check(not app.find_all("Move its", role="combo box", exact=False), "a picker for no deals")
        answer(app, "Delete").do_action(0)
        wait_for("Closing deleted", lambda: stages(db) == ["Prospecting", "Presentation", "Negotiation"])
        app.quit()
    finally:
        app.kill()


def test_edit_key_action(tmp):
    db, ids = new_db(tmp, "playbook")
    qualifying = stage_id(db, "Qualifying")
    actions = cli_json(db, "playbook", "list", str(qualifying))
    app = App(db)
    try:
        editor = open_editor(app)
        # The keyboard on a stage's row chooses it.
        focus(field(app, "Qualifying"))
        wait_for("its settings", lambda: app.find("Qualifying", role="list"))
        row = scroll_editor_to(app, lambda: app.find(actions[0]["action"], exact=False, role="list item"), editor)
        click_node(row)
        owner = scroll_editor_to(app, lambda: field(app, "Who does it"), editor)
        screenshot("process-editor-playbook")
        focus(owner)
        key("ctrl+a")
        type_text("Sales engineer")
        key("Return")
        wait_for("the owner stored",
                 lambda: cli_json(db, "playbook", "list", str(qualifying))[0]["owner"] == "Sales engineer")
        action = field(app, "Key action")
        focus(action)
        key("ctrl+a")
        type_text("Run the discovery call")
        key("Return")
        wait_for("the action stored",
                 lambda: cli_json(db, "playbook", "list", str(qualifying))[0]["action"] == "Run the discovery call")

        # Added, then moved up by Alt+Up from its text.
        press = app.find("Add Key Action", role="push button")
        press.do_action(0)
        wait_for("a new action", lambda: len(cli_json(db, "playbook", "list", str(qualifying))) == len(actions) + 1)
        time.sleep(0.5)
        key("ctrl+a")
        type_text("Send the recap")
        key("Return")
        wait_for("its text stored",
                 lambda: cli_json(db, "playbook", "list", str(qualifying))[-1]["action"] == "Send the recap")
        key("alt+Up")
        wait_for("it moved up",
                 lambda: cli_json(db, "playbook", "list", str(qualifying))[-2]["action"] == "Send the recap")
        screenshot("process-editor-playbook-edited")
        # Removed at once; the toast's Undo puts it back in its place.
        app.find("Remove “Send the recap”", role="push button").do_action(0)
        wait_for("it is gone", lambda: len(cli_json(db, "playbook", "list", str(qualifying))) == len(actions))
        time.sleep(0.5)
        screenshot("process-editor-action-removed")
        wait_for("the toast's Undo", lambda: answer(app, "Undo"), 10).do_action(0)
        wait_for("it is back in its place",
                 lambda: cli_json(db, "playbook", "list", str(qualifying))[-2]["action"] == "Send the recap")
        wait_for("its row back", lambda: app.find("Remove “Send the recap”", role="push button"), 10).do_action(0)
        wait_for("it is gone again", lambda: len(cli_json(db, "playbook", "list", str(qualifying))) == len(actions))

        # Probability, rotting days and a gate.
        spin = scroll_editor_to(app, lambda: app.find("Win probability (%)", role="spin button"), editor)
        focus(spin)
        key("ctrl+a")
        type_text("35")
        key("Tab")
        gate = app.find("Only deals qualified by BANT", role="check box")
        click_node(gate)
        wait_for("the probability and the gate stored",
                 lambda: [(s["probability"], s["require_qualified"]) for s in cli_json(db, "stage", "list")
                          if s["id"] == qualifying] == [(35, True)])
        close_editor(app)

        # The deal page's playbook says it.
        click_node(app.find("Bravo renewal"))
        detail = wait_for("the deal page", lambda: page(app, "RapportDealDetail"), 10)
        wait_for("the edited action on the deal page",
                 lambda: app.find("Run the discovery call", role="check box"), 10)
        wait_for("and who does it", lambda: app.find("Who: Sales engineer", exact=False), 10)
        check(detail is not None, "no deal page")
        screenshot("process-editor-deal-playbook")
        app.quit()
    finally:
        app.kill()


def test_rename_pipeline_and_stage(tmp):
    db, ids = new_db(tmp, "rename")
    app = App(db)
    try:
        open_editor(app)
        name = field(app, "Pipeline name")
        focus(name)
        key("ctrl+a")
        type_text("Direct sales")
        key("Return")
        wait_for("the pipeline renamed", lambda: cli_json(db, "pipeline", "list")[0]["name"] == "Direct sales")
        wait_for("its row in the list", lambda: app.find("Direct sales", role="list item"), 10)

        # A stage renamed in place; the history keeps its name of then.
        focus(field(app, "Prospecting"))
        key("ctrl+a")
        type_text("Discovery")
        key("Return")
        wait_for("the stage renamed", lambda: stages(db)[0] == "Discovery")
        wait_for("the board's column renamed", lambda: board_order(app)[:1] == ["Discovery"], 10)
        wait_for("its settings titled anew", lambda: app.find("Discovery", role="list"), 10)
        history = cli_json(db, "deal", "show", str(ids["Alpha pilot"]))["history"]
        check(history[0]["to_stage"] == "Prospecting", f"the history was rewritten: {history[0]}")

        # Another program's stage shows while the editor is open.
        cli(db, "stage", "add", "1", "Site visit", "--position", "1")
        wait_for("another program's stage", lambda: app.find("Site visit", role="text"), 10)
        screenshot("process-editor-renamed")
        app.quit()
    finally:
        app.kill()


def test_add_pipeline_from_template(tmp):
    db, _ = new_db(tmp, "add")
    app = App(db)
    try:
        open_editor(app)
        app.find("New Pipeline…", role="push button").do_action(0)
        start = wait_for("the dialog", lambda: app.find("Start from", role="combo box"), 10)
        time.sleep(0.5)
        # The second template, B2B cycle in 7 stages: the list opens with
        # the keyboard on its first item (an empty pipeline).
        click_node(start)
        time.sleep(0.8)
        key("Down", "Down", "Return")
        time.sleep(0.5)
        name = field(app, "Name")
        focus(name)
        key("ctrl+a")
        type_text("Enterprise")
        screenshot("process-editor-new-pipeline")
        answer(app, "Add").do_action(0)
        pipelines = wait_for("the pipeline added",
                             lambda: [p for p in cli_json(db, "pipeline", "list") if p["name"] == "Enterprise"])
        check(pipelines[0]["template"] == "cycle7", f"from {pipelines[0]['template']}")
        check(pipelines[0]["stages"] == 7, f"{pipelines[0]['stages']} stages")
        check(not pipelines[0]["current"], "the new pipeline was made current")
        first = stages(db, pipelines[0]["id"])[0]
        wait_for("the editor on it", lambda: app.find(first, role="text"), 10)
        check(app.find("Delete Pipeline…", role="push button"), "no Delete")

        # Deleted again, its deals (none) going nowhere: the classic one stays.
        app.find("Delete Pipeline…", role="push button").do_action(0)
        wait_for("the question", lambda: app.find("Delete the Pipeline?", exact=False), 10)
        answer(app, "Delete").do_action(0)
        wait_for("the pipeline deleted", lambda: len(cli_json(db, "pipeline", "list")) == 1)
        wait_for("the editor back on the classic one", lambda: app.find("Prospecting", role="text"), 10)
        check(not app.find_all("Enterprise", role="list item"), "the deleted pipeline is still listed")
        screenshot("process-editor-pipeline-deleted")
        app.quit()
    finally:
        app.kill()


TESTS = [
    test_reorder_stages,
    test_delete_stage_with_deals,
    test_edit_key_action,
    test_rename_pipeline_and_stage,
    test_add_pipeline_from_template,
]

if __name__ == "__main__":
    sys.exit(rapport_gui.run_tap(TESTS))
