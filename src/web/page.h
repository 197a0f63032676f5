/* Shared pieces of every page: the layout (skip link, landmarks, nav,
 * language switch, footer) and small form helpers. Internal to src/web. */
#ifndef WASDAL_WEB_PAGE_H
#define WASDAL_WEB_PAGE_H

#include "http/http.h"
#include "web/html.h"

struct page {
	struct http_req *req;
	struct http_resp *resp;
	struct html h;
	const char *css;  /* optional extra stylesheet (a /static/ path literal) */
};

/* Starts a 200 text/html page; title is plain text (escaped). */
void page_begin(struct page *pg, struct http_req *req, struct http_resp *resp, int status,
		const char *title);
/* Closes main, writes the footer; returns 0 or the writer's error. */
int page_end(struct page *pg);
const char *page_t(const struct page *pg, enum msg_id id);
/* printf with a catalogue format, into the request arena. */
const char *page_tf(const struct page *pg, enum msg_id id, ...);
/* <input type="hidden" name="csrf" value="..."> */
void page_csrf(struct page *pg);
/* A labelled text input, with its field error (may be 0) tied to it by
 * aria-describedby. */
void page_input(struct page *pg, const char *id, enum msg_id label, const char *type,
		const char *value, enum msg_id error, const char *autocomplete);
/* A <select> of literal options; values[i] shown as labels[i] (NULL: the
 * value itself). The first entry can be "" for "any". */
void page_select(struct page *pg, const char *id, enum msg_id label, const char *const *values,
		 const char *const *labels, size_t n, const char *selected, enum msg_id error);
/* A labelled <textarea>, with an optional hint and its field error. */
void page_textarea(struct page *pg, const char *id, enum msg_id label, const char *value,
		   int rows, enum msg_id error, enum msg_id hint);
void page_notice(struct page *pg, const char *cls_literal_ok_or_error, const char *text);
/* One <th scope="col"> per catalogue label, in order: the cells of a
 * table's header row (the caller writes the <thead><tr> around them). */
void page_th_cols(struct page *pg, const enum msg_id *labels, size_t n);

const char *role_label(const struct page *pg, enum role r);

/* Page handlers (web_routes.c). */
int page_login_get(struct http_req *req, struct http_resp *resp);
int page_login_post(struct http_req *req, struct http_resp *resp);
int page_logout_post(struct http_req *req, struct http_resp *resp);
int page_home(struct http_req *req, struct http_resp *resp);
int page_static(struct http_req *req, struct http_resp *resp);
int page_pegawai_list(struct http_req *req, struct http_resp *resp);
int page_pegawai_export(struct http_req *req, struct http_resp *resp);
int page_pegawai_detail(struct http_req *req, struct http_resp *resp);
int page_pegawai_edit_get(struct http_req *req, struct http_resp *resp);
int page_pegawai_edit_post(struct http_req *req, struct http_resp *resp);
int page_import_get(struct http_req *req, struct http_resp *resp);
int page_import_post(struct http_req *req, struct http_resp *resp);
int page_audit(struct http_req *req, struct http_resp *resp);
int page_cpns_hasil_get(struct http_req *req, struct http_resp *resp);
int page_cpns_hasil_post(struct http_req *req, struct http_resp *resp);
int page_berakhlak_layar(struct http_req *req, struct http_resp *resp);
int page_berakhlak_naskah(struct http_req *req, struct http_resp *resp);
int page_instansi_kunci(struct http_req *req, struct http_resp *resp);
int page_kampanye_list(struct http_req *req, struct http_resp *resp);
int page_kampanye_new_get(struct http_req *req, struct http_resp *resp);
int page_kampanye_new_post(struct http_req *req, struct http_resp *resp);
int page_kampanye_detail(struct http_req *req, struct http_resp *resp);
int page_kampanye_sign(struct http_req *req, struct http_resp *resp);
int page_kampanye_export(struct http_req *req, struct http_resp *resp);
int page_templat_list(struct http_req *req, struct http_resp *resp);
int page_templat_create(struct http_req *req, struct http_resp *resp);
int page_templat_detail(struct http_req *req, struct http_resp *resp);
int page_templat_post(struct http_req *req, struct http_resp *resp);
int page_aktivasi_get(struct http_req *req, struct http_resp *resp);
int page_aktivasi_post(struct http_req *req, struct http_resp *resp);
int page_aktivasi_issue_get(struct http_req *req, struct http_resp *resp);
int page_aktivasi_issue_post(struct http_req *req, struct http_resp *resp);
int page_verifikasi_form(struct http_req *req, struct http_resp *resp);
int page_verifikasi(struct http_req *req, struct http_resp *resp);
int page_verifikasi_dokumen(struct http_req *req, struct http_resp *resp);
int page_tanda_tangan_cetak(struct http_req *req, struct http_resp *resp);

