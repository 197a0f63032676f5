/* CSV import: a multipart upload, all-or-nothing by default or partial,
 * and the per-row error report. */
#include "core/compat.h"
#include "core/err.h"
#include "web/page_csv_import.h"

static void form(struct page *pg)
{
	page_csv_import_form(pg, M_WEB_IMP_INTRO, "/impor");
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
	struct page pg = { .req = req, .resp = resp };
	struct page_csv_import ci;
	int rc = page_csv_import_open(&pg, &ci, page_t(&pg, M_WEB_IMP_TITLE), M_WEB_IMP_INTRO,
				      "/impor");
	if (rc == APP_EINVAL)
		return page_end(&pg);
	if (rc)
		return rc;
	struct import_stats st;
	memset(&st, 0, sizeof(st));
	rc = registry_import_csv(req->store, &req->principal, ci.in, &ci.opts, &st);
	page_csv_import_close(&ci);
	if (rc && rc != APP_EINVAL)
		return rc;

	page_begin(&pg, req, resp, rc ? 422 : 200, page_t(&pg, M_WEB_IMP_RESULT));
	struct html *h = &pg.h;
	page_csv_import_outcome(&pg, st.committed, M_WEB_IMP_COMMITTED,
				page_tf(&pg, M_IMP_SUMMARY, (long long)st.rows, (long long)st.ok,
					(long long)st.bad, (long long)st.created,
					(long long)st.updated, (long long)st.unchanged,
					(long long)st.units_created));
	page_csv_import_errors(&pg, &ci);
	html_raw(h, "<h2>");
	html_text(h, page_t(&pg, M_WEB_IMP_TITLE));
	html_raw(h, "</h2>");
	form(&pg);
	return page_end(&pg);
}
