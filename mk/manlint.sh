#!/bin/sh
# Lints the man pages at mandoc's style level. Cross-references between
# unionkit's own pages are checked against a database of those pages; a
# reference to another program's page (jq, ledger, cron ...) is not an
# error when the build machine lacks that program, so those few are named
# here and let through. Usage: sh mk/manlint.sh PAGE...
set -u
tmp=$(mktemp -d "${TMPDIR:-/tmp}/uk-man.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
for page in "$@"; do
	sec=${page##*.}
	mkdir -p "$tmp/man$sec" && cp "$page" "$tmp/man$sec/" || exit 1
done
makewhatis -D "$tmp" >/dev/null 2>&1 || { echo "manlint: makewhatis failed" >&2; exit 1; }
out=$(MANPATH=$tmp mandoc -Tlint -W style "$@" 2>&1 |
	grep -v -E 'referenced manual not found: Xr (cp 1|cron 8|crontab 1|date 1|git-config 1|hledger 1|iconv 3|jq 1|ledger 1|sh 1|sqlite3 1)( \([0-9]+ times\))?$')
if [ -n "$out" ]; then
	echo "$out"
	exit 1
fi
