/* Activation codes (see aktivasi.h). */
#include "core/compat.h"
#include "app/aktivasi.h"
#include "app/audit.h"
#include "app/auth.h"
#include "app/diff.h"
#include "app/kampanye.h"
#include "app/kampanye_code.h"
#include "core/err.h"
#include "core/xalloc.h"
#include "crypto/crypto.h"
#include "crypto/password.h"
#include "crypto/token.h"
#include "store/store.h"
#include "store/store_kampanye.h"
#include <sodium.h>
#include <time.h>

#define DAY_MS 86400000LL

static int64_t real_clock_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int64_t (*clock_fn)(void) = real_clock_ms;

void aktivasi_set_clock(int64_t (*fn)(void))
{
	clock_fn = fn ? fn : real_clock_ms;
}

static void copy(char *dst, size_t cap, const char *src)
{
	size_t n = strnlen(src ? src : "", cap - 1);
	memcpy(dst, src ? src : "", n);
	dst[n] = '\0';
}

struct batch {
	struct aktivasi_slip *v;
	int64_t *pegawai_id;
	size_t n, cap;
	const char *only_nip;
	int too_many;
};

static int add_one(void *ctx, const struct pegawai *e)
{
	struct batch *b = ctx;
	if (b->only_nip && strcmp(b->only_nip, e->nip))
		return 0;
	if (b->n == AKTIVASI_MAX_BATCH) {
		b->too_many = 1;
		return 1;
	}
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		b->v = xrealloc(b->v, st_mult(b->cap, sizeof(*b->v)));
		b->pegawai_id = xrealloc(b->pegawai_id, st_mult(b->cap, sizeof(*b->pegawai_id)));
	}
	struct aktivasi_slip *sl = &b->v[b->n];
	memset(sl, 0, sizeof(*sl));
	copy(sl->nip, sizeof(sl->nip), e->nip);
	copy(sl->nama, sizeof(sl->nama), e->nama);
	/* the unit id rides in expires_ms until the names are filled in */
	sl->expires_ms = e->unit_id;
	b->pegawai_id[b->n++] = e->id;
	return 0;
}

void aktivasi_slips_free(struct aktivasi_slip *v, size_t n)
{
	if (v)
		sodium_memzero(v, n * sizeof(*v));
	free(v);
}

struct unit_names {
	struct unit_kerja *v;
	size_t n;
};

static int add_unit(void *ctx, const struct unit_kerja *u)
{
	struct unit_names *x = ctx;
	x->v = xrealloc(x->v, st_mult(x->n + 1, sizeof(*x->v)));
	x->v[x->n++] = *u;
	return 0;
}

