/* CPNS rule set (passing grades, score scales, tie-break orders, final
 * weights, optimalisasi switches), loaded from a small "key = value" file
 * so that a new year is a new data file (data/cpns/rules-YYYY.conf, embedded
 * in the binary) and not new code. The format is in docs/cpns.md. */
#ifndef WASDAL_APP_CPNS_RULES_H
#define WASDAL_APP_CPNS_RULES_H

#include <stddef.h>
#include <stdint.h>

/* SKD fields, in the column order of applicants.csv; TOTAL is their sum. */
enum cpns_field { CPNS_TWK, CPNS_TIU, CPNS_TKP, CPNS_TOTAL, CPNS_NFIELD };
/* Extra final tie-break keys after the SKD fields. */
enum { CPNS_TB_IPK = CPNS_NFIELD, CPNS_TB_OLDER, CPNS_TB_COUNT };

#define CPNS_MAX_KINDS 16
#define CPNS_KIND_NAME 24
#define CPNS_CODE_LEN 16

struct cpns_kind {
	char name[CPNS_KIND_NAME];
	int16_t min[CPNS_NFIELD];  /* -1: no minimum on that field */
	uint8_t khusus;            /* kebutuhan khusus (optimalisasi source) */
};

struct cpns_rules {
	char name[32];
	char source[128];
	uint16_t max[3], step[3];  /* per sub-test; max <= 255 (packed uint8) */
	uint16_t skb_multiplier;
	uint8_t tiebreak[CPNS_NFIELD];
	int ntiebreak;
	struct cpns_kind kinds[CPNS_MAX_KINDS];
	int nkinds;
	/* final */
	uint16_t w_skd, w_skb;     /* percent, sum 100 */
	uint16_t max_cat, max_wawancara, max_tambahan; /* percent caps */
	uint8_t def_weights[3];    /* skb_cat wawancara tambahan, percent */
	int skb_normalise;         /* divide the SKB sum by the weights used */
	uint8_t final_tiebreak[CPNS_TB_COUNT];
	int nfinal_tiebreak;
	int optimalisasi, opt_cross_instansi;
	char code_same[CPNS_CODE_LEN], code_other[CPNS_CODE_LEN];
};

/* Parse a rule file held in memory. Returns 0, or -1 with *err_line (1-based)
 * and *err_msg (a catalogue id) set. Every key is required except the
 * final and optimalisasi ones, which have the 2024 defaults. */
int cpns_rules_parse(const char *text, size_t len, struct cpns_rules *r,
		     int *err_line, int *err_msg);

/* spec is a year ("2024": the embedded data/cpns/rules-2024.conf) or a
 * path to a rule file. Errors are printed (bilingual catalogue) to stderr
 * prefixed by the file name. Returns 0 or an enum app_err. */
int cpns_rules_load(const char *spec, struct cpns_rules *r);

/* Index of a kind by name, or -1. */
int cpns_rules_kind(const struct cpns_rules *r, const char *name, size_t n);

/* The sum of sub-test maxima (550 in 2024). */
unsigned cpns_rules_total_max(const struct cpns_rules *r);

#endif
