#!/bin/bash
# On the default database Rapport is one instance per session: starting it
# again raises the running window and exits, and a second --background
# (the autostart entry) exits at once. With --db, each file has its own
# process.
. "$(dirname "$0")/lib.sh"

# The default database lives under XDG_DATA_HOME: a folder of this test.
export XDG_DATA_HOME=$tmp/data
mkdir -p "$XDG_DATA_HOME"

start_app
first=$app_pid
win=$(wait_window '^Rapport$')

# Again: it hands over to the first and exits 0, leaving one window.
timeout 30 "$RAPPORT_APP" 2>"$tmp/second.err" || fail "the second start failed: $(cat "$tmp/second.err")"
timeout 30 "$RAPPORT_APP" --background 2>>"$tmp/second.err" || fail "the second --background failed"
kill -0 "$first" 2>/dev/null || fail "the first instance went"
[[ $(xdotool search --onlyvisible --name '^Rapport$' | wc -l) == 1 ]] || fail "a second window came up"

# Another file: a process of its own beside the first.
other=$tmp/other.db
"$RAPPORT_CLI" --db "$other" init >/dev/null
"$RAPPORT_APP" --db "$other" 2>"$tmp/other.err" &
other_pid=$!
for _ in $(seq 100); do
  [[ $(xdotool search --onlyvisible --name '^Rapport$' | wc -l) == 2 ]] && break
  sleep 0.1
done
[[ $(xdotool search --onlyvisible --name '^Rapport$' | wc -l) == 2 ]] || fail "--db did not get a window of its own"
kill "$other_pid"
wait "$other_pid" 2>/dev/null || true

xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus --sync "$win"
xdotool key --clearmodifiers ctrl+q
wait_exit 10
[[ $app_status == 0 ]] || fail "exit status $app_status after Ctrl+Q"
echo "ok: one instance on the default database, one per file with --db"
