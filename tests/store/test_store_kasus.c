/* Conformance of the neutrality case area (src/store/store_kasus.h), run on
 * both backends by tests/store/run.sh: case insert and lookups (id, nomor,
 * receipt hash), stage and terlapor updates, the year counter of case
 * numbers, evidence, messages, identity openings (append-only), the
 * oversight key rotation and the per-install receipt salt. */
#include "core/compat.h"
#include "core/err.h"
#include "store/store.h"
#include "store/store_kasus.h"
#include "kasus_fixture.h"
#include "store_suite.h"

static int64_t instansi_id, pegawai_id, user_id, kunci_id;
static char instansi_path[256];

/* 2026-03-10 12:00 WIB in ms */
#define T0 1773118800000LL

static void fixtures(void **state)
{
	(void)state;
	BEGIN_W();
	struct instansi in = { 0 };
	snprintf(in.kode, sizeof(in.kode), "KS-ROOT");
	snprintf(in.nama, sizeof(in.nama), "Pemkab Kasus");
	in.jenis = INSTANSI_KABKOTA;
	OK(store_instansi_put(S, &in));
	instansi_id = in.id;
	snprintf(instansi_path, sizeof(instansi_path), "%s", in.path);
	struct pegawai p;
	kasus_fixture_pegawai(&p, "198001012005011001", "Budi Terlapor", in.id);
	int changed;
	OK(store_pegawai_upsert(S, &p, &changed));
	pegawai_id = p.id;
	struct user u = { 0 };
	snprintf(u.username, sizeof(u.username), "kustodian.kasus");
	snprintf(u.nama, sizeof(u.nama), "Kustodian Satu");
	snprintf(u.role, sizeof(u.role), "custodian");
	snprintf(u.password_hash, sizeof(u.password_hash), "x");
	u.instansi_id = in.id;
	OK(store_user_insert(S, &u));
	user_id = u.id;
	COMMIT();
}

static void fill_kasus(struct kasus *k, char receipt_char, const char *mode)
{
	kasus_fixture_fill(k, receipt_char, "pilkada", "diterima");
	snprintf(k->terlapor_nama, sizeof(k->terlapor_nama), "Budi Terlapor");
	snprintf(k->kronologi, sizeof(k->kronologi), "Membagikan unggahan kampanye di grup WhatsApp dinas.");
	snprintf(k->pelapor_mode, sizeof(k->pelapor_mode), "%s", mode);
	k->created_ms = T0;
}

static void kunci_rotation(void **state)
{
	(void)state;
	struct kunci_pengawas cur, k = { 0 };
	assert_int_eq(store_kunci_pengawas_current(S, &cur), APP_ENOTFOUND);
	assert_int_eq(store_kunci_pengawas_insert(S, &k), APP_EINTERNAL); /* outside a write tx */
	memset(k.public_hex, 'a', 64);
	memset(k.secret_box_hex, 'b', 96);
	memset(k.nonce_hex, 'c', 48);
	memset(k.kdf_salt_hex, 'd', 32);
	k.kdf_ops = 3;
	k.kdf_mem = 65536 * 1024LL;
	k.created_ms = 1000;
	BEGIN_W();
	OK(store_kunci_pengawas_insert(S, &k));
	struct kunci_pengawas k2 = k;
	k2.created_ms = 2000;
	memset(k2.public_hex, 'e', 64);
	OK(store_kunci_pengawas_insert(S, &k2));
	COMMIT();
	OK(store_kunci_pengawas_current(S, &cur));
	assert_int_eq(cur.id, k2.id);
	assert_str_eq(cur.secret_box_hex, k.secret_box_hex);
	assert_int_eq(cur.kdf_mem, 65536 * 1024LL);
	OK(store_kunci_pengawas_get(S, k.id, &cur));
	assert_int_eq(cur.retired_ms, 2000);
	assert_int_eq(store_kunci_pengawas_get(S, 0, &cur), APP_ENOTFOUND);
	kunci_id = k2.id;
}

static void salt_once(void **state)
{
	(void)state;
	char out[33], a[33], b[33];
	assert_int_eq(store_laporan_salt_get(S, out), APP_ENOTFOUND);
	memset(a, '1', 32);
	a[32] = 0;
	memset(b, '2', 32);
	b[32] = 0;
	BEGIN_W();
	OK(store_laporan_salt_init(S, a, out));
	assert_str_eq(out, a);
	OK(store_laporan_salt_init(S, b, out)); /* a second init keeps the first */
	assert_str_eq(out, a);
	COMMIT();
	OK(store_laporan_salt_get(S, out));
	assert_str_eq(out, a);
}

