#include "core/compat.h"
#include "core/embedded.h"

const struct embedded_file *embedded_find(const char *path)
{
	for (const struct embedded_file *f = embedded_files; f->path; f++)
		if (!strcmp(f->path, path))
			return f;
	return NULL;
}

/* The table is generated from a sorted file list, so prefix matches come out
 * in path order: migrations apply in NNNN order. */
size_t embedded_list(const char *prefix, const struct embedded_file **out, size_t max)
{
	size_t n = 0, plen = strlen(prefix);
	for (const struct embedded_file *f = embedded_files; f->path; f++)
		if (!strncmp(f->path, prefix, plen)) {
			if (n < max)
				out[n] = f;
			n++;
		}
	return n;
}
