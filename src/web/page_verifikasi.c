/* Public verification of a signed declaration: /verifikasi (enter a code),
 * /verifikasi/:kode (genuine or not, who signed what and when, with the
 * payload and the instansi public key for an offline check), the exact
 * signed text (/verifikasi/:kode/dokumen.txt) and the printable A4 page
 * with letterhead and QR code (/tanda-tangan/:kode/cetak). Lookups are
 * rate-limited per client (app/kampanye_sign.c). */
#include "core/compat.h"
#include "app/kampanye.h"
#include "app/kampanye_code.h"
#include "core/err.h"
#include "web/page.h"
#include "web/qr_svg.h"
#include "web/web.h"

#define CSS "/static/kampanye.css"

int page_verifikasi_form(struct http_req *req, struct http_resp *resp)
{
	const char *kode = http_query(req, "kode");
	char norm[KODE_VERIFIKASI_LEN + 1];
	if (kode && *kode && kode_normalise(kode, KODE_VERIFIKASI_LEN, norm) == 0) {
		http_redirect(req, resp, http_printf(req, "/verifikasi/%s", norm));
		return 0;
	}
	struct page pg = { .req = req, .resp = resp, .css = CSS };
	page_begin(&pg, req, resp, kode && *kode ? 404 : 200, page_t(&pg, M_KW_VERIF_TITLE));
	struct html *h = &pg.h;
	if (kode && *kode)
		page_notice(&pg, "error", page_t(&pg, M_KW_VERIF_UNKNOWN));
	html_raw(h, "<p>");
	html_text(h, page_t(&pg, M_KW_VERIF_INTRO));
	html_raw(h, "</p><form class=\"card narrow\" method=\"get\" action=\"/verifikasi\">");
	page_input(&pg, "kode", M_KW_CODE, "text", kode, 0, "off");
	html_raw(h, "<button type=\"submit\">");
	html_text(h, page_t(&pg, M_KW_VERIF_SUBMIT));
	html_raw(h, "</button></form>");
	return page_end(&pg);
}

/* Look the code up; on failure render the answer and return 1. */
static int lookup(struct http_req *req, struct http_resp *resp, struct kampanye_verifikasi **out)
{
	struct kampanye_verifikasi *v = http_alloc(req, sizeof(*v));
	if (!v)
		return APP_ENOMEM;
	int rc = kampanye_verify_code(req->store, http_path_param(req, "kode"), req->client_key, v);
	if (rc == APP_EBUSY) {
		web_error_page(req, resp, 429, http_msg(req, M_KW_VERIF_BUSY));
		return 1;
	}
	if (rc == APP_ENOTFOUND) {
		struct page pg = { .req = req, .resp = resp, .css = CSS };
		page_begin(&pg, req, resp, 404, page_t(&pg, M_KW_VERIF_TITLE));
		html_raw(&pg.h, "<div class=\"verdict forged\" role=\"alert\"><p class=\"status\">");
		html_text(&pg.h, page_t(&pg, M_KW_VERIF_NOT_GENUINE));
		html_raw(&pg.h, "</p><p>");
		html_text(&pg.h, page_t(&pg, M_KW_VERIF_UNKNOWN));
		html_raw(&pg.h, "</p></div><p><a href=\"/verifikasi\">");
		html_text(&pg.h, page_t(&pg, M_KW_VERIF_AGAIN));
		html_raw(&pg.h, "</a></p>");
		int e = page_end(&pg);
		return e ? e : 1;
	}
	if (rc)
		return rc;
	*out = v;
	return 0;
}

static void fact(struct page *pg, enum msg_id label, const char *value)
{
	html_raw(&pg->h, "<dt>");
	html_text(&pg->h, page_t(pg, label));
	html_raw(&pg->h, "</dt><dd>");
	html_text(&pg->h, value && *value ? value : "—");
	html_raw(&pg->h, "</dd>");
}

