/* Logins, sessions, API tokens and account administration (see auth.h). */
#include "core/compat.h"
#include "app/auth.h"
#include "app/audit.h"
#include "app/auth_cache.h"
#include "app/diff.h"
#include "app/nip.h"
#include "core/csv.h"
#include "core/err.h"
#include "core/limits.h"
#include "core/log.h"
#include "crypto/crypto.h"
#include "crypto/password.h"
#include "crypto/token.h"
#include "store/store.h"
#include "store/store_kampanye.h"
#include <time.h>

_Static_assert(LIMIT_PASSWORD_MIN_CHARS == 10, "update M_AUTH_PASSWORD_SHORT");
_Static_assert(AUTH_TOKEN_HEX == TOKEN_HEX_LEN + 1, "token size");
_Static_assert(PASSWORD_HASH_MAX <= sizeof(((struct user *)0)->password_hash), "hash fits");

#define MIN_MS 60000LL

static int64_t real_clock_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int64_t (*clock_fn)(void) = real_clock_ms;

void auth_set_clock(int64_t (*fn)(void))
{
	clock_fn = fn ? fn : real_clock_ms;
}

static int64_t now_ms(void)
{
	return clock_fn();
}

static void copy(char *dst, size_t cap, const char *src)
{
	size_t n = strnlen(src ? src : "", cap - 1);
	memcpy(dst, src ? src : "", n);
	dst[n] = '\0';
}

/* 3..63 of [a-z0-9._-] after folding ASCII upper case. */
static int normalise_username(const char *in, char out[64])
{
	if (!in)
		return -1;
	size_t n = strlen(in);
	if (n < 3 || n > 63)
		return -1;
	for (size_t i = 0; i < n; i++) {
		char c = in[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
		      c == '-'))
			return -1;
		out[i] = c;
	}
	out[n] = '\0';
	return 0;
}

static int text_ok(const char *s, size_t max)
{
	size_t n = strlen(s);
	if (n > max)
		return 0;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return 0;
	return csv_utf8_valid(s, n);
}

int auth_password_check(const char *password)
{
	if (!password)
		return M_AUTH_PASSWORD_SHORT;
	size_t n = strlen(password);
	if (n > LIMIT_PASSWORD_MAX_BYTES)
		return M_AUTH_PASSWORD_LONG;
	if (!csv_utf8_valid(password, n))
		return M_AUTH_PASSWORD_INVALID;
	/* count characters, not bytes */
	size_t chars = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)password[i] & 0xC0) != 0x80)
			chars++;
	if (chars < LIMIT_PASSWORD_MIN_CHARS)
		return M_AUTH_PASSWORD_SHORT;
	return 0;
}

void auth_principal_from_user(const struct user *u, struct principal *out)
{
	memset(out, 0, sizeof(*out));
	out->user_id = u->id;
	copy(out->username, sizeof(out->username), u->username);
	copy(out->nama, sizeof(out->nama), u->nama);
	out->role = role_parse(u->role);
	out->instansi_id = u->instansi_id;
	copy(out->scope_path, sizeof(out->scope_path), u->scope_path);
	copy(out->nip, sizeof(out->nip), u->nip);
}

void auth_principal_cli(const char *name, struct principal *out)
{
	memset(out, 0, sizeof(*out));
	if (!name || !*name)
		name = getenv("USER");
	if (!name || !*name)
		name = "operator";
	snprintf(out->username, sizeof(out->username), "cli:%.50s", name);
	copy(out->nama, sizeof(out->nama), out->username);
	out->role = ROLE_ADMIN;
	copy(out->scope_path, sizeof(out->scope_path), "/");
}

enum msg_id auth_error_msg(int rc)
{
	switch (rc) {
	case APP_EBUSY: return M_AUTH_BUSY;
	case APP_EPERM: return M_AUTH_NO_PERMISSION;
	case APP_ENOTFOUND: return M_AUTH_USER_NOT_FOUND;
	case APP_ECONFLICT: return M_AUTH_USERNAME_TAKEN;
	default: return M_AUTH_FAILED;
	}
}

