#include "core/compat.h"
#include "core/err.h"

const char *app_err_name(int err)
{
	switch (err) {
	case APP_OK: return "ok";
	case APP_EINVAL: return "invalid";
	case APP_ENOTFOUND: return "not_found";
	case APP_ECONFLICT: return "conflict";
	case APP_ECONSTRAINT: return "constraint";
	case APP_EPERM: return "forbidden";
	case APP_EAUTH: return "unauthenticated";
	case APP_ETOOBIG: return "too_big";
	case APP_EBUSY: return "busy";
	case APP_EIO: return "io";
	case APP_ENOMEM: return "no_memory";
	case APP_EBLOCKED: return "blocked";
	case APP_ESCHEMA: return "schema";
	default: return "internal";
	}
}

int app_err_http_status(int err)
{
	switch (err) {
	case APP_OK: return 200;
	case APP_EINVAL: return 400;
	case APP_EAUTH: return 401;
	case APP_EPERM: return 403;
	case APP_ENOTFOUND: return 404;
	case APP_ECONFLICT: return 409;
	case APP_ETOOBIG: return 413;
	case APP_ECONSTRAINT: return 422;
	case APP_EBLOCKED: return 423;
	case APP_EBUSY: return 429;
	case APP_ESCHEMA: return 503;
	default: return 500;
	}
}
