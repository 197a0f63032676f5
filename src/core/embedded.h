/* Files compiled into the binary by tools/embed: migrations, static assets
 * and seed data, addressed by their path in the source tree
 * ("src/store/migrations/sqlite/0001_init.sql", "static/wasdal.css"). */
#ifndef WASDAL_CORE_EMBEDDED_H
#define WASDAL_CORE_EMBEDDED_H

#include <stdatomic.h>
#include <stddef.h>

struct load_error;

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

/* A rule table of data/ that its engine loads from the embedded copy once
 * per process, on first use, from any thread. A static one per table:
 *   static struct pengingat_rules g_rules;
 *   static struct embedded_table g_table = {
 *	"data/netralitas/pengingat.csv", "pengingat", load_rules, &g_rules };
 * load parses p[0..n) into out (0, or an error with *err filled). */
struct embedded_table {
	const char *path;
	const char *who;  /* prefix of the log line when the table cannot be read */
	int (*load)(void *out, const char *p, size_t n, struct load_error *err);
	void *out;
	atomic_int state; /* private: 0 not yet loaded, 1 loaded, -1 unreadable */
};

/* t->out once loaded; NULL when the embedded file is missing or does not
 * load (logged once: a broken build, not a user's error). */
const void *embedded_table_once(struct embedded_table *t);

#endif