/* Run one audit record in its own write transaction. */
static int audit_alone(struct store *s, const struct principal *actor, const char *action,
		       const char *type, const char *id, const char *diff)
{
	int rc = store_tx_begin(s, STORE_TX_WRITE);
	if (rc)
		return rc;
	rc = audit_append(s, actor, action, type, id, diff);
	if (rc) {
		store_tx_rollback(s);
		return rc;
	}
	return store_tx_commit(s);
}

static int rate_check(struct store *s, const char *kind, const char *key, int64_t limit,
		      int64_t now)
{
	char k[256];
	snprintf(k, sizeof(k), "login:%s:%.200s", kind, key);
	int64_t count = 0;
	int rc = store_rate_hit(s, k, now, LIMIT_LOGIN_WINDOW_MS, &count);
	if (rc)
		return rc;
	return count > limit ? APP_EBUSY : 0;
}

static int new_session(struct store *s, const struct user *u, enum lang lang, int64_t now,
		       char token_out[AUTH_TOKEN_HEX], char csrf_out[AUTH_TOKEN_HEX])
{
	struct session se;
	memset(&se, 0, sizeof(se));
	if (token_random_hex(token_out) || token_random_hex(csrf_out))
		return APP_EINTERNAL;
	token_hash_hex(token_out, se.token_hash);
	se.user_id = u->id;
	copy(se.csrf, sizeof(se.csrf), csrf_out);
	copy(se.lang, sizeof(se.lang), lang_code(lang));
	se.created_ms = now;
	se.expires_ms = now + LIMIT_SESSION_IDLE_MIN * MIN_MS;
	return store_session_insert(s, &se);
}

static int is_nip(const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return n == 18;
}

/* An employee logs in with the NIP (the asn account of that NIP, whatever
 * its username); everyone else, and a NIP without such an account, by
 * username. */
static int find_login(struct store *s, const char *uname, struct user *u)
{
	if (is_nip(uname)) {
		int64_t id = 0;
		int rc = store_user_asn_by_nip(s, uname, &id);
		if (!rc)
			return store_user_get(s, id, u);
		if (rc != APP_ENOTFOUND)
			return rc;
	}
	return store_user_get_by_username(s, uname, u);
}

