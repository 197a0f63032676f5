/* The neutrality workflow definition as data (/alur): the active version's
 * stages (owner, deadline, unit, extension, pause, legal basis, grade) and
 * transitions (roles, required fields), every published version with its
 * CSV files, and for the admin a form publishing a new version from two
 * CSV files (refused whole, with the line and column). */
#include "core/compat.h"
#include "app/kasus_alur.h"
#include "core/embedded.h"
#include "core/err.h"
#include "http/http.h"
#include "web/page.h"
#include <time.h>

/* A NUL-terminated copy of n bytes in the request arena (uploads and
 * embedded files are not NUL-terminated). */
static char *req_strndup(struct http_req *req, const char *p, size_t n)
{
	char *c = http_alloc(req, n + 1);
	memcpy(c, p, n);
	c[n] = '\0';
	return c;
}

static void th(struct page *pg, const char *const *cols, size_t n)
{
	struct html *h = &pg->h;
	html_raw(h, "<div class=\"table-wrap\"><table class=\"data\"><thead><tr>");
	for (size_t i = 0; i < n; i++) {
		html_raw(h, "<th scope=\"col\">");
		html_text(h, cols[i]);
		html_raw(h, "</th>");
	}
	html_raw(h, "</tr></thead><tbody>");
}

static void td(struct html *h, const char *v)
{
	html_raw(h, "<td>");
	html_text(h, v);
	html_raw(h, "</td>");
}

static const char *unit(enum deadline_unit u, int n)
{
	return !n ? "" : u == DEADLINE_WORKING_DAYS ? "hari kerja" : "hari";
}

static int versi_row(void *ctx, const struct workflow_versi *v)
{
	struct page *pg = ctx;
	struct html *h = &pg->h;
	char ts[32];
	time_t t = (time_t)(v->created_ms / 1000);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(ts, sizeof(ts), "%Y-%m-%d %H:%M UTC", &tm);
	html_raw(h, "<tr>");
	html_raw(h, "<td>");
	html_int(h, v->versi);
	html_raw(h, "</td>");
	td(h, ts);
	td(h, v->pembuat);
	td(h, v->catatan);
	html_raw(h, "<td>");
	static const char *const files[] = { "tahapan", "transisi" };
	for (size_t i = 0; i < 2; i++) {
		html_raw(h, "<a");
		html_url_begin(h, "href", "/alur/ekspor");
		html_url_arg(h, "versi", http_printf(pg->req, "%d", v->versi));
		html_url_arg(h, "berkas", files[i]);
		html_url_end(h);
		html_raw(h, ">");
		html_textf(h, "%s.csv", files[i]);
		html_raw(h, "</a> ");
	}
	html_raw(h, "</td></tr>");
	return 0;
}

static int render(struct http_req *req, struct http_resp *resp, int status, const char *ok,
		  const char *err)
{
	const struct principal *p = &req->principal;
	if (!kasus_role_can_read(p->role))
		return APP_EPERM;
	struct workflow wf;
	int rc = kasus_workflow_active(req->store, &wf);
	if (rc)
		return rc;
	struct page pg = { .req = req, .resp = resp };
	page_begin(&pg, req, resp, status, page_tf(&pg, M_KSW_ALUR_TITLE, wf.version));
	struct html *h = &pg.h;
	if (ok)
		page_notice(&pg, "ok", ok);
	if (err)
		page_notice(&pg, "error", err);
	html_raw(h, "<h2>");
	html_text(h, page_t(&pg, M_KSW_ALUR_TAHAPAN));
	html_raw(h, "</h2>");
	static const char *const sc[] = { "kode", "nama", "pemilik", "konteks", "tenggat",
					  "tambahan", "jeda", "dasar hukum", "grade", "catatan" };
	th(&pg, sc, ARRAY_SIZE(sc));
	for (size_t i = 0; i < wf.nstages; i++) {
		const struct wf_stage *st = &wf.stages[i];
		html_raw(h, "<tr>");
		td(h, st->code);
		td(h, st->name_id);
		td(h, role_name(st->owner));
		td(h, st->context);
		td(h, st->deadline ? http_printf(req, "%d %s", st->deadline, unit(st->unit, 1)) : "-");
		td(h, st->extension ? http_printf(req, "+%d %s", st->extension,
						   unit(st->extension_unit, 1)) : "-");
		td(h, st->pauses_clock ? "ya" : st->terminal ? "akhir" : "");
		td(h, st->legal_basis);
		td(h, st->grade);
		td(h, st->note);
		html_raw(h, "</tr>");
	}
	html_raw(h, "</tbody></table></div><h2>");
	html_text(h, page_t(&pg, M_KSW_ALUR_TRANSISI));
	html_raw(h, "</h2>");
	static const char *const tc[] = { "dari", "ke", "peran", "wajib", "keterangan" };
	th(&pg, tc, ARRAY_SIZE(tc));
	for (size_t i = 0; i < wf.ntransitions; i++) {
		const struct wf_transition *t = &wf.transitions[i];
		html_raw(h, "<tr>");
		td(h, t->from);
		td(h, t->to);
		html_raw(h, "<td>");
		for (int r = ROLE_ADMIN; r < ROLE__COUNT; r++)
			if (t->roles & (1u << r)) {
				html_text(h, role_name((enum role)r));
				html_raw(h, " ");
			}
		html_raw(h, "</td><td>");
		for (size_t f = 0; f < t->nrequired; f++) {
			html_text(h, t->required[f]);
			html_raw(h, " ");
		}
		html_raw(h, "</td>");
		td(h, t->note);
		html_raw(h, "</tr>");
	}
	html_raw(h, "</tbody></table></div>");
	workflow_release(&wf);

	html_raw(h, "<h2>");
	html_text(h, page_t(&pg, M_KSW_ALUR_VERSI));
	html_raw(h, "</h2>");
	static const char *const vc[] = { "versi", "waktu", "oleh", "catatan", "CSV" };
	th(&pg, vc, ARRAY_SIZE(vc));
	rc = store_workflow_versi_list(req->store, versi_row, &pg);
	html_raw(h, "</tbody></table></div>");
	if (rc)
		return rc;
	if (p->role == ROLE_ADMIN) {
		html_raw(h, "<form class=\"card\" method=\"post\" action=\"/alur\" enctype=\"multipart/form-data\"><h2>");
		html_text(h, page_t(&pg, M_KSW_ALUR_TERBIT));
		html_raw(h, "</h2>");
		page_csrf(&pg);
		html_raw(h, "<p><label for=\"tahapan\">tahapan.csv</label><br>"
			    "<input type=\"file\" id=\"tahapan\" name=\"tahapan\" accept=\".csv,text/csv\" required></p>"
			    "<p><label for=\"transisi\">transisi.csv</label><br>"
			    "<input type=\"file\" id=\"transisi\" name=\"transisi\" accept=\".csv,text/csv\" required></p>");
		page_input(&pg, "catatan", M_KSW_ALASAN, "text", "", 0, "off");
		html_raw(h, "<button type=\"submit\">");
		html_text(h, page_t(&pg, M_KSW_KIRIM));
		html_raw(h, "</button></form>");
	}
	return page_end(&pg);
}

