/* Civil dates as day numbers (days since 1970-01-01, proleptic Gregorian),
 * so date arithmetic is integer arithmetic and never touches time zones. */
#ifndef WASDAL_CORE_DATE_H
#define WASDAL_CORE_DATE_H

#include <stddef.h>
#include <stdint.h>

int date_is_valid(int y, int m, int d);
int32_t date_to_days(int y, int m, int d);
void date_from_days(int32_t days, int *y, int *m, int *d);
/* 1 = Monday ... 7 = Sunday (ISO 8601). */
int date_weekday(int32_t days);
/* Parse exactly "YYYY-MM-DD" from s[0..n); 0 on success. */
int date_parse_iso(const char *s, size_t n, int32_t *days);
/* "YYYY-MM-DD" into out (at least 11 bytes). */
void date_format_iso(int32_t days, char *out, size_t outsz);
/* Today in UTC+7 (WIB), the clock Indonesian deadlines are counted in. */
int32_t date_today_wib(void);

#endif
