#!/bin/sh
# care-log roll: one gift to every active member (or those piped in) in
# one transaction, a second roll of the occasion giving nothing; void, its
# entries reversed; ls, stats (persons, times, cash, goods, units,
# workers) and due (the members whose event calls for a visit), in both
# languages.
. "$(dirname "$0")/lib.sh"

refused() { c=$1 p=$2; shift 2; test_refused "$c" "$p" care-log "$@"; }

test_expect_success 'setup: four members, one retired, one with a hardship file; money in the books' '
	member-add -q --name 赵一 --id-card 110105198001010016 --unit 教务处 &&
	member-add -q --name 钱二 --id-card 110105198102020029 --unit 总务处 &&
	member-add -q --name 孙三 --id-card 110105198203030031 --unit 教务处 &&
	member-add -q --name 李四 --id-card 110105198304040044 --unit 总务处 &&
	member-set -q 000004 --status retired --date 2026-06-30 &&
	member-set -q 000002 --hardship 相对困难 --date 2026-11-20 &&
	fund-ledger -q opening 2026-01-01 20000 --fund general --account bank &&
	fund-ledger -q opening 2026-01-01 10000 --fund hardship --account bank
'

test_expect_success 'roll: every member active on the date, in one go; the books gain one entry each' '
	n=$(db_query "SELECT count(*) FROM ledger_entries") &&
	care-log roll 节日 --occasion 2026中秋 --amount 300 --date 2026-09-20 2>err &&
	test_grep "^care-log: gave 3, already given 0\$" err &&
	test "$(db_query "SELECT count(*) FROM ledger_entries")" = $((n + 3)) &&
	test "$(db_query "SELECT group_concat(m.member_no) FROM care c JOIN members m ON m.id = c.member_id
		WHERE c.occasion = ${SQ}2026中秋${SQ} ORDER BY 1")" = "000001,000002,000003"
'

test_expect_success 'the same roll again posts nothing' '
	db_dump >before &&
	care-log roll holiday --occasion 2026中秋 --amount 300 --date 2026-09-20 2>err &&
	test_grep "gave 0, already given 3" err &&
	db_dump >after && test_cmp before after
'

test_expect_success 'roll to the members piped in from member-ls; those given already skipped' '
	member-ls --status all -f csv | care-log roll 节日 --occasion 2026中秋 --amount 300 --date 2026-09-21 - 2>err &&
	test_grep "gave 1, already given 3" err &&
	test "$(db_query "SELECT date FROM care c JOIN members m ON m.id = c.member_id WHERE m.member_no = ${SQ}000004${SQ}")" = 2026-09-21
'

test_expect_success 'a roll one gift of which breaks a rule writes nothing, naming the member' '
	union-config -q care.cap.holiday 500 &&
	refused 65 "member 000001: 节日 of 2026 would come to 600.00, over the cap of 500.00" \
		roll 节日 --occasion 2026国庆 --amount 300 --date 2026-10-01 &&
	care-log roll 节日 --occasion 2026国庆 --amount 300 --date 2026-10-01 --over-cap --reason 年终调整 2>err &&
	test_grep "gave 3" err &&
	refused 65 "has no hardship file" roll 送温暖 --occasion 2026冬 --amount 100 --date 2026-11-01 &&
	refused 65 "names its occasion" roll 节日 --amount 1 &&
	refused 64 "not --member or --unit" roll 节日 --occasion x --amount 1 --member 000001
'

test_expect_success 'void: the record leaves ls and stats, its cash and goods are reversed in the books' '
	id=$(care-log add 2026-11-25 生病住院 --member 000003 --amount 400 --goods 牛奶 --value 60) &&
	care-log stats --year 2026 -f csv >before.csv &&
	care-log void $id --reason 重复录入 2>err &&
	test_grep "^care-log: voided care record $id\$" err &&
	test "$(db_query "SELECT count(*) FROM ledger_entries WHERE void_of IN
		(SELECT cash_entry_id FROM care WHERE id = $id UNION SELECT goods_entry_id FROM care WHERE id = $id)")" = 2 &&
	fund-ledger verify &&
	! care-log ls -f csv | grep -q "^$id," &&
	care-log ls --voided -f csv | grep -q "^$id,.*,重复录入\$" &&
	refused 65 "already voided" void $id --reason again &&
	refused 65 "no care record 999" void 999 --reason x &&
	refused 64 "void needs --reason" void $id
'

test_expect_success 'stats: by kind in the vocabulary'"'"'s order, persons once, a total; units and workers' '
	care-log add 2026-07-10 夏送清凉 --unit 某某机械厂 --workers 120 --goods 防暑用品 --value 2400 >/dev/null &&
	care-log add 2026-07-11 夏送清凉 --unit 某某电子厂 --workers 80 --goods 饮料 --value 1600 >/dev/null &&
	care-log stats --year 2026 -f csv >stats.csv &&
	cat >expect <<-\EOF &&
	kind,persons,times,amount,goods_value,units,workers
	holiday,4,7,2100.00,0.00,0,0
	summer,0,2,0.00,4000.00,2,200
	total,4,9,2100.00,4000.00,2,200
	EOF
	test_cmp expect stats.csv &&
	care-log stats --year 2026 --by unit -f csv >unit.csv &&
	test_grep "^教务处,2,4,1200.00,0.00,0,0\$" unit.csv &&
	test_grep "^某某机械厂,0,1,0.00,2400.00,1,120\$" unit.csv
'

