/* The tamper-evident audit chain. Each record carries the SHA-256 of the
 * previous one; its own hash covers every field. audit_append must run inside
 * the caller's write transaction, so a change and its record commit or roll
 * back together. */
#ifndef WASDAL_APP_AUDIT_H
#define WASDAL_APP_AUDIT_H

#include <stdint.h>
#include "app/principal.h"

struct store;

/* actor NULL means the system (a command run by an operator records the OS
 * user in actor name "cli:<user>"). diff_json is a compact JSON object of
 * what changed ({"field":[old,new],...}) or NULL. */
int audit_append(struct store *s, const struct principal *actor, const char *action,
		 const char *object_type, const char *object_id, const char *diff_json);

struct audit_verify_result {
	int64_t count;
	char head_hash[65];
	int64_t bad_seq;      /* first bad record, 0 when intact */
	char problem[160];    /* what is wrong with it, Bahasa Indonesia */
	char problem_en[160]; /* the same in English */
};

/* Walks the whole chain: 0 when intact, APP_ECONFLICT when a record was
 * edited, deleted, inserted or reordered (details in *r). */
int audit_verify(struct store *s, struct audit_verify_result *r);

#endif
