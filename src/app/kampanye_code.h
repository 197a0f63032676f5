/* Short codes that people read, type and print: the verification code of a
 * signed declaration (10 characters) and the one-time activation code of an
 * ASN account (12 characters). Crockford base32: digits and upper-case
 * letters without I, L, O and U, so nothing reads as something else; on
 * input, lower case is folded, O reads as 0, I and L as 1, and hyphens and
 * spaces are ignored. */
#ifndef WASDAL_APP_KAMPANYE_CODE_H
#define WASDAL_APP_KAMPANYE_CODE_H

#include <stddef.h>
#include <stdint.h>

#define KODE_VERIFIKASI_LEN 10   /* 50 bits */
#define KODE_AKTIVASI_LEN 12     /* 60 bits */

extern const char kode_alphabet[33];

/* n random characters of the alphabet into out (n + 1 bytes). */
void kode_random(char *out, size_t n);

/* Normalise what a person typed into exactly want characters of the
 * alphabet (out has want + 1 bytes). 0, or -1 when it is not such a code. */
int kode_normalise(const char *in, size_t want, char *out);

/* Groups for display: "ABCDE-FGHJK" (10) or "ABCD-EFGH-JKMN" (12); out has
 * at least 16 bytes. */
void kode_format(const char *code, char *out, size_t outsz);

/* The stored form of an activation code: SHA-256 hex of a domain string,
 * the NIP and the normalised code. */
void kode_aktivasi_hash(const char *nip, const char *code, char out[65]);

struct store;
/* Count one hit of kind for key in a fixed window and say whether it is
 * over limit (APP_EBUSY), like store_rate_hit, but the stored key never
 * holds the client's address or the NIP: it is a keyed hash under a key
 * that lives only in this process's memory (as app/laporan.c does; the
 * windows are a minute, so a restart losing the counts is fine). */
int kode_rate(struct store *s, const char *kind, const char *key, int64_t limit,
	      int64_t window_ms, int64_t now_ms);

#endif
