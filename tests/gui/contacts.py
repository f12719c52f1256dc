#!/usr/bin/python3
"""The Contacts tab and the contact page driven as a user would: the
search entry, the column headers, the lifecycle filter, one click on
a row, the fields of the contact page and its Log Call action, found by
their accessible names, with rapport-cli to read what was committed.
Prints TAP.

Environment and helpers: see rapport_gui.py.
"""

import os
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import rapport_gui  # noqa: E402
from rapport_gui import (App, check, cli, cli_json, center, extents, in_dialog,  # noqa: E402
                         screenshot, type_text, wait_for, xdotool)

# A lead of our own among the demo's 2000 contacts: a surname no demo
# contact has, so a search for its start finds only them.
LEAD = "Quentin Zyxwell"
LEAD_EMAIL = "quentin@zyxwell.example"
LEAD_PHONE = "+1 555 000 1111"


def new_db(tmp, name):
    db = os.path.join(tmp, name + ".db")
    # Few deals: the board is walked by every look-up in the whole app. The
    # demo's two years close most of them; 150 leave about ten open.
    cli(db, "demo", "--deals", "150", "--contacts", "2000")
    lead = cli_json(db, "contact", "add", LEAD, "--lead",
                    "--email", LEAD_EMAIL, "--phone", LEAD_PHONE)
    return db, lead["id"]


def contact(db, contact_id):
    return cli_json(db, "contact", "show", str(contact_id))


def click(x, y, times=1):
    xdotool("mousemove", x, y)
    time.sleep(0.05)
    xdotool("click", "--repeat", times, "--delay", 80, 1)
    time.sleep(0.2)


def click_node(node, times=1):
    x, y = center(node)
    click(x, y, times)


def key(*keys):
    xdotool("key", "--clearmodifiers", *keys)


def visible(node):
    try:
        return extents(node)[2] > 0
    except Exception:  # noqa: BLE001 — no Component: a stack page
        return False


def walk(root, predicate, prune=lambda node: False):
    """Visible nodes under @root for which @predicate holds, not looking
    inside nodes that @prune rejects."""
    hits = []

    def visit(node, depth):
        if node is None or depth > 60:
            return
        try:
            if predicate(node) and visible(node):
                hits.append(node)
            if depth > 0 and prune(node):
                return
            children = [node.get_child_at_index(i) for i in range(node.get_child_count())]
        except Exception:  # noqa: BLE001 — a node went away meanwhile
            return
        for child in children:
            visit(child, depth + 1)

    visit(root, 0)
    return hits


def named(name, role=None):
    # GTK 4.8 names a button after its label twice ("Undo Undo").
    return lambda n: (n.get_name() in (name, f"{name} {name}")) and \
        (role is None or n.get_role_name() == role)


def page(app, widget):
    """The view or page (a RapportContactsView…) by its type name, looking
    into no other of Rapport's views: walking the board is slow."""
    hits = walk(app.node, lambda n: n.get_name() == widget,
                prune=lambda n: n.get_role_name() == "filler" and
                (n.get_name() or "").startswith("Rapport"))
    check(hits, f"no {widget} shown")
    return hits[0]


def not_table(node):
    # A table holds hundreds of cells: look into it only on purpose.
    return node.get_role_name() == "tree table"


def find(root, name, role=None):
    hits = walk(root, named(name, role), prune=not_table)
    check(hits, f"no visible {name!r} (role {role})")
    return hits[0]


def open_contacts(app):
    key("alt+3")
    view = wait_for("the contacts view", lambda: page(app, "RapportContactsView"))
    table = wait_for("the contacts table", lambda: find(view, "Contacts", "tree table"))
    return view, table


