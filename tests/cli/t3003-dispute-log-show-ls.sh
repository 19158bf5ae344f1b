#!/bin/sh
# dispute-log show and ls: a case with its dated timeline; listings filtered
# by period of receipt (--year, --month, --from/--to), --status, --category
# and --kind, in csv, json, ndjson and table; member names shown to the
# committee, masked with --mask (unionkit(7) MASKING).
. "$(dirname "$0")/lib.sh"

refused() { c=$1 p=$2; shift 2; test_refused "$c" "$p" dispute-log "$@"; }

# cases ARGS...: the case numbers dispute-log ls ARGS lists, one a line.
cases() {
	dispute-log ls -f csv "$@" >ls.out || return 1
	sed 1d ls.out | cut -d, -f1
}

# dcol TEXT FILE: the display column (CJK = 2) at which TEXT starts on the
# first line of FILE that holds it.
dcol() {
	python3 - "$1" "$2" <<-\EOF
	import sys, unicodedata
	text, path = sys.argv[1], sys.argv[2]
	for line in open(path, encoding="utf-8"):
	    i = line.find(text)
	    if i >= 0:
	        print(sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line[:i]))
	        break
	else:
	    sys.exit("no %r in %s" % (text, path))
	EOF
}

test_expect_success 'setup: two members and seven cases around the new year' '
	member-add -q --name 张三明 --employee-no E001 &&
	member-add -q --name 李四 --employee-no E002 &&
	dispute-log open --received 2025-12-20 --category wages --employer 某电子厂 --workers 3 \
		--summary 年底欠薪 >/dev/null &&
	dispute-log close 2025-0001 --outcome resolved --recovered 2000 --date 2026-01-05 &&
	dispute-log open --received 2026-01-05 --category wages --employer 厦门某电子有限公司 \
		--employer-code 91350200776049653A --member 000001 --member 000002 --workers 2 \
		--claimed 5000 --source visit --summary 加班费未付 >/dev/null &&
	dispute-log update 2026-0001 --status mediating --note 约谈企业 --date 2026-01-08 &&
	dispute-log open --received 2026-01-20 --category injury --employer 某建材厂 \
		--summary 工伤医疗费 >/dev/null &&
	dispute-log open --received 2026-02-03 --category contract --employer 某物流公司 \
		--kind petition --source letter --summary 来信反映未签合同 >/dev/null &&
	dispute-log open --received 2026-02-28 --category wages --employer 某餐饮店 --workers 11 \
		--claimed 66000 --summary 集体欠薪 >/dev/null &&
	dispute-log close 2026-0004 --outcome failed --date 2026-03-05 --note 企业拒绝 &&
	dispute-log open --received 2026-03-01 --category other --employer 某商场 \
		--summary 其他 >/dev/null &&
	dispute-log open --received 2026-03-31 --category other --employer 某商场 \
		--summary 月末来访 >/dev/null &&
	test "$(db_query "SELECT count(*) FROM disputes")" = 7
'

test_expect_success 'show: the case, a blank line, then its timeline' '
	dispute-log show 2026-0001 -f csv >out 2>err &&
	test_must_fail test -s err &&
	sed "s/,[0-9-]*T[0-9:]*\$//" out >actual &&
	cat >expect <<-\EOF &&
	case_no,kind,received,source,category,employer,employer_code,workers,claimed,summary,status,outcome,recovered,closed,members,voided_at,void_reason
	2026-0001,dispute,2026-01-05,visit,wages,厦门某电子有限公司,91350200776049653A,2,5000.00,加班费未付,mediating,,,,000001 张三明;000002 李四,,

	case_no,date,action,status,outcome,note,recorded_at
	2026-0001,2026-01-05,open,open,,加班费未付
	2026-0001,2026-01-08,mediating,mediating,,约谈企业
	EOF
	test_cmp expect actual
'

test_expect_success 'show a closed case: outcome, recovered, closed, and the close in its timeline' '
	dispute-log show 2025-0001 -f csv >out &&
	sed -n 2p out | cut -d, -f11-14 >actual &&
	echo "closed,resolved,2000.00,2026-01-05" >expect &&
	test_cmp expect actual &&
	grep "^2025-0001,2026-01-05,close,closed,resolved," out
'

test_expect_success 'show --mask masks the member names' '
	dispute-log show 2026-0001 --mask -f csv >out &&
	sed -n 2p out | cut -d, -f15 >actual &&
	echo "000001 张*明;000002 李*" >expect &&
	test_cmp expect actual &&
	test_must_fail grep 张三明 out
'

test_expect_success 'show: an unknown case 65, no CASE or two 64' '
	refused 65 "2026-0099" show 2026-0099 &&
	refused 64 "" show &&
	refused 64 "" show 2026-0001 2026-0002
'

test_expect_success 'ls: every case in order of receipt, csv by default on a pipe' '
	dispute-log ls >out &&
	head -n 1 out >actual &&
	echo "case_no,kind,received,source,category,employer,employer_code,workers,claimed,summary,status,outcome,recovered,closed,members" >expect &&
	test_cmp expect actual &&
	sed 1d out | cut -d, -f1,3 >actual &&
	cat >expect <<-\EOF &&
	2025-0001,2025-12-20
	2026-0001,2026-01-05
	2026-0002,2026-01-20
	2026-0003,2026-02-03
	2026-0004,2026-02-28
	2026-0005,2026-03-01
	2026-0006,2026-03-31
	EOF
	test_cmp expect actual
'

