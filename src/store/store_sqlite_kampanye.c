/* SQLite: campaign tables (templates, campaigns, signatures, activation
 * codes), migration 0007. */
#include "core/compat.h"
#include "core/err.h"
#include "store/store_sqlite_int.h"

#define TEMPLAT_COLS "t.id, t.instansi_id, t.kode, t.versi, t.jenis, t.judul, %s, t.teks_sha256," \
	" t.created_ms, t.created_by, (SELECT count(*) FROM tanda_tangan x WHERE x.templat_id = t.id)"

static int read_templat(struct store *s, sqlite3_stmt *st, void *out)
{
	struct dok_templat *o = out;
	memset(o, 0, sizeof(*o));
	o->id = sqlite3_column_int64(st, 0);
	o->instansi_id = sqlite3_column_int64(st, 1);
	o->versi = sqlite3_column_int64(st, 3);
	o->created_ms = sqlite3_column_int64(st, 8);
	o->n_signed = sqlite3_column_int64(st, 10);
	int rc = STORE_COPY(s, o->kode, sq_col_text(st, 2));
	if (!rc)
		rc = STORE_COPY(s, o->jenis, sq_col_text(st, 4));
	if (!rc)
		rc = STORE_COPY(s, o->judul, sq_col_text(st, 5));
	if (!rc)
		rc = STORE_COPY(s, o->teks, sq_col_text(st, 6));
	if (!rc)
		rc = STORE_COPY(s, o->teks_sha256, sq_col_text(st, 7));
	if (!rc)
		rc = STORE_COPY(s, o->created_by, sq_col_text(st, 9));
	return rc;
}

static int sq_templat_insert(struct store *s, struct dok_templat *t)
{
	struct sq_params p = { 0 };
	sp_int(&p, t->instansi_id);
	sp_text(&p, t->kode);
	sp_int(&p, t->versi);
	sp_text(&p, t->jenis);
	sp_text(&p, t->judul);
	sp_text(&p, t->teks);
	sp_text(&p, t->teks_sha256);
	sp_int(&p, t->created_ms);
	sp_text(&p, t->created_by);
	return sq_insert(sq_downcast(s), "INSERT INTO dokumen_templat (instansi_id, kode, versi, jenis,"
			 " judul, teks, teks_sha256, created_ms, created_by)"
			 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id", &p, &t->id,
			 "templat insert");
}

static int sq_templat_update(struct store *s, const struct dok_templat *t)
{
	struct sq_params p = { 0 };
	int64_t n = 0;
	sp_int(&p, t->id);
	sp_text(&p, t->jenis);
	sp_text(&p, t->judul);
	sp_text(&p, t->teks);
	sp_text(&p, t->teks_sha256);
	int rc = sq_run(sq_downcast(s), "UPDATE dokumen_templat SET jenis = ?2, judul = ?3, teks = ?4,"
			" teks_sha256 = ?5 WHERE id = ?1", &p, &n, "templat update");
	if (!rc && n == 0)
		rc = store_fail(s, APP_ENOTFOUND, "no template %lld", (long long)t->id);
	return rc;
}

static int sq_templat_get(struct store *s, int64_t id, struct dok_templat *out)
{
	struct sq_params p = { 0 };
	char sql[512];
	snprintf(sql, sizeof(sql), "SELECT " TEMPLAT_COLS " FROM dokumen_templat t WHERE t.id = ?1",
		 "t.teks");
	sp_int(&p, id);
	return sq_one(sq_downcast(s), sql, &p, read_templat, out, "templat get", "no template %lld",
		      (long long)id);
}

static int sq_templat_max_versi(struct store *s, int64_t instansi_id, const char *kode,
				int64_t *versi)
{
	struct sq_params p = { 0 };
	sp_int(&p, instansi_id);
	sp_text(&p, kode);
	int rc = sq_int_row(sq_downcast(s), "SELECT coalesce(max(versi), 0) FROM dokumen_templat"
			    " WHERE instansi_id = ?1 AND kode = ?2", &p, versi, "templat versi");
	return rc < 0 ? rc : 0;
}

static int sq_templat_list(struct store *s, int64_t instansi_id, store_templat_cb cb, void *ctx)
{
	struct sq_store *q = sq_downcast(s);
	struct sq_params p = { 0 };
	sqlite3_stmt *st;
	char sql[512];
	snprintf(sql, sizeof(sql), "SELECT " TEMPLAT_COLS " FROM dokumen_templat t"
		 " WHERE t.instansi_id = ?1 ORDER BY t.kode, t.versi DESC", "''");
	sp_int(&p, instansi_id);
	int rc = sq_query(q, sql, &p, &st);
	if (rc)
		return rc;
	struct dok_templat *row = malloc(sizeof(*row));
	if (!row) {
		sq_done(q, st);
		return APP_ENOMEM;
	}
	while ((rc = sq_step(q, st, "templat list")) == 1)
		if ((rc = read_templat(s, st, row)) || (rc = store_stop(s, cb(ctx, row))))
			break;
	free(row);
	sq_done(q, st);
	return rc;
}

