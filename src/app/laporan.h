/* A citizen files a neutrality report, and follows it with the receipt
 * (issue 3 §1). Shared by the /lapor pages and POST /api/v1/laporan, so
 * both check the same rules and write the same records:
 *
 *  - the report becomes a case (store_kasus.h) at stage "diterima", its
 *    due date from the workflow and the calendar, with a public number
 *    and a 16-digit receipt stored only as Argon2id (crypto/receipt.h);
 *  - the reporter's identity, unless anonim, is sealed to the oversight
 *    key (crypto/seal.h); a custodian opens it with a reason, and each
 *    opening is shown to the reporter;
 *  - evidence is sniffed, cleaned and stored by hash (app/bukti.h);
 *  - nothing about the sender's connection (address, user agent) is
 *    stored, and the audit record of a citizen's act names the actor
 *    "pelapor anonim" with no personal data in its diff;
 *  - every write is one transaction with its audit record. */
#ifndef WASDAL_APP_LAPORAN_H
#define WASDAL_APP_LAPORAN_H

#include <stddef.h>
#include <stdint.h>
#include "app/principal.h"
#include "core/limits.h"
#include "core/msg.h"
#include "store/store.h"
#include "store/store_kasus.h"

/* What the reporter typed. Strings are NUL-terminated and already within
 * their sizes (the web and API layers cap lengths); laporan_check decides
 * whether they are valid. */
struct laporan_input {
	char konteks[16];
	char terlapor_nama[128];
	char terlapor_nip[40];          /* 18 digits or the spaced display form */
	char terlapor_jabatan[160];
	char terlapor_instansi[160];
	char pelanggaran_kode[16];      /* catalogue code or "lainnya" */
	char pelanggaran_lain[256];
	char kejadian_tanggal[16];      /* YYYY-MM-DD */
	char kejadian_tempat[256];
	char wilayah[128];
	char penetapan_calon[16];       /* "" = tidak_tahu */
	char kronologi[KASUS_KRONOLOGI_MAX];
	char saksi[KASUS_SAKSI_MAX];
	char tautan[KASUS_TAUTAN_MAX];  /* URLs, one per line */
	char diketahui_tanggal[16];     /* "" = the day of the event */
	char pelapor_mode[16];          /* anonim | rahasia | terbuka */
	char pelapor_nama[128];
	char pelapor_nik[24];
	char pelapor_alamat[256];
	char pelapor_kontak[128];       /* e-mail or telephone */
	char pelapor_jenis[16];         /* pemilih | peserta | pemantau | instansi | lainnya | "" */
};

/* Set the field called name (the names of struct laporan_input, shared by
 * the form and both API bodies) from value[0..len). APP_ENOTFOUND for an
 * unknown name, APP_ETOOBIG when it does not fit (or holds a NUL). */
int laporan_input_set(struct laporan_input *in, const char *name, const char *value, size_t len);
/* The longest value a field takes (bytes), 0 for an unknown name. */
size_t laporan_input_max(const char *name);

/* An uploaded file (bytes only: its name and claimed type are not trusted). */
struct laporan_file {
	const char *nama;               /* as sent; cleaned for display */
	const uint8_t *data;
	size_t len;
};

#define LAPORAN_MAX_ERRORS 24

/* Field-level problems, in form order. field is the input's name. */
struct laporan_errors {
	struct {
		const char *field;
		enum msg_id msg;
	} e[LAPORAN_MAX_ERRORS];
	int n;
};
void laporan_errors_add(struct laporan_errors *e, const char *field, enum msg_id msg);
/* The first error of field, 0 when none. */
enum msg_id laporan_error_of(const struct laporan_errors *e, const char *field);

/* Check in against the rules (today = WIB day). 0 or APP_EINVAL with
 * every problem in *err. */
int laporan_check(const struct laporan_input *in, int32_t today, struct laporan_errors *err);

/* The result of filing, for the reporter: shown once. */
struct laporan_diterima {
	char nomor[KASUS_NOMOR_MAX];
	char receipt[17];
	char receipt_display[20];       /* 4-4-4-4 */
	int n_bukti;
	int n_metadata_dihapus;         /* files whose metadata was removed */
	int terlambat;
	char kekurangan[KASUS_KEKURANGAN_MAX];
	int32_t tenggat_hari;
};

/* The per-client filing limit (reports per LIMIT_LAPORAN_WINDOW_MS):
 * LIMIT_LAPORAN_PER_CLIENT unless `wasdal serve --laporan-per-jam N` raised
 * it for a benchmark; <= 0 restores the default, capped at
 * LIMIT_LAPORAN_PER_CLIENT_HARD. */
