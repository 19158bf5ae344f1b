#!/bin/sh
# member-set FILE: many changes from records (member_no or another key plus
# the changed columns), one transaction; a bad record writes nothing (65)
# unless --skip-bad (exit 1); --rejects; --dry-run; the pipe from
# member-add --list-missing.
. "$(dirname "$0")/lib.sh"
TODAY=$(date +%F)

state() {
	db_query "SELECT member_no, status, coalesce(status_date, ${SQ}-${SQ}), hardship,
		coalesce(union_group, ${SQ}-${SQ}) FROM members ORDER BY 1"
}

events() {
	db_query "SELECT m.member_no, e.date, e.field, coalesce(e.old_value, ${SQ}-${SQ}),
		coalesce(e.new_value, ${SQ}-${SQ}), coalesce(e.note, ${SQ}-${SQ}) FROM member_events e
		JOIN members m ON m.id = e.member_id ORDER BY e.id"
}

test_expect_success 'setup: six members' '
	member-add -q "$DATA/members-hr-utf8.csv" &&
	member-add -q "$DATA/members.json" &&
	test "$(db_query "SELECT count(*) FROM members")" = 6
'

test_expect_success 'member_no, status, date: applied, each an event of that date' '
	cat >changes.csv <<-\EOF &&
	member_no,status,date,note
	000003,retired,2025-12-31,到龄退休
	000004,left,2026/1/15,
	EOF
	member-set changes.csv >out 2>err &&
	echo "member-set: changed 2, unchanged 0, skipped 0" >expect &&
	test_cmp expect err &&
	test_must_fail test -s out &&
	state >actual &&
	cat >expect <<-\EOF &&
	000001|active|-|none|-
	000002|active|-|none|-
	000003|retired|2025-12-31|none|-
	000004|left|2026-01-15|none|-
	000005|active|-|relative|-
	000006|active|-|none|-
	EOF
	test_cmp expect actual &&
	events >actual &&
	cat >expect <<-\EOF &&
	000003|2025-12-31|status|active|retired|到龄退休
	000004|2026-01-15|status|active|left|-
	EOF
	test_cmp expect actual
'

test_expect_success 'the same file again: unchanged, nothing written' '
	db_dump >before &&
	member-set changes.csv 2>err &&
	echo "member-set: changed 0, unchanged 2, skipped 0" >expect &&
	test_cmp expect err &&
	db_dump >after &&
	test_cmp before after
'

cat >bad.csv <<'EOF'
member_no,status,date,hardship
000001,,,deep
999999,left,2026-01-31,
000002,retired,,
000005,left,2026-02-30,
000006,gone,2026-01-31,
000006,,,poor
EOF

test_expect_success 'bad records: each named with its line, 65, nothing written' '
	db_dump >before &&
	test_expect_code 65 member-set bad.csv >out 2>err &&
	test_grep "^member-set: bad.csv:3: .*999999" err &&
	test_grep "^member-set: bad.csv:4: .*date" err &&
	test_grep "^member-set: bad.csv:5: .*2026-02-30" err &&
	test_grep "^member-set: bad.csv:6: .*gone" err &&
	test_grep "^member-set: bad.csv:7: .*poor" err &&
	test_must_fail grep "bad.csv:2:" err &&
	test "$(grep -c "^member-set: bad.csv:" err)" = 5 &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success '--dry-run: counted, nothing written' '
	head -2 bad.csv >good.csv &&
	db_dump >before &&
	member-set --dry-run good.csv 2>err &&
	echo "member-set: dry run, nothing written: changed 1, unchanged 0, skipped 0" >expect &&
	test_cmp expect err &&
	test_expect_code 65 member-set --dry-run bad.csv 2>err &&
	test_grep "bad.csv:3:" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success '--skip-bad applies the good records and exits 1; --rejects keeps the bad' '
	test_expect_code 1 member-set --skip-bad --rejects rej.csv bad.csv 2>err &&
	test_grep "^member-set: bad.csv:3: " err &&
	test_grep "^member-set: changed 1, unchanged 0, skipped 5$" err &&
	test "$(db_query "SELECT hardship FROM members WHERE member_no = ${SQ}000001${SQ}")" = deep &&
	python3 -c "
