/* An ordered row feed: a second thread fills rows 0..n-1 of a fixed size
 * ahead of the thread that consumes them in order.
 *
 * Why: a bulk import spends its second pass inside SQLite on one core,
 * and building each row for it (decoding it from the import's arena,
 * hashing it into the batch digest) took a tenth of that time on the same
 * core. The feed moves that work to the machine's other core; rows are
 * handed over in chunks through a bounded ring, so the two threads meet
 * under the lock a few thousand times, not once per row. */
#ifndef WASDAL_CORE_ROW_FEED_H
#define WASDAL_CORE_ROW_FEED_H

#include <stddef.h>

/* Fills row i into slot (size bytes, not cleared). Called on the feed's
 * thread, for i = 0, 1, ... n-1 in that order. */
typedef void (*row_feed_fill_fn)(void *ctx, size_t i, void *slot);

struct row_feed;

/* Starts filling. NULL when n is 0 or no thread could be started: the
 * caller then fills its rows itself. */
struct row_feed *row_feed_start(size_t n, size_t size, row_feed_fill_fn fill, void *ctx);

/* Row i, waiting for the feed if it is not filled yet. Rows must be asked
 * for in order, each once; the pointer is valid until the next call. NULL
 * when i is not the next row (the caller then fills it itself). */
const void *row_feed_get(struct row_feed *f, size_t i);

/* Stops the feed's thread where it is, waits for it and frees the feed.
 * Rows not yet asked for may or may not have been filled. */
void row_feed_finish(struct row_feed *f);

#endif
