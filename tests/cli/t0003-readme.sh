#!/bin/sh
# README.md's example sessions, so that the README cannot drift from the
# tools: every line of a code block that begins with "$ " is a command (with
# the lines that continue it: after a trailing \ or |, or inside an open
# single quote), and the lines after it, up to the next "$ " or the block's
# end, are what it shows. The commands run in order, in one shell (their
# exports hold for the next ones), in a fresh directory that holds only
# examples/ and demo/ (the books examples/demo.sh makes, as `make demo`
# does, which the README's reports read), with no database until the
# README's own union-config init.
#
# stdout and stderr: the README shows both as a terminal does, the tools'
# messages first. A shown line that begins with a tool's name and a colon
# is taken as stderr, every other one as stdout, and each stream is
# compared line for line, in order, on its own; the order between the two
# is the terminal's, not the tools'. The README shows no exit statuses:
# a status is not compared, but a death by a signal fails.
#
# No line the README shows varies from run to run (the commands name their
# dates: --at, --month, --year), so nothing is normalised; a line that
# would vary (today's date, a hash) must be normalised here, by its number,
# not by a pattern over every line.
UK_NO_INIT=1
. "$(dirname "$0")/lib.sh"
# The README's sessions set LANG as a secretary does (export LANG=zh_CN.UTF-8):
# the locale comes from LANG here, not from the suite's LC_ALL.
unset LC_ALL
export LANG=C.UTF-8

for p in jq ledger column; do
	if command -v $p >/dev/null 2>&1; then
		test_set_prereq "$(echo $p | tr a-z A-Z)"
	fi
done

R=$TRASH/readme
TOOLS='^(union-config|member-add|member-ls|member-set|fund-ledger|dispute-log|plan-new|activity-log|care-log|mutual-aid|report-year|report-month): '

# readme_split README: into $R, for each command N: cmd.N (the command),
# out.expect.N and err.expect.N (what it shows); run.sh, which runs them in
# order into out.N, err.N and rc.N; list, a line "N PREREQS FIRST-LINE"
# per command, PREREQS the programs it pipes into that a system may lack
# (- for none).
readme_split() {
	awk -v tools="$TOOLS" -v R="$R" '
	/^```/ { inblock = !inblock; cont = 0; shown = 0; next }
	!inblock { next }
	cont {
		cmd[n] = cmd[n] "\n" $0
		cont = more($0, cmd[n])
		next
	}
	/^\$ / {
		n++
		cmd[n] = substr($0, 3)
		printf "" >(R "/out.expect." n)
		printf "" >(R "/err.expect." n)
		cont = more(cmd[n], cmd[n])
		shown = 1
		next
	}
	shown && $0 ~ tools { print >(R "/err.expect." n); next }
	shown { print >(R "/out.expect." n) }
	function more(l, t) {
		if (l ~ /[\\|][ \t]*$/)
			return 1
		return gsub(/\047/, "", t) % 2
	}
	function prereqs(c,   k, parts, prog, p) {
		p = ""
		k = split(c, parts, "|")
		while (k > 1) {
			prog = parts[k--]
			sub(/^[ \t\n]+/, "", prog)
			sub(/[ \t\n].*/, "", prog)
			if (prog == "jq" || prog == "ledger" || prog == "column")
				p = p (p == "" ? "" : ",") toupper(prog)
		}
		return p == "" ? "-" : p
	}
	END {
		print "unset UNIONKIT_DB" >(R "/run.sh")
		for (i = 1; i <= n; i++) {
			print cmd[i] >(R "/cmd." i)
			printf "{ %s\n} >\"%s/out.%d\" 2>\"%s/err.%d\" </dev/null\necho $? >\"%s/rc.%d\"\n",
				cmd[i], R, i, R, i, R, i >(R "/run.sh")
			first = cmd[i]
			sub(/\n.*/, "", first)
			print i, prereqs(cmd[i]), first >(R "/list")
		}
	}' "$1"
}

test_expect_success 'setup: the sessions of README.md, each command and what it shows' '
	mkdir "$R" &&
	readme_split "$UK_TOP/README.md" &&
	test "$(wc -l <"$R/list")" -ge 40
'

test_expect_success 'setup: make demo'"'"'s books, then the commands in order, in a directory of their own' '
	mkdir work &&
	ln -s "$UK_TOP/examples" work/examples &&
	{ UK_DEMO_PDF=no sh "$UK_TOP/examples/demo.sh" "$UK_BIN" "$TRASH/work/demo" >demo.out 2>demo.err ||
		{ cat demo.err >&2; exit 1; }; } &&
	(cd work && sh "$R/run.sh")
'

while read -r n prereq first; do
	[ "$prereq" != - ] || prereq=
	test_expect_success $prereq "README: \$ $first" "
		read -r rc <\"\$R/rc.$n\" &&
		{ test \$rc -lt 128 || { echo \"killed by a signal: \$rc\" >&2; exit 1; }; } &&
		test_cmp \"\$R/out.expect.$n\" \"\$R/out.$n\" &&
		test_cmp \"\$R/err.expect.$n\" \"\$R/err.$n\"
	" </dev/null
done <"$R/list"

test_done
