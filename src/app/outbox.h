/* Notifications through the outbox: other areas publish an event inside
 * their own write transaction (so a case change and its notification commit
 * together); a sender drains the queue, e-mail over SMTP and webhooks over
 * HTTP POST signed with HMAC-SHA256, retrying with exponential backoff and
 * jitter until max attempts, then failed_permanent (listed, re-queueable).
 * Delivery is at least once; receivers deduplicate on X-Wasdal-Delivery /
 * Message-ID (docs/operations.md). */
#ifndef WASDAL_APP_OUTBOX_H
#define WASDAL_APP_OUTBOX_H

#include <stdint.h>
#include "app/principal.h"
#include "store/store.h"
#include "store/store_outbox.h"

/* ---- publishing (inside the caller's write transaction) ---- */

struct outbox_event_spec {
	const char *kind;          /* "kasus.pengingat", "kasus.terlambat", ... (<= 63 bytes) */
	const char *object;        /* "kasus/NTR-2026-000123" */
	const char *payload_json;  /* a JSON value the caller built; NULL = null */
	const char *dedup_key;     /* the event fires once per key (<= 200 bytes) */
	/* e-mail to the enabled accounts of these roles (bit 1u << enum role)
	 * whose scope covers scope_path and that have an address; 0 = none */
	unsigned email_roles;
	const char *scope_path;
	const char *subject;       /* UTF-8, one line */
	const char *text;          /* UTF-8 body */
	/* plus these addresses (NULL-terminated), e.g. a reporter who gave one */
	const char *const *email_to;
};

/* Fan an event out: one webhook message per active subscription whose event
 * list matches kind, one e-mail per recipient. Needs a write transaction.
 * *queued (may be NULL) gets the number of new messages (0 when every one
 * was queued before under the same dedup key). */
int outbox_publish(struct store *s, const struct outbox_event_spec *e, int *queued);

/* The short form, webhooks only. */
int outbox_event(struct store *s, const char *kind, const char *object, const char *payload_json,
		 const char *dedup_key);

/* ---- sending ---- */

struct outbox_config {
	char smtp_url[512];        /* smtp://[user:pass@]host[:port] or smtps://...; "" = no e-mail */
	char smtp_from[255];       /* envelope and From: address */
	char from_name[128];       /* From: display name */
	int starttls_required;     /* smtp://: refuse to send without STARTTLS */
	int max_attempts;          /* then failed_permanent */
	int64_t backoff_base_ms, backoff_cap_ms;
	int64_t lease_ms;          /* must outlast a batch: batch * timeout */
	int64_t timeout_ms;        /* one delivery */
	int batch;
	char owner[64];            /* this sender: host:pid:random */
};

/* Defaults, then the environment: WASDAL_SMTP_URL, WASDAL_SMTP_FROM,
 * WASDAL_SMTP_FROM_NAME, WASDAL_SMTP_STARTTLS=required,
 * WASDAL_OUTBOX_MAX_ATTEMPTS, WASDAL_OUTBOX_BACKOFF_MS,
 * WASDAL_OUTBOX_BACKOFF_CAP_MS, WASDAL_OUTBOX_LEASE_MS,
 * WASDAL_OUTBOX_TIMEOUT_MS. APP_EINVAL (with the variable in *bad) when one
 * is malformed. */
int outbox_config_load(struct outbox_config *c, const char **bad);

struct outbox_stats {
	int sent, retried, failed, lost; /* lost: our lease expired meanwhile */
};

/* Send everything due now, batch by batch, until nothing is due. Each
 * claim and each result is a short transaction of its own. */
int outbox_drain(struct store *s, const struct outbox_config *c, struct outbox_stats *st);

/* The server's background sender: its own store connection, a drain (and
 * the deadline scan) every interval_s seconds. */
struct outbox_worker;
int outbox_worker_start(const char *db_url, const struct outbox_config *c, int interval_s,
			struct outbox_worker **out);
void outbox_worker_stop(struct outbox_worker *w);

/* ---- administration (admin only, each an audit record) ---- */

/* secret NULL generates one (32 random bytes, hex) and returns it in
 * out->secret: shown once to the operator. */
int outbox_webhook_add(struct store *s, const struct principal *actor, const char *url,
		       const char *events, const char *secret, struct webhook *out);
int outbox_webhook_remove(struct store *s, const struct principal *actor, int64_t id);
int outbox_requeue(struct store *s, const struct principal *actor, int64_t id);
/* Queue a test event (kind, default "wasdal.uji") to the matching
 * webhooks and, when to is not NULL, an e-mail to that address. */
int outbox_test(struct store *s, const struct principal *actor, const char *kind, const char *to,
		int *queued);
/* Set (or clear with "") the e-mail address of an account. */
int outbox_user_email(struct store *s, const struct principal *actor, const char *username,
		      const char *email);

#endif