static void kasus_insert_lookups(void **state)
{
	(void)state;
	struct kasus k, got;
	fill_kasus(&k, 'a', "anonim");
	k.pegawai_id = pegawai_id;
	k.instansi_id = instansi_id;
	snprintf(k.terlapor_nip, sizeof(k.terlapor_nip), "198001012005011001");
	snprintf(k.kekurangan, sizeof(k.kekurangan), "bukti");
	k.terlambat = 1;
	BEGIN_W();
	OK(store_kasus_insert(S, &k));
	assert_true(k.id > 0);
	assert_str_eq(k.nomor, "NTR-2026-000001");
	struct kasus k2;
	fill_kasus(&k2, 'b', "rahasia");
	snprintf(k2.identitas_sealed, sizeof(k2.identitas_sealed), "c2VhbGVk");
	k2.identitas_kunci_id = kunci_id;
	OK(store_kasus_insert(S, &k2));
	assert_str_eq(k2.nomor, "NTR-2026-000002");
	COMMIT();

	OK(store_kasus_get(S, k.id, &got));
	assert_str_eq(got.nomor, k.nomor);
	assert_str_eq(got.konteks, "pilkada");
	assert_str_eq(got.tahap, "diterima");
	assert_int_eq(got.tenggat_hari, KASUS_NO_TENGGAT);
	assert_int_eq(got.pegawai_id, pegawai_id);
	assert_str_eq(got.instansi_path, instansi_path);
	assert_str_eq(got.kekurangan, "bukti");
	assert_int_eq(got.terlambat, 1);
	assert_int_eq(got.kejadian_hari, 20520);
	assert_str_eq(got.identitas_sealed, "");
	assert_str_eq(got.sumber, "api");
	assert_int_eq(got.created_ms, T0);
	OK(store_kasus_get_by_nomor(S, "NTR-2026-000002", &got));
	assert_int_eq(got.id, k2.id);
	assert_str_eq(got.identitas_sealed, "c2VhbGVk");
	assert_int_eq(got.identitas_kunci_id, kunci_id);
	assert_str_eq(got.instansi_path, "");
	OK(store_kasus_get_by_receipt(S, k.receipt_hash, &got));
	assert_int_eq(got.id, k.id);
	char other[65];
	memset(other, 'f', 64);
	other[64] = 0;
	assert_int_eq(store_kasus_get_by_receipt(S, other, &got), APP_ENOTFOUND);
	assert_int_eq(store_kasus_get_by_nomor(S, "NTR-2026-999999", &got), APP_ENOTFOUND);
	assert_int_eq(store_kasus_get(S, 987654, &got), APP_ENOTFOUND);

	/* a taken receipt hash is a conflict, and rolls back whole */
	struct kasus dup;
	fill_kasus(&dup, 'a', "anonim");
	BEGIN_W();
	assert_int_eq(store_kasus_insert(S, &dup), APP_ECONFLICT);
	store_tx_rollback(S);
	/* anonim with a sealed identity breaks a CHECK */
	fill_kasus(&dup, 'c', "anonim");
	snprintf(dup.identitas_sealed, sizeof(dup.identitas_sealed), "eA==");
	dup.identitas_kunci_id = kunci_id;
	BEGIN_W();
	assert_true(store_kasus_insert(S, &dup) != 0);
	store_tx_rollback(S);
	/* rahasia without one as well */
	fill_kasus(&dup, 'c', "rahasia");
	BEGIN_W();
	assert_true(store_kasus_insert(S, &dup) != 0);
	store_tx_rollback(S);
	/* the counter was rolled back too: the next number follows on */
	fill_kasus(&dup, 'c', "anonim");
	BEGIN_W();
	OK(store_kasus_insert(S, &dup));
	COMMIT();
	assert_str_eq(dup.nomor, "NTR-2026-000003");
	/* a new year starts at 1 (2027-01-01 00:30 WIB is still 2026 in UTC) */
	fill_kasus(&dup, 'd', "anonim");
	dup.created_ms = 1798738200000LL;
	BEGIN_W();
	OK(store_kasus_insert(S, &dup));
	COMMIT();
	assert_str_eq(dup.nomor, "NTR-2027-000001");
}

