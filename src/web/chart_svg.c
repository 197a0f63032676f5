/* SVG bar charts (see chart_svg.h). Markup is written only through the
 * escaping HTML writer: literals with html_raw, numbers with html_int, and
 * every label with html_text, so a label like "</svg><script>" is text. */
#include "core/compat.h"
#include "web/chart_svg.h"

/* Okabe-Ito: distinguishable with the common colour-vision deficiencies;
 * each has >= 3:1 contrast against white (WCAG 1.4.11 graphics). */
static const char *const palette[CHART_SERIES_MAX] = {
	"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#8A6A00", "#56606B",
};

int chart_scale(int64_t value, int64_t max, int width)
{
	if (max <= 0 || value <= 0 || width <= 0)
		return 0;
	if (value >= max)
		return width;
	/* value * width fits easily: counts are far below 2^53 */
	int px = (int)((value * (int64_t)width + max / 2) / max);
	return px < 1 ? 1 : px;
}

/* The label as drawn in the SVG: at most CHART_LABEL_MAX characters, cut on
 * a UTF-8 boundary, with an ellipsis. */
static void svg_label(struct html *h, const char *s)
{
	if (!s)
		return;
	size_t chars = 0, i = 0;
	while (s[i]) {
		if (((unsigned char)s[i] & 0xC0) != 0x80) {
			if (chars == CHART_LABEL_MAX - 1) {
				size_t rest = 0;
				for (size_t j = i; s[j]; j++)
					if (((unsigned char)s[j] & 0xC0) != 0x80)
						rest++;
				if (rest > 1) {
					html_textn(h, s, i);
					html_raw(h, "\xE2\x80\xA6");
					return;
				}
			}
			chars++;
		}
		i++;
	}
	html_text(h, s);
}

static void open_figure(struct html *h, const struct chart_text *t, int height)
{
	html_raw(h, "<figure class=\"chart\"");
	html_attr(h, "id", t->id);
	html_raw(h, "><figcaption>");
	html_text(h, t->title);
	html_raw(h, "</figcaption>\n<div class=\"chart-body\"><svg xmlns=\"http://www.w3.org/2000/svg\" "
		    "role=\"img\" class=\"chart-svg\" width=\"100%\" font-size=\"13\" font-family=\"sans-serif\" viewBox=\"0 0 ");
	html_int(h, CHART_WIDTH);
	html_raw(h, " ");
	html_int(h, height);
	html_raw(h, "\" preserveAspectRatio=\"xMinYMin meet\" aria-labelledby=\"");
	html_text(h, t->id);
	html_raw(h, "-t ");
	html_text(h, t->id);
	html_raw(h, "-d\"><title id=\"");
	html_text(h, t->id);
	html_raw(h, "-t\">");
	html_text(h, t->title);
	html_raw(h, "</title><desc id=\"");
	html_text(h, t->id);
	html_raw(h, "-d\">");
	html_text(h, t->desc);
	html_raw(h, "</desc>");
}

/* Opens <text> at (x, y); right-aligned (ending at x) when end is set. */
static void text_at(struct html *h, int x, int y, int end)
{
	html_raw(h, "<text x=\"");
	html_int(h, x);
	html_raw(h, "\" y=\"");
	html_int(h, y);
	if (end)
		html_raw(h, "\" text-anchor=\"end\">");
	else
		html_raw(h, "\">");
}

static void rect(struct html *h, int x, int y, int w, int hgt, const char *fill)
{
	html_raw(h, "<rect x=\"");
	html_int(h, x);
	html_raw(h, "\" y=\"");
	html_int(h, y);
	html_raw(h, "\" width=\"");
	html_int(h, w);
	html_raw(h, "\" height=\"");
	html_int(h, hgt);
	html_raw(h, "\"");
	html_attr(h, "fill", fill);
	html_raw(h, "/>");
}

static void value_text(struct html *h, int64_t v, const char *text)
{
	if (text)
		html_text(h, text);
	else
		html_int(h, v);
}

