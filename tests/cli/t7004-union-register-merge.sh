#!/bin/sh
# report-year --merge -d FEDERATION: the roll-up checked against the
# federation's register. A report from a union not in it is named (refused
# with --strict); the register's unions that sent none are listed (未报送) in
# every form; the register's own figures come from -d; a district's merge of
# streets carries the lists up and computes the share of hardship funds from
# the sums, never averaged.
. "$(dirname "$0")/lib.sh"
. "$DATA/report-union.sh"

report_of() {
	union-config init -q --db "$1.db" --name "$2" &&
	{ test -z "${3-}" || union-config -q --db "$1.db" union.code "$3"; } &&
	report-year --db "$1.db" --year 2026 -f json >"$1.json"
}

test_expect_success 'setup: a street whose register has three unions; reports from two and a stranger' '
	union-config init -q --db street.db --name 某某街道总工会 &&
	union-register -q --db street.db add 甲厂工会 --type 单建 --code 81350200MC00000012 --founded 2010-01-01 \
		--hardship-fund yes &&
	union-register -q --db street.db add 乙厂工会 --type 单建 --founded 2010-01-01 --hardship-fund yes &&
	union-register -q --db street.db add 丙社区联合工会 --type 联合 --founded 2010-01-01 --firm 丙一 --firm 丙二 \
		--hardship-fund no &&
	report_of a 甲厂工会改名 81350200MC00000012 &&
	report_of b 乙厂工会 &&
	report_of d 丁厂工会
'

test_expect_success 'merge -d: the stranger named, the one that sent nothing listed, the register from -d' '
	report-year --merge --db street.db a.json b.json d.json -f json >m.json 2>err &&
	test_grep "^report-year: warning: d.json: 丁厂工会 is not in the register of street.db\$" err &&
	test "$(python3 -c "import json; r = json.load(open(\"m.json\")); print(r[\"not_reported\"], r[\"unregistered\"])")" = \
		"[{${SQ}union${SQ}: ${SQ}丙社区联合工会${SQ}, ${SQ}code${SQ}: None}] [{${SQ}union${SQ}: ${SQ}丁厂工会${SQ}, ${SQ}code${SQ}: None}]" &&
	test "$(jget m.json register.unions) $(jget m.json register.firms) $(jget m.json register.hardship_fund.share)" = \
		"3 4 66.7" &&
	test "$(jget m.json union.name)" = 某某街道总工会
'

test_expect_success 'the documents: the sentence, and the unions not reported as a table' '
	report-year --merge --db street.db a.json b.json d.json -f md >m.md 2>/dev/null &&
	test_grep "全年共有3家基层工会报送年度报告，合计如下；名册中尚有1家未报送（见附表）；另有1家报送单位不在名册中，须核实登记。" m.md &&
	sed -n "/^### 未报送年度报告的基层工会/,/^###/p" m.md >t.md &&
	test_grep "| 丙社区联合工会 |" t.md &&
	report-year --merge --db street.db a.json b.json d.json -f csv --table not_reported >t.csv 2>/dev/null &&
	printf "union,code\n丙社区联合工会,\n" >expect && test_cmp expect t.csv
'

test_expect_success 'known by code: a union renamed since is no stranger; all sent, nothing listed' '
	report_of c 丙社区联合工会 &&
	report-year --merge --db street.db a.json b.json c.json -f json >all.json 2>err &&
	test_must_be_empty err &&
	test "$(python3 -c "import json; r = json.load(open(\"all.json\")); print(len(r[\"not_reported\"]), len(r[\"unregistered\"]))")" = "0 0"
'

test_expect_success '--strict: a report from a union not in the register refused, nothing written' '
	test_expect_code 65 report-year --merge --db street.db --strict a.json d.json -f json >out 2>err &&
	test_grep "^report-year: d.json: 丁厂工会 is not in the register of street.db (union-register add it, or merge without --strict)\$" err &&
	test_must_be_empty out &&
	test_expect_code 64 report-year --merge --strict a.json 2>err &&
	test_grep "strict goes with --merge and -d" err &&
	test_expect_code 65 report-year --merge --db a.db --strict b.json -f json >out 2>err &&
	test_grep "^report-year: --strict: a.db has no union in its register" err &&
	test_must_be_empty out
'

test_expect_success 'a district of two streets: the lists carried up, the share from the sums' '
	union-config init -q --db street2.db --name 某某镇总工会 &&
	union-register -q --db street2.db add 戊厂工会 --type 单建 --founded 2010-01-01 --hardship-fund yes &&
	report_of e 戊厂工会 &&
	report-year --merge --db street2.db e.json -f json >m2.json &&
	report-year --merge m.json m2.json --name 某某区总工会 -f json >district.json 2>/dev/null &&
	test "$(jget district.json register.unions) $(jget district.json register.hardship_fund.unions)" = "4 3" &&
	test "$(jget district.json register.hardship_fund.required) $(jget district.json register.hardship_fund.share)" = "4 75.0" &&
	test "$(python3 -c "import json; r = json.load(open(\"district.json\")); print(len(r[\"not_reported\"]), len(r[\"unregistered\"]))")" = "1 1"
'

test_expect_success 'a district with unions of its own: its register beside its streets'"'"' reports' '
	union-config init -q --db district.db --name 某某区总工会 &&
	union-register -q --db district.db add 区直属工会 --type 单建 --founded 2010-01-01 --hardship-fund yes &&
	union-register -q --db district.db add 区直属二工会 --type 单建 --founded 2010-01-01 --hardship-fund yes &&
	report_of z 区直属工会 &&
	report-year --merge --db district.db --strict m.json m2.json z.json -f json >d2.json 2>err &&
	test_must_be_empty err &&
	test "$(jget d2.json register.unions) $(jget d2.json register.hardship_fund.unions)" = "6 5" &&
	test "$(jget d2.json register.hardship_fund.required) $(jget d2.json register.hardship_fund.share)" = "6 83.3" &&
	python3 -c "import json; r = json.load(open(\"d2.json\")); print(sorted(u[\"union\"] for u in r[\"not_reported\"]))" >nr &&
	echo "[${SQ}丙社区联合工会${SQ}, ${SQ}区直属二工会${SQ}]" >expect && test_cmp expect nr
'

test_done
