#!/bin/sh
# HR exports as Excel writes them, read by every importing tool: title rows
# above the header (named once, skipped), empty rows and rows of commas
# (skipped silently, lines keep their numbers), --ignore COLUMN, and two
# columns of one meaning (手机号码 and 联系电话, 部门 and 单位).
. "$(dirname "$0")/lib.sh"

# members: member_no|employee_no|name|phone|unit|note, one a line.
members() {
	db_query "SELECT member_no, employee_no, name, coalesce(phone, ''), coalesce(unit, ''),
		coalesce(note, '') FROM members ORDER BY member_no"
}

cat >roster.csv <<'EOF'
2026年12月在职职工花名册,,,,
,,,,
制表单位：人事处,,,,
工号,姓名,身份证号,部门,备注
E1,张三,11010519491231002X,财务科,
,,,,

E2,侯茗,440103198802181898,人事处,
,,,,
,,,,
EOF

test_expect_success 'title rows above the header: named once with their lines, skipped' '
	member-add roster.csv 2>err &&
	cat >expect <<-\EOF &&
	member-add: roster.csv:1-3: title rows above the header skipped ('"'"'2026年12月在职职工花名册'"'"', '"'"'制表单位：人事处'"'"')
	member-add: added 2, updated 0, unchanged 0, missing 0
	EOF
	test_cmp expect err &&
	members >actual &&
	printf "000001|E1|张三||财务科|\n000002|E2|侯茗||人事处|\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'the same roster in GB18030, as Excel saves it on Chinese Windows' '
	union-config -q init -d gb.db &&
	iconv -f UTF-8 -t GB18030 roster.csv >roster-gb.csv &&
	! iconv -f UTF-8 -t UTF-8 roster-gb.csv >/dev/null 2>&1 &&
	member-add -d gb.db roster-gb.csv 2>err &&
	test_grep "^member-add: roster-gb.csv:1-3: title rows above the header skipped (.2026年12月在职职工花名册., .制表单位：人事处.)$" err &&
	test_grep "^member-add: added 2," err &&
	test "$(db_query "SELECT group_concat(name || unit, \" \") FROM members" gb.db)" = "张三财务科 侯茗人事处"
'

test_expect_success 'a bad record below empty rows is named by its physical line' '
	printf "工号,姓名,身份证号\n,,\n\nE3,李四,440103199003071233\n,,\n" >gaps.csv &&
	test_refused 65 "1 bad record: nothing written" member-add gaps.csv &&
	test_grep "^member-add: gaps.csv:4: bad check digit" err &&
	test_must_fail grep -q "gaps.csv:[25]" err
'

test_expect_success 'empty rows only after the header: nothing to do, nothing refused' '
	printf "工号,姓名\n,\n , \n" >empty.csv &&
	db_dump >before &&
	member-add empty.csv 2>err &&
	test_grep "^member-add: added 0, updated 0, unchanged 0, missing 2$" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'a file of one column: its one known cell is the header' '
	printf "工号\nE1\nE2\n" >one.csv &&
	member-add one.csv 2>err &&
	echo "member-add: added 0, updated 0, unchanged 2, missing 0" >expect &&
	test_cmp expect err
'

test_expect_success 'no record reads as a header: the first one is, as before' '
	printf "编号,名字\n1,甲\n" >odd.csv &&
	test_refused 65 "nothing written" member-add odd.csv &&
	test_grep "^member-add: odd.csv:1: ignoring unknown column .编号." err &&
	test_grep "^member-add: odd.csv:2: a new member needs a name" err &&
	test_must_fail grep -q "title row" err
'

cat >phones.csv <<'EOF'
工号,姓名,手机号码,联系电话,单位,部门
E1,张三,13800000001,13800000001,某某集团,某某集团
E2,侯茗,,13800000002,,人事处
EOF

test_expect_success 'two columns of one meaning: the value of the one that holds it, or of both when equal' '
	member-add phones.csv 2>err &&
	test_grep "^member-add: added 0, updated 2, unchanged 0, missing 0$" err &&
	members >actual &&
	printf "000001|E1|张三|13800000001|某某集团|\n000002|E2|侯茗|13800000002|人事处|\n" >expect &&
	test_cmp expect actual