test_expect_success 'in Chinese: the kinds, the headers and the total named so' '
	zh care-log stats --year 2026 -f table >zh.txt &&
	test_grep "^类型 *人数 *人次 *金额 *物品价值 *单位数" zh.txt &&
	test_grep "^节日 " zh.txt && test_grep "^夏送清凉 " zh.txt && test_grep "^合计 " zh.txt &&
	zh care-log ls -f table >ls.txt &&
	test_grep "姓名" ls.txt &&
	! grep -w "holiday\|summer" zh.txt ls.txt
'

test_expect_success 'due: the newly filed and retired with no care since (a gift after retiring answers it)' '
	member-set -q 000003 --status retired --date 2026-11-30 &&
	care-log due --at 2026-12-01 --days 180 -f csv >due.csv &&
	cat >expect <<-\EOF &&
	member_no,member_name,unit,event,date,days
	000002,钱二,总务处,hardship,2026-11-20,11
	000003,孙三,教务处,retired,2026-11-30,1
	EOF
	test_cmp expect due.csv &&
	care-log add 2026-11-28 困难帮扶 --member 000002 --amount 500 >/dev/null &&
	care-log due --at 2026-12-01 --days 30 -f csv >due2.csv &&
	test "$(sed 1d due2.csv | cut -d, -f1)" = 000003 &&
	care-log due --at 2026-12-01 --days 0 -f csv >none.csv &&
	test "$(wc -l <none.csv)" = 1
'

test_expect_success 'ls: a period, a kind, a member' '
	care-log ls --month 2026-07 -f csv | cut -d, -f3 | sed 1d | sort -u >kinds &&
	echo summer >expect && test_cmp expect kinds &&
	care-log ls --member 000002 --kind 困难帮扶 -f csv >m.csv &&
	test "$(sed 1d m.csv | wc -l)" = 1 &&
	test_expect_code 65 care-log ls --kind 慰问狗 2>err &&
	test_grep "unknown kind" err
'

test_expect_success 'import: what ls writes goes back unchanged, in either language; a new record is added' '
	care-log ls -f csv >all.csv &&
	n=$(sed 1d all.csv | wc -l) &&
	db_dump >before &&
	care-log import all.csv 2>err &&
	test_grep "^care-log: added 0, unchanged $n\$" err &&
	zh care-log ls -f csv --lang zh >zh.csv &&
	head -1 zh.csv | grep -q "^编号,日期,类型,会员编号,姓名" &&
	care-log import zh.csv 2>err &&
	test_grep "added 0, unchanged $n" err &&
	db_dump >after && test_cmp before after &&
	printf "日期,类别,会员编号,慰问金,慰问品,物品价值,事由\n2026-11-02,生病住院,000001,400,水果,50,住院\n" >new.csv &&
	care-log import new.csv 2>err &&
	test_grep "added 1, unchanged 0" err &&
	test "$(care-log ls --member 000001 --kind sick -f csv | sed 1d | cut -d, -f8,10)" = "400.00,50.00" &&
	care-log import new.csv 2>err &&
	test_grep "added 0, unchanged 1" err
'

test_expect_success 'import: a bad record writes nothing, named with its line; --skip-bad adds the rest' '
	printf "日期,类别,会员编号,慰问金\n2026-11-03,生日,000002,10\n2026-11-03,生日,000099,10\n" >bad.csv &&
	db_dump >before &&
	test_expect_code 65 care-log import bad.csv 2>err &&
	test_grep "^care-log: bad.csv:3: no member .000099." err &&
	db_dump >after && test_cmp before after &&
	test_expect_code 1 care-log import --skip-bad --rejects rej.csv bad.csv 2>err &&
	test_grep "added 1, unchanged 0, skipped 1" err &&
	test_grep "000099" rej.csv
'

test_expect_success 'import: a date and an amount in full-width digits are the same record the second time' '
	printf "日期,类别,会员编号,慰问金\n２０２６-１１-０５,生病住院,000001,１００\n" >fw.csv &&
	care-log import fw.csv 2>err &&
	test_grep "added 1, unchanged 0" err &&
	db_dump >before &&
	care-log import fw.csv 2>err &&
	test_grep "added 0, unchanged 1" err &&
	db_dump >after && test_cmp before after &&
	test "$(care-log ls --member 000001 --kind sick --from 2026-11-05 --to 2026-11-05 -f csv | sed 1d | cut -d, -f2,8)" = "2026-11-05,100.00"
'

test_expect_success '夏送清凉 rolled to the members and given to a firm: the workers are both' '
	(
		UNIONKIT_DB=$PWD/summer.db &&
		union-config -q init &&
		member-add -q --name 周五 --id-card 110105198001010016 &&
		member-add -q --name 吴六 --id-card 110105198102020029 &&
		fund-ledger -q opening 2026-01-01 20000 --fund general --account bank &&
		care-log roll 夏送清凉 --occasion 2026高温 --goods 防暑用品 --value 50 --date 2026-07-15 2>err &&
		test_grep "gave 2" err &&
		report-year --year 2026 -f md >y.md &&
		test_grep "、夏季高温慰问职工2人，共发放防暑用品、饮料等慰问品共计100元。" y.md &&
		care-log add 2026-07-16 夏送清凉 --unit 某某建筑工地 --workers 30 --goods 绿豆汤 --value 600 &&
		report-year --year 2026 -f json >y.json &&
		test "$(jq -c .care.summer y.json)" = "{\"units\":1,\"workers\":32,\"amount\":\"700.00\"}" &&
		report-year --year 2026 -f md >y.md &&
		test_grep "、夏季高温慰问企业1家，企业职工32人，共发放防暑用品、饮料等慰问品共计700元。" y.md &&
		test_grep "^| 高温慰问职工 | 32 |\$" y.md
	)
'

test_done
