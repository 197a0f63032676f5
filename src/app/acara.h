/* Apel and sosialisasi: events, attendance and the coverage of
 * sosialisasi per unit. No HTTP, no SQL.
 *
 * Who: admin and bkpsdm create and edit events and record attendance for
 * instansi in their scope; bkn, auditor and ppk read them in scope; an asn
 * checks in to an event with its short code (self-service). An event out of
 * the principal's scope is APP_ENOTFOUND, like one that does not exist.
 *
 * Target: the active employees of the organising instansi, or of one of its
 * units (sasaran). Attendance is recorded only for target employees, once:
 * recording again changes nothing and writes no audit record.
 *
 * Times are entered and shown in WIB (UTC+7): "YYYY-MM-DDTHH:MM".
 * Functions open and commit their own transaction; every change appends to
 * the audit chain in the same transaction. */
#ifndef WASDAL_APP_ACARA_H
#define WASDAL_APP_ACARA_H

#include <stdint.h>
#include <stdio.h>
#include "app/principal.h"
#include "app/registry.h"
#include "core/msg.h"
#include "store/store.h"
#include "store/store_acara.h"

int acara_can_manage(const struct principal *p);
int acara_can_read(const struct principal *p);

/* "YYYY-MM-DDTHH:MM" (or a space for T) in WIB -> UTC ms; 0 on success. */
int acara_parse_time(const char *s, int64_t *ms);
/* UTC ms -> "YYYY-MM-DDTHH:MM" in WIB (out at least 17 bytes). */
void acara_format_time(int64_t ms, char *out, size_t outsz);
/* "YYYY-MM-DD" day (WIB) -> the UTC ms at which it starts. */
int64_t acara_day_start_ms(int32_t day);

/* An event as typed in a form or JSON: text only. */
struct acara_input {
	const char *jenis;          /* apel | sosialisasi */
	const char *topik;
	const char *mulai, *selesai;/* "YYYY-MM-DDTHH:MM" WIB */
	const char *tempat;
	const char *tautan;         /* http(s) URL or "" */
	const char *narasumber;
	const char *instansi_kode;  /* organiser and target instansi */
	const char *unit_kode;      /* organising unit, may be "" */
	const char *sasaran_unit_kode; /* target unit, "" = the whole instansi */
};

/* Create (id 0) or update (id > 0) an event. Returns 0 (out filled);
 * APP_EINVAL with fe; APP_EPERM; APP_ENOTFOUND (id out of scope). A new
 * event gets a fresh random kode. */
int acara_save(struct store *s, const struct principal *p, int64_t id,
	       const struct acara_input *in, struct acara *out, struct field_errors *fe);

/* One event in p's scope (acara_can_read). */
int acara_get(struct store *s, const struct principal *p, int64_t id, struct acara *out);
/* Events in p's scope, newest first (see store_acara_list). */
int acara_list(struct store *s, const struct principal *p, int64_t before_mulai_ms, int limit,
	       int (*cb)(void *ctx, const struct acara *), void *ctx);
/* Target employees of the event (paged by NIP) and the counts. */
int acara_peserta(struct store *s, const struct principal *p, const struct acara *a,
		  const char *after_nip, int limit,
		  int (*cb)(void *ctx, const struct acara_peserta *), void *ctx);
int acara_peserta_count(struct store *s, const struct principal *p, const struct acara *a,
			int64_t *sasaran, int64_t *hadir);

/* ---- attendance ---- */
struct acara_hadir_stats {
	int64_t rows;               /* NIPs read */
	int64_t ok;                 /* valid target employees */
	int64_t bad;                /* rows with an error */
	int64_t baru;               /* newly recorded */
	int64_t sudah;              /* already recorded before */
	int committed;
};

/* Record the listed NIPs (an officer's ticks: cara "centang"). Every NIP
 * must be a target employee; any bad one refuses the whole list
 * (APP_EINVAL; on_error gets each, with line = position from 1). */
