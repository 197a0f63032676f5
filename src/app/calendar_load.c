#include "core/compat.h"
#include "app/calendar.h"
#include "core/csv_table.h"
#include "core/date.h"
#include "core/embedded.h"
#include "core/err.h"
#include "core/msg.h"

int calendar_load_csv(struct calendar *c, const char *p, size_t n, struct load_error *err)
{
	static const char *const required[] = { "date", "kind", "name_id", NULL };
	struct csv_table t;
	int rc = csv_table_open_mem(&t, p, n, required, err);
	struct calendar fresh;
	calendar_init(&fresh);
	fresh.cuti_bersama_is_off = c->cuti_bersama_is_off;
	while (!rc && (rc = csv_table_next(&t, err)) == 1) {
		rc = 0;
		struct holiday h = { 0 };
		const char *date = csv_table_get(&t, "date");
		const char *kind = csv_table_get(&t, "kind");
		if (date_parse_iso(date, strlen(date), &h.day)) {
			load_error_set(err, &t, "date", M_TABLE_BAD_DATE, date);
			rc = APP_EINVAL;
		} else if (!strcmp(kind, "libur_nasional")) {
			h.kind = HOLIDAY_LIBUR_NASIONAL;
		} else if (!strcmp(kind, "cuti_bersama")) {
			h.kind = HOLIDAY_CUTI_BERSAMA;
		} else {
			load_error_set(err, &t, "kind", M_TABLE_BAD_VALUE, kind);
			rc = APP_EINVAL;
		}
		if (!rc && calendar_find(&fresh, h.day)) {
			load_error_set(err, &t, "date", M_TABLE_DUPLICATE, date);
			rc = APP_EINVAL;
		}
		if (!rc) {
			snprintf(h.name, sizeof(h.name), "%s", csv_table_get(&t, "name_id"));
			snprintf(h.source, sizeof(h.source), "%s", csv_table_get(&t, "source"));
			calendar_put(&fresh, &h);
		}
	}
	csv_table_close(&t);
	if (rc < 0) {
		calendar_release(&fresh);
		return rc;
	}
	/* All or nothing: the old calendar stays until the whole file is good. */
	calendar_release(c);
	*c = fresh;
	return 0;
}

int calendar_load_default(struct calendar *c, struct load_error *err)
{
	const struct embedded_file *f = embedded_find("data/holidays.csv");
	if (!f) {
		memset(err, 0, sizeof(*err));
		err->msg = M_TABLE_EMPTY;
		return APP_EINTERNAL;
	}
	return calendar_load_csv(c, f->data, f->len, err);
}
