/* Private to the SQLite backend (store_sqlite*.c): the connection struct,
 * the per-connection statement cache and small binding/reading helpers. */
#ifndef WASDAL_STORE_STORE_SQLITE_INT_H
#define WASDAL_STORE_STORE_SQLITE_INT_H

#include <sqlite3.h>
#include "store/store_int.h"

#define SQ_CACHE_MAX 96

struct sq_cached {
	char *sql;
	const char *key; /* the caller's pointer when prepared: a fast first guess */
	sqlite3_stmt *st;
};

struct sq_statistik_cache;

struct sq_store {
	struct store base; /* first: struct store * <-> struct sq_store * */
	sqlite3 *db;
	struct sq_cached cache[SQ_CACHE_MAX];
	int ncache;
	int bulk;          /* store_bulk_begin switched WAL off */
	int bulk_fk_off;   /* store_bulk_begin turned foreign keys off */
	int rows_module;   /* store_sqlite_bulk.c's virtual table is registered */
	/* recent dashboard results (store_sqlite_statistik.c) */
	struct sq_statistik_cache *statistik;
};

void sq_statistik_cache_free(struct sq_store *q);

/* Checked downcast: a struct store that is not ours is a programming error. */
struct sq_store *sq_downcast(struct store *s);

/* A prepared statement for sql, from the connection's cache when possible.
 * Hand it back with sq_done() on every path. */
int sq_prep(struct sq_store *q, const char *sql, sqlite3_stmt **out);
/* Runs a PRAGMA (or other statement without rows) now; APP_EIO on failure. */
int sq_pragma(struct sq_store *q, const char *sql);
void sq_done(struct sq_store *q, sqlite3_stmt *st);
/* Map the connection's last error to enum app_err and record its text. */
int sq_err(struct sq_store *q, int rc, const char *what);
/* Step once: 1 a row, 0 done, or a negative enum app_err. */
int sq_step(struct sq_store *q, sqlite3_stmt *st, const char *what);
/* Step to the end (a write); 0 or a negative enum app_err. */
int sq_exec(struct sq_store *q, sqlite3_stmt *st, const char *what);

int sq_bind_text(sqlite3_stmt *st, int i, const char *v);
int sq_bind_int(sqlite3_stmt *st, int i, int64_t v);
/* 0 is bound as NULL (an absent optional reference). */
int sq_bind_id(sqlite3_stmt *st, int i, int64_t v);
const char *sq_col_text(sqlite3_stmt *st, int i);

/* One statement's parameters, bound in the order they are added (?1, ?2,
 * ...), as struct pg_params is on the PostgreSQL side. Text and blobs are
 * bound SQLITE_STATIC: they must outlive the call that runs the statement.
 * Adding more than SQ_MAX_PARAMS is caught when the statement is run. */
#define SQ_MAX_PARAMS 40

enum sq_param_kind { SQ_P_INT, SQ_P_TEXT, SQ_P_NULL, SQ_P_BLOB };

struct sq_params {
	int n;
	struct {
		enum sq_param_kind kind;
		int64_t i;       /* SQ_P_INT; the length of a SQ_P_BLOB */
		const void *p;   /* SQ_P_TEXT, SQ_P_BLOB */
	} v[SQ_MAX_PARAMS];
};

void sp_int(struct sq_params *p, int64_t v);
void sp_text(struct sq_params *p, const char *v); /* NULL is bound as '' */
/* 0 is bound as NULL (an absent optional reference). */
void sp_id(struct sq_params *p, int64_t v);
void sp_null(struct sq_params *p);
void sp_blob(struct sq_params *p, const void *data, size_t len);

/* Reads the current row of st into out (the caller's struct); 0 or a
 * negative enum app_err. */
typedef int (*sq_row_fn)(struct store *s, sqlite3_stmt *st, void *out);

/* Prepare sql (sq_prep) and bind p (may be NULL). On failure *st is NULL
 * and the error is recorded; on success hand *st back with sq_done(). */
int sq_query(struct sq_store *q, const char *sql, const struct sq_params *p,
	     sqlite3_stmt **st);
/* Run a statement to the end; *changes (when not NULL) gets the number of
 * rows it changed. 0 or a negative enum app_err. */
int sq_run(struct sq_store *q, const char *sql, const struct sq_params *p, int64_t *changes,
	   const char *what);
/* The first row of a query, read by row(): 1 when there was a row, 0 when
 * none (out untouched), else a negative enum app_err (row()'s included). */
int sq_row(struct sq_store *q, const char *sql, const struct sq_params *p, sq_row_fn row,
	   void *out, const char *what);
/* As sq_row, for a row that must exist: no row is APP_ENOTFOUND with the
 * message missing (printf format). 0 or a negative enum app_err. */
int sq_one(struct sq_store *q, const char *sql, const struct sq_params *p, sq_row_fn row,
	   void *out, const char *what, const char *missing, ...)
	__attribute__((format(printf, 7, 8)));
