/* Citizen reports without a database: the receipt code (format, grouping,
 * normalising what people type, the salted Argon2id lookup hash), sealing
 * an identity to the oversight key and opening it with the passphrase,
 * evidence sniffing by content (a disguised file is refused, an EXIF JPEG
 * is cleaned), and the field checks of a report. */
#include "core/compat.h"
#include "app/bukti.h"
#include "app/laporan_int.h"
#include "core/date.h"
#include "core/err.h"
#include "crypto/receipt.h"
#include "crypto/seal.h"
#include "test_helpers.h"

static void receipt_format(void **state)
{
	(void)state;
	char r[17], r2[17], disp[RECEIPT_DISPLAY], norm[17];
	assert_int_eq(receipt_new(r), 0);
	assert_int_eq(strlen(r), 16);
	assert_int_eq(strspn(r, "0123456789"), 16);
	assert_int_eq(receipt_new(r2), 0);
	assert_true(strcmp(r, r2) != 0); /* 10^-16 chance of a false failure */
	receipt_display("1234567890123456", disp);
	assert_str_eq(disp, "1234-5678-9012-3456");
	assert_int_eq(receipt_normalize("1234 5678 9012 3456", norm), 0);
	assert_str_eq(norm, "1234567890123456");
	assert_int_eq(receipt_normalize("1234-5678-9012-3456", norm), 0);
	assert_int_eq(receipt_normalize(" 1234.5678.9012.3456 ", norm), 0);
	assert_int_eq(receipt_normalize("123456789012345", norm), APP_EINVAL);   /* 15 */
	assert_int_eq(receipt_normalize("12345678901234567", norm), APP_EINVAL); /* 17 */
	assert_int_eq(receipt_normalize("1234x5678901234567", norm), APP_EINVAL);
	assert_int_eq(receipt_normalize("", norm), APP_EINVAL);
	assert_int_eq(receipt_normalize(NULL, norm), APP_EINVAL);
}

static void receipt_hash_salted(void **state)
{
	(void)state;
	char s1[RECEIPT_SALT_HEX], s2[RECEIPT_SALT_HEX], h1[65], h2[65], h3[65];
	receipt_salt_new(s1);
	receipt_salt_new(s2);
	assert_int_eq(strlen(s1), 32);
	assert_int_eq(receipt_hash("1234567890123456", s1, h1), 0);
	assert_int_eq(receipt_hash("1234567890123456", s1, h2), 0);
	assert_str_eq(h1, h2); /* deterministic per install: usable as a key */
	assert_int_eq(strlen(h1), 64);
	assert_int_eq(receipt_hash("1234567890123456", s2, h3), 0);
	assert_true(strcmp(h1, h3) != 0); /* the salt matters */
	assert_int_eq(receipt_hash("1234567890123457", s1, h3), 0);
	assert_true(strcmp(h1, h3) != 0);
	assert_true(strstr(h1, "1234567890123456") == NULL);
	assert_int_eq(receipt_hash("12345", s1, h3), APP_EINVAL);
	assert_int_eq(receipt_hash("1234567890123456", "zz", h3), APP_EINVAL);
}

