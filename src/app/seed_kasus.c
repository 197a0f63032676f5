/* Demo neutrality cases (wasdal seed demo): a few cases at different stages
 * of the workflow, each driven there through the real transitions so the
 * history, due days, sanction and audit records are what an officer would
 * have produced. Idempotent: a case whose demo receipt hash exists is
 * skipped. The demo receipts are not given out: these cases cannot be
 * followed by a reporter. */
#include "core/compat.h"
#include "app/kasus_alur.h"
#include "app/seed.h"
#include "core/date.h"
#include "core/err.h"
#include "app/auth.h"
#include "core/xalloc.h"
#include "crypto/sha256.h"

struct demo_step {
	const char *ke;
	enum role role;
	const char *fields[8]; /* name, value pairs */
};

struct demo_kasus {
	const char *instansi_kode;
	int pegawai;            /* seed_demo_pegawai index, -1 = not linked */
	const char *konteks, *pelanggaran, *kronologi;
	struct demo_step steps[8];
};

#define REKOM { "hasil_kajian", "Terbukti memberikan dukungan melalui media sosial", \
		"jenis_pelanggaran", "KE-4", NULL }
static const struct demo_kasus demo[] = {
	{ "3374", 10, "pemilu", "KE-4", "Membagikan unggahan kampanye calon di grup WhatsApp dinas.",
	  { { NULL } } },
	{ "3374", 11, "pilkada", "KE-3", "Hadir dan berorasi pada deklarasi pasangan bakal calon.",
	  { { NULL } } },
	{ "3302", 3, "pemilu", "KE-2", "Mengunggah video ajakan memilih calon tertentu.",
	  { { "verifikasi_satgas", ROLE_BKN, { NULL } },
	    { "kajian_bawaslu", ROLE_BKN, { NULL } } } },
	{ "3374", 12, "pemilu", "KE-4", "Memberi tanda suka dan membagikan materi kampanye.",
	  { { "verifikasi_satgas", ROLE_BKN, { NULL } },
	    { "kajian_bawaslu", ROLE_BKN, { NULL } },
	    { "rekomendasi_bkn", ROLE_BAWASLU, REKOM },
	    { "tindak_lanjut_ppk", ROLE_BKN, { "jenis_pelanggaran", "KE-4", "tingkat_sanksi", "moral",
					     "nomor_rekomendasi", "DEMO/REK/2026/004", NULL } } } },
	{ "3322", 20, "pemilu", "KE-4", "Menjadi admin grup relawan pemenangan di media sosial.",
	  { { "verifikasi_satgas", ROLE_BKN, { NULL } },
	    { "kajian_bawaslu", ROLE_BKN, { NULL } },
	    { "rekomendasi_bkn", ROLE_BAWASLU, REKOM },
	    { "tindak_lanjut_ppk", ROLE_BKN, { "jenis_pelanggaran", "KE-4", "tingkat_sanksi", "moral",
					     "nomor_rekomendasi", "DEMO/REK/2026/005", NULL } },
	    { "selesai", ROLE_PPK, { "jenis_hukuman", "moral_terbuka", "nomor_sk", "800/DEMO/2026",
				     "tanggal_sk", "2026-11-02", NULL } } } },
	/* A repeat report on the employee of the case above: its sanction must
	 * be heavier than the first one. */
	{ "3322", 20, "pemilu", "KE-2", "Kembali mengunggah ajakan memilih setelah dijatuhi sanksi.",
	  { { "verifikasi_satgas", ROLE_BKN, { NULL } },
	    { "kajian_bawaslu", ROLE_BKN, { NULL } },
	    { "rekomendasi_bkn", ROLE_BAWASLU, REKOM },
	    { "tindak_lanjut_ppk", ROLE_BKN, { "jenis_pelanggaran", "KE-2", "tingkat_sanksi", "moral",
					     "nomor_rekomendasi", "DEMO/REK/2026/007", NULL } } } },
	{ NULL, -1, "pilkada", "lainnya", "Laporan tanpa identitas terlapor yang jelas.",
	  { { "menunggu_pelapor", ROLE_BKN, { "kekurangan", "terlapor", NULL } } } },
	/* The second province (DI Yogyakarta): one case with its Bawaslu, one
	 * just received; invisible to Jawa Tengah's accounts and vice versa. */
	{ "3471", SEED_DEMO_PEGAWAI + 1, "pemilu", "KE-4",
	  "Mengunggah foto bersama calon anggota DPD dengan ajakan memilih di akun pribadi.",
	  { { "verifikasi_satgas", ROLE_BKN, { NULL } },
	    { "kajian_bawaslu", ROLE_BKN, { NULL } } } },
	{ "3471", SEED_DEMO_PEGAWAI + 2, "pilkada", "KE-3",
	  "Menghadiri kampanye pasangan calon wali kota dengan seragam dinas.", { { NULL } } },
};

