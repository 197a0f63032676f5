/* Streaming SHA-256. libsodium's portable SHA-256 runs at about 100 MB/s,
 * which alone would take seconds on a national CPNS input; on CPUs with the
 * SHA extensions (Intel Goldmont+/Ice Lake+, AMD Zen) the compression runs
 * on those instructions instead (over 1 GB/s). Elsewhere it falls back to
 * libsodium's crypto_hash_sha256 streaming API. Both give the same digest
 * (tests/unit/test_sha256.c checks them against each other). */
#ifndef WASDAL_CRYPTO_SHA256_H
#define WASDAL_CRYPTO_SHA256_H

#include <stddef.h>
#include <stdint.h>
#include <sodium.h>

#define SHA256_BYTES 32
#define SHA256_HEX 65 /* 64 hex digits + NUL */

struct sha256 {
	int hw;                 /* 1: SHA-NI path below, 0: libsodium */
	uint32_t h[8];
	uint64_t total;         /* bytes hashed */
	uint8_t block[64];
	size_t fill;
	crypto_hash_sha256_state sodium;
};

/* force_portable: 1 uses libsodium even on SHA-NI CPUs (for tests). */
void sha256_init(struct sha256 *s, int force_portable);
void sha256_update(struct sha256 *s, const void *data, size_t n);
void sha256_final(struct sha256 *s, uint8_t out[SHA256_BYTES]);
/* One-shot helper. */
void sha256_buf(const void *data, size_t n, uint8_t out[SHA256_BYTES]);
/* Lower-case hex, NUL-terminated. */
void sha256_hex(const uint8_t dig[SHA256_BYTES], char out[SHA256_HEX]);
/* True when the SHA-NI path is in use on this CPU. */
int sha256_has_hw(void);

#endif
