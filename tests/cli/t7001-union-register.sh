#!/bin/sh
# union-register: a federation's register of its grassroots unions. add,
# set (only what differs is written, dated), ls as of a day, show, dissolve
# (kept in the history), import (known by code, else name; safe to run
# twice); bad input refused with one line, the database unchanged.
. "$(dirname "$0")/lib.sh"

refused() { c=$1 p=$2; shift 2; test_refused "$c" "$p" union-register "$@"; }

test_expect_success 'add: a single-employer union with its facts, a joint one with its firms' '
	union-register add 甲厂工会 --type 单建 --code 81350200mc00000012 --founded 2012-05-01 --chair 张三 \
		--members 120 --hardship-fund yes --fund-size 20000 --mediators 1 &&
	union-register add 某社区联合工会 --type 联合 --founded 2026-03-15 --firm 乙厂:913502000728319549:30 \
		--firm 丙店::8 --firm 丁铺 --hardship-fund 不适用 --congress 2026-04-01 &&
	union-register ls -f csv >ls.csv &&
	cat >expect <<-\EOF &&
	name,type,code,founded,chair,members,firms,hardship_fund,fund_size,mediators,congress,dissolved_on,contracts,audits_open
	甲厂工会,single,81350200MC00000012,2012-05-01,张三,120,,yes,20000.00,1,,,0,0
	某社区联合工会,joint,,2026-03-15,,,乙厂:913502000728319549:30;丙店::8;丁铺,n/a,,,2026-04-01,,0,0
	EOF
	test_cmp expect ls.csv &&
	test "$(db_query "SELECT date FROM union_facts WHERE union_id = 1")" = 2012-05-01
'

test_expect_success 'set: only what differs is written, dated; the same change again writes nothing' '
	union-register set 甲厂工会 --members 130 --chair 张三 --date 2026-06-01 &&
	test "$(db_query "SELECT date, chair, members FROM union_facts WHERE union_id = 1 ORDER BY id DESC LIMIT 1")" = \
		"2026-06-01||130" &&
	db_dump >before &&
	union-register set 81350200MC00000012 --members 130 --date 2026-06-01 &&
	db_dump >after && test_cmp before after &&
	union-register ls --at 2026-05-31 -f csv | grep "^甲厂工会," | cut -d, -f6 >m && echo 120 >expect && test_cmp expect m &&
	union-register ls --at 2026-06-01 -f csv | grep "^甲厂工会," | cut -d, -f6 >m && echo 130 >expect && test_cmp expect m &&
	union-register ls --at 2026-01-01 -f csv | cut -d, -f1 | sed 1d >names &&
	echo 甲厂工会 >expect && test_cmp expect names
'

test_expect_success 'show: the union whole, its firms and its dated facts' '
	union-register show 甲厂工会 -f csv >show.csv &&
	test_grep "^union,,2012-05-01,name,甲厂工会," show.csv &&
	test_grep "^fact,,2026-06-01,members,130," show.csv &&
	union-register show 某社区联合工会 -f csv >show2.csv &&
	test_grep "^firm,,2026-03-15,乙厂,913502000728319549,,30," show2.csv &&
	test_grep "^congress,,2026-04-01,congress," show2.csv &&
	refused 65 "no union .无此工会. in the register" show 无此工会
'

test_expect_success 'in Chinese: headers and values the importer reads back' '
	union-register ls --lang zh -f csv >zh.csv &&
	test "$(head -1 zh.csv | cut -d, -f1-3)" = "工会名称,建会形式,统一社会信用代码" &&
	test_grep "^甲厂工会,单建," zh.csv && test_grep ",不适用," zh.csv &&
	union-register import zh.csv 2>err &&
	test_grep "added 0, changed 0, unchanged 2" err
'

test_expect_success 'import: into a new register, the same unions; again, nothing changes' '
	union-config init --db new.db -q &&
	union-register --db new.db import ls.csv 2>err &&
	test_grep "added 2, changed 0, unchanged 0" err &&
	union-register --db new.db ls -f csv >new.csv &&
	test_cmp ls.csv new.csv &&
	db_dump >before &&
	union-register --db new.db import ls.csv 2>err &&
	test_grep "added 0, changed 0, unchanged 2" err
'

