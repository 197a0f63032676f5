#include "core/compat.h"
#include "app/cpns_sort.h"
#include "app/cpns_mem.h"
#include "core/xalloc.h"

unsigned cpns_bits(uint64_t v)
{
	unsigned b = 0;
	while (v) {
		b++;
		v >>= 1;
	}
	return b;
}

void cpns_radix_sort(uint64_t *key, uint32_t *val, size_t n, unsigned from_bit, unsigned bits)
{
	if (n < 2 || bits <= from_bit)
		return;
	uint64_t *k2 = cpns_big_alloc(st_mult(n, sizeof(*k2)));
	uint32_t *v2 = val ? cpns_big_alloc(st_mult(n, sizeof(*v2))) : NULL;
	/* 16-bit digits pay off only when n dwarfs the 64 Ki counters. */
	unsigned digit = n >= 65536 ? 16 : 8;
	size_t *count = xmalloc(((size_t)1 << digit) * sizeof(*count));
	uint64_t *ks = key, *kd = k2;
	uint32_t *vs = val, *vd = v2;
	for (unsigned shift = from_bit; shift < bits; shift += digit) {
		unsigned w = bits - shift < digit ? bits - shift : digit;
		size_t nb = (size_t)1 << w, mask = nb - 1;
		memset(count, 0, nb * sizeof(*count));
		for (size_t i = 0; i < n; i++)
			count[(ks[i] >> shift) & mask]++;
		size_t sum = 0;
		for (size_t b = 0; b < nb; b++) {
			size_t c = count[b];
			count[b] = sum;
			sum += c;
		}
		for (size_t i = 0; i < n; i++) {
			size_t d = count[(ks[i] >> shift) & mask]++;
			kd[d] = ks[i];
			if (vs)
				vd[d] = vs[i];
		}
		uint64_t *tk = ks; ks = kd; kd = tk;
		uint32_t *tv = vs; vs = vd; vd = tv;
	}
	if (ks != key) {
		memcpy(key, ks, n * sizeof(*key));
		if (val)
			memcpy(val, vs, n * sizeof(*val));
	}
	free(count);
	cpns_big_free(k2, n * sizeof(*k2));
	if (v2)
		cpns_big_free(v2, n * sizeof(*v2));
}
