/* Removes identifying metadata from uploaded images before they are stored:
 * a photo from a reporter's phone carries the place it was taken (EXIF GPS),
 * the camera's serial number and the time, which can identify the reporter.
 * Pixels are left untouched; only metadata containers are dropped.
 *
 * JPEG: APP1 (Exif, XMP), APP12, APP13 (IPTC/Photoshop) and COM segments are
 * removed; APP0 (JFIF), APP2 (ICC colour profile) and APP14 (Adobe colour
 * transform) stay because decoders need them.
 * PNG: eXIf, tEXt, zTXt, iTXt and tIME chunks are removed.
 * WebP: EXIF and XMP chunks are removed and the VP8X flags updated. */
#ifndef WASDAL_APP_MEDIA_STRIP_H
#define WASDAL_APP_MEDIA_STRIP_H

#include <stddef.h>
#include <stdint.h>
#include "core/buf.h"

enum media_kind { MEDIA_UNKNOWN = 0, MEDIA_JPEG, MEDIA_PNG, MEDIA_WEBP };

/* From the first bytes, never from a file name. */
enum media_kind media_sniff(const uint8_t *p, size_t n);

/* Writes the cleaned image to out. *removed counts the metadata blocks
 * dropped (so the reporter can be told). Returns 0; APP_EINVAL when the
 * image is malformed (truncated segment, bad chunk length); APP_ETOOBIG when
 * out's limit is hit; APP_ENOTFOUND when the kind is not an image we clean
 * (the caller decides: PDF and video are stored as they are). */
int media_strip_metadata(const uint8_t *in, size_t n, struct buf *out, int *removed);

#endif
