/* Attendance pages: the paged tick list (no JavaScript), the CSV import
 * with its per-row report, material upload and download, and the asn's
 * self-service check-in with the event code. */
#include "core/compat.h"
#include "core/err.h"
#include "core/limits.h"
#include "web/page_acara.h"
#include "web/page_csv_import.h"

#define TICK_PAGE 50

/* ---- tick list ---- */

struct tick_ctx {
	struct page *pg;
	int n;
	char last[19];
};

static int tick_row(void *ctx, const struct acara_peserta *e)
{
	struct tick_ctx *c = ctx;
	struct html *h = &c->pg->h;
	char id[32];
	snprintf(id, sizeof(id), "n%s", e->nip);
	html_raw(h, "<tr><td class=\"check\"><input type=\"checkbox\" name=\"nip\"");
	html_attr(h, "id", id);
	html_attr(h, "value", e->nip);
	if (e->hadir)
		html_raw(h, " checked disabled");
	html_raw(h, "><label class=\"visually-hidden\"");
	html_attr(h, "for", id);
	html_raw(h, ">");
	html_text(h, page_tf(c->pg, M_AW_TICK_LABEL, e->nama));
	html_raw(h, "</label></td><td class=\"nip\">");
	html_text(h, e->nip);
	html_raw(h, "</td><td>");
	html_text(h, e->nama);
	html_raw(h, "</td><td>");
	if (e->hadir)
		html_text(h, page_tf(c->pg, M_AW_PRESENT_VIA, e->cara));
	else
		html_text(h, page_t(c->pg, M_AW_ABSENT));
	html_raw(h, "</td></tr>\n");
	c->n++;
	memcpy(c->last, e->nip, sizeof(c->last));
	return 0;
}

static int tick_page(struct http_req *req, struct http_resp *resp, int status, const struct acara *a,
		     const char *after, const char *notice_ok, const char *notice_err)
{
	struct page pg = { .req = req, .resp = resp };
	page_begin(&pg, req, resp, status, page_tf(&pg, M_AW_TICK_TITLE, a->topik));
	struct html *h = &pg.h;
	if (notice_ok)
		page_notice(&pg, "ok", notice_ok);
	if (notice_err)
		page_notice(&pg, "error", notice_err);
	html_raw(h, "<p><a");
	page_acara_href(h, a->id, "");
	html_raw(h, ">");
	html_text(h, a->topik);
	html_raw(h, "</a></p><p>");
	html_text(h, page_t(&pg, M_AW_TICK_LEAD));
	html_raw(h, "</p><form method=\"post\"");
	page_acara_action(h, a->id, "/peserta");
	html_raw(h, ">");
	page_csrf(&pg);
	if (after && *after) {
		html_raw(h, "<input type=\"hidden\" name=\"after\"");
		html_attr(h, "value", after);
		html_raw(h, ">");
	}
	html_raw(h, "<div class=\"table-wrap\"><table class=\"data\"><thead><tr><th scope=\"col\">");
	html_text(h, page_t(&pg, M_AW_COL_HADIR));
	html_raw(h, "</th><th scope=\"col\">");
	html_text(h, page_t(&pg, M_AW_COL_NIP));
	html_raw(h, "</th><th scope=\"col\">");
	html_text(h, page_t(&pg, M_AW_COL_NAMA));
	html_raw(h, "</th><th scope=\"col\">");
	html_text(h, page_t(&pg, M_AW_COL_STATUS));
	html_raw(h, "</th></tr></thead><tbody>");
	struct tick_ctx c = { &pg, 0, "" };
	int rc = acara_peserta(req->store, &req->principal, a, after, TICK_PAGE, tick_row, &c);
	if (rc)
		return rc;
	html_raw(h, "</tbody></table></div>");
	if (!c.n && !(after && *after)) {
		html_raw(h, "<p>");
		html_text(h, page_t(&pg, M_AW_NO_TARGET));
		html_raw(h, "</p>");
	} else {
		html_raw(h, "<p><button type=\"submit\">");
		html_text(h, page_t(&pg, M_AW_TICK_SAVE));
		html_raw(h, "</button></p>");
	}
	html_raw(h, "</form>");
	if (c.n == TICK_PAGE) {
		char seg[24];
		snprintf(seg, sizeof(seg), "%lld", (long long)a->id);
		html_raw(h, "<p class=\"pager\"><a");
		html_url_begin(h, "href", "/acara/");
		html_url_seg(h, seg);
		html_raw(h, "/peserta");
		html_url_arg(h, "after", c.last);
		html_url_end(h);
		html_raw(h, ">");
		html_text(h, page_t(&pg, M_WEB_PEG_NEXT));
		html_raw(h, "</a></p>");
	}
	return page_end(&pg);
}

