/* A CSV file with a header row, read by column name: the shape of every
 * reference table Wasdal keeps as data (holidays, workflow, catalogues).
 * Wraps the streaming reader in core/csv.h. */
#ifndef WASDAL_CORE_CSV_TABLE_H
#define WASDAL_CORE_CSV_TABLE_H

#include <stddef.h>
#include <stdint.h>
#include "core/csv.h"

#define CSV_TABLE_MAX_COLS 32

/* Where and why a table could not be loaded. */
struct load_error {
	int64_t line;       /* physical line (1 = header), 0 when not line-bound */
	char column[32];    /* "" for the whole row */
	int msg;            /* catalogue id */
	char value[64];     /* the offending value, shortened */
};

struct csv_table {
	struct csv_reader r;
	char header[CSV_TABLE_MAX_COLS][32];
	size_t ncols;
};

/* Opens p[0..n) and reads the header; every name in required (NULL-ended)
 * must be present. 0, or APP_EINVAL with *err filled. */
int csv_table_open_mem(struct csv_table *t, const char *p, size_t n,
		       const char *const *required, struct load_error *err);
void csv_table_close(struct csv_table *t);
/* Next data row: 1, 0 at the end, or APP_EINVAL with *err filled (a row
 * with a different number of fields than the header is an error). */
int csv_table_next(struct csv_table *t, struct load_error *err);
/* The field of the current row under column name; "" when the column is
 * absent (optional columns). */
const char *csv_table_get(const struct csv_table *t, const char *name);
int64_t csv_table_line(const struct csv_table *t);

/* Column name as a whole number in [0, max]; an empty field gives dflt.
 * 0, or APP_EINVAL with *err filled. */
int csv_table_get_uint(const struct csv_table *t, const char *name, int dflt, int max,
		       int *out, struct load_error *err);

/* Fill *err for a problem with one field of the current row. */
void load_error_set(struct load_error *err, const struct csv_table *t, const char *column,
		    int msg, const char *value);

#endif
