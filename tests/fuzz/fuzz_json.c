/* fuzz_json.c - the record reader held to JSON and NDJSON input, so the
 * fuzzer spends its time in that parser: fuzz_records with the format
 * fixed. */
#define FUZZ_JSON_ONLY 1
#include "fuzz_records.c"
