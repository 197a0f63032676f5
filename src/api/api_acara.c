/* /api/v1/acara, /api/v1/hadir, /api/v1/cakupan: apel and sosialisasi
 * events, attendance (a list of NIPs, a CSV import, the attendee's own
 * check-in by code) and sosialisasi coverage. Scope and roles are enforced
 * by app/acara.h. */
#include "core/compat.h"
#include "api/api.h"
#include "api/api_import.h"
#include "app/acara.h"
#include "core/date.h"
#include "core/err.h"
#include "core/xalloc.h"

#define API_BELUM_MAX 5000

struct acara_body {
	char jenis[16];
	char topik[256];
	char mulai[24], selesai[24];
	char tempat[256];
	char tautan[512];
	char narasumber[160];
	char instansi_kode[32];
	char unit_kode[32];
	char sasaran_unit_kode[32];
};

#define F(name, flags) { #name, JF_STRING, flags, offsetof(struct acara_body, name), \
			 sizeof(((struct acara_body *)0)->name), 0, 0, NULL, NULL }
static const struct json_field acara_fields[] = {
	F(jenis, JF_REQUIRED),
	F(topik, JF_REQUIRED),
	F(mulai, JF_REQUIRED),
	F(selesai, JF_REQUIRED),
	F(tempat, JF_NULLABLE),
	F(tautan, JF_NULLABLE),
	F(narasumber, JF_NULLABLE),
	F(instansi_kode, JF_REQUIRED),
	F(unit_kode, JF_NULLABLE),
	F(sasaran_unit_kode, JF_NULLABLE),
};
#undef F

static void write_acara(struct http_req *req, struct jsonw *w, const struct acara *a,
			int64_t sasaran)
{
	char m[24], s[24], ts[32];
	struct instansi in;
	struct unit_kerja u;
	acara_format_time(a->mulai_ms, m, sizeof(m));
	acara_format_time(a->selesai_ms, s, sizeof(s));
	jsonw_obj_begin(w);
	jsonw_kv_int(w, "id", a->id);
	jsonw_kv_str(w, "kode", a->kode);
	jsonw_kv_str(w, "jenis", a->jenis);
	jsonw_kv_str(w, "topik", a->topik);
	jsonw_kv_str(w, "mulai", m);
	jsonw_kv_str(w, "selesai", s);
	jsonw_kv_str(w, "tempat", a->tempat);
	jsonw_kv_str(w, "tautan", a->tautan);
	jsonw_kv_str(w, "narasumber", a->narasumber);
	jsonw_kv_str(w, "instansi_kode",
		     store_instansi_get(req->store, a->instansi_id, &in) ? "" : in.kode);
	jsonw_kv_str(w, "unit_kode",
		     a->unit_id && !store_unit_get(req->store, a->unit_id, &u) ? u.kode : "");
	jsonw_kv_str(w, "sasaran_unit_kode",
		     a->sasaran_unit_id && !store_unit_get(req->store, a->sasaran_unit_id, &u) ? u.kode : "");
	jsonw_kv_int(w, "hadir", a->hadir);
	if (sasaran >= 0)
		jsonw_kv_int(w, "sasaran", sasaran);
	api_format_time(a->updated_ms, ts, sizeof(ts));
	jsonw_kv_str(w, "updated_at", ts);
	jsonw_obj_end(w);
}

static int path_id(struct http_req *req, int64_t *id)
{
	return http_path_int64(req, "id", id) ? APP_ENOTFOUND : 0;
}

struct collect {
	struct acara *v;
	int n, max;
};

static int collect(void *ctx, const struct acara *a)
{
	struct collect *c = ctx;
	if (c->n < c->max)
		c->v[c->n++] = *a;
	return 0;
}

int api_acara_list(struct http_req *req, struct http_resp *resp)
{
	struct api_error e;
	api_error_init(&e);
	if (!acara_can_read(&req->principal))
		return api_reply_code(req, resp, APP_EPERM);
	int limit;
	if (api_query_limit(req, 50, 500, &limit, &e))
		return api_reply_error(req, resp, &e);
	int64_t before = 0;
	const char *sb = http_query(req, "sebelum");
	if (sb && *sb && http_parse_int64(sb, &before))
		return api_reply_code(req, resp, APP_EINVAL);
	struct collect c = { xcalloc((size_t)limit, sizeof(struct acara)), 0, limit };
	int rc = acara_list(req->store, &req->principal, before, limit, collect, &c);
	if (rc) {
		free(c.v);
		return api_reply_code(req, resp, rc);
	}
	struct jsonw w;
	api_reply_begin(resp, 200, &w);
	api_page_begin(&w);
	for (int i = 0; i < c.n; i++)
		write_acara(req, &w, &c.v[i], -1);
	char next[24];
	if (c.n == limit)
		snprintf(next, sizeof(next), "%lld", (long long)c.v[c.n - 1].mulai_ms);
	api_page_end(&w, c.n == limit ? next : NULL, c.n);
	free(c.v);
	return api_reply_end(req, resp, &w);
}

