/* SQLite: the outbox, webhook subscriptions, account e-mail addresses.
 * Claiming needs no row locks: every write transaction is BEGIN IMMEDIATE,
 * so two claimers are serialised and the second sees the first's lease. */
#include "core/compat.h"
#include "core/err.h"
#include "core/xalloc.h"
#include "store/store_sqlite_int.h"

#define MSG_COLS "id, kind, event, destination, coalesce(webhook_id, 0), subject, body, dedup_key," \
	" created_ms, next_attempt_ms, attempts, last_error, state, coalesce(sent_ms, 0)," \
	" coalesce(lease_owner, ''), coalesce(lease_until, 0)"

/* Reads a row of MSG_COLS; the body is copied into *body when body is not
 * NULL, else left out. */
static int read_msg(struct store *s, sqlite3_stmt *st, struct outbox_msg *m, char **body)
{
	memset(m, 0, sizeof(*m));
	m->id = sqlite3_column_int64(st, 0);
	m->kind = strcmp(sq_col_text(st, 1), "webhook") ? OUTBOX_EMAIL : OUTBOX_WEBHOOK;
	m->webhook_id = sqlite3_column_int64(st, 4);
	m->created_ms = sqlite3_column_int64(st, 8);
	m->next_attempt_ms = sqlite3_column_int64(st, 9);
	m->attempts = sqlite3_column_int(st, 10);
	m->state = outbox_state_parse(sq_col_text(st, 12));
	m->sent_ms = sqlite3_column_int64(st, 13);
	m->lease_until = sqlite3_column_int64(st, 15);
	int rc = STORE_COPY(s, m->event, sq_col_text(st, 2));
	if (!rc) rc = STORE_COPY(s, m->destination, sq_col_text(st, 3));
	if (!rc) rc = STORE_COPY(s, m->subject, sq_col_text(st, 5));
	if (!rc) rc = STORE_COPY(s, m->dedup_key, sq_col_text(st, 7));
	if (!rc) rc = STORE_COPY(s, m->last_error, sq_col_text(st, 11));
	if (!rc) rc = STORE_COPY(s, m->lease_owner, sq_col_text(st, 14));
	if (!rc && body) {
		*body = xstrdup(sq_col_text(st, 6));
		m->body = *body;
	}
	return rc;
}

static int sq_enqueue(struct store *s, struct outbox_msg *m, int *inserted)
{
	struct sq_params p = { 0 };
	sp_text(&p, outbox_kind_name(m->kind));
	sp_text(&p, m->event);
	sp_text(&p, m->destination);
	sp_id(&p, m->webhook_id);
	sp_text(&p, m->subject);
	sp_text(&p, m->body);
	sp_text(&p, m->dedup_key);
	sp_int(&p, m->created_ms);
	sp_int(&p, m->next_attempt_ms);
	int rc = sq_int_row(sq_downcast(s), "INSERT INTO outbox (kind, event, destination, webhook_id,"
			    " subject, body, dedup_key, created_ms, next_attempt_ms)"
			    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
			    " ON CONFLICT (dedup_key) DO NOTHING RETURNING id", &p, &m->id,
			    "outbox enqueue");
	if (rc == 1)
		*inserted = 1;
	return rc < 0 ? rc : 0;
}

static int sq_claim(struct store *s, const char *owner, int64_t now_ms, int64_t lease_until,
		    struct outbox_claimed *out, size_t max, size_t *n)
{
	struct sq_store *q = sq_downcast(s);
	struct sq_params p = { 0 };
	sqlite3_stmt *st;
	sp_text(&p, owner);
	sp_int(&p, lease_until);
	sp_int(&p, now_ms);
	sp_int(&p, (int64_t)max);
	int rc = sq_query(q, "UPDATE outbox SET lease_owner = ?1, lease_until = ?2 WHERE id IN"
			  " (SELECT id FROM outbox WHERE state = 'pending' AND next_attempt_ms <= ?3"
			  " AND (lease_until IS NULL OR lease_until <= ?3)"
			  " ORDER BY next_attempt_ms, id LIMIT ?4) RETURNING " MSG_COLS, &p, &st);
	if (rc)
		return rc;
	while (*n < max && (rc = sq_step(q, st, "outbox claim")) == 1) {
		memset(&out[*n], 0, sizeof(out[*n]));
		rc = read_msg(s, st, &out[*n].m, &out[*n].body);
		(*n)++;
		if (rc)
			break;
	}
	if (rc == 1)
		rc = sq_exec(q, st, "outbox claim");
	sq_done(q, st);
	return rc;
}

