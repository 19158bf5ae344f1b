#!/bin/sh
# activity-log ls [--year Y | --month M | --from DATE --to DATE] [--kind K]:
# the activities in date order, in the record formats of unionkit-formats(5) (csv
# off a terminal, json, ndjson, table). Periods are inclusive. Reads only.
. "$(dirname "$0")/lib.sh"

refused() { c=$1 p=$2; shift 2; test_refused "$c" "$p" activity-log "$@"; }

test_expect_success 'ls on a database that does not exist: 66, and none is created' '
	test_expect_code 66 activity-log -d missing.db ls >out 2>err &&
	test_grep "^activity-log: .*missing.db.*union-config init" err &&
	test_must_fail test -s out &&
	test_must_fail test -e missing.db
'

test_expect_success 'setup: activities over two years, one with members, one with a cost' '
	member-add -q --name 赵一 --id-card 110105198001010016 &&
	member-add -q --name 钱二 --id-card 110105198102020029 &&
	fund-ledger -q opening 2025-01-01 1000 --fund general --account bank >/dev/null &&
	activity-log add 2025-12-31 meeting 年终总结会 --participants 20 >/dev/null &&
	activity-log add 2026-01-01 culture-sports 元旦长跑 --participants 80 --cost 150.5 --category 50102 >/dev/null &&
	activity-log add 2026-03-31 training 岗位培训 --member 000002 --member 000001 --note "上午, 下午" >/dev/null &&
	activity-log add 2026-04-01 training 安全培训 --participants 25 >/dev/null &&
	activity-log add 2026-02-15 visit 春节走访 --participants 6 >/dev/null &&
	activity-log add 2026-12-31 meeting 年终总结会 --participants 22 --allow-future >/dev/null &&
	test "$(db_query "SELECT count(*) FROM activities")" = 6
'

test_expect_success 'ls: every activity in date order, csv off a terminal' '
	activity-log ls >actual &&
	cat >expect <<-\EOF &&
	id,date,kind,title,participants,plan_item,cost,category,fund,entry_id,members,note
	1,2025-12-31,meeting,年终总结会,20,,,,,,,
	2,2026-01-01,culture-sports,元旦长跑,80,,150.50,50102,general,2,,
	5,2026-02-15,visit,春节走访,6,,,,,,,
	3,2026-03-31,training,岗位培训,2,,,,,,000001;000002,"上午, 下午"
	4,2026-04-01,training,安全培训,25,,,,,,,
	6,2026-12-31,meeting,年终总结会,22,,,,,,,
	EOF
	test_cmp expect actual
'

test_expect_success '--year: from the first of January to the 31st of December' '
	activity-log ls --year 2026 -f csv | cut -d, -f1,2 >actual &&
	printf "id,date\n2,2026-01-01\n5,2026-02-15\n3,2026-03-31\n4,2026-04-01\n6,2026-12-31\n" >expect &&
	test_cmp expect actual &&
	activity-log ls --year 2025 -f csv | cut -d, -f1,2 >actual &&
	printf "id,date\n1,2025-12-31\n" >expect &&
	test_cmp expect actual
'

test_expect_success '--month: the whole month, the last day included' '
	activity-log ls --month 2026-03 -f csv | cut -d, -f1,2 >actual &&
	printf "id,date\n3,2026-03-31\n" >expect &&
	test_cmp expect actual &&
	activity-log ls --month 2026-05 -f csv >actual &&
	head -n 1 actual >expect &&
	test_cmp expect actual
'

test_expect_success '--from --to: both days included, dates in any accepted form' '
	activity-log ls --from 2026-02-15 --to 2026/4/1 -f csv | cut -d, -f1,2 >actual &&
	printf "id,date\n5,2026-02-15\n3,2026-03-31\n4,2026-04-01\n" >expect &&
	test_cmp expect actual
'

test_expect_success '--kind, alone and with a period' '
	activity-log ls --kind training -f csv | cut -d, -f1,3 >actual &&
	printf "id,kind\n3,training\n4,training\n" >expect &&
	test_cmp expect actual &&
	activity-log ls --kind meeting --year 2026 -f csv | cut -d, -f1,2 >actual &&
	printf "id,date\n6,2026-12-31\n" >expect &&
	test_cmp expect actual
'

test_expect_success '-f json: an array; counts are numbers, money a string, empty null' '
	activity-log ls --month 2026-01 -f json >actual &&
	cat >expect <<-\EOF &&
	[
	{"id":2,"date":"2026-01-01","kind":"culture-sports","title":"元旦长跑","participants":80,"plan_item":null,"cost":"150.50","category":"50102","fund":"general","entry_id":2,"members":null,"note":null}
	]
	EOF
	test_cmp expect actual
'

test_expect_success '-f ndjson: one object a line' '
	activity-log ls --kind training -f ndjson >actual &&
	cat >expect <<-\EOF &&
	{"id":3,"date":"2026-03-31","kind":"training","title":"岗位培训","participants":2,"plan_item":null,"cost":null,"category":null,"fund":null,"entry_id":null,"members":"000001;000002","note":"上午, 下午"}
	{"id":4,"date":"2026-04-01","kind":"training","title":"安全培训","participants":25,"plan_item":null,"cost":null,"category":null,"fund":null,"entry_id":null,"members":null,"note":null}
	EOF
	test_cmp expect actual
'

test_expect_success '-f table: a header and aligned rows (CJK two columns wide)' '
	activity-log ls --year 2025 -f table >actual &&
	test "$(wc -l <actual)" = 2 &&
	test_grep "^id  *date  *kind  *title  *participants" actual &&
	test_grep "^ *1  2025-12-31  meeting  年终总结会  *20" actual
'

test_expect_success '--excel: BOM and CRLF' '
	activity-log ls --year 2025 -f csv --excel >actual &&
	printf "\357\273\277id,date,kind,title,participants,plan_item,cost,category,fund,entry_id,members,note\r\n1,2025-12-31,meeting,年终总结会,20,,,,,,,\r\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'two periods, half a range, a stray argument: 64' '
	refused 64 "just one of --year, --month and --from/--to" ls --year 2026 --month 2026-01 &&
	refused 64 "--from and --to go together" ls --from 2026-01-01 &&
	refused 64 "--from and --to go together" ls --to 2026-01-01 &&
	refused 64 "" ls 2026 &&
	refused 64 "" ls --bogus
'

test_expect_success 'a bad period: 65' '
	refused 65 "--month .2026-13.: no month 13" ls --month 2026-13 &&
	refused 65 "--year .26x.: not a year" ls --year 26x &&
	refused 65 "--from .2026-02-30.: no day 30 in February 2026" ls --from 2026-02-30 --to 2026-03-01
'

test_expect_success 'an unknown --kind: 65, as add refuses it' '
	refused 65 "party" ls --kind party &&
	refused 65 "culture_sports" ls --kind culture_sports --year 2026
'

test_expect_success 'ls reads only: the database is unchanged' '
	db_dump >before &&
	activity-log ls --year 2026 -f json >/dev/null &&
	db_dump >after &&
	test_cmp before after
'

test_done
