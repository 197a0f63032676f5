/* The libmicrohttpd adapter: connection limits, body limits, content
 * types, parameter allowlists, authentication, CSRF, security headers, one
 * store connection per worker, the access log and clean shutdown. The
 * request flow is described in http/http.h. */
#include "core/compat.h"
#include "core/err.h"
#include "core/limits.h"
#include "core/log.h"
#include "core/xalloc.h"
#include "http/http.h"
#include "http/parse.h"
#include "http/router.h"
#include "http/server.h"
#include "app/auth.h"
#include "store/store.h"
#include "web/web.h"
#include "api/api_error.h"
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <time.h>

/* ---- one store connection per worker thread ---- */

struct store_pool {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	struct store **free;
	size_t n_free, n_all;
	struct store **all;
};

static struct store_pool pool = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER };

static struct store *pool_get(void)
{
	pthread_mutex_lock(&pool.mu);
	while (pool.n_free == 0)
		pthread_cond_wait(&pool.cv, &pool.mu);
	struct store *s = pool.free[--pool.n_free];
	pthread_mutex_unlock(&pool.mu);
	return s;
}

static void pool_put(struct store *s)
{
	pthread_mutex_lock(&pool.mu);
	pool.free[pool.n_free++] = s;
	pthread_cond_signal(&pool.cv);
	pthread_mutex_unlock(&pool.mu);
}

static void pool_close(void)
{
	for (size_t i = 0; i < pool.n_all; i++)
		store_close(pool.all[i]);
	free(pool.all);
	free(pool.free);
	pool.all = pool.free = NULL;
	pool.n_all = pool.n_free = 0;
}

/* ---- per-connection state ---- */

enum phase { PH_NEW, PH_BODY, PH_DONE };

struct conn_ctx {
	enum phase phase;
	char *raw_uri;          /* as sent: path?query */
	struct http_req req;
	struct http_resp resp;
	struct buf body;
	size_t limit;
	int too_big;
	uint64_t discarded;
	struct timespec start;
	char session_lang[3];   /* the session's language, applied last */
	int auth_later;         /* ROUTE_READ_TX: authenticate in dispatch() */
	int read_tx;            /* ROUTE_READ_TX: the read transaction of
				   authenticate() is still open for the handler */
};

static int g_secure;
static atomic_uint_fast64_t g_req_counter;

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void *uri_log_cb(void *cls, const char *uri, struct MHD_Connection *conn)
{
	UNUSED(cls);
	UNUSED(conn);
	struct conn_ctx *c = xcalloc(1, sizeof(*c));
	c->raw_uri = xstrdup(uri ? uri : "/");
	arena_init(&c->req.arena);
	buf_init(&c->resp.body, LIMIT_RESPONSE_BODY);
	buf_init(&c->body, 0);
	clock_gettime(CLOCK_MONOTONIC, &c->start);
	return c;
}

static void completed_cb(void *cls, struct MHD_Connection *conn, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	UNUSED(cls);
	UNUSED(conn);
	UNUSED(toe);
	struct conn_ctx *c = *con_cls;
	if (!c)
		return;
	buf_release(&c->body);
	buf_release(&c->resp.body);
	if (c->resp.has_file)
		close(c->resp.file_fd);
	arena_release(&c->req.arena);
	free(c->raw_uri);
	free(c);
	*con_cls = NULL;
}

const char *http_header(const struct http_req *req, const char *name)
{
	if (!req->conn_)
		return NULL;
	return MHD_lookup_connection_value(req->conn_, MHD_HEADER_KIND, name);
}

/* ---- responses ---- */

static const char CSP[] =
	"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
	"font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
	"frame-ancestors 'none'";

static void render_error(struct conn_ctx *c, int status, const char *detail)
{
	struct http_req *req = &c->req;
	struct http_resp *resp = &c->resp;
	resp->n_headers = 0;
	buf_reset(&resp->body);
	resp->attachment = NULL;
	if (resp->has_file) {
		close(resp->file_fd);
		resp->has_file = 0;
	}
	if ((req->route && (req->route->flags & ROUTE_JSON)) ||
	    !strncmp(req->path ? req->path : "", "/api/", 5)) {
		/* The API's one error shape (api/api_error.h). */
		api_error_page(req, resp, status, detail);
	} else {
		web_error_page(req, resp, status, detail);
		resp->status = status;
	}
}

