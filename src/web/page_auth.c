/* Login, logout and the home page (dashboard per role). */
#include "core/compat.h"
#include "core/err.h"
#include "core/limits.h"
#include "app/auth.h"
#include "app/registry.h"
#include "app/acara.h"
#include "app/audit_view.h"
#include "app/kampanye.h"
#include "web/page.h"

static int login_form(struct http_req *req, struct http_resp *resp, int status,
		      const char *username, const char *error, int logged_out)
{
	struct page pg = { .req = req, .resp = resp };
	page_begin(&pg, req, resp, status, page_t(&pg, M_WEB_LOGIN_TITLE));
	struct html *h = &pg.h;
	if (logged_out)
		page_notice(&pg, "ok", page_t(&pg, M_WEB_LOGGED_OUT));
	if (error)
		page_notice(&pg, "error", error);
	html_raw(h, "<p>");
	html_text(h, page_t(&pg, M_WEB_LOGIN_INTRO));
	html_raw(h, "</p><form class=\"card narrow\" method=\"post\" action=\"/login\">");
	page_csrf(&pg);
	page_input(&pg, "username", M_WEB_LOGIN_USERNAME, "text", username, 0, "username");
	page_input(&pg, "password", M_WEB_LOGIN_PASSWORD, "password", NULL, 0, "current-password");
	html_raw(h, "<button type=\"submit\">");
	html_text(h, page_t(&pg, M_WEB_LOGIN_SUBMIT));
	html_raw(h, "</button></form>");
	return page_end(&pg);
}

int page_login_get(struct http_req *req, struct http_resp *resp)
{
	if (req->authenticated) {
		http_redirect(req, resp, "/");
		return 0;
	}
	const char *out = http_query(req, "keluar");
	return login_form(req, resp, 200, NULL, NULL, out && !strcmp(out, "1"));
}

int page_login_post(struct http_req *req, struct http_resp *resp)
{
	const char *user = http_form(req, "username");
	const char *pass = http_form(req, "password");
	if (!user || !*user || !pass || !*pass)
		return login_form(req, resp, 400, user, http_msg(req, M_WEB_LOGIN_REQUIRED), 0);
	struct principal p;
	char token[AUTH_TOKEN_HEX], csrf[AUTH_TOKEN_HEX];
	int rc = auth_login(req->store, user, pass, req->client_key, req->lang, &p, token, csrf);
	if (rc == APP_EAUTH || rc == APP_EBUSY)
		return login_form(req, resp, rc == APP_EAUTH ? 401 : 429, user,
				  http_msg(req, auth_error_msg(rc)), 0);
	if (rc)
		return rc;
	/* An old session cookie, if any, is replaced (no session fixation: the
	 * token is new on every login). */
	if (http_set_cookie(req, resp, HTTP_SESSION_COOKIE, token,
			    (int64_t)LIMIT_SESSION_ABSOLUTE_MIN * 60))
		return APP_EINTERNAL;
	http_redirect(req, resp, "/");
	return 0;
}

int page_logout_post(struct http_req *req, struct http_resp *resp)
{
	const char *tok = http_cookie(req, HTTP_SESSION_COOKIE);
	if (tok)
		(void)auth_logout(req->store, tok);
	(void)http_set_cookie(req, resp, HTTP_SESSION_COOKIE, "", 0);
	http_redirect(req, resp, "/login?keluar=1");
	return 0;
}

static void task(struct page *pg, const char *href, enum msg_id title, enum msg_id desc)
{
	struct html *h = &pg->h;
	html_raw(h, "<li class=\"task\"><a");
	html_attr(h, "href", href);
	html_raw(h, ">");
	html_text(h, page_t(pg, title));
	html_raw(h, "</a><p>");
	html_text(h, page_t(pg, desc));
	html_raw(h, "</p></li>");
}

static int first_instansi(void *ctx, const struct instansi *in)
{
	struct instansi *out = ctx;
	*out = *in;
	return 1; /* ordered by path: the first is the scope node itself */
}

