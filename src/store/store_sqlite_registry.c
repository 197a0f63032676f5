/* SQLite backend: the instansi tree, unit kerja and the pegawai registry. */
#include "core/compat.h"
#include "store/store_sqlite_int.h"
#include "core/buf.h"
#include "core/err.h"

/* ---- instansi ---- */

#define INSTANSI_COLS "id, kode, nama, jenis, coalesce(parent_id, 0), path"

static int read_instansi(struct sq_store *q, sqlite3_stmt *st, struct instansi *o)
{
	memset(o, 0, sizeof(*o));
	o->id = sqlite3_column_int64(st, 0);
	o->jenis = (enum instansi_jenis)sqlite3_column_int(st, 3);
	o->parent_id = sqlite3_column_int64(st, 4);
	int rc = STORE_COPY(&q->base, o->kode, sq_col_text(st, 1));
	if (!rc)
		rc = STORE_COPY(&q->base, o->nama, sq_col_text(st, 2));
	if (!rc)
		rc = STORE_COPY(&q->base, o->path, sq_col_text(st, 5));
	return rc;
}

/* Run a statement expected to return at most one instansi. */
static int one_instansi(struct sq_store *q, sqlite3_stmt *st, struct instansi *out)
{
	int rc = sq_step(q, st, "instansi");
	if (rc == 1)
		rc = read_instansi(q, st, out);
	else if (rc == 0)
		rc = store_fail(&q->base, APP_ENOTFOUND, "no such instansi");
	sq_done(q, st);
	return rc;
}

int sq_instansi_get(struct store *s, int64_t id, struct instansi *out)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "SELECT " INSTANSI_COLS " FROM instansi WHERE id = ?1", &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, id);
	return one_instansi(q, st, out);
}

int sq_instansi_get_by_kode(struct store *s, const char *kode, struct instansi *out)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "SELECT " INSTANSI_COLS " FROM instansi WHERE kode = ?1", &st);
	if (rc)
		return rc;
	sq_bind_text(st, 1, kode);
	return one_instansi(q, st, out);
}

/* Insert or update by kode. The path is "<parent path><id>/"; moving a node
 * under another parent rewrites the paths of its whole subtree, and a move
 * under its own subtree (a cycle) is refused. */
int sq_instansi_put(struct store *s, struct instansi *in)
{
	struct sq_store *q = sq_downcast(s);
	struct instansi parent, old;
	char path[256];
	sqlite3_stmt *st;
	int rc, exists;

	if (in->parent_id) {
		rc = sq_instansi_get(s, in->parent_id, &parent);
		if (rc == APP_ENOTFOUND)
			return store_fail(s, APP_ECONSTRAINT, "unknown parent instansi %" PRId64,
					  in->parent_id);
		if (rc)
			return rc;
	} else {
		snprintf(parent.path, sizeof(parent.path), "/");
	}
	rc = sq_instansi_get_by_kode(s, in->kode, &old);
	if (rc && rc != APP_ENOTFOUND)
		return rc;
	exists = rc == 0;

	if (!exists) {
		rc = sq_prep(q, "INSERT INTO instansi (kode, nama, jenis, parent_id, path)"
			     " VALUES (?1, ?2, ?3, ?4, '') RETURNING id", &st);
		if (rc)
			return rc;
		sq_bind_text(st, 1, in->kode);
		sq_bind_text(st, 2, in->nama);
		sq_bind_int(st, 3, in->jenis);
		sq_bind_id(st, 4, in->parent_id);
		rc = sq_step(q, st, "instansi insert");
		if (rc == 1)
			in->id = sqlite3_column_int64(st, 0);
		sq_done(q, st);
		if (rc < 0)
			return rc;
	} else {
		in->id = old.id;
		/* The new parent may not be the node itself or below it. */
		if (in->parent_id && !strncmp(parent.path, old.path, strlen(old.path)))
			return store_fail(s, APP_ECONSTRAINT, "instansi %s cannot move under itself",
					  in->kode);
	}
	int n = snprintf(path, sizeof(path), "%s%" PRId64 "/", parent.path, in->id);
	if (n < 0 || (size_t)n >= sizeof(path))
		return store_fail(s, APP_ECONSTRAINT, "instansi tree too deep");

	rc = sq_prep(q, "UPDATE instansi SET nama = ?2, jenis = ?3, parent_id = ?4, path = ?5"
		     " WHERE id = ?1", &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, in->id);
	sq_bind_text(st, 2, in->nama);
	sq_bind_int(st, 3, in->jenis);
	sq_bind_id(st, 4, in->parent_id);
	sq_bind_text(st, 5, path);
	rc = sq_exec(q, st, "instansi update");
	sq_done(q, st);
	if (rc)
		return rc;

	if (exists && strcmp(old.path, path)) {
		char hi[256];
		snprintf(hi, sizeof(hi), "%s", old.path);
		hi[strlen(hi) - 1] = '0';
		rc = sq_prep(q, "UPDATE instansi SET path = ?1 || substr(path, ?2)"
			     " WHERE path > ?3 AND path < ?4", &st);
		if (rc)
			return rc;
		sq_bind_text(st, 1, path);
		sq_bind_int(st, 2, (int64_t)strlen(old.path) + 1);
		sq_bind_text(st, 3, old.path);
		sq_bind_text(st, 4, hi);
		rc = sq_exec(q, st, "instansi move");
		sq_done(q, st);
		if (rc)
			return rc;
	}
	snprintf(in->path, sizeof(in->path), "%s", path);
	return 0;
}

