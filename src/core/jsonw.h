/* A small streaming JSON writer for command-line output and exports that
 * must not pull jansson outside api/. It only writes; parsing of outside
 * JSON stays in api/ with jansson. */
#ifndef WASDAL_CORE_JSONW_H
#define WASDAL_CORE_JSONW_H

#include <stdint.h>
#include "core/buf.h"

struct jsonw {
	struct buf *out;
	int depth;
	unsigned need_comma; /* bit per depth */
	int err;
};

void jsonw_init(struct jsonw *w, struct buf *out);
void jsonw_obj_begin(struct jsonw *w);
void jsonw_obj_end(struct jsonw *w);
void jsonw_arr_begin(struct jsonw *w);
void jsonw_arr_end(struct jsonw *w);
void jsonw_key(struct jsonw *w, const char *key);
void jsonw_str(struct jsonw *w, const char *s);
void jsonw_strn(struct jsonw *w, const char *s, size_t n);
void jsonw_int(struct jsonw *w, int64_t v);
void jsonw_bool(struct jsonw *w, int v);
void jsonw_null(struct jsonw *w);
/* Key + value shorthands. */
void jsonw_kv_str(struct jsonw *w, const char *key, const char *s);
void jsonw_kv_int(struct jsonw *w, const char *key, int64_t v);
void jsonw_kv_bool(struct jsonw *w, const char *key, int v);
/* Append s as a JSON string literal (with quotes) to b. */
int json_escape(struct buf *b, const char *s, size_t n);

#endif
