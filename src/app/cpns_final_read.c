#include "core/compat.h"
#include "app/cpns_final_read.h"
#include "app/cpns_csv.h"
#include "app/cpns_valid.h"
#include "core/msg.h"
#include "core/xalloc.h"

const char *const cpns_skb_cols[SC_COUNT] = {
	"applicant_id", "skb_cat", "skb_cat_max", "wawancara", "tambahan", "ipk",
};
const char *const cpns_weight_cols[WC_COUNT] = {
	"formation_id", "skb_cat", "wawancara", "tambahan",
};
static const char *const skd_cols[] = { "applicant_id", "formation_id", "total", "rank", "status" };

long cpns_parse_hundredths(const char *s, size_t n, long max)
{
	size_t i = 0;
	long v = 0;
	if (!n)
		return -1;
	for (; i < n && s[i] != '.'; i++) {
		if (s[i] < '0' || s[i] > '9' || i >= 6)
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	if (i == 0)
		return -1;
	v *= 100;
	if (i < n) {
		size_t d = n - i - 1;
		if (d < 1 || d > 2)
			return -1;
		for (size_t k = 0; k < 2; k++) {
			char c = k < d ? s[i + 1 + k] : '0';
			if (c < '0' || c > '9')
				return -1;
			v += (c - '0') * (k ? 1 : 10);
		}
	}
	return v <= max ? v : -1;
}

static long parse_uint(const struct csv_field *f, long max)
{
	if (!f->len || f->len > 9)
		return -1;
	long v = 0;
	for (uint32_t i = 0; i < f->len; i++) {
		if (f->s[i] < '0' || f->s[i] > '9')
			return -1;
		v = v * 10 + (f->s[i] - '0');
	}
	return v <= max ? v : -1;
}

static int header_ok(struct csv_reader *rd, const char *const *cols, int n)
{
	struct csv_field f[8];
	int nf = csv_next(rd, f, 8);
	if (nf != n)
		return 0;
	for (int i = 0; i < n; i++)
		if (f[i].len != strlen(cols[i]) || memcmp(f[i].s, cols[i], f[i].len))
			return 0;
	return 1;
}

int cpns_read_weights(const char *data, size_t len, const struct cpns_rules *r,
		      const struct cpns_formasi *fs, struct cpns_weights *w, struct cpns_errors *errs)
{
	struct csv_reader rd;
	struct csv_field f[WC_COUNT];
	csv_init(&rd, data, len);
	if (!header_ok(&rd, cpns_weight_cols, WC_COUNT)) {
		csv_release(&rd);
		return CPNS_BAD_HEADER;
	}
	uint8_t *seen = xcalloc(fs->n ? fs->n : 1, 1);
	const uint16_t cap[3] = { r->max_cat, r->max_wawancara, r->max_tambahan };
	int nf;
	while ((nf = csv_next(&rd, f, WC_COUNT)) != CSV_EOF) {
		uint32_t line = rd.line;
		if (nf == 1 && f[0].len == 0)
			continue;
		if (nf != WC_COUNT) {
			cpns_errors_add(errs, line, 0, 0, CPNS_NO_COL,
					nf < 0 ? M_CPNS_E_QUOTE : nf < WC_COUNT ? M_CPNS_E_FIELDS_FEW : M_CPNS_E_FIELDS_MANY);
			continue;
		}
		long id = parse_uint(&f[WC_FORM], UINT32_MAX);
		int64_t fi = id > 0 ? cpns_formasi_find(fs, (uint32_t)id) : -1;
		if (fi < 0) {
			cpns_errors_add(errs, line, 0, 0, WC_FORM, M_CPNS_E_FORMATION_UNKNOWN);
			continue;
		}
		if (seen[fi]) {
			cpns_errors_add(errs, line, 0, 0, WC_FORM, M_CPNS_E_DUP_FORMATION);
			continue;
		}
		seen[fi] = 1;
		struct cpns_weights x;
		uint8_t *p[3] = { &x.cat, &x.waw, &x.tam };
		int bad = 0;
		for (int k = 0; k < 3; k++) {
			long v = parse_uint(&f[WC_CAT + k], 100);
			if (v < 0 || v > cap[k]) {
				cpns_errors_add(errs, line, 0, 0, (unsigned)(WC_CAT + k), M_CPNS_E_WEIGHTS);
				bad = 1;
				continue;
			}
			*p[k] = (uint8_t)v;
		}
		if (!bad && (!x.cat && !x.waw && !x.tam)) {
			cpns_errors_add(errs, line, 0, 0, CPNS_NO_COL, M_CPNS_E_WEIGHTS);
			bad = 1;
		}
		if (!bad && !r->skb_normalise && x.cat + x.waw + x.tam != 100) {
			cpns_errors_add(errs, line, 0, 0, CPNS_NO_COL, M_CPNS_E_WEIGHTS);
			bad = 1;
		}
		if (!bad)
			w[fi] = x;
	}
	free(seen);
	csv_release(&rd);
	return 0;
}

/* Sorted (applicant_id << 32 | index) for lookups by id. */
static uint64_t *index_by_id(const struct cpns_final *fin, const struct cpns_peserta *p)
{
	uint64_t *k = xmalloc(st_mult(fin->n ? fin->n : 1, sizeof(*k)));
	for (uint32_t i = 0; i < fin->n; i++)
		k[i] = (uint64_t)p->v[fin->v[i].row].id << 32 | i;
	return k;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static int64_t find_id(const uint64_t *k, uint32_t n, uint32_t id)
{
	uint32_t lo = 0, hi = n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if ((uint32_t)(k[mid] >> 32) < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < n && (uint32_t)(k[lo] >> 32) == id)
		return (int64_t)(uint32_t)k[lo];
	return -1;
}

int cpns_read_skb(const char *data, size_t len, const struct cpns_rules *r,
		  const struct cpns_peserta *p, const struct cpns_weights *w,
		  struct cpns_final *fin, struct cpns_errors *errs)
{
	memset(fin, 0, sizeof(*fin));
	for (uint32_t i = 0; i < p->n; i++)
		if (p->v[i].status == CPNS_PL)
			fin->n++;
	fin->cap = fin->n ? fin->n : 1;
	fin->v = xcalloc(fin->cap, sizeof(*fin->v));
	fin->n = 0;
	for (uint32_t i = 0; i < p->n; i++)
		if (p->v[i].status == CPNS_PL) {
			struct cpns_final_entry *e = &fin->v[fin->n++];
			e->row = i;
			e->form = p->v[i].form;
			e->placed = UINT32_MAX;
		}
	uint64_t *k = index_by_id(fin, p);
	if (fin->n > 1)
		qsort(k, fin->n, sizeof(*k), cmp_u64);

	struct csv_reader rd;
	struct csv_field f[SC_COUNT];
	csv_init(&rd, data, len);
	if (!header_ok(&rd, cpns_skb_cols, SC_COUNT)) {
		csv_release(&rd);
		free(k);
		return CPNS_BAD_HEADER;
	}
	uint32_t *seen_line = xcalloc(fin->n ? fin->n : 1, sizeof(*seen_line));
	int nf;
	while ((nf = csv_next(&rd, f, SC_COUNT)) != CSV_EOF) {
		uint32_t line = rd.line;
		if (nf == 1 && f[0].len == 0)
			continue;
		long id = nf > 0 ? parse_uint(&f[SC_AID], UINT32_MAX) : -1;
		int has = id > 0;
		if (nf != SC_COUNT) {
			cpns_errors_add(errs, line, has, has ? (uint32_t)id : 0, CPNS_NO_COL,
					nf < 0 ? M_CPNS_E_QUOTE : nf < SC_COUNT ? M_CPNS_E_FIELDS_FEW : M_CPNS_E_FIELDS_MANY);
			continue;
		}
		if (!has) {
			cpns_errors_add(errs, line, 0, 0, SC_AID, M_CPNS_E_AID);
			continue;
		}
		int64_t ei = find_id(k, fin->n, (uint32_t)id);
		if (ei < 0) {
			cpns_errors_add(errs, line, 1, (uint32_t)id, SC_AID, M_CPNS_E_NOT_SKB);
			continue;
		}
		if (seen_line[ei]) {
			/* both rows of a duplicate are wrong */
			if (seen_line[ei] != UINT32_MAX)
				cpns_errors_add(errs, seen_line[ei], 1, (uint32_t)id, SC_AID, M_CPNS_E_DUP_AID);
			cpns_errors_add(errs, line, 1, (uint32_t)id, SC_AID, M_CPNS_E_DUP_AID);
			seen_line[ei] = UINT32_MAX;
			fin->v[ei].has_skb = 0;
			continue;
		}
		seen_line[ei] = line;
		struct cpns_skb_marks m = { 0 };
		int bad = 0;
		long cat = parse_uint(&f[SC_CAT], 1000000), cmax = parse_uint(&f[SC_CAT_MAX], 1000000);
		uint32_t aid = (uint32_t)id;
		if (cat < 0) {
			cpns_errors_add(errs, line, 1, aid, SC_CAT,
					f[SC_CAT].len ? M_CPNS_E_SCORE_NOT_INT : M_CPNS_E_SCORE_MISSING);
			bad = 1;
		}
		if (cmax <= 0) {
			cpns_errors_add(errs, line, 1, aid, SC_CAT_MAX,
					f[SC_CAT_MAX].len ? M_CPNS_E_SCORE_RANGE : M_CPNS_E_SCORE_MISSING);
			bad = 1;
		}
		if (!bad && cat > cmax) {
			cpns_errors_add(errs, line, 1, aid, SC_CAT, M_CPNS_E_SCORE_RANGE);
			bad = 1;
		}
		long v[3];
		const int col[3] = { SC_WAW, SC_TAM, SC_IPK };
		for (int i = 0; i < 3; i++) {
			v[i] = -1;
			if (!f[col[i]].len)
				continue;
			v[i] = cpns_parse_hundredths(f[col[i]].s, f[col[i]].len, 10000);
			if (v[i] < 0)
				cpns_errors_add(errs, line, 1, (uint32_t)id, (unsigned)col[i], M_CPNS_E_DECIMAL), bad = 1;
		}
		if (bad)
			continue;
		m.cat = (uint32_t)cat;
		m.cat_max = (uint32_t)cmax;
		m.has_waw = v[0] >= 0;
		m.waw = (uint16_t)(v[0] >= 0 ? v[0] : 0);
		m.has_tam = v[1] >= 0;
		m.tam = (uint16_t)(v[1] >= 0 ? v[1] : 0);
		m.ipk = (uint16_t)(v[2] >= 0 ? v[2] : 0);
		struct cpns_final_entry *e = &fin->v[ei];
		int rc = cpns_final_score(r, cpns_total(&p->v[e->row]), &w[e->form], &m, e);
		if (rc)
			cpns_errors_add(errs, line, 1, (uint32_t)id, CPNS_NO_COL, (unsigned)rc);
	}
	csv_release(&rd);
	free(seen_line);
	free(k);
	cpns_errors_sort(errs);
	return 0;
}

long cpns_check_skd(const char *data, size_t len, const struct cpns_formasi *fs,
		    const struct cpns_peserta *p, struct cpns_errors *errs)
{
	struct csv_reader rd;
	struct csv_field f[5];
	csv_init(&rd, data, len);
	if (!header_ok(&rd, skd_cols, 5)) {
		csv_release(&rd);
		return CPNS_BAD_HEADER;
	}
	/* results.csv lists valid rows in applicant_id order: walk both. */
	uint32_t n = p->order ? p->norder : p->n, i = 0;
	long diff = 0;
	int nf;
	while ((nf = csv_next(&rd, f, 5)) != CSV_EOF) {
		uint32_t line = rd.line;
		const struct cpns_applicant *a = NULL;
		while (i < n) {
			a = &p->v[p->order ? p->order[i] : i];
			i++;
			if (a->status != CPNS_INVALID)
				break;
			a = NULL;
		}
		char want[64];
		if (a) {
			char tot[12] = "", rk[12] = "";
			if (a->status != CPNS_TH && a->status != CPNS_DIS)
				snprintf(tot, sizeof(tot), "%u", cpns_total(a));
			if (a->rank)
				snprintf(rk, sizeof(rk), "%u", a->rank);
			snprintf(want, sizeof(want), "%u,%u,%s,%s,%s", a->id, fs->v[a->form].id, tot, rk,
				 cpns_status_code(a->status));
		}
		char got[64] = "";
		size_t off = 0;
		for (int k = 0; k < nf && k < 5 && off < sizeof(got); k++)
			off += (size_t)snprintf(got + off, sizeof(got) - off, "%s%.*s", k ? "," : "",
						(int)f[k].len, f[k].s);
		if (!a || nf != 5 || strcmp(got, want)) {
			cpns_errors_add(errs, line, 0, 0, CPNS_NO_COL, M_CPNS_E_SKD_MISMATCH);
			diff++;
			if (!a)
				continue;
		}
	}
	for (; i < n; i++)
		if (p->v[p->order ? p->order[i] : i].status != CPNS_INVALID) {
			cpns_errors_add(errs, 0, 1, p->v[p->order ? p->order[i] : i].id, CPNS_NO_COL,
					M_CPNS_E_SKD_MISSING);
			diff++;
		}
	csv_release(&rd);
	return diff;
}
