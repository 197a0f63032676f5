/* Campaign pages: the list (/kampanye), a new campaign (/kampanye/baru),
 * a campaign with its progress or, for an employee, the document to sign
 * (/kampanye/:id), signing (POST /kampanye/:id/tandatangani) and the
 * not-signed exports (/kampanye/:id/belum.csv|.xlsx). Templates are in
 * page_templat.c; verification in page_verifikasi.c. */
#include "core/compat.h"
#include "app/kampanye.h"
#include "app/registry.h"
#include "core/date.h"
#include "core/err.h"
#include "web/chart_svg.h"
#include "web/page.h"
#include "web/web.h"
#include <fcntl.h>
#include <unistd.h>

#define CSS "/static/kampanye.css"

static void link_button(struct page *pg, const char *href, enum msg_id label)
{
	html_raw(&pg->h, "<a class=\"button secondary\"");
	html_attr(&pg->h, "href", href);
	html_raw(&pg->h, ">");
	html_text(&pg->h, page_t(pg, label));
	html_raw(&pg->h, "</a> ");
}

static const char *cakupan_label(const struct page *pg, const char *c)
{
	if (!strcmp(c, "instansi"))
		return page_t(pg, M_KW_CAKUPAN_INSTANSI);
	if (!strcmp(c, "unit"))
		return page_t(pg, M_KW_CAKUPAN_UNIT);
	return page_t(pg, M_KW_CAKUPAN_NIP);
}

/* ---- list ---- */

struct list_ctx {
	struct page *pg;
	struct http_req *req;
	int n;
	int asn;
};

static int list_row(void *ctx, const struct kampanye *k)
{
	struct list_ctx *l = ctx;
	struct html *h = &l->pg->h;
	if (l->n++ == 0) {
		const enum msg_id cols[] = { M_KW_COL_NAMA, M_KW_COL_PERIODE, M_KW_COL_TENGGAT,
					     l->asn ? M_KW_COL_STATUS : M_KW_COL_CAKUPAN };
		html_raw(h, "<div class=\"table-wrap\"><table class=\"data\"><thead><tr>");
		page_th_cols(l->pg, cols, ARRAY_SIZE(cols));
		html_raw(h, "</tr></thead><tbody>");
	}
	html_raw(h, "<tr><td><a");
	html_attr(h, "href", http_printf(l->req, "/kampanye/%lld", (long long)k->id));
	html_raw(h, ">");
	html_text(h, k->nama);
	html_raw(h, "</a></td><td>");
	html_text(h, k->periode);
	html_raw(h, "</td><td>");
	html_text(h, page_day(l->req, k->tenggat_hari));
	html_raw(h, "</td><td>");
	if (l->asn) {
		struct tanda_tangan t;
		int signed_ = kampanye_my_signature(l->req->store, &l->req->principal, k->id, &t) == 0;
		html_text(h, page_t(l->pg, signed_ ? M_KW_STATUS_SIGNED : M_KW_STATUS_UNSIGNED));
	} else {
		html_text(h, cakupan_label(l->pg, k->cakupan));
	}
	html_raw(h, "</td></tr>");
	return 0;
}

int page_kampanye_list(struct http_req *req, struct http_resp *resp)
{
	const struct principal *p = &req->principal;
	if (p->role != ROLE_ASN && !kampanye_may_view(p))
		return APP_EPERM;
	struct page pg = { .req = req, .resp = resp, .css = CSS };
	page_begin(&pg, req, resp, 200, page_t(&pg, M_KW_LIST_TITLE));
	struct html *h = &pg.h;
	struct list_ctx l = { &pg, req, 0, p->role == ROLE_ASN };
	html_raw(h, "<p class=\"lead\">");
	html_text(h, page_t(&pg, l.asn ? M_KW_LIST_LEAD_ASN : M_KW_LIST_LEAD));
	html_raw(h, "</p>");
	if (kampanye_may_manage(p)) {
		html_raw(h, "<p class=\"actions\">");
		link_button(&pg, "/kampanye/baru", M_KW_NEW_TITLE);
		link_button(&pg, "/kampanye/templat", M_KW_TEMPLAT_TITLE);
		link_button(&pg, "/aktivasi/terbitkan", M_KW_ISSUE_TITLE);
		html_raw(h, "</p>");
	}
	/* The list is collected first: an asn row looks its signature up. */
	int rc = kampanye_list(req->store, p, list_row, &l);
	if (rc)
		return rc;
	if (l.n)
		html_raw(h, "</tbody></table></div>");
	else {
		html_raw(h, "<p>");
		html_text(h, page_t(&pg, M_KW_LIST_EMPTY));
		html_raw(h, "</p>");
	}
	return page_end(&pg);
}

