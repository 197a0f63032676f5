#include "core/compat.h"
#include "app/cpns_data.h"
#include "app/cpns_mem.h"
#include "core/xalloc.h"

const char *const cpns_applicant_cols[PC_COUNT] = {
	"applicant_id", "nik", "formation_id", "birth_date", "kehadiran", "twk", "tiu", "tkp",
};

const char *const cpns_formation_cols[FC_COUNT] = {
	"formation_id", "instansi_id", "jabatan", "quota", "kind",
};

const char *cpns_status_code(enum cpns_status st)
{
	switch (st) {
	case CPNS_PL: return "P/L";
	case CPNS_P: return "P";
	case CPNS_TL: return "TL";
	case CPNS_TH: return "TH";
	case CPNS_DIS: return "DIS";
	case CPNS_H: return "H";
	default: return "?";
	}
}

void cpns_formasi_free(struct cpns_formasi *f)
{
	for (uint32_t i = 0; i < f->njabatan; i++)
		free(f->jabatan[i]);
	free(f->jabatan);
	free(f->v);
	free(f->slots);
	free(f->jslots);
	free(f->direct);
	memset(f, 0, sizeof(*f));
}

void cpns_peserta_free(struct cpns_peserta *p)
{
	cpns_big_free(p->v, (size_t)p->cap * sizeof(*p->v));
	cpns_big_free(p->nik, (size_t)p->cap * sizeof(*p->nik));
	cpns_big_free(p->line, (size_t)p->cap * sizeof(*p->line));
	cpns_big_free(p->order, (size_t)p->order_cap * sizeof(*p->order));
	memset(p, 0, sizeof(*p));
}

void cpns_errors_free(struct cpns_errors *e)
{
	free(e->v);
	memset(e, 0, sizeof(*e));
}

void cpns_errors_add(struct cpns_errors *e, uint32_t line, int has_aid, uint32_t aid,
		     unsigned col, unsigned reason)
{
	if (e->n == e->cap) {
		e->cap = e->cap ? 2 * e->cap : 256;
		e->v = xrealloc(e->v, st_mult(e->cap, sizeof(*e->v)));
	}
	struct cpns_error *x = &e->v[e->n++];
	x->line = line;
	x->has_aid = (uint8_t)(has_aid != 0);
	x->aid = has_aid ? aid : 0;
	x->col = (uint8_t)col;
	x->reason = (uint16_t)reason;
}

static int cmp_error(const void *a, const void *b)
{
	const struct cpns_error *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return (x->reason > y->reason) - (x->reason < y->reason);
}

void cpns_errors_sort(struct cpns_errors *e)
{
	if (e->n > 1)
		qsort(e->v, e->n, sizeof(*e->v), cmp_error);
}

static inline uint32_t hash32(uint32_t x)
{
	x ^= x >> 16;
	x *= 0x7feb352dU;
	x ^= x >> 15;
	x *= 0x846ca68bU;
	x ^= x >> 16;
	return x;
}

int64_t cpns_formasi_find_hash(const struct cpns_formasi *f, uint32_t id)
{
	if (!f->slots)
		return -1;
	for (uint32_t h = hash32(id) & f->mask;; h = (h + 1) & f->mask) {
		uint32_t s = f->slots[h];
		if (!s)
			return -1;
		if (f->v[s - 1].id == id)
			return s - 1;
	}
}
