/* Documents and campaigns over JSON (the pages are in src/web/page_kampanye.c,
 * page_templat.c, page_aktivasi.c, page_verifikasi.c; the rules in
 * app/kampanye.h and app/aktivasi.h):
 *   GET/POST /api/v1/kampanye/templat, GET /api/v1/kampanye/templat/:id
 *   GET/POST /api/v1/kampanye, GET /api/v1/kampanye/:id (with progress)
 *   POST /api/v1/kampanye/:id/tanda-tangan (asn)
 *   POST /api/v1/aktivasi/terbitkan, POST /api/v1/aktivasi (public)
 *   GET /api/v1/verifikasi/:kode (public, rate-limited) */
#include "core/compat.h"
#include "api/api.h"
#include "app/aktivasi.h"
#include "app/kampanye.h"
#include "core/date.h"
#include "core/err.h"

/* Unknown keys are refused: a typo must not be silently ignored. */
static int only_keys(json_t *o, const char *const *keys, struct api_error *e)
{
	const char *k;
	json_t *v;
	json_object_foreach(o, k, v) {
		size_t i = 0;
		while (keys[i] && strcmp(keys[i], k))
			i++;
		if (!keys[i])
			api_error_field(e, k, M_API_FIELD_UNKNOWN);
	}
	return e->code;
}

static const char *str(json_t *o, const char *key, struct api_error *e)
{
	json_t *v = json_object_get(o, key);
	if (!v || json_is_null(v))
		return NULL;
	if (!json_is_string(v)) {
		api_error_field(e, key, M_API_FIELD_NOT_STRING);
		return NULL;
	}
	return json_string_value(v);
}

static int64_t num(json_t *o, const char *key, struct api_error *e)
{
	json_t *v = json_object_get(o, key);
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_integer(v)) {
		api_error_field(e, key, M_API_FIELD_NOT_INT);
		return 0;
	}
	return json_integer_value(v);
}

static int reply_invalid(struct http_req *req, struct http_resp *resp, int rc, enum msg_id err)
{
	struct api_error e;
	api_error_init(&e);
	if (err)
		api_error_set(&e, rc, err);
	else
		api_error_set(&e, rc ? rc : APP_EINTERNAL, M_API_INVALID_INPUT);
	return api_reply_error(req, resp, &e);
}

static void write_templat(struct jsonw *w, const struct dok_templat *t, int with_text)
{
	char when[32];
	jsonw_obj_begin(w);
	jsonw_kv_int(w, "id", t->id);
	jsonw_kv_str(w, "kode", t->kode);
	jsonw_kv_int(w, "versi", t->versi);
	jsonw_kv_str(w, "jenis", t->jenis);
	jsonw_kv_str(w, "judul", t->judul);
	if (with_text)
		jsonw_kv_str(w, "teks", t->teks);
	jsonw_kv_str(w, "teks_sha256", t->teks_sha256);
	jsonw_kv_int(w, "jumlah_tanda_tangan", t->n_signed);
	api_format_time(t->created_ms, when, sizeof(when));
	jsonw_kv_str(w, "dibuat", when);
	jsonw_obj_end(w);
}

static int templat_row(void *ctx, const struct dok_templat *t)
{
	write_templat(ctx, t, 0);
	return 0;
}

int api_templat_list(struct http_req *req, struct http_resp *resp)
{
	if (!kampanye_may_view(&req->principal))
		return api_reply_code(req, resp, APP_EPERM);
	struct jsonw w;
	api_reply_begin(resp, 200, &w);
	jsonw_obj_begin(&w);
	jsonw_key(&w, "items");
	jsonw_arr_begin(&w);
	int rc = kampanye_templat_list(req->store, &req->principal, templat_row, &w);
	if (rc)
		return api_reply_code(req, resp, rc);
	jsonw_arr_end(&w);
	jsonw_obj_end(&w);
	return api_reply_end(req, resp, &w);
}

