/* Sanctions for neutrality violations: the levels of PP 42/2004 (sanksi
 * moral) and PP 94/2021 (hukuman disiplin ringan/sedang/berat) plus PTDH,
 * ordered by severity, and the two checks BKN makes on what a PPK imposed
 * (rules.md §1.3 step 6 and §2.3): not lighter than recommended, and heavier
 * than the last one for a repeat offence. The concrete sanction types are
 * data (data/netralitas/hukuman.csv); only the order of levels is code,
 * because the regulations define it. */
#ifndef WASDAL_APP_SANCTION_H
#define WASDAL_APP_SANCTION_H

#include <stddef.h>

enum sanction_level {
	SANCTION_NONE = 0,
	SANCTION_MORAL = 1,   /* PP 42/2004 Pasal 15 */
	SANCTION_RINGAN = 2,  /* PP 94/2021 Pasal 8(2) */
	SANCTION_SEDANG = 3,  /* PP 94/2021 Pasal 8(3) */
	SANCTION_BERAT = 4,   /* PP 94/2021 Pasal 8(4) */
	SANCTION_PTDH = 5,    /* UU 5/2014 Pasal 87(4) */
};

enum sanction_level sanction_level_parse(const char *s);
const char *sanction_level_name(enum sanction_level l);

/* One sanction type (a row of hukuman.csv). rank orders types across
 * levels: a higher rank is heavier. */
struct sanction_type {
	char code[24];
	enum sanction_level level;
	int rank;
	char description[160];
	char legal_basis[120];
	char grade[4];
};

enum sanction_flag {
	SANCTION_OK = 0,
	SANCTION_LIGHTER_THAN_RECOMMENDED = 1 << 0,
	SANCTION_REPEAT_NOT_HEAVIER = 1 << 1,
};

/* Flags for an imposed sanction: recommended is the level BKN recommended;
 * previous are the employee's earlier sanctions (any case), of which the
 * heaviest must be exceeded (PP 94/2021: a repeat of the same type draws a
 * heavier sanction than the last). */
unsigned sanction_check(const struct sanction_type *imposed, enum sanction_level recommended,
			const struct sanction_type *const *previous, size_t nprevious);

#endif
