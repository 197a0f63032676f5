/* The audit chain hash: fixed vectors computed independently (Python
 * hashlib over the serialisation described in src/crypto/hash_chain.h), so
 * an outside verifier can reproduce them, plus the properties that make the
 * encoding safe. */
#include "core/compat.h"
#include "crypto/hash_chain.h"
#include "test_helpers.h"

static void sha256_known_answer(void **state)
{
	(void)state;
	char h[65];
	hash_sha256_hex("abc", 3, h);
	assert_str_eq(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	hash_sha256_hex("", 0, h);
	assert_str_eq(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void record_vectors(void **state)
{
	(void)state;
	char h1[65], h2[65];
	struct hash_chain_fields f = {
		.seq = 1, .ts_ms = 1700000000000, .actor_id = 0, .actor = "system",
		.action = "create", .object_type = "pegawai", .object_id = "198001012005011001",
		.diff = "{\"nama\":[null,\"Budi\"]}", .prev_hash = hash_chain_genesis,
	};
	hash_chain_record(&f, h1);
	assert_str_eq(h1, "5c8ad0c8ad315814042e50400c2e9f5cc3d29d6eb6114c71b4f866d642bb8f5c");
	struct hash_chain_fields g = {
		.seq = 2, .ts_ms = 1700000000001, .actor_id = 7, .actor = "admin.jabar",
		.action = "update", .object_type = "pegawai", .object_id = "198001012005011001",
		.diff = "{\"golongan\":[\"III/a\",\"III/b\"]}", .prev_hash = h1,
	};
	hash_chain_record(&g, h2);
	assert_str_eq(h2, "f5a90681751785df4e509ca9a8ac97c2c78397714e0709448647ce4b8be6d8c4");
	assert_true(hash_is_hex(h1) && hash_is_hex(h2));
}

/* Moving bytes from one field to the next must change the hash: the length
 * prefixes make the encoding unambiguous. */
static void fields_cannot_be_shifted(void **state)
{
	(void)state;
	char a[65], b[65];
	struct hash_chain_fields f = { .seq = 1, .actor = "ab", .action = "c",
				       .prev_hash = hash_chain_genesis };
	hash_chain_record(&f, a);
	assert_str_eq(a, "ac126985f62fc3927b941905e976f5d9917c296e3f6f896bffe244ccb471c5f8");
	f.actor = "a";
	f.action = "bc";
	hash_chain_record(&f, b);
	assert_str_eq(b, "62c59f0c4081493d1cd81aa0a890511ea9940d8e5f582469bcbe79d8b0198fa1");
	assert_true(strcmp(a, b) != 0);
	/* NULL text is the empty string */
	struct hash_chain_fields n = { .seq = -5, .action = "x", .prev_hash = hash_chain_genesis };
	hash_chain_record(&n, a);
	assert_str_eq(a, "e3c2bb4a671ac80bd773b97da154cb91fc9c493c9357d2cd44445dfc116262e8");
	n.actor = n.object_type = n.object_id = n.diff = "";
	hash_chain_record(&n, b);
	assert_str_eq(a, b);
}

static void every_field_counts(void **state)
{
	(void)state;
	struct hash_chain_fields base = {
		.seq = 3, .ts_ms = 10, .actor_id = 4, .actor = "u", .action = "a",
		.object_type = "t", .object_id = "i", .diff = "{}", .prev_hash = hash_chain_genesis,
	};
	char ref[65], h[65];
	hash_chain_record(&base, ref);
	struct hash_chain_fields f;
	f = base; f.seq = 4; hash_chain_record(&f, h); assert_true(strcmp(h, ref));
	f = base; f.ts_ms = 11; hash_chain_record(&f, h); assert_true(strcmp(h, ref));
	f = base; f.actor_id = 5; hash_chain_record(&f, h); assert_true(strcmp(h, ref));
	f = base; f.actor = "v"; hash_chain_record(&f, h); assert_true(strcmp(h, ref));
	f = base; f.action = "b"; hash_chain_record(&f, h); assert_true(strcmp(h, ref));
	f = base; f.object_type = "s"; hash_chain_record(&f, h); assert_true(strcmp(h, ref));
	f = base; f.object_id = "j"; hash_chain_record(&f, h); assert_true(strcmp(h, ref));
	f = base; f.diff = "{ }"; hash_chain_record(&f, h); assert_true(strcmp(h, ref));
	f = base; f.prev_hash = ref; hash_chain_record(&f, h); assert_true(strcmp(h, ref));
}

static void hex_check(void **state)
{
	(void)state;
	assert_true(hash_is_hex(hash_chain_genesis));
	assert_int_eq(strlen(hash_chain_genesis), 64);
	assert_false(hash_is_hex("abc"));
	assert_false(hash_is_hex("5C8AD0C8AD315814042E50400C2E9F5CC3D29D6EB6114C71B4F866D642BB8F5C"));
	assert_false(hash_is_hex("5c8ad0c8ad315814042e50400c2e9f5cc3d29d6eb6114c71b4f866d642bb8f5c0"));
	assert_false(hash_is_hex("5c8ad0c8ad315814042e50400c2e9f5cc3d29d6eb6114c71b4f866d642bb8f5g"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sha256_known_answer),
		cmocka_unit_test(record_vectors),
		cmocka_unit_test(fields_cannot_be_shifted),
		cmocka_unit_test(every_field_counts),
		cmocka_unit_test(hex_check),
	};
	return RUN_TESTS("hash_chain", tests);
}
