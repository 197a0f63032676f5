/* Integrity: BerAKHLAK socialisation pages, instansi signing keys, signed
 * integrity pacts and neutrality declarations. No HTTP, no SQL. */
#ifndef WASDAL_APP_INTEGRITY_H
#define WASDAL_APP_INTEGRITY_H

#include "store/store.h"

/* The public facts of an instansi (kode, nama) for the public pages: the
 * meeting screen, the published key, the verification page. Anyone may
 * read them; APP_ENOTFOUND for an unknown kode. */
int integrity_instansi_public(struct store *s, const char *kode, struct instansi *out);

#endif
