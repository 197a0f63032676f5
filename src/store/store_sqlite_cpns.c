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
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "INSERT INTO cpns_publications (published_ms, label, sha_formasi,"
			 " sha_peserta, sha_results, nik_salt, row_count, actor)"
			 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id", &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, p->published_ms);
	sq_bind_text(st, 2, p->label);
	sq_bind_text(st, 3, p->sha_formasi);
	sq_bind_text(st, 4, p->sha_peserta);
	sq_bind_text(st, 5, p->sha_results);
	sq_bind_text(st, 6, p->nik_salt);
	sq_bind_int(st, 7, p->row_count);
	sq_bind_text(st, 8, p->actor);
	rc = sq_step(q, st, "cpns publication insert");
	if (rc == 1) {
		p->id = sqlite3_column_int64(st, 0);
		rc = sq_exec(q, st, "cpns publication insert");
	} else if (rc == 0) {
		rc = store_fail(s, APP_EINTERNAL, "insert returned no id");
	}
	sq_done(q, st);
	return rc;
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

int sq_cpns_publication_latest(struct store *s, struct cpns_publication *out)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "SELECT " PUB_COLS " FROM cpns_publications ORDER BY id DESC LIMIT 1",
			 &st);
	if (rc)
		return rc;
	memset(out, 0, sizeof(*out));
	rc = sq_step(q, st, "cpns publication latest");
	if (rc == 1) {
		out->id = sqlite3_column_int64(st, 0);
		out->published_ms = sqlite3_column_int64(st, 1);
		out->row_count = sqlite3_column_int64(st, 7);
		rc = STORE_COPY(s, out->label, sq_col_text(st, 2));
		if (!rc) rc = STORE_COPY(s, out->sha_formasi, sq_col_text(st, 3));
		if (!rc) rc = STORE_COPY(s, out->sha_peserta, sq_col_text(st, 4));
		if (!rc) rc = STORE_COPY(s, out->sha_results, sq_col_text(st, 5));
		if (!rc) rc = STORE_COPY(s, out->nik_salt, sq_col_text(st, 6));
		if (!rc) rc = STORE_COPY(s, out->actor, sq_col_text(st, 8));
	} else if (rc == 0) {
		rc = store_fail(s, APP_ENOTFOUND, "no CPNS publication");
	}
	sq_done(q, st);
	return rc;
}

int sq_cpns_result_get(struct store *s, int64_t pub, int64_t applicant_id,
		       struct cpns_result_row *out)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "SELECT applicant_id, nik_hash, formation_id, total, rank, status"
			 " FROM cpns_results WHERE publication_id = ?1 AND applicant_id = ?2", &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, pub);
	sq_bind_int(st, 2, applicant_id);
	memset(out, 0, sizeof(*out));
	rc = sq_step(q, st, "cpns result get");
	if (rc == 1) {
		out->applicant_id = sqlite3_column_int64(st, 0);
		out->formation_id = sqlite3_column_int64(st, 2);
		out->total = sqlite3_column_int(st, 3);
		out->rank = sqlite3_column_int(st, 4);
		rc = STORE_COPY(s, out->nik_hash, sq_col_text(st, 1));
		if (!rc) rc = STORE_COPY(s, out->status, sq_col_text(st, 5));
	} else if (rc == 0) {
		rc = store_fail(s, APP_ENOTFOUND, "no such CPNS result");
	}
	sq_done(q, st);
	return rc;
}

int sq_cpns_formation_get(struct store *s, int64_t pub, int64_t formation_id,
			  struct cpns_formation_cut *out)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "SELECT formation_id, quota, pl_count, cutoff_total FROM cpns_formations"
			 " WHERE publication_id = ?1 AND formation_id = ?2", &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, pub);
	sq_bind_int(st, 2, formation_id);
	memset(out, 0, sizeof(*out));
	rc = sq_step(q, st, "cpns formation get");
	if (rc == 1) {
		out->formation_id = sqlite3_column_int64(st, 0);
		out->quota = sqlite3_column_int(st, 1);
		out->pl_count = sqlite3_column_int(st, 2);
		out->cutoff_total = sqlite3_column_int(st, 3);
		rc = 0;
	} else if (rc == 0) {
		rc = store_fail(s, APP_ENOTFOUND, "no such CPNS formation");
	}
	sq_done(q, st);
	return rc;
}
