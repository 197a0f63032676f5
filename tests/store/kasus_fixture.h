/* Rows the case suites (test_store_kasus*.c, test_store_outbox.c) build on:
 * filled in memory only, so each suite inserts them its own way. */
#ifndef WASDAL_TESTS_STORE_KASUS_FIXTURE_H
#define WASDAL_TESTS_STORE_KASUS_FIXTURE_H

#include "core/compat.h"
#include "store/store.h"
#include "store/store_kasus.h"

/* An active PNS employee (III/a, pelaksana) of instansi_id. */
static inline void kasus_fixture_pegawai(struct pegawai *p, const char *nip, const char *nama,
					 int64_t instansi_id)
{
	memset(p, 0, sizeof(*p));
	snprintf(p->nip, sizeof(p->nip), "%s", nip);
	snprintf(p->nama, sizeof(p->nama), "%s", nama);
	snprintf(p->jenis_asn, sizeof(p->jenis_asn), "PNS");
	snprintf(p->golongan, sizeof(p->golongan), "III/a");
	snprintf(p->jenis_jabatan, sizeof(p->jenis_jabatan), "pelaksana");
	snprintf(p->status, sizeof(p->status), "aktif");
	p->instansi_id = instansi_id;
}

/* A case with the columns every insert needs: the receipt hash is 64 times
 * receipt_char (one case per character), violation KE-4 before the
 * candidates were set, incident day 20520 learned of the day after, sent
 * through the API under workflow version 1. The caller adds the reported
 * employee, the chronology, the reporter's mode and the scope. */
static inline void kasus_fixture_fill(struct kasus *k, char receipt_char, const char *konteks,
				      const char *tahap)
{
	memset(k, 0, sizeof(*k));
	memset(k->receipt_hash, receipt_char, 64);
	snprintf(k->konteks, sizeof(k->konteks), "%s", konteks);
	snprintf(k->tahap, sizeof(k->tahap), "%s", tahap);
	k->workflow_versi = 1;
	snprintf(k->pelanggaran_kode, sizeof(k->pelanggaran_kode), "KE-4");
	k->kejadian_hari = 20520;
	k->diketahui_hari = 20521;
	snprintf(k->penetapan_calon, sizeof(k->penetapan_calon), "sebelum");
	snprintf(k->sumber, sizeof(k->sumber), "api");
}

#endif
