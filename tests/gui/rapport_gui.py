"""What the GUI test scripts share: start Rapport on a database of its own
and find its widgets through accessibility (App), drive the real pointer
and keyboard through XTest (xdotool, drag), read what was committed with
rapport-cli (cli, cli_json), wait for a condition (wait_for), and print
TAP (run_tap); audit a screen's accessible tree (audit, audit_windows)
and drive by keys alone (keys_until_focused, focus_ring_visible). Not a
test itself; board.py, contacts.py and the other scripts import it.

Environment: RAPPORT_APP, RAPPORT_CLI, DISPLAY (Xvfb), a session bus with
an accessibility bus (build-aux/run-tests runs the suite so), G_TEST_BUILDDIR
for screenshots, RAPPORT_TEST_TIMEOUT_MULTIPLIER to stretch every wait.
Uses Debian's python3 with gir1.2-atspi-2.0.
"""

import json
import re
import os
import subprocess
import sys
import tempfile
import time
import traceback
import warnings

import gi

warnings.simplefilter("ignore", DeprecationWarning)
gi.require_version("Atspi", "2.0")
from gi.repository import Atspi  # noqa: E402,F401  (the scripts use it too)

APP = os.environ["RAPPORT_APP"]
CLI = os.environ["RAPPORT_CLI"]
SHOTS = os.path.join(os.environ.get("G_TEST_BUILDDIR", "."), "shots")


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


def cli(db, *args):
    out = subprocess.run([CLI, "--db", db, *args], capture_output=True, text=True)
    if out.returncode != 0:
        raise Failure(f"rapport-cli {' '.join(args)}: {out.stderr.strip()}")
    return out.stdout


def cli_json(db, *args):
    return json.loads(cli(db, *args, "--json"))


# Timeouts are how long a test is willing to wait, never a measure of speed:
# under the sanitizers everything is slower, so they stretch by the factor
# build-aux/run-tests sets (as meson's --timeout-multiplier does).
TIMEOUT_MULTIPLIER = float(os.environ.get("RAPPORT_TEST_TIMEOUT_MULTIPLIER", "1"))


def wait_for(what, predicate, timeout=5.0):
    timeout *= TIMEOUT_MULTIPLIER
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            last = predicate()
            if last:
                return last
        except (Failure, IndexError, gi.repository.GLib.Error):
            # A widget may go away while the tree is walked (a card that
            # left its column, a table whose rows are being remade): look
            # again.
            pass
        time.sleep(0.1)
    raise Failure(f"timed out after {timeout} s waiting for {what} (last: {last!r})")


def xdotool(*args):
    subprocess.run(["xdotool", *map(str, args)], check=True)


def screenshot(name):
    os.makedirs(SHOTS, exist_ok=True)
    path = os.path.join(SHOTS, name + ".png")
    subprocess.run(["timeout", "10", "import", "-window", "root", path], check=False)
    print(f"# screenshot: {path}")


