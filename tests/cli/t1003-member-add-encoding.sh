#!/bin/sh
# member-add reads what HR's Excel writes: GB18030 (detected, or named with
# --encoding), UTF-8 with a byte-order mark and CRLF, full-width digits and
# the date forms of unionkit-formats(5).
. "$(dirname "$0")/lib.sh"

members() {
	db_query "SELECT member_no, employee_no, name, gender, id_card, birth_date, unit, position,
		hire_date, join_date, phone, wage_base, note FROM members ORDER BY member_no" "$@"
}

test_expect_success 'the GB18030 fixture really is GB18030 (not valid UTF-8)' '
	test_must_fail iconv -f UTF-8 -t UTF-8 "$DATA/members-hr-gb18030.csv" >/dev/null 2>&1 &&
	iconv -f GB18030 -t UTF-8 "$DATA/members-hr-gb18030.csv" >converted &&
	test_cmp "$DATA/members-hr-utf8.csv" converted
'

test_expect_success 'GB18030 with Chinese headers is detected and read like its UTF-8 original' '
	union-config -q init --db utf8.db &&
	member-add --db utf8.db "$DATA/members-hr-utf8.csv" 2>err &&
	test_grep "added 4, updated 0, unchanged 0" err &&
	member-add "$DATA/members-hr-gb18030.csv" 2>err &&
	echo "member-add: added 4, updated 0, unchanged 0, missing 0" >expect &&
	test_cmp expect err &&
	members utf8.db >expect &&
	members >actual &&
	test_cmp expect actual &&
	test "$(db_query "SELECT name, unit, position FROM members WHERE employee_no = ${SQ}E0003${SQ}")" = "欧阳明|教务处|教师"
'

test_expect_success 'GB18030 on standard input is detected too' '
	union-config -q init --db stdin.db &&
	member-add --db stdin.db - <"$DATA/members-hr-gb18030.csv" 2>err &&
	test_grep "added 4, updated 0, unchanged 0" err &&
	members stdin.db >actual &&
	members utf8.db >expect &&
	test_cmp expect actual
'

test_expect_success '--encoding gb18030 (and gbk) name it explicitly' '
	union-config -q init --db gb.db &&
	member-add --db gb.db --encoding gb18030 "$DATA/members-hr-gb18030.csv" 2>err &&
	test_grep "added 4, updated 0, unchanged 0" err &&
	members gb.db >actual &&
	members utf8.db >expect &&
	test_cmp expect actual &&
	union-config -q init --db gbk.db &&
	member-add --db gbk.db --encoding gbk "$DATA/members-hr-gb18030.csv" 2>err &&
	test_grep "added 4, updated 0, unchanged 0" err &&
	members gbk.db >actual &&
	test_cmp expect actual
'

test_expect_success 'a re-import of the GB18030 file changes nothing' '
	db_dump >before &&
	member-add "$DATA/members-hr-gb18030.csv" 2>err &&
	echo "member-add: added 0, updated 0, unchanged 4, missing 0" >expect &&
	test_cmp expect err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success '--encoding utf-8 on a GB18030 file: 65 at line 1, nothing written' '
	db_dump >before &&
	cp "$DATA/members-hr-gb18030.csv" gb.csv &&
	test_expect_code 65 member-add --encoding utf-8 gb.csv >out 2>err &&
	test_grep "^member-add: gb.csv:1: .*UTF-8" err &&
	test_must_fail test -s out &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'an unknown --encoding is a usage error (64)' '
	test_expect_code 64 member-add --encoding latin1 "$DATA/members-hr-utf8.csv" 2>err &&
	test_grep "latin1" err
'

