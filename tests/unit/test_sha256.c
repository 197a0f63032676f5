#include "core/compat.h"
#include "crypto/sha256.h"
#include "test_helpers.h"

static void known_vectors(void **state)
{
	(void)state;
	uint8_t d[32];
	char hex[SHA256_HEX];
	sha256_buf("", 0, d);
	sha256_hex(d, hex);
	assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	sha256_buf("abc", 3, d);
	sha256_hex(d, hex);
	assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	sha256_buf(two, strlen(two), d);
	sha256_hex(d, hex);
	assert_str_eq(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

/* Every length around the block and padding boundaries, fed in uneven
 * pieces, must agree with libsodium's portable implementation. */
static void agrees_with_libsodium(void **state)
{
	(void)state;
	uint8_t data[700];
	for (size_t i = 0; i < sizeof(data); i++)
		data[i] = (uint8_t)(i * 131 + 7);
	for (size_t n = 0; n <= sizeof(data); n++) {
		uint8_t a[32], b[32];
		struct sha256 s;
		sha256_init(&s, 0);
		size_t off = 0, step = 1;
		while (off < n) {
			size_t take = step < n - off ? step : n - off;
			sha256_update(&s, data + off, take);
			off += take;
			step = step * 3 % 97 + 1;
		}
		sha256_final(&s, a);
		crypto_hash_sha256(b, data, n);
		if (memcmp(a, b, 32)) {
			print_error("length %zu differs\n", n);
			fail();
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(known_vectors),
		cmocka_unit_test(agrees_with_libsodium),
	};
	return RUN_TESTS("sha256", tests);
}
