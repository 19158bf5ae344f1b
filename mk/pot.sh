#!/bin/sh
# Extracts every message of unionkit into po/unionkit.pot (or $1) with
# xgettext. The sources are preprocessed first (UK_XGETTEXT leaves _() and
# N_() as written) so that usage texts built from macros are seen whole.
# Usage: sh mk/pot.sh [OUT.pot]   (CC and CPPFLAGS from the environment)
set -eu
out=${1:-po/unionkit.pot}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cc=${CC:-cc}
# One preprocessor a core: the sources are many and each is quick.
export cc tmp CPPFLAGS="${CPPFLAGS:-}"
ls lib/core/*.c lib/*.c lib/report/*.c cmd/*.c | xargs -P "$(nproc 2>/dev/null || echo 2)" -n 8 sh -c '
	for src in "$@"; do
		i="$tmp/$(echo "$src" | tr / _).c"
		# Only the project'"'"'s own lines: the system headers hold no message.
		$cc -E -C -DUK_XGETTEXT -Ilib/core -Ilib -Ilib/report $CPPFLAGS "$src" |
			awk -v src="$src" '"'"'
				/^# [0-9]+ "/ { f = $3; gsub(/"/, "", f); keep = (f !~ /^\//); next }
				keep { print }'"'"' >"$i" || exit 255
	done' sh
xgettext --from-code=UTF-8 --language=C --no-location --sort-output \
	--package-name=unionkit --msgid-bugs-address=unionkit \
	--keyword=_ --keyword=N_ --keyword=ngettext:1,2 --keyword=uk_err --keyword=uk_err_at:3 \
	--keyword=uk_errf:3 --keyword=uk_usage_error:2 --keyword=uk_bad_value:3 \
	--flag=uk_err:1:c-format --flag=uk_err_at:3:c-format --flag=uk_errf:3:c-format \
	--flag=uk_usage_error:2:c-format \
	-o "$tmp/out.pot" "$tmp"/*.c
# A date in the header would change the file at every run.
sed '/^"POT-Creation-Date:/d' "$tmp/out.pot" >"$out"
