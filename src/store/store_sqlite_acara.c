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

static int read_acara(struct store *s, sqlite3_stmt *st, struct acara *o)
{
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

static void bind_fields(sqlite3_stmt *st, const struct acara *a)
{
	sq_bind_text(st, 2, a->jenis);
	sq_bind_text(st, 3, a->topik);
	sq_bind_int(st, 4, a->mulai_ms);
	sq_bind_int(st, 5, a->selesai_ms);
	sq_bind_text(st, 6, a->tempat);
	sq_bind_text(st, 7, a->tautan);
	sq_bind_text(st, 8, a->narasumber);
	sq_bind_int(st, 9, a->instansi_id);
	sq_bind_id(st, 10, a->unit_id);
	sq_bind_id(st, 11, a->sasaran_unit_id);
	sq_bind_int(st, 12, a->updated_ms);
}

static int sq_acara_insert(struct store *s, struct acara *a)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "INSERT INTO acara (kode, jenis, topik, mulai_ms, selesai_ms, tempat, tautan,"
			 " narasumber, instansi_id, unit_id, sasaran_unit_id, updated_ms, created_ms)"
			 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) RETURNING id", &st);
	if (rc)
		return rc;
	sq_bind_text(st, 1, a->kode);
	bind_fields(st, a);
	sq_bind_int(st, 13, a->created_ms);
	rc = sq_step(q, st, "acara insert");
	if (rc == 1) {
		a->id = sqlite3_column_int64(st, 0);
		rc = 0;
	}
	sq_done(q, st);
	return rc;
}

static int sq_acara_update(struct store *s, const struct acara *a)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "UPDATE acara SET jenis = ?2, topik = ?3, mulai_ms = ?4, selesai_ms = ?5,"
			 " tempat = ?6, tautan = ?7, narasumber = ?8, instansi_id = ?9, unit_id = ?10,"
			 " sasaran_unit_id = ?11, updated_ms = ?12 WHERE id = ?1", &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, a->id);
	bind_fields(st, a);
	rc = sq_exec(q, st, "acara update");
	sq_done(q, st);
	if (!rc && sqlite3_changes(q->db) == 0)
		rc = store_fail(s, APP_ENOTFOUND, "no such acara");
	return rc;
}

static int one_acara(struct store *s, sqlite3_stmt *st, struct acara *out)
{
	struct sq_store *q = sq_downcast(s);
	int rc = sq_step(q, st, "acara");
	if (rc == 1)
		rc = read_acara(s, st, out);
	else if (rc == 0)
		rc = store_fail(s, APP_ENOTFOUND, "no such acara");
	sq_done(q, st);
	return rc;
}

static int sq_acara_get(struct store *s, int64_t id, struct acara *out)
{
	sqlite3_stmt *st;
	int rc = sq_prep(sq_downcast(s), "SELECT " ACARA_COLS ACARA_FROM " WHERE a.id = ?1", &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, id);
	return one_acara(s, st, out);
}

static int sq_acara_get_by_kode(struct store *s, const char *kode, struct acara *out)
{
	sqlite3_stmt *st;
	int rc = sq_prep(sq_downcast(s), "SELECT " ACARA_COLS ACARA_FROM " WHERE a.kode = ?1", &st);
	if (rc)
		return rc;
	sq_bind_text(st, 1, kode);
	return one_acara(s, st, out);
}

static int sq_acara_list(struct store *s, const char *lo, const char *hi, int64_t before_ms,
			 int limit, store_acara_cb cb, void *ctx)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	struct acara row;
	int rc = sq_prep(q, "SELECT " ACARA_COLS ACARA_FROM " WHERE i.path >= ?1 AND i.path < ?2"
			 " AND (?3 = 0 OR a.mulai_ms < ?3) ORDER BY a.mulai_ms DESC, a.id DESC LIMIT ?4", &st);
	if (rc)
		return rc;
	sq_bind_text(st, 1, lo);
	sq_bind_text(st, 2, hi);
	sq_bind_int(st, 3, before_ms);
	sq_bind_int(st, 4, limit > 0 ? limit : -1);
	while ((rc = sq_step(q, st, "acara list")) == 1) {
		if ((rc = read_acara(s, st, &row)))
			break;
		if ((rc = cb(ctx, &row))) {
			s->stopped = 1;
			break;
		}
	}
	sq_done(q, st);
	return rc;
}

