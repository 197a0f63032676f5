/* /api/v1/audit: the tamper-evident chain, read and verified through
 * app/audit_query.h (national auditors and admins read the chain; anyone
 * with audit permission may verify it). */
#include "core/compat.h"
#include "api/api.h"
#include "app/audit_query.h"
#include "core/err.h"
#include "core/limits.h"

void api_write_audit_rec(struct jsonw *w, const struct audit_rec *r)
{
	char ts[32];
	jsonw_obj_begin(w);
	jsonw_kv_int(w, "seq", r->seq);
	api_format_time(r->ts_ms, ts, sizeof(ts));
	jsonw_kv_str(w, "ts", ts);
	jsonw_kv_int(w, "ts_ms", r->ts_ms);
	jsonw_kv_int(w, "actor_id", r->actor_id);
	jsonw_kv_str(w, "actor", r->actor);
	jsonw_kv_str(w, "action", r->action);
	jsonw_kv_str(w, "object_type", r->object_type);
	jsonw_kv_str(w, "object_id", r->object_id);
	jsonw_key(w, "diff");
	/* The stored diff is compact JSON written by app/; re-emit it as a value
	 * (parsed with the same bounds as a request body), or null. */
	json_t *d = NULL;
	if (r->diff && *r->diff &&
	    json_nesting_depth(r->diff, strlen(r->diff), LIMIT_JSON_DEPTH) <= LIMIT_JSON_DEPTH)
		d = json_loads(r->diff, JSON_REJECT_DUPLICATES, NULL);
	if (d) {
		api_write_json_value(w, d, LIMIT_JSON_DEPTH);
		json_decref(d);
	} else {
		jsonw_null(w);
	}
	jsonw_kv_str(w, "prev_hash", r->prev_hash);
	jsonw_kv_str(w, "hash", r->hash);
	jsonw_obj_end(w);
}

struct list_ctx {
	struct jsonw *w;
	int limit, n;
	int64_t last_seq;
	int more;
};

static int list_row(void *ctx, const struct audit_rec *r)
{
	struct list_ctx *c = ctx;
	if (c->n == c->limit) {
		c->more = 1;
		return 1;
	}
	api_write_audit_rec(c->w, r);
	c->last_seq = r->seq;
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
	if (api_query_limit(req, LIMIT_AUDIT_PAGE, LIMIT_PAGE_SIZE_MAX, &limit, &e))
		return api_reply_error(req, resp, &e);
	const char *fs = http_query(req, "from_seq");
	if (fs && (http_parse_int64(fs, &from) != 0 || from < 1)) {
		api_error_field(&e, "from_seq", M_API_FIELD_RANGE, 1LL, (long long)INT64_MAX);
		return api_reply_error(req, resp, &e);
	}
	struct list_ctx c = { &w, limit, 0, 0, 0 };
	api_reply_begin(resp, 200, &w);
	api_page_begin(&w);
	int rc = audit_query_list(req->store, &req->principal, from, limit + 1, list_row, &c);
	if (rc < 0)
		return api_reply_code(req, resp, rc);
	int64_t count = 0;
	char head[65];
	rc = audit_query_head(req->store, &req->principal, &count, head);
	if (rc)
		return api_reply_code(req, resp, rc);
	char next[24];
	snprintf(next, sizeof(next), "%" PRId64, c.last_seq + 1);
	api_page_end(&w, c.more ? next : NULL, count);
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
	int rc = audit_query_verify(req->store, &req->principal, &r);
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
