/* PostgreSQL backend: the instansi tree, unit kerja and the pegawai registry
 * (the same operations as store_sqlite_registry.c, in PostgreSQL's SQL). */
#include "core/compat.h"
#include "store/store_pg_int.h"
#include "core/buf.h"
#include "core/err.h"

/* ---- instansi ---- */

#define INSTANSI_COLS "id, kode, nama, jenis, coalesce(parent_id, 0), path"

static int read_instansi(struct pg_store *q, const PGresult *r, int i, struct instansi *o)
{
	memset(o, 0, sizeof(*o));
	o->id = pg_int(r, i, 0);
	o->jenis = (enum instansi_jenis)pg_int(r, i, 3);
	o->parent_id = pg_int(r, i, 4);
	int rc = STORE_COPY(&q->base, o->kode, pg_text(r, i, 1));
	if (!rc)
		rc = STORE_COPY(&q->base, o->nama, pg_text(r, i, 2));
	if (!rc)
		rc = STORE_COPY(&q->base, o->path, pg_text(r, i, 5));
	return rc;
}

static int one_instansi(struct pg_store *q, const char *sql, const struct pg_params *p,
			struct instansi *out)
{
	PGresult *r;
	int rc = pg_query(q, sql, p, &r, "instansi");
	if (rc)
		return rc;
	if (PQntuples(r) == 1)
		rc = read_instansi(q, r, 0, out);
	else
		rc = store_fail(&q->base, APP_ENOTFOUND, "no such instansi");
	PQclear(r);
	return rc;
}

int pg_instansi_get(struct store *s, int64_t id, struct instansi *out)
{
	struct pg_params p = { 0 };
	pp_int(&p, id);
	return one_instansi(pg_downcast(s), "SELECT " INSTANSI_COLS " FROM instansi WHERE id = $1",
			    &p, out);
}

int pg_instansi_get_by_kode(struct store *s, const char *kode, struct instansi *out)
{
	struct pg_params p = { 0 };
	pp_text(&p, kode);
	return one_instansi(pg_downcast(s),
			    "SELECT " INSTANSI_COLS " FROM instansi WHERE kode = $1", &p, out);
}

/* See sq_instansi_put: path "<parent path><id>/", a move rewrites the
 * subtree, a move under itself is refused. */
int pg_instansi_put(struct store *s, struct instansi *in)
{
	struct pg_store *q = pg_downcast(s);
	struct instansi parent, old;
	char path[256];
	int rc, exists;

	if (in->parent_id) {
		rc = pg_instansi_get(s, in->parent_id, &parent);
		if (rc == APP_ENOTFOUND)
			return store_fail(s, APP_ECONSTRAINT, "unknown parent instansi %" PRId64,
					  in->parent_id);
		if (rc)
			return rc;
	} else {
		snprintf(parent.path, sizeof(parent.path), "/");
	}
	rc = pg_instansi_get_by_kode(s, in->kode, &old);
	if (rc && rc != APP_ENOTFOUND)
		return rc;
	exists = rc == 0;

	if (!exists) {
		struct pg_params p = { 0 };
		PGresult *r;
		pp_text(&p, in->kode);
		pp_text(&p, in->nama);
		pp_int(&p, in->jenis);
		pp_id(&p, in->parent_id);
		rc = pg_query(q, "INSERT INTO instansi (kode, nama, jenis, parent_id, path)"
			      " VALUES ($1, $2, $3, $4, '') RETURNING id", &p, &r, "instansi insert");
		if (rc)
			return rc;
		in->id = pg_int(r, 0, 0);
		PQclear(r);
	} else {
		in->id = old.id;
		if (in->parent_id && !strncmp(parent.path, old.path, strlen(old.path)))
			return store_fail(s, APP_ECONSTRAINT, "instansi %s cannot move under itself",
					  in->kode);
	}
	int n = snprintf(path, sizeof(path), "%s%" PRId64 "/", parent.path, in->id);
	if (n < 0 || (size_t)n >= sizeof(path))
		return store_fail(s, APP_ECONSTRAINT, "instansi tree too deep");

	struct pg_params p = { 0 };
	pp_int(&p, in->id);
	pp_text(&p, in->nama);
	pp_int(&p, in->jenis);
	pp_id(&p, in->parent_id);
	pp_text(&p, path);
	rc = pg_command(q, "UPDATE instansi SET nama = $2, jenis = $3, parent_id = $4, path = $5"
			" WHERE id = $1", &p, NULL, "instansi update");
	if (rc)
		return rc;

	if (exists && strcmp(old.path, path)) {
		char hi[256];
		snprintf(hi, sizeof(hi), "%s", old.path);
		hi[strlen(hi) - 1] = '0';
		struct pg_params m = { 0 };
		pp_text(&m, path);
		pp_int(&m, (int64_t)strlen(old.path) + 1);
		pp_text(&m, old.path);
		pp_text(&m, hi);
		rc = pg_command(q, "UPDATE instansi SET path = $1 || substr(path, $2::int)"
				" WHERE path > $3 AND path < $4", &m, NULL, "instansi move");
		if (rc)
			return rc;
	}
	snprintf(in->path, sizeof(in->path), "%s", path);
	return 0;
}

