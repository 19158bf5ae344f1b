/* uk_cli.h - what every tool shares on its command line: the program name
 * for messages, exit codes (sysexits), the shared options and stdout checks. */
#ifndef UK_CLI_H
#define UK_CLI_H

#include <getopt.h>
#include <stdio.h>
#include "uk_date.h"
#include "uk_i18n.h"
#include "uk_text.h"

/* Exit codes (sysexits.h values; doc/architecture.md, unionkit(7)). */
enum uk_exit {
	UK_EX_OK = 0,
	UK_EX_SKIPPED = 1,      /* done, with records skipped */
	UK_EX_USAGE = 64,
	UK_EX_DATAERR = 65,
	UK_EX_NOINPUT = 66,
	UK_EX_UNAVAILABLE = 69, /* not a unionkit database, or a newer one */
	UK_EX_SOFTWARE = 70,
	UK_EX_CANTCREAT = 73,
	UK_EX_IOERR = 74,
	UK_EX_TEMPFAIL = 75     /* database busy after the timeout */
};

/* Sets the program name used in messages (the basename of argv[0]), makes
 * a closed output pipe end the program quietly with status 0, and returns
 * the name. */
const char *uk_cli_init(const char *argv0);
/* uk_cli_init for a tool's main: also takes the language of a --lang
 * given anywhere on the command line, before the options are read. */
const char *uk_cli_start(int argc, char **argv);
const char *uk_progname(void);

/* "PROG: message" on stderr, one line. These four translate their format
 * (or why) through gettext themselves: give them the English literal, not
 * _() of it; mk/pot.sh extracts it from the call. */