/* ---- new campaign ---- */

struct templat_opts {
	const char **values, **labels;
	size_t n;
	struct http_req *req;
};

static int add_templat(void *ctx, const struct dok_templat *t)
{
	struct templat_opts *o = ctx;
	if (o->n >= 200)
		return 0;
	o->values[o->n] = http_printf(o->req, "%lld", (long long)t->id);
	o->labels[o->n] = http_printf(o->req, "%s (%s v%lld)", t->judul, t->kode, (long long)t->versi);
	o->n++;
	return 0;
}

struct unit_opts {
	struct unit_kerja *v;
	size_t n;
	struct http_req *req;
};

static int add_unit(void *ctx, const struct unit_kerja *u)
{
	struct unit_opts *o = ctx;
	if (o->n < 200)
		o->v[o->n++] = *u;
	return 0;
}

static int is_checked(struct http_req *req, const char *name, const char *value)
{
	const char **vals;
	size_t n = http_form_all(req, name, &vals);
	for (size_t i = 0; i < n; i++)
		if (!strcmp(vals[i], value))
			return 1;
	return 0;
}

static void radio(struct page *pg, const char *value, const char *current, enum msg_id label)
{
	struct html *h = &pg->h;
	const char *id = http_printf(pg->req, "cakupan-%s", value);
	html_raw(h, "<div class=\"field check\"><input type=\"radio\" name=\"cakupan\"");
	html_attr(h, "id", id);
	html_attr(h, "value", value);
	if (current && !strcmp(current, value))
		html_raw(h, " checked");
	html_raw(h, "><label");
	html_attr(h, "for", id);
	html_raw(h, ">");
	html_text(h, page_t(pg, label));
	html_raw(h, "</label></div>");
}