#define KAMPANYE_COLS "k.id, k.instansi_id, k.templat_id, k.nama, k.periode, k.tenggat_hari," \
	" k.cakupan, k.created_ms, k.created_by, i.path"
#define KAMPANYE_FROM " FROM kampanye k JOIN instansi i ON i.id = k.instansi_id"

static int read_kampanye(struct store *s, sqlite3_stmt *st, void *out)
{
	struct kampanye *o = out;
	memset(o, 0, sizeof(*o));
	o->id = sqlite3_column_int64(st, 0);
	o->instansi_id = sqlite3_column_int64(st, 1);
	o->templat_id = sqlite3_column_int64(st, 2);
	o->tenggat_hari = (int32_t)sqlite3_column_int64(st, 5);
	o->created_ms = sqlite3_column_int64(st, 7);
	int rc = STORE_COPY(s, o->nama, sq_col_text(st, 3));
	if (!rc)
		rc = STORE_COPY(s, o->periode, sq_col_text(st, 4));
	if (!rc)
		rc = STORE_COPY(s, o->cakupan, sq_col_text(st, 6));
	if (!rc)
		rc = STORE_COPY(s, o->created_by, sq_col_text(st, 8));
	if (!rc)
		rc = STORE_COPY(s, o->instansi_path, sq_col_text(st, 9));
	return rc;
}

static int sq_kampanye_insert(struct store *s, struct kampanye *k)
{
	struct sq_params p = { 0 };
	sp_int(&p, k->instansi_id);
	sp_int(&p, k->templat_id);
	sp_text(&p, k->nama);
	sp_text(&p, k->periode);
	sp_int(&p, k->tenggat_hari);
	sp_text(&p, k->cakupan);
	sp_int(&p, k->created_ms);
	sp_text(&p, k->created_by);
	return sq_insert(sq_downcast(s), "INSERT INTO kampanye (instansi_id, templat_id, nama, periode,"
			 " tenggat_hari, cakupan, created_ms, created_by)"
			 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id", &p, &k->id,
			 "kampanye insert");
}

static int sq_kampanye_get(struct store *s, int64_t id, struct kampanye *out)
{
	struct sq_params p = { 0 };
	sp_int(&p, id);
	return sq_one(sq_downcast(s), "SELECT " KAMPANYE_COLS KAMPANYE_FROM " WHERE k.id = ?1", &p,
		      read_kampanye, out, "kampanye get", "no campaign %lld", (long long)id);
}

static int sq_kampanye_list(struct store *s, const char *lo, const char *hi, store_kampanye_cb cb,
			    void *ctx)
{
	struct sq_store *q = sq_downcast(s);
	struct sq_params p = { 0 };
	struct kampanye row;
	sqlite3_stmt *st;
	sp_text(&p, lo);
	sp_text(&p, hi);
	int rc = sq_query(q, "SELECT " KAMPANYE_COLS KAMPANYE_FROM
			  " WHERE i.path >= ?1 AND i.path < ?2 ORDER BY k.id DESC", &p, &st);
	if (rc)
		return rc;
	while ((rc = sq_step(q, st, "kampanye list")) == 1)
		if ((rc = read_kampanye(s, st, &row)) || (rc = store_stop(s, cb(ctx, &row))))
			break;
	sq_done(q, st);
	return rc;
}

static int sq_kampanye_add_unit(struct store *s, int64_t kampanye_id, int64_t unit_id)
{
	struct sq_params p = { 0 };
	sp_int(&p, kampanye_id);
	sp_int(&p, unit_id);
	return sq_run(sq_downcast(s), "INSERT INTO kampanye_unit (kampanye_id, unit_id) VALUES (?1, ?2)"
		      " ON CONFLICT DO NOTHING", &p, NULL, "kampanye unit");
}

static int sq_kampanye_add_nip(struct store *s, int64_t kampanye_id, const char *nip)
{
	struct sq_params p = { 0 };
	sp_int(&p, kampanye_id);
	sp_text(&p, nip);
	return sq_run(sq_downcast(s), "INSERT INTO kampanye_nip (kampanye_id, nip) VALUES (?1, ?2)"
		      " ON CONFLICT DO NOTHING", &p, NULL, "kampanye nip");
}