static void add_hdr(struct MHD_Response *r, const char *name, const char *value)
{
	MHD_add_response_header(r, name, value);
}

static enum MHD_Result send_resp(struct MHD_Connection *conn, struct conn_ctx *c)
{
	struct http_resp *resp = &c->resp;
	if (resp->status == 0)
		resp->status = 200;
	struct MHD_Response *r;
	if (resp->has_file) {
		struct stat st;
		resp->has_file = 0;
		if (fstat(resp->file_fd, &st) != 0 ||
		    !(r = MHD_create_response_from_fd64((uint64_t)st.st_size, resp->file_fd))) {
			close(resp->file_fd);
			return MHD_NO;
		}
	} else {
		size_t len = 0;
		char *body = buf_detach(&resp->body, &len);
		r = MHD_create_response_from_buffer_with_free_callback(len, body, free);
		if (!r) {
			free(body);
			return MHD_NO;
		}
	}
	add_hdr(r, "Content-Type", resp->content_type ? resp->content_type : HTTP_CT_TEXT);
	add_hdr(r, "Content-Security-Policy", CSP);
	add_hdr(r, "X-Content-Type-Options", "nosniff");
	add_hdr(r, "Referrer-Policy", "same-origin");
	add_hdr(r, "X-Frame-Options", "DENY");
	add_hdr(r, "Cross-Origin-Opener-Policy", "same-origin");
	int has_cc = 0;
	for (size_t i = 0; i < resp->n_headers; i++) {
		add_hdr(r, resp->headers[i].name, resp->headers[i].value);
		if (!strcasecmp(resp->headers[i].name, "Cache-Control"))
			has_cc = 1;
	}
	if (!has_cc)
		add_hdr(r, "Cache-Control", "no-store");
	if (resp->attachment) {
		/* Only a safe subset of characters reaches the header. */
		char name[128];
		size_t o = 0;
		for (const char *p = resp->attachment; *p && o + 1 < sizeof(name); p++) {
			char ch = *p;
			int ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
				 (ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == '_';
			name[o++] = ok ? ch : '_';
		}
		name[o] = '\0';
		char cd[192];
		snprintf(cd, sizeof(cd), "attachment; filename=\"%s\"", o ? name : "download");
		add_hdr(r, "Content-Disposition", cd);
	}
	enum MHD_Result ret = MHD_queue_response(conn, (unsigned)resp->status, r);
	MHD_destroy_response(r);

	struct timespec end;
	clock_gettime(CLOCK_MONOTONIC, &end);
	long ms = (end.tv_sec - c->start.tv_sec) * 1000 + (end.tv_nsec - c->start.tv_nsec) / 1000000;
	/* The access log never holds an IP address, a user agent or a query
	 * string (searches carry NIPs; /lapor must never identify anyone). */
	log_info("http %s %s %s %d %ldms", c->req.req_id,
		 c->req.method == HTTP_POST ? "POST" : c->req.method == HTTP_HEAD ? "HEAD" :
		 c->req.method == HTTP_PUT ? "PUT" : c->req.method == HTTP_PATCH ? "PATCH" :
		 c->req.method == HTTP_DELETE ? "DELETE" : "GET",
		 c->req.route ? c->req.route->pattern : "-", resp->status, ms);
	c->phase = PH_DONE;
	return ret;
}

static enum MHD_Result fail(struct MHD_Connection *conn, struct conn_ctx *c, int status,
			    const char *detail)
{
	render_error(c, status, detail);
	return send_resp(conn, c);
}

/* "message in the request's language / in the other one": the 400s for
 * parameters are read by developers and users alike. */
static const char *bilingual(struct conn_ctx *c, enum msg_id id, const char *arg)
{
	enum lang other = c->req.lang == LANG_EN ? LANG_ID : LANG_EN;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	char *a = http_printf(&c->req, msg(id, c->req.lang), arg);
	char *b = http_printf(&c->req, msg(id, other), arg);
#pragma GCC diagnostic pop
	return http_printf(&c->req, "%s / %s", a, b);
}

/* ---- request parsing ---- */

static enum http_method parse_method(const char *m)
{
	if (!strcmp(m, "GET")) return HTTP_GET;
	if (!strcmp(m, "HEAD")) return HTTP_HEAD;
	if (!strcmp(m, "POST")) return HTTP_POST;
	if (!strcmp(m, "PUT")) return HTTP_PUT;
	if (!strcmp(m, "PATCH")) return HTTP_PATCH;
	if (!strcmp(m, "DELETE")) return HTTP_DELETE;
	return 0;
}

static const char *media_type(struct http_req *req, const char *ct)
{
	if (!ct)
		return "";
	size_t n = strcspn(ct, ";");
	while (n && (ct[n - 1] == ' ' || ct[n - 1] == '\t'))
		n--;
	char *m = arena_strndup(&req->arena, ct, n);
	for (char *p = m; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p + 32);
	return m;
}

static size_t body_limit(const struct route *rt)
{
	if (rt->max_body)
		return rt->max_body;
	if (rt->flags & ROUTE_MULTIPART)
		return LIMIT_UPLOAD_BODY;
	if (rt->flags & ROUTE_JSON)
		return LIMIT_JSON_BODY;
	if (rt->flags & ROUTE_FORM)
		return LIMIT_FORM_BODY;
	return 0;
}

static int type_allowed(const struct route *rt, const char *mt)
{
	if ((rt->flags & ROUTE_FORM) && !strcmp(mt, "application/x-www-form-urlencoded"))
		return 1;
	if ((rt->flags & ROUTE_MULTIPART) && !strcmp(mt, "multipart/form-data"))
		return 1;
	if ((rt->flags & ROUTE_JSON) && !strcmp(mt, "application/json"))
		return 1;
	if ((rt->flags & ROUTE_CSV) && !strcmp(mt, "text/csv"))
		return 1;
	return 0;
}

/* Parameters every route accepts: the language switch on GETs, and the
 * CSRF token in forms. */
static const struct route_param implicit_params[] = {
	{ "lang", PARAM_QUERY, v_lang, 2 },
	{ HTTP_CSRF_FIELD, PARAM_FORM, v_token_or_empty, 128 },
	{ NULL },
};

static const struct route_param *find_decl(const struct route *rt, const char *name, unsigned where)
{
	if (rt->params)
		for (const struct route_param *p = rt->params; p->name; p++)
			if (!strcmp(p->name, name) && (p->flags & where))
				return p;
	for (const struct route_param *p = implicit_params; p->name; p++)
		if (!strcmp(p->name, name) && (p->flags & where))
			return p;
	return NULL;
}

/* Checks every parameter in v against the route's allowlist; on failure
 * returns the bilingual message for the 400. */
static const char *check_params(struct conn_ctx *c, const struct http_param *v, size_t n,
				unsigned where)
{
	const struct route *rt = c->req.route;
	for (size_t i = 0; i < n; i++) {
		const struct route_param *d = find_decl(rt, v[i].name, where);
		if (!d || strlen(v[i].name) > LIMIT_PARAM_NAME) {
			char shown[LIMIT_PARAM_NAME + 1];
			snprintf(shown, sizeof(shown), "%s", v[i].name);
			return bilingual(c, M_HTTP_UNKNOWN_PARAM, shown);
		}
		size_t max = d->max_len ? d->max_len : LIMIT_PARAM_VALUE;
		http_validator ok = d->valid ? d->valid : v_text;
		if (v[i].len > max || !ok(v[i].value, v[i].len))
			return bilingual(c, M_HTTP_BAD_PARAM, d->name);
		if (!(d->flags & PARAM_MULTI))
			for (size_t j = 0; j < i; j++)
				if (!strcmp(v[j].name, v[i].name))
					return bilingual(c, M_HTTP_REPEATED_PARAM, d->name);
	}
	return NULL;
}

static const char *check_required(struct conn_ctx *c, int has_body)
{
	const struct route *rt = c->req.route;
	if (!rt->params)
		return NULL;
	for (const struct route_param *p = rt->params; p->name; p++) {
		if (!(p->flags & PARAM_REQUIRED))
			continue;
		int found = 0;
		if (p->flags & PARAM_QUERY)
			found |= http_query(&c->req, p->name) != NULL;
		if (p->flags & PARAM_FORM) {
			if (!has_body && !(p->flags & PARAM_QUERY))
				continue;
			found |= http_form(&c->req, p->name) != NULL;
		}
		if (p->flags & PARAM_FILE)
			found |= http_upload_get(&c->req, p->name) != NULL;
		if (!found)
			return bilingual(c, M_HTTP_MISSING_PARAM, p->name);
	}
	return NULL;
}

static int parse_body(struct conn_ctx *c, const char **why)
{
	struct http_req *req = &c->req;
	req->body = c->body.ptr;
	req->body_len = c->body.len;
	if (c->body.len == 0)
		return 0;
	if (!strcmp(req->content_type, "application/x-www-form-urlencoded")) {
		int rc = form_parse(&req->arena, c->body.ptr, c->body.len, LIMIT_PARAMS, &req->form,
				    &req->n_form);
		if (rc)
			*why = bilingual(c, rc == APP_ETOOBIG ? M_HTTP_TOO_MANY_PARAMS : M_HTTP_BAD_ENCODING, "");
		return rc;
	}
	if (!strcmp(req->content_type, "multipart/form-data")) {
		char boundary[80];
		const char *ct = http_header(req, "Content-Type");
		if (!ct || multipart_boundary(ct, boundary, sizeof(boundary))) {
			*why = bilingual(c, M_HTTP_BAD_ENCODING, "");
			return APP_EINVAL;
		}
		struct multipart_part *parts;
		size_t n;
		int rc = multipart_parse(&req->arena, boundary, c->body.ptr, c->body.len,
					 LIMIT_MULTIPART_PARTS, &parts, &n);
		if (rc) {
			*why = bilingual(c, rc == APP_ETOOBIG ? M_HTTP_TOO_MANY_PARAMS : M_HTTP_BAD_ENCODING, "");
			return rc;
		}
		req->form = arena_alloc(&req->arena, (n ? n : 1) * sizeof(*req->form));
		req->uploads = arena_alloc(&req->arena, (n ? n : 1) * sizeof(*req->uploads));
		for (size_t i = 0; i < n; i++) {
			const struct route_param *d = find_decl(req->route, parts[i].name, PARAM_FILE);
			if (d && parts[i].filename) {
				struct http_upload *u = &req->uploads[req->n_uploads++];
				u->field = parts[i].name;
				u->filename = parts[i].filename;
				u->content_type = parts[i].content_type;
				u->data = parts[i].data;
				u->len = parts[i].len;
			} else if (parts[i].filename && !find_decl(req->route, parts[i].name, PARAM_FORM)) {
				*why = bilingual(c, M_HTTP_UNKNOWN_PARAM, parts[i].name);
				return APP_EINVAL;
			} else {
				struct http_param *f = &req->form[req->n_form++];
				f->name = parts[i].name;
				f->value = parts[i].data;
				f->len = parts[i].len;
			}
		}
		return 0;
	}
	return 0; /* JSON: the handler reads req->body */
}

static void client_key(struct MHD_Connection *conn, char *out, size_t n)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	snprintf(out, n, "?");
	if (!ci || !ci->client_addr)
		return;
	const struct sockaddr *sa = ci->client_addr;
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr, out,
			  (socklen_t)n);
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, out,
			  (socklen_t)n);
}

