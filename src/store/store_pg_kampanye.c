/* PostgreSQL: campaign tables (templates, campaigns, signatures,
 * activation codes), migration 0007. */
#include "core/compat.h"
#include "core/err.h"
#include "store/store_pg_int.h"

#define TEMPLAT_COLS(teks) "t.id, t.instansi_id, t.kode, t.versi, t.jenis, t.judul, " teks \
	", t.teks_sha256, t.created_ms, t.created_by," \
	" (SELECT count(*) FROM tanda_tangan x WHERE x.templat_id = t.id)"

/* Row 0 of r (a one-row result, or a streamed row). */
static int read_templat(struct pg_store *q, PGresult *r, void *out)
{
	struct dok_templat *o = out;
	struct store *s = &q->base;
	const int row = 0;
	memset(o, 0, sizeof(*o));
	o->id = pg_int(r, row, 0);
	o->instansi_id = pg_int(r, row, 1);
	o->versi = pg_int(r, row, 3);
	o->created_ms = pg_int(r, row, 8);
	o->n_signed = pg_int(r, row, 10);
	int rc = STORE_COPY(s, o->kode, pg_text(r, row, 2));
	if (!rc)
		rc = STORE_COPY(s, o->jenis, pg_text(r, row, 4));
	if (!rc)
		rc = STORE_COPY(s, o->judul, pg_text(r, row, 5));
	if (!rc)
		rc = STORE_COPY(s, o->teks, pg_text(r, row, 6));
	if (!rc)
		rc = STORE_COPY(s, o->teks_sha256, pg_text(r, row, 7));
	if (!rc)
		rc = STORE_COPY(s, o->created_by, pg_text(r, row, 9));
	return rc;
}

static int pg_templat_insert(struct store *s, struct dok_templat *t)
{
	struct pg_params p = { 0 };
	pp_int(&p, t->instansi_id);
	pp_text(&p, t->kode);
	pp_int(&p, t->versi);
	pp_text(&p, t->jenis);
	pp_text(&p, t->judul);
	pp_text(&p, t->teks);
	pp_text(&p, t->teks_sha256);
	pp_int(&p, t->created_ms);
	pp_text(&p, t->created_by);
	return pg_insert(pg_downcast(s), "INSERT INTO dokumen_templat (instansi_id, kode, versi, jenis, judul, teks,"
			 " teks_sha256, created_ms, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
			 " RETURNING id", &p, &t->id, "templat insert");
}

static int pg_templat_update(struct store *s, const struct dok_templat *t)
{
	struct pg_params p = { 0 };
	int64_t n = 0;
	pp_int(&p, t->id);
	pp_text(&p, t->jenis);
	pp_text(&p, t->judul);
	pp_text(&p, t->teks);
	pp_text(&p, t->teks_sha256);
	int rc = pg_command(pg_downcast(s), "UPDATE dokumen_templat SET jenis = $2, judul = $3,"
			    " teks = $4, teks_sha256 = $5 WHERE id = $1", &p, &n, "templat update");
	if (!rc && n == 0)
		rc = store_fail(s, APP_ENOTFOUND, "no template %lld", (long long)t->id);
	return rc;
}

static int pg_templat_get(struct store *s, int64_t id, struct dok_templat *out)
{
	struct pg_params p = { 0 };
	pp_int(&p, id);
	return pg_one(pg_downcast(s), "SELECT " TEMPLAT_COLS("t.teks")
		      " FROM dokumen_templat t WHERE t.id = $1", &p, read_templat, out, "templat get",
		      "no template %lld", (long long)id);
}

static int pg_templat_max_versi(struct store *s, int64_t instansi_id, const char *kode,
				int64_t *versi)
{
	struct pg_params p = { 0 };
	pp_int(&p, instansi_id);
	pp_text(&p, kode);
	int rc = pg_int_row(pg_downcast(s), "SELECT coalesce(max(versi), 0) FROM dokumen_templat"
			    " WHERE instansi_id = $1 AND kode = $2", &p, versi, "templat versi");
	return rc < 0 ? rc : 0;
}

struct cb_ctx {
	void *cb;
	void *ctx;
};

static int templat_row(struct pg_store *q, PGresult *r, void *arg)
{
	struct cb_ctx *c = arg;
	struct dok_templat *row = malloc(sizeof(*row));
	if (!row)
		return APP_ENOMEM;
	int rc = read_templat(q, r, row);
	if (!rc)
		rc = store_stop(&q->base, ((store_templat_cb)c->cb)(c->ctx, row));
	free(row);
	return rc;
}

