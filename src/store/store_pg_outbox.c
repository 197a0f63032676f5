/* PostgreSQL: the outbox, webhook subscriptions, account e-mail addresses.
 * Claiming locks the due rows with FOR UPDATE SKIP LOCKED and writes a
 * lease in the same statement: concurrent claimers (several servers) skip
 * each other's rows instead of waiting, and a row whose lease was taken
 * while we waited is re-checked against the new lease and left out. */
#include "core/compat.h"
#include "core/err.h"
#include "core/xalloc.h"
#include "store/store_pg_int.h"

#define MSG_COLS "id, kind, event, destination, coalesce(webhook_id, 0), subject, body, dedup_key," \
	" created_ms, next_attempt_ms, attempts, last_error, state, coalesce(sent_ms, 0)," \
	" coalesce(lease_owner, ''), coalesce(lease_until, 0)"

static int read_msg(struct store *s, PGresult *r, int row, struct outbox_msg *m, char **body)
{
	memset(m, 0, sizeof(*m));
	m->id = pg_int(r, row, 0);
	m->kind = strcmp(pg_text(r, row, 1), "webhook") ? OUTBOX_EMAIL : OUTBOX_WEBHOOK;
	m->webhook_id = pg_int(r, row, 4);
	m->created_ms = pg_int(r, row, 8);
	m->next_attempt_ms = pg_int(r, row, 9);
	m->attempts = (int)pg_int(r, row, 10);
	m->state = outbox_state_parse(pg_text(r, row, 12));
	m->sent_ms = pg_int(r, row, 13);
	m->lease_until = pg_int(r, row, 15);
	int rc = STORE_COPY(s, m->event, pg_text(r, row, 2));
	if (!rc) rc = STORE_COPY(s, m->destination, pg_text(r, row, 3));
	if (!rc) rc = STORE_COPY(s, m->subject, pg_text(r, row, 5));
	if (!rc) rc = STORE_COPY(s, m->dedup_key, pg_text(r, row, 7));
	if (!rc) rc = STORE_COPY(s, m->last_error, pg_text(r, row, 11));
	if (!rc) rc = STORE_COPY(s, m->lease_owner, pg_text(r, row, 14));
	if (!rc && body) {
		*body = xstrdup(pg_text(r, row, 6));
		m->body = *body;
	}
	return rc;
}

static int pg_enqueue(struct store *s, struct outbox_msg *m, int *inserted)
{
	struct pg_params p = { 0 };
	pp_text(&p, outbox_kind_name(m->kind));
	pp_text(&p, m->event);
	pp_text(&p, m->destination);
	pp_id(&p, m->webhook_id);
	pp_text(&p, m->subject);
	pp_text(&p, m->body);
	pp_text(&p, m->dedup_key);
	pp_int(&p, m->created_ms);
	pp_int(&p, m->next_attempt_ms);
	int rc = pg_int_row(pg_downcast(s), "INSERT INTO outbox (kind, event, destination, webhook_id,"
			    " subject, body, dedup_key, created_ms, next_attempt_ms)"
			    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
			    " ON CONFLICT (dedup_key) DO NOTHING RETURNING id", &p, &m->id,
			    "outbox enqueue");
	if (rc == 1)
		*inserted = 1;
	return rc < 0 ? rc : 0;
}

static int pg_claim(struct store *s, const char *owner, int64_t now_ms, int64_t lease_until,
		    struct outbox_claimed *out, size_t max, size_t *n)
{
	struct pg_params p = { 0 };
	PGresult *r;
	pp_text(&p, owner);
	pp_int(&p, lease_until);
	pp_int(&p, now_ms);
	pp_int(&p, (int64_t)max);
	int rc = pg_query(pg_downcast(s), "UPDATE outbox SET lease_owner = $1, lease_until = $2"
			  " WHERE id IN (SELECT id FROM outbox WHERE state = 'pending'"
			  " AND next_attempt_ms <= $3 AND (lease_until IS NULL OR lease_until <= $3)"
			  " ORDER BY next_attempt_ms, id LIMIT $4 FOR UPDATE SKIP LOCKED)"
			  " RETURNING " MSG_COLS, &p, &r, "outbox claim");
	if (rc)
		return rc;
	int rows = PQntuples(r);
	for (int i = 0; i < rows && *n < max && !rc; i++) {
		memset(&out[*n], 0, sizeof(out[*n]));
		rc = read_msg(s, r, i, &out[*n].m, &out[*n].body);
		(*n)++;
	}
	PQclear(r);
	return rc;
}

