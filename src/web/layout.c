/* The one layout: skip link, banner with navigation and language switch,
 * main landmark, footer. No inline script or style (CSP). */
#include "core/compat.h"
#include "core/err.h"
#include "app/acara.h"
#include "app/audit_view.h"
#include "app/kampanye.h"
#include "app/statistik.h"
#include "app/kasus_alur.h"
#include "web/page.h"
#include "web/web.h"

const char *page_t(const struct page *pg, enum msg_id id)
{
	return msg(id, pg->req->lang);
}

const char *page_tf(const struct page *pg, enum msg_id id, ...)
{
	va_list ap;
	va_start(ap, id);
	char tmp[1024];
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	vsnprintf(tmp, sizeof(tmp), msg(id, pg->req->lang), ap);
#pragma GCC diagnostic pop
	va_end(ap);
	return http_strdup(pg->req, tmp);
}

const char *role_label(const struct page *pg, enum role r)
{
	static const enum msg_id ids[ROLE__COUNT] = {
		[ROLE_ADMIN] = M_WEB_ROLE_ADMIN, [ROLE_BKN] = M_WEB_ROLE_BKN,
		[ROLE_BAWASLU] = M_WEB_ROLE_BAWASLU, [ROLE_PPK] = M_WEB_ROLE_PPK,
		[ROLE_BKPSDM] = M_WEB_ROLE_BKPSDM, [ROLE_ASN] = M_WEB_ROLE_ASN,
		[ROLE_AUDITOR] = M_WEB_ROLE_AUDITOR, [ROLE_CUSTODIAN] = M_WEB_ROLE_CUSTODIAN,
		[ROLE_PANSEL] = M_WEB_ROLE_PANSEL,
	};
	if ((unsigned)r >= ROLE__COUNT || !ids[r])
		return "-";
	return page_t(pg, ids[r]);
}

static void nav_link(struct page *pg, const char *href_cur, const char *path, enum msg_id label)
{
	struct html *h = &pg->h;
	html_raw(h, "<li><a");
	html_attr(h, "href", path);
	size_t pl = strlen(path);
	if (!strcmp(href_cur, path) || (pl > 1 && !strncmp(href_cur, path, pl) && href_cur[pl] == '/'))
		html_raw(h, " aria-current=\"page\"");
	html_raw(h, ">");
	html_text(h, page_t(pg, label));
	html_raw(h, "</a></li>");
}

