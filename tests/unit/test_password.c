#include "core/compat.h"
#include "crypto/password.h"
#include "crypto/token.h"
#include "crypto/crypto.h"
#include "core/limits.h"
#include "test_helpers.h"
#include <pthread.h>
#include <sodium.h>

static void hash_and_verify(void **state)
{
	(void)state;
	char h[PASSWORD_HASH_MAX];
	const char *pw = "rahasia-sekali-123";
	assert_int_eq(password_hash(pw, strlen(pw), h), 0);
	assert_true(strncmp(h, "$argon2id$", 10) == 0);
	assert_true(strstr(h, "m=65536,t=2") != NULL);
	assert_true(password_verify(h, pw, strlen(pw)));
	assert_false(password_verify(h, "rahasia-sekali-124", 18));
	assert_false(password_verify(h, pw, strlen(pw) - 1));
	assert_false(password_verify("", pw, strlen(pw)));
	assert_false(password_verify("$argon2id$garbage", pw, strlen(pw)));
	assert_false(password_needs_rehash(h));
	/* Two hashes of one password differ (random salt). */
	char h2[PASSWORD_HASH_MAX];
	assert_int_eq(password_hash(pw, strlen(pw), h2), 0);
	assert_true(strcmp(h, h2) != 0);
}

static void rehash_when_costs_change(void **state)
{
	(void)state;
	char weak[crypto_pwhash_STRBYTES];
	crypto_init();
	assert_int_eq(crypto_pwhash_str(weak, "abcdefghijk", 11, crypto_pwhash_OPSLIMIT_MIN,
					 crypto_pwhash_MEMLIMIT_MIN), 0);
	assert_true(password_verify(weak, "abcdefghijk", 11));
	assert_true(password_needs_rehash(weak));
}

static void dummy_hash_never_matches(void **state)
{
	(void)state;
	const char *d = password_dummy_hash();
	assert_true(strncmp(d, "$argon2id$", 10) == 0);
	assert_false(password_verify(d, "", 0));
	assert_false(password_verify(d, "password", 8));
	assert_true(d == password_dummy_hash());
}

static void *hash_worker(void *arg)
{
	(void)arg;
	char h[PASSWORD_HASH_MAX];
	if (password_hash("konkurensi-terbatas", 19, h))
		return (void *)1;
	return NULL;
}

static void concurrency_is_bounded(void **state)
{
	(void)state;
	pthread_t t[6];
	for (int i = 0; i < 6; i++)
		assert_int_eq(pthread_create(&t[i], NULL, hash_worker, NULL), 0);
	for (int i = 0; i < 6; i++) {
		void *r;
		pthread_join(t[i], &r);
		assert_null(r);
	}
	assert_true(password_hash_peak() >= 1);
	assert_true(password_hash_peak() <= LIMIT_PWHASH_CONCURRENCY);
}

static void tokens(void **state)
{
	(void)state;
	char a[TOKEN_HEX_LEN + 1], b[TOKEN_HEX_LEN + 1], h[TOKEN_HEX_LEN + 1];
	assert_int_eq(token_random_hex(a), 0);
	assert_int_eq(token_random_hex(b), 0);
	assert_int_eq(strlen(a), 64);
	assert_true(token_is_well_formed(a));
	assert_true(strcmp(a, b) != 0);
	assert_false(token_equal(a, b));
	assert_true(token_equal(a, a));
	assert_false(token_is_well_formed("abc"));
	assert_false(token_is_well_formed(NULL));
	a[3] = 'G';
	assert_false(token_is_well_formed(a));
	/* SHA-256("abc"), FIPS 180-2 test vector. */
	token_sha256_hex("abc", 3, h);
	assert_str_eq(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	token_hash_hex("abc", b);
	assert_str_eq(b, h);
	char digits[17];
	assert_int_eq(token_random_digits(digits, 16), 0);
	assert_int_eq(strlen(digits), 16);
	assert_int_eq(strspn(digits, "0123456789"), 16);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hash_and_verify),
		cmocka_unit_test(rehash_when_costs_change),
		cmocka_unit_test(dummy_hash_never_matches),
		cmocka_unit_test(concurrency_is_bounded),
		cmocka_unit_test(tokens),
	};
	return RUN_TESTS("password", tests);
}
