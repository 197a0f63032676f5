/* PostgreSQL backend: accounts, sessions, API tokens and rate-limit counters
 * (the same operations as store_sqlite_account.c). */
#include "core/compat.h"
#include "store/store_pg_int.h"
#include "core/err.h"

/* ---- users ---- */

#define USER_COLS "u.id, u.username, u.nama, u.role, u.instansi_id, u.nip, u.password_hash," \
	" u.disabled, u.failed_logins, u.locked_until_ms, u.created_ms, i.path"
#define USER_FROM " FROM users u JOIN instansi i ON i.id = u.instansi_id"

/* Row i of r. */
static int read_user(struct pg_store *q, const PGresult *r, int i, struct user *o)
{
	struct store *s = &q->base;
	memset(o, 0, sizeof(*o));
	o->id = pg_int(r, i, 0);
	o->instansi_id = pg_int(r, i, 4);
	o->disabled = (int)pg_int(r, i, 7);
	o->failed_logins = (int)pg_int(r, i, 8);
	o->locked_until_ms = pg_int(r, i, 9);
	o->created_ms = pg_int(r, i, 10);
	int rc = STORE_COPY(s, o->username, pg_text(r, i, 1));
	if (!rc) rc = STORE_COPY(s, o->nama, pg_text(r, i, 2));
	if (!rc) rc = STORE_COPY(s, o->role, pg_text(r, i, 3));
	if (!rc) rc = STORE_COPY(s, o->nip, pg_text(r, i, 5));
	if (!rc) rc = STORE_COPY(s, o->password_hash, pg_text(r, i, 6));
	if (!rc) rc = STORE_COPY(s, o->scope_path, pg_text(r, i, 11));
	return rc;
}

static int read_user0(struct pg_store *q, PGresult *r, void *out)
{
	return read_user(q, r, 0, out);
}

static int one_user(struct pg_store *q, const char *sql, const struct pg_params *p,
		    struct user *out)
{
	return pg_one(q, sql, p, read_user0, out, "user", "no such user");
}

int pg_user_insert(struct store *s, struct user *u)
{
	struct pg_params p = { 0 };
	pp_text(&p, u->username);
	pp_text(&p, u->nama);
	pp_text(&p, u->role);
	pp_int(&p, u->instansi_id);
	pp_text(&p, u->nip);
	pp_text(&p, u->password_hash);
	pp_int(&p, u->disabled ? 1 : 0);
	pp_int(&p, u->failed_logins);
	pp_int(&p, u->locked_until_ms);
	pp_int(&p, u->created_ms);
	return pg_insert(pg_downcast(s), "INSERT INTO users (username, nama, role, instansi_id, nip,"
			 " password_hash, disabled, failed_logins, locked_until_ms, created_ms)"
			 " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
			 &p, &u->id, "user insert");
}

int pg_user_update(struct store *s, const struct user *u)
{
	struct pg_params p = { 0 };
	int64_t n = 0;
	pp_int(&p, u->id);
	pp_text(&p, u->nama);
	pp_text(&p, u->role);
	pp_int(&p, u->instansi_id);
	pp_text(&p, u->password_hash);
	pp_int(&p, u->disabled ? 1 : 0);
	pp_int(&p, u->failed_logins);
	pp_int(&p, u->locked_until_ms);
	int rc = pg_command(pg_downcast(s), "UPDATE users SET nama = $2, role = $3,"
			    " instansi_id = $4, password_hash = $5, disabled = $6,"
			    " failed_logins = $7, locked_until_ms = $8 WHERE id = $1",
			    &p, &n, "user update");
	if (!rc && n == 0)
		rc = store_fail(s, APP_ENOTFOUND, "no such user");
	return rc;
}

int pg_user_get(struct store *s, int64_t id, struct user *out)
{
	struct pg_params p = { 0 };
	pp_int(&p, id);
	return one_user(pg_downcast(s), "SELECT " USER_COLS USER_FROM " WHERE u.id = $1", &p, out);
}

int pg_user_get_by_username(struct store *s, const char *username, struct user *out)
{
	struct pg_params p = { 0 };
	pp_text(&p, username);
	return one_user(pg_downcast(s), "SELECT " USER_COLS USER_FROM " WHERE u.username = $1",
			&p, out);
}

struct user_list {
	store_user_cb cb;
	void *ctx;
};

static int user_row(struct pg_store *q, PGresult *r, void *arg)
{
	struct user_list *l = arg;
	struct user row;
	int rc = read_user(q, r, 0, &row);
	return rc ? rc : store_stop(&q->base, l->cb(l->ctx, &row));
}

int pg_user_list(struct store *s, const char *lo, const char *hi, store_user_cb cb, void *ctx)
{
	struct pg_params p = { 0 };
	struct user_list l = { cb, ctx };
	pp_text(&p, lo);
	pp_text(&p, hi);
	return pg_stream(pg_downcast(s), "SELECT " USER_COLS USER_FROM
			 " WHERE i.path >= $1 AND i.path < $2 ORDER BY u.username", &p, user_row, &l,
			 "user list");
}

/* ---- sessions ---- */

int pg_session_insert(struct store *s, const struct session *se)
{
	struct pg_params p = { 0 };
	pp_text(&p, se->token_hash);
	pp_int(&p, se->user_id);
	pp_text(&p, se->csrf);
	pp_text(&p, se->lang);
	pp_int(&p, se->created_ms);
	pp_int(&p, se->expires_ms);
	return pg_command(pg_downcast(s), "INSERT INTO sessions (token_hash, user_id, csrf, lang,"
			  " created_ms, expires_ms) VALUES ($1, $2, $3, $4, $5, $6)", &p, NULL,
			  "session insert");
}

