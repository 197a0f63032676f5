/* libFuzzer target: query strings and urlencoded form bodies. The parser
 * lives in src/http (not linked into fuzz builds), so it is included. */
#include "core/compat.h"
#include "http/form.c"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	arena_init(&a);
	struct http_param *v;
	size_t n;
	if (form_parse(&a, (const char *)data, size, 64, &v, &n) == 0) {
		for (size_t i = 0; i < n; i++)
			if (!v[i].name[0] || strlen(v[i].value) > v[i].len || v[i].value[v[i].len] != '\0')
				abort();
	}
	char *dst = malloc(size + 1);
	long dl = url_decode(dst, (const char *)data, size, 1);
	if (dl > (long)size)
		abort();
	free(dst);
	arena_release(&a);
	return 0;
}
