/* Integrity: BerAKHLAK socialisation pages, instansi signing keys, signed
 * integrity pacts and neutrality declarations. No HTTP, no SQL. */
#ifndef WASDAL_APP_INTEGRITY_H
#define WASDAL_APP_INTEGRITY_H

#include "app/principal.h"
#include "store/store.h"
#include "store/store_integrity.h"

/* The public facts of an instansi (kode, nama) for the public pages: the
 * meeting screen, the published key, the verification page. Anyone may
 * read them; APP_ENOTFOUND for an unknown kode. */
int integrity_instansi_public(struct store *s, const char *kode, struct instansi *out);

/* The instansi's signing key: creates one when it has none, or, with
 * rotate, retires the current key and creates a new one. The creation is
 * appended to the audit chain. Only an admin (national user administration)
 * may create or rotate keys; *created is 1 when a key was made. Runs its own
 * write transaction. out->secret_hex is cleared before returning. */
int integrity_key_ensure(struct store *s, const struct principal *actor, const char *kode,
			 int rotate, struct instansi_key *out, int *created);

/* Inside the caller's write transaction: the instansi's current key with
 * its secret, for signing a declaration; created on first need (audited as
 * the system, "instansi_key_create"). The caller wipes out->secret_hex
 * (sodium_memzero) as soon as it has signed. */
int integrity_signing_key_tx(struct store *s, const struct instansi *in, struct instansi_key *out);

#define INTEGRITY_MAX_KEYS 32
/* The published keys of an instansi (newest first, the current one first
 * when it exists; no secrets). Public. APP_ENOTFOUND for an unknown kode. */
int integrity_keys_public(struct store *s, const char *kode, struct instansi *in,
			  struct instansi_key *keys, size_t max, size_t *n);

#endif
