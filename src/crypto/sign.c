#include "core/compat.h"
#include "crypto/crypto.h"
#include "crypto/sign.h"
#include "crypto/password.h"
#include <sodium.h>

int sign_keypair(uint8_t pk[SIGN_PUBLIC_BYTES], uint8_t sk[SIGN_SECRET_BYTES])
{
	crypto_init();
	return crypto_sign_keypair(pk, sk);
}

void sign_detached(uint8_t sig[SIGN_BYTES], const void *msg, size_t len,
		   const uint8_t sk[SIGN_SECRET_BYTES])
{
	crypto_init();
	crypto_sign_detached(sig, NULL, msg, len, sk);
}

int sign_verify(const uint8_t sig[SIGN_BYTES], const void *msg, size_t len,
		const uint8_t pk[SIGN_PUBLIC_BYTES])
{
	crypto_init();
	return crypto_sign_verify_detached(sig, msg, len, pk) == 0 ? 0 : -1;
}

void hex_encode(char *out, const uint8_t *in, size_t n)
{
	static const char digits[] = "0123456789abcdef";
	for (size_t i = 0; i < n; i++) {
		out[2 * i] = digits[in[i] >> 4];
		out[2 * i + 1] = digits[in[i] & 15];
	}
	out[2 * n] = '\0';
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int hex_decode(uint8_t *out, size_t n, const char *in, size_t inlen)
{
	if (inlen != 2 * n)
		return -1;
	for (size_t i = 0; i < n; i++) {
		int hi = hexval(in[2 * i]), lo = hexval(in[2 * i + 1]);
		if (hi < 0 || lo < 0)
			return -1;
		out[i] = (uint8_t)(hi << 4 | lo);
	}
	return 0;
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

size_t b64url_encode(char *out, const uint8_t *in, size_t n)
{
	size_t o = 0, i = 0;
	for (; i + 2 < n; i += 3) {
		uint32_t v = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8 | in[i + 2];
		out[o++] = b64[v >> 18 & 63];
		out[o++] = b64[v >> 12 & 63];
		out[o++] = b64[v >> 6 & 63];
		out[o++] = b64[v & 63];
	}
	if (n - i == 1) {
		uint32_t v = (uint32_t)in[i] << 16;
		out[o++] = b64[v >> 18 & 63];
		out[o++] = b64[v >> 12 & 63];
	} else if (n - i == 2) {
		uint32_t v = (uint32_t)in[i] << 16 | (uint32_t)in[i + 1] << 8;
		out[o++] = b64[v >> 18 & 63];
		out[o++] = b64[v >> 12 & 63];
		out[o++] = b64[v >> 6 & 63];
	}
	out[o] = '\0';
	return o;
}

static int b64val(char c)
{
	const char *p = c ? strchr(b64, c) : NULL;
	return p ? (int)(p - b64) : -1;
}

long b64url_decode(uint8_t *out, size_t max, const char *in, size_t inlen)
{
	if (inlen % 4 == 1)
		return -1;
	size_t o = 0;
	uint32_t acc = 0;
	int bits = 0;
	for (size_t i = 0; i < inlen; i++) {
		int v = b64val(in[i]);
		if (v < 0)
			return -1;
		acc = acc << 6 | (uint32_t)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			if (o >= max)
				return -1;
			out[o++] = (uint8_t)(acc >> bits);
		}
	}
	/* Leftover bits must be zero, so each byte string has one encoding. */
	if (acc & ((1u << bits) - 1))
		return -1;
	return (long)o;
}
