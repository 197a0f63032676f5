/* The backend-neutral pieces of src/store/store.c that need no database:
 * SQLSTATE mapping and the helpers the backends share. */
#include "core/compat.h"
#include "core/err.h"
#include "store/store_int.h"
#include "test_helpers.h"

static void sqlstate_mapping(void **state)
{
	(void)state;
	assert_int_eq(store_map_sqlstate("23505"), APP_ECONFLICT);
	assert_int_eq(store_map_sqlstate("23503"), APP_ECONSTRAINT);
	assert_int_eq(store_map_sqlstate("23514"), APP_ECONSTRAINT);
	assert_int_eq(store_map_sqlstate("23502"), APP_ECONSTRAINT);
	assert_int_eq(store_map_sqlstate("40001"), APP_EBUSY);
	assert_int_eq(store_map_sqlstate("40P01"), APP_EBUSY);
	assert_int_eq(store_map_sqlstate("55P03"), APP_EBUSY);
	assert_int_eq(store_map_sqlstate("08006"), APP_EIO);
	assert_int_eq(store_map_sqlstate(NULL), APP_EIO);
}

static void lower_and_copy(void **state)
{
	(void)state;
	char out[8];
	store_lower(out, sizeof(out), "AbC.dÉ");
	assert_str_eq(out, "abc.d\xc3\x89"); /* ASCII only: UTF-8 bytes kept */
	store_lower(out, sizeof(out), "ABCDEFGHIJ");
	assert_str_eq(out, "abcdefg");
	struct store s = { 0 };
	char small[4];
	assert_int_eq(store_copy(&s, small, sizeof(small), "abc", "x"), 0);
	assert_str_eq(small, "abc");
	assert_int_eq(store_copy(&s, small, sizeof(small), "abcd", "x"), APP_EINTERNAL);
	assert_str_eq(small, "");
	assert_true(strstr(s.err, "field holds 3") != NULL);
	assert_int_eq(store_copy(&s, small, sizeof(small), NULL, "x"), 0);
	assert_str_eq(small, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sqlstate_mapping),
		cmocka_unit_test(lower_and_copy),
	};
	return RUN_TESTS("store_errors", tests);
}
