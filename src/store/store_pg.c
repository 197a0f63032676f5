/* The PostgreSQL backend (libpq): one PGconn per struct store, never shared
 * between threads. Queries are prepared once per connection and run with
 * PQexecPrepared (bound text parameters; the cache holds PG_CACHE_MAX, then
 * PQexecParams); transaction control and session settings go through
 * PQexecParams; the only PQexec is a migration script embedded in the
 * binary, which has no parameters and several statements. PQresultStatus is
 * checked and every PGresult cleared on every path.
 *
 * Isolation: a write transaction is READ COMMITTED, explicitly, whatever the
 * server default. The one place where order matters is the audit chain, and
 * there the head is read after taking a transaction-scoped advisory lock
 * (store_pg_audit.c): under READ COMMITTED that read gets a fresh snapshot,
 * which includes the previous holder's committed record, so appenders line
 * up one after another without SERIALIZABLE and its retry loops. Everything
 * else is protected by unique and foreign keys. A read transaction is
 * REPEATABLE READ READ ONLY: one snapshot for a whole export or chain walk. */
#include "core/compat.h"
#include "store/store_pg_int.h"
#include "core/err.h"
#include "core/log.h"
#include "core/xalloc.h"

/* Key of the advisory lock that serialises migrations (an arbitrary
 * constant; store_pg_audit.c uses the next one). */
#define PG_MIGRATE_LOCK "8386112471167232"

struct pg_store *pg_downcast(struct store *s)
{
	if (s->ops != &store_pg_ops) {
		log_error("BUG: %s store passed to the PostgreSQL backend", s->ops->name);
		abort();
	}
	return (struct pg_store *)s;
}

void pp_text(struct pg_params *p, const char *s)
{
	if (p->n < PG_MAX_PARAMS)
		p->v[p->n++] = s ? s : "";
}

void pp_int(struct pg_params *p, int64_t v)
{
	if (p->n < PG_MAX_PARAMS) {
		snprintf(p->num[p->n], sizeof(p->num[0]), "%" PRId64, v);
		p->v[p->n] = p->num[p->n];
		p->n++;
	}
}

void pp_null(struct pg_params *p)
{
	if (p->n < PG_MAX_PARAMS)
		p->v[p->n++] = NULL;
}

void pp_id(struct pg_params *p, int64_t v)
{
	if (v)
		pp_int(p, v);
	else
		pp_null(p);
}

int64_t pg_int(const PGresult *r, int row, int col)
{
	if (PQgetisnull(r, row, col))
		return 0;
	return strtoll(PQgetvalue(r, row, col), NULL, 10);
}

const char *pg_text(const PGresult *r, int row, int col)
{
	return PQgetisnull(r, row, col) ? "" : PQgetvalue(r, row, col);
}

static int pg_direct(struct pg_store *q, const char *sql, PGresult **res, const char *what);

static void quiet_notices(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

static int pg_setup(struct pg_store *q)
{
	static const char *const settings[] = {
		"SET TIME ZONE 'UTC'",
		"SET client_encoding = 'UTF8'",
		"SET standard_conforming_strings = on",
		/* the counterpart of SQLite's busy timeout: a blocked lock
		 * becomes APP_EBUSY (55P03) instead of a hung request */
		"SET lock_timeout = '5s'",
	};
	PQsetNoticeProcessor(q->conn, quiet_notices, NULL);
	for (size_t i = 0; i < ARRAY_SIZE(settings); i++) {
		int rc = pg_direct(q, settings[i], NULL, "setup");
		if (rc)
			return rc;
	}
	return 0;
}

/* Turn a result into 0 (and hand it over) or a mapped error (and clear it).
 * A dropped connection is reset so that the next call can work again. */
static void forget_prepared(struct pg_store *q)
{
	for (int i = 0; i < q->ncache; i++)
		free(q->cache[i].sql);
	q->ncache = 0;
}

static int pg_check(struct pg_store *q, PGresult *r, PGresult **res, const char *what)
{
	ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) {
		if (res)
			*res = r;
		else
			PQclear(r);
		return 0;
	}
	const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	int err = state ? store_map_sqlstate(state) : APP_EIO;
	const char *text = r ? PQresultErrorMessage(r) : PQerrorMessage(q->conn);
	store_fail(&q->base, err, "postgresql %s: [%s] %.*s", what, state ? state : "-",
		   (int)strcspn(text, "\n"), text);
	PQclear(r);
	if (PQstatus(q->conn) == CONNECTION_BAD) {
		/* a new session has none of our prepared statements */
		forget_prepared(q);
		PQreset(q->conn);
		if (PQstatus(q->conn) == CONNECTION_OK)
			pg_setup(q);
		return APP_EIO;
	}
	return err;
}

/* The name of sql's prepared statement, preparing it the first time; NULL
 * (with *rc 0) when the cache is full: run it unprepared. Statements are
 * session objects, not transactional: a rollback does not drop them. */
