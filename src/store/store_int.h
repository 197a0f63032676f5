/* Private to src/store/: the table of operations every backend fills in, the
 * common header of a connection, and helpers shared by the backends. Callers
 * outside src/store/ include store.h only.
 *
 * store.c owns the rules that must not differ between backends (a write
 * needs a write transaction, a failed statement poisons the transaction, no
 * nested calls from a list callback, migrations in NNNN order), so a backend
 * only translates an operation into its own SQL. */
#ifndef WASDAL_STORE_STORE_INT_H
#define WASDAL_STORE_STORE_INT_H

#include <stdarg.h>
#include "store/store.h"
#include "store/store_integrity.h"
#include "store/store_outbox.h"
#include "store/store_kampanye.h"
#include "store/store_acara.h"
#include "store/store_kasus.h"
#include "store/store_statistik.h"
#include "store/store_kasus_alur.h"

enum store_tx_state { STORE_TX_NONE = 0, STORE_TX_IN_READ, STORE_TX_IN_WRITE };

/* The first member of every backend's connection struct. */
struct store {
	const struct store_ops *ops;
	enum store_tx_state tx;
	/* A statement failed inside the transaction: PostgreSQL refuses every
	 * later statement until ROLLBACK, so both backends behave that way. */
	int tx_failed;
	/* A list callback is running: the connection is busy streaming rows. */
	int streaming;
	/* Set by a backend when a list callback returned non-zero. */
	int stopped;
	char err[512];
};

typedef int (*store_instansi_cb)(void *ctx, const struct instansi *);
typedef int (*store_unit_cb)(void *ctx, const struct unit_kerja *);
typedef int (*store_pegawai_cb)(void *ctx, const struct pegawai *);
typedef int (*store_user_cb)(void *ctx, const struct user *);
typedef int (*store_audit_cb)(void *ctx, const struct audit_rec *);

struct store_ops {
	const char *name;              /* "sqlite" | "postgresql" */
	const char *migrations;        /* embedded path prefix of the NNNN_*.sql files */
	int (*open)(const char *url, struct store **out);
	void (*close)(struct store *s);

	/* Highest applied migration, 0 when the schema_version table is absent. */
	int (*schema_current)(struct store *s, int *current);
	/* Run one migration script (several statements, no parameters) and
	 * record its version, inside the open write transaction. */
	int (*schema_apply)(struct store *s, int version, const char *sql, int64_t now_ms);
	/* Optional: called with 1 before the first migration transaction and
	 * with 0 after the last (SQLite turns foreign-key enforcement off so
	 * that a migration can rebuild a referenced table, and schema_apply
	 * checks every foreign key before the migration commits). */
	int (*schema_session)(struct store *s, int start);
	/* Optional: see store_bulk_begin/store_bulk_end. */
	void (*bulk)(struct store *s, int on);

	int (*tx_begin)(struct store *s, enum store_tx_mode mode);
	int (*tx_commit)(struct store *s);
	void (*tx_rollback)(struct store *s);
	int (*backup)(struct store *s, const char *path);

	int (*instansi_put)(struct store *s, struct instansi *in);
	int (*instansi_get)(struct store *s, int64_t id, struct instansi *out);
	int (*instansi_get_by_kode)(struct store *s, const char *kode, struct instansi *out);
	int (*instansi_list)(struct store *s, const char *lo, const char *hi,
			     store_instansi_cb cb, void *ctx);

	int (*unit_put)(struct store *s, struct unit_kerja *u);
	int (*unit_get)(struct store *s, int64_t id, struct unit_kerja *out);
	int (*unit_get_by_kode)(struct store *s, int64_t instansi_id, const char *kode,
				struct unit_kerja *out);
	int (*unit_list)(struct store *s, int64_t instansi_id, store_unit_cb cb, void *ctx);

