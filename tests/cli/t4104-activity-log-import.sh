#!/bin/sh
# activity-log import [FILE|-]: many activities from CSV or JSON (English
# column names or the Chinese headers), validated like add. All or nothing:
# one bad record and nothing is written (65), every bad record named as
# FILE:LINE (the physical line; a record spanning lines by its first).
# --skip-bad writes the good ones and exits 1; --rejects FILE writes the bad
# ones back with an error column; --dry-run writes nothing.
. "$(dirname "$0")/lib.sh"

refused() { c=$1 p=$2; shift 2; test_refused "$c" "$p" activity-log "$@"; }

# stored: every activity with its plan item, cost and members, one a line.
stored() {
	db_query "SELECT a.date, a.kind, a.title, a.participants,
		coalesce((SELECT p.year || ${SQ}/${SQ} || i.section || ${SQ}/${SQ} || i.number FROM plan_items i
			JOIN plans p ON p.id = i.plan_id WHERE i.id = a.plan_item_id), ${SQ}-${SQ}),
		coalesce((SELECT e.category || ${SQ}:${SQ} || e.amount || ${SQ}:${SQ} || e.activity_id FROM ledger_entries e
			WHERE e.id = a.entry_id), ${SQ}-${SQ}),
		coalesce((SELECT group_concat(m.member_no, ${SQ};${SQ}) FROM activity_members x
			JOIN members m ON m.id = x.member_id WHERE x.activity_id = a.id), ${SQ}-${SQ}),
		coalesce(replace(a.note, char(10), ${SQ}\\n${SQ}), ${SQ}-${SQ})
		FROM activities a ORDER BY a.id"
}

# setup_db: two members, the plan of 2026, the books opened.
setup_db() {
	member-add -q --name 赵一 --id-card 110105198001010016 &&
	member-add -q --name 钱二 --id-card 110105198102020029 &&
	plan-new -q --year 2026 "$DATA/plan-2026.md" >/dev/null &&
	fund-ledger -q opening 2026-01-01 1000 --fund general --account bank >/dev/null
}

test_expect_success 'setup: two members, the plan of 2026, the books opened' '
	setup_db
'

test_expect_success 'import CSV: every record stored, with plan items, members and costs' '
	activity-log import "$DATA/plan-activities-2026.csv" >out 2>err &&
	test_must_fail test -s out &&
	echo "activity-log: added 4, unchanged 0" >expect &&
	test_cmp expect err &&
	stored >actual &&
	cat >expect <<-EOF &&
	2026-01-15|meeting|工会委员会会议|9|2026/2/2|-|-|-
	2026-03-08|culture-sports|三八节活动|2|2026/5/1|50102:30000:2|000001;000002|女职工
	2026-04-02|training|岗位培训|25|2026/4/1|-|-|上午理论\\n下午实操
	2026-05-20|legal|普法讲座|40|-|-|-|-
	EOF
	test_cmp expect actual &&
	fund-ledger verify 2>/dev/null
'

test_expect_success 'import JSON: the same records, the same rows' '
	stored >csv_rows &&
	UNIONKIT_DB=$TRASH/json.db && export UNIONKIT_DB &&
	union-config -q init &&
	setup_db &&
	activity-log import "$DATA/plan-activities-2026.json" 2>err &&
	test_grep "added 4, unchanged 0" err &&
	stored >actual &&
	test_cmp csv_rows actual
'

test_expect_success 'import from stdin, with the Chinese headers' '
	activity-log import - <"$DATA/plan-activities-cn.csv" 2>err &&
	test_grep "added 2, unchanged 0" err &&
	stored | tail -n 2 >actual &&
	cat >expect <<-\EOF &&
	2026-06-01|congress|教职工代表大会|60|2026/2/1|-|-|-
	2026-06-02|health-check|教职工体检|2|-|50902:50000:6|000001;000002|全员
	EOF
	test_cmp expect actual
'

test_expect_success 'a file with bad records: 65, each named FILE:LINE in order, nothing written' '
	db_dump >before &&
	test_expect_code 65 activity-log import "$DATA/plan-activities-bad.csv" >out 2>err &&
	test_must_fail test -s out &&
	db_dump >after &&
	test_cmp before after &&
	grep -o "plan-activities-bad.csv:[0-9]*:" err >actual &&
	cat >expect <<-\EOF &&
	plan-activities-bad.csv:3:
	plan-activities-bad.csv:4:
	plan-activities-bad.csv:5:
	plan-activities-bad.csv:7:
	plan-activities-bad.csv:8:
	plan-activities-bad.csv:9:
	plan-activities-bad.csv:10:
	EOF
	test_cmp expect actual &&
	test_grep "bad.csv:3: .*2026-02-30" err &&
	test_grep "bad.csv:4: .*unknown kind ${SQ}party${SQ}" err &&
	test_grep "bad.csv:5: .*title" err &&
	test_grep "bad.csv:7: .*000099" err &&
	test_grep "bad.csv:8: .*2026/九/9" err &&
	test_grep "bad.csv:9: .*participants" err &&
	test_grep "bad.csv:10: .*overdraft" err &&
	test_grep "7 bad records: nothing written" err
