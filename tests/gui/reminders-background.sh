#!/bin/bash
# Running in the background. With no follow-up pending, closing the window
# quits. With one pending, the first close says Rapport keeps running and
# how to stop it; Keep Running closes the window and the reminders go on;
# the reminder still comes, and a click on it brings the window back, on
# its contact. The autostart entry (Exec=rapport --background --db FILE)
# exists only once the user asked to start at login, while running in the
# background is on; turned off, it goes, and closing the window quits.
. "$(dirname "$0")/reminders-lib.sh"

# Settings in a file of this test, so that gsettings can change them while
# the app runs.
export GSETTINGS_BACKEND=keyfile
autostart=$XDG_CONFIG_HOME/autostart/io.github.rapportcrm.Rapport.desktop

db=$tmp/rapport.db
cli() { "$RAPPORT_CLI" --db "$db" "$@"; }

# close_window ID — what a window manager sends for the close button.
close_window() {
  /usr/bin/python3 - "$1" <<'PY'
import ctypes, sys

class ClientMessage(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong),
                ("send_event", ctypes.c_int), ("display", ctypes.c_void_p),
                ("window", ctypes.c_ulong), ("message_type", ctypes.c_ulong),
                ("format", ctypes.c_int), ("data", ctypes.c_long * 5)]

class Event(ctypes.Union):
    _fields_ = [("xclient", ClientMessage), ("pad", ctypes.c_long * 24)]

x = ctypes.cdll.LoadLibrary("libX11.so.6")
x.XOpenDisplay.restype = ctypes.c_void_p
x.XOpenDisplay.argtypes = [ctypes.c_char_p]
x.XInternAtom.restype = ctypes.c_ulong
x.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
x.XSendEvent.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int,
                         ctypes.c_long, ctypes.POINTER(Event)]
x.XFlush.argtypes = [ctypes.c_void_p]
x.XCloseDisplay.argtypes = [ctypes.c_void_p]

display = x.XOpenDisplay(None)
window = int(sys.argv[1])
event = Event()
event.xclient.type = 33                     # ClientMessage
event.xclient.window = window
event.xclient.message_type = x.XInternAtom(display, b"WM_PROTOCOLS", 0)
event.xclient.format = 32
event.xclient.data[0] = x.XInternAtom(display, b"WM_DELETE_WINDOW", 0)
x.XSendEvent(display, window, 0, 0, ctypes.byref(event))
x.XFlush(display)
x.XCloseDisplay(display)
PY
}

no_visible_window() {
  for _ in $(seq 30); do
    [[ -z $(xdotool search --onlyvisible --name '^Rapport$' 2>/dev/null || true) ]] && return 0
    sleep 0.1
  done
  fail "the window is still shown"
}

start_server

# 1. Nothing pending: closing the window quits. No autostart entry until
# the user asks for one; then it opens this database.
cli contact add "Grace Hopper" >/dev/null
start_app --db "$db"
win=$(wait_window '^Rapport$')
sleep 1
[[ ! -f $autostart ]] || fail "an autostart entry was made without asking"
gsettings set io.github.rapportcrm.Rapport start-at-login true
for _ in $(seq 50); do
  [[ -f $autostart ]] && break
  sleep 0.1
done
[[ -f $autostart ]] || fail "no autostart entry once start-at-login is on"
grep -qxF "Exec=rapport --background --db '$(realpath "$db")'" "$autostart" ||
  fail "the autostart entry does not open this database: $(grep Exec "$autostart")"
close_window "$win"
wait_exit 5
[[ $app_status == 0 ]] || fail "exit status $app_status after closing the window"

# 2. One pending: the first close asks; Keep Running closes the window and
# keeps the reminders running.
"$RAPPORT_REMINDERS_HELPER" "$db" followup "Grace Hopper" "Call Grace" 4 >/dev/null
start_app --db "$db"
win=$(wait_window '^Rapport$')
sleep 0.5
close_window "$win"
question=$(wait_window '^Keep Reminding You\?$')
sleep 0.5
screenshot background-question
# Keep Running: the last of the three equal buttons along its bottom edge
# (no accessibility on this bus).
eval "$(xdotool getwindowgeometry --shell "$question")"
xdotool mousemove $((X + WIDTH * 5 / 6)) $((Y + HEIGHT - 20)) click 1
no_visible_window
sleep 1
kill -0 "$app_pid" 2>/dev/null || fail "closing the window ended the reminders"
[[ $(gsettings get io.github.rapportcrm.Rapport background-explained) == true ]] ||
  fail "the question would come again"

# The click makes a window again, on the follow-up's contact.
reminder=$(wait_notify 'Call Grace' 8)
invoke_action "$(notification_id "$reminder")" default
win=$(wait_window '^Grace Hopper — Rapport$')

# 3. Turned off: the autostart entry goes, and closing the window quits.
gsettings set io.github.rapportcrm.Rapport run-in-background false
for _ in $(seq 50); do
  [[ -f $autostart ]] || break
  sleep 0.1
done
[[ ! -f $autostart ]] || fail "the autostart entry stayed after run-in-background was turned off"
close_window "$win"
wait_exit 5
[[ $app_status == 0 ]] || fail "exit status $app_status after closing the window"

# Destroying the main window (which only closing it does; Ctrl+Q quits
# first) logs one Gtk-CRITICAL from libadwaita 1.2's AdwViewSwitcherBar
# as the window's template is disposed. That one belongs to the window;
# anything else fails the test.
if grep -E 'CRITICAL|WARNING' "$tmp/app.err" |
   grep -v "gtk_widget_unparent: assertion 'GTK_IS_WIDGET (widget)' failed"; then
  fail "the app logged criticals or warnings"
fi
echo "ok: background while pending, asked once, window back from a notification, autostart entry on request"
