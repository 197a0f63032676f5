#include "core/compat.h"
#include "app/cpns_valid.h"
#include "app/cpns_csv.h"
#include "app/cpns_mem.h"
#include "app/cpns_sort.h"
#include "app/nip.h"
#include "core/msg.h"
#include "core/xalloc.h"
#include <pthread.h>

/* ---- field parsers: each returns 0 or a catalogue reason ---- */

/* Positive decimal that fits uint32 (no sign, no spaces). */
static int parse_id(const struct csv_field *f, uint32_t *out, int reason)
{
	if (f->len == 0)
		return M_CPNS_E_EMPTY;
	if (f->len > 10)
		return reason;
	uint64_t v = 0;
	for (uint32_t i = 0; i < f->len; i++) {
		unsigned d = (unsigned)(uint8_t)f->s[i] - '0';
		if (d > 9)
			return reason;
		v = v * 10 + d;
	}
	if (v == 0 || v > UINT32_MAX)
		return reason;
	*out = (uint32_t)v;
	return 0;
}

static int parse_nik(const struct csv_field *f, uint64_t *out)
{
	if (f->len == 0)
		return M_CPNS_E_EMPTY;
	if (f->len != 16)
		return M_CPNS_E_NIK;
	uint64_t v = 0;
	for (int i = 0; i < 16; i++) {
		unsigned d = (unsigned)(uint8_t)f->s[i] - '0';
		if (d > 9)
			return M_CPNS_E_NIK;
		v = v * 10 + d;
	}
	*out = v;
	return 0;
}

static int parse_date(const struct csv_field *f, uint32_t *out)
{
	if (f->len == 0)
		return M_CPNS_E_EMPTY;
	const char *s = f->s;
	if (f->len != 10 || s[4] != '-' || s[7] != '-')
		return M_CPNS_E_DATE;
	int v[3] = { 0, 0, 0 }, idx[3][2] = { { 0, 4 }, { 5, 2 }, { 8, 2 } };
	for (int k = 0; k < 3; k++)
		for (int i = 0; i < idx[k][1]; i++) {
			unsigned d = (unsigned)(uint8_t)s[idx[k][0] + i] - '0';
			if (d > 9)
				return M_CPNS_E_DATE;
			v[k] = v[k] * 10 + (int)d;
		}
	if (!date_is_valid(v[0], v[1], v[2]))
		return M_CPNS_E_DATE;
	*out = (uint32_t)(v[0] * 10000 + v[1] * 100 + v[2]);
	return 0;
}

static int parse_hadir(const struct csv_field *f, uint8_t *out)
{
	if (f->len == 1 && f->s[0] == 'H')
		*out = CPNS_H;
	else if (f->len == 2 && !memcmp(f->s, "TH", 2))
		*out = CPNS_TH;
	else if (f->len == 3 && !memcmp(f->s, "DIS", 3))
		*out = CPNS_DIS;
	else
		return f->len ? M_CPNS_E_HADIR : M_CPNS_E_EMPTY;
	return 0;
}

/* A score: integer in [0, max] and a multiple of step. A leading '-' is an
 * integer out of range, anything else non-numeric is "not an integer". */
static int parse_score(const struct csv_field *f, unsigned max, unsigned step, uint8_t *out)
{
	uint32_t i = 0, neg = 0;
	if (f->len == 0)
		return M_CPNS_E_SCORE_MISSING;
	if (f->s[0] == '-') {
		neg = 1;
		i = 1;
	}
	if (i == f->len || f->len - i > 9)
		return M_CPNS_E_SCORE_NOT_INT;
	unsigned v = 0;
	for (; i < f->len; i++) {
		unsigned d = (unsigned)(uint8_t)f->s[i] - '0';
		if (d > 9)
			return M_CPNS_E_SCORE_NOT_INT;
		v = v * 10 + d;
	}
	if (neg && v)
		return M_CPNS_E_SCORE_RANGE;
	if (v > max)
		return M_CPNS_E_SCORE_RANGE;
	if (v % step)
		return M_CPNS_E_SCORE_STEP;
	*out = (uint8_t)v;
	return 0;
}

static int header_is(const struct csv_field *f, int nf, const char *const *cols, int ncols)
{
	if (nf != ncols)
		return 0;
	for (int i = 0; i < ncols; i++)
		if (f[i].len != strlen(cols[i]) || memcmp(f[i].s, cols[i], f[i].len))
			return 0;
	return 1;
}

