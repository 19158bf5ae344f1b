/* t_config.c - unit tests for config.c: the known keys, the check of every
 * key, defaults, and set/get/unset on a database from uk_store_open. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "uk_config.h"
#include "uk_ids.h"
#include "uk_store.h"
#include "tap.h"
#include "capture.h"

/* Out of memory on demand: while fail_strdup is set, the library's strdup
 * (this one, linked before the C library's) fails. */
static int fail_strdup;
char *strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = fail_strdup ? NULL : malloc(n);
	if (p)
		memcpy(p, s, n);
	return p;
}

/* The normalised value of key=value, or "!" + the reason when refused. */
static const char *chk(const char *key, const char *value)
{
	static char buf[512];
	const struct uk_config_key *k = uk_config_find(key);
	char *out = (char *)"unchanged";
	const char *why = NULL;
	if (!k)
		return "!no such key";
	if (uk_config_check(k, value, &out, &why) != 0) {
		if (out)
			return "!output set on error";
		snprintf(buf, sizeof buf, "!%s", why ? why : "(no reason)");
		return buf;
	}
	snprintf(buf, sizeof buf, "%s", out ? out : "(null)");
	free(out);
	return buf;
}

static int refused(const char *key, const char *value)
{
	const char *r = chk(key, value);
	if (r[0] != '!' || strcmp(r, "!no such key") == 0 || strcmp(r, "!output set on error") == 0) {
		printf("#   %s = '%s' gave '%s'\n", key, value, r);
		return 0;
	}
	return 1;
}

/* The value in force, or "(unset)"; "(error N)" on failure. */
static const char *get(struct uk_db *db, const char *key)
{
	static char buf[512];
	char *v = (char *)"garbage";
	int rc = uk_config_get(db, key, &v);
	if (rc) {
		snprintf(buf, sizeof buf, "(error %d)", rc);
		return buf;
	}
	snprintf(buf, sizeof buf, "%s", v ? v : "(unset)");
	free(v);
	return buf;
}

static void test_keys(void)
{
	static const char *const want[] = {
		"union.name", "union.level", "union.parent", "union.code", "union.unit_type",
		"funds.allocation_share", "disputes.limit_days", "disputes.collective_threshold",
		"disclosure.frequency", "care.cap.sick", "care.cap.birth", "care.cap.wedding",
		"care.cap.retirement", "care.cap.bereavement", "care.cap.birthday", "care.cap.holiday", NULL,
	};
	const struct uk_config_key *k = uk_config_keys();
	int n = 0, in_order = 1;

	for (; k[n].key; n++)
		if (n > 15 || strcmp(k[n].key, want[n]) != 0)
			in_order = 0;
	is_int(n, 16, "keys: sixteen known keys");
	ok(in_order, "keys: the contract's keys, in order");
	for (int i = 0; want[i]; i++)
		ok(uk_config_find(want[i]) && !strcmp(uk_config_find(want[i])->key, want[i]), "find %s", want[i]);
	ok(uk_config_find("union.nam") == NULL, "find: unknown key is NULL");
	ok(uk_config_find("") == NULL, "find: empty key is NULL");
	ok(uk_config_find("union") == NULL, "find: section alone is NULL");
	for (k = uk_config_keys(); k->key; k++)
		ok(k->help && *k->help, "%s has help text", k->key);
	is_str(uk_config_find("union.level")->default_value, "grassroots", "default union.level");
	is_str(uk_config_find("funds.allocation_share")->default_value, "60", "default allocation_share");
	is_str(uk_config_find("disputes.limit_days")->default_value, "15", "default limit_days");
	is_str(uk_config_find("disputes.collective_threshold")->default_value, "10",
	       "default collective_threshold");
	is_str(uk_config_find("disclosure.frequency")->default_value, "monthly", "default frequency");
	ok(uk_config_find("union.name")->default_value == NULL, "union.name has no default");
	ok(uk_config_find("union.code")->default_value == NULL, "union.code has no default");
}

