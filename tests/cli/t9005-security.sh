#!/bin/sh
# Security: the database file is private (0600) whoever
# creates it; no SQL text is built at run time (every SQL argument in lib/
# and cmd/ is a literal, a static const or an integer-only format); no
# shell or other program is run; --excel CSV guards formulas wherever it
# is offered; public documents (the monthly disclosure, the year's report,
# the federation's merge) carry no unmasked ID number, phone or name of an
# aid recipient, in any format or language; member-ls masks what its man
# page says --mask masks. t0901 has the first cases of the file mode.
. "$(dirname "$0")/lib.sh"

ID1=11010519491231002X
ID2=440524188001010014
TAB=$(printf '\t')
CR=$(printf '\r')

# mode_600 FILE: a private file.
mode_600() {
	test "$(stat -c %a "$1")" = 600 || { echo "$1: mode $(stat -c %a "$1")" >&2; return 1; }
}

# --- The database file -----------------------------------------------------

test_expect_success 'setup: records each creating command can load' '
	printf "date,fund,account,category,amount,memo\n2024-01-01,general,bank,opening,100.00,期初\n" >ledger.csv &&
	printf "received,category,employer,workers,summary\n2024-01-02,wages,某公司,2,欠薪\n" >disputes.csv &&
	printf "date,kind,title,participants\n2024-01-03,meeting,委员会会议,9\n" >activities.csv &&
	printf "name,id_card\n张三,%s\n" $ID1 >members.csv &&
	cp "$DATA/plan-2026.md" plan.md
'

# union-config init makes the file 0600 under the loosest umask and under
# the strictest (never 0400 nor 0644), and each command's first write into
# it keeps it so.
for mask in 000 077; do
	test_expect_success "union-config init makes the database 0600, and every first write keeps it so (umask $mask)" "
		mkdir -p m$mask && cd m$mask &&
		umask $mask &&
		for db in a b c d e f g h i j k; do
			union-config -q init -d \$db.db || exit 1
			mode_600 \$db.db || exit 1
		done &&
		member-add -q -d a.db ../members.csv &&
		union-config -d b.db union.name 某某中学工会 &&
		fund-ledger -q -d c.db opening 2024-01-01 100 --fund general --account bank >/dev/null &&
		fund-ledger -q -d d.db add 2024-01-01 8.00 402 >/dev/null &&
		fund-ledger -q -d e.db import ../ledger.csv 2>/dev/null &&
		dispute-log -d f.db open --received 2024-01-02 --category wages --employer X --workers 1 --summary s >/dev/null &&
		dispute-log -d g.db import ../disputes.csv 2>/dev/null &&
		activity-log -d h.db add 2024-01-03 meeting 会议 --participants 3 >/dev/null &&
		activity-log -d i.db import ../activities.csv 2>/dev/null &&
		plan-new -q -d j.db --year 2026 ../plan.md >/dev/null &&
		fund-ledger -q -d k.db dues --month 2024-01 >/dev/null 2>&1 &&
		for db in a b c d e f g h i j k; do
			mode_600 \$db.db || exit 1
			test \"\$(db_query 'PRAGMA integrity_check' \$db.db)\" = ok || exit 1
		done &&
		test \"\$(db_query 'SELECT count(*) FROM disputes' g.db)\" = 1 &&
		test \"\$(db_query 'SELECT count(*) FROM activities' i.db)\" = 1 &&
		test \"\$(db_query 'SELECT count(*) FROM ledger_entries' e.db)\" = 1
	"
done

test_expect_success 'a later write does not widen the mode of the database file' '
	cd m000 &&
	umask 000 &&
	member-add -q -d b.db --name 李四 --id-card $ID2 &&
	fund-ledger -q -d b.db add 2024-02-01 8.00 402 >/dev/null &&
	mode_600 b.db
'

test_expect_success 'a --rejects file is private too: it holds the rejected records ID numbers' '
	mkdir -p rj && cd rj &&
	umask 000 &&
	printf "name,id_card,phone\n张三,$ID1,13800138000\n李四,110105194912310000,13900139000\n" >in.csv &&
	union-config -q init -d r.db &&
	test_expect_code 1 member-add -q -d r.db --skip-bad --rejects rejects.csv in.csv 2>/dev/null &&
	grep -q 110105194912310000 rejects.csv &&
	mode_600 rejects.csv
