#!/bin/sh
# The layers of the code: cmd -> lib/report -> lib (the domain modules) ->
# lib/core, and no arrow back. tests/tools/layering.py reads the sources
# (includes, SQL in tools) and the library's objects (calls, with nm); this
# script runs it on the tree as built, then on a copy with one fault of
# each kind planted in it, to show that every kind is caught.
UK_NO_INIT=1
. "$(dirname "$0")/lib.sh"

LAYERING=$UK_TOP/tests/tools/layering.py
OBJ=$UK_BIN/../lib

test_expect_success 'the tree as built keeps its layers: no include, SQL or call out of place' '
	test -d "$OBJ" &&
	python3 "$LAYERING" "$UK_TOP" "$OBJ" >faults &&
	test ! -s faults
'

# plant FILE TEXT: TEXT added at the end of FILE in the copy.
plant() {
	printf "%s\n" "$2" >>"planted/$1"
}

# planted_line FILE PATTERN: the line of the copy's FILE that holds PATTERN.
planted_line() {
	grep -n -- "$2" "planted/$1" | tail -1 | cut -d: -f1
}

# a_symbol OBJECT: one function the object defines for others to call.
a_symbol() {
	nm -P -g --defined-only "$OBJ/$1" | awk '$2 == "T" { print $1; exit }'
}

# compile FILE: the copy's lib/FILE.c built into the copy's objects.
compile() {
	cc -c "planted/lib/$1.c" -o "planted-obj/$1.o"
}

test_expect_success 'setup: a copy of the sources and objects, one fault of each kind planted' '
	mkdir planted &&
	cp -R "$UK_TOP/lib" "$UK_TOP/cmd" planted/ &&
	cp -R "$OBJ" planted-obj &&
	domain=$(a_symbol plans.o) && test -n "$domain" &&
	report=$(a_symbol report/report.o) && test -n "$report" &&
	plant lib/core/text.c "#include \"uk_members.h\"" &&
	plant cmd/member-ls.c "#include <sqlite3.h>" &&
	plant cmd/member-ls.c "static const char planted_sql[] = \"SELECT id FROM members\";" &&
	plant lib/ledger.c "#include \"uk_report.h\"" &&
	plant cmd/report-year.c "#include \"uk_report.h\"" &&
	plant lib/core/planted_up.c "void $domain(void); void planted_up(void) { $domain(); }" &&
	plant lib/planted_report.c "void $report(void); void planted_report(void) { $report(); }" &&
	plant lib/planted_a.c "void planted_b(void); void planted_a(void) { planted_b(); }" &&
	plant lib/planted_b.c "void planted_a(void); void planted_b(void) { planted_a(); }" &&
	compile core/planted_up && compile planted_report && compile planted_a && compile planted_b &&
	test_expect_code 1 python3 "$LAYERING" planted planted-obj >planted.out
'

test_expect_success 'caught: lib/core including a domain header' '
	test_grep "^lib/core/text.c:$(planted_line lib/core/text.c uk_members.h): lib/core includes uk_members.h" planted.out
'

test_expect_success 'caught: a tool including sqlite3.h, and a tool holding SQL' '
	test_grep "^cmd/member-ls.c:$(planted_line cmd/member-ls.c sqlite3.h): a tool includes sqlite3.h" planted.out &&
	test_grep "^cmd/member-ls.c:$(planted_line cmd/member-ls.c planted_sql): SQL in a tool" planted.out
'

test_expect_success 'caught: uk_report.h in a domain module; the report tools may include it' '
	test_grep "^lib/ledger.c:$(planted_line lib/ledger.c uk_report.h): uk_report.h is for lib/report" planted.out &&
	test_must_fail grep "^cmd/report-year.c" planted.out
'

test_expect_success 'caught: core calling a domain module, a domain module calling a report' '
	test_grep "^core/planted_up.o: calls plans.o, a layer above it (core calls domain)" planted.out &&
	test_grep "^planted_report.o: calls report/report.o, a layer above it (domain calls report)" planted.out
'

test_expect_success 'caught: two modules calling each other' '
	test_grep "^planted_a.o <-> planted_b.o: a cycle of calls" planted.out
'

test_expect_success 'nothing else: the copy holds exactly the planted faults' '
	test "$(wc -l <planted.out)" -eq 7
'

test_expect_success 'objects missing or stale are said, not passed' '
	rm planted-obj/planted_a.o &&
	test_expect_code 2 python3 "$LAYERING" planted planted-obj 2>err &&
	test_grep "not all under" err
'

test_done