struct instansi_walk {
	store_instansi_cb cb;
	void *ctx;
};

static int instansi_row(struct pg_store *q, PGresult *r, void *arg)
{
	struct instansi_walk *l = arg;
	struct instansi row;
	int rc = read_instansi(q, r, 0, &row);
	if (!rc && (rc = l->cb(l->ctx, &row)))
		q->base.stopped = 1;
	return rc;
}

int pg_instansi_list(struct store *s, const char *lo, const char *hi, store_instansi_cb cb,
		     void *ctx)
{
	struct pg_params p = { 0 };
	struct instansi_walk l = { cb, ctx };
	pp_text(&p, lo);
	pp_text(&p, hi);
	return pg_stream(pg_downcast(s), "SELECT " INSTANSI_COLS " FROM instansi"
			 " WHERE path >= $1 AND path < $2 ORDER BY path", &p, instansi_row, &l,
			 "instansi list");
}

/* ---- unit kerja ---- */

#define UNIT_COLS "id, instansi_id, kode, nama"

static int read_unit(struct pg_store *q, const PGresult *r, int i, struct unit_kerja *o)
{
	memset(o, 0, sizeof(*o));
	o->id = pg_int(r, i, 0);
	o->instansi_id = pg_int(r, i, 1);
	int rc = STORE_COPY(&q->base, o->kode, pg_text(r, i, 2));
	if (!rc)
		rc = STORE_COPY(&q->base, o->nama, pg_text(r, i, 3));
	return rc;
}

static int one_unit(struct pg_store *q, const char *sql, const struct pg_params *p,
		    struct unit_kerja *out)
{
	PGresult *r;
	int rc = pg_query(q, sql, p, &r, "unit");
	if (rc)
		return rc;
	if (PQntuples(r) == 1)
		rc = read_unit(q, r, 0, out);
	else
		rc = store_fail(&q->base, APP_ENOTFOUND, "no such unit kerja");
	PQclear(r);
	return rc;
}

int pg_unit_put(struct store *s, struct unit_kerja *u)
{
	struct pg_store *q = pg_downcast(s);
	struct pg_params p = { 0 };
	PGresult *r;
	pp_int(&p, u->instansi_id);
	pp_text(&p, u->kode);
	pp_text(&p, u->nama);
	int rc = pg_query(q, "INSERT INTO unit_kerja (instansi_id, kode, nama) VALUES ($1, $2, $3)"
			  " ON CONFLICT (instansi_id, kode) DO UPDATE SET nama = excluded.nama"
			  " RETURNING id", &p, &r, "unit put");
	if (rc)
		return rc;
	u->id = pg_int(r, 0, 0);
	PQclear(r);
	return 0;
}

int pg_unit_get(struct store *s, int64_t id, struct unit_kerja *out)
{
	struct pg_params p = { 0 };
	pp_int(&p, id);
	return one_unit(pg_downcast(s), "SELECT " UNIT_COLS " FROM unit_kerja WHERE id = $1", &p,
			out);
}

