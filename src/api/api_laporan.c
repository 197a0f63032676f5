/* Citizen reports over the API (app/laporan.h):
 *   POST /api/v1/laporan                    file a report (JSON or multipart with files)
 *   POST /api/v1/laporan/pantau             the reporter's view, by receipt
 *   POST /api/v1/laporan/pantau/pesan       the reporter answers
 *   POST /api/v1/laporan/pantau/bukti       the reporter adds evidence (multipart or JSON)
 *   POST /api/v1/laporan/pantau/terlapor    the reporter completes who is reported
 *   GET  /api/v1/laporan/:nomor             an officer reads the case (no identity)
 *   POST /api/v1/laporan/:nomor/pesan       an officer writes to the reporter
 *   GET  /api/v1/laporan/:nomor/bukti/:id   an officer downloads evidence (attachment)
 *   POST /api/v1/laporan/:nomor/identitas   a custodian opens the sealed identity
 * The public routes are ROUTE_NO_IP_LOG; the receipt travels in bodies,
 * never in a URL. */
#include "core/compat.h"
#include "api/api.h"
#include "api/laporan_json.h"
#include "app/laporan.h"
#include "app/laporan_ref.h"
#include "core/date.h"
#include "core/err.h"
#include <sodium.h>

static int reply_errors(struct http_req *req, struct http_resp *resp, int rc,
			const struct laporan_errors *err)
{
	struct api_error e;
	api_error_init(&e);
	if (rc == APP_EBUSY) {
		(void)http_resp_header(req, resp, "Retry-After", "600");
		api_error_set(&e, APP_EBUSY, M_LAP_ERR_RATE);
		return api_reply_error(req, resp, &e);
	}
	if (err && err->n) {
		for (int i = 0; i < err->n; i++)
			api_error_field(&e, err->e[i].field, err->e[i].msg);
		if (rc == APP_ETOOBIG)
			e.status = 413;
		return api_reply_error(req, resp, &e);
	}
	return api_reply_code(req, resp, rc);
}

/* The files of a multipart body (field "bukti", repeated). */
static size_t uploads(struct http_req *req, struct laporan_file *files, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < req->n_uploads; i++) {
		if (strcmp(req->uploads[i].field, "bukti") || req->uploads[i].len == 0)
			continue;
		if (n == max)
			return max + 1;
		files[n].nama = req->uploads[i].filename;
		files[n].data = (const uint8_t *)req->uploads[i].data;
		files[n].len = req->uploads[i].len;
		n++;
	}
	return n;
}

/* The fields of a multipart body; extra names go to extra_out. */
static int form_input(struct http_req *req, struct laporan_input *in, struct laporan_errors *err)
{
	memset(in, 0, sizeof(*in));
	for (size_t i = 0; i < req->n_form; i++) {
		const struct http_param *f = &req->form[i];
		if (laporan_input_set(in, f->name, f->value, f->len) == APP_ETOOBIG)
			laporan_errors_add(err, f->name, M_LAP_ERR_TEXT);
	}
	return err->n ? APP_EINVAL : 0;
}

static void write_day(struct jsonw *w, const char *key, int32_t day)
{
	char d[16];
	jsonw_key(w, key);
	if (!day) {
		jsonw_null(w);
		return;
	}
	date_format_iso(day, d, sizeof(d));
	jsonw_str(w, d);
}

static enum msg_id kurang_msg(const char *code)
{
	return !strcmp(code, "bukti") ? M_LAP_KURANG_BUKTI : M_LAP_KURANG_TERLAPOR;
}

static void write_kekurangan(struct jsonw *w, const char *list)
{
	jsonw_key(w, "kekurangan");
	jsonw_arr_begin(w);
	const char *p = list;
	while (*p) {
		size_t n = strcspn(p, ";");
		char code[32];
		snprintf(code, sizeof(code), "%.*s", (int)n, p);
		jsonw_obj_begin(w);
		jsonw_kv_str(w, "kode", code);
		jsonw_kv_str(w, "pesan", msg(kurang_msg(code), LANG_ID));
		jsonw_kv_str(w, "pesan_en", msg(kurang_msg(code), LANG_EN));
		jsonw_obj_end(w);
		p += n;
		if (*p == ';')
			p++;
	}
	jsonw_arr_end(w);
}

