/* Random tokens (sessions, CSRF, API tokens) and their SHA-256 digests.
 * A token is 32 random bytes shown as 64 lower-case hex characters; only
 * token_sha256_hex(token) is ever stored. */
#ifndef WASDAL_CRYPTO_TOKEN_H
#define WASDAL_CRYPTO_TOKEN_H

#include <stddef.h>

#define TOKEN_HEX_LEN 64

/* 64 hex characters + NUL into out. 0 or APP_EINTERNAL. */
int token_random_hex(char out[TOKEN_HEX_LEN + 1]);
/* Hex SHA-256 of data[0..n) into out (65 bytes). */
void token_sha256_hex(const void *data, size_t n, char out[TOKEN_HEX_LEN + 1]);
/* Hex SHA-256 of a NUL-terminated token. */
void token_hash_hex(const char *token, char out[TOKEN_HEX_LEN + 1]);
/* A process-local key for a token: keyed BLAKE2b under a random key drawn
 * once per process, for in-memory lookups (app/auth_cache.c) that must not
 * keep the token itself. Several times cheaper than token_hash_hex; never
 * stored and never comparable across processes. */
#define TOKEN_CACHE_KEY_LEN 32
void token_cache_key(const char *token, unsigned char out[TOKEN_CACHE_KEY_LEN]);
/* 1 when s is exactly 64 lower-case hex characters. */
int token_is_well_formed(const char *s);
/* Constant-time comparison of two equal-length strings; 0 when different
 * lengths. */
int token_equal(const char *a, const char *b);
/* n uniformly random digits '0'..'9' into out (n + 1 bytes). */
int token_random_digits(char *out, size_t n);

#endif
