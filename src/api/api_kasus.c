/* The officer case API: queues, one case with its deadline and legal
 * basis, the transitions open to the caller's role, history, sanctions,
 * tags and notes; moving a case, the extension, assignment, tags and
 * notes. Scope and roles are enforced in app/kasus_alur. */
#include "core/compat.h"
#include "api/api.h"
#include "api/api_kasus.h"
#include "app/kasus_alur.h"
#include "core/date.h"
#include "core/err.h"

static void day_kv(struct jsonw *w, const char *key, int32_t day)
{
	char iso[16];
	if (!day || day == INT32_MAX) {
		jsonw_key(w, key);
		jsonw_null(w);
		return;
	}
	date_format_iso(day, iso, sizeof(iso));
	jsonw_kv_str(w, key, iso);
}

static void ringkas(struct jsonw *w, const struct kasus_ringkas *r, int32_t today)
{
	jsonw_obj_begin(w);
	jsonw_kv_str(w, "nomor", r->nomor);
	jsonw_kv_str(w, "konteks", r->konteks);
	jsonw_kv_str(w, "tahap", r->tahap);
	day_kv(w, "tenggat", r->tenggat_hari);
	jsonw_kv_str(w, "status_tenggat", kasus_tenggat_status_name(kasus_tenggat_status(
				  r->tenggat_hari, today)));
	jsonw_kv_str(w, "instansi", r->instansi_nama);
	jsonw_kv_str(w, "terlapor_nama", r->terlapor_nama);
	jsonw_kv_str(w, "pelanggaran_kode", r->pelanggaran_kode);
	jsonw_kv_bool(w, "ditugaskan", r->petugas_id != 0);
	jsonw_obj_end(w);
}

struct list_ctx {
	struct jsonw *w;
	int32_t today;
	int limit, got;             /* the store is asked for limit + 1 */
	struct kasus_kursor last;   /* of the last case written */
};

static int list_row(void *ctx, const struct kasus_ringkas *r)
{
	struct list_ctx *c = ctx;
	if (++c->got > c->limit)
		return 0;           /* the one past the page: another page follows */
	ringkas(c->w, r, c->today);
	kasus_kursor_dari(r, &c->last);
	return 0;
}

int api_kasus_list(struct http_req *req, struct http_resp *resp)
{
	struct api_error e;
	api_error_init(&e);
	const char *q = http_query(req, "antrian");
	enum kasus_antrian_jenis j = q && *q ? kasus_antrian_parse(q) : KASUS_ANTRIAN_SAYA;
	if (!j) {
		api_error_field(&e, "antrian", M_KS_FIELD_BAD);
		return api_reply_error(req, resp, &e);
	}
	int limit;
	if (api_query_limit(req, 100, 1000, &limit, &e))
		return api_reply_error(req, resp, &e);
	const char *after = http_query(req, "sesudah");
	struct kasus_kursor kursor;
	if (after && *after && kasus_kursor_baca(after, &kursor)) {
		api_error_field(&e, "sesudah", M_KS_FIELD_BAD);
		return api_reply_error(req, resp, &e);
	}
	if (!kasus_role_can_read(req->principal.role))
		return api_reply_code(req, resp, APP_EPERM);
	struct jsonw w;
	struct list_ctx c = { &w, kasus_today(), limit, 0, { 0, 0, 0 } };
	api_reply_begin(resp, 200, &w);
	jsonw_obj_begin(&w);
	jsonw_kv_str(&w, "antrian", kasus_antrian_name(j));
	jsonw_key(&w, "items");
	jsonw_arr_begin(&w);
	int rc = kasus_alur_antrian(req->store, &req->principal, j, http_query(req, "tag"), c.today,
				    limit + 1, after && *after ? &kursor : NULL, list_row, &c);
	jsonw_arr_end(&w);
	/* the next page's "sesudah", null on the last page */
	jsonw_key(&w, "berikutnya");
	if (c.got > limit) {
		char t[KASUS_KURSOR_TEKS];
		kasus_kursor_teks(&c.last, t);
		jsonw_str(&w, t);
	} else {
		jsonw_null(&w);
	}
	jsonw_obj_end(&w);
	if (rc)
		return api_reply_code(req, resp, rc);
	return api_reply_end(req, resp, &w);
}

struct detail_ctx {
	struct jsonw *w;
};