static int sq_kampanye_units(struct store *s, int64_t kampanye_id, store_id_cb cb, void *ctx)
{
	struct sq_store *q = sq_downcast(s);
	struct sq_params p = { 0 };
	sqlite3_stmt *st;
	sp_int(&p, kampanye_id);
	int rc = sq_query(q, "SELECT unit_id FROM kampanye_unit WHERE kampanye_id = ?1 ORDER BY unit_id",
			  &p, &st);
	if (rc)
		return rc;
	while ((rc = sq_step(q, st, "kampanye units")) == 1)
		if ((rc = store_stop(s, cb(ctx, sqlite3_column_int64(st, 0)))))
			break;
	sq_done(q, st);
	return rc;
}

/* The employees a campaign (?1) asks to sign. */
#define SCOPE_FROM " FROM pegawai p JOIN kampanye k ON k.id = ?1 AND p.instansi_id = k.instansi_id"
#define SCOPE_WHERE " p.status = 'aktif' AND (k.cakupan = 'instansi'" \
	" OR (k.cakupan = 'unit' AND p.unit_id IN (SELECT unit_id FROM kampanye_unit WHERE kampanye_id = k.id))" \
	" OR (k.cakupan = 'nip' AND p.nip IN (SELECT nip FROM kampanye_nip WHERE kampanye_id = k.id)))"

static int sq_in_scope(struct store *s, int64_t kampanye_id, const char *nip, int *in)
{
	struct sq_params p = { 0 };
	int64_t n = 0;
	sp_int(&p, kampanye_id);
	sp_text(&p, nip);
	int rc = sq_int_row(sq_downcast(s), "SELECT count(*)" SCOPE_FROM " WHERE p.nip = ?2 AND"
			    SCOPE_WHERE, &p, &n, "kampanye scope");
	if (rc == 1)
		*in = n > 0;
	return rc < 0 ? rc : 0;
}

static int sq_scope_list(struct store *s, int64_t kampanye_id, int64_t unit_id, int only_unsigned,
			 store_pegawai_cb cb, void *ctx)
{
	struct sq_store *q = sq_downcast(s);
	struct sq_params p = { 0 };
	sqlite3_stmt *st;
	sp_int(&p, kampanye_id);
	sp_int(&p, unit_id);
	sp_int(&p, only_unsigned ? 1 : 0);
	int rc = sq_query(q, "SELECT p.id, p.nip, p.nama, p.jabatan, p.instansi_id, coalesce(p.unit_id, 0)"
			  SCOPE_FROM " WHERE" SCOPE_WHERE
			  " AND (?2 = 0 OR p.unit_id = ?2)"
			  " AND (?3 = 0 OR NOT EXISTS (SELECT 1 FROM tanda_tangan t"
			  "      WHERE t.kampanye_id = k.id AND t.nip = p.nip))"
			  " ORDER BY coalesce(p.unit_id, 0), p.nip", &p, &st);
	if (rc)
		return rc;
	struct pegawai row;
	while ((rc = sq_step(q, st, "kampanye scope list")) == 1) {
		memset(&row, 0, sizeof(row));
		row.id = sqlite3_column_int64(st, 0);
		row.instansi_id = sqlite3_column_int64(st, 4);
		row.unit_id = sqlite3_column_int64(st, 5);
		rc = STORE_COPY(s, row.nip, sq_col_text(st, 1));
		if (!rc)
			rc = STORE_COPY(s, row.nama, sq_col_text(st, 2));
		if (!rc)
			rc = STORE_COPY(s, row.jabatan, sq_col_text(st, 3));
		if (rc || (rc = store_stop(s, cb(ctx, &row))))
			break;
	}
	sq_done(q, st);
	return rc;
}

static int sq_progress(struct store *s, int64_t kampanye_id, store_progress_cb cb, void *ctx)
{
	struct sq_store *q = sq_downcast(s);
	struct sq_params p = { 0 };
	sqlite3_stmt *st;
	sp_int(&p, kampanye_id);
	int rc = sq_query(q, "SELECT coalesce(p.unit_id, 0), count(*), count(t.id)" SCOPE_FROM
			  " LEFT JOIN tanda_tangan t ON t.kampanye_id = k.id AND t.nip = p.nip"
			  " WHERE" SCOPE_WHERE " GROUP BY coalesce(p.unit_id, 0) ORDER BY 1", &p, &st);
	if (rc)
		return rc;
	struct kampanye_progress row;
	while ((rc = sq_step(q, st, "kampanye progress")) == 1) {
		row.unit_id = sqlite3_column_int64(st, 0);
		row.total = sqlite3_column_int64(st, 1);
		row.signed_ = sqlite3_column_int64(st, 2);
		if ((rc = store_stop(s, cb(ctx, &row))))
			break;
	}
	sq_done(q, st);
	return rc;
}

