/* A single-pass RFC 4180 record reader over a buffer in memory (the mapped
 * input). Unquoted fields point into the input, so the common case copies
 * nothing; quoted fields ("a ""b""", embedded commas or line breaks) are
 * unescaped into a scratch buffer owned by the reader. CRLF and LF line ends
 * are both accepted; a UTF-8 BOM at the start is skipped. Physical line
 * numbers are tracked so errors can name the line an editor shows.
 * libcsv was the design's default; its per-byte callbacks cost several
 * times this loop on 4 million rows (docs/cpns.md, docs/benchmarks.md). */
#ifndef WASDAL_APP_CPNS_CSV_H
#define WASDAL_APP_CPNS_CSV_H

#include <stddef.h>
#include <stdint.h>

struct csv_field {
	const char *s;
	uint32_t len;
};

struct csv_reader {
	const char *p, *end;
	uint32_t line;       /* physical line where the last record started */
	uint32_t next_line;  /* physical line of the next record */
	char *scratch;       /* unescaped quoted fields */
	size_t scratch_cap;
};

enum { CSV_EOF = 0, CSV_BADQUOTE = -1 };

void csv_init(struct csv_reader *r, const char *data, size_t len);
/* Start in the middle of a file: no BOM check, numbering from first_line. */
void csv_init_at(struct csv_reader *r, const char *data, size_t len, uint32_t first_line);
void csv_release(struct csv_reader *r);
/* Read the next record into f[0..max). Returns the number of fields in the
 * record (which may exceed max: the extra ones are counted, not stored),
 * CSV_EOF at the end, or CSV_BADQUOTE for a malformed quoted field (the
 * reader then skips to the end of that physical line). Fields stay valid
 * until the next call. */
int csv_next(struct csv_reader *r, struct csv_field *f, int max);

#endif
