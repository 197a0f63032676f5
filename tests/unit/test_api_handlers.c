/* The API handlers and reply helpers that need no registry: the public NIP
 * explainer, the error page for the server's own failures, the content-type
 * check and the limit parameter, on hand-built requests. */
#include "core/compat.h"
#include "api/api.h"
#include "api/api_error.h"
#include "core/err.h"
#include "test_helpers.h"

struct fixture {
	struct http_req req;
	struct http_resp resp;
};

static void setup_req(struct fixture *f)
{
	memset(f, 0, sizeof(*f));
	arena_init(&f->req.arena);
	buf_init(&f->resp.body, 1 << 20);
	f->req.path = "/api/v1/x";
	f->req.content_type = "";
	snprintf(f->req.req_id, sizeof(f->req.req_id), "t");
}

static void teardown_req(struct fixture *f)
{
	buf_release(&f->resp.body);
	arena_release(&f->req.arena);
}

static json_t *body_json(struct fixture *f)
{
	json_error_t err;
	json_t *j = json_loadb(f->resp.body.ptr, f->resp.body.len, JSON_REJECT_DUPLICATES, &err);
	assert_non_null(j);
	return j;
}

static void nip_valid_and_invalid(void **state)
{
	(void)state;
	struct fixture f;
	setup_req(&f);
	f.req.path_params[0] = (struct http_param){ "nip", "196608011988031001", 18 };
	f.req.n_path_params = 1;
	assert_int_eq(api_nip(&f.req, &f.resp), 0);
	assert_int_eq(f.resp.status, 200);
	assert_str_eq(f.resp.content_type, HTTP_CT_JSON);
	assert_int_eq(f.resp.no_store, 1);
	json_t *j = body_json(&f);
	assert_true(json_is_true(json_object_get(j, "valid")));
	assert_str_eq(json_string_value(json_object_get(j, "tanggal_lahir")), "1966-08-01");
	assert_str_eq(json_string_value(json_object_get(j, "display")), "19660801 198803 1 001");
	json_decref(j);
	teardown_req(&f);

	setup_req(&f);
	f.req.path_params[0] = (struct http_param){ "nip", "196608011988033001", 18 };
	f.req.n_path_params = 1;
	assert_int_eq(api_nip(&f.req, &f.resp), 0);
	j = body_json(&f);
	assert_true(json_is_false(json_object_get(j, "valid")));
	assert_non_null(json_object_get(j, "reason_en"));
	json_decref(j);
	teardown_req(&f);
}

static void error_page_shapes(void **state)
{
	(void)state;
	static const struct { int status; const char *code; } cases[] = {
		{ 400, "invalid" }, { 401, "unauthenticated" }, { 403, "forbidden" },
		{ 404, "not_found" }, { 405, "method_not_allowed" }, { 413, "too_big" },
		{ 415, "unsupported_media_type" }, { 429, "busy" }, { 500, "internal" },
	};
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct fixture f;
		setup_req(&f);
		api_error_page(&f.req, &f.resp, cases[i].status, NULL);
		assert_int_eq(f.resp.status, cases[i].status);
		json_t *j = body_json(&f);
		json_t *e = json_object_get(j, "error");
		assert_str_eq(json_string_value(json_object_get(e, "code")), cases[i].code);
		assert_true(json_string_length(json_object_get(e, "message")) > 0);
		assert_true(json_string_length(json_object_get(e, "message_en")) > 0);
		json_decref(j);
		teardown_req(&f);
	}
	struct fixture f;
	setup_req(&f);
	api_error_page(&f.req, &f.resp, 400, "parameter tidak dikenal: x / unknown parameter: x");
	json_t *j = body_json(&f);
	assert_str_eq(json_string_value(json_object_get(json_object_get(j, "error"), "message")),
		      "parameter tidak dikenal: x / unknown parameter: x");
	json_decref(j);
	teardown_req(&f);
}