static int pg_templat_list(struct store *s, int64_t instansi_id, store_templat_cb cb, void *ctx)
{
	struct pg_params p = { 0 };
	struct cb_ctx c = { (void *)cb, ctx };
	pp_int(&p, instansi_id);
	return pg_stream(pg_downcast(s), "SELECT " TEMPLAT_COLS("''") " FROM dokumen_templat t"
			 " WHERE t.instansi_id = $1 ORDER BY t.kode, t.versi DESC", &p, templat_row, &c,
			 "templat list");
}

#define KAMPANYE_COLS "k.id, k.instansi_id, k.templat_id, k.nama, k.periode, k.tenggat_hari," \
	" k.cakupan, k.created_ms, k.created_by, i.path"
#define KAMPANYE_FROM " FROM kampanye k JOIN instansi i ON i.id = k.instansi_id"

/* Row 0 of r (a one-row result, or a streamed row). */
static int read_kampanye(struct pg_store *q, PGresult *r, void *out)
{
	struct kampanye *o = out;
	struct store *s = &q->base;
	const int row = 0;
	memset(o, 0, sizeof(*o));
	o->id = pg_int(r, row, 0);
	o->instansi_id = pg_int(r, row, 1);
	o->templat_id = pg_int(r, row, 2);
	o->tenggat_hari = (int32_t)pg_int(r, row, 5);
	o->created_ms = pg_int(r, row, 7);
	int rc = STORE_COPY(s, o->nama, pg_text(r, row, 3));
	if (!rc)
		rc = STORE_COPY(s, o->periode, pg_text(r, row, 4));
	if (!rc)
		rc = STORE_COPY(s, o->cakupan, pg_text(r, row, 6));
	if (!rc)
		rc = STORE_COPY(s, o->created_by, pg_text(r, row, 8));
	if (!rc)
		rc = STORE_COPY(s, o->instansi_path, pg_text(r, row, 9));
	return rc;
}

static int pg_kampanye_insert(struct store *s, struct kampanye *k)
{
	struct pg_params p = { 0 };
	pp_int(&p, k->instansi_id);
	pp_int(&p, k->templat_id);
	pp_text(&p, k->nama);
	pp_text(&p, k->periode);
	pp_int(&p, k->tenggat_hari);
	pp_text(&p, k->cakupan);
	pp_int(&p, k->created_ms);
	pp_text(&p, k->created_by);
	return pg_insert(pg_downcast(s), "INSERT INTO kampanye (instansi_id, templat_id, nama, periode, tenggat_hari,"
			 " cakupan, created_ms, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
			 " RETURNING id", &p, &k->id, "kampanye insert");
}

static int pg_kampanye_get(struct store *s, int64_t id, struct kampanye *out)
{
	struct pg_params p = { 0 };
	pp_int(&p, id);
	return pg_one(pg_downcast(s), "SELECT " KAMPANYE_COLS KAMPANYE_FROM " WHERE k.id = $1", &p,
		      read_kampanye, out, "kampanye get", "no campaign %lld", (long long)id);
}

static int kampanye_row(struct pg_store *q, PGresult *r, void *arg)
{
	struct cb_ctx *c = arg;
	struct kampanye row;
	int rc = read_kampanye(q, r, &row);
	return rc ? rc : store_stop(&q->base, ((store_kampanye_cb)c->cb)(c->ctx, &row));
}

static int pg_kampanye_list(struct store *s, const char *lo, const char *hi, store_kampanye_cb cb,
			    void *ctx)
{
	struct pg_params p = { 0 };
	struct cb_ctx c = { (void *)cb, ctx };
	pp_text(&p, lo);
	pp_text(&p, hi);
	return pg_stream(pg_downcast(s), "SELECT " KAMPANYE_COLS KAMPANYE_FROM
			 " WHERE i.path >= $1 AND i.path < $2 ORDER BY k.id DESC", &p, kampanye_row, &c,
			 "kampanye list");
}

static int pg_kampanye_add_unit(struct store *s, int64_t kampanye_id, int64_t unit_id)
{
	struct pg_params p = { 0 };
	pp_int(&p, kampanye_id);
	pp_int(&p, unit_id);
	return pg_command(pg_downcast(s), "INSERT INTO kampanye_unit (kampanye_id, unit_id)"
			  " VALUES ($1, $2) ON CONFLICT DO NOTHING", &p, NULL, "kampanye unit");
}

static int pg_kampanye_add_nip(struct store *s, int64_t kampanye_id, const char *nip)
{
	struct pg_params p = { 0 };
	pp_int(&p, kampanye_id);
	pp_text(&p, nip);
	return pg_command(pg_downcast(s), "INSERT INTO kampanye_nip (kampanye_id, nip)"
			  " VALUES ($1, $2) ON CONFLICT DO NOTHING", &p, NULL, "kampanye nip");
}

