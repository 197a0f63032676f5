/* Large arrays for the CPNS batch (tens of MB each): anonymous mappings
 * with transparent huge pages requested, because with 4 KiB pages the
 * first touch of 4 million rows costs tens of thousands of page faults,
 * about a tenth of the whole run. Never returns NULL (like xmalloc). */
#ifndef WASDAL_APP_CPNS_MEM_H
#define WASDAL_APP_CPNS_MEM_H

#include <stddef.h>

void *cpns_big_alloc(size_t n);
void *cpns_big_realloc(void *p, size_t old, size_t n);
void cpns_big_free(void *p, size_t n);

#endif