void laporan_set_per_client(int64_t per_window);
int64_t laporan_per_client(void);

/* File a report. client_key (the remote address) is used for the per-client
 * rate limit only and is never stored. sumber: "web" | "api" | "seed".
 * Returns 0; APP_EINVAL with *err (bad fields, refused files); APP_EBUSY
 * when the client filed too many reports; APP_ENOTFOUND when a named
 * report cannot be sealed because no oversight key exists yet (field
 * pelapor_mode in *err). */
int laporan_ajukan(struct store *s, const char *client_key, const struct laporan_input *in,
		   const struct laporan_file *files, size_t nfiles, const char *sumber,
		   int64_t now_ms, struct laporan_diterima *out, struct laporan_errors *err);

/* Follow a report with its receipt (any spacing/dashes). Rate-limited per
 * client and overall; a failed attempt is written to the audit chain
 * without the receipt. Unknown and malformed receipts give the same
 * APP_ENOTFOUND (and take the same time); APP_EBUSY when rate-limited. */
int laporan_pantau(struct store *s, const char *client_key, const char *receipt, int64_t now_ms,
		   struct kasus *out);

/* What a reporter sees beside the status (large: allocate it, e.g. in
 * the request arena). */
struct laporan_tampilan {
	struct kasus_pesan pesan[50];
	size_t n_pesan;
	struct kasus_identitas_akses akses[20];
	size_t n_akses;
	struct kasus_bukti bukti[LIMIT_BUKTI_PER_KASUS_HARD];
	size_t n_bukti;
};
int laporan_tampilan_load(struct store *s, const struct kasus *k, struct laporan_tampilan *t);

/* The reporter answers the officer (k from laporan_pantau). */
int laporan_balas(struct store *s, const struct kasus *k, const char *isi,
		  struct laporan_errors *err);
/* The reporter adds evidence files and/or URLs. *added counts stored
 * files, *stripped those whose metadata was removed. */
int laporan_tambah_bukti(struct store *s, struct kasus *k, const struct laporan_file *files,
			 size_t nfiles, const char *tautan, int *added, int *stripped,
			 struct laporan_errors *err);
/* The reporter completes who is reported (NIP, name, jabatan, instansi). */
int laporan_lengkapi_terlapor(struct store *s, struct kasus *k, const struct laporan_input *in,
			      struct laporan_errors *err);

/* Recompute what is missing: "bukti" (no file and no URL), "terlapor" (not
 * linked to the registry and no name with an instansi). */
void laporan_kekurangan(const struct kasus *k, size_t n_bukti, char *out, size_t outsz);

/* ---- officers ---- */

/* May p see this case? Roles admin, bkn, bawaslu, custodian and auditor
 * within scope; a case without an instansi only at national scope. */
int laporan_petugas_boleh(const struct principal *p, const struct kasus *k);
/* Case by public number, for an officer: APP_ENOTFOUND when it does not
 * exist or is out of p's scope (the same answer). */
int laporan_get_petugas(struct store *s, const struct principal *p, const char *nomor,
			struct kasus *out);
/* An officer writes to the reporter (roles admin, bkn, bawaslu). */
int laporan_pesan_petugas(struct store *s, const struct principal *p, const char *nomor,
			  const char *isi, struct kasus_pesan *out);
/* An evidence file for an officer: the row and an open fd of the stored
 * file (caller closes). */
int laporan_bukti_petugas(struct store *s, const struct principal *p, const char *nomor,
			  int64_t bukti_id, struct kasus_bukti *out, int *fd);

/* The opened identity of a reporter. */
struct laporan_identitas {
	char nama[128];
	char nik[24];
	char alamat[256];
	char kontak[128];
	char jenis[16];
};
/* A custodian opens a sealed identity: alasan is required (recorded, and
 * shown to the reporter with the custodian's name), passphrase unlocks the
 * oversight key. APP_EPERM: not a custodian, or a wrong passphrase;
 * APP_ENOTFOUND: no such case in scope; APP_EINVAL: no reason, or an
 * anonymous report (nothing to open). */
int laporan_buka_identitas(struct store *s, const struct principal *p, const char *nomor,
			   const char *alasan, const char *passphrase,
			   struct laporan_identitas *out);

/* ---- the oversight key (wasdal kunci-pengawas) ---- */
/* Create (or rotate to) a new oversight key protected by passphrase, in
 * its own transaction with an audit record. */
int laporan_kunci_buat(struct store *s, const struct principal *actor, const char *passphrase,
		       struct kunci_pengawas *out);

#endif
