/* RFC 4180 reader and writer (see csv.h). The reader is a byte state
 * machine over a 64 KiB input window; each row is assembled in one growing
 * buffer, bounded by max_row. */
#include "core/compat.h"
#include "core/csv.h"
#include "core/err.h"
#include "core/limits.h"
#include "core/msg.h"
#include "core/xalloc.h"

static long read_file(void *ctx, char *buf, size_t n)
{
	FILE *f = ctx;
	size_t got = fread(buf, 1, n, f);
	if (got == 0 && ferror(f))
		return -1;
	return (long)got;
}

static long read_mem(void *ctx, char *buf, size_t n)
{
	struct csv_reader *r = ctx;
	size_t left = r->mem_len - r->mem_pos;
	if (n > left)
		n = left;
	memcpy(buf, r->mem + r->mem_pos, n);
	r->mem_pos += n;
	return (long)n;
}

void csv_reader_init(struct csv_reader *r, csv_read_fn fn, void *ctx)
{
	memset(r, 0, sizeof(*r));
	r->read = fn;
	r->ctx = ctx;
	r->line = 1;
	csv_reader_set_limits(r, 0, 0, 0);
}

void csv_reader_init_file(struct csv_reader *r, FILE *f)
{
	csv_reader_init(r, read_file, f);
}

void csv_reader_init_mem(struct csv_reader *r, const char *p, size_t n)
{
	csv_reader_init(r, read_mem, NULL);
	r->ctx = r;
	r->mem = p;
	r->mem_len = n;
}

void csv_reader_set_limits(struct csv_reader *r, size_t max_field, size_t max_row,
			   size_t max_fields)
{
	r->max_field = (size_t)limit_clamp((int64_t)max_field, LIMIT_CSV_FIELD_BYTES,
					   LIMIT_CSV_FIELD_BYTES_HARD);
	r->max_row = (size_t)limit_clamp((int64_t)max_row, LIMIT_CSV_ROW_BYTES,
					 LIMIT_CSV_ROW_BYTES_HARD);
	r->max_fields = (size_t)limit_clamp((int64_t)max_fields, LIMIT_CSV_FIELDS,
					    LIMIT_CSV_FIELDS_HARD);
}

void csv_reader_release(struct csv_reader *r)
{
	free(r->data);
	free(r->off);
	r->data = NULL;
	r->off = NULL;
	r->data_cap = r->fields_cap = 0;
}

/* Next byte (0..255), -1 at the end, -2 on a read error. */
static int next_byte(struct csv_reader *r)
{
	if (r->in_pos == r->in_len) {
		if (r->eof)
			return -1;
		long n = r->read(r->ctx, r->in, sizeof(r->in));
		if (n < 0) {
			r->eof = 1;
			return -2;
		}
		if (n == 0) {
			r->eof = 1;
			return -1;
		}
		r->in_len = (size_t)n;
		r->in_pos = 0;
	}
	r->bytes++;
	return (unsigned char)r->in[r->in_pos++];
}

static int peek_byte(struct csv_reader *r)
{
	int c = next_byte(r);
	if (c >= 0) {
		r->in_pos--;
		r->bytes--;
	}
	return c;
}

