/* Campaign deadline reminders through the outbox (app/outbox.h): as a
 * campaign's deadline nears, while employees in its scope have not signed,
 * the BKPSDM accounts of its instansi that have an e-mail address and the
 * webhook subscriptions of kampanye.pengingat are told, KAMPANYE_REMIND_DAYS
 * before; the day after the deadline, kampanye.terlambat goes to BKPSDM and
 * PPK. Employees themselves have no e-mail (that is why activation codes
 * exist): a webhook receiver can carry the reminder to them (the payload
 * names the campaign, the counts per unit and where the not-signed list
 * is). Each reminder fires once per campaign (outbox dedup key), whatever
 * the number of servers scanning. */
#ifndef WASDAL_APP_KAMPANYE_PENGINGAT_H
#define WASDAL_APP_KAMPANYE_PENGINGAT_H

#include <stdint.h>

struct store;

/* Reminder points, in calendar days before the deadline (largest first). */
#define KAMPANYE_REMIND_DAYS { 7, 1 }
/* Overdue notices stop this many days after the deadline. */
#define KAMPANYE_LATE_LOOKBACK 30

/* Which reminder applies on day today for a deadline: the days-before of
 * the closest reminder point whose window holds today (0 none), and whether
 * it is overdue (1 on the days after the deadline, within the lookback). */
void kampanye_pengingat_due(int32_t tenggat, int32_t today, int *days_before, int *overdue);

/* Scan every campaign on day today (0 = today in WIB) and publish what is
 * due; one write transaction per message set. *queued (may be NULL) gets
 * the number of new messages. */
int kampanye_pengingat_scan(struct store *s, int32_t today, int *queued);

#endif
