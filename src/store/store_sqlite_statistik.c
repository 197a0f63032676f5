/* SQLite: grouped counts over kasus (statistik area). Each statement
 * scans the covering index kasus_statistik (migration 0010), never the
 * wide case rows: 100,000 cases are a few MB of index. INDEXED BY because
 * after ANALYZE the planner prefers kasus_created for a date range and
 * then reads every wide row (0.9 s instead of 0.03 s at 100,000 cases). */
#include "core/compat.h"
#include "core/err.h"
#include "core/xalloc.h"
#include "store/store_sqlite_int.h"

#define STAT_TINGKAT_N 5 /* moral ringan sedang berat ptdh */

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

/* The history dimensions: rows of kasus_langkah / kasus_sanksi whose
 * case passes the filter. The case is looked up through the narrow
 * kasus_statistik_id index (0010), not the wide case row. */
static const char *const hist_sel[STAT__COUNT] = {
	[STAT_DURASI_TAHAP] = "SELECT 0, dari, hari, count(*) FROM (SELECT l.dari AS dari,"
		" max(0, (l.created_ms - coalesce(lag(l.created_ms) OVER (PARTITION BY l.kasus_id"
		" ORDER BY l.id), k.created_ms)) / 86400000) AS hari"
		" FROM kasus_langkah l JOIN kasus k INDEXED BY kasus_statistik_id ON k.id = l.kasus_id",
	[STAT_SANKSI] = "SELECT (x.flags & 1), x.tingkat, CASE x.rekomendasi WHEN 'moral' THEN 1"
		" WHEN 'ringan' THEN 2 WHEN 'sedang' THEN 3 WHEN 'berat' THEN 4 WHEN 'ptdh' THEN 5"
		" ELSE 0 END, count(*) FROM kasus_sanksi x JOIN kasus k INDEXED BY kasus_statistik_id"
		" ON k.id = x.kasus_id",
};
static const char *const hist_grp[STAT__COUNT] = {
	[STAT_DURASI_TAHAP] = ") GROUP BY 2, 3",
	[STAT_SANKSI] = " GROUP BY 1, 2, 3",
};

