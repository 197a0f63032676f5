/* Route lookup over web_routes[] then api_routes[]. */
#ifndef WASDAL_HTTP_ROUTER_H
#define WASDAL_HTTP_ROUTER_H

#include "http/http.h"

/* Finds the route for req->method and req->path: sets req->route and the
 * ":name" path parameters (arena copies) and returns 0; 404 when no pattern
 * matches the path, 405 when one does but not for this method. HEAD is
 * served by GET routes. */
int router_match(struct http_req *req);

/* Does pattern match path? Fills params (at most HTTP_MAX_PATH_PARAMS) as
 * views into path: value points into path and is not NUL-terminated. */
int router_pattern_match(const char *pattern, unsigned flags, const char *path,
			 struct http_param *params, size_t *n);

#endif
