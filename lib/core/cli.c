/* cli.c - program name, messages, shared options, stdout checks, progress. */
#include "uk_cli.h"
#include "uk_i18n.h"
#include "uk_text.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* The one piece of global state the project allows: who is speaking. */
static const char *progname = "unionkit";

static void on_sigpipe(int sig)
{
	(void)sig;
	_exit(UK_EX_OK);
}

const char *uk_cli_init(const char *argv0)
{
	const char *slash = argv0 ? strrchr(argv0, '/') : NULL;
	if (argv0 && *argv0)
		progname = slash ? slash + 1 : argv0;
	/* The reader of our output has gone (member-ls | head): stop quietly.
	 * Write commands print only after their transaction has ended, so
	 * leaving here never cuts a write short. */
	signal(SIGPIPE, on_sigpipe);
	/* Past the file size limit a write fails (EFBIG) and is reported,
	 * rather than the signal killing the program without a word. */
	signal(SIGXFSZ, SIG_IGN);
	uk_i18n_init();
	return progname;
}

const char *uk_cli_start(int argc, char **argv)
{
	const char *name = uk_cli_init(argv[0]);
	/* A --lang anywhere on the line speaks from the start: --help and a
	 * usage error act as soon as they are read, before a --lang after
	 * them would be. */
	for (int i = 1; i < argc; i++) {
		const char *v = NULL;
		enum uk_lang lang;
		if (!strcmp(argv[i], "--"))
			break;
		if (!strncmp(argv[i], "--lang=", 7))
			v = argv[i] + 7;
		else if (!strcmp(argv[i], "--lang") && i + 1 < argc)
			v = argv[++i];
		if (v && uk_lang_parse(v, &lang) == 0)
			uk_i18n_use(lang);
	}
	return name;
}

const char *uk_progname(void) { return progname; }

/* Writes s to stderr so that no value quoted in a message (a field read
 * from a file, an argument, a file name) can drive the terminal or break
 * the message's one line: C0 controls, DEL and bytes that are not UTF-8
 * are shown as \xNN, C1 controls as \u00NN. */
static void put_safe(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);
	while (n > 0) {
		size_t ok = uk_utf8_valid_prefix((const char *)p, n);
		for (size_t i = 0; i < ok; i++) {
			if (p[i] < 0x20 || p[i] == 0x7f) {
				fprintf(stderr, "\\x%02x", p[i]);
			} else if (p[i] == 0xc2 && i + 1 < ok && p[i + 1] <= 0x9f) {
				fprintf(stderr, "\\u%04x", p[i + 1]);
				i++;
			} else {
				fputc(p[i], stderr);
			}
		}
		p += ok;
		n -= ok;
		if (n > 0) {
			fprintf(stderr, "\\x%02x", *p);
			p++;
			n--;
		}
	}
}

/* "PROG: [FILE[:LINE]: ]message\n", the variable parts made safe. */
static void vmessage_at(const char *file, long line, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));
static void vmessage_at(const char *file, long line, const char *fmt, va_list ap)
{
	char buf[1024], *m = buf;
	va_list aq;
	int n;
	fmt = gettext(fmt);
	va_copy(aq, ap);
	n = vsnprintf(buf, sizeof buf, fmt, aq);
	va_end(aq);
	if (n < 0)
		buf[0] = '\0';
	else if ((size_t)n >= sizeof buf && (m = malloc((size_t)n + 1)) != NULL)
		vsnprintf(m, (size_t)n + 1, fmt, ap);
	else if (!m)
		m = buf; /* no memory: the message cut short */
	fprintf(stderr, "%s: ", progname);
	if (file) {
		put_safe(file);
		if (line > 0)
			fprintf(stderr, ":%ld", line);
		fputs(": ", stderr);
	}
	put_safe(m);
	fputc('\n', stderr);
	if (m != buf)
		free(m);
}

