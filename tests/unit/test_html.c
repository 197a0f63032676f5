/* The HTML writer escapes every runtime string. */
#include "core/compat.h"
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(escapes_text_and_attrs),
		cmocka_unit_test(text_with_nul_and_numbers),
		cmocka_unit_test(urls),
		cmocka_unit_test(limit_is_sticky),
	};
	return RUN_TESTS("html", tests);
}
