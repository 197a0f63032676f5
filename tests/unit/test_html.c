/* The HTML writer escapes every runtime string. */
#include "core/compat.h"
#include "web/diff_view.h"
#include "web/html.h"
#include "test_helpers.h"

static void escapes_text_and_attrs(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 1 << 20);
	struct html h;
	html_init(&h, &b);
	html_raw(&h, "<p");
	html_attr(&h, "title", "\"><script>alert(1)</script>");
	html_raw(&h, ">");
	html_text(&h, "a & b < c > d ' e");
	html_raw(&h, "</p>");
	assert_int_eq(h.err, 0);
	assert_str_eq(b.ptr, "<p title=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">"
			     "a &amp; b &lt; c &gt; d &#39; e</p>");
	buf_release(&b);
}

static void text_with_nul_and_numbers(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 1 << 20);
	struct html h;
	html_init(&h, &b);
	html_textn(&h, "a\0b", 3);
	html_int(&h, -12);
	html_textf(&h, "<%d>", 5);
	html_text(&h, NULL);
	assert_str_eq(b.ptr, "a\xEF\xBF\xBD" "b-12&lt;5&gt;");
	buf_release(&b);
}

static void urls(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 1 << 20);
	struct html h;
	html_init(&h, &b);
	html_raw(&h, "<a");
	html_url_begin(&h, "href", "/pegawai");
	html_url_arg(&h, "q", "Budi & \"Sri\"");
	html_url_arg(&h, "empty", "");
	html_url_arg(&h, "golongan", "III/a");
	html_url_end(&h);
	html_raw(&h, ">");
	assert_str_eq(b.ptr, "<a href=\"/pegawai?q=Budi%20%26%20%22Sri%22&amp;golongan=III%2Fa\">");
	buf_reset(&b);
	html_url_begin_path(&h, "href", "/a b/\"x\"");
	html_url_arg(&h, "lang", "en");
	html_url_end(&h);
	assert_str_eq(b.ptr, " href=\"/a%20b/%22x%22?lang=en\"");
	buf_release(&b);
}

static void limit_is_sticky(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 8);
	struct html h;
	html_init(&h, &b);
	html_text(&h, "0123456789");
	assert_true(h.err != 0);
	html_raw(&h, "x");
	assert_true(h.err != 0);
	buf_release(&b);
}

static void diffs(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 1 << 20);
	struct html h;
	html_init(&h, &b);
	diff_view(&h, "{\"nama\":[\"A <b>\",\"B \\u00e9\\\"\"],\"unit_id\":[null,7],\"x\":[true,null]}");
	assert_str_eq(b.ptr, "<ul class=\"diff\"><li><span class=\"field\">nama</span>: <del>A &lt;b&gt;</del> \u2192 "
			     "<ins>B \xc3\xa9&quot;</ins></li><li><span class=\"field\">unit_id</span>: <ins>7</ins></li>"
			     "<li><span class=\"field\">x</span>: <del>true</del> \u2192 <em>\u2014</em></li></ul>");
	buf_reset(&b);
	diff_view(&h, "{\"a\":[1,2]} trailing<script>");
	assert_str_eq(b.ptr, "<code class=\"diff\">{&quot;a&quot;:[1,2]} trailing&lt;script&gt;</code>");
	buf_reset(&b);
	diff_view(&h, "{\"a\":[\"\\ud800\",1]}");
	assert_true(strncmp(b.ptr, "<code", 5) == 0);
	buf_reset(&b);
	diff_view(&h, NULL);
	diff_view(&h, "{}");
	assert_str_eq(b.ptr, "<ul class=\"diff\"></ul>");
	buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(escapes_text_and_attrs),
		cmocka_unit_test(text_with_nul_and_numbers),
		cmocka_unit_test(urls),
		cmocka_unit_test(limit_is_sticky),
		cmocka_unit_test(diffs),
	};
	return RUN_TESTS("html", tests);
}