static void test_checks(void)
{
	char code[19], code91[19], badcheck[19], fw[64];
	const char *msg;

	/* union.level */
	is_str(chk("union.level", "grassroots"), "grassroots", "level grassroots");
	is_str(chk("union.level", "federation"), "federation", "level federation");
	is_str(chk("union.level", "  federation "), "federation", "level trimmed");
	ok(refused("union.level", "county"), "level county refused");
	ok(refused("union.level", "grassroot"), "level grassroot refused");
	ok(refused("union.level", ""), "level empty refused");

	/* disclosure.frequency */
	is_str(chk("disclosure.frequency", "monthly"), "monthly", "frequency monthly");
	is_str(chk("disclosure.frequency", "quarterly"), "quarterly", "frequency quarterly");
	is_str(chk("disclosure.frequency", "half-year"), "half-year", "frequency half-year");
	ok(refused("disclosure.frequency", "yearly"), "frequency yearly refused");
	ok(refused("disclosure.frequency", "half year"), "frequency 'half year' refused");
	ok(refused("disclosure.frequency", "weekly"), "frequency weekly refused");

	/* funds.allocation_share 0..100 */
	is_str(chk("funds.allocation_share", "0"), "0", "share 0");
	is_str(chk("funds.allocation_share", "60"), "60", "share 60");
	is_str(chk("funds.allocation_share", "100"), "100", "share 100");
	is_str(chk("funds.allocation_share", " 75 "), "75", "share trimmed");
	ok(refused("funds.allocation_share", "101"), "share 101 refused");
	ok(refused("funds.allocation_share", "-1"), "share -1 refused");
	ok(refused("funds.allocation_share", "60.5"), "share 60.5 refused");
	ok(refused("funds.allocation_share", "60%"), "share 60%% refused");
	ok(refused("funds.allocation_share", "abc"), "share abc refused");
	ok(refused("funds.allocation_share", "99999999999999999999"), "share huge refused");

	/* disputes.limit_days 1..365 */
	is_str(chk("disputes.limit_days", "1"), "1", "limit_days 1");
	is_str(chk("disputes.limit_days", "15"), "15", "limit_days 15");
	is_str(chk("disputes.limit_days", "365"), "365", "limit_days 365");
	ok(refused("disputes.limit_days", "0"), "limit_days 0 refused");
	ok(refused("disputes.limit_days", "366"), "limit_days 366 refused");
	ok(refused("disputes.limit_days", "-5"), "limit_days -5 refused");
	ok(refused("disputes.limit_days", "1e2"), "limit_days 1e2 refused");

	/* disputes.collective_threshold 2..100000 */
	is_str(chk("disputes.collective_threshold", "2"), "2", "threshold 2");
	is_str(chk("disputes.collective_threshold", "10"), "10", "threshold 10");
	is_str(chk("disputes.collective_threshold", "100000"), "100000", "threshold 100000");
	ok(refused("disputes.collective_threshold", "1"), "threshold 1 refused");
	ok(refused("disputes.collective_threshold", "0"), "threshold 0 refused");
	ok(refused("disputes.collective_threshold", "100001"), "threshold 100001 refused");
	ok(refused("disputes.collective_threshold", "ten"), "threshold ten refused");

	/* union.code: a USCC beginning with 81. */
	memcpy(code, "81110105MC1234567", 17);
	code[17] = uk_uscc_check_char(code);
	code[18] = '\0';
	ok(code[17] != 0, "a valid 81 code computed (%s)", code);
	is_int(uk_uscc_check(code), 0, "the computed code checks");
	cap_start();
	is_str(chk("union.code", code), code, "code: valid 81 code accepted");
	msg = cap_end_trimmed();
	is_str(msg, "", "code: no warning for a valid code");
	memcpy(code91, "91110105MC1234567", 17);
	code91[17] = uk_uscc_check_char(code91);
	code91[18] = '\0';
	ok(refused("union.code", code91), "code: a company's 91 code refused");
	{
		const char *r = chk("union.code", code91);
		ok(strstr(r, "81") != NULL, "code: the reason names 81 (%s)", r);
	}
	{
		char c17[19], c19[20];
		snprintf(c17, sizeof c17, "%.17s", code);
		snprintf(c19, sizeof c19, "%s0", code);
		ok(refused("union.code", c17), "code: 17 characters refused");
		ok(refused("union.code", c19), "code: 19 characters refused");
	}
	ok(refused("union.code", "81110105MI1234567X"), "code: letter I refused");
	ok(refused("union.code", "81110105MO1234567X"), "code: letter O refused");
	/* Full-width characters folded. */
	{
		size_t o = 0;
		for (int i = 0; i < 18; i++) {
			unsigned c = 0xFF00 + (unsigned char)code[i] - 0x20;  /* U+FF10.. */
			fw[o++] = (char)(0xE0 | (c >> 12));
			fw[o++] = (char)(0x80 | ((c >> 6) & 0x3F));
			fw[o++] = (char)(0x80 | (c & 0x3F));
		}
		fw[o] = '\0';
		is_str(chk("union.code", fw), code, "code: full-width folded");
	}
	/* A wrong check character: kept with a warning (early pilot codes). */
	memcpy(badcheck, code, 19);
	badcheck[17] = badcheck[17] == '0' ? '1' : '0';
	cap_start();
	is_str(chk("union.code", badcheck), badcheck, "code: wrong check character kept");
	msg = cap_end_trimmed();
	ok(strstr(msg, "warning") != NULL, "code: with a warning (%s)", msg);

	/* Free text: union.name and the others. */
	is_str(chk("union.name", "某某中学工会"), "某某中学工会", "name: Chinese");
	is_str(chk("union.name", "  某某中学工会\xE3\x80\x80"), "某某中学工会", "name: trimmed, U+3000 too");
	is_str(chk("union.parent", "某某街道总工会"), "某某街道总工会", "parent");
	is_str(chk("union.unit_type", "事业单位"), "事业单位", "unit_type");
	ok(refused("union.name", ""), "name: empty refused");
	ok(refused("union.name", "   "), "name: blanks refused");
	ok(refused("union.name", "\xFF\xFE"), "name: invalid UTF-8 refused");
	{
		char long_name[260];
		memset(long_name, 'x', 201);
		long_name[201] = '\0';
		ok(refused("union.name", long_name), "name: 201 bytes refused");
		long_name[200] = '\0';
		is_int((long)strlen(chk("union.name", long_name)), 200, "name: 200 bytes accepted");
	}
}

