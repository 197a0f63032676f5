/* Dashboard numbers (see statistik.h): store counts -> labelled rows. */
#include "core/compat.h"
#include "app/statistik.h"
#include "app/workflow.h"
#include "core/csv_table.h"
#include "core/date.h"
#include "core/embedded.h"
#include "core/err.h"
#include "core/log.h"
#include "core/xalloc.h"
#include "store/store_statistik.h"
#include <pthread.h>

const char *const statistik_tingkat[STAT_TINGKAT_N] = { "moral", "ringan", "sedang", "berat", "ptdh" };

/* ---- reference data, loaded once per process ---- */

struct pl_ref {
	char kode[16];
	char kelas[16];
	char uraian[200];
};

static struct workflow ref_wf;
static int ref_wf_ok;
static struct pl_ref *ref_pl;
static size_t ref_npl;
static pthread_once_t ref_once = PTHREAD_ONCE_INIT;

static void load_refs(void)
{
	struct load_error err;
	char problem[200];
	workflow_init(&ref_wf);
	ref_wf_ok = workflow_load_default(&ref_wf, &err, problem, sizeof(problem)) == 0;
	if (!ref_wf_ok)
		log_error("statistik: the embedded workflow does not load (line %lld)",
			  (long long)err.line);
	const struct embedded_file *f = embedded_find("data/netralitas/pelanggaran.csv");
	static const char *const req[] = { "kode", "kelas", "uraian", NULL };
	struct csv_table t;
	if (!f || csv_table_open_mem(&t, f->data, f->len, req, &err)) {
		log_error("statistik: data/netralitas/pelanggaran.csv does not load");
		return;
	}
	size_t cap = 0;
	while (csv_table_next(&t, &err) == 1) {
		if (ref_npl == cap) {
			cap = cap ? cap * 2 : 32;
			ref_pl = xrealloc(ref_pl, st_mult(cap, sizeof(*ref_pl)));
		}
		struct pl_ref *r = &ref_pl[ref_npl++];
		snprintf(r->kode, sizeof(r->kode), "%s", csv_table_get(&t, "kode"));
		snprintf(r->kelas, sizeof(r->kelas), "%s", csv_table_get(&t, "kelas"));
		snprintf(r->uraian, sizeof(r->uraian), "%s", csv_table_get(&t, "uraian"));
	}
	csv_table_close(&t);
}

static const struct pl_ref *pl_find(const char *kode)
{
	pthread_once(&ref_once, load_refs);
	for (size_t i = 0; i < ref_npl; i++)
		if (!strcmp(ref_pl[i].kode, kode))
			return &ref_pl[i];
	return NULL;
}

const char *statistik_pelanggaran_kelas(const char *kode)
{
	const struct pl_ref *r = pl_find(kode);
	return r ? r->kelas : "lainnya";
}

const char *statistik_pelanggaran_label(const char *kode, char *buf, size_t cap)
{
	const struct pl_ref *r = pl_find(kode);
	if (!r || !strcmp(r->kelas, "lainnya"))
		snprintf(buf, cap, "%s", r ? r->uraian : kode);
	else
		snprintf(buf, cap, "%s \xE2\x80\x94 %s", r->kode, r->uraian);
	return buf;
}

int64_t statistik_median(const int64_t *values, const int64_t *counts, size_t n)
{
	int64_t total = 0;
	for (size_t i = 0; i < n; i++)
		total += counts[i];
	if (total <= 0)
		return 0;
	/* lower median: the value at rank ceil(total / 2), by ascending value */
	int64_t want = (total + 1) / 2, last = INT64_MIN;
	for (;;) {
		int64_t best = INT64_MAX, seen = 0;
		for (size_t i = 0; i < n; i++)
			if (values[i] > last && values[i] < best)
				best = values[i];
		if (best == INT64_MAX)
			return last;
		for (size_t i = 0; i < n; i++)
			if (values[i] <= best)
				seen += counts[i];
		if (seen >= want)
			return best;
		last = best;
	}
}