int api_laporan_create(struct http_req *req, struct http_resp *resp)
{
	struct laporan_input *in = http_alloc(req, sizeof(*in));
	memset(in, 0, sizeof(*in));
	struct laporan_errors err = { .n = 0 };
	struct laporan_file files[LIMIT_BUKTI_PER_UPLOAD];
	size_t nfiles = 0;
	struct api_error e;
	api_error_init(&e);
	if (!strcmp(req->content_type, "application/json")) {
		if (laporan_json_read(req->body, req->body_len, in, NULL, NULL, 0, &e))
			return api_reply_error(req, resp, &e);
	} else {
		if (form_input(req, in, &err))
			return reply_errors(req, resp, APP_EINVAL, &err);
		nfiles = uploads(req, files, LIMIT_BUKTI_PER_UPLOAD);
		if (nfiles > LIMIT_BUKTI_PER_UPLOAD) {
			laporan_errors_add(&err, "bukti", M_BUKTI_TOO_MANY);
			return reply_errors(req, resp, APP_EINVAL, &err);
		}
	}
	struct laporan_diterima out;
	int rc = laporan_ajukan(req->store, req->client_key, in, files, nfiles, "api", req->now_ms,
				&out, &err);
	sodium_memzero(in, sizeof(*in));
	if (rc)
		return reply_errors(req, resp, rc, &err);
	struct jsonw w;
	api_reply_begin(resp, 201, &w);
	jsonw_obj_begin(&w);
	jsonw_kv_str(&w, "nomor", out.nomor);
	jsonw_kv_str(&w, "receipt", out.receipt);
	jsonw_kv_str(&w, "receipt_tampil", out.receipt_display);
	jsonw_kv_str(&w, "tahap", "diterima");
	write_day(&w, "tenggat", out.tenggat_hari);
	jsonw_kv_int(&w, "bukti", out.n_bukti);
	jsonw_kv_int(&w, "metadata_dihapus", out.n_metadata_dihapus);
	jsonw_kv_bool(&w, "terlambat", out.terlambat);
	write_kekurangan(&w, out.kekurangan);
	jsonw_kv_str(&w, "pantau", "/lapor/pantau");
	jsonw_obj_end(&w);
	sodium_memzero(&out, sizeof(out));
	return api_reply_end(req, resp, &w);
}

static void write_time(struct jsonw *w, const char *key, int64_t ms)
{
	char t[32];
	api_format_time(ms, t, sizeof(t));
	jsonw_kv_str(w, key, t);
}

/* The conversation; the officer's name on every message for officers
 * (all_names), on the officers' own messages for the reporter. */
static void write_pesan(struct jsonw *w, const struct laporan_tampilan *t, int all_names)
{
	jsonw_key(w, "pesan");
	jsonw_arr_begin(w);
	for (size_t i = 0; i < t->n_pesan; i++) {
		jsonw_obj_begin(w);
		jsonw_kv_str(w, "dari", t->pesan[i].dari);
		if (all_names || !strcmp(t->pesan[i].dari, "petugas"))
			jsonw_kv_str(w, "petugas", t->pesan[i].petugas_nama);
		write_time(w, "waktu", t->pesan[i].created_ms);
		jsonw_kv_str(w, "isi", t->pesan[i].isi);
		jsonw_obj_end(w);
	}
	jsonw_arr_end(w);
}

/* Who opened the sealed identity, when and why (both views show it). */
static void write_openings(struct jsonw *w, const struct laporan_tampilan *t)
{
	jsonw_key(w, "identitas_dibuka");
	jsonw_arr_begin(w);
	for (size_t i = 0; i < t->n_akses; i++) {
		jsonw_obj_begin(w);
		jsonw_kv_str(w, "petugas", t->akses[i].petugas_nama);
		write_time(w, "waktu", t->akses[i].created_ms);
		jsonw_kv_str(w, "alasan", t->akses[i].alasan);
		jsonw_obj_end(w);
	}
	jsonw_arr_end(w);
}

/* The reporter's view: status and stage name, what is missing, messages,
 * evidence and identity openings. Never internal notes, never the
 * identity itself. */
