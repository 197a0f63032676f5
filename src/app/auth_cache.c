/* The Bearer token cache (see auth_cache.h): a direct-mapped table indexed
 * by the token's cache key, one mutex around it (held for a copy of one
 * entry; no I/O under it). A collision just replaces the older entry. */
#include "core/compat.h"
#include "app/auth_cache.h"
#include "crypto/token.h"
#include <pthread.h>

struct slot {
	unsigned char key[TOKEN_CACHE_KEY_LEN];
	int used;
	int64_t epoch;
	int64_t at_ms;
	struct principal p;
};

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static struct slot slots[AUTH_CACHE_SLOTS];

static struct slot *slot_of(const unsigned char key[TOKEN_CACHE_KEY_LEN])
{
	uint32_t v;
	memcpy(&v, key, sizeof(v));
	return &slots[v % AUTH_CACHE_SLOTS];
}

int auth_cache_get(const char *token, int64_t epoch, int64_t now_ms, struct principal *out)
{
	unsigned char key[TOKEN_CACHE_KEY_LEN];
	token_cache_key(token, key);
	int hit = 0;
	pthread_mutex_lock(&mu);
	struct slot *s = slot_of(key);
	if (s->used && s->epoch == epoch && now_ms >= s->at_ms &&
	    now_ms - s->at_ms < AUTH_CACHE_TTL_MS && !memcmp(s->key, key, sizeof(key))) {
		*out = s->p;
		hit = 1;
	}
	pthread_mutex_unlock(&mu);
	return hit;
}

void auth_cache_put(const char *token, int64_t epoch, int64_t now_ms, const struct principal *p)
{
	unsigned char key[TOKEN_CACHE_KEY_LEN];
	token_cache_key(token, key);
	pthread_mutex_lock(&mu);
	struct slot *s = slot_of(key);
	memcpy(s->key, key, sizeof(key));
	s->used = 1;
	s->epoch = epoch;
	s->at_ms = now_ms;
	s->p = *p;
	pthread_mutex_unlock(&mu);
}

void auth_cache_clear(void)
{
	pthread_mutex_lock(&mu);
	memset(slots, 0, sizeof(slots));
	pthread_mutex_unlock(&mu);
}
