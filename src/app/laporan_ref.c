/* Reference tables of citizen reports, loaded once (see laporan_ref.h). */
#include "core/compat.h"
#include "app/laporan_ref.h"
#include "core/csv_table.h"
#include "core/embedded.h"
#include "core/err.h"
#include "core/log.h"
#include "core/xalloc.h"
#include <pthread.h>

static pthread_once_t g_once = PTHREAD_ONCE_INIT;
static struct workflow g_wf;
static struct calendar g_cal;
static int g_wf_ok, g_cal_ok;
static struct pelanggaran_ref *g_pel;
static size_t g_npel;

static void load_pelanggaran(void)
{
	const struct embedded_file *f = embedded_find("data/netralitas/pelanggaran.csv");
	static const char *const req[] = { "kode", "kelas", "uraian", NULL };
	struct csv_table t;
	struct load_error err;
	if (!f || csv_table_open_mem(&t, f->data, f->len, req, &err)) {
		log_error("laporan: pelanggaran.csv cannot be read");
		return;
	}
	size_t cap = 0;
	while (csv_table_next(&t, &err) == 1) {
		const char *kode = csv_table_get(&t, "kode");
		if (!strcmp(kode, "LAIN"))
			continue;
		if (g_npel == cap) {
			cap = cap ? cap * 2 : 32;
			g_pel = xrealloc(g_pel, cap * sizeof(*g_pel));
		}
		struct pelanggaran_ref *p = &g_pel[g_npel++];
		snprintf(p->kode, sizeof(p->kode), "%s", kode);
		snprintf(p->kelas, sizeof(p->kelas), "%s", csv_table_get(&t, "kelas"));
		snprintf(p->uraian, sizeof(p->uraian), "%s", csv_table_get(&t, "uraian"));
	}
	csv_table_close(&t);
}

static void load_all(void)
{
	struct load_error err;
	char problem[200];
	workflow_init(&g_wf);
	calendar_init(&g_cal);
	g_wf_ok = workflow_load_default(&g_wf, &err, problem, sizeof(problem)) == 0;
	g_cal_ok = calendar_load_default(&g_cal, &err) == 0;
	if (!g_wf_ok || !g_cal_ok)
		log_error("laporan: embedded workflow or calendar cannot be loaded");
	load_pelanggaran();
}

const struct workflow *laporan_workflow(void)
{
	pthread_once(&g_once, load_all);
	return g_wf_ok ? &g_wf : NULL;
}

const struct calendar *laporan_calendar(void)
{
	pthread_once(&g_once, load_all);
	return g_cal_ok ? &g_cal : NULL;
}

size_t laporan_pelanggaran(const struct pelanggaran_ref **out)
{
	pthread_once(&g_once, load_all);
	*out = g_pel;
	return g_npel;
}

const struct pelanggaran_ref *laporan_pelanggaran_find(const char *kode)
{
	pthread_once(&g_once, load_all);
	for (size_t i = 0; kode && i < g_npel; i++)
		if (!strcmp(g_pel[i].kode, kode))
			return &g_pel[i];
	return NULL;
}

const char *laporan_tahap_nama(const char *code, const char *konteks, enum lang lang)
{
	const struct workflow *wf = laporan_workflow();
	const struct wf_stage *st = wf ? workflow_stage(wf, code, konteks) : NULL;
	if (!st)
		return code;
	return lang == LANG_EN ? st->name_en : st->name_id;
}

int32_t laporan_tenggat(const char *code, const char *konteks, int32_t start)
{
	const struct workflow *wf = laporan_workflow();
	const struct calendar *cal = laporan_calendar();
	const struct wf_stage *st = wf ? workflow_stage(wf, code, konteks) : NULL;
	if (!st || !cal || st->deadline <= 0 || st->pauses_clock)
		return 0;
	return deadline_due(cal, start, st->deadline, st->unit, NULL, 0);
}
