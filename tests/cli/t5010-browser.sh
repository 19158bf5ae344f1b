#!/bin/sh
# The documents as the board gets them. make demo's books print every HTML
# document (the November disclosure, the 2026 summary, the plan) to PDF
# with headless Chromium (mk/print-pdf.sh, what make demo runs), and the
# test prints a federation's merged summary the same way; pdftotext reads
# them back: the totals and the date are there, the summary's sentences
# with their figures, no English slug or word, no ID number or phone in
# clear, and the disclosure fits on two A4 pages.
UK_NO_INIT=1
. "$(dirname "$0")/lib.sh"
. "$DATA/report-union.sh"

{ command -v chromium || command -v chromium-browser || command -v google-chrome; } >/dev/null 2>&1 &&
	test_set_prereq BROWSER
command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1 && test_set_prereq PDF

# flat FILE: its text without spaces, line or page breaks, so that a
# sentence wrapped across lines reads as one.
flat() {
	tr -d ' \n\f' <"$1"
}

test_expect_success BROWSER,PDF 'make demo prints the disclosure, the summary and the plan to PDF' '
	{ sh "$UK_TOP/examples/demo.sh" "$UK_BIN" "$TRASH/demo" >demo.out 2>demo.err ||
		{ cat demo.err >&2; exit 1; }; } &&
	for d in disclosure-2026-11 report plan-2026; do
		test -s demo/$d.pdf &&
		pdftotext -layout demo/$d.pdf $d.txt &&
		flat $d.txt >$d.flat || return 1
	done &&
	test_grep "printed by Chromium: .*disclosure-2026-11.pdf .*report.pdf .*plan-2026.pdf" demo.out
'