void page_begin(struct page *pg, struct http_req *req, struct http_resp *resp, int status,
		const char *title)
{
	pg->req = req;
	pg->resp = resp;
	buf_reset(&resp->body);
	http_resp_start(resp, status, HTTP_CT_HTML);
	html_init(&pg->h, &resp->body);
	struct html *h = &pg->h;
	html_raw(h, "<!DOCTYPE html>\n<html");
	html_attr(h, "lang", lang_code(req->lang));
	html_raw(h, "><head><meta charset=\"utf-8\">"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
		    "<title>");
	html_text(h, title);
	html_raw(h, " — ");
	html_text(h, page_t(pg, M_WEB_APP_NAME));
	html_raw(h, "</title><link rel=\"stylesheet\" href=\"/static/wasdal.css\">"
		    "<link rel=\"stylesheet\" href=\"/static/print.css\" media=\"print\"><link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">");
	if (pg->css) {
		html_raw(h, "<link rel=\"stylesheet\"");
		html_attr(h, "href", pg->css);
		html_raw(h, ">");
	}
	html_raw(h, "<script src=\"/static/wasdal.js\" defer></script></head>\n<body>"
		    "<a class=\"skip\" href=\"#main\">");
	html_text(h, page_t(pg, M_WEB_SKIP));
	html_raw(h, "</a>\n<header class=\"banner\"><div class=\"wrap\">"
		    "<a class=\"brand\" href=\"/\">");
	html_text(h, page_t(pg, M_WEB_APP_NAME));
	html_raw(h, "</a>");
	if (req->authenticated) {
		const struct principal *p = &req->principal;
		html_raw(h, "<nav aria-label=\"");
		html_text(h, page_t(pg, M_WEB_NAV_LABEL));
		html_raw(h, "\"><ul>");
		nav_link(pg, req->path, "/", M_WEB_NAV_HOME);
		if (principal_can(p, PERM_REGISTRY_READ))
			nav_link(pg, req->path, "/pegawai", M_WEB_NAV_PEGAWAI);
		if (principal_can(p, PERM_REGISTRY_WRITE))
			nav_link(pg, req->path, "/impor", M_WEB_NAV_IMPORT);
		if (kasus_role_can_read(p->role))
			nav_link(pg, req->path, "/kasus", M_KSW_NAV);
		if (audit_view_allowed(p))
			nav_link(pg, req->path, "/audit", M_WEB_NAV_AUDIT);
		if (p->role == ROLE_ASN || kampanye_may_view(p))
			nav_link(pg, req->path, "/kampanye", M_KW_NAV);
		if (acara_can_read(p))
			nav_link(pg, req->path, "/acara", M_AW_NAV);
		if (p->role == ROLE_ASN)
			nav_link(pg, req->path, "/hadir", M_AW_NAV_HADIR);
		if (statistik_can_view(p))
			nav_link(pg, req->path, "/dasbor", M_DB_NAV);
		if (p->role == ROLE_CUSTODIAN)
			nav_link(pg, req->path, "/lapor/identitas", M_LAPW_BUKA_NAV);
		html_raw(h, "</ul></nav>");
	}
	html_raw(h, "<div class=\"tools\">");
	if (req->authenticated) {
		html_raw(h, "<span class=\"who\">");
		html_text(h, page_t(pg, M_WEB_LOGGED_IN_AS));
		html_raw(h, " <strong>");
		html_text(h, req->principal.nama[0] ? req->principal.nama : req->principal.username);
		html_raw(h, "</strong> (");
		html_text(h, role_label(pg, req->principal.role));
		html_raw(h, ")</span><form class=\"inline\" method=\"post\" action=\"/logout\">");
		page_csrf(pg);
		html_raw(h, "<button type=\"submit\" class=\"link\">");
		html_text(h, page_t(pg, M_WEB_LOGOUT));
		html_raw(h, "</button></form>");
	}
	html_raw(h, "<a class=\"lang\"");
	html_url_begin_path(h, "href", req->path);
	html_url_arg(h, "lang", req->lang == LANG_EN ? "id" : "en");
	html_url_end(h);
	html_raw(h, " hreflang=\"");
	html_text(h, req->lang == LANG_EN ? "id" : "en");
	html_raw(h, "\" lang=\"");
	html_text(h, req->lang == LANG_EN ? "id" : "en");
	html_raw(h, "\" aria-label=\"");
	html_text(h, page_t(pg, M_WEB_LANG_SWITCH_LABEL));
	html_raw(h, ": ");
	html_text(h, page_t(pg, M_WEB_LANG_SWITCH));
	html_raw(h, "\">");
	html_text(h, page_t(pg, M_WEB_LANG_SWITCH));
	html_raw(h, "</a></div></div></header>\n<main id=\"main\" tabindex=\"-1\"><div class=\"wrap\">"
		    "<h1>");
	html_text(h, title);
	html_raw(h, "</h1>\n");
}

int page_end(struct page *pg)
{
	struct html *h = &pg->h;
	html_raw(h, "</div></main>\n<footer class=\"site\"><div class=\"wrap\"><p>");
	html_text(h, page_t(pg, M_WEB_FOOTER));
	html_raw(h, "</p></div></footer>\n</body></html>\n");
	if (!pg->req->authenticated)
		(void)http_resp_header(pg->req, pg->resp, "Cache-Control", "no-store");
	return h->err;
}

void page_csrf(struct page *pg)
{
	html_raw(&pg->h, "<input type=\"hidden\" name=\"csrf\"");
	html_attr(&pg->h, "value", pg->req->csrf);
	html_raw(&pg->h, ">");
}

/* What every form control starts with: <div class="field"> (has-error
 * when error), its label, then the hint and the error text (either may be
 * 0), each with an id for field_aria(). */
static void field_open(struct page *pg, const char *id, enum msg_id label, enum msg_id hint,
		       enum msg_id error)
{
	struct html *h = &pg->h;
	html_raw(h, "<div class=\"field");
	if (error)
		html_raw(h, " has-error");
	html_raw(h, "\"><label");
	html_attr(h, "for", id);
	html_raw(h, ">");
	html_text(h, page_t(pg, label));
	html_raw(h, "</label>");
	if (hint) {
		html_raw(h, "<p class=\"hint\"");
		html_attr(h, "id", http_printf(pg->req, "%s-hint", id));
		html_raw(h, ">");
		html_text(h, page_t(pg, hint));
		html_raw(h, "</p>");
	}
	if (error) {
		html_raw(h, "<p class=\"field-error\"");
		html_attr(h, "id", http_printf(pg->req, "%s-err", id));
		html_raw(h, ">");
		html_text(h, page_t(pg, error));
		html_raw(h, "</p>");
	}
}

/* The control's aria-invalid and aria-describedby (hint, then error). */
static void field_aria(struct page *pg, const char *id, enum msg_id hint, enum msg_id error)
{
	struct html *h = &pg->h;
	if (error)
		html_raw(h, " aria-invalid=\"true\"");
	if (error || hint)
		html_attr(h, "aria-describedby",
			  http_printf(pg->req, "%s%s%s", hint ? id : "", hint ? "-hint" : "",
				      error ? http_printf(pg->req, "%s%s-err", hint ? " " : "", id) : ""));
}

void page_input(struct page *pg, const char *id, enum msg_id label, const char *type,
		const char *value, enum msg_id error, const char *autocomplete)
{
	struct html *h = &pg->h;
	field_open(pg, id, label, 0, error);
	html_raw(h, "<input");
	html_attr(h, "type", type);
	html_attr(h, "id", id);
	html_attr(h, "name", id);
	if (value && strcmp(type, "password") != 0)
		html_attr(h, "value", value);
	if (autocomplete)
		html_attr(h, "autocomplete", autocomplete);
	field_aria(pg, id, 0, error);
	html_raw(h, "></div>\n");
}

void page_select(struct page *pg, const char *id, enum msg_id label, const char *const *values,
		 const char *const *labels, size_t n, const char *selected, enum msg_id error)
{
	struct html *h = &pg->h;
	field_open(pg, id, label, 0, error);
	html_raw(h, "<select");
	html_attr(h, "id", id);
	html_attr(h, "name", id);
	field_aria(pg, id, 0, error);
	html_raw(h, ">");
	for (size_t i = 0; i < n; i++) {
		html_raw(h, "<option");
		html_attr(h, "value", values[i]);
		if (selected && !strcmp(selected, values[i]))
			html_raw(h, " selected");
		html_raw(h, ">");
		if (labels && labels[i])
			html_text(h, labels[i]);
		else if (!*values[i])
			html_text(h, page_t(pg, M_WEB_PEG_ANY));
		else
			html_text(h, values[i]);
		html_raw(h, "</option>");
	}
	html_raw(h, "</select></div>\n");
}

void page_textarea(struct page *pg, const char *id, enum msg_id label, const char *value,
		   int rows, enum msg_id error, enum msg_id hint)
{
	struct html *h = &pg->h;
	field_open(pg, id, label, hint, error);
	html_raw(h, "<textarea");
	html_attr(h, "id", id);
	html_attr(h, "name", id);
	html_attr(h, "rows", http_printf(pg->req, "%d", rows));
	field_aria(pg, id, hint, error);
	html_raw(h, ">");
	html_text(h, value ? value : "");
	html_raw(h, "</textarea></div>\n");
}

void page_th_cols(struct page *pg, const enum msg_id *labels, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		html_raw(&pg->h, "<th scope=\"col\">");
		html_text(&pg->h, page_t(pg, labels[i]));
		html_raw(&pg->h, "</th>");
	}
}

