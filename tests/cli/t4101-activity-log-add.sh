#!/bin/sh
# activity-log add DATE KIND TITLE: prints the new activity's id; every kind
# of activity-log(1); --participants N, or the number of members named with
# --member M (repeatable) or read as member records (--members FILE|-, e.g.
# member-ls -f csv on a pipe); --plan-item YEAR/SECTION/ITEM or an item id.
# A refusal (65 bad value, 64 bad command line) leaves the database as it was.
. "$(dirname "$0")/lib.sh"
zh_locale_check

refused() { c=$1 p=$2; shift 2; test_refused "$c" "$p" activity-log "$@"; }

# activity ID: the stored activity, every column but the time stamp.
activity() {
	db_query "SELECT id, date, kind, title, participants, coalesce(plan_item_id, ${SQ}-${SQ}),
		coalesce(entry_id, ${SQ}-${SQ}), coalesce(note, ${SQ}-${SQ}) FROM activities WHERE id = $1"
}

# members_of ID: the member numbers stored for an activity.
members_of() {
	db_query "SELECT m.member_no FROM activity_members a JOIN members m ON m.id = a.member_id
		WHERE a.activity_id = $1 ORDER BY m.member_no"
}

# item_id SECTION NUMBER [YEAR]: the id of an item of the current plan.
item_id() {
	db_query "SELECT i.id FROM plan_items i JOIN plans p ON p.id = i.plan_id
		WHERE p.year = ${3:-2026} AND p.current = 1 AND i.section = $1 AND i.number = $2"
}

test_expect_success 'setup: four members in two units, and the plan of 2026' '
	member-add -q --name 赵一 --id-card 110105198001010016 --unit 教务处 &&
	member-add -q --name 钱二 --id-card 110105198102020029 --unit 总务处 &&
	member-add -q --name 孙三 --id-card 110105198203030031 --unit 教务处 &&
	member-add -q --name 李四 --id-card 110105198304040044 --unit 总务处 &&
	plan-new -q --year 2026 "$DATA/plan-2026.md" >/dev/null &&
	test "$(db_query "SELECT count(*) FROM members")" = 4
'

test_expect_success 'add prints the id of the new activity; the activity is stored' '
	activity-log add 2026-03-05 training 岗位技能培训 --participants 30 --note 全天 >out 2>err &&
	echo 1 >expect &&
	test_cmp expect out &&
	activity 1 >actual &&
	echo "1|2026-03-05|training|岗位技能培训|30|-|-|全天" >expect &&
	test_cmp expect actual &&
	test "$(db_query "SELECT count(*) FROM activity_members")" = 0
'

test_expect_success 'the date is read in the forms of unionkit-formats(5) and stored YYYY-MM-DD' '
	activity-log add 2026年3月6日 meeting 委员会会议 --participants 7 >out &&
	activity-log add 2026/3/7 meeting 小组会议 --participants 5 >>out &&
	activity-log add 20260308 meeting 女工委会议 --participants 4 >>out &&
	printf "2\n3\n4\n" >expect &&
	test_cmp expect out &&
	db_query "SELECT date FROM activities WHERE id IN (2, 3, 4) ORDER BY id" >actual &&
	printf "2026-03-06\n2026-03-07\n2026-03-08\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'every kind of activity-log(1) is taken' '
	for k in congress meeting study training competition culture-sports visit \
		health-check rest aid legal other; do
		activity-log add 2026-04-01 "$k" "活动 $k" --participants 1 >>ids || return 1
	done &&
	test "$(wc -l <ids)" = 12 &&
	db_query "SELECT kind FROM activities WHERE date = ${SQ}2026-04-01${SQ} ORDER BY id" >actual &&
	cat >expect <<-\EOF &&
	congress
	meeting
	study
	training
	competition
	culture-sports
	visit
	health-check
	rest
	aid
	legal
	other
	EOF
	test_cmp expect actual
'

test_expect_success 'an unknown kind: 65, and the kinds are named' '
	refused 65 "unknown kind ${SQ}party${SQ}.*culture-sports" add 2026-04-02 party 联欢 &&
	refused 65 "unknown kind" add 2026-04-02 Training 培训 &&
	refused 65 "unknown kind" add 2026-04-02 "" 培训
'

test_expect_success 'a bad date: 65' '
	refused 65 "2026-02-30" add 2026-02-30 training 培训 &&
	refused 65 "yesterday" add yesterday training 培训 &&
	refused 65 "2026-13-01" add 2026-13-01 training 培训
'

