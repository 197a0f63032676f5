/* Server-rendered SVG charts, reusable by any page: a horizontal bar chart,
 * horizontal stacked bars, and part-of-whole bars (campaign progress,
 * sosialisasi coverage on a percentage scale). No JavaScript, no external
 * asset: the SVG is
 * inline in the page. Each chart is a <figure> holding an SVG with
 * role="img", <title> and <desc> (aria-labelledby both), and beside it an
 * HTML table with the same numbers, so a screen reader, a text browser and
 * a printout all get the data. Every label goes through the escaping HTML
 * writer (web/html.h). The geometry is deterministic (integer pixels in a
 * fixed viewBox that scales with the page width) so it can be tested. */
#ifndef WASDAL_WEB_CHART_SVG_H
#define WASDAL_WEB_CHART_SVG_H

#include <stddef.h>
#include <stdint.h>
#include "web/html.h"

/* Fixed geometry of the viewBox (px): tests check bars against these. */
enum {
	CHART_WIDTH = 640,
	CHART_LABEL_W = 220,   /* label column on the left */
	CHART_VALUE_W = 70,    /* room right of the longest bar for its value */
	CHART_BAR_H = 22,
	CHART_GAP = 8,
	CHART_PAD = 8,
	CHART_LEGEND_H = 26,   /* stacked charts only */
	CHART_LABEL_MAX = 30,  /* characters of a label drawn in the SVG; the
			        * table beside it always has the whole label */
};
#define CHART_PLOT_W (CHART_WIDTH - CHART_LABEL_W - CHART_VALUE_W)

/* The words around a chart, already in the reader's language. */
struct chart_text {
	const char *id;         /* unique on the page: [a-z0-9-], used for ids */
	const char *title;      /* heading of the figure and <title> of the SVG */
	const char *desc;       /* one sentence for <desc>, e.g. what is counted */
	const char *col_label;  /* table header of the label column */
	const char *col_value;  /* table header of the value column (bar charts) */
	const char *col_total;  /* table header of the total column (stacked) */
};

/* One bar of chart_bar_h. A bar whose value is hidden (value_text set, e.g. "<5" for a
 * suppressed small cell) is drawn without length; the text is shown
 * instead of the number in the SVG and in the table. */
struct chart_item {
	const char *label;
	int64_t value;          /* >= 0 */
	const char *value_text; /* NULL: the number */
};

void chart_bar_h(struct html *h, const struct chart_text *t, const struct chart_item *bars,
		 size_t n);

/* Stacked bars: n rows of nseries values each (values[row * nseries + k]),
 * series named series[k], drawn in a fixed colour-blind-safe palette of
 * CHART_SERIES_MAX colours and named in a legend. */
enum { CHART_SERIES_MAX = 6 };
void chart_stacked_h(struct html *h, const struct chart_text *t, const char *const *series,
		     size_t nseries, const char *const *labels, const int64_t *values, size_t n);

/* ---- part-of-whole bars (helper kampanye's API, kept here so there is
 * one chart module): each bar is part / whole of a full-width track, the
 * SVG and its table are written separately. ---- */
struct chart_bar {
	const char *label;     /* plain text, escaped */
	int64_t part, whole;   /* the bar is part / whole */
	const char *value;     /* plain text after the bar, e.g. "72,5 %" */
};

/* id: a literal-safe token used for the title/desc ids (e.g. "grafik-unit"). */
void chart_svg_bars(struct html *h, const char *id, const char *title, const char *desc,
		    const struct chart_bar *bars, size_t n);
/* The same bars over a percentage scale (gridlines and labels at 0, 25,
 * 50, 75 and 100 %): each bar a share of its whole, e.g. the employees of a
 * unit reached by a sosialisasi (page_cakupan.c). */
void chart_svg_share(struct html *h, const char *id, const char *title, const char *desc,
		     const struct chart_bar *bars, size_t n);

struct chart_columns {
	const char *caption, *label, *part, *whole, *value;  /* header texts */
};

/* The table of the same numbers: label, part, whole, value. */
void chart_table(struct html *h, const struct chart_columns *c, const struct chart_bar *bars,
		 size_t n);

/* Bar length in px for value against max (0 when max <= 0); a non-zero
 * value gets at least 1 px so it never looks like zero. */
int chart_scale(int64_t value, int64_t max, int width);

#endif
