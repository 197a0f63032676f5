/* PostgreSQL backend: published CPNS results. A bulk insert sends a batch
 * of rows as a handful of array parameters to one statement
 * (INSERT ... SELECT FROM unnest($2::bigint[], ...)): bound parameters
 * only, and one round trip per PG_CPNS_BATCH rows instead of per row. */
#include "core/compat.h"
#include "store/store_pg_int.h"
#include "core/buf.h"
#include "core/err.h"

#define PG_CPNS_BATCH 5000
#define PUB_COLS "id, published_ms, label, sha_formasi, sha_peserta, sha_results, nik_salt," \
	" row_count, actor"

int pg_cpns_publication_insert(struct store *s, struct cpns_publication *p)
{
	struct pg_params pp = { 0 };
	pp_int(&pp, p->published_ms);
	pp_text(&pp, p->label);
	pp_text(&pp, p->sha_formasi);
	pp_text(&pp, p->sha_peserta);
	pp_text(&pp, p->sha_results);
	pp_text(&pp, p->nik_salt);
	pp_int(&pp, p->row_count);
	pp_text(&pp, p->actor);
	p->id = 0;
	int rc = pg_insert(pg_downcast(s), "INSERT INTO cpns_publications (published_ms, label,"
			   " sha_formasi, sha_peserta, sha_results, nik_salt, row_count, actor)"
			   " VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id", &pp, &p->id,
			   "cpns publication insert");
	if (!rc && !p->id)
		rc = store_fail(s, APP_EINTERNAL, "insert returned no id");
	return rc;
}

/* Array literals: {1,2,3}. Only digits, '-', hex and status codes go in,
 * none of which need quoting inside an array literal. */
struct arrays {
	struct buf b[6];
};

static void arrays_init(struct arrays *a, int n)
{
	for (int i = 0; i < n; i++) {
		buf_init(&a->b[i], (size_t)PG_CPNS_BATCH * 80 + 16);
		if (buf_addc(&a->b[i], '{'))
			abort();
	}
}

static void arrays_release(struct arrays *a, int n)
{
	for (int i = 0; i < n; i++)
		buf_release(&a->b[i]);
}

static int add_int(struct buf *b, int first, int64_t v)
{
	return buf_addf(b, first ? "%" PRId64 : ",%" PRId64, v);
}

static int add_text(struct buf *b, int first, const char *v)
{
	return buf_addf(b, first ? "%s" : ",%s", v);
}

static int close_arrays(struct arrays *a, int n, struct pg_params *pp)
{
	for (int i = 0; i < n; i++) {
		if (buf_addc(&a->b[i], '}'))
			return APP_ETOOBIG;
		pp_text(pp, a->b[i].ptr);
	}
	return 0;
}

static int reset_arrays(struct arrays *a, int n)
{
	for (int i = 0; i < n; i++) {
		buf_reset(&a->b[i]);
		if (buf_addc(&a->b[i], '{'))
			return APP_ETOOBIG;
	}
	return 0;
}

static int status_ok(const char *st)
{
	return !strcmp(st, "P/L") || !strcmp(st, "P") || !strcmp(st, "TL") || !strcmp(st, "TH") ||
	       !strcmp(st, "DIS");
}

static int hex_ok(const char *h)
{
	size_t i = 0;
	for (; h[i]; i++)
		if (!((h[i] >= '0' && h[i] <= '9') || (h[i] >= 'a' && h[i] <= 'f')))
			return 0;
	return i == 64;
}

int pg_cpns_results_insert(struct store *s, int64_t pub, const struct cpns_result_row *rows,
			   size_t n)
{
	struct pg_store *q = pg_downcast(s);
	struct arrays a;
	int rc = 0;
	arrays_init(&a, 6);
	for (size_t off = 0; off < n && !rc; off += PG_CPNS_BATCH) {
		size_t m = n - off < PG_CPNS_BATCH ? n - off : PG_CPNS_BATCH;
		for (size_t i = 0; i < m && !rc; i++) {
			const struct cpns_result_row *r = &rows[off + i];
			/* the array literal carries the values unquoted */
			if (!hex_ok(r->nik_hash) || !status_ok(r->status)) {
				rc = store_fail(s, APP_ECONSTRAINT, "cpns result row %zu is malformed",
						off + i);
				break;
			}
			int first = i == 0;
			rc = add_int(&a.b[0], first, r->applicant_id) | add_text(&a.b[1], first, r->nik_hash) |
			     add_int(&a.b[2], first, r->formation_id) | add_int(&a.b[3], first, r->total) |
			     add_int(&a.b[4], first, r->rank);
			if (!rc)
				rc = buf_addf(&a.b[5], first ? "\"%s\"" : ",\"%s\"", r->status);
			if (rc)
				rc = store_fail(s, APP_EINTERNAL, "cpns batch buffer");
		}
		if (rc)
			break;
		struct pg_params pp = { 0 };
		pp_int(&pp, pub);
		if (close_arrays(&a, 6, &pp)) {
			rc = store_fail(s, APP_EINTERNAL, "cpns batch buffer");
			break;
		}
		rc = pg_command(q, "INSERT INTO cpns_results (publication_id, applicant_id, nik_hash,"
				" formation_id, total, rank, status)"
				" SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::bigint[],"
				" $5::int[], $6::int[], $7::text[])", &pp, NULL, "cpns results insert");
		if (!rc && reset_arrays(&a, 6))
			rc = store_fail(s, APP_EINTERNAL, "cpns batch buffer");
	}
	arrays_release(&a, 6);
	return rc;
}

