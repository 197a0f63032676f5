/* PostgreSQL: events (apel, sosialisasi), attendance, coverage and
 * material files. Parameters are text (store_pg_int.h): file bytes travel
 * as hex and are decoded by the server into bytea. */
#include "core/compat.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/xalloc.h"
#include "crypto/sign.h"
#include "store/store_pg_int.h"

#define ACARA_COLS "a.id, a.kode, a.jenis, a.topik, a.mulai_ms, a.selesai_ms, a.tempat, a.tautan," \
	" a.narasumber, a.instansi_id, coalesce(a.unit_id, 0), coalesce(a.sasaran_unit_id, 0)," \
	" a.created_ms, a.updated_ms, i.path," \
	" (SELECT count(*) FROM acara_hadir h WHERE h.acara_id = a.id)"
#define ACARA_FROM " FROM acara a JOIN instansi i ON i.id = a.instansi_id"

static int read_acara(struct store *s, const PGresult *r, int i, struct acara *o)
{
	memset(o, 0, sizeof(*o));
	o->id = pg_int(r, i, 0);
	o->mulai_ms = pg_int(r, i, 4);
	o->selesai_ms = pg_int(r, i, 5);
	o->instansi_id = pg_int(r, i, 9);
	o->unit_id = pg_int(r, i, 10);
	o->sasaran_unit_id = pg_int(r, i, 11);
	o->created_ms = pg_int(r, i, 12);
	o->updated_ms = pg_int(r, i, 13);
	o->hadir = pg_int(r, i, 15);
	int rc = STORE_COPY(s, o->kode, pg_text(r, i, 1));
	if (!rc) rc = STORE_COPY(s, o->jenis, pg_text(r, i, 2));
	if (!rc) rc = STORE_COPY(s, o->topik, pg_text(r, i, 3));
	if (!rc) rc = STORE_COPY(s, o->tempat, pg_text(r, i, 6));
	if (!rc) rc = STORE_COPY(s, o->tautan, pg_text(r, i, 7));
	if (!rc) rc = STORE_COPY(s, o->narasumber, pg_text(r, i, 8));
	if (!rc) rc = STORE_COPY(s, o->instansi_path, pg_text(r, i, 14));
	return rc;
}

/* $1 kode or id, then the fields in this order ($2..$12). */
static void fields(struct pg_params *p, const struct acara *a)
{
	pp_text(p, a->jenis);
	pp_text(p, a->topik);
	pp_int(p, a->mulai_ms);
	pp_int(p, a->selesai_ms);
	pp_text(p, a->tempat);
	pp_text(p, a->tautan);
	pp_text(p, a->narasumber);
	pp_int(p, a->instansi_id);
	pp_id(p, a->unit_id);
	pp_id(p, a->sasaran_unit_id);
	pp_int(p, a->updated_ms);
}

static int pg_acara_insert(struct store *s, struct acara *a)
{
	struct pg_params p = { 0 };
	pp_text(&p, a->kode);
	fields(&p, a);
	pp_int(&p, a->created_ms);
	return pg_insert(pg_downcast(s), "INSERT INTO acara (kode, jenis, topik, mulai_ms, selesai_ms,"
			 " tempat, tautan, narasumber, instansi_id, unit_id, sasaran_unit_id, updated_ms,"
			 " created_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)"
			 " RETURNING id", &p, &a->id, "acara insert");
}

static int pg_acara_update(struct store *s, const struct acara *a)
{
	struct pg_params p = { 0 };
	int64_t n = 0;
	pp_int(&p, a->id);
	fields(&p, a);
	int rc = pg_command(pg_downcast(s), "UPDATE acara SET jenis = $2, topik = $3, mulai_ms = $4,"
			    " selesai_ms = $5, tempat = $6, tautan = $7, narasumber = $8, instansi_id = $9,"
			    " unit_id = $10, sasaran_unit_id = $11, updated_ms = $12 WHERE id = $1", &p, &n,
			    "acara update");
	if (!rc && n == 0)
		rc = store_fail(s, APP_ENOTFOUND, "no such acara");
	return rc;
}

static int read_acara0(struct pg_store *q, PGresult *r, void *out)
{
	return read_acara(&q->base, r, 0, out);
}

static int one_acara(struct store *s, const char *sql, const struct pg_params *p, struct acara *out)
{
	return pg_one(pg_downcast(s), sql, p, read_acara0, out, "acara", "no such acara");
}