static const char *prepared(struct pg_store *q, const char *sql, int *rc, const char *what)
{
	*rc = 0;
	for (int i = 0; i < q->ncache; i++)
		if (!strcmp(q->cache[i].sql, sql))
			return q->cache[i].name;
	if (q->ncache >= PG_CACHE_MAX)
		return NULL;
	struct pg_prepared *c = &q->cache[q->ncache];
	snprintf(c->name, sizeof(c->name), "w%u", q->next_name++);
	if ((*rc = pg_check(q, PQprepare(q->conn, c->name, sql, 0, NULL), NULL, what)))
		return NULL;
	c->sql = xstrdup(sql);
	q->ncache++;
	return c->name;
}

/* Transaction control and settings: never prepared (ROLLBACK must work in
 * an aborted transaction, where nothing new can be prepared). */
static int pg_direct(struct pg_store *q, const char *sql, PGresult **res, const char *what)
{
	return pg_check(q, PQexecParams(q->conn, sql, 0, NULL, NULL, NULL, NULL, 0), res, what);
}

int pg_query(struct pg_store *q, const char *sql, const struct pg_params *p, PGresult **res,
	     const char *what)
{
	int rc;
	int n = p ? p->n : 0;
	const char *const *v = p ? p->v : NULL;
	const char *name = prepared(q, sql, &rc, what);
	if (rc)
		return rc;
	PGresult *r = name ? PQexecPrepared(q->conn, name, n, v, NULL, NULL, 0)
			   : PQexecParams(q->conn, sql, n, NULL, v, NULL, NULL, 0);
	return pg_check(q, r, res, what);
}

int pg_command(struct pg_store *q, const char *sql, const struct pg_params *p,
	       int64_t *affected, const char *what)
{
	PGresult *r;
	int rc = pg_query(q, sql, p, &r, what);
	if (rc)
		return rc;
	if (affected) {
		const char *n = PQcmdTuples(r);
		*affected = *n ? strtoll(n, NULL, 10) : 0;
	}
	PQclear(r);
	return 0;
}

int pg_stream(struct pg_store *q, const char *sql, const struct pg_params *p,
	      int (*row)(struct pg_store *q, PGresult *r, void *ctx), void *ctx, const char *what)
{
	int rc;
	int n = p ? p->n : 0;
	const char *const *v = p ? p->v : NULL;
	const char *name = prepared(q, sql, &rc, what);
	if (rc)
		return rc;
	if (!(name ? PQsendQueryPrepared(q->conn, name, n, v, NULL, NULL, 0)
		   : PQsendQueryParams(q->conn, sql, n, NULL, v, NULL, NULL, 0)))
		return pg_check(q, NULL, NULL, what);
	PQsetSingleRowMode(q->conn);
	PGresult *r;
	/* Drain every result even after a stop: the connection must be idle
	 * before the next query. */
	while ((r = PQgetResult(q->conn))) {
		ExecStatusType st = PQresultStatus(r);
		if (st == PGRES_SINGLE_TUPLE) {
			if (!rc)
				rc = row(q, r, ctx);
			PQclear(r);
		} else if (st == PGRES_TUPLES_OK) {
			PQclear(r);
		} else if (!rc) {
			rc = pg_check(q, r, NULL, what);
		} else {
			PQclear(r);
		}
	}
	return rc;
}

static void pg_close(struct store *s)
{
	struct pg_store *q = pg_downcast(s);
	forget_prepared(q);
	PQfinish(q->conn);
	free(q);
}

static int pg_open(const char *url, struct store **out)
{
	struct pg_store *q = xcalloc(1, sizeof(*q));
	q->base.ops = &store_pg_ops;
	q->conn = PQconnectdb(url);
	if (!q->conn || PQstatus(q->conn) != CONNECTION_OK) {
		const char *m = q->conn ? PQerrorMessage(q->conn) : "out of memory";
		log_error("store: cannot connect to PostgreSQL: %.*s", (int)strcspn(m, "\n"), m);
		PQfinish(q->conn);
		free(q);
		return APP_EIO;
	}
	int rc = pg_setup(q);
	if (rc) {
		log_error("store: %s", q->base.err);
		pg_close(&q->base);
		return rc;
	}
	*out = &q->base;
	return 0;
}

static int pg_tx_begin(struct store *s, enum store_tx_mode mode)
{
	return pg_direct(pg_downcast(s), mode == STORE_TX_WRITE
			 ? "BEGIN ISOLATION LEVEL READ COMMITTED, READ WRITE"
			 : "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", NULL, "begin");
}

static int pg_tx_commit(struct store *s)
{
	struct pg_store *q = pg_downcast(s);
	PGresult *r;
	int rc = pg_direct(q, "COMMIT", &r, "commit");
	if (rc)
		return rc;
	/* COMMIT of an aborted transaction "succeeds" as ROLLBACK. */
	if (!strcmp(PQcmdStatus(r), "ROLLBACK"))
		rc = store_fail(s, APP_EINTERNAL, "postgresql: transaction was rolled back");
	PQclear(r);
	return rc;
}

