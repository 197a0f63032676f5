/* SQLite backend: accounts, sessions, API tokens and rate-limit counters. */
#include "core/compat.h"
#include "store/store_sqlite_int.h"
#include "core/err.h"

/* ---- users ---- */

#define USER_COLS "u.id, u.username, u.nama, u.role, u.instansi_id, u.nip, u.password_hash," \
	" u.disabled, u.failed_logins, u.locked_until_ms, u.created_ms, i.path"
#define USER_FROM " FROM users u JOIN instansi i ON i.id = u.instansi_id"

static int read_user(struct sq_store *q, sqlite3_stmt *st, struct user *o)
{
	struct store *s = &q->base;
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

static int one_user(struct sq_store *q, sqlite3_stmt *st, struct user *out)
{
	int rc = sq_step(q, st, "user");
	if (rc == 1)
		rc = read_user(q, st, out);
	else if (rc == 0)
		rc = store_fail(&q->base, APP_ENOTFOUND, "no such user");
	sq_done(q, st);
	return rc;
}

int sq_user_insert(struct store *s, struct user *u)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "INSERT INTO users (username, nama, role, instansi_id, nip,"
			 " password_hash, disabled, failed_logins, locked_until_ms, created_ms)"
			 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) RETURNING id", &st);
	if (rc)
		return rc;
	sq_bind_text(st, 1, u->username);
	sq_bind_text(st, 2, u->nama);
	sq_bind_text(st, 3, u->role);
	sq_bind_int(st, 4, u->instansi_id);
	sq_bind_text(st, 5, u->nip);
	sq_bind_text(st, 6, u->password_hash);
	sq_bind_int(st, 7, u->disabled ? 1 : 0);
	sq_bind_int(st, 8, u->failed_logins);
	sq_bind_int(st, 9, u->locked_until_ms);
	sq_bind_int(st, 10, u->created_ms);
	rc = sq_step(q, st, "user insert");
	if (rc == 1) {
		u->id = sqlite3_column_int64(st, 0);
		rc = 0;
	}
	sq_done(q, st);
	return rc;
}

int sq_user_update(struct store *s, const struct user *u)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "UPDATE users SET nama = ?2, role = ?3, instansi_id = ?4,"
			 " password_hash = ?5, disabled = ?6, failed_logins = ?7,"
			 " locked_until_ms = ?8 WHERE id = ?1", &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, u->id);
	sq_bind_text(st, 2, u->nama);
	sq_bind_text(st, 3, u->role);
	sq_bind_int(st, 4, u->instansi_id);
	sq_bind_text(st, 5, u->password_hash);
	sq_bind_int(st, 6, u->disabled ? 1 : 0);
	sq_bind_int(st, 7, u->failed_logins);
	sq_bind_int(st, 8, u->locked_until_ms);
	rc = sq_exec(q, st, "user update");
	sq_done(q, st);
	if (!rc && sqlite3_changes(q->db) == 0)
		rc = store_fail(s, APP_ENOTFOUND, "no such user");
	return rc;
}

int sq_user_get(struct store *s, int64_t id, struct user *out)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "SELECT " USER_COLS USER_FROM " WHERE u.id = ?1", &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, id);
	return one_user(q, st, out);
}

int sq_user_get_by_username(struct store *s, const char *username, struct user *out)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "SELECT " USER_COLS USER_FROM " WHERE u.username = ?1", &st);
	if (rc)
		return rc;
	sq_bind_text(st, 1, username);
	return one_user(q, st, out);
}

int sq_user_list(struct store *s, const char *lo, const char *hi, store_user_cb cb, void *ctx)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	struct user row;
	int rc = sq_prep(q, "SELECT " USER_COLS USER_FROM
			 " WHERE i.path >= ?1 AND i.path < ?2 ORDER BY u.username", &st);
	if (rc)
		return rc;
	sq_bind_text(st, 1, lo);
	sq_bind_text(st, 2, hi);
	while ((rc = sq_step(q, st, "user list")) == 1) {
		if ((rc = read_user(q, st, &row)))
			break;
		if ((rc = cb(ctx, &row))) {
			s->stopped = 1;
			break;
		}
	}
	sq_done(q, st);
	return rc;
}

/* ---- sessions ---- */

int sq_session_insert(struct store *s, const struct session *se)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "INSERT INTO sessions (token_hash, user_id, csrf, lang, created_ms,"
			 " expires_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", &st);
	if (rc)
		return rc;
	sq_bind_text(st, 1, se->token_hash);
	sq_bind_int(st, 2, se->user_id);
	sq_bind_text(st, 3, se->csrf);
	sq_bind_text(st, 4, se->lang);
	sq_bind_int(st, 5, se->created_ms);
	sq_bind_int(st, 6, se->expires_ms);
	rc = sq_exec(q, st, "session insert");
	sq_done(q, st);
	return rc;
}

int sq_session_get(struct store *s, const char *token_hash, struct session *out)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "SELECT token_hash, user_id, csrf, lang, created_ms, expires_ms"
			 " FROM sessions WHERE token_hash = ?1", &st);
	if (rc)
		return rc;
	sq_bind_text(st, 1, token_hash);
	rc = sq_step(q, st, "session");
	if (rc == 1) {
		memset(out, 0, sizeof(*out));
		out->user_id = sqlite3_column_int64(st, 1);
		out->created_ms = sqlite3_column_int64(st, 4);
		out->expires_ms = sqlite3_column_int64(st, 5);
		rc = STORE_COPY(s, out->token_hash, sq_col_text(st, 0));
		if (!rc) rc = STORE_COPY(s, out->csrf, sq_col_text(st, 2));
		if (!rc) rc = STORE_COPY(s, out->lang, sq_col_text(st, 3));
	} else if (rc == 0) {
		rc = store_fail(s, APP_ENOTFOUND, "no such session");
	}
	sq_done(q, st);
	return rc;
}

