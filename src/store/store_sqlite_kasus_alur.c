/* SQLite: the case workflow tables of migration 0006 and the officer
 * queues over kasus. */
#include "core/compat.h"
#include "core/err.h"
#include "core/xalloc.h"
#include "store/store_sqlite_int.h"

/* ---- workflow versions ---- */

static int sq_versi_insert(struct store *s, struct workflow_versi *v)
{
	struct sq_params p = { 0 };
	int64_t versi;
	sp_text(&p, v->tahapan_csv);
	sp_text(&p, v->transisi_csv);
	sp_text(&p, v->pembuat);
	sp_text(&p, v->catatan);
	sp_int(&p, v->created_ms);
	int rc = sq_int_row(sq_downcast(s), "INSERT INTO workflow_versi (versi, tahapan_csv,"
			    " transisi_csv, pembuat, catatan, created_ms)"
			    " SELECT coalesce(max(versi), 0) + 1, ?1, ?2, ?3, ?4, ?5"
			    " FROM workflow_versi RETURNING versi", &p, &versi, "workflow version insert");
	if (rc == 1)
		v->versi = (int)versi;
	return rc < 0 ? rc : 0;
}

static int read_versi(struct store *s, sqlite3_stmt *st, struct workflow_versi *v, int texts)
{
	memset(v, 0, sizeof(*v));
	v->versi = sqlite3_column_int(st, 0);
	v->created_ms = sqlite3_column_int64(st, 5);
	int rc = STORE_COPY(s, v->pembuat, sq_col_text(st, 3));
	if (!rc)
		rc = STORE_COPY(s, v->catatan, sq_col_text(st, 4));
	if (!rc && texts) {
		v->tahapan_csv = xstrdup(sq_col_text(st, 1));
		v->transisi_csv = xstrdup(sq_col_text(st, 2));
	}
	return rc;
}

static int read_versi_texts(struct store *s, sqlite3_stmt *st, void *out)
{
	return read_versi(s, st, out, 1);
}

static int sq_versi_get(struct store *s, int versi, struct workflow_versi *out)
{
	struct sq_params p = { 0 };
	sp_int(&p, versi);
	return sq_one(sq_downcast(s), "SELECT versi, tahapan_csv, transisi_csv, pembuat, catatan,"
		      " created_ms FROM workflow_versi WHERE versi = CASE WHEN ?1 > 0 THEN ?1"
		      " ELSE (SELECT max(versi) FROM workflow_versi) END", &p, read_versi_texts, out,
		      "workflow version", "no such workflow version");
}

static int sq_versi_list(struct store *s, int (*cb)(void *, const struct workflow_versi *),
			 void *ctx)
{
	struct sq_store *q = sq_downcast(s);
	struct workflow_versi v;
	sqlite3_stmt *st;
	int rc = sq_query(q, "SELECT versi, '', '', pembuat, catatan, created_ms FROM workflow_versi"
			  " ORDER BY versi DESC", NULL, &st);
	if (rc)
		return rc;
	while ((rc = sq_step(q, st, "workflow versions")) == 1)
		if ((rc = read_versi(s, st, &v, 0)) || (rc = store_stop(s, cb(ctx, &v))))
			break;
	sq_done(q, st);
	return rc;
}

/* ---- transition history ---- */

static int sq_langkah_insert(struct store *s, struct kasus_langkah *l)
{
	struct sq_params p = { 0 };
	sp_int(&p, l->kasus_id);
	sp_text(&p, l->dari);
	sp_text(&p, l->ke);
	sp_id(&p, l->aktor_id);
	sp_text(&p, l->aktor);
	sp_text(&p, l->peran);
	sp_text(&p, l->isian);
	sp_text(&p, l->lampiran);
	sp_int(&p, l->mulai_hari);
	sp_id(&p, l->tenggat_hari); /* 0: no deadline, NULL */
	sp_int(&p, l->workflow_versi);
	sp_int(&p, l->created_ms);
	return sq_insert(sq_downcast(s), "INSERT INTO kasus_langkah (kasus_id, dari, ke, aktor_id,"
			 " aktor, peran, isian, lampiran, mulai_hari, tenggat_hari, workflow_versi,"
			 " created_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
			 " RETURNING id", &p, &l->id, "case step insert");
}