static int langkah_row(void *ctx, const struct kasus_langkah *l)
{
	struct jsonw *w = ((struct detail_ctx *)ctx)->w;
	char ts[32];
	jsonw_obj_begin(w);
	jsonw_kv_str(w, "dari", l->dari);
	jsonw_kv_str(w, "ke", l->ke);
	jsonw_kv_str(w, "aktor", l->aktor);
	jsonw_kv_str(w, "peran", l->peran);
	api_format_time(l->created_ms, ts, sizeof(ts));
	jsonw_kv_str(w, "waktu", ts);
	day_kv(w, "tenggat", l->tenggat_hari);
	json_error_t je;
	json_t *v = json_loads(l->isian, 0, &je);
	jsonw_key(w, "isian");
	if (v)
		api_write_json_value(w, v, 3);
	else
		jsonw_null(w);
	json_decref(v);
	v = json_loads(l->lampiran, 0, &je);
	jsonw_key(w, "lampiran");
	if (v)
		api_write_json_value(w, v, 3);
	else
		jsonw_null(w);
	json_decref(v);
	jsonw_obj_end(w);
	return 0;
}

static int sanksi_row(void *ctx, const struct kasus_sanksi *x)
{
	struct jsonw *w = ((struct detail_ctx *)ctx)->w;
	jsonw_obj_begin(w);
	jsonw_kv_str(w, "kasus", x->kasus_nomor);
	jsonw_kv_str(w, "jenis", x->jenis);
	jsonw_kv_str(w, "tingkat", x->tingkat);
	jsonw_kv_str(w, "rekomendasi", x->rekomendasi);
	jsonw_kv_str(w, "nomor_sk", x->nomor_sk);
	day_kv(w, "tanggal_sk", x->tanggal_sk);
	jsonw_kv_bool(w, "lebih_ringan", (x->flags & SANCTION_LIGHTER_THAN_RECOMMENDED) != 0);
	jsonw_kv_bool(w, "berulang_tidak_lebih_berat", (x->flags & SANCTION_REPEAT_NOT_HEAVIER) != 0);
	jsonw_obj_end(w);
	return 0;
}

static int catatan_row(void *ctx, const struct kasus_catatan *c)
{
	struct jsonw *w = ((struct detail_ctx *)ctx)->w;
	char ts[32];
	jsonw_obj_begin(w);
	jsonw_kv_str(w, "aktor", c->aktor);
	api_format_time(c->created_ms, ts, sizeof(ts));
	jsonw_kv_str(w, "waktu", ts);
	jsonw_kv_str(w, "teks", c->teks);
	jsonw_obj_end(w);
	return 0;
}

static const char *unit_name(enum deadline_unit u)
{
	return u == DEADLINE_WORKING_DAYS ? "hari_kerja" : "hari";
}

