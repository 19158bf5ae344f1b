#!/bin/sh
# Benchmark: report-year on a large union (100k members, about 1M ledger
# entries, 10k disputes, 5k activities; goal < 1 s) and report-month against
# the raw SQL it needs run through sqlite3 on the same file (goal <= 1.5x).
# Not a test: prints figures.   sh tests/bench/reports.sh [BINDIR]  (RUNS=3)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$top/build/bin}
case $bin in /*) ;; *) bin=$top/$bin ;; esac
RUNS=${RUNS:-3}
# The data generators (gen_hr.py, gen_ledger.py) are not part of unionkit:
# UK_BENCH_GEN names the directory that holds them.
gendir=${UK_BENCH_GEN:?"set UK_BENCH_GEN to the directory of gen_hr.py and gen_ledger.py (README, Benchmarks)"}
work=$(mktemp -d "${TMPDIR:-/tmp}/uk-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
. "$top/tests/bench/lib.sh"
db=$work/big.db

echo "building the union (members, books, disputes, activities)..." >&2
python3 "$gendir/gen_hr.py" --rows 100000 >"$work/hr.csv"
python3 "$gendir/gen_ledger.py" --rows 1000000 | python3 "$top/tests/bench/journal2csv.py" >"$work/e.csv"
python3 - "$work" <<'PY'
import csv, random, sys
random.seed(5)
w = sys.argv[1]
cats = ['relationship', 'contract', 'termination', 'hours-leave', 'social-insurance', 'wages', 'injury', 'other']
with open(w + '/d.csv', 'w', newline='') as f:
    o = csv.writer(f)
    o.writerow(['kind', 'received', 'category', 'employer', 'workers', 'claimed', 'summary', 'outcome', 'recovered', 'closed'])
    for i in range(10000):
        m, d = random.randint(1, 12), random.randint(1, 20)
        out = random.choice(['resolved', 'resolved', 'failed', 'referred', 'withdrawn', ''])
        o.writerow(['petition' if i % 10 == 0 else 'dispute', '2024-%02d-%02d' % (m, d), random.choice(cats),
                    'E%d' % i, random.randint(1, 30), random.randint(100, 100000), 'x', out,
                    random.randint(0, 5000) if out in ('resolved', 'referred') else '',
                    '2024-%02d-%02d' % (m, d + 5) if out else ''])
kinds = ['congress', 'meeting', 'study', 'training', 'competition', 'culture-sports', 'visit',
         'health-check', 'rest', 'aid', 'legal', 'other']
with open(w + '/a.csv', 'w', newline='') as f:
    o = csv.writer(f)
    o.writerow(['date', 'kind', 'title', 'participants'])
    for i in range(5000):
        o.writerow(['2024-%02d-%02d' % (random.randint(1, 12), random.randint(1, 28)), random.choice(kinds), 'a%d' % i, random.randint(1, 200)])
PY
"$bin/union-config" -q init -d "$db"
"$bin/member-add" -q -d "$db" "$work/hr.csv"
"$bin/fund-ledger" -q -d "$db" import "$work/e.csv"
"$bin/dispute-log" -q -d "$db" import "$work/d.csv"
"$bin/activity-log" -q -d "$db" import "$work/a.csv"

# The raw SQL report-month runs for 2024-06: the statement (year to date,
# month), balances at both ends, aid paid, disputes received.
cat >"$work/month.sql" <<'SQL'
SELECT top.code, sum(CASE WHEN (top.kind = 'income') = (e.direction = 'in') THEN e.amount ELSE -e.amount END) FROM ledger_entries e JOIN ledger_categories c ON c.code = e.category JOIN ledger_categories top ON top.code = coalesce(c.parent, c.code) WHERE e.date BETWEEN '2024-01-01' AND '2024-06-30' AND top.kind <> 'system' GROUP BY top.code;
SELECT top.code, sum(CASE WHEN (top.kind = 'income') = (e.direction = 'in') THEN e.amount ELSE -e.amount END) FROM ledger_entries e JOIN ledger_categories c ON c.code = e.category JOIN ledger_categories top ON top.code = coalesce(c.parent, c.code) WHERE e.date BETWEEN '2024-06-01' AND '2024-06-30' AND top.kind <> 'system' GROUP BY top.code;
WITH t AS (SELECT fund, account, sum(amount_in - amount_out) AS b FROM ledger_totals WHERE month < '2024-05' GROUP BY fund, account UNION ALL SELECT fund, account, sum(CASE direction WHEN 'in' THEN amount ELSE -amount END) FROM ledger_entries WHERE date BETWEEN '2024-05-01' AND '2024-05-31' GROUP BY fund, account) SELECT f.name, t.account, sum(t.b) FROM ledger_funds f LEFT JOIN t ON t.fund = f.name GROUP BY f.name, t.account;
WITH t AS (SELECT fund, account, sum(amount_in - amount_out) AS b FROM ledger_totals WHERE month < '2024-06' GROUP BY fund, account UNION ALL SELECT fund, account, sum(CASE direction WHEN 'in' THEN amount ELSE -amount END) FROM ledger_entries WHERE date BETWEEN '2024-06-01' AND '2024-06-30' GROUP BY fund, account) SELECT f.name, t.account, sum(t.b) FROM ledger_funds f LEFT JOIN t ON t.fund = f.name GROUP BY f.name, t.account;
SELECT x.date, x.amount FROM ledger_entries x JOIN ledger_categories y ON y.code = x.category WHERE x.fund = 'hardship' AND (y.code = '502' OR y.parent = '502') AND x.direction = 'out' AND x.date BETWEEN '2024-06-01' AND '2024-06-30';
SELECT kind, count(*) FROM disputes WHERE received BETWEEN '2024-06-01' AND '2024-06-30' GROUP BY kind;
SQL

printf '%-46s %9s %9s %7s\n' work median_s peak_MiB ratio
set -- $(measure true "$bin/report-year" -d "$db" --year 2024 -f json)
printf '%-46s %9s %9s %7s\n' "report-year --year 2024 (goal < 1 s)" "$1" "$2" -
peer=$(calls sqlite3 "$db" ".read $work/month.sql")
printf '%-46s %9s %9s %7s\n' "sqlite3 .read month.sql (raw SQL, per call)" "$peer" - 1.00
t=$(calls "$bin/report-month" -d "$db" --month 2024-06 --dry-run -f json)
printf '%-46s %9s %9s %7s\n' "report-month --month 2024-06 (per call)" "$t" - "$(ratio "$t" "$peer")"