def rows(table):
    """The rows the table shows, top to bottom, as (row, [cell texts])."""
    view = [table.get_child_at_index(i) for i in range(table.get_child_count())]
    lists = [v for v in view if v is not None and v.get_role_name() == "list"]
    if not lists:
        # While the column view re-sorts, its list is briefly not in the
        # accessible tree: a transient state wait_for looks past.
        raise board.Failure("the table's list is being rebuilt")
    view = lists[0]
    top, bottom = extents(view)[1], extents(view)[1] + extents(view)[3]
    shown = []
    for i in range(view.get_child_count()):
        row = view.get_child_at_index(i)
        if row is None:
            continue
        x, y, w, h = extents(row)
        if h <= 0 or y < top or y >= bottom:
            continue
        cells = []
        for j in range(row.get_child_count()):
            cell = row.get_child_at_index(j)
            label = cell.get_child_at_index(0) if cell and cell.get_child_count() else None
            cells.append(label.get_name() if label is not None else "")
        shown.append((row, cells))
    shown.sort(key=lambda rc: extents(rc[0])[1])
    return shown


def first_cells(table):
    shown = rows(table)
    check(shown, "the table shows no rows")
    return shown[0][1]


NAME, ORGANIZATION, EMAIL, PHONE, LIFECYCLE = range(5)


def count_label(view):
    hits = walk(view, lambda n: n.get_role_name() == "label" and
                (n.get_name() or "").endswith((" contact", " contacts")), prune=not_table)
    return hits[0].get_name() if hits else None


def search(view, text):
    click_node(find(view, "Search Contacts"))
    key("ctrl+a")
    key("BackSpace")
    if text:
        type_text(text)


def open_lead(app):
    view, table = open_contacts(app)
    search(view, "Zyxw")
    wait_for("one contact found", lambda: count_label(view) == "1 contact")
    # The table's rows are remade a moment after the count changes (and a
    # row not shown yet is hidden from AT-SPI): the lead, once they are.
    wait_for("the lead the one found", lambda: [c[NAME] for _, c in rows(table)] == [LEAD])
    # One click opens a row, as everywhere.
    click_node(rows(table)[0][0])
    detail = wait_for("the contact page", lambda: page(app, "RapportContactDetail"))
    wait_for("its Email field", lambda: field(detail, "Email"))
    return detail


def scroll(page_node, button):
    """Scrolls the page all the way down (mouse button 5) or up (4)."""
    x, y = center(page_node)
    xdotool("mousemove", x, y)
    xdotool("click", "--repeat", 15, "--delay", 20, button)
    time.sleep(0.5)


def focused(node):
    return node.get_state_set().contains(rapport_gui.Atspi.StateType.FOCUSED)


def field(detail, title):
    return find(detail, title, "text")


def replace_text(detail, title, text, commit="Return"):
    click_node(field(detail, title))
    key("ctrl+a")
    if text:
        type_text(text)
    else:
        key("BackSpace")
    key(commit)


def message(detail, words):
    """A visible label saying @words (what is wrong with a field)."""
    hits = walk(detail, lambda n: n.get_role_name() == "label" and words in (n.get_name() or ""))
    return hits[0] if hits else None


def test_list_search_sort_filter(tmp):
    db, lead_id = new_db(tmp, "list")
    everyone = cli_json(db, "contact", "list")
    phones = sorted(c["phone"] for c in everyone)
    n_leads = sum(1 for c in everyone if c["lifecycle"] == "lead")
    app = App(db)
    try:
        view, table = open_contacts(app)
        wait_for("the contacts", lambda: len(rows(table)) > 10)
        check(first_cells(table)[NAME], "the first row has no name")
        wait_for("the count", lambda: count_label(view) == f"{len(everyone)} contacts")
        screenshot("contacts-view")

        # Search as you type: the lead, by the start of their surname.
        search(view, "Zyxw")
        wait_for("the lead found", lambda: [c[NAME] for _, c in rows(table)] == [LEAD])
        cells = first_cells(table)
        check(cells[EMAIL] == LEAD_EMAIL and cells[LIFECYCLE] == "Lead", f"cells {cells}")
        wait_for("the count of one", lambda: count_label(view) == "1 contact")
        search(view, "")
        wait_for("everyone back", lambda: len(rows(table)) > 10)

        # Sorting by a column header: ascending, then descending.
        header = walk(table.get_child_at_index(0), named("Phone", "label"))[0]
        click_node(header)
        wait_for("the lowest phone first", lambda: first_cells(table)[PHONE] == phones[0])
        click_node(header)
        wait_for("the highest phone first", lambda: first_cells(table)[PHONE] == phones[-1])

        # Only the leads.
        click_node(find(view, "Leads"))
        wait_for("the count of leads", lambda: count_label(view) == f"{n_leads} contacts")
        wait_for("only leads", lambda: rows(table) and
                 all(c[LIFECYCLE] == "Lead" for _, c in rows(table)))
        screenshot("contacts-leads")
        app.quit()
    finally:
        app.kill()