int api_kasus_get(struct http_req *req, struct http_resp *resp)
{
	const struct principal *p = &req->principal;
	struct kasus *k = http_alloc(req, sizeof(*k));
	int rc = kasus_alur_get(req->store, p, http_path_param(req, "nomor"), k);
	if (rc)
		return api_reply_code(req, resp, rc);
	struct workflow wf;
	if ((rc = kasus_workflow_active(req->store, &wf)))
		return api_reply_code(req, resp, rc);
	int32_t today = kasus_today();
	struct kasus_posisi pos;
	rc = kasus_alur_posisi(req->store, &wf, k, today, &pos);
	if (rc) {
		workflow_release(&wf);
		return api_reply_code(req, resp, rc);
	}
	struct jsonw w;
	struct detail_ctx c = { &w };
	api_reply_begin(resp, 200, &w);
	jsonw_obj_begin(&w);
	jsonw_kv_str(&w, "nomor", k->nomor);
	jsonw_kv_str(&w, "konteks", k->konteks);
	jsonw_kv_str(&w, "tahap", k->tahap);
	jsonw_kv_str(&w, "tahap_nama", pos.t.stage->name_id);
	jsonw_kv_str(&w, "pemilik", role_name(pos.t.stage->owner));
	jsonw_kv_int(&w, "workflow_versi", wf.version);
	jsonw_key(&w, "tenggat");
	jsonw_obj_begin(&w);
	day_kv(&w, "jatuh_tempo", pos.t.ada ? pos.t.jatuh_tempo : 0);
	day_kv(&w, "mulai", pos.mulai);
	jsonw_kv_int(&w, "hari", pos.t.hari);
	jsonw_kv_str(&w, "satuan", pos.t.ada ? unit_name(pos.t.satuan) : "");
	jsonw_kv_str(&w, "status", kasus_tenggat_status_name(pos.status));
	jsonw_kv_bool(&w, "dijeda", pos.t.dijeda);
	jsonw_kv_bool(&w, "diperpanjang", pos.diperpanjang);
	jsonw_kv_bool(&w, "bisa_diperpanjang", pos.bisa_diperpanjang);
	jsonw_kv_bool(&w, "kalender_lengkap", pos.t.kalender_lengkap);
	jsonw_kv_str(&w, "dasar_hukum", pos.t.stage->legal_basis);
	jsonw_kv_str(&w, "grade", pos.t.stage->grade);
	jsonw_kv_str(&w, "catatan", pos.t.stage->note);
	jsonw_obj_end(&w);
	jsonw_key(&w, "terlapor");
	jsonw_obj_begin(&w);
	jsonw_kv_str(&w, "nama", k->terlapor_nama);
	jsonw_kv_str(&w, "nip", k->terlapor_nip);
	jsonw_kv_str(&w, "jabatan", k->terlapor_jabatan);
	jsonw_kv_str(&w, "instansi", k->terlapor_instansi);
	jsonw_kv_bool(&w, "tertaut", k->pegawai_id != 0);
	jsonw_obj_end(&w);
	jsonw_kv_str(&w, "pelanggaran_kode", k->pelanggaran_kode);
	jsonw_kv_str(&w, "wilayah", k->wilayah);
	jsonw_kv_str(&w, "kronologi", k->kronologi);
	jsonw_kv_str(&w, "pelapor_mode", k->pelapor_mode);
	jsonw_kv_bool(&w, "terlambat_dilaporkan", k->terlambat);
	jsonw_kv_str(&w, "kekurangan", k->kekurangan);
	/* The transitions open to the caller's role, with their required fields. */
	const struct wf_transition *next[32];
	size_t nn = workflow_next(&wf, k->tahap, p->role, next, ARRAY_SIZE(next));
	jsonw_key(&w, "transisi");
	jsonw_arr_begin(&w);
	for (size_t i = 0; i < nn; i++) {
		jsonw_obj_begin(&w);
		jsonw_kv_str(&w, "ke", next[i]->to);
		const struct wf_stage *st = workflow_stage(&wf, next[i]->to, k->konteks);
		jsonw_kv_str(&w, "nama", st ? st->name_id : next[i]->to);
		jsonw_key(&w, "wajib");
		jsonw_arr_begin(&w);
		for (size_t f = 0; f < next[i]->nrequired; f++)
			jsonw_str(&w, next[i]->required[f]);
		jsonw_arr_end(&w);
		jsonw_kv_str(&w, "keterangan", next[i]->note);
		jsonw_obj_end(&w);
	}
	jsonw_arr_end(&w);
	workflow_release(&wf);
	char tags[16][40];
	size_t nt = 0;
	rc = store_kasus_tag_list(req->store, k->id, tags, 16, &nt);
	jsonw_key(&w, "tag");
	jsonw_arr_begin(&w);
	for (size_t i = 0; !rc && i < nt; i++)
		jsonw_str(&w, tags[i]);
	jsonw_arr_end(&w);
	jsonw_key(&w, "riwayat");
	jsonw_arr_begin(&w);
	if (!rc)
		rc = store_kasus_langkah_list(req->store, k->id, langkah_row, &c);
	jsonw_arr_end(&w);
	jsonw_key(&w, "sanksi");
	jsonw_arr_begin(&w);
	if (!rc)
		rc = store_kasus_sanksi_list(req->store, k->id, 0, sanksi_row, &c);
	jsonw_arr_end(&w);
	jsonw_key(&w, "catatan_internal");
	jsonw_arr_begin(&w);
	if (!rc)
		rc = store_kasus_catatan_list(req->store, k->id, catatan_row, &c);
	jsonw_arr_end(&w);
	jsonw_obj_end(&w);
	if (rc)
		return api_reply_code(req, resp, rc);
	return api_reply_end(req, resp, &w);
}