static int delete_by(struct store *s, const char *sql, const char *text, int64_t num)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, sql, &st);
	if (rc)
		return rc;
	if (text)
		sq_bind_text(st, 1, text);
	else
		sq_bind_int(st, 1, num);
	rc = sq_exec(q, st, "session delete");
	sq_done(q, st);
	return rc;
}

int sq_session_delete(struct store *s, const char *token_hash)
{
	return delete_by(s, "DELETE FROM sessions WHERE token_hash = ?1", token_hash, 0);
}

int sq_session_delete_user(struct store *s, int64_t user_id)
{
	return delete_by(s, "DELETE FROM sessions WHERE user_id = ?1", NULL, user_id);
}

int sq_session_purge(struct store *s, int64_t now_ms)
{
	int rc = delete_by(s, "DELETE FROM sessions WHERE expires_ms <= ?1", NULL, now_ms);
	if (!rc)
		rc = delete_by(s, "DELETE FROM rate_limits WHERE window_start_ms < ?1", NULL,
			       now_ms - STORE_RATE_KEEP_MS);
	return rc;
}

/* ---- API tokens ---- */

int sq_token_insert(struct store *s, struct api_token *t)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "INSERT INTO api_tokens (user_id, name, token_hash, created_ms, revoked)"
			 " VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id", &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, t->user_id);
	sq_bind_text(st, 2, t->name);
	sq_bind_text(st, 3, t->token_hash);
	sq_bind_int(st, 4, t->created_ms);
	sq_bind_int(st, 5, t->revoked ? 1 : 0);
	rc = sq_step(q, st, "token insert");
	if (rc == 1) {
		t->id = sqlite3_column_int64(st, 0);
		rc = 0;
	}
	sq_done(q, st);
	return rc;
}

int sq_token_get_by_hash(struct store *s, const char *token_hash, struct api_token *out)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "SELECT id, user_id, name, token_hash, created_ms, revoked"
			 " FROM api_tokens WHERE token_hash = ?1", &st);
	if (rc)
		return rc;
	sq_bind_text(st, 1, token_hash);
	rc = sq_step(q, st, "token");
	if (rc == 1) {
		memset(out, 0, sizeof(*out));
		out->id = sqlite3_column_int64(st, 0);
		out->user_id = sqlite3_column_int64(st, 1);
		out->created_ms = sqlite3_column_int64(st, 4);
		out->revoked = sqlite3_column_int(st, 5);
		rc = STORE_COPY(s, out->name, sq_col_text(st, 2));
		if (!rc) rc = STORE_COPY(s, out->token_hash, sq_col_text(st, 3));
	} else if (rc == 0) {
		rc = store_fail(s, APP_ENOTFOUND, "no such token");
	}
	sq_done(q, st);
	return rc;
}

int sq_token_revoke(struct store *s, int64_t id)
{
	struct sq_store *q = sq_downcast(s);
	int rc = delete_by(s, "UPDATE api_tokens SET revoked = 1 WHERE id = ?1", NULL, id);
	if (!rc && sqlite3_changes(q->db) == 0)
		rc = store_fail(s, APP_ENOTFOUND, "no such token");
	return rc;
}

int sq_auth_epoch(struct store *s, int64_t *out)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "SELECT n FROM auth_epoch WHERE id = 1", &st);
	if (rc)
		return rc;
	rc = sq_step(q, st, "auth epoch");
	if (rc == 1) {
		*out = sqlite3_column_int64(st, 0);
		rc = 0;
	} else if (rc == 0) {
		rc = store_fail(s, APP_EINTERNAL, "auth_epoch has no row");
	}
	sq_done(q, st);
	return rc;
}

/* ---- rate limits ---- */

/* One row per key. A hit in a newer window restarts the count; a hit
 * stamped with an older window (another server's clock a little behind)
 * counts in the current one rather than resetting it. */
int sq_rate_hit(struct store *s, const char *key, int64_t window_start_ms, int64_t *count)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "INSERT INTO rate_limits (key, window_start_ms, hits) VALUES (?1, ?2, 1)"
			 " ON CONFLICT (key) DO UPDATE SET"
			 " hits = CASE WHEN excluded.window_start_ms > rate_limits.window_start_ms"
			 " THEN 1 ELSE rate_limits.hits + 1 END,"
			 " window_start_ms = max(rate_limits.window_start_ms, excluded.window_start_ms)"
			 " RETURNING hits", &st);
	if (rc)
		return rc;
	sq_bind_text(st, 1, key);
	sq_bind_int(st, 2, window_start_ms);
	rc = sq_step(q, st, "rate limit");
	if (rc == 1) {
		*count = sqlite3_column_int64(st, 0);
		rc = 0;
	} else if (rc == 0) {
		rc = store_fail(s, APP_EINTERNAL, "rate limit returned no row");
	}
	sq_done(q, st);
	return rc;
}