def test_edit_undo_and_refuse(tmp):
    db, lead_id = new_db(tmp, "edit")
    app = App(db)
    try:
        detail = open_lead(app)
        replace_text(detail, "Email", "q.zyxwell@example.org")
        wait_for("the email stored", lambda: contact(db, lead_id)["email"] == "q.zyxwell@example.org")
        replace_text(detail, "Phone", "+44 20 7946 0000", commit="Tab")
        wait_for("the phone stored", lambda: contact(db, lead_id)["phone"] == "+44 20 7946 0000")
        time.sleep(0.3)
        screenshot("contact-detail")

        # Ctrl+Z takes the saved edits back, last first, even with the
        # focus in a field (now the Organization one).
        key("ctrl+z")
        wait_for("the old phone back", lambda: contact(db, lead_id)["phone"] == LEAD_PHONE)
        check(contact(db, lead_id)["email"] == "q.zyxwell@example.org", "the email was undone too")
        key("ctrl+z")
        wait_for("the old email back", lambda: contact(db, lead_id)["email"] == LEAD_EMAIL)

        # Refused values: the reason under the field, nothing stored.
        replace_text(detail, "Name", "")
        wait_for("the name refused", lambda: message(detail, "name cannot be empty"))
        check(contact(db, lead_id)["name"] == LEAD, "an empty name was stored")
        replace_text(detail, "Email", "not-an-email")
        wait_for("the email refused", lambda: message(detail, "does not look like an email"))
        check(contact(db, lead_id)["email"] == LEAD_EMAIL, "a malformed email was stored")
        screenshot("contact-detail-invalid")
        app.quit()
    finally:
        app.kill()


def test_log_call_and_quick_actions(tmp):
    db, lead_id = new_db(tmp, "logcall")
    mine = [f for f in cli_json(db, "followup", "list") if f["contact_id"] == lead_id]
    check(len(mine) == 1 and mine[0]["rule"] == "speed-to-lead", f"follow-ups {mine}")
    check(contact(db, lead_id)["first_contacted_at"] is None, "already contacted")
    app = App(db)
    try:
        detail = open_lead(app)
        click_node(find(detail, "Log Call"))
        wait_for("the note field focused", lambda: focused(find(detail, "Activity Note", "text")))
        type_text("Left a voicemail")
        key("Return")
        wait_for("the first contact", lambda: contact(db, lead_id)["first_contacted_at"] is not None)
        wait_for("the speed-to-lead follow-up done",
                 lambda: all(f["id"] != mine[0]["id"] for f in cli_json(db, "followup", "list")))
        wait_for("the call in the timeline", lambda: message(detail, "Left a voicemail"))
        wait_for("the follow-up shown done", lambda: message(detail, "Done Today"))
        scroll(detail, 4)

        # Convert to Customer, and back with Ctrl+Z.
        before = contact(db, lead_id)["lifecycle"]
        click_node(find(detail, "Convert to Customer"))
        wait_for("a customer", lambda: contact(db, lead_id)["lifecycle"] == "customer")
        key("ctrl+z")
        wait_for("the lifecycle back", lambda: contact(db, lead_id)["lifecycle"] == before)

        # A new organization, named in the Organization field.
        replace_text(detail, "Organization", "Zyxwell Holdings")
        wait_for("the organization set", lambda: contact(db, lead_id)["organization"] == "Zyxwell Holdings")

        # A follow-up for tomorrow at nine.
        click_node(find(detail, "Schedule Follow-up"))
        wait_for("the follow-up title focused", lambda: focused(find(detail, "Title", "text")))
        type_text("Send the brochure")
        key("Return")
        wait_for("the follow-up stored",
                 lambda: [f for f in cli_json(db, "followup", "list")
                          if f["contact_id"] == lead_id and f["title"] == "Send the brochure"])

        # A note, at the bottom of the page, under the timeline.
        scroll(detail, 5)
        click_node(field(detail, "New Note"))
        type_text("Met at the trade fair")
        key("Return")
        wait_for("the note stored",
                 lambda: [n["body"] for n in contact(db, lead_id)["notes"]] == ["Met at the trade fair"])
        time.sleep(0.3)
        screenshot("contact-detail-timeline")
        scroll(detail, 4)

        # A deal, opened once made.
        click_node(find(detail, "Create Deal"))
        # The popover puts the focus on the title when shown: then Tab.
        wait_for("the deal title focused", lambda: focused(find(detail, "Title", "text")))
        key("Tab")
        wait_for("the deal value focused", lambda: focused(find(detail, "Value", "text")))
        type_text("1200")
        key("Return")
        wait_for("the deal stored", lambda: contact(db, lead_id)["deals"])
        deal = cli_json(db, "deal", "show", str(contact(db, lead_id)["deals"][0]))
        check(deal["title"] == f"Deal with {LEAD}" and deal["value"] == 120000 and
              deal["contact_id"] == lead_id, f"deal {deal['title']!r} {deal['value']} {deal['contact_id']}")
        wait_for("the deal page", lambda: page(app, "RapportDealDetail"))

        app.quit()
    finally:
        app.kill()


