#!/bin/sh
# plan-new: a year has one plan. A second is refused (65) unless --replace,
# which keeps the old version in plans (current = 0) and makes the new one
# version 2, current. --dry-run checks and prints, storing nothing.
# --copy-from Y0 starts from the plan of Y0: the title's year changed,
# targets kept. --show of a year without a plan is 65.
. "$(dirname "$0")/lib.sh"

refused() { c=$1 p=$2; shift 2; test_refused "$c" "$p" plan-new "$@"; }

versions() {
	db_query "SELECT year, version, current, title FROM plans ORDER BY year, version"
}

test_expect_success '--dry-run: the plan is checked and printed, nothing is stored' '
	plan-new --year 2026 --template >tpl &&
	plan-new --dry-run --year 2026 "$DATA/plan-2026.md" >out 2>err &&
	test_cmp "$DATA/plan-2026.md" out &&
	if test -e union.db; then
		test "$(db_query "SELECT count(*) FROM plans")" = 0 &&
		test "$(db_query "SELECT count(*) FROM plan_items")" = 0
	fi
'

test_expect_success '--show of a year without a plan: 65, and says how to store one' '
	plan-new --year 2025 --template >tpl2025 &&
	plan-new -q --year 2025 tpl2025 >/dev/null &&
	refused 65 "no plan for 2026" --year 2026 --show &&
	refused 65 "no plan for 2024" --year 2024 --progress --at 2024-06-30
'

test_expect_success 'the plan of 2026 is stored: version 1, current' '
	plan-new --year 2026 "$DATA/plan-2026.md" >/dev/null &&
	versions >actual &&
	cat >expect <<-\EOF &&
	2025|1|1|2025年某某工会工作计划
	2026|1|1|2026年某某中学工会工作计划
	EOF
	test_cmp expect actual
'

test_expect_success 'a second plan for 2026 is refused (65): it already has one' '
	refused 65 "2026 already has a plan.*--replace" --year 2026 tpl &&
	refused 65 "2026 already has a plan" --year 2026 "$DATA/plan-2026.md"
'

test_expect_success '--dry-run of a second plan is refused the same' '
	refused 65 "2026 already has a plan" --dry-run --year 2026 tpl
'

test_expect_success '--replace: the new plan is version 2 and current; the old kept, current = 0' '
	db_query "SELECT id FROM plans WHERE year = 2026" >old_id &&
	n_items=$(db_query "SELECT count(*) FROM plan_items WHERE plan_id = $(cat old_id)") &&
	plan-new --year 2026 --replace tpl >out &&
	test_cmp tpl out &&
	versions >actual &&
	cat >expect <<-\EOF &&
	2025|1|1|2025年某某工会工作计划
	2026|1|0|2026年某某中学工会工作计划
	2026|2|1|2026年某某工会工作计划
	EOF
	test_cmp expect actual &&
	test "$(db_query "SELECT count(*) FROM plan_items WHERE plan_id = $(cat old_id)")" = "$n_items" &&
	test "$(db_query "SELECT count(*) FROM plans WHERE year = 2026 AND current = 1")" = 1
'

test_expect_success '--show prints the current version' '
	plan-new --year 2026 --show >shown &&
	test_cmp tpl shown
'

test_expect_success '--replace again: version 3; both older versions kept' '
	plan-new -q --year 2026 --replace "$DATA/plan-2026.md" >/dev/null &&
	db_query "SELECT version, current FROM plans WHERE year = 2026 ORDER BY version" >actual &&
	printf "1|0\n2|0\n3|1\n" >expect &&
	test_cmp expect actual &&
	plan-new --year 2026 --show >shown &&
	test_cmp "$DATA/plan-2026.md" shown
'

test_expect_success '--replace --dry-run stores nothing' '
	db_dump >before &&
	plan-new --dry-run --replace --year 2026 tpl >out &&
	test_cmp tpl out &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success '--copy-from 2026 to 2027: the title year changed, items and targets kept' '
	plan-new --year 2027 --copy-from 2026 >out 2>err &&
	sed "1s/2026年/2027年/" "$DATA/plan-2026.md" >expect &&
	test_cmp expect out &&
	plan-new --year 2027 --show >shown &&
	test_cmp expect shown &&
	test "$(db_query "SELECT version, current, title FROM plans WHERE year = 2027")" = "1|1|2027年某某中学工会工作计划"
'

test_expect_success '--copy-from: the copy is a plan of its own (items stored anew)' '
	db_query "SELECT i.section, i.number, i.text, coalesce(i.metric, ${SQ}${SQ}), coalesce(i.op, ${SQ}${SQ}),
		coalesce(i.target, ${SQ}${SQ}), coalesce(i.owner, ${SQ}${SQ}), coalesce(i.due, ${SQ}${SQ})
		FROM plan_items i JOIN plans p ON p.id = i.plan_id WHERE p.year = 2026 AND p.current = 1
		ORDER BY i.section, i.number" >a2026 &&
	db_query "SELECT i.section, i.number, i.text, coalesce(i.metric, ${SQ}${SQ}), coalesce(i.op, ${SQ}${SQ}),
		coalesce(i.target, ${SQ}${SQ}), coalesce(i.owner, ${SQ}${SQ}), coalesce(i.due, ${SQ}${SQ})
		FROM plan_items i JOIN plans p ON p.id = i.plan_id WHERE p.year = 2027
		ORDER BY i.section, i.number" >a2027 &&
	test_cmp a2026 a2027 &&
	test "$(db_query "SELECT count(*) FROM plan_items i JOIN plans p ON p.id = i.plan_id
		WHERE p.year = 2027 AND i.metric IS NOT NULL")" = 14 &&
	test "$(db_query "SELECT count(DISTINCT plan_id) FROM plan_items i JOIN plans p ON p.id = i.plan_id
		WHERE p.year IN (2026, 2027) AND p.current = 1")" = 2
'

test_expect_success '--copy-from into a year that has a plan: 65; with --replace, version 2' '
	refused 65 "2027 already has a plan" --year 2027 --copy-from 2025 &&
	plan-new -q --year 2027 --copy-from 2025 --replace >out &&
	head -n 1 out >actual &&
	echo "# 2027年某某工会工作计划" >expect &&
	test_cmp expect actual &&
	db_query "SELECT version, current FROM plans WHERE year = 2027 ORDER BY version" >actual &&
	printf "1|0\n2|1\n" >expect &&
	test_cmp expect actual
'

test_expect_success '--copy-from a year without a plan: 65' '
	refused 65 "no plan for 2020" --year 2028 --copy-from 2020
'

test_expect_success '--copy-from --dry-run stores nothing' '
	db_dump >before &&
	plan-new --dry-run --year 2028 --copy-from 2026 >out &&
	head -n 1 out >actual &&
	echo "# 2028年某某中学工会工作计划" >expect &&
	test_cmp expect actual &&
	db_dump >after &&
	test_cmp before after
'

test_expect_success '--show on a missing database: 66, no file created' '
	test_expect_code 66 plan-new --db nowhere.db --year 2026 --show 2>err &&
	test_must_fail test -e nowhere.db
'

test_expect_success 'a plan piped from one plan-new into another is stored: the reader reads its input before it takes the lock' '
	for i in 1 2 3 4 5; do
		plan-new --year 2031 --copy-from 2026 --dry-run | plan-new --year 2031 --dry-run - >piped 2>err ||
			{ cat err >&2; return 1; }
	done &&
	plan-new --year 2031 --copy-from 2026 --dry-run | plan-new --year 2031 - >piped &&
	test "$(db_query "SELECT count(*) FROM plans WHERE year = 2031")" = 1
'

test_done
