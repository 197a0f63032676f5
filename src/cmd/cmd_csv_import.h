/* The CLI side of a CSV import that reports per row ('wasdal import
 * pegawai', 'wasdal acara hadir-impor'): the options --partial and
 * --report PATH, the input file, the error report (the first rows on
 * stderr, every row in FILE.errors.csv: baris, kolom, alasan, nilai,
 * reason), and a progress bar on a terminal. */
#ifndef WASDAL_CMD_CMD_CSV_IMPORT_H
#define WASDAL_CMD_CMD_CSV_IMPORT_H

#include "app/registry.h"
#include "core/csv.h"

struct cmd_csv_import {
	const char *file;          /* the CSV to import */
	const char *report_path;   /* --report, or FILE.errors.csv */
	int partial;               /* --partial */
	FILE *in;
	struct import_opts opts;   /* for the app import, after _open */
	/* the report */
	FILE *rf;
	struct csv_writer w;
	int64_t errors;            /* bad rows reported */
	int report_failed;         /* the report file could not be opened */
	int report_written;        /* the report file was created */
	/* the progress bar */
	int64_t total_bytes;
	int progress_shown;
	char default_report[4096];
};

/* Reads argv[first..]: --partial, --report PATH and up to npos positional
 * arguments into pos[] (NULL when absent). Returns 0 or EXIT_USAGE after
 * printing why (too many arguments: the usage of command). */
int cmd_csv_import_args(struct cmd_csv_import *ci, int argc, char **argv, int first,
			const char **pos, int npos, const char *command);
/* Opens ci->file (EXIT_USAGE with the reason when it cannot) and fills
 * ci->opts. */
int cmd_csv_import_open(struct cmd_csv_import *ci);
/* Ends the progress line, closes the input and the report. */
void cmd_csv_import_close(struct cmd_csv_import *ci);
/* After the summary: "nothing was imported" when there were errors and
 * nothing was committed, and where the report is. */
void cmd_csv_import_report(const struct cmd_csv_import *ci, int committed);

#endif