static int reply_templat(struct http_req *req, struct http_resp *resp, int status, int64_t id)
{
	struct dok_templat *t = http_alloc(req, sizeof(*t));
	if (!t)
		return api_reply_code(req, resp, APP_ENOMEM);
	int rc = kampanye_templat_get(req->store, &req->principal, id, t);
	if (rc)
		return api_reply_code(req, resp, rc);
	struct jsonw w;
	api_reply_begin(resp, status, &w);
	write_templat(&w, t, 1);
	return api_reply_end(req, resp, &w);
}

int api_templat_get(struct http_req *req, struct http_resp *resp)
{
	int64_t id;
	if (http_path_int64(req, "id", &id))
		return api_reply_code(req, resp, APP_ENOTFOUND);
	return reply_templat(req, resp, 200, id);
}

int api_templat_create(struct http_req *req, struct http_resp *resp)
{
	struct api_error e;
	api_error_init(&e);
	json_t *body;
	if (api_read_json(req, &body, &e))
		return api_reply_error(req, resp, &e);
	static const char *const keys[] = { "instansi_kode", "kode", "jenis", "judul", "teks", NULL };
	struct templat_input in = { str(body, "instansi_kode", &e), str(body, "kode", &e),
				    str(body, "jenis", &e), str(body, "judul", &e), str(body, "teks", &e) };
	if (only_keys(body, keys, &e)) {
		json_decref(body);
		return api_reply_error(req, resp, &e);
	}
	int64_t id = 0;
	enum msg_id err = 0;
	int rc = kampanye_templat_create(req->store, &req->principal, &in, &id, &err);
	json_decref(body);
	if (rc)
		return reply_invalid(req, resp, rc, err);
	(void)http_resp_header(req, resp, "Location", http_printf(req, "/api/v1/kampanye/templat/%lld",
								  (long long)id));
	return reply_templat(req, resp, 201, id);
}

static void write_kampanye(struct http_req *req, struct jsonw *w, const struct kampanye *k)
{
	char day[16];
	date_format_iso(k->tenggat_hari, day, sizeof(day));
	jsonw_obj_begin(w);
	jsonw_kv_int(w, "id", k->id);
	jsonw_kv_str(w, "nama", k->nama);
	jsonw_kv_str(w, "periode", k->periode);
	jsonw_kv_str(w, "tenggat", day);
	jsonw_kv_str(w, "cakupan", k->cakupan);
	jsonw_kv_int(w, "templat_id", k->templat_id);
	if (req->principal.role == ROLE_ASN) {
		struct tanda_tangan t;
		int signed_ = kampanye_my_signature(req->store, &req->principal, k->id, &t) == 0;
		jsonw_kv_bool(w, "sudah_ditandatangani", signed_);
		if (signed_)
			jsonw_kv_str(w, "kode_verifikasi", t.kode);
	}
	jsonw_obj_end(w);
}

struct list_ctx {
	struct http_req *req;
	struct jsonw *w;
};

static int kampanye_row(void *ctx, const struct kampanye *k)
{
	struct list_ctx *l = ctx;
	write_kampanye(l->req, l->w, k);
	return 0;
}

int api_kampanye_list(struct http_req *req, struct http_resp *resp)
{
	struct jsonw w;
	api_reply_begin(resp, 200, &w);
	jsonw_obj_begin(&w);
	jsonw_key(&w, "items");
	jsonw_arr_begin(&w);
	struct list_ctx l = { req, &w };
	int rc = kampanye_list(req->store, &req->principal, kampanye_row, &l);
	if (rc)
		return api_reply_code(req, resp, rc);
	jsonw_arr_end(&w);
	jsonw_obj_end(&w);
	return api_reply_end(req, resp, &w);
}

