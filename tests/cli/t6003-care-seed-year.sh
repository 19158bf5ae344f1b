#!/bin/sh
# The seed's care figures (a street federation's 篇四): 慰问困难职工26名，
# 发放慰问金和慰问品39000元; 夏季高温慰问企业29家，企业职工6072人，共发放防暑
# 用品、饮料等慰问品共计262094元. Entered with care-log, they come out of
# report-year's JSON, table and prose exactly, as the plan's metrics, and
# summed for a federation of two such unions.
. "$(dirname "$0")/lib.sh"
. "$DATA/report-union.sh"

test_expect_success 'setup: 30 members, 26 of them with a hardship file; money in the books' '
	union-config -q union.name 某街道总工会 &&
	gen_staff 30 | member-add -q - &&
	awk "BEGIN { print \"member_no,hardship,date\"
		for (i = 1; i <= 26; i++) printf \"%06d,relative,2026-01-05\\n\", i }" | member-set -q - &&
	fund-ledger -q opening 2026-01-01 50000 --fund hardship --account bank &&
	fund-ledger -q opening 2026-01-01 300000 --fund general --account bank
'

test_expect_success 'the year: 26 members in hardship visited, 39000 in cash and goods; 29 firms, 6072 workers, 262094' '
	awk "BEGIN { print \"date,kind,member_no,unit,workers,amount,goods,goods_value\"
		for (i = 1; i <= 26; i++)
			if (i <= 13) printf \"2026-01-20,送温暖,%06d,,,1500,,\\n\", i
			else printf \"2026-02-01,困难帮扶,%06d,,,1000,米油,500\\n\", i
		for (i = 1; i <= 29; i++)
			printf \"2026-07-%02d,夏送清凉,,企业%d,%d,,防暑用品、饮料,%d\\n\", i % 28 + 1, i,
				i < 29 ? 209 : 220, i < 29 ? 9000 : 10094 }" >care.csv &&
	care-log import care.csv 2>err &&
	test_grep "added 55, unchanged 0" err &&
	care-log add 2026-03-08 节日 --member 000027 --amount 200 >/dev/null &&
	report-year --year 2026 -f json >y.json &&
	cat >expect <<-\EOF &&
	hardship.persons=26
	hardship.amount=39000.00
	summer.units=29
	summer.workers=6072
	summer.amount=262094.00
	persons=27
	times=56
	EOF
	for k in hardship.persons hardship.amount summer.units summer.workers summer.amount persons times; do
		echo "$k=$(jget y.json care.$k)" || return 1
	done >actual &&
	test_cmp expect actual
'

test_expect_success 'the prose says it as the district report does' '
	report-year --year 2026 -f md >y.md &&
	test_grep "^[0-9]、慰问困难职工26名，发放慰问金和慰问品39000元。\$" y.md &&
	test_grep "^[0-9]、夏季高温慰问企业29家，企业职工6072人，共发放防暑用品、饮料等慰问品共计262094元。\$" y.md &&
	test_grep "^### 关心关爱\$" y.md &&
	test_grep "^| 高温慰问职工 | 6072 |\$" y.md
'

test_expect_success 'the same figures as care-log stats, and as the metrics of a plan' '
	care-log stats --year 2026 -f csv >stats.csv &&
	test_grep "^summer,0,29,0.00,262094.00,29,6072\$" stats.csv &&
	printf "# 2026年某街道总工会工作计划\n\n## 一、关爱\n\n1、慰问困难职工〔目标: hardship_visited >= 26〕\n2、高温慰问〔目标: 高温慰问职工 >= 6000〕\n3、慰问金额〔目标: hardship_care_amount >= 40000〕\n" >plan.md &&
	plan-new -q --year 2026 plan.md >/dev/null &&
	plan-new --year 2026 --progress --at 2026-12-31 -f csv | cut -d, -f3-5 >progress &&
	cat >expect <<-\EOF &&
	target,actual,result
	hardship_visited >= 26,26,met
	summer_workers >= 6000,6072,met
	hardship_care_amount >= 40000,39000.00,not yet
	EOF
	test_cmp expect progress
'

test_expect_success 'a void leaves the figures' '
	id=$(care-log ls --kind 夏送清凉 -f csv | sed -n 2p | cut -d, -f1) &&
	care-log void $id --reason 重复 2>/dev/null &&
	report-year --year 2026 -f json >v.json &&
	test "$(jget v.json care.summer.units)" = 28 &&
	test "$(jget v.json care.summer.workers)" = 5863
'

test_expect_success 'a federation of two such unions: the sums, in JSON and in the prose' '
	cp union.db b.db &&
	union-config -q -d b.db union.name 乙工会 &&
	report-year -d b.db --year 2026 -f json >b.json &&
	report-year --merge y.json b.json --name 某区总工会 -f json >fed.json &&
	test "$(jget fed.json care.hardship.persons)" = 52 &&
	test "$(jget fed.json care.summer.amount)" = $(python3 -c "print(\"%.2f\" % (262094 + 262094 - 9000))") &&
	report-year --merge y.json b.json --name 某区总工会 -f md >fed.md &&
	test_grep "慰问困难职工52名，发放慰问金和慰问品78000元。" fed.md
'

test_done
