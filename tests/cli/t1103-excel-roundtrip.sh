#!/bin/sh
# Excel round trips keep every digit (unionkit-formats(5), EXCEL): --excel
# writes a cell of digits Excel would damage (a leading zero, or 12 digits
# or more) as ="000001", and the formula guard's apostrophe before = + - @;
# what it wrote imports unchanged, read with --excel, through member-add,
# member-set, fund-ledger import and dispute-log import. Without --excel an
# apostrophe is read as it is: a plain CSV round trip changes nothing either.
# A member number that lost its
# zeros in Excel (1) still names its member, wherever a member is named by
# member_no, when it fits one member only.
. "$(dirname "$0")/lib.sh"

# the member numbers (and names) of a table's member ids
member_of() {
	db_query "SELECT m.member_no FROM $1 x JOIN members m ON m.id = x.member_id $2" "${3:-$UNIONKIT_DB}"
}

test_expect_success 'setup: members whose codes Excel would damage, text that starts like a formula' '
	cat >staff.csv <<-\EOF &&
	工号,姓名,身份证号,手机,部门,备注
	0012,张三,11010519491231002X,13800138000,=SUM(A1),123456789012
	E7,李四,440103199004074654,13900139000,车间,
	EOF
	member-add -q staff.csv &&
	member-set -q 000001 --hardship relative --date 2026-03-01 &&
	member-set -q 000002 --unit "${SQ}-已有撇号" &&
	test "$(db_query "SELECT group_concat(member_no || employee_no || unit, ${SQ},${SQ}) FROM members")" = \
		"0000010012=SUM(A1),000002E7${SQ}-已有撇号"
'

test_expect_success 'member-ls --excel: codes as ="...", the formula guard, short numbers as they are' '
	member-ls --excel -f csv >x.csv &&
	test "$(head -c 3 x.csv | od -An -tx1 | tr -d " ")" = efbbbf &&
	test "$(grep -c "$(printf "\r")\$" x.csv)" = 3 &&
	sed -n 2p x.csv >row1 &&
	test_grep "^\"=\"\"000001\"\"\",\"=\"\"0012\"\"\",张三,female,11010519491231002X,1949-12-31,,,,13800138000,${SQ}=SUM(A1)," row1 &&
	test_grep ",\"=\"\"123456789012\"\"\"," row1 &&
	sed -n 3p x.csv >row2 &&
	test_grep "^\"=\"\"000002\"\"\",E7,李四,male,\"=\"\"440103199004074654\"\"\",1990-04-07,,,,13900139000,${SQ}${SQ}-已有撇号," row2
'

test_expect_success 'what member-ls --excel wrote, member-add --excel reads back unchanged' '
	db_dump >before &&
	member-add --excel x.csv >out 2>err &&
	echo "member-add: added 0, updated 0, unchanged 2, missing 0" >expect &&
	test_cmp expect err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'and member-set --excel reads it back unchanged too' '
	member-set --excel x.csv >out 2>err &&
	echo "member-set: changed 0, unchanged 2, skipped 0" >expect &&
	test_cmp expect err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'into another register, every code as it was' '
	union-config -q init -d two.db &&
	member-add -q -d two.db --excel x.csv &&
	db_query "SELECT member_no, employee_no, id_card, phone, unit, note FROM members ORDER BY 1" >expect &&
	db_query "SELECT member_no, employee_no, id_card, phone, unit, note FROM members ORDER BY 1" two.db >actual &&
	test_cmp expect actual
'

test_expect_success 'a formula other than ="digits" stays text, and is guarded on the way out' '
	printf "工号,姓名,身份证号\nE9,\"=\"\"1+1\"\"\",320102198506151236\n" >formula.csv &&
	member-add -q formula.csv &&
	test "$(db_query "SELECT name FROM members WHERE employee_no = ${SQ}E9${SQ}")" = "=\"1+1\"" &&
	member-ls --excel -f csv >x3.csv &&
	test_grep "^\"=\"\"000003\"\"\",E9,\"${SQ}=\"\"1+1\"\"\"," x3.csv &&
	db_dump >before &&
	member-add --excel x3.csv 2>err &&
	test_grep "unchanged 3" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'a plain CSV keeps an apostrophe: member-ls -f csv reads back unchanged' '
	member-set -q 000002 --unit "${SQ}=1+2" &&
	member-ls -f csv >p.csv &&
	test_grep ",${SQ}=1+2," p.csv &&
	db_dump >before &&
	member-add p.csv 2>err &&
	echo "member-add: added 0, updated 0, unchanged 3, missing 0" >expect &&
	test_cmp expect err &&
	db_dump >after &&
	test_cmp before after &&
	test "$(db_query "SELECT unit FROM members WHERE member_no = ${SQ}000002${SQ}")" = "${SQ}=1+2"
'

test_expect_success 'the file as Excel saves it, zeros dropped: the member numbers still name their members' '
	printf "会员编号,姓名,部门\n1,张三,教务处\n2,李四,车间\n" >saved.csv &&
	member-add saved.csv 2>err &&
	test_grep "added 0, updated 2, unchanged 0" err &&
	test "$(db_query "SELECT group_concat(member_no || coalesce(unit, ${SQ}-${SQ}), ${SQ},${SQ}) FROM members")" = \
		"000001教务处,000002车间,000003-" &&
	test "$(db_query "SELECT count(*) FROM member_events WHERE field = ${SQ}member_no${SQ}")" = 0 &&
	member-add --key member_no saved.csv 2>err &&
	test_grep "added 0, updated 0, unchanged 2" err
'

