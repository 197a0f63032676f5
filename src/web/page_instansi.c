/* The instansi list, lookup and <select> of the pages (see page_instansi.h). */
#include "core/compat.h"
#include "web/page_instansi.h"

int page_instansi_add(void *ctx, const struct instansi *in)
{
	struct page_instansi_list *l = ctx;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 32;
		struct instansi *v = http_alloc(l->req, cap * sizeof(*v));
		if (l->n)
			memcpy(v, l->v, l->n * sizeof(*v));
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = *in;
	return 0;
}

int page_instansi_collect(struct http_req *req, struct page_instansi_list *l)
{
	memset(l, 0, sizeof(*l));
	l->req = req;
	return store_instansi_list(req->store, req->principal.scope_path, page_instansi_add, l);
}

const struct instansi *page_instansi_by_id(const struct page_instansi_list *l, int64_t id)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].id == id)
			return &l->v[i];
	return NULL;
}

void page_instansi_select(struct page *pg, const char *id, enum msg_id label,
			  const struct page_instansi_list *l, const char *selected, enum msg_id error)
{
	struct http_req *req = pg->req;
	/* n + 1: the arena is never asked for 0 bytes */
	const char **vals = http_alloc(req, (l->n + 1) * sizeof(*vals));
	const char **labels = http_alloc(req, (l->n + 1) * sizeof(*labels));
	for (size_t i = 0; i < l->n; i++) {
		vals[i] = l->v[i].kode;
		labels[i] = http_printf(req, "%s (%s)", l->v[i].nama, l->v[i].kode);
	}
	page_select(pg, id, label, vals, labels, l->n, selected, error);
}
