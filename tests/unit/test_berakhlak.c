/* The BerAKHLAK table loads from the embedded data file, and the clause
 * composed for the ceremony text reads as one Indonesian sentence. */
#include "core/compat.h"
#include "app/berakhlak.h"
#include "core/err.h"
#include "core/msg.h"
#include "test_helpers.h"

static void seeded_values(void **state)
{
	(void)state;
	struct berakhlak b;
	struct load_error err;
	assert_int_eq(berakhlak_load_default(&b, &err), 0);
	assert_int_eq(b.n, 7);
	const char *acronym = "BAKHLAK";
	for (size_t i = 0; i < b.n; i++) {
		assert_int_eq(b.v[i].urutan, (int)i + 1);
		assert_int_eq(b.v[i].nilai[0], acronym[i]);
		assert_int_eq(b.v[i].n_perilaku, 3);
	}
	assert_str_eq(b.v[0].nilai, "Berorientasi Pelayanan");
	assert_str_eq(b.v[0].perilaku[1], "Ramah, cekatan, solutif, dan dapat diandalkan");
	assert_str_eq(b.v[6].nilai, "Kolaboratif");
}

static void clause(void **state)
{
	(void)state;
	struct berakhlak b;
	struct load_error err;
	assert_int_eq(berakhlak_load_default(&b, &err), 0);
	char out[1024];
	int n = berakhlak_clause(&b.v[0], "serta", out, sizeof(out));
	assert_str_eq(out, "memahami dan memenuhi kebutuhan masyarakat; ramah, cekatan, solutif, dan "
			   "dapat diandalkan; serta melakukan perbaikan tiada henti.");
	assert_int_eq(n, (int)strlen(out));
	/* NKRI-style words in capitals keep their case. */
	struct berakhlak_value v = { .n_perilaku = 1 };
	snprintf(v.perilaku[0], sizeof(v.perilaku[0]), "NKRI harga mati");
	assert_true(berakhlak_clause(&v, "serta", out, sizeof(out)) > 0);
	assert_str_eq(out, "NKRI harga mati.");
	/* Too small a buffer: -1 and an empty string, never a cut sentence. */
	char tiny[16];
	assert_int_eq(berakhlak_clause(&b.v[0], "serta", tiny, sizeof(tiny)), -1);
	assert_str_eq(tiny, "");
}

static void bad_tables(void **state)
{
	(void)state;
	struct berakhlak b;
	struct load_error err;
	static const char missing[] = "urutan,nilai\n1,Akuntabel\n";
	assert_int_eq(berakhlak_load_csv(&b, missing, sizeof(missing) - 1, &err), APP_EINVAL);
	assert_int_eq(err.msg, M_TABLE_MISSING_COLUMN);
	static const char order[] = "urutan,nilai,panduan_perilaku\n2,Akuntabel,Jujur\n";
	assert_int_eq(berakhlak_load_csv(&b, order, sizeof(order) - 1, &err), APP_EINVAL);
	assert_int_eq(err.line, 2);
	assert_str_eq(err.column, "urutan");
	static const char empty_guide[] = "urutan,nilai,panduan_perilaku\n1,Akuntabel, ; \n";
	assert_int_eq(berakhlak_load_csv(&b, empty_guide, sizeof(empty_guide) - 1, &err), APP_EINVAL);
	assert_str_eq(err.column, "panduan_perilaku");
	static const char good[] = "urutan,nilai,panduan_perilaku\n1,Akuntabel, Jujur ;Cermat;\n";
	assert_int_eq(berakhlak_load_csv(&b, good, sizeof(good) - 1, &err), 0);
	assert_int_eq(b.v[0].n_perilaku, 2);
	assert_str_eq(b.v[0].perilaku[0], "Jujur");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(seeded_values),
		cmocka_unit_test(clause),
		cmocka_unit_test(bad_tables),
	};
	return RUN_TESTS("berakhlak", tests);
}
