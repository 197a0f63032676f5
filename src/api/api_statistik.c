/* GET /api/v1/statistik: the public statistics as JSON, no login; the
 * same cells as the page /statistik (app/statistik_publik). A hidden cell
 * is {"jumlah": null, "disembunyikan": "sel_kecil" | "pelengkap"}. */
#include "core/compat.h"
#include "api/api.h"
#include "app/statistik_publik.h"
#include "app/suppress.h"
#include "core/err.h"

static void cell(struct jsonw *w, const char *key, const struct publik_tabel *t, size_t i,
		 size_t j)
{
	jsonw_key(w, key);
	jsonw_obj_begin(w);
	uint8_t f = publik_flag(t, i, j);
	if (f == SUP_NONE) {
		jsonw_kv_int(w, "jumlah", publik_v(t, i, j));
	} else {
		jsonw_key(w, "jumlah");
		jsonw_null(w);
		jsonw_kv_str(w, "disembunyikan", f == SUP_PRIMARY ? "sel_kecil" : "pelengkap");
	}
	jsonw_obj_end(w);
}

static void tabel(struct jsonw *w, const char *key, const struct publik_tabel *t)
{
	jsonw_key(w, key);
	jsonw_obj_begin(w);
	jsonw_key(w, "baris");
	jsonw_arr_begin(w);
	for (size_t i = 0; i < t->rows; i++) {
		jsonw_obj_begin(w);
		jsonw_kv_str(w, "kode", t->kode[i]);
		jsonw_kv_str(w, "nama", t->label[i]);
		for (size_t j = 0; j < t->cols; j++)
			cell(w, t->col_kode[j], t, i, j);
		if (t->cols > 1)
			cell(w, "total", t, i, t->cols);
		jsonw_obj_end(w);
	}
	jsonw_arr_end(w);
	jsonw_key(w, "total");
	jsonw_obj_begin(w);
	for (size_t j = 0; j < t->cols; j++)
		cell(w, t->col_kode[j], t, t->rows, j);
	if (t->cols > 1)
		cell(w, "total", t, t->rows, t->cols);
	jsonw_obj_end(w);
	jsonw_obj_end(w);
}

int api_statistik(struct http_req *req, struct http_resp *resp)
{
	const char *konteks = http_query(req, "konteks");
	if (konteks && *konteks && strcmp(konteks, "pemilu") && strcmp(konteks, "pilkada"))
		return api_reply_code(req, resp, APP_EINVAL);
	struct statistik_publik sp;
	int rc = statistik_publik_build(req->store, konteks, req->lang, &sp);
	if (rc)
		return api_reply_code(req, resp, rc);
	struct jsonw w;
	api_reply_begin(resp, 200, &w);
	jsonw_obj_begin(&w);
	jsonw_kv_int(&w, "ambang_sel_kecil", sp.ambang);
	jsonw_kv_str(&w, "konteks", konteks && *konteks ? konteks : NULL);
	tabel(&w, "per_provinsi", &sp.provinsi);
	tabel(&w, "per_tahap", &sp.tahap);
	tabel(&w, "per_kelompok_pelanggaran", &sp.kelas);
	jsonw_obj_end(&w);
	statistik_publik_free(&sp);
	return api_reply_end(req, resp, &w);
}
