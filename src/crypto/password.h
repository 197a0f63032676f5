/* Password hashing: Argon2id through libsodium's crypto_pwhash_str with the
 * INTERACTIVE costs (64 MiB, t=2). Each hash or verify holds one slot of a
 * counting semaphore of LIMIT_PWHASH_CONCURRENCY, so a burst of logins
 * queues instead of eating all memory and cores. */
#ifndef WASDAL_CRYPTO_PASSWORD_H
#define WASDAL_CRYPTO_PASSWORD_H

#include <stddef.h>

#define PASSWORD_HASH_MAX 128  /* crypto_pwhash_STRBYTES */

/* Hash password[0..len) into out (NUL-terminated "$argon2id$..."), 0 or a
 * negative app_err (APP_ENOMEM when the hash memory cannot be had). */
int password_hash(const char *password, size_t len, char out[PASSWORD_HASH_MAX]);
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