static int new_form(struct http_req *req, struct http_resp *resp, int status, enum msg_id err)
{
	const struct principal *p = &req->principal;
	struct page pg = { .req = req, .resp = resp, .css = CSS };
	struct templat_opts to = { http_alloc(req, 200 * sizeof(char *)),
				   http_alloc(req, 200 * sizeof(char *)), 0, req };
	struct unit_opts uo = { http_alloc(req, 200 * sizeof(struct unit_kerja)), 0, req };
	if (!to.values || !to.labels || !uo.v)
		return APP_ENOMEM;
	int rc = kampanye_templat_list(req->store, p, add_templat, &to);
	if (!rc)
		rc = store_unit_list(req->store, p->instansi_id, add_unit, &uo);
	if (rc)
		return rc;
	page_begin(&pg, req, resp, status, page_t(&pg, M_KW_NEW_TITLE));
	struct html *h = &pg.h;
	if (err)
		page_notice(&pg, "error", page_t(&pg, err));
	if (!to.n) {
		html_raw(h, "<p>");
		html_text(h, page_t(&pg, M_KW_NEED_TEMPLAT));
		html_raw(h, " <a href=\"/kampanye/templat\">");
		html_text(h, page_t(&pg, M_KW_TEMPLAT_TITLE));
		html_raw(h, "</a></p>");
		return page_end(&pg);
	}
	html_raw(h, "<form class=\"card\" method=\"post\" action=\"/kampanye/baru\" enctype=\"multipart/form-data\">");
	page_csrf(&pg);
	page_select(&pg, "templat", M_KW_F_TEMPLAT, to.values, to.labels, to.n, http_form(req, "templat"),
		    err == M_KAMP_ERR_TEMPLAT ? err : 0);
	page_input(&pg, "nama", M_KW_F_NAMA, "text", http_form(req, "nama"),
		   err == M_KAMP_ERR_NAMA ? err : 0, "off");
	page_input(&pg, "periode", M_KW_F_PERIODE, "text", http_form(req, "periode"),
		   err == M_KAMP_ERR_PERIODE ? err : 0, "off");
	page_input(&pg, "tenggat", M_KW_F_TENGGAT, "date", http_form(req, "tenggat"),
		   err == M_KAMP_ERR_TENGGAT ? err : 0, "off");
	const char *c = http_form(req, "cakupan");
	html_raw(h, "<fieldset><legend>");
	html_text(h, page_t(&pg, M_KW_F_CAKUPAN));
	html_raw(h, "</legend>");
	radio(&pg, "instansi", c ? c : "instansi", M_KW_CAKUPAN_INSTANSI);
	radio(&pg, "unit", c, M_KW_CAKUPAN_UNIT);
	if (uo.n) {
		html_raw(h, "<div class=\"grid units\">");
		for (size_t i = 0; i < uo.n; i++) {
			const char *id = http_printf(req, "unit-%s", uo.v[i].kode);
			html_raw(h, "<div class=\"field check\"><input type=\"checkbox\" name=\"unit\"");
			html_attr(h, "id", id);
			html_attr(h, "value", uo.v[i].kode);
			if (is_checked(req, "unit", uo.v[i].kode))
				html_raw(h, " checked");
			html_raw(h, "><label");
			html_attr(h, "for", id);
			html_raw(h, ">");
			html_text(h, uo.v[i].nama);
			html_raw(h, "</label></div>");
		}
		html_raw(h, "</div>");
	}
	radio(&pg, "nip", c, M_KW_CAKUPAN_NIP);
	page_textarea(&pg, "nips", M_KW_F_NIPS, http_form(req, "nips"), 4,
		      err == M_KAMP_ERR_NIPS || err == M_KAMP_ERR_NIP_UNKNOWN ? err : 0, M_KW_F_NIPS_HINT);
	html_raw(h, "<div class=\"field\"><label for=\"berkas_nip\">");
	html_text(h, page_t(&pg, M_KW_F_NIP_FILE));
	html_raw(h, "</label><input type=\"file\" id=\"berkas_nip\" name=\"berkas_nip\" accept=\".csv,text/csv,text/plain\"></div>");
	html_raw(h, "</fieldset><p><button type=\"submit\">");
	html_text(h, page_t(&pg, M_KW_F_OPEN));
	html_raw(h, "</button></p></form>");
	return page_end(&pg);
}

int page_kampanye_new_get(struct http_req *req, struct http_resp *resp)
{
	if (!kampanye_may_manage(&req->principal))
		return APP_EPERM;
	return new_form(req, resp, 200, 0);
}

