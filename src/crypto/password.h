/* Password hashing: Argon2id through libsodium's crypto_pwhash_str with the
 * INTERACTIVE costs (64 MiB, t=2). Each hash or verify holds one slot of a
 * counting semaphore of LIMIT_PWHASH_CONCURRENCY, so a burst of logins
 * queues instead of eating all memory and cores. */
#ifndef WASDAL_CRYPTO_PASSWORD_H
#define WASDAL_CRYPTO_PASSWORD_H

#include <stddef.h>
#include <stdint.h>

#define PASSWORD_HASH_MAX 128  /* crypto_pwhash_STRBYTES */

/* Hash password[0..len) into out (NUL-terminated "$argon2id$..."), 0 or a
 * negative app_err (APP_ENOMEM when the hash memory cannot be had). */
int password_hash(const char *password, size_t len, char out[PASSWORD_HASH_MAX]);
/* Raw Argon2id (crypto_pwhash, ALG_ARGON2ID13) of secret[0..len) with a
 * 16-byte salt into out[0..outlen), holding one of the same concurrency
 * slots as password_hash. For keys and lookup hashes (receipt codes, the
 * oversight key's passphrase), not for stored passwords. 0, APP_ETOOBIG,
 * or APP_ENOMEM. */
int password_derive(const void *secret, size_t len, const unsigned char *salt, uint64_t ops,
		    size_t mem, unsigned char *out, size_t outlen);
/* 1 when password matches the stored hash, 0 when not (or the hash is
 * malformed). */
int password_verify(const char *hash, const char *password, size_t len);
/* 1 when hash was made with other costs than today's (rehash on login). */
int password_needs_rehash(const char *hash);
/* A valid hash of a random password, made once: verify against it when the
 * user is unknown so that answer takes as long as a wrong password. */
const char *password_dummy_hash(void);

/* Most hashes/verifies ever running at once in this process (tests). */
int password_hash_peak(void);

#endif
