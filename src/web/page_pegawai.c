/* The employee pages: list with search, filters and keyset pagination;
 * export of the filtered list; detail with blokir status and history; the
 * edit form. Every read and write goes through app/registry with the
 * principal, which enforces scope (out of scope reads as not found). */
#include "core/compat.h"
#include "core/err.h"
#include "core/limits.h"
#include "core/xalloc.h"
#include "app/audit_view.h"
#include "app/registry.h"
#include "web/diff_view.h"
#include "web/page.h"
#include "web/page_instansi.h"
#include <time.h>
#include <fcntl.h>
#include <unistd.h>

static const char *const golongan_values[] = {
	"", "I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c",
	"III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e", "I", "II", "III", "IV", "V", "VI", "VII",
	"VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
};
static const char *const jabatan_values[] = {
	"", "jpt_utama", "jpt_madya", "jpt_pratama", "administrator", "pengawas", "fungsional",
	"pelaksana",
};
static const char *const jenjang_values[] = {
	"", "ahli_pertama", "ahli_muda", "ahli_madya", "ahli_utama", "pemula", "terampil", "mahir",
	"penyelia",
};
static const char *const status_values[] = { "", "aktif", "pensiun", "diberhentikan" };
static const char *const jenis_asn_values[] = { "PNS", "PPPK" };

/* ---- collected rows ---- */

struct unit_list {
	struct http_req *req;
	struct unit_kerja *v;
	size_t n, cap;
};

static int unit_cb(void *ctx, const struct unit_kerja *u)
{
	struct unit_list *l = ctx;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 32;
		struct unit_kerja *v = http_alloc(l->req, cap * sizeof(*v));
		if (l->n)
			memcpy(v, l->v, l->n * sizeof(*v));
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = *u;
	return 0;
}

struct peg_list {
	struct http_req *req;
	struct pegawai *v;
	size_t n, cap;
};

static int peg_cb(void *ctx, const struct pegawai *p)
{
	struct peg_list *l = ctx;
	if (l->n == l->cap)
		return 1;
	l->v[l->n++] = *p;
	return 0;
}

/* ---- filters from the query string ---- */

struct filters {
	const char *q, *instansi, *unit, *golongan, *jenis_jabatan, *status, *after;
	struct pegawai_filter f;
};

static int read_filters(struct http_req *req, struct filters *fl)
{
	memset(fl, 0, sizeof(*fl));
	fl->q = http_query(req, "q");
	fl->instansi = http_query(req, "instansi");
	fl->unit = http_query(req, "unit");
	fl->golongan = http_query(req, "golongan");
	fl->jenis_jabatan = http_query(req, "jenis_jabatan");
	fl->status = http_query(req, "status");
	fl->after = http_query(req, "after");
	fl->f.scope_path = req->principal.scope_path;
	if (fl->q && *fl->q)
		fl->f.q = fl->q;
	if (fl->instansi && *fl->instansi && http_parse_int64(fl->instansi, &fl->f.instansi_id))
		return APP_EINVAL;
	if (fl->unit && *fl->unit && http_parse_int64(fl->unit, &fl->f.unit_id))
		return APP_EINVAL;
	if (fl->golongan && *fl->golongan)
		fl->f.golongan = fl->golongan;
	if (fl->jenis_jabatan && *fl->jenis_jabatan)
		fl->f.jenis_jabatan = fl->jenis_jabatan;
	if (fl->status && *fl->status)
		fl->f.status = fl->status;
	if (fl->after && *fl->after)
		fl->f.after_nip = fl->after;
	return 0;
}

/* The filter arguments of a URL being built (not the page cursor). */
static void filter_args(struct html *h, const struct filters *fl)
{
	html_url_arg(h, "q", fl->q);
	html_url_arg(h, "instansi", fl->instansi);
	html_url_arg(h, "unit", fl->unit);
	html_url_arg(h, "golongan", fl->golongan);
	html_url_arg(h, "jenis_jabatan", fl->jenis_jabatan);
	html_url_arg(h, "status", fl->status);
}

