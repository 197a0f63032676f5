/* Store operations of the statistics area (issue 3 §4, store area
 * "statistik"): grouped counts over the neutrality cases for dashboards
 * and the public statistics page. Read-only; each call is one GROUP BY
 * statement whose rows are few (stages, violation codes, instansi), so
 * results come back in memory rather than streamed. Part of the store
 * interface: include store/store.h and this header. Indexes: 0010. */
#ifndef WASDAL_STORE_STORE_STATISTIK_H
#define WASDAL_STORE_STORE_STATISTIK_H

#include <stddef.h>
#include <stdint.h>

struct store;

/* Which cases are counted. Strings may be NULL or "" for "any". */
struct statistik_filter {
	const char *scope_path;  /* instansi path; "/" (or NULL) = national, which
				  * also counts cases not tied to any instansi */
	int64_t dari_ms;         /* created_ms >= dari_ms (0 = open) */
	int64_t sampai_ms;       /* created_ms < sampai_ms (0 = open) */
	const char *konteks;     /* "pemilu" | "pilkada" */
	int32_t hari_ini;        /* today (core/date.h day): a deadline before it is overdue */
	int64_t now_ms;          /* for days spent in the current stage */
};

/* What a row is grouped by; the meaning of the row fields per dimension. */
enum statistik_dim {
	STAT_TAHAP,        /* key = tahap, a = 0 on time, 1 overdue (deadline < hari_ini),
			    * 2 no deadline running (tenggat_hari NULL), n */
	STAT_PELANGGARAN,  /* key = pelanggaran_kode, n */
	STAT_INSTANSI,     /* id = instansi_id (0 = none), key = konteks, n */
	STAT_UMUR_TAHAP,   /* key = tahap, a = whole days in the current stage, n */
	STAT_DURASI_TAHAP, /* from the transition history (kasus_langkah): key = the
			    * stage left, a = whole days spent in it, n = times */
	STAT_SANKSI,       /* sanctions imposed (kasus_sanksi): key = level imposed,
			    * a = level recommended (0 none, 1 moral, 2 ringan,
			    * 3 sedang, 4 berat, 5 ptdh), id = 1 when flagged
			    * lighter than recommended, n */
	STAT__COUNT
};

struct statistik_row {
	int64_t id;
	char key[40];
	int64_t a;
	int64_t n;
};

struct statistik_rows {
	struct statistik_row *v;
	size_t n, cap;
};

/* Append the grouped counts of dim to out (not cleared first). Order is
 * unspecified. APP_EINVAL for a bad scope path or konteks. */
int store_statistik_group(struct store *s, enum statistik_dim dim,
			  const struct statistik_filter *f, struct statistik_rows *out);
/* Every dimension at once, out[dim] for each dim < STAT__COUNT, from one
 * snapshot: what a dashboard needs. Same rows as store_statistik_group
 * per dimension (the conformance suite checks that on both backends);
 * SQLite computes them in one pass over the index instead of four sorts. */
int store_statistik_all(struct store *s, const struct statistik_filter *f,
			struct statistik_rows out[STAT__COUNT]);
void statistik_rows_add(struct statistik_rows *r, int64_t id, const char *key, int64_t a,
			int64_t n);
void statistik_rows_free(struct statistik_rows *r);

#endif
