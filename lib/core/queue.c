/* queue.c - a bounded FIFO under one mutex: the two sides of a pipeline
 * hand over batches of work, so a lock per item is cheap enough. */
#include "uk_queue.h"

#include <pthread.h>
#include <stdlib.h>

struct uk_queue {
	pthread_mutex_t mu;
	pthread_cond_t not_empty, not_full;
	void **items;
	size_t cap, head, n;
	int closed, stopped;
};

struct uk_queue *uk_queue_new(size_t cap)
{
	struct uk_queue *q = calloc(1, sizeof *q);
	if (!q)
		return NULL;
	if (!(q->items = calloc(cap ? cap : 1, sizeof *q->items))) {
		free(q);
		return NULL;
	}
	q->cap = cap ? cap : 1;
	pthread_mutex_init(&q->mu, NULL);
	pthread_cond_init(&q->not_empty, NULL);
	pthread_cond_init(&q->not_full, NULL);
	return q;
}

int uk_queue_put(struct uk_queue *q, void *item)
{
	int rc = 0;
	pthread_mutex_lock(&q->mu);
	while (q->n == q->cap && !q->stopped)
		pthread_cond_wait(&q->not_full, &q->mu);
	if (q->stopped) {
		rc = -1;
	} else {
		q->items[(q->head + q->n) % q->cap] = item;
		q->n++;
		pthread_cond_signal(&q->not_empty);
	}
	pthread_mutex_unlock(&q->mu);
	return rc;
}

void *uk_queue_take(struct uk_queue *q)
{
	void *item = NULL;
	pthread_mutex_lock(&q->mu);
	while (q->n == 0 && !q->closed)
		pthread_cond_wait(&q->not_empty, &q->mu);
	if (q->n) {
		item = q->items[q->head];
		q->head = (q->head + 1) % q->cap;
		q->n--;
		pthread_cond_signal(&q->not_full);
	}
	pthread_mutex_unlock(&q->mu);
	return item;
}

void uk_queue_close(struct uk_queue *q)
{
	pthread_mutex_lock(&q->mu);
	q->closed = 1;
	pthread_cond_broadcast(&q->not_empty);
	pthread_mutex_unlock(&q->mu);
}

void uk_queue_stop(struct uk_queue *q)
{
	pthread_mutex_lock(&q->mu);
	q->stopped = 1;
	pthread_cond_broadcast(&q->not_full);
	pthread_mutex_unlock(&q->mu);
}

void uk_queue_free(struct uk_queue *q)
{
	if (!q)
		return;
	pthread_mutex_destroy(&q->mu);
	pthread_cond_destroy(&q->not_empty);
	pthread_cond_destroy(&q->not_full);
	free(q->items);
	free(q);
}