static int sq_langkah_list(struct store *s, int64_t kasus_id,
			   int (*cb)(void *, const struct kasus_langkah *), void *ctx)
{
	struct sq_store *q = sq_downcast(s);
	struct sq_params p = { 0 };
	sqlite3_stmt *st;
	sp_int(&p, kasus_id);
	int rc = sq_query(q, "SELECT id, kasus_id, dari, ke, aktor_id, aktor, peran, isian, lampiran,"
			  " mulai_hari, tenggat_hari, workflow_versi, created_ms FROM kasus_langkah"
			  " WHERE kasus_id = ?1 ORDER BY id", &p, &st);
	if (rc)
		return rc;
	struct kasus_langkah *l = xmalloc(sizeof(*l));
	while ((rc = sq_step(q, st, "case steps")) == 1) {
		memset(l, 0, sizeof(*l));
		l->id = sqlite3_column_int64(st, 0);
		l->kasus_id = sqlite3_column_int64(st, 1);
		l->aktor_id = sqlite3_column_int64(st, 4);
		l->mulai_hari = sqlite3_column_int(st, 9);
		l->tenggat_hari = sqlite3_column_int(st, 10);
		l->workflow_versi = sqlite3_column_int(st, 11);
		l->created_ms = sqlite3_column_int64(st, 12);
		rc = STORE_COPY(s, l->dari, sq_col_text(st, 2));
		if (!rc) rc = STORE_COPY(s, l->ke, sq_col_text(st, 3));
		if (!rc) rc = STORE_COPY(s, l->aktor, sq_col_text(st, 5));
		if (!rc) rc = STORE_COPY(s, l->peran, sq_col_text(st, 6));
		if (!rc) rc = STORE_COPY(s, l->isian, sq_col_text(st, 7));
		if (!rc) rc = STORE_COPY(s, l->lampiran, sq_col_text(st, 8));
		if (rc || (rc = store_stop(s, cb(ctx, l))))
			break;
	}
	free(l);
	sq_done(q, st);
	return rc;
}

/* ---- clock and pauses ---- */

static int read_jam(struct store *s, sqlite3_stmt *st, void *o)
{
	struct kasus_jam_row *out = o;
	(void)s;
	out->mulai_hari = sqlite3_column_int(st, 0);
	out->diperpanjang = sqlite3_column_int(st, 1);
	return 0;
}

static int sq_jam_get(struct store *s, int64_t kasus_id, struct kasus_jam_row *out)
{
	struct sq_params p = { 0 };
	sp_int(&p, kasus_id);
	int rc = sq_one(sq_downcast(s), "SELECT mulai_hari, diperpanjang FROM kasus_jam"
			" WHERE kasus_id = ?1", &p, read_jam, out, "case clock", "the case has no clock");
	if (!rc)
		out->kasus_id = kasus_id;
	return rc;
}

static int sq_jam_put(struct store *s, const struct kasus_jam_row *j)
{
	struct sq_params p = { 0 };
	sp_int(&p, j->kasus_id);
	sp_int(&p, j->mulai_hari);
	sp_int(&p, j->diperpanjang ? 1 : 0);
	return sq_run(sq_downcast(s), "INSERT INTO kasus_jam (kasus_id, mulai_hari, diperpanjang)"
		      " VALUES (?1, ?2, ?3) ON CONFLICT (kasus_id) DO UPDATE SET"
		      " mulai_hari = excluded.mulai_hari, diperpanjang = excluded.diperpanjang", &p,
		      NULL, "case clock put");
}

static int sq_jeda_buka(struct store *s, int64_t kasus_id, int32_t day)
{
	struct sq_params p = { 0 };
	sp_int(&p, kasus_id);
	sp_int(&p, day);
	return sq_run(sq_downcast(s), "INSERT INTO kasus_jeda (kasus_id, mulai_hari) VALUES (?1, ?2)",
		      &p, NULL, "case pause open");
}

static int sq_jeda_tutup(struct store *s, int64_t kasus_id, int32_t day)
{
	struct sq_params p = { 0 };
	int64_t n = 0;
	sp_int(&p, kasus_id);
	sp_int(&p, day);
	int rc = sq_run(sq_downcast(s), "UPDATE kasus_jeda SET selesai_hari = max(?2, mulai_hari)"
			" WHERE kasus_id = ?1 AND selesai_hari IS NULL", &p, &n, "case pause close");
	if (!rc && n == 0)
		rc = store_fail(s, APP_ENOTFOUND, "the case has no open pause");
	return rc;
}

