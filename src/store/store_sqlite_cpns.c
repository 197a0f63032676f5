/* SQLite backend: published CPNS results. The bulk inserts reuse one
 * cached prepared statement for every row of the open write transaction
 * (BEGIN IMMEDIATE), which is how SQLite loads millions of rows quickly. */
#include "core/compat.h"
#include "store/store_sqlite_int.h"
#include "core/err.h"

#define PUB_COLS "id, published_ms, label, sha_formasi, sha_peserta, sha_results, nik_salt," \
	" row_count, actor"

int sq_cpns_publication_insert(struct store *s, struct cpns_publication *p)
{
	struct sq_params pp = { 0 };
	sp_int(&pp, p->published_ms);
	sp_text(&pp, p->label);
	sp_text(&pp, p->sha_formasi);
	sp_text(&pp, p->sha_peserta);
	sp_text(&pp, p->sha_results);
	sp_text(&pp, p->nik_salt);
	sp_int(&pp, p->row_count);
	sp_text(&pp, p->actor);
	int rc = sq_int_row(sq_downcast(s), "INSERT INTO cpns_publications (published_ms, label,"
			    " sha_formasi, sha_peserta, sha_results, nik_salt, row_count, actor)"
			    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id", &pp, &p->id,
			    "cpns publication insert");
	if (rc == 0)
		rc = store_fail(s, APP_EINTERNAL, "insert returned no id");
	return rc < 0 ? rc : 0;
}

int sq_cpns_results_insert(struct store *s, int64_t pub, const struct cpns_result_row *rows,
			   size_t n)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "INSERT INTO cpns_results (publication_id, applicant_id, nik_hash,"
			 " formation_id, total, rank, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", &st);
	if (rc)
		return rc;
	for (size_t i = 0; i < n && !rc; i++) {
		const struct cpns_result_row *r = &rows[i];
		sq_bind_int(st, 1, pub);
		sq_bind_int(st, 2, r->applicant_id);
		sq_bind_text(st, 3, r->nik_hash);
		sq_bind_int(st, 4, r->formation_id);
		sq_bind_int(st, 5, r->total);
		sq_bind_int(st, 6, r->rank);
		sq_bind_text(st, 7, r->status);
		rc = sq_exec(q, st, "cpns results insert");
		sqlite3_reset(st);
	}
	sq_done(q, st);
	return rc;
}

int sq_cpns_formations_insert(struct store *s, int64_t pub, const struct cpns_formation_cut *rows,
			      size_t n)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "INSERT INTO cpns_formations (publication_id, formation_id, quota,"
			 " pl_count, cutoff_total) VALUES (?1, ?2, ?3, ?4, ?5)", &st);
	if (rc)
		return rc;
	for (size_t i = 0; i < n && !rc; i++) {
		sq_bind_int(st, 1, pub);
		sq_bind_int(st, 2, rows[i].formation_id);
		sq_bind_int(st, 3, rows[i].quota);
		sq_bind_int(st, 4, rows[i].pl_count);
		sq_bind_int(st, 5, rows[i].cutoff_total);
		rc = sq_exec(q, st, "cpns formations insert");
		sqlite3_reset(st);
	}
	sq_done(q, st);
	return rc;
}

static int read_publication(struct store *s, sqlite3_stmt *st, void *o)
{
	struct cpns_publication *out = o;
	out->id = sqlite3_column_int64(st, 0);
	out->published_ms = sqlite3_column_int64(st, 1);
	out->row_count = sqlite3_column_int64(st, 7);
	int rc = STORE_COPY(s, out->label, sq_col_text(st, 2));
	if (!rc) rc = STORE_COPY(s, out->sha_formasi, sq_col_text(st, 3));
	if (!rc) rc = STORE_COPY(s, out->sha_peserta, sq_col_text(st, 4));
	if (!rc) rc = STORE_COPY(s, out->sha_results, sq_col_text(st, 5));
	if (!rc) rc = STORE_COPY(s, out->nik_salt, sq_col_text(st, 6));
	if (!rc) rc = STORE_COPY(s, out->actor, sq_col_text(st, 8));
	return rc;
}

int sq_cpns_publication_latest(struct store *s, struct cpns_publication *out)
{
	memset(out, 0, sizeof(*out));
	return sq_one(sq_downcast(s), "SELECT " PUB_COLS " FROM cpns_publications"
		      " ORDER BY id DESC LIMIT 1", NULL, read_publication, out,
		      "cpns publication latest", "no CPNS publication");
}

static int read_result(struct store *s, sqlite3_stmt *st, void *o)
{
	struct cpns_result_row *out = o;
	out->applicant_id = sqlite3_column_int64(st, 0);
	out->formation_id = sqlite3_column_int64(st, 2);
	out->total = sqlite3_column_int(st, 3);
	out->rank = sqlite3_column_int(st, 4);
	int rc = STORE_COPY(s, out->nik_hash, sq_col_text(st, 1));
	if (!rc) rc = STORE_COPY(s, out->status, sq_col_text(st, 5));
	return rc;
}

int sq_cpns_result_get(struct store *s, int64_t pub, int64_t applicant_id,
		       struct cpns_result_row *out)
{
	struct sq_params p = { 0 };
	sp_int(&p, pub);
	sp_int(&p, applicant_id);
	memset(out, 0, sizeof(*out));
	return sq_one(sq_downcast(s), "SELECT applicant_id, nik_hash, formation_id, total, rank,"
		      " status FROM cpns_results WHERE publication_id = ?1 AND applicant_id = ?2", &p,
		      read_result, out, "cpns result get", "no such CPNS result");
}

static int read_formation(struct store *s, sqlite3_stmt *st, void *o)
{
	struct cpns_formation_cut *out = o;
	(void)s;
	out->formation_id = sqlite3_column_int64(st, 0);
	out->quota = sqlite3_column_int(st, 1);
	out->pl_count = sqlite3_column_int(st, 2);
	out->cutoff_total = sqlite3_column_int(st, 3);
	return 0;
}

int sq_cpns_formation_get(struct store *s, int64_t pub, int64_t formation_id,
			  struct cpns_formation_cut *out)
{
	struct sq_params p = { 0 };
	sp_int(&p, pub);
	sp_int(&p, formation_id);
	memset(out, 0, sizeof(*out));
	return sq_one(sq_downcast(s), "SELECT formation_id, quota, pl_count, cutoff_total"
		      " FROM cpns_formations WHERE publication_id = ?1 AND formation_id = ?2", &p,
		      read_formation, out, "cpns formation get", "no such CPNS formation");
}
