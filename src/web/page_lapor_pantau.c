/* GET/POST /lapor/pantau: the reporter follows the report with the
 * receipt. The receipt is always POSTed (never in a URL); each action on
 * the page (reply, add evidence, complete who is reported) posts it again
 * in a hidden field of a page that is never cached. Unknown and wrong
 * receipts get the same page; attempts are rate-limited and audited
 * (app/laporan.h, laporan_pantau). */
#include "core/compat.h"
#include "app/laporan.h"
#include "app/laporan_ref.h"
#include "core/date.h"
#include "core/err.h"
#include "web/page.h"
#include "web/page_lapor.h"
#include <sodium.h>
#include <time.h>

static void receipt_form(struct page *pg)
{
	struct html *h = &pg->h;
	html_raw(h, "<p>");
	html_text(h, page_t(pg, M_LAPW_PANTAU_INTRO));
	html_raw(h, "</p><form class=\"card narrow\" method=\"post\" action=\"/lapor/pantau\""
		    " enctype=\"multipart/form-data\">");
	page_csrf(pg);
	page_input(pg, "receipt", M_LAPW_RECEIPT, "text", NULL, 0, "off");
	html_raw(h, "<input type=\"hidden\" name=\"aksi\" value=\"lihat\"><button type=\"submit\">");
	html_text(h, page_t(pg, M_LAPW_PANTAU_SUBMIT));
	html_raw(h, "</button></form>");
}

static int receipt_page(struct http_req *req, struct http_resp *resp, int status, const char *notice)
{
	struct page pg = { .req = req, .resp = resp };
	page_begin(&pg, req, resp, status, page_t(&pg, M_LAPW_PANTAU_TITLE));
	if (notice)
		page_notice(&pg, "error", notice);
	receipt_form(&pg);
	return page_end(&pg);
}

int page_lapor_pantau_get(struct http_req *req, struct http_resp *resp)
{
	return receipt_page(req, resp, 200, NULL);
}

static void when(struct page *pg, int64_t ms)
{
	char buf[40];
	time_t t = (time_t)(ms / 1000 + 7 * 3600);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M WIB", &tm);
	html_text(&pg->h, buf);
}

static void action_form_begin(struct page *pg, const char *receipt, const char *aksi, int files)
{
	struct html *h = &pg->h;
	(void)files; /* every action form is multipart: the evidence form needs it */
	html_raw(h, "<form method=\"post\" action=\"/lapor/pantau\" enctype=\"multipart/form-data\">");
	page_csrf(pg);
	html_raw(h, "<input type=\"hidden\" name=\"receipt\"");
	html_attr(h, "value", receipt);
	html_raw(h, "><input type=\"hidden\" name=\"aksi\"");
	html_attr(h, "value", aksi);
	html_raw(h, ">");
}

