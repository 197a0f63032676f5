/* Private to the PostgreSQL backend (store_pg*.c): the connection struct,
 * parameter lists and query helpers. Every query goes through
 * a prepared statement (PQprepare once per connection, then
 * PQexecPrepared / PQsendQueryPrepared) or PQexecParams, always with bound
 * text parameters; every PGresult is
 * cleared on every path inside these helpers or by the caller that asked
 * for it. */
#ifndef WASDAL_STORE_STORE_PG_INT_H
#define WASDAL_STORE_STORE_PG_INT_H

#include <libpq-fe.h>
#include "store/store_int.h"

#define PG_CACHE_MAX 96

/* A statement prepared on this connection, named "w<n>". */
struct pg_prepared {
	char *sql;
	char name[16];
};

struct pg_store {
	struct store base; /* first: struct store * <-> struct pg_store * */
	PGconn *conn;
	struct pg_prepared cache[PG_CACHE_MAX];
	int ncache;
	unsigned next_name;
};

struct pg_store *pg_downcast(struct store *s);

#define PG_MAX_PARAMS 40

/* Text parameters for one query; numbers are formatted into num[]. */
struct pg_params {
	int n;
	const char *v[PG_MAX_PARAMS];
	char num[PG_MAX_PARAMS][24];
};

void pp_text(struct pg_params *p, const char *s);
void pp_int(struct pg_params *p, int64_t v);
/* 0 becomes NULL (an absent optional reference). */
void pp_id(struct pg_params *p, int64_t v);
void pp_null(struct pg_params *p);

/* Run one statement. On success *res (when res is not NULL) holds the
 * result, to PQclear; on failure nothing is left to clear and the error is
 * mapped (store_map_sqlstate) and recorded. */
int pg_query(struct pg_store *q, const char *sql, const struct pg_params *p, PGresult **res,
	     const char *what);
/* Run a statement that returns no rows we need; *affected gets the row count. */
int pg_command(struct pg_store *q, const char *sql, const struct pg_params *p,
	       int64_t *affected, const char *what);
/* Reads row 0 of r into ctx: 0 or a negative enum app_err. */
typedef int (*pg_row_fn)(struct pg_store *q, PGresult *r, void *ctx);
/* Stream the rows of a query one at a time (single-row mode) to row(); a
 * non-zero return from row() stops the walk (remaining rows are drained)
 * and is returned. */
int pg_stream(struct pg_store *q, const char *sql, const struct pg_params *p, pg_row_fn row,
	      void *ctx, const char *what);
/* A query for one row: when it returns exactly one, row() reads it and 1 is
 * returned; 0 when it returns none (out untouched); else a negative enum
 * app_err (row()'s included). */
int pg_row(struct pg_store *q, const char *sql, const struct pg_params *p, pg_row_fn row,
	   void *out, const char *what);
/* As pg_row, for a row that must exist: none is APP_ENOTFOUND with the
 * message missing (printf format). 0 or a negative enum app_err. */
int pg_one(struct pg_store *q, const char *sql, const struct pg_params *p, pg_row_fn row,
	   void *out, const char *what, const char *missing, ...)
	__attribute__((format(printf, 7, 8)));
/* The first column of a one-row result as an integer (0 for NULL): 1 (and
 * *v set) when there was a row, 0 when none (*v untouched), else a negative
 * enum app_err. */
int pg_int_row(struct pg_store *q, const char *sql, const struct pg_params *p, int64_t *v,
	       const char *what);
/* INSERT ... RETURNING id: *id gets the new row's id (untouched when an
 * ON CONFLICT DO NOTHING inserted none). 0 or a negative enum app_err. */
int pg_insert(struct pg_store *q, const char *sql, const struct pg_params *p, int64_t *id,
	      const char *what);

int64_t pg_int(const PGresult *r, int row, int col);
const char *pg_text(const PGresult *r, int row, int col);

int pg_instansi_put(struct store *s, struct instansi *in);
int pg_instansi_get(struct store *s, int64_t id, struct instansi *out);
int pg_instansi_get_by_kode(struct store *s, const char *kode, struct instansi *out);
int pg_instansi_list(struct store *s, const char *lo, const char *hi, store_instansi_cb cb,
		     void *ctx);
