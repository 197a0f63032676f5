/* Demo data of the campaign area (wasdal seed demo): in Kabupaten Banyumas
 * (3302) a neutrality declaration and an integrity pact template, a
 * campaign for every active employee with about half of them signed, and
 * the demo account asn.banyumas left unsigned so it can sign in the demo.
 * Everything goes through app/kampanye.c. Idempotent: when the template
 * exists nothing is written. */
#include "core/compat.h"
#include "app/seed.h"
#include "app/auth.h"
#include "app/kampanye.h"
#include "core/err.h"
#include "core/xalloc.h"
#include "store/store.h"
#include "store/store_kampanye.h"

static const char deklarasi[] =
	"Dalam rangka menjaga netralitas Aparatur Sipil Negara pada penyelenggaraan pemilihan umum "
	"dan pemilihan kepala daerah, saya menyatakan:\n\n"
	"1. Bersikap netral dan tidak berpihak kepada peserta pemilihan mana pun;\n"
	"2. Tidak menjadi anggota atau pengurus partai politik;\n"
	"3. Tidak menghadiri, mengikuti, atau terlibat dalam kampanye, termasuk di media sosial, "
	"dan tidak menggunakan fasilitas negara untuk kepentingan peserta pemilihan;\n"
	"4. Tidak membuat keputusan atau tindakan yang menguntungkan atau merugikan peserta "
	"pemilihan selama masa kampanye;\n"
	"5. Melaporkan dugaan pelanggaran netralitas yang saya ketahui kepada atasan, Bawaslu, "
	"atau kanal pengaduan resmi.\n\n"
	"Apabila saya melanggar pernyataan ini, saya bersedia dikenai sanksi sesuai ketentuan "
	"peraturan perundang-undangan (UU 20/2023 tentang ASN; PP 94/2021 tentang Disiplin PNS).";

static const char pakta[] =
	"Saya menyatakan dengan sungguh-sungguh bahwa saya:\n\n"
	"1. Berperan secara pro aktif dalam upaya pencegahan dan pemberantasan korupsi, kolusi, "
	"dan nepotisme serta tidak melibatkan diri dalam perbuatan tercela;\n"
	"2. Tidak meminta atau menerima pemberian secara langsung atau tidak langsung berupa suap, "
	"hadiah, bantuan, atau bentuk lainnya yang tidak sesuai dengan ketentuan;\n"
	"3. Bersikap transparan, jujur, objektif, dan akuntabel dalam melaksanakan tugas;\n"
	"4. Menghindari pertentangan kepentingan dalam melaksanakan tugas;\n"
	"5. Memberi contoh dalam kepatuhan terhadap peraturan perundang-undangan;\n"
	"6. Menjunjung nilai dasar ASN BerAKHLAK.\n\n"
	"Apabila saya melanggar hal-hal tersebut, saya siap menghadapi konsekuensinya.";

struct picked {
	struct pegawai *v;
	size_t n;
};

static int pick(void *ctx, const struct pegawai *e)
{
	struct picked *p = ctx;
	p->v = xrealloc(p->v, st_mult(p->n + 1, sizeof(*p->v)));
	p->v[p->n++] = *e;
	return 0;
}

int seed_kampanye(struct store *s, struct seed_stats *st)
{
	(void)st;
	struct instansi in;
	int rc = store_instansi_get_by_kode(s, "3302", &in);
	if (rc)
		return rc;
	int64_t versi = 0;
	rc = store_templat_max_versi(s, in.id, "deklarasi-netralitas", &versi);
	if (rc || versi > 0)
		return rc;
	struct principal bkpsdm;
	auth_principal_cli("seed", &bkpsdm);
	struct templat_input t1 = { "3302", "deklarasi-netralitas", "deklarasi_netralitas",
				    "Deklarasi Netralitas Aparatur Sipil Negara", deklarasi };
	struct templat_input t2 = { "3302", "pakta-integritas", "pakta_integritas", "Pakta Integritas",
				    pakta };
	int64_t tid = 0, kid = 0, unused;
	rc = kampanye_templat_create(s, &bkpsdm, &t1, &tid, NULL);
	if (!rc)
		rc = kampanye_templat_create(s, &bkpsdm, &t2, &unused, NULL);
	struct kampanye_input k = { .templat_id = tid, .nama = "Deklarasi Netralitas ASN Pilkada 2024",
				    .periode = "Pilkada 2024", .tenggat = "2027-03-31",
				    .cakupan = "instansi" };
	if (!rc)
		rc = kampanye_create(s, &bkpsdm, &k, &kid, NULL);
	if (rc)
		return rc;
	/* About half sign, more in some units than others, never the demo asn
	 * account's employee (seed employee 2). */
	struct seed_pegawai own;
	seed_demo_pegawai(2, &own);
	struct picked p = { 0 };
	rc = store_kampanye_scope_list(s, kid, 0, 0, pick, &p);
	for (size_t i = 0; !rc && i < p.n; i++) {
		if (!strcmp(p.v[i].nip, own.nip) || (int64_t)((i * 7) % 10) >= 3 + p.v[i].unit_id % 5)
			continue;
		struct principal asn = { .role = ROLE_ASN, .instansi_id = in.id };
		snprintf(asn.username, sizeof(asn.username), "seed:%s", p.v[i].nip);
		snprintf(asn.scope_path, sizeof(asn.scope_path), "%s", in.path);
		snprintf(asn.nip, sizeof(asn.nip), "%s", p.v[i].nip);
		struct tanda_tangan t;
		int created;
		rc = kampanye_sign(s, &asn, kid, &t, &created, NULL);
	}
	free(p.v);
	return rc;
}