int auth_login(struct store *s, const char *username, const char *password,
	       const char *client_key, enum lang lang, struct principal *out,
	       char token_out[AUTH_TOKEN_HEX], char csrf_out[AUTH_TOKEN_HEX])
{
	crypto_init();
	token_out[0] = csrf_out[0] = '\0';
	memset(out, 0, sizeof(*out));
	int64_t now = now_ms();
	char uname[64];
	int bad_name = normalise_username(username, uname);
	if (bad_name)
		snprintf(uname, sizeof(uname), "%s", "(invalid)");
	size_t pwlen = password ? strlen(password) : 0;

	int rc = rate_check(s, "c", client_key && *client_key ? client_key : "-",
			    LIMIT_LOGIN_PER_CLIENT, now);
	if (!rc)
		rc = rate_check(s, "u", uname, LIMIT_LOGIN_PER_USER, now);
	if (rc == APP_EBUSY) {
		(void)audit_alone(s, NULL, "login_failed", "user", uname, "{\"reason\":\"rate_limit\"}");
		return APP_EBUSY;
	}
	if (rc)
		return rc;

	struct user u;
	rc = bad_name ? APP_ENOTFOUND : find_login(s, uname, &u);
	if (rc == APP_ENOTFOUND || pwlen > LIMIT_PASSWORD_MAX_BYTES) {
		/* same work as a wrong password, so timing does not tell */
		(void)password_verify(password_dummy_hash(), password ? password : "",
				      pwlen > LIMIT_PASSWORD_MAX_BYTES ? 0 : pwlen);
		(void)audit_alone(s, NULL, "login_failed", "user", uname,
				  "{\"reason\":\"bad_credentials\"}");
		return APP_EAUTH;
	}
	if (rc)
		return rc;
	if (u.locked_until_ms > now) {
		(void)audit_alone(s, NULL, "login_failed", "user", uname, "{\"reason\":\"locked\"}");
		return APP_EBUSY;
	}

	int ok = password_verify(u.password_hash, password ? password : "", pwlen);
	char rehash[PASSWORD_HASH_MAX] = "";
	if (ok && !u.disabled && password_needs_rehash(u.password_hash) &&
	    password_hash(password, pwlen, rehash))
		rehash[0] = '\0';

	struct principal who;
	auth_principal_from_user(&u, &who);
	rc = store_tx_begin(s, STORE_TX_WRITE);
	if (rc)
		return rc;
	/* re-read inside the transaction: concurrent failures add up */
	rc = store_user_get(s, u.id, &u);
	if (rc)
		goto fail;
	if (!ok || u.disabled) {
		struct diff d;
		diff_init(&d);
		if (u.disabled) {
			diff_note(&d, "reason", "disabled");
		} else {
			diff_note(&d, "reason", "bad_credentials");
			int64_t old_failed = u.failed_logins;
			u.failed_logins++;
			if (u.failed_logins >= LIMIT_LOGIN_MAX_FAILED) {
				u.locked_until_ms = now + LIMIT_LOGIN_LOCKOUT_MIN * MIN_MS;
				diff_int(&d, "locked_until_ms", 0, u.locked_until_ms);
				u.failed_logins = 0;
			}
			diff_int(&d, "failed_logins", old_failed, u.failed_logins);
			rc = store_user_update(s, &u);
		}
		if (!rc)
			rc = audit_append(s, NULL, "login_failed", "user", u.username, diff_json(&d));
		diff_release(&d);
		if (rc)
			goto fail;
		rc = store_tx_commit(s);
		return rc ? rc : APP_EAUTH;
	}
	if (u.failed_logins || u.locked_until_ms || rehash[0]) {
		u.failed_logins = 0;
		u.locked_until_ms = 0;
		if (rehash[0])
			copy(u.password_hash, sizeof(u.password_hash), rehash);
		rc = store_user_update(s, &u);
		if (rc)
			goto fail;
	}
	rc = new_session(s, &u, lang, now, token_out, csrf_out);
	if (!rc)
		rc = audit_append(s, &who, "login", "user", u.username, NULL);
	if (rc)
		goto fail;
	rc = store_tx_commit(s);
	if (rc) {
		token_out[0] = csrf_out[0] = '\0';
		return rc;
	}
	*out = who;
	return 0;
fail:
	store_tx_rollback(s);
	token_out[0] = csrf_out[0] = '\0';
	return rc;
}

/* Delete a session (or all of a user's) in its own transaction. */
static void drop_session(struct store *s, const char *hash, int64_t user_id)
{
	if (store_tx_begin(s, STORE_TX_WRITE))
		return;
	int rc = hash ? store_session_delete(s, hash) : store_session_delete_user(s, user_id);
	if (rc)
		store_tx_rollback(s);
	else
		(void)store_tx_commit(s);
}

int auth_session(struct store *s, const char *token, struct principal *out, struct session *se_out)
{
	memset(out, 0, sizeof(*out));
	if (!token_is_well_formed(token))
		return APP_EAUTH;
	char hash[TOKEN_HEX_LEN + 1];
	token_hash_hex(token, hash);
	struct session se;
	int rc = store_session_get(s, hash, &se);
	if (rc == APP_ENOTFOUND)
		return APP_EAUTH;
	if (rc)
		return rc;
	int64_t now = now_ms();
	int64_t absolute = se.created_ms + LIMIT_SESSION_ABSOLUTE_MIN * MIN_MS;
	if (se.expires_ms <= now || absolute <= now) {
		drop_session(s, hash, 0);
		return APP_EAUTH;
	}
	struct user u;
	rc = store_user_get(s, se.user_id, &u);
	if (rc == APP_ENOTFOUND)
		return APP_EAUTH;
	if (rc)
		return rc;
	if (u.disabled) {
		drop_session(s, NULL, u.id);
		return APP_EAUTH;
	}
	/* slide the idle expiry, at most once a minute */
	int64_t want = now + LIMIT_SESSION_IDLE_MIN * MIN_MS;
	if (want > absolute)
		want = absolute;
	if (want - se.expires_ms >= MIN_MS && !store_tx_begin(s, STORE_TX_WRITE)) {
		struct session moved = se;
		moved.expires_ms = want;
		rc = store_session_delete(s, hash);
		if (!rc)
			rc = store_session_insert(s, &moved);
		if (rc)
			store_tx_rollback(s);
		else if (!store_tx_commit(s))
			se.expires_ms = want;
	}
	auth_principal_from_user(&u, out);
	if (se_out)
		*se_out = se;
	return 0;
}

