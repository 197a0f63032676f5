/* CSV/XLSX table export with its filters (see table_export.h). */
#include "core/compat.h"
#include "app/table_export.h"
#include "core/csv.h"
#include "core/err.h"
#include "core/xalloc.h"
#include <time.h>
#include <xlsxwriter.h>

int tabexp_open_csv(struct tabexp *t, FILE *out)
{
	memset(t, 0, sizeof(*t));
	t->fmt = TABEXP_CSV;
	struct csv_writer *w = xcalloc(1, sizeof(*w));
	csv_writer_init(w, out);
	t->csv = w;
	return 0;
}

int tabexp_open_xlsx(struct tabexp *t, const char *path, const char *sheet)
{
	memset(t, 0, sizeof(*t));
	t->fmt = TABEXP_XLSX;
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE, .tmpdir = NULL,
				     .use_zip64 = LXW_TRUE };
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	if (!wb)
		return APP_EIO;
	t->wb = wb;
	t->ws = workbook_add_worksheet(wb, sheet);
	if (!t->ws) {
		t->err = APP_EIO;
		return APP_EIO;
	}
	return 0;
}

/* One row of n cells; numeric columns as numbers in XLSX. */
static int put_row(struct tabexp *t, const char *const *cells, size_t n, int data)
{
	if (t->err)
		return t->err;
	if (t->fmt == TABEXP_CSV) {
		for (size_t i = 0; i < n; i++)
			csv_write_field(t->csv, cells[i] ? cells[i] : "");
		t->err = csv_end_row(t->csv);
	} else {
		for (size_t i = 0; i < n && !t->err; i++) {
			const char *c = cells[i] ? cells[i] : "";
			if (!*c)
				continue;
			lxw_error e;
			char *end = NULL;
			long long v = 0;
			if (data && i < 64 && (t->numeric >> i & 1))
				v = strtoll(c, &end, 10);
			if (end && end != c && !*end)
				e = worksheet_write_number(t->ws, t->row, (lxw_col_t)i, (double)v, NULL);
			else /* always a string cell: "=1+1" is never a formula */
				e = worksheet_write_string(t->ws, t->row, (lxw_col_t)i, c, NULL);
			if (e != LXW_NO_ERROR)
				t->err = APP_EIO;
		}
		t->row++;
	}
	return t->err;
}

int tabexp_meta(struct tabexp *t, const char *title, const struct tabexp_filter *f, size_t nf,
		int64_t now_ms, const char *made_label, const char *filter_label)
{
	const char *r0[] = { "Wasdal", title };
	put_row(t, r0, 2, 0);
	time_t sec = now_ms ? (time_t)(now_ms / 1000) : time(NULL);
	struct tm tm;
	gmtime_r(&sec, &tm);
	char ts[32];
	strftime(ts, sizeof(ts), "%Y-%m-%d %H:%M:%S", &tm);
	const char *r1[] = { made_label, ts };
	put_row(t, r1, 2, 0);
	for (size_t i = 0; i < nf; i++) {
		if (!f[i].value || !*f[i].value)
			continue;
		char name[160];
		snprintf(name, sizeof(name), "%s: %s", filter_label, f[i].name);
		const char *r[] = { name, f[i].value };
		put_row(t, r, 2, 0);
	}
	const char *blank[] = { "" };
	return put_row(t, blank, 1, 0);
}

int tabexp_header(struct tabexp *t, const char *const *cols, size_t n, uint64_t numeric)
{
	t->ncols = n;
	t->numeric = numeric;
	return put_row(t, cols, n, 0);
}

int tabexp_row(struct tabexp *t, const char *const *cells)
{
	int rc = put_row(t, cells, t->ncols, 1);
	if (!rc)
		t->rows++;
	return rc;
}

int tabexp_close(struct tabexp *t)
{
	int rc = t->err;
	if (t->fmt == TABEXP_CSV) {
		if (t->csv) {
			struct csv_writer *w = t->csv;
			if (!rc && w->out && fflush(w->out))
				rc = APP_EIO;
			csv_writer_release(w);
			free(w);
			t->csv = NULL;
		}
	} else if (t->wb) {
		if (workbook_close(t->wb) != LXW_NO_ERROR && !rc)
			rc = APP_EIO;
		t->wb = t->ws = NULL;
	}
	return rc;
}
