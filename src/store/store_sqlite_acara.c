/* SQLite: events (apel, sosialisasi), attendance, coverage and material
 * files. */
#include "core/compat.h"
#include "core/buf.h"
#include "core/err.h"
#include "store/store_sqlite_int.h"

#define ACARA_COLS "a.id, a.kode, a.jenis, a.topik, a.mulai_ms, a.selesai_ms, a.tempat, a.tautan," \
	" a.narasumber, a.instansi_id, coalesce(a.unit_id, 0), coalesce(a.sasaran_unit_id, 0)," \
	" a.created_ms, a.updated_ms, i.path," \
	" (SELECT count(*) FROM acara_hadir h WHERE h.acara_id = a.id)"
#define ACARA_FROM " FROM acara a JOIN instansi i ON i.id = a.instansi_id"

static int read_acara(struct store *s, sqlite3_stmt *st, void *out)
{
	struct acara *o = out;
	memset(o, 0, sizeof(*o));
	o->id = sqlite3_column_int64(st, 0);
	o->mulai_ms = sqlite3_column_int64(st, 4);
	o->selesai_ms = sqlite3_column_int64(st, 5);
	o->instansi_id = sqlite3_column_int64(st, 9);
	o->unit_id = sqlite3_column_int64(st, 10);
	o->sasaran_unit_id = sqlite3_column_int64(st, 11);
	o->created_ms = sqlite3_column_int64(st, 12);
	o->updated_ms = sqlite3_column_int64(st, 13);
	o->hadir = sqlite3_column_int64(st, 15);
	int rc = STORE_COPY(s, o->kode, sq_col_text(st, 1));
	if (!rc) rc = STORE_COPY(s, o->jenis, sq_col_text(st, 2));
	if (!rc) rc = STORE_COPY(s, o->topik, sq_col_text(st, 3));
	if (!rc) rc = STORE_COPY(s, o->tempat, sq_col_text(st, 6));
	if (!rc) rc = STORE_COPY(s, o->tautan, sq_col_text(st, 7));
	if (!rc) rc = STORE_COPY(s, o->narasumber, sq_col_text(st, 8));
	if (!rc) rc = STORE_COPY(s, o->instansi_path, sq_col_text(st, 14));
	return rc;
}

/* ?1 kode or id, then the fields in this order (?2..?12). */
static void fields(struct sq_params *p, const struct acara *a)
{
	sp_text(p, a->jenis);
	sp_text(p, a->topik);
	sp_int(p, a->mulai_ms);
	sp_int(p, a->selesai_ms);
	sp_text(p, a->tempat);
	sp_text(p, a->tautan);
	sp_text(p, a->narasumber);
	sp_int(p, a->instansi_id);
	sp_id(p, a->unit_id);
	sp_id(p, a->sasaran_unit_id);
	sp_int(p, a->updated_ms);
}

static int sq_acara_insert(struct store *s, struct acara *a)
{
	struct sq_params p = { 0 };
	sp_text(&p, a->kode);
	fields(&p, a);
	sp_int(&p, a->created_ms);
	return sq_insert(sq_downcast(s), "INSERT INTO acara (kode, jenis, topik, mulai_ms, selesai_ms,"
			 " tempat, tautan, narasumber, instansi_id, unit_id, sasaran_unit_id, updated_ms,"
			 " created_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
			 " RETURNING id", &p, &a->id, "acara insert");
}

static int sq_acara_update(struct store *s, const struct acara *a)
{
	struct sq_params p = { 0 };
	int64_t n = 0;
	sp_int(&p, a->id);
	fields(&p, a);
	int rc = sq_run(sq_downcast(s), "UPDATE acara SET jenis = ?2, topik = ?3, mulai_ms = ?4,"
			" selesai_ms = ?5, tempat = ?6, tautan = ?7, narasumber = ?8, instansi_id = ?9,"
			" unit_id = ?10, sasaran_unit_id = ?11, updated_ms = ?12 WHERE id = ?1", &p, &n,
			"acara update");
	if (!rc && n == 0)
		rc = store_fail(s, APP_ENOTFOUND, "no such acara");
	return rc;
}

static int sq_acara_get(struct store *s, int64_t id, struct acara *out)
{
	struct sq_params p = { 0 };
	sp_int(&p, id);
	return sq_one(sq_downcast(s), "SELECT " ACARA_COLS ACARA_FROM " WHERE a.id = ?1", &p,
		      read_acara, out, "acara", "no such acara");
}

