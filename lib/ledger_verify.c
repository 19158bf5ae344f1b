/* ledger_verify.c - the audit committee's check: the hash chain entry by
 * entry, then every total against the entries. */
#include "uk_ledger.h"
#include "uk_hash.h"
#include "uk_i18n.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#define ZERO_HASH "0000000000000000000000000000000000000000000000000000000000000000"

void uk_ledger_entry_hash(const char *const fields[19], int allow_future, char out[UK_SHA256_HEX]);

/* The chain walked in id order: each entry must name the hash before it
 * and hash to what it stores. The first break stops the walk (65, said). */
struct chain { char prev[UK_SHA256_HEX]; long *entries; };

static int chain_row(sqlite3_stmt *st, void *ctx)
{
	struct chain *c = ctx;
	const char *fields[19];
	const char *stored_prev = uk_db_text(st, 18), *stored = uk_db_text(st, 19);
	char hash[UK_SHA256_HEX];
	long long id = sqlite3_column_int64(st, 0);
	for (int i = 0; i < 19; i++)
		fields[i] = uk_db_text(st, i);
	(*c->entries)++;
	if (!stored_prev || strcmp(stored_prev, c->prev) != 0) {
		uk_err("entry %lld: the chain is broken before it (an entry was removed, "
		       "inserted or its hash changed)", id);
		return UK_EX_DATAERR;
	}
	uk_ledger_entry_hash(fields, sqlite3_column_int(st, 20), hash);
	if (!hash[0])
		return uk_err_nomem();
	if (!stored || strcmp(stored, hash) != 0) {
		uk_err("entry %lld (%s): its content does not match its hash: changed behind "
		       "the tools' back", id, fields[1] ? fields[1] : "");
		return UK_EX_DATAERR;
	}
	memcpy(c->prev, stored, sizeof c->prev);
	return 0;
}

static int check_chain(struct uk_db *db, long *entries)
{
	sqlite3_stmt *st = uk_db_prepare(db,
		"SELECT id, date, fund, account, direction, category, subcategory, amount, member_id,"
		" activity_id, voucher, memo, void_of, transfer_of, overdraft, force_reason, dues_month,"
		" recorded_at, prev_hash, hash, allow_future FROM ledger_entries ORDER BY id");
	struct chain c = {ZERO_HASH, entries};
	int status;

	if (!st)
		return UK_EX_SOFTWARE;
	status = uk_db_each(db, st, chain_row, &c, N_("cannot read the ledger"));
	sqlite3_finalize(st);
	return status;
}

/* A total that does not match: said, 65. */
static int totals_row(sqlite3_stmt *st, void *ctx)
{
	(void)ctx;
	uk_err("the balances of %s:%s in %s do not match its entries: changed behind the tools' back",
	       uk_db_text(st, 0), uk_db_text(st, 1), uk_db_text(st, 2));
	return UK_EX_DATAERR;
}

/* The kept totals must be the sums of the entries, both ways round. */
static int check_totals(struct uk_db *db)
{
	sqlite3_stmt *st = uk_db_prepare(db,
		"WITH e AS (SELECT fund, account, category, substr(date, 1, 7) AS month,"
		"  sum(CASE direction WHEN 'in' THEN amount ELSE 0 END) AS i,"
		"  sum(CASE direction WHEN 'out' THEN amount ELSE 0 END) AS o"
		"  FROM ledger_entries GROUP BY 1, 2, 3, 4),"
		" t AS (SELECT fund, account, category, month, amount_in AS i, amount_out AS o"
		"  FROM ledger_totals WHERE amount_in <> 0 OR amount_out <> 0)"
		" SELECT fund, account, month FROM (SELECT * FROM e EXCEPT SELECT * FROM t)"
		" UNION ALL SELECT fund, account, month FROM (SELECT * FROM t EXCEPT SELECT * FROM e)"
		" LIMIT 1");
	int status, found;
	if (!st)
		return UK_EX_SOFTWARE;
	status = uk_db_one(db, st, totals_row, NULL, &found, N_("cannot read the ledger"));
	sqlite3_finalize(st);
	return status;
}

int uk_ledger_verify(struct uk_db *db, long *entries)
{
	int rc;
	*entries = 0;
	if ((rc = check_chain(db, entries)) != 0)
		return rc;
	return check_totals(db);
}