test_expect_success 'ls --year, --month, --from --to: on the date received, both ends included' '
	cases --year 2025 >actual && echo 2025-0001 >expect && test_cmp expect actual &&
	cases --year 2026 >actual &&
	printf "2026-0001\n2026-0002\n2026-0003\n2026-0004\n2026-0005\n2026-0006\n" >expect &&
	test_cmp expect actual &&
	cases --month 2026-02 >actual && printf "2026-0003\n2026-0004\n" >expect && test_cmp expect actual &&
	cases --month 2026-03 >actual && printf "2026-0005\n2026-0006\n" >expect && test_cmp expect actual &&
	cases --from 2026-01-20 --to 2026-02-28 >actual &&
	printf "2026-0002\n2026-0003\n2026-0004\n" >expect &&
	test_cmp expect actual &&
	cases --from 2026/1/6 --to 2026/1/19 >actual &&
	test_must_fail test -s actual &&
	test_grep "^case_no," ls.out
'

test_expect_success 'ls --status open, mediating, closed' '
	cases --status open >actual &&
	printf "2026-0002\n2026-0003\n2026-0005\n2026-0006\n" >expect &&
	test_cmp expect actual &&
	cases --status mediating >actual && echo 2026-0001 >expect && test_cmp expect actual &&
	cases --status closed >actual && printf "2025-0001\n2026-0004\n" >expect && test_cmp expect actual
'

test_expect_success 'ls --category, --kind petition, and filters together' '
	cases --category wages >actual &&
	printf "2025-0001\n2026-0001\n2026-0004\n" >expect &&
	test_cmp expect actual &&
	cases --category injury >actual && echo 2026-0002 >expect && test_cmp expect actual &&
	cases --kind petition >actual && echo 2026-0003 >expect && test_cmp expect actual &&
	cases --kind dispute --category contract >actual &&
	test_must_fail test -s actual &&
	cases --year 2026 --category wages --status closed >actual &&
	echo 2026-0004 >expect &&
	test_cmp expect actual
'

test_expect_success 'ls: members shown to the committee, masked with --mask' '
	dispute-log ls -f csv --month 2026-01 | grep "^2026-0001," | cut -d, -f15 >actual &&
	echo "000001 张三明;000002 李四" >expect &&
	test_cmp expect actual &&
	dispute-log ls -f csv --mask --month 2026-01 | grep "^2026-0001," | cut -d, -f15 >actual &&
	echo "000001 张*明;000002 李*" >expect &&
	test_cmp expect actual &&
	dispute-log ls -f json --mask >out &&
	test_must_fail grep -e 张三明 -e 李四 out &&
	test_grep "张\*明" out
'

test_expect_success 'ls -f json: an array of objects, counts numbers, money strings' '
	dispute-log ls -f json --year 2026 >out &&
	python3 - out <<-\EOF
	import json, sys
	rows = json.load(open(sys.argv[1], encoding="utf-8"))
	assert isinstance(rows, list) and len(rows) == 6, rows
	keys = ["case_no", "kind", "received", "source", "category", "employer", "employer_code",
	        "workers", "claimed", "summary", "status", "outcome", "recovered", "closed", "members"]
	assert all(list(r) == keys for r in rows), list(rows[0])
	r = rows[0]
	assert r["case_no"] == "2026-0001" and r["workers"] == 2 and r["claimed"] == "5000.00", r
	assert r["members"] == "000001 张三明;000002 李四", r
	assert r["employer"] == "厦门某电子有限公司" and r["status"] == "mediating", r
	r = rows[3]
	assert r["case_no"] == "2026-0004" and r["workers"] == 11 and r["claimed"] == "66000.00", r
	assert r["outcome"] == "failed" and r["closed"] == "2026-03-05" and r["recovered"] is None, r
	assert rows[2]["kind"] == "petition" and rows[2]["source"] == "letter", rows[2]
	EOF
'

test_expect_success 'ls -f ndjson: one object a line, the same as json' '
	dispute-log ls -f ndjson >out &&
	test "$(wc -l <out)" = 7 &&
	dispute-log ls -f json >json &&
	python3 - out json <<-\EOF
	import json, sys
	nd = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
	js = json.load(open(sys.argv[2], encoding="utf-8"))
	assert nd == js, (nd, js)
	EOF
'

test_expect_success 'ls -f table: columns aligned by display width (CJK two columns)' '
	dispute-log ls -f table --year 2026 >out &&
	head -n 1 out >head &&
	test_grep "^case_no  *kind  *received" head &&
	test "$(wc -l <out)" = 7 &&
	test "$(dcol employer_code out)" = "$(dcol 91350200776049653A out)" &&
	test "$(dcol summary out)" = "$(dcol 加班费未付 out)" &&
	test "$(dcol summary out)" = "$(dcol 来信反映未签合同 out)"
'

test_expect_success 'ls: the period options are checked (64 for a clash, 65 for a bad value)' '
	refused 64 "" ls --year 2026 --month 2026-01 &&
	refused 64 "" ls --from 2026-01-01 &&
	refused 65 "2026-13" ls --month 2026-13 &&
	refused 65 "2026-02-30" ls --from 2026-02-30 --to 2026-03-01
'

test_expect_success 'ls: an unknown category or status is bad data (65), not an empty list' '
	refused 65 "salary" ls --category salary &&
	refused 65 "pending" ls --status pending
'

test_expect_success 'read commands on a missing database: 66, and no file is created' '
	test_expect_code 66 dispute-log -d missing.db ls >out 2>err &&
	test_grep "^dispute-log: .*missing.db" err &&
	test_must_fail test -e missing.db &&
	test_expect_code 66 dispute-log -d missing.db show 2026-0001 2>err &&
	test_expect_code 66 dispute-log -d missing.db stats --year 2026 2>err &&
	test_must_fail test -e missing.db
'

test_done
