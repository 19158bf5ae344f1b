#!/bin/sh
# dispute-log stats [period]: the figures of a hand-made set, worked out by
# hand. received = disputes received in the period; concluded = of those,
# closed resolved, failed or referred by the period's end (withdrawn never);
# 调处率 = concluded / received, 成功率 = resolved / concluded; a zero
# denominator is '–' (JSON null). Petitions are counted apart and enter
# nothing else. Collective: workers >= the threshold (--collective, else
# union-config disputes.collective_threshold, else 10).
. "$(dirname "$0")/lib.sh"

refused() { c=$1 p=$2; shift 2; test_refused "$c" "$p" dispute-log "$@"; }

# case DATE CATEGORY WORKERS [ARGS...]: opens a case, quietly.
case_() {
	r=$1 c=$2 w=$3
	shift 3
	dispute-log open --received $r --category $c --workers $w --employer 某单位 --summary "$r $c" "$@" >/dev/null
}

# stat MEASURE KEY ARGS...: one value of stats -f csv ARGS.
stat_() {
	m=$1 k=$2
	shift 2
	dispute-log stats -f csv "$@" | grep "^$m,$k," | cut -d, -f3
}

Q1="--from 2026-01-01 --to 2026-03-31 --at 2026-03-31"

test_expect_success 'setup: a dispute of 2025, nine of the first quarter of 2026, two petitions' '
	case_ 2025-12-28 wages 2 --claimed 1000 &&
	dispute-log close 2025-0001 --outcome resolved --recovered 1000 --date 2026-01-05 &&
	case_ 2026-01-05 wages 12 --claimed 10000.00 &&
	dispute-log close 2026-0001 --outcome resolved --recovered 8000 --date 2026-01-15 &&
	case_ 2026-01-08 wages 30 --claimed 99999 --kind petition &&
	dispute-log close 2026-0002 --outcome resolved --recovered 99999 --date 2026-01-09 &&
	case_ 2026-01-10 wages 3 --claimed 2500.50 &&
	dispute-log close 2026-0003 --outcome resolved --recovered 2500.50 --date 2026-01-20 &&
	case_ 2026-01-20 injury 1 --claimed 30000 &&
	dispute-log close 2026-0004 --outcome failed --date 2026-02-10 &&
	case_ 2026-02-01 other 1 --kind petition &&
	case_ 2026-02-03 contract 10 &&
	dispute-log close 2026-0006 --outcome referred --recovered 1000 --date 2026-02-25 &&
	case_ 2026-02-14 termination 2 --claimed 5000 &&
	dispute-log close 2026-0007 --outcome withdrawn --date 2026-02-20 &&
	case_ 2026-03-02 social-insurance 4 --claimed 1200 &&
	dispute-log update 2026-0008 --status mediating --note 调解中 --date 2026-03-05 &&
	case_ 2026-03-10 relationship 1 --claimed 3000 &&
	dispute-log close 2026-0009 --outcome resolved --recovered 2000 --date 2026-03-28 &&
	case_ 2026-03-20 other 1 --claimed 800 &&
	dispute-log close 2026-0010 --outcome resolved --recovered 800 --date 2026-04-05 &&
	case_ 2026-03-25 hours-leave 9 &&
	test "$(db_query "SELECT count(*) FROM disputes")" = 12
'

test_expect_success 'stats of the first quarter: every figure, exactly' '
	dispute-log stats $Q1 -f csv >actual 2>err &&
	test_must_fail test -s err &&
	cat >expect <<-\EOF &&
	measure,key,value
	period,from,2026-01-01
	period,to,2026-03-31
	cases,received,9
	cases,concluded,5
	cases,open,3
	cases,overdue,1
	cases,petitions,2
	category,relationship,1
	category,contract,1
	category,termination,1
	category,hours-leave,1
	category,social-insurance,1
	category,wages,2
	category,injury,1
	category,other,1
	outcome,resolved,3
	outcome,failed,1
	outcome,referred,1
	outcome,withdrawn,1
	workers,involved,43
	workers,collective_cases,2
	money,claimed,52500.50
	money,recovered,13500.50
	rate,handled,55.6%
	rate,success,60.0%
	EOF
	test_cmp expect actual
'

