/* Event pages for officers (admin, bkpsdm; read-only for bkn, auditor,
 * ppk): the list, the create/edit form, and the event's page with its
 * code, attendance counts and material files. Attendance pages are in
 * page_acara_hadir.c, coverage in page_cakupan.c. */
#include "core/compat.h"
#include "core/err.h"
#include "core/limits.h"
#include "web/page_acara.h"

#define ACARA_PAGE 50

int page_acara_load(struct http_req *req, struct acara *a)
{
	int64_t id;
	if (http_path_int64(req, "id", &id))
		return APP_ENOTFOUND;
	return acara_get(req->store, &req->principal, id, a);
}

void page_acara_url_(struct html *h, int action, int64_t id, const char *suffix)
{
	char seg[24];
	snprintf(seg, sizeof(seg), "%lld", (long long)id);
	if (action)
		html_url_begin(h, "action", "/acara/");
	else
		html_url_begin(h, "href", "/acara/");
	html_url_seg(h, seg);
	if (suffix && *suffix)
		html_raw_(h, suffix);
	html_url_end(h);
}

const char *page_acara_jenis(const struct page *pg, const char *jenis)
{
	return page_t(pg, !strcmp(jenis, "apel") ? M_AW_JENIS_APEL : M_AW_JENIS_SOS);
}

/* ---- list ---- */

struct list_ctx {
	struct page *pg;
	int n;
	int64_t last_mulai;
};

static int list_row(void *ctx, const struct acara *a)
{
	struct list_ctx *c = ctx;
	struct html *h = &c->pg->h;
	char m[24];
	acara_format_time(a->mulai_ms, m, sizeof(m));
	m[10] = ' ';
	html_raw(h, "<tr><td>");
	html_text(h, m);
	html_raw(h, "</td><td>");
	html_text(h, page_acara_jenis(c->pg, a->jenis));
	html_raw(h, "</td><td><a");
	page_acara_href(h, a->id, "");
	html_raw(h, ">");
	html_text(h, a->topik);
	html_raw(h, "</a></td><td><code>");
	html_text(h, a->kode);
	html_raw(h, "</code></td><td>");
	html_int(h, a->hadir);
	html_raw(h, "</td></tr>\n");
	c->n++;
	c->last_mulai = a->mulai_ms;
	return 0;
}

int page_acara_list(struct http_req *req, struct http_resp *resp)
{
	const struct principal *p = &req->principal;
	if (!acara_can_read(p))
		return APP_EPERM;
	int64_t before = 0;
	const char *sb = http_query(req, "sebelum");
	if (sb && *sb && http_parse_int64(sb, &before))
		return APP_EINVAL;
	struct page pg = { .req = req, .resp = resp };
	page_begin(&pg, req, resp, 200, page_t(&pg, M_AW_LIST_TITLE));
	struct html *h = &pg.h;
	html_raw(h, "<p class=\"pager\">");
	if (acara_can_manage(p)) {
		html_raw(h, "<a class=\"button\" href=\"/acara/baru\">");
		html_text(h, page_t(&pg, M_AW_NEW));
		html_raw(h, "</a>");
	}
	html_raw(h, "<a href=\"/cakupan\">");
	html_text(h, page_t(&pg, M_AW_COVERAGE));
	html_raw(h, "</a></p>");
	html_raw(h, "<div class=\"table-wrap\"><table class=\"data\"><thead><tr>");
	static const enum msg_id cols[] = { M_AW_COL_WAKTU, M_AW_COL_JENIS, M_AW_COL_TOPIK,
					    M_AW_COL_KODE, M_AW_COL_HADIR };
	page_th_cols(&pg, cols, ARRAY_SIZE(cols));
	html_raw(h, "</tr></thead><tbody>");
	struct list_ctx c = { &pg, 0, 0 };
	int rc = acara_list(req->store, p, before, ACARA_PAGE, list_row, &c);
	if (rc)
		return rc;
	html_raw(h, "</tbody></table></div>");
	if (!c.n) {
		html_raw(h, "<p>");
		html_text(h, page_t(&pg, M_AW_NONE));
		html_raw(h, "</p>");
	} else if (c.n == ACARA_PAGE) {
		char nb[24];
		snprintf(nb, sizeof(nb), "%lld", (long long)c.last_mulai);
		html_raw(h, "<p class=\"pager\"><a");
		html_url_begin(h, "href", "/acara");
		html_url_arg(h, "sebelum", nb);
		html_url_end(h);
		html_raw(h, ">");
		html_text(h, page_t(&pg, M_AW_OLDER));
		html_raw(h, "</a></p>");
	}
	return page_end(&pg);
}

