/* Scoped reads of the audit chain for the web pages and the API. */
#include "core/compat.h"
#include "core/err.h"
#include "core/xalloc.h"
#include "app/audit.h"
#include "app/audit_view.h"
#include "app/registry.h"

/* National scope: "/" (the CLI operator) or the root instansi "/N/". */
static int national(const struct principal *p)
{
	const char *s = p->scope_path;
	if (s[0] != '/')
		return 0;
	const char *second = strchr(s + 1, '/');
	return s[1] == '\0' || (second && second[1] == '\0');
}

/* The whole chain names actors and objects of every instansi: reading it
 * needs PERM_AUDIT_READ at national scope. */
static int may_read_chain(const struct principal *p)
{
	return principal_can(p, PERM_AUDIT_READ) && national(p);
}

int audit_view_allowed(const struct principal *p)
{
	return may_read_chain(p);
}

int audit_view_head(struct store *s, const struct principal *p, int64_t *seq, char hash[65])
{
	if (!may_read_chain(p))
		return APP_EPERM;
	int rc = store_tx_begin(s, STORE_TX_READ);
	if (rc)
		return rc;
	rc = store_audit_head(s, seq, hash);
	store_tx_rollback(s);
	return rc;
}

struct collect {
	struct audit_rec *v;
	char **diffs;
	size_t n, cap;
};

static int collect_cb(void *ctx, const struct audit_rec *r)
{
	struct collect *c = ctx;
	if (c->n == c->cap)
		return 1;
	c->v[c->n] = *r;
	c->diffs[c->n] = r->diff ? xstrdup(r->diff) : NULL;
	c->v[c->n].diff = c->diffs[c->n];
	c->n++;
	return 0;
}

int audit_view_page(struct store *s, const struct principal *p, int64_t before_seq, int limit,
		    int (*cb)(void *ctx, const struct audit_rec *), void *ctx)
{
	if (!may_read_chain(p))
		return APP_EPERM;
	if (limit <= 0 || limit > 500)
		limit = 50;
	int rc = store_tx_begin(s, STORE_TX_READ);
	if (rc)
		return rc;
	int64_t head;
	char hash[65];
	rc = store_audit_head(s, &head, hash);
	if (rc)
		goto out;
	if (before_seq <= 0 || before_seq > head + 1)
		before_seq = head + 1;
	int64_t from = before_seq - limit;
	if (from < 1)
		from = 1;
	struct collect c = { xcalloc((size_t)limit, sizeof(struct audit_rec)),
			     xcalloc((size_t)limit, sizeof(char *)), 0, (size_t)(before_seq - from) };
	if (c.cap > (size_t)limit)
		c.cap = (size_t)limit;
	if (c.cap)
		rc = store_audit_list(s, from, (int)c.cap, collect_cb, &c);
	if (rc == 1)
		rc = 0;
	for (size_t i = c.n; i-- > 0 && rc == 0;)
		rc = cb(ctx, &c.v[i]);
	for (size_t i = 0; i < c.n; i++)
		free(c.diffs[i]);
	free(c.v);
	free(c.diffs);
out:
	store_tx_rollback(s);
	return rc;
}

int audit_view_pegawai(struct store *s, const struct principal *p, const char *nip, int limit,
		       int (*cb)(void *ctx, const struct audit_rec *), void *ctx)
{
	struct pegawai pg;
	int rc = registry_get(s, p, nip, &pg);
	if (rc)
		return rc;
	rc = store_tx_begin(s, STORE_TX_READ);
	if (rc)
		return rc;
	rc = store_audit_list_object(s, "pegawai", pg.nip, limit, cb, ctx);
	store_tx_rollback(s);
	return rc;
}

int audit_view_verify(struct store *s, const struct principal *p, struct audit_verify_result *r)
{
	if (!principal_can(p, PERM_AUDIT_READ))
		return APP_EPERM;
	return audit_verify(s, r);
}