void uk_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "PROG: FILE:LINE: message" on stderr. */
void uk_err_at(const char *file, long line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Formats a record's fault into err and returns -1, the "bad record"
 * result every lib function uses beside its exit codes. */
int uk_errf(char *err, size_t errsz, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Appends s to a growable list of strings (repeatable options). 0 or -1. */
int uk_strv_push(const char ***list, int *n, const char *s);
/* "PROG: OPTION 'VALUE': why" for an option whose value breaks a rule;
 * returns 65 (bad data). why is translated here (mark it with N_()). */
int uk_bad_value(const char *option, const char *value, const char *why);
/* The period of --year, --month or --from/--to (at most one; *has says
 * whether one was given). 64 for a malformed combination, 65 for a bad
 * value, else 0. */
int uk_cli_period(const char *usage, const char *year, const char *month, const char *from,
                  const char *to, struct uk_period *p, int *has);
/* A recorded fact (an entry, event, activity, case) dated after today is a
 * typo unless --allow-future says it is meant: 0 when d may be recorded,
 * else -1 with the reason in err. */
int uk_future_check(struct uk_date d, int allow_future, char *err, size_t errsz);
/* A whole number from lo to hi (full-width digits and spaces taken):
 * 0 with *n, or -1 with err naming what (given as N_("..."): said in
 * the user's language). */
int uk_whole_check(const char *s, const char *what, long lo, long hi, long *n, char *err, size_t errsz);
/* Out of memory: one message, exit code 70. */
int uk_err_nomem(void);
/* The whole of a text file (- stdin) of at most max_mb megabytes, NUL
 * terminated, in *out (the caller frees) with its length. 0; 66 when it
 * cannot be opened, 65 when it is larger, 74 when reading failed (said). */
int uk_read_file(const char *path, size_t max_mb, char **out, size_t *len);

enum uk_format { UK_FMT_DEFAULT, UK_FMT_CSV, UK_FMT_JSON, UK_FMT_NDJSON,
                 UK_FMT_TABLE, UK_FMT_MD, UK_FMT_HTML };
enum uk_input_format { UK_IN_AUTO, UK_IN_CSV, UK_IN_JSON };

/* The options every tool understands, parsed in one place so the same flag
 * means the same thing everywhere. */
struct uk_opts {
	const char *db_path;         /* -d/--db */
	enum uk_format format;       /* -f/--format */
	int quiet;                   /* -q */
	int excel;                   /* --excel */
	int mask;                    /* --mask */
	int dry_run;                 /* --dry-run */
	int allow_future;            /* --allow-future */
	int skip_bad;                /* --skip-bad */
	int strict;                  /* --strict */
	const char *rejects;         /* --rejects FILE */
	enum uk_encoding encoding;   /* --encoding */
	enum uk_input_format input_format; /* --input-format */
	const char **maps;           /* --map HEADER=column, repeatable */
	int nmaps;
	const char **ignores;        /* --ignore COLUMN, repeatable */
	int nignores;
	int lang_given;              /* --lang zh|en given: lang holds it */
	enum uk_lang lang;
};
/* The language of human output: --lang, else the locale's. Machine
 * formats (csv, json, ndjson) stay English unless --lang was given. */
enum uk_lang uk_opts_lang(const struct uk_opts *o);

/* Long option codes of the shared options (short ones use their letter). */
enum {
	UK_OPT_VERSION = 0x1000, UK_OPT_EXCEL, UK_OPT_MASK, UK_OPT_DRY_RUN,
	UK_OPT_SKIP_BAD, UK_OPT_STRICT, UK_OPT_REJECTS, UK_OPT_ENCODING,
	UK_OPT_INPUT_FORMAT, UK_OPT_MAP, UK_OPT_ALLOW_FUTURE, UK_OPT_IGNORE, UK_OPT_LANG,
	UK_OPT_TOOL /* tools number theirs from here */
};

#define UK_LONGOPTS_COMMON \
	{"help", no_argument, 0, 'h'}, {"version", no_argument, 0, UK_OPT_VERSION}, \
	{"db", required_argument, 0, 'd'}, {"format", required_argument, 0, 'f'}, \
	{"quiet", no_argument, 0, 'q'}, {"excel", no_argument, 0, UK_OPT_EXCEL}, \
	{"lang", required_argument, 0, UK_OPT_LANG}
#define UK_LONGOPTS_MASK {"mask", no_argument, 0, UK_OPT_MASK}
#define UK_LONGOPTS_WRITE \
	{"dry-run", no_argument, 0, UK_OPT_DRY_RUN}
/* Tools that record dated facts: a date after today is refused without it. */
#define UK_LONGOPTS_FUTURE {"allow-future", no_argument, 0, UK_OPT_ALLOW_FUTURE}
#define UK_LONGOPTS_IMPORT \
	{"skip-bad", no_argument, 0, UK_OPT_SKIP_BAD}, {"strict", no_argument, 0, UK_OPT_STRICT}, \
	{"rejects", required_argument, 0, UK_OPT_REJECTS}, \
	{"encoding", required_argument, 0, UK_OPT_ENCODING}, \
	{"input-format", required_argument, 0, UK_OPT_INPUT_FORMAT}, \
	{"map", required_argument, 0, UK_OPT_MAP}, \
	{"ignore", required_argument, 0, UK_OPT_IGNORE}
#define UK_SHORTOPTS_COMMON "hd:f:q"

/* Handles one shared option returned by getopt_long, after the tool has
 * handled its own. Returns 0 when handled; help and version print and set
 * *done; a bad value, an unknown option or a missing argument is a usage
 * error (64). */
int uk_opts_handle(struct uk_opts *o, int c, const char *arg, const char *usage, int *done);
/* An import's end, the same in every tool: bad records without
 * --skip-bad write nothing, said in err (-1); else 0. And its summary on
 * stderr unless -q: "PROG: added A, unchanged U[, skipped B]". */
int uk_import_bad(const struct uk_opts *o, long bad, char *err, size_t errsz);
void uk_import_said(const struct uk_opts *o, long added, long unchanged, long bad);
/* The same with the records that changed what was stored (changed < 0:
 * not said). */
void uk_import_said_changed(const struct uk_opts *o, long added, long changed, long unchanged, long bad);
void uk_opts_free(struct uk_opts *o);
/* Prints usage to stderr with a hint and returns UK_EX_USAGE. */
int uk_usage_error(const char *usage, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The language of this run's output in format f: human formats (table,
 * md, html) follow uk_opts_lang; machine formats are English unless
 * --lang was given. */
enum uk_lang uk_output_lang(const struct uk_opts *o, enum uk_format f);

/* A tool of several commands (fund-ledger add, dispute-log close ...) keeps
 * them in a table, as git keeps its commands[]: each with its own usage and
 * the options it takes. An option given to a command that does not take it
 * is a usage error, never silently ignored. */
struct uk_subcmd {
	const char *name;
	/* Its usage lines, for its own -h and its usage errors. */
	const char *usage;
	/* The option codes it takes, 0-ended; -h, --version, -d and -q are
	 * taken by every command. */
	const int *opts;
	/* Runs it with the tool's own parsed arguments (ctx). */
	int (*run)(const struct uk_opts *o, const void *ctx, char **pos, int npos);
};
/* The options given, as getopt_long returned them. */
struct uk_optseen { int n; int code[64]; };
/* The command's name: argv's first operand, options and their values
 * skipped as longopts and shortopts say. NULL when there is none. */
const char *uk_subcmd_name(int argc, char **argv, const struct option *longopts,
                           const char *shortopts);
/* Whether argv word arg is an option whose value is the next word (as
 * getopt_long would take it with longopts and shortopts). */
int uk_cli_takes_value(const char *arg, const struct option *longopts, const char *shortopts);
/* The command called name in t (ended by a NULL name); NULL if none. */
const struct uk_subcmd *uk_subcmd_find(const struct uk_subcmd *t, const char *name);
/* "a, b, c": the names of t's commands, for "no command" messages. */
void uk_subcmd_names(const struct uk_subcmd *t, char *buf, size_t n);
/* Notes option c as given (every getopt_long result but -1). */
void uk_optseen_add(struct uk_optseen *s, int c);
/* 0 when cmd takes every option in s; else "CMD does not take --OPT" and
 * the hint "Try 'TOOL CMD --help'", a usage error (64). */
int uk_subcmd_check(const struct uk_subcmd *cmd, const struct uk_optseen *s,
                    const struct option *longopts);
/* After getopt: runs cmd (the one argv[optind] names) on the operands after
 * it, with o and args; no command, an unknown one, or an option it does not
 * take is a usage error (64) under usage. */
int uk_subcmd_run(const struct uk_subcmd *t, const struct uk_subcmd *cmd, const char *usage,
                  const struct uk_optseen *s, const struct option *longopts, const struct uk_opts *o,
                  const void *args, int argc, char **argv, int first);

/* The output format in force: the one asked for, else table on a terminal,
 * else csv (documents: md). */
enum uk_format uk_format_resolve(const struct uk_opts *o, int document);
const char *uk_format_name(enum uk_format f);

/* Checks stdout once at the end: flush, error, close. A closed pipe (EPIPE)
 * is quiet and keeps status; any other write error is reported, exit 74. */
int uk_finish_stdout(int status);

/* Progress on stderr, only when stderr is a terminal. */
struct uk_progress { int enabled; double start, last; long done; const char *what; };
void uk_progress_start(struct uk_progress *p, const char *what);
void uk_progress_tick(struct uk_progress *p, long done);
void uk_progress_end(struct uk_progress *p);

#define UK_VERSION "0.1.0"
/* The input of a tool that reads many records: the one operand (a file or
 * "-"), or stdin when there is none and stdin is not a terminal. NULL when
 * there is no input; -1 in *toomany when there are several operands. */
const char *uk_cli_input(int argc, char **argv, int optind_, int *toomany);

#endif
