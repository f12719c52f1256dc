# tests/gui/reminders-lib.sh — what the reminder tests share. Sourced by
# tests/gui/reminders-*.sh under bash; not a test itself.
#
# The first thing it does is run the test again on a private session bus
# with nothing activatable on it: on the suite's own bus a real daemon
# (dunst) would be started by the first notification and answer instead of
# the test's server. Then it sources lib.sh, and gives:
#   start_server / stop_server   notify-capture on this bus ($server_pid)
#   notify_lines                 the Notify calls the server received
#   wait_notify PATTERN [S]      waits for a Notify line matching PATTERN
#   invoke_action ID KEY         clicks button KEY of notification ID
#   iso_ago MINUTES [SECONDS]    an ISO 8601 time MINUTES (and SECONDS) ago
#   json_field FIELD             reads one field of the JSON object on stdin

: "${RAPPORT_HARNESS:?}"

if [[ -z ${RAPPORT_REMINDERS_BUS:-} ]]; then
  if [[ -z ${DISPLAY:-} ]]; then
    echo "SKIP: no display; run the suite through build-aux/run-tests" >&2
    exit 77
  fi
  export RAPPORT_REMINDERS_BUS=1
  exec dbus-run-session --config-file="$RAPPORT_HARNESS/session-noactivation.conf" -- "$0" "$@"
fi

. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# This bus has no accessibility bus to activate.
export GTK_A11Y=none
# The scheduler's debug lines on stderr ("next wake-up at …").
export RAPPORT_REMINDERS_DEBUG=1
# The autostart entry goes here, never into the home folder.
export XDG_CONFIG_HOME=$tmp/config
export NOTIFY_LOG=$tmp/notify.log
notify_capture=$RAPPORT_HARNESS/notify-capture

server_pid=
start_server() {
  "$notify_capture" start
  server_pid=$(<"$NOTIFY_LOG.pid")
}

stop_server() {
  if [[ -n $server_pid ]]; then
    kill -CONT "$server_pid" 2>/dev/null || true
    "$notify_capture" stop || true
    server_pid=
  fi
}

reminders_cleanup() {
  stop_server
  cleanup
}
trap reminders_cleanup EXIT

# One line per call: a body's line breaks are logged as they are, so the
# lines that do not start with a time stamp are joined to the call (as \n).
calls() {
  [[ -f $NOTIFY_LOG ]] || return 0
  awk '/^[0-9]+\.[0-9]+ / { if (call != "") print call; call = $0; next }
       { call = call "\\n" $0 }
       END { if (call != "") print call }' "$NOTIFY_LOG"
}

notify_lines() {
  calls | grep -E '^[0-9.]+ Notify ' || true
}

# wait_notify PATTERN [SECONDS] — prints the first Notify line matching
# PATTERN (an extended regular expression), waiting up to SECONDS (5).
wait_notify() {
  local line
  for _ in $(seq $((${2:-5} * 20))); do
    line=$(notify_lines | grep -E -- "$1" | head -n 1 || true)
    if [[ -n $line ]]; then
      echo "$line"
      return 0
    fi
    sleep 0.05
  done
  notify_lines >&2
  fail "no notification matching “$1” within ${2:-5} s"
}

# The id the server gave the notification of a Notify line: new ones
# (replaces_id 0) are numbered 1, 2, 3… in the order they came.
notification_id() {
  local line=$1 n=0 l
  while IFS= read -r l; do
    if [[ $l =~ ^[0-9.]+\ Notify\ \"[^\"]*\"\ 0\  ]]; then
      n=$((n + 1))
    fi
    if [[ $l == "$line" ]]; then
      echo "$n"
      return 0
    fi
  done < <(notify_lines)
  fail "no such notification: $line"
}

invoke_action() {
  gdbus call --session -d org.freedesktop.Notifications \
    -o /org/freedesktop/Notifications \
    -m org.freedesktop.DBus.Mock.EmitSignal \
    org.freedesktop.Notifications ActionInvoked us "[<uint32 $1>, <'$2'>]" >/dev/null
}

iso_ago() {
  date -u -d "@$(($(date +%s) - $1 * 60 - ${2:-0}))" +%Y-%m-%dT%H:%M:%SZ
}

json_field() {
  /usr/bin/python3 -c 'import json, sys; v = json.load(sys.stdin)[sys.argv[1]]; print("null" if v is None else v)' "$1"
}

# no_warnings — the app logged no warning or critical.
no_warnings() {
  if grep -E 'CRITICAL|WARNING' "$tmp/app.err"; then
    fail "the app logged criticals or warnings"
  fi
}