/* Constant-time comparison of two NUL-terminated tokens. */
static int token_eq(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	unsigned char d = (unsigned char)(la != lb);
	for (size_t i = 0; i < la && i < lb; i++)
		d |= (unsigned char)(a[i] ^ b[i]);
	return d == 0 && la > 0;
}

/* Same-origin check for forms posted without a session (the login form):
 * with SameSite=Strict cookies and no session yet, a matching Origin (or
 * Referer) is what stops login CSRF. */
static int same_origin(struct http_req *req)
{
	const char *host = http_header(req, "Host");
	const char *origin = http_header(req, "Origin");
	const char *src = origin ? origin : http_header(req, "Referer");
	if (!src)
		return 1; /* non-browser clients send neither */
	if (!host)
		return 0;
	const char *p = strstr(src, "://");
	if (!p)
		return 0;
	p += 3;
	size_t hl = strlen(host);
	return !strncasecmp(p, host, hl) && (p[hl] == '\0' || p[hl] == '/');
}

/* keep_tx: a ROUTE_READ_TX request dispatched at once; a Bearer token's
 * read transaction then stays open for the handler (c->read_tx). */
static void authenticate(struct conn_ctx *c, int keep_tx)
{
	struct http_req *req = &c->req;
	if (req->route->flags & ROUTE_JSON) {
		const char *az = http_header(req, "Authorization");
		if (az && !strncasecmp(az, "Bearer ", 7)) {
			/* The token and its user in one read transaction: one
			 * snapshot, and SQLite takes its file locks once instead
			 * of once per statement (fcntl/fstat were a fifth of a
			 * GET's time). */
			int tx = store_tx_begin(req->store, STORE_TX_READ) == 0;
			if (auth_bearer(req->store, az + 7, &req->principal) == 0) {
				req->authenticated = 1;
				req->via_token = 1;
			}
			if (tx && keep_tx && req->authenticated)
				c->read_tx = 1;
			else if (tx)
				store_tx_rollback(req->store);
			return;
		}
	}
	const char *tok = http_cookie(req, HTTP_SESSION_COOKIE);
	if (!tok || !v_token(tok, strlen(tok)))
		return;
	struct session se;
	memset(&se, 0, sizeof(se));
	if (auth_session(req->store, tok, &req->principal, &se) == 0) {
		req->authenticated = 1;
		snprintf(req->csrf, sizeof(req->csrf), "%s", se.csrf);
		snprintf(c->session_lang, sizeof(c->session_lang), "%s", se.lang);
	} else {
		memset(&req->principal, 0, sizeof(req->principal));
	}
}

