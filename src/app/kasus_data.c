/* Data every case shares: the active workflow version (stored in the
 * database, seeded from the binary), the holiday calendar and the sanction
 * types of hukuman.csv. */
#include "core/compat.h"
#include "app/kasus_alur.h"
#include "app/audit.h"
#include "app/diff.h"
#include "core/csv_table.h"
#include "core/date.h"
#include "core/embedded.h"
#include "core/err.h"
#include "core/xalloc.h"
#include <pthread.h>

static int load_version(struct workflow *wf, const struct workflow_versi *v, char *problem,
			size_t problemsz)
{
	struct load_error err;
	memset(&err, 0, sizeof(err));
	int rc = workflow_load_csv(wf, v->tahapan_csv, strlen(v->tahapan_csv), v->transisi_csv,
				   strlen(v->transisi_csv), &err, problem, problemsz);
	if (rc && !problem[0]) {
		/* The catalogue text has one %s for the value: fill it in by
		 * hand (catalogue strings are never printf formats here). */
		const char *m = msgc((enum msg_id)err.msg), *pct = strstr(m, "%s");
		int pre = pct ? (int)(pct - m) : (int)strlen(m);
		snprintf(problem, problemsz, "baris %lld kolom %s: %.*s%s%s", (long long)err.line,
			 err.column, pre, m, pct ? err.value : "", pct ? pct + 2 : "");
	}
	if (!rc)
		wf->version = v->versi;
	return rc;
}

int kasus_workflow_active(struct store *s, struct workflow *wf)
{
	struct workflow_versi v;
	char problem[240] = "";
	workflow_init(wf);
	int rc = store_workflow_versi_get(s, 0, &v);
	if (rc == APP_ENOTFOUND) {
		struct load_error err;
		rc = workflow_load_default(wf, &err, problem, sizeof(problem));
		wf->version = 1;
		return rc;
	}
	if (rc)
		return rc;
	rc = load_version(wf, &v, problem, sizeof(problem));
	store_workflow_versi_release(&v);
	/* A stored version was validated when published; failing now means
	 * the binary's rules changed under it. */
	return rc ? APP_EINTERNAL : 0;
}

static int insert_seed(struct store *s)
{
	const struct embedded_file *a = embedded_find("data/netralitas/tahapan.csv");
	const struct embedded_file *b = embedded_find("data/netralitas/transisi.csv");
	if (!a || !b)
		return APP_EINTERNAL;
	struct workflow_versi v = { 0 };
	v.tahapan_csv = xstrndup(a->data, a->len);
	v.transisi_csv = xstrndup(b->data, b->len);
	snprintf(v.pembuat, sizeof(v.pembuat), "seed");
	snprintf(v.catatan, sizeof(v.catatan), "data/netralitas bawaan");
	int rc = store_workflow_versi_insert(s, &v);
	store_workflow_versi_release(&v);
	return rc;
}

int kasus_workflow_publish(struct store *s, const struct principal *p, const char *tahapan,
			   const char *transisi, const char *catatan, int *versi,
			   char *problem, size_t problemsz)
{
	problem[0] = '\0';
	if (!p || p->role != ROLE_ADMIN)
		return APP_EPERM;
	struct workflow wf;
	workflow_init(&wf);
	struct workflow_versi v = { 0 };
	v.tahapan_csv = (char *)tahapan;
	v.transisi_csv = (char *)transisi;
	v.versi = 0;
	int rc = load_version(&wf, &v, problem, problemsz);
	workflow_release(&wf);
	if (rc)
		return APP_EINVAL;
	snprintf(v.pembuat, sizeof(v.pembuat), "%s", p->username[0] ? p->username : "admin");
	snprintf(v.catatan, sizeof(v.catatan), "%s", catatan ? catatan : "");
	rc = store_tx_begin(s, STORE_TX_WRITE);
	if (rc)
		return rc;
	struct workflow_versi cur;
	rc = store_workflow_versi_get(s, 0, &cur);
	if (rc == APP_ENOTFOUND)
		rc = insert_seed(s);
	else if (!rc)
		store_workflow_versi_release(&cur);
	if (!rc)
		rc = store_workflow_versi_insert(s, &v);
	if (!rc) {
		struct diff d;
		diff_init(&d);
		diff_int(&d, "versi", v.versi - 1, v.versi);
		diff_note(&d, "catatan", v.catatan);
		char id[16];
		snprintf(id, sizeof(id), "%d", v.versi);
		rc = audit_append(s, p, "workflow_terbit", "workflow", id, diff_json(&d));
		diff_release(&d);
	}
	if (rc) {
		store_tx_rollback(s);
		return rc;
	}
	rc = store_tx_commit(s);
	if (!rc && versi)
		*versi = v.versi;
	return rc;
}

