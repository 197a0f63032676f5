/* Case due dates on the seeded workflow and holiday calendar: calendar vs
 * working days per stage, a cuti bersama block, a weekend, the pause while
 * waiting on the reporter, and the Bawaslu extension per context. */
#include "core/compat.h"
#include "app/kasus_tenggat.h"
#include "core/csv_table.h"
#include "core/date.h"
#include "core/err.h"
#include "test_helpers.h"

static struct workflow WF;
static struct calendar CAL;

static int32_t D(const char *iso)
{
	int32_t d = 0;
	assert_int_eq(date_parse_iso(iso, strlen(iso), &d), 0);
	return d;
}

static int setup(void **state)
{
	(void)state;
	struct load_error err;
	char problem[200];
	workflow_init(&WF);
	calendar_init(&CAL);
	if (workflow_load_default(&WF, &err, problem, sizeof(problem)))
		return -1;
	return calendar_load_default(&CAL, &err) ? -1 : 0;
}

static int teardown(void **state)
{
	(void)state;
	workflow_release(&WF);
	calendar_release(&CAL);
	return 0;
}

static int32_t due(const char *tahap, const char *konteks, const char *mulai, int ext,
		   const struct pause *p, size_t np, struct kasus_tenggat *t)
{
	struct kasus_jam j = { .tahap = tahap, .konteks = konteks, .mulai = D(mulai),
			       .diperpanjang = ext, .jeda = p, .njeda = np };
	assert_int_eq(kasus_tenggat_hitung(&WF, &CAL, &j, t), 0);
	return t->jatuh_tempo;
}

/* PPK follow-up: 14 working days from Friday 13 March 2026 cross the Nyepi
 * and Idul Fitri block (cuti bersama 18, 20, 23, 24 March; libur 19, 21,
 * 22 March), three weekends and Good Friday (3 April): due Friday 10 April. */
static void working_days_cross_cuti_bersama(void **state)
{
	(void)state;
	struct kasus_tenggat t;
	assert_int_eq(due("tindak_lanjut_ppk", "pemilu", "2026-03-13", 0, NULL, 0, &t),
		      D("2026-04-10"));
	assert_int_eq(t.ada, 1);
	assert_int_eq(t.hari, 14);
	assert_int_eq(t.satuan, DEADLINE_WORKING_DAYS);
	assert_int_eq(t.kalender_lengkap, 1);
	assert_non_null(strstr(t.stage->legal_basis, "14 hari kerja"));
	/* Counting cuti bersama as working days moves it three days earlier
	 * (18, 20, 23, 24 March count; it ends on Tuesday 7 April). */
	CAL.cuti_bersama_is_off = 0;
	assert_int_eq(due("tindak_lanjut_ppk", "pemilu", "2026-03-13", 0, NULL, 0, &t),
		      D("2026-04-06"));
	CAL.cuti_bersama_is_off = 1;
}

/* Verification is 7 calendar days, weekends included. */
static void calendar_days(void **state)
{
	(void)state;
	struct kasus_tenggat t;
	assert_int_eq(due("verifikasi_satgas", "pilkada", "2026-11-06", 0, NULL, 0, &t),
		      D("2026-11-13"));
	assert_int_eq(t.satuan, DEADLINE_CALENDAR_DAYS);
}

/* Waiting on the reporter for three days moves the due date by three; an
 * open pause means no due date at all. */
