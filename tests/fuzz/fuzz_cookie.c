/* libFuzzer target: the Cookie header parser. */
#include "core/compat.h"
#include "http/cookie.c"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	arena_init(&a);
	struct http_param *v;
	size_t n;
	if (cookie_parse(&a, (const char *)data, size, 32, &v, &n) == 0)
		for (size_t i = 0; i < n; i++)
			if (!v[i].name[0] || strlen(v[i].value) != v[i].len)
				abort();
	arena_release(&a);
	return 0;
}
