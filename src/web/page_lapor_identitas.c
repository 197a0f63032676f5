/* GET/POST /lapor/identitas: the custodian opens the sealed identity of a
 * reporter (app/laporan.h, laporan_buka_identitas): the case number, the
 * reason (recorded, and shown to the reporter with the custodian's name)
 * and the oversight-key passphrase. Role custodian only; the identity is
 * shown once on the answer page, which is never cached. */
#include "core/compat.h"
#include "app/laporan.h"
#include "core/err.h"
#include "web/page.h"
#include "web/page_lapor.h"
#include <sodium.h>

static int form_page(struct http_req *req, struct http_resp *resp, int status, const char *nomor,
		     const char *alasan, const char *notice)
{
	struct page pg = { .req = req, .resp = resp };
	page_begin(&pg, req, resp, status, page_t(&pg, M_LAPW_BUKA_TITLE));
	struct html *h = &pg.h;
	if (notice)
		page_notice(&pg, "error", notice);
	html_raw(h, "<p>");
	html_text(h, page_t(&pg, M_LAPW_BUKA_INTRO));
	html_raw(h, "</p><form class=\"card narrow\" method=\"post\" action=\"/lapor/identitas\">");
	page_csrf(&pg);
	page_input(&pg, "nomor", M_LAPW_NOMOR, "text", nomor, 0, "off");
	lapor_textarea(&pg, "alasan", M_LAPW_BUKA_ALASAN, M_LAPW_BUKA_ALASAN_HINT, alasan, 0, 3);
	page_input(&pg, "passphrase", M_LAPW_BUKA_PASS, "password", NULL, 0, "off");
	html_raw(h, "<button type=\"submit\">");
	html_text(h, page_t(&pg, M_LAPW_BUKA_SUBMIT));
	html_raw(h, "</button></form>");
	return page_end(&pg);
}

int page_lapor_identitas_get(struct http_req *req, struct http_resp *resp)
{
	if (req->principal.role != ROLE_CUSTODIAN)
		return APP_EPERM;
	return form_page(req, resp, 200, NULL, NULL, NULL);
}

static void fact(struct page *pg, enum msg_id label, const char *value)
{
	html_raw(&pg->h, "<dt>");
	html_text(&pg->h, page_t(pg, label));
	html_raw(&pg->h, "</dt><dd>");
	html_text(&pg->h, value[0] ? value : "—");
	html_raw(&pg->h, "</dd>");
}

int page_lapor_identitas_post(struct http_req *req, struct http_resp *resp)
{
	if (req->principal.role != ROLE_CUSTODIAN)
		return APP_EPERM;
	const char *nomor = http_form(req, "nomor");
	const char *alasan = http_form(req, "alasan");
	const char *pass = http_form(req, "passphrase");
	struct laporan_identitas id;
	int rc = laporan_buka_identitas(req->store, &req->principal, nomor ? nomor : "", alasan,
					pass ? pass : "", &id);
	if (rc == APP_EINVAL)
		return form_page(req, resp, 400, nomor, alasan, http_msg(req, M_LAP_ERR_ALASAN));
	if (rc == APP_EPERM)
		return form_page(req, resp, 403, nomor, alasan, http_msg(req, M_LAP_ERR_BUKA_PERM));
	if (rc == APP_ENOTFOUND)
		return form_page(req, resp, 404, nomor, alasan, http_msg(req, M_LAPW_BUKA_NOTFOUND));
	if (rc)
		return rc;
	struct page pg = { .req = req, .resp = resp };
	page_begin(&pg, req, resp, 200, page_tf(&pg, M_LAPW_BUKA_DONE, nomor));
	page_notice(&pg, "ok", page_t(&pg, M_LAPW_BUKA_RECORDED));
	html_raw(&pg.h, "<dl class=\"facts\" id=\"identitas\">");
	fact(&pg, M_LAPW_PELAPOR_NAMA, id.nama);
	fact(&pg, M_LAPW_PELAPOR_NIK, id.nik);
	fact(&pg, M_LAPW_PELAPOR_ALAMAT, id.alamat);
	fact(&pg, M_LAPW_PELAPOR_KONTAK, id.kontak);
	fact(&pg, M_LAPW_PELAPOR_JENIS, id.jenis);
	html_raw(&pg.h, "</dl>");
	sodium_memzero(&id, sizeof(id));
	return page_end(&pg); /* no-store, as every response without its own Cache-Control */
}
