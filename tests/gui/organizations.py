#!/usr/bin/python3
"""The Organizations tab and an organization's page driven as a user would:
the filter typed into, a row clicked, the page's contacts, deals and won
totals read off the screen and compared with what rapport-cli says, its
website edited in place and read back, a note added. Prints TAP.

Environment and helpers: see rapport_gui.py.
"""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import rapport_gui  # noqa: E402
from rapport_gui import (App, check, cli, cli_json, center, extents,  # noqa: E402
                         screenshot, type_text, wait_for, xdotool)

ORG = "Quillfeather Instruments"


def new_db(tmp, name):
    """A demo database and one organization no demo one is named like,
    with two contacts and three deals, two of them won."""
    db = os.path.join(tmp, name + ".db")
    cli(db, "demo", "--deals", "300", "--contacts", "2000")
    org = cli_json(db, "org", "add", ORG)["id"]
    ids = {"org": org, "contacts": {}, "deals": {}}
    for person in ("Ingrid Thornquist", "Ole Brandvold"):
        ids["contacts"][person] = cli_json(db, "contact", "add", person, "--org", str(org))["id"]
    for title, value in (("Quillfeather telescopes", "48000"), ("Quillfeather sextants", "12500.50"),
                         ("Quillfeather service plan", "3000")):
        ids["deals"][title] = cli_json(db, "deal", "add", title, "--value", value,
                                       "--org", str(org))["id"]
    cli(db, "deal", "won", str(ids["deals"]["Quillfeather telescopes"]))
    cli(db, "deal", "won", str(ids["deals"]["Quillfeather sextants"]))
    return db, ids


def money(minor):
    """As the page writes US dollars: no cents when there are none."""
    if minor % 100 == 0:
        return f"${minor // 100:,}"
    return f"${minor // 100:,}.{minor % 100:02d}"


def walk(node, name=None, role=None, depth=0, hits=None, max_depth=40):
    """Descendants of @node named @name with @role (either may be None)."""
    hits = [] if hits is None else hits
    if node is None or depth > max_depth:
        return hits
    try:
        n = node.get_name() or ""
        r = node.get_role_name()
    except Exception:
        return hits
    if (name is None or n == name or n == f"{name} {name}") and (role is None or r == role):
        hits.append(node)
    for i in range(node.get_child_count()):
        walk(node.get_child_at_index(i), name, role, depth + 1, hits, max_depth)
    return hits


def shown(nodes):
    return [n for n in nodes if extents(n)[2] > 0]


def click(node):
    x, y = center(node)
    xdotool("mousemove", x, y)
    time.sleep(0.05)
    xdotool("click", 1)
    time.sleep(0.3)


def described(root, description):
    """The text of the label that @description describes (a total)."""
    for node in walk(root, role="label"):
        try:
            if node.get_description() == description and extents(node)[2] > 0:
                return node.get_name()
        except Exception:
            continue
    return None


def header_title(app, name):
    """A label named @name in the header bar (the top 60 pixels). The
    header is near the top of the tree: the walk stops above the pages."""
    return [n for n in walk(app.node, name, "label", max_depth=16)
            if extents(n)[2] > 0 and extents(n)[1] < 60]


def open_organization(app):
    """Organizations tab, filter, click: the page of ORG."""
    xdotool("key", "--clearmodifiers", "alt+4")
    table = wait_for("the organizations table",
                     lambda: [n for n in shown(app.find_all("Organizations"))
                              if n.get_role_name() in ("table", "tree table")], 10)[0]
    # The view: the table's ancestor that holds the filter too. Later
    # looks walk it alone, not the whole window.
    view = table
    while not walk(view, "Filter organizations"):
        view = view.get_parent()
    wait_for("organizations listed", lambda: shown(walk(table, role="label")), 10)
    screenshot("organizations-list")
    click(shown(walk(view, "Filter organizations"))[0])
    type_text("quillf")
    row = wait_for("only Quillfeather listed",
                   lambda: [n for n in shown(walk(table, role="label")) if n.get_name() == ORG]
                   if len(shown(walk(table, ORG, "label"))) == 1 else None, 5)[0]
    wait_for("the count", lambda: shown(walk(view, "1 match", "label")), 5)
    click(row)
    return wait_for("the organization's page",
                    lambda: shown(app.find_all("Organization page")), 10)[0]


