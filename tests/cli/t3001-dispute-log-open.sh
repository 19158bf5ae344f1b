#!/bin/sh
# dispute-log open: a case numbered per year of receipt (2026-0001), every
# option stored, the category by slug, Chinese name or the seed's words, the
# employer code checked (a failing check character is a warning), members
# by member no.; bad values refused (65), a malformed command line 64, and
# every refusal leaves the database as it was.
. "$(dirname "$0")/lib.sh"

# refused CODE PATTERN ARGS...: dispute-log refuses, changing nothing.
refused() { c=$1 p=$2; shift 2; test_refused "$c" "$p" dispute-log "$@"; }

# stored CASE: the case as stored, one line.
stored() {
	db_query "SELECT case_no, year, seq, kind, received, coalesce(source, '-'), category,
		employer, coalesce(employer_code, '-'), workers, coalesce(claimed, '-'), summary,
		status, coalesce(outcome, '-'), coalesce(recovered, '-'), coalesce(closed, '-')
		FROM disputes WHERE case_no = ${SQ}$1${SQ}"
}

# a valid case, to which a test adds or overrides options
ok_case() {
	dispute-log open --received 2026-01-10 --category other --employer 某公司 --summary 其他争议 "$@"
}

test_expect_success 'the first case of 2026 is 2026-0001, printed alone on stdout' '
	dispute-log open --received 2026-01-05 --category wages --employer 厦门某电子有限公司 \
		--employer-code 91350200776049653A --workers 12 --claimed 36500.50 \
		--kind dispute --source visit --summary "拖欠12名职工三个月工资" >out 2>err &&
	echo 2026-0001 >expect &&
	test_cmp expect out &&
	test_must_fail test -s err &&
	test "$(stat -c %a union.db)" = 600
'

test_expect_success 'every option is stored, the case open, the timeline opened' '
	echo "2026-0001|2026|1|dispute|2026-01-05|visit|wages|厦门某电子有限公司|91350200776049653A|12|3650050|拖欠12名职工三个月工资|open|-|-|-" >expect &&
	stored 2026-0001 >actual &&
	test_cmp expect actual &&
	db_query "SELECT e.date, e.action, e.status, e.note FROM dispute_events e
		JOIN disputes d ON d.id = e.dispute_id WHERE d.case_no = ${SQ}2026-0001${SQ}" >actual &&
	echo "2026-01-05|open|open|拖欠12名职工三个月工资" >expect &&
	test_cmp expect actual
'

test_expect_success 'the second case is 2026-0002; defaults: a dispute of one worker, nothing claimed' '
	dispute-log open --received 2026-01-06 --category injury --employer 某建材厂 \
		--summary 工伤医疗费 >out 2>err &&
	echo 2026-0002 >expect &&
	test_cmp expect out &&
	test_must_fail test -s err &&
	echo "2026-0002|2026|2|dispute|2026-01-06|-|injury|某建材厂|-|1|-|工伤医疗费|open|-|-|-" >expect &&
	stored 2026-0002 >actual &&
	test_cmp expect actual
'

test_expect_success 'numbering is per year of receipt: received 2025-12-30 is 2025-0001' '
	dispute-log open --received 2025-12-30 --category contract --employer 某物流公司 \
		--summary 未签劳动合同 >out &&
	echo 2025-0001 >expect &&
	test_cmp expect out &&
	test "$(db_query "SELECT year || ${SQ}/${SQ} || seq FROM disputes WHERE case_no = ${SQ}2025-0001${SQ}")" = 2025/1 &&
	dispute-log open --received 2026-01-07 --category other --employer 某物流公司 --summary 其他 >out &&
	echo 2026-0003 >expect &&
	test_cmp expect out &&
	dispute-log open --received 2025-12-31 --category other --employer 某物流公司 --summary 其他 >out &&
	echo 2025-0002 >expect &&
	test_cmp expect out
'

