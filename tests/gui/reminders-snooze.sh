#!/bin/bash
# A follow-up snoozed by rapport-cli while the app runs is not shown at its
# old time, and the app's one timer moves to the end of the snooze; done
# from the command line, it leaves nothing to wake up for. logind saying
# the machine woke up (PrepareForSleep false) makes the app look again.
. "$(dirname "$0")/reminders-lib.sh"

db=$tmp/rapport.db
cli() { "$RAPPORT_CLI" --db "$db" "$@"; }

# field_of ID FIELD — a field of a pending follow-up.
field_of() {
  cli followup list --json | /usr/bin/python3 -c '
import json, sys
for f in json.load(sys.stdin):
    if f["id"] == int(sys.argv[1]):
        print(f[sys.argv[2]])' "$1" "$2"
}

# wait_wakeup TEXT — the app's last "next wake-up" line ends in TEXT
# within 5 s.
wait_wakeup() {
  local last
  for _ in $(seq 50); do
    last=$(grep -E '^rapport-reminders: (next wake-up at|no wake-up)' "$tmp/app.err" | tail -n 1 || true)
    [[ $last == *"$1" ]] && return 0
    sleep 0.1
  done
  cat "$tmp/app.err" >&2
  fail "the next wake-up is not “$1” but “$last”"
}

start_server

# logind (python3-dbusmock's) on this bus, which stands in for the system
# bus for the app.
/usr/bin/python3 -m dbusmock --session --template logind >/dev/null 2>&1 &
logind_pid=$!
for _ in $(seq 50); do
  gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
    --method org.freedesktop.DBus.NameHasOwner org.freedesktop.login1 2>/dev/null | grep -q true && break
  sleep 0.1
done

id=$("$RAPPORT_REMINDERS_HELPER" "$db" followup "Grace Hopper" "Call Grace" 6)
due=$(field_of "$id" due_at)

export DBUS_SYSTEM_BUS_ADDRESS=$DBUS_SESSION_BUS_ADDRESS
start_app --background --db "$db"
wait_wakeup "next wake-up at $due"

cli followup snooze "$id" 1 >/dev/null
until=$(field_of "$id" snoozed_until)
[[ -n $until && $until != "$due" ]] || fail "the snooze did not take"
# The store's external watch polls once a second.
wait_wakeup "next wake-up at $until"

# Past the old due time (and the 2 s it may take): nothing shown.
left=$(($(date -u -d "$due" +%s) + 2 - $(date +%s)))
if ((left > 0)); then
  sleep "$left"
fi
if notify_lines | grep -q 'Call Grace'; then
  notify_lines >&2
  fail "the snoozed follow-up was shown at its old time"
fi

cli followup done "$id" >/dev/null
wait_wakeup "no wake-up"

gdbus call --session -d org.freedesktop.login1 -o /org/freedesktop/login1 \
  -m org.freedesktop.DBus.Mock.EmitSignal \
  org.freedesktop.login1.Manager PrepareForSleep b "[<false>]" >/dev/null
for _ in $(seq 50); do
  grep -q 'rapport-reminders: woke up; recomputing the next reminder' "$tmp/app.err" && break
  sleep 0.1
done
grep -q 'rapport-reminders: woke up; recomputing the next reminder' "$tmp/app.err" ||
  { cat "$tmp/app.err" >&2; fail "waking up did not make the app look again"; }
kill "$logind_pid"

kill "$app_pid"
wait_exit 10
no_warnings
echo "ok: snoozed from the command line, re-armed"