static int sq_jeda_list(struct store *s, int64_t kasus_id, struct kasus_jeda_row *out, size_t max,
			size_t *n)
{
	struct sq_store *q = sq_downcast(s);
	struct sq_params p = { 0 };
	sqlite3_stmt *st;
	sp_int(&p, kasus_id);
	sp_int(&p, (int64_t)max);
	int rc = sq_query(q, "SELECT mulai_hari, coalesce(selesai_hari, 2147483647) FROM kasus_jeda"
			  " WHERE kasus_id = ?1 ORDER BY mulai_hari, id LIMIT ?2", &p, &st);
	if (rc)
		return rc;
	while ((rc = sq_step(q, st, "case pauses")) == 1) {
		out[*n].mulai_hari = sqlite3_column_int(st, 0);
		out[*n].selesai_hari = sqlite3_column_int(st, 1);
		(*n)++;
	}
	sq_done(q, st);
	return rc;
}

/* ---- notes and tags ---- */

static int sq_catatan_insert(struct store *s, struct kasus_catatan *c)
{
	struct sq_params p = { 0 };
	sp_int(&p, c->kasus_id);
	sp_id(&p, c->aktor_id);
	sp_text(&p, c->aktor);
	sp_text(&p, c->teks);
	sp_int(&p, c->created_ms);
	return sq_insert(sq_downcast(s), "INSERT INTO kasus_catatan (kasus_id, aktor_id, aktor, teks,"
			 " created_ms) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id", &p, &c->id,
			 "case note insert");
}

static int sq_catatan_list(struct store *s, int64_t kasus_id,
			   int (*cb)(void *, const struct kasus_catatan *), void *ctx)
{
	struct sq_store *q = sq_downcast(s);
	struct sq_params p = { 0 };
	sqlite3_stmt *st;
	sp_int(&p, kasus_id);
	int rc = sq_query(q, "SELECT id, aktor_id, aktor, teks, created_ms FROM kasus_catatan"
			  " WHERE kasus_id = ?1 ORDER BY id", &p, &st);
	if (rc)
		return rc;
	struct kasus_catatan c;
	while ((rc = sq_step(q, st, "case notes")) == 1) {
		memset(&c, 0, sizeof(c));
		c.id = sqlite3_column_int64(st, 0);
		c.kasus_id = kasus_id;
		c.aktor_id = sqlite3_column_int64(st, 1);
		c.created_ms = sqlite3_column_int64(st, 4);
		rc = STORE_COPY(s, c.aktor, sq_col_text(st, 2));
		if (!rc) rc = STORE_COPY(s, c.teks, sq_col_text(st, 3));
		if (rc || (rc = store_stop(s, cb(ctx, &c))))
			break;
	}
	sq_done(q, st);
	return rc;
}

static int sq_tag_add(struct store *s, int64_t kasus_id, const char *tag, int64_t now_ms)
{
	struct sq_params p = { 0 };
	sp_int(&p, kasus_id);
	sp_text(&p, tag);
	sp_int(&p, now_ms);
	return sq_run(sq_downcast(s), "INSERT INTO kasus_tag (kasus_id, tag, created_ms)"
		      " VALUES (?1, ?2, ?3)", &p, NULL, "case tag add");
}

static int sq_tag_remove(struct store *s, int64_t kasus_id, const char *tag)
{
	struct sq_params p = { 0 };
	int64_t n = 0;
	sp_int(&p, kasus_id);
	sp_text(&p, tag);
	int rc = sq_run(sq_downcast(s), "DELETE FROM kasus_tag WHERE kasus_id = ?1 AND tag = ?2", &p,
			&n, "case tag remove");
	if (!rc && n == 0)
		rc = store_fail(s, APP_ENOTFOUND, "the case has no such tag");
	return rc;
}