def field_text(node):
    text = node.get_text_iface()
    return text.get_text(0, text.get_character_count()) if text else None


def test_failed_save_shows_what_is_stored(tmp):
    """A save the disk refuses (here: another program holds the write
    lock past the busy timeout) is reported, and the field shows the
    stored value again; nothing half-done is left behind."""
    db, lead_id = new_db(tmp, "locked")
    app = App(db)
    locker = None
    try:
        detail = open_lead(app)
        locker = sqlite3.connect(db, isolation_level=None, timeout=0)
        locker.execute("BEGIN IMMEDIATE")
        replace_text(detail, "Phone", "+1 555 0199 000")
        wait_for("the failure reported", lambda: rapport_gui.App.find_all(app, "Not saved", exact=False),
                 timeout=20)
        wait_for("the stored phone shown again",
                 lambda: field_text(field(detail, "Phone")) == LEAD_PHONE)
        screenshot("contact-detail-not-saved")
        locker.execute("ROLLBACK")
        locker.close()
        locker = None
        check(contact(db, lead_id)["phone"] == LEAD_PHONE, "the refused phone was stored")

        # Once the file is free again, the same edit is saved.
        replace_text(detail, "Phone", "+1 555 0199 000")
        wait_for("the phone stored", lambda: contact(db, lead_id)["phone"] == "+1 555 0199 000")
        app.quit()
    finally:
        if locker is not None:
            locker.close()
        app.kill()


def answer(app, name):
    """The visible button of a question (the dialog keeps a second, hidden
    row of answers)."""
    hits = in_dialog(app, name, role="push button")
    check(hits, f"the question has no {name!r} answer")
    return hits[0]


