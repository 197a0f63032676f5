/* PostgreSQL: the case workflow tables of migration 0006 and the officer
 * queues over kasus. */
#include "core/compat.h"
#include "core/err.h"
#include "core/xalloc.h"
#include "store/store_pg_int.h"

struct walk {
	void *cb;
	void *ctx;
};

/* ---- workflow versions ---- */

static int pg_versi_insert(struct store *s, struct workflow_versi *v)
{
	struct pg_params p = { 0 };
	int64_t versi;
	pp_text(&p, v->tahapan_csv);
	pp_text(&p, v->transisi_csv);
	pp_text(&p, v->pembuat);
	pp_text(&p, v->catatan);
	pp_int(&p, v->created_ms);
	/* The table lock keeps two publishers from taking the same number. */
	int rc = pg_command(pg_downcast(s), "LOCK TABLE workflow_versi IN SHARE ROW EXCLUSIVE MODE",
			    NULL, NULL, "workflow version lock");
	if (!rc)
		rc = pg_int_row(pg_downcast(s), "INSERT INTO workflow_versi (versi, tahapan_csv,"
				" transisi_csv, pembuat, catatan, created_ms) SELECT coalesce(max(versi), 0) + 1,"
				" $1, $2, $3, $4, $5 FROM workflow_versi RETURNING versi", &p, &versi,
				"workflow version insert");
	if (rc == 1)
		v->versi = (int)versi;
	return rc < 0 ? rc : 0;
}

static int read_versi(struct store *s, PGresult *r, int row, struct workflow_versi *v, int texts)
{
	memset(v, 0, sizeof(*v));
	v->versi = (int)pg_int(r, row, 0);
	v->created_ms = pg_int(r, row, 5);
	int rc = STORE_COPY(s, v->pembuat, pg_text(r, row, 3));
	if (!rc)
		rc = STORE_COPY(s, v->catatan, pg_text(r, row, 4));
	if (!rc && texts) {
		v->tahapan_csv = xstrdup(pg_text(r, row, 1));
		v->transisi_csv = xstrdup(pg_text(r, row, 2));
	}
	return rc;
}

static int read_versi_texts(struct pg_store *q, PGresult *r, void *out)
{
	return read_versi(&q->base, r, 0, out, 1);
}

static int pg_versi_get(struct store *s, int versi, struct workflow_versi *out)
{
	struct pg_params p = { 0 };
	pp_int(&p, versi);
	return pg_one(pg_downcast(s), "SELECT versi, tahapan_csv, transisi_csv, pembuat, catatan,"
		      " created_ms FROM workflow_versi WHERE versi = CASE WHEN $1::int > 0 THEN $1::int"
		      " ELSE (SELECT max(versi) FROM workflow_versi) END", &p, read_versi_texts, out,
		      "workflow version", "no such workflow version");
}

static int versi_row(struct pg_store *q, PGresult *r, void *arg)
{
	struct walk *w = arg;
	struct workflow_versi v;
	int rc = read_versi(&q->base, r, 0, &v, 0);
	if (!rc && (rc = ((int (*)(void *, const struct workflow_versi *))w->cb)(w->ctx, &v)))
		q->base.stopped = 1;
	return rc;
}

static int pg_versi_list(struct store *s, int (*cb)(void *, const struct workflow_versi *),
			 void *ctx)
{
	struct walk w = { (void *)cb, ctx };
	return pg_stream(pg_downcast(s), "SELECT versi, '', '', pembuat, catatan, created_ms"
			 " FROM workflow_versi ORDER BY versi DESC", NULL, versi_row, &w,
			 "workflow versions");
}

/* ---- transition history ---- */

static int pg_langkah_insert(struct store *s, struct kasus_langkah *l)
{
	struct pg_params p = { 0 };
	pp_int(&p, l->kasus_id);
	pp_text(&p, l->dari);
	pp_text(&p, l->ke);
	pp_id(&p, l->aktor_id);
	pp_text(&p, l->aktor);
	pp_text(&p, l->peran);
	pp_text(&p, l->isian);
	pp_text(&p, l->lampiran);
	pp_int(&p, l->mulai_hari);
	pp_id(&p, l->tenggat_hari); /* 0: no deadline, NULL */
	pp_int(&p, l->workflow_versi);
	pp_int(&p, l->created_ms);
	return pg_insert(pg_downcast(s), "INSERT INTO kasus_langkah (kasus_id, dari, ke, aktor_id, aktor,"
			 " peran, isian, lampiran, mulai_hari, tenggat_hari, workflow_versi, created_ms)"
			 " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
			 &p, &l->id, "case step insert");
}

