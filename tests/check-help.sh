#!/bin/sh
# check-help.sh SOURCE_ROOT listed|validate — the help pages (help/C/).
#
# listed:   every help/C/*.page is in help/meson.build's help_pages, and
#           every page listed there exists (a page left out is never
#           installed, and Yelp shows a broken link to it).
# validate: yelp-check validates every page against Mallard's schema, and
#           finds no page whose id is not its file name, no link to a page
#           or section that does not exist and no page nothing links to.
#           Skipped (77) without yelp-check (Debian: yelp-tools).
set -eu
top=$1
mode=$2
cd "$top/help"

case $mode in
  listed)
    status=0
    listed=$(sed -n "s/^ *'\([^']*\.page\)',\$/\1/p" meson.build)
    for page in C/*.page; do
      name=${page#C/}
      if ! printf '%s\n' "$listed" | grep -qxF "$name"; then
        echo "$name is not listed in help/meson.build"
        status=1
      fi
    done
    for name in $listed; do
      if [ ! -f "C/$name" ]; then
        echo "help/meson.build lists $name, which help/C/ lacks"
        status=1
      fi
    done
    [ -n "$listed" ] || { echo "no pages found in help/meson.build"; status=1; }
    exit $status
    ;;
  validate)
    command -v yelp-check >/dev/null 2>&1 || exit 77
    cd C
    status=0
    for check in validate ids links orphans; do
      if ! yelp-check "$check" *.page; then
        echo "yelp-check $check failed"
        status=1
      fi
    done
    exit $status
    ;;
  *)
    echo "usage: check-help.sh SOURCE_ROOT listed|validate" >&2
    exit 2
    ;;
esac