import csv
rows = list(csv.reader(open(\"rej.csv\", newline=\"\", encoding=\"utf-8\")))
assert rows[0] == [\"member_no\", \"status\", \"date\", \"hardship\", \"error\"], rows[0]
assert [r[:4] for r in rows[1:]] == [
	[\"999999\", \"left\", \"2026-01-31\", \"\"],
	[\"000002\", \"retired\", \"\", \"\"],
	[\"000005\", \"left\", \"2026-02-30\", \"\"],
	[\"000006\", \"gone\", \"2026-01-31\", \"\"],
	[\"000006\", \"\", \"\", \"poor\"]], rows
assert all(r[4] for r in rows[1:])
"
'

test_expect_success 'the rejects, fixed, apply cleanly' '
	sed -e "/^999999,/d" -e "s/^000002,retired,,/000002,retired,2026-01-31,/" \
		-e "s/2026-02-30/2026-02-28/" -e "s/,gone,/,transferred,/" -e "s/,poor,/,relative,/" \
		rej.csv >fixed.csv &&
	member-set fixed.csv 2>err &&
	test_grep "^member-set: changed 4, unchanged 0, skipped 0$" err &&
	state >actual &&
	cat >expect <<-\EOF &&
	000001|active|-|deep|-
	000002|retired|2026-01-31|none|-
	000003|retired|2025-12-31|none|-
	000004|left|2026-01-15|none|-
	000005|left|2026-02-28|relative|-
	000006|transferred|2026-01-31|relative|-
	EOF
	test_cmp expect actual
'

test_expect_success 'Chinese headers, the member named by employee number' '
	cat >cn.csv <<-\EOF &&
	工号,困难类别,工会小组,备注
	E0001,相对困难,第一小组,2026年建档
	EOF
	member-set cn.csv 2>err &&
	test_grep "changed 1, unchanged 0, skipped 0" err &&
	test "$(db_query "SELECT hardship, union_group FROM members WHERE employee_no = ${SQ}E0001${SQ}")" = "relative|第一小组" &&
	events | grep "^000001|$TODAY|union_group|-|第一小组|2026年建档$"
'

test_expect_success 'a GB18030 file of changes' '
	printf "工号,工会小组\nE0002,第二小组\n" | iconv -f UTF-8 -t GB18030 >cn-gb.csv &&
	member-set cn-gb.csv 2>err &&
	test_grep "changed 1" err &&
	test "$(db_query "SELECT union_group FROM members WHERE employee_no = ${SQ}E0002${SQ}")" = 第二小组
'

test_expect_success 'NDJSON changes from standard input' '
	printf "{\"member_no\":\"000003\",\"unit\":\"图书馆\"}\n{\"id_card\":\"11010519491231002x\",\"wage_base\":\"3100\"}\n" |
		member-set - 2>err &&
	test_grep "changed 2, unchanged 0, skipped 0" err &&
	test "$(db_query "SELECT unit FROM members WHERE member_no = ${SQ}000003${SQ}")" = 图书馆 &&
	test "$(db_query "SELECT wage_base FROM members WHERE member_no = ${SQ}000005${SQ}")" = 310000
'

test_expect_success 'roles in records; audit committee and chair refused' '
	printf "member_no,role\n000001,chair\n000002,audit-committee\n" >roles.csv &&
	member-set roles.csv 2>err &&
	test_grep "changed 2" err &&
	printf "member_no,role\n000003,committee\n000001,audit-committee\n" >roles2.csv &&
	db_dump >before &&
	test_expect_code 65 member-set roles2.csv 2>err &&
	test_grep "^member-set: roles2.csv:3: .*audit" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'a record naming no member at all is refused' '
	printf "status,date\nleft,2026-03-01\n" >nokey.csv &&
	db_dump >before &&
	test_expect_code 65 member-set nokey.csv 2>err &&
	test_grep "^member-set: nokey.csv:2: .*member_no" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'a missing file is 66' '
	test_expect_code 66 member-set no-such.csv 2>err &&
	test_grep "no-such.csv" err
'

test_expect_success 'member-add --list-missing piped into member-set: they have left' '
	union-config -q init --db pipe.db &&
	member-add -q --db pipe.db "$DATA/members-hr-utf8.csv" &&
	head -3 "$DATA/members-hr-utf8.csv" >dec.csv &&
	member-add --db pipe.db --list-missing -f csv dec.csv 2>add.err |
		member-set --db pipe.db --status left --date 2026-11-30 --note "not in the HR list" - 2>set.err &&
	test_grep "missing 2" add.err &&
	test_grep "^member-set: changed 2, unchanged 0, skipped 0$" set.err &&
	db_query "SELECT member_no, status, status_date FROM members ORDER BY 1" pipe.db >actual &&
	cat >expect <<-\EOF &&
	000001|active|
	000002|active|
	000003|left|2026-11-30
	000004|left|2026-11-30
	EOF
	test_cmp expect actual &&
	test "$(db_query "SELECT DISTINCT note FROM member_events" pipe.db)" = "not in the HR list"
'

test_done
