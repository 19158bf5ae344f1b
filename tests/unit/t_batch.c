/* t_batch.c - the set of stored records an import has matched; a record
 * held for the next one (the first of a pair), refused with it, alone, or
 * still held at the end, by what the finish says. */
#include <stdlib.h>
#include <unistd.h>

#include "uk_batch.h"
#include "uk_cli.h"
#include "tap.h"
#include "capture.h"

static void test_matched(void)
{
	struct uk_matched m = UK_MATCHED_INIT;
	int grown = 1;
	m.before = 5;
	ok(!uk_matched_has(&m, 3), "matched: empty set has nothing");
	is_int(uk_matched_add(&m, 3), 0, "matched: add 3");
	ok(uk_matched_has(&m, 3), "matched: has 3 once added");
	ok(!uk_matched_has(&m, 4), "matched: not 4");
	/* Past the first allocation: every id added is still there. */
	for (int64_t id = 100; id < 300; id++)
		if (uk_matched_add(&m, id) != 0)
			grown = 0;
	ok(grown, "matched: 200 more added");
	ok(uk_matched_has(&m, 3) && uk_matched_has(&m, 100) && uk_matched_has(&m, 299),
	   "matched: first, middle and last kept across growth");
	is_int((long long)m.n, 201, "matched: count");
	is_int(m.before, 5, "matched: before untouched");
	uk_matched_free(&m);
	is_int((long long)m.n, 0, "matched: freed set is empty");
	ok(!uk_matched_has(&m, 3), "matched: freed set has nothing");
	/* Many ids up to before (a re-import of large books): each found,
	 * none that was not added, answered by the bitmap. */
	{
		struct uk_matched big = UK_MATCHED_INIT;
		int all = 1, none = 1;
		big.before = 200000;
		for (int64_t id = 2; id <= 200000; id += 2)
			if (uk_matched_add(&big, id) != 0)
				all = 0;
		for (int64_t id = 1; id <= 200000; id++)
			if (uk_matched_has(&big, id) != (id % 2 == 0)) {
				if (id % 2)
					none = 0;
				else
					all = 0;
			}
		ok(all && none, "matched: 100,000 ids of 200,000: each added found, no other");
		ok(!uk_matched_has(&big, 200002) && uk_matched_add(&big, 200002) == 0 && uk_matched_has(&big, 200002),
		   "matched: an id past before, by the list");
		uk_matched_free(&big);
	}
}

/* "out" is held for the "in" after it ("inbad": an in refused, which
 * takes the out with it); "bad" is refused; anything else is written
 * alone, and after an out refuses it first. */
struct pairs { long held_line, pairs, calls; };

static int pair_record(void *ctx, struct uk_row *row, char *err, size_t errsz)
{
	struct pairs *p = ctx;
	const char *kind = uk_row_get(row, 0);
	int in = strncmp(kind, "in", 2) == 0;
	p->calls++;
	if (p->held_line && !in)
		return UK_BATCH_ALONE;
	if (strcmp(kind, "out") == 0) {
		p->held_line = uk_row_line(row);
		return UK_BATCH_HELD;
	}
	if (in) {
		if (!p->held_line)
			return uk_errf(err, errsz, "in without out");
		p->held_line = 0;
		if (strcmp(kind, "inbad") == 0)
			return uk_errf(err, errsz, "bad in");
		p->pairs++;
		return 0;
	}
	if (strcmp(kind, "bad") == 0)
		return uk_errf(err, errsz, "bad record");
	return 0;
}

static int pair_finish(void *ctx, long with, char *err, size_t errsz)
{
	struct pairs *p = ctx;
	p->held_line = 0;
	if (with)
		return uk_errf(err, errsz, "out refused with line %ld", with);
	return uk_errf(err, errsz, "out with no in after it");
}

static const struct uk_migration no_tables[] = { {1, "CREATE TABLE t(x);"} };