static int owner_command(struct store *s, const char *sql, const struct pg_params *p,
			 const char *what)
{
	int64_t n = 0;
	int rc = pg_command(pg_downcast(s), sql, p, &n, what);
	if (!rc && n != 1)
		rc = store_fail(s, APP_ECONFLICT, "%s: lease not held", what);
	return rc;
}

static int pg_mark_sent(struct store *s, int64_t id, const char *owner, int64_t now_ms)
{
	struct pg_params p = { 0 };
	pp_int(&p, id);
	pp_text(&p, owner);
	pp_int(&p, now_ms);
	return owner_command(s, "UPDATE outbox SET state = 'sent', sent_ms = $3,"
			     " attempts = attempts + 1, last_error = '', lease_owner = NULL,"
			     " lease_until = NULL WHERE id = $1 AND state = 'pending' AND lease_owner = $2",
			     &p, "outbox mark sent");
}

static int pg_mark_failed(struct store *s, int64_t id, const char *owner, const char *error,
			  int64_t next_attempt_ms, int permanent)
{
	struct pg_params p = { 0 };
	pp_int(&p, id);
	pp_text(&p, owner);
	pp_text(&p, error);
	pp_int(&p, next_attempt_ms);
	pp_int(&p, permanent);
	return owner_command(s, "UPDATE outbox SET attempts = attempts + 1, last_error = $3,"
			     " next_attempt_ms = $4, state = CASE WHEN $5::int = 1"
			     " THEN 'failed_permanent' ELSE 'pending' END, lease_owner = NULL,"
			     " lease_until = NULL WHERE id = $1 AND state = 'pending' AND lease_owner = $2",
			     &p, "outbox mark failed");
}

static int pg_requeue(struct store *s, int64_t id, int64_t now_ms)
{
	struct pg_params p = { 0 };
	int64_t n = 0;
	pp_int(&p, id);
	pp_int(&p, now_ms);
	int rc = pg_command(pg_downcast(s), "UPDATE outbox SET state = 'pending', attempts = 0,"
			    " next_attempt_ms = $2, lease_owner = NULL, lease_until = NULL"
			    " WHERE id = $1 AND state = 'failed_permanent'", &p, &n, "outbox requeue");
	if (!rc && n != 1)
		rc = store_fail(s, APP_ENOTFOUND, "no failed outbox message %lld", (long long)id);
	return rc;
}

static int read_claimed(struct pg_store *q, PGresult *r, void *out)
{
	struct outbox_claimed *c = out;
	return read_msg(&q->base, r, 0, &c->m, &c->body);
}

static int pg_get(struct store *s, int64_t id, struct outbox_claimed *out)
{
	struct pg_params p = { 0 };
	pp_int(&p, id);
	return pg_one(pg_downcast(s), "SELECT " MSG_COLS " FROM outbox WHERE id = $1", &p,
		      read_claimed, out, "outbox get", "no outbox message %lld", (long long)id);
}

struct list_ctx {
	store_outbox_cb cb;
	void *ctx;
};

static int msg_row(struct pg_store *q, PGresult *r, void *arg)
{
	struct list_ctx *l = arg;
	struct outbox_msg m;
	int rc = read_msg(&q->base, r, 0, &m, NULL);
	return rc ? rc : store_stop(&q->base, l->cb(l->ctx, &m));
}

static int pg_list(struct store *s, const char *state, int limit, store_outbox_cb cb, void *ctx)
{
	struct pg_params p = { 0 };
	struct list_ctx l = { cb, ctx };
	pp_text(&p, state);
	pp_int(&p, limit);
	return pg_stream(pg_downcast(s), "SELECT " MSG_COLS " FROM outbox WHERE ($1 = '' OR state = $1)"
			 " ORDER BY id DESC LIMIT nullif($2::bigint, 0)", &p, msg_row, &l, "outbox list");
}

static int pg_count(struct store *s, const char *state, int64_t *n)
{
	struct pg_params p = { 0 };
	pp_text(&p, state);
	int rc = pg_int_row(pg_downcast(s), "SELECT count(*) FROM outbox WHERE ($1 = '' OR state = $1)",
			    &p, n, "outbox count");
	return rc < 0 ? rc : 0;
}

