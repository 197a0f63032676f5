/* Publishing events into the outbox (fan-out to webhook subscriptions and
 * e-mail recipients) and the admin operations on it. */
#include "core/compat.h"
#include "app/outbox.h"
#include "app/audit.h"
#include "app/diff.h"
#include "app/outbox_format.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/jsonw.h"
#include "core/xalloc.h"
#include "crypto/sign.h"
#include <ctype.h>
#include <sodium.h>

struct targets {
	int64_t *ids;
	char (*urls)[512];
	size_t n, cap;
	const char *kind;
};

/* Collected during the walk; enqueued after it (no store calls inside a
 * list callback). */
static int collect_hook(void *ctx, const struct webhook *w)
{
	struct targets *t = ctx;
	if (!w->active || !outbox_event_matches(w->events, t->kind))
		return 0;
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 8;
		t->ids = xrealloc(t->ids, t->cap * sizeof(*t->ids));
		t->urls = xrealloc(t->urls, t->cap * sizeof(*t->urls));
	}
	t->ids[t->n] = w->id;
	snprintf(t->urls[t->n], sizeof(t->urls[0]), "%s", w->url);
	t->n++;
	return 0;
}

struct rcpts {
	char (*addr)[255];
	size_t n, cap;
};

static void add_addr(struct rcpts *r, const char *a)
{
	for (size_t i = 0; i < r->n; i++)
		if (!strcmp(r->addr[i], a))
			return; /* one e-mail per address, whatever the roles */
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 8;
		r->addr = xrealloc(r->addr, r->cap * sizeof(*r->addr));
	}
	snprintf(r->addr[r->n++], sizeof(r->addr[0]), "%s", a);
}

static int collect_rcpt(void *ctx, const struct outbox_recipient *r)
{
	if (mail_address_valid(r->email))
		add_addr(ctx, r->email);
	return 0;
}

/* The JSON document POSTed to subscribers. */
static int envelope(struct buf *b, const struct outbox_event_spec *e, int64_t now)
{
	struct jsonw w;
	jsonw_init(&w, b);
	jsonw_obj_begin(&w);
	jsonw_kv_str(&w, "event", e->kind);
	jsonw_kv_str(&w, "object", e->object ? e->object : "");
	jsonw_kv_str(&w, "dedup_key", e->dedup_key);
	jsonw_kv_int(&w, "created_ms", now);
	jsonw_obj_end(&w);
	if (w.err)
		return w.err;
	/* splice the caller's JSON in as "data" before the closing brace */
	b->len--;
	b->ptr[b->len] = 0;
	int rc = buf_addf(b, ",\"data\":%s}", e->payload_json && *e->payload_json ?
			  e->payload_json : "null");
	return rc;
}

static int put(struct store *s, struct outbox_msg *m, int *queued)
{
	int ins = 0;
	int rc = store_outbox_enqueue(s, m, &ins);
	if (!rc && ins && queued)
		(*queued)++;
	return rc;
}