int aktivasi_terbitkan(struct store *s, const struct principal *actor,
		       const struct aktivasi_request *req, struct aktivasi_slip **out, size_t *n,
		       enum msg_id *err)
{
	enum msg_id dummy;
	if (!err)
		err = &dummy;
	*err = 0;
	*out = NULL;
	*n = 0;
	if (!kampanye_may_manage(actor))
		return APP_EPERM;
	int hari = req->hari ? req->hari : AKTIVASI_DEFAULT_DAYS;
	if (hari < 1 || hari > AKTIVASI_MAX_DAYS) {
		*err = M_AKT_ERR_HARI;
		return APP_EINVAL;
	}
	struct instansi inst;
	struct unit_kerja unit;
	memset(&unit, 0, sizeof(unit));
	struct kampanye k;
	int rc;
	if (req->kampanye_id) {
		rc = kampanye_get(s, actor, req->kampanye_id, &k, NULL);
		if (!rc)
			rc = store_instansi_get(s, k.instansi_id, &inst);
	} else {
		rc = req->instansi_kode && *req->instansi_kode
			     ? store_instansi_get_by_kode(s, req->instansi_kode, &inst)
			     : store_instansi_get(s, actor->instansi_id, &inst);
	}
	if (rc == APP_ENOTFOUND || (!rc && !principal_sees_path(actor, inst.path))) {
		*err = req->kampanye_id ? M_KAMP_ERR_TEMPLAT : M_AUTH_INSTANSI_UNKNOWN;
		return APP_EINVAL;
	}
	if (rc)
		return rc;
	if (req->unit_kode && *req->unit_kode) {
		rc = store_unit_get_by_kode(s, inst.id, req->unit_kode, &unit);
		if (rc == APP_ENOTFOUND) {
			*err = M_KAMP_ERR_UNITS;
			return APP_EINVAL;
		}
		if (rc)
			return rc;
	}
	struct batch b = { .only_nip = req->nip && *req->nip ? req->nip : NULL };
	if (req->kampanye_id) {
		rc = store_kampanye_scope_list(s, req->kampanye_id, unit.id, 0, add_one, &b);
	} else {
		struct pegawai_filter f = { .scope_path = inst.path, .instansi_id = inst.id,
					    .unit_id = unit.id, .status = "aktif" };
		rc = store_pegawai_list(s, &f, add_one, &b);
	}
	if (rc == 1 && b.too_many) {
		*err = M_AKT_ERR_TOO_MANY;
		rc = APP_ETOOBIG;
	}
	struct unit_names un = { 0 };
	if (!rc)
		rc = store_unit_list(s, inst.id, add_unit, &un);
	if (!rc && b.n == 0) {
		*err = M_AKT_ERR_NOBODY;
		rc = APP_EINVAL;
	}
	int64_t now = clock_fn();
	int in_tx = 0;
	if (!rc) {
		rc = store_tx_begin(s, STORE_TX_WRITE);
		in_tx = !rc;
	}
	for (size_t i = 0; !rc && i < b.n; i++) {
		struct aktivasi_slip *sl = &b.v[i];
		int64_t unit_id = sl->expires_ms;
		for (size_t u = 0; u < un.n; u++)
			if (un.v[u].id == unit_id) {
				copy(sl->unit_kode, sizeof(sl->unit_kode), un.v[u].kode);
				copy(sl->unit_nama, sizeof(sl->unit_nama), un.v[u].nama);
			}
		char raw[KODE_AKTIVASI_LEN + 1];
		kode_random(raw, KODE_AKTIVASI_LEN);
		kode_format(raw, sl->kode, sizeof(sl->kode));
		struct kode_aktivasi a;
		memset(&a, 0, sizeof(a));
		a.pegawai_id = b.pegawai_id[i];
		copy(a.nip, sizeof(a.nip), sl->nip);
		a.kampanye_id = req->kampanye_id;
		kode_aktivasi_hash(sl->nip, raw, a.kode_hash);
		sodium_memzero(raw, sizeof(raw));
		a.created_ms = now;
		a.expires_ms = sl->expires_ms = now + hari * DAY_MS;
		copy(a.created_by, sizeof(a.created_by), actor->username);
		rc = store_aktivasi_insert(s, &a);
	}
	if (!rc && b.n) {
		struct diff d;
		diff_init(&d);
		diff_int(&d, "jumlah", 0, (int64_t)b.n);
		diff_str(&d, "instansi", NULL, inst.kode);
		if (unit.id)
			diff_str(&d, "unit", NULL, unit.kode);
		if (req->kampanye_id)
			diff_int(&d, "kampanye_id", 0, req->kampanye_id);
		if (b.only_nip)
			diff_str(&d, "nip", NULL, b.only_nip);
		diff_int(&d, "berlaku_hari", 0, hari);
		rc = audit_append(s, actor, "aktivasi_terbit", "instansi", inst.kode, diff_json(&d));
		diff_release(&d);
	}
	if (in_tx) {
		if (rc)
			store_tx_rollback(s);
		else
			rc = store_tx_commit(s);
	}
	free(un.v);
	free(b.pegawai_id);
	if (rc) {
		aktivasi_slips_free(b.v, b.n);
		return rc;
	}
	*out = b.v;
	*n = b.n;
	return 0;
}

static void audit_failure(struct store *s, const char *nip, const char *reason)
{
	if (store_tx_begin(s, STORE_TX_WRITE))
		return;
	struct diff d;
	diff_init(&d);
	diff_note(&d, "reason", reason);
	int rc = audit_append(s, NULL, "aktivasi_gagal", "pegawai", nip, diff_json(&d));
	diff_release(&d);
	if (rc)
		store_tx_rollback(s);
	else
		(void)store_tx_commit(s);
}

