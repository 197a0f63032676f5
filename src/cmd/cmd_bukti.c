/* wasdal bukti periksa [--files DIR] [--db URL]: checks every stored
 * evidence file of citizen reports against its name (its SHA-256), so a
 * changed, truncated or foreign file in the files directory shows before
 * the evidence is used. Exit 0 all good, 1 a problem found, 2 bad usage.
 * The directory is --files, else WASDAL_FILES_DIR, else the default next
 * to the database (as 'wasdal serve' picks it). */
#include "core/compat.h"
#include "cmd/cmd.h"
#include "app/bukti.h"
#include "core/err.h"

static void report(void *ctx, const char *name, const char *why)
{
	(void)ctx;
	printf("%s %s\n", why, name);
}

int cmd_bukti(int argc, char **argv)
{
	const char *files = getenv("WASDAL_FILES_DIR"), *db = NULL;
	if (argc < 2 || strcmp(argv[1], "periksa"))
		return cmd_usage("bukti");
	for (int i = 2; i < argc; i++) {
		if ((!strcmp(argv[i], "--files") || !strcmp(argv[i], "--db")) && i + 1 < argc) {
			if (!strcmp(argv[i], "--files"))
				files = argv[++i];
			else
				db = argv[++i];
		} else {
			cmd_error(M_UNKNOWN_OPTION, argv[i]);
			return cmd_usage("bukti");
		}
	}
	char dflt[4096];
	if (!files || !*files) {
		bukti_default_dir(cmd_db_url(db), dflt, sizeof(dflt));
		files = dflt;
	}
	bukti_set_dir(files);
	int64_t ok = 0, bad = 0;
	int rc = bukti_verify_dir(report, NULL, &ok, &bad);
	if (rc == APP_ENOTFOUND) {
		cmd_error(M_BUKTI_DIR_NONE, files);
		return EXIT_OK;
	}
	if (rc) {
		cmd_error(M_BUKTI_DIR_UNREADABLE, files);
		return EXIT_INTERNAL;
	}
	printf(msgc(bad ? M_BUKTI_CHECK_BAD : M_BUKTI_CHECK_OK), (long long)ok, (long long)bad);
	putchar('\n');
	return bad ? EXIT_CHECK_FAILED : EXIT_OK;
}
