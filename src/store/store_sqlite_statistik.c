/* SQLite: grouped counts over kasus (statistik area). Each statement
 * scans the covering index kasus_statistik (migration 0010), never the
 * wide case rows: 100,000 cases are a few MB of index. INDEXED BY because
 * after ANALYZE the planner prefers kasus_created for a date range and
 * then reads every wide row (0.9 s instead of 0.03 s at 100,000 cases). */
#include "core/compat.h"
#include "core/err.h"
#include "core/xalloc.h"
#include "store/store_sqlite_int.h"

/* SELECT id, key, a, count(*) per dimension; GROUP BY the same columns. */
static const char *const sel[STAT__COUNT] = {
	[STAT_TAHAP] = "SELECT 0, tahap, CASE WHEN tenggat_hari IS NULL THEN 2 WHEN tenggat_hari < ?5"
		       " THEN 1 ELSE 0 END, count(*) FROM kasus INDEXED BY kasus_statistik",
	[STAT_PELANGGARAN] = "SELECT 0, pelanggaran_kode, 0, count(*) FROM kasus INDEXED BY kasus_statistik",
	[STAT_INSTANSI] = "SELECT coalesce(instansi_id, 0), konteks, 0, count(*) FROM kasus INDEXED BY kasus_statistik",
	[STAT_UMUR_TAHAP] = "SELECT 0, tahap, max(0, (?6 - tahap_sejak_ms) / 86400000), count(*)"
			    " FROM kasus INDEXED BY kasus_statistik",
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


/* ---- every dimension in one pass ----
 * Four GROUP BY statements each sort 100,000 index entries (~60 ms of CPU
 * each here); one scan of the same covering index aggregated in C costs
 * about as much as one of them. The rows produced are those of group(). */

#define MAX_CODES 128
#define CODE_SLOTS 512 /* power of two, > 2 * MAX_CODES */

/* Distinct codes of one column, found by an FNV-1a hash of the bytes (a
 * linear strcmp search was a fifth of the scan). */
struct codes {
	char code[MAX_CODES][40];
	size_t len[MAX_CODES];
	size_t n;
	int16_t slot[CODE_SLOTS]; /* index + 1; 0 = free */
};

/* Index of s[0..n) in c (added when new); -1 when full or too long. */
static int code_index(struct codes *c, const unsigned char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 16777619u;
	for (size_t j = h & (CODE_SLOTS - 1);; j = (j + 1) & (CODE_SLOTS - 1)) {
		int k = c->slot[j] - 1;
		if (k < 0)
			break;
		if (c->len[k] == n && !memcmp(c->code[k], s, n))
			return k;
	}
	if (c->n == MAX_CODES || n >= sizeof(c->code[0]))
		return -1;
	memcpy(c->code[c->n], s, n);
	c->code[c->n][n] = 0;
	c->len[c->n] = n;
	size_t j = h & (CODE_SLOTS - 1);
	while (c->slot[j])
		j = (j + 1) & (CODE_SLOTS - 1);
	c->slot[j] = (int16_t)(c->n + 1);
	return (int)c->n++;
}

/* int64 key -> count, open addressing; keys are >= 0 (slot key -1 = free). */
struct counter {
	int64_t *key, *n;
	size_t cap, used;
};

static void counter_add(struct counter *m, int64_t key, int64_t n)
{
	if ((m->used + 1) * 2 > m->cap) {
		struct counter g = { 0 };
		g.cap = m->cap ? m->cap * 2 : 1024;
		g.key = xcalloc(g.cap, sizeof(*g.key));
		g.n = xcalloc(g.cap, sizeof(*g.n));
		for (size_t i = 0; i < g.cap; i++)
			g.key[i] = -1;
		for (size_t i = 0; i < m->cap; i++)
			if (m->key[i] >= 0) {
				size_t j = (size_t)((uint64_t)m->key[i] * 0x9E3779B97F4A7C15ull >> 40) & (g.cap - 1);
				while (g.key[j] >= 0)
					j = (j + 1) & (g.cap - 1);
				g.key[j] = m->key[i];
				g.n[j] = m->n[i];
				g.used++;
			}
		free(m->key);
		free(m->n);
		*m = g;
	}
	size_t j = (size_t)((uint64_t)key * 0x9E3779B97F4A7C15ull >> 40) & (m->cap - 1);
	while (m->key[j] >= 0 && m->key[j] != key)
		j = (j + 1) & (m->cap - 1);
	if (m->key[j] < 0) {
		m->key[j] = key;
		m->used++;
	}
	m->n[j] += n;
}

static void counter_free(struct counter *m)
{
	free(m->key);
	free(m->n);
}

static int sq_statistik_all(struct store *s, const struct statistik_filter *f, const char *lo,
			    const char *hi, struct statistik_rows out[STAT__COUNT])
{
	struct sq_store *q = sq_downcast(s);
	char sql[512];
	snprintf(sql, sizeof(sql), "SELECT coalesce(instansi_id, 0), konteks, tahap, pelanggaran_kode,"
		 " tenggat_hari, tahap_sejak_ms FROM kasus INDEXED BY kasus_statistik"
		 " WHERE created_ms >= ?3 AND created_ms < ?4%s%s",
		 lo ? " AND instansi_id IN (SELECT id FROM instansi WHERE path >= ?1 AND path < ?2)" : "",
		 f->konteks ? " AND konteks = ?5" : " AND ?5 IS NULL");
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
	if (f->konteks)
		sq_bind_text(st, 5, f->konteks);
	else
		sqlite3_bind_null(st, 5);
	struct codes *tahap = xcalloc(1, sizeof(*tahap)), *pl = xcalloc(1, sizeof(*pl));
	int64_t (*tahap_n)[3] = xcalloc(MAX_CODES, sizeof(*tahap_n));
	int64_t *pl_n = xcalloc(MAX_CODES, sizeof(*pl_n));
	struct counter inst = { 0 };
	/* rows come in instansi_id order (the index): count a run of one
	 * instansi in cur[] and hash it once when the id changes */
	int64_t cur_id = -1, cur[2] = { 0, 0 };
	/* days in stage: a dense histogram per stage, grown as needed */
	int64_t *days_n[MAX_CODES] = { 0 };
	size_t days_cap[MAX_CODES] = { 0 };
	while ((rc = sq_step(q, st, "statistik")) == 1) {
		int64_t id = sqlite3_column_int64(st, 0);
		const unsigned char *k = sqlite3_column_text(st, 1);
		int pilkada = k && k[0] == 'p' && k[1] == 'i';
		const unsigned char *ts = sqlite3_column_text(st, 2);
		int t = code_index(tahap, ts, (size_t)sqlite3_column_bytes(st, 2));
		const unsigned char *ps = sqlite3_column_text(st, 3);
		int p = code_index(pl, ps, (size_t)sqlite3_column_bytes(st, 3));
		if (t < 0 || p < 0) {
			rc = store_fail(s, APP_EINTERNAL, "statistik: more than %d distinct codes", MAX_CODES);
			break;
		}
		int a = sqlite3_column_type(st, 4) == SQLITE_NULL ? 2
			: sqlite3_column_int64(st, 4) < f->hari_ini ? 1 : 0;
		tahap_n[t][a]++;
		pl_n[p]++;
		if (id != cur_id) {
			for (int b = 0; b < 2 && cur_id >= 0; b++)
				if (cur[b])
					counter_add(&inst, cur_id * 2 + b, cur[b]);
			cur_id = id;
			cur[0] = cur[1] = 0;
		}
		cur[pilkada]++;
		int64_t d = (f->now_ms - sqlite3_column_int64(st, 5)) / 86400000;
		/* a century caps the histogram against a corrupt timestamp */
		size_t day = d > 0 ? (size_t)(d < 36525 ? d : 36525) : 0;
		if (day >= days_cap[t]) {
			size_t cap = days_cap[t] ? days_cap[t] : 64;
			while (cap <= day)
				cap *= 2;
			days_n[t] = xrealloc(days_n[t], st_mult(cap, sizeof(**days_n)));
			memset(days_n[t] + days_cap[t], 0, (cap - days_cap[t]) * sizeof(**days_n));
			days_cap[t] = cap;
		}
		days_n[t][day]++;
	}
	for (int b = 0; b < 2 && cur_id >= 0; b++)
		if (cur[b])
			counter_add(&inst, cur_id * 2 + b, cur[b]);
	sq_done(q, st);
	if (rc == 0) {
		for (size_t t = 0; t < tahap->n; t++)
			for (int a = 0; a < 3; a++)
				if (tahap_n[t][a])
					statistik_rows_add(&out[STAT_TAHAP], 0, tahap->code[t], a, tahap_n[t][a]);
		for (size_t p = 0; p < pl->n; p++)
			statistik_rows_add(&out[STAT_PELANGGARAN], 0, pl->code[p], 0, pl_n[p]);
		for (size_t i = 0; i < inst.cap; i++)
			if (inst.key[i] >= 0)
				statistik_rows_add(&out[STAT_INSTANSI], inst.key[i] / 2,
						   inst.key[i] % 2 ? "pilkada" : "pemilu", 0, inst.n[i]);
		for (size_t t = 0; t < tahap->n; t++)
			for (size_t day = 0; day < days_cap[t]; day++)
				if (days_n[t][day])
					statistik_rows_add(&out[STAT_UMUR_TAHAP], 0, tahap->code[t],
							   (int64_t)day, days_n[t][day]);
	}
	for (size_t t = 0; t < MAX_CODES; t++)
		free(days_n[t]);
	counter_free(&inst);
	free(tahap);
	free(pl);
	free(tahap_n);
	free(pl_n);
	return rc;
}

const struct store_statistik_ops store_sqlite_statistik_ops = {
	.group = sq_statistik_group,
	.all = sq_statistik_all,
};
