#!/bin/sh
# plan-new --progress --year Y --at DATE: each item with its target, the
# actual value from the first of January to DATE, and met / not yet / no
# target. The metrics are computed by asking the modules (members, ledger,
# disputes, activities); here a small union is built with the tools and
# every actual value is checked against counts made by hand (the comments)
# and, where a plain query can say it, against sqlite3.
. "$(dirname "$0")/lib.sh"

# actual ITEM: the actual column of one item of the progress in $prog.
actual() { grep "^$1," prog | cut -d, -f4; }

# q SQL: one value from the database, counted apart from unionkit.
q() { db_query "$1"; }
PERIOD="BETWEEN ${SQ}2026-01-01${SQ} AND ${SQ}2026-09-30${SQ}"

test_expect_success 'setup: seven members, with join dates and genders (ID numbers say the gender)' '
	member-add -q --name 赵一 --id-card 110105198001010016 --join-date 2010-09-01 --wage-base 5234.50 &&
	member-add -q --name 钱二 --id-card 110105198102020029 --join-date 2026-02-01 --wage-base 3000 &&
	fund-ledger -q opening 2026-01-01 10000 --fund general --account bank >/dev/null &&
	fund-ledger -q opening 2026-01-01 5000 --fund hardship --account bank >/dev/null &&
	fund-ledger -q dues --month 2026-04 >/dev/null &&
	member-add -q --name 孙三 --id-card 110105198203030031 --join-date 2026-04-15 &&
	member-add -q --name 李四 --id-card 110105198304040044 --join-date 2012-01-01 &&
	member-add -q --name 周五 --id-card 110105198405050057 --join-date 2026-10-01 &&
	member-add -q --name 吴六 --id-card 11010519850606006X --join-date 2018-03-01 &&
	member-add -q --name 郑七 --id-card 110105198607070072 --join-date 2020-01-01 &&
	db_query "SELECT member_no, gender FROM members ORDER BY member_no" >actual &&
	cat >expect <<-\EOF &&
	000001|male
	000002|female
	000003|male
	000004|female
	000005|male
	000006|female
	000007|male
	EOF
	test_cmp expect actual
'

test_expect_success 'setup: hardship levels, a member who left, one retired, one transferred' '
	member-set -q 000002 --hardship relative --date 2026-03-01 &&
	member-set -q 000003 --hardship deep --date 2026-05-01 &&
	member-set -q 000003 --status left --date 2026-08-31 &&
	member-set -q 000004 --status retired --date 2026-06-30 &&
	member-set -q 000006 --status transferred --date 2026-05-20 &&
	member-set -q 000007 --hardship accident --date 2026-07-01 &&
	test "$(db_query "SELECT count(*) FROM member_events")" = 6
'

test_expect_success 'setup: the books (dues, allocation, hardship aid with a void, a transfer)' '
	fund-ledger -q add 2026-03-10 120.50 401 >/dev/null &&
	fund-ledger -q add 2026-04-15 3000 402 >/dev/null &&
	fund-ledger -q add 2026-05-10 800 50204 --fund hardship --member 000002 >/dev/null &&
	fund-ledger -q add 2026-08-01 500 50204 --fund hardship --member 000007 >/dev/null &&
	fund-ledger -q add 2026-09-05 200 50204 --fund hardship --member 000002 >/dev/null &&
	fund-ledger -q add 2026-08-20 100 50204 --fund hardship --member 000007 >id &&
	fund-ledger -q void "$(cat id)" --reason 重复录入 --date 2026-08-21 >/dev/null &&
	fund-ledger -q add 2026-10-10 300 50204 --fund hardship --member 000002 >/dev/null &&
	fund-ledger -q transfer 2026-06-01 1000 --from general:bank --to hardship:bank >/dev/null &&
	test "$(db_query "SELECT sum(amount) FROM ledger_entries WHERE category = ${SQ}401${SQ}")" = 16165
