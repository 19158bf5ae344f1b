/* t_queue.c - unit tests for the bounded queue between two threads
 * (lib/core/uk_queue.h): every item arrives once and in order through a
 * queue much smaller than the stream; a taker that stops makes the
 * putter's next put fail instead of waiting for ever; a closed queue
 * hands out what it still holds, then NULL. Run under ThreadSanitizer by
 * make check-tsan. */
#include <pthread.h>
#include <stdint.h>

#include "uk_queue.h"
#include "tap.h"

enum { ITEMS = 100000 };

struct putter { struct uk_queue *q; long put, refused; };

static void *put_all(void *arg)
{
	struct putter *p = arg;
	for (uintptr_t i = 1; i <= ITEMS; i++) {
		if (uk_queue_put(p->q, (void *)i) != 0) {
			p->refused++;
			break;
		}
		p->put++;
	}
	uk_queue_close(p->q);
	return NULL;
}

int main(void)
{
	struct putter p = {uk_queue_new(3), 0, 0};
	pthread_t th;
	uintptr_t want = 1;
	long got = 0, out_of_order = 0;
	void *item;

	ok(p.q != NULL, "a queue of 3");
	pthread_create(&th, NULL, put_all, &p);
	while ((item = uk_queue_take(p.q)) != NULL) {
		if ((uintptr_t)item != want)
			out_of_order++;
		want = (uintptr_t)item + 1;
		got++;
	}
	pthread_join(th, NULL);
	is_int(got, ITEMS, "every item taken, through a queue of 3");
	is_int(out_of_order, 0, "in the order put");
	is_int(p.refused, 0, "no put refused");
	ok(uk_queue_take(p.q) == NULL, "closed and empty: NULL again");
	uk_queue_free(p.q);

	/* The taker stops after 10: the putter, waiting for room, is let go. */
	p = (struct putter){uk_queue_new(2), 0, 0};
	pthread_create(&th, NULL, put_all, &p);
	for (int i = 0; i < 10; i++)
		uk_queue_take(p.q);
	uk_queue_stop(p.q);
	pthread_join(th, NULL);
	is_int(p.refused, 1, "a stopped taker: the next put is refused");
	ok(p.put >= 10 && p.put <= 12, "the putter got no further than the queue's room (%ld put)", p.put);
	uk_queue_free(p.q);

	/* Closed with items in it: they come out first. */
	p.q = uk_queue_new(4);
	uk_queue_put(p.q, (void *)1);
	uk_queue_put(p.q, (void *)2);
	uk_queue_close(p.q);
	ok(uk_queue_take(p.q) == (void *)1 && uk_queue_take(p.q) == (void *)2 && uk_queue_take(p.q) == NULL,
	   "closed: what it holds, in order, then NULL");
	uk_queue_free(p.q);
	return done_testing();
}