	int (*pegawai_upsert)(struct store *s, struct pegawai *p, int *changed);
	int (*pegawai_insert)(struct store *s, struct pegawai *p, int *inserted);
	int (*pegawai_insert_many)(struct store *s, size_t n, store_pegawai_row_fn row, void *ctx,
				   unsigned char *inserted, size_t *count);
	int (*pegawai_get)(struct store *s, int64_t id, struct pegawai *out);
	int (*pegawai_get_by_nip)(struct store *s, const char *nip, struct pegawai *out);
	int (*pegawai_get_placed)(struct store *s, const char *nip, struct pegawai *out,
				  struct instansi *in, struct unit_kerja *u);
	/* f has been validated; lo/hi are the scope bounds, q_lower the
	 * lower-cased and LIKE-escaped search text (NULL when no q). */
	int (*pegawai_list)(struct store *s, const struct pegawai_filter *f, const char *lo,
			    const char *hi, const char *q_like, store_pegawai_cb cb, void *ctx);
	int (*pegawai_count)(struct store *s, const struct pegawai_filter *f, const char *lo,
			     const char *hi, const char *q_like, int64_t *n);
	int (*pegawai_set_blokir)(struct store *s, int64_t id, int blokir, const char *reason,
				  int64_t now_ms);

	int (*user_insert)(struct store *s, struct user *u);
	int (*user_update)(struct store *s, const struct user *u);
	int (*user_get)(struct store *s, int64_t id, struct user *out);
	int (*user_get_by_username)(struct store *s, const char *username, struct user *out);
	int (*user_list)(struct store *s, const char *lo, const char *hi, store_user_cb cb,
			 void *ctx);

	int (*session_insert)(struct store *s, const struct session *se);
	int (*session_get)(struct store *s, const char *token_hash, struct session *out);
	int (*session_delete)(struct store *s, const char *token_hash);
	int (*session_delete_user)(struct store *s, int64_t user_id);
	int (*session_purge)(struct store *s, int64_t now_ms);

	int (*token_insert)(struct store *s, struct api_token *t);
	int (*token_get_by_hash)(struct store *s, const char *token_hash, struct api_token *out);
	int (*token_revoke)(struct store *s, int64_t id);
	int (*auth_epoch)(struct store *s, int64_t *out);

	int (*rate_hit)(struct store *s, const char *key, int64_t window_start_ms, int64_t *count);

	int (*audit_head)(struct store *s, int64_t *seq, char hash[65]);
	int (*audit_insert)(struct store *s, const struct audit_rec *r);
	int (*audit_list)(struct store *s, int64_t from_seq, int limit, store_audit_cb cb,
			  void *ctx);
	int (*audit_list_object)(struct store *s, const char *object_type, const char *object_id,
				 int limit, store_audit_cb cb, void *ctx);

	int (*cpns_publication_insert)(struct store *s, struct cpns_publication *p);
	int (*cpns_results_insert)(struct store *s, int64_t pub, const struct cpns_result_row *rows,
				   size_t n);
	int (*cpns_formations_insert)(struct store *s, int64_t pub,
				      const struct cpns_formation_cut *rows, size_t n);
	int (*cpns_publication_latest)(struct store *s, struct cpns_publication *out);
	int (*cpns_result_get)(struct store *s, int64_t pub, int64_t applicant_id,
			       struct cpns_result_row *out);
	int (*cpns_formation_get)(struct store *s, int64_t pub, int64_t formation_id,
				  struct cpns_formation_cut *out);
	/* Each area added after the core keeps its operations in a sub-table
	 * of its own (declared below), dispatched by store_<area>.c. */
	const struct store_integrity_ops *integrity;
	const struct store_outbox_ops *outbox;
	const struct store_kampanye_ops *kampanye;
	const struct store_acara_ops *acara;
	const struct store_kasus_ops *kasus;
	const struct store_statistik_ops *statistik;
	const struct store_kasus_alur_ops *kasus_alur;
};

struct store_integrity_ops {
	int (*key_retire)(struct store *s, int64_t instansi_id, int64_t now_ms);
	int (*key_insert)(struct store *s, struct instansi_key *k);
	int (*key_current)(struct store *s, int64_t instansi_id, struct instansi_key *out);
	int (*key_list)(struct store *s, int64_t instansi_id, struct instansi_key *out,
			size_t max, size_t *n);
};

typedef int (*store_outbox_cb)(void *ctx, const struct outbox_msg *);
typedef int (*store_webhook_cb)(void *ctx, const struct webhook *);
typedef int (*store_recipient_cb)(void *ctx, const struct outbox_recipient *);

/* The outbox area (store_outbox.c checks the rules, the backends the SQL).
 * state arguments are the names of enum outbox_state ("" = any). */
