/* Dispatch of the outbox area through its sub-table, struct
 * store_outbox_ops: the checks that must not differ between backends
 * (write transaction, field validation) live here. */
#include "core/compat.h"
#include "store/store_int.h"
#include "core/err.h"

const char *outbox_kind_name(enum outbox_kind k)
{
	return k == OUTBOX_WEBHOOK ? "webhook" : "email";
}

const char *outbox_state_name(enum outbox_state st)
{
	switch (st) {
	case OUTBOX_PENDING: return "pending";
	case OUTBOX_SENT: return "sent";
	case OUTBOX_FAILED: return "failed_permanent";
	}
	return "";
}

enum outbox_state outbox_state_parse(const char *st)
{
	if (!st)
		return 0;
	if (!strcmp(st, "pending"))
		return OUTBOX_PENDING;
	if (!strcmp(st, "sent"))
		return OUTBOX_SENT;
	if (!strcmp(st, "failed_permanent") || !strcmp(st, "failed"))
		return OUTBOX_FAILED;
	return 0;
}

void outbox_claimed_release(struct outbox_claimed *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(c[i].body);
		c[i].body = NULL;
		c[i].m.body = NULL;
	}
}

int store_outbox_enqueue(struct store *s, struct outbox_msg *m, int *inserted)
{
	*inserted = 0;
	int rc = store_check_write(s);
	if (rc)
		return rc;
	if (!m->body || strlen(m->body) > OUTBOX_BODY_MAX || !m->dedup_key[0] || !m->event[0] ||
	    !m->destination[0] || (m->kind != OUTBOX_EMAIL && m->kind != OUTBOX_WEBHOOK) ||
	    (m->kind == OUTBOX_WEBHOOK && m->webhook_id <= 0))
		return store_fail(s, APP_EINVAL, "outbox message incomplete");
	if (!m->created_ms)
		m->created_ms = store_now_ms();
	if (!m->next_attempt_ms)
		m->next_attempt_ms = m->created_ms;
	m->state = OUTBOX_PENDING;
	m->attempts = 0;
	return store_note(s, s->ops->outbox->enqueue(s, m, inserted));
}

int store_outbox_claim(struct store *s, const char *owner, int64_t now_ms, int64_t lease_ms,
		       struct outbox_claimed *out, size_t max, size_t *n)
{
	*n = 0;
	int rc = store_check_write(s);
	if (rc)
		return rc;
	if (!owner || !*owner || strlen(owner) >= sizeof(out->m.lease_owner) || lease_ms <= 0 ||
	    max == 0)
		return store_fail(s, APP_EINVAL, "outbox claim: bad owner, lease or batch");
	rc = s->ops->outbox->claim(s, owner, now_ms, now_ms + lease_ms, out, max, n);
	if (rc) {
		outbox_claimed_release(out, *n);
		*n = 0;
	}
	return store_note(s, rc);
}

int store_outbox_mark_sent(struct store *s, int64_t id, const char *owner, int64_t now_ms)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	return store_note(s, s->ops->outbox->mark_sent(s, id, owner, now_ms));
}

int store_outbox_mark_failed(struct store *s, int64_t id, const char *owner, const char *error,
			     int64_t next_attempt_ms, int permanent)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	/* last_error is 255 bytes in the schema: cut at a UTF-8 boundary */
	char e[256];
	size_t len = strlen(error ? error : "");
	if (len > 255) {
		len = 255;
		while (len > 0 && ((unsigned char)error[len] & 0xC0) == 0x80)
			len--;
	}
	memcpy(e, error ? error : "", len);
	e[len] = 0;
	return store_note(s, s->ops->outbox->mark_failed(s, id, owner, e, next_attempt_ms,
							  permanent ? 1 : 0));
}

int store_outbox_requeue(struct store *s, int64_t id, int64_t now_ms)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	return store_note(s, s->ops->outbox->requeue(s, id, now_ms));
}

int store_outbox_get(struct store *s, int64_t id, struct outbox_claimed *out)
{
	int rc = store_check_use(s);
	memset(out, 0, sizeof(*out));
	if (rc)
		return rc;
	return store_note(s, s->ops->outbox->get(s, id, out));
}

int store_outbox_list(struct store *s, enum outbox_state state, int limit,
		      int (*cb)(void *ctx, const struct outbox_msg *), void *ctx)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	store_begin_stream(s);
	rc = s->ops->outbox->list(s, state ? outbox_state_name(state) : "", limit < 0 ? 0 : limit,
				  cb, ctx);
	return store_end_stream(s, rc);
}

int store_outbox_count(struct store *s, enum outbox_state state, int64_t *n)
{
	int rc = store_check_use(s);
	*n = 0;
	if (rc)
		return rc;
	return store_note(s, s->ops->outbox->count(s, state ? outbox_state_name(state) : "", n));
}

/* ---- webhook subscriptions ---- */

int store_webhook_insert(struct store *s, struct webhook *w)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	if (!w->created_ms)
		w->created_ms = store_now_ms();
	w->active = 1;
	return store_note(s, s->ops->outbox->webhook_insert(s, w));
}

int store_webhook_deactivate(struct store *s, int64_t id)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	return store_note(s, s->ops->outbox->webhook_deactivate(s, id));
}

int store_webhook_get(struct store *s, int64_t id, struct webhook *out)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	return store_note(s, s->ops->outbox->webhook_get(s, id, out));
}

int store_webhook_list(struct store *s, int (*cb)(void *ctx, const struct webhook *), void *ctx)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	store_begin_stream(s);
	rc = s->ops->outbox->webhook_list(s, cb, ctx);
	return store_end_stream(s, rc);
}

/* ---- e-mail addresses ---- */

int store_user_email_set(struct store *s, int64_t user_id, const char *email)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	if (!email || strlen(email) > 254)
		return store_fail(s, APP_EINVAL, "e-mail address too long");
	return store_note(s, s->ops->outbox->email_set(s, user_id, email));
}

int store_user_email_get(struct store *s, int64_t user_id, char out[255])
{
	int rc = store_check_use(s);
	out[0] = 0;
	if (rc)
		return rc;
	return store_note(s, s->ops->outbox->email_get(s, user_id, out));
}

int store_outbox_recipients(struct store *s, const char *role, const char *instansi_path,
			    int (*cb)(void *ctx, const struct outbox_recipient *), void *ctx)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	if (!role || !*role || !instansi_path || instansi_path[0] != '/')
		return store_fail(s, APP_EINVAL, "recipients: role and instansi path required");
	store_begin_stream(s);
	rc = s->ops->outbox->recipients(s, role, instansi_path, cb, ctx);
	return store_end_stream(s, rc);
}

int store_outbox_due_cases(struct store *s, int32_t min_day, int32_t max_day,
			   int (*cb)(void *ctx, const struct outbox_due_case *), void *ctx)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	store_begin_stream(s);
	rc = s->ops->outbox->due_cases(s, min_day, max_day, cb, ctx);
	return store_end_stream(s, rc);
}

int store_outbox_seen(struct store *s, const char *prefix, int *seen)
{
	int rc = store_check_use(s);
	*seen = 0;
	if (rc)
		return rc;
	size_t n = prefix ? strlen(prefix) : 0;
	if (n == 0 || n >= 256 || (unsigned char)prefix[n - 1] == 0xff)
		return store_fail(s, APP_EINVAL, "outbox seen: bad prefix");
	char hi[256];
	memcpy(hi, prefix, n + 1);
	hi[n - 1] = (char)((unsigned char)hi[n - 1] + 1);
	return store_note(s, s->ops->outbox->seen(s, prefix, hi, seen));
}
