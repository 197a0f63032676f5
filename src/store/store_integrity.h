/* Store operations of the integrity area (instansi signing keys). Part of
 * the store interface: include store/store.h and this header. */
#ifndef WASDAL_STORE_STORE_INTEGRITY_H
#define WASDAL_STORE_STORE_INTEGRITY_H

#include <stddef.h>
#include <stdint.h>

struct store;

/* An instansi's Ed25519 signing key. Never edited: rotation retires the
 * current key and inserts a new one; retired public keys stay. */
struct instansi_key {
	int64_t id;
	int64_t instansi_id;
	char public_hex[65];
	char secret_hex[129];  /* libsodium secret key, hex; stays on the server */
	int64_t created_ms;
	int64_t retired_ms;    /* 0 = the current key */
};

/* Insert k as the instansi's current key, retiring the current one (if
 * any) at k->created_ms (0 = now), in the caller's write transaction.
 * Sets k->id. */
int store_instansi_key_insert(struct store *s, struct instansi_key *k);
/* The current key; APP_ENOTFOUND when the instansi has none. */
int store_instansi_key_current(struct store *s, int64_t instansi_id, struct instansi_key *out);
/* Every key of the instansi, newest first, at most max into out[]; *n the
 * count written. secret_hex is left empty: lists are for publishing. */
int store_instansi_key_list(struct store *s, int64_t instansi_id, struct instansi_key *out,
			    size_t max, size_t *n);

#endif
