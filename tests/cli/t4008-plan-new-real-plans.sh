#!/bin/sh
# plan-new reads work plans as grassroots unions write them and paste them
# from Word (tests/data/plans-real: a school, a factory, a district office,
# a community's joint union): a title line or none (then made from
# union.name and the year), the 指导思想 text inline or under a heading,
# Markdown marks at random or none, (一) （一） (一)、 sub-sections, items
# that run on or restart, sub-points, prose under headings and between
# items, a sentence broken across two lines, blank lines or none, a BOM and
# CRLF. What each plan must give is in NAME.expect beside it (its format is
# told in school.expect): the counts, headings, references, paragraphs and
# targets stored; the notes on stderr, all of them; the kinds --explain
# shows. Every sentence of the input is in --show, in order, and --show
# read again gives itself back byte for byte.
. "$(dirname "$0")/lib.sh"

REAL=$DATA/plans-real

# check.py MODE EXPECT ARGS...: compares what plan-new gave with the facts
# of EXPECT; says each difference on stderr and exits 1 when there is one.
cat >check.py <<\EOF
import json, re, sqlite3, sys

NUM = "一二三四五六七八九"
SPACES = " \t\r\u3000"
# The end of a sentence, where the input and --show are cut to compare.
STOP = re.compile(r"[。！？；]|(?<=[^\x00-\x7f]) +(?=[^\x00-\x7f])")
MARK = re.compile(r"^#{1,6}\s*")
NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+[、．.]|[(（][一二三四五六七八九十]+[)）]、?"
                       r"|[0-9]+[、．.)）]|[(（][0-9]+[)）])")
bad = []


def cn(s):
    """一 = 1 … 九十九 = 99"""
    if "十" in s:
        a, _, b = s.partition("十")
        return (NUM.index(a) + 1 if a else 1) * 10 + (NUM.index(b) + 1 if b else 0)
    return NUM.index(s) + 1


def key(ref):
    """三/(二)/4 or 2026/三/(二)/4 -> (3, 2, 4); 三 -> (3, 0, None)"""
    parts = ref.split("/")
    if parts[0].isdigit():
        parts = parts[1:]
    sub = 0
    if len(parts) > 1 and parts[1].startswith("("):
        sub = cn(parts.pop(1).strip("()"))
    return (cn(parts[0]), sub, int(parts[1]) if len(parts) > 1 else None)


def facts(path, name):
    out = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith(name + " "):
            out.append(line[len(name) + 1:])
    return out


def fact(path, name):
    v = facts(path, name)
    return v[0] if v else None


def lines_of(path):
    return open(path, "rb").read().decode("utf-8-sig").replace("\r\n", "\n").split("\n")


def notes(expect, fname, err):
    want = []
    for n in facts(expect, "note"):
        line, _, msg = n.partition(" ")
        want.append((int(line), msg))
    got = []
    for l in open(err, encoding="utf-8").read().splitlines():
        m = re.match(r"^plan-new: " + re.escape(fname) + r":([0-9]+): (.*)$", l)
        if not m:
            bad.append("not a note of %s: %s" % (fname, l))
            continue
        got.append((int(m.group(1)), m.group(2)))
    want.sort(key=lambda x: x[0])
    got.sort(key=lambda x: x[0])
    if len(want) != len(got) or any(w[0] != g[0] or not g[1].startswith(w[1]) for w, g in zip(want, got)):
        bad.append("notes: want %s\n      got  %s" % (want, got))


def sentences(expect, text, shown):
    """Each sentence of the input, numbering and marks taken off, is in
    the shown plan, in order; a line the notes say was joined is joined
    to its line first."""
    src = lines_of(text)
    for n in facts(expect, "note"):
        m = re.match(r"^([0-9]+) joined to line ([0-9]+):", n)
        if m:
            a, b = int(m.group(1)) - 1, int(m.group(2)) - 1
            src[b] = src[b].strip(SPACES) + src[a].strip(SPACES)
            src[a] = ""
    out = open(shown, encoding="utf-8").read()
    at = 0
    for no, l in enumerate(src, 1):
        l = MARK.sub("", l.strip(SPACES))
        if l.startswith("**") and l.endswith("**"):
            l = l[2:-2]
        l = NUMBERING.sub("", l)
        for s in STOP.split(l):
            s = s.strip(SPACES)
            if not s:
                continue
            i = out.find(s, at)
            if i < 0:
                bad.append("line %d: %r not in --show after offset %d" % (no, s, at))
            else:
                at = i + len(s)


