#!/bin/sh
# report-year --merge FILE... | -: a district federation adds up the JSON
# reports of its unions. Counts and money are summed; rates are computed
# again from the summed counts, never averaged (the three unions below are
# built so that the average of their rates is not the rate of their sums);
# one row per union; reports of another year, another schema version or
# not year reports at all are refused (65).
. "$(dirname "$0")/lib.sh"
. "$DATA/report-union.sh"

# open_case DB DATE CATEGORY: a dispute received on DATE.
open_case() {
	dispute-log -d "$1" open --received "$2" --category "$3" --employer 某公司 --summary 争议 >/dev/null
}

# Union 甲 (a.db): one woman (100%); one dispute, resolved (调处率 100%,
# 成功率 100%); books: general:bank 1000, general:cash 200, dues 100.
# Union 乙 (b.db): three men (0%); three disputes, one failed, two open
# (33.3%, 0.0%); general:bank 3000, allocation 250.50, sports 50.
# Union 丙 (c.db): one woman, one man (50%); three disputes, two resolved,
# one referred (100%, 66.7%); general:cash 500, education 30 in cash.
# Sums: 6 members, 2 women: 33.3% (the average of the shares is 50.0%);
# received 7, concluded 5, resolved 3: 调处率 71.4% (average 77.8%),
# 成功率 60.0% (average 55.6%).
test_expect_success 'setup: three small unions, each through the tools' '
	union-config -q init --db a.db &&
	union-config -d a.db union.name 甲工会 &&
	member-add -q -d a.db --name 王丽 --id-card 310104198506200123 --join-date 2012-03-01 --unit 教务处 &&
	union-config -q init --db b.db &&
	union-config -d b.db union.name 乙工会 &&
	member-add -q -d b.db --name 张伟明 --id-card 110105197803120116 --join-date 2010-09-01 --unit 教务处 &&
	member-add -q -d b.db --name 刘洋 --id-card 350203198808080178 --join-date 2018-01-01 --unit 后勤处 &&
	member-add -q -d b.db --name 杨光辉 --id-card 310104196607300212 --join-date 2000-09-01 --unit 后勤处 &&
	union-config -q init --db c.db &&
	union-config -d c.db union.name 丙工会 &&
	member-add -q -d c.db --name 李秀英 --id-card 440305199001050140 --join-date 2015-06-01 --unit 后勤处 &&
	member-add -q -d c.db --name 周建国 --id-card 350203197204150257 --join-date 2005-01-01 --unit 后勤处 &&
	fund-ledger -q -d a.db opening 2023-12-31 1000 --fund general --account bank >/dev/null &&
	fund-ledger -q -d a.db opening 2023-12-31 200 --fund general --account cash >/dev/null &&
	fund-ledger -q -d a.db add 2024-03-01 100 401 >/dev/null &&
	fund-ledger -q -d b.db opening 2023-12-31 3000 --fund general --account bank >/dev/null &&
	fund-ledger -q -d b.db add 2024-03-01 250.50 402 >/dev/null &&
	fund-ledger -q -d b.db add 2024-04-01 50 50102 >/dev/null &&
	fund-ledger -q -d c.db opening 2023-12-31 500 --fund general --account cash >/dev/null &&
	fund-ledger -q -d c.db add 2024-05-01 30 50101 --account cash >/dev/null &&
	open_case a.db 2024-02-01 wages &&
	dispute-log -d a.db close 2024-0001 --outcome resolved --date 2024-02-10 &&
	open_case b.db 2024-02-01 wages &&
	dispute-log -d b.db close 2024-0001 --outcome failed --date 2024-02-10 &&
	open_case b.db 2024-03-01 contract &&
	open_case b.db 2024-04-01 injury &&
	open_case c.db 2024-02-01 wages &&
	dispute-log -d c.db close 2024-0001 --outcome resolved --date 2024-02-10 &&
	open_case c.db 2024-03-01 wages &&
	dispute-log -d c.db close 2024-0002 --outcome resolved --date 2024-03-10 &&
	open_case c.db 2024-04-01 other &&
	dispute-log -d c.db close 2024-0003 --outcome referred --date 2024-04-10 &&
	activity-log -d a.db add 2024-05-01 training 培训 --participants 10 >/dev/null &&
	activity-log -d c.db add 2024-06-01 training 培训 --participants 5 >/dev/null &&
	for u in a b c; do
		report-year -d $u.db --year 2024 -f json >$u.json || return 1
	done &&
	report-year --merge a.json b.json c.json -f json >merged.json 2>err &&
	test_must_fail test -s err