static inline int blank_record(int nf, const struct csv_field *f)
{
	return nf == 1 && f[0].len == 0;
}

/* ---- formations ---- */

static inline uint32_t hash32(uint32_t x)
{
	x ^= x >> 16;
	x *= 0x7feb352dU;
	x ^= x >> 15;
	x *= 0x846ca68bU;
	x ^= x >> 16;
	return x;
}

static uint32_t hash_str(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (uint8_t)s[i]) * 16777619u;
	return h;
}

static void grow_jabatan(struct cpns_formasi *f)
{
	uint32_t cap = f->jmask ? (f->jmask + 1) * 2 : 64;
	uint32_t *ns = xcalloc(cap, sizeof(*ns));
	for (uint32_t i = 0; i < f->njabatan; i++) {
		uint32_t h = hash_str(f->jabatan[i], strlen(f->jabatan[i])) & (cap - 1);
		while (ns[h])
			h = (h + 1) & (cap - 1);
		ns[h] = i + 1;
	}
	free(f->jslots);
	f->jslots = ns;
	f->jmask = cap - 1;
}

static uint32_t intern_jabatan(struct cpns_formasi *f, const char *s, size_t n)
{
	if (2 * (f->njabatan + 1) > f->jmask + 1)
		grow_jabatan(f);
	uint32_t h = hash_str(s, n) & f->jmask;
	for (;; h = (h + 1) & f->jmask) {
		uint32_t k = f->jslots[h];
		if (!k)
			break;
		const char *j = f->jabatan[k - 1];
		if (strlen(j) == n && !memcmp(j, s, n))
			return k - 1;
	}
	if (f->njabatan == f->jcap) {
		f->jcap = f->jcap ? 2 * f->jcap : 64;
		f->jabatan = xrealloc(f->jabatan, st_mult(f->jcap, sizeof(*f->jabatan)));
	}
	f->jabatan[f->njabatan] = xstrndup(s, n);
	f->jslots[h] = f->njabatan + 1;
	return f->njabatan++;
}

int cpns_read_formasi(const char *data, size_t len, const struct cpns_rules *r,
		      struct cpns_formasi *out, struct cpns_errors *errs)
{
	struct csv_reader rd;
	struct csv_field f[FC_COUNT];
	memset(out, 0, sizeof(*out));
	csv_init(&rd, data, len);
	int nf = csv_next(&rd, f, FC_COUNT);
	if (nf <= 0 || !header_is(f, nf, cpns_formation_cols, FC_COUNT)) {
		csv_release(&rd);
		return CPNS_BAD_HEADER;
	}
	size_t cap = 1024;
	out->v = xmalloc(cap * sizeof(*out->v));
	uint32_t *lines = xmalloc(cap * sizeof(*lines)); /* for duplicate errors */
	while ((nf = csv_next(&rd, f, FC_COUNT)) != CSV_EOF) {
		uint32_t line = rd.line, id = 0, inst = 0;
		if (nf == CSV_BADQUOTE) {
			cpns_errors_add(errs, line, 0, 0, CPNS_NO_COL, M_CPNS_E_QUOTE);
			continue;
		}
		if (blank_record(nf, f))
			continue;
		int has_id = parse_id(&f[FC_ID], &id, M_CPNS_E_FORMATION_ID) == 0;
		if (nf != FC_COUNT) {
			cpns_errors_add(errs, line, has_id, id, nf < FC_COUNT ? (unsigned)nf : CPNS_NO_COL,
					nf < FC_COUNT ? M_CPNS_E_FIELDS_FEW : M_CPNS_E_FIELDS_MANY);
			continue;
		}
		int bad = 0, rc;
		struct cpns_formation fm = { 0 };
		if ((rc = parse_id(&f[FC_ID], &id, M_CPNS_E_FORMATION_ID)))
			cpns_errors_add(errs, line, 0, 0, FC_ID, (unsigned)rc), bad = 1;
		if ((rc = parse_id(&f[FC_INSTANSI], &inst, M_CPNS_E_INSTANSI)))
			cpns_errors_add(errs, line, has_id, id, FC_INSTANSI, (unsigned)rc), bad = 1;
		if (f[FC_JABATAN].len == 0)
			cpns_errors_add(errs, line, has_id, id, FC_JABATAN, M_CPNS_E_EMPTY), bad = 1;
		uint32_t q = 0;
		if ((rc = parse_id(&f[FC_QUOTA], &q, M_CPNS_E_QUOTA)) || q > UINT16_MAX)
			cpns_errors_add(errs, line, has_id, id, FC_QUOTA, rc ? (unsigned)rc : M_CPNS_E_QUOTA), bad = 1;
		int kind = cpns_rules_kind(r, f[FC_KIND].s, f[FC_KIND].len);
		if (kind < 0)
			cpns_errors_add(errs, line, has_id, id, FC_KIND,
					f[FC_KIND].len ? M_CPNS_E_KIND : M_CPNS_E_EMPTY), bad = 1;
		if (bad)
			continue;
		fm.id = id;
		fm.instansi = inst;
		fm.quota = (uint16_t)q;
		fm.kind = (uint8_t)kind;
		fm.jabatan = intern_jabatan(out, f[FC_JABATAN].s, f[FC_JABATAN].len);
		if (out->n == cap) {
			cap *= 2;
			out->v = xrealloc(out->v, st_mult(cap, sizeof(*out->v)));
			lines = xrealloc(lines, st_mult(cap, sizeof(*lines)));
		}
		lines[out->n] = line;
		out->v[out->n++] = fm;
	}
	csv_release(&rd);

