/* Sending a table export (app/table_export.h) as a download: the file is
 * written to an unlinked temporary file and the server streams it from
 * disk, so a long list never sits in memory. Internal to src/web. */
#ifndef WASDAL_WEB_EXPORT_SEND_H
#define WASDAL_WEB_EXPORT_SEND_H

#include "app/table_export.h"
#include "http/http.h"

/* fill writes the preamble, header and rows into t; its error is
 * returned. basename gets ".csv" or ".xlsx"; sheet names the XLSX sheet. */
int export_send(struct http_req *req, struct http_resp *resp, enum tabexp_format fmt,
		const char *basename, const char *sheet,
		int (*fill)(struct tabexp *t, void *ctx), void *ctx);

#endif