def test_delete_and_erase(tmp):
    """Delete Contact… from the page's menu, then Ctrl+Z: she is back with
    her follow-up; then Erase This Person…: gone, and Ctrl+Z does not
    bring her back."""
    db, lead_id = new_db(tmp, "delete")
    before = contact(db, lead_id)
    app = App(db)
    try:
        detail = open_lead(app)
        click_node(find(detail, "Contact Menu"))
        # A popover's extents are off without a window manager: the items
        # are activated through accessibility.
        wait_for("the menu", lambda: app.find("Delete Contact…")).do_action(0)
        wait_for("the question", lambda: app.find(f"Delete the Contact “{LEAD}”?"))
        check(app.find_all("1 activity is deleted with it.", exact=False), "the question does not count her follow-up")
        screenshot("contact-delete-question")
        answer(app, "Delete").do_action(0)
        wait_for("her deleted", lambda: all(c["id"] != lead_id for c in cli_json(db, "contact", "list")), 20)
        wait_for("her page closed", lambda: not app.find_all("RapportContactDetail"), 10)
        undo = wait_for("the toast's Undo", lambda: [n for n in app.find_all("Undo", role="push button", exact=False)
                                                   if extents(n)[2] > 0], 10)
        undo[0].do_action(0)
        wait_for("her back", lambda: any(c["id"] == lead_id for c in cli_json(db, "contact", "list")), 20)
        check(contact(db, lead_id) == before, "the undo did not bring her back as she was")

        detail = open_lead(app)
        click_node(find(detail, "Contact Menu"))
        wait_for("the menu", lambda: app.find("Erase This Person…")).do_action(0)
        wait_for("the question", lambda: app.find(f"Erase “{LEAD}” for Good?"))
        screenshot("contact-erase-question")
        answer(app, "Erase for Good").do_action(0)
        wait_for("her erased", lambda: all(c["id"] != lead_id for c in cli_json(db, "contact", "list")), 20)
        wait_for("the toast", lambda: app.find_all(f"Erased “{LEAD}” for good", exact=False), 10)
        key("ctrl+z")
        time.sleep(1)
        check(all(c["id"] != lead_id for c in cli_json(db, "contact", "list")), "Ctrl+Z brought an erased person back")
        app.quit()
    finally:
        app.kill()


def test_new_contact(tmp):
    """New Contact in the Contacts view: a person already known, stored as
    a contact, with no speed-to-lead follow-up."""
    db, lead_id = new_db(tmp, "newcontact")
    app = App(db)
    try:
        view, table = open_contacts(app)
        click_node(find(view, "New Contact"))
        name = wait_for("the Name field", lambda: app.find("Name", role="text"))
        rapport_gui.focus(name)
        type_text("Yolanda Quibbs")
        create = wait_for("Create enabled", lambda: [b for b in app.find_all("Create", role="push button")
                                                     if rapport_gui.sensitive(b)])[0]
        screenshot("new-contact-dialog")
        create.do_action(0)
        made = wait_for("her stored", lambda: [c for c in cli_json(db, "contact", "list")
                                             if c["name"] == "Yolanda Quibbs"], 20)[0]
        check(made["lifecycle"] == "contact", f"stored as a {made['lifecycle']}")
        check(not [f for f in cli_json(db, "followup", "list") if f["contact_id"] == made["id"]],
              "a contact got a speed-to-lead follow-up")
        app.quit()
    finally:
        app.kill()


def reveal(detail, node_of):
    """Scrolls the page down, a notch at a time, until the node that
    @node_of finds is wholly inside the window; returns it."""
    bottom = extents(app_window(detail))[3] - 20
    for _ in range(30):
        node = node_of()
        x, y, w, h = extents(node)
        if 60 < y and y + h < bottom:
            return node
        x, y = center(detail)
        xdotool("mousemove", x, y)
        xdotool("click", 5 if node_y_below(node, bottom) else 4)
        time.sleep(0.2)
    raise rapport_gui.Failure("could not scroll to the field")


def node_y_below(node, bottom):
    return extents(node)[1] + extents(node)[3] >= bottom


def app_window(node):
    while node.get_parent() is not None and node.get_role_name() != "frame":
        node = node.get_parent()
    return node


def edit_field(detail, title, text, commit="Return"):
    reveal(detail, lambda: field(detail, title))
    replace_text(detail, title, text, commit)


def tags_of(db, contact_id):
    return contact(db, contact_id)["tags"]


