/* Activation codes and NIP login on the demo data (sqlite::memory:):
 * expiry, single use, revocation by a newer code, the per-NIP rate limit,
 * scope of who may issue, and login by NIP after activation. The clocks of
 * app/aktivasi.c and app/auth.c are injected so nothing depends on time. */
#include "core/compat.h"
#include "app/aktivasi.h"
#include "app/auth.h"
#include "app/seed.h"
#include "core/err.h"
#include "store/store.h"
#include "test_helpers.h"

static struct store *S;
static int64_t now_ms = 1795000000000LL;
static int64_t clock_now(void) { return now_ms; }

static int setup(void **state)
{
	(void)state;
	int from, to;
	struct seed_stats st;
	if (store_open("sqlite::memory:", &S) || store_migrate(S, &from, &to) || seed_demo(S, &st))
		return -1;
	aktivasi_set_clock(clock_now);
	auth_set_clock(clock_now);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	aktivasi_set_clock(NULL);
	auth_set_clock(NULL);
	store_close(S);
	return 0;
}

static void bkpsdm(struct principal *p)
{
	struct user u;
	assert_int_eq(store_user_get_by_username(S, "bkpsdm.banyumas", &u), 0);
	auth_principal_from_user(&u, p);
}

/* The NIP of seed employee i in 3302 (i = 2 is the demo asn account). */
static void nip_of(int i, char nip[19])
{
	struct seed_pegawai g;
	seed_demo_pegawai(i, &g);
	snprintf(nip, 19, "%s", g.nip);
}

static void issue(const char *nip, int hari, char code[16])
{
	struct principal p;
	bkpsdm(&p);
	struct aktivasi_request r = { "3302", NULL, 0, nip, hari };
	struct aktivasi_slip *v = NULL;
	size_t n = 0;
	assert_int_eq(aktivasi_terbitkan(S, &p, &r, &v, &n, NULL), 0);
	assert_int_eq(n, 1);
	assert_str_eq(v[0].nip, nip);
	snprintf(code, 16, "%s", v[0].kode);
	aktivasi_slips_free(v, n);
}

static void expiry_and_single_use(void **state)
{
	(void)state;
	char nip[19], code[16];
	nip_of(8, nip);   /* 8 % 6 == 2: Banyumas */
	issue(nip, 1, code);
	now_ms += 2LL * 86400000;  /* two days later: expired */
	enum msg_id err = 0;
	assert_int_eq(aktivasi_pakai(S, nip, code, "kata-sandi-uji-1", "t1", &err), APP_EAUTH);
	assert_int_eq(err, M_AKT_ERR_CODE);
	issue(nip, 30, code);
	char old[16];
	snprintf(old, sizeof(old), "%s", code);
	issue(nip, 30, code);      /* the newer code revokes the older one */
	assert_int_eq(aktivasi_pakai(S, nip, old, "kata-sandi-uji-1", "t1", NULL), APP_EAUTH);
	assert_int_eq(aktivasi_pakai(S, nip, "kata", "kata-sandi-uji-1", "t1", &err), APP_EAUTH);
	assert_int_eq(aktivasi_pakai(S, nip, code, "pendek", "t1", &err), APP_EINVAL);
	assert_int_eq(err, M_AUTH_PASSWORD_SHORT);
	assert_int_eq(aktivasi_pakai(S, nip, code, "kata-sandi-uji-1", "t1", NULL), 0);
	now_ms += 60000; /* past the per-NIP window: the answer is about the code */
	assert_int_eq(aktivasi_pakai(S, nip, code, "kata-sandi-uji-2", "t1", NULL), APP_EAUTH);
	/* the account exists, named by the NIP, and logs in by NIP */
	struct principal who;
	char tok[AUTH_TOKEN_HEX], csrf[AUTH_TOKEN_HEX];
	assert_int_eq(auth_login(S, nip, "kata-sandi-uji-1", "t1", LANG_ID, &who, tok, csrf), 0);
	assert_int_eq(who.role, ROLE_ASN);
	assert_str_eq(who.nip, nip);
	assert_str_eq(who.username, nip);
}