test_expect_success 'a petition, each source, dates in the other forms' '
	ok_case --kind petition --source letter --received 2026年1月8日 >out &&
	ok_case --source phone --received 2026/1/8 >>out &&
	ok_case --source referral --received 20260108 >>out &&
	printf "2026-0004\n2026-0005\n2026-0006\n" >expect &&
	test_cmp expect out &&
	db_query "SELECT case_no, kind, source, received FROM disputes WHERE seq BETWEEN 4 AND 6 AND year = 2026 ORDER BY seq" >actual &&
	cat >expect <<-\EOF &&
	2026-0004|petition|letter|2026-01-08
	2026-0005|dispute|phone|2026-01-08
	2026-0006|dispute|referral|2026-01-08
	EOF
	test_cmp expect actual
'

test_expect_success 'amounts in the other forms are stored in fen' '
	ok_case --claimed "1,234.5" >out &&
	ok_case --claimed ¥800 >>out &&
	ok_case --claimed 0 >>out &&
	printf "2026-0007\n2026-0008\n2026-0009\n" >expect &&
	test_cmp expect out &&
	db_query "SELECT claimed FROM disputes WHERE year = 2026 AND seq BETWEEN 7 AND 9 ORDER BY seq" >actual &&
	printf "123450\n80000\n0\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'every category by its slug' '
	for c in relationship contract termination hours-leave social-insurance wages injury other; do
		ok_case --category $c >/dev/null || exit 1
	done &&
	db_query "SELECT category FROM disputes WHERE year = 2026 AND seq BETWEEN 10 AND 17 ORDER BY seq" >actual &&
	printf "relationship\ncontract\ntermination\nhours-leave\nsocial-insurance\nwages\ninjury\nother\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'the Chinese name 劳动报酬 and the seed words 工资纠纷 工伤纠纷 劳动合同' '
	ok_case --category 劳动报酬 >out &&
	ok_case --category 工资纠纷 >>out &&
	ok_case --category 工伤纠纷 >>out &&
	ok_case --category 劳动合同 >>out &&
	printf "2026-0018\n2026-0019\n2026-0020\n2026-0021\n" >expect &&
	test_cmp expect out &&
	db_query "SELECT category FROM disputes WHERE year = 2026 AND seq BETWEEN 18 AND 21 ORDER BY seq" >actual &&
	printf "wages\nwages\ninjury\ncontract\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'an unknown category is refused (65)' '
	refused 65 "unknown category .加班费" open --received 2026-01-10 --category 加班费 \
		--employer 某公司 --summary x &&
	refused 65 "unknown category .salary" open --received 2026-01-10 --category salary \
		--employer 某公司 --summary x
'

test_expect_success 'a bad or a future received date is refused (65)' '
	refused 65 "2026-02-30" open --received 2026-02-30 --category other --employer 某公司 --summary x &&
	refused 65 "yesterday" open --received yesterday --category other --employer 某公司 --summary x &&
	refused 65 "future" open --received 2099-01-01 --category other --employer 某公司 --summary x
'

test_expect_success 'a negative claim or one with three decimals is refused (65)' '
	refused 65 "claimed.*-5" open --received 2026-01-10 --category other --employer 某公司 \
		--summary x --claimed -5 &&
	refused 65 "claimed.*1\.234" open --received 2026-01-10 --category other --employer 某公司 \
		--summary x --claimed 1.234 &&
	refused 65 "claimed.*abc" open --received 2026-01-10 --category other --employer 某公司 \
		--summary x --claimed abc
'

test_expect_success 'workers 0, negative or not a number is refused (65)' '
	refused 65 "workers.*0" open --received 2026-01-10 --category other --employer 某公司 \
		--summary x --workers 0 &&
	refused 65 "workers.*-3" open --received 2026-01-10 --category other --employer 某公司 \
		--summary x --workers -3 &&
	refused 65 "workers.*many" open --received 2026-01-10 --category other --employer 某公司 \
		--summary x --workers many
'

test_expect_success 'an unknown kind or source is refused (65)' '
	refused 65 "complaint" open --received 2026-01-10 --category other --employer 某公司 \
		--summary x --kind complaint &&
	refused 65 "email" open --received 2026-01-10 --category other --employer 某公司 \
		--summary x --source email
