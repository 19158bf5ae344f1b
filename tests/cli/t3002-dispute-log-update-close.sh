#!/bin/sh
# dispute-log update and close: open -> mediating -> closed with an outcome;
# every change a dated event in the timeline; dates never run backwards;
# a closed case is changed only by update --reopen --note, and the timeline
# keeps both the close and the reopening; nothing is recovered in a failed
# or withdrawn case. Every refusal leaves the database as it was.
. "$(dirname "$0")/lib.sh"

refused() { c=$1 p=$2; shift 2; test_refused "$c" "$p" dispute-log "$@"; }

# state CASE: status, outcome, recovered, closed as stored.
state() {
	db_query "SELECT status, coalesce(outcome, '-'), coalesce(recovered, '-'), coalesce(closed, '-')
		FROM disputes WHERE case_no = ${SQ}$1${SQ}"
}

# events CASE: the stored timeline, oldest first.
events() {
	db_query "SELECT e.date, e.action, e.status, coalesce(e.outcome, '-'), coalesce(e.note, '-')
		FROM dispute_events e JOIN disputes d ON d.id = e.dispute_id
		WHERE d.case_no = ${SQ}$1${SQ} ORDER BY e.id"
}

open_case() {
	dispute-log open --category wages --employer 某服装厂 --summary "$2" --received "$1" >/dev/null
}

test_expect_success 'setup: six cases received in March 2026' '
	open_case 2026-03-01 欠薪一 &&
	open_case 2026-03-02 欠薪二 &&
	open_case 2026-03-03 欠薪三 &&
	open_case 2026-03-04 欠薪四 &&
	open_case 2026-03-05 欠薪五 &&
	open_case 2026-03-06 欠薪六 &&
	test "$(db_query "SELECT count(*) FROM disputes WHERE status = ${SQ}open${SQ}")" = 6
'

test_expect_success 'update --status mediating --note --date: stored, one event, nothing on stdout' '
	dispute-log update 2026-0001 --status mediating --note 约双方面谈 --date 2026-03-03 >out 2>err &&
	test_must_fail test -s out &&
	test_must_fail test -s err &&
	echo "mediating|-|-|-" >expect &&
	state 2026-0001 >actual &&
	test_cmp expect actual &&
	cat >expect <<-\EOF &&
	2026-03-01|open|open|-|欠薪一
	2026-03-03|mediating|mediating|-|约双方面谈
	EOF
	events 2026-0001 >actual &&
	test_cmp expect actual
'

test_expect_success 'update --note alone adds a dated note, the status stays' '
	dispute-log update 2026-0001 --note 企业同意分期支付 --date 2026-03-05 &&
	echo "mediating|-|-|-" >expect &&
	state 2026-0001 >actual &&
	test_cmp expect actual &&
	events 2026-0001 | sed -n 3p >actual &&
	echo "2026-03-05|note|mediating|-|企业同意分期支付" >expect &&
	test_cmp expect actual
'

test_expect_success 'the same day as the last change is fine; a day before it is refused (65)' '
	dispute-log update 2026-0001 --note 再次约谈 --date 2026-03-05 &&
	refused 65 "dates never run backwards" update 2026-0001 --note 补记 --date 2026-03-04 &&
	refused 65 "dates never run backwards" update 2026-0002 --status mediating --note x --date 2026-03-01
'

test_expect_success 'update: a bad date, an unknown case, an unknown status: 65' '
	refused 65 "2026-02-30" update 2026-0002 --note x --date 2026-02-30 &&
	refused 65 "future" update 2026-0002 --note x --date 2099-01-01 &&
	refused 65 "2026-0099" update 2026-0099 --note x --date 2026-03-10 &&
	refused 65 "resolved" update 2026-0002 --status resolved --date 2026-03-10
'

test_expect_success 'update: no CASE or two, --reopen without --note: 64' '
	refused 64 "" update --note x --date 2026-03-10 &&
	refused 64 "" update 2026-0001 2026-0002 --note x --date 2026-03-10 &&
	refused 64 "note" update 2026-0001 --reopen --date 2026-03-10
'

test_expect_success 'show lists the timeline in order' '
	dispute-log show 2026-0001 -f csv >out &&
	sed -n "/^case_no,date,/,\$p" out | cut -d, -f1-6 >actual &&
	cat >expect <<-\EOF &&
	case_no,date,action,status,outcome,note
	2026-0001,2026-03-01,open,open,,欠薪一
	2026-0001,2026-03-03,mediating,mediating,,约双方面谈
	2026-0001,2026-03-05,note,mediating,,企业同意分期支付
	2026-0001,2026-03-05,note,mediating,,再次约谈
	EOF
	test_cmp expect actual
'

