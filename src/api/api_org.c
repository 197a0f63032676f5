/* Instansi and unit lookups for one request, through app/registry.h (so
 * only what the principal may see is ever loaded). */
#include "core/compat.h"
#include "api/api.h"
#include "app/registry.h"
#include "core/xalloc.h"

struct api_org_units {
	int loaded;
	struct unit_kerja *u;
	size_t n, cap;
};

struct grow {
	void *items;
	size_t n, cap, size;
};

static void *grow_next(struct grow *g)
{
	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 32;
		g->items = xrealloc(g->items, st_mult(g->cap, g->size));
	}
	return (char *)g->items + g->n++ * g->size;
}

static int add_inst(void *ctx, const struct instansi *in)
{
	*(struct instansi *)grow_next(ctx) = *in;
	return 0;
}

static int add_unit(void *ctx, const struct unit_kerja *u)
{
	*(struct unit_kerja *)grow_next(ctx) = *u;
	return 0;
}

int api_org_load(struct http_req *req, struct api_org *o)
{
	struct grow g = { NULL, 0, 0, sizeof(struct instansi) };
	memset(o, 0, sizeof(*o));
	int rc = registry_instansi_list(req->store, &req->principal, add_inst, &g);
	if (rc) {
		free(g.items);
		return rc;
	}
	o->inst = g.items;
	o->n_inst = g.n;
	o->units = xcalloc(g.n ? g.n : 1, sizeof(*o->units));
	return 0;
}

void api_org_release(struct api_org *o)
{
	if (o->units) {
		for (size_t i = 0; i < o->n_inst; i++)
			free(o->units[i].u);
	}
	free(o->units);
	free(o->inst);
	memset(o, 0, sizeof(*o));
}

static size_t index_of(const struct api_org *o, int64_t id)
{
	for (size_t i = 0; i < o->n_inst; i++)
		if (o->inst[i].id == id)
			return i;
	return (size_t)-1;
}

const struct instansi *api_org_by_id(const struct api_org *o, int64_t id)
{
	size_t i = index_of(o, id);
	return i == (size_t)-1 ? NULL : &o->inst[i];
}

const struct instansi *api_org_by_kode(const struct api_org *o, const char *kode)
{
	for (size_t i = 0; i < o->n_inst; i++)
		if (!strcmp(o->inst[i].kode, kode))
			return &o->inst[i];
	return NULL;
}

static struct api_org_units *units_of(struct http_req *req, struct api_org *o, int64_t instansi_id)
{
	size_t i = index_of(o, instansi_id);
	if (i == (size_t)-1)
		return NULL;
	struct api_org_units *us = &o->units[i];
	if (!us->loaded) {
		struct grow g = { NULL, 0, 0, sizeof(struct unit_kerja) };
		if (registry_unit_list(req->store, &req->principal, instansi_id, add_unit, &g) != 0) {
			free(g.items);
			return NULL;
		}
		us->u = g.items;
		us->n = g.n;
		us->cap = g.cap;
		us->loaded = 1;
	}
	return us;
}

const struct unit_kerja *api_org_unit(struct http_req *req, struct api_org *o, int64_t instansi_id,
				      int64_t unit_id)
{
	if (!unit_id)
		return NULL;
	struct api_org_units *us = units_of(req, o, instansi_id);
	for (size_t i = 0; us && i < us->n; i++)
		if (us->u[i].id == unit_id)
			return &us->u[i];
	return NULL;
}

const struct unit_kerja *api_org_unit_by_kode(struct http_req *req, struct api_org *o,
					      int64_t instansi_id, const char *kode)
{
	struct api_org_units *us = units_of(req, o, instansi_id);
	for (size_t i = 0; us && i < us->n; i++)
		if (!strcmp(us->u[i].kode, kode))
			return &us->u[i];
	return NULL;
}
