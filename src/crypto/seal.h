/* Sealing reporters' identities to the oversight (pengawas) key.
 *
 * The key pair is X25519 (libsodium crypto_box). The server keeps only the
 * public key in the clear: anyone filing a report can seal to it
 * (crypto_box_seal, anonymous sender), nobody on the server can open it.
 * The secret key is kept encrypted with crypto_secretbox under a key
 * derived by Argon2id from a passphrase that only the custodian holds; it
 * is decrypted in memory for one opening and wiped right after.
 *
 * Trade-off (docs/netralitas.md): a database thief gets sealed boxes and
 * an encrypted key, and must guess the passphrase through Argon2id; a
 * server operator who captures the passphrase while a custodian types it
 * can open identities, which is why each opening is recorded where the
 * reporter sees it. */
#ifndef WASDAL_CRYPTO_SEAL_H
#define WASDAL_CRYPTO_SEAL_H

#include <stddef.h>
#include <stdint.h>

#define SEAL_PASSPHRASE_MIN 12

/* The stored form of an oversight key: public key and the encrypted secret
 * key with what is needed to derive the passphrase key. */
struct sealed_keypair {
	char public_hex[65];
	char secret_box_hex[97];   /* secretbox(secret key): 32 + 16 bytes */
	char nonce_hex[49];
	char kdf_salt_hex[33];
	int64_t kdf_ops, kdf_mem;
};

/* A new key pair, its secret key encrypted under the passphrase. Argon2id
 * costs: opslimit MODERATE, memlimit INTERACTIVE (64 MiB), stored with the
 * key so they can be raised later. APP_EINVAL for a passphrase shorter
 * than SEAL_PASSPHRASE_MIN bytes. */
int seal_keypair_create(const char *passphrase, size_t len, struct sealed_keypair *out);
/* The secret key, decrypted with the passphrase: 0, APP_EPERM for a wrong
 * passphrase, APP_EINVAL for a malformed stored key. Wipe sk after use. */
int seal_keypair_unlock(const struct sealed_keypair *k, const char *passphrase, size_t len,
			unsigned char sk[32]);
/* crypto_box_seal of msg[0..n) to the public key, base64 (original
 * variant, padded) into out. APP_ETOOBIG when out is too small. */
int seal_box(const char *public_hex, const void *msg, size_t n, char *out, size_t outsz);
/* Opens a sealed box: plain text into out (NUL-terminated), *outlen its
 * length. APP_EPERM when the box was not sealed to this key or was
 * altered, APP_EINVAL when it is not base64, APP_ETOOBIG when out is too
 * small. */
int seal_open(const char *public_hex, const unsigned char sk[32], const char *b64, char *out,
	      size_t outsz, size_t *outlen);

#endif
