#include "core/compat.h"
#include "app/cpns_final.h"
#include "core/msg.h"
#include "core/xalloc.h"

typedef unsigned __int128 u128;

int cpns_final_score(const struct cpns_rules *r, unsigned total, const struct cpns_weights *w,
		     const struct cpns_skb_marks *m, struct cpns_final_entry *e)
{
	if (w->waw && !m->has_waw)
		return M_CPNS_E_SKB_PART_MISSING;
	if (w->tam && !m->has_tam)
		return M_CPNS_E_SKB_PART_MISSING;
	if (!m->cat_max || m->cat > m->cat_max)
		return M_CPNS_E_SCORE_RANGE;
	uint64_t W = r->skb_normalise ? (uint64_t)w->cat + w->waw + w->tam : 100;
	if (!W)
		return M_CPNS_E_WEIGHTS;
	uint64_t cmax = m->cat_max;
	/* SKB = A / (100 * cmax * W): cat/cmax*100 and waw/100 (hundredths)
	 * on the common denominator 100 * cmax. */
	uint64_t A = (uint64_t)w->cat * 10000u * m->cat +
		     ((uint64_t)w->waw * (m->has_waw ? m->waw : 0) +
		      (uint64_t)w->tam * (m->has_tam ? m->tam : 0)) * cmax;
	e->skb_num = A;
	e->skb_den = 100u * cmax * W;
	/* final = w_skd * T / Tmax + w_skb * SKB / 100
	 *       = (w_skd * T * 10000 * cmax * W + Tmax * w_skb * A) / (Tmax * 10000 * cmax * W) */
	uint64_t tmax = cpns_rules_total_max(r);
	e->num = (uint64_t)r->w_skd * total * 10000u * cmax * W + tmax * r->w_skb * A;
	e->den = tmax * 10000u * cmax * W;
	e->ipk = m->ipk;
	e->has_skb = 1;
	return 0;
}

static int frac_cmp(uint64_t an, uint64_t ad, uint64_t bn, uint64_t bd)
{
	u128 x = (u128)an * bd, y = (u128)bn * ad;
	return x < y ? -1 : x > y;
}

static unsigned field(const struct cpns_applicant *a, unsigned f)
{
	switch (f) {
	case CPNS_TWK: return a->twk;
	case CPNS_TIU: return a->tiu;
	case CPNS_TKP: return a->tkp;
	default: return cpns_total(a);
	}
}

int cpns_final_cmp(const struct cpns_rules *r, const struct cpns_peserta *p,
		   const struct cpns_final_entry *a, const struct cpns_final_entry *b)
{
	if (a->has_skb != b->has_skb)
		return a->has_skb ? -1 : 1;
	if (a->has_skb) {
		int c = frac_cmp(a->num, a->den, b->num, b->den);
		if (c)
			return -c; /* higher first */
	}
	const struct cpns_applicant *x = &p->v[a->row], *y = &p->v[b->row];
	for (int i = 0; i < r->nfinal_tiebreak; i++) {
		unsigned f = r->final_tiebreak[i];
		if (f < CPNS_NFIELD) {
			unsigned u = field(x, f), v = field(y, f);
			if (u != v)
				return u > v ? -1 : 1;
		} else if (f == CPNS_TB_IPK) {
			if (a->ipk != b->ipk)
				return a->ipk > b->ipk ? -1 : 1;
		} else if (f == CPNS_TB_OLDER) {
			if (x->birth != y->birth)
				return x->birth < y->birth ? -1 : 1; /* earlier date = older */
		}
	}
	/* Not a rule: only so that the output never depends on input order. */
	return x->id < y->id ? -1 : x->id > y->id;
}

/* Context of the qsort_r comparators below. */
struct sort_ctx {
	const struct cpns_rules *r;
	const struct cpns_peserta *p;
	const struct cpns_formasi *f;
	const struct cpns_final_entry *v;
};

static int cmp_own(const void *pa, const void *pb, void *arg)
{
	const struct sort_ctx *c = arg;
	const struct cpns_final_entry *a = pa, *b = pb;
	if (a->form != b->form)
		return a->form < b->form ? -1 : 1;
	return cpns_final_cmp(c->r, c->p, a, b);
}

static int cmp_idx(const void *pa, const void *pb, void *arg)
{
	const struct sort_ctx *c = arg;
	uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;
	return cpns_final_cmp(c->r, c->p, &c->v[a], &c->v[b]);
}

