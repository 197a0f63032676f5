/* libFuzzer target: the CSV reader takes whole uploaded files. Checks that
 * it never crashes, terminates, keeps line numbers monotonic, and that every
 * row it accepts survives a write/read round trip. */
#include "core/compat.h"
#include "core/csv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct csv_reader r;
	csv_reader_init_mem(&r, (const char *)data, size);
	csv_reader_set_limits(&r, 256, 2048, 32);
	int64_t last_line = 0;
	for (int guard = 0; guard < 100000; guard++) {
		int rc = csv_read_row(&r);
		if (rc == CSV_EOF || rc == CSV_FATAL)
			break;
		if (r.row_line < last_line)
			abort();
		last_line = r.row_line;
		if (rc != CSV_ROW)
			continue;
		/* round trip through the writer (without neutralising effects) */
		struct buf b;
		buf_init(&b, BUF_NOLIMIT);
		/* a BOM first, so a field that itself starts with one survives */
		if (buf_add(&b, "\xEF\xBB\xBF", 3))
			abort();
		for (size_t i = 0; i < csv_nfields(&r); i++) {
			size_t n;
			const char *f = csv_field(&r, i, &n);
			if ((i && buf_addc(&b, ',')) || csv_append_field(&b, f, n))
				abort();
		}
		if (csv_nfields(&r) == 1 && b.len == 3 && buf_add(&b, "\"\"", 2))
			abort();
		if (buf_add(&b, "\n", 1))
			abort();
		struct csv_reader again;
		csv_reader_init_mem(&again, b.ptr, b.len);
		csv_reader_set_limits(&again, 512, 8192, 32);
		if (csv_read_row(&again) != CSV_ROW || csv_nfields(&again) != csv_nfields(&r))
			abort();
		for (size_t i = 0; i < csv_nfields(&r); i++) {
			size_t n1, n2;
			const char *f1 = csv_field(&r, i, &n1);
			const char *f2 = csv_field(&again, i, &n2);
			f2 = csv_unneutralise(f2, &n2);
			if (n1 != n2 || memcmp(f1, f2, n1))
				abort();
		}
		csv_reader_release(&again);
		buf_release(&b);
	}
	csv_reader_release(&r);
	return 0;
}
