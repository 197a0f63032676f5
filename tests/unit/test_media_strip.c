#include "core/compat.h"
#include "app/media_strip.h"
#include "core/err.h"
#include "test_helpers.h"

static size_t seg(uint8_t *p, uint8_t marker, const char *payload)
{
	size_t len = strlen(payload) + 2;
	p[0] = 0xFF;
	p[1] = marker;
	p[2] = (uint8_t)(len >> 8);
	p[3] = (uint8_t)len;
	memcpy(p + 4, payload, len - 2);
	return len + 2;
}

static int contains(const struct buf *b, const char *needle)
{
	return memmem(b->ptr, b->len, needle, strlen(needle)) != NULL;
}

static size_t make_jpeg(uint8_t *j)
{
	size_t n = 0;
	j[n++] = 0xFF; j[n++] = 0xD8;
	n += seg(j + n, 0xE0, "JFIF keep-app0");
	n += seg(j + n, 0xE1, "Exif GPS-LAT-6.2088-LON-106.8456 SERIAL-1234");
	n += seg(j + n, 0xE2, "ICC_PROFILE keep");
	n += seg(j + n, 0xFE, "comment: taken by reporter");
	n += seg(j + n, 0xED, "Photoshop 3.0 IPTC byline");
	n += seg(j + n, 0xDB, "quant-table");
	n += seg(j + n, 0xDA, "scan-header");
	memcpy(j + n, "PIXELDATA\xFF\xD9", 11);
	return n + 11;
}

static void jpeg_exif_removed(void **state)
{
	(void)state;
	uint8_t j[512];
	size_t n = make_jpeg(j);
	assert_int_eq(media_sniff(j, n), MEDIA_JPEG);
	struct buf out;
	buf_init(&out, 1 << 20);
	int removed = -1;
	assert_int_eq(media_strip_metadata(j, n, &out, &removed), 0);
	assert_int_eq(removed, 3);
	assert_false(contains(&out, "GPS"));
	assert_false(contains(&out, "SERIAL"));
	assert_false(contains(&out, "reporter"));
	assert_false(contains(&out, "IPTC"));
	assert_true(contains(&out, "keep-app0"));
	assert_true(contains(&out, "ICC_PROFILE"));
	assert_true(contains(&out, "quant-table"));
	assert_true(contains(&out, "PIXELDATA\xFF\xD9"));
	/* Stripping a clean image changes nothing. */
	struct buf again;
	buf_init(&again, 1 << 20);
	assert_int_eq(media_strip_metadata((uint8_t *)out.ptr, out.len, &again, &removed), 0);
	assert_int_eq(removed, 0);
	assert_int_eq(again.len, out.len);
	assert_memory_equal(again.ptr, out.ptr, out.len);
	buf_release(&again);
	buf_release(&out);
}

static void jpeg_truncated_rejected(void **state)
{
	(void)state;
	uint8_t j[512];
	size_t n = make_jpeg(j);
	struct buf out;
	buf_init(&out, 1 << 20);
	int removed;
	/* Cut inside the Exif segment: its length runs past the end. */
	assert_int_eq(media_strip_metadata(j, 30, &out, &removed), APP_EINVAL);
	buf_reset(&out);
	/* Only the start marker: no segment, no scan. */
	assert_int_eq(media_strip_metadata(j, 3, &out, &removed), APP_EINVAL);
	buf_release(&out);
	(void)n;
}

static size_t chunk(uint8_t *p, const char *type, const char *data)
{
	uint32_t len = (uint32_t)strlen(data);
	p[0] = (uint8_t)(len >> 24); p[1] = (uint8_t)(len >> 16);
	p[2] = (uint8_t)(len >> 8); p[3] = (uint8_t)len;
	memcpy(p + 4, type, 4);
	memcpy(p + 8, data, len);
	memset(p + 8 + len, 0xAB, 4); /* CRC: not checked by the stripper */
	return 12 + len;
}