static void pause_stops_the_clock(void **state)
{
	(void)state;
	struct kasus_tenggat t;
	struct pause closed = { D("2026-11-04"), D("2026-11-07") };
	assert_int_eq(due("verifikasi_satgas", "pemilu", "2026-11-02", 0, &closed, 1, &t),
		      D("2026-11-12"));
	assert_int_eq(t.dijeda, 0);
	struct pause open = { D("2026-11-04"), INT32_MAX };
	assert_int_eq(due("verifikasi_satgas", "pemilu", "2026-11-02", 0, &open, 1, &t), INT32_MAX);
	assert_int_eq(t.dijeda, 1);
	assert_int_eq(kasus_tenggat_status(t.jatuh_tempo, D("2027-01-01")), KASUS_DIJEDA);
	/* A pause on working days of a working-day stage: 2 working days of
	 * pause (Tue-Wed) push a 14-working-day deadline by two working days. */
	struct pause pw = { D("2026-11-03"), D("2026-11-05") };
	int32_t base = due("tindak_lanjut_ppk", "pemilu", "2026-11-02", 0, NULL, 0, &t);
	int32_t paused = due("tindak_lanjut_ppk", "pemilu", "2026-11-02", 0, &pw, 1, &t);
	assert_int_eq(base, D("2026-11-20"));
	assert_int_eq(paused, D("2026-11-24"));
}

/* Bawaslu: Pemilu 7 days + 14 working days (UU 7/2017 Pasal 454), Pilkada
 * 3 + 2 days (UU 1/2015 Pasal 134). */
static void bawaslu_extension_per_context(void **state)
{
	(void)state;
	struct kasus_tenggat t;
	assert_int_eq(due("kajian_bawaslu", "pemilu", "2026-11-02", 0, NULL, 0, &t),
		      D("2026-11-09"));
	assert_str_eq(t.stage->grade, "A");
	assert_int_eq(due("kajian_bawaslu", "pemilu", "2026-11-02", 1, NULL, 0, &t),
		      D("2026-11-27"));
	assert_int_eq(t.hari, 21);
	assert_int_eq(t.satuan, DEADLINE_WORKING_DAYS);
	assert_int_eq(due("kajian_bawaslu", "pilkada", "2026-11-02", 0, NULL, 0, &t),
		      D("2026-11-05"));
	assert_int_eq(due("kajian_bawaslu", "pilkada", "2026-11-02", 1, NULL, 0, &t),
		      D("2026-11-07"));
	assert_non_null(strstr(t.stage->legal_basis, "Pasal 134"));
}

static void no_deadline_and_unknown_stage(void **state)
{
	(void)state;
	struct kasus_tenggat t;
	assert_int_eq(due("rekomendasi_bkn", "pemilu", "2026-11-02", 0, NULL, 0, &t), 0);
	assert_int_eq(t.ada, 0);
	assert_int_eq(kasus_tenggat_status(0, D("2026-11-02")), KASUS_TANPA_TENGGAT);
	struct kasus_jam j = { .tahap = "tidak_ada", .konteks = "pemilu", .mulai = D("2026-11-02") };
	assert_int_eq(kasus_tenggat_hitung(&WF, &CAL, &j, &t), APP_ENOTFOUND);
	/* A period running into a year with no holiday data is flagged. */
	due("tindak_lanjut_ppk", "pemilu", "2026-12-28", 0, NULL, 0, &t);
	assert_int_eq(t.kalender_lengkap, 0);
}

static void status_of_a_due_day(void **state)
{
	(void)state;
	int32_t d = D("2026-11-20");
	assert_int_eq(kasus_tenggat_status(d, d - 10), KASUS_TEPAT);
	assert_int_eq(kasus_tenggat_status(d, d - KASUS_SEGERA_HARI), KASUS_SEGERA);
	assert_int_eq(kasus_tenggat_status(d, d), KASUS_SEGERA);
	assert_int_eq(kasus_tenggat_status(d, d + 1), KASUS_TERLAMBAT);
	assert_str_eq(kasus_tenggat_status_name(KASUS_TERLAMBAT), "terlambat");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(working_days_cross_cuti_bersama),
		cmocka_unit_test(calendar_days),
		cmocka_unit_test(pause_stops_the_clock),
		cmocka_unit_test(bawaslu_extension_per_context),
		cmocka_unit_test(no_deadline_and_unknown_stage),
		cmocka_unit_test(status_of_a_due_day),
	};
	setenv("CMOCKA_MESSAGE_OUTPUT", "TAP", 0);
	return cmocka_run_group_tests_name("kasus_tenggat", tests, setup, teardown);
}
