/* app/cpns_publish.c and app/cpns_result.c on an in-memory SQLite store:
 * input checks, the salted NIK hash, publish -> lookup with cut-offs, the
 * same answer for a wrong NIK and an unknown number, who may publish, and
 * both rate limits. */
#include "core/compat.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/limits.h"
#include "core/xalloc.h"
#include "app/auth.h"
#include "app/cpns_publish.h"
#include "app/cpns_rank.h"
#include "app/cpns_result.h"
#include "crypto/token.h"
#include "store/store.h"
#include "test_helpers.h"
#include "cpns_fixture.h"

static void input_checks(void **state)
{
	(void)state;
	assert_true(cpns_result_valid_id("1"));
	assert_true(cpns_result_valid_id("4294967295"));
	assert_false(cpns_result_valid_id("4294967296"));
	assert_false(cpns_result_valid_id("0"));
	assert_false(cpns_result_valid_id("012"));
	assert_false(cpns_result_valid_id(""));
	assert_false(cpns_result_valid_id("12a"));
	assert_false(cpns_result_valid_id("-1"));
	assert_false(cpns_result_valid_id(NULL));
	assert_true(cpns_result_valid_nik("3201014501990001"));
	assert_false(cpns_result_valid_nik("320101450199000"));
	assert_false(cpns_result_valid_nik("32010145019900011"));
	assert_false(cpns_result_valid_nik("320101450199000x"));
	assert_false(cpns_result_valid_nik(""));
	assert_false(cpns_result_valid_nik(NULL));
}

static void nik_hash_is_salted_sha256(void **state)
{
	(void)state;
	char salt[65], a[SHA256_HEX], b[SHA256_HEX], want[65];
	memset(salt, '7', 64);
	salt[64] = '\0';
	cpns_nik_hash(salt, "3201014501990001", a);
	char *cat = xasprintf("%s%s", salt, "3201014501990001");
	token_sha256_hex(cat, strlen(cat), want);
	free(cat);
	assert_str_eq(a, want);
	salt[0] = '8';
	cpns_nik_hash(salt, "3201014501990001", b);
	assert_true(strcmp(a, b) != 0);
}

/* One umum formation with quota 1 (SKB places 3) and one with quota 2 that
 * nobody passes. */
#define FORMS "1,10,Analis,1,umum\n2,10,Guru,2,umum\n"
#define APPS \
	"1,3201010101900001,1,1990-01-01,H,100,120,200\n" \
	"2,3201010101900002,1,1990-01-01,H,90,110,190\n"  \
	"3,3201010101900003,1,1990-01-01,H,80,100,180\n"  \
	"4,3201010101900004,1,1990-01-01,H,70,90,170\n"   \
	"5,3201010101900005,1,1990-01-01,H,10,10,10\n"    \
	"6,3201010101900006,2,1990-01-01,TH,,,\n"

static struct store *publish_fixture(const char *label, struct cpns_publish_out *out)
{
	struct store *s;
	assert_int_eq(store_open("sqlite::memory:", &s), 0);
	assert_int_eq(store_migrate(s, NULL, NULL), 0);
	struct fx x;
	assert_int_eq(fx_load(&x, FORMS, APPS), 0);
	assert_int_eq(x.pe.n, 0);
	cpns_rank(&x.r, &x.f, &x.p);
	char h[65];
	memset(h, 'a', 64);
	h[64] = '\0';
	struct cpns_publish_in in = { .label = label, .sha_formasi = h, .sha_peserta = h,
				      .sha_results = h, .f = &x.f, .p = &x.p };
	struct principal asn = { .role = ROLE_ASN }, admin;
	snprintf(asn.username, sizeof(asn.username), "asn1");
	assert_int_eq(cpns_publish(s, &asn, &in, out), APP_EPERM);
	auth_principal_cli("tester", &admin);
	assert_int_eq(cpns_publish(s, &admin, &in, out), 0);
	fx_free(&x);
	return s;
}

