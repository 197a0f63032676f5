/* GET/POST /lapor: a citizen files a neutrality report, without an account
 * and without JavaScript (app/laporan.h checks and stores it). The route is
 * ROUTE_NO_IP_LOG and nothing about the connection is stored. On success
 * the page shows the receipt once, grouped 4-4-4-4, with the case number;
 * on a problem the form comes back with every field as typed (except
 * files, which a browser cannot refill) and each error beside its field. */
#include "core/compat.h"
#include "app/laporan.h"
#include "app/laporan_ref.h"
#include "core/date.h"
#include "core/err.h"
#include "web/page.h"
#include "web/page_lapor.h"
#include <sodium.h>
#include <stdarg.h>

void lapor_textarea(struct page *pg, const char *id, enum msg_id label, enum msg_id hint,
		    const char *value, enum msg_id error, int rows)
{
	page_textarea(pg, id, label, value, rows, error, hint);
}

void lapor_hint(struct page *pg, enum msg_id id)
{
	html_raw(&pg->h, "<p class=\"hint\">");
	html_text(&pg->h, page_t(pg, id));
	html_raw(&pg->h, "</p>");
}

static void radio(struct page *pg, const char *name, const char *value, enum msg_id label,
		  enum msg_id hint, const char *selected)
{
	struct html *h = &pg->h;
	const char *id = http_printf(pg->req, "%s-%s", name, value);
	html_raw(h, "<div class=\"field check\"><input type=\"radio\"");
	html_attr(h, "id", id);
	html_attr(h, "name", name);
	html_attr(h, "value", value);
	if (!strcmp(selected, value))
		html_raw(h, " checked");
	html_raw(h, "><label");
	html_attr(h, "for", id);
	html_raw(h, ">");
	html_text(h, page_t(pg, label));
	html_raw(h, "</label>");
	if (hint)
		lapor_hint(pg, hint);
	html_raw(h, "</div>\n");
}

void lapor_terlapor_fields(struct page *pg, const struct laporan_input *in,
			   const struct laporan_errors *err)
{
	page_input(pg, "terlapor_nama", M_LAPW_TERLAPOR_NAMA, "text", in->terlapor_nama,
		   laporan_error_of(err, "terlapor_nama"), "off");
	page_input(pg, "terlapor_nip", M_LAPW_TERLAPOR_NIP, "text", in->terlapor_nip,
		   laporan_error_of(err, "terlapor_nip"), "off");
	page_input(pg, "terlapor_jabatan", M_LAPW_TERLAPOR_JABATAN, "text", in->terlapor_jabatan,
		   laporan_error_of(err, "terlapor_jabatan"), "off");
	page_input(pg, "terlapor_instansi", M_LAPW_TERLAPOR_INSTANSI, "text", in->terlapor_instansi,
		   laporan_error_of(err, "terlapor_instansi"), "off");
}

void lapor_bukti_fields(struct page *pg, const char *tautan, const struct laporan_errors *err)
{
	struct html *h = &pg->h;
	enum msg_id e = laporan_error_of(err, "bukti");
	html_raw(h, "<div class=\"field");
	if (e)
		html_raw(h, " has-error");
	html_raw(h, "\"><label for=\"bukti\">");
	html_text(h, page_t(pg, M_LAPW_BUKTI));
	html_raw(h, "</label><p class=\"hint\" id=\"bukti-hint\">");
	html_text(h, page_t(pg, M_LAPW_BUKTI_HINT));
	html_raw(h, "</p>");
	if (e) {
		html_raw(h, "<p class=\"field-error\" id=\"bukti-err\">");
		html_text(h, page_t(pg, e));
		html_raw(h, "</p>");
	}
	html_raw(h, "<input type=\"file\" id=\"bukti\" name=\"bukti\" multiple"
		    " accept=\"image/jpeg,image/png,image/webp,application/pdf,video/mp4,video/webm\"");
	html_attr(h, "aria-describedby", e ? "bukti-hint bukti-err" : "bukti-hint");
	html_raw(h, "></div>\n");
	lapor_textarea(pg, "tautan", M_LAPW_TAUTAN, M_LAPW_TAUTAN_HINT, tautan,
		       laporan_error_of(err, "tautan"), 3);
}

