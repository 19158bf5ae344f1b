#!/bin/sh
# tests/valgrind/run.sh BINDIR - the CLI tests (tests/cli/t[0-9]*.sh) with
# every tool of BINDIR run under valgrind's memcheck. `make check-valgrind`.
#
# A directory of wrappers, one per tool, stands in for BINDIR as UK_BIN: the
# harness puts it first on PATH and the tests that name "$UK_BIN/tool" get
# it too. Each wrapper execs valgrind on a copy of the tool (taken before
# the tests start, so a rebuild meanwhile changes nothing) with one log per
# process, named after the test script that ran it. After prove, the logs
# are the authority; a log fails the run when it shows
#  - a memory error (ERROR SUMMARY not 0: invalid reads and writes,
#    uninitialised values, bad frees, overlapping copies, fd misuse), or
#  - a leak of any kind: definitely, indirectly or possibly lost, and still
#    reachable too, so that "clean" means every block was freed, or
#  - no summary at all (the process died under valgrind).
# Exempt from the leak part (never from the memory-error part) are runs that
# a signal ended: the tools' SIGPIPE handler (lib/core/cli.c) leaves with _exit
# the moment the reader of stdout has gone (member-ls | head), by design, and
# everything then still allocated is abandoned, not leaked. Valgrind's
# --trace-signals lines in the log show the signal. Each failing log is
# printed with the command that wrote it. A test that fails under valgrind
# fails the run too, but for the few NOVERDICT names below.
#
# Environment:
#   UK_VALGRIND_TESTS  test names or patterns to run instead of all, e.g.
#                      "t1001 t20*" (for chasing one finding)
#   UK_VALGRIND_OPTS   more valgrind options, e.g. --track-origins=yes
#   UK_VALGRIND_JOBS   prove's -j (2)
#   UK_VALGRIND_KEEP   keep the wrappers and logs even when all is clean
set -u

BIN=${1:?usage: run.sh BINDIR}
UK_TOP=${UK_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BIN=$(cd "$BIN" && pwd) || exit 1
VALGRIND=$(command -v valgrind) || { echo "run.sh: valgrind not found" >&2; exit 1; }
JOBS=${UK_VALGRIND_JOBS:-2}
VGCODE=97

# Left out, each for a reason:
#  t9001-crash-consistency: it kills member-add and fund-ledger import with
#    SIGKILL at random moments below 0.3 s; under valgrind every kill lands
#    in valgrind's own start-up, before the tool has run a line, so the test
#    checks nothing there, and each killed process leaves a log without a
#    summary. What it runs to completion (imports of 20000 records) takes
#    many minutes under memcheck and is the same code the import tests
#    (t1002, t2005) run on smaller files.
EXCLUDE="t9001-crash-consistency"
# Run, and their logs judged, but not the test's own verdict:
#  t9002-concurrency: no process may see "busy" under the tools' 10 s busy
#    timeout; under memcheck an import of 2500 entries holds the write lock
#    longer than that, so some writers give up with 75 as designed. Its
#    busy and retry paths are exactly what memcheck should see.
NOVERDICT="t9002-concurrency"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/uk-valgrind.XXXXXX") || exit 1
WRAP=$WORK/bin
REAL=$WORK/real
LOGS=$WORK/logs
mkdir "$WRAP" "$REAL" "$LOGS" || exit 1
# t9003 runs tools as nobody (runuser): they must reach the wrappers and
# the tools, and write their logs.
chmod 755 "$WORK" "$WRAP" "$REAL" && chmod 1777 "$LOGS" || exit 1

n=0
for bin in "$BIN"/*; do
	[ -f "$bin" ] && [ -x "$bin" ] || continue
	tool=${bin##*/}
	cp "$bin" "$REAL/$tool" || exit 1
	# Absolute paths throughout: runuser and su may reset PATH. The log
	# name carries the test (UKVG_TEST, set by runtest below) and the pid;
	# valgrind's header in it has the command line. Leaks are not counted
	# as errors (the log scan judges them), so the exit code is the tool's
	# own unless memcheck saw a memory error. Valgrind fills a closed fd
	# 0, 1 or 2 (stdout closed: the output went to stderr), so the wrapper
	# opens /dev/null there the wrong way round: reads or writes fail with
	# EBADF, as they would on the closed descriptor (t9003).
	cat >"$WRAP/$tool" <<EOF