static int auth_ok(struct conn_ctx *c)
{
	return !(c->req.route->flags & ROUTE_AUTH_REQUIRED) || c->req.authenticated;
}

static enum MHD_Result auth_refused(struct MHD_Connection *conn, struct conn_ctx *c)
{
	if (c->req.route->flags & ROUTE_JSON)
		return fail(conn, c, 401, NULL);
	http_redirect(&c->req, &c->resp, "/login");
	return send_resp(conn, c);
}

static enum MHD_Result dispatch_checked(struct MHD_Connection *conn, struct conn_ctx *c);

static enum MHD_Result dispatch(struct MHD_Connection *conn, struct conn_ctx *c)
{
	struct http_req *req = &c->req;
	if (c->too_big)
		return fail(conn, c, 413, NULL);
	enum MHD_Result ret;
	if (c->auth_later) {
		/* as in PH_NEW, before anything else is looked at */
		req->store = pool_get();
		authenticate(c, 1);
		ret = auth_ok(c) ? dispatch_checked(conn, c) : auth_refused(conn, c);
	} else {
		ret = dispatch_checked(conn, c);
	}
	if (req->store) {
		if (c->read_tx) {
			store_tx_rollback(req->store);
			c->read_tx = 0;
		}
		pool_put(req->store);
		req->store = NULL;
	}
	return ret;
}

