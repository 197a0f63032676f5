#include "core/compat.h"
#include "app/nip.h"
#include "test_helpers.h"

static int parse(const char *s, struct nip_info *n)
{
	return nip_parse(s, strlen(s), 202611, n);
}

static void valid_pns_plain_and_spaced(void **state)
{
	(void)state;
	struct nip_info n;
	assert_int_eq(parse("196608011988031001", &n), 0);
	assert_int_eq(n.kind, NIP_PNS);
	assert_int_eq(n.birth_year, 1966);
	assert_int_eq(n.birth_month, 8);
	assert_int_eq(n.birth_day, 1);
	assert_int_eq(n.tmt_year, 1988);
	assert_int_eq(n.tmt_month, 3);
	assert_int_eq(n.gender, 1);
	assert_int_eq(n.seq, 1);
	assert_int_eq(n.age_at_tmt, 21);
	assert_int_eq(parse("19660801 198803 1 001", &n), 0);
	assert_str_eq(n.digits, "196608011988031001");
	char disp[32];
	nip_format_display(&n, disp, sizeof(disp));
	assert_str_eq(disp, "19660801 198803 1 001");
}

static void rejects_each_reason(void **state)
{
	(void)state;
	struct nip_info n;
	assert_int_eq(parse("19660801198803100", &n), M_NIP_LENGTH);
	assert_int_eq(parse("1966080119880310011", &n), M_NIP_LENGTH);
	assert_int_eq(parse("19660801198803100a", &n), M_NIP_LENGTH);
	assert_int_eq(parse("19660801  198803 1 01", &n), M_NIP_LENGTH);
	assert_int_eq(parse("196602301988031001", &n), M_NIP_BIRTH_DATE);
	assert_int_eq(parse("196613011988031001", &n), M_NIP_BIRTH_DATE);
	assert_int_eq(parse("185001011988031001", &n), M_NIP_BIRTH_YEAR);
	assert_int_eq(parse("196608011988131001", &n), M_NIP_TMT_MONTH);
	assert_int_eq(parse("196608011988001001", &n), M_NIP_TMT_MONTH);
	assert_int_eq(parse("196608011966071001", &n), M_NIP_TMT_BEFORE_BIRTH);
	assert_int_eq(parse("196608012030011001", &n), M_NIP_TMT_FUTURE);
	assert_int_eq(parse("196608011988033001", &n), M_NIP_GENDER);
	assert_int_eq(parse("196608011988030001", &n), M_NIP_GENDER);
	assert_int_eq(parse("196608011988031000", &n), M_NIP_SEQ);
}

static void boundaries(void **state)
{
	(void)state;
	struct nip_info n;
	/* 29 Feb only in leap years; 2000 is one, 1900 is not. */
	assert_int_eq(parse("200002292019012001", &n), 0);
	assert_int_eq(parse("199002292019012001", &n), M_NIP_BIRTH_DATE);
	/* TMT in the birth month is allowed (not before the birth date). */
	assert_int_eq(parse("200005012000052001", &n), 0);
	assert_true(n.age_at_tmt < 18);
	/* The current month is not the future. */
	assert_int_eq(parse("199001012026112001", &n), 0);
}

static void pppk_layout(void **state)
{
	(void)state;
	struct nip_info n;
	assert_int_eq(parse("199001012019212005", &n), 0);
	assert_int_eq(n.kind, NIP_PPPK);
	assert_int_eq(n.tmt_year, 2019);
	assert_int_eq(n.gender, 2);
	assert_int_eq(parse("199001012015211005", &n), M_NIP_PPPK_YEAR);
	assert_int_eq(parse("199001012027211005", &n), M_NIP_TMT_FUTURE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(valid_pns_plain_and_spaced),
		cmocka_unit_test(rejects_each_reason),
		cmocka_unit_test(boundaries),
		cmocka_unit_test(pppk_layout),
	};
	return RUN_TESTS("nip", tests);
}