int page_verifikasi(struct http_req *req, struct http_resp *resp)
{
	struct kampanye_verifikasi *v = NULL;
	int rc = lookup(req, resp, &v);
	if (rc)
		return rc > 0 ? 0 : rc;
	struct page pg = { .req = req, .resp = resp, .css = CSS };
	page_begin(&pg, req, resp, 200, page_tf(&pg, M_KW_VERIF_TITLE_CODE, v->code_fmt));
	struct html *h = &pg.h;
	static const char *const cls[] = { "verdict genuine", "verdict changed", "verdict forged" };
	static const enum msg_id status[] = { M_DECL_GENUINE, M_DECL_DOC_CHANGED, M_DECL_FORGED };
	html_raw(h, "<div");
	html_attr(h, "class", cls[v->status]);
	if (v->status == VERIF_GENUINE)
		html_raw(h, " role=\"status\"");
	else
		html_raw(h, " role=\"alert\"");
	html_raw(h, " id=\"putusan\"><p class=\"status\">");
	html_text(h, page_t(&pg, status[v->status]));
	html_raw(h, "</p></div><dl class=\"facts\">");
	fact(&pg, M_KW_COL_NAMA, v->nama);
	fact(&pg, M_KW_F_NIP, v->ttd.nip);
	fact(&pg, M_KW_JABATAN, v->jabatan);
	fact(&pg, M_KW_COL_UNIT, v->unit_nama);
	fact(&pg, M_KW_INSTANSI, v->in.nama);
	fact(&pg, M_KW_COL_DOKUMEN, http_printf(req, "%s (%s, v%lld)", v->t.judul, v->t.kode,
						 (long long)v->t.versi));
	fact(&pg, M_KW_KAMPANYE, http_printf(req, "%s — %s", v->k.nama, v->k.periode));
	fact(&pg, M_KW_SIGNED_TIME, page_time_utc(req, v->ttd.signed_ms));
	html_raw(h, "<dt>");
	html_text(h, page_t(&pg, M_KW_SHA_SIGNED));
	html_raw(h, "</dt><dd><code class=\"hash full\">");
	html_text(h, v->ttd.doc_sha256);
	html_raw(h, "</code></dd>");
	if (v->status == VERIF_DOC_CHANGED) {
		html_raw(h, "<dt>");
		html_text(h, page_t(&pg, M_KW_SHA_NOW));
		html_raw(h, "</dt><dd><code class=\"hash full\">");
		html_text(h, v->teks_sha256_now);
		html_raw(h, "</code></dd>");
	}
	html_raw(h, "</dl><h2>");
	html_text(h, page_t(&pg, M_KW_OFFLINE));
	html_raw(h, "</h2><p>");
	html_text(h, page_t(&pg, M_KW_OFFLINE_HOW));
	html_raw(h, "</p><dl class=\"facts\"><dt>");
	html_text(h, page_t(&pg, M_KW_PUBKEY));
	html_raw(h, "</dt><dd><code class=\"hash full\" id=\"kunci-publik\">");
	html_text(h, v->key.public_hex);
	html_raw(h, "</code> (<a");
	html_url_begin_path(h, "href", http_printf(req, "/instansi/%s/kunci", v->in.kode));
	html_url_end(h);
	html_raw(h, ">");
	html_text(h, page_t(&pg, M_KW_PUBKEY_PUBLISHED));
	html_raw(h, "</a>)</dd><dt>Payload</dt><dd><code class=\"hash full\" id=\"payload\">");
	html_text(h, v->ttd.payload);
	html_raw(h, "</code></dd></dl><pre class=\"cli\"><code>wasdal verify-signature --pubkey ");
	html_text(h, v->key.public_hex);
	html_raw(h, " --document dokumen.txt ");
	html_text(h, v->ttd.payload);
	html_raw(h, "</code></pre><p><a");
	html_attr(h, "href", http_printf(req, "/verifikasi/%s/dokumen.txt", v->ttd.kode));
	html_raw(h, " download=\"dokumen.txt\">");
	html_text(h, page_t(&pg, M_KW_DOC_DOWNLOAD));
	html_raw(h, "</a> · <a");
	html_attr(h, "href", http_printf(req, "/tanda-tangan/%s/cetak", v->ttd.kode));
	html_raw(h, ">");
	html_text(h, page_t(&pg, M_KW_PRINT_LINK));
	html_raw(h, "</a></p>");
	return page_end(&pg);
}

