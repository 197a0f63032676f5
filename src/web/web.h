/* Server-rendered pages: what src/http needs from src/web. */
#ifndef WASDAL_WEB_WEB_H
#define WASDAL_WEB_WEB_H

#include "http/http.h"

/* Render the HTML error page for status (403, 404, 500 ...) into resp.
 * detail (may be NULL) is plain text shown under the title, escaped. */
void web_error_page(struct http_req *req, struct http_resp *resp, int status, const char *detail);

#endif