test_expect_success 'member-set: MEMBER 1, records with member_no 2, and --history 1' '
	member-set -q 1 --unit 图书馆 &&
	printf "member_no,unit\n2,食堂\n" | member-set -q - &&
	test "$(db_query "SELECT group_concat(member_no || unit, ${SQ},${SQ}) FROM members WHERE id < 3")" = \
		"000001图书馆,000002食堂" &&
	member-ls --history 1 -f csv >hist &&
	test_grep "^2026-.*,000001,unit,教务处,图书馆," hist
'

test_expect_success 'fund-ledger --member 1, and an import whose member_no column lost its zeros' '
	fund-ledger -q opening 2026-01-01 10000 --fund hardship --account bank >/dev/null &&
	fund-ledger add 2026-03-05 500 50204 --fund hardship --member 1 --voucher 0007 --memo "=帮扶" >id1 &&
	printf "date,fund,account,category,subcategory,amount,member_no,voucher,memo\n2026-03-06,hardship,bank,50204,,300.00,1,0008,帮扶\n" >led.csv &&
	fund-ledger import led.csv 2>err &&
	test_grep "added 1, unchanged 0" err &&
	member_of ledger_entries "ORDER BY x.id" >actual &&
	printf "000001\n000001\n" >expect &&
	test_cmp expect actual &&
	fund-ledger ls --member 1 -f csv >ls1 &&
	test "$(grep -c ",000001," ls1)" = 2
'

test_expect_success 'fund-ledger dues from records whose member_no lost its zeros: posted to 000001, once' '
	member-set -q 000001 --wage-base 6000 --date 2026-01-01 &&
	printf "member_no,name,unit,wage_base\n1,张三,,6000\n" | fund-ledger dues --month 2026-04 - -f csv >roll 2>err &&
	test_grep "^000001,张三,.*,30.00," roll &&
	printf "member_no,name,unit,wage_base\n000001,张三,,6000\n1,张三,,6000\n" |
		fund-ledger dues --month 2026-04 - -f csv >roll2 2>err &&
	test "$(grep -c "already posted" roll2)" = 2 &&
	test "$(db_query "SELECT count(*) FROM ledger_entries WHERE dues_month = ${SQ}2026-04${SQ}")" = 1
'

test_expect_success 'dispute-log --member 1 and activity-log --member 2' '
	dispute-log open --received 2026-03-02 --category wages --employer 某某公司 \
		--employer-code 914401011234567801 --workers 1 --summary 欠薪 --member 1 >case &&
	activity-log add 2026-03-03 meeting 会员大会 --member 2 --member 1 >act &&
	member_of dispute_members "" >actual &&
	echo 000001 >expect &&
	test_cmp expect actual &&
	member_of activity_members "ORDER BY 1" >actual &&
	printf "000001\n000002\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'fund-ledger ls --excel imports into another ledger as it was: member_no, voucher, guarded memo' '
	fund-ledger ls --excel -f csv >l.csv &&
	test_grep ",\"=\"\"000001\"\"\",,\"=\"\"0007\"\"\",${SQ}=帮扶," l.csv &&
	fund-ledger -d two.db import --excel l.csv 2>err &&
	test_grep "added 4, unchanged 0" err &&
	fund-ledger ls -f csv | cut -d, -f2-14 >expect &&
	fund-ledger -d two.db ls -f csv | cut -d, -f2-14 >actual &&
	test_cmp expect actual &&
	test "$(db_query "SELECT memo FROM ledger_entries WHERE voucher = ${SQ}0007${SQ}" two.db)" = "=帮扶"
'

test_expect_success 'dispute-log ls --excel imports into another log as it was: the USCC of digits' '
	dispute-log ls --excel -f csv >d.csv &&
	test_grep ",\"=\"\"914401011234567801\"\"\"," d.csv &&
	dispute-log -d two.db import d.csv 2>err &&
	test_grep "added 1," err &&
	dispute-log ls -f csv >expect &&
	dispute-log -d two.db ls -f csv >actual &&
	test_cmp expect actual &&
	member_of dispute_members "" two.db >actual &&
	echo 000001 >expect &&
	test_cmp expect actual
'

test_expect_success 'setup: a member numbered 01 makes 1 ambiguous' '
	member-add -q --member-no 01 --name 王五 --id-card 34052419800101001X &&
	test "$(db_query "SELECT name FROM members WHERE member_no = ${SQ}01${SQ}")" = 王五
'

test_expect_success 'an ambiguous number is refused everywhere, naming the members it could be (65)' '
	test_refused 65 "member_no ${SQ}1${SQ} could be 000001, 01" member-set 1 --unit X &&
	test_refused 65 "could be 000001, 01" member-ls --history 1 &&
	test_refused 65 "could be 000001, 01" fund-ledger add 2026-03-07 100 50204 --fund hardship --member 1 &&
	test_refused 65 "could be 000001, 01" dispute-log open --received 2026-03-02 --category wages \
		--employer 某某公司 --summary x --member 1 &&
	test_refused 65 "could be 000001, 01" activity-log add 2026-03-03 meeting 会 --member 1 &&
	printf "member_no,unit\n1,X\n" >amb.csv &&
	test_refused 65 "amb.csv:2: member_no ${SQ}1${SQ} could be 000001, 01" member-set amb.csv &&
	test_refused 65 "amb.csv:2: member_no ${SQ}1${SQ} could be 000001, 01" member-add amb.csv
'

test_expect_success 'the whole number, or one typed with its zeros, names only itself' '
	member-set -q 01 --unit 甲 &&
	member-set -q 000001 --unit 乙 &&
	test "$(db_query "SELECT group_concat(member_no || unit, ${SQ},${SQ}) FROM members WHERE member_no LIKE ${SQ}%1${SQ}")" = \
		"000001乙,01甲" &&
	test_refused 65 "no member with member_no ${SQ}0001${SQ}" member-set 0001 --unit 丙
'

test_done
