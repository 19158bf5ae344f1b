#!/bin/sh
# report-year's summary from a template (report-year(1) "The summary"): a
# union's own wording with --template, figures filled in, zero blocks left
# out, the outline numbered anew; a bad template refused with its name and
# line (65) and nothing written; --template only where there is prose.
. "$(dirname "$0")/lib.sh"
. "$DATA/report-union.sh"

test_expect_success 'setup: the fixture union of 2024, and a union with nothing in it' '
	build_union &&
	union-config -q -d empty.db init --name 空工会
'

test_expect_success 'a union with nothing recorded: every zero said in words, never as 0' '
	report-year -d empty.db --year 2024 -f md >empty.md &&
	sed -n "/^## 一、/,/^## 附表/p" empty.md >prose &&
	test_grep "本年度未发生劳动争议。" prose &&
	test_grep "本年度没有经费收支。" prose &&
	test_grep "本年度没有新入会会员。" prose &&
	test_grep "会员名册中尚无会员。" prose &&
	test_grep "本年度没有登记工会活动。" prose &&
	test_grep "本年度没有录入工作计划。" prose &&
	! grep "[^0-9.]0[人次元起件项期批户]" prose
'

# The plan of tests/data/report-plan-2024.md against the fixture's year:
# each actual written as its target is, with its word (人, 户, 次, 起,
# 期, 人次) or 元 (whole yuan without .00), a whole rate without .0; the
# table (附表) words the targets and actuals the same way.
test_expect_success 'the plan in the summary and in its table: targets in words, actuals with their units' '
	report-year --year 2024 -f md >y.md &&
	sed -n "/^## 六、/,/^## 附表/p" y.md >plan.prose &&
	for s in "目标：会员总数不少于10人；实际：9人，未完成。" \
		"目标：困难会员为3户；实际：4户，未完成。" \
		"目标：帮扶金额不少于3000元；实际：3100元，已完成。" \
		"目标：会费收入不少于618.25元；实际：618.25元，已完成。" \
		"目标：支出合计少于9000元；实际：8250元，已完成。" \
		"目标：财务公开次数不少于12次；实际：0次，未完成。" \
		"目标：受理劳动争议不少于7起；实际：7起，已完成。" \
		"目标：调解成功率不低于60%；实际：50%，未完成。" \
		"目标：调处率不低于50%；实际：57.1%，已完成。" \
		"目标：培训不少于3期；实际：2期，未完成。" \
		"目标：文体活动人次不少于180人次；实际：180人次，已完成。"; do
		test_grep "$s" plan.prose || return 1
	done &&
	test_must_fail grep "实际：[0-9.]*，" plan.prose &&
	test_grep "^| 2024/二/1 | 困难帮扶金额 | 帮扶金额不少于3000元 | 3100元 | 已完成 |\$" y.md &&
	test_grep "^| 2024/三/2 | 调解成功率 | 调解成功率不低于60% | 50% | 未完成 |\$" y.md &&
	test_grep "^| 2024/四/3 | 文体活动人次 | 文体活动人次不少于180人次 | 180人次 | 已完成 |\$" y.md &&
	test_grep "^| 2024/四/4 | 会员之家建设 | – | – | 无目标 |\$" y.md &&
	test_must_fail grep "^| 2024/.*[<>=]" y.md &&
	report-year --year 2024 -f html >y.html &&
	test_grep "<td>帮扶金额不少于3000元</td><td>3100元</td><td>已完成</td>" y.html &&
	test_grep "<table class=\"plan\"><colgroup>.*width:" y.html &&
	report-year --year 2024 -f csv --table plan >plan.csv &&
	test_grep "^2024/二/1,困难帮扶金额,hardship_paid >= 3000,3100.00,met\$" plan.csv
'

