#!/bin/bash
# check-deb.sh SRCDIR — the Debian package built from the tree, checked,
# installed with apt, run, and removed without a trace (#15)
#
# It installs into the system itself, so it runs only where that is
# wanted: in CI (CI=true, a fresh machine) or with RAPPORT_TEST_PACKAGE=1;
# elsewhere it is skipped (a TAP plan of none). Everything it installs it removes again
# before it ends, so the tests after it see the machine as before.
set -euo pipefail

src=$1
# The sanitizer tree runs beside the plain one: one package check, from
# the plain tree, is enough, and two would fight over dpkg's lock.
if [[ ${RAPPORT_TEST_SANITIZED:-} == 1 ]]; then
  echo "1..0 # SKIP the package is checked from the plain tree"
  exit 0
fi
if [[ ${CI:-} != true && ${RAPPORT_TEST_PACKAGE:-} != 1 ]]; then
  echo "1..0 # SKIP the package is built and installed only in CI (or with RAPPORT_TEST_PACKAGE=1)"
  exit 0
fi
for tool in dpkg-buildpackage dh lintian apt-get; do
  if ! command -v "$tool" >/dev/null; then
    echo "1..0 # SKIP $tool is not installed"
    exit 0
  fi
done

work=$(mktemp -d)
trap 'apt-get purge -y rapport >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
n=0
fail=0
ok() { n=$((n + 1)); echo "ok $n $1"; }
not_ok() { n=$((n + 1)); fail=1; echo "not ok $n $1"; }

echo "1..6"
if "$src/build-aux/build-deb" "$work" > "$work/build.log" 2>&1; then
  ok "dpkg-buildpackage built the package"
else
  tail -30 "$work/build.log" | sed 's/^/# /'
  not_ok "dpkg-buildpackage built the package"
  exit 1
fi
deb=$(ls "$work"/rapport_*.deb | head -1)

# What it holds: the programs, the desktop integration, the translations.
contents=$(dpkg-deb -c "$deb")
missing=""
for path in ./usr/bin/rapport ./usr/bin/rapport-cli ./usr/share/applications/io.github.rapportcrm.Rapport.desktop \
            ./usr/share/metainfo/io.github.rapportcrm.Rapport.metainfo.xml \
            ./usr/share/glib-2.0/schemas/io.github.rapportcrm.Rapport.gschema.xml \
            ./usr/share/dbus-1/services/io.github.rapportcrm.Rapport.service \
            ./usr/share/gnome-shell/search-providers/io.github.rapportcrm.Rapport.search-provider.ini \
            ./usr/share/icons/hicolor/scalable/apps/io.github.rapportcrm.Rapport.svg \
            ./usr/share/locale/he/LC_MESSAGES/rapport.mo; do
  grep -q " $path\$" <<< "$contents" || missing="$missing $path"
done
if [[ -z $missing ]]; then ok "the package holds every file"; else not_ok "the package lacks:$missing"; fi

# lintian's errors fail; its warnings are printed.
if lintian --tag-display-limit 0 "$deb" > "$work/lintian.log" 2>&1 || ! grep -q '^E:' "$work/lintian.log"; then
  sed 's/^/# /' "$work/lintian.log"
  ok "lintian finds no error"
else
  sed 's/^/# /' "$work/lintian.log"
  not_ok "lintian finds no error"
fi

# apt installs it with what it depends on, as a user would.
if DEBIAN_FRONTEND=noninteractive apt-get install -y "$deb" > "$work/install.log" 2>&1; then
  ok "apt installs the package"
else
  tail -20 "$work/install.log" | sed 's/^/# /'
  not_ok "apt installs the package"
  exit 1
fi

db="$work/home/rapport.db"
mkdir -p "$work/home"
if /usr/bin/rapport-cli --help > "$work/help.txt" 2>&1 && grep -q "pipeline list" "$work/help.txt" &&
   /usr/bin/rapport-cli --db "$db" init > /dev/null && /usr/bin/rapport-cli --db "$db" stage list | grep -q Prospecting &&
   /usr/bin/rapport --version | grep -q '^rapport '; then
  ok "the installed rapport-cli and rapport run"
else
  sed 's/^/# /' "$work/help.txt"
  not_ok "the installed rapport-cli and rapport run"
fi

files=$(dpkg -L rapport | while read -r f; do if [[ -f $f ]]; then echo "$f"; fi; done)
if DEBIAN_FRONTEND=noninteractive apt-get purge -y rapport > "$work/purge.log" 2>&1; then
  left=$(for f in $files; do if [[ -e $f ]]; then echo "$f"; fi; done)
  if [[ -z $left ]]; then ok "apt removes it without a trace"; else not_ok "left behind: $left"; fi
else
  not_ok "apt removes it without a trace"
fi
exit $fail
