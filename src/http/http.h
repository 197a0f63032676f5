/* The HTTP layer's contract with page (web/) and JSON (api/) handlers.
 * Only src/http/ includes <microhttpd.h>; handlers see these structs.
 *
 * How a request flows (src/http/server.c):
 *  1. The router finds the route for (method, path) in web_routes[] then
 *     api_routes[]; unknown path -> 404, known path with another method ->
 *     405.
 *  2. Limits: Content-Length above the route's body limit -> 413 before the
 *     body is read, and again while reading; a body with a content type the
 *     route does not accept -> 415.
 *  3. Authentication, still before any body is read: the session cookie
 *     (or "Authorization: Bearer" on ROUTE_JSON routes) is resolved to
 *     req->principal through app/auth. ROUTE_AUTH_REQUIRED without a
 *     principal -> web: 303 to /login, JSON: 401.
 *  4. The body (urlencoded or multipart form) and the query string are
 *     parsed; any parameter the route does not declare, or that fails its
 *     validator, -> 400 with a bilingual message. Handlers therefore only
 *     ever see declared, validated parameters.
 *  5. ROUTE_CSRF_CHECK on a POST/PUT/PATCH/DELETE authenticated by the
 *     session cookie: the form field "csrf" (or header X-CSRF-Token) must
 *     equal the session's token (constant time) -> else 403. Requests
 *     authenticated by a Bearer token need no CSRF token.
 *  6. The handler runs with a store connection of its own (req->store, one
 *     per worker thread). It fills *resp and returns 0, or returns a
 *     negative enum app_err and leaves resp alone: the server then renders
 *     the error page (HTML) or {"error":"not_found","message":...} (JSON)
 *     with app_err_http_status(). A handler may also set resp->status
 *     itself (e.g. 422 with a page of field errors) and return 0.
 *  7. Security headers go on every response (CSP default-src 'self',
 *     nosniff, Referrer-Policy same-origin, X-Frame-Options DENY).
 *
 * Memory: every pointer in struct http_req, and everything allocated with
 * http_alloc/http_strdup/http_printf, is owned by the request arena and valid
 * until the response has been sent. */
#ifndef WASDAL_HTTP_HTTP_H
#define WASDAL_HTTP_HTTP_H

#include <stddef.h>
#include <stdint.h>
#include "core/arena.h"
#include "core/buf.h"
#include "core/msg.h"
#include "app/principal.h"

struct store;
struct route;

enum http_method {
	HTTP_GET = 1 << 0,
	HTTP_HEAD = 1 << 1,   /* answered by GET routes, body dropped */
	HTTP_POST = 1 << 2,
	HTTP_PUT = 1 << 3,
	HTTP_PATCH = 1 << 4,
	HTTP_DELETE = 1 << 5,
};

/* A name/value pair from the path, query string, form or cookies. value
 * is NUL-terminated; len excludes the NUL (values may contain NUL bytes
 * only if a validator lets them through; none of the built-ins do). */
struct http_param {
	const char *name;
	const char *value;
	size_t len;
};

/* A file part of a multipart/form-data body (the field must be declared
 * with PARAM_FILE). data is not NUL-terminated text: use len. */
struct http_upload {
	const char *field;
	const char *filename;      /* as sent by the client: display only */
	const char *content_type;  /* as sent: never trust it, sniff data */
	const char *data;
	size_t len;
};

#define HTTP_MAX_PATH_PARAMS 4

struct http_req {
	enum http_method method;
	const char *path;             /* decoded path, no query string */
	const struct route *route;

	struct http_param path_params[HTTP_MAX_PATH_PARAMS]; /* from ":name" */
	size_t n_path_params;
	struct http_param *query;     /* declared query parameters, in order */
	size_t n_query;
	struct http_param *form;      /* declared form fields (urlencoded or multipart) */
	size_t n_form;
	struct http_upload *uploads;  /* multipart file parts */
	size_t n_uploads;
	struct http_param *cookies;
	size_t n_cookies;

	const char *content_type;     /* media type, lower-case, no parameters; "" if none */
	const char *body;             /* raw body, NUL-terminated (JSON routes use it) */
	size_t body_len;