test_expect_success 'import: a change is written, a new union added; a bad record writes nothing' '
	printf "name,type,members\n甲厂工会,single,140\n戊厂工会,单建,50\n" >change.csv &&
	union-register import change.csv 2>err &&
	test_grep "added 1, changed 1, unchanged 0" err &&
	printf "name,type,members\n己厂工会,单建,5\n坏工会,三建,1\n" >bad.csv &&
	db_dump >before &&
	test_expect_code 65 union-register import bad.csv 2>err &&
	test_grep "^union-register: bad.csv:3: type .三建.: 单建 (single) or 联合 (joint)" err &&
	db_dump >after && test_cmp before after &&
	test_expect_code 1 union-register import --skip-bad bad.csv 2>err &&
	test "$(db_query "SELECT count(*) FROM unions WHERE name = ${SQ}己厂工会${SQ}")" = 1
'

test_expect_success 'firms over time: one that leaves a joint union leaves its count from that day' '
	union-register set 某社区联合工会 --firm-left 丁铺 --date 2026-10-01 &&
	union-register ls --at 2026-09-30 -f csv | grep "^某社区联合工会," | cut -d, -f7 >f &&
	echo "乙厂:913502000728319549:30;丙店::8;丁铺" >expect && test_cmp expect f &&
	union-register ls --at 2026-10-01 -f csv | grep "^某社区联合工会," | cut -d, -f7 >f &&
	echo "乙厂:913502000728319549:30;丙店::8" >expect && test_cmp expect f &&
	union-register set 某社区联合工会 --firm 戊店 --date 2026-11-01 &&
	union-register ls --at 2026-10-31 -f csv >before-nov.csv && ! grep -q 戊店 before-nov.csv &&
	union-register show 某社区联合工会 -f csv | grep "^firm,,2026-03-15,丁铺,,2026-10-01," &&
	refused 65 "covers no firm .己店. on" set 某社区联合工会 --firm-left 己店 &&
	union-register set 某社区联合工会 --firm 乙厂::31 &&
	union-register ls -f csv | grep -q "乙厂:913502000728319549:31;" &&
	union-register set 某社区联合工会 --firm 丁铺 --date 2026-11-15 &&
	union-register ls --at 2026-09-01 -f csv | grep -q ";丁铺" &&
	union-register ls --at 2026-10-15 -f csv | grep "^某社区联合工会," >oct && ! grep -q 丁铺 oct &&
	union-register ls --at 2026-11-15 -f csv | grep -q ";丁铺" &&
	union-register set 某社区联合工会 --firm 戊店 --date 2026-10-20 &&
	union-register ls --at 2026-10-25 -f csv | grep -q ";戊店"
'

test_expect_success 'set: a new name is trimmed as add trims it; a joint union to single as its last firm but one leaves' '
	union-register add 卯社区联合工会 --type 联合 --founded 2015-01-01 --firm 甲 --firm 乙 &&
	union-register set 卯社区联合工会 --name " 卯厂工会　" &&
	union-register show 卯厂工会 -f csv | grep -q "^union,,2015-01-01,name,卯厂工会," &&
	union-register set 卯厂工会 --type 单建 --firm-left 乙 &&
	test "$(db_query "SELECT type FROM unions WHERE name = ${SQ}卯厂工会${SQ}")" = single
'

test_expect_success 'dissolve: out of the register from its day, kept in the history' '
	union-register dissolve 戊厂工会 --date 2026-09-30 --reason 企业关闭 &&
	! union-register ls -f csv | grep -q 戊厂工会 &&
	union-register ls --at 2026-09-29 -f csv | grep -q 戊厂工会 &&
	union-register ls --all -f csv | grep "^戊厂工会," | cut -d, -f12 >d && echo 2026-09-30 >expect && test_cmp expect d &&
	refused 65 "dissolved on 2026-09-30 already" dissolve 戊厂工会 --date 2026-10-01 --reason 又关 &&
	refused 65 "was dissolved on 2026-09-30" set 戊厂工会 --members 3
'

test_expect_success 'a union founded again under the name of one dissolved is a new union' '
	union-register add 戊厂工会 --type 单建 --founded 2026-10-15 --members 20 &&
	test "$(db_query "SELECT count(*) FROM unions WHERE name = ${SQ}戊厂工会${SQ}")" = 2 &&
	union-register ls -f csv | grep "^戊厂工会," | cut -d, -f4,6 >new && echo "2026-10-15,20" >expect &&
	test_cmp expect new &&
	union-register set 戊厂工会 --members 22 &&
	union-register ls --at 2026-09-29 -f csv | grep "^戊厂工会," | cut -d, -f4 >old && echo >expect &&
	test_cmp expect old &&
	refused 65 "is in the register already" add 戊厂工会 --type 单建 &&
	union-register dissolve 戊厂工会 --date 2026-11-01 --reason 再次关闭 &&
	union-register ls --all -f csv | grep -c "^戊厂工会," >n && echo 2 >expect && test_cmp expect n
'