static int sq_statistik_group(struct store *s, enum statistik_dim dim,
			      const struct statistik_filter *f, const char *lo, const char *hi,
			      struct statistik_rows *out)
{
	struct sq_store *q = sq_downcast(s);
	char sql[1024];
	if (hist_sel[dim])
		snprintf(sql, sizeof(sql), "%s WHERE k.created_ms >= ?3 AND k.created_ms < ?4%s%s%s",
			 hist_sel[dim],
			 lo ? " AND k.instansi_id IN (SELECT id FROM instansi WHERE path >= ?1 AND path < ?2)" : "",
			 f->konteks ? " AND k.konteks = ?7" : " AND ?7 IS NULL", hist_grp[dim]);
	else
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

/* 1 and *n when key is present. */
static int counter_get(const struct counter *m, int64_t key, int64_t *n)
{
	if (!m->cap)
		return 0;
	size_t j = (size_t)((uint64_t)key * 0x9E3779B97F4A7C15ull >> 40) & (m->cap - 1);
	while (m->key[j] >= 0) {
		if (m->key[j] == key) {
			*n = m->n[j];
			return 1;
		}
		j = (j + 1) & (m->cap - 1);
	}
	return 0;
}

static void counter_free(struct counter *m)
{
	free(m->key);
	free(m->n);
}

/* Case id -> created_ms of the cases in the filter. Case ids are rowids,
 * dense in practice: a direct array over [min, max] (a hash map of 100,000
 * entries and its rehashing were a third of a national render); a hash map
 * only when the ids are spread too thin for an array. */
#define IDMAP_ABSENT INT64_MIN
#define IDMAP_DENSE_MAX ((size_t)4 << 20)

struct idmap {
	int dense;
	int64_t base;
	size_t n, used;
	int64_t *v;
	struct counter fb;
};

static void idmap_init(struct idmap *m, int64_t lo, int64_t hi)
{
	memset(m, 0, sizeof(*m));
	if (hi >= lo && (uint64_t)(hi - lo) < IDMAP_DENSE_MAX) {
		m->dense = 1;
		m->base = lo;
		m->n = (size_t)(hi - lo) + 1;
		m->v = xmalloc(st_mult(m->n, sizeof(*m->v)));
		for (size_t i = 0; i < m->n; i++)
			m->v[i] = IDMAP_ABSENT;
	}
}

static void idmap_put(struct idmap *m, int64_t id, int64_t val)
{
	if (!m->dense) {
		counter_add(&m->fb, id, val);
		m->used = m->fb.used;
		return;
	}
	if (id < m->base || (uint64_t)(id - m->base) >= m->n)
		return; /* cannot happen: the range was read in this snapshot */
	if (m->v[id - m->base] == IDMAP_ABSENT)
		m->used++;
	m->v[id - m->base] = val;
}

static int idmap_get(const struct idmap *m, int64_t id, int64_t *val)
{
	if (!m->dense)
		return counter_get(&m->fb, id, val);
	if (id < m->base || (uint64_t)(id - m->base) >= m->n || m->v[id - m->base] == IDMAP_ABSENT)
		return 0;
	*val = m->v[id - m->base];
	return 1;
}

/* The i-th slot: 1 and its id when it holds a case. */
static int idmap_slot(const struct idmap *m, size_t i, int64_t *id)
{
	if (m->dense) {
		if (m->v[i] == IDMAP_ABSENT)
			return 0;
		*id = m->base + (int64_t)i;
		return 1;
	}
	if (m->fb.key[i] < 0)
		return 0;
	*id = m->fb.key[i];
	return 1;
}

static size_t idmap_slots(const struct idmap *m)
{
	return m->dense ? m->n : m->fb.cap;
}

static void idmap_free(struct idmap *m)
{
	free(m->v);
	counter_free(&m->fb);
}

/* One history row of a case in the filter: the stage left and when. */
struct hist {
	struct codes *stage;
	int64_t *days_n[MAX_CODES];
	size_t days_cap[MAX_CODES];
	int64_t cur_kasus, prev_ms;
	int64_t sanksi[2][STAT_TINGKAT_N][STAT_TINGKAT_N + 1]; /* [lighter][imposed][recommended] */
};

static const char *const tingkat[] = { "moral", "ringan", "sedang", "berat", "ptdh" };

static int tingkat_index(const char *t)
{
	for (int i = 0; i < (int)(sizeof(tingkat) / sizeof(*tingkat)); i++)
		if (!strcmp(t, tingkat[i]))
			return i;
	return -1;
}

/* One row of the history: the case left stage t at at_ms. */
static void hist_add(struct hist *h, const struct idmap *created, int64_t kasus_id, int t,
		     int64_t at_ms)
{
	if (kasus_id != h->cur_kasus) {
		h->cur_kasus = kasus_id;
		if (!idmap_get(created, kasus_id, &h->prev_ms))
			h->prev_ms = INT64_MIN; /* not in the filter */
	}
	if (h->prev_ms == INT64_MIN)
		return;
	int64_t d = (at_ms - h->prev_ms) / 86400000;
	h->prev_ms = at_ms;
	size_t day = d > 0 ? (size_t)(d < 36525 ? d : 36525) : 0;
	if (day >= h->days_cap[t]) {
		size_t cap = h->days_cap[t] ? h->days_cap[t] : 64;
		while (cap <= day)
			cap *= 2;
		h->days_n[t] = xrealloc(h->days_n[t], st_mult(cap, sizeof(**h->days_n)));
		memset(h->days_n[t] + h->days_cap[t], 0, (cap - h->days_cap[t]) * sizeof(**h->days_n));
		h->days_cap[t] = cap;
	}
	h->days_n[t][day]++;
}

/* The stage index of a history row's code, or a failure when there are
 * more distinct codes than MAX_CODES. */
static int hist_stage(struct sq_store *q, struct hist *h, const unsigned char *dari, size_t dari_len)
{
	int t = code_index(h->stage, dari, dari_len);
	if (t < 0)
		store_fail(&q->base, APP_EINTERNAL, "statistik: too many stage codes");
	return t;
}

/* A sanction row's imposed and recommended levels as indexes (r: 0 = no
 * recommendation); 0 when a level is not one of tingkat[]. */
static int sanksi_levels(const char *imposed, const char *rek, int *i, int *r)
{
	*i = tingkat_index(imposed);
	*r = *rek ? tingkat_index(rek) + 1 : 0;
	return *i >= 0 && *r >= 0;
}

static void sanksi_add(struct hist *h, const struct idmap *created, int64_t kasus_id, int lighter,
		       int i, int r)
{
	int64_t dummy;
	if (idmap_get(created, kasus_id, &dummy))
		h->sanksi[lighter ? 1 : 0][i][r]++;
}

static void sanksi_step(struct hist *h, const struct idmap *created, int64_t kasus_id,
			int lighter, const char *imposed, const char *rek)
{
	int i, r;
	if (sanksi_levels(imposed, rek, &i, &r))
		sanksi_add(h, created, kasus_id, lighter, i, r);
}

/* ---- the whole history, as last read, per connection ----
 * A cold national dashboard (a filter not in the result cache below) used
 * to spend more than half its time stepping SQLite through every
 * kasus_langkah and kasus_sanksi row (~378,000 at 100,000 cases). The rows
 * it needs are kept here in compact arrays and replayed while the database
 * is exactly as it was (the same PRAGMA data_version and
 * sqlite3_total_changes64 as the result cache's key): a change to the
 * filter then costs an array walk, not a re-read. About 18 bytes per
 * history row per connection (~7 MB at 100,000 cases). */
struct hist_rows {
	int valid;
	int64_t data_version, changes;
	struct codes stage_codes;
	size_t n, cap; /* kasus_langkah rows in (kasus_id, id) order */
	int64_t *kasus, *ms;
	uint8_t *stage;
	size_t ns, scap; /* kasus_sanksi rows with known levels */
	int64_t *s_kasus;
	uint8_t *s_lighter, *s_i, *s_r;
};

static void hist_rows_free(struct hist_rows *c)
{
	free(c->kasus);
	free(c->ms);
	free(c->stage);
	free(c->s_kasus);
	free(c->s_lighter);
	free(c->s_i);
	free(c->s_r);
	memset(c, 0, sizeof(*c));
}

static void hist_rows_push(struct hist_rows *c, int64_t kasus_id, int64_t ms, int t)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 4096;
		c->kasus = xrealloc(c->kasus, st_mult(c->cap, sizeof(*c->kasus)));
		c->ms = xrealloc(c->ms, st_mult(c->cap, sizeof(*c->ms)));
		c->stage = xrealloc(c->stage, c->cap);
	}
	c->kasus[c->n] = kasus_id;
	c->ms[c->n] = ms;
	c->stage[c->n++] = (uint8_t)t;
}

