/* An applicant checks their own CPNS result (GET/POST /cpns/hasil, POST
 * /api/v1/cpns/hasil): registration number (applicant_id) and NIK in, the
 * row of the newest publication out, with the cut-off of the applicant's
 * formation. Nothing about anyone else is ever returned.
 *
 * - A wrong NIK answers exactly like an unknown applicant_id (APP_ENOTFOUND,
 *   the same work done: the NIK is hashed and compared in constant time
 *   either way), so the form cannot be used to learn who applied.
 * - Rate limited per client and per applicant_id (store_rate_hit, shared by
 *   every server): APP_EBUSY when over, before anything is looked up.
 * - The NIK is never logged or stored; only its salted hash is compared. */
#ifndef WASDAL_APP_CPNS_RESULT_H
#define WASDAL_APP_CPNS_RESULT_H

#include <stdint.h>
#include "store/store.h"

struct cpns_result {
	int64_t applicant_id;
	int64_t formation_id;
	char status[4];         /* P/L P TL TH DIS */
	int total;              /* -1 for TH and DIS */
	int rank;               /* 0 unless passed */
	int quota;
	int pl_count;
	int cutoff_total;       /* lowest total with P/L in the formation, -1 none */
	/* the publication */
	char label[128];
	int64_t published_ms;
	char sha_formasi[65], sha_peserta[65], sha_results[65];
};

/* 1 when s is a registration number we accept (1..4294967295, digits only). */
int cpns_result_valid_id(const char *s);
/* 1 when s is exactly 16 digits. */
int cpns_result_valid_nik(const char *s);

/* 0 and *out filled; APP_EINVAL (malformed id or NIK), APP_ENOTFOUND
 * (unknown, wrong NIK, or nothing published yet), APP_EBUSY (rate limit),
 * or a store error. client_key is only a rate-limit key. */
int cpns_result_lookup(struct store *s, const char *client_key, const char *applicant_id,
		       const char *nik, int64_t now_ms, struct cpns_result *out);

#endif
