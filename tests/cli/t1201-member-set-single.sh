#!/bin/sh
# member-set MEMBER: status with its date, roles (doc/domain.md: audit committee
# and chair refused), hardship, group, unit, wage base; every change a
# dated event; nothing written on a refusal.
. "$(dirname "$0")/lib.sh"
TODAY=$(date +%F)

events() {
	db_query "SELECT m.member_no, e.date, e.field, coalesce(e.old_value, ${SQ}-${SQ}),
		coalesce(e.new_value, ${SQ}-${SQ}), coalesce(e.note, ${SQ}-${SQ}) FROM member_events e
		JOIN members m ON m.id = e.member_id WHERE m.member_no = ${SQ}$1${SQ} ORDER BY e.id"
}

roles() {
	db_query "SELECT group_concat(role, ${SQ};${SQ}) FROM (SELECT r.role FROM member_roles r
		JOIN members m ON m.id = r.member_id WHERE m.member_no = ${SQ}$1${SQ} ORDER BY r.role)"
}

# refused CODE PATTERN ARGS...: member-set exits CODE, says PATTERN, and the
# database is unchanged.
refused() {
	code=$1 pattern=$2
	shift 2
	db_dump >before &&
	test_expect_code "$code" member-set "$@" >out 2>err &&
	test_grep "^member-set: .*$pattern" err &&
	test_must_fail test -s out &&
	db_dump >after &&
	test_cmp before after
}

test_expect_success 'setup: four members' '
	member-add -q "$DATA/members-hr-utf8.csv" &&
	member-add -q "$DATA/members.json" &&
	test "$(db_query "SELECT count(*) FROM members")" = 6
'

test_expect_success 'a retirement: status and its date, with a note in the history' '
	member-set 000003 --status retired --date 2024-07-01 --note 到龄退休 >out 2>err &&
	echo "member-set: 000003: 1 change" >expect &&
	test_cmp expect err &&
	test_must_fail test -s out &&
	test "$(db_query "SELECT status, status_date FROM members WHERE member_no = ${SQ}000003${SQ}")" = "retired|2024-07-01" &&
	events 000003 >actual &&
	echo "000003|2024-07-01|status|active|retired|到龄退休" >expect &&
	test_cmp expect actual &&
	member-ls --history 000003 -f csv | sed -n 3p | cut -d, -f1-6 >actual &&
	echo "2024-07-01,000003,status,active,retired,到龄退休" >expect &&
	test_cmp expect actual
'

test_expect_success '--status without --date is a usage error (64), nothing written' '
	refused 64 "date" 000001 --status left
'

test_expect_success 'the date may be written in the other forms' '
	member-set -q 000004 --status left --date 2025年3月1日 &&
	test "$(db_query "SELECT status, status_date FROM members WHERE member_no = ${SQ}000004${SQ}")" = "left|2025-03-01"
'

test_expect_success 'a date that does not exist is refused (65)' '
	refused 65 "2026-02-30" 000001 --status left --date 2026-02-30
'

test_expect_success 'an unknown status is refused (65)' '
	refused 65 "status.*gone" 000001 --status gone --date 2026-01-01
'

test_expect_success 'a status change dated before the last one is refused (65)' '
	refused 65 "2024-07-01" 000003 --status left --date 2024-01-01
'

test_expect_success 'the same status again is no change: no event, nothing written' '
	db_dump >before &&
	member-set 000003 --status retired --date 2024-07-01 2>err &&
	echo "member-set: 000003: 0 changes" >expect &&
	test_cmp expect err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'an unknown member is 65, nothing written' '
	refused 65 "999999" 999999 --hardship deep &&
	refused 65 "E9999" E9999 --by employee_no --unit 教务处
'

test_expect_success 'hardship, group, unit, wage base: each one event, dated today' '
	member-set 000001 --hardship deep --group 第一小组 --unit 总务处 --wage-base "5,680" 2>err &&
	echo "member-set: 000001: 4 changes" >expect &&
	test_cmp expect err &&
	db_query "SELECT hardship, union_group, unit, wage_base FROM members WHERE member_no = ${SQ}000001${SQ}" >actual &&
	echo "deep|第一小组|总务处|568000" >expect &&
	test_cmp expect actual &&
	events 000001 >actual &&
	cat >expect <<-EOF &&
	000001|$TODAY|hardship|none|deep|-
	000001|$TODAY|union_group|-|第一小组|-
	000001|$TODAY|unit|教务处|总务处|-
	000001|$TODAY|wage_base|5234.50|5680.00|-
	EOF
	test_cmp expect actual &&
	member-ls --hardship=deep -f csv | sed 1d | cut -d, -f1 >actual &&
	echo 000001 >expect &&
	test_cmp expect actual
'

test_expect_success 'the wage base in other forms; --date dates the event' '
	member-set -q 000002 --wage-base "¥6,200.5" --date 2026-01-01 &&
	test "$(db_query "SELECT wage_base FROM members WHERE member_no = ${SQ}000002${SQ}")" = 620050 &&
	events 000002 >actual &&
	echo "000002|2026-01-01|wage_base|6100.00|6200.50|-" >expect &&
	test_cmp expect actual