void page_notice(struct page *pg, const char *cls, const char *text)
{
	struct html *h = &pg->h;
	int err = !strcmp(cls, "error");
	html_raw(h, "<div");
	html_attr(h, "class", err ? "notice error" : "notice ok");
	if (err)
		html_raw(h, " role=\"alert\">");
	else
		html_raw(h, " role=\"status\">");
	html_text(h, text);
	html_raw(h, "</div>\n");
}

void web_error_page(struct http_req *req, struct http_resp *resp, int status, const char *detail)
{
	struct page pg = { .req = req, .resp = resp };
	const char *title = page_tf(&pg, M_WEB_ERROR_TITLE, status);
	page_begin(&pg, req, resp, status, title);
	struct html *h = &pg.h;
	html_raw(h, "<p class=\"lead\">");
	html_text(h, msg(http_status_msg(status), req->lang));
	html_raw(h, "</p>");
	if (detail) {
		html_raw(h, "<p class=\"detail\">");
		html_text(h, detail);
		html_raw(h, "</p>");
	}
	html_raw(h, "<p><a href=\"/\">");
	html_text(h, page_t(&pg, M_WEB_ERROR_BACK));
	html_raw(h, "</a></p>");
	if (page_end(&pg)) {
		buf_reset(&resp->body);
		if (buf_adds(&resp->body, "error")) {
			/* nothing more to do: the body stays empty */
		}
	}
}