test_expect_success 'close resolved with the amount recovered and a note' '
	dispute-log close 2026-0001 --outcome resolved --recovered 12,000.50 --date 2026-03-12 \
		--note 签订调解协议书 >out 2>err &&
	test_must_fail test -s out &&
	test_must_fail test -s err &&
	echo "closed|resolved|1200050|2026-03-12" >expect &&
	state 2026-0001 >actual &&
	test_cmp expect actual &&
	events 2026-0001 | tail -n 1 >actual &&
	echo "2026-03-12|close|closed|resolved|签订调解协议书" >expect &&
	test_cmp expect actual
'

test_expect_success 'close with each other outcome; referred may carry an amount' '
	dispute-log close 2026-0002 --outcome failed --date 2026-03-10 &&
	dispute-log close 2026-0003 --outcome referred --recovered 500 --date 2026-03-11 &&
	dispute-log close 2026-0004 --outcome withdrawn --date 2026-03-04 &&
	for c in 2026-0002 2026-0003 2026-0004; do state $c; done >actual &&
	cat >expect <<-\EOF &&
	closed|failed|-|2026-03-10
	closed|referred|50000|2026-03-11
	closed|withdrawn|-|2026-03-04
	EOF
	test_cmp expect actual
'

test_expect_success 'an amount recovered is refused for a failed or a withdrawn case (65)' '
	refused 65 "failed" close 2026-0005 --outcome failed --recovered 100 --date 2026-03-10 &&
	refused 65 "withdrawn" close 2026-0005 --outcome withdrawn --recovered 100 --date 2026-03-10
'

test_expect_success 'a bad amount recovered is refused (65)' '
	refused 65 "recovered.*-100" close 2026-0005 --outcome resolved --recovered -100 --date 2026-03-10 &&
	refused 65 "recovered.*1\.005" close 2026-0005 --outcome resolved --recovered 1.005 --date 2026-03-10
'

test_expect_success 'closed before received is refused: dates never run backwards (65)' '
	refused 65 "dates never run backwards" close 2026-0005 --outcome resolved --date 2026-03-04 &&
	refused 65 "dates never run backwards" close 2026-0006 --outcome failed --date 2026-02-28
'

test_expect_success 'closing twice is refused (65), whatever the outcome' '
	refused 65 "already closed" close 2026-0002 --outcome failed --date 2026-03-20 &&
	refused 65 "already closed" close 2026-0001 --outcome resolved --date 2026-03-20
'

test_expect_success 'close: an unknown case or outcome 65; no --outcome or no CASE 64' '
	refused 65 "2026-0099" close 2026-0099 --outcome resolved --date 2026-03-20 &&
	refused 65 "settled" close 2026-0005 --outcome settled --date 2026-03-20 &&
	refused 64 "outcome" close 2026-0005 --date 2026-03-20 &&
	refused 64 "" close --outcome resolved --date 2026-03-20
'

test_expect_success 'a closed case cannot be updated (65)' '
	refused 65 "closed" update 2026-0001 --note 回访 --date 2026-03-20 &&
	refused 65 "closed" update 2026-0002 --status mediating --note x --date 2026-03-20
'

test_expect_success 'reopening a case that is not closed is refused (65)' '
	refused 65 "not closed" update 2026-0005 --reopen --note x --date 2026-03-20
'

test_expect_success 'update --reopen --note reopens; the timeline keeps the close and the reopening' '
	dispute-log update 2026-0002 --reopen --note 企业同意重新调解 --date 2026-03-15 >out 2>err &&
	test_must_fail test -s out &&
	test "$(db_query "SELECT status FROM disputes WHERE case_no = ${SQ}2026-0002${SQ}")" = mediating &&
	cat >expect <<-\EOF &&
	2026-03-02|open|open|-|欠薪二
	2026-03-10|close|closed|failed|-
	2026-03-15|reopen|mediating|-|企业同意重新调解
	EOF
	events 2026-0002 >actual &&
	test_cmp expect actual
'

test_expect_success 'the reopening cannot be dated before the close (65)' '
	refused 65 "dates never run backwards" update 2026-0003 --reopen --note x --date 2026-03-10
'

test_expect_success 'a reopened case is closed again: both closes in the timeline' '
	dispute-log close 2026-0002 --outcome resolved --recovered 3000 --date 2026-03-18 &&
	echo "closed|resolved|300000|2026-03-18" >expect &&
	state 2026-0002 >actual &&
	test_cmp expect actual &&
	events 2026-0002 | cut -d"|" -f1-4 >actual &&
	cat >expect <<-\EOF &&
	2026-03-02|open|open|-
	2026-03-10|close|closed|failed
	2026-03-15|reopen|mediating|-
	2026-03-18|close|closed|resolved
	EOF
	test_cmp expect actual &&
	dispute-log show 2026-0002 -f csv | grep -c "^2026-0002,2026-03-1[058]," >actual &&
	echo 3 >expect &&
	test_cmp expect actual
'

test_expect_success 'nothing deleted: one row per case, events only ever added' '
	test "$(db_query "SELECT count(*) FROM disputes")" = 6 &&
	test "$(db_query "SELECT count(*) FROM dispute_events")" = 15
'

test_done
