/* The Bearer token cache (app/auth_cache.h): a hit needs the same token,
 * the same authentication epoch and an entry younger than the TTL. */
#include "core/compat.h"
#include "app/auth_cache.h"
#include "test_helpers.h"

static const char TOK_A[] = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
static const char TOK_B[] = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";

static struct principal who(const char *name, enum role r)
{
	struct principal p;
	memset(&p, 0, sizeof(p));
	p.user_id = 7;
	p.role = r;
	snprintf(p.username, sizeof(p.username), "%s", name);
	snprintf(p.scope_path, sizeof(p.scope_path), "/1/");
	return p;
}

static void hit_needs_token_epoch_and_age(void **state)
{
	(void)state;
	auth_cache_clear();
	struct principal p = who("admin", ROLE_ADMIN), out;
	assert_int_eq(auth_cache_get(TOK_A, 5, 1000, &out), 0);
	auth_cache_put(TOK_A, 5, 1000, &p);
	memset(&out, 0, sizeof(out));
	assert_int_eq(auth_cache_get(TOK_A, 5, 1000 + AUTH_CACHE_TTL_MS - 1, &out), 1);
	assert_str_eq(out.username, "admin");
	assert_int_eq(out.role, ROLE_ADMIN);
	/* another token, another epoch, too old, or a clock gone back: miss */
	assert_int_eq(auth_cache_get(TOK_B, 5, 1000, &out), 0);
	assert_int_eq(auth_cache_get(TOK_A, 6, 1000, &out), 0);
	assert_int_eq(auth_cache_get(TOK_A, 4, 1000, &out), 0);
	assert_int_eq(auth_cache_get(TOK_A, 5, 1000 + AUTH_CACHE_TTL_MS, &out), 0);
	assert_int_eq(auth_cache_get(TOK_A, 5, 999, &out), 0);
	/* a newer validation replaces the entry */
	struct principal q = who("admin", ROLE_AUDITOR);
	auth_cache_put(TOK_A, 6, 2000, &q);
	assert_int_eq(auth_cache_get(TOK_A, 5, 2000, &out), 0);
	assert_int_eq(auth_cache_get(TOK_A, 6, 2000, &out), 1);
	assert_int_eq(out.role, ROLE_AUDITOR);
	auth_cache_clear();
	assert_int_eq(auth_cache_get(TOK_A, 6, 2000, &out), 0);
}

static void many_tokens_never_mix(void **state)
{
	(void)state;
	auth_cache_clear();
	char tok[65];
	struct principal p, out;
	/* more tokens than slots: collisions evict, but a hit is always the
	 * principal stored for that very token */
	for (int i = 0; i < 4 * AUTH_CACHE_SLOTS; i++) {
		snprintf(tok, sizeof(tok), "%064x", i);
		p = who("u", ROLE_BKN);
		p.user_id = i;
		auth_cache_put(tok, 1, 10, &p);
	}
	int hits = 0;
	for (int i = 0; i < 4 * AUTH_CACHE_SLOTS; i++) {
		snprintf(tok, sizeof(tok), "%064x", i);
		if (auth_cache_get(tok, 1, 10, &out)) {
			hits++;
			assert_int_eq(out.user_id, i);
		}
	}
	assert_true(hits > 0 && hits <= AUTH_CACHE_SLOTS);
	auth_cache_clear();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hit_needs_token_epoch_and_age),
		cmocka_unit_test(many_tokens_never_mix),
	};
	setenv("CMOCKA_MESSAGE_OUTPUT", "TAP", 0);
	return cmocka_run_group_tests_name("auth_cache", tests, NULL, NULL);
}
