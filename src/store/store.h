/* The storage contract. Callers (app/, cmd/) never see SQL, sqlite3* or
 * PGconn*: each operation is a domain-level function, implemented by every
 * backend (store_sqlite.c, store_pg.c) behind a table of operations, and
 * checked by one conformance suite (tests/store/) run against both.
 *
 * Conventions, shared by every backend:
 * - A struct store is one connection: use it from one thread at a time
 *   (the server opens one per worker).
 * - Functions return 0 or a negative enum app_err; backend errors are
 *   mapped at the boundary (unique violation -> APP_ECONFLICT, foreign key or
 *   check -> APP_ECONSTRAINT, lock timeout or serialization -> APP_EBUSY,
 *   missing row -> APP_ENOTFOUND). store_last_error() keeps the backend text
 *   for the log, never for a response.
 * - Every write happens inside store_tx_begin(STORE_TX_WRITE) ...
 *   store_tx_commit(); a write called outside a transaction fails with
 *   APP_EINTERNAL. SQLite uses BEGIN IMMEDIATE for writes.
 * - A database error inside a transaction (conflict, constraint, busy, I/O)
 *   leaves it failed on every backend, as PostgreSQL requires: later calls
 *   return APP_EINTERNAL and store_tx_commit() rolls back and returns the
 *   first error. APP_ENOTFOUND and APP_EINVAL do not fail a transaction.
 *   Reads outside a transaction run on their own (autocommit).
 * - IDs are int64; times are UTC milliseconds since the epoch (int64);
 *   booleans are 0/1; text is UTF-8 copied into the caller's fixed-size
 *   fields (truncation of stored text is a bug: field sizes match the
 *   CHECK constraints in the migrations).
 * - List functions stream rows to a callback; a pointer inside a row is valid
 *   only during the callback. A callback returning non-zero stops the walk
 *   and that value is returned. The connection is busy while it streams: a
 *   callback must not call the store on the same struct store (it gets
 *   APP_EINTERNAL); collect ids and look them up after the walk, or use a
 *   second connection.
 * - Scope: every instansi has a materialised path "/1/4/9/" (its ancestors'
 *   ids and its own). A scope_path filter keeps rows whose instansi path
 *   starts with it; "/" is national. */
#ifndef WASDAL_STORE_STORE_H
#define WASDAL_STORE_STORE_H

#include <stdint.h>
#include <stddef.h>

struct store;

enum store_tx_mode { STORE_TX_READ, STORE_TX_WRITE };

/* "sqlite:PATH", "sqlite::memory:", "postgresql://..." or "postgres://...".
 * Opening does not migrate. */
int store_open(const char *url, struct store **out);
void store_close(struct store *s);
const char *store_backend_name(const struct store *s); /* "sqlite" | "postgresql" */
const char *store_last_error(const struct store *s);

/* Schema: versioned, forward-only migrations embedded in the binary
 * (src/store/migrations/<backend>/NNNN_name.sql), each applied in its own
 * transaction. */
int store_schema_version(struct store *s, int *current, int *latest);
int store_migrate(struct store *s, int *from, int *to);
/* 0 when the schema is exactly the binary's; APP_ESCHEMA otherwise. */
int store_schema_check(struct store *s);

int store_tx_begin(struct store *s, enum store_tx_mode mode);
int store_tx_commit(struct store *s);
void store_tx_rollback(struct store *s);
/* Around one big write transaction from a command-line tool (a bulk
 * import), outside any transaction. SQLite: when no other connection has
 * the database open, it leaves WAL for a rollback journal until
 * store_bulk_end, so the new pages are written once (into the database)
 * instead of twice (into the WAL, then by the checkpoint); a crash or kill
 * leaves a hot journal that the next opener rolls back, so the transaction
 * stays all-or-nothing. While it lasts, other processes wait (busy) instead
 * of reading a snapshot. With another connection open nothing changes.
 * SQLite also stops enforcing foreign keys on this connection until
 * store_bulk_end: the caller checks the keys it writes itself, once per
 * transaction (registry_import.c, places_verify), and nothing it does
 * deletes a parent. PostgreSQL: nothing to do. */