static int pg_acara_get(struct store *s, int64_t id, struct acara *out)
{
	struct pg_params p = { 0 };
	pp_int(&p, id);
	return one_acara(s, "SELECT " ACARA_COLS ACARA_FROM " WHERE a.id = $1", &p, out);
}

static int pg_acara_get_by_kode(struct store *s, const char *kode, struct acara *out)
{
	struct pg_params p = { 0 };
	pp_text(&p, kode);
	return one_acara(s, "SELECT " ACARA_COLS ACARA_FROM " WHERE a.kode = $1", &p, out);
}

struct walk {
	void *cb;
	void *ctx;
};

static int acara_row(struct pg_store *q, PGresult *r, void *arg)
{
	struct walk *l = arg;
	struct acara row;
	int rc = read_acara(&q->base, r, 0, &row);
	return rc ? rc : store_stop(&q->base, ((store_acara_cb)l->cb)(l->ctx, &row));
}

static int pg_acara_list(struct store *s, const char *lo, const char *hi, int64_t before_ms,
			 int limit, store_acara_cb cb, void *ctx)
{
	struct pg_params p = { 0 };
	struct walk l = { (void *)cb, ctx };
	pp_text(&p, lo);
	pp_text(&p, hi);
	pp_int(&p, before_ms);
	if (limit > 0)
		pp_int(&p, limit);
	else
		pp_null(&p);
	return pg_stream(pg_downcast(s), "SELECT " ACARA_COLS ACARA_FROM " WHERE i.path >= $1"
			 " AND i.path < $2 AND ($3::bigint = 0 OR a.mulai_ms < $3::bigint)"
			 " ORDER BY a.mulai_ms DESC, a.id DESC LIMIT $4::bigint", &p, acara_row, &l, "acara list");
}

static int pg_hadir_put(struct store *s, int64_t acara_id, int64_t pegawai_id, const char *cara,
			int64_t now_ms, int *inserted)
{
	struct pg_params p = { 0 };
	int64_t n = 0;
	pp_int(&p, acara_id);
	pp_int(&p, pegawai_id);
	pp_text(&p, cara);
	pp_int(&p, now_ms);
	int rc = pg_command(pg_downcast(s), "INSERT INTO acara_hadir (acara_id, pegawai_id, cara, dicatat_ms)"
			    " VALUES ($1, $2, $3, $4) ON CONFLICT (acara_id, pegawai_id) DO NOTHING", &p, &n,
			    "acara hadir");
	if (!rc)
		*inserted = n > 0;
	return rc;
}

#define PESERTA_FROM " FROM pegawai p LEFT JOIN acara_hadir h ON h.acara_id = $1 AND h.pegawai_id = p.id" \
	" WHERE p.instansi_id = $2 AND p.status = 'aktif' AND ($3::bigint = 0 OR p.unit_id = $3::bigint)"

static int read_peserta(struct store *s, const PGresult *r, struct acara_peserta *o, int full)
{
	memset(o, 0, sizeof(*o));
	o->pegawai_id = pg_int(r, 0, 0);
	o->unit_id = pg_int(r, 0, 3);
	int rc = STORE_COPY(s, o->nip, pg_text(r, 0, 1));
	if (!rc) rc = STORE_COPY(s, o->nama, pg_text(r, 0, 2));
	if (!rc && full) {
		o->hadir = !PQgetisnull(r, 0, 4);
		o->dicatat_ms = pg_int(r, 0, 5);
		rc = STORE_COPY(s, o->cara, pg_text(r, 0, 4));
	}
	return rc;
}

static int peserta_row(struct pg_store *q, PGresult *r, void *arg)
{
	struct walk *l = arg;
	struct acara_peserta row;
	int rc = read_peserta(&q->base, r, &row, 1);
	return rc ? rc : store_stop(&q->base, ((store_peserta_cb)l->cb)(l->ctx, &row));
}

static int belum_row(struct pg_store *q, PGresult *r, void *arg)
{
	struct walk *l = arg;
	struct acara_peserta row;
	int rc = read_peserta(&q->base, r, &row, 0);
	return rc ? rc : store_stop(&q->base, ((store_peserta_cb)l->cb)(l->ctx, &row));
}