static int sq_hadir_put(struct store *s, int64_t acara_id, int64_t pegawai_id, const char *cara,
			int64_t now_ms, int *inserted)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "INSERT INTO acara_hadir (acara_id, pegawai_id, cara, dicatat_ms)"
			 " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (acara_id, pegawai_id) DO NOTHING", &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, acara_id);
	sq_bind_int(st, 2, pegawai_id);
	sq_bind_text(st, 3, cara);
	sq_bind_int(st, 4, now_ms);
	rc = sq_exec(q, st, "acara hadir");
	sq_done(q, st);
	if (!rc)
		*inserted = sqlite3_changes(q->db) > 0;
	return rc;
}

/* The target employees of an event: the active employees of its instansi,
 * or of its target unit. ?1 acara id, ?2 instansi, ?3 unit (0 = all). */
#define PESERTA_FROM " FROM pegawai p LEFT JOIN acara_hadir h ON h.acara_id = ?1 AND h.pegawai_id = p.id" \
	" WHERE p.instansi_id = ?2 AND p.status = 'aktif' AND (?3 = 0 OR p.unit_id = ?3)"

static int sq_peserta_list(struct store *s, const struct acara *a, const char *after_nip,
			   int limit, store_peserta_cb cb, void *ctx)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	struct acara_peserta row;
	int rc = sq_prep(q, "SELECT p.id, p.nip, p.nama, coalesce(p.unit_id, 0), h.cara,"
			 " coalesce(h.dicatat_ms, 0)" PESERTA_FROM " AND p.nip > ?4 ORDER BY p.nip LIMIT ?5", &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, a->id);
	sq_bind_int(st, 2, a->instansi_id);
	sq_bind_int(st, 3, a->sasaran_unit_id);
	sq_bind_text(st, 4, after_nip);
	sq_bind_int(st, 5, limit > 0 ? limit : -1);
	while ((rc = sq_step(q, st, "acara peserta")) == 1) {
		memset(&row, 0, sizeof(row));
		row.pegawai_id = sqlite3_column_int64(st, 0);
		row.unit_id = sqlite3_column_int64(st, 3);
		row.hadir = sqlite3_column_type(st, 4) != SQLITE_NULL;
		row.dicatat_ms = sqlite3_column_int64(st, 5);
		rc = STORE_COPY(s, row.nip, sq_col_text(st, 1));
		if (!rc) rc = STORE_COPY(s, row.nama, sq_col_text(st, 2));
		if (!rc) rc = STORE_COPY(s, row.cara, sq_col_text(st, 4));
		if (rc)
			break;
		if ((rc = cb(ctx, &row))) {
			s->stopped = 1;
			break;
		}
	}
	sq_done(q, st);
	return rc;
}

static int sq_peserta_count(struct store *s, const struct acara *a, int64_t *sasaran, int64_t *hadir)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "SELECT count(*), count(h.pegawai_id)" PESERTA_FROM, &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, a->id);
	sq_bind_int(st, 2, a->instansi_id);
	sq_bind_int(st, 3, a->sasaran_unit_id);
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

static int sq_cakupan(struct store *s, int64_t instansi_id, int64_t from_ms, int64_t to_ms,
		      store_cakupan_cb cb, void *ctx)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	struct acara_cakupan_row row;
	int rc = sq_prep(q, "SELECT coalesce(p.unit_id, 0) AS u, count(*),"
			 " sum(CASE WHEN " REACHED " THEN 1 ELSE 0 END) FROM pegawai p"
			 " WHERE p.instansi_id = ?1 AND p.status = 'aktif' GROUP BY u ORDER BY u", &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, instansi_id);
	sq_bind_int(st, 2, from_ms);
	sq_bind_int(st, 3, to_ms);
	while ((rc = sq_step(q, st, "acara cakupan")) == 1) {
		row.unit_id = sqlite3_column_int64(st, 0);
		row.pegawai = sqlite3_column_int64(st, 1);
		row.terjangkau = sqlite3_column_int64(st, 2);
		if ((rc = cb(ctx, &row))) {
			s->stopped = 1;
			break;
		}
	}
	sq_done(q, st);
	return rc;
}