int page_kampanye_new_post(struct http_req *req, struct http_resp *resp)
{
	if (!kampanye_may_manage(&req->principal))
		return APP_EPERM;
	int64_t tid = 0;
	const char *ts = http_form(req, "templat");
	if (!ts || http_parse_int64(ts, &tid))
		tid = 0;
	const char **units;
	size_t n_units = http_form_all(req, "unit", &units);
	const char *nips = http_form(req, "nips");
	const struct http_upload *up = http_upload_get(req, "berkas_nip");
	if (up && up->len) {
		/* the file's NIPs join what was pasted */
		char *all = http_alloc(req, (nips ? strlen(nips) : 0) + up->len + 2);
		if (!all)
			return APP_ENOMEM;
		size_t k = 0;
		if (nips) {
			memcpy(all, nips, strlen(nips));
			k = strlen(nips);
		}
		all[k++] = '\n';
		memcpy(all + k, up->data, up->len);
		/* a NUL byte in the upload only cuts the list short */
		all[k + up->len] = '\0';
		nips = all;
	}
	struct kampanye_input in = {
		.templat_id = tid, .nama = http_form(req, "nama"), .periode = http_form(req, "periode"),
		.tenggat = http_form(req, "tenggat"), .cakupan = http_form(req, "cakupan"),
		.units = units, .n_units = n_units, .nips = nips,
	};
	int64_t id = 0;
	enum msg_id err = 0;
	int rc = kampanye_create(req->store, &req->principal, &in, &id, &err);
	if (rc == APP_EINVAL && err)
		return new_form(req, resp, 422, err);
	if (rc)
		return rc;
	http_redirect(req, resp, http_printf(req, "/kampanye/%lld?dibuka=1", (long long)id));
	return 0;
}

/* ---- one campaign ---- */

static void facts(struct page *pg, const struct kampanye *k, const struct dok_templat *t)
{
	struct html *h = &pg->h;
	html_raw(h, "<dl class=\"facts\"><dt>");
	html_text(h, page_t(pg, M_KW_COL_PERIODE));
	html_raw(h, "</dt><dd>");
	html_text(h, k->periode);
	html_raw(h, "</dd><dt>");
	html_text(h, page_t(pg, M_KW_COL_TENGGAT));
	html_raw(h, "</dt><dd>");
	html_text(h, page_day(pg->req, k->tenggat_hari));
	html_raw(h, "</dd><dt>");
	html_text(h, page_t(pg, M_KW_COL_DOKUMEN));
	html_raw(h, "</dt><dd>");
	html_text(h, t->judul);
	html_text(h, http_printf(pg->req, " (%s, v%lld)", t->kode, (long long)t->versi));
	html_raw(h, "</dd><dt>SHA-256</dt><dd><code class=\"hash full\">");
	html_text(h, t->teks_sha256);
	html_raw(h, "</code></dd><dt>");
	html_text(h, page_t(pg, M_KW_COL_CAKUPAN));
	html_raw(h, "</dt><dd>");
	html_text(h, cakupan_label(pg, k->cakupan));
	html_raw(h, "</dd></dl>");
}

static void document_text(struct page *pg, const struct dok_templat *t)
{
	struct html *h = &pg->h;
	html_raw(h, "<article class=\"dokumen\" lang=\"id\"><h2>");
	html_text(h, t->judul);
	html_raw(h, "</h2><div class=\"teks\">");
	html_text(h, t->teks);
	html_raw(h, "</div></article>");
}

