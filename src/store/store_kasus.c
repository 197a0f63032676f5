/* Dispatch of the neutrality case area (kasus and the citizen-report
 * tables) through its sub-table, struct store_kasus_ops. */
#include "core/compat.h"
#include "store/store_int.h"
#include "core/date.h"
#include "core/err.h"

/* WIB (UTC+7) year of a timestamp: case numbers follow the Indonesian
 * calendar year, not UTC's. */
static int wib_year(int64_t ms)
{
	int y, m, d;
	int64_t days = (ms / 1000 + 7 * 3600) / 86400;
	date_from_days((int32_t)days, &y, &m, &d);
	return y;
}

int store_kasus_insert(struct store *s, struct kasus *k)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	if (!k->created_ms)
		k->created_ms = store_now_ms();
	if (!k->updated_ms)
		k->updated_ms = k->created_ms;
	if (!k->tahap_sejak_ms)
		k->tahap_sejak_ms = k->created_ms;
	if (!k->nomor[0]) {
		int year = wib_year(k->created_ms);
		int64_t seq = 0;
		rc = s->ops->kasus->nomor_next(s, year, &seq);
		if (rc)
			return store_note(s, rc);
		snprintf(k->nomor, sizeof(k->nomor), "NTR-%04d-%06lld", year, (long long)seq);
	}
	return store_note(s, s->ops->kasus->insert(s, k));
}

int store_kasus_get(struct store *s, int64_t id, struct kasus *out)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	return store_note(s, s->ops->kasus->get(s, "id", id, NULL, out));
}

int store_kasus_get_by_nomor(struct store *s, const char *nomor, struct kasus *out)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	return store_note(s, s->ops->kasus->get(s, "nomor", 0, nomor, out));
}

int store_kasus_get_by_receipt(struct store *s, const char *receipt_hash, struct kasus *out)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	return store_note(s, s->ops->kasus->get(s, "receipt_hash", 0, receipt_hash, out));
}

int store_kasus_set_tahap(struct store *s, const struct kasus *k, int64_t now_ms)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	return store_note(s, s->ops->kasus->set_tahap(s, k, now_ms ? now_ms : store_now_ms()));
}

int store_kasus_set_terlapor(struct store *s, const struct kasus *k, int64_t now_ms)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	return store_note(s, s->ops->kasus->set_terlapor(s, k, now_ms ? now_ms : store_now_ms()));
}

int store_kasus_set_tautan(struct store *s, const struct kasus *k, int64_t now_ms)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	return store_note(s, s->ops->kasus->set_tautan(s, k, now_ms ? now_ms : store_now_ms()));
}

int store_kasus_set_petugas(struct store *s, int64_t id, int64_t petugas_id, int64_t now_ms)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	return store_note(s, s->ops->kasus->set_petugas(s, id, petugas_id,
							 now_ms ? now_ms : store_now_ms()));
}

int store_kasus_bukti_insert(struct store *s, struct kasus_bukti *b)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	if (!b->created_ms)
		b->created_ms = store_now_ms();
	return store_note(s, s->ops->kasus->bukti_insert(s, b));
}

int store_kasus_bukti_list(struct store *s, int64_t kasus_id, struct kasus_bukti *out,
			   size_t max, size_t *n)
{
	int rc = store_check_use(s);
	*n = 0;
	if (rc)
		return rc;
	return store_note(s, s->ops->kasus->bukti_list(s, kasus_id, 0, out, max, n));
}

int store_kasus_bukti_sha_list(struct store *s, int (*cb)(void *ctx, const char *sha256),
			       void *ctx)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	store_begin_stream(s);
	return store_end_stream(s, s->ops->kasus->bukti_sha_list(s, cb, ctx));
}

int store_kasus_bukti_get(struct store *s, int64_t kasus_id, int64_t id, struct kasus_bukti *out)
{
	size_t n = 0;
	int rc = store_check_use(s);
	if (rc)
		return rc;
	rc = s->ops->kasus->bukti_list(s, kasus_id, id, out, 1, &n);
	if (!rc && n == 0)
		rc = store_fail(s, APP_ENOTFOUND, "no such evidence file");
	return store_note(s, rc);
}

int store_kasus_pesan_insert(struct store *s, struct kasus_pesan *p)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	if (!p->created_ms)
		p->created_ms = store_now_ms();
	return store_note(s, s->ops->kasus->pesan_insert(s, p));
}

int store_kasus_pesan_list(struct store *s, int64_t kasus_id, struct kasus_pesan *out,
			   size_t max, size_t *n)
{
	int rc = store_check_use(s);
	*n = 0;
	if (rc)
		return rc;
	return store_note(s, s->ops->kasus->pesan_list(s, kasus_id, out, max, n));
}

int store_kasus_akses_insert(struct store *s, struct kasus_identitas_akses *a)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	if (!a->created_ms)
		a->created_ms = store_now_ms();
	return store_note(s, s->ops->kasus->akses_insert(s, a));
}

int store_kasus_akses_list(struct store *s, int64_t kasus_id, struct kasus_identitas_akses *out,
			   size_t max, size_t *n)
{
	int rc = store_check_use(s);
	*n = 0;
	if (rc)
		return rc;
	return store_note(s, s->ops->kasus->akses_list(s, kasus_id, out, max, n));
}

int store_kunci_pengawas_insert(struct store *s, struct kunci_pengawas *k)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	if (!k->created_ms)
		k->created_ms = store_now_ms();
	k->retired_ms = 0;
	rc = s->ops->kasus->kunci_retire(s, k->created_ms);
	if (!rc)
		rc = s->ops->kasus->kunci_insert(s, k);
	return store_note(s, rc);
}

int store_kunci_pengawas_current(struct store *s, struct kunci_pengawas *out)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	return store_note(s, s->ops->kasus->kunci_get(s, 0, out));
}

int store_kunci_pengawas_get(struct store *s, int64_t id, struct kunci_pengawas *out)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	if (id <= 0)
		return store_fail(s, APP_ENOTFOUND, "no such oversight key");
	return store_note(s, s->ops->kasus->kunci_get(s, id, out));
}

int store_laporan_salt_get(struct store *s, char out[33])
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	return store_note(s, s->ops->kasus->salt_get(s, out));
}

int store_laporan_salt_init(struct store *s, const char *salt_hex, char out[33])
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	rc = s->ops->kasus->salt_put(s, salt_hex, store_now_ms());
	if (!rc)
		rc = s->ops->kasus->salt_get(s, out);
	return store_note(s, rc);
}
