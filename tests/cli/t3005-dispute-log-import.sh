#!/bin/sh
# dispute-log import [FILE|-]: CSV or JSON, a new case per record numbered
# per year; records with an outcome come in closed (outcome, recovered,
# closed date), "mediating" ones mediating. All or nothing: any bad record
# and nothing is written (65), each bad record named FILE:LINE; --skip-bad
# writes the good ones only and exits 1, --rejects writes the bad ones back
# with an error column, --dry-run writes nothing.
. "$(dirname "$0")/lib.sh"

Q1=$DATA/disputes-2026q1.csv
BAD=$DATA/disputes-bad.csv

members() {
	member-add -d "$1" -q --name 张三明 --employee-no E001 &&
	member-add -d "$1" -q --name 李四 --employee-no E002 &&
	member-add -d "$1" -q --name 王小明 --employee-no E003
}

# cases [DB]: every case as stored, one line each.
cases() {
	db_query "SELECT case_no, kind, received, coalesce(source, '-'), category, employer,
		coalesce(employer_code, '-'), workers, coalesce(claimed, '-'), summary, status,
		coalesce(outcome, '-'), coalesce(recovered, '-'), coalesce(closed, '-'),
		coalesce((SELECT group_concat(m.member_no, ' ') FROM dispute_members x
			JOIN members m ON m.id = x.member_id WHERE x.dispute_id = d.id), '-')
		FROM disputes d ORDER BY year, seq" "${1:-$UNIONKIT_DB}"
}

test_expect_success 'import CSV: every record a case, closed ones closed, numbered per year' '
	members "$UNIONKIT_DB" &&
	dispute-log import "$Q1" >out 2>err &&
	test_must_fail test -s out &&
	test_grep "^dispute-log: added 8, unchanged 0" err &&
	cases >actual &&
	cat >expect <<-\EOF &&
	2025-0001|dispute|2025-12-29|visit|wages|某服装厂|-|2|300000|年底欠薪|closed|resolved|300000|2026-01-08|-
	2026-0001|dispute|2026-01-05|visit|wages|厦门某电子有限公司|91350200776049653A|12|3600000|拖欠加班费|closed|resolved|3000000|2026-01-16|000001 000002
	2026-0002|dispute|2026-01-12|phone|injury|某建材厂|-|1|4800000|工伤医疗费争议|closed|failed|-|2026-01-30|-
	2026-0003|dispute|2026-01-20|letter|contract|某物流公司|-|3|-|未签书面劳动合同|mediating|-|-|-|000003
	2026-0004|petition|2026-02-02|letter|other|某商场|-|2|-|来信反映食堂问题|open|-|-|-|-
	2026-0005|dispute|2026-02-10|referral|termination|某餐饮店|913502000728319549|1|800050|违法解除|closed|withdrawn|-|2026-02-15|-
	2026-0006|dispute|2026-02-14|visit|social-insurance|某服装厂|-|25|12000000|未缴社保|closed|referred|500000|2026-03-02|-
	2026-0007|dispute|2026-03-03|visit|wages|某服装厂|-|4|960000|克扣工资|open|-|-|-|-
	EOF
	test_cmp expect actual
'

test_expect_success 'an imported closed case has its open and close in the timeline, dated' '
	dispute-log show 2026-0002 -f csv | sed -n "/^case_no,date,/,\$p" | cut -d, -f2-5 >actual &&
	cat >expect <<-\EOF &&
	date,action,status,outcome
	2026-01-12,open,open,
	2026-01-30,close,closed,failed
	EOF
	test_cmp expect actual
'

test_expect_success 'import JSON: the same cases as from CSV' '
	union-config -q init --db json.db &&
	members json.db &&
	dispute-log -d json.db import "$DATA/disputes-2026q1.json" 2>err &&
	test_grep "^dispute-log: added 8, unchanged 0" err &&
	cases json.db >actual &&
	cases >expect &&
	test_cmp expect actual
'

test_expect_success 'import from stdin, and the Chinese headers of a spreadsheet' '
	union-config -q init --db cn.db &&
	dispute-log -d cn.db import - <"$DATA/disputes-cn-headers.csv" 2>err &&
	test_grep "added 2, unchanged 0" err &&
	cases cn.db >actual &&
	cat >expect <<-\EOF &&
	2026-0001|dispute|2026-01-15|visit|wages|某电子厂|91350200776049653A|6|1800000|拖欠工资|closed|resolved|1500000|2026-01-28|-
	2026-0002|dispute|2026-01-22|phone|injury|某建材厂|-|1|5200000|工伤待遇|open|-|-|-|-
	EOF
	test_cmp expect actual
'

test_expect_success 'what ls writes, import reads back: the same cases in a new database' '
	union-config -q init --db copy.db &&
	members copy.db &&
	dispute-log ls -f csv >listing.csv &&
	dispute-log -d copy.db import listing.csv 2>err &&
	cases copy.db >actual &&
	cases >expect &&
	test_cmp expect actual &&
	union-config -q init --db nd.db &&
	members nd.db &&
	dispute-log ls -f ndjson | dispute-log -d nd.db import - 2>err &&
	cases nd.db >actual &&
	test_cmp expect actual
'

