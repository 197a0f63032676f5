/* The working-day calendar that legal deadlines are counted in: Monday to
 * Friday, minus libur nasional and (by default) cuti bersama, as published
 * each year by SKB 3 Menteri. The holidays are data (data/holidays.csv,
 * editable and importable), never constants. */
#ifndef WASDAL_APP_CALENDAR_H
#define WASDAL_APP_CALENDAR_H

#include <stddef.h>
#include <stdint.h>

enum holiday_kind { HOLIDAY_LIBUR_NASIONAL = 1, HOLIDAY_CUTI_BERSAMA = 2 };

struct holiday {
	int32_t day;
	enum holiday_kind kind;
	char name[160];
	char source[160];
};

struct calendar {
	struct holiday *days;  /* sorted by day, unique */
	size_t n, cap;
	/* Cuti bersama are days off for ASN (counted against annual leave), so
	 * by default they are not working days. Editable because some sources
	 * count deadlines only against libur nasional (rules.md §1.3 grade B). */
	int cuti_bersama_is_off;
	/* Years the calendar has data for: a deadline counted into a year with
	 * no data is flagged, not silently computed on weekends only. */
	int first_year, last_year;
};

void calendar_init(struct calendar *c);
void calendar_release(struct calendar *c);
/* Add or replace the entry for h->day. */
void calendar_put(struct calendar *c, const struct holiday *h);
const struct holiday *calendar_find(const struct calendar *c, int32_t day);
int calendar_is_working_day(const struct calendar *c, int32_t day);
/* True when every day in [from, to] lies in a year the calendar has data for. */
int calendar_covers(const struct calendar *c, int32_t from, int32_t to);

enum deadline_unit { DEADLINE_CALENDAR_DAYS = 1, DEADLINE_WORKING_DAYS = 2 };

/* A period during which the clock is stopped: [from, to) in day numbers,
 * e.g. while a case waits on the reporter. to = INT32_MAX for an open pause. */
struct pause {
	int32_t from, to;
};

/* The last day on which an act is still in time: the n-th counted day after
 * start (the start day itself is not counted, as in "paling lama 7 hari kerja
 * sejak laporan diterima"). Working-day deadlines count only working days;
 * calendar-day deadlines count every day. Paused days are never counted. */
int32_t deadline_due(const struct calendar *c, int32_t start, int n, enum deadline_unit unit,
		     const struct pause *pauses, size_t npauses);

/* Counted days in (from, to]: how much of a deadline has elapsed. */
int deadline_elapsed(const struct calendar *c, int32_t from, int32_t to, enum deadline_unit unit,
		     const struct pause *pauses, size_t npauses);

struct load_error;
/* Replace c's holidays with the CSV p[0..n) (columns date,kind,name_id and
 * optional source; kind libur_nasional or cuti_bersama), all or nothing.
 * 0, or APP_EINVAL with the line, column and reason in *err. */
int calendar_load_csv(struct calendar *c, const char *p, size_t n, struct load_error *err);
/* The seeded calendar compiled into the binary (data/holidays.csv). */
int calendar_load_default(struct calendar *c, struct load_error *err);

#endif