static int reply_kampanye(struct http_req *req, struct http_resp *resp, int status, int64_t id)
{
	struct kampanye k;
	struct dok_templat *t = http_alloc(req, sizeof(*t));
	if (!t)
		return api_reply_code(req, resp, APP_ENOMEM);
	int rc = kampanye_get(req->store, &req->principal, id, &k, t);
	struct kampanye_progress_all pa = { 0 };
	if (!rc && kampanye_may_view(&req->principal))
		rc = kampanye_progress(req->store, &req->principal, id, &pa);
	if (rc)
		return api_reply_code(req, resp, rc);
	struct jsonw w;
	api_reply_begin(resp, status, &w);
	jsonw_obj_begin(&w);
	jsonw_key(&w, "kampanye");
	write_kampanye(req, &w, &k);
	jsonw_key(&w, "templat");
	write_templat(&w, t, 1);
	if (kampanye_may_view(&req->principal)) {
		jsonw_key(&w, "progres");
		jsonw_obj_begin(&w);
		jsonw_kv_int(&w, "jumlah", pa.total);
		jsonw_kv_int(&w, "sudah", pa.signed_);
		jsonw_kv_int(&w, "permil", kampanye_permille(pa.signed_, pa.total));
		jsonw_key(&w, "unit");
		jsonw_arr_begin(&w);
		for (size_t i = 0; i < pa.n; i++) {
			jsonw_obj_begin(&w);
			jsonw_kv_str(&w, "kode", pa.units[i].kode);
			jsonw_kv_str(&w, "nama", pa.units[i].nama);
			jsonw_kv_int(&w, "jumlah", pa.units[i].total);
			jsonw_kv_int(&w, "sudah", pa.units[i].signed_);
			jsonw_kv_int(&w, "permil", kampanye_permille(pa.units[i].signed_, pa.units[i].total));
			jsonw_obj_end(&w);
		}
		jsonw_arr_end(&w);
		jsonw_obj_end(&w);
	}
	jsonw_obj_end(&w);
	free(pa.units);
	return api_reply_end(req, resp, &w);
}

int api_kampanye_get(struct http_req *req, struct http_resp *resp)
{
	int64_t id;
	if (http_path_int64(req, "id", &id))
		return api_reply_code(req, resp, APP_ENOTFOUND);
	return reply_kampanye(req, resp, 200, id);
}

/* A JSON array of strings into an arena array; NULL after an error. */
static const char **strings(struct http_req *req, json_t *o, const char *key, size_t *n,
			    struct api_error *e)
{
	json_t *a = json_object_get(o, key);
	*n = 0;
	if (!a || json_is_null(a))
		return NULL;
	if (!json_is_array(a) || json_array_size(a) > KAMPANYE_MAX_NIPS) {
		api_error_field(e, key, M_API_FIELD_NOT_STRING);
		return NULL;
	}
	const char **v = http_alloc(req, (json_array_size(a) + 1) * sizeof(*v));
	if (!v)
		return NULL;
	size_t i;
	json_t *x;
	json_array_foreach(a, i, x) {
		if (!json_is_string(x)) {
			api_error_field(e, key, M_API_FIELD_NOT_STRING);
			return NULL;
		}
		v[(*n)++] = json_string_value(x);
	}
	return v;
}

