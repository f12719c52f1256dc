#!/bin/bash
# A lead 50 minutes old gets its early reminder and one 61 minutes old its
# overdue one (critical) within 5 s of `rapport --background`, each naming
# the lead and offering actions; "Mark contacted" on a notification marks
# the follow-up done and logs the first contact (Ctrl+Z in the window
# takes it back); a click on one opens the window; a restart shows
# neither again; a server without action support gets reminders without
# buttons.
. "$(dirname "$0")/reminders-lib.sh"

db=$tmp/rapport.db
cli() { "$RAPPORT_CLI" --db "$db" "$@"; }

start_server
ada=$(cli contact add "Ada Byron" --lead --created-at "$(iso_ago 50)" --json | json_field id)
alan=$(cli contact add "Alan Turing" --lead --created-at "$(iso_ago 61)" --json | json_field id)

start_app --background --db "$db"
early=$(wait_notify 'Ada Byron' 5)
overdue=$(wait_notify 'Alan Turing' 5)
echo "early:   $early" >&2
echo "overdue: $overdue" >&2

[[ $early == *'"urgency": 1'* ]] || fail "the early reminder is not of normal urgency"
[[ $overdue == *'"urgency": 2'* ]] || fail "the overdue reminder is not critical"
[[ $overdue == *'"contacted", "Mark Contacted"'* ]] || fail "no “Mark Contacted” action"
[[ $overdue == *'"snooze", "Snooze 10 min"'* ]] || fail "no “Snooze” action"
[[ $overdue == *'"open", "Open"'* ]] || fail "no “Open” action"
[[ $overdue == *'"desktop-entry": "io.github.rapportcrm.Rapport"'* ]] || fail "no desktop-entry hint"

# "Mark contacted" on the overdue one, as the server reports a click.
invoke_action "$(notification_id "$overdue")" contacted
for _ in $(seq 50); do
  first=$(cli contact show "$alan" --json | json_field first_contacted_at)
  [[ $first != null ]] && break
  sleep 0.1
done
[[ $first != null ]] || fail "“Mark Contacted” did not record the first contact"
# … logged as a call, so the last contact and the reports agree.
[[ $(cli contact show "$alan" --json | json_field last_contacted_at) == "$first" ]] ||
  fail "“Mark Contacted” did not log the first contact as the last one"
cli contact show "$alan" --json | /usr/bin/python3 -c '
import json, sys
calls = [a for a in json.load(sys.stdin)["activities"] if a["kind"] == "call" and a["done_at"]]
sys.exit(0 if len(calls) == 1 else 1)' || fail "“Mark Contacted” logged no call"
if cli followup list --json | grep -q '"Contact Alan Turing"'; then
  fail "the follow-up of Alan Turing is still pending"
fi
cli followup list --json | grep -q '"Contact Ada Byron"' || fail "Ada Byron's follow-up went too"
[[ $(cli contact show "$ada" --json | json_field first_contacted_at) == null ]] ||
  fail "Ada Byron was marked contacted"

# A click on the other opens the window on her page.
invoke_action "$(notification_id "$early")" default
win=$(wait_window '^Ada Byron — Rapport$')

# With the window open, Mark Contacted can be taken back there: Ctrl+Z
# takes the logged first contact back with the follow-up's Done.
invoke_action "$(notification_id "$early")" contacted
for _ in $(seq 50); do
  first=$(cli contact show "$ada" --json | json_field first_contacted_at)
  [[ $first != null ]] && break
  sleep 0.1
done
[[ $first != null ]] || fail "“Mark Contacted” did not record Ada Byron's first contact"
sleep 0.5
xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus --sync "$win"
xdotool key --clearmodifiers ctrl+z
for _ in $(seq 50); do
  first=$(cli contact show "$ada" --json | json_field first_contacted_at)
  [[ $first == null ]] && break
  sleep 0.1
done
[[ $first == null ]] || fail "Ctrl+Z did not take Ada Byron's first contact back"
cli followup list --json | grep -q '"Contact Ada Byron"' || fail "Ada Byron's follow-up is not pending again"
[[ $(cli contact show "$ada" --json | json_field last_contacted_at) == null ]] ||
  fail "the call logged for Ada Byron stayed"

n_before=$(notify_lines | wc -l)
xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus --sync "$win"
xdotool key --clearmodifiers ctrl+q
wait_exit 10
[[ $app_status == 0 ]] || fail "exit status $app_status after Ctrl+Q"
no_warnings

# A restart remembers what was shown: nothing again.
start_app --background --db "$db"
sleep 3
kill -0 "$app_pid" 2>/dev/null || fail "rapport --background exited"
[[ $(notify_lines | wc -l) == "$n_before" ]] || {
  notify_lines >&2
  fail "a restart showed a reminder again"
}
# The early one's due reminder is still ahead, at the hour.
grep -q 'rapport-reminders: next wake-up at ' "$tmp/app.err" || fail "no wake-up armed after the restart"

# Another server, one that cannot show buttons: a new lead (added by
# rapport-cli while the app runs) gets its reminder without actions.
stop_server
NOTIFY_CAPS=body start_server
cli contact add "Edsger Dijkstra" --lead --created-at "$(iso_ago 61)" >/dev/null
plain=$(wait_notify 'Edsger Dijkstra' 5)
[[ $plain == *'"Lead waiting: Edsger Dijkstra"'*' [] {'* ]] || fail "actions sent to a server without them: $plain"
kill "$app_pid"
wait_exit 10
no_warnings
echo "ok: early and overdue reminders, Mark Contacted, Open, no repeat"
