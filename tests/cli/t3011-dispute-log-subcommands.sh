#!/bin/sh
# dispute-log's commands each take their own options: one given to a
# command that does not take it is refused (64, the option named, nothing
# written) rather than ignored; CMD -h prints that command's usage and -h
# alone the whole; every command still takes every option it lists.
. "$(dirname "$0")/lib.sh"

refused() { c=$1 p=$2; shift 2; test_refused "$c" "$p" dispute-log "$@"; }

test_expect_success 'setup: an open case, a closed one, a file of one case' '
	dispute-log open --received 2026-03-02 --category wages --employer 某电子厂 --summary 欠薪 >/dev/null &&
	dispute-log open --received 2026-03-05 --category contract --employer 某物流公司 --summary 未签合同 >/dev/null &&
	dispute-log close 2026-0002 --outcome failed --date 2026-03-12 &&
	cat >one.csv <<-\EOF &&
	received,category,employer,summary
	2026-04-01,injury,某建材厂,工伤
	EOF
	test "$(db_query "SELECT count(*) FROM disputes")" = 2
'

test_expect_success 'open refuses the options of other commands, and opens nothing' '
	refused 64 "open does not take --year" open --received 2026-04-01 --category wages \
		--employer 某厂 --summary s --year 2026 &&
	refused 64 "open does not take --note" open --received 2026-04-01 --category wages \
		--employer 某厂 --summary s --note 备注 &&
	refused 64 "open does not take --format" open --received 2026-04-01 --category wages \
		--employer 某厂 --summary s -f json &&
	refused 64 "open does not take --mask" open --received 2026-04-01 --category wages \
		--employer 某厂 --summary s --mask
'

test_expect_success 'update, close and void refuse the options of other commands' '
	refused 64 "update does not take --outcome" update 2026-0001 --note n --outcome resolved &&
	refused 64 "update does not take --recovered" update 2026-0001 --note n --recovered 100 &&
	refused 64 "update does not take --employer" update 2026-0001 --note n --employer 某厂 &&
	refused 64 "close does not take --status" close 2026-0001 --outcome resolved --status mediating &&
	refused 64 "close does not take --reopen" close 2026-0001 --outcome resolved --reopen &&
	refused 64 "close does not take --reason" close 2026-0001 --outcome resolved --reason r &&
	refused 64 "void does not take --allow-future" void 2026-0001 --reason r --allow-future &&
	refused 64 "void does not take --outcome" void 2026-0001 --reason r --outcome resolved
'

test_expect_success 'ls, show and stats refuse the options of other commands' '
	refused 64 "ls does not take --collective" ls --collective 5 &&
	refused 64 "ls does not take --dry-run" ls --dry-run &&
	refused 64 "ls does not take --summary" ls --summary x &&
	refused 64 "show does not take --year" show 2026-0001 --year 2026 &&
	refused 64 "show does not take --overdue" show 2026-0001 --overdue &&
	refused 64 "stats does not take --mask" stats --year 2026 --mask &&
	refused 64 "stats does not take --overdue" stats --year 2026 --overdue &&
	refused 64 "stats does not take --status" stats --year 2026 --status open
'

test_expect_success 'import refuses the options of other commands, and imports nothing' '
	refused 64 "import does not take --mask" import one.csv --mask &&
	refused 64 "import does not take --format" import -f json one.csv &&
	refused 64 "import does not take --category" import one.csv --category wages
'

test_expect_success 'an option before the command is the command'"'"'s too' '
	refused 64 "open does not take --year" --year 2026 open --received 2026-04-01 \
		--category wages --employer 某厂 --summary s &&
	refused 64 "stats does not take --mask" --mask stats
'

test_expect_success 'the refusal names the option once, with the hint' '
	test_expect_code 64 dispute-log ls --collective 5 2>err &&
	echo "dispute-log: ls does not take --collective" >expect &&
	head -1 err >actual &&
	test_cmp expect actual &&
	test "$(wc -l <err)" = 2 &&
	test_grep "dispute-log.* --help" err