'

cat >clash.csv <<'EOF'
工号,姓名,联系电话,手机号码,单位,部门
E1,张三,02087654321,13900000001,某某集团,财务科
E2,侯茗,,13900000002,,人事处
EOF

test_expect_success 'two different values: the record is refused, both headers and values named' '
	test_refused 65 "nothing written" member-add clash.csv &&
	test_grep "^member-add: clash.csv:2: columns .手机号码. (.13900000001.) and .联系电话. (.02087654321.) differ" err &&
	test_must_fail grep -q "clash.csv:3:" err
'

test_expect_success 'the more specific column is named first: 部门 before 单位' '
	printf "工号,单位,部门\nE1,某某集团,财务科\n" >units.csv &&
	test_refused 65 "nothing written" member-add units.csv &&
	test_grep "^member-add: units.csv:2: columns .部门. (.财务科.) and .单位. (.某某集团.) differ" err
'

test_expect_success '--ignore settles it for the whole file: by header, and by column name' '
	test_refused 65 "nothing written" member-add --ignore 联系电话 clash.csv &&
	test_grep "clash.csv:2: columns .部门. (.财务科.) and .单位. (.某某集团.) differ" err &&
	member-add --ignore 联系电话 --ignore 单位 clash.csv 2>err &&
	test_grep "^member-add: added 0, updated 2, unchanged 0, missing 0$" err &&
	members >actual &&
	printf "000001|E1|张三|13900000001|财务科|\n000002|E2|侯茗|13900000002|人事处|\n" >expect &&
	test_cmp expect actual &&
	printf "工号,单位,部门\nE1,某某集团,总务处\n" >units2.csv &&
	member-add --ignore unit units2.csv 2>err &&
	test_grep "unchanged 1" err &&
	test "$(db_query "SELECT unit FROM members WHERE employee_no = \"E1\"")" = 财务科
'

test_expect_success '--map settles it too: the mapped column is the only one, the other named' '
	member-add --map 联系电话=note --ignore 单位 clash.csv 2>err &&
	test_grep "^member-add: added 0, updated 1, unchanged 1, missing 0$" err &&
	test "$(db_query "SELECT phone || \" \" || note FROM members WHERE employee_no = \"E1\"")" = \
		"13900000001 02087654321" &&
	printf "工号,手机号码,联系电话\nE2,13900000002,13700000002\n" >mapped.csv &&
	member-add --map 联系电话=phone mapped.csv 2>err &&
	test_grep "^member-add: mapped.csv:1: ignoring column .手机号码.: --map names .联系电话. as .phone.$" err &&
	test "$(db_query "SELECT phone FROM members WHERE employee_no = \"E2\"")" = 13700000002
'

test_expect_success '--ignore drops a column the register should not take, even an unknown one under --strict' '
	printf "工号,姓名,备注,HR编码\nE1,张三,调岗,X9\n" >note.csv &&
	member-add --strict --ignore 备注 --ignore hr编码 note.csv 2>err &&
	echo "member-add: added 0, updated 0, unchanged 1, missing 1" >expect &&
	test_cmp expect err &&
	test "$(db_query "SELECT note FROM members WHERE employee_no = \"E1\"")" = 02087654321
'

test_expect_success '--ignore of a column the file does not have: 64, nothing written' '
	test_refused 64 "--ignore .职称.: note.csv has no such column" member-add --ignore 职称 note.csv
'

test_expect_success '--map and --ignore of one header: 64' '
	test_refused 64 "--map .备注=note. and --ignore .备注. name the same column" \
		member-add --map 备注=note --ignore 备注 note.csv
'

test_expect_success 'in JSON, --ignore leaves out the keys it names' '
	echo "{\"employee_no\": \"E2\", \"unit\": \"总务处\", \"note\": \"新\"}" >one.ndjson &&
	member-add --ignore unit one.ndjson 2>err &&
	test "$(db_query "SELECT unit || \" \" || note FROM members WHERE employee_no = \"E2\"")" = "人事处 新"
'