/* The request once authenticated (req->store may already be held). */
static enum MHD_Result dispatch_checked(struct MHD_Connection *conn, struct conn_ctx *c)
{
	struct http_req *req = &c->req;

	/* Query string: parsed with our own parser from the raw URI. */
	const char *q = strchr(c->raw_uri, '?');
	if (q) {
		q++;
		size_t qn = strcspn(q, "#");
		int rc = form_parse(&req->arena, q, qn, LIMIT_PARAMS, &req->query, &req->n_query);
		if (rc)
			return fail(conn, c, 400,
				    bilingual(c, rc == APP_ETOOBIG ? M_HTTP_TOO_MANY_PARAMS : M_HTTP_BAD_ENCODING, ""));
	}
	/* Language: ?lang=, else the cookie (set in PH_NEW), else the session's. */
	const char *lq = http_query(req, "lang");
	if (lq && v_lang(lq, strlen(lq)))
		req->lang = lang_parse(lq);
	else if (!http_cookie(req, HTTP_LANG_COOKIE) && c->session_lang[0])
		req->lang = lang_parse(c->session_lang);

	const char *why = check_params(c, req->query, req->n_query, PARAM_QUERY);
	if (why)
		return fail(conn, c, 400, why);
	if (parse_body(c, &why))
		return fail(conn, c, 400, why);
	why = check_params(c, req->form, req->n_form, PARAM_FORM);
	if (why)
		return fail(conn, c, 400, why);
	int has_body = req->method & (HTTP_POST | HTTP_PUT | HTTP_PATCH);
	why = check_required(c, has_body);
	if (why)
		return fail(conn, c, 400, why);

