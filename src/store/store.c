/* The storage front door: picks a backend by URL scheme, checks the rules
 * every backend shares, then dispatches through struct store_ops (git's
 * ref_storage_be, SQLite's VFS). The backends only translate operations
 * into their own SQL; nothing here knows SQLite or libpq. */
#include "core/compat.h"
#include "store/store_int.h"
#include "core/embedded.h"
#include "core/err.h"
#include "core/log.h"
#include <time.h>

#define MAX_MIGRATIONS 256

int store_vfail(struct store *s, int err, const char *fmt, va_list ap)
{
	vsnprintf(s->err, sizeof(s->err), fmt, ap);
	return err;
}

int store_fail(struct store *s, int err, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	store_vfail(s, err, fmt, ap);
	va_end(ap);
	return err;
}

int store_map_sqlstate(const char *st)
{
	if (!st)
		return APP_EIO;
	if (!strcmp(st, "23505"))
		return APP_ECONFLICT;
	if (!strcmp(st, "23503") || !strcmp(st, "23514") || !strcmp(st, "23502") ||
	    !strcmp(st, "22001") || !strcmp(st, "23P01"))
		return APP_ECONSTRAINT;
	if (!strcmp(st, "40001") || !strcmp(st, "40P01") || !strcmp(st, "55P03") ||
	    !strcmp(st, "57014"))
		return APP_EBUSY;
	return APP_EIO;
}

int store_copy(struct store *s, char *dst, size_t cap, const char *src, const char *what)
{
	if (!src)
		src = "";
	size_t n = strlen(src);
	if (n >= cap) {
		dst[0] = '\0';
		return store_fail(s, APP_EINTERNAL, "stored %s is %zu bytes, field holds %zu",
				  what, n, cap - 1);
	}
	memcpy(dst, src, n + 1);
	return 0;
}

