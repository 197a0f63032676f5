#include "core/compat.h"
#include "app/cpns_write.h"
#include "app/cpns_io.h"
#include "app/cpns_sort.h"
#include "core/msg.h"
#include "core/xalloc.h"

void cpns_csv_field(struct cpns_out *o, const char *s, size_t n)
{
	if (!memchr(s, ',', n) && !memchr(s, '"', n) && !memchr(s, '\n', n) && !memchr(s, '\r', n)) {
		cpns_out_write(o, s, n);
		return;
	}
	cpns_out_write(o, "\"", 1);
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			cpns_out_write(o, "\"", 1);
		cpns_out_write(o, s + i, 1);
	}
	cpns_out_write(o, "\"", 1);
}

static inline char *put_status(char *w, uint8_t st)
{
	const char *c = cpns_status_code(st);
	size_t n = strlen(c);
	memcpy(w, c, n);
	return w + n;
}

int cpns_write_results(const char *dir, const struct cpns_formasi *f,
		       const struct cpns_peserta *p, char hex[SHA256_HEX])
{
	struct cpns_out o;
	if (cpns_write_results_begin(dir, f, p, &o, hex))
		return -1;
	return cpns_out_commit(&o, NULL);
}

int cpns_write_results_begin(const char *dir, const struct cpns_formasi *f,
			     const struct cpns_peserta *p, struct cpns_out *out, char hex[SHA256_HEX])
{
	struct cpns_out o;
	if (cpns_out_open(&o, dir, "results.csv"))
		return -1;
	static const char head[] = "applicant_id,formation_id,total,rank,status\n";
	cpns_out_write(&o, head, sizeof(head) - 1);
	uint32_t n = p->order ? p->norder : p->n;
	/* Formation ids in a dense array (1 MB stays in cache, f->v does
	 * not), or no lookup at all when the ids are consecutive. */
	uint32_t *fid = xmalloc(st_mult(f->n ? f->n : 1, sizeof(*fid)));
	for (uint32_t i = 0; i < f->n; i++)
		fid[i] = f->v[i].id;
	for (uint32_t i = 0; i < n; i++) {
		const struct cpns_applicant *a = &p->v[p->order ? p->order[i] : i];
		if (a->status == CPNS_INVALID)
			continue;
		char *w0 = cpns_out_reserve(&o, 64), *w = w0;
		w += cpns_utoa(w, a->id);
		*w++ = ',';
		w += cpns_utoa(w, f->consecutive ? f->base + a->form : fid[a->form]);
		*w++ = ',';
		if (a->status != CPNS_TH && a->status != CPNS_DIS)
			w += cpns_utoa(w, cpns_total(a));
		*w++ = ',';
		if (a->status == CPNS_PL || a->status == CPNS_P)
			w += cpns_utoa(w, a->rank);
		*w++ = ',';
		w = put_status(w, a->status);
		*w++ = '\n';
		o.n += (size_t)(w - w0);
	}
	free(fid);
	cpns_out_finish(&o, hex);
	*out = o;
	return 0;
}

int cpns_write_errors(const char *dir, const char *name, const struct cpns_errors *e,
		      const char *const *cols, unsigned ncols, char hex[SHA256_HEX])
{
	struct cpns_out o;
	if (cpns_out_open(&o, dir, name))
		return -1;
	static const char head[] = "line,applicant_id,column,reason\n";
	cpns_out_write(&o, head, sizeof(head) - 1);
	for (size_t i = 0; i < e->n; i++) {
		const struct cpns_error *x = &e->v[i];
		char num[16];
		if (x->line)
			cpns_out_write(&o, num, cpns_utoa(num, x->line));
		cpns_out_write(&o, ",", 1);
		if (x->has_aid)
			cpns_out_write(&o, num, cpns_utoa(num, x->aid));
		cpns_out_write(&o, ",", 1);
		if (x->col < ncols)
			cpns_out_write(&o, cols[x->col], strlen(cols[x->col]));
		cpns_out_write(&o, ",", 1);
		const char *why = msg(x->reason, LANG_ID);
		cpns_csv_field(&o, why, strlen(why));
		cpns_out_write(&o, "\n", 1);
	}
	return cpns_out_commit(&o, hex);
}

/* Status columns of the summary tables, in this order. */
static const uint8_t sum_status[] = { CPNS_PL, CPNS_P, CPNS_TL, CPNS_TH, CPNS_DIS };
#define NSUM ARRAY_SIZE(sum_status)

struct agg {
	uint32_t formations;
	uint64_t quota, applicants;
	uint64_t st[NSUM];
};

static void agg_add(struct agg *a, const struct agg *b)
{
	a->formations += b->formations;
	a->quota += b->quota;
	a->applicants += b->applicants;
	for (size_t i = 0; i < NSUM; i++)
		a->st[i] += b->st[i];
}

