/* Logins, sessions, lockout, rate limits, tokens and account admin through
 * app/auth.h, on an in-memory SQLite store with the demo accounts. */
#include "core/compat.h"
#include "app/auth.h"
#include "app/seed.h"
#include "core/err.h"
#include "core/limits.h"
#include "crypto/token.h"
#include <time.h>
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

static int64_t audit_seq(void)
{
	int64_t seq = 0;
	char h[65];
	store_audit_head(S, &seq, h);
	return seq;
}

static int login(const char *u, const char *pw, const char *client, struct principal *p,
		 char tok[AUTH_TOKEN_HEX])
{
	char csrf[AUTH_TOKEN_HEX];
	return auth_login(S, u, pw, client, LANG_ID, p, tok, csrf);
}

static void login_session_logout(void **state)
{
	(void)state;
	struct principal p, q;
	char tok[AUTH_TOKEN_HEX], csrf[AUTH_TOKEN_HEX];
	int64_t s0 = audit_seq();
	assert_int_eq(auth_login(S, "ADMIN", "demo-admin-2026", "10.0.0.1", LANG_EN, &p, tok, csrf), 0);
	assert_int_eq(p.role, ROLE_ADMIN);
	assert_str_eq(p.scope_path, "/1/"); /* the national root */
	assert_int_eq(strlen(tok), 64);
	assert_int_eq(strlen(csrf), 64);
	assert_int_eq(audit_seq(), s0 + 1);
	struct session se;
	assert_int_eq(auth_session(S, tok, &q, &se), 0);
	assert_str_eq(q.username, "admin");
	assert_str_eq(se.csrf, csrf);
	assert_str_eq(se.lang, "en");
	/* only the hash is stored */
	struct session raw;
	assert_int_eq(store_session_get(S, tok, &raw), APP_ENOTFOUND);
	assert_int_eq(auth_session(S, "not-a-token", &q, NULL), APP_EAUTH);
	assert_int_eq(auth_logout(S, tok), 0);
	assert_int_eq(auth_session(S, tok, &q, NULL), APP_EAUTH);
	assert_int_eq(auth_logout(S, tok), 0);
}

static void same_answer_for_unknown_and_wrong(void **state)
{
	(void)state;
	struct principal p;
	char tok[AUTH_TOKEN_HEX];
	int64_t s0 = audit_seq();
	assert_int_eq(login("auditor", "wrong-password", "10.0.0.2", &p, tok), APP_EAUTH);
	assert_int_eq(login("nobody-here", "wrong-password", "10.0.0.2", &p, tok), APP_EAUTH);
	assert_int_eq(login("", "", "10.0.0.2", &p, tok), APP_EAUTH);
	assert_int_eq(tok[0], '\0');
	assert_int_eq(audit_seq(), s0 + 3); /* each failure is audited */
	assert_int_eq(login("auditor", "demo-auditor-2026", "10.0.0.2", &p, tok), 0);
	struct user u;
	assert_int_eq(store_user_get_by_username(S, "auditor", &u), 0);
	assert_int_eq(u.failed_logins, 0); /* reset by the success */
}

static void lockout_after_failures(void **state)
{
	(void)state;
	struct principal p;
	char tok[AUTH_TOKEN_HEX];
	for (int i = 0; i < LIMIT_LOGIN_MAX_FAILED; i++)
		assert_int_eq(login("custodian", "salah-salah-salah", "10.0.0.3", &p, tok), APP_EAUTH);
	/* locked: even the right password is refused */
	assert_int_eq(login("custodian", "demo-custodian-2026", "10.0.0.3", &p, tok), APP_EBUSY);
	struct user u;
	assert_int_eq(store_user_get_by_username(S, "custodian", &u), 0);
	assert_true(u.locked_until_ms > 0);
	/* a new password from an admin lifts the lock */
	struct principal cli;
	auth_principal_cli("test", &cli);
	assert_int_eq(auth_user_set_password(S, &cli, "custodian", "kata-sandi-baru-1", NULL), 0);
	assert_int_eq(login("custodian", "kata-sandi-baru-1", "10.0.0.3", &p, tok), 0);
}

/* A frozen clock in the middle of a window: the attempts below take
 * seconds on a loaded machine and must not straddle a window boundary. */
static int64_t frozen_ms(void)
{
	return 1800000000000LL + 30000;
}