	if (!req->store)
		req->store = pool_get();
	enum MHD_Result ret;
	const struct route *rt = req->route;
	if ((rt->flags & ROUTE_CSRF_CHECK) && (req->method & (HTTP_POST | HTTP_PUT | HTTP_PATCH | HTTP_DELETE)) &&
	    !req->via_token) {
		int good;
		if (req->authenticated) {
			const char *t = http_form(req, HTTP_CSRF_FIELD);
			if (!t)
				t = http_header(req, "X-CSRF-Token");
			good = t && token_eq(t, req->csrf);
		} else {
			good = same_origin(req);
		}
		if (!good) {
			ret = fail(conn, c, 403, http_msg(req, M_HTTP_CSRF));
			goto out;
		}
	}
	if (lq && v_lang(lq, strlen(lq)))
		(void)http_set_cookie(req, &c->resp, HTTP_LANG_COOKIE, lq, 365LL * 24 * 3600);

	int rc = rt->handler(req, &c->resp);
	if (rc < 0) {
		if (rc == APP_EIO || rc == APP_EINTERNAL || rc == APP_ENOMEM)
			log_error("http %s handler %s failed: %s (%s)", req->req_id, rt->pattern,
				  app_err_name(rc), store_last_error(req->store));
		ret = fail(conn, c, app_err_http_status(rc), NULL);
	} else {
		ret = send_resp(conn, c);
	}
out:
	return ret; /* dispatch() returns the store to the pool */
}

