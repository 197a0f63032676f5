/* Private to app/acara*.c. */
#ifndef WASDAL_APP_ACARA_INT_H
#define WASDAL_APP_ACARA_INT_H

#include "app/acara.h"

/* The event, inside the caller's transaction, when p's scope covers it
 * (APP_ENOTFOUND otherwise). */
int acara_get_in_tx(struct store *s, const struct principal *p, int64_t id, struct acara *out);

/* 1 when the employee belongs to the event's target (active, in its
 * instansi, in its target unit when it has one). */
int acara_in_target(const struct acara *a, const struct pegawai *e);

#endif