static int reply_view(struct http_req *req, struct http_resp *resp, int status, const struct kasus *k)
{
	struct laporan_tampilan *t = http_alloc(req, sizeof(*t));
	int rc = laporan_tampilan_load(req->store, k, t);
	if (rc)
		return api_reply_code(req, resp, rc);
	struct jsonw w;
	api_reply_begin(resp, status, &w);
	jsonw_obj_begin(&w);
	jsonw_kv_str(&w, "nomor", k->nomor);
	jsonw_kv_str(&w, "tahap", k->tahap);
	jsonw_kv_str(&w, "tahap_nama", laporan_tahap_nama(k->tahap, k->konteks, LANG_ID));
	jsonw_kv_str(&w, "tahap_nama_en", laporan_tahap_nama(k->tahap, k->konteks, LANG_EN));
	write_time(&w, "tahap_sejak", k->tahap_sejak_ms);
	write_day(&w, "tenggat", k->tenggat_hari);
	write_time(&w, "diterima", k->created_ms);
	jsonw_kv_str(&w, "konteks", k->konteks);
	jsonw_kv_str(&w, "pelanggaran_kode", k->pelanggaran_kode);
	jsonw_kv_str(&w, "pelapor_mode", k->pelapor_mode);
	jsonw_kv_bool(&w, "terlambat", k->terlambat);
	write_kekurangan(&w, k->kekurangan);
	write_pesan(&w, t, 0);
	jsonw_key(&w, "bukti");
	jsonw_arr_begin(&w);
	for (size_t i = 0; i < t->n_bukti; i++) {
		jsonw_obj_begin(&w);
		jsonw_kv_str(&w, "nama", t->bukti[i].nama_berkas);
		jsonw_kv_str(&w, "jenis", t->bukti[i].mime);
		jsonw_kv_int(&w, "ukuran", t->bukti[i].ukuran);
		jsonw_kv_bool(&w, "metadata_dihapus", t->bukti[i].metadata_dihapus);
		write_time(&w, "waktu", t->bukti[i].created_ms);
		jsonw_obj_end(&w);
	}
	jsonw_arr_end(&w);
	write_openings(&w, t);
	jsonw_obj_end(&w);
	return api_reply_end(req, resp, &w);
}

/* Find the case of a receipt, answering 404/429 itself when it cannot. */
static int by_receipt(struct http_req *req, struct http_resp *resp, const char *receipt,
		      struct kasus *k, int *replied)
{
	*replied = 0;
	int rc = laporan_pantau(req->store, req->client_key, receipt, req->now_ms, k);
	if (!rc)
		return 0;
	*replied = 1;
	struct api_error e;
	api_error_init(&e);
	if (rc == APP_EBUSY) {
		(void)http_resp_header(req, resp, "Retry-After", "600");
		api_error_set(&e, APP_EBUSY, M_LAP_ERR_RATE);
		return api_reply_error(req, resp, &e);
	}
	if (rc == APP_ENOTFOUND) {
		api_error_set(&e, APP_ENOTFOUND, M_LAP_ERR_RECEIPT);
		return api_reply_error(req, resp, &e);
	}
	return api_reply_code(req, resp, rc);
}

static const char *const receipt_only[] = { "receipt", NULL };

/* A JSON body of the receipt (and any fields of struct laporan_input):
 * *k is its case, or the reply has been sent (*replied) for a bad body, an
 * unknown receipt or too many tries. The receipt is wiped either way. */
static int receipt_case(struct http_req *req, struct http_resp *resp, struct laporan_input *in,
			struct kasus *k, int *replied)
{
	struct api_error e;
	api_error_init(&e);
	char receipt[64] = "";
	char *outs[] = { receipt };
	memset(in, 0, sizeof(*in));
	if (laporan_json_read(req->body, req->body_len, in, receipt_only, outs, sizeof(receipt), &e)) {
		*replied = 1;
		return api_reply_error(req, resp, &e);
	}
	int rc = by_receipt(req, resp, receipt, k, replied);
	sodium_memzero(receipt, sizeof(receipt));
	return rc;
}

