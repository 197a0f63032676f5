/* CSV import of the pegawai registry (columns: docs/registry.md).
 *
 * Strict mode runs the whole file in one write transaction and rolls it back
 * when any row is bad, so a crash or kill -9 part way leaves the database as
 * it was. --partial commits every LIMIT_IMPORT_BATCH_ROWS rows and skips bad
 * rows. Every row is checked against the same rules as a form save
 * (registry_validate + registry_resolve + registry_write).
 *
 * Strict mode works in two passes inside its one transaction: the first
 * reads, validates and resolves every row in file order (creating missing
 * units, as before); the second writes the valid rows in NIP order. Random
 * NIPs would otherwise land all over the NIP-keyed indexes (pegawai has six,
 * the audit log one more), and a large file then thrashes the page cache;
 * in NIP order every index grows at a few hot leaves. Errors of both passes
 * are collected and reported in file line order at the end. The second
 * pass hands all rows to one store_pegawai_insert_many (SQLite: one
 * INSERT ... SELECT instead of a statement per row, about a quarter of the
 * import's CPU time); only the rows whose NIP already existed then go
 * through write_row one by one.
 *
 * Measured and not done (docs/benchmarks.md, registry import): dropping
 * pegawai's four secondary indexes inside the transaction and re-creating
 * them after the inserts saved at most 10 %, because rows already arrive
 * in NIP order (SQLite's CREATE INDEX scans the table once per index and
 * sorts); the golongan and jenis_jabatan indexes serve the
 * list filters (a rare golongan such as IV/e: 7 ms with, 3 s without on
 * 500,000 rows), so they stay.
 *
 * Audit: every transaction of an import appends one "import" record
 * (object pegawai/csv) with its counts; the employees it created are not
 * audited one by one but in that record, as their number, the first and
 * last NIP written and created_sha256, the SHA-256 of their canonical
 * records (reg_batch_add). Updates keep a record each (with the old
 * values), and so do units created on the fly. docs/registry.md explains
 * the trade-off; the chain itself (audit verify) is unchanged. */
#include "core/compat.h"
#include "app/registry.h"
#include "app/registry_int.h"
#include "app/audit.h"
#include "app/diff.h"
#include "core/csv.h"
#include "core/err.h"
#include "core/limits.h"
#include "core/radix_sort.h"
#include "core/row_feed.h"
#include "core/xalloc.h"
#include <strings.h>
#include <time.h>

enum col {
	C_NIP, C_NAMA, C_JENIS_ASN, C_GOLONGAN, C_JENIS_JABATAN, C_JENJANG, C_JABATAN,
	C_INSTANSI, C_UNIT, C_UNIT_NAMA, C_STATUS, C__COUNT
};

static const struct {
	const char *name;
	int required;
} columns[C__COUNT] = {
	[C_NIP] = { "nip", 1 },
	[C_NAMA] = { "nama", 1 },
	[C_JENIS_ASN] = { "jenis_asn", 1 },
	[C_GOLONGAN] = { "golongan", 1 },
	[C_JENIS_JABATAN] = { "jenis_jabatan", 1 },
	[C_JENJANG] = { "jenjang", 0 },
	[C_JABATAN] = { "jabatan", 1 },
	[C_INSTANSI] = { "instansi_kode", 1 },
	[C_UNIT] = { "unit_kode", 0 },
	[C_UNIT_NAMA] = { "unit_nama", 0 },
	[C_STATUS] = { "status", 0 },
};

/* A set of NIPs seen (18 digits fit in a uint64), open addressing. */
struct nipset {
	uint64_t *slot;
	size_t cap, n;
};

static uint64_t nip_key(const char *nip)
{
	uint64_t v = 0;
	for (int i = 0; i < 18; i++)
		v = v * 10 + (uint64_t)(nip[i] - '0');
	return v + 1; /* 0 marks an empty slot */
}

static size_t mix(uint64_t k, size_t cap)
{
	k ^= k >> 33;
	k *= 0xff51afd7ed558ccdULL;
	k ^= k >> 33;
	return (size_t)k & (cap - 1);
}

