/* The SQLite backend: one struct sq_store per connection (one per worker
 * thread). Opening applies the hardening from sqlite.org/security.html:
 * defensive mode, no double-quoted string literals, untrusted schema off,
 * lower limits; then WAL, foreign keys and a busy timeout. Writes run in
 * BEGIN IMMEDIATE so a read-then-write transaction never fails with BUSY
 * halfway. The entity operations live in store_sqlite_{registry,account,
 * audit}.c. */
#include "core/compat.h"
#include "store/store_sqlite_int.h"
#include "core/err.h"
#include "core/log.h"
#include "core/xalloc.h"
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

#define SQ_BUSY_TIMEOUT_MS 5000

struct sq_store *sq_downcast(struct store *s)
{
	if (s->ops != &store_sqlite_ops) {
		log_error("BUG: %s store passed to the SQLite backend", s->ops->name);
		abort();
	}
	return (struct sq_store *)s;
}

int sq_err(struct sq_store *q, int rc, const char *what)
{
	int ext = sqlite3_extended_errcode(q->db);
	if ((rc & 0xff) != (ext & 0xff))
		ext = rc;
	int err;
	switch (ext) {
	case SQLITE_CONSTRAINT_UNIQUE:
	case SQLITE_CONSTRAINT_PRIMARYKEY:
		err = APP_ECONFLICT;
		break;
	default:
		switch (ext & 0xff) {
		case SQLITE_CONSTRAINT: err = APP_ECONSTRAINT; break;
		case SQLITE_BUSY:
		case SQLITE_LOCKED: err = APP_EBUSY; break;
		case SQLITE_NOMEM: err = APP_ENOMEM; break;
		case SQLITE_TOOBIG: err = APP_ETOOBIG; break;
		case SQLITE_RANGE:
		case SQLITE_MISUSE:
		case SQLITE_ERROR: err = APP_EINTERNAL; break;
		default: err = APP_EIO; break;
		}
	}
	return store_fail(&q->base, err, "sqlite %s: %s (%d)", what, sqlite3_errmsg(q->db), ext);
}

int sq_prep(struct sq_store *q, const char *sql, sqlite3_stmt **out)
{
	/* Almost every statement is a string literal, passed at the same
	 * address each time: find it by pointer (and confirm the text, as a
	 * buffer may be reused for other SQL) before comparing texts with
	 * every cached statement, most of which share a long prefix. */
	for (int i = 0; i < q->ncache; i++)
		if (q->cache[i].key == sql && !strcmp(q->cache[i].sql, sql) &&
		    !sqlite3_stmt_busy(q->cache[i].st)) {
			*out = q->cache[i].st;
			return 0;
		}
	for (int i = 0; i < q->ncache; i++)
		if (!strcmp(q->cache[i].sql, sql) && !sqlite3_stmt_busy(q->cache[i].st)) {
			*out = q->cache[i].st;
			return 0;
		}
	const char *tail = NULL;
	int flags = q->ncache < SQ_CACHE_MAX ? SQLITE_PREPARE_PERSISTENT : 0;
	int rc = sqlite3_prepare_v3(q->db, sql, -1, (unsigned)flags, out, &tail);
	if (rc != SQLITE_OK)
		return sq_err(q, rc, "prepare");
	/* One statement per call: surplus text is a bug, never run it. */
	if (tail && *tail) {
		sqlite3_finalize(*out);
		*out = NULL;
		return store_fail(&q->base, APP_EINTERNAL, "sqlite: text after the statement");
	}
	if (q->ncache < SQ_CACHE_MAX) {
		q->cache[q->ncache].sql = xstrdup(sql);
		q->cache[q->ncache].key = sql;
		q->cache[q->ncache].st = *out;
		q->ncache++;
	}
	return 0;
}

void sq_done(struct sq_store *q, sqlite3_stmt *st)
{
	if (!st)
		return;
	for (int i = 0; i < q->ncache; i++)
		if (q->cache[i].st == st) {
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			return;
		}
	sqlite3_finalize(st);
}

int sq_step(struct sq_store *q, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return sq_err(q, rc, what);
}

int sq_exec(struct sq_store *q, sqlite3_stmt *st, const char *what)
{
	int rc;
	while ((rc = sq_step(q, st, what)) == 1)
		;
	return rc;
}