'

for cmd in open update close void ls show import stats; do
	test_expect_success "$cmd -h prints its own usage and exits 0" "
		dispute-log $cmd -h >out 2>err &&
		test_must_fail test -s err &&
		test_grep '^usage: dispute-log $cmd ' out &&
		test \$(grep -c 'dispute-log ' out) = 1
	"
done

test_expect_success '-h alone, and --help before the command, print the whole usage' '
	dispute-log -h >out &&
	for cmd in open update close void ls show import stats; do
		test_grep "^ *\(usage: \)\{0,1\}dispute-log $cmd " out || return 1
	done &&
	dispute-log --help stats >out &&
	test_grep "^usage: dispute-log stats " out &&
	test_must_fail grep -q "dispute-log open" out
'

test_expect_success 'a usage error inside a command is still 64' '
	refused 64 "update takes one CASE" update --note n &&
	refused 64 "close takes one CASE and --outcome" close 2026-0001 &&
	refused 64 "unknown format" ls -f xml &&
	refused 64 "no command (open, update, close, void, ls, show, import, stats)" &&
	refused 64 "unknown command .frobnicate." frobnicate
'

test_expect_success 'open takes every option it lists' '
	dispute-log -q -d "$UNIONKIT_DB" --dry-run open --received 2026-04-01 --category wages \
		--employer 某厂 --employer-code 91350100M000100Y43 --workers 3 --claimed 1000 \
		--kind dispute --source visit --summary s --allow-future >out &&
	test_must_fail test -s out &&
	dispute-log open --received 2026-04-01 --category wages --employer 某厂 --workers 3 \
		--claimed 1000 --kind petition --source phone --summary 信访 >out &&
	echo 2026-0003 >expect &&
	test_cmp expect out
'

test_expect_success 'update, close and void take every option they list' '
	dispute-log update 2026-0001 --status mediating --note 调解中 --date 2026-03-03 --allow-future &&
	dispute-log --dry-run update 2026-0001 --note 试 &&
	dispute-log close 2026-0001 --outcome resolved --recovered 500 --date 2026-03-10 --note 结 \
		--allow-future &&
	dispute-log update 2026-0001 --reopen --note 反悔 --status open &&
	dispute-log --dry-run void 2026-0003 --reason 试 &&
	test "$(db_query "SELECT status FROM disputes WHERE case_no = '\''2026-0001'\''")" = open &&
	test -z "$(db_query "SELECT voided_at FROM disputes WHERE case_no = '\''2026-0003'\''")"
'

test_expect_success 'ls, show and stats take every option they list' '
	dispute-log ls --year 2026 --status open --category wages --kind dispute -f csv --excel --mask >out &&
	test_grep "2026-0001" out &&
	dispute-log ls --from 2026-03-01 --to 2026-03-31 --overdue --at 2026-04-30 -f csv >out &&
	test_grep ",days$" out &&
	dispute-log ls --month 2026-03 --voided -f ndjson >out &&
	dispute-log show 2026-0001 -f csv --excel --mask >out &&
	test_grep "2026-0001" out &&
	dispute-log stats --from 2026-01-01 --to 2026-06-30 --collective 3 --at 2026-06-30 -f csv --excel >out &&
	test_grep "cases,received,2" out
'

test_expect_success 'import takes every option it lists' '
	printf "案件日期,category,employer,summary,junk\n2026-04-02,injury,某建材厂,工伤,x\n" >two.csv &&
	dispute-log import --map 案件日期=received --ignore junk --encoding utf-8 --input-format csv \
		--strict --skip-bad --rejects rej.csv --excel --allow-future --dry-run two.csv 2>err &&
	test_grep "dry run, nothing written: added 1" err
'

test_expect_success 'stats into a full output: 74, said once (it was 0)' '
	for f in csv table ndjson json; do
		test_expect_code 74 dispute-log stats --year 2026 -f $f >/dev/full 2>err &&
		test "$(grep -c "write error on standard output" err)" = 1 || return 1
	done
'

test_done
