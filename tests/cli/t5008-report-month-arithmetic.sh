#!/bin/sh
# report-month's figures add up on random books: on every row of 各项基金余额
# opening + income - expense = closing; a fund's row is the sum of its
# accounts, the total the sum of the funds; one month's closing is the next
# month's opening; 本期收入合计 and 本期支出合计 are the sums of their classes
# and 本期收支结余 their difference. Books of incomes, expenses, transfers
# between funds and accounts, and voids, drawn at random (seed printed).
. "$(dirname "$0")/lib.sh"

SEED=${UK_SEED:-$(date +%s)}
echo "# seed $SEED (UK_SEED=$SEED to repeat)"

test_expect_success 'a random year of books' '
	union-config union.name 测试工会 &&
	python3 - "$SEED" >book.csv <<-\EOF &&
	import random, sys
	r = random.Random(int(sys.argv[1]))
	print("date,fund,account,category,subcategory,amount,member_no,voucher,memo")
	for fund, acct in (("general", "bank"), ("general", "cash"), ("hardship", "bank")):
	    print(f"2025-01-01,{fund},{acct},opening,,{r.randint(50000, 90000)}.{r.randint(0, 99):02d},,,")
	rows = []
	for _ in range(160):
	    m, d = r.randint(1, 12), r.randint(1, 28)
	    if r.random() < 0.5:
	        fund, acct, cat = "general", r.choice(["bank", "cash"]), r.choice(["401", "402", "403", "408"])
	    else:
	        fund, acct, cat = "general", r.choice(["bank", "cash"]), r.choice(["501", "503", "509"])
	    rows.append((f"2025-{m:02d}-{d:02d}", fund, acct, cat, f"{r.randint(1, 900)}.{r.randint(0, 99):02d}"))
	for row in sorted(rows):
	    print(",".join(row[:4]) + ",," + row[4] + ",,,")
	EOF
	fund-ledger -q import book.csv &&
	python3 - "$SEED" >moves <<-\EOF &&
	import random, sys
	r = random.Random(int(sys.argv[1]) + 1)
	for _ in range(12):
	    m, d = r.randint(1, 12), r.randint(1, 28)
	    src, dst = r.choice([("general:bank", "hardship:bank"), ("general:bank", "general:cash"),
	                         ("general:cash", "general:bank")])
	    print(f"transfer 2025-{m:02d}-{d:02d} {r.randint(1, 500)} {src} {dst}")
	for _ in range(8):
	    print(f"void {r.randint(4, 150)} 2025-12-{r.randint(1, 28):02d}")
	EOF
	while read -r what date a b c; do
		case $what in
		transfer) fund-ledger -q transfer "$date" "$a" --from "$b" --to "$c" --allow-overdraft >/dev/null ;;
		void) fund-ledger -q void "$date" --reason 录错 --date "$a" --allow-overdraft >/dev/null 2>&1 || : ;;
		esac || return 1
	done <moves &&
	test "$(db_query "SELECT count(*) FROM ledger_entries WHERE void_of IS NOT NULL")" -gt 0 &&
	test "$(db_query "SELECT count(*) FROM ledger_entries WHERE category = ${SQ}transfer-in${SQ}")" -gt 0
'

test_expect_success 'every month: each row, each fund and the total add up; months join' '
	for m in 01 02 03 04 05 06 07 08 09 10 11 12; do
		report-month --month 2025-$m --dry-run -f json >m$m.json || return 1
	done &&
	python3 - m*.json <<-\EOF
	import json, sys
	from decimal import Decimal as D
	prev = None
	for f in sorted(sys.argv[1:]):
	    r = json.load(open(f))
	    keys = ("opening", "income", "expense", "closing")
	    for row in r["balances"]:
	        assert D(row["opening"]) + D(row["income"]) - D(row["expense"]) == D(row["closing"]), (f, row)
	    for fund in r["funds"]:
	        rows = [x for x in r["balances"] if x["fund"] == fund["fund"]]
	        for k in keys:
	            assert D(fund[k]) == sum(D(x[k]) for x in rows), (f, fund, k)
	        assert D(fund["opening"]) + D(fund["income"]) - D(fund["expense"]) == D(fund["closing"]), (f, fund)
	    for k in keys:
	        assert D(r["balances_total"][k]) == sum(D(x[k]) for x in r["funds"]), (f, k)
	    if prev:
	        before = {(x["fund"], x["account"]): x["closing"] for x in prev["balances"]}
	        for row in r["balances"]:
	            assert D(before.get((row["fund"], row["account"]), "0")) == D(row["opening"]), (f, row)
	    for col in ("month", "year_to_date"):
	        i = sum(D(x[col]) for x in r["statement"] if x["kind"] == "income")
	        o = sum(D(x[col]) for x in r["statement"] if x["kind"] == "expense")
	        assert D(r["income_total"][col]) == i and D(r["expense_total"][col]) == o, (f, col)
	        assert D(r["surplus"][col]) == i - o, (f, col)
	    # Transfers move money between accounts, never in or out of the books.
	    assert D(r["balances_total"]["income"]) - D(r["balances_total"]["expense"]) == \
	        D(r["income_total"]["month"]) - D(r["expense_total"]["month"]), f
	    prev = r
	EOF
'

test_expect_success 'the document shows the same totals: 本期收入合计, 小计, 合计' '
	report-month --month 2025-06 --dry-run -f md >m.md &&
	total=$(python3 -c "import json; print(json.load(open(\"m06.json\"))[\"income_total\"][\"month\"])") &&
	test_grep "^|  | 本期收入合计 | $total |" m.md &&
	closing=$(python3 -c "import json; print(json.load(open(\"m06.json\"))[\"balances_total\"][\"closing\"])") &&
	test_grep "^| 合计 |  | .* | $closing |\$" m.md &&
	test "$(grep -c "^|  | 小计 |" m.md)" = 3
'

test_expect_success 'html: the chart labels each class by name with its value, income and expense in two colours with a legend, an axis in 元' '
	report-month --month 2025-06 --dry-run -f html >m.html &&
	python3 - m.html m06.json <<-\EOF
	import json, re, sys
	svg = re.search(r"<svg.*?</svg>", open(sys.argv[1]).read(), re.S).group(0)
	r = json.load(open(sys.argv[2]))
	texts = re.findall(r">([^<>]+)</text>", svg)
	for row in r["statement"]:
	    assert row["name"] in texts and row["month"] in texts, row
	assert "收入" in texts and "支出" in texts and "元（本月数）" in texts, texts
	fills = set(re.findall(r"<rect[^>]*fill=\"(#[0-9a-f]{6})\"", svg))
	assert fills == {"#1f4e79", "#f4b183"}, fills
	assert "<script" not in open(sys.argv[1]).read()
	EOF
'

test_done