/* ---- create / edit ---- */

static enum msg_id err_for(const struct field_errors *fe, const char *field)
{
	for (int i = 0; fe && i < fe->n; i++)
		if (!strcmp(fe->e[i].field, field))
			return fe->e[i].msg;
	return 0;
}

static void input_of(struct http_req *req, struct acara_input *in)
{
	in->jenis = http_form(req, "jenis");
	in->topik = http_form(req, "topik");
	in->mulai = http_form(req, "mulai");
	in->selesai = http_form(req, "selesai");
	in->tempat = http_form(req, "tempat");
	in->tautan = http_form(req, "tautan");
	in->narasumber = http_form(req, "narasumber");
	in->instansi_kode = http_form(req, "instansi_kode");
	in->unit_kode = http_form(req, "unit_kode");
	in->sasaran_unit_kode = http_form(req, "sasaran_unit_kode");
}

/* The form values of a stored event. */
static void input_from(struct http_req *req, const struct acara *a, const struct page_instansi_list *il,
		       struct acara_input *in)
{
	char *m = http_alloc(req, 24), *s = http_alloc(req, 24);
	acara_format_time(a->mulai_ms, m, 24);
	acara_format_time(a->selesai_ms, s, 24);
	const struct instansi *inst = page_instansi_by_id(il, a->instansi_id);
	struct unit_kerja u;
	in->jenis = a->jenis;
	in->topik = a->topik;
	in->mulai = m;
	in->selesai = s;
	in->tempat = a->tempat;
	in->tautan = a->tautan;
	in->narasumber = a->narasumber;
	in->instansi_kode = inst ? inst->kode : "";
	in->unit_kode = a->unit_id && !store_unit_get(req->store, a->unit_id, &u) ? http_strdup(req, u.kode) : "";
	in->sasaran_unit_kode = a->sasaran_unit_id && !store_unit_get(req->store, a->sasaran_unit_id, &u)
					? http_strdup(req, u.kode) : "";
}

static int form_page(struct http_req *req, struct http_resp *resp, int status, const struct acara *old,
		     const struct acara_input *in, const struct field_errors *fe,
		     const struct page_instansi_list *il)
{
	struct page pg = { .req = req, .resp = resp };
	page_begin(&pg, req, resp, status,
		   old ? page_tf(&pg, M_AW_EDIT_TITLE, old->kode) : page_t(&pg, M_AW_NEW));
	struct html *h = &pg.h;
	if (fe && fe->n)
		page_notice(&pg, "error", page_t(&pg, M_AW_FORM_ERRORS));
	html_raw(h, "<form class=\"card\" method=\"post\"");
	if (old)
		page_acara_action(h, old->id, "/ubah");
	else
		html_raw(h, " action=\"/acara/baru\"");
	html_raw(h, " novalidate>");
	page_csrf(&pg);
	static const char *const jv[] = { "sosialisasi", "apel" };
	const char *jl[] = { page_t(&pg, M_AW_JENIS_SOS), page_t(&pg, M_AW_JENIS_APEL) };
	page_select(&pg, "jenis", M_AW_F_JENIS, jv, jl, 2, in->jenis, err_for(fe, "jenis"));
	page_input(&pg, "topik", M_AW_F_TOPIK, "text", in->topik, err_for(fe, "topik"), "off");
	html_raw(h, "<p class=\"hint\" id=\"waktu-hint\">");
	html_text(h, page_t(&pg, M_AW_TIME_HINT));
	html_raw(h, "</p>");
	page_input(&pg, "mulai", M_AW_F_MULAI, "datetime-local", in->mulai, err_for(fe, "mulai"), "off");
	page_input(&pg, "selesai", M_AW_F_SELESAI, "datetime-local", in->selesai, err_for(fe, "selesai"), "off");
	page_input(&pg, "tempat", M_AW_F_TEMPAT, "text", in->tempat, err_for(fe, "tempat"), "off");
	page_input(&pg, "tautan", M_AW_F_TAUTAN, "url", in->tautan, err_for(fe, "tautan"), "off");
	page_input(&pg, "narasumber", M_AW_F_NARASUMBER, "text", in->narasumber, err_for(fe, "narasumber"), "off");
	page_instansi_select(&pg, "instansi_kode", M_AW_F_INSTANSI, il, in->instansi_kode,
			     err_for(fe, "instansi_kode"));
	page_input(&pg, "unit_kode", M_AW_F_UNIT, "text", in->unit_kode, err_for(fe, "unit_kode"), "off");
	page_input(&pg, "sasaran_unit_kode", M_AW_F_SASARAN, "text", in->sasaran_unit_kode,
		   err_for(fe, "sasaran_unit_kode"), "off");
	html_raw(h, "<button type=\"submit\">");
	html_text(h, page_t(&pg, M_AW_SAVE));
	html_raw(h, "</button></form>");
	return page_end(&pg);
}

