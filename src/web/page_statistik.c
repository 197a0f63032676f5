/* /statistik: public neutrality statistics, no login. Only what
 * app/statistik_publik publishes: counts with small cells suppressed, no
 * names, no case numbers. Charts draw no bar for a hidden cell. */
#include "core/compat.h"
#include "app/statistik_publik.h"
#include "app/suppress.h"
#include "core/err.h"
#include "web/chart_svg.h"
#include "web/page.h"

static const char *cell_text(struct page *pg, const struct statistik_publik *sp,
			     const struct publik_tabel *t, size_t i, size_t j)
{
	char buf[32];
	suppress_text(buf, sizeof(buf), publik_v(t, i, j), publik_flag(t, i, j), sp->ambang);
	return http_printf(pg->req, "%s", buf);
}

/* A one-column table (stages, classes) as a bar chart with its table. */
static void list_chart(struct page *pg, const struct statistik_publik *sp,
		       const struct publik_tabel *t, const char *id, enum msg_id title,
		       enum msg_id desc, enum msg_id col_label)
{
	struct http_req *req = pg->req;
	struct html *h = &pg->h;
	struct chart_item *bars = http_alloc(req, (t->rows + 1) * sizeof(*bars));
	for (size_t i = 0; i <= t->rows; i++) {
		bars[i].label = i < t->rows ? t->label[i] : page_t(pg, M_SP_TOTAL_ROW);
		bars[i].value = publik_v(t, i, 0);
		bars[i].value_text = publik_flag(t, i, 0) ? cell_text(pg, sp, t, i, 0) : NULL;
	}
	struct chart_text ct = {
		.id = id, .title = page_t(pg, title), .desc = page_t(pg, desc),
		.col_label = page_t(pg, col_label), .col_value = page_t(pg, M_DB_COL_JUMLAH),
	};
	html_raw(h, "<section><h2>");
	html_text(h, ct.title);
	html_raw(h, "</h2>");
	/* the national total is in the table, not drawn as a bar */
	chart_bar_h(h, &ct, bars, t->rows);
	html_raw(h, "<p class=\"total\">");
	html_text(h, page_t(pg, M_SP_TOTAL_ROW));
	html_raw(h, ": <strong>");
	html_text(h, cell_text(pg, sp, t, t->rows, 0));
	html_raw(h, "</strong></p></section>\n");
}

static void provinsi_table(struct page *pg, const struct statistik_publik *sp)
{
	const struct publik_tabel *t = &sp->provinsi;
	struct html *h = &pg->h;
	html_raw(h, "<section><h2 id=\"provinsi-h\">");
	html_text(h, page_t(pg, M_SP_C_PROVINSI));
	html_raw(h, "</h2><p>");
	html_text(h, page_t(pg, M_SP_D_PROVINSI));
	html_raw(h, "</p>");
	/* the chart: one bar per province, its total */
	struct chart_item *bars = http_alloc(pg->req, (t->rows ? t->rows : 1) * sizeof(*bars));
	for (size_t i = 0; i < t->rows; i++) {
		bars[i].label = t->label[i];
		bars[i].value = publik_v(t, i, 2);
		bars[i].value_text = publik_flag(t, i, 2) ? cell_text(pg, sp, t, i, 2) : NULL;
	}
	struct chart_text ct = {
		.id = "grafik-provinsi", .title = page_t(pg, M_SP_C_PROVINSI),
		.desc = page_t(pg, M_SP_D_PROVINSI), .col_label = page_t(pg, M_SP_COL_PROVINSI),
		.col_value = page_t(pg, M_DB_COL_JUMLAH),
	};
	chart_bar_h(h, &ct, bars, t->rows);
	/* and the full table with both contexts and every total */
	html_raw(h, "<div class=\"table-wrap\"><table class=\"data\" id=\"tabel-provinsi\"><caption>");
	html_text(h, page_t(pg, M_SP_C_PROVINSI));
	html_raw(h, "</caption><thead><tr><th scope=\"col\">");
	html_text(h, page_t(pg, M_SP_COL_PROVINSI));
	html_raw(h, "</th><th scope=\"col\" class=\"num\">");
	html_text(h, page_t(pg, M_DB_PEMILU));
	html_raw(h, "</th><th scope=\"col\" class=\"num\">");
	html_text(h, page_t(pg, M_DB_PILKADA));
	html_raw(h, "</th><th scope=\"col\" class=\"num\">");
	html_text(h, page_t(pg, M_DB_COL_TOTAL));
	html_raw(h, "</th></tr></thead><tbody>");
	for (size_t i = 0; i <= t->rows; i++) {
		html_raw(h, "<tr");
		html_attr(h, "data-kode", i < t->rows ? t->kode[i] : "nasional");
		html_raw(h, "><th scope=\"row\">");
		html_text(h, i < t->rows ? t->label[i] : page_t(pg, M_SP_TOTAL_ROW));
		html_raw(h, "</th>");
		for (size_t j = 0; j <= t->cols; j++) {
			html_raw(h, "<td class=\"num\">");
			html_text(h, cell_text(pg, sp, t, i, j));
			html_raw(h, "</td>");
		}
		html_raw(h, "</tr>");
	}
	html_raw(h, "</tbody></table></div></section>\n");
}

int page_statistik(struct http_req *req, struct http_resp *resp)
{
	const char *konteks = http_query(req, "konteks");
	if (konteks && *konteks && strcmp(konteks, "pemilu") && strcmp(konteks, "pilkada"))
		return APP_EINVAL;
	struct statistik_publik sp;
	int rc = statistik_publik_build(req->store, konteks, req->lang, &sp);
	if (rc)
		return rc;
	struct page pg = { .req = req, .resp = resp };
	page_begin(&pg, req, resp, 200, page_t(&pg, M_SP_TITLE));
	struct html *h = &pg.h;
	html_raw(h, "<p class=\"lead\">");
	html_text(h, page_t(&pg, M_SP_INTRO));
	html_raw(h, "</p><form class=\"filters card\" method=\"get\" action=\"/statistik\"><div class=\"grid\">");
	{
		static const char *const vals[] = { "", "pemilu", "pilkada" };
		const char *labels[] = { page_t(&pg, M_DB_ANY), page_t(&pg, M_DB_PEMILU),
					 page_t(&pg, M_DB_PILKADA) };
		page_select(&pg, "konteks", M_DB_F_KONTEKS, vals, labels, 3, konteks, 0);
	}
	html_raw(h, "</div><button type=\"submit\">");
	html_text(h, page_t(&pg, M_DB_APPLY));
	html_raw(h, "</button></form><p class=\"note\" id=\"catatan-sel-kecil\">");
	html_text(h, page_tf(&pg, M_SP_SUPPRESS, (long long)sp.ambang - 1, (long long)sp.ambang));
	html_raw(h, "</p>");
	provinsi_table(&pg, &sp);
	list_chart(&pg, &sp, &sp.tahap, "grafik-tahap", M_SP_C_TAHAP, M_SP_D_TAHAP, M_DB_COL_TAHAP);
	list_chart(&pg, &sp, &sp.kelas, "grafik-kelas", M_SP_C_KELAS, M_SP_D_KELAS,
		   M_DB_COL_PELANGGARAN);
	html_raw(h, "<p>");
	html_text(h, page_t(&pg, M_SP_API));
	html_raw(h, " <a");
	html_url_begin(h, "href", "/api/v1/statistik");
	html_url_arg(h, "konteks", konteks);
	html_url_end(h);
	html_raw(h, "><code>GET /api/v1/statistik</code></a></p>");
	statistik_publik_free(&sp);
	return page_end(&pg);
}