void store_bulk_begin(struct store *s);
void store_bulk_end(struct store *s);
/* 1 while a transaction (read or write) is open on s. */
int store_in_tx(const struct store *s);

/* Consistent online copy of a SQLite store to path (APP_EINVAL on other
 * backends: use pg_dump, see docs/operations.md). */
int store_backup(struct store *s, const char *path);

/* ---- instansi: K/L, provinsi, kab/kota, in one tree ---- */
enum instansi_jenis { INSTANSI_NASIONAL = 1, INSTANSI_KL, INSTANSI_PROVINSI, INSTANSI_KABKOTA };

struct instansi {
	int64_t id;
	char kode[32];      /* unique, e.g. BKN code or Kemendagri region code */
	char nama[160];
	enum instansi_jenis jenis;
	int64_t parent_id;  /* 0 for the root */
	char path[256];     /* set by the store */
};

/* Insert or update by kode; sets in->id and in->path. A parent must exist. */
int store_instansi_put(struct store *s, struct instansi *in);
int store_instansi_get(struct store *s, int64_t id, struct instansi *out);
int store_instansi_get_by_kode(struct store *s, const char *kode, struct instansi *out);
/* Under scope_path (inclusive), ordered by path. */
int store_instansi_list(struct store *s, const char *scope_path,
			int (*cb)(void *ctx, const struct instansi *), void *ctx);

/* ---- unit kerja inside an instansi ---- */
struct unit_kerja {
	int64_t id;
	int64_t instansi_id;
	char kode[32];      /* unique within the instansi */
	char nama[160];
};

int store_unit_put(struct store *s, struct unit_kerja *u);
int store_unit_get(struct store *s, int64_t id, struct unit_kerja *out);
int store_unit_get_by_kode(struct store *s, int64_t instansi_id, const char *kode,
			   struct unit_kerja *out);
int store_unit_list(struct store *s, int64_t instansi_id,
		    int (*cb)(void *ctx, const struct unit_kerja *), void *ctx);

/* ---- pegawai (the ASN registry) ---- */
struct pegawai {
	int64_t id;
	char nip[19];
	char nama[128];
	char jenis_asn[5];     /* "PNS" | "PPPK" */
	char golongan[8];      /* "III/a" .. "IV/e", PPPK "I" .. "XVII" */
	char jenis_jabatan[24];/* jpt_utama, jpt_madya, jpt_pratama, administrator,
				  pengawas, fungsional, pelaksana */
	char jenjang[24];      /* fungsional: ahli_pertama .. penyelia; else "" */
	char jabatan[160];
	int64_t instansi_id;
	int64_t unit_id;       /* 0 when none */
	char status[16];       /* aktif | pensiun | diberhentikan */
	int blokir;
	char blokir_alasan[256];
	int64_t updated_ms;
	/* filled by reads: the instansi path, for scope checks in app/ */
	char instansi_path[256];
};

/* Insert or update by NIP. *changed is 1 when a row was inserted or any
 * field differed (so re-importing the same file changes nothing and writes
 * no audit records), 0 otherwise. Sets p->id. blokir and blokir_alasan are
 * taken on insert only: an update leaves them alone (only
 * store_pegawai_set_blokir changes them), so an import cannot lift a block.
 * updated_ms 0 means now. */
int store_pegawai_upsert(struct store *s, struct pegawai *p, int *changed);
/* Insert p when its NIP is new (*inserted 1, p->id set); when the NIP
 * exists nothing is written and *inserted is 0. One statement for the
 * common case of a bulk import: no lookup before the insert. */
int store_pegawai_insert(struct store *s, struct pegawai *p, int *inserted);
/* The bulk form of store_pegawai_insert, for imports: row(ctx, i, out)
 * fills row i for each i from 0 to n-1, once each and in that order (only
 * the fields store_pegawai_insert takes; blokir is 0 and updated_ms now
 * for every row); out is only valid during the call. A row whose NIP is new is
 * inserted and inserted[i] set to 1; a row whose NIP exists writes nothing
 * and gets 0. *count is the number inserted. ids are not returned. SQLite
 * runs one INSERT ... SELECT over all the rows instead of one statement per
 * row (docs/benchmarks.md, registry import). The rows must have passed
 * registry_validate: SQLite does not re-check the table's CHECK
 * constraints for them (foreign keys, NOT NULL and UNIQUE still hold). */