static void png_text_removed(void **state)
{
	(void)state;
	uint8_t p[512];
	size_t n = 0;
	memcpy(p, "\x89PNG\r\n\x1a\n", 8);
	n = 8;
	n += chunk(p + n, "IHDR", "0123456789abc");
	n += chunk(p + n, "tEXt", "Author\0Pelapor Rahasia");
	n += chunk(p + n, "eXIf", "GPS-PNG");
	n += chunk(p + n, "IDAT", "pixels");
	n += chunk(p + n, "tIME", "1234567");
	n += chunk(p + n, "IEND", "");
	struct buf out;
	buf_init(&out, 1 << 20);
	int removed;
	assert_int_eq(media_strip_metadata(p, n, &out, &removed), 0);
	assert_int_eq(removed, 3);
	assert_false(contains(&out, "Pelapor"));
	assert_false(contains(&out, "GPS-PNG"));
	assert_true(contains(&out, "pixels"));
	assert_true(contains(&out, "IEND"));
	buf_reset(&out);
	/* A chunk length beyond the file is malformed. */
	p[8 + 3] = 0x7F;
	assert_int_eq(media_strip_metadata(p, n, &out, &removed), APP_EINVAL);
	buf_release(&out);
}

static void put_le32(uint8_t *p, uint32_t v)
{
	for (int k = 0; k < 4; k++)
		p[k] = (uint8_t)(v >> (8 * k));
}

static size_t rchunk(uint8_t *p, const char *type, const char *data, size_t len)
{
	memcpy(p, type, 4);
	put_le32(p + 4, (uint32_t)len);
	memcpy(p + 8, data, len);
	size_t padded = len + (len & 1);
	if (padded > len)
		p[8 + len] = 0;
	return 8 + padded;
}

static void webp_exif_removed(void **state)
{
	(void)state;
	uint8_t w[256];
	size_t n = 12;
	memcpy(w, "RIFF\0\0\0\0WEBP", 12);
	n += rchunk(w + n, "VP8X", "\x0C\0\0\0\0\0\0\0\0\0", 10);
	n += rchunk(w + n, "VP8 ", "frame", 5);
	n += rchunk(w + n, "EXIF", "GPS-WEBP", 8);
	n += rchunk(w + n, "XMP ", "<x:xmpmeta/>", 12);
	put_le32(w + 4, (uint32_t)(n - 8));
	struct buf out;
	buf_init(&out, 1 << 20);
	int removed;
	assert_int_eq(media_strip_metadata(w, n, &out, &removed), 0);
	assert_int_eq(removed, 2);
	assert_false(contains(&out, "GPS-WEBP"));
	assert_false(contains(&out, "xmpmeta"));
	assert_true(contains(&out, "frame"));
	/* Flags cleared, RIFF size matches the new length. */
	assert_int_eq((uint8_t)out.ptr[20] & 0x0C, 0);
	uint32_t size = (uint8_t)out.ptr[4] | (uint8_t)out.ptr[5] << 8 |
			(uint32_t)(uint8_t)out.ptr[6] << 16 | (uint32_t)(uint8_t)out.ptr[7] << 24;
	assert_int_eq(size, out.len - 8);
	buf_release(&out);
}

static void other_kinds_not_touched(void **state)
{
	(void)state;
	const uint8_t pdf[] = "%PDF-1.7\n";
	struct buf out;
	buf_init(&out, 1024);
	int removed;
	assert_int_eq(media_sniff(pdf, sizeof(pdf) - 1), MEDIA_UNKNOWN);
	assert_int_eq(media_strip_metadata(pdf, sizeof(pdf) - 1, &out, &removed), APP_ENOTFOUND);
	buf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(jpeg_exif_removed),
		cmocka_unit_test(jpeg_truncated_rejected),
		cmocka_unit_test(png_text_removed),
		cmocka_unit_test(webp_exif_removed),
		cmocka_unit_test(other_kinds_not_touched),
	};
	return RUN_TESTS("media_strip", tests);
}