test_expect_success 'in JSON, an --ignore no record has a key for: 64 at the end, nothing written' '
	printf "[{\"employee_no\": \"E8\", \"name\": \"赵六\", \"unit\": \"食堂\"},\n {\"employee_no\": \"E2\", \"note\": \"改\"}]\n" >j.json &&
	test_refused 64 "--ignore .uint.: j.json has no such column" member-add --ignore uint j.json &&
	test_refused 64 "--ignore .y.: j.json has no such column" member-set --ignore note --ignore y j.json &&
	test "$(grep -c "no such column" err)" = 1 &&
	printf "[{\"date\": \"2026-01-01\", \"fund\": \"general\", \"account\": \"bank\", \"category\": \"opening\", \"amount\": \"1.00\"}]\n" >l.json &&
	test_refused 64 "--ignore .memoo.: l.json has no such column" fund-ledger import --ignore memoo l.json
'

test_expect_success 'in NDJSON too, also when only a later record has the key named' '
	printf "{\"employee_no\": \"E8\", \"name\": \"赵六\"}\n{\"employee_no\": \"E2\", \"note\": \"改\"}\n" >j.ndjson &&
	test_refused 64 "--ignore .notes.: j.ndjson has no such column" member-add --ignore notes j.ndjson &&
	member-add --ignore note j.ndjson 2>err &&
	test_grep "added 1," err &&
	test "$(db_query "SELECT name || \" \" || coalesce(note, \"-\") FROM members
		WHERE employee_no IN (\"E8\", \"E2\") ORDER BY employee_no")" = "$(printf "侯茗 新\n赵六 -")"
'

# The other importing tools read through the same reader.
test_expect_success 'fund-ledger import: a title row and rows of commas, --ignore' '
	cat >ledger.csv <<-\EOF &&
	某某中学工会2026年经费台帐,,,,,,,,
	date,fund,account,category,subcategory,amount,member_no,voucher,memo
	2026-01-01,general,bank,opening,,1000.00,,,2025年结转
	,,,,,,,,
	2026-01-02,general,cash,opening,,50.00,,,备用金
	,,,,,,,,
	EOF
	fund-ledger import --ignore memo ledger.csv 2>err &&
	test_grep "^fund-ledger: ledger.csv:1: title row above the header skipped (.某某中学工会2026年经费台帐.)$" err &&
	test_grep "^fund-ledger: added 2, unchanged 0$" err &&
	test "$(db_query "SELECT count(*), sum(amount), count(memo) FROM ledger_entries")" = "2|105000|0"
'

test_expect_success 'dispute-log import: a GB18030 file with title rows, --ignore' '
	{ echo "2026年劳动争议调处台帐,,,,,,,,,,,,"; echo ",,,,,,,,,,,,";
	  head -3 "$UK_TOP/examples/disputes-2026.csv"; echo ",,,,,,,,,,,,"; } |
		iconv -f UTF-8 -t GB18030 >disputes-gb.csv &&
	dispute-log import --ignore 统一社会信用代码 disputes-gb.csv 2>err &&
	test_grep "^dispute-log: disputes-gb.csv:1-2: title rows above the header skipped (.2026年劳动争议调处台帐.)$" err &&
	test_grep "^dispute-log: added 2," err &&
	test "$(db_query "SELECT count(*) FROM disputes WHERE employer LIKE \"某某%\"")" = 2 &&
	test "$(db_query "SELECT count(*) FROM disputes WHERE employer_code IS NOT NULL")" = 0
'

test_expect_success 'a two-character name padded to three (李　四) is the name without the space' '
	printf "工号,姓名,身份证号码\r\nP1,李　四,110105198506010118\r\nP2,欧阳 明,110105198506020113\r\nP3,Anna Lee,110105198506030119\r\n" |
		iconv -f utf-8 -t gb18030 >pad.csv &&
	union-config -q init --db pad.db &&
	member-add -q --db pad.db pad.csv &&
	test "$(member-ls --db pad.db -f csv | cut -d, -f2,3 | sed 1d | sort)" = "P1,李四
P2,欧阳明
P3,Anna Lee" &&
	test "$(member-ls --db pad.db --mask --where employee_no=P1 -f csv | cut -d, -f3 | sed 1d)" = "李*" &&
	printf "工号,姓名,身份证号码\nP1,李四,110105198506010118\n" >again.csv &&
	member-add --db pad.db again.csv 2>err &&
	test_grep "added 0, updated 0, unchanged 1" err
