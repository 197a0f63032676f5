#include "core/compat.h"
#include "app/media_strip.h"
#include "core/err.h"

enum media_kind media_sniff(const uint8_t *p, size_t n)
{
	if (n >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF)
		return MEDIA_JPEG;
	if (n >= 8 && !memcmp(p, "\x89PNG\r\n\x1a\n", 8))
		return MEDIA_PNG;
	if (n >= 12 && !memcmp(p, "RIFF", 4) && !memcmp(p + 8, "WEBP", 4))
		return MEDIA_WEBP;
	return MEDIA_UNKNOWN;
}

static int jpeg_drop(uint8_t marker)
{
	return marker == 0xE1 || marker == 0xEC || marker == 0xED || marker == 0xFE;
}

static int strip_jpeg(const uint8_t *in, size_t n, struct buf *out, int *removed)
{
	size_t i = 2;
	int rc = buf_add(out, in, 2);
	while (!rc) {
		if (i + 4 > n || in[i] != 0xFF)
			return APP_EINVAL;
		uint8_t marker = in[i + 1];
		if (marker == 0xFF) { /* fill byte before a marker */
			i++;
			continue;
		}
		/* Standalone markers carry no length. */
		if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
			rc = buf_add(out, in + i, 2);
			i += 2;
			continue;
		}
		size_t len = (size_t)in[i + 2] << 8 | in[i + 3];
		if (len < 2 || i + 2 + len > n)
			return APP_EINVAL;
		if (marker == 0xDA) {
			/* Start of scan: entropy-coded data follows up to EOI;
			 * everything after SOS is image data and is kept whole. */
			return buf_add(out, in + i, n - i);
		}
		if (jpeg_drop(marker))
			(*removed)++;
		else
			rc = buf_add(out, in + i, 2 + len);
		i += 2 + len;
	}
	return rc;
}

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t le32(const uint8_t *p)
{
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

static int png_drop(const uint8_t *type)
{
	static const char *const names[] = { "eXIf", "tEXt", "zTXt", "iTXt", "tIME" };
	for (size_t k = 0; k < ARRAY_SIZE(names); k++)
		if (!memcmp(type, names[k], 4))
			return 1;
	return 0;
}

static int strip_png(const uint8_t *in, size_t n, struct buf *out, int *removed)
{
	size_t i = 8;
	int rc = buf_add(out, in, 8), seen_end = 0;
	while (!rc && !seen_end) {
		if (i + 12 > n)
			return APP_EINVAL;
		uint32_t len = be32(in + i);
		if (len > n - i - 12)
			return APP_EINVAL;
		const uint8_t *type = in + i + 4;
		seen_end = !memcmp(type, "IEND", 4);
		if (png_drop(type))
			(*removed)++;
		else
			rc = buf_add(out, in + i, 12 + (size_t)len);
		i += 12 + (size_t)len;
	}
	return rc;
}

static int strip_webp(const uint8_t *in, size_t n, struct buf *out, int *removed)
{
	uint32_t riff = le32(in + 4);
	if ((size_t)riff + 8 > n || riff < 4)
		return APP_EINVAL;
	n = (size_t)riff + 8;
	int rc = buf_add(out, in, 12);
	size_t vp8x_flags_at = 0, i = 12;
	while (!rc && i < n) {
		if (i + 8 > n)
			return APP_EINVAL;
		uint32_t len = le32(in + i + 4);
		size_t padded = (size_t)len + (len & 1);
		if (padded > n - i - 8)
			return APP_EINVAL;
		if (!memcmp(in + i, "EXIF", 4) || !memcmp(in + i, "XMP ", 4)) {
			(*removed)++;
		} else {
			if (!memcmp(in + i, "VP8X", 4) && len >= 1)
				vp8x_flags_at = out->len + 8;
			rc = buf_add(out, in + i, 8 + padded);
		}
		i += 8 + padded;
	}
	if (rc)
		return rc;
	/* Clear the EXIF (0x08) and XMP (0x04) flags and fix the RIFF size. */
	if (vp8x_flags_at)
		out->ptr[vp8x_flags_at] = (char)((uint8_t)out->ptr[vp8x_flags_at] & ~0x0C);
	uint32_t size = (uint32_t)(out->len - 8);
	for (int k = 0; k < 4; k++)
		out->ptr[4 + k] = (char)(size >> (8 * k) & 0xFF);
	return 0;
}

int media_strip_metadata(const uint8_t *in, size_t n, struct buf *out, int *removed)
{
	*removed = 0;
	switch (media_sniff(in, n)) {
	case MEDIA_JPEG: return strip_jpeg(in, n, out, removed);
	case MEDIA_PNG: return strip_png(in, n, out, removed);
	case MEDIA_WEBP: return strip_webp(in, n, out, removed);
	default: return APP_ENOTFOUND;
	}
}
