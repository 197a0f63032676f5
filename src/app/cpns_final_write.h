/* Writers of `wasdal cpns final`: DIR/final.csv (one row per applicant who
 * went to SKB, by applicant_id) and DIR/final-summary.txt (counts and the
 * SHA-256 lines that `wasdal cpns verify` checks). Atomic, like rank. */
#ifndef WASDAL_APP_CPNS_FINAL_WRITE_H
#define WASDAL_APP_CPNS_FINAL_WRITE_H

#include "app/cpns_final.h"
#include "app/cpns_write.h"

/* final.csv: applicant_id,formation_id,skd_total,skb,final,rank,status,placed_formation_id */
int cpns_write_final(const char *dir, const struct cpns_rules *r, const struct cpns_formasi *f,
		     const struct cpns_peserta *p, const struct cpns_final *fin, char hex[SHA256_HEX]);

int cpns_write_final_summary(const char *dir, const struct cpns_rules *r, const struct cpns_final *fin,
			     const struct cpns_digest *d, int nd);

/* The code printed for a final status. */
const char *cpns_final_code(const struct cpns_rules *r, unsigned status);

#endif