static void hist_rows_push_sanksi(struct hist_rows *c, int64_t kasus_id, int lighter, int i, int r)
{
	if (c->ns == c->scap) {
		c->scap = c->scap ? c->scap * 2 : 1024;
		c->s_kasus = xrealloc(c->s_kasus, st_mult(c->scap, sizeof(*c->s_kasus)));
		c->s_lighter = xrealloc(c->s_lighter, c->scap);
		c->s_i = xrealloc(c->s_i, c->scap);
		c->s_r = xrealloc(c->s_r, c->scap);
	}
	c->s_kasus[c->ns] = kasus_id;
	c->s_lighter[c->ns] = (uint8_t)(lighter ? 1 : 0);
	c->s_i[c->ns] = (uint8_t)i;
	c->s_r[c->ns++] = (uint8_t)r;
}

/* Every history row of the database through the covering index, into c
 * and into h. */
static int hist_read_all(struct sq_store *q, struct hist *h, const struct idmap *created,
			 struct hist_rows *c)
{
	sqlite3_stmt *st;
	int rc = sq_prep(q, "SELECT kasus_id, dari, created_ms FROM kasus_langkah INDEXED BY"
			 " kasus_langkah_statistik ORDER BY kasus_id, id", &st);
	if (rc)
		return rc;
	while ((rc = sq_step(q, st, "statistik")) == 1) {
		int t = hist_stage(q, h, sqlite3_column_text(st, 1), (size_t)sqlite3_column_bytes(st, 1));
		if (t < 0) {
			rc = APP_EINTERNAL;
			break;
		}
		int64_t id = sqlite3_column_int64(st, 0), ms = sqlite3_column_int64(st, 2);
		hist_rows_push(c, id, ms, t);
		hist_add(h, created, id, t, ms);
	}
	sq_done(q, st);
	if (rc)
		return rc;
	rc = sq_prep(q, "SELECT kasus_id, flags & 1, tingkat, rekomendasi FROM kasus_sanksi", &st);
	if (rc)
		return rc;
	while ((rc = sq_step(q, st, "statistik")) == 1) {
		int i, r, lighter = sqlite3_column_int(st, 1);
		int64_t id = sqlite3_column_int64(st, 0);
		if (!sanksi_levels(sq_col_text(st, 2), sq_col_text(st, 3), &i, &r))
			continue;
		hist_rows_push_sanksi(c, id, lighter, i, r);
		sanksi_add(h, created, id, lighter, i, r);
	}
	sq_done(q, st);
	if (!rc)
		c->stage_codes = *h->stage;
	return rc;
}