int acara_hadir_nips(struct store *s, const struct principal *p, int64_t acara_id,
		     const char *const *nips, size_t n, const struct import_opts *opts,
		     struct acara_hadir_stats *st);

/* Import a CSV with a "nip" column (other columns ignored): cara "impor".
 * All or nothing unless opts->partial (then good rows are recorded and bad
 * ones reported, result 0). Per-row errors through opts->on_error, with the
 * physical line of the file. */
int acara_hadir_import_csv(struct store *s, const struct principal *p, int64_t acara_id, FILE *in,
			   const struct import_opts *opts, struct acara_hadir_stats *st);

/* Self-service check-in by an asn with the event's short code, at now_ms.
 * Returns 0 (*inserted 0 when already recorded, *out the event); on refusal
 * a negative code and *why a catalogue message: APP_ENOTFOUND (unknown
 * code), APP_EINVAL (outside the event window), APP_EPERM (not asn, or the
 * employee is not in the event's target), APP_EBUSY (too many attempts). */
#define ACARA_CHECKIN_PER_WINDOW 10
#define ACARA_CHECKIN_WINDOW_MS (10 * 60 * 1000)
int acara_checkin(struct store *s, const struct principal *p, const char *kode, int64_t now_ms,
		  struct acara *out, int *inserted, enum msg_id *why);

/* ---- material files ---- */
#define ACARA_MATERI_MAX_BYTES (8 * 1024 * 1024)
/* Attach a file (stored by SHA-256, kept once). nama is the file name shown;
 * mime is derived from the bytes and the name (PDF, PNG, JPEG, text, office
 * documents, else application/octet-stream). Audited when new. */
int acara_materi_add(struct store *s, const struct principal *p, int64_t acara_id,
		     const char *nama, const void *data, size_t len, struct acara_materi *out,
		     enum msg_id *why);
int acara_materi_list(struct store *s, const struct principal *p, int64_t acara_id,
		      int (*cb)(void *ctx, const struct acara_materi *), void *ctx);
/* The bytes of a file, for a logged-in user who may read the event. */
int acara_materi_get(struct store *s, const struct principal *p, int64_t acara_id,
		     const char *sha256, struct acara_materi *meta, struct buf *out);

/* ---- coverage ---- */
struct acara_cakupan_unit {
	int64_t unit_id;
	char kode[32];              /* "" for employees without a unit */
	char nama[160];
	int64_t pegawai, terjangkau;
};

struct acara_cakupan {
	struct instansi instansi;
	int32_t dari, sampai;       /* day numbers, inclusive */
	struct acara_cakupan_unit *unit; /* malloc'd; acara_cakupan_release */
	size_t n;
	int64_t pegawai, terjangkau;/* totals */
};

/* Coverage of instansi_kode's units by sosialisasi starting on days
 * dari..sampai (WIB, inclusive). APP_ENOTFOUND when the instansi is
 * unknown or out of scope; APP_EINVAL when sampai < dari. */
int acara_cakupan(struct store *s, const struct principal *p, const char *instansi_kode,
		  int32_t dari, int32_t sampai, struct acara_cakupan *out);
void acara_cakupan_release(struct acara_cakupan *c);
/* Employees never reached in the period (unit order, then NIP). */
int acara_cakupan_belum(struct store *s, const struct principal *p, const struct acara_cakupan *c,
			int (*cb)(void *ctx, const struct acara_peserta *), void *ctx);
/* Percentage * 10 rounded (e.g. 667 for 2 of 3), 0 when total is 0. */
int acara_permil(int64_t part, int64_t total);

/* Export: the per-unit table then, after a blank row, the never-reached
 * list (CSV); two sheets "cakupan" and "belum" (XLSX). */
int acara_cakupan_export_csv(struct store *s, const struct principal *p,
			     const struct acara_cakupan *c, FILE *out);
int acara_cakupan_export_xlsx(struct store *s, const struct principal *p,
			      const struct acara_cakupan *c, const char *path);

#endif