int api_laporan_pantau(struct http_req *req, struct http_resp *resp)
{
	struct laporan_input *in = http_alloc(req, sizeof(*in));
	struct kasus *k = http_alloc(req, sizeof(*k));
	int replied;
	int rc = receipt_case(req, resp, in, k, &replied);
	if (replied)
		return rc;
	return reply_view(req, resp, 200, k);
}

int api_laporan_balas(struct http_req *req, struct http_resp *resp)
{
	struct api_error e;
	api_error_init(&e);
	static const char *const names[] = { "receipt", "isi", NULL };
	/* isi may be up to KASUS_PESAN_MAX - 1: both extras get that size. */
	char *rbuf = http_alloc(req, KASUS_PESAN_MAX), *isi = http_alloc(req, KASUS_PESAN_MAX);
	char *outs[] = { rbuf, isi };
	rbuf[0] = isi[0] = '\0';
	struct laporan_input *in = http_alloc(req, sizeof(*in));
	memset(in, 0, sizeof(*in));
	if (laporan_json_read(req->body, req->body_len, in, names, outs, KASUS_PESAN_MAX, &e))
		return api_reply_error(req, resp, &e);
	struct kasus *k = http_alloc(req, sizeof(*k));
	int replied;
	int rc = by_receipt(req, resp, rbuf, k, &replied);
	sodium_memzero(rbuf, KASUS_PESAN_MAX);
	if (replied)
		return rc;
	struct laporan_errors err = { .n = 0 };
	rc = laporan_balas(req->store, k, isi, &err);
	if (rc)
		return reply_errors(req, resp, rc, &err);
	return reply_view(req, resp, 201, k);
}

int api_laporan_bukti_tambah(struct http_req *req, struct http_resp *resp)
{
	struct api_error e;
	api_error_init(&e);
	struct laporan_input *in = http_alloc(req, sizeof(*in));
	memset(in, 0, sizeof(*in));
	struct laporan_errors err = { .n = 0 };
	struct laporan_file files[LIMIT_BUKTI_PER_UPLOAD];
	size_t nfiles = 0;
	const char *receipt = NULL;
	char rbuf[64] = "";
	if (!strcmp(req->content_type, "application/json")) {
		char *outs[] = { rbuf };
		if (laporan_json_read(req->body, req->body_len, in, receipt_only, outs, sizeof(rbuf), &e))
			return api_reply_error(req, resp, &e);
		receipt = rbuf;
	} else {
		receipt = http_form(req, "receipt");
		const char *tautan = http_form(req, "tautan");
		if (tautan && laporan_input_set(in, "tautan", tautan, strlen(tautan)))
			laporan_errors_add(&err, "tautan", M_LAP_ERR_TAUTAN);
		nfiles = uploads(req, files, LIMIT_BUKTI_PER_UPLOAD);
		if (nfiles > LIMIT_BUKTI_PER_UPLOAD)
			laporan_errors_add(&err, "bukti", M_BUKTI_TOO_MANY);
		if (err.n)
			return reply_errors(req, resp, APP_EINVAL, &err);
	}
	struct kasus *k = http_alloc(req, sizeof(*k));
	int replied;
	int rc = by_receipt(req, resp, receipt ? receipt : "", k, &replied);
	sodium_memzero(rbuf, sizeof(rbuf));
	if (replied)
		return rc;
	int added, stripped;
	rc = laporan_tambah_bukti(req->store, k, files, nfiles, in->tautan, &added, &stripped, &err);
	if (rc)
		return reply_errors(req, resp, rc, &err);
	return reply_view(req, resp, 201, k);
}

int api_laporan_terlapor(struct http_req *req, struct http_resp *resp)
{
	struct laporan_input *in = http_alloc(req, sizeof(*in));
	struct kasus *k = http_alloc(req, sizeof(*k));
	int replied;
	int rc = receipt_case(req, resp, in, k, &replied);
	if (replied)
		return rc;
	struct laporan_errors err = { .n = 0 };
	rc = laporan_lengkapi_terlapor(req->store, k, in, &err);
	if (rc)
		return reply_errors(req, resp, rc, &err);
	return reply_view(req, resp, 200, k);
}

/* ---- officers ---- */