static void agg_line(struct cpns_out *o, const char *label, uint64_t id, const struct agg *a)
{
	if (label)
		cpns_csv_field(o, label, strlen(label));
	else
		cpns_out_printf(o, "%" PRIu64, id);
	cpns_out_printf(o, ",%u,%" PRIu64 ",%" PRIu64, a->formations, a->quota, a->applicants);
	for (size_t i = 0; i < NSUM; i++)
		cpns_out_printf(o, ",%" PRIu64, a->st[i]);
	cpns_out_write(o, "\n", 1);
}

static void bilingual(struct cpns_out *o, const char *prefix, enum msg_id id)
{
	cpns_out_printf(o, "%s%s / %s\n", prefix, msg(id, LANG_ID), msg(id, LANG_EN));
}

uint32_t *cpns_count_status(const struct cpns_formasi *f, const struct cpns_peserta *p)
{
	/* 8 x uint32 per formation (two formations a cache line), indexed by
	 * status value directly. */
	uint32_t (*cnt)[8] = xcalloc(f->n ? f->n : 1, sizeof(*cnt));
	for (uint32_t i = 0; i < p->n; i++) {
		const struct cpns_applicant *a = &p->v[i];
		cnt[a->form][a->status & 7]++;
	}
	return &cnt[0][0];
}

int cpns_write_summary(const char *dir, const struct cpns_rules *r, const struct cpns_formasi *f,
		       const struct cpns_peserta *p, const uint32_t *counts,
		       const struct cpns_digest *d, int nd)
{
	const uint32_t (*cnt)[8] = (const uint32_t (*)[8])counts;
	uint32_t valid = 0;
	struct agg *per = xcalloc(f->n ? f->n : 1, sizeof(*per));
	for (uint32_t i = 0; i < f->n; i++) {
		per[i].formations = 1;
		per[i].quota = f->v[i].quota;
		for (size_t s = 0; s < NSUM; s++) {
			per[i].st[s] = cnt[i][sum_status[s]];
			per[i].applicants += cnt[i][sum_status[s]];
		}
		valid += (uint32_t)per[i].applicants;
	}
	struct agg all = { 0 }, kind[CPNS_MAX_KINDS];
	memset(kind, 0, sizeof(kind));
	for (uint32_t i = 0; i < f->n; i++) {
		agg_add(&all, &per[i]);
		agg_add(&kind[f->v[i].kind], &per[i]);
	}

	struct cpns_out o;
	if (cpns_out_open(&o, dir, "summary.txt")) {
		free(per);
		return -1;
	}
	bilingual(&o, "# ", M_CPNS_SUM_TITLE);
	cpns_out_printf(&o, "rules: %s (%s)\n", r->name, r->source);
	cpns_out_printf(&o, "rows: %" PRIu32 "\nvalid: %" PRIu32 "\ninvalid: %" PRIu32 "\n",
			p->n, valid, p->n - valid);
	cpns_out_printf(&o, "formations: %u\nquota: %" PRIu64 "\n", f->n, all.quota);
	for (size_t s = 0; s < NSUM; s++)
		cpns_out_printf(&o, "status %s: %" PRIu64 "\n", cpns_status_code(sum_status[s]), all.st[s]);

	static const char cols[] = ",formations,quota,applicants,P/L,P,TL,TH,DIS\n";
	cpns_out_write(&o, "\n", 1);
	bilingual(&o, "# ", M_CPNS_SUM_PER_KIND);
	cpns_out_printf(&o, "kind%s", cols);
	for (int k = 0; k < r->nkinds; k++)
		agg_line(&o, r->kinds[k].name, 0, &kind[k]);

	/* Per instansi, in instansi_id order: sort formation indexes by id. */
	cpns_out_write(&o, "\n", 1);
	bilingual(&o, "# ", M_CPNS_SUM_PER_INSTANSI);
	cpns_out_printf(&o, "instansi_id%s", cols);
	uint64_t *key = xmalloc(st_mult(f->n ? f->n : 1, sizeof(*key)));
	for (uint32_t i = 0; i < f->n; i++)
		key[i] = (uint64_t)f->v[i].instansi << 32 | i;
	cpns_radix_sort(key, NULL, f->n, 32, 64);
	for (uint32_t i = 0; i < f->n;) {
		uint32_t inst = (uint32_t)(key[i] >> 32);
		struct agg a = { 0 };
		for (; i < f->n && key[i] >> 32 == inst; i++)
			agg_add(&a, &per[(uint32_t)key[i]]);
		agg_line(&o, NULL, inst, &a);
	}
	free(key);
	free(per);

	cpns_out_write(&o, "\n", 1);
	bilingual(&o, "# ", M_CPNS_SUM_DIGESTS);
	for (int i = 0; i < nd; i++)
		cpns_out_printf(&o, "sha256 %s %s %s\n", d[i].name, d[i].hex, d[i].path);
	return cpns_out_commit(&o, NULL);
}
