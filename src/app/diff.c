/* Audit diffs (see diff.h). */
#include "core/compat.h"
#include "app/diff.h"

void diff_init(struct diff *d)
{
	buf_init(&d->b, 64 * 1024);
	jsonw_init(&d->w, &d->b);
	jsonw_obj_begin(&d->w);
	d->n = 0;
}

void diff_release(struct diff *d)
{
	buf_release(&d->b);
}

void diff_str(struct diff *d, const char *field, const char *old, const char *new_)
{
	if (old && new_ && !strcmp(old, new_))
		return;
	jsonw_key(&d->w, field);
	jsonw_arr_begin(&d->w);
	if (old)
		jsonw_str(&d->w, old);
	else
		jsonw_null(&d->w);
	if (new_)
		jsonw_str(&d->w, new_);
	else
		jsonw_null(&d->w);
	jsonw_arr_end(&d->w);
	d->n++;
}

void diff_int(struct diff *d, const char *field, int64_t old, int64_t new_)
{
	if (old == new_)
		return;
	jsonw_key(&d->w, field);
	jsonw_arr_begin(&d->w);
	jsonw_int(&d->w, old);
	jsonw_int(&d->w, new_);
	jsonw_arr_end(&d->w);
	d->n++;
}

void diff_note(struct diff *d, const char *field, const char *value)
{
	jsonw_kv_str(&d->w, field, value ? value : "");
	d->n++;
}

const char *diff_json(struct diff *d)
{
	if (!d->n || d->w.err)
		return NULL;
	if (d->w.depth == 1)
		jsonw_obj_end(&d->w);
	return d->w.err ? NULL : d->b.ptr;
}

int diff_count(const struct diff *d)
{
	return d->n;
}
