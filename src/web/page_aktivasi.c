/* Activation codes: the employee's first access (/aktivasi: NIP + code +
 * new password, public, rate-limited in app/aktivasi.c) and issuing codes
 * for BKPSDM (/aktivasi/terbitkan), answered with printable slips or a CSV
 * file. The codes exist only in that one response: the store keeps hashes. */
#include "core/compat.h"
#include "app/aktivasi.h"
#include "app/kampanye.h"
#include "core/csv.h"
#include "core/err.h"
#include "web/page.h"
#include "web/web.h"

#define CSS "/static/kampanye.css"

static int form_page(struct http_req *req, struct http_resp *resp, int status, enum msg_id err,
		     int done)
{
	struct page pg = { .req = req, .resp = resp, .css = CSS };
	page_begin(&pg, req, resp, status, page_t(&pg, M_KW_AKT_TITLE));
	struct html *h = &pg.h;
	if (done) {
		page_notice(&pg, "ok", page_t(&pg, M_KW_AKT_DONE));
		html_raw(h, "<p><a class=\"button\" href=\"/login\">");
		html_text(h, page_t(&pg, M_WEB_LOGIN_TITLE));
		html_raw(h, "</a></p>");
		return page_end(&pg);
	}
	if (err)
		page_notice(&pg, "error", page_t(&pg, err));
	html_raw(h, "<p>");
	html_text(h, page_t(&pg, M_KW_AKT_INTRO));
	html_raw(h, "</p><form class=\"card narrow\" method=\"post\" action=\"/aktivasi\">");
	page_csrf(&pg);
	page_input(&pg, "nip", M_KW_F_NIP, "text", http_form(req, "nip"), 0, "username");
	page_input(&pg, "kode", M_KW_F_AKT_CODE, "text", NULL, 0, "one-time-code");
	page_input(&pg, "password", M_KW_F_PASSWORD, "password", NULL, 0, "new-password");
	page_input(&pg, "password2", M_KW_F_PASSWORD2, "password", NULL, 0, "new-password");
	html_raw(h, "<button type=\"submit\">");
	html_text(h, page_t(&pg, M_KW_AKT_SUBMIT));
	html_raw(h, "</button></form>");
	return page_end(&pg);
}

int page_aktivasi_get(struct http_req *req, struct http_resp *resp)
{
	return form_page(req, resp, 200, 0, 0);
}

int page_aktivasi_post(struct http_req *req, struct http_resp *resp)
{
	const char *nip = http_form(req, "nip"), *kode = http_form(req, "kode");
	const char *pw = http_form(req, "password"), *pw2 = http_form(req, "password2");
	if (!nip || !*nip || !kode || !*kode || !pw || !*pw)
		return form_page(req, resp, 400, M_KW_AKT_REQUIRED, 0);
	if (!pw2 || strcmp(pw, pw2))
		return form_page(req, resp, 422, M_KW_AKT_MISMATCH, 0);
	enum msg_id err = 0;
	int rc = aktivasi_pakai(req->store, nip, kode, pw, req->client_key, &err);
	if (rc == APP_EAUTH || rc == APP_EBUSY || rc == APP_EINVAL)
		return form_page(req, resp, rc == APP_EAUTH ? 401 : rc == APP_EBUSY ? 429 : 422,
				 err ? err : M_AKT_ERR_CODE, 0);
	if (rc)
		return rc;
	return form_page(req, resp, 200, 0, 1);
}

/* ---- issuing ---- */

struct opts {
	const char **values, **labels;
	size_t n, max;
	struct http_req *req;
};

static int add_kampanye(void *ctx, const struct kampanye *k)
{
	struct opts *o = ctx;
	if (o->n < o->max) {
		o->values[o->n] = http_printf(o->req, "%lld", (long long)k->id);
		o->labels[o->n] = http_printf(o->req, "%s (%s)", k->nama, k->periode);
		o->n++;
	}
	return 0;
}

static int add_unit(void *ctx, const struct unit_kerja *u)
{
	struct opts *o = ctx;
	if (o->n < o->max) {
		o->values[o->n] = http_strdup(o->req, u->kode);
		o->labels[o->n] = http_strdup(o->req, u->nama);
		o->n++;
	}
	return 0;
}