static int reply_why(struct http_req *req, struct http_resp *resp, int rc, const char *field,
		     enum msg_id why)
{
	struct api_error e;
	api_error_init(&e);
	if (rc == APP_EINVAL && why) {
		api_error_field(&e, field ? field : "", why);
		return api_reply_error(req, resp, &e);
	}
	if (why && (rc == APP_EPERM || rc == APP_ECONFLICT)) {
		api_error_set(&e, rc, why);
		return api_reply_error(req, resp, &e);
	}
	return api_reply_code(req, resp, rc);
}

static int reply_ok(struct http_req *req, struct http_resp *resp, const char *nomor)
{
	struct jsonw w;
	api_reply_begin(resp, 200, &w);
	jsonw_obj_begin(&w);
	jsonw_kv_str(&w, "nomor", nomor);
	jsonw_kv_bool(&w, "ok", 1);
	jsonw_obj_end(&w);
	return api_reply_end(req, resp, &w);
}

/* The fields a transition may require, as multipart form fields (the
 * same names as the JSON "isian" keys and the web form's). */
static const char *const pindah_fields[] = { "kekurangan", "alasan", "hasil_kajian",
					     "jenis_pelanggaran", "tingkat_sanksi",
					     "nomor_rekomendasi", "jenis_hukuman", "nomor_sk",
					     "tanggal_sk" };
/* One more than a transition takes (app/kasus_lampiran.c), so too many
 * files are refused rather than silently dropped. */
#define PINDAH_LAMPIRAN_MAX 5
#define PINDAH_JSON_MAX 65536

/* multipart/form-data: ke, the fields and files "lampiran" (BAP, SK),
 * checked exactly like the web form's (type from the bytes, metadata
 * stripped, at most 4, stored by SHA-256). */
static int pindah_from_form(struct http_req *req, struct kasus_pindah *pd,
			    struct kasus_lampiran *files)
{
	pd->ke = http_form(req, "ke");
	for (size_t i = 0; i < ARRAY_SIZE(pindah_fields); i++) {
		const char *v = http_form(req, pindah_fields[i]);
		if (v && *v && pd->nfields < KASUS_FIELDS_MAX) {
			pd->fields[pd->nfields].name = pindah_fields[i];
			pd->fields[pd->nfields++].value = v;
		}
	}
	size_t nf = 0;
	for (size_t i = 0; i < req->n_uploads; i++) {
		const struct http_upload *u = &req->uploads[i];
		if (strcmp(u->field, "lampiran") || !u->len)
			continue;
		if (nf == PINDAH_LAMPIRAN_MAX)
			return APP_ETOOBIG;
		files[nf].nama = u->filename;
		files[nf].data = (const uint8_t *)u->data;
		files[nf++].len = u->len;
	}
	pd->lampiran = files;
	pd->nlampiran = nf;
	return 0;
}

static int pindah_from_json(struct http_req *req, struct kasus_pindah *pd, struct api_error *e)
{
	json_t *body;
	/* the route's body limit is the upload one (multipart); a JSON
	 * transition stays as small as it always was */
	if (req->body_len > PINDAH_JSON_MAX)
		return api_error_set(e, APP_ETOOBIG, M_API_ERR_TOO_BIG);
	if (api_read_json(req, &body, e))
		return APP_EINVAL;
	pd->ke = json_string_value(json_object_get(body, "ke"));
	json_t *isian = json_object_get(body, "isian");
	const char *key;
	json_t *val;
	if (isian && !json_is_object(isian)) {
		json_decref(body);
		api_error_field(e, "isian", M_KS_FIELD_BAD);
		return APP_EINVAL;
	}
	json_object_foreach(isian, key, val) {
		if (!json_is_string(val) || pd->nfields == KASUS_FIELDS_MAX) {
			api_error_field(e, key, M_KS_FIELD_BAD);
			json_decref(body);
			return APP_EINVAL;
		}
		pd->fields[pd->nfields].name = http_strdup(req, key);
		pd->fields[pd->nfields++].value = http_strdup(req, json_string_value(val));
	}
	pd->ke = pd->ke ? http_strdup(req, pd->ke) : NULL;
	json_decref(body);
	return 0;
}