int outbox_publish(struct store *s, const struct outbox_event_spec *e, int *queued)
{
	if (queued)
		*queued = 0;
	if (!e->kind || !*e->kind || strlen(e->kind) > 63 || !e->dedup_key || !*e->dedup_key ||
	    strlen(e->dedup_key) > 200)
		return APP_EINVAL;
	if ((e->email_roles || e->email_to) && (!e->subject || !e->text))
		return APP_EINVAL;
	int64_t now = outbox_now_ms();
	struct targets t = { .kind = e->kind };
	struct rcpts r = { 0 };
	struct buf body;
	buf_init(&body, OUTBOX_BODY_MAX);
	int rc = store_webhook_list(s, collect_hook, &t);
	for (int role = 1; role < ROLE__COUNT && !rc; role++) {
		if (!(e->email_roles & (1u << role)))
			continue;
		if (!e->scope_path)
			rc = APP_EINVAL;
		else
			rc = store_outbox_recipients(s, role_name((enum role)role), e->scope_path,
						     collect_rcpt, &r);
	}
	for (const char *const *to = e->email_to; to && *to && !rc; to++)
		if (mail_address_valid(*to))
			add_addr(&r, *to);
	if (!rc && t.n)
		rc = envelope(&body, e, now);
	for (size_t i = 0; i < t.n && !rc; i++) {
		struct outbox_msg m = { 0 };
		m.kind = OUTBOX_WEBHOOK;
		m.webhook_id = t.ids[i];
		m.body = body.ptr;
		m.created_ms = now;
		snprintf(m.event, sizeof(m.event), "%s", e->kind);
		snprintf(m.destination, sizeof(m.destination), "%s", t.urls[i]);
		snprintf(m.dedup_key, sizeof(m.dedup_key), "%s#wh%lld", e->dedup_key,
			 (long long)t.ids[i]);
		rc = put(s, &m, queued);
	}
	for (size_t i = 0; i < r.n && !rc; i++) {
		struct outbox_msg m = { 0 };
		m.kind = OUTBOX_EMAIL;
		m.body = e->text;
		m.created_ms = now;
		snprintf(m.event, sizeof(m.event), "%s", e->kind);
		snprintf(m.destination, sizeof(m.destination), "%s", r.addr[i]);
		/* a subject longer than the column is cut on a character boundary */
		size_t len = strlen(e->subject);
		if (len >= sizeof(m.subject)) {
			len = sizeof(m.subject) - 1;
			while (len && ((unsigned char)e->subject[len] & 0xC0) == 0x80)
				len--;
		}
		memcpy(m.subject, e->subject, len);
		snprintf(m.dedup_key, sizeof(m.dedup_key), "%.200s#mail:%.48s", e->dedup_key, r.addr[i]);
		rc = put(s, &m, queued);
	}
	free(t.ids);
	free(t.urls);
	free(r.addr);
	buf_release(&body);
	return rc;
}

int outbox_event(struct store *s, const char *kind, const char *object, const char *payload_json,
		 const char *dedup_key)
{
	struct outbox_event_spec e = { .kind = kind, .object = object,
				       .payload_json = payload_json, .dedup_key = dedup_key };
	return outbox_publish(s, &e, NULL);
}

/* ---- administration ---- */

static int is_admin(const struct principal *a)
{
	return a && a->role == ROLE_ADMIN && principal_can(a, PERM_USER_ADMIN);
}

static int finish(struct store *s, int rc)
{
	if (rc) {
		store_tx_rollback(s);
		return rc;
	}
	return store_tx_commit(s);
}

static int url_ok(const char *url)
{
	size_t n = strlen(url);
	if (n < 8 || n > 511 || (strncmp(url, "http://", 7) && strncmp(url, "https://", 8)))
		return 0;
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p <= ' ' || *p >= 0x7f)
			return 0;
	return 1;
}

static int events_ok(const char *ev)
{
	size_t n = strlen(ev);
	if (!n || n > 255)
		return 0;
	for (const char *p = ev; *p; p++)
		if (!(isalnum((unsigned char)*p) || strchr("._-*,", *p)))
			return 0;
	return 1;
}

int outbox_webhook_add(struct store *s, const struct principal *actor, const char *url,
		       const char *events, const char *secret, struct webhook *out)
{
	if (!is_admin(actor))
		return APP_EPERM;
	if (!url || !url_ok(url) || !events || !events_ok(events) ||
	    (secret && (strlen(secret) < 16 || strlen(secret) > 127)))
		return APP_EINVAL;
	memset(out, 0, sizeof(*out));
	snprintf(out->url, sizeof(out->url), "%s", url);
	snprintf(out->events, sizeof(out->events), "%s", events);
	if (secret) {
		snprintf(out->secret, sizeof(out->secret), "%s", secret);
	} else {
		uint8_t raw[32];
		randombytes_buf(raw, sizeof(raw));
		hex_encode(out->secret, raw, sizeof(raw));
		sodium_memzero(raw, sizeof(raw));
	}
	int rc = store_tx_begin(s, STORE_TX_WRITE);
	if (rc)
		return rc;
	rc = store_webhook_insert(s, out);
	if (!rc) {
		char id[24];
		struct diff d;
		diff_init(&d);
		diff_str(&d, "url", NULL, out->url);
		diff_str(&d, "events", NULL, out->events);
		snprintf(id, sizeof(id), "%lld", (long long)out->id);
		rc = audit_append(s, actor, "webhook_create", "webhook", id, diff_json(&d));
		diff_release(&d);
	}
	return finish(s, rc);
}

