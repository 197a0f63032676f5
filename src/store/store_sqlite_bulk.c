/* SQLite backend: store_pegawai_insert_many, the bulk insert of an import.
 *
 * Why: one single-row INSERT per employee pays, for every row, a statement
 * start and halt (sqlite3VdbeHalt alone was 7 % of a 500,000-row import),
 * re-opens a cursor on each of pegawai's six B-trees and on the two
 * foreign-key parents, and every index insert descends from the root. One
 * INSERT ... SELECT over all the rows keeps the cursors open, and SQLite
 * then appends NIP-ordered rows to the hot leaf without a descent
 * (docs/benchmarks.md, registry import, has the figures).
 *
 * The rows come from the caller's callback through an eponymous virtual
 * table, wasdal_pegawai_rows(?1), whose only argument is a pointer bound
 * with sqlite3_bind_pointer: SQL text cannot name or forge it (the pointer
 * type is checked), and the module is registered on this connection only.
 * ON CONFLICT (nip) DO NOTHING skips an existing NIP exactly as
 * store_pegawai_insert does. When fewer rows were written than given, the
 * rows added (ids above the largest id before the insert, in insertion
 * order, which is the order of the rows) tell which ones.
 *
 * The statement is compiled without pegawai's CHECK constraints. Its rows
 * passed registry_validate, which is stricter (exact value sets, a NIP
 * whose dates are real), and evaluating the checks again was about a
 * tenth of the insert's time. ignore_check_constraints is read when a
 * statement is prepared, and setting it expires every prepared statement
 * of the connection, so each one is compiled again, with its checks, when
 * it next runs: only this statement, only during this call, goes without.
 * Foreign keys, NOT NULL and UNIQUE are still enforced, and
 * tests/e2e/t_registry_cli.sh runs PRAGMA integrity_check, which
 * re-verifies every CHECK of every row, after its bulk import. */
#include "core/compat.h"
#include "store/store_sqlite_int.h"
#include "core/err.h"
#include "core/xalloc.h"

#define ROWS_PTR_TYPE "wasdal_pegawai_rows"

struct rows_src {
	size_t n;
	store_pegawai_row_fn row;
	void *ctx;
	char (*nips)[19]; /* each row's NIP, to tell the written ones afterwards */
};

enum {
	RC_NIP, RC_NAMA, RC_NAMA_LOWER, RC_JENIS_ASN, RC_GOLONGAN, RC_JENIS_JABATAN, RC_JENJANG,
	RC_JABATAN, RC_INSTANSI, RC_UNIT, RC_STATUS, RC_SRC
};

struct rows_cursor {
	sqlite3_vtab_cursor base;
	struct rows_src *src;
	size_t i;
	struct pegawai cur;
	char lower[sizeof(((struct pegawai *)0)->nama)];
};

static void rows_load(struct rows_cursor *c)
{
	if (!c->src || c->i >= c->src->n)
		return;
	memset(&c->cur, 0, sizeof(c->cur));
	c->src->row(c->src->ctx, c->i, &c->cur);
	store_lower(c->lower, sizeof(c->lower), c->cur.nama);
	memcpy(c->src->nips[c->i], c->cur.nip, sizeof(c->src->nips[c->i]));
	c->src->nips[c->i][18] = '\0';
}

static int rows_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
			sqlite3_vtab **out, char **err)
{
	(void)aux;
	(void)argc;
	(void)argv;
	(void)err;
	int rc = sqlite3_declare_vtab(db, "CREATE TABLE x(nip, nama, nama_lower, jenis_asn,"
				      " golongan, jenis_jabatan, jenjang, jabatan, instansi_id,"
				      " unit_id, status, src HIDDEN)");
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_vtab *v = sqlite3_malloc(sizeof(*v));
	if (!v)
		return SQLITE_NOMEM;
	memset(v, 0, sizeof(*v));
	*out = v;
	return SQLITE_OK;
}

static int rows_disconnect(sqlite3_vtab *v)
{
	sqlite3_free(v);
	return SQLITE_OK;
}

