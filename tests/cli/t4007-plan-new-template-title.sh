#!/bin/sh
# plan-new --template titles the skeleton with the union's name when
# union-config has one (# 2027年某某中学工会工作计划), else with the
# generic title (# 2027年某某工会工作计划). It reads the database only when
# the file is there: without one it prints the generic skeleton and creates
# nothing; a file that is not a unionkit database is refused.
. "$(dirname "$0")/lib.sh"

test_expect_success 'no database at all: the generic title, exit 0, no file created' '
	plan-new --year 2027 --template --db none.db >tpl 2>err &&
	test_must_fail test -s err &&
	test_must_fail test -e none.db &&
	head -n 1 tpl >actual &&
	echo "# 2027年某某工会工作计划" >expect &&
	test_cmp expect actual &&
	UNIONKIT_DB=$TRASH/gone.db plan-new --year 2027 --template >tpl2 &&
	test_cmp tpl tpl2 &&
	test_must_fail test -e gone.db
'

test_expect_success 'a database without union.name: the same generic skeleton' '
	plan-new --year 2027 --template >tpl3 2>err &&
	test_must_fail test -s err &&
	test_cmp tpl tpl3
'

test_expect_success 'with union.name: the name and the year in the title, the rest unchanged' '
	union-config union.name 某某中学工会 &&
	db_dump >before &&
	plan-new --year 2027 --template >named 2>err &&
	test_must_fail test -s err &&
	db_dump >after &&
	test_cmp before after &&
	head -n 1 named >actual &&
	echo "# 2027年某某中学工会工作计划" >expect &&
	test_cmp expect actual &&
	sed 1d tpl >expect &&
	sed 1d named >actual &&
	test_cmp expect actual
'

test_expect_success 'the named skeleton is canonical: stored and printed back byte for byte' '
	plan-new --year 2027 named >stored &&
	test_cmp named stored &&
	test "$(db_query "SELECT title FROM plans WHERE year = 2027")" = 2027年某某中学工会工作计划
'

test_expect_success '--db names the database whose union.name titles the skeleton' '
	union-config -q init -d other.db &&
	union-config -d other.db union.name 某某公司工会 &&
	plan-new --year 2028 --template -d other.db | head -n 1 >actual &&
	echo "# 2028年某某公司工会工作计划" >expect &&
	test_cmp expect actual
'

test_expect_success 'a file that is not a unionkit database is refused, nothing printed' '
	echo "not a database" >junk.db &&
	test_expect_code 69 plan-new --year 2027 --template -d junk.db >out 2>err &&
	test_must_fail test -s out &&
	test_grep "^plan-new: .*junk.db" err
'

test_done