'

test_expect_success 'the unions are built as intended: their own rates differ' '
	for u in a b c; do
		echo "$(jget $u.json members.female_share) $(jget $u.json disputes.handled_rate) $(jget $u.json disputes.success_rate)" || return 1
	done >actual &&
	cat >expect <<-\EOF &&
	100.0 100.0 100.0
	0.0 33.3 0.0
	50.0 100.0 66.7
	EOF
	test_cmp expect actual
'

test_expect_success 'merged: a year report of schema version 1, of the same year' '
	test "$(jget merged.json schema_version)" = 1 &&
	test "$(jget merged.json kind)" = year &&
	test "$(jget merged.json year)" = 2024
'

test_expect_success 'merged counts: members, women, disputes, activities summed' '
	cat >expect <<-\EOF &&
	members.total=6
	members.active=6
	members.female=2
	disputes.received=7
	disputes.concluded=5
	disputes.resolved=3
	disputes.failed=1
	disputes.referred=1
	disputes.open=2
	disputes.workers=7
	disputes.by_category.wages=4
	disputes.by_category.contract=1
	disputes.by_category.injury=1
	disputes.by_category.other=1
	activities.3.kind=training
	activities.3.count=2
	activities.3.participants=15
	EOF
	for k in members.total members.active members.female disputes.received disputes.concluded \
			disputes.resolved disputes.failed disputes.referred disputes.open disputes.workers \
			disputes.by_category.wages disputes.by_category.contract disputes.by_category.injury \
			disputes.by_category.other activities.3.kind activities.3.count activities.3.participants; do
		echo "$k=$(jget merged.json $k)" || return 1
	done >actual &&
	test_cmp expect actual
'

# The collective threshold is a union's setting (disputes.collective_threshold),
# not a count: three unions of 10 are a federation of 10, not of 30.
test_expect_success 'the collective threshold is not summed: the unions'"'"' own, or null where they differ' '
	test "$(jget merged.json disputes.collective_threshold)" = 10 &&
	cp c.db c12.db &&
	union-config -d c12.db disputes.collective_threshold 12 &&
	report-year -d c12.db --year 2024 -f json >c12.json &&
	test "$(jget c12.json disputes.collective_threshold)" = 12 &&
	report-year --merge a.json b.json c12.json -f json >mixed-threshold.json &&
	test "$(jget mixed-threshold.json disputes.collective_threshold)" = null &&
	test "$(jget mixed-threshold.json disputes.received)" = 7
'

test_expect_success 'merged counts are the sums of the three reports, key by key' '
	python3 - merged.json a.json b.json c.json <<-\EOF
	import json, sys
	from decimal import Decimal as D
	m, *us = [json.load(open(f, encoding="utf-8")) for f in sys.argv[1:]]
	def leaves(o, p=""):
	    for k, v in o.items():
	        if isinstance(v, dict):
	            yield from leaves(v, p + k + ".")
	        elif not isinstance(v, list):
	            yield p + k, v
	def get(o, path):
	    for k in path.split("."):
	        o = o[k]
	    return o
	for sec in ("members", "funds", "disputes"):
	    for path, v in leaves(m[sec], sec + "."):
	        if path.endswith("_rate") or path.endswith("_share") or path.endswith("_threshold"):
	            continue
	        vals = [get(u, path) for u in us]
	        if isinstance(v, int):
	            assert v == sum(vals), (path, v, vals)
	        elif isinstance(v, str):
	            assert D(v) == sum(D(x) for x in vals), (path, v, vals)
	EOF
'

test_expect_success 'merged rates are computed from the sums, not averaged' '
	echo "33.3 71.4 60.0" >expect &&
	echo "$(jget merged.json members.female_share) $(jget merged.json disputes.handled_rate) $(jget merged.json disputes.success_rate)" >actual &&
	test_cmp expect actual
'

