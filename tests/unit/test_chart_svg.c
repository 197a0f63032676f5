/* SVG charts: labels are escaped, the geometry follows the values, hidden
 * values draw no bar, and the accessible parts are there. */
#include "core/compat.h"
#include "web/chart_svg.h"
#include "test_helpers.h"

static const struct chart_text T = {
	.id = "c1", .title = "Kasus <per> tahap", .desc = "Jumlah & rincian",
	.col_label = "Tahap", .col_value = "Jumlah", .col_total = "Total",
};

static char *render_bars(const struct chart_item *bars, size_t n, struct buf *b)
{
	buf_init(b, 1 << 20);
	struct html h;
	html_init(&h, b);
	chart_bar_h(&h, &T, bars, n);
	assert_int_eq(h.err, 0);
	return b->ptr;
}

static int count(const char *s, const char *needle)
{
	int n = 0;
	for (const char *p = s; (p = strstr(p, needle)); p++)
		n++;
	return n;
}

static void labels_are_escaped(void **state)
{
	(void)state;
	struct chart_item bars[] = { { "</text></svg><script>alert(1)</script>", 3, NULL },
				    { "a\"b'c&d", 1, NULL } };
	struct buf b;
	const char *s = render_bars(bars, 2, &b);
	assert_null(strstr(s, "<script"));
	assert_null(strstr(s, "a\"b"));
	assert_non_null(strstr(s, "&lt;/text&gt;&lt;/svg&gt;&lt;script&gt;"));
	assert_non_null(strstr(s, "a&quot;b&#39;c&amp;d"));
	assert_non_null(strstr(s, "<title id=\"c1-t\">Kasus &lt;per&gt; tahap</title>"));
	assert_non_null(strstr(s, "<desc id=\"c1-d\">Jumlah &amp; rincian</desc>"));
	/* one svg, one table with the whole label as a row header */
	assert_int_eq(count(s, "<svg"), 1);
	assert_int_eq(count(s, "</svg>"), 1);
	assert_int_eq(count(s, "<th scope=\"row\">"), 2);
	buf_release(&b);
}

static void accessible_parts(void **state)
{
	(void)state;
	struct chart_item bars[] = { { "x", 1, NULL } };
	struct buf b;
	const char *s = render_bars(bars, 1, &b);
	assert_non_null(strstr(s, "role=\"img\""));
	assert_non_null(strstr(s, "aria-labelledby=\"c1-t c1-d\""));
	assert_non_null(strstr(s, "<figcaption>Kasus &lt;per&gt; tahap</figcaption>"));
	assert_non_null(strstr(s, "<caption>"));
	buf_release(&b);
}

/* The width attribute of the i-th bar rect (legend swatches excluded). */
static int bar_width(const char *s, int i)
{
	const char *p = s;
	for (int k = 0; k <= i; k++) {
		p = strstr(p, "<g class=\"bar\">");
		if (!p)
			return -1;
		p++;
	}
	p = strstr(p, "<rect x=\"");
	const char *w = strstr(p, "width=\"");
	return (int)strtol(w + 7, NULL, 10);
}

static void geometry_follows_values(void **state)
{
	(void)state;
	struct chart_item bars[] = { { "a", 1000, NULL }, { "b", 500, NULL }, { "c", 0, NULL },
				    { "d", 1, NULL }, { "e", 7, "<5" } };
	struct buf b;
	const char *s = render_bars(bars, 5, &b);
	assert_int_eq(bar_width(s, 0), CHART_PLOT_W);
	assert_int_eq(bar_width(s, 1), CHART_PLOT_W / 2);
	assert_int_eq(bar_width(s, 2), 0);
	assert_int_eq(bar_width(s, 3), 1);  /* tiny but visible */
	assert_int_eq(bar_width(s, 4), 0);  /* hidden value: no bar */
	assert_non_null(strstr(s, "&lt;5</text>"));
	assert_non_null(strstr(s, "<td class=\"num\">&lt;5</td>"));
	assert_null(strstr(s, ">7<"));
	/* the viewBox grows with the rows */
	char vb[64];
	snprintf(vb, sizeof(vb), "viewBox=\"0 0 %d %d\"", CHART_WIDTH,
		 2 * CHART_PAD + 5 * (CHART_BAR_H + CHART_GAP));
	assert_non_null(strstr(s, vb));
	buf_release(&b);
	assert_int_eq(chart_scale(5, 0, 100), 0);
	assert_int_eq(chart_scale(3, 4, 100), 75);
}

static void long_labels_are_cut_in_the_svg_only(void **state)
{
	(void)state;
	const char *lbl = "Pemerintah Kabupaten Kepulauan Siau Tagulandang Biaro ÄÖÜ";
	struct chart_item bars[] = { { lbl, 2, NULL } };
	struct buf b;
	const char *s = render_bars(bars, 1, &b);
	assert_non_null(strstr(s, "\xE2\x80\xA6</text>"));
	assert_non_null(strstr(s, "<th scope=\"row\">Pemerintah Kabupaten Kepulauan Siau Tagulandang Biaro ÄÖÜ</th>"));
	buf_release(&b);
}

