/* LSD radix sorts for the CPNS batch: linear in the number of rows, stable,
 * 16 bits per pass (8 for small inputs), only as many passes as the keys
 * need. */
#ifndef WASDAL_APP_CPNS_SORT_H
#define WASDAL_APP_CPNS_SORT_H

#include <stddef.h>
#include <stdint.h>

/* Sort keys ascending on their low `bits` bits (the rest must be zero, or
 * are ignored when from_bit > 0: only bits [from_bit, bits) are sorted).
 * val (may be NULL) moves with its key. Stable. */
void cpns_radix_sort(uint64_t *key, uint32_t *val, size_t n, unsigned from_bit, unsigned bits);

/* Bits needed to hold v (0 for v == 0). */
unsigned cpns_bits(uint64_t v);

#endif
