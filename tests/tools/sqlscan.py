#!/usr/bin/python3
# sqlscan.py DIR...: every SQL text handed to SQLite in the C sources of
# DIR... (sqlite3_exec, sqlite3_prepare*, uk_db_prepare, uk_db_exec, and
# the functions found to pass their parameter on to one) must be a string
# literal, a macro of literals, a static const, a const pointer to those,
# or a char array filled only by a printf with integer conversions (the
# PRAGMAs of db.c); no printf format with SQL in it has a %s (or %q, %c,
# ...); no SQL literal is copied into a buffer (strcat, strcpy, ...). A
# function that runs its caller's SQL must have callers, checked in turn.
# The *.c and *.h of each DIR are read in sub-folders too (lib/core,
# lib/report). Prints FILE:LINE: why, one a finding; exits 1 on any.
#
# Run by tests/cli/t9005-security.sh as: python3 sqlscan.py lib cmd
import glob, os, re, sys

TOK = re.compile(r'''
 (?P<ws>\s+)
|(?P<comment>//[^\n]*|/\*.*?\*/)
|(?P<pp>(?<![^\n])[ \t]*\#(?:\\\n|[^\n])*)
|(?P<str>(?:u8|u|U|L)?"(?:\\.|[^"\\\n])*")
|(?P<chr>(?:u8|u|U|L)?'(?:\\.|[^'\\\n])*')
|(?P<id>[A-Za-z_]\w*)
|(?P<num>\.?\d(?:[eEpP][+-]|[\w.])*)
|(?P<op>->|\+\+|--|<<=|>>=|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%&|^]=|\.\.\.|[][(){};,.?:~!<>=+\-*/%&|^\#])
''', re.S | re.X)

SQL_WORD = re.compile(r'\b(SELECT|INSERT|UPDATE|DELETE|REPLACE|WHERE|PRAGMA|CREATE|DROP|ALTER|ATTACH|VALUES|FROM|JOIN|ORDER BY|GROUP BY|LIMIT)\b')
SQL_SHAPE = re.compile(r'\bselect\b.*\bfrom\b|\binsert\s+(or\s+\w+\s+)?into\b|\bupdate\s+\w+\s+set\b|\bdelete\s+from\b|\bpragma\s+\w+|\bwhere\s+\w+(\.\w+)?\s*(=|<|>|like\b|in\b|is\b)', re.I | re.S)
CONV = re.compile(r"%%|%[-+ #0']*(\d+|\*)?(\.(\d+|\*)?)?(hh|h|ll|l|j|z|t|L|q)?([a-zA-Z])")
INT_CONV = set('diuxXo')
# printf-like: name -> index of the format argument
PRINTF = {'printf': 0, 'fprintf': 1, 'dprintf': 1, 'sprintf': 1, 'snprintf': 2, 'vsprintf': 1,
          'vsnprintf': 2, 'asprintf': 1, 'vasprintf': 1, 'vfprintf': 1, 'vprintf': 0,
          'sqlite3_mprintf': 0, 'sqlite3_vmprintf': 0, 'sqlite3_snprintf': 2,
          'sqlite3_vsnprintf': 2, 'sqlite3_str_appendf': 1, 'sqlite3_str_vappendf': 1,
          'uk_err': 0, 'uk_errf': 2, 'uk_err_at': 2}
# functions that put text into a buffer: a SQL literal handed to one is SQL being assembled
COPY = {'strcat', 'strncat', 'strcpy', 'strncpy', 'stpcpy', 'stpncpy', 'memcpy', 'memmove',
        'strdup', 'strndup', 'fputs', 'fwrite', 'sqlite3_str_append', 'sqlite3_str_appendall',
        'open_memstream'}
# name -> index of the SQL argument; grows with wrappers that pass a parameter on
SINKS = {'sqlite3_exec': 1, 'sqlite3_prepare': 1, 'sqlite3_prepare_v2': 1, 'sqlite3_prepare_v3': 1,
         'sqlite3_prepare16': 1, 'sqlite3_prepare16_v2': 1, 'sqlite3_prepare16_v3': 1,
         'uk_db_prepare': 1, 'uk_db_exec': 1}
KEYWORDS = {'if', 'while', 'for', 'switch', 'return', 'sizeof', 'do', 'else', 'case', 'goto',
            '_Alignof', '_Static_assert', 'defined'}