static int pg_peserta_list(struct store *s, const struct acara *a, const char *after_nip,
			   int limit, store_peserta_cb cb, void *ctx)
{
	struct pg_params p = { 0 };
	struct walk l = { (void *)cb, ctx };
	pp_int(&p, a->id);
	pp_int(&p, a->instansi_id);
	pp_int(&p, a->sasaran_unit_id);
	pp_text(&p, after_nip);
	if (limit > 0)
		pp_int(&p, limit);
	else
		pp_null(&p);
	return pg_stream(pg_downcast(s), "SELECT p.id, p.nip, p.nama, coalesce(p.unit_id, 0), h.cara,"
			 " coalesce(h.dicatat_ms, 0)" PESERTA_FROM " AND p.nip > $4 ORDER BY p.nip"
			 " LIMIT $5::bigint", &p, peserta_row, &l, "acara peserta");
}

static int pg_peserta_count(struct store *s, const struct acara *a, int64_t *sasaran, int64_t *hadir)
{
	struct pg_params p = { 0 };
	PGresult *r;
	pp_int(&p, a->id);
	pp_int(&p, a->instansi_id);
	pp_int(&p, a->sasaran_unit_id);
	int rc = pg_query(pg_downcast(s), "SELECT count(*), count(h.pegawai_id)" PESERTA_FROM, &p, &r,
			  "acara peserta count");
	if (rc)
		return rc;
	*sasaran = pg_int(r, 0, 0);
	*hadir = pg_int(r, 0, 1);
	PQclear(r);
	return 0;
}

#define REACHED "EXISTS (SELECT 1 FROM acara_hadir h JOIN acara a ON a.id = h.acara_id" \
	" WHERE h.pegawai_id = p.id AND a.jenis = 'sosialisasi' AND a.mulai_ms >= $2 AND a.mulai_ms < $3)"

static int cakupan_row(struct pg_store *q, PGresult *r, void *arg)
{
	struct walk *l = arg;
	struct acara_cakupan_row row = { pg_int(r, 0, 0), pg_int(r, 0, 1), pg_int(r, 0, 2) };
	return store_stop(&q->base, ((store_cakupan_cb)l->cb)(l->ctx, &row));
}

static int pg_cakupan(struct store *s, int64_t instansi_id, int64_t from_ms, int64_t to_ms,
		      store_cakupan_cb cb, void *ctx)
{
	struct pg_params p = { 0 };
	struct walk l = { (void *)cb, ctx };
	pp_int(&p, instansi_id);
	pp_int(&p, from_ms);
	pp_int(&p, to_ms);
	return pg_stream(pg_downcast(s), "SELECT coalesce(p.unit_id, 0) AS u, count(*),"
			 " sum(CASE WHEN " REACHED " THEN 1 ELSE 0 END) FROM pegawai p"
			 " WHERE p.instansi_id = $1 AND p.status = 'aktif' GROUP BY u ORDER BY u",
			 &p, cakupan_row, &l, "acara cakupan");
}

static int pg_belum_list(struct store *s, int64_t instansi_id, int64_t from_ms, int64_t to_ms,
			 store_peserta_cb cb, void *ctx)
{
	struct pg_params p = { 0 };
	struct walk l = { (void *)cb, ctx };
	pp_int(&p, instansi_id);
	pp_int(&p, from_ms);
	pp_int(&p, to_ms);
	return pg_stream(pg_downcast(s), "SELECT p.id, p.nip, p.nama, coalesce(p.unit_id, 0) AS u"
			 " FROM pegawai p WHERE p.instansi_id = $1 AND p.status = 'aktif' AND NOT " REACHED
			 " ORDER BY u, p.nip", &p, belum_row, &l, "acara belum");
}

static int pg_berkas_put(struct store *s, const char *sha256, const void *data, size_t len,
			 int64_t now_ms)
{
	struct pg_params p = { 0 };
	int64_t n = 0;
	char *hex = xmalloc(st_mult(len, 2) + 1);
	hex_encode(hex, data, len);
	pp_text(&p, sha256);
	pp_int(&p, (int64_t)len);
	pp_text(&p, hex);
	pp_int(&p, now_ms);
	int rc = pg_command(pg_downcast(s), "INSERT INTO berkas (sha256, ukuran, isi, created_ms)"
			    " VALUES ($1, $2, decode($3, 'hex'), $4) ON CONFLICT (sha256) DO NOTHING", &p, &n,
			    "berkas");
	free(hex);
	return rc;
}

