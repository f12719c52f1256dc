# tests/gui/lib.sh — what the GUI tests share: start the app, find its
# window, take and check screenshots. Sourced by the tests under bash.
#
# Needs DISPLAY (build-aux/run-tests starts Xvfb) and a private session bus
# (it runs the suite inside dbus-run-session).

set -euo pipefail

: "${RAPPORT_APP:?}" "${RAPPORT_CLI:?}"

if [[ -z ${DISPLAY:-} ]]; then
  echo "SKIP: no display; run the suite through build-aux/run-tests" >&2
  exit 77
fi
export GDK_BACKEND=x11

tmp=$(mktemp -d)
app_pid=
cleanup() {
  if [[ -n $app_pid ]] && kill -0 "$app_pid" 2>/dev/null; then
    kill -9 "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

shots=${G_TEST_BUILDDIR:-.}/shots
mkdir -p "$shots"

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# start_app ARGS… — runs the app in the background; its stderr goes to
# $tmp/app.err.
start_app() {
  "$RAPPORT_APP" "$@" 2>"$tmp/app.err" &
  app_pid=$!
}

# wait_window NAME — prints the id of the first visible window whose title
# matches NAME, waiting up to 20 s.
wait_window() {
  local id
  for _ in $(seq 200); do
    id=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -n 1 || true)
    if [[ -n $id ]]; then
      echo "$id"
      return 0
    fi
    kill -0 "$app_pid" 2>/dev/null || fail "the app exited before showing “$1”"
    sleep 0.1
  done
  fail "no window named “$1” after 20 s"
}

# wait_exit SECONDS — waits for the app to exit and sets $app_status. Not
# for $(…): a subshell cannot wait for its parent's child.
app_status=
wait_exit() {
  for _ in $(seq $(($1 * 10))); do
    if ! kill -0 "$app_pid" 2>/dev/null; then
      app_status=0
      wait "$app_pid" || app_status=$?
      app_pid=
      return 0
    fi
    sleep 0.1
  done
  fail "the app did not exit within $1 s"
}

# screenshot NAME — saves the screen as shots/NAME.png and fails if it is
# blank (a window that drew nothing).
screenshot() {
  local file=$shots/$1.png deviation
  timeout 10 import -window root "$file" || fail "screenshot failed"
  deviation=$(convert "$file" -format '%[fx:standard_deviation]' info:)
  awk -v d="$deviation" 'BEGIN { exit !(d > 0.02) }' || fail "screenshot $file is blank (deviation $deviation)"
  echo "screenshot: $file" >&2
}

sha() {
  sha256sum "$1" | cut -d' ' -f1
}
