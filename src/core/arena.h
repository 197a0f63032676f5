/* A request-scoped arena (nginx ngx_pool_t, h2o h2o_mem_pool_t): many small
 * allocations, freed in one call when the response is done. Allocation never
 * fails (it aborts through xmalloc on OOM); every pointer it returns is
 * "arena-owned, valid until arena_release". */
#ifndef WASDAL_CORE_ARENA_H
#define WASDAL_CORE_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head;
	size_t total;  /* bytes handed out, for limits and tests */
};

#define ARENA_INIT { NULL, 0 }

void arena_init(struct arena *a);
/* Frees every allocation; the arena can be used again. */
void arena_release(struct arena *a);
/* Zero-filled, aligned for any type. */
void *arena_alloc(struct arena *a, size_t n);
char *arena_strdup(struct arena *a, const char *s);
/* Copies n bytes and adds a NUL. */
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
