/* Reading the audit chain, with the principal: what the audit page and the
 * employee history show. (audit.h appends and verifies.) */
#ifndef WASDAL_APP_AUDIT_VIEW_H
#define WASDAL_APP_AUDIT_VIEW_H

#include <stdint.h>
#include "app/principal.h"
#include "store/store.h"
#include "app/audit.h"

/* May p read the whole chain (PERM_AUDIT_READ at national scope)? */
int audit_view_allowed(const struct principal *p);

/* Latest seq and head hash (PERM_AUDIT_READ at national scope "/": the
 * chain names actors and objects of every instansi; else APP_EPERM). */
int audit_view_head(struct store *s, const struct principal *p, int64_t *seq, char hash[65]);

/* Records with seq in (before_seq - limit, before_seq), newest first
 * (as audit_view_head). before_seq 0 means "from the head". */
int audit_view_page(struct store *s, const struct principal *p, int64_t before_seq, int limit,
		    int (*cb)(void *ctx, const struct audit_rec *), void *ctx);

/* The history of one employee, newest first: PERM_REGISTRY_READ and the
 * employee in p's scope (APP_ENOTFOUND otherwise, like registry_get). */
int audit_view_pegawai(struct store *s, const struct principal *p, const char *nip, int limit,
		       int (*cb)(void *ctx, const struct audit_rec *), void *ctx);

/* audit_verify for a principal with PERM_AUDIT_READ. */
int audit_view_verify(struct store *s, const struct principal *p, struct audit_verify_result *r);

#endif
