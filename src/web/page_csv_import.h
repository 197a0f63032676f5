/* The CSV upload pages shared by the registry import (/impor) and the
 * attendance import (/acara/:id/impor): the upload form, the per-row error
 * collector passed to the app import, and the result (notice, summary,
 * error table). Internal to src/web. */
#ifndef WASDAL_WEB_PAGE_CSV_IMPORT_H
#define WASDAL_WEB_PAGE_CSV_IMPORT_H

#include "app/registry.h"
#include "web/page.h"

struct page_csv_import {
	FILE *in;                  /* the uploaded file, open until _close */
	struct import_opts opts;   /* partial from the form, errors collected here */
	/* the first rows' errors (request arena), and how many more there were */
	struct http_req *req;
	struct import_error *v;
	size_t n;
	int64_t more;
};

/* The form: a lead paragraph, the file, the --partial box; action is the
 * path the form posts to. */
void page_csv_import_form(struct page *pg, enum msg_id lead, const char *action);

/* Opens the "berkas" upload and prepares opts. Returns 0, APP_ENOMEM, or
 * APP_EINVAL when no file was sent: then a 400 page titled title with the
 * form again has been written (finish it with page_end). */
int page_csv_import_open(struct page *pg, struct page_csv_import *ci, const char *title,
			 enum msg_id lead, const char *action);
void page_csv_import_close(struct page_csv_import *ci);

/* The notice (done or "nothing was imported") and the summary line. */
void page_csv_import_outcome(struct page *pg, int committed, enum msg_id done,
			     const char *summary);
/* The error table (line, column, value, message), if there were errors. */
void page_csv_import_errors(struct page *pg, const struct page_csv_import *ci);

#endif