/* ---- instansi of the scope ---- */

struct inst_list {
	struct instansi *v;
	size_t n, cap;
};

static int inst_cb(void *ctx, const struct instansi *in)
{
	struct inst_list *l = ctx;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xrealloc(l->v, st_mult(l->cap, sizeof(*l->v)));
	}
	l->v[l->n++] = *in;
	return 0;
}

static int cmp_inst_id(const void *a, const void *b)
{
	int64_t x = ((const struct instansi *)a)->id, y = ((const struct instansi *)b)->id;
	return (x > y) - (x < y);
}

static const struct instansi *inst_find(const struct inst_list *l, int64_t id)
{
	struct instansi key = { .id = id };
	return bsearch(&key, l->v, l->n, sizeof(*l->v), cmp_inst_id);
}

/* Number of ids in a path "/1/4/9/" */
static int path_depth(const char *path)
{
	int d = 0;
	for (const char *c = path; *c; c++)
		d += *c == '/';
	return d > 0 ? d - 1 : 0;
}

/* The id of the child of scope (path sp) that path lies under; 0 when path
 * is sp itself. */
static int64_t child_of(const char *sp, const char *path)
{
	size_t n = strlen(sp);
	if (strncmp(path, sp, n) || !path[n])
		return 0;
	return strtoll(path + n, NULL, 10);
}

int statistik_regions(struct store *s, const struct principal *p, struct stat_region **out,
		      size_t *n)
{
	struct inst_list l = { 0 };
	*out = NULL;
	*n = 0;
	if (!statistik_can_view(p))
		return APP_EPERM;
	int rc = store_instansi_list(s, p->scope_path, inst_cb, &l);
	if (rc) {
		free(l.v);
		return rc;
	}
	int base = path_depth(p->scope_path);
	struct stat_region *r = xcalloc(l.n ? l.n : 1, sizeof(*r));
	size_t k = 0;
	for (size_t i = 0; i < l.n; i++) {
		const struct instansi *in = &l.v[i];
		int own = !strcmp(in->path, p->scope_path) || (!strcmp(p->scope_path, "/") && !in->parent_id);
		if (!own && in->jenis != INSTANSI_PROVINSI && in->jenis != INSTANSI_KABKOTA)
			continue;
		r[k].id = in->id;
		snprintf(r[k].nama, sizeof(r[k].nama), "%s", in->nama);
		r[k].depth = path_depth(in->path) - base;
		k++;
	}
	free(l.v);
	*out = r;
	*n = k;
	return 0;
}

/* ---- building the numbers ---- */

static int64_t wib_day_start_ms(int32_t day)
{
	return ((int64_t)day * 86400 - 7 * 3600) * 1000;
}

static int cmp_item_n(const void *a, const void *b)
{
	const struct stat_item *x = a, *y = b;
	if (x->n != y->n)
		return x->n < y->n ? 1 : -1;
	return strcmp(x->label, y->label);
}

static void fill_median(struct statistik *st, const struct statistik_rows *rows, int durasi)
{
	int64_t *vals = xcalloc(rows->n ? rows->n : 1, sizeof(*vals));
	int64_t *cnts = xcalloc(rows->n ? rows->n : 1, sizeof(*cnts));
	for (size_t j = 0; j < st->ntahap; j++) {
		size_t m = 0;
		int64_t total = 0;
		for (size_t i = 0; i < rows->n; i++)
			if (!strcmp(rows->v[i].key, st->tahap[j].kode)) {
				vals[m] = rows->v[i].a;
				cnts[m++] = rows->v[i].n;
				total += rows->v[i].n;
			}
		int64_t med = statistik_median(vals, cnts, m);
		if (durasi) {
			st->tahap[j].median_durasi = med;
			st->tahap[j].durasi_n = total;
		} else {
			st->tahap[j].median_hari = med;
		}
	}
	free(vals);
	free(cnts);
}