static int sq_tag_list(struct store *s, int64_t kasus_id, char (*out)[40], size_t max, size_t *n)
{
	struct sq_store *q = sq_downcast(s);
	struct sq_params p = { 0 };
	sqlite3_stmt *st;
	sp_int(&p, kasus_id);
	sp_int(&p, (int64_t)max);
	int rc = sq_query(q, "SELECT tag FROM kasus_tag WHERE kasus_id = ?1 ORDER BY tag LIMIT ?2", &p,
			  &st);
	if (rc)
		return rc;
	while ((rc = sq_step(q, st, "case tags")) == 1) {
		if ((rc = store_copy(s, out[*n], 40, sq_col_text(st, 0), "tag")))
			break;
		(*n)++;
	}
	sq_done(q, st);
	return rc;
}

/* ---- sanctions ---- */

static int sq_sanksi_insert(struct store *s, struct kasus_sanksi *k)
{
	struct sq_params p = { 0 };
	sp_int(&p, k->kasus_id);
	sp_id(&p, k->pegawai_id);
	sp_text(&p, k->jenis);
	sp_text(&p, k->tingkat);
	sp_int(&p, k->urutan);
	sp_text(&p, k->rekomendasi);
	sp_text(&p, k->nomor_sk);
	sp_int(&p, k->tanggal_sk);
	sp_text(&p, k->lampiran);
	sp_int(&p, k->flags);
	sp_text(&p, k->aktor);
	sp_int(&p, k->created_ms);
	return sq_insert(sq_downcast(s), "INSERT INTO kasus_sanksi (kasus_id, pegawai_id, jenis,"
			 " tingkat, urutan, rekomendasi, nomor_sk, tanggal_sk, lampiran, flags, aktor,"
			 " created_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
			 " RETURNING id", &p, &k->id, "sanction insert");
}

static int sq_sanksi_list(struct store *s, int64_t kasus_id, int64_t pegawai_id,
			  int (*cb)(void *, const struct kasus_sanksi *), void *ctx)
{
	struct sq_store *q = sq_downcast(s);
	struct sq_params p = { 0 };
	sqlite3_stmt *st;
	sp_int(&p, kasus_id);
	sp_int(&p, pegawai_id);
	int rc = sq_query(q, "SELECT x.id, x.kasus_id, x.pegawai_id, x.jenis, x.tingkat, x.urutan,"
			  " x.rekomendasi, x.nomor_sk, x.tanggal_sk, x.lampiran, x.flags, x.aktor,"
			  " x.created_ms, k.nomor FROM kasus_sanksi x JOIN kasus k ON k.id = x.kasus_id"
			  " WHERE (?1 > 0 AND x.kasus_id = ?1) OR (?1 <= 0 AND x.pegawai_id = ?2)"
			  " ORDER BY x.created_ms, x.id", &p, &st);
	if (rc)
		return rc;
	struct kasus_sanksi *k = xmalloc(sizeof(*k));
	while ((rc = sq_step(q, st, "sanctions")) == 1) {
		memset(k, 0, sizeof(*k));
		k->id = sqlite3_column_int64(st, 0);
		k->kasus_id = sqlite3_column_int64(st, 1);
		k->pegawai_id = sqlite3_column_int64(st, 2);
		k->urutan = sqlite3_column_int(st, 5);
		k->tanggal_sk = sqlite3_column_int(st, 8);
		k->flags = (unsigned)sqlite3_column_int(st, 10);
		k->created_ms = sqlite3_column_int64(st, 12);
		rc = STORE_COPY(s, k->jenis, sq_col_text(st, 3));
		if (!rc) rc = STORE_COPY(s, k->tingkat, sq_col_text(st, 4));
		if (!rc) rc = STORE_COPY(s, k->rekomendasi, sq_col_text(st, 6));
		if (!rc) rc = STORE_COPY(s, k->nomor_sk, sq_col_text(st, 7));
		if (!rc) rc = STORE_COPY(s, k->lampiran, sq_col_text(st, 9));
		if (!rc) rc = STORE_COPY(s, k->aktor, sq_col_text(st, 11));
		if (!rc) rc = STORE_COPY(s, k->kasus_nomor, sq_col_text(st, 13));
		if (rc || (rc = store_stop(s, cb(ctx, k))))
			break;
	}
	free(k);
	sq_done(q, st);
	return rc;
}

/* ---- queues ---- */

