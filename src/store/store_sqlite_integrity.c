/* SQLite: integrity tables (instansi signing keys). */
#include "core/compat.h"
#include "core/err.h"
#include "store/store_sqlite_int.h"

static int sq_instansi_key_retire(struct store *s, int64_t instansi_id, int64_t now_ms)
{
	struct sq_params p = { 0 };
	sp_int(&p, instansi_id);
	sp_int(&p, now_ms);
	return sq_run(sq_downcast(s), "UPDATE instansi_keys SET retired_ms = max(?2, created_ms)"
		      " WHERE instansi_id = ?1 AND retired_ms IS NULL", &p, NULL,
		      "instansi key retire");
}

static int sq_instansi_key_insert(struct store *s, struct instansi_key *k)
{
	struct sq_params p = { 0 };
	sp_int(&p, k->instansi_id);
	sp_text(&p, k->public_hex);
	sp_text(&p, k->secret_hex);
	sp_int(&p, k->created_ms);
	return sq_insert(sq_downcast(s), "INSERT INTO instansi_keys (instansi_id, public_hex,"
			 " secret_hex, created_ms) VALUES (?1, ?2, ?3, ?4) RETURNING id", &p, &k->id,
			 "instansi key insert");
}

static int read_key(struct store *s, sqlite3_stmt *st, struct instansi_key *out, int with_secret)
{
	memset(out, 0, sizeof(*out));
	out->id = sqlite3_column_int64(st, 0);
	out->instansi_id = sqlite3_column_int64(st, 1);
	out->created_ms = sqlite3_column_int64(st, 4);
	out->retired_ms = sqlite3_column_int64(st, 5);
	int rc = STORE_COPY(s, out->public_hex, sq_col_text(st, 2));
	if (!rc && with_secret)
		rc = STORE_COPY(s, out->secret_hex, sq_col_text(st, 3));
	return rc;
}

static int read_key_secret(struct store *s, sqlite3_stmt *st, void *out)
{
	return read_key(s, st, out, 1);
}

static int sq_instansi_key_current(struct store *s, int64_t instansi_id, struct instansi_key *out)
{
	struct sq_params p = { 0 };
	sp_int(&p, instansi_id);
	return sq_one(sq_downcast(s), "SELECT id, instansi_id, public_hex, secret_hex, created_ms,"
		      " retired_ms FROM instansi_keys WHERE instansi_id = ?1 AND retired_ms IS NULL",
		      &p, read_key_secret, out, "instansi key", "the instansi has no signing key");
}

static int sq_instansi_key_list(struct store *s, int64_t instansi_id, struct instansi_key *out,
			 size_t max, size_t *n)
{
	struct sq_store *q = sq_downcast(s);
	struct sq_params p = { 0 };
	sqlite3_stmt *st;
	sp_int(&p, instansi_id);
	sp_int(&p, (int64_t)max);
	int rc = sq_query(q, "SELECT id, instansi_id, public_hex, '', created_ms, retired_ms"
			  " FROM instansi_keys WHERE instansi_id = ?1 ORDER BY created_ms DESC, id DESC"
			  " LIMIT ?2", &p, &st);
	if (rc)
		return rc;
	*n = 0;
	while ((rc = sq_step(q, st, "instansi keys")) == 1) {
		if ((rc = read_key(s, st, &out[*n], 0)))
			break;
		(*n)++;
	}
	sq_done(q, st);
	return rc;
}

const struct store_integrity_ops store_sqlite_integrity_ops = {
	.key_retire = sq_instansi_key_retire,
	.key_insert = sq_instansi_key_insert,
	.key_current = sq_instansi_key_current,
	.key_list = sq_instansi_key_list,
};
