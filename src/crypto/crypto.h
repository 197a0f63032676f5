/* libsodium set-up shared by every user of src/crypto/. */
#ifndef WASDAL_CRYPTO_CRYPTO_H
#define WASDAL_CRYPTO_CRYPTO_H

/* Initialise libsodium once per process (thread-safe, idempotent; a
 * pthread_once around sodium_init). Every crypto/ function calls it, so
 * callers never have to; main may call it early. Aborts if libsodium cannot
 * start: without a working RNG and hash nothing here is safe. */
void crypto_init(void);

#endif