int sq_instansi_list(struct store *s, const char *lo, const char *hi, store_instansi_cb cb,
		     void *ctx)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	struct instansi row;
	int rc = sq_prep(q, "SELECT " INSTANSI_COLS " FROM instansi"
			 " WHERE path >= ?1 AND path < ?2 ORDER BY path", &st);
	if (rc)
		return rc;
	sq_bind_text(st, 1, lo);
	sq_bind_text(st, 2, hi);
	while ((rc = sq_step(q, st, "instansi list")) == 1) {
		if ((rc = read_instansi(q, st, &row)))
			break;
		if ((rc = cb(ctx, &row))) {
			s->stopped = 1;
			break;
		}
	}
	sq_done(q, st);
	return rc;
}

/* ---- unit kerja ---- */

#define UNIT_COLS "id, instansi_id, kode, nama"

static int read_unit(struct sq_store *q, sqlite3_stmt *st, struct unit_kerja *o)
{
	memset(o, 0, sizeof(*o));
	o->id = sqlite3_column_int64(st, 0);
	o->instansi_id = sqlite3_column_int64(st, 1);
	int rc = STORE_COPY(&q->base, o->kode, sq_col_text(st, 2));
	if (!rc)
		rc = STORE_COPY(&q->base, o->nama, sq_col_text(st, 3));
	return rc;
}

static int one_unit(struct sq_store *q, sqlite3_stmt *st, struct unit_kerja *out)
{
	int rc = sq_step(q, st, "unit");
	if (rc == 1)
		rc = read_unit(q, st, out);
	else if (rc == 0)
		rc = store_fail(&q->base, APP_ENOTFOUND, "no such unit kerja");
	sq_done(q, st);
	return rc;
}

int sq_unit_put(struct store *s, struct unit_kerja *u)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "INSERT INTO unit_kerja (instansi_id, kode, nama) VALUES (?1, ?2, ?3)"
			 " ON CONFLICT (instansi_id, kode) DO UPDATE SET nama = excluded.nama"
			 " RETURNING id", &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, u->instansi_id);
	sq_bind_text(st, 2, u->kode);
	sq_bind_text(st, 3, u->nama);
	rc = sq_step(q, st, "unit put");
	if (rc == 1) {
		u->id = sqlite3_column_int64(st, 0);
		rc = 0;
	} else if (rc == 0) {
		rc = store_fail(s, APP_EINTERNAL, "unit put returned no id");
	}
	sq_done(q, st);
	return rc;
}

int sq_unit_get(struct store *s, int64_t id, struct unit_kerja *out)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "SELECT " UNIT_COLS " FROM unit_kerja WHERE id = ?1", &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, id);
	return one_unit(q, st, out);
}

