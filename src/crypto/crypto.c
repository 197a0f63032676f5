/* One sodium_init() per process, from whichever thread gets there first. */
#include "core/compat.h"
#include "crypto/crypto.h"
#include <pthread.h>
#include <sodium.h>

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void init_once(void)
{
	if (sodium_init() < 0) {
		fputs("wasdal: libsodium tidak dapat dimulai / libsodium failed to start\n", stderr);
		abort();
	}
}

void crypto_init(void)
{
	pthread_once(&once, init_once);
}
