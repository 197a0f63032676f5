/* Deadline reminders and escalations for neutrality cases, through the
 * outbox. The rules are data (data/netralitas/pengingat.csv): per stage (or
 * "*" for every stage without rows of its own), reminders N working days
 * before the case's due day and escalations N working days after it, with
 * extra roles to tell on escalation. Recipients are the stage owner's
 * accounts in the case's scope that have an e-mail address (the owner role
 * comes from the workflow definition), plus the webhook subscriptions of
 * kasus.pengingat / kasus.terlambat. A dedup key per case, stage entry and
 * rule makes each fire once, whatever the number of servers scanning. */
#ifndef WASDAL_APP_PENGINGAT_H
#define WASDAL_APP_PENGINGAT_H

#include <stddef.h>
#include <stdint.h>
#include "app/calendar.h"

struct store;
struct load_error;

enum pengingat_jenis { PENGINGAT_SEBELUM = 1, PENGINGAT_ESKALASI = 2 };

struct pengingat_rule {
	char tahap[40];              /* stage code or "*" */
	enum pengingat_jenis jenis;
	int hari_kerja;              /* before (reminder) or after (escalation) the due day */
	unsigned peran_tambahan;     /* bit (1u << enum role) */
};

struct pengingat_rules {
	struct pengingat_rule *v;
	size_t n;
};

/* Parse the CSV (columns tahap, jenis, hari_kerja, peran_tambahan),
 * all or nothing; APP_EINVAL with *err filled. */
int pengingat_load_csv(struct pengingat_rules *r, const char *p, size_t n,
		       struct load_error *err);
/* The embedded data/netralitas/pengingat.csv, loaded once per process. */
const struct pengingat_rules *pengingat_rules_default(void);
void pengingat_rules_release(struct pengingat_rules *r);

/* What applies today to a case of stage tahap due on tenggat: the reminder
 * rule whose window holds today (the one closest to the due day when
 * several do: a late first scan sends one reminder, not all of them), and
 * the latest escalation rule reached. NULL when none. */
struct pengingat_hit {
	const struct pengingat_rule *sebelum;
	const struct pengingat_rule *eskalasi;
};
void pengingat_due(const struct pengingat_rules *r, const struct calendar *cal,
		   const char *tahap, int32_t tenggat, int32_t today, struct pengingat_hit *out);

/* Scan the cases due soon or overdue (by at most 60 days) on day today
 * (0 = today in WIB) and publish what is due: one write transaction per
 * case. *queued (may be NULL) gets the number of new messages. */
int pengingat_scan(struct store *s, int32_t today, int *queued);

#endif