static void hist_replay(struct hist *h, const struct idmap *created, const struct hist_rows *c)
{
	*h->stage = c->stage_codes;
	for (size_t i = 0; i < c->n; i++)
		hist_add(h, created, c->kasus[i], c->stage[i], c->ms[i]);
	for (size_t i = 0; i < c->ns; i++)
		sanksi_add(h, created, c->s_kasus[i], c->s_lighter[i], c->s_i[i], c->s_r[i]);
}

/* The history dimensions (durations from kasus_langkah, sanctions) of the
 * cases in created (id -> created_ms). Few cases: one index seek each;
 * many: one ordered pass over the covering index kasus_langkah_statistik
 * (0010) and over kasus_sanksi. Rows as group() gives them. */
static int history(struct sq_store *q, const struct idmap *created, struct hist_rows *cache,
		   int64_t data_version, int64_t changes, struct statistik_rows out[STAT__COUNT])
{
	struct hist *h = xcalloc(1, sizeof(*h));
	h->stage = xcalloc(1, sizeof(*h->stage));
	h->cur_kasus = -1;
	sqlite3_stmt *st;
	int rc = sq_prep(q, "SELECT coalesce(max(id), 0) FROM kasus_langkah", &st);
	int64_t nlangkah = 0;
	if (!rc) {
		if ((rc = sq_step(q, st, "statistik")) == 1) {
			nlangkah = sqlite3_column_int64(st, 0);
			rc = 0;
		}
		sq_done(q, st);
	}
	int seek = created->used * 8 < (size_t)nlangkah;
	if (!rc && seek) {
		for (size_t i = 0; !rc && i < idmap_slots(created); i++) {
			int64_t id;
			if (!idmap_slot(created, i, &id))
				continue;
			rc = sq_prep(q, "SELECT dari, created_ms FROM kasus_langkah INDEXED BY"
				     " kasus_langkah_statistik WHERE kasus_id = ?1 ORDER BY id", &st);
			if (rc)
				break;
			sq_bind_int(st, 1, id);
			while ((rc = sq_step(q, st, "statistik")) == 1) {
				int t = hist_stage(q, h, sqlite3_column_text(st, 0),
						   (size_t)sqlite3_column_bytes(st, 0));
				if (t < 0) {
					rc = APP_EINTERNAL;
					break;
				}
				hist_add(h, created, id, t, sqlite3_column_int64(st, 1));
			}
			sq_done(q, st);
			if (rc)
				break;
			rc = sq_prep(q, "SELECT flags & 1, tingkat, rekomendasi FROM kasus_sanksi"
				     " WHERE kasus_id = ?1", &st);
			if (rc)
				break;
			sq_bind_int(st, 1, id);
			while ((rc = sq_step(q, st, "statistik")) == 1)
				sanksi_step(h, created, id, sqlite3_column_int(st, 0), sq_col_text(st, 1),
					    sq_col_text(st, 2));
			sq_done(q, st);
		}
	} else if (!rc && cache->valid && cache->data_version == data_version &&
		   cache->changes == changes) {
		hist_replay(h, created, cache);
	} else if (!rc) {
		hist_rows_free(cache);
		rc = hist_read_all(q, h, created, cache);
		if (rc)
			hist_rows_free(cache);
		else {
			cache->valid = 1;
			cache->data_version = data_version;
			cache->changes = changes;
		}
	}
	if (!rc) {
		for (size_t t = 0; t < h->stage->n; t++)
			for (size_t day = 0; day < h->days_cap[t]; day++)
				if (h->days_n[t][day])
					statistik_rows_add(&out[STAT_DURASI_TAHAP], 0, h->stage->code[t],
							   (int64_t)day, h->days_n[t][day]);
		for (int l = 0; l < 2; l++)
			for (int i = 0; i < STAT_TINGKAT_N; i++)
				for (int r = 0; r <= STAT_TINGKAT_N; r++)
					if (h->sanksi[l][i][r])
						statistik_rows_add(&out[STAT_SANKSI], l, tingkat[i], r,
								   h->sanksi[l][i][r]);
	}
	for (size_t t = 0; t < MAX_CODES; t++)
		free(h->days_n[t]);
	free(h->stage);
	free(h);
	return rc;
}