typedef void (*store_pegawai_row_fn)(void *ctx, size_t i, struct pegawai *out);
int store_pegawai_insert_many(struct store *s, size_t n, store_pegawai_row_fn row, void *ctx,
			      unsigned char *inserted, size_t *count);
int store_pegawai_get(struct store *s, int64_t id, struct pegawai *out);
int store_pegawai_get_by_nip(struct store *s, const char *nip, struct pegawai *out);
/* The employee with its instansi and unit (u->id 0 when none) in one
 * statement: what a reply about one employee needs. */
int store_pegawai_get_placed(struct store *s, const char *nip, struct pegawai *out,
			     struct instansi *in, struct unit_kerja *u);

struct pegawai_filter {
	const char *scope_path;    /* required: "/" for national */
	const char *q;             /* NIP prefix or case-insensitive name substring */
	int64_t instansi_id;       /* 0 = any (within scope) */
	int64_t unit_id;
	const char *golongan;
	const char *jenis_jabatan;
	const char *status;
	const char *after_nip;     /* keyset pagination: rows with nip > after_nip */
	int limit;                 /* 0 = no limit (exports stream) */
};

/* Ordered by NIP. */
int store_pegawai_list(struct store *s, const struct pegawai_filter *f,
		       int (*cb)(void *ctx, const struct pegawai *), void *ctx);
int store_pegawai_count(struct store *s, const struct pegawai_filter *f, int64_t *n);
/* Set or clear the blokir flag; reason is "" when clearing. */
int store_pegawai_set_blokir(struct store *s, int64_t id, int blokir, const char *reason);

/* ---- accounts ---- */
struct user {
	int64_t id;
	char username[64];     /* unique, stored lower-case */
	char nama[128];
	char role[16];         /* admin bkn bawaslu ppk bkpsdm asn auditor custodian pansel */
	int64_t instansi_id;   /* scope node; the national root for national roles */
	char nip[19];          /* for role asn: the employee; else "" */
	char password_hash[160];
	int disabled;
	int failed_logins;
	int64_t locked_until_ms;
	int64_t created_ms;
	char scope_path[256];  /* filled by reads from the instansi */
};

/* Lower-cases u->username in place, sets u->id; created_ms 0 means now.
 * A username taken in any case is APP_ECONFLICT. */
int store_user_insert(struct store *s, struct user *u);
/* Updates nama, role, instansi_id, password_hash, disabled, failed_logins,
 * locked_until_ms by id. */
int store_user_update(struct store *s, const struct user *u);
int store_user_get(struct store *s, int64_t id, struct user *out);
int store_user_get_by_username(struct store *s, const char *username, struct user *out);
int store_user_list(struct store *s, const char *scope_path,
		    int (*cb)(void *ctx, const struct user *), void *ctx);

/* Sessions live in the database so several servers can share them. Only the
 * SHA-256 (hex) of the session token is stored. */
struct session {
	char token_hash[65];
	int64_t user_id;
	char csrf[65];
	char lang[3];
	int64_t created_ms, expires_ms;
};

int store_session_insert(struct store *s, const struct session *se);
int store_session_get(struct store *s, const char *token_hash, struct session *out);
/* Deleting a session that is already gone is not an error (logout twice). */
int store_session_delete(struct store *s, const char *token_hash);
int store_session_delete_user(struct store *s, int64_t user_id);
/* Housekeeping, run by the server's background thread: deletes expired
 * sessions and rate-limit windows that started more than
 * STORE_RATE_KEEP_MS ago (every window in use is at most an hour, so a
 * purged row can no longer count). */
#define STORE_RATE_KEEP_MS (24LL * 3600 * 1000)
int store_session_purge(struct store *s, int64_t now_ms);

/* API tokens (Bearer) for machine clients; only the hash is stored. */
struct api_token {
	int64_t id;
	int64_t user_id;
	char name[64];
	char token_hash[65];
	int64_t created_ms;
	int revoked;
};