static int langkah_row(struct pg_store *q, PGresult *r, void *arg)
{
	struct walk *w = arg;
	struct store *s = &q->base;
	struct kasus_langkah *l = xmalloc(sizeof(*l));
	memset(l, 0, sizeof(*l));
	l->id = pg_int(r, 0, 0);
	l->kasus_id = pg_int(r, 0, 1);
	l->aktor_id = pg_int(r, 0, 4);
	l->mulai_hari = (int32_t)pg_int(r, 0, 9);
	l->tenggat_hari = (int32_t)pg_int(r, 0, 10);
	l->workflow_versi = (int)pg_int(r, 0, 11);
	l->created_ms = pg_int(r, 0, 12);
	int rc = STORE_COPY(s, l->dari, pg_text(r, 0, 2));
	if (!rc) rc = STORE_COPY(s, l->ke, pg_text(r, 0, 3));
	if (!rc) rc = STORE_COPY(s, l->aktor, pg_text(r, 0, 5));
	if (!rc) rc = STORE_COPY(s, l->peran, pg_text(r, 0, 6));
	if (!rc) rc = STORE_COPY(s, l->isian, pg_text(r, 0, 7));
	if (!rc) rc = STORE_COPY(s, l->lampiran, pg_text(r, 0, 8));
	if (!rc && (rc = ((int (*)(void *, const struct kasus_langkah *))w->cb)(w->ctx, l)))
		s->stopped = 1;
	free(l);
	return rc;
}

static int pg_langkah_list(struct store *s, int64_t kasus_id,
			   int (*cb)(void *, const struct kasus_langkah *), void *ctx)
{
	struct pg_params p = { 0 };
	struct walk w = { (void *)cb, ctx };
	pp_int(&p, kasus_id);
	return pg_stream(pg_downcast(s), "SELECT id, kasus_id, dari, ke, aktor_id, aktor, peran, isian,"
			 " lampiran, mulai_hari, tenggat_hari, workflow_versi, created_ms FROM kasus_langkah"
			 " WHERE kasus_id = $1 ORDER BY id", &p, langkah_row, &w, "case steps");
}

/* ---- clock and pauses ---- */

static int read_jam(struct pg_store *q, PGresult *r, void *o)
{
	struct kasus_jam_row *out = o;
	(void)q;
	out->mulai_hari = (int32_t)pg_int(r, 0, 0);
	out->diperpanjang = (int)pg_int(r, 0, 1);
	return 0;
}

static int pg_jam_get(struct store *s, int64_t kasus_id, struct kasus_jam_row *out)
{
	struct pg_params p = { 0 };
	pp_int(&p, kasus_id);
	int rc = pg_one(pg_downcast(s), "SELECT mulai_hari, diperpanjang FROM kasus_jam"
			" WHERE kasus_id = $1", &p, read_jam, out, "case clock", "the case has no clock");
	if (!rc)
		out->kasus_id = kasus_id;
	return rc;
}

static int pg_jam_put(struct store *s, const struct kasus_jam_row *j)
{
	struct pg_params p = { 0 };
	pp_int(&p, j->kasus_id);
	pp_int(&p, j->mulai_hari);
	pp_int(&p, j->diperpanjang ? 1 : 0);
	return pg_command(pg_downcast(s), "INSERT INTO kasus_jam (kasus_id, mulai_hari, diperpanjang)"
			  " VALUES ($1, $2, $3) ON CONFLICT (kasus_id) DO UPDATE SET"
			  " mulai_hari = excluded.mulai_hari, diperpanjang = excluded.diperpanjang",
			  &p, NULL, "case clock put");
}

static int pg_jeda_buka(struct store *s, int64_t kasus_id, int32_t day)
{
	struct pg_params p = { 0 };
	pp_int(&p, kasus_id);
	pp_int(&p, day);
	return pg_command(pg_downcast(s), "INSERT INTO kasus_jeda (kasus_id, mulai_hari) VALUES ($1, $2)",
			  &p, NULL, "case pause open");
}

static int pg_jeda_tutup(struct store *s, int64_t kasus_id, int32_t day)
{
	struct pg_params p = { 0 };
	int64_t n = 0;
	pp_int(&p, kasus_id);
	pp_int(&p, day);
	int rc = pg_command(pg_downcast(s), "UPDATE kasus_jeda SET selesai_hari = greatest($2::int,"
			    " mulai_hari) WHERE kasus_id = $1 AND selesai_hari IS NULL", &p, &n,
			    "case pause close");
	if (!rc && n == 0)
		rc = store_fail(s, APP_ENOTFOUND, "the case has no open pause");
	return rc;
}

