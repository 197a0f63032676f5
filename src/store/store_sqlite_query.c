/* SQLite: one call per statement. Each helper prepares through the
 * connection's statement cache (sq_prep), binds a struct sq_params, steps
 * and hands the statement back (sq_done) on every path, so that an entity
 * operation is its SQL, its parameters and how it reads a row. */
#include "core/compat.h"
#include "core/err.h"
#include "store/store_sqlite_int.h"

/* Past SQ_MAX_PARAMS only the count grows: sq_query refuses the list. */
static void add(struct sq_params *p, enum sq_param_kind kind, int64_t i, const void *v)
{
	if (p->n < SQ_MAX_PARAMS) {
		p->v[p->n].kind = kind;
		p->v[p->n].i = i;
		p->v[p->n].p = v;
	}
	p->n++;
}

void sp_int(struct sq_params *p, int64_t v)
{
	add(p, SQ_P_INT, v, NULL);
}

void sp_text(struct sq_params *p, const char *v)
{
	add(p, SQ_P_TEXT, 0, v ? v : "");
}

void sp_id(struct sq_params *p, int64_t v)
{
	add(p, v ? SQ_P_INT : SQ_P_NULL, v, NULL);
}

void sp_null(struct sq_params *p)
{
	add(p, SQ_P_NULL, 0, NULL);
}

void sp_blob(struct sq_params *p, const void *data, size_t len)
{
	add(p, SQ_P_BLOB, (int64_t)len, len ? data : "");
}

static int bind(sqlite3_stmt *st, int i, enum sq_param_kind kind, int64_t n, const void *v)
{
	switch (kind) {
	case SQ_P_INT: return sqlite3_bind_int64(st, i, n);
	case SQ_P_TEXT: return sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
	case SQ_P_BLOB: return sqlite3_bind_blob64(st, i, v, (sqlite3_uint64)n, SQLITE_STATIC);
	case SQ_P_NULL: break;
	}
	return sqlite3_bind_null(st, i);
}

int sq_query(struct sq_store *q, const char *sql, const struct sq_params *p,
	     sqlite3_stmt **st)
{
	*st = NULL;
	if (p && p->n > SQ_MAX_PARAMS)
		return store_fail(&q->base, APP_EINTERNAL, "sqlite: %d parameters, at most %d",
				  p->n, SQ_MAX_PARAMS);
	int rc = sq_prep(q, sql, st);
	if (rc)
		return rc;
	for (int i = 0; p && i < p->n; i++) {
		int b = bind(*st, i + 1, p->v[i].kind, p->v[i].i, p->v[i].p);
		if (b != SQLITE_OK) {
			rc = sq_err(q, b, "bind");
			sq_done(q, *st);
			*st = NULL;
			return rc;
		}
	}
	return 0;
}

int sq_run(struct sq_store *q, const char *sql, const struct sq_params *p, int64_t *changes,
	   const char *what)
{
	sqlite3_stmt *st;
	int rc = sq_query(q, sql, p, &st);
	if (rc)
		return rc;
	rc = sq_exec(q, st, what);
	if (!rc && changes)
		*changes = sqlite3_changes(q->db);
	sq_done(q, st);
	return rc;
}

int sq_row(struct sq_store *q, const char *sql, const struct sq_params *p, sq_row_fn row,
	   void *out, const char *what)
{
	sqlite3_stmt *st;
	int rc = sq_query(q, sql, p, &st);
	if (rc)
		return rc;
	rc = sq_step(q, st, what);
	if (rc == 1) {
		int r = row(&q->base, st, out);
		if (r)
			rc = r;
	}
	sq_done(q, st);
	return rc;
}

int sq_one(struct sq_store *q, const char *sql, const struct sq_params *p, sq_row_fn row,
	   void *out, const char *what, const char *missing, ...)
{
	int rc = sq_row(q, sql, p, row, out, what);
	if (rc == 0) {
		va_list ap;
		va_start(ap, missing);
		rc = store_vfail(&q->base, APP_ENOTFOUND, missing, ap);
		va_end(ap);
	}
	return rc < 0 ? rc : 0;
}

static int read_int(struct store *s, sqlite3_stmt *st, void *out)
{
	(void)s;
	*(int64_t *)out = sqlite3_column_int64(st, 0);
	return 0;
}

int sq_int_row(struct sq_store *q, const char *sql, const struct sq_params *p, int64_t *v,
	       const char *what)
{
	return sq_row(q, sql, p, read_int, v, what);
}

int sq_insert(struct sq_store *q, const char *sql, const struct sq_params *p, int64_t *id,
	      const char *what)
{
	int rc = sq_int_row(q, sql, p, id, what);
	return rc < 0 ? rc : 0;
}
