/* Argon2id password hashing with bounded concurrency (see password.h). */
#include "core/compat.h"
#include "crypto/password.h"
#include "crypto/crypto.h"
#include "core/err.h"
#include "core/limits.h"
#include <pthread.h>
#include <sodium.h>

_Static_assert(PASSWORD_HASH_MAX >= crypto_pwhash_STRBYTES, "hash buffer");

/* A counting semaphore from a mutex and a condition variable (POSIX
 * sem_t would do too, but this keeps the limit easy to change at run time). */
static pthread_mutex_t slot_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t slot_cv = PTHREAD_COND_INITIALIZER;
static int slots_used, slots_peak;

static void slot_acquire(void)
{
	pthread_mutex_lock(&slot_mu);
	while (slots_used >= LIMIT_PWHASH_CONCURRENCY)
		pthread_cond_wait(&slot_cv, &slot_mu);
	slots_used++;
	if (slots_used > slots_peak)
		slots_peak = slots_used;
	pthread_mutex_unlock(&slot_mu);
}

static void slot_release(void)
{
	pthread_mutex_lock(&slot_mu);
	slots_used--;
	pthread_cond_signal(&slot_cv);
	pthread_mutex_unlock(&slot_mu);
}

int password_hash(const char *password, size_t len, char out[PASSWORD_HASH_MAX])
{
	crypto_init();
	if (len > LIMIT_PASSWORD_MAX_BYTES_HARD)
		return APP_ETOOBIG;
	slot_acquire();
	int rc = crypto_pwhash_str(out, password, len, crypto_pwhash_OPSLIMIT_INTERACTIVE,
				   crypto_pwhash_MEMLIMIT_INTERACTIVE);
	slot_release();
	return rc == 0 ? 0 : APP_ENOMEM;
}

int password_derive(const void *secret, size_t len, const unsigned char *salt, uint64_t ops,
		    size_t mem, unsigned char *out, size_t outlen)
{
	crypto_init();
	if (len > LIMIT_PASSWORD_MAX_BYTES_HARD)
		return APP_ETOOBIG;
	slot_acquire();
	int rc = crypto_pwhash(out, outlen, secret, len, salt, ops, mem, crypto_pwhash_ALG_ARGON2ID13);
	slot_release();
	return rc == 0 ? 0 : APP_ENOMEM;
}

int password_verify(const char *hash, const char *password, size_t len)
{
	crypto_init();
	if (!hash || !*hash || len > LIMIT_PASSWORD_MAX_BYTES_HARD)
		return 0;
	if (strnlen(hash, PASSWORD_HASH_MAX) >= PASSWORD_HASH_MAX)
		return 0;
	slot_acquire();
	int rc = crypto_pwhash_str_verify(hash, password, len);
	slot_release();
	return rc == 0;
}

int password_needs_rehash(const char *hash)
{
	crypto_init();
	return crypto_pwhash_str_needs_rehash(hash, crypto_pwhash_OPSLIMIT_INTERACTIVE,
					      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;
static char dummy_hash[PASSWORD_HASH_MAX];

static void make_dummy(void)
{
	unsigned char pw[24];
	randombytes_buf(pw, sizeof(pw));
	if (password_hash((const char *)pw, sizeof(pw), dummy_hash))
		dummy_hash[0] = '\0';
	sodium_memzero(pw, sizeof(pw));
}

const char *password_dummy_hash(void)
{
	crypto_init();
	pthread_once(&dummy_once, make_dummy);
	return dummy_hash;
}

int password_hash_peak(void)
{
	pthread_mutex_lock(&slot_mu);
	int peak = slots_peak;
	pthread_mutex_unlock(&slot_mu);
	return peak;
}