#define TTD_COLS "id, kampanye_id, templat_id, pegawai_id, nip, signed_ms, doc_sha256, kunci_id," \
	" payload, kode"

static int read_ttd(struct store *s, sqlite3_stmt *st, void *out)
{
	struct tanda_tangan *o = out;
	memset(o, 0, sizeof(*o));
	o->id = sqlite3_column_int64(st, 0);
	o->kampanye_id = sqlite3_column_int64(st, 1);
	o->templat_id = sqlite3_column_int64(st, 2);
	o->pegawai_id = sqlite3_column_int64(st, 3);
	o->signed_ms = sqlite3_column_int64(st, 5);
	o->kunci_id = sqlite3_column_int64(st, 7);
	int rc = STORE_COPY(s, o->nip, sq_col_text(st, 4));
	if (!rc)
		rc = STORE_COPY(s, o->doc_sha256, sq_col_text(st, 6));
	if (!rc)
		rc = STORE_COPY(s, o->payload, sq_col_text(st, 8));
	if (!rc)
		rc = STORE_COPY(s, o->kode, sq_col_text(st, 9));
	return rc;
}

static int sq_ttd_insert(struct store *s, struct tanda_tangan *t)
{
	struct sq_params p = { 0 };
	sp_int(&p, t->kampanye_id);
	sp_int(&p, t->templat_id);
	sp_int(&p, t->pegawai_id);
	sp_text(&p, t->nip);
	sp_int(&p, t->signed_ms);
	sp_text(&p, t->doc_sha256);
	sp_int(&p, t->kunci_id);
	sp_text(&p, t->payload);
	sp_text(&p, t->kode);
	return sq_insert(sq_downcast(s), "INSERT INTO tanda_tangan (kampanye_id, templat_id, pegawai_id,"
			 " nip, signed_ms, doc_sha256, kunci_id, payload, kode)"
			 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id", &p, &t->id,
			 "tanda tangan insert");
}

static int sq_ttd_get(struct store *s, int64_t kampanye_id, const char *nip, struct tanda_tangan *out)
{
	struct sq_params p = { 0 };
	sp_int(&p, kampanye_id);
	sp_text(&p, nip);
	return sq_one(sq_downcast(s), "SELECT " TTD_COLS " FROM tanda_tangan WHERE kampanye_id = ?1"
		      " AND nip = ?2", &p, read_ttd, out, "tanda tangan", "no such signature");
}

static int sq_ttd_get_by_kode(struct store *s, const char *kode, struct tanda_tangan *out)
{
	struct sq_params p = { 0 };
	sp_text(&p, kode);
	return sq_one(sq_downcast(s), "SELECT " TTD_COLS " FROM tanda_tangan WHERE kode = ?1", &p,
		      read_ttd, out, "tanda tangan", "no such signature");
}

static int read_key(struct store *s, sqlite3_stmt *st, void *o)
{
	struct instansi_key *out = o;
	memset(out, 0, sizeof(*out));
	out->id = sqlite3_column_int64(st, 0);
	out->instansi_id = sqlite3_column_int64(st, 1);
	out->created_ms = sqlite3_column_int64(st, 3);
	out->retired_ms = sqlite3_column_int64(st, 4);
	return STORE_COPY(s, out->public_hex, sq_col_text(st, 2));
}

static int sq_key_get(struct store *s, int64_t id, struct instansi_key *out)
{
	struct sq_params p = { 0 };
	sp_int(&p, id);
	return sq_one(sq_downcast(s), "SELECT id, instansi_id, public_hex, created_ms,"
		      " coalesce(retired_ms, 0) FROM instansi_keys WHERE id = ?1", &p, read_key, out,
		      "instansi key get", "no key %lld", (long long)id);
}

static int sq_aktivasi_revoke(struct store *s, const char *nip, int64_t now_ms)
{
	struct sq_params p = { 0 };
	sp_text(&p, nip);
	sp_int(&p, now_ms);
	return sq_run(sq_downcast(s), "UPDATE kode_aktivasi SET revoked_ms = ?2 WHERE nip = ?1"
		      " AND used_ms IS NULL AND revoked_ms IS NULL", &p, NULL, "aktivasi revoke");
}

