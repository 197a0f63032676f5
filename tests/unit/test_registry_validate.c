#include "core/compat.h"
#include "app/registry.h"
#include "app/reference.h"
#include "core/err.h"
#include "test_helpers.h"

static struct pegawai_input good(void)
{
	struct pegawai_input in = {
		.nip = "196608011988031001", .nama = "Budi Santoso, S.H.", .jenis_asn = "PNS",
		.golongan = "IV/a", .jenis_jabatan = "fungsional", .jenjang = "ahli_madya",
		.jabatan = "Analis Kebijakan Ahli Madya", .instansi_kode = "33", .unit_kode = "",
		.status = "aktif",
	};
	return in;
}

static int check(const struct pegawai_input *in, struct pegawai *p, struct field_errors *fe)
{
	memset(p, 0, sizeof(*p));
	memset(fe, 0, sizeof(*fe));
	return registry_validate(in, 202611, p, fe);
}

/* The one error expected for a record. */
#define EXPECT_ONE(in, fld, m) do { \
	struct pegawai p_; struct field_errors fe_; \
	assert_int_eq(check(&(in), &p_, &fe_), APP_EINVAL); \
	assert_int_eq(fe_.n, 1); \
	assert_str_eq(fe_.e[0].field, fld); \
	assert_int_eq(fe_.e[0].msg, m); \
} while (0)

static void reference_tables_load(void **state)
{
	(void)state;
	const struct ref_golongan *g;
	assert_int_eq(ref_golongan_list(&g), 34);
	assert_str_eq(g[0].golongan, "I/a");
	assert_str_eq(g[0].pangkat, "Juru Muda");
	const struct ref_golongan *x = ref_golongan_find("PNS", "iii/a");
	assert_non_null(x);
	assert_str_eq(x->golongan, "III/a");
	assert_str_eq(x->pangkat, "Penata Muda");
	assert_str_eq(x->kode, "31");
	assert_int_eq(x->tingkat, 9);
	assert_non_null(ref_golongan_find("PPPK", "XVII"));
	assert_null(ref_golongan_find("PPPK", "XVIII"));
	assert_null(ref_golongan_find("PNS", "IX"));
	assert_null(ref_golongan_find("PPPK", "III/a"));
	const struct ref_item *it;
	assert_int_eq(ref_jabatan_list(&it), 7);
	assert_int_eq(ref_jabatan_find("fungsional")->flag, 1);
	assert_int_eq(ref_jabatan_find("pelaksana")->flag, 0);
	assert_int_eq(ref_jenjang_list(&it), 8);
	assert_str_eq(ref_jenjang_find("penyelia")->kelompok, "keterampilan");
	assert_int_eq(ref_status_list(&it), 3);
}

static void accepts_and_normalises(void **state)
{
	(void)state;
	struct pegawai p;
	struct field_errors fe;
	struct pegawai_input in = good();
	in.nip = " 19660801 198803 1 001 ";
	in.jenis_asn = "pns";
	in.golongan = "iv/A";
	in.jenis_jabatan = "FUNGSIONAL";
	in.jenjang = "Ahli_Madya";
	in.status = "";
	in.nama = "  Sri Wahyuní  ";
	assert_int_eq(check(&in, &p, &fe), 0);
	assert_int_eq(fe.n, 0);
	assert_str_eq(p.nip, "196608011988031001");
	assert_str_eq(p.jenis_asn, "PNS");
	assert_str_eq(p.golongan, "IV/a");
	assert_str_eq(p.jenis_jabatan, "fungsional");
	assert_str_eq(p.jenjang, "ahli_madya");
	assert_str_eq(p.status, "aktif");
	assert_str_eq(p.nama, "Sri Wahyuní");

	struct pegawai_input pppk = good();
	pppk.nip = "199001012019212005";
	pppk.jenis_asn = "PPPK";
	pppk.golongan = "ix";
	pppk.jenis_jabatan = "pelaksana";
	pppk.jenjang = "";
	assert_int_eq(check(&pppk, &p, &fe), 0);
	assert_str_eq(p.golongan, "IX");
}

