#include "core/compat.h"
#include "core/date.h"
#include <time.h>

int date_is_valid(int y, int m, int d)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
		return 0;
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= mdays[m - 1] + (m == 2 && leap);
}

/* Howard Hinnant's days_from_civil: exact over the whole int32 range we use,
 * with no table and no time-zone library. */
int32_t date_to_days(int y, int m, int d)
{
	y -= m <= 2;
	int era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int32_t)(era * 146097 + (int)doe - 719468);
}

void date_from_days(int32_t days, int *y, int *m, int *d)
{
	int z = days + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int yy = (int)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yy + (*m <= 2);
}

int date_weekday(int32_t days)
{
	/* 1970-01-01 was a Thursday (4). */
	int w = (int)((days % 7 + 7) % 7);
	return (w + 3) % 7 + 1;
}

static int two(const char *p)
{
	return (p[0] - '0') * 10 + (p[1] - '0');
}

int date_parse_iso(const char *s, size_t n, int32_t *days)
{
	if (n != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (size_t i = 0; i < n; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	int y = two(s) * 100 + two(s + 2), m = two(s + 5), d = two(s + 8);
	if (!date_is_valid(y, m, d))
		return -1;
	*days = date_to_days(y, m, d);
	return 0;
}

void date_format_iso(int32_t days, char *out, size_t outsz)
{
	int y, m, d;
	date_from_days(days, &y, &m, &d);
	snprintf(out, outsz, "%04d-%02d-%02d", y, m, d);
}

int32_t date_today_wib(void)
{
	time_t now = time(NULL) + 7 * 3600;
	return (int32_t)(now / 86400);
}
