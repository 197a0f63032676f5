/* A signed integrity pact or neutrality declaration, in a form that can be
 * checked offline: the payload printed as a QR code carries what was signed
 * and the instansi's Ed25519 signature, so anyone holding the published
 * instansi public key can verify it without asking the server.
 *
 * Payload: WSD1.<instansi_kode>.<campaign_id>.<nip>.<signed_at_ms>.
 *          <sha256 of the document text, hex>.<signature, base64url>
 * The signature covers the same fields, newline-separated, after the domain
 * string "wasdal-deklarasi-v1", so a signature can never be replayed as some
 * other kind of signed object. */
#ifndef WASDAL_APP_DECLARATION_H
#define WASDAL_APP_DECLARATION_H

#include <stddef.h>
#include <stdint.h>
#include "crypto/sign.h"

#define DECLARATION_PAYLOAD_MAX 256

struct declaration {
	char instansi_kode[32];
	int64_t campaign_id;
	char nip[19];
	int64_t signed_at_ms;
	char doc_sha256[65];
	uint8_t sig[SIGN_BYTES];
};

/* Sign d (all fields but sig) with the instansi key; fills d->sig and writes
 * the payload. 0, or APP_EINVAL when a field cannot appear in a payload. */
int declaration_sign(struct declaration *d, const uint8_t sk[SIGN_SECRET_BYTES],
		     char *payload, size_t payloadsz);

/* Parse a payload; 0 or the catalogue id of what is malformed. */
int declaration_parse(const char *payload, size_t n, struct declaration *d);

/* 0 when d->sig is the instansi's signature over d. */
int declaration_verify(const struct declaration *d, const uint8_t pk[SIGN_PUBLIC_BYTES]);

#endif