static void fill_sanksi(struct statistik *st, const struct statistik_rows *rows)
{
	for (size_t i = 0; i < rows->n; i++) {
		const struct statistik_row *r = &rows->v[i];
		int lvl = -1;
		for (int k = 0; k < STAT_TINGKAT_N; k++)
			if (!strcmp(r->key, statistik_tingkat[k]))
				lvl = k;
		if (lvl < 0 || r->a < 0 || r->a > STAT_TINGKAT_N)
			continue;
		st->sanksi[r->a][lvl] += r->n;
		st->sanksi_total += r->n;
		if (r->id)
			st->sanksi_lebih_ringan += r->n;
	}
}

static void fill_tahap(struct statistik *st, const struct statistik_rows *rows,
		       const struct statistik_rows *umur, enum lang lang)
{
	pthread_once(&ref_once, load_refs);
	size_t cap = (ref_wf_ok ? ref_wf.nstages : 0) + rows->n;
	st->tahap = xcalloc(cap ? cap : 1, sizeof(*st->tahap));
	/* the workflow's stages in definition order, one row per code */
	for (size_t i = 0; ref_wf_ok && i < ref_wf.nstages; i++) {
		const struct wf_stage *w = &ref_wf.stages[i];
		int dup = 0;
		for (size_t j = 0; j < st->ntahap; j++)
			dup |= !strcmp(st->tahap[j].kode, w->code);
		if (dup)
			continue;
		struct stat_tahap *t = &st->tahap[st->ntahap++];
		snprintf(t->kode, sizeof(t->kode), "%s", w->code);
		snprintf(t->nama, sizeof(t->nama), "%s", lang == LANG_EN ? w->name_en : w->name_id);
		t->pemilik = w->owner;
		t->terminal = w->terminal;
	}
	for (size_t i = 0; i < rows->n; i++) {
		const struct statistik_row *r = &rows->v[i];
		struct stat_tahap *t = NULL;
		for (size_t j = 0; j < st->ntahap && !t; j++)
			if (!strcmp(st->tahap[j].kode, r->key))
				t = &st->tahap[j];
		if (!t) { /* a stage of an older workflow version */
			t = &st->tahap[st->ntahap++];
			snprintf(t->kode, sizeof(t->kode), "%s", r->key);
			snprintf(t->nama, sizeof(t->nama), "%s", r->key);
			t->pemilik = ROLE_NONE;
		}
		t->n += r->n;
		if (r->a == 1)
			t->terlambat += r->n;
		else if (r->a == 2)
			t->tanpa_tenggat += r->n;
		st->total += r->n;
		if (t->terminal)
			st->selesai += r->n;
		else if (r->a == 1)
			st->terlambat += r->n;
	}
	fill_median(st, umur, 0);
	/* on time vs overdue per owning agency, open stages only */
	for (size_t j = 0; j < st->ntahap; j++) {
		const struct stat_tahap *t = &st->tahap[j];
		if (t->terminal || t->pemilik == ROLE_NONE)
			continue;
		struct stat_peran *pr = NULL;
		for (size_t k = 0; k < st->nperan && !pr; k++)
			if (st->peran[k].peran == t->pemilik)
				pr = &st->peran[k];
		if (!pr) {
			pr = &st->peran[st->nperan++];
			pr->peran = t->pemilik;
		}
		pr->terlambat += t->terlambat;
		pr->tanpa_tenggat += t->tanpa_tenggat;
		pr->tepat_waktu += t->n - t->terlambat - t->tanpa_tenggat;
	}
}

