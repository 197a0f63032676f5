#include "core/compat.h"
#include "web/chart_svg.h"

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

void chart_svg_bars(struct html *h, const char *id, const char *title, const char *desc,
		    const struct chart_bar *bars, size_t n)
{
	int64_t width = LABEL_W + BAR_W + VALUE_W, height = (int64_t)n * ROW_H + 2 * PAD;
	html_raw(h, "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ");
	html_int(h, width);
	html_raw(h, " ");
	html_int(h, height);
	html_raw(h, "\" width=\"100%\"");
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
	for (size_t i = 0; i < n; i++) {
		int64_t y = PAD + (int64_t)i * ROW_H;
		int64_t w = bars[i].whole > 0 ? bars[i].part * BAR_W / bars[i].whole : 0;
		if (w < 0)
			w = 0;
		if (w > BAR_W)
			w = BAR_W;
		html_raw(h, "<g><text class=\"label\" x=\"0\" y=\"");
		html_int(h, y + BAR_H - 4);
		html_raw(h, "\">");
		label_text(h, bars[i].label ? bars[i].label : "");
		html_raw(h, "</text><rect class=\"track\" x=\"");
		html_int(h, LABEL_W);
		html_raw(h, "\" y=\"");
		html_int(h, y);
		html_raw(h, "\" width=\"");
		html_int(h, BAR_W);
		html_raw(h, "\" height=\"");
		html_int(h, BAR_H);
		html_raw(h, "\"/><rect class=\"bar\" x=\"");
		html_int(h, LABEL_W);
		html_raw(h, "\" y=\"");
		html_int(h, y);
		html_raw(h, "\" width=\"");
		html_int(h, w);
		html_raw(h, "\" height=\"");
		html_int(h, BAR_H);
		html_raw(h, "\"/><text class=\"value\" x=\"");
		html_int(h, LABEL_W + BAR_W + 8);
		html_raw(h, "\" y=\"");
		html_int(h, y + BAR_H - 4);
		html_raw(h, "\">");
		html_text(h, bars[i].value ? bars[i].value : "");
		html_raw(h, "</text></g>");
	}
	html_raw(h, "</svg>\n");
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
