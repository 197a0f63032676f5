/* Writers of the published SKD result: DIR/results.csv, DIR/errors.csv and
 * DIR/summary.txt, each written atomically (cpns_io.h). The formats are in
 * docs/cpns.md; summary.txt carries the SHA-256 lines that `wasdal cpns
 * verify` and the later `publish` check. */
#ifndef WASDAL_APP_CPNS_WRITE_H
#define WASDAL_APP_CPNS_WRITE_H

#include "app/cpns_data.h"
#include "app/cpns_rules.h"
#include "crypto/sha256.h"

/* results.csv: applicant_id,formation_id,total,rank,status, valid rows in
 * applicant_id order. */
int cpns_write_results(const char *dir, const struct cpns_formasi *f,
		       const struct cpns_peserta *p, char hex[SHA256_HEX]);

/* The same, written and hashed but not yet fsync'd and renamed: the caller
 * finishes with cpns_out_commit(out, NULL) (or cpns_out_abort). */
struct cpns_out;
int cpns_write_results_begin(const char *dir, const struct cpns_formasi *f,
			     const struct cpns_peserta *p, struct cpns_out *out, char hex[SHA256_HEX]);

/* errors.csv: line,applicant_id,column,reason (reason in Bahasa Indonesia).
 * cols names the columns of the file the errors belong to. */
int cpns_write_errors(const char *dir, const char *name, const struct cpns_errors *e,
		      const char *const *cols, unsigned ncols, char hex[SHA256_HEX]);

struct cpns_digest {
	const char *name;  /* "formasi", "peserta", "results", "errors" */
	const char *path;  /* absolute for inputs, relative to DIR for outputs */
	char hex[SHA256_HEX];
};

/* Per formation, 8 counters indexed by enum cpns_status (f->n x 8, caller
 * frees). Kept apart so it can run on another thread while results.csv is
 * being written. */
uint32_t *cpns_count_status(const struct cpns_formasi *f, const struct cpns_peserta *p);

int cpns_write_summary(const char *dir, const struct cpns_rules *r, const struct cpns_formasi *f,
		       const struct cpns_peserta *p, const uint32_t *counts,
		       const struct cpns_digest *d, int nd);

/* Append s as one CSV field (quoted when it holds , " CR or LF). */
void cpns_csv_field(struct cpns_out *o, const char *s, size_t n);

#endif