static void fill_pelanggaran(struct statistik *st, const struct statistik_rows *rows)
{
	pthread_once(&ref_once, load_refs);
	st->pelanggaran = xcalloc(ref_npl + rows->n + 1, sizeof(*st->pelanggaran));
	for (size_t i = 0; i < ref_npl; i++) {
		if (!strcmp(ref_pl[i].kelas, "lainnya"))
			continue;
		struct stat_item *it = &st->pelanggaran[st->npelanggaran++];
		snprintf(it->kode, sizeof(it->kode), "%s", ref_pl[i].kode);
		statistik_pelanggaran_label(ref_pl[i].kode, it->label, sizeof(it->label));
	}
	/* "lainnya" and codes no longer in the catalogue share the last row */
	struct stat_item *other = &st->pelanggaran[st->npelanggaran++];
	snprintf(other->kode, sizeof(other->kode), "lainnya");
	statistik_pelanggaran_label("LAIN", other->label, sizeof(other->label));
	for (size_t i = 0; i < rows->n; i++) {
		struct stat_item *it = other;
		for (size_t j = 0; j + 1 < st->npelanggaran; j++)
			if (!strcmp(st->pelanggaran[j].kode, rows->v[i].key))
				it = &st->pelanggaran[j];
		it->n += rows->v[i].n;
	}
}

static void add_konteks(struct stat_item *it, const struct statistik_row *r)
{
	it->n += r->n;
	if (!strcmp(r->key, "pemilu"))
		it->pemilu += r->n;
	else
		it->pilkada += r->n;
}

static void fill_wilayah(struct statistik *st, const struct inst_list *l,
			 const struct statistik_rows *rows, enum lang lang)
{
	st->wilayah = xcalloc(l->n + 2, sizeof(*st->wilayah));
	st->instansi = xcalloc(rows->n + 1, sizeof(*st->instansi));
	/* one row per direct child of the scope, in path order, plus the
	 * scope's own cases and (nationally) those without an instansi */
	struct stat_item *own = &st->wilayah[st->nwilayah++];
	snprintf(own->label, sizeof(own->label), "%s", st->scope_nama);
	size_t first_child = st->nwilayah;
	for (size_t i = 0; i < l->n; i++) {
		const struct instansi *in = &l->v[i];
		if (child_of(st->scope_path, in->path) && path_depth(in->path) == path_depth(st->scope_path) + 1) {
			struct stat_item *w = &st->wilayah[st->nwilayah++];
			w->id = in->id;
			w->jenis = in->jenis;
			snprintf(w->kode, sizeof(w->kode), "%s", in->kode);
			snprintf(w->label, sizeof(w->label), "%s", in->nama);
		}
	}
	struct stat_item none = { 0 };
	snprintf(none.kode, sizeof(none.kode), "tanpa_instansi");
	snprintf(none.label, sizeof(none.label), "%s",
		 lang == LANG_EN ? "No agency identified" : "Tanpa instansi teridentifikasi");
	for (size_t i = 0; i < rows->n; i++) {
		const struct statistik_row *r = &rows->v[i];
		if (!r->id) {
			add_konteks(&none, r);
			continue;
		}
		const struct instansi *in = inst_find(l, r->id);
		if (!in)
			continue; /* not under the scope: the store already excluded it */
		int64_t c = child_of(st->scope_path, in->path);
		struct stat_item *w = own;
		for (size_t j = first_child; j < st->nwilayah && c; j++)
			if (st->wilayah[j].id == c)
				w = &st->wilayah[j];
		add_konteks(w, r);
		struct stat_item *it = NULL;
		for (size_t j = 0; j < st->ninstansi && !it; j++)
			if (st->instansi[j].id == in->id)
				it = &st->instansi[j];
		if (!it) {
			it = &st->instansi[st->ninstansi++];
			it->id = in->id;
			snprintf(it->kode, sizeof(it->kode), "%s", in->kode);
			snprintf(it->label, sizeof(it->label), "%s", in->nama);
		}
		add_konteks(it, r);
	}
	if (st->nasional && none.n)
		st->wilayah[st->nwilayah++] = none;
	if (!own->n) { /* drop the scope's own row when it has nothing */
		memmove(own, own + 1, (st->nwilayah - 1) * sizeof(*own));
		st->nwilayah--;
	}
	qsort(st->instansi, st->ninstansi, sizeof(*st->instansi), cmp_item_n);
}

int statistik_can_view(const struct principal *p)
{
	switch (p->role) {
	case ROLE_ADMIN: case ROLE_BKN: case ROLE_BAWASLU: case ROLE_PPK: case ROLE_BKPSDM:
	case ROLE_AUDITOR:
		return 1;
	default:
		return 0;
	}
}