/* The first column of the first row as an integer: 1 (and *v set) when
 * there was a row, 0 when none (*v untouched), else a negative enum app_err. */
int sq_int_row(struct sq_store *q, const char *sql, const struct sq_params *p, int64_t *v,
	       const char *what);
/* INSERT ... RETURNING id: *id gets the new row's id (untouched when an
 * ON CONFLICT DO NOTHING inserted none). 0 or a negative enum app_err. */
int sq_insert(struct sq_store *q, const char *sql, const struct sq_params *p, int64_t *id,
	      const char *what);

/* Entity operations, one file per area. */
int sq_instansi_put(struct store *s, struct instansi *in);
int sq_instansi_get(struct store *s, int64_t id, struct instansi *out);
int sq_instansi_get_by_kode(struct store *s, const char *kode, struct instansi *out);
int sq_instansi_list(struct store *s, const char *lo, const char *hi, store_instansi_cb cb,
		     void *ctx);
int sq_unit_put(struct store *s, struct unit_kerja *u);
int sq_unit_get(struct store *s, int64_t id, struct unit_kerja *out);
int sq_unit_get_by_kode(struct store *s, int64_t instansi_id, const char *kode,
			struct unit_kerja *out);
int sq_unit_list(struct store *s, int64_t instansi_id, store_unit_cb cb, void *ctx);
int sq_pegawai_upsert(struct store *s, struct pegawai *p, int *changed);
int sq_pegawai_insert(struct store *s, struct pegawai *p, int *inserted);
int sq_pegawai_insert_many(struct store *s, size_t n, store_pegawai_row_fn row, void *ctx,
			   unsigned char *inserted, size_t *count);
int sq_pegawai_get(struct store *s, int64_t id, struct pegawai *out);
int sq_pegawai_get_by_nip(struct store *s, const char *nip, struct pegawai *out);
int sq_pegawai_get_placed(struct store *s, const char *nip, struct pegawai *out,
			  struct instansi *in, struct unit_kerja *u);
int sq_pegawai_list(struct store *s, const struct pegawai_filter *f, const char *lo,
		    const char *hi, const char *q_like, store_pegawai_cb cb, void *ctx);
int sq_pegawai_count(struct store *s, const struct pegawai_filter *f, const char *lo,
		     const char *hi, const char *q_like, int64_t *n);
int sq_pegawai_set_blokir(struct store *s, int64_t id, int blokir, const char *reason,
			  int64_t now_ms);

int sq_user_insert(struct store *s, struct user *u);
int sq_user_update(struct store *s, const struct user *u);
int sq_user_get(struct store *s, int64_t id, struct user *out);
int sq_user_get_by_username(struct store *s, const char *username, struct user *out);
int sq_user_list(struct store *s, const char *lo, const char *hi, store_user_cb cb, void *ctx);
int sq_session_insert(struct store *s, const struct session *se);
int sq_session_get(struct store *s, const char *token_hash, struct session *out);
int sq_session_delete(struct store *s, const char *token_hash);
int sq_session_delete_user(struct store *s, int64_t user_id);
int sq_session_purge(struct store *s, int64_t now_ms);
int sq_token_insert(struct store *s, struct api_token *t);
int sq_token_get_by_hash(struct store *s, const char *token_hash, struct api_token *out);
int sq_token_revoke(struct store *s, int64_t id);
int sq_auth_epoch(struct store *s, int64_t *out);
int sq_rate_hit(struct store *s, const char *key, int64_t window_start_ms, int64_t *count);

int sq_audit_head(struct store *s, int64_t *seq, char hash[65]);
int sq_audit_insert(struct store *s, const struct audit_rec *r);
int sq_audit_list(struct store *s, int64_t from_seq, int limit, store_audit_cb cb, void *ctx);
int sq_audit_list_object(struct store *s, const char *object_type, const char *object_id,
			 int limit, store_audit_cb cb, void *ctx);

int sq_cpns_publication_insert(struct store *s, struct cpns_publication *p);
int sq_cpns_results_insert(struct store *s, int64_t pub, const struct cpns_result_row *rows,
			     size_t n);
int sq_cpns_formations_insert(struct store *s, int64_t pub,
				const struct cpns_formation_cut *rows, size_t n);
int sq_cpns_publication_latest(struct store *s, struct cpns_publication *out);
int sq_cpns_result_get(struct store *s, int64_t pub, int64_t applicant_id,
			 struct cpns_result_row *out);
int sq_cpns_formation_get(struct store *s, int64_t pub, int64_t formation_id,
			    struct cpns_formation_cut *out);

extern const struct store_integrity_ops store_sqlite_integrity_ops;
extern const struct store_outbox_ops store_sqlite_outbox_ops;
extern const struct store_kampanye_ops store_sqlite_kampanye_ops;
extern const struct store_acara_ops store_sqlite_acara_ops;
extern const struct store_kasus_ops store_sqlite_kasus_ops;
extern const struct store_statistik_ops store_sqlite_statistik_ops;
extern const struct store_kasus_alur_ops store_sqlite_kasus_alur_ops;

#endif
