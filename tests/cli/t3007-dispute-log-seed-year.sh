#!/bin/sh
# The seed's year rebuilt from records: the district report's 27 disputes
# of 2025 (contract 5, wages 10, injury 7, other 5; 120 workers; 1,329,770
# yuan at stake; all mediated successfully), imported from
# tests/data/disputes-seed-2025.csv, and every figure `stats --year 2025`
# prints checked, by hand and against counts made here from the file.
. "$(dirname "$0")/lib.sh"

SEED=$DATA/disputes-seed-2025.csv

test_expect_success 'the seed year imports whole: 27 cases, 2025-0001 to 2025-0027, all closed' '
	dispute-log import "$SEED" >out 2>err &&
	test_must_fail test -s out &&
	test_grep "added 27, unchanged 0" err &&
	test "$(db_query "SELECT count(*), min(case_no), max(case_no), count(DISTINCT case_no) FROM disputes")" = "27|2025-0001|2025-0027|27" &&
	test "$(db_query "SELECT group_concat(DISTINCT status || outcome) FROM disputes")" = closedresolved &&
	test "$(db_query "SELECT count(*) FROM disputes WHERE closed BETWEEN received AND ${SQ}2025-12-31${SQ}")" = 27
'

test_expect_success 'stats --year 2025: every figure of the district report' '
	dispute-log stats --year 2025 -f csv >actual 2>err &&
	test_must_fail test -s err &&
	cat >expect <<-\EOF &&
	measure,key,value
	period,from,2025-01-01
	period,to,2025-12-31
	cases,received,27
	cases,concluded,27
	cases,open,0
	cases,overdue,0
	cases,petitions,0
	category,relationship,0
	category,contract,5
	category,termination,0
	category,hours-leave,0
	category,social-insurance,0
	category,wages,10
	category,injury,7
	category,other,5
	outcome,resolved,27
	outcome,failed,0
	outcome,referred,0
	outcome,withdrawn,0
	workers,involved,120
	workers,collective_cases,4
	money,claimed,1329770.00
	money,recovered,1063816.00
	rate,handled,100.0%
	rate,success,100.0%
	EOF
	test_cmp expect actual &&
	dispute-log stats --year 2025 >default &&
	test_cmp expect default
'

test_expect_success 'the same year opened and closed by hand, case by case: the same figures' '
	union-config -q init --db hand.db &&
	sed 1d "$SEED" | while IFS=, read -r no kind received source category employer code workers \
			claimed summary status outcome recovered closed members; do
		c=$(dispute-log -d hand.db open --kind "$kind" --received "$received" --source "$source" \
			--category "$category" --employer "$employer" --employer-code "$code" \
			--workers "$workers" --claimed "$claimed" --summary "$summary") &&
		dispute-log -d hand.db update "$c" --status mediating --note 调解中 --date "$received" &&
		dispute-log -d hand.db close "$c" --outcome "$outcome" --recovered "$recovered" \
			--date "$closed" || exit 1
	done &&
	dispute-log -d hand.db stats --year 2025 -f csv >actual &&
	test_cmp expect actual &&
	test "$(db_query "SELECT count(*) FROM dispute_events" hand.db)" = 81
'

test_expect_success 'stats --year 2025 -f json: the same figures as counted from the file itself' '
	dispute-log stats --year 2025 -f json >stats.json &&
	python3 - "$SEED" stats.json <<-\EOF
	import csv, json, sys
	from decimal import Decimal
	rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
	s = json.load(open(sys.argv[2], encoding="utf-8"))
	words = {"劳动合同": "contract", "工资纠纷": "wages", "工伤纠纷": "injury", "其他": "other"}
	cats = {}
	for r in rows:
	    c = words[r["category"]]
	    cats[c] = cats.get(c, 0) + 1
	fen = lambda k: sum(Decimal(r[k]) for r in rows if r[k])
	assert len(rows) == 27 and cats == {"contract": 5, "wages": 10, "injury": 7, "other": 5}, cats
	assert sum(int(r["workers"]) for r in rows) == 120
	assert fen("claimed") == Decimal("1329770.00")
	want = {"received": 27, "concluded": 27, "resolved": 27, "failed": 0, "referred": 0,
	        "withdrawn": 0, "open": 0, "overdue": 0, "petitions": 0,
	        "workers": sum(int(r["workers"]) for r in rows),
	        "collective": sum(int(r["workers"]) >= 10 for r in rows),
	        "collective_threshold": 10,
	        "claimed": "%.2f" % fen("claimed"), "recovered": "%.2f" % fen("recovered"),
	        "handled_rate": 100.0, "success_rate": 100.0}
	for k, v in want.items():
	    assert s[k] == v and type(s[k]) is type(v), (k, s[k], v)
	for c in ("relationship", "termination", "hours-leave", "social-insurance"):
	    cats[c] = 0
	assert s["by_category"] == cats, s["by_category"]
	assert s["from"] == "2025-01-01" and s["to"] == "2025-12-31", s
	EOF
'

test_expect_success 'the seed year, month by month, adds up to the year' '
	total=0 &&
	for m in 01 02 03 04 05 06 07 08 09 10 11 12; do
		n=$(dispute-log stats --month 2025-$m -f csv | grep "^cases,received," | cut -d, -f3) &&
		total=$((total + n)) || exit 1
	done &&
	test "$total" = 27
'

test_expect_success 'nothing of 2025 spills into 2026' '
	dispute-log stats --year 2026 --at 2026-12-31 -f csv >out &&
	test_grep "^cases,received,0\$" out &&
	test_grep "^rate,handled,–\$" out
'

test_done