static int id_row(struct pg_store *q, PGresult *r, void *arg)
{
	struct cb_ctx *c = arg;
	return store_stop(&q->base, ((store_id_cb)c->cb)(c->ctx, pg_int(r, 0, 0)));
}

static int pg_kampanye_units(struct store *s, int64_t kampanye_id, store_id_cb cb, void *ctx)
{
	struct pg_params p = { 0 };
	struct cb_ctx c = { (void *)cb, ctx };
	pp_int(&p, kampanye_id);
	return pg_stream(pg_downcast(s), "SELECT unit_id FROM kampanye_unit WHERE kampanye_id = $1"
			 " ORDER BY unit_id", &p, id_row, &c, "kampanye units");
}

#define SCOPE_FROM " FROM pegawai p JOIN kampanye k ON k.id = $1 AND p.instansi_id = k.instansi_id"
#define SCOPE_WHERE " p.status = 'aktif' AND (k.cakupan = 'instansi'" \
	" OR (k.cakupan = 'unit' AND p.unit_id IN (SELECT unit_id FROM kampanye_unit WHERE kampanye_id = k.id))" \
	" OR (k.cakupan = 'nip' AND p.nip IN (SELECT nip FROM kampanye_nip WHERE kampanye_id = k.id)))"

static int pg_in_scope(struct store *s, int64_t kampanye_id, const char *nip, int *in)
{
	struct pg_params p = { 0 };
	int64_t n = 0;
	pp_int(&p, kampanye_id);
	pp_text(&p, nip);
	int rc = pg_int_row(pg_downcast(s), "SELECT count(*)" SCOPE_FROM " WHERE p.nip = $2 AND"
			    SCOPE_WHERE, &p, &n, "kampanye scope");
	if (rc == 1)
		*in = n > 0;
	return rc < 0 ? rc : 0;
}

static int scope_row(struct pg_store *q, PGresult *r, void *arg)
{
	struct cb_ctx *c = arg;
	struct pegawai row;
	memset(&row, 0, sizeof(row));
	row.id = pg_int(r, 0, 0);
	row.instansi_id = pg_int(r, 0, 4);
	row.unit_id = pg_int(r, 0, 5);
	int rc = STORE_COPY(&q->base, row.nip, pg_text(r, 0, 1));
	if (!rc)
		rc = STORE_COPY(&q->base, row.nama, pg_text(r, 0, 2));
	if (!rc)
		rc = STORE_COPY(&q->base, row.jabatan, pg_text(r, 0, 3));
	return rc ? rc : store_stop(&q->base, ((store_pegawai_cb)c->cb)(c->ctx, &row));
}

static int pg_scope_list(struct store *s, int64_t kampanye_id, int64_t unit_id, int only_unsigned,
			 store_pegawai_cb cb, void *ctx)
{
	struct pg_params p = { 0 };
	struct cb_ctx c = { (void *)cb, ctx };
	pp_int(&p, kampanye_id);
	pp_int(&p, unit_id);
	pp_int(&p, only_unsigned ? 1 : 0);
	return pg_stream(pg_downcast(s), "SELECT p.id, p.nip, p.nama, p.jabatan, p.instansi_id,"
			 " coalesce(p.unit_id, 0)" SCOPE_FROM " WHERE" SCOPE_WHERE
			 " AND ($2::bigint = 0 OR p.unit_id = $2::bigint)"
			 " AND ($3::int = 0 OR NOT EXISTS (SELECT 1 FROM tanda_tangan t"
			 "      WHERE t.kampanye_id = k.id AND t.nip = p.nip))"
			 " ORDER BY coalesce(p.unit_id, 0), p.nip", &p, scope_row, &c,
			 "kampanye scope list");
}

static int progress_row(struct pg_store *q, PGresult *r, void *arg)
{
	struct cb_ctx *c = arg;
	struct kampanye_progress row = { pg_int(r, 0, 0), pg_int(r, 0, 1), pg_int(r, 0, 2) };
	return store_stop(&q->base, ((store_progress_cb)c->cb)(c->ctx, &row));
}

