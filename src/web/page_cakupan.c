/* Sosialisasi coverage: per unit, the share of active employees reached by
 * at least one sosialisasi in a period, as a server-rendered SVG bar chart
 * with the same numbers in a table beside it, the never-reached list, and
 * CSV/XLSX exports. */
#include "core/compat.h"
#include "core/date.h"
#include "core/err.h"
#include "web/chart_svg.h"
#include "web/page_acara.h"
#include <fcntl.h>
#include <unistd.h>

#define NEVER_SHOWN 500
#define DEFAULT_DAYS 30

struct query {
	const char *instansi;
	int32_t dari, sampai;
	char dari_s[11], sampai_s[11];
	enum msg_id err_dari, err_sampai;
};

/* The period from ?dari=&sampai= (default: the last 30 days to today) and
 * the instansi (default: the principal's own). */
static void read_query(struct http_req *req, const struct page_instansi_list *il, struct query *q)
{
	memset(q, 0, sizeof(*q));
	const char *d = http_query(req, "dari"), *s = http_query(req, "sampai");
	q->sampai = date_today_wib();
	q->dari = q->sampai - (DEFAULT_DAYS - 1);
	if (d && *d && date_parse_iso(d, strlen(d), &q->dari))
		q->err_dari = M_ACARA_DATE_BAD;
	if (s && *s && date_parse_iso(s, strlen(s), &q->sampai))
		q->err_sampai = M_ACARA_DATE_BAD;
	if (!q->err_dari && !q->err_sampai && q->sampai < q->dari)
		q->err_sampai = M_ACARA_DATE_ORDER;
	date_format_iso(q->dari, q->dari_s, sizeof(q->dari_s));
	date_format_iso(q->sampai, q->sampai_s, sizeof(q->sampai_s));
	q->instansi = http_query(req, "instansi");
	if (!q->instansi || !*q->instansi) {
		const struct instansi *own = page_instansi_by_id(il, req->principal.instansi_id);
		q->instansi = own ? own->kode : il->n ? il->v[0].kode : "";
	}
}

static const char *unit_label(const struct page *pg, const struct acara_cakupan_unit *u)
{
	return u->unit_id ? u->nama : page_t(pg, M_ACARA_TANPA_UNIT);
}

static const char *pct(struct http_req *req, int64_t part, int64_t whole)
{
	int pm = acara_permil(part, whole);
	return http_printf(req, "%d,%d%%", pm / 10, pm % 10);
}

/* One bar per unit on a 0..100 % scale (web/chart_svg.c); the table beside
 * it carries the same numbers. */
static int chart(struct page *pg, const struct acara_cakupan *c, const struct query *q)
{
	struct chart_bar *bars = http_alloc(pg->req, (c->n + 1) * sizeof(*bars));
	if (!bars)
		return APP_ENOMEM;
	for (size_t i = 0; i < c->n; i++) {
		const struct acara_cakupan_unit *u = &c->unit[i];
		bars[i] = (struct chart_bar){ unit_label(pg, u), u->terjangkau, u->pegawai,
					      pct(pg->req, u->terjangkau, u->pegawai) };
	}
	html_raw(&pg->h, "<figure class=\"chart\">");
	chart_svg_share(&pg->h, "grafik", page_tf(pg, M_AW_COV_CHART, q->dari_s, q->sampai_s),
			page_t(pg, M_AW_COV_CHART_DESC), bars, c->n);
	html_raw(&pg->h, "</figure>");
	return 0;
}

