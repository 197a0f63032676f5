#include "core/compat.h"
#include "app/calendar.h"
#include "core/date.h"
#include "core/xalloc.h"

void calendar_init(struct calendar *c)
{
	memset(c, 0, sizeof(*c));
	c->cuti_bersama_is_off = 1;
}

void calendar_release(struct calendar *c)
{
	free(c->days);
	calendar_init(c);
}

static size_t lower_bound(const struct calendar *c, int32_t day)
{
	size_t lo = 0, hi = c->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->days[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void calendar_put(struct calendar *c, const struct holiday *h)
{
	size_t i = lower_bound(c, h->day);
	if (i < c->n && c->days[i].day == h->day) {
		c->days[i] = *h;
		return;
	}
	if (c->n == c->cap) {
		c->cap = c->cap ? st_mult(c->cap, 2) : 64;
		c->days = xrealloc(c->days, st_mult(c->cap, sizeof(*c->days)));
	}
	memmove(c->days + i + 1, c->days + i, (c->n - i) * sizeof(*c->days));
	c->days[i] = *h;
	c->n++;
	int y, m, d;
	date_from_days(h->day, &y, &m, &d);
	if (!c->first_year || y < c->first_year)
		c->first_year = y;
	if (y > c->last_year)
		c->last_year = y;
}

const struct holiday *calendar_find(const struct calendar *c, int32_t day)
{
	size_t i = lower_bound(c, day);
	return i < c->n && c->days[i].day == day ? &c->days[i] : NULL;
}

int calendar_is_working_day(const struct calendar *c, int32_t day)
{
	if (date_weekday(day) >= 6)
		return 0;
	const struct holiday *h = calendar_find(c, day);
	if (!h)
		return 1;
	return h->kind == HOLIDAY_CUTI_BERSAMA && !c->cuti_bersama_is_off;
}

int calendar_covers(const struct calendar *c, int32_t from, int32_t to)
{
	int y1, y2, m, d;
	date_from_days(from, &y1, &m, &d);
	date_from_days(to, &y2, &m, &d);
	return c->n && y1 >= c->first_year && y2 <= c->last_year;
}

static int paused(int32_t day, const struct pause *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (day >= p[i].from && day < p[i].to)
			return 1;
	return 0;
}

static int counts(const struct calendar *c, int32_t day, enum deadline_unit unit,
		  const struct pause *p, size_t np)
{
	if (paused(day, p, np))
		return 0;
	return unit == DEADLINE_CALENDAR_DAYS || calendar_is_working_day(c, day);
}

int32_t deadline_due(const struct calendar *c, int32_t start, int n, enum deadline_unit unit,
		     const struct pause *pauses, size_t npauses)
{
	int32_t day = start;
	while (n > 0) {
		day++;
		/* Inside a pause that has not ended (to = INT32_MAX) the clock
		 * never runs again: there is no due date yet. */
		for (size_t i = 0; i < npauses; i++)
			if (pauses[i].to == INT32_MAX && day >= pauses[i].from)
				return INT32_MAX;
		if (counts(c, day, unit, pauses, npauses))
			n--;
	}
	return day;
}

int deadline_elapsed(const struct calendar *c, int32_t from, int32_t to, enum deadline_unit unit,
		     const struct pause *pauses, size_t npauses)
{
	int n = 0;
	for (int32_t day = from + 1; day <= to; day++)
		n += counts(c, day, unit, pauses, npauses);
	return n;
}