int page_alur_get(struct http_req *req, struct http_resp *resp)
{
	const char *ok = http_query(req, "disimpan");
	return render(req, resp, 200, ok && !strcmp(ok, "1") ? http_msg(req, M_KSW_SAVED) : NULL, NULL);
}

int page_alur_ekspor(struct http_req *req, struct http_resp *resp)
{
	if (!kasus_role_can_read(req->principal.role))
		return APP_EPERM;
	const char *vs = http_query(req, "versi"), *berkas = http_query(req, "berkas");
	int64_t versi = 0;
	if (vs && *vs && http_parse_int64(vs, &versi))
		return APP_EINVAL;
	int tahapan = berkas && !strcmp(berkas, "tahapan");
	if (!tahapan && !(berkas && !strcmp(berkas, "transisi")))
		return APP_EINVAL;
	struct workflow_versi v;
	int rc = store_workflow_versi_get(req->store, (int)versi, &v);
	const char *text;
	if (rc == APP_ENOTFOUND && versi <= 1) {
		const struct embedded_file *f = embedded_find(tahapan ? "data/netralitas/tahapan.csv"
								      : "data/netralitas/transisi.csv");
		if (!f)
			return APP_EINTERNAL;
		text = req_strndup(req, f->data, f->len);
	} else if (rc) {
		return rc;
	} else {
		text = http_strdup(req, tahapan ? v.tahapan_csv : v.transisi_csv);
		store_workflow_versi_release(&v);
	}
	http_resp_start(resp, 200, "text/csv; charset=utf-8");
	rc = http_resp_header(req, resp, "Content-Disposition",
			      tahapan ? "attachment; filename=\"tahapan.csv\""
				      : "attachment; filename=\"transisi.csv\"");
	if (!rc && buf_adds(&resp->body, text))
		rc = APP_ETOOBIG;
	return rc;
}

int page_alur_post(struct http_req *req, struct http_resp *resp)
{
	const struct http_upload *a = http_upload_get(req, "tahapan");
	const struct http_upload *b = http_upload_get(req, "transisi");
	if (req->principal.role != ROLE_ADMIN)
		return APP_EPERM;
	if (!a || !b || !a->len || !b->len)
		return render(req, resp, 422, NULL, http_msg(req, M_KS_FIELD_REQUIRED));
	char problem[240];
	int versi = 0;
	int rc = kasus_workflow_publish(req->store, &req->principal,
					req_strndup(req, a->data, a->len),
					req_strndup(req, b->data, b->len), http_form(req, "catatan"),
					&versi, problem, sizeof(problem));
	if (rc == APP_EINVAL)
		return render(req, resp, 422, NULL, page_tf(&(struct page){ .req = req },
							    M_CMD_ALUR_INVALID, problem));
	if (rc)
		return rc;
	http_redirect(req, resp, "/alur?disimpan=1");
	return 0;
}
