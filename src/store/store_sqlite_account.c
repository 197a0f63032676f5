/* SQLite backend: accounts, sessions, API tokens and rate-limit counters. */
#include "core/compat.h"
#include "store/store_sqlite_int.h"
#include "core/err.h"

/* ---- users ---- */

#define USER_COLS "u.id, u.username, u.nama, u.role, u.instansi_id, u.nip, u.password_hash," \
	" u.disabled, u.failed_logins, u.locked_until_ms, u.created_ms, i.path"
#define USER_FROM " FROM users u JOIN instansi i ON i.id = u.instansi_id"

static int read_user(struct store *s, sqlite3_stmt *st, void *out)
{
	struct user *o = out;
	memset(o, 0, sizeof(*o));
	o->id = sqlite3_column_int64(st, 0);
	o->instansi_id = sqlite3_column_int64(st, 4);
	o->disabled = sqlite3_column_int(st, 7);
	o->failed_logins = sqlite3_column_int(st, 8);
	o->locked_until_ms = sqlite3_column_int64(st, 9);
	o->created_ms = sqlite3_column_int64(st, 10);
	int rc = STORE_COPY(s, o->username, sq_col_text(st, 1));
	if (!rc) rc = STORE_COPY(s, o->nama, sq_col_text(st, 2));
	if (!rc) rc = STORE_COPY(s, o->role, sq_col_text(st, 3));
	if (!rc) rc = STORE_COPY(s, o->nip, sq_col_text(st, 5));
	if (!rc) rc = STORE_COPY(s, o->password_hash, sq_col_text(st, 6));
	if (!rc) rc = STORE_COPY(s, o->scope_path, sq_col_text(st, 11));
	return rc;
}

int sq_user_insert(struct store *s, struct user *u)
{
	struct sq_params p = { 0 };
	sp_text(&p, u->username);
	sp_text(&p, u->nama);
	sp_text(&p, u->role);
	sp_int(&p, u->instansi_id);
	sp_text(&p, u->nip);
	sp_text(&p, u->password_hash);
	sp_int(&p, u->disabled ? 1 : 0);
	sp_int(&p, u->failed_logins);
	sp_int(&p, u->locked_until_ms);
	sp_int(&p, u->created_ms);
	return sq_insert(sq_downcast(s), "INSERT INTO users (username, nama, role, instansi_id, nip,"
			 " password_hash, disabled, failed_logins, locked_until_ms, created_ms)"
			 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id", &p, &u->id,
			 "user insert");
}

int sq_user_update(struct store *s, const struct user *u)
{
	struct sq_params p = { 0 };
	int64_t n = 0;
	sp_int(&p, u->id);
	sp_text(&p, u->nama);
	sp_text(&p, u->role);
	sp_int(&p, u->instansi_id);
	sp_text(&p, u->password_hash);
	sp_int(&p, u->disabled ? 1 : 0);
	sp_int(&p, u->failed_logins);
	sp_int(&p, u->locked_until_ms);
	int rc = sq_run(sq_downcast(s), "UPDATE users SET nama = ?2, role = ?3, instansi_id = ?4,"
			" password_hash = ?5, disabled = ?6, failed_logins = ?7,"
			" locked_until_ms = ?8 WHERE id = ?1", &p, &n, "user update");
	if (!rc && n == 0)
		rc = store_fail(s, APP_ENOTFOUND, "no such user");
	return rc;
}

int sq_user_get(struct store *s, int64_t id, struct user *out)
{
	struct sq_params p = { 0 };
	sp_int(&p, id);
	return sq_one(sq_downcast(s), "SELECT " USER_COLS USER_FROM " WHERE u.id = ?1", &p,
		      read_user, out, "user", "no such user");
}

int sq_user_get_by_username(struct store *s, const char *username, struct user *out)
{
	struct sq_params p = { 0 };
	sp_text(&p, username);
	return sq_one(sq_downcast(s), "SELECT " USER_COLS USER_FROM " WHERE u.username = ?1", &p,
		      read_user, out, "user", "no such user");
}

int sq_user_list(struct store *s, const char *lo, const char *hi, store_user_cb cb, void *ctx)
{
	struct sq_store *q = sq_downcast(s);
	struct sq_params p = { 0 };
	struct user row;
	sqlite3_stmt *st;
	sp_text(&p, lo);
	sp_text(&p, hi);
	int rc = sq_query(q, "SELECT " USER_COLS USER_FROM
			  " WHERE i.path >= ?1 AND i.path < ?2 ORDER BY u.username", &p, &st);
	if (rc)
		return rc;
	while ((rc = sq_step(q, st, "user list")) == 1)
		if ((rc = read_user(s, st, &row)) || (rc = store_stop(s, cb(ctx, &row))))
			break;
	sq_done(q, st);
	return rc;
}

/* ---- sessions ---- */

int sq_session_insert(struct store *s, const struct session *se)
{
	struct sq_params p = { 0 };
	sp_text(&p, se->token_hash);
	sp_int(&p, se->user_id);
	sp_text(&p, se->csrf);
	sp_text(&p, se->lang);
	sp_int(&p, se->created_ms);
	sp_int(&p, se->expires_ms);
	return sq_run(sq_downcast(s), "INSERT INTO sessions (token_hash, user_id, csrf, lang,"
		      " created_ms, expires_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &p, NULL,
		      "session insert");
}

