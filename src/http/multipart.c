/* multipart/form-data (RFC 7578 over RFC 2046 section 5.1.1) on a body
 * that the server has already capped at the route's upload limit. Every
 * search is bounded by the body length; part headers are bounded by
 * LIMIT_MULTIPART_HEADER and the part count by max_parts. */
#include "core/compat.h"
#include "core/err.h"
#include "core/limits.h"
#include "http/parse.h"
#include <strings.h>

static int is_bchar(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return 1;
	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
		return 1;
	return c && strchr("'()+_,-./:=? ", c) != NULL;
}

int multipart_boundary(const char *ct, char *out, size_t outsz)
{
	const char *p = ct;
	if (strncasecmp(p, "multipart/form-data", 19) != 0)
		return APP_EINVAL;
	p += 19;
	while (*p) {
		while (*p == ';' || *p == ' ' || *p == '\t')
			p++;
		const char *name = p;
		while (*p && *p != '=' && *p != ';')
			p++;
		size_t nlen = (size_t)(p - name);
		if (*p != '=') {
			continue;
		}
		p++;
		const char *val;
		size_t vlen;
		if (*p == '"') {
			val = ++p;
			while (*p && *p != '"')
				p++;
			if (*p != '"')
				return APP_EINVAL;
			vlen = (size_t)(p - val);
			p++;
		} else {
			val = p;
			while (*p && *p != ';' && *p != ' ' && *p != '\t')
				p++;
			vlen = (size_t)(p - val);
		}
		if (nlen == 8 && strncasecmp(name, "boundary", 8) == 0) {
			if (vlen == 0 || vlen > 70 || vlen + 1 > outsz || val[vlen - 1] == ' ')
				return APP_EINVAL;
			for (size_t i = 0; i < vlen; i++)
				if (!is_bchar((unsigned char)val[i]))
					return APP_EINVAL;
			memcpy(out, val, vlen);
			out[vlen] = '\0';
			return 0;
		}
	}
	return APP_EINVAL;
}

/* Value of parameter pname in a Content-Disposition value [p, end), or
 * NULL. Handles quoted strings with backslash escapes. */
static const char *disp_param(struct arena *a, const char *p, const char *end, const char *pname)
{
	size_t plen = strlen(pname);
	while (p < end) {
		while (p < end && (*p == ';' || *p == ' ' || *p == '\t'))
			p++;
		const char *name = p;
		while (p < end && *p != '=' && *p != ';')
			p++;
		size_t nlen = (size_t)(p - name);
		while (nlen && (name[nlen - 1] == ' ' || name[nlen - 1] == '\t'))
			nlen--;
		if (p >= end || *p != '=')
			continue;
		p++;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		char *val;
		if (p < end && *p == '"') {
			p++;
			val = arena_alloc(a, (size_t)(end - p) + 1);
			size_t o = 0;
			while (p < end && *p != '"') {
				if (*p == '\\' && p + 1 < end)
					p++;
				val[o++] = *p++;
			}
			if (p >= end)
				return NULL; /* unterminated quote */
			p++;
			val[o] = '\0';
		} else {
			const char *v = p;
			while (p < end && *p != ';')
				p++;
			size_t vlen = (size_t)(p - v);
			while (vlen && (v[vlen - 1] == ' ' || v[vlen - 1] == '\t'))
				vlen--;
			val = arena_strndup(a, v, vlen);
		}
		if (nlen == plen && strncasecmp(name, pname, plen) == 0)
			return val;
	}
	return NULL;
}

static int parse_part_headers(struct arena *a, const char *h, size_t hn, struct multipart_part *part)
{
	const char *p = h, *end = h + hn;
	int have_disp = 0;
	part->content_type = "";
	while (p < end) {
		const char *eol = memmem(p, (size_t)(end - p), "\r\n", 2);
		const char *le = eol ? eol : end;
		const char *colon = memchr(p, ':', (size_t)(le - p));
		if (!colon)
			return APP_EINVAL;
		size_t nlen = (size_t)(colon - p);
		const char *v = colon + 1;
		while (v < le && (*v == ' ' || *v == '\t'))
			v++;
		if (nlen == 19 && strncasecmp(p, "Content-Disposition", 19) == 0) {
			if ((size_t)(le - v) < 9 || strncasecmp(v, "form-data", 9) != 0)
				return APP_EINVAL;
			part->name = disp_param(a, v + 9, le, "name");
			part->filename = disp_param(a, v + 9, le, "filename");
			have_disp = 1;
		} else if (nlen == 12 && strncasecmp(p, "Content-Type", 12) == 0) {
			part->content_type = arena_strndup(a, v, (size_t)(le - v));
		}
		p = eol ? eol + 2 : end;
	}
	if (!have_disp || !part->name || !*part->name)
		return APP_EINVAL;
	return 0;
}

int multipart_parse(struct arena *a, const char *boundary, const char *body, size_t n,
		    size_t max_parts, struct multipart_part **out, size_t *nout)
{
	*out = NULL;
	*nout = 0;
	size_t blen = strlen(boundary);
	if (blen == 0 || blen > 70)
		return APP_EINVAL;
	/* delim = "\r\n--" boundary; the first may come without the CRLF. */
	char delim[80];
	int dlen = snprintf(delim, sizeof(delim), "\r\n--%s", boundary);
	if (dlen < 0 || (size_t)dlen >= sizeof(delim))
		return APP_EINVAL;
	const char *p = body, *end = body + n;
	if (n >= (size_t)dlen - 2 && memcmp(body, delim + 2, (size_t)dlen - 2) == 0) {
		p = body + dlen - 2;
	} else {
		const char *d = memmem(body, n, delim, (size_t)dlen);
		if (!d)
			return APP_EINVAL;
		p = d + dlen;
	}
	struct multipart_part *parts = arena_alloc(a, max_parts ? max_parts * sizeof(*parts) : 1);
	size_t k = 0;
	for (;;) {
		/* After a delimiter: "--" ends the body, else optional LWSP and CRLF. */
		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			break;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			return APP_EINVAL;
		p += 2;
		if (k >= max_parts)
			return APP_ETOOBIG;
		/* Header block, ending in an empty line (or none at all). */
		size_t hn;
		const char *data;
		if (end - p >= 2 && p[0] == '\r' && p[1] == '\n') {
			hn = 0;
			data = p + 2;
		} else {
			size_t window = (size_t)(end - p);
			if (window > LIMIT_MULTIPART_HEADER + 4)
				window = LIMIT_MULTIPART_HEADER + 4;
			const char *hend = memmem(p, window, "\r\n\r\n", 4);
			if (!hend)
				return (size_t)(end - p) > LIMIT_MULTIPART_HEADER ? APP_ETOOBIG : APP_EINVAL;
			hn = (size_t)(hend - p);
			data = hend + 4;
		}
		struct multipart_part *part = &parts[k];
		memset(part, 0, sizeof(*part));
		int rc = parse_part_headers(a, p, hn, part);
		if (rc)
			return rc;
		const char *d = memmem(data, (size_t)(end - data), delim, (size_t)dlen);
		if (!d)
			return APP_EINVAL;
		part->len = (size_t)(d - data);
		part->data = arena_strndup(a, data, part->len);
		k++;
		p = d + dlen;
	}
	*out = parts;
	*nout = k;
	return 0;
}
