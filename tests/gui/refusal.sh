#!/bin/bash
# A file that is not a Rapport database: the app says so in a dialog,
# exits 1 when it is dismissed, and leaves the file byte-for-byte as it was.
. "$(dirname "$0")/lib.sh"

check_refused() {
  local name=$1 file=$2 expect=$3 before after sidecars
  before=$(sha "$file")
  # The -wal and -shm a writer keeps (SQLITE_FCNTL_PERSIST_WAL) may be
  # there already; the app must not add any.
  sidecars=$(ls "$file-wal" "$file-shm" 2>/dev/null || true)
  start_app --db "$file"
  # The refusal is printed when it is decided (for a damaged file maybe
  # after the board showed): only then is the dialog the window to answer.
  for _ in $(seq 200); do
    grep -q "$expect" "$tmp/app.err" && break
    sleep 0.1
  done
  sleep 0.5
  win=$(wait_window '^Rapport$')
  screenshot "refusal-$name"
  xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus --sync "$win"
  # Quit is the dialog's default response.
  xdotool key --clearmodifiers Return
  wait_exit 10
  [[ $app_status == 1 ]] || fail "$name: exit status $app_status, expected 1"
  grep -q "$expect" "$tmp/app.err" || fail "$name: stderr lacks “$expect”: $(cat "$tmp/app.err")"
  after=$(sha "$file")
  [[ $before == "$after" ]] || fail "$name: the file was modified"
  [[ $(ls "$file-wal" "$file-shm" 2>/dev/null || true) == "$sidecars" ]] ||
    fail "$name: left -wal/-shm files"
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

# A damaged file whose header is fine: the board may show first (the whole
# file is checked in a thread), then the same refusal replaces it.
"$RAPPORT_CLI" --db "$tmp/damaged.db" demo --deals 400 --contacts 400 >/dev/null
/usr/bin/python3 - "$tmp/damaged.db" <<'PY'
import sqlite3, sys, random
path = sys.argv[1]
db = sqlite3.connect(path)
root = db.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'contact'").fetchone()[0]
page = db.execute("PRAGMA page_size").fetchone()[0]
db.close()
random.seed(11)
with open(path, "r+b") as f:
    f.seek((root - 1) * page)
    f.write(bytes(random.randrange(256) for _ in range(page)))
PY
check_refused damaged "$tmp/damaged.db" "damaged"