static int pg_jeda_list(struct store *s, int64_t kasus_id, struct kasus_jeda_row *out, size_t max,
			size_t *n)
{
	struct pg_params p = { 0 };
	PGresult *r;
	pp_int(&p, kasus_id);
	pp_int(&p, (int64_t)max);
	int rc = pg_query(pg_downcast(s), "SELECT mulai_hari, coalesce(selesai_hari, 2147483647)"
			  " FROM kasus_jeda WHERE kasus_id = $1 ORDER BY mulai_hari, id LIMIT $2",
			  &p, &r, "case pauses");
	if (rc)
		return rc;
	int rows = PQntuples(r);
	for (int i = 0; i < rows && (size_t)i < max; i++) {
		out[i].mulai_hari = (int32_t)pg_int(r, i, 0);
		out[i].selesai_hari = (int32_t)pg_int(r, i, 1);
		(*n)++;
	}
	PQclear(r);
	return 0;
}

/* ---- notes and tags ---- */

static int pg_catatan_insert(struct store *s, struct kasus_catatan *c)
{
	struct pg_params p = { 0 };
	pp_int(&p, c->kasus_id);
	pp_id(&p, c->aktor_id);
	pp_text(&p, c->aktor);
	pp_text(&p, c->teks);
	pp_int(&p, c->created_ms);
	return pg_insert(pg_downcast(s), "INSERT INTO kasus_catatan (kasus_id, aktor_id, aktor, teks,"
			 " created_ms) VALUES ($1, $2, $3, $4, $5) RETURNING id", &p, &c->id,
			 "case note insert");
}

static int catatan_row(struct pg_store *q, PGresult *r, void *arg)
{
	struct walk *w = arg;
	struct store *s = &q->base;
	struct kasus_catatan c;
	memset(&c, 0, sizeof(c));
	c.id = pg_int(r, 0, 0);
	c.kasus_id = pg_int(r, 0, 5);
	c.aktor_id = pg_int(r, 0, 1);
	c.created_ms = pg_int(r, 0, 4);
	int rc = STORE_COPY(s, c.aktor, pg_text(r, 0, 2));
	if (!rc) rc = STORE_COPY(s, c.teks, pg_text(r, 0, 3));
	if (!rc && (rc = ((int (*)(void *, const struct kasus_catatan *))w->cb)(w->ctx, &c)))
		s->stopped = 1;
	return rc;
}

static int pg_catatan_list(struct store *s, int64_t kasus_id,
			   int (*cb)(void *, const struct kasus_catatan *), void *ctx)
{
	struct pg_params p = { 0 };
	struct walk w = { (void *)cb, ctx };
	pp_int(&p, kasus_id);
	return pg_stream(pg_downcast(s), "SELECT id, aktor_id, aktor, teks, created_ms, kasus_id"
			 " FROM kasus_catatan WHERE kasus_id = $1 ORDER BY id", &p, catatan_row, &w,
			 "case notes");
}

static int pg_tag_add(struct store *s, int64_t kasus_id, const char *tag, int64_t now_ms)
{
	struct pg_params p = { 0 };
	pp_int(&p, kasus_id);
	pp_text(&p, tag);
	pp_int(&p, now_ms);
	return pg_command(pg_downcast(s), "INSERT INTO kasus_tag (kasus_id, tag, created_ms)"
			  " VALUES ($1, $2, $3)", &p, NULL, "case tag add");
}

static int pg_tag_remove(struct store *s, int64_t kasus_id, const char *tag)
{
	struct pg_params p = { 0 };
	int64_t n = 0;
	pp_int(&p, kasus_id);
	pp_text(&p, tag);
	int rc = pg_command(pg_downcast(s), "DELETE FROM kasus_tag WHERE kasus_id = $1 AND tag = $2",
			    &p, &n, "case tag remove");
	if (!rc && n == 0)
		rc = store_fail(s, APP_ENOTFOUND, "the case has no such tag");
	return rc;
}

