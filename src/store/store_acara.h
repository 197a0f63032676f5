/* Store operations of the events area (apel, sosialisasi): events,
 * attendance, coverage counts and material files. Part of the store
 * interface: include store/store.h and this header. */
#ifndef WASDAL_STORE_STORE_ACARA_H
#define WASDAL_STORE_STORE_ACARA_H

#include <stddef.h>
#include <stdint.h>

struct store;
struct buf;

struct acara {
	int64_t id;
	char kode[13];          /* check-in code, [A-Z0-9]{4,12}, unique */
	char jenis[12];         /* "apel" | "sosialisasi" */
	char topik[256];
	int64_t mulai_ms, selesai_ms; /* the check-in window [mulai, selesai) */
	char tempat[256];       /* place, or "" when online only */
	char tautan[512];       /* online link, or "" */
	char narasumber[160];   /* speaker */
	int64_t instansi_id;    /* organiser, and the target instansi */
	int64_t unit_id;        /* organising unit, 0 = the instansi itself */
	int64_t sasaran_unit_id;/* target unit, 0 = every employee of the instansi */
	int64_t created_ms, updated_ms;
	/* filled by reads */
	char instansi_path[256];
	int64_t hadir;          /* attendance count */
};

/* Sets a->id; created_ms/updated_ms 0 mean now. A kode in use is
 * APP_ECONFLICT. */
int store_acara_insert(struct store *s, struct acara *a);
/* Updates every field but id, kode, created_ms (updated_ms 0 = now). */
int store_acara_update(struct store *s, struct acara *a);
int store_acara_get(struct store *s, int64_t id, struct acara *out);
/* kode is matched exactly (callers upper-case it). */
int store_acara_get_by_kode(struct store *s, const char *kode, struct acara *out);
/* Events of instansi under scope_path, newest mulai first; before_mulai_ms
 * > 0 keeps events starting before it (paging); limit 0 = all. */
int store_acara_list(struct store *s, const char *scope_path, int64_t before_mulai_ms, int limit,
		     int (*cb)(void *ctx, const struct acara *), void *ctx);

/* ---- attendance ---- */
/* Record that pegawai_id attended; *inserted is 0 when it was already
 * recorded (the first record, its cara and time, are kept). */
int store_acara_hadir_put(struct store *s, int64_t acara_id, int64_t pegawai_id, const char *cara,
			  int64_t now_ms, int *inserted);

/* One target employee of an event and whether they attended. */
struct acara_peserta {
	int64_t pegawai_id;
	char nip[19];
	char nama[128];
	int64_t unit_id;
	int hadir;              /* 1 when recorded */
	char cara[12];          /* how, when hadir */
	int64_t dicatat_ms;
};

/* The target employees of the event (active employees of its instansi, or
 * of its target unit), ordered by NIP, after after_nip ("" = from the
 * start), at most limit (0 = all). */
int store_acara_peserta_list(struct store *s, const struct acara *a, const char *after_nip,
			     int limit, int (*cb)(void *ctx, const struct acara_peserta *), void *ctx);
/* Count of target employees and of those recorded present. */
int store_acara_peserta_count(struct store *s, const struct acara *a, int64_t *sasaran,
			      int64_t *hadir);

/* ---- coverage: sosialisasi reach per unit ---- */
struct acara_cakupan_row {
	int64_t unit_id;        /* 0: employees without a unit */
	int64_t pegawai;        /* active employees */
	int64_t terjangkau;     /* of whom attended at least one sosialisasi */
};

/* Per unit of the instansi (units with no active employee are left out),
 * ordered by unit id: active employees and those who attended at least one
 * sosialisasi starting in [from_ms, to_ms). */
int store_acara_cakupan(struct store *s, int64_t instansi_id, int64_t from_ms, int64_t to_ms,
			int (*cb)(void *ctx, const struct acara_cakupan_row *), void *ctx);
/* Active employees of the instansi never reached in that period, ordered by
 * unit id then NIP (only id, nip, nama, unit_id are filled). */
int store_acara_belum_list(struct store *s, int64_t instansi_id, int64_t from_ms, int64_t to_ms,
			   int (*cb)(void *ctx, const struct acara_peserta *), void *ctx);

/* ---- material files, stored once by SHA-256 ---- */
struct acara_materi {
	int64_t acara_id;
	char sha256[65];
	char nama[160];         /* file name shown and sent */
	char mime[80];
	int64_t ukuran;
	int64_t created_ms;
};

/* Store the bytes under m->sha256 (kept when already stored) and link them
 * to the event; *inserted 0 when the event already had that file. */
int store_acara_materi_put(struct store *s, struct acara_materi *m, const void *data, size_t len,
			   int *inserted);
int store_acara_materi_list(struct store *s, int64_t acara_id,
			    int (*cb)(void *ctx, const struct acara_materi *), void *ctx);
/* The metadata and the bytes (appended to out) of one linked file. */
int store_acara_materi_get(struct store *s, int64_t acara_id, const char *sha256,
			   struct acara_materi *meta, struct buf *out);

#endif
