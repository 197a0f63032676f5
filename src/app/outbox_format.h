/* The pure parts of delivery, kept apart from the network so they can be
 * tested against known answers: the MIME text of an e-mail, the webhook
 * signature, the retry schedule, event matching and address checks. */
#ifndef WASDAL_APP_OUTBOX_FORMAT_H
#define WASDAL_APP_OUTBOX_FORMAT_H

#include <stddef.h>
#include <stdint.h>
#include "core/buf.h"

struct mail_header {
	const char *from;        /* bare address: "wasdal@bkn.go.id" */
	const char *from_name;   /* display name, UTF-8, may be NULL */
	const char *to;          /* bare address */
	const char *subject;     /* UTF-8 */
	int64_t date_ms;         /* the Date: header */
	const char *message_id;  /* without angle brackets */
};

/* A complete RFC 5322 message (CRLF line ends): From, To, Subject (RFC 2047
 * B-encoded when not plain ASCII, folded to 75-character words), Date,
 * Message-ID, MIME-Version, Content-Type text/plain; charset=UTF-8,
 * Content-Transfer-Encoding base64 (76-character lines), Auto-Submitted.
 * APP_EINVAL when an address is not acceptable (mail_address_valid) or
 * the subject holds a line break. */
int mail_build(struct buf *out, const struct mail_header *h, const char *body);

/* One header value, RFC 2047-encoded when it needs to be (non-ASCII,
 * control characters, "=?"), else as it is. */
int mail_encode_header(struct buf *out, const char *value);

/* "Mon, 23 Nov 2026 12:00:00 +0000" */
void mail_date(int64_t ms, char out[40]);

/* A deterministic Message-ID for an outbox message (the same on every
 * retry, so a receiver can drop a duplicate): wasdal.<id>.<hash>@<domain
 * of from>. */
void mail_message_id(int64_t id, const char *dedup_key, const char *from, char out[160]);

/* An address we agree to put in a header and an SMTP envelope: one "@",
 * a non-empty local part and domain, no spaces, controls, quotes, angle
 * brackets, commas or semicolons; at most 254 bytes. */
int mail_address_valid(const char *addr);

/* X-Wasdal-Signature value: "sha256=" + hex HMAC-SHA256(secret,
 * "<timestamp>.<body>"). out needs 72 bytes. */
void webhook_signature(const char *secret, int64_t timestamp, const char *body, size_t body_len,
		       char out[72]);

/* Delay before the next attempt after `attempts` failed ones (1, 2, ...):
 * base * 2^(attempts-1), capped, then "equal jitter": a value in
 * [delay/2, delay] chosen by rnd (any 32-bit random number), so senders
 * that failed together do not retry together. */
int64_t outbox_backoff_ms(int attempts, int64_t base_ms, int64_t cap_ms, uint32_t rnd);

/* Wall-clock UTC milliseconds. */
int64_t outbox_now_ms(void);

/* Does a subscription's event list ("a.b,c.*", "*") cover event? */
int outbox_event_matches(const char *events, const char *event);

#endif
