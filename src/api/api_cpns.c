/* POST /api/v1/cpns/hasil: the applicant's own SKD result, the JSON twin
 * of the /cpns/hasil page (app/cpns_result.h: rate limit, no existence
 * leak). Public; the body is {"applicant_id": "123" or 123, "nik": "16
 * digits"}. A wrong NIK and an unknown applicant_id give the same 404. */
#include "core/compat.h"
#include "api/api.h"
#include "app/cpns_result.h"
#include "core/err.h"

static int bad(struct http_req *req, struct http_resp *resp, const char *field, enum msg_id id)
{
	struct api_error e;
	api_error_init(&e);
	api_error_field(&e, field, id);
	return api_reply_error(req, resp, &e);
}

static void write_int_or_null(struct jsonw *w, const char *key, int64_t v, int64_t none)
{
	jsonw_key(w, key);
	if (v == none)
		jsonw_null(w);
	else
		jsonw_int(w, v);
}

int api_cpns_hasil(struct http_req *req, struct http_resp *resp)
{
	struct api_error e;
	json_t *j;
	api_error_init(&e);
	if (api_read_json(req, &j, &e))
		return api_reply_error(req, resp, &e);
	const char *key;
	json_t *val;
	json_object_foreach(j, key, val) {
		if (strcmp(key, "applicant_id") && strcmp(key, "nik"))
			api_error_field(&e, key, M_API_FIELD_UNKNOWN);
	}
	char aid[24] = "", nik[24] = "";
	json_t *ja = json_object_get(j, "applicant_id"), *jn = json_object_get(j, "nik");
	if (json_is_integer(ja) && json_integer_value(ja) > 0)
		snprintf(aid, sizeof(aid), "%" JSON_INTEGER_FORMAT, json_integer_value(ja));
	else if (json_is_string(ja) && json_string_length(ja) < sizeof(aid))
		snprintf(aid, sizeof(aid), "%s", json_string_value(ja));
	if (json_is_string(jn) && json_string_length(jn) < sizeof(nik))
		snprintf(nik, sizeof(nik), "%s", json_string_value(jn));
	json_decref(j);
	if (e.code)
		return api_reply_error(req, resp, &e);
	if (!cpns_result_valid_id(aid))
		return bad(req, resp, "applicant_id", M_CPNS_API_BAD_AID);
	if (!cpns_result_valid_nik(nik))
		return bad(req, resp, "nik", M_CPNS_API_BAD_NIK);

	struct cpns_result r;
	int rc = cpns_result_lookup(req->store, req->client_key, aid, nik, req->now_ms, &r);
	if (rc == APP_EBUSY) {
		(void)http_resp_header(req, resp, "Retry-After", "60");
		api_error_set(&e, APP_EBUSY, M_CPNS_API_RATE);
		return api_reply_error(req, resp, &e);
	}
	if (rc == APP_ENOTFOUND || rc == APP_EINVAL) {
		api_error_set(&e, APP_ENOTFOUND, M_CPNS_API_NOT_FOUND);
		return api_reply_error(req, resp, &e);
	}
	if (rc)
		return api_reply_code(req, resp, rc);

	struct jsonw w;
	char ts[32];
	api_reply_begin(resp, 200, &w);
	jsonw_obj_begin(&w);
	jsonw_kv_int(&w, "applicant_id", r.applicant_id);
	jsonw_kv_str(&w, "status", r.status);
	write_int_or_null(&w, "total", r.total, -1);
	write_int_or_null(&w, "rank", r.rank, 0);
	jsonw_key(&w, "formation");
	jsonw_obj_begin(&w);
	jsonw_kv_int(&w, "formation_id", r.formation_id);
	jsonw_kv_int(&w, "quota", r.quota);
	jsonw_kv_int(&w, "pl_count", r.pl_count);
	write_int_or_null(&w, "cutoff_total", r.cutoff_total, -1);
	jsonw_obj_end(&w);
	jsonw_key(&w, "publication");
	jsonw_obj_begin(&w);
	jsonw_kv_str(&w, "label", r.label);
	api_format_time(r.published_ms, ts, sizeof(ts));
	jsonw_kv_str(&w, "published_at", ts);
	jsonw_kv_str(&w, "sha256_formasi", r.sha_formasi);
	jsonw_kv_str(&w, "sha256_peserta", r.sha_peserta);
	jsonw_kv_str(&w, "sha256_results", r.sha_results);
	jsonw_obj_end(&w);
	jsonw_obj_end(&w);
	return api_reply_end(req, resp, &w);
}