int page_verifikasi_dokumen(struct http_req *req, struct http_resp *resp)
{
	struct kampanye_verifikasi *v = NULL;
	int rc = lookup(req, resp, &v);
	if (rc)
		return rc > 0 ? 0 : rc;
	http_resp_start(resp, 200, HTTP_CT_TEXT);
	/* the stored text byte for byte: its SHA-256 is what was signed */
	if (buf_add(&resp->body, v->t.teks, strlen(v->t.teks)))
		return APP_ETOOBIG;
	resp->attachment = "dokumen.txt";
	return 0;
}

int page_tanda_tangan_cetak(struct http_req *req, struct http_resp *resp)
{
	struct kampanye_verifikasi *v = NULL;
	int rc = lookup(req, resp, &v);
	if (rc)
		return rc > 0 ? 0 : rc;
	const char *host = http_header(req, "Host");
	const char *url = host ? http_printf(req, "%s://%s/verifikasi/%s", req->secure ? "https" : "http",
					     host, v->ttd.kode)
			       : http_printf(req, "/verifikasi/%s", v->ttd.kode);
	struct page pg = { .req = req, .resp = resp, .css = CSS };
	page_begin(&pg, req, resp, 200, v->t.judul);
	struct html *h = &pg.h;
	if (v->status != VERIF_GENUINE)
		page_notice(&pg, "error", page_t(&pg, v->status == VERIF_DOC_CHANGED ? M_DECL_DOC_CHANGED
										    : M_DECL_FORGED));
	html_raw(h, "<p class=\"no-print\"><button type=\"button\" class=\"print\" data-print hidden>");
	html_text(h, page_t(&pg, M_KW_PRINT_BUTTON));
	html_raw(h, "</button> ");
	html_text(h, page_t(&pg, M_KW_PRINT_HINT));
	html_raw(h, "</p><article class=\"surat\" lang=\"id\"><header class=\"kop\"><p class=\"instansi\">");
	html_text(h, v->in.nama);
	html_raw(h, "</p><p class=\"sub\">");
	html_text(h, http_printf(req, "%s — %s", v->k.nama, v->k.periode));
	html_raw(h, "</p></header><h2 class=\"judul\">");
	html_text(h, v->t.judul);
	html_raw(h, "</h2><p>");
	html_text(h, msg(M_KW_SURAT_UNDERSIGNED, LANG_ID));
	html_raw(h, "</p><table class=\"identitas\"><tbody><tr><th scope=\"row\">Nama</th><td>");
	html_text(h, v->nama);
	html_raw(h, "</td></tr><tr><th scope=\"row\">NIP</th><td>");
	html_text(h, v->ttd.nip);
	html_raw(h, "</td></tr><tr><th scope=\"row\">Jabatan</th><td>");
	html_text(h, v->jabatan[0] ? v->jabatan : "—");
	html_raw(h, "</td></tr><tr><th scope=\"row\">Unit kerja</th><td>");
	html_text(h, v->unit_nama[0] ? v->unit_nama : "—");
	html_raw(h, "</td></tr></tbody></table><div class=\"teks\">");
	html_text(h, v->t.teks);
	html_raw(h, "</div><footer class=\"ttd\"><div class=\"qr-box\">");
	rc = qr_svg(h, url, page_t(&pg, M_KW_QR_LABEL));
	if (rc)
		return rc;
	html_raw(h, "</div><div class=\"ttd-teks\"><p>");
	html_text(h, msg(M_KW_SURAT_SIGNED, LANG_ID));
	html_raw(h, "</p><p><strong>");
	html_text(h, v->nama);
	html_raw(h, "</strong><br>NIP ");
	html_text(h, v->ttd.nip);
	html_raw(h, "</p><p class=\"kecil\">");
	html_text(h, http_printf(req, "%s %s", msg(M_KW_SIGNED_TIME, LANG_ID),
				 page_time_utc(req, v->ttd.signed_ms)));
	html_raw(h, "<br>");
	html_text(h, msg(M_KW_CODE, LANG_ID));
	html_raw(h, " <strong class=\"kode\">");
	html_text(h, v->code_fmt);
	html_raw(h, "</strong><br>");
	html_text(h, url);
	html_raw(h, "<br>SHA-256 ");
	html_text(h, v->ttd.doc_sha256);
	html_raw(h, "</p></div></footer></article>");
	return page_end(&pg);
}