'

test_expect_success 'the same messages, one line each: no other line names a bad value' '
	test "$(grep -c 000099 err)" = 1
'

test_expect_success '--dry-run: validated and counted, nothing written' '
	printf "date,kind,title,participants,members\n2026-08-01,study,学习,3,\n2026-08-02,aid,帮扶,,000002\n" >two.csv &&
	db_dump >before &&
	activity-log import --dry-run two.csv >out 2>err &&
	test_must_fail test -s out &&
	test_grep "dry run.*added 2, unchanged 0" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success '--skip-bad --rejects: the good records land (exit 1), the bad ones go to the file' '
	n=$(db_query "SELECT count(*) FROM activities") &&
	e=$(db_query "SELECT count(*) FROM ledger_entries") &&
	test_expect_code 1 activity-log import --skip-bad --rejects rej.csv "$DATA/plan-activities-bad.csv" 2>err &&
	test_grep "added 2, unchanged 0, skipped 7" err &&
	stored | tail -n +$((n + 1)) >actual &&
	cat >expect <<-EOF &&
	2026-07-01|meeting|好的会议|9|-|-|-|-
	2026-07-08|study|好的学习|3|2026/1/1|-|000002|-
	EOF
	test_cmp expect actual &&
	test "$(db_query "SELECT count(*) FROM ledger_entries")" = "$e"
'

test_expect_success '--skip-bad: nothing of a skipped record is left (no activity, no members)' '
	test "$(db_query "SELECT count(*) FROM activities WHERE title IN
		(${SQ}未知会员${SQ}, ${SQ}超支疗休养${SQ}, ${SQ}未知条目${SQ}, ${SQ}坏人数${SQ})")" = 0 &&
	test "$(db_query "SELECT count(*) FROM activity_members WHERE activity_id NOT IN
		(SELECT id FROM activities WHERE title IN (${SQ}三八节活动${SQ}, ${SQ}教职工体检${SQ}, ${SQ}好的学习${SQ}))")" = 0
'

test_expect_success '--rejects: the bad records as CSV with an error column, ready to fix' '
	head -n 1 rej.csv >actual &&
	echo "date,kind,title,participants,members,plan_item,cost,category,error" >expect &&
	test_cmp expect actual &&
	cut -d, -f1-3 rej.csv | tail -n +2 >actual &&
	cat >expect <<-\EOF &&
	2026-02-30,meeting,坏日期
	2026-07-02,party,坏类型
	2026-07-03,study,"两行
	标题",5,
	2026-07-04,study,未知会员
	2026-07-05,study,未知条目
	2026-07-06,study,坏人数
	2026-07-07,rest,超支疗休养
	EOF
	test_cmp expect actual &&
	grep "^2026-07-04," rej.csv >actual &&
	echo "2026-07-04,study,未知会员,,000001;000099,,,,no member ${SQ}000099${SQ}" >expect &&
	test_cmp expect actual
'

test_expect_success 'the rejects file, fixed, imports cleanly' '
	sed -e "s/^2026-02-30/2026-02-28/; s/,party,/,other,/; s/000001;000099/000001/; s|2026/九/9||" \
		-e "/\"两行\$/{N;s/\"两行\\n标题\"/两行标题/}" \
		-e "s/,坏人数,-3,/,坏人数,3,/; s/,99999,/,99,/" rej.csv | cut -d, -f1-8 >fixed.csv &&
	activity-log import fixed.csv 2>err &&
	test_grep "added 7, unchanged 0" err &&
	test "$(db_query "SELECT count(*) FROM activities WHERE title = ${SQ}两行标题${SQ}")" = 1
'

test_expect_success 'a JSON file with a bad record: 65, nothing written' '
	cat >bad.json <<-\EOF &&
	[
	{"date": "2026-08-01", "kind": "study", "title": "好", "participants": 1},
	{"date": "2026-08-02", "kind": "party", "title": "坏", "participants": 1}
	]
	EOF
	refused 65 "bad.json.*unknown kind" import bad.json
'

test_expect_success 'a missing file: 66; too many files: 64' '
	refused 66 "nope.csv" import nope.csv &&
	refused 64 "" import "$DATA/plan-activities-2026.csv" "$DATA/plan-activities-cn.csv"
'

test_done
