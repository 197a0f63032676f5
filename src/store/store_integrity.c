/* Dispatch of the integrity area (instansi signing keys) through its
 * sub-table, struct store_integrity_ops. Each area of the store keeps its
 * operations in a sub-table of its own so a new area adds files, not lines
 * to the shared tables. */
#include "core/compat.h"
#include "store/store_int.h"
#include "core/err.h"

/* ---- integrity: instansi signing keys ---- */

int store_instansi_key_insert(struct store *s, struct instansi_key *k)
{
	int rc = store_check_write(s);
	if (rc)
		return rc;
	if (!k->created_ms)
		k->created_ms = store_now_ms();
	k->retired_ms = 0;
	rc = s->ops->integrity->key_retire(s, k->instansi_id, k->created_ms);
	if (!rc)
		rc = s->ops->integrity->key_insert(s, k);
	return store_note(s, rc);
}

int store_instansi_key_current(struct store *s, int64_t instansi_id, struct instansi_key *out)
{
	int rc = store_check_use(s);
	if (rc)
		return rc;
	return store_note(s, s->ops->integrity->key_current(s, instansi_id, out));
}

int store_instansi_key_list(struct store *s, int64_t instansi_id, struct instansi_key *out,
			    size_t max, size_t *n)
{
	int rc = store_check_use(s);
	*n = 0;
	if (rc)
		return rc;
	return store_note(s, s->ops->integrity->key_list(s, instansi_id, out, max, n));
}