int outbox_webhook_remove(struct store *s, const struct principal *actor, int64_t id)
{
	if (!is_admin(actor))
		return APP_EPERM;
	int rc = store_tx_begin(s, STORE_TX_WRITE);
	if (rc)
		return rc;
	rc = store_webhook_deactivate(s, id);
	if (!rc) {
		char ids[24];
		snprintf(ids, sizeof(ids), "%lld", (long long)id);
		rc = audit_append(s, actor, "webhook_deactivate", "webhook", ids,
				  "{\"active\":[1,0]}");
	}
	return finish(s, rc);
}

int outbox_requeue(struct store *s, const struct principal *actor, int64_t id)
{
	if (!is_admin(actor))
		return APP_EPERM;
	int rc = store_tx_begin(s, STORE_TX_WRITE);
	if (rc)
		return rc;
	rc = store_outbox_requeue(s, id, outbox_now_ms());
	if (!rc) {
		char ids[24];
		snprintf(ids, sizeof(ids), "%lld", (long long)id);
		rc = audit_append(s, actor, "outbox_requeue", "outbox", ids,
				  "{\"state\":[\"failed_permanent\",\"pending\"]}");
	}
	return finish(s, rc);
}

int outbox_user_email(struct store *s, const struct principal *actor, const char *username,
		      const char *email)
{
	if (!is_admin(actor))
		return APP_EPERM;
	if (!email || (*email && !mail_address_valid(email)))
		return APP_EINVAL;
	int rc = store_tx_begin(s, STORE_TX_WRITE);
	if (rc)
		return rc;
	struct user u;
	char old[255] = "";
	rc = store_user_get_by_username(s, username, &u);
	if (!rc)
		rc = store_user_email_get(s, u.id, old);
	if (!rc && strcmp(old, email)) {
		rc = store_user_email_set(s, u.id, email);
		if (!rc) {
			struct diff d;
			diff_init(&d);
			diff_str(&d, "email", old, email);
			rc = audit_append(s, actor, "update", "user", u.username, diff_json(&d));
			diff_release(&d);
		}
	}
	return finish(s, rc);
}

int outbox_test(struct store *s, const struct principal *actor, const char *kind, const char *to,
		int *queued)
{
	*queued = 0;
	if (!is_admin(actor))
		return APP_EPERM;
	if ((to && !mail_address_valid(to)) || !kind || !events_ok(kind) || strlen(kind) > 63)
		return APP_EINVAL;
	int64_t now = outbox_now_ms();
	char key[64], payload[160];
	snprintf(key, sizeof(key), "uji:%lld:%08x", (long long)now, (unsigned)randombytes_random());
	snprintf(payload, sizeof(payload), "{\"pesan\":\"uji notifikasi Wasdal\",\"waktu_ms\":%lld}",
		 (long long)now);
	const char *list[2] = { to, NULL };
	struct outbox_event_spec e = {
		.kind = kind, .object = "outbox/uji", .payload_json = payload, .dedup_key = key,
		.subject = "Uji notifikasi Wasdal — pesan percobaan",
		.text = "Ini pesan percobaan dari Wasdal. Bila Anda menerimanya, pengaturan surel berfungsi.\n\n"
			"This is a test message from Wasdal. If you received it, e-mail delivery works.\n",
		.email_to = to ? list : NULL,
	};
	int rc = store_tx_begin(s, STORE_TX_WRITE);
	if (rc)
		return rc;
	rc = outbox_publish(s, &e, queued);
	if (!rc) {
		struct diff d;
		diff_init(&d);
		diff_note(&d, "event", kind);
		diff_int(&d, "queued", 0, *queued);
		rc = audit_append(s, actor, "outbox_test", "outbox", key, diff_json(&d));
		diff_release(&d);
	}
	return finish(s, rc);
}
