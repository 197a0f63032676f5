#include "core/compat.h"
#include "core/err.h"
#include "web/html.h"

/* One URL is built at a time per writer; the flag lives in the upper bits
 * of nothing fancier than a thread-local. */
static _Thread_local int url_has_query;

void html_init(struct html *h, struct buf *out)
{
	h->out = out;
	h->err = 0;
}

static void put(struct html *h, const char *s, size_t n)
{
	if (!h->err)
		h->err = buf_add(h->out, s, n);
}

void html_raw_(struct html *h, const char *literal)
{
	put(h, literal, strlen(literal));
}

void html_textn(struct html *h, const char *s, size_t n)
{
	if (!s)
		return;
	size_t start = 0;
	for (size_t i = 0; i < n; i++) {
		const char *rep = NULL;
		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		case '\0': rep = "\xEF\xBF\xBD"; break; /* U+FFFD */
		default: continue;
		}
		put(h, s + start, i - start);
		put(h, rep, strlen(rep));
		start = i + 1;
	}
	put(h, s + start, n - start);
}

void html_text(struct html *h, const char *s)
{
	if (s)
		html_textn(h, s, strlen(s));
}

void html_textf(struct html *h, const char *fmt, ...)
{
	struct buf tmp;
	buf_init(&tmp, BUF_NOLIMIT);
	va_list ap;
	va_start(ap, fmt);
	int rc = buf_vaddf(&tmp, fmt, ap);
	va_end(ap);
	if (rc && !h->err)
		h->err = rc;
	html_textn(h, tmp.ptr, tmp.len);
	buf_release(&tmp);
}

void html_int(struct html *h, int64_t v)
{
	char n[24];
	int l = snprintf(n, sizeof(n), "%" PRId64, v);
	put(h, n, (size_t)l);
}

void html_attr_(struct html *h, const char *name, const char *value)
{
	put(h, " ", 1);
	put(h, name, strlen(name));
	put(h, "=\"", 2);
	html_text(h, value ? value : "");
	put(h, "\"", 1);
}

int url_encode(struct buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		int rc;
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '_' || *p == '.' || *p == '~') {
			rc = buf_addc(b, (char)*p);
		} else {
			char e[3] = { '%', hex[*p >> 4], hex[*p & 15] };
			rc = buf_add(b, e, 3);
		}
		if (rc)
			return rc;
	}
	return 0;
}

void html_url_begin_(struct html *h, const char *name, const char *path)
{
	put(h, " ", 1);
	put(h, name, strlen(name));
	put(h, "=\"", 2);
	html_text(h, path);
	url_has_query = strchr(path, '?') != NULL;
}

void html_url_begin_path_(struct html *h, const char *name, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	put(h, " ", 1);
	put(h, name, strlen(name));
	put(h, "=\"", 2);
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '_' || *p == '.' || *p == '~' || *p == '/') {
			put(h, (const char *)p, 1);
		} else {
			char e[3] = { '%', hex[*p >> 4], hex[*p & 15] };
			put(h, e, 3);
		}
	}
	url_has_query = 0;
}

static void put_encoded(struct html *h, const char *v)
{
	struct buf tmp;
	buf_init(&tmp, BUF_NOLIMIT);
	if (url_encode(&tmp, v) && !h->err)
		h->err = APP_ETOOBIG;
	html_textn(h, tmp.ptr, tmp.len); /* %XX needs no escaping; & cannot occur */
	buf_release(&tmp);
}

void html_url_arg_(struct html *h, const char *key, const char *value)
{
	if (!value || !*value)
		return;
	put(h, url_has_query ? "&amp;" : "?", url_has_query ? 5 : 1);
	url_has_query = 1;
	put(h, key, strlen(key));
	put(h, "=", 1);
	put_encoded(h, value);
}

void html_url_seg(struct html *h, const char *seg)
{
	put_encoded(h, seg);
}

void html_url_end(struct html *h)
{
	put(h, "\"", 1);
	url_has_query = 0;
}
