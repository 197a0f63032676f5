/* Sealed boxes to the oversight key and its passphrase-protected secret
 * key (see seal.h). */
#include "core/compat.h"
#include "crypto/seal.h"
#include "crypto/crypto.h"
#include "crypto/password.h"
#include "core/err.h"
#include <sodium.h>

_Static_assert(crypto_box_PUBLICKEYBYTES == 32 && crypto_box_SECRETKEYBYTES == 32, "x25519");
_Static_assert(crypto_secretbox_NONCEBYTES == 24 && crypto_secretbox_MACBYTES == 16, "secretbox");

static int hex_exact(const char *hex, unsigned char *bin, size_t n)
{
	size_t got = 0;
	if (!hex || strlen(hex) != 2 * n)
		return APP_EINVAL;
	if (sodium_hex2bin(bin, n, hex, 2 * n, NULL, &got, NULL) || got != n)
		return APP_EINVAL;
	return 0;
}

static int derive(const char *pass, size_t len, const unsigned char salt[16], int64_t ops,
		  int64_t mem, unsigned char key[32])
{
	if (ops < 1 || mem < 8192)
		return APP_EINVAL;
	return password_derive(pass, len, salt, (uint64_t)ops, (size_t)mem, key, 32);
}

int seal_keypair_create(const char *passphrase, size_t len, struct sealed_keypair *out)
{
	unsigned char pk[32], sk[32], salt[16], nonce[24], key[32], box[48];
	crypto_init();
	memset(out, 0, sizeof(*out));
	if (!passphrase || len < SEAL_PASSPHRASE_MIN)
		return APP_EINVAL;
	crypto_box_keypair(pk, sk);
	randombytes_buf(salt, sizeof(salt));
	randombytes_buf(nonce, sizeof(nonce));
	out->kdf_ops = crypto_pwhash_OPSLIMIT_MODERATE;
	out->kdf_mem = crypto_pwhash_MEMLIMIT_INTERACTIVE;
	int rc = derive(passphrase, len, salt, out->kdf_ops, out->kdf_mem, key);
	if (!rc) {
		crypto_secretbox_easy(box, sk, sizeof(sk), nonce, key);
		sodium_bin2hex(out->public_hex, sizeof(out->public_hex), pk, sizeof(pk));
		sodium_bin2hex(out->secret_box_hex, sizeof(out->secret_box_hex), box, sizeof(box));
		sodium_bin2hex(out->nonce_hex, sizeof(out->nonce_hex), nonce, sizeof(nonce));
		sodium_bin2hex(out->kdf_salt_hex, sizeof(out->kdf_salt_hex), salt, sizeof(salt));
	}
	sodium_memzero(sk, sizeof(sk));
	sodium_memzero(key, sizeof(key));
	return rc;
}

int seal_keypair_unlock(const struct sealed_keypair *k, const char *passphrase, size_t len,
			unsigned char sk[32])
{
	unsigned char pk[32], salt[16], nonce[24], key[32], box[48], check[32];
	crypto_init();
	if (hex_exact(k->public_hex, pk, sizeof(pk)) || hex_exact(k->kdf_salt_hex, salt, sizeof(salt)) ||
	    hex_exact(k->nonce_hex, nonce, sizeof(nonce)) ||
	    hex_exact(k->secret_box_hex, box, sizeof(box)))
		return APP_EINVAL;
	if (!passphrase)
		return APP_EPERM;
	int rc = derive(passphrase, len, salt, k->kdf_ops, k->kdf_mem, key);
	if (rc)
		return rc;
	if (crypto_secretbox_open_easy(sk, box, sizeof(box), nonce, key)) {
		rc = APP_EPERM;
	} else {
		/* The decrypted key must belong to the stored public key. */
		crypto_scalarmult_base(check, sk);
		if (sodium_memcmp(check, pk, sizeof(pk)))
			rc = APP_EINVAL;
	}
	if (rc)
		sodium_memzero(sk, 32);
	sodium_memzero(key, sizeof(key));
	return rc;
}

int seal_box(const char *public_hex, const void *msg, size_t n, char *out, size_t outsz)
{
	unsigned char pk[32];
	crypto_init();
	if (hex_exact(public_hex, pk, sizeof(pk)))
		return APP_EINVAL;
	size_t clen = n + crypto_box_SEALBYTES;
	if (sodium_base64_ENCODED_LEN(clen, sodium_base64_VARIANT_ORIGINAL) > outsz)
		return APP_ETOOBIG;
	unsigned char *c = sodium_malloc(clen);
	if (!c)
		return APP_ENOMEM;
	int rc = crypto_box_seal(c, msg, n, pk) ? APP_EINTERNAL : 0;
	if (!rc)
		sodium_bin2base64(out, outsz, c, clen, sodium_base64_VARIANT_ORIGINAL);
	sodium_free(c);
	return rc;
}

int seal_open(const char *public_hex, const unsigned char sk[32], const char *b64, char *out,
	      size_t outsz, size_t *outlen)
{
	unsigned char pk[32];
	crypto_init();
	*outlen = 0;
	if (hex_exact(public_hex, pk, sizeof(pk)) || !b64)
		return APP_EINVAL;
	size_t blen = strlen(b64), clen = 0;
	unsigned char *c = sodium_malloc(blen + 1);
	if (!c)
		return APP_ENOMEM;
	int rc = 0;
	if (sodium_base642bin(c, blen + 1, b64, blen, NULL, &clen, NULL,
			      sodium_base64_VARIANT_ORIGINAL) || clen < crypto_box_SEALBYTES)
		rc = APP_EINVAL;
	else if (clen - crypto_box_SEALBYTES + 1 > outsz)
		rc = APP_ETOOBIG;
	else if (crypto_box_seal_open((unsigned char *)out, c, clen, pk, sk))
		rc = APP_EPERM;
	if (!rc) {
		*outlen = clen - crypto_box_SEALBYTES;
		out[*outlen] = '\0';
	}
	sodium_free(c);
	return rc;
}