	/* id -> index, load factor at most 1/2; later duplicates are errors. */
	uint32_t size = 16;
	while (size < 2 * out->n + 2)
		size *= 2;
	out->slots = xcalloc(size, sizeof(*out->slots));
	out->mask = size - 1;
	uint32_t keep = 0;
	for (uint32_t i = 0; i < out->n; i++) {
		uint32_t h = hash32(out->v[i].id) & out->mask, dup = 0;
		for (; out->slots[h]; h = (h + 1) & out->mask)
			if (out->v[out->slots[h] - 1].id == out->v[i].id) {
				dup = 1;
				break;
			}
		if (dup) {
			cpns_errors_add(errs, lines[i], 1, out->v[i].id, FC_ID, M_CPNS_E_DUP_FORMATION);
			continue;
		}
		out->v[keep] = out->v[i];
		out->slots[h] = ++keep;
	}
	out->n = keep;
	free(lines);
	uint32_t maxid = 0;
	out->consecutive = out->n > 0;
	out->base = out->n ? out->v[0].id : 0;
	for (uint32_t i = 0; i < out->n; i++) {
		if (out->v[i].id > maxid)
			maxid = out->v[i].id;
		if (out->v[i].id != out->base + i)
			out->consecutive = 0;
	}
	if (!out->consecutive && out->n && maxid <= 4 * out->n + 1024) {
		out->direct = xcalloc((size_t)maxid + 1, sizeof(*out->direct));
		out->direct_max = maxid;
		for (uint32_t i = 0; i < out->n; i++)
			out->direct[out->v[i].id] = i + 1;
	}
	cpns_errors_sort(errs);
	return 0;
}

/* ---- applicants ---- */

static void grow_rows(struct cpns_peserta *p)
{
	size_t old = p->cap, cap = p->cap ? (size_t)p->cap * 2 : 4096;
	if (cap > UINT32_MAX)
		cap = UINT32_MAX; /* rows are counted in uint32 */
	p->v = cpns_big_realloc(p->v, old * sizeof(*p->v), st_mult(cap, sizeof(*p->v)));
	p->nik = cpns_big_realloc(p->nik, old * sizeof(*p->nik), st_mult(cap, sizeof(*p->nik)));
	if (p->line)
		p->line = cpns_big_realloc(p->line, old * sizeof(*p->line), st_mult(cap, sizeof(*p->line)));
	p->cap = (uint32_t)cap;
}

/* The common row in one pass: unquoted, 8 fields, every field valid, an LF
 * or CRLF line end. It accepts a strict subset of what the general path
 * (csv_next + the parsers above) accepts and computes the same values; on
 * anything else it returns NULL and the general path reads the row again
 * and reports why. Returns the byte after the line end. */
struct fast_ctx {
	const struct cpns_formasi *fs;
	unsigned max[3], step[3];
};

