/* /dasbor: the neutrality dashboard of an officer's scope, and the export
 * of each of its tables (/dasbor/ekspor/<tabel>.csv|.xlsx) with the active
 * filter. The page and the export build every table from the same
 * struct dtab, so a downloaded file always holds the numbers on the page.
 * Scope is enforced by app/statistik (a region outside the principal's
 * scope is "not found"). */
#include "core/compat.h"
#include "app/statistik.h"
#include "app/table_export.h"
#include "core/date.h"
#include "core/err.h"
#include "web/chart_svg.h"
#include "web/export_send.h"
#include "web/page.h"

/* ---- filter ---- */

struct dfilter {
	const char *wilayah, *konteks, *dari, *sampai;
	struct statistik_req q;
};

static int read_filter(struct http_req *req, struct dfilter *fl)
{
	memset(fl, 0, sizeof(*fl));
	fl->wilayah = http_query(req, "wilayah");
	fl->konteks = http_query(req, "konteks");
	fl->dari = http_query(req, "dari");
	fl->sampai = http_query(req, "sampai");
	fl->q.lang = req->lang;
	if (fl->wilayah && *fl->wilayah && http_parse_int64(fl->wilayah, &fl->q.wilayah_id))
		return APP_EINVAL;
	if (fl->konteks && *fl->konteks) {
		if (strcmp(fl->konteks, "pemilu") && strcmp(fl->konteks, "pilkada"))
			return APP_EINVAL;
		fl->q.konteks = fl->konteks;
	}
	if (fl->dari && *fl->dari && date_parse_iso(fl->dari, strlen(fl->dari), &fl->q.dari_hari))
		return APP_EINVAL;
	if (fl->sampai && *fl->sampai &&
	    date_parse_iso(fl->sampai, strlen(fl->sampai), &fl->q.sampai_hari))
		return APP_EINVAL;
	if (fl->q.dari_hari && fl->q.sampai_hari && fl->q.sampai_hari < fl->q.dari_hari)
		return APP_EINVAL;
	return 0;
}

static void filter_args(struct html *h, const struct dfilter *fl)
{
	html_url_arg(h, "wilayah", fl->wilayah);
	html_url_arg(h, "konteks", fl->konteks);
	html_url_arg(h, "dari", fl->dari);
	html_url_arg(h, "sampai", fl->sampai);
}

/* ---- the tables ---- */

enum dtab_id {
	DT_TAHAP, DT_PERAN, DT_MEDIAN, DT_DURASI, DT_PELANGGARAN, DT_WILAYAH, DT_INSTANSI, DT_SANKSI,
	DT__COUNT
};
static const char *const dtab_slug[DT__COUNT] = {
	"tahap", "peran", "median", "durasi", "pelanggaran", "wilayah", "instansi", "sanksi",
};

struct dtab {
	enum msg_id title, desc, col_label;
	size_t nseries;
	const char *series[STAT_TINGKAT_N];
	size_t n;
	const char **kode;   /* a code column in the export; NULL for none */
	const char **label;
	int64_t *v;          /* n x nseries */
};

#define INSTANSI_ON_PAGE 15

static void dtab_alloc(struct http_req *req, struct dtab *t, size_t n, size_t nseries)
{
	t->nseries = nseries;
	t->kode = http_alloc(req, (n ? n : 1) * sizeof(*t->kode));
	t->label = http_alloc(req, (n ? n : 1) * sizeof(*t->label));
	t->v = http_alloc(req, (n ? n : 1) * nseries * sizeof(*t->v));
	memset(t->v, 0, (n ? n : 1) * nseries * sizeof(*t->v));
	t->n = 0;
}

static const char *role_text(struct http_req *req, enum role r)
{
	struct page pg = { .req = req };
	return role_label(&pg, r);
}

