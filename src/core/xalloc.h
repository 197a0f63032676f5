/* Allocation that never returns NULL: a server does not limp on after OOM
 * (redis zmalloc_oom_handler). Size arithmetic goes through st_add/st_mult. */
#ifndef WASDAL_CORE_XALLOC_H
#define WASDAL_CORE_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a fresh heap string; caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

size_t st_add(size_t a, size_t b);
size_t st_mult(size_t a, size_t b);

#endif
