/* Demo citizen reports for 'wasdal seed demo': a demo oversight key (when
 * none exists), four reports that show the cases a handler meets (linked
 * to the registry, confidential, incomplete and late, open) and one
 * officer message. Idempotent: a report whose receipt is already stored is
 * skipped. Dates are relative to today so the demo never looks stale. */
#include "core/compat.h"
#include "app/auth.h"
#include "app/laporan_int.h"
#include "app/seed.h"
#include "core/date.h"
#include "core/err.h"
#include "crypto/receipt.h"
#include "store/store.h"

const struct seed_laporan seed_demo_laporan[] = {
	{ "1111222233330001", "anonim, ASN Banyumas terhubung ke registri, dengan tautan bukti" },
	{ "1111222233330002", "rahasia (identitas tersegel), tanpa bukti: kurang bukti" },
	{ "1111222233330003", "anonim, terlambat (> 7 hari), kurang bukti dan terlapor" },
	{ "1111222233330004", "terbuka, dengan pesan dari petugas BKN" },
	{ NULL, NULL },
};

static void set(struct laporan_input *in, const char *name, const char *v)
{
	(void)laporan_input_set(in, name, v, strlen(v));
}

static void day(struct laporan_input *in, const char *name, int32_t d)
{
	char buf[16];
	date_format_iso(d, buf, sizeof(buf));
	set(in, name, buf);
}

static int exists(struct store *s, const char *receipt)
{
	char salt[33], hash[RECEIPT_HASH_HEX];
	struct kasus *k;
	if (store_laporan_salt_get(s, salt) || receipt_hash(receipt, salt, hash))
		return 0;
	k = calloc(1, sizeof(*k));
	int found = k && store_kasus_get_by_receipt(s, hash, k) == 0;
	free(k);
	return found;
}

int seed_netralitas(struct store *s, struct seed_stats *st)
{
	struct kunci_pengawas key;
	struct principal p;
	auth_principal_cli("seed", &p);
	int rc = store_kunci_pengawas_current(s, &key);
	if (rc == APP_ENOTFOUND)
		rc = laporan_kunci_buat(s, &p, SEED_DEMO_KUNCI_PASSPHRASE, &key);
	if (rc)
		return rc;
	int32_t today = date_today_wib();
	int64_t now = laporan_now_ms();
	struct seed_pegawai g;
	seed_demo_pegawai(2, &g); /* in 3302 Banyumas */
	struct laporan_input *in = calloc(1, sizeof(*in));
	if (!in)
		return APP_ENOMEM;
	for (int i = 0; seed_demo_laporan[i].receipt && !rc; i++) {
		if (exists(s, seed_demo_laporan[i].receipt))
			continue;
		memset(in, 0, sizeof(*in));
		switch (i) {
		case 0:
			set(in, "konteks", "pilkada");
			set(in, "wilayah", "Kabupaten Banyumas, Jawa Tengah");
			set(in, "terlapor_nip", g.nip);
			set(in, "pelanggaran_kode", "KE-4");
			day(in, "kejadian_tanggal", today - 2);
			set(in, "kejadian_tempat", "Grup WhatsApp kantor kecamatan");
			set(in, "penetapan_calon", "sebelum");
			set(in, "kronologi", "Terlapor membagikan poster bakal calon bupati ke grup WhatsApp kantor"
					     " pada jam kerja dan mengajak anggota grup untuk mendukung.");
			set(in, "tautan", "https://example.org/tangkapan/grup-kantor-1");
			set(in, "pelapor_mode", "anonim");
			break;
		case 1:
			set(in, "konteks", "pemilu");
			set(in, "wilayah", "Kota Semarang, Jawa Tengah");
			set(in, "terlapor_nama", "Drs. Contoh Terlapor");
			set(in, "terlapor_jabatan", "Kepala Bidang");
			set(in, "terlapor_instansi", "Dinas Pendidikan Kota Semarang");
			set(in, "pelanggaran_kode", "HD-8");
			day(in, "kejadian_tanggal", today - 4);
			set(in, "kejadian_tempat", "Aula dinas");
			set(in, "kronologi", "Dalam rapat dinas terlapor meminta para guru memilih calon anggota"
					     " legislatif tertentu dan membagikan kalender bergambar calon.");
			set(in, "pelapor_mode", "rahasia");
			set(in, "pelapor_nama", "Pelapor Demo Rahasia");
			set(in, "pelapor_nik", "3374010101900001");
			set(in, "pelapor_kontak", "pelapor.rahasia@example.org");
			set(in, "pelapor_jenis", "pemilih");
			break;
		case 2:
			set(in, "konteks", "pilkada");
			set(in, "wilayah", "Kabupaten Banyumas, Jawa Tengah");
			set(in, "pelanggaran_kode", "lainnya");
			set(in, "pelanggaran_lain", "Memakai mobil dinas untuk acara relawan");
			day(in, "kejadian_tanggal", today - 20);
			day(in, "diketahui_tanggal", today - 15);
			set(in, "kronologi", "Mobil dinas berpelat merah terlihat mengangkut spanduk relawan pada"
					     " malam hari di dekat kantor kecamatan.");
			set(in, "pelapor_mode", "anonim");
			break;
		default:
			set(in, "konteks", "pilkada");
			set(in, "wilayah", "Kabupaten Banyumas, Jawa Tengah");
			set(in, "terlapor_nama", "Contoh ASN Camat");
			set(in, "terlapor_instansi", "Pemerintah Kabupaten Banyumas");
			set(in, "pelanggaran_kode", "KE-3");
			day(in, "kejadian_tanggal", today - 1);
			set(in, "kronologi", "Terlapor hadir dan berpidato mendukung pasangan bakal calon pada"
					     " deklarasi di lapangan desa.");
			set(in, "tautan", "https://example.org/video/deklarasi");
			set(in, "saksi", "Dua warga desa (nama ada pada pelapor)");
			set(in, "pelapor_mode", "terbuka");
			set(in, "pelapor_nama", "Pelapor Demo Terbuka");
			set(in, "pelapor_kontak", "0812-0000-0000");
			set(in, "pelapor_jenis", "pemantau");
			break;
		}
		struct laporan_diterima d;
		struct laporan_errors err = { .n = 0 };
		rc = laporan_ajukan_receipt(s, "seed", in, NULL, 0, "seed", seed_demo_laporan[i].receipt,
					    now, &d, &err);
		if (rc)
			break;
		st->laporan_created++;
		if (i == 3) {
			struct user u;
			if (store_user_get_by_username(s, "bkn", &u) == 0) {
				struct principal bkn = { .user_id = u.id, .role = ROLE_BKN };
				snprintf(bkn.username, sizeof(bkn.username), "%s", u.username);
				snprintf(bkn.nama, sizeof(bkn.nama), "%s", u.nama);
				snprintf(bkn.scope_path, sizeof(bkn.scope_path), "/");
				struct kasus_pesan m;
				rc = laporan_pesan_petugas(s, &bkn, d.nomor,
							   "Terima kasih. Mohon kirim tautan video deklarasi yang"
							   " lengkap atau nama saksi yang dapat dihubungi.", &m);
			}
		}
	}
	free(in);
	return rc;
}
