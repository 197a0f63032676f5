/* wasdal audit verify: walk the audit chain; exit 0 when intact, 1 naming
 * the first bad record otherwise. */
#include "core/compat.h"
#include "cmd/cmd.h"
#include "cmd/cmd_store.h"
#include "app/audit.h"
#include "core/err.h"
#include "store/store.h"

static int verify(const char *url)
{
	struct store *s;
	struct audit_verify_result r;
	int rc = cmd_open_store(url, CMD_SCHEMA_CURRENT, &s);
	if (rc)
		return rc;
	rc = audit_verify(s, &r);
	if (rc && rc != APP_ECONFLICT) {
		cmd_error(M_STORE_FAILED, store_last_error(s));
		store_close(s);
		return EXIT_INTERNAL;
	}
	store_close(s);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	if (rc == APP_ECONFLICT) {
		fprintf(stderr, "wasdal: ");
		fprintf(stderr, msgc(M_AUDIT_BROKEN), r.bad_seq,
			msg_cli_lang() == LANG_EN ? r.problem_en : r.problem);
		fputc('\n', stderr);
		return EXIT_CHECK_FAILED;
	}
	printf(msgc(M_AUDIT_INTACT), r.count, r.head_hash);
#pragma GCC diagnostic pop
	putchar('\n');
	return EXIT_OK;
}

int cmd_audit(int argc, char **argv)
{
	const char *url;
	int rc = cmd_take_db_option(&argc, argv, &url);
	if (rc)
		return rc;
	if (argc == 2 && !strcmp(argv[1], "verify"))
		return verify(url);
	return cmd_usage("audit");
}