static void nip_link(struct page *pg, const char *nip, const char *text)
{
	struct html *h = &pg->h;
	html_raw(h, "<a");
	html_url_begin(h, "href", "/pegawai/");
	html_url_seg(h, nip);
	html_url_end(h);
	html_raw(h, ">");
	html_text(h, text);
	html_raw(h, "</a>");
}

int page_pegawai_list(struct http_req *req, struct http_resp *resp)
{
	const struct principal *p = &req->principal;
	if (!principal_can(p, PERM_REGISTRY_READ))
		return APP_EPERM;
	struct filters fl;
	if (read_filters(req, &fl))
		return APP_EINVAL;
	struct page_instansi_list il = { .req = req };
	int rc = registry_instansi_list(req->store, p, page_instansi_add, &il);
	if (rc)
		return rc;
	struct unit_list ul = { .req = req };
	if (fl.f.instansi_id) {
		rc = registry_unit_list(req->store, p, fl.f.instansi_id, unit_cb, &ul);
		if (rc && rc != APP_ENOTFOUND)
			return rc;
	}
	int64_t total = 0;
	struct pegawai_filter cf = fl.f;
	cf.after_nip = NULL;
	rc = registry_count(req->store, p, &cf, &total);
	if (rc)
		return rc;
	int limit = LIMIT_PAGE_SIZE;
	struct peg_list pl = { .req = req, .cap = (size_t)limit + 1 };
	pl.v = http_alloc(req, pl.cap * sizeof(*pl.v));
	fl.f.limit = limit + 1;
	rc = registry_list(req->store, p, &fl.f, peg_cb, &pl);
	if (rc < 0)
		return rc;
	int more = pl.n > (size_t)limit;
	if (more)
		pl.n = (size_t)limit;

	struct page pg = { .req = req, .resp = resp };
	page_begin(&pg, req, resp, 200, page_t(&pg, M_WEB_PEG_TITLE));
	struct html *h = &pg.h;

	/* Search and filters: a GET form, works without JavaScript. */
	html_raw(h, "<form class=\"filters card\" method=\"get\" action=\"/pegawai\" role=\"search\">"
		    "<div class=\"search-row\">");
	page_input(&pg, "q", M_WEB_PEG_SEARCH_LABEL, "search", fl.q, 0, "off");
	html_raw(h, "<button type=\"submit\">");
	html_text(h, page_t(&pg, M_WEB_PEG_SEARCH));
	html_raw(h, "</button></div><fieldset><legend>");
	html_text(h, page_t(&pg, M_WEB_PEG_FILTERS));
	html_raw(h, "</legend><div class=\"grid\">");
	{
		size_t n = il.n + 1;
		const char **vals = http_alloc(req, n * sizeof(*vals));
		const char **labels = http_alloc(req, n * sizeof(*labels));
		vals[0] = "";
		labels[0] = NULL;
		for (size_t i = 0; i < il.n; i++) {
			vals[i + 1] = http_printf(req, "%" PRId64, il.v[i].id);
			labels[i + 1] = il.v[i].nama;
		}
		page_select(&pg, "instansi", M_WEB_F_INSTANSI, vals, labels, n, fl.instansi, 0);
	}
	if (ul.n) {
		size_t n = ul.n + 1;
		const char **vals = http_alloc(req, n * sizeof(*vals));
		const char **labels = http_alloc(req, n * sizeof(*labels));
		vals[0] = "";
		labels[0] = NULL;
		for (size_t i = 0; i < ul.n; i++) {
			vals[i + 1] = http_printf(req, "%" PRId64, ul.v[i].id);
			labels[i + 1] = ul.v[i].nama;
		}
		page_select(&pg, "unit", M_WEB_F_UNIT, vals, labels, n, fl.unit, 0);
	}
	page_select(&pg, "golongan", M_WEB_F_GOLONGAN, golongan_values, NULL,
		    ARRAY_SIZE(golongan_values), fl.golongan, 0);
	page_select(&pg, "jenis_jabatan", M_WEB_F_JENIS_JABATAN, jabatan_values, NULL,
		    ARRAY_SIZE(jabatan_values), fl.jenis_jabatan, 0);
	page_select(&pg, "status", M_WEB_F_STATUS, status_values, NULL, ARRAY_SIZE(status_values),
		    fl.status, 0);
	html_raw(h, "</div><button type=\"submit\">");
	html_text(h, page_t(&pg, M_WEB_PEG_APPLY));
	html_raw(h, "</button> <a href=\"/pegawai\">");
	html_text(h, page_t(&pg, M_WEB_PEG_RESET));
	html_raw(h, "</a></fieldset></form>\n");

	html_raw(h, "<p class=\"count\" role=\"status\">");
	html_text(h, page_tf(&pg, M_WEB_PEG_COUNT, (long long)total));
	html_raw(h, "</p><p class=\"export\">");
	html_text(h, page_t(&pg, M_WEB_PEG_EXPORT));
	html_raw(h, ": <a");
	html_url_begin(h, "href", "/pegawai/ekspor.csv");
	filter_args(h, &fl);
	html_url_end(h);
	html_raw(h, " download>");
	html_text(h, page_t(&pg, M_WEB_PEG_EXPORT_CSV));
	html_raw(h, "</a> · <a");
	html_url_begin(h, "href", "/pegawai/ekspor.xlsx");
	filter_args(h, &fl);
	html_url_end(h);
	html_raw(h, " download>");
	html_text(h, page_t(&pg, M_WEB_PEG_EXPORT_XLSX));
	html_raw(h, "</a></p>\n");

	if (pl.n == 0) {
		html_raw(h, "<p>");
		html_text(h, page_t(&pg, M_WEB_PEG_NONE));
		html_raw(h, "</p>");
	} else {
		html_raw(h, "<div class=\"table-wrap\"><table class=\"data\"><caption>");
		html_text(h, page_t(&pg, M_WEB_PEG_TABLE_CAPTION));
		html_raw(h, "</caption><thead><tr>");
		static const enum msg_id cols[] = { M_WEB_F_NIP, M_WEB_F_NAMA, M_WEB_F_GOLONGAN,
						    M_WEB_F_JABATAN, M_WEB_F_INSTANSI, M_WEB_F_STATUS };
		page_th_cols(&pg, cols, ARRAY_SIZE(cols));
		html_raw(h, "</tr></thead><tbody>");
		for (size_t i = 0; i < pl.n; i++) {
			const struct pegawai *e = &pl.v[i];
			const struct instansi *in = page_instansi_by_id(&il, e->instansi_id);
			html_raw(h, "<tr><td class=\"nip\">");
			nip_link(&pg, e->nip, e->nip);
			html_raw(h, "</td><td>");
			html_text(h, e->nama);
			if (e->blokir) {
				html_raw(h, " <span class=\"badge blocked\">");
				html_text(h, page_t(&pg, M_WEB_BLOKIR_YES));
				html_raw(h, "</span>");
			}
			html_raw(h, "</td><td>");
			html_text(h, e->golongan);
			html_raw(h, "</td><td>");
			html_text(h, e->jabatan);
			html_raw(h, "</td><td>");
			html_text(h, in ? in->nama : "");
			html_raw(h, "</td><td>");
			html_text(h, e->status);
			html_raw(h, "</td></tr>\n");
		}
		html_raw(h, "</tbody></table></div>");
	}
	html_raw(h, "<nav class=\"pager\" aria-label=\"pagination\">");
	if (fl.after && *fl.after) {
		html_raw(h, "<a");
		html_url_begin(h, "href", "/pegawai");
		filter_args(h, &fl);
		html_url_end(h);
		html_raw(h, ">");
		html_text(h, page_t(&pg, M_WEB_PEG_FIRST));
		html_raw(h, "</a> ");
	}
	if (more) {
		html_raw(h, "<a rel=\"next\"");
		html_url_begin(h, "href", "/pegawai");
		filter_args(h, &fl);
		html_url_arg(h, "after", pl.v[pl.n - 1].nip);
		html_url_end(h);
		html_raw(h, ">");
		html_text(h, page_t(&pg, M_WEB_PEG_NEXT));
		html_raw(h, "</a>");
	}
	html_raw(h, "</nav>");
	return page_end(&pg);
}

