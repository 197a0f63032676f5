/* Campaign deadline reminders through the outbox (app/outbox.h): as a
 * campaign's deadline nears, while employees in its scope have not signed,
 * the BKPSDM accounts of its instansi that have an e-mail address and the
 * webhook subscriptions of kampanye.pengingat are told some days before;
 * after the deadline, kampanye.terlambat goes to BKPSDM and PPK. How many
 * days is data: data/kampanye/pengingat.csv (columns jenis, hari). Employees themselves have no e-mail (that is why activation codes
 * exist): a webhook receiver can carry the reminder to them (the payload
 * names the campaign, the counts per unit and where the not-signed list
 * is). Each reminder fires once per campaign (outbox dedup key), whatever
 * the number of servers scanning. */
#ifndef WASDAL_APP_KAMPANYE_PENGINGAT_H
#define WASDAL_APP_KAMPANYE_PENGINGAT_H

#include <stdint.h>

struct store;
struct load_error;

/* The reminder table: rows "pengingat,N" (N calendar days before the
 * deadline, 1..90, at most KAMPANYE_PENGINGAT_MAX) and at most one
 * "terlambat,N" (overdue notices are sent while the deadline is at most N
 * days past; without it none are). */
enum { KAMPANYE_PENGINGAT_MAX = 16 };
struct kampanye_pengingat_rules {
	int sebelum[KAMPANYE_PENGINGAT_MAX];
	size_t n;
	int terlambat;
};

/* Parse the CSV, all or nothing; APP_EINVAL with *err filled. */
int kampanye_pengingat_load_csv(struct kampanye_pengingat_rules *r, const char *p, size_t n,
				struct load_error *err);
/* The embedded data/kampanye/pengingat.csv, loaded once per process; NULL
 * when it cannot be read (logged). */
const struct kampanye_pengingat_rules *kampanye_pengingat_rules_default(void);

/* Which reminder of r applies on day today for a deadline: the days-before
 * of the closest reminder point whose window holds today (0 none), and
 * whether it is overdue (1 on the days after the deadline, within r's
 * terlambat days). */
void kampanye_pengingat_due(const struct kampanye_pengingat_rules *r, int32_t tenggat,
			    int32_t today, int *days_before, int *overdue);

/* Scan every campaign on day today (0 = today in WIB) and publish what is
 * due; one write transaction per message set. *queued (may be NULL) gets
 * the number of new messages. */
int kampanye_pengingat_scan(struct store *s, int32_t today, int *queued);

#endif
