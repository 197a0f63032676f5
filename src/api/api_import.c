/* The CSV import pieces shared by api_io.c and api_acara.c (api_import.h). */
#include "core/compat.h"
#include "api/api_import.h"
#include "core/err.h"
#include "core/xalloc.h"

int api_csv_body_open(struct http_req *req, struct http_resp *resp, FILE **in, int *partial)
{
	struct api_error e;
	api_error_init(&e);
	if (!req->content_type || strcmp(req->content_type, "text/csv") != 0) {
		e.status = 415;
		e.code_name = "unsupported_media_type";
		api_error_set(&e, APP_EINVAL, M_API_UNSUPPORTED_MEDIA, "text/csv");
		api_reply_error(req, resp, &e);
		return 1;
	}
	if (req->body_len == 0) {
		api_error_set(&e, APP_EINVAL, M_API_BODY_EMPTY);
		api_reply_error(req, resp, &e);
		return 1;
	}
	const char *pv = http_query(req, "partial");
	*partial = pv && (!strcmp(pv, "1") || !strcmp(pv, "on"));
	*in = fmemopen((void *)req->body, req->body_len, "r");
	if (!*in) {
		api_reply_code(req, resp, APP_ENOMEM);
		return 1;
	}
	return 0;
}

void api_row_errors_init(struct api_row_errors *c, size_t value_size)
{
	memset(c, 0, sizeof(*c));
	c->v = xcalloc(API_IMPORT_MAX_ERRORS, sizeof(*c->v));
	c->value_size = value_size;
}

void api_row_errors_release(struct api_row_errors *c)
{
	free(c->v);
	c->v = NULL;
}

/* Copies s into dst[sz], cut before a UTF-8 sequence that would not fit
 * whole: the report is JSON, which must stay valid UTF-8. */
static void copy_trunc(char *dst, size_t sz, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n >= sz) {
		n = sz - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	if (n)
		memcpy(dst, s, n);
	dst[n] = '\0';
}

int api_row_errors_keep(void *ctx, const struct import_error *ie)
{
	struct api_row_errors *c = ctx;
	if (c->n >= API_IMPORT_MAX_ERRORS) {
		c->truncated = 1;
		return 0;
	}
	struct api_row_error *k = &c->v[c->n++];
	k->line = ie->line;
	copy_trunc(k->column, sizeof(k->column), ie->column);
	k->msg = ie->msg;
	copy_trunc(k->value, c->value_size, ie->value);
	return 0;
}

void api_import_report_begin(struct jsonw *w, int committed, int partial, int64_t rows, int64_t ok,
			     int64_t bad)
{
	jsonw_obj_begin(w);
	jsonw_kv_bool(w, "committed", committed);
	jsonw_kv_bool(w, "partial", partial);
	jsonw_kv_int(w, "rows", rows);
	jsonw_kv_int(w, "ok", ok);
	jsonw_kv_int(w, "bad", bad);
}

void api_import_report_end(struct jsonw *w, const struct api_row_errors *c, const char *line_key)
{
	jsonw_key(w, "errors");
	jsonw_arr_begin(w);
	for (size_t i = 0; i < c->n; i++) {
		const struct api_row_error *k = &c->v[i];
		jsonw_obj_begin(w);
		jsonw_kv_int(w, line_key, k->line);
		jsonw_kv_str(w, "column", k->column);
		jsonw_kv_str(w, "message", msg(k->msg, LANG_ID));
		jsonw_kv_str(w, "message_en", msg(k->msg, LANG_EN));
		jsonw_kv_str(w, "value", k->value);
		jsonw_obj_end(w);
	}
	jsonw_arr_end(w);
	jsonw_kv_bool(w, "errors_truncated", c->truncated);
	jsonw_obj_end(w);
}

int api_import_reply(struct http_req *req, struct http_resp *resp, int rc,
		     void (*report)(struct jsonw *w, const void *ctx), const void *ctx)
{
	struct jsonw w;
	if (rc == 0) {
		api_reply_begin(resp, 200, &w);
		report(&w, ctx);
	} else if (rc == APP_EINVAL) {
		/* Strict import with bad rows (or an unreadable header): nothing
		 * was saved. The one error shape, plus the report. */
		api_reply_begin(resp, 422, &w);
		jsonw_obj_begin(&w);
		jsonw_key(&w, "error");
		jsonw_obj_begin(&w);
		jsonw_kv_str(&w, "code", app_err_name(APP_ECONSTRAINT));
		jsonw_kv_str(&w, "message", msg(M_API_IMPORT_FAILED, LANG_ID));
		jsonw_kv_str(&w, "message_en", msg(M_API_IMPORT_FAILED, LANG_EN));
		jsonw_obj_end(&w);
		jsonw_key(&w, "report");
		report(&w, ctx);
		jsonw_obj_end(&w);
	} else {
		return api_reply_code(req, resp, rc);
	}
	return api_reply_end(req, resp, &w);
}