int csv_utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	while (p < end) {
		unsigned c = *p;
		if (c < 0x80) {
			p++;
			/* ASCII eight bytes at a time: most fields are all ASCII */
			while (end - p >= 8) {
				uint64_t w;
				memcpy(&w, p, 8);
				if (w & 0x8080808080808080ull)
					break;
				p += 8;
			}
			continue;
		}
		size_t len;
		unsigned cp, min;
		if (c >= 0xC2 && c <= 0xDF) {
			len = 2; cp = c & 0x1F; min = 0x80;
		} else if (c >= 0xE0 && c <= 0xEF) {
			len = 3; cp = c & 0x0F; min = 0x800;
		} else if (c >= 0xF0 && c <= 0xF4) {
			len = 4; cp = c & 0x07; min = 0x10000;
		} else {
			return 0;
		}
		if ((size_t)(end - p) < len)
			return 0;
		for (size_t i = 1; i < len; i++) {
			if ((p[i] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (p[i] & 0x3F);
		}
		if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		p += len;
	}
	return 1;
}

/* Row assembly. Errors are remembered (first one wins) and the row keeps
 * being scanned without storing, so the reader resyncs at its end. */
struct row_state {
	int bad;
	size_t field_start;
};

static void row_fail(struct csv_reader *r, struct row_state *st, int msg_id)
{
	if (!st->bad) {
		st->bad = 1;
		r->err_msg = msg_id;
		r->err_line = r->line;
	}
}

static void put_byte(struct csv_reader *r, struct row_state *st, int c)
{
	if (st->bad)
		return;
	if (c == 0) {
		row_fail(r, st, M_CSV_NUL);
		return;
	}
	if (r->data_len - st->field_start >= r->max_field) {
		row_fail(r, st, M_CSV_FIELD_TOO_BIG);
		return;
	}
	if (r->data_len >= r->max_row) {
		row_fail(r, st, M_CSV_ROW_TOO_BIG);
		return;
	}
	if (r->data_len + 2 > r->data_cap) {
		size_t cap = r->data_cap ? st_mult(r->data_cap, 2) : 1024;
		r->data = xrealloc(r->data, cap);
		r->data_cap = cap;
	}
	r->data[r->data_len++] = (char)c;
}

/* Bytes that end a run of plain field text: in an unquoted field the
 * separator, a quote, a line end or NUL; in a quoted one a quote, a line
 * end (the line count) or NUL. */
static const unsigned char ends_unquoted[256] = {
	[0] = 1, [','] = 1, ['"'] = 1, ['\n'] = 1, ['\r'] = 1,
};
static const unsigned char ends_quoted[256] = {
	[0] = 1, ['"'] = 1, ['\n'] = 1, ['\r'] = 1,
};

/* After put_byte: the run of plain bytes that follows in the input window,
 * appended at once. Calling put_byte per byte was most of the reader's
 * time on a 500,000-row import. A run that would cross a limit is left to
 * the byte loop, so every error is reported exactly as before. */
static void put_run(struct csv_reader *r, struct row_state *st, const unsigned char *ends)
{
	if (st->bad)
		return;
	const char *p = r->in + r->in_pos, *q = p, *end = r->in + r->in_len;
	while (q < end && !ends[(unsigned char)*q])
		q++;
	size_t n = (size_t)(q - p);
	if (!n || r->data_len - st->field_start + n > r->max_field ||
	    r->data_len + n > r->max_row)
		return;
	if (r->data_len + n + 2 > r->data_cap) {
		size_t cap = r->data_cap ? r->data_cap : 1024;
		while (r->data_len + n + 2 > cap)
			cap = st_mult(cap, 2);
		r->data = xrealloc(r->data, cap);
		r->data_cap = cap;
	}
	memcpy(r->data + r->data_len, p, n);
	r->data_len += n;
	r->in_pos += n;
	r->bytes += (int64_t)n;
}

static void begin_field(struct csv_reader *r, struct row_state *st)
{
	st->field_start = r->data_len;
	if (st->bad)
		return;
	if (r->nfields >= r->max_fields) {
		row_fail(r, st, M_CSV_TOO_MANY_FIELDS);
		return;
	}
	if (r->nfields == r->fields_cap) {
		r->fields_cap = r->fields_cap ? r->fields_cap * 2 : 16;
		r->off = xrealloc(r->off, st_mult(r->fields_cap, sizeof(*r->off)));
	}
	r->off[r->nfields++] = r->data_len;
}

static void end_field(struct csv_reader *r, struct row_state *st)
{
	if (st->bad)
		return;
	if (r->data_len + 1 > r->data_cap) {
		size_t cap = r->data_cap ? st_mult(r->data_cap, 2) : 1024;
		r->data = xrealloc(r->data, cap);
		r->data_cap = cap;
	}
	size_t start = r->off[r->nfields - 1];
	if (!csv_utf8_valid(r->data + start, r->data_len - start))
		row_fail(r, st, M_CSV_BAD_UTF8);
	r->data[r->data_len++] = '\0';
}

/* Consume a line end whose first byte c (CR or LF) was just read. */
static void eat_newline(struct csv_reader *r, int c)
{
	if (c == '\r' && peek_byte(r) == '\n')
		(void)next_byte(r);
	r->line++;
}

int csv_read_row(struct csv_reader *r)
{
	if (!r->started) {
		r->started = 1;
		/* UTF-8 byte order mark, as Excel writes it. */
		if (peek_byte(r) == 0xEF) {
			size_t save_pos = r->in_pos;
			(void)next_byte(r);
			if (next_byte(r) == 0xBB && next_byte(r) == 0xBF) {
				/* skipped */
			} else {
				r->in_pos = save_pos; /* same window: the file starts here */
				r->bytes = 0;
			}
		}
	}
	for (;;) {
		r->nfields = 0;
		r->data_len = 0;
		r->err_msg = 0;
		r->row_line = r->line;
		struct row_state st = { 0, 0 };
		int c = next_byte(r);
		if (c == -1)
			return CSV_EOF;
		if (c == -2)
			goto io_error;
		if (c == '\n' || c == '\r') { /* blank line */
			eat_newline(r, c);
			continue;
		}
		begin_field(r, &st);
		for (;;) {
			if (c == '"' && r->data_len == r->off[r->nfields ? r->nfields - 1 : 0] &&
			    !st.bad) {
				/* quoted field */
				for (;;) {
					c = next_byte(r);
					if (c == -2)
						goto io_error;
					if (c == -1) {
						r->err_msg = M_CSV_UNTERMINATED;
						r->err_line = r->row_line;
						return CSV_FATAL;
					}
					if (c == '"') {
						if (peek_byte(r) == '"') {
							(void)next_byte(r);
							put_byte(r, &st, '"');
							continue;
						}
						break;
					}
					if (c == '\n' || (c == '\r' && peek_byte(r) != '\n'))
						r->line++;
					put_byte(r, &st, c);
					put_run(r, &st, ends_quoted);
				}
				c = next_byte(r);
				if (c != ',' && c != '\n' && c != '\r' && c != -1 && c != -2) {
					row_fail(r, &st, M_CSV_BAD_QUOTE);
					/* skip to the end of this field */
					while (c != ',' && c != '\n' && c != '\r' && c >= 0)
						c = next_byte(r);
				}
			} else if (st.bad && c == '"') {
				/* resync: skip a quoted section without storing */
				for (;;) {
					c = next_byte(r);
					if (c == -2)
						goto io_error;
					if (c == -1) {
						r->err_msg = M_CSV_UNTERMINATED;
						r->err_line = r->row_line;
						return CSV_FATAL;
					}
					if (c == '"') {
						if (peek_byte(r) == '"') {
							(void)next_byte(r);
							continue;
						}
						break;
					}
					if (c == '\n' || (c == '\r' && peek_byte(r) != '\n'))
						r->line++;
				}
				c = next_byte(r);
				while (c != ',' && c != '\n' && c != '\r' && c >= 0)
					c = next_byte(r);
			} else {
				/* unquoted field */
				while (c != ',' && c != '\n' && c != '\r' && c >= 0) {
					if (c == '"')
						row_fail(r, &st, M_CSV_BAD_QUOTE);
					put_byte(r, &st, c);
					put_run(r, &st, ends_unquoted);
					c = next_byte(r);
				}
			}
			if (c == -2)
				goto io_error;
			end_field(r, &st);
			if (c == ',') {
				begin_field(r, &st);
				c = next_byte(r);
				if (c == -2)
					goto io_error;
				if (c == -1 || c == '\n' || c == '\r') {
					/* trailing empty field */
					end_field(r, &st);
					if (c >= 0)
						eat_newline(r, c);
					break;
				}
				continue;
			}
			if (c >= 0)
				eat_newline(r, c);
			break;
		}
		if (st.bad)
			return CSV_BAD_ROW;
		return CSV_ROW;
	}
io_error:
	r->err_msg = M_CSV_IO;
	r->err_line = r->line;
	return CSV_FATAL;
}

const char *csv_field(const struct csv_reader *r, size_t i, size_t *len)
{
	if (i >= r->nfields) {
		if (len)
			*len = 0;
		return "";
	}
	const char *p = r->data + r->off[i];
	if (len)
		*len = strlen(p);
	return p;
}

int csv_is_formula_like(const char *s, size_t n)
{
	return n > 0 && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' ||
			 s[0] == '\t' || s[0] == '\r');
}