int pg_unit_get_by_kode(struct store *s, int64_t instansi_id, const char *kode,
			struct unit_kerja *out)
{
	struct pg_params p = { 0 };
	pp_int(&p, instansi_id);
	pp_text(&p, kode);
	return one_unit(pg_downcast(s), "SELECT " UNIT_COLS " FROM unit_kerja"
			" WHERE instansi_id = $1 AND kode = $2", &p, out);
}

struct unit_walk {
	store_unit_cb cb;
	void *ctx;
};

static int unit_row(struct pg_store *q, PGresult *r, void *arg)
{
	struct unit_walk *l = arg;
	struct unit_kerja row;
	int rc = read_unit(q, r, 0, &row);
	if (!rc && (rc = l->cb(l->ctx, &row)))
		q->base.stopped = 1;
	return rc;
}

int pg_unit_list(struct store *s, int64_t instansi_id, store_unit_cb cb, void *ctx)
{
	struct pg_params p = { 0 };
	struct unit_walk l = { cb, ctx };
	pp_int(&p, instansi_id);
	return pg_stream(pg_downcast(s), "SELECT " UNIT_COLS " FROM unit_kerja"
			 " WHERE instansi_id = $1 ORDER BY kode", &p, unit_row, &l, "unit list");
}

/* ---- pegawai ---- */

#define PEGAWAI_COLS "p.id, p.nip, p.nama, p.jenis_asn, p.golongan, p.jenis_jabatan," \
	" p.jenjang, p.jabatan, p.instansi_id, coalesce(p.unit_id, 0), p.status, p.blokir," \
	" p.blokir_alasan, p.updated_ms, i.path"
#define PEGAWAI_FROM " FROM pegawai p JOIN instansi i ON i.id = p.instansi_id"

static int read_pegawai(struct pg_store *q, const PGresult *r, int i, struct pegawai *o)
{
	struct store *s = &q->base;
	memset(o, 0, sizeof(*o));
	o->id = pg_int(r, i, 0);
	o->instansi_id = pg_int(r, i, 8);
	o->unit_id = pg_int(r, i, 9);
	o->blokir = (int)pg_int(r, i, 11);
	o->updated_ms = pg_int(r, i, 13);
	int rc = STORE_COPY(s, o->nip, pg_text(r, i, 1));
	if (!rc) rc = STORE_COPY(s, o->nama, pg_text(r, i, 2));
	if (!rc) rc = STORE_COPY(s, o->jenis_asn, pg_text(r, i, 3));
	if (!rc) rc = STORE_COPY(s, o->golongan, pg_text(r, i, 4));
	if (!rc) rc = STORE_COPY(s, o->jenis_jabatan, pg_text(r, i, 5));
	if (!rc) rc = STORE_COPY(s, o->jenjang, pg_text(r, i, 6));
	if (!rc) rc = STORE_COPY(s, o->jabatan, pg_text(r, i, 7));
	if (!rc) rc = STORE_COPY(s, o->status, pg_text(r, i, 10));
	if (!rc) rc = STORE_COPY(s, o->blokir_alasan, pg_text(r, i, 12));
	if (!rc) rc = STORE_COPY(s, o->instansi_path, pg_text(r, i, 14));
	return rc;
}

static int one_pegawai(struct pg_store *q, const char *sql, const struct pg_params *p,
		       struct pegawai *out)
{
	PGresult *r;
	int rc = pg_query(q, sql, p, &r, "pegawai");
	if (rc)
		return rc;
	if (PQntuples(r) == 1)
		rc = read_pegawai(q, r, 0, out);
	else
		rc = store_fail(&q->base, APP_ENOTFOUND, "no such pegawai");
	PQclear(r);
	return rc;
}

int pg_pegawai_get(struct store *s, int64_t id, struct pegawai *out)
{
	struct pg_params p = { 0 };
	pp_int(&p, id);
	return one_pegawai(pg_downcast(s), "SELECT " PEGAWAI_COLS PEGAWAI_FROM " WHERE p.id = $1",
			   &p, out);
}

int pg_pegawai_get_by_nip(struct store *s, const char *nip, struct pegawai *out)
{
	struct pg_params p = { 0 };
	pp_text(&p, nip);
	return one_pegawai(pg_downcast(s), "SELECT " PEGAWAI_COLS PEGAWAI_FROM " WHERE p.nip = $1",
			   &p, out);
}

