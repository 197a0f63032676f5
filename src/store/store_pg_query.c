/* PostgreSQL: one call per one-row query, on top of pg_query, so that an
 * entity operation is its SQL, its parameters and how it reads a row; the
 * PGresult is cleared on every path here. */
#include "core/compat.h"
#include "core/err.h"
#include "store/store_pg_int.h"

int pg_row(struct pg_store *q, const char *sql, const struct pg_params *p, pg_row_fn row,
	   void *out, const char *what)
{
	PGresult *r;
	int rc = pg_query(q, sql, p, &r, what);
	if (rc)
		return rc;
	if (PQntuples(r) == 1) {
		rc = row(q, r, out);
		if (!rc)
			rc = 1;
	}
	PQclear(r);
	return rc;
}

int pg_one(struct pg_store *q, const char *sql, const struct pg_params *p, pg_row_fn row,
	   void *out, const char *what, const char *missing, ...)
{
	int rc = pg_row(q, sql, p, row, out, what);
	if (rc == 0) {
		va_list ap;
		va_start(ap, missing);
		rc = store_vfail(&q->base, APP_ENOTFOUND, missing, ap);
		va_end(ap);
	}
	return rc < 0 ? rc : 0;
}

static int read_int(struct pg_store *q, PGresult *r, void *out)
{
	(void)q;
	*(int64_t *)out = pg_int(r, 0, 0);
	return 0;
}

int pg_int_row(struct pg_store *q, const char *sql, const struct pg_params *p, int64_t *v,
	       const char *what)
{
	return pg_row(q, sql, p, read_int, v, what);
}

int pg_insert(struct pg_store *q, const char *sql, const struct pg_params *p, int64_t *id,
	      const char *what)
{
	int rc = pg_int_row(q, sql, p, id, what);
	return rc < 0 ? rc : 0;
}
