#!/usr/bin/python3
"""The process manual and the process file as a user works them: Export
Process Manual… from the main menu writes the PDF it suggests (pdfinfo
reads it) and, named .json, the process file; Import a Process… takes
that file into another database as a new pipeline, and the toast's Show
puts it on the board.
"""

import json
import os
import subprocess
import sys
import time

from rapport_gui import App, check, cli, cli_json, screenshot, wait_for, xdotool
from safety import choose_file, label_with, menu_item

EXPORT_DOWNS = 6
IMPORT_DOWNS = 7


def documents_folder(tmp):
    config = os.path.join(tmp, "config")
    documents = os.path.join(tmp, "Documents")
    os.makedirs(config, exist_ok=True)
    os.makedirs(documents, exist_ok=True)
    with open(os.path.join(config, "user-dirs.dirs"), "w") as f:
        f.write(f'XDG_DOCUMENTS_DIR="{documents}"\n')
    os.environ["XDG_CONFIG_HOME"] = config
    return documents


def test_manual_and_process_file(tmp):
    documents = documents_folder(tmp)
    db = os.path.join(tmp, "process.db")
    cli(db, "init")
    cli(db, "deal", "add", "Fleet renewal", "--value", "9000")
    cli(db, "playbook", "add", "2", "Map the buying committee", "--owner", "Account executive",
        "--activity", "Stakeholder workshop", "--material", "Org chart template", "--output", "Every voter named")
    cli(db, "stage", "set", "3", "--require-qualified")
    pdf = os.path.join(documents, "Classic 5 stages — process manual.pdf")
    app = App(db)
    try:
        menu_item(app, "Export Process Manual", EXPORT_DOWNS)
        wait_for("the save dialog", lambda: app.find_all("Export the Process", exact=False), 10)
        time.sleep(1)
        screenshot("process-export-chooser")
        xdotool("key", "Return")
        wait_for("the PDF", lambda: os.path.exists(pdf), 20)
        wait_for("the toast", lambda: label_with(app, "Saved the process as"), 10)
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
        check("process manual" in info, f"pdfinfo says {info!r}")
        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout
        for words in ["Prospecting", "Qualifying", "Closing", "Map the buying committee",
                      "Stakeholder workshop", "qualified (3 of 4 BANT)"]:
            check(words in " ".join(text.split()), f"the PDF does not say {words!r}")

        # The same process for another Rapport: a name ending in .json.
        process_file = os.path.join(tmp, "classic.json")
        menu_item(app, "Export Process Manual", EXPORT_DOWNS)
        choose_file(app, process_file)
        wait_for("the process file", lambda: os.path.exists(process_file), 20)
        with open(process_file) as f:
            process = json.load(f)
        check(process["rapport_process"] == 1, "not a process file")
        check([s["name"] for s in process["stages"]][:2] == ["Prospecting", "Qualifying"],
              f"stages {[s['name'] for s in process['stages']]}")
        app.quit()
    finally:
        app.kill()

    # Another database takes it in as a new pipeline.
    other = os.path.join(tmp, "other.db")
    cli(other, "init", "--template", "field7")
    cli(other, "deal", "add", "Site survey", "--value", "500")
    app = App(other)
    try:
        menu_item(app, "Import a Process", IMPORT_DOWNS)
        choose_file(app, process_file)
        wait_for("the import's toast", lambda: label_with(app, "Imported the process as the pipeline"), 10)
        screenshot("process-imported")
        pipelines = cli_json(other, "pipeline", "list")
        check(len(pipelines) == 2 and pipelines[1]["name"] == "Classic 5 stages",
              f"pipelines {[p['name'] for p in pipelines]}")
        check(pipelines[1]["process_uid"] == process["uid"], "the process id was not kept")
        stages = cli_json(other, "stage", "list", str(pipelines[1]["id"]))
        check(stages[2]["require_qualified"], "the gate was not kept")
        actions = cli_json(other, "playbook", "list", str(stages[1]["id"]))
        check(any(a["action"] == "Map the buying committee" and a["activity"] == "Stakeholder workshop"
                  for a in actions), "the key action was not kept")

        # Show: the new pipeline is the board's.
        show = [b for b in app.find_all("Show", role="push button", exact=False)]
        check(show, "the toast has no Show button")
        show[0].do_action(0)
        wait_for("the imported pipeline on the board",
                 lambda: cli_json(other, "pipeline", "list")[1]["current"], 10)
        time.sleep(1)
        screenshot("process-imported-board")
        app.quit()
    finally:
        app.kill()


TESTS = [
    test_manual_and_process_file,
]

if __name__ == "__main__":
    import rapport_gui
    sys.exit(rapport_gui.run_tap(TESTS))
