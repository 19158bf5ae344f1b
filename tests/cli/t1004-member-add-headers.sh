#!/bin/sh
# Column headers (unionkit-formats(5)): the English names and the Chinese
# headers of HR spreadsheets; --map adds aliases; unknown columns are named
# once and ignored, or refused with --strict; two columns meaning one is 65.
. "$(dirname "$0")/lib.sh"

# header line | data line | column | stored value
n=0
while IFS='|' read -r header data column stored; do
	n=$((n + 1))
	test_expect_success "header '${header##*,}' is read as $column" "
		printf '%s\n%s\n' '$header' '$data' >h$n.csv &&
		union-config -q init --db h$n.db &&
		member-add --db h$n.db h$n.csv 2>err &&
		test_must_fail grep -i 'unknown\|ignoring' err &&
		test_grep 'added 1, updated 0, unchanged 0' err &&
		test \"\$(db_query 'SELECT $column FROM members' h$n.db)\" = '$stored'
	" </dev/null
done <<'EOF'
姓名,工号,会员编号|甲,E1,M0001|member_no|M0001
姓名,工号,会员卡号|甲,E1,M0002|member_no|M0002
姓名,工号|甲,E1|employee_no|E1
姓名,员工编号|甲,E2|employee_no|E2
姓名,职工编号|甲,E3|employee_no|E3
工号,姓名|E1,张三|name|张三
姓名,身份证号|甲,11010519491231002X|id_card|11010519491231002X
姓名,身份证号码|甲,11010519491231002X|id_card|11010519491231002X
姓名,公民身份号码|甲,11010519491231002X|id_card|11010519491231002X
姓名,证件号码|甲,11010519491231002X|id_card|11010519491231002X
姓名,工号,性别|甲,E1,男|gender|male
姓名,工号,出生日期|甲,E1,1980/1/1|birth_date|1980-01-01
姓名,工号,民族|甲,E1,汉族|ethnicity|汉族
姓名,工号,学历|甲,E1,本科|education|本科
姓名,工号,文化程度|甲,E1,大专|education|大专
姓名,工号,政治面貌|甲,E1,中共党员|political_status|中共党员
姓名,工号,手机号|甲,E1,13800138000|phone|13800138000
姓名,工号,手机号码|甲,E1,13800138001|phone|13800138001
姓名,工号,联系电话|甲,E1,13800138002|phone|13800138002
姓名,工号,部门|甲,E1,教务处|unit|教务处
姓名,工号,所在部门|甲,E1,总务处|unit|总务处
姓名,工号,工作单位|甲,E1,后勤处|unit|后勤处
姓名,工号,单位|甲,E1,财务处|unit|财务处
姓名,工号,工会小组|甲,E1,第一小组|union_group|第一小组
姓名,工号,岗位|甲,E1,教师|position|教师
姓名,工号,职务|甲,E1,主任|position|主任
姓名,工号,入职日期|甲,E1,2005-09-01|hire_date|2005-09-01
姓名,工号,参加工作时间|甲,E1,2005年9月1日|hire_date|2005-09-01
姓名,工号,入会日期|甲,E1,20060301|join_date|2006-03-01
姓名,工号,入会时间|甲,E1,2006.3.1|join_date|2006-03-01
姓名,工号,基本工资|甲,E1,5234.5|wage_base|523450
姓名,工号,月工资|甲,E1,"1,234.50"|wage_base|123450
姓名,工号,工资|甲,E1,3000元|wage_base|300000
姓名,工号,困难类别|甲,E1,深度困难|hardship|deep
姓名,工号,是否农民工|甲,E1,是|migrant_worker|1
姓名,工号,状态|甲,E1,在职|status|active
姓名,工号,备注|甲,E1,备注文字|note|备注文字
name,employee_no, Unit |甲,E1,教务处|unit|教务处
NAME,Employee_No,WAGE_BASE|甲,E1,100|wage_base|10000
EOF

test_expect_success 'an unknown column is named once (FILE:1) and ignored' '
	cat >unknown.csv <<-\EOF &&
	工号,姓名,科室,鞋码
	E1,甲,教务处,42
	E2,乙,总务处,43
	EOF
	member-add unknown.csv >out 2>err &&
	test_grep "^member-add: unknown.csv:1: .*科室" err &&
	test_grep "^member-add: unknown.csv:1: .*鞋码" err &&
	test "$(grep -c "科室" err)" = 1 &&
	test_grep "added 2, updated 0, unchanged 0" err &&
	test "$(db_query "SELECT count(*) FROM members WHERE unit IS NULL")" = 2
'