/* Sets t->id; created_ms 0 means now. */
int store_token_insert(struct store *s, struct api_token *t);
int store_token_get_by_hash(struct store *s, const char *token_hash, struct api_token *out);
int store_token_revoke(struct store *s, int64_t id);
/* The authentication epoch: a counter that triggers in the schema (migration
 * 0011) advance in the same transaction as any change to what a token's
 * principal is made of (a token revoked or deleted; a user's username,
 * name, role, instansi, NIP or disabled flag; an instansi's path; a user or
 * instansi deleted). app/auth_cache.c trusts a cached token only while it
 * is unchanged. */
int store_auth_epoch(struct store *s, int64_t *out);

/* Fixed-window counter shared by every server process: adds one hit to key
 * and sets *count to the hits in the window that contains now_ms. Runs in
 * its own write transaction when none is open. */
int store_rate_hit(struct store *s, const char *key, int64_t now_ms, int64_t window_ms,
		   int64_t *count);

/* ---- the tamper-evident audit chain ---- */
struct audit_rec {
	int64_t seq;           /* 1, 2, 3 ... without gaps */
	int64_t ts_ms;
	int64_t actor_id;      /* 0 for the system or an anonymous citizen */
	char actor[64];
	char action[32];       /* create update delete login login_failed ... */
	char object_type[32];
	char object_id[64];
	const char *diff;      /* compact JSON, "" when none (NULL is stored as "");
				  owned by the caller / valid in callback */
	char prev_hash[65];    /* hex SHA-256 of the previous record; 64 '0' for the first */
	char hash[65];
};

/* Latest seq and hash (0 and 64 '0' when empty). Inside a write
 * transaction this also locks the chain until commit, so concurrent writers
 * on any backend append one after another. */
int store_audit_head(struct store *s, int64_t *seq, char hash[65]);
/* Inserts one record as given; audit_append (app/audit.h) computes seq and
 * hashes, use that. A seq that exists already is APP_ECONFLICT. */
int store_audit_insert(struct store *s, const struct audit_rec *r);
/* Records with seq >= from_seq in seq order, at most limit (0 = all). */
int store_audit_list(struct store *s, int64_t from_seq, int limit,
		     int (*cb)(void *ctx, const struct audit_rec *), void *ctx);
/* Records about one object, newest first. */
int store_audit_list_object(struct store *s, const char *object_type, const char *object_id,
			    int limit, int (*cb)(void *ctx, const struct audit_rec *), void *ctx);

/* ---- CPNS results published for applicants (wasdal cpns publish) ---- */
struct cpns_publication {
	int64_t id;            /* set by the store */
	int64_t published_ms;  /* 0 means now */
	char label[128];
	char sha_formasi[65], sha_peserta[65], sha_results[65]; /* from summary.txt */
	char nik_salt[65];     /* hex; nik_hash = SHA-256(salt || nik) */
	int64_t row_count;
	char actor[64];
};

struct cpns_result_row {
	int64_t applicant_id;
	char nik_hash[65];     /* never the NIK itself */
	int64_t formation_id;
	int total;             /* -1 for TH and DIS */
	int rank;              /* 0 unless passed */
	char status[4];        /* P/L P TL TH DIS */
};

struct cpns_formation_cut {
	int64_t formation_id;
	int quota;
	int pl_count;          /* applicants with P/L */
	int cutoff_total;      /* lowest total among P/L; -1 when none */
};

/* A publication and its rows are written inside one write transaction:
 * insert the publication (sets p->id), then the rows in batches of any
 * size (one prepared statement per batch, no round trip per row on
 * PostgreSQL), then commit. A crash before the commit leaves nothing. */
int store_cpns_publication_insert(struct store *s, struct cpns_publication *p);
int store_cpns_results_insert(struct store *s, int64_t publication_id,
			      const struct cpns_result_row *rows, size_t n);
int store_cpns_formations_insert(struct store *s, int64_t publication_id,
				 const struct cpns_formation_cut *rows, size_t n);
/* The newest publication (highest id); APP_ENOTFOUND when none. */
int store_cpns_publication_latest(struct store *s, struct cpns_publication *out);
int store_cpns_result_get(struct store *s, int64_t publication_id, int64_t applicant_id,
			  struct cpns_result_row *out);
int store_cpns_formation_get(struct store *s, int64_t publication_id, int64_t formation_id,
			     struct cpns_formation_cut *out);

#endif