int page_pegawai_export(struct http_req *req, struct http_resp *resp)
{
	const struct principal *p = &req->principal;
	if (!principal_can(p, PERM_REGISTRY_READ))
		return APP_EPERM;
	struct filters fl;
	if (read_filters(req, &fl))
		return APP_EINVAL;
	fl.f.after_nip = NULL;
	fl.f.limit = 0;
	int xlsx = strstr(req->path, ".xlsx") != NULL;
	int64_t rows = 0;
	/* The export goes to an unlinked temporary file that the server then
	 * sends from disk: a whole province never sits in memory. */
	char path[] = "/tmp/wasdal-export-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return APP_EIO;
	int rc;
	if (!xlsx) {
		unlink(path);
		int fd2 = dup(fd);
		FILE *f = fd2 >= 0 ? fdopen(fd2, "w") : NULL;
		if (!f) {
			if (fd2 >= 0)
				close(fd2);
			close(fd);
			return APP_EIO;
		}
		rc = registry_export_csv(req->store, p, &fl.f, f, &rows);
		if (fclose(f) != 0 && rc == 0)
			rc = APP_EIO;
	} else {
		rc = registry_export_xlsx(req->store, p, &fl.f, path, &rows);
		/* libxlsxwriter wrote a new file at path: send that one. */
		close(fd);
		fd = open(path, O_RDONLY);
		unlink(path);
		if (fd < 0 && rc == 0)
			rc = APP_EIO;
	}
	if (rc) {
		if (fd >= 0)
			close(fd);
		return rc;
	}
	if (lseek(fd, 0, SEEK_SET) != 0) {
		close(fd);
		return APP_EIO;
	}
	rc = http_resp_file(resp, 200, xlsx ? HTTP_CT_XLSX : HTTP_CT_CSV, fd);
	if (rc)
		return rc;
	resp->attachment = xlsx ? "pegawai.xlsx" : "pegawai.csv";
	return 0;
}