int sq_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	return sqlite3_bind_text(st, i, v ? v : "", -1, SQLITE_STATIC);
}

int sq_bind_int(sqlite3_stmt *st, int i, int64_t v)
{
	return sqlite3_bind_int64(st, i, v);
}

int sq_bind_id(sqlite3_stmt *st, int i, int64_t v)
{
	return v ? sqlite3_bind_int64(st, i, v) : sqlite3_bind_null(st, i);
}

const char *sq_col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? (const char *)t : "";
}

/* Run a fixed statement with no parameters and no rows. */
static int sq_simple(struct sq_store *q, const char *sql, const char *what)
{
	sqlite3_stmt *st;
	int rc = sq_prep(q, sql, &st);
	if (rc)
		return rc;
	rc = sq_exec(q, st, what);
	sq_done(q, st);
	return rc;
}

static void sq_close(struct store *s)
{
	struct sq_store *q = sq_downcast(s);
	sq_statistik_cache_free(q);
	for (int i = 0; i < q->ncache; i++) {
		sqlite3_finalize(q->cache[i].st);
		free(q->cache[i].sql);
	}
	if (sqlite3_close(q->db) != SQLITE_OK)
		log_error("store: sqlite close: %s", sqlite3_errmsg(q->db));
	free(q);
}

/* The page cache of every connection (see sq_open; sq_bulk lowers it)
 * and the page size of a new database. */
#define SQ_CACHE_SIZE "-65536"
#define SQ_PAGE_SIZE "16384"

int sq_pragma(struct sq_store *q, const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(q->db, sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK) {
		store_fail(&q->base, APP_EIO, "sqlite %s: %s", sql, msg ? msg : "?");
		sqlite3_free(msg);
		return APP_EIO;
	}
	return 0;
}

/* SQLite counts every allocation under one global mutex unless told not
 * to; nothing reads those counts, and on a busy server the two worker
 * threads met on that mutex several times per request. Only possible
 * before the library initialises (otherwise SQLITE_MISUSE, ignored). */