int auth_logout(struct store *s, const char *token)
{
	if (!token_is_well_formed(token))
		return 0;
	char hash[TOKEN_HEX_LEN + 1];
	token_hash_hex(token, hash);
	struct session se;
	if (store_session_get(s, hash, &se))
		return 0;
	struct user u;
	struct principal who;
	int have_user = store_user_get(s, se.user_id, &u) == 0;
	if (have_user)
		auth_principal_from_user(&u, &who);
	int rc = store_tx_begin(s, STORE_TX_WRITE);
	if (rc)
		return rc;
	rc = store_session_delete(s, hash);
	if (!rc && have_user)
		rc = audit_append(s, &who, "logout", "user", u.username, NULL);
	if (rc) {
		store_tx_rollback(s);
		return rc;
	}
	return store_tx_commit(s);
}

int auth_bearer(struct store *s, const char *token, struct principal *out)
{
	memset(out, 0, sizeof(*out));
	if (!token_is_well_formed(token))
		return APP_EAUTH;
	/* The epoch first, in the caller's snapshot: a revocation committed
	 * before this read moves it, so a cached entry is used only when no
	 * revocation, user or scope change has happened since it was checked
	 * (app/auth_cache.h). */
	int64_t epoch, now = now_ms();
	int rc = store_auth_epoch(s, &epoch);
	if (rc)
		return rc;
	if (auth_cache_get(token, epoch, now, out))
		return 0;
	char hash[TOKEN_HEX_LEN + 1];
	token_hash_hex(token, hash);
	struct api_token t;
	rc = store_token_get_by_hash(s, hash, &t);
	if (rc == APP_ENOTFOUND)
		return APP_EAUTH;
	if (rc)
		return rc;
	if (t.revoked)
		return APP_EAUTH;
	struct user u;
	rc = store_user_get(s, t.user_id, &u);
	if (rc == APP_ENOTFOUND)
		return APP_EAUTH;
	if (rc)
		return rc;
	if (u.disabled)
		return APP_EAUTH;
	auth_principal_from_user(&u, out);
	auth_cache_put(token, epoch, now, out);
	return 0;
}

/* May actor manage account u? Admins anything in scope; other roles with
 * PERM_USER_ADMIN only ASN accounts in scope. */
static int may_manage(const struct principal *actor, const struct user *u)
{
	if (!principal_can(actor, PERM_USER_ADMIN) || !principal_sees_path(actor, u->scope_path))
		return 0;
	return actor->role == ROLE_ADMIN || role_parse(u->role) == ROLE_ASN;
}

static int find_user(struct store *s, const char *username, struct user *u)
{
	char uname[64];
	if (normalise_username(username, uname))
		return APP_ENOTFOUND;
	return store_user_get_by_username(s, uname, u);
}

