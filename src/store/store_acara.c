/* Dispatch of the events area (apel, sosialisasi, attendance, coverage,
 * material files) through its sub-table, struct store_acara_ops. */
#include "core/compat.h"
#include "store/store_int.h"
#include "core/err.h"

int store_acara_insert(struct store *s, struct acara *a)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	if (!a->created_ms)
		a->created_ms = store_now_ms();
	if (!a->updated_ms)
		a->updated_ms = a->created_ms;
	return store_note(s, s->ops->acara->insert(s, a));
}

int store_acara_update(struct store *s, struct acara *a)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	if (!a->updated_ms)
		a->updated_ms = store_now_ms();
	return store_note(s, s->ops->acara->update(s, a));
}

int store_acara_get(struct store *s, int64_t id, struct acara *out)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	return store_note(s, s->ops->acara->get(s, id, out));
}

int store_acara_get_by_kode(struct store *s, const char *kode, struct acara *out)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	if (!kode || !*kode)
		return APP_ENOTFOUND;
	return store_note(s, s->ops->acara->get_by_kode(s, kode, out));
}

int store_acara_list(struct store *s, const char *scope_path, int64_t before_mulai_ms, int limit,
		     int (*cb)(void *ctx, const struct acara *), void *ctx)
{
	char lo[256], hi[256];
	int rc = store_check_use(s);
	if (!rc)
		rc = store_scope_bounds(s, scope_path, lo, hi);
	if (rc)
		return rc;
	store_begin_stream(s);
	rc = s->ops->acara->list(s, lo, hi, before_mulai_ms, limit, cb, ctx);
	return store_end_stream(s, rc);
}

int store_acara_hadir_put(struct store *s, int64_t acara_id, int64_t pegawai_id, const char *cara,
			  int64_t now_ms, int *inserted)
{
	int rc = store_check_write(s);
	*inserted = 0;
	if (rc)
		return rc;
	if (!now_ms)
		now_ms = store_now_ms();
	return store_note(s, s->ops->acara->hadir_put(s, acara_id, pegawai_id, cara, now_ms, inserted));
}

int store_acara_peserta_list(struct store *s, const struct acara *a, const char *after_nip,
			     int limit, int (*cb)(void *ctx, const struct acara_peserta *), void *ctx)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	store_begin_stream(s);
	rc = s->ops->acara->peserta_list(s, a, after_nip ? after_nip : "", limit, cb, ctx);
	return store_end_stream(s, rc);
}

int store_acara_peserta_count(struct store *s, const struct acara *a, int64_t *sasaran,
			      int64_t *hadir)
{
	int rc = store_check_use(s);
	*sasaran = *hadir = 0;
	if (rc)
		return rc;
	return store_note(s, s->ops->acara->peserta_count(s, a, sasaran, hadir));
}

int store_acara_cakupan(struct store *s, int64_t instansi_id, int64_t from_ms, int64_t to_ms,
			int (*cb)(void *ctx, const struct acara_cakupan_row *), void *ctx)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	store_begin_stream(s);
	rc = s->ops->acara->cakupan(s, instansi_id, from_ms, to_ms, cb, ctx);
	return store_end_stream(s, rc);
}

int store_acara_belum_list(struct store *s, int64_t instansi_id, int64_t from_ms, int64_t to_ms,
			   int (*cb)(void *ctx, const struct acara_peserta *), void *ctx)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	store_begin_stream(s);
	rc = s->ops->acara->belum_list(s, instansi_id, from_ms, to_ms, cb, ctx);
	return store_end_stream(s, rc);
}

int store_acara_materi_put(struct store *s, struct acara_materi *m, const void *data, size_t len,
			   int *inserted)
{
	int rc = store_check_write(s);
	*inserted = 0;
	if (rc)
		return rc;
	if (!m->created_ms)
		m->created_ms = store_now_ms();
	m->ukuran = (int64_t)len;
	rc = s->ops->acara->berkas_put(s, m->sha256, data, len, m->created_ms);
	if (!rc)
		rc = s->ops->acara->materi_link(s, m, inserted);
	return store_note(s, rc);
}

int store_acara_materi_list(struct store *s, int64_t acara_id,
			    int (*cb)(void *ctx, const struct acara_materi *), void *ctx)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	store_begin_stream(s);
	rc = s->ops->acara->materi_list(s, acara_id, cb, ctx);
	return store_end_stream(s, rc);
}

int store_acara_materi_get(struct store *s, int64_t acara_id, const char *sha256,
			   struct acara_materi *meta, struct buf *out)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	return store_note(s, s->ops->acara->materi_get(s, acara_id, sha256, meta, out));
}
