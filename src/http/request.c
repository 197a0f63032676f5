/* Accessors for handlers, response helpers and the built-in validators.
 * Nothing here touches libmicrohttpd except http_header (server.c). */
#include "core/compat.h"
#include "core/err.h"
#include "core/jsonw.h"
#include "core/limits.h"
#include "http/http.h"
#include <strings.h>
#include <unistd.h>

static const char *find(const struct http_param *v, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(v[i].name, name))
			return v[i].value;
	return NULL;
}

const char *http_query(const struct http_req *req, const char *name)
{
	return find(req->query, req->n_query, name);
}

const char *http_form(const struct http_req *req, const char *name)
{
	return find(req->form, req->n_form, name);
}

const char *http_param_get(const struct http_req *req, const char *name)
{
	const char *v = http_query(req, name);
	return v ? v : http_form(req, name);
}

const char *http_path_param(const struct http_req *req, const char *name)
{
	return find(req->path_params, req->n_path_params, name);
}

const char *http_cookie(const struct http_req *req, const char *name)
{
	return find(req->cookies, req->n_cookies, name);
}

static size_t find_all(struct http_req *req, const struct http_param *v, size_t n,
		       const char *name, const char ***out)
{
	size_t count = 0;
	for (size_t i = 0; i < n; i++)
		count += !strcmp(v[i].name, name);
	const char **r = http_alloc(req, (count ? count : 1) * sizeof(*r));
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (!strcmp(v[i].name, name))
			r[k++] = v[i].value;
	*out = r;
	return count;
}

size_t http_form_all(struct http_req *req, const char *name, const char ***out)
{
	return find_all(req, req->form, req->n_form, name, out);
}

size_t http_query_all(struct http_req *req, const char *name, const char ***out)
{
	return find_all(req, req->query, req->n_query, name, out);
}

const struct http_upload *http_upload_get(const struct http_req *req, const char *field)
{
	for (size_t i = 0; i < req->n_uploads; i++)
		if (!strcmp(req->uploads[i].field, field))
			return &req->uploads[i];
	return NULL;
}

int http_parse_int64(const char *s, int64_t *out)
{
	if (!s || !*s)
		return APP_EINVAL;
	const char *p = s;
	int neg = 0;
	if (*p == '-') {
		neg = 1;
		p++;
	}
	if (!*p)
		return APP_EINVAL;
	uint64_t v = 0;
	for (; *p; p++) {
		if (*p < '0' || *p > '9')
			return APP_EINVAL;
		if (v > (UINT64_MAX - 9) / 10)
			return APP_EINVAL;
		v = v * 10 + (uint64_t)(*p - '0');
		if (v > (uint64_t)INT64_MAX + (uint64_t)neg)
			return APP_EINVAL;
	}
	*out = neg ? (int64_t)(0 - v) : (int64_t)v;
	return 0;
}

int http_path_int64(const struct http_req *req, const char *name, int64_t *out)
{
	const char *v = http_path_param(req, name);
	if (!v || !v_uint(v, strlen(v)) || http_parse_int64(v, out))
		return APP_ENOTFOUND;
	return 0;
}

void *http_alloc(struct http_req *req, size_t n)
{
	return arena_alloc(&req->arena, n);
}

char *http_strdup(struct http_req *req, const char *s)
{
	return arena_strdup(&req->arena, s);
}

char *http_printf(struct http_req *req, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char tmp[512];
	va_list cp;
	va_copy(cp, ap);
	int n = vsnprintf(tmp, sizeof(tmp), fmt, cp);
	va_end(cp);
	char *r;
	if (n < 0) {
		r = http_strdup(req, "");
	} else if ((size_t)n < sizeof(tmp)) {
		r = arena_strndup(&req->arena, tmp, (size_t)n);
	} else {
		r = http_alloc(req, (size_t)n + 1);
		vsnprintf(r, (size_t)n + 1, fmt, ap);
	}
	va_end(ap);
	return r;
}

const char *http_msg(const struct http_req *req, enum msg_id id)
{
	return msg(id, req->lang);
}

static int header_safe(const char *s)
{
	for (; *s; s++)
		if (*s == '\r' || *s == '\n' || ((unsigned char)*s < 0x20 && *s != '\t'))
			return 0;
	return 1;
}

int http_resp_header(struct http_req *req, struct http_resp *resp, const char *name,
		     const char *value)
{
	if (!header_safe(name) || !header_safe(value) || !*name)
		return APP_EINVAL;
	if (resp->n_headers >= HTTP_MAX_RESP_HEADERS)
		return APP_ETOOBIG;
	resp->headers[resp->n_headers].name = http_strdup(req, name);
	resp->headers[resp->n_headers].value = http_strdup(req, value);
	resp->n_headers++;
	return 0;
}

void http_resp_start(struct http_resp *resp, int status, const char *content_type)
{
	resp->status = status;
	resp->content_type = content_type;
}

int http_resp_file(struct http_resp *resp, int status, const char *content_type, int fd)
{
	if (fd < 0)
		return APP_EIO;
	if (resp->has_file)
		close(resp->file_fd);
	buf_reset(&resp->body);
	resp->status = status;
	resp->content_type = content_type;
	resp->has_file = 1;
	resp->file_fd = fd;
	return 0;
}

