#!/bin/sh
# Benchmark: dispute-log stats over a year of generated cases, against the
# raw SQL aggregate it needs (one GROUP BY kind, category and outcome by the
# period's end, with the sums: the query of uk_disputes_stats) run through
# sqlite3 on the same file. Prints per-call medians of RUNS rounds of 100
# calls, the ratio, and checks that both give the same figures. Not a test.
# Goal: dispute-log stats --year <= 1.5 x the raw SQL.
#   sh tests/bench/disputes.sh [BINDIR]   (CASES=100000 RUNS=3)
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$top/build/bin}
case $bin in /*) ;; *) bin=$top/$bin ;; esac
CASES=${CASES:-100000}
RUNS=${RUNS:-3}
work=$(mktemp -d "${TMPDIR:-/tmp}/uk-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
. "$top/tests/bench/lib.sh"
command -v sqlite3 >/dev/null || { echo "disputes.sh: needs sqlite3" >&2; exit 1; }

row() { printf '%-8s %-52s %9s %9s %9s\n' "$@"; }

# CASES cases received over 2025 (a fixed seed): every category, 3% petitions,
# workers mostly 1-5 with some collective ones, amounts in fen, outcomes with
# dates on or after receipt (some in 2026, after the period's end), the last
# weeks' cases still open or mediating.
python3 - "$CASES" >"$work/cases.csv" <<'EOF'
import csv, datetime, random, sys
n = int(sys.argv[1])
rng = random.Random(2025)
cats = ["relationship", "contract", "termination", "hours-leave",
        "social-insurance", "wages", "injury", "other"]
cw = [4, 12, 18, 6, 10, 32, 12, 6]
sources = ["visit", "phone", "letter", "referral", ""]
outcomes = ["resolved", "failed", "referred", "withdrawn"]
ow = [70, 10, 12, 8]
start = datetime.date(2025, 1, 1)
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["kind", "received", "source", "category", "employer", "workers",
              "claimed", "summary", "status", "outcome", "recovered", "closed"])
for i in range(n):
    rec = start + datetime.timedelta(days=(i * 365) // n)
    kind = "petition" if rng.random() < 0.03 else "dispute"
    workers = rng.choice([1] * 12 + [2, 3, 4, 5, 6, 8]) if rng.random() > 0.04 \
        else rng.randint(10, 120)
    claimed = "" if rng.random() < 0.1 else "%d.%02d" % (rng.randint(500, 200000), rng.randint(0, 99))
    age = (datetime.date(2025, 12, 31) - rec).days
    r = rng.random()
    status, outcome, recovered, closed = "", "", "", ""
    if age < 40 and r < 0.5:
        status = "mediating" if r < 0.25 else "open"
    else:
        outcome = rng.choices(outcomes, ow)[0]
        status = "closed"
        closed = rec + datetime.timedelta(days=rng.randint(0, 45))
        if outcome in ("resolved", "referred") and claimed and rng.random() < 0.8:
            recovered = "%.2f" % (float(claimed) * rng.choice([1, 1, 0.8, 0.5]))
        closed = closed.isoformat()
    out.writerow([kind, rec.isoformat(), rng.choice(sources), rng.choices(cats, cw)[0],
                  "某某用人单位%04d有限公司" % rng.randint(1, 3000), workers, claimed,
                  "案情摘要%d" % i, status, outcome, recovered, closed])
EOF
cases=$(($(wc -l <"$work/cases.csv") - 1))

row cases work median_s peak_MiB ratio
set -- $(measure "rm -f $work/d.db* && $bin/union-config -q init -d $work/d.db" "$bin/dispute-log" -q -d "$work/d.db" import "$work/cases.csv")
rate=$(awk -v n="$cases" -v t="$1" 'BEGIN {printf "%.0f", n / t}')
row "$cases" "dispute-log import ($rate cases/s)" "$1" "$2" -

# The raw aggregate, bound values written in: period 2025, collective from
# 10 workers, 15 days of mediation, counted at the period's end. A case's
# state on a date is its last timeline event on or before it (so a case
# reopened later stays concluded in its period): the query of
# uk_disputes_stats in lib/dispute_query.c.
sql="SELECT d.kind, d.category, CASE WHEN e.status = 'closed' THEN e.outcome END, count(*),
 sum(d.workers), sum(d.workers >= 10), sum(coalesce(d.claimed, 0)),
 sum(CASE WHEN e.status = 'closed' THEN coalesce(e.recovered, 0) ELSE 0 END),
 sum(a.status IS NOT NULL AND a.status <> 'closed'),
 sum(a.status IS NOT NULL AND a.status <> 'closed'
     AND julianday('2025-12-31') - julianday(d.received) > 15)
 FROM disputes d
 JOIN dispute_events e ON e.id = (SELECT x.id FROM dispute_events x
   WHERE x.dispute_id = d.id AND x.date <= '2025-12-31' ORDER BY x.id DESC LIMIT 1)
 LEFT JOIN dispute_events a ON a.id = (SELECT x.id FROM dispute_events x
   WHERE x.dispute_id = d.id AND x.date <= '2025-12-31' ORDER BY x.id DESC LIMIT 1)
 WHERE d.received BETWEEN '2025-01-01' AND '2025-12-31' GROUP BY 1, 2, 3;"
sq() { sqlite3 -init /dev/null -batch -csv "$work/d.db" "$sql"; }
dl() { "$bin/dispute-log" -d "$work/d.db" stats --year 2025 -f csv; }

peer=$(calls sq)
row "$cases" "sqlite3 GROUP BY kind, category, outcome (peer)" "$peer" - 1.00
t=$(calls dl)
row "$cases" "dispute-log stats --year 2025 -f csv (per call)" "$t" - "$(ratio "$t" "$peer")"
echo "ratio: dispute-log / sqlite3 = $(ratio "$t" "$peer") (goal <= 1.5)"

# The same figures both ways: the SQL rows summed here, the tool's rows.
sq 2>/dev/null | awk -F, '
	function yuan(f) { f = sprintf("%.0f", f); while (length(f) < 3) f = "0" f
		return substr(f, 1, length(f) - 2) "." substr(f, length(f) - 1) }
	$1 == "petition" { pet += $4; next }
	{ rec += $4; wk += $5; col += $6; cl += $7; rv += $8; op += $9; ov += $10 }
	$3 == "resolved" { res += $4 } $3 == "failed" { fa += $4 } $3 == "referred" { re += $4 }
	END {
		printf "cases,received,%d\ncases,concluded,%d\ncases,open,%d\ncases,overdue,%d\n", rec, res + fa + re, op, ov
		printf "cases,petitions,%d\noutcome,resolved,%d\nworkers,involved,%d\n", pet, res, wk
		printf "workers,collective_cases,%d\nmoney,claimed,%s\nmoney,recovered,%s\n", col, yuan(cl), yuan(rv)
	}' | sort >"$work/sql.txt"
dl | grep -E '^(cases|workers|money),|^outcome,resolved,' | sort >"$work/tool.txt"
if cmp -s "$work/sql.txt" "$work/tool.txt"; then
	echo "figures: the same both ways ($(grep received "$work/tool.txt" | cut -d, -f3) disputes," \
		"$(grep petitions "$work/tool.txt" | cut -d, -f3) petitions)"
else
	echo "figures differ (sqlite3 < > dispute-log):"
	diff "$work/sql.txt" "$work/tool.txt" || true
fi
