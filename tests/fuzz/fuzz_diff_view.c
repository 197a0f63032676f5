/* libFuzzer target: the audit diff renderer reads stored JSON; whatever it
 * gets, the output must stay well-formed (no raw '<' from the input). */
#include "core/compat.h"
#include "web/html.c"
#include "web/diff_view.c"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = strndup((const char *)data, size);
	struct buf b;
	buf_init(&b, 1 << 22);
	struct html h;
	html_init(&h, &b);
	diff_view(&h, s);
	/* Every '<' in the output starts one of the renderer's own tags. */
	static const char *const tags[] = { "<ul class=\"diff\">", "</ul>", "<li>", "</li>",
		"<span class=\"field\">", "</span>", "<del>", "</del>", "<ins>", "</ins>",
		"<em>", "</em>", "<code class=\"diff\">", "</code>" };
	for (const char *p = b.ptr; (p = strchr(p, '<')) != NULL; p++) {
		int known = 0;
		for (size_t i = 0; i < sizeof(tags) / sizeof(tags[0]) && !known; i++)
			known = !strncmp(p, tags[i], strlen(tags[i]));
		if (!known)
			abort();
	}
	buf_release(&b);
	free(s);
	return 0;
}