int aktivasi_pakai(struct store *s, const char *nip, const char *code, const char *password,
		   const char *client_key, enum msg_id *err)
{
	enum msg_id dummy;
	if (!err)
		err = &dummy;
	*err = 0;
	crypto_init();
	int64_t now = clock_fn();
	char nipd[19] = "";
	size_t nl = nip ? strlen(nip) : 0;
	int nip_ok = nl == 18;
	for (size_t i = 0; nip_ok && i < nl; i++)
		nip_ok = nip[i] >= '0' && nip[i] <= '9';
	if (nip_ok)
		copy(nipd, sizeof(nipd), nip);
	int rc = kode_rate(s, "aktivasi-klien", client_key, AKTIVASI_PER_CLIENT, 60000, now);
	if (!rc)
		rc = kode_rate(s, "aktivasi-nip", nip_ok ? nipd : "(invalid)", AKTIVASI_PER_NIP, 60000, now);
	if (rc == APP_EBUSY) {
		*err = M_AUTH_BUSY;
		return rc;
	}
	if (rc)
		return rc;
	int pm = auth_password_check(password);
	if (pm) {
		*err = (enum msg_id)pm;
		return APP_EINVAL;
	}
	char norm[KODE_AKTIVASI_LEN + 1];
	struct kode_aktivasi a;
	char want[65], got[65];
	rc = nip_ok ? store_aktivasi_current(s, nipd, &a) : APP_ENOTFOUND;
	if (rc && rc != APP_ENOTFOUND)
		return rc;
	int good = !rc && kode_normalise(code, KODE_AKTIVASI_LEN, norm) == 0;
	if (good) {
		kode_aktivasi_hash(nipd, norm, got);
		copy(want, sizeof(want), a.kode_hash);
		good = token_equal(got, want) && a.expires_ms > now;
	}
	if (!good) {
		*err = M_AKT_ERR_CODE;
		audit_failure(s, nip_ok ? nipd : "(invalid)", rc ? "no_code" : "bad_code");
		return APP_EAUTH;
	}
	char hash[PASSWORD_HASH_MAX];
	rc = password_hash(password, strlen(password), hash);
	if (rc)
		return rc;

	struct pegawai e;
	struct user u;
	int64_t uid = 0;
	int created = 0;
	rc = store_tx_begin(s, STORE_TX_WRITE);
	if (rc)
		return rc;
	rc = store_aktivasi_mark_used(s, a.id, now);
	if (!rc)
		rc = store_pegawai_get(s, a.pegawai_id, &e);
	if (!rc) {
		rc = store_user_asn_by_nip(s, nipd, &uid);
		if (!rc)
			rc = store_user_get(s, uid, &u);
	}
	if (rc == APP_ENOTFOUND) {
		memset(&u, 0, sizeof(u));
		copy(u.username, sizeof(u.username), nipd);
		copy(u.nama, sizeof(u.nama), e.nama);
		copy(u.role, sizeof(u.role), "asn");
		u.instansi_id = e.instansi_id;
		copy(u.nip, sizeof(u.nip), nipd);
		copy(u.password_hash, sizeof(u.password_hash), hash);
		rc = store_user_insert(s, &u);
		created = 1;
	} else if (!rc) {
		copy(u.password_hash, sizeof(u.password_hash), hash);
		u.failed_logins = 0;
		u.locked_until_ms = 0;
		/* a disabled account stays disabled: a code does not undo that */
		rc = store_user_update(s, &u);
		if (!rc)
			rc = store_session_delete_user(s, u.id);
	}
	if (!rc) {
		struct principal who;
		memset(&who, 0, sizeof(who));
		who.user_id = u.id;
		copy(who.username, sizeof(who.username), u.username);
		who.role = ROLE_ASN;
		struct diff d;
		diff_init(&d);
		diff_str(&d, "nip", NULL, nipd);
		diff_note(&d, "akun", created ? "dibuat" : "kata_sandi_baru");
		rc = audit_append(s, &who, "aktivasi", "user", u.username, diff_json(&d));
		diff_release(&d);
	}
	sodium_memzero(hash, sizeof(hash));
	if (rc) {
		store_tx_rollback(s);
		if (rc == APP_ECONFLICT) { /* spent by a concurrent request */
			*err = M_AKT_ERR_CODE;
			return APP_EAUTH;
		}
		return rc;
	}
	return store_tx_commit(s);
}
