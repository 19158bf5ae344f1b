/* members_decode.c - member-add's records checked away from the database,
 * and the second thread that does it while the first one writes: reading,
 * decoding and checking an HR export costs as much as storing it. */
#include "members_priv.h"
#include "uk_hash.h"
#include "uk_queue.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

void uk_member_fpcols(const struct uk_reader *r, struct uk_member_fpcols *c)
{
	int id = uk_reader_has(r, UK_MF_ID_CARD);
	c->n = 0;
	for (int f = 0; f < UK_MF_COUNT; f++)
		/* An ID number gives the birth date and gender when the file
		 * does not. */
		if (uk_reader_has(r, f) || (id && (f == UK_MF_BIRTH_DATE || f == UK_MF_GENDER)))
			c->f[c->n++] = f;
}

void uk_member_fp(const struct uk_member_fpcols *c, const char *const v[UK_MF_COUNT],
                  unsigned char fp[UK_MEMBER_FP])
{
	const char *vals[UK_MF_COUNT];
	for (int i = 0; i < c->n; i++)
		vals[i] = v[c->f[i]];
	uk_sha256_fields_raw(vals, c->n, fp, UK_MEMBER_FP);
}

void uk_member_decode(const struct uk_member_decode_opts *o, struct uk_member_decoded *d)
{
	char *in[UK_MF_COUNT];
	d->line = uk_row_line(d->row);
	d->has_fp = 0;
	if ((d->why = uk_row_error(d->row)) != NULL)
		return;
	for (int f = 0; f < UK_MF_COUNT; f++)
		in[f] = uk_row_get(d->row, f);
	uk_member_decode_in(o, in, d);
}

void uk_member_decode_in(const struct uk_member_decode_opts *o, char *const in[UK_MF_COUNT],
                         struct uk_member_decoded *d)
{
	d->has_fp = 0;
	d->why = d->err;
	if (uk_member_normalize(in, &d->m, o->today, d->err, sizeof d->err) != 0)
		return;
	/* A status that changes, or a membership that begins, after today is
	 * a typo unless meant. (A hire date may be ahead: HR lists people
	 * who start next month.) */
	for (int k = 0; k < 2; k++) {
		const char *v = d->m.v[k ? UK_MF_JOIN_DATE : UK_MF_STATUS_DATE];
		struct uk_date day;
		const char *why;
		char future[200];
		if (v && uk_date_parse(v, &day, &why) == 0 &&
		    uk_future_check(day, o->allow_future, future, sizeof future) != 0) {
			uk_errf(d->err, sizeof d->err, "%s: %s", k ? "join_date" : "status_date", future);
			return;
		}
	}
	d->why = NULL;
	if (o->fpc) {
		uk_member_fp(o->fpc, (const char *const *)d->m.v, d->fp);
		d->has_fp = 1;
	}
}

/* Batches of records go round: decoded by the reading thread, queued,
 * taken by the writing one, handed back empty. Few and large, so that the
 * queue's lock is taken once per batch, and the memory held is bounded. */
enum { BATCH = 256, BATCHES = 6 };

struct batch {
	int n, next;
	int end;                     /* -1 more to come; else what reading ended with */
	struct uk_member_decoded d[BATCH];
};

struct uk_member_pipe {
	struct uk_reader *r;
	struct uk_member_decode_opts o;
	struct uk_queue *full, *empty;
	struct batch *all[BATCHES];
	struct batch *cur;           /* the writer's */
	void (*before)(void *);      /* run on the reading thread first */
	void *before_ctx;
	pthread_t th;
	int started;
};

static void *reading(void *arg)
{
	struct uk_member_pipe *p = arg;
	struct batch *b;
	if (p->before)
		p->before(p->before_ctx);
	while ((b = uk_queue_take(p->empty)) != NULL) {
		b->n = b->next = 0;
		b->end = -1;
		while (b->n < BATCH) {
			struct uk_member_decoded *d = &b->d[b->n];
			struct uk_row *row;
			int rc = uk_reader_next(p->r, &row);
			if (rc != 1) {
				b->end = rc;
				break;
			}
			if (uk_row_copy(p->r, d->row, row) != 0) {
				b->end = uk_err_nomem();
				break;
			}
			uk_member_decode(&p->o, d);
			b->n++;
		}
		if (uk_queue_put(p->full, b) != 0 || b->end >= 0)
			break;
	}
	return NULL;
}

static void pipe_free(struct uk_member_pipe *p)
{
	for (int i = 0; i < BATCHES; i++) {
		if (!p->all[i])
			continue;
		for (int k = 0; k < BATCH; k++)
			uk_row_free(p->all[i]->d[k].row);
		free(p->all[i]);
	}
	uk_queue_free(p->full);
	uk_queue_free(p->empty);
	free(p);
}

int uk_member_pipe_start(struct uk_reader *r, const struct uk_member_decode_opts *o,
                         void (*before)(void *), void *before_ctx, struct uk_member_pipe **out)
{
	struct uk_member_pipe *p = calloc(1, sizeof *p);
	*out = NULL;
	if (!p)
		return uk_err_nomem();
	p->r = r;
	p->o = *o;
	p->before = before;
	p->before_ctx = before_ctx;
	if (!(p->full = uk_queue_new(BATCHES)) || !(p->empty = uk_queue_new(BATCHES)))
		goto nomem;
	for (int i = 0; i < BATCHES; i++) {
		if (!(p->all[i] = calloc(1, sizeof *p->all[i])))
			goto nomem;
		for (int k = 0; k < BATCH; k++)
			if (!(p->all[i]->d[k].row = uk_row_new(r)))
				goto nomem;
		uk_queue_put(p->empty, p->all[i]);
	}
	if (pthread_create(&p->th, NULL, reading, p) != 0) {
		pipe_free(p);
		uk_err("cannot start a thread");
		return UK_EX_SOFTWARE;
	}
	p->started = 1;
	*out = p;
	return 0;
nomem:
	pipe_free(p);
	return uk_err_nomem();
}

void uk_member_pipe_wait(struct uk_member_pipe *p)
{
	if (!p->cur)
		p->cur = uk_queue_take(p->full);  /* it ends with a batch, at the least */
}

int uk_member_pipe_next(struct uk_member_pipe *p, struct uk_member_decoded **d)
{
	*d = NULL;
	for (;;) {
		struct batch *b = p->cur;
		if (b && b->next < b->n) {
			*d = &b->d[b->next++];
			return 1;
		}
		if (b && b->end >= 0)
			return b->end;
		if (b)
			uk_queue_put(p->empty, b);  /* never full: it holds them all */
		if (!(p->cur = uk_queue_take(p->full)))
			return UK_EX_SOFTWARE;  /* not reached: the reader ends with a batch */
	}
}

void uk_member_pipe_end(struct uk_member_pipe *p)
{
	if (!p)
		return;
	/* The reader may be waiting for room or for an empty batch. */
	uk_queue_stop(p->full);
	uk_queue_close(p->empty);
	if (p->started)
		pthread_join(p->th, NULL);
	pipe_free(p);
}
