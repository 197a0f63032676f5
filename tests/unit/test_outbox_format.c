/* The pure parts of delivery (app/outbox_format.h, crypto/hmac.h) against
 * known answers: HMAC-SHA256 (RFC 4231), the webhook signature (computed
 * independently with Python's hmac), MIME with RFC 2047 subjects, the
 * Date header, the backoff schedule and event matching. */
#include "core/compat.h"
#include "app/outbox_format.h"
#include "core/err.h"
#include "crypto/hmac.h"
#include "test_helpers.h"
#include <sodium.h>

static void hmac_rfc4231(void **state)
{
	(void)state;
	char hex[65];
	/* test case 2, the data given in two parts */
	hmac_sha256_hex("Jefe", 4, "what do ya ", 11, "want for nothing?", 17, hex);
	assert_str_eq(hex, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
	/* test case 6: a key longer than the block is hashed first */
	uint8_t key[131];
	memset(key, 0xaa, sizeof(key));
	const char *d = "Test Using Larger Than Block-Size Key - Hash Key First";
	hmac_sha256_hex(key, sizeof(key), d, strlen(d), NULL, 0, hex);
	assert_str_eq(hex, "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
	assert_true(hmac_hex_equal(hex, "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"));
	assert_false(hmac_hex_equal(hex, "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f55"));
	assert_false(hmac_hex_equal(hex, "60e4"));
}

static void webhook_signature_known(void **state)
{
	(void)state;
	char sig[72];
	/* python3: hmac.new(b'rahasia', b'1700000000.{"a":1}', hashlib.sha256).hexdigest() */
	webhook_signature("rahasia", 1700000000, "{\"a\":1}", 7, sig);
	assert_str_eq(sig, "sha256=efc40694ade7cea9d382b67309b4bdda5bb978766141c75a19fd823196cbedd5");
	/* another timestamp, another signature: a replay cannot reuse it */
	char sig2[72];
	webhook_signature("rahasia", 1700000001, "{\"a\":1}", 7, sig2);
	assert_true(strcmp(sig, sig2) != 0);
}

static void backoff_schedule(void **state)
{
	(void)state;
	/* base 1 s, cap 8 s: 1, 2, 4, 8, 8 ... with equal jitter [d/2, d] */
	assert_int_eq(outbox_backoff_ms(1, 1000, 8000, 0), 500);
	assert_int_eq(outbox_backoff_ms(1, 1000, 8000, 500), 1000);
	assert_int_eq(outbox_backoff_ms(1, 1000, 8000, 501), 500);
	assert_int_eq(outbox_backoff_ms(2, 1000, 8000, 0), 1000);
	assert_int_eq(outbox_backoff_ms(3, 1000, 8000, 0), 2000);
	assert_int_eq(outbox_backoff_ms(4, 1000, 8000, 4000), 8000);
	assert_int_eq(outbox_backoff_ms(5, 1000, 8000, 0), 4000);
	assert_int_eq(outbox_backoff_ms(0, 1000, 8000, 0), 500); /* as the first */
	/* never overflows however many attempts */
	int64_t big = outbox_backoff_ms(100, 30000, 6 * 3600 * 1000LL, UINT32_MAX);
	assert_true(big >= 3 * 3600 * 1000LL && big <= 6 * 3600 * 1000LL);
	/* the defaults: 30 s, then doubling to the 6 h cap */
	for (int a = 1; a < 30; a++) {
		int64_t lo = outbox_backoff_ms(a, 30000, 6 * 3600 * 1000LL, 0);
		int64_t hi = outbox_backoff_ms(a, 30000, 6 * 3600 * 1000LL, UINT32_MAX);
		assert_true(lo <= hi && hi <= 6 * 3600 * 1000LL && lo >= 15000);
	}
	/* jitter spreads: many random draws are not all equal */
	int64_t first = outbox_backoff_ms(3, 1000, 8000, randombytes_random());
	int differ = 0;
	for (int i = 0; i < 50; i++)
		differ |= outbox_backoff_ms(3, 1000, 8000, randombytes_random()) != first;
	assert_true(differ);
}

static void event_matching(void **state)
{
	(void)state;
	assert_true(outbox_event_matches("*", "kasus.pengingat"));
	assert_true(outbox_event_matches("kasus.*", "kasus.pengingat"));
	assert_true(outbox_event_matches("a.b, kasus.terlambat", "kasus.terlambat"));
	assert_false(outbox_event_matches("kasus.pengingat", "kasus.pengingat2"));
	assert_false(outbox_event_matches("kasus.pengingat", "kasus.penginga"));
	assert_false(outbox_event_matches("integritas.*", "kasus.pengingat"));
	assert_false(outbox_event_matches("", "kasus.pengingat"));
}

static void date_and_message_id(void **state)
{
	(void)state;
	char d[40];
	mail_date(1795435200000LL, d);
	assert_str_eq(d, "Mon, 23 Nov 2026 12:00:00 +0000");
	mail_date(0, d);
	assert_str_eq(d, "Thu, 01 Jan 1970 00:00:00 +0000");
	char a[160], b[160];
	mail_message_id(7, "pengingat:1", "wasdal@bkn.go.id", a);
	mail_message_id(7, "pengingat:1", "wasdal@bkn.go.id", b);
	assert_str_eq(a, b); /* the same on every retry */
	assert_true(!strncmp(a, "wasdal.7.", 9));
	assert_true(strstr(a, "@bkn.go.id") != NULL);
}

static void addresses(void **state)
{
	(void)state;
	assert_true(mail_address_valid("petugas@bawaslu.go.id"));
	assert_false(mail_address_valid("petugas"));
	assert_false(mail_address_valid("@x.id"));
	assert_false(mail_address_valid("a@"));
	assert_false(mail_address_valid("a@b@c"));
	assert_false(mail_address_valid("a b@c.id"));
	assert_false(mail_address_valid("a@c.id>\r\nBcc: x@y.z"));
	assert_false(mail_address_valid("a<b@c.id"));
	assert_false(mail_address_valid(NULL));
}

/* Decode every encoded word of a Subject value; each must hold whole
 * UTF-8 characters and be at most 75 characters long. */
static void check_words(const char *v, const char *want)
{
	char out[1024] = "";
	size_t olen = 0;
	const char *p = v;
	while ((p = strstr(p, "=?UTF-8?B?"))) {
		const char *s = p + 10, *e = strstr(s, "?=");
		assert_non_null(e);
		assert_true(e + 2 - p <= 75);
		unsigned char bin[128];
		size_t blen;
		assert_int_eq(sodium_base642bin(bin, sizeof(bin), s, (size_t)(e - s), NULL, &blen, NULL,
						 sodium_base64_VARIANT_ORIGINAL), 0);
		assert_true(blen > 0 && (bin[0] & 0xC0) != 0x80); /* starts a character */
		memcpy(out + olen, bin, blen);
		olen += blen;
		p = e + 2;
	}
	out[olen] = 0;
	assert_str_eq(out, want);
}

static void mime_message(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, BUF_NOLIMIT);
	const char *subject = "Pengingat: kasus NTR-2026-000123 jatuh tempo dalam 2 hari kerja — "
			      "tindak lanjut PPK ✓ ✓ ✓ ✓ ✓ ✓";
	struct mail_header h = { .from = "wasdal@bkn.go.id", .from_name = "Wasdal BKN",
				 .to = "ppk@bantul.go.id", .subject = subject,
				 .date_ms = 1795435200000LL, .message_id = "wasdal.1.ab@bkn.go.id" };
	const char *body = "Yth. PPK,\nbaris kedua dengan é dan ✓\n.\nakhir";
	assert_int_eq(mail_build(&b, &h, body), 0);
	assert_non_null(strstr(b.ptr, "\r\nTo: <ppk@bantul.go.id>\r\n"));
	assert_non_null(strstr(b.ptr, "From: =?UTF-8?B?V2FzZGFsIEJLTg==?= <wasdal@bkn.go.id>\r\n"));
	assert_non_null(strstr(b.ptr, "\r\nDate: Mon, 23 Nov 2026 12:00:00 +0000\r\n"));
	assert_non_null(strstr(b.ptr, "\r\nMessage-ID: <wasdal.1.ab@bkn.go.id>\r\n"));
	assert_non_null(strstr(b.ptr, "\r\nMIME-Version: 1.0\r\n"));
	assert_non_null(strstr(b.ptr, "\r\nContent-Type: text/plain; charset=UTF-8\r\n"));
	assert_non_null(strstr(b.ptr, "\r\nContent-Transfer-Encoding: base64\r\n"));
	/* the subject: folded encoded words that decode to the original */
	const char *s = strstr(b.ptr, "\r\nSubject: ") + 11;
	const char *end = strstr(s, "\r\nDate:");
	char subj[1024];
	memcpy(subj, s, (size_t)(end - s));
	subj[end - s] = 0;
	assert_non_null(strstr(subj, "\r\n =?UTF-8?B?")); /* folded: more than one word */
	check_words(subj, subject);
	/* the body: base64 lines of at most 76 characters, decoding to the text */
	const char *bod = strstr(b.ptr, "\r\n\r\n") + 4;
	char joined[512] = "";
	size_t jl = 0;
	for (const char *line = bod; *line;) {
		const char *nl = strstr(line, "\r\n");
		assert_non_null(nl);
		assert_true(nl - line <= 76);
		memcpy(joined + jl, line, (size_t)(nl - line));
		jl += (size_t)(nl - line);
		line = nl + 2;
	}
	unsigned char dec[512];
	size_t dl;
	assert_int_eq(sodium_base642bin(dec, sizeof(dec), joined, jl, NULL, &dl, NULL,
					 sodium_base64_VARIANT_ORIGINAL), 0);
	dec[dl] = 0;
	assert_str_eq((char *)dec, body);
	buf_release(&b);

	/* plain ASCII subjects stay readable */
	buf_init(&b, BUF_NOLIMIT);
	h.subject = "Reminder";
	assert_int_eq(mail_build(&b, &h, ""), 0);
	assert_non_null(strstr(b.ptr, "\r\nSubject: Reminder\r\n"));
	buf_release(&b);
	/* "=?" in a plain subject is encoded so it cannot be misread */
	buf_init(&b, BUF_NOLIMIT);
	assert_int_eq(mail_encode_header(&b, "a =?x?= b"), 0);
	assert_true(!strncmp(b.ptr, "=?UTF-8?B?", 10));
	buf_release(&b);
	/* header injection is refused */
	buf_init(&b, BUF_NOLIMIT);
	h.subject = "x\r\nBcc: victim@example.org";
	assert_int_eq(mail_build(&b, &h, ""), APP_EINVAL);
	h.subject = "ok";
	h.to = "ppk@bantul.go.id\r\nBcc: v@x.y";
	assert_int_eq(mail_build(&b, &h, ""), APP_EINVAL);
	h.to = "ppk@bantul.go.id";
	h.message_id = "a>\r\nX: y";
	assert_int_eq(mail_build(&b, &h, ""), APP_EINVAL);
	buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(hmac_rfc4231),
		cmocka_unit_test(webhook_signature_known),
		cmocka_unit_test(backoff_schedule),
		cmocka_unit_test(event_matching),
		cmocka_unit_test(date_and_message_id),
		cmocka_unit_test(addresses),
		cmocka_unit_test(mime_message),
	};
	return RUN_TESTS("outbox_format", tests);
}
