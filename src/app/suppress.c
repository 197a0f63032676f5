/* Small-cell suppression (see suppress.h). */
#include "core/compat.h"
#include "app/suppress.h"
#include "core/embedded.h"
#include "core/err.h"
#include <ctype.h>

#define AT(i, j) ((i) * (cols + 1) + (j))

/* One line: members at idx[0..m). If exactly one is hidden, hide the
 * smallest other positive member, else a zero one. Returns 1 on a change. */
static int protect_line(const int64_t *out, uint8_t *flags, const size_t *idx, size_t m)
{
	size_t hidden = 0;
	for (size_t k = 0; k < m; k++)
		hidden += flags[idx[k]] != SUP_NONE;
	if (hidden != 1 || m < 2)
		return 0;
	size_t best = m;
	for (size_t k = 0; k < m; k++) {
		size_t x = idx[k];
		if (flags[x] != SUP_NONE)
			continue;
		if (best == m)
			best = k;
		else {
			int64_t v = out[x], b = out[idx[best]];
			/* positive values first, then the smallest */
			if ((v > 0 && b == 0) || ((v > 0) == (b > 0) && v < b))
				best = k;
		}
	}
	if (best == m)
		return 0;
	flags[idx[best]] = SUP_COMPLEMENT;
	return 1;
}

size_t suppress_table(const int64_t *cells, size_t rows, size_t cols, int64_t threshold,
		      int64_t *out, uint8_t *flags)
{
	size_t total_n = (rows + 1) * (cols + 1);
	memset(out, 0, total_n * sizeof(*out));
	memset(flags, 0, total_n);
	for (size_t i = 0; i < rows; i++)
		for (size_t j = 0; j < cols; j++) {
			int64_t v = cells[i * cols + j];
			out[AT(i, j)] = v;
			out[AT(i, cols)] += v;
			out[AT(rows, j)] += v;
			out[AT(rows, cols)] += v;
		}
	if (threshold <= 1)
		return 0;
	for (size_t x = 0; x < total_n; x++)
		if (out[x] > 0 && out[x] < threshold)
			flags[x] = SUP_PRIMARY;
	size_t len = (rows > cols ? rows : cols) + 1;
	size_t idx_stack[64];
	size_t *idx = len <= 64 ? idx_stack : malloc(len * sizeof(*idx));
	if (!idx)
		abort();
	/* With a 1-row table the column totals repeat the cells; protecting
	 * the columns then is harmless (both members hidden or neither). */
	int changed = 1;
	while (changed) {
		changed = 0;
		for (size_t i = 0; i <= rows; i++) {
			for (size_t j = 0; j <= cols; j++)
				idx[j] = AT(i, j);
			changed |= protect_line(out, flags, idx, cols + 1);
		}
		for (size_t j = 0; j <= cols; j++) {
			for (size_t i = 0; i <= rows; i++)
				idx[i] = AT(i, j);
			changed |= protect_line(out, flags, idx, rows + 1);
		}
	}
	if (idx != idx_stack)
		free(idx);
	size_t hidden = 0;
	for (size_t x = 0; x < total_n; x++)
		hidden += flags[x] != SUP_NONE;
	return hidden;
}

size_t suppress_list(const int64_t *cells, size_t n, int64_t threshold, int64_t *out,
		     uint8_t *flags)
{
	/* A 1 x n table: row 0 is the list and its total. */
	int64_t *o = malloc(2 * (n + 1) * sizeof(*o));
	uint8_t *f = malloc(2 * (n + 1));
	if (!o || !f)
		abort();
	suppress_table(cells, 1, n, threshold, o, f);
	memcpy(out, o, (n + 1) * sizeof(*out));
	memcpy(flags, f, n + 1);
	free(o);
	free(f);
	size_t hidden = 0;
	for (size_t x = 0; x <= n; x++)
		hidden += flags[x] != SUP_NONE;
	return hidden;
}

const char *suppress_text(char *buf, size_t cap, int64_t value, uint8_t flag, int64_t threshold)
{
	if (flag == SUP_PRIMARY)
		snprintf(buf, cap, "<%" PRId64, threshold);
	else if (flag == SUP_COMPLEMENT)
		snprintf(buf, cap, "\xC3\x97");
	else
		snprintf(buf, cap, "%" PRId64, value);
	return buf;
}

int suppress_parse_conf(const char *text, int64_t *threshold)
{
	int64_t t = 5;
	const char *p = text;
	while (*p) {
		const char *eol = strchr(p, '\n');
		size_t n = eol ? (size_t)(eol - p) : strlen(p);
		char line[256];
		if (n >= sizeof(line))
			return APP_EINVAL;
		memcpy(line, p, n);
		line[n] = 0;
		p += n + (eol ? 1 : 0);
		char *hash = strchr(line, '#');
		if (hash)
			*hash = 0;
		char key[64];
		long long v;
		char extra;
		int k = sscanf(line, " %63[a-z_] = %lld %c", key, &v, &extra);
		if (k == EOF || (k <= 0 && strspn(line, " \t\r") == strlen(line)))
			continue;
		if (k != 2)
			return APP_EINVAL;
		if (!strcmp(key, "ambang_sel_kecil")) {
			if (v < 1 || v > 1000)
				return APP_EINVAL;
			t = v;
		} else {
			return APP_EINVAL;
		}
	}
	*threshold = t;
	return 0;
}

int64_t suppress_threshold(void)
{
	const struct embedded_file *f = embedded_find("data/statistik/publik.conf");
	int64_t t = 5;
	if (!f || suppress_parse_conf(f->data, &t))
		return 5;
	return t;
}