int auth_token_create(struct store *s, const struct principal *actor, const char *username,
		      const char *name, char token_out[AUTH_TOKEN_HEX], int64_t *id_out)
{
	token_out[0] = '\0';
	struct user u;
	int rc = find_user(s, username, &u);
	if (rc == APP_ENOTFOUND)
		return APP_ENOTFOUND;
	if (rc)
		return rc;
	if (!(actor->user_id && actor->user_id == u.id) && !may_manage(actor, &u))
		return principal_sees_path(actor, u.scope_path) ? APP_EPERM : APP_ENOTFOUND;
	if (u.disabled)
		return APP_EPERM;
	if (!name || !*name || !text_ok(name, 63))
		return APP_EINVAL;
	struct api_token t;
	memset(&t, 0, sizeof(t));
	t.user_id = u.id;
	copy(t.name, sizeof(t.name), name);
	char raw[AUTH_TOKEN_HEX];
	if (token_random_hex(raw))
		return APP_EINTERNAL;
	token_hash_hex(raw, t.token_hash);
	rc = store_tx_begin(s, STORE_TX_WRITE);
	if (rc)
		return rc;
	rc = store_token_insert(s, &t);
	if (!rc) {
		struct diff d;
		diff_init(&d);
		diff_str(&d, "token", NULL, t.name);
		rc = audit_append(s, actor, "token_create", "user", u.username, diff_json(&d));
		diff_release(&d);
	}
	if (rc) {
		store_tx_rollback(s);
		return rc;
	}
	rc = store_tx_commit(s);
	if (rc)
		return rc;
	memcpy(token_out, raw, AUTH_TOKEN_HEX);
	if (id_out)
		*id_out = t.id;
	return 0;
}

int auth_user_add(struct store *s, const struct principal *actor, const struct auth_user_new *nu,
		  int64_t *id_out, enum msg_id *err_msg)
{
	enum msg_id dummy;
	if (!err_msg)
		err_msg = &dummy;
	*err_msg = 0;
	if (!principal_can(actor, PERM_USER_ADMIN))
		return APP_EPERM;
	struct user u;
	memset(&u, 0, sizeof(u));
	if (normalise_username(nu->username, u.username)) {
		*err_msg = M_AUTH_USERNAME_INVALID;
		return APP_EINVAL;
	}
	enum role role = role_parse(nu->role);
	if (role == ROLE_NONE) {
		*err_msg = M_AUTH_ROLE_UNKNOWN;
		return APP_EINVAL;
	}
	if (actor->role != ROLE_ADMIN && role != ROLE_ASN)
		return APP_EPERM;
	const char *nama = nu->nama && *nu->nama ? nu->nama : u.username;
	if (!text_ok(nama, sizeof(u.nama) - 1)) {
		*err_msg = M_AUTH_NAMA_INVALID;
		return APP_EINVAL;
	}
	copy(u.nama, sizeof(u.nama), nama);
	copy(u.role, sizeof(u.role), role_name(role));
	struct instansi in;
	int rc = nu->instansi_kode ? store_instansi_get_by_kode(s, nu->instansi_kode, &in)
				   : APP_ENOTFOUND;
	if (rc == APP_ENOTFOUND || (!rc && !principal_sees_path(actor, in.path))) {
		*err_msg = M_AUTH_INSTANSI_UNKNOWN;
		return APP_EINVAL;
	}
	if (rc)
		return rc;
	u.instansi_id = in.id;
	if (role == ROLE_ASN) {
		struct nip_info ni;
		struct pegawai p;
		if (!nu->nip || nip_parse(nu->nip, strlen(nu->nip), 0, &ni) ||
		    store_pegawai_get_by_nip(s, ni.digits, &p) ||
		    strncmp(p.instansi_path, in.path, strlen(in.path))) {
			*err_msg = M_AUTH_NIP_REQUIRED;
			return APP_EINVAL;
		}
		copy(u.nip, sizeof(u.nip), ni.digits);
	}
	int pm = auth_password_check(nu->password);
	if (pm) {
		*err_msg = (enum msg_id)pm;
		return APP_EINVAL;
	}
	struct user exists;
	if (store_user_get_by_username(s, u.username, &exists) == 0) {
		*err_msg = M_AUTH_USERNAME_TAKEN;
		return APP_ECONFLICT;
	}
	char hash[PASSWORD_HASH_MAX];
	rc = password_hash(nu->password, strlen(nu->password), hash);
	if (rc)
		return rc;
	copy(u.password_hash, sizeof(u.password_hash), hash);
	rc = store_tx_begin(s, STORE_TX_WRITE);
	if (rc)
		return rc;
	rc = store_user_insert(s, &u);
	if (!rc) {
		struct diff d;
		diff_init(&d);
		diff_str(&d, "role", NULL, u.role);
		diff_str(&d, "instansi", NULL, in.kode);
		diff_str(&d, "nama", NULL, u.nama);
		if (u.nip[0])
			diff_str(&d, "nip", NULL, u.nip);
		rc = audit_append(s, actor, "create", "user", u.username, diff_json(&d));
		diff_release(&d);
	}
	if (rc) {
		store_tx_rollback(s);
		if (rc == APP_ECONFLICT)
			*err_msg = M_AUTH_USERNAME_TAKEN;
		return rc;
	}
	rc = store_tx_commit(s);
	if (rc == APP_ECONFLICT)
		*err_msg = M_AUTH_USERNAME_TAKEN;
	if (!rc && id_out)
		*id_out = u.id;
	return rc;
}