static void form(struct page *pg, const struct laporan_input *in, const struct laporan_errors *err)
{
	struct html *h = &pg->h;
	struct http_req *req = pg->req;
	html_raw(h, "<p class=\"lead\">");
	html_text(h, page_t(pg, M_LAPW_INTRO));
	html_raw(h, "</p><p><a href=\"/lapor/pantau\">");
	html_text(h, page_t(pg, M_LAPW_HAVE_RECEIPT));
	html_raw(h, "</a></p>");
	html_raw(h, "<form class=\"lapor\" method=\"post\" action=\"/lapor\" enctype=\"multipart/form-data\">");
	page_csrf(pg);

	html_raw(h, "<fieldset><legend>");
	html_text(h, page_t(pg, M_LAPW_SEC_PEMILU));
	html_raw(h, "</legend>");
	static const char *const konteks[] = { "pemilu", "pilkada" };
	const char *konteks_l[] = { page_t(pg, M_LAPW_PEMILU), page_t(pg, M_LAPW_PILKADA) };
	page_select(pg, "konteks", M_LAPW_KONTEKS, konteks, konteks_l, 2,
		    in->konteks[0] ? in->konteks : "pilkada", laporan_error_of(err, "konteks"));
	page_input(pg, "wilayah", M_LAPW_WILAYAH, "text", in->wilayah, laporan_error_of(err, "wilayah"), "off");
	static const char *const pen[] = { "tidak_tahu", "sebelum", "sesudah" };
	const char *pen_l[] = { page_t(pg, M_LAPW_PEN_TIDAK_TAHU), page_t(pg, M_LAPW_PEN_SEBELUM),
				page_t(pg, M_LAPW_PEN_SESUDAH) };
	page_select(pg, "penetapan_calon", M_LAPW_PENETAPAN, pen, pen_l, 3, in->penetapan_calon,
		    laporan_error_of(err, "penetapan_calon"));
	html_raw(h, "</fieldset>");

	html_raw(h, "<fieldset><legend>");
	html_text(h, page_t(pg, M_LAPW_SEC_TERLAPOR));
	html_raw(h, "</legend>");
	lapor_hint(pg, M_LAPW_TERLAPOR_HINT);
	lapor_terlapor_fields(pg, in, err);
	html_raw(h, "</fieldset>");

	html_raw(h, "<fieldset><legend>");
	html_text(h, page_t(pg, M_LAPW_SEC_KEJADIAN));
	html_raw(h, "</legend>");
	const struct pelanggaran_ref *ref;
	size_t nref = laporan_pelanggaran(&ref);
	const char **vals = http_alloc(req, (nref + 1) * sizeof(*vals));
	const char **labs = http_alloc(req, (nref + 1) * sizeof(*labs));
	for (size_t i = 0; i < nref; i++) {
		vals[i] = ref[i].kode;
		labs[i] = http_printf(req, "%s — %s", ref[i].kode, ref[i].uraian);
	}
	vals[nref] = "lainnya";
	labs[nref] = page_t(pg, M_LAPW_LAINNYA);
	page_select(pg, "pelanggaran_kode", M_LAPW_PELANGGARAN, vals, labs, nref + 1,
		    in->pelanggaran_kode, laporan_error_of(err, "pelanggaran_kode"));
	page_input(pg, "pelanggaran_lain", M_LAPW_PELANGGARAN_LAIN, "text", in->pelanggaran_lain,
		   laporan_error_of(err, "pelanggaran_lain"), "off");
	page_input(pg, "kejadian_tanggal", M_LAPW_TANGGAL, "date", in->kejadian_tanggal,
		   laporan_error_of(err, "kejadian_tanggal"), "off");
	page_input(pg, "kejadian_tempat", M_LAPW_TEMPAT, "text", in->kejadian_tempat,
		   laporan_error_of(err, "kejadian_tempat"), "off");
	page_input(pg, "diketahui_tanggal", M_LAPW_DIKETAHUI, "date", in->diketahui_tanggal,
		   laporan_error_of(err, "diketahui_tanggal"), "off");
	lapor_hint(pg, M_LAPW_DIKETAHUI_HINT);
	lapor_textarea(pg, "kronologi", M_LAPW_KRONOLOGI, M_LAPW_KRONOLOGI_HINT, in->kronologi,
		       laporan_error_of(err, "kronologi"), 8);
	lapor_textarea(pg, "saksi", M_LAPW_SAKSI, 0, in->saksi, laporan_error_of(err, "saksi"), 3);
	html_raw(h, "</fieldset>");

	html_raw(h, "<fieldset><legend>");
	html_text(h, page_t(pg, M_LAPW_SEC_BUKTI));
	html_raw(h, "</legend>");
	lapor_bukti_fields(pg, in->tautan, err);
	html_raw(h, "</fieldset>");

	html_raw(h, "<fieldset class=\"pelapor\"><legend>");
	html_text(h, page_t(pg, M_LAPW_SEC_PELAPOR));
	html_raw(h, "</legend>");
	enum msg_id me = laporan_error_of(err, "pelapor_mode");
	if (me) {
		html_raw(h, "<p class=\"field-error\" id=\"pelapor_mode-err\">");
		html_text(h, page_t(pg, me));
		html_raw(h, "</p>");
	}
	const char *mode = in->pelapor_mode[0] ? in->pelapor_mode : "anonim";
	radio(pg, "pelapor_mode", "anonim", M_LAPW_MODE_ANONIM, M_LAPW_MODE_ANONIM_HINT, mode);
	radio(pg, "pelapor_mode", "rahasia", M_LAPW_MODE_RAHASIA, M_LAPW_MODE_RAHASIA_HINT, mode);
	radio(pg, "pelapor_mode", "terbuka", M_LAPW_MODE_TERBUKA, M_LAPW_MODE_TERBUKA_HINT, mode);
	html_raw(h, "<div class=\"identitas\">");
	lapor_hint(pg, M_LAPW_IDENTITAS_HINT);
	page_input(pg, "pelapor_nama", M_LAPW_PELAPOR_NAMA, "text", in->pelapor_nama,
		   laporan_error_of(err, "pelapor_nama"), "name");
	page_input(pg, "pelapor_nik", M_LAPW_PELAPOR_NIK, "text", in->pelapor_nik,
		   laporan_error_of(err, "pelapor_nik"), "off");
	page_input(pg, "pelapor_alamat", M_LAPW_PELAPOR_ALAMAT, "text", in->pelapor_alamat,
		   laporan_error_of(err, "pelapor_alamat"), "street-address");
	page_input(pg, "pelapor_kontak", M_LAPW_PELAPOR_KONTAK, "text", in->pelapor_kontak,
		   laporan_error_of(err, "pelapor_kontak"), "email");
	static const char *const jenis[] = { "", "pemilih", "peserta", "pemantau", "instansi", "lainnya" };
	const char *jenis_l[] = { page_t(pg, M_LAPW_JENIS_NONE), page_t(pg, M_LAPW_JENIS_PEMILIH),
				  page_t(pg, M_LAPW_JENIS_PESERTA), page_t(pg, M_LAPW_JENIS_PEMANTAU),
				  page_t(pg, M_LAPW_JENIS_INSTANSI), page_t(pg, M_LAPW_JENIS_LAINNYA) };
	page_select(pg, "pelapor_jenis", M_LAPW_PELAPOR_JENIS, jenis, jenis_l, 6, in->pelapor_jenis,
		    laporan_error_of(err, "pelapor_jenis"));
	html_raw(h, "</div></fieldset><p>");
	html_text(h, page_t(pg, M_LAPW_PRIVACY));
	html_raw(h, "</p><button type=\"submit\">");
	html_text(h, page_t(pg, M_LAPW_SUBMIT));
	html_raw(h, "</button></form>");
}

