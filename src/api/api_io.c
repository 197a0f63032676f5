/* Bulk registry transfer over the API: POST /api/v1/import/pegawai (a CSV
 * body in the import column layout, strict or ?partial=1) and GET
 * /api/v1/export/pegawai?format=csv|xlsx (an attachment). Both go through
 * app/registry.h, which enforces scope row by row. */
#include "core/compat.h"
#include "api/api.h"
#include "app/registry.h"
#include "core/err.h"
#include "core/limits.h"
#include "core/xalloc.h"
#include <fcntl.h>
#include <unistd.h>

/* Row errors kept in the JSON report; the count of bad rows is always exact. */
#define API_IMPORT_MAX_ERRORS 1000

struct kept_error {
	int64_t line;
	char column[32];
	enum msg_id msg;
	char value[128];
};

struct import_ctx {
	struct kept_error *errs;
	size_t n;
	int truncated;
};

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

static int keep_error(void *ctx, const struct import_error *ie)
{
	struct import_ctx *c = ctx;
	if (c->n >= API_IMPORT_MAX_ERRORS) {
		c->truncated = 1;
		return 0;
	}
	struct kept_error *k = &c->errs[c->n++];
	k->line = ie->line;
	copy_trunc(k->column, sizeof(k->column), ie->column);
	k->msg = ie->msg;
	copy_trunc(k->value, sizeof(k->value), ie->value);
	return 0;
}

static void write_report(struct jsonw *w, int partial, const struct import_stats *st,
			 const struct import_ctx *c)
{
	jsonw_obj_begin(w);
	jsonw_kv_bool(w, "committed", st->committed);
	jsonw_kv_bool(w, "partial", partial);
	jsonw_kv_int(w, "rows", st->rows);
	jsonw_kv_int(w, "ok", st->ok);
	jsonw_kv_int(w, "bad", st->bad);
	jsonw_kv_int(w, "created", st->created);
	jsonw_kv_int(w, "updated", st->updated);
	jsonw_kv_int(w, "unchanged", st->unchanged);
	jsonw_kv_int(w, "units_created", st->units_created);
	jsonw_key(w, "errors");
	jsonw_arr_begin(w);
	for (size_t i = 0; i < c->n; i++) {
		const struct kept_error *k = &c->errs[i];
		jsonw_obj_begin(w);
		jsonw_kv_int(w, "line", k->line);
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

int api_import_pegawai(struct http_req *req, struct http_resp *resp)
{
	struct api_error e;
	api_error_init(&e);
	if (api_require(req, PERM_REGISTRY_WRITE, &e))
		return api_reply_error(req, resp, &e);
	if (!req->content_type || strcmp(req->content_type, "text/csv") != 0) {
		e.status = 415;
		e.code_name = "unsupported_media_type";
		api_error_set(&e, APP_EINVAL, M_API_UNSUPPORTED_MEDIA, "text/csv");
		return api_reply_error(req, resp, &e);
	}
	if (req->body_len == 0) {
		api_error_set(&e, APP_EINVAL, M_API_BODY_EMPTY);
		return api_reply_error(req, resp, &e);
	}
	const char *pv = http_query(req, "partial");
	int partial = pv && (!strcmp(pv, "1") || !strcmp(pv, "on"));

	FILE *in = fmemopen((void *)req->body, req->body_len, "r");
	if (!in)
		return api_reply_code(req, resp, APP_ENOMEM);
	struct import_ctx c = { xcalloc(API_IMPORT_MAX_ERRORS, sizeof(struct kept_error)), 0, 0 };
	struct import_opts opts = { .partial = partial, .on_error = keep_error, .error_ctx = &c };
	struct import_stats st;
	memset(&st, 0, sizeof(st));
	int rc = registry_import_csv(req->store, &req->principal, in, &opts, &st);
	fclose(in);

	struct jsonw w;
	if (rc == 0) {
		api_reply_begin(resp, 200, &w);
		write_report(&w, partial, &st, &c);
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
		write_report(&w, partial, &st, &c);
		jsonw_obj_end(&w);
	} else {
		free(c.errs);
		return api_reply_code(req, resp, rc);
	}
	free(c.errs);
	return api_reply_end(req, resp, &w);
}

int api_export_pegawai(struct http_req *req, struct http_resp *resp)
{
	struct api_error e;
	struct api_org org;
	struct pegawai_filter f;
	api_error_init(&e);
	if (api_require(req, PERM_REGISTRY_READ, &e))
		return api_reply_error(req, resp, &e);
	const char *fmt = http_query(req, "format");
	int xlsx = 0;
	if (fmt && !strcmp(fmt, "xlsx"))
		xlsx = 1;
	else if (fmt && *fmt && strcmp(fmt, "csv") != 0)
		api_error_field(&e, "format", M_API_BAD_FORMAT);
	if (e.code)
		return api_reply_error(req, resp, &e);
	int rc = api_org_load(req, &org);
	if (rc)
		return api_reply_code(req, resp, rc);
	rc = api_pegawai_filter(req, &org, &f, &e);
	api_org_release(&org);
	if (rc)
		return api_reply_error(req, resp, &e);

	/* Written to an unlinked temporary file that the server sends from
	 * disk (http_resp_file): a whole province never sits in memory. */
	int64_t rows = 0;
	const char *tmpdir = getenv("TMPDIR");
	char path[512];
	snprintf(path, sizeof(path), "%s/wasdal-api-export-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0)
		return api_reply_code(req, resp, APP_EIO);
	if (!xlsx) {
		unlink(path);
		int fd2 = dup(fd);
		FILE *out = fd2 >= 0 ? fdopen(fd2, "w") : NULL;
		if (!out) {
			if (fd2 >= 0)
				close(fd2);
			close(fd);
			return api_reply_code(req, resp, APP_EIO);
		}
		rc = registry_export_csv(req->store, &req->principal, &f, out, &rows);
		if (fclose(out) != 0 && !rc)
			rc = APP_EIO;
	} else {
		/* libxlsxwriter writes a new file at path: send that one. */
		rc = registry_export_xlsx(req->store, &req->principal, &f, path, &rows);
		close(fd);
		fd = open(path, O_RDONLY);
		unlink(path);
		if (fd < 0 && !rc)
			rc = APP_EIO;
	}
	if (!rc && lseek(fd, 0, SEEK_SET) != 0)
		rc = APP_EIO;
	if (rc) {
		if (fd >= 0)
			close(fd);
		return api_reply_code(req, resp, rc);
	}
	rc = http_resp_file(resp, 200, xlsx ? HTTP_CT_XLSX : HTTP_CT_CSV, fd);
	if (rc)
		return api_reply_code(req, resp, rc);
	resp->no_store = 1;
	resp->attachment = xlsx ? "pegawai.xlsx" : "pegawai.csv";
	char n[24];
	snprintf(n, sizeof(n), "%" PRId64, rows);
	(void)http_resp_header(req, resp, "X-Wasdal-Rows", n);
	return 0;
}
