#!/bin/sh
# report-year --merge composes: the reports of 100 made-up unions (random
# figures, seed printed) merged at once, and merged in streets of 10 whose
# reports are merged again, give the same report byte for byte: figures,
# rates (recomputed from the summed counts at every level, never averaged),
# the row of every union and every unit. So do uneven trees of three
# levels, a union reporting straight to the city beside its streets, and
# the streets' reports sent down one pipe. A union counted twice at any
# level is refused.
. "$(dirname "$0")/lib.sh"

SEED=${UK_SEED:-$(date +%s)}
echo "# seed $SEED (UK_SEED=$SEED to repeat)"

# files FIRST LAST: the reports of unions FIRST..LAST.
files() {
	seq -f "u/u%05g.json" "$1" "$2"
}

test_expect_success 'setup: the year reports of 100 unions, with random figures' '
	python3 "$DATA/gen-year-reports.py" u 100 "$SEED" &&
	test "$(ls u | wc -l)" = 100
'

test_expect_success 'the made-up reports have the shape report-year writes' '
	union-config union.name 某某中学工会 &&
	report-year --year 2025 -f json >real.json &&
	python3 - real.json u/u00001.json u/u00100.json <<-\EOF
	import json, sys
	real, *made = [json.load(open(f, encoding="utf-8")) for f in sys.argv[1:]]
	def same(a, b, path):
	    if isinstance(a, dict):
	        assert isinstance(b, dict) and list(a) == list(b), (path, a, b)
	        for k in a:
	            same(a[k], b[k], path + "." + k)
	    elif isinstance(a, list):
	        assert isinstance(b, list), path
	        if a and b:
	            same(a[0], b[0], path + ".0")
	    elif a is None:
	        assert not isinstance(b, (dict, list)), (path, b)
	    elif isinstance(a, (bool, str)):
	        assert type(a) is type(b), (path, a, b)
	    else:
	        assert b is None or isinstance(b, (int, float)), (path, a, b)
	for m in made:
	    same(real, m, "")
	EOF
'

test_expect_success 'one flat merge of the 100, and ten streets of 10 merged again' '
	report-year --merge $(files 1 100) -f json >flat.json &&
	for s in 0 1 2 3 4 5 6 7 8 9; do
		report-year --merge $(files $((s * 10 + 1)) $((s * 10 + 10))) --name 第${s}街道总工会 \
			-f json >street$s.json || return 1
	done &&
	report-year --merge street0.json street1.json street2.json street3.json street4.json \
		street5.json street6.json street7.json street8.json street9.json -f json >tree.json &&
	test_cmp flat.json tree.json
'

