/* CSV import of the pegawai registry (columns: docs/registry.md).
 *
 * Strict mode runs the whole file in one write transaction and rolls it back
 * when any row is bad, so a crash or kill -9 part way leaves the database as
 * it was. --partial commits every LIMIT_IMPORT_BATCH_ROWS rows and skips bad
 * rows. Every row is checked against the same rules as a form save
 * (registry_validate + registry_resolve + registry_write). */
#include "core/compat.h"
#include "app/registry.h"
#include "app/registry_int.h"
#include "app/audit.h"
#include "app/diff.h"
#include "core/csv.h"
#include "core/err.h"
#include "core/limits.h"
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

/* The last few resolved (instansi, unit) places: files are usually sorted
 * by instansi, so this saves two lookups per row. */
#define PLACE_CACHE 64
struct place_cache {
	struct {
		char kode[32], ukode[32];
		struct reg_place pl;
	} e[PLACE_CACHE];
	size_t n, next;
};

static const struct reg_place *cache_find(struct place_cache *c, const char *kode,
					  const char *ukode)
{
	for (size_t i = 0; i < c->n; i++)
		if (!strcmp(c->e[i].kode, kode) && !strcmp(c->e[i].ukode, ukode))
			return &c->e[i].pl;
	return NULL;
}

static void cache_put(struct place_cache *c, const char *kode, const char *ukode,
		      const struct reg_place *pl)
{
	size_t i = c->next;
	c->next = (c->next + 1) % PLACE_CACHE;
	if (c->n < PLACE_CACHE)
		c->n++;
	snprintf(c->e[i].kode, sizeof(c->e[i].kode), "%s", kode);
	snprintf(c->e[i].ukode, sizeof(c->e[i].ukode), "%s", ukode);
	c->e[i].pl = *pl;
}

struct run {
	struct store *s;
	const struct principal *p;
	const struct import_opts *o;
	struct import_stats *st;
	int64_t errors;
	int stop;
};

static void report(struct run *r, int64_t line, const char *column, enum msg_id m,
		   const char *value)
{
	r->errors++;
	if (!r->o->on_error || r->errors > LIMIT_IMPORT_ERRORS)
		return;
	struct import_error e = { line, column ? column : "", m, value ? value : "" };
	if (r->o->on_error(r->o->error_ctx, &e))
		r->stop = 1;
}

static int today_yyyymm(void)
{
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	return (tm.tm_year + 1900) * 100 + tm.tm_mon + 1;
}

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
	int rc = audit_append(r->s, r->p, "import", "pegawai", "csv", diff_json(&d));
	diff_release(&d);
	return rc;
}

static const char *value_of(const struct csv_reader *cr, const int *map, enum col c)
{
	if (map[c] < 0)
		return "";
	size_t n;
	const char *v = csv_field(cr, (size_t)map[c], &n);
	return csv_unneutralise(v, &n); /* undo the exporter's apostrophe */
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
	struct place_cache *cache = xcalloc(1, sizeof(*cache));
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
		if (nipset_add(&seen, v.nip)) {
			report(&r, line, "nip", M_REG_NIP_DUPLICATE, pin.nip);
			st->bad++;
			continue;
		}
		char kode[32], ukode[32];
		reg_trim_copy(kode, sizeof(kode), pin.instansi_kode);
		reg_trim_copy(ukode, sizeof(ukode), pin.unit_kode);
		struct reg_place pl;
		const struct reg_place *hit = cache_find(cache, kode, ukode);
		if (hit) {
			pl = *hit;
		} else {
			int created_unit = 0;
			rc = registry_resolve(s, p, &pin, 1, &pl, &res.fe, &created_unit);
			if (rc == APP_EINVAL) {
				for (int i = 0; i < res.fe.n; i++)
					report(&r, line, res.fe.e[i].field, res.fe.e[i].msg,
					       !strcmp(res.fe.e[i].field, "instansi_kode") ? kode : ukode);
				st->bad++;
				rc = 0;
				continue;
			}
			if (rc) {
				report(&r, line, "", M_IMP_STORE_ERROR, store_last_error(s));
				fatal = 1;
				break;
			}
			st->units_created += created_unit;
			cache_put(cache, kode, ukode, &pl);
		}
		rc = registry_write(s, p, &v, &pl, &res);
		if (rc == APP_EBLOCKED) {
			report(&r, line, "nip", M_REG_BLOCKED_ROW, res.blokir_alasan);
			st->bad++;
			rc = 0;
			continue;
		}
		if (rc == APP_EPERM || rc == APP_EINVAL) {
			for (int i = 0; i < res.fe.n; i++)
				report(&r, line, res.fe.e[i].field, res.fe.e[i].msg, pin.nip);
			st->bad++;
			rc = 0;
			continue;
		}
		if (rc) {
			report(&r, line, "", M_IMP_STORE_ERROR, store_last_error(s));
			fatal = 1;
			break;
		}
		st->ok++;
		if (res.created)
			st->created++;
		else if (res.changed)
			st->updated++;
		else
			st->unchanged++;
		if (opts->partial && ++batch >= LIMIT_IMPORT_BATCH_ROWS) {
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
		if (fatal || st->bad) {
			if (in_tx)
				store_tx_rollback(s);
			st->created = st->updated = st->unchanged = st->units_created = 0;
			if (!rc)
				rc = APP_EINVAL;
			goto out;
		}
		rc = summary_audit(&r, st->created, st->updated, st->units_created);
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
	rc = summary_audit(&r, st->created, st->updated, st->units_created);
	if (rc) {
		store_tx_rollback(s);
		goto out;
	}
	rc = store_tx_commit(s);
	st->committed = rc == 0;
out:
	free(seen.slot);
	free(cache);
	csv_reader_release(&cr);
	return rc;
}