# income 100 + 250.50 + 0 = 350.50; expense 0 + 50 + 30 = 80.00.
test_expect_success 'merged money: income, expense, dues, by class and by month' '
	test "$(jget merged.json funds.income)" = 350.50 &&
	test "$(jget merged.json funds.expense)" = 80.00 &&
	test "$(jget merged.json funds.dues)" = 100.00 &&
	jrows merged.json funds.by_class code amount >actual &&
	cat >expect <<-\EOF &&
	401|100.00
	402|250.50
	501|80.00
	EOF
	test_cmp expect actual &&
	jrows merged.json funds.by_month month income expense >actual &&
	cat >expect <<-\EOF &&
	2024-03|350.50|0.00
	2024-04|0.00|50.00
	2024-05|0.00|30.00
	EOF
	test_cmp expect actual
'

# general:bank opening 1000 + 3000, closing 1100 + 3200.50; general:cash
# opening 200 + 500, closing 200 + 470.
test_expect_success 'merged balances: summed per fund and per account' '
	jrows merged.json funds.balances fund account opening closing | grep -v "|0.00|0.00\$" >actual &&
	cat >expect <<-\EOF &&
	general|bank|4000.00|4300.50
	general|cash|700.00|670.00
	EOF
	test_cmp expect actual
'

test_expect_success 'merged members by unit: each union'"'"'s departments its own, never summed across unions' '
	jrows merged.json members.by_unit unit members | sort >actual &&
	printf "%s\n" "丙工会·后勤处|2" "乙工会·后勤处|2" "乙工会·教务处|1" "甲工会·教务处|1" | sort >expect &&
	test_cmp expect actual
'

test_expect_success 'a merge of merges has the units and the figures of the flat merge' '
	report-year --merge a.json b.json --name 甲乙片 -f json >ab.json &&
	report-year --merge ab.json c.json -f json >tree.json &&
	jrows tree.json members.by_unit unit members | sort >tree.units &&
	jrows merged.json members.by_unit unit members | sort >flat.units &&
	test_cmp flat.units tree.units &&
	python3 -c "import json; a, b = (json.load(open(f)) for f in (\"merged.json\", \"tree.json\")); assert a[\"members\"] == b[\"members\"] and a[\"disputes\"] == b[\"disputes\"] and a[\"funds\"][\"income\"] == b[\"funds\"][\"income\"], (a[\"disputes\"], b[\"disputes\"])"
'

test_expect_success 'a unions array, one row per union: members, income, expense' '
	jrows merged.json unions union members income expense >actual &&
	cat >expect <<-\EOF &&
	甲工会|1|100.00|0.00
	乙工会|3|250.50|50.00
	丙工会|2|0.00|30.00
	EOF
	test_cmp expect actual
'

test_expect_success 'merged in other formats: a unions section in csv, md and html' '
	report-year --merge a.json b.json c.json -f csv >merged.csv &&
	test "$(head -1 merged.csv)" = "# unions" &&
	report-year --merge a.json b.json c.json -f csv --table unions >unions.csv &&
	cat >expect <<-\EOF &&
	union,members,income,expense,disputes,handled_rate,success_rate
	甲工会,1,100.00,0.00,1,100.0%,100.0%
	乙工会,3,250.50,50.00,3,33.3%,0.0%
	丙工会,2,0.00,30.00,3,100.0%,66.7%
	EOF
	test_cmp expect unions.csv &&
	report-year --merge a.json b.json c.json -f md >merged.md &&
	test_grep "^| 乙工会 | 3 | 250.50 | 50.00 | 3 | 33.3% | 0.0% |\$" merged.md &&
	report-year --merge a.json b.json c.json -f html >merged.html &&
	html_wellformed merged.html
'

test_expect_success 'a merged report carries no plan: no section on it in the summary, no plan table, in any format' '
	for f in md html csv table; do
		report-year --merge a.json b.json c.json -f $f >noplan.$f &&
		test_must_fail grep "工作计划\|本年度没有录入\|^# plan" noplan.$f || return 1
	done &&
	sed -n "/^## 五、/,/^## 附表\$/p" noplan.md | grep "^## " >headings &&
	printf "## 五、职工活动\n## 附表\n" >expect &&
	test_cmp expect headings &&
	test_expect_code 64 report-year --merge a.json b.json c.json -f csv --table plan &&
	report-year -d a.db --year 2024 -f md >one.md &&
	test_grep "^## 六、工作计划完成情况\$" one.md &&
	test_grep "^### 工作计划完成情况\$" one.md
'

