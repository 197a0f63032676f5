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

void page_textarea(struct page *pg, const char *id, enum msg_id label, const char *value,
		   int rows, enum msg_id error, enum msg_id hint)
{
	struct html *h = &pg->h;
	html_raw(h, "<div class=\"field");
	if (error)
		html_raw(h, " has-error");
	html_raw(h, "\"><label");
	html_attr(h, "for", id);
	html_raw(h, ">");
	html_text(h, page_t(pg, label));
	html_raw(h, "</label>");
	if (hint) {
		html_raw(h, "<p class=\"hint\"");
		html_attr(h, "id", http_printf(pg->req, "%s-hint", id));
		html_raw(h, ">");
		html_text(h, page_t(pg, hint));
		html_raw(h, "</p>");
	}
	if (error) {
		html_raw(h, "<p class=\"field-error\"");
		html_attr(h, "id", http_printf(pg->req, "%s-err", id));
		html_raw(h, ">");
		html_text(h, page_t(pg, error));
		html_raw(h, "</p>");
	}
	html_raw(h, "<textarea");
	html_attr(h, "id", id);
	html_attr(h, "name", id);
	html_attr(h, "rows", http_printf(pg->req, "%d", rows));
	if (error)
		html_raw(h, " aria-invalid=\"true\"");
	if (error || hint)
		html_attr(h, "aria-describedby",
			  http_printf(pg->req, "%s%s%s", hint ? id : "", hint ? "-hint" : "",
				      error ? http_printf(pg->req, "%s%s-err", hint ? " " : "", id) : ""));
	html_raw(h, ">");
	html_text(h, value ? value : "");
	html_raw(h, "</textarea></div>\n");
}