int sq_unit_get_by_kode(struct store *s, int64_t instansi_id, const char *kode,
			struct unit_kerja *out)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "SELECT " UNIT_COLS " FROM unit_kerja"
			 " WHERE instansi_id = ?1 AND kode = ?2", &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, instansi_id);
	sq_bind_text(st, 2, kode);
	return one_unit(q, st, out);
}

int sq_unit_list(struct store *s, int64_t instansi_id, store_unit_cb cb, void *ctx)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	struct unit_kerja row;
	int rc = sq_prep(q, "SELECT " UNIT_COLS " FROM unit_kerja WHERE instansi_id = ?1"
			 " ORDER BY kode", &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, instansi_id);
	while ((rc = sq_step(q, st, "unit list")) == 1) {
		if ((rc = read_unit(q, st, &row)))
			break;
		if ((rc = cb(ctx, &row))) {
			s->stopped = 1;
			break;
		}
	}
	sq_done(q, st);
	return rc;
}

/* ---- pegawai ---- */

#define PEGAWAI_COLS "p.id, p.nip, p.nama, p.jenis_asn, p.golongan, p.jenis_jabatan," \
	" p.jenjang, p.jabatan, p.instansi_id, coalesce(p.unit_id, 0), p.status, p.blokir," \
	" p.blokir_alasan, p.updated_ms, i.path"
#define PEGAWAI_FROM " FROM pegawai p JOIN instansi i ON i.id = p.instansi_id"

static int read_pegawai(struct sq_store *q, sqlite3_stmt *st, struct pegawai *o)
{
	struct store *s = &q->base;
	memset(o, 0, sizeof(*o));
	o->id = sqlite3_column_int64(st, 0);
	o->instansi_id = sqlite3_column_int64(st, 8);
	o->unit_id = sqlite3_column_int64(st, 9);
	o->blokir = sqlite3_column_int(st, 11);
	o->updated_ms = sqlite3_column_int64(st, 13);
	int rc = STORE_COPY(s, o->nip, sq_col_text(st, 1));
	if (!rc) rc = STORE_COPY(s, o->nama, sq_col_text(st, 2));
	if (!rc) rc = STORE_COPY(s, o->jenis_asn, sq_col_text(st, 3));
	if (!rc) rc = STORE_COPY(s, o->golongan, sq_col_text(st, 4));
	if (!rc) rc = STORE_COPY(s, o->jenis_jabatan, sq_col_text(st, 5));
	if (!rc) rc = STORE_COPY(s, o->jenjang, sq_col_text(st, 6));
	if (!rc) rc = STORE_COPY(s, o->jabatan, sq_col_text(st, 7));
	if (!rc) rc = STORE_COPY(s, o->status, sq_col_text(st, 10));
	if (!rc) rc = STORE_COPY(s, o->blokir_alasan, sq_col_text(st, 12));
	if (!rc) rc = STORE_COPY(s, o->instansi_path, sq_col_text(st, 14));
	return rc;
}

static int one_pegawai(struct sq_store *q, sqlite3_stmt *st, struct pegawai *out)
{
	int rc = sq_step(q, st, "pegawai");
	if (rc == 1)
		rc = read_pegawai(q, st, out);
	else if (rc == 0)
		rc = store_fail(&q->base, APP_ENOTFOUND, "no such pegawai");
	sq_done(q, st);
	return rc;
}

int sq_pegawai_get(struct store *s, int64_t id, struct pegawai *out)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "SELECT " PEGAWAI_COLS PEGAWAI_FROM " WHERE p.id = ?1", &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, id);
	return one_pegawai(q, st, out);
}

int sq_pegawai_get_by_nip(struct store *s, const char *nip, struct pegawai *out)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "SELECT " PEGAWAI_COLS PEGAWAI_FROM " WHERE p.nip = ?1", &st);
	if (rc)
		return rc;
	sq_bind_text(st, 1, nip);
	return one_pegawai(q, st, out);
}