/* ---- detail ---- */

static void row(struct page *pg, enum msg_id label, const char *value)
{
	struct html *h = &pg->h;
	html_raw(h, "<tr><th scope=\"row\">");
	html_text(h, page_t(pg, label));
	html_raw(h, "</th><td>");
	html_text(h, value && *value ? value : "—");
	html_raw(h, "</td></tr>");
}

static void fmt_time(char *out, size_t n, int64_t ms)
{
	time_t t = (time_t)(ms / 1000);
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, n, "%Y-%m-%d %H:%M:%S", &tm);
}

struct hist {
	struct page *pg;
	int n;
};

static int hist_cb(void *ctx, const struct audit_rec *r)
{
	struct hist *hs = ctx;
	struct html *h = &hs->pg->h;
	char ts[32];
	fmt_time(ts, sizeof(ts), r->ts_ms);
	html_raw(h, "<tr><td>");
	html_int(h, r->seq);
	html_raw(h, "</td><td>");
	html_text(h, ts);
	html_raw(h, "</td><td>");
	html_text(h, r->actor);
	html_raw(h, "</td><td>");
	html_text(h, r->action);
	html_raw(h, "</td><td>");
	diff_view(h, r->diff);
	html_raw(h, "</td></tr>");
	hs->n++;
	return 0;
}

static int find_unit(struct http_req *req, const struct pegawai *e, struct unit_kerja *out)
{
	struct unit_list ul = { .req = req };
	if (!e->unit_id || registry_unit_list(req->store, &req->principal, e->instansi_id, unit_cb, &ul))
		return 0;
	for (size_t i = 0; i < ul.n; i++)
		if (ul.v[i].id == e->unit_id) {
			*out = ul.v[i];
			return 1;
		}
	return 0;
}

static int find_instansi(struct http_req *req, int64_t id, struct instansi *out)
{
	struct page_instansi_list il = { .req = req };
	if (registry_instansi_list(req->store, &req->principal, page_instansi_add, &il))
		return 0;
	const struct instansi *in = page_instansi_by_id(&il, id);
	if (!in)
		return 0;
	*out = *in;
	return 1;
}