struct store_outbox_ops {
	int (*enqueue)(struct store *s, struct outbox_msg *m, int *inserted);
	int (*claim)(struct store *s, const char *owner, int64_t now_ms, int64_t lease_until,
		     struct outbox_claimed *out, size_t max, size_t *n);
	int (*mark_sent)(struct store *s, int64_t id, const char *owner, int64_t now_ms);
	int (*mark_failed)(struct store *s, int64_t id, const char *owner, const char *error,
			   int64_t next_attempt_ms, int permanent);
	int (*requeue)(struct store *s, int64_t id, int64_t now_ms);
	int (*get)(struct store *s, int64_t id, struct outbox_claimed *out);
	int (*list)(struct store *s, const char *state, int limit, store_outbox_cb cb, void *ctx);
	int (*count)(struct store *s, const char *state, int64_t *n);
	int (*webhook_insert)(struct store *s, struct webhook *w);
	int (*webhook_deactivate)(struct store *s, int64_t id);
	int (*webhook_get)(struct store *s, int64_t id, struct webhook *out);
	int (*webhook_list)(struct store *s, store_webhook_cb cb, void *ctx);
	int (*email_set)(struct store *s, int64_t user_id, const char *email);
	int (*email_get)(struct store *s, int64_t user_id, char out[255]);
	int (*recipients)(struct store *s, const char *role, const char *path,
			  store_recipient_cb cb, void *ctx);
	int (*due_cases)(struct store *s, int32_t min_day, int32_t max_day,
			 int (*cb)(void *ctx, const struct outbox_due_case *), void *ctx);
	/* hi is prefix with its last byte + 1: [prefix, hi) on the unique index */
	int (*seen)(struct store *s, const char *prefix, const char *hi, int *seen);
};

typedef int (*store_templat_cb)(void *ctx, const struct dok_templat *);
typedef int (*store_kampanye_cb)(void *ctx, const struct kampanye *);
typedef int (*store_progress_cb)(void *ctx, const struct kampanye_progress *);
typedef int (*store_id_cb)(void *ctx, int64_t id);

struct store_kampanye_ops {
	int (*templat_insert)(struct store *s, struct dok_templat *t);
	int (*templat_update)(struct store *s, const struct dok_templat *t);
	int (*templat_get)(struct store *s, int64_t id, struct dok_templat *out);
	int (*templat_max_versi)(struct store *s, int64_t instansi_id, const char *kode,
				 int64_t *versi);
	int (*templat_list)(struct store *s, int64_t instansi_id, store_templat_cb cb, void *ctx);
	int (*kampanye_insert)(struct store *s, struct kampanye *k);
	int (*kampanye_get)(struct store *s, int64_t id, struct kampanye *out);
	int (*kampanye_list)(struct store *s, const char *lo, const char *hi, store_kampanye_cb cb,
			     void *ctx);
	int (*kampanye_add_unit)(struct store *s, int64_t kampanye_id, int64_t unit_id);
	int (*kampanye_add_nip)(struct store *s, int64_t kampanye_id, const char *nip);
	int (*kampanye_units)(struct store *s, int64_t kampanye_id, store_id_cb cb, void *ctx);
	int (*in_scope)(struct store *s, int64_t kampanye_id, const char *nip, int *in);
	int (*scope_list)(struct store *s, int64_t kampanye_id, int64_t unit_id, int only_unsigned,
			  store_pegawai_cb cb, void *ctx);
	int (*progress)(struct store *s, int64_t kampanye_id, store_progress_cb cb, void *ctx);
	int (*ttd_insert)(struct store *s, struct tanda_tangan *t);
	int (*ttd_get)(struct store *s, int64_t kampanye_id, const char *nip,
		       struct tanda_tangan *out);
	int (*ttd_get_by_kode)(struct store *s, const char *kode, struct tanda_tangan *out);
	int (*key_get)(struct store *s, int64_t id, struct instansi_key *out);
	int (*aktivasi_revoke)(struct store *s, const char *nip, int64_t now_ms);
	int (*aktivasi_insert)(struct store *s, struct kode_aktivasi *a);
	int (*aktivasi_current)(struct store *s, const char *nip, struct kode_aktivasi *out);
	int (*aktivasi_mark_used)(struct store *s, int64_t id, int64_t now_ms);
	int (*user_asn_by_nip)(struct store *s, const char *nip, int64_t *user_id);
};