/* The pegawai columns, then the instansi's and the unit's (columns 15-21). */
int sq_pegawai_get_placed(struct store *s, const char *nip, struct pegawai *out,
			  struct instansi *in, struct unit_kerja *u)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "SELECT " PEGAWAI_COLS ", i.kode, i.nama, i.jenis,"
			 " coalesce(i.parent_id, 0), coalesce(u.id, 0), coalesce(u.kode, ''),"
			 " coalesce(u.nama, '')" PEGAWAI_FROM
			 " LEFT JOIN unit_kerja u ON u.id = p.unit_id WHERE p.nip = ?1", &st);
	if (rc)
		return rc;
	sq_bind_text(st, 1, nip);
	rc = sq_step(q, st, "pegawai");
	if (rc == 1) {
		rc = read_pegawai(q, st, out);
		memset(in, 0, sizeof(*in));
		memset(u, 0, sizeof(*u));
		in->id = out->instansi_id;
		in->jenis = (enum instansi_jenis)sqlite3_column_int(st, 17);
		in->parent_id = sqlite3_column_int64(st, 18);
		u->id = sqlite3_column_int64(st, 19);
		u->instansi_id = u->id ? out->instansi_id : 0;
		if (!rc) rc = STORE_COPY(s, in->kode, sq_col_text(st, 15));
		if (!rc) rc = STORE_COPY(s, in->nama, sq_col_text(st, 16));
		if (!rc) rc = STORE_COPY(s, in->path, out->instansi_path);
		if (!rc) rc = STORE_COPY(s, u->kode, sq_col_text(st, 20));
		if (!rc) rc = STORE_COPY(s, u->nama, sq_col_text(st, 21));
	} else if (rc == 0) {
		rc = store_fail(s, APP_ENOTFOUND, "no such pegawai");
	}
	sq_done(q, st);
	return rc;
}

/* Insert or update by NIP, in up to three cached statements instead of one
 * UPSERT. An INSERT ... ON CONFLICT DO UPDATE may write two rows (its
 * update path checks foreign keys), so SQLite wraps every call in a
 * statement journal and copies each page it touches first; and RETURNING
 * collects its rows in an ephemeral table opened and closed on every call.
 * Those two were most of the cost of a bulk import. A single-row INSERT ...
 * ON CONFLICT DO NOTHING needs neither: every constraint is checked before
 * anything is written, and the connection's change count and last rowid
 * tell what happened. So: the INSERT adds the row when the NIP is new;
 * otherwise the UPDATE changes it only when a field differs (that is
 * *changed), and the existing id is read. We are inside a write
 * transaction (BEGIN IMMEDIATE): nothing can come between the statements.
 * The blokir fields are set on insert only: an update leaves them alone
 * (only store_pegawai_set_blokir changes them), so re-importing a registry
 * cannot lift a block. */
/* The INSERT half of sq_pegawai_upsert: adds the row when the NIP is new,
 * else writes nothing. */
static int insert_new(struct store *s, struct pegawai *p, int64_t now, int *inserted)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	char lower[sizeof(p->nama)];
	store_lower(lower, sizeof(lower), p->nama);
	*inserted = 0;
	int rc = sq_prep(q,
		"INSERT INTO pegawai (nip, nama, nama_lower, jenis_asn, golongan, jenis_jabatan,"
		" jenjang, jabatan, instansi_id, unit_id, status, blokir, blokir_alasan, updated_ms)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
		" ON CONFLICT (nip) DO NOTHING", &st);
	if (rc)
		return rc;
	sq_bind_text(st, 1, p->nip);
	sq_bind_text(st, 2, p->nama);
	sq_bind_text(st, 3, lower);
	sq_bind_text(st, 4, p->jenis_asn);
	sq_bind_text(st, 5, p->golongan);
	sq_bind_text(st, 6, p->jenis_jabatan);
	sq_bind_text(st, 7, p->jenjang);
	sq_bind_text(st, 8, p->jabatan);
	sq_bind_int(st, 9, p->instansi_id);
	sq_bind_id(st, 10, p->unit_id);
	sq_bind_text(st, 11, p->status);
	sq_bind_int(st, 12, p->blokir ? 1 : 0);
	sq_bind_text(st, 13, p->blokir ? p->blokir_alasan : "");
	sq_bind_int(st, 14, now);
	rc = sq_exec(q, st, "pegawai insert");
	sq_done(q, st);
	if (rc)
		return rc;
	if (sqlite3_changes(q->db) == 1) {
		p->id = sqlite3_last_insert_rowid(q->db);
		*inserted = 1;
	}
	return 0;
}