test_expect_success 'the flat merge: every count and amount the sum of the unions'"'"', rates from the sums' '
	python3 - flat.json $(files 1 100) <<-\EOF
	import json, sys
	from decimal import Decimal as D
	m, *us = [json.load(open(f, encoding="utf-8")) for f in sys.argv[1:]]
	def rate(n, d):
	    return None if d == 0 else ((n * 1000 + d // 2) // d) / 10
	def leaves(o, p):
	    for k, v in o.items():
	        if isinstance(v, dict):
	            yield from leaves(v, p + (k,))
	        elif not isinstance(v, list):
	            yield p + (k,), v
	def get(o, path):
	    for k in path:
	        o = o[k]
	    return o
	for sec in ("members", "funds", "disputes", "care", "mutual_aid"):
	    for path, v in leaves(m[sec], (sec,)):
	        if path[-1].endswith(("_rate", "_share", "_threshold")):
	            continue
	        vals = [get(u, path) for u in us]
	        want = sum(vals) if isinstance(v, int) else str(sum(D(x) for x in vals))
	        assert v == want, (path, v, want)
	for key, rows in ((("funds", "by_class"), "code"), (("funds", "by_month"), "month"),
	                  (("activities",), "kind")):
	    for name in ("amount", "income", "expense", "count", "participants"):
	        got = {r[rows]: r[name] for r in get(m, key) if name in r}
	        want = {}
	        for u in us:
	            for r in get(u, key):
	                if name in r:
	                    x = r[name]
	                    want[r[rows]] = want.get(r[rows], 0 if isinstance(x, int) else D(0)) + (x if isinstance(x, int) else D(x))
	        assert got == {k: (v if isinstance(v, int) else str(v)) for k, v in want.items()}, (key, name)
	mem, d = m["members"], m["disputes"]
	assert mem["female_share"] == rate(mem["female"], mem["total"])
	assert d["handled_rate"] == rate(d["concluded"], d["received"])
	assert d["success_rate"] == rate(d["resolved"], d["concluded"])
	assert d["collective_threshold"] == 10
	assert [r["union"] for r in m["unions"]] == [u["union"]["name"] for u in us]
	assert [r.get("code") for r in m["unions"]] == [u["union"]["code"] for u in us]
	units = [u["union"]["name"] + "·" + r["unit"] for u in us for r in u["members"]["by_unit"]]
	assert [r["unit"] for r in mem["by_unit"]] == units
	assert m["plan"] == [] and m["union"] == {}
	EOF
'

test_expect_success 'a street'"'"'s report: its own rates from its own sums, its unions'"'"' rows' '
	python3 - street3.json $(files 31 40) <<-\EOF
	import json, sys
	s, *us = [json.load(open(f, encoding="utf-8")) for f in sys.argv[1:]]
	def rate(n, d):
	    return None if d == 0 else ((n * 1000 + d // 2) // d) / 10
	d = s["disputes"]
	con = sum(u["disputes"]["concluded"] for u in us)
	assert d["concluded"] == con and d["handled_rate"] == rate(con, sum(u["disputes"]["received"] for u in us))
	assert s["union"] == {"name": "第3街道总工会"}
	assert [r["union"] for r in s["unions"]] == [u["union"]["name"] for u in us]
	EOF
'

test_expect_success 'uneven trees of three levels, a union beside the streets, a pipe: the same report' '
	report-year --merge $(files 2 38) -f json >s1.json &&
	report-year --merge $(files 39 40) -f json >s2.json &&
	report-year --merge $(files 41 100) -f json >s3.json &&
	report-year --merge u/u00001.json s1.json s2.json --name 第一区总工会 -f json >d1.json &&
	report-year --merge d1.json s3.json -f json >city.json &&
	test_cmp flat.json city.json &&
	report-year --merge d1.json $(files 41 70) -f json >d2.json &&
	report-year --merge d2.json $(files 71 100) -f json >city2.json &&
	test_cmp flat.json city2.json &&
	cat street0.json street1.json street2.json street3.json street4.json street5.json \
		street6.json street7.json street8.json street9.json | report-year --merge - -f json >piped.json &&
	test_cmp flat.json piped.json &&
	cat street1.json street2.json street3.json street4.json street5.json street6.json \
		street7.json street8.json >middle.json &&
	report-year --merge street0.json - street9.json -f json <middle.json >mixed.json &&
	test_cmp flat.json mixed.json
'

test_expect_success 'the streets in another order: the same figures, the rows in that order' '
	report-year --merge street9.json street8.json street7.json street6.json street5.json \
		street4.json street3.json street2.json street1.json street0.json -f json >reversed.json &&
	python3 - flat.json reversed.json <<-\EOF
	import json, sys
	a, b = [json.load(open(f, encoding="utf-8")) for f in sys.argv[1:]]
	def norm(o):
	    if isinstance(o, dict):
	        return {k: norm(v) for k, v in o.items()}
	    if isinstance(o, list):
	        return sorted((norm(v) for v in o), key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
	    return o
	assert norm(a) == norm(b)
	assert a["unions"] != b["unions"] and a["unions"][:10] == b["unions"][-10:]
	EOF
'

test_expect_success 'the city'"'"'s other forms count and list every union, not its streets' '
	report-year --merge street0.json street1.json street2.json street3.json street4.json \
		street5.json street6.json street7.json street8.json street9.json -f csv --table unions >tree.csv &&
	report-year --merge $(files 1 100) -f csv --table unions >flat.csv &&
	test_cmp flat.csv tree.csv &&
	test "$(wc -l <tree.csv)" = 101 &&
	report-year --merge d1.json s3.json -f md >city.md &&
	test_grep "全年共有100家基层工会报送年度报告" city.md
'

test_expect_success 'a union counted twice at any level: 65, naming the report that has it already' '
	test_expect_code 65 report-year --merge tree.json u/u00050.json >out 2>err &&
	test_grep "^report-year: u/u00050.json: a second report of 第00050号基层工会 (the first is tree.json)" err &&
	test_must_be_empty out &&
	test_expect_code 65 report-year --merge d1.json s2.json >out 2>err &&
	test_grep "^report-year: s2.json: a second report of 第00039号基层工会 (the first is d1.json)" err &&
	test_must_be_empty out &&
	test_expect_code 65 report-year --merge street1.json city.json >out 2>err &&
	test_grep "^report-year: city.json: a second report of 第00011号基层工会 (the first is street1.json)" err &&
	test_must_be_empty out
'

test_done