static int pg_tag_list(struct store *s, int64_t kasus_id, char (*out)[40], size_t max, size_t *n)
{
	struct pg_params p = { 0 };
	PGresult *r;
	pp_int(&p, kasus_id);
	pp_int(&p, (int64_t)max);
	int rc = pg_query(pg_downcast(s), "SELECT tag FROM kasus_tag WHERE kasus_id = $1 ORDER BY tag"
			  " LIMIT $2", &p, &r, "case tags");
	if (rc)
		return rc;
	int rows = PQntuples(r);
	for (int i = 0; i < rows && (size_t)i < max && !rc; i++) {
		rc = store_copy(s, out[i], 40, pg_text(r, i, 0), "tag");
		if (!rc)
			(*n)++;
	}
	PQclear(r);
	return rc;
}

/* ---- sanctions ---- */

static int pg_sanksi_insert(struct store *s, struct kasus_sanksi *k)
{
	struct pg_params p = { 0 };
	pp_int(&p, k->kasus_id);
	pp_id(&p, k->pegawai_id);
	pp_text(&p, k->jenis);
	pp_text(&p, k->tingkat);
	pp_int(&p, k->urutan);
	pp_text(&p, k->rekomendasi);
	pp_text(&p, k->nomor_sk);
	pp_int(&p, k->tanggal_sk);
	pp_text(&p, k->lampiran);
	pp_int(&p, k->flags);
	pp_text(&p, k->aktor);
	pp_int(&p, k->created_ms);
	return pg_insert(pg_downcast(s), "INSERT INTO kasus_sanksi (kasus_id, pegawai_id, jenis, tingkat,"
			 " urutan, rekomendasi, nomor_sk, tanggal_sk, lampiran, flags, aktor, created_ms)"
			 " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
			 &p, &k->id, "sanction insert");
}

static int sanksi_row(struct pg_store *q, PGresult *r, void *arg)
{
	struct walk *w = arg;
	struct store *s = &q->base;
	struct kasus_sanksi *k = xmalloc(sizeof(*k));
	memset(k, 0, sizeof(*k));
	k->id = pg_int(r, 0, 0);
	k->kasus_id = pg_int(r, 0, 1);
	k->pegawai_id = pg_int(r, 0, 2);
	k->urutan = (int)pg_int(r, 0, 5);
	k->tanggal_sk = (int32_t)pg_int(r, 0, 8);
	k->flags = (unsigned)pg_int(r, 0, 10);
	k->created_ms = pg_int(r, 0, 12);
	int rc = STORE_COPY(s, k->jenis, pg_text(r, 0, 3));
	if (!rc) rc = STORE_COPY(s, k->tingkat, pg_text(r, 0, 4));
	if (!rc) rc = STORE_COPY(s, k->rekomendasi, pg_text(r, 0, 6));
	if (!rc) rc = STORE_COPY(s, k->nomor_sk, pg_text(r, 0, 7));
	if (!rc) rc = STORE_COPY(s, k->lampiran, pg_text(r, 0, 9));
	if (!rc) rc = STORE_COPY(s, k->aktor, pg_text(r, 0, 11));
	if (!rc) rc = STORE_COPY(s, k->kasus_nomor, pg_text(r, 0, 13));
	if (!rc && (rc = ((int (*)(void *, const struct kasus_sanksi *))w->cb)(w->ctx, k)))
		s->stopped = 1;
	free(k);
	return rc;
}

static int pg_sanksi_list(struct store *s, int64_t kasus_id, int64_t pegawai_id,
			  int (*cb)(void *, const struct kasus_sanksi *), void *ctx)
{
	struct pg_params p = { 0 };
	struct walk w = { (void *)cb, ctx };
	pp_int(&p, kasus_id);
	pp_int(&p, pegawai_id);
	return pg_stream(pg_downcast(s), "SELECT x.id, x.kasus_id, x.pegawai_id, x.jenis, x.tingkat,"
			 " x.urutan, x.rekomendasi, x.nomor_sk, x.tanggal_sk, x.lampiran, x.flags, x.aktor,"
			 " x.created_ms, k.nomor FROM kasus_sanksi x JOIN kasus k ON k.id = x.kasus_id"
			 " WHERE ($1::bigint > 0 AND x.kasus_id = $1) OR ($1::bigint <= 0 AND x.pegawai_id = $2)"
			 " ORDER BY x.created_ms, x.id", &p, sanksi_row, &w, "sanctions");
}

/* ---- queues ---- */

