/* Store operations of the case workflow area (issue 3 §2-3): the versioned
 * workflow definition, each case's transition history, stage clock, pauses,
 * internal notes, tags and sanctions, and the officer queues over the kasus
 * table of store_kasus.h. Tables: migration 0006. Include store/store.h and
 * this header. Writes need the caller's write transaction. */
#ifndef WASDAL_STORE_STORE_KASUS_ALUR_H
#define WASDAL_STORE_STORE_KASUS_ALUR_H

#include <stddef.h>
#include <stdint.h>

struct store;

/* ---- workflow definition versions (every version kept) ---- */
struct workflow_versi {
	int versi;
	char *tahapan_csv;      /* malloc'd by reads; NULL from list */
	char *transisi_csv;
	char pembuat[64];
	char catatan[200];
	int64_t created_ms;
};
/* Insert v as the next version (highest + 1), setting v->versi. */
int store_workflow_versi_insert(struct store *s, struct workflow_versi *v);
/* versi 0 = the active (highest) one; APP_ENOTFOUND when none is stored.
 * Free the texts with store_workflow_versi_release. */
int store_workflow_versi_get(struct store *s, int versi, struct workflow_versi *out);
void store_workflow_versi_release(struct workflow_versi *v);
/* Newest first, without the CSV texts. */
int store_workflow_versi_list(struct store *s, int (*cb)(void *ctx, const struct workflow_versi *),
			      void *ctx);

/* ---- transition history (append-only) ---- */
#define KASUS_ISIAN_MAX 16384
#define KASUS_LAMPIRAN_MAX 8192
struct kasus_langkah {
	int64_t id;
	int64_t kasus_id;
	char dari[40], ke[40];      /* dari = ke: an extension of the stage */
	int64_t aktor_id;           /* users.id; 0 = the system */
	char aktor[64];
	char peran[16];
	char isian[KASUS_ISIAN_MAX];       /* JSON object of the fields given */
	char lampiran[KASUS_LAMPIRAN_MAX]; /* JSON array of attachments */
	int32_t mulai_hari;         /* clock start of the stage entered */
	int32_t tenggat_hari;       /* its due day; 0 = none, INT32_MAX = paused */
	int workflow_versi;
	int64_t created_ms;
};
int store_kasus_langkah_insert(struct store *s, struct kasus_langkah *l);
/* Oldest first. */
int store_kasus_langkah_list(struct store *s, int64_t kasus_id,
			     int (*cb)(void *ctx, const struct kasus_langkah *), void *ctx);

/* ---- the stage clock ---- */
struct kasus_jam_row {
	int64_t kasus_id;
	int32_t mulai_hari;
	int diperpanjang;
};
/* APP_ENOTFOUND when the case has no clock yet (never moved). */
int store_kasus_jam_get(struct store *s, int64_t kasus_id, struct kasus_jam_row *out);
int store_kasus_jam_put(struct store *s, const struct kasus_jam_row *j);

/* ---- pauses: [mulai, selesai), selesai INT32_MAX while open ---- */
struct kasus_jeda_row {
	int32_t mulai_hari, selesai_hari;
};
/* Open a pause on day; APP_ECONFLICT when one is open already. */
int store_kasus_jeda_buka(struct store *s, int64_t kasus_id, int32_t day);
/* Close the open pause on day; APP_ENOTFOUND when none is open. */
int store_kasus_jeda_tutup(struct store *s, int64_t kasus_id, int32_t day);
/* Oldest first, at most max. */
int store_kasus_jeda_list(struct store *s, int64_t kasus_id, struct kasus_jeda_row *out,
			  size_t max, size_t *n);

/* ---- internal notes (never shown to the reporter) ---- */
struct kasus_catatan {
	int64_t id;
	int64_t kasus_id;
	int64_t aktor_id;
	char aktor[64];
	char teks[4001];
	int64_t created_ms;
};
int store_kasus_catatan_insert(struct store *s, struct kasus_catatan *c);
int store_kasus_catatan_list(struct store *s, int64_t kasus_id,
			     int (*cb)(void *ctx, const struct kasus_catatan *), void *ctx);

/* ---- tags ---- */
/* APP_ECONFLICT when the case has the tag. */
int store_kasus_tag_add(struct store *s, int64_t kasus_id, const char *tag);
/* APP_ENOTFOUND when it has not. */
int store_kasus_tag_remove(struct store *s, int64_t kasus_id, const char *tag);
/* Sorted, at most max tags of 40 bytes. */
int store_kasus_tag_list(struct store *s, int64_t kasus_id, char (*out)[40], size_t max,
			 size_t *n);

/* ---- sanctions (append-only) ---- */
struct kasus_sanksi {
	int64_t id;
	int64_t kasus_id;
	int64_t pegawai_id;         /* 0 = the case is not linked to the registry */
	char jenis[24];             /* hukuman.csv kode */
	char tingkat[8];            /* its level */
	int urutan;                 /* its rank (heavier = higher) */
	char rekomendasi[8];        /* level BKN recommended, "" if none */
	char nomor_sk[80];
	int32_t tanggal_sk;
	char lampiran[KASUS_LAMPIRAN_MAX];
	unsigned flags;             /* app/sanction.h enum sanction_flag */
	char aktor[64];
	int64_t created_ms;
	char kasus_nomor[24];       /* filled by reads */
};
int store_kasus_sanksi_insert(struct store *s, struct kasus_sanksi *k);
/* Oldest first: kasus_id > 0 lists a case's, else pegawai_id's. */
int store_kasus_sanksi_list(struct store *s, int64_t kasus_id, int64_t pegawai_id,
			    int (*cb)(void *ctx, const struct kasus_sanksi *), void *ctx);

/* ---- queues over the kasus table ---- */
#define KASUS_FILTER_TAHAP_MAX 24
/* A position in the queue order (keyset paging): the due day (INT32_MAX
 * for none or paused), created_ms and id of the last case of a page. */
struct kasus_kursor {
	int32_t tenggat;
	int64_t created_ms;
	int64_t id;                 /* 0 = no position: from the start */
};
struct kasus_antrian_filter {
	const char *scope;          /* instansi path prefix */
	int national;               /* also cases with no instansi (or scope "/") */
	const char *tahap[KASUS_FILTER_TAHAP_MAX]; /* any of these stages; none = all */
	size_t ntahap;
	int32_t tenggat_sampai;     /* > 0: only cases due on or before this day */
	int64_t petugas_id;         /* > 0: assigned to this officer */
	int64_t pegawai_id;         /* > 0: about this employee */
	const char *tag;            /* non-NULL: with this tag */
	int limit;                  /* 0 = 100 */
	int offset;
	struct kasus_kursor sesudah; /* id > 0: only cases after this position */
};
struct kasus_ringkas {
	int64_t id;
	char nomor[24];
	char konteks[8];
	char tahap[40];
	int32_t tenggat_hari;       /* 0 = none, INT32_MAX = paused */
	int64_t instansi_id;
	char instansi_path[256];
	char instansi_nama[160];
	int64_t pegawai_id;
	char terlapor_nama[128];
	char pelanggaran_kode[16];
	int64_t petugas_id;
	int64_t created_ms, updated_ms;
};
/* Cases matching f, most urgent first (due day, then oldest). Cases with no
 * instansi are national: seen only with scope "/". */
int store_kasus_antrian(struct store *s, const struct kasus_antrian_filter *f,
			int (*cb)(void *ctx, const struct kasus_ringkas *), void *ctx);

#endif