static void dtab_build(struct http_req *req, const struct statistik *st, enum dtab_id id,
		       int for_page, struct dtab *t)
{
	memset(t, 0, sizeof(*t));
	const char *on = http_msg(req, M_DB_S_ONTIME), *late = http_msg(req, M_DB_S_OVERDUE),
		   *none = http_msg(req, M_DB_S_NODEADLINE);
	switch (id) {
	case DT_TAHAP:
		t->title = M_DB_C_TAHAP, t->desc = M_DB_D_TAHAP, t->col_label = M_DB_COL_TAHAP;
		dtab_alloc(req, t, st->ntahap, 3);
		t->series[0] = on, t->series[1] = late, t->series[2] = none;
		for (size_t i = 0; i < st->ntahap; i++) {
			const struct stat_tahap *s = &st->tahap[i];
			t->kode[t->n] = s->kode;
			t->label[t->n] = s->nama;
			t->v[t->n * 3] = s->n - s->terlambat - s->tanpa_tenggat;
			t->v[t->n * 3 + 1] = s->terlambat;
			t->v[t->n * 3 + 2] = s->tanpa_tenggat;
			t->n++;
		}
		break;
	case DT_PERAN:
		t->title = M_DB_C_PERAN, t->desc = M_DB_D_PERAN, t->col_label = M_DB_COL_PEMILIK;
		dtab_alloc(req, t, st->nperan, 3);
		t->series[0] = on, t->series[1] = late, t->series[2] = none;
		for (size_t i = 0; i < st->nperan; i++) {
			const struct stat_peran *p = &st->peran[i];
			t->kode[t->n] = role_name(p->peran);
			t->label[t->n] = role_text(req, p->peran);
			t->v[t->n * 3] = p->tepat_waktu;
			t->v[t->n * 3 + 1] = p->terlambat;
			t->v[t->n * 3 + 2] = p->tanpa_tenggat;
			t->n++;
		}
		break;
	case DT_MEDIAN:
		t->title = M_DB_C_MEDIAN, t->desc = M_DB_D_MEDIAN, t->col_label = M_DB_COL_TAHAP;
		dtab_alloc(req, t, st->ntahap, 1);
		t->series[0] = http_msg(req, M_DB_COL_HARI);
		for (size_t i = 0; i < st->ntahap; i++) {
			const struct stat_tahap *s = &st->tahap[i];
			if (s->terminal || !s->n)
				continue;
			t->kode[t->n] = s->kode;
			t->label[t->n] = s->nama;
			t->v[t->n++] = s->median_hari;
		}
		break;
	case DT_DURASI:
		t->title = M_DB_C_DURASI, t->desc = M_DB_D_DURASI, t->col_label = M_DB_COL_TAHAP;
		dtab_alloc(req, t, st->ntahap, 1);
		t->series[0] = http_msg(req, M_DB_COL_HARI);
		for (size_t i = 0; i < st->ntahap; i++) {
			const struct stat_tahap *s = &st->tahap[i];
			if (!s->durasi_n)
				continue;
			t->kode[t->n] = s->kode;
			t->label[t->n] = s->nama;
			t->v[t->n++] = s->median_durasi;
		}
		break;
	case DT_SANKSI:
		t->title = M_DB_C_SANKSI, t->desc = M_DB_D_SANKSI, t->col_label = M_DB_COL_REKOMENDASI;
		dtab_alloc(req, t, STAT_TINGKAT_N + 1, STAT_TINGKAT_N);
		for (size_t k = 0; k < STAT_TINGKAT_N; k++)
			t->series[k] = statistik_tingkat[k];
		for (size_t r = 0; r <= STAT_TINGKAT_N; r++) {
			int64_t sum = 0;
			for (size_t k = 0; k < STAT_TINGKAT_N; k++)
				sum += st->sanksi[r][k];
			if (!sum)
				continue;
			t->kode[t->n] = r ? statistik_tingkat[r - 1] : "";
			t->label[t->n] = r ? http_printf(req, msg(M_DB_REK_FMT, req->lang), statistik_tingkat[r - 1])
					   : http_msg(req, M_DB_REK_NONE);
			for (size_t k = 0; k < STAT_TINGKAT_N; k++)
				t->v[t->n * STAT_TINGKAT_N + k] = st->sanksi[r][k];
			t->n++;
		}
		break;
	case DT_PELANGGARAN:
		t->title = M_DB_C_PELANGGARAN, t->desc = M_DB_D_PELANGGARAN,
		t->col_label = M_DB_COL_PELANGGARAN;
		dtab_alloc(req, t, st->npelanggaran, 1);
		t->series[0] = http_msg(req, M_DB_COL_JUMLAH);
		for (size_t i = 0; i < st->npelanggaran; i++) {
			const struct stat_item *it = &st->pelanggaran[i];
			if (!it->n)
				continue;
			t->kode[t->n] = it->kode;
			t->label[t->n] = it->label;
			t->v[t->n++] = it->n;
		}
		break;
	case DT_WILAYAH:
		t->title = M_DB_C_WILAYAH, t->desc = M_DB_D_WILAYAH, t->col_label = M_DB_COL_WILAYAH;
		dtab_alloc(req, t, st->nwilayah, 2);
		t->series[0] = http_msg(req, M_DB_PEMILU), t->series[1] = http_msg(req, M_DB_PILKADA);
		for (size_t i = 0; i < st->nwilayah; i++) {
			const struct stat_item *it = &st->wilayah[i];
			t->kode[t->n] = it->kode;
			t->label[t->n] = it->label;
			t->v[t->n * 2] = it->pemilu;
			t->v[t->n * 2 + 1] = it->pilkada;
			t->n++;
		}
		break;
	default:
		t->title = M_DB_C_INSTANSI, t->desc = M_DB_D_INSTANSI, t->col_label = M_DB_COL_INSTANSI;
		dtab_alloc(req, t, st->ninstansi, 1);
		t->series[0] = http_msg(req, M_DB_COL_JUMLAH);
		for (size_t i = 0; i < st->ninstansi && (!for_page || i < INSTANSI_ON_PAGE); i++) {
			t->kode[t->n] = st->instansi[i].kode;
			t->label[t->n] = st->instansi[i].label;
			t->v[t->n++] = st->instansi[i].n;
		}
		break;
	}
}

