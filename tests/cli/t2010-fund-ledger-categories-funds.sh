#!/bin/sh
# fund-ledger categories: the chart of accounts is data (doc/domain.md), seeded
# at creation, listed, and its detail level replaced from a CSV (the top
# classes stay). fund-ledger fund add NAME --title / fund ls: funds of the
# union's own.
. "$(dirname "$0")/lib.sh"

# refused CODE PATTERN ARGS...: fund-ledger refuses, changing nothing.
refused() { c=$1 p=$2; shift 2; test_refused "$c" "$p" fund-ledger "$@"; }

test_expect_success 'the seeded chart: top classes and details of doc/domain.md, income and expense' '
	union-config union.name 测试工会 &&
	fund-ledger categories -f csv >chart.csv &&
	head -1 chart.csv >actual &&
	echo "code,parent,name,slug,kind" >expect &&
	test_cmp expect actual &&
	test_grep "^401,,会费收入,dues,income\$" chart.csv &&
	test_grep "^402,,拨缴经费收入,allocation,income\$" chart.csv &&
	test_grep "^40305,403,送温暖补助,,income\$" chart.csv &&
	test_grep "^501,,职工活动支出,activities,expense\$" chart.csv &&
	test_grep "^502,,维权支出,rights,expense\$" chart.csv &&
	test_grep "^50204,502,困难职工帮扶费,,expense\$" chart.csv &&
	test_grep "^50205,502,送温暖费,,expense\$" chart.csv &&
	test_grep "^50301,503,培训费,,expense\$" chart.csv &&
	test_grep "^508,,其他支出,other-expense,expense\$" chart.csv &&
	test_grep ",services,expense\$" chart.csv &&
	test "$(grep -c ",income\$" chart.csv)" = 12 &&
	test "$(grep -c "^50[0-9]*,502," chart.csv)" = 6
'

test_expect_success 'categories -f json and the default csv' '
	fund-ledger categories >default.csv &&
	test_cmp chart.csv default.csv &&
	fund-ledger categories -f json >chart.json &&
	python3 -c "
