/* The seven BerAKHLAK core values of the ASN and their behaviour
 * indicators (panduan perilaku, SE MenPANRB 20/2021), read from the data
 * file data/berakhlak.csv compiled into the binary. The pages
 * /berakhlak/layar (meeting screen) and /berakhlak/naskah-apel (ceremony
 * text) are built from this table, so a change of the official wording is
 * a data edit, not a code change. */
#ifndef WASDAL_APP_BERAKHLAK_H
#define WASDAL_APP_BERAKHLAK_H

#include <stddef.h>
#include "core/csv_table.h"

#define BERAKHLAK_MAX_VALUES 12
#define BERAKHLAK_MAX_INDICATORS 6

struct berakhlak_value {
	int urutan;                                   /* 1.. in display order */
	char nilai[64];                               /* "Berorientasi Pelayanan" */
	char perilaku[BERAKHLAK_MAX_INDICATORS][256]; /* as written in the file */
	size_t n_perilaku;
	char sumber[128];
};

struct berakhlak {
	struct berakhlak_value v[BERAKHLAK_MAX_VALUES];
	size_t n;
};

/* Parse a table with columns urutan, nilai, panduan_perilaku (indicators
 * separated by ';'), sumber. Rows must be numbered 1..n in order. 0, or
 * APP_EINVAL with *err filled. */
int berakhlak_load_csv(struct berakhlak *b, const char *p, size_t n, struct load_error *err);
/* The embedded data/berakhlak.csv. */
int berakhlak_load_default(struct berakhlak *b, struct load_error *err);

/* The indicators of v as one clause for reading aloud: each indicator
 * with its first letter in lower case, joined by "; " and, before the
 * last one, conj ("serta"), ending with a full stop:
 * "memahami ...; ramah, ...; serta melakukan perbaikan tiada henti."
 * Returns the length, or -1 when out is too small (out is then "" ). */
int berakhlak_clause(const struct berakhlak_value *v, const char *conj, char *out, size_t outsz);

#endif