def refs(expect, js):
    p = json.load(open(js, encoding="utf-8"))
    want = [r.split(" ", 1) for r in facts(expect, "ref")]
    got = [(i["ref"], i["text"]) for i in p["items"]]
    if len(want) != len(got):
        bad.append("%d items in JSON, %d expected" % (len(got), len(want)))
    for w, g in zip(want, got):
        if w[0] != g[0] or not g[1].startswith(w[1]):
            bad.append("item %s %s...: got %s %s" % (w[0], w[1], g[0], g[1]))
    want = {}
    for t in facts(expect, "target"):
        r, m, op, v = t.split(" ")
        want[key(r)] = (m, op, v)
    got = {}
    for i in p["items"]:
        if i.get("target"):
            got[(i["section"], i["sub"], i["number"])] = (i["target"]["metric"], i["target"]["op"],
                                                          i["target"]["value"])
    if want != got:
        bad.append("targets: want %s\n         got  %s" % (sorted(want.items()), sorted(got.items())))


def stored(expect, db, year):
    c = sqlite3.connect(db)
    pid, title, guiding = c.execute("SELECT id, title, guiding FROM plans WHERE year = ? AND current = 1",
                                    (int(year),)).fetchone()
    if title != fact(expect, "title"):
        bad.append("title %r, want %r" % (title, fact(expect, "title")))
    paras = [g for g in guiding.split("\n") if g.strip()]
    if len(paras) != int(fact(expect, "preamble")):
        bad.append("preamble %d paragraphs, want %s: %r" % (len(paras), fact(expect, "preamble"), guiding))
    secs = c.execute("SELECT number, sub, title, paragraphs FROM plan_sections WHERE plan_id = ? ORDER BY id",
                     (pid,)).fetchall()
    want = [h.split(" ", 1) for h in facts(expect, "head")]
    got = [((n, s, None), t) for n, s, t, _ in secs]
    if [(key(r), t) for r, t in want] != got:
        bad.append("headings: want %s\n          got  %s" % (want, got))
    items = c.execute("SELECT i.section, s.sub, i.number, i.text, i.paragraphs FROM plan_items i"
                      " JOIN plan_sections s ON s.id = i.section_id WHERE i.plan_id = ? ORDER BY i.id",
                      (pid,)).fetchall()
    text = {(n, s, None): p for n, s, _, p in secs}
    text.update({(n, s, i): p for n, s, i, _, p in items})
    first = {(n, s, i): t for n, s, i, t, _ in items}
    for e in facts(expect, "exact"):
        r, t = e.split(" ", 1)
        if first.get(key(r)) != t:
            bad.append("item %s: %r, want %r" % (r, first.get(key(r)), t))
    named = set()
    for e in facts(expect, "text"):
        r, start = e.split(" ", 1)
        named.add(key(r))
        if not any(p.startswith(start) for p in (text.get(key(r)) or "").split("\n")):
            bad.append("%s: no paragraph %s... in %r" % (r, start, text.get(key(r))))
    for k, p in text.items():
        if p and k not in named:
            bad.append("%s holds paragraphs it should not: %r" % (k, p))


