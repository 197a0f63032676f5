/* Dispatch of the campaign area (templates, campaigns, signatures,
 * activation codes) through its sub-table, struct store_kampanye_ops. */
#include "core/compat.h"
#include "store/store_int.h"
#include "core/err.h"

#define KOPS(s) ((s)->ops->kampanye)

/* A read: the connection must be usable. */
#define READ_CALL(s, call) do { \
	int rc_ = store_check_use(s); \
	if (rc_) \
		return rc_; \
	return store_note((s), (call)); \
} while (0)

#define WRITE_CALL(s, call) do { \
	int rc_ = store_check_write(s); \
	if (rc_) \
		return rc_; \
	return store_note((s), (call)); \
} while (0)

/* A list: the connection is busy while the callback runs. */
#define LIST_CALL(s, call) do { \
	int rc_ = store_check_use(s); \
	if (rc_) \
		return store_note((s), rc_); \
	store_begin_stream(s); \
	rc_ = (call); \
	return store_end_stream((s), rc_); \
} while (0)

int store_templat_insert(struct store *s, struct dok_templat *t)
{
	if (!t->created_ms)
		t->created_ms = store_now_ms();
	WRITE_CALL(s, KOPS(s)->templat_insert(s, t));
}

int store_templat_update(struct store *s, const struct dok_templat *t)
{
	WRITE_CALL(s, KOPS(s)->templat_update(s, t));
}

int store_templat_get(struct store *s, int64_t id, struct dok_templat *out)
{
	READ_CALL(s, KOPS(s)->templat_get(s, id, out));
}

int store_templat_max_versi(struct store *s, int64_t instansi_id, const char *kode, int64_t *versi)
{
	*versi = 0;
	READ_CALL(s, KOPS(s)->templat_max_versi(s, instansi_id, kode, versi));
}

int store_templat_list(struct store *s, int64_t instansi_id,
		       int (*cb)(void *ctx, const struct dok_templat *), void *ctx)
{
	LIST_CALL(s, KOPS(s)->templat_list(s, instansi_id, cb, ctx));
}

int store_kampanye_insert(struct store *s, struct kampanye *k)
{
	if (!k->created_ms)
		k->created_ms = store_now_ms();
	WRITE_CALL(s, KOPS(s)->kampanye_insert(s, k));
}

int store_kampanye_get(struct store *s, int64_t id, struct kampanye *out)
{
	READ_CALL(s, KOPS(s)->kampanye_get(s, id, out));
}

int store_kampanye_list(struct store *s, const char *scope_path,
			int (*cb)(void *ctx, const struct kampanye *), void *ctx)
{
	char lo[256], hi[256];
	int rc = store_check_use(s);
	if (!rc)
		rc = store_scope_bounds(s, scope_path, lo, hi);
	if (rc)
		return store_note(s, rc);
	store_begin_stream(s);
	rc = KOPS(s)->kampanye_list(s, lo, hi, cb, ctx);
	return store_end_stream(s, rc);
}

int store_kampanye_add_unit(struct store *s, int64_t kampanye_id, int64_t unit_id)
{
	WRITE_CALL(s, KOPS(s)->kampanye_add_unit(s, kampanye_id, unit_id));
}

int store_kampanye_add_nip(struct store *s, int64_t kampanye_id, const char *nip)
{
	WRITE_CALL(s, KOPS(s)->kampanye_add_nip(s, kampanye_id, nip));
}

int store_kampanye_units(struct store *s, int64_t kampanye_id,
			 int (*cb)(void *ctx, int64_t unit_id), void *ctx)
{
	LIST_CALL(s, KOPS(s)->kampanye_units(s, kampanye_id, cb, ctx));
}

int store_kampanye_in_scope(struct store *s, int64_t kampanye_id, const char *nip, int *in)
{
	*in = 0;
	READ_CALL(s, KOPS(s)->in_scope(s, kampanye_id, nip, in));
}

int store_kampanye_scope_list(struct store *s, int64_t kampanye_id, int64_t unit_id,
			      int only_unsigned,
			      int (*cb)(void *ctx, const struct pegawai *), void *ctx)
{
	LIST_CALL(s, KOPS(s)->scope_list(s, kampanye_id, unit_id, only_unsigned, cb, ctx));
}

int store_kampanye_progress(struct store *s, int64_t kampanye_id,
			    int (*cb)(void *ctx, const struct kampanye_progress *), void *ctx)
{
	LIST_CALL(s, KOPS(s)->progress(s, kampanye_id, cb, ctx));
}

int store_ttd_insert(struct store *s, struct tanda_tangan *t)
{
	WRITE_CALL(s, KOPS(s)->ttd_insert(s, t));
}

int store_ttd_get(struct store *s, int64_t kampanye_id, const char *nip, struct tanda_tangan *out)
{
	READ_CALL(s, KOPS(s)->ttd_get(s, kampanye_id, nip, out));
}

int store_ttd_get_by_kode(struct store *s, const char *kode, struct tanda_tangan *out)
{
	READ_CALL(s, KOPS(s)->ttd_get_by_kode(s, kode, out));
}

int store_instansi_key_get(struct store *s, int64_t id, struct instansi_key *out)
{
	READ_CALL(s, KOPS(s)->key_get(s, id, out));
}

int store_aktivasi_insert(struct store *s, struct kode_aktivasi *a)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	if (!a->created_ms)
		a->created_ms = store_now_ms();
	a->used_ms = a->revoked_ms = 0;
	rc = KOPS(s)->aktivasi_revoke(s, a->nip, a->created_ms);
	if (!rc)
		rc = KOPS(s)->aktivasi_insert(s, a);
	return store_note(s, rc);
}

int store_aktivasi_current(struct store *s, const char *nip, struct kode_aktivasi *out)
{
	READ_CALL(s, KOPS(s)->aktivasi_current(s, nip, out));
}

int store_aktivasi_mark_used(struct store *s, int64_t id, int64_t now_ms)
{
	WRITE_CALL(s, KOPS(s)->aktivasi_mark_used(s, id, now_ms));
}

int store_user_asn_by_nip(struct store *s, const char *nip, int64_t *user_id)
{
	*user_id = 0;
	READ_CALL(s, KOPS(s)->user_asn_by_nip(s, nip, user_id));
}