int page_pegawai_detail(struct http_req *req, struct http_resp *resp)
{
	const struct principal *p = &req->principal;
	const char *nip = http_path_param(req, "nip");
	struct pegawai e;
	int rc = registry_get(req->store, p, nip, &e);
	if (rc)
		return rc;
	struct instansi in = { 0 };
	struct unit_kerja un = { 0 };
	find_instansi(req, e.instansi_id, &in);
	find_unit(req, &e, &un);

	struct page pg = { .req = req, .resp = resp };
	page_begin(&pg, req, resp, 200, page_tf(&pg, M_WEB_PEG_DETAIL_TITLE, e.nama));
	struct html *h = &pg.h;
	if (e.blokir)
		page_notice(&pg, "error", page_tf(&pg, M_WEB_BLOKIR_REFUSED, e.blokir_alasan));
	html_raw(h, "<table class=\"record\"><tbody>");
	row(&pg, M_WEB_F_NIP, e.nip);
	row(&pg, M_WEB_F_NAMA, e.nama);
	row(&pg, M_WEB_F_JENIS_ASN, e.jenis_asn);
	row(&pg, M_WEB_F_GOLONGAN, e.golongan);
	row(&pg, M_WEB_F_JENIS_JABATAN, e.jenis_jabatan);
	row(&pg, M_WEB_F_JENJANG, e.jenjang);
	row(&pg, M_WEB_F_JABATAN, e.jabatan);
	row(&pg, M_WEB_F_INSTANSI, in.nama[0] ? http_printf(req, "%s (%s)", in.nama, in.kode) : "");
	row(&pg, M_WEB_F_UNIT, un.nama[0] ? http_printf(req, "%s (%s)", un.nama, un.kode) : "");
	row(&pg, M_WEB_F_STATUS, e.status);
	row(&pg, M_WEB_F_BLOKIR, page_t(&pg, e.blokir ? M_WEB_BLOKIR_YES : M_WEB_BLOKIR_NO));
	if (e.blokir)
		row(&pg, M_WEB_BLOKIR_REASON, e.blokir_alasan);
	if (e.updated_ms) {
		char ts[32];
		fmt_time(ts, sizeof(ts), e.updated_ms);
		row(&pg, M_WEB_F_UPDATED, http_printf(req, "%s UTC", ts));
	}
	html_raw(h, "</tbody></table><p class=\"actions\">");
	if (principal_can(p, PERM_REGISTRY_WRITE) && !e.blokir) {
		html_raw(h, "<a class=\"button\"");
		html_url_begin(h, "href", "/pegawai/");
		html_url_seg(h, e.nip);
		html_raw(h, "/ubah");
		html_url_end(h);
		html_raw(h, ">");
		html_text(h, page_t(&pg, M_WEB_PEG_EDIT));
		html_raw(h, "</a> ");
	}
	if (p->role != ROLE_ASN) {
		html_raw(h, "<a href=\"/pegawai\">");
		html_text(h, page_t(&pg, M_WEB_PEG_BACK));
		html_raw(h, "</a>");
	}
	html_raw(h, "</p>");
	if ((rc = page_pegawai_kasus(&pg, &e)))
		return rc;
	html_raw(h, "<h2>");
	html_text(h, page_t(&pg, M_WEB_PEG_HISTORY));
	html_raw(h, "</h2><div class=\"table-wrap\"><table class=\"data\"><thead><tr>");
	static const enum msg_id cols[] = { M_WEB_AUD_SEQ, M_WEB_AUD_TIME, M_WEB_AUD_ACTOR,
					    M_WEB_AUD_ACTION, M_WEB_AUD_DIFF };
	page_th_cols(&pg, cols, ARRAY_SIZE(cols));
	html_raw(h, "</tr></thead><tbody>");
	struct hist hs = { &pg, 0 };
	rc = audit_view_pegawai(req->store, p, e.nip, 100, hist_cb, &hs);
	if (rc < 0)
		return rc;
	if (hs.n == 0) {
		html_raw(h, "<tr><td colspan=\"5\">");
		html_text(h, page_t(&pg, M_WEB_PEG_HISTORY_NONE));
		html_raw(h, "</td></tr>");
	}
	html_raw(h, "</tbody></table></div>");
	return page_end(&pg);
}