static const char *fast_row(const char *p, const char *end, const struct fast_ctx *c,
			    struct cpns_applicant *a, uint64_t *nik)
{
#define DIGIT(q) ((unsigned)(uint8_t)*(q) - '0' <= 9)
	uint64_t v = 0;
	const char *s = p;
	while (p < end && DIGIT(p))
		v = v * 10 + (unsigned)(*p++ - '0');
	if (p >= end || *p != ',' || p - s > 10 || v == 0 || v > UINT32_MAX)
		return NULL;
	a->id = (uint32_t)v;
	p++;
	if (end - p < 17)
		return NULL;
	v = 0;
	for (int i = 0; i < 16; i++, p++) {
		if (!DIGIT(p))
			return NULL;
		v = v * 10 + (unsigned)(*p - '0');
	}
	if (*p++ != ',')
		return NULL;
	*nik = v;
	v = 0;
	s = p;
	while (p < end && DIGIT(p))
		v = v * 10 + (unsigned)(*p++ - '0');
	if (p >= end || *p != ',' || p - s > 10 || v == 0 || v > UINT32_MAX)
		return NULL;
	int64_t fi = cpns_formasi_find(c->fs, (uint32_t)v);
	if (fi < 0)
		return NULL;
	a->form = (uint32_t)fi;
	p++;
	if (end - p < 11 || p[4] != '-' || p[7] != '-' || p[10] != ',')
		return NULL;
	int y = 0, m = 0, d = 0;
	for (int i = 0; i < 10; i++) {
		if (i == 4 || i == 7)
			continue;
		if (!DIGIT(p + i))
			return NULL;
		int x = p[i] - '0';
		if (i < 4)
			y = y * 10 + x;
		else if (i < 7)
			m = m * 10 + x;
		else
			d = d * 10 + x;
	}
	if (!date_is_valid(y, m, d))
		return NULL;
	a->birth = (uint32_t)(y * 10000 + m * 100 + d);
	p += 11;
	if (end - p >= 2 && p[0] == 'H' && p[1] == ',') {
		a->status = CPNS_H;
		p += 2;
	} else if (end - p >= 3 && p[0] == 'T' && p[1] == 'H' && p[2] == ',') {
		a->status = CPNS_TH;
		p += 3;
	} else if (end - p >= 4 && p[0] == 'D' && p[1] == 'I' && p[2] == 'S' && p[3] == ',') {
		a->status = CPNS_DIS;
		p += 4;
	} else {
		return NULL;
	}
	uint8_t *sc[3] = { &a->twk, &a->tiu, &a->tkp };
	for (int k = 0; k < 3; k++) {
		unsigned x = 0;
		s = p;
		while (p < end && DIGIT(p) && p - s < 3)
			x = x * 10 + (unsigned)(*p++ - '0');
		if (p >= end)
			return NULL;
		size_t n = (size_t)(p - s);
		if (k < 2) {
			if (*p != ',')
				return NULL;
		} else if (*p == '\r') {
			if (p + 1 >= end || p[1] != '\n')
				return NULL;
			p++;
		} else if (*p != '\n') {
			return NULL;
		}
		p++;
		if (a->status == CPNS_TH) {
			if (n)
				return NULL;
		} else if (n || a->status == CPNS_H) {
			if (!n || x > c->max[k] || x % c->step[k])
				return NULL;
			*sc[k] = (uint8_t)x;
		}
	}
	return p;
#undef DIGIT
}

/* A stretch of applicants.csv that starts at a record boundary. */
struct chunk {
	const char *data;
	size_t len;
	uint32_t first_line;  /* physical line of data[0] (local for a split) */
	const struct cpns_rules *r;
	const struct cpns_formasi *fs;
	struct cpns_peserta out;
	struct cpns_errors errs;
	cpns_progress_fn progress;
	void *ctx;
	uint32_t end_line;    /* the line after the last record */
};

