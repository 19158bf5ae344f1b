# tests/cli/lib.sh - the shell test harness: TAP out, a fresh directory per
# script, strict exit-code checks. Sourced by every tests/cli/tNNNN-*.sh.
set -u
UK_TOP=${UK_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
UK_BIN=${UK_BIN:-$UK_TOP/build/bin}
PATH=$UK_BIN:$PATH
DATA=$UK_TOP/tests/data
export PATH UK_TOP DATA
unset UNIONKIT_DB
export TZ=Asia/Shanghai LC_ALL=C.UTF-8
# English messages unless a test asks for Chinese (zh below).
unset LANGUAGE LANG LC_MESSAGES
# The system's python3, not a version manager's shim found first on PATH: a
# shim costs a third of a second a call, and the suite makes hundreds.
if [ -x /usr/bin/python3 ]; then
	python3() { /usr/bin/python3 "$@"; }
fi

TRASH=$(mktemp -d "${TMPDIR:-/tmp}/uk-test.XXXXXX")
[ -n "${UK_KEEP:-}" ] || trap 'rm -rf "$TRASH"' EXIT
cd "$TRASH" || exit 1
export UNIONKIT_DB="$TRASH/union.db"
# Only union-config init creates a database: every script starts with one,
# as a secretary's first command makes it, unless it tests that very step
# (UK_NO_INIT=1 before sourcing this file).
if [ -z "${UK_NO_INIT:-}" ]; then
	union-config -q init || { echo "Bail out! union-config init failed"; exit 1; }
fi

# zh CMD...: CMD in the secretary's locale, zh_CN.UTF-8 (mk/deps.sh makes
# it; a machine without it cannot test the Chinese messages, and says so).
zh() {
	LC_ALL=zh_CN.UTF-8 "$@"
}
zh_locale_check() {
	locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$' ||
		{ echo "Bail out! no zh_CN.UTF-8 locale: run mk/deps.sh as root"; exit 1; }
}

test_count=0
test_failed=0
test_prereqs=,
# A single quote, for test bodies that are themselves in single quotes.
SQ="'"

# test_set_prereq NAME: a test that names NAME may run.
test_set_prereq() {
	test_prereqs="$test_prereqs$1,"
}

# test_have_prereq NAME[,NAME...]: every NAME is set (!NAME: is not set);
# those that fail are left in $test_missing_prereq.
test_have_prereq() {
	test_missing_prereq=
	test_rest_=$1,
	while [ -n "$test_rest_" ]; do
		test_p_=${test_rest_%%,*}
		test_rest_=${test_rest_#*,}
		case $test_p_ in
		!*) case $test_prereqs in *,"${test_p_#!}",*) ;; *) continue ;; esac ;;
		*) case $test_prereqs in *,"$test_p_",*) continue ;; esac ;;
		esac
		test_missing_prereq=${test_missing_prereq:+$test_missing_prereq,}$test_p_
	done
	[ -z "$test_missing_prereq" ]
}

# Bodies run through a function, so that "return 1" ends one early.
test_eval_inner_() {
	eval "$1"
}

fail_117() {
	return 117
}

# test_run_ BODY, in the test's subshell. First the chain lint: a body whose
# commands are all joined by && does nothing after a failing first command,
# so "fail_117 && BODY" returns 117; any other status means a command after
# a ';', a newline or a '&' ran, and its failure would go unseen. Only then
# the body, then what test_when_finished queued, whatever the body did.
test_run_() {
	test_eval_inner_ "fail_117 && $1" </dev/null >/dev/null 2>&1
	if [ $? -ne 117 ]; then
		echo broken >"$TRASH/.lint"
		echo "broken && chain:$1" >&2
		return 1
	fi
	echo linted >"$TRASH/.lint"
	test_cleanup=:
	test_cleanup_failed=
	test_eval_inner_ "$1"
	test_ret_=$?
	test_eval_inner_ "$test_cleanup"
	if [ -n "$test_cleanup_failed" ]; then
		echo "test_when_finished: a cleanup command failed" >&2
		[ "$test_ret_" -ne 0 ] || test_ret_=1
	fi
	return "$test_ret_"
}