'

test_expect_success 'setup: disputes opened and closed, and a petition' '
	dispute-log open --received 2026-02-01 --category wages --employer 某公司 --summary 欠薪 >/dev/null &&
	dispute-log close 2026-0001 --outcome resolved --date 2026-02-10 &&
	dispute-log open --received 2026-03-01 --category contract --employer 某公司 --summary 合同 >/dev/null &&
	dispute-log close 2026-0002 --outcome failed --date 2026-03-20 &&
	dispute-log open --received 2026-04-01 --category other --employer 某公司 --summary 信访 --kind petition >/dev/null &&
	dispute-log open --received 2026-05-01 --category injury --employer 某公司 --summary 工伤 >/dev/null &&
	dispute-log close 2026-0004 --outcome resolved --date 2026-05-10 &&
	dispute-log open --received 2026-09-01 --category wages --employer 某公司 --summary 加班费 >/dev/null &&
	dispute-log open --received 2026-09-20 --category wages --employer 某公司 --summary 奖金 >/dev/null &&
	dispute-log open --received 2026-09-25 --category other --employer 某公司 --summary 其他 >/dev/null &&
	dispute-log close 2026-0007 --outcome withdrawn --date 2026-09-28 &&
	test "$(db_query "SELECT count(*) FROM disputes")" = 7
'

test_expect_success 'setup: activities of several kinds, with participants and members' '
	activity-log add 2025-12-31 training 年末培训 --participants 12 >/dev/null &&
	activity-log add 2026-03-05 training 岗位技能培训 --participants 30 >/dev/null &&
	activity-log add 2026-06-12 training 安全培训 --member 000001 --member 000002 --member 000007 >/dev/null &&
	activity-log add 2026-10-15 training 十月培训 --participants 40 >/dev/null &&
	activity-log add 2026-04-20 culture-sports 春季运动会 --participants 120 --cost 600 --category 50102 >/dev/null &&
	member-ls -f csv | activity-log add 2026-05-04 culture-sports 青年节活动 --members - >/dev/null &&
	activity-log add 2026-09-10 visit 走访困难职工 --participants 3 >/dev/null &&
	activity-log add 2026-07-01 meeting 委员会会议 --participants 9 >/dev/null &&
	db_query "SELECT date, kind, participants FROM activities ORDER BY id" >actual &&
	cat >expect <<-\EOF &&
	2025-12-31|training|12
	2026-03-05|training|30
	2026-06-12|training|3
	2026-10-15|training|40
	2026-04-20|culture-sports|120
	2026-05-04|culture-sports|4
	2026-09-10|visit|3
	2026-07-01|meeting|9
	EOF
	test_cmp expect actual
'

test_expect_success 'setup: disclosures made (report-month records them; written here directly)' '
	for m in 2026-01 2026-02 2026-09 2026-10; do
		db_query "INSERT INTO disclosures VALUES (${SQ}$m${SQ}, ${SQ}$m-05T10:00:00${SQ})" || return 1
	done &&
	plan-new -q --year 2026 "$DATA/plan-metrics-2026.md" >/dev/null &&
	plan-new -q --year 2025 "$DATA/plan-metrics-2025.md" >/dev/null
'

