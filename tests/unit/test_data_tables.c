/* The seeded reference data loads, and the loaders refuse bad files with the
 * line and column of the problem. */
#include "core/compat.h"
#include "app/calendar.h"
#include "app/workflow.h"
#include "core/csv_table.h"
#include "core/date.h"
#include "core/embedded.h"
#include "core/err.h"
#include "core/msg.h"
#include "test_helpers.h"

static int32_t D(const char *iso)
{
	int32_t d = 0;
	date_parse_iso(iso, strlen(iso), &d);
	return d;
}

static void seeded_holidays(void **state)
{
	(void)state;
	struct calendar c;
	struct load_error err;
	calendar_init(&c);
	assert_int_eq(calendar_load_default(&c, &err), 0);
	assert_int_eq(c.n, 82);
	assert_int_eq(c.first_year, 2024);
	assert_int_eq(c.last_year, 2026);
	const struct holiday *h = calendar_find(&c, D("2024-02-14"));
	assert_non_null(h);
	assert_int_eq(h->kind, HOLIDAY_LIBUR_NASIONAL);
	assert_non_null(strstr(h->source, "Keppres 10/2024"));
	assert_int_eq(calendar_find(&c, D("2025-08-18"))->kind, HOLIDAY_CUTI_BERSAMA);
	/* A report received Fri 22 Mar 2024 (before Wafat Yesus Kristus on Fri
	 * 29 Mar): 7 working days -> Wed 3 Apr. */
	assert_int_eq(deadline_due(&c, D("2024-03-22"), 7, DEADLINE_WORKING_DAYS, NULL, 0),
		      D("2024-04-03"));
	calendar_release(&c);
}

static void bad_holiday_files(void **state)
{
	(void)state;
	struct calendar c;
	struct load_error err;
	calendar_init(&c);
	const char ok[] = "date,kind,name_id\n2024-01-01,libur_nasional,Tahun Baru\n";
	assert_int_eq(calendar_load_csv(&c, ok, strlen(ok), &err), 0);
	assert_int_eq(c.n, 1);

	const char bad_date[] = "date,kind,name_id\n2024-01-01,libur_nasional,A\n2024-02-30,libur_nasional,B\n";
	assert_int_eq(calendar_load_csv(&c, bad_date, strlen(bad_date), &err), APP_EINVAL);
	assert_int_eq(err.line, 3);
	assert_str_eq(err.column, "date");
	assert_int_eq(err.msg, M_TABLE_BAD_DATE);
	/* All or nothing: the calendar loaded before is still there. */
	assert_int_eq(c.n, 1);

	const char bad_kind[] = "date,kind,name_id\n2024-01-02,libur,A\n";
	assert_int_eq(calendar_load_csv(&c, bad_kind, strlen(bad_kind), &err), APP_EINVAL);
	assert_str_eq(err.column, "kind");
	const char dup[] = "date,kind,name_id\n2024-01-02,cuti_bersama,A\n2024-01-02,cuti_bersama,B\n";
	assert_int_eq(calendar_load_csv(&c, dup, strlen(dup), &err), APP_EINVAL);
	assert_int_eq(err.msg, M_TABLE_DUPLICATE);
	const char no_col[] = "date,name_id\n2024-01-02,A\n";
	assert_int_eq(calendar_load_csv(&c, no_col, strlen(no_col), &err), APP_EINVAL);
	assert_int_eq(err.msg, M_TABLE_MISSING_COLUMN);
	const char short_row[] = "date,kind,name_id\n2024-01-02,cuti_bersama\n";
	assert_int_eq(calendar_load_csv(&c, short_row, strlen(short_row), &err), APP_EINVAL);
	assert_int_eq(err.msg, M_TABLE_FIELD_COUNT);
	calendar_release(&c);
}

static int have_all(void *ctx, const char *name)
{
	(void)ctx; (void)name;
	return 1;
}

