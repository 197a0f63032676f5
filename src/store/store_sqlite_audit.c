/* SQLite backend: the audit chain table. A write transaction is BEGIN
 * IMMEDIATE, which already holds the database's single write lock, so the
 * head read inside it cannot race another writer: no extra lock needed. */
#include "core/compat.h"
#include "store/store_sqlite_int.h"
#include "core/err.h"

#define AUDIT_COLS "seq, ts_ms, actor_id, actor, action, object_type, object_id, diff," \
	" prev_hash, hash"

int sq_audit_head(struct store *s, int64_t *seq, char hash[65])
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", &st);
	if (rc)
		return rc;
	rc = sq_step(q, st, "audit head");
	if (rc == 1) {
		*seq = sqlite3_column_int64(st, 0);
		rc = store_copy(s, hash, 65, sq_col_text(st, 1), "audit hash");
	} else if (rc == 0) {
		*seq = 0;
		memset(hash, '0', 64);
		hash[64] = '\0';
	}
	sq_done(q, st);
	return rc;
}

int sq_audit_insert(struct store *s, const struct audit_rec *r)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "INSERT INTO audit_log (" AUDIT_COLS ")"
			 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, r->seq);
	sq_bind_int(st, 2, r->ts_ms);
	sq_bind_int(st, 3, r->actor_id);
	sq_bind_text(st, 4, r->actor);
	sq_bind_text(st, 5, r->action);
	sq_bind_text(st, 6, r->object_type);
	sq_bind_text(st, 7, r->object_id);
	sq_bind_text(st, 8, r->diff);
	sq_bind_text(st, 9, r->prev_hash);
	sq_bind_text(st, 10, r->hash);
	rc = sq_exec(q, st, "audit insert");
	sq_done(q, st);
	return rc;
}

static int read_audit(struct sq_store *q, sqlite3_stmt *st, struct audit_rec *o)
{
	struct store *s = &q->base;
	memset(o, 0, sizeof(*o));
	o->seq = sqlite3_column_int64(st, 0);
	o->ts_ms = sqlite3_column_int64(st, 1);
	o->actor_id = sqlite3_column_int64(st, 2);
	o->diff = sq_col_text(st, 7);
	int rc = STORE_COPY(s, o->actor, sq_col_text(st, 3));
	if (!rc) rc = STORE_COPY(s, o->action, sq_col_text(st, 4));
	if (!rc) rc = STORE_COPY(s, o->object_type, sq_col_text(st, 5));
	if (!rc) rc = STORE_COPY(s, o->object_id, sq_col_text(st, 6));
	if (!rc) rc = STORE_COPY(s, o->prev_hash, sq_col_text(st, 8));
	if (!rc) rc = STORE_COPY(s, o->hash, sq_col_text(st, 9));
	return rc;
}

static int walk(struct sq_store *q, sqlite3_stmt *st, store_audit_cb cb, void *ctx)
{
	struct audit_rec row;
	int rc;
	while ((rc = sq_step(q, st, "audit list")) == 1) {
		if ((rc = read_audit(q, st, &row)))
			break;
		if ((rc = cb(ctx, &row))) {
			q->base.stopped = 1;
			break;
		}
	}
	sq_done(q, st);
	return rc;
}

int sq_audit_list(struct store *s, int64_t from_seq, int limit, store_audit_cb cb, void *ctx)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "SELECT " AUDIT_COLS " FROM audit_log WHERE seq >= ?1"
			 " ORDER BY seq LIMIT ?2", &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, from_seq);
	sq_bind_int(st, 2, limit > 0 ? limit : -1);
	return walk(q, st, cb, ctx);
}

int sq_audit_list_object(struct store *s, const char *object_type, const char *object_id,
			 int limit, store_audit_cb cb, void *ctx)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	int rc = sq_prep(q, "SELECT " AUDIT_COLS " FROM audit_log"
			 " WHERE object_type = ?1 AND object_id = ?2 ORDER BY seq DESC LIMIT ?3", &st);
	if (rc)
		return rc;
	sq_bind_text(st, 1, object_type);
	sq_bind_text(st, 2, object_id);
	sq_bind_int(st, 3, limit > 0 ? limit : -1);
	return walk(q, st, cb, ctx);
}