# At 2026-09-30, by hand:
# members at the end (active or retired, joined by then): 000001, 000002,
#   000004 (retired), 000007 = 4; 000003 left, 000006 transferred, 000005
#   joins 2026-10-01. Women among them: 000002, 000004 = 2 of 4 = 50.0%.
# joined in the period: 000002 (02-01), 000003 (04-15) = 2.
# left: 000003 (left), 000006 (transferred) = 2; retiring is not leaving.
# hardship at the end: 000002 relative, 000007 accident = 2 (000003 has left).
# hardship aid: 800 + 500 + 200 (+100 voided) = 1500.00, to 000002, 000007 = 2;
#   the 300 of 10-10 is after the day.
# dues: 26.15 + 15.00 (the April roll) + 120.50 = 161.65; income 161.65 +
#   3000 = 3161.65 (opening balances and transfers are not income);
#   expense 1500 + 600 (the sports meeting) = 2100.00.
# disclosures 2026-01, -02, -09 = 3.
# disputes received 6 (the petition apart); concluded 3 (2 resolved, 1
#   failed; withdrawn is not concluded): success 2/3 = 66.7%, handled 3/6 =
#   50.0%; overdue at 09-30: 2026-0005 (received 09-01) = 1.
# training 2 (03-05, 06-12), participants 30 + 3 = 33; culture-sports 2,
#   participants 120 + 4 = 124; visit participants 3.
test_expect_success '--progress at 2026-09-30: every actual value, and met / not yet / no target' '
	plan-new --year 2026 --progress --at 2026-09-30 -f csv >prog 2>err &&
	cat >expect <<-\EOF &&
	item,text,target,actual,result
	2026/一/1,会员总数,members_total >= 4,4,met
	2026/一/2,发展会员,members_joined >= 3,2,not yet
	2026/一/3,会员减少不超过两人,members_left <= 2,2,met
	2026/一/4,女会员比例,female_share >= 50%,50.0%,met
	2026/一/5,困难会员建档,hardship_members = 2,2,met
	2026/二/1,困难帮扶金额,hardship_paid >= 1500,1500.00,met
	2026/二/2,困难帮扶人数,hardship_recipients >= 3,2,not yet
	2026/二/3,会费收缴,dues_collected >= 161.65,161.65,met
	2026/二/4,收入,income > 3161.65,3161.65,not yet
	2026/二/5,支出,expense < 2200,2100.00,met
	2026/二/6,每月一公开,disclosure >= 12,3,not yet
	2026/三/1,受理劳动争议,disputes_received >= 6,6,met
	2026/三/2,调解成功率,dispute_success_rate >= 66.7%,66.7%,met
	2026/三/3,调处率,dispute_handled_rate >= 95%,50.0%,not yet
	2026/三/4,无超期案件,overdue_disputes = 0,1,not yet
	2026/四/1,技能培训,training >= 2,2,met
	2026/四/2,培训人次,training_participants >= 34,33,not yet
	2026/四/3,文体活动,culture_sports >= 2,2,met
	2026/四/4,文体活动人次,culture_sports_participants >= 124,124,met
	2026/四/5,走访慰问人次,visit_participants >= 3,3,met
	2026/四/6,会员之家建设,,,no target
	EOF
	test_cmp expect prog &&
	test_must_fail test -s err
'

