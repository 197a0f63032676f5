/* The instansi of the principal's scope as pages use them: collected in the
 * request arena, looked up by id, offered as a <select> of codes. Shared by
 * the event pages (page_acara*.c, page_cakupan.c) and the employee pages
 * (page_pegawai.c). Internal to src/web. */
#ifndef WASDAL_WEB_PAGE_INSTANSI_H
#define WASDAL_WEB_PAGE_INSTANSI_H

#include "store/store.h"
#include "web/page.h"

struct page_instansi_list {
	struct http_req *req;
	struct instansi *v;
	size_t n, cap;
};

/* The row callback that appends to a page_instansi_list ({ .req = req }):
 * for a lister with its own permission check (registry_instansi_list). */
int page_instansi_add(void *ctx, const struct instansi *in);
/* Every instansi of the principal's scope path, in the request arena. */
int page_instansi_collect(struct http_req *req, struct page_instansi_list *l);
const struct instansi *page_instansi_by_id(const struct page_instansi_list *l, int64_t id);
/* A form's <select> of the listed instansi: the value is the code, the
 * label "Nama (KODE)"; error is the field's error (may be 0). */
void page_instansi_select(struct page *pg, const char *id, enum msg_id label,
			  const struct page_instansi_list *l, const char *selected, enum msg_id error);

#endif