/* Helpers shared by the campaign pages (page_kampanye_util.c). */
const char *page_time_utc(struct http_req *req, int64_t ms);
const char *page_day(struct http_req *req, int32_t day);
/* "72,5 %" (id) or "72.5 %" (en) from tenths of a percent. */
const char *page_percent(struct http_req *req, int permille);
int page_acara_list(struct http_req *req, struct http_resp *resp);
int page_acara_new_get(struct http_req *req, struct http_resp *resp);
int page_acara_new_post(struct http_req *req, struct http_resp *resp);
int page_acara_detail(struct http_req *req, struct http_resp *resp);
int page_acara_edit_get(struct http_req *req, struct http_resp *resp);
int page_acara_edit_post(struct http_req *req, struct http_resp *resp);
int page_acara_peserta_get(struct http_req *req, struct http_resp *resp);
int page_acara_peserta_post(struct http_req *req, struct http_resp *resp);
int page_acara_impor_get(struct http_req *req, struct http_resp *resp);
int page_acara_impor_post(struct http_req *req, struct http_resp *resp);
int page_acara_materi_post(struct http_req *req, struct http_resp *resp);
int page_acara_materi_get(struct http_req *req, struct http_resp *resp);
int page_hadir_get(struct http_req *req, struct http_resp *resp);
int page_hadir_post(struct http_req *req, struct http_resp *resp);
int page_cakupan(struct http_req *req, struct http_resp *resp);
int page_cakupan_export(struct http_req *req, struct http_resp *resp);
int page_lapor_get(struct http_req *req, struct http_resp *resp);
int page_lapor_post(struct http_req *req, struct http_resp *resp);
int page_lapor_pantau_get(struct http_req *req, struct http_resp *resp);
int page_lapor_pantau_post(struct http_req *req, struct http_resp *resp);
int page_dasbor(struct http_req *req, struct http_resp *resp);
int page_dasbor_export(struct http_req *req, struct http_resp *resp);
int page_statistik(struct http_req *req, struct http_resp *resp);
/* The employee page's list of their neutrality cases and sanctions, in
 * the viewer's scope (page_kasus.c). */
struct pegawai;
int page_pegawai_kasus(struct page *pg, const struct pegawai *e);
int page_kasus_list(struct http_req *req, struct http_resp *resp);
int page_kasus_ekspor(struct http_req *req, struct http_resp *resp);
int page_kasus_detail(struct http_req *req, struct http_resp *resp);
int page_kasus_pindah(struct http_req *req, struct http_resp *resp);
int page_kasus_perpanjang(struct http_req *req, struct http_resp *resp);
int page_kasus_tag(struct http_req *req, struct http_resp *resp);
int page_kasus_tugaskan(struct http_req *req, struct http_resp *resp);
int page_kasus_catatan(struct http_req *req, struct http_resp *resp);
int page_kasus_pesan(struct http_req *req, struct http_resp *resp);
int page_lapor_identitas_get(struct http_req *req, struct http_resp *resp);
int page_lapor_identitas_post(struct http_req *req, struct http_resp *resp);
int page_alur_get(struct http_req *req, struct http_resp *resp);
int page_alur_ekspor(struct http_req *req, struct http_resp *resp);
int page_alur_post(struct http_req *req, struct http_resp *resp);

#endif
