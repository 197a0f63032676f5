/* The ordered row feed (row_feed.h). The ring holds RING rows; the
 * producer publishes its progress every CHUNK rows and the consumer frees
 * slots every CHUNK rows, both under one mutex. A slot is reused only
 * after the consumer has moved past it, and the consumer reads a slot only
 * after the producer published it, so the slots themselves need no lock. */
#include "core/compat.h"
#include "core/row_feed.h"
#include "core/xalloc.h"
#include <pthread.h>

enum { CHUNK = 128, RING = 16 * CHUNK };

struct row_feed {
	size_t n, size;
	row_feed_fill_fn fill;
	void *ctx;
	unsigned char *ring;
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t filled_cv, freed_cv;
	/* under mu */
	size_t filled; /* rows 0..filled-1 are ready */
	size_t freed;  /* the consumer is done with rows 0..freed-1 */
	int stop;
	/* the consumer's own */
	size_t next, filled_seen;
};

static void *slot(const struct row_feed *f, size_t i)
{
	return f->ring + (i % RING) * f->size;
}

static void *produce(void *arg)
{
	struct row_feed *f = arg;
	size_t freed_seen = 0;
	for (size_t i = 0; i < f->n; i++) {
		if (i - freed_seen >= RING) {
			pthread_mutex_lock(&f->mu);
			while (i - f->freed >= RING && !f->stop)
				pthread_cond_wait(&f->freed_cv, &f->mu);
			freed_seen = f->freed;
			int stop = f->stop;
			pthread_mutex_unlock(&f->mu);
			if (stop)
				return NULL;
		}
		f->fill(f->ctx, i, slot(f, i));
		if ((i + 1) % CHUNK == 0 || i + 1 == f->n) {
			pthread_mutex_lock(&f->mu);
			f->filled = i + 1;
			pthread_cond_signal(&f->filled_cv);
			int stop = f->stop;
			pthread_mutex_unlock(&f->mu);
			if (stop)
				return NULL;
		}
	}
	return NULL;
}

struct row_feed *row_feed_start(size_t n, size_t size, row_feed_fill_fn fill, void *ctx)
{
	if (!n || !size)
		return NULL;
	struct row_feed *f = xcalloc(1, sizeof(*f));
	f->n = n;
	f->size = size;
	f->fill = fill;
	f->ctx = ctx;
	f->ring = xmalloc(RING * size);
	pthread_mutex_init(&f->mu, NULL);
	pthread_cond_init(&f->filled_cv, NULL);
	pthread_cond_init(&f->freed_cv, NULL);
	if (pthread_create(&f->thread, NULL, produce, f) != 0) {
		pthread_cond_destroy(&f->freed_cv);
		pthread_cond_destroy(&f->filled_cv);
		pthread_mutex_destroy(&f->mu);
		free(f->ring);
		free(f);
		return NULL;
	}
	return f;
}

const void *row_feed_get(struct row_feed *f, size_t i)
{
	if (i != f->next || i >= f->n)
		return NULL;
	/* the caller is done with every row before i: hand back the chunk
	 * just left */
	int free_chunk = i && i % CHUNK == 0;
	if (free_chunk || i >= f->filled_seen) {
		pthread_mutex_lock(&f->mu);
		if (free_chunk) {
			f->freed = i;
			pthread_cond_signal(&f->freed_cv);
		}
		while (f->filled <= i)
			pthread_cond_wait(&f->filled_cv, &f->mu);
		f->filled_seen = f->filled;
		pthread_mutex_unlock(&f->mu);
	}
	f->next = i + 1;
	return slot(f, i);
}

void row_feed_finish(struct row_feed *f)
{
	if (!f)
		return;
	pthread_mutex_lock(&f->mu);
	f->stop = 1;
	pthread_cond_signal(&f->freed_cv);
	pthread_mutex_unlock(&f->mu);
	pthread_join(f->thread, NULL);
	pthread_cond_destroy(&f->freed_cv);
	pthread_cond_destroy(&f->filled_cv);
	pthread_mutex_destroy(&f->mu);
	free(f->ring);
	free(f);
}
