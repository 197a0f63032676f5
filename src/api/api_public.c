/* Public endpoints: the NIP explainer (the same JSON as `wasdal nip
 * --json`, one object) and the health check for load balancers. */
#include "core/compat.h"
#include "api/api.h"
#include "app/nip.h"
#include "core/err.h"
#include <time.h>

int api_nip(struct http_req *req, struct http_resp *resp)
{
	const char *arg = http_path_param(req, "nip");
	struct nip_info n;
	struct jsonw w;
	char tmp[32];
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	int rc = nip_parse(arg, strlen(arg), (tm.tm_year + 1900) * 100 + tm.tm_mon + 1, &n);

	/* Keys and values as in src/cmd/cmd_nip.c (tests/e2e/t_api.sh compares). */
	api_reply_begin(resp, 200, &w);
	jsonw_obj_begin(&w);
	jsonw_kv_str(&w, "input", arg);
	jsonw_kv_bool(&w, "valid", rc == 0);
	if (rc) {
		jsonw_kv_str(&w, "reason", msg(rc, LANG_ID));
		jsonw_kv_str(&w, "reason_en", msg(rc, LANG_EN));
		jsonw_obj_end(&w);
		return api_reply_end(req, resp, &w);
	}
	jsonw_kv_str(&w, "nip", n.digits);
	nip_format_display(&n, tmp, sizeof(tmp));
	jsonw_kv_str(&w, "display", tmp);
	jsonw_kv_str(&w, "kind", n.kind == NIP_PPPK ? "PPPK" : "PNS");
	snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", n.birth_year, n.birth_month, n.birth_day);
	jsonw_kv_str(&w, "tanggal_lahir", tmp);
	if (n.kind == NIP_PPPK)
		snprintf(tmp, sizeof(tmp), "%04d", n.tmt_year);
	else
		snprintf(tmp, sizeof(tmp), "%04d-%02d", n.tmt_year, n.tmt_month);
	jsonw_kv_str(&w, "tmt", tmp);
	jsonw_kv_str(&w, "jenis_kelamin", n.gender == 1 ? "L" : "P");
	jsonw_kv_int(&w, "nomor_urut", n.seq);
	jsonw_kv_int(&w, "usia_saat_tmt", n.age_at_tmt);
	jsonw_obj_end(&w);
	return api_reply_end(req, resp, &w);
}

int api_health(struct http_req *req, struct http_resp *resp)
{
	struct jsonw w;
	int cur = 0, latest = 0;
	/* Schema bookkeeping, not domain data: asked of the store directly. */
	int rc = store_schema_version(req->store, &cur, &latest);
	int ok = rc == 0 && cur == latest;
	api_reply_begin(resp, ok ? 200 : 503, &w);
	jsonw_obj_begin(&w);
	jsonw_kv_str(&w, "status", ok ? "ok" : "degraded");
	jsonw_kv_str(&w, "version", WASDAL_VERSION);
	jsonw_kv_str(&w, "backend", store_backend_name(req->store));
	jsonw_kv_int(&w, "schema_version", cur);
	jsonw_kv_int(&w, "schema_latest", latest);
	jsonw_obj_end(&w);
	return api_reply_end(req, resp, &w);
}