static enum MHD_Result access_cb(void *cls, struct MHD_Connection *conn, const char *url,
				 const char *method, const char *version, const char *upload_data,
				 size_t *upload_data_size, void **con_cls)
{
	UNUSED(cls);
	UNUSED(url);
	UNUSED(version);
	struct conn_ctx *c = *con_cls;
	if (!c)
		return MHD_NO;
	if (c->phase == PH_DONE) {
		*upload_data_size = 0;
		return MHD_YES;
	}
	struct http_req *req = &c->req;
	if (c->phase == PH_NEW) {
		req->conn_ = conn;
		req->now_ms = now_ms();
		req->secure = g_secure;
		req->lang = LANG_ID;
		snprintf(req->req_id, sizeof(req->req_id), "%08" PRIx64,
			 (uint64_t)atomic_fetch_add(&g_req_counter, 1) + 1);
		client_key(conn, req->client_key, sizeof(req->client_key));
		const char *ck = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Cookie");
		if (ck && strlen(ck) <= LIMIT_HTTP_CONN_MEMORY)
			(void)cookie_parse(&req->arena, ck, strlen(ck), LIMIT_COOKIES, &req->cookies,
					   &req->n_cookies);
		const char *lc = http_cookie(req, HTTP_LANG_COOKIE);
		if (lc)
			req->lang = lang_parse(lc);

		/* The decoded path, from the raw URI. */
		size_t plen = strcspn(c->raw_uri, "?#");
		char *path = arena_alloc(&req->arena, plen + 1);
		long dl = plen > LIMIT_PATH ? -1 : url_decode(path, c->raw_uri, plen, 0);
		req->path = "/";
		req->method = parse_method(method);
		if (plen > LIMIT_PATH) {
			c->phase = PH_BODY;
			return fail(conn, c, 414, NULL);
		}
		if (dl <= 0 || path[0] != '/' || memchr(path, '\0', (size_t)dl)) {
			c->phase = PH_BODY;
			return fail(conn, c, 400, NULL);
		}
		path[dl] = '\0';
		req->path = path;
		if (!req->method) {
			c->phase = PH_BODY;
			return fail(conn, c, 501, NULL);
		}
		int status = router_match(req);
		if (status) {
			c->phase = PH_BODY;
			return fail(conn, c, status, NULL);
		}
		c->limit = body_limit(req->route);
		buf_init(&c->body, c->limit);
		req->content_type = media_type(req, MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
										 "Content-Type"));
		const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
		const char *te = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Transfer-Encoding");
		int64_t clen = 0;
		if (cl && http_parse_int64(cl, &clen))
			clen = INT64_MAX;
		int has_body = clen > 0 || te != NULL;
		c->phase = PH_BODY;
		if (clen > 0 && (uint64_t)clen > c->limit)
			return fail(conn, c, 413, NULL);
		if (has_body && !type_allowed(req->route, req->content_type))
			return fail(conn, c, 415, NULL);
		/* Authenticate before reading any body: an anonymous client
		 * never gets to upload to a route that needs a login. */
		/* A GET of a read-only route has no body: it authenticates in
		 * dispatch(), in the handler's read transaction. */
		if (!has_body && req->method == HTTP_GET && (req->route->flags & ROUTE_READ_TX)) {
			c->auth_later = 1;
			return MHD_YES;
		}
		req->store = pool_get();
		authenticate(c, 0);
		pool_put(req->store);
		req->store = NULL;
		if (!auth_ok(c))
			return auth_refused(conn, c);
		return MHD_YES;
	}
	/* PH_BODY */
	if (*upload_data_size) {
		size_t n = *upload_data_size;
		*upload_data_size = 0;
		if (!c->too_big && buf_add(&c->body, upload_data, n) != 0) {
			c->too_big = 1;
			buf_release(&c->body);
		}
		if (c->too_big) {
			c->discarded += n;
			/* Do not keep reading a flood just to answer 413. */
			if (c->discarded > (uint64_t)LIMIT_UPLOAD_BODY)
				return MHD_NO;
		}
		return MHD_YES;
	}
	return dispatch(conn, c);
}

/* ---- startup and shutdown ---- */

int server_parse_listen(const char *s, char *host, unsigned long hostsz, unsigned short *port)
{
	const char *colon;
	const char *h = s;
	size_t hl;
	if (s[0] == '[') {
		const char *rb = strchr(s, ']');
		if (!rb || rb[1] != ':')
			return -1;
		h = s + 1;
		hl = (size_t)(rb - h);
		colon = rb + 1;
	} else {
		colon = strrchr(s, ':');
		if (!colon)
			return -1;
		hl = (size_t)(colon - s);
	}
	if (hl == 0 || hl + 1 > hostsz)
		return -1;
	memcpy(host, h, hl);
	host[hl] = '\0';
	int64_t p;
	if (http_parse_int64(colon + 1, &p) || p < 1 || p > 65535)
		return -1;
	*port = (unsigned short)p;
	return 0;
}

static void mhd_logger(void *cls, const char *fmt, va_list ap)
{
	UNUSED(cls);
	char line[512];
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	vsnprintf(line, sizeof(line), fmt, ap);
#pragma GCC diagnostic pop
	size_t n = strlen(line);
	while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = '\0';
	log_warn("mhd: %s", line);
}