test_expect_success BROWSER,PDF 'the disclosure: title, every total of the JSON on its line, the date, the seal; two A4 pages' '
	export UNIONKIT_DB=demo/union.db &&
	report-month --month 2026-11 --dry-run -f json >m.json &&
	test_grep "某某中学工会2026年11月财务公开" disclosure-2026-11.flat &&
	for k in income_total:本期收入合计 expense_total:本期支出合计 surplus:本期收支结余; do
		key=${k%%:*} label=${k#*:} &&
		line=$(grep "$label" disclosure-2026-11.txt) &&
		echo "$line" | grep -q " $(jget m.json $key.month) *$(jget m.json $key.year_to_date)\$" ||
			{ echo "$label: $line" >&2; return 1; }
	done &&
	line=$(grep "^ *合计 " disclosure-2026-11.txt) &&
	for k in opening income expense closing; do
		echo "$line" | grep -q " $(jget m.json balances_total.$k)\\b" ||
			{ echo "合计 $k: $line" >&2; return 1; }
	done &&
	d=$(jget m.json drawn_up) &&
	test_grep "编制日期：$(echo $d | awk -F- "{printf \"%d年%d月%d日\", \$1, \$2, \$3}")" disclosure-2026-11.flat &&
	test_grep "（盖章）" disclosure-2026-11.flat &&
	test_grep "经审委员会主任" disclosure-2026-11.flat &&
	test "$(pdfinfo demo/disclosure-2026-11.pdf | sed -n "s/^Pages: *//p")" -le 2 &&
	pdfinfo demo/disclosure-2026-11.pdf | grep -q "^Page size:.*(A4)"
'

# print_check PDF: the printed disclosure read page by page: the note
# (注：…) on the page of its table's last row (合计), the signature lines,
# the date and the seal on one page, and each signature's blank on its
# label's line.
print_check() {
	python3 - "$1" <<-\EOF
	import subprocess, sys
	text = subprocess.run(["pdftotext", "-layout", sys.argv[1], "-"], capture_output=True,
	                      text=True, check=True).stdout
	pages = [p.splitlines() for p in text.split("\f")[:-1]]
	page_of = {}
	for i, lines in enumerate(pages):
	    for j, line in enumerate(lines):
	        s = line.replace(" ", "")
	        if s.startswith("注："):
	            assert any(l.strip().startswith("合计") for l in lines[:j]), \
	                ("the note apart from its table, on page %d" % (i + 1), lines[:j + 1])
	        for w in ("工会主席：", "编制日期：", "（盖章）"):
	            if w in s:
	                page_of[w] = i
	        for w in ("工会主席", "经审委员会主任", "财务负责人", "制表"):
	            if s.startswith(w + "：") or ("：" + w + "：") in s or ("_" + w + "：") in s:
	                assert w + "：________" in s, ("the blank not beside " + w, line)
	assert len(page_of) == 3 and len(set(page_of.values())) == 1, ("the signatures, the date, the seal", page_of)
	EOF
}

test_expect_success BROWSER,PDF 'a small disclosure prints on one page: the signatures, each blank beside its label, the date and the seal' '
	union-config -q -d g.db init --name 某某小学工会 &&
	fund-ledger -q -d g.db opening 2024-01-01 50000 --fund 工会经费 --account 银行存款 >/dev/null &&
	report-month -d g.db --month 2024-02 --dry-run -f html >g.html &&
	sh "$UK_TOP/mk/print-pdf.sh" g.html g.pdf &&
	test "$(pdfinfo g.pdf | sed -n "s/^Pages: *//p")" = 1 &&
	print_check g.pdf &&
	pdftotext -layout g.pdf - | tr -d " " >g.txt &&
	test_grep "^工会主席：________经审委员会主任：________财务负责人：________制表：________\$" g.txt
'

# A December with every class and a transfer (so the balances have their
# note), and 0 to 10 funds more: one of them or another brings the note or
# the signatures to a page's foot, whatever the fonts.
test_expect_success BROWSER,PDF 'a page break leaves the note under its table and the signatures with the date and the seal' '
	for n in 0 1 2 3 4 5 6 7 8 9 10; do
		union-config -q -d dec$n.db init --name 某某中学工会 &&
		fund-ledger -q -d dec$n.db opening 2024-01-01 50000 --fund general --account bank >/dev/null &&
		fund-ledger -q -d dec$n.db opening 2024-01-01 2000 --fund general --account cash >/dev/null &&
		i=0 &&
		while [ $i -lt $n ]; do
			i=$((i + 1)) &&
			fund-ledger -q -d dec$n.db fund add extra$i --title 专项基金$i >/dev/null || return 1
		done &&
		for c in 401 402 403 501 502 503 509; do
			fund-ledger -q -d dec$n.db add 2024-12-10 100 $c >/dev/null || return 1
		done &&
		fund-ledger -q -d dec$n.db transfer 2024-12-11 500 --from general:bank --to general:cash >/dev/null &&
		report-month -d dec$n.db --month 2024-12 --dry-run -f html >dec$n.html &&
		test_grep "注：本月收入、本月支出含基金、账户之间的调拨。" dec$n.html &&
		sh "$UK_TOP/mk/print-pdf.sh" dec$n.html dec$n.pdf &&
		print_check dec$n.pdf || { echo "with $n funds more" >&2; return 1; }
	done
'

test_expect_success BROWSER,PDF 'the summary: sentences with the figures of the JSON, then the tables as 附表' '
	export UNIONKIT_DB=demo/union.db &&
	report-year --year 2026 -f json >y.json &&
	money() { jget y.json $1 | sed "s/\\.00\$//"; } &&
	rate() { jget y.json $1 | sed "s/\\.0\$//"; } &&
	test_grep "某某中学工会2026年度工作总结" report.flat &&
	test_grep "一、组织建设和会员发展" report.flat &&
	test_grep "全年共调处劳动纠纷$(jget y.json disputes.received)起，涉及职工$(jget y.json disputes.workers)人，涉及金额$(money disputes.claimed)元，调处率$(rate disputes.handled_rate)%，成功率$(rate disputes.success_rate)%。" report.flat &&
	test_grep "全年工会经费收入$(money funds.income)元，其中会费收入$(money funds.dues)元；支出$(money funds.expense)元。" report.flat &&
	test_grep "共有会员$(jget y.json members.total)人" report.flat &&
	test_grep "附表" report.flat &&
	pdfinfo demo/report.pdf | grep -q "^Page size:.*(A4)"
'

test_expect_success BROWSER,PDF 'the summary'"'"'s plan table printed: each item'"'"'s reference and result unbroken on one line, targets in words' '
	n=$(python3 -c "import json, sys; print(len(json.load(open(sys.argv[1]))[\"plan\"]))" y.json) &&
	test "$n" -gt 20 &&
	sed -n "/^ *工作计划完成情况 *\$/,\$p" report.txt >plan-table.txt &&
	grep -E "^ *2026/[^ ]*[0-9] .*(已完成|未完成|无目标) *\$" plan-table.txt >rows &&
	test "$(wc -l <rows)" = "$n" &&
	test_grep "学习不少于4次 *4次 *已完成" rows &&
	test_must_fail grep "[<>]=\| = " plan-table.txt
'

test_expect_success BROWSER,PDF 'the plan: its title, its targets in words' '
	test_grep "2026年某某中学工会工作计划" plan-2026.flat &&
	test_grep "〔目标：学习不少于4次〕" plan-2026.flat
'

test_expect_success BROWSER,PDF 'a federation'"'"'s merged summary printed: its name, a row per union, the sums in sentences' '
	cp demo/union.db b.db &&
	union-config -d b.db union.name 某某小学工会 &&
	report-year -d demo/union.db --year 2026 -f json >a.json &&
	report-year -d b.db --year 2026 -f json >b.json &&
	report-year --merge a.json b.json --name 某某街道总工会 -f html >fed.html &&
	sh "$UK_TOP/mk/print-pdf.sh" fed.html fed.pdf &&
	pdftotext -layout fed.pdf fed.txt &&
	flat fed.txt >fed.flat &&
	test_grep "某某街道总工会2026年度工作总结" fed.flat &&
	test_grep "全年共有2家基层工会报送年度报告" fed.flat &&
	test_grep "全年共调处劳动纠纷$((2 * $(jget a.json disputes.received)))起" fed.flat &&
	test_grep "各基层工会" fed.flat &&
	test_grep "^ *某某中学工会 " fed.txt &&
	test_grep "^ *某某小学工会 " fed.txt
'

test_expect_success BROWSER,PDF 'no English slug and no ASCII word in any printed document' '
	for v in $(union-config -d demo/union.db vocab | cut -f1); do
		union-config -d demo/union.db vocab $v | cut -f1
	done | sort -u >slugs &&
	test "$(wc -l <slugs)" -gt 50 &&
	cat disclosure-2026-11.txt report.txt plan-2026.txt fed.txt >all.txt &&
	grep -o "[A-Za-z][A-Za-z_-]*" all.txt | sort -u >words &&
	test_must_be_empty words
'

test_expect_success BROWSER,PDF 'no ID number or phone in clear in any printed document; the check bites' '
	id="[1-9][0-9]\{5\}\(19\|20\)[0-9]\{9\}[0-9Xx]" phone="1[3-9][0-9]\{9\}" &&
	! grep -e "$id" -e "$phone" all.txt &&
	member-ls -d demo/union.db -f table >plain.txt &&
	grep -q -e "$id" plain.txt && grep -q -e "$phone" plain.txt
'

test_done