/* The table beside the chart: the same numbers as text. */
static void table_begin(struct html *h, const struct chart_text *t)
{
	/* focusable: a keyboard user can scroll a wide table */
	html_raw(h, "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\"");
	html_attr(h, "aria-label", t->title);
	html_raw(h, "><table class=\"data chart-data\"><caption>");
	html_text(h, t->title);
	html_raw(h, "</caption><thead><tr><th scope=\"col\">");
	html_text(h, t->col_label);
	html_raw(h, "</th>");
}

void chart_bar_h(struct html *h, const struct chart_text *t, const struct chart_item *bars,
		 size_t n)
{
	int64_t max = 0;
	for (size_t i = 0; i < n; i++)
		if (!bars[i].value_text && bars[i].value > max)
			max = bars[i].value;
	int height = 2 * CHART_PAD + (int)n * (CHART_BAR_H + CHART_GAP);
	open_figure(h, t, height);
	for (size_t i = 0; i < n; i++) {
		int y = CHART_PAD + (int)i * (CHART_BAR_H + CHART_GAP);
		int w = bars[i].value_text ? 0 : chart_scale(bars[i].value, max, CHART_PLOT_W);
		html_raw(h, "<g class=\"bar\">");
		text_at(h, CHART_LABEL_W - 6, y + CHART_BAR_H / 2 + 5, 1);
		svg_label(h, bars[i].label);
		html_raw(h, "</text>");
		rect(h, CHART_LABEL_W, y, w, CHART_BAR_H, palette[0]);
		text_at(h, CHART_LABEL_W + w + 6, y + CHART_BAR_H / 2 + 5, 0);
		value_text(h, bars[i].value, bars[i].value_text);
		html_raw(h, "</text></g>");
	}
	html_raw(h, "</svg>\n");
	table_begin(h, t);
	html_raw(h, "<th scope=\"col\" class=\"num\">");
	html_text(h, t->col_value);
	html_raw(h, "</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		html_raw(h, "<tr><th scope=\"row\">");
		html_text(h, bars[i].label);
		html_raw(h, "</th><td class=\"num\">");
		value_text(h, bars[i].value, bars[i].value_text);
		html_raw(h, "</td></tr>");
	}
	html_raw(h, "</tbody></table></div></div></figure>\n");
}

void chart_stacked_h(struct html *h, const struct chart_text *t, const char *const *series,
		     size_t nseries, const char *const *labels, const int64_t *values, size_t n)
{
	if (nseries > CHART_SERIES_MAX)
		nseries = CHART_SERIES_MAX;
	int64_t max = 0;
	for (size_t i = 0; i < n; i++) {
		int64_t sum = 0;
		for (size_t k = 0; k < nseries; k++)
			sum += values[i * nseries + k] > 0 ? values[i * nseries + k] : 0;
		if (sum > max)
			max = sum;
	}
	int top = CHART_PAD + CHART_LEGEND_H;
	int height = top + CHART_PAD + (int)n * (CHART_BAR_H + CHART_GAP);
	open_figure(h, t, height);
	/* legend: one swatch and name per series, evenly spaced */
	int slot = CHART_WIDTH / (int)(nseries ? nseries : 1);
	for (size_t k = 0; k < nseries; k++) {
		int x = (int)k * slot + CHART_PAD;
		html_raw(h, "<g class=\"legend\">");
		rect(h, x, CHART_PAD, 14, 14, palette[k]);
		text_at(h, x + 20, CHART_PAD + 12, 0);
		svg_label(h, series[k]);
		html_raw(h, "</text></g>");
	}
	for (size_t i = 0; i < n; i++) {
		int y = top + (int)i * (CHART_BAR_H + CHART_GAP);
		html_raw(h, "<g class=\"bar\">");
		text_at(h, CHART_LABEL_W - 6, y + CHART_BAR_H / 2 + 5, 1);
		svg_label(h, labels[i]);
		html_raw(h, "</text>");
		/* segments from the cumulative sum: no rounding gap or overlap */
		int64_t cum = 0;
		int x0 = 0;
		for (size_t k = 0; k < nseries; k++) {
			int64_t v = values[i * nseries + k];
			if (v <= 0)
				continue;
			cum += v;
			int x1 = chart_scale(cum, max, CHART_PLOT_W);
			if (x1 > x0)
				rect(h, CHART_LABEL_W + x0, y, x1 - x0, CHART_BAR_H, palette[k]);
			x0 = x1;
		}
		text_at(h, CHART_LABEL_W + x0 + 6, y + CHART_BAR_H / 2 + 5, 0);
		html_int(h, cum);
		html_raw(h, "</text></g>");
	}
	html_raw(h, "</svg>\n");
	table_begin(h, t);
	for (size_t k = 0; k < nseries; k++) {
		html_raw(h, "<th scope=\"col\" class=\"num\">");
		html_text(h, series[k]);
		html_raw(h, "</th>");
	}
	html_raw(h, "<th scope=\"col\" class=\"num\">");
	html_text(h, t->col_total);
	html_raw(h, "</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		html_raw(h, "<tr><th scope=\"row\">");
		html_text(h, labels[i]);
		html_raw(h, "</th>");
		int64_t sum = 0;
		for (size_t k = 0; k < nseries; k++) {
			html_raw(h, "<td class=\"num\">");
			html_int(h, values[i * nseries + k]);
			html_raw(h, "</td>");
			sum += values[i * nseries + k];
		}
		html_raw(h, "<td class=\"num\">");
		html_int(h, sum);
		html_raw(h, "</td></tr>");
	}
	html_raw(h, "</tbody></table></div></div></figure>\n");
}

