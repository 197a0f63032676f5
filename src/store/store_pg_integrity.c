/* PostgreSQL: integrity tables (instansi signing keys). */
#include "core/compat.h"
#include "core/err.h"
#include "store/store_pg_int.h"

static int pg_instansi_key_retire(struct store *s, int64_t instansi_id, int64_t now_ms)
{
	struct pg_params p = { 0 };
	int64_t n = 0;
	pp_int(&p, instansi_id);
	pp_int(&p, now_ms);
	return pg_command(pg_downcast(s), "UPDATE instansi_keys SET retired_ms = greatest($2::bigint, created_ms)"
			  " WHERE instansi_id = $1 AND retired_ms IS NULL", &p, &n, "instansi key retire");
}

static int pg_instansi_key_insert(struct store *s, struct instansi_key *k)
{
	struct pg_params p = { 0 };
	pp_int(&p, k->instansi_id);
	pp_text(&p, k->public_hex);
	pp_text(&p, k->secret_hex);
	pp_int(&p, k->created_ms);
	return pg_insert(pg_downcast(s), "INSERT INTO instansi_keys (instansi_id, public_hex, secret_hex,"
			 " created_ms) VALUES ($1, $2, $3, $4) RETURNING id", &p, &k->id,
			 "instansi key insert");
}

static int read_key(struct store *s, PGresult *r, int row, struct instansi_key *out, int with_secret)
{
	memset(out, 0, sizeof(*out));
	out->id = pg_int(r, row, 0);
	out->instansi_id = pg_int(r, row, 1);
	out->created_ms = pg_int(r, row, 4);
	out->retired_ms = PQgetisnull(r, row, 5) ? 0 : pg_int(r, row, 5);
	int rc = STORE_COPY(s, out->public_hex, pg_text(r, row, 2));
	if (!rc && with_secret)
		rc = STORE_COPY(s, out->secret_hex, pg_text(r, row, 3));
	return rc;
}

static int read_key_secret(struct pg_store *q, PGresult *r, void *out)
{
	return read_key(&q->base, r, 0, out, 1);
}

static int pg_instansi_key_current(struct store *s, int64_t instansi_id, struct instansi_key *out)
{
	struct pg_params p = { 0 };
	pp_int(&p, instansi_id);
	return pg_one(pg_downcast(s), "SELECT id, instansi_id, public_hex, secret_hex, created_ms,"
		      " retired_ms FROM instansi_keys WHERE instansi_id = $1 AND retired_ms IS NULL",
		      &p, read_key_secret, out, "instansi key", "the instansi has no signing key");
}

static int pg_instansi_key_list(struct store *s, int64_t instansi_id, struct instansi_key *out,
			 size_t max, size_t *n)
{
	struct pg_params p = { 0 };
	PGresult *r;
	pp_int(&p, instansi_id);
	pp_int(&p, (int64_t)max);
	int rc = pg_query(pg_downcast(s), "SELECT id, instansi_id, public_hex, '', created_ms, retired_ms"
			  " FROM instansi_keys WHERE instansi_id = $1 ORDER BY created_ms DESC, id DESC"
			  " LIMIT $2", &p, &r, "instansi keys");
	if (rc)
		return rc;
	*n = 0;
	int rows = PQntuples(r);
	for (int i = 0; i < rows && (size_t)i < max && !rc; i++) {
		rc = read_key(s, r, i, &out[i], 0);
		if (!rc)
			(*n)++;
	}
	PQclear(r);
	return rc;
}

const struct store_integrity_ops store_pg_integrity_ops = {
	.key_retire = pg_instansi_key_retire,
	.key_insert = pg_instansi_key_insert,
	.key_current = pg_instansi_key_current,
	.key_list = pg_instansi_key_list,
};
