/* CSV upload pages: one form, one error collector and one error table for
 * every import that reports per row (see page_csv_import.h). */
#include "core/compat.h"
#include "core/err.h"
#include "web/page_csv_import.h"

/* More would make the page heavy; the count of the rest is shown. */
#define CSV_ERRORS_SHOWN 500

static int on_error(void *ctx, const struct import_error *e)
{
	struct page_csv_import *r = ctx;
	if (r->n >= CSV_ERRORS_SHOWN) {
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

void page_csv_import_form(struct page *pg, enum msg_id lead, const char *action)
{
	struct html *h = &pg->h;
	html_raw(h, "<p>");
	html_text(h, page_t(pg, lead));
	html_raw(h, "</p><form class=\"card\" method=\"post\"");
	html_attr(h, "action", action);
	html_raw(h, " enctype=\"multipart/form-data\">");
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

int page_csv_import_open(struct page *pg, struct page_csv_import *ci, const char *title,
			 enum msg_id lead, const char *action)
{
	struct http_req *req = pg->req;
	const struct http_upload *u = http_upload_get(req, "berkas");
	const char *partial = http_form(req, "partial");
	memset(ci, 0, sizeof(*ci));
	if (!u || u->len == 0) {
		page_begin(pg, req, pg->resp, 400, title);
		page_notice(pg, "error", page_t(pg, M_WEB_IMP_NO_FILE));
		page_csv_import_form(pg, lead, action);
		return APP_EINVAL;
	}
	ci->in = fmemopen((void *)u->data, u->len, "r");
	if (!ci->in)
		return APP_ENOMEM;
	ci->req = req;
	ci->v = http_alloc(req, CSV_ERRORS_SHOWN * sizeof(*ci->v));
	ci->opts.partial = partial && (!strcmp(partial, "1") || !strcmp(partial, "on"));
	ci->opts.on_error = on_error;
	ci->opts.error_ctx = ci;
	return 0;
}

void page_csv_import_close(struct page_csv_import *ci)
{
	if (ci->in)
		fclose(ci->in);
	ci->in = NULL;
}

void page_csv_import_outcome(struct page *pg, int committed, enum msg_id done,
			     const char *summary)
{
	page_notice(pg, committed ? "ok" : "error", page_t(pg, committed ? done : M_IMP_NOTHING));
	html_raw(&pg->h, "<p class=\"summary\">");
	html_text(&pg->h, summary);
	html_raw(&pg->h, "</p>");
}

void page_csv_import_errors(struct page *pg, const struct page_csv_import *ci)
{
	struct html *h = &pg->h;
	if (!ci->n)
		return;
	html_raw(h, "<h2>");
	html_text(h, page_t(pg, M_WEB_IMP_ERRORS));
	html_raw(h, "</h2><div class=\"table-wrap\"><table class=\"data errors\"><thead><tr>");
	static const enum msg_id cols[] = { M_WEB_IMP_LINE, M_WEB_IMP_COLUMN, M_WEB_IMP_VALUE,
					    M_WEB_IMP_MESSAGE };
	page_th_cols(pg, cols, ARRAY_SIZE(cols));
	html_raw(h, "</tr></thead><tbody>");
	for (size_t i = 0; i < ci->n; i++) {
		html_raw(h, "<tr><td>");
		html_int(h, ci->v[i].line);
		html_raw(h, "</td><td>");
		html_text(h, *ci->v[i].column ? ci->v[i].column : page_t(pg, M_IMP_ROW));
		html_raw(h, "</td><td><code>");
		html_text(h, ci->v[i].value);
		html_raw(h, "</code></td><td>");
		html_text(h, page_t(pg, ci->v[i].msg));
		html_raw(h, "</td></tr>\n");
	}
	html_raw(h, "</tbody></table></div>");
	if (ci->more) {
		html_raw(h, "<p>");
		html_text(h, page_tf(pg, M_WEB_IMP_MORE, (long long)ci->more));
		html_raw(h, "</p>");
	}
}
