#include "core/compat.h"
#include "app/cpns_rules.h"
#include "app/cpns_io.h"
#include "core/embedded.h"
#include "core/err.h"
#include "core/msg.h"
#include "core/xalloc.h"

static const char *const field_names[CPNS_TB_COUNT] = {
	"twk", "tiu", "tkp", "total", "ipk", "older",
};

static int field_by_name(const char *s, size_t n, int limit)
{
	for (int i = 0; i < limit; i++)
		if (strlen(field_names[i]) == n && !memcmp(field_names[i], s, n))
			return i;
	return -1;
}

/* Parse an unsigned decimal in [0, max]; -1 if not one. */
static long parse_num(const char *s, size_t n, long max)
{
	if (n == 0 || n > 9)
		return -1;
	long v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v <= max ? v : -1;
}

/* Split value into whitespace-separated words; returns the count. */
static int words(const char *s, size_t n, const char **w, size_t *wl, int max)
{
	int k = 0;
	size_t i = 0;
	while (i < n) {
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i >= n)
			break;
		size_t st = i;
		while (i < n && s[i] != ' ' && s[i] != '\t')
			i++;
		if (k >= max)
			return max + 1;
		w[k] = s + st;
		wl[k] = i - st;
		k++;
	}
	return k;
}

static int copy_str(char *dst, size_t cap, const char *s, size_t n)
{
	if (n == 0 || n >= cap)
		return -1;
	memcpy(dst, s, n);
	dst[n] = '\0';
	return 0;
}

int cpns_rules_kind(const struct cpns_rules *r, const char *name, size_t n)
{
	for (int i = 0; i < r->nkinds; i++)
		if (strlen(r->kinds[i].name) == n && !memcmp(r->kinds[i].name, name, n))
			return i;
	return -1;
}

unsigned cpns_rules_total_max(const struct cpns_rules *r)
{
	return (unsigned)r->max[0] + r->max[1] + r->max[2];
}

/* "twk>=65 tiu>=80" into k->min. */
static int parse_grade(struct cpns_kind *k, const char *v, size_t vn)
{
	const char *w[8];
	size_t wl[8];
	int nw = words(v, vn, w, wl, 8);
	if (nw < 1 || nw > 8)
		return -1;
	for (int f = 0; f < CPNS_NFIELD; f++)
		k->min[f] = -1;
	for (int i = 0; i < nw; i++) {
		const char *ge = memchr(w[i], '>', wl[i]);
		if (!ge || ge + 1 >= w[i] + wl[i] || ge[1] != '=')
			return -1;
		int f = field_by_name(w[i], (size_t)(ge - w[i]), CPNS_NFIELD);
		long m = parse_num(ge + 2, wl[i] - (size_t)(ge + 2 - w[i]), 765);
		if (f < 0 || m < 0 || k->min[f] >= 0)
			return -1;
		k->min[f] = (int16_t)m;
	}
	return 0;
}

static int parse_order(uint8_t *out, int *nout, int limit, const char *v, size_t vn)
{
	const char *w[CPNS_TB_COUNT];
	size_t wl[CPNS_TB_COUNT];
	int nw = words(v, vn, w, wl, CPNS_TB_COUNT);
	if (nw < 1 || nw > limit)
		return -1;
	unsigned seen = 0;
	for (int i = 0; i < nw; i++) {
		int f = field_by_name(w[i], wl[i], limit);
		if (f < 0 || (seen & (1u << f)))
			return -1;
		seen |= 1u << f;
		out[i] = (uint8_t)f;
	}
	*nout = nw;
	return 0;
}

#define KEY_IS(lit) (kn == sizeof(lit) - 1 && !memcmp(k, lit, kn))

