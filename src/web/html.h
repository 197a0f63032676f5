/* The HTML writer: escaping by construction (cgit html.c). Text and
 * attribute values always go through an escaping function; the only way to
 * write markup unescaped is html_raw(), which accepts string literals only
 * (the "" lit "" trick makes anything else a compile error), so no runtime
 * data can reach the page unescaped. Errors (a response over its limit)
 * are sticky in h->err and checked once at the end. */
#ifndef WASDAL_WEB_HTML_H
#define WASDAL_WEB_HTML_H

#include <stddef.h>
#include <stdint.h>
#include "core/buf.h"

struct html {
	struct buf *out;
	int err;
};

void html_init(struct html *h, struct buf *out);

/* Literal markup from the source code only. */
#define html_raw(h, lit) html_raw_((h), "" lit "")
void html_raw_(struct html *h, const char *literal);

/* Text content: & < > " ' are escaped. NULL writes nothing. */
void html_text(struct html *h, const char *s);
void html_textn(struct html *h, const char *s, size_t n);
/* printf, then escape the whole result. */
void html_textf(struct html *h, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void html_int(struct html *h, int64_t v);

/* ' name="value"' with the value escaped; name must be a literal. */
#define html_attr(h, name, value) html_attr_((h), "" name "", (value))
void html_attr_(struct html *h, const char *name, const char *value);
/* An attribute whose value is a URL built here: path literal, then each
 * query argument percent-encoded. Use html_url_begin/arg/end. */
#define html_url_begin(h, name, path) html_url_begin_((h), "" name "", "" path "")
void html_url_begin_(struct html *h, const char *name, const char *path);
/* Begins a URL attribute from a runtime path: each byte that is not
 * unreserved or '/' is percent-encoded. */
#define html_url_begin_path(h, name, path) html_url_begin_path_((h), "" name "", (path))
void html_url_begin_path_(struct html *h, const char *name, const char *path);
/* Appends "?k=v" or "&k=v" (key literal, value percent-encoded); empty or
 * NULL values are skipped. */
#define html_url_arg(h, key, value) html_url_arg_((h), "" key "", (value))
void html_url_arg_(struct html *h, const char *key, const char *value);
/* A path segment (percent-encoded) appended to the URL being built. */
void html_url_seg(struct html *h, const char *seg);
void html_url_end(struct html *h);

/* Percent-encode s for a query string into b (unreserved kept). */
int url_encode(struct buf *b, const char *s);

#endif
