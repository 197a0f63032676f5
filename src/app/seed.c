/* Demo data (see seed.h). Everything goes through the same app functions
 * as real data, so it is validated and audited the same way. */
#include "core/compat.h"
#include "app/seed.h"
#include "app/audit.h"
#include "app/auth.h"
#include "app/diff.h"
#include "app/registry.h"
#include "app/registry_int.h"
#include "core/err.h"
#include "store/store.h"

struct seed_inst {
	const char *kode, *nama, *parent;
	enum instansi_jenis jenis;
};

static const struct seed_inst tree[] = {
	{ "NASIONAL", "Nasional", NULL, INSTANSI_NASIONAL },
	{ "KEMENDAGRI", "Kementerian Dalam Negeri", "NASIONAL", INSTANSI_KL },
	{ "33", "Pemerintah Provinsi Jawa Tengah", "NASIONAL", INSTANSI_PROVINSI },
	{ "3302", "Pemerintah Kabupaten Banyumas", "33", INSTANSI_KABKOTA },
	{ "3322", "Pemerintah Kabupaten Semarang", "33", INSTANSI_KABKOTA },
	{ "3372", "Pemerintah Kota Surakarta", "33", INSTANSI_KABKOTA },
	{ "3374", "Pemerintah Kota Semarang", "33", INSTANSI_KABKOTA },
	/* a second province, so scope isolation between provinces can be
	 * shown and tested (issue 3: a Bawaslu of one province never sees
	 * another's cases) */
	{ "34", "Pemerintah Daerah Istimewa Yogyakarta", "NASIONAL", INSTANSI_PROVINSI },
	{ "3471", "Pemerintah Kota Yogyakarta", "34", INSTANSI_KABKOTA },
};

struct seed_unit {
	const char *kode, *nama;
};

static const struct seed_unit units_kl[] = {
	{ "SETJEN", "Sekretariat Jenderal" },
	{ "ITJEN", "Inspektorat Jenderal" },
	{ "OTDA", "Direktorat Jenderal Otonomi Daerah" },
	{ "BANGDA", "Direktorat Jenderal Bina Pembangunan Daerah" },
};