/* 1 when already present, else adds it. */
static int nipset_add(struct nipset *s, const char *nip)
{
	if (2 * (s->n + 1) > s->cap) {
		size_t ncap = s->cap ? s->cap * 2 : 4096;
		uint64_t *ns = xcalloc(ncap, sizeof(*ns));
		for (size_t i = 0; i < s->cap; i++)
			if (s->slot[i]) {
				size_t j = mix(s->slot[i], ncap);
				while (ns[j])
					j = (j + 1) & (ncap - 1);
				ns[j] = s->slot[i];
			}
		free(s->slot);
		s->slot = ns;
		s->cap = ncap;
	}
	uint64_t k = nip_key(nip);
	size_t j = mix(k, s->cap);
	while (s->slot[j]) {
		if (s->slot[j] == k)
			return 1;
		j = (j + 1) & (s->cap - 1);
	}
	s->slot[j] = k;
	s->n++;
	return 0;
}

/* Every (instansi, unit) place resolved during the import, by kode pair:
 * one store lookup per distinct place, and a stable index for the rows
 * that wait for the second pass. */
struct place_ent {
	char kode[32], ukode[32];
	struct reg_place pl;
};

struct places {
	struct place_ent *v;
	size_t n, cap;
	uint32_t *slot; /* index + 1; 0 is empty */
	size_t scap;
};

static size_t place_hash(const char *kode, const char *ukode, size_t cap)
{
	uint64_t h = 1469598103934665603ULL;
	for (const char *c = kode; *c; c++)
		h = (h ^ (unsigned char)*c) * 1099511628211ULL;
	h = (h ^ 0xff) * 1099511628211ULL;
	for (const char *c = ukode; *c; c++)
		h = (h ^ (unsigned char)*c) * 1099511628211ULL;
	return (size_t)(h ^ (h >> 29)) & (cap - 1);
}

/* The index of the place, or -1. */
static ssize_t places_find(const struct places *m, const char *kode, const char *ukode)
{
	if (!m->scap)
		return -1;
	for (size_t j = place_hash(kode, ukode, m->scap); m->slot[j]; j = (j + 1) & (m->scap - 1)) {
		const struct place_ent *e = &m->v[m->slot[j] - 1];
		if (!strcmp(e->kode, kode) && !strcmp(e->ukode, ukode))
			return (ssize_t)(m->slot[j] - 1);
	}
	return -1;
}

static size_t places_add(struct places *m, const char *kode, const char *ukode,
			 const struct reg_place *pl)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 64;
		m->v = xrealloc(m->v, m->cap * sizeof(*m->v));
	}
	struct place_ent *e = &m->v[m->n];
	snprintf(e->kode, sizeof(e->kode), "%s", kode);
	snprintf(e->ukode, sizeof(e->ukode), "%s", ukode);
	e->pl = *pl;
	m->n++;
	if (2 * m->n > m->scap) {
		free(m->slot);
		m->scap = m->scap ? m->scap * 2 : 256;
		m->slot = xcalloc(m->scap, sizeof(*m->slot));
		for (size_t i = 0; i < m->n; i++) {
			size_t j = place_hash(m->v[i].kode, m->v[i].ukode, m->scap);
			while (m->slot[j])
				j = (j + 1) & (m->scap - 1);
			m->slot[j] = (uint32_t)(i + 1);
		}
	} else {
		size_t j = place_hash(kode, ukode, m->scap);
		while (m->slot[j])
			j = (j + 1) & (m->scap - 1);
		m->slot[j] = (uint32_t)m->n;
	}
	return m->n - 1;
}

static void places_release(struct places *m)
{
	free(m->v);
	free(m->slot);
}

/* The strings of waiting rows and of deferred errors, in chunks that
 * never move. One buffer grown by realloc was copied again and again: with
 * the page faults of each new copy, a fifth of the first pass of a
 * 500,000-row import. */
enum { ARENA_CHUNK = 4 << 20 };

struct arena {
	char *cur;
	size_t left;
	char **chunk;
	size_t nchunk, cap;
};