/* Only usable with its pointer argument: src = ?1. */
static int rows_best_index(sqlite3_vtab *v, sqlite3_index_info *ii)
{
	(void)v;
	for (int i = 0; i < ii->nConstraint; i++) {
		const struct sqlite3_index_constraint *c = &ii->aConstraint[i];
		if (c->iColumn != RC_SRC || c->op != SQLITE_INDEX_CONSTRAINT_EQ)
			continue;
		if (!c->usable)
			return SQLITE_CONSTRAINT;
		ii->aConstraintUsage[i].argvIndex = 1;
		ii->aConstraintUsage[i].omit = 1;
		ii->estimatedCost = 1;
		return SQLITE_OK;
	}
	return SQLITE_CONSTRAINT;
}

static int rows_open(sqlite3_vtab *v, sqlite3_vtab_cursor **out)
{
	(void)v;
	struct rows_cursor *c = sqlite3_malloc(sizeof(*c));
	if (!c)
		return SQLITE_NOMEM;
	memset(c, 0, sizeof(*c));
	*out = &c->base;
	return SQLITE_OK;
}

static int rows_close(sqlite3_vtab_cursor *cur)
{
	sqlite3_free(cur);
	return SQLITE_OK;
}

static int rows_filter(sqlite3_vtab_cursor *cur, int idx, const char *idx_str, int argc,
		       sqlite3_value **argv)
{
	(void)idx;
	(void)idx_str;
	struct rows_cursor *c = (struct rows_cursor *)cur;
	c->src = argc == 1 ? sqlite3_value_pointer(argv[0], ROWS_PTR_TYPE) : NULL;
	c->i = 0;
	rows_load(c);
	return SQLITE_OK;
}

static int rows_next(sqlite3_vtab_cursor *cur)
{
	struct rows_cursor *c = (struct rows_cursor *)cur;
	c->i++;
	rows_load(c);
	return SQLITE_OK;
}

static int rows_eof(sqlite3_vtab_cursor *cur)
{
	const struct rows_cursor *c = (const struct rows_cursor *)cur;
	return !c->src || c->i >= c->src->n;
}

static void text(sqlite3_context *cx, const char *v)
{
	/* copied: the row buffer changes at the next row */
	sqlite3_result_text(cx, v, -1, SQLITE_TRANSIENT);
}

static int rows_column(sqlite3_vtab_cursor *cur, sqlite3_context *cx, int col)
{
	const struct rows_cursor *c = (const struct rows_cursor *)cur;
	const struct pegawai *p = &c->cur;
	switch (col) {
	case RC_NIP: text(cx, p->nip); break;
	case RC_NAMA: text(cx, p->nama); break;
	case RC_NAMA_LOWER: text(cx, c->lower); break;
	case RC_JENIS_ASN: text(cx, p->jenis_asn); break;
	case RC_GOLONGAN: text(cx, p->golongan); break;
	case RC_JENIS_JABATAN: text(cx, p->jenis_jabatan); break;
	case RC_JENJANG: text(cx, p->jenjang); break;
	case RC_JABATAN: text(cx, p->jabatan); break;
	case RC_INSTANSI: sqlite3_result_int64(cx, p->instansi_id); break;
	case RC_UNIT:
		if (p->unit_id)
			sqlite3_result_int64(cx, p->unit_id);
		else
			sqlite3_result_null(cx);
		break;
	case RC_STATUS: text(cx, p->status); break;
	default: sqlite3_result_null(cx); break;
	}
	return SQLITE_OK;
}

static int rows_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *out)
{
	*out = (sqlite3_int64)((const struct rows_cursor *)cur)->i;
	return SQLITE_OK;
}

static const sqlite3_module rows_module = {
	.iVersion = 0,
	.xConnect = rows_connect, /* no xCreate: eponymous only */
	.xBestIndex = rows_best_index,
	.xDisconnect = rows_disconnect,
	.xOpen = rows_open,
	.xClose = rows_close,
	.xFilter = rows_filter,
	.xNext = rows_next,
	.xEof = rows_eof,
	.xColumn = rows_column,
	.xRowid = rows_rowid,
};