class App:
    """One running instance of Rapport on a database of its own."""

    def __init__(self, db, board=True):
        """@board: wait for the board's cards (FALSE for a file with no
        deals, whose board shows its empty state)."""
        self.db = db
        self.err = open(db + ".err", "w")
        env = dict(os.environ, GDK_BACKEND="x11", GSETTINGS_BACKEND="memory")
        # The accessibility bus up before the app: a GTK that starts while
        # the bus is still being activated comes up without accessibility,
        # and the first app of a new session was then never found.
        Atspi.get_desktop(0).get_child_count()
        self.proc = subprocess.Popen([APP, "--db", db], stderr=self.err, env=env)
        try:
            # Generous: on a loaded machine (builds beside the tests) the
            # first start after a build has taken over 20 s to reach the
            # bus, and the board as long again.
            self.node = wait_for("the app on the accessibility bus", self._find_app, 60)
            if board:
                wait_for("the board", lambda: self.find_all(role="list item"), 60)
            else:
                wait_for("the window", lambda: self.find_all(role="frame"), 60)
        except BaseException:
            # Never left running: the next test's app would find this one
            # owning the application id, hand it its window and exit.
            self.kill()
            raise
        time.sleep(0.5)

    def _find_app(self):
        desktop = Atspi.get_desktop(0)
        for i in range(desktop.get_child_count()):
            child = desktop.get_child_at_index(i)
            if child is None:
                continue
            try:
                if child.get_process_id() == self.proc.pid:
                    return child
            except Exception:
                continue
        check(self.proc.poll() is None, "the app exited")
        return None

    def find_all(self, name=None, role=None, exact=True):
        hits = []

        def walk(node, depth):
            if node is None or depth > 60:
                return
            try:
                n = node.get_name() or ""
                r = node.get_role_name()
            except Exception:
                return
            # GTK 4.8 names a button after its label twice ("Undo Undo").
            same = n == name or n == f"{name} {name}"
            if (name is None or (same if exact else name in n)) and (role is None or r == role):
                hits.append(node)
            for i in range(node.get_child_count()):
                walk(node.get_child_at_index(i), depth + 1)

        walk(self.node, 0)
        return hits

    def find(self, name, role=None, exact=True):
        hits = [h for h in self.find_all(name, role, exact) if extents(h)[2] > 0]
        check(hits, f"no visible widget named {name!r} (role {role})")
        return hits[0]

    def quit(self):
        xdotool("key", "--clearmodifiers", "ctrl+q")
        try:
            status = self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise Failure("the app did not quit on Ctrl+Q")
        self.err.close()
        check(status == 0, f"exit status {status}")
        with open(self.db + ".err") as f:
            log = f.read()
        check("CRITICAL" not in log, "the app logged criticals:\n" + log)

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def in_dialog(app, name, role=None):
    """The visible widgets named @name in the app's windows other than the
    main one (a question's answers: the board behind may have a button of
    the same name)."""
    hits = []
    for i in range(1, app.node.get_child_count()):
        window = app.node.get_child_at_index(i)
        if window is None:
            continue

        def walk(node, depth):
            if node is None or depth > 60:
                return
            try:
                if node.get_name() == name and (role is None or node.get_role_name() == role) \
                        and extents(node)[2] > 0:
                    hits.append(node)
                children = [node.get_child_at_index(j) for j in range(node.get_child_count())]
            except Exception:  # noqa: BLE001 — gone meanwhile
                return
            for child in children:
                walk(child, depth + 1)

        walk(window, 0)
    return hits


def extents(node):
    e = node.get_extents(Atspi.CoordType.WINDOW)
    return e.x, e.y, e.width, e.height


def center(node):
    x, y, w, h = extents(node)
    return x + w // 2, y + h // 2


def inside(node, outer):
    x, y, w, h = extents(node)
    ox, oy, ow, oh = extents(outer)
    return ox <= x + w // 2 <= ox + ow and oy <= y + h // 2 <= oy + oh


def drag_start(sx, sy):
    """Press and move past GTK's drag threshold: the drag is on."""
    xdotool("mousemove", sx, sy)
    time.sleep(0.05)
    xdotool("mousedown", 1)
    time.sleep(0.05)
    for i in range(1, 5):
        xdotool("mousemove", sx + 4 * i, sy + 4 * i)
        time.sleep(0.02)


