#!/bin/sh
# check-translations.sh SOURCE_ROOT — every translation is complete.
#
# Extracts the messages from po/POTFILES.in as the build's gettext preset
# (glib) does, merges each language of po/LINGUAS with them in a temporary
# folder (the sources are not touched) and fails when a language has an
# untranslated or fuzzy message, or msgfmt --check finds a fault. Skipped
# (77) when gettext's tools are missing.
set -eu
top=$1
for tool in xgettext msgmerge msgfmt; do
  command -v "$tool" >/dev/null 2>&1 || exit 77
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$top"
xgettext --from-code=UTF-8 --files-from=po/POTFILES.in --directory=. \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --keyword=ngettext:1,2 --add-comments=Translators --package-name=rapport \
  -o "$tmp/rapport.pot"

status=0
for lang in $(grep -v '^#' po/LINGUAS); do
  msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.po" "po/$lang.po" "$tmp/rapport.pot"
  stats=$(msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>&1) || {
    echo "$lang: msgfmt --check failed: $stats"
    status=1
    continue
  }
  echo "$lang: $stats"
  case $stats in
    *untranslated*|*fuzzy*) status=1 ;;
  esac
done
exit $status
