/* Scope and permissions of the registry through the app functions, on an
 * in-memory SQLite store filled by the demo seed. */
#include "core/compat.h"
#include "app/registry.h"
#include "app/auth.h"
#include "app/seed.h"
#include "core/err.h"
#include "store/store.h"
#include "test_helpers.h"

static struct store *S;

static int setup(void **state)
{
	(void)state;
	int from, to;
	struct seed_stats st;
	/* WASDAL_TEST_DB runs the same cases on another (empty) database,
	 * e.g. PostgreSQL from tests/e2e/t_accounts_pg.sh */
	const char *url = getenv("WASDAL_TEST_DB");
	if (store_open(url && *url ? url : "sqlite::memory:", &S) || store_migrate(S, &from, &to) || seed_demo(S, &st))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	store_close(S);
	return 0;
}

static struct principal as(const char *username)
{
	struct user u;
	struct principal p;
	memset(&p, 0, sizeof(p));
	if (store_user_get_by_username(S, username, &u) == 0)
		auth_principal_from_user(&u, &p);
	return p;
}

static int64_t audit_seq(void)
{
	int64_t seq = 0;
	char h[65];
	store_audit_head(S, &seq, h);
	return seq;
}

/* The NIP of the first demo employee in instansi kode. */
static void nip_in(const char *kode, int skip, char out[19])
{
	struct seed_pegawai g;
	out[0] = '\0';
	for (int i = 0; i < SEED_DEMO_PEGAWAI; i++) {
		seed_demo_pegawai(i, &g);
		if (!strcmp(g.instansi_kode, kode) && skip-- == 0) {
			memcpy(out, g.nip, 19);
			return;
		}
	}
}

struct collect {
	int n;
	int outside;
	const char *prefix;
};

static int collect(void *ctx, const struct pegawai *e)
{
	struct collect *c = ctx;
	c->n++;
	if (strncmp(e->instansi_path, c->prefix, strlen(c->prefix)))
		c->outside++;
	return 0;
}

static void kabkota_sees_only_its_own(void **state)
{
	(void)state;
	struct principal bk = as("bkpsdm.banyumas");
	assert_int_eq(bk.role, ROLE_BKPSDM);
	char mine[19], other[19];
	nip_in("3302", 0, mine);
	nip_in("3322", 0, other);
	struct pegawai e;
	assert_int_eq(registry_get(S, &bk, mine, &e), 0);
	/* another kab/kota's employee looks exactly like a missing one */
	assert_int_eq(registry_get(S, &bk, other, &e), APP_ENOTFOUND);
	assert_int_eq(registry_get(S, &bk, "199001012019011999", &e), APP_ENOTFOUND);
	struct principal admin = as("admin");
	assert_int_eq(registry_get(S, &admin, other, &e), 0);

	struct collect c = { 0, 0, bk.scope_path };
	struct pegawai_filter f = { .scope_path = "/" }; /* ignored: forced to bk's */
	assert_int_eq(registry_list(S, &bk, &f, collect, &c), 0);
	assert_int_eq(c.n, 60);
	assert_int_eq(c.outside, 0);
	int64_t n = 0;
	assert_int_eq(registry_count(S, &bk, &f, &n), 0);
	assert_int_eq(n, 60);
	struct principal prov = as("bawaslu.jateng");
	assert_int_eq(registry_count(S, &prov, &f, &n), 0);
	assert_int_eq(n, 300); /* province + its four kab/kota, not the ministry */
}