typedef int (*store_acara_cb)(void *ctx, const struct acara *);
typedef int (*store_peserta_cb)(void *ctx, const struct acara_peserta *);
typedef int (*store_cakupan_cb)(void *ctx, const struct acara_cakupan_row *);
typedef int (*store_materi_cb)(void *ctx, const struct acara_materi *);

struct store_acara_ops {
	int (*insert)(struct store *s, struct acara *a);
	int (*update)(struct store *s, const struct acara *a);
	int (*get)(struct store *s, int64_t id, struct acara *out);
	int (*get_by_kode)(struct store *s, const char *kode, struct acara *out);
	int (*list)(struct store *s, const char *lo, const char *hi, int64_t before_ms, int limit,
		    store_acara_cb cb, void *ctx);
	int (*hadir_put)(struct store *s, int64_t acara_id, int64_t pegawai_id, const char *cara,
			 int64_t now_ms, int *inserted);
	int (*peserta_list)(struct store *s, const struct acara *a, const char *after_nip, int limit,
			    store_peserta_cb cb, void *ctx);
	int (*peserta_count)(struct store *s, const struct acara *a, int64_t *sasaran, int64_t *hadir);
	int (*cakupan)(struct store *s, int64_t instansi_id, int64_t from_ms, int64_t to_ms,
		       store_cakupan_cb cb, void *ctx);
	int (*belum_list)(struct store *s, int64_t instansi_id, int64_t from_ms, int64_t to_ms,
			  store_peserta_cb cb, void *ctx);
	int (*berkas_put)(struct store *s, const char *sha256, const void *data, size_t len,
			  int64_t now_ms);
	int (*materi_link)(struct store *s, const struct acara_materi *m, int *inserted);
	int (*materi_list)(struct store *s, int64_t acara_id, store_materi_cb cb, void *ctx);
	int (*materi_get)(struct store *s, int64_t acara_id, const char *sha256,
			  struct acara_materi *meta, struct buf *out);
};

/* The neutrality case area (store_kasus.c). get() looks a case up by one
 * column: "id" (by id_val), "nomor" or "receipt_hash" (by text_val).
 * bukti_list() with only_id != 0 returns that one row of the case.
 * kunci_get() with id 0 reads the current key. */
struct store_kasus_ops {
	int (*nomor_next)(struct store *s, int year, int64_t *seq);
	int (*insert)(struct store *s, struct kasus *k);
	int (*get)(struct store *s, const char *by, int64_t id_val, const char *text_val,
		   struct kasus *out);
	int (*set_tahap)(struct store *s, const struct kasus *k, int64_t now_ms);
	int (*set_terlapor)(struct store *s, const struct kasus *k, int64_t now_ms);
	int (*set_petugas)(struct store *s, int64_t id, int64_t petugas_id, int64_t now_ms);
	int (*set_tautan)(struct store *s, const struct kasus *k, int64_t now_ms);
	int (*bukti_insert)(struct store *s, struct kasus_bukti *b);
	int (*bukti_list)(struct store *s, int64_t kasus_id, int64_t only_id,
			  struct kasus_bukti *out, size_t max, size_t *n);
	int (*bukti_sha_list)(struct store *s, int (*cb)(void *ctx, const char *sha256), void *ctx);
	int (*pesan_insert)(struct store *s, struct kasus_pesan *p);
	int (*pesan_list)(struct store *s, int64_t kasus_id, struct kasus_pesan *out, size_t max,
			  size_t *n);
	int (*akses_insert)(struct store *s, struct kasus_identitas_akses *a);
	int (*akses_list)(struct store *s, int64_t kasus_id, struct kasus_identitas_akses *out,
			  size_t max, size_t *n);
	int (*kunci_retire)(struct store *s, int64_t now_ms);
	int (*kunci_insert)(struct store *s, struct kunci_pengawas *k);
	int (*kunci_get)(struct store *s, int64_t id, struct kunci_pengawas *out);
	int (*salt_get)(struct store *s, char out[33]);
	int (*salt_put)(struct store *s, const char *salt_hex, int64_t now_ms);
};

/* The statistics area (store_statistik.c): lo NULL = national (every
 * case, also those without an instansi); f->sampai_ms is never 0 here. */
