#include "core/compat.h"
#include "core/csv.h"
#include "core/msg.h"
#include "test_helpers.h"

/* Reads all of s and renders rows as "a|b|c" lines, errors as "!line:msg". */
static char out[8192];

static const char *parse_all(const char *s, size_t n, size_t max_field)
{
	struct csv_reader r;
	csv_reader_init_mem(&r, s, n);
	if (max_field)
		csv_reader_set_limits(&r, max_field, 0, 0);
	size_t o = 0;
	out[0] = '\0';
	for (;;) {
		int rc = csv_read_row(&r);
		if (rc == CSV_EOF)
			break;
		if (rc == CSV_ROW) {
			o += (size_t)snprintf(out + o, sizeof(out) - o, "%lld:", (long long)r.row_line);
			for (size_t i = 0; i < csv_nfields(&r); i++)
				o += (size_t)snprintf(out + o, sizeof(out) - o, "%s%s", i ? "|" : "",
						      csv_field(&r, i, NULL));
			o += (size_t)snprintf(out + o, sizeof(out) - o, "\n");
		} else {
			o += (size_t)snprintf(out + o, sizeof(out) - o, "!%lld:%s\n",
					      (long long)r.err_line, msg(r.err_msg, LANG_EN));
			if (rc == CSV_FATAL)
				break;
		}
	}
	csv_reader_release(&r);
	return out;
}

#define P(s) parse_all(s, sizeof(s) - 1, 0)

static void plain_rows(void **state)
{
	(void)state;
	assert_str_eq(P("a,b,c\n1,2,3\n"), "1:a|b|c\n2:1|2|3\n");
	assert_str_eq(P("a,b\r\n1,2\r\n"), "1:a|b\n2:1|2\n");
	assert_str_eq(P("a,b\n1,2"), "1:a|b\n2:1|2\n");       /* no final newline */
	assert_str_eq(P("a,,\n"), "1:a||\n");                  /* empty fields */
	assert_str_eq(P(",\n"), "1:|\n");
	assert_str_eq(P("a\n\n\nb\n"), "1:a\n4:b\n");          /* blank lines skipped, counted */
	assert_str_eq(P(""), "");
	assert_str_eq(P("\xEF\xBB\xBFnip,nama\n"), "1:nip|nama\n"); /* BOM */
	assert_str_eq(P("\xEF\xBB\xBF"), "");
}

static void quoted_fields(void **state)
{
	(void)state;
	assert_str_eq(P("\"a,b\",\"say \"\"hi\"\"\"\n"), "1:a,b|say \"hi\"\n");
	assert_str_eq(P("\"\"\n"), "1:\n");
	assert_str_eq(P("\"two\nlines\",x\nnext\n"), "1:two\nlines|x\n3:next\n");
	assert_str_eq(P("\"crlf\r\ninside\"\r\nz\r\n"), "1:crlf\r\ninside\n3:z\n");
	assert_str_eq(P("\"last\""), "1:last\n");
}

static void bad_rows_are_skipped_and_reported(void **state)
{
	(void)state;
	assert_str_eq(P("a\"b,c\nok\n"), "!1:a quote inside a field (double it as \"\" within a quoted field)\n2:ok\n");
	assert_str_eq(P("\"a\"b,c\nok\n"), "!1:a quote inside a field (double it as \"\" within a quoted field)\n2:ok\n");
	/* a bad row with a quoted line break still resyncs on the right line */
	assert_str_eq(P("x\"y,\"m\nn\"\nok\n"),
		      "!1:a quote inside a field (double it as \"\" within a quoted field)\n3:ok\n");
	assert_str_eq(parse_all("a,b\x00" "c\nok\n", 9, 0), "!1:the file contains a NUL character\n2:ok\n");
	assert_str_eq(P("ok\n\xC3\x28,x\nok2\n"), "1:ok\n!2:not valid UTF-8 text\n3:ok2\n");
	assert_str_eq(P("\xED\xA0\x80\n"), "!1:not valid UTF-8 text\n");   /* surrogate */
	assert_str_eq(P("\xC0\xAF\n"), "!1:not valid UTF-8 text\n");       /* overlong */
	assert_str_eq(P("\xF4\x90\x80\x80\n"), "!1:not valid UTF-8 text\n"); /* > U+10FFFF */
	assert_str_eq(P("Sr\xC3\xAD Wahyun\xC3\xAD\n"), "1:Sr\xC3\xAD Wahyun\xC3\xAD\n");
}