import json
rows = json.load(open(\"chart.json\"))
r = [x for x in rows if x[\"code\"] == \"401\"][0]
assert r == {\"code\": \"401\", \"parent\": None, \"name\": \"会费收入\", \"slug\": \"dues\", \"kind\": \"income\"}, r
"
'

test_expect_success 'setup: entries under 50204 and 50101' '
	fund-ledger -q opening 2026-01-01 10000 --fund general --account bank >/dev/null &&
	fund-ledger -q add 2026-01-10 100 50204 >/dev/null &&
	fund-ledger -q add 2026-01-11 100 职工教育费 >/dev/null
'

test_expect_success 'categories --load replaces the details: a new one under 502 works in add' '
	cat >chart-new.csv <<-\EOF &&
	code,parent,name,slug
	50101,501,职工教育费,
	50204,502,困难职工帮扶费,
	50207,维权支出,大病救助费,serious-illness
	50208,rights,金秋助学费,
	EOF
	fund-ledger categories --load chart-new.csv >out 2>err &&
	test_must_fail test -s out &&
	fund-ledger categories -f csv | sed 1d | awk -F, "\$2 != \"\"" >actual &&
	cat >expect <<-\EOF &&
	50101,501,职工教育费,,expense
	50204,502,困难职工帮扶费,,expense
	50207,502,大病救助费,serious-illness,expense
	50208,502,金秋助学费,,expense
	EOF
	test_cmp expect actual &&
	fund-ledger add 2026-02-01 500 50207 >out &&
	fund-ledger add 2026-02-01 200 serious-illness >>out &&
	fund-ledger add 2026-02-01 300 "金秋助学费/张同学" >>out &&
	db_query "SELECT category, coalesce(subcategory, ${SQ}-${SQ}), direction FROM ledger_entries WHERE id IN ($(paste -sd, out)) ORDER BY id" >actual &&
	cat >expect <<-\EOF &&
	50207|-|out
	50207|-|out
	50208|张同学|out
	EOF
	test_cmp expect actual &&
	test "$(fund-ledger ls --category 502 -f csv | sed 1d | wc -l)" = 4
'

test_expect_success 'the top classes stayed; details left out are gone' '
	fund-ledger categories -f csv >chart2.csv &&
	test_grep "^502,,维权支出,rights,expense\$" chart2.csv &&
	test_grep "^401,,会费收入,dues,income\$" chart2.csv &&
	test_must_fail grep -q "^50205," chart2.csv &&
	refused 65 "unknown category .50205." add 2026-02-02 10 50205
'

test_expect_success 'a detail used by an entry cannot go: 65, chart unchanged' '
	printf "code,parent,name,slug\n50101,501,职工教育费,\n50207,502,大病救助费,\n50208,502,金秋助学费,\n" >drop.csv &&
	refused 65 "50204.*used" categories --load drop.csv
'

test_expect_success 'a row whose parent is not a top class is refused with FILE:LINE' '
	cat >bad-parent.csv <<-\EOF &&
	code,parent,name,slug
	50101,501,职工教育费,
	50204,502,困难职工帮扶费,
	50207,502,大病救助费,
	50208,502,金秋助学费,
	5020401,50204,特困帮扶,
	60001,opening,坏科目,
	70001,999,没有上级,
	EOF
	refused 65 "bad-parent.csv:6: .*50204.*not a top class" categories --load bad-parent.csv &&
	test_grep "^fund-ledger: bad-parent.csv:7: .*opening" err &&
	test_grep "^fund-ledger: bad-parent.csv:8: .*999" err
'

test_expect_success 'a detail row cannot take the code of a top class; a row without a parent is refused' '
	printf "code,parent,name,slug\n50101,501,职工教育费,\n50204,502,困难职工帮扶费,\n50207,502,大病救助费,\n50208,502,金秋助学费,\n401,502,假会费,\n" >top.csv &&
	refused 65 "top.csv:6: .*401" categories --load top.csv &&
	printf "code,parent,name,slug\n50101,501,职工教育费,\n50204,502,困难职工帮扶费,\n59999,,无上级,\n" >noparent.csv &&
	refused 65 "noparent.csv:4: .*59999" categories --load noparent.csv
'

test_expect_success 'the listing read back loads unchanged' '
	fund-ledger categories -f csv >listed.csv &&
	fund-ledger categories --load listed.csv &&
	fund-ledger categories -f csv >again.csv &&
	test_cmp listed.csv again.csv
'

test_expect_success 'categories --load: a missing file 66, a file without the code column 65' '
	refused 66 "nosuch.csv" categories --load nosuch.csv &&
	printf "name,parent\n大病救助费,502\n" >nocode.csv &&
	refused 65 "code" categories --load nocode.csv
'

test_expect_success 'the default funds, listed with their balances' '
	fund-ledger fund ls -f csv >actual &&
	cat >expect <<-\EOF &&
	name,title,balance
	general,工会经费,8800.00
	hardship,帮困基金,0.00
	mutual-aid,职工医疗互助,0.00
	EOF
	test_cmp expect actual
'

test_expect_success 'fund add NAME --title: a new fund, listed, used by add and transfer' '
	fund-ledger fund add union-hall --title 职工之家 >out 2>err &&
	test_must_fail test -s out &&
	test "$(db_query "SELECT title FROM ledger_funds WHERE name = ${SQ}union-hall${SQ}")" = 职工之家 &&
	fund-ledger transfer 2026-03-01 1000 --from general --to union-hall >/dev/null &&
	fund-ledger add 2026-03-02 250.50 50101 --fund union-hall >out &&
	test "$(db_query "SELECT fund FROM ledger_entries WHERE id = $(cat out)")" = union-hall &&
	fund-ledger fund ls -f csv >actual &&
	cat >expect <<-\EOF &&
	name,title,balance
	general,工会经费,7800.00
	hardship,帮困基金,0.00
	mutual-aid,职工医疗互助,0.00
	union-hall,职工之家,749.50
	EOF
	test_cmp expect actual &&
	fund-ledger balance -f csv | grep "^union-hall," >actual &&
	echo "union-hall,职工之家,1000.00,250.50,749.50" >expect &&
	test_cmp expect actual
'

test_expect_success 'fund add: an existing name or title, a bad name 65; no --title 64' '
	refused 65 "union-hall.*exists" fund add union-hall --title 别的 &&
	refused 65 "职工之家" fund add hall2 --title 职工之家 &&
	refused 65 "Bad_Name" fund add Bad_Name --title 坏名字 &&
	refused 65 "total" fund add total --title 合计 &&
	refused 64 "--title" fund add new-fund &&
	refused 64 "" fund &&
	refused 64 "" fund remove union-hall
'

test_done
