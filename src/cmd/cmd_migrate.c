/* wasdal migrate: apply the pending schema migrations, print from -> to. */
#include "core/compat.h"
#include "cmd/cmd.h"
#include "cmd/cmd_store.h"
#include "core/err.h"
#include "store/store.h"

int cmd_migrate(int argc, char **argv)
{
	const char *url;
	struct store *s;
	int rc = cmd_take_db_option(&argc, argv, &url);
	if (rc)
		return rc;
	if (argc != 1)
		return cmd_usage("migrate");
	if ((rc = cmd_open_store(url, CMD_SCHEMA_ANY, &s)))
		return rc;
	int from = 0, to = 0;
	rc = store_migrate(s, &from, &to);
	if (rc == APP_ESCHEMA) {
		int latest = 0;
		store_schema_version(s, &from, &latest);
		cmd_error(M_STORE_SCHEMA_NEW, from, latest);
		store_close(s);
		return EXIT_USAGE;
	}
	if (rc) {
		cmd_error(M_STORE_FAILED, store_last_error(s));
		store_close(s);
		return EXIT_INTERNAL;
	}
	store_close(s);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	if (from == to)
		printf(msgc(M_MIGRATE_NOTHING), to);
	else
		printf(msgc(M_MIGRATE_DONE), from, to);
#pragma GCC diagnostic pop
	putchar('\n');
	return EXIT_OK;
}