/* ---- edit ---- */

static enum msg_id err_for(const struct field_errors *fe, const char *field)
{
	if (!fe)
		return 0;
	for (int i = 0; i < fe->n; i++)
		if (!strcmp(fe->e[i].field, field))
			return fe->e[i].msg;
	return 0;
}

static int edit_form(struct http_req *req, struct http_resp *resp, int status, const char *nip,
		     const struct pegawai_input *in, const struct field_errors *fe,
		     const char *notice_ok)
{
	const struct principal *p = &req->principal;
	struct page_instansi_list il = { .req = req };
	int rc = registry_instansi_list(req->store, p, page_instansi_add, &il);
	if (rc)
		return rc;
	struct page pg = { .req = req, .resp = resp };
	page_begin(&pg, req, resp, status, page_tf(&pg, M_WEB_PEG_EDIT_TITLE, nip));
	struct html *h = &pg.h;
	if (notice_ok)
		page_notice(&pg, "ok", notice_ok);
	if (fe && fe->n) {
		page_notice(&pg, "error", page_t(&pg, M_WEB_PEG_FORM_ERRORS));
		/* Errors about fields that are not on this form. */
		for (int i = 0; i < fe->n; i++)
			if (!strcmp(fe->e[i].field, "nip") || !strcmp(fe->e[i].field, "unit_nama") ||
			    !strcmp(fe->e[i].field, ""))
				page_notice(&pg, "error", page_t(&pg, fe->e[i].msg));
	}
	html_raw(h, "<form class=\"card\" method=\"post\"");
	html_url_begin(h, "action", "/pegawai/");
	html_url_seg(h, nip);
	html_raw(h, "/ubah");
	html_url_end(h);
	html_raw(h, " novalidate>");
	page_csrf(&pg);
	html_raw(h, "<p><strong>");
	html_text(h, page_t(&pg, M_WEB_F_NIP));
	html_raw(h, ":</strong> ");
	html_text(h, nip);
	html_raw(h, "</p>");
	page_input(&pg, "nama", M_WEB_F_NAMA, "text", in->nama, err_for(fe, "nama"), "off");
	page_select(&pg, "jenis_asn", M_WEB_F_JENIS_ASN, jenis_asn_values, NULL,
		    ARRAY_SIZE(jenis_asn_values), in->jenis_asn, err_for(fe, "jenis_asn"));
	page_select(&pg, "golongan", M_WEB_F_GOLONGAN, golongan_values + 1, NULL,
		    ARRAY_SIZE(golongan_values) - 1, in->golongan, err_for(fe, "golongan"));
	page_select(&pg, "jenis_jabatan", M_WEB_F_JENIS_JABATAN, jabatan_values + 1, NULL,
		    ARRAY_SIZE(jabatan_values) - 1, in->jenis_jabatan, err_for(fe, "jenis_jabatan"));
	page_select(&pg, "jenjang", M_WEB_F_JENJANG, jenjang_values, NULL,
		    ARRAY_SIZE(jenjang_values), in->jenjang, err_for(fe, "jenjang"));
	page_input(&pg, "jabatan", M_WEB_F_JABATAN, "text", in->jabatan, err_for(fe, "jabatan"), "off");
	page_instansi_select(&pg, "instansi_kode", M_WEB_F_INSTANSI, &il, in->instansi_kode,
			     err_for(fe, "instansi_kode"));
	page_input(&pg, "unit_kode", M_WEB_F_UNIT_KODE, "text", in->unit_kode,
		   err_for(fe, "unit_kode"), "off");
	page_select(&pg, "status", M_WEB_F_STATUS, status_values + 1, NULL,
		    ARRAY_SIZE(status_values) - 1, in->status, err_for(fe, "status"));
	html_raw(h, "<button type=\"submit\">");
	html_text(h, page_t(&pg, M_WEB_PEG_SAVE));
	html_raw(h, "</button> <a");
	html_url_begin(h, "href", "/pegawai/");
	html_url_seg(h, nip);
	html_url_end(h);
	html_raw(h, ">");
	html_text(h, page_t(&pg, M_WEB_PEG_CANCEL));
	html_raw(h, "</a></form>");
	return page_end(&pg);
}

