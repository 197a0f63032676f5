/* Reading and validating formations.csv and applicants.csv into the model
 * of cpns_data.h. Every invalid row becomes one or more cpns_error entries
 * (one per bad column; one for the whole row when the field count is wrong
 * or a quote is malformed); invalid rows stay in the table with status
 * CPNS_INVALID so that duplicate checks can name every partner. */
#ifndef WASDAL_APP_CPNS_VALID_H
#define WASDAL_APP_CPNS_VALID_H

#include "app/cpns_data.h"
#include "app/cpns_rules.h"

/* Called now and then with the input bytes consumed so far. */
typedef void (*cpns_progress_fn)(void *ctx, size_t done, size_t total);

/* Header mismatch: returned when the first record is not the expected
 * column list (nothing else is read). */
#define CPNS_BAD_HEADER (-100)

int cpns_read_formasi(const char *data, size_t len, const struct cpns_rules *r,
		      struct cpns_formasi *out, struct cpns_errors *errs);

/* Reads every row, then marks duplicate nik / applicant_id rows (every
 * row of a duplicated value) and fills out->order. */
int cpns_read_peserta(const char *data, size_t len, const struct cpns_rules *r,
		      const struct cpns_formasi *f, struct cpns_peserta *out,
		      struct cpns_errors *errs, cpns_progress_fn progress, void *ctx);

/* The duplicate pass alone (cpns_read_peserta calls it): exposed for tests. */
void cpns_mark_duplicates(struct cpns_peserta *p, struct cpns_errors *errs);

#endif