/* ---- webhooks ---- */

static int pg_webhook_insert(struct store *s, struct webhook *w)
{
	struct pg_params p = { 0 };
	pp_text(&p, w->url);
	pp_text(&p, w->secret);
	pp_text(&p, w->events);
	pp_int(&p, w->created_ms);
	return pg_insert(pg_downcast(s), "INSERT INTO webhooks (url, secret, events, active, created_ms)"
			 " VALUES ($1, $2, $3, 1, $4) RETURNING id", &p, &w->id, "webhook insert");
}

static int pg_webhook_deactivate(struct store *s, int64_t id)
{
	struct pg_params p = { 0 };
	int64_t n = 0;
	pp_int(&p, id);
	int rc = pg_command(pg_downcast(s), "UPDATE webhooks SET active = 0 WHERE id = $1 AND active = 1",
			    &p, &n, "webhook deactivate");
	if (!rc && n != 1)
		rc = store_fail(s, APP_ENOTFOUND, "no active webhook %lld", (long long)id);
	return rc;
}

/* Row 0 of r. */
static int read_webhook(struct pg_store *q, PGresult *r, void *out)
{
	struct webhook *w = out;
	struct store *s = &q->base;
	memset(w, 0, sizeof(*w));
	w->id = pg_int(r, 0, 0);
	w->active = (int)pg_int(r, 0, 4);
	w->created_ms = pg_int(r, 0, 5);
	int rc = STORE_COPY(s, w->url, pg_text(r, 0, 1));
	if (!rc) rc = STORE_COPY(s, w->secret, pg_text(r, 0, 2));
	if (!rc) rc = STORE_COPY(s, w->events, pg_text(r, 0, 3));
	return rc;
}

static int pg_webhook_get(struct store *s, int64_t id, struct webhook *out)
{
	struct pg_params p = { 0 };
	pp_int(&p, id);
	return pg_one(pg_downcast(s), "SELECT id, url, secret, events, active, created_ms"
		      " FROM webhooks WHERE id = $1", &p, read_webhook, out, "webhook get",
		      "no webhook %lld", (long long)id);
}

struct wh_ctx {
	store_webhook_cb cb;
	void *ctx;
};

static int webhook_row(struct pg_store *q, PGresult *r, void *arg)
{
	struct wh_ctx *l = arg;
	struct webhook w;
	int rc = read_webhook(q, r, &w);
	return rc ? rc : store_stop(&q->base, l->cb(l->ctx, &w));
}

static int pg_webhook_list(struct store *s, store_webhook_cb cb, void *ctx)
{
	struct wh_ctx l = { cb, ctx };
	return pg_stream(pg_downcast(s), "SELECT id, url, '', events, active, created_ms FROM webhooks"
			 " ORDER BY active DESC, id", NULL, webhook_row, &l, "webhook list");
}

/* ---- e-mail addresses ---- */

static int pg_email_set(struct store *s, int64_t user_id, const char *email)
{
	struct pg_params p = { 0 };
	int64_t n = 0;
	pp_int(&p, user_id);
	pp_text(&p, email);
	int rc = pg_command(pg_downcast(s), "UPDATE users SET email = $2 WHERE id = $1", &p, &n,
			    "user email set");
	if (!rc && n != 1)
		rc = store_fail(s, APP_ENOTFOUND, "no such user");
	return rc;
}

static int read_email(struct pg_store *q, PGresult *r, void *out)
{
	return store_copy(&q->base, out, 255, pg_text(r, 0, 0), "email");
}

static int pg_email_get(struct store *s, int64_t user_id, char out[255])
{
	struct pg_params p = { 0 };
	pp_int(&p, user_id);
	return pg_one(pg_downcast(s), "SELECT email FROM users WHERE id = $1", &p, read_email, out,
		      "user email", "no such user");
}

struct rcpt_ctx {
	store_recipient_cb cb;
	void *ctx;
};

