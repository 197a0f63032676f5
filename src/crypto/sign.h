/* Ed25519 signatures (libsodium) and the encodings used to print them:
 * hex for keys, base64url for signatures inside QR codes. */
#ifndef WASDAL_CRYPTO_SIGN_H
#define WASDAL_CRYPTO_SIGN_H

#include <stddef.h>
#include <stdint.h>

#define SIGN_PUBLIC_BYTES 32
#define SIGN_SECRET_BYTES 64
#define SIGN_BYTES 64

int sign_keypair(uint8_t pk[SIGN_PUBLIC_BYTES], uint8_t sk[SIGN_SECRET_BYTES]);
void sign_detached(uint8_t sig[SIGN_BYTES], const void *msg, size_t len,
		   const uint8_t sk[SIGN_SECRET_BYTES]);
/* 0 when sig is a valid signature of msg by pk. */
int sign_verify(const uint8_t sig[SIGN_BYTES], const void *msg, size_t len,
		const uint8_t pk[SIGN_PUBLIC_BYTES]);

/* Hex of n bytes into out (2n+1 bytes). */
void hex_encode(char *out, const uint8_t *in, size_t n);
/* Exactly 2n hex digits into n bytes; 0 on success. */
int hex_decode(uint8_t *out, size_t n, const char *in, size_t inlen);
/* Unpadded base64url; out needs 4*ceil(n/3)+1 bytes. Returns the length. */
size_t b64url_encode(char *out, const uint8_t *in, size_t n);
/* Decode into out (at most max bytes); returns the length or -1. */
long b64url_decode(uint8_t *out, size_t max, const char *in, size_t inlen);

#endif
