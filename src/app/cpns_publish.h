/* Publishing a ranked CPNS round for applicants to look up (wasdal cpns
 * publish, then GET /cpns/hasil). The caller (cmd/) has checked the files
 * against summary.txt and re-ranked them so that f and p are exactly what
 * results.csv says; this writes them to the store in ONE write
 * transaction, with one audit record: a crash or kill -9 leaves either the
 * whole publication or nothing.
 *
 * The NIK is personal data and never reaches the database: each row keeps
 * cpns_nik_hash(salt, nik) with a salt drawn at random for the publication
 * (so equal NIKs in two rounds do not give equal hashes, and no table
 * precomputed for one round works for another). The salt sits next to the
 * rows: it does not stop someone who holds a copy of the database from
 * trying every plausible NIK for a row, which is why a copy of the
 * database is as confidential as the applicants file itself
 * (docs/cpns.md). */
#ifndef WASDAL_APP_CPNS_PUBLISH_H
#define WASDAL_APP_CPNS_PUBLISH_H

#include <stddef.h>
#include <stdint.h>
#include "app/cpns_data.h"
#include "app/principal.h"
#include "crypto/sha256.h"

struct store;

/* Hex SHA-256 of the 64-hex-digit salt followed by the 16-digit NIK. */
void cpns_nik_hash(const char salt_hex[65], const char nik[17], char out[SHA256_HEX]);

/* Who may publish: admin, or pansel (the national selection committee). */
int cpns_publish_allowed(const struct principal *p);

struct cpns_publish_in {
	const char *label;                 /* may be "" */
	const char *sha_formasi, *sha_peserta, *sha_results; /* hex, as in summary.txt */
	const struct cpns_formasi *f;
	const struct cpns_peserta *p;      /* ranked (cpns_rank) */
	/* called now and then with rows done / total; may be NULL */
	void (*progress)(void *ctx, size_t done, size_t total);
	void *progress_ctx;
};

struct cpns_publish_out {
	int64_t id;
	int64_t rows, formations;
};

/* 0, APP_EPERM (actor may not publish), APP_EINVAL (label too long, bad
 * hash), or a store error (nothing was written). */
int cpns_publish(struct store *s, const struct principal *actor, const struct cpns_publish_in *in,
		 struct cpns_publish_out *out);

#endif
