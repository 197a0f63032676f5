#include "core/compat.h"
#include "app/kasus_tenggat.h"
#include "core/err.h"

int kasus_tenggat_hitung(const struct workflow *wf, const struct calendar *cal,
			 const struct kasus_jam *j, struct kasus_tenggat *out)
{
	memset(out, 0, sizeof(*out));
	out->stage = workflow_stage(wf, j->tahap, j->konteks);
	if (!out->stage)
		return APP_ENOTFOUND;
	const struct wf_stage *st = out->stage;
	for (size_t i = 0; i < j->njeda; i++)
		if (j->jeda[i].to == INT32_MAX)
			out->dijeda = 1;
	if (!st->deadline || st->terminal) {
		out->kalender_lengkap = 1;
		return 0;
	}
	out->ada = 1;
	out->hari = st->deadline;
	out->satuan = st->unit;
	int32_t due = deadline_due(cal, j->mulai, st->deadline, st->unit, j->jeda, j->njeda);
	/* The extension runs on from the first period, in its own unit
	 * (UU 7/2017 Pasal 454: 7 hari, then +14 hari kerja). */
	if (j->diperpanjang && st->extension && due != INT32_MAX) {
		due = deadline_due(cal, due, st->extension, st->extension_unit, j->jeda, j->njeda);
		out->hari += st->extension;
		if (st->extension_unit == DEADLINE_WORKING_DAYS)
			out->satuan = DEADLINE_WORKING_DAYS;
	}
	out->jatuh_tempo = due;
	out->kalender_lengkap = due == INT32_MAX || calendar_covers(cal, j->mulai, due);
	return 0;
}

enum kasus_status_tenggat kasus_tenggat_status(int32_t jatuh_tempo, int32_t today)
{
	if (jatuh_tempo == 0)
		return KASUS_TANPA_TENGGAT;
	if (jatuh_tempo == INT32_MAX)
		return KASUS_DIJEDA;
	if (today > jatuh_tempo)
		return KASUS_TERLAMBAT;
	if (jatuh_tempo - today <= KASUS_SEGERA_HARI)
		return KASUS_SEGERA;
	return KASUS_TEPAT;
}

const char *kasus_tenggat_status_name(enum kasus_status_tenggat s)
{
	switch (s) {
	case KASUS_TEPAT: return "tepat";
	case KASUS_SEGERA: return "segera";
	case KASUS_TERLAMBAT: return "terlambat";
	case KASUS_DIJEDA: return "dijeda";
	default: return "tanpa_tenggat";
	}
}