#!/bin/sh
[ -e /proc/\$\$/fd/0 ] || exec 0>/dev/null
[ -e /proc/\$\$/fd/1 ] || exec 1</dev/null
[ -e /proc/\$\$/fd/2 ] || exec 2</dev/null
exec "$VALGRIND" --tool=memcheck --error-exitcode=$VGCODE \\
	--leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=none \\
	--trace-signals=yes --num-callers=30 --child-silent-after-fork=yes --vgdb=no \\
	--log-file="$LOGS/\${UKVG_TEST:-unknown}.%p.log" ${UK_VALGRIND_OPTS:-} \\
	"$REAL/$tool" "\$@"
EOF
	chmod 755 "$WRAP/$tool"
	n=$((n + 1))
done
[ "$n" -gt 0 ] || { echo "run.sh: no tools in $BIN" >&2; exit 1; }

# prove runs each test through this, so the wrappers know its name.
cat >"$WORK/runtest" <<'EOF'
#!/bin/sh
UKVG_TEST=$(basename "$1" .sh)
export UKVG_TEST
exec sh "$1"
EOF
chmod 755 "$WORK/runtest"

# The tests: all, or those UK_VALGRIND_TESTS names; minus EXCLUDE.
tests= noverdict=
for t in "$UK_TOP"/tests/cli/t[0-9]*.sh; do
	name=$(basename "$t" .sh)
	want=
	if [ -n "${UK_VALGRIND_TESTS:-}" ]; then
		for p in $UK_VALGRIND_TESTS; do
			# shellcheck disable=SC2254
			case $name in $p | $p-*) want=yes ;; esac
		done
	else
		want=yes
	fi
	for x in $EXCLUDE; do
		[ "$name" = "$x" ] && { [ -n "$want" ] && echo "# excluded: $name"; want=; }
	done
	[ -z "$want" ] && continue
	case " $NOVERDICT " in
	*" $name "*) noverdict="$noverdict $t" ;;
	*) tests="$tests $t" ;;
	esac
done
[ -n "$tests$noverdict" ] || { echo "run.sh: no tests selected" >&2; exit 1; }

start=$(date +%s)
prove_rc=0
if [ -n "$tests" ]; then
	# shellcheck disable=SC2086
	UK_BIN=$WRAP UK_TOP=$UK_TOP prove -j"$JOBS" --exec "$WORK/runtest" $tests
	prove_rc=$?
fi
if [ -n "$noverdict" ]; then
	echo "# their logs count, their verdict does not:$noverdict"
	# shellcheck disable=SC2086
	UK_BIN=$WRAP UK_TOP=$UK_TOP prove -j"$JOBS" --exec "$WORK/runtest" $noverdict
fi
end=$(date +%s)

# The logs: a memory error in any; a block not freed in any but those a
# signal ended (see the top).
bad=0 total=0 signalled=0
for log in "$LOGS"/*.log; do
	[ -e "$log" ] || continue
	total=$((total + 1))
	errs=$(sed -n 's/^==[0-9]*== ERROR SUMMARY: \([0-9,]*\) error.*/\1/p' "$log" | tr -d ,)
	inuse=$(sed -n 's/^==[0-9]*==     in use at exit: \([0-9,]*\) bytes in \([0-9,]*\) blocks.*/\1 bytes in \2 blocks/p' "$log" | tr -d ,)
	sig=
	if grep -q -e '^--[0-9]*-- async signal handler: signal=13,' \
		-e '^==[0-9]*== Process terminating with default action of signal' "$log"; then
		sig=yes
		signalled=$((signalled + 1))
	fi
	why=
	if [ -z "$errs" ]; then
		why="no ERROR SUMMARY (the process died under valgrind)"
	elif [ "$errs" -ne 0 ]; then
		why="$errs memory errors"
	elif [ -z "$sig" ] && [ "${inuse%% *}" != 0 ]; then
		why="not freed at exit: $inuse"
	fi
	[ -z "$why" ] && continue
	bad=$((bad + 1))
	name=${log##*/}
	echo "==== ${name%.*.log}: $why: $(sed -n 's/^==[0-9]*== Command: //p' "$log")"
	grep -v '^--[0-9]*--' "$log"
done

echo "check-valgrind: $total tool runs checked in $((end - start))s ($signalled ended by a signal:" \
	"memory errors only), $bad with findings${EXCLUDE:+; excluded: $EXCLUDE}"
if [ "$bad" -ne 0 ] || [ "$prove_rc" -ne 0 ]; then
	[ "$prove_rc" -ne 0 ] && echo "check-valgrind: tests failed under valgrind (prove exit $prove_rc)"
	echo "check-valgrind: FAILED; wrappers and logs kept in $WORK"
	exit 1
fi
if [ -n "${UK_VALGRIND_KEEP:-}" ]; then
	echo "check-valgrind: logs in $LOGS"
else
	rm -rf "$WORK"
fi
echo "check-valgrind: clean"