static void parse_rows(struct chunk *c)
{
	struct csv_reader rd;
	struct csv_field f[PC_COUNT];
	const char *data = c->data;
	size_t len = c->len;
	const struct cpns_rules *r = c->r;
	const struct cpns_formasi *fs = c->fs;
	struct cpns_peserta *out = &c->out;
	struct cpns_errors *errs = &c->errs;
	cpns_progress_fn progress = c->progress;
	void *ctx = c->ctx;
	int nf;
	csv_init_at(&rd, data, len, c->first_line);
	out->line0 = c->first_line;
	/* About 55 bytes a row: size once, grow rarely. */
	while (out->cap < len / 48 + 16)
		grow_rows(out);
	unsigned max[3] = { r->max[0], r->max[1], r->max[2] };
	unsigned step[3] = { r->step[0], r->step[1], r->step[2] };
	size_t tick = 0;
	struct fast_ctx fc = { fs, { max[0], max[1], max[2] }, { step[0], step[1], step[2] } };
	int fast = !getenv("WASDAL_CPNS_NOFAST");
	for (;;) {
		struct cpns_applicant fa = { 0 };
		uint64_t fnik;
		const char *next = fast && rd.p < rd.end ? fast_row(rd.p, rd.end, &fc, &fa, &fnik) : NULL;
		if (next) {
			uint32_t line = rd.line = rd.next_line++;
			rd.p = next;
			if (out->n == out->cap)
				grow_rows(out);
			if (progress && ++tick == 65536) {
				tick = 0;
				progress(ctx, (size_t)(rd.p - data), len);
			}
			uint32_t row = out->n++;
			if (!out->line && line != row + out->line0) {
				out->line = cpns_big_alloc(st_mult(out->cap, sizeof(*out->line)));
				for (uint32_t i = 0; i < row; i++)
					out->line[i] = i + out->line0;
			}
			if (out->line)
				out->line[row] = line;
			out->nik[row] = fnik;
			out->v[row] = fa;
			continue;
		}
		nf = csv_next(&rd, f, PC_COUNT);
		if (nf == CSV_EOF)
			break;
		uint32_t line = rd.line;
		if (nf != CSV_BADQUOTE && blank_record(nf, f))
			continue;
		if (out->n == out->cap)
			grow_rows(out);
		if (progress && ++tick == 65536) {
			tick = 0;
			progress(ctx, (size_t)(rd.p - data), len);
		}
		uint32_t row = out->n++;
		struct cpns_applicant a = { 0 };
		uint64_t nik = CPNS_NO_NIK;
		if (!out->line && line != row + out->line0) {
			out->line = cpns_big_alloc(st_mult(out->cap, sizeof(*out->line)));
			for (uint32_t i = 0; i < row; i++)
				out->line[i] = i + out->line0;
		}
		if (out->line)
			out->line[row] = line;
		if (nf == CSV_BADQUOTE) {
			/* Kept as an invalid row so that strict mode counts it. */
			cpns_errors_add(errs, line, 0, 0, CPNS_NO_COL, M_CPNS_E_QUOTE);
			out->nik[row] = CPNS_NO_NIK;
			out->v[row] = a;
			out->ninvalid++;
			continue;
		}
		/* applicant_id and nik are read even from a malformed row so
		 * that the error names the applicant and duplicates are seen. */
		int rc_aid = parse_id(&f[PC_AID], &a.id, M_CPNS_E_AID);
		if (nf > PC_NIK && parse_nik(&f[PC_NIK], &nik))
			nik = CPNS_NO_NIK;
		out->nik[row] = nik;
		int has = rc_aid == 0, bad = 0, rc;
		if (nf != PC_COUNT) {
			cpns_errors_add(errs, line, has, a.id, nf < PC_COUNT ? (unsigned)nf : CPNS_NO_COL,
					nf < PC_COUNT ? M_CPNS_E_FIELDS_FEW : M_CPNS_E_FIELDS_MANY);
			a.status = CPNS_INVALID;
			out->v[row] = a;
			out->ninvalid++;
			continue;
		}
		if (rc_aid)
			cpns_errors_add(errs, line, 0, 0, PC_AID, (unsigned)rc_aid), bad = 1;
		if ((rc = parse_nik(&f[PC_NIK], &nik)))
			cpns_errors_add(errs, line, has, a.id, PC_NIK, (unsigned)rc), bad = 1;
		uint32_t fid = 0;
		int64_t fi = -1;
		if ((rc = parse_id(&f[PC_FORM], &fid, M_CPNS_E_FORMATION_UNKNOWN)) == 0 &&
		    (fi = cpns_formasi_find(fs, fid)) < 0)
			rc = M_CPNS_E_FORMATION_UNKNOWN;
		if (rc)
			cpns_errors_add(errs, line, has, a.id, PC_FORM, (unsigned)rc), bad = 1;
		a.form = fi < 0 ? 0 : (uint32_t)fi;
		if ((rc = parse_date(&f[PC_BIRTH], &a.birth)))
			cpns_errors_add(errs, line, has, a.id, PC_BIRTH, (unsigned)rc), bad = 1;
		if ((rc = parse_hadir(&f[PC_HADIR], &a.status)))
			cpns_errors_add(errs, line, has, a.id, PC_HADIR, (unsigned)rc), bad = 1;
		uint8_t *sc[3] = { &a.twk, &a.tiu, &a.tkp };
		for (int k = 0; k < 3; k++) {
			const struct csv_field *sf = &f[PC_TWK + k];
			rc = 0;
			if (a.status == CPNS_TH) {
				if (sf->len)
					rc = M_CPNS_E_SCORE_PRESENT;
			} else if (a.status == CPNS_H || sf->len) {
				/* DIS may carry its scores; if it does they
				 * must still be scores. */
				rc = parse_score(sf, max[k], step[k], sc[k]);
			}
			if (rc)
				cpns_errors_add(errs, line, has, a.id, (unsigned)(PC_TWK + k), (unsigned)rc), bad = 1;
		}
		if (bad) {
			a.status = CPNS_INVALID;
			out->ninvalid++;
		}
		out->v[row] = a;
	}
	c->end_line = rd.next_line;
	csv_release(&rd);
}