static int read_session(struct store *s, sqlite3_stmt *st, void *o)
{
	struct session *out = o;
	memset(out, 0, sizeof(*out));
	out->user_id = sqlite3_column_int64(st, 1);
	out->created_ms = sqlite3_column_int64(st, 4);
	out->expires_ms = sqlite3_column_int64(st, 5);
	int rc = STORE_COPY(s, out->token_hash, sq_col_text(st, 0));
	if (!rc) rc = STORE_COPY(s, out->csrf, sq_col_text(st, 2));
	if (!rc) rc = STORE_COPY(s, out->lang, sq_col_text(st, 3));
	return rc;
}

int sq_session_get(struct store *s, const char *token_hash, struct session *out)
{
	struct sq_params p = { 0 };
	sp_text(&p, token_hash);
	return sq_one(sq_downcast(s), "SELECT token_hash, user_id, csrf, lang, created_ms, expires_ms"
		      " FROM sessions WHERE token_hash = ?1", &p, read_session, out, "session",
		      "no such session");
}

/* A one-parameter statement: text when text is not NULL, else num. */
static int exec1(struct store *s, const char *sql, const char *text, int64_t num, int64_t *n)
{
	struct sq_params p = { 0 };
	if (text)
		sp_text(&p, text);
	else
		sp_int(&p, num);
	return sq_run(sq_downcast(s), sql, &p, n, "session delete");
}

int sq_session_delete(struct store *s, const char *token_hash)
{
	return exec1(s, "DELETE FROM sessions WHERE token_hash = ?1", token_hash, 0, NULL);
}

int sq_session_delete_user(struct store *s, int64_t user_id)
{
	return exec1(s, "DELETE FROM sessions WHERE user_id = ?1", NULL, user_id, NULL);
}

int sq_session_purge(struct store *s, int64_t now_ms)
{
	int rc = exec1(s, "DELETE FROM sessions WHERE expires_ms <= ?1", NULL, now_ms, NULL);
	if (!rc)
		rc = exec1(s, "DELETE FROM rate_limits WHERE window_start_ms < ?1", NULL,
			   now_ms - STORE_RATE_KEEP_MS, NULL);
	return rc;
}

/* ---- API tokens ---- */

int sq_token_insert(struct store *s, struct api_token *t)
{
	struct sq_params p = { 0 };
	sp_int(&p, t->user_id);
	sp_text(&p, t->name);
	sp_text(&p, t->token_hash);
	sp_int(&p, t->created_ms);
	sp_int(&p, t->revoked ? 1 : 0);
	return sq_insert(sq_downcast(s), "INSERT INTO api_tokens (user_id, name, token_hash,"
			 " created_ms, revoked) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id", &p, &t->id,
			 "token insert");
}

static int read_token(struct store *s, sqlite3_stmt *st, void *o)
{
	struct api_token *out = o;
	memset(out, 0, sizeof(*out));
	out->id = sqlite3_column_int64(st, 0);
	out->user_id = sqlite3_column_int64(st, 1);
	out->created_ms = sqlite3_column_int64(st, 4);
	out->revoked = sqlite3_column_int(st, 5);
	int rc = STORE_COPY(s, out->name, sq_col_text(st, 2));
	if (!rc) rc = STORE_COPY(s, out->token_hash, sq_col_text(st, 3));
	return rc;
}

int sq_token_get_by_hash(struct store *s, const char *token_hash, struct api_token *out)
{
	struct sq_params p = { 0 };
	sp_text(&p, token_hash);
	return sq_one(sq_downcast(s), "SELECT id, user_id, name, token_hash, created_ms, revoked"
		      " FROM api_tokens WHERE token_hash = ?1", &p, read_token, out, "token",
		      "no such token");
}

int sq_token_revoke(struct store *s, int64_t id)
{
	int64_t n = 0;
	int rc = exec1(s, "UPDATE api_tokens SET revoked = 1 WHERE id = ?1", NULL, id, &n);
	if (!rc && n == 0)
		rc = store_fail(s, APP_ENOTFOUND, "no such token");
	return rc;
}

/* ---- rate limits ---- */

/* One row per key. A hit in a newer window restarts the count; a hit
 * stamped with an older window (another server's clock a little behind)
 * counts in the current one rather than resetting it. */
int sq_rate_hit(struct store *s, const char *key, int64_t window_start_ms, int64_t *count)
{
	struct sq_params p = { 0 };
	sp_text(&p, key);
	sp_int(&p, window_start_ms);
	int rc = sq_int_row(sq_downcast(s), "INSERT INTO rate_limits (key, window_start_ms, hits)"
			    " VALUES (?1, ?2, 1) ON CONFLICT (key) DO UPDATE SET"
			    " hits = CASE WHEN excluded.window_start_ms > rate_limits.window_start_ms"
			    " THEN 1 ELSE rate_limits.hits + 1 END,"
			    " window_start_ms = max(rate_limits.window_start_ms, excluded.window_start_ms)"
			    " RETURNING hits", &p, count, "rate limit");
	if (rc == 0)
		rc = store_fail(s, APP_EINTERNAL, "rate limit returned no row");
	return rc < 0 ? rc : 0;
}