static int issue_form(struct http_req *req, struct http_resp *resp, int status, enum msg_id err)
{
	const struct principal *p = &req->principal;
	struct opts ko = { http_alloc(req, 101 * sizeof(char *)), http_alloc(req, 101 * sizeof(char *)),
			   1, 101, req };
	struct opts uo = { http_alloc(req, 201 * sizeof(char *)), http_alloc(req, 201 * sizeof(char *)),
			   1, 201, req };
	if (!ko.values || !ko.labels || !uo.values || !uo.labels)
		return APP_ENOMEM;
	ko.values[0] = uo.values[0] = "";
	ko.labels[0] = http_msg(req, M_KW_AKT_ALL_ACTIVE);
	uo.labels[0] = http_msg(req, M_KW_AKT_ALL_UNITS);
	int rc = kampanye_list(req->store, p, add_kampanye, &ko);
	if (!rc)
		rc = store_unit_list(req->store, p->instansi_id, add_unit, &uo);
	if (rc)
		return rc;
	struct page pg = { .req = req, .resp = resp, .css = CSS };
	page_begin(&pg, req, resp, status, page_t(&pg, M_KW_ISSUE_TITLE));
	struct html *h = &pg.h;
	if (err)
		page_notice(&pg, "error", page_t(&pg, err));
	html_raw(h, "<p>");
	html_text(h, page_t(&pg, M_KW_ISSUE_INTRO));
	html_raw(h, "</p><form class=\"card\" method=\"post\" action=\"/aktivasi/terbitkan\">");
	page_csrf(&pg);
	const char *sel = http_param_get(req, "kampanye");
	page_select(&pg, "kampanye", M_KW_F_KAMPANYE, ko.values, ko.labels, ko.n, sel, 0);
	page_select(&pg, "unit", M_KW_COL_UNIT, uo.values, uo.labels, uo.n, http_form(req, "unit"),
		    err == M_KAMP_ERR_UNITS ? err : 0);
	page_input(&pg, "nip", M_KW_F_NIP_ONE, "text", http_form(req, "nip"), 0, "off");
	const char *hari = http_form(req, "hari");
	page_input(&pg, "hari", M_KW_F_HARI, "number", hari ? hari : "30",
		   err == M_AKT_ERR_HARI ? err : 0, "off");
	static const char *const fmt_values[] = { "slip", "csv" };
	const char *fmt_labels[] = { http_msg(req, M_KW_FMT_SLIP), "CSV" };
	page_select(&pg, "format", M_KW_F_FORMAT, fmt_values, fmt_labels, 2, http_form(req, "format"), 0);
	html_raw(h, "<button type=\"submit\">");
	html_text(h, page_t(&pg, M_KW_ISSUE_SUBMIT));
	html_raw(h, "</button></form>");
	return page_end(&pg);
}

int page_aktivasi_issue_get(struct http_req *req, struct http_resp *resp)
{
	if (!kampanye_may_manage(&req->principal))
		return APP_EPERM;
	return issue_form(req, resp, 200, 0);
}

static int slips_csv(struct http_req *req, struct http_resp *resp, const struct aktivasi_slip *v,
		     size_t n)
{
	http_resp_start(resp, 200, HTTP_CT_CSV);
	static const char *const head[] = { "nip", "nama", "unit_kode", "unit_nama", "kode_aktivasi",
					    "berlaku_sampai" };
	int rc = 0;
	for (size_t i = 0; i < 6 && !rc; i++)
		rc = csv_append_field(&resp->body, head[i], strlen(head[i])) ||
		     buf_addc(&resp->body, i == 5 ? '\n' : ',');
	for (size_t k = 0; k < n && !rc; k++) {
		const char *cell[6] = { v[k].nip, v[k].nama, v[k].unit_kode, v[k].unit_nama, v[k].kode,
					page_time_utc(req, v[k].expires_ms) };
		for (size_t i = 0; i < 6 && !rc; i++)
			rc = csv_append_field(&resp->body, cell[i], strlen(cell[i])) ||
			     buf_addc(&resp->body, i == 5 ? '\n' : ',');
	}
	resp->attachment = "kode-aktivasi.csv";
	return rc ? APP_ETOOBIG : 0;
}