void http_redirect(struct http_req *req, struct http_resp *resp, const char *location)
{
	if (!location || location[0] != '/' || location[1] == '/' || location[1] == '\\' ||
	    !header_safe(location))
		location = "/";
	buf_reset(&resp->body);
	resp->status = 303;
	resp->content_type = HTTP_CT_TEXT;
	(void)http_resp_header(req, resp, "Location", location);
}

enum msg_id http_status_msg(int status)
{
	switch (status) {
	case 400: return M_HTTP_ERR_400;
	case 401: return M_HTTP_ERR_401;
	case 403: return M_HTTP_ERR_403;
	case 404: return M_HTTP_ERR_404;
	case 405: return M_HTTP_ERR_405;
	case 409: return M_HTTP_ERR_409;
	case 413: return M_HTTP_ERR_413;
	case 415: return M_HTTP_ERR_415;
	case 422: return M_HTTP_ERR_422;
	case 423: return M_HTTP_ERR_423;
	case 429: return M_HTTP_ERR_429;
	case 503: return M_HTTP_ERR_503;
	default: return M_HTTP_ERR_500;
	}
}

void http_json_error(struct http_req *req, struct http_resp *resp, int err, const char *message)
{
	struct jsonw w;
	buf_reset(&resp->body);
	resp->status = app_err_http_status(err);
	resp->content_type = HTTP_CT_JSON;
	if (!message)
		message = http_msg(req, http_status_msg(resp->status));
	jsonw_init(&w, &resp->body);
	jsonw_obj_begin(&w);
	jsonw_kv_str(&w, "error", app_err_name(err));
	jsonw_kv_str(&w, "message", message);
	jsonw_obj_end(&w);
}

int http_set_cookie(struct http_req *req, struct http_resp *resp, const char *name,
		    const char *value, int64_t max_age_s)
{
	for (const char *p = value; *p; p++)
		if (*p == ';' || *p == ',' || *p == ' ' || *p == '"' || *p == '\\' ||
		    (unsigned char)*p < 0x21 || (unsigned char)*p > 0x7e)
			return APP_EINVAL;
	char *c = http_printf(req, "%s=%s; Path=/; HttpOnly; SameSite=Strict%s; Max-Age=%" PRId64,
			      name, max_age_s > 0 ? value : "", req->secure ? "; Secure" : "",
			      max_age_s > 0 ? max_age_s : 0);
	return http_resp_header(req, resp, "Set-Cookie", c);
}

/* ---- validators ---- */

/* Length of the UTF-8 sequence at p (well-formed, shortest form, no
 * surrogates), or 0. */
static size_t utf8_len(const unsigned char *p, size_t n)
{
	unsigned char c = p[0];
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF)
		return n >= 2 && (p[1] & 0xC0) == 0x80 ? 2 : 0;
	if (c >= 0xE0 && c <= 0xEF) {
		if (n < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
			return 0;
		if (c == 0xE0 && p[1] < 0xA0)
			return 0;
		if (c == 0xED && p[1] >= 0xA0)
			return 0;
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if (n < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
			return 0;
		if (c == 0xF0 && p[1] < 0x90)
			return 0;
		if (c == 0xF4 && p[1] >= 0x90)
			return 0;
		return 4;
	}
	return 0;
}

static int text_check(const char *v, size_t len, int allow_newline)
{
	const unsigned char *p = (const unsigned char *)v;
	for (size_t i = 0; i < len;) {
		unsigned char c = p[i];
		if (c < 0x20 || c == 0x7f) {
			if (!(c == '\t' || (allow_newline && (c == '\r' || c == '\n'))))
				return 0;
		}
		size_t l = utf8_len(p + i, len - i);
		if (!l)
			return 0;
		i += l;
	}
	return 1;
}

int v_text(const char *v, size_t len)
{
	return text_check(v, len, 1);
}

int v_line(const char *v, size_t len)
{
	return text_check(v, len, 0);
}

int v_nonempty(const char *v, size_t len)
{
	if (!v_line(v, len))
		return 0;
	for (size_t i = 0; i < len; i++)
		if (v[i] != ' ' && v[i] != '\t')
			return 1;
	return 0;
}

int v_uint(const char *v, size_t len)
{
	if (len == 0 || len > 19)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (v[i] < '0' || v[i] > '9')
			return 0;
	if (len == 19 && memcmp(v, "9223372036854775807", 19) > 0)
		return 0;
	return 1;
}

int v_uint_or_empty(const char *v, size_t len)
{
	return len == 0 || v_uint(v, len);
}

int v_token(const char *v, size_t len)
{
	if (len == 0 || len > 128)
		return 0;
	for (size_t i = 0; i < len; i++) {
		char c = v[i];
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      c == '_' || c == '-'))
			return 0;
	}
	return 1;
}

int v_token_or_empty(const char *v, size_t len)
{
	return len == 0 || v_token(v, len);
}

int v_lang(const char *v, size_t len)
{
	return len == 2 && (!memcmp(v, "id", 2) || !memcmp(v, "en", 2));
}

int v_bool(const char *v, size_t len)
{
	return len == 0 || (len == 1 && (v[0] == '0' || v[0] == '1')) ||
	       (len == 2 && !memcmp(v, "on", 2));
}

int v_nip(const char *v, size_t len)
{
	if (len == 0)
		return 1;
	if (len != 18)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (v[i] < '0' || v[i] > '9')
			return 0;
	return 1;
}

int v_any(const char *v, size_t len)
{
	return memchr(v, '\0', len) == NULL;
}
