/* Accounts, logins, sessions and API tokens.
 *
 * Passwords are Argon2id (crypto/password.h); session and API tokens are 32
 * random bytes shown once as 64 hex characters, and only their SHA-256 (hex)
 * is stored. Sessions live in the database (store_session_*), so several
 * servers share them; a session expires LIMIT_SESSION_IDLE_MIN after its last
 * use and never later than LIMIT_SESSION_ABSOLUTE_MIN after login.
 *
 * Every function returns 0 or a negative enum app_err (core/err.h). Each
 * state change appends an audit record in the same write transaction.
 * None of these functions may be called inside an open transaction: each
 * opens and commits its own. */
#ifndef WASDAL_APP_AUTH_H
#define WASDAL_APP_AUTH_H

#include <stdint.h>
#include "app/principal.h"
#include "core/msg.h"

struct store;
struct session;
struct user;

#define AUTH_TOKEN_HEX 65   /* 64 hex characters + NUL */

/* Log in with a username (or, for an employee, the 18-digit NIP of an asn
 * account: app/aktivasi.h) and password.
 * client_key identifies the client for rate limiting (the HTTP layer passes
 * the remote address; the CLI "cli"); it is used only as a rate-limit key and
 * is never stored with the session. lang is remembered in the session.
 * On success fills *out, token_out (the raw session token: put it in the
 * cookie, never store it) and csrf_out (the session's CSRF token).
 * Returns:
 *   0           logged in; audit "login"
 *   APP_EAUTH   unknown user, wrong password or disabled account (the same
 *               answer and roughly the same time for each); audit
 *               "login_failed" (for a known user: failed_logins + 1, and a
 *               lockout of LIMIT_LOGIN_LOCKOUT_MIN after
 *               LIMIT_LOGIN_MAX_FAILED failures in a row)
 *   APP_EBUSY   rate limit hit (per client_key or per username) or the
 *               account is locked out; no password is checked
 * Message for the user: auth_error_msg(rc). */
int auth_login(struct store *s, const char *username, const char *password,
	       const char *client_key, enum lang lang, struct principal *out,
	       char token_out[AUTH_TOKEN_HEX], char csrf_out[AUTH_TOKEN_HEX]);

/* Look up a session by its raw token (from the cookie). On success fills
 * *out and, when se is not NULL, *se (csrf, lang, expiry). Slides the idle
 * expiry forward (at most up to the absolute limit).
 * Returns 0, or APP_EAUTH for an unknown, expired or disabled-user session. */
int auth_session(struct store *s, const char *token, struct principal *out,
		 struct session *se);

/* Delete the session of a raw token (audit "logout"). 0 even when the
 * session did not exist. */
int auth_logout(struct store *s, const char *token);

/* Authenticate an API client by its raw bearer token.
 * Returns 0, or APP_EAUTH for an unknown or revoked token or disabled user. */
int auth_bearer(struct store *s, const char *token, struct principal *out);

/* Create an API token named name for the user username (actor needs
 * PERM_USER_ADMIN and the user in scope, or is that user). token_out gets the
 * raw token, shown once. *id_out (may be NULL) the token's id.
 * Returns 0, APP_EPERM, APP_ENOTFOUND, APP_EINVAL (empty or long name). */
int auth_token_create(struct store *s, const struct principal *actor,
		      const char *username, const char *name,
		      char token_out[AUTH_TOKEN_HEX], int64_t *id_out);

/* ---- account administration (PERM_USER_ADMIN, within the actor's scope) ---- */

struct auth_user_new {
	const char *username;     /* 3-63 of [a-z0-9._-], folded to lower case */
	const char *nama;         /* may be NULL: defaults to the username */
	const char *role;         /* role_name() of the role */
	const char *instansi_kode;/* scope node */
	const char *nip;          /* required for role asn: an employee in scope */
	const char *password;     /* at least LIMIT_PASSWORD_MIN_CHARS */
};

/* Create an account (audit "create" on object "user").
 * Returns 0 (with *id_out set when not NULL), APP_EPERM, APP_ECONFLICT
 * (username taken), APP_EINVAL with *err_msg set to the catalogue message
 * of the first bad field (err_msg may be NULL). */
int auth_user_add(struct store *s, const struct principal *actor,
		  const struct auth_user_new *u, int64_t *id_out, enum msg_id *err_msg);

/* Set a new password (actor with PERM_USER_ADMIN in scope, or the user
 * themselves). Resets failed logins and lockout, deletes the user's
 * sessions. APP_EINVAL with *err_msg for a too short/long password. */
int auth_user_set_password(struct store *s, const struct principal *actor,
			   const char *username, const char *password, enum msg_id *err_msg);

/* Disable an account and delete its sessions (audit "disable"). */
int auth_user_disable(struct store *s, const struct principal *actor, const char *username);

/* Accounts under the actor's scope (PERM_USER_ADMIN or PERM_AUDIT_READ).
 * The password_hash field of each row is blanked before the callback. */
int auth_user_list(struct store *s, const struct principal *actor,
		   int (*cb)(void *ctx, const struct user *u), void *ctx);

/* 0 when password is acceptable, else the catalogue message why not. */
int auth_password_check(const char *password);

/* The principal of a stored user (scope from u->scope_path). */
void auth_principal_from_user(const struct user *u, struct principal *out);

/* A principal for an operator at the command line: national admin, user_id
 * 0, username "cli:<name>" (name NULL: $USER, else "operator"). */
void auth_principal_cli(const char *name, struct principal *out);

/* Catalogue message for an auth_* error code (login form, CLI). */
enum msg_id auth_error_msg(int rc);

/* Tests only: replace the wall clock that rate-limit windows, lockouts and
 * session expiry read (NULL restores it), so a test never depends on where
 * a fixed window happens to start. */
void auth_set_clock(int64_t (*fn)(void));

#endif
