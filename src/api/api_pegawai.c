/* /api/v1/pegawai: the ASN registry over JSON. Every read and write goes
 * through app/registry.h with the request's principal, which enforces scope
 * (an employee out of scope is 404, exactly like one that does not exist). */
#include "core/compat.h"
#include "api/api.h"
#include "app/audit_view.h"
#include "app/registry.h"
#include "core/err.h"
#include "core/limits.h"

/* The JSON body of POST and PUT: every key a client may send. Text only,
 * the same names as the CSV import columns (docs/registry.md). */
struct pegawai_body {
	char nip[32];
	char nama[128];
	char jenis_asn[8];
	char golongan[8];
	char jenis_jabatan[24];
	char jenjang[24];
	char jabatan[160];
	char instansi_kode[32];
	char unit_kode[32];
	char status[16];
};

#define F(name, flags) { #name, JF_STRING, flags, offsetof(struct pegawai_body, name), \
			 sizeof(((struct pegawai_body *)0)->name), 0, 0, NULL, NULL }
static const struct json_field pegawai_fields[] = {
	F(nip, JF_NONEMPTY),
	F(nama, JF_NONEMPTY),
	F(jenis_asn, 0),
	F(golongan, JF_NULLABLE),
	F(jenis_jabatan, 0),
	F(jenjang, JF_NULLABLE),
	F(jabatan, JF_NULLABLE),
	F(instansi_kode, JF_NONEMPTY),
	F(unit_kode, JF_NULLABLE),
	F(status, 0),
};
#undef F
enum { BIT_NIP = 1u << 0, BIT_NAMA = 1u << 1, BIT_JENIS_ASN = 1u << 2, BIT_GOLONGAN = 1u << 3,
       BIT_JENIS_JABATAN = 1u << 4, BIT_JENJANG = 1u << 5, BIT_JABATAN = 1u << 6,
       BIT_INSTANSI = 1u << 7, BIT_UNIT = 1u << 8, BIT_STATUS = 1u << 9 };

/* "19660801 198803 1 001" and "196608011988031001" compare equal. */
static void nip_digits(const char *s, char out[32])
{
	size_t n = 0;
	for (; *s && n < 31; s++)
		if (*s != ' ')
			out[n++] = *s;
	out[n] = '\0';
}

static void write_pegawai_at(struct jsonw *w, const struct pegawai *p,
			     const struct instansi *in, const struct unit_kerja *u)
{
	char ts[32];
	jsonw_obj_begin(w);
	jsonw_kv_str(w, "nip", p->nip);
	jsonw_kv_str(w, "nama", p->nama);
	jsonw_kv_str(w, "jenis_asn", p->jenis_asn);
	jsonw_kv_str(w, "golongan", p->golongan);
	jsonw_kv_str(w, "jenis_jabatan", p->jenis_jabatan);
	jsonw_kv_str(w, "jenjang", p->jenjang);
	jsonw_kv_str(w, "jabatan", p->jabatan);
	jsonw_kv_str(w, "instansi_kode", in ? in->kode : NULL);
	jsonw_kv_str(w, "instansi_nama", in ? in->nama : NULL);
	jsonw_kv_str(w, "unit_kode", u ? u->kode : NULL);
	jsonw_kv_str(w, "unit_nama", u ? u->nama : NULL);
	jsonw_kv_str(w, "status", p->status);
	jsonw_kv_bool(w, "blokir", p->blokir);
	jsonw_kv_str(w, "blokir_alasan", p->blokir ? p->blokir_alasan : NULL);
	api_format_time(p->updated_ms, ts, sizeof(ts));
	jsonw_kv_str(w, "updated_at", ts);
	jsonw_obj_end(w);
}

static void write_pegawai(struct http_req *req, struct api_org *o, struct jsonw *w,
			  const struct pegawai *p)
{
	write_pegawai_at(w, p, api_org_by_id(o, p->instansi_id),
			 api_org_unit(req, o, p->instansi_id, p->unit_id));
}

/* ---- GET /api/v1/pegawai ---- */

struct list_ctx {
	struct http_req *req;
	struct api_org *org;
	struct jsonw *w;
	int limit, n;
	char last_nip[19];
	int more;
};

static int list_row(void *ctx, const struct pegawai *p)
{
	struct list_ctx *c = ctx;
	if (c->n == c->limit) {
		c->more = 1;
		return 1;
	}
	write_pegawai(c->req, c->org, c->w, p);
	snprintf(c->last_nip, sizeof(c->last_nip), "%s", p->nip);
	c->n++;
	return 0;
}