/* n contiguous bytes. */
static char *arena_take(struct arena *a, size_t n)
{
	if (n > a->left) {
		size_t size = n > ARENA_CHUNK ? n : ARENA_CHUNK;
		if (a->nchunk == a->cap) {
			a->cap = a->cap ? a->cap * 2 : 16;
			a->chunk = xrealloc(a->chunk, st_mult(a->cap, sizeof(*a->chunk)));
		}
		a->cur = a->chunk[a->nchunk++] = xmalloc(size);
		a->left = size;
	}
	char *p = a->cur;
	a->cur += n;
	a->left -= n;
	return p;
}

static const char *arena_put(struct arena *a, const char *str)
{
	size_t n = strlen(str) + 1;
	return memcpy(arena_take(a, n), str, n);
}

static void arena_free(struct arena *a)
{
	for (size_t i = 0; i < a->nchunk; i++)
		free(a->chunk[i]);
	free(a->chunk);
	memset(a, 0, sizeof(*a));
}

/* A valid row waiting for the second pass: its strings are consecutive in
 * the arena from str (raw nip, nip, nama, jenis_asn, golongan,
 * jenis_jabatan, jenjang, jabatan, status). */
struct pending {
	uint64_t key;  /* nip_key: orders like the NIP; first, for radix_sort_u64 */
	int64_t line;
	size_t place;
	const char *str;
};
_Static_assert(offsetof(struct pending, key) == 0 && sizeof(struct pending) % 8 == 0,
	       "radix_sort_u64 sorts by a leading uint64_t");

/* A row whose instansi or unit was refused: kept only so that a later
 * line with its NIP is still named a duplicate; never written. */
#define NO_PLACE SIZE_MAX

struct pendings {
	struct pending *v;
	size_t n, cap;
};

/* Queue a row for the second pass. v is NULL for a NO_PLACE row, whose
 * only string is the raw NIP. */
static void pending_push(struct pendings *q, struct arena *a, int64_t line, size_t place,
			 const char *raw_nip, const struct pegawai *v, const char *nip)
{
	if (q->n == q->cap) {
		q->cap = q->cap ? q->cap * 2 : 4096;
		q->v = xrealloc(q->v, st_mult(q->cap, sizeof(*q->v)));
	}
	struct pending *pd = &q->v[q->n++];
	pd->key = nip_key(nip);
	pd->line = line;
	pd->place = place;
	const char *keep[] = { raw_nip, v ? v->nip : "", v ? v->nama : "",
			       v ? v->jenis_asn : "", v ? v->golongan : "",
			       v ? v->jenis_jabatan : "", v ? v->jenjang : "",
			       v ? v->jabatan : "", v ? v->status : "" };
	size_t len[ARRAY_SIZE(keep)], total = 0, nk = v ? ARRAY_SIZE(keep) : 1;
	for (size_t k = 0; k < nk; k++)
		total += len[k] = strlen(keep[k]) + 1;
	char *p = arena_take(a, total);
	pd->str = p;
	for (size_t k = 0; k < nk; k++) {
		memcpy(p, keep[k], len[k]);
		p += len[k];
	}
}

/* An error kept until the end of a strict import. */
struct deferred {
	int64_t line;
	size_t seq;    /* keeps the order of errors on one line */
	enum msg_id msg;
	const char *column, *value; /* in the arena */
};