'

test_expect_success 'summary and signature rows below the data (合计, 制表人：) are named and skipped; 序号 is left out without a word' '
	printf "序号,工号,姓名,身份证号码,基本工资\r\n1,F1,甲,110105198506010118,5000\r\n2,F2,乙,110105198506020113,4000\r\n合计,,,,\"9,000.00\"\r\n,,,,\r\n制表人：王五,,,,\r\n审核：赵六,,,,2026-12-01\r\n" |
		iconv -f utf-8 -t gb18030 >foot.csv &&
	union-config -q init --db foot.db &&
	member-add --db foot.db --list-missing foot.csv >out 2>err &&
	cat >expect <<-\EOF &&
	member-add: foot.csv:4: summary row skipped (${SQ}合计${SQ}, ${SQ}9,000.00${SQ})
	member-add: foot.csv:6: summary row skipped (${SQ}制表人：王五${SQ})
	member-add: foot.csv:7: summary row skipped (${SQ}审核：赵六${SQ}, ${SQ}2026-12-01${SQ})
	member-add: added 2, updated 0, unchanged 0, missing 0
	EOF
	sed "s/\${SQ}/$SQ/g" expect >expect.q &&
	test_cmp expect.q err &&
	test "$(db_query "SELECT count(*) FROM members" foot.db)" = 2 &&
	member-add --db foot.db --strict --dry-run foot.csv 2>err &&
	! grep "序号" err
'

test_expect_success 'a member whose first cell only looks like a summary word is still a member' '
	printf "姓名,工号,身份证号码,部门\n合计明,G1,110105198506030119,总务处\n" >notfoot.csv &&
	member-add -q --db foot.db notfoot.csv &&
	test "$(db_query "SELECT name FROM members WHERE employee_no = ${SQ}G1${SQ}" foot.db)" = 合计明
'

test_expect_success '出生年月 as a month agrees with the ID number, which gives the day; another date needs its day' '
	printf "工号,姓名,身份证号码,出生年月,入会时间\nM1,甲,110105198506010118,1985.06,\nM2,乙,110105198506020113,1985年6月,2010-03-01\n" >ym.csv &&
	union-config -q init --db ym.db &&
	member-add -q --db ym.db ym.csv &&
	test "$(db_query "SELECT group_concat(birth_date) FROM members" ym.db)" = "1985-06-01,1985-06-02" &&
	member-add --db ym.db ym.csv 2>err &&
	test_grep "added 0, updated 0, unchanged 2" err &&
	printf "工号,姓名,身份证号码,出生年月,入会时间\nM3,丙,110105198506030119,1985年7月,\nM4,丁,,198001,\nM5,戊,,,2008年7月\n" >ymbad.csv &&
	db_dump ym.db >before &&
	test_expect_code 65 member-add --db ym.db ymbad.csv 2>err &&
	test_grep "ymbad.csv:2: birth_date .1985年7月. disagrees with id_card .110105198506030119. (born 1985-06-03)" err &&
	test_grep "ymbad.csv:3: birth_date .198001. is a month: the day comes from an id_card, and the record has none" err &&
	test_grep "ymbad.csv:4: join_date .2008年7月. is a month, not a day (give the day, or --ignore the column)" err &&
	db_dump ym.db >after && test_cmp before after
'

test_expect_success 'a record whose first cell only starts with a signature word (负责人交通补贴, 审核费) is a record, never skipped' '
	union-config -q init --db memo.db &&
	fund-ledger -q -d memo.db opening 2026-01-01 1000 --fund general --account bank >/dev/null &&
	printf "memo,date,category,amount\n负责人交通补贴,2026-03-05,50102,200\n审核费,2026-03-06,50102,50\n合计：,,,250\n" >memo.csv &&
	fund-ledger -d memo.db import memo.csv 2>err &&
	test_grep "^fund-ledger: memo.csv:4: summary row skipped" err &&
	test_grep "added 2" err &&
	test "$(db_query "SELECT count(*) FROM ledger_entries WHERE memo IN (${SQ}负责人交通补贴${SQ}, ${SQ}审核费${SQ})" memo.db)" = 2
'

test_done
