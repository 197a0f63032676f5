/* The case engine on a real (in-memory SQLite) store: the clock resumes
 * after waiting on the reporter without the paused days, a role outside
 * the transition is refused, a missing field is named, and a failed
 * transition leaves nothing behind (one transaction). */
#include "core/compat.h"
#include "app/kasus_alur.h"
#include "app/auth.h"
#include "core/date.h"
#include "core/err.h"
#include "test_helpers.h"

static struct store *S;
static char nomor[24];

static int32_t D(const char *iso)
{
	int32_t d = 0;
	assert_int_eq(date_parse_iso(iso, strlen(iso), &d), 0);
	return d;
}

static int setup(void **state)
{
	(void)state;
	int from, to;
	if (store_open("sqlite::memory:", &S) || store_migrate(S, &from, &to))
		return -1;
	struct instansi in = { 0 };
	snprintf(in.kode, sizeof(in.kode), "KAB");
	snprintf(in.nama, sizeof(in.nama), "Kabupaten Uji");
	in.jenis = INSTANSI_KABKOTA;
	struct kasus k;
	memset(&k, 0, sizeof(k));
	memset(k.receipt_hash, 'e', 64);
	snprintf(k.konteks, sizeof(k.konteks), "pemilu");
	snprintf(k.tahap, sizeof(k.tahap), "diterima");
	k.workflow_versi = 1;
	snprintf(k.pelanggaran_kode, sizeof(k.pelanggaran_kode), "KE-4");
	k.kejadian_hari = D("2026-10-30");
	k.diketahui_hari = D("2026-10-30");
	snprintf(k.penetapan_calon, sizeof(k.penetapan_calon), "sesudah");
	snprintf(k.kronologi, sizeof(k.kronologi), "Kronologi uji");
	snprintf(k.pelapor_mode, sizeof(k.pelapor_mode), "anonim");
	snprintf(k.sumber, sizeof(k.sumber), "seed");
	if (store_tx_begin(S, STORE_TX_WRITE) || store_instansi_put(S, &in))
		return -1;
	k.instansi_id = in.id;
	if (store_kasus_insert(S, &k) || store_tx_commit(S))
		return -1;
	snprintf(nomor, sizeof(nomor), "%s", k.nomor);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	store_close(S);
	return 0;
}

static int move_on(const char *day, enum role role, const char *ke, const char *f, const char *v,
		   struct kasus_pindah_hasil *r)
{
	setenv("WASDAL_TEST_TODAY", day, 1);
	struct principal p;
	auth_principal_cli("uji", &p);
	p.role = role;
	struct kasus_pindah pd = { .ke = ke };
	if (f) {
		pd.fields[0].name = f;
		pd.fields[0].value = v;
		pd.nfields = 1;
	}
	return kasus_alur_pindah(S, &p, nomor, &pd, r);
}

static int count_steps(void *ctx, const struct kasus_langkah *l)
{
	(void)l;
	(*(int *)ctx)++;
	return 0;
}

static void clock_resumes_after_the_pause(void **state)
{
	(void)state;
	struct kasus_pindah_hasil r;
	assert_int_eq(move_on("2026-11-02", ROLE_BKN, "verifikasi_satgas", NULL, NULL, &r), 0);
	assert_int_eq(r.tenggat, D("2026-11-09"));
	assert_int_eq(move_on("2026-11-04", ROLE_BKN, "menunggu_pelapor", "kekurangan", "bukti", &r), 0);
	assert_int_eq(r.tenggat, 0);
	assert_int_eq(move_on("2026-11-07", ROLE_BKN, "diterima", NULL, NULL, &r), 0);
	/* Back to verification: the clock started on 2 November and stood
	 * still on 4, 5 and 6 November: 7 counted days end on 12 November. */
	assert_int_eq(move_on("2026-11-07", ROLE_BKN, "verifikasi_satgas", NULL, NULL, &r), 0);
	assert_int_eq(r.tenggat, D("2026-11-12"));
	struct kasus k;
	assert_int_eq(store_kasus_get_by_nomor(S, nomor, &k), 0);
	assert_int_eq(k.tenggat_hari, D("2026-11-12"));
	assert_str_eq(k.kekurangan, "bukti");
}

static void refused_transitions_leave_nothing(void **state)
{
	(void)state;
	struct kasus_pindah_hasil r;
	int before = 0, after = 0;
	struct kasus k;
	assert_int_eq(store_kasus_get_by_nomor(S, nomor, &k), 0);
	assert_int_eq(store_kasus_langkah_list(S, k.id, count_steps, &before), 0);
	assert_int_eq(move_on("2026-11-08", ROLE_PPK, "kajian_bawaslu", NULL, NULL, &r), APP_EPERM);
	assert_int_eq(r.msg, M_KS_ROLE_DENIED);
	assert_int_eq(move_on("2026-11-08", ROLE_BKN, "selesai", NULL, NULL, &r), APP_EINVAL);
	assert_int_eq(r.msg, M_KS_NO_TRANSITION);
	assert_int_eq(move_on("2026-11-08", ROLE_BKN, "tidak_memenuhi_syarat", NULL, NULL, &r), APP_EINVAL);
	assert_str_eq(r.field, "alasan");
	assert_int_eq(move_on("2026-11-08", ROLE_ASN, "kajian_bawaslu", NULL, NULL, &r), APP_EPERM);
	assert_int_eq(store_kasus_langkah_list(S, k.id, count_steps, &after), 0);
	assert_int_eq(after, before);
	assert_int_eq(store_kasus_get_by_nomor(S, nomor, &k), 0);
	assert_str_eq(k.tahap, "verifikasi_satgas");
}

static void out_of_scope_is_not_found(void **state)
{
	(void)state;
	struct principal p;
	auth_principal_cli("uji", &p);
	p.role = ROLE_BAWASLU;
	snprintf(p.scope_path, sizeof(p.scope_path), "/999/");
	struct kasus k;
	assert_int_eq(kasus_alur_get(S, &p, nomor, &k), APP_ENOTFOUND);
	p.role = ROLE_PANSEL;
	snprintf(p.scope_path, sizeof(p.scope_path), "/");
	assert_int_eq(kasus_alur_get(S, &p, nomor, &k), APP_EPERM);
	assert_int_eq(kasus_scope_national("/1/"), 1);
	assert_int_eq(kasus_scope_national("/1/4/"), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(clock_resumes_after_the_pause),
		cmocka_unit_test(refused_transitions_leave_nothing),
		cmocka_unit_test(out_of_scope_is_not_found),
	};
	setenv("CMOCKA_MESSAGE_OUTPUT", "TAP", 0);
	return cmocka_run_group_tests_name("kasus_alur", tests, setup, teardown);
}