/* The writer prefixes an apostrophe when the text, after any apostrophes
 * it already starts with, begins a formula; so "'=x" is written "''=x" and
 * every text round-trips exactly through csv_unneutralise. */
static int needs_apostrophe(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && s[i] == '\'')
		i++;
	return csv_is_formula_like(s + i, n - i);
}

const char *csv_unneutralise(const char *s, size_t *n)
{
	if (*n >= 2 && s[0] == '\'' && needs_apostrophe(s + 1, *n - 1)) {
		(*n)--;
		return s + 1;
	}
	return s;
}

int csv_append_field(struct buf *b, const char *s, size_t n)
{
	int quote = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n') {
			quote = 1;
			break;
		}
	int rc = 0;
	if (quote)
		rc = buf_addc(b, '"');
	if (!rc && needs_apostrophe(s, n))
		rc = buf_addc(b, '\'');
	for (size_t i = 0; !rc && i < n; i++) {
		if (s[i] == '"')
			rc = buf_addc(b, '"');
		if (!rc)
			rc = buf_addc(b, s[i]);
	}
	if (!rc && quote)
		rc = buf_addc(b, '"');
	return rc;
}

void csv_writer_init(struct csv_writer *w, FILE *out)
{
	w->out = out;
	buf_init(&w->row, (size_t)LIMIT_CSV_ROW_BYTES_HARD * 2);
	w->nfields = 0;
	w->err = 0;
}

void csv_writer_release(struct csv_writer *w)
{
	buf_release(&w->row);
}

void csv_write_fieldn(struct csv_writer *w, const char *s, size_t n)
{
	if (w->err)
		return;
	if (w->nfields++ && buf_addc(&w->row, ','))
		w->err = APP_ETOOBIG;
	else if (csv_append_field(&w->row, s, n))
		w->err = APP_ETOOBIG;
}

void csv_write_field(struct csv_writer *w, const char *s)
{
	csv_write_fieldn(w, s ? s : "", s ? strlen(s) : 0);
}

int csv_end_row(struct csv_writer *w)
{
	/* A record of one empty field must not look like a blank line. */
	if (!w->err && w->nfields == 1 && w->row.len == 0 && buf_add(&w->row, "\"\"", 2))
		w->err = APP_ETOOBIG;
	if (!w->err && buf_add(&w->row, "\r\n", 2))
		w->err = APP_ETOOBIG;
	if (!w->err && fwrite(w->row.ptr, 1, w->row.len, w->out) != w->row.len)
		w->err = APP_EIO;
	buf_reset(&w->row);
	w->nfields = 0;
	return w->err;
}
