#!/usr/bin/python3
"""Weekly Review… as a user works it: the main menu, the save dialog with
its suggested name, the PDF written (as many pages as `rapport-cli report
review` writes for the same week, checked with pdfinfo), and the toast
that offers to open it.

The clock is pinned (RAPPORT_NOW) for the demo data, the app and the
command line alike, so the week reviewed is known: 2026-W47.
"""

import os
import subprocess
import sys
import time

from rapport_gui import App, check, cli, cli_json, screenshot, wait_for, xdotool
from safety import label_with, menu_item

NOW = "2026-11-23T09:00:00Z"


def pdf_pages(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return int([line for line in out.splitlines() if line.startswith("Pages:")][0].split()[1])


def test_weekly_review_from_the_menu(tmp):
    os.environ["RAPPORT_NOW"] = NOW
    # A Documents folder of the test's own, where the chooser must start.
    config = os.path.join(tmp, "config")
    documents = os.path.join(tmp, "Documents")
    os.makedirs(config)
    os.makedirs(documents)
    with open(os.path.join(config, "user-dirs.dirs"), "w") as f:
        f.write(f'XDG_DOCUMENTS_DIR="{documents}"\n')
    os.environ["XDG_CONFIG_HOME"] = config

    db = os.path.join(tmp, "review.db")
    cli(db, "demo", "--deals", "60", "--contacts", "40")
    pdf = os.path.join(documents, "Pipeline review 2026-W47.pdf")
    app = App(db)
    try:
        menu_item(app, "Weekly Review", 4)
        wait_for("the save dialog", lambda: app.find_all("Save the Weekly Review", exact=False), 10)
        time.sleep(1)
        screenshot("review-chooser")
        # The suggested name in the suggested folder, as it is.
        xdotool("key", "Return")
        wait_for("the PDF", lambda: os.path.exists(pdf), 20)
        wait_for("the toast", lambda: label_with(app, "Saved the review as"), 10)
        check(app.find_all("Open", role="push button", exact=False), "the toast has no Open button")
        screenshot("review-toast")

        expected = cli_json(db, "report", "review", "--week", "2026-W47",
                            "--output", os.path.join(tmp, "cli.pdf"))["pages"]
        pages = pdf_pages(pdf)
        check(pages == expected, f"the app wrote {pages} pages, the command line {expected}")
        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout
        check("Pipeline review — week 47, 2026" in text, "no title in the PDF")
        check(f"Page {pages} of {pages}" in text, "no page numbers in the PDF")
        check(os.listdir(documents) == ["Pipeline review 2026-W47.pdf"],
              f"the folder holds {os.listdir(documents)}")
        app.quit()
    finally:
        app.kill()


TESTS = [
    test_weekly_review_from_the_menu,
]

if __name__ == "__main__":
    import rapport_gui
    sys.exit(rapport_gui.run_tap(TESTS))
