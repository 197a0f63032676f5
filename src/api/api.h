/* Helpers shared by the JSON handlers in src/api/ (one file per resource:
 * api_auth.c, api_pegawai.c, api_instansi.c, api_io.c, api_audit.c,
 * api_public.c; the table is api_routes.c).
 *
 * Every handler answers through these, so every response is JSON with
 * Cache-Control: no-store, and every failure has the one error shape of
 * json_util.h. Handlers return 0 after replying (never a negative code),
 * so the server's generic error page is used only for failures that happen
 * before a handler runs (unknown path, method, Content-Length, auth). */
#ifndef WASDAL_API_API_H
#define WASDAL_API_API_H

#include "api/json_util.h"
#include "http/http.h"
#include "store/store.h"

/* Reply with e (status api_error_status(e)). Returns 0. */
int api_reply_error(struct http_req *req, struct http_resp *resp, const struct api_error *e);
/* Reply with the generic message of an app error code. Returns 0. */
int api_reply_code(struct http_req *req, struct http_resp *resp, int err);

/* Start a JSON response with status; the caller writes one value with w,
 * then calls api_reply_end (which turns a writer error into a 500/413). */
void api_reply_begin(struct http_resp *resp, int status, struct jsonw *w);
int api_reply_end(struct http_req *req, struct http_resp *resp, struct jsonw *w);

/* The request body as a JSON object: 415 unless the content type is
 * application/json, then json_body_parse with LIMIT_JSON_BODY and
 * LIMIT_JSON_DEPTH. On failure e is filled and *out is NULL. */
int api_read_json(struct http_req *req, json_t **out, struct api_error *e)
	__attribute__((warn_unused_result));

/* Require a permission: 0, or APP_EPERM after filling e. */
int api_require(const struct http_req *req, enum permission perm, struct api_error *e)
	__attribute__((warn_unused_result));

/* ?limit=: absent -> def; 1..max accepted; anything else an error in e. */
int api_query_limit(const struct http_req *req, int def, int max, int *out, struct api_error *e)
	__attribute__((warn_unused_result));

/* Write a jansson value with jsonw (depth-bounded: deeper parts become
 * null). Used to re-emit stored compact JSON (audit diffs) as values. */
void api_write_json_value(struct jsonw *w, const json_t *v, int depth_left);

/* One audit record as a JSON object (api_audit.c). */
void api_write_audit_rec(struct jsonw *w, const struct audit_rec *r);

/* "2026-11-23T09:30:00Z" into out (at least 21 bytes). */
void api_format_time(int64_t ms, char *out, size_t outsz);

/* The instansi and units visible to a principal, loaded once per request
 * for turning ids into codes and names (api_org.c). */
struct api_org {
	struct instansi *inst;
	size_t n_inst;
	struct api_org_units *units; /* per instansi, loaded on first use */
};
int api_org_load(struct http_req *req, struct api_org *o) __attribute__((warn_unused_result));
void api_org_release(struct api_org *o);
const struct instansi *api_org_by_id(const struct api_org *o, int64_t id);
const struct instansi *api_org_by_kode(const struct api_org *o, const char *kode);
/* NULL when unit_id is 0 or not found. */
const struct unit_kerja *api_org_unit(struct http_req *req, struct api_org *o, int64_t instansi_id,
				      int64_t unit_id);
const struct unit_kerja *api_org_unit_by_kode(struct http_req *req, struct api_org *o,
					      int64_t instansi_id, const char *kode);

/* Filters of GET /pegawai and the export, from the query (api_pegawai.c). */
int api_pegawai_filter(struct http_req *req, struct api_org *org, struct pegawai_filter *f,
		       struct api_error *e) __attribute__((warn_unused_result));

/* Handlers (referenced from api_routes.c). */
int api_auth_login(struct http_req *req, struct http_resp *resp);
int api_auth_logout(struct http_req *req, struct http_resp *resp);
int api_me(struct http_req *req, struct http_resp *resp);
int api_pegawai_list(struct http_req *req, struct http_resp *resp);
int api_pegawai_get(struct http_req *req, struct http_resp *resp);
int api_pegawai_create(struct http_req *req, struct http_resp *resp);
int api_pegawai_update(struct http_req *req, struct http_resp *resp);
int api_pegawai_audit(struct http_req *req, struct http_resp *resp);
int api_instansi_list(struct http_req *req, struct http_resp *resp);
int api_statistik(struct http_req *req, struct http_resp *resp);
int api_instansi_units(struct http_req *req, struct http_resp *resp);
int api_import_pegawai(struct http_req *req, struct http_resp *resp);
int api_export_pegawai(struct http_req *req, struct http_resp *resp);
int api_audit_list(struct http_req *req, struct http_resp *resp);
int api_audit_verify(struct http_req *req, struct http_resp *resp);
int api_nip(struct http_req *req, struct http_resp *resp);
int api_health(struct http_req *req, struct http_resp *resp);
int api_cpns_hasil(struct http_req *req, struct http_resp *resp);
int api_instansi_kunci(struct http_req *req, struct http_resp *resp);
int api_templat_list(struct http_req *req, struct http_resp *resp);
int api_templat_get(struct http_req *req, struct http_resp *resp);
int api_templat_create(struct http_req *req, struct http_resp *resp);
int api_kampanye_list(struct http_req *req, struct http_resp *resp);
int api_kampanye_get(struct http_req *req, struct http_resp *resp);
int api_kampanye_create(struct http_req *req, struct http_resp *resp);
int api_kampanye_sign(struct http_req *req, struct http_resp *resp);
int api_verifikasi(struct http_req *req, struct http_resp *resp);
int api_aktivasi(struct http_req *req, struct http_resp *resp);
int api_aktivasi_terbitkan(struct http_req *req, struct http_resp *resp);
int api_acara_list(struct http_req *req, struct http_resp *resp);
int api_acara_create(struct http_req *req, struct http_resp *resp);
int api_acara_get(struct http_req *req, struct http_resp *resp);
int api_acara_update(struct http_req *req, struct http_resp *resp);
int api_acara_hadir(struct http_req *req, struct http_resp *resp);
int api_acara_hadir_impor(struct http_req *req, struct http_resp *resp);
int api_hadir(struct http_req *req, struct http_resp *resp);
int api_cakupan(struct http_req *req, struct http_resp *resp);
int api_laporan_create(struct http_req *req, struct http_resp *resp);
int api_laporan_pantau(struct http_req *req, struct http_resp *resp);
int api_laporan_balas(struct http_req *req, struct http_resp *resp);
int api_laporan_bukti_tambah(struct http_req *req, struct http_resp *resp);
int api_laporan_terlapor(struct http_req *req, struct http_resp *resp);
int api_laporan_get(struct http_req *req, struct http_resp *resp);
int api_laporan_pesan_petugas(struct http_req *req, struct http_resp *resp);
int api_laporan_bukti_unduh(struct http_req *req, struct http_resp *resp);
int api_laporan_identitas(struct http_req *req, struct http_resp *resp);

#endif