int sq_pegawai_insert(struct store *s, struct pegawai *p, int *inserted)
{
	return insert_new(s, p, p->updated_ms ? p->updated_ms : store_now_ms(), inserted);
}

int sq_pegawai_upsert(struct store *s, struct pegawai *p, int *changed)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	char lower[sizeof(p->nama)];
	store_lower(lower, sizeof(lower), p->nama);
	int64_t now = p->updated_ms ? p->updated_ms : store_now_ms();
	int rc = insert_new(s, p, now, changed);
	if (rc || *changed)
		return rc;

	rc = sq_prep(q,
		"UPDATE pegawai SET nama = ?2, nama_lower = ?3, jenis_asn = ?4, golongan = ?5,"
		" jenis_jabatan = ?6, jenjang = ?7, jabatan = ?8, instansi_id = ?9, unit_id = ?10,"
		" status = ?11, updated_ms = ?12"
		" WHERE nip = ?1 AND (nama IS NOT ?2 OR jenis_asn IS NOT ?4 OR golongan IS NOT ?5"
		" OR jenis_jabatan IS NOT ?6 OR jenjang IS NOT ?7 OR jabatan IS NOT ?8"
		" OR instansi_id IS NOT ?9 OR unit_id IS NOT ?10 OR status IS NOT ?11)", &st);
	if (rc)
		return rc;
	sq_bind_text(st, 1, p->nip);
	sq_bind_text(st, 2, p->nama);
	sq_bind_text(st, 3, lower);
	sq_bind_text(st, 4, p->jenis_asn);
	sq_bind_text(st, 5, p->golongan);
	sq_bind_text(st, 6, p->jenis_jabatan);
	sq_bind_text(st, 7, p->jenjang);
	sq_bind_text(st, 8, p->jabatan);
	sq_bind_int(st, 9, p->instansi_id);
	sq_bind_id(st, 10, p->unit_id);
	sq_bind_text(st, 11, p->status);
	sq_bind_int(st, 12, now);
	rc = sq_exec(q, st, "pegawai update");
	sq_done(q, st);
	if (rc)
		return rc;
	*changed = sqlite3_changes(q->db) == 1;

	if ((rc = sq_prep(q, "SELECT id FROM pegawai WHERE nip = ?1", &st)))
		return rc;
	sq_bind_text(st, 1, p->nip);
	rc = sq_step(q, st, "pegawai id");
	if (rc == 1) {
		p->id = sqlite3_column_int64(st, 0);
		rc = 0;
	} else if (rc == 0) {
		rc = store_fail(s, APP_EINTERNAL, "pegawai upsert lost the row");
	}
	sq_done(q, st);
	return rc;
}

/* The filter becomes fixed SQL fragments with numbered parameters, so each
 * combination is one cached statement and can use its own index. */
enum { PF_INSTANSI = 1, PF_UNIT = 2, PF_GOLONGAN = 4, PF_JABATAN = 8, PF_STATUS = 16,
       PF_AFTER = 32, PF_Q = 64, PF_LIMIT = 128 };

static unsigned pegawai_flags(const struct pegawai_filter *f, const char *q_like)
{
	unsigned fl = 0;
	if (f->instansi_id) fl |= PF_INSTANSI;
	if (f->unit_id) fl |= PF_UNIT;
	if (f->golongan && *f->golongan) fl |= PF_GOLONGAN;
	if (f->jenis_jabatan && *f->jenis_jabatan) fl |= PF_JABATAN;
	if (f->status && *f->status) fl |= PF_STATUS;
	if (f->after_nip && *f->after_nip) fl |= PF_AFTER;
	if (q_like) fl |= PF_Q;
	if (f->limit > 0) fl |= PF_LIMIT;
	return fl;
}