test_expect_success 'a template of the union'"'"'s own: figures, blocks, comments, numbering' '
	cat >ours.md <<-\EOF &&
	{{! 本会的措辞 }}
	## 一、会员
	{{#members_joined}}
	1、新入会{{members_joined}}人。
	{{/members_joined}}
	{{#rest}}
	1、疗休养{{rest}}批。
	{{/rest}}
	1、会员{{members_total}}人，女会员占{{female_share}}。
	## 九、经费
	1、收入{{income}}元，会费{{dues_collected}}元。
	EOF
	report-year --year 2024 -f json >y.json &&
	report-year --year 2024 -f md --template ours.md >out.md &&
	sed -n "3,/^## 附表/p" out.md >prose &&
	joined=$(jget y.json members.joined) && test "$joined" -gt 0 &&
	test "$(jrows y.json activities kind count | grep "^rest|")" = "rest|0" &&
	share=$(jget y.json members.female_share | sed "s/\\.0\$//") &&
	cat >expect <<-EOF &&
	## 一、会员
	1、新入会${joined}人。
	2、会员$(jget y.json members.total)人，女会员占${share}%。
	## 二、经费
	1、收入$(jget y.json funds.income | sed "s/\\.00\$//")元，会费$(jget y.json funds.dues | sed "s/\\.00\$//")元。

	## 附表
	EOF
	test_cmp expect prose
'

test_expect_success '--template - reads the wording from stdin; html takes it too' '
	echo "共有会员{{members_total}}人。" | report-year --year 2024 -f html --template - >t.html &&
	test_grep "<p>共有会员$(jget y.json members.total)人。</p>" t.html
'

test_expect_success 'a misspelt placeholder: 65, the file and line named, nothing on stdout' '
	printf "一\n二\n{{#income}}{{incme}}{{/income}}\n" >bad.md &&
	test_expect_code 65 report-year --year 2024 --template bad.md >out 2>err &&
	test_must_be_empty out &&
	test_grep "^report-year: bad.md:3: unknown placeholder .{{incme}}." err &&
	test "$(wc -l <err)" = 1
'

test_expect_success 'a block not closed, or closed by another name: 65 with the line' '
	printf "{{#income}}\n\n收入\n" >open.md &&
	test_expect_code 65 report-year --year 2024 --template open.md >out 2>err &&
	test_must_be_empty out &&
	test_grep "open.md:1: .{{#income}}. is not closed" err &&
	printf "a\n{{#income}}{{/expense}}\n" >cross.md &&
	test_expect_code 65 report-year --year 2024 --template cross.md 2>err &&
	test_grep "cross.md:2: .{{/expense}}. closes no block" err &&
	test_expect_code 65 report-year --year 2024 --template - 2>err <open.md &&
	test_grep "stdin:1:" err
'

test_expect_success 'under zh_CN the template'"'"'s faults are said in Chinese' '
	zh_locale_check &&
	test_expect_code 65 zh report-year --year 2024 --template bad.md 2>err &&
	test_grep "bad.md:3: 未知的占位符" err
'

test_expect_success '--template without prose (csv, json, table): 64; a missing file: 66' '
	for f in csv json table; do
		test_expect_code 64 report-year --year 2024 -f $f --template ours.md 2>err &&
		test_grep "template goes with -f md or -f html" err || return 1
	done &&
	test_expect_code 66 report-year --year 2024 --template nosuch.md 2>err &&
	test_grep "nosuch.md" err
'

test_expect_success '--lang en: no Chinese summary unless a template gives one' '
	report-year --year 2024 -f md --lang en >en.md &&
	! grep "^## 一、" en.md &&
	test_grep "^## Members\$" en.md &&
	echo "Members: {{members_total}}." >en-words.md &&
	report-year --year 2024 -f md --lang en --template en-words.md >en2.md &&
	test_grep "^Members: $(jget y.json members.total)\\.\$" en2.md &&
	test_grep "^## Tables\$" en2.md
'

test_expect_success 'a federation'"'"'s merged report reads as prose too: its unions counted, sums in sentences' '
	cp "$UNIONKIT_DB" b.db &&
	union-config -q -d b.db union.name 乙工会 &&
	report-year -d b.db --year 2024 -f json >b.json &&
	report-year --merge y.json b.json --name 某街道总工会 -f md >fed.md &&
	test_grep "^1、全年共有2家基层工会报送年度报告，合计如下。\$" fed.md &&
	test_grep "共有会员$((2 * $(jget y.json members.total)))人" fed.md &&
	test_grep "全年共调处劳动纠纷$((2 * $(jget y.json disputes.received)))起" fed.md
'

test_expect_success '--template - with a report on stdin: 64' '
	test_expect_code 64 report-year --merge - --template - <y.json 2>err &&
	test_grep "give one of them a file" err
'

test_done
