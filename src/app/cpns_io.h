/* File plumbing for the CPNS batch: read-only maps of the inputs, and
 * outputs written to a temporary file in the target directory, fsync'd and
 * renamed into place, so a crash never leaves a half-written results.csv.
 * Every output is hashed (SHA-256) as it is written. */
#ifndef WASDAL_APP_CPNS_IO_H
#define WASDAL_APP_CPNS_IO_H

#include <stddef.h>
#include "crypto/sha256.h"

struct cpns_map {
	const char *data;  /* never NULL (empty files map to "") */
	size_t len;
	void *base;        /* munmap target, NULL for an empty file */
};

/* Map path read-only. Prints a bilingual error and returns -1 on failure. */
int cpns_map_open(const char *path, struct cpns_map *m);
void cpns_map_close(struct cpns_map *m);

#define CPNS_OUT_BUF (1u << 20)

struct cpns_out {
	int fd;
	int err;           /* errno of the first failure, 0 if none */
	char *tmp, *path;
	struct sha256 sha;
	size_t n;
	char *buf;         /* CPNS_OUT_BUF bytes */
	int finished;      /* cpns_out_finish was called */
};

/* Open DIR/NAME for atomic writing (DIR/.NAME.XXXXXX underneath). */
int cpns_out_open(struct cpns_out *o, const char *dir, const char *name);
void cpns_out_write(struct cpns_out *o, const void *p, size_t n);
/* Make room for at least n (<= 256) bytes and return where to write them;
 * the caller then advances o->n. Keeps the hot writer loop free of calls. */
char *cpns_out_reserve(struct cpns_out *o, size_t n);
void cpns_out_printf(struct cpns_out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Flush and finish the SHA-256 (hex may be NULL) but keep the file open
 * and unnamed: the fsync and rename of cpns_out_commit can then run on
 * another thread while the caller goes on. */
void cpns_out_finish(struct cpns_out *o, char hex[SHA256_HEX]);
/* Flush, fsync, rename into place; hex gets the SHA-256 (may be NULL;
 * unused after cpns_out_finish).
 * Prints a bilingual error and returns -1 on failure (the temp is removed). */
int cpns_out_commit(struct cpns_out *o, char hex[SHA256_HEX]);
/* Drop the temporary file. */
void cpns_out_abort(struct cpns_out *o);

/* SHA-256 of a whole file, hex. Returns -1 (errno set) if unreadable. */
int cpns_file_sha256(const char *path, char hex[SHA256_HEX]);

/* Decimal of v into p; returns the number of bytes written (<= 10). */
static inline size_t cpns_utoa(char *p, uint32_t v)
{
	char t[10];
	size_t n = 0;
	do {
		t[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	for (size_t i = 0; i < n; i++)
		p[i] = t[n - 1 - i];
	return n;
}

#endif
