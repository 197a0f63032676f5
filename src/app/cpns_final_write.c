#include "core/compat.h"
#include "app/cpns_final_write.h"
#include "app/cpns_io.h"
#include "core/msg.h"
#include "core/xalloc.h"

const char *cpns_final_code(const struct cpns_rules *r, unsigned status)
{
	switch (status) {
	case CPNS_F_WIN: return "P/L";
	case CPNS_F_PASS: return "P";
	case CPNS_F_ABSENT: return "TH";
	case CPNS_F_OPT_SAME: return r->code_same;
	case CPNS_F_OPT_OTHER: return r->code_other;
	default: return "?";
	}
}

static int cmp_id(const void *a, const void *b, void *arg)
{
	const struct cpns_peserta *p = arg;
	const struct cpns_final_entry *x = a, *y = b;
	uint32_t u = p->v[x->row].id, v = p->v[y->row].id;
	return u < v ? -1 : u > v;
}

int cpns_write_final(const char *dir, const struct cpns_rules *r, const struct cpns_formasi *f,
		     const struct cpns_peserta *p, const struct cpns_final *fin, char hex[SHA256_HEX])
{
	struct cpns_final_entry *v = xmalloc(st_mult(fin->n ? fin->n : 1, sizeof(*v)));
	memcpy(v, fin->v, (size_t)fin->n * sizeof(*v));
	if (fin->n > 1)
		qsort_r(v, fin->n, sizeof(*v), cmp_id, (void *)p);
	struct cpns_out o;
	if (cpns_out_open(&o, dir, "final.csv")) {
		free(v);
		return -1;
	}
	cpns_out_printf(&o, "applicant_id,formation_id,skd_total,skb,final,rank,status,placed_formation_id\n");
	for (uint32_t i = 0; i < fin->n; i++) {
		const struct cpns_final_entry *e = &v[i];
		const struct cpns_applicant *a = &p->v[e->row];
		char skb[32] = "", fs[32] = "", rk[12] = "", pl[12] = "";
		if (e->has_skb) {
			cpns_frac_format(e->skb_num, e->skb_den, skb, sizeof(skb));
			cpns_frac_format(e->num, e->den, fs, sizeof(fs));
			snprintf(rk, sizeof(rk), "%u", e->rank);
		}
		if (e->placed != UINT32_MAX)
			snprintf(pl, sizeof(pl), "%u", f->v[e->placed].id);
		cpns_out_printf(&o, "%u,%u,%u,%s,%s,%s,%s,%s\n", a->id, f->v[e->form].id, cpns_total(a),
				skb, fs, rk, cpns_final_code(r, e->status), pl);
	}
	free(v);
	return cpns_out_commit(&o, hex);
}

int cpns_write_final_summary(const char *dir, const struct cpns_rules *r, const struct cpns_final *fin,
			     const struct cpns_digest *d, int nd)
{
	uint32_t cnt[8] = { 0 };
	for (uint32_t i = 0; i < fin->n; i++)
		cnt[fin->v[i].status & 7]++;
	struct cpns_out o;
	if (cpns_out_open(&o, dir, "final-summary.txt"))
		return -1;
	cpns_out_printf(&o, "# %s / %s\n", msg(M_CPNS_FINAL_SUM_TITLE, LANG_ID),
			msg(M_CPNS_FINAL_SUM_TITLE, LANG_EN));
	cpns_out_printf(&o, "rules: %s (%s)\n", r->name, r->source);
	cpns_out_printf(&o, "skb_applicants: %u\n", fin->n);
	static const unsigned order[] = {
		CPNS_F_WIN, CPNS_F_OPT_SAME, CPNS_F_OPT_OTHER, CPNS_F_PASS, CPNS_F_ABSENT,
	};
	for (size_t i = 0; i < ARRAY_SIZE(order); i++)
		cpns_out_printf(&o, "status %s: %u\n", cpns_final_code(r, order[i]), cnt[order[i]]);
	cpns_out_printf(&o, "places_empty_before_optimalisasi: %u\n", fin->open_before);
	cpns_out_printf(&o, "places_empty_after_optimalisasi: %u\n", fin->open_after);
	cpns_out_printf(&o, "\n# %s / %s\n", msg(M_CPNS_SUM_DIGESTS, LANG_ID), msg(M_CPNS_SUM_DIGESTS, LANG_EN));
	for (int i = 0; i < nd; i++)
		cpns_out_printf(&o, "sha256 %s %s %s\n", d[i].name, d[i].hex, d[i].path);
	return cpns_out_commit(&o, NULL);
}