/* ---- recent results, per connection ----
 * A national dashboard reads every case and its history (~140 ms of CPU at
 * 100,000 cases); most renders repeat a recent filter while nothing has
 * changed. A result is reused only when the database is exactly as it was:
 * PRAGMA data_version (commits of other connections) and
 * sqlite3_total_changes64 (this connection's) are part of the key, with the
 * filter, the day and the minute (days in stage are as of that minute). */
#define STAT_CACHE_N 8

struct stat_cache_entry {
	int used;
	char lo[256], hi[256];
	int national;
	int64_t dari_ms, sampai_ms, minute, data_version, changes;
	int32_t hari_ini;
	char konteks[8];
	struct statistik_rows rows[STAT__COUNT];
};

struct sq_statistik_cache {
	struct stat_cache_entry e[STAT_CACHE_N];
	unsigned next;
	int64_t data_version, changes; /* the database state of the scan under way */
	struct hist_rows hist;
};

static void entry_clear(struct stat_cache_entry *e)
{
	for (int d = 0; d < STAT__COUNT; d++)
		statistik_rows_free(&e->rows[d]);
	memset(e, 0, sizeof(*e));
}

void sq_statistik_cache_free(struct sq_store *q)
{
	if (!q->statistik)
		return;
	for (int i = 0; i < STAT_CACHE_N; i++)
		entry_clear(&q->statistik->e[i]);
	hist_rows_free(&q->statistik->hist);
	free(q->statistik);
	q->statistik = NULL;
}

static void entry_key(struct stat_cache_entry *e, const struct statistik_filter *f, const char *lo,
		      const char *hi, int64_t data_version, int64_t changes)
{
	e->national = !lo;
	snprintf(e->lo, sizeof(e->lo), "%s", lo ? lo : "");
	snprintf(e->hi, sizeof(e->hi), "%s", lo ? hi : "");
	e->dari_ms = f->dari_ms;
	e->sampai_ms = f->sampai_ms;
	e->minute = f->now_ms / 60000;
	e->hari_ini = f->hari_ini;
	snprintf(e->konteks, sizeof(e->konteks), "%s", f->konteks ? f->konteks : "");
	e->data_version = data_version;
	e->changes = changes;
}

static int entry_same(const struct stat_cache_entry *a, const struct stat_cache_entry *b)
{
	return a->used && a->national == b->national && !strcmp(a->lo, b->lo) &&
	       !strcmp(a->hi, b->hi) && a->dari_ms == b->dari_ms && a->sampai_ms == b->sampai_ms &&
	       a->minute == b->minute && a->hari_ini == b->hari_ini &&
	       !strcmp(a->konteks, b->konteks) && a->data_version == b->data_version &&
	       a->changes == b->changes;
}

static void rows_copy(struct statistik_rows *dst, const struct statistik_rows *src)
{
	for (size_t i = 0; i < src->n; i++)
		statistik_rows_add(dst, src->v[i].id, src->v[i].key, src->v[i].a, src->v[i].n);
}

