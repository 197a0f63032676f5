/* Signing a campaign's document and verifying a signature by its short
 * code (see kampanye.h). The signature is the instansi's Ed25519 signature
 * over app/declaration.c's message (instansi, campaign, NIP, time, SHA-256
 * of the exact text); the payload it produces is what the QR code and the
 * public page carry, so anyone can check it offline with the published
 * instansi key (wasdal verify-signature). */
#include "core/compat.h"
#include "app/kampanye.h"
#include "app/kampanye_code.h"
#include "app/audit.h"
#include "app/diff.h"
#include "app/integrity.h"
#include "core/err.h"
#include "core/xalloc.h"
#include "crypto/token.h"
#include <sodium.h>
#include <time.h>

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void copy(char *dst, size_t cap, const char *src)
{
	size_t n = strnlen(src ? src : "", cap - 1);
	memcpy(dst, src ? src : "", n);
	dst[n] = '\0';
}

/* Inside the write transaction: everything but the idempotent return. */
static int sign_tx(struct store *s, const struct principal *actor, const struct kampanye *k,
		   const struct pegawai *e, struct tanda_tangan *out, enum msg_id *err)
{
	struct dok_templat *t = xcalloc(1, sizeof(*t));
	struct instansi inst;
	struct instansi_key key;
	memset(&key, 0, sizeof(key));
	int rc = store_templat_get(s, k->templat_id, t);
	if (!rc)
		rc = store_instansi_get(s, k->instansi_id, &inst);
	char h[65];
	if (!rc) {
		/* Sign what is stored now, and only if it is what was published. */
		token_sha256_hex(t->teks, strlen(t->teks), h);
		if (strcmp(h, t->teks_sha256)) {
			*err = M_KAMP_TEMPLAT_TAMPERED;
			rc = APP_ECONFLICT;
		}
	}
	if (!rc)
		rc = integrity_signing_key_tx(s, &inst, &key);
	if (!rc) {
		struct declaration d;
		memset(&d, 0, sizeof(d));
		copy(d.instansi_kode, sizeof(d.instansi_kode), inst.kode);
		d.campaign_id = k->id;
		copy(d.nip, sizeof(d.nip), e->nip);
		d.signed_at_ms = now_ms();
		copy(d.doc_sha256, sizeof(d.doc_sha256), h);
		uint8_t sk[SIGN_SECRET_BYTES];
		if (hex_decode(sk, sizeof(sk), key.secret_hex, strlen(key.secret_hex)))
			rc = APP_EINTERNAL;
		if (!rc)
			rc = declaration_sign(&d, sk, out->payload, sizeof(out->payload));
		sodium_memzero(sk, sizeof(sk));
		sodium_memzero(key.secret_hex, sizeof(key.secret_hex));
		out->kampanye_id = k->id;
		out->templat_id = t->id;
		out->pegawai_id = e->id;
		copy(out->nip, sizeof(out->nip), e->nip);
		out->signed_ms = d.signed_at_ms;
		copy(out->doc_sha256, sizeof(out->doc_sha256), h);
		out->kunci_id = key.id;
		kode_random(out->kode, KODE_VERIFIKASI_LEN);
	}
	if (!rc)
		rc = store_ttd_insert(s, out);
	if (!rc) {
		struct diff df;
		diff_init(&df);
		diff_str(&df, "nip", NULL, out->nip);
		diff_int(&df, "templat_id", 0, out->templat_id);
		diff_str(&df, "doc_sha256", NULL, out->doc_sha256);
		diff_str(&df, "kode", NULL, out->kode);
		diff_str(&df, "kunci", NULL, key.public_hex);
		char id[24];
		snprintf(id, sizeof(id), "%lld", (long long)k->id);
		rc = audit_append(s, actor, "tanda_tangan", "kampanye", id, diff_json(&df));
		diff_release(&df);
	}
	free(t);
	return rc;
}