static void *parse_thread(void *arg)
{
	parse_rows(arg);
	return NULL;
}

/* Append chunk b (numbered from line 1) after a, whose records end just
 * before b's first line. */
static void merge(struct chunk *a, struct chunk *b)
{
	struct cpns_peserta *p = &a->out, *q = &b->out;
	uint32_t off = a->end_line - 1, na = p->n;
	while (p->cap < na + q->n)
		grow_rows(p);
	memcpy(p->v + na, q->v, (size_t)q->n * sizeof(*q->v));
	memcpy(p->nik + na, q->nik, (size_t)q->n * sizeof(*q->nik));
	if (p->line || q->line || q->line0 + off != na + p->line0) {
		if (!p->line) {
			p->line = cpns_big_alloc(st_mult(p->cap, sizeof(*p->line)));
			for (uint32_t i = 0; i < na; i++)
				p->line[i] = i + p->line0;
		}
		for (uint32_t i = 0; i < q->n; i++)
			p->line[na + i] = cpns_row_line(q, i) + off;
	}
	p->n += q->n;
	p->ninvalid += q->ninvalid;
	for (size_t i = 0; i < b->errs.n; i++) {
		struct cpns_error e = b->errs.v[i];
		cpns_errors_add(&a->errs, e.line + off, e.has_aid, e.aid, e.col, e.reason);
	}
	a->end_line = b->end_line + off;
	cpns_peserta_free(q);
	cpns_errors_free(&b->errs);
}

/* Below this a second thread costs more than it saves. */
#define SPLIT_MIN (8u << 20)

int cpns_read_peserta(const char *data, size_t len, const struct cpns_rules *r,
		      const struct cpns_formasi *fs, struct cpns_peserta *out,
		      struct cpns_errors *errs, cpns_progress_fn progress, void *ctx)
{
	struct csv_reader rd;
	struct csv_field f[PC_COUNT];
	memset(out, 0, sizeof(*out));
	csv_init(&rd, data, len);
	int nf = csv_next(&rd, f, PC_COUNT);
	if (nf <= 0 || !header_is(f, nf, cpns_applicant_cols, PC_COUNT)) {
		csv_release(&rd);
		return CPNS_BAD_HEADER;
	}
	const char *body = rd.p;
	size_t blen = (size_t)(data + len - body);
	struct chunk c[2];
	memset(c, 0, sizeof(c));
	c[0] = (struct chunk){ .data = body, .len = blen, .first_line = rd.next_line,
			       .r = r, .fs = fs, .progress = progress, .ctx = ctx };
	csv_release(&rd);
	/* Two halves on two threads, split at a line end. Only when the
	 * file has no quote at all: a quoted field may hold a line break,
	 * so a line end is a record end only then. */
	pthread_t th;
	int split = 0;
	if (blen >= SPLIT_MIN && !memchr(body, '"', blen)) {
		const char *mid = memchr(body + blen / 2, '\n', blen - blen / 2);
		if (mid && mid + 1 < data + len) {
			c[1] = c[0];
			c[1].progress = NULL;
			c[1].data = mid + 1;
			c[1].len = (size_t)(data + len - c[1].data);
			c[1].first_line = 1;
			c[0].len = (size_t)(c[1].data - body);
			split = pthread_create(&th, NULL, parse_thread, &c[1]) == 0;
			if (!split)
				c[0].len = blen;
		}
	}
	parse_rows(&c[0]);
	if (split) {
		pthread_join(th, NULL);
		merge(&c[0], &c[1]);
	}
	*out = c[0].out;
	for (size_t i = 0; i < c[0].errs.n; i++)
		cpns_errors_add(errs, c[0].errs.v[i].line, c[0].errs.v[i].has_aid, c[0].errs.v[i].aid,
				c[0].errs.v[i].col, c[0].errs.v[i].reason);
	cpns_errors_free(&c[0].errs);
	if (progress)
		progress(ctx, len, len);
	cpns_mark_duplicates(out, errs);
	cpns_errors_sort(errs);
	return 0;
}

