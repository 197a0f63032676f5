/* What the API's CSV imports share: POST /api/v1/import/pegawai (api_io.c)
 * and the attendance imports of POST /api/v1/acara/:id/hadir[/impor]
 * (api_acara.c). Reading the text/csv body, keeping the row errors for the
 * JSON report, and the reply: 200 with the report, or 422 with the one
 * error shape and the report when a strict import saved nothing. */
#ifndef WASDAL_API_API_IMPORT_H
#define WASDAL_API_API_IMPORT_H

#include <stdio.h>
#include "api/api.h"
#include "app/registry.h"

/* Row errors kept in a report; the count of bad rows is always exact. */
#define API_IMPORT_MAX_ERRORS 1000

/* 0 with *in open on the request body (fclose it) and *partial from
 * ?partial=1|on; 1 when the request has been answered instead (415 for a
 * content type other than text/csv, 400 for an empty body, 500 without
 * memory): the handler then returns 0. */
int api_csv_body_open(struct http_req *req, struct http_resp *resp, FILE **in, int *partial);

#define API_ROW_ERROR_VALUE 128

struct api_row_error {
	int64_t line;
	char column[32];
	enum msg_id msg;
	char value[API_ROW_ERROR_VALUE];
};

/* Collects the first API_IMPORT_MAX_ERRORS row errors: pass
 * api_row_errors_keep and the list as import_opts.on_error/error_ctx. */
struct api_row_errors {
	struct api_row_error *v;
	size_t n;
	int truncated;          /* more errors than were kept */
	size_t value_size;      /* bytes kept of a value, NUL included */
};

/* value_size: at most API_ROW_ERROR_VALUE. */
void api_row_errors_init(struct api_row_errors *c, size_t value_size);
void api_row_errors_release(struct api_row_errors *c);
int api_row_errors_keep(void *ctx, const struct import_error *ie);
/* A report object: _begin opens it with the counts every import has
 * (committed, partial, rows, ok, bad), the caller adds its own, _end
 * writes the "errors" array (line_key, column, message, message_en, value)
 * and "errors_truncated" and closes it. */
void api_import_report_begin(struct jsonw *w, int committed, int partial, int64_t rows, int64_t ok,
			     int64_t bad);
void api_import_report_end(struct jsonw *w, const struct api_row_errors *c, const char *line_key);

/* Answers an import that returned rc: 0 -> 200 with report(w, ctx) (one
 * JSON object); APP_EINVAL -> 422, {"error": ..., "report": ...}; any
 * other code its generic reply. Returns 0, like a handler. */
int api_import_reply(struct http_req *req, struct http_resp *resp, int rc,
		     void (*report)(struct jsonw *w, const void *ctx), const void *ctx);

#endif
