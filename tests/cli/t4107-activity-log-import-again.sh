#!/bin/sh
# activity-log import is safe to run twice: a record of an activity already
# stored (the same date, kind, title, participants, plan item and cost) is
# unchanged, writes nothing and posts its cost no second time. No date after
# today (add or import) unless --allow-future, which the activity and its
# ledger entry record. --allow-overdraft lets a cost overdraw, as
# fund-ledger's option does, and the entry says so.
. "$(dirname "$0")/lib.sh"

refused() { c=$1 p=$2; shift 2; test_refused "$c" "$p" activity-log "$@"; }
CSV=$DATA/plan-activities-2026.csv

test_expect_success 'setup: two members, the plan of 2026, the books opened' '
	member-add -q --name 赵一 --id-card 110105198001010016 &&
	member-add -q --name 钱二 --id-card 110105198102020029 &&
	plan-new -q --year 2026 "$DATA/plan-2026.md" >/dev/null &&
	fund-ledger -q opening 2026-01-01 1000 --fund general --account bank >/dev/null
'

test_expect_success 'the first import adds every activity and posts its cost' '
	activity-log import "$CSV" 2>err &&
	echo "activity-log: added 4, unchanged 0" >expect &&
	test_cmp expect err &&
	test "$(db_query "SELECT count(*) FROM ledger_entries")" = 2
'

test_expect_success 'the same file again: every record unchanged, no cost posted again' '
	fund-ledger balance -f csv >balance.before &&
	db_dump >before &&
	activity-log import "$CSV" >out 2>err &&
	test_must_fail test -s out &&
	echo "activity-log: added 0, unchanged 4" >expect &&
	test_cmp expect err &&
	db_dump >after &&
	test_cmp before after &&
	test "$(db_query "SELECT count(*) FROM ledger_entries")" = 2 &&
	fund-ledger balance -f csv >balance.after &&
	test_cmp balance.before balance.after
'

test_expect_success 'what ls writes, imported back: unchanged' '
	activity-log ls -f csv >ls.csv &&
	db_dump >before &&
	activity-log import ls.csv 2>err &&
	test_grep "added 0, unchanged 4" err &&
	activity-log ls --lang zh -f csv >zh.csv &&
	head -1 zh.csv | grep -q "^编号,.*,分录编号," &&
	activity-log import --strict zh.csv 2>err &&
	echo "activity-log: added 0, unchanged 4" >expect &&
	test_cmp expect err &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success 'a file holding one activity twice adds two, and twice again adds none' '
	printf "date,kind,title,participants,cost,category\n2026-06-01,visit,走访,2,50,50205\n2026-06-01,visit,走访,2,50,50205\n" >twice.csv &&
	activity-log import twice.csv 2>err &&
	test_grep "added 2, unchanged 0" err &&
	activity-log import twice.csv 2>err &&
	test_grep "added 0, unchanged 2" err &&
	test "$(db_query "SELECT count(*) FROM activities WHERE title = '\''走访'\''")" = 2 &&
	test "$(db_query "SELECT count(*) FROM ledger_entries WHERE memo = '\''走访'\''")" = 2
'

test_expect_success 'the same date, kind and title with another cost or participants: a new activity' '
	printf "date,kind,title,participants,cost,category\n2026-06-01,visit,走访,2,80,50205\n2026-06-01,visit,走访,3,50,50205\n" >other.csv &&
	activity-log import other.csv 2>err &&
	test_grep "added 2, unchanged 0" err &&
	test "$(db_query "SELECT count(*) FROM activities WHERE title = '\''走访'\''")" = 4
'

test_expect_success 'a voided activity imported again stays voided: unchanged, not added back' '
	activity-log void 5 --reason 重复 -q &&
	activity-log import twice.csv 2>err &&
	test_grep "added 0, unchanged 2" err &&
	test "$(db_query "SELECT count(*) FROM activities WHERE title = '\''走访'\''")" = 4
'

test_expect_success 'add dated after today: 65, naming --allow-future' '
	refused 65 "date 2099-01-01 is after today (.*--allow-future" add 2099-01-01 meeting 预定会议
'

test_expect_success 'add --allow-future: taken, the activity and its entry marked' '
	activity-log add 2099-01-01 meeting 预定会议 --cost 10 --category 50302 --allow-future >id &&
	db_query "SELECT a.allow_future, e.allow_future, e.date FROM activities a JOIN ledger_entries e ON e.id = a.entry_id WHERE a.id = $(cat id)" >actual &&
	echo "1|1|2099-01-01" >expect &&
	test_cmp expect actual &&
	test "$(db_query "SELECT count(*) FROM activities WHERE allow_future = 1")" = 1 &&
	fund-ledger verify
'

test_expect_success 'voiding a future-dated activity reverses its entry on its date' '
	activity-log void "$(cat id)" --reason 取消 -q &&
	db_query "SELECT date, direction, allow_future FROM ledger_entries WHERE void_of = (SELECT entry_id FROM activities WHERE id = $(cat id))" >actual &&
	echo "2099-01-01|in|1" >expect &&
	test_cmp expect actual &&
	fund-ledger verify
'

test_expect_success 'import: a record dated after today is refused, FILE:LINE' '
	printf "date,kind,title,participants\n2026-07-01,meeting,七月会议,5\n2099-07-01,meeting,将来会议,5\n" >future.csv &&
	refused 65 "future.csv:3: date 2099-07-01 is after today" import future.csv
'

test_expect_success 'import --allow-future: taken, only the later one marked' '
	activity-log import --allow-future future.csv 2>err &&
	test_grep "added 2, unchanged 0" err &&
	db_query "SELECT title, allow_future FROM activities WHERE title LIKE '\''%会议'\'' AND kind = '\''meeting'\'' AND date > '\''2026-06-30'\'' ORDER BY id" >actual &&
	printf "预定会议|1\n七月会议|0\n将来会议|1\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'a cost that overdraws: 65, and the advice names --allow-overdraft' '
	refused 65 "overdraft: .*--allow-overdraft to record it anyway" add 2026-08-01 culture-sports 大型演出 \
		--participants 100 --cost 5000 --category 50102
'

test_expect_success 'add --allow-overdraft: the cost posted, its entry marked overdraft' '
	activity-log add 2026-08-01 culture-sports 大型演出 --participants 100 --cost 5000 --category 50102 \
		--allow-overdraft >id &&
	db_query "SELECT e.amount, e.overdraft FROM activities a JOIN ledger_entries e ON e.id = a.entry_id WHERE a.id = $(cat id)" >actual &&
	echo "500000|1" >expect &&
	test_cmp expect actual &&
	fund-ledger verify
'

test_expect_success 'import --allow-overdraft: the same for every record' '
	printf "date,kind,title,participants,cost,category\n2026-08-02,culture-sports,再一场,10,100,50102\n" >od.csv &&
	refused 65 "od.csv:2: overdraft" import od.csv &&
	activity-log import --allow-overdraft od.csv 2>err &&
	test_grep "added 1, unchanged 0" err &&
	test "$(db_query "SELECT e.overdraft FROM activities a JOIN ledger_entries e ON e.id = a.entry_id WHERE a.title = '\''再一场'\''")" = 1
'

test_expect_success '--help names --allow-future and --allow-overdraft' '
	activity-log --help >out &&
	test_grep "allow-future" out &&
	test_grep "allow-overdraft" out
'

test_done
