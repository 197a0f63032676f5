/* Public integrity endpoints: GET /api/v1/instansi/:kode/kunci, the
 * published signing keys of an instansi (the same as the page
 * /instansi/:kode/kunci). */
#include "core/compat.h"
#include "api/api.h"
#include "app/integrity.h"
#include "core/err.h"
#include <time.h>

static void kv_time(struct jsonw *w, const char *key, int64_t ms)
{
	if (!ms) {
		jsonw_key(w, key);
		jsonw_null(w);
		return;
	}
	time_t t = (time_t)(ms / 1000);
	struct tm tm;
	char b[32];
	gmtime_r(&t, &tm);
	strftime(b, sizeof(b), "%Y-%m-%dT%H:%M:%SZ", &tm);
	jsonw_kv_str(w, key, b);
}

int api_instansi_kunci(struct http_req *req, struct http_resp *resp)
{
	struct instansi in;
	struct instansi_key *keys = http_alloc(req, INTEGRITY_MAX_KEYS * sizeof(*keys));
	size_t n = 0;
	if (!keys)
		return APP_ENOMEM;
	int rc = integrity_keys_public(req->store, http_path_param(req, "kode"), &in, keys,
				       INTEGRITY_MAX_KEYS, &n);
	if (rc)
		return rc;
	struct jsonw w;
	api_reply_begin(resp, 200, &w);
	jsonw_obj_begin(&w);
	jsonw_kv_str(&w, "instansi_kode", in.kode);
	jsonw_kv_str(&w, "instansi_nama", in.nama);
	jsonw_kv_str(&w, "algoritma", "Ed25519");
	jsonw_key(&w, "kunci_aktif");
	if (n && keys[0].retired_ms == 0)
		jsonw_str(&w, keys[0].public_hex);
	else
		jsonw_null(&w);
	jsonw_key(&w, "kunci");
	jsonw_arr_begin(&w);
	for (size_t i = 0; i < n; i++) {
		jsonw_obj_begin(&w);
		jsonw_kv_str(&w, "public_key", keys[i].public_hex);
		jsonw_kv_bool(&w, "aktif", keys[i].retired_ms == 0);
		kv_time(&w, "berlaku_sejak", keys[i].created_ms);
		kv_time(&w, "dipensiunkan", keys[i].retired_ms);
		jsonw_obj_end(&w);
	}
	jsonw_arr_end(&w);
	jsonw_obj_end(&w);
	return api_reply_end(req, resp, &w);
}