test_expect_success 'the federation by its name: --name, else union.name of -d; never the word federation' '
	report-year --merge a.json b.json c.json --name 某某街道总工会 -f md >named.md &&
	test "$(head -1 named.md)" = "# 某某街道总工会2024年度工作总结" &&
	union-config -q -d fed.db init --name 某某街道总工会 &&
	report-year -d fed.db --merge a.json b.json c.json -f md >fromdb.md &&
	test_cmp named.md fromdb.md &&
	report-year --merge a.json b.json c.json -f md >anon.md &&
	head -1 anon.md | grep -q -e "--merge --name" &&
	for f in md table html csv json; do
		report-year --merge a.json b.json c.json -f $f >any.$f &&
		! grep -qi federation any.$f || return 1
	done &&
	test_expect_code 64 report-year --year 2026 --name 某工会 2>err &&
	test_grep "name goes with --merge" err
'

test_expect_success 'merge from stdin (-): the same report as from the files' '
	cat a.json b.json c.json | report-year --merge - -f json >stdin.json &&
	test_cmp merged.json stdin.json &&
	report-year --merge a.json - c.json -f json <b.json >mixed.json &&
	test_cmp merged.json mixed.json
'

test_expect_success 'merge reads only: the databases are unchanged' '
	for u in a b c; do db_dump $u.db >$u.before || return 1; done &&
	report-year --merge a.json b.json c.json >/dev/null &&
	for u in a b c; do db_dump $u.db >$u.after && test_cmp $u.before $u.after || return 1; done
'

test_expect_success 'one union given twice (the same file, or a copy): 65, naming both' '
	test_expect_code 65 report-year --merge a.json b.json a.json >out 2>err &&
	test_grep "^report-year: a.json: a second report of 甲工会 (the first is a.json)" err &&
	test_must_fail test -s out &&
	cp b.json b-copy.json &&
	test_expect_code 65 report-year --merge b.json c.json b-copy.json >out 2>err &&
	test_grep "^report-year: b-copy.json: a second report of 乙工会 (the first is b.json)" err &&
	report-year --merge a.json b.json -f json >ab.json &&
	test_expect_code 65 report-year --merge ab.json b.json >out 2>err &&
	test_grep "^report-year: b.json: a second report of 乙工会 (the first is ab.json)" err &&
	report-year --merge ab.json c.json -f json >abc.json &&
	test "$(jget abc.json members.total)" = "$(jget merged.json members.total)"
'

