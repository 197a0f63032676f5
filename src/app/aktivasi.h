/* First access of an ASN without e-mail: BKPSDM issues one-time activation
 * codes (printed on slips or exported as CSV), and the employee sets a
 * password with NIP + code, then logs in with NIP + password.
 *
 * Codes are 12 Crockford base32 characters (60 bits), stored only as a
 * SHA-256 of domain, NIP and code (app/kampanye_code.h); single-use, valid
 * AKTIVASI_DEFAULT_DAYS unless told otherwise; a new code for a NIP revokes
 * the older unused one. Attempts are rate-limited per client and per NIP. */
#ifndef WASDAL_APP_AKTIVASI_H
#define WASDAL_APP_AKTIVASI_H

#include <stdint.h>
#include <stddef.h>
#include "app/principal.h"
#include "core/msg.h"

struct store;

#define AKTIVASI_DEFAULT_DAYS 30
#define AKTIVASI_MAX_DAYS 180
#define AKTIVASI_PER_CLIENT 10       /* attempts per client per minute */
#define AKTIVASI_PER_NIP 5           /* attempts per NIP per minute */
#define AKTIVASI_MAX_BATCH 20000     /* codes per request */

struct aktivasi_request {
	const char *instansi_kode;   /* NULL: the actor's own instansi */
	const char *unit_kode;       /* NULL or "": every unit */
	int64_t kampanye_id;         /* 0: every active employee; else the campaign's scope */
	const char *nip;             /* one employee only (NULL: all in the selection) */
	int hari;                    /* validity in days; 0 = the default */
};

struct aktivasi_slip {
	char nip[19];
	char nama[128];
	char unit_kode[32];
	char unit_nama[160];
	char kode[16];               /* ABCD-EFGH-JKMN: shown once, never stored */
	int64_t expires_ms;
};

/* Issue codes (admin or bkpsdm in scope): one write transaction, one audit
 * record for the batch. *out is malloc'ed (free it, after wiping the codes
 * with aktivasi_slips_free). */
int aktivasi_terbitkan(struct store *s, const struct principal *actor,
		       const struct aktivasi_request *req, struct aktivasi_slip **out, size_t *n,
		       enum msg_id *err);
void aktivasi_slips_free(struct aktivasi_slip *v, size_t n);

/* Set the password of the employee nip with a code: creates the asn
 * account (username = NIP) or resets the existing one's password.
 *   APP_EAUTH   unknown NIP, wrong, used or expired code (one answer)
 *   APP_EBUSY   rate limit
 *   APP_EINVAL  the password is not acceptable (*err says why) */
int aktivasi_pakai(struct store *s, const char *nip, const char *code, const char *password,
		   const char *client_key, enum msg_id *err);

/* Tests only: the clock for expiry and rate windows (NULL restores it). */
void aktivasi_set_clock(int64_t (*fn)(void));

#endif