static void seal_round_trip(void **state)
{
	(void)state;
	struct sealed_keypair k, k2;
	const char *pass = "frasa sandi kustodian panjang";
	assert_int_eq(seal_keypair_create("pendek", 6, &k), APP_EINVAL);
	assert_int_eq(seal_keypair_create(pass, strlen(pass), &k), 0);
	assert_int_eq(strlen(k.public_hex), 64);
	assert_int_eq(strlen(k.secret_box_hex), 96);
	char box[1024], plain[256];
	const char *msg = "v1\nSiti\n3201010101010001\nJl. Mawar 1\nsiti@example.org\npemilih\n";
	assert_int_eq(seal_box(k.public_hex, msg, strlen(msg), box, sizeof(box)), 0);
	assert_true(strstr(box, "Siti") == NULL);
	unsigned char sk[32];
	size_t n;
	assert_int_eq(seal_keypair_unlock(&k, "salah frasa sandi", 17, sk), APP_EPERM);
	assert_int_eq(seal_keypair_unlock(&k, pass, strlen(pass), sk), 0);
	assert_int_eq(seal_open(k.public_hex, sk, box, plain, sizeof(plain), &n), 0);
	assert_str_eq(plain, msg);
	assert_int_eq(n, strlen(msg));
	struct laporan_identitas id;
	assert_int_eq(laporan_parse_identity(plain, &id), 0);
	assert_str_eq(id.nama, "Siti");
	assert_str_eq(id.nik, "3201010101010001");
	assert_str_eq(id.kontak, "siti@example.org");
	assert_str_eq(id.jenis, "pemilih");
	/* another key cannot open it; an altered box is refused */
	assert_int_eq(seal_keypair_create(pass, strlen(pass), &k2), 0);
	unsigned char sk2[32];
	assert_int_eq(seal_keypair_unlock(&k2, pass, strlen(pass), sk2), 0);
	assert_int_eq(seal_open(k2.public_hex, sk2, box, plain, sizeof(plain), &n), APP_EPERM);
	box[10] = box[10] == 'A' ? 'B' : 'A';
	assert_int_eq(seal_open(k.public_hex, sk, box, plain, sizeof(plain), &n), APP_EPERM);
	assert_int_eq(seal_open(k.public_hex, sk, "***", plain, sizeof(plain), &n), APP_EINVAL);
	/* a secret box swapped in from another key is caught */
	struct sealed_keypair mixed = k;
	memcpy(mixed.public_hex, k2.public_hex, sizeof(mixed.public_hex));
	assert_true(seal_keypair_unlock(&mixed, pass, strlen(pass), sk) != 0);
}

static size_t tiny_jpeg_with_exif(uint8_t *j)
{
	static const uint8_t head[] = { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0,
					0, 1, 0, 1, 0, 0 };
	static const char exif[] = "Exif\0\0MM\0*\0\0\0\x08GPS-LAT-6.2088-SERIAL-1234";
	size_t n = 0;
	memcpy(j, head, sizeof(head));
	n = sizeof(head);
	size_t el = sizeof(exif) - 1 + 2;
	j[n++] = 0xFF; j[n++] = 0xE1; j[n++] = (uint8_t)(el >> 8); j[n++] = (uint8_t)el;
	memcpy(j + n, exif, sizeof(exif) - 1);
	n += sizeof(exif) - 1;
	/* DQT, SOF0 1x1 grey, DHT, SOS, a few bytes of scan data, EOI */
	static const uint8_t rest[] = { 0xFF, 0xDB, 0x00, 0x43, 0x00,
		1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
		1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,
		0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00,
		0xFF, 0xC4, 0x00, 0x14, 0x00, 0x01, 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0, 0x00,
		0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00, 0xD2, 0xCF, 0x20,
		0xFF, 0xD9 };
	memcpy(j + n, rest, sizeof(rest));
	return n + sizeof(rest);
}

static void bukti_sniff_and_strip(void **state)
{
	(void)state;
	uint8_t j[512];
	size_t n = tiny_jpeg_with_exif(j);
	struct bukti_prepared p;
	enum msg_id why;
	assert_int_eq(bukti_prepare(j, n, &p, &why), 0);
	assert_str_eq(p.mime, "image/jpeg");
	assert_int_eq(p.metadata_dihapus, 1);
	assert_true(memmem(p.data.ptr, p.data.len, "GPS-LAT", 7) == NULL);
	assert_true(memmem(p.data.ptr, p.data.len, "JFIF", 4) != NULL);
	assert_int_eq(strlen(p.sha256), 64);
	bukti_release(&p);

	/* a script named .jpg: refused by content */
	const char *html = "<html><body><script>alert(1)</script></body></html>";
	assert_int_eq(bukti_prepare((const uint8_t *)html, strlen(html), &p, &why), APP_EINVAL);
	assert_int_eq(why, M_BUKTI_TYPE);
	/* a PDF passes untouched */
	const char *pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n";
	assert_int_eq(bukti_prepare((const uint8_t *)pdf, strlen(pdf), &p, &why), 0);
	assert_str_eq(p.mime, "application/pdf");
	assert_int_eq(p.metadata_dihapus, 0);
	assert_int_eq(p.data.len, strlen(pdf));
	bukti_release(&p);
	/* a JPEG header glued on an HTML body: libmagic says JPEG, our parser
	 * finds no valid segments, so it is refused as broken */
	uint8_t glued[128] = { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0 };
	memcpy(glued + 20, html, strlen(html));
	assert_true(bukti_prepare(glued, 20 + strlen(html), &p, &why) != 0);
	/* empty and ELF */
	assert_int_eq(bukti_prepare((const uint8_t *)"", 0, &p, &why), APP_EINVAL);
	assert_int_eq(why, M_BUKTI_EMPTY);
	const uint8_t elf[64] = { 0x7F, 'E', 'L', 'F', 2, 1, 1 };
	assert_int_eq(bukti_prepare(elf, sizeof(elf), &p, &why), APP_EINVAL);
	assert_true(bukti_mime_allowed("video/webm"));
	assert_true(!bukti_mime_allowed("image/svg+xml"));
	assert_true(!bukti_mime_allowed("text/html"));
}