def lex(text):
    toks, macros, pos, line = [], {}, 0, 1
    while pos < len(text):
        m = TOK.match(text, pos)
        if not m:
            toks.append(('op', text[pos], line))
            line += text[pos] == '\n'
            pos += 1
            continue
        kind = m.lastgroup
        if kind == 'pp':
            d = re.match(r'\s*#\s*define\s+(\w+)(\([^)]*\))?(.*)', m.group().replace('\\\n', ' '), re.S)
            if d:
                body = re.sub(r'/\*.*?\*/|//[^\n]*', ' ', d.group(3), flags=re.S)
                params = re.findall(r'\w+', d.group(2)) if d.group(2) else None
                macros[d.group(1)] = (params, lex(body)[0], line)
        elif kind not in ('ws', 'comment'):
            toks.append((kind, m.group(), line))
        line += m.group().count('\n')
        pos = m.end()
    return toks, macros


def literal(s):
    s = re.sub(r'^(u8|u|U|L)', '', s)[1:-1]
    return re.sub(r'\\(.)', lambda m: {'n': '\n', 't': '\t', 'r': '\r'}.get(m.group(1), m.group(1)), s)


def split_args(toks, i):
    """toks[i] is '(': the arguments (lists of tokens) and the index after ')'."""
    depth, args, cur = 0, [], []
    j = i
    while j < len(toks):
        t = toks[j][1]
        if t in '([{':
            depth += 1
            if depth > 1:
                cur.append(toks[j])
        elif t in ')]}':
            depth -= 1
            if depth == 0:
                if cur or args:
                    args.append(cur)
                return args, j + 1
            cur.append(toks[j])
        elif t == ',' and depth == 1:
            args.append(cur)
            cur = []
        else:
            cur.append(toks[j])
        j += 1
    return args, j