# recode IN OUT NAME CODE: a report as another union would send it.
recode() {
	python3 -c "import json, sys
r = json.load(open(sys.argv[1], encoding=\"utf-8\"))
r[\"union\"][\"name\"], r[\"union\"][\"code\"] = sys.argv[3], sys.argv[4] or None
json.dump(r, open(sys.argv[2], \"w\", encoding=\"utf-8\"), ensure_ascii=False)" "$@"
}

test_expect_success 'a union is known by its code: one name and two codes are two unions, one code is one' '
	recode a.json x1.json 第一中学工会 81110105MC1234567A &&
	recode b.json x2.json 第一中学工会 81110105MC7654321B &&
	report-year --merge x1.json x2.json -f json >x.json &&
	test "$(jget x.json unions.1.code)" = 81110105MC7654321B &&
	recode b.json x3.json 一中工会 81110105MC1234567A &&
	test_expect_code 65 report-year --merge x1.json x3.json >out 2>err &&
	test_grep "^report-year: x3.json: a second report of 一中工会 (the first is x1.json)" err &&
	recode b.json x4.json 第一中学工会 "" &&
	test_expect_code 65 report-year --merge x1.json x4.json 2>err &&
	test_grep "x4.json: a second report of 第一中学工会" err &&
	test_expect_code 65 report-year --merge x.json x3.json >out 2>err &&
	test_grep "x3.json: a second report of 一中工会 (the first is x.json)" err
'

# A report drawn while its year ran (partial, as of its day) makes the sum
# partial, as of the earliest day: every union is counted at least that far.
test_expect_success 'a report of a year still running: the sum is partial, as of its day, wherever it stands' '
	python3 -c "import json, sys
r = json.load(open(sys.argv[1], encoding=\"utf-8\"))
r[\"partial\"], r[\"as_of\"] = True, \"2024-11-30\"
json.dump(r, open(sys.argv[2], \"w\", encoding=\"utf-8\"), ensure_ascii=False)" b.json b-nov.json &&
	test "$(jget merged.json partial) $(jget merged.json as_of)" = "False 2024-12-31" &&
	report-year --merge a.json b-nov.json c.json -f json >p1.json &&
	report-year --merge a.json c.json b-nov.json -f json >p2.json &&
	report-year --merge b-nov.json a.json -f json >p3.json &&
	report-year --merge c.json p3.json -f json >p4.json &&
	for p in p1 p2 p4; do
		echo "$(jget $p.json partial) $(jget $p.json as_of)" || return 1
	done >actual &&
	printf "True 2024-11-30\n" >one &&
	cat one one one >expect &&
	test_cmp expect actual &&
	report-year --merge a.json c.json b-nov.json -f md >p2.md &&
	test_grep "^截至2024年11月30日" p2.md
'

test_expect_success 'reports of different years: 65' '
	report-year -d b.db --year 2023 -f json >b2023.json &&
	test_expect_code 65 report-year --merge a.json b2023.json c.json >out 2>err &&
	test_grep "^report-year: .*2023" err &&
	test_must_fail test -s out
'

test_expect_success 'a JSON document that is not a year report: 65' '
	dispute-log -d a.db stats --year 2024 -f json >stats.json &&
	test_expect_code 65 report-year --merge a.json stats.json >out 2>err &&
	test_grep "^report-year: .*stats.json" err &&
	test_must_fail test -s out &&
	report-month -d a.db --month 2024-03 --dry-run -f json >month.json &&
	test_expect_code 65 report-year --merge month.json a.json >out 2>err &&
	test_grep "^report-year: .*month.json" err &&
	test_must_fail test -s out &&
	echo "[]" >array.json &&
	test_expect_code 65 report-year --merge array.json >out 2>err &&
	test_must_fail test -s out
'

test_expect_success 'another schema version: 65' '
	sed "s/\"schema_version\": 1,/\"schema_version\": 2,/" a.json >v2.json &&
	test_grep "\"schema_version\": 2," v2.json &&
	test_expect_code 65 report-year --merge b.json v2.json >out 2>err &&
	test_grep "^report-year: .*v2.json" err &&
	test_must_fail test -s out
'

test_expect_success 'a truncated report or text that is not JSON: 65, never a sum without it' '
	head -c 300 a.json >cut.json &&
	test_expect_code 65 report-year --merge b.json cut.json >out 2>err &&
	test_grep "^report-year: .*cut.json" err &&
	test_must_fail test -s out &&
	echo "union,members" >not.json &&
	test_expect_code 65 report-year --merge b.json not.json >out 2>err &&
	test_must_fail test -s out &&
	cat a.json cut.json | test_expect_code 65 report-year --merge - >out 2>err &&
	test_must_fail test -s out
'

test_expect_success 'a report file that does not exist: 66' '
	test_expect_code 66 report-year --merge a.json nowhere.json >out 2>err &&
	test_grep "^report-year: cannot open .nowhere.json.: No such file or directory" err &&
	test_must_fail test -s out
'

test_expect_success 'an empty report file (a run that failed) is named and refused: 65, no sum without it' '
	: >empty.json &&
	test_expect_code 65 report-year --merge a.json empty.json b.json >out 2>err &&
	test_grep "^report-year: empty.json: holds no report\$" err &&
	test_must_fail test -s out &&
	test_expect_code 65 report-year --merge - </dev/null >out 2>err &&
	test_grep "^report-year: stdin: holds no report\$" err &&
	mkdir adir &&
	test_expect_code 74 report-year --merge a.json adir >out 2>err &&
	test_grep "^report-year: cannot read .adir.: Is a directory" err
'

test_expect_success '--merge without a file: 64' '
	test_expect_code 64 report-year --merge >out 2>err &&
	test_grep "^report-year: " err &&
	test_must_fail test -s out
'

test_expect_success 'a merge with no name, given neither --name nor -d: its title says --name, not union-config' '
	report-year --merge a.json b.json -f md >noname.md &&
	head -1 noname.md >title &&
	test_grep "^# (未设名称: report-year --merge --name 名称 …)" title &&
	report-year --merge a.json b.json --lang en -f md | head -1 >title.en &&
	test_grep "(no name: report-year --merge --name NAME …)" title.en &&
	report-year --merge a.json b.json --name 某某街道总工会 -f md | head -1 >named &&
	test_grep "^# 某某街道总工会" named
'

test_done
