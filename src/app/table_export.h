/* A table written as CSV or XLSX with the filters that produced it, used
 * by every list and dashboard table that offers a download. The file opens
 * with who made it and under which filters, so a spreadsheet that travels
 * on its own still says what it counts:
 *
 *   Wasdal,<title>
 *   Dibuat (UTC),2026-03-10 05:00:00
 *   Filter: periode,2026-01-01 s.d. 2026-03-31      (one row per filter)
 *   <empty row>
 *   <header row>
 *   <data rows>
 *
 * CSV cells are formula-neutralised by core/csv.c; XLSX cells are string
 * cells (never formulas) except the columns marked numeric, written as
 * numbers when the whole cell is an integer. */
#ifndef WASDAL_APP_TABLE_EXPORT_H
#define WASDAL_APP_TABLE_EXPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum tabexp_format { TABEXP_CSV, TABEXP_XLSX };

struct tabexp_filter {
	const char *name;    /* e.g. "Konteks" (in the reader's language) */
	const char *value;   /* "" or NULL rows are skipped */
};

struct tabexp {
	enum tabexp_format fmt;
	void *csv;           /* struct csv_writer */
	void *wb, *ws;       /* lxw_workbook, lxw_worksheet */
	uint32_t row;
	size_t ncols;
	uint64_t numeric;    /* bit i: column i is numeric (i < 64) */
	int64_t rows;        /* data rows written */
	int err;
};

/* CSV into out (left open), or XLSX at path (a new file, one sheet). */
int tabexp_open_csv(struct tabexp *t, FILE *out);
int tabexp_open_xlsx(struct tabexp *t, const char *path, const char *sheet);
/* The preamble: title, time of making (now_ms, 0 = now) and the filters. */
int tabexp_meta(struct tabexp *t, const char *title, const struct tabexp_filter *f, size_t nf,
		int64_t now_ms, const char *made_label, const char *filter_label);
/* The header row; numeric as above. */
int tabexp_header(struct tabexp *t, const char *const *cols, size_t n, uint64_t numeric);
int tabexp_row(struct tabexp *t, const char *const *cells);
/* Flushes (CSV) or writes the workbook (XLSX); returns the first error. */
int tabexp_close(struct tabexp *t);

#endif
