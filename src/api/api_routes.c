/* The JSON API route table (src/http/router consults it after web_routes).
 * Every path lives under /api/v1/ and is documented in docs/openapi.yaml;
 * tests/e2e/check_openapi.py fails when the two disagree, so add a route
 * here and its description there together.
 *
 * Query parameters are an allowlist per route (http.h): anything else is a
 * 400 before the handler runs. */
#include "core/compat.h"
#include "api/api.h"
#include "api/api_kasus.h"
#include "http/shared_params.h"
#include "core/limits.h"

#define JSON_AUTH (ROUTE_JSON | ROUTE_AUTH_REQUIRED)
#define JSON_WRITE (ROUTE_JSON | ROUTE_AUTH_REQUIRED | ROUTE_CSRF_CHECK)
#define PUBLIC_REPORT (ROUTE_JSON | ROUTE_NO_IP_LOG)

#define PEGAWAI_FILTERS \
	{ "q", PARAM_QUERY, v_line, 128 }, \
	{ "instansi", PARAM_QUERY, v_line, 32 }, \
	{ "unit", PARAM_QUERY, v_line, 32 }, \
	{ "golongan", PARAM_QUERY, v_line, 8 }, \
	{ "jenis_jabatan", PARAM_QUERY, v_line, 24 }, \
	{ "status", PARAM_QUERY, v_line, 16 }

static const struct route_param pegawai_list_params[] = {
	PEGAWAI_FILTERS,
	{ "cursor", PARAM_QUERY, v_token, 32 },
	{ "limit", PARAM_QUERY, v_uint, 4 },
	{ NULL },
};

static const struct route_param export_params[] = {
	PEGAWAI_FILTERS,
	{ "format", PARAM_QUERY, v_token, 8 },
	{ NULL },
};

static const struct route_param limit_params[] = {
	{ "limit", PARAM_QUERY, v_uint, 4 },
	{ NULL },
};

static const struct route_param audit_params[] = {
	{ "from_seq", PARAM_QUERY, v_uint, 19 },
	{ "limit", PARAM_QUERY, v_uint, 4 },
	{ NULL },
};

static const struct route_param import_params[] = {
	{ "partial", PARAM_QUERY, v_bool, 2 },
	{ NULL },
};

static const struct route_param acara_list_params[] = {
	{ "limit", PARAM_QUERY, v_uint, 4 },
	{ "sebelum", PARAM_QUERY, v_uint, 19 },
	{ NULL },
};

static const struct route_param cakupan_params[] = {
	{ "instansi", PARAM_QUERY, v_token, 31 },
	{ "dari", PARAM_QUERY, v_line, 10 },
	{ "sampai", PARAM_QUERY, v_line, 10 },
	{ NULL },
};

static const struct route_param laporan_bukti_params[] = {
	{ "receipt", PARAM_FORM, v_line, 63 },
	{ "tautan", PARAM_FORM, v_text, 2047 },
	{ "bukti", PARAM_FILE | PARAM_MULTI, NULL, 0 },
	{ NULL },
};

static const struct route_param kasus_list_params[] = {
	{ "antrian", PARAM_QUERY, v_line, 16 },
	{ "tag", PARAM_QUERY, v_line, 40 },
	{ "limit", PARAM_QUERY, v_uint_or_empty, 4 },
	{ "sesudah", PARAM_QUERY, v_line, 47 }, /* KASUS_KURSOR_TEKS - 1 */
	{ NULL },
};
static const struct route_param no_params[] = {
	{ NULL },
};

