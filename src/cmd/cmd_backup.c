/* wasdal backup FILE: a consistent online copy of the SQLite store. */
#include "core/compat.h"
#include "cmd/cmd.h"
#include "cmd/cmd_store.h"
#include "core/err.h"
#include "store/store.h"

int cmd_backup(int argc, char **argv)
{
	const char *url;
	struct store *s;
	int rc = cmd_take_db_option(&argc, argv, &url);
	if (rc)
		return rc;
	if (argc != 2)
		return cmd_usage("backup");
	/* Decided from the URL, before connecting: the advice is the same
	 * whether or not the server is reachable right now. */
	if (strncmp(url, "sqlite:", 7)) {
		fprintf(stderr, "wasdal: %s\n", msgc(M_BACKUP_PG));
		return EXIT_USAGE;
	}
	if ((rc = cmd_open_store(url, CMD_SCHEMA_ANY, &s)))
		return rc;
	rc = store_backup(s, argv[1]);
	if (rc) {
		cmd_error(M_STORE_FAILED, store_last_error(s));
		store_close(s);
		return rc == APP_EINVAL ? EXIT_USAGE : EXIT_INTERNAL;
	}
	store_close(s);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	printf(msgc(M_BACKUP_DONE), argv[1]);
#pragma GCC diagnostic pop
	putchar('\n');
	return EXIT_OK;
}