static void render_dtab(struct page *pg, const struct dfilter *fl, const struct statistik *st,
			enum dtab_id id)
{
	struct http_req *req = pg->req;
	struct html *h = &pg->h;
	struct dtab t;
	dtab_build(req, st, id, 1, &t);
	struct chart_text ct = {
		.id = http_printf(req, "grafik-%s", dtab_slug[id]),
		.title = page_t(pg, t.title),
		.desc = page_t(pg, t.desc),
		.col_label = page_t(pg, t.col_label),
		.col_value = t.series[0],
		.col_total = page_t(pg, M_DB_COL_TOTAL),
	};
	html_raw(h, "<section class=\"dasbor-item\"");
	html_attr(h, "aria-labelledby", http_printf(req, "grafik-%s-h", dtab_slug[id]));
	html_raw(h, "><h2");
	html_attr(h, "id", http_printf(req, "grafik-%s-h", dtab_slug[id]));
	html_raw(h, ">");
	html_text(h, ct.title);
	html_raw(h, "</h2>");
	if (t.n == 0) {
		html_raw(h, "<p>");
		html_text(h, page_t(pg, M_DB_NONE));
		html_raw(h, "</p>");
	} else if (t.nseries == 1) {
		struct chart_item *bars = http_alloc(req, t.n * sizeof(*bars));
		for (size_t i = 0; i < t.n; i++)
			bars[i] = (struct chart_item){ t.label[i], t.v[i], NULL };
		chart_bar_h(h, &ct, bars, t.n);
	} else {
		chart_stacked_h(h, &ct, t.series, t.nseries, t.label, t.v, t.n);
	}
	html_raw(h, "<p class=\"export\">");
	html_text(h, page_t(pg, M_DB_EXPORT));
	html_raw(h, ": <a");
	html_url_begin_path(h, "href", http_printf(req, "/dasbor/ekspor/%s.csv", dtab_slug[id]));
	filter_args(h, fl);
	html_url_end(h);
	html_raw(h, " download>CSV</a> \xC2\xB7 <a");
	html_url_begin_path(h, "href", http_printf(req, "/dasbor/ekspor/%s.xlsx", dtab_slug[id]));
	filter_args(h, fl);
	html_url_end(h);
	html_raw(h, " download>XLSX</a></p></section>\n");
}

