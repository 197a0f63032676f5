/* registry_import_csv on an in-memory store: header problems, row errors
 * with their lines and columns, duplicates, units created on the fly,
 * strict vs partial, idempotence. */
#include "core/compat.h"
#include "app/registry.h"
#include "app/registry_int.h"
#include "app/auth.h"
#include "app/seed.h"
#include "core/err.h"
#include "store/store.h"
#include "test_helpers.h"

static struct store *S;
static struct principal ADMIN;

static int setup(void **state)
{
	(void)state;
	int from, to;
	struct seed_stats st;
	const char *url = getenv("WASDAL_TEST_DB");
	if (store_open(url && *url ? url : "sqlite::memory:", &S) || store_migrate(S, &from, &to) ||
	    seed_demo(S, &st))
		return -1;
	auth_principal_cli("test", &ADMIN);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	store_close(S);
	return 0;
}

struct errs {
	int n;
	char text[2048];
};

static int on_error(void *ctx, const struct import_error *e)
{
	struct errs *x = ctx;
	size_t o = strlen(x->text);
	snprintf(x->text + o, sizeof(x->text) - o, "%lld:%s:%d;", (long long)e->line, e->column,
		 (int)e->msg);
	x->n++;
	return 0;
}

static int run(const char *csv, int partial, struct import_stats *st, struct errs *x)
{
	memset(x, 0, sizeof(*x));
	FILE *f = fmemopen((void *)csv, strlen(csv), "r");
	struct import_opts o = { .partial = partial, .on_error = on_error, .error_ctx = x };
	int rc = registry_import_csv(S, &ADMIN, f, &o, st);
	fclose(f);
	return rc;
}

static int64_t count(void)
{
	int64_t n = 0;
	registry_count(S, &ADMIN, NULL, &n);
	return n;
}

#define HEAD "nip,nama,jenis_asn,golongan,jenis_jabatan,jenjang,jabatan,instansi_kode,unit_kode,unit_nama,status\n"

static void header_problems(void **state)
{
	(void)state;
	struct import_stats st;
	struct errs x;
	char want[128];
	assert_int_eq(run("", 0, &st, &x), APP_EINVAL);
	snprintf(want, sizeof(want), "1::%d;", M_IMP_EMPTY);
	assert_str_eq(x.text, want);
	assert_int_eq(run("nip,nama,foo\n", 0, &st, &x), APP_EINVAL);
	assert_true(strstr(x.text, "foo") != NULL);
	assert_int_eq(x.n, 1 + 5); /* foo unknown; 5 required columns missing */
	assert_int_eq(run("NIP,nama,nama,jenis_asn,golongan,jenis_jabatan,jabatan,instansi_kode\n", 0,
			  &st, &x), APP_EINVAL);
	snprintf(want, sizeof(want), "1:nama:%d;", M_IMP_HEADER_DUPLICATE);
	assert_str_eq(x.text, want);
	/* only the required columns: fine */
	assert_int_eq(run("nip,nama,jenis_asn,golongan,jenis_jabatan,jabatan,instansi_kode\n", 0, &st,
			  &x), 0);
	assert_int_eq(st.rows, 0);
}

/* Keeps "action diff" of an audit record. */
static int keep_diff(void *ctx, const struct audit_rec *r)
{
	snprintf(ctx, 1024, "%s %s", r->action, r->diff);
	return 0;
}