'

test_expect_success 'USCC: a valid code is stored without a word' '
	ok_case --employer-code 913502000728319549 >out 2>err &&
	echo 2026-0022 >expect &&
	test_cmp expect out &&
	test_must_fail test -s err &&
	test "$(db_query "SELECT employer_code FROM disputes WHERE case_no = ${SQ}2026-0022${SQ}")" = 913502000728319549
'

test_expect_success 'USCC: a failing check character is accepted with a warning on stderr' '
	ok_case --employer-code 91350203M0001QAY9B >out 2>err &&
	echo 2026-0023 >expect &&
	test_cmp expect out &&
	test_grep "^dispute-log: .*warning.*91350203M0001QAY9B" err &&
	test "$(db_query "SELECT employer_code FROM disputes WHERE case_no = ${SQ}2026-0023${SQ}")" = 91350203M0001QAY9B &&
	printf "受理日期,争议类别,用人单位,统一社会信用代码,案情摘要\n2026-01-11,工资纠纷,某公司,91350203M0001QAY9B,欠薪\n" >early.csv &&
	dispute-log import --dry-run early.csv 2>err &&
	test_grep "^dispute-log: early.csv:2: warning: check character of employer_code .91350203M0001QAY9B. is wrong" err &&
	test "$(grep -c warning err)" = 1
'

test_expect_success 'USCC: something that is no code at all is refused (65)' '
	refused 65 "ABC" open --received 2026-01-10 --category other --employer 某公司 \
		--summary x --employer-code ABC &&
	refused 65 "91350200776O49653A" open --received 2026-01-10 --category other --employer 某公司 \
		--summary x --employer-code 91350200776O49653A
'

test_expect_success 'members: a real member is linked by member no.' '
	member-add -q --name 张三明 --employee-no E001 &&
	member-add -q --name 李四 --employee-no E002 &&
	test "$(db_query "SELECT group_concat(member_no || name, ${SQ},${SQ}) FROM members")" = "000001张三明,000002李四" &&
	ok_case --member 000001 --member 000002 --workers 2 >out 2>err &&
	echo 2026-0024 >expect &&
	test_cmp expect out &&
	test_must_fail test -s err &&
	db_query "SELECT m.member_no FROM dispute_members x JOIN members m ON m.id = x.member_id
		JOIN disputes d ON d.id = x.dispute_id WHERE d.case_no = ${SQ}2026-0024${SQ} ORDER BY 1" >actual &&
	printf "000001\n000002\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'members: an unknown member is refused (65), no half case left' '
	refused 65 "000099" open --received 2026-01-10 --category other --employer 某公司 \
		--summary x --member 000099 &&
	refused 65 "000099" open --received 2026-01-10 --category other --employer 某公司 \
		--summary x --member 000001 --member 000099 &&
	test "$(db_query "SELECT count(*) FROM disputes")" = 26
'

test_expect_success 'a refusal uses no number: the next case is 2026-0025' '
	ok_case >out &&
	echo 2026-0025 >expect &&
	test_cmp expect out
'

test_expect_success 'a required option missing, or a stray argument: 64' '
	refused 64 "received" open --category other --employer 某公司 --summary x &&
	refused 64 "category" open --received 2026-01-10 --employer 某公司 --summary x &&
	refused 64 "employer" open --received 2026-01-10 --category other --summary x &&
	refused 64 "summary" open --received 2026-01-10 --category other --employer 某公司 &&
	refused 64 "" open 2026-0001 --received 2026-01-10 --category other --employer 某公司 --summary x &&
	refused 64 "" open --received 2026-01-10 --category other --employer 某公司 --summary x --bogus
'

test_expect_success 'open --dry-run checks and writes nothing' '
	db_dump >before &&
	ok_case --dry-run >out 2>err &&
	db_dump >after &&
	test_cmp before after &&
	refused 65 "unknown category" open --dry-run --received 2026-01-10 --category nope \
		--employer 某公司 --summary x
'

test_done