'

test_expect_success 'refused: bad hardship, bad or negative wage base, unknown role' '
	refused 65 "hardship.*poor" 000002 --hardship poor &&
	refused 65 "1.234" 000002 --wage-base 1.234 &&
	refused 65 "wage_base\|negative" 000002 --wage-base -100 &&
	refused 65 "role.*boss" 000002 --role boss &&
	refused 65 "role.*boss" 000002 --no-role boss
'

test_expect_success 'one command is one transaction: a bad part stops the good part' '
	refused 65 "role.*boss" 000002 --hardship relative --unit 财务处 --role boss &&
	test "$(db_query "SELECT hardship, unit FROM members WHERE member_no = ${SQ}000002${SQ}")" = "none|总务处"
'

test_expect_success 'roles: given and taken away, each an event' '
	member-set 000005 --role committee --role women-committee 2>err &&
	echo "member-set: 000005: 2 changes" >expect &&
	test_cmp expect err &&
	test "$(roles 000005)" = "committee;women-committee" &&
	member-ls --where-key 000005 -f json >out.json &&
	python3 -c "
import json
r = json.load(open(\"out.json\"))[0]
assert r[\"roles\"] == \"committee;women-committee\", r[\"roles\"]
" &&
	member-set -q 000005 --no-role committee &&
	test "$(roles 000005)" = women-committee &&
	events 000005 >actual &&
	cat >expect <<-EOF &&
	000005|$TODAY|role|-|committee|-
	000005|$TODAY|role|-|women-committee|-
	000005|$TODAY|role|committee|-|-
	EOF
	test_cmp expect actual
'

test_expect_success 'a role held already, or not held, is no change' '
	db_dump >before &&
	member-set 000005 --role women-committee 2>err &&
	test_grep "000005: 0 changes" err &&
	member-set 000005 --no-role chair 2>err &&
	test_grep "000005: 0 changes" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'audit committee and chair in one command: refused (65)' '
	refused 65 "audit" 000006 --role audit-committee --role chair &&
	refused 65 "audit" 000006 --role vice-chair --role audit-committee &&
	test -z "$(roles 000006)"
'

test_expect_success 'the chair cannot join the audit committee (65)' '
	member-set -q 000006 --role chair &&
	refused 65 "audit" 000006 --role audit-committee &&
	test "$(roles 000006)" = chair
'

test_expect_success 'an audit committee member cannot become vice-chair (65)' '
	member-set -q 000002 --role audit-committee &&
	refused 65 "audit" 000002 --role vice-chair &&
	test "$(roles 000002)" = audit-committee
'

test_expect_success 'the chair steps down and joins the audit committee in one command' '
	member-set 000006 --no-role chair --role audit-committee 2>err &&
	test_grep "000006: 2 changes" err &&
	test "$(roles 000006)" = audit-committee
'

test_expect_success '--by employee_no and --by id_card (a lower-case x too)' '
	member-set -q E0302 --by employee_no --group 第二小组 &&
	test "$(db_query "SELECT union_group FROM members WHERE employee_no = ${SQ}E0302${SQ}")" = 第二小组 &&
	member-set -q 11010519491231002x --by id_card --group 第三小组 &&
	test "$(db_query "SELECT union_group FROM members WHERE id_card = ${SQ}11010519491231002X${SQ}")" = 第三小组 &&
	refused 65 "E0302" E0302 --group 第四小组
'

test_expect_success '--dry-run: checked and counted, nothing written' '
	db_dump >before &&
	member-set --dry-run 000001 --unit 图书馆 --role committee 2>err &&
	test_grep "^member-set: dry run, nothing written: 000001: 2 changes$" err &&
	db_dump >after &&
	test_cmp before after &&
	test_expect_code 65 member-set --dry-run 000001 --role audit-committee --role chair 2>err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'usage (64): no member, two members, unknown --by' '
	refused 64 "MEMBER\|member" --hardship deep </dev/null &&
	refused 64 "MEMBER\|member\|argument" 000001 000002 --hardship deep &&
	refused 64 "by" 000001 --by name --hardship deep
'

test_expect_success 'the register after all this' '
	db_query "SELECT member_no, status, hardship, coalesce(union_group, ${SQ}-${SQ}), unit FROM members ORDER BY 1" >actual &&
	cat >expect <<-\EOF &&
	000001|active|deep|第一小组|总务处
	000002|active|none|-|总务处
	000003|retired|none|-|教务处
	000004|left|none|-|后勤处
	000005|active|relative|第三小组|离退休办
	000006|active|none|第二小组|教务处
	EOF
	test_cmp expect actual
'

test_expect_success 'a member named in full-width digits (０００００２, as an input method types it) is found' '
	member-set ０００００２ --unit 全角处 2>err &&
	test "$(db_query "SELECT unit FROM members WHERE member_no = ${SQ}000002${SQ}")" = 全角处 &&
	db_dump >before &&
	test_expect_code 65 zh member-set Ｅ９９９ --by employee_no --unit 某处 2>err &&
	test_grep "没有工号为 .E999. 的会员" err &&
	db_dump >after && test_cmp before after
'

test_done
