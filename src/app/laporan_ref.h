/* The reference data a citizen report is checked against, loaded once per
 * process from the tables compiled into the binary: the neutrality
 * workflow (stage names and deadlines), the working-day calendar and the
 * violation catalogue (data/netralitas/pelanggaran.csv). */
#ifndef WASDAL_APP_LAPORAN_REF_H
#define WASDAL_APP_LAPORAN_REF_H

#include <stddef.h>
#include <stdint.h>
#include "app/calendar.h"
#include "app/workflow.h"
#include "core/msg.h"

struct pelanggaran_ref {
	char kode[16];
	char kelas[16];        /* kode_etik | disiplin | ... */
	char uraian[400];
};

/* NULL when the embedded tables could not be loaded (a build defect,
 * logged once). */
const struct workflow *laporan_workflow(void);
const struct calendar *laporan_calendar(void);
/* The catalogue in file order, without the catch-all row (LAIN): a report
 * names that one as "lainnya". */
size_t laporan_pelanggaran(const struct pelanggaran_ref **out);
const struct pelanggaran_ref *laporan_pelanggaran_find(const char *kode);
/* The stage's name in lang, or code itself when it is unknown. */
const char *laporan_tahap_nama(const char *code, const char *konteks, enum lang lang);
/* The due day of a stage entered on day start, from the workflow and the
 * calendar: 0 (KASUS_NO_TENGGAT) when the stage has no legal deadline. */
int32_t laporan_tenggat(const char *code, const char *konteks, int32_t start);

#endif
