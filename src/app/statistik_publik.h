/* The public statistics (no login): national counts with small cells
 * suppressed (app/suppress.h), no names of people, no case numbers. Shared
 * by the page /statistik and GET /api/v1/statistik so both publish exactly
 * the same cells. */
#ifndef WASDAL_APP_STATISTIK_PUBLIK_H
#define WASDAL_APP_STATISTIK_PUBLIK_H

#include <stddef.h>
#include <stdint.h>
#include "app/statistik.h"

/* A published table: rows x cols counts with margins, as suppress_table
 * leaves them: value(i, j) for i <= rows, j <= cols (the last row and
 * column are the totals). */
struct publik_tabel {
	size_t rows, cols;
	char (*kode)[40];        /* rows entries: province code, stage code ... */
	char (*label)[200];
	const char *col_kode[2]; /* "pemilu", "pilkada" or "jumlah" */
	int64_t *v;
	uint8_t *flag;
};

static inline int64_t publik_v(const struct publik_tabel *t, size_t i, size_t j)
{
	return t->v[i * (t->cols + 1) + j];
}
static inline uint8_t publik_flag(const struct publik_tabel *t, size_t i, size_t j)
{
	return t->flag[i * (t->cols + 1) + j];
}

struct statistik_publik {
	int64_t ambang;               /* the threshold in force */
	struct publik_tabel provinsi; /* province x (pemilu, pilkada) */
	struct publik_tabel tahap;    /* stage x jumlah */
	struct publik_tabel kelas;    /* violation class x jumlah */
};

/* konteks NULL/"" = both; lang for labels. */
int statistik_publik_build(struct store *s, const char *konteks, enum lang lang,
			   struct statistik_publik *out);
void statistik_publik_free(struct statistik_publik *p);

#endif
