/* What a dashboard and the public statistics page show (issue 3 §4): the
 * grouped counts of the store's statistik area turned into labelled rows,
 * in workflow order, inside the principal's scope. Scope is enforced here:
 * the region a caller asks for must lie inside the principal's scope, and
 * only a principal whose scope is the root of the tree (national) sees the
 * cases that are not tied to any instansi.
 *
 * Everything is computed from at most five GROUP BY statements in one read
 * transaction, so the numbers on one page are from one snapshot. */
#ifndef WASDAL_APP_STATISTIK_H
#define WASDAL_APP_STATISTIK_H

#include <stddef.h>
#include <stdint.h>
#include "app/principal.h"
#include "core/msg.h"
#include "store/store.h"

struct statistik_req {
	int64_t wilayah_id;      /* 0 = the whole scope; else an instansi in scope */
	int32_t dari_hari;       /* first day counted (core/date.h), 0 = open */
	int32_t sampai_hari;     /* last day counted (inclusive), 0 = open */
	const char *konteks;     /* NULL/"" = both, "pemilu", "pilkada" */
	int32_t hari_ini;        /* 0 = today (WIB) */
	int64_t now_ms;          /* 0 = now */
	enum lang lang;          /* for stage and region names */
};

struct stat_tahap {
	char kode[40];
	char nama[120];
	enum role pemilik;       /* the agency that owns the stage */
	int terminal;
	int64_t n;               /* cases now at this stage */
	int64_t terlambat;       /* of which past their deadline */
	int64_t tanpa_tenggat;   /* of which the stage has no deadline running */
	int64_t median_hari;     /* median whole days spent in the stage so far */
	int64_t durasi_n;        /* times a case left this stage (history) */
	int64_t median_durasi;   /* median whole days a finished visit took */
};

/* Sanction levels in order of severity, as in kasus_sanksi.tingkat. */
enum { STAT_TINGKAT_N = 5 };
extern const char *const statistik_tingkat[STAT_TINGKAT_N]; /* moral ringan sedang berat ptdh */

struct stat_item {
	int64_t id;              /* instansi id (regions, instansi), else 0 */
	int jenis;               /* enum instansi_jenis of regions, 0 else */
	char kode[40];
	char label[200];
	int64_t n, pemilu, pilkada;
};

struct stat_peran {
	enum role peran;
	int64_t tepat_waktu, terlambat, tanpa_tenggat;
};

struct statistik {
	char scope_nama[160];    /* the instansi the numbers cover */
	char scope_path[256];
	int nasional;            /* includes cases without an instansi */
	int64_t total, terlambat, selesai;
	struct stat_tahap *tahap;            /* workflow order; unknown codes last */
	size_t ntahap;
	struct stat_item *pelanggaran;       /* catalogue order, then "lainnya" */
	size_t npelanggaran;
	struct stat_item *wilayah;           /* one row per child of the scope */
	size_t nwilayah;
	struct stat_item *instansi;          /* each instansi with cases, by count desc */
	size_t ninstansi;
	struct stat_peran peran[ROLE__COUNT];
	size_t nperan;                       /* owners that have stages, in role order */
	/* sanctions: [recommended 0 none, 1..5 = statistik_tingkat[0..4]]
	 * x [imposed level 0..4] */
	int64_t sanksi[STAT_TINGKAT_N + 1][STAT_TINGKAT_N];
	int64_t sanksi_total, sanksi_lebih_ringan;
};

/* Fill st for p. APP_ENOTFOUND when wilayah_id is not in p's scope,
 * APP_EINVAL for a bad konteks or period. Free with statistik_free. */
int statistik_build(struct store *s, const struct principal *p, const struct statistik_req *q,
		    struct statistik *st);
void statistik_free(struct statistik *st);
/* The same numbers over every case, for the public page (the caller
 * suppresses small cells before showing them). */
int statistik_build_public(struct store *s, const struct statistik_req *q, struct statistik *st);
/* Officer roles that see dashboards: admin bkn bawaslu ppk bkpsdm auditor. */
int statistik_can_view(const struct principal *p);

/* The regions a principal may narrow a dashboard to: the scope's own
 * instansi and every province and kab/kota under it, in path order. */
struct stat_region {
	int64_t id;
	char nama[160];
	int depth;               /* 0 = the scope itself */
};
int statistik_regions(struct store *s, const struct principal *p, struct stat_region **out,
		      size_t *n);

/* The violation catalogue: label of a code ("KE-1 — uraian" shortened) and
 * its class (kode_etik, disiplin ...); "lainnya" for unknown codes. */
const char *statistik_pelanggaran_label(const char *kode, char *buf, size_t cap);
const char *statistik_pelanggaran_kelas(const char *kode);

/* Median of a histogram: values[i] seen counts[i] times (any order). */
int64_t statistik_median(const int64_t *values, const int64_t *counts, size_t n);

#endif
