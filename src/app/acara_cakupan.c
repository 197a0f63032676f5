/* Coverage of sosialisasi: per unit of an instansi, the share of its active
 * employees who attended at least one sosialisasi starting in a period,
 * and who was never reached; CSV and XLSX exports of both. */
#include "core/compat.h"
#include "app/acara.h"
#include "core/csv.h"
#include "core/date.h"
#include "core/err.h"
#include "core/xalloc.h"
#include <xlsxwriter.h>

int acara_permil(int64_t part, int64_t total)
{
	if (total <= 0)
		return 0;
	return (int)((part * 1000 + total / 2) / total);
}

struct rows {
	struct acara_cakupan *c;
	size_t cap;
};

static int add_row(void *ctx, const struct acara_cakupan_row *r)
{
	struct rows *x = ctx;
	struct acara_cakupan *c = x->c;
	if (c->n == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 32;
		c->unit = xrealloc(c->unit, st_mult(x->cap, sizeof(*c->unit)));
	}
	struct acara_cakupan_unit *u = &c->unit[c->n++];
	memset(u, 0, sizeof(*u));
	u->unit_id = r->unit_id;
	u->pegawai = r->pegawai;
	u->terjangkau = r->terjangkau;
	c->pegawai += r->pegawai;
	c->terjangkau += r->terjangkau;
	return 0;
}

static int cmp_unit(const void *a, const void *b)
{
	const struct acara_cakupan_unit *x = a, *y = b;
	/* employees without a unit last, the others by kode */
	if (!x->unit_id != !y->unit_id)
		return x->unit_id ? -1 : 1;
	return strcmp(x->kode, y->kode);
}

int acara_cakupan(struct store *s, const struct principal *p, const char *instansi_kode,
		  int32_t dari, int32_t sampai, struct acara_cakupan *out)
{
	memset(out, 0, sizeof(*out));
	if (!acara_can_read(p))
		return APP_EPERM;
	if (sampai < dari)
		return APP_EINVAL;
	if (!instansi_kode || !*instansi_kode || strlen(instansi_kode) >= sizeof(out->instansi.kode))
		return APP_ENOTFOUND;
	out->dari = dari;
	out->sampai = sampai;
	int rc = store_tx_begin(s, STORE_TX_READ);
	if (rc)
		return rc;
	rc = store_instansi_get_by_kode(s, instansi_kode, &out->instansi);
	if (!rc && !principal_sees_path(p, out->instansi.path))
		rc = APP_ENOTFOUND;
	struct rows x = { out, 0 };
	if (!rc)
		rc = store_acara_cakupan(s, out->instansi.id, acara_day_start_ms(dari),
					 acara_day_start_ms(sampai + 1), add_row, &x);
	for (size_t i = 0; !rc && i < out->n; i++) {
		struct acara_cakupan_unit *u = &out->unit[i];
		struct unit_kerja uk;
		if (!u->unit_id)
			continue;
		rc = store_unit_get(s, u->unit_id, &uk);
		if (!rc) {
			snprintf(u->kode, sizeof(u->kode), "%s", uk.kode);
			snprintf(u->nama, sizeof(u->nama), "%s", uk.nama);
		}
	}
	store_tx_rollback(s);
	if (rc) {
		acara_cakupan_release(out);
		return rc;
	}
	if (out->n > 1)
		qsort(out->unit, out->n, sizeof(*out->unit), cmp_unit);
	return 0;
}

void acara_cakupan_release(struct acara_cakupan *c)
{
	free(c->unit);
	c->unit = NULL;
	c->n = 0;
}

int acara_cakupan_belum(struct store *s, const struct principal *p, const struct acara_cakupan *c,
			int (*cb)(void *ctx, const struct acara_peserta *), void *ctx)
{
	if (!acara_can_read(p) || !principal_sees_path(p, c->instansi.path))
		return APP_EPERM;
	return store_acara_belum_list(s, c->instansi.id, acara_day_start_ms(c->dari),
				      acara_day_start_ms(c->sampai + 1), cb, ctx);
}

static const struct acara_cakupan_unit *unit_of(const struct acara_cakupan *c, int64_t id)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->unit[i].unit_id == id)
			return &c->unit[i];
	return NULL;
}

static void pct_text(int64_t part, int64_t total, char *out, size_t cap)
{
	int pm = acara_permil(part, total);
	snprintf(out, cap, "%d.%d", pm / 10, pm % 10);
}

/* ---- CSV ---- */

struct csv_ctx {
	struct csv_writer *w;
	const struct acara_cakupan *c;
	const char *tanpa;
};

static void csv_int(struct csv_writer *w, int64_t v)
{
	char b[24];
	snprintf(b, sizeof(b), "%lld", (long long)v);
	csv_write_field(w, b);
}

static int csv_belum(void *ctx, const struct acara_peserta *e)
{
	struct csv_ctx *x = ctx;
	const struct acara_cakupan_unit *u = unit_of(x->c, e->unit_id);
	csv_write_field(x->w, e->nip);
	csv_write_field(x->w, e->nama);
	csv_write_field(x->w, u && u->unit_id ? u->kode : "");
	csv_write_field(x->w, u && u->unit_id ? u->nama : x->tanpa);
	return csv_end_row(x->w);
}