static int reply_one(struct http_req *req, struct http_resp *resp, int status, const struct acara *a)
{
	int64_t sasaran = 0, hadir = 0;
	int rc = acara_peserta_count(req->store, &req->principal, a, &sasaran, &hadir);
	if (rc)
		return api_reply_code(req, resp, rc);
	struct jsonw w;
	api_reply_begin(resp, status, &w);
	write_acara(req, &w, a, sasaran);
	return api_reply_end(req, resp, &w);
}

int api_acara_get(struct http_req *req, struct http_resp *resp)
{
	int64_t id;
	struct acara a;
	int rc = path_id(req, &id);
	if (!rc)
		rc = acara_get(req->store, &req->principal, id, &a);
	return rc ? api_reply_code(req, resp, rc) : reply_one(req, resp, 200, &a);
}

static int save(struct http_req *req, struct http_resp *resp, int64_t id)
{
	struct api_error e;
	api_error_init(&e);
	if (!acara_can_manage(&req->principal))
		return api_reply_code(req, resp, APP_EPERM);
	json_t *j;
	struct acara_body b;
	uint32_t present = 0;
	memset(&b, 0, sizeof(b));
	if (api_read_json(req, &j, &e))
		return api_reply_error(req, resp, &e);
	int rc = json_body_check(j, acara_fields, ARRAY_SIZE(acara_fields), &b, &present, &e);
	json_decref(j);
	if (rc)
		return api_reply_error(req, resp, &e);
	struct acara_input in = {
		.jenis = b.jenis, .topik = b.topik, .mulai = b.mulai, .selesai = b.selesai,
		.tempat = b.tempat, .tautan = b.tautan, .narasumber = b.narasumber,
		.instansi_kode = b.instansi_kode, .unit_kode = b.unit_kode,
		.sasaran_unit_kode = b.sasaran_unit_kode,
	};
	struct acara a;
	struct field_errors fe;
	rc = acara_save(req->store, &req->principal, id, &in, &a, &fe);
	if (rc == APP_EINVAL) {
		api_error_set(&e, APP_ECONSTRAINT, M_API_INVALID_INPUT);
		for (int i = 0; i < fe.n; i++)
			api_error_field_text(&e, fe.e[i].field, msg(fe.e[i].msg, LANG_ID),
					     msg(fe.e[i].msg, LANG_EN));
		return api_reply_error(req, resp, &e);
	}
	if (rc)
		return api_reply_code(req, resp, rc);
	if (!id)
		(void)http_resp_header(req, resp, "Location",
				       http_printf(req, "/api/v1/acara/%lld", (long long)a.id));
	return reply_one(req, resp, id ? 200 : 201, &a);
}

int api_acara_create(struct http_req *req, struct http_resp *resp)
{
	return save(req, resp, 0);
}

int api_acara_update(struct http_req *req, struct http_resp *resp)
{
	int64_t id;
	if (path_id(req, &id))
		return api_reply_code(req, resp, APP_ENOTFOUND);
	return save(req, resp, id);
}

/* ---- attendance ---- */

/* The attendance report has always kept 63 bytes of a bad value. */
#define HADIR_VALUE_SIZE 64

struct report {
	int partial;
	const struct acara_hadir_stats *st;
	const struct api_row_errors *errs;
	const char *line_key; /* "line" of the CSV, "index" of the JSON list */
};

static void write_stats(struct jsonw *w, const void *ctx)
{
	const struct report *r = ctx;
	const struct acara_hadir_stats *st = r->st;
	api_import_report_begin(w, st->committed, r->partial, st->rows, st->ok, st->bad);
	jsonw_kv_int(w, "baru", st->baru);
	jsonw_kv_int(w, "sudah", st->sudah);
	api_import_report_end(w, r->errs, r->line_key);
}

static int reply_stats(struct http_req *req, struct http_resp *resp, int rc, int partial,
		       const struct acara_hadir_stats *st, struct api_row_errors *errs,
		       const char *line_key)
{
	struct report r = { partial, st, errs, line_key };
	rc = api_import_reply(req, resp, rc, write_stats, &r);
	api_row_errors_release(errs);
	return rc;
}