test_expect_success 'GB18030: a bad record is named by its physical line' '
	db_dump >before &&
	cat >bad-utf8.csv <<-\EOF &&
	工号,姓名,身份证号,入会日期,备注
	E0901,甲,110105198001010016,2019-03-05,"第一行
	第二行"
	E0902,乙,110105198001010024,2026-02-30,坏日期
	EOF
	iconv -f UTF-8 -t GB18030 bad-utf8.csv >bad-gb.csv &&
	test_expect_code 65 member-add bad-gb.csv 2>err &&
	test_grep "^member-add: bad-gb.csv:4: .*2026-02-30" err &&
	test "$(grep -c "bad-gb.csv:" err)" = 1 &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'a GB18030 file longer than one read buffer is converted whole' '
	gen_staff --cn --note 备注：第%d位职工 1500 >staff.csv &&
	iconv -f UTF-8 -t GB18030 staff.csv >staff-gb.csv &&
	test "$(wc -c <staff-gb.csv)" -gt 70000 &&
	union-config -q init --db staff-u.db &&
	member-add --db staff-u.db staff.csv 2>err &&
	test_grep "added 1500, updated 0, unchanged 0" err &&
	union-config -q init --db staff-g.db &&
	member-add --db staff-g.db staff-gb.csv 2>err &&
	test_grep "added 1500, updated 0, unchanged 0" err &&
	members staff-u.db >expect &&
	members staff-g.db >actual &&
	test_cmp expect actual &&
	test "$(db_query "SELECT name, unit, note FROM members WHERE employee_no = ${SQ}S001234${SQ}" staff-g.db)" = "职工1234|部门2|备注：第1234位职工"
'

test_expect_success 'UTF-8 with BOM and CRLF (Excel): BOM and CR are not data' '
	union-config -q init --db bom.db &&
	member-add --db bom.db "$DATA/members-excel-bom.csv" 2>err &&
	test_grep "^member-add: added 2, updated 0, unchanged 0, missing 0$" err &&
	test_must_fail grep "ignoring" err &&
	db_query "SELECT employee_no, name, id_card, unit, wage_base, gender FROM members ORDER BY 1" bom.db >actual &&
	cat >expect <<-\EOF &&
	E0101|钱七|440304199002020051|信息中心|700000|male
	E0102|孙八|44030419900202006X|信息中心|710000|female
	EOF
	test_cmp expect actual &&
	test "$(db_query "SELECT count(*) FROM members WHERE name GLOB ${SQ}*[\r]*${SQ} OR unit GLOB ${SQ}*[\r]*${SQ} OR id_card GLOB ${SQ}*[\r]*${SQ}" bom.db)" = 0 &&
	db_query "SELECT hex(note) FROM members WHERE employee_no = ${SQ}E0102${SQ}" bom.db >actual &&
	printf "两行\n备注" | od -An -tx1 | tr -d " \n" | tr a-f A-F >expect &&
	echo >>expect &&
	test_cmp expect actual
'

test_expect_success 'a BOM on standard input is dropped as well' '
	union-config -q init --db bom2.db &&
	member-add --db bom2.db <"$DATA/members-excel-bom.csv" 2>err &&
	test_grep "added 2, updated 0, unchanged 0" err &&
	test "$(db_query "SELECT group_concat(employee_no) FROM members" bom2.db)" = "E0101,E0102"
'

test_expect_success 'full-width digits and letters, spaces, +86 and messy dates are folded' '
	union-config -q init --db messy.db &&
	member-add --db messy.db "$DATA/members-messy.csv" 2>err &&
	test_grep "^member-add: added 3, updated 0, unchanged 0, missing 0$" err &&
	db_query "SELECT employee_no, name, id_card, birth_date, hire_date, join_date, phone, wage_base
		FROM members ORDER BY 1" messy.db >actual &&
	cat >expect <<-\EOF &&
	E0201|周九|310104197503150074|1975-03-15|2019-03-05|2019-03-05|13800138000|523450
	E0202|吴十|310104197503150082|1975-03-15|2019-03-05|2019-03-05|13800138001|123450
	E0203|郑十一|320102198811110094|1988-11-11|2019-03-05|2019-03-05|13800138002|400000
	EOF
	test_cmp expect actual
'

test_expect_success 'the messy file again, in GB18030, changes nothing' '
	db_dump messy.db >before &&
	iconv -f UTF-8 -t GB18030 "$DATA/members-messy.csv" >messy-gb.csv &&
	member-add --db messy.db messy-gb.csv 2>err &&
	test_grep "added 0, updated 0, unchanged 3" err &&
	db_dump messy.db >after &&
	test_cmp before after
'

test_expect_success 'a full-width ID number finds the stored member' '
	member-add --db messy.db --id-card "３１０１０４１９７５０３１５００７４" --unit 教务处 2>err &&
	test_grep "added 0, updated 1, unchanged 0" err &&
	test "$(db_query "SELECT unit FROM members WHERE employee_no = ${SQ}E0201${SQ}" messy.db)" = 教务处
'

test_done
