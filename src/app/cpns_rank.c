#include "core/compat.h"
#include "app/cpns_rank.h"
#include "app/cpns_sort.h"
#include "app/cpns_mem.h"
#include "core/xalloc.h"

static inline unsigned field_value(const struct cpns_applicant *a, unsigned f)
{
	switch (f) {
	case CPNS_TWK: return a->twk;
	case CPNS_TIU: return a->tiu;
	case CPNS_TKP: return a->tkp;
	default: return cpns_total(a);
	}
}

int cpns_passes(const struct cpns_rules *r, unsigned kind, const struct cpns_applicant *a)
{
	const int16_t *min = r->kinds[kind].min;
	for (unsigned f = 0; f < CPNS_NFIELD; f++)
		if (min[f] >= 0 && field_value(a, f) < (unsigned)min[f])
			return 0;
	return 1;
}

/* Sub-tests are stored divided by their step so the key stays small:
 * 2024 needs 10 (total) + 8 (tkp) + 6 (tiu) + 5 (twk) = 29 bits. */
static unsigned field_bits(const struct cpns_rules *r, unsigned f)
{
	if (f == CPNS_TOTAL)
		return cpns_bits(cpns_rules_total_max(r));
	return cpns_bits(r->max[f] / r->step[f]);
}

unsigned cpns_rank_key_bits(const struct cpns_rules *r)
{
	unsigned b = 0;
	for (int i = 0; i < r->ntiebreak; i++)
		b += field_bits(r, r->tiebreak[i]);
	return b;
}

uint64_t cpns_rank_key(const struct cpns_rules *r, const struct cpns_applicant *a)
{
	uint64_t k = 0;
	for (int i = 0; i < r->ntiebreak; i++) {
		unsigned f = r->tiebreak[i];
		unsigned v = field_value(a, f);
		if (f != CPNS_TOTAL)
			v /= r->step[f];
		k = k << field_bits(r, f) | v;
	}
	return k;
}

void cpns_rank(const struct cpns_rules *r, const struct cpns_formasi *fs, struct cpns_peserta *p)
{
	unsigned kbits = cpns_rank_key_bits(r);
	unsigned fbits = cpns_bits(fs->n);
	uint64_t kmax = ((uint64_t)1 << kbits) - 1;
	/* kbits <= 34 and fbits <= 30 (formations come from a file whose
	 * rows are counted in uint32), so the pair fits 64 bits. */
	size_t np = 0;
	/* One byte per formation stays in cache; fs->v does not. */
	uint8_t *kind = xmalloc(fs->n ? fs->n : 1);
	for (uint32_t i = 0; i < fs->n; i++)
		kind[i] = fs->v[i].kind;
	for (uint32_t i = 0; i < p->n; i++) {
		struct cpns_applicant *a = &p->v[i];
		if (a->status != CPNS_H)
			continue;
		if (cpns_passes(r, kind[a->form], a))
			np++;
		else
			a->status = CPNS_TL;
	}
	free(kind);
	uint64_t *key = cpns_big_alloc(st_mult(np ? np : 1, sizeof(*key)));
	uint32_t *row = cpns_big_alloc(st_mult(np ? np : 1, sizeof(*row)));
	size_t k = 0;
	for (uint32_t i = 0; i < p->n; i++) {
		const struct cpns_applicant *a = &p->v[i];
		if (a->status != CPNS_H)
			continue;
		/* Ascending sort of (formation, kmax - key) is formation order,
		 * best first; the radix sort is stable, so equal keys keep row
		 * order (which does not matter: they share a rank). */
		key[k] = (uint64_t)a->form << kbits | (kmax - cpns_rank_key(r, a));
		row[k++] = i;
	}
	cpns_radix_sort(key, row, np, 0, kbits + fbits);
	for (size_t i = 0; i < np;) {
		uint64_t form = key[i] >> kbits;
		uint32_t cut = (uint32_t)fs->v[form].quota * r->skb_multiplier;
		uint32_t rank = 1;
		size_t j = i;
		for (; j < np && key[j] >> kbits == form; j++) {
			if (j > i && key[j] != key[j - 1])
				rank = (uint32_t)(j - i) + 1;
			struct cpns_applicant *a = &p->v[row[j]];
			a->rank = rank;
			a->status = rank <= cut ? CPNS_PL : CPNS_P;
		}
		i = j;
	}
	cpns_big_free(key, (np ? np : 1) * sizeof(*key));
	cpns_big_free(row, (np ? np : 1) * sizeof(*row));
}