/* The name of the principal's scope node ("Pemerintah Kabupaten Banyumas"). */
static const char *scope_name(struct http_req *req, const struct page *pg)
{
	struct instansi top;
	memset(&top, 0, sizeof(top));
	if (registry_instansi_list(req->store, &req->principal, first_instansi, &top) < 0 ||
	    !top.nama[0] || top.parent_id == 0)
		return page_t(pg, M_WEB_SCOPE_NATIONAL);
	return http_strdup(req, top.nama);
}

int page_home(struct http_req *req, struct http_resp *resp)
{
	const struct principal *p = &req->principal;
	struct page pg = { .req = req, .resp = resp };
	page_begin(&pg, req, resp, 200, page_t(&pg, M_WEB_HOME_TITLE));
	struct html *h = &pg.h;
	html_raw(h, "<p class=\"lead\">");
	html_text(h, page_tf(&pg, M_WEB_HOME_WELCOME, p->nama[0] ? p->nama : p->username));
	html_raw(h, "</p><dl class=\"facts\"><dt>");
	html_text(h, page_t(&pg, M_WEB_HOME_ROLE));
	html_raw(h, "</dt><dd>");
	html_text(h, role_label(&pg, p->role));
	html_raw(h, "</dd><dt>");
	html_text(h, page_t(&pg, M_WEB_HOME_SCOPE));
	html_raw(h, "</dt><dd>");
	html_text(h, scope_name(req, &pg));
	html_raw(h, "</dd></dl>");
	if (principal_can(p, PERM_REGISTRY_READ) && p->role != ROLE_ASN) {
		struct pegawai_filter f = { .scope_path = p->scope_path };
		int64_t n = 0;
		if (registry_count(req->store, p, &f, &n) == 0) {
			html_raw(h, "<p>");
			html_text(h, page_tf(&pg, M_WEB_HOME_TOTAL, (long long)n));
			html_raw(h, "</p>");
		}
	}
	html_raw(h, "<h2>");
	html_text(h, page_t(&pg, M_WEB_HOME_TASKS));
	html_raw(h, "</h2><ul class=\"tasks\">");
	int any = 0;
	if (p->role == ROLE_ASN && p->nip[0]) {
		html_raw(h, "<li class=\"task\"><a");
		html_url_begin(h, "href", "/pegawai/");
		html_url_seg(h, p->nip);
		html_url_end(h);
		html_raw(h, ">");
		html_text(h, page_t(&pg, M_WEB_HOME_OWN_RECORD));
		html_raw(h, "</a></li>");
		any = 1;
	} else if (principal_can(p, PERM_REGISTRY_READ)) {
		task(&pg, "/pegawai", M_WEB_NAV_PEGAWAI, M_WEB_HOME_PEGAWAI_DESC);
		any = 1;
	}
	if (principal_can(p, PERM_REGISTRY_WRITE)) {
		task(&pg, "/impor", M_WEB_NAV_IMPORT, M_WEB_HOME_IMPORT_DESC);
		any = 1;
	}
	if (audit_view_allowed(p)) {
		task(&pg, "/audit", M_WEB_NAV_AUDIT, M_WEB_HOME_AUDIT_DESC);
		any = 1;
	}
	if (p->role == ROLE_ASN || kampanye_may_view(p)) {
		task(&pg, "/kampanye", M_KW_NAV, p->role == ROLE_ASN ? M_KW_HOME_ASN : M_KW_HOME_DESC);
		any = 1;
	}
	if (acara_can_read(p)) {
		task(&pg, "/acara", M_AW_NAV, M_AW_HOME_DESC);
		any = 1;
	}
	if (p->role == ROLE_ASN) {
		task(&pg, "/hadir", M_AW_NAV_HADIR, M_AW_HOME_HADIR_DESC);
		any = 1;
	}
	html_raw(h, "</ul>");
	if (!any) {
		html_raw(h, "<p>");
		html_text(h, page_t(&pg, M_WEB_HOME_NO_TASKS));
		html_raw(h, "</p>");
	}
	return page_end(&pg);
}