static int view_page(struct http_req *req, struct http_resp *resp, int status, const struct kasus *k,
		     const char *receipt, const char *ok_notice, const struct laporan_errors *err,
		     const struct laporan_input *in)
{
	struct laporan_tampilan *t = http_alloc(req, sizeof(*t));
	int rc = laporan_tampilan_load(req->store, k, t);
	if (rc)
		return rc;
	struct page pg = { .req = req, .resp = resp };
	page_begin(&pg, req, resp, status, page_tf(&pg, M_LAPW_PANTAU_CASE, k->nomor));
	struct html *h = &pg.h;
	if (ok_notice)
		page_notice(&pg, "ok", ok_notice);
	if (err->n)
		page_notice(&pg, "error", page_t(&pg, err->e[0].msg));

	html_raw(h, "<dl class=\"facts\" id=\"status\"><dt>");
	html_text(h, page_t(&pg, M_LAPW_TAHAP));
	html_raw(h, "</dt><dd id=\"tahap\">");
	html_text(h, laporan_tahap_nama(k->tahap, k->konteks, req->lang));
	html_raw(h, "</dd><dt>");
	html_text(h, page_t(&pg, M_LAPW_TAHAP_SEJAK));
	html_raw(h, "</dt><dd>");
	when(&pg, k->tahap_sejak_ms);
	html_raw(h, "</dd>");
	if (k->tenggat_hari) {
		char d[16];
		date_format_iso(k->tenggat_hari, d, sizeof(d));
		html_raw(h, "<dt>");
		html_text(h, page_t(&pg, M_LAPW_TENGGAT));
		html_raw(h, "</dt><dd>");
		html_text(h, d);
		html_raw(h, "</dd>");
	}
	html_raw(h, "<dt>");
	html_text(h, page_t(&pg, M_LAPW_DITERIMA_PADA));
	html_raw(h, "</dt><dd>");
	when(&pg, k->created_ms);
	html_raw(h, "</dd></dl>");
	if (k->terlambat)
		lapor_hint(&pg, M_LAPW_TERLAMBAT);

	/* Identity openings, first: the reporter must see them. */
	html_raw(h, "<section aria-labelledby=\"akses-h\"><h2 id=\"akses-h\">");
	html_text(h, page_t(&pg, M_LAPW_AKSES_TITLE));
	html_raw(h, "</h2>");
	if (!strcmp(k->pelapor_mode, "anonim")) {
		html_raw(h, "<p>");
		html_text(h, page_t(&pg, M_LAPW_AKSES_ANONIM));
		html_raw(h, "</p>");
	} else if (!t->n_akses) {
		html_raw(h, "<p>");
		html_text(h, page_t(&pg, M_LAPW_AKSES_NONE));
		html_raw(h, "</p>");
	} else {
		html_raw(h, "<ul id=\"akses\">");
		for (size_t i = 0; i < t->n_akses; i++) {
			char ts[40];
			time_t tt = (time_t)(t->akses[i].created_ms / 1000 + 7 * 3600);
			struct tm tm;
			gmtime_r(&tt, &tm);
			strftime(ts, sizeof(ts), "%Y-%m-%d %H:%M WIB", &tm);
			html_raw(h, "<li>");
			html_text(h, page_tf(&pg, M_LAPW_AKSES_ROW, t->akses[i].petugas_nama, ts));
			html_raw(h, " — ");
			html_text(h, t->akses[i].alasan);
			html_raw(h, "</li>");
		}
		html_raw(h, "</ul>");
	}
	html_raw(h, "</section>");

	if (k->kekurangan[0]) {
		html_raw(h, "<section aria-labelledby=\"kurang-h\" class=\"card\"><h2 id=\"kurang-h\">");
		html_text(h, page_t(&pg, M_LAPW_KURANG_TITLE));
		html_raw(h, "</h2><p>");
		html_text(h, page_t(&pg, M_LAPW_KURANG_INTRO));
		html_raw(h, "</p>");
		lapor_kekurangan(&pg, k->kekurangan);
		if (strstr(k->kekurangan, "terlapor")) {
			html_raw(h, "<h3>");
			html_text(h, page_t(&pg, M_LAPW_SEC_TERLAPOR));
			html_raw(h, "</h3>");
			action_form_begin(&pg, receipt, "terlapor", 0);
			lapor_terlapor_fields(&pg, in, err);
			html_raw(h, "<button type=\"submit\">");
			html_text(h, page_t(&pg, M_LAPW_LENGKAPI));
			html_raw(h, "</button></form>");
		}
		html_raw(h, "</section>");
	}

	html_raw(h, "<section aria-labelledby=\"pesan-h\"><h2 id=\"pesan-h\">");
	html_text(h, page_t(&pg, M_LAPW_PESAN_TITLE));
	html_raw(h, "</h2>");
	if (!t->n_pesan) {
		html_raw(h, "<p>");
		html_text(h, page_t(&pg, M_LAPW_PESAN_NONE));
		html_raw(h, "</p>");
	}
	html_raw(h, "<ol class=\"pesan\" id=\"pesan\">");
	for (size_t i = 0; i < t->n_pesan; i++) {
		int officer = !strcmp(t->pesan[i].dari, "petugas");
		html_raw(h, "<li");
		html_attr(h, "class", officer ? "dari-petugas" : "dari-pelapor");
		html_raw(h, "><p class=\"meta\">");
		html_text(h, officer ? t->pesan[i].petugas_nama : page_t(&pg, M_LAPW_ANDA));
		html_raw(h, " · ");
		when(&pg, t->pesan[i].created_ms);
		html_raw(h, "</p><p class=\"isi\">");
		html_text(h, t->pesan[i].isi);
		html_raw(h, "</p></li>");
	}
	html_raw(h, "</ol>");
	action_form_begin(&pg, receipt, "balas", 0);
	lapor_textarea(&pg, "isi", M_LAPW_BALAS, 0, NULL, laporan_error_of(err, "isi"), 4);
	html_raw(h, "<button type=\"submit\">");
	html_text(h, page_t(&pg, M_LAPW_KIRIM));
	html_raw(h, "</button></form></section>");

	html_raw(h, "<section aria-labelledby=\"bukti-h\"><h2 id=\"bukti-h\">");
	html_text(h, page_t(&pg, M_LAPW_SEC_BUKTI));
	html_raw(h, "</h2><ul id=\"daftar-bukti\">");
	for (size_t i = 0; i < t->n_bukti; i++) {
		html_raw(h, "<li>");
		html_text(h, t->bukti[i].nama_berkas[0] ? t->bukti[i].nama_berkas : t->bukti[i].mime);
		html_textf(h, " (%s, %lld KB)", t->bukti[i].mime, (long long)(t->bukti[i].ukuran + 1023) / 1024);
		if (t->bukti[i].metadata_dihapus) {
			html_raw(h, " — ");
			html_text(h, page_t(&pg, M_LAPW_EXIF_ONE));
		}
		html_raw(h, "</li>");
	}
	html_raw(h, "</ul>");
	action_form_begin(&pg, receipt, "bukti", 1);
	lapor_bukti_fields(&pg, NULL, err);
	html_raw(h, "<button type=\"submit\">");
	html_text(h, page_t(&pg, M_LAPW_TAMBAH_BUKTI));
	html_raw(h, "</button></form></section>");
	return page_end(&pg);
}

