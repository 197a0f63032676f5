/* Small helpers shared by the campaign pages. */
#include "core/compat.h"
#include "core/date.h"
#include "web/page.h"
#include <time.h>

const char *page_time_utc(struct http_req *req, int64_t ms)
{
	time_t t = (time_t)(ms / 1000);
	struct tm tm;
	char b[32];
	gmtime_r(&t, &tm);
	strftime(b, sizeof(b), "%Y-%m-%d %H:%M UTC", &tm);
	return http_strdup(req, b);
}

const char *page_day(struct http_req *req, int32_t day)
{
	char b[16];
	date_format_iso(day, b, sizeof(b));
	return http_strdup(req, b);
}

const char *page_percent(struct http_req *req, int permille)
{
	return http_printf(req, "%d%c%d %%", permille / 10, req->lang == LANG_EN ? '.' : ',',
			   permille % 10);
}
