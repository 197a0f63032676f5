/* Receipt codes of citizen reports (see receipt.h). */
#include "core/compat.h"
#include "crypto/receipt.h"
#include "crypto/crypto.h"
#include "crypto/password.h"
#include "crypto/token.h"
#include "core/err.h"
#include <sodium.h>

int receipt_new(char out[RECEIPT_DIGITS + 1])
{
	return token_random_digits(out, RECEIPT_DIGITS);
}

void receipt_display(const char *digits, char out[RECEIPT_DISPLAY])
{
	size_t o = 0;
	for (size_t i = 0; i < RECEIPT_DIGITS && digits[i]; i++) {
		if (i && i % 4 == 0)
			out[o++] = '-';
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

int receipt_normalize(const char *typed, char out[RECEIPT_DIGITS + 1])
{
	size_t n = 0;
	if (!typed)
		return APP_EINVAL;
	for (const char *p = typed; *p; p++) {
		if (*p >= '0' && *p <= '9') {
			if (n == RECEIPT_DIGITS)
				return APP_EINVAL;
			out[n++] = *p;
		} else if (*p != ' ' && *p != '-' && *p != '.' && *p != '\t') {
			return APP_EINVAL;
		}
	}
	out[n] = '\0';
	return n == RECEIPT_DIGITS ? 0 : APP_EINVAL;
}

int receipt_salt_new(char out[RECEIPT_SALT_HEX])
{
	unsigned char salt[crypto_pwhash_SALTBYTES];
	crypto_init();
	randombytes_buf(salt, sizeof(salt));
	sodium_bin2hex(out, RECEIPT_SALT_HEX, salt, sizeof(salt));
	return 0;
}

_Static_assert(crypto_pwhash_SALTBYTES * 2 + 1 == RECEIPT_SALT_HEX, "salt size");

int receipt_hash(const char *digits, const char *salt_hex, char out[RECEIPT_HASH_HEX])
{
	unsigned char salt[crypto_pwhash_SALTBYTES], h[32];
	size_t bin_len = 0;
	crypto_init();
	if (!digits || strlen(digits) != RECEIPT_DIGITS || strspn(digits, "0123456789") != RECEIPT_DIGITS)
		return APP_EINVAL;
	if (!salt_hex || strlen(salt_hex) != RECEIPT_SALT_HEX - 1 ||
	    sodium_hex2bin(salt, sizeof(salt), salt_hex, strlen(salt_hex), NULL, &bin_len, NULL) ||
	    bin_len != sizeof(salt))
		return APP_EINVAL;
	int rc = password_derive(digits, RECEIPT_DIGITS, salt, crypto_pwhash_OPSLIMIT_INTERACTIVE,
				 crypto_pwhash_MEMLIMIT_INTERACTIVE, h, sizeof(h));
	if (rc)
		return rc;
	sodium_bin2hex(out, RECEIPT_HASH_HEX, h, sizeof(h));
	sodium_memzero(h, sizeof(h));
	return 0;
}