static int asn_view(struct page *pg, const struct kampanye *k, const struct dok_templat *t,
		    enum msg_id err)
{
	struct http_req *req = pg->req;
	struct html *h = &pg->h;
	struct tanda_tangan s;
	int rc = kampanye_my_signature(req->store, &req->principal, k->id, &s);
	if (rc && rc != APP_ENOTFOUND)
		return rc;
	if (!rc) {
		const char *q = http_query(req, "ditandatangani");
		if (q && !strcmp(q, "1"))
			page_notice(pg, "ok", page_t(pg, M_KW_SIGNED_NOW));
		char fmt[16];
		snprintf(fmt, sizeof(fmt), "%.5s-%.5s", s.kode, s.kode + 5);
		html_raw(h, "<div class=\"card\"><p>");
		html_text(h, page_tf(pg, M_KW_SIGNED_AT, page_time_utc(req, s.signed_ms)));
		html_raw(h, "</p><p>");
		html_text(h, page_t(pg, M_KW_CODE));
		html_raw(h, " <strong class=\"kode\" id=\"kode-verifikasi\">");
		html_text(h, fmt);
		html_raw(h, "</strong></p><p><a");
		html_attr(h, "href", http_printf(req, "/tanda-tangan/%s/cetak", s.kode));
		html_raw(h, ">");
		html_text(h, page_t(pg, M_KW_PRINT_LINK));
		html_raw(h, "</a> · <a");
		html_attr(h, "href", http_printf(req, "/verifikasi/%s", s.kode));
		html_raw(h, ">");
		html_text(h, page_t(pg, M_KW_VERIFY_LINK));
		html_raw(h, "</a></p></div>");
		document_text(pg, t);
		return 0;
	}
	if (err)
		page_notice(pg, "error", page_t(pg, err));
	html_raw(h, "<p>");
	html_text(h, page_t(pg, M_KW_SIGN_INTRO));
	html_raw(h, "</p>");
	document_text(pg, t);
	html_raw(h, "<form class=\"card\" method=\"post\"");
	html_attr(h, "action", http_printf(req, "/kampanye/%lld/tandatangani", (long long)k->id));
	html_raw(h, ">");
	page_csrf(pg);
	html_raw(h, "<div class=\"field check");
	if (err == M_KW_ERR_SETUJU)
		html_raw(h, " has-error");
	html_raw(h, "\"><input type=\"checkbox\" id=\"setuju\" name=\"setuju\" value=\"1\" required");
	if (err == M_KW_ERR_SETUJU)
		html_raw(h, " aria-invalid=\"true\"");
	html_raw(h, "><label for=\"setuju\">");
	html_text(h, page_t(pg, M_KW_SETUJU));
	html_raw(h, "</label></div><button type=\"submit\">");
	html_text(h, page_t(pg, M_KW_SIGN_BUTTON));
	html_raw(h, "</button></form>");
	return 0;
}

static int progress_view(struct page *pg, const struct kampanye *k)
{
	struct http_req *req = pg->req;
	struct html *h = &pg->h;
	struct kampanye_progress_all pa;
	int rc = kampanye_progress(req->store, &req->principal, k->id, &pa);
	if (rc)
		return rc;
	html_raw(h, "<h2>");
	html_text(h, page_t(pg, M_KW_PROGRESS));
	html_raw(h, "</h2><p class=\"lead\" id=\"progres-instansi\">");
	html_text(h, page_tf(pg, M_KW_PROGRESS_TOTAL, (long long)pa.signed_, (long long)pa.total,
			     page_percent(req, kampanye_permille(pa.signed_, pa.total))));
	html_raw(h, "</p>");
	struct chart_bar *bars = http_alloc(req, (pa.n + 1) * sizeof(*bars));
	if (!bars) {
		free(pa.units);
		return APP_ENOMEM;
	}
	for (size_t i = 0; i < pa.n; i++) {
		const struct kampanye_unit_progress *u = &pa.units[i];
		bars[i].label = http_strdup(req, u->nama[0] ? u->nama : page_t(pg, M_KW_NO_UNIT));
		bars[i].part = u->signed_;
		bars[i].whole = u->total;
		bars[i].value = page_percent(req, kampanye_permille(u->signed_, u->total));
	}
	if (pa.n) {
		html_raw(h, "<div class=\"chart-wrap\">");
		chart_svg_bars(h, "grafik-unit", page_t(pg, M_KW_CHART_TITLE),
			       page_tf(pg, M_KW_CHART_DESC, (long long)pa.n), bars, pa.n);
		struct chart_columns cols = { page_t(pg, M_KW_CHART_TITLE), page_t(pg, M_KW_COL_UNIT),
					      page_t(pg, M_KW_COL_SIGNED), page_t(pg, M_KW_COL_TOTAL),
					      page_t(pg, M_KW_COL_PERCENT) };
		chart_table(h, &cols, bars, pa.n);
		html_raw(h, "</div>");
	}
	free(pa.units);
	html_raw(h, "<p class=\"export\">");
	html_text(h, page_t(pg, M_KW_UNSIGNED_EXPORT));
	html_raw(h, " <a");
	html_attr(h, "href", http_printf(req, "/kampanye/%lld/belum.csv", (long long)k->id));
	html_raw(h, ">CSV</a> · <a");
	html_attr(h, "href", http_printf(req, "/kampanye/%lld/belum.xlsx", (long long)k->id));
	html_raw(h, ">XLSX</a></p>");
	if (kampanye_may_manage(&req->principal)) {
		html_raw(h, "<p class=\"actions\">");
		link_button(pg, http_printf(req, "/aktivasi/terbitkan?kampanye=%lld", (long long)k->id),
			    M_KW_ISSUE_FOR_CAMPAIGN);
		html_raw(h, "</p>");
	}
	return 0;
}

