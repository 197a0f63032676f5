/* HMAC-SHA256 (RFC 2104) over libsodium, for signing outbound webhooks. */
#ifndef WASDAL_CRYPTO_HMAC_H
#define WASDAL_CRYPTO_HMAC_H

#include <stddef.h>
#include <stdint.h>

/* hex of HMAC-SHA256(key, a || b), lower-case, NUL-terminated (65 bytes).
 * b may be NULL. Keys of any length (RFC 2104: longer ones are hashed). */
void hmac_sha256_hex(const void *key, size_t keylen, const void *a, size_t alen,
		     const void *b, size_t blen, char out[65]);

/* Constant-time comparison of two NUL-terminated hex digests. */
int hmac_hex_equal(const char *x, const char *y);

#endif
