/* Store operations of the neutrality case area (issue 3): the case record
 * (kasus) and the citizen-report tables that feed it: evidence, messages
 * between officer and reporter, identity openings, the oversight sealing
 * key and the per-install receipt salt. Part of the store interface:
 * include store/store.h and this header. Tables: migration 0004. */
#ifndef WASDAL_STORE_STORE_KASUS_H
#define WASDAL_STORE_STORE_KASUS_H

#include <stddef.h>
#include <stdint.h>

struct store;

/* Field sizes (bytes, with the NUL); the migration's CHECKs are size - 1. */
#define KASUS_NOMOR_MAX      24
#define KASUS_TAHAP_MAX      40
#define KASUS_KRONOLOGI_MAX  8192
#define KASUS_SAKSI_MAX      1024
#define KASUS_TAUTAN_MAX     2048
#define KASUS_SEALED_MAX     2048
#define KASUS_KEKURANGAN_MAX 512
#define KASUS_PESAN_MAX      4096
#define KASUS_ALASAN_MAX     512

/* tenggat_hari when the stage has no deadline (stored as NULL). */
#define KASUS_NO_TENGGAT 0

/* One neutrality case. Day numbers are core/date.h days. */
struct kasus {
	int64_t id;
	char nomor[KASUS_NOMOR_MAX];       /* public, NTR-YYYY-NNNNNN */
	char receipt_hash[65];             /* Argon2id(receipt, install salt), hex */
	int64_t created_ms, updated_ms;
	char konteks[8];                   /* "pemilu" | "pilkada" */
	char tahap[KASUS_TAHAP_MAX];       /* data/netralitas/tahapan.csv code */
	int64_t tahap_sejak_ms;
	int32_t tenggat_hari;              /* KASUS_NO_TENGGAT when no deadline */
	int workflow_versi;
	int64_t instansi_id;               /* 0 = none: scope of the reported employee */
	int64_t pegawai_id;                /* 0 = not linked to the registry */
	char terlapor_nama[128];
	char terlapor_nip[19];
	char terlapor_jabatan[160];
	char terlapor_instansi[160];
	char pelanggaran_kode[16];         /* pelanggaran.csv code or "lainnya" */
	char pelanggaran_lain[256];        /* the reporter's words for "lainnya" */
	int32_t kejadian_hari;
	char kejadian_tempat[256];
	char wilayah[128];
	char penetapan_calon[12];          /* "sebelum" | "sesudah" | "tidak_tahu" */
	char kronologi[KASUS_KRONOLOGI_MAX];
	char saksi[KASUS_SAKSI_MAX];
	char tautan[KASUS_TAUTAN_MAX];
	char pelapor_mode[8];              /* "anonim" | "rahasia" | "terbuka" */
	char identitas_sealed[KASUS_SEALED_MAX]; /* "" when anonim */
	int64_t identitas_kunci_id;        /* kunci_pengawas row it is sealed to; 0 if none */
	char pelapor_nama[128];            /* a 'terbuka' reporter's name; else "" */
	int32_t diketahui_hari;
	int terlambat;
	char kekurangan[KASUS_KEKURANGAN_MAX]; /* ';'-separated: "bukti", "terlapor" */
	int64_t petugas_id;                /* 0 = unassigned */
	char sumber[8];                    /* "web" | "api" | "seed" */
	/* filled by reads: the instansi path (scope checks in app/), "" if none */
	char instansi_path[256];
};

/* Insert a case in the caller's write transaction. When k->nomor is empty
 * the next public number of the year of k->created_ms (0 = now, WIB) is
 * assigned. Sets k->id (and k->nomor). APP_ECONFLICT when receipt_hash or
 * nomor is taken. */
int store_kasus_insert(struct store *s, struct kasus *k);
/* APP_ENOTFOUND when there is no such case. */
int store_kasus_get(struct store *s, int64_t id, struct kasus *out);
int store_kasus_get_by_nomor(struct store *s, const char *nomor, struct kasus *out);
int store_kasus_get_by_receipt(struct store *s, const char *receipt_hash, struct kasus *out);

/* Move a case to a stage: tahap, tahap_sejak_ms, tenggat_hari
 * (KASUS_NO_TENGGAT = none), workflow_versi and kekurangan are written from
 * k, updated_ms set to now_ms (0 = now). APP_ENOTFOUND for an unknown id. */