static void summary(struct page *pg, const struct statistik *st)
{
	struct html *h = &pg->h;
	html_raw(h, "<section aria-labelledby=\"ringkasan-h\"><h2 id=\"ringkasan-h\">");
	html_text(h, page_t(pg, M_DB_SUMMARY));
	html_raw(h, "</h2><dl class=\"summary\"><div><dt>");
	html_text(h, page_t(pg, M_DB_TOTAL));
	html_raw(h, "</dt><dd id=\"jumlah-kasus\">");
	html_int(h, st->total);
	html_raw(h, "</dd></div><div><dt>");
	html_text(h, page_t(pg, M_DB_OVERDUE));
	html_raw(h, "</dt><dd id=\"jumlah-terlambat\">");
	html_int(h, st->terlambat);
	html_raw(h, "</dd></div><div><dt>");
	html_text(h, page_t(pg, M_DB_DONE));
	html_raw(h, "</dt><dd id=\"jumlah-selesai\">");
	html_int(h, st->selesai);
	html_raw(h, "</dd></div><div><dt>");
	html_text(h, page_t(pg, M_DB_SANKSI_TOTAL));
	html_raw(h, "</dt><dd id=\"jumlah-sanksi\">");
	html_int(h, st->sanksi_total);
	html_raw(h, "</dd></div><div><dt>");
	html_text(h, page_t(pg, M_DB_LIGHTER));
	html_raw(h, "</dt><dd id=\"jumlah-sanksi-ringan\">");
	html_int(h, st->sanksi_lebih_ringan);
	html_raw(h, "</dd></div></dl></section>\n");
}

static void filter_form(struct page *pg, const struct dfilter *fl, const struct stat_region *rg,
			size_t nrg)
{
	struct http_req *req = pg->req;
	struct html *h = &pg->h;
	html_raw(h, "<form class=\"filters card\" method=\"get\" action=\"/dasbor\"><fieldset><legend>");
	html_text(h, page_t(pg, M_DB_FILTERS));
	html_raw(h, "</legend><div class=\"grid\">");
	{
		const char **vals = http_alloc(req, (nrg + 1) * sizeof(*vals));
		const char **labels = http_alloc(req, (nrg + 1) * sizeof(*labels));
		vals[0] = "";
		labels[0] = page_t(pg, M_DB_ANY);
		for (size_t i = 0; i < nrg; i++) {
			vals[i + 1] = http_printf(req, "%" PRId64, rg[i].id);
			/* no-break spaces show the tree in a plain select */
			static const char nbsp[] = "\xC2\xA0\xC2\xA0\xC2\xA0\xC2\xA0\xC2\xA0\xC2\xA0";
			int d = rg[i].depth < 3 ? rg[i].depth : 3;
			labels[i + 1] = http_printf(req, "%.*s%s", d * 4, nbsp, rg[i].nama);
		}
		page_select(pg, "wilayah", M_DB_F_WILAYAH, vals, labels, nrg + 1, fl->wilayah, 0);
	}
	{
		static const char *const vals[] = { "", "pemilu", "pilkada" };
		const char *labels[] = { page_t(pg, M_DB_ANY), page_t(pg, M_DB_PEMILU),
					 page_t(pg, M_DB_PILKADA) };
		page_select(pg, "konteks", M_DB_F_KONTEKS, vals, labels, 3, fl->konteks, 0);
	}
	page_input(pg, "dari", M_DB_F_DARI, "date", fl->dari, 0, "off");
	page_input(pg, "sampai", M_DB_F_SAMPAI, "date", fl->sampai, 0, "off");
	html_raw(h, "</div><button type=\"submit\">");
	html_text(h, page_t(pg, M_DB_APPLY));
	html_raw(h, "</button> <a href=\"/dasbor\">");
	html_text(h, page_t(pg, M_DB_RESET));
	html_raw(h, "</a></fieldset></form>\n");
}

int page_dasbor(struct http_req *req, struct http_resp *resp)
{
	const struct principal *p = &req->principal;
	if (!statistik_can_view(p))
		return APP_EPERM;
	struct dfilter fl;
	struct page pg = { .req = req, .resp = resp };
	if (read_filter(req, &fl))
		return APP_EINVAL;
	struct stat_region *rg = NULL;
	size_t nrg = 0;
	int rc = statistik_regions(req->store, p, &rg, &nrg);
	if (rc)
		return rc;
	struct statistik st;
	rc = statistik_build(req->store, p, &fl.q, &st);
	if (rc) {
		free(rg);
		return rc;
	}
	page_begin(&pg, req, resp, 200, page_t(&pg, M_DB_TITLE));
	struct html *h = &pg.h;
	html_raw(h, "<p class=\"lead\" id=\"cakupan\">");
	html_text(h, page_tf(&pg, M_DB_SCOPE, st.scope_nama));
	html_raw(h, "</p>");
	filter_form(&pg, &fl, rg, nrg);
	free(rg);
	summary(&pg, &st);
	html_raw(h, "<p class=\"note\">");
	html_text(h, page_t(&pg, M_DB_NOTE));
	html_raw(h, "</p>");
	for (int i = 0; i < DT__COUNT; i++)
		render_dtab(&pg, &fl, &st, (enum dtab_id)i);
	statistik_free(&st);
	return page_end(&pg);
}