/* One UPDATE by the lease owner; no row means the lease was lost. */
static int owner_update(struct store *s, const char *sql, const struct sq_params *p,
			const char *what)
{
	int64_t n = 0;
	int rc = sq_run(sq_downcast(s), sql, p, &n, what);
	if (!rc && n != 1)
		rc = store_fail(s, APP_ECONFLICT, "%s: lease not held", what);
	return rc;
}

static int sq_mark_sent(struct store *s, int64_t id, const char *owner, int64_t now_ms)
{
	struct sq_params p = { 0 };
	sp_int(&p, id);
	sp_text(&p, owner);
	sp_int(&p, now_ms);
	return owner_update(s, "UPDATE outbox SET state = 'sent', sent_ms = ?3, attempts = attempts + 1,"
			    " last_error = '', lease_owner = NULL, lease_until = NULL"
			    " WHERE id = ?1 AND state = 'pending' AND lease_owner = ?2", &p,
			    "outbox mark sent");
}

static int sq_mark_failed(struct store *s, int64_t id, const char *owner, const char *error,
			  int64_t next_attempt_ms, int permanent)
{
	struct sq_params p = { 0 };
	sp_int(&p, id);
	sp_text(&p, owner);
	sp_text(&p, error);
	sp_int(&p, next_attempt_ms);
	sp_int(&p, permanent);
	return owner_update(s, "UPDATE outbox SET attempts = attempts + 1, last_error = ?3,"
			    " next_attempt_ms = ?4, state = CASE WHEN ?5 THEN 'failed_permanent' ELSE 'pending' END,"
			    " lease_owner = NULL, lease_until = NULL"
			    " WHERE id = ?1 AND state = 'pending' AND lease_owner = ?2", &p,
			    "outbox mark failed");
}

static int sq_requeue(struct store *s, int64_t id, int64_t now_ms)
{
	struct sq_params p = { 0 };
	int64_t n = 0;
	sp_int(&p, id);
	sp_int(&p, now_ms);
	int rc = sq_run(sq_downcast(s), "UPDATE outbox SET state = 'pending', attempts = 0,"
			" next_attempt_ms = ?2, lease_owner = NULL, lease_until = NULL"
			" WHERE id = ?1 AND state = 'failed_permanent'", &p, &n, "outbox requeue");
	if (!rc && n != 1)
		rc = store_fail(s, APP_ENOTFOUND, "no failed outbox message %lld", (long long)id);
	return rc;
}

static int read_claimed(struct store *s, sqlite3_stmt *st, void *out)
{
	struct outbox_claimed *c = out;
	return read_msg(s, st, &c->m, &c->body);
}

static int sq_get(struct store *s, int64_t id, struct outbox_claimed *out)
{
	struct sq_params p = { 0 };
	sp_int(&p, id);
	return sq_one(sq_downcast(s), "SELECT " MSG_COLS " FROM outbox WHERE id = ?1", &p,
		      read_claimed, out, "outbox get", "no outbox message %lld", (long long)id);
}

static int sq_list(struct store *s, const char *state, int limit, store_outbox_cb cb, void *ctx)
{
	struct sq_store *q = sq_downcast(s);
	struct sq_params p = { 0 };
	struct outbox_msg m;
	sqlite3_stmt *st;
	sp_text(&p, state);
	sp_int(&p, limit > 0 ? limit : -1);
	int rc = sq_query(q, "SELECT " MSG_COLS " FROM outbox WHERE (?1 = '' OR state = ?1)"
			  " ORDER BY id DESC LIMIT ?2", &p, &st);
	if (rc)
		return rc;
	while ((rc = sq_step(q, st, "outbox list")) == 1)
		if ((rc = read_msg(s, st, &m, NULL)) || (rc = store_stop(s, cb(ctx, &m))))
			break;
	sq_done(q, st);
	return rc;
}

