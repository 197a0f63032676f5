/* The final stage (rules.md §5.4-5.5): integrated score, winners per
 * formation, optimalisasi. No I/O here; cpns_final_read.c fills the
 * inputs, cmd_cpns.c writes the outputs.
 *
 * Exact arithmetic: every score is a fraction num/den of unsigned 64-bit
 * integers, compared by cross-multiplying in 128 bits; nothing is rounded
 * until printing (3 decimals, half up).
 *   nilai SKB   = (w_cat * 100 * cat / cat_max + w_waw * waw + w_tam * tam) / W
 *                 (W = w_cat + w_waw + w_tam when final.skb_normalise = 1,
 *                  else 100); wawancara and tambahan are 0..100 in hundredths
 *   nilai akhir = w_skd * total / 550 + w_skb * nilai SKB / 100 */
#ifndef WASDAL_APP_CPNS_FINAL_H
#define WASDAL_APP_CPNS_FINAL_H

#include "app/cpns_data.h"
#include "app/cpns_rules.h"

/* Per-formation SKB weights in percent. */
struct cpns_weights {
	uint8_t cat, waw, tam;
};

/* Final status codes beyond the rule file's optimalisasi codes. */
enum cpns_final_status {
	CPNS_F_WIN = 1,    /* within quota in its own formation: P/L */
	CPNS_F_PASS,       /* scored, not placed: P */
	CPNS_F_ABSENT,     /* went to SKB, no SKB score: TH */
	CPNS_F_OPT_SAME,   /* optimalisasi, same instansi (code_same) */
	CPNS_F_OPT_OTHER,  /* optimalisasi, other unit/instansi (code_other) */
};

struct cpns_final_entry {
	uint32_t row;          /* peserta row */
	uint32_t form;         /* own formation index */
	uint32_t placed;       /* formation index placed in, UINT32_MAX if none */
	uint32_t rank;         /* within own formation by the final order, 0 if absent */
	uint64_t num, den;     /* nilai akhir */
	uint64_t skb_num, skb_den;
	uint16_t ipk;          /* hundredths (IPK 0-400 or ijazah average 0-10000) */
	uint8_t has_skb;
	uint8_t status;        /* enum cpns_final_status */
};

struct cpns_final {
	struct cpns_final_entry *v;
	uint32_t n, cap;
	uint32_t winners, opt_same, opt_other, open_before, open_after;
};

/* One applicant's SKB marks, as read from skb.csv. */
struct cpns_skb_marks {
	uint32_t cat, cat_max;  /* SKB-CAT raw points */
	uint16_t waw, tam;      /* hundredths, 0..10000 */
	uint8_t has_waw, has_tam;
	uint16_t ipk;
};

/* Fill e's scores from the marks; total is the SKD total. Returns 0, or a
 * catalogue reason when the marks do not fit the weights (a weighted part
 * missing). */
int cpns_final_score(const struct cpns_rules *r, unsigned total, const struct cpns_weights *w,
		     const struct cpns_skb_marks *m, struct cpns_final_entry *e);

/* <0 if a ranks before b under the final order (score, then the rule
 * file's final.tiebreak, then applicant_id so the result is reproducible). */
int cpns_final_cmp(const struct cpns_rules *r, const struct cpns_peserta *p,
		   const struct cpns_final_entry *a, const struct cpns_final_entry *b);

/* Rank within formations, pick winners up to quota, then optimalisasi:
 * 1) kebutuhan khusus non-winners into empty umum places of the same
 *    instansi and jabatan; 2) remaining non-winners into any empty place
 *    with the same jabatan (other instansi only if opt_cross_instansi).
 *    Candidates go best integrated score first. */
void cpns_final_run(const struct cpns_rules *r, const struct cpns_formasi *f,
		    const struct cpns_peserta *p, struct cpns_final *fin);

void cpns_final_free(struct cpns_final *fin);

/* "84.545" (3 decimals, half up) into out. */
void cpns_frac_format(uint64_t num, uint64_t den, char *out, size_t n);

#endif