static int deferred_cmp(const void *a, const void *b)
{
	const struct deferred *x = a, *y = b;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

struct run {
	struct store *s;
	const struct principal *p;
	const struct import_opts *o;
	struct import_stats *st;
	int64_t errors;
	int stop;
	/* strict mode: errors wait here and are reported in line order */
	int defer;
	struct deferred *dv;
	size_t dn, dcap;
	struct arena da;
	/* employees created in the open transaction */
	struct reg_batch batch;
	/* every place a row of this import points at */
	const struct places *pm;
};

static void report(struct run *r, int64_t line, const char *column, enum msg_id m,
		   const char *value)
{
	r->errors++;
	if (!r->o->on_error)
		return;
	if (r->defer) {
		if (r->dn >= LIMIT_IMPORT_ERRORS_HARD)
			return;
		if (r->dn == r->dcap) {
			r->dcap = r->dcap ? r->dcap * 2 : 256;
			r->dv = xrealloc(r->dv, r->dcap * sizeof(*r->dv));
		}
		struct deferred *d = &r->dv[r->dn];
		d->line = line;
		d->seq = r->dn;
		d->msg = m;
		d->column = arena_put(&r->da, column ? column : "");
		d->value = arena_put(&r->da, value ? value : "");
		r->dn++;
		return;
	}
	if (r->errors > LIMIT_IMPORT_ERRORS)
		return;
	struct import_error e = { line, column ? column : "", m, value ? value : "" };
	if (r->o->on_error(r->o->error_ctx, &e))
		r->stop = 1;
}

/* Report the deferred errors in line order (the first LIMIT_IMPORT_ERRORS
 * of them, as when reporting as they come). */
static void flush_errors(struct run *r)
{
	if (!r->dn)
		return;
	qsort(r->dv, r->dn, sizeof(*r->dv), deferred_cmp);
	for (size_t i = 0; i < r->dn && i < LIMIT_IMPORT_ERRORS; i++) {
		struct import_error e = { r->dv[i].line, r->dv[i].column, r->dv[i].msg,
					  r->dv[i].value };
		if (r->o->on_error(r->o->error_ctx, &e))
			break;
	}
	r->dn = 0;
}

static int today_yyyymm(void)
{
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	return (tm.tm_year + 1900) * 100 + tm.tm_mon + 1;
}

/* The record of one import transaction, appended just before it commits:
 * what it changed, and the rows read so far. Nothing changed, no record. */
static int summary_audit(struct run *r, int64_t created, int64_t updated, int64_t units)
{
	if (!created && !updated && !units)
		return 0;
	struct diff d;
	diff_init(&d);
	diff_int(&d, "rows", 0, r->st->rows);
	diff_int(&d, "created", 0, created);
	diff_int(&d, "updated", 0, updated);
	diff_int(&d, "unchanged", 0, r->st->unchanged);
	diff_int(&d, "units_created", 0, units);
	diff_int(&d, "bad", 0, r->st->bad);
	if (r->batch.n) {
		char hex[SHA256_HEX];
		reg_batch_hex(&r->batch, hex);
		diff_note(&d, "nip_first", r->batch.first);
		diff_note(&d, "nip_last", r->batch.last);
		diff_note(&d, "created_sha256", hex);
	}
	int rc = audit_append(r->s, r->p, "import", "pegawai", "csv", diff_json(&d));
	diff_release(&d);
	reg_batch_init(&r->batch);
	return rc;
}

/* Every row an import writes points at one of the places it resolved, so
 * finding those places still there, once per transaction, checks what a
 * foreign key would for each row; store_bulk_begin (the command line)
 * turns the per-row check off on SQLite, where it was 7 % of a
 * 500,000-row import. Nothing in the transaction deletes a place, and the
 * write lock keeps other writers out, so this holds until the commit. */
static int places_verify(struct run *r)
{
	for (size_t i = 0; i < r->pm->n; i++) {
		const struct reg_place *pl = &r->pm->v[i].pl;
		struct instansi in;
		struct unit_kerja u;
		int rc = store_instansi_get(r->s, pl->inst.id, &in);
		if (!rc && pl->unit.id) {
			rc = store_unit_get(r->s, pl->unit.id, &u);
			if (!rc && u.instansi_id != pl->inst.id)
				rc = APP_ECONSTRAINT;
		}
		if (rc)
			return rc;
	}
	return 0;
}

/* Everything a transaction of the import does just before it commits. */
static int before_commit(struct run *r, int64_t created, int64_t updated, int64_t units)
{
	int rc = places_verify(r);
	return rc ? rc : summary_audit(r, created, updated, units);
}

static const char *value_of(const struct csv_reader *cr, const int *map, enum col c)
{
	if (map[c] < 0)
		return "";
	size_t n;
	const char *v = csv_field(cr, (size_t)map[c], &n);
	return csv_unneutralise(v, &n); /* undo the exporter's apostrophe */
}

/* Write one valid row (registry_write) and count it. 0: written or
 * unchanged; 1: a bad row (reported); otherwise a store error (reported),
 * which ends the import. */
static int write_row(struct run *r, struct pegawai *v, const struct reg_place *pl,
		     int64_t line, const char *raw_nip)
{
	struct registry_save_result res;
	memset(&res, 0, sizeof(res));
	int rc = registry_write(r->s, r->p, v, pl, &res, &r->batch);
	if (rc == APP_EBLOCKED) {
		report(r, line, "nip", M_REG_BLOCKED_ROW, res.blokir_alasan);
		r->st->bad++;
		return 1;
	}
	if (rc == APP_EPERM || rc == APP_EINVAL) {
		for (int i = 0; i < res.fe.n; i++)
			report(r, line, res.fe.e[i].field, res.fe.e[i].msg, raw_nip);
		r->st->bad++;
		return 1;
	}
	if (rc) {
		report(r, line, "", M_IMP_STORE_ERROR, store_last_error(r->s));
		return rc;
	}
	r->st->ok++;
	if (res.created)
		r->st->created++;
	else if (res.changed)
		r->st->updated++;
	else
		r->st->unchanged++;
	return 0;
}

/* A waiting row back into v; *raw is the NIP as the file had it. */
static void pending_load(const struct pending *pd, struct pegawai *v, const char **raw)
{
	const char *f = pd->str;
	*raw = f;
	f += strlen(f) + 1;
	memset(v, 0, sizeof(*v));
	char *dst[] = { v->nip, v->nama, v->jenis_asn, v->golongan, v->jenis_jabatan,
			v->jenjang, v->jabatan, v->status };
	size_t cap[] = { sizeof(v->nip), sizeof(v->nama), sizeof(v->jenis_asn),
			 sizeof(v->golongan), sizeof(v->jenis_jabatan), sizeof(v->jenjang),
			 sizeof(v->jabatan), sizeof(v->status) };
	for (size_t k = 0; k < ARRAY_SIZE(dst); k++) {
		/* validated values fit (registry_validate copied them into
		 * the same fields before) */
		size_t fl = strlen(f), len = fl < cap[k] ? fl : cap[k] - 1;
		memcpy(dst[k], f, len);
		dst[k][len] = '\0';
		f += fl + 1;
	}
}

/* The rows of store_pegawai_insert_many, read from the arena in NIP order.
 * Each one also goes into the transaction's batch digest, on the guess
 * that it is new (the usual case); write_pending redoes the digest when
 * some NIPs existed. A row feed (core/row_feed.h) builds them on the other
 * core while SQLite inserts the ones before. */
struct bulk {
	const struct pending *pv;
	size_t n, next;
	int out_of_order;
	const struct places *pm;
	struct reg_batch *batch;
	struct row_feed *feed;
};

static void bulk_load(const struct bulk *b, size_t i, struct pegawai *out)
{
	const char *raw;
	/* the rows sit in the arena in file order: fetch ahead of the
	 * NIP-ordered walk (each row is a likely cache miss otherwise) */
	if (i + 8 < b->n)
		__builtin_prefetch(b->pv[i + 8].str);
	pending_load(&b->pv[i], out, &raw);
	const struct reg_place *pl = &b->pm->v[b->pv[i].place].pl;
	out->instansi_id = pl->inst.id;
	out->unit_id = pl->unit.id;
}

/* Row i, digested: called for 0, 1, ... in order (by the feed's thread,
 * or by bulk_row when there is no feed). */
static void bulk_fill(void *ctx, size_t i, void *slot)
{
	struct bulk *b = ctx;
	struct pegawai *out = slot;
	bulk_load(b, i, out);
	reg_batch_add(b->batch, out, &b->pm->v[b->pv[i].place].pl);
}

static void bulk_row(void *ctx, size_t i, struct pegawai *out)
{
	struct bulk *b = ctx;
	if (b->feed) {
		const struct pegawai *v = row_feed_get(b->feed, i);
		if (v) {
			/* every field a bulk insert takes comes before blokir
			 * (store.h: blokir and updated_ms are its own) */
			memcpy(out, v, offsetof(struct pegawai, blokir));
			return;
		}
		/* asked out of order: the feed's digest is void */
		b->out_of_order = 1;
		bulk_load(b, i, out);
		return;
	}
	if (i != b->next)
		b->out_of_order = 1;
	b->next = i + 1;
	bulk_fill(b, i, out);
}

/* Strict mode names a NIP given twice here, after the sort, rather than
 * through a hash set as each row is read (a cache miss per row, a seventh
 * of the first pass): equal NIPs are now neighbours, in line order since
 * the sort is stable. The first line keeps its row and every later one is
 * reported, as partial mode does; NO_PLACE rows take part, then go. */
static size_t drop_duplicates(struct run *r, struct pending *pv, size_t n)
{
	size_t out = 0;
	uint64_t prev = 0; /* no key is 0 (nip_key) */
	for (size_t i = 0; i < n; i++) {
		int dup = pv[i].key == prev;
		prev = pv[i].key;
		if (dup) {
			report(r, pv[i].line, "nip", M_REG_NIP_DUPLICATE, pv[i].str);
			r->st->bad++;
		} else if (pv[i].place != NO_PLACE) {
			pv[out++] = pv[i];
		}
	}
	return out;
}

/* Strict mode's second pass: the waiting rows in NIP order. The new NIPs
 * go in with one store_pegawai_insert_many; the rows whose NIP existed
 * then take write_row's path one by one (compare, update, audit), as
 * before. */
static int write_pending(struct run *r, struct pending *pv, size_t n,
			 const struct places *pm)
{
	radix_sort_u64(pv, n, sizeof(*pv));
	n = drop_duplicates(r, pv, n);
	if (!n || r->stop)
		return 0;
	unsigned char *ins = xmalloc(n);
	size_t count = 0;
	struct bulk b = { pv, n, 0, 0, pm, &r->batch, NULL };
	reg_batch_init(&r->batch); /* strict mode: nothing written before */
	b.feed = row_feed_start(n, sizeof(struct pegawai), bulk_fill, &b);
	int rc = store_pegawai_insert_many(r->s, n, bulk_row, &b, ins, &count);
	row_feed_finish(b.feed); /* the digest is whole only now */
	if (rc) {
		report(r, pv[0].line, "", M_IMP_STORE_ERROR, store_last_error(r->s));
		free(ins);
		return rc;
	}
	r->st->ok += (int64_t)count;
	r->st->created += (int64_t)count;
	if (count == n && !b.out_of_order) {
		free(ins);
		return 0;
	}
	reg_batch_init(&r->batch);
	struct pegawai v;
	for (size_t i = 0; i < n; i++) {
		const char *raw;
		const struct reg_place *pl = &pm->v[pv[i].place].pl;
		pending_load(&pv[i], &v, &raw);
		if (ins[i]) {
			reg_batch_add(&r->batch, &v, pl);
			continue;
		}
		rc = write_row(r, &v, pl, pv[i].line, raw);
		if (rc < 0)
			break;
		rc = 0;
	}
	free(ins);
	return rc;
}

int registry_import_csv(struct store *s, const struct principal *p, FILE *in,
			const struct import_opts *opts, struct import_stats *st)
{
	static const struct import_opts none;
	memset(st, 0, sizeof(*st));
	if (!opts)
		opts = &none;
	if (!principal_can(p, PERM_REGISTRY_WRITE))
		return APP_EPERM;
	struct run r = { s, p, opts, st, 0, 0 };
	reg_batch_init(&r.batch);
	struct csv_reader cr;
	csv_reader_init_file(&cr, in);
	int today = today_yyyymm();
	int rc = 0;

	/* header */
	int map[C__COUNT];
	for (int c = 0; c < C__COUNT; c++)
		map[c] = -1;
	int hrc = csv_read_row(&cr);
	if (hrc == CSV_EOF) {
		report(&r, 1, "", M_IMP_EMPTY, "");
		csv_reader_release(&cr);
		return APP_EINVAL;
	}
	if (hrc != CSV_ROW) {
		report(&r, cr.err_line, "", (enum msg_id)cr.err_msg, "");
		csv_reader_release(&cr);
		return APP_EINVAL;
	}
	size_t nhead = csv_nfields(&cr);
	int header_bad = 0;
	for (size_t i = 0; i < nhead; i++) {
		char name[64];
		reg_trim_copy(name, sizeof(name), csv_field(&cr, i, NULL));
		int found = -1;
		for (int c = 0; c < C__COUNT; c++)
			if (!strcasecmp(name, columns[c].name))
				found = c;
		if (found < 0) {
			report(&r, cr.row_line, name, M_IMP_HEADER_UNKNOWN, name);
			header_bad = 1;
		} else if (map[found] >= 0) {
			report(&r, cr.row_line, name, M_IMP_HEADER_DUPLICATE, name);
			header_bad = 1;
		} else {
			map[found] = (int)i;
		}
	}
	for (int c = 0; c < C__COUNT; c++)
		if (columns[c].required && map[c] < 0) {
			report(&r, 1, columns[c].name, M_IMP_HEADER_MISSING, columns[c].name);
			header_bad = 1;
		}
	if (header_bad) {
		csv_reader_release(&cr);
		return APP_EINVAL;
	}

	struct nipset seen = { 0 };
	struct places pm = { 0 };
	r.pm = &pm;
	struct arena pa = { 0 };
	struct pendings pq = { 0 };
	r.defer = !opts->partial;
	int64_t batch = 0, total_created = 0, total_updated = 0, total_units = 0;
	int fatal = 0;
	rc = store_tx_begin(s, STORE_TX_WRITE);
	if (rc)
		goto out;
	int in_tx = 1;
	for (;;) {
		if (r.stop) {
			fatal = 1;
			break;
		}
		int c = csv_read_row(&cr);
		if (c == CSV_EOF)
			break;
		if (c == CSV_FATAL) {
			report(&r, cr.err_line, "", (enum msg_id)cr.err_msg, "");
			st->bad++;
			fatal = 1;
			break;
		}
		st->rows++;
		if (st->rows > LIMIT_IMPORT_ROWS) {
			report(&r, cr.row_line, "", M_IMP_TOO_MANY_ROWS, "");
			fatal = 1;
			break;
		}
		if (opts->progress && (st->rows & 4095) == 0)
			opts->progress(opts->progress_ctx, st->rows, cr.bytes);
		if (c == CSV_BAD_ROW) {
			report(&r, cr.err_line, "", (enum msg_id)cr.err_msg, "");
			st->bad++;
			continue;
		}
		int64_t line = cr.row_line;
		if (csv_nfields(&cr) != nhead) {
			report(&r, line, "", M_IMP_FIELD_COUNT, "");
			st->bad++;
			continue;
		}
		struct pegawai_input pin = {
			.nip = value_of(&cr, map, C_NIP),
			.nama = value_of(&cr, map, C_NAMA),
			.jenis_asn = value_of(&cr, map, C_JENIS_ASN),
			.golongan = value_of(&cr, map, C_GOLONGAN),
			.jenis_jabatan = value_of(&cr, map, C_JENIS_JABATAN),
			.jenjang = value_of(&cr, map, C_JENJANG),
			.jabatan = value_of(&cr, map, C_JABATAN),
			.instansi_kode = value_of(&cr, map, C_INSTANSI),
			.unit_kode = value_of(&cr, map, C_UNIT),
			.unit_nama = value_of(&cr, map, C_UNIT_NAMA),
			.status = value_of(&cr, map, C_STATUS),
		};
		struct pegawai v;
		struct registry_save_result res;
		memset(&v, 0, sizeof(v));
		memset(&res, 0, sizeof(res));
		if (registry_validate(&pin, today, &v, &res.fe)) {
			for (int i = 0; i < res.fe.n; i++) {
				const char *f = res.fe.e[i].field;
				int ci = -1;
				for (int k = 0; k < C__COUNT; k++)
					if (!strcmp(columns[k].name, f))
						ci = k;
				report(&r, line, f, res.fe.e[i].msg,
				       ci >= 0 ? value_of(&cr, map, (enum col)ci) : "");
			}
			st->bad++;
			continue;
		}
		if (opts->partial && nipset_add(&seen, v.nip)) {
			report(&r, line, "nip", M_REG_NIP_DUPLICATE, pin.nip);
			st->bad++;
			continue;
		}
		char kode[32], ukode[32];
		reg_trim_copy(kode, sizeof(kode), pin.instansi_kode);
		reg_trim_copy(ukode, sizeof(ukode), pin.unit_kode);
		ssize_t place = places_find(&pm, kode, ukode);
		if (place < 0) {
			struct reg_place pl;
			int created_unit = 0;
			rc = registry_resolve(s, p, &pin, 1, &pl, &res.fe, &created_unit);
			if (rc == APP_EINVAL) {
				for (int i = 0; i < res.fe.n; i++)
					report(&r, line, res.fe.e[i].field, res.fe.e[i].msg,
					       !strcmp(res.fe.e[i].field, "instansi_kode") ? kode : ukode);
				st->bad++;
				rc = 0;
				if (!opts->partial)
					pending_push(&pq, &pa, line, NO_PLACE, pin.nip, NULL, v.nip);
				continue;
			}
			if (rc) {
				report(&r, line, "", M_IMP_STORE_ERROR, store_last_error(s));
				fatal = 1;
				break;
			}
			st->units_created += created_unit;
			place = (ssize_t)places_add(&pm, kode, ukode, &pl);
		}
		if (!opts->partial) {
			/* strict: written in NIP order after the last row */
			pending_push(&pq, &pa, line, (size_t)place, pin.nip, &v, v.nip);
			continue;
		}
		rc = write_row(&r, &v, &pm.v[place].pl, line, pin.nip);
		if (rc > 0) {
			rc = 0;
			continue;
		}
		if (rc) {
			fatal = 1;
			break;
		}
		if (++batch >= LIMIT_IMPORT_BATCH_ROWS) {
			rc = before_commit(&r, st->created - total_created,
					   st->updated - total_updated,
					   st->units_created - total_units);
			if (rc) {
				report(&r, line, "", M_IMP_STORE_ERROR, store_last_error(s));
				fatal = 1;
				break;
			}
			rc = store_tx_commit(s);
			in_tx = 0;
			if (rc) {
				fatal = 1;
				break;
			}
			total_created = st->created;
			total_updated = st->updated;
			total_units = st->units_created;
			batch = 0;
			rc = store_tx_begin(s, STORE_TX_WRITE);
			if (rc) {
				fatal = 1;
				break;
			}
			in_tx = 1;
		}
	}
	if (opts->progress)
		opts->progress(opts->progress_ctx, st->rows, cr.bytes);

	if (!opts->partial) {
		/* pass two, unless the import already failed for good */
		if (!fatal && !r.stop) {
			rc = write_pending(&r, pq.v, pq.n, &pm);
			if (rc)
				fatal = 1;
		}
		if (fatal || st->bad) {
			if (in_tx)
				store_tx_rollback(s);
			st->created = st->updated = st->unchanged = st->units_created = 0;
			if (!rc)
				rc = APP_EINVAL;
			goto out;
		}
		rc = before_commit(&r, st->created, st->updated, st->units_created);
		if (rc) {
			store_tx_rollback(s);
			goto out;
		}
		rc = store_tx_commit(s);
		st->committed = rc == 0;
		goto out;
	}
	/* partial */
	if (fatal) {
		if (in_tx)
			store_tx_rollback(s);
		st->created = total_created;
		st->updated = total_updated;
		st->units_created = total_units;
		st->committed = total_created || total_updated;
		if (!rc)
			rc = APP_EINVAL;
		goto out;
	}
	rc = before_commit(&r, st->created - total_created, st->updated - total_updated,
			   st->units_created - total_units);
	if (rc) {
		store_tx_rollback(s);
		goto out;
	}
	rc = store_tx_commit(s);
	st->committed = rc == 0;
out:
	flush_errors(&r);
	free(r.dv);
	arena_free(&r.da);
	free(pq.v);
	arena_free(&pa);
	places_release(&pm);
	free(seen.slot);
	csv_reader_release(&cr);
	return rc;
}