int api_kasus_pindah(struct http_req *req, struct http_resp *resp)
{
	struct api_error e;
	api_error_init(&e);
	struct kasus_pindah pd = { 0 };
	struct kasus_lampiran files[PINDAH_LAMPIRAN_MAX];
	if (!strcmp(req->content_type, "multipart/form-data")) {
		if (pindah_from_form(req, &pd, files)) {
			api_error_field(&e, "lampiran", M_KS_ATTACHMENT_TOO_MANY);
			return api_reply_error(req, resp, &e);
		}
	} else if (pindah_from_json(req, &pd, &e)) {
		return api_reply_error(req, resp, &e);
	}
	struct kasus_pindah_hasil r;
	const char *nomor = http_path_param(req, "nomor");
	int rc = kasus_alur_pindah(req->store, &req->principal, nomor, &pd, &r);
	if (rc == APP_ETOOBIG && r.field && r.msg)
		rc = APP_EINVAL; /* a refused attachment is a 400 on its field */
	if (rc)
		return reply_why(req, resp, rc, r.field, r.msg);
	struct jsonw w;
	api_reply_begin(resp, 200, &w);
	jsonw_obj_begin(&w);
	jsonw_kv_str(&w, "nomor", nomor);
	jsonw_kv_str(&w, "tahap", pd.ke);
	day_kv(&w, "tenggat", r.tenggat);
	jsonw_kv_bool(&w, "sanksi_lebih_ringan", (r.sanksi_flags & SANCTION_LIGHTER_THAN_RECOMMENDED) != 0);
	jsonw_kv_bool(&w, "sanksi_berulang_tidak_lebih_berat",
		      (r.sanksi_flags & SANCTION_REPEAT_NOT_HEAVIER) != 0);
	jsonw_kv_str(&w, "blokir", r.blokir > 0 ? "dipasang" : r.blokir < 0 ? "dicabut" : "");
	jsonw_obj_end(&w);
	return api_reply_end(req, resp, &w);
}

/* The small actions share one shape: a JSON object with one string. */
static int one_string(struct http_req *req, struct http_resp *resp, const char *name,
		      const char **out, int *flag)
{
	struct api_error e;
	json_t *body;
	api_error_init(&e);
	if (api_read_json(req, &body, &e))
		return api_reply_error(req, resp, &e);
	const char *v = json_string_value(json_object_get(body, name));
	*out = http_strdup(req, v ? v : "");
	if (flag)
		*flag = json_is_true(json_object_get(body, "hapus"));
	json_decref(body);
	return 1;
}

int api_kasus_perpanjang(struct http_req *req, struct http_resp *resp)
{
	const char *alasan;
	if (one_string(req, resp, "alasan", &alasan, NULL) != 1)
		return 0;
	enum msg_id why = 0;
	const char *nomor = http_path_param(req, "nomor");
	int rc = kasus_alur_perpanjang(req->store, &req->principal, nomor, alasan, &why);
	return rc ? reply_why(req, resp, rc, "alasan", why) : reply_ok(req, resp, nomor);
}

int api_kasus_tugaskan(struct http_req *req, struct http_resp *resp)
{
	const char *petugas;
	if (one_string(req, resp, "petugas", &petugas, NULL) != 1)
		return 0;
	enum msg_id why = 0;
	const char *nomor = http_path_param(req, "nomor");
	int rc = kasus_alur_tugaskan(req->store, &req->principal, nomor, petugas, &why);
	return rc ? reply_why(req, resp, rc, "petugas", why) : reply_ok(req, resp, nomor);
}

int api_kasus_tag(struct http_req *req, struct http_resp *resp)
{
	const char *tag;
	int hapus = 0;
	if (one_string(req, resp, "tag", &tag, &hapus) != 1)
		return 0;
	enum msg_id why = 0;
	const char *nomor = http_path_param(req, "nomor");
	int rc = kasus_alur_tag(req->store, &req->principal, nomor, tag, !hapus, &why);
	return rc ? reply_why(req, resp, rc, "tag", why) : reply_ok(req, resp, nomor);
}

int api_kasus_catatan(struct http_req *req, struct http_resp *resp)
{
	const char *teks;
	if (one_string(req, resp, "teks", &teks, NULL) != 1)
		return 0;
	enum msg_id why = 0;
	const char *nomor = http_path_param(req, "nomor");
	int rc = kasus_alur_catat(req->store, &req->principal, nomor, teks, &why);
	return rc ? reply_why(req, resp, rc, "teks", why) : reply_ok(req, resp, nomor);
}
