/* An in-process cache of validated API (Bearer) tokens, so a request does
 * not read the token and its user on every call.
 *
 * Revocation: an entry is used only while the database's authentication
 * epoch (store_auth_epoch: a counter that schema triggers advance in the
 * same transaction as any revocation, user change or scope change) still
 * has the value read when the token was validated. The caller reads the
 * epoch in the request's snapshot before anything else, so a revocation
 * committed before that read is seen by every process sharing the database
 * (SQLite or PostgreSQL) on its next request; nothing waits for the TTL.
 * The TTL (AUTH_CACHE_TTL_MS) only bounds how long an entry lives without
 * a full check of token and user (what the epoch does not cover: a
 * database restored to an older state under a running server).
 *
 * Entries are keyed by token_cache_key (a keyed hash under a per-process
 * secret); the raw token is never kept. Unknown and refused tokens are
 * never cached. Thread-safe. */
#ifndef WASDAL_APP_AUTH_CACHE_H
#define WASDAL_APP_AUTH_CACHE_H

#include <stdint.h>
#include "app/principal.h"

#define AUTH_CACHE_TTL_MS 30000
#define AUTH_CACHE_SLOTS 128

/* 1 and *out filled when token is cached with this epoch and its entry is
 * younger than the TTL at now_ms; else 0. */
int auth_cache_get(const char *token, int64_t epoch, int64_t now_ms, struct principal *out);

/* Remembers p for token, validated in a snapshot whose epoch was epoch. */
void auth_cache_put(const char *token, int64_t epoch, int64_t now_ms,
		    const struct principal *p);

/* Forgets every entry (tests; a process switching databases). */
void auth_cache_clear(void);

#endif