static int detail(struct http_req *req, struct http_resp *resp, int status, enum msg_id err)
{
	int64_t id;
	int rc = http_path_int64(req, "id", &id);
	if (rc)
		return rc;
	struct kampanye k;
	struct dok_templat *t = http_alloc(req, sizeof(*t));
	if (!t)
		return APP_ENOMEM;
	rc = kampanye_get(req->store, &req->principal, id, &k, t);
	if (rc)
		return rc;
	struct page pg = { .req = req, .resp = resp, .css = CSS };
	page_begin(&pg, req, resp, status, k.nama);
	const char *q = http_query(req, "dibuka");
	if (q && !strcmp(q, "1"))
		page_notice(&pg, "ok", page_t(&pg, M_KW_OPENED));
	facts(&pg, &k, t);
	rc = req->principal.role == ROLE_ASN ? asn_view(&pg, &k, t, err) : progress_view(&pg, &k);
	if (rc)
		return rc;
	if (req->principal.role != ROLE_ASN) {
		html_raw(&pg.h, "<details><summary>");
		html_text(&pg.h, page_t(&pg, M_KW_SHOW_TEXT));
		html_raw(&pg.h, "</summary>");
		document_text(&pg, t);
		html_raw(&pg.h, "</details>");
	}
	return page_end(&pg);
}

int page_kampanye_detail(struct http_req *req, struct http_resp *resp)
{
	return detail(req, resp, 200, 0);
}

int page_kampanye_sign(struct http_req *req, struct http_resp *resp)
{
	int64_t id;
	int rc = http_path_int64(req, "id", &id);
	if (rc)
		return rc;
	const char *ok = http_form(req, "setuju");
	if (!ok || (strcmp(ok, "1") && strcmp(ok, "on")))
		return detail(req, resp, 422, M_KW_ERR_SETUJU);
	struct tanda_tangan t;
	int created = 0;
	enum msg_id err = 0;
	rc = kampanye_sign(req->store, &req->principal, id, &t, &created, &err);
	if (rc == APP_EPERM || (rc == APP_ECONFLICT && err)) {
		web_error_page(req, resp, rc == APP_EPERM ? 403 : 409,
			       http_msg(req, err ? err : M_KAMP_ONLY_ASN));
		return 0;
	}
	if (rc)
		return rc;
	http_redirect(req, resp, http_printf(req, "/kampanye/%lld?ditandatangani=1", (long long)id));
	return 0;
}

int page_kampanye_export(struct http_req *req, struct http_resp *resp)
{
	int64_t id;
	int rc = http_path_int64(req, "id", &id);
	if (rc)
		return rc;
	if (!kampanye_may_view(&req->principal))
		return APP_EPERM;
	int xlsx = strstr(req->path, ".xlsx") != NULL;
	char path[] = "/tmp/wasdal-belum-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return APP_EIO;
	int64_t rows = 0;
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
		rc = kampanye_unsigned_csv(req->store, &req->principal, id, f, &rows);
		if (fclose(f) != 0 && rc == 0)
			rc = APP_EIO;
	} else {
		rc = kampanye_unsigned_xlsx(req->store, &req->principal, id, path, &rows);
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
	resp->attachment = http_printf(req, "belum-menandatangani-%lld.%s", (long long)id,
				       xlsx ? "xlsx" : "csv");
	return 0;
}
