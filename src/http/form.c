/* application/x-www-form-urlencoded and query strings (WHATWG URL
 * "application/x-www-form-urlencoded parser", minus its leniency on bad
 * escapes: a bad escape is a client bug we report, not guess at). */
#include "core/compat.h"
#include "core/err.h"
#include "http/parse.h"

static int hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

long url_decode(char *dst, const char *src, size_t n, int plus_space)
{
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)src[i];
		if (c == '%') {
			if (n - i < 3)
				return -1;
			int h = hexval((unsigned char)src[i + 1]);
			int l = hexval((unsigned char)src[i + 2]);
			if (h < 0 || l < 0)
				return -1;
			dst[o++] = (char)(h * 16 + l);
			i += 2;
		} else if (c == '+' && plus_space) {
			dst[o++] = ' ';
		} else {
			dst[o++] = (char)c;
		}
	}
	return (long)o;
}

int form_parse(struct arena *a, const char *p, size_t n, size_t max_params,
	       struct http_param **out, size_t *nout)
{
	*out = NULL;
	*nout = 0;
	/* Count the pairs first so the array is allocated once. */
	size_t count = 0;
	for (size_t i = 0; i < n;) {
		const char *amp = memchr(p + i, '&', n - i);
		size_t end = amp ? (size_t)(amp - p) : n;
		if (end > i)
			count++;
		i = end + 1;
	}
	if (count > max_params)
		return APP_ETOOBIG;
	if (count == 0)
		return 0;
	struct http_param *v = arena_alloc(a, count * sizeof(*v));
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		const char *amp = memchr(p + i, '&', n - i);
		size_t end = amp ? (size_t)(amp - p) : n;
		if (end > i) {
			const char *seg = p + i;
			size_t slen = end - i;
			const char *eq = memchr(seg, '=', slen);
			size_t nlen = eq ? (size_t)(eq - seg) : slen;
			const char *val = eq ? eq + 1 : seg + slen;
			size_t vlen = eq ? slen - nlen - 1 : 0;
			if (nlen == 0)
				return APP_EINVAL;
			char *name = arena_alloc(a, nlen + 1);
			char *value = arena_alloc(a, vlen + 1);
			long dn = url_decode(name, seg, nlen, 1);
			long dv = url_decode(value, val, vlen, 1);
			if (dn <= 0 || dv < 0 || memchr(name, '\0', (size_t)dn))
				return APP_EINVAL;
			name[dn] = '\0';
			value[dv] = '\0';
			v[k].name = name;
			v[k].value = value;
			v[k].len = (size_t)dv;
			k++;
		}
		i = end + 1;
	}
	*out = v;
	*nout = k;
	return 0;
}
