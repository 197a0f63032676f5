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
	struct sq_params p = { 0 };
	sp_int(&p, r->seq);
	sp_int(&p, r->ts_ms);
	sp_int(&p, r->actor_id);
	sp_text(&p, r->actor);
	sp_text(&p, r->action);
	sp_text(&p, r->object_type);
	sp_text(&p, r->object_id);
	sp_text(&p, r->diff);
	sp_text(&p, r->prev_hash);
	sp_text(&p, r->hash);
	return sq_run(sq_downcast(s), "INSERT INTO audit_log (" AUDIT_COLS ")"
		      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", &p, NULL, "audit insert");
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

/* Walks the rows of sql (run with p) to cb. */
static int walk(struct sq_store *q, const char *sql, const struct sq_params *p,
		store_audit_cb cb, void *ctx)
{
	struct audit_rec row;
	sqlite3_stmt *st;
	int rc = sq_query(q, sql, p, &st);
	if (rc)
		return rc;
	while ((rc = sq_step(q, st, "audit list")) == 1)
		if ((rc = read_audit(q, st, &row)) || (rc = store_stop(&q->base, cb(ctx, &row))))
			break;
	sq_done(q, st);
	return rc;
}

int sq_audit_list(struct store *s, int64_t from_seq, int limit, store_audit_cb cb, void *ctx)
{
	struct sq_params p = { 0 };
	sp_int(&p, from_seq);
	sp_int(&p, limit > 0 ? limit : -1);
	return walk(sq_downcast(s), "SELECT " AUDIT_COLS " FROM audit_log WHERE seq >= ?1"
		    " ORDER BY seq LIMIT ?2", &p, cb, ctx);
}

int sq_audit_list_object(struct store *s, const char *object_type, const char *object_id,
			 int limit, store_audit_cb cb, void *ctx)
{
	struct sq_params p = { 0 };
	sp_text(&p, object_type);
	sp_text(&p, object_id);
	sp_int(&p, limit > 0 ? limit : -1);
	return walk(sq_downcast(s), "SELECT " AUDIT_COLS " FROM audit_log"
		    " WHERE object_type = ?1 AND object_id = ?2 ORDER BY seq DESC LIMIT ?3", &p, cb,
		    ctx);
}
