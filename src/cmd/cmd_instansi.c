/* wasdal instansi key KODE [--rotate]: the instansi's Ed25519 signing key
 * (app/integrity.h). Prints the public key in hex; never the secret. */
#include "core/compat.h"
#include "cmd/cmd.h"
#include "cmd/cmd_actor.h"
#include "cmd/cmd_store.h"
#include "app/integrity.h"
#include "core/err.h"
#include "store/store.h"

int cmd_instansi(int argc, char **argv)
{
	const char *db = NULL, *actor_name = NULL, *kode = NULL;
	int rotate = 0;
	int rc = cmd_take_db_option(&argc, argv, &db);
	if (!rc)
		rc = cmd_take_actor_option(&argc, argv, &actor_name);
	if (rc)
		return rc;
	if (argc < 3 || strcmp(argv[1], "key"))
		return cmd_usage("instansi");
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--rotate"))
			rotate = 1;
		else if (argv[i][0] == '-') {
			cmd_error(M_UNKNOWN_OPTION, argv[i]);
			return cmd_usage("instansi");
		} else if (!kode)
			kode = argv[i];
		else
			return cmd_usage("instansi");
	}
	if (!kode)
		return cmd_usage("instansi");
	struct store *s;
	if ((rc = cmd_open_store(db, CMD_SCHEMA_CURRENT, &s)))
		return rc;
	struct principal actor;
	if ((rc = cmd_actor(s, actor_name, &actor))) {
		store_close(s);
		return rc;
	}
	struct instansi_key k;
	int created = 0;
	rc = integrity_key_ensure(s, &actor, kode, rotate, &k, &created);
	store_close(s);
	if (rc == APP_ENOTFOUND) {
		cmd_error(M_INSTANSI_UNKNOWN, kode);
		return EXIT_CHECK_FAILED;
	}
	if (rc == APP_EPERM) {
		cmd_error(M_INSTANSI_KEY_PERM);
		return EXIT_CHECK_FAILED;
	}
	if (rc) {
		cmd_app_error(rc);
		return EXIT_INTERNAL;
	}
	if (created)
		cmd_error(M_INSTANSI_KEY_CREATED, kode);
	printf("%s\n", k.public_hex);
	return EXIT_OK;
}
