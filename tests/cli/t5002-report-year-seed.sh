#!/bin/sh
# The seed's year in the year's report: the district report's 27 disputes
# of 2025 (篇四: contract 5, wages 10, injury 7, other 5; 120 workers;
# 1,329,770 yuan at stake; 调处率 100%, 成功率 100%), imported from
# tests/data/disputes-seed-2025.csv with dispute-log import, come out of
# report-year --year 2025 in every format, equal to dispute-log stats.
. "$(dirname "$0")/lib.sh"
. "$DATA/report-union.sh"

test_expect_success 'setup: the seed year imported' '
	union-config union.name 某区总工会 &&
	dispute-log import "$DATA/disputes-seed-2025.csv" 2>err &&
	test_grep "added 27" err &&
	test "$(db_query "SELECT count(*) FROM disputes")" = 27 &&
	report-year --year 2025 -f json >y.json
'

test_expect_success 'report-year 2025 -f json: 27 disputes, 120 workers, 1329770.00, 100.0%, 100.0%' '
	cat >expect <<-\EOF &&
	received=27
	concluded=27
	resolved=27
	petitions=0
	workers=120
	claimed=1329770.00
	handled_rate=100.0
	success_rate=100.0
	by_category.contract=5
	by_category.wages=10
	by_category.injury=7
	by_category.other=5
	EOF
	for k in received concluded resolved petitions workers claimed handled_rate success_rate \
			by_category.contract by_category.wages by_category.injury by_category.other; do
		echo "$k=$(jget y.json disputes.$k)" || return 1
	done >actual &&
	test_cmp expect actual
'

test_expect_success 'the seed year: the same figures as dispute-log stats --year 2025 and as the file' '
	dispute-log stats --year 2025 -f json >stats.json &&
	python3 - y.json stats.json "$DATA/disputes-seed-2025.csv" <<-\EOF
	import csv, json, sys
	from decimal import Decimal
	r = json.load(open(sys.argv[1], encoding="utf-8"))["disputes"]
	s = json.load(open(sys.argv[2], encoding="utf-8"))
	rows = list(csv.DictReader(open(sys.argv[3], encoding="utf-8")))
	for k in ("received", "concluded", "resolved", "failed", "referred", "withdrawn", "open",
	          "overdue", "petitions", "workers", "collective", "claimed", "recovered",
	          "handled_rate", "success_rate", "by_category"):
	    assert r[k] == s[k], (k, r[k], s[k])
	assert r["received"] == len(rows) == 27
	assert r["workers"] == sum(int(x["workers"]) for x in rows) == 120
	assert Decimal(r["claimed"]) == sum(Decimal(x["claimed"]) for x in rows) == Decimal("1329770.00")
	assert Decimal(r["recovered"]) == sum(Decimal(x["recovered"]) for x in rows)
	EOF
'

test_expect_success 'the summary says the seed year as the district report does, word for word' '
	report-year --year 2025 -f md >summary.md &&
	test_grep "^1、全年共调处劳动纠纷27起，涉及职工120人，涉及金额1329770元，调处率100%，成功率100%。\$" summary.md &&
	report-year --year 2025 -f html >summary.html &&
	test_grep "<p>1、全年共调处劳动纠纷27起，涉及职工120人，涉及金额1329770元，调处率100%，成功率100%。</p>" summary.html
'

test_expect_success 'the seed year in the CSV, Markdown and terminal forms' '
	report-year --year 2025 -f csv --table disputes >csv &&
	test_grep "^受理,27\$" csv &&
	test_grep "^涉及职工,120\$" csv &&
	test_grep "^争议金额,1329770.00\$" csv &&
	test_grep "^调处率,100.0%\$" csv &&
	test_grep "^成功率,100.0%\$" csv &&
	report-year --year 2025 -f md >md &&
	test_grep "^# 某区总工会2025年度工作总结\$" md &&
	test_grep "^| 受理 | 27 |\$" md &&
	test_grep "^| 涉及职工 | 120 |\$" md &&
	test_grep "^| 争议金额 | 1329770.00 |\$" md &&
	test_grep "^| 调处率 | 100.0% |\$" md &&
	test_grep "^| 成功率 | 100.0% |\$" md &&
	report-year --year 2025 -f table >table &&
	test_grep "^成功率  *100.0%\$" table
'

test_expect_success 'a year without a dispute: rates are null, shown as –' '
	report-year --year 2024 -f json >y24.json &&
	test "$(jget y24.json disputes.received)" = 0 &&
	test "$(jget y24.json disputes.handled_rate)" = null &&
	test "$(jget y24.json disputes.success_rate)" = null &&
	report-year --year 2024 -f csv --table disputes >csv &&
	test_grep "^调处率,–\$" csv &&
	test_grep "^成功率,–\$" csv
'

test_done
