/* The JSON API route table (src/http/router consults it after web_routes).
 * Every path lives under /api/v1/ and is documented in docs/openapi.yaml;
 * tests/e2e/check_openapi.py fails when the two disagree, so add a route
 * here and its description there together.
 *
 * Query parameters are an allowlist per route (http.h): anything else is a
 * 400 before the handler runs. */
#include "core/compat.h"
#include "api/api.h"
#include "core/limits.h"

#define JSON_AUTH (ROUTE_JSON | ROUTE_AUTH_REQUIRED)
#define JSON_WRITE (ROUTE_JSON | ROUTE_AUTH_REQUIRED | ROUTE_CSRF_CHECK)

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

static const struct route_param statistik_params[] = {
	{ "konteks", PARAM_QUERY, v_token_or_empty, 8 },
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
	{ HTTP_GET, "/api/v1/pegawai/:nip", api_pegawai_get, JSON_AUTH, no_params, 0 },
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
	{ HTTP_GET, "/api/v1/health", api_health, ROUTE_JSON, no_params, 0 },
	{ HTTP_POST, "/api/v1/cpns/hasil", api_cpns_hasil, ROUTE_JSON | ROUTE_NO_IP_LOG, no_params, 4096 },
	{ HTTP_GET, "/api/v1/instansi/:kode/kunci", api_instansi_kunci, ROUTE_JSON, no_params, 0 },
	{ 0 },
};
