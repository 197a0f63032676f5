/* CSV import: a multipart upload, all-or-nothing by default or partial,
 * and the per-row error report. */
#include "core/compat.h"
#include "core/err.h"
#include "app/registry.h"
#include "web/page.h"

#define IMPORT_ERRORS_SHOWN 500

struct err_report {
	struct http_req *req;
	struct import_error *v;
	size_t n;
	int64_t more;
};

static int on_error(void *ctx, const struct import_error *e)
{
	struct err_report *r = ctx;
	if (r->n >= IMPORT_ERRORS_SHOWN) {
		r->more++;
		return 0;
	}
	struct import_error *c = &r->v[r->n++];
	c->line = e->line;
	c->msg = e->msg;
	c->column = http_strdup(r->req, e->column ? e->column : "");
	c->value = http_strdup(r->req, e->value ? e->value : "");
	return 0;
}

static void form(struct page *pg)
{
	struct html *h = &pg->h;
	html_raw(h, "<p>");
	html_text(h, page_t(pg, M_WEB_IMP_INTRO));
	html_raw(h, "</p><form class=\"card\" method=\"post\" action=\"/impor\" "
		    "enctype=\"multipart/form-data\">");
	page_csrf(pg);
	html_raw(h, "<div class=\"field\"><label for=\"berkas\">");
	html_text(h, page_t(pg, M_WEB_IMP_FILE));
	html_raw(h, "</label><input type=\"file\" id=\"berkas\" name=\"berkas\" "
		    "accept=\".csv,text/csv\" required></div>"
		    "<div class=\"field check\"><input type=\"checkbox\" id=\"partial\" name=\"partial\" "
		    "value=\"1\" aria-describedby=\"partial-hint\"><label for=\"partial\">");
	html_text(h, page_t(pg, M_WEB_IMP_PARTIAL));
	html_raw(h, "</label><p class=\"hint\" id=\"partial-hint\">");
	html_text(h, page_t(pg, M_WEB_IMP_PARTIAL_HINT));
	html_raw(h, "</p></div><button type=\"submit\">");
	html_text(h, page_t(pg, M_WEB_IMP_SUBMIT));
	html_raw(h, "</button></form>");
}

int page_import_get(struct http_req *req, struct http_resp *resp)
{
	if (!principal_can(&req->principal, PERM_REGISTRY_WRITE))
		return APP_EPERM;
	struct page pg = { .req = req, .resp = resp };
	page_begin(&pg, req, resp, 200, page_t(&pg, M_WEB_IMP_TITLE));
	form(&pg);
	return page_end(&pg);
}

int page_import_post(struct http_req *req, struct http_resp *resp)
{
	if (!principal_can(&req->principal, PERM_REGISTRY_WRITE))
		return APP_EPERM;
	const struct http_upload *u = http_upload_get(req, "berkas");
	const char *partial = http_form(req, "partial");
	struct page pg = { .req = req, .resp = resp };
	if (!u || u->len == 0) {
		page_begin(&pg, req, resp, 400, page_t(&pg, M_WEB_IMP_TITLE));
		page_notice(&pg, "error", page_t(&pg, M_WEB_IMP_NO_FILE));
		form(&pg);
		return page_end(&pg);
	}
	FILE *in = fmemopen((void *)u->data, u->len, "r");
	if (!in)
		return APP_ENOMEM;
	struct err_report er = { .req = req };
	er.v = http_alloc(req, IMPORT_ERRORS_SHOWN * sizeof(*er.v));
	struct import_opts opts = {
		.partial = partial && (!strcmp(partial, "1") || !strcmp(partial, "on")),
		.on_error = on_error,
		.error_ctx = &er,
	};
	struct import_stats st;
	memset(&st, 0, sizeof(st));
	int rc = registry_import_csv(req->store, &req->principal, in, &opts, &st);
	fclose(in);
	if (rc && rc != APP_EINVAL)
		return rc;

	page_begin(&pg, req, resp, rc ? 422 : 200, page_t(&pg, M_WEB_IMP_RESULT));
	struct html *h = &pg.h;
	const char *summary = page_tf(&pg, M_IMP_SUMMARY, (long long)st.rows, (long long)st.ok,
				      (long long)st.bad, (long long)st.created,
				      (long long)st.updated, (long long)st.unchanged,
				      (long long)st.units_created);
	if (st.committed) {
		page_notice(&pg, "ok", page_t(&pg, M_WEB_IMP_COMMITTED));
	} else {
		page_notice(&pg, "error", page_t(&pg, M_IMP_NOTHING));
	}
	html_raw(h, "<p class=\"summary\">");
	html_text(h, summary);
	html_raw(h, "</p>");
	if (er.n) {
		html_raw(h, "<h2>");
		html_text(h, page_t(&pg, M_WEB_IMP_ERRORS));
		html_raw(h, "</h2><div class=\"table-wrap\"><table class=\"data errors\"><thead><tr>");
		static const enum msg_id cols[] = { M_WEB_IMP_LINE, M_WEB_IMP_COLUMN, M_WEB_IMP_VALUE,
						    M_WEB_IMP_MESSAGE };
		for (size_t i = 0; i < ARRAY_SIZE(cols); i++) {
			html_raw(h, "<th scope=\"col\">");
			html_text(h, page_t(&pg, cols[i]));
			html_raw(h, "</th>");
		}
		html_raw(h, "</tr></thead><tbody>");
		for (size_t i = 0; i < er.n; i++) {
			html_raw(h, "<tr><td>");
			html_int(h, er.v[i].line);
			html_raw(h, "</td><td>");
			html_text(h, *er.v[i].column ? er.v[i].column : page_t(&pg, M_IMP_ROW));
			html_raw(h, "</td><td><code>");
			html_text(h, er.v[i].value);
			html_raw(h, "</code></td><td>");
			html_text(h, page_t(&pg, er.v[i].msg));
			html_raw(h, "</td></tr>\n");
		}
		html_raw(h, "</tbody></table></div>");
		if (er.more) {
			html_raw(h, "<p>");
			html_text(h, page_tf(&pg, M_WEB_IMP_MORE, (long long)er.more));
			html_raw(h, "</p>");
		}
	}
	html_raw(h, "<h2>");
	html_text(h, page_t(&pg, M_WEB_IMP_TITLE));
	html_raw(h, "</h2>");
	form(&pg);
	return page_end(&pg);
}