static void rate_limit_per_client(void **state)
{
	(void)state;
	auth_set_clock(frozen_ms);
	struct principal p;
	char tok[AUTH_TOKEN_HEX];
	int busy = 0;
	for (int i = 0; i < LIMIT_LOGIN_PER_CLIENT + 2; i++) {
		char user[32];
		snprintf(user, sizeof(user), "ghost%d", i);
		int rc = login(user, "x", "10.9.9.9", &p, tok);
		assert_true(rc == APP_EAUTH || rc == APP_EBUSY);
		busy += rc == APP_EBUSY;
	}
	/* another client is not affected */
	int other = login("pansel", "demo-pansel-2026", "10.9.9.10", &p, tok);
	auth_set_clock(NULL);
	assert_int_eq(busy, 2);
	assert_int_eq(other, 0);
}

static void disabled_user_is_out(void **state)
{
	(void)state;
	struct principal p, q, cli;
	char tok[AUTH_TOKEN_HEX], api[AUTH_TOKEN_HEX];
	assert_int_eq(login("ppk.semarang", "demo-ppk-2026", "10.0.0.4", &p, tok), 0);
	auth_principal_cli("test", &cli);
	assert_int_eq(auth_token_create(S, &cli, "ppk.semarang", "laporan", api, NULL), 0);
	assert_int_eq(auth_bearer(S, api, &q), 0);
	assert_str_eq(q.username, "ppk.semarang");
	assert_int_eq(auth_bearer(S, tok, &q), APP_EAUTH); /* a session is not an API token */
	assert_int_eq(auth_user_disable(S, &cli, "ppk.semarang"), 0);
	assert_int_eq(auth_session(S, tok, &q, NULL), APP_EAUTH);
	assert_int_eq(auth_bearer(S, api, &q), APP_EAUTH);
	assert_int_eq(login("ppk.semarang", "demo-ppk-2026", "10.0.0.4", &p, tok), APP_EAUTH);
}

static void account_admin_rules(void **state)
{
	(void)state;
	struct principal cli, bk;
	auth_principal_cli("test", &cli);
	struct user u;
	assert_int_eq(store_user_get_by_username(S, "bkpsdm.banyumas", &u), 0);
	auth_principal_from_user(&u, &bk);
	enum msg_id m = 0;
	struct auth_user_new nu = { .username = "Operator.Satu", .role = "bkpsdm",
				    .instansi_kode = "3302", .password = "pendek" };
	assert_int_eq(auth_user_add(S, &cli, &nu, NULL, &m), APP_EINVAL);
	assert_int_eq(m, M_AUTH_PASSWORD_SHORT);
	nu.password = "cukup-panjang-1";
	nu.role = "raja";
	assert_int_eq(auth_user_add(S, &cli, &nu, NULL, &m), APP_EINVAL);
	assert_int_eq(m, M_AUTH_ROLE_UNKNOWN);
	nu.role = "bkpsdm";
	nu.username = "a b";
	assert_int_eq(auth_user_add(S, &cli, &nu, NULL, &m), APP_EINVAL);
	assert_int_eq(m, M_AUTH_USERNAME_INVALID);
	nu.username = "Operator.Satu";
	int64_t id = 0;
	assert_int_eq(auth_user_add(S, &cli, &nu, &id, &m), 0);
	assert_true(id > 0);
	assert_int_eq(store_user_get_by_username(S, "operator.satu", &u), 0);
	assert_int_eq(auth_user_add(S, &cli, &nu, NULL, &m), APP_ECONFLICT);
	/* a bkpsdm may create only ASN accounts, and only in its scope */
	struct auth_user_new other = { .username = "admin2", .role = "admin",
				       .instansi_kode = "3302", .password = "cukup-panjang-1" };
	assert_int_eq(auth_user_add(S, &bk, &other, NULL, &m), APP_EPERM);
	other.role = "asn";
	other.instansi_kode = "3322";
	assert_int_eq(auth_user_add(S, &bk, &other, NULL, &m), APP_EINVAL);
	assert_int_eq(m, M_AUTH_INSTANSI_UNKNOWN);
	other.instansi_kode = "3302";
	assert_int_eq(auth_user_add(S, &bk, &other, NULL, &m), APP_EINVAL);
	assert_int_eq(m, M_AUTH_NIP_REQUIRED);
	/* nor disable accounts it does not manage */
	assert_int_eq(auth_user_disable(S, &bk, "operator.satu"), APP_EPERM);
	assert_int_eq(auth_user_disable(S, &bk, "bawaslu.jateng"), APP_ENOTFOUND);
	assert_int_eq(auth_password_check("tujuh-huruf"), 0);
	assert_int_eq(auth_password_check("ééééééééé"), M_AUTH_PASSWORD_SHORT);
}

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* A session row with a known token, created and expiring as given. */
static void plant(const char *tok, int64_t created, int64_t expires)
{
	struct user u;
	assert_int_eq(store_user_get_by_username(S, "bkn", &u), 0);
	struct session se;
	memset(&se, 0, sizeof(se));
	token_hash_hex(tok, se.token_hash);
	se.user_id = u.id;
	snprintf(se.csrf, sizeof(se.csrf), "%s", tok);
	snprintf(se.lang, sizeof(se.lang), "id");
	se.created_ms = created;
	se.expires_ms = expires;
	assert_int_eq(store_tx_begin(S, STORE_TX_WRITE), 0);
	assert_int_eq(store_session_insert(S, &se), 0);
	assert_int_eq(store_tx_commit(S), 0);
}

