/* Bulk registry transfer over the API: POST /api/v1/import/pegawai (a CSV
 * body in the import column layout, strict or ?partial=1) and GET
 * /api/v1/export/pegawai?format=csv|xlsx (an attachment). Both go through
 * app/registry.h, which enforces scope row by row. */
#include "core/compat.h"
#include "api/api.h"
#include "api/api_import.h"
#include "app/registry.h"
#include "core/err.h"
#include "core/limits.h"
#include <fcntl.h>
#include <unistd.h>

struct report {
	int partial;
	const struct import_stats *st;
	const struct api_row_errors *errs;
};

static void write_report(struct jsonw *w, const void *ctx)
{
	const struct report *r = ctx;
	const struct import_stats *st = r->st;
	api_import_report_begin(w, st->committed, r->partial, st->rows, st->ok, st->bad);
	jsonw_kv_int(w, "created", st->created);
	jsonw_kv_int(w, "updated", st->updated);
	jsonw_kv_int(w, "unchanged", st->unchanged);
	jsonw_kv_int(w, "units_created", st->units_created);
	api_import_report_end(w, r->errs, "line");
}

int api_import_pegawai(struct http_req *req, struct http_resp *resp)
{
	struct api_error e;
	api_error_init(&e);
	if (api_require(req, PERM_REGISTRY_WRITE, &e))
		return api_reply_error(req, resp, &e);
	FILE *in;
	int partial;
	if (api_csv_body_open(req, resp, &in, &partial))
		return 0;
	struct api_row_errors errs;
	api_row_errors_init(&errs, API_ROW_ERROR_VALUE);
	struct import_opts opts = { .partial = partial, .on_error = api_row_errors_keep, .error_ctx = &errs };
	struct import_stats st;
	memset(&st, 0, sizeof(st));
	int rc = registry_import_csv(req->store, &req->principal, in, &opts, &st);
	fclose(in);
	struct report r = { partial, &st, &errs };
	rc = api_import_reply(req, resp, rc, write_report, &r);
	api_row_errors_release(&errs);
	return rc;
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