static void table(struct page *pg, const struct acara_cakupan *c)
{
	struct html *h = &pg->h;
	/* focusable: the table may scroll sideways beside the chart */
	html_raw(h, "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\"");
	html_attr(h, "aria-label", page_t(pg, M_AW_COV_UNIT));
	html_raw(h, "><table class=\"data cakupan\"><caption>");
	html_text(h, c->instansi.nama);
	html_raw(h, "</caption><thead><tr>");
	static const enum msg_id cols[] = { M_AW_COV_UNIT, M_AW_COV_PEGAWAI, M_AW_COV_TERJANGKAU,
					    M_AW_COV_BELUM, M_AW_COV_PERSEN };
	page_th_cols(pg, cols, ARRAY_SIZE(cols));
	html_raw(h, "</tr></thead><tbody>");
	for (size_t i = 0; i <= c->n; i++) {
		const struct acara_cakupan_unit *u = i < c->n ? &c->unit[i] : NULL;
		int64_t n = u ? u->pegawai : c->pegawai, t = u ? u->terjangkau : c->terjangkau;
		if (u)
			html_raw(h, "<tr><th scope=\"row\">");
		else
			html_raw(h, "<tr class=\"total\"><th scope=\"row\">");
		html_text(h, u ? unit_label(pg, u) : page_t(pg, M_AW_COV_TOTAL));
		html_raw(h, "</th><td class=\"num\">");
		html_int(h, n);
		html_raw(h, "</td><td class=\"num\">");
		html_int(h, t);
		html_raw(h, "</td><td class=\"num\">");
		html_int(h, n - t);
		html_raw(h, "</td><td class=\"num\">");
		html_text(h, pct(pg->req, t, n));
		html_raw(h, "</td></tr>\n");
	}
	html_raw(h, "</tbody></table></div>");
}

struct never_ctx {
	struct page *pg;
	const struct acara_cakupan *c;
	int64_t n;
};

static int never_row(void *ctx, const struct acara_peserta *e)
{
	struct never_ctx *x = ctx;
	struct html *h = &x->pg->h;
	if (x->n++ >= NEVER_SHOWN)
		return 0;
	const struct acara_cakupan_unit *u = NULL;
	for (size_t i = 0; i < x->c->n; i++)
		if (x->c->unit[i].unit_id == e->unit_id)
			u = &x->c->unit[i];
	html_raw(h, "<tr><td class=\"nip\">");
	html_text(h, e->nip);
	html_raw(h, "</td><td>");
	html_text(h, e->nama);
	html_raw(h, "</td><td>");
	html_text(h, u ? unit_label(x->pg, u) : "");
	html_raw(h, "</td></tr>\n");
	return 0;
}

static void export_link(struct page *pg, const struct query *q, int xlsx)
{
	struct html *h = &pg->h;
	html_raw(h, "<a");
	if (xlsx)
		html_url_begin(h, "href", "/cakupan/ekspor.xlsx");
	else
		html_url_begin(h, "href", "/cakupan/ekspor.csv");
	html_url_arg(h, "instansi", q->instansi);
	html_url_arg(h, "dari", q->dari_s);
	html_url_arg(h, "sampai", q->sampai_s);
	html_url_end(h);
	html_raw(h, ">");
	html_text(h, xlsx ? "XLSX" : "CSV");
	html_raw(h, "</a>");
}