def into_view(page, find):
    """Scrolls the page a notch at a time until what @find returns (a
    shown node) is inside the window, under the header bar."""
    frame = page
    while frame.get_parent() is not None and frame.get_role_name() != "frame":
        frame = frame.get_parent()
    top, bottom = 60, extents(frame)[1] + extents(frame)[3] - 10
    for _ in range(30):
        node = find()
        y, h = extents(node)[1], extents(node)[3]
        if top <= y and y + h <= bottom:
            return node
        x, cy = center(frame)
        xdotool("mousemove", x, cy)
        xdotool("click", 5 if y + h > bottom else 4)
        time.sleep(0.2)
    raise rapport_gui.Failure("could not scroll it into view")


def test_list_filter_and_page(tmp):
    db, ids = new_db(tmp, "page")
    app = App(db)
    try:
        page = open_organization(app)
        org = cli_json(db, "org", "show", str(ids["org"]))
        check(org["won_count"] == 2 and org["won_total"] == 4800000 + 1250050,
              f"rapport-cli disagrees with the set-up: {org}")

        contacts = wait_for("the Contacts list", lambda: shown(walk(page, "Contacts", "list")), 5)[0]
        for person, contact_id in ids["contacts"].items():
            check(contact_id in org["contacts"], f"{person} is not the organization's")
            row = shown(walk(contacts, person, "list item"))
            check(row, f"{person} is not listed under Contacts")
        deals = shown(walk(page, "Deals", "list"))[0]
        for title, deal_id in ids["deals"].items():
            check(deal_id in org["deals"], f"{title} is not the organization's")
            check(shown(walk(deals, title, "list item")), f"{title} is not listed under Deals")

        check(described(page, "Won value") == money(org["won_total"]),
              f"won value {described(page, 'Won value')!r}, rapport-cli says {money(org['won_total'])}")
        check(described(page, "Deals won") == str(org["won_count"]),
              f"deals won {described(page, 'Deals won')!r}, rapport-cli says {org['won_count']}")
        check(described(page, "Open deals") == "1", f"open deals {described(page, 'Open deals')!r}")
        screenshot("organization-page")

        # Won elsewhere (another process): the totals follow.
        cli(db, "deal", "won", str(ids["deals"]["Quillfeather service plan"]))
        org = cli_json(db, "org", "show", str(ids["org"]))
        wait_for("the won value updated",
                 lambda: described(page, "Won value") == money(org["won_total"]), 5)
        check(described(page, "Deals won") == "3", "the count of deals won did not follow")

        # Clicking a deal opens its page (the row is the shared RapportDealRow).
        click(into_view(page, lambda: shown(walk(deals, "Quillfeather sextants", "list item"))[0]))
        wait_for("the deal's page in the header", lambda: header_title(app, "Quillfeather sextants"), 10)
        xdotool("key", "--clearmodifiers", "alt+Left")
        wait_for("back on the organization", lambda: header_title(app, "Quillfeather Instruments"), 10)

        # Clicking a contact opens it.
        page = wait_for("the organization's page again", lambda: shown(app.find_all("Organization page")), 10)[0]
        click(into_view(page, lambda: shown(walk(contacts, "Ole Brandvold", "list item"))[0]))
        wait_for("Ole's page in the header", lambda: header_title(app, "Ole Brandvold"), 10)
        app.quit()
    finally:
        app.kill()


def test_edit_in_place(tmp):
    db, ids = new_db(tmp, "edit")
    app = App(db)
    try:
        page = open_organization(app)
        org_id = str(ids["org"])

        website = shown(walk(page, "Website", "text"))[0]
        click(website)
        type_text("https://quillfeather.example")
        xdotool("key", "Return")
        wait_for("the website stored",
                 lambda: cli_json(db, "org", "show", org_id)["website"] == "https://quillfeather.example", 5)

        # A name is required: refused, said next to the field, not stored.
        name = shown(walk(page, "Name", "text"))[0]
        click(name)
        xdotool("key", "--clearmodifiers", "ctrl+a")
        xdotool("key", "BackSpace")
        xdotool("key", "Return")
        message = wait_for("a message under the name",
                           lambda: [n for n in shown(walk(page, role="label"))
                                    if "name" in (n.get_name() or "").lower()
                                    and n.get_name() != "Name"], 5)
        check(cli_json(db, "org", "show", org_id)["name"] == ORG, "an empty name was stored")
        screenshot("organization-name-required")
        type_text("Quillfeather Optics")
        xdotool("key", "Return")
        wait_for("the new name stored",
                 lambda: cli_json(db, "org", "show", org_id)["name"] == "Quillfeather Optics", 5)
        wait_for("the message gone", lambda: not shown(message), 5)
        wait_for("the header follows the name",
                 lambda: header_title(app, "Quillfeather Optics"), 10)

        # A note, added on the page, is the organization's.
        # Below the lists: scroll down to it first.
        x, y = center(page)
        xdotool("mousemove", x, y)
        for _ in range(10):
            xdotool("click", 5)
        time.sleep(0.5)
        click(shown(walk(page, "New Note", "text"))[0])
        type_text("Wants a quote for the observatory")
        xdotool("key", "Return")
        wait_for("the note stored",
                 lambda: [n for n in cli_json(db, "org", "show", org_id)["notes"]
                          if n["body"] == "Wants a quote for the observatory"], 5)
        wait_for("the note listed",
                 lambda: shown(walk(page, "Wants a quote for the observatory")), 5)
        app.quit()
    finally:
        app.kill()


