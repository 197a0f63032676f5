/* Dispatch of the statistics area through its sub-table, struct
 * store_statistik_ops: validates the filter and turns the scope path into
 * the [lo, hi) bounds every backend uses for a range scan on instansi.path. */
#include "core/compat.h"
#include "store/store_int.h"
#include "core/err.h"
#include "core/xalloc.h"

void statistik_rows_add(struct statistik_rows *r, int64_t id, const char *key, int64_t a,
			int64_t n)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 32;
		r->v = xrealloc(r->v, st_mult(r->cap, sizeof(*r->v)));
	}
	struct statistik_row *x = &r->v[r->n++];
	x->id = id;
	snprintf(x->key, sizeof(x->key), "%s", key ? key : "");
	x->a = a;
	x->n = n;
}

void statistik_rows_free(struct statistik_rows *r)
{
	free(r->v);
	memset(r, 0, sizeof(*r));
}

/* Validated filter g and scope bounds; *national when every case counts. */
static int prepare(struct store *s, const struct statistik_filter *f, struct statistik_filter *g,
		   char lo[256], char hi[256], int *national)
{
	const char *k = f->konteks && *f->konteks ? f->konteks : NULL;
	if (k && strcmp(k, "pemilu") && strcmp(k, "pilkada"))
		return store_fail(s, APP_EINVAL, "konteks must be pemilu or pilkada");
	lo[0] = hi[0] = 0;
	*national = !f->scope_path || !strcmp(f->scope_path, "/");
	if (!*national) {
		int rc = store_scope_bounds(s, f->scope_path, lo, hi);
		if (rc)
			return rc;
	}
	*g = *f;
	g->konteks = k;
	if (g->sampai_ms <= 0)
		g->sampai_ms = INT64_MAX;
	if (g->dari_ms < 0)
		g->dari_ms = 0;
	if (!g->now_ms)
		g->now_ms = store_now_ms();
	return 0;
}

int store_statistik_group(struct store *s, enum statistik_dim dim,
			  const struct statistik_filter *f, struct statistik_rows *out)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	if ((unsigned)dim >= STAT__COUNT)
		return APP_EINVAL;
	struct statistik_filter g;
	char lo[256], hi[256];
	int national;
	rc = prepare(s, f, &g, lo, hi, &national);
	if (rc)
		return rc;
	return store_note(s, s->ops->statistik->group(s, dim, &g, national ? NULL : lo, hi, out));
}

int store_statistik_all(struct store *s, const struct statistik_filter *f,
			struct statistik_rows out[STAT__COUNT])
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	struct statistik_filter g;
	char lo[256], hi[256];
	int national;
	rc = prepare(s, f, &g, lo, hi, &national);
	if (rc)
		return rc;
	const struct store_statistik_ops *o = s->ops->statistik;
	if (o->all)
		return store_note(s, o->all(s, &g, national ? NULL : lo, hi, out));
	for (int d = 0; d < STAT__COUNT && !rc; d++)
		rc = o->group(s, (enum statistik_dim)d, &g, national ? NULL : lo, hi, &out[d]);
	return store_note(s, rc);
}