static void row_errors_with_lines(void **state)
{
	(void)state;
	int64_t before = count();
	struct import_stats st;
	struct errs x;
	const char *csv = HEAD
		"199203152019031301,Satu,PNS,III/a,pelaksana,,Staf,3302,,,aktif\n"
		"199203152019031302,\"Dua\nbaris\",PNS,III/a,pelaksana,,Staf,3302,,,aktif\n"
		"199203152019031303,Tiga,PNS,III/a,pelaksana,,Staf,9999,,,aktif\n"
		"199203152019031301,Satu lagi,PNS,III/a,pelaksana,,Staf,3302,,,aktif\n"
		"199203152019031304,Empat,PNS,III/a,pelaksana,,Staf,3302,BARU,,aktif\n"
		"199203152019031305,Lima,PNS,III/a\n"
		"199203152019031306,Enam,PNS,III/a,pelaksana,,Staf,3302,BARU,Unit Baru,aktif\n";
	assert_int_eq(run(csv, 0, &st, &x), APP_EINVAL);
	char want[512];
	/* line 3 starts a two-line quoted name: a line break is not allowed
	 * in a name, and the next row is still counted from line 5 */
	snprintf(want, sizeof(want), "3:nama:%d;5:instansi_kode:%d;6:nip:%d;7:unit_kode:%d;8::%d;",
		 M_REG_TEXT_INVALID, M_REG_INSTANSI_NOT_FOUND, M_REG_NIP_DUPLICATE, M_REG_UNIT_NOT_FOUND,
		 M_IMP_FIELD_COUNT);
	assert_str_eq(x.text, want);
	assert_int_eq(st.rows, 7);
	assert_int_eq(st.bad, 5);
	assert_int_eq(st.created, 0);
	assert_int_eq(st.committed, 0);
	assert_int_eq(count(), before); /* nothing imported */

	assert_int_eq(run(csv, 1, &st, &x), 0);
	assert_int_eq(st.created, 2);
	assert_int_eq(st.units_created, 1);
	assert_int_eq(st.committed, 1);
	assert_int_eq(count(), before + 2);
	struct pegawai e;
	assert_int_eq(registry_get(S, &ADMIN, "199203152019031302", &e), APP_ENOTFOUND);
	assert_int_eq(registry_get(S, &ADMIN, "199203152019031306", &e), 0);
	assert_true(e.unit_id > 0);

	/* again: everything unchanged, the unit now exists so row 7 is fine too */
	int64_t seq0 = 0, seq1 = 0;
	char h[65];
	store_audit_head(S, &seq0, h);
	assert_int_eq(run(csv, 1, &st, &x), 0);
	assert_int_eq(st.created, 1); /* line 7: its unit was created by line 9 */
	store_audit_head(S, &seq1, h);
	/* one record for the import, which holds the created employee */
	assert_int_eq(seq1, seq0 + 1);
	char last[1024] = "";
	assert_int_eq(store_audit_list(S, seq1, 1, keep_diff, last), 0);
	assert_non_null(strstr(last, "\"nip_first\":\"199203152019031304\""));
	assert_non_null(strstr(last, "\"created_sha256\":\""));
	assert_int_eq(run(csv, 1, &st, &x), 0);
	assert_int_eq(st.created + st.updated, 0);
	store_audit_head(S, &seq0, h);
	assert_int_eq(seq0, seq1); /* nothing changed: no audit record at all */
}

/* A NIP given three times, the first time with an unknown instansi: every
 * later line is named a duplicate, in strict mode (found after sorting by
 * NIP) as in partial mode (found as the rows come), and a NIP between them
 * in sort order is not. */
static void duplicates_after_the_first_line(void **state)
{
	(void)state;
	int64_t before = count();
	struct import_stats st;
	struct errs x;
	const char *csv = HEAD
		"199405152019031309,Satu,PNS,III/a,pelaksana,,Staf,9999,,,aktif\n"
		"199405152019031308,Dua,PNS,III/a,pelaksana,,Staf,3302,,,aktif\n"
		"199405152019031309,Tiga,PNS,III/a,pelaksana,,Staf,3302,,,aktif\n"
		"199405152019031310,Empat,PNS,III/a,pelaksana,,Staf,3302,,,aktif\n"
		"199405152019031309,Lima,PNS,III/a,pelaksana,,Staf,3302,,,aktif\n";
	char want[256];
	snprintf(want, sizeof(want), "2:instansi_kode:%d;4:nip:%d;6:nip:%d;",
		 M_REG_INSTANSI_NOT_FOUND, M_REG_NIP_DUPLICATE, M_REG_NIP_DUPLICATE);
	assert_int_eq(run(csv, 0, &st, &x), APP_EINVAL);
	assert_str_eq(x.text, want);
	assert_int_eq(st.bad, 3);
	assert_int_eq(count(), before);
	assert_int_eq(run(csv, 1, &st, &x), 0);
	assert_str_eq(x.text, want);
	assert_int_eq(st.bad, 3);
	assert_int_eq(st.created, 2);
	assert_int_eq(count(), before + 2);
}

/* Strict mode writes new NIPs in one bulk insert and existing ones row by
 * row: a file mixing both (existing NIPs between new ones) counts, audits
 * and digests exactly the new rows; a bad existing row (blocked) rolls the
 * bulk-inserted rows back too. */
