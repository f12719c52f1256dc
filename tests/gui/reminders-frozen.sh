#!/bin/bash
# A notification server that owns its name but never answers (stopped with
# SIGSTOP): libnotify would wait 25 s per call. The window still comes up
# and answers Ctrl+Q at once; after 3 s the reminder is handed to the
# window instead, logged once.
. "$(dirname "$0")/reminders-lib.sh"

db=$tmp/rapport.db
cli() { "$RAPPORT_CLI" --db "$db" "$@"; }

cli contact add "Alan Turing" --lead --created-at "$(iso_ago 61)" >/dev/null

start_server
kill -STOP "$server_pid"

started=$(date +%s%N)
start_app --db "$db"
win=$(wait_window '^Rapport$')
echo "window after $((($(date +%s%N) - started) / 1000000)) ms" >&2

for _ in $(seq 80); do
  grep -q 'in-app reminder: Lead waiting: Alan Turing' "$tmp/app.err" && break
  sleep 0.1
done
grep -q 'rapport-reminders: in-app reminder: Lead waiting: Alan Turing' "$tmp/app.err" ||
  { cat "$tmp/app.err" >&2; fail "no in-app reminder within 8 s"; }
n=$(grep -c 'the notification server does not answer; showing reminders in the window' "$tmp/app.err" || true)
[[ $n == 1 ]] || { cat "$tmp/app.err" >&2; fail "the frozen server was logged $n times, not once"; }

# Still responsive while the worker thread waits on the server.
xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus --sync "$win"
xdotool key --clearmodifiers ctrl+q
wait_exit "${RAPPORT_TEST_QUIT_SECONDS:-1}"
[[ $app_status == 0 ]] || fail "exit status $app_status after Ctrl+Q"

kill -CONT "$server_pid"
stop_server
no_warnings
echo "ok: frozen server, window responsive, reminder in the window"
