/* Shared by the event pages (page_acara*.c, page_cakupan.c). Internal to
 * src/web. */
#ifndef WASDAL_WEB_PAGE_ACARA_H
#define WASDAL_WEB_PAGE_ACARA_H

#include "app/acara.h"
#include "web/page.h"
#include "web/page_instansi.h"

/* The event of the ":id" path parameter, in the principal's scope
 * (APP_ENOTFOUND for a bad id or one out of scope). */
int page_acara_load(struct http_req *req, struct acara *a);
/* href="/acara/<id><suffix>" (or action= with page_acara_action); the
 * suffix must be a literal, like html_raw. */
#define page_acara_href(h, id, suffix) page_acara_url_((h), 0, (id), "" suffix "")
#define page_acara_action(h, id, suffix) page_acara_url_((h), 1, (id), "" suffix "")
void page_acara_url_(struct html *h, int action, int64_t id, const char *suffix_literal);
/* The label of a kind: "Apel (deklarasi bersama)" / "Sosialisasi". */
const char *page_acara_jenis(const struct page *pg, const char *jenis);

#endif