static void pg_tx_rollback(struct store *s)
{
	if (pg_direct(pg_downcast(s), "ROLLBACK", NULL, "rollback"))
		log_error("store: %s", s->err);
}

static int pg_schema_current(struct store *s, int *current)
{
	struct pg_store *q = pg_downcast(s);
	PGresult *r;
	int rc;
	*current = 0;
	/* Inside store_migrate's write transaction: one migrator at a time. */
	if (s->tx == STORE_TX_IN_WRITE &&
	    (rc = pg_command(q, "SELECT pg_advisory_xact_lock(" PG_MIGRATE_LOCK ")", NULL, NULL,
			     "migration lock")))
		return rc;
	if ((rc = pg_query(q, "SELECT to_regclass('schema_version') IS NOT NULL", NULL, &r,
			   "schema")))
		return rc;
	int exists = PQntuples(r) == 1 && !strcmp(PQgetvalue(r, 0, 0), "t");
	PQclear(r);
	if (!exists)
		return 0;
	if ((rc = pg_query(q, "SELECT coalesce(max(version), 0) FROM schema_version", NULL, &r,
			   "schema")))
		return rc;
	*current = (int)pg_int(r, 0, 0);
	PQclear(r);
	return 0;
}

static int pg_schema_apply(struct store *s, int version, const char *sql, int64_t now_ms)
{
	struct pg_store *q = pg_downcast(s);
	char what[32];
	snprintf(what, sizeof(what), "migration %04d", version);
	/* A script of several statements, embedded in the binary, no
	 * parameters: the one use of PQexec (simple query protocol). */
	int rc = pg_check(q, PQexec(q->conn, sql), NULL, what);
	if (rc)
		return rc;
	struct pg_params p = { 0 };
	pp_int(&p, version);
	pp_int(&p, now_ms);
	return pg_command(q, "INSERT INTO schema_version (version, applied_ms) VALUES ($1, $2)",
			  &p, NULL, "schema_version");
}

const struct store_ops store_pg_ops = {
	.name = "postgresql",
	.migrations = "src/store/migrations/pg/",
	.open = pg_open,
	.close = pg_close,
	.schema_current = pg_schema_current,
	.schema_apply = pg_schema_apply,
	.tx_begin = pg_tx_begin,
	.tx_commit = pg_tx_commit,
	.tx_rollback = pg_tx_rollback,
	.backup = NULL, /* pg_dump: see docs/operations.md */
	.instansi_put = pg_instansi_put,
	.instansi_get = pg_instansi_get,
	.instansi_get_by_kode = pg_instansi_get_by_kode,
	.instansi_list = pg_instansi_list,
	.unit_put = pg_unit_put,
	.unit_get = pg_unit_get,
	.unit_get_by_kode = pg_unit_get_by_kode,
	.unit_list = pg_unit_list,
	.pegawai_upsert = pg_pegawai_upsert,
	.pegawai_insert = pg_pegawai_insert,
	.pegawai_insert_many = pg_pegawai_insert_many,
	.pegawai_get = pg_pegawai_get,
	.pegawai_get_by_nip = pg_pegawai_get_by_nip,
	.pegawai_get_placed = pg_pegawai_get_placed,
	.pegawai_list = pg_pegawai_list,
	.pegawai_count = pg_pegawai_count,
	.pegawai_set_blokir = pg_pegawai_set_blokir,
	.user_insert = pg_user_insert,
	.user_update = pg_user_update,
	.user_get = pg_user_get,
	.user_get_by_username = pg_user_get_by_username,
	.user_list = pg_user_list,
	.session_insert = pg_session_insert,
	.session_get = pg_session_get,
	.session_delete = pg_session_delete,
	.session_delete_user = pg_session_delete_user,
	.session_purge = pg_session_purge,
	.token_insert = pg_token_insert,
	.token_get_by_hash = pg_token_get_by_hash,
	.token_revoke = pg_token_revoke,
	.auth_epoch = pg_auth_epoch,
	.rate_hit = pg_rate_hit,
	.audit_head = pg_audit_head,
	.audit_insert = pg_audit_insert,
	.audit_list = pg_audit_list,
	.audit_list_object = pg_audit_list_object,
	.cpns_publication_insert = pg_cpns_publication_insert,
	.cpns_results_insert = pg_cpns_results_insert,
	.cpns_formations_insert = pg_cpns_formations_insert,
	.cpns_publication_latest = pg_cpns_publication_latest,
	.cpns_result_get = pg_cpns_result_get,
	.cpns_formation_get = pg_cpns_formation_get,
	.integrity = &store_pg_integrity_ops,
	.outbox = &store_pg_outbox_ops,
	.kampanye = &store_pg_kampanye_ops,
	.acara = &store_pg_acara_ops,
	.kasus = &store_pg_kasus_ops,
	.statistik = &store_pg_statistik_ops,
	.kasus_alur = &store_pg_kasus_alur_ops,
};