static void sq_configure(void)
{
	(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

static int sq_open(const char *url, struct store **out)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	const char *path = url + strlen("sqlite:");
	if (!*path)
		return APP_EINVAL;
	pthread_once(&once, sq_configure);
	struct sq_store *q = xcalloc(1, sizeof(*q));
	q->base.ops = &store_sqlite_ops;
	int rc = sqlite3_open_v2(path, &q->db,
				 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
				 SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, NULL);
	if (rc != SQLITE_OK) {
		log_error("store: cannot open SQLite database: %s",
			  q->db ? sqlite3_errmsg(q->db) : sqlite3_errstr(rc));
		sqlite3_close(q->db);
		free(q);
		return APP_EIO;
	}
	sqlite3_db_config(q->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(q->db, SQLITE_DBCONFIG_DQS_DML, 0, NULL);
	sqlite3_db_config(q->db, SQLITE_DBCONFIG_DQS_DDL, 0, NULL);
	sqlite3_db_config(q->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	sqlite3_db_config(q->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
	sqlite3_limit(q->db, SQLITE_LIMIT_LENGTH, 16 * 1024 * 1024);
	sqlite3_limit(q->db, SQLITE_LIMIT_SQL_LENGTH, 256 * 1024);
	sqlite3_limit(q->db, SQLITE_LIMIT_ATTACHED, 0);
	sqlite3_limit(q->db, SQLITE_LIMIT_VARIABLE_NUMBER, 256);
	sqlite3_busy_timeout(q->db, SQ_BUSY_TIMEOUT_MS);
	/* WAL lets readers run beside the one writer; synchronous=FULL because
	 * a committed audit record must survive a power cut, not only a crash. */
	rc = sq_pragma(q, "PRAGMA foreign_keys = ON");
	/* A new database gets 16 KiB pages (an existing one keeps its size:
	 * the pragma only acts before the first write). Every B-tree is a
	 * level shallower and splits a quarter as often; a 500,000-row
	 * import took 15 % less time than with the default 4 KiB
	 * (docs/benchmarks.md). It must come before journal_mode, whose
	 * first WAL write creates the file. */
	if (!rc)
		rc = sq_pragma(q, "PRAGMA page_size = " SQ_PAGE_SIZE);
	if (!rc)
		rc = sq_pragma(q, "PRAGMA journal_mode = WAL");
	if (!rc)
		rc = sq_pragma(q, "PRAGMA synchronous = FULL");
	/* statement journals (one per UPSERT inside a long import transaction)
	 * in memory, not in temp files: 3x faster bulk imports */
	if (!rc)
		rc = sq_pragma(q, "PRAGMA temp_store = MEMORY");
	/* The default 2 MiB page cache makes a bulk import of random NIPs into
	 * six indexes re-read and re-write the same pages through the WAL over
	 * and over; 64 MiB per connection (allocated only as used) keeps the hot
	 * index pages in memory. */
	if (!rc)
		rc = sq_pragma(q, "PRAGMA cache_size = " SQ_CACHE_SIZE);

	if (rc) {
		log_error("store: %s", q->base.err);
		sq_close(&q->base);
		return rc;
	}
	*out = &q->base;
	return 0;
}

static int sq_tx_begin(struct store *s, enum store_tx_mode mode)
{
	struct sq_store *q = sq_downcast(s);
	return sq_simple(q, mode == STORE_TX_WRITE ? "BEGIN IMMEDIATE" : "BEGIN", "begin");
}

static int sq_tx_commit(struct store *s)
{
	return sq_simple(sq_downcast(s), "COMMIT", "commit");
}

static void sq_tx_rollback(struct store *s)
{
	struct sq_store *q = sq_downcast(s);
	/* After some errors SQLite has already rolled back: nothing to do. */
	if (sqlite3_get_autocommit(q->db))
		return;
	if (sq_simple(q, "ROLLBACK", "rollback"))
		log_error("store: %s", s->err);
}

static int sq_schema_current(struct store *s, int *current)
{
	struct sq_store *q = sq_downcast(s);
	sqlite3_stmt *st;
	*current = 0;
	int rc = sq_prep(q, "SELECT count(*) FROM sqlite_schema"
			 " WHERE type = 'table' AND name = 'schema_version'", &st);
	if (rc)
		return rc;
	rc = sq_step(q, st, "schema");
	int exists = rc == 1 && sqlite3_column_int(st, 0) > 0;
	sq_done(q, st);
	if (rc < 0 || !exists)
		return rc < 0 ? rc : 0;
	if ((rc = sq_prep(q, "SELECT coalesce(max(version), 0) FROM schema_version", &st)))
		return rc;
	rc = sq_step(q, st, "schema");
	if (rc == 1) {
		*current = sqlite3_column_int(st, 0);
		rc = 0;
	}
	sq_done(q, st);
	return rc;
}

static int sq_schema_apply(struct store *s, int version, const char *sql, int64_t now_ms)
{
	struct sq_store *q = sq_downcast(s);
	char *msg = NULL;
	/* A script is several statements without parameters, from the binary
	 * itself: sqlite3_exec is the right tool here, and only here. */
	int rc = sqlite3_exec(q->db, sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK) {
		int err = sq_err(q, rc, "migration");
		store_fail(s, err, "sqlite migration %04d: %s", version, msg ? msg : "?");
		sqlite3_free(msg);
		return err;
	}
	sqlite3_stmt *st;
	/* Foreign keys are not enforced while migrating (sq_schema_session),
	 * so check them all before this migration commits. */
	if ((rc = sq_prep(q, "PRAGMA foreign_key_check", &st)))
		return rc;
	rc = sq_step(q, st, "foreign_key_check");
	if (rc == 1)
		rc = store_fail(s, APP_ECONSTRAINT, "sqlite migration %04d: foreign key of %s row %lld"
				" has no parent in %s", version, sq_col_text(st, 0),
				(long long)sqlite3_column_int64(st, 1), sq_col_text(st, 2));
	sq_done(q, st);
	if (rc)
		return rc;
	if ((rc = sq_prep(q, "INSERT INTO schema_version (version, applied_ms) VALUES (?1, ?2)", &st)))
		return rc;
	sq_bind_int(st, 1, version);
	sq_bind_int(st, 2, now_ms);
	rc = sq_exec(q, st, "schema_version");
	sq_done(q, st);
	return rc;
}

/* SQLite's way to rebuild a table that other tables reference (ALTER
 * TABLE, "Making Other Kinds Of Table Schema Changes"): foreign keys off
 * outside any transaction, rebuild, PRAGMA foreign_key_check, commit, on
 * again. The pragma is a no-op inside a transaction, hence this hook. */
static int sq_schema_session(struct store *s, int start)
{
	return sq_pragma(sq_downcast(s), start ? "PRAGMA foreign_keys = OFF"
					       : "PRAGMA foreign_keys = ON");
}

/* The journal mode a PRAGMA journal_mode statement reports, or "". */
static void journal_mode(struct sq_store *q, const char *sql, char out[16])
{
	sqlite3_stmt *st;
	out[0] = '\0';
	if (sqlite3_prepare_v2(q->db, sql, -1, &st, NULL) != SQLITE_OK)
		return;
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(out, 16, "%s", sq_col_text(st, 0));
	sqlite3_finalize(st);
}

/* store_bulk_begin/end. Leaving WAL needs the exclusive lock, which any
 * other open connection holds off: try once, without waiting. */
static void sq_bulk(struct store *s, int on)
{
	struct sq_store *q = sq_downcast(s);
	char mode[16];
	/* The bulk writer checks its own keys (store.h); checking them per
	 * row cost 7 % of a 500,000-row import. Only possible outside a
	 * transaction, which is where this is called. */
	if (on && !q->bulk_fk_off) {
		q->bulk_fk_off = !sq_pragma(q, "PRAGMA foreign_keys = OFF");
	} else if (!on && q->bulk_fk_off) {
		if (sq_pragma(q, "PRAGMA foreign_keys = ON"))
			log_error("store: foreign keys back on after a bulk write: %s", q->base.err);
		else
			q->bulk_fk_off = 0;
	}
	if (on && !q->bulk) {
		/* A bulk import writes in NIP order, so each B-tree has a few
		 * hot leaves: 4 MiB of cache holds them. The connection's
		 * 64 MiB (sq_open) only made the import malloc, fault in and
		 * spill more pages (500,000 rows, loaded machine: 5.6-5.8 s
		 * CPU with 4 MiB, 6.1-6.6 s with 64 MiB, and a quarter less
		 * wall time; docs/benchmarks.md). Restored at the end. */
		(void)sq_pragma(q, "PRAGMA cache_size = -4096");
		sqlite3_busy_timeout(q->db, 0);
		journal_mode(q, "PRAGMA journal_mode = DELETE", mode);
		sqlite3_busy_timeout(q->db, SQ_BUSY_TIMEOUT_MS);
		q->bulk = !strcmp(mode, "delete");
		if (!q->bulk && strcmp(mode, "wal"))
			journal_mode(q, "PRAGMA journal_mode = WAL", mode);
		if (!q->bulk)
			(void)sq_pragma(q, "PRAGMA cache_size = " SQ_CACHE_SIZE);
	} else if (!on && q->bulk) {
		journal_mode(q, "PRAGMA journal_mode = WAL", mode);
		if (strcmp(mode, "wal"))
			log_error("store: back to WAL after a bulk write: %s", mode);
		q->bulk = 0;
		(void)sq_pragma(q, "PRAGMA cache_size = " SQ_CACHE_SIZE);
	}
}

static int fsync_path(const char *path, int dir)
{
	int fd = open(path, (dir ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	close(fd);
	return rc;
}

/* sqlite3_backup copies page by page under a read snapshot; step(-1) does
 * it in one pass, so the copy is one consistent state while writers keep
 * going (WAL). The copy goes to PATH.tmp, is synced, then renamed, so PATH
 * is never a half-written file. */
static int sq_backup(struct store *s, const char *path)
{
	struct sq_store *q = sq_downcast(s);
	char *tmp = xasprintf("%s.tmp", path);
	sqlite3 *dst = NULL;
	int err = 0;
	unlink(tmp);
	int rc = sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
				 SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		err = store_fail(s, APP_EIO, "backup: cannot create %s: %s", tmp,
				 dst ? sqlite3_errmsg(dst) : sqlite3_errstr(rc));
		goto out;
	}
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", q->db, "main");
	if (!b) {
		err = store_fail(s, APP_EIO, "backup: %s", sqlite3_errmsg(dst));
		goto out;
	}
	for (int tries = 0;; tries++) {
		rc = sqlite3_backup_step(b, -1);
		if (rc == SQLITE_DONE)
			break;
		if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && tries < 50) {
			sqlite3_sleep(100);
			continue;
		}
		break;
	}
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		err = store_fail(s, rc == SQLITE_BUSY || rc == SQLITE_LOCKED ? APP_EBUSY : APP_EIO,
				 "backup: %s", sqlite3_errstr(rc));
		goto out;
	}
	/* The copy keeps the WAL flag; fold everything into the main file so
	 * that PATH alone is the backup. */
	if (sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK) {
		err = store_fail(s, APP_EIO, "backup: %s", sqlite3_errmsg(dst));
		goto out;
	}
	rc = sqlite3_close(dst);
	dst = NULL;
	if (rc != SQLITE_OK) {
		err = store_fail(s, APP_EIO, "backup: close: %s", sqlite3_errstr(rc));
		goto out;
	}
	if (fsync_path(tmp, 0) || rename(tmp, path)) {
		err = store_fail(s, APP_EIO, "backup: %s: %s", path, strerror(errno));
		goto out;
	}
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	if (slash)
		*(slash == dir ? slash + 1 : slash) = '\0';
	fsync_path(slash ? dir : ".", 1);
	free(dir);
out:
	if (dst)
		sqlite3_close(dst);
	if (err)
		unlink(tmp);
	free(tmp);
	return err;
}

const struct store_ops store_sqlite_ops = {
	.name = "sqlite",
	.migrations = "src/store/migrations/sqlite/",
	.open = sq_open,
	.close = sq_close,
	.schema_current = sq_schema_current,
	.schema_apply = sq_schema_apply,
	.schema_session = sq_schema_session,
	.bulk = sq_bulk,
	.tx_begin = sq_tx_begin,
	.tx_commit = sq_tx_commit,
	.tx_rollback = sq_tx_rollback,
	.backup = sq_backup,
	.instansi_put = sq_instansi_put,
	.instansi_get = sq_instansi_get,
	.instansi_get_by_kode = sq_instansi_get_by_kode,
	.instansi_list = sq_instansi_list,
	.unit_put = sq_unit_put,
	.unit_get = sq_unit_get,
	.unit_get_by_kode = sq_unit_get_by_kode,
	.unit_list = sq_unit_list,
	.pegawai_upsert = sq_pegawai_upsert,
	.pegawai_insert = sq_pegawai_insert,
	.pegawai_insert_many = sq_pegawai_insert_many,
	.pegawai_get = sq_pegawai_get,
	.pegawai_get_by_nip = sq_pegawai_get_by_nip,
	.pegawai_get_placed = sq_pegawai_get_placed,
	.pegawai_list = sq_pegawai_list,
	.pegawai_count = sq_pegawai_count,
	.pegawai_set_blokir = sq_pegawai_set_blokir,
	.user_insert = sq_user_insert,
	.user_update = sq_user_update,
	.user_get = sq_user_get,
	.user_get_by_username = sq_user_get_by_username,
	.user_list = sq_user_list,
	.session_insert = sq_session_insert,
	.session_get = sq_session_get,
	.session_delete = sq_session_delete,
	.session_delete_user = sq_session_delete_user,
	.session_purge = sq_session_purge,
	.token_insert = sq_token_insert,
	.token_get_by_hash = sq_token_get_by_hash,
	.token_revoke = sq_token_revoke,
	.auth_epoch = sq_auth_epoch,
	.rate_hit = sq_rate_hit,
	.audit_head = sq_audit_head,
	.audit_insert = sq_audit_insert,
	.audit_list = sq_audit_list,
	.audit_list_object = sq_audit_list_object,
	.cpns_publication_insert = sq_cpns_publication_insert,
	.cpns_results_insert = sq_cpns_results_insert,
	.cpns_formations_insert = sq_cpns_formations_insert,
	.cpns_publication_latest = sq_cpns_publication_latest,
	.cpns_result_get = sq_cpns_result_get,
	.cpns_formation_get = sq_cpns_formation_get,
	.integrity = &store_sqlite_integrity_ops,
	.outbox = &store_sqlite_outbox_ops,
	.kampanye = &store_sqlite_kampanye_ops,
	.acara = &store_sqlite_acara_ops,
	.kasus = &store_sqlite_kasus_ops,
	.statistik = &store_sqlite_statistik_ops,
	.kasus_alur = &store_sqlite_kasus_alur_ops,
};