int64_t store_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void store_lower(char *dst, size_t cap, const char *src)
{
	size_t i = 0;
	for (; src[i] && i + 1 < cap; i++) {
		unsigned char c = (unsigned char)src[i];
		dst[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	dst[i] = '\0';
}

/* ---- opening ---- */

static const struct store_ops *backend_for(const char *url)
{
	if (!strncmp(url, "sqlite:", 7))
		return &store_sqlite_ops;
	if (!strncmp(url, "postgresql://", 13) || !strncmp(url, "postgres://", 11))
		return &store_pg_ops;
	return NULL;
}

int store_open(const char *url, struct store **out)
{
	*out = NULL;
	if (!url)
		return APP_EINVAL;
	const struct store_ops *ops = backend_for(url);
	if (!ops) {
		log_error("store: unknown database URL scheme (expected sqlite: or postgresql://)");
		return APP_EINVAL;
	}
	int rc = ops->open(url, out);
	if (rc == 0)
		(*out)->ops = ops;
	return rc;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	if (s->tx != STORE_TX_NONE)
		store_tx_rollback(s);
	s->ops->close(s);
}

const char *store_backend_name(const struct store *s)
{
	return s->ops->name;
}

const char *store_last_error(const struct store *s)
{
	return s->err;
}

/* ---- the shared rules ---- */

int store_check_use(struct store *s)
{
	if (s->streaming)
		return store_fail(s, APP_EINTERNAL,
				  "store called from inside a list callback on the same connection");
	if (s->tx != STORE_TX_NONE && s->tx_failed)
		return store_fail(s, APP_EINTERNAL,
				  "an earlier statement of this transaction failed: roll back");
	return 0;
}

int store_check_write(struct store *s)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	if (s->tx != STORE_TX_IN_WRITE)
		return store_fail(s, APP_EINTERNAL, "write outside a write transaction");
	return 0;
}

/* A database error inside a transaction poisons it (see tx_failed). A missing
 * row or rejected input is not a database error. */
int store_note(struct store *s, int rc)
{
	if (rc < 0 && s->tx != STORE_TX_NONE && !s->tx_failed &&
	    rc != APP_ENOTFOUND && rc != APP_EINVAL)
		s->tx_failed = rc;
	if (rc < 0 && rc != APP_ENOTFOUND)
		log_debug("store: %s: %s", app_err_name(rc), s->err);
	return rc;
}

/* "/" or "/1/" or "/1/4/9/": the scope bounds [lo, hi) select every path
 * that starts with it (hi is the prefix with its final '/' raised to '0',
 * the next byte: paths hold only digits and '/'). */
int store_scope_bounds(struct store *s, const char *scope, char lo[256], char hi[256])
{
	if (!scope)
		return store_fail(s, APP_EINVAL, "scope_path is required");
	size_t n = strlen(scope);
	if (n == 0 || n >= 256 || scope[0] != '/' || scope[n - 1] != '/')
		return store_fail(s, APP_EINVAL, "scope_path must look like /1/4/");
	for (size_t i = 0; i < n; i++)
		if (scope[i] != '/' && (scope[i] < '0' || scope[i] > '9'))
			return store_fail(s, APP_EINVAL, "scope_path must look like /1/4/");
	memcpy(lo, scope, n + 1);
	memcpy(hi, scope, n + 1);
	hi[n - 1] = '0';
	return 0;
}

void store_begin_stream(struct store *s)
{
	s->streaming = 1;
	s->stopped = 0;
}

/* The value a callback stopped the walk with is the caller's, not a
 * database error: it does not poison the transaction. */
int store_end_stream(struct store *s, int rc)
{
	s->streaming = 0;
	if (s->stopped) {
		s->stopped = 0;
		return rc;
	}
	return store_note(s, rc);
}

/* ---- schema ---- */

/* NNNN from ".../NNNN_name.sql"; 0 when the name does not follow the rule. */
static int migration_version(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	int v = 0, digits = 0;
	for (; *base >= '0' && *base <= '9' && digits < 6; base++, digits++)
		v = v * 10 + (*base - '0');
	if (digits != 4 || *base != '_')
		return 0;
	size_t n = strlen(base);
	if (n < 5 || strcmp(base + n - 4, ".sql"))
		return 0;
	return v;
}

/* The migrations in order: the first is 0001 and the numbers strictly
 * increase. A number may be missing: branches developed side by side
 * reserve theirs (0002 on one branch, 0003 on another), so each branch runs
 * on its own; once they are merged the sequence is whole again. *latest is
 * the highest number, *n the count of files. */
static int migration_list(struct store *s, const struct embedded_file **files, int *latest,
			  size_t *count)
{
	size_t n = embedded_list(s->ops->migrations, files, MAX_MIGRATIONS);
	if (n > MAX_MIGRATIONS)
		return store_fail(s, APP_EINTERNAL, "too many migrations");
	int prev = 0;
	for (size_t i = 0; i < n; i++) {
		int v = migration_version(files[i]->path);
		if (v <= prev || (i == 0 && v != 1))
			return store_fail(s, APP_EINTERNAL, "migration %s is out of sequence",
					  files[i]->path);
		prev = v;
	}
	*latest = prev;
	if (count)
		*count = n;
	return 0;
}

int store_schema_version(struct store *s, int *current, int *latest)
{
	const struct embedded_file *files[MAX_MIGRATIONS];
	int rc = store_check_use(s);
	if (!rc)
		rc = migration_list(s, files, latest, NULL);
	if (!rc)
		rc = s->ops->schema_current(s, current);
	return store_note(s, rc);
}

int store_schema_check(struct store *s)
{
	int cur = 0, latest = 0;
	int rc = store_schema_version(s, &cur, &latest);
	if (rc)
		return rc;
	if (cur != latest)
		return store_fail(s, APP_ESCHEMA, "schema version %d, binary expects %d", cur, latest);
	return 0;
}

static int apply_migrations(struct store *s, const struct embedded_file **files, size_t nfiles,
			    int cur, int *to);

int store_migrate(struct store *s, int *from, int *to)
{
	const struct embedded_file *files[MAX_MIGRATIONS];
	int latest, cur, rc;
	if (s->tx != STORE_TX_NONE)
		return store_fail(s, APP_EINTERNAL, "migrate inside a transaction");
	if ((rc = store_schema_version(s, &cur, &latest)))
		return rc;
	if (from)
		*from = cur;
	if (to)
		*to = cur;
	if (cur > latest)
		return store_fail(s, APP_ESCHEMA, "database schema %d is newer than this binary (%d)",
				  cur, latest);
	size_t nfiles;
	if ((rc = migration_list(s, files, &latest, &nfiles)))
		return rc;
	if (cur >= latest)
		return 0;
	if (s->ops->schema_session && (rc = store_note(s, s->ops->schema_session(s, 1))))
		return rc;
	rc = apply_migrations(s, files, nfiles, cur, to);
	if (s->ops->schema_session) {
		char keep[sizeof(s->err)];
		memcpy(keep, s->err, sizeof(keep));
		int rc2 = store_note(s, s->ops->schema_session(s, 0));
		if (rc)
			memcpy(s->err, keep, sizeof(keep));
		else
			rc = rc2;
	}
	return rc;
}

static int apply_migrations(struct store *s, const struct embedded_file **files, size_t nfiles,
			    int cur, int *to)
{
	int rc;
	for (size_t i = 0; i < nfiles; i++) {
		int v = migration_version(files[i]->path);
		if (v <= cur)
			continue;
		if ((rc = store_tx_begin(s, STORE_TX_WRITE)))
			return rc;
		/* Another process may have migrated since we looked: re-read
		 * inside the transaction, which holds the migration lock. */
		int now_cur;
		rc = s->ops->schema_current(s, &now_cur);
		if (!rc && now_cur < v)
			rc = s->ops->schema_apply(s, v, files[i]->data, store_now_ms());
		store_note(s, rc);
		if (rc) {
			char keep[sizeof(s->err)];
			memcpy(keep, s->err, sizeof(keep));
			store_tx_rollback(s);
			memcpy(s->err, keep, sizeof(keep));
			log_error("store: migration %s failed: %s", files[i]->path, s->err);
			return rc;
		}
		if ((rc = store_tx_commit(s)))
			return rc;
		if (to)
			*to = v;
	}
	return 0;
}

/* ---- transactions ---- */

int store_tx_begin(struct store *s, enum store_tx_mode mode)
{
	if (s->streaming)
		return store_check_use(s);
	if (s->tx != STORE_TX_NONE)
		return store_fail(s, APP_EINTERNAL, "nested transaction");
	int rc = s->ops->tx_begin(s, mode);
	if (rc == 0) {
		s->tx = mode == STORE_TX_WRITE ? STORE_TX_IN_WRITE : STORE_TX_IN_READ;
		s->tx_failed = 0;
	}
	return store_note(s, rc);
}

int store_tx_commit(struct store *s)
{
	if (s->tx == STORE_TX_NONE)
		return store_fail(s, APP_EINTERNAL, "commit without a transaction");
	if (s->tx_failed) {
		int rc = s->tx_failed;
		store_tx_rollback(s);
		return store_fail(s, rc, "transaction rolled back: an earlier statement failed");
	}
	int rc = s->ops->tx_commit(s);
	if (rc) {
		/* A commit that failed (SQLite BUSY, PG serialization) leaves
		 * nothing half-done: roll back so the connection is usable. */
		char keep[sizeof(s->err)];
		memcpy(keep, s->err, sizeof(keep));
		s->ops->tx_rollback(s);
		memcpy(s->err, keep, sizeof(keep));
	}
	s->tx = STORE_TX_NONE;
	s->tx_failed = 0;
	return rc;
}

void store_bulk_begin(struct store *s)
{
	if (s->ops->bulk && s->tx == STORE_TX_NONE && !store_check_use(s))
		s->ops->bulk(s, 1);
}

void store_bulk_end(struct store *s)
{
	if (s->ops->bulk && s->tx == STORE_TX_NONE && !store_check_use(s))
		s->ops->bulk(s, 0);
}

int store_in_tx(const struct store *s)
{
	return s->tx != STORE_TX_NONE;
}

void store_tx_rollback(struct store *s)
{
	if (s->tx == STORE_TX_NONE)
		return;
	s->ops->tx_rollback(s);
	s->tx = STORE_TX_NONE;
	s->tx_failed = 0;
}

int store_backup(struct store *s, const char *path)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	if (s->tx != STORE_TX_NONE)
		return store_fail(s, APP_EINTERNAL, "backup inside a transaction");
	if (!path || !*path)
		return store_fail(s, APP_EINVAL, "backup needs a file name");
	if (!s->ops->backup)
		return store_fail(s, APP_EINVAL, "%s: use pg_dump (docs/operations.md)", s->ops->name);
	return store_note(s, s->ops->backup(s, path));
}