static void stacked_segments_add_up(void **state)
{
	(void)state;
	const char *series[] = { "tepat <waktu>", "terlambat" };
	const char *labels[] = { "bkn", "ppk" };
	int64_t v[] = { 30, 10, 5, 15 };
	struct buf b;
	buf_init(&b, 1 << 20);
	struct html h;
	html_init(&h, &b);
	chart_stacked_h(&h, &T, series, 2, labels, v, 2);
	assert_int_eq(h.err, 0);
	const char *s = b.ptr;
	assert_non_null(strstr(s, "tepat &lt;waktu&gt;"));
	/* row 0 (40, the max) fills the plot: 300 + 100 of 400 parts */
	const char *r0 = strstr(s, "<g class=\"bar\">");
	const char *w1 = strstr(strstr(r0, "<rect"), "width=\"");
	const char *w2 = strstr(strstr(w1, "<rect"), "width=\"");
	assert_int_eq((int)strtol(w1 + 7, NULL, 10) + (int)strtol(w2 + 7, NULL, 10), CHART_PLOT_W);
	assert_int_eq((int)strtol(w1 + 7, NULL, 10), chart_scale(30, 40, CHART_PLOT_W));
	/* table: series columns and the total */
	assert_non_null(strstr(s, "<th scope=\"row\">ppk</th><td class=\"num\">5</td>"
				  "<td class=\"num\">15</td><td class=\"num\">20</td>"));
	assert_int_eq(count(s, "<g class=\"legend\">"), 2);
	buf_release(&b);
}

/* The part-of-whole bars kept from helper kampanye's module. */
static void part_of_whole_bars(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 1u << 20);
	struct html h;
	html_init(&h, &b);
	struct chart_bar bars[] = { { "Dinas <Kesehatan>", 1, 2, "50,0 %" }, { "Setda", 3, 0, "0 %" } };
	chart_svg_bars(&h, "g", "Judul & grafik", "Uraian", bars, 2);
	struct chart_columns cols = { "Cap", "Unit", "Sudah", "Semua", "%" };
	chart_table(&h, &cols, bars, 2);
	assert_int_eq(h.err, 0);
	assert_non_null(strstr(b.ptr, "aria-labelledby=\"g-t g-d\""));
	assert_non_null(strstr(b.ptr, "<title id=\"g-t\">Judul &amp; grafik</title>"));
	assert_non_null(strstr(b.ptr, "Dinas &lt;Kesehatan&gt;"));
	assert_non_null(strstr(b.ptr, "class=\"bar\" x=\"280\" y=\"8\" width=\"170\""));
	assert_non_null(strstr(b.ptr, "y=\"38\" width=\"0\""));
	assert_non_null(strstr(b.ptr, "<th scope=\"row\">Setda</th><td class=\"num\">3</td>"));
	buf_release(&b);
}

/* The share bars of the coverage page: the same bars over a 0..100 % scale. */
static void share_bars_have_a_percent_scale(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 1u << 20);
	struct html h;
	html_init(&h, &b);
	struct chart_bar bars[] = { { "Setda", 3, 4, "75,0%" }, { "Dinkes", 0, 9, "0,0%" } };
	chart_svg_share(&h, "grafik", "Cakupan", "Uraian", bars, 2);
	assert_int_eq(buf_addc(&b, '\0'), 0);
	assert_int_eq(h.err, 0);
	const char *s = b.ptr;
	assert_non_null(strstr(s, "aria-labelledby=\"grafik-t grafik-d\""));
	assert_non_null(strstr(s, "<title id=\"grafik-t\">Cakupan</title>"));
	assert_int_eq(count(s, "<line "), 5);
	assert_non_null(strstr(s, ">0%</text>"));
	assert_non_null(strstr(s, ">50%</text>"));
	assert_non_null(strstr(s, ">100%</text>"));
	/* the 50 % line is in the middle of the track; 3 of 4 is 3/4 of it */
	assert_non_null(strstr(s, "x1=\"450\" x2=\"450\""));
	assert_non_null(strstr(s, "class=\"bar\" x=\"280\" y=\"8\" width=\"255\""));
	assert_non_null(strstr(s, "y=\"38\" width=\"0\""));
	/* the scale adds room under the rows: 2 rows * 30 + 2 * 8 + 22 */
	assert_non_null(strstr(s, "viewBox=\"0 0 710 98\""));
	assert_int_eq(count(s, "class=\"bar\""), 2);
	buf_release(&b);
	/* the campaign bars have no scale */
	buf_init(&b, 1u << 20);
	html_init(&h, &b);
	chart_svg_bars(&h, "g", "Judul", "Uraian", bars, 2);
	assert_int_eq(buf_addc(&b, '\0'), 0);
	assert_int_eq(count(b.ptr, "<line "), 0);
	buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(labels_are_escaped),
		cmocka_unit_test(accessible_parts),
		cmocka_unit_test(geometry_follows_values),
		cmocka_unit_test(long_labels_are_cut_in_the_svg_only),
		cmocka_unit_test(stacked_segments_add_up),
		cmocka_unit_test(part_of_whole_bars),
		cmocka_unit_test(share_bars_have_a_percent_scale),
	};
	return RUN_TESTS("chart_svg", tests);
}
