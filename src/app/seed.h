/* Demo data (wasdal seed demo): an instansi tree (nasional, one K/L,
 * Provinsi Jawa Tengah and four kabupaten/kota, Provinsi DI Yogyakarta and
 * Kota Yogyakarta), units, a few hundred
 * employees with valid NIPs from a deterministic generator, and one account
 * per role. Idempotent: a second run finds everything in place and writes
 * nothing (not even audit records). */
#ifndef WASDAL_APP_SEED_H
#define WASDAL_APP_SEED_H

#include <stdint.h>

struct store;

struct seed_account {
	const char *username, *role, *instansi_kode, *password, *what;
};

/* The demo accounts (terminated by username NULL); the passwords are public. */
extern const struct seed_account seed_demo_accounts[];

struct seed_stats {
	int64_t instansi, units, pegawai, pegawai_created, users_created;
	int64_t laporan_created;
};

/* Requires a migrated store. 0 or a negative app_err. */
int seed_demo(struct store *s, struct seed_stats *st);
/* The campaign area's part (app/seed_kampanye.c), run by seed_demo. */
int seed_kampanye(struct store *s, struct seed_stats *st);

/* The deterministic employee generator, exposed for tests: employee i of
 * the demo (0-based) as CSV-ready text fields. Returns 0. */
struct seed_pegawai {
	char nip[19], nama[128], jenis_asn[5], golongan[8], jenis_jabatan[24], jenjang[24],
	     jabatan[160], instansi_kode[32], unit_kode[32], status[16];
};
int seed_demo_pegawai(int i, struct seed_pegawai *out);
#define SEED_DEMO_PEGAWAI 360
/* Employees SEED_DEMO_PEGAWAI .. + SEED_DEMO_PEGAWAI_DIY - 1 are in the
 * second demo province (34 DI Yogyakarta, most in 3471 Kota Yogyakarta). */
#define SEED_DEMO_PEGAWAI_DIY 12
/* Demo neutrality cases at several stages (app/seed_kasus.c); *created
 * counts the new ones. */
int seed_kasus(struct store *s, int *created);

/* The demo events of app/seed_acara.c (called by seed_demo). */
struct principal;
int seed_demo_acara(struct store *s, const struct principal *p);
/* Demo citizen reports (app/seed_netralitas.c): their receipts are public
 * so the follow-up page can be tried; the demo oversight key's passphrase
 * is SEED_DEMO_KUNCI_PASSPHRASE (demo only: a real install creates its own
 * with 'wasdal kunci-pengawas buat'). */
struct seed_laporan {
	const char *receipt, *what;
};
extern const struct seed_laporan seed_demo_laporan[];
#define SEED_DEMO_KUNCI_PASSPHRASE "demo-kustodian-kunci-2026"
int seed_netralitas(struct store *s, struct seed_stats *st);

#endif