int store_kasus_set_tahap(struct store *s, const struct kasus *k, int64_t now_ms);
/* The reporter completes a report: the terlapor fields, pegawai_id,
 * instansi_id and kekurangan are written from k. */
int store_kasus_set_terlapor(struct store *s, const struct kasus *k, int64_t now_ms);
/* The reporter adds evidence URLs: tautan and kekurangan from k. */
int store_kasus_set_tautan(struct store *s, const struct kasus *k, int64_t now_ms);
/* Assign an officer (0 = unassigned). */
int store_kasus_set_petugas(struct store *s, int64_t id, int64_t petugas_id, int64_t now_ms);

/* ---- evidence ---- */
struct kasus_bukti {
	int64_t id;
	int64_t kasus_id;
	char sha256[65];            /* the file's name in the files directory */
	char mime[64];
	int64_t ukuran;
	char nama_berkas[128];      /* the uploaded name, cleaned; display only */
	int metadata_dihapus;       /* EXIF/XMP removed before storage */
	char oleh[8];               /* "pelapor" | "petugas" */
	int64_t user_id;            /* the officer; 0 for the reporter */
	int64_t created_ms;
};
/* APP_ECONFLICT when the case already has a file with that SHA-256. */
int store_kasus_bukti_insert(struct store *s, struct kasus_bukti *b);
/* Oldest first, at most max; *n the count written. */
int store_kasus_bukti_list(struct store *s, int64_t kasus_id, struct kasus_bukti *out,
			   size_t max, size_t *n);
/* Every distinct sha256 the evidence rows name, ascending (the sweep of
 * files no row references: app/bukti.h bukti_orphans). cb may stop the
 * walk by returning non-zero. */
int store_kasus_bukti_sha_list(struct store *s, int (*cb)(void *ctx, const char *sha256),
			       void *ctx);
/* One file of a case; APP_ENOTFOUND when id is not a file of kasus_id. */
int store_kasus_bukti_get(struct store *s, int64_t kasus_id, int64_t id, struct kasus_bukti *out);

/* ---- messages between officer and reporter ---- */
struct kasus_pesan {
	int64_t id;
	int64_t kasus_id;
	int64_t created_ms;
	char dari[8];               /* "petugas" | "pelapor" */
	int64_t user_id;            /* the officer; 0 for the reporter */
	char petugas_nama[128];
	char isi[KASUS_PESAN_MAX];
};
int store_kasus_pesan_insert(struct store *s, struct kasus_pesan *p);
/* Oldest first, at most max. */
int store_kasus_pesan_list(struct store *s, int64_t kasus_id, struct kasus_pesan *out,
			   size_t max, size_t *n);

/* ---- identity openings (append-only) ---- */
struct kasus_identitas_akses {
	int64_t id;
	int64_t kasus_id;
	int64_t user_id;
	char petugas_nama[128];
	char alasan[KASUS_ALASAN_MAX];
	int64_t created_ms;
};
int store_kasus_akses_insert(struct store *s, struct kasus_identitas_akses *a);
/* Oldest first, at most max. */
int store_kasus_akses_list(struct store *s, int64_t kasus_id, struct kasus_identitas_akses *out,
			   size_t max, size_t *n);

/* ---- the oversight sealing key ---- */
struct kunci_pengawas {
	int64_t id;
	char public_hex[65];        /* X25519 public key (crypto_box) */
	char secret_box_hex[97];    /* secret key under crypto_secretbox, hex */
	char nonce_hex[49];
	char kdf_salt_hex[33];      /* Argon2id salt of the passphrase key */
	int64_t kdf_ops, kdf_mem;
	int64_t created_ms;
	int64_t retired_ms;         /* 0 = current */
};
/* Insert k as the current key, retiring the current one (if any) at
 * k->created_ms (0 = now). Sets k->id. */
int store_kunci_pengawas_insert(struct store *s, struct kunci_pengawas *k);
/* APP_ENOTFOUND when no key has been created. */
int store_kunci_pengawas_current(struct store *s, struct kunci_pengawas *out);
int store_kunci_pengawas_get(struct store *s, int64_t id, struct kunci_pengawas *out);

/* ---- the per-install receipt salt ---- */
/* The salt (32 hex digits); APP_ENOTFOUND before the first report. */
int store_laporan_salt_get(struct store *s, char out[33]);
/* Store salt_hex unless a salt exists already (write transaction); then
 * read back the one that is stored into out. */
int store_laporan_salt_init(struct store *s, const char *salt_hex, char out[33]);

#endif