test_expect_success 'the actual values agree with plain sqlite3 counts of the same rows' '
	test "$(actual 2026/一/2)" = "$(q "SELECT count(*) FROM members WHERE join_date $PERIOD")" &&
	test "$(actual 2026/一/3)" = "$(q "SELECT count(DISTINCT member_id) FROM member_events WHERE field = ${SQ}status${SQ}
		AND new_value IN (${SQ}left${SQ}, ${SQ}transferred${SQ}, ${SQ}deceased${SQ}) AND date $PERIOD")" &&
	test "$(actual 2026/二/1)" = "$(q "SELECT printf(${SQ}%d.%02d${SQ}, s / 100, s % 100) FROM (SELECT
		sum(CASE direction WHEN ${SQ}out${SQ} THEN amount ELSE -amount END) AS s FROM ledger_entries
		WHERE fund = ${SQ}hardship${SQ} AND category LIKE ${SQ}502%${SQ} AND date $PERIOD)")" &&
	test "$(actual 2026/二/2)" = "$(q "SELECT count(DISTINCT member_id) FROM ledger_entries e
		WHERE fund = ${SQ}hardship${SQ} AND category LIKE ${SQ}502%${SQ} AND direction = ${SQ}out${SQ}
		AND date $PERIOD AND NOT EXISTS (SELECT 1 FROM ledger_entries v WHERE v.void_of = e.id)")" &&
	test "$(actual 2026/二/3)" = "$(q "SELECT printf(${SQ}%d.%02d${SQ}, s / 100, s % 100) FROM (SELECT sum(amount) AS s
		FROM ledger_entries WHERE category = ${SQ}401${SQ} AND date $PERIOD)")" &&
	test "$(actual 2026/二/4)" = "$(q "SELECT printf(${SQ}%d.%02d${SQ}, s / 100, s % 100) FROM (SELECT
		sum(CASE direction WHEN ${SQ}in${SQ} THEN amount ELSE -amount END) AS s FROM ledger_entries
		WHERE category GLOB ${SQ}4*${SQ} AND date $PERIOD)")" &&
	test "$(actual 2026/二/5)" = "$(q "SELECT printf(${SQ}%d.%02d${SQ}, s / 100, s % 100) FROM (SELECT
		sum(CASE direction WHEN ${SQ}out${SQ} THEN amount ELSE -amount END) AS s FROM ledger_entries
		WHERE category GLOB ${SQ}5*${SQ} AND date $PERIOD)")" &&
	test "$(actual 2026/三/1)" = "$(q "SELECT count(*) FROM disputes WHERE kind = ${SQ}dispute${SQ} AND received $PERIOD")" &&
	test "$(actual 2026/四/1)" = "$(q "SELECT count(*) FROM activities WHERE kind = ${SQ}training${SQ} AND date $PERIOD")" &&
	test "$(actual 2026/四/2)" = "$(q "SELECT sum(participants) FROM activities WHERE kind = ${SQ}training${SQ} AND date $PERIOD")" &&
	test "$(actual 2026/四/4)" = "$(q "SELECT sum(participants) FROM activities WHERE kind = ${SQ}culture-sports${SQ} AND date $PERIOD")"
'

# Aid to 000003 (deep, while still a member) on 06-10, voided on 10-02: at
# 09-30 it was paid, to a third recipient; by the year's end it is undone.
test_expect_success 'aid voided after the day still counts on that day, paid and recipient alike' '
	fund-ledger -q add 2026-06-10 100 50204 --fund hardship --member 000003 >id &&
	fund-ledger -q void "$(cat id)" --reason 退回 --date 2026-10-02 >/dev/null &&
	plan-new --year 2026 --progress --at 2026-09-30 -f csv >prog &&
	grep "^2026/二/[12]," prog >actual &&
	cat >expect <<-\EOF &&
	2026/二/1,困难帮扶金额,hardship_paid >= 1500,1600.00,met
	2026/二/2,困难帮扶人数,hardship_recipients >= 3,3,met
	EOF
	test_cmp expect actual
'

# At 2026-02-28: members 000001, 000002 (joined 02-01), 000004, 000006,
# 000007 = 5, women 000002, 000004, 000006 = 60.0%; joined 1; left 0; no
# hardship level yet (000002's is from 03-01); no dues yet; no training yet.
test_expect_success '--progress at 2026-02-28: the same plan counted to an earlier day' '
	plan-new --year 2026 --progress --at 2026-02-28 -f csv >prog &&
	grep "^2026/一/\|^2026/二/3,\|^2026/四/1," prog >actual &&
	cat >expect <<-\EOF &&
	2026/一/1,会员总数,members_total >= 4,5,met
	2026/一/2,发展会员,members_joined >= 3,1,not yet
	2026/一/3,会员减少不超过两人,members_left <= 2,0,met
	2026/一/4,女会员比例,female_share >= 50%,60.0%,met
	2026/一/5,困难会员建档,hardship_members = 2,0,not yet
	2026/二/3,会费收缴,dues_collected >= 161.65,0.00,not yet
	2026/四/1,技能培训,training >= 2,0,not yet
	EOF
	test_cmp expect actual
'

