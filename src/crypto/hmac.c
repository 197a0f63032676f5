#include "core/compat.h"
#include "crypto/hmac.h"
#include "crypto/crypto.h"
#include "crypto/sign.h"
#include <sodium.h>

void hmac_sha256_hex(const void *key, size_t keylen, const void *a, size_t alen,
		     const void *b, size_t blen, char out[65])
{
	crypto_init();
	crypto_auth_hmacsha256_state st;
	uint8_t mac[crypto_auth_hmacsha256_BYTES];
	crypto_auth_hmacsha256_init(&st, key, keylen);
	crypto_auth_hmacsha256_update(&st, a, alen);
	if (b && blen)
		crypto_auth_hmacsha256_update(&st, b, blen);
	crypto_auth_hmacsha256_final(&st, mac);
	hex_encode(out, mac, sizeof(mac));
	sodium_memzero(&st, sizeof(st));
}

int hmac_hex_equal(const char *x, const char *y)
{
	size_t n = strlen(x);
	if (n != strlen(y))
		return 0;
	return sodium_memcmp(x, y, n) == 0;
}