static int pegawai_query(struct sq_store *q, const struct pegawai_filter *f, const char *lo,
			 const char *hi, const char *q_like, int count, sqlite3_stmt **out)
{
	unsigned fl = pegawai_flags(f, q_like);
	struct buf sql;
	buf_init(&sql, 4096);
	int rc = buf_adds(&sql, count ? "SELECT count(*)" PEGAWAI_FROM
				       : "SELECT " PEGAWAI_COLS PEGAWAI_FROM);
	rc |= buf_adds(&sql, " WHERE i.path >= ?1 AND i.path < ?2");
	if (fl & PF_INSTANSI) rc |= buf_adds(&sql, " AND p.instansi_id = ?3");
	if (fl & PF_UNIT) rc |= buf_adds(&sql, " AND p.unit_id = ?4");
	if (fl & PF_GOLONGAN) rc |= buf_adds(&sql, " AND p.golongan = ?5");
	if (fl & PF_JABATAN) rc |= buf_adds(&sql, " AND p.jenis_jabatan = ?6");
	if (fl & PF_STATUS) rc |= buf_adds(&sql, " AND p.status = ?7");
	if ((fl & PF_AFTER) && !count) rc |= buf_adds(&sql, " AND p.nip > ?8");
	if (fl & PF_Q)
		rc |= buf_adds(&sql, " AND (p.nip LIKE (?9 || '%') ESCAPE '\\'"
			       " OR p.nama_lower LIKE ('%' || ?9 || '%') ESCAPE '\\')");
	if (!count) {
		rc |= buf_adds(&sql, " ORDER BY p.nip");
		if (fl & PF_LIMIT)
			rc |= buf_adds(&sql, " LIMIT ?10");
	}
	if (rc) {
		buf_release(&sql);
		return store_fail(&q->base, APP_EINTERNAL, "pegawai query too long");
	}
	rc = sq_prep(q, sql.ptr, out);
	buf_release(&sql);
	if (rc)
		return rc;
	sqlite3_stmt *st = *out;
	sq_bind_text(st, 1, lo);
	sq_bind_text(st, 2, hi);
	if (fl & PF_INSTANSI) sq_bind_int(st, 3, f->instansi_id);
	if (fl & PF_UNIT) sq_bind_int(st, 4, f->unit_id);
	if (fl & PF_GOLONGAN) sq_bind_text(st, 5, f->golongan);
	if (fl & PF_JABATAN) sq_bind_text(st, 6, f->jenis_jabatan);
	if (fl & PF_STATUS) sq_bind_text(st, 7, f->status);
	if ((fl & PF_AFTER) && !count) sq_bind_text(st, 8, f->after_nip);
	if (fl & PF_Q) sq_bind_text(st, 9, q_like);
	if ((fl & PF_LIMIT) && !count) sq_bind_int(st, 10, f->limit);
	return 0;
}

int sq_pegawai_list(struct store *s, const struct pegawai_filter *f, const char *lo,
		    const char *hi, const char *q_like, store_pegawai_cb cb, void *ctx)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	struct pegawai row;
	int rc = pegawai_query(q, f, lo, hi, q_like, 0, &st);
	if (rc)
		return rc;
	while ((rc = sq_step(q, st, "pegawai list")) == 1) {
		if ((rc = read_pegawai(q, st, &row)))
			break;
		if ((rc = cb(ctx, &row))) {
			s->stopped = 1;
			break;
		}
	}
	sq_done(q, st);
	return rc;
}

int sq_pegawai_count(struct store *s, const struct pegawai_filter *f, const char *lo,
		     const char *hi, const char *q_like, int64_t *n)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = pegawai_query(q, f, lo, hi, q_like, 1, &st);
	if (rc)
		return rc;
	rc = sq_step(q, st, "pegawai count");
	if (rc == 1) {
		*n = sqlite3_column_int64(st, 0);
		rc = 0;
	}
	sq_done(q, st);
	return rc;
}

int sq_pegawai_set_blokir(struct store *s, int64_t id, int blokir, const char *reason,
			  int64_t now_ms)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "UPDATE pegawai SET blokir = ?2, blokir_alasan = ?3, updated_ms = ?4"
			 " WHERE id = ?1", &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, id);
	sq_bind_int(st, 2, blokir);
	sq_bind_text(st, 3, reason);
	sq_bind_int(st, 4, now_ms);
	rc = sq_exec(q, st, "pegawai blokir");
	sq_done(q, st);
	if (!rc && sqlite3_changes(q->db) == 0)
		rc = store_fail(s, APP_ENOTFOUND, "no such pegawai");
	return rc;
}