static void test_held(const char *dir)
{
	static const struct uk_colspec cols[] = { {"kind", NULL} };
	struct uk_read_opts ro;
	struct uk_reader *r = NULL;
	struct uk_db *db = NULL;
	struct pairs p = {0, 0, 0};
	char csv[128], dbp[128], rej[128];
	const char *msg;
	long added = -1, bad = -1;
	FILE *f;
	int rc;

	snprintf(csv, sizeof csv, "%s/in.csv", dir);
	snprintf(dbp, sizeof dbp, "%s/b.db", dir);
	snprintf(rej, sizeof rej, "%s/rejects.csv", dir);
	if (!(f = fopen(csv, "w"))) {
		ok(0, "held: input written");
		return;
	}
	/* Lines 2-3 a pair, 4 alone, 5 bad, 6-7 a pair refused at its
	 * second, 8 an out followed by a record alone (9), 10 held to the
	 * end. */
	fputs("kind\nout\nin\none\nbad\nout\ninbad\nout\none\nout\n", f);
	fclose(f);
	memset(&ro, 0, sizeof ro);
	is_int(uk_db_open(dbp, UK_DB_CREATE, 0, no_tables, 1, &db), 0, "held: database");
	is_int(uk_reader_open(csv, cols, 1, &ro, &r), 0, "held: reader");
	if (!db || !r) {
		uk_reader_close(r);
		uk_db_close(db);
		return;
	}
	is_int(uk_db_begin(db), 0, "held: transaction");
	cap_start();
	rc = uk_batch_records_finish(db, r, rej, pair_record, pair_finish, &p, &added, &bad);
	msg = cap_end();
	is_int(rc, 0, "held: the batch ends well");
	is_int(p.calls, 10, "held: every record seen, the one after a lone out twice");
	is_int(p.pairs, 1, "held: one pair written");
	is_int(added, 3, "held: a pair counts once, with the two records alone: 3 added");
	is_int(bad, 5, "held: the bad record, a refused pair, a lone out, the one held at the end: 5 bad");
	ok(strstr(msg, "in.csv:5: bad record") != NULL, "held: the bad record at its line");
	ok(strstr(msg, "in.csv:6: out refused with line 7\n") != NULL &&
	   strstr(msg, "in.csv:7: bad in\n") != NULL &&
	   strstr(msg, "in.csv:6:") < strstr(msg, "in.csv:7:"),
	   "held: a pair refused at its second record: both said, the first first");
	ok(strstr(msg, "in.csv:8: out with no in after it") != NULL && !strstr(msg, "in.csv:9:"),
	   "held: an out followed by another record refused alone, that record written");
	ok(strstr(msg, "in.csv:10: out with no in after it") != NULL,
	   "held: the one held at the end said at its own line");
	uk_db_rollback(db);
	uk_reader_close(r);
	uk_db_close(db);
	if ((f = fopen(rej, "r")) != NULL) {
		char lines[512] = "", line[128];
		while (fgets(line, sizeof line, f))
			if (strlen(lines) + strlen(line) < sizeof lines)
				strcat(lines, line);
		fclose(f);
		is_str(lines, "kind,error\nbad,bad record\nout,out refused with line 7\ninbad,bad in\n"
		       "out,out with no in after it\nout,out with no in after it\n",
		       "held: every refused record in the rejects, the held ones too");
	} else {
		ok(0, "held: rejects written");
	}
	unlink(rej);
	unlink(csv);
	unlink(dbp);
}

int main(void)
{
	char dir[] = "/tmp/t_batch.XXXXXX";

	uk_cli_init("t_batch");
	test_matched();
	if (mkdtemp(dir)) {
		char tmp[160];
		test_held(dir);
		/* What SQLite may leave beside the file. */
		snprintf(tmp, sizeof tmp, "%s/b.db-wal", dir);
		unlink(tmp);
		snprintf(tmp, sizeof tmp, "%s/b.db-shm", dir);
		unlink(tmp);
		ok(rmdir(dir) == 0, "temp directory left clean");
	}
	return done_testing();
}