test_expect_success 'the whole register, the dissolved too, imported again: nothing changes' '
	union-register ls --all -f csv >all.csv &&
	test "$(grep -c "^戊厂工会," all.csv)" = 2 &&
	union-config init -q --db copy.db &&
	union-register -q --db copy.db import all.csv &&
	union-register --db copy.db ls --all -f csv | cut -d, -f1-12 >copy.csv &&
	cut -d, -f1-12 all.csv >orig.csv && test_cmp orig.csv copy.csv &&
	db_dump >before &&
	union-register import all.csv 2>err &&
	test_grep "added 0, changed 0, unchanged 6" err &&
	db_dump >after && test_cmp before after &&
	sed "s/^戊厂工会,single,,,,50,/戊厂工会,single,,,,51,/" all.csv >changed.csv &&
	! cmp -s all.csv changed.csv &&
	test_expect_code 65 union-register import changed.csv 2>err &&
	test_grep "changed.csv:[0-9]*: .戊厂工会. was dissolved on 2026-09-30" err &&
	db_dump >after && test_cmp before after
'

test_expect_success 'as typed: spaces around a name, a code full-width or in lower case, a full-width colon' '
	union-register add "　壬厂工会 " --type 单独建会 --code ８１３５０２００ＭＣ００００００２５ &&
	test "$(db_query "SELECT name, type, code FROM unions WHERE name = ${SQ}壬厂工会${SQ}")" = \
		"壬厂工会|single|81350200MC00000025" &&
	refused 65 "is in the register already" add "壬厂工会 " --type 单建 &&
	union-register show ８１３５０２００ｍｃ００００００２５ -f csv | grep -q "^union,,,name,壬厂工会," &&
	printf "工会名称,建会形式,成立日期\n子厂工会,单建,2012/5/1 0:00\n" | union-register import - 2>/dev/null &&
	test "$(db_query "SELECT founded FROM unions WHERE name = ${SQ}子厂工会${SQ}")" = 2012-05-01 &&
	union-register add 癸社区联合工会 --type 联合建会 --firm "甲店：：8" &&
	test "$(db_query "SELECT name, workers FROM union_firms WHERE name = ${SQ}甲店${SQ}")" = "甲店|8"
'

test_expect_success 'bad input: one line, 65 or 64, the database unchanged' '
	refused 65 "is in the register already" add 甲厂工会 --type 单建 &&
	refused 65 "code .9135020077604965. is not a unified social credit code" add 庚 --type 单建 --code 9135020077604965 &&
	refused 65 "is the code of .甲厂工会." add 庚 --type 单建 --code 81350200MC00000012 &&
	refused 65 "code 913502000728319549: a trade union.s code begins with 81" add 庚 --type 单建 \
		--code 913502000728319549 &&
	refused 65 "covers one firm" set 甲厂工会 --firm 甲厂 --firm 甲厂二分厂 &&
	refused 65 "type .双建.: 单建 (single) or 联合 (joint)" add 庚 --type 双建 &&
	refused 65 "members must be a whole number" add 庚 --type 单建 --members 一百 &&
	refused 65 "hardship fund .maybe." add 庚 --type 单建 --hardship-fund maybe &&
	refused 65 "fund size must be an amount" set 甲厂工会 --fund-size 很多 &&
	refused 65 "after today" add 庚 --type 单建 --founded 2099-01-01 &&
	refused 65 "a firm needs its name" add 庚 --type 联合 --firm :81350200MC00000012 &&
	refused 65 "no union .无此工会. in the register" set 无此工会 --members 1 &&
	refused 64 "add takes the union" add --type 单建 &&
	refused 64 "does not take --expiring" add 庚 --type 单建 --expiring 30 &&
	refused 64 "dissolve needs --date and --reason" dissolve 甲厂工会 --date 2026-01-01
'

test_expect_success 'a code whose check character alone is wrong is kept, with a warning' '
	union-register add 早期工会 --type 单建 --code 81350200MC00000013 2>err &&
	test_grep "warning: check character of code .81350200MC00000013. is wrong" err &&
	union-register -q add 早期工会二 --type 单建 --code 81350200MC00000014 2>err &&
	test_must_be_empty err &&
	printf "name,type,code\n早期工会三,单建,81350200MC00000015\n" >early.csv &&
	union-register import early.csv 2>err &&
	test_grep "^union-register: early.csv:2: warning: check character of code .81350200MC00000015. is wrong" err
'

test_expect_success '--dry-run checks and writes nothing' '
	db_dump >before &&
	union-register --dry-run add 辛厂工会 --type 单建 &&
	union-register --dry-run set 甲厂工会 --members 999 &&
	db_dump >after && test_cmp before after
'

test_done
