/* Application error codes. Functions return 0 or a negative enum app_err;
 * backends and parsers map their own errors to these at their boundary so
 * callers (HTTP status, CLI exit code) decide from one list. */
#ifndef WASDAL_CORE_ERR_H
#define WASDAL_CORE_ERR_H

enum app_err {
	APP_OK = 0,
	APP_EINVAL = -1,     /* bad input from outside: 400 / exit 2 */
	APP_ENOTFOUND = -2,  /* 404 */
	APP_ECONFLICT = -3,  /* unique violation, stale version: 409 */
	APP_ECONSTRAINT = -4,/* foreign key, check constraint: 422 */
	APP_EPERM = -5,      /* authenticated but not allowed / out of scope: 403 */
	APP_EAUTH = -6,      /* not authenticated, bad password: 401 */
	APP_ETOOBIG = -7,    /* a limit from core/limits.h was hit: 413 */
	APP_EBUSY = -8,      /* lock timeout, rate limit: 429/503 */
	APP_EIO = -9,        /* file or database I/O failure: 500 */
	APP_ENOMEM = -10,
	APP_EBLOCKED = -11,  /* employee data blocked (blokir): 423 */
	APP_ESCHEMA = -12,   /* database not migrated or newer than binary */
	APP_EINTERNAL = -13,
};

/* Stable machine name of an error ("not_found"), used in JSON bodies. */
const char *app_err_name(int err);
/* HTTP status that an error maps to. */
int app_err_http_status(int err);

#endif
