/* RFC 4180 CSV, streaming.
 *
 * Reader: quoted fields with doubled quotes and line breaks, CRLF or LF
 * record ends, an optional UTF-8 BOM, blank lines skipped. Fields and rows
 * are bounded (core/limits.h); each field must be valid UTF-8 without NUL.
 * Line numbers are physical lines of the file (1-based), so a report can
 * point at what an editor shows. A bad row is skipped (the reader resyncs at
 * the end of that record) and reported; only an unterminated quote at the
 * end of input or a read failure is fatal.
 *
 * Writer: quotes a field only when it holds a comma, quote, CR or LF, ends
 * records with CRLF, and neutralises spreadsheet formula injection: a cell
 * beginning with = + - @ TAB or CR gets a leading apostrophe.
 * csv_unneutralise() undoes exactly that on import, so exports round-trip. */
#ifndef WASDAL_CORE_CSV_H
#define WASDAL_CORE_CSV_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "core/buf.h"

enum csv_result {
	CSV_ROW = 1,        /* a row is ready: csv_nfields / csv_field */
	CSV_EOF = 0,
	CSV_BAD_ROW = -1,   /* this row was skipped: r->err_msg, r->err_line; keep reading */
	CSV_FATAL = -2,     /* stop: r->err_msg, r->err_line */
};

/* Read up to n bytes into buf; return the count, 0 at the end, -1 on error. */
typedef long (*csv_read_fn)(void *ctx, char *buf, size_t n);

struct csv_reader {
	csv_read_fn read;
	void *ctx;
	const char *mem;          /* csv_reader_init_mem */
	size_t mem_len, mem_pos;
	char in[65536];
	size_t in_pos, in_len;
	int eof, started;
	size_t max_field, max_row, max_fields;
	int64_t line;             /* physical line of the next character */
	int64_t bytes;            /* bytes consumed so far (progress) */
	/* the current row: fields back to back, each NUL-terminated */
	char *data;
	size_t data_len, data_cap;
	size_t *off;
	size_t nfields, fields_cap;
	int64_t row_line;         /* line on which the current row starts */
	int err_msg;              /* catalogue id of the problem (M_CSV_*) */
	int64_t err_line;
};

/* Limits 0 take the defaults from core/limits.h (clamped to the hard max). */
void csv_reader_init(struct csv_reader *r, csv_read_fn fn, void *ctx);
void csv_reader_init_file(struct csv_reader *r, FILE *f);
void csv_reader_init_mem(struct csv_reader *r, const char *p, size_t n);
void csv_reader_set_limits(struct csv_reader *r, size_t max_field, size_t max_row,
			   size_t max_fields);
void csv_reader_release(struct csv_reader *r);
/* Next record: enum csv_result. */
int csv_read_row(struct csv_reader *r);
static inline size_t csv_nfields(const struct csv_reader *r) { return r->nfields; }
/* Field i of the current row (NUL-terminated; *len may be NULL). */
const char *csv_field(const struct csv_reader *r, size_t i, size_t *len);

/* Append one field to b, quoted when needed and formula-neutralised. */
int csv_append_field(struct buf *b, const char *s, size_t n) __attribute__((warn_unused_result));
/* 1 when a cell of this text would be neutralised by the writer. */
int csv_is_formula_like(const char *s, size_t n);
/* Strip the writer's apostrophe: "'=x" -> "=x". Returns the start and
 * adjusts *n; other text is returned unchanged. */
const char *csv_unneutralise(const char *s, size_t *n);

struct csv_writer {
	FILE *out;
	struct buf row;
	size_t nfields;
	int err;
};

void csv_writer_init(struct csv_writer *w, FILE *out);
void csv_writer_release(struct csv_writer *w);
void csv_write_field(struct csv_writer *w, const char *s);
void csv_write_fieldn(struct csv_writer *w, const char *s, size_t n);
/* Ends the record with CRLF and writes it out; 0 or APP_EIO/APP_ETOOBIG
 * (the first error of any call since init). */
int csv_end_row(struct csv_writer *w);

/* 1 when s[0..n) is valid UTF-8 (no overlongs, no surrogates, <= U+10FFFF). */
int csv_utf8_valid(const char *s, size_t n);

#endif
