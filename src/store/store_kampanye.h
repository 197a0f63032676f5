/* Store operations of the campaign area: document templates, campaigns and
 * their scope, signatures, activation codes. Part of the store interface:
 * include store/store.h and this header. Rules (never-edit, no withdrawal)
 * are kept by triggers in migration 0007 as well as by app/kampanye.c. */
#ifndef WASDAL_STORE_STORE_KAMPANYE_H
#define WASDAL_STORE_STORE_KAMPANYE_H

#include <stddef.h>
#include <stdint.h>

struct store;
struct pegawai;
struct instansi_key;

#define TEMPLAT_TEKS_MAX 16000   /* bytes, as the CHECK in 0007 */

/* One version of a document template. */
struct dok_templat {
	int64_t id;
	int64_t instansi_id;
	char kode[48];           /* family: [a-z0-9-]{2,47}; versions share it */
	int64_t versi;           /* 1, 2, ... within (instansi, kode) */
	char jenis[24];          /* pakta_integritas | deklarasi_netralitas | lainnya */
	char judul[160];
	char teks[TEMPLAT_TEKS_MAX + 1];
	char teks_sha256[65];    /* of teks, hex; recomputed by every verification */
	int64_t created_ms;
	char created_by[64];
	int64_t n_signed;        /* filled by reads: signatures referring to it */
};

/* Sets t->id; created_ms 0 means now. (instansi_id, kode, versi) taken is
 * APP_ECONFLICT. */
int store_templat_insert(struct store *s, struct dok_templat *t);
/* Updates jenis, judul, teks, teks_sha256 of t->id; a version with a
 * signature is refused by the database (APP_ECONSTRAINT). */
int store_templat_update(struct store *s, const struct dok_templat *t);
int store_templat_get(struct store *s, int64_t id, struct dok_templat *out);
/* Highest versi of (instansi_id, kode), 0 when none. */
int store_templat_max_versi(struct store *s, int64_t instansi_id, const char *kode,
			    int64_t *versi);
/* Versions of the instansi, by kode then newest version first. teks is
 * left empty in the rows (lists are for choosing). */
int store_templat_list(struct store *s, int64_t instansi_id,
		       int (*cb)(void *ctx, const struct dok_templat *), void *ctx);

struct kampanye {
	int64_t id;
	int64_t instansi_id;
	int64_t templat_id;
	char nama[160];
	char periode[64];        /* "Pemilu 2024", "Pilkada 2024" */
	int32_t tenggat_hari;    /* last day to sign (core/date.h day number) */
	char cakupan[12];        /* instansi | unit | nip */
	int64_t created_ms;
	char created_by[64];
	char instansi_path[256]; /* filled by reads */
};

int store_kampanye_insert(struct store *s, struct kampanye *k);
int store_kampanye_get(struct store *s, int64_t id, struct kampanye *out);
/* Campaigns whose instansi lies under scope_path, newest first. */
int store_kampanye_list(struct store *s, const char *scope_path,
			int (*cb)(void *ctx, const struct kampanye *), void *ctx);
/* Scope rows of a campaign with cakupan 'unit' / 'nip'. */
int store_kampanye_add_unit(struct store *s, int64_t kampanye_id, int64_t unit_id);
int store_kampanye_add_nip(struct store *s, int64_t kampanye_id, const char *nip);
int store_kampanye_units(struct store *s, int64_t kampanye_id,
			 int (*cb)(void *ctx, int64_t unit_id), void *ctx);

/* The employees a campaign asks to sign: active employees of its instansi,
 * narrowed by its units or NIP list. *in is 1 when nip is one of them. */
int store_kampanye_in_scope(struct store *s, int64_t kampanye_id, const char *nip, int *in);
/* Employees in scope (unit_id 0 = all units; only_unsigned: those without
 * a signature), ordered by unit then NIP. Rows carry nip, nama, jabatan,
 * instansi_id, unit_id, id. */
int store_kampanye_scope_list(struct store *s, int64_t kampanye_id, int64_t unit_id,
			      int only_unsigned,
			      int (*cb)(void *ctx, const struct pegawai *), void *ctx);

/* Signed / total per unit (unit_id 0: employees without a unit). */
struct kampanye_progress {
	int64_t unit_id;
	int64_t total;
	int64_t signed_;
};
int store_kampanye_progress(struct store *s, int64_t kampanye_id,
			    int (*cb)(void *ctx, const struct kampanye_progress *), void *ctx);

struct tanda_tangan {
	int64_t id;
	int64_t kampanye_id;
	int64_t templat_id;
	int64_t pegawai_id;
	char nip[19];
	int64_t signed_ms;
	char doc_sha256[65];
	int64_t kunci_id;
	char payload[257];       /* app/declaration.h, WSD1.... */
	char kode[11];           /* verification code, Crockford base32 */
};

/* Sets t->id. A second signature of (kampanye, nip), or a code taken, is
 * APP_ECONFLICT. */
int store_ttd_insert(struct store *s, struct tanda_tangan *t);
int store_ttd_get(struct store *s, int64_t kampanye_id, const char *nip, struct tanda_tangan *out);
int store_ttd_get_by_kode(struct store *s, const char *kode, struct tanda_tangan *out);

/* A key of any state by id, public part only (verification of old
 * signatures). */
int store_instansi_key_get(struct store *s, int64_t id, struct instansi_key *out);

struct kode_aktivasi {
	int64_t id;
	int64_t pegawai_id;
	char nip[19];
	int64_t kampanye_id;     /* 0 = none */
	char kode_hash[65];
	int64_t created_ms, expires_ms;
	int64_t used_ms, revoked_ms;  /* 0 = not (yet) */
	char created_by[64];
};

/* Revokes the NIP's unused codes, then inserts a (created_ms 0 = now);
 * sets a->id. */
int store_aktivasi_insert(struct store *s, struct kode_aktivasi *a);
/* The NIP's newest code that is neither used nor revoked (it may have
 * expired: the caller compares expires_ms); APP_ENOTFOUND when none. */
int store_aktivasi_current(struct store *s, const char *nip, struct kode_aktivasi *out);
int store_aktivasi_mark_used(struct store *s, int64_t id, int64_t now_ms);

/* The id of the (first) ASN account of nip; APP_ENOTFOUND when none. */
int store_user_asn_by_nip(struct store *s, const char *nip, int64_t *user_id);

#endif