def explain(expect, text, out):
    got = [l.split("\t") for l in open(out, encoding="utf-8").read().split("\n") if l]
    # One line for each line of the plan, but a heading split from its
    # text, which gives two: the heading and its text, at the same line.
    lines = [g for n, g in enumerate(got) if len(g) == 4 and g[1] != "note"
             and not (g[1] == "text" and n and got[n - 1][0] == g[0]
                      and got[n - 1][1] in ("section", "sub-section"))]
    nonblank = [n for n, l in enumerate(lines_of(text), 1) if l.strip(SPACES)]
    if [int(g[0]) for g in lines] != nonblank:
        bad.append("explained lines %s, want %s" % ([g[0] for g in lines], nonblank))
    for e in facts(expect, "explain"):
        line, kind, where = e.split(" ")
        if not any(g[:3] == [line, kind, where] for g in got):
            bad.append("no line %s %s %s in --explain" % (line, kind, where))
    for n in facts(expect, "note"):
        line, _, msg = n.partition(" ")
        if not any(len(g) == 4 and g[0] == line and g[1] == "note" and g[3].startswith(msg) for g in got):
            bad.append("no note %s %s in --explain" % (line, msg))
    kinds = ("title", "preamble", "section", "sub-section", "item", "text", "joined", "note")
    for n, g in enumerate(got):
        if len(g) != 4:
            bad.append("--explain line %r: not LINE, KIND, WHERE, TEXT" % "\t".join(g))
        elif g[1] not in kinds:
            bad.append("--explain line %r: the kind is one of %s" % ("\t".join(g), ", ".join(kinds)))
        elif g[1] == "note" and (n == 0 or got[n - 1][0] != g[0] or got[n - 1][2:3] != g[2:3]):
            bad.append("--explain: note %r not right after its line" % "\t".join(g))
    if len([g for g in got if len(g) > 1 and g[1] == "note"]) != len(facts(expect, "note")):
        bad.append("notes in --explain: %s" % [g for g in got if len(g) > 1 and g[1] == "note"])


mode = sys.argv[1]
{"notes": notes, "sentences": sentences, "refs": refs, "stored": stored, "explain": explain}[mode](*sys.argv[2:])
for b in bad:
    print(b, file=sys.stderr)
sys.exit(1 if bad else 0)
EOF

# fact NAME PLAN: the value of PLAN's fact NAME.
fact() {
	sed -n "s/^$1 //p" "$REAL/$2.expect"
}

# sections_where SQL-CONDITION: how many (sub-)sections s of the current
# plan of 2026 meet the condition.
sections_where() {
	db_query "SELECT count(*) FROM plan_sections s JOIN plans p ON p.id = s.plan_id
		WHERE p.year = 2026 AND p.current = 1 AND $1"
}

for p in school factory office community
do
	# Each plan in a database of its own, stored for 2026.
	UNIONKIT_DB=$TRASH/$p.db
	export UNIONKIT_DB
	union-config -q init || { echo "Bail out! union-config init failed"; exit 1; }
	name=$(fact union $p)
	if [ -n "$name" ]; then
		union-config union.name "$name" >/dev/null || { echo "Bail out! union-config failed"; exit 1; }
	fi

	test_expect_success "$p: stored for 2026 with the notes the plan calls for, and no other" '
		cp "$REAL/$p.txt" $p.txt &&
		plan-new --year 2026 $p.txt >$p.stored 2>$p.err &&
		python3 check.py notes "$REAL/$p.expect" $p.txt $p.err
	'

	test_expect_success "$p: -q stores it without a word on stderr" '
		plan-new -q --dry-run --year 2026 --replace $p.txt >out 2>err &&
		test_cmp $p.stored out &&
		test_must_fail test -s err
	'

	test_expect_success "$p: its sections, sub-sections and items counted" '
		test "$(db_query "SELECT count(*) FROM plans WHERE year = 2026")" = 1 &&
		test "$(sections_where "s.sub = 0")" = "$(fact sections $p)" &&
		test "$(sections_where "s.sub > 0")" = "$(fact subsections $p)" &&
		test "$(db_query "SELECT count(*) FROM plan_items i JOIN plans p ON p.id = i.plan_id
			WHERE p.year = 2026 AND p.current = 1")" = "$(fact items $p)"
	'

	test_expect_success "$p: title, preamble, headings and paragraphs stored where they belong" '
		python3 check.py stored "$REAL/$p.expect" "$UNIONKIT_DB" 2026
	'

	test_expect_success "$p: --show begins with the title and holds every sentence, in order" '
		plan-new --year 2026 --show >$p.shown &&
		test_cmp $p.stored $p.shown &&
		head -n 1 $p.shown >actual &&
		echo "# $(fact title $p)" >expect &&
		test_cmp expect actual &&
		python3 check.py sentences "$REAL/$p.expect" $p.txt $p.shown
	'

	test_expect_success "$p: each item by its written number and reference (-f json), targets on theirs" '
		plan-new --year 2026 --show -f json >$p.json &&
		python3 check.py refs "$REAL/$p.expect" $p.json
	'

	test_expect_success "$p: --show stored for 2027 shows byte for byte the same" '
		plan-new --year 2027 $p.shown >again 2>err &&
		test_cmp $p.shown again &&
		test_must_fail grep "joined" err &&
		{ grep -v "the title names 2026, the plan is stored for 2027" err >err.other || :; } &&
		test "$(wc -l <err.other)" = "$(grep -c "^note [0-9]* item" "$REAL/$p.expect")" &&
		plan-new --year 2027 --show >again &&
		test_cmp $p.shown again
	'

	test_expect_success "$p: --explain writes nothing and tells each line${SQ}s kind" '
		db_dump >before &&
		plan-new --explain $p.txt >explained 2>err &&
		db_dump >after &&
		test_cmp before after &&
		python3 check.py explain "$REAL/$p.expect" $p.txt explained
	'