test_expect_success '--strict makes an unknown column an error (65), nothing written' '
	db_dump >before &&
	cp unknown.csv unknown2.csv &&
	sed -i "s/E1,甲/E3,丙/; s/E2,乙/E4,丁/" unknown2.csv &&
	test_expect_code 65 member-add --strict unknown2.csv >out 2>err &&
	test_grep "^member-add: unknown2.csv:1: .*科室" err &&
	test_must_fail test -s out &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success '--map names a column; the mapped column is not warned about' '
	cat >mapped.csv <<-\EOF &&
	员工代码,姓名,所属科室
	E1,甲,教务处
	E2,乙,总务处
	EOF
	member-add --map 员工代码=employee_no --map "所属科室=unit" mapped.csv 2>err &&
	test_must_fail grep "员工代码\|所属科室" err &&
	test_grep "added 0, updated 2, unchanged 0" err &&
	db_query "SELECT employee_no, name, unit FROM members ORDER BY 1" >actual &&
	printf "E1|甲|教务处\nE2|乙|总务处\n" >expect &&
	test_cmp expect actual
'

test_expect_success '--map with --strict: only the columns left unknown are errors' '
	db_dump >before &&
	test_expect_code 65 member-add --strict --map 员工代码=employee_no unknown.csv 2>err &&
	test_grep "科室" err &&
	member-add --strict --map 科室=unit --map 鞋码=note unknown.csv 2>err &&
	test_grep "added 0, updated 2, unchanged 0" err &&
	test "$(db_query "SELECT note FROM members WHERE employee_no = ${SQ}E2${SQ}")" = 43
'

test_expect_success '--map repeating a built-in alias is harmless' '
	printf "工号,姓名,部门\nE1,甲,后勤处\n" >same.csv &&
	member-add --map 部门=unit same.csv 2>err &&
	test_grep "added 0, updated 1, unchanged 0" err &&
	test "$(db_query "SELECT unit FROM members WHERE employee_no = ${SQ}E1${SQ}")" = 后勤处
'

test_expect_success 'two columns mapped to one column: 65, nothing written' '
	db_dump >before &&
	printf "工号,姓名,科室,处室\nE1,甲,教务处,总务处\n" >two.csv &&
	test_expect_code 65 member-add --map 科室=unit --map 处室=unit two.csv >out 2>err &&
	test_grep "^member-add: two.csv:1: .*科室.*处室.*unit" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'two built-in aliases of one column holding different values: 65, nothing written' '
	db_dump >before &&
	printf "工号,姓名,部门,单位\nE1,甲,教务处,总务处\n" >two2.csv &&
	test_expect_code 65 member-add two2.csv 2>err &&
	test_grep "^member-add: two2.csv:2: columns .部门. (.教务处.) and .单位. (.总务处.) differ" err &&
	printf "工号,姓名,手机号,联系电话\nE1,甲,13800138000,13800138001\n" >two3.csv &&
	test_expect_code 65 member-add two3.csv 2>err &&
	test_grep "two3.csv:2: columns .手机号. (.13800138000.) and .联系电话. (.13800138001.) differ" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'a mapping onto a column that does not exist is a usage error (64)' '
	test_expect_code 64 member-add --map 科室=department mapped.csv 2>err &&
	test_grep "department" err
'

test_expect_success 'a malformed --map is a usage error (64)' '
	test_expect_code 64 member-add --map 科室 mapped.csv 2>err &&
	test_grep "map" err &&
	test_expect_code 64 member-add --map =unit mapped.csv 2>err &&
	test_expect_code 64 member-add --map 科室= mapped.csv 2>err
'

test_expect_success '--map applies to JSON keys too' '
	printf "{\"员工代码\": \"E1\", \"所属科室\": \"图书馆\"}\n" >mapped.ndjson &&
	member-add --map 员工代码=employee_no --map 所属科室=unit mapped.ndjson 2>err &&
	test_must_fail grep "ignoring" err &&
	test_grep "added 0, updated 1, unchanged 0" err &&
	test "$(db_query "SELECT unit FROM members WHERE employee_no = ${SQ}E1${SQ}")" = 图书馆
'

test_expect_success 'two JSON keys meaning one column: the record is refused (65)' '
	db_dump >before &&
	printf "{\"工号\": \"E1\", \"employee_no\": \"E9\", \"姓名\": \"甲\"}\n" >twokeys.ndjson &&
	test_expect_code 65 member-add twokeys.ndjson 2>err &&
	test_grep "^member-add: twokeys.ndjson:1: .*employee_no" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'what member-ls prints is read back by member-add without a warning' '
	member-ls -f csv >all.csv &&
	db_dump >before &&
	member-add all.csv 2>err &&
	test_must_fail grep "ignoring" err &&
	test_grep "added 0, updated 0, unchanged 2" err &&
	db_dump >after &&
	test_cmp before after
'

test_done
