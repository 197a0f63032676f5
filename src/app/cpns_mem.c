#include "core/compat.h"
#include "app/cpns_mem.h"
#include "core/xalloc.h"
#include <sys/mman.h>

/* Below this, malloc is as good. */
#define BIG (1u << 21)

static void oom(void)
{
	/* xmalloc's policy: a batch job does not limp on after OOM. */
	fputs("wasdal: out of memory\n", stderr);
	abort();
}

void *cpns_big_alloc(size_t n)
{
	if (n < BIG)
		return xmalloc(n ? n : 1);
	void *p = mmap(NULL, n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		oom();
#ifdef MADV_HUGEPAGE
	madvise(p, n, MADV_HUGEPAGE);
#endif
	return p;
}

void *cpns_big_realloc(void *p, size_t old, size_t n)
{
	if (!p)
		return cpns_big_alloc(n);
	if (old < BIG || n < BIG) {
		void *q = cpns_big_alloc(n);
		memcpy(q, p, old < n ? old : n);
		cpns_big_free(p, old);
		return q;
	}
	void *q = mremap(p, old, n, MREMAP_MAYMOVE);
	if (q == MAP_FAILED)
		oom();
#ifdef MADV_HUGEPAGE
	madvise(q, n, MADV_HUGEPAGE);
#endif
	return q;
}

void cpns_big_free(void *p, size_t n)
{
	if (!p)
		return;
	if (n < BIG)
		free(p);
	else
		munmap(p, n);
}