int page_cakupan(struct http_req *req, struct http_resp *resp)
{
	const struct principal *p = &req->principal;
	if (!acara_can_read(p))
		return APP_EPERM;
	struct page_instansi_list il;
	int rc = page_instansi_collect(req, &il);
	if (rc)
		return rc;
	struct query q;
	read_query(req, &il, &q);
	struct acara_cakupan c;
	memset(&c, 0, sizeof(c));
	int bad = q.err_dari || q.err_sampai;
	if (!bad) {
		rc = acara_cakupan(req->store, p, q.instansi, q.dari, q.sampai, &c);
		if (rc)
			return rc;
	}
	struct page pg = { .req = req, .resp = resp };
	page_begin(&pg, req, resp, bad ? 422 : 200, page_t(&pg, M_AW_COV_TITLE));
	struct html *h = &pg.h;
	html_raw(h, "<p>");
	html_text(h, page_t(&pg, M_AW_COV_LEAD));
	html_raw(h, "</p><form class=\"card filters\" method=\"get\" action=\"/cakupan\"><div class=\"grid\">");
	const char **vals = http_alloc(req, (il.n + 1) * sizeof(*vals));
	const char **labels = http_alloc(req, (il.n + 1) * sizeof(*labels));
	for (size_t i = 0; i < il.n; i++) {
		vals[i] = il.v[i].kode;
		labels[i] = http_printf(req, "%s (%s)", il.v[i].nama, il.v[i].kode);
	}
	page_select(&pg, "instansi", M_WEB_F_INSTANSI, vals, labels, il.n, q.instansi, 0);
	page_input(&pg, "dari", M_AW_COV_DARI, "date", q.dari_s, q.err_dari, "off");
	page_input(&pg, "sampai", M_AW_COV_SAMPAI, "date", q.sampai_s, q.err_sampai, "off");
	html_raw(h, "</div><button type=\"submit\">");
	html_text(h, page_t(&pg, M_AW_COV_SHOW));
	html_raw(h, "</button></form>");
	if (bad)
		return page_end(&pg);
	html_raw(h, "<h2>");
	html_text(h, page_tf(&pg, M_AW_COV_CHART, q.dari_s, q.sampai_s));
	html_raw(h, "</h2><div class=\"chart-and-table\">");
	if ((rc = chart(&pg, &c, &q))) {
		acara_cakupan_release(&c);
		return rc;
	}
	table(&pg, &c);
	html_raw(h, "</div><p class=\"pager\">");
	html_text(h, page_t(&pg, M_AW_COV_EXPORT));
	export_link(&pg, &q, 0);
	export_link(&pg, &q, 1);
	html_raw(h, "</p><h2>");
	html_text(h, page_t(&pg, M_AW_COV_NEVER));
	html_raw(h, "</h2><div class=\"table-wrap\"><table class=\"data\"><thead><tr><th scope=\"col\">");
	html_text(h, page_t(&pg, M_AW_COL_NIP));
	html_raw(h, "</th><th scope=\"col\">");
	html_text(h, page_t(&pg, M_AW_COL_NAMA));
	html_raw(h, "</th><th scope=\"col\">");
	html_text(h, page_t(&pg, M_AW_COV_UNIT));
	html_raw(h, "</th></tr></thead><tbody>");
	struct never_ctx x = { &pg, &c, 0 };
	rc = acara_cakupan_belum(req->store, p, &c, never_row, &x);
	acara_cakupan_release(&c);
	if (rc)
		return rc;
	html_raw(h, "</tbody></table></div>");
	if (!x.n) {
		html_raw(h, "<p>");
		html_text(h, page_t(&pg, M_AW_COV_NEVER_NONE));
		html_raw(h, "</p>");
	} else if (x.n > NEVER_SHOWN) {
		html_raw(h, "<p>");
		html_text(h, page_tf(&pg, M_AW_COV_NEVER_MORE, (long long)NEVER_SHOWN));
		html_raw(h, "</p>");
	}
	return page_end(&pg);
}

int page_cakupan_export(struct http_req *req, struct http_resp *resp)
{
	const struct principal *p = &req->principal;
	if (!acara_can_read(p))
		return APP_EPERM;
	int xlsx = strlen(req->path) > 5 && !strcmp(req->path + strlen(req->path) - 5, ".xlsx");
	struct page_instansi_list il;
	int rc = page_instansi_collect(req, &il);
	if (rc)
		return rc;
	struct query q;
	read_query(req, &il, &q);
	if (q.err_dari || q.err_sampai)
		return APP_EINVAL;
	struct acara_cakupan c;
	if ((rc = acara_cakupan(req->store, p, q.instansi, q.dari, q.sampai, &c)))
		return rc;
	const char *tmpdir = getenv("TMPDIR");
	char path[512];
	snprintf(path, sizeof(path), "%s/wasdal-cakupan-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0) {
		acara_cakupan_release(&c);
		return APP_EIO;
	}
	if (!xlsx) {
		unlink(path);
		int fd2 = dup(fd);
		FILE *f = fd2 >= 0 ? fdopen(fd2, "w") : NULL;
		if (!f) {
			if (fd2 >= 0)
				close(fd2);
			close(fd);
			acara_cakupan_release(&c);
			return APP_EIO;
		}
		rc = acara_cakupan_export_csv(req->store, p, &c, f);
		if (fclose(f) != 0 && !rc)
			rc = APP_EIO;
	} else {
		rc = acara_cakupan_export_xlsx(req->store, p, &c, path);
		close(fd);
		fd = open(path, O_RDONLY);
		unlink(path);
		if (fd < 0 && !rc)
			rc = APP_EIO;
	}
	acara_cakupan_release(&c);
	if (!rc && lseek(fd, 0, SEEK_SET) != 0)
		rc = APP_EIO;
	if (rc) {
		if (fd >= 0)
			close(fd);
		return rc;
	}
	if ((rc = http_resp_file(resp, 200, xlsx ? HTTP_CT_XLSX : HTTP_CT_CSV, fd)))
		return rc;
	resp->attachment = http_printf(req, "cakupan-%s-%s-%s.%s", q.instansi, q.dari_s, q.sampai_s,
				       xlsx ? "xlsx" : "csv");
	return 0;
}