done

UNIONKIT_DB=$TRASH/union.db
export UNIONKIT_DB

test_expect_success 'the sub-points keep their (1) (2) as written, under their item' '
	grep -A 3 "^1、按期召开教代会。" school.shown >actual &&
	sed -n "2,4s/^\(....\).*/\1/p" actual >got &&
	printf "（1）3\n（2）提\n2、落实\n" >expect &&
	test_cmp expect got
'

test_expect_success 'a plan of no preamble is stored with a note' '
	sed 1,2d "$REAL/community.txt" >bare.txt &&
	plan-new --year 2030 bare.txt >out 2>err &&
	test_grep "^plan-new: bare.txt:[0-9]*: no preamble (指导思想) before the first section$" err &&
	test "$(db_query "SELECT count(*) FROM plans WHERE year = 2030")" = 1
'

test_expect_success 'an item before the first section is refused at its line; nothing stored' '
	awk "NR == 4 { print \"1、组织开展政治理论学习。\" } 1" "$REAL/school.txt" >bad.txt &&
	test_refused 65 "bad.txt:4: " plan-new --year 2031 bad.txt &&
	awk "NR == 3 { print \"（一）规范召开教职工代表大会\" } 1" "$REAL/factory.txt" >bad.txt &&
	test_refused 65 "bad.txt:3: " plan-new --year 2031 bad.txt &&
	test "$(db_query "SELECT count(*) FROM plans WHERE year = 2031")" = 0
'

# long TEXT: TEXT forty times over.
long() {
	awk -v t="$1" "BEGIN { for (i = 0; i < 40; i++) printf \"%s\", t }"
}

test_expect_success 'a message quoting a long Chinese line cuts it on a character, with …' '
	awk -v t="$(long 组织教职工参加业务培训)" "NR == 12 { print \"6、开展培训。〔目标: \" t \"〕\"; next } 1" \
		"$REAL/factory.txt" >bad.txt &&
	test_refused 65 "bad.txt:12: " plan-new --year 2031 bad.txt &&
	iconv -f UTF-8 -t UTF-8 err >/dev/null &&
	test_grep "…" err &&
	test "$(wc -c <err)" -lt 1000 &&
	awk -v t="$(long 组织教职工参加业务培训)" "NR == 4 { print \"1、\" t \"。\" } 1" "$REAL/school.txt" >bad.txt &&
	test_refused 65 "bad.txt:4: " plan-new --year 2031 bad.txt &&
	iconv -f UTF-8 -t UTF-8 err >/dev/null &&
	test "$(wc -c <err)" -lt 1000
'

test_done
