#!/bin/sh
# The month's disclosure gains the care of the month (report-month's care
# section), counted as care-log stats counts it; the documents show the
# figures the month has and no name: 金秋助学's students appear in no
# document, masked or not, and a member only masked among the aid.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup: three members, one with a hardship file; care in September' '
	member-add -q --name 赵一 --id-card 110105198001010016 --unit 教务处 &&
	member-add -q --name 钱二明 --id-card 110105198102020029 --unit 总务处 &&
	member-add -q --name 孙三 --id-card 110105198203030031 --unit 教务处 &&
	member-set -q 000002 --hardship 相对困难 --date 2026-03-01 &&
	fund-ledger -q opening 2026-01-01 20000 --fund general --account bank &&
	fund-ledger -q opening 2026-01-01 10000 --fund hardship --account bank &&
	care-log add 2026-09-01 金秋助学 --member 000002 --amount 2000 --student 钱小宝 --school 某某大学 >/dev/null &&
	care-log add 2026-09-05 生病住院 --member 000001 --amount 500 --goods 水果 --value 120 >/dev/null &&
	care-log add 2026-09-10 夏送清凉 --unit 某某制造厂 --workers 40 --goods 防暑用品 --value 800 >/dev/null &&
	id=$(care-log add 2026-09-12 结婚 --member 000003 --amount 600) &&
	care-log -q void $id --reason 记错了人 &&
	care-log add 2026-10-08 节日 --member 000003 --amount 200 --occasion 2026国庆 >/dev/null
'

test_expect_success 'json: the month'"'"'s care, voided records left out, as care-log stats counts it' '
	report-month --month 2026-09 --dry-run -f json >sep.json &&
	python3 - sep.json <<-\EOF &&
	import json, sys
	c = json.load(open(sys.argv[1]))["care"]
	want = {"persons": 2, "times": 3, "cash": "2500.00", "goods": "920.00", "units": 1, "workers": 40,
	        "hardship": {"persons": 0, "amount": "0.00"},
	        "summer": {"units": 1, "workers": 40, "amount": "800.00"},
	        "school_aid": {"students": 1, "amount": "2000.00"}}
	assert c == want, c
	EOF
	care-log stats --month 2026-09 -f csv | grep "^total," >total &&
	echo "total,2,3,2500.00,920.00,1,40" >expect &&
	test_cmp expect total
'

test_expect_success 'the document: only the figures the month has, under 关心关爱' '
	report-month --month 2026-09 --dry-run -f md >sep.md &&
	sed -n "/^## 关心关爱/,/^工会主席/p" sep.md >care.md &&
	test_grep "| 慰问人数 | 2 |" care.md &&
	test_grep "| 高温慰问职工 | 40 |" care.md &&
	test_grep "| 金秋助学金额 | 2000.00 |" care.md &&
	! grep "| 0 |" care.md && ! grep "| 0.00 |" care.md &&
	! grep 医疗互助 care.md
'

test_expect_success 'a month without care says so' '
	report-month --month 2026-08 --dry-run -f md >aug.md &&
	sed -n "/^## 关心关爱/,/^工会主席/p" aug.md >care.md &&
	test_grep "^本月无\$" care.md
'

test_expect_success 'csv --table care: the item, value rows; in English too' '
	report-month --month 2026-09 --dry-run -f csv --table care >care.csv &&
	test "$(head -1 care.csv)" = "item,value" &&
	test_grep "^慰问人次,3\$" care.csv &&
	report-month --month 2026-09 --dry-run -f csv --table care --lang en >care-en.csv &&
	test_grep "^visits and gifts,3\$" care-en.csv
'

test_expect_success 'no student in any document, the member masked among the aid' '
	for f in md html json csv table; do
		report-month --month 2026-09 --dry-run -f $f >doc.$f &&
		report-year --year 2026 -f $f >year.$f &&
		! grep -e 钱小宝 -e 钱二明 -e 赵一 doc.$f year.$f || return 1
	done &&
	test_grep "钱\\*明" doc.md &&
	care-log ls -f csv | grep -c 钱小宝 >n && test "$(cat n)" = 1
'

test_done