/* POST /api/v1/acara/:id/hadir {"nip":["...", ...]}: all or nothing. */
int api_acara_hadir(struct http_req *req, struct http_resp *resp)
{
	struct api_error e;
	api_error_init(&e);
	int64_t id;
	if (path_id(req, &id))
		return api_reply_code(req, resp, APP_ENOTFOUND);
	if (!acara_can_manage(&req->principal))
		return api_reply_code(req, resp, APP_EPERM);
	json_t *j;
	if (api_read_json(req, &j, &e))
		return api_reply_error(req, resp, &e);
	json_t *arr = json_object_get(j, "nip");
	const char *key;
	json_t *val;
	json_object_foreach(j, key, val) {
		if (strcmp(key, "nip"))
			api_error_field(&e, key, M_API_FIELD_UNKNOWN);
	}
	if (!json_is_array(arr))
		api_error_field(&e, "nip", M_API_FIELD_REQUIRED);
	size_t n = json_is_array(arr) ? json_array_size(arr) : 0;
	const char **nips = http_alloc(req, (n ? n : 1) * sizeof(*nips));
	for (size_t i = 0; i < n && !e.code; i++) {
		json_t *x = json_array_get(arr, i);
		if (!json_is_string(x))
			api_error_field(&e, "nip", M_API_FIELD_REQUIRED);
		else
			nips[i] = http_strdup(req, json_string_value(x));
	}
	json_decref(j);
	if (e.code)
		return api_reply_error(req, resp, &e);
	struct api_row_errors errs;
	api_row_errors_init(&errs, HADIR_VALUE_SIZE);
	struct import_opts o = { .on_error = api_row_errors_keep, .error_ctx = &errs };
	struct acara_hadir_stats st;
	int rc = acara_hadir_nips(req->store, &req->principal, id, nips, n, &o, &st);
	return reply_stats(req, resp, rc, 0, &st, &errs, "index");
}

/* POST /api/v1/acara/:id/hadir/impor (text/csv, ?partial=1). */
int api_acara_hadir_impor(struct http_req *req, struct http_resp *resp)
{
	int64_t id;
	if (path_id(req, &id))
		return api_reply_code(req, resp, APP_ENOTFOUND);
	if (!acara_can_manage(&req->principal))
		return api_reply_code(req, resp, APP_EPERM);
	FILE *in;
	int partial;
	if (api_csv_body_open(req, resp, &in, &partial))
		return 0;
	struct api_row_errors errs;
	api_row_errors_init(&errs, HADIR_VALUE_SIZE);
	struct import_opts o = { .partial = partial, .on_error = api_row_errors_keep, .error_ctx = &errs };
	struct acara_hadir_stats st;
	int rc = acara_hadir_import_csv(req->store, &req->principal, id, in, &o, &st);
	fclose(in);
	return reply_stats(req, resp, rc, partial, &st, &errs, "line");
}

/* POST /api/v1/hadir {"kode":"K5MN34"}: the logged-in asn checks in. */
int api_hadir(struct http_req *req, struct http_resp *resp)
{
	struct api_error e;
	api_error_init(&e);
	struct { char kode[40]; } b = { "" };
	static const struct json_field f[] = {
		{ "kode", JF_STRING, JF_REQUIRED | JF_NONEMPTY, 0, 40, 0, 0, NULL, NULL },
	};
	json_t *j;
	if (api_read_json(req, &j, &e))
		return api_reply_error(req, resp, &e);
	uint32_t present = 0;
	int rc = json_body_check(j, f, 1, &b, &present, &e);
	json_decref(j);
	if (rc)
		return api_reply_error(req, resp, &e);
	struct acara a;
	int inserted = 0;
	enum msg_id why;
	rc = acara_checkin(req->store, &req->principal, b.kode, req->now_ms, &a, &inserted, &why);
	if (rc == APP_EINVAL && (why == M_ACARA_BELUM_MULAI || why == M_ACARA_SUDAH_SELESAI)) {
		char m[24], s[24];
		acara_format_time(a.mulai_ms, m, sizeof(m));
		acara_format_time(a.selesai_ms, s, sizeof(s));
		m[10] = s[10] = ' ';
		api_error_set(&e, APP_ECONSTRAINT, why, m, s);
		e.code_name = "outside_window";
		return api_reply_error(req, resp, &e);
	}
	if (rc == APP_ENOTFOUND || rc == APP_EPERM || rc == APP_EBUSY) {
		api_error_set(&e, rc, why);
		return api_reply_error(req, resp, &e);
	}
	if (rc)
		return api_reply_code(req, resp, rc);
	struct jsonw w;
	char m[24], s[24];
	acara_format_time(a.mulai_ms, m, sizeof(m));
	acara_format_time(a.selesai_ms, s, sizeof(s));
	api_reply_begin(resp, 200, &w);
	jsonw_obj_begin(&w);
	jsonw_kv_bool(&w, "baru", inserted);
	jsonw_kv_str(&w, "kode", a.kode);
	jsonw_kv_str(&w, "topik", a.topik);
	jsonw_kv_str(&w, "mulai", m);
	jsonw_kv_str(&w, "selesai", s);
	jsonw_kv_str(&w, "message", msg(inserted ? M_ACARA_HADIR_OK : M_ACARA_HADIR_SUDAH, LANG_ID));
	jsonw_obj_end(&w);
	return api_reply_end(req, resp, &w);
}