static int insert_case(struct store *s, const struct demo_kasus *d, int i, const char *hash,
		       struct kasus *k)
{
	memset(k, 0, sizeof(*k));
	snprintf(k->receipt_hash, sizeof(k->receipt_hash), "%s", hash);
	snprintf(k->konteks, sizeof(k->konteks), "%s", d->konteks);
	snprintf(k->tahap, sizeof(k->tahap), "diterima");
	k->workflow_versi = 1;
	int32_t today = kasus_today();
	k->kejadian_hari = today - 3 - i;
	k->diketahui_hari = today - 2 - i;
	snprintf(k->pelanggaran_kode, sizeof(k->pelanggaran_kode), "%s", d->pelanggaran);
	snprintf(k->penetapan_calon, sizeof(k->penetapan_calon), "sesudah");
	snprintf(k->kronologi, sizeof(k->kronologi), "%s", d->kronologi);
	snprintf(k->pelapor_mode, sizeof(k->pelapor_mode), "anonim");
	snprintf(k->sumber, sizeof(k->sumber), "seed");
	snprintf(k->wilayah, sizeof(k->wilayah), "%s",
		 d->instansi_kode && d->instansi_kode[0] == '3' && d->instansi_kode[1] == '4'
			 ? "DI Yogyakarta" : "Jawa Tengah");
	if (d->instansi_kode) {
		struct instansi in;
		int rc = store_instansi_get_by_kode(s, d->instansi_kode, &in);
		if (rc)
			return rc;
		k->instansi_id = in.id;
		snprintf(k->terlapor_instansi, sizeof(k->terlapor_instansi), "%s", in.nama);
	}
	if (d->pegawai >= 0) {
		struct seed_pegawai g;
		struct pegawai e;
		seed_demo_pegawai(d->pegawai, &g);
		int rc = store_pegawai_get_by_nip(s, g.nip, &e);
		if (rc)
			return rc;
		k->pegawai_id = e.id;
		k->instansi_id = e.instansi_id;
		snprintf(k->terlapor_nama, sizeof(k->terlapor_nama), "%s", e.nama);
		snprintf(k->terlapor_nip, sizeof(k->terlapor_nip), "%s", e.nip);
		snprintf(k->terlapor_jabatan, sizeof(k->terlapor_jabatan), "%s", e.jabatan);
	} else {
		snprintf(k->terlapor_nama, sizeof(k->terlapor_nama), "Tidak diketahui");
	}
	int rc = store_tx_begin(s, STORE_TX_WRITE);
	if (!rc)
		rc = store_kasus_insert(s, k);
	if (rc) {
		store_tx_rollback(s);
		return rc;
	}
	return store_tx_commit(s);
}

int seed_kasus(struct store *s, int *created)
{
	*created = 0;
	for (size_t i = 0; i < ARRAY_SIZE(demo); i++) {
		const struct demo_kasus *d = &demo[i];
		char seed[32], hash[SHA256_HEX];
		uint8_t dig[SHA256_BYTES];
		snprintf(seed, sizeof(seed), "wasdal-demo-kasus-%zu", i);
		sha256_buf(seed, strlen(seed), dig);
		sha256_hex(dig, hash);
		struct kasus *k = xmalloc(sizeof(*k));
		int rc = store_kasus_get_by_receipt(s, hash, k);
		if (rc == 0) {
			free(k);
			continue;
		}
		rc = rc == APP_ENOTFOUND ? insert_case(s, d, (int)i, hash, k) : rc;
		for (size_t j = 0; !rc && j < ARRAY_SIZE(d->steps) && d->steps[j].ke; j++) {
			const struct demo_step *st = &d->steps[j];
			struct principal p;
			auth_principal_cli("seed", &p);
			p.role = st->role;
			struct kasus_pindah pd = { .ke = st->ke };
			for (size_t f = 0; f + 1 < ARRAY_SIZE(st->fields) && st->fields[f]; f += 2) {
				pd.fields[pd.nfields].name = st->fields[f];
				pd.fields[pd.nfields++].value = st->fields[f + 1];
			}
			struct kasus_pindah_hasil r;
			rc = kasus_alur_pindah(s, &p, k->nomor, &pd, &r);
		}
		free(k);
		if (rc)
			return rc;
		(*created)++;
	}
	return 0;
}
