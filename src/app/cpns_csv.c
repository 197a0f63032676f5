#include "core/compat.h"
#include "app/cpns_csv.h"
#include "core/xalloc.h"

void csv_init(struct csv_reader *r, const char *data, size_t len)
{
	memset(r, 0, sizeof(*r));
	r->p = data;
	r->end = data + len;
	r->next_line = 1;
	if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
		r->p += 3;
}

void csv_init_at(struct csv_reader *r, const char *data, size_t len, uint32_t first_line)
{
	memset(r, 0, sizeof(*r));
	r->p = data;
	r->end = data + len;
	r->next_line = first_line;
}

void csv_release(struct csv_reader *r)
{
	free(r->scratch);
	r->scratch = NULL;
	r->scratch_cap = 0;
}

/* Bytes that end an unquoted field or need a closer look. */
static const uint8_t special[256] = {
	[','] = 1, ['\n'] = 1, ['\r'] = 1, ['"'] = 1,
};

static void skip_line(struct csv_reader *r)
{
	const char *nl = memchr(r->p, '\n', (size_t)(r->end - r->p));
	r->p = nl ? nl + 1 : r->end;
	r->next_line++;
}

int csv_next(struct csv_reader *r, struct csv_field *f, int max)
{
	const char *p = r->p, *end = r->end;
	if (p >= end)
		return CSV_EOF;
	if (max > 32)
		max = 32; /* the quoted-field bitmap below has 32 bits */
	r->line = r->next_line;
	int nf = 0;
	size_t sfill = 0;
	uint32_t quoted = 0; /* bit i: field i lives in scratch (offset in s) */
	for (;;) {
		const char *st = p;
		if (p < end && *p == '"') {
			/* Quoted: unescape into scratch; the result is no longer
			 * than the raw field, so reserve that much up front. */
			const char *q = p + 1;
			size_t need = sfill + (size_t)(end - q);
			const char *close = NULL;
			for (const char *t = q; t < end; t++) {
				if (*t == '"') {
					if (t + 1 < end && t[1] == '"') {
						t++;
						continue;
					}
					close = t;
					break;
				}
			}
			if (!close) {
				r->p = p;
				skip_line(r);
				return CSV_BADQUOTE;
			}
			need = sfill + (size_t)(close - q);
			if (need + 1 > r->scratch_cap) {
				r->scratch_cap = need + 1 > 2 * r->scratch_cap ? need + 1 : 2 * r->scratch_cap;
				r->scratch = xrealloc(r->scratch, r->scratch_cap);
			}
			size_t off = sfill;
			for (const char *t = q; t < close; t++) {
				if (*t == '\n')
					r->next_line++;
				r->scratch[sfill++] = *t;
				if (*t == '"')
					t++; /* the second of "" */
			}
			p = close + 1;
			if (p < end && *p != ',' && *p != '\n' && !(*p == '\r' && p + 1 < end && p[1] == '\n')
			    && !(*p == '\r' && p + 1 == end)) {
				r->p = p;
				skip_line(r);
				return CSV_BADQUOTE;
			}
			if (nf < max) {
				f[nf].s = (const char *)(uintptr_t)off;
				f[nf].len = (uint32_t)(sfill - off);
				quoted |= 1u << nf;
			}
		} else {
			while (p < end && !special[(uint8_t)*p])
				p++;
			/* A lone CR inside a field is data; CRLF ends the record. */
			while (p < end && *p == '\r' && !(p + 1 >= end || p[1] == '\n')) {
				p++;
				while (p < end && !special[(uint8_t)*p])
					p++;
			}
			if (p < end && *p == '"') {
				r->p = p;
				skip_line(r);
				return CSV_BADQUOTE;
			}
			if (nf < max) {
				f[nf].s = st;
				f[nf].len = (uint32_t)(p - st);
			}
		}
		nf++;
		if (p >= end)
			break;
		if (*p == ',') {
			p++;
			continue;
		}
		if (*p == '\r')
			p++;
		if (p < end)
			p++; /* '\n' */
		break;
	}
	r->next_line++;
	r->p = p;
	for (int i = 0; i < nf && i < max; i++)
		if (quoted & (1u << i))
			f[i].s = r->scratch + (uintptr_t)f[i].s;
	return nf;
}