int page_acara_peserta_get(struct http_req *req, struct http_resp *resp)
{
	struct acara a;
	int rc = page_acara_load(req, &a);
	if (rc)
		return rc;
	if (!acara_can_manage(&req->principal))
		return APP_EPERM;
	const char *done = http_query(req, "dicatat");
	const char *note = NULL;
	int64_t n;
	if (done && *done && !http_parse_int64(done, &n))
		note = page_tf(&(struct page){ .req = req }, M_AW_TICK_DONE, (long long)n);
	return tick_page(req, resp, 200, &a, http_query(req, "after"), note, NULL);
}

struct first_error {
	int set;
	struct import_error e;
	char value[64];
};

static int keep_first(void *ctx, const struct import_error *e)
{
	struct first_error *f = ctx;
	if (!f->set) {
		f->set = 1;
		f->e = *e;
		snprintf(f->value, sizeof(f->value), "%s", e->value ? e->value : "");
	}
	return 0;
}

int page_acara_peserta_post(struct http_req *req, struct http_resp *resp)
{
	struct acara a;
	int rc = page_acara_load(req, &a);
	if (rc)
		return rc;
	if (!acara_can_manage(&req->principal))
		return APP_EPERM;
	const char **nips;
	size_t n = http_form_all(req, "nip", &nips);
	const char *after = http_form(req, "after");
	struct first_error fe = { 0 };
	struct import_opts o = { .on_error = keep_first, .error_ctx = &fe };
	struct acara_hadir_stats st;
	rc = acara_hadir_nips(req->store, &req->principal, a.id, nips, n, &o, &st);
	if (rc == APP_EINVAL) {
		struct page tmp = { .req = req };
		return tick_page(req, resp, 422, &a, after, NULL,
				 http_printf(req, "%s: %s", fe.value, page_t(&tmp, fe.e.msg)));
	}
	if (rc)
		return rc;
	http_redirect(req, resp, http_printf(req, "/acara/%lld/peserta?dicatat=%lld%s%s", (long long)a.id,
					     (long long)st.baru, after && *after ? "&after=" : "",
					     after && *after ? after : ""));
	return 0;
}

/* ---- CSV import ---- */

static const char *import_action(const struct page *pg, const struct acara *a)
{
	return http_printf(pg->req, "/acara/%lld/impor", (long long)a->id);
}

static void import_form(struct page *pg, const struct acara *a)
{
	page_csv_import_form(pg, M_AW_IMP_LEAD, import_action(pg, a));
}

int page_acara_impor_get(struct http_req *req, struct http_resp *resp)
{
	struct acara a;
	int rc = page_acara_load(req, &a);
	if (rc)
		return rc;
	if (!acara_can_manage(&req->principal))
		return APP_EPERM;
	struct page pg = { .req = req, .resp = resp };
	page_begin(&pg, req, resp, 200, page_tf(&pg, M_AW_IMP_TITLE, a.topik));
	import_form(&pg, &a);
	return page_end(&pg);
}

int page_acara_impor_post(struct http_req *req, struct http_resp *resp)
{
	struct acara a;
	int rc = page_acara_load(req, &a);
	if (rc)
		return rc;
	if (!acara_can_manage(&req->principal))
		return APP_EPERM;
	struct page pg = { .req = req, .resp = resp };
	struct page_csv_import ci;
	rc = page_csv_import_open(&pg, &ci, page_tf(&pg, M_AW_IMP_TITLE, a.topik), M_AW_IMP_LEAD,
				  import_action(&pg, &a));
	if (rc == APP_EINVAL)
		return page_end(&pg);
	if (rc)
		return rc;
	struct acara_hadir_stats st;
	rc = acara_hadir_import_csv(req->store, &req->principal, a.id, ci.in, &ci.opts, &st);
	page_csv_import_close(&ci);
	if (rc && rc != APP_EINVAL)
		return rc;
	page_begin(&pg, req, resp, rc ? 422 : 200, page_tf(&pg, M_AW_IMP_TITLE, a.topik));
	struct html *h = &pg.h;
	page_csv_import_outcome(&pg, st.committed, M_AW_IMP_DONE,
				page_tf(&pg, M_ACARA_HADIR_SUMMARY, (long long)st.rows,
					(long long)st.ok, (long long)st.bad, (long long)st.baru,
					(long long)st.sudah));
	html_raw(h, "<p><a");
	page_acara_href(h, a.id, "");
	html_raw(h, ">");
	html_text(h, a.topik);
	html_raw(h, "</a></p>");
	page_csv_import_errors(&pg, &ci);
	html_raw(h, "<h2>");
	html_text(h, page_t(&pg, M_AW_IMPORT));
	html_raw(h, "</h2>");
	import_form(&pg, &a);
	return page_end(&pg);
}