static void vmessage(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
static void vmessage(const char *fmt, va_list ap)
{
	vmessage_at(NULL, 0, fmt, ap);
}

void uk_err(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage(fmt, ap);
	va_end(ap);
}

void uk_err_at(const char *file, long line, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage_at(file, line, fmt, ap);
	va_end(ap);
}

int uk_errf(char *err, size_t errsz, const char *fmt, ...)
{
	va_list ap;
	int n;
	va_start(ap, fmt);
	n = vsnprintf(err, errsz, gettext(fmt), ap);
	va_end(ap);
	/* Cut short: never inside a character. */
	if (errsz && n >= 0 && (size_t)n >= errsz)
		err[uk_utf8_fit(err, errsz - 1)] = '\0';
	return -1;
}

int uk_strv_push(const char ***list, int *n, const char *s)
{
	const char **l = realloc(*list, (size_t)(*n + 1) * sizeof *l);
	if (!l)
		return -1;
	*list = l;
	l[(*n)++] = s;
	return 0;
}

int uk_bad_value(const char *option, const char *value, const char *why)
{
	/* why is a reason written in lib (N_()) or a message already made. */
	uk_err("%s '%s': %s", option, value, gettext(why));
	return UK_EX_DATAERR;
}

int uk_cli_period(const char *usage, const char *year, const char *month, const char *from,
                  const char *to, struct uk_period *p, int *has)
{
	const char *why;
	int n = (year != NULL) + (month != NULL) + (from != NULL || to != NULL);
	*has = n == 1;
	if (n > 1)
		return uk_usage_error(usage, "use just one of --year, --month and --from/--to");
	if (year && uk_period_parse_year(year, p, &why) != 0)
		return uk_bad_value("--year", year, why);
	if (month && uk_period_parse_month(month, p, &why) != 0)
		return uk_bad_value("--month", month, why);
	if (from || to) {
		if (!from || !to)
			return uk_usage_error(usage, "--from and --to go together");
		if (uk_date_parse(from, &p->from, &why) != 0)
			return uk_bad_value("--from", from, why);
		if (uk_date_parse(to, &p->to, &why) != 0)
			return uk_bad_value("--to", to, why);
	}
	return 0;
}

int uk_err_nomem(void)
{
	uk_err("out of memory");
	return UK_EX_SOFTWARE;
}

int uk_import_bad(const struct uk_opts *o, long bad, char *err, size_t errsz)
{
	if (!bad || o->skip_bad)
		return 0;
	return uk_errf(err, errsz,
	               ngettext("%ld bad record: nothing written (fix them, or --skip-bad to add the rest)",
	                        "%ld bad records: nothing written (fix them, or --skip-bad to add the rest)",
	                        (unsigned long)bad),
	               bad);
}

void uk_import_said_changed(const struct uk_opts *o, long added, long changed, long unchanged, long bad)
{
	char skipped[40] = "", updated[40] = "";
	if (o->quiet)
		return;
	if (bad)
		snprintf(skipped, sizeof skipped, _(", skipped %ld"), bad);
	if (changed >= 0)
		snprintf(updated, sizeof updated, _(", changed %ld"), changed);
	fprintf(stderr, _("%s: %sadded %ld%s, unchanged %ld%s\n"), uk_progname(),
	        o->dry_run ? _("dry run, nothing written: ") : "", added, updated, unchanged, skipped);
}

void uk_import_said(const struct uk_opts *o, long added, long unchanged, long bad)
{
	uk_import_said_changed(o, added, -1, unchanged, bad);
}

int uk_read_file(const char *path, size_t max_mb, char **out, size_t *len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	const char *name = f == stdin ? "stdin" : path;
	size_t cap = 65536, n = 0, k;
	char *buf = NULL, *b;
	int rc = 0;
	if (!f) {
		uk_err("cannot open '%s': %s", path, strerror(errno));
		return UK_EX_NOINPUT;
	}
	for (;;) {
		if (n + 1 >= cap || !buf) {
			if (buf && n > max_mb * 1024 * 1024) {
				uk_err("%s: larger than %zu MB", name, max_mb);
				rc = UK_EX_DATAERR;
				break;
			}
			if (!(b = realloc(buf, buf ? (cap *= 2) : cap))) {
				rc = uk_err_nomem();
				break;
			}
			buf = b;
		}
		if ((k = fread(buf + n, 1, cap - n - 1, f)) == 0)
			break;
		n += k;
	}
	if (!rc && ferror(f)) {
		uk_err("cannot read '%s': %s", name, strerror(errno));
		rc = UK_EX_IOERR;
	}
	if (!rc && n > max_mb * 1024 * 1024) {
		uk_err("%s: larger than %zu MB", name, max_mb);
		rc = UK_EX_DATAERR;
	}
	if (f != stdin)
		fclose(f);
	if (rc) {
		free(buf);
		return rc;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

int uk_usage_error(const char *usage, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage(fmt, ap);
	va_end(ap);
	if (usage)
		fprintf(stderr, _("Try '%s --help' for more information.\n"), progname);
	return UK_EX_USAGE;
}

static int format_parse(const char *s, enum uk_format *f)
{
	static const struct { const char *name; enum uk_format f; } names[] = {
		{"csv", UK_FMT_CSV}, {"json", UK_FMT_JSON}, {"ndjson", UK_FMT_NDJSON},
		{"table", UK_FMT_TABLE}, {"md", UK_FMT_MD}, {"html", UK_FMT_HTML},
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(s, names[i].name) == 0) {
			*f = names[i].f;
			return 0;
		}
	return -1;
}

const char *uk_format_name(enum uk_format f)
{
	switch (f) {
	case UK_FMT_CSV: return "csv";
	case UK_FMT_JSON: return "json";
	case UK_FMT_NDJSON: return "ndjson";
	case UK_FMT_TABLE: return "table";
	case UK_FMT_MD: return "md";
	case UK_FMT_HTML: return "html";
	default: return "default";
	}
}

int uk_opts_handle(struct uk_opts *o, int c, const char *arg, const char *usage, int *done)
{
	switch (c) {
	case 'h':
		fputs(_(usage), stdout);
		*done = 1;
		return UK_EX_OK;
	case UK_OPT_VERSION:
		printf("%s (unionkit) %s\n", progname, UK_VERSION);
		*done = 1;
		return UK_EX_OK;
	case 'd':
		/* -d "$DB" with DB unset would otherwise fall back to
		 * $UNIONKIT_DB or ./union.db: another register than meant. */
		if (!*arg)
			return uk_usage_error(usage, "--db: the path is empty");
		o->db_path = arg;
		return 0;
	case 'f':
		if (format_parse(arg, &o->format) != 0)
			return uk_usage_error(usage, "unknown format '%s' (csv, json, ndjson, table)", arg);
		return 0;
	case 'q': o->quiet = 1; return 0;
	case UK_OPT_LANG:
		if (uk_lang_parse(arg, &o->lang) != 0)
			return uk_usage_error(usage, "--lang: unknown language '%s' (zh, en)", arg);
		o->lang_given = 1;
		/* Messages from here on speak it too. */
		uk_i18n_use(o->lang);
		return 0;
	case UK_OPT_EXCEL: o->excel = 1; return 0;
	case UK_OPT_MASK: o->mask = 1; return 0;
	case UK_OPT_DRY_RUN: o->dry_run = 1; return 0;
	case UK_OPT_ALLOW_FUTURE: o->allow_future = 1; return 0;
	case UK_OPT_SKIP_BAD: o->skip_bad = 1; return 0;
	case UK_OPT_STRICT: o->strict = 1; return 0;
	case UK_OPT_REJECTS: o->rejects = arg; return 0;
	case UK_OPT_ENCODING:
		if (uk_encoding_parse(arg, &o->encoding) != 0)
			return uk_usage_error(usage, "unknown encoding '%s' (utf-8, gb18030, auto)", arg);
		return 0;
	case UK_OPT_INPUT_FORMAT:
		if (strcmp(arg, "csv") == 0) o->input_format = UK_IN_CSV;
		else if (strcmp(arg, "json") == 0 || strcmp(arg, "ndjson") == 0) o->input_format = UK_IN_JSON;
		else if (strcmp(arg, "auto") == 0) o->input_format = UK_IN_AUTO;
		else return uk_usage_error(usage, "unknown input format '%s' (csv, json, auto)", arg);
		return 0;
	case UK_OPT_MAP: {
		const char **m;
		if (!strchr(arg, '=') || arg[0] == '=' || arg[strlen(arg) - 1] == '=')
			return uk_usage_error(usage, "--map wants HEADER=column, not '%s'", arg);
		m = realloc(o->maps, (size_t)(o->nmaps + 1) * sizeof *m);
		if (!m)
			return uk_err_nomem();
		o->maps = m;
		o->maps[o->nmaps++] = arg;
		return 0;
	}
	case UK_OPT_IGNORE:
		if (!*arg)
			return uk_usage_error(usage, "--ignore wants a column's header or name");
		return uk_strv_push(&o->ignores, &o->nignores, arg) ? uk_err_nomem() : 0;
	default:
		/* getopt has named the unknown option or missing argument: only
		 * the hint is left to say. */
		if (usage)
			fprintf(stderr, _("Try '%s --help' for more information.\n"), progname);
		return UK_EX_USAGE;
	}
}

void uk_opts_free(struct uk_opts *o)
{
	free(o->maps);
	o->maps = NULL;
	o->nmaps = 0;
	free(o->ignores);
	o->ignores = NULL;
	o->nignores = 0;
}

enum uk_lang uk_opts_lang(const struct uk_opts *o)
{
	return o->lang_given ? o->lang : uk_lang_of_locale();
}

enum uk_lang uk_output_lang(const struct uk_opts *o, enum uk_format f)
{
	if (f == UK_FMT_CSV || f == UK_FMT_JSON || f == UK_FMT_NDJSON)
		return o->lang_given ? o->lang : UK_LANG_EN;
	return uk_opts_lang(o);
}

enum uk_format uk_format_resolve(const struct uk_opts *o, int document)
{
	if (o->format != UK_FMT_DEFAULT)
		return o->format;
	if (isatty(STDOUT_FILENO))
		return UK_FMT_TABLE;
	return document ? UK_FMT_MD : UK_FMT_CSV;
}

int uk_finish_stdout(int status)
{
	int failed = fflush(stdout) != 0 || ferror(stdout);
	int err = errno;
	if (fclose(stdout) != 0 && !failed) {
		failed = 1;
		err = errno;
	}
	if (!failed)
		return status;
	if (err == EPIPE)
		return status;
	uk_err("write error on standard output: %s", strerror(err));
	return UK_EX_IOERR;
}

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void uk_progress_start(struct uk_progress *p, const char *what)
{
	p->enabled = isatty(STDERR_FILENO);
	p->start = p->last = p->enabled ? now_seconds() : 0;
	p->done = 0;
	p->what = what;
}

void uk_progress_tick(struct uk_progress *p, long done)
{
	double t;
	p->done = done;
	/* Checking the clock on every row would cost more than the row. */
	if (!p->enabled || (done & 1023) != 0)
		return;
	t = now_seconds();
	if (t - p->last < 1.0)
		return;
	p->last = t;
	fprintf(stderr, "\r%s: %ld %s, %.0f/s ", progname, done, p->what,
		(double)done / (t - p->start));
}

void uk_progress_end(struct uk_progress *p)
{
	if (p->enabled && p->last > p->start)
		fputc('\n', stderr);
}

const char *uk_cli_input(int argc, char **argv, int optind_, int *toomany)
{
	*toomany = argc - optind_ > 1;
	if (argc - optind_ == 1)
		return argv[optind_];
	if (argc == optind_ && !isatty(STDIN_FILENO))
		return "-";
	return NULL;
}

int uk_future_check(struct uk_date d, int allow_future, char *err, size_t errsz)
{
	char day[UK_DATE_BUFSZ], today[UK_DATE_BUFSZ];
	struct uk_date now = uk_date_today();
	if (allow_future || uk_date_cmp(d, now) <= 0)
		return 0;
	return uk_errf(err, errsz, "date %s is after today (%s): a typo? give --allow-future if it is meant",
	               uk_date_format(d, day), uk_date_format(now, today));
}

int uk_whole_check(const char *s, const char *what, long lo, long hi, long *n, char *err, size_t errsz)
{
	char buf[32], *end;
	snprintf(buf, sizeof buf, "%s", s ? s : "");
	uk_fold_fullwidth(uk_trim(buf));
	*n = strtol(buf, &end, 10);
	if (!*buf || *end || *n < lo || *n > hi)
		return uk_errf(err, errsz, "%s must be a whole number from %ld to %ld, not '%s'", _(what), lo, hi,
		               s ? s : "");
	return 0;
}

/* Whether argv word s is an option whose value is the next word. */
static int takes_next(const char *s, const struct option *longopts, const char *shortopts)
{
	if (s[1] == '-') {
		size_t n = strcspn(s + 2, "=");
		if (s[2 + n] == '=')
			return 0;
		for (const struct option *lo = longopts; lo->name; lo++)
			if (strncmp(lo->name, s + 2, n) == 0)  /* getopt takes a prefix too */
				return lo->has_arg == required_argument;
		return 0;
	}
	for (const char *p = s + 1; *p; p++) {
		const char *at = strchr(shortopts, *p);
		if (at && at[1] == ':')
			return p[1] == '\0';  /* -dPATH holds its value */
	}
	return 0;
}

int uk_cli_takes_value(const char *arg, const struct option *longopts, const char *shortopts)
{
	return arg[0] == '-' && arg[1] && takes_next(arg, longopts, shortopts);
}

const char *uk_subcmd_name(int argc, char **argv, const struct option *longopts,
                           const char *shortopts)
{
	for (int i = 1; i < argc; i++) {
		const char *s = argv[i];
		if (strcmp(s, "--") == 0)
			return i + 1 < argc ? argv[i + 1] : NULL;
		if (s[0] != '-' || !s[1])
			return s;
		if (takes_next(s, longopts, shortopts))
			i++;
	}
	return NULL;
}

const struct uk_subcmd *uk_subcmd_find(const struct uk_subcmd *t, const char *name)
{
	for (; name && t->name; t++)
		if (strcmp(t->name, name) == 0)
			return t;
	return NULL;
}

void uk_subcmd_names(const struct uk_subcmd *t, char *buf, size_t n)
{
	size_t used = 0;
	if (n)
		buf[0] = '\0';
	for (; t->name && used < n; t++) {
		int k = snprintf(buf + used, n - used, "%s%s", used ? ", " : "", t->name);
		if (k < 0)
			break;
		used += (size_t)k;
	}
}

void uk_optseen_add(struct uk_optseen *s, int c)
{
	for (int i = 0; i < s->n; i++)
		if (s->code[i] == c)
			return;
	if (s->n < (int)(sizeof s->code / sizeof s->code[0]))
		s->code[s->n++] = c;
}

static int always_taken(int c)
{
	return c == 'h' || c == 'd' || c == 'q' || c == UK_OPT_VERSION || c == UK_OPT_LANG;
}

int uk_subcmd_check(const struct uk_subcmd *cmd, const struct uk_optseen *s,
                    const struct option *longopts)
{
	for (int i = 0; i < s->n; i++) {
		int c = s->code[i], taken = always_taken(c);
		const char *name = NULL;
		for (const int *o = cmd->opts; !taken && o && *o; o++)
			taken = *o == c;
		if (taken)
			continue;
		for (const struct option *lo = longopts; !name && lo->name; lo++)
			if (lo->val == c)
				name = lo->name;
		if (name)
			uk_err("%s does not take --%s", cmd->name, name);
		else
			uk_err("%s does not take -%c", cmd->name, c);
		fprintf(stderr, _("Try '%s %s --help' for more information.\n"), progname, cmd->name);
		return UK_EX_USAGE;
	}
	return 0;
}

int uk_subcmd_run(const struct uk_subcmd *t, const struct uk_subcmd *cmd, const char *usage,
                  const struct uk_optseen *s, const struct option *longopts, const struct uk_opts *o,
                  const void *args, int argc, char **argv, int first)
{
	int rc;
	if (first >= argc) {
		char names[160];
		uk_subcmd_names(t, names, sizeof names);
		return uk_usage_error(usage, "no command (%s)", names);
	}
	if (!cmd)
		return uk_usage_error(usage, "unknown command '%s'", argv[first]);
	if ((rc = uk_subcmd_check(cmd, s, longopts)) != 0)
		return rc;
	return cmd->run(o, args, argv + first + 1, argc - first - 1);
}
