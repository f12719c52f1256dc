#!/bin/bash
# The app starts on a demo database, shows its window, and quits cleanly
# with Ctrl+Q; the window is not blank.
. "$(dirname "$0")/lib.sh"

db=$tmp/rapport.db
"$RAPPORT_CLI" --db "$db" demo --deals 300 --contacts 200 >/dev/null

start_app --db "$db"
win=$(wait_window '^Rapport$')
sleep 1.5
screenshot smoke-board

xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus --sync "$win"
xdotool key --clearmodifiers ctrl+q
wait_exit 10
[[ $app_status == 0 ]] || fail "exit status $app_status after Ctrl+Q"
if grep -E 'CRITICAL|WARNING' "$tmp/app.err"; then
  fail "the app logged criticals or warnings"
fi

# The database is intact after a GUI session.
"$RAPPORT_CLI" --db "$db" check >/dev/null || fail "check failed after the GUI ran"
echo "ok: window shown, quit cleanly"
