/* Inputs of `wasdal cpns final`, validated like applicants.csv (one error
 * per bad column, line numbers of the file):
 *   skb.csv    applicant_id,skb_cat,skb_cat_max,wawancara,tambahan,ipk
 *   bobot.csv  formation_id,skb_cat,wawancara,tambahan   (percent)
 * and the check that a published results.csv is what re-ranking the same
 * formations and applicants gives. Formats in docs/cpns.md. */
#ifndef WASDAL_APP_CPNS_FINAL_READ_H
#define WASDAL_APP_CPNS_FINAL_READ_H

#include "app/cpns_data.h"
#include "app/cpns_final.h"
#include "app/cpns_rules.h"

enum { SC_AID, SC_CAT, SC_CAT_MAX, SC_WAW, SC_TAM, SC_IPK, SC_COUNT };
enum { WC_FORM, WC_CAT, WC_WAW, WC_TAM, WC_COUNT };
extern const char *const cpns_skb_cols[SC_COUNT];
extern const char *const cpns_weight_cols[WC_COUNT];

/* w: f->n entries, pre-filled with the rule file's defaults. */
int cpns_read_weights(const char *data, size_t len, const struct cpns_rules *r,
		      const struct cpns_formasi *f, struct cpns_weights *w, struct cpns_errors *errs);

/* Makes one entry per P/L applicant of the ranked p, then reads skb.csv
 * into them (scores computed with w). */
int cpns_read_skb(const char *data, size_t len, const struct cpns_rules *r,
		  const struct cpns_peserta *p, const struct cpns_weights *w,
		  struct cpns_final *fin, struct cpns_errors *errs);

/* Compare results.csv with the ranked p; errors name the differing rows.
 * Returns CPNS_BAD_HEADER or the number of differences. */
long cpns_check_skd(const char *data, size_t len, const struct cpns_formasi *f,
		    const struct cpns_peserta *p, struct cpns_errors *errs);

/* "80", "80.5", "80.25" -> hundredths in [0, max]; -1 if not that. */
long cpns_parse_hundredths(const char *s, size_t n, long max);

#endif
