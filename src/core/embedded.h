/* Files compiled into the binary by tools/embed: migrations, static assets
 * and seed data, addressed by their path in the source tree
 * ("src/store/migrations/sqlite/0001_init.sql", "static/wasdal.css"). */
#ifndef WASDAL_CORE_EMBEDDED_H
#define WASDAL_CORE_EMBEDDED_H

#include <stddef.h>

struct embedded_file {
	const char *path;
	const char *data; /* NUL-terminated, may contain NULs for binary files */
	size_t len;
};

/* Terminated by an entry with path NULL. */
extern const struct embedded_file embedded_files[];

const struct embedded_file *embedded_find(const char *path);
/* Visit, in path order, every file whose path starts with prefix. */
size_t embedded_list(const char *prefix, const struct embedded_file **out, size_t max);

#endif