static void kabkota_cannot_write_elsewhere(void **state)
{
	(void)state;
	struct principal bk = as("bkpsdm.banyumas");
	char other[19];
	nip_in("3322", 1, other);
	struct pegawai_input in = {
		.nip = other, .nama = "Nama Baru", .jenis_asn = "PNS", .golongan = "III/a",
		.jenis_jabatan = "pelaksana", .jabatan = "Pengadministrasi Perkantoran",
		.instansi_kode = "3322",
	};
	struct registry_save_result r;
	int64_t before = audit_seq();
	assert_int_eq(registry_save(S, &bk, &in, &r), APP_EINVAL);
	assert_int_eq(r.fe.n, 1);
	assert_str_eq(r.fe.e[0].field, "instansi_kode");
	/* pulling the other kab's employee into its own instansi is refused too */
	in.instansi_kode = "3302";
	if (in.nip[8] == '2' && in.nip[9] == '0' && in.nip[12] == '2' && in.nip[13] == '1')
		in.jenis_asn = "PPPK", in.golongan = "V";
	assert_int_eq(registry_save(S, &bk, &in, &r), APP_EPERM);
	assert_str_eq(r.fe.e[0].field, "nip");
	assert_int_eq(r.fe.e[0].msg, M_REG_NIP_TAKEN);
	assert_int_eq(audit_seq(), before);
	struct pegawai e;
	struct principal admin = as("admin");
	assert_int_eq(registry_get(S, &admin, other, &e), 0);
	assert_true(strcmp(e.nama, "Nama Baru") != 0);
}

static int grab(void *ctx, const struct audit_rec *a)
{
	snprintf(ctx, 256, "%s", a->diff);
	return 0;
}

static void save_validates_audits_and_is_idempotent(void **state)
{
	(void)state;
	struct principal bk = as("bkpsdm.banyumas");
	struct pegawai_input in = {
		.nip = "199203152019031007", .nama = "Bayu Pratama, S.T.", .jenis_asn = "PNS",
		.golongan = "III/a", .jenis_jabatan = "fungsional", .jenjang = "ahli_pertama",
		.jabatan = "Pranata Komputer Ahli Pertama", .instansi_kode = "3302",
		.unit_kode = "BKPSDM", .status = "aktif",
	};
	struct registry_save_result r;
	int64_t s0 = audit_seq();
	assert_int_eq(registry_save(S, &bk, &in, &r), 0);
	assert_int_eq(r.created, 1);
	assert_int_eq(r.changed, 1);
	assert_int_eq(audit_seq(), s0 + 1);
	/* the same record again: nothing written, nothing audited */
	assert_int_eq(registry_save(S, &bk, &in, &r), 0);
	assert_int_eq(r.changed, 0);
	assert_int_eq(audit_seq(), s0 + 1);
	/* one field changed: one record with just that field */
	in.golongan = "III/b";
	assert_int_eq(registry_save(S, &bk, &in, &r), 0);
	assert_int_eq(r.changed, 1);
	assert_int_eq(r.created, 0);
	assert_int_eq(audit_seq(), s0 + 2);
	char diff[256] = "";
	assert_int_eq(store_audit_list(S, s0 + 2, 1, grab, diff), 0);
	assert_str_eq(diff, "{\"golongan\":[\"III/a\",\"III/b\"]}");
	/* bad fields come back per field */
	in.golongan = "IX";
	in.unit_kode = "NOPE";
	assert_int_eq(registry_save(S, &bk, &in, &r), APP_EINVAL);
	assert_str_eq(r.fe.e[0].field, "golongan");
	in.golongan = "III/b";
	assert_int_eq(registry_save(S, &bk, &in, &r), APP_EINVAL);
	assert_str_eq(r.fe.e[0].field, "unit_kode");
	assert_int_eq(audit_seq(), s0 + 2);
}

static void roles_that_may_not_write(void **state)
{
	(void)state;
	struct pegawai_input in = {
		.nip = "199203152019031008", .nama = "X", .jenis_asn = "PNS", .golongan = "III/a",
		.jenis_jabatan = "pelaksana", .jabatan = "Y", .instansi_kode = "3302",
	};
	struct registry_save_result r;
	const char *readers[] = { "auditor", "ppk.semarang", "bawaslu.jateng", "asn.banyumas",
				  "bkn", "custodian", "pansel" };
	for (size_t i = 0; i < ARRAY_SIZE(readers); i++) {
		struct principal p = as(readers[i]);
		assert_int_eq(registry_save(S, &p, &in, &r), APP_EPERM);
	}
	struct principal pansel = as("pansel");
	struct pegawai e;
	char mine[19];
	nip_in("3302", 0, mine);
	assert_int_eq(registry_get(S, &pansel, mine, &e), APP_EPERM);
}