static int blocked_page(struct http_req *req, struct http_resp *resp, const char *nip,
			const char *reason)
{
	struct page pg = { .req = req, .resp = resp };
	page_begin(&pg, req, resp, 423, page_tf(&pg, M_WEB_PEG_EDIT_TITLE, nip));
	page_notice(&pg, "error", page_tf(&pg, M_WEB_BLOKIR_REFUSED, reason));
	struct html *h = &pg.h;
	html_raw(h, "<p><a");
	html_url_begin(h, "href", "/pegawai/");
	html_url_seg(h, nip);
	html_url_end(h);
	html_raw(h, ">");
	html_text(h, page_t(&pg, M_WEB_PEG_BACK));
	html_raw(h, "</a></p>");
	return page_end(&pg);
}

int page_pegawai_edit_get(struct http_req *req, struct http_resp *resp)
{
	const struct principal *p = &req->principal;
	const char *nip = http_path_param(req, "nip");
	struct pegawai e;
	int rc = registry_get(req->store, p, nip, &e);
	if (rc)
		return rc;
	if (!principal_can(p, PERM_REGISTRY_WRITE))
		return APP_EPERM;
	if (e.blokir)
		return blocked_page(req, resp, e.nip, e.blokir_alasan);
	struct instansi in = { 0 };
	struct unit_kerja un = { 0 };
	find_instansi(req, e.instansi_id, &in);
	find_unit(req, &e, &un);
	struct pegawai_input pi = {
		.nip = e.nip, .nama = e.nama, .jenis_asn = e.jenis_asn, .golongan = e.golongan,
		.jenis_jabatan = e.jenis_jabatan, .jenjang = e.jenjang, .jabatan = e.jabatan,
		.instansi_kode = in.kode, .unit_kode = un.kode, .status = e.status,
	};
	const char *saved = http_query(req, "disimpan");
	return edit_form(req, resp, 200, e.nip, &pi, NULL,
			 saved && !strcmp(saved, "1") ? http_msg(req, M_WEB_PEG_SAVED) :
			 saved && !strcmp(saved, "0") ? http_msg(req, M_WEB_PEG_UNCHANGED) : NULL);
}

int page_pegawai_edit_post(struct http_req *req, struct http_resp *resp)
{
	const struct principal *p = &req->principal;
	const char *nip = http_path_param(req, "nip");
	struct pegawai e;
	/* The edit form only edits an existing employee in scope. */
	int rc = registry_get(req->store, p, nip, &e);
	if (rc)
		return rc;
	if (!principal_can(p, PERM_REGISTRY_WRITE))
		return APP_EPERM;
	if (e.blokir)
		return blocked_page(req, resp, e.nip, e.blokir_alasan);
	struct pegawai_input pi = {
		.nip = e.nip,
		.nama = http_form(req, "nama"),
		.jenis_asn = http_form(req, "jenis_asn"),
		.golongan = http_form(req, "golongan"),
		.jenis_jabatan = http_form(req, "jenis_jabatan"),
		.jenjang = http_form(req, "jenjang"),
		.jabatan = http_form(req, "jabatan"),
		.instansi_kode = http_form(req, "instansi_kode"),
		.unit_kode = http_form(req, "unit_kode"),
		.status = http_form(req, "status"),
	};
	struct registry_save_result r;
	memset(&r, 0, sizeof(r));
	rc = registry_save(req->store, p, &pi, &r);
	if (rc == APP_EINVAL)
		return edit_form(req, resp, 422, e.nip, &pi, &r.fe, NULL);
	if (rc == APP_EBLOCKED)
		return blocked_page(req, resp, e.nip, r.blokir_alasan);
	if (rc)
		return rc;
	http_redirect(req, resp, http_printf(req, "/pegawai/%s/ubah?disimpan=%d", e.nip, r.changed ? 1 : 0));
	return 0;
}
