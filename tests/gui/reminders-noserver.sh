#!/bin/bash
# No notification server on the bus: the window still comes up and answers
# Ctrl+Q at once, the reminders are handed to the window instead
# (RapportReminders::in-app-reminder; the debug line stands for it until
# the window shows them), and the lack of a server is logged once.
. "$(dirname "$0")/reminders-lib.sh"

db=$tmp/rapport.db
cli() { "$RAPPORT_CLI" --db "$db" "$@"; }

cli contact add "Alan Turing" --lead --created-at "$(iso_ago 61)" >/dev/null
cli contact add "Ada Byron" --lead --created-at "$(iso_ago 65)" >/dev/null

start_app --db "$db"
win=$(wait_window '^Rapport$')

for _ in $(seq 50); do
  grep -q 'in-app reminder: Lead waiting: Ada Byron' "$tmp/app.err" &&
    grep -q 'in-app reminder: Lead waiting: Alan Turing' "$tmp/app.err" && break
  sleep 0.1
done
grep -q 'rapport-reminders: in-app reminder: Lead waiting: Alan Turing — 1 minute late' "$tmp/app.err" ||
  { cat "$tmp/app.err" >&2; fail "no in-app reminder for Alan Turing"; }
grep -q 'rapport-reminders: in-app reminder: Lead waiting: Ada Byron — 5 minutes late' "$tmp/app.err" ||
  { cat "$tmp/app.err" >&2; fail "no in-app reminder for Ada Byron"; }
n=$(grep -c 'no notification server; showing reminders in the window' "$tmp/app.err" || true)
[[ $n == 1 ]] || { cat "$tmp/app.err" >&2; fail "the missing server was logged $n times, not once"; }

xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus --sync "$win"
xdotool key --clearmodifiers ctrl+q
wait_exit "${RAPPORT_TEST_QUIT_SECONDS:-1}"
[[ $app_status == 0 ]] || fail "exit status $app_status after Ctrl+Q"
no_warnings
echo "ok: no server, reminders in the window, logged once"
