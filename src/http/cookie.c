/* The Cookie request header (RFC 6265 section 4.2 / 5.4): "n1=v1; n2=v2".
 * Lenient in the way browsers are (skips what it cannot read), strict in
 * what it keeps: names are RFC 7230 tokens, values cookie-octets. */
#include "core/compat.h"
#include "core/err.h"
#include "http/parse.h"

static int is_tchar(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return 1;
	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
		return 1;
	return c && strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

static int is_cookie_octet(unsigned char c)
{
	return c == 0x21 || (c >= 0x23 && c <= 0x2B) || (c >= 0x2D && c <= 0x3A) ||
	       (c >= 0x3C && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
}

int cookie_parse(struct arena *a, const char *p, size_t n, size_t max_cookies,
		 struct http_param **out, size_t *nout)
{
	*out = NULL;
	*nout = 0;
	size_t count = 1;
	for (size_t i = 0; i < n; i++)
		if (p[i] == ';')
			count++;
	if (count > max_cookies)
		return APP_ETOOBIG;
	struct http_param *v = arena_alloc(a, count * sizeof(*v));
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		const char *semi = memchr(p + i, ';', n - i);
		size_t end = semi ? (size_t)(semi - p) : n;
		size_t s = i, e = end;
		while (s < e && (p[s] == ' ' || p[s] == '\t'))
			s++;
		while (e > s && (p[e - 1] == ' ' || p[e - 1] == '\t'))
			e--;
		i = end + 1;
		const char *eq = memchr(p + s, '=', e - s);
		if (!eq || eq == p + s)
			continue;
		size_t ns = s, ne = (size_t)(eq - p), vs = ne + 1, ve = e;
		int good = 1;
		for (size_t j = ns; j < ne && good; j++)
			good = is_tchar((unsigned char)p[j]);
		if (ve - vs >= 2 && p[vs] == '"' && p[ve - 1] == '"') {
			vs++;
			ve--;
		}
		for (size_t j = vs; j < ve && good; j++)
			good = is_cookie_octet((unsigned char)p[j]);
		if (!good)
			continue;
		v[k].name = arena_strndup(a, p + ns, ne - ns);
		v[k].value = arena_strndup(a, p + vs, ve - vs);
		v[k].len = ve - vs;
		k++;
	}
	*out = k ? v : NULL;
	*nout = k;
	return 0;
}
