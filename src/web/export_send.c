/* Table export as a download (see export_send.h). */
#include "core/compat.h"
#include "web/export_send.h"
#include "core/err.h"
#include <fcntl.h>
#include <unistd.h>

int export_send(struct http_req *req, struct http_resp *resp, enum tabexp_format fmt,
		const char *basename, const char *sheet,
		int (*fill)(struct tabexp *t, void *ctx), void *ctx)
{
	char path[] = "/tmp/wasdal-export-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0)
		return APP_EIO;
	struct tabexp t;
	int rc;
	if (fmt == TABEXP_CSV) {
		unlink(path);
		int fd2 = dup(fd);
		FILE *f = fd2 >= 0 ? fdopen(fd2, "w") : NULL;
		if (!f) {
			if (fd2 >= 0)
				close(fd2);
			close(fd);
			return APP_EIO;
		}
		rc = tabexp_open_csv(&t, f);
		if (!rc)
			rc = fill(&t, ctx);
		int rc2 = tabexp_close(&t);
		if (!rc)
			rc = rc2;
		if (fclose(f) != 0 && !rc)
			rc = APP_EIO;
	} else {
		rc = tabexp_open_xlsx(&t, path, sheet);
		if (!rc)
			rc = fill(&t, ctx);
		int rc2 = tabexp_close(&t);
		if (!rc)
			rc = rc2;
		/* libxlsxwriter wrote a new file at path: send that one */
		close(fd);
		fd = open(path, O_RDONLY);
		unlink(path);
		if (fd < 0 && !rc)
			rc = APP_EIO;
	}
	if (rc || lseek(fd, 0, SEEK_SET) != 0) {
		if (fd >= 0)
			close(fd);
		return rc ? rc : APP_EIO;
	}
	rc = http_resp_file(resp, 200, fmt == TABEXP_XLSX ? HTTP_CT_XLSX : HTTP_CT_CSV, fd);
	if (rc)
		return rc;
	resp->attachment = http_printf(req, "%s.%s", basename, fmt == TABEXP_XLSX ? "xlsx" : "csv");
	return 0;
}
