#!/bin/sh
# Checks the message catalogues against the source: every message that
# mk/pot.sh extracts from the tree in the current directory has a
# translation in each po/LANG.po that is neither missing nor fuzzy, and
# po/unionkit.pot is the template of today's source. Prints each fault on
# a line; exit 1 on any, 0 when all is in order.
# Usage: sh tests/tools/catalogue.sh LANG...
# UK_FRESH_POT=FILE: the template of this very source, extracted already
# (a test that changes only the catalogues need not extract it again).
set -u
tmp=$(mktemp -d "${TMPDIR:-/tmp}/uk-pot.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
if [ -n "${UK_FRESH_POT:-}" ]; then
	cp "$UK_FRESH_POT" "$tmp/fresh.pot" || exit 2
else
	sh mk/pot.sh "$tmp/fresh.pot" || { echo "catalogue: xgettext failed"; exit 2; }
fi
bad=0
if ! cmp -s "$tmp/fresh.pot" po/unionkit.pot; then
	echo "po/unionkit.pot: not the template of the source (run make pot)"
	bad=1
fi
for l in "$@"; do
	msgmerge -q --no-location -o "$tmp/$l.po" "po/$l.po" "$tmp/fresh.pot" || exit 2
	# Messages without a translation, and fuzzy ones, named by their msgid.
	msgattrib --untranslated --no-obsolete --no-location "$tmp/$l.po" >"$tmp/un.po"
	msgattrib --only-fuzzy --no-obsolete --no-location "$tmp/$l.po" >"$tmp/fz.po"
	for f in un fz; do
		[ "$f" = un ] && what=untranslated || what=fuzzy
		msgexec -i "$tmp/$f.po" sh -c '[ "$MSGEXEC_MSGID" ] && printf "%s\n" "$MSGEXEC_MSGID" | head -1' 2>/dev/null |
			while IFS= read -r id; do
				[ -n "$id" ] && echo "po/$l.po: $what: $id"
			done
	done >"$tmp/faults"
	if [ -s "$tmp/faults" ]; then
		cat "$tmp/faults"
		bad=1
	fi
	# A message that starts "PROG: " (or "FILE: ", "FILE:LINE: ") keeps that prefix as it is,
	# ASCII colon and space, so that scripts still find it.
	python3 - "$tmp/$l.po" "po/$l.po" >"$tmp/prefix" <<-'PY'
	import re, sys
	for b in open(sys.argv[1], encoding="utf-8").read().split("\n\n"):
	    mid = "".join(re.findall(r'"(.*)"', b.split("msgid")[1].split("msgstr")[0])) if "msgid" in b else ""
	    ms = re.search(r'msgstr(?:\[0\])? ((?:".*"\n?)+)', b)
	    mstr = "".join(re.findall(r'"(.*)"', ms.group(1))) if ms else ""
	    pre = re.match(r"(%s:(?:%s|%ld): |%s: )", mid)
	    if pre and mstr and not mstr.startswith(pre.group(1)):
	        print(f"{sys.argv[2]}: prefix changed: {mid}")
	PY
	if [ -s "$tmp/prefix" ]; then
		cat "$tmp/prefix"
		bad=1
	fi
	# msgfmt's own count, and its check of the formats (%s against %s).
	if ! msgfmt --check --statistics -o /dev/null "$tmp/$l.po" 2>"$tmp/stat"; then
		cat "$tmp/stat"
		bad=1
	elif grep -q 'untranslated\|fuzzy' "$tmp/stat"; then
		echo "po/$l.po: $(cat "$tmp/stat")"
		bad=1
	fi
done
exit $bad
