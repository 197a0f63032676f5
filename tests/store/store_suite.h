/* The opening of a store conformance suite (tests/store/run.sh runs each on
 * both backends): the store S, opened and migrated from STORE_URL (an
 * in-memory SQLite database without it) as the cmocka group setup, and the
 * assertions every step of a suite uses. Include once, after store.h. */
#ifndef WASDAL_TESTS_STORE_SUITE_H
#define WASDAL_TESTS_STORE_SUITE_H

#include "store/store.h"
#include "unit/test_helpers.h"

static struct store *S;
/* What open_suite opened: suites that open a second connection use it. */
static const char *suite_url;

static int open_suite(void **state)
{
	(void)state;
	suite_url = getenv("STORE_URL");
	if (!suite_url || !*suite_url)
		suite_url = "sqlite::memory:";
	if (store_open(suite_url, &S)) {
		fprintf(stderr, "cannot open %s\n", suite_url);
		return -1;
	}
	int from, to;
	if (store_migrate(S, &from, &to)) {
		fprintf(stderr, "migrate: %s\n", store_last_error(S));
		return -1;
	}
	return 0;
}

static int close_suite(void **state)
{
	(void)state;
	store_close(S);
	return 0;
}

#define BEGIN_W() assert_int_eq(store_tx_begin(S, STORE_TX_WRITE), 0)
#define COMMIT() do { \
	int c_ = store_tx_commit(S); \
	if (c_) print_error("commit: %s\n", store_last_error(S)); \
	assert_int_eq(c_, 0); \
} while (0)
/* A store call that must succeed; the backend's error is printed if not. */
#define OK(call) do { \
	int r_ = (call); \
	if (r_) print_error("%s: %d %s\n", #call, r_, store_last_error(S)); \
	assert_int_eq(r_, 0); \
} while (0)

#endif
