/* Authentication over the API.
 *
 * Machines use API tokens: `wasdal user token USER NAME` prints one, and
 * every request sends "Authorization: Bearer <token>" (resolved by the
 * server through auth_bearer before a handler runs; no CSRF token needed).
 *
 * POST /api/v1/auth/login exists for same-origin JavaScript in the browser:
 * it sets the same HttpOnly session cookie as the login page and returns
 * the CSRF token, which must then accompany every write as X-CSRF-Token.
 * It never returns the session token itself, so a script cannot leak it.
 * The login body must be application/json, which a cross-site HTML form
 * cannot send, so the login needs no CSRF token of its own. */
#include "core/compat.h"
#include "api/api.h"
#include "app/auth.h"
#include "core/err.h"
#include "core/limits.h"

static void write_principal(struct jsonw *w, const struct http_req *req)
{
	const struct principal *p = &req->principal;
	static const struct { enum permission perm; const char *name; } perms[] = {
		{ PERM_REGISTRY_READ, "registry_read" },
		{ PERM_REGISTRY_WRITE, "registry_write" },
		{ PERM_REGISTRY_BLOKIR, "registry_blokir" },
		{ PERM_USER_ADMIN, "user_admin" },
		{ PERM_AUDIT_READ, "audit_read" },
	};
	jsonw_obj_begin(w);
	jsonw_kv_str(w, "username", p->username);
	jsonw_kv_str(w, "nama", p->nama);
	jsonw_kv_str(w, "role", role_name(p->role));
	jsonw_kv_str(w, "scope_path", p->scope_path);
	jsonw_kv_str(w, "nip", p->nip[0] ? p->nip : NULL);
	jsonw_key(w, "permissions");
	jsonw_arr_begin(w);
	for (size_t i = 0; i < ARRAY_SIZE(perms); i++)
		if (principal_can(p, perms[i].perm))
			jsonw_str(w, perms[i].name);
	jsonw_arr_end(w);
	jsonw_obj_end(w);
}

int api_me(struct http_req *req, struct http_resp *resp)
{
	struct jsonw w;
	if (!req->authenticated)
		return api_reply_code(req, resp, APP_EAUTH);
	api_reply_begin(resp, 200, &w);
	jsonw_obj_begin(&w);
	jsonw_key(&w, "user");
	write_principal(&w, req);
	jsonw_kv_str(&w, "auth", req->via_token ? "token" : "session");
	jsonw_obj_end(&w);
	return api_reply_end(req, resp, &w);
}

struct login_body {
	char username[64];
	char password[LIMIT_PASSWORD_MAX_BYTES + 1];
};

static const struct json_field login_fields[] = {
	{ "username", JF_STRING, JF_REQUIRED | JF_NONEMPTY, offsetof(struct login_body, username),
	  sizeof(((struct login_body *)0)->username), 0, 0, NULL, NULL },
	{ "password", JF_STRING, JF_REQUIRED | JF_NONEMPTY, offsetof(struct login_body, password),
	  sizeof(((struct login_body *)0)->password), 0, 0, NULL, NULL },
};

int api_auth_login(struct http_req *req, struct http_resp *resp)
{
	struct api_error e;
	struct login_body b;
	json_t *j;
	api_error_init(&e);
	memset(&b, 0, sizeof(b));
	if (api_read_json(req, &j, &e))
		return api_reply_error(req, resp, &e);
	int rc = json_body_check(j, login_fields, ARRAY_SIZE(login_fields), &b, NULL, &e);
	json_decref(j);
	if (rc)
		return api_reply_error(req, resp, &e);

	char token[AUTH_TOKEN_HEX], csrf[AUTH_TOKEN_HEX];
	/* The client address is only a rate-limit key (never stored). */
	rc = auth_login(req->store, b.username, b.password, req->client_key[0] ? req->client_key : "api",
			req->lang, &req->principal, token, csrf);
	explicit_bzero(b.password, sizeof(b.password));
	if (rc) {
		enum msg_id id = auth_error_msg(rc);
		api_error_set_text(&e, rc == APP_EBUSY ? APP_EBUSY : APP_EAUTH, msg(id, LANG_ID),
				   msg(id, LANG_EN));
		return api_reply_error(req, resp, &e);
	}
	req->authenticated = 1;
	rc = http_set_cookie(req, resp, HTTP_SESSION_COOKIE, token,
			     (int64_t)LIMIT_SESSION_ABSOLUTE_MIN * 60);
	explicit_bzero(token, sizeof(token));
	if (rc)
		return api_reply_code(req, resp, rc);
	struct jsonw w;
	api_reply_begin(resp, 200, &w);
	jsonw_obj_begin(&w);
	jsonw_key(&w, "user");
	write_principal(&w, req);
	jsonw_kv_str(&w, "csrf_token", csrf);
	jsonw_obj_end(&w);
	return api_reply_end(req, resp, &w);
}

int api_auth_logout(struct http_req *req, struct http_resp *resp)
{
	struct jsonw w;
	const char *tok = http_cookie(req, HTTP_SESSION_COOKIE);
	int ended = 0;
	if (!req->via_token && tok) {
		int rc = auth_logout(req->store, tok);
		if (rc)
			return api_reply_code(req, resp, rc);
		(void)http_set_cookie(req, resp, HTTP_SESSION_COOKIE, "deleted", 0);
		ended = 1;
	}
	api_reply_begin(resp, 200, &w);
	jsonw_obj_begin(&w);
	jsonw_kv_bool(&w, "session_ended", ended);
	jsonw_obj_end(&w);
	return api_reply_end(req, resp, &w);
}
