#include "core/compat.h"
#include "app/kampanye_code.h"
#include "crypto/crypto.h"
#include "crypto/token.h"
#include "core/buf.h"
#include "core/err.h"
#include "store/store.h"
#include <pthread.h>
#include <sodium.h>

const char kode_alphabet[33] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

void kode_random(char *out, size_t n)
{
	crypto_init();
	for (size_t i = 0; i < n; i++)
		out[i] = kode_alphabet[randombytes_uniform(32)];
	out[n] = '\0';
}

static int fold(char c)
{
	if (c >= 'a' && c <= 'z')
		c = (char)(c - 'a' + 'A');
	if (c == 'O')
		return '0';
	if (c == 'I' || c == 'L')
		return '1';
	if (c == 'U')
		return -1;
	if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))
		return c;
	return -1;
}

int kode_normalise(const char *in, size_t want, char *out)
{
	size_t n = 0;
	if (!in)
		return -1;
	for (const char *p = in; *p; p++) {
		if (*p == '-' || *p == ' ')
			continue;
		int c = fold(*p);
		if (c < 0 || n == want)
			return -1;
		out[n++] = (char)c;
	}
	out[n] = '\0';
	return n == want ? 0 : -1;
}

void kode_format(const char *code, char *out, size_t outsz)
{
	size_t n = strlen(code), group = n == KODE_VERIFIKASI_LEN ? 5 : 4, k = 0;
	for (size_t i = 0; i < n && k + 2 < outsz; i++) {
		if (i && i % group == 0)
			out[k++] = '-';
		out[k++] = code[i];
	}
	out[k < outsz ? k : outsz - 1] = '\0';
}

void kode_aktivasi_hash(const char *nip, const char *code, char out[65])
{
	char m[96];
	int n = snprintf(m, sizeof(m), "wasdal-aktivasi-v1\n%s\n%s", nip, code);
	token_sha256_hex(m, n > 0 ? (size_t)n : 0, out);
	sodium_memzero(m, sizeof(m));
}

static unsigned char g_rate_key[crypto_generichash_KEYBYTES];
static pthread_once_t g_rate_once = PTHREAD_ONCE_INIT;

static void rate_key_init(void)
{
	crypto_init();
	randombytes_buf(g_rate_key, sizeof(g_rate_key));
}

int kode_rate(struct store *s, const char *kind, const char *key, int64_t limit,
	      int64_t window_ms, int64_t now_ms)
{
	char k[96], hex[33];
	unsigned char h[16];
	int64_t n = 0;
	key = key && *key ? key : "-";
	pthread_once(&g_rate_once, rate_key_init);
	crypto_generichash(h, sizeof(h), (const unsigned char *)key, strlen(key), g_rate_key,
			   sizeof(g_rate_key));
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	snprintf(k, sizeof(k), "%.32s:%s", kind, hex);
	int rc = store_rate_hit(s, k, now_ms, window_ms, &n);
	if (rc)
		return rc;
	return n > limit ? APP_EBUSY : 0;
}