const struct route api_routes[] = {
	{ HTTP_POST, "/api/v1/auth/login", api_auth_login, ROUTE_JSON, no_params, 4096 },
	{ HTTP_POST, "/api/v1/auth/logout", api_auth_logout, JSON_WRITE, no_params, 4096 },
	{ HTTP_GET, "/api/v1/me", api_me, JSON_AUTH, no_params, 0 },

	{ HTTP_GET, "/api/v1/pegawai", api_pegawai_list, JSON_AUTH, pegawai_list_params, 0 },
	{ HTTP_POST, "/api/v1/pegawai", api_pegawai_create, JSON_WRITE, no_params, 0 },
	{ HTTP_GET, "/api/v1/pegawai/:nip", api_pegawai_get, JSON_AUTH | ROUTE_READ_TX, no_params, 0 },
	{ HTTP_PUT, "/api/v1/pegawai/:nip", api_pegawai_update, JSON_WRITE, no_params, 0 },
	{ HTTP_GET, "/api/v1/pegawai/:nip/audit", api_pegawai_audit, JSON_AUTH, limit_params, 0 },

	{ HTTP_GET, "/api/v1/instansi", api_instansi_list, JSON_AUTH, no_params, 0 },
	{ HTTP_GET, "/api/v1/instansi/:kode/unit", api_instansi_units, JSON_AUTH, no_params, 0 },

	{ HTTP_POST, "/api/v1/import/pegawai", api_import_pegawai, JSON_WRITE | ROUTE_CSV, import_params,
	  LIMIT_UPLOAD_BODY },
	{ HTTP_GET, "/api/v1/export/pegawai", api_export_pegawai, JSON_AUTH, export_params, 0 },

	{ HTTP_GET, "/api/v1/audit", api_audit_list, JSON_AUTH, audit_params, 0 },
	{ HTTP_GET, "/api/v1/audit/verify", api_audit_verify, JSON_AUTH, no_params, 0 },

	{ HTTP_GET, "/api/v1/nip/:nip", api_nip, ROUTE_JSON, no_params, 0 },
	{ HTTP_GET, "/api/v1/statistik", api_statistik, ROUTE_JSON | ROUTE_NO_IP_LOG, statistik_params, 0 },
	{ HTTP_GET, "/api/v1/kasus", api_kasus_list, JSON_AUTH, kasus_list_params, 0 },
	{ HTTP_GET, "/api/v1/kasus/:nomor", api_kasus_get, JSON_AUTH, no_params, 0 },
	/* JSON (at most 64 KiB, checked by the handler) or multipart with
	 * attachments (the upload limit) */
	{ HTTP_POST, "/api/v1/kasus/:nomor/pindah", api_kasus_pindah, JSON_WRITE | ROUTE_MULTIPART,
	  kasus_pindah_params, 0 },
	{ HTTP_POST, "/api/v1/kasus/:nomor/perpanjang", api_kasus_perpanjang, JSON_WRITE, no_params, 8192 },
	{ HTTP_POST, "/api/v1/kasus/:nomor/tugaskan", api_kasus_tugaskan, JSON_WRITE, no_params, 4096 },
	{ HTTP_POST, "/api/v1/kasus/:nomor/tag", api_kasus_tag, JSON_WRITE, no_params, 4096 },
	{ HTTP_POST, "/api/v1/kasus/:nomor/catatan", api_kasus_catatan, JSON_WRITE, no_params, 16384 },
	{ HTTP_GET, "/api/v1/health", api_health, ROUTE_JSON, no_params, 0 },
	{ HTTP_POST, "/api/v1/cpns/hasil", api_cpns_hasil, ROUTE_JSON | ROUTE_NO_IP_LOG, no_params, 4096 },
	{ HTTP_GET, "/api/v1/instansi/:kode/kunci", api_instansi_kunci, ROUTE_JSON, no_params, 0 },
	{ HTTP_GET, "/api/v1/acara", api_acara_list, JSON_AUTH, acara_list_params, 0 },
	{ HTTP_POST, "/api/v1/acara", api_acara_create, JSON_WRITE, no_params, 0 },
	{ HTTP_GET, "/api/v1/acara/:id", api_acara_get, JSON_AUTH, no_params, 0 },
	{ HTTP_PUT, "/api/v1/acara/:id", api_acara_update, JSON_WRITE, no_params, 0 },
	{ HTTP_POST, "/api/v1/acara/:id/hadir", api_acara_hadir, JSON_WRITE, no_params, LIMIT_UPLOAD_BODY },
	{ HTTP_POST, "/api/v1/acara/:id/hadir/impor", api_acara_hadir_impor, JSON_WRITE | ROUTE_CSV, import_params,
	  LIMIT_UPLOAD_BODY },
	{ HTTP_POST, "/api/v1/hadir", api_hadir, JSON_WRITE, no_params, 4096 },
	{ HTTP_GET, "/api/v1/cakupan", api_cakupan, JSON_AUTH, cakupan_params, 0 },

	{ HTTP_GET, "/api/v1/kampanye/templat", api_templat_list, JSON_AUTH, no_params, 0 },
	{ HTTP_POST, "/api/v1/kampanye/templat", api_templat_create, JSON_WRITE, no_params, 0 },
	{ HTTP_GET, "/api/v1/kampanye/templat/:id", api_templat_get, JSON_AUTH, no_params, 0 },
	{ HTTP_GET, "/api/v1/kampanye", api_kampanye_list, JSON_AUTH, no_params, 0 },
	{ HTTP_POST, "/api/v1/kampanye", api_kampanye_create, JSON_WRITE, no_params, LIMIT_UPLOAD_BODY },
	{ HTTP_GET, "/api/v1/kampanye/:id", api_kampanye_get, JSON_AUTH, no_params, 0 },
	{ HTTP_POST, "/api/v1/kampanye/:id/tanda-tangan", api_kampanye_sign, JSON_WRITE, no_params, 4096 },
	{ HTTP_POST, "/api/v1/aktivasi/terbitkan", api_aktivasi_terbitkan, JSON_WRITE, no_params, 4096 },
	{ HTTP_POST, "/api/v1/aktivasi", api_aktivasi, ROUTE_JSON, no_params, 4096 },
	{ HTTP_GET, "/api/v1/verifikasi/:kode", api_verifikasi, ROUTE_JSON, no_params, 0 },
	/* Citizen reports: public, never logged with an address. */
	{ HTTP_POST, "/api/v1/laporan", api_laporan_create, PUBLIC_REPORT | ROUTE_MULTIPART,
	  laporan_params, LIMIT_LAPORAN_BODY },
	{ HTTP_POST, "/api/v1/laporan/pantau", api_laporan_pantau, PUBLIC_REPORT, no_params, 4096 },
	{ HTTP_POST, "/api/v1/laporan/pantau/pesan", api_laporan_balas, PUBLIC_REPORT, no_params, 16384 },
	{ HTTP_POST, "/api/v1/laporan/pantau/bukti", api_laporan_bukti_tambah, PUBLIC_REPORT | ROUTE_MULTIPART,
	  laporan_bukti_params, LIMIT_LAPORAN_BODY },
	{ HTTP_POST, "/api/v1/laporan/pantau/terlapor", api_laporan_terlapor, PUBLIC_REPORT, no_params, 8192 },
	{ HTTP_GET, "/api/v1/laporan/:nomor", api_laporan_get, JSON_AUTH, no_params, 0 },
	{ HTTP_POST, "/api/v1/laporan/:nomor/pesan", api_laporan_pesan_petugas, JSON_WRITE, no_params, 16384 },
	{ HTTP_GET, "/api/v1/laporan/:nomor/bukti/:id", api_laporan_bukti_unduh, JSON_AUTH, no_params, 0 },
	{ HTTP_POST, "/api/v1/laporan/:nomor/identitas", api_laporan_identitas, JSON_WRITE, no_params, 4096 },
	{ 0 },
};