static void seeded_workflow(void **state)
{
	(void)state;
	struct workflow wf;
	struct load_error err;
	char problem[200];
	workflow_init(&wf);
	assert_int_eq(workflow_load_default(&wf, &err, problem, sizeof(problem)), 0);
	assert_int_eq(wf.version, 1);
	const struct wf_stage *st = workflow_stage(&wf, "kajian_bawaslu", "pilkada");
	assert_int_eq(st->deadline, 3);
	assert_int_eq(st->extension, 2);
	st = workflow_stage(&wf, "kajian_bawaslu", "pemilu");
	assert_int_eq(st->deadline, 7);
	assert_int_eq(st->extension_unit, DEADLINE_WORKING_DAYS);
	st = workflow_stage(&wf, "tindak_lanjut_ppk", "pemilu");
	assert_int_eq(st->deadline, 14);
	assert_int_eq(st->unit, DEADLINE_WORKING_DAYS);
	assert_int_eq(st->owner, ROLE_PPK);
	/* The source conflict stays visible in the configuration. */
	assert_non_null(strstr(st->note, "10 hari"));
	assert_true(workflow_stage(&wf, "menunggu_pelapor", "*")->pauses_clock);
	const char *missing;
	assert_int_eq(workflow_check(&wf, "kajian_bawaslu", "rekomendasi_bkn", ROLE_BAWASLU,
				     have_all, NULL, &missing), 0);
	assert_int_eq(workflow_check(&wf, "kajian_bawaslu", "rekomendasi_bkn", ROLE_PPK,
				     have_all, NULL, &missing), APP_EPERM);
	assert_int_eq(workflow_check(&wf, "pengendalian_teguran", "blokir_data", ROLE_BKN,
				     have_all, NULL, &missing), 0);
	workflow_release(&wf);
}

static void bad_workflow_files(void **state)
{
	(void)state;
	struct workflow wf;
	struct load_error err;
	char problem[200];
	workflow_init(&wf);
	const char stages[] =
		"kode,nama_id,pemilik,konteks,tenggat,satuan,akhir\n"
		"a,A,bkn,*,7,hari,0\n"
		"b,B,bkn,*,0,,1\n";
	const char tr_ok[] = "dari,ke,peran,wajib\na,b,bkn;admin,alasan\n";
	assert_int_eq(workflow_load_csv(&wf, stages, strlen(stages), tr_ok, strlen(tr_ok),
					&err, problem, sizeof(problem)), 0);
	assert_int_eq(wf.ntransitions, 1);
	assert_int_eq(wf.transitions[0].nrequired, 1);

	const char tr_role[] = "dari,ke,peran\na,b,bkn;raja\n";
	assert_int_eq(workflow_load_csv(&wf, stages, strlen(stages), tr_role, strlen(tr_role),
					&err, problem, sizeof(problem)), APP_EINVAL);
	assert_str_eq(err.column, "peran");
	assert_int_eq(err.line, 2);

	const char tr_unknown[] = "dari,ke,peran\na,c,bkn\n";
	assert_int_eq(workflow_load_csv(&wf, stages, strlen(stages), tr_unknown, strlen(tr_unknown),
					&err, problem, sizeof(problem)), APP_EINVAL);
	assert_non_null(strstr(problem, "'c'"));

	const char bad_unit[] = "kode,nama_id,pemilik,konteks,tenggat,satuan\na,A,bkn,*,7,minggu\n";
	assert_int_eq(workflow_load_csv(&wf, bad_unit, strlen(bad_unit), tr_ok, strlen(tr_ok),
					&err, problem, sizeof(problem)), APP_EINVAL);
	assert_str_eq(err.column, "satuan");
	/* The definition loaded first is untouched by the failures. */
	assert_int_eq(wf.version, 1);
	assert_int_eq(wf.nstages, 2);
	workflow_release(&wf);
}

/* embedded_table_once: loads on first use only, hands back the loaded
 * table, and NULL (without retrying) for a missing file or a failed load. */
static int g_loads;
static int count_load(void *out, const char *p, size_t n, struct load_error *err)
{
	(void)err;
	g_loads++;
	*(size_t *)out = n;
	return p[0] == 'd' ? 0 : APP_EINVAL; /* holidays.csv starts with "date" */
}

static void embedded_table_loads_once(void **state)
{
	(void)state;
	size_t len = 0, other = 0;
	struct embedded_table ok = { "data/holidays.csv", "test", count_load, &len };
	struct embedded_table missing = { "data/tidak-ada.csv", "test", count_load, &other };
	struct embedded_table refused = { "data/netralitas/pengingat.csv", "test", count_load, &other };
	g_loads = 0;
	assert_ptr_equal(embedded_table_once(&ok), &len);
	assert_int_eq(len, embedded_find("data/holidays.csv")->len);
	assert_ptr_equal(embedded_table_once(&ok), &len);
	assert_int_eq(g_loads, 1);
	assert_null(embedded_table_once(&missing));
	assert_int_eq(g_loads, 1);
	assert_null(embedded_table_once(&refused));
	assert_null(embedded_table_once(&refused));
	assert_int_eq(g_loads, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(seeded_holidays),
		cmocka_unit_test(bad_holiday_files),
		cmocka_unit_test(seeded_workflow),
		cmocka_unit_test(bad_workflow_files),
		cmocka_unit_test(embedded_table_loads_once),
	};
	return RUN_TESTS("data_tables", tests);
}