'

test_expect_success 'a write on a missing database creates no file (66); a first write that fails leaves the new one as init made it' '
	mkdir -p failed && cd failed &&
	printf "received,category,employer,workers,summary,members\n2024-01-02,wages,X,1,s,000009\n" >bad-disputes.csv &&
	printf "date,kind,title,participants\n2024-01-03,nonsense,会议,9\n" >bad-activities.csv &&
	test_expect_code 66 dispute-log -d a.db import bad-disputes.csv 2>/dev/null &&
	test_expect_code 66 activity-log -d b.db import bad-activities.csv 2>/dev/null &&
	test_expect_code 66 member-set -d c.db 000001 --hardship deep 2>/dev/null &&
	test_expect_code 66 fund-ledger -d d.db add 2024-01-01 8.00 999 2>/dev/null &&
	test_expect_code 66 member-add -d e.db --name 张三 --id-card 110105194912310021 2>/dev/null &&
	no_db_files a.db b.db c.db d.db e.db &&
	test "$(ls -A)" = "bad-activities.csv
bad-disputes.csv" &&
	for db in a b c d e; do
		union-config -q init -d $db.db && cp $db.db $db.init || exit 1
	done &&
	test_must_fail dispute-log -d a.db import bad-disputes.csv 2>/dev/null &&
	test_must_fail activity-log -d b.db import bad-activities.csv 2>/dev/null &&
	test_must_fail member-set -d c.db 000001 --hardship deep 2>/dev/null &&
	test_must_fail fund-ledger -d d.db add 2024-01-01 8.00 999 2>/dev/null &&
	test_must_fail member-add -d e.db --name 张三 --id-card 110105194912310021 2>/dev/null &&
	for db in a b c d e; do
		cmp $db.db $db.init && mode_600 $db.db || exit 1
	done
'

# --- No SQL built from input -----------------------------------------------

# tests/tools/sqlscan.py DIR...: every SQL text handed to SQLite in the C
# sources of DIR..., their sub-folders included, is constant (see its header
# for what counts); prints FILE:LINE: why, one a finding; exits 1 on any.
SQLSCAN=$UK_TOP/tests/tools/sqlscan.py

test_expect_success 'no SQL text is built at run time: every SQL argument in lib/ and cmd/ is constant' '
	{ python3 "$SQLSCAN" "$UK_TOP/lib" "$UK_TOP/cmd" >findings 2>summary ||
		{ cat findings summary >&2; exit 1; }; } &&
	test_must_fail test -s findings &&
	checked=$(sed -n "s/.* \([0-9][0-9]*\) SQL arguments checked.*/\1/p" summary) &&
	test "$checked" -ge 100 &&
	test_grep " uk_db_prepare" summary &&
	test_grep " migrate" summary
'

# plant FILE CODE: CODE added to FILE in the copy of lib/ and cmd/.
plant() {
	printf "%s\n" "$2" >>"planted/$1"
}

# bites FILE LINE_PATTERN: the scan of the copy names FILE at the line of
# the planted code that matches LINE_PATTERN.
bites() {
	line=$(grep -n -- "$2" "planted/$1" | tail -1 | cut -d: -f1) &&
	test -n "$line" &&
	test_grep "^planted/$1:$line: " planted.out
}

# Violations planted in a copy of the sources, each one a way SQL text is
# made from input; and one integer-only PRAGMA, as db.c writes them, which
# is no violation. One scan of the copy must name every violation's line.
test_expect_success 'setup: a copy of lib/ and cmd/ with SQL built from input planted in it' '
	mkdir planted &&
	cp -R "$UK_TOP/lib" "$UK_TOP/cmd" planted/ &&
	plant lib/config.c "
