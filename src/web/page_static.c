/* /static/<file>: served from the files compiled into the binary. */
#include "core/compat.h"
#include "core/embedded.h"
#include "core/err.h"
#include "web/page.h"

static const char *type_of(const char *path)
{
	const char *dot = strrchr(path, '.');
	if (!dot)
		return "application/octet-stream";
	if (!strcmp(dot, ".css"))
		return "text/css; charset=utf-8";
	if (!strcmp(dot, ".js"))
		return "text/javascript; charset=utf-8";
	if (!strcmp(dot, ".svg"))
		return "image/svg+xml";
	if (!strcmp(dot, ".png"))
		return "image/png";
	if (!strcmp(dot, ".ico"))
		return "image/x-icon";
	if (!strcmp(dot, ".txt"))
		return HTTP_CT_TEXT;
	if (!strcmp(dot, ".woff2"))
		return "font/woff2";
	return "application/octet-stream";
}

int page_static(struct http_req *req, struct http_resp *resp)
{
	const char *rel = req->path + strlen("/static/");
	/* Names are plain: no "..", no hidden files, no backslashes. */
	if (!*rel || strstr(rel, "..") || strchr(rel, '\\') || rel[0] == '.' || strstr(rel, "/."))
		return APP_ENOTFOUND;
	const struct embedded_file *f = embedded_find(http_printf(req, "static/%s", rel));
	if (!f)
		return APP_ENOTFOUND;
	http_resp_start(resp, 200, type_of(rel));
	if (buf_add(&resp->body, f->data, f->len))
		return APP_ETOOBIG;
	(void)http_resp_header(req, resp, "Cache-Control", "public, max-age=3600");
	return 0;
}
