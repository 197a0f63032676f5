/* CSV import on the command line: options, error report, progress bar
 * (see cmd_csv_import.h). */
#include "core/compat.h"
#include "cmd/cmd.h"
#include "cmd/cmd_csv_import.h"
#include <sys/stat.h>
#include <unistd.h>

#pragma GCC diagnostic ignored "-Wformat-nonliteral"

/* The rest is in the report file: a terminal is no place for 10 000 rows. */
#define SHOW_ERRORS 50

int cmd_csv_import_args(struct cmd_csv_import *ci, int argc, char **argv, int first,
			const char **pos, int npos, const char *command)
{
	memset(ci, 0, sizeof(*ci));
	int got = 0;
	for (int i = 0; i < npos; i++)
		pos[i] = NULL;
	for (int i = first; i < argc; i++) {
		if (!strcmp(argv[i], "--partial")) {
			ci->partial = 1;
		} else if (!strcmp(argv[i], "--report")) {
			if (i + 1 >= argc) {
				cmd_error(M_MISSING_ARG, "--report");
				return EXIT_USAGE;
			}
			ci->report_path = argv[++i];
		} else if (argv[i][0] == '-' && argv[i][1]) {
			cmd_error(M_UNKNOWN_OPTION, argv[i]);
			return EXIT_USAGE;
		} else if (got < npos) {
			pos[got++] = argv[i];
		} else {
			return cmd_usage(command);
		}
	}
	return 0;
}

static void show_progress(void *ctx, int64_t rows, int64_t bytes)
{
	struct cmd_csv_import *ci = ctx;
	int pct = ci->total_bytes > 0 ? (int)(bytes * 100 / ci->total_bytes) : 0;
	if (pct > 100)
		pct = 100;
	char bar[41];
	int fill = pct * 40 / 100;
	for (int i = 0; i < 40; i++)
		bar[i] = i < fill ? '#' : '.';
	bar[40] = '\0';
	fprintf(stderr, "\r[%s] %3d%% %" PRId64, bar, pct, rows);
	ci->progress_shown = 1;
}

static int on_error(void *ctx, const struct import_error *e)
{
	struct cmd_csv_import *ci = ctx;
	ci->errors++;
	const char *col = e->column[0] ? e->column : msgc(M_IMP_ROW);
	if (ci->errors <= SHOW_ERRORS) {
		fputs("wasdal: ", stderr);
		fprintf(stderr, msgc(M_IMP_ERROR_LINE), (long long)e->line, col, msgc(e->msg));
		if (e->value[0])
			fprintf(stderr, " [%s]", e->value);
		fputc('\n', stderr);
	}
	/* The file is created on the first error only: a clean import leaves
	 * no report behind. */
	if (!ci->rf && !ci->report_failed) {
		ci->rf = fopen(ci->report_path, "w");
		if (!ci->rf) {
			ci->report_failed = 1;
			cmd_error(M_CANNOT_WRITE, ci->report_path, strerror(errno));
			return 0;
		}
		csv_writer_init(&ci->w, ci->rf);
		const char *head[] = { "baris", "kolom", "alasan", "nilai", "reason" };
		for (size_t i = 0; i < ARRAY_SIZE(head); i++)
			csv_write_field(&ci->w, head[i]);
		(void)csv_end_row(&ci->w);
	}
	if (ci->rf) {
		char line[24];
		snprintf(line, sizeof(line), "%lld", (long long)e->line);
		csv_write_field(&ci->w, line);
		csv_write_field(&ci->w, e->column);
		csv_write_field(&ci->w, msg(e->msg, LANG_ID));
		csv_write_field(&ci->w, e->value);
		csv_write_field(&ci->w, msg(e->msg, LANG_EN));
		(void)csv_end_row(&ci->w);
	}
	return 0;
}

int cmd_csv_import_open(struct cmd_csv_import *ci)
{
	ci->in = fopen(ci->file, "rb");
	if (!ci->in) {
		cmd_error(M_CANNOT_OPEN, ci->file, strerror(errno));
		return EXIT_USAGE;
	}
	if (!ci->report_path) {
		snprintf(ci->default_report, sizeof(ci->default_report), "%s.errors.csv", ci->file);
		ci->report_path = ci->default_report;
	}
	struct stat sb;
	if (fstat(fileno(ci->in), &sb) == 0)
		ci->total_bytes = sb.st_size;
	ci->opts = (struct import_opts){
		.partial = ci->partial,
		.progress = isatty(STDERR_FILENO) ? show_progress : NULL,
		.progress_ctx = ci,
		.on_error = on_error,
		.error_ctx = ci,
	};
	return 0;
}

void cmd_csv_import_close(struct cmd_csv_import *ci)
{
	if (ci->progress_shown)
		fputc('\n', stderr);
	ci->progress_shown = 0;
	if (ci->in)
		fclose(ci->in);
	ci->in = NULL;
	if (ci->rf) {
		csv_writer_release(&ci->w);
		if (fclose(ci->rf))
			cmd_error(M_CANNOT_WRITE, ci->report_path, strerror(errno));
		ci->rf = NULL;
		ci->report_written = 1;
	}
}

void cmd_csv_import_report(const struct cmd_csv_import *ci, int committed)
{
	if (!ci->errors)
		return;
	if (!committed)
		printf("%s\n", msgc(M_IMP_NOTHING));
	if (ci->report_written) {
		printf(msgc(M_IMP_REPORT_WRITTEN), ci->report_path);
		putchar('\n');
	}
}
