#include "core/compat.h"
#include "core/radix_sort.h"
#include "test_helpers.h"

struct rec {
	uint64_t key;
	uint64_t seq; /* the original position: shows stability */
	char pad[16];
};

static int by_key_then_seq(const void *a, const void *b)
{
	const struct rec *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static uint64_t rng = 88172645463325252ull;
static uint64_t next_rand(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

/* key_of(i) shapes: full 64-bit, NIP-like (shared top bytes, duplicates),
 * few distinct, all equal. */
static uint64_t make_key(int shape)
{
	switch (shape) {
	case 0: return next_rand();
	case 1: return 190000000000000000ull + next_rand() % 20000000000000000ull / 1000 * 1000;
	case 2: return next_rand() % 5;
	default: return 42;
	}
}

static void check(size_t n, int shape)
{
	struct rec *a = calloc(n ? n : 1, sizeof(*a)), *b = calloc(n ? n : 1, sizeof(*b));
	for (size_t i = 0; i < n; i++) {
		a[i].key = make_key(shape);
		a[i].seq = i;
		memset(a[i].pad, (int)(i & 0xff), sizeof(a[i].pad));
	}
	memcpy(b, a, n * sizeof(*a));
	radix_sort_u64(a, n, sizeof(*a));
	if (n)
		qsort(b, n, sizeof(*b), by_key_then_seq);
	assert_int_eq(memcmp(a, b, n * sizeof(*a)), 0);
	free(a);
	free(b);
}

static void agrees_with_a_stable_qsort(void **state)
{
	(void)state;
	static const size_t sizes[] = { 0, 1, 2, 3, 255, 256, 1000, 100000 };
	for (int shape = 0; shape < 4; shape++)
		for (size_t k = 0; k < ARRAY_SIZE(sizes); k++)
			check(sizes[k], shape);
}

/* Records of the smallest size: the key alone. */
static void bare_keys(void **state)
{
	(void)state;
	uint64_t k[] = { 5, UINT64_MAX, 0, 1ull << 63, 5, 256, 255 };
	uint64_t want[] = { 0, 5, 5, 255, 256, 1ull << 63, UINT64_MAX };
	radix_sort_u64(k, ARRAY_SIZE(k), sizeof(k[0]));
	assert_int_eq(memcmp(k, want, sizeof(k)), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(agrees_with_a_stable_qsort),
		cmocka_unit_test(bare_keys),
	};
	return RUN_TESTS("radix_sort", tests);
}
