/* GET /instansi/:kode/kunci: the published Ed25519 public keys of an
 * instansi (public, no login), the current one first, then the retired
 * ones that still verify older signatures. JSON at
 * /api/v1/instansi/:kode/kunci (src/api/api_integrity.c). */
#include "core/compat.h"
#include "app/integrity.h"
#include "core/err.h"
#include "web/page.h"
#include "web/web.h"
#include <time.h>

static const char *utc(struct http_req *req, int64_t ms)
{
	time_t t = (time_t)(ms / 1000);
	struct tm tm;
	char b[32];
	gmtime_r(&t, &tm);
	strftime(b, sizeof(b), "%Y-%m-%d %H:%M UTC", &tm);
	return http_strdup(req, b);
}

int page_instansi_kunci(struct http_req *req, struct http_resp *resp)
{
	struct instansi in;
	struct instansi_key *keys = http_alloc(req, INTEGRITY_MAX_KEYS * sizeof(*keys));
	size_t n = 0;
	if (!keys)
		return APP_ENOMEM;
	int rc = integrity_keys_public(req->store, http_path_param(req, "kode"), &in, keys,
				       INTEGRITY_MAX_KEYS, &n);
	if (rc)
		return rc;
	struct page pg = { .req = req, .resp = resp };
	page_begin(&pg, req, resp, 200, page_tf(&pg, M_KEY_TITLE, in.nama));
	struct html *h = &pg.h;
	html_raw(h, "<p class=\"lead\">");
	html_text(h, page_t(&pg, M_KEY_LEAD));
	html_raw(h, "</p>\n");
	size_t first_retired = 0;
	if (n && keys[0].retired_ms == 0) {
		first_retired = 1;
		html_raw(h, "<h2>");
		html_text(h, page_t(&pg, M_KEY_CURRENT));
		html_raw(h, "</h2><p><code class=\"kunci\" id=\"kunci-aktif\">");
		html_text(h, keys[0].public_hex);
		html_raw(h, "</code></p><p>");
		html_text(h, page_t(&pg, M_KEY_COL_FROM));
		html_raw(h, ": ");
		html_text(h, utc(req, keys[0].created_ms));
		html_raw(h, "</p>\n<p>");
		html_text(h, page_t(&pg, M_KEY_HOW));
		html_raw(h, "</p><pre><code>wasdal verify-signature --pubkey ");
		html_text(h, keys[0].public_hex);
		html_raw(h, " WSD1....</code></pre>\n");
	} else {
		page_notice(&pg, "error", page_t(&pg, M_KEY_NONE));
	}
	if (n > first_retired) {
		html_raw(h, "<h2>");
		html_text(h, page_t(&pg, M_KEY_RETIRED));
		html_raw(h, "</h2><div class=\"table-wrap\"><table class=\"data\"><thead><tr><th scope=\"col\">");
		html_text(h, page_t(&pg, M_KEY_COL_KEY));
		html_raw(h, "</th><th scope=\"col\">");
		html_text(h, page_t(&pg, M_KEY_COL_FROM));
		html_raw(h, "</th><th scope=\"col\">");
		html_text(h, page_t(&pg, M_KEY_COL_TO));
		html_raw(h, "</th></tr></thead><tbody>");
		for (size_t i = first_retired; i < n; i++) {
			html_raw(h, "<tr><td><code class=\"kunci\">");
			html_text(h, keys[i].public_hex);
			html_raw(h, "</code></td><td>");
			html_text(h, utc(req, keys[i].created_ms));
			html_raw(h, "</td><td>");
			html_text(h, utc(req, keys[i].retired_ms));
			html_raw(h, "</td></tr>");
		}
		html_raw(h, "</tbody></table></div>\n");
	}
	html_raw(h, "<p><a");
	html_url_begin_path(h, "href", http_printf(req, "/api/v1/instansi/%s/kunci", in.kode));
	html_url_end(h);
	html_raw(h, ">");
	html_text(h, page_t(&pg, M_KEY_JSON));
	html_raw(h, "</a></p>\n");
	return page_end(&pg);
}