static const struct seed_unit units_daerah[] = {
	{ "SETDA", "Sekretariat Daerah" },
	{ "BKPSDM", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia" },
	{ "INSPEKTORAT", "Inspektorat" },
	{ "DINKES", "Dinas Kesehatan" },
	{ "DISDIK", "Dinas Pendidikan" },
	{ "BAPPEDA", "Badan Perencanaan Pembangunan Daerah" },
};

const struct seed_account seed_demo_accounts[] = {
	{ "admin", "admin", "NASIONAL", "demo-admin-2026", "administrator sistem (nasional)" },
	{ "bkn", "bkn", "NASIONAL", "demo-bkn-2026", "pengawas BKN/Satgas (nasional)" },
	{ "bawaslu.jateng", "bawaslu", "33", "demo-bawaslu-2026", "Bawaslu Provinsi Jawa Tengah" },
	{ "ppk.semarang", "ppk", "3374", "demo-ppk-2026", "PPK Kota Semarang" },
	{ "bkpsdm.banyumas", "bkpsdm", "3302", "demo-bkpsdm-2026", "BKPSDM Kabupaten Banyumas" },
	{ "asn.banyumas", "asn", "3302", "demo-asn-2026", "ASN Kabupaten Banyumas (satu pegawai)" },
	{ "bawaslu.diy", "bawaslu", "34", "demo-bawaslu-2026", "Bawaslu Provinsi DI Yogyakarta" },
	{ "ppk.yogyakarta", "ppk", "3471", "demo-ppk-2026", "PPK Kota Yogyakarta" },
	{ "bkpsdm.yogyakarta", "bkpsdm", "3471", "demo-bkpsdm-2026", "BKPSDM Kota Yogyakarta" },
	{ "auditor", "auditor", "NASIONAL", "demo-auditor-2026", "auditor (baca saja, nasional)" },
	{ "custodian", "custodian", "NASIONAL", "demo-custodian-2026", "kustodian identitas pelapor" },
	{ "pansel", "pansel", "NASIONAL", "demo-pansel-2026", "panitia seleksi" },
	{ NULL, NULL, NULL, NULL, NULL },
};

/* ---- the deterministic employee generator ---- */

static uint32_t rnd(uint32_t *state)
{
	/* xorshift32: same sequence on every machine */
	uint32_t x = *state;
	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *state = x;
}

static const char *const first_m[] = {
	"Agus", "Budi", "Joko", "Slamet", "Eko", "Bambang", "Hendra", "Wahyu", "Dwi", "Teguh",
	"Ahmad", "Rudi", "Yusuf", "Arif", "Bayu", "Fajar", "Imam", "Rizky", "Heru", "Sigit",
};
static const char *const first_f[] = {
	"Sri", "Siti", "Dewi", "Endang", "Rina", "Nur", "Wulan", "Ratna", "Tri", "Yuni",
	"Fitri", "Lestari", "Indah", "Ayu", "Diah", "Retno", "Kartika", "Novi", "Putri", "Anisa",
};
static const char *const last[] = {
	"Santoso", "Wibowo", "Prasetyo", "Susanto", "Setiawan", "Hidayat", "Nugroho", "Saputra",
	"Rahayu", "Wahyuni", "Kurniawan", "Purnomo", "Hartono", "Sulistyo", "Utami", "Handayani",
	"Pratama", "Suryani", "Kusuma", "Widodo",
};
static const char *const degree[] = { "", ", S.H.", ", S.E.", ", S.Kom.", ", S.Pd.", ", S.T.",
				      ", M.Si.", ", S.Sos.", ", S.Kep.", ", A.Md." };

struct post {
	const char *jenis, *jenjang, *nama;
	int min_tingkat;  /* lowest PNS tingkat (1 = I/a ... 17 = IV/e) for the post */
	int pppk_gol;     /* PPPK golongan index 1..17 when held by PPPK, 0 = never */
};

static const struct post posts[] = {
	{ "pelaksana", "", "Pengadministrasi Perkantoran", 5, 5 },
	{ "pelaksana", "", "Penata Layanan Operasional", 7, 7 },
	{ "pelaksana", "", "Pengolah Data dan Informasi", 7, 0 },
	{ "fungsional", "ahli_pertama", "Analis Sumber Daya Manusia Aparatur Ahli Pertama", 9, 9 },
	{ "fungsional", "ahli_muda", "Auditor Ahli Muda", 11, 10 },
	{ "fungsional", "ahli_madya", "Perencana Ahli Madya", 13, 0 },
	{ "fungsional", "ahli_pertama", "Guru Ahli Pertama", 9, 9 },
	{ "fungsional", "terampil", "Perawat Terampil", 6, 7 },
	{ "fungsional", "mahir", "Pranata Komputer Mahir", 7, 0 },
	{ "fungsional", "penyelia", "Arsiparis Penyelia", 8, 0 },
	{ "pengawas", "", "Kepala Subbagian Umum dan Kepegawaian", 10, 0 },
	{ "administrator", "", "Kepala Bagian Organisasi", 12, 0 },
	{ "jpt_pratama", "", "Kepala Dinas", 14, 0 },
};

static const char *const gol_pns[] = {
	"", "I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d", "III/a", "III/b", "III/c",
	"III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e",
};
static const char *const gol_pppk[] = {
	"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
	"XIV", "XV", "XVI", "XVII",
};

static void set(char *dst, size_t cap, const char *src)
{
	size_t n = strnlen(src, cap - 1);
	memcpy(dst, src, n);
	dst[n] = '\0';
}

int seed_demo_pegawai(int i, struct seed_pegawai *out)
{
	memset(out, 0, sizeof(*out));
	uint32_t st = 2463534242u ^ (uint32_t)(i * 2654435761u);
	for (int k = 0; k < 4; k++)
		rnd(&st);
	/* place: a third in the ministry and province, the rest in kab/kota;
	 * the few past SEED_DEMO_PEGAWAI are the second province's (DI
	 * Yogyakarta), so the first SEED_DEMO_PEGAWAI stay where they were */
	static const char *const inst[] = { "KEMENDAGRI", "33", "3302", "3322", "3372", "3374" };
	const char *ik = i >= SEED_DEMO_PEGAWAI ? (i % 4 ? "3471" : "34") : inst[i % 6];
	set(out->instansi_kode, sizeof(out->instansi_kode), ik);
	if (!strcmp(ik, "KEMENDAGRI"))
		set(out->unit_kode, sizeof(out->unit_kode), units_kl[rnd(&st) % 4].kode);
	else
		set(out->unit_kode, sizeof(out->unit_kode), units_daerah[rnd(&st) % 6].kode);

	int female = (int)(rnd(&st) % 2);
	int pppk = i % 10 == 7;           /* one in ten is PPPK */
	const struct post *po;
	do
		po = &posts[rnd(&st) % ARRAY_SIZE(posts)];
	while (pppk && !po->pppk_gol);

	int by = 1966 + (int)(rnd(&st) % 33);   /* 1966..1998 */
	int bm = 1 + (int)(rnd(&st) % 12), bd = 1 + (int)(rnd(&st) % 28);
	int age_at_start = 21 + (int)(rnd(&st) % 9);
	int ty = by + age_at_start;
	if (pppk && ty < 2019)
		ty = 2019 + (int)(rnd(&st) % 6); /* 2019..2024 */
	if (ty > 2024)
		ty = 2024;
	int tm = 1 + (int)(rnd(&st) % 12);
	int seq = 1 + i % 997;
	char nipbuf[48];

	if (pppk) {
		snprintf(nipbuf, sizeof(nipbuf), "%04d%02d%02d%04d21%d%03d", by, bm, bd, ty,
			 female ? 2 : 1, seq);
		set(out->jenis_asn, sizeof(out->jenis_asn), "PPPK");
		set(out->golongan, sizeof(out->golongan), gol_pppk[po->pppk_gol]);
	} else {
		snprintf(nipbuf, sizeof(nipbuf), "%04d%02d%02d%04d%02d%d%03d", by, bm, bd, ty, tm,
			 female ? 2 : 1, seq);
		set(out->jenis_asn, sizeof(out->jenis_asn), "PNS");
		/* golongan: the post's entry level plus one step per four years,
		 * at most three steps above it and never past IV/e */
		int tenure = 2026 - ty;
		int t = po->min_tingkat + (tenure / 4 > 3 ? 3 : tenure / 4);
		if (t > 17)
			t = 17;
		set(out->golongan, sizeof(out->golongan), gol_pns[t]);
	}
	set(out->nip, sizeof(out->nip), nipbuf);
	set(out->jenis_jabatan, sizeof(out->jenis_jabatan), po->jenis);
	set(out->jenjang, sizeof(out->jenjang), po->jenjang);
	set(out->jabatan, sizeof(out->jabatan), po->nama);
	const char *fn = female ? first_f[rnd(&st) % 20] : first_m[rnd(&st) % 20];
	snprintf(out->nama, sizeof(out->nama), "%s %s%s", fn, last[rnd(&st) % 20],
		 degree[rnd(&st) % ARRAY_SIZE(degree)]);
	/* the oldest are retired */
	set(out->status, sizeof(out->status), !pppk && by < 1968 ? "pensiun" : "aktif");
	return 0;
}

/* ---- writing it ---- */

static int put_instansi(struct store *s, const struct principal *p, struct seed_stats *st)
{
	for (size_t i = 0; i < ARRAY_SIZE(tree); i++) {
		struct instansi in, parent;
		memset(&in, 0, sizeof(in));
		int rc = store_instansi_get_by_kode(s, tree[i].kode, &in);
		if (rc == 0) {
			st->instansi++;
			continue;
		}
		if (rc != APP_ENOTFOUND)
			return rc;
		memset(&in, 0, sizeof(in));
		set(in.kode, sizeof(in.kode), tree[i].kode);
		set(in.nama, sizeof(in.nama), tree[i].nama);
		in.jenis = tree[i].jenis;
		if (tree[i].parent) {
			rc = store_instansi_get_by_kode(s, tree[i].parent, &parent);
			if (rc)
				return rc;
			in.parent_id = parent.id;
		}
		rc = store_instansi_put(s, &in);
		if (!rc) {
			struct diff d;
			diff_init(&d);
			diff_str(&d, "nama", NULL, in.nama);
			diff_str(&d, "induk", NULL, tree[i].parent ? tree[i].parent : "");
			rc = audit_append(s, p, "create", "instansi", in.kode, diff_json(&d));
			diff_release(&d);
		}
		if (rc)
			return rc;
		st->instansi++;
	}
	return 0;
}

static int put_units(struct store *s, const struct principal *p, struct seed_stats *st)
{
	for (size_t i = 1; i < ARRAY_SIZE(tree); i++) {
		const struct seed_unit *u = i == 1 ? units_kl : units_daerah;
		size_t n = i == 1 ? ARRAY_SIZE(units_kl) : ARRAY_SIZE(units_daerah);
		for (size_t k = 0; k < n; k++) {
			struct pegawai_input in = { .instansi_kode = tree[i].kode,
						    .unit_kode = u[k].kode, .unit_nama = u[k].nama };
			struct reg_place pl;
			struct field_errors fe = { 0 };
			int rc = registry_resolve(s, p, &in, 1, &pl, &fe, NULL);
			if (rc)
				return rc;
			st->units++;
		}
	}
	return 0;
}

static int put_pegawai(struct store *s, const struct principal *p, struct seed_stats *st)
{
	for (int i = 0; i < SEED_DEMO_PEGAWAI + SEED_DEMO_PEGAWAI_DIY; i++) {
		struct seed_pegawai g;
		seed_demo_pegawai(i, &g);
		struct pegawai_input in = {
			.nip = g.nip, .nama = g.nama, .jenis_asn = g.jenis_asn, .golongan = g.golongan,
			.jenis_jabatan = g.jenis_jabatan, .jenjang = g.jenjang, .jabatan = g.jabatan,
			.instansi_kode = g.instansi_kode, .unit_kode = g.unit_kode, .status = g.status,
		};
		struct pegawai v;
		struct registry_save_result r;
		memset(&v, 0, sizeof(v));
		memset(&r, 0, sizeof(r));
		int rc = registry_validate(&in, 202611, &v, &r.fe);
		if (!rc) {
			struct reg_place pl;
			rc = registry_resolve(s, p, &in, 0, &pl, &r.fe, NULL);
			if (!rc)
				rc = registry_write(s, p, &v, &pl, &r, NULL);
		}
		if (rc == APP_EBLOCKED)
			rc = 0; /* the demo's blocked employee stays as it is */
		if (rc)
			return rc;
		st->pegawai++;
		st->pegawai_created += r.created;
	}
	return 0;
}

int seed_demo(struct store *s, struct seed_stats *st)
{
	memset(st, 0, sizeof(*st));
	struct principal p;
	auth_principal_cli("seed", &p);
	int rc = store_tx_begin(s, STORE_TX_WRITE);
	if (rc)
		return rc;
	rc = put_instansi(s, &p, st);
	if (!rc)
		rc = put_units(s, &p, st);
	if (!rc)
		rc = put_pegawai(s, &p, st);
	if (rc) {
		store_tx_rollback(s);
		return rc;
	}
	rc = store_tx_commit(s);
	if (rc)
		return rc;

	/* one blocked employee, to show blokir (only the first time) */
	struct seed_pegawai g;
	seed_demo_pegawai(4, &g); /* in 3322 */
	struct pegawai e;
	if (store_pegawai_get_by_nip(s, g.nip, &e) == 0 && !e.blokir) {
		rc = registry_set_blokir(s, &p, g.nip, "Dalam pemeriksaan dugaan pelanggaran netralitas",
					 "DEMO/001/2026", NULL);
		if (rc && rc != APP_ECONFLICT)
			return rc;
	}

	/* accounts; the asn account belongs to employee 2 (in 3302) */
	seed_demo_pegawai(2, &g);
	for (const struct seed_account *a = seed_demo_accounts; a->username; a++) {
		struct user u;
		if (store_user_get_by_username(s, a->username, &u) == 0)
			continue;
		struct auth_user_new nu = {
			.username = a->username, .nama = a->what, .role = a->role,
			.instansi_kode = a->instansi_kode, .password = a->password,
			.nip = !strcmp(a->role, "asn") ? g.nip : NULL,
		};
		rc = auth_user_add(s, &p, &nu, NULL, NULL);
		if (rc)
			return rc;
		st->users_created++;
	}
	rc = seed_kampanye(s, st);
	if (rc)
		return rc;
	rc = seed_netralitas(s, st);
	if (rc)
		return rc;
	int ncases;
	rc = seed_kasus(s, &ncases);
	return rc ? rc : seed_demo_acara(s, &p);
}
