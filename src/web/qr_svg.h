/* A QR code (libqrencode) as inline SVG: one path of dark modules with a
 * four-module quiet zone, scaled by CSS, crisp in print. Internal to
 * src/web. */
#ifndef WASDAL_WEB_QR_SVG_H
#define WASDAL_WEB_QR_SVG_H

#include "web/html.h"

/* 0, or APP_EINVAL when text cannot be encoded. title names the image for
 * screen readers. */
int qr_svg(struct html *h, const char *text, const char *title);

#endif