/* See sq_pegawai_get_placed: columns 15-21 are the instansi's and the unit's. */
int pg_pegawai_get_placed(struct store *s, const char *nip, struct pegawai *out,
			  struct instansi *in, struct unit_kerja *u)
{
	struct pg_store *q = pg_downcast(s);
	struct pg_params p = { 0 };
	PGresult *r;
	pp_text(&p, nip);
	int rc = pg_query(q, "SELECT " PEGAWAI_COLS ", i.kode, i.nama, i.jenis,"
			  " coalesce(i.parent_id, 0), coalesce(u.id, 0), coalesce(u.kode, ''),"
			  " coalesce(u.nama, '')" PEGAWAI_FROM
			  " LEFT JOIN unit_kerja u ON u.id = p.unit_id WHERE p.nip = $1",
			  &p, &r, "pegawai");
	if (rc)
		return rc;
	if (PQntuples(r) == 1) {
		rc = read_pegawai(q, r, 0, out);
		memset(in, 0, sizeof(*in));
		memset(u, 0, sizeof(*u));
		in->id = out->instansi_id;
		in->jenis = (enum instansi_jenis)pg_int(r, 0, 17);
		in->parent_id = pg_int(r, 0, 18);
		u->id = pg_int(r, 0, 19);
		u->instansi_id = u->id ? out->instansi_id : 0;
		if (!rc) rc = STORE_COPY(s, in->kode, pg_text(r, 0, 15));
		if (!rc) rc = STORE_COPY(s, in->nama, pg_text(r, 0, 16));
		if (!rc) rc = STORE_COPY(s, in->path, out->instansi_path);
		if (!rc) rc = STORE_COPY(s, u->kode, pg_text(r, 0, 20));
		if (!rc) rc = STORE_COPY(s, u->nama, pg_text(r, 0, 21));
	} else {
		rc = store_fail(s, APP_ENOTFOUND, "no such pegawai");
	}
	PQclear(r);
	return rc;
}

/* Insert when the NIP is new, else nothing (see store_pegawai_insert). */
int pg_pegawai_insert(struct store *s, struct pegawai *pe, int *inserted)
{
	struct pg_store *q = pg_downcast(s);
	struct pg_params p = { 0 };
	PGresult *r;
	char lower[sizeof(pe->nama)];
	store_lower(lower, sizeof(lower), pe->nama);
	pp_text(&p, pe->nip);
	pp_text(&p, pe->nama);
	pp_text(&p, lower);
	pp_text(&p, pe->jenis_asn);
	pp_text(&p, pe->golongan);
	pp_text(&p, pe->jenis_jabatan);
	pp_text(&p, pe->jenjang);
	pp_text(&p, pe->jabatan);
	pp_int(&p, pe->instansi_id);
	pp_id(&p, pe->unit_id);
	pp_text(&p, pe->status);
	pp_int(&p, pe->blokir ? 1 : 0);
	pp_text(&p, pe->blokir ? pe->blokir_alasan : "");
	pp_int(&p, pe->updated_ms ? pe->updated_ms : store_now_ms());
	int rc = pg_query(q,
		"INSERT INTO pegawai (nip, nama, nama_lower, jenis_asn, golongan, jenis_jabatan,"
		" jenjang, jabatan, instansi_id, unit_id, status, blokir, blokir_alasan, updated_ms)"
		" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"
		" ON CONFLICT (nip) DO NOTHING RETURNING id", &p, &r, "pegawai insert");
	if (rc)
		return rc;
	*inserted = PQntuples(r) == 1;
	if (*inserted)
		pe->id = pg_int(r, 0, 0);
	PQclear(r);
	return 0;
}

/* One INSERT per row: PostgreSQL has no per-statement cost worth a
 * different path here (its own bulk form would be COPY, which cannot skip
 * an existing NIP). */