test_expect_success 'a case closed after the period ends is not concluded in it (but is in the year)' '
	test "$(stat_ cases concluded $Q1)" = 5 &&
	test "$(stat_ cases concluded --year 2026 --at 2026-06-30)" = 6 &&
	test "$(stat_ outcome resolved --year 2026 --at 2026-06-30)" = 4 &&
	test "$(stat_ money recovered --year 2026 --at 2026-06-30)" = 14300.50 &&
	test "$(stat_ rate handled --year 2026 --at 2026-06-30)" = 66.7% &&
	test "$(stat_ rate success --year 2026 --at 2026-06-30)" = 66.7%
'

test_expect_success 'withdrawn is not concluded: February, 1 referred of 2 received, 0 resolved' '
	dispute-log stats --month 2026-02 --at 2026-02-28 -f csv >out &&
	grep -e "^cases,received," -e "^cases,concluded," -e "^outcome," -e "^rate," out >actual &&
	cat >expect <<-\EOF &&
	cases,received,2
	cases,concluded,1
	outcome,resolved,0
	outcome,failed,0
	outcome,referred,1
	outcome,withdrawn,1
	rate,handled,50.0%
	rate,success,0.0%
	EOF
	test_cmp expect actual
'

test_expect_success 'January: the 2025 case and the petition left out' '
	dispute-log stats --month 2026-01 --at 2026-01-31 -f csv >out &&
	grep -e "^cases," -e "^workers," -e "^money," -e "^rate," out >actual &&
	cat >expect <<-\EOF &&
	cases,received,3
	cases,concluded,2
	cases,open,1
	cases,overdue,0
	cases,petitions,1
	workers,involved,16
	workers,collective_cases,1
	money,claimed,42500.50
	money,recovered,10500.50
	rate,handled,66.7%
	rate,success,100.0%
	EOF
	test_cmp expect actual
'

test_expect_success 'petitions are counted apart: a period of petitions only has no rates' '
	dispute-log stats --from 2026-01-08 --to 2026-01-08 --at 2026-01-31 -f csv >out &&
	grep -e "^cases," -e "^workers," -e "^money," -e "^rate," -e "^outcome,resolved" out >actual &&
	cat >expect <<-\EOF &&
	cases,received,0
	cases,concluded,0
	cases,open,0
	cases,overdue,0
	cases,petitions,1
	outcome,resolved,0
	workers,involved,0
	workers,collective_cases,0
	money,claimed,0.00
	money,recovered,0.00
	rate,handled,–
	rate,success,–
	EOF
	test_cmp expect actual
'

test_expect_success 'zero denominators: – in csv, never 0% or 100%' '
	test "$(stat_ rate handled --year 2024)" = "–" &&
	test "$(stat_ rate success --year 2024)" = "–" &&
	test "$(stat_ rate handled --from 2026-03-20 --to 2026-03-31 --at 2026-03-31)" = 0.0% &&
	test "$(stat_ rate success --from 2026-03-20 --to 2026-03-31 --at 2026-03-31)" = "–"
'

test_expect_success 'open and overdue are counted at --at' '
	test "$(stat_ cases open $Q1)" = 3 &&
	test "$(stat_ cases overdue $Q1)" = 1 &&
	test "$(stat_ cases open --from 2026-01-01 --to 2026-03-31 --at 2026-04-10)" = 2 &&
	test "$(stat_ cases overdue --from 2026-01-01 --to 2026-03-31 --at 2026-04-10)" = 2
'

test_expect_success 'stats -f json: one object, counts numbers, money strings, rates numbers' '
	dispute-log stats $Q1 -f json >out &&
	python3 - out <<-\EOF
	import json, sys
	s = json.load(open(sys.argv[1], encoding="utf-8"))
	want = {"from": "2026-01-01", "to": "2026-03-31", "received": 9, "concluded": 5,
	        "resolved": 3, "failed": 1, "referred": 1, "withdrawn": 1, "open": 3, "overdue": 1,
	        "petitions": 2, "workers": 43, "collective": 2, "collective_threshold": 10,
	        "claimed": "52500.50", "recovered": "13500.50", "handled_rate": 55.6,
	        "success_rate": 60.0,
	        "by_category": {"relationship": 1, "contract": 1, "termination": 1, "hours-leave": 1,
	                        "social-insurance": 1, "wages": 2, "injury": 1, "other": 1}}
	assert s == want, s
	for k in ("received", "concluded", "resolved", "petitions", "workers", "collective"):
	    assert type(s[k]) is int, k
	assert all(type(v) is int for v in s["by_category"].values())
	EOF
