/* uk_queue.h - a bounded queue between two threads: one puts items in
 * order, the other takes them in the same order. */
#ifndef UK_QUEUE_H
#define UK_QUEUE_H

#include <stddef.h>

struct uk_queue;
/* A queue of at most cap items; NULL on no memory. */
struct uk_queue *uk_queue_new(size_t cap);
/* Puts item, waiting while the queue is full. 0, or -1 when the taker has
 * stopped (uk_queue_stop): the item stays the caller's. */
int uk_queue_put(struct uk_queue *q, void *item);
/* Takes the oldest item, waiting while the queue is empty; NULL once the
 * putter has closed it and it is empty. */
void *uk_queue_take(struct uk_queue *q);
/* The putter: no more items. */
void uk_queue_close(struct uk_queue *q);
/* The taker: it takes no more; a waiting or later put fails. */
void uk_queue_stop(struct uk_queue *q);
/* Frees the queue; items still in it are the caller's to have taken. */
void uk_queue_free(struct uk_queue *q);
#endif
