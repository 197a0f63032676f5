/* The neutrality case workflow as officers drive it (issue 3 §2-3): the
 * case as seen by a principal (scope enforced here), the transitions the
 * workflow data offers their role, a transition (fields checked, one
 * transaction: stage, clock and pauses, due day, history, sanction,
 * blocking, audit), the Bawaslu extension, assignment, tags, internal notes
 * and the queues. Functions open and commit their own transaction.
 * Returns 0 or a negative enum app_err. */
#ifndef WASDAL_APP_KASUS_ALUR_H
#define WASDAL_APP_KASUS_ALUR_H

#include <stddef.h>
#include <stdint.h>
#include "app/kasus_tenggat.h"
#include "app/principal.h"
#include "app/sanction.h"
#include "app/workflow.h"
#include "core/msg.h"
#include "store/store.h"
#include "store/store_kasus.h"
#include "store/store_kasus_alur.h"

/* ---- data shared by every case ---- */

/* The active workflow definition: the highest stored version, else the
 * seed compiled in (version 1). Release with workflow_release. */
int kasus_workflow_active(struct store *s, struct workflow *wf);
/* Publish a new version from two CSV texts (admin only), all or nothing:
 * APP_EINVAL with the problem (line/column or definition error) in problem.
 * The seed is stored as version 1 first when nothing is stored yet, so
 * every version that ever applied stays readable. Audited. */
int kasus_workflow_publish(struct store *s, const struct principal *p, const char *tahapan,
			   const char *transisi, const char *catatan, int *versi,
			   char *problem, size_t problemsz);
/* The holiday calendar deadlines are counted in (process-wide, loaded once). */
const struct calendar *kasus_calendar(void);
/* Today (WIB), or WASDAL_TEST_TODAY (YYYY-MM-DD) in tests and demos. */
int32_t kasus_today(void);
/* Sanction types of data/netralitas/hukuman.csv; NULL when code is unknown. */
const struct sanction_type *kasus_sanction_type(const char *code);
size_t kasus_sanction_types(const struct sanction_type **out);
/* 1 when code is a row of data/netralitas/pelanggaran.csv or "lainnya". */
int kasus_pelanggaran_known(const char *code);

/* ---- reading ---- */

/* Roles that work on cases (everyone but asn and pansel). */
int kasus_role_can_read(enum role r);
/* Roles that see the evidence files and the reporter's messages. */
int kasus_role_sees_evidence(enum role r);
/* A case is visible to p when p's role works on cases and the case's
 * instansi lies in p's scope; a case with no instansi only nationally. */
int kasus_visible(const struct principal *p, const struct kasus *k);
/* True for a national scope ("/" or the root instansi's "/N/"). */
int kasus_scope_national(const char *scope);

/* The case by public number, APP_ENOTFOUND when absent or out of scope. */
int kasus_alur_get(struct store *s, const struct principal *p, const char *nomor,
		   struct kasus *out);

/* The clock of a case now: due day, status and legal basis. */
struct kasus_posisi {
	struct kasus_tenggat t;
	enum kasus_status_tenggat status;
	int32_t mulai;              /* clock start of the current stage */
	int diperpanjang;
	int bisa_diperpanjang;      /* the stage has an extension not yet used */
};
int kasus_alur_posisi(struct store *s, const struct workflow *wf, const struct kasus *k,
		      int32_t today, struct kasus_posisi *out);

/* ---- moving a case ---- */

#define KASUS_FIELDS_MAX 12
struct kasus_field {
	const char *name, *value;
};
struct kasus_lampiran {
	const char *nama;           /* the uploaded file name */
	const uint8_t *data;
	size_t len;
};
struct kasus_pindah {
	const char *ke;             /* target stage */
	struct kasus_field fields[KASUS_FIELDS_MAX];
	size_t nfields;
	const struct kasus_lampiran *lampiran;
	size_t nlampiran;
};
struct kasus_pindah_hasil {
	const char *field;          /* APP_EINVAL: the field at fault (in r or the caller's) */
	char field_buf[32];
	enum msg_id msg;            /* APP_EINVAL / APP_EPERM: why */
	int32_t tenggat;            /* due day of the new stage, 0 = none */
	unsigned sanksi_flags;      /* app/sanction.h flags when a sanction was recorded */
	int blokir;                 /* 1 set, -1 lifted, 0 untouched */
};
/* Store attachments (BAP, SK) like the reporter's evidence, as files of
 * the case k by SHA-256 (oleh petugas), appending a JSON array of
 * {"sha256","nama","mime"} to json. Inside the caller's write transaction.
 * APP_EINVAL / APP_ETOOBIG with *why for a refused file. */