static int pg_progress(struct store *s, int64_t kampanye_id, store_progress_cb cb, void *ctx)
{
	struct pg_params p = { 0 };
	struct cb_ctx c = { (void *)cb, ctx };
	pp_int(&p, kampanye_id);
	return pg_stream(pg_downcast(s), "SELECT coalesce(p.unit_id, 0), count(*), count(t.id)"
			 SCOPE_FROM " LEFT JOIN tanda_tangan t ON t.kampanye_id = k.id AND t.nip = p.nip"
			 " WHERE" SCOPE_WHERE " GROUP BY coalesce(p.unit_id, 0) ORDER BY 1", &p,
			 progress_row, &c, "kampanye progress");
}

#define TTD_COLS "id, kampanye_id, templat_id, pegawai_id, nip, signed_ms, doc_sha256, kunci_id," \
	" payload, kode"

/* Row 0 of r (a one-row result, or a streamed row). */
static int read_ttd(struct pg_store *q, PGresult *r, void *out)
{
	struct tanda_tangan *o = out;
	struct store *s = &q->base;
	const int row = 0;
	memset(o, 0, sizeof(*o));
	o->id = pg_int(r, row, 0);
	o->kampanye_id = pg_int(r, row, 1);
	o->templat_id = pg_int(r, row, 2);
	o->pegawai_id = pg_int(r, row, 3);
	o->signed_ms = pg_int(r, row, 5);
	o->kunci_id = pg_int(r, row, 7);
	int rc = STORE_COPY(s, o->nip, pg_text(r, row, 4));
	if (!rc)
		rc = STORE_COPY(s, o->doc_sha256, pg_text(r, row, 6));
	if (!rc)
		rc = STORE_COPY(s, o->payload, pg_text(r, row, 8));
	if (!rc)
		rc = STORE_COPY(s, o->kode, pg_text(r, row, 9));
	return rc;
}

static int pg_ttd_insert(struct store *s, struct tanda_tangan *t)
{
	struct pg_params p = { 0 };
	pp_int(&p, t->kampanye_id);
	pp_int(&p, t->templat_id);
	pp_int(&p, t->pegawai_id);
	pp_text(&p, t->nip);
	pp_int(&p, t->signed_ms);
	pp_text(&p, t->doc_sha256);
	pp_int(&p, t->kunci_id);
	pp_text(&p, t->payload);
	pp_text(&p, t->kode);
	return pg_insert(pg_downcast(s), "INSERT INTO tanda_tangan (kampanye_id, templat_id, pegawai_id, nip,"
			 " signed_ms, doc_sha256, kunci_id, payload, kode)"
			 " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id", &p, &t->id,
			 "tanda tangan insert");
}

static int ttd_one(struct store *s, const char *sql, const struct pg_params *p,
		   struct tanda_tangan *out)
{
	return pg_one(pg_downcast(s), sql, p, read_ttd, out, "tanda tangan", "no such signature");
}

static int pg_ttd_get(struct store *s, int64_t kampanye_id, const char *nip, struct tanda_tangan *out)
{
	struct pg_params p = { 0 };
	pp_int(&p, kampanye_id);
	pp_text(&p, nip);
	return ttd_one(s, "SELECT " TTD_COLS " FROM tanda_tangan WHERE kampanye_id = $1 AND nip = $2",
		       &p, out);
}

static int pg_ttd_get_by_kode(struct store *s, const char *kode, struct tanda_tangan *out)
{
	struct pg_params p = { 0 };
	pp_text(&p, kode);
	return ttd_one(s, "SELECT " TTD_COLS " FROM tanda_tangan WHERE kode = $1", &p, out);
}

static int read_key(struct pg_store *q, PGresult *r, void *o)
{
	struct instansi_key *out = o;
	memset(out, 0, sizeof(*out));
	out->id = pg_int(r, 0, 0);
	out->instansi_id = pg_int(r, 0, 1);
	out->created_ms = pg_int(r, 0, 3);
	out->retired_ms = pg_int(r, 0, 4);
	return STORE_COPY(&q->base, out->public_hex, pg_text(r, 0, 2));
}

static int pg_key_get(struct store *s, int64_t id, struct instansi_key *out)
{
	struct pg_params p = { 0 };
	pp_int(&p, id);
	return pg_one(pg_downcast(s), "SELECT id, instansi_id, public_hex, created_ms,"
		      " coalesce(retired_ms, 0) FROM instansi_keys WHERE id = $1", &p, read_key, out,
		      "instansi key get", "no key %lld", (long long)id);
}

static int pg_aktivasi_revoke(struct store *s, const char *nip, int64_t now_ms)
{
	struct pg_params p = { 0 };
	pp_text(&p, nip);
	pp_int(&p, now_ms);
	return pg_command(pg_downcast(s), "UPDATE kode_aktivasi SET revoked_ms = $2 WHERE nip = $1"
			  " AND used_ms IS NULL AND revoked_ms IS NULL", &p, NULL, "aktivasi revoke");
}