static void unterminated_quote_is_fatal(void **state)
{
	(void)state;
	assert_str_eq(P("a\n\"open,\nb\n"), "1:a\n!2:a quote is not closed before the end of the file\n");
}

static void limits(void **state)
{
	(void)state;
	assert_str_eq(parse_all("abcd,e\nabcde\nx\n", 15, 4), "1:abcd|e\n!2:field exceeds the size limit\n3:x\n");
	assert_str_eq(parse_all("\"abcde\"\nx\n", 10, 4), "!1:field exceeds the size limit\n2:x\n");
	char many[4096];
	size_t n = 0;
	for (int i = 0; i < 100; i++)
		many[n++] = ',';
	many[n++] = '\n';
	memcpy(many + n, "ok\n", 3);
	n += 3;
	assert_str_eq(parse_all(many, n, 0), "!1:too many fields in one row\n2:ok\n");
}

static void big_input_crosses_windows(void **state)
{
	(void)state;
	/* 200,000 bytes: rows straddle the 64 KiB read window. */
	size_t cap = 200000, n = 0;
	char *s = malloc(cap + 64);
	int rows = 0;
	while (n < cap) {
		n += (size_t)snprintf(s + n, 64, "\"r%d\",\"q\"\"%d\",x\r\n", rows, rows);
		rows++;
	}
	struct csv_reader r;
	csv_reader_init_mem(&r, s, n);
	int got = 0, rc;
	while ((rc = csv_read_row(&r)) == CSV_ROW) {
		char want[32];
		snprintf(want, sizeof(want), "r%d", got);
		assert_str_eq(csv_field(&r, 0, NULL), want);
		snprintf(want, sizeof(want), "q\"%d", got);
		assert_str_eq(csv_field(&r, 1, NULL), want);
		assert_int_eq(r.row_line, got + 1);
		got++;
	}
	assert_int_eq(rc, CSV_EOF);
	assert_int_eq(got, rows);
	assert_int_eq(r.bytes, (int64_t)n);
	csv_reader_release(&r);
	free(s);
}

static void writer_quotes_and_neutralises(void **state)
{
	(void)state;
	char *mem = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&mem, &len);
	struct csv_writer w;
	csv_writer_init(&w, f);
	csv_write_field(&w, "plain");
	csv_write_field(&w, "a,b");
	csv_write_field(&w, "say \"hi\"");
	csv_write_field(&w, "=HYPERLINK(\"http://x\")");
	csv_write_field(&w, "+1");
	csv_write_field(&w, "-2");
	csv_write_field(&w, "@SUM(A1)");
	csv_write_field(&w, "\tTAB");
	csv_write_field(&w, "");
	csv_write_field(&w, "two\nlines");
	assert_int_eq(csv_end_row(&w), 0);
	csv_writer_release(&w);
	fclose(f);
	assert_str_eq(mem, "plain,\"a,b\",\"say \"\"hi\"\"\",\"'=HYPERLINK(\"\"http://x\"\")\","
			   "'+1,'-2,'@SUM(A1),'\tTAB,,\"two\nlines\"\r\n");
	/* and it reads back, with csv_unneutralise restoring the text */
	struct csv_reader r;
	csv_reader_init_mem(&r, mem, len);
	assert_int_eq(csv_read_row(&r), CSV_ROW);
	assert_int_eq(csv_nfields(&r), 10);
	size_t n;
	const char *v = csv_field(&r, 3, &n);
	v = csv_unneutralise(v, &n);
	assert_int_eq(n, strlen("=HYPERLINK(\"http://x\")"));
	assert_true(memcmp(v, "=HYPERLINK(\"http://x\")", n) == 0);
	v = csv_field(&r, 0, &n);
	assert_true(csv_unneutralise(v, &n) == v);
	n = 2;
	assert_true(memcmp(csv_unneutralise("'x", &n), "'x", 2) == 0);
	csv_reader_release(&r);
	free(mem);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_rows),
		cmocka_unit_test(quoted_fields),
		cmocka_unit_test(bad_rows_are_skipped_and_reported),
		cmocka_unit_test(unterminated_quote_is_fatal),
		cmocka_unit_test(limits),
		cmocka_unit_test(big_input_crosses_windows),
		cmocka_unit_test(writer_quotes_and_neutralises),
	};
	return RUN_TESTS("csv", tests);
}