/* ---- material files ---- */

int page_acara_materi_post(struct http_req *req, struct http_resp *resp)
{
	struct acara a;
	int rc = page_acara_load(req, &a);
	if (rc)
		return rc;
	const struct http_upload *u = http_upload_get(req, "berkas");
	struct acara_materi m;
	enum msg_id why;
	rc = acara_materi_add(req->store, &req->principal, a.id, u ? u->filename : NULL,
			      u ? u->data : NULL, u ? u->len : 0, &m, &why);
	if (rc == APP_EINVAL || rc == APP_ETOOBIG) {
		struct page pg = { .req = req, .resp = resp };
		page_begin(&pg, req, resp, rc == APP_EINVAL ? 422 : 413, a.topik);
		page_notice(&pg, "error", page_t(&pg, why));
		html_raw(&pg.h, "<p><a");
		page_acara_href(&pg.h, a.id, "");
		html_raw(&pg.h, ">");
		html_text(&pg.h, a.topik);
		html_raw(&pg.h, "</a></p>");
		return page_end(&pg);
	}
	if (rc)
		return rc;
	http_redirect(req, resp, http_printf(req, "/acara/%lld?materi=1", (long long)a.id));
	return 0;
}

int page_acara_materi_get(struct http_req *req, struct http_resp *resp)
{
	int64_t id;
	if (http_path_int64(req, "id", &id))
		return APP_ENOTFOUND;
	struct acara_materi m;
	http_resp_start(resp, 200, "application/octet-stream");
	int rc = acara_materi_get(req->store, &req->principal, id, http_path_param(req, "sha"), &m,
				  &resp->body);
	if (rc) {
		buf_reset(&resp->body);
		resp->status = 0;
		return rc;
	}
	resp->content_type = http_strdup(req, m.mime);
	resp->attachment = http_strdup(req, m.nama);
	/* Never sniffed or rendered inline: the bytes are the uploader's. */
	http_resp_header(req, resp, "Content-Security-Policy", "sandbox; default-src 'none'");
	return 0;
}

/* ---- self-service check-in ---- */

static int checkin_page(struct http_req *req, struct http_resp *resp, int status, const char *kode,
			const char *ok, const char *err)
{
	struct page pg = { .req = req, .resp = resp };
	page_begin(&pg, req, resp, status, page_t(&pg, M_AW_CHECKIN_TITLE));
	struct html *h = &pg.h;
	if (ok)
		page_notice(&pg, "ok", ok);
	if (err)
		page_notice(&pg, "error", err);
	html_raw(h, "<p>");
	html_text(h, page_t(&pg, M_AW_CHECKIN_LEAD));
	html_raw(h, "</p><form class=\"card narrow\" method=\"post\" action=\"/hadir\">");
	page_csrf(&pg);
	page_input(&pg, "kode", M_AW_CHECKIN_KODE, "text", ok ? "" : kode, 0, "off");
	html_raw(h, "<button type=\"submit\">");
	html_text(h, page_t(&pg, M_AW_CHECKIN_SUBMIT));
	html_raw(h, "</button></form>");
	return page_end(&pg);
}

int page_hadir_get(struct http_req *req, struct http_resp *resp)
{
	if (req->principal.role != ROLE_ASN)
		return APP_EPERM;
	return checkin_page(req, resp, 200, "", NULL, NULL);
}

int page_hadir_post(struct http_req *req, struct http_resp *resp)
{
	const char *kode = http_form(req, "kode");
	struct acara a;
	int inserted = 0;
	enum msg_id why;
	struct page tmp = { .req = req };
	int rc = acara_checkin(req->store, &req->principal, kode, req->now_ms, &a, &inserted, &why);
	if (!rc)
		return checkin_page(req, resp, 200, kode,
				    page_tf(&tmp, inserted ? M_ACARA_HADIR_OK : M_ACARA_HADIR_SUDAH, a.topik),
				    NULL);
	int status;
	switch (rc) {
	case APP_ENOTFOUND: status = 404; break;
	case APP_EINVAL: status = 422; break;
	case APP_EPERM: status = 403; break;
	case APP_EBUSY: status = 429; break;
	default: return rc;
	}
	const char *text;
	if (why == M_ACARA_BELUM_MULAI || why == M_ACARA_SUDAH_SELESAI) {
		char m[24], s[24];
		acara_format_time(a.mulai_ms, m, sizeof(m));
		acara_format_time(a.selesai_ms, s, sizeof(s));
		m[10] = s[10] = ' ';
		text = page_tf(&tmp, why, m, s);
	} else {
		text = page_t(&tmp, why);
	}
	return checkin_page(req, resp, status, kode, NULL, text);
}
