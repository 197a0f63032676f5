/* A bounded, growable byte buffer (curl dynbuf + git strbuf invariants):
 * ptr is never NULL after buf_init and always NUL-terminated; an append that
 * would pass max fails with APP_ETOOBIG and leaves the buffer unchanged. */
#ifndef WASDAL_CORE_BUF_H
#define WASDAL_CORE_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *ptr;
	size_t len, cap, max;
};

#define BUF_NOLIMIT ((size_t)-1 / 2)

void buf_init(struct buf *b, size_t max);
void buf_release(struct buf *b);
void buf_reset(struct buf *b);
/* Detach the string; the caller frees it. The buffer is re-initialised. */
char *buf_detach(struct buf *b, size_t *len);
/* Makes room for extra more bytes (and the NUL) without appending: after a
 * 0 return, ptr[len .. len + extra] may be written directly. */
int buf_reserve(struct buf *b, size_t extra) __attribute__((warn_unused_result));
int buf_add(struct buf *b, const void *p, size_t n) __attribute__((warn_unused_result));
int buf_adds(struct buf *b, const char *s) __attribute__((warn_unused_result));
int buf_addc(struct buf *b, char c) __attribute__((warn_unused_result));
int buf_addf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3), warn_unused_result));
int buf_vaddf(struct buf *b, const char *fmt, va_list ap) __attribute__((warn_unused_result));

#endif
