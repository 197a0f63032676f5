/* /api/v1/audit: the tamper-evident chain, read and verified through
 * app/audit_view.h (roles with audit permission). */
#include "core/compat.h"
#include "api/api.h"
#include "app/audit.h"
#include "app/audit_view.h"
#include "core/xalloc.h"
#include "core/err.h"
#include "core/limits.h"

/* audit_view_page walks newest first below a seq; the API pages oldest
 * first from a seq, so one page is collected and written in reverse. */
struct page_ctx {
	struct audit_rec *v;
	char **diffs;
	size_t n, cap;
	int64_t from;
};

static int collect(void *ctx, const struct audit_rec *r)
{
	struct page_ctx *c = ctx;
	if (r->seq < c->from || c->n == c->cap)
		return 0;
	c->v[c->n] = *r;
	c->diffs[c->n] = r->diff ? xstrdup(r->diff) : NULL;
	c->v[c->n].diff = c->diffs[c->n];
	c->n++;
	return 0;
}

int api_audit_list(struct http_req *req, struct http_resp *resp)
{
	struct api_error e;
	struct jsonw w;
	int limit;
	int64_t from = 1;
	api_error_init(&e);
	if (api_require(req, PERM_AUDIT_READ, &e))
		return api_reply_error(req, resp, &e);
	if (api_query_limit(req, LIMIT_AUDIT_PAGE, LIMIT_API_PAGE_MAX, &limit, &e))
		return api_reply_error(req, resp, &e);
	const char *fs = http_query(req, "from_seq");
	if (fs && (http_parse_int64(fs, &from) != 0 || from < 1 || from > INT64_MAX / 2)) {
		api_error_field(&e, "from_seq", M_API_FIELD_RANGE, 1LL, (long long)(INT64_MAX / 2));
		return api_reply_error(req, resp, &e);
	}
	int64_t count = 0;
	char head[65];
	int rc = audit_view_head(req->store, &req->principal, &count, head);
	if (rc)
		return api_reply_code(req, resp, rc);
	/* Records from .. from+limit: one more than shown tells whether a next
	 * page exists. */
	struct page_ctx c = { xcalloc((size_t)limit + 1, sizeof(struct audit_rec)),
			      xcalloc((size_t)limit + 1, sizeof(char *)), 0, (size_t)limit + 1, from };
	if (from <= count)
		rc = audit_view_page(req->store, &req->principal, from + limit + 1, limit + 1, collect, &c);
	if (rc == 0) {
		api_reply_begin(resp, 200, &w);
		api_page_begin(&w);
		/* c.v is newest first; skip the extra (newest) one when present. */
		size_t shown = c.n > (size_t)limit ? (size_t)limit : c.n;
		for (size_t i = c.n; i-- > c.n - shown;)
			api_write_audit_rec(&w, &c.v[i]);
		char next[24];
		snprintf(next, sizeof(next), "%" PRId64, from + limit);
		api_page_end(&w, c.n > (size_t)limit ? next : NULL, count);
	}
	for (size_t i = 0; i < c.n; i++)
		free(c.diffs[i]);
	free(c.v);
	free(c.diffs);
	if (rc)
		return api_reply_code(req, resp, rc);
	return api_reply_end(req, resp, &w);
}

int api_audit_verify(struct http_req *req, struct http_resp *resp)
{
	struct api_error e;
	struct jsonw w;
	struct audit_verify_result r;
	api_error_init(&e);
	if (api_require(req, PERM_AUDIT_READ, &e))
		return api_reply_error(req, resp, &e);
	memset(&r, 0, sizeof(r));
	int rc = audit_view_verify(req->store, &req->principal, &r);
	if (rc && rc != APP_ECONFLICT)
		return api_reply_code(req, resp, rc);
	api_reply_begin(resp, 200, &w);
	jsonw_obj_begin(&w);
	jsonw_kv_bool(&w, "intact", rc == 0);
	jsonw_kv_int(&w, "count", r.count);
	jsonw_kv_str(&w, "head_hash", r.head_hash);
	jsonw_key(&w, "first_bad_seq");
	if (rc)
		jsonw_int(&w, r.bad_seq);
	else
		jsonw_null(&w);
	jsonw_kv_str(&w, "problem", rc ? r.problem : NULL);
	jsonw_obj_end(&w);
	return api_reply_end(req, resp, &w);
}
