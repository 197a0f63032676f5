/* Renders an audit diff {"field":[old,new],...} as a readable list
 * ("golongan: III/a → III/b"). Only that shape is understood; anything else
 * (or malformed JSON) is shown as escaped text, so nothing is ever lost.
 * jansson stays in api/: this is a bounded reader for one flat shape. */
#include "core/compat.h"
#include "web/diff_view.h"

struct rd {
	const char *p, *end;
};

static void ws(struct rd *r)
{
	while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
		r->p++;
}

static int hex4(const char *p, unsigned *out)
{
	unsigned v = 0;
	for (int i = 0; i < 4; i++) {
		char c = p[i];
		v <<= 4;
		if (c >= '0' && c <= '9') v |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f') v |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F') v |= (unsigned)(c - 'A' + 10);
		else return -1;
	}
	*out = v;
	return 0;
}

static int put_utf8(struct buf *b, unsigned cp)
{
	char u[4];
	size_t n;
	if (cp < 0x80) { u[0] = (char)cp; n = 1; }
	else if (cp < 0x800) { u[0] = (char)(0xC0 | (cp >> 6)); u[1] = (char)(0x80 | (cp & 63)); n = 2; }
	else if (cp < 0x10000) { u[0] = (char)(0xE0 | (cp >> 12)); u[1] = (char)(0x80 | ((cp >> 6) & 63)); u[2] = (char)(0x80 | (cp & 63)); n = 3; }
	else { u[0] = (char)(0xF0 | (cp >> 18)); u[1] = (char)(0x80 | ((cp >> 12) & 63)); u[2] = (char)(0x80 | ((cp >> 6) & 63)); u[3] = (char)(0x80 | (cp & 63)); n = 4; }
	return buf_add(b, u, n);
}

/* A JSON string into b (decoded). */
static int str(struct rd *r, struct buf *b)
{
	if (r->p >= r->end || *r->p != '"')
		return -1;
	r->p++;
	while (r->p < r->end && *r->p != '"') {
		char c = *r->p++;
		if ((unsigned char)c < 0x20)
			return -1;
		if (c != '\\') {
			if (buf_addc(b, c))
				return -1;
			continue;
		}
		if (r->p >= r->end)
			return -1;
		char e = *r->p++;
		const char *simple = strchr("\"\\/bfnrt", e);
		if (e && simple) {
			static const char map[] = "\"\\/\b\f\n\r\t";
			if (buf_addc(b, map[simple - "\"\\/bfnrt"]))
				return -1;
			continue;
		}
		if (e != 'u' || r->end - r->p < 4)
			return -1;
		unsigned cp;
		if (hex4(r->p, &cp))
			return -1;
		r->p += 4;
		if (cp >= 0xD800 && cp <= 0xDBFF) {
			unsigned lo;
			if (r->end - r->p < 6 || r->p[0] != '\\' || r->p[1] != 'u' || hex4(r->p + 2, &lo) ||
			    lo < 0xDC00 || lo > 0xDFFF)
				return -1;
			r->p += 6;
			cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
		} else if (cp >= 0xDC00 && cp <= 0xDFFF) {
			return -1;
		}
		if (put_utf8(b, cp))
			return -1;
	}
	if (r->p >= r->end)
		return -1;
	r->p++;
	return 0;
}

/* A scalar (string, number, true, false, null) into b; *is_null set. */
static int scalar(struct rd *r, struct buf *b, int *is_null)
{
	ws(r);
	*is_null = 0;
	if (r->p < r->end && *r->p == '"')
		return str(r, b);
	const char *s = r->p;
	while (r->p < r->end && (strchr("-+.eE", *r->p) || (*r->p >= '0' && *r->p <= '9') ||
				 (*r->p >= 'a' && *r->p <= 'z')))
		r->p++;
	size_t n = (size_t)(r->p - s);
	if (n == 0)
		return -1;
	if (n == 4 && !memcmp(s, "null", 4)) {
		*is_null = 1;
		return 0;
	}
	return buf_add(b, s, n) ? -1 : 0;
}

static int render(struct html *h, const char *json, size_t len)
{
	struct rd r = { json, json + len };
	struct buf k, o, n;
	int rc = -1;
	buf_init(&k, 4096);
	buf_init(&o, 65536);
	buf_init(&n, 65536);
	/* Parse everything first; write only when the whole diff is good. */
	struct buf out;
	buf_init(&out, 1 << 20);
	struct html tmp;
	html_init(&tmp, &out);
	ws(&r);
	if (r.p >= r.end || *r.p++ != '{')
		goto done;
	ws(&r);
	html_raw(&tmp, "<ul class=\"diff\">");
	if (r.p < r.end && *r.p == '}') {
		r.p++;
	} else {
		for (;;) {
			int on, nn;
			buf_reset(&k);
			buf_reset(&o);
			buf_reset(&n);
			ws(&r);
			if (str(&r, &k))
				goto done;
			ws(&r);
			if (r.p >= r.end || *r.p++ != ':')
				goto done;
			ws(&r);
			if (r.p >= r.end || *r.p++ != '[')
				goto done;
			if (scalar(&r, &o, &on))
				goto done;
			ws(&r);
			if (r.p >= r.end || *r.p++ != ',')
				goto done;
			if (scalar(&r, &n, &nn))
				goto done;
			ws(&r);
			if (r.p >= r.end || *r.p++ != ']')
				goto done;
			html_raw(&tmp, "<li><span class=\"field\">");
			html_textn(&tmp, k.ptr, k.len);
			html_raw(&tmp, "</span>: ");
			if (!on) {
				html_raw(&tmp, "<del>");
				html_textn(&tmp, o.ptr, o.len);
				html_raw(&tmp, "</del> → ");
			}
			if (nn) {
				html_raw(&tmp, "<em>—</em>");
			} else {
				html_raw(&tmp, "<ins>");
				html_textn(&tmp, n.ptr, n.len);
				html_raw(&tmp, "</ins>");
			}
			html_raw(&tmp, "</li>");
			ws(&r);
			if (r.p < r.end && *r.p == ',') {
				r.p++;
				continue;
			}
			if (r.p < r.end && *r.p == '}') {
				r.p++;
				break;
			}
			goto done;
		}
	}
	ws(&r);
	if (r.p != r.end)
		goto done;
	html_raw(&tmp, "</ul>");
	if (tmp.err)
		goto done;
	/* out holds markup built only from literals and escaped text. */
	if (!h->err)
		h->err = buf_add(h->out, out.ptr, out.len);
	rc = 0;
done:
	buf_release(&k);
	buf_release(&o);
	buf_release(&n);
	buf_release(&out);
	return rc;
}

void diff_view(struct html *h, const char *json)
{
	if (!json || !*json)
		return;
	if (render(h, json, strlen(json)) != 0) {
		html_raw(h, "<code class=\"diff\">");
		html_text(h, json);
		html_raw(h, "</code>");
	}
}
