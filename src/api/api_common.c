/* Reply helpers shared by every JSON handler: see api.h. */
#include "core/compat.h"
#include "api/api.h"
#include "api/api_error.h"
#include "core/err.h"
#include "core/limits.h"
#include "core/log.h"
#include <time.h>

static enum msg_id generic_msg(int err)
{
	switch (err) {
	case APP_EINVAL: return M_API_INVALID_INPUT;
	case APP_ENOTFOUND: return M_API_ERR_NOT_FOUND;
	case APP_ECONFLICT: return M_API_ERR_CONFLICT;
	case APP_ECONSTRAINT: return M_API_ERR_CONSTRAINT;
	case APP_EPERM: return M_API_ERR_FORBIDDEN;
	case APP_EAUTH: return M_API_ERR_UNAUTH;
	case APP_EBUSY: return M_API_ERR_BUSY;
	case APP_ESCHEMA: return M_API_ERR_SCHEMA;
	default: return M_API_ERR_INTERNAL;
	}
}

void api_reply_begin(struct http_resp *resp, int status, struct jsonw *w)
{
	buf_reset(&resp->body);
	http_resp_start(resp, status, HTTP_CT_JSON);
	resp->no_store = 1;
	/* one allocation for a typical reply instead of growing from 64 bytes
	 * by doubling (under a body limit below 1 KiB this just does nothing) */
	int rc = buf_reserve(&resp->body, 1024);
	UNUSED(rc);
	jsonw_init(w, &resp->body);
}

int api_reply_error(struct http_req *req, struct http_resp *resp, const struct api_error *e)
{
	int status = api_error_status(e);
	if (status >= 500)
		log_error("api %s %s: %s", req->req_id, req->path, app_err_name(e->code));
	buf_reset(&resp->body);
	http_resp_start(resp, status, HTTP_CT_JSON);
	resp->no_store = 1;
	if (api_error_write(&resp->body, e) != 0) {
		buf_reset(&resp->body);
		if (buf_adds(&resp->body, "{\"error\":{\"code\":\"internal\"}}") != 0)
			resp->status = 500;
	}
	return 0;
}

int api_reply_code(struct http_req *req, struct http_resp *resp, int err)
{
	struct api_error e;
	api_error_init(&e);
	if (err == APP_ETOOBIG)
		api_error_set(&e, err, M_API_BODY_TOO_BIG, (size_t)LIMIT_RESPONSE_BODY);
	else
		api_error_set(&e, err ? err : APP_EINTERNAL, generic_msg(err));
	return api_reply_error(req, resp, &e);
}

int api_reply_end(struct http_req *req, struct http_resp *resp, struct jsonw *w)
{
	if (w->err)
		return api_reply_code(req, resp, w->err == APP_ETOOBIG ? APP_ETOOBIG : APP_EINTERNAL);
	return 0;
}

int api_read_json(struct http_req *req, json_t **out, struct api_error *e)
{
	*out = NULL;
	if (!req->content_type || strcmp(req->content_type, "application/json") != 0) {
		e->status = 415;
		e->code_name = "unsupported_media_type";
		return api_error_set(e, APP_EINVAL, M_API_UNSUPPORTED_MEDIA, "application/json");
	}
	return json_body_parse(req->body, req->body_len, LIMIT_JSON_BODY, LIMIT_JSON_DEPTH, out, e);
}

int api_require(const struct http_req *req, enum permission perm, struct api_error *e)
{
	if (req->authenticated && principal_can(&req->principal, perm))
		return 0;
	if (!req->authenticated)
		return api_error_set(e, APP_EAUTH, M_API_ERR_UNAUTH);
	return api_error_set(e, APP_EPERM, M_API_ERR_FORBIDDEN);
}

int api_query_limit(const struct http_req *req, int def, int max, int *out, struct api_error *e)
{
	const char *s = http_query(req, "limit");
	int64_t v;
	*out = def;
	if (!s)
		return 0;
	if (http_parse_int64(s, &v) != 0 || v < 1 || v > max) {
		api_error_field(e, "limit", M_API_BAD_LIMIT, max);
		return APP_EINVAL;
	}
	*out = (int)v;
	return 0;
}

void api_write_json_value(struct jsonw *w, const json_t *v, int depth_left)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: {
		const char *key;
		json_t *val;
		if (depth_left <= 0) {
			jsonw_null(w);
			break;
		}
		jsonw_obj_begin(w);
		json_object_foreach((json_t *)v, key, val) {
			jsonw_key(w, key);
			api_write_json_value(w, val, depth_left - 1);
		}
		jsonw_obj_end(w);
		break;
	}
	case JSON_ARRAY: {
		size_t i;
		json_t *val;
		if (depth_left <= 0) {
			jsonw_null(w);
			break;
		}
		jsonw_arr_begin(w);
		json_array_foreach(v, i, val)
			api_write_json_value(w, val, depth_left - 1);
		jsonw_arr_end(w);
		break;
	}
	case JSON_STRING:
		jsonw_strn(w, json_string_value(v), json_string_length(v));
		break;
	case JSON_INTEGER:
		jsonw_int(w, (int64_t)json_integer_value(v));
		break;
	case JSON_REAL: {
		/* Audit diffs hold no reals; keep the value readable anyway. */
		char tmp[64];
		snprintf(tmp, sizeof(tmp), "%.17g", json_real_value(v));
		jsonw_str(w, tmp);
		break;
	}
	case JSON_TRUE:
		jsonw_bool(w, 1);
		break;
	case JSON_FALSE:
		jsonw_bool(w, 0);
		break;
	default:
		jsonw_null(w);
		break;
	}
}

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

void api_format_time(int64_t ms, char *out, size_t outsz)
{
	time_t t = (time_t)(ms / 1000);
	struct tm tm;
	if (!gmtime_r(&t, &tm)) {
		snprintf(out, outsz, "1970-01-01T00:00:00Z");
		return;
	}
	strftime(out, outsz, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void api_error_page(struct http_req *req, struct http_resp *resp, int status, const char *detail)
{
	struct api_error e;
	int err;
	enum msg_id id;
	const char *name = NULL;
	switch (status) {
	case 400: err = APP_EINVAL; id = M_API_ERR_BAD_REQUEST; break;
	case 401: err = APP_EAUTH; id = M_API_ERR_UNAUTH; break;
	case 403: err = APP_EPERM; id = M_API_ERR_FORBIDDEN; break;
	case 404: err = APP_ENOTFOUND; id = M_API_ERR_NOT_FOUND; break;
	case 405: err = APP_EINVAL; id = M_API_ERR_METHOD; name = "method_not_allowed"; break;
	case 409: err = APP_ECONFLICT; id = M_API_ERR_CONFLICT; break;
	case 413: err = APP_ETOOBIG; id = M_API_ERR_TOO_BIG; break;
	case 415: err = APP_EINVAL; id = M_API_ERR_MEDIA; name = "unsupported_media_type"; break;
	case 422: err = APP_ECONSTRAINT; id = M_API_ERR_CONSTRAINT; break;
	case 429: err = APP_EBUSY; id = M_API_ERR_BUSY; break;
	case 503: err = APP_ESCHEMA; id = M_API_ERR_SCHEMA; break;
	default: err = APP_EINTERNAL; id = M_API_ERR_INTERNAL; break;
	}
	api_error_init(&e);
	if (detail && *detail)
		api_error_set_text(&e, err, detail, detail);
	else
		api_error_set(&e, err, id);
	e.status = status;
	e.code_name = name;
	api_reply_error(req, resp, &e);
}