static void session_expiry(void **state)
{
	(void)state;
	int64_t now = now_ms(), min = 60000;
	char idle[65], old[65], fresh[65];
	token_random_hex(idle);
	token_random_hex(old);
	token_random_hex(fresh);
	struct principal p;
	struct session se;
	/* idle too long */
	plant(idle, now - 40 * min, now - 1);
	assert_int_eq(auth_session(S, idle, &p, NULL), APP_EAUTH);
	char h[65];
	token_hash_hex(idle, h);
	assert_int_eq(store_session_get(S, h, &se), APP_ENOTFOUND); /* and deleted */
	/* past the absolute limit even though recently used */
	plant(old, now - (LIMIT_SESSION_ABSOLUTE_MIN + 1) * min, now + 10 * min);
	assert_int_eq(auth_session(S, old, &p, NULL), APP_EAUTH);
	/* in use: the idle expiry slides forward, never past the absolute end */
	plant(fresh, now - 10 * min, now + 5 * min);
	assert_int_eq(auth_session(S, fresh, &p, &se), 0);
	assert_true(se.expires_ms >= now + (LIMIT_SESSION_IDLE_MIN - 1) * min);
	assert_true(se.expires_ms <= now - 10 * min + LIMIT_SESSION_ABSOLUTE_MIN * min);
	token_hash_hex(fresh, h);
	struct session stored;
	assert_int_eq(store_session_get(S, h, &stored), 0);
	assert_int_eq(stored.expires_ms, se.expires_ms);
	assert_int_eq(stored.created_ms, now - 10 * min);
}

/* A Bearer token served from the in-process cache still follows the
 * database: a role change shows in the next principal and a revocation
 * refuses the next request (the authentication epoch, app/auth_cache.h).
 * Without the epoch both would be served stale from the cache. */
static void bearer_cache_follows_changes(void **state)
{
	(void)state;
	struct principal cli, q;
	char api[AUTH_TOKEN_HEX];
	int64_t id = 0;
	auth_principal_cli("test", &cli);
	assert_int_eq(auth_token_create(S, &cli, "pansel", "cache", api, &id), 0);
	assert_int_eq(auth_bearer(S, api, &q), 0);
	assert_int_eq(q.role, ROLE_PANSEL);
	assert_int_eq(auth_bearer(S, api, &q), 0); /* from the cache */
	assert_int_eq(q.role, ROLE_PANSEL);

	struct user u;
	assert_int_eq(store_user_get(S, q.user_id, &u), 0);
	snprintf(u.role, sizeof(u.role), "auditor");
	assert_int_eq(store_tx_begin(S, STORE_TX_WRITE), 0);
	assert_int_eq(store_user_update(S, &u), 0);
	assert_int_eq(store_tx_commit(S), 0);
	assert_int_eq(auth_bearer(S, api, &q), 0);
	assert_int_eq(q.role, ROLE_AUDITOR);

	assert_int_eq(store_tx_begin(S, STORE_TX_WRITE), 0);
	assert_int_eq(store_token_revoke(S, id), 0);
	assert_int_eq(store_tx_commit(S), 0);
	assert_int_eq(auth_bearer(S, api, &q), APP_EAUTH);
	assert_int_eq(q.role, ROLE_NONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(login_session_logout),
		cmocka_unit_test(same_answer_for_unknown_and_wrong),
		cmocka_unit_test(lockout_after_failures),
		cmocka_unit_test(rate_limit_per_client),
		cmocka_unit_test(disabled_user_is_out),
		cmocka_unit_test(account_admin_rules),
		cmocka_unit_test(session_expiry),
		cmocka_unit_test(bearer_cache_follows_changes),
	};
	setenv("CMOCKA_MESSAGE_OUTPUT", "TAP", 0);
	return cmocka_run_group_tests_name("auth", tests, setup, teardown);
}