int uk_planted1(struct uk_db *db, const char *name)
{
	char sql[256];
	snprintf(sql, sizeof sql, \"SELECT value FROM config WHERE key = '\''%s'\''\", name);
	sqlite3_stmt *st = uk_db_prepare(db, sql);
	sqlite3_finalize(st);
	return 0;
}
int uk_planted2(struct uk_db *db, const char *name)
{
	char *q = NULL;
	if (asprintf(&q, \"delete from members where name = '\''%s'\''\", name) < 0)
		return 1;
	return uk_db_exec(db, q);
}
static int run_sql(struct uk_db *db, const char *text)
{
	return uk_db_exec(db, text);
}
int uk_planted6(struct uk_db *db, const struct uk_opts *o)
{
	return run_sql(db, o->db_path);
}
static const char *planted_sql = \"SELECT 1\";
int uk_planted8(struct uk_db *db, const char *name)
{
	planted_sql = name;
	return uk_db_exec(db, planted_sql);
}
int uk_planted9(struct uk_db *db, const char *name)
{
	const char *chosen = name[0] ? \"SELECT 1\" : name;
	sqlite3_stmt *st = uk_db_prepare(db, chosen);
	sqlite3_finalize(st);
	return 0;
}
int uk_planted10(struct uk_db *db, int n)
{
	char sql[64];
	snprintf(sql, sizeof sql, \"PRAGMA cache_size = %d\", n);
	return uk_db_exec(db, sql);
}" &&
	plant lib/ledger.c "
int uk_planted3(struct uk_db *db, const char *name)
{
	char *q = sqlite3_mprintf(\"UPDATE members SET note = %Q WHERE id = 1\", name);
	int rc = uk_db_exec(db, q);
	sqlite3_free(q);
	return rc;
}" &&
	plant lib/members_query.c "
int uk_planted4(struct uk_db *db, const char *name)
{
	char sql[300] = \"SELECT id FROM members WHERE name = '\''\";
	strcat(sql, name);
	strcat(sql, \"'\''\");
	sqlite3_stmt *st = uk_db_prepare(db, sql);
	sqlite3_finalize(st);
	return 0;
}
int uk_planted5(struct uk_db *db, const char *name)
{
	char buf[2000];
	snprintf(buf, sizeof buf, UK_MEMBER_SELECT \" WHERE m.name = '\''%s'\''\", name);
	sqlite3_stmt *st = uk_db_prepare(db, buf);
	sqlite3_finalize(st);
	return 0;
}" &&
	plant cmd/union-config.c "
static int planted7(struct uk_db *db, int argc, char **argv)
{
	return uk_db_exec(db, argv[argc - 1]);
}" &&
	plant lib/core/text.c "
int uk_planted11(struct uk_db *db, const char *name)
{
	return uk_db_exec(db, name);
}" &&
	plant lib/report/report.c "
int uk_planted12(struct uk_db *db, const char *name)
{
	sqlite3_stmt *st = uk_db_prepare(db, name);
	sqlite3_finalize(st);
	return 0;
}" &&
	test_expect_code 1 python3 "$SQLSCAN" planted/lib planted/cmd >planted.out 2>/dev/null
'

test_expect_success 'the SQL check bites: snprintf of SELECT with %s into a buffer, then prepared' '
	bites lib/config.c "snprintf(sql, sizeof sql, \"SELECT" &&
	bites lib/config.c "uk_db_prepare(db, sql);" &&
	test_grep "snprintf() builds SQL with %s" planted.out
'

test_expect_success 'the SQL check bites: lower-case SQL from asprintf, sqlite3_mprintf with %Q, strcat, a macro' '
	bites lib/config.c "asprintf" &&
	bites lib/config.c "return uk_db_exec(db, q);" &&
	bites lib/ledger.c "sqlite3_mprintf" &&
	bites lib/members_query.c "uk_db_prepare(db, sql)" &&
	bites lib/members_query.c "snprintf(buf, sizeof buf, UK_MEMBER_SELECT" &&
	bites lib/members_query.c "uk_db_prepare(db, buf)"
'

test_expect_success 'the SQL check bites: SQL through a wrapper, from argv, a reassigned static, a ?: of input' '
	bites lib/config.c "return run_sql(db, o->db_path)" &&
	bites cmd/union-config.c "uk_db_exec(db, argv" &&
	bites lib/config.c "return uk_db_exec(db, planted_sql)" &&
	bites lib/config.c "uk_db_prepare(db, chosen)"
'

test_expect_success 'the SQL check reads the sub-folders of lib/: lib/core and lib/report' '
	bites lib/core/text.c "return uk_db_exec(db, name)" &&
	bites lib/report/report.c "uk_db_prepare(db, name)"
'

test_expect_success 'the SQL check lets an integer-only PRAGMA through, as db.c writes them; nothing else found' '
	start=$(grep -n "uk_planted10" planted/lib/config.c | cut -d: -f1) &&
	test_must_fail grep "^planted/lib/config.c:\($((start + 3))\|$((start + 4))\): " planted.out &&
	test "$(wc -l <planted.out)" -le 18 &&
	test "$(wc -l <planted.out)" -ge 15
'

test_expect_success 'cmd/ holds no SQL: no sqlite3.h, no SQLite call, no statement of its own' '
	test_must_fail grep -n "sqlite3\|uk_db_prepare\|uk_db_exec" "$UK_TOP"/cmd/*.c &&
	test_must_fail grep -nE "\"[^\"]*\b(SELECT|INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM|PRAGMA)\b" "$UK_TOP"/cmd/*.c
'

# --- No shell ----------------------------------------------------------------

RUNNERS="system|popen|execl|execlp|execle|execv|execvp|execvpe|execve|fexecve|posix_spawn|posix_spawnp|fork|vfork|wordexp|dlopen"

test_expect_success 'no shell and no other program is run: none of system, popen, exec*, fork ... in lib/ or cmd/' '
	test_must_fail grep -nE "\b($RUNNERS)[[:space:]]*\(" $(find "$UK_TOP/lib" "$UK_TOP/cmd" -name "*.[ch]")
'

# make check-valgrind puts wrapper scripts in UK_BIN: nothing to link there.
if [ "$(head -c2 "$UK_BIN/member-add")" != "#!" ]; then
	test_set_prereq BINARIES
fi
if command -v nm >/dev/null 2>&1; then
	test_set_prereq NM
fi

test_expect_success BINARIES,NM 'no tool links any of them either' '
	for b in "$UK_BIN"/*; do
		nm -D --undefined-only "$b" >syms || exit 1
		test -s syms || exit 1
		if sed "s/.* //; s/@.*//" syms | grep -xE "$RUNNERS"; then
			echo "$b runs programs" >&2
			exit 1
		fi
	done
'

# --- --excel -----------------------------------------------------------------

# excel_safe FILE GUARDED...: FILE is CSV for Excel: a BOM first, CRLF line
# ends, and no cell that Excel would run: none starts with = + - @, a tab
# or a carriage return, unless it is a number (a negative amount is still
# a number) or the text of digits ="000001"; each GUARDED value is there,
# as a cell that starts with an apostrophe.
excel_safe() {
	python3 - "$@" <<-\EOF
	import csv, io, re, sys
	raw = open(sys.argv[1], "rb").read()
	assert raw.startswith(b"\xef\xbb\xbf"), "no byte-order mark"
	body = raw[3:]
	assert b"\xef\xbb\xbf" not in body, "a second byte-order mark"
	assert body.endswith(b"\r\n"), "the last line does not end in CRLF"
	rows = list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))
	assert len(rows) >= 2, rows
	assert not re.search(rb"(?<!\r)\n", re.sub(rb'"(?:[^"]|"")*"', b"", body)), "a line ends in LF alone"
	cells = [c for r in rows for c in r]
	for c in cells:
	    if c and c[0] in "=+-@\t\r":
	        assert re.fullmatch(r'-[0-9]+(\.[0-9]+)?|="[0-9]+"', c), "unguarded cell %r" % c
	for want in sys.argv[2:]:
	    assert "'" + want in cells, "no guarded %r in %r" % (want, cells)
	EOF
}

test_expect_success 'setup: a union whose text starts like formulas' '
	export UNIONKIT_DB="$TRASH/excel.db" &&
	union-config -q init &&
	union-config union.name "=HYPERLINK(\"http://evil.example/\",\"点击\")" &&
	union-config union.parent "+1+1" &&
	member-add -q --name "=1+2" --id-card $ID1 --unit "@SUM(A1)" --wage-base 5000 &&
	member-add -q --name "-2+3" --id-card $ID2 &&
	# Notes that start with a tab and a carriage return, put in behind the
	# tools'"'"' back (older data): whatever the input checks, the output guard
	# must hold.
	db_query "UPDATE members SET note = char(9) || ${SQ}=cmd${SQ} WHERE member_no = ${SQ}000001${SQ};
		UPDATE members SET note = char(13) || ${SQ}=cr${SQ} WHERE member_no = ${SQ}000002${SQ}" "$UNIONKIT_DB" &&
	member-set -q 000001 --group "+grp" &&
	fund-ledger -q opening 2024-01-01 100 --fund general --account bank >/dev/null &&
	fund-ledger -q add 2024-01-07 500 50102 --allow-overdraft --memo "-overdraft" --voucher "@V1" >/dev/null &&
	fund-ledger -q fund add welfare --title "=福利" &&
	dispute-log open --received 2024-01-02 --category wages --employer "=某公司" --workers 1 \
		--summary "+摘要" --member 000001 >/dev/null &&
	activity-log add 2024-01-03 meeting "@会议" --participants 3 >/dev/null &&
	printf "# 2024年工会工作计划\n\n## 指导思想\n\n段落。\n\n## 一、组织建设\n\n1、=HYPERLINK(\"x\") 开会〔目标: meeting >= 1〕\n" >xplan.md &&
	plan-new -q --year 2024 xplan.md >/dev/null &&
	test "$(db_query "SELECT hex(note) FROM members WHERE member_no = ${SQ}000001${SQ}" "$UNIONKIT_DB")" = 093D636D64
'

test_expect_success '--excel: member-ls, member-add and member-set guard names, units, groups, notes (tab and CR too)' '
	export UNIONKIT_DB="$TRASH/excel.db" &&
	member-ls -f csv --excel >x1.csv &&
	excel_safe x1.csv "=1+2" "-2+3" "@SUM(A1)" "+grp" "${TAB}=cmd" "${CR}=cr" &&
	member-ls --mask -f csv --excel >x2.csv &&
	excel_safe x2.csv "@SUM(A1)" "+grp" &&
	member-add -d "$TRASH/excel.db" --name "@x" --id-card 34052419800101001X -f csv --excel >x3.csv 2>/dev/null &&
	excel_safe x3.csv "@x" &&
	member-set 000002 --unit "=u2" -f csv --excel >x4.csv 2>/dev/null &&
	excel_safe x4.csv "=u2" "-2+3" "${CR}=cr"
'

test_expect_success '--excel: fund-ledger ls, export, dues, fund ls, balance, categories' '
	export UNIONKIT_DB="$TRASH/excel.db" &&
	fund-ledger ls -f csv --excel >x5.csv &&
	excel_safe x5.csv "-overdraft" "@V1" &&
	fund-ledger export -f csv --excel >x6.csv &&
	excel_safe x6.csv "-overdraft" "@V1" &&
	fund-ledger dues --month 2024-02 --dry-run -f csv --excel >x7.csv 2>/dev/null &&
	excel_safe x7.csv "=1+2" "@SUM(A1)" &&
	fund-ledger fund ls -f csv --excel >x8.csv &&
	excel_safe x8.csv "=福利" &&
	fund-ledger balance -f csv --excel >x9.csv &&
	excel_safe x9.csv &&
	fund-ledger categories -f csv --excel >x10.csv &&
	excel_safe x10.csv
'

test_expect_success '--excel: a negative amount stays a number (the money columns are not guarded)' '
	export UNIONKIT_DB="$TRASH/excel.db" &&
	test_grep "^general,工会经费,100.00,500.00,-400.00.$" x9.csv &&
	test_grep "^welfare,.=福利,0.00.$" x8.csv &&
	test_grep "^general,工会经费,-400.00.$" x8.csv &&
	fund-ledger balance --by month -f csv --excel >x11.csv &&
	excel_safe x11.csv &&
	test_grep "^2024-01,100.00,500.00,-400.00.$" x11.csv
'

test_expect_success '--excel: dispute-log ls, stats; activity-log ls; plan-new --progress; union-config --list' '
	export UNIONKIT_DB="$TRASH/excel.db" &&
	dispute-log ls -f csv --excel >x12.csv &&
	excel_safe x12.csv "=某公司" "+摘要" &&
	dispute-log ls --mask -f csv --excel >x13.csv &&
	excel_safe x13.csv "=某公司" &&
	dispute-log stats --year 2024 -f csv --excel >x14.csv &&
	excel_safe x14.csv &&
	activity-log ls -f csv --excel >x15.csv &&
	excel_safe x15.csv "@会议" &&
	plan-new --year 2024 --progress -f csv --excel >x16.csv &&
	excel_safe x16.csv "=HYPERLINK(\"x\") 开会" &&
	union-config --list -f csv --excel >x17.csv &&
	excel_safe x17.csv "=HYPERLINK(\"http://evil.example/\",\"点击\")" "+1+1"
'

test_expect_success '--excel: dispute-log show guards the case and its timeline, one BOM, CRLF throughout' '
	export UNIONKIT_DB="$TRASH/excel.db" &&
	dispute-log show 2024-0001 -f csv --excel >x18.csv &&
	python3 - x18.csv <<-\EOF
	import csv, io, re, sys
	raw = open(sys.argv[1], "rb").read()
	assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\xef\xbb\xbf") == 1, raw
	assert not re.search(rb"(?<!\r)\n", raw), raw
	assert b"\r\n\r\ncase_no,date," in raw, raw
	cells = [c for r in csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")) for c in r]
	bad = [c for c in cells if c and c[0] in "=+-@\t\r"]
	assert not bad, bad
	assert "'"'"'=某公司" in cells and cells.count("'"'"'+摘要") == 2, cells
	EOF
'

test_expect_success 'without --excel the same values come out as they are (the guard is for Excel only)' '
	export UNIONKIT_DB="$TRASH/excel.db" &&
	member-ls -f json >x.json &&
	python3 - x.json <<-\EOF &&
	import json, sys
	rows = json.load(open(sys.argv[1], encoding="utf-8"))
	assert [r["name"] for r in rows] == ["=1+2", "-2+3", "@x"], rows
	assert rows[0]["note"] == "\t=cmd" and rows[1]["note"] == "\r=cr", rows
	EOF
	member-ls -f csv >plain.csv &&
	test_grep "^000001,,=1+2," plain.csv &&
	fund-ledger balance -f csv >plain2.csv &&
	test_grep "^general,工会经费,100.00,500.00,-400.00$" plain2.csv
'

test_expect_success 'the reports: --excel CSV is one Excel file (one BOM), guarded; --excel with another format is 64' '
	export UNIONKIT_DB="$TRASH/excel.db" &&
	report-year --year 2024 -f csv --excel >ry.csv &&
	excel_safe ry.csv "@SUM(A1)" &&
	report-year --year 2024 -f csv --table units --excel >ry-units.csv &&
	excel_safe ry-units.csv "@SUM(A1)" &&
	report-month --month 2024-01 --dry-run -f csv --excel >rm.csv &&
	excel_safe rm.csv &&
	report-year --year 2024 -f csv >ry-plain.csv &&
	test_grep "^@SUM(A1)," ry-plain.csv &&
	test_refused 64 "excel" report-year --year 2024 -f md --excel &&
	test_refused 64 "excel" report-month --month 2024-01 --dry-run -f html --excel
'

# --- Public documents ----------------------------------------------------------

# Members with full ID numbers and phones (one a one-character name, one of
# four), aid from the hardship fund to four of them, disputes and
# activities naming them; ID numbers and phones also typed into free text
# (memos, summaries, notes), which no public document may print either.
test_expect_success 'setup: a union with personal data in every corner' '
	export UNIONKIT_DB="$TRASH/pub.db" &&
	union-config -q init --name 安全测试中学工会 &&
	cat >pub.csv <<-EOF &&
	name,id_card,gender,phone,unit,join_date,wage_base,note
	张伟明,110105197803120116,男,13800138001,教务处,2010-09-01,6234.50,家属电话13900139002
	王丽,310104198506200123,女,13900139002,教务处,2012-03-01,5000.00,
	欧阳小明,310104199306110291,男,18800188011,高中部,2020-01-01,4600.00,
	李秀英,440305199001050140,女,13700137003,后勤处,2015-06-01,4500.00,
	丁,350203197204150257,男,18600186009,高中部,2005-01-01,5500.00,
	EOF
	member-add -q pub.csv &&
	for m in 000001 000002 000003 000005; do
		member-set -q $m --hardship deep --date 2024-01-01 || exit 1
	done &&
	fund-ledger -q opening 2024-01-01 10000 --fund hardship --account bank >/dev/null &&
	fund-ledger -q opening 2024-01-01 50000 --fund general --account bank >/dev/null &&
	fund-ledger -q add 2024-03-05 500 50204 --fund hardship --member 000001 \
		--memo "慰问张伟明 身份证110105197803120116 电话13800138001" >/dev/null &&
	fund-ledger -q add 2024-03-06 600 50204 --fund hardship --member 000002 >/dev/null &&
	fund-ledger -q add 2024-03-07 700 50204 --fund hardship --by id_card --member 310104199306110291 >/dev/null &&
	fund-ledger -q add 2024-03-08 800 50204 --fund hardship --member 000005 >/dev/null &&
	fund-ledger -q add 2024-03-09 300 50204 --fund hardship --member 000004 --force --reason "临时困难 13700137003" >/dev/null &&
	fund-ledger -q dues --month 2024-03 >/dev/null &&
	dispute-log open --received 2024-03-01 --category wages --employer 某公司 --workers 2 --member 000001 \
		--member 000004 --claimed 3000 --summary "张伟明 13800138001 反映欠薪" >/dev/null &&
	dispute-log close 2024-0001 --outcome resolved --recovered 3000 --date 2024-03-10 \
		--note "王丽 310104198506200123 签收" &&
	dispute-log open --received 2024-03-15 --category injury --workers 1 --member 000003 \
		--employer 某工厂 --summary "电话18800188011" >/dev/null &&
	activity-log add 2024-03-12 visit 走访困难职工 --member 000001 --member 000002 --participants 3 >/dev/null &&
	cp "$DATA/report-plan-2024.md" . &&
	plan-new -q --year 2024 report-plan-2024.md >/dev/null &&
	sed 1d pub.csv | cut -d, -f1,2,4 | tr , "\n" >secrets &&
	test "$(wc -l <secrets)" = 15 &&
	member-ls --mask -f csv | cut -d, -f1,3 >masked-names &&
	test_grep "^000001,张\*明$" masked-names &&
	test_grep "^000002,王\*$" masked-names
'

# public FILE...: no full ID number, phone or member name in FILE..., and
# nothing shaped like an ID number or a mobile number.
public() {
	if grep -F -f secrets "$@"; then
		echo "personal data unmasked in the lines above" >&2
		return 1
	fi
	if grep -E "(^|[^0-9])[1-9][0-9]{5}(19|20)[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx]([^0-9Xx]|$)" "$@"; then
		echo "an ID number in the lines above" >&2
		return 1
	fi
	if grep -E "(^|[^0-9])1[3-9][0-9]{9}([^0-9]|$)" "$@"; then
		echo "a mobile number in the lines above" >&2
		return 1
	fi
	return 0
}

test_expect_success 'the check bites: the committee listing holds every secret' '
	export UNIONKIT_DB="$TRASH/pub.db" &&
	member-ls -f csv >committee.csv &&
	test_must_fail public committee.csv 2>/dev/null &&
	test "$(grep -c -F -f secrets committee.csv)" = 5
'

test_expect_success 'the monthly disclosure, every format and language, dry run and the real one: masked' '
	export UNIONKIT_DB="$TRASH/pub.db" &&
	mkdir -p pubout &&
	for lang in zh en; do
		for f in md table csv json html; do
			report-month --month 2024-03 --dry-run --lang $lang -f $f >pubout/m.$lang.$f || exit 1
			test -s pubout/m.$lang.$f || exit 1
		done
		report-month --month 2024-03 --dry-run --lang $lang -f csv --table aid >pubout/m.$lang.aid.csv || exit 1
	done &&
	report-month --month 2024-03 >pubout/m.real.md &&
	test "$(db_query "SELECT count(*) FROM disclosures")" -ge 1 &&
	public pubout/m.*
'

test_expect_success 'the disclosure names each aid recipient as member-ls --mask does' '
	export UNIONKIT_DB="$TRASH/pub.db" &&
	python3 - pubout/m.zh.aid.csv pubout/m.en.aid.csv masked-names <<-\EOF &&
	import csv, sys
	# --lang zh: the Chinese header (受助会员); en: the key (member)
	zh = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
	en = list(csv.DictReader(open(sys.argv[2], encoding="utf-8", newline="")))
	masked = dict(l.strip().split(",", 1) for l in open(sys.argv[3], encoding="utf-8") if not l.startswith("member_no"))
	want = [masked[m] for m in ("000001", "000002", "000003", "000005", "000004")]
	assert zh[-1]["日期"] == "合计" and zh[-1]["受助会员"] == "", zh[-1]
	assert [r["受助会员"] for r in zh[:-1]] == want, ([r["受助会员"] for r in zh], want)
	assert [r["member"] for r in en] == want, ([r["member"] for r in en], want)
	assert want[:2] == ["张*明", "王*"] and want[3] == "*", want
	EOF
	for f in md table html; do
		for n in "张\*明" "王\*" "李\*英"; do
			test_grep "$n" pubout/m.zh.$f || exit 1
		done
	done
'

test_expect_success 'the year report, every format and language: masked' '
	export UNIONKIT_DB="$TRASH/pub.db" &&
	for lang in zh en; do
		for f in json md table csv html; do
			report-year --year 2024 --lang $lang -f $f >pubout/y.$lang.$f || exit 1
			test -s pubout/y.$lang.$f || exit 1
		done
	done &&
	public pubout/y.*
'

test_expect_success 'the federation merge of two unions, every format and language: masked' '
	export UNIONKIT_DB="$TRASH/pub.db" &&
	cp pub.db pub2.db &&
	union-config -d pub2.db union.name 另一个工会 &&
	report-year -d pub2.db --year 2024 -f json >pubout/y2.json &&
	for lang in zh en; do
		for f in json md table csv html; do
			report-year --merge pubout/y.zh.json pubout/y2.json --lang $lang -f $f >pubout/g.$lang.$f || exit 1
			test -s pubout/g.$lang.$f || exit 1
		done
	done &&
	public pubout/g.* pubout/y2.json
'

test_expect_success 'member-ls --mask masks name, ID and phone in every format, as its man page says' '
	export UNIONKIT_DB="$TRASH/pub.db" &&
	for f in csv json ndjson table; do
		member-ls --status all --mask -f $f >ls.$f || exit 1
	done &&
	member-ls --status all --mask -f csv --excel >ls.excel.csv &&
	python3 - ls.json ls.ndjson secrets <<-\EOF &&
	import json, sys
	rows = json.load(open(sys.argv[1], encoding="utf-8"))
	assert rows == [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
	secrets = {l.strip() for l in open(sys.argv[3], encoding="utf-8")}
	assert len(rows) == 5, rows
	for r in rows:
	    for k in ("name", "id_card", "phone"):
	        assert r[k] not in secrets and "*" in r[k], (k, r)
	EOF
	# The man page promises the name, the ID number and the phone: a note
	# is free text, the committee'"'"'s own, and is printed as it is.
	for f in ls.csv ls.table ls.excel.csv; do
		sed "s/家属电话13900139002//" $f >$f.promised || exit 1
	done &&
	public ls.csv.promised ls.table.promised ls.excel.csv.promised &&
	test_grep "^000001,,张\*明,male,110105\*\*\*\*\*\*\*\*0116,.*,138\*\*\*\*8001," ls.csv &&
	test_grep "^000003,,欧\*\*明," ls.csv &&
	test_grep "^000005,,\*,male,350203\*\*\*\*\*\*\*\*0257,.*,186\*\*\*\*6009," ls.csv &&
	printf "name,id_card,phone\n张伟民,110105197803120116,13800138009\n" | member-add -q - &&
	member-ls --history 000001 --mask -f csv >ls.history.csv &&
	test_grep ",name,张\*明,张\*民," ls.history.csv &&
	test_grep ",phone,138\*\*\*\*8001,138\*\*\*\*8009," ls.history.csv &&
	test_must_fail grep -F -e 13800138009 -e 张伟民 ls.history.csv
'

test_expect_success 'member-ls without --mask is the committee listing: full data, as its man page says' '
	export UNIONKIT_DB="$TRASH/pub.db" &&
	member-ls --status all -f csv >full.csv &&
	test_grep "^000002,,王丽,female,310104198506200123,.*,13900139002," full.csv
'

test_done
