/* wasdal import pegawai FILE.csv: all-or-nothing CSV import with a per-row
 * error report (line, column, reason) on stderr and in a CSV file. */
#include "core/compat.h"
#include "cmd/cmd.h"
#include "cmd/cmd_actor.h"
#include "cmd/cmd_store.h"
#include "app/registry.h"
#include "core/csv.h"
#include "core/err.h"
#include "store/store.h"
#include <sys/stat.h>
#include <unistd.h>

#pragma GCC diagnostic ignored "-Wformat-nonliteral"

#define SHOW_ERRORS 50

struct progress {
	int64_t total_bytes;
	int shown;
};

static void show_progress(void *ctx, int64_t rows, int64_t bytes)
{
	struct progress *pg = ctx;
	int pct = pg->total_bytes > 0 ? (int)(bytes * 100 / pg->total_bytes) : 0;
	if (pct > 100)
		pct = 100;
	char bar[41];
	int fill = pct * 40 / 100;
	for (int i = 0; i < 40; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[40] = '\0';
	fprintf(stderr, "\r[%s] %3d%% %" PRId64, bar, pct, rows);
	pg->shown = 1;
}

struct report {
	const char *path;
	FILE *f;
	struct csv_writer w;
	int64_t n;
	int failed;
};

static int on_error(void *ctx, const struct import_error *e)
{
	struct report *r = ctx;
	r->n++;
	const char *col = e->column[0] ? e->column : msgc(M_IMP_ROW);
	if (r->n <= SHOW_ERRORS) {
		fputs("wasdal: ", stderr);
		fprintf(stderr, msgc(M_IMP_ERROR_LINE), (long long)e->line, col, msgc(e->msg));
		if (e->value[0])
			fprintf(stderr, " [%s]", e->value);
		fputc('\n', stderr);
	}
	if (!r->f && !r->failed) {
		r->f = fopen(r->path, "w");
		if (!r->f) {
			r->failed = 1;
			cmd_error(M_CANNOT_WRITE, r->path, strerror(errno));
			return 0;
		}
		csv_writer_init(&r->w, r->f);
		const char *head[] = { "baris", "kolom", "alasan", "nilai", "reason" };
		for (size_t i = 0; i < ARRAY_SIZE(head); i++)
			csv_write_field(&r->w, head[i]);
		(void)csv_end_row(&r->w);
	}
	if (r->f) {
		char line[24];
		snprintf(line, sizeof(line), "%lld", (long long)e->line);
		csv_write_field(&r->w, line);
		csv_write_field(&r->w, e->column);
		csv_write_field(&r->w, msg(e->msg, LANG_ID));
		csv_write_field(&r->w, e->value);
		csv_write_field(&r->w, msg(e->msg, LANG_EN));
		(void)csv_end_row(&r->w);
	}
	return 0;
}

int cmd_import(int argc, char **argv)
{
	const char *url, *actor_name;
	int rc = cmd_take_db_option(&argc, argv, &url);
	if (!rc)
		rc = cmd_take_actor_option(&argc, argv, &actor_name);
	if (rc)
		return rc;
	const char *file = NULL, *report_path = NULL, *what = NULL;
	int partial = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--partial")) {
			partial = 1;
		} else if (!strcmp(argv[i], "--report")) {
			if (i + 1 >= argc) {
				cmd_error(M_MISSING_ARG, "--report");
				return EXIT_USAGE;
			}
			report_path = argv[++i];
		} else if (argv[i][0] == '-' && argv[i][1]) {
			cmd_error(M_UNKNOWN_OPTION, argv[i]);
			return EXIT_USAGE;
		} else if (!what) {
			what = argv[i];
		} else if (!file) {
			file = argv[i];
		} else {
			return cmd_usage("import");
		}
	}
	if (!what || strcmp(what, "pegawai") || !file)
		return cmd_usage("import");
	FILE *in = fopen(file, "rb");
	if (!in) {
		cmd_error(M_CANNOT_OPEN, file, strerror(errno));
		return EXIT_USAGE;
	}
	char default_report[4096];
	if (!report_path) {
		snprintf(default_report, sizeof(default_report), "%s.errors.csv", file);
		report_path = default_report;
	}
	struct store *s;
	if ((rc = cmd_open_store(url, CMD_SCHEMA_CURRENT, &s))) {
		fclose(in);
		return rc;
	}
	struct principal actor;
	if ((rc = cmd_actor(s, actor_name, &actor))) {
		store_close(s);
		fclose(in);
		return rc;
	}
	struct stat sb;
	struct progress pg = { 0, 0 };
	if (fstat(fileno(in), &sb) == 0)
		pg.total_bytes = sb.st_size;
	struct report rep = { .path = report_path };
	struct import_opts o = {
		.partial = partial,
		.progress = isatty(STDERR_FILENO) ? show_progress : NULL,
		.progress_ctx = &pg,
		.on_error = on_error,
		.error_ctx = &rep,
	};
	struct import_stats st;
	store_bulk_begin(s);
	rc = registry_import_csv(s, &actor, in, &o, &st);
	store_bulk_end(s);
	if (pg.shown)
		fputc('\n', stderr);
	fclose(in);
	if (rep.f) {
		csv_writer_release(&rep.w);
		if (fclose(rep.f))
			cmd_error(M_CANNOT_WRITE, rep.path, strerror(errno));
	}
	printf(msgc(M_IMP_SUMMARY), (long long)st.rows, (long long)st.ok, (long long)st.bad,
	       (long long)st.created, (long long)st.updated, (long long)st.unchanged,
	       (long long)st.units_created);
	putchar('\n');
	if (rep.n) {
		if (!partial)
			printf("%s\n", msgc(M_IMP_NOTHING));
		if (rep.f || !rep.failed) {
			printf(msgc(M_IMP_REPORT_WRITTEN), rep.path);
			putchar('\n');
		}
	}
	int code = EXIT_OK;
	if (rc == APP_EPERM) {
		cmd_app_error(rc);
		code = EXIT_CHECK_FAILED;
	} else if (rc && rc != APP_EINVAL) {
		cmd_error(M_STORE_FAILED, store_last_error(s));
		code = EXIT_INTERNAL;
	} else if (rc == APP_EINVAL || rep.n) {
		code = EXIT_CHECK_FAILED;
	}
	store_close(s);
	return code;
}
