/* The HTTP input parsers: urlencoded forms, cookies, multipart bodies,
 * validators and route patterns. */
#include "core/compat.h"
#include "core/err.h"
#include "http/parse.h"
#include "http/router.h"
#include "test_helpers.h"

static void form_basic(void **state)
{
	(void)state;
	struct arena a = ARENA_INIT;
	struct http_param *v;
	size_t n;
	const char *in = "a=1&b=x+y&&c&d=%41%2f%e2%82%ac";
	assert_int_eq(form_parse(&a, in, strlen(in), 10, &v, &n), 0);
	assert_int_eq(n, 4);
	assert_str_eq(v[0].name, "a");
	assert_str_eq(v[0].value, "1");
	assert_str_eq(v[1].value, "x y");
	assert_str_eq(v[2].name, "c");
	assert_str_eq(v[2].value, "");
	assert_str_eq(v[3].value, "A/\xe2\x82\xac");
	assert_int_eq(v[3].len, 5);
	arena_release(&a);
}

static void form_errors(void **state)
{
	(void)state;
	struct arena a = ARENA_INIT;
	struct http_param *v;
	size_t n;
	assert_int_eq(form_parse(&a, "a=%zz", 5, 10, &v, &n), APP_EINVAL);
	assert_int_eq(form_parse(&a, "a=%4", 4, 10, &v, &n), APP_EINVAL);
	assert_int_eq(form_parse(&a, "a=%", 3, 10, &v, &n), APP_EINVAL);
	assert_int_eq(form_parse(&a, "=x", 2, 10, &v, &n), APP_EINVAL);
	assert_int_eq(form_parse(&a, "%00=x", 5, 10, &v, &n), APP_EINVAL);
	assert_int_eq(form_parse(&a, "a&b&c", 5, 2, &v, &n), APP_ETOOBIG);
	assert_int_eq(form_parse(&a, "", 0, 2, &v, &n), 0);
	assert_int_eq(n, 0);
	/* Length-bounded: bytes after n are never read. */
	assert_int_eq(form_parse(&a, "a=1&b=2", 3, 10, &v, &n), 0);
	assert_int_eq(n, 1);
	arena_release(&a);
}

static void cookies(void **state)
{
	(void)state;
	struct arena a = ARENA_INIT;
	struct http_param *v;
	size_t n;
	const char *in = "wasdal_sesi=abc; bad; =x; q=\"quoted\"; sp=a b;wasdal_lang=en";
	assert_int_eq(cookie_parse(&a, in, strlen(in), 10, &v, &n), 0);
	assert_int_eq(n, 3);
	assert_str_eq(v[0].name, "wasdal_sesi");
	assert_str_eq(v[0].value, "abc");
	assert_str_eq(v[1].value, "quoted");
	assert_str_eq(v[2].name, "wasdal_lang");
	assert_int_eq(cookie_parse(&a, "a=1;b=2;c=3", 11, 2, &v, &n), APP_ETOOBIG);
	arena_release(&a);
}