struct store_statistik_ops {
	int (*group)(struct store *s, enum statistik_dim dim, const struct statistik_filter *f,
		     const char *lo, const char *hi, struct statistik_rows *out);
	/* All dimensions at once; NULL: group() once per dimension. */
	int (*all)(struct store *s, const struct statistik_filter *f, const char *lo,
		   const char *hi, struct statistik_rows out[STAT__COUNT]);
};

struct store_kasus_alur_ops {
	int (*versi_insert)(struct store *s, struct workflow_versi *v);
	int (*versi_get)(struct store *s, int versi, struct workflow_versi *out);
	int (*versi_list)(struct store *s, int (*cb)(void *, const struct workflow_versi *), void *ctx);
	int (*langkah_insert)(struct store *s, struct kasus_langkah *l);
	int (*langkah_list)(struct store *s, int64_t kasus_id,
			    int (*cb)(void *, const struct kasus_langkah *), void *ctx);
	int (*jam_get)(struct store *s, int64_t kasus_id, struct kasus_jam_row *out);
	int (*jam_put)(struct store *s, const struct kasus_jam_row *j);
	int (*jeda_buka)(struct store *s, int64_t kasus_id, int32_t day);
	int (*jeda_tutup)(struct store *s, int64_t kasus_id, int32_t day);
	int (*jeda_list)(struct store *s, int64_t kasus_id, struct kasus_jeda_row *out, size_t max,
			 size_t *n);
	int (*catatan_insert)(struct store *s, struct kasus_catatan *c);
	int (*catatan_list)(struct store *s, int64_t kasus_id,
			    int (*cb)(void *, const struct kasus_catatan *), void *ctx);
	int (*tag_add)(struct store *s, int64_t kasus_id, const char *tag, int64_t now_ms);
	int (*tag_remove)(struct store *s, int64_t kasus_id, const char *tag);
	int (*tag_list)(struct store *s, int64_t kasus_id, char (*out)[40], size_t max, size_t *n);
	int (*sanksi_insert)(struct store *s, struct kasus_sanksi *k);
	int (*sanksi_list)(struct store *s, int64_t kasus_id, int64_t pegawai_id,
			   int (*cb)(void *, const struct kasus_sanksi *), void *ctx);
	/* tahap is ";a;b;" or "" for every stage; national: also cases with no instansi. */
	int (*antrian)(struct store *s, const struct kasus_antrian_filter *f, const char *lo,
		       const char *hi, int national, const char *tahap,
		       int (*cb)(void *, const struct kasus_ringkas *), void *ctx);
};

extern const struct store_ops store_sqlite_ops;
extern const struct store_ops store_pg_ops;

/* Record the backend's text for store_last_error() and the log; returns err. */
int store_fail(struct store *s, int err, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int store_vfail(struct store *s, int err, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));
/* A list callback's return value: non-zero stops the walk, and is marked as
 * the caller's own (store_end_stream) rather than a database error. */
static inline int store_stop(struct store *s, int rc)
{
	if (rc)
		s->stopped = 1;
	return rc;
}
/* PostgreSQL SQLSTATE -> enum app_err (23505 conflict, 23503/23514/23502
 * constraint, 40001/40P01/55P03 busy, else APP_EIO). */
int store_map_sqlstate(const char *sqlstate);
/* Copy a database string into a fixed field; APP_EINTERNAL when it does not
 * fit (the CHECK constraints should have made that impossible). */
int store_copy(struct store *s, char *dst, size_t cap, const char *src, const char *what);
#define STORE_COPY(s, field, src) store_copy((s), (field), sizeof(field), (src), #field)
/* Current UTC time in milliseconds. */
int64_t store_now_ms(void);
/* ASCII lower-case copy of src (UTF-8 bytes >= 0x80 kept as they are). */
void store_lower(char *dst, size_t cap, const char *src);

/* The rules every dispatch function applies (store.c): the connection is
 * usable (not streaming, transaction not failed); a write needs a write
 * transaction; a database error poisons the transaction. */
int store_check_use(struct store *s);
int store_check_write(struct store *s);
int store_note(struct store *s, int rc);
/* [lo, hi) bounds selecting every instansi path under scope. */
int store_scope_bounds(struct store *s, const char *scope, char lo[256], char hi[256]);
/* Around a backend's list call: marks the connection busy, and keeps a
 * callback's stop value from poisoning the transaction. */
void store_begin_stream(struct store *s);
int store_end_stream(struct store *s, int rc);

#endif
