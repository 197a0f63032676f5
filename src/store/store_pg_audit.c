/* PostgreSQL backend: the audit chain table. Inside a write transaction the
 * head is read after pg_advisory_xact_lock, so concurrent appenders on any
 * number of servers take turns; the lock is released at commit or rollback.
 * Why READ COMMITTED is enough: see the comment at the top of store_pg.c. */
#include "core/compat.h"
#include "store/store_pg_int.h"
#include "core/err.h"

/* Key of the advisory lock that serialises audit appends. */
#define PG_AUDIT_LOCK "8386112471167233"

#define AUDIT_COLS "seq, ts_ms, actor_id, actor, action, object_type, object_id, diff," \
	" prev_hash, hash"

int pg_audit_head(struct store *s, int64_t *seq, char hash[65])
{
	struct pg_store *q = pg_downcast(s);
	PGresult *r;
	int rc;
	if (s->tx == STORE_TX_IN_WRITE &&
	    (rc = pg_command(q, "SELECT pg_advisory_xact_lock(" PG_AUDIT_LOCK ")", NULL, NULL,
			     "audit lock")))
		return rc;
	rc = pg_query(q, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", NULL, &r,
		      "audit head");
	if (rc)
		return rc;
	if (PQntuples(r) == 1) {
		*seq = pg_int(r, 0, 0);
		rc = store_copy(s, hash, 65, pg_text(r, 0, 1), "audit hash");
	} else {
		*seq = 0;
		memset(hash, '0', 64);
		hash[64] = '\0';
	}
	PQclear(r);
	return rc;
}

int pg_audit_insert(struct store *s, const struct audit_rec *r)
{
	struct pg_params p = { 0 };
	pp_int(&p, r->seq);
	pp_int(&p, r->ts_ms);
	pp_int(&p, r->actor_id);
	pp_text(&p, r->actor);
	pp_text(&p, r->action);
	pp_text(&p, r->object_type);
	pp_text(&p, r->object_id);
	pp_text(&p, r->diff);
	pp_text(&p, r->prev_hash);
	pp_text(&p, r->hash);
	return pg_command(pg_downcast(s), "INSERT INTO audit_log (" AUDIT_COLS ")"
			  " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)", &p, NULL,
			  "audit insert");
}

struct audit_walk {
	store_audit_cb cb;
	void *ctx;
};

static int audit_row(struct pg_store *q, PGresult *r, void *arg)
{
	struct audit_walk *w = arg;
	struct store *s = &q->base;
	struct audit_rec o;
	memset(&o, 0, sizeof(o));
	o.seq = pg_int(r, 0, 0);
	o.ts_ms = pg_int(r, 0, 1);
	o.actor_id = pg_int(r, 0, 2);
	o.diff = pg_text(r, 0, 7);
	int rc = STORE_COPY(s, o.actor, pg_text(r, 0, 3));
	if (!rc) rc = STORE_COPY(s, o.action, pg_text(r, 0, 4));
	if (!rc) rc = STORE_COPY(s, o.object_type, pg_text(r, 0, 5));
	if (!rc) rc = STORE_COPY(s, o.object_id, pg_text(r, 0, 6));
	if (!rc) rc = STORE_COPY(s, o.prev_hash, pg_text(r, 0, 8));
	if (!rc) rc = STORE_COPY(s, o.hash, pg_text(r, 0, 9));
	if (!rc && (rc = w->cb(w->ctx, &o)))
		s->stopped = 1;
	return rc;
}

int pg_audit_list(struct store *s, int64_t from_seq, int limit, store_audit_cb cb, void *ctx)
{
	struct pg_params p = { 0 };
	struct audit_walk w = { cb, ctx };
	pp_int(&p, from_seq);
	pp_id(&p, limit); /* NULL: LIMIT ALL */
	return pg_stream(pg_downcast(s), "SELECT " AUDIT_COLS " FROM audit_log WHERE seq >= $1"
			 " ORDER BY seq LIMIT $2::bigint", &p, audit_row, &w, "audit list");
}

int pg_audit_list_object(struct store *s, const char *object_type, const char *object_id,
			 int limit, store_audit_cb cb, void *ctx)
{
	struct pg_params p = { 0 };
	struct audit_walk w = { cb, ctx };
	pp_text(&p, object_type);
	pp_text(&p, object_id);
	pp_id(&p, limit);
	return pg_stream(pg_downcast(s), "SELECT " AUDIT_COLS " FROM audit_log"
			 " WHERE object_type = $1 AND object_id = $2 ORDER BY seq DESC"
			 " LIMIT $3::bigint", &p, audit_row, &w, "audit list");
}