test_expect_success 'a bad record anywhere: nothing written (65), every bad one named FILE:LINE' '
	db_dump >before &&
	test_expect_code 65 dispute-log import "$BAD" >out 2>err &&
	test_must_fail test -s out &&
	db_dump >after &&
	test_cmp before after &&
	test_grep "disputes-bad.csv:3: unknown category .加班" err &&
	test_grep "disputes-bad.csv:6: .*2026-02-30" err &&
	test_grep "disputes-bad.csv:7: .*-100" err &&
	test_grep "disputes-bad.csv:8: .*dates never run backwards" err &&
	test_grep "disputes-bad.csv:9: .*failed" err &&
	test_grep "disputes-bad.csv:10: .*000099" err &&
	test_grep "disputes-bad.csv:12: .*ABC" err &&
	test_grep "disputes-bad.csv:13: .*workers" err &&
	test_must_fail grep "disputes-bad.csv:\(2\|4\|5\|11\):" err &&
	test_grep "^dispute-log: 8 bad records: nothing written" err
'

test_expect_success 'each bad record is one message, FILE:LINE first (unionkit(7) MESSAGES)' '
	test_expect_code 65 dispute-log import "$BAD" 2>err &&
	grep -v "bad records: nothing written" err >msgs &&
	test_must_fail grep -v "^dispute-log: [^ ]*disputes-bad.csv:[0-9][0-9]*: " msgs &&
	test "$(wc -l <msgs)" = 8
'

test_expect_success 'a refused import into a new database leaves it as union-config init made it' '
	union-config -q init --db fresh.db &&
	cp fresh.db fresh.copy &&
	test_expect_code 65 dispute-log -d fresh.db import "$BAD" 2>err &&
	cmp fresh.db fresh.copy &&
	test_must_fail test -s fresh.db-wal &&
	test_expect_code 66 dispute-log -d typo.db import "$DATA/disputes-2026q1.csv" 2>err &&
	test_grep "typo.db.*union-config init" err &&
	test_must_fail test -e typo.db
'

test_expect_success 'import --dry-run: checked and reported, nothing written' '
	db_dump >before &&
	dispute-log import --dry-run "$DATA/disputes-cn-headers.csv" >out 2>err &&
	test_grep "added 2" err &&
	test_grep "nothing written" err &&
	db_dump >after &&
	test_cmp before after &&
	test_expect_code 65 dispute-log import --dry-run "$BAD" 2>err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'import --skip-bad: the good records in, exit 1, the bad ones not at all' '
	union-config -q init --db skip.db &&
	members skip.db &&
	test_expect_code 1 dispute-log -d skip.db import --skip-bad "$BAD" >out 2>err &&
	test_must_fail test -s out &&
	test_grep "added 3, unchanged 0, skipped 8" err &&
	db_query "SELECT case_no, summary, status FROM disputes ORDER BY id" skip.db >actual &&
	cat >expect <<-\EOF &&
	2026-0001|第一件好的|open
	2026-0002|第二件好的
	摘要跨两行|closed
	2026-0003|第三件好的|mediating
	EOF
	test_cmp expect actual &&
	test "$(db_query "SELECT count(*) FROM dispute_events" skip.db)" = 5
'

test_expect_success 'import --rejects: the bad records back as CSV with an error column' '
	union-config -q init --db rej.db &&
	members rej.db &&
	test_expect_code 1 dispute-log -d rej.db import --skip-bad --rejects rejects.csv "$BAD" 2>err &&
	head -n 1 rejects.csv >actual &&
	echo "case_no,kind,received,source,category,employer,employer_code,workers,claimed,summary,status,outcome,recovered,closed,members,error" >expect &&
	test_cmp expect actual &&
	python3 - rejects.csv <<-\EOF
	import csv, sys
	rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
	assert [r["summary"] for r in rows] == ["类别不明", "日期不存在", "金额为负", "结案早于收案",
	    "调解不成却有追回", "会员不存在", "信用代码不对", "人数为零"], rows
	assert all(r["error"] for r in rows), rows
	assert "加班" in rows[0]["error"] and "dates never run backwards" in rows[3]["error"], rows
	EOF
'

test_expect_success 'the rejects, once fixed, import cleanly' '
	sed -e "s/,加班,/,wages,/" -e "s/2026-02-30/2026-02-28/" -e "s/,-100,/,100,/" \
		-e "s/,2026-01-01,/,2026-01-21,/" -e "s/,failed,100,/,failed,,/" -e "s/,000099,/,000001,/" \
		-e "s/,ABC,/,,/" -e "s/,0,1000,/,1,1000,/" rejects.csv >fixed.csv &&
	union-config -q init --db fixed.db &&
	members fixed.db &&
	dispute-log -d fixed.db import fixed.csv 2>err &&
	test_grep "added 8, unchanged 0" err
'

test_expect_success 'import: two files 64; a missing file 66' '
	db_dump >before &&
	test_expect_code 64 dispute-log import "$Q1" "$BAD" 2>err &&
	test_expect_code 66 dispute-log import no-such-file.csv 2>err &&
	test_grep "no-such-file.csv" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'a long Chinese status is quoted cut on a character, marked with …; nothing written' '
	printf "received,category,employer,summary,status\n2026-01-05,wages,某公司,欠薪,已经调解完毕并且双方签署了调解协议书等待履行\n" >long.csv &&
	db_dump >before &&
	test_expect_code 65 dispute-log import long.csv 2>err &&
	test_grep "long.csv:2: unknown status ${SQ}已经调解完毕并且双方签署了…${SQ} (one of: open (受理), mediating (调解中), closed (结案))$" err &&
	iconv -f UTF-8 -t UTF-8 err >/dev/null &&
	db_dump >after &&
	test_cmp before after
'

test_done