/* Open formations sorted by (jabatan, instansi, id), for range lookups. */
static int cmp_open(const void *pa, const void *pb, void *arg)
{
	const struct sort_ctx *c = arg;
	const struct cpns_formation *a = &c->f->v[*(const uint32_t *)pa], *b = &c->f->v[*(const uint32_t *)pb];
	if (a->jabatan != b->jabatan)
		return a->jabatan < b->jabatan ? -1 : 1;
	if (a->instansi != b->instansi)
		return a->instansi < b->instansi ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* First index in open[0..n) whose (jabatan, instansi) >= the key. */
static size_t lower(const struct cpns_formasi *f, const uint32_t *open, size_t n,
		    uint32_t jabatan, uint64_t inst)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct cpns_formation *m = &f->v[open[mid]];
		if (m->jabatan < jabatan || (m->jabatan == jabatan && m->instansi < inst))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void cpns_final_run(const struct cpns_rules *r, const struct cpns_formasi *f,
		    const struct cpns_peserta *p, struct cpns_final *fin)
{
	struct sort_ctx ctx = { r, p, f, fin->v };
	fin->winners = fin->opt_same = fin->opt_other = fin->open_before = fin->open_after = 0;
	if (fin->n > 1)
		qsort_r(fin->v, fin->n, sizeof(*fin->v), cmp_own, &ctx);
	uint32_t *left = xcalloc(f->n ? f->n : 1, sizeof(*left));
	for (uint32_t i = 0; i < f->n; i++)
		left[i] = f->v[i].quota;
	for (uint32_t i = 0; i < fin->n;) {
		uint32_t form = fin->v[i].form, k = 0, j = i;
		for (; j < fin->n && fin->v[j].form == form; j++) {
			struct cpns_final_entry *e = &fin->v[j];
			e->placed = UINT32_MAX;
			if (!e->has_skb) {
				e->status = CPNS_F_ABSENT;
				e->rank = 0;
				continue;
			}
			e->rank = ++k;
			if (left[form]) {
				left[form]--;
				e->status = CPNS_F_WIN;
				e->placed = form;
				fin->winners++;
			} else {
				e->status = CPNS_F_PASS;
			}
		}
		i = j;
	}

	/* Candidates (scored, not winners), best integrated score first. */
	uint32_t *cand = xmalloc(st_mult(fin->n ? fin->n : 1, sizeof(*cand)));
	uint32_t nc = 0;
	for (uint32_t i = 0; i < fin->n; i++)
		if (fin->v[i].status == CPNS_F_PASS)
			cand[nc++] = i;
	if (nc > 1)
		qsort_r(cand, nc, sizeof(*cand), cmp_idx, &ctx);
	/* Open places: all formations with places left (step 2), and the
	 * umum ones among them (step 1). */
	uint32_t *open = xmalloc(st_mult(f->n ? f->n : 1, sizeof(*open)));
	uint32_t *openu = xmalloc(st_mult(f->n ? f->n : 1, sizeof(*openu)));
	size_t no = 0, nu = 0;
	for (uint32_t i = 0; i < f->n; i++) {
		if (!left[i])
			continue;
		fin->open_before += left[i];
		open[no++] = i;
		if (!r->kinds[f->v[i].kind].khusus)
			openu[nu++] = i;
	}
	if (no > 1)
		qsort_r(open, no, sizeof(*open), cmp_open, &ctx);
	if (nu > 1)
		qsort_r(openu, nu, sizeof(*openu), cmp_open, &ctx);
	if (r->optimalisasi) {
		/* Step 1: kebutuhan khusus into umum, same instansi and jabatan. */
		for (uint32_t c = 0; c < nc; c++) {
			struct cpns_final_entry *e = &fin->v[cand[c]];
			const struct cpns_formation *own = &f->v[e->form];
			if (!r->kinds[own->kind].khusus)
				continue;
			for (size_t i = lower(f, openu, nu, own->jabatan, own->instansi); i < nu; i++) {
				const struct cpns_formation *t = &f->v[openu[i]];
				if (t->jabatan != own->jabatan || t->instansi != own->instansi)
					break;
				if (left[openu[i]]) {
					left[openu[i]]--;
					e->placed = openu[i];
					e->status = CPNS_F_OPT_SAME;
					fin->opt_same++;
					break;
				}
			}
		}
		/* Step 2: any remaining candidate into any place left with the
		 * same jabatan, same instansi first, then others in order. A
		 * per-jabatan cursor skips places already full (they never
		 * reopen), so the scan is linear overall. */
		size_t *jcur = xmalloc(st_mult(f->njabatan ? f->njabatan : 1, sizeof(*jcur)));
		for (uint32_t j = 0; j < f->njabatan; j++)
			jcur[j] = lower(f, open, no, j, 0);
		for (uint32_t c = 0; c < nc; c++) {
			struct cpns_final_entry *e = &fin->v[cand[c]];
			if (e->status != CPNS_F_PASS)
				continue;
			const struct cpns_formation *own = &f->v[e->form];
			uint32_t pick = UINT32_MAX;
			for (size_t i = lower(f, open, no, own->jabatan, own->instansi); i < no; i++) {
				const struct cpns_formation *t = &f->v[open[i]];
				if (t->jabatan != own->jabatan || t->instansi != own->instansi)
					break;
				if (left[open[i]]) {
					pick = open[i];
					break;
				}
			}
			if (pick == UINT32_MAX && r->opt_cross_instansi) {
				size_t i = jcur[own->jabatan];
				while (i < no && f->v[open[i]].jabatan == own->jabatan && !left[open[i]])
					i++;
				jcur[own->jabatan] = i;
				if (i < no && f->v[open[i]].jabatan == own->jabatan)
					pick = open[i];
			}
			if (pick == UINT32_MAX)
				continue;
			left[pick]--;
			e->placed = pick;
			e->status = CPNS_F_OPT_OTHER;
			fin->opt_other++;
		}
		free(jcur);
	}
	for (uint32_t i = 0; i < f->n; i++)
		fin->open_after += left[i];
	free(open);
	free(openu);
	free(cand);
	free(left);
}

void cpns_final_free(struct cpns_final *fin)
{
	free(fin->v);
	memset(fin, 0, sizeof(*fin));
}

void cpns_frac_format(uint64_t num, uint64_t den, char *out, size_t n)
{
	if (!den) {
		snprintf(out, n, "%s", "");
		return;
	}
	u128 q = ((u128)num * 2000 + den) / ((u128)den * 2);
	uint64_t v = (uint64_t)q;
	snprintf(out, n, "%" PRIu64 ".%03" PRIu64, v / 1000, v % 1000);
}
