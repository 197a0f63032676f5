/* The audit chain's record hash, as pure functions (no store, no clock) so
 * that they can be checked against fixed vectors and re-implemented by an
 * outside verifier from this description alone.
 *
 * hash = lower-case hex SHA-256 over the canonical serialisation
 *
 *   "wasdal-audit-v1\n"
 *   then, for each field in this order: seq, ts_ms, actor_id, actor, action,
 *   object_type, object_id, diff, prev_hash,
 *   the netstring  <decimal byte length> ":" <bytes> ","
 *
 * Integers are written in decimal (a leading '-' for negatives), NULL text
 * as the empty string. Length prefixes make the encoding unambiguous: no
 * choice of field contents can make two different records serialise to the
 * same bytes. */
#ifndef WASDAL_CRYPTO_HASH_CHAIN_H
#define WASDAL_CRYPTO_HASH_CHAIN_H

#include <stddef.h>
#include <stdint.h>

#define HASH_HEX_LEN 64

/* 64 '0' characters: the prev_hash of the first record. */
extern const char hash_chain_genesis[HASH_HEX_LEN + 1];

struct hash_chain_fields {
	int64_t seq, ts_ms, actor_id;
	const char *actor, *action, *object_type, *object_id, *diff, *prev_hash;
};

/* out receives 64 hex digits and a NUL. */
void hash_chain_record(const struct hash_chain_fields *f, char out[HASH_HEX_LEN + 1]);
/* Plain SHA-256 of n bytes, as hex (for tests and token hashes). */
void hash_sha256_hex(const void *p, size_t n, char out[HASH_HEX_LEN + 1]);
/* 1 when s is exactly 64 lower-case hex digits. */
int hash_is_hex(const char *s);

#endif
