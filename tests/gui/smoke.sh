#!/bin/bash
# The app starts on a demo database, shows its window, opens its help with
# F1 (help:rapport), and quits cleanly with Ctrl+Q; the window is not
# blank.
. "$(dirname "$0")/lib.sh"

db=$tmp/rapport.db
"$RAPPORT_CLI" --db "$db" demo --deals 300 --contacts 200 >/dev/null

# F1 opens help:rapport with the desktop's handler of help: URIs (Yelp):
# here a stand-in, first in XDG_DATA_DIRS and the default there, that
# writes down what it was asked to open.
mkdir -p "$tmp/share/applications"
printf '#!/bin/sh\nprintf "%%s\\n" "$@" >"%s"\n' "$tmp/help-uri" >"$tmp/fake-yelp"
chmod +x "$tmp/fake-yelp"
printf '[Desktop Entry]\nType=Application\nName=Help stand-in\nExec=%s %%u\nMimeType=x-scheme-handler/help;\nNoDisplay=true\n' \
  "$tmp/fake-yelp" >"$tmp/share/applications/rapport-test-yelp.desktop"
printf '[Default Applications]\nx-scheme-handler/help=rapport-test-yelp.desktop\n' \
  >"$tmp/share/applications/mimeapps.list"
export XDG_DATA_DIRS="$tmp/share:${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"

start_app --db "$db"
win=$(wait_window '^Rapport$')
sleep 1.5
screenshot smoke-board

xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus --sync "$win"
xdotool key --clearmodifiers F1
for _ in $(seq 100); do
  [[ -s $tmp/help-uri ]] && break
  sleep 0.1
done
[[ -s $tmp/help-uri ]] || fail "F1 opened no help"
[[ $(cat "$tmp/help-uri") == help:rapport ]] || fail "F1 opened “$(cat "$tmp/help-uri")”, not help:rapport"

xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus --sync "$win"
xdotool key --clearmodifiers ctrl+q
wait_exit 10
[[ $app_status == 0 ]] || fail "exit status $app_status after Ctrl+Q"
if grep -E 'CRITICAL|WARNING' "$tmp/app.err"; then
  fail "the app logged criticals or warnings"
fi

# The database is intact after a GUI session.
"$RAPPORT_CLI" --db "$db" check >/dev/null || fail "check failed after the GUI ran"
echo "ok: window shown, F1 asked for help:rapport, quit cleanly"