/* ---- coverage ---- */

struct belum_ctx {
	struct jsonw *w;
	const struct acara_cakupan *c;
	int64_t n;
};

static int belum_row(void *ctx, const struct acara_peserta *e)
{
	struct belum_ctx *x = ctx;
	if (x->n++ >= API_BELUM_MAX)
		return 0;
	const char *uk = "";
	for (size_t i = 0; i < x->c->n; i++)
		if (x->c->unit[i].unit_id == e->unit_id)
			uk = x->c->unit[i].kode;
	jsonw_obj_begin(x->w);
	jsonw_kv_str(x->w, "nip", e->nip);
	jsonw_kv_str(x->w, "nama", e->nama);
	jsonw_kv_str(x->w, "unit_kode", uk);
	jsonw_obj_end(x->w);
	return 0;
}

static int read_day(struct http_req *req, const char *name, int32_t *day, struct api_error *e)
{
	const char *v = http_query(req, name);
	if (!v || !*v) {
		api_error_field(e, name, M_API_FIELD_REQUIRED);
		return -1;
	}
	if (date_parse_iso(v, strlen(v), day)) {
		api_error_field(e, name, M_ACARA_DATE_BAD);
		return -1;
	}
	return 0;
}

int api_cakupan(struct http_req *req, struct http_resp *resp)
{
	struct api_error e;
	api_error_init(&e);
	if (!acara_can_read(&req->principal))
		return api_reply_code(req, resp, APP_EPERM);
	int32_t d1 = 0, d2 = 0;
	const char *kode = http_query(req, "instansi");
	if (!kode || !*kode)
		api_error_field(&e, "instansi", M_API_FIELD_REQUIRED);
	int bad = read_day(req, "dari", &d1, &e);
	bad |= read_day(req, "sampai", &d2, &e);
	if (!bad && d2 < d1)
		api_error_field(&e, "sampai", M_ACARA_DATE_ORDER);
	if (e.code)
		return api_reply_error(req, resp, &e);
	struct acara_cakupan c;
	int rc = acara_cakupan(req->store, &req->principal, kode, d1, d2, &c);
	if (rc)
		return api_reply_code(req, resp, rc);
	struct jsonw w;
	api_reply_begin(resp, 200, &w);
	jsonw_obj_begin(&w);
	jsonw_kv_str(&w, "instansi_kode", c.instansi.kode);
	jsonw_kv_str(&w, "dari", http_query(req, "dari"));
	jsonw_kv_str(&w, "sampai", http_query(req, "sampai"));
	jsonw_kv_int(&w, "pegawai", c.pegawai);
	jsonw_kv_int(&w, "terjangkau", c.terjangkau);
	jsonw_kv_int(&w, "permil", acara_permil(c.terjangkau, c.pegawai));
	jsonw_key(&w, "unit");
	jsonw_arr_begin(&w);
	for (size_t i = 0; i < c.n; i++) {
		jsonw_obj_begin(&w);
		jsonw_kv_str(&w, "unit_kode", c.unit[i].kode);
		jsonw_kv_str(&w, "unit_nama", c.unit[i].nama);
		jsonw_kv_int(&w, "pegawai", c.unit[i].pegawai);
		jsonw_kv_int(&w, "terjangkau", c.unit[i].terjangkau);
		jsonw_kv_int(&w, "permil", acara_permil(c.unit[i].terjangkau, c.unit[i].pegawai));
		jsonw_obj_end(&w);
	}
	jsonw_arr_end(&w);
	jsonw_key(&w, "belum");
	jsonw_arr_begin(&w);
	struct belum_ctx x = { &w, &c, 0 };
	rc = acara_cakupan_belum(req->store, &req->principal, &c, belum_row, &x);
	jsonw_arr_end(&w);
	jsonw_kv_int(&w, "belum_total", x.n);
	jsonw_kv_bool(&w, "belum_truncated", x.n > API_BELUM_MAX);
	jsonw_obj_end(&w);
	acara_cakupan_release(&c);
	if (rc) {
		buf_reset(&resp->body);
		return api_reply_code(req, resp, rc);
	}
	return api_reply_end(req, resp, &w);
}
