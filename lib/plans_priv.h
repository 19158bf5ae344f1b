/* plans_priv.h - what plans.c (the model, writers, storage) and
 * plan_read.c (reading a plan) share; no other file includes it. */
#ifndef UK_PLANS_PRIV_H
#define UK_PLANS_PRIV_H

#include "uk_plans.h"

/* A (sub-)section added at the end of p: 0, or -1 out of memory. */
int uk_plan_add_section(struct uk_plan *p, int number, int sub, const char *title);
/* A zeroed item added at the end of p, or NULL out of memory. */
struct uk_plan_item *uk_plan_add_item(struct uk_plan *p);
/* The index of the first (sub-)section numbered (number, sub), or -1. */
int uk_plan_group_of(const struct uk_plan *p, int number, int sub);
#endif
