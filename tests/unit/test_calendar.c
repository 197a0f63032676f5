#include "core/compat.h"
#include "app/calendar.h"
#include "core/date.h"
#include "test_helpers.h"

static int32_t D(const char *iso)
{
	int32_t d = 0;
	assert_int_eq(date_parse_iso(iso, strlen(iso), &d), 0);
	return d;
}

static void put(struct calendar *c, const char *iso, enum holiday_kind k)
{
	struct holiday h = { .day = D(iso), .kind = k };
	snprintf(h.name, sizeof(h.name), "%s", iso);
	calendar_put(c, &h);
}

/* The 2024 Idul Fitri block: cuti bersama 8, 9, 12, 15 April around the
 * libur nasional 10-11 April (SKB 3 Menteri 855/2023 jo. 236/2024). */
static void setup_2024(struct calendar *c)
{
	calendar_init(c);
	put(c, "2024-04-08", HOLIDAY_CUTI_BERSAMA);
	put(c, "2024-04-09", HOLIDAY_CUTI_BERSAMA);
	put(c, "2024-04-10", HOLIDAY_LIBUR_NASIONAL);
	put(c, "2024-04-11", HOLIDAY_LIBUR_NASIONAL);
	put(c, "2024-04-12", HOLIDAY_CUTI_BERSAMA);
	put(c, "2024-04-15", HOLIDAY_CUTI_BERSAMA);
	put(c, "2024-05-01", HOLIDAY_LIBUR_NASIONAL);
}

static void dates_roundtrip(void **state)
{
	(void)state;
	char buf[16];
	for (int32_t d = D("1900-01-01"); d < D("2100-12-31"); d += 17) {
		date_format_iso(d, buf, sizeof(buf));
		assert_int_eq(D(buf), d);
	}
	assert_int_eq(D("1970-01-01"), 0);
	assert_int_eq(date_weekday(D("2024-04-05")), 5); /* Friday */
	assert_int_eq(date_weekday(D("2026-11-23")), 1); /* Monday */
	int32_t d;
	assert_int_eq(date_parse_iso("2024-02-30", 10, &d), -1);
	assert_int_eq(date_parse_iso("2024-2-03", 9, &d), -1);
	assert_int_eq(date_parse_iso("2024/02/03", 10, &d), -1);
}

static void working_days_cross_weekend(void **state)
{
	(void)state;
	struct calendar c;
	calendar_init(&c);
	/* Received Thursday 2024-03-14: 7 working days → Mon 25 Mar. */
	int32_t due = deadline_due(&c, D("2024-03-14"), 7, DEADLINE_WORKING_DAYS, NULL, 0);
	assert_int_eq(due, D("2024-03-25"));
	/* The same in calendar days lands on the Thursday after. */
	due = deadline_due(&c, D("2024-03-14"), 7, DEADLINE_CALENDAR_DAYS, NULL, 0);
	assert_int_eq(due, D("2024-03-21"));
	calendar_release(&c);
}

static void working_days_cross_cuti_bersama(void **state)
{
	(void)state;
	struct calendar c;
	setup_2024(&c);
	/* Received Friday 5 April 2024: the next working days are 16, 17, 18,
	 * 19, 22, 23, 24 April → due Wed 24 April. */
	int32_t due = deadline_due(&c, D("2024-04-05"), 7, DEADLINE_WORKING_DAYS, NULL, 0);
	assert_int_eq(due, D("2024-04-24"));
	assert_false(calendar_is_working_day(&c, D("2024-04-12")));
	/* Where cuti bersama are counted as working days, 8, 9, 12 and 15
	 * April count again (10-11 stay off): due Thu 18 April. */
	c.cuti_bersama_is_off = 0;
	due = deadline_due(&c, D("2024-04-05"), 7, DEADLINE_WORKING_DAYS, NULL, 0);
	assert_int_eq(due, D("2024-04-18"));
	calendar_release(&c);
}

static void pause_extends_deadline(void **state)
{
	(void)state;
	struct calendar c;
	calendar_init(&c);
	/* Mon 4 Mar 2024 + 7 working days = Wed 13 Mar; a pause over Tue 5 to
	 * Thu 7 Mar (3 working days) moves it to Mon 18 Mar. */
	struct pause p = { D("2024-03-05"), D("2024-03-08") };
	assert_int_eq(deadline_due(&c, D("2024-03-04"), 7, DEADLINE_WORKING_DAYS, NULL, 0),
		      D("2024-03-13"));
	assert_int_eq(deadline_due(&c, D("2024-03-04"), 7, DEADLINE_WORKING_DAYS, &p, 1),
		      D("2024-03-18"));
	assert_int_eq(deadline_elapsed(&c, D("2024-03-04"), D("2024-03-08"),
				       DEADLINE_WORKING_DAYS, &p, 1), 1);
	/* An open pause: no due date while it lasts. */
	struct pause open = { D("2024-03-06"), INT32_MAX };
	assert_int_eq(deadline_due(&c, D("2024-03-04"), 7, DEADLINE_WORKING_DAYS, &open, 1),
		      INT32_MAX);
	/* A pause that starts after the due date changes nothing. */
	struct pause late = { D("2024-04-01"), INT32_MAX };
	assert_int_eq(deadline_due(&c, D("2024-03-04"), 7, DEADLINE_WORKING_DAYS, &late, 1),
		      D("2024-03-13"));
	calendar_release(&c);
}

static void elapsed_and_coverage(void **state)
{
	(void)state;
	struct calendar c;
	setup_2024(&c);
	assert_int_eq(deadline_elapsed(&c, D("2024-04-05"), D("2024-04-24"),
				       DEADLINE_WORKING_DAYS, NULL, 0), 7);
	assert_true(calendar_covers(&c, D("2024-01-01"), D("2024-12-31")));
	assert_false(calendar_covers(&c, D("2024-12-20"), D("2025-01-10")));
	/* Replacing an entry keeps one row per day. */
	size_t n = c.n;
	put(&c, "2024-04-10", HOLIDAY_LIBUR_NASIONAL);
	assert_int_eq(c.n, n);
	calendar_release(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dates_roundtrip),
		cmocka_unit_test(working_days_cross_weekend),
		cmocka_unit_test(working_days_cross_cuti_bersama),
		cmocka_unit_test(pause_extends_deadline),
		cmocka_unit_test(elapsed_and_coverage),
	};
	return RUN_TESTS("calendar", tests);
}
