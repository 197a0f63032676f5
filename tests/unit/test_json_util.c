#include "core/compat.h"
#include "api/json_util.h"
#include "core/err.h"
#include "test_helpers.h"

static int parse(const char *s, json_t **out, struct api_error *e)
{
	api_error_init(e);
	return json_body_parse(s, strlen(s), 4096, 8, out, e);
}

static void parses_object(void **state)
{
	(void)state;
	json_t *j;
	struct api_error e;
	assert_int_eq(parse("{\"a\":1,\"b\":[1,{\"c\":\"x\"}]}", &j, &e), 0);
	assert_non_null(j);
	assert_int_eq(json_object_size(j), 2);
	json_decref(j);
}

static void rejects_bad_bodies(void **state)
{
	(void)state;
	json_t *j;
	struct api_error e;
	assert_int_eq(parse("", &j, &e), APP_EINVAL);
	assert_null(j);
	assert_int_eq(parse("{\"a\":", &j, &e), APP_EINVAL);
	assert_non_null(strstr(e.message_en, "invalid JSON at line 1"));
	assert_int_eq(parse("[1,2]", &j, &e), APP_EINVAL);
	assert_str_eq(e.message_en, "the request body must be a JSON object");
	assert_int_eq(parse("\"s\"", &j, &e), APP_EINVAL);
	assert_int_eq(parse("{\"a\":1,\"a\":2}", &j, &e), APP_EINVAL);
	assert_non_null(strstr(e.message_en, "duplicate key"));
	assert_non_null(strstr(e.message, "kunci ganda"));
	assert_int_eq(parse("{\"a\":1} x", &j, &e), APP_EINVAL);
	/* NUL inside a string is refused (no JSON_ALLOW_NUL). */
	assert_int_eq(parse("{\"a\":\"x\\u0000y\"}", &j, &e), APP_EINVAL);
	/* Invalid UTF-8. */
	assert_int_eq(parse("{\"a\":\"\xff\"}", &j, &e), APP_EINVAL);
	assert_null(j);
}

static void size_limit_is_413(void **state)
{
	(void)state;
	json_t *j;
	struct api_error e;
	api_error_init(&e);
	const char *s = "{\"a\":\"0123456789\"}";
	assert_int_eq(json_body_parse(s, strlen(s), 10, 8, &j, &e), APP_ETOOBIG);
	assert_int_eq(api_error_status(&e), 413);
	assert_null(j);
	api_error_init(&e);
	assert_int_eq(json_body_parse(s, strlen(s), strlen(s), 8, &j, &e), 0);
	json_decref(j);
}

static void depth_prescan(void **state)
{
	(void)state;
	assert_int_eq(json_nesting_depth("{}", 2, 8), 1);
	assert_int_eq(json_nesting_depth("{\"a\":[[{}]]}", 12, 8), 4);
	/* Brackets inside strings, and escaped quotes, do not count. */
	const char *s = "{\"a\":\"[[[[\\\"[[[[\"}";
	assert_int_eq(json_nesting_depth(s, strlen(s), 2), 1);
	char deep[200];
	memset(deep, '[', sizeof(deep));
	assert_int_eq(json_nesting_depth(deep, sizeof(deep), 16), 17);
	/* A backslash as the last byte must not read past the end. */
	assert_int_eq(json_nesting_depth("\"\\", 2, 4), 0);

	json_t *j;
	struct api_error e;
	assert_int_eq(parse("{\"a\":[[[[[[[[1]]]]]]]]}", &j, &e), APP_EINVAL);
	assert_non_null(strstr(e.message_en, "nested too deeply"));
	assert_int_eq(parse("{\"a\":[[[[[[1]]]]]]}", &j, &e), 0);
	json_decref(j);
}

struct person {
	char nip[19];
	char nama[16];
	char status[16];
	int64_t umur;
	int aktif;
};

static const char *const status_vals[] = { "aktif", "pensiun", NULL };

static int v_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return M_NIP_LENGTH;
	return 0;
}

static const struct json_field person_fields[] = {
	{ "nip", JF_STRING, JF_REQUIRED | JF_NONEMPTY, offsetof(struct person, nip),
	  sizeof(((struct person *)0)->nip), 0, 0, NULL, v_digits },
	{ "nama", JF_STRING, JF_REQUIRED | JF_NONEMPTY, offsetof(struct person, nama),
	  sizeof(((struct person *)0)->nama), 0, 0, NULL, NULL },
	{ "status", JF_STRING, 0, offsetof(struct person, status),
	  sizeof(((struct person *)0)->status), 0, 0, status_vals, NULL },
	{ "umur", JF_INT, JF_NULLABLE, offsetof(struct person, umur), sizeof(int64_t), 18, 70, NULL, NULL },
	{ "aktif", JF_BOOL, 0, offsetof(struct person, aktif), sizeof(int), 0, 0, NULL, NULL },
};