struct buf;
int kasus_lampiran_simpan(struct store *s, const struct principal *p, const struct kasus *k,
			  const struct kasus_lampiran *l, size_t n, struct buf *json,
			  enum msg_id *why);

/* Move the case nomor to pd->ke. APP_ENOTFOUND (no such case in scope);
 * APP_EPERM (the role may not take this transition); APP_EINVAL (no such
 * transition, a missing or bad field: r->field, r->msg). */
int kasus_alur_pindah(struct store *s, const struct principal *p, const char *nomor,
		      const struct kasus_pindah *pd, struct kasus_pindah_hasil *r);

/* Grant the current stage's extension (e.g. Bawaslu needs more
 * information): the stage owner or admin, once per stage. */
int kasus_alur_perpanjang(struct store *s, const struct principal *p, const char *nomor,
			  const char *alasan, enum msg_id *why);

/* Assign an officer by username ("" unassigns): roles bkn, bawaslu, admin;
 * the officer must be an active account whose scope covers the case. */
int kasus_alur_tugaskan(struct store *s, const struct principal *p, const char *nomor,
			const char *username, enum msg_id *why);
/* Add (add=1) or remove a tag: lowercase letters, digits, '-' and '_'. */
int kasus_alur_tag(struct store *s, const struct principal *p, const char *nomor,
		   const char *tag, int add, enum msg_id *why);
/* An internal note (never shown to the reporter). */
int kasus_alur_catat(struct store *s, const struct principal *p, const char *nomor,
		     const char *teks, enum msg_id *why);

/* ---- queues ---- */

enum kasus_antrian_jenis {
	KASUS_ANTRIAN_SAYA = 1,     /* stages owned by my role, in my scope */
	KASUS_ANTRIAN_TERLAMBAT,    /* past the due day */
	KASUS_ANTRIAN_SEGERA,       /* due within KASUS_SEGERA_HARI days (or overdue) */
	KASUS_ANTRIAN_DITUGASKAN,   /* assigned to me */
	KASUS_ANTRIAN_SEMUA,        /* every case in scope */
};
enum kasus_antrian_jenis kasus_antrian_parse(const char *s);   /* 0 when unknown */
const char *kasus_antrian_name(enum kasus_antrian_jenis j);
/* Cases of one queue in p's scope, at most limit (1..1001); tag narrows it
 * when not NULL/""; sesudah (NULL = from the start) continues after the
 * last case of the previous page (keyset paging: a page never skips or
 * repeats a case because others were filed or moved meanwhile, beyond the
 * cases that changed position). */
int kasus_alur_antrian(struct store *s, const struct principal *p, enum kasus_antrian_jenis j,
		       const char *tag, int32_t today, int limit, const struct kasus_kursor *sesudah,
		       int (*cb)(void *ctx, const struct kasus_ringkas *), void *ctx);
/* The queue position of a listed case, and its text form for a URL
 * ("sesudah" parameter): digits and dots, opaque to clients. */
#define KASUS_KURSOR_TEKS 48
void kasus_kursor_dari(const struct kasus_ringkas *r, struct kasus_kursor *out);
void kasus_kursor_teks(const struct kasus_kursor *k, char out[KASUS_KURSOR_TEKS]);
/* 0, or APP_EINVAL for text not made by kasus_kursor_teks. */
int kasus_kursor_baca(const char *s, struct kasus_kursor *out);

/* Cases and sanctions of one employee (by pegawai id), in p's scope. */
int kasus_alur_pegawai(struct store *s, const struct principal *p, int64_t pegawai_id,
		       int (*kasus_cb)(void *ctx, const struct kasus_ringkas *),
		       int (*sanksi_cb)(void *ctx, const struct kasus_sanksi *), void *ctx);

#endif