'

test_expect_success 'stats -f json: a zero denominator is null, a zero rate 0' '
	dispute-log stats --year 2024 -f json >out &&
	dispute-log stats --from 2026-03-20 --to 2026-03-31 --at 2026-03-31 -f json >out2 &&
	python3 - out out2 <<-\EOF
	import json, sys
	s = json.load(open(sys.argv[1], encoding="utf-8"))
	assert s["received"] == 0 and s["handled_rate"] is None and s["success_rate"] is None, s
	assert s["claimed"] == "0.00", s
	s = json.load(open(sys.argv[2], encoding="utf-8"))
	assert s["received"] == 2 and s["concluded"] == 0, s
	assert s["handled_rate"] == 0 and s["success_rate"] is None, s
	EOF
'

test_expect_success 'stats -f ndjson and -f table carry the same figures' '
	dispute-log stats $Q1 -f ndjson >out &&
	dispute-log stats $Q1 -f csv >csv &&
	python3 - out csv <<-\EOF &&
	import csv, json, sys
	nd = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
	rows = list(csv.DictReader(open(sys.argv[2], encoding="utf-8")))
	assert [(r["measure"], r["key"], str(r["value"])) for r in nd] == \
	       [(r["measure"], r["key"], r["value"]) for r in rows], nd
	EOF
	dispute-log stats $Q1 -f table >out &&
	test_grep "^rate  *handled  *55\.6%" out &&
	test_grep "^rate  *success  *60\.0%" out &&
	test_grep "^money  *claimed  *52500\.50" out
'

test_expect_success 'stats --collective N: cases with at least N workers' '
	test "$(stat_ workers collective_cases $Q1 --collective 9)" = 3 &&
	test "$(stat_ workers collective_cases $Q1 --collective 3)" = 5 &&
	test "$(stat_ workers collective_cases $Q1 --collective 12)" = 1 &&
	test "$(stat_ workers collective_cases $Q1 --collective 13)" = 0 &&
	dispute-log stats $Q1 --collective 9 -f json >out &&
	python3 -c "import json,sys; s=json.load(open(sys.argv[1])); assert s[\"collective\"] == 3 and s[\"collective_threshold\"] == 9, s" out
'

test_expect_success 'the threshold from union-config disputes.collective_threshold; --collective wins' '
	union-config disputes.collective_threshold 4 &&
	test "$(stat_ workers collective_cases $Q1)" = 4 &&
	test "$(stat_ workers collective_cases $Q1 --collective 10)" = 2 &&
	union-config --unset disputes.collective_threshold &&
	test "$(stat_ workers collective_cases $Q1)" = 2
'

test_expect_success 'a bad --collective is refused (65)' '
	refused 65 "collective" stats $Q1 --collective 1 &&
	refused 65 "collective" stats $Q1 --collective 0 &&
	refused 65 "collective" stats $Q1 --collective ten
'

test_expect_success 'stats: bad periods 64/65, a bad --at 65, a stray argument 64' '
	refused 64 "" stats --year 2026 --month 2026-01 &&
	refused 64 "" stats --to 2026-03-31 &&
	refused 65 "2026-13" stats --month 2026-13 &&
	refused 65 "2026-02-30" stats --year 2026 --at 2026-02-30 &&
	refused 64 "" stats 2026
'

test_expect_success 'stats changes nothing' '
	db_dump >before &&
	dispute-log stats $Q1 >/dev/null &&
	dispute-log stats --year 2026 --at 2026-06-30 -f json >/dev/null &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'a case closed in the period and reopened after it was concluded by the period end' '
	dispute-log update 2026-0009 --reopen --note 企业未履行协议 --date 2026-04-10 &&
	dispute-log stats $Q1 -f csv >out &&
	grep -e "^cases,concluded," -e "^outcome,resolved," -e "^rate," out >actual &&
	cat >expect <<-\EOF &&
	cases,concluded,5
	outcome,resolved,3
	rate,handled,55.6%
	rate,success,60.0%
	EOF
	test_cmp expect actual
'

test_done