int api_kampanye_create(struct http_req *req, struct http_resp *resp)
{
	struct api_error e;
	api_error_init(&e);
	json_t *body;
	if (api_read_json(req, &body, &e))
		return api_reply_error(req, resp, &e);
	static const char *const keys[] = { "templat_id", "nama", "periode", "tenggat", "cakupan",
					    "unit", "nip", NULL };
	size_t n_units = 0, n_nips = 0;
	struct kampanye_input in = { num(body, "templat_id", &e), str(body, "nama", &e),
				     str(body, "periode", &e), str(body, "tenggat", &e),
				     str(body, "cakupan", &e), NULL, 0, NULL };
	in.units = strings(req, body, "unit", &n_units, &e);
	in.n_units = n_units;
	const char **nips = strings(req, body, "nip", &n_nips, &e);
	if (only_keys(body, keys, &e)) {
		json_decref(body);
		return api_reply_error(req, resp, &e);
	}
	/* the app takes the list as text: NIPs separated by anything */
	char *text = http_alloc(req, n_nips * 20 + 1);
	if (!text) {
		json_decref(body);
		return api_reply_code(req, resp, APP_ENOMEM);
	}
	size_t k = 0;
	for (size_t i = 0; i < n_nips; i++)
		k += (size_t)snprintf(text + k, 21, "%.18s\n", nips[i]);
	text[k] = '\0';
	in.nips = text;
	int64_t id = 0;
	enum msg_id err = 0;
	int rc = kampanye_create(req->store, &req->principal, &in, &id, &err);
	json_decref(body);
	if (rc)
		return reply_invalid(req, resp, rc, err);
	(void)http_resp_header(req, resp, "Location", http_printf(req, "/api/v1/kampanye/%lld", (long long)id));
	return reply_kampanye(req, resp, 201, id);
}

int api_kampanye_sign(struct http_req *req, struct http_resp *resp)
{
	int64_t id;
	if (http_path_int64(req, "id", &id))
		return api_reply_code(req, resp, APP_ENOTFOUND);
	struct tanda_tangan t;
	int created = 0;
	enum msg_id err = 0;
	int rc = kampanye_sign(req->store, &req->principal, id, &t, &created, &err);
	if (rc)
		return reply_invalid(req, resp, rc, err);
	char when[32];
	api_format_time(t.signed_ms, when, sizeof(when));
	struct jsonw w;
	api_reply_begin(resp, created ? 201 : 200, &w);
	jsonw_obj_begin(&w);
	jsonw_kv_int(&w, "kampanye_id", t.kampanye_id);
	jsonw_kv_str(&w, "nip", t.nip);
	jsonw_kv_str(&w, "ditandatangani", when);
	jsonw_kv_str(&w, "doc_sha256", t.doc_sha256);
	jsonw_kv_str(&w, "kode_verifikasi", t.kode);
	jsonw_kv_str(&w, "payload", t.payload);
	jsonw_kv_str(&w, "verifikasi_url", http_printf(req, "/verifikasi/%s", t.kode));
	jsonw_obj_end(&w);
	return api_reply_end(req, resp, &w);
}

int api_verifikasi(struct http_req *req, struct http_resp *resp)
{
	struct kampanye_verifikasi *v = http_alloc(req, sizeof(*v));
	if (!v)
		return api_reply_code(req, resp, APP_ENOMEM);
	int rc = kampanye_verify_code(req->store, http_path_param(req, "kode"), req->client_key, v);
	if (rc)
		return api_reply_code(req, resp, rc);
	static const char *const status[] = { "asli", "dokumen_berubah", "tidak_sah" };
	char when[32];
	api_format_time(v->ttd.signed_ms, when, sizeof(when));
	struct jsonw w;
	api_reply_begin(resp, 200, &w);
	jsonw_obj_begin(&w);
	jsonw_kv_str(&w, "status", status[v->status]);
	jsonw_kv_bool(&w, "sah", v->status == VERIF_GENUINE);
	jsonw_kv_str(&w, "kode_verifikasi", v->ttd.kode);
	jsonw_kv_str(&w, "nip", v->ttd.nip);
	jsonw_kv_str(&w, "nama", v->nama);
	jsonw_kv_str(&w, "jabatan", v->jabatan);
	jsonw_kv_str(&w, "unit", v->unit_nama);
	jsonw_kv_str(&w, "instansi_kode", v->in.kode);
	jsonw_kv_str(&w, "instansi_nama", v->in.nama);
	jsonw_kv_int(&w, "kampanye_id", v->k.id);
	jsonw_kv_str(&w, "kampanye", v->k.nama);
	jsonw_kv_str(&w, "periode", v->k.periode);
	jsonw_kv_str(&w, "dokumen", v->t.judul);
	jsonw_kv_str(&w, "dokumen_kode", v->t.kode);
	jsonw_kv_int(&w, "dokumen_versi", v->t.versi);
	jsonw_kv_str(&w, "ditandatangani", when);
	jsonw_kv_str(&w, "doc_sha256", v->ttd.doc_sha256);
	jsonw_kv_str(&w, "teks_sha256_sekarang", v->teks_sha256_now);
	jsonw_kv_str(&w, "payload", v->ttd.payload);
	jsonw_kv_str(&w, "public_key", v->key.public_hex);
	jsonw_obj_end(&w);
	return api_reply_end(req, resp, &w);
}

