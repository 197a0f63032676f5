/* radix_sort_u64 (radix_sort.h): eight passes of one byte each, from the
 * lowest; one counting pass first finds every byte's histogram, and a
 * pass where all keys share the byte is skipped (NIPs share their top
 * bytes). Records move between base and one scratch array. */
#include "core/compat.h"
#include "core/radix_sort.h"
#include "core/xalloc.h"

static uint64_t key_of(const unsigned char *rec)
{
	uint64_t k;
	memcpy(&k, rec, sizeof(k));
	return k;
}

void radix_sort_u64(void *base, size_t n, size_t size)
{
	if (n < 2)
		return;
	size_t (*count)[256] = xcalloc(8, sizeof(*count));
	unsigned char *p = base;
	for (size_t i = 0; i < n; i++) {
		uint64_t k = key_of(p + i * size);
		for (int b = 0; b < 8; b++)
			count[b][(k >> (8 * b)) & 0xff]++;
	}
	unsigned char *tmp = xmalloc(st_mult(n, size));
	unsigned char *src = p, *dst = tmp;
	for (int b = 0; b < 8; b++) {
		size_t *c = count[b];
		size_t first = (key_of(src) >> (8 * b)) & 0xff;
		if (c[first] == n)
			continue; /* every key has this byte */
		size_t pos[256], sum = 0;
		for (int v = 0; v < 256; v++) {
			pos[v] = sum;
			sum += c[v];
		}
		for (size_t i = 0; i < n; i++) {
			const unsigned char *rec = src + i * size;
			size_t v = (key_of(rec) >> (8 * b)) & 0xff;
			memcpy(dst + pos[v]++ * size, rec, size);
		}
		unsigned char *t = src;
		src = dst;
		dst = t;
	}
	if (src != p)
		memcpy(p, src, n * size);
	free(tmp);
	free(count);
}