static int slips_html(struct http_req *req, struct http_resp *resp, const struct aktivasi_slip *v,
		      size_t n)
{
	struct page pg = { .req = req, .resp = resp, .css = CSS };
	page_begin(&pg, req, resp, 200, page_t(&pg, M_KW_SLIPS_TITLE));
	struct html *h = &pg.h;
	struct instansi in;
	int have_in = store_instansi_get(req->store, req->principal.instansi_id, &in) == 0;
	const char *host = http_header(req, "Host");
	html_raw(h, "<p class=\"no-print\">");
	html_text(h, page_tf(&pg, M_KW_SLIPS_LEAD, (long long)n));
	html_raw(h, "</p><div class=\"slips\">");
	for (size_t i = 0; i < n; i++) {
		html_raw(h, "<section class=\"slip\"><p class=\"kop\">");
		html_text(h, have_in ? in.nama : page_t(&pg, M_WEB_APP_NAME));
		html_raw(h, "</p><h2>");
		html_text(h, page_t(&pg, M_KW_SLIP_HEAD));
		html_raw(h, "</h2><dl class=\"facts\"><dt>");
		html_text(h, page_t(&pg, M_KW_COL_NAMA));
		html_raw(h, "</dt><dd>");
		html_text(h, v[i].nama);
		html_raw(h, "</dd><dt>NIP</dt><dd class=\"nip\">");
		html_text(h, v[i].nip);
		html_raw(h, "</dd><dt>");
		html_text(h, page_t(&pg, M_KW_COL_UNIT));
		html_raw(h, "</dt><dd>");
		html_text(h, v[i].unit_nama[0] ? v[i].unit_nama : "—");
		html_raw(h, "</dd><dt>");
		html_text(h, page_t(&pg, M_KW_F_AKT_CODE));
		html_raw(h, "</dt><dd><strong class=\"kode\">");
		html_text(h, v[i].kode);
		html_raw(h, "</strong></dd><dt>");
		html_text(h, page_t(&pg, M_KW_VALID_UNTIL));
		html_raw(h, "</dt><dd>");
		html_text(h, page_time_utc(req, v[i].expires_ms));
		html_raw(h, "</dd></dl><p class=\"cara\">");
		html_text(h, page_tf(&pg, M_KW_SLIP_HOW, host ? host : ""));
		html_raw(h, "</p></section>");
	}
	html_raw(h, "</div>");
	return page_end(&pg);
}

int page_aktivasi_issue_post(struct http_req *req, struct http_resp *resp)
{
	if (!kampanye_may_manage(&req->principal))
		return APP_EPERM;
	int64_t kid = 0, hari = 0;
	const char *ks = http_form(req, "kampanye"), *hs = http_form(req, "hari");
	if (ks && *ks && http_parse_int64(ks, &kid))
		return issue_form(req, resp, 422, M_KAMP_ERR_TEMPLAT);
	if (hs && *hs && (http_parse_int64(hs, &hari) || hari > 100000))
		return issue_form(req, resp, 422, M_AKT_ERR_HARI);
	struct aktivasi_request ar = { NULL, http_form(req, "unit"), kid, http_form(req, "nip"),
				       (int)hari };
	struct aktivasi_slip *v = NULL;
	size_t n = 0;
	enum msg_id err = 0;
	int rc = aktivasi_terbitkan(req->store, &req->principal, &ar, &v, &n, &err);
	if ((rc == APP_EINVAL || rc == APP_ETOOBIG) && err)
		return issue_form(req, resp, 422, err);
	if (rc)
		return rc;
	const char *fmt = http_form(req, "format");
	rc = fmt && !strcmp(fmt, "csv") ? slips_csv(req, resp, v, n) : slips_html(req, resp, v, n);
	aktivasi_slips_free(v, n);
	return rc;
}