static int form_page(struct http_req *req, struct http_resp *resp, int status,
		     const struct laporan_input *in, const struct laporan_errors *err, const char *notice)
{
	struct page pg = { .req = req, .resp = resp };
	page_begin(&pg, req, resp, status, page_t(&pg, M_LAPW_TITLE));
	if (notice)
		page_notice(&pg, "error", notice);
	if (err->n) {
		struct html *h = &pg.h;
		html_raw(h, "<div class=\"notice error\" role=\"alert\"><p>");
		html_text(h, page_t(&pg, M_LAPW_FIX));
		html_raw(h, "</p><ul>");
		for (int i = 0; i < err->n; i++) {
			html_raw(h, "<li><a");
			html_attr(h, "href", http_printf(req, "#%s", !strcmp(err->e[i].field, "pelapor_mode")
								      ? "pelapor_mode-anonim" : err->e[i].field));
			html_raw(h, ">");
			html_text(h, page_t(&pg, err->e[i].msg));
			html_raw(h, "</a></li>");
		}
		html_raw(h, "</ul></div>");
	}
	form(&pg, in, err);
	return page_end(&pg);
}

int page_lapor_get(struct http_req *req, struct http_resp *resp)
{
	struct laporan_input *in = http_alloc(req, sizeof(*in));
	memset(in, 0, sizeof(*in));
	struct laporan_errors err = { .n = 0 };
	return form_page(req, resp, 200, in, &err, NULL);
}

void lapor_kekurangan(struct page *pg, const char *list)
{
	struct html *h = &pg->h;
	if (!list[0])
		return;
	html_raw(h, "<ul class=\"kekurangan\">");
	const char *p = list;
	while (*p) {
		size_t n = strcspn(p, ";");
		html_raw(h, "<li>");
		html_text(h, page_t(pg, !strncmp(p, "bukti", n) && n == 5 ? M_LAP_KURANG_BUKTI
									  : M_LAP_KURANG_TERLAPOR));
		html_raw(h, "</li>");
		p += n;
		if (*p == ';')
			p++;
	}
	html_raw(h, "</ul>");
}

