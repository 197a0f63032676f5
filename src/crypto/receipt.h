/* The receipt code a citizen gets when filing a report: 16 random decimal
 * digits (about 53 bits), shown once, grouped 4-4-4-4 for reading aloud
 * and typing. Only Argon2id(receipt, per-install salt) is stored; because
 * the salt is one per install the hash is also the lookup key, so a
 * receipt finds its case without a scan. Guessing is stopped by the rate
 * limit in front of the lookup, and a stolen database still costs one
 * Argon2id per guess out of 10^16. */
#ifndef WASDAL_CRYPTO_RECEIPT_H
#define WASDAL_CRYPTO_RECEIPT_H

#include <stddef.h>

#define RECEIPT_DIGITS 16
#define RECEIPT_DISPLAY 20  /* "1234-5678-9012-3456" + NUL */
#define RECEIPT_SALT_HEX 33 /* 16 bytes in hex + NUL */
#define RECEIPT_HASH_HEX 65 /* 32 bytes in hex + NUL */

/* 16 uniformly random digits into out. */
int receipt_new(char out[RECEIPT_DIGITS + 1]);
/* "1234-5678-9012-3456" from 16 digits. */
void receipt_display(const char *digits, char out[RECEIPT_DISPLAY]);
/* What a person typed, with spaces, dashes or dots between groups, into the
 * 16 bare digits: 0, or APP_EINVAL when it is not exactly 16 digits. */
int receipt_normalize(const char *typed, char out[RECEIPT_DIGITS + 1]);
/* A fresh random salt, hex. */
int receipt_salt_new(char out[RECEIPT_SALT_HEX]);
/* Argon2id of the 16 digits with the install salt (hex), as 64 hex
 * characters. APP_EINVAL for a malformed receipt or salt, APP_ENOMEM when
 * the hash memory cannot be had. */
int receipt_hash(const char *digits, const char *salt_hex, char out[RECEIPT_HASH_HEX]);

#endif
