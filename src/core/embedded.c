#include "core/compat.h"
#include "core/embedded.h"
#include "core/csv_table.h"
#include "core/log.h"
#include <pthread.h>

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

/* pthread_once cannot hand its routine an argument, so the tables share one
 * lock instead; it is taken only until a table has been tried (state set
 * with release, read with acquire: a reader that sees it sees *out). */
static pthread_mutex_t g_table_lock = PTHREAD_MUTEX_INITIALIZER;

const void *embedded_table_once(struct embedded_table *t)
{
	int state = atomic_load_explicit(&t->state, memory_order_acquire);
	if (!state) {
		pthread_mutex_lock(&g_table_lock);
		state = atomic_load_explicit(&t->state, memory_order_relaxed);
		if (!state) {
			const struct embedded_file *f = embedded_find(t->path);
			struct load_error err;
			state = f && t->load(t->out, f->data, f->len, &err) == 0 ? 1 : -1;
			if (state < 0)
				log_error("%s: %s cannot be read", t->who, t->path);
			atomic_store_explicit(&t->state, state, memory_order_release);
		}
		pthread_mutex_unlock(&g_table_lock);
	}
	return state > 0 ? t->out : NULL;
}