static void mark_dup(struct cpns_peserta *p, struct cpns_errors *errs, uint32_t row, unsigned col)
{
	struct cpns_applicant *a = &p->v[row];
	cpns_errors_add(errs, cpns_row_line(p, row), a->id != 0, a->id, col,
			col == PC_NIK ? M_CPNS_E_DUP_NIK : M_CPNS_E_DUP_AID);
	if (a->status != CPNS_INVALID) {
		a->status = CPNS_INVALID;
		p->ninvalid++;
	}
}

static int in_sorted(const uint64_t *v, size_t n, uint64_t x)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo] == x;
}

void cpns_mark_duplicates(struct cpns_peserta *p, struct cpns_errors *errs)
{
	uint32_t n = p->n;
	/* nik: sort a copy of the values, keep the ones seen twice, then
	 * mark every row holding one of them. 10^16 < 2^54. */
	size_t ksize = st_mult(n ? n : 1, sizeof(uint64_t));
	uint64_t *k = cpns_big_alloc(ksize);
	size_t m = 0;
	for (uint32_t i = 0; i < n; i++)
		if (p->nik[i] != CPNS_NO_NIK)
			k[m++] = p->nik[i];
	cpns_radix_sort(k, NULL, m, 0, 54);
	size_t nd = 0;
	for (size_t i = 1; i < m; i++)
		if (k[i] == k[i - 1] && (nd == 0 || k[nd - 1] != k[i]))
			k[nd++] = k[i];
	if (nd)
		for (uint32_t i = 0; i < n; i++)
			if (p->nik[i] != CPNS_NO_NIK && in_sorted(k, nd, p->nik[i]))
				mark_dup(p, errs, i, PC_NIK);

	/* applicant_id: usually already strictly increasing (an export in
	 * id order), which rules out duplicates and gives the output order
	 * for free. Otherwise sort (id << 32 | row) pairs. */
	int increasing = 1;
	uint32_t prev = 0;
	for (uint32_t i = 0; i < n && increasing; i++) {
		if (!p->v[i].id)
			continue;
		if (p->v[i].id <= prev)
			increasing = 0;
		prev = p->v[i].id;
	}
	cpns_big_free(p->order, (size_t)p->order_cap * sizeof(*p->order));
	p->order = NULL;
	p->order_cap = 0;
	if (!increasing) {
		m = 0;
		for (uint32_t i = 0; i < n; i++)
			if (p->v[i].id)
				k[m++] = (uint64_t)p->v[i].id << 32 | i;
		cpns_radix_sort(k, NULL, m, 32, 64);
		for (size_t i = 0; i < m;) {
			size_t j = i + 1;
			while (j < m && k[j] >> 32 == k[i] >> 32)
				j++;
			if (j - i > 1)
				for (size_t t = i; t < j; t++)
					mark_dup(p, errs, (uint32_t)k[t], PC_AID);
			i = j;
		}
		p->order_cap = n ? n : 1;
		p->order = cpns_big_alloc((size_t)p->order_cap * sizeof(*p->order));
		p->norder = 0;
		for (size_t i = 0; i < m; i++) {
			uint32_t row = (uint32_t)k[i];
			if (p->v[row].status != CPNS_INVALID)
				p->order[p->norder++] = row;
		}
	}
	cpns_big_free(k, ksize);
}
