#include "core/compat.h"
#include "app/integrity.h"
#include "app/audit.h"
#include "app/diff.h"
#include "core/err.h"
#include "crypto/sign.h"
#include <sodium.h>

int integrity_instansi_public(struct store *s, const char *kode, struct instansi *out)
{
	if (!kode || !*kode || strlen(kode) >= sizeof(out->kode))
		return APP_ENOTFOUND;
	int rc = store_tx_begin(s, STORE_TX_READ);
	if (rc)
		return rc;
	rc = store_instansi_get_by_kode(s, kode, out);
	store_tx_rollback(s);
	return rc;
}

static int make_key(struct instansi_key *k)
{
	uint8_t pk[SIGN_PUBLIC_BYTES], sk[SIGN_SECRET_BYTES];
	if (sign_keypair(pk, sk))
		return APP_EINTERNAL;
	hex_encode(k->public_hex, pk, sizeof(pk));
	hex_encode(k->secret_hex, sk, sizeof(sk));
	sodium_memzero(sk, sizeof(sk));
	return 0;
}

int integrity_key_ensure(struct store *s, const struct principal *actor, const char *kode,
			 int rotate, struct instansi_key *out, int *created)
{
	struct instansi in;
	*created = 0;
	if (!principal_can(actor, PERM_USER_ADMIN) || actor->role != ROLE_ADMIN)
		return APP_EPERM;
	if (!kode || !*kode || strlen(kode) >= sizeof(in.kode))
		return APP_ENOTFOUND;
	int rc = store_tx_begin(s, STORE_TX_WRITE);
	if (rc)
		return rc;
	rc = store_instansi_get_by_kode(s, kode, &in);
	struct instansi_key cur = { 0 };
	int have = 0;
	if (!rc) {
		rc = store_instansi_key_current(s, in.id, &cur);
		if (rc == APP_ENOTFOUND)
			rc = 0;
		else if (!rc)
			have = 1;
	}
	if (!rc && have && !rotate) {
		*out = cur;
	} else if (!rc) {
		memset(out, 0, sizeof(*out));
		out->instansi_id = in.id;
		rc = make_key(out);
		if (!rc)
			rc = store_instansi_key_insert(s, out);
		if (!rc) {
			struct diff d;
			diff_init(&d);
			diff_str(&d, "public_key", have ? cur.public_hex : NULL, out->public_hex);
			rc = audit_append(s, actor, have ? "instansi_key_rotate" : "instansi_key_create",
					  "instansi", in.kode, diff_json(&d));
			diff_release(&d);
		}
		if (!rc)
			*created = 1;
	}
	sodium_memzero(cur.secret_hex, sizeof(cur.secret_hex));
	sodium_memzero(out->secret_hex, sizeof(out->secret_hex));
	if (rc) {
		store_tx_rollback(s);
		return rc;
	}
	return store_tx_commit(s);
}

int integrity_signing_key_tx(struct store *s, const struct instansi *in, struct instansi_key *out)
{
	int rc = store_instansi_key_current(s, in->id, out);
	if (rc != APP_ENOTFOUND)
		return rc;
	memset(out, 0, sizeof(*out));
	out->instansi_id = in->id;
	rc = make_key(out);
	if (!rc)
		rc = store_instansi_key_insert(s, out);
	if (!rc) {
		struct diff d;
		diff_init(&d);
		diff_str(&d, "public_key", NULL, out->public_hex);
		diff_note(&d, "reason", "first_signature");
		rc = audit_append(s, NULL, "instansi_key_create", "instansi", in->kode, diff_json(&d));
		diff_release(&d);
	}
	if (rc)
		sodium_memzero(out->secret_hex, sizeof(out->secret_hex));
	return rc;
}

int integrity_keys_public(struct store *s, const char *kode, struct instansi *in,
			  struct instansi_key *keys, size_t max, size_t *n)
{
	*n = 0;
	if (!kode || !*kode || strlen(kode) >= sizeof(in->kode))
		return APP_ENOTFOUND;
	int rc = store_tx_begin(s, STORE_TX_READ);
	if (rc)
		return rc;
	rc = store_instansi_get_by_kode(s, kode, in);
	if (!rc)
		rc = store_instansi_key_list(s, in->id, keys, max, n);
	store_tx_rollback(s);
	if (rc)
		return rc;
	/* The current key first, then the retired ones newest first. */
	for (size_t i = 0; i < *n; i++) {
		if (keys[i].retired_ms == 0 && i > 0) {
			struct instansi_key k = keys[i];
			memmove(&keys[1], &keys[0], i * sizeof(keys[0]));
			keys[0] = k;
			break;
		}
	}
	return 0;
}