int api_aktivasi(struct http_req *req, struct http_resp *resp)
{
	struct api_error e;
	api_error_init(&e);
	json_t *body;
	if (api_read_json(req, &body, &e))
		return api_reply_error(req, resp, &e);
	static const char *const keys[] = { "nip", "kode", "password", NULL };
	const char *nip = str(body, "nip", &e), *kode = str(body, "kode", &e);
	const char *pw = str(body, "password", &e);
	if (only_keys(body, keys, &e)) {
		json_decref(body);
		return api_reply_error(req, resp, &e);
	}
	enum msg_id err = 0;
	int rc = aktivasi_pakai(req->store, nip, kode, pw, req->client_key, &err);
	json_decref(body);
	if (rc)
		return reply_invalid(req, resp, rc, err);
	struct jsonw w;
	api_reply_begin(resp, 200, &w);
	jsonw_obj_begin(&w);
	jsonw_kv_bool(&w, "aktif", 1);
	jsonw_obj_end(&w);
	return api_reply_end(req, resp, &w);
}

int api_aktivasi_terbitkan(struct http_req *req, struct http_resp *resp)
{
	struct api_error e;
	api_error_init(&e);
	json_t *body;
	if (api_read_json(req, &body, &e))
		return api_reply_error(req, resp, &e);
	static const char *const keys[] = { "instansi_kode", "unit_kode", "kampanye_id", "nip", "hari",
					    NULL };
	int64_t hari = num(body, "hari", &e);
	struct aktivasi_request ar = { str(body, "instansi_kode", &e), str(body, "unit_kode", &e),
				       num(body, "kampanye_id", &e), str(body, "nip", &e),
				       hari < 0 || hari > 100000 ? -1 : (int)hari };
	if (only_keys(body, keys, &e)) {
		json_decref(body);
		return api_reply_error(req, resp, &e);
	}
	struct aktivasi_slip *v = NULL;
	size_t n = 0;
	enum msg_id err = 0;
	int rc = aktivasi_terbitkan(req->store, &req->principal, &ar, &v, &n, &err);
	json_decref(body);
	if (rc)
		return reply_invalid(req, resp, rc, err);
	struct jsonw w;
	api_reply_begin(resp, 201, &w);
	jsonw_obj_begin(&w);
	jsonw_key(&w, "items");
	jsonw_arr_begin(&w);
	for (size_t i = 0; i < n; i++) {
		char until[32];
		api_format_time(v[i].expires_ms, until, sizeof(until));
		jsonw_obj_begin(&w);
		jsonw_kv_str(&w, "nip", v[i].nip);
		jsonw_kv_str(&w, "nama", v[i].nama);
		jsonw_kv_str(&w, "unit_kode", v[i].unit_kode);
		jsonw_kv_str(&w, "kode_aktivasi", v[i].kode);
		jsonw_kv_str(&w, "berlaku_sampai", until);
		jsonw_obj_end(&w);
	}
	jsonw_arr_end(&w);
	jsonw_obj_end(&w);
	aktivasi_slips_free(v, n);
	return api_reply_end(req, resp, &w);
}