	/* Authentication, filled by the server before the handler runs. */
	int authenticated;            /* 1 when principal is a logged-in user */
	int via_token;                /* 1 when by Bearer token (no cookie, no CSRF) */
	struct principal principal;   /* role ROLE_NONE when anonymous */
	char csrf[65];                /* the session's CSRF token, or "" */
	enum lang lang;               /* ?lang=, then cookie, then session, then id */
	int secure;                   /* --secure-cookies: cookies get Secure */

	struct store *store;          /* this worker's connection: use from app/ only */
	struct arena arena;
	char req_id[17];              /* for log lines */
	char client_key[64];          /* remote address, for rate-limit keys only:
					 never store or log it (public report routes) */
	int64_t now_ms;               /* request start, UTC ms */

	void *conn_;                  /* private to src/http */
};

#define HTTP_MAX_RESP_HEADERS 16

struct http_header {
	const char *name;   /* arena-owned or static */
	const char *value;
};

struct http_resp {
	int status;                   /* 0 until set; 200 when a handler sets a body */
	const char *content_type;     /* static string, e.g. HTTP_CT_HTML */
	struct buf body;              /* bounded by LIMIT_RESPONSE_BODY */
	struct http_header headers[HTTP_MAX_RESP_HEADERS];
	size_t n_headers;
	const char *attachment;       /* filename: Content-Disposition: attachment */
	int no_store;                 /* informational: every response without its own
					 Cache-Control header gets no-store anyway */
	int has_file;                 /* body is file_fd instead (http_resp_file) */
	int file_fd;
};

#define HTTP_CT_HTML "text/html; charset=utf-8"
#define HTTP_CT_JSON "application/json"
#define HTTP_CT_TEXT "text/plain; charset=utf-8"
#define HTTP_CT_CSV "text/csv; charset=utf-8"
#define HTTP_CT_XLSX "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

typedef int (*http_handler)(struct http_req *req, struct http_resp *resp);

/* A validator is a pure function on the raw value: 1 accepts, 0 rejects. */
typedef int (*http_validator)(const char *v, size_t len);

enum param_flags {
	PARAM_QUERY = 1 << 0,     /* may come in the query string */
	PARAM_FORM = 1 << 1,      /* may come in the body (urlencoded/multipart) */
	PARAM_FILE = 1 << 2,      /* a multipart file part */
	PARAM_REQUIRED = 1 << 3,  /* absent -> 400 */
	PARAM_MULTI = 1 << 4,     /* may repeat; otherwise a repeat -> 400 */
};

struct route_param {
	const char *name;
	unsigned flags;           /* enum param_flags */
	http_validator valid;     /* NULL = v_text */
	size_t max_len;           /* 0 = LIMIT_PARAM_VALUE */
};

enum route_flags {
	ROUTE_PUBLIC = 0,
	ROUTE_AUTH_REQUIRED = 1 << 0,
	ROUTE_CSRF_CHECK = 1 << 1,   /* see step 5 above */
	ROUTE_JSON = 1 << 2,         /* API route: JSON errors, Bearer auth, body application/json */
	ROUTE_FORM = 1 << 3,         /* accepts application/x-www-form-urlencoded */
	ROUTE_MULTIPART = 1 << 4,    /* accepts multipart/form-data (body limit LIMIT_UPLOAD_BODY) */
	ROUTE_NO_IP_LOG = 1 << 5,    /* never log IP or user agent (public reports: /lapor) */
	ROUTE_PREFIX = 1 << 6,       /* pattern matches any path below it (static files) */
	ROUTE_CSV = 1 << 7,          /* also accepts a text/csv body (API imports; raw in req->body) */
	ROUTE_READ_TX = 1 << 8,      /* GET that only reads: a Bearer token is checked and the
					handler runs in one read transaction (one snapshot, one
					round of SQLite file locks); its own store_tx_begin is
					then skipped (store_in_tx) */
};

struct route {
	unsigned methods;            /* enum http_method bits */
	const char *pattern;         /* "/pegawai/:id/ubah"; ":name" matches one segment */
	http_handler handler;
	unsigned flags;              /* enum route_flags */
	const struct route_param *params; /* terminated by {NULL}; NULL = none accepted */
	size_t max_body;             /* 0 = default for the flags (core/limits.h) */
};

/* Both tables end with an entry whose pattern is NULL. */
extern const struct route web_routes[];   /* src/web/web_routes.c */
extern const struct route api_routes[];   /* src/api/api_routes.c */

