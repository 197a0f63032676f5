/* The route tables are small and static: a linear scan is the simplest
 * correct thing (cgit cmd.c). Patterns are "/a/:name/b"; ":name" matches
 * one non-empty segment; ROUTE_PREFIX matches the pattern and anything
 * under it. */
#include "core/compat.h"
#include "http/router.h"

int router_pattern_match(const char *pattern, unsigned flags, const char *path,
			 struct http_param *params, size_t *n)
{
	const char *p = pattern, *s = path;
	*n = 0;
	if (flags & ROUTE_PREFIX) {
		size_t pl = strlen(pattern);
		return !strncmp(path, pattern, pl) && path[pl] != '\0';
	}
	while (*p && *s) {
		if (*p == ':') {
			const char *name = ++p;
			while (*p && *p != '/')
				p++;
			const char *v = s;
			while (*s && *s != '/')
				s++;
			if (s == v || *n >= HTTP_MAX_PATH_PARAMS)
				return 0;
			params[*n].name = name;             /* up to the next '/' of pattern */
			params[*n].value = v;
			params[*n].len = (size_t)(s - v);
			(*n)++;
			continue;
		}
		if (*p != *s)
			return 0;
		p++;
		s++;
	}
	return *p == '\0' && *s == '\0';
}

static int scan(struct http_req *req, const struct route *table, int *path_seen)
{
	for (const struct route *r = table; r->pattern; r++) {
		struct http_param tmp[HTTP_MAX_PATH_PARAMS];
		size_t n;
		if (!router_pattern_match(r->pattern, r->flags, req->path, tmp, &n))
			continue;
		unsigned m = req->method == HTTP_HEAD ? HTTP_GET : req->method;
		if (!(r->methods & m)) {
			*path_seen = 1;
			continue;
		}
		req->route = r;
		req->n_path_params = n;
		for (size_t i = 0; i < n; i++) {
			size_t nl = strcspn(tmp[i].name, "/");
			req->path_params[i].name = arena_strndup(&req->arena, tmp[i].name, nl);
			req->path_params[i].value = arena_strndup(&req->arena, tmp[i].value, tmp[i].len);
			req->path_params[i].len = tmp[i].len;
		}
		return 1;
	}
	return 0;
}

int router_match(struct http_req *req)
{
	int path_seen = 0;
	/* Every API pattern starts with "/api/" and no page pattern can match
	 * such a path, so the order of the tables changes no answer; looking
	 * at the likely one first saves scanning the other. */
	const struct route *first = web_routes, *second = api_routes;
	if (!strncmp(req->path, "/api/", 5)) {
		first = api_routes;
		second = web_routes;
	}
	if (scan(req, first, &path_seen) || scan(req, second, &path_seen))
		return 0;
	return path_seen ? 405 : 404;
}