int page_lapor_pantau_post(struct http_req *req, struct http_resp *resp)
{
	const char *receipt = http_form(req, "receipt");
	const char *aksi = http_form(req, "aksi");
	aksi = aksi ? aksi : "lihat";
	struct kasus *k = http_alloc(req, sizeof(*k));
	int rc = laporan_pantau(req->store, req->client_key, receipt ? receipt : "", req->now_ms, k);
	if (rc == APP_EBUSY) {
		(void)http_resp_header(req, resp, "Retry-After", "600");
		return receipt_page(req, resp, 429, http_msg(req, M_LAP_ERR_RATE));
	}
	if (rc == APP_ENOTFOUND)
		return receipt_page(req, resp, 404, http_msg(req, M_LAP_ERR_RECEIPT));
	if (rc)
		return rc;
	struct laporan_input *in = http_alloc(req, sizeof(*in));
	memset(in, 0, sizeof(*in));
	struct laporan_errors err = { .n = 0 };
	const char *ok = NULL;
	int status = 200;
	if (!strcmp(aksi, "balas")) {
		rc = laporan_balas(req->store, k, http_form(req, "isi"), &err);
		ok = http_msg(req, M_LAPW_TERKIRIM);
	} else if (!strcmp(aksi, "bukti")) {
		struct laporan_file files[LIMIT_BUKTI_PER_UPLOAD];
		size_t n = lapor_uploads(req, files, LIMIT_BUKTI_PER_UPLOAD);
		int added = 0, stripped = 0;
		if (n > LIMIT_BUKTI_PER_UPLOAD) {
			laporan_errors_add(&err, "bukti", M_BUKTI_TOO_MANY);
			rc = APP_EINVAL;
		} else {
			rc = laporan_tambah_bukti(req->store, k, files, n, http_form(req, "tautan"), &added,
						  &stripped, &err);
		}
		ok = stripped ? page_lapor_tf(req, M_LAPW_BUKTI_OK_EXIF, added, stripped)
			      : page_lapor_tf(req, M_LAPW_BUKTI_OK, added);
	} else if (!strcmp(aksi, "terlapor")) {
		for (size_t i = 0; i < req->n_form; i++)
			if (!strncmp(req->form[i].name, "terlapor_", 9))
				(void)laporan_input_set(in, req->form[i].name, req->form[i].value,
							req->form[i].len);
		rc = laporan_lengkapi_terlapor(req->store, k, in, &err);
		ok = http_msg(req, M_LAPW_LENGKAP_OK);
	}
	if (rc == APP_EINVAL || rc == APP_ETOOBIG) {
		ok = NULL;
		status = 400;
	} else if (rc) {
		return rc;
	}
	rc = view_page(req, resp, status, k, receipt, ok, &err, in);
	return rc;
}