static void read_json_checks_type_then_body(void **state)
{
	(void)state;
	struct fixture f;
	struct api_error e;
	json_t *j;
	setup_req(&f);
	f.req.content_type = "text/plain";
	f.req.body = "{}";
	f.req.body_len = 2;
	api_error_init(&e);
	assert_int_eq(api_read_json(&f.req, &j, &e), APP_EINVAL);
	assert_int_eq(api_error_status(&e), 415);
	assert_str_eq(e.code_name, "unsupported_media_type");
	f.req.content_type = "application/json";
	api_error_init(&e);
	assert_int_eq(api_read_json(&f.req, &j, &e), 0);
	json_decref(j);
	f.req.body = "{\"a\":1,\"a\":1}";
	f.req.body_len = strlen(f.req.body);
	api_error_init(&e);
	assert_int_eq(api_read_json(&f.req, &j, &e), APP_EINVAL);
	assert_int_eq(api_error_status(&e), 400);
	teardown_req(&f);
}

static void limit_parameter(void **state)
{
	(void)state;
	struct fixture f;
	struct api_error e;
	struct http_param q[1];
	int limit;
	setup_req(&f);
	api_error_init(&e);
	assert_int_eq(api_query_limit(&f.req, 50, 200, &limit, &e), 0);
	assert_int_eq(limit, 50);
	q[0] = (struct http_param){ "limit", "200", 3 };
	f.req.query = q;
	f.req.n_query = 1;
	assert_int_eq(api_query_limit(&f.req, 50, 200, &limit, &e), 0);
	assert_int_eq(limit, 200);
	q[0] = (struct http_param){ "limit", "201", 3 };
	assert_int_eq(api_query_limit(&f.req, 50, 200, &limit, &e), APP_EINVAL);
	assert_str_eq(e.fields[0].field, "limit");
	q[0] = (struct http_param){ "limit", "0", 1 };
	api_error_init(&e);
	assert_int_eq(api_query_limit(&f.req, 50, 200, &limit, &e), APP_EINVAL);
	teardown_req(&f);
}

static void require_permission(void **state)
{
	(void)state;
	struct fixture f;
	struct api_error e;
	setup_req(&f);
	api_error_init(&e);
	assert_int_eq(api_require(&f.req, PERM_REGISTRY_READ, &e), APP_EAUTH);
	assert_int_eq(api_error_status(&e), 401);
	f.req.authenticated = 1;
	f.req.principal.role = ROLE_AUDITOR;
	snprintf(f.req.principal.scope_path, sizeof(f.req.principal.scope_path), "/");
	api_error_init(&e);
	assert_int_eq(api_require(&f.req, PERM_REGISTRY_READ, &e), 0);
	assert_int_eq(api_require(&f.req, PERM_REGISTRY_WRITE, &e), APP_EPERM);
	assert_int_eq(api_error_status(&e), 403);
	teardown_req(&f);
}

static void audit_record_diff_is_a_value(void **state)
{
	(void)state;
	struct buf b;
	struct jsonw w;
	struct audit_rec r;
	memset(&r, 0, sizeof(r));
	r.seq = 7;
	r.ts_ms = 1763890200000LL;
	snprintf(r.actor, sizeof(r.actor), "bk1");
	snprintf(r.action, sizeof(r.action), "update");
	snprintf(r.object_type, sizeof(r.object_type), "pegawai");
	snprintf(r.object_id, sizeof(r.object_id), "196608011988031001");
	r.diff = "{\"golongan\":[\"III/a\",\"III/b\"]}";
	buf_init(&b, 65536);
	jsonw_init(&w, &b);
	api_write_audit_rec(&w, &r);
	assert_int_eq(w.err, 0);
	assert_non_null(strstr(b.ptr, "\"diff\":{\"golongan\":[\"III/a\",\"III/b\"]}"));
	assert_non_null(strstr(b.ptr, "\"ts\":\"2025-11-23T09:30:00Z\""));
	buf_reset(&b);
	jsonw_init(&w, &b);
	r.diff = "not json";
	api_write_audit_rec(&w, &r);
	assert_non_null(strstr(b.ptr, "\"diff\":null"));
	buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nip_valid_and_invalid),
		cmocka_unit_test(error_page_shapes),
		cmocka_unit_test(read_json_checks_type_then_body),
		cmocka_unit_test(limit_parameter),
		cmocka_unit_test(require_permission),
		cmocka_unit_test(audit_record_diff_is_a_value),
	};
	return RUN_TESTS("api_handlers", tests);
}