static int pg_materi_link(struct store *s, const struct acara_materi *m, int *inserted)
{
	struct pg_params p = { 0 };
	int64_t n = 0;
	pp_int(&p, m->acara_id);
	pp_text(&p, m->sha256);
	pp_text(&p, m->nama);
	pp_text(&p, m->mime);
	pp_int(&p, m->created_ms);
	int rc = pg_command(pg_downcast(s), "INSERT INTO acara_materi (acara_id, sha256, nama, mime,"
			    " created_ms) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (acara_id, sha256) DO NOTHING",
			    &p, &n, "acara materi");
	if (!rc)
		*inserted = n > 0;
	return rc;
}

#define MATERI_COLS "m.acara_id, m.sha256, m.nama, m.mime, b.ukuran, m.created_ms"

static int read_materi(struct store *s, const PGresult *r, int i, struct acara_materi *o)
{
	memset(o, 0, sizeof(*o));
	o->acara_id = pg_int(r, i, 0);
	o->ukuran = pg_int(r, i, 4);
	o->created_ms = pg_int(r, i, 5);
	int rc = STORE_COPY(s, o->sha256, pg_text(r, i, 1));
	if (!rc) rc = STORE_COPY(s, o->nama, pg_text(r, i, 2));
	if (!rc) rc = STORE_COPY(s, o->mime, pg_text(r, i, 3));
	return rc;
}

static int materi_row(struct pg_store *q, PGresult *r, void *arg)
{
	struct walk *l = arg;
	struct acara_materi row;
	int rc = read_materi(&q->base, r, 0, &row);
	return rc ? rc : store_stop(&q->base, ((store_materi_cb)l->cb)(l->ctx, &row));
}

static int pg_materi_list(struct store *s, int64_t acara_id, store_materi_cb cb, void *ctx)
{
	struct pg_params p = { 0 };
	struct walk l = { (void *)cb, ctx };
	pp_int(&p, acara_id);
	return pg_stream(pg_downcast(s), "SELECT " MATERI_COLS " FROM acara_materi m JOIN berkas b"
			 " ON b.sha256 = m.sha256 WHERE m.acara_id = $1 ORDER BY m.created_ms, m.nama", &p,
			 materi_row, &l, "acara materi list");
}

static int pg_materi_get(struct store *s, int64_t acara_id, const char *sha256,
			 struct acara_materi *meta, struct buf *out)
{
	struct pg_params p = { 0 };
	PGresult *r;
	pp_int(&p, acara_id);
	pp_text(&p, sha256);
	int rc = pg_query(pg_downcast(s), "SELECT " MATERI_COLS ", encode(b.isi, 'hex') FROM acara_materi m"
			  " JOIN berkas b ON b.sha256 = m.sha256 WHERE m.acara_id = $1 AND m.sha256 = $2",
			  &p, &r, "acara materi");
	if (rc)
		return rc;
	if (PQntuples(r) != 1) {
		PQclear(r);
		return store_fail(s, APP_ENOTFOUND, "no such material file");
	}
	rc = read_materi(s, r, 0, meta);
	const char *hex = pg_text(r, 0, 6);
	size_t hl = strlen(hex), n = hl / 2;
	uint8_t *bytes = n ? xmalloc(n) : NULL;
	if (!rc && n && hex_decode(bytes, n, hex, hl))
		rc = store_fail(s, APP_EINTERNAL, "material file: bad hex from the server");
	if (!rc && n && buf_add(out, bytes, n))
		rc = store_fail(s, APP_ETOOBIG, "material file does not fit the buffer");
	free(bytes);
	PQclear(r);
	return rc;
}

const struct store_acara_ops store_pg_acara_ops = {
	.insert = pg_acara_insert,
	.update = pg_acara_update,
	.get = pg_acara_get,
	.get_by_kode = pg_acara_get_by_kode,
	.list = pg_acara_list,
	.hadir_put = pg_hadir_put,
	.peserta_list = pg_peserta_list,
	.peserta_count = pg_peserta_count,
	.cakupan = pg_cakupan,
	.belum_list = pg_belum_list,
	.berkas_put = pg_berkas_put,
	.materi_link = pg_materi_link,
	.materi_list = pg_materi_list,
	.materi_get = pg_materi_get,
};