static void kasus_updates(void **state)
{
	(void)state;
	struct kasus k, got;
	fill_kasus(&k, '1', "anonim");
	snprintf(k.kekurangan, sizeof(k.kekurangan), "bukti;terlapor");
	BEGIN_W();
	OK(store_kasus_insert(S, &k));
	COMMIT();
	assert_int_eq(store_kasus_set_tahap(S, &k, 0), APP_EINTERNAL); /* outside a write tx */
	snprintf(k.tahap, sizeof(k.tahap), "verifikasi_satgas");
	k.tahap_sejak_ms = T0 + 5000;
	k.tenggat_hari = 20530;
	k.workflow_versi = 2;
	k.kekurangan[0] = 0;
	BEGIN_W();
	OK(store_kasus_set_tahap(S, &k, T0 + 5000));
	COMMIT();
	OK(store_kasus_get(S, k.id, &got));
	assert_str_eq(got.tahap, "verifikasi_satgas");
	assert_int_eq(got.tenggat_hari, 20530);
	assert_int_eq(got.workflow_versi, 2);
	assert_int_eq(got.tahap_sejak_ms, T0 + 5000);
	assert_int_eq(got.updated_ms, T0 + 5000);
	assert_str_eq(got.kekurangan, "");

	got.pegawai_id = pegawai_id;
	got.instansi_id = instansi_id;
	snprintf(got.terlapor_nip, sizeof(got.terlapor_nip), "198001012005011001");
	snprintf(got.terlapor_jabatan, sizeof(got.terlapor_jabatan), "Camat");
	BEGIN_W();
	OK(store_kasus_set_terlapor(S, &got, T0 + 6000));
	OK(store_kasus_set_petugas(S, got.id, user_id, T0 + 7000));
	snprintf(got.tautan, sizeof(got.tautan), "https://example.org/a");
	snprintf(got.kekurangan, sizeof(got.kekurangan), "terlapor");
	OK(store_kasus_set_tautan(S, &got, T0 + 7000));
	COMMIT();
	OK(store_kasus_get(S, k.id, &got));
	assert_int_eq(got.pegawai_id, pegawai_id);
	assert_str_eq(got.terlapor_jabatan, "Camat");
	assert_str_eq(got.instansi_path, instansi_path);
	assert_int_eq(got.petugas_id, user_id);
	assert_int_eq(got.updated_ms, T0 + 7000);
	assert_str_eq(got.tautan, "https://example.org/a");
	assert_str_eq(got.kekurangan, "terlapor");
	/* back to no deadline, and no officer */
	got.tenggat_hari = KASUS_NO_TENGGAT;
	BEGIN_W();
	OK(store_kasus_set_tahap(S, &got, 0));
	OK(store_kasus_set_petugas(S, got.id, 0, 0));
	COMMIT();
	OK(store_kasus_get(S, k.id, &got));
	assert_int_eq(got.tenggat_hari, KASUS_NO_TENGGAT);
	assert_int_eq(got.petugas_id, 0);
	got.id = 987654;
	BEGIN_W();
	assert_int_eq(store_kasus_set_tahap(S, &got, 0), APP_ENOTFOUND);
	store_tx_rollback(S);
}

struct sha_seen {
	int n;
	char all[4 * 65 + 1];   /* the first four, each in 65 bytes */
};

static int see_sha(void *ctx, const char *sha)
{
	struct sha_seen *w = ctx;
	if (w->n < 4)
		memcpy(w->all + w->n * 65, sha, strnlen(sha, 64));
	w->n++;
	return 0;
}

