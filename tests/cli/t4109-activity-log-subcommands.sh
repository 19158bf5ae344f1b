#!/bin/sh
# activity-log's commands each take their own options: an option given to
# a command that does not take it is a usage error (64) naming it, and
# nothing is written; `activity-log CMD -h` prints that command's usage;
# the invocations that were valid before still work.
. "$(dirname "$0")/lib.sh"

# refused ARGS...: "CMD does not take $opt", 64, nothing written.
refused() { test_refused 64 "does not take $opt" activity-log "$@"; }

test_expect_success 'setup: the books, one activity, a file of activities' '
	fund-ledger -q add 2026-01-05 5000 402 >/dev/null &&
	activity-log add 2026-03-01 training 岗位培训 --participants 20 >/dev/null &&
	printf "date,kind,title,participants\n2026-03-02,meeting,委员会会议,7\n" >acts.csv
'

test_expect_success 'each command refuses an option it does not take: 64, named, nothing written' '
	opt=--voided refused add 2026-03-03 study 学习 --voided &&
	opt=--format refused add 2026-03-03 study 学习 -f json &&
	opt=--strict refused add 2026-03-03 study 学习 --strict &&
	opt=--reason refused add 2026-03-03 study 学习 --participants 3 --reason x &&
	opt=--cost refused void 1 --reason x --cost 10 &&
	opt=--allow-future refused void 1 --reason x --allow-future &&
	opt=--participants refused ls --participants 3 &&
	opt=--dry-run refused ls --dry-run &&
	opt=--skip-bad refused ls --skip-bad &&
	opt=--member refused import acts.csv --member 000001 &&
	opt=--kind refused import acts.csv --kind meeting &&
	opt=--format refused import -f csv acts.csv
'

test_expect_success 'the refusal points at the command'"'"'s own help' '
	test_expect_code 64 activity-log ls --reason x 2>err &&
	test_grep "^activity-log: ls does not take --reason" err &&
	test_grep "activity-log ls --help" err
'

test_expect_success 'CMD -h prints that command'"'"'s usage, the tool'"'"'s -h all of them' '
	activity-log add -h >out &&
	test_grep "^usage: activity-log add DATE KIND TITLE" out &&
	test_must_fail grep "activity-log void" out &&
	activity-log -h void >out &&
	test_grep "^usage: activity-log void ID --reason TEXT" out &&
	activity-log ls --help >out &&
	test_grep "^usage: activity-log ls" out &&
	test_must_fail grep -- "--participants" out &&
	activity-log import -h >out &&
	test_grep "^usage: activity-log import" out &&
	test_grep "skip-bad" out &&
	activity-log -h >out &&
	test_grep "^usage: activity-log add" out &&
	test_grep "^       activity-log import" out
'

test_expect_success 'the valid calls still work' '
	activity-log add 2026-03-03 visit 走访 --participants 2 --note 慰问 --allow-future >id &&
	test -s id &&
	activity-log -q --dry-run add 2026-03-04 study 学习 --participants 3 >out &&
	test_must_fail test -s out &&
	activity-log ls --year 2026 --kind visit -f csv --excel >out &&
	test_grep "走访" out &&
	activity-log import --dry-run --strict --encoding utf-8 --input-format csv acts.csv 2>err &&
	test_grep "dry run, nothing written: added 1, unchanged 0" err &&
	activity-log -q void "$(cat id)" --reason 重复录入 &&
	activity-log ls --voided -f csv >out &&
	test_grep "重复录入" out
'

test_done
