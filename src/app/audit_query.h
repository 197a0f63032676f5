/* Reading the audit chain on behalf of a principal (the API and pages).
 * The chain itself (append, verify) is app/audit.h; this adds who may read
 * what:
 * - the whole chain: PERM_AUDIT_READ with national scope ("/"), because
 *   records name actors and objects of every instansi;
 * - one employee's records: PERM_AUDIT_READ or PERM_REGISTRY_WRITE, and the
 *   employee visible to p (registry_get: out of scope is APP_ENOTFOUND);
 * - verification: PERM_AUDIT_READ at any scope (it reveals counts and
 *   hashes, which may be published anyway).
 * Returns 0 or a negative enum app_err. */
#ifndef WASDAL_APP_AUDIT_QUERY_H
#define WASDAL_APP_AUDIT_QUERY_H

#include <stdint.h>
#include "app/audit.h"
#include "app/principal.h"
#include "store/store.h"

/* Records with seq >= from_seq in seq order, at most limit (1..). */
int audit_query_list(struct store *s, const struct principal *p, int64_t from_seq, int limit,
		     int (*cb)(void *ctx, const struct audit_rec *), void *ctx);
/* Number of records (the head seq) and the head hash. */
int audit_query_head(struct store *s, const struct principal *p, int64_t *count, char hash[65]);
/* Records about the employee nip, newest first, at most limit. */
int audit_query_pegawai(struct store *s, const struct principal *p, const char *nip, int limit,
			int (*cb)(void *ctx, const struct audit_rec *), void *ctx);
int audit_query_verify(struct store *s, const struct principal *p, struct audit_verify_result *r);

#endif