int server_run(const struct server_opts *o)
{
	char host[128];
	unsigned short port;
	if (server_parse_listen(o->listen, host, sizeof(host), &port)) {
		fprintf(stderr, "wasdal: ");
		fprintf(stderr, msgc(M_SERVE_BAD_LISTEN), o->listen);
		fputc('\n', stderr);
		return 2;
	}
	struct sockaddr_in sin;
	struct sockaddr_in6 sin6;
	struct sockaddr *sa;
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG | MHD_USE_TURBO;
	memset(&sin, 0, sizeof(sin));
	memset(&sin6, 0, sizeof(sin6));
	if (inet_pton(AF_INET, host, &sin.sin_addr) == 1) {
		sin.sin_family = AF_INET;
		sin.sin_port = htons(port);
		sa = (struct sockaddr *)&sin;
	} else if (inet_pton(AF_INET6, host, &sin6.sin6_addr) == 1) {
		sin6.sin6_family = AF_INET6;
		sin6.sin6_port = htons(port);
		sa = (struct sockaddr *)&sin6;
		flags |= MHD_USE_IPv6;
	} else {
		fprintf(stderr, "wasdal: ");
		fprintf(stderr, msgc(M_SERVE_BAD_LISTEN), o->listen);
		fputc('\n', stderr);
		return 2;
	}

	/* One store per worker; the first one checks the schema. */
	int threads = o->threads;
	pool.all = xcalloc((size_t)threads, sizeof(*pool.all));
	pool.free = xcalloc((size_t)threads, sizeof(*pool.free));
	for (int i = 0; i < threads; i++) {
		struct store *s = NULL;
		int rc = store_open(o->db_url, &s);
		if (rc == APP_ESCHEMA || rc == APP_ENOTFOUND) {
			/* A missing or foreign database: the fix is the same. */
			fprintf(stderr, "wasdal: ");
			fprintf(stderr, msgc(M_SERVE_SCHEMA), o->db_url);
			fputc('\n', stderr);
			if (s)
				store_close(s);
			pool_close();
			return 2;
		}
		if (rc) {
			fprintf(stderr, "wasdal: ");
			fprintf(stderr, msgc(M_SERVE_DB_OPEN), o->db_url,
				s ? store_last_error(s) : app_err_name(rc));
			fputc('\n', stderr);
			if (s)
				store_close(s);
			pool_close();
			return 2;
		}
		pool.all[pool.n_all++] = s;
		pool.free[pool.n_free++] = s;
		if (i == 0 && store_schema_check(s) != 0) {
			fprintf(stderr, "wasdal: ");
			fprintf(stderr, msgc(M_SERVE_SCHEMA), o->db_url);
			fputc('\n', stderr);
			pool_close();
			return 2;
		}
	}
	g_secure = o->secure_cookies;

	/* Block the stop signals in every thread, then wait for them here. */
	sigset_t stop;
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	signal(SIGPIPE, SIG_IGN);

	struct MHD_Daemon *d = MHD_start_daemon(
		flags, port, NULL, NULL, access_cb, NULL,
		MHD_OPTION_EXTERNAL_LOGGER, mhd_logger, NULL,
		MHD_OPTION_SOCK_ADDR, sa,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned)threads,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)LIMIT_HTTP_TIMEOUT_S,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)LIMIT_HTTP_CONNECTIONS,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)LIMIT_HTTP_PER_IP_CONNECTIONS,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)LIMIT_HTTP_CONN_MEMORY,
		MHD_OPTION_URI_LOG_CALLBACK, uri_log_cb, NULL,
		MHD_OPTION_NOTIFY_COMPLETED, completed_cb, NULL,
		MHD_OPTION_END);
	if (!d) {
		int e = errno;
		fprintf(stderr, "wasdal: ");
		fprintf(stderr, msgc(M_SERVE_START_FAILED), o->listen, strerror(e ? e : EADDRINUSE));
		fputc('\n', stderr);
		pool_close();
		return 3;
	}
	log_info(msgc(M_SERVE_LISTENING), o->listen, threads);
	int brc = o->background_start ? o->background_start(o->background_ctx) : 0;
	if (brc) {
		MHD_stop_daemon(d);
		pool_close();
		return brc;
	}
	/* The access log is batched and written four times a second. */
	log_buffer(1);
	int sig;
	const struct timespec tick = { 0, 250 * 1000 * 1000 };
	while ((sig = sigtimedwait(&stop, NULL, &tick)) <= 0)
		log_flush();
	log_buffer(0);
	log_info("%s (signal %d)", msgc(M_SERVE_STOPPING), sig);
	MHD_stop_daemon(d);
	if (o->background_stop)
		o->background_stop(o->background_ctx);
	pool_close();
	return 0;
}
