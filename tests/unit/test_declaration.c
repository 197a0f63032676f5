#include "core/compat.h"
#include "app/declaration.h"
#include "crypto/token.h"
#include "core/msg.h"
#include "test_helpers.h"

static void fill(struct declaration *d)
{
	memset(d, 0, sizeof(*d));
	snprintf(d->instansi_kode, sizeof(d->instansi_kode), "3374");
	d->campaign_id = 12;
	snprintf(d->nip, sizeof(d->nip), "196608011988031001");
	d->signed_at_ms = 1732000000000LL;
	token_sha256_hex("Saya menyatakan netral.", 23, d->doc_sha256);
}

static void sign_parse_verify(void **state)
{
	(void)state;
	uint8_t pk[SIGN_PUBLIC_BYTES], sk[SIGN_SECRET_BYTES];
	assert_int_eq(sign_keypair(pk, sk), 0);
	struct declaration d, back;
	fill(&d);
	char payload[DECLARATION_PAYLOAD_MAX + 1];
	assert_int_eq(declaration_sign(&d, sk, payload, sizeof(payload)), 0);
	assert_int_eq(strncmp(payload, "WSD1.3374.12.196608011988031001.1732000000000.", 46), 0);
	assert_int_eq(declaration_parse(payload, strlen(payload), &back), 0);
	assert_str_eq(back.nip, d.nip);
	assert_str_eq(back.doc_sha256, d.doc_sha256);
	assert_int_eq(declaration_verify(&back, pk), 0);

	/* Another instansi's key does not verify it. */
	uint8_t pk2[SIGN_PUBLIC_BYTES], sk2[SIGN_SECRET_BYTES];
	sign_keypair(pk2, sk2);
	assert_int_not_equal(declaration_verify(&back, pk2), 0);
}

static void tampering_is_detected(void **state)
{
	(void)state;
	uint8_t pk[SIGN_PUBLIC_BYTES], sk[SIGN_SECRET_BYTES];
	sign_keypair(pk, sk);
	struct declaration d, back;
	fill(&d);
	char payload[DECLARATION_PAYLOAD_MAX + 1];
	assert_int_eq(declaration_sign(&d, sk, payload, sizeof(payload)), 0);
	/* Change the NIP (a digit in field 4): parses, does not verify. */
	payload[20] = payload[20] == '9' ? '8' : '9';
	assert_int_eq(declaration_parse(payload, strlen(payload), &back), 0);
	assert_int_not_equal(declaration_verify(&back, pk), 0);
	/* A changed document hash does not verify either. */
	fill(&d);
	declaration_sign(&d, sk, payload, sizeof(payload));
	declaration_parse(payload, strlen(payload), &back);
	back.doc_sha256[0] = back.doc_sha256[0] == 'a' ? 'b' : 'a';
	assert_int_not_equal(declaration_verify(&back, pk), 0);
}

static void malformed_payloads(void **state)
{
	(void)state;
	struct declaration d;
	const char *bad[] = {
		"",
		"WSD1",
		"WSD2.3374.12.196608011988031001.1732000000000.00.AA",
		"WSD1.33 74.12.196608011988031001.1.aa.AA",
		"WSD1.3374.0.196608011988031001.1.0000000000000000000000000000000000000000000000000000000000000000.AA",
		"WSD1.3374.12.1966080119880310.1.0000000000000000000000000000000000000000000000000000000000000000.AA",
		"WSD1.3374.12.196608011988031001.1.0000000000000000000000000000000000000000000000000000000000000000.AA",
		"WSD1.3374.12.196608011988031001.1.00.AA.extra",
	};
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++)
		assert_int_eq(declaration_parse(bad[i], strlen(bad[i]), &d), M_DECL_MALFORMED);
}

static void encodings(void **state)
{
	(void)state;
	uint8_t in[5] = { 0xfb, 0xff, 0x00, 0x10, 0x7f }, out[8];
	char enc[16];
	for (size_t n = 0; n <= 5; n++) {
		size_t len = b64url_encode(enc, in, n);
		assert_int_eq(b64url_decode(out, sizeof(out), enc, len), (long)n);
		assert_memory_equal(in, out, n);
	}
	assert_str_eq((b64url_encode(enc, in, 2), enc), "-_8");
	/* Non-canonical trailing bits are refused. */
	assert_int_eq(b64url_decode(out, sizeof(out), "-_9", 3), -1);
	char hx[11];
	hex_encode(hx, in, 5);
	assert_str_eq(hx, "fbff00107f");
	assert_int_eq(hex_decode(out, 5, "FBFF00107F", 10), 0);
	assert_int_eq(hex_decode(out, 5, "fbff00107g", 10), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sign_parse_verify),
		cmocka_unit_test(tampering_is_detected),
		cmocka_unit_test(malformed_payloads),
		cmocka_unit_test(encodings),
	};
	return RUN_TESTS("declaration", tests);
}
