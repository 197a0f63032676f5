/* Campaign progress per unit and the list of who has not signed (CSV,
 * XLSX). Unit names are loaded before the rows stream: the connection is
 * busy while a list runs. */
#include "core/compat.h"
#include "app/kampanye.h"
#include "core/csv.h"
#include "core/err.h"
#include "core/xalloc.h"
#include <xlsxwriter.h>

int kampanye_permille(int64_t signed_, int64_t total)
{
	if (total <= 0)
		return 0;
	return (int)((signed_ * 1000 + total / 2) / total);
}

struct units {
	struct unit_kerja *v;
	size_t n, cap;
};

static int add_unit(void *ctx, const struct unit_kerja *u)
{
	struct units *x = ctx;
	if (x->n == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 16;
		x->v = xrealloc(x->v, st_mult(x->cap, sizeof(*x->v)));
	}
	x->v[x->n++] = *u;
	return 0;
}

static const struct unit_kerja *unit_of(const struct units *x, int64_t id)
{
	for (size_t i = 0; id && i < x->n; i++)
		if (x->v[i].id == id)
			return &x->v[i];
	return NULL;
}

static int add_progress(void *ctx, const struct kampanye_progress *p)
{
	struct kampanye_progress_all *a = ctx;
	a->units = xrealloc(a->units, st_mult(a->n + 1, sizeof(*a->units)));
	struct kampanye_unit_progress *u = &a->units[a->n++];
	memset(u, 0, sizeof(*u));
	u->unit_id = p->unit_id;
	u->total = p->total;
	u->signed_ = p->signed_;
	a->total += p->total;
	a->signed_ += p->signed_;
	return 0;
}

static int open_campaign(struct store *s, const struct principal *actor, int64_t id,
			 struct kampanye *k, struct units *units)
{
	if (!kampanye_may_view(actor))
		return APP_EPERM;
	int rc = kampanye_get(s, actor, id, k, NULL);
	if (!rc)
		rc = store_unit_list(s, k->instansi_id, add_unit, units);
	return rc;
}

int kampanye_progress(struct store *s, const struct principal *actor, int64_t id,
		      struct kampanye_progress_all *out)
{
	memset(out, 0, sizeof(*out));
	struct kampanye k;
	struct units units = { 0 };
	int rc = open_campaign(s, actor, id, &k, &units);
	if (!rc)
		rc = store_kampanye_progress(s, id, add_progress, out);
	for (size_t i = 0; !rc && i < out->n; i++) {
		const struct unit_kerja *u = unit_of(&units, out->units[i].unit_id);
		snprintf(out->units[i].kode, sizeof(out->units[i].kode), "%s", u ? u->kode : "-");
		snprintf(out->units[i].nama, sizeof(out->units[i].nama), "%s", u ? u->nama : "");
	}
	free(units.v);
	if (rc) {
		free(out->units);
		memset(out, 0, sizeof(*out));
	}
	return rc;
}

static const char *const header[] = { "nip", "nama", "jabatan", "unit_kode", "unit_nama" };
#define NCOLS 5

struct sink {
	struct units units;
	struct csv_writer *csv;
	lxw_worksheet *ws;
	uint32_t row;
	int64_t rows;
};

static void cells(const struct sink *x, const struct pegawai *e, const char *cell[NCOLS])
{
	const struct unit_kerja *u = unit_of(&x->units, e->unit_id);
	cell[0] = e->nip;
	cell[1] = e->nama;
	cell[2] = e->jabatan;
	cell[3] = u ? u->kode : "";
	cell[4] = u ? u->nama : "";
}

static int csv_row(void *ctx, const struct pegawai *e)
{
	struct sink *x = ctx;
	const char *cell[NCOLS];
	cells(x, e, cell);
	for (size_t i = 0; i < NCOLS; i++)
		csv_write_field(x->csv, cell[i]);
	x->rows++;
	return csv_end_row(x->csv);
}

int kampanye_unsigned_csv(struct store *s, const struct principal *actor, int64_t id, FILE *out,
			  int64_t *rows)
{
	struct kampanye k;
	struct sink x;
	memset(&x, 0, sizeof(x));
	*rows = 0;
	int rc = open_campaign(s, actor, id, &k, &x.units);
	if (rc) {
		free(x.units.v);
		return rc;
	}
	struct csv_writer w;
	csv_writer_init(&w, out);
	x.csv = &w;
	for (size_t i = 0; i < NCOLS; i++)
		csv_write_field(&w, header[i]);
	rc = csv_end_row(&w);
	if (!rc)
		rc = store_kampanye_scope_list(s, id, 0, 1, csv_row, &x);
	if (!rc && fflush(out))
		rc = APP_EIO;
	csv_writer_release(&w);
	free(x.units.v);
	*rows = x.rows;
	return rc;
}

static int xlsx_row(void *ctx, const struct pegawai *e)
{
	struct sink *x = ctx;
	const char *cell[NCOLS];
	cells(x, e, cell);
	x->row++;
	for (size_t i = 0; i < NCOLS; i++)
		/* string cells only: "=1+1" stays text */
		if (cell[i][0] &&
		    worksheet_write_string(x->ws, x->row, (lxw_col_t)i, cell[i], NULL) != LXW_NO_ERROR)
			return APP_EIO;
	x->rows++;
	return 0;
}

int kampanye_unsigned_xlsx(struct store *s, const struct principal *actor, int64_t id,
			   const char *path, int64_t *rows)
{
	struct kampanye k;
	struct sink x;
	memset(&x, 0, sizeof(x));
	*rows = 0;
	int rc = open_campaign(s, actor, id, &k, &x.units);
	if (rc) {
		free(x.units.v);
		return rc;
	}
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE, .tmpdir = NULL,
				     .use_zip64 = LXW_TRUE };
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	if (!wb) {
		free(x.units.v);
		return APP_EIO;
	}
	x.ws = workbook_add_worksheet(wb, "belum_menandatangani");
	if (!x.ws)
		rc = APP_EIO;
	for (size_t i = 0; !rc && i < NCOLS; i++)
		if (worksheet_write_string(x.ws, 0, (lxw_col_t)i, header[i], NULL) != LXW_NO_ERROR)
			rc = APP_EIO;
	if (!rc) {
		worksheet_set_column(x.ws, 0, 0, 20, NULL);
		worksheet_set_column(x.ws, 1, 2, 36, NULL);
		worksheet_set_column(x.ws, 4, 4, 40, NULL);
		rc = store_kampanye_scope_list(s, id, 0, 1, xlsx_row, &x);
	}
	if (workbook_close(wb) != LXW_NO_ERROR && !rc)
		rc = APP_EIO;
	free(x.units.v);
	*rows = x.rows;
	return rc;
}