static int sq_acara_get_by_kode(struct store *s, const char *kode, struct acara *out)
{
	struct sq_params p = { 0 };
	sp_text(&p, kode);
	return sq_one(sq_downcast(s), "SELECT " ACARA_COLS ACARA_FROM " WHERE a.kode = ?1", &p,
		      read_acara, out, "acara", "no such acara");
}

static int sq_acara_list(struct store *s, const char *lo, const char *hi, int64_t before_ms,
			 int limit, store_acara_cb cb, void *ctx)
{
	struct sq_store *q = sq_downcast(s);
	struct sq_params p = { 0 };
	struct acara row;
	sqlite3_stmt *st;
	sp_text(&p, lo);
	sp_text(&p, hi);
	sp_int(&p, before_ms);
	sp_int(&p, limit > 0 ? limit : -1);
	int rc = sq_query(q, "SELECT " ACARA_COLS ACARA_FROM " WHERE i.path >= ?1 AND i.path < ?2"
			  " AND (?3 = 0 OR a.mulai_ms < ?3) ORDER BY a.mulai_ms DESC, a.id DESC LIMIT ?4",
			  &p, &st);
	if (rc)
		return rc;
	while ((rc = sq_step(q, st, "acara list")) == 1)
		if ((rc = read_acara(s, st, &row)) || (rc = store_stop(s, cb(ctx, &row))))
			break;
	sq_done(q, st);
	return rc;
}

/* An INSERT ... ON CONFLICT DO NOTHING: *inserted says whether it did. */
static int insert_new(struct store *s, const char *sql, const struct sq_params *p,
		      int *inserted, const char *what)
{
	int64_t n = 0;
	int rc = sq_run(sq_downcast(s), sql, p, &n, what);
	if (!rc)
		*inserted = n > 0;
	return rc;
}

static int sq_hadir_put(struct store *s, int64_t acara_id, int64_t pegawai_id, const char *cara,
			int64_t now_ms, int *inserted)
{
	struct sq_params p = { 0 };
	sp_int(&p, acara_id);
	sp_int(&p, pegawai_id);
	sp_text(&p, cara);
	sp_int(&p, now_ms);
	return insert_new(s, "INSERT INTO acara_hadir (acara_id, pegawai_id, cara, dicatat_ms)"
			  " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (acara_id, pegawai_id) DO NOTHING", &p,
			  inserted, "acara hadir");
}

/* The target employees of an event: the active employees of its instansi,
 * or of its target unit (?1 acara id, ?2 instansi, ?3 unit, 0 = all). */
static void peserta_params(struct sq_params *p, const struct acara *a)
{
	sp_int(p, a->id);
	sp_int(p, a->instansi_id);
	sp_int(p, a->sasaran_unit_id);
}

#define PESERTA_FROM " FROM pegawai p LEFT JOIN acara_hadir h ON h.acara_id = ?1 AND h.pegawai_id = p.id" \
	" WHERE p.instansi_id = ?2 AND p.status = 'aktif' AND (?3 = 0 OR p.unit_id = ?3)"

static int sq_peserta_list(struct store *s, const struct acara *a, const char *after_nip,
			   int limit, store_peserta_cb cb, void *ctx)
{
	struct sq_store *q = sq_downcast(s);
	struct sq_params p = { 0 };
	struct acara_peserta row;
	sqlite3_stmt *st;
	peserta_params(&p, a);
	sp_text(&p, after_nip);
	sp_int(&p, limit > 0 ? limit : -1);
	int rc = sq_query(q, "SELECT p.id, p.nip, p.nama, coalesce(p.unit_id, 0), h.cara,"
			  " coalesce(h.dicatat_ms, 0)" PESERTA_FROM " AND p.nip > ?4 ORDER BY p.nip LIMIT ?5",
			  &p, &st);
	if (rc)
		return rc;
	while ((rc = sq_step(q, st, "acara peserta")) == 1) {
		memset(&row, 0, sizeof(row));
		row.pegawai_id = sqlite3_column_int64(st, 0);
		row.unit_id = sqlite3_column_int64(st, 3);
		row.hadir = sqlite3_column_type(st, 4) != SQLITE_NULL;
		row.dicatat_ms = sqlite3_column_int64(st, 5);
		rc = STORE_COPY(s, row.nip, sq_col_text(st, 1));
		if (!rc) rc = STORE_COPY(s, row.nama, sq_col_text(st, 2));
		if (!rc) rc = STORE_COPY(s, row.cara, sq_col_text(st, 4));
		if (rc || (rc = store_stop(s, cb(ctx, &row))))
			break;
	}
	sq_done(q, st);
	return rc;
}

