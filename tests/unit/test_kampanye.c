/* Campaign pieces without a database: the code alphabet, the binding of a
 * payload to its stored row, tamper detection, progress arithmetic, the
 * SVG renderers. */
#include "core/compat.h"
#include "app/declaration.h"
#include "app/kampanye.h"
#include "app/kampanye_code.h"
#include "app/kampanye_pengingat.h"
#include "core/csv_table.h"
#include "core/err.h"
#include "crypto/token.h"
#include "web/chart_svg.h"
#include "web/qr_svg.h"
#include "test_helpers.h"

static void alphabet(void **state)
{
	(void)state;
	assert_int_eq(strlen(kode_alphabet), 32);
	for (const char *p = "ILOU"; *p; p++)
		assert_null(strchr(kode_alphabet, *p));
	char c[KODE_VERIFIKASI_LEN + 1], seen[256] = { 0 };
	for (int i = 0; i < 400; i++) {
		kode_random(c, KODE_VERIFIKASI_LEN);
		assert_int_eq(strlen(c), KODE_VERIFIKASI_LEN);
		for (int k = 0; k < KODE_VERIFIKASI_LEN; k++) {
			assert_non_null(strchr(kode_alphabet, c[k]));
			seen[(unsigned char)c[k]] = 1;
		}
	}
	int distinct = 0;
	for (int i = 0; i < 256; i++)
		distinct += seen[i];
	assert_int_eq(distinct, 32); /* 4000 draws reach every symbol */
}

static void normalise(void **state)
{
	(void)state;
	char out[KODE_AKTIVASI_LEN + 1];
	assert_int_eq(kode_normalise("abcde-fghjk", 10, out), 0);
	assert_str_eq(out, "ABCDEFGHJK");
	/* what people misread is read the way it was meant */
	assert_int_eq(kode_normalise("O1IL0 oill0", 10, out), 0);
	assert_str_eq(out, "0111001110");
	assert_int_eq(kode_normalise("ABCDE-FGHJU", 10, out), -1);   /* U is not in it */
	assert_int_eq(kode_normalise("ABCDE-FGHJ", 10, out), -1);    /* short */
	assert_int_eq(kode_normalise("ABCDE-FGHJKM", 10, out), -1);  /* long */
	assert_int_eq(kode_normalise("ABCDE_FGHJK", 10, out), -1);
	assert_int_eq(kode_normalise("", 10, out), -1);
	assert_int_eq(kode_normalise(NULL, 10, out), -1);
	assert_int_eq(kode_normalise("abcd efgh jkmn", 12, out), 0);
	char f[16];
	kode_format("ABCDEFGHJK", f, sizeof(f));
	assert_str_eq(f, "ABCDE-FGHJK");
	kode_format("ABCDEFGHJKMN", f, sizeof(f));
	assert_str_eq(f, "ABCD-EFGH-JKMN");
	/* the stored hash depends on the NIP as well as the code */
	char h1[65], h2[65], h3[65];
	kode_aktivasi_hash("196608011988031001", "ABCDEFGHJKMN", h1);
	kode_aktivasi_hash("196608011988031002", "ABCDEFGHJKMN", h2);
	kode_aktivasi_hash("196608011988031001", "ABCDEFGHJKMP", h3);
	assert_int_eq(strlen(h1), 64);
	assert_int_not_equal(strcmp(h1, h2), 0);
	assert_int_not_equal(strcmp(h1, h3), 0);
	assert_null(strstr(h1, "ABCDEFGHJKMN"));
}

/* A signed row as kampanye_sign stores it. */
static void signed_row(struct tanda_tangan *t, char *pub_hex, const char *text)
{
	uint8_t pk[SIGN_PUBLIC_BYTES], sk[SIGN_SECRET_BYTES];
	assert_int_eq(sign_keypair(pk, sk), 0);
	hex_encode(pub_hex, pk, sizeof(pk));
	struct declaration d;
	memset(&d, 0, sizeof(d));
	snprintf(d.instansi_kode, sizeof(d.instansi_kode), "3302");
	d.campaign_id = 7;
	snprintf(d.nip, sizeof(d.nip), "196608011988031001");
	d.signed_at_ms = 1795000000000LL;
	token_sha256_hex(text, strlen(text), d.doc_sha256);
	memset(t, 0, sizeof(*t));
	assert_int_eq(declaration_sign(&d, sk, t->payload, sizeof(t->payload)), 0);
	t->kampanye_id = 7;
	snprintf(t->nip, sizeof(t->nip), "%s", d.nip);
	t->signed_ms = d.signed_at_ms;
	snprintf(t->doc_sha256, sizeof(t->doc_sha256), "%s", d.doc_sha256);
}

