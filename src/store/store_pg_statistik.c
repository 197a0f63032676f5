/* PostgreSQL: grouped counts over kasus (statistik area), the same
 * statements as SQLite's; the parameters are numbered in the order they
 * are used, since PostgreSQL must infer the type of every one. */
#include "core/compat.h"
#include "core/err.h"
#include "store/store_pg_int.h"

static int pg_statistik_group(struct store *s, enum statistik_dim dim,
			      const struct statistik_filter *f, const char *lo, const char *hi,
			      struct statistik_rows *out)
{
	struct pg_params p = { 0 };
	char sql[768];
	size_t n = 0;
	int k = 0; /* parameters so far */
#define ADD(...) (n += (size_t)snprintf(sql + n, n < sizeof(sql) ? sizeof(sql) - n : 0, __VA_ARGS__))
	switch (dim) {
	case STAT_TAHAP:
		pp_int(&p, f->hari_ini);
		k++;
		ADD("SELECT 0, tahap, CASE WHEN tenggat_hari IS NULL THEN 2 WHEN tenggat_hari < $%d::int"
		    " THEN 1 ELSE 0 END, count(*) FROM kasus k", k);
		break;
	case STAT_PELANGGARAN:
		ADD("SELECT 0, pelanggaran_kode, 0, count(*) FROM kasus k");
		break;
	case STAT_INSTANSI:
		ADD("SELECT coalesce(instansi_id, 0), konteks, 0, count(*) FROM kasus k");
		break;
	case STAT_UMUR_TAHAP:
		pp_int(&p, f->now_ms);
		k++;
		ADD("SELECT 0, tahap, greatest(0, ($%d::bigint - tahap_sejak_ms) / 86400000), count(*)"
		    " FROM kasus k", k);
		break;
	case STAT_DURASI_TAHAP:
		ADD("SELECT 0, dari, hari, count(*) FROM (SELECT l.dari AS dari,"
		    " greatest(0, (l.created_ms - coalesce(lag(l.created_ms) OVER (PARTITION BY l.kasus_id"
		    " ORDER BY l.id), k.created_ms)) / 86400000) AS hari"
		    " FROM kasus_langkah l JOIN kasus k ON k.id = l.kasus_id");
		break;
	case STAT_SANKSI:
		ADD("SELECT (x.flags & 1), x.tingkat, CASE x.rekomendasi WHEN 'moral' THEN 1"
		    " WHEN 'ringan' THEN 2 WHEN 'sedang' THEN 3 WHEN 'berat' THEN 4 WHEN 'ptdh' THEN 5"
		    " ELSE 0 END, count(*) FROM kasus_sanksi x JOIN kasus k ON k.id = x.kasus_id");
		break;
	default:
		return APP_EINVAL;
	}
	pp_int(&p, f->dari_ms);
	pp_int(&p, f->sampai_ms);
	ADD(" WHERE k.created_ms >= $%d::bigint AND k.created_ms < $%d::bigint", k + 1, k + 2);
	k += 2;
	if (lo) {
		pp_text(&p, lo);
		pp_text(&p, hi);
		ADD(" AND k.instansi_id IN (SELECT id FROM instansi WHERE path >= $%d AND path < $%d)",
		    k + 1, k + 2);
		k += 2;
	}
	if (f->konteks) {
		pp_text(&p, f->konteks);
		ADD(" AND k.konteks = $%d", ++k);
	}
	ADD("%s", dim == STAT_PELANGGARAN ? " GROUP BY 2" : dim == STAT_INSTANSI ? " GROUP BY 1, 2"
		  : dim == STAT_DURASI_TAHAP ? ") d GROUP BY 2, 3" : dim == STAT_SANKSI ? " GROUP BY 1, 2, 3"
		  : " GROUP BY 2, 3");
#undef ADD
	if (n >= sizeof(sql))
		return store_fail(s, APP_EINTERNAL, "statistik: statement too long");
	PGresult *r;
	int rc = pg_query(pg_downcast(s), sql, &p, &r, "statistik");
	if (rc)
		return rc;
	for (int i = 0; i < PQntuples(r); i++)
		statistik_rows_add(out, pg_int(r, i, 0), pg_text(r, i, 1), pg_int(r, i, 2),
				   pg_int(r, i, 3));
	PQclear(r);
	return 0;
}

const struct store_statistik_ops store_pg_statistik_ops = {
	.group = pg_statistik_group,
};
