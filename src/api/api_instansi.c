/* /api/v1/instansi: the organisation tree visible to the principal. */
#include "core/compat.h"
#include "api/api.h"
#include "app/registry.h"
#include "core/err.h"

static const char *jenis_name(enum instansi_jenis j)
{
	switch (j) {
	case INSTANSI_NASIONAL: return "nasional";
	case INSTANSI_KL: return "kl";
	case INSTANSI_PROVINSI: return "provinsi";
	case INSTANSI_KABKOTA: return "kabkota";
	default: return "lain";
	}
}

int api_instansi_list(struct http_req *req, struct http_resp *resp)
{
	struct api_error e;
	struct api_org org;
	struct jsonw w;
	api_error_init(&e);
	if (api_require(req, PERM_REGISTRY_READ, &e))
		return api_reply_error(req, resp, &e);
	int rc = api_org_load(req, &org);
	if (rc)
		return api_reply_code(req, resp, rc);
	api_reply_begin(resp, 200, &w);
	api_page_begin(&w);
	for (size_t i = 0; i < org.n_inst; i++) {
		const struct instansi *in = &org.inst[i];
		const struct instansi *parent = api_org_by_id(&org, in->parent_id);
		jsonw_obj_begin(&w);
		jsonw_kv_str(&w, "kode", in->kode);
		jsonw_kv_str(&w, "nama", in->nama);
		jsonw_kv_str(&w, "jenis", jenis_name(in->jenis));
		/* A parent above the principal's scope is not shown. */
		jsonw_kv_str(&w, "parent_kode", parent ? parent->kode : NULL);
		jsonw_obj_end(&w);
	}
	api_page_end(&w, NULL, (int64_t)org.n_inst);
	api_org_release(&org);
	return api_reply_end(req, resp, &w);
}

struct unit_ctx {
	struct jsonw *w;
	int64_t n;
};

static int unit_row(void *ctx, const struct unit_kerja *u)
{
	struct unit_ctx *c = ctx;
	jsonw_obj_begin(c->w);
	jsonw_kv_str(c->w, "kode", u->kode);
	jsonw_kv_str(c->w, "nama", u->nama);
	jsonw_obj_end(c->w);
	c->n++;
	return 0;
}

int api_instansi_units(struct http_req *req, struct http_resp *resp)
{
	struct api_error e;
	struct api_org org;
	struct jsonw w;
	api_error_init(&e);
	if (api_require(req, PERM_REGISTRY_READ, &e))
		return api_reply_error(req, resp, &e);
	int rc = api_org_load(req, &org);
	if (rc)
		return api_reply_code(req, resp, rc);
	const struct instansi *in = api_org_by_kode(&org, http_path_param(req, "kode"));
	int64_t id = in ? in->id : 0;
	api_org_release(&org);
	if (!id)
		return api_reply_code(req, resp, APP_ENOTFOUND);
	struct unit_ctx c = { &w, 0 };
	api_reply_begin(resp, 200, &w);
	api_page_begin(&w);
	rc = registry_unit_list(req->store, &req->principal, id, unit_row, &c);
	if (rc)
		return api_reply_code(req, resp, rc);
	api_page_end(&w, NULL, c.n);
	return api_reply_end(req, resp, &w);
}