/* ---- instansi ---- */

int store_instansi_put(struct store *s, struct instansi *in)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	if (in->parent_id < 0)
		return store_fail(s, APP_EINVAL, "negative parent_id");
	return store_note(s, s->ops->instansi_put(s, in));
}

int store_instansi_get(struct store *s, int64_t id, struct instansi *out)
{
	int rc = store_check_use(s);
	return rc ? rc : store_note(s, s->ops->instansi_get(s, id, out));
}

int store_instansi_get_by_kode(struct store *s, const char *kode, struct instansi *out)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	if (!kode)
		return store_fail(s, APP_EINVAL, "kode is required");
	return store_note(s, s->ops->instansi_get_by_kode(s, kode, out));
}

int store_instansi_list(struct store *s, const char *scope_path,
			int (*cb)(void *ctx, const struct instansi *), void *ctx)
{
	char lo[256], hi[256];
	int rc = store_check_use(s);
	if (!rc)
		rc = store_scope_bounds(s, scope_path, lo, hi);
	if (rc)
		return store_note(s, rc);
	store_begin_stream(s);
	rc = s->ops->instansi_list(s, lo, hi, cb, ctx);
	return store_end_stream(s, rc);
}

/* ---- unit kerja ---- */

int store_unit_put(struct store *s, struct unit_kerja *u)
{
	int rc = store_check_write(s);
	return rc ? rc : store_note(s, s->ops->unit_put(s, u));
}

