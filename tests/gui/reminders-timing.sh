#!/bin/bash
# On time, not early: a follow-up due in a few seconds is shown within 2 s
# of its due time (one timer, no polling), and a new lead's reminder is
# shown early, then updated in place (the same notification, critical) when
# the speed-to-lead time is up.
. "$(dirname "$0")/reminders-lib.sh"

db=$tmp/rapport.db
cli() { "$RAPPORT_CLI" --db "$db" "$@"; }

# due_of TITLE — the due time of a pending follow-up, in unix seconds.
due_of() {
  cli followup list --json | /usr/bin/python3 -c '
import json, sys
for f in json.load(sys.stdin):
    if f["title"] == sys.argv[1]:
        print(f["due_at"])' "$1" | xargs -I{} date -u -d {} +%s
}

# on_time LINE DUE — the call's time stamp is within [DUE, DUE + 2 s].
on_time() {
  local at=${1%% *}
  echo "shown $(awk -v at="$at" -v due="$2" 'BEGIN { printf "%.3f", at - due }') s after its due time" >&2
  awk -v at="$at" -v due="$2" 'BEGIN { exit !(at >= due && at <= due + 2) }' ||
    fail "shown at $at for a due time of $2 ($(awk -v at="$at" -v due="$2" 'BEGIN { print at - due }') s)"
}

start_server
"$RAPPORT_REMINDERS_HELPER" "$db" followup "Grace Hopper" "Call Grace" 5 >/dev/null
# Due 8 s from now: speed-to-lead is 60 minutes.
cli contact add "Ada Byron" --lead --created-at "$(iso_ago 60 -8)" >/dev/null
grace_due=$(due_of "Call Grace")
ada_due=$(due_of "Contact Ada Byron")

start_app --background --db "$db"

early=$(wait_notify 'New lead: Ada Byron' 5)
[[ $early == *' Notify "Rapport" 0 '* ]] || fail "the early reminder replaced another"

grace=$(wait_notify 'Call Grace' 10)
on_time "$grace" "$grace_due"
[[ $grace == *'"done", "Done"'* ]] || fail "no “Done” action on a plain follow-up"
[[ $grace == *'"urgency": 1'* ]] || fail "a plain follow-up is not of normal urgency"

due=$(wait_notify 'Lead waiting: Ada Byron' 10)
on_time "$due" "$ada_due"
id=$(notification_id "$early")
[[ $due == *" Notify \"Rapport\" $id "* ]] || fail "the due reminder did not replace the early one (id $id): $due"
[[ $due == *'"urgency": 2'* ]] || fail "the due reminder of a lead is not critical"

# Three notifications in all: no repeats, no stacking.
[[ $(notify_lines | wc -l) == 3 ]] || { notify_lines >&2; fail "not exactly three Notify calls"; }

kill "$app_pid"
wait_exit 10
no_warnings
echo "ok: on time, updated in place"
