#!/bin/bash
# A file that is not a Rapport database: the app says so in a dialog,
# exits 1 when it is dismissed, and leaves the file byte-for-byte as it was.
. "$(dirname "$0")/lib.sh"

check_refused() {
  local name=$1 file=$2 expect=$3 before after
  before=$(sha "$file")
  start_app --db "$file"
  win=$(wait_window '^Rapport$')
  sleep 0.5
  screenshot "refusal-$name"
  xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus --sync "$win"
  # Quit is the dialog's default response.
  xdotool key --clearmodifiers Return
  wait_exit 10
  [[ $app_status == 1 ]] || fail "$name: exit status $app_status, expected 1"
  grep -q "$expect" "$tmp/app.err" || fail "$name: stderr lacks “$expect”: $(cat "$tmp/app.err")"
  after=$(sha "$file")
  [[ $before == "$after" ]] || fail "$name: the file was modified"
  [[ ! -e $file-wal && ! -e $file-shm ]] || fail "$name: left -wal/-shm files"
  echo "ok: $name refused and untouched"
}

printf 'hello, this is not a database\n' > "$tmp/text.db"
check_refused text "$tmp/text.db" "not a Rapport database"

"$RAPPORT_CLI" --db "$tmp/newer.db" init >/dev/null
/usr/bin/python3 - "$tmp/newer.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA journal_mode = DELETE")
db.execute("PRAGMA user_version = 99")
db.close()
PY
check_refused newer "$tmp/newer.db" "newer version"