static void publish_then_lookup(void **state)
{
	(void)state;
	struct cpns_publish_out po;
	struct store *s = publish_fixture("uji", &po);
	assert_true(po.id > 0);
	assert_int_eq(po.rows, 6);
	assert_int_eq(po.formations, 2);
	int64_t now = 1700000000000;
	struct cpns_result r;
	assert_int_eq(cpns_result_lookup(s, "c1", "4", "3201010101900004", now, &r), 0);
	assert_str_eq(r.status, "P"); /* 4th of 3 SKB places */
	assert_int_eq(r.total, 330);
	assert_int_eq(r.rank, 4);
	assert_int_eq(r.formation_id, 1);
	assert_int_eq(r.quota, 1);
	assert_int_eq(r.pl_count, 3);
	assert_int_eq(r.cutoff_total, 360); /* applicant 3: 80 + 100 + 180 */
	assert_str_eq(r.label, "uji");
	assert_int_eq(cpns_result_lookup(s, "c1", "1", "3201010101900001", now, &r), 0);
	assert_str_eq(r.status, "P/L");
	assert_int_eq(r.rank, 1);
	assert_int_eq(cpns_result_lookup(s, "c1", "5", "3201010101900005", now, &r), 0);
	assert_str_eq(r.status, "TL");
	assert_int_eq(r.rank, 0);
	assert_int_eq(cpns_result_lookup(s, "c1", "6", "3201010101900006", now, &r), 0);
	assert_str_eq(r.status, "TH");
	assert_int_eq(r.total, -1);
	assert_int_eq(r.pl_count, 0);
	assert_int_eq(r.cutoff_total, -1);
	/* a wrong NIK is exactly an unknown number, and fills nothing */
	assert_int_eq(cpns_result_lookup(s, "c2", "1", "3201010101900002", now, &r), APP_ENOTFOUND);
	assert_int_eq(r.applicant_id, 0);
	assert_int_eq(cpns_result_lookup(s, "c2", "99", "3201010101900001", now, &r), APP_ENOTFOUND);
	assert_int_eq(cpns_result_lookup(s, "c2", "x", "3201010101900001", now, &r), APP_EINVAL);
	store_close(s);
}

static void nothing_published(void **state)
{
	(void)state;
	struct store *s;
	struct cpns_result r;
	assert_int_eq(store_open("sqlite::memory:", &s), 0);
	assert_int_eq(store_migrate(s, NULL, NULL), 0);
	assert_int_eq(cpns_result_lookup(s, "c", "1", "3201010101900001", 1, &r), APP_ENOTFOUND);
	store_close(s);
}

static void rate_limits(void **state)
{
	(void)state;
	struct cpns_publish_out po;
	struct store *s = publish_fixture("", &po);
	struct cpns_result r;
	int64_t now = 1700000040000; /* a window start */
	/* per client: every lookup counts, found or not */
	for (int i = 0; i < LIMIT_CPNS_LOOKUP_PER_CLIENT; i++)
		assert_int_eq(cpns_result_lookup(s, "c1", i % 2 ? "1" : "2", "3201010101900009", now, &r),
			      APP_ENOTFOUND);
	assert_int_eq(cpns_result_lookup(s, "c1", "1", "3201010101900001", now, &r), APP_EBUSY);
	/* another client is not held up by c1 */
	assert_int_eq(cpns_result_lookup(s, "c2", "1", "3201010101900001", now, &r), 0);
	/* per applicant: many clients guessing one applicant's NIK */
	char c[16];
	int busy = 0;
	for (int i = 0; i < LIMIT_CPNS_LOOKUP_PER_APPLICANT + 2 && !busy; i++) {
		snprintf(c, sizeof(c), "x%d", i);
		busy = cpns_result_lookup(s, c, "3", "3201010101900009", now, &r) == APP_EBUSY;
	}
	assert_true(busy);
	/* the next window starts again */
	assert_int_eq(cpns_result_lookup(s, "c1", "1", "3201010101900001",
					 now + LIMIT_CPNS_LOOKUP_WINDOW_MS, &r), 0);
	store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(input_checks),
		cmocka_unit_test(nik_hash_is_salted_sha256),
		cmocka_unit_test(publish_then_lookup),
		cmocka_unit_test(nothing_published),
		cmocka_unit_test(rate_limits),
	};
	return RUN_TESTS("cpns_result", tests);
}