static int read_session(struct pg_store *q, PGresult *r, void *o)
{
	struct session *out = o;
	struct store *s = &q->base;
	memset(out, 0, sizeof(*out));
	out->user_id = pg_int(r, 0, 1);
	out->created_ms = pg_int(r, 0, 4);
	out->expires_ms = pg_int(r, 0, 5);
	int rc = STORE_COPY(s, out->token_hash, pg_text(r, 0, 0));
	if (!rc) rc = STORE_COPY(s, out->csrf, pg_text(r, 0, 2));
	if (!rc) rc = STORE_COPY(s, out->lang, pg_text(r, 0, 3));
	return rc;
}

int pg_session_get(struct store *s, const char *token_hash, struct session *out)
{
	struct pg_params p = { 0 };
	pp_text(&p, token_hash);
	return pg_one(pg_downcast(s), "SELECT token_hash, user_id, csrf, lang, created_ms, expires_ms"
		      " FROM sessions WHERE token_hash = $1", &p, read_session, out, "session",
		      "no such session");
}

int pg_session_delete(struct store *s, const char *token_hash)
{
	struct pg_params p = { 0 };
	pp_text(&p, token_hash);
	return pg_command(pg_downcast(s), "DELETE FROM sessions WHERE token_hash = $1", &p, NULL,
			  "session delete");
}

int pg_session_delete_user(struct store *s, int64_t user_id)
{
	struct pg_params p = { 0 };
	pp_int(&p, user_id);
	return pg_command(pg_downcast(s), "DELETE FROM sessions WHERE user_id = $1", &p, NULL,
			  "session delete");
}

int pg_session_purge(struct store *s, int64_t now_ms)
{
	struct pg_params p = { 0 };
	pp_int(&p, now_ms);
	int rc = pg_command(pg_downcast(s), "DELETE FROM sessions WHERE expires_ms <= $1", &p, NULL,
			    "session purge");
	if (rc)
		return rc;
	struct pg_params q = { 0 };
	pp_int(&q, now_ms - STORE_RATE_KEEP_MS);
	return pg_command(pg_downcast(s), "DELETE FROM rate_limits WHERE window_start_ms < $1", &q,
			  NULL, "rate limit purge");
}

/* ---- API tokens ---- */

int pg_token_insert(struct store *s, struct api_token *t)
{
	struct pg_params p = { 0 };
	pp_int(&p, t->user_id);
	pp_text(&p, t->name);
	pp_text(&p, t->token_hash);
	pp_int(&p, t->created_ms);
	pp_int(&p, t->revoked ? 1 : 0);
	return pg_insert(pg_downcast(s), "INSERT INTO api_tokens (user_id, name, token_hash, created_ms,"
			 " revoked) VALUES ($1, $2, $3, $4, $5) RETURNING id", &p, &t->id,
			 "token insert");
}

static int read_token(struct pg_store *q, PGresult *r, void *o)
{
	struct api_token *out = o;
	struct store *s = &q->base;
	memset(out, 0, sizeof(*out));
	out->id = pg_int(r, 0, 0);
	out->user_id = pg_int(r, 0, 1);
	out->created_ms = pg_int(r, 0, 4);
	out->revoked = (int)pg_int(r, 0, 5);
	int rc = STORE_COPY(s, out->name, pg_text(r, 0, 2));
	if (!rc) rc = STORE_COPY(s, out->token_hash, pg_text(r, 0, 3));
	return rc;
}

int pg_token_get_by_hash(struct store *s, const char *token_hash, struct api_token *out)
{
	struct pg_params p = { 0 };
	pp_text(&p, token_hash);
	return pg_one(pg_downcast(s), "SELECT id, user_id, name, token_hash, created_ms, revoked"
		      " FROM api_tokens WHERE token_hash = $1", &p, read_token, out, "token",
		      "no such token");
}

int pg_token_revoke(struct store *s, int64_t id)
{
	struct pg_params p = { 0 };
	int64_t n = 0;
	pp_int(&p, id);
	int rc = pg_command(pg_downcast(s), "UPDATE api_tokens SET revoked = 1 WHERE id = $1", &p,
			    &n, "token revoke");
	if (!rc && n == 0)
		rc = store_fail(s, APP_ENOTFOUND, "no such token");
	return rc;
}

/* ---- rate limits (see sq_rate_hit) ---- */

int pg_rate_hit(struct store *s, const char *key, int64_t window_start_ms, int64_t *count)
{
	struct pg_store *q = pg_downcast(s);
	struct pg_params p = { 0 };
	PGresult *r;
	pp_text(&p, key);
	pp_int(&p, window_start_ms);
	int rc = pg_query(q, "INSERT INTO rate_limits (key, window_start_ms, hits) VALUES ($1, $2, 1)"
			  " ON CONFLICT (key) DO UPDATE SET"
			  " hits = CASE WHEN excluded.window_start_ms > rate_limits.window_start_ms"
			  " THEN 1 ELSE rate_limits.hits + 1 END,"
			  " window_start_ms = greatest(rate_limits.window_start_ms,"
			  " excluded.window_start_ms)"
			  " RETURNING hits", &p, &r, "rate limit");
	if (rc)
		return rc;
	*count = pg_int(r, 0, 0);
	PQclear(r);
	return 0;
}