static int done_page(struct http_req *req, struct http_resp *resp, const struct laporan_diterima *d)
{
	struct page pg = { .req = req, .resp = resp };
	page_begin(&pg, req, resp, 201, page_t(&pg, M_LAPW_DONE_TITLE));
	struct html *h = &pg.h;
	page_notice(&pg, "ok", page_t(&pg, M_LAPW_DONE));
	html_raw(h, "<section class=\"card\" aria-labelledby=\"kode-h\"><h2 id=\"kode-h\">");
	html_text(h, page_t(&pg, M_LAPW_RECEIPT));
	html_raw(h, "</h2><p class=\"receipt\" id=\"receipt\">");
	html_text(h, d->receipt_display);
	html_raw(h, "</p><p><strong>");
	html_text(h, page_t(&pg, M_LAPW_RECEIPT_ONCE));
	html_raw(h, "</strong></p><dl class=\"facts\"><dt>");
	html_text(h, page_t(&pg, M_LAPW_NOMOR));
	html_raw(h, "</dt><dd id=\"nomor\">");
	html_text(h, d->nomor);
	html_raw(h, "</dd><dt>");
	html_text(h, page_t(&pg, M_LAPW_BUKTI_DITERIMA));
	html_raw(h, "</dt><dd id=\"n-bukti\">");
	html_int(h, d->n_bukti);
	html_raw(h, "</dd></dl></section>");
	if (d->n_metadata_dihapus)
		page_notice(&pg, "ok", page_tf(&pg, M_LAPW_EXIF_REMOVED, d->n_metadata_dihapus));
	if (d->terlambat)
		page_notice(&pg, "ok", page_t(&pg, M_LAPW_TERLAMBAT));
	if (d->kekurangan[0]) {
		html_raw(h, "<section aria-labelledby=\"kurang-h\"><h2 id=\"kurang-h\">");
		html_text(h, page_t(&pg, M_LAPW_KURANG_TITLE));
		html_raw(h, "</h2><p>");
		html_text(h, page_t(&pg, M_LAPW_KURANG_INTRO));
		html_raw(h, "</p>");
		lapor_kekurangan(&pg, d->kekurangan);
		html_raw(h, "</section>");
	}
	html_raw(h, "<p><a href=\"/lapor/pantau\">");
	html_text(h, page_t(&pg, M_LAPW_GO_PANTAU));
	html_raw(h, "</a></p>");
	return page_end(&pg);
}

int page_lapor_post(struct http_req *req, struct http_resp *resp)
{
	struct laporan_input *in = http_alloc(req, sizeof(*in));
	memset(in, 0, sizeof(*in));
	struct laporan_errors err = { .n = 0 };
	for (size_t i = 0; i < req->n_form; i++)
		if (laporan_input_set(in, req->form[i].name, req->form[i].value, req->form[i].len) ==
		    APP_ETOOBIG)
			laporan_errors_add(&err, req->form[i].name, M_LAP_ERR_TEXT);
	struct laporan_file files[LIMIT_BUKTI_PER_UPLOAD];
	size_t nfiles = lapor_uploads(req, files, LIMIT_BUKTI_PER_UPLOAD);
	if (nfiles > LIMIT_BUKTI_PER_UPLOAD)
		laporan_errors_add(&err, "bukti", M_BUKTI_TOO_MANY);
	if (err.n)
		return form_page(req, resp, 400, in, &err, NULL);
	struct laporan_diterima d;
	int rc = laporan_ajukan(req->store, req->client_key, in, files, nfiles, "web", req->now_ms, &d,
				&err);
	if (rc == APP_EBUSY) {
		(void)http_resp_header(req, resp, "Retry-After", "3600");
		return form_page(req, resp, 429, in, &err, http_msg(req, M_LAP_ERR_RATE));
	}
	if (rc == APP_EINVAL || rc == APP_ENOTFOUND || rc == APP_ETOOBIG)
		return form_page(req, resp, 400, in, &err, NULL);
	if (rc)
		return rc;
	sodium_memzero(in, sizeof(*in));
	rc = done_page(req, resp, &d);
	sodium_memzero(&d, sizeof(d));
	return rc;
}

const char *page_lapor_tf(struct http_req *req, enum msg_id id, ...)
{
	va_list ap;
	char tmp[512];
	va_start(ap, id);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	vsnprintf(tmp, sizeof(tmp), msg(id, req->lang), ap);
#pragma GCC diagnostic pop
	va_end(ap);
	return http_strdup(req, tmp);
}

size_t lapor_uploads(struct http_req *req, struct laporan_file *files, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < req->n_uploads; i++) {
		/* A file input left empty still sends a part with no bytes. */
		if (strcmp(req->uploads[i].field, "bukti") || req->uploads[i].len == 0)
			continue;
		if (n == max)
			return max + 1;
		files[n].nama = req->uploads[i].filename;
		files[n].data = (const uint8_t *)req->uploads[i].data;
		files[n].len = req->uploads[i].len;
		n++;
	}
	return n;
}
