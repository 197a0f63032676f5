#include "core/compat.h"
#include "web/qr_svg.h"
#include "core/buf.h"
#include "core/err.h"
#include <qrencode.h>

#define QUIET 4

int qr_svg(struct html *h, const char *text, const char *title)
{
	QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (!q)
		return APP_EINVAL;
	int w = q->width;
	struct buf d;
	buf_init(&d, 1u << 20);
	int rc = 0;
	/* Runs of dark modules in each row become one rectangle each. */
	for (int y = 0; y < w && !rc; y++) {
		for (int x = 0; x < w && !rc;) {
			if (!(q->data[y * w + x] & 1)) {
				x++;
				continue;
			}
			int run = 1;
			while (x + run < w && (q->data[y * w + x + run] & 1))
				run++;
			rc = buf_addf(&d, "M%d %dh%dv1h-%dz", x + QUIET, y + QUIET, run, run);
			x += run;
		}
	}
	if (!rc)
		rc = buf_addc(&d, '\0');
	if (!rc) {
		int side = w + 2 * QUIET;
		html_raw(h, "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\""
			    " shape-rendering=\"crispEdges\" viewBox=\"0 0 ");
		html_int(h, side);
		html_raw(h, " ");
		html_int(h, side);
		html_raw(h, "\"");
		html_attr(h, "aria-label", title);
		html_raw(h, "><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\"");
		html_attr(h, "d", d.ptr);
		html_raw(h, "/></svg>");
	}
	buf_release(&d);
	QRcode_free(q);
	return rc ? APP_ENOMEM : 0;
}
