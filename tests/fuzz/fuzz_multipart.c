/* libFuzzer target: multipart/form-data bodies. The first line of the
 * input is the Content-Type header value, the rest the body. */
#include "core/compat.h"
#include "http/multipart.c"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data;
	const char *nl = memchr(p, '\n', size);
	if (!nl)
		return 0;
	char *ct = strndup(p, (size_t)(nl - p));
	char boundary[80];
	if (strlen(ct) == (size_t)(nl - p) && multipart_boundary(ct, boundary, sizeof(boundary)) == 0) {
		struct arena a;
		arena_init(&a);
		struct multipart_part *parts;
		size_t n;
		const char *body = nl + 1;
		size_t blen = size - (size_t)(nl + 1 - p);
		if (multipart_parse(&a, boundary, body, blen, 16, &parts, &n) == 0) {
			for (size_t i = 0; i < n; i++)
				if (!parts[i].name || !parts[i].name[0] || parts[i].len > blen)
					abort();
		}
		arena_release(&a);
	}
	free(ct);
	return 0;
}