static int sq_belum_list(struct store *s, int64_t instansi_id, int64_t from_ms, int64_t to_ms,
			 store_peserta_cb cb, void *ctx)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	struct acara_peserta row;
	int rc = sq_prep(q, "SELECT p.id, p.nip, p.nama, coalesce(p.unit_id, 0) AS u FROM pegawai p"
			 " WHERE p.instansi_id = ?1 AND p.status = 'aktif' AND NOT " REACHED
			 " ORDER BY u, p.nip", &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, instansi_id);
	sq_bind_int(st, 2, from_ms);
	sq_bind_int(st, 3, to_ms);
	while ((rc = sq_step(q, st, "acara belum")) == 1) {
		memset(&row, 0, sizeof(row));
		row.pegawai_id = sqlite3_column_int64(st, 0);
		row.unit_id = sqlite3_column_int64(st, 3);
		rc = STORE_COPY(s, row.nip, sq_col_text(st, 1));
		if (!rc) rc = STORE_COPY(s, row.nama, sq_col_text(st, 2));
		if (rc)
			break;
		if ((rc = cb(ctx, &row))) {
			s->stopped = 1;
			break;
		}
	}
	sq_done(q, st);
	return rc;
}

static int sq_berkas_put(struct store *s, const char *sha256, const void *data, size_t len,
			 int64_t now_ms)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "INSERT INTO berkas (sha256, ukuran, isi, created_ms) VALUES (?1, ?2, ?3, ?4)"
			 " ON CONFLICT (sha256) DO NOTHING", &st);
	if (rc)
		return rc;
	sq_bind_text(st, 1, sha256);
	sq_bind_int(st, 2, (int64_t)len);
	sqlite3_bind_blob64(st, 3, len ? data : "", len, SQLITE_STATIC);
	sq_bind_int(st, 4, now_ms);
	rc = sq_exec(q, st, "berkas");
	sqlite3_bind_null(st, 3);
	sq_done(q, st);
	return rc;
}

static int sq_materi_link(struct store *s, const struct acara_materi *m, int *inserted)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "INSERT INTO acara_materi (acara_id, sha256, nama, mime, created_ms)"
			 " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (acara_id, sha256) DO NOTHING", &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, m->acara_id);
	sq_bind_text(st, 2, m->sha256);
	sq_bind_text(st, 3, m->nama);
	sq_bind_text(st, 4, m->mime);
	sq_bind_int(st, 5, m->created_ms);
	rc = sq_exec(q, st, "acara materi");
	sq_done(q, st);
	if (!rc)
		*inserted = sqlite3_changes(q->db) > 0;
	return rc;
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
	sqlite3_stmt *st;
	struct acara_materi row;
	int rc = sq_prep(q, "SELECT " MATERI_COLS " FROM acara_materi m JOIN berkas b ON b.sha256 = m.sha256"
			 " WHERE m.acara_id = ?1 ORDER BY m.created_ms, m.nama", &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, acara_id);
	while ((rc = sq_step(q, st, "acara materi list")) == 1) {
		if ((rc = read_materi(s, st, &row)))
			break;
		if ((rc = cb(ctx, &row))) {
			s->stopped = 1;
			break;
		}
	}
	sq_done(q, st);
	return rc;
}

static int sq_materi_get(struct store *s, int64_t acara_id, const char *sha256,
			 struct acara_materi *meta, struct buf *out)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "SELECT " MATERI_COLS ", b.isi FROM acara_materi m JOIN berkas b"
			 " ON b.sha256 = m.sha256 WHERE m.acara_id = ?1 AND m.sha256 = ?2", &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, acara_id);
	sq_bind_text(st, 2, sha256);
	rc = sq_step(q, st, "acara materi");
	if (rc == 1) {
		rc = read_materi(s, st, meta);
		const void *p = sqlite3_column_blob(st, 6);
		int n = sqlite3_column_bytes(st, 6);
		if (!rc && n > 0 && buf_add(out, p, (size_t)n))
			rc = store_fail(s, APP_ETOOBIG, "material file does not fit the buffer");
	} else if (rc == 0) {
		rc = store_fail(s, APP_ENOTFOUND, "no such material file");
	}
	sq_done(q, st);
	return rc;
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
