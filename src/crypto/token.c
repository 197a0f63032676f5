/* Random tokens and SHA-256 hex digests (libsodium). */
#include "core/compat.h"
#include "crypto/crypto.h"
#include "crypto/token.h"
#include "crypto/crypto.h"
#include "core/err.h"
#include <pthread.h>
#include <sodium.h>

int token_random_hex(char out[TOKEN_HEX_LEN + 1])
{
	crypto_init();
	unsigned char raw[TOKEN_HEX_LEN / 2];
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(out, TOKEN_HEX_LEN + 1, raw, sizeof(raw));
	sodium_memzero(raw, sizeof(raw));
	return 0;
}

void token_sha256_hex(const void *data, size_t n, char out[TOKEN_HEX_LEN + 1])
{
	unsigned char d[crypto_hash_sha256_BYTES];
	crypto_init();
	crypto_hash_sha256(d, data, n);
	sodium_bin2hex(out, TOKEN_HEX_LEN + 1, d, sizeof(d));
}

void token_hash_hex(const char *token, char out[TOKEN_HEX_LEN + 1])
{
	token_sha256_hex(token, strlen(token), out);
}

static unsigned char cache_key_secret[crypto_generichash_KEYBYTES];

static void cache_key_init(void)
{
	crypto_init();
	randombytes_buf(cache_key_secret, sizeof(cache_key_secret));
}

void token_cache_key(const char *token, unsigned char out[TOKEN_CACHE_KEY_LEN])
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, cache_key_init);
	crypto_generichash(out, TOKEN_CACHE_KEY_LEN, (const unsigned char *)token, strlen(token),
			   cache_key_secret, sizeof(cache_key_secret));
}

int token_is_well_formed(const char *s)
{
	if (!s)
		return 0;
	size_t i;
	for (i = 0; s[i] && i <= TOKEN_HEX_LEN; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return i == TOKEN_HEX_LEN;
}

int token_equal(const char *a, const char *b)
{
	size_t n = strlen(a);
	if (n != strlen(b))
		return 0;
	return sodium_memcmp(a, b, n) == 0;
}

int token_random_digits(char *out, size_t n)
{
	crypto_init();
	for (size_t i = 0; i < n; i++)
		out[i] = (char)('0' + randombytes_uniform(10));
	out[n] = '\0';
	return 0;
}
