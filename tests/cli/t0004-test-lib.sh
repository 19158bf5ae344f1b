#!/bin/sh
# The test library itself: small scripts that use lib.sh, run with sh, and
# the TAP they print. A body whose && chain is broken is not ok (and is not
# run as if it were whole); test_when_finished runs after the body, failing
# or not, and its own failure fails the test; a test whose prerequisite is
# missing is skipped; test_might_fail takes any failure but a signal.
UK_NO_INIT=1
. "$(dirname "$0")/lib.sh"

# The scripts are written here, outside the test bodies, so that their own
# single-quoted bodies need no escaping. They need no database.
cat >chain.sh <<\EOF
UK_NO_INIT=1
. "$UK_TOP/tests/cli/lib.sh"
test_expect_success 'whole chain' '
	true &&
	echo one >one
'
test_expect_success 'a status kept with ;' '
	false
	test $? = 1
'
test_expect_success 'a background job' '
	sleep 0 &
	wait
'
test_expect_success 'an exit after the break' '
	true
	exit 0
'
test_expect_success 'a loop, each step checked' '
	for i in 1 2; do
		test $i -le 2 || return 1
	done
'
test_expect_success 'a loop that ends early with return 1' '
	for i in 1 2; do
		test $i = 1 || return 1
	done &&
	echo never >never
'
test_done
EOF

cat >finished.sh <<\EOF
UK_NO_INIT=1
. "$UK_TOP/tests/cli/lib.sh"
test_expect_success 'failing body' '
	test_when_finished "echo first >>\"$LOG\"" &&
	test_when_finished "echo second >>\"$LOG\"" &&
	false
'
test_expect_success 'passing body, failing cleanup' '
	test_when_finished "echo third >>\"$LOG\" && false" &&
	true
'
test_expect_success 'passing body and cleanup' '
	test_when_finished "echo fourth >>\"$LOG\"" &&
	true
'
test_done
EOF

cat >prereq.sh <<\EOF
UK_NO_INIT=1
. "$UK_TOP/tests/cli/lib.sh"
test_set_prereq HAVE
test_expect_success HAVE 'runs with HAVE' 'true'
test_expect_success MISSING 'skipped' 'false'
test_expect_success HAVE,MISSING 'skipped too' 'false'
test_expect_success !MISSING 'runs without MISSING' 'true'
test_expect_success !HAVE 'skipped as HAVE is set' 'false'
test_have_prereq HAVE && ! test_have_prereq MISSING && echo "# have: ok"
test_done
EOF

cat >might.sh <<\EOF
UK_NO_INIT=1
. "$UK_TOP/tests/cli/lib.sh"
test_expect_success 'success' 'test_might_fail true'
test_expect_success 'a failure' 'test_might_fail false'
test_expect_success 'exit 125' 'test_might_fail sh -c "exit 125"'
test_expect_success 'a signal' 'test_might_fail sh -c "kill -9 \$\$"'
test_expect_success 'no such command' 'test_might_fail no-such-command-here'
test_done
EOF

test_expect_success 'a broken && chain is not ok, and says so; a whole one is ok' '
	test_expect_code 1 sh chain.sh >out 2>err &&
	grep "^ok\|^not ok\|^1\.\." out >tap &&
	cat >expect <<-\EOF &&
	ok 1 - whole chain
	not ok 2 - a status kept with ;
	not ok 3 - a background job
	not ok 4 - an exit after the break
	ok 5 - a loop, each step checked
	not ok 6 - a loop that ends early with return 1
	1..6
	EOF
	test_cmp expect tap &&
	test "$(grep -c "^#   broken && chain:" out)" = 3
'

test_expect_success 'test_when_finished runs after the body, failing or not, the last queued first' '
	LOG=$TRASH/log &&
	export LOG &&
	test_expect_code 1 sh finished.sh >out 2>err &&
	grep "^ok\|^not ok\|^1\.\." out >tap &&
	cat >expect <<-\EOF &&
	not ok 1 - failing body
	not ok 2 - passing body, failing cleanup
	ok 3 - passing body and cleanup
	1..3
	EOF
	test_cmp expect tap &&
	printf "%s\n" second first third fourth >expect &&
	test_cmp expect log &&
	test_grep "^#   test_when_finished: a cleanup command failed" out
'

test_expect_success 'test_when_finished outside a test body is refused' '
	cat >outside.sh <<-\EOF &&
	UK_NO_INIT=1
	. "$UK_TOP/tests/cli/lib.sh"
	test_when_finished "echo never" || echo "# refused"
	test_done
	EOF
	sh outside.sh >out 2>err &&
	test_grep "^# refused" out &&
	test_grep "outside a test body" err
'

test_expect_success 'a missing prerequisite skips the test, like git: ok N # skip TITLE (missing NAME)' '
	sh prereq.sh >out 2>err &&
	cat >expect <<-\EOF &&
	ok 1 - runs with HAVE
	ok 2 # skip skipped (missing MISSING)
	ok 3 # skip skipped too (missing MISSING)
	ok 4 - runs without MISSING
	ok 5 # skip skipped as HAVE is set (missing !HAVE)
	# have: ok
	1..5
	EOF
	test_cmp expect out
'

test_expect_success 'test_might_fail passes a failure, not a signal nor a command that cannot run' '
	test_expect_code 1 sh might.sh >out 2>err &&
	cat >expect <<-\EOF &&
	ok 1 - success
	ok 2 - a failure
	ok 3 - exit 125
	not ok 4 - a signal
	not ok 5 - no such command
	1..5
	EOF
	grep "^ok\|^not ok\|^1\.\." out >tap &&
	test_cmp expect tap &&
	test_grep "^#   test_might_fail: died or could not run (137): sh -c kill -9" out
'

test_done
