#include "core/compat.h"
#include "core/csv_table.h"
#include "core/err.h"
#include "core/msg.h"

void load_error_set(struct load_error *err, const struct csv_table *t, const char *column,
		    int msg, const char *value)
{
	err->line = t ? csv_table_line(t) : 0;
	snprintf(err->column, sizeof(err->column), "%s", column ? column : "");
	err->msg = msg;
	snprintf(err->value, sizeof(err->value), "%s", value ? value : "");
}

static int reader_error(struct csv_table *t, struct load_error *err)
{
	memset(err, 0, sizeof(*err));
	err->line = t->r.err_line;
	err->msg = t->r.err_msg;
	return APP_EINVAL;
}

static int open_mem(struct csv_table *t, const char *p, size_t n,
		    const char *const *required, struct load_error *err)
{
	memset(err, 0, sizeof(*err));
	t->ncols = 0;
	csv_reader_init_mem(&t->r, p, n);
	int rc = csv_read_row(&t->r);
	if (rc != CSV_ROW) {
		if (rc == CSV_EOF) {
			err->line = 1;
			err->msg = M_TABLE_EMPTY;
			return APP_EINVAL;
		}
		return reader_error(t, err);
	}
	if (csv_nfields(&t->r) > CSV_TABLE_MAX_COLS) {
		load_error_set(err, t, "", M_CSV_TOO_MANY_FIELDS, NULL);
		return APP_EINVAL;
	}
	t->ncols = csv_nfields(&t->r);
	for (size_t i = 0; i < t->ncols; i++)
		snprintf(t->header[i], sizeof(t->header[i]), "%s", csv_field(&t->r, i, NULL));
	for (; required && *required; required++) {
		size_t i = 0;
		while (i < t->ncols && strcmp(t->header[i], *required))
			i++;
		if (i == t->ncols) {
			load_error_set(err, t, *required, M_TABLE_MISSING_COLUMN, *required);
			err->line = 1;
			return APP_EINVAL;
		}
	}
	return 0;
}

/* On failure nothing is left to close (the reader's buffers are freed). */
int csv_table_open_mem(struct csv_table *t, const char *p, size_t n,
		       const char *const *required, struct load_error *err)
{
	int rc = open_mem(t, p, n, required, err);
	if (rc)
		csv_reader_release(&t->r);
	return rc;
}

void csv_table_close(struct csv_table *t)
{
	csv_reader_release(&t->r);
}

int csv_table_next(struct csv_table *t, struct load_error *err)
{
	int rc = csv_read_row(&t->r);
	if (rc == CSV_EOF)
		return 0;
	if (rc != CSV_ROW)
		return reader_error(t, err);
	if (csv_nfields(&t->r) != t->ncols) {
		load_error_set(err, t, "", M_TABLE_FIELD_COUNT, NULL);
		return APP_EINVAL;
	}
	return 1;
}

const char *csv_table_get(const struct csv_table *t, const char *name)
{
	for (size_t i = 0; i < t->ncols; i++)
		if (!strcmp(t->header[i], name))
			return csv_field(&t->r, i, NULL);
	return "";
}

int64_t csv_table_line(const struct csv_table *t)
{
	return t->r.row_line;
}

int csv_table_get_uint(const struct csv_table *t, const char *name, int dflt, int max,
		       int *out, struct load_error *err)
{
	const char *s = csv_table_get(t, name);
	if (!*s) {
		*out = dflt;
		return 0;
	}
	long v = 0;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9' || v > max) {
			load_error_set(err, t, name, M_TABLE_BAD_NUMBER, s);
			return APP_EINVAL;
		}
		v = v * 10 + (*p - '0');
	}
	if (v > max) {
		load_error_set(err, t, name, M_TABLE_BAD_NUMBER, s);
		return APP_EINVAL;
	}
	*out = (int)v;
	return 0;
}