class Scanner:
    def __init__(self, files):
        self.findings = []
        self.checked = 0
        self.derived = {}   # function -> (file, line, parameter): takes its SQL from a parameter
        self.macros = {}
        self.units = []
        for f in files:
            toks, macros = lex(open(f, encoding='utf-8', errors='replace').read())
            for k, v in macros.items():
                self.macros.setdefault(k, v + (f,))
            self.units.append((f, toks, macros))
        self.funcs = []   # (file, name, params, body_start, body_end)
        for f, toks, _ in self.units:
            depth = 0
            for i, t in enumerate(toks):
                if t[1] == '{':
                    if depth == 0 and i > 0 and toks[i - 1][1] == ')':
                        j, d = i - 1, 0
                        while j >= 0:
                            d += toks[j][1] == ')'
                            d -= toks[j][1] == '('
                            if d == 0:
                                break
                            j -= 1
                        if j > 0 and toks[j - 1][0] == 'id':
                            args, _ = split_args(toks, j)
                            params = []
                            for a in args:
                                ids = [x[1] for x in a if x[0] == 'id']
                                names = [x for k, x in enumerate(ids)]
                                # the declarator: the last identifier not followed by '['
                                name = None
                                for k, x in enumerate(a):
                                    if x[0] == 'id' and (k + 1 == len(a) or a[k + 1][1] in ',[)'):
                                        name = x[1]
                                params.append(name)
                            end = self.match(toks, i)
                            self.funcs.append((f, toks[j - 1][1], params, i, end, toks))
                    depth += 1
                elif t[1] == '}':
                    depth -= 1

    @staticmethod
    def match(toks, i):
        d = 0
        for j in range(i, len(toks)):
            d += toks[j][1] in '({['
            d -= toks[j][1] in ')}]'
            if d == 0:
                return j
        return len(toks) - 1

    def report(self, f, line, why):
        self.findings.append('%s:%d: %s' % (f, line, why))

    # -- what a SQL argument may be -----------------------------------------
    def macro_text_safe(self, name, seen=()):
        m = self.macros.get(name)
        if not m or name in seen:
            return False
        params = m[0] or []
        return bool(m[1]) and all(
            t[0] in ('str', 'num') or t[1] in '(),' or
            (t[0] == 'id' and (t[1] in params or
                               (t[1] in self.macros and self.macro_text_safe(t[1], seen + (name,)))))
            for t in m[1])

    def operands(self, expr):
        """The values a (possibly ?: nested) expression may take."""
        segs, cur, depth, seps = [], [], 0, []
        for t in expr:
            if t[1] in '([{':
                depth += 1
            elif t[1] in ')]}':
                depth -= 1
            if depth == 0 and t[1] in ('?', ':'):
                segs.append(cur)
                seps.append(t[1])
                cur = []
            else:
                cur.append(t)
        segs.append(cur)
        return [s for k, s in enumerate(segs) if k >= len(seps) or seps[k] != '?']

    TYPEISH = ('static', 'const', 'char', 'struct', 'unsigned', 'signed', 'volatile', 'extern', 'union')

    def stmt_start(self, toks, lo, j):
        """Where the statement holding toks[j] starts (a struct body is skipped)."""
        k = j - 1
        while k >= lo:
            t = toks[k][1]
            if t == ';' or t == '{':
                return k + 1
            if t == '}':
                d, m = 0, k
                while m >= lo:
                    d += toks[m][1] == '}'
                    d -= toks[m][1] == '{'
                    if d == 0:
                        break
                    m -= 1
                before = [toks[x][1] for x in range(max(lo, m - 2), m)]
                if not any(w in ('struct', 'union', 'enum') for w in before):
                    return k + 1
                k = m - 1
                continue
            k -= 1
        return lo

    def decls(self, toks, lo, hi, name):
        """Declarations of name in toks[lo:hi]: (statement tokens, index of name)."""
        out = []
        for j in range(lo, hi):
            if toks[j][0] != 'id' or toks[j][1] != name or j + 1 >= hi or \
                    toks[j + 1][1] not in ('=', '[', ';', ','):
                continue
            if toks[j - 1][1] not in ('*', ',') and toks[j - 1][0] != 'id' and toks[j - 1][1] != '}':
                continue
            start = self.stmt_start(toks, lo, j)
            if toks[start][1] not in self.TYPEISH:
                continue
            if start > 0 and toks[start - 1][1] == '{' and \
                    any(toks[x][1] in ('struct', 'union') for x in range(max(0, start - 3), start - 1)):
                continue   # a member of a struct, not a variable
            end, d = j, 0
            while end < hi:
                d += toks[end][1] in '({['
                d -= toks[end][1] in ')}]'
                if d == 0 and toks[end][1] == ';':
                    break
                end += 1
            out.append((toks[start:end + 1], j - start))
        return out

    def assigned(self, toks, lo, hi, name):
        """Token indexes in toks[lo:hi] where name (or name[..], name.x) is assigned."""
        hits = []
        for j in range(lo, hi):
            if toks[j][0] == 'id' and toks[j][1] == name and (j == 0 or toks[j - 1][1] not in ('.', '->')):
                k = j + 1
                while k < hi and toks[k][1] in ('[', '.', '->'):
                    if toks[k][1] == '[':
                        k = self.match(toks, k) + 1
                    else:
                        k += 2
                if k < hi and toks[k][1] in ('=', '+=', '|=') and toks[j - 1][1] not in ('*',) and \
                        not self.in_decl(toks, j):
                    hits.append(j)
                if toks[j - 1][1] in ('++', '--') or (k < hi and toks[k][1] in ('++', '--')):
                    hits.append(j)
        return hits

    def in_decl(self, toks, j):
        """Whether toks[j] is the declarator of a declaration."""
        if j + 1 >= len(toks) or toks[j + 1][1] not in ('=', '[', ';', ','):
            return False
        if toks[j - 1][1] not in ('*', ',') and toks[j - 1][0] != 'id' and toks[j - 1][1] != '}':
            return False
        return toks[self.stmt_start(toks, 0, j)][1] in self.TYPEISH

    def buffer_safe(self, fn, name):
        """A char array written only by printf-like calls with integer conversions."""
        f, fname, params, lo, hi, toks = fn
        for j in range(lo, hi):
            if toks[j][0] != 'id' or toks[j][1] != name or toks[j - 1][1] in ('.', '->'):
                continue
            if toks[j - 1][1] == 'sizeof' or (toks[j - 1][1] == '(' and toks[j - 2][1] == 'sizeof'):
                continue
            if self.in_decl(toks, j):
                continue
            # which call is it an argument of, and which argument?
            k, depth = j - 1, 0
            while k > lo:
                if toks[k][1] in ')]':
                    depth += 1
                elif toks[k][1] in '([':
                    if depth == 0:
                        break
                    depth -= 1
                k -= 1
            callee = toks[k - 1][1] if toks[k][1] == '(' else None
            args, _ = split_args(toks, k) if callee else ([], 0)
            pos = next((n for n, a in enumerate(args) if any(x is toks[j] for x in a)), -1)
            if callee in SINKS and pos == SINKS[callee]:
                continue
            if callee in PRINTF and pos == 0 and PRINTF[callee] > 0:
                fmt = args[PRINTF[callee]] if len(args) > PRINTF[callee] else []
                if fmt and all(x[0] == 'str' for x in fmt):
                    text = ''.join(literal(x[1]) for x in fmt)
                    if all(c.group(5) in INT_CONV for c in CONV.finditer(text) if c.group() != '%%'):
                        continue
            return False, toks[j][2]
        return True, 0

    def literal_safe(self, op):
        """String literals, macros made of them, function-like macros of literals."""
        k = 0
        seen_text = False
        while k < len(op):
            t = op[k]
            if t[0] == 'str':
                seen_text = True
                k += 1
            elif t[0] == 'id' and self.macro_text_safe(t[1]):
                seen_text = True
                if self.macros[t[1]][0] is not None:
                    if k + 1 >= len(op) or op[k + 1][1] != '(':
                        return False
                    end = self.match(op, k + 1)
                    args, _ = split_args(op, k + 1)
                    if not all(a and all(x[0] == 'str' for x in a) for a in args):
                        return False
                    k = end + 1
                else:
                    k += 1
            else:
                return False
        return seen_text

    def operand_safe(self, fn, op, depth=0):
        """(True, ''), (False, why), or (None, param) for one value of a SQL argument."""
        f, fname, params, lo, hi, toks = fn
        while op and op[0][1] == '(' and self.match(op, 0) == len(op) - 1:
            op = op[1:-1]
        if not op:
            return False, 'empty SQL argument'
        if self.literal_safe(op):
            return True, ''
        expr = ' '.join(t[1] for t in op)
        base, rest = op[0], op[1:]
        if base[0] != 'id':
            return False, 'SQL is an expression (%s)' % expr[:80]
        k = 0
        while k < len(rest):
            if rest[k][1] == '[':
                k = self.match(rest, k) + 1
            elif rest[k][1] in ('.', '->') and k + 1 < len(rest) and rest[k + 1][0] == 'id':
                k += 2
            else:
                return False, 'SQL is an expression (%s)' % expr[:80]
        name = base[1]
        if name in params:
            if fname == "main" or depth:
                return False, "SQL from the parameter '%s'" % name
            return None, name   # the caller's SQL: this function is a sink too
        found = False
        for s_lo, s_hi, s_fn in [(lo, hi, fn)] + [(0, len(toks), None)]:
            for stmt, k in self.decls(toks, s_lo, s_hi, name):
                if s_fn is None and any(fl <= s_lo2 < fh for (_, _, _, fl, fh, ft) in self.funcs
                                        if ft is toks for s_lo2 in [self.index_of(toks, stmt[0])]):
                    continue   # a local of another function
                found = True
                words = [t[1] for t in stmt[:k]]
                is_array = k + 1 < len(stmt) and stmt[k + 1][1] == '['
                assigns = self.assigned(toks, s_lo, s_hi, name)
                if assigns:
                    return False, "'%s' is assigned at run time (line %d)" % (name, toks[assigns[0]][2])
                if 'const' in words and ('static' in words or s_fn is None):
                    continue
                if 'const' in words and not is_array and k + 1 < len(stmt) and stmt[k + 1][1] == '=' and depth < 5:
                    init = stmt[k + 2:]
                    init = init[:-1] if init and init[-1][1] == ';' else init
                    for o in self.operands(init):
                        ok, why = self.operand_safe(fn, o, depth + 1)
                        if not ok:
                            return False, why
                    continue
                if is_array and 'const' not in words and s_fn is not None:
                    ok, line = self.buffer_safe(fn, name)
                    if ok:
                        continue
                    return False, "'%s' is filled at run time (line %d), not by an integer-only format" % (name, line)
                return False, "'%s' is not a static const SQL text" % name
            if found:
                return True, ''
        if self.macro_text_safe(name) and self.macros[name][0] is None:
            return True, ''
        return False, "'%s' is not a static const SQL text" % name

    @staticmethod
    def index_of(toks, tok):
        for i, t in enumerate(toks):
            if t is tok:
                return i
        return -1

    def sink_calls(self):
        """Each call of a function that runs SQL: (function it stands in,
        file, the callee's token, its arguments, which one is the SQL)."""
        for fn in self.funcs:
            f, _, _, lo, hi, toks = fn
            for i in range(lo, hi):
                t = toks[i]
                if t[0] != 'id' or t[1] not in SINKS or toks[i + 1][1] != '(' or toks[i - 1][1] in ('.', '->'):
                    continue
                args, _ = split_args(toks, i + 1)
                yield fn, f, t, args, SINKS[t[1]]

    def run(self):
        # 1. printf-like formats that hold SQL with a non-integer conversion;
        #    SQL literals copied into buffers.
        for f, toks, _ in self.units:
            for i, t in enumerate(toks[:-1]):
                if t[0] != 'id' or toks[i + 1][1] != '(' or (i and toks[i - 1][1] in ('.', '->')):
                    continue
                if t[1] in PRINTF:
                    args, _ = split_args(toks, i + 1)
                    n = PRINTF[t[1]]
                    if len(args) <= n:
                        continue
                    fmt = args[n]
                    text = ''.join(literal(x[1]) if x[0] == 'str' else
                                   (''.join(literal(y[1]) for y in self.macros[x[1]][1] if y[0] == 'str')
                                    if x[0] == 'id' and x[1] in self.macros else '') for x in fmt)
                    if SQL_WORD.search(text) or SQL_SHAPE.search(text):
                        bad = [c.group() for c in CONV.finditer(text) if c.group() != '%%' and c.group(5) not in INT_CONV]
                        if bad:
                            self.report(f, t[2], '%s() builds SQL with %s: "%s"' % (t[1], ' '.join(bad), text[:60]))
                elif t[1] in COPY:
                    args, _ = split_args(toks, i + 1)
                    for a in args:
                        text = ''.join(literal(x[1]) for x in a if x[0] == 'str')
                        if text and (SQL_WORD.search(text) or SQL_SHAPE.search(text)):
                            self.report(f, t[2], '%s() assembles SQL text: "%s"' % (t[1], text[:60]))
        # 2. SQL arguments of the sinks, wrappers found to a fixed point.
        while True:
            grown = False
            for fn, f, t, args, n in self.sink_calls():
                fname, params = fn[1], fn[2]
                if len(args) <= n:
                    continue
                for op in self.operands(args[n]):
                    ok, why = self.operand_safe(fn, op)
                    if ok is None and SINKS.get(fname) != params.index(why):
                        SINKS[fname] = params.index(why)
                        self.derived[fname] = (f, t[2], why)
                        grown = True
            if not grown:
                break
        for fn, f, t, args, n in self.sink_calls():
            if len(args) <= n:
                self.report(f, t[2], '%s() without its SQL argument' % t[1])
                continue
            for op in self.operands(args[n]):
                ok, why = self.operand_safe(fn, op)
                self.checked += 1
                if ok is False:
                    self.report(f, t[2], '%s(): %s' % (t[1], why))
        # A function that runs the SQL its caller gives must have callers,
        # and every one of them was checked above.
        for name, (f, line, param) in sorted(self.derived.items()):
            calls = sum(1 for fn in self.funcs for i in range(fn[3], fn[4])
                        if fn[5][i][1] == name and fn[5][i + 1][1] == '(' and fn[5][i - 1][1] not in ('.', '->'))
            if calls == 0:
                self.report(f, line, "%s() runs the SQL of its parameter '%s' and nothing here calls it" % (name, param))
        return self.findings


files = []
for d in sys.argv[1:]:
    files += sorted(glob.glob(os.path.join(d, '**', '*.c'), recursive=True) +
                    glob.glob(os.path.join(d, '**', '*.h'), recursive=True))
if not files:
    print('no sources under ' + ' '.join(sys.argv[1:]), file=sys.stderr)
    sys.exit(2)
s = Scanner(files)
found = s.run()
for line in found:
    print(line)
print('# %d files, %d functions, %d SQL arguments checked; sinks: %s' % (len(files), len(s.funcs), s.checked, ' '.join(sorted(SINKS))), file=sys.stderr)
sys.exit(1 if found else 0)