static int check(const char *s, struct person *p, uint32_t *present, struct api_error *e)
{
	json_t *j;
	memset(p, 0, sizeof(*p));
	int rc = parse(s, &j, e);
	if (rc)
		return rc;
	rc = json_body_check(j, person_fields, ARRAY_SIZE(person_fields), p, present, e);
	json_decref(j);
	return rc;
}

static void schema_accepts_and_copies(void **state)
{
	(void)state;
	struct person p;
	struct api_error e;
	uint32_t present;
	assert_int_eq(check("{\"nip\":\"123\",\"nama\":\"Siti\",\"status\":\"aktif\","
			    "\"umur\":40,\"aktif\":true}", &p, &present, &e), 0);
	assert_str_eq(p.nip, "123");
	assert_str_eq(p.nama, "Siti");
	assert_str_eq(p.status, "aktif");
	assert_int_eq(p.umur, 40);
	assert_int_eq(p.aktif, 1);
	assert_int_eq(present, 0x1f);
	assert_int_eq(check("{\"nip\":\"1\",\"nama\":\"A\",\"umur\":null}", &p, &present, &e), 0);
	assert_int_eq(present, 0x0b);
	assert_int_eq(p.umur, 0);
}

static void schema_field_errors(void **state)
{
	(void)state;
	struct person p;
	struct api_error e;
	uint32_t present;
	assert_int_eq(check("{\"nip\":12,\"nama\":\"A\",\"x\":1,\"aktif\":\"ya\"}", &p, &present, &e),
		      APP_EINVAL);
	assert_int_eq(e.nfields, 3);
	assert_str_eq(e.fields[0].field, "nip");
	assert_str_eq(e.fields[0].message_en, "must be a string");
	assert_str_eq(e.fields[1].field, "x");
	assert_str_eq(e.fields[1].message_en, "unknown field");
	assert_str_eq(e.fields[1].message, "kolom tidak dikenal");
	assert_str_eq(e.fields[2].field, "aktif");
	assert_int_eq(api_error_status(&e), 400);

	assert_int_eq(check("{}", &p, &present, &e), APP_EINVAL);
	assert_int_eq(e.nfields, 2);
	assert_str_eq(e.fields[0].message_en, "required");

	assert_int_eq(check("{\"nip\":\"12a\",\"nama\":\"\",\"status\":\"x\",\"umur\":3}", &p, &present, &e),
		      APP_EINVAL);
	assert_int_eq(e.nfields, 4);
	assert_str_eq(e.fields[0].message_en, "a NIP must be 18 digits (the spaced 8-6-1-3 form is accepted)");
	assert_str_eq(e.fields[1].message_en, "must not be empty");
	assert_str_eq(e.fields[2].message_en, "must be one of: aktif, pensiun");
	assert_str_eq(e.fields[3].message_en, "out of range 18 to 70");

	assert_int_eq(check("{\"nip\":\"1\",\"nama\":\"0123456789abcdef\"}", &p, &present, &e), APP_EINVAL);
	assert_str_eq(e.fields[0].message_en, "too long (at most 15 bytes)");
	assert_int_eq(check("{\"nip\":\"1\",\"nama\":\"a\\nb\"}", &p, &present, &e), APP_EINVAL);
	assert_str_eq(e.fields[0].message_en, "must not contain control characters");
	assert_int_eq(check("{\"nip\":\"1\",\"nama\":\"a\",\"umur\":1.5}", &p, &present, &e), APP_EINVAL);
	assert_str_eq(e.fields[0].message_en, "must be an integer");
}

static void error_body_shape(void **state)
{
	(void)state;
	struct person p;
	struct api_error e;
	struct buf b;
	uint32_t present;
	assert_int_eq(check("{\"nip\":\"1\",\"nama\":\"A\",\"<x>\":1}", &p, &present, &e), APP_EINVAL);
	buf_init(&b, 65536);
	assert_int_eq(api_error_write(&b, &e), 0);
	assert_str_eq(b.ptr, "{\"error\":{\"code\":\"invalid\",\"message\":\"masukan tidak sah\","
		      "\"message_en\":\"invalid input\",\"fields\":[{\"field\":\"\\u003cx>\","
		      "\"message\":\"kolom tidak dikenal\",\"message_en\":\"unknown field\"}]}}");
	buf_release(&b);

	api_error_init(&e);
	api_error_set(&e, APP_EBLOCKED, M_API_INVALID_INPUT);
	assert_int_eq(api_error_status(&e), 423);
	e.status = 415;
	assert_int_eq(api_error_status(&e), 415);
	buf_init(&b, 65536);
	assert_int_eq(api_error_write(&b, &e), 0);
	assert_non_null(strstr(b.ptr, "\"code\":\"blocked\""));
	assert_null(strstr(b.ptr, "fields"));
	buf_release(&b);
}