/* ---- reading the request (all return arena-owned or request strings) ---- */

/* NULL when absent. For PARAM_MULTI use http_query_all / http_form_all. */
const char *http_query(const struct http_req *req, const char *name);
const char *http_form(const struct http_req *req, const char *name);
/* Query first, then form. */
const char *http_param_get(const struct http_req *req, const char *name);
const char *http_path_param(const struct http_req *req, const char *name);
/* Every value of a repeated parameter; returns the count, *out arena-owned. */
size_t http_form_all(struct http_req *req, const char *name, const char ***out);
size_t http_query_all(struct http_req *req, const char *name, const char ***out);
const struct http_upload *http_upload_get(const struct http_req *req, const char *field);
const char *http_cookie(const struct http_req *req, const char *name);
/* A request header by case-insensitive name, NULL when absent. */
const char *http_header(const struct http_req *req, const char *name);
/* Strict decimal int64 ("", sign-only, junk, overflow -> APP_EINVAL). The
 * path variant gives APP_ENOTFOUND for a bad id so /x/abc is a 404. */
int http_path_int64(const struct http_req *req, const char *name, int64_t *out)
	__attribute__((warn_unused_result));
int http_parse_int64(const char *s, int64_t *out) __attribute__((warn_unused_result));

void *http_alloc(struct http_req *req, size_t n);
char *http_strdup(struct http_req *req, const char *s);
char *http_printf(struct http_req *req, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Shorthand for msg(id, req->lang). */
const char *http_msg(const struct http_req *req, enum msg_id id);

/* ---- writing the response ---- */

/* Adds a header (name and value are copied into the request arena). At
 * most HTTP_MAX_RESP_HEADERS; Set-Cookie may repeat. Values with CR or LF
 * are refused (APP_EINVAL). */
int http_resp_header(struct http_req *req, struct http_resp *resp, const char *name,
		     const char *value);
/* Sets status and content type; the body is appended with buf_add*. */
void http_resp_start(struct http_resp *resp, int status, const char *content_type);
/* Send the whole content of an open, seekable file as the body instead of
 * resp->body (exports: nothing is held in memory). Takes ownership of fd:
 * it is closed after sending, or on error. Returns 0 or APP_EIO. */
int http_resp_file(struct http_resp *resp, int status, const char *content_type, int fd);
/* 303 See Other to a local path ("/pegawai?q=1"); anything not starting
 * with a single '/' becomes "/". */
void http_redirect(struct http_req *req, struct http_resp *resp, const char *location);
/* {"error":"<app_err_name>","message":"<text in req->lang>"} with the
 * status of err; message NULL uses a generic text for the status. */
void http_json_error(struct http_req *req, struct http_resp *resp, int err, const char *message);

/* The catalogue text for an HTTP error status (M_HTTP_ERR_500 for unknown). */
enum msg_id http_status_msg(int status);

/* Cookies: HttpOnly, SameSite=Strict, Path=/, Secure when req->secure.
 * max_age_s 0 deletes the cookie. value must be a token (no ; , space). */
int http_set_cookie(struct http_req *req, struct http_resp *resp, const char *name,
		    const char *value, int64_t max_age_s);

/* Name of the session cookie. */
#define HTTP_SESSION_COOKIE "wasdal_sesi"
#define HTTP_LANG_COOKIE "wasdal_lang"

/* ---- built-in validators (pure) ---- */
int v_text(const char *v, size_t len);     /* valid UTF-8, no control chars but \t\r\n */
int v_line(const char *v, size_t len);     /* v_text without \r\n */
int v_nonempty(const char *v, size_t len); /* v_line and at least one non-space */
int v_uint(const char *v, size_t len);     /* 1..19 digits, fits int64 */
int v_uint_or_empty(const char *v, size_t len);
int v_token(const char *v, size_t len);    /* [A-Za-z0-9_-]{1,128} (csrf, codes) */
int v_token_or_empty(const char *v, size_t len);
int v_lang(const char *v, size_t len);     /* "id" | "en" */
int v_bool(const char *v, size_t len);     /* "", "0", "1", "on" */
int v_nip(const char *v, size_t len);      /* 18 digits, or "" */
int v_any(const char *v, size_t len);      /* passwords: any bytes but NUL */

/* The CSRF form field every POST form carries. */
#define HTTP_CSRF_FIELD "csrf"

#endif
