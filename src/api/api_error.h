/* The JSON error body for failures the HTTP server detects before a
 * handler runs (unknown path or method, limits, content type, parameters,
 * authentication, CSRF) on API routes and under /api/. It has the same
 * shape as every handler error (api/json_util.h), so a client parses one
 * thing. Called by src/http/server.c, like web_error_page for pages. */
#ifndef WASDAL_API_API_ERROR_H
#define WASDAL_API_API_ERROR_H

struct http_req;
struct http_resp;

/* detail: a text already in the request's language (or both), or NULL for
 * the generic message of the status. */
void api_error_page(struct http_req *req, struct http_resp *resp, int status, const char *detail);

#endif
