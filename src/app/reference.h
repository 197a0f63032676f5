/* Reference tables of the registry (rules.md §8), kept as data in
 * data/ref/<name>.csv, embedded in the binary and parsed once on first use
 * (thread-safe). Lookups are case-insensitive and return the canonical
 * spelling; NULL when unknown. Lists are in file order. */
#ifndef WASDAL_APP_REFERENCE_H
#define WASDAL_APP_REFERENCE_H

#include <stddef.h>

struct ref_golongan {
	char jenis_asn[8];    /* PNS | PPPK */
	char golongan[8];     /* "III/a", PPPK "IX" */
	char pangkat[48];     /* PNS: "Penata Muda"; PPPK: "" */
	char kode[4];         /* SIASN-style code "31"; PPPK: "" */
	int tingkat;          /* 1..17 within its jenis_asn */
};

struct ref_item {
	char kode[24];        /* jpt_utama, ahli_muda, aktif ... */
	char nama[64];        /* "Jabatan Pimpinan Tinggi Utama" */
	char kelompok[16];    /* jabatan: manajerial|nonmanajerial; jenjang: keahlian|keterampilan */
	int flag;             /* jabatan: 1 when a jenjang is required; jenjang: level 1..4 */
};

const struct ref_golongan *ref_golongan_find(const char *jenis_asn, const char *golongan);
size_t ref_golongan_list(const struct ref_golongan **out);

const struct ref_item *ref_jabatan_find(const char *kode);
size_t ref_jabatan_list(const struct ref_item **out);
const struct ref_item *ref_jenjang_find(const char *kode);
size_t ref_jenjang_list(const struct ref_item **out);
const struct ref_item *ref_status_find(const char *kode);
size_t ref_status_list(const struct ref_item **out);

#endif