static int ensure_module(struct sq_store *q)
{
	if (q->rows_module)
		return 0;
	int rc = sqlite3_create_module_v2(q->db, ROWS_PTR_TYPE, &rows_module, NULL, NULL);
	if (rc != SQLITE_OK)
		return sq_err(q, rc, "bulk module");
	q->rows_module = 1;
	return 0;
}

static int max_id(struct sq_store *q, int64_t *out)
{
	sqlite3_stmt *st;
	int rc = sq_prep(q, "SELECT coalesce(max(id), 0) FROM pegawai", &st);
	if (rc)
		return rc;
	rc = sq_step(q, st, "pegawai max id");
	if (rc == 1) {
		*out = sqlite3_column_int64(st, 0);
		rc = 0;
	} else if (rc == 0) {
		rc = store_fail(&q->base, APP_EINTERNAL, "pegawai max id: no row");
	}
	sq_done(q, st);
	return rc;
}

/* Some NIPs existed: mark the rows written, the ones added after `before`
 * (in insertion order, a subsequence of the rows' order). */
static int mark_written(struct sq_store *q, const struct rows_src *src, int64_t before,
			unsigned char *inserted, size_t count)
{
	sqlite3_stmt *st;
	int rc = sq_prep(q, "SELECT nip FROM pegawai WHERE id > ?1 ORDER BY id", &st);
	if (rc)
		return rc;
	sq_bind_int(st, 1, before);
	size_t j = 0, seen = 0;
	while ((rc = sq_step(q, st, "pegawai bulk rows")) == 1) {
		const char *nip = sq_col_text(st, 0);
		while (j < src->n && strcmp(src->nips[j], nip))
			j++;
		if (j == src->n)
			break;
		inserted[j++] = 1;
		seen++;
	}
	sq_done(q, st);
	if (rc < 0)
		return rc;
	if (seen != count)
		return store_fail(&q->base, APP_EINTERNAL, "pegawai bulk insert: %zu rows of %zu found",
				  seen, count);
	return 0;
}

int sq_pegawai_insert_many(struct store *s, size_t n, store_pegawai_row_fn row, void *ctx,
			   unsigned char *inserted, size_t *count)
{
	struct sq_store *q = sq_downcast(s);
	int64_t before = 0;
	int rc = ensure_module(q);
	if (!rc)
		rc = max_id(q, &before);
	if (rc)
		return rc;
	struct rows_src src = { n, row, ctx, xcalloc(n, sizeof(*src.nips)) };
	sqlite3_stmt *st;
	/* on failure the statement simply keeps its checks */
	(void)sq_pragma(q, "PRAGMA ignore_check_constraints = ON");
	/* WHERE true: without it "ON CONFLICT" would parse as a join's ON */
	rc = sq_prep(q,
		"INSERT INTO pegawai (nip, nama, nama_lower, jenis_asn, golongan, jenis_jabatan,"
		" jenjang, jabatan, instansi_id, unit_id, status, blokir, blokir_alasan, updated_ms)"
		" SELECT nip, nama, nama_lower, jenis_asn, golongan, jenis_jabatan, jenjang, jabatan,"
		" instansi_id, unit_id, status, 0, '', ?2 FROM " ROWS_PTR_TYPE "(?1) WHERE true"
		" ON CONFLICT (nip) DO NOTHING", &st);
	if (!rc) {
		sqlite3_bind_pointer(st, 1, &src, ROWS_PTR_TYPE, NULL);
		sq_bind_int(st, 2, store_now_ms());
		rc = sq_exec(q, st, "pegawai bulk insert");
		*count = (size_t)sqlite3_changes64(q->db);
		sq_done(q, st);
	}
	int off = sq_pragma(q, "PRAGMA ignore_check_constraints = OFF");
	if (!rc)
		rc = off; /* never leave the connection without its checks */
	if (!rc) {
		if (*count == n)
			memset(inserted, 1, n);
		else if (*count)
			rc = mark_written(q, &src, before, inserted, *count);
	}
	free(src.nips);
	return rc;
}