static int scan_all(struct store *s, const struct statistik_filter *f, const char *lo,
		    const char *hi, struct statistik_rows out[STAT__COUNT]);

static int sq_statistik_all(struct store *s, const struct statistik_filter *f, const char *lo,
			    const char *hi, struct statistik_rows out[STAT__COUNT])
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "PRAGMA data_version", &st);
	if (rc)
		return rc;
	int64_t dv = 0;
	if ((rc = sq_step(q, st, "data_version")) == 1) {
		dv = sqlite3_column_int64(st, 0);
		rc = 0;
	}
	sq_done(q, st);
	if (rc)
		return rc;
	struct stat_cache_entry key;
	memset(&key, 0, sizeof(key));
	entry_key(&key, f, lo, hi, dv, sqlite3_total_changes64(q->db));
	key.used = 1;
	if (!q->statistik)
		q->statistik = xcalloc(1, sizeof(*q->statistik));
	for (int i = 0; i < STAT_CACHE_N; i++)
		if (entry_same(&q->statistik->e[i], &key)) {
			for (int d = 0; d < STAT__COUNT; d++)
				rows_copy(&out[d], &q->statistik->e[i].rows[d]);
			return 0;
		}
	q->statistik->data_version = dv;
	q->statistik->changes = key.changes;
	rc = scan_all(s, f, lo, hi, out);
	if (rc)
		return rc;
	struct stat_cache_entry *e = &q->statistik->e[q->statistik->next++ % STAT_CACHE_N];
	entry_clear(e);
	*e = key;
	for (int d = 0; d < STAT__COUNT; d++) {
		memset(&e->rows[d], 0, sizeof(e->rows[d]));
		rows_copy(&e->rows[d], &out[d]);
	}
	return 0;
}

static int scan_all(struct store *s, const struct statistik_filter *f, const char *lo,
		    const char *hi, struct statistik_rows out[STAT__COUNT])
{
	struct sq_store *q = sq_downcast(s);
	char sql[512];
	snprintf(sql, sizeof(sql), "SELECT coalesce(instansi_id, 0), konteks, tahap, pelanggaran_kode,"
		 " tenggat_hari, tahap_sejak_ms, rowid, created_ms FROM kasus INDEXED BY kasus_statistik"
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
	struct idmap created;
	int64_t id_lo = 1, id_hi = 0;
	sqlite3_stmt *mm;
	/* two subqueries: min() and max() in one SELECT scan the whole table,
	 * each alone is one b-tree descent */
	rc = lo ? 0 : sq_prep(q, "SELECT coalesce((SELECT min(rowid) FROM kasus), 1),"
			      " coalesce((SELECT max(rowid) FROM kasus), 0)", &mm);
	if (!rc && !lo) {
		if ((rc = sq_step(q, mm, "statistik")) == 1) {
			id_lo = sqlite3_column_int64(mm, 0);
			id_hi = sqlite3_column_int64(mm, 1);
			rc = 0;
		}
		sq_done(q, mm);
	}
	/* the array pays off when most cases are in (national); a region's
	 * few thousand cases go in the hash map instead of an array over all */
	if (lo)
		id_hi = id_lo - 1;
	idmap_init(&created, id_lo, id_hi);
	/* rows come in instansi_id order (the index): count a run of one
	 * instansi in cur[] and hash it once when the id changes */
	int64_t cur_id = -1, cur[2] = { 0, 0 };
	/* days in stage: a dense histogram per stage, grown as needed */
	int64_t *days_n[MAX_CODES] = { 0 };
	size_t days_cap[MAX_CODES] = { 0 };
	int pre = rc; /* the id range query failed: report that, scan nothing */
	while (!pre && (rc = sq_step(q, st, "statistik")) == 1) {
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
		idmap_put(&created, sqlite3_column_int64(st, 6), sqlite3_column_int64(st, 7));
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
	if (rc == 0)
		rc = history(q, &created, &q->statistik->hist, q->statistik->data_version,
			     q->statistik->changes, out);
	for (size_t t = 0; t < MAX_CODES; t++)
		free(days_n[t]);
	counter_free(&inst);
	idmap_free(&created);
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