int store_unit_get(struct store *s, int64_t id, struct unit_kerja *out)
{
	int rc = store_check_use(s);
	return rc ? rc : store_note(s, s->ops->unit_get(s, id, out));
}

int store_unit_get_by_kode(struct store *s, int64_t instansi_id, const char *kode,
			   struct unit_kerja *out)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	if (!kode)
		return store_fail(s, APP_EINVAL, "kode is required");
	return store_note(s, s->ops->unit_get_by_kode(s, instansi_id, kode, out));
}

int store_unit_list(struct store *s, int64_t instansi_id,
		    int (*cb)(void *ctx, const struct unit_kerja *), void *ctx)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	store_begin_stream(s);
	rc = s->ops->unit_list(s, instansi_id, cb, ctx);
	return store_end_stream(s, rc);
}

/* ---- pegawai ---- */

int store_pegawai_upsert(struct store *s, struct pegawai *p, int *changed)
{
	int dummy;
	int rc = store_check_write(s);
	if (rc)
		return rc;
	return store_note(s, s->ops->pegawai_upsert(s, p, changed ? changed : &dummy));
}

int store_pegawai_insert(struct store *s, struct pegawai *p, int *inserted)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	*inserted = 0;
	return store_note(s, s->ops->pegawai_insert(s, p, inserted));
}

int store_pegawai_insert_many(struct store *s, size_t n, store_pegawai_row_fn row, void *ctx,
			      unsigned char *inserted, size_t *count)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	*count = 0;
	if (!n)
		return 0;
	memset(inserted, 0, n);
	return store_note(s, s->ops->pegawai_insert_many(s, n, row, ctx, inserted, count));
}

int store_pegawai_get(struct store *s, int64_t id, struct pegawai *out)
{
	int rc = store_check_use(s);
	return rc ? rc : store_note(s, s->ops->pegawai_get(s, id, out));
}

int store_pegawai_get_by_nip(struct store *s, const char *nip, struct pegawai *out)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	if (!nip)
		return store_fail(s, APP_EINVAL, "nip is required");
	return store_note(s, s->ops->pegawai_get_by_nip(s, nip, out));
}

int store_pegawai_get_placed(struct store *s, const char *nip, struct pegawai *out,
			     struct instansi *in, struct unit_kerja *u)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	if (!nip)
		return store_fail(s, APP_EINVAL, "nip is required");
	return store_note(s, s->ops->pegawai_get_placed(s, nip, out, in, u));
}

/* q becomes a LIKE pattern body: lower-cased, with %, _ and \ escaped by
 * '\' (both backends use ESCAPE '\'). Empty q means no search. */
static int pegawai_prepare(struct store *s, const struct pegawai_filter *f, char lo[256],
			   char hi[256], char *q_like, size_t q_cap, const char **q_out)
{
	int rc = store_scope_bounds(s, f->scope_path, lo, hi);
	if (rc)
		return rc;
	if (f->limit < 0)
		return store_fail(s, APP_EINVAL, "negative limit");
	*q_out = NULL;
	if (f->q && *f->q) {
		size_t k = 0;
		for (const char *p = f->q; *p; p++) {
			if (k + 3 >= q_cap)
				return store_fail(s, APP_EINVAL, "search text too long");
			unsigned char c = (unsigned char)*p;
			if (c == '%' || c == '_' || c == '\\')
				q_like[k++] = '\\';
			q_like[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		}
		q_like[k] = '\0';
		*q_out = q_like;
	}
	return 0;
}

int store_pegawai_list(struct store *s, const struct pegawai_filter *f,
		       int (*cb)(void *ctx, const struct pegawai *), void *ctx)
{
	char lo[256], hi[256], q[300];
	const char *qp;
	int rc = store_check_use(s);
	if (!rc)
		rc = pegawai_prepare(s, f, lo, hi, q, sizeof(q), &qp);
	if (rc)
		return store_note(s, rc);
	store_begin_stream(s);
	rc = s->ops->pegawai_list(s, f, lo, hi, qp, cb, ctx);
	return store_end_stream(s, rc);
}

int store_pegawai_count(struct store *s, const struct pegawai_filter *f, int64_t *n)
{
	char lo[256], hi[256], q[300];
	const char *qp;
	int rc = store_check_use(s);
	if (!rc)
		rc = pegawai_prepare(s, f, lo, hi, q, sizeof(q), &qp);
	if (rc)
		return store_note(s, rc);
	return store_note(s, s->ops->pegawai_count(s, f, lo, hi, qp, n));
}

int store_pegawai_set_blokir(struct store *s, int64_t id, int blokir, const char *reason)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	if (!reason)
		reason = "";
	if (!blokir)
		reason = "";
	return store_note(s, s->ops->pegawai_set_blokir(s, id, blokir ? 1 : 0, reason, store_now_ms()));
}

