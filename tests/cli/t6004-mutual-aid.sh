#!/bin/sh
# mutual-aid: a member enrolled once a year, the premium posted into the
# fund mutual-aid; claims to the enrolled only, paid from it; the seed's
# federation (在职4886, 退休859, 安康1423, 特种2956 insured over 49 units,
# 32 of them in full) imported from its units' returns, in stats, in
# report-year's JSON and in its prose, the total computed (10124, not the
# 10135 the seed prints).
. "$(dirname "$0")/lib.sh"
. "$DATA/report-union.sh"

refused() { c=$1 p=$2; shift 2; test_refused "$c" "$p" mutual-aid "$@"; }

test_expect_success 'setup: three members of 教务处, one of 总务处' '
	member-add -q --name 赵一 --id-card 110105198001010016 --unit 教务处 &&
	member-add -q --name 钱二 --id-card 110105198102020029 --unit 教务处 &&
	member-add -q --name 孙三 --id-card 110105198203030031 --unit 教务处 &&
	member-add -q --name 李四 --id-card 110105198304040044 --unit 总务处
'

test_expect_success 'enrol: a member once a year, the premium posted into mutual-aid (408)' '
	mutual-aid enrol --year 2026 --category 在职 --member 000001 --premium 30 --date 2026-01-10 >out &&
	echo 1 >expect && test_cmp expect out &&
	test "$(db_query "SELECT e.fund, e.category, e.direction, e.amount, e.date FROM ledger_entries e
		JOIN mutual_aid_enrolments m ON m.entry_id = e.id")" = "mutual-aid|408|in|3000|2026-01-10" &&
	refused 65 "member 000001 is enrolled for 2026 already" enrol --year 2026 --category 退休 --member 000001 &&
	mutual-aid enrol --year 2027 --category active --member 000001 --premium 30 --date 2026-12-01 >/dev/null &&
	mutual-aid enrol --year 2026 --category 在职 --member 000002 --premium 30 --date 2026-01-10 >/dev/null
'

test_expect_success 'claims: to an enrolled member, from the fund; never past what it holds unless allowed' '
	id=$(mutual-aid claim 2026-06-10 --member 000001 --amount 50 --note 住院) &&
	test "$(db_query "SELECT e.fund, e.category, e.direction, e.amount FROM ledger_entries e
		JOIN mutual_aid_claims c ON c.entry_id = e.id WHERE c.id = $id")" = "mutual-aid|50206|out|5000" &&
	refused 65 "member 000003 is not enrolled for 2026" claim 2026-06-10 --member 000003 --amount 10 &&
	refused 65 "overdraft" claim 2026-06-11 --member 000002 --amount 500 &&
	mutual-aid claim 2026-06-11 --member 000002 --amount 500 --allow-overdraft >/dev/null &&
	fund-ledger verify
'

test_expect_success 'stats: the insured, a unit of the register in full only when all its active members are' '
	mutual-aid stats --year 2026 -f csv >s.csv &&
	test_grep "^insured,active,2\$" s.csv &&
	test_grep "^units,taking_part,1\$" s.csv &&
	test_grep "^units,in_full,0\$" s.csv &&
	test_grep "^money,premiums,60.00\$" s.csv &&
	test_grep "^money,paid,550.00\$" s.csv &&
	mutual-aid enrol --year 2026 --category 退休 --member 000003 >/dev/null &&
	mutual-aid stats --year 2026 -f csv >s2.csv &&
	test_grep "^units,in_full,1\$" s2.csv
'

test_expect_success 'bad input: 65 or 64, one line, the database unchanged' '
	refused 65 "unknown category .临时." enrol --year 2026 --category 临时 --member 000004 &&
	refused 65 "one of them" enrol --year 2026 --category 在职 &&
	refused 65 "one of them" enrol --year 2026 --category 在职 --member 000004 --unit 某厂 --count 3 &&
	refused 65 "count must be a whole number" enrol --year 2026 --category 在职 --unit 某厂 --count 0 &&
	refused 65 "9 insured of a unit of 5 workers" enrol --year 2026 --category 在职 --unit 某厂 --count 9 --workers 5 &&
	refused 65 "go with --unit" enrol --year 2026 --category 在职 --member 000004 --count 3 &&
	refused 65 "no member .000009." enrol --year 2026 --category 在职 --member 000009 &&
	refused 65 "premium must be" enrol --year 2026 --category 在职 --member 000004 --premium 0 &&
	refused 65 "year must be" enrol --year 26 --category 在职 --member 000004 &&
	refused 64 "enrol needs --year and --category" enrol --member 000004 &&
	refused 64 "claim needs --member and --amount" claim 2026-06-01 --member 000001 &&
	refused 65 "date" claim 2026-13-01 --member 000001 --amount 1
'

test_expect_success 'the seed federation: 49 units'"'"' returns imported, a bad one refusing the file' '
	union-config -q -d fed.db init --name 某街道总工会 &&
	awk "BEGIN { print \"年度,类别,单位,参保人数,职工人数\"
		for (i = 1; i <= 49; i++) {
			a = 99 + (i <= 35); r = 17 + (i <= 26); k = 29 + (i <= 2); s = 60 + (i <= 16)
			w = i <= 32 ? a : a + 10
			printf \"2026,在职,企业%d,%d,%d\n2026,退休,企业%d,%d,%d\n\", i, a, w, i, r, w
			printf \"2026,安康,企业%d,%d,%d\n2026,特种,企业%d,%d,%d\n\", i, k, w, i, s, w
		} }" >units.csv &&
	{ cat units.csv && echo "2026,在职,企业1,5,5"; } >twice.csv &&
	db_dump fed.db >before &&
	test_expect_code 65 mutual-aid -d fed.db import twice.csv 2>err &&
	test_grep "twice.csv:198: 企业1 is enrolled for 2026 as 在职 already" err &&
	db_dump fed.db >after && test_cmp before after &&
	mutual-aid -d fed.db import units.csv 2>err &&
	test_grep "^mutual-aid: added 196, unchanged 0\$" err &&
	mutual-aid -d fed.db stats --year 2026 -f csv >fed.csv &&
	cat >expect <<-\EOF &&
	measure,key,value
	insured,active,4886
	insured,retired,859
	insured,ankang,1423
	insured,special,2956
	insured,total,10124
	units,taking_part,49
	units,in_full,32
	claims,count,0
	money,premiums,0.00
	money,paid,0.00
	EOF
	test_cmp expect fed.csv
'

test_expect_success 'the seed federation in report-year: JSON, the table and the sentence' '
	report-year -d fed.db --year 2026 -f json >y.json &&
	test "$(jget y.json mutual_aid.insured.total)" = 10124 &&
	test "$(jget y.json mutual_aid.units)" = 49 &&
	test "$(jget y.json mutual_aid.full_units)" = 32 &&
	report-year -d fed.db --year 2026 -f md >y.md &&
	test_grep "医疗互助参保人数为10124人，其中在职参保4886人，退休参保859人，安康参保1423人，特种参保2956人，共有49家单位参保，其中32家企业全员参保。" y.md &&
	test_grep "^| 全员参保单位 | 32 |\$" y.md &&
	zh mutual-aid -d fed.db stats --year 2026 -f table >zh.txt &&
	test_grep "^参保人数  *特种  *2956\$" zh.txt &&
	test_grep "^参保单位  *全员参保  *32\$" zh.txt
'

test_done