static int recipient_row(struct pg_store *q, PGresult *r, void *arg)
{
	struct rcpt_ctx *l = arg;
	struct outbox_recipient x;
	memset(&x, 0, sizeof(x));
	x.user_id = pg_int(r, 0, 0);
	int rc = STORE_COPY(&q->base, x.username, pg_text(r, 0, 1));
	if (!rc) rc = STORE_COPY(&q->base, x.nama, pg_text(r, 0, 2));
	if (!rc) rc = STORE_COPY(&q->base, x.email, pg_text(r, 0, 3));
	if (!rc && (rc = l->cb(l->ctx, &x)))
		q->base.stopped = 1;
	return rc;
}

static int pg_recipients(struct store *s, const char *role, const char *path,
			 store_recipient_cb cb, void *ctx)
{
	struct pg_params p = { 0 };
	struct rcpt_ctx l = { cb, ctx };
	pp_text(&p, role);
	pp_text(&p, path);
	return pg_stream(pg_downcast(s), "SELECT u.id, u.username, u.nama, u.email FROM users u"
			 " JOIN instansi i ON i.id = u.instansi_id"
			 " WHERE u.role = $1 AND u.disabled = 0 AND u.email <> ''"
			 " AND (left($2::text, length(i.path)) = i.path"
			 " OR ($2::text = '/' AND i.parent_id IS NULL)) ORDER BY u.id",
			 &p, recipient_row, &l, "outbox recipients");
}

struct due_ctx {
	int (*cb)(void *ctx, const struct outbox_due_case *);
	void *ctx;
};

static int due_row(struct pg_store *q, PGresult *r, void *arg)
{
	struct due_ctx *l = arg;
	struct outbox_due_case c;
	memset(&c, 0, sizeof(c));
	c.id = pg_int(r, 0, 0);
	c.tahap_sejak_ms = pg_int(r, 0, 4);
	c.tenggat_hari = (int32_t)pg_int(r, 0, 5);
	int rc = STORE_COPY(&q->base, c.nomor, pg_text(r, 0, 1));
	if (!rc) rc = STORE_COPY(&q->base, c.konteks, pg_text(r, 0, 2));
	if (!rc) rc = STORE_COPY(&q->base, c.tahap, pg_text(r, 0, 3));
	if (!rc) rc = STORE_COPY(&q->base, c.instansi_path, pg_text(r, 0, 6));
	if (!rc && (rc = l->cb(l->ctx, &c)))
		q->base.stopped = 1;
	return rc;
}

static int pg_due_cases(struct store *s, int32_t min_day, int32_t max_day,
			int (*cb)(void *ctx, const struct outbox_due_case *), void *ctx)
{
	struct pg_params p = { 0 };
	struct due_ctx l = { cb, ctx };
	pp_int(&p, min_day);
	pp_int(&p, max_day);
	return pg_stream(pg_downcast(s), "SELECT k.id, k.nomor, k.konteks, k.tahap, k.tahap_sejak_ms,"
			 " k.tenggat_hari, coalesce(i.path, '/') FROM kasus k"
			 " LEFT JOIN instansi i ON i.id = k.instansi_id"
			 " WHERE k.tenggat_hari BETWEEN $1 AND $2 ORDER BY k.tenggat_hari, k.id",
			 &p, due_row, &l, "due cases");
}

static int pg_seen(struct store *s, const char *prefix, const char *hi, int *seen)
{
	struct pg_params p = { 0 };
	PGresult *r;
	pp_text(&p, prefix);
	pp_text(&p, hi);
	int rc = pg_query(pg_downcast(s), "SELECT 1 FROM outbox WHERE dedup_key >= $1 AND dedup_key < $2"
			  " LIMIT 1", &p, &r, "outbox seen");
	if (rc)
		return rc;
	*seen = PQntuples(r) > 0;
	PQclear(r);
	return 0;
}

const struct store_outbox_ops store_pg_outbox_ops = {
	.enqueue = pg_enqueue,
	.claim = pg_claim,
	.mark_sent = pg_mark_sent,
	.mark_failed = pg_mark_failed,
	.requeue = pg_requeue,
	.get = pg_get,
	.list = pg_list,
	.count = pg_count,
	.webhook_insert = pg_webhook_insert,
	.webhook_deactivate = pg_webhook_deactivate,
	.webhook_get = pg_webhook_get,
	.webhook_list = pg_webhook_list,
	.email_set = pg_email_set,
	.email_get = pg_email_get,
	.recipients = pg_recipients,
	.due_cases = pg_due_cases,
	.seen = pg_seen,
};
