/* Parsers for what clients send: urlencoded forms and query strings,
 * Cookie headers, multipart/form-data bodies. Pure functions over a
 * (pointer, length) view of bounded input; results are copied into the
 * caller's arena. No libmicrohttpd here, so each has a libFuzzer target
 * (tests/fuzz/fuzz_form.c, fuzz_cookie.c, fuzz_multipart.c). */
#ifndef WASDAL_HTTP_PARSE_H
#define WASDAL_HTTP_PARSE_H

#include <stddef.h>
#include "core/arena.h"
#include "http/http.h"

/* Percent-decodes n bytes of src into dst (at least n bytes); '+' becomes
 * a space when plus_space. Returns the decoded length, or -1 on a bad
 * escape ("%", "%4", "%zz"). */
long url_decode(char *dst, const char *src, size_t n, int plus_space);

/* "a=1&b=x+y&c" (query string or application/x-www-form-urlencoded body).
 * Empty segments are skipped; "c" alone is c="". An empty name, a bad
 * escape -> APP_EINVAL; more than max_params pairs -> APP_ETOOBIG. *out is
 * arena-owned, names and values decoded and NUL-terminated. */
int form_parse(struct arena *a, const char *p, size_t n, size_t max_params,
	       struct http_param **out, size_t *nout);

/* "a=1; b=2" (RFC 6265 cookie-string; values may be in double quotes).
 * Malformed pairs (no '=', empty name, bad chars) are skipped as browsers
 * do; more than max_cookies pairs -> APP_ETOOBIG. Values are not decoded. */
int cookie_parse(struct arena *a, const char *p, size_t n, size_t max_cookies,
		 struct http_param **out, size_t *nout);

struct multipart_part {
	const char *name;          /* from Content-Disposition: form-data; name="" */
	const char *filename;      /* NULL when not a file part */
	const char *content_type;  /* "" when absent */
	const char *data;          /* NUL-terminated copy; len excludes the NUL */
	size_t len;
};

/* The boundary parameter of a "multipart/form-data; boundary=..." header
 * value, into out (at most 70 chars, RFC 2046). 0 or APP_EINVAL. */
int multipart_boundary(const char *content_type, char *out, size_t outsz);

/* A whole multipart/form-data body (already capped by the upload limit).
 * Every part needs Content-Disposition: form-data with a name; a part
 * header block above LIMIT_MULTIPART_HEADER, more than max_parts parts, a
 * missing closing delimiter -> APP_EINVAL / APP_ETOOBIG. */
int multipart_parse(struct arena *a, const char *boundary, const char *body, size_t n,
		    size_t max_parts, struct multipart_part **out, size_t *nout);

#endif
