#!/bin/sh
# dispute-log ls --overdue --at DATE: disputes still open at DATE more than
# 15 days after they were received (the mediation law's Art. 14, doc/domain.md:
# received 2026-03-01 is overdue from 2026-03-17 on), with the days elapsed.
# Cases closed before DATE and petitions are never listed.
. "$(dirname "$0")/lib.sh"

refused() { c=$1 p=$2; shift 2; test_refused "$c" "$p" dispute-log "$@"; }

open_case() {
	dispute-log open --category wages --employer 某工厂 --received "$@" >/dev/null
}

# overdue DATE [ARGS...]: case_no,days of the cases overdue at DATE.
overdue() {
	at=$1
	shift
	dispute-log ls --overdue --at "$at" -f csv "$@" >ls.out || return 1
	head -n 1 ls.out | grep -q ",days\$" || { echo "no days column" >&2; return 1; }
	sed 1d ls.out | awk -F, "{ print \$1 \",\" \$NF }"
}

test_expect_success 'setup: disputes and a petition around March 2026' '
	open_case 2026-03-01 --summary 三月一日收案 &&
	open_case 2026-03-01 --summary 同日信访 --kind petition &&
	open_case 2026-02-20 --summary 已调解结案 &&
	dispute-log close 2026-0003 --outcome resolved --date 2026-03-10 &&
	open_case 2026-02-25 --summary 调解中 &&
	dispute-log update 2026-0004 --status mediating --note 调解中 --date 2026-03-02 &&
	open_case 2026-02-26 --summary 三月二十日结案 &&
	dispute-log close 2026-0005 --outcome failed --date 2026-03-20 &&
	open_case 2026-03-10 --summary 三月十日收案 &&
	open_case 2026-03-20 --summary 三月二十日收案 &&
	open_case 2026-02-10 --summary 结案后重新调解 &&
	dispute-log close 2026-0008 --outcome failed --date 2026-03-05 &&
	dispute-log update 2026-0008 --reopen --note 重新调解 --date 2026-03-09 &&
	test "$(db_query "SELECT count(*) FROM disputes")" = 8
'

test_expect_success 'received 2026-03-01: not overdue at 2026-03-16 (15 days), overdue at 2026-03-17 (16)' '
	overdue 2026-03-16 >actual &&
	test_must_fail grep "^2026-0001," actual &&
	overdue 2026-03-17 >actual &&
	test_grep "^2026-0001,16\$" actual
'

test_expect_success 'the list at 2026-03-17, oldest first, with the days elapsed' '
	overdue 2026-03-17 >actual &&
	cat >expect <<-\EOF &&
	2026-0008,35
	2026-0004,20
	2026-0005,19
	2026-0001,16
	EOF
	test_cmp expect actual
'

test_expect_success 'a case closed before DATE is not listed; one closed after it was still open then' '
	overdue 2026-03-17 >actual &&
	test_must_fail grep "^2026-0003," actual &&
	test_grep "^2026-0005," actual &&
	overdue 2026-03-25 >actual &&
	test_must_fail grep "^2026-0005," actual &&
	test_must_fail grep "^2026-0003," actual
'

test_expect_success 'petitions are never listed as overdue' '
	for d in 2026-03-17 2026-04-30 2026-06-30; do
		overdue $d >actual || exit 1
		test_must_fail grep "^2026-0002," actual || exit 1
	done &&
	dispute-log ls --overdue --at 2026-06-30 --kind petition -f csv | sed 1d >actual &&
	test_must_fail test -s actual
'

test_expect_success 'later: the case of 2026-03-10 is overdue from 2026-03-26, 2026-03-20 from 2026-04-05' '
	overdue 2026-03-25 >actual &&
	test_must_fail grep "^2026-0006," actual &&
	overdue 2026-03-26 >actual &&
	test_grep "^2026-0006,16\$" actual &&
	test_must_fail grep "^2026-0007," actual &&
	overdue 2026-04-05 >actual &&
	test_grep "^2026-0007,16\$" actual &&
	test_grep "^2026-0001,35\$" actual
'

test_expect_success 'a case received after DATE is not overdue at DATE' '
	overdue 2026-03-19 >actual &&
	test_must_fail grep "^2026-0007," actual
'

test_expect_success 'the overdue list carries the whole case plus days; json days is a number' '
	dispute-log ls --overdue --at 2026-03-17 -f csv | grep "^2026-0001," >actual &&
	echo "2026-0001,dispute,2026-03-01,,wages,某工厂,,1,,三月一日收案,open,,,,,16" >expect &&
	test_cmp expect actual &&
	dispute-log ls --overdue --at 2026-03-17 -f json >out &&
	python3 - out <<-\EOF
	import json, sys
	rows = json.load(open(sys.argv[1], encoding="utf-8"))
	assert [(r["case_no"], r["days"]) for r in rows] == [
	    ("2026-0008", 35), ("2026-0004", 20), ("2026-0005", 19), ("2026-0001", 16)], rows
	EOF
'

test_expect_success 'ls without --overdue has no days column' '
	dispute-log ls -f csv >out &&
	test_must_fail grep ",days" out
'

test_expect_success 'the time limit is the union-config setting disputes.limit_days' '
	union-config disputes.limit_days 20 &&
	overdue 2026-03-17 >actual &&
	echo "2026-0008,35" >expect &&
	test_cmp expect actual &&
	union-config --unset disputes.limit_days &&
	overdue 2026-03-17 >actual &&
	test "$(wc -l <actual)" = 4
'

test_expect_success 'a bad --at is refused (65)' '
	refused 65 "2026-02-30" ls --overdue --at 2026-02-30
'

test_done
