/* Database plumbing for commands: option parsing and opening the store. */
#include "core/compat.h"
#include "cmd/cmd.h"
#include "cmd/cmd_store.h"
#include "core/err.h"
#include "store/store.h"
#include <unistd.h>

int cmd_take_db_option(int *argc, char **argv, const char **db_url)
{
	const char *opt = NULL;
	int out = 1;
	for (int i = 1; i < *argc; i++) {
		if (!strcmp(argv[i], "--db")) {
			if (i + 1 >= *argc) {
				cmd_error(M_MISSING_ARG, "--db");
				return EXIT_USAGE;
			}
			opt = argv[++i];
		} else if (!strncmp(argv[i], "--db=", 5)) {
			opt = argv[i] + 5;
		} else {
			argv[out++] = argv[i];
		}
	}
	*argc = out;
	argv[out] = NULL;
	*db_url = cmd_db_url(opt);
	return 0;
}

int cmd_open_store(const char *url, enum cmd_schema need, struct store **out)
{
	/* Only 'wasdal migrate' (CMD_SCHEMA_ANY) may create a SQLite file: a
	 * mistyped path elsewhere must not leave an empty database behind. */
	const char *path = url + 7;
	if (need == CMD_SCHEMA_CURRENT && !strncmp(url, "sqlite:", 7) &&
	    strcmp(path, ":memory:") && access(path, F_OK)) {
		cmd_error(M_CANNOT_OPEN, path, strerror(errno));
		return EXIT_USAGE;
	}
	int rc = store_open(url, out);
	if (rc == APP_EINVAL) {
		cmd_error(M_STORE_BAD_URL, url);
		return EXIT_USAGE;
	}
	if (rc) {
		/* Never echo a PostgreSQL URL: it may carry a password. */
		cmd_error(M_STORE_OPEN_FAILED, strncmp(url, "sqlite:", 7) ? "postgresql" : url,
			  app_err_name(rc));
		return EXIT_INTERNAL;
	}
	if (need == CMD_SCHEMA_ANY)
		return 0;
	int cur = 0, latest = 0;
	rc = store_schema_version(*out, &cur, &latest);
	if (!rc && cur != latest) {
		cmd_error(cur < latest ? M_STORE_SCHEMA_OLD : M_STORE_SCHEMA_NEW, cur, latest);
		rc = APP_ESCHEMA;
	} else if (rc) {
		cmd_error(M_STORE_FAILED, store_last_error(*out));
	}
	if (rc) {
		store_close(*out);
		*out = NULL;
		return EXIT_USAGE;
	}
	return 0;
}