/* scope_path: what the caller may see ("/" = everything). */
static int build(struct store *s, const char *scope_path, const struct statistik_req *q,
		 struct statistik *st)
{
	memset(st, 0, sizeof(*st));
	if (q->konteks && *q->konteks && strcmp(q->konteks, "pemilu") && strcmp(q->konteks, "pilkada"))
		return APP_EINVAL;
	if (q->dari_hari && q->sampai_hari && q->sampai_hari < q->dari_hari)
		return APP_EINVAL;
	struct inst_list l = { 0 };
	int rc = store_tx_begin(s, STORE_TX_READ);
	if (rc)
		return rc;
	rc = store_instansi_list(s, scope_path, inst_cb, &l);
	if (rc)
		goto out;
	qsort(l.v, l.n, sizeof(*l.v), cmp_inst_id);
	/* the scope: the principal's own, or a region inside it */
	const struct instansi *scope = NULL;
	for (size_t i = 0; i < l.n && !scope; i++)
		if (q->wilayah_id ? l.v[i].id == q->wilayah_id
				  : !strcmp(l.v[i].path, scope_path) ||
				    (!strcmp(scope_path, "/") && !l.v[i].parent_id))
			scope = &l.v[i];
	if (!scope) {
		rc = APP_ENOTFOUND;
		goto out;
	}
	snprintf(st->scope_nama, sizeof(st->scope_nama), "%s", scope->nama);
	snprintf(st->scope_path, sizeof(st->scope_path), "%s", scope->path);
	/* the root of the tree sees every case, also those without an instansi */
	st->nasional = scope->parent_id == 0;
	struct statistik_filter f = {
		.scope_path = st->nasional ? "/" : st->scope_path,
		.dari_ms = q->dari_hari ? wib_day_start_ms(q->dari_hari) : 0,
		.sampai_ms = q->sampai_hari ? wib_day_start_ms(q->sampai_hari + 1) : 0,
		.konteks = q->konteks,
		.hari_ini = q->hari_ini ? q->hari_ini : date_today_wib(),
		.now_ms = q->now_ms,
	};
	struct statistik_rows r[STAT__COUNT];
	memset(r, 0, sizeof(r));
	rc = store_statistik_all(s, &f, r);
	if (!rc) {
		fill_tahap(st, &r[STAT_TAHAP], &r[STAT_UMUR_TAHAP], q->lang);
		fill_pelanggaran(st, &r[STAT_PELANGGARAN]);
		fill_wilayah(st, &l, &r[STAT_INSTANSI], q->lang);
		fill_median(st, &r[STAT_DURASI_TAHAP], 1);
		fill_sanksi(st, &r[STAT_SANKSI]);
	}
	for (int d = 0; d < STAT__COUNT; d++)
		statistik_rows_free(&r[d]);
out:
	free(l.v);
	if (rc) {
		store_tx_rollback(s);
		statistik_free(st);
		return rc;
	}
	return store_tx_commit(s);
}

int statistik_build(struct store *s, const struct principal *p, const struct statistik_req *q,
		    struct statistik *st)
{
	memset(st, 0, sizeof(*st));
	if (!statistik_can_view(p))
		return APP_EPERM;
	if (!principal_sees_path(p, p->scope_path))
		return APP_EPERM;
	return build(s, p->scope_path, q, st);
}

int statistik_build_public(struct store *s, const struct statistik_req *q, struct statistik *st)
{
	memset(st, 0, sizeof(*st));
	return build(s, "/", q, st);
}

void statistik_free(struct statistik *st)
{
	free(st->tahap);
	free(st->pelanggaran);
	free(st->wilayah);
	free(st->instansi);
	st->tahap = NULL;
	st->pelanggaran = st->wilayah = st->instansi = NULL;
	st->ntahap = st->npelanggaran = st->nwilayah = st->ninstansi = 0;
}