def test_rich_contact_page(tmp):
    """The record a seller keeps: a postal address, a birthday (a wrong
    one explained), a tag added, taken away and given back with Ctrl+Z,
    a custom field filled in; then the contacts list filtered by the tag."""
    db, lead_id = new_db(tmp, "rich")
    cli(db, "field", "add", "contact", "Account Number")
    other = cli_json(db, "contact", "add", "Wilhelmina Ostrander")["id"]
    cli(db, "contact", "tag", str(other), "Trade fair")
    app = App(db)
    try:
        detail = open_lead(app)
        edit_field(detail, "Postal Address", "12 Harbour Road, Portsmouth")
        wait_for("the address stored",
                 lambda: contact(db, lead_id)["address"] == "12 Harbour Road, Portsmouth")
        edit_field(detail, "Birthday (YYYY-MM-DD)", "15/06/1985")
        wait_for("the birthday refused", lambda: message(detail, "is not a date"))
        check(contact(db, lead_id)["birthday"] is None, "a malformed birthday was stored")
        edit_field(detail, "Birthday (YYYY-MM-DD)", "1985-06-15")
        wait_for("the birthday stored", lambda: contact(db, lead_id)["birthday"] == "1985-06-15")

        click_node(reveal(detail, lambda: find(detail, "Add a tag", "text")))
        type_text("VIP")
        key("Return")
        wait_for("the tag stored", lambda: tags_of(db, lead_id) == ["VIP"])
        click_node(reveal(detail, lambda: find(detail, "Add a tag", "text")))
        type_text("Trade fair")
        key("Return")
        wait_for("the second tag stored", lambda: tags_of(db, lead_id) == ["Trade fair", "VIP"])
        chip = wait_for("the tag's chip",
                        lambda: reveal(detail, lambda: find(detail, "Remove the tag “VIP”", "push button")))
        click_node(chip)
        wait_for("the tag taken away", lambda: tags_of(db, lead_id) == ["Trade fair"])
        key("ctrl+z")
        wait_for("the tag back", lambda: tags_of(db, lead_id) == ["Trade fair", "VIP"])

        edit_field(detail, "Account Number", "AC-1042")
        wait_for("the custom value stored",
                 lambda: contact(db, lead_id)["fields"] == {"Account Number": "AC-1042"})
        # A field of the team's own, made on the page: every contact has it.
        click_node(reveal(detail, lambda: find(detail, "Add Field…", "push button")))
        wait_for("the new field's name", lambda: app.find("New Field for Contacts"))
        type_text("Favourite Colour")
        time.sleep(0.3)
        screenshot("contact-add-field")
        key("Return")
        wait_for("the field made", lambda: "Favourite Colour" in rapport_gui.cli(db, "field", "list"))
        wait_for("its row on the page", lambda: field(detail, "Favourite Colour"))
        check(find(detail, "Write an Email", "push button"), "no Write an Email button")
        check(find(detail, "Call", "push button"), "no Call button")
        time.sleep(0.3)
        screenshot("contact-detail-rich")
        found = cli_json(db, "search", "Portsmouth")
        check(any(h["kind"] == "contact" and h["id"] == lead_id for h in found),
              f"search does not find the address: {found}")

        # The list, only the contacts with a tag: the two of "Trade fair".
        view, table = open_contacts(app)
        search(view, "")
        wait_for("the contacts", lambda: len(rows(table)) > 10)
        click_node(find(view, "Filter by Tag"))
        time.sleep(0.5)
        # The drop-down's list has the focus: All Tags, Trade fair, VIP.
        key("Down")
        key("Return")
        wait_for("the two tagged", lambda: sorted(c[NAME] for _, c in rows(table)) ==
                 sorted([LEAD, "Wilhelmina Ostrander"]), 10)
        wait_for("their count", lambda: count_label(view) == "2 contacts")
        screenshot("contacts-by-tag")
        app.quit()
    finally:
        app.kill()


TESTS = [
    test_rich_contact_page,
    test_list_search_sort_filter,
    test_edit_undo_and_refuse,
    test_log_call_and_quick_actions,
    test_failed_save_shows_what_is_stored,
    test_delete_and_erase,
    test_new_contact,
]


if __name__ == "__main__":
    sys.exit(rapport_gui.run_tap(TESTS))