int pg_unit_put(struct store *s, struct unit_kerja *u);
int pg_unit_get(struct store *s, int64_t id, struct unit_kerja *out);
int pg_unit_get_by_kode(struct store *s, int64_t instansi_id, const char *kode,
			struct unit_kerja *out);
int pg_unit_list(struct store *s, int64_t instansi_id, store_unit_cb cb, void *ctx);
int pg_pegawai_upsert(struct store *s, struct pegawai *p, int *changed);
int pg_pegawai_insert(struct store *s, struct pegawai *p, int *inserted);
int pg_pegawai_insert_many(struct store *s, size_t n, store_pegawai_row_fn row, void *ctx,
			   unsigned char *inserted, size_t *count);
int pg_pegawai_get(struct store *s, int64_t id, struct pegawai *out);
int pg_pegawai_get_by_nip(struct store *s, const char *nip, struct pegawai *out);
int pg_pegawai_get_placed(struct store *s, const char *nip, struct pegawai *out,
			  struct instansi *in, struct unit_kerja *u);
int pg_pegawai_list(struct store *s, const struct pegawai_filter *f, const char *lo,
		    const char *hi, const char *q_like, store_pegawai_cb cb, void *ctx);
int pg_pegawai_count(struct store *s, const struct pegawai_filter *f, const char *lo,
		     const char *hi, const char *q_like, int64_t *n);
int pg_pegawai_set_blokir(struct store *s, int64_t id, int blokir, const char *reason,
			  int64_t now_ms);

int pg_user_insert(struct store *s, struct user *u);
int pg_user_update(struct store *s, const struct user *u);
int pg_user_get(struct store *s, int64_t id, struct user *out);
int pg_user_get_by_username(struct store *s, const char *username, struct user *out);
int pg_user_list(struct store *s, const char *lo, const char *hi, store_user_cb cb, void *ctx);
int pg_session_insert(struct store *s, const struct session *se);
int pg_session_get(struct store *s, const char *token_hash, struct session *out);
int pg_session_delete(struct store *s, const char *token_hash);
int pg_session_delete_user(struct store *s, int64_t user_id);
int pg_session_purge(struct store *s, int64_t now_ms);
int pg_token_insert(struct store *s, struct api_token *t);
int pg_token_get_by_hash(struct store *s, const char *token_hash, struct api_token *out);
int pg_token_revoke(struct store *s, int64_t id);
int pg_auth_epoch(struct store *s, int64_t *out);
int pg_rate_hit(struct store *s, const char *key, int64_t window_start_ms, int64_t *count);

int pg_audit_head(struct store *s, int64_t *seq, char hash[65]);
int pg_audit_insert(struct store *s, const struct audit_rec *r);
int pg_audit_list(struct store *s, int64_t from_seq, int limit, store_audit_cb cb, void *ctx);
int pg_audit_list_object(struct store *s, const char *object_type, const char *object_id,
			 int limit, store_audit_cb cb, void *ctx);

int pg_cpns_publication_insert(struct store *s, struct cpns_publication *p);
int pg_cpns_results_insert(struct store *s, int64_t pub, const struct cpns_result_row *rows,
			     size_t n);
int pg_cpns_formations_insert(struct store *s, int64_t pub,
				const struct cpns_formation_cut *rows, size_t n);
int pg_cpns_publication_latest(struct store *s, struct cpns_publication *out);
int pg_cpns_result_get(struct store *s, int64_t pub, int64_t applicant_id,
			 struct cpns_result_row *out);
int pg_cpns_formation_get(struct store *s, int64_t pub, int64_t formation_id,
			    struct cpns_formation_cut *out);

extern const struct store_integrity_ops store_pg_integrity_ops;
extern const struct store_outbox_ops store_pg_outbox_ops;
extern const struct store_kampanye_ops store_pg_kampanye_ops;
extern const struct store_acara_ops store_pg_acara_ops;
extern const struct store_kasus_ops store_pg_kasus_ops;
extern const struct store_statistik_ops store_pg_statistik_ops;
extern const struct store_kasus_alur_ops store_pg_kasus_alur_ops;

#endif