test_expect_success 'no title: 65; a missing argument: 64' '
	refused 65 "title" add 2026-04-02 training "" &&
	refused 64 "DATE KIND TITLE" add 2026-04-02 training &&
	refused 64 "DATE KIND TITLE" add 2026-04-02 training 培训 多余 &&
	refused 64 "command" &&
	refused 64 "unknown command" remove 1
'

test_expect_success 'bad --participants: 65' '
	refused 65 "participants.*-3" add 2026-04-02 training 培训 --participants -3 &&
	refused 65 "participants.*abc" add 2026-04-02 training 培训 --participants abc &&
	refused 65 "participants.*1.5" add 2026-04-02 training 培训 --participants 1.5
'

test_expect_success '--member: the members are stored; participants defaults to their number' '
	activity-log add 2026-05-01 visit 走访慰问 --member 000001 --member 000003 >out &&
	id=$(cat out) &&
	activity "$id" | cut -d"|" -f3,5 >actual &&
	echo "visit|2" >expect &&
	test_cmp expect actual &&
	members_of "$id" >actual &&
	printf "000001\n000003\n" >expect &&
	test_cmp expect actual
'

test_expect_success '--participants with --member: the number given wins, the members are kept' '
	activity-log add 2026-05-02 training 骨干培训 --participants 40 --member 000002 >out &&
	id=$(cat out) &&
	test "$(activity "$id" | cut -d"|" -f5)" = 40 &&
	test "$(members_of "$id")" = 000002
'

test_expect_success 'the same member twice is stored and counted once' '
	activity-log add 2026-05-03 study 学习 --member 000001 --member 000001 >out &&
	test "$(members_of "$(cat out)")" = 000001 &&
	test "$(activity "$(cat out)" | cut -d"|" -f5)" = 1
'

test_expect_success 'an unknown member: 65, said once, and no activity is left behind' '
	refused 65 "000099" add 2026-05-04 visit 走访 --member 000001 --member 000099 &&
	test "$(grep -c 000099 err)" = 1
'

test_expect_success '--members -: member-ls -f csv on a pipe, no warnings; participants = rows' '
	member-ls --unit 教务处 -f csv | activity-log add 2026-05-10 culture-sports 教务处趣味运动会 --members - >out 2>err &&
	test_must_fail test -s err &&
	id=$(cat out) &&
	members_of "$id" >actual &&
	printf "000001\n000003\n" >expect &&
	test_cmp expect actual &&
	test "$(activity "$id" | cut -d"|" -f5)" = 2
'

test_expect_success '--members FILE: member-ls -f json in a file, and --member added to them' '
	member-ls --unit 总务处 -f json >m.json &&
	activity-log add 2026-05-11 health-check 体检 --members m.json --member 000001 >out 2>err &&
	test_must_fail test -s err &&
	id=$(cat out) &&
	members_of "$id" >actual &&
	printf "000001\n000002\n000004\n" >expect &&
	test_cmp expect actual &&
	test "$(activity "$id" | cut -d"|" -f5)" = 3
'

test_expect_success '--members -: member-ls --excel output (BOM, CRLF) is read too' '
	member-ls --unit 教务处 -f csv --excel | activity-log add 2026-05-10 culture-sports 教务处拔河 --members - >out 2>err &&
	test_must_fail test -s err &&
	members_of "$(cat out)" >actual &&
	printf "000001\n000003\n" >expect &&
	test_cmp expect actual
'

test_expect_success '--members: all of member-ls (every status, every column) is read quietly' '
	member-set -q 000004 --status retired --date 2026-04-30 &&
	member-ls --status all -f csv | activity-log add 2026-05-12 congress 教代会 --members - >out 2>err &&
	test_must_fail test -s err &&
	test "$(members_of "$(cat out)" | wc -l)" = 4
'

test_expect_success '--members: a record without member_no is refused (65), nothing stored' '
	printf "name\n赵一\n" >nono.csv &&
	refused 65 "nono.csv:2: .*member_no" add 2026-05-13 study 学习 --members nono.csv &&
	printf "member_no,name\n000077,无名\n" >unknown.csv &&
	refused 65 "000077" add 2026-05-13 study 学习 --members unknown.csv
'

test_expect_success '--plan-item YEAR/SECTION/ITEM names an item of the current plan' '
	activity-log add 2026-06-01 study 理论学习 --participants 20 --plan-item 2026/一/1 >out &&
	test "$(activity "$(cat out)" | cut -d"|" -f6)" = "$(item_id 1 1)" &&
	test "$(db_query "SELECT text FROM plan_items WHERE id = $(item_id 1 1)")" = "组织教职工政治理论学习，每季度一次。"