static void strict_mix_of_new_and_existing(void **state)
{
	(void)state;
	struct import_stats st;
	struct errs x;
	const char *first = HEAD
		"199304152019031302,Lama Dua,PNS,III/a,pelaksana,,Staf,3302,,,aktif\n"
		"199304152019031304,Lama Empat,PNS,III/a,pelaksana,,Staf,3302,,,aktif\n";
	assert_int_eq(run(first, 0, &st, &x), 0);
	assert_int_eq(st.created, 2);
	int64_t before = count(), seq0 = 0, seq1 = 0;
	char h[65];
	store_audit_head(S, &seq0, h);
	const char *mix = HEAD
		"199304152019031305,Baru Lima,PNS,III/b,pelaksana,,Staf,3302,,,aktif\n"
		"199304152019031304,Lama Empat,PNS,III/a,pelaksana,,Staf,3302,,,aktif\n"
		"199304152019031302,Lama Dua Diubah,PNS,III/a,pelaksana,,Staf,3302,,,aktif\n"
		"199304152019031301,Baru Satu,PNS,III/c,pelaksana,,Staf,3302,,,aktif\n";
	assert_int_eq(run(mix, 0, &st, &x), 0);
	assert_int_eq(x.n, 0);
	assert_int_eq(st.ok, 4);
	assert_int_eq(st.created, 2);
	assert_int_eq(st.updated, 1);
	assert_int_eq(st.unchanged, 1);
	assert_int_eq(count(), before + 2);
	struct pegawai e;
	assert_int_eq(registry_get(S, &ADMIN, "199304152019031302", &e), 0);
	assert_str_eq(e.nama, "Lama Dua Diubah");
	assert_int_eq(registry_get(S, &ADMIN, "199304152019031301", &e), 0);
	assert_str_eq(e.golongan, "III/c");
	/* the update's own record, then the import's */
	store_audit_head(S, &seq1, h);
	assert_int_eq(seq1, seq0 + 2);
	char last[1024] = "";
	assert_int_eq(store_audit_list(S, seq1, 1, keep_diff, last), 0);
	assert_non_null(strstr(last, "\"created\":[0,2]"));
	assert_non_null(strstr(last, "\"nip_first\":\"199304152019031301\""));
	assert_non_null(strstr(last, "\"nip_last\":\"199304152019031305\""));
	/* the digest covers the two created rows, in NIP order */
	struct reg_batch b;
	struct reg_place pl;
	struct pegawai v;
	memset(&pl, 0, sizeof(pl));
	snprintf(pl.inst.kode, sizeof(pl.inst.kode), "3302");
	reg_batch_init(&b);
	static const char *const made[][3] = { { "199304152019031301", "Baru Satu", "III/c" },
					      { "199304152019031305", "Baru Lima", "III/b" } };
	for (size_t i = 0; i < 2; i++) {
		memset(&v, 0, sizeof(v));
		snprintf(v.nip, sizeof(v.nip), "%s", made[i][0]);
		snprintf(v.nama, sizeof(v.nama), "%s", made[i][1]);
		snprintf(v.jenis_asn, sizeof(v.jenis_asn), "PNS");
		snprintf(v.golongan, sizeof(v.golongan), "%s", made[i][2]);
		snprintf(v.jenis_jabatan, sizeof(v.jenis_jabatan), "pelaksana");
		snprintf(v.jabatan, sizeof(v.jabatan), "Staf");
		snprintf(v.status, sizeof(v.status), "aktif");
		reg_batch_add(&b, &v, &pl);
	}
	char hex[SHA256_HEX], want[96];
	reg_batch_hex(&b, hex);
	snprintf(want, sizeof(want), "\"created_sha256\":\"%s\"", hex);
	assert_non_null(strstr(last, want));

	/* a blocked existing employee changed by the file: the whole import
	 * is refused, the new rows written in bulk before it included */
	struct field_errors fe;
	memset(&fe, 0, sizeof(fe));
	assert_int_eq(registry_set_blokir(S, &ADMIN, "199304152019031304", "Kasus netralitas", "",
					  &fe), 0);
	before = count();
	const char *blocked = HEAD
		"199304152019031306,Baru Enam,PNS,III/a,pelaksana,,Staf,3302,,,aktif\n"
		"199304152019031304,Lama Empat Diubah,PNS,III/a,pelaksana,,Staf,3302,,,aktif\n"
		"199304152019031307,Baru Tujuh,PNS,III/a,pelaksana,,Staf,3302,,,aktif\n";
	assert_int_eq(run(blocked, 0, &st, &x), APP_EINVAL);
	char werr[64];
	snprintf(werr, sizeof(werr), "3:nip:%d;", M_REG_BLOCKED_ROW);
	assert_str_eq(x.text, werr);
	assert_int_eq(st.created, 0);
	assert_int_eq(st.committed, 0);
	assert_int_eq(count(), before);
	assert_int_eq(registry_get(S, &ADMIN, "199304152019031306", &e), APP_ENOTFOUND);
	assert_int_eq(registry_get(S, &ADMIN, "199304152019031307", &e), APP_ENOTFOUND);
}

static void quoted_and_neutralised_cells(void **state)
{
	(void)state;
	struct import_stats st;
	struct errs x;
	const char *csv = HEAD
		"199203152019031401,'=1+1,PNS,III/a,pelaksana,,\"Staf, Umum\",3302,,,\n";
	assert_int_eq(run(csv, 0, &st, &x), 0);
	struct pegawai e;
	assert_int_eq(registry_get(S, &ADMIN, "199203152019031401", &e), 0);
	assert_str_eq(e.nama, "=1+1");
	assert_str_eq(e.jabatan, "Staf, Umum");
	assert_str_eq(e.status, "aktif");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(header_problems),
		cmocka_unit_test(row_errors_with_lines),
		cmocka_unit_test(quoted_and_neutralised_cells),
		cmocka_unit_test(strict_mix_of_new_and_existing),
		cmocka_unit_test(duplicates_after_the_first_line),
	};
	setenv("CMOCKA_MESSAGE_OUTPUT", "TAP", 0);
	return cmocka_run_group_tests_name("registry_import", tests, setup, teardown);
}