int api_laporan_get(struct http_req *req, struct http_resp *resp)
{
	struct kasus *k = http_alloc(req, sizeof(*k));
	int rc = laporan_get_petugas(req->store, &req->principal, http_path_param(req, "nomor"), k);
	if (rc)
		return api_reply_code(req, resp, rc);
	struct laporan_tampilan *t = http_alloc(req, sizeof(*t));
	if ((rc = laporan_tampilan_load(req->store, k, t)))
		return api_reply_code(req, resp, rc);
	struct jsonw w;
	api_reply_begin(resp, 200, &w);
	jsonw_obj_begin(&w);
	jsonw_kv_str(&w, "nomor", k->nomor);
	jsonw_kv_str(&w, "tahap", k->tahap);
	jsonw_kv_str(&w, "tahap_nama", laporan_tahap_nama(k->tahap, k->konteks, LANG_ID));
	write_day(&w, "tenggat", k->tenggat_hari);
	write_time(&w, "diterima", k->created_ms);
	jsonw_kv_str(&w, "konteks", k->konteks);
	jsonw_kv_str(&w, "terlapor_nama", k->terlapor_nama);
	jsonw_kv_str(&w, "terlapor_nip", k->terlapor_nip);
	jsonw_kv_str(&w, "terlapor_jabatan", k->terlapor_jabatan);
	jsonw_kv_str(&w, "terlapor_instansi", k->terlapor_instansi);
	jsonw_kv_bool(&w, "terhubung_registri", k->pegawai_id != 0);
	jsonw_kv_str(&w, "pelanggaran_kode", k->pelanggaran_kode);
	jsonw_kv_str(&w, "pelanggaran_lain", k->pelanggaran_lain);
	write_day(&w, "kejadian_tanggal", k->kejadian_hari);
	write_day(&w, "diketahui_tanggal", k->diketahui_hari);
	jsonw_kv_str(&w, "kejadian_tempat", k->kejadian_tempat);
	jsonw_kv_str(&w, "wilayah", k->wilayah);
	jsonw_kv_str(&w, "penetapan_calon", k->penetapan_calon);
	jsonw_kv_str(&w, "kronologi", k->kronologi);
	jsonw_kv_str(&w, "saksi", k->saksi);
	jsonw_kv_str(&w, "tautan", k->tautan);
	jsonw_kv_str(&w, "pelapor_mode", k->pelapor_mode);
	/* A named 'terbuka' reporter is visible to officers; 'rahasia' is not:
	 * only the custodian's opening reveals it. */
	if (!strcmp(k->pelapor_mode, "terbuka"))
		jsonw_kv_str(&w, "pelapor_nama", k->pelapor_nama);
	jsonw_kv_bool(&w, "identitas_tersegel", k->identitas_sealed[0] != '\0');
	jsonw_kv_bool(&w, "terlambat", k->terlambat);
	write_kekurangan(&w, k->kekurangan);
	jsonw_key(&w, "bukti");
	jsonw_arr_begin(&w);
	for (size_t i = 0; i < t->n_bukti; i++) {
		jsonw_obj_begin(&w);
		jsonw_kv_int(&w, "id", t->bukti[i].id);
		jsonw_kv_str(&w, "nama", t->bukti[i].nama_berkas);
		jsonw_kv_str(&w, "jenis", t->bukti[i].mime);
		jsonw_kv_int(&w, "ukuran", t->bukti[i].ukuran);
		jsonw_kv_str(&w, "sha256", t->bukti[i].sha256);
		jsonw_kv_bool(&w, "metadata_dihapus", t->bukti[i].metadata_dihapus);
		jsonw_kv_str(&w, "unduh", http_printf(req, "/api/v1/laporan/%s/bukti/%lld", k->nomor,
						       (long long)t->bukti[i].id));
		jsonw_obj_end(&w);
	}
	jsonw_arr_end(&w);
	write_pesan(&w, t, 1);
	write_openings(&w, t);
	jsonw_obj_end(&w);
	return api_reply_end(req, resp, &w);
}