static void bukti_pesan_akses(void **state)
{
	(void)state;
	struct kasus k;
	fill_kasus(&k, '2', "anonim");
	BEGIN_W();
	OK(store_kasus_insert(S, &k));
	struct kasus_bukti b = { 0 };
	b.kasus_id = k.id;
	memset(b.sha256, '9', 64);
	snprintf(b.mime, sizeof(b.mime), "image/jpeg");
	b.ukuran = 1234;
	snprintf(b.nama_berkas, sizeof(b.nama_berkas), "foto.jpg");
	b.metadata_dihapus = 1;
	snprintf(b.oleh, sizeof(b.oleh), "pelapor");
	b.created_ms = T0;
	OK(store_kasus_bukti_insert(S, &b));
	struct kasus_bukti b2 = b;
	memset(b2.sha256, '8', 64);
	snprintf(b2.mime, sizeof(b2.mime), "application/pdf");
	b2.metadata_dihapus = 0;
	b2.created_ms = T0 + 1;
	OK(store_kasus_bukti_insert(S, &b2));
	struct kasus_pesan m = { 0 };
	m.kasus_id = k.id;
	snprintf(m.dari, sizeof(m.dari), "petugas");
	m.user_id = user_id;
	snprintf(m.petugas_nama, sizeof(m.petugas_nama), "Kustodian Satu");
	snprintf(m.isi, sizeof(m.isi), "Mohon lampirkan tangkapan layar.");
	m.created_ms = T0 + 10;
	OK(store_kasus_pesan_insert(S, &m));
	struct kasus_pesan r = { 0 };
	r.kasus_id = k.id;
	snprintf(r.dari, sizeof(r.dari), "pelapor");
	snprintf(r.isi, sizeof(r.isi), "Sudah saya lampirkan.");
	r.created_ms = T0 + 20;
	OK(store_kasus_pesan_insert(S, &r));
	struct kasus_identitas_akses a = { 0 };
	a.kasus_id = k.id;
	a.user_id = user_id;
	snprintf(a.petugas_nama, sizeof(a.petugas_nama), "Kustodian Satu");
	snprintf(a.alasan, sizeof(a.alasan), "Permintaan klarifikasi Bawaslu");
	a.created_ms = T0 + 30;
	OK(store_kasus_akses_insert(S, &a));
	COMMIT();

	/* the same file twice on one case is a conflict */
	BEGIN_W();
	b.id = 0;
	assert_int_eq(store_kasus_bukti_insert(S, &b), APP_ECONFLICT);
	store_tx_rollback(S);
	/* a reporter message carries no officer */
	BEGIN_W();
	r.user_id = user_id;
	assert_true(store_kasus_pesan_insert(S, &r) != 0);
	store_tx_rollback(S);

	struct kasus_bukti bl[4];
	size_t n;
	OK(store_kasus_bukti_list(S, k.id, bl, 4, &n));
	assert_int_eq(n, 2);
	assert_str_eq(bl[0].mime, "image/jpeg");
	assert_int_eq(bl[0].metadata_dihapus, 1);
	assert_int_eq(bl[0].ukuran, 1234);
	assert_str_eq(bl[1].mime, "application/pdf");
	OK(store_kasus_bukti_list(S, k.id, bl, 1, &n));
	assert_int_eq(n, 1);
	struct kasus_bukti one;
	OK(store_kasus_bukti_get(S, k.id, b2.id, &one));
	assert_str_eq(one.sha256, b2.sha256);
	assert_int_eq(store_kasus_bukti_get(S, k.id + 1000, b2.id, &one), APP_ENOTFOUND);
	/* every referenced file once (the orphan sweep's list) */
	struct sha_seen sw;
	memset(&sw, 0, sizeof(sw));
	OK(store_kasus_bukti_sha_list(S, see_sha, &sw));
	assert_int_eq(sw.n, 2);
	assert_true(!strcmp(sw.all, b.sha256) || !strcmp(sw.all + 65, b.sha256));
	assert_true(!strcmp(sw.all, b2.sha256) || !strcmp(sw.all + 65, b2.sha256));

	struct kasus_pesan pl[4];
	OK(store_kasus_pesan_list(S, k.id, pl, 4, &n));
	assert_int_eq(n, 2);
	assert_str_eq(pl[0].dari, "petugas");
	assert_str_eq(pl[0].petugas_nama, "Kustodian Satu");
	assert_str_eq(pl[1].isi, "Sudah saya lampirkan.");
	assert_int_eq(pl[1].user_id, 0);

	struct kasus_identitas_akses al[4];
	OK(store_kasus_akses_list(S, k.id, al, 4, &n));
	assert_int_eq(n, 1);
	assert_str_eq(al[0].alasan, "Permintaan klarifikasi Bawaslu");
	assert_int_eq(al[0].created_ms, T0 + 30);
	OK(store_kasus_akses_list(S, k.id + 1000, al, 4, &n));
	assert_int_eq(n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fixtures),
		cmocka_unit_test(kunci_rotation),
		cmocka_unit_test(salt_once),
		cmocka_unit_test(kasus_insert_lookups),
		cmocka_unit_test(kasus_updates),
		cmocka_unit_test(bukti_pesan_akses),
	};
	setenv("CMOCKA_MESSAGE_OUTPUT", "TAP", 0);
	return cmocka_run_group_tests_name("store kasus", tests, open_suite, close_suite);
}