static int ringkas_row(struct pg_store *q, PGresult *r, void *arg)
{
	struct walk *w = arg;
	struct store *s = &q->base;
	struct kasus_ringkas k;
	memset(&k, 0, sizeof(k));
	k.id = pg_int(r, 0, 0);
	k.tenggat_hari = (int32_t)pg_int(r, 0, 4);
	k.instansi_id = pg_int(r, 0, 5);
	k.pegawai_id = pg_int(r, 0, 8);
	k.petugas_id = pg_int(r, 0, 11);
	k.created_ms = pg_int(r, 0, 12);
	k.updated_ms = pg_int(r, 0, 13);
	int rc = STORE_COPY(s, k.nomor, pg_text(r, 0, 1));
	if (!rc) rc = STORE_COPY(s, k.konteks, pg_text(r, 0, 2));
	if (!rc) rc = STORE_COPY(s, k.tahap, pg_text(r, 0, 3));
	if (!rc) rc = STORE_COPY(s, k.instansi_path, pg_text(r, 0, 6));
	if (!rc) rc = STORE_COPY(s, k.instansi_nama, pg_text(r, 0, 7));
	if (!rc) rc = STORE_COPY(s, k.terlapor_nama, pg_text(r, 0, 9));
	if (!rc) rc = STORE_COPY(s, k.pelanggaran_kode, pg_text(r, 0, 10));
	if (!rc && (rc = ((int (*)(void *, const struct kasus_ringkas *))w->cb)(w->ctx, &k)))
		s->stopped = 1;
	return rc;
}

static int pg_antrian(struct store *s, const struct kasus_antrian_filter *f, const char *lo,
		      const char *hi, int national, const char *tahap,
		      int (*cb)(void *, const struct kasus_ringkas *), void *ctx)
{
	struct pg_params p = { 0 };
	struct walk w = { (void *)cb, ctx };
	pp_text(&p, lo);
	pp_text(&p, hi);
	pp_int(&p, national);
	pp_text(&p, tahap);
	pp_int(&p, f->tenggat_sampai);
	pp_int(&p, f->petugas_id);
	pp_int(&p, f->pegawai_id);
	if (f->tag)
		pp_text(&p, f->tag);
	else
		pp_null(&p);
	pp_int(&p, f->limit);
	pp_int(&p, f->offset);
	return pg_stream(pg_downcast(s), "SELECT k.id, k.nomor, k.konteks, k.tahap, k.tenggat_hari,"
			 " k.instansi_id, coalesce(i.path, ''), coalesce(i.nama, ''), k.pegawai_id,"
			 " k.terlapor_nama, k.pelanggaran_kode, k.petugas_id, k.created_ms, k.updated_ms"
			 " FROM kasus k LEFT JOIN instansi i ON i.id = k.instansi_id"
			 " WHERE ((i.path COLLATE \"C\" >= $1 AND i.path COLLATE \"C\" < $2)"
			 " OR ($3::int = 1 AND k.instansi_id IS NULL))"
			 " AND ($4 = '' OR strpos($4, ';' || k.tahap || ';') > 0)"
			 " AND ($5::int <= 0 OR (k.tenggat_hari IS NOT NULL AND k.tenggat_hari <= $5::int))"
			 " AND ($6::bigint <= 0 OR k.petugas_id = $6::bigint)"
			 " AND ($7::bigint <= 0 OR k.pegawai_id = $7::bigint)"
			 " AND ($8::text IS NULL OR EXISTS (SELECT 1 FROM kasus_tag t WHERE t.kasus_id = k.id"
			 " AND t.tag = $8::text))"
			 " ORDER BY coalesce(k.tenggat_hari, 2147483647), k.created_ms, k.id"
			 " LIMIT $9 OFFSET $10", &p, ringkas_row, &w, "case queue");
}

const struct store_kasus_alur_ops store_pg_kasus_alur_ops = {
	.versi_insert = pg_versi_insert,
	.versi_get = pg_versi_get,
	.versi_list = pg_versi_list,
	.langkah_insert = pg_langkah_insert,
	.langkah_list = pg_langkah_list,
	.jam_get = pg_jam_get,
	.jam_put = pg_jam_put,
	.jeda_buka = pg_jeda_buka,
	.jeda_tutup = pg_jeda_tutup,
	.jeda_list = pg_jeda_list,
	.catatan_insert = pg_catatan_insert,
	.catatan_list = pg_catatan_list,
	.tag_add = pg_tag_add,
	.tag_remove = pg_tag_remove,
	.tag_list = pg_tag_list,
	.sanksi_insert = pg_sanksi_insert,
	.sanksi_list = pg_sanksi_list,
	.antrian = pg_antrian,
};