int pg_pegawai_insert_many(struct store *s, size_t n, store_pegawai_row_fn row, void *ctx,
			   unsigned char *inserted, size_t *count)
{
	struct pegawai pe;
	int64_t now = store_now_ms();
	for (size_t i = 0; i < n; i++) {
		int ins = 0;
		memset(&pe, 0, sizeof(pe));
		row(ctx, i, &pe);
		pe.blokir = 0;
		pe.blokir_alasan[0] = '\0';
		pe.updated_ms = now;
		int rc = pg_pegawai_insert(s, &pe, &ins);
		if (rc)
			return rc;
		inserted[i] = (unsigned char)ins;
		*count += (size_t)ins;
	}
	return 0;
}

/* As sq_pegawai_upsert: the update fires only when a field differs, and
 * leaves the blokir fields alone. */
int pg_pegawai_upsert(struct store *s, struct pegawai *pe, int *changed)
{
	struct pg_store *q = pg_downcast(s);
	struct pg_params p = { 0 };
	PGresult *r;
	char lower[sizeof(pe->nama)];
	store_lower(lower, sizeof(lower), pe->nama);
	pp_text(&p, pe->nip);
	pp_text(&p, pe->nama);
	pp_text(&p, lower);
	pp_text(&p, pe->jenis_asn);
	pp_text(&p, pe->golongan);
	pp_text(&p, pe->jenis_jabatan);
	pp_text(&p, pe->jenjang);
	pp_text(&p, pe->jabatan);
	pp_int(&p, pe->instansi_id);
	pp_id(&p, pe->unit_id);
	pp_text(&p, pe->status);
	pp_int(&p, pe->blokir ? 1 : 0);
	pp_text(&p, pe->blokir ? pe->blokir_alasan : "");
	pp_int(&p, pe->updated_ms ? pe->updated_ms : store_now_ms());
	int rc = pg_query(q,
		"INSERT INTO pegawai (nip, nama, nama_lower, jenis_asn, golongan, jenis_jabatan,"
		" jenjang, jabatan, instansi_id, unit_id, status, blokir, blokir_alasan, updated_ms)"
		" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"
		" ON CONFLICT (nip) DO UPDATE SET nama = excluded.nama,"
		" nama_lower = excluded.nama_lower, jenis_asn = excluded.jenis_asn,"
		" golongan = excluded.golongan, jenis_jabatan = excluded.jenis_jabatan,"
		" jenjang = excluded.jenjang, jabatan = excluded.jabatan,"
		" instansi_id = excluded.instansi_id, unit_id = excluded.unit_id,"
		" status = excluded.status, updated_ms = excluded.updated_ms"
		" WHERE (pegawai.nama, pegawai.jenis_asn, pegawai.golongan, pegawai.jenis_jabatan,"
		" pegawai.jenjang, pegawai.jabatan, pegawai.instansi_id, pegawai.unit_id,"
		" pegawai.status) IS DISTINCT FROM (excluded.nama, excluded.jenis_asn,"
		" excluded.golongan, excluded.jenis_jabatan, excluded.jenjang, excluded.jabatan,"
		" excluded.instansi_id, excluded.unit_id, excluded.status)"
		" RETURNING id", &p, &r, "pegawai upsert");
	if (rc)
		return rc;
	*changed = PQntuples(r) == 1;
	if (*changed)
		pe->id = pg_int(r, 0, 0);
	PQclear(r);
	if (*changed)
		return 0;
	struct pg_params k = { 0 };
	pp_text(&k, pe->nip);
	if ((rc = pg_query(q, "SELECT id FROM pegawai WHERE nip = $1", &k, &r, "pegawai id")))
		return rc;
	if (PQntuples(r) == 1)
		pe->id = pg_int(r, 0, 0);
	else
		rc = store_fail(s, APP_EINTERNAL, "pegawai upsert lost the row");
	PQclear(r);
	return rc;
}

/* Fixed SQL fragments chosen by which filters are set; parameters are
 * numbered in the order they are added. */
