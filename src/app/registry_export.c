/* Streaming export of the registry in the import layout (CSV, XLSX).
 * The store's connection is busy while a list streams, so the instansi and
 * unit codes are loaded into memory first (a few thousand rows at most). */
#include "core/compat.h"
#include "app/registry.h"
#include "core/csv.h"
#include "core/err.h"
#include "core/xalloc.h"
#include <xlsxwriter.h>

static const char *const header[] = {
	"nip", "nama", "jenis_asn", "golongan", "jenis_jabatan", "jenjang", "jabatan",
	"instansi_kode", "unit_kode", "unit_nama", "status",
};
#define NCOLS (sizeof(header) / sizeof(header[0]))

struct place { int64_t id; char kode[32]; char nama[160]; };

struct places {
	struct place *v;
	size_t n, cap;
};

static void places_add(struct places *ps, int64_t id, const char *kode, const char *nama)
{
	if (ps->n == ps->cap) {
		ps->cap = ps->cap ? ps->cap * 2 : 64;
		ps->v = xrealloc(ps->v, st_mult(ps->cap, sizeof(*ps->v)));
	}
	struct place *p = &ps->v[ps->n++];
	p->id = id;
	snprintf(p->kode, sizeof(p->kode), "%s", kode);
	snprintf(p->nama, sizeof(p->nama), "%s", nama);
}

static int cmp_place(const void *a, const void *b)
{
	int64_t x = ((const struct place *)a)->id, y = ((const struct place *)b)->id;
	return (x > y) - (x < y);
}

static const struct place *places_find(const struct places *ps, int64_t id)
{
	struct place key = { .id = id };
	return id ? bsearch(&key, ps->v, ps->n, sizeof(*ps->v), cmp_place) : NULL;
}

static int add_instansi(void *ctx, const struct instansi *in)
{
	places_add(ctx, in->id, in->kode, in->nama);
	return 0;
}

static int add_unit(void *ctx, const struct unit_kerja *u)
{
	places_add(ctx, u->id, u->kode, u->nama);
	return 0;
}

struct export {
	struct places inst, unit;
	/* sink */
	struct csv_writer *csv;
	lxw_worksheet *ws;
	uint32_t row;
	int64_t rows;
	int err;
};

static int load_places(struct store *s, const struct principal *p, struct export *x)
{
	int rc = registry_instansi_list(s, p, add_instansi, &x->inst);
	if (rc)
		return rc;
	if (x->inst.n) /* qsort(NULL, 0, ...) is undefined */
		qsort(x->inst.v, x->inst.n, sizeof(*x->inst.v), cmp_place);
	for (size_t i = 0; i < x->inst.n; i++) {
		rc = store_unit_list(s, x->inst.v[i].id, add_unit, &x->unit);
		if (rc)
			return rc;
	}
	if (x->unit.n)
		qsort(x->unit.v, x->unit.n, sizeof(*x->unit.v), cmp_place);
	return 0;
}

static void cells_of(const struct export *x, const struct pegawai *e, const char *cell[NCOLS])
{
	const struct place *in = places_find(&x->inst, e->instansi_id);
	const struct place *un = places_find(&x->unit, e->unit_id);
	cell[0] = e->nip;
	cell[1] = e->nama;
	cell[2] = e->jenis_asn;
	cell[3] = e->golongan;
	cell[4] = e->jenis_jabatan;
	cell[5] = e->jenjang;
	cell[6] = e->jabatan;
	cell[7] = in ? in->kode : "";
	cell[8] = un ? un->kode : "";
	cell[9] = un ? un->nama : "";
	cell[10] = e->status;
}

static int csv_row(void *ctx, const struct pegawai *e)
{
	struct export *x = ctx;
	const char *cell[NCOLS];
	cells_of(x, e, cell);
	for (size_t i = 0; i < NCOLS; i++)
		csv_write_field(x->csv, cell[i]);
	x->err = csv_end_row(x->csv);
	x->rows++;
	return x->err;
}

static void release(struct export *x)
{
	free(x->inst.v);
	free(x->unit.v);
}

int registry_export_csv(struct store *s, const struct principal *p,
			const struct pegawai_filter *f, FILE *out, int64_t *rows)
{
	struct export x;
	memset(&x, 0, sizeof(x));
	if (rows)
		*rows = 0;
	int rc = load_places(s, p, &x);
	if (rc) {
		release(&x);
		return rc;
	}
	struct csv_writer w;
	csv_writer_init(&w, out);
	x.csv = &w;
	for (size_t i = 0; i < NCOLS; i++)
		csv_write_field(&w, header[i]);
	rc = csv_end_row(&w);
	struct pegawai_filter g;
	if (f)
		g = *f;
	else
		memset(&g, 0, sizeof(g));
	g.limit = 0;
	if (!rc)
		rc = registry_list(s, p, &g, csv_row, &x);
	if (!rc && fflush(out))
		rc = APP_EIO;
	csv_writer_release(&w);
	release(&x);
	if (rows)
		*rows = x.rows;
	return rc;
}

static int xlsx_row(void *ctx, const struct pegawai *e)
{
	struct export *x = ctx;
	const char *cell[NCOLS];
	cells_of(x, e, cell);
	x->row++;
	for (size_t i = 0; i < NCOLS; i++)
		/* always a string cell: a value like "=1+1" is never a formula */
		if (cell[i][0] &&
		    worksheet_write_string(x->ws, x->row, (lxw_col_t)i, cell[i], NULL) != LXW_NO_ERROR)
			return x->err = APP_EIO;
	x->rows++;
	return 0;
}

int registry_export_xlsx(struct store *s, const struct principal *p,
			 const struct pegawai_filter *f, const char *path, int64_t *rows)
{
	struct export x;
	memset(&x, 0, sizeof(x));
	if (rows)
		*rows = 0;
	int rc = load_places(s, p, &x);
	if (rc) {
		release(&x);
		return rc;
	}
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE, .tmpdir = NULL,
				     .use_zip64 = LXW_TRUE };
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	if (!wb) {
		release(&x);
		return APP_EIO;
	}
	x.ws = workbook_add_worksheet(wb, "pegawai");
	if (!x.ws)
		rc = APP_EIO;
	for (size_t i = 0; !rc && i < NCOLS; i++)
		if (worksheet_write_string(x.ws, 0, (lxw_col_t)i, header[i], NULL) != LXW_NO_ERROR)
			rc = APP_EIO;
	if (!rc) {
		worksheet_set_column(x.ws, 0, 0, 20, NULL);
		worksheet_set_column(x.ws, 1, 1, 32, NULL);
		worksheet_set_column(x.ws, 6, 6, 40, NULL);
		worksheet_set_column(x.ws, 9, 9, 32, NULL);
	}
	struct pegawai_filter g;
	if (f)
		g = *f;
	else
		memset(&g, 0, sizeof(g));
	g.limit = 0;
	if (!rc)
		rc = registry_list(s, p, &g, xlsx_row, &x);
	if (workbook_close(wb) != LXW_NO_ERROR && !rc)
		rc = APP_EIO;
	release(&x);
	if (rows)
		*rows = x.rows;
	return rc;
}