int pg_cpns_formations_insert(struct store *s, int64_t pub, const struct cpns_formation_cut *rows,
			      size_t n)
{
	struct pg_store *q = pg_downcast(s);
	struct arrays a;
	int rc = 0;
	arrays_init(&a, 4);
	for (size_t off = 0; off < n && !rc; off += PG_CPNS_BATCH) {
		size_t m = n - off < PG_CPNS_BATCH ? n - off : PG_CPNS_BATCH;
		for (size_t i = 0; i < m && !rc; i++) {
			const struct cpns_formation_cut *r = &rows[off + i];
			int first = i == 0;
			if (add_int(&a.b[0], first, r->formation_id) | add_int(&a.b[1], first, r->quota) |
			    add_int(&a.b[2], first, r->pl_count) | add_int(&a.b[3], first, r->cutoff_total))
				rc = store_fail(s, APP_EINTERNAL, "cpns batch buffer");
		}
		if (rc)
			break;
		struct pg_params pp = { 0 };
		pp_int(&pp, pub);
		if (close_arrays(&a, 4, &pp)) {
			rc = store_fail(s, APP_EINTERNAL, "cpns batch buffer");
			break;
		}
		rc = pg_command(q, "INSERT INTO cpns_formations (publication_id, formation_id, quota,"
				" pl_count, cutoff_total)"
				" SELECT $1, * FROM unnest($2::bigint[], $3::int[], $4::int[], $5::int[])",
				&pp, NULL, "cpns formations insert");
		if (!rc && reset_arrays(&a, 4))
			rc = store_fail(s, APP_EINTERNAL, "cpns batch buffer");
	}
	arrays_release(&a, 4);
	return rc;
}

static int read_publication(struct pg_store *q, PGresult *r, void *o)
{
	struct cpns_publication *out = o;
	struct store *s = &q->base;
	out->id = pg_int(r, 0, 0);
	out->published_ms = pg_int(r, 0, 1);
	out->row_count = pg_int(r, 0, 7);
	int rc = STORE_COPY(s, out->label, pg_text(r, 0, 2));
	if (!rc) rc = STORE_COPY(s, out->sha_formasi, pg_text(r, 0, 3));
	if (!rc) rc = STORE_COPY(s, out->sha_peserta, pg_text(r, 0, 4));
	if (!rc) rc = STORE_COPY(s, out->sha_results, pg_text(r, 0, 5));
	if (!rc) rc = STORE_COPY(s, out->nik_salt, pg_text(r, 0, 6));
	if (!rc) rc = STORE_COPY(s, out->actor, pg_text(r, 0, 8));
	return rc;
}

int pg_cpns_publication_latest(struct store *s, struct cpns_publication *out)
{
	memset(out, 0, sizeof(*out));
	return pg_one(pg_downcast(s), "SELECT " PUB_COLS " FROM cpns_publications"
		      " ORDER BY id DESC LIMIT 1", NULL, read_publication, out,
		      "cpns publication latest", "no CPNS publication");
}

static int read_result(struct pg_store *q, PGresult *r, void *o)
{
	struct cpns_result_row *out = o;
	out->applicant_id = pg_int(r, 0, 0);
	out->formation_id = pg_int(r, 0, 2);
	out->total = (int)pg_int(r, 0, 3);
	out->rank = (int)pg_int(r, 0, 4);
	int rc = STORE_COPY(&q->base, out->nik_hash, pg_text(r, 0, 1));
	if (!rc) rc = STORE_COPY(&q->base, out->status, pg_text(r, 0, 5));
	return rc;
}

int pg_cpns_result_get(struct store *s, int64_t pub, int64_t applicant_id,
		       struct cpns_result_row *out)
{
	struct pg_params pp = { 0 };
	pp_int(&pp, pub);
	pp_int(&pp, applicant_id);
	memset(out, 0, sizeof(*out));
	return pg_one(pg_downcast(s), "SELECT applicant_id, nik_hash, formation_id, total, rank,"
		      " status FROM cpns_results WHERE publication_id = $1 AND applicant_id = $2",
		      &pp, read_result, out, "cpns result get", "no such CPNS result");
}

static int read_formation(struct pg_store *q, PGresult *r, void *o)
{
	struct cpns_formation_cut *out = o;
	(void)q;
	out->formation_id = pg_int(r, 0, 0);
	out->quota = (int)pg_int(r, 0, 1);
	out->pl_count = (int)pg_int(r, 0, 2);
	out->cutoff_total = (int)pg_int(r, 0, 3);
	return 0;
}

int pg_cpns_formation_get(struct store *s, int64_t pub, int64_t formation_id,
			  struct cpns_formation_cut *out)
{
	struct pg_params pp = { 0 };
	pp_int(&pp, pub);
	pp_int(&pp, formation_id);
	memset(out, 0, sizeof(*out));
	return pg_one(pg_downcast(s), "SELECT formation_id, quota, pl_count, cutoff_total"
		      " FROM cpns_formations WHERE publication_id = $1 AND formation_id = $2",
		      &pp, read_formation, out, "cpns formation get", "no such CPNS formation");
}
