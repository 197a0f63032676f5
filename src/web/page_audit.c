/* The audit chain for auditors and administrators: newest first, paged by
 * seq, with the head hash and a verify button (a GET: it changes nothing). */
#include "core/compat.h"
#include "core/err.h"
#include "core/limits.h"
#include "app/audit.h"
#include "app/audit_view.h"
#include "web/diff_view.h"
#include "web/page.h"
#include <time.h>

struct rows {
	struct page *pg;
	int n;
	int64_t last_seq;
};

static void short_hash(struct html *h, const char *hash)
{
	html_raw(h, "<code class=\"hash\"");
	html_attr(h, "title", hash);
	html_raw(h, ">");
	html_textn(h, hash, strlen(hash) > 12 ? 12 : strlen(hash));
	html_raw(h, "…</code>");
}

static int row_cb(void *ctx, const struct audit_rec *r)
{
	struct rows *rs = ctx;
	struct html *h = &rs->pg->h;
	char ts[32];
	time_t t = (time_t)(r->ts_ms / 1000);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(ts, sizeof(ts), "%Y-%m-%d %H:%M:%S", &tm);
	html_raw(h, "<tr><td>");
	html_int(h, r->seq);
	html_raw(h, "</td><td>");
	html_text(h, ts);
	html_raw(h, "</td><td>");
	html_text(h, r->actor);
	html_raw(h, "</td><td>");
	html_text(h, r->action);
	html_raw(h, "</td><td>");
	html_text(h, r->object_type);
	if (r->object_id[0]) {
		html_raw(h, " ");
		html_text(h, r->object_id);
	}
	html_raw(h, "</td><td>");
	diff_view(h, r->diff);
	html_raw(h, "</td><td>");
	short_hash(h, r->prev_hash);
	html_raw(h, "</td><td>");
	short_hash(h, r->hash);
	html_raw(h, "</td></tr>\n");
	rs->n++;
	rs->last_seq = r->seq;
	return 0;
}

int page_audit(struct http_req *req, struct http_resp *resp)
{
	const struct principal *p = &req->principal;
	if (!audit_view_allowed(p))
		return APP_EPERM;
	int64_t head = 0, before = 0;
	char hash[65] = "";
	int rc = audit_view_head(req->store, p, &head, hash);
	if (rc)
		return rc;
	const char *b = http_query(req, "sebelum");
	if (b && *b && http_parse_int64(b, &before))
		return APP_EINVAL;
	const char *verify = http_query(req, "verifikasi");

	struct page pg = { .req = req, .resp = resp };
	page_begin(&pg, req, resp, 200, page_t(&pg, M_WEB_AUD_TITLE));
	struct html *h = &pg.h;
	if (verify && !strcmp(verify, "1")) {
		struct audit_verify_result vr;
		memset(&vr, 0, sizeof(vr));
		rc = audit_view_verify(req->store, p, &vr);
		if (rc == 0)
			page_notice(&pg, "ok", page_tf(&pg, M_WEB_AUD_VERIFY_OK, (long long)vr.count));
		else if (rc == APP_ECONFLICT)
			page_notice(&pg, "error", page_tf(&pg, M_WEB_AUD_VERIFY_BAD, (long long)vr.bad_seq,
							  vr.problem));
		else
			return rc;
	}
	html_raw(h, "<p>");
	html_text(h, page_t(&pg, M_WEB_AUD_INTRO));
	html_raw(h, "</p><dl class=\"facts\"><dt>");
	html_text(h, page_t(&pg, M_WEB_AUD_COUNT));
	html_raw(h, "</dt><dd>");
	html_int(h, head);
	html_raw(h, "</dd><dt>");
	html_text(h, page_t(&pg, M_WEB_AUD_HEAD));
	html_raw(h, "</dt><dd><code class=\"hash full\" id=\"head-hash\">");
	html_text(h, hash);
	html_raw(h, "</code></dd></dl><form method=\"get\" action=\"/audit\">"
		    "<input type=\"hidden\" name=\"verifikasi\" value=\"1\"><button type=\"submit\">");
	html_text(h, page_t(&pg, M_WEB_AUD_VERIFY));
	html_raw(h, "</button></form>");

	/* focusable: long hashes or names can make it scroll sideways, and a
	 * keyboard user must be able to scroll it then (WCAG 2.1.1) */
	html_raw(h, "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\"");
	html_attr(h, "aria-label", page_t(&pg, M_WEB_AUD_CAPTION));
	html_raw(h, "><table class=\"data audit\"><caption>");
	html_text(h, page_t(&pg, M_WEB_AUD_CAPTION));
	html_raw(h, "</caption><thead><tr>");
	static const enum msg_id cols[] = { M_WEB_AUD_SEQ, M_WEB_AUD_TIME, M_WEB_AUD_ACTOR,
					    M_WEB_AUD_ACTION, M_WEB_AUD_OBJECT, M_WEB_AUD_DIFF,
					    M_WEB_AUD_PREV, M_WEB_AUD_HASH };
	page_th_cols(&pg, cols, ARRAY_SIZE(cols));
	html_raw(h, "</tr></thead><tbody>");
	struct rows rs = { &pg, 0, 0 };
	rc = audit_view_page(req->store, p, before, LIMIT_AUDIT_PAGE, row_cb, &rs);
	if (rc < 0)
		return rc;
	if (rs.n == 0) {
		html_raw(h, "<tr><td colspan=\"8\">");
		html_text(h, page_t(&pg, M_WEB_AUD_EMPTY));
		html_raw(h, "</td></tr>");
	}
	html_raw(h, "</tbody></table></div><nav class=\"pager\" aria-label=\"pagination\">");
	if (before && before <= head) {
		html_raw(h, "<a href=\"/audit\">");
		html_text(h, page_t(&pg, M_WEB_AUD_LATEST));
		html_raw(h, "</a> ");
	}
	if (rs.n && rs.last_seq > 1) {
		html_raw(h, "<a rel=\"next\"");
		html_url_begin(h, "href", "/audit");
		html_url_arg(h, "sebelum", http_printf(req, "%" PRId64, rs.last_seq));
		html_url_end(h);
		html_raw(h, ">");
		html_text(h, page_t(&pg, M_WEB_AUD_OLDER));
		html_raw(h, "</a>");
	}
	html_raw(h, "</nav>");
	return page_end(&pg);
}
