/* SQLite: grouped counts over kasus (statistik area). Each statement
 * scans the covering index kasus_statistik (migration 0010), never the
 * wide case rows: 100,000 cases are a few MB of index. */
#include "core/compat.h"
#include "core/err.h"
#include "store/store_sqlite_int.h"

/* SELECT id, key, a, count(*) per dimension; GROUP BY the same columns. */
static const char *const sel[STAT__COUNT] = {
	[STAT_TAHAP] = "SELECT 0, tahap, CASE WHEN tenggat_hari IS NULL THEN 2 WHEN tenggat_hari < ?5"
		       " THEN 1 ELSE 0 END, count(*) FROM kasus",
	[STAT_PELANGGARAN] = "SELECT 0, pelanggaran_kode, 0, count(*) FROM kasus",
	[STAT_INSTANSI] = "SELECT coalesce(instansi_id, 0), konteks, 0, count(*) FROM kasus",
	[STAT_UMUR_TAHAP] = "SELECT 0, tahap, max(0, (?6 - tahap_sejak_ms) / 86400000), count(*)"
			    " FROM kasus",
};
static const char *const grp[STAT__COUNT] = {
	[STAT_TAHAP] = " GROUP BY 2, 3",
	[STAT_PELANGGARAN] = " GROUP BY 2",
	[STAT_INSTANSI] = " GROUP BY 1, 2",
	[STAT_UMUR_TAHAP] = " GROUP BY 2, 3",
};

static int sq_statistik_group(struct store *s, enum statistik_dim dim,
			      const struct statistik_filter *f, const char *lo, const char *hi,
			      struct statistik_rows *out)
{
	struct sq_store *q = sq_downcast(s);
	char sql[768];
	snprintf(sql, sizeof(sql), "%s WHERE created_ms >= ?3 AND created_ms < ?4%s%s%s", sel[dim],
		 lo ? " AND instansi_id IN (SELECT id FROM instansi WHERE path >= ?1 AND path < ?2)" : "",
		 f->konteks ? " AND konteks = ?7" : " AND ?7 IS NULL", grp[dim]);
	sqlite3_stmt *st;
	int rc = sq_prep(q, sql, &st);
	if (rc)
		return rc;
	if (lo) {
		sq_bind_text(st, 1, lo);
		sq_bind_text(st, 2, hi);
	}
	sq_bind_int(st, 3, f->dari_ms);
	sq_bind_int(st, 4, f->sampai_ms);
	sq_bind_int(st, 5, f->hari_ini);
	sq_bind_int(st, 6, f->now_ms);
	if (f->konteks)
		sq_bind_text(st, 7, f->konteks);
	else
		sqlite3_bind_null(st, 7);
	while ((rc = sq_step(q, st, "statistik")) == 1)
		statistik_rows_add(out, sqlite3_column_int64(st, 0), sq_col_text(st, 1),
				   sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 3));
	sq_done(q, st);
	return rc;
}

const struct store_statistik_ops store_sqlite_statistik_ops = {
	.group = sq_statistik_group,
};
