#!/bin/sh
# union-config (union-config(1)): init and the settings forms (KEY [VALUE],
# --unset KEY, --list) each take only their own options; an option given
# to a form that does not take it is a usage error (64) that names both,
# and nothing is read, created or written.
. "$(dirname "$0")/lib.sh"
SQ="'"

# refused_opt FORM OPTION ARGS...: exit 64, "FORM does not take --OPTION"
# and the form's help hint on stderr, nothing on stdout, the books as they
# were.
refused_opt() {
	form=$1 opt=$2
	shift 2
	test_refused 64 "$form does not take --$opt" union-config "$@" &&
	test_grep "^Try ${SQ}union-config $form --help${SQ}" err
}

test_expect_success 'setup: a name' '
	union-config union.name 某某中学工会
'

test_expect_success 'init takes --name and --dry-run; -f and --excel are refused, no file made' '
	refused_opt init format -d new.db init -f csv &&
	refused_opt init format -d new.db init --format json --name 某某中学工会 &&
	refused_opt init excel -d new.db --excel init &&
	no_db_files new.db &&
	union-config -d new.db --dry-run init --name 某某中学工会 2>err &&
	no_db_files new.db
'

test_expect_success 'init refuses the settings options the same way' '
	refused_opt init list -d new.db init --list &&
	refused_opt init unset -d new.db init --unset union.name &&
	no_db_files new.db
'

test_expect_success 'KEY [VALUE] takes --dry-run, not -f or --excel' '
	refused_opt union.name format -f csv union.name &&
	refused_opt union.name excel --excel union.name 别的工会 &&
	union-config --dry-run union.name 别的工会 &&
	test "$(union-config union.name)" = 某某中学工会
'

test_expect_success '--list takes -f and --excel, not --dry-run' '
	refused_opt --list dry-run --dry-run --list &&
	union-config --list -f csv --excel >out.csv &&
	test_grep "^union.name,某某中学工会," out.csv
'

test_expect_success '--unset takes --dry-run, not -f' '
	refused_opt --unset format -f json --unset union.name &&
	union-config --dry-run --unset union.name &&
	test "$(union-config union.name)" = 某某中学工会
'

test_expect_success 'the old usage errors keep their words' '
	test_refused 64 "--name goes with init" union-config --name 别的工会 union.name &&
	test_refused 64 "init takes no other argument" union-config -d new.db init extra &&
	no_db_files new.db
'

test_expect_success 'init -h prints the usage of init alone' '
	union-config init -h >out &&
	test_grep "^usage: union-config init" out &&
	test_must_fail grep -q -- "--unset" out
'

test_done
