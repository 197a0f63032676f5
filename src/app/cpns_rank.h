/* The SKD ranking engine (rules.md §5.2-5.3): passing grade per formation
 * kind, then within each formation by the rule set's tie-break order (all
 * descending), competition ranking (1, 2, 2, 4), and everyone ranked
 * within skb_multiplier x quota goes to SKB, so ties at the cut-off all go
 * through. No I/O here. Linear: one radix sort on (formation, key). */
#ifndef WASDAL_APP_CPNS_RANK_H
#define WASDAL_APP_CPNS_RANK_H

#include "app/cpns_data.h"
#include "app/cpns_rules.h"

/* True if a (status H) meets the passing grade of kind. */
int cpns_passes(const struct cpns_rules *r, unsigned kind, const struct cpns_applicant *a);

/* The comparison key of the tie-break order, larger is better, and the
 * number of bits it uses (at most 34 with sub-test maxima <= 255). */
uint64_t cpns_rank_key(const struct cpns_rules *r, const struct cpns_applicant *a);
unsigned cpns_rank_key_bits(const struct cpns_rules *r);

/* Rank every CPNS_H row of p in place: status becomes P/L, P or TL and rank
 * is set for those who passed. Other rows are left alone. */
void cpns_rank(const struct cpns_rules *r, const struct cpns_formasi *f, struct cpns_peserta *p);

#endif
