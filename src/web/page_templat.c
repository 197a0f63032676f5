/* Document templates: the list and a new template (/kampanye/templat), one
 * version with its text and SHA-256, editing while nobody has signed it,
 * and publishing the next version (/kampanye/templat/:id). */
#include "core/compat.h"
#include "app/kampanye.h"
#include "core/err.h"
#include "web/page.h"
#include "web/web.h"

#define CSS "/static/kampanye.css"

static const char *const jenis_values[] = { "pakta_integritas", "deklarasi_netralitas", "lainnya" };

static void jenis_select(struct page *pg, const char *selected, enum msg_id err)
{
	const char *labels[3];
	for (size_t i = 0; i < 3; i++)
		labels[i] = page_t(pg, kampanye_jenis_label(jenis_values[i]));
	page_select(pg, "jenis", M_KW_F_JENIS, jenis_values, labels, 3, selected,
		    err == M_KAMP_ERR_JENIS ? err : 0);
}

static void fields(struct page *pg, const char *judul, const char *jenis, const char *teks,
		   enum msg_id err)
{
	jenis_select(pg, jenis, err);
	page_input(pg, "judul", M_KW_F_JUDUL, "text", judul, err == M_KAMP_ERR_JUDUL ? err : 0, "off");
	page_textarea(pg, "teks", M_KW_F_TEKS, teks, 14, err == M_KAMP_ERR_TEKS ? err : 0,
		      M_KW_F_TEKS_HINT);
}

struct list_ctx {
	struct page *pg;
	int n;
};

static int row(void *ctx, const struct dok_templat *t)
{
	struct list_ctx *l = ctx;
	struct html *h = &l->pg->h;
	if (l->n++ == 0) {
		static const enum msg_id cols[] = { M_KW_F_JUDUL, M_KW_F_KODE, M_KW_COL_VERSI,
						    M_KW_F_JENIS };
		html_raw(h, "<div class=\"table-wrap\"><table class=\"data\"><thead><tr>");
		page_th_cols(l->pg, cols, ARRAY_SIZE(cols));
		html_raw(h, "<th scope=\"col\" class=\"num\">");
		html_text(h, page_t(l->pg, M_KW_COL_SIGNED));
		html_raw(h, "</th></tr></thead><tbody>");
	}
	html_raw(h, "<tr><td><a");
	html_attr(h, "href", http_printf(l->pg->req, "/kampanye/templat/%lld", (long long)t->id));
	html_raw(h, ">");
	html_text(h, t->judul);
	html_raw(h, "</a></td><td><code>");
	html_text(h, t->kode);
	html_raw(h, "</code></td><td>");
	html_int(h, t->versi);
	html_raw(h, "</td><td>");
	html_text(h, page_t(l->pg, kampanye_jenis_label(t->jenis)));
	html_raw(h, "</td><td class=\"num\">");
	html_int(h, t->n_signed);
	html_raw(h, "</td></tr>");
	return 0;
}

static int list_page(struct http_req *req, struct http_resp *resp, int status, enum msg_id err)
{
	if (!kampanye_may_view(&req->principal))
		return APP_EPERM;
	struct page pg = { .req = req, .resp = resp, .css = CSS };
	page_begin(&pg, req, resp, status, page_t(&pg, M_KW_TEMPLAT_TITLE));
	struct html *h = &pg.h;
	html_raw(h, "<p class=\"lead\">");
	html_text(h, page_t(&pg, M_KW_TEMPLAT_LEAD));
	html_raw(h, "</p>");
	if (err)
		page_notice(&pg, "error", page_t(&pg, err));
	struct list_ctx l = { &pg, 0 };
	int rc = kampanye_templat_list(req->store, &req->principal, row, &l);
	if (rc)
		return rc;
	if (l.n)
		html_raw(h, "</tbody></table></div>");
	if (kampanye_may_manage(&req->principal)) {
		html_raw(h, "<h2>");
		html_text(h, page_t(&pg, M_KW_TEMPLAT_NEW));
		html_raw(h, "</h2><form class=\"card\" method=\"post\" action=\"/kampanye/templat\">");
		page_csrf(&pg);
		page_input(&pg, "kode", M_KW_F_KODE, "text", http_form(req, "kode"),
			   err == M_KAMP_ERR_KODE ? err : 0, "off");
		fields(&pg, http_form(req, "judul"), http_form(req, "jenis"), http_form(req, "teks"), err);
		html_raw(h, "<button type=\"submit\">");
		html_text(h, page_t(&pg, M_KW_TEMPLAT_PUBLISH));
		html_raw(h, "</button></form>");
	}
	return page_end(&pg);
}

int page_templat_list(struct http_req *req, struct http_resp *resp)
{
	return list_page(req, resp, 200, 0);
}

int page_templat_create(struct http_req *req, struct http_resp *resp)
{
	struct templat_input in = { NULL, http_form(req, "kode"), http_form(req, "jenis"),
				    http_form(req, "judul"), http_form(req, "teks") };
	int64_t id = 0;
	enum msg_id err = 0;
	int rc = kampanye_templat_create(req->store, &req->principal, &in, &id, &err);
	if (rc == APP_EINVAL && err)
		return list_page(req, resp, 422, err);
	if (rc)
		return rc;
	http_redirect(req, resp, http_printf(req, "/kampanye/templat/%lld?disimpan=1", (long long)id));
	return 0;
}