static int sq_count(struct store *s, const char *state, int64_t *n)
{
	struct sq_params p = { 0 };
	sp_text(&p, state);
	int rc = sq_int_row(sq_downcast(s), "SELECT count(*) FROM outbox WHERE (?1 = '' OR state = ?1)",
			    &p, n, "outbox count");
	return rc < 0 ? rc : 0;
}

/* ---- webhooks ---- */

static int sq_webhook_insert(struct store *s, struct webhook *w)
{
	struct sq_params p = { 0 };
	sp_text(&p, w->url);
	sp_text(&p, w->secret);
	sp_text(&p, w->events);
	sp_int(&p, w->created_ms);
	return sq_insert(sq_downcast(s), "INSERT INTO webhooks (url, secret, events, active, created_ms)"
			 " VALUES (?1, ?2, ?3, 1, ?4) RETURNING id", &p, &w->id, "webhook insert");
}

static int sq_webhook_deactivate(struct store *s, int64_t id)
{
	struct sq_params p = { 0 };
	int64_t n = 0;
	sp_int(&p, id);
	int rc = sq_run(sq_downcast(s), "UPDATE webhooks SET active = 0 WHERE id = ?1 AND active = 1",
			&p, &n, "webhook deactivate");
	if (!rc && n != 1)
		rc = store_fail(s, APP_ENOTFOUND, "no active webhook %lld", (long long)id);
	return rc;
}

static int read_webhook(struct store *s, sqlite3_stmt *st, void *out)
{
	struct webhook *w = out;
	memset(w, 0, sizeof(*w));
	w->id = sqlite3_column_int64(st, 0);
	w->active = sqlite3_column_int(st, 4);
	w->created_ms = sqlite3_column_int64(st, 5);
	int rc = STORE_COPY(s, w->url, sq_col_text(st, 1));
	if (!rc) rc = STORE_COPY(s, w->secret, sq_col_text(st, 2));
	if (!rc) rc = STORE_COPY(s, w->events, sq_col_text(st, 3));
	return rc;
}

static int sq_webhook_get(struct store *s, int64_t id, struct webhook *out)
{
	struct sq_params p = { 0 };
	sp_int(&p, id);
	return sq_one(sq_downcast(s), "SELECT id, url, secret, events, active, created_ms FROM webhooks"
		      " WHERE id = ?1", &p, read_webhook, out, "webhook get", "no webhook %lld",
		      (long long)id);
}

static int sq_webhook_list(struct store *s, store_webhook_cb cb, void *ctx)
{
	struct sq_store *q = sq_downcast(s);
	struct webhook w;
	sqlite3_stmt *st;
	int rc = sq_query(q, "SELECT id, url, '', events, active, created_ms FROM webhooks"
			  " ORDER BY active DESC, id", NULL, &st);
	if (rc)
		return rc;
	while ((rc = sq_step(q, st, "webhook list")) == 1)
		if ((rc = read_webhook(s, st, &w)) || (rc = store_stop(s, cb(ctx, &w))))
			break;
	sq_done(q, st);
	return rc;
}

/* ---- e-mail addresses ---- */

static int sq_email_set(struct store *s, int64_t user_id, const char *email)
{
	struct sq_params p = { 0 };
	int64_t n = 0;
	sp_int(&p, user_id);
	sp_text(&p, email);
	int rc = sq_run(sq_downcast(s), "UPDATE users SET email = ?2 WHERE id = ?1", &p, &n,
			"user email set");
	if (!rc && n != 1)
		rc = store_fail(s, APP_ENOTFOUND, "no such user");
	return rc;
}

static int read_email(struct store *s, sqlite3_stmt *st, void *out)
{
	return store_copy(s, out, 255, sq_col_text(st, 0), "email");
}

static int sq_email_get(struct store *s, int64_t user_id, char out[255])
{
	struct sq_params p = { 0 };
	sp_int(&p, user_id);
	return sq_one(sq_downcast(s), "SELECT email FROM users WHERE id = ?1", &p, read_email, out,
		      "user email", "no such user");
}

