/* Pieces shared by the /lapor and /lapor/pantau pages (page_lapor*.c). */
#ifndef WASDAL_WEB_PAGE_LAPOR_H
#define WASDAL_WEB_PAGE_LAPOR_H

#include "app/laporan.h"
#include "web/page.h"

/* A labelled <textarea> with an optional hint and its field error. */
void lapor_textarea(struct page *pg, const char *id, enum msg_id label, enum msg_id hint,
		    const char *value, enum msg_id error, int rows);
void lapor_hint(struct page *pg, enum msg_id id);
void lapor_terlapor_fields(struct page *pg, const struct laporan_input *in,
			   const struct laporan_errors *err);
/* The file input (name "bukti", several files) and the URL box. */
void lapor_bukti_fields(struct page *pg, const char *tautan, const struct laporan_errors *err);
/* What is missing, as a list of the catalogue texts of the codes. */
void lapor_kekurangan(struct page *pg, const char *list);
/* The non-empty "bukti" file parts; max + 1 when there are more than max. */
size_t lapor_uploads(struct http_req *req, struct laporan_file *files, size_t max);

/* A catalogue format with arguments, in the request's language. */
const char *page_lapor_tf(struct http_req *req, enum msg_id id, ...);

#endif