static int detail(struct http_req *req, struct http_resp *resp, int status, enum msg_id err)
{
	int64_t id;
	int rc = http_path_int64(req, "id", &id);
	if (rc)
		return rc;
	struct dok_templat *t = http_alloc(req, sizeof(*t));
	if (!t)
		return APP_ENOMEM;
	rc = kampanye_templat_get(req->store, &req->principal, id, t);
	if (rc)
		return rc;
	struct page pg = { .req = req, .resp = resp, .css = CSS };
	page_begin(&pg, req, resp, status, t->judul);
	struct html *h = &pg.h;
	const char *q = http_query(req, "disimpan");
	if (q && !strcmp(q, "1"))
		page_notice(&pg, "ok", page_t(&pg, M_KW_TEMPLAT_SAVED));
	if (err)
		page_notice(&pg, "error", page_t(&pg, err));
	html_raw(h, "<dl class=\"facts\"><dt>");
	html_text(h, page_t(&pg, M_KW_F_KODE));
	html_raw(h, "</dt><dd><code>");
	html_text(h, t->kode);
	html_raw(h, "</code></dd><dt>");
	html_text(h, page_t(&pg, M_KW_COL_VERSI));
	html_raw(h, "</dt><dd>");
	html_int(h, t->versi);
	html_raw(h, "</dd><dt>");
	html_text(h, page_t(&pg, M_KW_F_JENIS));
	html_raw(h, "</dt><dd>");
	html_text(h, page_t(&pg, kampanye_jenis_label(t->jenis)));
	html_raw(h, "</dd><dt>SHA-256</dt><dd><code class=\"hash full\" id=\"teks-sha256\">");
	html_text(h, t->teks_sha256);
	html_raw(h, "</code></dd><dt>");
	html_text(h, page_t(&pg, M_KW_COL_SIGNED));
	html_raw(h, "</dt><dd>");
	html_int(h, t->n_signed);
	html_raw(h, "</dd></dl><article class=\"dokumen\" lang=\"id\"><div class=\"teks\">");
	html_text(h, t->teks);
	html_raw(h, "</div></article>");
	if (kampanye_may_manage(&req->principal)) {
		html_raw(h, "<h2>");
		html_text(h, page_t(&pg, t->n_signed ? M_KW_TEMPLAT_NEXT : M_KW_TEMPLAT_EDIT));
		html_raw(h, "</h2>");
		if (t->n_signed) {
			html_raw(h, "<p>");
			html_text(h, page_t(&pg, M_KAMP_TEMPLAT_SIGNED));
			html_raw(h, "</p>");
		}
		html_raw(h, "<form class=\"card\" method=\"post\"");
		html_attr(h, "action", http_printf(req, "/kampanye/templat/%lld", (long long)t->id));
		html_raw(h, ">");
		page_csrf(&pg);
		const char *judul = http_form(req, "judul"), *teks = http_form(req, "teks");
		const char *jenis = http_form(req, "jenis");
		fields(&pg, judul ? judul : t->judul, jenis ? jenis : t->jenis, teks ? teks : t->teks, err);
		if (!t->n_signed) {
			html_raw(h, "<button type=\"submit\" name=\"aksi\" value=\"ubah\">");
			html_text(h, page_t(&pg, M_KW_TEMPLAT_SAVE));
			html_raw(h, "</button> ");
		}
		html_raw(h, "<button type=\"submit\" name=\"aksi\" value=\"versi\">");
		html_text(h, page_t(&pg, M_KW_TEMPLAT_PUBLISH_NEXT));
		html_raw(h, "</button></form>");
	}
	return page_end(&pg);
}

int page_templat_detail(struct http_req *req, struct http_resp *resp)
{
	return detail(req, resp, 200, 0);
}

int page_templat_post(struct http_req *req, struct http_resp *resp)
{
	int64_t id;
	int rc = http_path_int64(req, "id", &id);
	if (rc)
		return rc;
	struct dok_templat *t = http_alloc(req, sizeof(*t));
	if (!t)
		return APP_ENOMEM;
	rc = kampanye_templat_get(req->store, &req->principal, id, t);
	if (rc)
		return rc;
	const char *aksi = http_form(req, "aksi");
	struct templat_input in = { NULL, t->kode, http_form(req, "jenis"), http_form(req, "judul"),
				    http_form(req, "teks") };
	enum msg_id err = 0;
	int64_t out_id = id;
	struct instansi inst;
	if (aksi && !strcmp(aksi, "ubah")) {
		rc = kampanye_templat_update(req->store, &req->principal, id, &in, &err);
	} else {
		rc = store_instansi_get(req->store, t->instansi_id, &inst);
		in.instansi_kode = rc ? NULL : inst.kode;
		if (!rc)
			rc = kampanye_templat_create(req->store, &req->principal, &in, &out_id, &err);
	}
	if ((rc == APP_EINVAL || rc == APP_ECONFLICT) && err)
		return detail(req, resp, rc == APP_EINVAL ? 422 : 409, err);
	if (rc)
		return rc;
	http_redirect(req, resp, http_printf(req, "/kampanye/templat/%lld?disimpan=1", (long long)out_id));
	return 0;
}