static void test_nomem(struct uk_db *db);

static void test_store(const char *path)
{
	struct uk_opts o;
	struct uk_db *db = NULL;
	struct stat sb;
	int rc, removed = -1;
	long n = -1;
	const char *tricky = "x'); DROP TABLE config; --";

	memset(&o, 0, sizeof o);
	o.db_path = path;
	cap_start();
	rc = uk_store_open(&o, UK_DB_CREATE, &db);
	cap_end_trimmed();
	is_int(rc, 0, "store: opens a new database");
	ok(stat(path, &sb) == 0, "store: file created at db_path");
	if (!db)
		return;
	ok(uk_store_schema_version() >= 1, "store: schema version >= 1");
	{
		sqlite3_stmt *st = NULL;
		int v = -1;
		if (sqlite3_prepare_v2(uk_db_sqlite(db), "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
		is_int(v, uk_store_schema_version(), "store: user_version is the schema version");
	}

	/* Defaults on a fresh database. */
	is_str(get(db, "union.level"), "grassroots", "get default union.level");
	is_str(get(db, "funds.allocation_share"), "60", "get default funds.allocation_share");
	is_str(get(db, "disputes.limit_days"), "15", "get default disputes.limit_days");
	is_str(get(db, "disputes.collective_threshold"), "10", "get default collective_threshold");
	is_str(get(db, "disclosure.frequency"), "monthly", "get default disclosure.frequency");
	is_str(get(db, "union.name"), "(unset)", "get union.name unset");
	is_str(get(db, "union.code"), "(unset)", "get union.code unset");
	is_int(uk_config_get_int(db, "disputes.limit_days", &n), 0, "get_int ok");
	is_int(n, 15, "get_int default 15");

	/* set / get / unset, in one write transaction as every command does
	 * (a file created by an open that never commits is removed). */
	is_int(uk_db_begin(db), 0, "begin");
	is_int(uk_config_set(db, "union.name", "某某中学工会"), 0, "set union.name");
	is_str(get(db, "union.name"), "某某中学工会", "get union.name after set");
	is_int(uk_config_set(db, "union.name", "另一工会"), 0, "set union.name again");
	is_str(get(db, "union.name"), "另一工会", "set overwrites");
	is_int(uk_config_set(db, "disputes.limit_days", "30"), 0, "set limit_days 30");
	is_int(uk_config_get_int(db, "disputes.limit_days", &n), 0, "get_int after set");
	is_int(n, 30, "get_int 30");
	is_int(uk_config_set(db, "union.parent", tricky), 0, "set a value with SQL metacharacters");
	is_str(get(db, "union.parent"), tricky, "SQL metacharacters round trip");
	is_str(get(db, "union.name"), "另一工会", "other keys untouched");

	is_int(uk_config_unset(db, "union.name", &removed), 0, "unset union.name");
	is_int(removed, 1, "unset: there was a value");
	is_str(get(db, "union.name"), "(unset)", "unset: gone");
	removed = -1;
	is_int(uk_config_unset(db, "union.name", &removed), 0, "unset again");
	is_int(removed, 0, "unset again: nothing removed");
	is_int(uk_config_unset(db, "disputes.limit_days", &removed), 0, "unset limit_days");
	is_int(removed, 1, "unset limit_days: removed");
	is_str(get(db, "disputes.limit_days"), "15", "unset: back to the default");
	is_int(uk_config_set(db, "disclosure.frequency", "quarterly"), 0, "set frequency");
	is_int(uk_db_commit(db), 0, "commit");
	uk_db_close(db);

	/* Stored values survive; a read-only open sees them. */
	db = NULL;
	cap_start();
	rc = uk_store_open(&o, UK_DB_READ, &db);
	cap_end_trimmed();
	is_int(rc, 0, "store: reopens read-only");
	if (!db)
		return;
	is_str(get(db, "disclosure.frequency"), "quarterly", "persisted frequency");
	is_str(get(db, "union.parent"), tricky, "persisted parent");
	is_str(get(db, "union.name"), "(unset)", "persisted unset");
	test_nomem(db);
	uk_db_close(db);
}

/* Out of memory is 70, said, never a bad value (65) nor "unset". */
static void test_nomem(struct uk_db *db)
{
	const struct uk_config_key *k = uk_config_find("union.parent");
	const char *why = NULL, *msg;
	char *out = NULL, err[200] = "";
	int rc;

	cap_start();
	fail_strdup = 1;
	rc = uk_config_check(k, "某某街道总工会", &out, &why);
	fail_strdup = 0;
	msg = cap_end();
	is_int(rc, 70, "nomem: check is 70, not a bad value");
	ok(!out && !why, "nomem: check gives no value and no reason");
	ok(strstr(msg, "out of memory") != NULL, "nomem: check says it (%s)", msg);

	cap_start();
	fail_strdup = 1;
	rc = uk_config_value("union.parent", "某某街道总工会", &k, &out, err, sizeof err);
	fail_strdup = 0;
	cap_end();
	is_int(rc, 70, "nomem: value is 70");
	is_str(err, "", "nomem: value leaves err alone");

	/* union.parent is stored (test_store), union.level has a default. */
	for (int i = 0; i < 2; i++) {
		cap_start();
		fail_strdup = 1;
		rc = uk_config_get(db, i ? "union.level" : "union.parent", &out);
		fail_strdup = 0;
		cap_end();
		is_int(rc, 70, "nomem: get of a %s is 70, not unset", i ? "default" : "stored value");
	}
}

static void test_value(void)
{
	const struct uk_config_key *k = NULL;
	char *out = NULL, err[200];
	is_int(uk_config_value("union.colour", "red", &k, &out, err, sizeof err), -1, "value: unknown key");
	ok(strstr(err, "unknown key 'union.colour'") != NULL, "value: unknown key said (%s)", err);
	is_int(uk_config_value("union.level", "county", &k, &out, err, sizeof err), -1, "value: bad value");
	is_str(err, "bad value for union.level: must be grassroots or federation ('county')",
	       "value: bad value said with the key and the value");
	is_int(uk_config_value("union.level", " federation ", &k, &out, err, sizeof err), 0, "value: good");
	is_str(out, "federation", "value: normalised");
	is_str(k->key, "union.level", "value: the key found");
	free(out);
	is_int(uk_config_value("union.level", NULL, &k, &out, err, sizeof err), 0, "value: key alone");
	ok(!out, "value: key alone gives no value");
}

int main(void)
{
	char dir[] = "/tmp/t_config.XXXXXX";
	char path[64], tmp[80];
	static const char *const sfx[] = {"", "-wal", "-shm", "-journal", NULL};

	uk_cli_init("t_config");
	test_keys();
	test_checks();
	test_value();
	if (!mkdtemp(dir)) {
		printf("# cannot make a temp directory\n");
		return 1;
	}
	snprintf(path, sizeof path, "%s/union.db", dir);
	test_store(path);
	for (int i = 0; sfx[i]; i++) {
		snprintf(tmp, sizeof tmp, "%s%s", path, sfx[i]);
		unlink(tmp);
	}
	ok(rmdir(dir) == 0, "temp directory left clean");
	return done_testing();
}
