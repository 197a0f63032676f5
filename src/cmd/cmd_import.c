/* wasdal import pegawai FILE.csv: all-or-nothing CSV import with a per-row
 * error report (line, column, reason) on stderr and in a CSV file. */
#include "core/compat.h"
#include "cmd/cmd.h"
#include "cmd/cmd_actor.h"
#include "cmd/cmd_csv_import.h"
#include "cmd/cmd_store.h"
#include "app/registry.h"
#include "core/err.h"
#include "store/store.h"

#pragma GCC diagnostic ignored "-Wformat-nonliteral"

int cmd_import(int argc, char **argv)
{
	const char *url, *actor_name;
	int rc = cmd_take_db_option(&argc, argv, &url);
	if (!rc)
		rc = cmd_take_actor_option(&argc, argv, &actor_name);
	if (rc)
		return rc;
	struct cmd_csv_import ci;
	const char *pos[2];
	if ((rc = cmd_csv_import_args(&ci, argc, argv, 1, pos, 2, "import")))
		return rc;
	const char *what = pos[0];
	ci.file = pos[1];
	if (!what || strcmp(what, "pegawai") || !ci.file)
		return cmd_usage("import");
	if ((rc = cmd_csv_import_open(&ci)))
		return rc;
	struct store *s;
	if ((rc = cmd_open_store(url, CMD_SCHEMA_CURRENT, &s))) {
		cmd_csv_import_close(&ci);
		return rc;
	}
	struct principal actor;
	if ((rc = cmd_actor(s, actor_name, &actor))) {
		store_close(s);
		cmd_csv_import_close(&ci);
		return rc;
	}
	struct import_stats st;
	store_bulk_begin(s);
	rc = registry_import_csv(s, &actor, ci.in, &ci.opts, &st);
	store_bulk_end(s);
	cmd_csv_import_close(&ci);
	printf(msgc(M_IMP_SUMMARY), (long long)st.rows, (long long)st.ok, (long long)st.bad,
	       (long long)st.created, (long long)st.updated, (long long)st.unchanged,
	       (long long)st.units_created);
	putchar('\n');
	cmd_csv_import_report(&ci, ci.partial);
	int code = EXIT_OK;
	if (rc == APP_EPERM) {
		cmd_app_error(rc);
		code = EXIT_CHECK_FAILED;
	} else if (rc && rc != APP_EINVAL) {
		cmd_error(M_STORE_FAILED, store_last_error(s));
		code = EXIT_INTERNAL;
	} else if (rc == APP_EINVAL || ci.errors) {
		code = EXIT_CHECK_FAILED;
	}
	store_close(s);
	return code;
}