static void asn_sees_only_itself(void **state)
{
	(void)state;
	struct principal a = as("asn.banyumas");
	assert_int_eq(a.role, ROLE_ASN);
	struct pegawai e;
	assert_int_eq(registry_get(S, &a, a.nip, &e), 0);
	char colleague[19];
	nip_in("3302", 1, colleague);
	assert_true(strcmp(colleague, a.nip) != 0);
	assert_int_eq(registry_get(S, &a, colleague, &e), APP_ENOTFOUND);
	struct collect c = { 0, 0, "/" };
	assert_int_eq(registry_list(S, &a, NULL, collect, &c), 0);
	assert_int_eq(c.n, 1);
	int64_t n;
	assert_int_eq(registry_count(S, &a, NULL, &n), 0);
	assert_int_eq(n, 1);
}

static void blokir_stops_every_change(void **state)
{
	(void)state;
	struct principal bkn = as("bkn"), admin = as("admin"), bk = as("bkpsdm.banyumas");
	char nip[19];
	nip_in("3302", 2, nip);
	struct pegawai e;
	assert_int_eq(registry_get(S, &admin, nip, &e), 0);
	struct field_errors fe = { 0 };
	assert_int_eq(registry_set_blokir(S, &bk, nip, "x", NULL, &fe), APP_EPERM);
	assert_int_eq(registry_set_blokir(S, &bkn, nip, "", NULL, &fe), APP_EINVAL);
	assert_int_eq(registry_set_blokir(S, &bkn, nip, "Pemeriksaan disiplin", "PK/12/2026", &fe), 0);
	assert_int_eq(registry_set_blokir(S, &bkn, nip, "lagi", NULL, &fe), APP_ECONFLICT);
	struct pegawai_input in = {
		.nip = e.nip, .nama = "Nama Diubah", .jenis_asn = e.jenis_asn, .golongan = e.golongan,
		.jenis_jabatan = e.jenis_jabatan, .jenjang = e.jenjang, .jabatan = e.jabatan,
		.instansi_kode = "3302", .status = e.status,
	};
	struct registry_save_result r;
	assert_int_eq(registry_save(S, &admin, &in, &r), APP_EBLOCKED);
	assert_str_eq(r.blokir_alasan, "Pemeriksaan disiplin (perkara PK/12/2026)");
	assert_int_eq(registry_lift_blokir(S, &bkn, nip, "Selesai"), 0);
	assert_int_eq(registry_save(S, &admin, &in, &r), 0);
	assert_int_eq(r.changed, 1);
}

static int count_units(void *ctx, const struct unit_kerja *u)
{
	(void)u;
	(*(int *)ctx)++;
	return 0;
}

static void org_tree_is_scoped(void **state)
{
	(void)state;
	struct principal bk = as("bkpsdm.banyumas"), admin = as("admin");
	struct instansi other;
	assert_int_eq(store_instansi_get_by_kode(S, "3322", &other), 0);
	int n = 0;
	assert_int_eq(registry_unit_list(S, &bk, other.id, count_units, &n), APP_ENOTFOUND);
	assert_int_eq(registry_unit_list(S, &admin, other.id, count_units, &n), 0);
	assert_int_eq(n, 6);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kabkota_sees_only_its_own),
		cmocka_unit_test(kabkota_cannot_write_elsewhere),
		cmocka_unit_test(save_validates_audits_and_is_idempotent),
		cmocka_unit_test(roles_that_may_not_write),
		cmocka_unit_test(asn_sees_only_itself),
		cmocka_unit_test(blokir_stops_every_change),
		cmocka_unit_test(org_tree_is_scoped),
	};
	setenv("CMOCKA_MESSAGE_OUTPUT", "TAP", 0);
	return cmocka_run_group_tests_name("registry_scope", tests, setup, teardown);
}
