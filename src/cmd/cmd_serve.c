/* wasdal serve [--listen ADDR:PORT] [--threads N] [--db URL] [--files DIR] [--secure-cookies]
 *              [--smtp URL] [--smtp-from ADDR] [--outbox-interval S] [--no-outbox]
 *              [--laporan-per-jam N]
 * --files (or WASDAL_FILES_DIR): where evidence of citizen reports is
 * stored; default "<database file>-berkas" next to a SQLite database.
 * --laporan-per-jam: raises the per-client report limit for benchmarks
 * (bench/laporan.sh files thousands of reports from one address); the
 * default stays LIMIT_LAPORAN_PER_CLIENT and the server warns when raised. */
#include "core/compat.h"
#include "cmd/cmd.h"
#include "cmd/cmd_outbox.h"
#include "core/err.h"
#include "core/limits.h"
#include "http/http.h"
#include "http/server.h"
#include "app/bukti.h"
#include "app/laporan.h"
#include "core/log.h"

_Static_assert(LIMIT_LAPORAN_PER_CLIENT == 10, "M_SERVE_USAGE says 'bawaan 10'");

/* The outbox sender runs beside the HTTP workers (app/outbox.h). */
struct background {
	const char *db_url;
	struct outbox_config c;
	int interval_s;
	struct outbox_worker *w;
};

static int outbox_start(void *ctx)
{
	struct background *b = ctx;
	int rc = outbox_worker_start(b->db_url, &b->c, b->interval_s, &b->w);
	if (rc) {
		cmd_error(M_SERVE_OUTBOX_FAILED, app_err_name(rc));
		return 3;
	}
	return 0;
}

static void outbox_stop(void *ctx)
{
	struct background *b = ctx;
	outbox_worker_stop(b->w);
	b->w = NULL;
}

int cmd_serve(int argc, char **argv)
{
	const char *smtp = NULL, *smtp_from = NULL;
	int outbox = 1;
	struct background bg = { .interval_s = 5 };
	struct server_opts o = {
		.listen = "127.0.0.1:8080",
		.threads = LIMIT_HTTP_THREADS_DEFAULT,
		.db_url = NULL,
		.secure_cookies = 0,
	};
	const char *files = getenv("WASDAL_FILES_DIR");
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *val = NULL;
		int takes = !strcmp(a, "--listen") || !strcmp(a, "--threads") || !strcmp(a, "--db") ||
			    !strcmp(a, "--smtp") || !strcmp(a, "--smtp-from") ||
			    !strcmp(a, "--outbox-interval") || !strcmp(a, "--files") ||
			    !strcmp(a, "--laporan-per-jam");
		if (takes) {
			if (i + 1 >= argc) {
				cmd_error(M_MISSING_ARG, a);
				return cmd_usage("serve");
			}
			val = argv[++i];
		}
		if (!strcmp(a, "--files")) {
			files = val;
		} else if (!strcmp(a, "--listen")) {
			o.listen = val;
		} else if (!strcmp(a, "--db")) {
			o.db_url = val;
		} else if (!strcmp(a, "--threads")) {
			int64_t n;
			if (http_parse_int64(val, &n) || n < 1 || n > LIMIT_HTTP_THREADS_HARD) {
				cmd_error(M_SERVE_BAD_THREADS, LIMIT_HTTP_THREADS_HARD);
				return EXIT_USAGE;
			}
			o.threads = (int)n;
		} else if (!strcmp(a, "--smtp")) {
			smtp = val;
		} else if (!strcmp(a, "--smtp-from")) {
			smtp_from = val;
		} else if (!strcmp(a, "--outbox-interval")) {
			int64_t n;
			if (http_parse_int64(val, &n) || n < 1 || n > 3600) {
				cmd_error(M_SERVE_BAD_INTERVAL);
				return EXIT_USAGE;
			}
			bg.interval_s = (int)n;
		} else if (!strcmp(a, "--laporan-per-jam")) {
			int64_t n;
			if (http_parse_int64(val, &n) || n < 1 || n > LIMIT_LAPORAN_PER_CLIENT_HARD) {
				cmd_error(M_SERVE_BAD_LAPORAN_RATE, LIMIT_LAPORAN_PER_CLIENT_HARD);
				return EXIT_USAGE;
			}
			laporan_set_per_client(n);
			if (n != LIMIT_LAPORAN_PER_CLIENT)
				log_warn(msgc(M_SERVE_LAPORAN_RATE_RAISED), (long long)n);
		} else if (!strcmp(a, "--no-outbox")) {
			outbox = 0;
		} else if (!strcmp(a, "--secure-cookies")) {
			o.secure_cookies = 1;
		} else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			printf("%s\n", msgc(M_SERVE_USAGE));
			return EXIT_OK;
		} else {
			cmd_error(M_UNKNOWN_OPTION, a);
			return cmd_usage("serve");
		}
	}
	o.db_url = cmd_db_url(o.db_url);
	char dflt[4096];
	if (!files || !*files) {
		bukti_default_dir(o.db_url, dflt, sizeof(dflt));
		files = dflt;
	}
	bukti_set_dir(files);
	if (outbox) {
		int rc = cmd_outbox_config(&bg.c, smtp, smtp_from);
		if (rc)
			return rc;
		bg.db_url = o.db_url;
		o.background_start = outbox_start;
		o.background_stop = outbox_stop;
		o.background_ctx = &bg;
	}
	return server_run(&o);
}