static int sq_recipients(struct store *s, const char *role, const char *path,
			 store_recipient_cb cb, void *ctx)
{
	struct sq_store *q = sq_downcast(s);
	struct sq_params p = { 0 };
	struct outbox_recipient r;
	sqlite3_stmt *st;
	sp_text(&p, role);
	sp_text(&p, path);
	int rc = sq_query(q, "SELECT u.id, u.username, u.nama, u.email FROM users u"
			  " JOIN instansi i ON i.id = u.instansi_id"
			  " WHERE u.role = ?1 AND u.disabled = 0 AND u.email <> ''"
			  " AND (substr(?2, 1, length(i.path)) = i.path"
			  " OR (?2 = '/' AND i.parent_id IS NULL)) ORDER BY u.id", &p, &st);
	if (rc)
		return rc;
	while ((rc = sq_step(q, st, "outbox recipients")) == 1) {
		memset(&r, 0, sizeof(r));
		r.user_id = sqlite3_column_int64(st, 0);
		rc = STORE_COPY(s, r.username, sq_col_text(st, 1));
		if (!rc) rc = STORE_COPY(s, r.nama, sq_col_text(st, 2));
		if (!rc) rc = STORE_COPY(s, r.email, sq_col_text(st, 3));
		if (rc || (rc = store_stop(s, cb(ctx, &r))))
			break;
	}
	sq_done(q, st);
	return rc;
}

static int sq_due_cases(struct store *s, int32_t min_day, int32_t max_day,
			int (*cb)(void *ctx, const struct outbox_due_case *), void *ctx)
{
	struct sq_store *q = sq_downcast(s);
	struct sq_params p = { 0 };
	struct outbox_due_case c;
	sqlite3_stmt *st;
	sp_int(&p, min_day);
	sp_int(&p, max_day);
	int rc = sq_query(q, "SELECT k.id, k.nomor, k.konteks, k.tahap, k.tahap_sejak_ms, k.tenggat_hari,"
			  " coalesce(i.path, '/') FROM kasus k LEFT JOIN instansi i ON i.id = k.instansi_id"
			  " WHERE k.tenggat_hari BETWEEN ?1 AND ?2 ORDER BY k.tenggat_hari, k.id", &p, &st);
	if (rc)
		return rc;
	while ((rc = sq_step(q, st, "due cases")) == 1) {
		memset(&c, 0, sizeof(c));
		c.id = sqlite3_column_int64(st, 0);
		c.tahap_sejak_ms = sqlite3_column_int64(st, 4);
		c.tenggat_hari = (int32_t)sqlite3_column_int64(st, 5);
		rc = STORE_COPY(s, c.nomor, sq_col_text(st, 1));
		if (!rc) rc = STORE_COPY(s, c.konteks, sq_col_text(st, 2));
		if (!rc) rc = STORE_COPY(s, c.tahap, sq_col_text(st, 3));
		if (!rc) rc = STORE_COPY(s, c.instansi_path, sq_col_text(st, 6));
		if (rc || (rc = store_stop(s, cb(ctx, &c))))
			break;
	}
	sq_done(q, st);
	return rc;
}

static int sq_seen(struct store *s, const char *prefix, const char *hi, int *seen)
{
	struct sq_params p = { 0 };
	int64_t one;
	sp_text(&p, prefix);
	sp_text(&p, hi);
	int rc = sq_int_row(sq_downcast(s), "SELECT 1 FROM outbox WHERE dedup_key >= ?1"
			    " AND dedup_key < ?2 LIMIT 1", &p, &one, "outbox seen");
	if (rc >= 0) {
		*seen = rc == 1;
		rc = 0;
	}
	return rc;
}

const struct store_outbox_ops store_sqlite_outbox_ops = {
	.enqueue = sq_enqueue,
	.claim = sq_claim,
	.mark_sent = sq_mark_sent,
	.mark_failed = sq_mark_failed,
	.requeue = sq_requeue,
	.get = sq_get,
	.list = sq_list,
	.count = sq_count,
	.webhook_insert = sq_webhook_insert,
	.webhook_deactivate = sq_webhook_deactivate,
	.webhook_get = sq_webhook_get,
	.webhook_list = sq_webhook_list,
	.email_set = sq_email_set,
	.email_get = sq_email_get,
	.recipients = sq_recipients,
	.due_cases = sq_due_cases,
	.seen = sq_seen,
};
