#!/bin/sh
# dispute-log import is safe to run twice: a record of a case already
# stored (its case_no, else the same received date, employer and summary,
# with the same kind, category, source, employer code, workers and amount
# claimed) is unchanged and writes nothing; a record whose case_no names a
# stored case with other details is refused. And no date after today
# (received, or of an update or a closing, typed or imported) unless
# --allow-future, which the case records.
. "$(dirname "$0")/lib.sh"

refused() { c=$1 p=$2; shift 2; test_refused "$c" "$p" dispute-log "$@"; }
Q1=$DATA/disputes-2026q1.csv

test_expect_success 'setup: the members the quarter names' '
	member-add -q --name 张三明 --employee-no E001 &&
	member-add -q --name 李四 --employee-no E002 &&
	member-add -q --name 王小明 --employee-no E003
'

test_expect_success 'the first import adds every case' '
	dispute-log import "$Q1" 2>err &&
	echo "dispute-log: added 8, unchanged 0" >expect &&
	test_cmp expect err &&
	test "$(db_query "SELECT count(*) FROM disputes")" = 8
'

test_expect_success 'the same file again: every record unchanged, nothing written' '
	db_dump >before &&
	dispute-log import "$Q1" >out 2>err &&
	test_must_fail test -s out &&
	echo "dispute-log: added 0, unchanged 8" >expect &&
	test_cmp expect err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'what ls writes, imported back: unchanged, by case number' '
	dispute-log ls -f csv >ls.csv &&
	db_dump >before &&
	dispute-log import ls.csv 2>err &&
	echo "dispute-log: added 0, unchanged 8" >expect &&
	test_cmp expect err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'a file holding one case twice adds two, and twice again adds none' '
	printf "received,category,employer,summary\n2026-02-10,wages,某小厂,欠薪\n2026-02-10,wages,某小厂,欠薪\n" >twice.csv &&
	dispute-log import twice.csv 2>err &&
	test_grep "added 2, unchanged 0" err &&
	dispute-log import twice.csv 2>err &&
	test_grep "added 0, unchanged 2" err &&
	test "$(db_query "SELECT count(*) FROM disputes WHERE employer = '\''某小厂'\''")" = 2
'

test_expect_success 'a record with the same date, employer and summary but other workers is a new case' '
	printf "received,category,employer,summary,workers\n2026-02-10,wages,某小厂,欠薪,5\n" >other.csv &&
	dispute-log import other.csv 2>err &&
	test_grep "added 1, unchanged 0" err &&
	test "$(db_query "SELECT group_concat(workers) FROM disputes WHERE employer = '\''某小厂'\''")" = "1,1,5"
'

test_expect_success 'a stored case whose file record says more: unchanged, and said' '
	dispute-log close 2026-0010 --outcome resolved --date 2026-02-20 &&
	printf "received,category,employer,summary,workers,status\n2026-02-10,wages,某小厂,欠薪,5,mediating\n" >behind.csv &&
	db_dump >before &&
	dispute-log import behind.csv 2>err &&
	test_grep "^dispute-log: behind.csv:2: warning: case 2026-0010 is stored closed resolved, the record says mediating" err &&
	test_grep "added 0, unchanged 1" err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'a case_no naming a stored case with other details: refused (65), naming the line' '
	sed "3s/拖欠加班费/另一件事/" ls.csv >conflict.csv &&
	refused 65 "conflict.csv:3: case 2026-0001 is stored with other details" import conflict.csv &&
	test_grep "1 bad record: nothing written" err
'

test_expect_success 'with --skip-bad the conflicting record is skipped, the rest unchanged' '
	test_expect_code 1 dispute-log import --skip-bad conflict.csv 2>err &&
	test_grep "added 0, unchanged 7, skipped 1" err
'

test_expect_success 'a case_no that is not stored: a new case, numbered as usual' '
	printf "case_no,received,category,employer,summary\n2026-0099,2026-03-01,other,某店,新来访\n" >newno.csv &&
	dispute-log import newno.csv 2>err &&
	test_grep "added 1, unchanged 0" err &&
	test "$(db_query "SELECT case_no FROM disputes WHERE employer = '\''某店'\''")" = 2026-0011
'

test_expect_success 'open with a received date after today: 65, naming --allow-future' '
	refused 65 "date 2099-01-01 is after today (.*--allow-future" open --received 2099-01-01 \
		--category other --employer 某公司 --summary x
'

test_expect_success 'open --allow-future: taken, and the case marked' '
	dispute-log open --received 2099-01-01 --category other --employer 某公司 --summary 预约 --allow-future >out &&
	echo 2099-0001 >expect &&
	test_cmp expect out &&
	test "$(db_query "SELECT allow_future FROM disputes WHERE case_no = '\''2099-0001'\''")" = 1 &&
	test "$(db_query "SELECT count(*) FROM disputes WHERE allow_future = 1")" = 1
'

test_expect_success 'update and close dated after today: 65 without --allow-future' '
	refused 65 "after today" update 2026-0011 --note x --date 2099-02-01 &&
	refused 65 "after today" close 2026-0011 --outcome resolved --date 2099-02-01
'

test_expect_success 'update and close --allow-future: taken, and the case marked' '
	dispute-log update 2026-0011 --note 约定 --date 2099-02-01 --allow-future &&
	dispute-log close 2026-0011 --outcome resolved --date 2099-02-02 --allow-future &&
	db_query "SELECT status, closed, allow_future FROM disputes WHERE case_no = '\''2026-0011'\''" >actual &&
	echo "closed|2099-02-02|1" >expect &&
	test_cmp expect actual
'

test_expect_success 'import: a record dated after today is refused, FILE:LINE' '
	printf "received,category,employer,summary,outcome,closed\n2026-03-02,other,甲,一,,\n2099-03-02,other,乙,二,,\n2026-03-03,other,丙,三,resolved,2099-03-04\n" >future.csv &&
	refused 65 "future.csv:3: date 2099-03-02 is after today" import future.csv &&
	test_grep "future.csv:4: date 2099-03-04 is after today" err
'

test_expect_success 'import --allow-future: taken, and only the cases dated later marked' '
	dispute-log import --allow-future future.csv 2>err &&
	test_grep "added 3, unchanged 0" err &&
	db_query "SELECT employer, allow_future FROM disputes WHERE employer IN ('\''甲'\'', '\''乙'\'', '\''丙'\'') ORDER BY id" >actual &&
	printf "甲|0\n乙|1\n丙|1\n" >expect &&
	test_cmp expect actual
'

test_expect_success '--help names --allow-future' '
	dispute-log --help >out &&
	test_grep "allow-future" out
'

test_done