int kampanye_sign(struct store *s, const struct principal *actor, int64_t kampanye_id,
		  struct tanda_tangan *out, int *created, enum msg_id *err)
{
	enum msg_id dummy;
	if (!err)
		err = &dummy;
	*err = 0;
	*created = 0;
	memset(out, 0, sizeof(*out));
	if (!actor || actor->role != ROLE_ASN || !actor->nip[0]) {
		*err = M_KAMP_ONLY_ASN;
		return APP_EPERM;
	}
	for (int attempt = 0; attempt < 2; attempt++) {
		int rc = store_tx_begin(s, STORE_TX_WRITE);
		if (rc)
			return rc;
		struct kampanye k;
		struct pegawai e;
		int in = 0;
		rc = store_kampanye_get(s, kampanye_id, &k);
		if (!rc)
			rc = store_ttd_get(s, kampanye_id, actor->nip, out);
		if (!rc) { /* signed before: the same signature again */
			store_tx_rollback(s);
			return 0;
		}
		if (rc == APP_ENOTFOUND)
			rc = store_kampanye_in_scope(s, kampanye_id, actor->nip, &in);
		if (!rc && !in) {
			*err = M_KAMP_OUT_OF_SCOPE;
			rc = APP_EPERM;
		}
		if (!rc)
			rc = store_pegawai_get_by_nip(s, actor->nip, &e);
		if (!rc)
			rc = sign_tx(s, actor, &k, &e, out, err);
		if (rc) {
			store_tx_rollback(s);
			/* a concurrent click signed first: return that one */
			if (rc == APP_ECONFLICT && !*err && attempt == 0)
				continue;
			return rc;
		}
		rc = store_tx_commit(s);
		if (rc == APP_ECONFLICT && attempt == 0)
			continue;
		if (!rc)
			*created = 1;
		return rc;
	}
	return APP_EBUSY;
}

enum verif_status kampanye_verify_payload(const char *payload, const char *pubkey_hex,
					  const char *instansi_kode, const struct tanda_tangan *t,
					  const char *teks_sha256_now)
{
	struct declaration d;
	uint8_t pk[SIGN_PUBLIC_BYTES];
	if (declaration_parse(payload, strlen(payload), &d) ||
	    hex_decode(pk, sizeof(pk), pubkey_hex, strlen(pubkey_hex)) ||
	    declaration_verify(&d, pk))
		return VERIF_FORGED;
	/* The signed fields must be the row's: a valid payload of another
	 * signature pasted into this row is a forgery too. */
	if (strcmp(d.instansi_kode, instansi_kode) || d.campaign_id != t->kampanye_id ||
	    strcmp(d.nip, t->nip) || d.signed_at_ms != t->signed_ms ||
	    strcmp(d.doc_sha256, t->doc_sha256))
		return VERIF_FORGED;
	if (strcmp(d.doc_sha256, teks_sha256_now))
		return VERIF_DOC_CHANGED;
	return VERIF_GENUINE;
}

int kampanye_verify_code(struct store *s, const char *code, const char *client_key,
			 struct kampanye_verifikasi *v)
{
	memset(v, 0, sizeof(*v));
	int rc = kode_rate(s, "verifikasi", client_key, KAMPANYE_VERIFY_PER_MIN, 60000, now_ms());
	if (rc)
		return rc;
	char norm[KODE_VERIFIKASI_LEN + 1];
	if (kode_normalise(code, KODE_VERIFIKASI_LEN, norm))
		return APP_ENOTFOUND;
	kode_format(norm, v->code_fmt, sizeof(v->code_fmt));
	rc = store_tx_begin(s, STORE_TX_READ);
	if (rc)
		return rc;
	struct pegawai e;
	rc = store_ttd_get_by_kode(s, norm, &v->ttd);
	if (!rc)
		rc = store_kampanye_get(s, v->ttd.kampanye_id, &v->k);
	if (!rc)
		rc = store_templat_get(s, v->ttd.templat_id, &v->t);
	if (!rc)
		rc = store_instansi_get(s, v->k.instansi_id, &v->in);
	if (!rc)
		rc = store_instansi_key_get(s, v->ttd.kunci_id, &v->key);
	if (!rc && store_pegawai_get(s, v->ttd.pegawai_id, &e) == 0) {
		copy(v->nama, sizeof(v->nama), e.nama);
		copy(v->jabatan, sizeof(v->jabatan), e.jabatan);
		struct unit_kerja u;
		if (e.unit_id && store_unit_get(s, e.unit_id, &u) == 0)
			copy(v->unit_nama, sizeof(v->unit_nama), u.nama);
	}
	store_tx_rollback(s);
	if (rc)
		return rc;
	token_sha256_hex(v->t.teks, strlen(v->t.teks), v->teks_sha256_now);
	v->status = kampanye_verify_payload(v->ttd.payload, v->key.public_hex, v->in.kode, &v->ttd,
					    v->teks_sha256_now);
	return 0;
}