static int pg_aktivasi_insert(struct store *s, struct kode_aktivasi *a)
{
	struct pg_params p = { 0 };
	pp_int(&p, a->pegawai_id);
	pp_text(&p, a->nip);
	pp_id(&p, a->kampanye_id);
	pp_text(&p, a->kode_hash);
	pp_int(&p, a->created_ms);
	pp_int(&p, a->expires_ms);
	pp_text(&p, a->created_by);
	return pg_insert(pg_downcast(s), "INSERT INTO kode_aktivasi (pegawai_id, nip, kampanye_id, kode_hash,"
			 " created_ms, expires_ms, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)"
			 " RETURNING id", &p, &a->id, "aktivasi insert");
}

static int read_aktivasi(struct pg_store *q, PGresult *r, void *o)
{
	struct kode_aktivasi *out = o;
	struct store *s = &q->base;
	memset(out, 0, sizeof(*out));
	out->id = pg_int(r, 0, 0);
	out->pegawai_id = pg_int(r, 0, 1);
	out->kampanye_id = pg_int(r, 0, 3);
	out->created_ms = pg_int(r, 0, 5);
	out->expires_ms = pg_int(r, 0, 6);
	int rc = STORE_COPY(s, out->nip, pg_text(r, 0, 2));
	if (!rc)
		rc = STORE_COPY(s, out->kode_hash, pg_text(r, 0, 4));
	if (!rc)
		rc = STORE_COPY(s, out->created_by, pg_text(r, 0, 7));
	return rc;
}

static int pg_aktivasi_current(struct store *s, const char *nip, struct kode_aktivasi *out)
{
	struct pg_params p = { 0 };
	pp_text(&p, nip);
	return pg_one(pg_downcast(s), "SELECT id, pegawai_id, nip, coalesce(kampanye_id, 0),"
		      " kode_hash, created_ms, expires_ms, created_by FROM kode_aktivasi WHERE nip = $1"
		      " AND used_ms IS NULL AND revoked_ms IS NULL ORDER BY id DESC LIMIT 1", &p,
		      read_aktivasi, out, "aktivasi current", "no activation code");
}

static int pg_aktivasi_mark_used(struct store *s, int64_t id, int64_t now_ms)
{
	struct pg_params p = { 0 };
	int64_t n = 0;
	pp_int(&p, id);
	pp_int(&p, now_ms);
	int rc = pg_command(pg_downcast(s), "UPDATE kode_aktivasi SET used_ms = $2 WHERE id = $1"
			    " AND used_ms IS NULL AND revoked_ms IS NULL", &p, &n, "aktivasi used");
	if (!rc && n == 0)
		rc = store_fail(s, APP_ECONFLICT, "activation code already used");
	return rc;
}

static int pg_user_asn_by_nip(struct store *s, const char *nip, int64_t *user_id)
{
	struct pg_params p = { 0 };
	pp_text(&p, nip);
	int rc = pg_int_row(pg_downcast(s), "SELECT id FROM users WHERE nip = $1 AND role = 'asn'"
			    " ORDER BY id LIMIT 1", &p, user_id, "user by nip");
	if (rc == 0)
		rc = store_fail(s, APP_ENOTFOUND, "no asn account for the nip");
	return rc < 0 ? rc : 0;
}

const struct store_kampanye_ops store_pg_kampanye_ops = {
	.templat_insert = pg_templat_insert,
	.templat_update = pg_templat_update,
	.templat_get = pg_templat_get,
	.templat_max_versi = pg_templat_max_versi,
	.templat_list = pg_templat_list,
	.kampanye_insert = pg_kampanye_insert,
	.kampanye_get = pg_kampanye_get,
	.kampanye_list = pg_kampanye_list,
	.kampanye_add_unit = pg_kampanye_add_unit,
	.kampanye_add_nip = pg_kampanye_add_nip,
	.kampanye_units = pg_kampanye_units,
	.in_scope = pg_in_scope,
	.scope_list = pg_scope_list,
	.progress = pg_progress,
	.ttd_insert = pg_ttd_insert,
	.ttd_get = pg_ttd_get,
	.ttd_get_by_kode = pg_ttd_get_by_kode,
	.key_get = pg_key_get,
	.aktivasi_revoke = pg_aktivasi_revoke,
	.aktivasi_insert = pg_aktivasi_insert,
	.aktivasi_current = pg_aktivasi_current,
	.aktivasi_mark_used = pg_aktivasi_mark_used,
	.user_asn_by_nip = pg_user_asn_by_nip,
};