static int pegawai_query(struct pg_store *q, const struct pegawai_filter *f, const char *lo,
			 const char *hi, const char *q_like, int count, struct buf *sql,
			 struct pg_params *p)
{
	int rc = buf_adds(sql, count ? "SELECT count(*)" PEGAWAI_FROM
				     : "SELECT " PEGAWAI_COLS PEGAWAI_FROM);
	pp_text(p, lo);
	pp_text(p, hi);
	rc |= buf_adds(sql, " WHERE i.path >= $1 AND i.path < $2");
	if (f->instansi_id) {
		pp_int(p, f->instansi_id);
		rc |= buf_addf(sql, " AND p.instansi_id = $%d", p->n);
	}
	if (f->unit_id) {
		pp_int(p, f->unit_id);
		rc |= buf_addf(sql, " AND p.unit_id = $%d", p->n);
	}
	if (f->golongan && *f->golongan) {
		pp_text(p, f->golongan);
		rc |= buf_addf(sql, " AND p.golongan = $%d", p->n);
	}
	if (f->jenis_jabatan && *f->jenis_jabatan) {
		pp_text(p, f->jenis_jabatan);
		rc |= buf_addf(sql, " AND p.jenis_jabatan = $%d", p->n);
	}
	if (f->status && *f->status) {
		pp_text(p, f->status);
		rc |= buf_addf(sql, " AND p.status = $%d", p->n);
	}
	if (!count && f->after_nip && *f->after_nip) {
		pp_text(p, f->after_nip);
		rc |= buf_addf(sql, " AND p.nip > $%d", p->n);
	}
	if (q_like) {
		pp_text(p, q_like);
		rc |= buf_addf(sql, " AND (p.nip LIKE ($%d || '%%') ESCAPE '\\'"
			       " OR p.nama_lower LIKE ('%%' || $%d || '%%') ESCAPE '\\')", p->n, p->n);
	}
	if (!count) {
		rc |= buf_adds(sql, " ORDER BY p.nip");
		if (f->limit > 0) {
			pp_int(p, f->limit);
			rc |= buf_addf(sql, " LIMIT $%d", p->n);
		}
	}
	if (rc)
		return store_fail(&q->base, APP_EINTERNAL, "pegawai query too long");
	return 0;
}

struct pegawai_walk {
	store_pegawai_cb cb;
	void *ctx;
};

static int pegawai_row(struct pg_store *q, PGresult *r, void *arg)
{
	struct pegawai_walk *l = arg;
	struct pegawai row;
	int rc = read_pegawai(q, r, 0, &row);
	if (!rc && (rc = l->cb(l->ctx, &row)))
		q->base.stopped = 1;
	return rc;
}

int pg_pegawai_list(struct store *s, const struct pegawai_filter *f, const char *lo,
		    const char *hi, const char *q_like, store_pegawai_cb cb, void *ctx)
{
	struct pg_store *q = pg_downcast(s);
	struct pg_params p = { 0 };
	struct pegawai_walk l = { cb, ctx };
	struct buf sql;
	buf_init(&sql, 4096);
	int rc = pegawai_query(q, f, lo, hi, q_like, 0, &sql, &p);
	if (!rc)
		rc = pg_stream(q, sql.ptr, &p, pegawai_row, &l, "pegawai list");
	buf_release(&sql);
	return rc;
}

int pg_pegawai_count(struct store *s, const struct pegawai_filter *f, const char *lo,
		     const char *hi, const char *q_like, int64_t *n)
{
	struct pg_store *q = pg_downcast(s);
	struct pg_params p = { 0 };
	struct buf sql;
	PGresult *r;
	buf_init(&sql, 4096);
	int rc = pegawai_query(q, f, lo, hi, q_like, 1, &sql, &p);
	if (!rc)
		rc = pg_query(q, sql.ptr, &p, &r, "pegawai count");
	buf_release(&sql);
	if (rc)
		return rc;
	*n = pg_int(r, 0, 0);
	PQclear(r);
	return 0;
}

int pg_pegawai_set_blokir(struct store *s, int64_t id, int blokir, const char *reason,
			  int64_t now_ms)
{
	struct pg_params p = { 0 };
	int64_t n = 0;
	pp_int(&p, id);
	pp_int(&p, blokir);
	pp_text(&p, reason);
	pp_int(&p, now_ms);
	int rc = pg_command(pg_downcast(s), "UPDATE pegawai SET blokir = $2, blokir_alasan = $3,"
			    " updated_ms = $4 WHERE id = $1", &p, &n, "pegawai blokir");
	if (!rc && n == 0)
		rc = store_fail(s, APP_ENOTFOUND, "no such pegawai");
	return rc;
}