static int sq_antrian(struct store *s, const struct kasus_antrian_filter *f, const char *lo,
		      const char *hi, int national, const char *tahap,
		      int (*cb)(void *, const struct kasus_ringkas *), void *ctx)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "SELECT k.id, k.nomor, k.konteks, k.tahap, k.tenggat_hari, k.instansi_id,"
			 " coalesce(i.path, ''), coalesce(i.nama, ''), k.pegawai_id, k.terlapor_nama,"
			 " k.pelanggaran_kode, k.petugas_id, k.created_ms, k.updated_ms"
			 " FROM kasus k LEFT JOIN instansi i ON i.id = k.instansi_id"
			 " WHERE ((i.path >= ?1 AND i.path < ?2) OR (?3 = 1 AND k.instansi_id IS NULL))"
			 " AND (?4 = '' OR instr(?4, ';' || k.tahap || ';') > 0)"
			 " AND (?5 <= 0 OR (k.tenggat_hari IS NOT NULL AND k.tenggat_hari <= ?5))"
			 " AND (?6 <= 0 OR k.petugas_id = ?6)"
			 " AND (?7 <= 0 OR k.pegawai_id = ?7)"
			 " AND (?8 IS NULL OR EXISTS (SELECT 1 FROM kasus_tag t WHERE t.kasus_id = k.id"
			 " AND t.tag = ?8))"
			 " ORDER BY coalesce(k.tenggat_hari, 2147483647), k.created_ms, k.id"
			 " LIMIT ?9 OFFSET ?10", &st);
	if (rc)
		return rc;
	sq_bind_text(st, 1, lo);
	sq_bind_text(st, 2, hi);
	sq_bind_int(st, 3, national);
	sq_bind_text(st, 4, tahap);
	sq_bind_int(st, 5, f->tenggat_sampai);
	sq_bind_int(st, 6, f->petugas_id);
	sq_bind_int(st, 7, f->pegawai_id);
	if (f->tag)
		sq_bind_text(st, 8, f->tag);
	else
		sqlite3_bind_null(st, 8);
	sq_bind_int(st, 9, f->limit);
	sq_bind_int(st, 10, f->offset);
	struct kasus_ringkas r;
	while ((rc = sq_step(q, st, "case queue")) == 1) {
		memset(&r, 0, sizeof(r));
		r.id = sqlite3_column_int64(st, 0);
		r.tenggat_hari = sqlite3_column_int(st, 4);
		r.instansi_id = sqlite3_column_int64(st, 5);
		r.pegawai_id = sqlite3_column_int64(st, 8);
		r.petugas_id = sqlite3_column_int64(st, 11);
		r.created_ms = sqlite3_column_int64(st, 12);
		r.updated_ms = sqlite3_column_int64(st, 13);
		rc = STORE_COPY(s, r.nomor, sq_col_text(st, 1));
		if (!rc) rc = STORE_COPY(s, r.konteks, sq_col_text(st, 2));
		if (!rc) rc = STORE_COPY(s, r.tahap, sq_col_text(st, 3));
		if (!rc) rc = STORE_COPY(s, r.instansi_path, sq_col_text(st, 6));
		if (!rc) rc = STORE_COPY(s, r.instansi_nama, sq_col_text(st, 7));
		if (!rc) rc = STORE_COPY(s, r.terlapor_nama, sq_col_text(st, 9));
		if (!rc) rc = STORE_COPY(s, r.pelanggaran_kode, sq_col_text(st, 10));
		if (rc)
			break;
		if ((rc = cb(ctx, &r))) {
			s->stopped = 1;
			break;
		}
	}
	sq_done(q, st);
	return rc;
}

const struct store_kasus_alur_ops store_sqlite_kasus_alur_ops = {
	.versi_insert = sq_versi_insert,
	.versi_get = sq_versi_get,
	.versi_list = sq_versi_list,
	.langkah_insert = sq_langkah_insert,
	.langkah_list = sq_langkah_list,
	.jam_get = sq_jam_get,
	.jam_put = sq_jam_put,
	.jeda_buka = sq_jeda_buka,
	.jeda_tutup = sq_jeda_tutup,
	.jeda_list = sq_jeda_list,
	.catatan_insert = sq_catatan_insert,
	.catatan_list = sq_catatan_list,
	.tag_add = sq_tag_add,
	.tag_remove = sq_tag_remove,
	.tag_list = sq_tag_list,
	.sanksi_insert = sq_sanksi_insert,
	.sanksi_list = sq_sanksi_list,
	.antrian = sq_antrian,
};
