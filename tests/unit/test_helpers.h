/* cmocka plus asserts that print signed decimals and strings readably
 * (cmocka's assert_int_equal prints unsigned hex). */
#ifndef WASDAL_TEST_HELPERS_H
#define WASDAL_TEST_HELPERS_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#define assert_int_eq(a, b) do { \
	long long a_ = (long long)(a), b_ = (long long)(b); \
	if (a_ != b_) { \
		print_error("%s = %lld, expected %s = %lld\n", #a, a_, #b, b_); \
		fail(); \
	} \
} while (0)

#define assert_str_eq(a, b) do { \
	const char *a_ = (a), *b_ = (b); \
	if (!a_ || !b_ || strcmp(a_, b_)) { \
		print_error("%s = \"%s\", expected \"%s\"\n", #a, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); \
		fail(); \
	} \
} while (0)

/* Run a group in TAP form so scripts/test.sh can count it. */
#define RUN_TESTS(name, tests) \
	(setenv("CMOCKA_MESSAGE_OUTPUT", "TAP", 0), \
	 cmocka_run_group_tests_name(name, tests, NULL, NULL))

#endif