static int sq_aktivasi_insert(struct store *s, struct kode_aktivasi *a)
{
	struct sq_params p = { 0 };
	sp_int(&p, a->pegawai_id);
	sp_text(&p, a->nip);
	sp_id(&p, a->kampanye_id);
	sp_text(&p, a->kode_hash);
	sp_int(&p, a->created_ms);
	sp_int(&p, a->expires_ms);
	sp_text(&p, a->created_by);
	return sq_insert(sq_downcast(s), "INSERT INTO kode_aktivasi (pegawai_id, nip, kampanye_id,"
			 " kode_hash, created_ms, expires_ms, created_by)"
			 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING id", &p, &a->id,
			 "aktivasi insert");
}

static int read_aktivasi(struct store *s, sqlite3_stmt *st, void *o)
{
	struct kode_aktivasi *out = o;
	memset(out, 0, sizeof(*out));
	out->id = sqlite3_column_int64(st, 0);
	out->pegawai_id = sqlite3_column_int64(st, 1);
	out->kampanye_id = sqlite3_column_int64(st, 3);
	out->created_ms = sqlite3_column_int64(st, 5);
	out->expires_ms = sqlite3_column_int64(st, 6);
	int rc = STORE_COPY(s, out->nip, sq_col_text(st, 2));
	if (!rc)
		rc = STORE_COPY(s, out->kode_hash, sq_col_text(st, 4));
	if (!rc)
		rc = STORE_COPY(s, out->created_by, sq_col_text(st, 7));
	return rc;
}

static int sq_aktivasi_current(struct store *s, const char *nip, struct kode_aktivasi *out)
{
	struct sq_params p = { 0 };
	sp_text(&p, nip);
	return sq_one(sq_downcast(s), "SELECT id, pegawai_id, nip, coalesce(kampanye_id, 0), kode_hash,"
		      " created_ms, expires_ms, created_by FROM kode_aktivasi WHERE nip = ?1"
		      " AND used_ms IS NULL AND revoked_ms IS NULL ORDER BY id DESC LIMIT 1", &p,
		      read_aktivasi, out, "aktivasi current", "no activation code");
}

static int sq_aktivasi_mark_used(struct store *s, int64_t id, int64_t now_ms)
{
	struct sq_params p = { 0 };
	int64_t n = 0;
	sp_int(&p, id);
	sp_int(&p, now_ms);
	int rc = sq_run(sq_downcast(s), "UPDATE kode_aktivasi SET used_ms = ?2 WHERE id = ?1"
			" AND used_ms IS NULL AND revoked_ms IS NULL", &p, &n, "aktivasi used");
	/* a concurrent use got there first: the code is spent */
	if (!rc && n == 0)
		rc = store_fail(s, APP_ECONFLICT, "activation code already used");
	return rc;
}

static int sq_user_asn_by_nip(struct store *s, const char *nip, int64_t *user_id)
{
	struct sq_params p = { 0 };
	sp_text(&p, nip);
	int rc = sq_int_row(sq_downcast(s), "SELECT id FROM users WHERE nip = ?1 AND role = 'asn'"
			    " ORDER BY id LIMIT 1", &p, user_id, "user by nip");
	if (rc == 0)
		rc = store_fail(s, APP_ENOTFOUND, "no asn account for the nip");
	return rc < 0 ? rc : 0;
}

const struct store_kampanye_ops store_sqlite_kampanye_ops = {
	.templat_insert = sq_templat_insert,
	.templat_update = sq_templat_update,
	.templat_get = sq_templat_get,
	.templat_max_versi = sq_templat_max_versi,
	.templat_list = sq_templat_list,
	.kampanye_insert = sq_kampanye_insert,
	.kampanye_get = sq_kampanye_get,
	.kampanye_list = sq_kampanye_list,
	.kampanye_add_unit = sq_kampanye_add_unit,
	.kampanye_add_nip = sq_kampanye_add_nip,
	.kampanye_units = sq_kampanye_units,
	.in_scope = sq_in_scope,
	.scope_list = sq_scope_list,
	.progress = sq_progress,
	.ttd_insert = sq_ttd_insert,
	.ttd_get = sq_ttd_get,
	.ttd_get_by_kode = sq_ttd_get_by_kode,
	.key_get = sq_key_get,
	.aktivasi_revoke = sq_aktivasi_revoke,
	.aktivasi_insert = sq_aktivasi_insert,
	.aktivasi_current = sq_aktivasi_current,
	.aktivasi_mark_used = sq_aktivasi_mark_used,
	.user_asn_by_nip = sq_user_asn_by_nip,
};