int auth_user_set_password(struct store *s, const struct principal *actor, const char *username,
			   const char *password, enum msg_id *err_msg)
{
	enum msg_id dummy;
	if (!err_msg)
		err_msg = &dummy;
	*err_msg = 0;
	struct user u;
	int rc = find_user(s, username, &u);
	if (rc)
		return rc;
	int self = actor->user_id && actor->user_id == u.id;
	if (!self && !may_manage(actor, &u))
		return principal_sees_path(actor, u.scope_path) ? APP_EPERM : APP_ENOTFOUND;
	int pm = auth_password_check(password);
	if (pm) {
		*err_msg = (enum msg_id)pm;
		return APP_EINVAL;
	}
	char hash[PASSWORD_HASH_MAX];
	rc = password_hash(password, strlen(password), hash);
	if (rc)
		return rc;
	rc = store_tx_begin(s, STORE_TX_WRITE);
	if (rc)
		return rc;
	rc = store_user_get(s, u.id, &u);
	if (!rc) {
		copy(u.password_hash, sizeof(u.password_hash), hash);
		u.failed_logins = 0;
		u.locked_until_ms = 0;
		rc = store_user_update(s, &u);
	}
	if (!rc)
		rc = store_session_delete_user(s, u.id);
	if (!rc)
		rc = audit_append(s, actor, "passwd", "user", u.username, NULL);
	if (rc) {
		store_tx_rollback(s);
		return rc;
	}
	return store_tx_commit(s);
}

int auth_user_disable(struct store *s, const struct principal *actor, const char *username)
{
	struct user u;
	int rc = find_user(s, username, &u);
	if (rc)
		return rc;
	if (!may_manage(actor, &u))
		return principal_sees_path(actor, u.scope_path) ? APP_EPERM : APP_ENOTFOUND;
	if (actor->user_id && actor->user_id == u.id)
		return APP_EPERM; /* never lock yourself out */
	rc = store_tx_begin(s, STORE_TX_WRITE);
	if (rc)
		return rc;
	rc = store_user_get(s, u.id, &u);
	int was = u.disabled;
	if (!rc && !was) {
		u.disabled = 1;
		rc = store_user_update(s, &u);
	}
	if (!rc)
		rc = store_session_delete_user(s, u.id);
	if (!rc && !was) {
		struct diff d;
		diff_init(&d);
		diff_int(&d, "disabled", 0, 1);
		rc = audit_append(s, actor, "disable", "user", u.username, diff_json(&d));
		diff_release(&d);
	}
	if (rc) {
		store_tx_rollback(s);
		return rc;
	}
	return store_tx_commit(s);
}

struct list_ctx {
	int (*cb)(void *ctx, const struct user *u);
	void *ctx;
};

static int list_one(void *ctx, const struct user *u)
{
	struct list_ctx *lc = ctx;
	struct user copy_ = *u;
	memset(copy_.password_hash, 0, sizeof(copy_.password_hash));
	return lc->cb(lc->ctx, &copy_);
}

int auth_user_list(struct store *s, const struct principal *actor,
		   int (*cb)(void *ctx, const struct user *u), void *ctx)
{
	if (!principal_can(actor, PERM_USER_ADMIN) && !principal_can(actor, PERM_AUDIT_READ))
		return APP_EPERM;
	struct list_ctx lc = { cb, ctx };
	return store_user_list(s, actor->scope_path, list_one, &lc);
}