static void nip_login_keeps_usernames(void **state)
{
	(void)state;
	char nip[19], code[16];
	nip_of(2, nip);   /* the demo account asn.banyumas */
	struct principal who;
	char tok[AUTH_TOKEN_HEX], csrf[AUTH_TOKEN_HEX];
	assert_int_eq(auth_login(S, "asn.banyumas", "demo-asn-2026", "t2", LANG_ID, &who, tok, csrf), 0);
	assert_int_eq(auth_login(S, nip, "demo-asn-2026", "t2", LANG_ID, &who, tok, csrf), 0);
	assert_str_eq(who.username, "asn.banyumas");
	/* activation resets the password of the existing account, no second one */
	issue(nip, 30, code);
	assert_int_eq(aktivasi_pakai(S, nip, code, "kata-sandi-baru-asn", "t2", NULL), 0);
	assert_int_eq(auth_login(S, nip, "demo-asn-2026", "t2", LANG_ID, &who, tok, csrf), APP_EAUTH);
	assert_int_eq(auth_login(S, "asn.banyumas", "kata-sandi-baru-asn", "t2", LANG_ID, &who, tok, csrf), 0);
	struct user u;
	assert_int_eq(store_user_get_by_username(S, nip, &u), APP_ENOTFOUND);
}

static void rate_limit_per_nip(void **state)
{
	(void)state;
	char nip[19], code[16];
	nip_of(14, nip);  /* 14 % 6 == 2: Banyumas */
	issue(nip, 30, code);
	now_ms += 3600000; /* a fresh window */
	now_ms -= now_ms % 60000;
	int busy = 0;
	for (int i = 0; i < AKTIVASI_PER_NIP + 1; i++) {
		char client[16];
		snprintf(client, sizeof(client), "c%d", i); /* a new address each time */
		int rc = aktivasi_pakai(S, nip, "0000-0000-0000", "kata-sandi-uji-3", client, NULL);
		if (rc == APP_EBUSY)
			busy = 1;
		else
			assert_int_eq(rc, APP_EAUTH);
	}
	assert_int_eq(busy, 1);
	/* even the right code waits for the next window */
	assert_int_eq(aktivasi_pakai(S, nip, code, "kata-sandi-uji-3", "c99", NULL), APP_EBUSY);
	now_ms += 60000;
	assert_int_eq(aktivasi_pakai(S, nip, code, "kata-sandi-uji-3", "c99", NULL), 0);
}

static void who_may_issue(void **state)
{
	(void)state;
	struct user u;
	struct principal p;
	struct aktivasi_slip *v = NULL;
	size_t n = 0;
	enum msg_id err = 0;
	struct aktivasi_request other = { "3374", NULL, 0, NULL, 0 };
	bkpsdm(&p);
	assert_int_eq(aktivasi_terbitkan(S, &p, &other, &v, &n, &err), APP_EINVAL); /* out of scope */
	struct aktivasi_request bad_days = { "3302", NULL, 0, NULL, 181 };
	assert_int_eq(aktivasi_terbitkan(S, &p, &bad_days, &v, &n, &err), APP_EINVAL);
	assert_int_eq(err, M_AKT_ERR_HARI);
	assert_int_eq(store_user_get_by_username(S, "auditor", &u), 0);
	auth_principal_from_user(&u, &p);
	struct aktivasi_request mine = { "3302", NULL, 0, NULL, 0 };
	assert_int_eq(aktivasi_terbitkan(S, &p, &mine, &v, &n, &err), APP_EPERM);
	assert_null(v);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(expiry_and_single_use),
		cmocka_unit_test(nip_login_keeps_usernames),
		cmocka_unit_test(rate_limit_per_nip),
		cmocka_unit_test(who_may_issue),
	};
	setenv("CMOCKA_MESSAGE_OUTPUT", "TAP", 0);
	return cmocka_run_group_tests_name("aktivasi", tests, setup, teardown);
}
