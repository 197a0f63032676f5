/* Table export: the preamble echoes the filters, cells are neutralised in
 * CSV and never formulas in XLSX, numeric columns are numbers in XLSX. */
#include "core/compat.h"
#include "app/table_export.h"
#include "test_helpers.h"
#include <unistd.h>

static const struct tabexp_filter F[] = {
	{ "Konteks", "pilkada" }, { "Wilayah", "" }, { "Periode", "2026-01-01 s.d. 2026-03-31" },
};
static const char *const H[] = { "Tahap", "Jumlah" };

static void fill(struct tabexp *t)
{
	assert_int_eq(tabexp_meta(t, "Kasus per tahap", F, 3, 1773118800000LL, "Dibuat (UTC)",
				  "Filter"), 0);
	assert_int_eq(tabexp_header(t, H, 2, 1u << 1), 0);
	const char *r1[] = { "=HYPERLINK(\"x\")", "12" };
	const char *r2[] = { "Kajian, Bawaslu", "3" };
	assert_int_eq(tabexp_row(t, r1), 0);
	assert_int_eq(tabexp_row(t, r2), 0);
	assert_int_eq(t->rows, 2);
}

static void csv_has_filters_and_neutralises(void **state)
{
	(void)state;
	char *mem = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&mem, &len);
	struct tabexp t;
	assert_int_eq(tabexp_open_csv(&t, f), 0);
	fill(&t);
	assert_int_eq(tabexp_close(&t), 0);
	fclose(f);
	assert_str_eq(mem, "Wasdal,Kasus per tahap\r\n"
			   "Dibuat (UTC),2026-03-10 05:00:00\r\n"
			   "Filter: Konteks,pilkada\r\n"
			   "Filter: Periode,2026-01-01 s.d. 2026-03-31\r\n"
			   "\"\"\r\n" /* one empty field: an empty row */
			   "Tahap,Jumlah\r\n"
			   "\"'=HYPERLINK(\"\"x\"\")\",12\r\n"
			   "\"Kajian, Bawaslu\",3\r\n");
	free(mem);
}

static void xlsx_has_filters_and_no_formula(void **state)
{
	(void)state;
	char path[] = "/tmp/wasdal-tabexp-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	struct tabexp t;
	assert_int_eq(tabexp_open_xlsx(&t, path, "tahap"), 0);
	fill(&t);
	assert_int_eq(tabexp_close(&t), 0);
	char cmd[256];
	snprintf(cmd, sizeof(cmd), "unzip -p %s xl/worksheets/sheet1.xml", path);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	static char xml[65536];
	size_t n = fread(xml, 1, sizeof(xml) - 1, p);
	xml[n] = 0;
	pclose(p);
	unlink(path);
	assert_non_null(strstr(xml, "Filter: Konteks"));
	assert_non_null(strstr(xml, "pilkada"));
	assert_null(strstr(xml, "Filter: Wilayah"));
	assert_non_null(strstr(xml, "=HYPERLINK"));  /* as a string */
	assert_null(strstr(xml, "<f>"));             /* no formula cell */
	assert_non_null(strstr(xml, "<v>12</v>"));   /* numeric column as a number */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(csv_has_filters_and_neutralises),
		cmocka_unit_test(xlsx_has_filters_and_no_formula),
	};
	return RUN_TESTS("table_export", tests);
}