static int apply(struct cpns_rules *r, const char *k, size_t kn, const char *v, size_t vn,
		 unsigned *have)
{
	long x;
	if (KEY_IS("name")) {
		*have |= 1;
		return copy_str(r->name, sizeof(r->name), v, vn);
	}
	if (KEY_IS("source"))
		return copy_str(r->source, sizeof(r->source), v, vn);
	if (kn > 6 && !memcmp(k, "score.", 6)) {
		int f = field_by_name(k + 6, kn - 6, 3);
		const char *w[2];
		size_t wl[2];
		if (f < 0 || words(v, vn, w, wl, 2) != 2)
			return -1;
		long mx = parse_num(w[0], wl[0], 255), st = parse_num(w[1], wl[1], 255);
		if (mx < 1 || st < 1 || mx % st)
			return -1;
		r->max[f] = (uint16_t)mx;
		r->step[f] = (uint16_t)st;
		*have |= 2u << f;
		return 0;
	}
	if (kn > 5 && !memcmp(k, "kind.", 5)) {
		if (r->nkinds >= CPNS_MAX_KINDS || cpns_rules_kind(r, k + 5, kn - 5) >= 0)
			return -1;
		struct cpns_kind *kd = &r->kinds[r->nkinds];
		memset(kd, 0, sizeof(*kd));
		if (copy_str(kd->name, sizeof(kd->name), k + 5, kn - 5) || parse_grade(kd, v, vn))
			return -1;
		r->nkinds++;
		*have |= 16;
		return 0;
	}
	if (KEY_IS("khusus")) {
		const char *w[CPNS_MAX_KINDS];
		size_t wl[CPNS_MAX_KINDS];
		int nw = words(v, vn, w, wl, CPNS_MAX_KINDS);
		if (nw > CPNS_MAX_KINDS)
			return -1;
		for (int i = 0; i < nw; i++) {
			int kd = cpns_rules_kind(r, w[i], wl[i]);
			if (kd < 0)
				return -1; /* kinds must come first */
			r->kinds[kd].khusus = 1;
		}
		return 0;
	}
	if (KEY_IS("tiebreak")) {
		*have |= 32;
		return parse_order(r->tiebreak, &r->ntiebreak, CPNS_NFIELD, v, vn);
	}
	if (KEY_IS("skb_multiplier")) {
		if ((x = parse_num(v, vn, 1000)) < 1)
			return -1;
		r->skb_multiplier = (uint16_t)x;
		*have |= 64;
		return 0;
	}
	if (KEY_IS("final.tiebreak"))
		return parse_order(r->final_tiebreak, &r->nfinal_tiebreak, CPNS_TB_COUNT, v, vn);
	static const char *const numeric[] = {
		"final.weight.skd", "final.weight.skb", "final.max.skb_cat", "final.max.wawancara",
		"final.max.tambahan", "optimalisasi", "optimalisasi.cross_instansi", "final.skb_normalise",
	};
	size_t i;
	for (i = 0; i < ARRAY_SIZE(numeric); i++)
		if (strlen(numeric[i]) == kn && !memcmp(numeric[i], k, kn))
			break;
	if (i == ARRAY_SIZE(numeric))
		return -2;
	if ((x = parse_num(v, vn, 100)) < 0)
		return -1;
	if (KEY_IS("final.weight.skd"))
		r->w_skd = (uint16_t)x;
	else if (KEY_IS("final.weight.skb"))
		r->w_skb = (uint16_t)x;
	else if (KEY_IS("final.max.skb_cat"))
		r->max_cat = (uint16_t)x;
	else if (KEY_IS("final.max.wawancara"))
		r->max_wawancara = (uint16_t)x;
	else if (KEY_IS("final.max.tambahan"))
		r->max_tambahan = (uint16_t)x;
	else if (KEY_IS("optimalisasi"))
		r->optimalisasi = (int)x;
	else if (KEY_IS("optimalisasi.cross_instansi"))
		r->opt_cross_instansi = (int)x;
	else if (KEY_IS("final.skb_normalise"))
		r->skb_normalise = (int)x;
	else
		return -2;
	/* the three switches are 0 or 1 */
	if ((KEY_IS("optimalisasi") || KEY_IS("optimalisasi.cross_instansi") ||
	     KEY_IS("final.skb_normalise")) && x > 1)
		return -1;
	return 0;
}

/* Codes are free text ("P/L-2"), so they are matched before the numeric
 * keys. */
static int apply_code(struct cpns_rules *r, const char *k, size_t kn, const char *v, size_t vn)
{
	if (KEY_IS("optimalisasi.code.same_instansi"))
		return copy_str(r->code_same, sizeof(r->code_same), v, vn) ? -1 : 1;
	if (KEY_IS("optimalisasi.code.other_instansi"))
		return copy_str(r->code_other, sizeof(r->code_other), v, vn) ? -1 : 1;
	if (KEY_IS("final.default_weights")) {
		const char *w[3];
		size_t wl[3];
		if (words(v, vn, w, wl, 3) != 3)
			return -1;
		for (int i = 0; i < 3; i++) {
			long x = parse_num(w[i], wl[i], 100);
			if (x < 0)
				return -1;
			r->def_weights[i] = (uint8_t)x;
		}
		return 1;
	}
	return 0;
}

