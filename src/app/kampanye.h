/* Documents and campaigns: versioned document templates (pakta integritas,
 * deklarasi netralitas), campaigns asking a scope of employees to sign one
 * template version, self-service signing by the employee, public
 * verification by a short code, and progress per unit. No HTTP, no SQL.
 *
 * Who may do what (scope is the principal's instansi subtree):
 *  - write templates and open campaigns: admin and bkpsdm in scope;
 *  - read campaigns and progress: any role that reads the registry, in scope;
 *  - sign: the asn account of an employee in the campaign's scope;
 *  - verify a code: anyone (rate-limited per client).
 * Every state change appends to the audit chain in the same transaction. */
#ifndef WASDAL_APP_KAMPANYE_H
#define WASDAL_APP_KAMPANYE_H

#include <stdio.h>
#include "app/declaration.h"
#include "app/principal.h"
#include "core/msg.h"
#include "store/store.h"
#include "store/store_integrity.h"
#include "store/store_kampanye.h"

#define KAMPANYE_VERIFY_PER_MIN 30   /* verification lookups per client per minute */
#define KAMPANYE_MAX_NIPS 100000     /* NIP list of one campaign */

int kampanye_may_manage(const struct principal *p);
int kampanye_may_view(const struct principal *p);

/* "pakta_integritas" -> catalogue label; NULL for an unknown jenis. */
enum msg_id kampanye_jenis_label(const char *jenis);

struct templat_input {
	const char *instansi_kode;  /* owner; NULL: the actor's own instansi */
	const char *kode;           /* family, [a-z0-9-]{2,47} */
	const char *jenis;
	const char *judul;
	const char *teks;
};

/* A new version (versi = highest + 1) of the family in->kode. *err names
 * the first bad field on APP_EINVAL. */
int kampanye_templat_create(struct store *s, const struct principal *actor,
			    const struct templat_input *in, int64_t *id_out, enum msg_id *err);
/* Replace the text of a version nobody has signed yet; APP_ECONFLICT (and
 * *err M_KAMP_TEMPLAT_SIGNED) once a signature refers to it. */
int kampanye_templat_update(struct store *s, const struct principal *actor, int64_t id,
			    const struct templat_input *in, enum msg_id *err);
/* A version in the actor's view (APP_ENOTFOUND outside it). out is large:
 * allocate it. */
int kampanye_templat_get(struct store *s, const struct principal *actor, int64_t id,
			 struct dok_templat *out);
/* Versions of every instansi the actor manages (text left empty). */
int kampanye_templat_list(struct store *s, const struct principal *actor,
			  int (*cb)(void *ctx, const struct dok_templat *), void *ctx);

struct kampanye_input {
	int64_t templat_id;
	const char *nama;
	const char *periode;       /* "Pemilu 2024" */
	const char *tenggat;       /* YYYY-MM-DD */
	const char *cakupan;       /* instansi | unit | nip */
	const char *const *units;  /* unit kode for cakupan unit */
	size_t n_units;
	const char *nips;          /* cakupan nip: NIPs separated by anything not a digit
				      (a pasted column or an uploaded CSV) */
};

/* Opens a campaign in the template's instansi. *err names the bad field. */
int kampanye_create(struct store *s, const struct principal *actor,
		    const struct kampanye_input *in, int64_t *id_out, enum msg_id *err);
/* A campaign in view: managers and readers in scope, and an asn in its
 * scope. t (may be NULL; large) gets its template version. */
int kampanye_get(struct store *s, const struct principal *actor, int64_t id,
		 struct kampanye *k, struct dok_templat *t);
int kampanye_list(struct store *s, const struct principal *actor,
		  int (*cb)(void *ctx, const struct kampanye *), void *ctx);

/* The actor's own signature of a campaign; APP_ENOTFOUND when not signed. */
int kampanye_my_signature(struct store *s, const struct principal *actor, int64_t kampanye_id,
			  struct tanda_tangan *out);

/* Sign the campaign's document as the actor (an asn account). Idempotent:
 * a second call returns the first signature with *created 0.
 *   APP_EPERM      not an asn account, or the NIP is outside the scope
 *                  (*err M_KAMP_OUT_OF_SCOPE)
 *   APP_ECONFLICT  the stored template text no longer matches its hash:
 *                  nothing is signed (*err M_KAMP_TEMPLAT_TAMPERED) */
int kampanye_sign(struct store *s, const struct principal *actor, int64_t kampanye_id,
		  struct tanda_tangan *out, int *created, enum msg_id *err);

enum verif_status {
	VERIF_GENUINE = 0,
	VERIF_DOC_CHANGED,   /* signature good, but the stored text was changed */
	VERIF_FORGED,        /* signature or payload does not match */
};

/* Everything the public verification page shows. Large: allocate it. */
struct kampanye_verifikasi {
	enum verif_status status;
	struct tanda_tangan ttd;
	struct kampanye k;
	struct dok_templat t;
	struct instansi in;
	struct instansi_key key;     /* public part */
	char nama[128];              /* the signer */
	char jabatan[160];
	char unit_nama[160];
	char teks_sha256_now[65];    /* recomputed from the stored text */
	char code_fmt[16];           /* ABCDE-FGHJK */
};

/* Look up a verification code as typed (any case, hyphens). client_key is
 * for the rate limit only. APP_ENOTFOUND for an unknown or malformed code,
 * APP_EBUSY over KAMPANYE_VERIFY_PER_MIN. */
int kampanye_verify_code(struct store *s, const char *code, const char *client_key,
			 struct kampanye_verifikasi *v);

/* The pure check behind it, for tests: payload against the key, the stored
 * row and the recomputed text hash. */
enum verif_status kampanye_verify_payload(const char *payload, const char *pubkey_hex,
					  const char *instansi_kode, const struct tanda_tangan *t,
					  const char *teks_sha256_now);

struct kampanye_unit_progress {
	int64_t unit_id;
	char kode[32];
	char nama[160];
	int64_t total, signed_;
};

struct kampanye_progress_all {
	struct kampanye_unit_progress *units;  /* malloc'ed; free() it */
	size_t n;
	int64_t total, signed_;
};

int kampanye_progress(struct store *s, const struct principal *actor, int64_t id,
		      struct kampanye_progress_all *out);
/* Percentage with one decimal, as tenths (0..1000); 0 when total is 0. */
int kampanye_permille(int64_t signed_, int64_t total);

/* Who has not signed: CSV (nip, nama, jabatan, unit_kode, unit_nama) to
 * out, or an XLSX workbook written at path. */
int kampanye_unsigned_csv(struct store *s, const struct principal *actor, int64_t id, FILE *out,
			  int64_t *rows);
int kampanye_unsigned_xlsx(struct store *s, const struct principal *actor, int64_t id,
			   const char *path, int64_t *rows);

#endif