static int sq_peserta_count(struct store *s, const struct acara *a, int64_t *sasaran, int64_t *hadir)
{
	struct sq_store *q = sq_downcast(s);
	struct sq_params p = { 0 };
	sqlite3_stmt *st;
	peserta_params(&p, a);
	int rc = sq_query(q, "SELECT count(*), count(h.pegawai_id)" PESERTA_FROM, &p, &st);
	if (rc)
		return rc;
	rc = sq_step(q, st, "acara peserta count");
	if (rc == 1) {
		*sasaran = sqlite3_column_int64(st, 0);
		*hadir = sqlite3_column_int64(st, 1);
		rc = 0;
	}
	sq_done(q, st);
	return rc;
}

/* Reached: attended at least one sosialisasi starting in [?2, ?3). */
#define REACHED "EXISTS (SELECT 1 FROM acara_hadir h JOIN acara a ON a.id = h.acara_id" \
	" WHERE h.pegawai_id = p.id AND a.jenis = 'sosialisasi' AND a.mulai_ms >= ?2 AND a.mulai_ms < ?3)"

/* ?1 instansi, then the window of REACHED. */
static void reached_params(struct sq_params *p, int64_t instansi_id, int64_t from_ms, int64_t to_ms)
{
	sp_int(p, instansi_id);
	sp_int(p, from_ms);
	sp_int(p, to_ms);
}

static int sq_cakupan(struct store *s, int64_t instansi_id, int64_t from_ms, int64_t to_ms,
		      store_cakupan_cb cb, void *ctx)
{
	struct sq_store *q = sq_downcast(s);
	struct sq_params p = { 0 };
	struct acara_cakupan_row row;
	sqlite3_stmt *st;
	reached_params(&p, instansi_id, from_ms, to_ms);
	int rc = sq_query(q, "SELECT coalesce(p.unit_id, 0) AS u, count(*),"
			  " sum(CASE WHEN " REACHED " THEN 1 ELSE 0 END) FROM pegawai p"
			  " WHERE p.instansi_id = ?1 AND p.status = 'aktif' GROUP BY u ORDER BY u", &p, &st);
	if (rc)
		return rc;
	while ((rc = sq_step(q, st, "acara cakupan")) == 1) {
		row.unit_id = sqlite3_column_int64(st, 0);
		row.pegawai = sqlite3_column_int64(st, 1);
		row.terjangkau = sqlite3_column_int64(st, 2);
		if ((rc = store_stop(s, cb(ctx, &row))))
			break;
	}
	sq_done(q, st);
	return rc;
}

static int sq_belum_list(struct store *s, int64_t instansi_id, int64_t from_ms, int64_t to_ms,
			 store_peserta_cb cb, void *ctx)
{
	struct sq_store *q = sq_downcast(s);
	struct sq_params p = { 0 };
	struct acara_peserta row;
	sqlite3_stmt *st;
	reached_params(&p, instansi_id, from_ms, to_ms);
	int rc = sq_query(q, "SELECT p.id, p.nip, p.nama, coalesce(p.unit_id, 0) AS u FROM pegawai p"
			  " WHERE p.instansi_id = ?1 AND p.status = 'aktif' AND NOT " REACHED
			  " ORDER BY u, p.nip", &p, &st);
	if (rc)
		return rc;
	while ((rc = sq_step(q, st, "acara belum")) == 1) {
		memset(&row, 0, sizeof(row));
		row.pegawai_id = sqlite3_column_int64(st, 0);
		row.unit_id = sqlite3_column_int64(st, 3);
		rc = STORE_COPY(s, row.nip, sq_col_text(st, 1));
		if (!rc) rc = STORE_COPY(s, row.nama, sq_col_text(st, 2));
		if (rc || (rc = store_stop(s, cb(ctx, &row))))
			break;
	}
	sq_done(q, st);
	return rc;
}