test_expect_success '--progress at a day after the year counts to the end of the year' '
	plan-new --year 2026 --progress --at 2027-01-15 -f csv >prog &&
	grep "^2026/一/[124],\|^2026/二/[12],\|^2026/四/[12]," prog >actual &&
	cat >expect <<-\EOF &&
	2026/一/1,会员总数,members_total >= 4,5,met
	2026/一/2,发展会员,members_joined >= 3,3,met
	2026/一/4,女会员比例,female_share >= 50%,40.0%,not yet
	2026/二/1,困难帮扶金额,hardship_paid >= 1500,1800.00,met
	2026/二/2,困难帮扶人数,hardship_recipients >= 3,2,not yet
	2026/四/1,技能培训,training >= 2,3,met
	2026/四/2,培训人次,training_participants >= 34,73,met
	EOF
	test_cmp expect actual
'

# 2025: no disputes at all, so both rates have no denominator: shown as –,
# never as 0% or 100% (doc/domain.md). Members at 2025-12-31: 000001,
# 000004, 000006, 000007 = 4, women 000004, 000006 = 50.0%; one training.
test_expect_success '--progress of 2025: a rate with no dispute is –, and not met' '
	plan-new --year 2025 --progress --at 2025-12-31 -f csv >prog &&
	cat >expect <<-\EOF &&
	item,text,target,actual,result
	2025/一/1,调处率,dispute_handled_rate >= 90%,–,not yet
	2025/一/2,调解成功率,dispute_success_rate >= 90%,–,not yet
	2025/二/1,会员总数,members_total >= 4,4,met
	2025/二/2,女会员比例,female_share >= 50%,50.0%,met
	2025/二/3,技能培训,training >= 2,1,not yet
	EOF
	test_cmp expect prog
'

test_expect_success '--progress -f json: the same rows as objects; no target is null' '
	plan-new --year 2026 --progress --at 2026-09-30 -f json >prog.json &&
	test_grep "{\"item\":\"2026/一/4\",\"text\":\"女会员比例\",\"target\":\"female_share >= 50%\",\"actual\":\"50.0%\",\"result\":\"met\"}" prog.json &&
	test_grep "{\"item\":\"2026/四/6\",\"text\":\"会员之家建设\",\"target\":null,\"actual\":null,\"result\":\"no target\"}" prog.json &&
	test "$(grep -c "\"item\":" prog.json)" = 21
'

test_expect_success '--progress -f json: a rate with no denominator is null (doc/domain.md)' '
	plan-new --year 2025 --progress --at 2025-12-31 -f json >prog.json &&
	test_grep "{\"item\":\"2025/一/1\",\"text\":\"调处率\",\"target\":\"dispute_handled_rate >= 90%\",\"actual\":null,\"result\":\"not yet\"}" prog.json &&
	test_grep "{\"item\":\"2025/一/2\",\"text\":\"调解成功率\",\"target\":\"dispute_success_rate >= 90%\",\"actual\":null,\"result\":\"not yet\"}" prog.json &&
	test_grep "\"item\":\"2025/二/2\".*\"actual\":\"50.0%\",\"result\":\"met\"" prog.json
'

test_expect_success '--progress -f table: aligned rows' '
	plan-new --year 2026 --progress --at 2026-09-30 -f table >prog.txt &&
	test "$(wc -l <prog.txt)" = 22 &&
	test_grep "^item  *text  *target  *actual  *result" prog.txt &&
	test_grep "^2026/三/3  *调处率  *dispute_handled_rate >= 95%  *50.0%  *not yet" prog.txt
'

test_expect_success '--progress reads only: the database is unchanged' '
	db_dump >before &&
	plan-new --year 2026 --progress --at 2026-09-30 >/dev/null &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success '--progress of a year without a plan: 65' '
	test_refused 65 "no plan for 2024" plan-new --year 2024 --progress --at 2024-12-31
'

test_done