/* ---- part-of-whole bars (helper kampanye's chart, merged here) ---- */

#define LABEL_W 280
#define BAR_W 340
#define VALUE_W 90
#define ROW_H 30
#define BAR_H 18
#define PAD 8

/* Labels longer than this are cut in the picture (the table keeps them). */
static void label_text(struct html *h, const char *s)
{
	size_t n = strlen(s), cut = 0, chars = 0;
	for (cut = 0; cut < n; cut++) {
		if (((unsigned char)s[cut] & 0xC0) != 0x80 && ++chars > 30)
			break;
	}
	html_textn(h, s, cut);
	if (cut < n)
		html_text(h, "…");
}

/* The gridlines at 0, 25, 50, 75 and 100 % of the track, labelled under the
 * last row (axis_h px were added to the height for them). */
static void percent_axis(struct html *h, int64_t height, int axis_h)
{
	for (int t = 0; t <= 100; t += 25) {
		int x = LABEL_W + BAR_W * t / 100;
		html_raw(h, "<line stroke=\"#c5ccd3\" x1=\"");
		html_int(h, x);
		html_raw(h, "\" x2=\"");
		html_int(h, x);
		html_raw(h, "\" y1=\"");
		html_int(h, PAD);
		html_raw(h, "\" y2=\"");
		html_int(h, height - axis_h + 2);
		html_raw(h, "\"/><text class=\"axis\" fill=\"#4a5561\" text-anchor=\"middle\" x=\"");
		html_int(h, x);
		html_raw(h, "\" y=\"");
		html_int(h, height - 4);
		html_raw(h, "\">");
		html_int(h, t);
		html_raw(h, "%</text>");
	}
}

/* Colours are presentation attributes (the CSP forbids inline style), so
 * the chart reads on any page; a page stylesheet (kampanye.css) may
 * override them. */
