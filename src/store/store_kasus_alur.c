/* Dispatch of the case workflow area (store_kasus_alur.h) through its
 * sub-table, struct store_kasus_alur_ops. */
#include "core/compat.h"
#include "store/store_int.h"
#include "store/store_kasus_alur.h"
#include "core/err.h"

#define OPS(s) ((s)->ops->kasus_alur)

static int wrap_list(struct store *s, int rc)
{
	return store_end_stream(s, rc);
}

int store_workflow_versi_insert(struct store *s, struct workflow_versi *v)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	if (!v->tahapan_csv || !v->transisi_csv || !v->pembuat[0])
		return store_note(s, store_fail(s, APP_EINVAL, "workflow version needs both CSV texts and an author"));
	if (!v->created_ms)
		v->created_ms = store_now_ms();
	return store_note(s, OPS(s)->versi_insert(s, v));
}

int store_workflow_versi_get(struct store *s, int versi, struct workflow_versi *out)
{
	memset(out, 0, sizeof(*out));
	int rc = store_check_use(s);
	if (rc)
		return rc;
	rc = OPS(s)->versi_get(s, versi, out);
	if (rc)
		store_workflow_versi_release(out);
	return store_note(s, rc);
}

void store_workflow_versi_release(struct workflow_versi *v)
{
	free(v->tahapan_csv);
	free(v->transisi_csv);
	v->tahapan_csv = v->transisi_csv = NULL;
}

int store_workflow_versi_list(struct store *s, int (*cb)(void *ctx, const struct workflow_versi *),
			      void *ctx)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	store_begin_stream(s);
	return wrap_list(s, OPS(s)->versi_list(s, cb, ctx));
}

int store_kasus_langkah_insert(struct store *s, struct kasus_langkah *l)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	if (!l->isian[0])
		snprintf(l->isian, sizeof(l->isian), "{}");
	if (!l->lampiran[0])
		snprintf(l->lampiran, sizeof(l->lampiran), "[]");
	if (!l->created_ms)
		l->created_ms = store_now_ms();
	return store_note(s, OPS(s)->langkah_insert(s, l));
}

int store_kasus_langkah_list(struct store *s, int64_t kasus_id,
			     int (*cb)(void *ctx, const struct kasus_langkah *), void *ctx)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	store_begin_stream(s);
	return wrap_list(s, OPS(s)->langkah_list(s, kasus_id, cb, ctx));
}

int store_kasus_jam_get(struct store *s, int64_t kasus_id, struct kasus_jam_row *out)
{
	int rc = store_check_use(s);
	memset(out, 0, sizeof(*out));
	if (rc)
		return rc;
	return store_note(s, OPS(s)->jam_get(s, kasus_id, out));
}

int store_kasus_jam_put(struct store *s, const struct kasus_jam_row *j)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	return store_note(s, OPS(s)->jam_put(s, j));
}

int store_kasus_jeda_buka(struct store *s, int64_t kasus_id, int32_t day)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	return store_note(s, OPS(s)->jeda_buka(s, kasus_id, day));
}

int store_kasus_jeda_tutup(struct store *s, int64_t kasus_id, int32_t day)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	return store_note(s, OPS(s)->jeda_tutup(s, kasus_id, day));
}

int store_kasus_jeda_list(struct store *s, int64_t kasus_id, struct kasus_jeda_row *out,
			  size_t max, size_t *n)
{
	int rc = store_check_use(s);
	*n = 0;
	if (rc)
		return rc;
	return store_note(s, OPS(s)->jeda_list(s, kasus_id, out, max, n));
}

int store_kasus_catatan_insert(struct store *s, struct kasus_catatan *c)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	if (!c->created_ms)
		c->created_ms = store_now_ms();
	return store_note(s, OPS(s)->catatan_insert(s, c));
}

int store_kasus_catatan_list(struct store *s, int64_t kasus_id,
			     int (*cb)(void *ctx, const struct kasus_catatan *), void *ctx)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	store_begin_stream(s);
	return wrap_list(s, OPS(s)->catatan_list(s, kasus_id, cb, ctx));
}

int store_kasus_tag_add(struct store *s, int64_t kasus_id, const char *tag)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	return store_note(s, OPS(s)->tag_add(s, kasus_id, tag, store_now_ms()));
}

int store_kasus_tag_remove(struct store *s, int64_t kasus_id, const char *tag)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	return store_note(s, OPS(s)->tag_remove(s, kasus_id, tag));
}

int store_kasus_tag_list(struct store *s, int64_t kasus_id, char (*out)[40], size_t max,
			 size_t *n)
{
	int rc = store_check_use(s);
	*n = 0;
	if (rc)
		return rc;
	return store_note(s, OPS(s)->tag_list(s, kasus_id, out, max, n));
}

int store_kasus_sanksi_insert(struct store *s, struct kasus_sanksi *k)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	if (!k->lampiran[0])
		snprintf(k->lampiran, sizeof(k->lampiran), "[]");
	if (!k->created_ms)
		k->created_ms = store_now_ms();
	return store_note(s, OPS(s)->sanksi_insert(s, k));
}

int store_kasus_sanksi_list(struct store *s, int64_t kasus_id, int64_t pegawai_id,
			    int (*cb)(void *ctx, const struct kasus_sanksi *), void *ctx)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	if (kasus_id <= 0 && pegawai_id <= 0)
		return store_note(s, store_fail(s, APP_EINVAL, "sanction list needs a case or an employee"));
	store_begin_stream(s);
	return wrap_list(s, OPS(s)->sanksi_list(s, kasus_id, pegawai_id, cb, ctx));
}

int store_kasus_antrian(struct store *s, const struct kasus_antrian_filter *f,
			int (*cb)(void *ctx, const struct kasus_ringkas *), void *ctx)
{
	char lo[256], hi[256], tahap[KASUS_FILTER_TAHAP_MAX * 41 + 2] = "";
	int rc = store_check_use(s);
	if (!rc)
		rc = store_scope_bounds(s, f->scope, lo, hi);
	if (rc)
		return store_note(s, rc);
	/* The stage set travels as ";a;b;" so the SQL is the same for any
	 * number of stages (no statement built from input). */
	size_t len = 0;
	for (size_t i = 0; i < f->ntahap && i < KASUS_FILTER_TAHAP_MAX; i++) {
		if (strlen(f->tahap[i]) >= 40 || strchr(f->tahap[i], ';'))
			return store_note(s, store_fail(s, APP_EINVAL, "bad stage code in a queue filter"));
		len += (size_t)snprintf(tahap + len, sizeof(tahap) - len, "%s%s;", len ? "" : ";",
					f->tahap[i]);
	}
	struct kasus_antrian_filter g = *f;
	/* 1001: a page of 1000 and one more to tell whether another follows */
	if (g.limit <= 0 || g.limit > 1001)
		g.limit = 100;
	if (g.offset < 0)
		g.offset = 0;
	/* National scope also sees cases with no instansi yet. */
	int national = f->national || !strcmp(f->scope, "/");
	store_begin_stream(s);
	return wrap_list(s, OPS(s)->antrian(s, &g, lo, hi, national, tahap, cb, ctx));
}
