/* Reminder and escalation rules (app/pengingat.h) on the seeded calendar:
 * which rule applies on which day, across a weekend and the Christmas
 * cuti bersama, stage rows replacing the "*" rows, and CSV validation. */
#include "core/compat.h"
#include "app/pengingat.h"
#include "app/principal.h"
#include "core/csv_table.h"
#include "core/date.h"
#include "core/err.h"
#include "test_helpers.h"

static struct calendar cal;
static struct pengingat_rules rules;

static const char CSV[] =
	"tahap,jenis,hari_kerja,peran_tambahan,catatan\n"
	"*,pengingat,3,,\n"
	"*,pengingat,1,,\n"
	"*,eskalasi,0,bkn,\n"
	"tindak_lanjut_ppk,pengingat,5,,\n"
	"tindak_lanjut_ppk,eskalasi,0,,\n"
	"tindak_lanjut_ppk,eskalasi,5,bkn;bawaslu,\n";

static int setup(void **state)
{
	(void)state;
	struct load_error err;
	calendar_init(&cal);
	if (calendar_load_default(&cal, &err))
		return -1;
	return pengingat_load_csv(&rules, CSV, sizeof(CSV) - 1, &err);
}

static int teardown(void **state)
{
	(void)state;
	calendar_release(&cal);
	pengingat_rules_release(&rules);
	return 0;
}

static int32_t D(int y, int m, int d)
{
	return date_to_days(y, m, d);
}

/* "s3", "s1", "e0", "-" ... : what applies on a day */
static void what(const char *tahap, int32_t tenggat, int32_t today, char out[16])
{
	struct pengingat_hit h;
	pengingat_due(&rules, &cal, tahap, tenggat, today, &h);
	snprintf(out, 16, "%s%d/%s%d", h.sebelum ? "s" : "-", h.sebelum ? h.sebelum->hari_kerja : 0,
		 h.eskalasi ? "e" : "-", h.eskalasi ? h.eskalasi->hari_kerja : 0);
}

static void default_rows_across_a_weekend(void **state)
{
	(void)state;
	char w[16];
	int32_t due = D(2026, 11, 25); /* Wednesday */
	what("verifikasi_satgas", due, D(2026, 11, 19), w);
	assert_str_eq(w, "-0/-0");       /* 4 working days before: nothing yet */
	what("verifikasi_satgas", due, D(2026, 11, 20), w);
	assert_str_eq(w, "s3/-0");       /* Friday = 3 working days before */
	what("verifikasi_satgas", due, D(2026, 11, 22), w);
	assert_str_eq(w, "s3/-0");       /* still the 3-day reminder over the weekend */
	what("verifikasi_satgas", due, D(2026, 11, 24), w);
	assert_str_eq(w, "s1/-0");       /* the closest reminder wins */
	what("verifikasi_satgas", due, due, w);
	assert_str_eq(w, "s1/-0");       /* on the due day itself */
	what("verifikasi_satgas", due, D(2026, 11, 26), w);
	assert_str_eq(w, "-0/e0");       /* the day after: escalation */
	what("verifikasi_satgas", due, D(2027, 1, 26), w);
	assert_str_eq(w, "-0/e0");
}

static void cuti_bersama_moves_the_reminder(void **state)
{
	(void)state;
	char w[16];
	int32_t due = D(2026, 12, 28); /* Monday after Christmas */
	/* 24 Dec cuti bersama, 25 Dec libur nasional: one working day before
	 * the 28th is Wednesday the 23rd */
	what("kajian_bawaslu", due, D(2026, 12, 22), w);
	assert_str_eq(w, "s3/-0");
	what("kajian_bawaslu", due, D(2026, 12, 23), w);
	assert_str_eq(w, "s1/-0");
	what("kajian_bawaslu", due, D(2026, 12, 24), w);
	assert_str_eq(w, "s1/-0");
	what("kajian_bawaslu", due, D(2026, 12, 18), w);
	assert_str_eq(w, "-0/-0");
}

static void stage_rows_replace_defaults(void **state)
{
	(void)state;
	char w[16];
	int32_t due = D(2026, 11, 25);
	what("tindak_lanjut_ppk", due, D(2026, 11, 18), w);
	assert_str_eq(w, "s5/-0");       /* 5 working days before, its own row */
	what("tindak_lanjut_ppk", due, D(2026, 11, 24), w);
	assert_str_eq(w, "s5/-0");       /* no 1-day row for this stage */
	what("tindak_lanjut_ppk", due, D(2026, 11, 17), w);
	assert_str_eq(w, "-0/-0");
	what("tindak_lanjut_ppk", due, D(2026, 11, 26), w);
	assert_str_eq(w, "-0/e0");
	/* 5 working days after the 25th: 26, 27, 30 Nov, 1, 2 Dec */
	what("tindak_lanjut_ppk", due, D(2026, 12, 2), w);
	assert_str_eq(w, "-0/e0");
	what("tindak_lanjut_ppk", due, D(2026, 12, 3), w);
	assert_str_eq(w, "-0/e5");
	struct pengingat_hit h;
	pengingat_due(&rules, &cal, "tindak_lanjut_ppk", due, D(2026, 12, 3), &h);
	assert_int_eq(h.eskalasi->peran_tambahan, (1u << ROLE_BKN) | (1u << ROLE_BAWASLU));
}

static void csv_is_checked(void **state)
{
	(void)state;
	struct pengingat_rules r = { 0 };
	struct load_error err;
	static const char bad_kind[] = "tahap,jenis,hari_kerja\n*,nanti,3\n";
	assert_int_eq(pengingat_load_csv(&r, bad_kind, sizeof(bad_kind) - 1, &err), APP_EINVAL);
	assert_int_eq(err.line, 2);
	static const char bad_role[] = "tahap,jenis,hari_kerja,peran_tambahan\n*,eskalasi,0,raja\n";
	assert_int_eq(pengingat_load_csv(&r, bad_role, sizeof(bad_role) - 1, &err), APP_EINVAL);
	static const char bad_n[] = "tahap,jenis,hari_kerja\n*,pengingat,x\n";
	assert_int_eq(pengingat_load_csv(&r, bad_n, sizeof(bad_n) - 1, &err), APP_EINVAL);
	static const char missing[] = "tahap,jenis\n*,pengingat\n";
	assert_int_eq(pengingat_load_csv(&r, missing, sizeof(missing) - 1, &err), APP_EINVAL);
	assert_null(r.v);
	/* the shipped table loads */
	assert_non_null(pengingat_rules_default());
	assert_true(pengingat_rules_default()->n >= 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(default_rows_across_a_weekend),
		cmocka_unit_test(cuti_bersama_moves_the_reminder),
		cmocka_unit_test(stage_rows_replace_defaults),
		cmocka_unit_test(csv_is_checked),
	};
	setenv("CMOCKA_MESSAGE_OUTPUT", "TAP", 0);
	return cmocka_run_group_tests_name("pengingat", tests, setup, teardown);
}