/* ---- users ---- */

int store_user_insert(struct store *s, struct user *u)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	/* Usernames are unique case-insensitively: store the lower-case key. */
	store_lower(u->username, sizeof(u->username), u->username);
	if (!u->created_ms)
		u->created_ms = store_now_ms();
	return store_note(s, s->ops->user_insert(s, u));
}

int store_user_update(struct store *s, const struct user *u)
{
	int rc = store_check_write(s);
	return rc ? rc : store_note(s, s->ops->user_update(s, u));
}

int store_user_get(struct store *s, int64_t id, struct user *out)
{
	int rc = store_check_use(s);
	return rc ? rc : store_note(s, s->ops->user_get(s, id, out));
}

int store_user_get_by_username(struct store *s, const char *username, struct user *out)
{
	char lower[64];
	int rc = store_check_use(s);
	if (rc)
		return rc;
	if (!username || strlen(username) >= sizeof(lower))
		return store_fail(s, APP_ENOTFOUND, "no such user");
	store_lower(lower, sizeof(lower), username);
	return store_note(s, s->ops->user_get_by_username(s, lower, out));
}

int store_user_list(struct store *s, const char *scope_path,
		    int (*cb)(void *ctx, const struct user *), void *ctx)
{
	char lo[256], hi[256];
	int rc = store_check_use(s);
	if (!rc)
		rc = store_scope_bounds(s, scope_path, lo, hi);
	if (rc)
		return store_note(s, rc);
	store_begin_stream(s);
	rc = s->ops->user_list(s, lo, hi, cb, ctx);
	return store_end_stream(s, rc);
}

/* ---- sessions and tokens ---- */

int store_session_insert(struct store *s, const struct session *se)
{
	int rc = store_check_write(s);
	return rc ? rc : store_note(s, s->ops->session_insert(s, se));
}

int store_session_get(struct store *s, const char *token_hash, struct session *out)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	if (!token_hash)
		return store_fail(s, APP_ENOTFOUND, "no such session");
	return store_note(s, s->ops->session_get(s, token_hash, out));
}

int store_session_delete(struct store *s, const char *token_hash)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	if (!token_hash)
		return store_fail(s, APP_ENOTFOUND, "no such session");
	return store_note(s, s->ops->session_delete(s, token_hash));
}

int store_session_delete_user(struct store *s, int64_t user_id)
{
	int rc = store_check_write(s);
	return rc ? rc : store_note(s, s->ops->session_delete_user(s, user_id));
}

int store_session_purge(struct store *s, int64_t now_ms)
{
	int rc = store_check_write(s);
	return rc ? rc : store_note(s, s->ops->session_purge(s, now_ms));
}

int store_token_insert(struct store *s, struct api_token *t)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	if (!t->created_ms)
		t->created_ms = store_now_ms();
	return store_note(s, s->ops->token_insert(s, t));
}

int store_token_get_by_hash(struct store *s, const char *token_hash, struct api_token *out)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	if (!token_hash)
		return store_fail(s, APP_ENOTFOUND, "no such token");
	return store_note(s, s->ops->token_get_by_hash(s, token_hash, out));
}

int store_token_revoke(struct store *s, int64_t id)
{
	int rc = store_check_write(s);
	return rc ? rc : store_note(s, s->ops->token_revoke(s, id));
}

int store_auth_epoch(struct store *s, int64_t *out)
{
	*out = 0;
	int rc = store_check_use(s);
	return rc ? rc : store_note(s, s->ops->auth_epoch(s, out));
}

