#include "core/compat.h"
#include "core/row_feed.h"
#include "test_helpers.h"

/* Each row carries its number and a checksum of the rows filled before it,
 * so a row filled out of order, twice, or read from a reused slot shows. */
struct row {
	size_t i;
	uint64_t before;
	char pad[40];
};

struct src {
	uint64_t sum; /* the feed thread's own */
	size_t calls;
};

static void fill(void *ctx, size_t i, void *slot)
{
	struct src *s = ctx;
	struct row *r = slot;
	r->i = i;
	r->before = s->sum;
	memset(r->pad, (int)(i & 0x7f), sizeof(r->pad));
	s->sum = s->sum * 31 + i + 1;
	s->calls++;
}

static void consume(size_t n)
{
	struct src s = { 0, 0 };
	struct row_feed *f = row_feed_start(n, sizeof(struct row), fill, &s);
	assert_non_null(f);
	uint64_t sum = 0;
	for (size_t i = 0; i < n; i++) {
		const struct row *r = row_feed_get(f, i);
		assert_non_null(r);
		assert_int_eq(r->i, i);
		assert_true(r->before == sum);
		assert_int_eq(r->pad[39], (char)(i & 0x7f));
		sum = sum * 31 + i + 1;
	}
	assert_null(row_feed_get(f, n)); /* past the end */
	row_feed_finish(f);
	assert_int_eq(s.calls, n);
	assert_true(s.sum == sum);
}

/* Lengths around the chunk (128) and ring (2048) sizes, and many rings. */
static void every_row_in_order(void **state)
{
	(void)state;
	static const size_t lengths[] = { 1, 2, 127, 128, 129, 2047, 2048, 2049, 4096, 50001 };
	for (size_t k = 0; k < ARRAY_SIZE(lengths); k++)
		consume(lengths[k]);
}

static void nothing_to_feed(void **state)
{
	(void)state;
	struct src s = { 0, 0 };
	assert_null(row_feed_start(0, sizeof(struct row), fill, &s));
	row_feed_finish(NULL);
	assert_int_eq(s.calls, 0);
}

/* A row asked for out of order is refused, and so is every later one:
 * the caller fills rows itself from then on. */
static void out_of_order_is_refused(void **state)
{
	(void)state;
	struct src s = { 0, 0 };
	struct row_feed *f = row_feed_start(1000, sizeof(struct row), fill, &s);
	assert_non_null(f);
	assert_non_null(row_feed_get(f, 0));
	assert_null(row_feed_get(f, 0)); /* twice */
	assert_null(row_feed_get(f, 5)); /* a skip */
	const struct row *r = row_feed_get(f, 1);
	assert_non_null(r);
	assert_int_eq(r->i, 1);
	row_feed_finish(f);
}

/* Stopping early, with the feed thread blocked on a full ring, neither
 * hangs nor fills every row. */
static void stop_early(void **state)
{
	(void)state;
	struct src s = { 0, 0 };
	struct row_feed *f = row_feed_start(1000000, sizeof(struct row), fill, &s);
	assert_non_null(f);
	for (size_t i = 0; i < 300; i++)
		assert_non_null(row_feed_get(f, i));
	row_feed_finish(f);
	assert_true(s.calls >= 300);
	assert_true(s.calls < 1000000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_row_in_order),
		cmocka_unit_test(nothing_to_feed),
		cmocka_unit_test(out_of_order_is_refused),
		cmocka_unit_test(stop_early),
	};
	return RUN_TESTS("row_feed", tests);
}