static void bars_svg(struct html *h, const char *id, const char *title, const char *desc,
		     const struct chart_bar *bars, size_t n, int axis)
{
	int axis_h = axis ? 22 : 0;
	int64_t width = LABEL_W + BAR_W + VALUE_W, height = (int64_t)n * ROW_H + 2 * PAD + axis_h;
	html_raw(h, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ");
	html_int(h, width);
	html_raw(h, " ");
	html_int(h, height);
	html_raw(h, "\" width=\"100%\" font-size=\"15\" font-family=\"sans-serif\"");
	char ids[160], tid[80], did[80];
	snprintf(ids, sizeof(ids), "%.70s-t %.70s-d", id, id);
	snprintf(tid, sizeof(tid), "%.70s-t", id);
	snprintf(did, sizeof(did), "%.70s-d", id);
	html_attr(h, "aria-labelledby", ids);
	html_raw(h, "><title");
	html_attr(h, "id", tid);
	html_raw(h, ">");
	html_text(h, title);
	html_raw(h, "</title><desc");
	html_attr(h, "id", did);
	html_raw(h, ">");
	html_text(h, desc);
	html_raw(h, "</desc>");
	if (axis)
		percent_axis(h, height, axis_h);
	for (size_t i = 0; i < n; i++) {
		int64_t y = PAD + (int64_t)i * ROW_H;
		int64_t w = bars[i].whole > 0 ? bars[i].part * BAR_W / bars[i].whole : 0;
		if (w < 0)
			w = 0;
		if (w > BAR_W)
			w = BAR_W;
		html_raw(h, "<g><text class=\"label\" x=\"0\" y=\"");
		html_int(h, y + BAR_H - 4);
		html_raw(h, "\" fill=\"#1b2733\">");
		label_text(h, bars[i].label ? bars[i].label : "");
		html_raw(h, "</text><rect class=\"track\" x=\"");
		html_int(h, LABEL_W);
		html_raw(h, "\" y=\"");
		html_int(h, y);
		html_raw(h, "\" width=\"");
		html_int(h, BAR_W);
		html_raw(h, "\" height=\"");
		html_int(h, BAR_H);
		html_raw(h, "\" fill=\"#e8edf2\"/><rect class=\"bar\" x=\"");
		html_int(h, LABEL_W);
		html_raw(h, "\" y=\"");
		html_int(h, y);
		html_raw(h, "\" width=\"");
		html_int(h, w);
		html_raw(h, "\" height=\"");
		html_int(h, BAR_H);
		html_raw(h, "\" fill=\"#0b3d6b\"/><text class=\"value\" x=\"");
		html_int(h, LABEL_W + BAR_W + 8);
		html_raw(h, "\" y=\"");
		html_int(h, y + BAR_H - 4);
		html_raw(h, "\" fill=\"#1b2733\">");
		html_text(h, bars[i].value ? bars[i].value : "");
		html_raw(h, "</text></g>");
	}
	html_raw(h, "</svg>\n");
}

void chart_svg_bars(struct html *h, const char *id, const char *title, const char *desc,
		    const struct chart_bar *bars, size_t n)
{
	bars_svg(h, id, title, desc, bars, n, 0);
}

void chart_svg_share(struct html *h, const char *id, const char *title, const char *desc,
		     const struct chart_bar *bars, size_t n)
{
	bars_svg(h, id, title, desc, bars, n, 1);
}

void chart_table(struct html *h, const struct chart_columns *c, const struct chart_bar *bars,
		 size_t n)
{
	/* focusable: a keyboard user can scroll it when it overflows */
	html_raw(h, "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\"");
	html_attr(h, "aria-label", c->caption);
	html_raw(h, "><table class=\"data chart-data\"><caption>");
	html_text(h, c->caption);
	html_raw(h, "</caption><thead><tr><th scope=\"col\">");
	html_text(h, c->label);
	html_raw(h, "</th><th scope=\"col\" class=\"num\">");
	html_text(h, c->part);
	html_raw(h, "</th><th scope=\"col\" class=\"num\">");
	html_text(h, c->whole);
	html_raw(h, "</th><th scope=\"col\" class=\"num\">");
	html_text(h, c->value);
	html_raw(h, "</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		html_raw(h, "<tr><th scope=\"row\">");
		html_text(h, bars[i].label);
		html_raw(h, "</th><td class=\"num\">");
		html_int(h, bars[i].part);
		html_raw(h, "</td><td class=\"num\">");
		html_int(h, bars[i].whole);
		html_raw(h, "</td><td class=\"num\">");
		html_text(h, bars[i].value);
		html_raw(h, "</td></tr>");
	}
	html_raw(h, "</tbody></table></div>\n");
}
