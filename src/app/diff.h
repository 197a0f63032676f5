/* Compact JSON diffs for audit records: {"field":[old,new],...}, only the
 * fields that changed, in the order they are offered. */
#ifndef WASDAL_APP_DIFF_H
#define WASDAL_APP_DIFF_H

#include <stdint.h>
#include "core/buf.h"
#include "core/jsonw.h"

struct diff {
	struct buf b;
	struct jsonw w;
	int n;
};

void diff_init(struct diff *d);
void diff_release(struct diff *d);
/* old NULL means "did not exist" (written as null). */
void diff_str(struct diff *d, const char *field, const char *old, const char *new_);
void diff_int(struct diff *d, const char *field, int64_t old, int64_t new_);
/* Always recorded, even when equal (context such as a reason). */
void diff_note(struct diff *d, const char *field, const char *value);
/* The JSON, or NULL when nothing was added. Valid until diff_release. */
const char *diff_json(struct diff *d);
int diff_count(const struct diff *d);

#endif