static int sq_berkas_put(struct store *s, const char *sha256, const void *data, size_t len,
			 int64_t now_ms)
{
	struct sq_params p = { 0 };
	sp_text(&p, sha256);
	sp_int(&p, (int64_t)len);
	sp_blob(&p, data, len);
	sp_int(&p, now_ms);
	return sq_run(sq_downcast(s), "INSERT INTO berkas (sha256, ukuran, isi, created_ms)"
		      " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (sha256) DO NOTHING", &p, NULL, "berkas");
}

static int sq_materi_link(struct store *s, const struct acara_materi *m, int *inserted)
{
	struct sq_params p = { 0 };
	sp_int(&p, m->acara_id);
	sp_text(&p, m->sha256);
	sp_text(&p, m->nama);
	sp_text(&p, m->mime);
	sp_int(&p, m->created_ms);
	return insert_new(s, "INSERT INTO acara_materi (acara_id, sha256, nama, mime, created_ms)"
			  " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (acara_id, sha256) DO NOTHING", &p,
			  inserted, "acara materi");
}

static int read_materi(struct store *s, sqlite3_stmt *st, struct acara_materi *o)
{
	memset(o, 0, sizeof(*o));
	o->acara_id = sqlite3_column_int64(st, 0);
	o->ukuran = sqlite3_column_int64(st, 4);
	o->created_ms = sqlite3_column_int64(st, 5);
	int rc = STORE_COPY(s, o->sha256, sq_col_text(st, 1));
	if (!rc) rc = STORE_COPY(s, o->nama, sq_col_text(st, 2));
	if (!rc) rc = STORE_COPY(s, o->mime, sq_col_text(st, 3));
	return rc;
}

#define MATERI_COLS "m.acara_id, m.sha256, m.nama, m.mime, b.ukuran, m.created_ms"

static int sq_materi_list(struct store *s, int64_t acara_id, store_materi_cb cb, void *ctx)
{
	struct sq_store *q = sq_downcast(s);
	struct sq_params p = { 0 };
	struct acara_materi row;
	sqlite3_stmt *st;
	sp_int(&p, acara_id);
	int rc = sq_query(q, "SELECT " MATERI_COLS " FROM acara_materi m JOIN berkas b"
			  " ON b.sha256 = m.sha256 WHERE m.acara_id = ?1 ORDER BY m.created_ms, m.nama",
			  &p, &st);
	if (rc)
		return rc;
	while ((rc = sq_step(q, st, "acara materi list")) == 1)
		if ((rc = read_materi(s, st, &row)) || (rc = store_stop(s, cb(ctx, &row))))
			break;
	sq_done(q, st);
	return rc;
}

struct materi_file {
	struct acara_materi *meta;
	struct buf *out;
};

static int read_materi_file(struct store *s, sqlite3_stmt *st, void *arg)
{
	struct materi_file *f = arg;
	int rc = read_materi(s, st, f->meta);
	const void *data = sqlite3_column_blob(st, 6);
	int n = sqlite3_column_bytes(st, 6);
	if (!rc && n > 0 && buf_add(f->out, data, (size_t)n))
		rc = store_fail(s, APP_ETOOBIG, "material file does not fit the buffer");
	return rc;
}

static int sq_materi_get(struct store *s, int64_t acara_id, const char *sha256,
			 struct acara_materi *meta, struct buf *out)
{
	struct sq_params p = { 0 };
	struct materi_file f = { meta, out };
	sp_int(&p, acara_id);
	sp_text(&p, sha256);
	return sq_one(sq_downcast(s), "SELECT " MATERI_COLS ", b.isi FROM acara_materi m JOIN berkas b"
		      " ON b.sha256 = m.sha256 WHERE m.acara_id = ?1 AND m.sha256 = ?2", &p,
		      read_materi_file, &f, "acara materi", "no such material file");
}

const struct store_acara_ops store_sqlite_acara_ops = {
	.insert = sq_acara_insert,
	.update = sq_acara_update,
	.get = sq_acara_get,
	.get_by_kode = sq_acara_get_by_kode,
	.list = sq_acara_list,
	.hadir_put = sq_hadir_put,
	.peserta_list = sq_peserta_list,
	.peserta_count = sq_peserta_count,
	.cakupan = sq_cakupan,
	.belum_list = sq_belum_list,
	.berkas_put = sq_berkas_put,
	.materi_link = sq_materi_link,
	.materi_list = sq_materi_list,
	.materi_get = sq_materi_get,
};
