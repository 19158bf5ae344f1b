#!/bin/sh
# make demo: builds demo/union.db from the files in examples/ through the
# tools themselves, the way the union's secretary would: the member
# register, then the books, then the disputes, then the plan and the
# activities done against it. Every file it names is written from the
# final books. Usage: sh examples/demo.sh [BINDIR [OUTDIR]]; OUTDIR (default
# demo/ in the source tree, made afresh) must not exist yet.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${1:-$top/build/bin}
case $bin in /*) ;; *) bin=$top/$bin ;; esac
PATH=$bin:$PATH
ex=$top/examples
if [ $# -ge 2 ]; then
	demo=$2
	[ ! -e "$demo" ] || { echo "demo: $demo already exists" >&2; exit 73; }
else
	demo=$top/demo
	rm -rf "$demo"
fi
mkdir -p "$demo"
demo=$(cd "$demo" && pwd)
export UNIONKIT_DB="$demo/union.db"

step() { printf '\n== %s\n$ %s\n' "$1" "$2"; }

step "the union's books, created with its name; then its profile" "union-config init --name 某某中学工会"
union-config init --name 某某中学工会
union-config union.parent 某某街道总工会
union-config --list -f table

step "November: HR's staff list, a GB18030 file saved by Excel; bad rows set aside" \
	"member-add --skip-bad --rejects demo/rejects.csv examples/hr-2026-11-gb18030.csv"
member-add --skip-bad --rejects "$demo/rejects.csv" "$ex/hr-2026-11-gb18030.csv" || [ $? -eq 1 ]
echo "rejected records, ready to fix and import again:"
cat "$demo/rejects.csv"

step "December: the next list (UTF-8 with BOM); members it leaves out are marked as left" \
	"member-add --list-missing -f csv examples/hr-2026-12-utf8-bom.csv | member-set --status left --date 2026-11-30 -"
member-add --list-missing -f csv "$ex/hr-2026-12-utf8-bom.csv" |
	member-set --status left --date 2026-11-30 --note 'not in the HR list of December' -

step "changes from a file: a retirement, a hardship file, a group leader, the chair" \
	"member-set examples/member-changes.csv"
member-set "$ex/member-changes.csv"

step "the register by unit" "member-ls -f csv | cut -d, -f11 | sort | uniq -c"
member-ls -f csv | cut -d, -f11 | sed 1d | sort | uniq -c | sort -rn

step "counts" "member-ls --count; member-ls --status all --count; member-ls --left 2026"
printf 'active members: %s\n' "$(member-ls --count)"
printf 'all records:    %s\n' "$(member-ls --status all --count)"
member-ls --left 2026 --mask -f table

step "hardship members, masked for the notice board" "member-ls --hardship --mask -f table"
member-ls --hardship --mask -f table

step "one member's history" "member-ls --history 000001"
member-ls --history 000001 -f table

step "the year's books: opening balances, allocations, activities, aid, cash withdrawals" \
	"fund-ledger import examples/ledger-2026.csv"
fund-ledger import "$ex/ledger-2026.csv"
fund-ledger transfer 2026-11-20 10000 --from general:bank --to hardship:bank \
	--memo '工会经费补充帮困基金' >/dev/null

step "November's dues from the register (0.5% of the wage base cut to 10 yuan)" \
	"fund-ledger dues --month 2026-11 -f table | head"
fund-ledger dues --month 2026-11 -f table | head -n 6

step "balances by fund and by account" "fund-ledger balance; fund-ledger balance --by account"
fund-ledger balance -f table
fund-ledger balance --by account -f table

step "the audit committee's check" "fund-ledger verify"
fund-ledger verify

step "the mediation committee's year: cases received, mediated and closed" \
	"dispute-log import examples/disputes-2026.csv"
dispute-log import "$ex/disputes-2026.csv"

step "the year's figures: by category and outcome, 调处率 and 成功率" \
	"dispute-log stats --year 2026 -f table"
dispute-log stats --year 2026 -f table

step "cases past the 15-day mediation limit (Art. 14) on 25 November" \
	"dispute-log ls --overdue --at 2026-11-25 -f table"
dispute-log ls --overdue --at 2026-11-25 -f table

step "the year's work plan, in the customary outline, stored and rendered back" \
	"plan-new --year 2026 examples/plan-2026.md"
plan-new --year 2026 "$ex/plan-2026.md" >"$demo/plan-2026.md"
sed -n 1,12p "$demo/plan-2026.md"
echo ...
if cmp -s "$ex/plan-2026.md" "$demo/plan-2026.md"; then
	echo "(rendered back byte for byte: $demo/plan-2026.md)"
else
	echo "demo: the plan did not render back as written" >&2
	exit 1
fi
plan-new --year 2026 --show -f html >"$demo/plan-2026.html"
echo "(printable: $demo/plan-2026.html)"

step "a year of activities, against the plan's items; their costs posted to the books" \
	"activity-log import examples/activities-2026.csv"
activity-log import "$ex/activities-2026.csv"
activity-log ls --kind culture-sports -f table

step "care for members: 送温暖 to a member with a hardship file, the summer's goods to everyone, a hospital visit" \
	"care-log roll 夏送清凉 --occasion 2026高温 --goods 防暑用品 --value 50 --date 2026-07-15"
care-log add 2026-01-20 送温暖 --member 000002 --amount 800 --occasion 2026春节 >/dev/null
care-log roll 夏送清凉 --occasion 2026高温 --goods 防暑用品 --value 50 --date 2026-07-15
care-log add 2026-10-12 生病住院 --member 000005 --amount 300 --goods 水果 --value 60 --occasion 住院 >/dev/null
care-log stats --year 2026 -f table

step "the plan against what was done, item by item" \
	"plan-new --year 2026 --progress --at 2026-12-31 -f table"
plan-new --year 2026 --progress --at 2026-12-31 -f table

step "November's financial disclosure (每月一公开): the page to print, then on the terminal" \
	"report-month --month 2026-11 -f html > demo/disclosure-2026-11.html; report-month --month 2026-11 -f table"
report-month --month 2026-11 -f html >"$demo/disclosure-2026-11.html"
report-month --month 2026-11 -f table

step "the year's work summary (年度工作总结), in sentences with the figures in them" \
	"report-year --year 2026 -f md > demo/report.md"
report-year --year 2026 -f md >"$demo/report.md"
sed -n '/^## 一、/,/^## 附表/p' "$demo/report.md" | sed '$d'
echo "(the tables follow as 附表: $demo/report.md)"
report-year --year 2026 -f html >"$demo/report.html"

# Exported last, once every cost is posted: the journal is the final books.
fund-ledger export -f ledger >"$demo/union.ledger"
if command -v ledger >/dev/null 2>&1; then
	step "the year's books read by ledger-cli" "ledger -f demo/union.ledger bal 资产"
	ledger -f "$demo/union.ledger" bal 资产
fi

member-ls --status all -f json >"$demo/members.json"

# The documents as the board gets them: printed to PDF by a real browser
# (UK_DEMO_PDF=no leaves them out, for tests that do not look at them).
pdfs=
if [ "${UK_DEMO_PDF:-yes}" != no ]; then
	for doc in disclosure-2026-11 report plan-2026; do
		if sh "$top/mk/print-pdf.sh" "$demo/$doc.html" "$demo/$doc.pdf"; then
			pdfs="$pdfs $demo/$doc.pdf"
		else
			echo "demo: $doc.pdf not printed" >&2
			break
		fi
	done
fi
echo
echo "demo database: $demo/union.db; members as JSON: $demo/members.json;"
echo "the books as a ledger-cli journal: $demo/union.ledger;"
echo "the year's report, printable: $demo/report.html;"
echo "November's disclosure, printable: $demo/disclosure-2026-11.html"
[ -z "$pdfs" ] || echo "printed by Chromium:$pdfs"