static void payload_binding(void **state)
{
	(void)state;
	const char *text = "Saya menyatakan bersikap netral.";
	struct tanda_tangan t, other;
	char pub[65], pub2[65], now[65];
	signed_row(&t, pub, text);
	token_sha256_hex(text, strlen(text), now);
	assert_int_eq(kampanye_verify_payload(t.payload, pub, "3302", &t, now), VERIF_GENUINE);
	/* the payload is bound to its instansi, campaign, NIP and time */
	assert_int_eq(kampanye_verify_payload(t.payload, pub, "3374", &t, now), VERIF_FORGED);
	other = t;
	other.kampanye_id = 8;
	assert_int_eq(kampanye_verify_payload(t.payload, pub, "3302", &other, now), VERIF_FORGED);
	other = t;
	other.nip[17] = other.nip[17] == '1' ? '2' : '1';
	assert_int_eq(kampanye_verify_payload(t.payload, pub, "3302", &other, now), VERIF_FORGED);
	other = t;
	other.signed_ms++;
	assert_int_eq(kampanye_verify_payload(t.payload, pub, "3302", &other, now), VERIF_FORGED);
	/* a valid payload of another signature pasted into this row */
	signed_row(&other, pub2, "Teks lain.");
	assert_int_eq(kampanye_verify_payload(other.payload, pub, "3302", &t, now), VERIF_FORGED);
	assert_int_eq(kampanye_verify_payload(t.payload, pub2, "3302", &t, now), VERIF_FORGED);
	/* garbage */
	assert_int_eq(kampanye_verify_payload("WSD1.x", pub, "3302", &t, now), VERIF_FORGED);
	assert_int_eq(kampanye_verify_payload(t.payload, "zz", "3302", &t, now), VERIF_FORGED);
}

static void tamper_detection(void **state)
{
	(void)state;
	const char *text = "Saya menyatakan bersikap netral.";
	struct tanda_tangan t;
	char pub[65], now[65];
	signed_row(&t, pub, text);
	/* the stored text changed after signing: the signature still verifies,
	 * the recomputed hash does not match */
	const char *changed = "Saya menyatakan bersikap netral, kecuali saat kampanye.";
	token_sha256_hex(changed, strlen(changed), now);
	assert_int_eq(kampanye_verify_payload(t.payload, pub, "3302", &t, now), VERIF_DOC_CHANGED);
	/* one changed byte of the signature is a forgery */
	size_t n = strlen(t.payload);
	t.payload[n - 2] = t.payload[n - 2] == 'A' ? 'B' : 'A';
	token_sha256_hex(text, strlen(text), now);
	assert_int_eq(kampanye_verify_payload(t.payload, pub, "3302", &t, now), VERIF_FORGED);
}

static void permille(void **state)
{
	(void)state;
	assert_int_eq(kampanye_permille(0, 0), 0);
	assert_int_eq(kampanye_permille(1, 2), 500);
	assert_int_eq(kampanye_permille(26, 54), 481);
	assert_int_eq(kampanye_permille(2, 3), 667);
	assert_int_eq(kampanye_permille(7, 7), 1000);
}

static void svg_renderers(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b, 1u << 20);
	struct html h;
	html_init(&h, &b);
	struct chart_bar bars[] = { { "Dinas <Kesehatan>", 1, 2, "50,0 %" }, { "Setda", 3, 0, "0 %" } };
	chart_svg_bars(&h, "g", "Judul & grafik", "Uraian", bars, 2);
	assert_int_eq(buf_addc(&b, '\0'), 0);
	assert_non_null(strstr(b.ptr, "role=\"img\""));
	assert_non_null(strstr(b.ptr, "aria-labelledby=\"g-t g-d\""));
	assert_non_null(strstr(b.ptr, "<title id=\"g-t\">Judul &amp; grafik</title>"));
	assert_non_null(strstr(b.ptr, "Dinas &lt;Kesehatan&gt;"));  /* escaped */
	assert_non_null(strstr(b.ptr, "class=\"bar\" x=\"280\" y=\"8\" width=\"170\""));  /* half of 340 */
	assert_non_null(strstr(b.ptr, "y=\"38\" width=\"0\""));  /* whole 0: no bar, no division */
	buf_reset(&b);
	assert_int_eq(qr_svg(&h, "https://wasdal.example/verifikasi/ABCDEFGHJK", "QR <x>"), 0);
	assert_int_eq(buf_addc(&b, '\0'), 0);
	assert_non_null(strstr(b.ptr, "<svg class=\"qr\""));
	assert_non_null(strstr(b.ptr, "aria-label=\"QR &lt;x&gt;\""));
	assert_non_null(strstr(b.ptr, "<path fill=\"#000\" d=\"M4 4h7v1h-7z"));  /* finder pattern row */
	buf_release(&b);
}

