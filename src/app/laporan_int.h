/* Shared by the files of app/laporan*.c; not part of the app interface. */
#ifndef WASDAL_APP_LAPORAN_INT_H
#define WASDAL_APP_LAPORAN_INT_H

#include "app/bukti.h"
#include "app/laporan.h"

/* laporan_ajukan with a given receipt (16 digits) instead of a random one:
 * the demo seed only, whose receipts are printed for trying the pages. */
int laporan_ajukan_receipt(struct store *s, const char *client_key, const struct laporan_input *in,
			   const struct laporan_file *files, size_t nfiles, const char *sumber,
			   const char *fixed_receipt, int64_t now_ms, struct laporan_diterima *out,
			   struct laporan_errors *err);
/* No control characters (tab always allowed, line breaks when multiline). */
int laporan_clean_text(const char *s, int multiline);
int laporan_blank(const char *s);
/* Each line an http(s) URL without spaces or quotes; at most 10 lines. */
int laporan_urls_ok(const char *s);
int64_t laporan_now_ms(void);
/* NIP as typed -> 18 digits, checked by app/nip. */
int laporan_nip_digits(const char *typed, int32_t today, char out[19], enum msg_id *why);
void laporan_check_terlapor(const struct laporan_input *in, int32_t today,
			    struct laporan_errors *err);
/* Set k->terlapor_nip from typed and, when the registry knows it, link
 * pegawai_id/instansi_id and fill empty terlapor fields. */
int laporan_link_nip(struct store *s, struct kasus *k, const char *typed, int32_t today);
int laporan_rate(struct store *s, const char *kind, const char *key, int64_t limit, int64_t window,
		 int64_t now);
int laporan_salt(struct store *s, char salt[33]);
int laporan_parse_identity(const char *plain, struct laporan_identitas *out);
/* The actor of every citizen act in the audit chain. */
const struct principal *laporan_pelapor(void);
int laporan_prepare_files(const struct laporan_file *files, size_t nfiles,
			  struct bukti_prepared *prep, struct laporan_errors *err);
int laporan_store_files(struct store *s, int64_t kasus_id, const struct laporan_file *files,
			struct bukti_prepared *prep, size_t nfiles, int64_t now_ms, int *added,
			int *stripped);
/* A file name reduced to [A-Za-z0-9._-] without directories. */
void laporan_clean_name(const char *name, char *out, size_t outsz);

#endif
