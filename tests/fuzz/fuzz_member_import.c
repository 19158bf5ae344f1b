/* fuzz_member_import.c - member-add's whole path on any file: reading,
 * normalising every field, matching existing members by each key, the
 * transaction, the listing of what changed. The register lives in memory
 * and holds three members; every input runs as a dry run, so each starts
 * from the same register. */
#include "fuzz.h"
#include "uk_members.h"
#include "uk_store.h"

static const char seed_csv[] =
	"employee_no,name,id_card,phone,unit,join_date,wage_base,status\n"
	"E001,张三明,11010519491231002X,13800138000,教务处,2015-09-01,5234.50,active\n"
	"E002,李四,440524188001010014,13912345678,后勤处,2010/3/1,4000,retired\n"
	"E003,王五,,,保卫处,,,\n";

static struct uk_db *db;
static FILE *devnull;

static int import(const uint8_t *data, size_t size, const struct uk_read_opts *ro,
                  const struct uk_member_import_opts *io)
{
	struct uk_member_source src = { NULL, NULL };
	struct uk_import_stats st;
	const struct uk_colspec *cols;
	int ncols, rc;

	cols = uk_member_colspec(&ncols);
	if ((rc = uk_reader_open(fuzz_file(data, size), cols, ncols, ro, &src.reader)) != 0)
		return rc;
	rc = uk_members_import(db, &src, io, &st);
	uk_reader_close(src.reader);
	return rc;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct uk_opts o;
	struct uk_read_opts ro;
	struct uk_member_import_opts io;

	(void)argc;
	(void)argv;
	uk_cli_init("fuzz_member_import");
	memset(&o, 0, sizeof o);
	o.db_path = "/nonexistent/unionkit-fuzz.db";   /* created dry: in memory */
	o.dry_run = 1;
	if (uk_store_open(&o, UK_DB_CREATE, &db) != 0)
		abort();
	memset(&ro, 0, sizeof ro);
	memset(&io, 0, sizeof io);
	io.quiet = 1;
	if (import((const uint8_t *)seed_csv, sizeof seed_csv - 1, &ro, &io) != 0)
		abort();
	if (!(devnull = fopen("/dev/null", "w")))
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct uk_read_opts ro;
	struct uk_member_import_opts io;
	const struct uk_outcol *outcols;
	int nout, rc;
	unsigned b;

	if (size < 1)
		return 0;
	b = data[0];
	memset(&ro, 0, sizeof ro);
	ro.encoding = (enum uk_encoding)(b % 3);
	ro.format = (enum uk_input_format)((b >> 2) % 3);
	memset(&io, 0, sizeof io);
	io.key = (enum uk_member_key)((b >> 4) & 3);
	io.skip_bad = (b >> 6) & 1;
	io.list_missing = (b >> 7) & 1;
	io.mask = (b >> 3) & 1;
	io.dry_run = 1;
	io.quiet = 1;
	outcols = uk_member_outcols(&nout);
	io.out = uk_writer_new(devnull, UK_FMT_CSV, 0, outcols, nout);
	rc = import(data + 1, size - 1, &ro, &io);
	uk_writer_close(io.out, rc);
	/* 0, 1 (skipped), or a refusal with its exit code; never a crash and
	 * never an internal error. */
	FUZZ_ASSERT(rc == 0 || rc == 1 || (rc >= 64 && rc <= 78 && rc != UK_EX_SOFTWARE));
	return 0;
}