static void reminder_windows(void **state)
{
	(void)state;
	int days, late;
	const int32_t t = 20000;
	/* the embedded data/kampanye/pengingat.csv: 7 and 1 days, 30 late */
	const struct kampanye_pengingat_rules *r = kampanye_pengingat_rules_default();
	assert_non_null(r);
	assert_int_eq(r->terlambat, 30);
	kampanye_pengingat_due(r, t, t - 8, &days, &late);
	assert_int_eq(days, 0);
	assert_int_eq(late, 0);
	kampanye_pengingat_due(r, t, t - 7, &days, &late);
	assert_int_eq(days, 7);
	kampanye_pengingat_due(r, t, t - 2, &days, &late);
	assert_int_eq(days, 7);
	kampanye_pengingat_due(r, t, t - 1, &days, &late);
	assert_int_eq(days, 1);   /* the closest point: one reminder, not two */
	kampanye_pengingat_due(r, t, t, &days, &late);
	assert_int_eq(days, 1);
	assert_int_eq(late, 0);
	kampanye_pengingat_due(r, t, t + 1, &days, &late);
	assert_int_eq(days, 0);
	assert_int_eq(late, 1);
	kampanye_pengingat_due(r, t, t + 30, &days, &late);
	assert_int_eq(late, 1);
	kampanye_pengingat_due(r, t, t + 31, &days, &late);
	assert_int_eq(late, 0);
}

/* The engine follows whatever table it is given. */
static void reminder_table_is_data(void **state)
{
	(void)state;
	struct kampanye_pengingat_rules r;
	struct load_error err;
	static const char csv[] = "jenis,hari,catatan\n"
				  "pengingat,14,dua minggu\n"
				  "pengingat,3,\n"
				  "terlambat,5,\n";
	assert_int_eq(kampanye_pengingat_load_csv(&r, csv, sizeof(csv) - 1, &err), 0);
	int days, late;
	const int32_t t = 20000;
	kampanye_pengingat_due(&r, t, t - 14, &days, &late);
	assert_int_eq(days, 14);
	kampanye_pengingat_due(&r, t, t - 7, &days, &late);
	assert_int_eq(days, 14);  /* 7 is no longer a reminder point */
	kampanye_pengingat_due(&r, t, t - 1, &days, &late);
	assert_int_eq(days, 3);   /* nor is 1 */
	kampanye_pengingat_due(&r, t, t + 5, &days, &late);
	assert_int_eq(late, 1);
	kampanye_pengingat_due(&r, t, t + 6, &days, &late);
	assert_int_eq(late, 0);
	/* without a terlambat row no overdue notice is sent */
	static const char none[] = "jenis,hari\npengingat,2\n";
	assert_int_eq(kampanye_pengingat_load_csv(&r, none, sizeof(none) - 1, &err), 0);
	kampanye_pengingat_due(&r, t, t + 1, &days, &late);
	assert_int_eq(late, 0);
	assert_int_eq(days, 0);
	/* refused, all or nothing: r keeps the last good table */
	static const char *const bad[] = {
		"jenis,hari\npengingat,0\n",       /* 0 reads as "no reminder" */
		"jenis,hari\npengingat,\n",        /* missing */
		"jenis,hari\npengingat,91\n",      /* beyond 90 days */
		"jenis,hari\nsurat,3\n",           /* unknown kind */
		"jenis,hari\nterlambat,3\nterlambat,4\n",
		"hari\n3\n",                       /* no jenis column */
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_eq(kampanye_pengingat_load_csv(&r, bad[i], strlen(bad[i]), &err), APP_EINVAL);
	assert_int_eq(r.n, 1);
	assert_int_eq(r.sebelum[0], 2);
	assert_int_eq(err.line, 1);  /* the last one: the header line */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(alphabet),
		cmocka_unit_test(normalise),
		cmocka_unit_test(payload_binding),
		cmocka_unit_test(tamper_detection),
		cmocka_unit_test(permille),
		cmocka_unit_test(svg_renderers),
		cmocka_unit_test(reminder_windows),
		cmocka_unit_test(reminder_table_is_data),
	};
	return RUN_TESTS("kampanye", tests);
}