static void valid_input(struct laporan_input *in)
{
	memset(in, 0, sizeof(*in));
	snprintf(in->konteks, sizeof(in->konteks), "pemilu");
	snprintf(in->pelanggaran_kode, sizeof(in->pelanggaran_kode), "KE-1");
	snprintf(in->kejadian_tanggal, sizeof(in->kejadian_tanggal), "2026-11-01");
	snprintf(in->wilayah, sizeof(in->wilayah), "Jawa Tengah");
	snprintf(in->kronologi, sizeof(in->kronologi), "Memasang baliho bakal calon di kantor dinas.");
}

static void check_rules(void **state)
{
	(void)state;
	int32_t today = date_to_days(2026, 11, 23);
	struct laporan_input in;
	struct laporan_errors e = { .n = 0 };
	valid_input(&in);
	assert_int_eq(laporan_check(&in, today, &e), 0);

	valid_input(&in);
	snprintf(in.konteks, sizeof(in.konteks), "pilpres");
	snprintf(in.pelanggaran_kode, sizeof(in.pelanggaran_kode), "XX-9");
	snprintf(in.kejadian_tanggal, sizeof(in.kejadian_tanggal), "2026-12-01"); /* future */
	snprintf(in.kronologi, sizeof(in.kronologi), "pendek");
	snprintf(in.tautan, sizeof(in.tautan), "javascript:alert(1)");
	snprintf(in.terlapor_nip, sizeof(in.terlapor_nip), "123");
	e.n = 0;
	assert_int_eq(laporan_check(&in, today, &e), APP_EINVAL);
	assert_int_eq(laporan_error_of(&e, "konteks"), M_LAP_ERR_KONTEKS);
	assert_int_eq(laporan_error_of(&e, "pelanggaran_kode"), M_LAP_ERR_PELANGGARAN);
	assert_int_eq(laporan_error_of(&e, "kejadian_tanggal"), M_LAP_ERR_TANGGAL);
	assert_int_eq(laporan_error_of(&e, "kronologi"), M_LAP_ERR_KRONOLOGI);
	assert_int_eq(laporan_error_of(&e, "tautan"), M_LAP_ERR_TAUTAN);
	assert_int_eq(laporan_error_of(&e, "terlapor_nip"), M_LAP_ERR_NIP);

	/* a named report needs a name and a contact; the NIK, when given, 16 digits */
	valid_input(&in);
	snprintf(in.pelapor_mode, sizeof(in.pelapor_mode), "rahasia");
	snprintf(in.pelapor_nik, sizeof(in.pelapor_nik), "12345");
	e.n = 0;
	assert_int_eq(laporan_check(&in, today, &e), APP_EINVAL);
	assert_int_eq(laporan_error_of(&e, "pelapor_nama"), M_LAP_ERR_PELAPOR_NAMA);
	assert_int_eq(laporan_error_of(&e, "pelapor_kontak"), M_LAP_ERR_KONTAK);
	assert_int_eq(laporan_error_of(&e, "pelapor_nik"), M_LAP_ERR_NIK);
	/* 'lainnya' needs words; the learned-of day cannot precede the event */
	valid_input(&in);
	snprintf(in.pelanggaran_kode, sizeof(in.pelanggaran_kode), "lainnya");
	snprintf(in.diketahui_tanggal, sizeof(in.diketahui_tanggal), "2026-10-01");
	e.n = 0;
	assert_int_eq(laporan_check(&in, today, &e), APP_EINVAL);
	assert_int_eq(laporan_error_of(&e, "pelanggaran_lain"), M_LAP_ERR_LAIN);
	assert_int_eq(laporan_error_of(&e, "diketahui_tanggal"), M_LAP_ERR_DIKETAHUI);
	/* a valid NIP, spaced */
	valid_input(&in);
	snprintf(in.terlapor_nip, sizeof(in.terlapor_nip), "19800101 200501 1 001");
	snprintf(in.tautan, sizeof(in.tautan), "https://example.org/a\nhttp://example.org/b");
	e.n = 0;
	assert_int_eq(laporan_check(&in, today, &e), 0);
}