/* ---- export ---- */

struct dexport {
	struct http_req *req;
	const struct dfilter *fl;
	const struct statistik *st;
	enum dtab_id id;
};

static const char *period_text(struct http_req *req, const struct dfilter *fl)
{
	if ((!fl->dari || !*fl->dari) && (!fl->sampai || !*fl->sampai))
		return NULL;
	const char *open = http_msg(req, M_DB_OPEN_END);
	return http_printf(req, msg(M_DB_PERIOD_FMT, req->lang),
			   fl->dari && *fl->dari ? fl->dari : open,
			   fl->sampai && *fl->sampai ? fl->sampai : open);
}

static int fill_export(struct tabexp *t, void *ctx)
{
	struct dexport *x = ctx;
	struct http_req *req = x->req;
	struct dtab d;
	dtab_build(req, x->st, x->id, 0, &d);
	const char *konteks = x->fl->q.konteks ? http_msg(req, !strcmp(x->fl->q.konteks, "pemilu")
							     ? M_DB_PEMILU : M_DB_PILKADA) : NULL;
	const struct tabexp_filter f[] = {
		{ http_msg(req, M_DB_F_WILAYAH), x->st->scope_nama },
		{ http_msg(req, M_DB_F_KONTEKS), konteks },
		{ http_msg(req, M_DB_F_PERIODE), period_text(req, x->fl) },
	};
	int rc = tabexp_meta(t, http_msg(req, d.title), f, ARRAY_SIZE(f), 0,
			     http_msg(req, M_DB_MADE), http_msg(req, M_DB_FILTER));
	if (rc)
		return rc;
	const char *cols[3 + STAT_TINGKAT_N];
	size_t nc = 0;
	cols[nc++] = http_msg(req, M_DB_COL_KODE);
	cols[nc++] = http_msg(req, d.col_label);
	for (size_t k = 0; k < d.nseries; k++)
		cols[nc++] = d.series[k];
	if (d.nseries > 1)
		cols[nc++] = http_msg(req, M_DB_COL_TOTAL);
	uint64_t numeric = ((1ull << nc) - 1) & ~3ull;
	rc = tabexp_header(t, cols, nc, numeric);
	for (size_t i = 0; !rc && i < d.n; i++) {
		const char *cells[3 + STAT_TINGKAT_N];
		size_t c = 0;
		int64_t sum = 0;
		cells[c++] = d.kode[i];
		cells[c++] = d.label[i];
		for (size_t k = 0; k < d.nseries; k++) {
			cells[c++] = http_printf(req, "%" PRId64, d.v[i * d.nseries + k]);
			sum += d.v[i * d.nseries + k];
		}
		if (d.nseries > 1)
			cells[c++] = http_printf(req, "%" PRId64, sum);
		rc = tabexp_row(t, cells);
	}
	return rc;
}

int page_dasbor_export(struct http_req *req, struct http_resp *resp)
{
	const struct principal *p = &req->principal;
	if (!statistik_can_view(p))
		return APP_EPERM;
	const char *name = http_path_param(req, "tabel");
	const char *dot = strrchr(name, '.');
	if (!dot)
		return APP_ENOTFOUND;
	enum tabexp_format fmt;
	if (!strcmp(dot, ".csv"))
		fmt = TABEXP_CSV;
	else if (!strcmp(dot, ".xlsx"))
		fmt = TABEXP_XLSX;
	else
		return APP_ENOTFOUND;
	int id = -1;
	for (int i = 0; i < DT__COUNT; i++)
		if (strlen(dtab_slug[i]) == (size_t)(dot - name) &&
		    !strncmp(name, dtab_slug[i], (size_t)(dot - name)))
			id = i;
	if (id < 0)
		return APP_ENOTFOUND;
	struct dfilter fl;
	if (read_filter(req, &fl))
		return APP_EINVAL;
	struct statistik st;
	int rc = statistik_build(req->store, p, &fl.q, &st);
	if (rc)
		return rc;
	struct dexport x = { req, &fl, &st, (enum dtab_id)id };
	rc = export_send(req, resp, fmt, http_printf(req, "dasbor-%s", dtab_slug[id]), dtab_slug[id],
			 fill_export, &x);
	statistik_free(&st);
	return rc;
}