int api_laporan_pesan_petugas(struct http_req *req, struct http_resp *resp)
{
	struct api_error e;
	api_error_init(&e);
	static const char *const names[] = { "isi", NULL };
	char *isi = http_alloc(req, KASUS_PESAN_MAX);
	char *outs[] = { isi };
	isi[0] = '\0';
	struct laporan_input *in = http_alloc(req, sizeof(*in));
	memset(in, 0, sizeof(*in));
	if (laporan_json_read(req->body, req->body_len, in, names, outs, KASUS_PESAN_MAX, &e))
		return api_reply_error(req, resp, &e);
	struct kasus_pesan *p = http_alloc(req, sizeof(*p));
	int rc = laporan_pesan_petugas(req->store, &req->principal, http_path_param(req, "nomor"), isi, p);
	if (rc == APP_EINVAL) {
		api_error_field(&e, "isi", M_LAP_ERR_PESAN);
		return api_reply_error(req, resp, &e);
	}
	if (rc)
		return api_reply_code(req, resp, rc);
	struct jsonw w;
	api_reply_begin(resp, 201, &w);
	jsonw_obj_begin(&w);
	jsonw_kv_int(&w, "id", p->id);
	jsonw_kv_str(&w, "petugas", p->petugas_nama);
	write_time(&w, "waktu", p->created_ms);
	jsonw_obj_end(&w);
	return api_reply_end(req, resp, &w);
}

int api_laporan_bukti_unduh(struct http_req *req, struct http_resp *resp)
{
	int64_t id;
	if (http_path_int64(req, "id", &id))
		return api_reply_code(req, resp, APP_ENOTFOUND);
	struct kasus_bukti b;
	int fd;
	int rc = laporan_bukti_petugas(req->store, &req->principal, http_path_param(req, "nomor"), id,
				       &b, &fd);
	if (rc)
		return api_reply_code(req, resp, rc);
	/* Never inline: always a download, with the sniffed type and nosniff
	 * (the server adds nosniff and a default-src 'self' CSP to every
	 * response). */
	resp->attachment = b.nama_berkas[0] ? http_strdup(req, b.nama_berkas)
					    : http_printf(req, "bukti-%lld", (long long)b.id);
	(void)http_resp_header(req, resp, "Content-Security-Policy", "sandbox; default-src 'none'");
	if (http_resp_file(resp, 200, http_strdup(req, b.mime), fd))
		return api_reply_code(req, resp, APP_EIO);
	return 0;
}

int api_laporan_identitas(struct http_req *req, struct http_resp *resp)
{
	struct api_error e;
	api_error_init(&e);
	static const char *const names[] = { "alasan", "passphrase", NULL };
	char alasan[KASUS_ALASAN_MAX] = "", pass[KASUS_ALASAN_MAX] = "";
	char *outs[] = { alasan, pass };
	struct laporan_input *in = http_alloc(req, sizeof(*in));
	memset(in, 0, sizeof(*in));
	if (laporan_json_read(req->body, req->body_len, in, names, outs, sizeof(alasan), &e))
		return api_reply_error(req, resp, &e);
	struct laporan_identitas id;
	int rc = laporan_buka_identitas(req->store, &req->principal, http_path_param(req, "nomor"),
					alasan, pass, &id);
	sodium_memzero(pass, sizeof(pass));
	if (rc == APP_EINVAL) {
		api_error_field(&e, "alasan", M_LAP_ERR_ALASAN);
		return api_reply_error(req, resp, &e);
	}
	if (rc == APP_EPERM) {
		api_error_set(&e, APP_EPERM, M_LAP_ERR_BUKA_PERM);
		return api_reply_error(req, resp, &e);
	}
	if (rc)
		return api_reply_code(req, resp, rc);
	struct jsonw w;
	api_reply_begin(resp, 200, &w);
	jsonw_obj_begin(&w);
	jsonw_kv_str(&w, "nama", id.nama);
	jsonw_kv_str(&w, "nik", id.nik);
	jsonw_kv_str(&w, "alamat", id.alamat);
	jsonw_kv_str(&w, "kontak", id.kontak);
	jsonw_kv_str(&w, "jenis", id.jenis);
	jsonw_obj_end(&w);
	sodium_memzero(&id, sizeof(id));
	return api_reply_end(req, resp, &w);
}