static void kekurangan_codes(void **state)
{
	(void)state;
	struct kasus *k = calloc(1, sizeof(*k));
	char out[64];
	laporan_kekurangan(k, 0, out, sizeof(out));
	assert_str_eq(out, "bukti;terlapor");
	snprintf(k->terlapor_nama, sizeof(k->terlapor_nama), "Budi");
	laporan_kekurangan(k, 0, out, sizeof(out));
	assert_str_eq(out, "bukti;terlapor"); /* a name alone does not identify */
	snprintf(k->terlapor_instansi, sizeof(k->terlapor_instansi), "Dinas X");
	laporan_kekurangan(k, 0, out, sizeof(out));
	assert_str_eq(out, "bukti");
	laporan_kekurangan(k, 1, out, sizeof(out));
	assert_str_eq(out, "");
	k->terlapor_instansi[0] = '\0';
	k->pegawai_id = 7;
	snprintf(k->tautan, sizeof(k->tautan), "https://example.org/x");
	laporan_kekurangan(k, 0, out, sizeof(out));
	assert_str_eq(out, "");
	free(k);
}

static void input_fields(void **state)
{
	(void)state;
	struct laporan_input in;
	memset(&in, 0, sizeof(in));
	assert_int_eq(laporan_input_set(&in, "wilayah", "Jateng", 6), 0);
	assert_str_eq(in.wilayah, "Jateng");
	assert_int_eq(laporan_input_set(&in, "tidak_ada", "x", 1), APP_ENOTFOUND);
	char big[300];
	memset(big, 'a', sizeof(big));
	assert_int_eq(laporan_input_set(&in, "wilayah", big, sizeof(big)), APP_ETOOBIG);
	assert_int_eq(laporan_input_set(&in, "wilayah", "a\0b", 3), APP_ETOOBIG);
	assert_int_eq(laporan_input_max("kronologi"), KASUS_KRONOLOGI_MAX - 1);
	char name[128];
	laporan_clean_name("../../etc/pass wd<script>.jpg", name, sizeof(name));
	assert_str_eq(name, "pass_wdscript.jpg");
	laporan_clean_name("C:\\Users\\x\\foto 1.JPG", name, sizeof(name));
	assert_str_eq(name, "foto_1.JPG");
}

/* `serve --laporan-per-jam` raises the filing limit for benchmarks only:
 * <= 0 restores the default, and nothing goes above the hard cap. */
static void per_client_limit(void **state)
{
	(void)state;
	assert_int_equal(laporan_per_client(), LIMIT_LAPORAN_PER_CLIENT);
	laporan_set_per_client(500);
	assert_int_equal(laporan_per_client(), 500);
	laporan_set_per_client(INT64_MAX);
	assert_int_equal(laporan_per_client(), LIMIT_LAPORAN_PER_CLIENT_HARD);
	laporan_set_per_client(0);
	assert_int_equal(laporan_per_client(), LIMIT_LAPORAN_PER_CLIENT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(receipt_format),
		cmocka_unit_test(receipt_hash_salted),
		cmocka_unit_test(seal_round_trip),
		cmocka_unit_test(bukti_sniff_and_strip),
		cmocka_unit_test(check_rules),
		cmocka_unit_test(kekurangan_codes),
		cmocka_unit_test(input_fields),
		cmocka_unit_test(per_client_limit),
	};
	return RUN_TESTS("laporan", tests);
}