# test_expect_success [PREREQ] 'what it checks' 'commands chained with &&'
# Without PREREQ (NAME[,NAME...], see test_have_prereq) the test is skipped.
test_expect_success() {
	test_count=$((test_count + 1))
	if [ $# -eq 3 ]; then
		if ! test_have_prereq "$1"; then
			echo "ok $test_count # skip $2 (missing $test_missing_prereq)"
			return 0
		fi
		shift
	fi
	: >"$TRASH/.lint"
	(test_run_ "$2") >"$TRASH/.out" 2>&1
	test_ret_=$?
	read -r test_linted_ <"$TRASH/.lint" || test_linted_=
	if [ -z "$test_linted_" ]; then
		# An exit after a broken chain ended the lint pass itself.
		echo "broken && chain:$2" >>"$TRASH/.out"
	fi
	if [ "$test_ret_" -eq 0 ] && [ "$test_linted_" = linted ]; then
		echo "ok $test_count - $1"
	else
		echo "not ok $test_count - $1"
		sed 's/^/#   /' "$TRASH/.out"
		test_failed=$((test_failed + 1))
	fi
}

# test_when_finished 'cmd': inside a test body, runs cmd after the body,
# whether it passed or not (the last queued first); a failing cmd fails the
# test.
test_when_finished() {
	if [ -z "${test_cleanup:-}" ]; then
		echo "test_when_finished outside a test body" >&2
		return 1
	fi
	test_cleanup="{ $*
} || test_cleanup_failed=1; $test_cleanup"
}

# test_expect_code CODE cmd...: runs cmd, which must exit with exactly CODE.
test_expect_code() {
	want=$1
	shift
	"$@"
	got=$?
	if [ "$got" -ne "$want" ]; then
		echo "expected exit $want, got $got: $*" >&2
		return 1
	fi
	return 0
}

# test_must_fail cmd...: a failure exit (1..125), never success nor a signal.
test_must_fail() {
	"$@"
	got=$?
	if [ "$got" -eq 0 ] || [ "$got" -gt 125 ]; then
		echo "expected failure, got $got: $*" >&2
		return 1
	fi
	return 0
}

# test_might_fail cmd...: any exit status but a signal's (or 126/127: the
# command could not run); for a command whose failure does not matter.
test_might_fail() {
	"$@"
	got=$?
	if [ "$got" -gt 125 ]; then
		echo "test_might_fail: died or could not run ($got): $*" >&2
		return 1
	fi
	return 0
}

# test_cmp expected actual
test_cmp() {
	diff -u "$1" "$2"
}

# db_dump [DB]: the whole database as SQL, to compare before and after.
# test_must_be_empty FILE: FILE is there and empty; else its text is shown.
test_must_be_empty() {
	test -f "$1" || { echo "no file $1" >&2; return 1; }
	if test -s "$1"; then
		echo "'$1' is not empty:" >&2
		head -20 "$1" >&2
		return 1
	fi
}

db_dump() {
	sqlite3 "${1:-$UNIONKIT_DB}" .dump
}

# db_query SQL [DB]
db_query() {
	sqlite3 "${2:-$UNIONKIT_DB}" "$1"
}

# no_db_files PATH...: no database file, nor any journal beside it, exists
# at any PATH (a refused command created nothing).
no_db_files() {
	for f in "$@"; do
		for s in "" -wal -shm -journal; do
			if [ -e "$f$s" ]; then
				echo "$f$s exists" >&2
				return 1
			fi
		done
	done
}

# test_grep PATTERN FILE: like grep -q, but shows the file when it fails.
test_grep() {
	if ! grep -q -- "$1" "$2"; then
		echo "no '$1' in $2:" >&2
		cat "$2" >&2
		return 1
	fi
}

test_done() {
	echo "1..$test_count"
	[ "$test_failed" -eq 0 ]
}

# test_refused CODE PATTERN TOOL ARGS...: TOOL exits with exactly CODE,
# says PATTERN on stderr after its name, prints nothing on stdout, and the
# database is byte for byte what it was.
test_refused() {
	code=$1 pattern=$2 tool=$3
	shift 3
	db_dump >before &&
	{ test_expect_code "$code" "$tool" "$@" >out 2>err || { cat err >&2; return 1; }; } &&
	test_grep "^$tool: .*$pattern" err &&
	test_must_fail test -s out &&
	db_dump >after &&
	test_cmp before after
}

. "$UK_TOP/tests/cli/lib-fixtures.sh"