int page_acara_new_get(struct http_req *req, struct http_resp *resp)
{
	if (!acara_can_manage(&req->principal))
		return APP_EPERM;
	struct page_instansi_list il;
	int rc = page_instansi_collect(req, &il);
	if (rc)
		return rc;
	struct acara_input in = { .jenis = "sosialisasi" };
	const struct instansi *own = page_instansi_by_id(&il, req->principal.instansi_id);
	in.instansi_kode = own ? own->kode : "";
	return form_page(req, resp, 200, NULL, &in, NULL, &il);
}

static int save(struct http_req *req, struct http_resp *resp, const struct acara *old)
{
	struct page_instansi_list il;
	int rc = page_instansi_collect(req, &il);
	if (rc)
		return rc;
	struct acara_input in;
	input_of(req, &in);
	struct acara a;
	struct field_errors fe;
	rc = acara_save(req->store, &req->principal, old ? old->id : 0, &in, &a, &fe);
	if (rc == APP_EINVAL)
		return form_page(req, resp, 422, old, &in, &fe, &il);
	if (rc)
		return rc;
	http_redirect(req, resp, http_printf(req, "/acara/%lld?disimpan=1", (long long)a.id));
	return 0;
}

int page_acara_new_post(struct http_req *req, struct http_resp *resp)
{
	if (!acara_can_manage(&req->principal))
		return APP_EPERM;
	return save(req, resp, NULL);
}

int page_acara_edit_get(struct http_req *req, struct http_resp *resp)
{
	struct acara a;
	int rc = page_acara_load(req, &a);
	if (rc)
		return rc;
	if (!acara_can_manage(&req->principal))
		return APP_EPERM;
	struct page_instansi_list il;
	if ((rc = page_instansi_collect(req, &il)))
		return rc;
	struct acara_input in;
	input_from(req, &a, &il, &in);
	return form_page(req, resp, 200, &a, &in, NULL, &il);
}

int page_acara_edit_post(struct http_req *req, struct http_resp *resp)
{
	struct acara a;
	int rc = page_acara_load(req, &a);
	if (rc)
		return rc;
	if (!acara_can_manage(&req->principal))
		return APP_EPERM;
	return save(req, resp, &a);
}

/* ---- the event's page ---- */

struct materi_ctx {
	struct page *pg;
	int64_t id;
	int n;
};

static int materi_row(void *ctx, const struct acara_materi *m)
{
	struct materi_ctx *c = ctx;
	struct html *h = &c->pg->h;
	char seg[24];
	snprintf(seg, sizeof(seg), "%lld", (long long)c->id);
	html_raw(h, "<li><a");
	html_url_begin(h, "href", "/acara/");
	html_url_seg(h, seg);
	html_raw(h, "/materi/");
	html_url_seg(h, m->sha256);
	html_url_end(h);
	html_raw(h, " download>");
	html_text(h, m->nama);
	html_raw(h, "</a> (");
	html_textf(h, "%lld KiB, %s", (long long)((m->ukuran + 1023) / 1024), m->mime);
	html_raw(h, ") <code class=\"hash\">");
	html_textn(h, m->sha256, 12);
	html_raw(h, "</code></li>");
	c->n++;
	return 0;
}

static void fact(struct page *pg, enum msg_id label, const char *value)
{
	struct html *h = &pg->h;
	html_raw(h, "<dt>");
	html_text(h, page_t(pg, label));
	html_raw(h, "</dt><dd>");
	html_text(h, value);
	html_raw(h, "</dd>");
}

