#include "core/compat.h"
#include "app/sanction.h"
#include "test_helpers.h"

static const struct sanction_type moral = { "moral_terbuka", SANCTION_MORAL, 2 };
static const struct sanction_type sedang_a = { "sedang_a", SANCTION_SEDANG, 6 };
static const struct sanction_type sedang_c = { "sedang_c", SANCTION_SEDANG, 8 };
static const struct sanction_type berat_a = { "berat_a", SANCTION_BERAT, 9 };
static const struct sanction_type ptdh = { "ptdh", SANCTION_PTDH, 12 };

static void levels_parse(void **state)
{
	(void)state;
	assert_int_eq(sanction_level_parse("berat"), SANCTION_BERAT);
	assert_int_eq(sanction_level_parse("moral"), SANCTION_MORAL);
	assert_int_eq(sanction_level_parse("BERAT"), SANCTION_NONE);
	assert_str_eq(sanction_level_name(SANCTION_PTDH), "ptdh");
}

static void lighter_than_recommended(void **state)
{
	(void)state;
	assert_int_eq(sanction_check(&sedang_a, SANCTION_BERAT, NULL, 0),
		      SANCTION_LIGHTER_THAN_RECOMMENDED);
	assert_int_eq(sanction_check(&berat_a, SANCTION_BERAT, NULL, 0), SANCTION_OK);
	assert_int_eq(sanction_check(&ptdh, SANCTION_BERAT, NULL, 0), SANCTION_OK);
	assert_int_eq(sanction_check(&moral, SANCTION_MORAL, NULL, 0), SANCTION_OK);
}

static void repeat_offence(void **state)
{
	(void)state;
	const struct sanction_type *prev[] = { &moral, &sedang_c };
	/* Same rank as the heaviest before: not heavier. */
	assert_int_eq(sanction_check(&sedang_c, SANCTION_SEDANG, prev, 2),
		      SANCTION_REPEAT_NOT_HEAVIER);
	/* Same level but lighter type, and lighter than recommended too. */
	assert_int_eq(sanction_check(&sedang_a, SANCTION_BERAT, prev, 2),
		      SANCTION_REPEAT_NOT_HEAVIER | SANCTION_LIGHTER_THAN_RECOMMENDED);
	assert_int_eq(sanction_check(&berat_a, SANCTION_SEDANG, prev, 2), SANCTION_OK);
	const struct sanction_type *prev_ptdh[] = { &ptdh };
	assert_int_eq(sanction_check(&ptdh, SANCTION_BERAT, prev_ptdh, 1), SANCTION_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(levels_parse),
		cmocka_unit_test(lighter_than_recommended),
		cmocka_unit_test(repeat_offence),
	};
	return RUN_TESTS("sanction", tests);
}
