/* Store operations of the outbox area: notifications (e-mail, webhooks)
 * queued in the transaction of the change they announce, and drained by a
 * sender that claims rows under a lease (app/outbox.c). Part of the store
 * interface: include store/store.h and this header.
 *
 * Delivery is at least once: a sender that dies after sending and before
 * marking leaves a lease that expires, and the message is sent again.
 * Receivers deduplicate on the message id (X-Wasdal-Delivery, Message-ID). */
#ifndef WASDAL_STORE_STORE_OUTBOX_H
#define WASDAL_STORE_STORE_OUTBOX_H

#include <stddef.h>
#include <stdint.h>

struct store;

enum outbox_kind { OUTBOX_EMAIL = 1, OUTBOX_WEBHOOK };
enum outbox_state { OUTBOX_PENDING = 1, OUTBOX_SENT, OUTBOX_FAILED };

const char *outbox_kind_name(enum outbox_kind k);   /* "email" | "webhook" */
const char *outbox_state_name(enum outbox_state s); /* "pending" | "sent" | "failed_permanent" */
/* 0 when unknown. */
enum outbox_state outbox_state_parse(const char *s);

#define OUTBOX_BODY_MAX 65535

struct outbox_msg {
	int64_t id;                 /* set by the store */
	enum outbox_kind kind;
	char event[64];             /* "kasus.pengingat", "kasus.terlambat", ... */
	char destination[512];      /* e-mail address or webhook URL */
	int64_t webhook_id;         /* webhook: the subscription; 0 for e-mail */
	char subject[256];          /* e-mail subject, UTF-8; "" for webhooks */
	const char *body;           /* e-mail text or webhook JSON; owned by the
				       caller on enqueue, by the row buffer on reads */
	char dedup_key[256];        /* unique: the same key is enqueued once */
	int64_t created_ms;         /* 0 means now */
	int64_t next_attempt_ms;    /* 0 means created_ms */
	int attempts;
	char last_error[256];
	enum outbox_state state;
	int64_t sent_ms;            /* 0 until sent */
	char lease_owner[64];
	int64_t lease_until;        /* 0 when not leased */
};

/* A claimed message owns a copy of its body. */
struct outbox_claimed {
	struct outbox_msg m;
	char *body;                 /* malloc'd; outbox_claimed_release */
};
void outbox_claimed_release(struct outbox_claimed *c, size_t n);

/* Queue one message in the caller's write transaction. *inserted is 0 when
 * a message with the same dedup_key exists already (not an error: nothing
 * changes). Sets m->id when inserted. */
int store_outbox_enqueue(struct store *s, struct outbox_msg *m, int *inserted);

/* Take up to max due messages (pending, next_attempt_ms <= now_ms, no lease
 * or an expired one) for owner until now_ms + lease_ms, in the caller's
 * write transaction. On PostgreSQL rows locked by another claimer are
 * skipped (FOR UPDATE SKIP LOCKED). Oldest due first. */
int store_outbox_claim(struct store *s, const char *owner, int64_t now_ms, int64_t lease_ms,
		       struct outbox_claimed *out, size_t max, size_t *n);

/* The result of one attempt by the lease owner: sent, or failed with
 * error, then pending again at next_attempt_ms or failed_permanent when
 * permanent. attempts goes up by one and the lease is cleared.
 * APP_ECONFLICT when owner no longer holds the lease (it expired and was
 * claimed again): the other sender's result stands. */
int store_outbox_mark_sent(struct store *s, int64_t id, const char *owner, int64_t now_ms);
int store_outbox_mark_failed(struct store *s, int64_t id, const char *owner, const char *error,
			     int64_t next_attempt_ms, int permanent);

/* An admin puts a failed_permanent message back in the queue: pending,
 * attempts 0, due at now_ms. APP_ENOTFOUND when no such failed message. */
int store_outbox_requeue(struct store *s, int64_t id, int64_t now_ms);

int store_outbox_get(struct store *s, int64_t id, struct outbox_claimed *out);

/* Newest first; state 0 = every state; limit 0 = no limit. body is NULL in
 * listed rows. */
int store_outbox_list(struct store *s, enum outbox_state state, int limit,
		      int (*cb)(void *ctx, const struct outbox_msg *), void *ctx);
/* Count per state, for status lines and tests. */
int store_outbox_count(struct store *s, enum outbox_state state, int64_t *n);

/* ---- webhook subscriptions ---- */
struct webhook {
	int64_t id;
	char url[512];
	char secret[128];           /* HMAC key; left empty by lists */
	char events[256];           /* "kasus.pengingat,kasus.terlambat", "kasus.*", "*" */
	int active;
	int64_t created_ms;         /* 0 means now */
};

/* Sets w->id; in a write transaction. */
int store_webhook_insert(struct store *s, struct webhook *w);
/* Stop deliveries: active = 0 (rows stay for the history of sent
 * messages). APP_ENOTFOUND when no such active subscription. */
int store_webhook_deactivate(struct store *s, int64_t id);
int store_webhook_get(struct store *s, int64_t id, struct webhook *out);
/* Every subscription (active first, then by id), secrets left empty unless
 * with_secret (the fan-out needs none; the sender reads one with get). */
int store_webhook_list(struct store *s, int (*cb)(void *ctx, const struct webhook *), void *ctx);

/* ---- e-mail addresses of accounts ---- */
int store_user_email_set(struct store *s, int64_t user_id, const char *email);
int store_user_email_get(struct store *s, int64_t user_id, char out[255]);

struct outbox_recipient {
	int64_t user_id;
	char username[64];
	char nama[128];
	char email[255];
};
/* Enabled accounts of role whose scope covers instansi_path (their
 * instansi's path is a prefix of it) and that have an e-mail address,
 * ordered by id. instansi_path "/" (a case without an instansi) means the
 * accounts of a root instansi: national ones only. */
int store_outbox_recipients(struct store *s, const char *role, const char *instansi_path,
			    int (*cb)(void *ctx, const struct outbox_recipient *), void *ctx);

/* ---- the deadline scanner's view of cases (table kasus, migration 0004) ---- */
struct outbox_due_case {
	int64_t id;
	char nomor[24];
	char konteks[8];
	char tahap[40];
	int64_t tahap_sejak_ms;
	int32_t tenggat_hari;      /* core/date.h day number */
	char instansi_path[256];   /* "/" when the case has no instansi (national) */
};

/* Cases with a deadline in [min_day, max_day], by deadline then id. */
int store_outbox_due_cases(struct store *s, int32_t min_day, int32_t max_day,
			   int (*cb)(void *ctx, const struct outbox_due_case *), void *ctx);
/* *seen is 1 when any message was queued under a dedup key starting with
 * prefix (an event already published). */
int store_outbox_seen(struct store *s, const char *prefix, int *seen);

#endif