static int is_digits(const char *s, size_t n)
{
	if (strlen(s) != n)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static const char *nonempty(const char *s)
{
	return s && *s ? s : NULL;
}

/* The filters shared by the list and the export (query parameters q,
 * instansi, unit, golongan, jenis_jabatan, status). Codes become ids through
 * org, so an instansi out of scope is an unknown one. */
int api_pegawai_filter(struct http_req *req, struct api_org *org, struct pegawai_filter *f,
		       struct api_error *e)
{
	memset(f, 0, sizeof(*f));
	f->scope_path = req->principal.scope_path;
	f->q = nonempty(http_query(req, "q"));
	f->golongan = nonempty(http_query(req, "golongan"));
	f->jenis_jabatan = nonempty(http_query(req, "jenis_jabatan"));
	f->status = nonempty(http_query(req, "status"));
	const char *ik = http_query(req, "instansi"), *uk = http_query(req, "unit");
	if (ik && *ik) {
		const struct instansi *in = api_org_by_kode(org, ik);
		if (!in)
			api_error_field(e, "instansi", M_API_UNKNOWN_INSTANSI);
		else
			f->instansi_id = in->id;
	}
	if (uk && *uk) {
		const struct unit_kerja *u = f->instansi_id
			? api_org_unit_by_kode(req, org, f->instansi_id, uk) : NULL;
		if (!u)
			api_error_field(e, "unit", M_API_UNKNOWN_UNIT);
		else
			f->unit_id = u->id;
	}
	return e->code ? APP_EINVAL : 0;
}

int api_pegawai_list(struct http_req *req, struct http_resp *resp)
{
	struct api_error e;
	struct api_org org;
	struct pegawai_filter f;
	int limit, rc;
	api_error_init(&e);
	if (api_require(req, PERM_REGISTRY_READ, &e))
		return api_reply_error(req, resp, &e);
	if (api_query_limit(req, LIMIT_PAGE_SIZE, LIMIT_API_PAGE_MAX, &limit, &e))
		return api_reply_error(req, resp, &e);
	if ((rc = api_org_load(req, &org)) != 0)
		return api_reply_code(req, resp, rc);

	if (api_pegawai_filter(req, &org, &f, &e)) {
		api_org_release(&org);
		return api_reply_error(req, resp, &e);
	}
	const char *cursor = http_query(req, "cursor");
	if (cursor && !is_digits(cursor, 18)) {
		api_error_field(&e, "cursor", M_API_BAD_CURSOR);
		api_org_release(&org);
		return api_reply_error(req, resp, &e);
	}

	int64_t total = 0;
	rc = registry_count(req->store, &req->principal, &f, &total);
	if (rc) {
		api_org_release(&org);
		return api_reply_code(req, resp, rc);
	}
	f.after_nip = cursor;
	f.limit = limit + 1; /* one more than shown tells whether a next page exists */

	struct jsonw w;
	struct list_ctx c = { req, &org, &w, limit, 0, "", 0 };
	api_reply_begin(resp, 200, &w);
	api_page_begin(&w);
	rc = registry_list(req->store, &req->principal, &f, list_row, &c);
	api_page_end(&w, c.more ? c.last_nip : NULL, total);
	api_org_release(&org);
	if (rc < 0)
		return api_reply_code(req, resp, rc);
	return api_reply_end(req, resp, &w);
}

/* ---- GET /api/v1/pegawai/:nip ---- */

static int reply_pegawai(struct http_req *req, struct http_resp *resp, int status,
			 const struct pegawai *p)
{
	struct instansi in;
	struct unit_kerja u;
	struct jsonw w;
	int rc = registry_place_of(req->store, &req->principal, p, &in, &u);
	if (rc)
		return api_reply_code(req, resp, rc);
	api_reply_begin(resp, status, &w);
	write_pegawai_at(&w, p, &in, u.id ? &u : NULL);
	return api_reply_end(req, resp, &w);
}

int api_pegawai_get(struct http_req *req, struct http_resp *resp)
{
	struct api_error e;
	struct pegawai p;
	api_error_init(&e);
	if (api_require(req, PERM_REGISTRY_READ, &e))
		return api_reply_error(req, resp, &e);
	/* The employee with its instansi and unit in one statement, in one
	 * read transaction (the token check's, when it came by Bearer token). */
	struct instansi in;
	struct unit_kerja u;
	struct jsonw w;
	int tx = !store_in_tx(req->store) && store_tx_begin(req->store, STORE_TX_READ) == 0;
	int rc = registry_get_placed(req->store, &req->principal, http_path_param(req, "nip"), &p,
				     &in, &u);
	if (rc) {
		rc = api_reply_code(req, resp, rc);
	} else {
		api_reply_begin(resp, 200, &w);
		write_pegawai_at(&w, &p, &in, u.id ? &u : NULL);
		rc = api_reply_end(req, resp, &w);
	}
	if (tx)
		store_tx_rollback(req->store);
	return rc;
}

/* ---- POST /api/v1/pegawai and PUT /api/v1/pegawai/:nip ---- */

static int reply_save_error(struct http_req *req, struct http_resp *resp, int rc,
			    const struct registry_save_result *r)
{
	struct api_error e;
	api_error_init(&e);
	if (rc == APP_EBLOCKED) {
		api_error_set(&e, APP_EBLOCKED, M_REG_BLOCKED, r->blokir_alasan);
		return api_reply_error(req, resp, &e);
	}
	if (rc == APP_EINVAL && r->fe.n > 0) {
		/* Well-formed JSON whose values break the registry's rules: 422. */
		api_error_set(&e, APP_ECONSTRAINT, M_API_INVALID_INPUT);
		for (int i = 0; i < r->fe.n; i++)
			api_error_field_text(&e, r->fe.e[i].field, msg(r->fe.e[i].msg, LANG_ID),
					     msg(r->fe.e[i].msg, LANG_EN));
		return api_reply_error(req, resp, &e);
	}
	return api_reply_code(req, resp, rc);
}

static int read_body(struct http_req *req, struct pegawai_body *b, uint32_t *present,
		     struct api_error *e)
{
	json_t *j;
	memset(b, 0, sizeof(*b));
	int rc = api_read_json(req, &j, e);
	if (rc)
		return rc;
	rc = json_body_check(j, pegawai_fields, ARRAY_SIZE(pegawai_fields), b, present, e);
	json_decref(j);
	return rc;
}

static void input_from_body(const struct pegawai_body *b, struct pegawai_input *in)
{
	memset(in, 0, sizeof(*in));
	in->nip = b->nip;
	in->nama = b->nama;
	in->jenis_asn = b->jenis_asn;
	in->golongan = b->golongan;
	in->jenis_jabatan = b->jenis_jabatan;
	in->jenjang = b->jenjang;
	in->jabatan = b->jabatan;
	in->instansi_kode = b->instansi_kode;
	in->unit_kode = b->unit_kode;
	in->status = b->status;
}

int api_pegawai_create(struct http_req *req, struct http_resp *resp)
{
	struct api_error e;
	struct pegawai_body b;
	struct pegawai_input in;
	struct registry_save_result r;
	struct pegawai cur;
	uint32_t present = 0;
	api_error_init(&e);
	if (api_require(req, PERM_REGISTRY_WRITE, &e))
		return api_reply_error(req, resp, &e);
	if (read_body(req, &b, &present, &e))
		return api_reply_error(req, resp, &e);
	static const char *const required[] = { "nip", "nama", "jenis_asn", "jenis_jabatan",
						"instansi_kode" };
	static const uint32_t required_bits[] = { BIT_NIP, BIT_NAMA, BIT_JENIS_ASN,
						  BIT_JENIS_JABATAN, BIT_INSTANSI };
	for (size_t i = 0; i < ARRAY_SIZE(required); i++)
		if (!(present & required_bits[i]))
			api_error_field(&e, required[i], M_API_FIELD_REQUIRED);
	if (e.code)
		return api_reply_error(req, resp, &e);

	int rc = registry_get(req->store, &req->principal, b.nip, &cur);
	if (rc == 0) {
		api_error_set(&e, APP_ECONFLICT, M_API_NIP_EXISTS);
		return api_reply_error(req, resp, &e);
	}
	if (rc != APP_ENOTFOUND)
		return api_reply_code(req, resp, rc);

	input_from_body(&b, &in);
	memset(&r, 0, sizeof(r));
	rc = registry_save(req->store, &req->principal, &in, &r);
	if (rc)
		return reply_save_error(req, resp, rc, &r);
	rc = registry_get(req->store, &req->principal, b.nip, &cur);
	if (rc)
		return api_reply_code(req, resp, rc);
	char *loc = http_printf(req, "/api/v1/pegawai/%s", cur.nip);
	(void)http_resp_header(req, resp, "Location", loc);
	return reply_pegawai(req, resp, r.created ? 201 : 200, &cur);
}

int api_pegawai_update(struct http_req *req, struct http_resp *resp)
{
	struct api_error e;
	struct pegawai_body b;
	struct pegawai_input in;
	struct registry_save_result r;
	struct pegawai cur;
	struct api_org org;
	uint32_t present = 0;
	api_error_init(&e);
	if (api_require(req, PERM_REGISTRY_WRITE, &e))
		return api_reply_error(req, resp, &e);
	const char *path_nip = http_path_param(req, "nip");
	int rc = registry_get(req->store, &req->principal, path_nip, &cur);
	if (rc)
		return api_reply_code(req, resp, rc);
	if (read_body(req, &b, &present, &e))
		return api_reply_error(req, resp, &e);
	if (present & BIT_NIP) {
		char a[32], c[32];
		nip_digits(b.nip, a);
		nip_digits(cur.nip, c);
		if (strcmp(a, c)) {
			api_error_field(&e, "nip", M_API_NIP_MISMATCH);
			return api_reply_error(req, resp, &e);
		}
	}
	/* Fields left out keep their current value. */
	if ((rc = api_org_load(req, &org)) != 0)
		return api_reply_code(req, resp, rc);
	const struct instansi *oi = api_org_by_id(&org, cur.instansi_id);
	const struct unit_kerja *ou = api_org_unit(req, &org, cur.instansi_id, cur.unit_id);
	snprintf(b.nip, sizeof(b.nip), "%s", cur.nip);
#define KEEP(bit, field, value) \
	if (!(present & (bit))) \
		snprintf(b.field, sizeof(b.field), "%s", (value))
	KEEP(BIT_NAMA, nama, cur.nama);
	KEEP(BIT_JENIS_ASN, jenis_asn, cur.jenis_asn);
	KEEP(BIT_GOLONGAN, golongan, cur.golongan);
	KEEP(BIT_JENIS_JABATAN, jenis_jabatan, cur.jenis_jabatan);
	KEEP(BIT_JENJANG, jenjang, cur.jenjang);
	KEEP(BIT_JABATAN, jabatan, cur.jabatan);
	KEEP(BIT_INSTANSI, instansi_kode, oi ? oi->kode : "");
	KEEP(BIT_UNIT, unit_kode, ou ? ou->kode : "");
	KEEP(BIT_STATUS, status, cur.status);
#undef KEEP
	/* A new instansi without a unit drops the old instansi's unit. */
	if ((present & BIT_INSTANSI) && !(present & BIT_UNIT) && oi && strcmp(oi->kode, b.instansi_kode))
		b.unit_kode[0] = '\0';
	api_org_release(&org);

	input_from_body(&b, &in);
	memset(&r, 0, sizeof(r));
	rc = registry_save(req->store, &req->principal, &in, &r);
	if (rc)
		return reply_save_error(req, resp, rc, &r);
	rc = registry_get(req->store, &req->principal, cur.nip, &cur);
	if (rc)
		return api_reply_code(req, resp, rc);
	return reply_pegawai(req, resp, 200, &cur);
}

/* ---- GET /api/v1/pegawai/:nip/audit ---- */

struct audit_ctx {
	struct jsonw *w;
	int n;
};

static int audit_row(void *ctx, const struct audit_rec *r)
{
	struct audit_ctx *c = ctx;
	api_write_audit_rec(c->w, r);
	c->n++;
	return 0;
}

int api_pegawai_audit(struct http_req *req, struct http_resp *resp)
{
	struct api_error e;
	struct jsonw w;
	int limit;
	api_error_init(&e);
	if (api_require(req, PERM_REGISTRY_READ, &e))
		return api_reply_error(req, resp, &e);
	if (api_query_limit(req, LIMIT_AUDIT_PAGE, LIMIT_API_PAGE_MAX, &limit, &e))
		return api_reply_error(req, resp, &e);
	struct audit_ctx c = { &w, 0 };
	api_reply_begin(resp, 200, &w);
	api_page_begin(&w);
	/* On failure (out of scope, no permission) nothing was written yet, and
	 * api_reply_code replaces the body anyway. */
	int rc = audit_view_pegawai(req->store, &req->principal, http_path_param(req, "nip"), limit,
				     audit_row, &c);
	if (rc)
		return api_reply_code(req, resp, rc);
	/* Newest first, at most limit; no cursor: total is what is shown. */
	api_page_end(&w, NULL, c.n);
	return api_reply_end(req, resp, &w);
}
