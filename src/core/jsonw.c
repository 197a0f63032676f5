#include "core/compat.h"
#include "core/jsonw.h"

void jsonw_init(struct jsonw *w, struct buf *out)
{
	w->out = out;
	w->depth = 0;
	w->need_comma = 0;
	w->err = 0;
}

static void put(struct jsonw *w, const char *s, size_t n)
{
	if (!w->err)
		w->err = buf_add(w->out, s, n);
}

/* Called before any value or key: separates siblings with commas. A value
 * that follows a key is not a sibling, so jsonw_key clears the flag. */
static void sep(struct jsonw *w)
{
	unsigned bit = 1u << (w->depth & 31);
	if (w->need_comma & bit)
		put(w, ",", 1);
	w->need_comma |= bit;
}

static void open_(struct jsonw *w, char c)
{
	sep(w);
	put(w, &c, 1);
	w->depth++;
	w->need_comma &= ~(1u << (w->depth & 31));
}

static void close_(struct jsonw *w, char c)
{
	w->depth--;
	put(w, &c, 1);
}

void jsonw_obj_begin(struct jsonw *w) { open_(w, '{'); }
void jsonw_obj_end(struct jsonw *w) { close_(w, '}'); }
void jsonw_arr_begin(struct jsonw *w) { open_(w, '['); }
void jsonw_arr_end(struct jsonw *w) { close_(w, ']'); }

/* 1 for the bytes json_escape must escape: controls, '"', '\\' and '<'. */
static const unsigned char needs_escape[256] = {
	[0x00] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	['"'] = 1, ['\\'] = 1, ['<'] = 1,
};

static size_t plain_prefix(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && !needs_escape[(unsigned char)s[i]])
		i++;
	return i;
}

/* '"' s '"' when s needs no escape: one reservation, one copy. */
static int quote_plain(struct buf *b, const char *s, size_t n, const char *pre, size_t npre,
		       const char *post, size_t npost)
{
	int rc = buf_reserve(b, npre + n + npost + 2);
	if (rc)
		return rc;
	char *p = b->ptr + b->len;
	memcpy(p, pre, npre);
	p += npre;
	*p++ = '"';
	memcpy(p, s, n);
	p += n;
	*p++ = '"';
	memcpy(p, post, npost);
	p += npost;
	*p = '\0';
	b->len += npre + n + npost + 2;
	return 0;
}

int json_escape(struct buf *b, const char *s, size_t n)
{
	if (plain_prefix(s, n) == n)
		return quote_plain(b, s, n, "", 0, "", 0);
	int rc = buf_addc(b, '"');
	size_t i = 0;
	while (i < n && !rc) {
		/* a run of bytes that need no escape goes in with one append */
		size_t end = i;
		while (end < n && !needs_escape[(unsigned char)s[end]])
			end++;
		if (end > i) {
			rc = buf_add(b, s + i, end - i);
			i = end;
			continue;
		}
		unsigned char c = (unsigned char)s[i++];
		switch (c) {
		case '"': rc = buf_adds(b, "\\\""); break;
		case '\\': rc = buf_adds(b, "\\\\"); break;
		case '\n': rc = buf_adds(b, "\\n"); break;
		case '\r': rc = buf_adds(b, "\\r"); break;
		case '\t': rc = buf_adds(b, "\\t"); break;
		default:
			/* '<' escaped too, so JSON embedded in HTML cannot close a tag. */
			rc = buf_addf(b, "\\u%04x", c);
		}
	}
	return rc ? rc : buf_addc(b, '"');
}

void jsonw_key(struct jsonw *w, const char *key)
{
	size_t n = strlen(key);
	if (plain_prefix(key, n) == n) {
		/* [","] '"' key '"' ':' in one append; the value that follows
		 * is not a sibling, so no comma before it */
		unsigned bit = 1u << (w->depth & 31);
		int comma = (w->need_comma & bit) != 0;
		w->need_comma &= ~bit;
		if (!w->err)
			w->err = quote_plain(w->out, key, n, ",", (size_t)comma, ":", 1);
		return;
	}
	sep(w);
	if (!w->err)
		w->err = json_escape(w->out, key, strlen(key));
	put(w, ":", 1);
	w->need_comma &= ~(1u << (w->depth & 31));
}

void jsonw_strn(struct jsonw *w, const char *s, size_t n)
{
	sep(w);
	if (!w->err)
		w->err = json_escape(w->out, s, n);
}

void jsonw_str(struct jsonw *w, const char *s)
{
	if (!s)
		jsonw_null(w);
	else
		jsonw_strn(w, s, strlen(s));
}

void jsonw_int(struct jsonw *w, int64_t v)
{
	sep(w);
	if (!w->err)
		w->err = buf_addf(w->out, "%" PRId64, v);
}

void jsonw_bool(struct jsonw *w, int v)
{
	sep(w);
	put(w, v ? "true" : "false", v ? 4 : 5);
}

void jsonw_null(struct jsonw *w)
{
	sep(w);
	put(w, "null", 4);
}

void jsonw_kv_str(struct jsonw *w, const char *key, const char *s)
{
	jsonw_key(w, key);
	jsonw_str(w, s);
}

void jsonw_kv_int(struct jsonw *w, const char *key, int64_t v)
{
	jsonw_key(w, key);
	jsonw_int(w, v);
}

void jsonw_kv_bool(struct jsonw *w, const char *key, int v)
{
	jsonw_key(w, key);
	jsonw_bool(w, v);
}