/* ---- calendar and sanction types: loaded once per process ---- */

static struct calendar cal;
static struct sanction_type types[32];
static size_t ntypes;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load_types(void)
{
	static const char *const cols[] = { "kode", "tingkat", "urutan", NULL };
	const struct embedded_file *f = embedded_find("data/netralitas/hukuman.csv");
	struct csv_table t;
	struct load_error err;
	if (!f || csv_table_open_mem(&t, f->data, f->len, cols, &err))
		return;
	while (csv_table_next(&t, &err) == 1 && ntypes < ARRAY_SIZE(types)) {
		struct sanction_type *st = &types[ntypes];
		memset(st, 0, sizeof(*st));
		snprintf(st->code, sizeof(st->code), "%s", csv_table_get(&t, "kode"));
		st->level = sanction_level_parse(csv_table_get(&t, "tingkat"));
		if (csv_table_get_uint(&t, "urutan", 0, 100, &st->rank, &err))
			continue;
		snprintf(st->description, sizeof(st->description), "%s", csv_table_get(&t, "uraian"));
		snprintf(st->legal_basis, sizeof(st->legal_basis), "%s", csv_table_get(&t, "dasar_hukum"));
		snprintf(st->grade, sizeof(st->grade), "%s", csv_table_get(&t, "grade"));
		if (st->level != SANCTION_NONE && st->code[0])
			ntypes++;
	}
	csv_table_close(&t);
}

static char pelanggaran[64][16];
static size_t npelanggaran;

static void load_pelanggaran(void)
{
	static const char *const cols[] = { "kode", NULL };
	const struct embedded_file *f = embedded_find("data/netralitas/pelanggaran.csv");
	struct csv_table t;
	struct load_error err;
	if (!f || csv_table_open_mem(&t, f->data, f->len, cols, &err))
		return;
	while (csv_table_next(&t, &err) == 1 && npelanggaran < ARRAY_SIZE(pelanggaran))
		snprintf(pelanggaran[npelanggaran++], sizeof(pelanggaran[0]), "%s",
			 csv_table_get(&t, "kode"));
	csv_table_close(&t);
}

static void load_all(void)
{
	struct load_error err;
	calendar_init(&cal);
	calendar_load_default(&cal, &err);
	load_types();
	load_pelanggaran();
}

int kasus_pelanggaran_known(const char *code)
{
	pthread_once(&once, load_all);
	if (code && !strcmp(code, "lainnya"))
		return 1;
	for (size_t i = 0; code && i < npelanggaran; i++)
		if (!strcmp(pelanggaran[i], code))
			return 1;
	return 0;
}

const struct calendar *kasus_calendar(void)
{
	pthread_once(&once, load_all);
	return &cal;
}

const struct sanction_type *kasus_sanction_type(const char *code)
{
	pthread_once(&once, load_all);
	for (size_t i = 0; code && i < ntypes; i++)
		if (!strcmp(types[i].code, code))
			return &types[i];
	return NULL;
}

size_t kasus_sanction_types(const struct sanction_type **out)
{
	pthread_once(&once, load_all);
	*out = types;
	return ntypes;
}

int32_t kasus_today(void)
{
	/* A fixed "today" for tests and demonstrations of deadlines; never
	 * set in production (docs/netralitas.md). */
	const char *t = getenv("WASDAL_TEST_TODAY");
	int32_t d;
	if (t && *t && !date_parse_iso(t, strlen(t), &d))
		return d;
	return date_today_wib();
}