def drag_finish(sx, sy, dx, dy, steps=8):
    for i in range(1, steps + 1):
        xdotool("mousemove", sx + (dx - sx) * i // steps, sy + (dy - sy) * i // steps)
        time.sleep(0.02)
    xdotool("mousemove", dx + 2, dy + 2)
    time.sleep(0.05)
    xdotool("mousemove", dx, dy)
    time.sleep(0.05)
    xdotool("mouseup", 1)


def drag(sx, sy, dx, dy):
    drag_start(sx, sy)
    drag_finish(sx + 16, sy + 16, dx, dy)


def sensitive(node):
    return node.get_state_set().contains(Atspi.StateType.SENSITIVE)


def focus(node):
    """Click into a field (GTK 4.8 does not implement AT-SPI's grab_focus)."""
    x, y = center(node)
    xdotool("mousemove", x, y)
    xdotool("click", 1)
    time.sleep(0.2)


def focus_card(node):
    """Gives a board card the keyboard focus without opening it (a click
    opens it): its menu, by a right click, grabs the focus; Escape closes
    the menu and leaves the focus on the card."""
    x, y = center(node)
    xdotool("mousemove", x, y)
    xdotool("click", 3)
    time.sleep(0.3)
    xdotool("key", "Escape")
    time.sleep(0.2)


def type_text(text):
    xdotool("type", "--delay", "15", "--", text)


def press(app, name):
    """Presses the visible button named @name. GTK 4.8 shows a menu button
    as a button (that does nothing) around its toggle button, both of one
    name: the innermost that acts is pressed."""
    hits = [h for h in app.find_all(name, role="push button") if extents(h)[2] > 0]
    check(hits, f"no visible button named {name!r}")
    acting = [h for h in hits if h.get_n_actions() > 0] or hits
    acting[-1].do_action(0)
    time.sleep(0.4)


def run_tap(all_tests):
    """Runs @all_tests (or those named on the command line) and prints TAP;
    the exit status of a test script. Shared by every GUI test script."""
    if not os.environ.get("DISPLAY"):
        print("1..0 # SKIP no display; run the suite through build-aux/run-tests")
        return 0
    only = sys.argv[1:]
    tests = [t for t in all_tests if not only or t.__name__ in only]
    print(f"1..{len(tests)}")
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for n, test in enumerate(tests, 1):
            start = time.monotonic()
            try:
                test(tmp)
                print(f"ok {n} {test.__name__}")
                print(f"# {test.__name__} took {time.monotonic() - start:.1f} s")
            except Exception as e:  # noqa: BLE001
                failed += 1
                print(f"not ok {n} {test.__name__}: {e}")
                for line in traceback.format_exc().splitlines():
                    print("# " + line)
            sys.stdout.flush()
    return 1 if failed else 0


# What an accessibility walk checks (a11y.py; any script may audit a
# screen it opens). Roles as AT-SPI names them.
CONTROL_ROLES = frozenset({
    "push button", "toggle button", "check box", "radio button", "text", "entry",
    "password text", "combo box", "spin button", "slider", "menu item",
    "check menu item", "radio menu item", "link", "list item", "page tab",
    "switch", "tree item"})
IMAGE_ROLES = frozenset({"image", "icon"})
DIALOG_ROLES = frozenset({"dialog", "alert", "file chooser"})
# What GTK 4.8 falls back to for a widget nobody named.
TYPE_NAME = re.compile(r"^(Gtk|Adw|Rapport)[A-Z]\w*$")


def name_problem(name):
    """Why @name does not say what a control does, or None."""
    if not name.strip():
        return "no name"
    if TYPE_NAME.match(name):
        return "a type name"
    words = name.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and words[:half] == words[half:]:
        return "said twice"
    if re.search(r"(^|\s)_\w", name):
        return "a mnemonic's underscore"
    return None


def _describe(node):
    try:
        name = node.get_name() or ""
        role = node.get_role_name()
    except Exception:  # noqa: BLE001 — gone meanwhile
        return None, None
    return role, name


def _sized(node):
    try:
        e = node.get_extents(Atspi.CoordType.WINDOW)
    except Exception:  # noqa: BLE001 — no Component (a stack page)
        return None
    return e.x, e.y, e.width, e.height


def audit(root, path=""):
    """The accessibility problems of what shows under @root, as lines
    "role 'name' (why) at path". GTK 4.8 tells AT-SPI no "showing" state:
    a node shows when it has a size; a node with none at a place of its
    own (a page never shown, a closed revealer) is not looked into, while
    one at 0,0 (a GtkStackPage, which has no extents) is. A page that was
    shown and is no longer keeps its size in GTK 4.8: the app hides it
    from screen readers (rapport-a11y.c), and so from this walk."""
    problems = []

    def visit(node, trail, depth):
        role, name = _describe(node)
        if role is None or depth > 80:
            return
        box = _sized(node)
        here = f"{trail}/{role}" + (f"[{name}]" if name else "")
        if box is not None and box[2] > 0 and box[3] > 0:
            why = None
            if role in CONTROL_ROLES:
                why = name_problem(name)
            elif role in IMAGE_ROLES and TYPE_NAME.match(name):
                why = "an image named by its type (decorative: hide it; or say what it shows)"
            if why:
                problems.append(f"{role} {name!r} ({why}) at {here}")
        elif box is not None and box[:2] != (0, 0):
            return
        try:
            children = [node.get_child_at_index(i) for i in range(node.get_child_count())]
        except Exception:  # noqa: BLE001
            return
        for child in children:
            if child is not None:
                visit(child, here, depth + 1)

    visit(root, path, 0)
    return problems


def _is_file_chooser(window, depth=0):
    """GTK's own file chooser (under GNOME, the portal's, in another
    process): not Rapport's to name."""
    if depth > 5:
        return False
    try:
        if window.get_name() == "GtkFileChooserWidget":
            return True
        return any(_is_file_chooser(window.get_child_at_index(i), depth + 1)
                   for i in range(window.get_child_count()))
    except Exception:  # noqa: BLE001
        return False


def audit_windows(app):
    """Audits every window of @app that shows; any window but the main one
    must be a dialog (or an alert) to AT-SPI. GTK's file chooser is left
    out: it is not Rapport's, and GNOME shows the portal's instead."""
    problems = []
    for i in range(app.node.get_child_count()):
        window = app.node.get_child_at_index(i)
        role, name = _describe(window)
        try:
            # GTK 4.8 says "showing" of a window, never of a dialog.
            shows = window.get_state_set().contains(Atspi.StateType.VISIBLE)
        except Exception:  # noqa: BLE001 — closed meanwhile
            continue
        if role is None or not shows or _is_file_chooser(window):
            continue
        if i > 0 and role not in DIALOG_ROLES:
            problems.append(f"window {name!r} is a {role}, not a dialog")
        problems += audit(window, "")
    return problems


# Driving by the keyboard alone (keyboard.py): AT-SPI only watches where
# the focus is; nothing is clicked.
def focused(node):
    try:
        return node.get_state_set().contains(Atspi.StateType.FOCUSED)
    except Exception:  # noqa: BLE001 — gone meanwhile
        return False


def keys_until_focused(find_targets, keys=("Tab",), limit=80):
    """Presses @keys in turn (Tab by default) until one of the widgets
    that @find_targets returns (a node or a list: a menu button is two)
    has the keyboard focus; that widget. Fails when it never gets there:
    a control the keyboard cannot reach."""
    targets = []
    for n in range(limit):
        try:
            targets = find_targets()
        except Failure:
            targets = []
        if not isinstance(targets, list):
            targets = [targets]
        hits = [t for t in targets if t is not None and focused(t)]
        if hits:
            return hits[0]
        xdotool("key", "--clearmodifiers", keys[n % len(keys)])
        time.sleep(0.15)
    name = targets[0].get_name() if targets and targets[0] is not None else "the target"
    screenshot("unreached-" + "".join(c for c in name if c.isalnum())[:30])
    raise Failure(f"{name!r} never got the focus by {'/'.join(keys)} ({limit} presses)")


def _pixels(path, x, y, w, h):
    out = subprocess.run(["convert", path, "-crop", f"{w}x{h}+{x}+{y}", "-depth", "8", "txt:-"],
                         capture_output=True, text=True, check=True).stdout
    for line in out.splitlines()[1:]:
        try:
            rgb = line.split("(", 1)[1].split(")", 1)[0].split(",")
            yield tuple(int(float(c)) for c in rgb[:3])
        except (IndexError, ValueError):
            continue


def focus_ring_visible(node, name):
    """Whether the focused @node shows a focus ring: a screenshot (saved
    as @name) has pixels of the accent colour (Adwaita draws the ring in
    it, half transparent) in a band around the node's edge. In high
    contrast the ring is the accent colour too."""
    screenshot(name)
    path = os.path.join(SHOTS, name + ".png")
    x, y, w, h = extents(node)
    band = 4
    ring = 0
    for bx, by, bw, bh in [(x - band, y - band, w + 2 * band, 2 * band),          # top
                           (x - band, y + h - band, w + 2 * band, 2 * band),      # bottom
                           (x - band, y - band, 2 * band, h + 2 * band),          # left
                           (x + w - band, y - band, 2 * band, h + 2 * band)]:     # right
        for r, g, b in _pixels(path, max(bx, 0), max(by, 0), bw, bh):
            if b > 150 and b - r > 50 and b - g > 20:
                ring += 1
    return ring >= 2 * (w + h) // 4
