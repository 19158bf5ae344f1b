/* uk_config.h - the union's profile and settings (union-config). Every key
 * is known and checked, like git config. */
#ifndef UK_CONFIG_H
#define UK_CONFIG_H

#include "uk_db.h"
#include "uk_rec.h"

#define UK_CONFIG_SCHEMA_V1 \
	"CREATE TABLE config(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"

struct uk_config_key {
	const char *key;
	const char *default_value;  /* NULL: unset by default */
	const char *help;           /* what the value is, for --list and errors */
};

/* All known keys, in the order --list shows them; NULL-terminated by key. */
const struct uk_config_key *uk_config_keys(void);
const struct uk_config_key *uk_config_find(const char *key);

/* Checks and normalises value for key into a new string (*out). 0 ok,
 * -1 with *why a static reason, or 70 out of memory (said). */
int uk_config_check(const struct uk_config_key *k, const char *value, char **out,
                    const char **why);
/* The known key named key (*k), and value (when not NULL) checked and
 * normalised into a new string (*out): 0; -1 for an unknown key or a bad
 * value, said in err ("bad value for KEY: why ('VALUE')"); or 70. */
int uk_config_value(const char *key, const char *value, const struct uk_config_key **k,
                    char **out, char *err, size_t errsz);

/* The value in force (stored, else default) as a new string, or NULL when
 * unset. Returns an exit code. */
int uk_config_get(struct uk_db *db, const char *key, char **out);
/* Stores a value (already checked). Exit code. */
int uk_config_set(struct uk_db *db, const char *key, const char *value);
/* Removes a stored value: *removed says whether there was one. */
int uk_config_unset(struct uk_db *db, const char *key, int *removed);
/* An integer setting (e.g. disputes.limit_days). */
int uk_config_get_int(struct uk_db *db, const char *key, long *out);
/* Every known key, in order, with its value in force, default and
 * description, to w (columns uk_config_outcols). Exit code: 74 when w
 * failed. */
const struct uk_outcol *uk_config_outcols(int *n);
int uk_config_list(struct uk_db *db, struct uk_writer *w);
#endif