static void many_unknown_keys_are_capped(void **state)
{
	(void)state;
	struct buf s;
	struct person p;
	struct api_error e;
	buf_init(&s, 65536);
	assert_int_eq(buf_adds(&s, "{\"nip\":\"1\",\"nama\":\"A\""), 0);
	for (int i = 0; i < 40; i++)
		assert_int_eq(buf_addf(&s, ",\"k%d\":%d", i, i), 0);
	assert_int_eq(buf_adds(&s, "}"), 0);
	assert_int_eq(check(s.ptr, &p, NULL, &e), APP_EINVAL);
	assert_int_eq(e.nfields, API_ERR_MAX_FIELDS);
	assert_int_eq(e.truncated, 1);
	buf_release(&s);
}

static void long_unknown_key_truncated_on_utf8_boundary(void **state)
{
	(void)state;
	struct buf s;
	struct person p;
	struct api_error e;
	buf_init(&s, 65536);
	assert_int_eq(buf_adds(&s, "{\""), 0);
	for (int i = 0; i < 40; i++)
		assert_int_eq(buf_adds(&s, "\xc3\xa9"), 0); /* é, 2 bytes */
	assert_int_eq(buf_adds(&s, "\":1}"), 0);
	assert_int_eq(check(s.ptr, &p, NULL, &e), APP_EINVAL);
	assert_int_eq(strlen(e.fields[0].field), 62);
	buf_release(&s);
}

static void page_shape(void **state)
{
	(void)state;
	struct buf b;
	struct jsonw w;
	buf_init(&b, 4096);
	jsonw_init(&w, &b);
	api_page_begin(&w);
	jsonw_int(&w, 1);
	jsonw_int(&w, 2);
	api_page_end(&w, "c2", 5);
	assert_int_eq(w.err, 0);
	assert_str_eq(b.ptr, "{\"items\":[1,2],\"next\":\"c2\",\"total\":5}");
	buf_reset(&b);
	jsonw_init(&w, &b);
	api_page_begin(&w);
	api_page_end(&w, NULL, 0);
	assert_str_eq(b.ptr, "{\"items\":[],\"next\":null,\"total\":0}");
	buf_release(&b);
}

/* The writer's one-append path for keys and strings with nothing to
 * escape, and the escaping path, give the same text; a buffer limit is
 * never passed. */
static void writer_escapes_and_limits(void **state)
{
	(void)state;
	struct buf b;
	struct jsonw w;
	buf_init(&b, 4096);
	jsonw_init(&w, &b);
	jsonw_obj_begin(&w);
	jsonw_kv_str(&w, "nip", "196608011988031001");
	jsonw_kv_str(&w, "nama", "A \"B\" <C>\\\n\t\x01");
	jsonw_kv_str(&w, "kosong", "");
	jsonw_kv_str(&w, "nol", NULL);
	jsonw_key(&w, "k\"ey");
	jsonw_int(&w, -5);
	jsonw_kv_bool(&w, "b", 1);
	jsonw_key(&w, "arr");
	jsonw_arr_begin(&w);
	jsonw_str(&w, "x");
	jsonw_str(&w, "y<");
	jsonw_arr_end(&w);
	jsonw_obj_end(&w);
	assert_int_eq(w.err, 0);
	assert_str_eq(b.ptr, "{\"nip\":\"196608011988031001\","
		      "\"nama\":\"A \\\"B\\\" \\u003cC>\\\\\\n\\t\\u0001\","
		      "\"kosong\":\"\",\"nol\":null,\"k\\\"ey\":-5,\"b\":true,"
		      "\"arr\":[\"x\",\"y\\u003c\"]}");
	assert_int_eq(strlen(b.ptr), b.len);
	buf_release(&b);

	/* 12 bytes allowed: {"a":"bcd"} fits (11), one more key does not */
	buf_init(&b, 12);
	jsonw_init(&w, &b);
	jsonw_obj_begin(&w);
	jsonw_kv_str(&w, "a", "bcd");
	assert_int_eq(w.err, 0);
	jsonw_kv_str(&w, "e", "f");
	assert_int_eq(w.err, APP_ETOOBIG);
	assert_true(b.len <= 12);
	assert_int_eq(strlen(b.ptr), b.len);
	buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parses_object),
		cmocka_unit_test(rejects_bad_bodies),
		cmocka_unit_test(size_limit_is_413),
		cmocka_unit_test(depth_prescan),
		cmocka_unit_test(schema_accepts_and_copies),
		cmocka_unit_test(schema_field_errors),
		cmocka_unit_test(error_body_shape),
		cmocka_unit_test(many_unknown_keys_are_capped),
		cmocka_unit_test(long_unknown_key_truncated_on_utf8_boundary),
		cmocka_unit_test(page_shape),
		cmocka_unit_test(writer_escapes_and_limits),
	};
	return RUN_TESTS("json_util", tests);
}