int page_acara_detail(struct http_req *req, struct http_resp *resp)
{
	const struct principal *p = &req->principal;
	struct acara a;
	int rc = page_acara_load(req, &a);
	if (rc)
		return rc;
	int64_t sasaran = 0, hadir = 0;
	if ((rc = acara_peserta_count(req->store, p, &a, &sasaran, &hadir)))
		return rc;
	struct instansi inst;
	if ((rc = store_instansi_get(req->store, a.instansi_id, &inst)))
		return rc;
	struct unit_kerja uo, us;
	int has_uo = a.unit_id && !store_unit_get(req->store, a.unit_id, &uo);
	int has_us = a.sasaran_unit_id && !store_unit_get(req->store, a.sasaran_unit_id, &us);

	struct page pg = { .req = req, .resp = resp };
	page_begin(&pg, req, resp, 200, a.topik);
	struct html *h = &pg.h;
	const char *saved = http_query(req, "disimpan");
	if (saved && !strcmp(saved, "1"))
		page_notice(&pg, "ok", page_t(&pg, M_AW_SAVED));
	const char *up = http_query(req, "materi");
	if (up && !strcmp(up, "1"))
		page_notice(&pg, "ok", page_t(&pg, M_AW_MATERI_ADDED));
	char m[24], s[24];
	acara_format_time(a.mulai_ms, m, sizeof(m));
	acara_format_time(a.selesai_ms, s, sizeof(s));
	m[10] = ' ';
	s[10] = ' ';
	html_raw(h, "<div class=\"card\"><p>");
	html_text(h, page_t(&pg, M_AW_DETAIL_KODE));
	html_raw(h, ": <strong class=\"kode-acara\">");
	html_text(h, a.kode);
	html_raw(h, "</strong></p><p class=\"hint\">");
	html_text(h, page_t(&pg, M_AW_DETAIL_KODE_HINT));
	html_raw(h, "</p></div><dl class=\"facts\">");
	fact(&pg, M_AW_F_JENIS, page_acara_jenis(&pg, a.jenis));
	fact(&pg, M_AW_COL_WAKTU, http_printf(req, "%s – %s", m, s));
	if (a.tempat[0])
		fact(&pg, M_AW_F_TEMPAT, a.tempat);
	if (a.tautan[0]) {
		html_raw(h, "<dt>");
		html_text(h, page_t(&pg, M_AW_F_TAUTAN));
		html_raw(h, "</dt><dd><a rel=\"noopener noreferrer\"");
		html_attr(h, "href", a.tautan);
		html_raw(h, ">");
		html_text(h, a.tautan);
		html_raw(h, "</a></dd>");
	}
	if (a.narasumber[0])
		fact(&pg, M_AW_F_NARASUMBER, a.narasumber);
	fact(&pg, M_AW_DETAIL_PENYELENGGARA,
	     has_uo ? http_printf(req, "%s, %s", uo.nama, inst.nama) : inst.nama);
	fact(&pg, M_AW_DETAIL_SASARAN, has_us ? http_printf(req, "%s (%s)", us.nama, us.kode)
					      : page_t(&pg, M_AW_SASARAN_ALL));
	int pm = acara_permil(hadir, sasaran);
	fact(&pg, M_AW_DETAIL_KEHADIRAN,
	     page_tf(&pg, M_AW_HADIR_OF, (long long)hadir, (long long)sasaran,
		     http_printf(req, "%d,%d", pm / 10, pm % 10)));
	html_raw(h, "</dl>");
	if (acara_can_manage(p)) {
		html_raw(h, "<p class=\"pager\"><a");
		page_acara_href(h, a.id, "/peserta");
		html_raw(h, ">");
		html_text(h, page_t(&pg, M_AW_TICK));
		html_raw(h, "</a><a");
		page_acara_href(h, a.id, "/impor");
		html_raw(h, ">");
		html_text(h, page_t(&pg, M_AW_IMPORT));
		html_raw(h, "</a><a");
		page_acara_href(h, a.id, "/ubah");
		html_raw(h, ">");
		html_text(h, page_t(&pg, M_AW_EDIT));
		html_raw(h, "</a></p>");
	}
	html_raw(h, "<h2>");
	html_text(h, page_t(&pg, M_AW_MATERI));
	html_raw(h, "</h2><ul class=\"materi\">");
	struct materi_ctx mc = { &pg, a.id, 0 };
	if ((rc = acara_materi_list(req->store, p, a.id, materi_row, &mc)))
		return rc;
	html_raw(h, "</ul>");
	if (!mc.n) {
		html_raw(h, "<p>");
		html_text(h, page_t(&pg, M_AW_MATERI_NONE));
		html_raw(h, "</p>");
	}
	if (acara_can_manage(p)) {
		html_raw(h, "<form class=\"card\" method=\"post\" enctype=\"multipart/form-data\"");
		page_acara_action(h, a.id, "/materi");
		html_raw(h, ">");
		page_csrf(&pg);
		html_raw(h, "<div class=\"field\"><label for=\"materi\">");
		html_text(h, page_t(&pg, M_AW_MATERI_FILE));
		html_raw(h, "</label><input type=\"file\" id=\"materi\" name=\"berkas\" required></div>"
			    "<button type=\"submit\">");
		html_text(h, page_t(&pg, M_AW_MATERI_ADD));
		html_raw(h, "</button></form>");
	}
	return page_end(&pg);
}
