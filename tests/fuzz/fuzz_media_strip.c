/* libFuzzer target: uploaded images are outside input. Stripping must never
 * read out of bounds, and its output must be stable (stripping twice removes
 * nothing more). */
#include "core/compat.h"
#include "app/media_strip.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf out, again;
	int removed;
	buf_init(&out, 1 << 22);
	buf_init(&again, 1 << 22);
	if (media_strip_metadata(data, size, &out, &removed) == 0) {
		if (out.len > size)
			abort();
		if (media_strip_metadata((const uint8_t *)out.ptr, out.len, &again, &removed) == 0 &&
		    removed != 0)
			abort();
	}
	buf_release(&out);
	buf_release(&again);
	return 0;
}
