#!/bin/sh
# report-month of the month in progress runs to today and says so in the
# document (截至YYYY年M月D日; "partial": true and "as_of" in JSON); a month
# that is over runs to its last day ("partial": false, "as_of" its end); a
# month not begun is refused (65). An entry dated after today counts from
# its day. The year's report words those who left apart: 退会 (left the
# union) and 调出 (transferred to another employer).
. "$(dirname "$0")/lib.sh"

# Deliberately of the day the test runs: the month in progress, today, and
# whether today is its last day (then the month is over).
MONTH=$(date +%Y-%m)
TODAY=$(date +%F)
TODAY_ZH=$(date +%Y年%-m月%-d日)
LAST=$(date -d "$MONTH-01 +1 month -1 day" +%F)
TOMORROW=$(date -d "$TODAY +1 day" +%F)

# jget FILE KEY: a top-level value of a JSON report.
jget() {
	python3 -c "import json, sys; print(json.dumps(json.load(open(sys.argv[1]))[sys.argv[2]]))" "$1" "$2"
}

test_expect_success 'setup: books with an entry today and one dated tomorrow (meant)' '
	fund-ledger -q opening 2026-01-01 1000 --fund general --account bank >/dev/null &&
	fund-ledger -q add 2026-01-10 100 402 >/dev/null &&
	fund-ledger -q add "$TODAY" 7 402 >/dev/null &&
	fund-ledger -q add --allow-future "$TOMORROW" 50 402 >/dev/null
'

test_expect_success 'the month in progress: JSON says partial, as of today' '
	report-month --month "$MONTH" --dry-run -f json >m.json &&
	if [ "$TODAY" = "$LAST" ]; then
		test "$(jget m.json partial)" = false
	else
		test "$(jget m.json partial)" = true
	fi &&
	test "$(jget m.json as_of)" = "\"$TODAY\""
'

test_expect_success 'the month in progress: md, table and html say 截至 today' '
	if [ "$TODAY" = "$LAST" ]; then
		report-month --month "$MONTH" --dry-run -f md >m.md &&
		test_must_fail grep -q "截至" m.md
	else
		report-month --month "$MONTH" --dry-run -f md >m.md &&
		sed -n 3p m.md >actual &&
		echo "截至$TODAY_ZH" >expect &&
		test_cmp expect actual &&
		report-month --month "$MONTH" --dry-run -f table >m.txt &&
		sed -n 2p m.txt >actual &&
		test_cmp expect actual &&
		report-month --month "$MONTH" --dry-run -f html >m.html &&
		test_grep "^<p>截至$TODAY_ZH</p>$" m.html &&
		report-month --month "$MONTH" --dry-run --lang en -f md >en.md &&
		test_grep "^As of $TODAY (the period is not over)$" en.md
	fi
'

test_expect_success 'an entry dated after today is not in the month in progress (nor its year so far)' '
	python3 -c "
import json
r = json.load(open(\"m.json\"))
row = [x for x in r[\"statement\"] if x[\"code\"] == \"402\"][0]
assert row[\"month\"] == \"7.00\", row
assert row[\"year_to_date\"] == (\"107.00\" if r[\"month\"] < \"2027\" else \"7.00\"), row
closing = [b for b in r[\"balances\"] if b[\"fund\"] == \"general\"][0][\"closing\"]
assert closing == \"1107.00\", closing
"
'

test_expect_success 'a month that is over: not partial, as of its last day, no 截至' '
	report-month --month 2026-01 --dry-run -f json >jan.json &&
	test "$(jget jan.json partial)" = false &&
	test "$(jget jan.json as_of)" = "\"2026-01-31\"" &&
	report-month --month 2026-01 --dry-run -f md >jan.md &&
	test_must_fail grep -q "截至" jan.md
'

test_expect_success 'a month not begun: 65, said, nothing recorded' '
	test_refused 65 "--month .2099-01.: the month has not begun (today is $TODAY): nothing to disclose" \
		report-month --month 2099-01 -f md &&
	test "$(db_query "SELECT count(*) FROM disclosures")" = 0
'

test_expect_success 'a year not begun: 65, said' '
	test_refused 65 "--year 2099: the year has not begun (today is $TODAY): nothing to report" \
		report-year --year 2099 -f json
'

test_expect_success 'the month in progress is not recorded as disclosed; a month over is' '
	report-month --month "$MONTH" -f json >/dev/null &&
	report-month --month 2026-01 -f json >/dev/null &&
	if [ "$TODAY" = "$LAST" ]; then n=2; else n=1; fi &&
	test "$(db_query "SELECT count(*) FROM disclosures")" = $n &&
	test "$(db_query "SELECT count(*) FROM disclosures WHERE month = ${SQ}2026-01${SQ}")" = 1
'

test_expect_success 'the year report words 退会 and 调出 apart, in every form; the JSON keys stay' '
	member-add -q "$DATA/ledger-members.csv" &&
	member-set -q 000001 --status transferred --date 2025-03-10 &&
	member-set -q 000002 --status left --date 2025-04-10 &&
	member-set -q 000003 --status left --date 2025-05-10 &&
	report-year --year 2025 -f md >y.md &&
	test_grep "^| 退会 | 2 |$" y.md &&
	test_grep "^| 调出 | 1 |$" y.md &&
	test_must_fail grep -q "转出" y.md &&
	report-year --year 2025 -f table >y.txt &&
	test_grep "^退会  *2$" y.txt &&
	test_grep "^调出  *1$" y.txt &&
	report-year --year 2025 -f html >y.html &&
	test_grep "<td>调出</td>" y.html &&
	report-year --year 2025 --lang en -f md >y.en &&
	test_grep "^| left the union | 2 |$" y.en &&
	test_grep "^| transferred to another employer | 1 |$" y.en &&
	report-year --year 2025 -f json >y.json &&
	python3 -c "
import json
m = json.load(open(\"y.json\"))[\"members\"][\"left\"]
assert m == {\"left\": 2, \"transferred\": 1, \"deceased\": 0}, m
"
'

test_done
