/* Small-cell suppression for published statistics (disclosure control).
 *
 * A table of counts is published with its row totals, column totals and
 * grand total. A count from 1 to threshold-1 could identify a person, so it
 * is hidden (primary suppression). Hiding one member of a row is not
 * enough: the row total minus the other members gives it back. So every
 * line (a row with its total, a column with its total) that has exactly
 * one hidden member gets a second one hidden (complementary suppression):
 * the smallest other positive member, else a zero. Hiding may cascade from
 * rows to columns; it is repeated until no line has exactly one hidden
 * member. Totals are members of their lines like any cell, so a small
 * total is hidden and protected too. 0 is published as 0.
 *
 * The threshold is data: data/statistik/publik.conf, ambang_sel_kecil. */
#ifndef WASDAL_APP_SUPPRESS_H
#define WASDAL_APP_SUPPRESS_H

#include <stddef.h>
#include <stdint.h>

enum suppress_flag { SUP_NONE = 0, SUP_PRIMARY = 1, SUP_COMPLEMENT = 2 };

/* cells: rows x cols counts (row-major, >= 0). out: (rows+1) x (cols+1)
 * values: the cells with the row totals in column cols, the column totals
 * in row rows and the grand total at [rows][cols]. flags: the same shape.
 * threshold <= 1 suppresses nothing. Returns the number of hidden values. */
size_t suppress_table(const int64_t *cells, size_t rows, size_t cols, int64_t threshold,
		      int64_t *out, uint8_t *flags);

/* One list with its total: cells[0..n) and the total at out[n]; out and
 * flags hold n+1 entries. */
size_t suppress_list(const int64_t *cells, size_t n, int64_t threshold, int64_t *out,
		     uint8_t *flags);

/* What a reader sees for a value: the number, "<T" for a small cell, and
 * "×" for a cell hidden to protect one (see docs/dasbor.md). */
const char *suppress_text(char *buf, size_t cap, int64_t value, uint8_t flag, int64_t threshold);

/* The threshold of data/statistik/publik.conf (5 when the file or the key
 * is missing or unreadable: never less protection than the default). */
int64_t suppress_threshold(void);
/* Parse a publik.conf text; APP_EINVAL on a malformed line or value. */
int suppress_parse_conf(const char *text, int64_t *threshold);

#endif