int acara_cakupan_export_csv(struct store *s, const struct principal *p,
			     const struct acara_cakupan *c, FILE *out)
{
	struct csv_writer w;
	csv_writer_init(&w, out);
	static const char *const h1[] = { "unit_kode", "unit_nama", "pegawai", "terjangkau",
					  "belum", "persen" };
	for (size_t i = 0; i < ARRAY_SIZE(h1); i++)
		csv_write_field(&w, h1[i]);
	int rc = csv_end_row(&w);
	char pct[16];
	for (size_t i = 0; !rc && i <= c->n; i++) {
		const struct acara_cakupan_unit *u = i < c->n ? &c->unit[i] : NULL;
		int64_t n = u ? u->pegawai : c->pegawai, t = u ? u->terjangkau : c->terjangkau;
		csv_write_field(&w, u ? u->kode : "");
		csv_write_field(&w, u ? (u->unit_id ? u->nama : msg(M_ACARA_TANPA_UNIT, LANG_ID))
				      : "JUMLAH");
		csv_int(&w, n);
		csv_int(&w, t);
		csv_int(&w, n - t);
		pct_text(t, n, pct, sizeof(pct));
		csv_write_field(&w, pct);
		rc = csv_end_row(&w);
	}
	/* the never-reached list after one empty record */
	if (!rc)
		rc = csv_end_row(&w);
	static const char *const h2[] = { "nip", "nama", "unit_kode", "unit_nama" };
	for (size_t i = 0; !rc && i < ARRAY_SIZE(h2); i++)
		csv_write_field(&w, h2[i]);
	if (!rc)
		rc = csv_end_row(&w);
	struct csv_ctx x = { &w, c, msg(M_ACARA_TANPA_UNIT, LANG_ID) };
	if (!rc)
		rc = acara_cakupan_belum(s, p, c, csv_belum, &x);
	if (!rc && fflush(out))
		rc = APP_EIO;
	csv_writer_release(&w);
	return rc;
}

/* ---- XLSX ---- */

struct xlsx_ctx {
	lxw_worksheet *ws;
	uint32_t row;
	const struct acara_cakupan *c;
	const char *tanpa;
};

static int put_str(lxw_worksheet *ws, uint32_t r, int col, const char *v)
{
	/* always a string cell: a value like "=1+1" is never a formula */
	if (!v || !*v)
		return 0;
	return worksheet_write_string(ws, r, (lxw_col_t)col, v, NULL) == LXW_NO_ERROR ? 0 : APP_EIO;
}

static int xlsx_belum(void *ctx, const struct acara_peserta *e)
{
	struct xlsx_ctx *x = ctx;
	const struct acara_cakupan_unit *u = unit_of(x->c, e->unit_id);
	x->row++;
	int rc = put_str(x->ws, x->row, 0, e->nip);
	if (!rc) rc = put_str(x->ws, x->row, 1, e->nama);
	if (!rc) rc = put_str(x->ws, x->row, 2, u && u->unit_id ? u->kode : "");
	if (!rc) rc = put_str(x->ws, x->row, 3, u && u->unit_id ? u->nama : x->tanpa);
	return rc;
}

int acara_cakupan_export_xlsx(struct store *s, const struct principal *p,
			      const struct acara_cakupan *c, const char *path)
{
	lxw_workbook_options opt = { .constant_memory = LXW_TRUE, .tmpdir = NULL,
				     .use_zip64 = LXW_TRUE };
	lxw_workbook *wb = workbook_new_opt(path, &opt);
	if (!wb)
		return APP_EIO;
	int rc = 0;
	lxw_worksheet *ws = workbook_add_worksheet(wb, "cakupan");
	lxw_worksheet *ws2 = workbook_add_worksheet(wb, "belum");
	if (!ws || !ws2)
		rc = APP_EIO;
	static const char *const h1[] = { "unit_kode", "unit_nama", "pegawai", "terjangkau",
					  "belum", "persen" };
	for (size_t i = 0; !rc && i < ARRAY_SIZE(h1); i++)
		rc = put_str(ws, 0, (int)i, h1[i]);
	for (size_t i = 0; !rc && i <= c->n; i++) {
		const struct acara_cakupan_unit *u = i < c->n ? &c->unit[i] : NULL;
		int64_t n = u ? u->pegawai : c->pegawai, t = u ? u->terjangkau : c->terjangkau;
		uint32_t r = (uint32_t)i + 1;
		rc = put_str(ws, r, 0, u ? u->kode : "");
		if (!rc)
			rc = put_str(ws, r, 1, u ? (u->unit_id ? u->nama : msg(M_ACARA_TANPA_UNIT, LANG_ID))
						 : "JUMLAH");
		if (!rc && (worksheet_write_number(ws, r, 2, (double)n, NULL) != LXW_NO_ERROR ||
			    worksheet_write_number(ws, r, 3, (double)t, NULL) != LXW_NO_ERROR ||
			    worksheet_write_number(ws, r, 4, (double)(n - t), NULL) != LXW_NO_ERROR ||
			    worksheet_write_number(ws, r, 5, acara_permil(t, n) / 10.0, NULL) != LXW_NO_ERROR))
			rc = APP_EIO;
	}
	static const char *const h2[] = { "nip", "nama", "unit_kode", "unit_nama" };
	for (size_t i = 0; !rc && i < ARRAY_SIZE(h2); i++)
		rc = put_str(ws2, 0, (int)i, h2[i]);
	if (!rc) {
		worksheet_set_column(ws, 1, 1, 40, NULL);
		worksheet_set_column(ws2, 0, 0, 20, NULL);
		worksheet_set_column(ws2, 1, 1, 32, NULL);
		worksheet_set_column(ws2, 3, 3, 40, NULL);
	}
	struct xlsx_ctx x = { ws2, 0, c, msg(M_ACARA_TANPA_UNIT, LANG_ID) };
	if (!rc)
		rc = acara_cakupan_belum(s, p, c, xlsx_belum, &x);
	if (workbook_close(wb) != LXW_NO_ERROR && !rc)
		rc = APP_EIO;
	return rc;
}