'

test_expect_success '--plan-item: an item of a sub-section, numbered on within its section' '
	activity-log add 2026-06-02 legal 劳动争议调解 --participants 2 --plan-item 2026/三/3 >out &&
	test "$(activity "$(cat out)" | cut -d"|" -f6)" = "$(item_id 3 3)" &&
	test "$(db_query "SELECT text FROM plan_items WHERE id = $(item_id 3 3)")" = "依法调处劳动争议。"
'

test_expect_success '--plan-item: the section in Arabic figures too (2026/2/1)' '
	activity-log add 2026-03-20 congress 教职工代表大会 --participants 60 --plan-item 2026/2/1 >out &&
	test "$(activity "$(cat out)" | cut -d"|" -f6)" = "$(item_id 2 1)"
'

test_expect_success '--plan-item ID: the item by its id' '
	id=$(item_id 4 2) &&
	activity-log add 2026-11-05 competition 青年教师技能竞赛 --participants 15 --plan-item "$id" >out &&
	test "$(activity "$(cat out)" | cut -d"|" -f6)" = "$id"
'

test_expect_success 'ls shows the plan item as YEAR/SECTION/(SUB)/ITEM, the sub-section when it has one' '
	activity-log ls --from 2026-06-01 --to 2026-06-02 -f csv | cut -d, -f2,6 >actual &&
	cat >expect <<-\EOF &&
	date,plan_item
	2026-06-01,2026/一/1
	2026-06-02,2026/三/(二)/3
	EOF
	test_cmp expect actual
'

test_expect_success 'an unknown plan item: 65, nothing stored' '
	refused 65 "no plan item ${SQ}2026/九/1${SQ}" add 2026-06-03 study 学习 --plan-item 2026/九/1 &&
	refused 65 "no plan item ${SQ}2026/一/9${SQ}" add 2026-06-03 study 学习 --plan-item 2026/一/9 &&
	refused 65 "no plan item ${SQ}2025/一/1${SQ}" add 2026-06-03 study 学习 --plan-item 2025/一/1 &&
	refused 65 "no plan item ${SQ}99999${SQ}" add 2026-06-03 study 学习 --plan-item 99999 &&
	refused 65 "YEAR/SECTION/ITEM" add 2026-06-03 study 学习 --plan-item 第一项 &&
	refused 65 "YEAR/SECTION/ITEM" add 2026-06-03 study 学习 --plan-item 2026/一
'

test_expect_success '--plan-item after --replace names an item of the new version' '
	plan-new -q --year 2026 --replace "$DATA/plan-2026.md" >/dev/null &&
	activity-log add 2026-07-01 study 暑期学习 --participants 10 --plan-item 2026/一/1 >out &&
	new=$(item_id 1 1) &&
	test "$(activity "$(cat out)" | cut -d"|" -f6)" = "$new" &&
	test "$(db_query "SELECT p.version FROM plan_items i JOIN plans p ON p.id = i.plan_id WHERE i.id = $new")" = 2
'

test_expect_success '--dry-run: checked, nothing stored, no id printed' '
	db_dump >before &&
	activity-log add --dry-run 2026-07-02 study 学习 --member 000001 --plan-item 2026/一/1 >out 2>err &&
	test_must_fail test -s out &&
	db_dump >after &&
	test_cmp before after &&
	refused 65 "unknown kind" add --dry-run 2026-07-02 party 联欢
'

test_expect_success 'the ids run 1..N: nothing refused left a row behind' '
	test "$(db_query "SELECT count(*) = max(id) FROM activities")" = 1 &&
	test "$(db_query "SELECT count(*) FROM activity_members WHERE activity_id NOT IN (SELECT id FROM activities)")" = 0
'

test_expect_success 'participants typed in full-width digits are the number; words are refused in the user'"'"'s language' '
	id=$(activity-log add 2026-05-06 学习 全角人数 --participants ２０) &&
	test "$(db_query "SELECT participants FROM activities WHERE id = $id")" = 20 &&
	db_dump >before &&
	test_expect_code 65 activity-log add 2026-05-06 学习 汉字人数 --participants 二十 2>err &&
	test_grep "participants must be a whole number from 0 to 10000000, not .二十." err &&
	test_expect_code 65 zh activity-log add 2026-05-06 学习 汉字人数 --participants 二十 2>err &&
	test_grep "参加人数 必须是 0 到 10000000 的整数" err &&
	db_dump >after && test_cmp before after
'

test_done
