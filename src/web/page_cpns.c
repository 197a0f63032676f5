/* GET/POST /cpns/hasil: an applicant checks their own SKD result with the
 * registration number and NIK (app/cpns_result.h does the lookup, the rate
 * limit and the no-existence-leak rule). Public, no JavaScript needed.
 *
 * The lookup is a POST so the NIK never sits in a URL, a browser history or
 * a proxy log; the route is ROUTE_NO_IP_LOG and the server's access log
 * never holds a body. A wrong NIK and an unknown number get byte-identical
 * pages (nothing typed is echoed back on "not found"). */
#include "core/compat.h"
#include "app/cpns_result.h"
#include "core/err.h"
#include "web/page.h"
#include <time.h>

static void form(struct page *pg, const char *aid, enum msg_id aid_err, enum msg_id nik_err)
{
	struct html *h = &pg->h;
	html_raw(h, "<p>");
	html_text(h, page_t(pg, M_CPNS_HASIL_INTRO));
	html_raw(h, "</p><form class=\"card narrow\" method=\"post\" action=\"/cpns/hasil\">");
	page_csrf(pg);
	page_input(pg, "applicant_id", M_CPNS_HASIL_AID, "text", aid, aid_err, "off");
	page_input(pg, "nik", M_CPNS_HASIL_NIK, "text", NULL, nik_err, "off");
	html_raw(h, "<button type=\"submit\">");
	html_text(h, page_t(pg, M_CPNS_HASIL_SUBMIT));
	html_raw(h, "</button></form>");
}

static int form_page(struct http_req *req, struct http_resp *resp, int status, const char *notice,
		     const char *aid, enum msg_id aid_err, enum msg_id nik_err)
{
	struct page pg = { .req = req, .resp = resp };
	page_begin(&pg, req, resp, status, page_t(&pg, M_CPNS_HASIL_TITLE));
	if (notice)
		page_notice(&pg, "error", notice);
	form(&pg, aid, aid_err, nik_err);
	return page_end(&pg);
}

int page_cpns_hasil_get(struct http_req *req, struct http_resp *resp)
{
	return form_page(req, resp, 200, NULL, NULL, 0, 0);
}

static enum msg_id status_text(const char *st)
{
	if (!strcmp(st, "P/L"))
		return M_CPNS_ST_PL;
	if (!strcmp(st, "P"))
		return M_CPNS_ST_P;
	if (!strcmp(st, "TL"))
		return M_CPNS_ST_TL;
	if (!strcmp(st, "TH"))
		return M_CPNS_ST_TH;
	return M_CPNS_ST_DIS;
}

static void fact(struct page *pg, enum msg_id label, const char *cls, const char *value)
{
	struct html *h = &pg->h;
	html_raw(h, "<dt>");
	html_text(h, page_t(pg, label));
	html_raw(h, "</dt><dd");
	html_attr(h, "class", cls);
	html_raw(h, ">");
	html_text(h, value);
	html_raw(h, "</dd>");
}

static const char *num_or_none(struct page *pg, int64_t v, int64_t none)
{
	return v == none ? page_t(pg, M_CPNS_HASIL_NONE) : http_printf(pg->req, "%lld", (long long)v);
}

static int result_page(struct http_req *req, struct http_resp *resp, const struct cpns_result *r)
{
	struct page pg = { .req = req, .resp = resp };
	page_begin(&pg, req, resp, 200, page_t(&pg, M_CPNS_HASIL_TITLE));
	struct html *h = &pg.h;
	html_raw(h, "<section aria-labelledby=\"hasil-h\"><h2 id=\"hasil-h\">");
	html_text(h, page_t(&pg, M_CPNS_HASIL_RESULT));
	html_raw(h, "</h2><dl class=\"facts\" id=\"hasil\">");
	fact(&pg, M_CPNS_HASIL_AID, "aid", http_printf(req, "%lld", (long long)r->applicant_id));
	fact(&pg, M_CPNS_HASIL_STATUS, "status", page_t(&pg, status_text(r->status)));
	fact(&pg, M_CPNS_HASIL_TOTAL, "total", num_or_none(&pg, r->total, -1));
	fact(&pg, M_CPNS_HASIL_RANK, "rank", num_or_none(&pg, r->rank, 0));
	fact(&pg, M_CPNS_HASIL_FORMATION, "formation", http_printf(req, "%lld", (long long)r->formation_id));
	fact(&pg, M_CPNS_HASIL_QUOTA, "quota", http_printf(req, "%d", r->quota));
	fact(&pg, M_CPNS_HASIL_PL_COUNT, "pl-count", http_printf(req, "%d", r->pl_count));
	fact(&pg, M_CPNS_HASIL_CUTOFF, "cutoff", num_or_none(&pg, r->cutoff_total, -1));
	html_raw(h, "</dl></section><section aria-labelledby=\"pub-h\"><h2 id=\"pub-h\">");
	html_text(h, page_t(&pg, M_CPNS_HASIL_LABEL));
	html_raw(h, "</h2><dl class=\"facts\">");
	if (r->label[0])
		fact(&pg, M_CPNS_HASIL_LABEL, "label", r->label);
	time_t t = (time_t)(r->published_ms / 1000);
	struct tm tm;
	char when[32];
	gmtime_r(&t, &tm);
	strftime(when, sizeof(when), "%Y-%m-%d %H:%M UTC", &tm);
	fact(&pg, M_CPNS_HASIL_PUBLISHED, "published", when);
	html_raw(h, "<dt>");
	html_text(h, page_t(&pg, M_CPNS_HASIL_SHA));
	html_raw(h, "</dt><dd><code class=\"sha\">");
	html_text(h, r->sha_results);
	html_raw(h, "</code></dd></dl></section><p><a href=\"/cpns/hasil\">");
	html_text(h, page_t(&pg, M_CPNS_HASIL_AGAIN));
	html_raw(h, "</a></p>");
	return page_end(&pg);
}

int page_cpns_hasil_post(struct http_req *req, struct http_resp *resp)
{
	const char *aid = http_form(req, "applicant_id");
	const char *nik = http_form(req, "nik");
	aid = aid ? aid : "";
	nik = nik ? nik : "";
	enum msg_id aid_err = cpns_result_valid_id(aid) ? 0 : M_CPNS_HASIL_BAD_AID;
	enum msg_id nik_err = cpns_result_valid_nik(nik) ? 0 : M_CPNS_HASIL_BAD_NIK;
	if (aid_err || nik_err)
		return form_page(req, resp, 400, http_msg(req, aid_err ? aid_err : nik_err),
				 aid_err ? NULL : aid, aid_err, nik_err);
	struct cpns_result r;
	int rc = cpns_result_lookup(req->store, req->client_key, aid, nik, req->now_ms, &r);
	if (rc == APP_EBUSY) {
		(void)http_resp_header(req, resp, "Retry-After", "60");
		return form_page(req, resp, 429, http_msg(req, M_CPNS_HASIL_RATE), NULL, 0, 0);
	}
	if (rc == APP_ENOTFOUND || rc == APP_EINVAL)
		return form_page(req, resp, 404, http_msg(req, M_CPNS_HASIL_NOT_FOUND), NULL, 0, 0);
	if (rc)
		return rc;
	return result_page(req, resp, &r);
}