static void each_rule(void **state)
{
	(void)state;
	struct pegawai_input in;
	in = good(); in.nip = ""; EXPECT_ONE(in, "nip", M_REG_NIP_REQUIRED);
	in = good(); in.nip = "196613011988031001"; EXPECT_ONE(in, "nip", M_NIP_BIRTH_DATE);
	in = good(); in.nip = "199001012019212005"; in.golongan = "III/a";
	EXPECT_ONE(in, "nip", M_REG_NIP_NOT_PNS);
	in = good(); in.jenis_asn = "PPPK"; in.golongan = "IX";
	EXPECT_ONE(in, "nip", M_REG_NIP_NOT_PPPK);
	in = good(); in.jenis_asn = "honorer"; EXPECT_ONE(in, "jenis_asn", M_REG_JENIS_ASN);
	in = good(); in.nama = "   "; EXPECT_ONE(in, "nama", M_REG_NAMA_REQUIRED);
	in = good(); in.nama = "Budi\x01"; EXPECT_ONE(in, "nama", M_REG_TEXT_INVALID);
	in = good(); in.nama = "Budi \xC3\x28"; EXPECT_ONE(in, "nama", M_REG_TEXT_INVALID);
	char longname[200];
	memset(longname, 'a', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	in = good(); in.nama = longname; EXPECT_ONE(in, "nama", M_REG_TEXT_TOO_LONG);
	in = good(); in.golongan = "V/a"; EXPECT_ONE(in, "golongan", M_REG_GOLONGAN_PNS);
	in = good(); in.golongan = "IX"; EXPECT_ONE(in, "golongan", M_REG_GOLONGAN_PNS);
	in = good(); in.golongan = ""; EXPECT_ONE(in, "golongan", M_REG_GOLONGAN_REQUIRED);
	in = good(); in.nip = "199001012019212005"; in.jenis_asn = "PPPK"; in.golongan = "XVIII";
	EXPECT_ONE(in, "golongan", M_REG_GOLONGAN_PPPK);
	in = good(); in.jenis_jabatan = "eselon"; in.jenjang = "";
	EXPECT_ONE(in, "jenis_jabatan", M_REG_JENIS_JABATAN);
	in = good(); in.jenjang = ""; EXPECT_ONE(in, "jenjang", M_REG_JENJANG_REQUIRED);
	in = good(); in.jenjang = "ahli_super"; EXPECT_ONE(in, "jenjang", M_REG_JENJANG_UNKNOWN);
	in = good(); in.jenis_jabatan = "administrator";
	EXPECT_ONE(in, "jenjang", M_REG_JENJANG_NOT_ALLOWED);
	in = good(); in.jabatan = NULL; EXPECT_ONE(in, "jabatan", M_REG_JABATAN_REQUIRED);
	in = good(); in.status = "cuti"; EXPECT_ONE(in, "status", M_REG_STATUS);
	in = good(); in.instansi_kode = ""; EXPECT_ONE(in, "instansi_kode", M_REG_INSTANSI_REQUIRED);
}

static void reports_every_bad_field(void **state)
{
	(void)state;
	struct pegawai_input in = { 0 };
	struct pegawai p;
	struct field_errors fe;
	assert_int_eq(check(&in, &p, &fe), APP_EINVAL);
	/* jenis_asn, nip, nama, golongan, jenis_jabatan, jabatan, instansi_kode */
	assert_int_eq(fe.n, 7);
	for (int i = 0; i < fe.n; i++) {
		assert_non_null(fe.e[i].field);
		assert_true(msg(fe.e[i].msg, LANG_ID)[0] != '?');
		assert_true(msg(fe.e[i].msg, LANG_EN)[0] != '?');
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reference_tables_load),
		cmocka_unit_test(accepts_and_normalises),
		cmocka_unit_test(each_rule),
		cmocka_unit_test(reports_every_bad_field),
	};
	return RUN_TESTS("registry_validate", tests);
}
