/* uk_metrics.h - what a plan's target can measure: one table of names,
 * each computed over a period by asking the module that owns the data. */
#ifndef UK_METRICS_H
#define UK_METRICS_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include "uk_date.h"
#include "uk_db.h"

enum uk_metric_unit { UK_UNIT_COUNT, UK_UNIT_PERMILLE, UK_UNIT_FEN };
struct uk_metric {
	const char *name;            /* culture_sports: what a plan stores */
	enum uk_metric_unit unit;
	const char *help;
	const char *zh;              /* 文体活动: what a plan may write instead */
	const char *measure;         /* 次, 人, 户: a count's word (5次); NULL else */
};
/* The metric called name, by its name (a '-' for a '_'), its Chinese name,
 * or for an activity kind any word of the kind (技能比武; 技能比武人次 for
 * its participants); NULL when none. */
const struct uk_metric *uk_metric_find(const char *name);
/* Every metric, for documentation; NULL-terminated by name. */
const struct uk_metric *uk_metrics(int *n);
/* Checks "OP VALUE" for metric m: value in the metric's unit. */
int uk_metric_value_parse(const struct uk_metric *m, const char *text, int64_t *value, const char **why);
/* The metric's value over a period (-1 for a rate with no denominator). */
int uk_metric_compute(struct uk_db *db, const char *name, struct uk_period p, int64_t *value);
void uk_metric_format(const struct uk_metric *m, int64_t value, char *buf, size_t n);
/* A target as a sentence says it: "study", ">=", "4" as 学习不少于4, a
 * rate's 不低于, money with 元. Written as given when the metric or the
 * operator is unknown. */
void uk_metric_target_words(const char *metric, const char *op, const char *value, FILE *out);
/* A plan row's target, "study >= 4", in words the same way; as given when
 * it is not METRIC OP VALUE. */
void uk_metric_target_text(const char *target, FILE *out);
/* A plan row's actual, as its target's metric writes figures: a count with
 * its word (5次, 3人), money in yuan without .00 (3200元), a rate without
 * .0 (50%, 73.7%). As given when the target's metric is unknown. */
void uk_metric_actual_words(const char *target, const char *actual, FILE *out);
/* The dispute figures of period p as the union's settings count them
 * (disputes.collective_threshold, disputes.limit_days), open cases
 * overdue at the period's end or today, whichever comes first: what the
 * dispute metrics and the reports give. Exit code. */
struct uk_dispute_stats;
int uk_metric_disputes(struct uk_db *db, struct uk_period p, struct uk_dispute_stats *s);
#endif
