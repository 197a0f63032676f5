/* Server-rendered charts: a horizontal bar chart as inline SVG (no script,
 * no external asset, prints as it shows), always next to a table of the
 * same numbers so nothing is only in the picture. Accessible: the SVG is
 * role="img" named by its <title> and <desc>. Internal to src/web. */
#ifndef WASDAL_WEB_CHART_SVG_H
#define WASDAL_WEB_CHART_SVG_H

#include <stddef.h>
#include <stdint.h>
#include "web/html.h"

struct chart_bar {
	const char *label;     /* plain text, escaped */
	int64_t part, whole;   /* the bar is part / whole */
	const char *value;     /* plain text after the bar, e.g. "72,5 %" */
};

/* id: a literal-safe token used for the title/desc ids (e.g. "grafik-unit"). */
void chart_svg_bars(struct html *h, const char *id, const char *title, const char *desc,
		    const struct chart_bar *bars, size_t n);

struct chart_columns {
	const char *caption, *label, *part, *whole, *value;  /* header texts */
};

/* The table of the same numbers: label, part, whole, value. */
void chart_table(struct html *h, const struct chart_columns *c, const struct chart_bar *bars,
		 size_t n);

#endif
