/* The due date of a neutrality case in its current stage, computed from the
 * workflow data (deadline, calendar or working days, extension, legal
 * basis), the holiday calendar and the case's pauses. Pure: no store, so
 * the rule is unit-tested without a database (tests/unit/test_kasus_tenggat.c). */
#ifndef WASDAL_APP_KASUS_TENGGAT_H
#define WASDAL_APP_KASUS_TENGGAT_H

#include <stddef.h>
#include <stdint.h>
#include "app/calendar.h"
#include "app/workflow.h"

/* A case is "due soon" when at most this many calendar days remain: two
 * working days plus a weekend, so Friday already warns for Tuesday. */
#define KASUS_SEGERA_HARI 4

struct kasus_jam {
	const char *tahap;           /* stage code */
	const char *konteks;         /* "pemilu" | "pilkada" */
	int32_t mulai;               /* day the stage's clock started */
	int diperpanjang;            /* the stage's extension was granted */
	const struct pause *jeda;    /* pauses of the case ([from, to), to INT32_MAX open) */
	size_t njeda;
};

struct kasus_tenggat {
	const struct wf_stage *stage;  /* NULL: the stage is not in the definition */
	int ada;                     /* 1: the stage has a legal deadline */
	int32_t jatuh_tempo;         /* last day in time; INT32_MAX while paused */
	int hari;                    /* deadline length used, extension included */
	enum deadline_unit satuan;
	int dijeda;                  /* an open pause stops the clock */
	int kalender_lengkap;        /* the calendar has holiday data for the whole period */
};

/* Fill *out for the case clock *j. Returns 0, or APP_ENOTFOUND when the
 * stage is not in wf. */
int kasus_tenggat_hitung(const struct workflow *wf, const struct calendar *cal,
			 const struct kasus_jam *j, struct kasus_tenggat *out);

enum kasus_status_tenggat {
	KASUS_TANPA_TENGGAT = 0,  /* no deadline in this stage */
	KASUS_TEPAT = 1,          /* in time */
	KASUS_SEGERA = 2,         /* due within KASUS_SEGERA_HARI days */
	KASUS_TERLAMBAT = 3,      /* past the due day */
	KASUS_DIJEDA = 4,         /* clock stopped: waiting on the reporter */
};

/* Where a due day stands on day today (INT32_MAX due = paused, 0 = none). */
enum kasus_status_tenggat kasus_tenggat_status(int32_t jatuh_tempo, int32_t today);
const char *kasus_tenggat_status_name(enum kasus_status_tenggat s);

#endif