def first_names(table, n):
    """The names of the first @n rows shown, top to bottom (the table's
    list holds rows of cells, each cell a label)."""
    lists = [c for c in (table.get_child_at_index(i) for i in range(table.get_child_count()))
             if c is not None and c.get_role_name() == "list"]
    if not lists:
        return []
    rows = []
    for i in range(lists[0].get_child_count()):
        row = lists[0].get_child_at_index(i)
        if row is None or row.get_child_count() == 0 or extents(row)[3] <= 0:
            continue
        cell = row.get_child_at_index(0)
        label = cell.get_child_at_index(0) if cell is not None and cell.get_child_count() else None
        if label is not None and label.get_name():
            rows.append((extents(row)[1], label.get_name()))
    rows.sort()
    return [name for _, name in rows[:n]]


def test_sort_and_tag(tmp):
    """The list sorted by Size and by Industry, as rapport-cli orders the
    same organizations; then only those of a tag."""
    db, ids = new_db(tmp, "sort")
    sized = {"Amberline Logistics": ("5000", "Transport"), "Brightwater Dental": ("12", "Health"),
             "Cobalt Ridge Mining": ("300", "Mining")}
    for name, (size, industry) in sized.items():
        org = cli_json(db, "org", "add", name)["id"]
        cli(db, "org", "set", str(org), "size", size)
        cli(db, "org", "set", str(org), "industry", industry)
        cli(db, "org", "tag", str(org), "Key account")
    cli(db, "org", "set", str(ids["org"]), "industry", "Aerospace")
    app = App(db)
    try:
        xdotool("key", "--clearmodifiers", "alt+4")
        table = wait_for("the organizations table",
                         lambda: [n for n in shown(app.find_all("Organizations"))
                                  if n.get_role_name() in ("table", "tree table")], 10)[0]
        view = table
        while not walk(view, "Filter organizations"):
            view = view.get_parent()
        wait_for("organizations listed", lambda: first_names(table, 1), 10)

        size = shown(walk(table, "Size", "label"))[0]
        click(size)
        wait_for("the smallest first", lambda: first_names(table, 3) ==
                 ["Brightwater Dental", "Cobalt Ridge Mining", "Amberline Logistics"], 10)
        click(size)
        wait_for("the largest first", lambda: first_names(table, 3) ==
                 ["Amberline Logistics", "Cobalt Ridge Mining", "Brightwater Dental"], 10)
        click(shown(walk(table, "Industry", "label"))[0])
        wait_for("by industry", lambda: first_names(table, 4) ==
                 [ORG, "Brightwater Dental", "Cobalt Ridge Mining", "Amberline Logistics"], 10)
        screenshot("organizations-by-industry")

        click(shown(walk(view, "Filter by Tag"))[0])
        time.sleep(0.5)
        xdotool("key", "--clearmodifiers", "Down")
        xdotool("key", "--clearmodifiers", "Return")
        wait_for("only the key accounts", lambda: sorted(first_names(table, 10)) == sorted(sized), 10)
        wait_for("their count", lambda: shown(walk(view, "3 organizations", "label")), 5)
        screenshot("organizations-by-tag")
        app.quit()
    finally:
        app.kill()


TESTS = [test_list_filter_and_page, test_edit_in_place, test_sort_and_tag]


if __name__ == "__main__":
    sys.exit(rapport_gui.run_tap(TESTS))