int store_rate_hit(struct store *s, const char *key, int64_t now_ms, int64_t window_ms,
		   int64_t *count)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	if (!key || !*key || window_ms <= 0 || now_ms < 0)
		return store_fail(s, APP_EINVAL, "rate limit needs a key and a positive window");
	int64_t start = now_ms - now_ms % window_ms;
	if (s->tx == STORE_TX_IN_WRITE)
		return store_note(s, s->ops->rate_hit(s, key, start, count));
	if (s->tx == STORE_TX_IN_READ)
		return store_fail(s, APP_EINTERNAL, "rate limit inside a read transaction");
	if ((rc = store_tx_begin(s, STORE_TX_WRITE)))
		return rc;
	rc = store_note(s, s->ops->rate_hit(s, key, start, count));
	if (rc) {
		store_tx_rollback(s);
		return rc;
	}
	return store_tx_commit(s);
}

/* ---- audit chain ---- */

int store_audit_head(struct store *s, int64_t *seq, char hash[65])
{
	int rc = store_check_use(s);
	return rc ? rc : store_note(s, s->ops->audit_head(s, seq, hash));
}

int store_audit_insert(struct store *s, const struct audit_rec *r)
{
	int rc = store_check_write(s);
	return rc ? rc : store_note(s, s->ops->audit_insert(s, r));
}

int store_audit_list(struct store *s, int64_t from_seq, int limit,
		     int (*cb)(void *ctx, const struct audit_rec *), void *ctx)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	if (limit < 0)
		return store_fail(s, APP_EINVAL, "negative limit");
	store_begin_stream(s);
	rc = s->ops->audit_list(s, from_seq, limit, cb, ctx);
	return store_end_stream(s, rc);
}

int store_audit_list_object(struct store *s, const char *object_type, const char *object_id,
			    int limit, int (*cb)(void *ctx, const struct audit_rec *), void *ctx)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	if (!object_type || !object_id || limit < 0)
		return store_fail(s, APP_EINVAL, "object_type and object_id are required");
	store_begin_stream(s);
	rc = s->ops->audit_list_object(s, object_type, object_id, limit, cb, ctx);
	return store_end_stream(s, rc);
}

/* ---- CPNS publications ---- */

static int is_hex64(const char *h)
{
	size_t i = 0;
	for (; h[i]; i++)
		if (!((h[i] >= '0' && h[i] <= '9') || (h[i] >= 'a' && h[i] <= 'f')))
			return 0;
	return i == 64;
}

int store_cpns_publication_insert(struct store *s, struct cpns_publication *p)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	if (!is_hex64(p->sha_formasi) || !is_hex64(p->sha_peserta) || !is_hex64(p->sha_results) ||
	    !is_hex64(p->nik_salt) || p->row_count < 0)
		return store_fail(s, APP_EINVAL, "publication needs three SHA-256s and a salt");
	if (!p->published_ms)
		p->published_ms = store_now_ms();
	return store_note(s, s->ops->cpns_publication_insert(s, p));
}

int store_cpns_results_insert(struct store *s, int64_t publication_id,
			      const struct cpns_result_row *rows, size_t n)
{
	int rc = store_check_write(s);
	if (rc || n == 0)
		return rc;
	return store_note(s, s->ops->cpns_results_insert(s, publication_id, rows, n));
}

int store_cpns_formations_insert(struct store *s, int64_t publication_id,
				 const struct cpns_formation_cut *rows, size_t n)
{
	int rc = store_check_write(s);
	if (rc || n == 0)
		return rc;
	return store_note(s, s->ops->cpns_formations_insert(s, publication_id, rows, n));
}

int store_cpns_publication_latest(struct store *s, struct cpns_publication *out)
{
	int rc = store_check_use(s);
	return rc ? rc : store_note(s, s->ops->cpns_publication_latest(s, out));
}

int store_cpns_result_get(struct store *s, int64_t publication_id, int64_t applicant_id,
			  struct cpns_result_row *out)
{
	int rc = store_check_use(s);
	return rc ? rc : store_note(s, s->ops->cpns_result_get(s, publication_id, applicant_id, out));
}

int store_cpns_formation_get(struct store *s, int64_t publication_id, int64_t formation_id,
			     struct cpns_formation_cut *out)
{
	int rc = store_check_use(s);
	return rc ? rc : store_note(s, s->ops->cpns_formation_get(s, publication_id, formation_id, out));
}