static void set_defaults(struct cpns_rules *r)
{
	memset(r, 0, sizeof(*r));
	r->w_skd = 40;
	r->w_skb = 60;
	r->max_cat = 50;
	r->max_wawancara = 30;
	r->max_tambahan = 20;
	r->def_weights[0] = 50;
	r->skb_normalise = 1;
	static const uint8_t ftb[] = { CPNS_TOTAL, CPNS_TKP, CPNS_TIU, CPNS_TWK, CPNS_TB_IPK, CPNS_TB_OLDER };
	memcpy(r->final_tiebreak, ftb, sizeof(ftb));
	r->nfinal_tiebreak = (int)sizeof(ftb);
	r->optimalisasi = 1;
	r->opt_cross_instansi = 1;
	memcpy(r->code_same, "P/L-1", 6);
	memcpy(r->code_other, "P/L-2", 6);
}

static int trim(const char **s, size_t n)
{
	while (n && (**s == ' ' || **s == '\t')) {
		(*s)++;
		n--;
	}
	while (n && ((*s)[n - 1] == ' ' || (*s)[n - 1] == '\t' || (*s)[n - 1] == '\r'))
		n--;
	return (int)n;
}

int cpns_rules_parse(const char *text, size_t len, struct cpns_rules *r,
		     int *err_line, int *err_msg)
{
	set_defaults(r);
	unsigned have = 0;
	int line = 0;
	const char *p = text, *end = text + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *le = nl ? nl : end;
		line++;
		const char *hash = memchr(p, '#', (size_t)(le - p));
		const char *s = p;
		int n = trim(&s, (size_t)((hash ? hash : le) - p));
		p = nl ? nl + 1 : end;
		if (n == 0)
			continue;
		const char *eq = memchr(s, '=', (size_t)n);
		*err_line = line;
		if (!eq) {
			*err_msg = M_CPNS_RULES_SYNTAX;
			return -1;
		}
		const char *k = s, *v = eq + 1;
		int kn = trim(&k, (size_t)(eq - s));
		int vn = trim(&v, (size_t)(s + n - v));
		int rc = apply_code(r, k, (size_t)kn, v, (size_t)vn);
		if (rc == 0)
			rc = apply(r, k, (size_t)kn, v, (size_t)vn, &have);
		if (rc < 0) {
			*err_msg = rc == -2 ? M_CPNS_RULES_UNKNOWN_KEY : M_CPNS_RULES_BAD_VALUE;
			return -1;
		}
	}
	*err_line = line;
	if (have != 127) {
		*err_msg = M_CPNS_RULES_MISSING;
		return -1;
	}
	if (r->w_skd + r->w_skb != 100 || r->def_weights[0] > r->max_cat ||
	    r->def_weights[1] > r->max_wawancara || r->def_weights[2] > r->max_tambahan ||
	    !(r->def_weights[0] + r->def_weights[1] + r->def_weights[2])) {
		*err_msg = M_CPNS_RULES_WEIGHTS;
		return -1;
	}
	return 0;
}

int cpns_rules_load(const char *spec, struct cpns_rules *r)
{
	char path[64];
	int line = 0, m = 0, rc;
	size_t sl = strlen(spec);
	if (sl == 4 && strspn(spec, "0123456789") == 4) {
		snprintf(path, sizeof(path), "data/cpns/rules-%s.conf", spec);
		const struct embedded_file *f = embedded_find(path);
		if (!f) {
			fprintf(stderr, "wasdal: %s\n", msgc(M_CPNS_RULES_NO_YEAR));
			return APP_ENOTFOUND;
		}
		rc = cpns_rules_parse(f->data, f->len, r, &line, &m);
		spec = path;
	} else {
		struct cpns_map map;
		if (cpns_map_open(spec, &map))
			return APP_EIO;
		rc = cpns_rules_parse(map.data, map.len, r, &line, &m);
		cpns_map_close(&map);
	}
	if (rc) {
		fprintf(stderr, "wasdal: %s:%d: %s\n", spec, line, msgc(m));
		return APP_EINVAL;
	}
	return 0;
}
