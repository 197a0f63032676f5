/* Small-cell suppression: primary, complementary (rows, columns, totals,
 * cascades) and the property that no line ever has exactly one hidden
 * member, over random tables. */
#include "core/compat.h"
#include "app/suppress.h"
#include "core/err.h"
#include "test_helpers.h"

static void list_one_small_gets_a_partner(void **state)
{
	(void)state;
	int64_t cells[] = { 10, 3, 20 }, out[4];
	uint8_t f[4];
	assert_int_eq(suppress_list(cells, 3, 5, out, f), 2);
	assert_int_eq(f[1], SUP_PRIMARY);
	assert_int_eq(f[0], SUP_COMPLEMENT); /* the smallest other positive */
	assert_int_eq(f[2], SUP_NONE);
	assert_int_eq(f[3], SUP_NONE);
	assert_int_eq(out[3], 33);
}

static void list_two_small_protect_each_other(void **state)
{
	(void)state;
	int64_t cells[] = { 10, 3, 2, 20 }, out[5];
	uint8_t f[5];
	assert_int_eq(suppress_list(cells, 4, 5, out, f), 2);
	assert_int_eq(f[1], SUP_PRIMARY);
	assert_int_eq(f[2], SUP_PRIMARY);
	assert_int_eq(f[0], SUP_NONE);
}

static void positive_partner_before_zero(void **state)
{
	(void)state;
	int64_t cells[] = { 0, 3, 7 }, out[4];
	uint8_t f[4];
	suppress_list(cells, 3, 5, out, f);
	assert_int_eq(f[0], SUP_NONE);
	assert_int_eq(f[1], SUP_PRIMARY);
	assert_int_eq(f[2], SUP_COMPLEMENT);
	assert_int_eq(f[3], SUP_NONE);
	/* zeros are published, and the threshold itself is not small */
	int64_t c2[] = { 0, 5, 9 };
	assert_int_eq(suppress_list(c2, 3, 5, out, f), 0);
}

static void small_total_is_hidden(void **state)
{
	(void)state;
	int64_t cells[] = { 2, 0 }, out[3];
	uint8_t f[3];
	suppress_list(cells, 2, 5, out, f);
	assert_int_eq(f[0], SUP_PRIMARY);
	assert_int_eq(f[2], SUP_PRIMARY);
	assert_int_eq(f[1], SUP_NONE); /* two hidden already: 2 and the total */
}

static void table_cascades_to_columns(void **state)
{
	(void)state;
	int64_t cells[] = { 3, 10, 10, 10 }, out[9];
	uint8_t f[9];
	suppress_table(cells, 2, 2, 5, out, f);
	/* [0][0] primary; row 0 -> [0][1]; column 0 -> [1][0]; column 1 -> [1][1] */
	assert_int_eq(f[0], SUP_PRIMARY);
	assert_int_eq(f[1], SUP_COMPLEMENT);
	assert_int_eq(f[3], SUP_COMPLEMENT);
	assert_int_eq(f[4], SUP_COMPLEMENT);
	/* totals stay: 13 23 / 13 20 33 */
	assert_int_eq(out[2], 13);
	assert_int_eq(f[2], SUP_NONE);
	assert_int_eq(out[8], 33);
	assert_int_eq(f[8], SUP_NONE);
}

static void threshold_one_is_off(void **state)
{
	(void)state;
	int64_t cells[] = { 1, 2 }, out[3];
	uint8_t f[3];
	assert_int_eq(suppress_list(cells, 2, 1, out, f), 0);
	assert_int_eq(out[2], 3);
}

static uint32_t rnd(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

static void random_tables_have_no_lone_hidden_member(void **state)
{
	(void)state;
	uint32_t seed = 12345;
	for (int iter = 0; iter < 2000; iter++) {
		size_t rows = 1 + rnd(&seed) % 6, cols = 1 + rnd(&seed) % 7;
		int64_t cells[42], out[56];
		uint8_t f[56];
		for (size_t x = 0; x < rows * cols; x++) {
			uint32_t r = rnd(&seed) % 10;
			cells[x] = r < 3 ? 0 : r < 6 ? 1 + rnd(&seed) % 4 : rnd(&seed) % 40;
		}
		suppress_table(cells, rows, cols, 5, out, f);
		for (size_t i = 0; i <= rows; i++)
			for (size_t j = 0; j <= cols; j++) {
				int64_t v = out[i * (cols + 1) + j];
				if (v > 0 && v < 5)
					assert_int_eq(f[i * (cols + 1) + j], SUP_PRIMARY);
				if (v == 0 || v >= 5)
					assert_true(f[i * (cols + 1) + j] != SUP_PRIMARY);
			}
		for (size_t i = 0; i <= rows; i++) {
			int hidden = 0;
			for (size_t j = 0; j <= cols; j++)
				hidden += f[i * (cols + 1) + j] != SUP_NONE;
			if (cols >= 1 && hidden == 1) {
				print_error("row %zu of a %zux%zu table has one hidden member\n", i, rows, cols);
				fail();
			}
		}
		for (size_t j = 0; j <= cols; j++) {
			int hidden = 0;
			for (size_t i = 0; i <= rows; i++)
				hidden += f[i * (cols + 1) + j] != SUP_NONE;
			if (hidden == 1) {
				print_error("column %zu of a %zux%zu table has one hidden member\n", j, rows, cols);
				fail();
			}
		}
	}
}

static void text_and_conf(void **state)
{
	(void)state;
	char b[16];
	assert_str_eq(suppress_text(b, sizeof(b), 3, SUP_PRIMARY, 5), "<5");
	assert_str_eq(suppress_text(b, sizeof(b), 30, SUP_COMPLEMENT, 5), "\xC3\x97");
	assert_str_eq(suppress_text(b, sizeof(b), 30, SUP_NONE, 5), "30");
	int64_t t = 0;
	assert_int_eq(suppress_parse_conf("# c\n\nambang_sel_kecil = 10 # x\n", &t), 0);
	assert_int_eq(t, 10);
	assert_int_eq(suppress_parse_conf("ambang_sel_kecil = 0\n", &t), APP_EINVAL);
	assert_int_eq(suppress_parse_conf("ambang = 3\n", &t), APP_EINVAL);
	assert_int_eq(suppress_parse_conf("ambang_sel_kecil = 3 4\n", &t), APP_EINVAL);
	/* the shipped file */
	assert_int_eq(suppress_threshold(), 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(list_one_small_gets_a_partner),
		cmocka_unit_test(list_two_small_protect_each_other),
		cmocka_unit_test(positive_partner_before_zero),
		cmocka_unit_test(small_total_is_hidden),
		cmocka_unit_test(table_cascades_to_columns),
		cmocka_unit_test(threshold_one_is_off),
		cmocka_unit_test(random_tables_have_no_lone_hidden_member),
		cmocka_unit_test(text_and_conf),
	};
	return RUN_TESTS("suppress", tests);
}
