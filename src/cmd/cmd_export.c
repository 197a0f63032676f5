/* wasdal export pegawai: the registry in the import layout, CSV (stdout or
 * --out) or XLSX (--out), scoped to --actor and --instansi. */
#include "core/compat.h"
#include "cmd/cmd.h"
#include "cmd/cmd_actor.h"
#include "cmd/cmd_store.h"
#include "app/registry.h"
#include "core/err.h"
#include "store/store.h"
#include <strings.h>

#pragma GCC diagnostic ignored "-Wformat-nonliteral"

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && !strcasecmp(s + n - m, suffix);
}

int cmd_export(int argc, char **argv)
{
	const char *url, *actor_name;
	int rc = cmd_take_db_option(&argc, argv, &url);
	if (!rc)
		rc = cmd_take_actor_option(&argc, argv, &actor_name);
	if (rc)
		return rc;
	const char *format = NULL, *instansi = NULL, *out = NULL, *what = NULL;
	for (int i = 1; i < argc; i++) {
		const char **slot = NULL;
		if (!strcmp(argv[i], "--format"))
			slot = &format;
		else if (!strcmp(argv[i], "--instansi"))
			slot = &instansi;
		else if (!strcmp(argv[i], "--out"))
			slot = &out;
		else if (argv[i][0] == '-') {
			cmd_error(M_UNKNOWN_OPTION, argv[i]);
			return EXIT_USAGE;
		} else if (!what)
			what = argv[i];
		else
			return cmd_usage("export");
		if (slot) {
			if (i + 1 >= argc) {
				cmd_error(M_MISSING_ARG, argv[i]);
				return EXIT_USAGE;
			}
			*slot = argv[++i];
		}
	}
	if (!what || strcmp(what, "pegawai"))
		return cmd_usage("export");
	if (!format)
		format = out && ends_with(out, ".xlsx") ? "xlsx" : "csv";
	int xlsx = !strcmp(format, "xlsx");
	if (!xlsx && strcmp(format, "csv")) {
		cmd_error(M_EXP_BAD_FORMAT);
		return EXIT_USAGE;
	}
	if (xlsx && !out) {
		cmd_error(M_EXP_XLSX_OUT);
		return EXIT_USAGE;
	}
	struct store *s;
	if ((rc = cmd_open_store(url, CMD_SCHEMA_CURRENT, &s)))
		return rc;
	struct principal actor;
	if ((rc = cmd_actor(s, actor_name, &actor))) {
		store_close(s);
		return rc;
	}
	if (instansi) {
		/* narrow the scope to that instansi and everything under it */
		struct instansi in;
		rc = store_instansi_get_by_kode(s, instansi, &in);
		if (rc || !principal_sees_path(&actor, in.path)) {
			cmd_error(M_REG_INSTANSI_NOT_FOUND);
			store_close(s);
			return EXIT_CHECK_FAILED;
		}
		snprintf(actor.scope_path, sizeof(actor.scope_path), "%s", in.path);
	}
	int64_t rows = 0;
	if (xlsx) {
		rc = registry_export_xlsx(s, &actor, NULL, out, &rows);
	} else {
		FILE *f = out ? fopen(out, "wb") : stdout;
		if (!f) {
			cmd_error(M_CANNOT_WRITE, out, strerror(errno));
			store_close(s);
			return EXIT_USAGE;
		}
		rc = registry_export_csv(s, &actor, NULL, f, &rows);
		if (out && fclose(f) && !rc)
			rc = APP_EIO;
	}
	store_close(s);
	if (rc) {
		cmd_app_error(rc);
		return rc == APP_EPERM ? EXIT_CHECK_FAILED : EXIT_INTERNAL;
	}
	fprintf(stderr, msgc(M_EXP_DONE), (long long)rows);
	fputc('\n', stderr);
	return EXIT_OK;
}