static void multipart(void **state)
{
	(void)state;
	char b[80];
	assert_int_eq(multipart_boundary("multipart/form-data; boundary=XyZ", b, sizeof(b)), 0);
	assert_str_eq(b, "XyZ");
	assert_int_eq(multipart_boundary("Multipart/Form-Data; charset=x; boundary=\"a b\"", b, sizeof(b)), 0);
	assert_str_eq(b, "a b");
	assert_int_eq(multipart_boundary("multipart/form-data", b, sizeof(b)), APP_EINVAL);
	assert_int_eq(multipart_boundary("text/plain; boundary=x", b, sizeof(b)), APP_EINVAL);
	assert_int_eq(multipart_boundary("multipart/form-data; boundary=a<b", b, sizeof(b)), APP_EINVAL);

	struct arena a = ARENA_INIT;
	struct multipart_part *p;
	size_t n;
	const char body[] = "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ntok\r\n"
			    "--XyZ\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"p.csv\"\r\n"
			    "Content-Type: text/csv\r\n\r\nnip,nama\r\n1,a\r\n--XyZ--\r\n";
	assert_int_eq(multipart_parse(&a, "XyZ", body, sizeof(body) - 1, 16, &p, &n), 0);
	assert_int_eq(n, 2);
	assert_str_eq(p[0].name, "csrf");
	assert_true(p[0].filename == NULL);
	assert_str_eq(p[0].data, "tok");
	assert_str_eq(p[1].name, "berkas");
	assert_str_eq(p[1].filename, "p.csv");
	assert_str_eq(p[1].content_type, "text/csv");
	assert_str_eq(p[1].data, "nip,nama\r\n1,a");
	/* Too many parts, missing close, missing name. */
	assert_int_eq(multipart_parse(&a, "XyZ", body, sizeof(body) - 1, 1, &p, &n), APP_ETOOBIG);
	assert_int_eq(multipart_parse(&a, "XyZ", body, 60, 16, &p, &n), APP_EINVAL);
	const char noname[] = "--B\r\nContent-Disposition: form-data\r\n\r\nx\r\n--B--";
	assert_int_eq(multipart_parse(&a, "B", noname, sizeof(noname) - 1, 16, &p, &n), APP_EINVAL);
	const char nodisp[] = "--B\r\nContent-Type: text/plain\r\n\r\nx\r\n--B--";
	assert_int_eq(multipart_parse(&a, "B", nodisp, sizeof(nodisp) - 1, 16, &p, &n), APP_EINVAL);
	arena_release(&a);
}

static void validators(void **state)
{
	(void)state;
	assert_true(v_text("a\nb", 3));
	assert_false(v_line("a\nb", 3));
	assert_false(v_text("a\x01", 2));
	assert_false(v_text("\xc0\xaf", 2));        /* overlong */
	assert_false(v_text("\xed\xa0\x80", 3));    /* surrogate */
	assert_true(v_text("\xe2\x82\xac", 3));
	assert_false(v_text("a\0b", 3));
	assert_true(v_uint("9223372036854775807", 19));
	assert_false(v_uint("9223372036854775808", 19));
	assert_false(v_uint("", 0));
	assert_false(v_uint("-1", 2));
	assert_true(v_nip("196608011988031001", 18));
	assert_false(v_nip("19660801198803100x", 18));
	assert_true(v_lang("en", 2));
	assert_false(v_lang("fr", 2));
	assert_false(v_nonempty("  ", 2));
	assert_true(v_token("abc-DEF_09", 10));
	assert_false(v_token("a b", 3));
	int64_t x;
	assert_int_eq(http_parse_int64("-42", &x), 0);
	assert_int_eq(x, -42);
	assert_int_eq(http_parse_int64("99999999999999999999", &x), APP_EINVAL);
	assert_int_eq(http_parse_int64("", &x), APP_EINVAL);
	assert_int_eq(http_parse_int64("12a", &x), APP_EINVAL);
}

static void patterns(void **state)
{
	(void)state;
	struct http_param p[HTTP_MAX_PATH_PARAMS];
	size_t n;
	assert_true(router_pattern_match("/pegawai/:nip/ubah", 0, "/pegawai/123/ubah", p, &n));
	assert_int_eq(n, 1);
	assert_int_eq(p[0].len, 3);
	assert_false(router_pattern_match("/pegawai/:nip/ubah", 0, "/pegawai//ubah", p, &n));
	assert_false(router_pattern_match("/pegawai/:nip", 0, "/pegawai/1/2", p, &n));
	assert_false(router_pattern_match("/pegawai", 0, "/pegawai/", p, &n));
	assert_true(router_pattern_match("/static/", ROUTE_PREFIX, "/static/a.css", p, &n));
	assert_false(router_pattern_match("/static/", ROUTE_PREFIX, "/static/", p, &n));
	assert_false(router_pattern_match("/static/", ROUTE_PREFIX, "/staticx", p, &n));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(form_basic), cmocka_unit_test(form_errors),
		cmocka_unit_test(cookies),    cmocka_unit_test(multipart),
		cmocka_unit_test(validators), cmocka_unit_test(patterns),
	};
	return RUN_TESTS("http_parse", tests);
}
