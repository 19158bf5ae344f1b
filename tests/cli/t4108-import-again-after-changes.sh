#!/bin/sh
# Imports run again after the database moved on. activity-log: a plan
# replaced by plan-new --replace stores its items under new ids; an
# activity's plan item is the same item when it is the same place of the
# same year's plan (section, sub-section, number), so ls output imported
# again adds nothing and posts no cost twice. dispute-log: a record of a
# stored case is unchanged without being checked again as a new case: a
# received date after today the case was stored with (--allow-future) is
# no refusal, and the employer code's check-character warning is not said
# again; a record matching nothing is checked as before.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup: the plan of 2026, the books opened, three activities' '
	plan-new -q --year 2026 "$DATA/plan-2026.md" >/dev/null &&
	fund-ledger -q opening 2026-01-01 1000 --fund general --account bank >/dev/null &&
	activity-log -q add 2026-03-01 training 培训 --participants 12 --plan-item "2026/三/(二)/3" \
		--cost 20 --category 50302 >/dev/null &&
	activity-log -q add 2026-03-05 study 学习 --participants 30 --plan-item 2026/一/1 \
		--cost 15.50 --category 50302 >/dev/null &&
	activity-log -q add 2026-03-09 meeting 会议 --participants 8 >/dev/null &&
	activity-log ls -f csv >a.csv &&
	test_grep "2026/三/(二)/3" a.csv &&
	test_grep "2026/一/1" a.csv
'

test_expect_success 'activity-log: ls output imported back: unchanged, nothing written' '
	db_dump >before &&
	activity-log import a.csv >out 2>err &&
	test_must_fail test -s out &&
	echo "activity-log: added 0, unchanged 3" >expect &&
	test_cmp expect err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'activity-log: after plan-new --replace, the same file adds nothing, posts nothing' '
	plan-new -q --year 2026 --replace "$DATA/plan-2026.md" >/dev/null &&
	test "$(db_query "SELECT count(*) FROM plans WHERE year = 2026")" = 2 &&
	fund-ledger ls -f csv >ledger.before &&
	fund-ledger balance -f csv >balance.before &&
	db_dump >before &&
	activity-log import a.csv >out 2>err &&
	test_must_fail test -s out &&
	echo "activity-log: added 0, unchanged 3" >expect &&
	test_cmp expect err &&
	db_dump >after &&
	test_cmp before after &&
	fund-ledger ls -f csv >ledger.after &&
	test_cmp ledger.before ledger.after &&
	test "$(wc -l <ledger.after)" = 4 &&
	fund-ledger balance -f csv >balance.after &&
	test_cmp balance.before balance.after &&
	test "$(db_query "SELECT count(*) FROM activities")" = 3
'

test_expect_success 'activity-log: ls after the replace names the same items, and imports back unchanged' '
	activity-log ls -f csv >a2.csv &&
	test_cmp a.csv a2.csv &&
	db_dump >before &&
	activity-log import a2.csv 2>err &&
	echo "activity-log: added 0, unchanged 3" >expect &&
	test_cmp expect err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'activity-log: the same record naming another place of the plan is a new activity' '
	sed "s|2026/三/(二)/3|2026/三/(二)/4|" a.csv >moved.csv &&
	activity-log import moved.csv 2>err &&
	echo "activity-log: added 1, unchanged 2" >expect &&
	test_cmp expect err &&
	test "$(db_query "SELECT count(*) FROM activities WHERE title = '\''培训'\''")" = 2 &&
	test "$(fund-ledger ls -f csv | wc -l)" = 5
'

test_expect_success 'dispute-log setup: a case received after today, kept with a warned-of code' '
	dispute-log open --received 2026-03-02 --category wages --employer 某工厂 --summary 欠薪 >/dev/null &&
	dispute-log open --received 2099-12-20 --allow-future --category contract --employer 某公司 \
		--employer-code 91350203M0001QAY9B --summary 预约调解 >out 2>err &&
	test_grep "warning.*91350203M0001QAY9B" err &&
	dispute-log ls -f csv >df.csv &&
	test_grep "2099-12-20" df.csv &&
	test "$(db_query "SELECT allow_future FROM disputes WHERE received = '\''2099-12-20'\''")" = 1
'

test_expect_success 'dispute-log: ls output imported back: unchanged, no refusal, no warning' '
	db_dump >before &&
	dispute-log import df.csv >out 2>err &&
	test_must_fail test -s out &&
	echo "dispute-log: added 0, unchanged 2" >expect &&
	test_cmp expect err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'dispute-log: the same with --allow-future: unchanged too' '
	db_dump >before &&
	dispute-log import --allow-future df.csv 2>err &&
	echo "dispute-log: added 0, unchanged 2" >expect &&
	test_cmp expect err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'dispute-log: a record after today matching nothing is still refused (65)' '
	printf "received,category,employer,summary\n2026-03-03,wages,某工厂,加班费\n2099-12-21,contract,某公司,另一预约\n" >new.csv &&
	test_refused 65 "new.csv:3: date 2099-12-21 is after today" dispute-log import new.csv
'

test_expect_success 'dispute-log: a new record with a warned-of code warns once, and is added' '
	printf "received,category,employer,employer_code,summary\n2026-03-04,contract,某公司,91350203M0001QAY9B,合同\n" >code.csv &&
	dispute-log import code.csv 2>err &&
	test "$(grep -c "warning.*91350203M0001QAY9B" err)" = 1 &&
	test_grep "added 1, unchanged 0" err &&
	dispute-log import code.csv 2>err &&
	echo "dispute-log: added 0, unchanged 1" >expect &&
	test_cmp expect err &&
	test "$(db_query "SELECT count(*) FROM disputes")" = 3
'

test_done
